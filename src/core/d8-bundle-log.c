/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-bundle-log.c — what imports left behind: the log of imported
 * bundles, the conflicts between offices, and their resolution.
 *
 * A resolution keeps one version of an entry and gives it a stamp derived
 * from the versions in conflict and the choice, so that two offices that
 * make the same choice end with the same version (d8_bundle_resolve()).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "d8-bundle-private.h"
#include "d8-reporting.h"
#include "d8-hlc.h"
#include "d8-store-private.h"

/**
 * d8_bundle_log_entry_describe:
 * @entry: a log entry
 *
 * Returns: (transfer full): the entry's counts in words, as
 *   d8_bundle_describe_counts() writes them; the summary as stored when it
 *   cannot be read.
 */
char *
d8_bundle_log_entry_describe (const D8BundleLogEntry *entry)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  guint entries[D8_BUNDLE_N_OUTCOMES] = { 0 };
  JsonObject *object;

  if (entry->summary == NULL || !json_parser_load_from_data (parser, entry->summary, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_strdup (entry->summary ? entry->summary : "");
  object = json_node_get_object (json_parser_get_root (parser));
  for (int o = 0; o < D8_BUNDLE_N_OUTCOMES; o++)
    entries[o] = (guint) CLAMP (json_object_get_int_member_with_default (
                                  object, d8_bundle_outcome_key (o), 0), 0, G_MAXUINT);
  return d8_bundle_describe_counts (entries);
}
/**
 * d8_bundle_log_entry_free:
 * @entry: (nullable): a log entry
 */
void
d8_bundle_log_entry_free (D8BundleLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->bundle_id);
  g_free (entry->origin);
  g_free (entry->digest);
  g_free (entry->created_at);
  g_free (entry->imported_at);
  g_free (entry->file_name);
  g_free (entry->summary);
  g_free (entry);
}

/**
 * d8_bundle_list_log:
 * @store: the store
 * @error: a database error
 *
 * Returns: (transfer full) (element-type D8BundleLogEntry) (nullable): the
 *   bundles imported here, newest first; NULL on error.
 */
GPtrArray *
d8_bundle_list_log (D8Store *store, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) d8_bundle_log_entry_free);
  g_autoptr (D8SqlStmt) stmt = NULL;
  enum { LOG_BUNDLE_ID, LOG_ORIGIN, LOG_SEQUENCE, LOG_DIGEST, LOG_CREATED_AT, LOG_IMPORTED_AT,
         LOG_FILE_NAME, LOG_SUMMARY };

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  stmt = d8_sql_prepare (d8_store_get_db (store),
                         "SELECT bundle_id, origin, sequence, digest, created_at, imported_at,"
                         " file_name, summary FROM bundle_log ORDER BY imported_at DESC", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      D8BundleLogEntry *e = g_new0 (D8BundleLogEntry, 1);
      e->bundle_id = d8_sql_column_dup (stmt, LOG_BUNDLE_ID);
      e->origin = d8_sql_column_dup (stmt, LOG_ORIGIN);
      e->sequence = sqlite3_column_int64 (stmt, LOG_SEQUENCE);
      e->digest = d8_sql_column_dup (stmt, LOG_DIGEST);
      e->created_at = d8_sql_column_dup (stmt, LOG_CREATED_AT);
      e->imported_at = d8_sql_column_dup (stmt, LOG_IMPORTED_AT);
      e->file_name = d8_sql_column_dup (stmt, LOG_FILE_NAME);
      e->summary = d8_sql_column_dup (stmt, LOG_SUMMARY);
      g_ptr_array_add (list, e);
    }
  return g_steal_pointer (&list);
}

/**
 * d8_conflict_free:
 * @conflict: (nullable): a conflict
 */
void
d8_conflict_free (D8Conflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->uuid);
  d8_entry_free (conflict->mine);
  d8_entry_free (conflict->theirs);
  g_free (conflict->mine_version);
  g_free (conflict->theirs_version);
  g_free (conflict->bundle_id);
  g_free (conflict->detected_at);
  g_free (conflict);
}

/* The leaves of one conflict split into mine and theirs. */
static gboolean
split_leaves (GPtrArray *leaves, const char *mine_version, Leaf **mine, Leaf **theirs)
{
  *mine = *theirs = NULL;
  for (guint i = 0; i < leaves->len; i++)
    {
      Leaf *leaf = leaves->pdata[i];
      if (g_str_equal (leaf->version, mine_version))
        *mine = leaf;
      else if (*theirs == NULL || strcmp (leaf->version, (*theirs)->version) > 0)
        *theirs = leaf;
    }
  if (*mine == NULL && leaves->len > 0)
    *mine = leaves->pdata[0] == *theirs && leaves->len > 1 ? leaves->pdata[1] : leaves->pdata[0];
  return *mine != NULL && *theirs != NULL && *mine != *theirs;
}

