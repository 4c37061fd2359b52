/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-bundle-merge.c — classifying the records of a bundle against the
 * database, and writing them (docs/bundle-format.md, "Merging").
 *
 * Plans first: a plan new here is added, one with other quotas or targets
 * updated, one with other units or indicators refused (a changed plan needs
 * a new code). Then entries, which follow CouchDB's revision trees in
 * small: every entry carries its stamp (d8-hlc.h) and the stamps it
 * descends from. An incoming version that descends from every version here
 * replaces it; one we already descend from is stale; anything else was
 * edited at two offices since they last exchanged, and both versions (the
 * "leaves") are kept as a conflict with the later stamp shown until a
 * person picks (d8-bundle-log.c).
 *
 * The same pass serves the preview (reading only) and the apply (writing,
 * inside the caller's transaction), so the two cannot disagree.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-bundle-private.h"
#include "d8-plan-amendments.h"
#include "d8-plan-draft.h"
#include "d8-entry.h"
#include "d8-hlc.h"
#include "d8-store-private.h"
#include "d8-text.h"

#define IMPORT_FAILED _("The bundle could not be imported.")

/* ============================================================== plans */

static PlanInfo *
plan_info_new (void)
{
  PlanInfo *info = g_new0 (PlanInfo, 1);
  info->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  info->indicators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return info;
}

void
d8_bundle_plan_info_free (PlanInfo *info)
{
  if (info == NULL)
    return;
  g_hash_table_unref (info->units);
  g_hash_table_unref (info->indicators);
  g_free (info);
}

/* The plan stored here under @code, or NULL. */
static PlanInfo *
plan_info_from_db (D8Store *store, const char *code)
{
  sqlite3 *db = d8_store_get_db (store);
  g_autoptr (D8SqlStmt) plan = d8_sql_prepare (db, "SELECT id FROM plans WHERE code = ?", NULL);
  g_autoptr (D8SqlStmt) units = NULL;
  g_autoptr (D8SqlStmt) indicators = NULL;
  enum { UNIT_CODE, UNIT_ID };
  enum { IND_CODE, IND_ID, IND_KIND };
  PlanInfo *info;

  if (plan == NULL)
    return NULL;
  sqlite3_bind_text (plan, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (plan) != SQLITE_ROW)
    return NULL;
  info = plan_info_new ();
  info->id = sqlite3_column_int64 (plan, 0);

  units = d8_sql_prepare (db, "SELECT u.code, u.id FROM plan_units pu"
                              " JOIN units u ON u.id = pu.unit_id WHERE pu.plan_id = ?", NULL);
  sqlite3_bind_int64 (units, 1, info->id);
  while (sqlite3_step (units) == SQLITE_ROW)
    g_hash_table_insert (info->units, d8_sql_column_dup (units, UNIT_CODE),
                         g_memdup2 (&(gint64) { sqlite3_column_int64 (units, UNIT_ID) },
                                    sizeof (gint64)));

  indicators = d8_sql_prepare (db, "SELECT code, id, kind FROM indicators WHERE plan_id = ?", NULL);
  sqlite3_bind_int64 (indicators, 1, info->id);
  while (sqlite3_step (indicators) == SQLITE_ROW)
    {
      IndicatorInfo *ind = g_new0 (IndicatorInfo, 1);
      ind->id = sqlite3_column_int64 (indicators, IND_ID);
      if (!d8_indicator_kind_from_string (d8_sql_column_text (indicators, IND_KIND), &ind->kind))
        ind->kind = D8_KIND_COUNT; /* the schema's CHECK allows no other */
      g_hash_table_insert (info->indicators, d8_sql_column_dup (indicators, IND_CODE), ind);
    }
  return info;
}

static PlanInfo *
plan_info_from_file (D8PlanFile *file)
{
  PlanInfo *info = plan_info_new ();

  for (guint i = 0; i < file->rows->len; i++)
    g_hash_table_insert (info->units, g_strdup (((D8PlanFileRow *) file->rows->pdata[i])->unit),
                         g_new0 (gint64, 1));
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *indicator = file->indicators->pdata[i];
      IndicatorInfo *ind = g_new0 (IndicatorInfo, 1);
      ind->kind = indicator->kind;
      g_hash_table_insert (info->indicators, g_strdup (indicator->code), ind);
    }
  return info;
}

/* Runs @sql, a SELECT of (key, value) rows for one plan (?1), into a table
 * key → value; @value_is_int keeps the value as an int in the pointer. */
static GHashTable *
load_pairs (D8Store *store, const char *sql, gint64 plan_id, gboolean value_is_int)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store), sql, NULL);
  GHashTable *pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             value_is_int ? NULL : g_free);
  enum { PAIR_KEY, PAIR_VALUE };

  if (stmt == NULL)
    return pairs;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (pairs, d8_sql_column_dup (stmt, PAIR_KEY),
                         value_is_int ? GINT_TO_POINTER (sqlite3_column_int (stmt, PAIR_VALUE))
                                      : d8_sql_column_dup (stmt, PAIR_VALUE));
  return pairs;
}

/* 0: the stored plan equals the file; 1: only quotas or targets differ;
 * 2: units or indicators differ (a changed plan needs a new code). */
