/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-issue-dialog.h — issuing a draft plan, or amending an issued one:
 * the decision's document number and date (and, to issue, the issuer),
 * all required. The response stays disabled until each required field is
 * filled and the date reads as a date; the store then checks the rest
 * (d8_store_issue_plan(), d8_store_amend_plan()) and a refusal is shown
 * as a toast on the parent window.
 *
 * Signal "done" (D8PlanIssueDialog *dialog, gpointer user_data): after the
 * plan was issued or the amendment opened. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_PLAN_ISSUE_DIALOG (d8_plan_issue_dialog_get_type ())
G_DECLARE_FINAL_TYPE (D8PlanIssueDialog, d8_plan_issue_dialog, D8, PLAN_ISSUE_DIALOG,
                      AdwMessageDialog)

/* d8_plan_issue_dialog_new:
 * @parent: the window it is modal for (toasts of refusals go there)
 * @store: the store
 * @plan_id: a draft (@amend FALSE: issue it; an issued plan with an open
 *   amendment is issued the same way, closing the amendment) or an issued
 *   plan (@amend TRUE: open an amendment)
 * Returns: (transfer none): the dialog, not yet shown. */
D8PlanIssueDialog *d8_plan_issue_dialog_new (GtkWindow *parent, D8Store *store, gint64 plan_id,
                                             gboolean amend);

/* Fills the fields as a person types (for tests); @issuer NULL leaves it. */
void d8_plan_issue_dialog_fill (D8PlanIssueDialog *self, const char *document_number,
                                const char *issued_on, const char *issuer);

G_END_DECLS
