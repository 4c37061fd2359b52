/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-edit.h — a plan's appendix held in memory for editing: the grid
 * of units × indicators the plan editor shows, with its stated totals,
 * row and column sums, the live allocation check, undo/redo, typed text,
 * pasted blocks and the "distribute" helper. Nothing is written until
 * d8_plan_edit_save(), which writes every changed cell in ONE transaction
 * (a draft: plainly; an issued plan: under its open amendment, recorded in
 * the history, see d8-plan-draft.h).
 *
 * No GTK: the window's grid and the tests drive the same object.
 *
 * Rows are the plan's units in plan order, columns the indicators of its
 * appendix (in_appendix) in plan order. A cell holds a quota (a whole
 * number 0…10¹²) or "no quota". Sums are kept incrementally (one cell
 * edit costs O(1); a paste O(cells pasted)), so 135 units × 10 indicators
 * and more stay instant.
 *
 * Signals:
 *   "changed" (D8PlanEdit *edit, int row, int column, gpointer user_data)
 *     after any change of the grid: one cell (@row, @column ≥ 0), a stated
 *     total (@row = -1, @column ≥ 0), or many (both -1: paste, distribute,
 *     undo or redo of them, reload). Sums and checks are up to date then.
 */
#pragma once

#include <glib-object.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_PLAN_EDIT (d8_plan_edit_get_type ())
G_DECLARE_FINAL_TYPE (D8PlanEdit, d8_plan_edit, D8, PLAN_EDIT, GObject)

/**
 * d8_plan_edit_new:
 * @store: a store (a reference is kept)
 * @plan_id: the plan to edit
 * @error: D8_ERROR_NOT_FOUND, D8_ERROR_DATABASE
 *
 * Reads the plan's units, appendix indicators, quotas and stated totals.
 *
 * Returns: (transfer full): the editable appendix, NULL on error.
 */
D8PlanEdit *d8_plan_edit_new (D8Store *store, gint64 plan_id, GError **error);

gint64 d8_plan_edit_get_plan_id (D8PlanEdit *self);
/* Reads the plan again, dropping unsaved changes and the undo history. */
gboolean d8_plan_edit_reload (D8PlanEdit *self, GError **error);

guint d8_plan_edit_get_n_rows (D8PlanEdit *self);    /* units */
guint d8_plan_edit_get_n_columns (D8PlanEdit *self); /* appendix indicators */
/* (transfer none): valid until the next reload. */
const D8Unit *d8_plan_edit_get_unit (D8PlanEdit *self, guint row);
const D8Indicator *d8_plan_edit_get_indicator (D8PlanEdit *self, guint column);

/* The cell: TRUE and @quota set when it has a quota, FALSE for "no quota". */
gboolean d8_plan_edit_get_cell (D8PlanEdit *self, guint row, guint column, gint64 *quota);
/* The cell as the grid shows it: the number with the locale's grouping
 * ("1.234" in Vietnamese), or "-" for no quota. */
char *d8_plan_edit_format_cell (D8PlanEdit *self, guint row, guint column);
/* The stated total of a column (the totals row): FALSE when none. */
gboolean d8_plan_edit_get_stated (D8PlanEdit *self, guint column, gint64 *total);

/* Sums of the cells with a quota: of a unit's row, of an indicator's
 * column (the allocated total). */
gint64 d8_plan_edit_get_row_sum (D8PlanEdit *self, guint row);
gint64 d8_plan_edit_get_column_sum (D8PlanEdit *self, guint column);

/**
 * d8_plan_edit_get_allocation:
 * @stated: (out) (optional), @allocated: (out) (optional),
 * @difference: (out) (optional): stated − allocated; > 0 means that much
 *   is not allocated, < 0 over-allocated
 *
 * The allocation check of one column, by the definition of d8-progress.c
 * (d8_progress_allocation(): count indicators of the appendix with a
 * stated total).
 *
 * Returns: FALSE when the column has no stated total (nothing to check).
 */
gboolean d8_plan_edit_get_allocation (D8PlanEdit *self, guint column, gint64 *stated,
                                      gint64 *allocated, gint64 *difference);
/* "2 not allocated" / "3 over-allocated" (translated, d8-progress's
 * words); NULL when the column adds up or has nothing to check. */
char *d8_plan_edit_describe_allocation (D8PlanEdit *self, guint column);
/* Columns whose allocation does not add up. */
guint d8_plan_edit_count_unbalanced (D8PlanEdit *self);

/* ------------------------------------------------------------- editing */

/* One cell; each call is one undo step. D8_ERROR_INVALID when @quota is
 * out of 0…10¹². */