static int
compare_plan (D8Store *store, gint64 plan_id, D8PlanFile *file)
{
  g_autoptr (GHashTable) rows = NULL;
  g_autoptr (GHashTable) kinds = NULL;
  g_autoptr (GHashTable) cells = NULL;
  g_autoptr (GHashTable) targets = NULL;
  int result = 0;

  rows = load_pairs (store, "SELECT u.code, pu.position FROM plan_units pu JOIN units u"
                            " ON u.id = pu.unit_id WHERE pu.plan_id = ?", plan_id, TRUE);
  if (g_hash_table_size (rows) != file->rows->len)
    return 2;
  for (guint i = 0; i < file->rows->len; i++)
    {
      D8PlanFileRow *row = file->rows->pdata[i];
      gpointer tt;
      if (!g_hash_table_lookup_extended (rows, row->unit, NULL, &tt)
          || GPOINTER_TO_INT (tt) != row->tt)
        return 2;
    }

  kinds = load_pairs (store, "SELECT code, kind || ':' || in_appendix FROM indicators"
                             " WHERE plan_id = ?", plan_id, FALSE);
  if (g_hash_table_size (kinds) != file->indicators->len)
    return 2;
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *ind = file->indicators->pdata[i];
      g_autofree char *kind = g_strdup_printf ("%s:%d", d8_indicator_kind_to_string (ind->kind),
                                               ind->in_appendix ? 1 : 0);
      if (g_strcmp0 (g_hash_table_lookup (kinds, ind->code), kind) != 0)
        return 2;
    }

  cells = load_pairs (store, "SELECT u.code || ' ' || i.code, q.written FROM quotas q"
                             " JOIN units u ON u.id = q.unit_id"
                             " JOIN indicators i ON i.id = q.indicator_id WHERE q.plan_id = ?",
                      plan_id, FALSE);
  for (guint i = 0; i < file->rows->len && result == 0; i++)
    {
      D8PlanFileRow *row = file->rows->pdata[i];
      for (guint c = 0; c < file->columns->len; c++)
        {
          g_autofree char *key = g_strdup_printf ("%s %s", row->unit,
                                                  (char *) file->columns->pdata[c]);
          if (g_strcmp0 (g_hash_table_lookup (cells, key), row->written[c]) != 0)
            result = 1;
        }
    }

  {
    g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store),
                                                 "SELECT i.code, t.value, t.written, t.source"
                                                 " FROM plan_targets t JOIN indicators i"
                                                 " ON i.id = t.indicator_id WHERE t.plan_id = ?",
                                                 NULL);
    enum { TARGET_CODE, TARGET_VALUE, TARGET_WRITTEN, TARGET_SOURCE };

    targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    sqlite3_bind_int64 (stmt, 1, plan_id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, TARGET_VALUE));
        g_hash_table_insert (targets, d8_sql_column_dup (stmt, TARGET_CODE),
                             g_strdup_printf ("%s|%s|%s", buf,
                                              sqlite3_column_text (stmt, TARGET_WRITTEN),
                                              sqlite3_column_text (stmt, TARGET_SOURCE)));
      }
  }
  {
    guint n = 0;
    for (guint i = 0; i < file->indicators->len; i++)
      {
        D8Indicator *ind = file->indicators->pdata[i];
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_autofree char *want = NULL;

        if (!ind->has_target)
          continue;
        n++;
        g_ascii_dtostr (buf, sizeof buf, ind->target);
        want = g_strdup_printf ("%s|%s|%s", buf, ind->target_written, ind->target_source);
        if (g_strcmp0 (g_hash_table_lookup (targets, ind->code), want) != 0)
          result = 1;
      }
    if (n != g_hash_table_size (targets))
      result = 1;
  }
  return result;
}

static gboolean
update_plan_quotas (D8Store *store, gint64 plan_id, D8PlanFile *file, GError **error)
{
  sqlite3 *db = d8_store_get_db (store);
  g_autoptr (D8SqlStmt) quota = d8_sql_prepare (db, "UPDATE quotas SET quota = ?1, written = ?2"
                                                    " WHERE plan_id = ?3"
                                                    " AND unit_id = (SELECT id FROM units"
                                                    "  WHERE code = ?4)"
                                                    " AND indicator_id = (SELECT id FROM indicators"
                                                    "  WHERE plan_id = ?3 AND code = ?5)", error);
  g_autoptr (D8SqlStmt) target = NULL;

  if (quota == NULL)
    return FALSE;
  for (guint i = 0; i < file->rows->len; i++)
    {
      D8PlanFileRow *row = file->rows->pdata[i];
      for (guint c = 0; c < file->columns->len; c++)
        {
          sqlite3_reset (quota);
          if (row->has[c])
            sqlite3_bind_int64 (quota, 1, row->quota[c]);
          else
            sqlite3_bind_null (quota, 1);
          sqlite3_bind_text (quota, 2, row->written[c], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (quota, 3, plan_id);
          sqlite3_bind_text (quota, 4, row->unit, -1, SQLITE_STATIC);
          sqlite3_bind_text (quota, 5, file->columns->pdata[c], -1, SQLITE_STATIC);
          if (sqlite3_step (quota) != SQLITE_DONE)
            return d8_sql_fail (d8_store_get_db (store), error, IMPORT_FAILED);
        }
    }
  {
    g_autoptr (D8SqlStmt) clear = d8_sql_prepare (db, "DELETE FROM plan_targets WHERE plan_id = ?",
                                                  error);
    if (clear == NULL)
      return FALSE;
    sqlite3_bind_int64 (clear, 1, plan_id);
    if (sqlite3_step (clear) != SQLITE_DONE)
      return d8_sql_fail (d8_store_get_db (store), error, IMPORT_FAILED);
  }
  target = d8_sql_prepare (db, "INSERT INTO plan_targets (plan_id, indicator_id, value, written,"
                               " source) SELECT ?1, id, ?3, ?4, ?5 FROM indicators"
                               " WHERE plan_id = ?1 AND code = ?2", error);
  if (target == NULL)
    return FALSE;
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *ind = file->indicators->pdata[i];
      if (!ind->has_target)
        continue;
      sqlite3_reset (target);
      sqlite3_bind_int64 (target, 1, plan_id);
      sqlite3_bind_text (target, 2, ind->code, -1, SQLITE_STATIC);
      sqlite3_bind_double (target, 3, ind->target);
      sqlite3_bind_text (target, 4, ind->target_written, -1, SQLITE_STATIC);
      sqlite3_bind_text (target, 5, ind->target_source, -1, SQLITE_STATIC);
      if (sqlite3_step (target) != SQLITE_DONE)
        return d8_sql_fail (d8_store_get_db (store), error, IMPORT_FAILED);
    }
  return TRUE;
}

