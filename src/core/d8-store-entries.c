/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-store-entries.c — entries in the store: checking one against its
 * plan (the rules themselves are in d8-entry.c), writing a local edit
 * with its clock stamp, soft deletion and its undo, and reading entries
 * back a page at a time.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-entry.h"
#include "d8-format.h"
#include "d8-hlc.h"
#include "d8-sql.h"
#include "d8-plan-draft.h"
#include "d8-reporting.h"
#include "d8-store-private.h"

/* ---------------------------------------------------------------- checking */

/* Puts the translated name of @field before the message of @error. */
static gboolean
fail_on_field (GError **error, const char *field)
{
  g_prefix_error (error, "%s: ", d8_entry_field_label (field));
  return FALSE;
}

/**
 * d8_store_check_entry:
 * @self: a store
 * @entry: an entry; not changed
 * @allow_out_of_period: whether a date outside the plan period is allowed
 * @error: (out) (optional): D8_ERROR_NOT_FOUND for a plan, unit or
 *   indicator the store does not know; the errors of d8-entry.c for the
 *   date and figures, after the field's name; D8_ERROR_OUT_OF_PERIOD
 *
 * Checks an entry against its indicator and plan.
 *
 * Returns: TRUE when the entry may be saved.
 */
gboolean
d8_store_check_entry (D8Store *self, const D8Entry *entry, gboolean allow_out_of_period,
                      GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Indicator) indicator = NULL;
  const char *field = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if ((plan = d8_store_get_plan (self, entry->plan_id, error)) == NULL)
    return FALSE;
  if (!d8_store_check_plan_takes_entries (self, entry->plan_id, error))
    return FALSE;
  if (!d8_store_plan_has_unit (self, entry->plan_id, entry->unit_id))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                   _("unit: the unit is not part of plan %s"), plan->doc_number);
      return FALSE;
    }
  if (!d8_store_check_office_unit (self, entry->unit_id, error))
    return FALSE;
  indicator = d8_store_find_indicator (self, entry->plan_id, entry->indicator_id, error);
  if (indicator == NULL)
    return FALSE;
  if (!d8_entry_check_date (entry->date, error))
    return fail_on_field (error, D8_ENTRY_FIELD_DATE);
  /* An approved report locks its unit's entries of its period (d8-reporting.h). */
  if (!d8_store_check_unlocked (self, entry->plan_id, entry->unit_id, entry->date, error))
    return FALSE;
  if (!d8_entry_check_figures (indicator->kind, indicator->code, entry->amount, entry->reached,
                               entry->group_size, FALSE, &field, error))
    return fail_on_field (error, field);
  if (!allow_out_of_period
      && (strcmp (entry->date, plan->period_start) < 0 || strcmp (entry->date, plan->period_end) > 0))
    {
      g_autofree char *date = d8_format_date (entry->date);
      g_autofree char *start = d8_format_date (plan->period_start);
      g_autofree char *end = d8_format_date (plan->period_end);
      g_set_error (error, D8_ERROR, D8_ERROR_OUT_OF_PERIOD,
                   _("date: %s is outside the plan period (%s – %s)"), date, start, end);
      return FALSE;
    }
  return TRUE;
}

/* Normalises the entry's text in place (d8_entry_normalize_text()). */
static gboolean
normalize_entry_text (D8Entry *entry, GError **error)
{
  g_autofree char *place = NULL;
  g_autofree char *note = NULL;

  if (!d8_entry_normalize_text (entry->place, &place, error))
    return fail_on_field (error, D8_ENTRY_FIELD_PLACE);
  if (!d8_entry_normalize_text (entry->note, &note, error))
    return fail_on_field (error, D8_ENTRY_FIELD_NOTE);
  g_free (entry->place);
  g_free (entry->note);
  entry->place = g_steal_pointer (&place);
  entry->note = g_steal_pointer (&note);
  return TRUE;
}

/* Normalises and checks an entry typed here. */
static gboolean
prepare_entry (D8Store *self, D8Entry *entry, gboolean allow_out_of_period, GError **error)
{
  return normalize_entry_text (entry, error)
         && d8_store_check_entry (self, entry, allow_out_of_period, error);
}

/* ----------------------------------------------------------------- writing */

static gboolean
set_no_entry (GError **error, const char *uuid)
{
  g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("There is no entry %s"), uuid);
  return FALSE;
}

