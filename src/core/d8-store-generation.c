/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-store-generation.c — a counter that moves when the list of plans
 * changes, so views that show the plans (the plan chooser) read them again
 * only then, not on every "changed" (which an entry emits too).
 *
 * SQLite says which table each written row is in (sqlite3_update_hook);
 * a committed transaction that wrote a row of "plans" moves the counter.
 * Every writer is covered, whoever adds it, without a call to remember.
 * A file replaced under the store (a snapshot restored) moves it too
 * (d8_store_reload), and so does a commit made through another connection
 * to the same file (a large bundle is imported on a worker thread with its
 * own): SQLite's "PRAGMA data_version" tells, and "changed" looks at it.
 */
#include "config.h"

#include <string.h>

#include "d8-store-private.h"

static void
update_cb (void                *data,
           int                  op,
           char const          *database,
           char const          *table,
           sqlite3_int64        rowid)
{
  D8Store *self = data;

  if (strcmp (table, "plans") == 0)
    self->plans_dirty = TRUE;
}

static int
commit_cb (void *data)
{
  D8Store *self = data;

  if (self->plans_dirty)
    {
      self->plans_generation++;
      self->plans_dirty = FALSE;
    }
  return 0; /* the commit goes on */
}

static void
rollback_cb (void *data)
{
  D8Store *self = data;

  self->plans_dirty = FALSE;
}

/* Another connection's commits, which no hook of ours sees; -1 when it
 * cannot be read. */
static sqlite3_int64
data_version (D8Store *self)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_int64 version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

void
d8_store_watch_plans (D8Store *self)
{
  sqlite3_update_hook (self->db, update_cb, self);
  sqlite3_commit_hook (self->db, commit_cb, self);
  sqlite3_rollback_hook (self->db, rollback_cb, self);
  self->data_version = data_version (self);
}

void
d8_store_check_other_writers (D8Store *self)
{
  sqlite3_int64 version = data_version (self);

  /* What another connection wrote is not known: the plans may be new. */
  if (version != self->data_version)
    self->plans_generation++;
  self->data_version = version;
}

void
d8_store_plans_replaced (D8Store *self)
{
  self->plans_generation++;
  self->plans_dirty = FALSE;
}

/**
 * d8_store_get_plans_generation:
 * @self: a store
 *
 * A number that changes whenever a transaction that added, changed or
 * removed a row of the plans table is committed through this store, and
 * when the database file is replaced by a snapshot. Entries, offices and
 * conflicts leave it alone. Views that show the list of plans keep the
 * number they read it at and read the plans again only when it differs.
 *
 * Returns: the current generation (starts at 0 when the store is opened;
 *   only compare it for equality).
 */
guint64
d8_store_get_plans_generation (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), 0);
  return self->plans_generation;
}