static void
reject (D8BundleImport *im, const char *record, const char *uuid, const char *field,
        char *reason /* owned */)
{
  D8BundleRejection *rejection = g_new0 (D8BundleRejection, 1);

  rejection->record = g_strdup (record);
  rejection->uuid = g_strdup (uuid);
  rejection->field = g_strdup (field);
  /* It quotes the file's text (a unit, a plan code): shown escaped. */
  rejection->reason = d8_text_escape_message (reason);
  g_free (reason);
  g_ptr_array_add (im->preview.rejections, rejection);
}

/* A record its office may not send: listed like a rejection, and the
 * whole bundle is refused (d8_bundle_import_check). */
static void
forbid (D8BundleImport *im, const char *record, const char *uuid, const char *field,
        char *reason /* owned */)
{
  D8BundleRejection *rejection = g_new0 (D8BundleRejection, 1);

  rejection->forbidden = TRUE;
  im->preview.n_forbidden++;

  rejection->record = g_strdup (record);
  rejection->uuid = g_strdup (uuid);
  rejection->field = g_strdup (field);
  rejection->reason = reason;
  g_ptr_array_add (im->preview.rejections, rejection);
}

/* ============================================================ entries */

/**
 * d8_bundle_pass_clear:
 * @pass: a pass
 *
 * Finalises the pass's statements and frees what it holds; @pass may be
 * used again.
 */
void
d8_bundle_pass_clear (Pass *pass)
{
  g_clear_pointer (&pass->local, sqlite3_finalize);
  g_clear_pointer (&pass->leaves, sqlite3_finalize);
  g_clear_pointer (&pass->insert, sqlite3_finalize);
  g_clear_pointer (&pass->update, sqlite3_finalize);
  g_clear_pointer (&pass->unconflict, sqlite3_finalize);
  g_clear_pointer (&pass->now, g_free);
}

/* Where an incoming version stands against the versions stored here. */
static D8BundleOutcome
merge_outcome (Pass *pass, const Rec *rec, gboolean *stale)
{
  sqlite3_stmt *local = pass->local;
  const char *lv, *lh;
  gboolean local_deleted, has_conflict, superseded;
  /* The columns of pass->local and pass->leaves (d8_bundle_run_pass). */
  enum { LOCAL_VERSION, LOCAL_HISTORY, LOCAL_DELETED, LOCAL_HAS_CONFLICT };
  G_STATIC_ASSERT (LOCAL_VERSION == 0 && LOCAL_HAS_CONFLICT == 3);
  enum { LEAF_VERSION, LEAF_HISTORY };

  *stale = FALSE;
  sqlite3_reset (local);
  sqlite3_bind_text (local, 1, rec->uuid, -1, SQLITE_STATIC);
  pass->exists = sqlite3_step (local) == SQLITE_ROW;
  if (!pass->exists)
    return rec->deleted ? D8_BUNDLE_DELETED : D8_BUNDLE_NEW;
  lv = d8_sql_column_text (local, LOCAL_VERSION);
  lh = d8_sql_column_text (local, LOCAL_HISTORY);
  local_deleted = sqlite3_column_int (local, LOCAL_DELETED);
  has_conflict = sqlite3_column_int (local, LOCAL_HAS_CONFLICT);

  if (g_strcmp0 (lv, rec->version) == 0)
    return D8_BUNDLE_UNCHANGED;
  if (d8_hlc_history_contains (lh, rec->version))
    {
      *stale = TRUE;
      return D8_BUNDLE_UNCHANGED;
    }
  superseded = d8_hlc_history_contains (rec->history, lv);
  if (has_conflict)
    {
      sqlite3_stmt *leaves = pass->leaves;
      sqlite3_reset (leaves);
      sqlite3_bind_text (leaves, 1, rec->uuid, -1, SQLITE_STATIC);
      while (sqlite3_step (leaves) == SQLITE_ROW)
        {
          const char *v = d8_sql_column_text (leaves, LEAF_VERSION);
          if (g_strcmp0 (v, rec->version) == 0)
            return D8_BUNDLE_UNCHANGED;
          if (d8_hlc_history_contains (d8_sql_column_text (leaves, LEAF_HISTORY), rec->version))
            {
              *stale = TRUE;
              return D8_BUNDLE_UNCHANGED;
            }
          superseded = superseded && d8_hlc_history_contains (rec->history, v);
        }
    }
  if (superseded)
    return rec->deleted && !local_deleted ? D8_BUNDLE_DELETED : D8_BUNDLE_UPDATED;
  return D8_BUNDLE_CONFLICT;
}