/* The parameters of both statements of write_entry(), by number, so that
 * one set of bindings serves the insert and the update. */
enum
{
  WRITE_PLAN_ID = 1,
  WRITE_UNIT_ID,
  WRITE_INDICATOR_ID,
  WRITE_DATE,
  WRITE_AMOUNT,
  WRITE_REACHED,
  WRITE_GROUP_SIZE,
  WRITE_PLACE,
  WRITE_NOTE,
  WRITE_UPDATED_AT,
  WRITE_ORIGIN,
  WRITE_DELETED,
  WRITE_VERSION,
  WRITE_HISTORY,
  WRITE_CREATED_AT,
  WRITE_UUID,
};
/* change_seq orders local writes for "export since last". */
#define NEXT_CHANGE_SEQ "(SELECT IFNULL (MAX (change_seq), 0) + 1 FROM entries)"

static gboolean
write_entry (D8Store *self, const D8Entry *entry, gboolean insert, const char *version,
             const char *history, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  if (insert)
    stmt = d8_sql_prepare (self->db, "INSERT INTO entries (plan_id, unit_id, indicator_id, date,"
                           " amount, reached, group_size, place, note, updated_at, origin, deleted,"
                           " version, history, change_seq, created_at, uuid)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                           NEXT_CHANGE_SEQ ", ?15, ?16)", error);
  else
    stmt = d8_sql_prepare (self->db, "UPDATE entries SET plan_id = ?1, unit_id = ?2,"
                           " indicator_id = ?3, date = ?4, amount = ?5, reached = ?6,"
                           " group_size = ?7, place = ?8, note = ?9, updated_at = ?10,"
                           " origin = ?11, deleted = ?12, version = ?13, history = ?14,"
                           " change_seq = " NEXT_CHANGE_SEQ " WHERE uuid = ?16", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, WRITE_PLAN_ID, entry->plan_id);
  sqlite3_bind_int64 (stmt, WRITE_UNIT_ID, entry->unit_id);
  sqlite3_bind_int64 (stmt, WRITE_INDICATOR_ID, entry->indicator_id);
  d8_sql_bind_text (stmt, WRITE_DATE, entry->date, D8_SQL_EMPTY_IS_NULL);
  sqlite3_bind_int64 (stmt, WRITE_AMOUNT, entry->amount);
  sqlite3_bind_int64 (stmt, WRITE_REACHED, entry->reached);
  sqlite3_bind_int64 (stmt, WRITE_GROUP_SIZE, entry->group_size);
  d8_sql_bind_text (stmt, WRITE_PLACE, entry->place, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, WRITE_NOTE, entry->note, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, WRITE_UPDATED_AT, entry->updated_at, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, WRITE_ORIGIN, entry->origin, D8_SQL_EMPTY_IS_NULL);
  sqlite3_bind_int (stmt, WRITE_DELETED, entry->deleted ? 1 : 0);
  sqlite3_bind_text (stmt, WRITE_VERSION, version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, WRITE_HISTORY, history ? history : "", -1, SQLITE_STATIC);
  /* The update has no ?15: created_at never changes. */
  if (insert)
    d8_sql_bind_text (stmt, WRITE_CREATED_AT, entry->created_at, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, WRITE_UUID, entry->uuid, D8_SQL_EMPTY_IS_NULL);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (self->db, error, _("The entry could not be saved."));
  if (!insert && sqlite3_changes (self->db) == 0)
    return set_no_entry (error, entry->uuid);
  return TRUE;
}

/* The stamp and history of an entry as stored ("" when there is none). */
static gboolean
read_version (D8Store *self, const char *uuid, char **version, char **history, GError **error)
{
  enum { VERSION, HISTORY };
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "SELECT version, history FROM entries WHERE uuid = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return set_no_entry (error, uuid);
  *version = d8_sql_column_dup (stmt, VERSION);
  *history = d8_sql_column_dup (stmt, HISTORY);
  return TRUE;
}

/* If a conflict is pending on the entry, a local edit becomes "my" side
 * of it. */
static gboolean
update_conflict (D8Store *self, const char *uuid, const char *version, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "UPDATE conflicts SET mine_version = ? WHERE uuid = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (self->db, error, _("The entry could not be saved."));
  return TRUE;
}

