/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-edit.c — the plan's appendix in memory, for the editor's grid
 * (d8-plan-edit.h): cells and stated totals with their saved values, sums
 * kept as cells change, undo and redo as lists of steps (each step the
 * cells it changed, before and after), and one transaction to save.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-format.h"
#include "d8-plan-draft-private.h"
#include "d8-plan-edit.h"
#include "d8-spreadsheet.h"

typedef struct
{
  gboolean has;
  gint64 value;
} EditCell;

/* One changed cell of a step; row -1 is the stated total of @column. */
typedef struct
{
  int row;
  guint column;
  EditCell before;
  EditCell after;
} Change;

struct _D8PlanEdit
{
  GObject parent_instance;

  D8Store *store;
  gint64 plan_id;
  GPtrArray *units;      /* D8Unit*, plan order */
  GPtrArray *indicators; /* D8Indicator* of the appendix; has_target/target are the
                          * stated totals being edited */
  guint n_rows, n_columns;
  EditCell *cells;       /* n_rows × n_columns, row-major */
  EditCell *saved;       /* the same as in the store */
  EditCell *stated_saved;
  gint64 *row_sums;
  gint64 *column_sums;
  GPtrArray *undo;       /* GArray of Change, one per step */
  GPtrArray *redo;
};

G_DEFINE_FINAL_TYPE (D8PlanEdit, d8_plan_edit, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
clear_grid (D8PlanEdit *self)
{
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_free);
  g_clear_pointer (&self->saved, g_free);
  g_clear_pointer (&self->stated_saved, g_free);
  g_clear_pointer (&self->row_sums, g_free);
  g_clear_pointer (&self->column_sums, g_free);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->n_rows = self->n_columns = 0;
}

static void
d8_plan_edit_finalize (GObject *object)
{
  D8PlanEdit *self = D8_PLAN_EDIT (object);

  clear_grid (self);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (d8_plan_edit_parent_class)->finalize (object);
}

static void
d8_plan_edit_class_init (D8PlanEditClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = d8_plan_edit_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT,
                                          G_TYPE_INT);
}

static void
d8_plan_edit_init (D8PlanEdit *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

static EditCell *
cell_at (D8PlanEdit *self, guint row, guint column)
{
  return &self->cells[(gsize) row * self->n_columns + column];
}

/* ------------------------------------------------------------ loading */

static gboolean
load (D8PlanEdit *self, GError **error)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GHashTable) rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) columns = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (D8SqlStmt) stmt = NULL;

  clear_grid (self);
  if ((self->units = d8_store_list_units (self->store, self->plan_id, error)) == NULL
      || (all = d8_store_list_indicators (self->store, self->plan_id, error)) == NULL)
    return FALSE;
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_indicator_free);
  for (guint i = 0; i < all->len; i++)
    if (((D8Indicator *) all->pdata[i])->in_appendix)
      g_ptr_array_add (self->indicators, g_steal_pointer (&all->pdata[i]));
  self->n_rows = self->units->len;
  self->n_columns = self->indicators->len;
  self->cells = g_new0 (EditCell, (gsize) self->n_rows * self->n_columns + 1);
  self->stated_saved = g_new0 (EditCell, self->n_columns + 1);
  self->row_sums = g_new0 (gint64, self->n_rows + 1);
  self->column_sums = g_new0 (gint64, self->n_columns + 1);
  for (guint r = 0; r < self->n_rows; r++)
    g_hash_table_insert (rows, &((D8Unit *) self->units->pdata[r])->id, GUINT_TO_POINTER (r + 1));
  for (guint c = 0; c < self->n_columns; c++)
    {
      D8Indicator *indicator = self->indicators->pdata[c];
      g_hash_table_insert (columns, &indicator->id, GUINT_TO_POINTER (c + 1));
      /* Only a count indicator has a stated total (d8-progress.c). */
      if (indicator->kind == D8_KIND_PERCENT)
        indicator->has_target = FALSE;
      self->stated_saved[c].has = indicator->has_target;
      self->stated_saved[c].value = indicator->has_target ? (gint64) indicator->target : 0;
    }
  stmt = d8_sql_prepare (d8_store_get_db (self->store), "SELECT unit_id, indicator_id, quota"
                         " FROM quotas WHERE plan_id = ? AND quota IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 unit_id = sqlite3_column_int64 (stmt, 0);
      gint64 indicator_id = sqlite3_column_int64 (stmt, 1);
      guint r = GPOINTER_TO_UINT (g_hash_table_lookup (rows, &unit_id));
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (columns, &indicator_id));
      EditCell *cell;

      if (r == 0 || c == 0)
        continue;
      cell = cell_at (self, r - 1, c - 1);
      cell->has = TRUE;
      cell->value = sqlite3_column_int64 (stmt, 2);
      self->row_sums[r - 1] += cell->value;
      self->column_sums[c - 1] += cell->value;
    }
  self->saved = g_memdup2 (self->cells, sizeof (EditCell) * ((gsize) self->n_rows
                                                              * self->n_columns + 1));
  return TRUE;
}

