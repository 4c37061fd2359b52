/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-sql.c — the one set of SQLite helpers of the core (see d8-sql.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "d8-error.h"
#include "d8-sql.h"

/**
 * d8_sql_fail:
 * @db: the connection whose last call failed
 * @error: (out) (optional): where the error goes
 * @sentence: a whole translated sentence saying what could not be done,
 *   e.g. _("The entry could not be saved.")
 *
 * Sets D8_ERROR_DATABASE with @sentence followed by SQLite's own message;
 * D8_ERROR_NOT_A_DATABASE when SQLite found the file damaged.
 *
 * Returns: FALSE always, so callers can `return d8_sql_fail (…)`.
 */
gboolean
d8_sql_fail (sqlite3 *db, GError **error, const char *sentence)
{
  int code = sqlite3_errcode (db) & 0xff;

  /* Damage is not an internal error: it is the file, and duan8 does not
   * repair it (the person restores a snapshot or a backup). */
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_A_DATABASE,
                   /* Translators: %s: a sentence saying what failed; %s: SQLite's message */
                   _("%s The database file is damaged (%s); duan8 does not repair it: put a "
                     "snapshot or a backup in its place."),
                   sentence, sqlite3_errmsg (db));
      return FALSE;
    }
  g_set_error (error, D8_ERROR, D8_ERROR_DATABASE,
               /* Translators: %s: a sentence saying what failed; %s: SQLite's message */
               _("%s (database: %s)"), sentence, sqlite3_errmsg (db));
  return FALSE;
}

/**
 * d8_sql_prepare:
 * @db: an open connection
 * @sql: one SQL statement
 * @error: (out) (optional): D8_ERROR_DATABASE when SQLite refuses it
 *
 * Returns: (transfer full) (nullable): the statement, or NULL on error.
 */
D8SqlStmt *
d8_sql_prepare (sqlite3 *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      d8_sql_fail (db, error, _("A database query could not be prepared."));
      return NULL;
    }
  return stmt;
}

/**
 * d8_sql_exec:
 * @db: an open connection
 * @sql: one or more SQL statements without results
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * Returns: TRUE on success.
 */
gboolean
d8_sql_exec (sqlite3 *db, const char *sql, GError **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE, _("Database error: %s"),
                   message ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/**
 * d8_sql_column_dup:
 * @stmt: a statement on a row
 * @column: 0-based result column
 *
 * Returns: (transfer full) (nullable): a copy of the column as UTF-8
 *   text, NULL when the column is NULL.
 */
char *
d8_sql_column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup (d8_sql_column_text (stmt, column));
}

/**
 * d8_sql_column_text:
 * @stmt: a statement on a row
 * @column: 0-based result column
 *
 * Returns: (transfer none) (nullable): the column as UTF-8 text, valid
 *   until the next step, reset or finalize; NULL when the column is NULL.
 */
const char *
d8_sql_column_text (sqlite3_stmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/**
 * d8_sql_bind_text:
 * @stmt: a statement
 * @index: 1-based parameter index
 * @text: (nullable): UTF-8 text; copied
 * @empty: whether "" is stored as NULL or as ""
 *
 * Binds @text, NULL as SQL NULL, "" as @empty says.
 */
void
d8_sql_bind_text (sqlite3_stmt *stmt, int index, const char *text, D8SqlEmpty empty)
{
  if (text == NULL || (*text == '\0' && empty == D8_SQL_EMPTY_IS_NULL))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}
