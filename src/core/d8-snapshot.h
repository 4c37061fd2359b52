/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-snapshot.h — copies of the database taken with SQLite's backup API
 * before every import (and every restore), kept next to the database in
 * "<name>.snapshots/"; the newest D8_SNAPSHOT_KEEP are kept. */
#pragma once

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_SNAPSHOT_KEEP 10

typedef struct
{
  char *name;       /* file name, e.g. 20230715T100203.456Z-import.sqlite3 */
  char *path;
  char *created_at; /* ISO 8601 UTC */
  char *reason;     /* "import", "restore" … */
  gint64 size;      /* bytes */
} D8Snapshot;

void d8_snapshot_free (D8Snapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8Snapshot, d8_snapshot_free)

char *d8_snapshot_dir (D8Store *store);
/* Writes a complete copy (to a temporary name, then renamed, so a crash
 * never leaves half a snapshot in the list), then prunes old ones. */
D8Snapshot *d8_snapshot_create (D8Store *store, const char *reason, GError **error);
/* Newest first. */
GPtrArray *d8_snapshot_list (D8Store *store, GError **error);
/* Replaces the database's content with the snapshot @name (a name from the
 * list, never a path), after taking a "restore" snapshot of the current
 * state. The snapshot is checked first: a failed restore changes nothing
 * and takes no snapshot. */
gboolean d8_snapshot_restore (D8Store *store, const char *name, GError **error);

G_END_DECLS