D8PlanEdit *
d8_plan_edit_new (D8Store *store, gint64 plan_id, GError **error)
{
  g_autoptr (D8PlanEdit) self = NULL;
  g_autoptr (D8Plan) plan = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL)
    return NULL;
  self = g_object_new (D8_TYPE_PLAN_EDIT, NULL);
  self->store = g_object_ref (store);
  self->plan_id = plan_id;
  if (!load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gint64
d8_plan_edit_get_plan_id (D8PlanEdit *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), 0);
  return self->plan_id;
}

gboolean
d8_plan_edit_reload (D8PlanEdit *self, GError **error)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  if (!load (self, error))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, -1, -1);
  return TRUE;
}

/* ------------------------------------------------------------ reading */

guint
d8_plan_edit_get_n_rows (D8PlanEdit *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), 0);
  return self->n_rows;
}

guint
d8_plan_edit_get_n_columns (D8PlanEdit *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), 0);
  return self->n_columns;
}

const D8Unit *
d8_plan_edit_get_unit (D8PlanEdit *self, guint row)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->units->pdata[row];
}

const D8Indicator *
d8_plan_edit_get_indicator (D8PlanEdit *self, guint column)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->indicators->pdata[column];
}

gboolean
d8_plan_edit_get_cell (D8PlanEdit *self, guint row, guint column, gint64 *quota)
{
  const EditCell *cell;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, FALSE);

  cell = cell_at (self, row, column);
  if (quota != NULL)
    *quota = cell->has ? cell->value : 0;
  return cell->has;
}

char *
d8_plan_edit_format_cell (D8PlanEdit *self, guint row, guint column)
{
  gint64 quota;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), NULL);
  if (!d8_plan_edit_get_cell (self, row, column, &quota))
    return g_strdup ("-");
  return d8_format_count (quota);
}

gboolean
d8_plan_edit_get_stated (D8PlanEdit *self, guint column, gint64 *total)
{
  const D8Indicator *indicator;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  indicator = self->indicators->pdata[column];
  if (total != NULL)
    *total = indicator->has_target ? (gint64) indicator->target : 0;
  return indicator->has_target;
}

gint64
d8_plan_edit_get_row_sum (D8PlanEdit *self, guint row)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), 0);
  g_return_val_if_fail (row < self->n_rows, 0);
  return self->row_sums[row];
}

gint64
d8_plan_edit_get_column_sum (D8PlanEdit *self, guint column)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);
  return self->column_sums[column];
}

gboolean
d8_plan_edit_get_allocation (D8PlanEdit *self, guint column, gint64 *stated, gint64 *allocated,
                             gint64 *difference)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  if (allocated != NULL)
    *allocated = self->column_sums[column];
  return d8_progress_allocation (self->indicators->pdata[column], self->column_sums[column],
                                 stated, difference);
}

char *
d8_plan_edit_describe_allocation (D8PlanEdit *self, guint column)
{
  gint64 difference;

  if (!d8_plan_edit_get_allocation (self, column, NULL, NULL, &difference))
    return NULL;
  return d8_progress_format_allocation_gap (difference);
}

guint
d8_plan_edit_count_unbalanced (D8PlanEdit *self)
{
  guint n = 0;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), 0);
  for (guint c = 0; c < self->n_columns; c++)
    {
      gint64 difference;
      if (d8_plan_edit_get_allocation (self, c, NULL, NULL, &difference) && difference != 0)
        n++;
    }
  return n;
}

/* ------------------------------------------------------------ editing */

