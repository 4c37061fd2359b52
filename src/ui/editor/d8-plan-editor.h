/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-editor.h — the plan editor: a window over one plan with four
 * pages (AdwViewStack): the appendix grid with its allocation check and
 * the "distribute" helper, the units, the indicators with their groups
 * and extra targets, and the plan's details. It issues a draft and amends
 * an issued plan (d8-plan-issue-dialog.h).
 *
 * The appendix is held in a D8PlanEdit and written by "Save" (Ctrl+S) in
 * one transaction; the other pages write each change at once through
 * d8-plan-draft.h (a change of units or indicators saves the grid first,
 * then reads it again). An issued plan changes only while an amendment is
 * open: the editor says so and offers "Amend…".
 *
 * Window actions ("editor." prefix): save, undo, redo, issue, amend,
 * distribute, apply-details.
 */
#pragma once

#include <adwaita.h>

#include "d8-plan-edit.h"
#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_PLAN_EDITOR (d8_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (D8PlanEditor, d8_plan_editor, D8, PLAN_EDITOR, AdwWindow)

/* d8_plan_editor_new:
 * @parent: (nullable): the main window
 * @store: the store
 * @plan_id: the plan to edit
 * @error: as d8_plan_edit_new()
 * Returns: (transfer none): the editor, not yet shown; NULL on error. */
D8PlanEditor *d8_plan_editor_new (GtkWindow *parent, D8Store *store, gint64 plan_id,
                                  GError **error);

gint64 d8_plan_editor_get_plan_id (D8PlanEditor *self);
/* The edit behind the appendix page (for tests). */
D8PlanEdit *d8_plan_editor_get_edit (D8PlanEditor *self);
/* The grid of the appendix page (for tests). */
GtkWidget *d8_plan_editor_get_grid (D8PlanEditor *self);
/* The text of the allocation check beside the grid (for tests). */
const char *d8_plan_editor_get_check_text (D8PlanEditor *self);
/* Shows the page @name: "appendix", "units", "indicators", "details". */
void d8_plan_editor_show_page (D8PlanEditor *self, const char *name);
/* The dialog last opened by editor.issue, editor.amend or
 * editor.distribute, NULL when none is open (for tests). */
GtkWidget *d8_plan_editor_get_dialog (D8PlanEditor *self);

G_END_DECLS