/* write_local_edit() inside its transaction. */
static gboolean
write_local_edit_locked (D8Store *self, const D8Entry *entry, gboolean insert, GError **error)
{
  g_autofree char *old_version = NULL;
  g_autofree char *old_history = NULL;
  g_autofree char *version = NULL;
  g_autofree char *history = NULL;

  if (!insert && !read_version (self, entry->uuid, &old_version, &old_history, error))
    return FALSE;
  if ((version = d8_store_next_version (self, error)) == NULL)
    return FALSE;
  history = insert ? g_strdup ("") : d8_hlc_history_push (old_history, old_version);
  return write_entry (self, entry, insert, version, history, error)
         && (insert || update_conflict (self, entry->uuid, version, error));
}

/* A local edit: a new stamp descending from the stored one, written with
 * the row in one transaction so the clock and the row never disagree;
 * "changed" is emitted once it is committed. */
static gboolean
write_local_edit (D8Store *self, const D8Entry *entry, gboolean insert, GError **error)
{
  if (!d8_store_begin (self, error))
    return FALSE;
  if (!write_local_edit_locked (self, entry, insert, error))
    {
      d8_store_rollback (self);
      return FALSE;
    }
  if (!d8_store_commit (self, error))
    return FALSE;
  d8_store_emit_changed (self);
  return TRUE;
}

/* An edit made here: now, by this office. */
static void
stamp_local_edit (D8Store *self, D8Entry *entry)
{
  g_free (entry->updated_at);
  entry->updated_at = d8_store_now_utc ();
  g_free (entry->origin);
  entry->origin = g_strdup (self->office);
}

/**
 * d8_store_add_entry:
 * @self: a store
 * @entry: the new entry; its text is normalised to NFC, a NULL uuid gets
 *   a new random one, and its times and origin are set
 * @allow_out_of_period: whether a date outside the plan period is allowed
 * @error: (out) (optional): the errors of d8_store_check_entry(), a text
 *   error naming place or note, D8_ERROR_INVALID for a bad uuid,
 *   D8_ERROR_DATABASE
 *
 * Adds an entry and emits "changed".
 *
 * Returns: TRUE when saved.
 */
gboolean
d8_store_add_entry (D8Store *self, D8Entry *entry, gboolean allow_out_of_period, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!prepare_entry (self, entry, allow_out_of_period, error))
    return FALSE;
  if (entry->uuid == NULL)
    entry->uuid = g_uuid_string_random ();
  else if (!g_uuid_string_is_valid (entry->uuid))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("uuid: “%s” is not a UUID"), entry->uuid);
      return FALSE;
    }
  stamp_local_edit (self, entry);
  g_free (entry->created_at);
  entry->created_at = g_strdup (entry->updated_at);
  entry->deleted = FALSE;
  return write_local_edit (self, entry, TRUE, error);
}

/**
 * d8_store_update_entry:
 * @self: a store
 * @entry: the entry with its new figures and text; normalised, and its
 *   times, origin and deletion set from the stored one
 * @allow_out_of_period: whether a date outside the plan period is allowed
 * @error: (out) (optional): D8_ERROR_NOT_FOUND when there is no entry of
 *   that uuid, or the errors of d8_store_add_entry()
 *
 * Replaces a stored entry and emits "changed".
 *
 * Returns: TRUE when saved.
 */
gboolean
d8_store_update_entry (D8Store *self, D8Entry *entry, gboolean allow_out_of_period, GError **error)
{
  g_autoptr (D8Entry) old = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->uuid != NULL, FALSE);

  if ((old = d8_store_get_entry (self, entry->uuid, error)) == NULL)
    return FALSE;
  /* Neither into nor out of another unit's entries. */
  if (!d8_store_check_office_unit (self, old->unit_id, error)
      || !d8_store_check_unlocked (self, old->plan_id, old->unit_id, old->date, error))
    return FALSE;
  if (!prepare_entry (self, entry, allow_out_of_period, error))
    return FALSE;
  stamp_local_edit (self, entry);
  g_free (entry->created_at);
  entry->created_at = g_strdup (old->created_at);
  entry->deleted = old->deleted;
  return write_local_edit (self, entry, FALSE, error);
}