/* Puts @value in the cell (or stated total, row -1), keeping the sums. */
static void
put (D8PlanEdit *self, int row, guint column, EditCell value)
{
  if (row < 0)
    {
      D8Indicator *indicator = self->indicators->pdata[column];
      indicator->has_target = value.has;
      indicator->target = value.has ? (double) value.value : 0;
      return;
    }
  {
    EditCell *cell = cell_at (self, (guint) row, column);
    if (cell->has)
      {
        self->row_sums[row] -= cell->value;
        self->column_sums[column] -= cell->value;
      }
    *cell = value;
    if (cell->has)
      {
        self->row_sums[row] += cell->value;
        self->column_sums[column] += cell->value;
      }
  }
}

static EditCell
get (D8PlanEdit *self, int row, guint column)
{
  EditCell out = { 0 };

  if (row >= 0)
    return *cell_at (self, (guint) row, column);
  out.has = d8_plan_edit_get_stated (self, column, &out.value);
  return out;
}

static gboolean
same (EditCell a, EditCell b)
{
  return a.has == b.has && (!a.has || a.value == b.value);
}

/* Adds a change to @step when @value differs from the cell now. */
static void
step_add (D8PlanEdit *self, GArray *step, int row, guint column, EditCell value)
{
  Change change = { row, column, get (self, row, column), value };

  if (!same (change.before, change.after))
    g_array_append_val (step, change);
}

/* Applies @step as ONE undo step (nothing when it changes nothing) and
 * says so: one cell or total by its place, several as (-1, -1). */
static void
commit_step (D8PlanEdit *self, GArray *step)
{
  const Change *first;

  if (step->len == 0)
    {
      g_array_unref (step);
      return;
    }
  for (guint i = 0; i < step->len; i++)
    {
      const Change *change = &g_array_index (step, Change, i);
      put (self, change->row, change->column, change->after);
    }
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  first = &g_array_index (step, Change, 0);
  if (step->len == 1)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, first->row, (int) first->column);
  else
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, -1, -1);
}

static GArray *
new_step (void)
{
  return g_array_new (FALSE, FALSE, sizeof (Change));
}

static gboolean
check_quota (D8PlanEdit *self, guint row, guint column, gint64 quota, GError **error)
{
  const D8Unit *unit;
  const D8Indicator *indicator;

  if (quota >= 0 && quota <= D8_ENTRY_AMOUNT_MAX)
    return TRUE;
  indicator = self->indicators->pdata[column];
  unit = row < self->n_rows ? self->units->pdata[row] : NULL;
  g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
               _("%s, indicator %s: a quota is a whole number from 0 to 1,000,000,000,000."),
               unit != NULL ? unit->name : _("Stated total"), indicator->code);
  return FALSE;
}

gboolean
d8_plan_edit_set_cell (D8PlanEdit *self, guint row, guint column, gboolean has_quota,
                       gint64 quota, GError **error)
{
  GArray *step;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, FALSE);

  if (has_quota && !check_quota (self, row, column, quota, error))
    return FALSE;
  step = new_step ();
  step_add (self, step, (int) row, column, (EditCell) { has_quota, has_quota ? quota : 0 });
  commit_step (self, step);
  return TRUE;
}

/* Typed or pasted text of a cell: "", "-", "–", "—" are no quota; else a
 * whole number as d8_parse_count() reads it. @where names the cell. */
static gboolean
parse_cell (const char *text, const char *where, EditCell *out, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0' || g_str_equal (trimmed, "-") || g_str_equal (trimmed, "–")
      || g_str_equal (trimmed, "—"))
    {
      *out = (EditCell) { FALSE, 0 };
      return TRUE;
    }
  out->has = TRUE;
  return d8_parse_count (trimmed, where, &out->value, error);
}

static char *
describe_cell (D8PlanEdit *self, int row, guint column)
{
  const D8Indicator *indicator = self->indicators->pdata[column];

  if (row < 0)
    /* Translators: names a cell of the plan editor: the stated total of an indicator */
    return g_strdup_printf (_("stated total, indicator %s"), indicator->code);
  /* Translators: names a cell of the plan editor: a unit, then an indicator's code */
  return g_strdup_printf (_("%s, indicator %s"),
                          ((D8Unit *) self->units->pdata[row])->name, indicator->code);
}

gboolean
d8_plan_edit_set_cell_text (D8PlanEdit *self, guint row, guint column, const char *text,
                            GError **error)
{
  g_autofree char *where = NULL;
  EditCell value;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, FALSE);

  where = describe_cell (self, (int) row, column);
  if (!parse_cell (text, where, &value, error))
    return FALSE;
  return d8_plan_edit_set_cell (self, row, column, value.has, value.value, error);
}

