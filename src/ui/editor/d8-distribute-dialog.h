/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-distribute-dialog.h — "Distribute…": spreads a total over the units
 * selected in the appendix grid, in proportion to their quotas in a
 * reference plan (by default the latest plan of an earlier year), by the
 * core's rule (d8_plan_edit_distribute()). The result is shown, unit by
 * unit beside last year's quota, as the total or the reference changes;
 * nothing changes until "Apply" (one undo step). The total proposed is
 * what the column's stated total leaves after the units not selected. */
#pragma once

#include <adwaita.h>

#include "d8-plan-edit.h"

G_BEGIN_DECLS

#define D8_TYPE_DISTRIBUTE_DIALOG (d8_distribute_dialog_get_type ())
G_DECLARE_FINAL_TYPE (D8DistributeDialog, d8_distribute_dialog, D8, DISTRIBUTE_DIALOG,
                      AdwMessageDialog)

/* d8_distribute_dialog_new:
 * @parent: the editor
 * @store: the store (to list the reference plans)
 * @edit: the appendix
 * @column: the indicator's column
 * @rows: (array length=n_rows): the selected units' rows
 * Returns: (transfer none): the dialog, not yet shown. */
D8DistributeDialog *d8_distribute_dialog_new (GtkWindow *parent, D8Store *store, D8PlanEdit *edit,
                                              guint column, const guint *rows, guint n_rows);

/* For tests: the total to spread; the preview's lines as shown; whether
 * the preview is valid (Apply enabled). */
void d8_distribute_dialog_set_total (D8DistributeDialog *self, gint64 total);
char *d8_distribute_dialog_get_preview_text (D8DistributeDialog *self);
gboolean d8_distribute_dialog_can_apply (D8DistributeDialog *self);

G_END_DECLS
