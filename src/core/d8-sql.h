/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-sql.h — the one set of SQLite helpers of the core.
 *
 * Every module that talks to SQLite (store, plans, entries, bundles,
 * snapshots) uses these, so that "" versus NULL, statement clean-up and the
 * wording of database errors are decided once. Never included outside
 * src/core.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A prepared statement, finalised by g_autoptr (D8SqlStmt). */
typedef sqlite3_stmt D8SqlStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8SqlStmt, sqlite3_finalize)

/* How d8_sql_bind_text() stores an empty string. */
typedef enum
{
  D8_SQL_EMPTY_IS_NULL, /* NULL and "" are both stored as NULL (optional text) */
  D8_SQL_EMPTY_IS_TEXT, /* NULL is NULL, "" is stored as "" (text as written) */
} D8SqlEmpty;

gboolean d8_sql_fail (sqlite3 *db, GError **error, const char *sentence);
D8SqlStmt *d8_sql_prepare (sqlite3 *db, const char *sql, GError **error);
gboolean d8_sql_exec (sqlite3 *db, const char *sql, GError **error);
char *d8_sql_column_dup (sqlite3_stmt *stmt, int column);
const char *d8_sql_column_text (sqlite3_stmt *stmt, int column);
void d8_sql_bind_text (sqlite3_stmt *stmt, int index, const char *text, D8SqlEmpty empty);

G_END_DECLS