gboolean
d8_plan_edit_set_stated (D8PlanEdit *self, guint column, gboolean has_total, gint64 total,
                         GError **error)
{
  const D8Indicator *indicator;
  GArray *step;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  indicator = self->indicators->pdata[column];
  if (has_total && indicator->kind == D8_KIND_PERCENT)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("indicator: %s is a percentage; its target is a share, not a total."),
                   indicator->code);
      return FALSE;
    }
  if (has_total && !check_quota (self, G_MAXUINT, column, total, error))
    return FALSE;
  step = new_step ();
  step_add (self, step, -1, column, (EditCell) { has_total, has_total ? total : 0 });
  commit_step (self, step);
  return TRUE;
}

gboolean
d8_plan_edit_set_stated_text (D8PlanEdit *self, guint column, const char *text, GError **error)
{
  g_autofree char *where = NULL;
  EditCell value;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  where = describe_cell (self, -1, column);
  if (!parse_cell (text, where, &value, error))
    return FALSE;
  return d8_plan_edit_set_stated (self, column, value.has, value.value, error);
}

/* The pasted text as cells. Spreadsheets put tab-separated rows on the
 * clipboard: those are read by d8-spreadsheet.c (quotes, CRLF, encodings).
 * Text without a tab is one column, a cell per line: never split at
 * commas, which are digit grouping there ("1,234"). */
static D8Sheet *
read_block (const char *text, GError **error)
{
  g_autoptr (D8Sheet) sheet = NULL;
  g_auto (GStrv) lines = NULL;

  if (strchr (text, '\t') != NULL)
    /* Translators: where pasted cells come from, in messages */
    return d8_sheet_read_text (text, strlen (text), _("the pasted cells"), error);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, D8_ERROR, D8_ERROR_INVALID,
                           _("The pasted text is not valid UTF-8 text."));
      return NULL;
    }
  sheet = d8_sheet_new ();
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **row = g_new0 (char *, 2);
      row[0] = g_strstrip (g_strdup (lines[i]));
      g_ptr_array_add (sheet->rows, row);
    }
  sheet->n_columns = 1;
  d8_sheet_finish (sheet);
  return g_steal_pointer (&sheet);
}

gboolean
d8_plan_edit_paste (D8PlanEdit *self, guint row, guint column, const char *text, guint *n_rows,
                    guint *n_columns, GError **error)
{
  g_autoptr (D8Sheet) sheet = NULL;
  g_autoptr (GArray) step = NULL;
  guint height, width;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if ((sheet = read_block (text, error)) == NULL)
    return FALSE;
  height = sheet->rows->len;
  width = sheet->n_columns;
  if (height == 0 || width == 0)
    {
      g_set_error_literal (error, D8_ERROR, D8_ERROR_INVALID, _("There is nothing to paste."));
      return FALSE;
    }
  if (row >= self->n_rows || column >= self->n_columns || height > self->n_rows - row
      || width > self->n_columns - column)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("The pasted block (%u rows × %u columns) does not fit in the table from "
                     "the chosen cell: there are %u units below and %u indicators to the "
                     "right."), height, width, row < self->n_rows ? self->n_rows - row : 0,
                   column < self->n_columns ? self->n_columns - column : 0);
      return FALSE;
    }
  step = new_step ();
  for (guint r = 0; r < height; r++)
    for (guint c = 0; c < width; c++)
      {
        g_autofree char *where = describe_cell (self, (int) (row + r), column + c);
        g_autofree char *cell_name = d8_sheet_cell_name (r, c);
        g_autofree char *place = g_strdup_printf ("%s (%s)", where, cell_name);
        EditCell value;

        if (!parse_cell (d8_sheet_cell (sheet, r, c), place, &value, error))
          return FALSE;
        if (value.has && !check_quota (self, row + r, column + c, value.value, error))
          return FALSE;
        step_add (self, step, (int) (row + r), column + c, value);
      }
  commit_step (self, g_steal_pointer (&step));
  if (n_rows != NULL)
    *n_rows = height;
  if (n_columns != NULL)
    *n_columns = width;
  return TRUE;
}

/* --------------------------------------------------------- distribute */

/* total × reference needs up to 80 bits (both ≤ 10¹²): exact in 128. */
__extension__ typedef unsigned __int128 Wide;

typedef struct
{
  guint index;    /* into the preview */
  Wide remainder;
  gint64 reference;
} Share;