static gboolean
set_deleted (D8Store *self, const char *uuid, gboolean deleted, GError **error)
{
  g_autoptr (D8Entry) entry = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  entry = d8_store_get_entry (self, uuid, &local_error);
  if (entry == NULL && !g_error_matches (local_error, D8_ERROR, D8_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (entry == NULL || entry->deleted == deleted)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                   deleted ? _("There is no entry %s to delete")
                           : _("There is no deleted entry %s to restore"), uuid);
      return FALSE;
    }
  if (!d8_store_check_office_unit (self, entry->unit_id, error)
      || !d8_store_check_unlocked (self, entry->plan_id, entry->unit_id, entry->date, error))
    return FALSE;
  /* A deletion is an edit like any other: it gets a stamp and travels to
   * the other offices as a tombstone. */
  entry->deleted = deleted;
  stamp_local_edit (self, entry);
  return write_local_edit (self, entry, FALSE, error);
}

/**
 * d8_store_delete_entry:
 * @self: a store
 * @uuid: the entry's uuid
 * @error: (out) (optional): D8_ERROR_NOT_FOUND when there is no live
 *   entry of that uuid; D8_ERROR_DATABASE
 *
 * Deletes softly: the row stays as a tombstone that travels in bundles.
 * Emits "changed".
 *
 * Returns: TRUE when deleted.
 */
gboolean
d8_store_delete_entry (D8Store *self, const char *uuid, GError **error)
{
  return set_deleted (self, uuid, TRUE, error);
}

/**
 * d8_store_undelete_entry:
 * @self: a store
 * @uuid: the entry's uuid
 * @error: (out) (optional): D8_ERROR_NOT_FOUND when there is no deleted
 *   entry of that uuid; D8_ERROR_DATABASE
 *
 * Undoes d8_store_delete_entry() and emits "changed".
 *
 * Returns: TRUE when restored.
 */
gboolean
d8_store_undelete_entry (D8Store *self, const char *uuid, GError **error)
{
  return set_deleted (self, uuid, FALSE, error);
}

/* ----------------------------------------------------------------- reading */

D8Entry *
d8_store_entry_from_row (sqlite3_stmt *stmt)
{
  D8Entry *entry = d8_entry_new ();

  entry->uuid = d8_sql_column_dup (stmt, ENTRY_UUID);
  entry->plan_id = sqlite3_column_int64 (stmt, ENTRY_PLAN);
  entry->unit_id = sqlite3_column_int64 (stmt, ENTRY_UNIT);
  entry->indicator_id = sqlite3_column_int64 (stmt, ENTRY_INDICATOR);
  entry->date = d8_sql_column_dup (stmt, ENTRY_DATE);
  entry->amount = sqlite3_column_int64 (stmt, ENTRY_AMOUNT);
  entry->reached = sqlite3_column_int64 (stmt, ENTRY_REACHED);
  entry->group_size = sqlite3_column_int64 (stmt, ENTRY_GROUP_SIZE);
  entry->place = d8_sql_column_dup (stmt, ENTRY_PLACE);
  entry->note = d8_sql_column_dup (stmt, ENTRY_NOTE);
  entry->created_at = d8_sql_column_dup (stmt, ENTRY_CREATED_AT);
  entry->updated_at = d8_sql_column_dup (stmt, ENTRY_UPDATED_AT);
  entry->origin = d8_sql_column_dup (stmt, ENTRY_ORIGIN);
  entry->deleted = sqlite3_column_int (stmt, ENTRY_DELETED);
  return entry;
}

static gpointer
entry_row (sqlite3_stmt *stmt)
{
  return d8_store_entry_from_row (stmt);
}

/**
 * d8_store_get_entry:
 * @self: a store
 * @uuid: the entry's uuid
 * @error: (out) (optional): D8_ERROR_NOT_FOUND when there is none
 *
 * Returns: (transfer full) (nullable): the entry, deleted or not, or NULL
 *   on error.
 */
D8Entry *
d8_store_get_entry (D8Store *self, const char *uuid, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = d8_sql_prepare (self->db, "SELECT " ENTRY_COLS " FROM entries WHERE uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_no_entry (error, uuid);
      return NULL;
    }
  return d8_store_entry_from_row (stmt);
}

/* The parameters of entries_where(); ?4 is left to the caller. */
enum
{
  WHERE_PLAN_ID = 1,
  WHERE_UNIT_ID,
  WHERE_INDICATOR_ID,
};

/* The conditions of an entry list, only those that filter: "(?2 = 0 OR
 * unit_id = ?2)" would keep SQLite from the (plan_id, unit_id, date) index,
 * which lets the newest page of a unit's entries be read without sorting
 * them all. */