/**
 * d8_bundle_list_conflicts:
 * @store: the store
 * @error: a database error
 *
 * Returns: (transfer full) (element-type D8Conflict) (nullable): the
 *   pending conflicts, oldest first, each with this office's version and
 *   the latest other one; NULL on error.
 */
GPtrArray *
d8_bundle_list_conflicts (D8Store *store, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_conflict_free);
  g_autoptr (D8SqlStmt) stmt = NULL;
  enum { CONFLICT_UUID, CONFLICT_MINE_VERSION, CONFLICT_BUNDLE_ID, CONFLICT_DETECTED_AT,
         CONFLICT_SHOWN_VERSION };

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  stmt = d8_sql_prepare (d8_store_get_db (store),
                         "SELECT c.uuid, c.mine_version, c.bundle_id, c.detected_at, e.version"
                         " FROM conflicts c JOIN entries e ON e.uuid = c.uuid"
                         " ORDER BY c.detected_at, c.uuid", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (GPtrArray) leaves =
        d8_bundle_load_leaves (store, d8_sql_column_text (stmt, CONFLICT_UUID), error);
      D8Conflict *c;
      Leaf *mine, *theirs;

      if (leaves == NULL)
        return NULL;
      if (!split_leaves (leaves, d8_sql_column_text (stmt, CONFLICT_MINE_VERSION), &mine,
                         &theirs))
        continue;
      c = g_new0 (D8Conflict, 1);
      c->uuid = d8_sql_column_dup (stmt, CONFLICT_UUID);
      c->mine = d8_entry_copy (mine->e);
      c->theirs = d8_entry_copy (theirs->e);
      c->mine_version = g_strdup (mine->version);
      c->theirs_version = g_strdup (theirs->version);
      c->shown_is_mine =
        g_strcmp0 (d8_sql_column_text (stmt, CONFLICT_SHOWN_VERSION), mine->version) == 0;
      c->bundle_id = d8_sql_column_dup (stmt, CONFLICT_BUNDLE_ID);
      c->detected_at = d8_sql_column_dup (stmt, CONFLICT_DETECTED_AT);
      g_ptr_array_add (list, c);
    }
  return g_steal_pointer (&list);
}

/* The history of a resolution: every version of the entry's leaves and
 * their ancestors, newest first, each once; the versions in conflict are
 * always kept, an ancestor already covered by a kept version is not. */
static char *
resolution_history (GPtrArray *leaves)
{
  g_autoptr (GPtrArray) versions = g_ptr_array_new_with_free_func (g_free);
  GString *history = g_string_new (NULL);

  for (guint i = 0; i < leaves->len; i++)
    {
      Leaf *leaf = leaves->pdata[i];
      g_auto (GStrv) parts = g_strsplit (leaf->history ? leaf->history : "", " ", -1);
      g_ptr_array_add (versions, g_strdup (leaf->version));
      for (guint k = 0; parts[k]; k++)
        if (*parts[k])
          g_ptr_array_add (versions, g_strdup (parts[k]));
    }
  g_ptr_array_sort (versions, (GCompareFunc) (void (*) (void)) g_strcmp0);
  for (guint i = versions->len; i-- > 0;)
    {
      const char *v = versions->pdata[i];
      gboolean is_leaf = FALSE;
      if (i + 1 < versions->len && g_str_equal (v, versions->pdata[i + 1]))
        continue;
      for (guint k = 0; k < leaves->len; k++)
        is_leaf = is_leaf || g_str_equal (v, ((Leaf *) leaves->pdata[k])->version);
      if (!is_leaf && d8_hlc_history_contains (history->str, v))
        continue;
      g_string_append_printf (history, "%s%s", history->len ? " " : "", v);
    }
  return g_string_free (history, FALSE);
}