static int
compare_shares (gconstpointer a, gconstpointer b)
{
  const Share *x = a, *y = b;

  if (x->remainder != y->remainder)
    return x->remainder > y->remainder ? -1 : 1;
  if (x->reference != y->reference)
    return x->reference > y->reference ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* The reference plan's quota of @unit_id for the indicator @code. */
static gboolean
reference_quota (sqlite3_stmt *stmt, gint64 unit_id, gint64 *quota)
{
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 3, unit_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return FALSE;
  *quota = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

GArray *
d8_plan_edit_distribute (D8PlanEdit *self, guint column, gint64 total, const guint *rows,
                         guint n_rows, gint64 reference_plan_id, GError **error)
{
  g_autoptr (GArray) preview = NULL;
  g_autoptr (GArray) shares = NULL;
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (D8Plan) reference = NULL;
  g_autofree gboolean *seen = NULL;
  const D8Indicator *indicator;
  Wide sum = 0;
  gint64 given = 0;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  g_return_val_if_fail (n_rows == 0 || rows != NULL, NULL);

  indicator = self->indicators->pdata[column];
  if (!check_quota (self, G_MAXUINT, column, total, error))
    return NULL;
  if (n_rows == 0)
    {
      g_set_error_literal (error, D8_ERROR, D8_ERROR_INVALID,
                           _("Choose the units to share the total among."));
      return NULL;
    }
  if ((reference = d8_store_get_plan (self->store, reference_plan_id, error)) == NULL)
    return NULL;
  stmt = d8_sql_prepare (d8_store_get_db (self->store), "SELECT q.quota FROM quotas q JOIN"
                         " indicators i ON i.id = q.indicator_id WHERE q.plan_id = ?1"
                         " AND i.code = ?2 AND q.unit_id = ?3", error);
  if (stmt == NULL)
    return NULL;
  {
    g_autoptr (D8SqlStmt) has = d8_sql_prepare (d8_store_get_db (self->store), "SELECT 1 FROM"
                                                " indicators WHERE plan_id = ? AND code = ?",
                                                error);
    if (has == NULL)
      return NULL;
    sqlite3_bind_int64 (has, 1, reference_plan_id);
    sqlite3_bind_text (has, 2, indicator->code, -1, SQLITE_STATIC);
    if (sqlite3_step (has) != SQLITE_ROW)
      {
        g_autofree char *name = d8_plan_draft_name (reference);
        g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                     _("indicator: the plan %s has no indicator %s to take proportions from."),
                     name, indicator->code);
        return NULL;
      }
  }
  sqlite3_bind_int64 (stmt, 1, reference_plan_id);
  sqlite3_bind_text (stmt, 2, indicator->code, -1, SQLITE_STATIC);

  seen = g_new0 (gboolean, self->n_rows + 1);
  preview = g_array_sized_new (FALSE, TRUE, sizeof (D8Distribution), n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      D8Distribution d = { rows[i], FALSE, 0, 0 };
      if (rows[i] >= self->n_rows || seen[rows[i]])
        {
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       _("Row %u is not a unit of the plan, or is chosen twice."), rows[i] + 1);
          return NULL;
        }
      seen[rows[i]] = TRUE;
      d.has_reference = reference_quota (stmt,
                                         ((D8Unit *) self->units->pdata[rows[i]])->id,
                                         &d.reference);
      sum += (Wide) d.reference;
      g_array_append_val (preview, d);
    }
  if (sum == 0)
    {
      g_autofree char *name = d8_plan_draft_name (reference);
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("The plan %s gives none of the chosen units a quota above zero for "
                     "indicator %s: there is nothing to share the total in proportion to."),
                   name, indicator->code);
      return NULL;
    }
  /* Largest remainder (see the header): floor shares, then one more to
   * the largest remainders until the total is reached. */
  shares = g_array_sized_new (FALSE, TRUE, sizeof (Share), n_rows);
  for (guint i = 0; i < preview->len; i++)
    {
      D8Distribution *d = &g_array_index (preview, D8Distribution, i);
      Wide product = (Wide) total * (Wide) d->reference;
      Share share = { i, product % sum, d->reference };
      d->quota = (gint64) (product / sum);
      given += d->quota;
      g_array_append_val (shares, share);
    }
  g_array_sort (shares, compare_shares);
  for (guint i = 0; given < total && i < shares->len; i++, given++)
    g_array_index (preview, D8Distribution, g_array_index (shares, Share, i).index).quota++;
  g_assert (given == total);
  return g_steal_pointer (&preview);
}

