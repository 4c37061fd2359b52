/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-snapshot.c — whole-database copies through the SQLite backup API.
 *
 * The backup API copies a consistent picture even while the window reads,
 * and restoring through it replaces the live database's pages in one
 * transaction of the destination, so a restore is atomic too.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "d8-hlc.h"
#include "d8-snapshot.h"
#include "d8-store-private.h"

#define SUFFIX ".sqlite3"

void
d8_snapshot_free (D8Snapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->name);
  g_free (snapshot->path);
  g_free (snapshot->created_at);
  g_free (snapshot->reason);
  g_free (snapshot);
}

char *
d8_snapshot_dir (D8Store *store)
{
  return g_strconcat (d8_store_get_path (store), ".snapshots", NULL);
}

/* Names are "YYYYMMDDTHHMMSS.mmmZ-reason.sqlite3": they sort by time. */
static D8Snapshot *
snapshot_from_name (const char *dir, const char *name)
{
  D8Snapshot *snapshot;
  const char *dash;
  GStatBuf st;

  if (!g_str_has_suffix (name, SUFFIX) || strlen (name) < 21 || name[8] != 'T' || name[15] != '.'
      || name[19] != 'Z' || name[20] != '-')
    return NULL;
  dash = name + 20;
  snapshot = g_new0 (D8Snapshot, 1);
  snapshot->name = g_strdup (name);
  snapshot->path = g_build_filename (dir, name, NULL);
  snapshot->created_at = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2s.%.3sZ", name, name + 4,
                                          name + 6, name + 9, name + 11, name + 13, name + 16);
  snapshot->reason = g_strndup (dash + 1, strlen (dash + 1) - strlen (SUFFIX));
  if (g_stat (snapshot->path, &st) == 0)
    snapshot->size = st.st_size;
  return snapshot;
}

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  const D8Snapshot *x = *(D8Snapshot **) a, *y = *(D8Snapshot **) b;
  return -strcmp (x->name, y->name);
}

GPtrArray *
d8_snapshot_list (D8Store *store, GError **error)
{
  g_autofree char *dir = d8_snapshot_dir (store);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_snapshot_free);
  g_autoptr (GDir) d = NULL;
  const char *name;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&list);
  d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return NULL;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      D8Snapshot *snapshot = snapshot_from_name (dir, name);
      if (snapshot)
        g_ptr_array_add (list, snapshot);
    }
  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

static gboolean
backup (sqlite3 *dest, sqlite3 *src, GError **error)
{
  sqlite3_backup *b = sqlite3_backup_init (dest, "main", src, "main");
  int rc;

  if (b == NULL)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE, _("Cannot copy the database: %s"),
                   sqlite3_errmsg (dest));
      return FALSE;
    }
  rc = sqlite3_backup_step (b, -1);
  sqlite3_backup_finish (b);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE, _("Cannot copy the database: %s"),
                   sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

static void
prune (D8Store *store)
{
  g_autoptr (GPtrArray) list = d8_snapshot_list (store, NULL);

  for (guint i = D8_SNAPSHOT_KEEP; list && i < list->len; i++)
    g_unlink (((D8Snapshot *) list->pdata[i])->path);
}

