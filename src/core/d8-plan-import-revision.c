/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-import-revision.c — a plan revised by a later decision, in the
 * store: the revision's record, the units it adds, and each quota or
 * stated total it changes, whose old value is kept in quota_history. And
 * reading that history back.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "d8-error.h"
#include "d8-plan-import-private.h"
#include "d8-sql.h"
#include "d8-store-private.h"

static gint64
scalar_int (D8Store *self, const char *sql, gint64 a, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (self), sql, error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, a);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
add_history (D8Store *self, gint64 revision_id, gint64 plan_id, gint64 unit_id,
             gint64 indicator_id, sqlite3_stmt *old, gboolean new_has, gint64 new_quota,
             const char *new_written, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (d8_store_get_db (self), "INSERT INTO quota_history (revision_id, plan_id, unit_id,"
                    " indicator_id, old_quota, old_written, new_quota, new_written)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  if (unit_id != 0)
    sqlite3_bind_int64 (stmt, 3, unit_id);
  sqlite3_bind_int64 (stmt, 4, indicator_id);
  if (old != NULL && sqlite3_column_type (old, 0) != SQLITE_NULL)
    sqlite3_bind_int64 (stmt, 5, sqlite3_column_int64 (old, 0));
  if (old != NULL)
    d8_sql_bind_text (stmt, 6, d8_sql_column_text (old, 1), D8_SQL_EMPTY_IS_TEXT);
  if (new_has)
    sqlite3_bind_int64 (stmt, 7, new_quota);
  d8_sql_bind_text (stmt, 8, new_written ? new_written : "", D8_SQL_EMPTY_IS_TEXT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (self), error, _("The history of the plan could not be saved."));
  return TRUE;
}

/* One cell of a revision: updated, with its old value in the history,
 * when it differs; inserted for a unit the revision adds. Also the
 * editor's and amendments' writer (d8-plan-draft-quota.c): revision 0
 * writes without history (a draft). */
gboolean
d8_store_revise_quota (D8Store *self, gint64 revision_id, gint64 plan_id, gint64 unit_id,
              gint64 indicator_id, gboolean has, gint64 quota, const char *written,
              GError **error)
{
  g_autoptr (D8SqlStmt) old =
    d8_sql_prepare (d8_store_get_db (self), "SELECT quota, written FROM quotas WHERE plan_id = ? AND"
                    " unit_id = ? AND indicator_id = ?", error);
  g_autoptr (D8SqlStmt) write = NULL;
  gboolean present;

  if (old == NULL)
    return FALSE;
  sqlite3_bind_int64 (old, 1, plan_id);
  sqlite3_bind_int64 (old, 2, unit_id);
  sqlite3_bind_int64 (old, 3, indicator_id);
  present = sqlite3_step (old) == SQLITE_ROW;
  if (present && g_strcmp0 (d8_sql_column_text (old, 1), written) == 0
      && (sqlite3_column_type (old, 0) == SQLITE_NULL) == !has
      && (!has || sqlite3_column_int64 (old, 0) == quota))
    return TRUE;
  if (revision_id != 0
      && !add_history (self, revision_id, plan_id, unit_id, indicator_id, present ? old : NULL,
                       has, quota, written, error))
    return FALSE;
  write = d8_sql_prepare (d8_store_get_db (self), "INSERT INTO quotas (plan_id, unit_id, indicator_id, quota,"
                          " written) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
                          " quota = excluded.quota, written = excluded.written", error);
  if (write == NULL)
    return FALSE;
  sqlite3_bind_int64 (write, 1, plan_id);
  sqlite3_bind_int64 (write, 2, unit_id);
  sqlite3_bind_int64 (write, 3, indicator_id);
  if (has)
    sqlite3_bind_int64 (write, 4, quota);
  d8_sql_bind_text (write, 5, written ? written : "", D8_SQL_EMPTY_IS_TEXT);
  if (sqlite3_step (write) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (self), error, _("A quota of the plan could not be saved."));
  return TRUE;
}

/* A stated total of a revision, kept in the history like a quota (with
 * no unit); revision 0 writes without history. */
gboolean
d8_store_revise_target (D8Store *self, gint64 revision_id, gint64 plan_id, gint64 indicator_id,
               const D8Indicator *indicator, GError **error)
{
  g_autoptr (D8SqlStmt) old =
    d8_sql_prepare (d8_store_get_db (self), "SELECT CAST (value AS INTEGER), written FROM plan_targets"
                    " WHERE plan_id = ? AND indicator_id = ?", error);
  g_autoptr (D8SqlStmt) del = NULL;
  g_autoptr (D8SqlStmt) ins = NULL;
  gboolean present;

  if (old == NULL)
    return FALSE;
  sqlite3_bind_int64 (old, 1, plan_id);
  sqlite3_bind_int64 (old, 2, indicator_id);
  present = sqlite3_step (old) == SQLITE_ROW;
  if (present == indicator->has_target
      && (!present || g_strcmp0 (d8_sql_column_text (old, 1), indicator->target_written) == 0))
    return TRUE;
  if (revision_id != 0
      && !add_history (self, revision_id, plan_id, 0, indicator_id, present ? old : NULL,
                       indicator->has_target, (gint64) indicator->target,
                       indicator->has_target ? indicator->target_written : "", error))
    return FALSE;
  del = d8_sql_prepare (d8_store_get_db (self), "DELETE FROM plan_targets WHERE plan_id = ? AND"
                        " indicator_id = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, plan_id);
  sqlite3_bind_int64 (del, 2, indicator_id);
  if (sqlite3_step (del) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (self), error, _("A target of the plan could not be saved."));
  if (!indicator->has_target)
    return TRUE;
  ins = d8_sql_prepare (d8_store_get_db (self), "INSERT INTO plan_targets (plan_id, indicator_id, value,"
                        " written, source) VALUES (?, ?, ?, ?, ?)", error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (ins, 1, plan_id);
  sqlite3_bind_int64 (ins, 2, indicator_id);
  sqlite3_bind_double (ins, 3, indicator->target);
  d8_sql_bind_text (ins, 4, indicator->target_written, D8_SQL_EMPTY_IS_TEXT);
  d8_sql_bind_text (ins, 5, indicator->target_source ? indicator->target_source : "",
                    D8_SQL_EMPTY_IS_TEXT);
  if (sqlite3_step (ins) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (self), error, _("A target of the plan could not be saved."));
  return TRUE;
}

/**
 * d8_store_insert_plan_revision:
 * @self: a store
 * @plan_id: the plan being revised (its code is @file's)
 * @file: the revised plan, checked by d8-plan-import.c: the same columns,
 *   every unit of the plan still there
 * @error: (out) (optional): D8_ERROR_DATABASE naming what could not be
 *   saved
 *
 * Records the revision (the file's document number and date), adds the
 * units it adds, and updates the quotas and stated totals that changed,
 * keeping their old values in quota_history. Entries are not touched:
 * they refer to the same plan, units and indicators as before. The caller
 * holds the transaction.
 *
 * Returns: TRUE on success.
 */
gboolean
d8_store_insert_plan_revision (D8Store *self, gint64 plan_id, D8PlanFile *file, GError **error)
{
  g_autofree char *now = d8_store_now_utc ();
  g_autoptr (D8SqlStmt) rev = NULL;
  g_autoptr (D8SqlStmt) ind = NULL;
  g_autoptr (D8SqlStmt) member = NULL;
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gint64 revision_id, position;

  rev = d8_sql_prepare (d8_store_get_db (self), "INSERT INTO plan_revisions (plan_id, doc_number, issued_on,"
                        " title, imported_at) VALUES (?, ?, ?, ?, ?)", error);
  if (rev == NULL)
    return FALSE;
  sqlite3_bind_int64 (rev, 1, plan_id);
  d8_sql_bind_text (rev, 2, file->plan->doc_number, D8_SQL_EMPTY_IS_TEXT);
  d8_sql_bind_text (rev, 3, file->plan->issued_on, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (rev, 4, file->plan->title, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (rev, 5, now, D8_SQL_EMPTY_IS_TEXT);
  if (sqlite3_step (rev) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (self), error, _("The history of the plan could not be saved."));
  revision_id = sqlite3_last_insert_rowid (d8_store_get_db (self));

  if (!d8_store_insert_plan_units (self, file, error))
    return FALSE;
  ind = d8_sql_prepare (d8_store_get_db (self), "SELECT code, id FROM indicators WHERE plan_id = ?", error);
  if (ind == NULL)
    return FALSE;
  sqlite3_bind_int64 (ind, 1, plan_id);
  while (sqlite3_step (ind) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      *id = sqlite3_column_int64 (ind, 1);
      g_hash_table_insert (ids, d8_sql_column_dup (ind, 0), id);
    }
  position = scalar_int (self, "SELECT COALESCE (MAX (position), 0) FROM plan_units"
                         " WHERE plan_id = ?", plan_id, error);
  if (position < 0)
    return FALSE;
  member = d8_sql_prepare (d8_store_get_db (self), "INSERT INTO plan_units (plan_id, unit_id, position)"
                           " VALUES (?, ?, ?) ON CONFLICT (plan_id, unit_id) DO NOTHING", error);
  if (member == NULL)
    return FALSE;
  for (guint r = 0; r < file->rows->len; r++)
    {
      D8PlanFileRow *row = g_ptr_array_index (file->rows, r);
      gint64 unit_id = d8_store_unit_id_by_code (self, row->unit);

      if (!d8_store_plan_has_unit (self, plan_id, unit_id))
        {
          sqlite3_reset (member);
          sqlite3_bind_int64 (member, 1, plan_id);
          sqlite3_bind_int64 (member, 2, unit_id);
          sqlite3_bind_int64 (member, 3, ++position);
          if (sqlite3_step (member) != SQLITE_DONE)
            return d8_sql_fail (d8_store_get_db (self), error, _("The units of the plan could not be saved."));
        }
      for (guint c = 0; c < file->columns->len; c++)
        {
          gint64 *indicator_id = g_hash_table_lookup (ids, file->columns->pdata[c]);
          if (indicator_id == NULL
              || !d8_store_revise_quota (self, revision_id, plan_id, unit_id, *indicator_id, row->has[c],
                                row->quota[c], row->written[c], error))
            {
              if (indicator_id == NULL)
                g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                             _("unknown indicator “%s”"), (char *) file->columns->pdata[c]);
              return FALSE;
            }
        }
    }
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *indicator = g_ptr_array_index (file->indicators, i);
      gint64 *indicator_id = g_hash_table_lookup (ids, indicator->code);

      if (indicator->in_appendix && indicator_id != NULL
          && !d8_store_revise_target (self, revision_id, plan_id, *indicator_id, indicator, error))
        return FALSE;
    }
  return TRUE;
}

static gpointer
revision_from_row (sqlite3_stmt *stmt)
{
  D8PlanRevision *revision = g_new0 (D8PlanRevision, 1);

  revision->id = sqlite3_column_int64 (stmt, 0);
  revision->doc_number = d8_sql_column_dup (stmt, 1);
  revision->issued_on = d8_sql_column_dup (stmt, 2);
  revision->title = d8_sql_column_dup (stmt, 3);
  revision->imported_at = d8_sql_column_dup (stmt, 4);
  revision->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_plan_quota_change_free);
  revision->is_amendment = sqlite3_column_int (stmt, 5) != 0;
  revision->is_open = sqlite3_column_int (stmt, 6) != 0;
  return revision;
}

/**
 * d8_store_list_plan_revisions:
 * @self: a store
 * @plan_id: a plan's id
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * Returns: (transfer full) (element-type D8PlanRevision) (nullable): the
 *   plan's revisions, oldest first, each with the cells it changed; a
 *   change with no unit is a stated total. NULL on error.
 */
GPtrArray *
d8_store_list_plan_revisions (D8Store *self, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (D8SqlStmt) changes = NULL;
  g_autoptr (GPtrArray) revisions = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (d8_store_get_db (self), "SELECT id, doc_number, issued_on, title, imported_at,"
                         " kind = 'amendment', is_open FROM plan_revisions WHERE plan_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  revisions = d8_store_collect (self, stmt, revision_from_row,
                                (GDestroyNotify) d8_plan_revision_free,
                                _("The history of the plan could not be read."), error);
  if (revisions == NULL)
    return NULL;
  changes = d8_sql_prepare (d8_store_get_db (self), "SELECT u.code, COALESCE (u.name, p.target_label), i.code,"
                            " h.old_written, h.new_written FROM quota_history h"
                            " JOIN plans p ON p.id = h.plan_id"
                            " JOIN indicators i ON i.id = h.indicator_id"
                            " LEFT JOIN units u ON u.id = h.unit_id"
                            " LEFT JOIN plan_units pu ON pu.plan_id = h.plan_id"
                            "   AND pu.unit_id = h.unit_id"
                            " WHERE h.revision_id = ? ORDER BY pu.position, i.position", error);
  if (changes == NULL)
    return NULL;
  for (guint i = 0; i < revisions->len; i++)
    {
      D8PlanRevision *revision = revisions->pdata[i];
      sqlite3_reset (changes);
      sqlite3_bind_int64 (changes, 1, revision->id);
      while (sqlite3_step (changes) == SQLITE_ROW)
        {
          D8PlanQuotaChange *change = g_new0 (D8PlanQuotaChange, 1);
          change->unit = d8_sql_column_dup (changes, 0);
          change->unit_name = d8_sql_column_dup (changes, 1);
          change->indicator = d8_sql_column_dup (changes, 2);
          change->old_written = d8_sql_column_dup (changes, 3);
          change->new_written = d8_sql_column_dup (changes, 4);
          g_ptr_array_add (revision->changes, change);
        }
    }
  return g_steal_pointer (&revisions);
}