gboolean
d8_plan_edit_apply_distribution (D8PlanEdit *self, guint column, GArray *preview,
                                 GError **error)
{
  GArray *step;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  for (guint i = 0; i < preview->len; i++)
    {
      const D8Distribution *d = &g_array_index (preview, D8Distribution, i);
      if (d->row >= self->n_rows || !check_quota (self, d->row, column, d->quota, error))
        {
          if (d->row >= self->n_rows)
            g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                         _("Row %u is not a unit of the plan, or is chosen twice."), d->row + 1);
          return FALSE;
        }
    }
  step = new_step ();
  for (guint i = 0; i < preview->len; i++)
    {
      const D8Distribution *d = &g_array_index (preview, D8Distribution, i);
      step_add (self, step, (int) d->row, column, (EditCell) { TRUE, d->quota });
    }
  commit_step (self, step);
  return TRUE;
}

/* ------------------------------------------------------- undo, saving */

gboolean
d8_plan_edit_can_undo (D8PlanEdit *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  return self->undo->len > 0;
}

gboolean
d8_plan_edit_can_redo (D8PlanEdit *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  return self->redo->len > 0;
}

/* Moves the last step of @from to @to, putting its before (undo) or
 * after (redo) values back. */
static gboolean
replay (D8PlanEdit *self, GPtrArray *from, GPtrArray *to, gboolean backwards)
{
  GArray *step;

  if (from->len == 0)
    return FALSE;
  step = g_ptr_array_steal_index (from, from->len - 1);
  for (guint k = 0; k < step->len; k++)
    {
      guint i = backwards ? step->len - 1 - k : k;
      const Change *change = &g_array_index (step, Change, i);
      put (self, change->row, change->column, backwards ? change->before : change->after);
    }
  g_ptr_array_add (to, step);
  if (step->len == 1)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, g_array_index (step, Change, 0).row,
                   (int) g_array_index (step, Change, 0).column);
  else
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, -1, -1);
  return TRUE;
}

gboolean
d8_plan_edit_undo (D8PlanEdit *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  return replay (self, self->undo, self->redo, TRUE);
}

gboolean
d8_plan_edit_redo (D8PlanEdit *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);
  return replay (self, self->redo, self->undo, FALSE);
}

gboolean
d8_plan_edit_is_modified (D8PlanEdit *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);

  for (gsize i = 0; i < (gsize) self->n_rows * self->n_columns; i++)
    if (!same (self->cells[i], self->saved[i]))
      return TRUE;
  for (guint c = 0; c < self->n_columns; c++)
    if (!same (get (self, -1, c), self->stated_saved[c]))
      return TRUE;
  return FALSE;
}

static gboolean
write_changes (D8PlanEdit *self, const D8Plan *plan, gint64 revision_id, GError **error)
{
  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        const EditCell *cell = cell_at (self, r, c);
        if (!same (*cell, self->saved[(gsize) r * self->n_columns + c])
            && !d8_plan_draft_write_quota (self->store, revision_id, self->plan_id,
                                           ((D8Unit *) self->units->pdata[r])->id,
                                           ((D8Indicator *) self->indicators->pdata[c])->id,
                                           cell->has, cell->value, error))
          return FALSE;
      }
  for (guint c = 0; c < self->n_columns; c++)
    {
      EditCell stated = get (self, -1, c);
      if (!same (stated, self->stated_saved[c])
          && !d8_plan_draft_write_total (self->store, revision_id, plan,
                                         ((D8Indicator *) self->indicators->pdata[c])->id,
                                         stated.has, stated.value, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
d8_plan_edit_save (D8PlanEdit *self, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  gint64 revision_id;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (self), FALSE);

  if (!d8_plan_edit_is_modified (self))
    return TRUE;
  if ((plan = d8_store_get_plan (self->store, self->plan_id, error)) == NULL
      || !d8_plan_draft_check_quotas_editable (self->store, plan, &revision_id, error))
    return FALSE;
  if (!d8_store_begin (self->store, error))
    return FALSE;
  if (!write_changes (self, plan, revision_id, error) || !d8_store_commit (self->store, error))
    {
      d8_store_rollback (self->store);
      return FALSE;
    }
  memcpy (self->saved, self->cells, sizeof (EditCell) * (gsize) self->n_rows * self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    self->stated_saved[c] = get (self, -1, c);
  d8_store_emit_changed (self->store);
  return TRUE;
}
