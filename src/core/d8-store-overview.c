/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-store-overview.c — the numbers behind the progress figures: quotas
 * and sums of entries read from the store. The arithmetic on them (cells,
 * totals, overall completion) is d8-progress.c's.
 *
 * Sums come from the tables the triggers keep (entry_totals, entry_days;
 * see d8-store-migrations.c), never from the entries themselves.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "d8-format.h"
#include "d8-sql.h"
#include "d8-store-private.h"

/* Where the rows of a query land in an overview: unit and indicator ids to
 * their indexes in plan order. */
typedef struct
{
  D8Overview *overview;
  GHashTable *unit_index;      /* gint64 * → index */
  GHashTable *indicator_index; /* gint64 * → index */
} CellIndex;

static void
cell_index_init (CellIndex *index, D8Overview *overview)
{
  index->overview = overview;
  index->unit_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  index->indicator_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint u = 0; u < overview->units->len; u++)
    g_hash_table_insert (index->unit_index, &((D8Unit *) overview->units->pdata[u])->id,
                         GUINT_TO_POINTER (u));
  for (guint i = 0; i < overview->indicators->len; i++)
    g_hash_table_insert (index->indicator_index,
                         &((D8Indicator *) overview->indicators->pdata[i])->id,
                         GUINT_TO_POINTER (i));
}

static void
cell_index_clear (CellIndex *index)
{
  g_clear_pointer (&index->unit_index, g_hash_table_unref);
  g_clear_pointer (&index->indicator_index, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CellIndex, cell_index_clear)

/* The first two columns of every query whose rows land in cells. */
enum
{
  CELL_UNIT_ID,
  CELL_INDICATOR_ID,
  CELL_FIGURES, /* the query's own columns follow */
};

/* Puts the figures of a row into its cell. */
typedef void (*CellFillFunc) (D8Cell *cell, const D8Indicator *indicator, sqlite3_stmt *stmt);

/* Steps @stmt to the end and fills the cell of each row; rows of units or
 * indicators outside the plan are passed over. */
static gboolean
fill_cells (D8Store *self, CellIndex *index, sqlite3_stmt *stmt, CellFillFunc fill,
            const char *failure, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 unit_id = sqlite3_column_int64 (stmt, CELL_UNIT_ID);
      gint64 indicator_id = sqlite3_column_int64 (stmt, CELL_INDICATOR_ID);
      gpointer u, i;

      if (g_hash_table_lookup_extended (index->unit_index, &unit_id, NULL, &u)
          && g_hash_table_lookup_extended (index->indicator_index, &indicator_id, NULL, &i))
        fill (d8_overview_cell (index->overview, GPOINTER_TO_UINT (u), GPOINTER_TO_UINT (i)),
              index->overview->indicators->pdata[GPOINTER_TO_UINT (i)], stmt);
    }
  if (rc != SQLITE_DONE)
    return d8_sql_fail (self->db, error, failure);
  return TRUE;
}

/* The columns of read_quotas(), after unit and indicator. */
enum
{
  QUOTA_QUOTA = CELL_FIGURES,
};

static void
fill_quota (D8Cell *cell, const D8Indicator *indicator, sqlite3_stmt *stmt)
{
  cell->has_quota = TRUE;
  cell->quota = sqlite3_column_int64 (stmt, QUOTA_QUOTA);
}

/* Quotas of the cells; "no quota" rows (NULL) are left as they are. */
static gboolean
read_quotas (D8Store *self, CellIndex *index, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "SELECT unit_id, indicator_id, quota FROM quotas"
                    " WHERE plan_id = ? AND quota IS NOT NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  return fill_cells (self, index, stmt, fill_quota, _("The quotas could not be read."), error);
}

/* The columns of read_sums(), after unit and indicator. */
enum
{
  SUM_AMOUNT = CELL_FIGURES,
  SUM_REACHED,
  SUM_GROUP_SIZE,
  SUM_N,
};

static void
fill_sums (D8Cell *cell, const D8Indicator *indicator, sqlite3_stmt *stmt)
{
  switch (indicator->kind)
    {
    case D8_KIND_COUNT:
      cell->achieved = sqlite3_column_int64 (stmt, SUM_AMOUNT);
      break;
    case D8_KIND_PERCENT:
      cell->achieved = sqlite3_column_int64 (stmt, SUM_REACHED);
      break;
    }
  cell->group_size = sqlite3_column_int64 (stmt, SUM_GROUP_SIZE);
  cell->n_entries = sqlite3_column_int64 (stmt, SUM_N);
}

/* The sums of the days after the as-of date come off the all-time ones. */
static void
subtract_sums (D8Cell *cell, const D8Indicator *indicator, sqlite3_stmt *stmt)
{
  switch (indicator->kind)
    {
    case D8_KIND_COUNT:
      cell->achieved -= sqlite3_column_int64 (stmt, SUM_AMOUNT);
      break;
    case D8_KIND_PERCENT:
      cell->achieved -= sqlite3_column_int64 (stmt, SUM_REACHED);
      break;
    }
  cell->group_size -= sqlite3_column_int64 (stmt, SUM_GROUP_SIZE);
  cell->n_entries -= sqlite3_column_int64 (stmt, SUM_N);
}