gboolean d8_plan_edit_set_cell (D8PlanEdit *self, guint row, guint column, gboolean has_quota,
                                gint64 quota, GError **error);

/**
 * d8_plan_edit_set_cell_text:
 * @text: as typed: "-" (or "–", or empty) for no quota, else a whole
 *   number with or without digit grouping ("1.234", "1,234", "1 234"), as
 *   d8_parse_count() reads it
 * @error: D8_ERROR_INVALID naming the unit and indicator of the cell
 *
 * One undo step.
 */
gboolean d8_plan_edit_set_cell_text (D8PlanEdit *self, guint row, guint column, const char *text,
                                     GError **error);

/* The stated total of a column (count indicators only), as a number or
 * text ("" or "-" removes it). One undo step each. */
gboolean d8_plan_edit_set_stated (D8PlanEdit *self, guint column, gboolean has_total,
                                  gint64 total, GError **error);
gboolean d8_plan_edit_set_stated_text (D8PlanEdit *self, guint column, const char *text,
                                       GError **error);

/**
 * d8_plan_edit_paste:
 * @text: tab-separated rows as a spreadsheet puts them on the clipboard
 *   (read by d8_sheet_read_text(); a single value is a 1 × 1 block)
 * @row, @column: the top-left cell of the block
 * @n_rows, @n_columns: (out) (optional): the size of the block pasted
 * @error: D8_ERROR_INVALID naming the first bad cell (by its unit and
 *   indicator and its place in the pasted block), or a block that does not
 *   fit below/right of @row, @column
 *
 * All or nothing: nothing changes unless every cell parses. ONE undo step.
 */
gboolean d8_plan_edit_paste (D8PlanEdit *self, guint row, guint column, const char *text,
                             guint *n_rows, guint *n_columns, GError **error);

/* ---------------------------------------------------------- distribute */

typedef struct
{
  guint row;              /* the unit's row */
  gboolean has_reference; /* the reference plan gives the unit a quota */
  gint64 reference;       /* that quota (0 when none) */
  gint64 quota;           /* proposed */
} D8Distribution;

/**
 * d8_plan_edit_distribute:
 * @column: the indicator (a column)
 * @total: the whole number to spread, 0…10¹²
 * @rows: (array length=n_rows): the selected units' rows, each once
 * @reference_plan_id: the plan whose quotas give the proportions (last
 *   year's); units are matched by unit, the indicator by its code
 * @error: D8_ERROR_INVALID (no rows, a row twice, no reference quota
 *   above zero among the selected units), D8_ERROR_NOT_FOUND (the
 *   reference plan has no indicator of that code)
 *
 * Proposes quotas in proportion to the reference quotas, by the largest
 * remainder rule: each unit first gets floor(total × ref / sum of refs);
 * the units left short are then given one more each, in order of the
 * largest remainder (total × ref mod sum), ties to the larger reference
 * quota, then to the earlier row, until the quotas add up to @total
 * exactly. A unit without a reference quota gets 0. Nothing changes:
 * show the result, then d8_plan_edit_apply_distribution().
 *
 * Returns: (transfer full) (element-type D8Distribution): in the order of
 *   @rows; NULL on error.
 */
GArray *d8_plan_edit_distribute (D8PlanEdit *self, guint column, gint64 total,
                                 const guint *rows, guint n_rows, gint64 reference_plan_id,
                                 GError **error);
/* Writes the proposed quotas of @preview into column @column: ONE undo
 * step. */
gboolean d8_plan_edit_apply_distribution (D8PlanEdit *self, guint column, GArray *preview,
                                          GError **error);

/* ------------------------------------------------------ undo, saving */

gboolean d8_plan_edit_can_undo (D8PlanEdit *self);
gboolean d8_plan_edit_can_redo (D8PlanEdit *self);
/* FALSE when there is nothing to undo / redo. */
gboolean d8_plan_edit_undo (D8PlanEdit *self);
gboolean d8_plan_edit_redo (D8PlanEdit *self);

/* TRUE when the grid differs from what was read or last saved. */
gboolean d8_plan_edit_is_modified (D8PlanEdit *self);

/**
 * d8_plan_edit_save:
 * @error: D8_ERROR_INVALID for an issued plan with no open amendment
 *   (naming the plan), D8_ERROR_DATABASE
 *
 * Writes every cell and stated total that differs from the store in ONE
 * transaction; nothing is written on error. The undo history is kept.
 *
 * Returns: TRUE on success (also when there was nothing to write).
 */
gboolean d8_plan_edit_save (D8PlanEdit *self, GError **error);

G_END_DECLS
