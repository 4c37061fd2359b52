/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-new-plan-dialog.h — "New Plan…": a draft plan, empty or from an
 * existing plan (by default the one shown), for the next year, with its
 * quotas empty or copied (d8_store_new_plan()). The code follows the year
 * until a person types one.
 *
 * Signal "created" (D8NewPlanDialog *dialog, gint64 plan_id, gpointer
 * user_data): after the draft was made. A refusal (a code taken …) is
 * shown as a toast on the parent window. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_NEW_PLAN_DIALOG (d8_new_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (D8NewPlanDialog, d8_new_plan_dialog, D8, NEW_PLAN_DIALOG, AdwMessageDialog)

/* @from_plan_id: the plan offered to start from (0: an empty plan). */
D8NewPlanDialog *d8_new_plan_dialog_new (GtkWindow *parent, D8Store *store, gint64 from_plan_id);

/* For tests: start empty (@from_position 0) or from the plan at
 * @from_position - 1 of the store's list; the year; copy the quotas. */
void d8_new_plan_dialog_choose (D8NewPlanDialog *self, guint from_position, int year,
                                gboolean copy_quotas);

G_END_DECLS