/* ============================================================= leaves */

void
d8_bundle_leaf_free (Leaf *leaf)
{
  d8_entry_free (leaf->e);
  g_free (leaf->version);
  g_free (leaf->history);
  g_free (leaf);
}

/* A row of ENTRY_COLS as a leaf. */
static Leaf *
leaf_from_row (sqlite3_stmt *stmt)
{
  Leaf *leaf = g_new0 (Leaf, 1);

  leaf->e = d8_store_entry_from_row (stmt);
  leaf->version = d8_sql_column_dup (stmt, ENTRY_VERSION);
  leaf->history = d8_sql_column_dup (stmt, ENTRY_HISTORY);
  return leaf;
}

/* An incoming record seen as a leaf, borrowing its texts: @e and @leaf
 * are filled in and valid as long as @rec. */
static void
leaf_view_of_rec (const Rec *rec, gint64 plan_id, gint64 unit_id, gint64 indicator_id,
                  D8Entry *e, Leaf *leaf)
{
  *e = (D8Entry) {
    .uuid = (char *) rec->uuid,
    .plan_id = plan_id,
    .unit_id = unit_id,
    .indicator_id = indicator_id,
    .date = (char *) rec->date,
    .amount = rec->amount,
    .reached = rec->reached,
    .group_size = rec->group_size,
    .place = (char *) rec->place,
    .note = (char *) rec->note,
    .created_at = (char *) rec->created_at,
    .updated_at = (char *) rec->updated_at,
    .origin = (char *) rec->origin,
    .deleted = rec->deleted,
  };
  *leaf = (Leaf) { e, (char *) rec->version, (char *) rec->history };
}

/**
 * d8_bundle_load_leaves:
 * @store: the store
 * @uuid: an entry
 * @error: where a database error goes
 *
 * Returns: (transfer full): the stored versions of the entry (Leaf*): the
 *   shown one first, then the others of a pending conflict, newest first;
 *   empty if there is no such entry; NULL on error.
 */
GPtrArray *
d8_bundle_load_leaves (D8Store *store, const char *uuid, GError **error)
{
  static const char *const sql[] = {
    "SELECT " ENTRY_COLS " FROM entries WHERE uuid = ?",
    "SELECT " ENTRY_COLS " FROM conflict_versions WHERE uuid = ? ORDER BY version DESC",
  };
  g_autoptr (GPtrArray) leaves =
    g_ptr_array_new_with_free_func ((GDestroyNotify) d8_bundle_leaf_free);

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store), sql[i], error);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (leaves, leaf_from_row (stmt));
    }
  return g_steal_pointer (&leaves);
}

/* Binds ?1…?16 (ENTRY_COLS) of @stmt to @leaf, and ?17 to @change_seq when
 * it is above 0. */
static void
bind_leaf (sqlite3_stmt *stmt, const Leaf *leaf, gint64 change_seq)
{
  const D8Entry *e = leaf->e;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, ENTRY_PARAM (ENTRY_UUID), e->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, ENTRY_PARAM (ENTRY_PLAN), e->plan_id);
  sqlite3_bind_int64 (stmt, ENTRY_PARAM (ENTRY_UNIT), e->unit_id);
  sqlite3_bind_int64 (stmt, ENTRY_PARAM (ENTRY_INDICATOR), e->indicator_id);
  sqlite3_bind_text (stmt, ENTRY_PARAM (ENTRY_DATE), e->date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, ENTRY_PARAM (ENTRY_AMOUNT), e->amount);
  sqlite3_bind_int64 (stmt, ENTRY_PARAM (ENTRY_REACHED), e->reached);
  sqlite3_bind_int64 (stmt, ENTRY_PARAM (ENTRY_GROUP_SIZE), e->group_size);
  d8_sql_bind_text (stmt, ENTRY_PARAM (ENTRY_PLACE), e->place, D8_SQL_EMPTY_IS_TEXT);
  d8_sql_bind_text (stmt, ENTRY_PARAM (ENTRY_NOTE), e->note, D8_SQL_EMPTY_IS_TEXT);
  sqlite3_bind_text (stmt, ENTRY_PARAM (ENTRY_CREATED_AT), e->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, ENTRY_PARAM (ENTRY_UPDATED_AT), e->updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, ENTRY_PARAM (ENTRY_ORIGIN), e->origin, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, ENTRY_PARAM (ENTRY_DELETED), e->deleted ? 1 : 0);
  sqlite3_bind_text (stmt, ENTRY_PARAM (ENTRY_VERSION), leaf->version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, ENTRY_PARAM (ENTRY_HISTORY), leaf->history ? leaf->history : "", -1,
                     SQLITE_STATIC);
  if (change_seq > 0)
    sqlite3_bind_int64 (stmt, ENTRY_PARAM (ENTRY_CHANGE_SEQ), change_seq);
}

/**
 * d8_bundle_max_change_seq:
 * @store: the store
 * @change_seq: (out): the highest change_seq of the entries, 0 if none
 * @error: where a database error goes
 *
 * Returns: %FALSE on a database error.
 */