static char *
entries_where (const char *table, gint64 unit_id, gint64 indicator_id, gboolean include_deleted)
{
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, " FROM %s WHERE plan_id = ?1", table);
  if (unit_id != 0)
    g_string_append (sql, " AND unit_id = ?2");
  if (indicator_id != 0)
    g_string_append (sql, " AND indicator_id = ?3");
  if (!include_deleted)
    g_string_append (sql, " AND deleted = 0");
  return g_string_free (sql, FALSE);
}

/* Prepares "@select FROM @table WHERE … @tail" with entries_where() and
 * binds its parameters. */
static D8SqlStmt *
prepare_entries_query (D8Store *self, const char *select, const char *table, gint64 plan_id,
                       gint64 unit_id, gint64 indicator_id, gboolean include_deleted,
                       const char *tail, GError **error)
{
  g_autofree char *where = entries_where (table, unit_id, indicator_id, include_deleted);
  g_autofree char *sql = g_strconcat (select, where, tail, NULL);
  D8SqlStmt *stmt = d8_sql_prepare (self->db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, WHERE_PLAN_ID, plan_id);
  if (unit_id != 0)
    sqlite3_bind_int64 (stmt, WHERE_UNIT_ID, unit_id);
  if (indicator_id != 0)
    sqlite3_bind_int64 (stmt, WHERE_INDICATOR_ID, indicator_id);
  return stmt;
}

/**
 * d8_store_list_entries_range:
 * @self: a store
 * @plan_id: a plan's id
 * @unit_id: a unit's id, or 0 for all
 * @indicator_id: an indicator's id, or 0 for all
 * @include_deleted: whether tombstones are listed too
 * @offset: how many entries to skip
 * @limit: how many entries at most; 0 for all
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * A page of the entries of a plan, newest date first, so that a view of a
 * unit with 200,000 entries reads only what it shows.
 *
 * Returns: (transfer full) (element-type D8Entry) (nullable): the
 *   entries, or NULL on error.
 */
GPtrArray *
d8_store_list_entries_range (D8Store *self, gint64 plan_id, gint64 unit_id, gint64 indicator_id,
                             gboolean include_deleted, guint offset, guint limit, GError **error)
{
  enum { LIMIT = 5, OFFSET };
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = prepare_entries_query (self, "SELECT " ENTRY_COLS, "entries", plan_id, unit_id,
                                indicator_id, include_deleted,
                                " ORDER BY date DESC, created_at DESC LIMIT ?5 OFFSET ?6", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, LIMIT, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, OFFSET, offset);
  return d8_store_collect (self, stmt, entry_row, (GDestroyNotify) d8_entry_free,
                           _("The entries could not be read."), error);
}

/**
 * d8_store_list_entries:
 * @self: a store
 * @plan_id: a plan's id
 * @unit_id: a unit's id, or 0 for all
 * @indicator_id: an indicator's id, or 0 for all
 * @include_deleted: whether tombstones are listed too
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * Returns: (transfer full) (element-type D8Entry) (nullable): all the
 *   entries of d8_store_list_entries_range(), or NULL on error.
 */
GPtrArray *
d8_store_list_entries (D8Store *self, gint64 plan_id, gint64 unit_id, gint64 indicator_id,
                       gboolean include_deleted, GError **error)
{
  return d8_store_list_entries_range (self, plan_id, unit_id, indicator_id, include_deleted, 0, 0,
                                      error);
}

/**
 * d8_store_count_entries:
 * @self: a store
 * @plan_id: a plan's id
 * @unit_id: a unit's id, or 0 for all
 * @indicator_id: an indicator's id, or 0 for all
 * @include_deleted: whether tombstones are counted too
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * Returns: how many entries d8_store_list_entries() would return; -1 on
 *   error.
 */
gint64
d8_store_count_entries (D8Store *self, gint64 plan_id, gint64 unit_id, gint64 indicator_id,
                        gboolean include_deleted, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), -1);

  /* Live entries are counted from entry_totals, whose n the triggers keep
   * per plan × unit × indicator: no need to visit 200,000 rows. */
  if (include_deleted)
    stmt = prepare_entries_query (self, "SELECT count(*)", "entries", plan_id, unit_id,
                                  indicator_id, TRUE, "", error);
  else
    stmt = prepare_entries_query (self, "SELECT COALESCE (SUM (n), 0)", "entry_totals", plan_id,
                                  unit_id, indicator_id, TRUE, "", error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      d8_sql_fail (self->db, error, _("The entries could not be read."));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
