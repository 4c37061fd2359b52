/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-grid.h — the appendix of a plan as an editable grid: units ×
 * indicators, drawn by one widget (only the rows on screen are drawn, no
 * widget per cell), keyboard-first like a spreadsheet.
 *
 * The figures, their sums, the allocation check, undo and paste all live
 * in the D8PlanEdit it shows (src/core/d8-plan-edit.h); the grid only
 * draws them, keeps the cursor and the selection, and turns keys into
 * edits:
 *   digits, "-" (no quota)   start typing in the cell under the cursor
 *   Enter / Shift+Enter      commit, move down / up
 *   Tab / Shift+Tab          commit, move right / left (wrapping rows)
 *   arrows, Home, End, Page  move; with Shift they extend the selection
 *   F2                       edit the cell's text; Escape cancels typing
 *   Delete, BackSpace        the cell gets no quota ("-")
 *   Ctrl+V / Ctrl+C          paste / copy a block as tab-separated text
 *   Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y   undo / redo
 * Row @n_units (below the units) is the plan's stated totals, editable the
 * same way; under it the sums of the units and the allocation check.
 *
 * Accessibility: the widget has the grid role; its description names the
 * cell under the cursor, its unit, indicator and value, and is updated as
 * the cursor moves.
 *
 * Property "message" (string, may be NULL): why the last input was refused
 * (from the core, translated), cleared by the next accepted one.
 */
#pragma once

#include <adwaita.h>

#include "d8-plan-edit.h"

G_BEGIN_DECLS

#define D8_TYPE_PLAN_GRID (d8_plan_grid_get_type ())
G_DECLARE_FINAL_TYPE (D8PlanGrid, d8_plan_grid, D8, PLAN_GRID, GtkWidget)

GtkWidget *d8_plan_grid_new (void);

/* d8_plan_grid_set_edit:
 * @edit: (nullable): the edit to show; the grid keeps a reference and
 *   redraws on its "changed" signal. */
void d8_plan_grid_set_edit (D8PlanGrid *self, D8PlanEdit *edit);
D8PlanEdit *d8_plan_grid_get_edit (D8PlanGrid *self);

/* d8_plan_grid_press_key:
 * What a key press does (the key controller calls it; tests call it to
 * drive the grid as a person would). Returns TRUE when the key was used. */
gboolean d8_plan_grid_press_key (D8PlanGrid *self, guint keyval, GdkModifierType state);

/* The cursor: @row 0 … n_units-1 a unit, n_units the stated totals row;
 * @col 0 … n_indicators-1. Setting it drops any text being typed and
 * collapses the selection to the cursor. */
void d8_plan_grid_get_cursor (D8PlanGrid *self, guint *row, guint *col);
void d8_plan_grid_set_cursor (D8PlanGrid *self, guint row, guint col);

/* The selection as a rectangle of units rows (the totals row is left out)
 * and columns, inclusive. FALSE when only the totals row is selected. */
gboolean d8_plan_grid_get_selection (D8PlanGrid *self, guint *first_row, guint *last_row,
                                     guint *first_col, guint *last_col);

/* Why the last input was refused, or NULL. */
const char *d8_plan_grid_get_message (D8PlanGrid *self);

/* Microseconds the last frame's drawing of the grid took (for the bench
 * and tests). */
gint64 d8_plan_grid_get_last_draw_us (D8PlanGrid *self);

G_END_DECLS