/* Resolves the conflict of @uuid inside the caller's transaction. */
static gboolean
resolve_one (D8Store *store, const char *uuid, D8BundleKeep keep, GError **error)
{
  g_autoptr (GPtrArray) leaves = NULL;
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *mine_version = NULL;
  g_autofree char *node = NULL;
  g_autofree char *version = NULL;
  g_autofree char *history = NULL;
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  g_auto (Pass) pass = { 0 };
  Leaf *mine, *theirs, *chosen, result;
  const char *newest = NULL;

  if (!d8_bundle_conflict_mine (store, uuid, &mine_version, error))
    return FALSE;
  if (mine_version == NULL)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                   _("The entry %s is not in conflict; `duan8-cli conflicts` lists those that are"),
                   uuid);
      return FALSE;
    }
  if ((leaves = d8_bundle_load_leaves (store, uuid, error)) == NULL)
    return FALSE;
  if (!split_leaves (leaves, mine_version, &mine, &theirs))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE, _("The conflict of entry %s is damaged"),
                   uuid);
      return FALSE;
    }
  chosen = keep == D8_BUNDLE_KEEP_MINE ? mine : theirs;
  /* Settling a conflict changes the entry: not in a period an approved
   * report locks (d8-reporting.h), whichever version names it. */
  for (guint i = 0; i < leaves->len; i++)
    {
      const D8Entry *e = ((Leaf *) leaves->pdata[i])->e;

      if (!d8_store_check_unlocked (store, e->plan_id, e->unit_id, e->date, error))
        return FALSE;
    }

  /* The result descends from every version in conflict. Its stamp follows
   * the newest of them and names the chosen version by a hash, so another
   * office that picks the same version makes the very same stamp: the two
   * resolutions then agree instead of conflicting again. */
  for (guint i = 0; i < leaves->len; i++)
    newest = d8_hlc_max (newest, ((Leaf *) leaves->pdata[i])->version);
  g_checksum_update (sum, (const guchar *) chosen->version, -1);
  node = g_strdup_printf ("resolved-%.12s", g_checksum_get_string (sum));
  version = d8_hlc_successor (newest, node);
  history = resolution_history (leaves);
  result = (Leaf) { chosen->e, version, history };

  g_ptr_array_add (one, &result);
  return d8_bundle_pass_prepare_update (store, &pass, error)
         && d8_bundle_store_leaves (store, &pass, one, result.version, NULL, error)
         && d8_store_observe_version (store, result.version, error);
}

/* The UUIDs of every entry in conflict. */
static GPtrArray *
list_conflict_uuids (D8Store *store, GError **error)
{
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store),
                                               "SELECT uuid FROM conflicts ORDER BY uuid", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uuids, d8_sql_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (store), error, _("The conflicts could not be settled.")),
           NULL;
  return g_steal_pointer (&uuids);
}

/* Resolves the conflict of @uuid, or every conflict when @uuid is NULL, in
 * one transaction: all or none. */
static gboolean
resolve_many (D8Store *store, const char *uuid, D8BundleKeep keep, guint *n_resolved,
              GError **error)
{
  sqlite3 *db = d8_store_get_db (store);
  g_autoptr (GPtrArray) uuids = NULL;
  gboolean ok;

  if (!d8_sql_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;
  if (uuid != NULL)
    {
      uuids = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (uuids, g_strdup (uuid));
    }
  else
    uuids = list_conflict_uuids (store, error);
  ok = uuids != NULL;
  for (guint i = 0; ok && i < uuids->len; i++)
    ok = resolve_one (store, uuids->pdata[i], keep, error);
  ok = ok && d8_sql_exec (db, "COMMIT;", error);
  if (!ok)
    {
      d8_sql_exec (db, "ROLLBACK;", NULL);
      return FALSE;
    }
  if (n_resolved != NULL)
    *n_resolved = uuids->len;
  if (uuids->len > 0)
    d8_store_emit_changed (store);
  return TRUE;
}

/**
 * d8_bundle_resolve:
 * @store: the store
 * @uuid: an entry in conflict
 * @keep: which version to keep
 * @error: D8_ERROR_NOT_FOUND when the entry is not in conflict,
 *   D8_ERROR_DATABASE when its conflict is damaged, or a database error
 *
 * Keeps one version of the entry, with a stamp derived from the versions
 * in conflict and the choice: two offices that make the same choice end
 * with the same version.
 *
 * Returns: %TRUE on success.
 */
gboolean
d8_bundle_resolve (D8Store *store, const char *uuid, D8BundleKeep keep, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return resolve_many (store, uuid, keep, NULL, error);
}

/**
 * d8_bundle_resolve_all:
 * @store: the store
 * @keep: which version to keep, for every conflict
 * @n_resolved: (out) (optional): how many conflicts there were
 * @error: as d8_bundle_resolve(); then none is resolved
 *
 * Resolves every conflict the same way, in one transaction: all or none.
 *
 * Returns: %TRUE on success.
 */
gboolean
d8_bundle_resolve_all (D8Store *store, D8BundleKeep keep, guint *n_resolved, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  return resolve_many (store, NULL, keep, n_resolved, error);
}