/* A new snapshot, without pruning the old ones. */
static D8Snapshot *
create_unpruned (D8Store *store, const char *reason, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmp = NULL;
  sqlite3 *dest = NULL;
  gint64 now = d8_hlc_now_ms ();
  gboolean ok;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  dir = d8_snapshot_dir (store);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE,
                   _("Cannot create the folder %s for snapshots: %s"), dir,
                   g_strerror (saved_errno));
      return NULL;
    }
  /* Two snapshots in the same millisecond get distinct names. */
  for (;; now++)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (now / 1000);
      g_autofree char *base = g_date_time_format (dt, "%Y%m%dT%H%M%S");
      g_free (name);
      g_free (path);
      name = g_strdup_printf ("%s.%03dZ-%s%s", base, (int) (now % 1000), reason, SUFFIX);
      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        break;
    }
  tmp = g_strconcat (path, ".part", NULL);
  g_unlink (tmp);
  if (sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE, _("Cannot create the snapshot %s: %s"),
                   tmp, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return NULL;
    }
  ok = backup (dest, d8_store_get_db (store), error);
  /* A snapshot is one self-contained file: no -wal beside it. */
  if (ok)
    sqlite3_exec (dest, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL);
  sqlite3_close (dest);
  if (!ok)
    {
      g_unlink (tmp);
      g_prefix_error (error, _("Taking a snapshot before changing the database failed: "));
      return NULL;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;
      g_unlink (tmp);
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE, _("Cannot create the snapshot %s: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }
  return snapshot_from_name (dir, name);
}

/**
 * d8_snapshot_create:
 * @store: the store
 * @reason: a word for the file name ("import", "restore")
 * @error: D8_ERROR_DATABASE when the copy cannot be made
 *
 * Copies the whole database to a new snapshot, then removes all but the
 * newest D8_SNAPSHOT_KEEP.
 *
 * Returns: (transfer full): the new snapshot, or %NULL on error.
 */
D8Snapshot *
d8_snapshot_create (D8Store *store, const char *reason, GError **error)
{
  D8Snapshot *snapshot = create_unpruned (store, reason, error);

  if (snapshot)
    prune (store);
  return snapshot;
}

/* The snapshot @name, if `snapshots` lists it: a bare file name from the
 * snapshots folder, never a path to another file. */
static D8Snapshot *
find_listed (D8Store *store, const char *name, GError **error)
{
  g_autoptr (GPtrArray) list = d8_snapshot_list (store, error);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      D8Snapshot *snapshot = list->pdata[i];
      if (g_str_equal (snapshot->name, name))
        return g_ptr_array_steal_index (list, i);
    }
  g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
               _("There is no snapshot “%s”; `duan8-cli snapshots` lists them"), name);
  return NULL;
}

static int
query_int (sqlite3 *db, const char *sql)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

/* Opens the snapshot read-only and checks, before anything is changed, that
 * it is a whole duan8 database this version can use. */
static sqlite3 *
open_checked (const D8Snapshot *snapshot, GError **error)
{
  sqlite3 *src = NULL;
  g_autoptr (D8SqlStmt) check = NULL;
  int version;

  if (sqlite3_open_v2 (snapshot->path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE, _("Cannot open the snapshot %s: %s"),
                   snapshot->name, sqlite3_errmsg (src));
      sqlite3_close (src);
      return NULL;
    }
  version = query_int (src, "PRAGMA user_version");
  check = d8_sql_prepare (src, "PRAGMA quick_check", NULL);
  if (version < 1 || version > D8_SCHEMA_VERSION || check == NULL
      || sqlite3_step (check) != SQLITE_ROW
      || g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") != 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_A_DATABASE,
                   _("The snapshot %s is damaged or is not a database of this version of duan8; "
                     "nothing was changed."),
                   snapshot->name);
      g_clear_pointer (&check, sqlite3_finalize);
      sqlite3_close (src);
      return NULL;
    }
  return src;
}

/**
 * d8_snapshot_restore:
 * @store: the store
 * @name: the name of a snapshot, as d8_snapshot_list() gives it
 * @error: D8_ERROR_NOT_FOUND for a name that is not listed (paths are not
 *   taken), D8_ERROR_NOT_A_DATABASE for a damaged snapshot, or a database
 *   error
 *
 * Replaces the database's content with the snapshot, after taking a
 * "restore" snapshot of the current state. The snapshot is checked first;
 * a restore that fails changes nothing and leaves no new snapshot.
 *
 * Returns: %TRUE when restored.
 */
gboolean
d8_snapshot_restore (D8Store *store, const char *name, GError **error)
{
  g_autoptr (D8Snapshot) snapshot = NULL;
  g_autoptr (D8Snapshot) before = NULL;
  sqlite3 *src;
  gboolean ok;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if ((snapshot = find_listed (store, name, error)) == NULL
      || (src = open_checked (snapshot, error)) == NULL)
    return FALSE;
  /* The state being replaced becomes a snapshot itself: a restore can be
   * undone by restoring that one. Old ones are pruned only once the
   * restore is done, so the one being restored is never pruned first. */
  before = create_unpruned (store, "restore", error);
  if (before == NULL)
    {
      sqlite3_close (src);
      return FALSE;
    }
  ok = backup (d8_store_get_db (store), src, error);
  sqlite3_close (src);
  if (!ok)
    {
      g_unlink (before->path);
      return FALSE;
    }
  prune (store);
  return d8_store_migrate (store, error) && d8_store_reload (store, error);
}