gboolean
d8_bundle_max_change_seq (D8Store *store, gint64 *change_seq, GError **error)
{
  sqlite3 *db = d8_store_get_db (store);
  g_autoptr (D8SqlStmt) max = NULL;

  max = d8_sql_prepare (db, "SELECT IFNULL (MAX (change_seq), 0) FROM entries", error);

  if (max == NULL)
    return FALSE;
  if (sqlite3_step (max) != SQLITE_ROW)
    return d8_sql_fail (db, error, _("The entries could not be read."));
  *change_seq = sqlite3_column_int64 (max, 0);
  return TRUE;
}

/**
 * d8_bundle_pass_prepare_update:
 * @store: the store
 * @pass: a pass that will write
 * @error: where a database error goes
 *
 * Prepares @pass->update (an UPDATE of an entry, parameters as
 * bind_leaf() binds them) and sets @pass->change_seq to the highest
 * stored, so that each write takes the next.
 *
 * Returns: %FALSE on a database error.
 */
gboolean
d8_bundle_pass_prepare_update (D8Store *store, Pass *pass, GError **error)
{
  pass->update = d8_sql_prepare (d8_store_get_db (store),
                                 "UPDATE entries SET plan_id = ?2, unit_id = ?3,"
                                 " indicator_id = ?4, date = ?5, amount = ?6, reached = ?7,"
                                 " group_size = ?8, place = ?9, note = ?10, created_at = ?11,"
                                 " updated_at = ?12, origin = ?13, deleted = ?14, version = ?15,"
                                 " history = ?16, change_seq = ?17 WHERE uuid = ?1", error);
  return pass->update != NULL && d8_bundle_max_change_seq (store, &pass->change_seq, error);
}

/* Runs @stmt, a statement that returns no rows. */
static gboolean
step_done (D8Store *store, sqlite3_stmt *stmt, GError **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (store), error, IMPORT_FAILED);
  return TRUE;
}

/**
 * d8_bundle_store_leaves:
 * @store: the store, inside a write transaction
 * @pass: a pass whose update is prepared (d8_bundle_pass_prepare_update())
 * @leaves: (element-type Leaf): the concurrent versions of one entry
 * @mine: this office's version among them
 * @bundle_id: (nullable): the bundle that brought the conflict
 * @error: where a database error goes
 *
 * Stores the set of concurrent versions of one entry: the later stamp is
 * shown (the same choice at every office), the others are kept as a
 * conflict. One leaf left clears the conflict.
 *
 * Returns: %FALSE on a database error.
 */