/* Sums of live entries dated on or before the overview's as-of date: the
 * all-time sums (one row per cell, read in key order, no sorting), less
 * each day after as_of (for "today" usually none; for a past date a range
 * of days). One query with a UNION and GROUP BY sorted every cell in a
 * temporary b-tree: a tenth of the start-up at 3,300 units. */
static gboolean
read_sums (D8Store *self, CellIndex *index, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) totals =
    d8_sql_prepare (self->db, "SELECT unit_id, indicator_id, amount, reached, group_size, n"
                    " FROM entry_totals WHERE plan_id = ?1", error);
  g_autoptr (D8SqlStmt) later = NULL;

  if (totals == NULL)
    return FALSE;
  sqlite3_bind_int64 (totals, 1, plan_id);
  if (!fill_cells (self, index, totals, fill_sums, _("The progress figures could not be read."),
                   error))
    return FALSE;
  /* Day by day, not grouped by cell: subtracting is additive, and a
   * GROUP BY sorted the rows in a temporary b-tree (half of this query's
   * time at 3,300 units with a month of entries after the as-of date). */
  later = d8_sql_prepare (self->db, "SELECT unit_id, indicator_id, amount, reached, group_size, n"
                          " FROM entry_days WHERE plan_id = ?1 AND date > ?2", error);
  if (later == NULL)
    return FALSE;
  sqlite3_bind_int64 (later, 1, plan_id);
  sqlite3_bind_text (later, 2, index->overview->as_of, -1, SQLITE_STATIC);
  return fill_cells (self, index, later, subtract_sums,
                     _("The progress figures could not be read."), error);
}

/**
 * d8_store_compute_overview:
 * @self: a store
 * @plan_id: a plan's id
 * @as_of: (nullable): an ISO date; NULL for today
 * @error: (out) (optional): D8_ERROR_INVALID for a malformed @as_of,
 *   D8_ERROR_NOT_FOUND for an unknown plan, D8_ERROR_DATABASE
 *
 * Progress of every unit × indicator of a plan, and of the province,
 * counting live entries dated on or before @as_of.
 *
 * Returns: (transfer full) (nullable): the overview, or NULL on error.
 */
D8Overview *
d8_store_compute_overview (D8Store *self, gint64 plan_id, const char *as_of, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (D8Overview) overview = NULL;
  g_auto (CellIndex) index = { 0 };

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  if (as_of != NULL && !d8_date_is_valid (as_of))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("as of: “%s” is not a date in the form YYYY-MM-DD"), as_of);
      return NULL;
    }
  if ((plan = d8_store_get_plan (self, plan_id, error)) == NULL
      || (units = d8_store_list_units (self, plan_id, error)) == NULL
      || (indicators = d8_store_list_indicators (self, plan_id, error)) == NULL)
    return NULL;
  overview = d8_overview_new_for (g_steal_pointer (&plan), g_steal_pointer (&units),
                                  g_steal_pointer (&indicators), as_of);

  cell_index_init (&index, overview);
  if (!read_quotas (self, &index, plan_id, error) || !read_sums (self, &index, plan_id, error))
    return NULL;
  d8_overview_evaluate (overview);
  return g_steal_pointer (&overview);
}

/**
 * d8_store_daily_sums:
 * @self: a store
 * @plan_id: a plan's id
 * @unit_id: a unit's id, or 0 for all
 * @indicator_id: an indicator's id, or 0 for all
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * Daily sums of live entries, by date then unit then indicator, for
 * timelines; days whose entries were all deleted are left out.
 *
 * Returns: (transfer full) (element-type D8DaySum) (nullable): the sums,
 *   or NULL on error.
 */
GArray *
d8_store_daily_sums (D8Store *self, gint64 plan_id, gint64 unit_id, gint64 indicator_id,
                     GError **error)
{
  enum { DATE, UNIT_ID, INDICATOR_ID, AMOUNT, REACHED, GROUP_SIZE };
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (GArray) sums = g_array_new (FALSE, TRUE, sizeof (D8DaySum));
  int rc;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (self->db, "SELECT date, unit_id, indicator_id, amount, reached, group_size"
                         " FROM entry_days WHERE plan_id = ?1 AND n > 0"
                         " AND (?2 = 0 OR unit_id = ?2) AND (?3 = 0 OR indicator_id = ?3)"
                         " ORDER BY date, unit_id, indicator_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_int64 (stmt, 3, indicator_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      D8DaySum sum = { 0 };

      g_strlcpy (sum.date, d8_sql_column_text (stmt, DATE), sizeof sum.date);
      sum.unit_id = sqlite3_column_int64 (stmt, UNIT_ID);
      sum.indicator_id = sqlite3_column_int64 (stmt, INDICATOR_ID);
      sum.amount = sqlite3_column_int64 (stmt, AMOUNT);
      sum.reached = sqlite3_column_int64 (stmt, REACHED);
      sum.group_size = sqlite3_column_int64 (stmt, GROUP_SIZE);
      g_array_append_val (sums, sum);
    }
  if (rc != SQLITE_DONE)
    {
      d8_sql_fail (self->db, error, _("The progress figures could not be read."));
      return NULL;
    }
  return g_steal_pointer (&sums);
}
