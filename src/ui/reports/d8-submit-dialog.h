/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-submit-dialog.h — a unit office's report for a reporting period: the
 * figures per indicator as of the period's cut-off (read-only), the
 * narrative (results, difficulties, proposals) and a reason per indicator
 * where the unit is behind; submit, or withdraw before the province
 * decides. The province's decision shows once a bundle brought it. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_SUBMIT_DIALOG (d8_submit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (D8SubmitDialog, d8_submit_dialog, D8, SUBMIT_DIALOG, AdwWindow)

/* d8_submit_dialog_new:
 * @parent: (nullable): the main window
 * @store: a unit office's store
 * @plan_id: the plan shown
 * @period_code: (nullable): the period to open on; NULL: the first whose
 *   due date has not passed, else the last
 * @error: (out) (optional): D8_ERROR_INVALID when this office is the
 *   province or its unit is not in the plan; D8_ERROR_NOT_FOUND when the
 *   plan sets no reporting period; D8_ERROR_DATABASE
 *
 * Returns: (transfer none) (nullable): the dialog, owned by GTK's list of
 *   windows; not yet shown. */
D8SubmitDialog *d8_submit_dialog_new (GtkWindow *parent, D8Store *store, gint64 plan_id,
                                      const char *period_code, GError **error);

/* For tests: writes the three parts of the narrative, and the reason of
 * the indicator @code when it has a reason field (FALSE when not). */
void d8_submit_dialog_set_narrative (D8SubmitDialog *self, const char *results,
                                     const char *difficulties, const char *proposals);
gboolean d8_submit_dialog_set_reason (D8SubmitDialog *self, const char *indicator_code,
                                      const char *reason);
/* For tests: the figure rows shown, and the status row's subtitle. */
guint d8_submit_dialog_get_n_figures (D8SubmitDialog *self);
const char *d8_submit_dialog_get_status_text (D8SubmitDialog *self);

G_END_DECLS