gboolean
d8_bundle_store_leaves (D8Store *store, Pass *pass, GPtrArray *leaves, const char *mine,
                        const char *bundle_id, GError **error)
{
  sqlite3 *db = d8_store_get_db (store);
  Leaf *winner = leaves->pdata[0];
  g_autoptr (D8SqlStmt) clear = NULL;
  g_autoptr (D8SqlStmt) head = NULL;
  g_autoptr (D8SqlStmt) other = NULL;

  for (guint i = 1; i < leaves->len; i++)
    if (strcmp (((Leaf *) leaves->pdata[i])->version, winner->version) > 0)
      winner = leaves->pdata[i];
  bind_leaf (pass->update, winner, ++pass->change_seq);
  if (!step_done (store, pass->update, error))
    return FALSE;
  clear = d8_sql_prepare (db, "DELETE FROM conflicts WHERE uuid = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_text (clear, 1, winner->e->uuid, -1, SQLITE_STATIC);
  if (!step_done (store, clear, error))
    return FALSE;
  if (leaves->len < 2)
    return TRUE;
  head = d8_sql_prepare (db, "INSERT INTO conflicts (uuid, mine_version, bundle_id, detected_at)"
                             " VALUES (?, ?, ?, ?)", error);
  other = d8_sql_prepare (db, "INSERT INTO conflict_versions (" ENTRY_COLS ")"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                              " ?14, ?15, ?16)", error);
  if (head == NULL || other == NULL)
    return FALSE;
  sqlite3_bind_text (head, 1, winner->e->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (head, 2, mine, -1, SQLITE_STATIC);
  d8_sql_bind_text (head, 3, bundle_id, D8_SQL_EMPTY_IS_TEXT);
  sqlite3_bind_text (head, 4, pass->now, -1, SQLITE_STATIC);
  if (!step_done (store, head, error))
    return FALSE;
  for (guint i = 0; i < leaves->len; i++)
    {
      Leaf *leaf = leaves->pdata[i];
      if (leaf == winner)
        continue;
      bind_leaf (other, leaf, 0);
      if (!step_done (store, other, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * d8_bundle_conflict_mine:
 * @store: the store
 * @uuid: an entry
 * @mine_version: (out) (transfer full): this office's version in the
 *   entry's pending conflict, NULL when it is not in conflict
 * @error: where a database error goes
 *
 * Returns: %FALSE on a database error.
 */
gboolean
d8_bundle_conflict_mine (D8Store *store, const char *uuid, char **mine_version, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store),
                                               "SELECT mine_version FROM conflicts WHERE uuid = ?",
                                               error);

  *mine_version = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *mine_version = d8_sql_column_dup (stmt, 0);
  return TRUE;
}

static gboolean
write_conflict (D8BundleImport *im, Pass *pass, const Rec *rec, gint64 plan_id, gint64 unit_id,
                gint64 indicator_id, GError **error)
{
  D8Store *store = im->store;
  g_autoptr (GPtrArray) leaves = d8_bundle_load_leaves (store, rec->uuid, error);
  g_autoptr (GPtrArray) keep = g_ptr_array_new ();
  g_autofree char *mine = NULL;
  gboolean mine_kept = FALSE;
  D8Entry incoming_entry;
  Leaf incoming;

  if (leaves == NULL || !d8_bundle_conflict_mine (store, rec->uuid, &mine, error))
    return FALSE;
  if (mine == NULL)
    mine = g_strdup (((Leaf *) leaves->pdata[0])->version);
  /* Versions the incoming one descends from are superseded by it. */
  for (guint i = 0; i < leaves->len; i++)
    {
      Leaf *leaf = leaves->pdata[i];
      if (d8_hlc_history_contains (rec->history, leaf->version))
        continue;
      g_ptr_array_add (keep, leaf);
      mine_kept = mine_kept || g_str_equal (leaf->version, mine);
    }
  if (!mine_kept)
    {
      g_free (mine);
      mine = g_strdup (((Leaf *) keep->pdata[0])->version);
    }
  leaf_view_of_rec (rec, plan_id, unit_id, indicator_id, &incoming_entry, &incoming);
  g_ptr_array_add (keep, &incoming);
  return d8_bundle_store_leaves (store, pass, keep, mine, im->preview.bundle_id, error);
}

static gboolean
write_entry (D8BundleImport *im, Pass *pass, const Rec *rec, D8BundleOutcome outcome,
             gint64 plan_id, gint64 unit_id, gint64 indicator_id, GError **error)
{
  sqlite3_stmt *stmt;
  D8Entry entry;
  Leaf leaf;

  if (outcome == D8_BUNDLE_CONFLICT)
    return write_conflict (im, pass, rec, plan_id, unit_id, indicator_id, error);

  stmt = pass->exists ? pass->update : pass->insert;
  leaf_view_of_rec (rec, plan_id, unit_id, indicator_id, &entry, &leaf);
  bind_leaf (stmt, &leaf, ++pass->change_seq);
  if (!step_done (im->store, stmt, error))
    return FALSE;
  if (stmt == pass->update)
    {
      /* It descends from every version here: a pending conflict is over. */
      sqlite3_reset (pass->unconflict);
      sqlite3_bind_text (pass->unconflict, 1, rec->uuid, -1, SQLITE_STATIC);
      if (!step_done (im->store, pass->unconflict, error))
        return FALSE;
    }
  return TRUE;
}

/* ============================================================= passes */

static PlanInfo *
lookup_plan (D8BundleImport *im, const char *code)
{
  PlanInfo *info = g_hash_table_lookup (im->plan_infos, code);

  if (info == NULL && !g_hash_table_contains (im->plan_infos, code))
    {
      info = plan_info_from_db (im->store, code);
      g_hash_table_insert (im->plan_infos, g_strdup (code), info);
    }
  return info;
}

/* Prepares the statements of @pass: those that read, and with
 * @pass->write those that write. */
static gboolean
pass_prepare (D8Store *store, Pass *pass, GError **error)
{
  sqlite3 *db = d8_store_get_db (store);

  /* Columns: see merge_outcome(), then the stored content (LOCAL_UNIT…). */
  pass->local = d8_sql_prepare (db, "SELECT version, history, deleted,"
                                    " EXISTS (SELECT 1 FROM conflicts c WHERE c.uuid = e.uuid),"
                                    " u.code, p.code, i.code, e.date, e.amount, e.reached,"
                                    " e.group_size, IFNULL (e.place, ''), IFNULL (e.note, '')"
                                    " FROM entries e JOIN units u ON u.id = e.unit_id"
                                    " JOIN plans p ON p.id = e.plan_id"
                                    " JOIN indicators i ON i.id = e.indicator_id"
                                    " WHERE uuid = ?", error);
  pass->leaves = d8_sql_prepare (db, "SELECT version, history FROM conflict_versions"
                                     " WHERE uuid = ?", error);
  if (pass->local == NULL || pass->leaves == NULL)
    return FALSE;
  if (!pass->write)
    return TRUE;
  if (!d8_bundle_pass_prepare_update (store, pass, error))
    return FALSE;
  pass->insert = d8_sql_prepare (db, "INSERT INTO entries (" ENTRY_COLS ", change_seq)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                                     " ?12, ?13, ?14, ?15, ?16, ?17)", error);
  pass->unconflict = d8_sql_prepare (db, "DELETE FROM conflicts WHERE uuid = ?", error);
  return pass->insert != NULL && pass->unconflict != NULL;
}

/* Plans first: entries may refer to a plan that arrives with them. */
static gboolean
classify_plans (D8BundleImport *im, Pass *pass, GError **error)
{
  D8Store *store = im->store;
  D8BundlePreview *p = &im->preview;
  gboolean from_province = g_str_equal (p->origin, "province");
  g_autoptr (GHashTable) plan_codes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < im->plan_recs->len; i++)
    {
      PlanRec *rec = im->plan_recs->pdata[i];
      g_autofree char *record = g_strdup_printf ("plans[%u]", rec->index);
      PlanInfo *stored = plan_info_from_db (store, rec->code);
      D8BundleOutcome outcome;
      if (!from_province)
        {
          forbid (im, record, rec->code, "plan",
                  g_strdup_printf (_("plans, units, indicators and quotas are accepted only from "
                                     "the provincial office; this bundle comes from %s"),
                                   p->origin));
          outcome = D8_BUNDLE_REJECTED;
        }
      else if (!g_hash_table_add (plan_codes, rec->code))
        {
          reject (im, record, rec->code, "plan.code",
                  g_strdup_printf (_("the plan “%s” appears twice in the bundle"), rec->code));
          outcome = D8_BUNDLE_REJECTED;
        }
      else if (stored == NULL)
        {
          outcome = D8_BUNDLE_NEW;
          if (pass->write)
            {
              gint64 plan_id;
              if (!d8_store_insert_plan_file (store, rec->file, &plan_id, error)
                  || !d8_plan_amendments_record (store, plan_id, rec->amendments, error))
                return FALSE;
            }
          else
            g_hash_table_insert (im->plan_infos, g_strdup (rec->code),
                                 plan_info_from_file (rec->file));
        }
      else if (d8_store_plan_is_draft (store, stored->id))
        {
          reject (im, record, rec->code, "plan.code",
                  g_strdup_printf (_("the plan “%s” is a draft here; a bundle does not replace "
                                     "it"), rec->code));
          outcome = D8_BUNDLE_REJECTED;
        }
      else
        {
          int diff = compare_plan (store, stored->id, rec->file);
          /* An amendment not recorded here yet is news even when the
           * quotas already agree (docs/bundle-format.md, "amendments"). */
          if (diff == 0 && d8_plan_amendments_count_new (store, stored->id, rec->amendments) > 0)
            diff = 1;
          if (diff == 2)
            {
              reject (im, record, rec->code, "units",
                      g_strdup_printf (_("the plan “%s” here has other units or indicators; a "
                                         "changed plan needs a new plan code"), rec->code));
              outcome = D8_BUNDLE_REJECTED;
            }
          else if (diff == 1)
            {
              outcome = D8_BUNDLE_UPDATED;
              if (pass->write
                  && (!update_plan_quotas (store, stored->id, rec->file, error)
                      || !d8_plan_amendments_record (store, stored->id, rec->amendments,
                                                     error)))
                {
                  d8_bundle_plan_info_free (stored);
                  return FALSE;
                }
            }
          else
            outcome = D8_BUNDLE_UNCHANGED;
        }
      g_clear_pointer (&stored, d8_bundle_plan_info_free);
      im->plan_outcomes[i] = outcome;
      p->plans[outcome]++;
    }
  return TRUE;
}

/* The columns of pass->local after merge_outcome's. */
enum { LOCAL_UNIT = 4, LOCAL_PLAN, LOCAL_INDICATOR, LOCAL_DATE, LOCAL_AMOUNT, LOCAL_REACHED,
       LOCAL_GROUP_SIZE, LOCAL_PLACE, LOCAL_NOTE };

/* The stored entry (pass->local's row) has the stamp of @rec: its content
 * must be the same, or the file was altered. */
static gboolean
same_content (sqlite3_stmt *local, const Rec *rec)
{
  return g_strcmp0 (d8_sql_column_text (local, LOCAL_PLAN), rec->plan) == 0
         && g_strcmp0 (d8_sql_column_text (local, LOCAL_UNIT), rec->unit) == 0
         && g_strcmp0 (d8_sql_column_text (local, LOCAL_INDICATOR), rec->indicator) == 0
         && g_strcmp0 (d8_sql_column_text (local, LOCAL_DATE), rec->date) == 0
         && sqlite3_column_int64 (local, LOCAL_AMOUNT) == rec->amount
         && sqlite3_column_int64 (local, LOCAL_REACHED) == rec->reached
         && sqlite3_column_int64 (local, LOCAL_GROUP_SIZE) == rec->group_size
         && g_strcmp0 (d8_sql_column_text (local, LOCAL_PLACE), rec->place ? rec->place : "") == 0
         && g_strcmp0 (d8_sql_column_text (local, LOCAL_NOTE), rec->note ? rec->note : "") == 0
         && (sqlite3_column_int (local, 2) != 0) == (rec->deleted != 0);
}

/* A version made by a resolution (d8-bundle-log.c): its node is
 * "resolved-…", the same at every office that made the same choice. */
static gboolean
is_resolution (const char *version)
{
  D8Hlc hlc;

  return d8_hlc_parse (version, &hlc) && g_str_has_prefix (hlc.node, "resolved-");
}

/* What a unit office may not send, once the stored entry is known
 * (pass->local's row when pass->exists): NULL, or the reason (@field set). */
static char *
forbidden_reason (D8BundleImport *im, Pass *pass, const Rec *rec, D8BundleOutcome outcome,
                  gboolean stale, const char **field)
{
  D8BundlePreview *p = &im->preview;
  const char *stored_unit = pass->exists ? d8_sql_column_text (pass->local, LOCAL_UNIT) : NULL;

  /* Same stamp, other content: from anyone, a forgery. */
  if (pass->exists && outcome == D8_BUNDLE_UNCHANGED && !stale
      && g_strcmp0 (d8_sql_column_text (pass->local, 0), rec->version) == 0
      && !same_content (pass->local, rec))
    {
      *field = "version";
      return g_strdup_printf (_("the entry has the same version stamp as the one here but "
                                "other content: the file was altered"));
    }
  if (im->sender_units == NULL)
    return NULL; /* the province may relay any unit's entries */
  if (stored_unit && !g_hash_table_contains (im->sender_units, stored_unit))
    {
      *field = "unit";
      return g_strdup_printf (_("the entry here belongs to %s; the office of %s may not change, "
                                "move or delete it"), stored_unit, p->origin);
    }
  if (outcome != D8_BUNDLE_UNCHANGED && !g_str_equal (rec->origin, p->origin)
      && !is_resolution (rec->version))
    {
      *field = "origin";
      return g_strdup_printf (_("the entry claims to be recorded by %s, but the bundle comes "
                                "from the office of %s"), rec->origin, p->origin);
    }
  return NULL;
}

/* Then entries. */
static gboolean
classify_entries (D8BundleImport *im, Pass *pass, GError **error)
{
  D8BundlePreview *p = &im->preview;
  gboolean from_province = g_str_equal (p->origin, "province");

  for (guint i = 0; i < im->recs->len; i++)
    {
      const Rec *rec = &g_array_index (im->recs, Rec, i);
      PlanInfo *plan = lookup_plan (im, rec->plan);
      gint64 *unit_id = NULL;
      IndicatorInfo *ind = NULL;
      D8BundleOutcome outcome;
      const char *field = NULL;
      char *reason = NULL;
      gboolean stale = FALSE, forbidden = FALSE;
      g_autoptr (GError) figures_error = NULL;

      if (plan == NULL)
        field = "plan", reason = g_strdup_printf (_("unknown plan “%s”"), rec->plan);
      else if (plan->id != 0 && d8_store_plan_is_draft (im->store, plan->id))
        field = "plan",
        reason = g_strdup_printf (_("the plan “%s” is a draft here: it takes no entries until "
                                    "it is issued"), rec->plan);
      else if ((unit_id = g_hash_table_lookup (plan->units, rec->unit)) == NULL)
        field = "unit",
        reason = g_strdup_printf (_("the unit “%s” is not part of plan “%s”"), rec->unit,
                                  rec->plan);
      else if ((ind = g_hash_table_lookup (plan->indicators, rec->indicator)) == NULL)
        field = "indicator",
        reason = g_strdup_printf (_("unknown indicator “%s” in plan “%s”"), rec->indicator,
                                  rec->plan);
      else if (!from_province && !g_hash_table_contains (im->sender_units, rec->unit))
        field = "unit", forbidden = TRUE,
        reason = g_strdup_printf (_("the office of %s may only send entries of its own unit, "
                                    "not of %s"), p->origin, rec->unit);
      else if (!d8_entry_check_figures (ind->kind, rec->indicator, rec->amount, rec->reached,
                                        rec->group_size, rec->deleted, &field, &figures_error))
        reason = g_strdup (figures_error->message);
      else if (strncmp (rec->version, im->drift_limit, D8_HLC_TIME_LEN) > 0)
        field = "version",
        reason = g_strdup_printf (_("the version is dated %.24s, more than a day ahead of this "
                                    "computer’s clock; check the date on the computer of %s"),
                                  rec->version, rec->origin);

      if (reason == NULL)
        {
          outcome = merge_outcome (pass, rec, &stale);
          reason = forbidden_reason (im, pass, rec, outcome, stale, &field);
          forbidden = reason != NULL;
          /* An approved report locks its entries here (d8-reporting.h). */
          if (reason == NULL && outcome != D8_BUNDLE_UNCHANGED
              && (reason = d8_bundle_locked_reason (im, rec, plan->id, *unit_id)) != NULL)
            field = "date";
        }
      if (reason != NULL)
        {
          g_autofree char *record = g_strdup_printf ("entries[%u]", i);
          (forbidden ? forbid : reject) (im, record, rec->uuid, field, reason);
          outcome = D8_BUNDLE_REJECTED;
        }
      else
        {
          p->n_stale += stale;
          if (outcome == D8_BUNDLE_CONFLICT)
            g_ptr_array_add (p->conflicts, g_strdup (rec->uuid));
          if (pass->write && outcome != D8_BUNDLE_UNCHANGED)
            {
              if (!write_entry (im, pass, rec, outcome, plan->id, *unit_id, ind->id, error))
                return FALSE;
              pass->max_version = d8_hlc_max (pass->max_version, rec->version);
              D8_BUNDLE_HOOK ("entry", ++pass->written);
            }
        }
      im->outcomes[i] = outcome;
      p->entries[outcome]++;
    }
  return TRUE;
}

/**
 * d8_bundle_run_pass:
 * @im: an import whose bundle was read
 * @pass: a zeroed pass; with @pass->write set (and @pass->now) it writes,
 *   inside the caller's transaction
 * @error: where a database error goes
 *
 * Classifies every record of @im against the database, filling the
 * preview's counts, rejections and conflicts and @im's outcomes; with
 * @pass->write also writes them. Clear @pass afterwards.
 *
 * Returns: %FALSE on a database error.
 */
gboolean
d8_bundle_run_pass (D8BundleImport *im, Pass *pass, GError **error)
{
  D8BundlePreview *p = &im->preview;

  memset (p->entries, 0, sizeof p->entries);
  memset (p->plans, 0, sizeof p->plans);
  p->n_stale = 0;
  p->n_forbidden = 0;
  g_ptr_array_set_size (p->rejections, 0);
  g_ptr_array_set_size (p->conflicts, 0);
  g_hash_table_remove_all (im->plan_infos);

  memset (p->reports, 0, sizeof p->reports);
  return pass_prepare (im->store, pass, error) && classify_plans (im, pass, error)
         && d8_bundle_classify_reports (im, pass, error) && classify_entries (im, pass, error);
}

void
d8_bundle_add_rejection (D8BundleImport *im, const char *record, const char *id,
                         const char *field, char *reason, gboolean forbidden)
{
  (forbidden ? forbid : reject) (im, record, id, field, reason);
}
