/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-store.c — the store object: opening the file, the office it belongs
 * to, meta settings and the clock, transactions and the "changed" signal.
 *
 * The rest of the store lives beside it and shares its struct through
 * d8-store-private.h: the schema in d8-store-migrations.c, plans, units and
 * indicators in d8-store-plans.c, entries in d8-store-entries.c, and the
 * progress figures in d8-store-overview.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "d8-hlc.h"
#include "d8-sql.h"
#include "d8-store-private.h"

G_DEFINE_FINAL_TYPE (D8Store, d8_store, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_OFFICE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* ----------------------------------------------------------------- object */

static void
d8_store_finalize (GObject *object)
{
  D8Store *self = D8_STORE (object);

  if (self->db)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->office);
  g_free (self->clock);
  G_OBJECT_CLASS (d8_store_parent_class)->finalize (object);
}

static void
d8_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  D8Store *self = D8_STORE (object);

  switch (prop_id)
    {
    case PROP_OFFICE:
      g_value_set_string (value, self->office);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_store_class_init (D8StoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = d8_store_finalize;
  object_class->get_property = d8_store_get_property;

  /**
   * D8Store:office:
   *
   * The office this database belongs to: "province", a unit's code, or
   * NULL while nobody has said. Set with d8_store_set_office(); notifies
   * on change, also when a snapshot restore brings another office.
   */
  properties[PROP_OFFICE] =
    g_param_spec_string ("office", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
d8_store_init (D8Store *self)
{
}

/* Sets the cached office and notifies "office" when it really changed. */
static void
take_office (D8Store *self, char *office)
{
  if (g_strcmp0 (self->office, office) == 0)
    {
      g_free (office);
      return;
    }
  g_free (self->office);
  self->office = office;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFICE]);
}

/**
 * d8_store_emit_changed:
 * @self: a store
 *
 * Emits "changed". The store's own writes do it themselves; call it when
 * another connection to the same file changed it.
 */
void
d8_store_emit_changed (D8Store *self)
{
  g_return_if_fail (D8_IS_STORE (self));
  if (self->db != NULL)
    d8_store_check_other_writers (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * d8_store_get_db:
 * @self: a store
 *
 * Returns: (transfer none): the store's SQLite connection, for core
 *   modules that read or write tables themselves.
 */
sqlite3 *
d8_store_get_db (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  return self->db;
}

/**
 * d8_store_default_path:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/duan8/duan8.sqlite3
 */
char *
d8_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "duan8", "duan8.sqlite3", NULL);
}

/**
 * d8_store_get_path:
 * @self: a store
 *
 * Returns: (transfer none): the file the store was opened from.
 */
const char *
d8_store_get_path (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  return self->path;
}

/**
 * d8_store_get_schema_version:
 * @self: a store
 *
 * Returns: the schema version of the open file (D8_SCHEMA_VERSION once
 *   opened).
 */
int
d8_store_get_schema_version (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), 0);
  return self->schema_version;
}

/**
 * d8_store_now_utc:
 *
 * Returns: (transfer full): the current time in the form of the store's
 *   time stamps.
 */
char *
d8_store_now_utc (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* ------------------------------------------------------------ transactions */

/**
 * d8_store_begin:
 * @self: a store
 * @error: (out) (optional): D8_ERROR_DATABASE when the lock is not had
 *
 * Starts a write transaction (BEGIN IMMEDIATE).
 *
 * Returns: TRUE when the transaction is open.
 */
gboolean
d8_store_begin (D8Store *self, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  return d8_sql_exec (self->db, "BEGIN IMMEDIATE;", error);
}

/**
 * d8_store_commit:
 * @self: a store
 * @error: (out) (optional): D8_ERROR_DATABASE when the commit fails
 *
 * Commits the open transaction; when that fails, rolls it back so the
 * connection is left with no transaction either way.
 *
 * Returns: TRUE when committed.
 */
gboolean
d8_store_commit (D8Store *self, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  if (d8_sql_exec (self->db, "COMMIT;", error))
    return TRUE;
  d8_store_rollback (self);
  return FALSE;
}

/**
 * d8_store_rollback:
 * @self: a store
 *
 * Rolls back the open transaction, if any; the error that led here is the
 * one worth reporting, so this one reports none.
 */
void
d8_store_rollback (D8Store *self)
{
  g_return_if_fail (D8_IS_STORE (self));
  d8_sql_exec (self->db, "ROLLBACK;", NULL);
}

gboolean
d8_store_end_change (D8Store  *self,
                     gboolean  written,
                     GError  **error)
{
  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  if (!written || !d8_store_commit (self, error))
    {
      d8_store_rollback (self);
      return FALSE;
    }
  d8_store_emit_changed (self);
  return TRUE;
}

/* ---------------------------------------------------------------- reading */

/**
 * d8_store_collect:
 * @self: a store
 * @stmt: a prepared, bound statement
 * @from_row: makes one object of the current row
 * @free_func: frees what @from_row makes
 * @failure: a whole translated sentence for a database error
 * @error: (out) (optional): D8_ERROR_DATABASE with @failure
 *
 * Returns: (transfer full) (nullable): the objects of all rows, or NULL
 *   on error.
 */
GPtrArray *
d8_store_collect (D8Store *self, sqlite3_stmt *stmt, D8StoreRowFunc from_row,
                  GDestroyNotify free_func, const char *failure, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      d8_sql_fail (self->db, error, failure);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* ------------------------------------------------------------------- meta */

/**
 * d8_store_meta_get:
 * @self: a store
 * @key: a setting's name
 *
 * Returns: (transfer full) (nullable): the setting, NULL when unset or
 *   unreadable.
 */
char *
d8_store_meta_get (D8Store *self, const char *key)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (self->db, "SELECT value FROM meta WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return d8_sql_column_dup (stmt, 0);
  return NULL;
}

/**
 * d8_store_meta_set:
 * @self: a store
 * @key: a setting's name
 * @value: its new value
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * Returns: TRUE when saved.
 */
gboolean
d8_store_meta_set (D8Store *self, const char *key, const char *value, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);

  stmt = d8_sql_prepare (self->db, "INSERT INTO meta (key, value) VALUES (?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (self->db, error, _("A setting could not be saved."));
  return TRUE;
}

/* The clock is kept in meta so it survives restarts without scanning the
 * entries; callers hold a write transaction. */
char *
d8_store_next_version (D8Store *self, GError **error)
{
  g_autofree char *last = d8_store_meta_get (self, "hlc");
  g_autofree char *next = d8_hlc_tick (last, d8_hlc_now_ms (), self->office);

  if (!d8_store_meta_set (self, "hlc", next, error))
    return NULL;
  return g_steal_pointer (&next);
}

gboolean
d8_store_observe_version (D8Store *self, const char *version, GError **error)
{
  g_autofree char *last = d8_store_meta_get (self, "hlc");

  if (version == NULL || (last != NULL && strcmp (last, version) >= 0))
    return TRUE;
  return d8_store_meta_set (self, "hlc", version, error);
}

/* ----------------------------------------------------------------- office */

/**
 * d8_store_get_office:
 * @self: a store
 *
 * Returns: (transfer none): "province" or the code of a unit.
 */
const char *
d8_store_get_office (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  return self->office;
}

/**
 * d8_store_describe_office_code:
 * @self: a store
 * @code: (nullable): "province" or a unit's code
 *
 * Returns: (transfer full): "Provincial Women's Union" (translated) or the
 *   unit's name; a code no plan here knows as is; "" for NULL.
 */
char *
d8_store_describe_office_code (D8Store *self, const char *code)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  if (code == NULL)
    return g_strdup ("");
  if (g_str_equal (code, "province"))
    return g_strdup (_("Provincial Women’s Union"));
  stmt = d8_sql_prepare (self->db, "SELECT name FROM units WHERE code = ?", NULL);
  if (stmt == NULL)
    return g_strdup (code);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup (code);
  return d8_sql_column_dup (stmt, 0);
}

/**
 * d8_store_describe_office:
 * @self: a store
 *
 * Returns: (transfer full): this installation's office for people, as
 *   d8_store_describe_office_code() says it.
 */
char *
d8_store_describe_office (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  return d8_store_describe_office_code (self, self->office);
}

/* Sets @found to whether some issued plan here has a unit of that code
 * (a draft's units are no office yet); FALSE only on a database error. */
static gboolean
is_unit_code (D8Store *self, const char *code, gboolean *found, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "SELECT 1 FROM plan_units pu JOIN units u ON u.id = pu.unit_id"
                    " JOIN plans p ON p.id = pu.plan_id AND p.status = 'issued'"
                    " WHERE u.code = ? LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  *found = sqlite3_step (stmt) == SQLITE_ROW;
  return TRUE;
}

/**
 * d8_store_set_office:
 * @self: a store
 * @office: "province" or the code of a unit of a plan in the store
 * @error: (out) (optional): D8_ERROR_NOT_FOUND for an unknown code,
 *   D8_ERROR_DATABASE when it cannot be saved
 *
 * Saves the office, notifies "office" and emits "changed" when it changed.
 *
 * Returns: TRUE on success.
 */
gboolean
d8_store_set_office (D8Store *self, const char *office, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (office != NULL, FALSE);

  if (!g_str_equal (office, "province"))
    {
      gboolean found = FALSE;

      if (!is_unit_code (self, office, &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                       _("office: “%s” is neither “province” nor the code of a unit in a plan "
                         "(for example gia-lai/chu-puh)"), office);
          return FALSE;
        }
    }
  if (g_strcmp0 (self->office, office) == 0)
    return d8_store_mark_office_asked (self, error);
  if (!d8_store_meta_set (self, "office", office, error)
      || !d8_store_mark_office_asked (self, error))
    return FALSE;
  take_office (self, g_strdup (office));
  d8_store_emit_changed (self);
  return TRUE;
}

/**
 * d8_store_office_units:
 * @self: a store
 * @office: "province" or a unit code
 * @error: a database error
 *
 * Returns: (transfer full) (nullable): the set of unit codes @office
 *   speaks for: its unit and every unit below it in the units' tree; for
 *   "province", every unit. NULL on a database error.
 */
GHashTable *
d8_store_office_units (D8Store *self, const char *office, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  GHashTable *codes;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  stmt = d8_sql_prepare (self->db,
                         g_str_equal (office, "province")
                           ? "SELECT code FROM units WHERE ?1 IS NOT NULL"
                           : "WITH RECURSIVE below (id) AS (SELECT id FROM units WHERE code = ?1"
                             " UNION SELECT u.id FROM units u JOIN below b ON u.parent_id = b.id)"
                             " SELECT code FROM units WHERE id IN below",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, office, -1, SQLITE_STATIC);
  codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (codes, d8_sql_column_dup (stmt, 0));
  return codes;
}

/**
 * d8_store_check_office_unit:
 * @self: a store
 * @unit_id: the unit of an entry to be recorded, changed or deleted here
 * @error: D8_ERROR_INVALID when this is a unit office and @unit_id is
 *   neither its unit nor under it; a database error
 *
 * A unit office records only its own units: entries of other units would
 * never be sent anywhere, and its totals would drift from the province's.
 *
 * Returns: %TRUE when this office may record entries of @unit_id.
 */
gboolean
d8_store_check_office_unit (D8Store *self, gint64 unit_id, GError **error)
{
  g_autoptr (GHashTable) units = NULL;
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autofree char *code = NULL;
  g_autofree char *mine = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  if (g_str_equal (self->office, "province"))
    return TRUE;
  stmt = d8_sql_prepare (self->db, "SELECT code, name FROM units WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE; /* an unknown unit is refused by the plan check */
  code = d8_sql_column_dup (stmt, 0);
  if ((units = d8_store_office_units (self, self->office, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (units, code))
    return TRUE;
  mine = d8_store_describe_office (self);
  g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
               _("unit: this office (%s) records only its own unit and the units under it, not "
                 "%s; entries of %s are recorded by its own office or by the province"),
               mine, (const char *) sqlite3_column_text (stmt, 1),
               (const char *) sqlite3_column_text (stmt, 1));
  return FALSE;
}

/**
 * d8_store_get_office_asked:
 * @self: a store
 *
 * Whether this database was asked which office it belongs to: the
 * first-run question belongs to the database, not to the person, so a new
 * database asks and the same database never asks twice.
 *
 * Returns: TRUE once d8_store_mark_office_asked() or d8_store_set_office()
 *   ran on this database.
 */
gboolean
d8_store_get_office_asked (D8Store *self)
{
  g_autofree char *asked = NULL;
  g_autofree char *office = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);

  asked = d8_store_meta_get (self, "office-asked");
  office = d8_store_meta_get (self, "office");
  /* A database made a unit's office before this was recorded was asked
   * (every new database starts as the province). */
  return asked != NULL || (office != NULL && !g_str_equal (office, "province"));
}

/**
 * d8_store_mark_office_asked:
 * @self: a store
 * @error: (out) (optional): D8_ERROR_DATABASE when it cannot be saved
 *
 * Records in the database's meta table that the office question was asked
 * (answered or put off), so that it is not asked again for this database.
 *
 * Returns: TRUE on success.
 */
gboolean
d8_store_mark_office_asked (D8Store *self, GError **error)
{
  g_autofree char *asked = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);

  asked = d8_store_meta_get (self, "office-asked");
  if (asked != NULL)
    return TRUE;
  return d8_store_meta_set (self, "office-asked", "1", error);
}

gboolean
d8_store_reload (D8Store *self, GError **error)
{
  char *office;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  office = d8_store_meta_get (self, "office");
  take_office (self, office ? office : g_strdup ("province"));
  d8_store_plans_replaced (self);
  d8_store_emit_changed (self);
  return TRUE;
}

/* ---------------------------------------------------------------- opening */

static gboolean
store_has_plans (D8Store *self)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (self->db, "SELECT EXISTS (SELECT 1 FROM plans)", NULL);
  return stmt && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
}

/* The 16 bytes every SQLite database file starts with. */
#define SQLITE_HEADER "SQLite format 3"

static gboolean
not_a_database (GError **error, const char *path, const char *why)
{
  g_set_error (error, D8_ERROR, D8_ERROR_NOT_A_DATABASE,
               /* Translators: %s: the file; %s: why, e.g. "the file is empty" */
               _("The database %s cannot be used: %s. duan8 does not re-create or repair an "
                 "existing file; move it away or give another --db (the copies in its "
                 ".snapshots folder can take its place)."),
               path, why);
  return FALSE;
}

/* An existing file is opened only if it is an SQLite database: an empty
 * file (SQLite would silently make a new database in it) or any other
 * file is refused, and left as it is. A missing file is fine. */
static gboolean
check_existing_file (const char *path, GError **error)
{
  GStatBuf st;
  char head[sizeof SQLITE_HEADER] = { 0 };
  int fd;
  gssize n;

  if (g_stat (path, &st) != 0)
    return TRUE;
  if (!S_ISREG (st.st_mode))
    return not_a_database (error, path, _("it is not a regular file"));
  if (st.st_size == 0)
    return not_a_database (error, path, _("the file is empty"));
  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    return TRUE; /* SQLite says why it cannot be read */
  n = read (fd, head, sizeof head);
  close (fd);
  if (n != (gssize) sizeof head || memcmp (head, SQLITE_HEADER, sizeof head) != 0)
    return not_a_database (error, path, _("it is not an SQLite database"));
  return TRUE;
}

/* Turns SQLite's "not a database" and "malformed" into the message above. */
static gboolean
open_failed (D8Store *self, GError **error)
{
  int code = sqlite3_errcode (self->db) & 0xff;

  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    {
      g_clear_error (error);
      return not_a_database (error, self->path, _("the file is damaged"));
    }
  return FALSE;
}

static int
query_int (sqlite3 *db, const char *sql)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

/* Read-only: the file is read as it is, never upgraded. In WAL mode SQLite
 * needs to create "-shm" beside a read-only file; where it cannot (a
 * folder we may not write: SQLITE_READONLY_CANTINIT or SQLITE_CANTOPEN),
 * the file is read as immutable. */
static gboolean
open_read_only (D8Store *self, GError **error)
{
  int version;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("There is no database %s"), self->path);
      return FALSE;
    }
  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && query_int (self->db, "SELECT count(*) FROM sqlite_master") < 0
      && (sqlite3_errcode (self->db) & 0xff) != SQLITE_NOTADB
      && (sqlite3_errcode (self->db) & 0xff) != SQLITE_CORRUPT)
    {
      g_autofree char *uri = g_filename_to_uri (self->path, NULL, NULL);
      g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

      g_clear_pointer (&self->db, sqlite3_close_v2);
      sqlite3_open_v2 (immutable, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  if (self->db == NULL || sqlite3_errcode (self->db) != SQLITE_OK)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE, _("Cannot open the database %s: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : "");
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  d8_store_watch_plans (self);
  version = query_int (self->db, "PRAGMA user_version");
  if (version < 0)
    {
      if (!open_failed (self, error))
        d8_sql_fail (self->db, error, _("The version of the database could not be read."));
      return FALSE;
    }
  if (version > D8_SCHEMA_VERSION)
    return d8_store_migrate (self, error); /* says it is too new */
  if (version < D8_SCHEMA_VERSION)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE,
                   _("The database %s needs an upgrade, and it is read-only: open it once "
                     "where it can be written."),
                   self->path);
      return FALSE;
    }
  self->schema_version = version;
  self->office = d8_store_meta_get (self, "office");
  if (self->office == NULL)
    self->office = g_strdup ("province");
  return TRUE;
}

/**
 * d8_store_is_read_only:
 * @self: a store
 *
 * Returns: %TRUE when the store was opened read-only (nothing can be
 *   written through it).
 */
gboolean
d8_store_is_read_only (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), TRUE);
  return sqlite3_db_readonly (self->db, "main") == 1;
}

/**
 * d8_store_open:
 * @path: the database file; created, with its folder, when missing
 * @flags: D8_STORE_OPEN_NO_SEED to leave an empty store empty;
 *   D8_STORE_OPEN_READ_ONLY to read an existing file without writing
 * @error: (out) (optional): D8_ERROR_INVALID when the folder cannot be
 *   made, D8_ERROR_NOT_A_DATABASE when an existing file is empty, damaged
 *   or not SQLite (it is left as it is), D8_ERROR_NOT_FOUND for a
 *   missing file opened read-only,
 *   D8_ERROR_DATABASE when the file cannot be opened or upgraded,
 *   D8_ERROR_SCHEMA_TOO_NEW when a newer duan8 wrote it, or an error of
 *   the embedded plans
 *
 * Opens the store, applies forward migrations, and loads the embedded
 * plans into a store that holds none.
 *
 * Returns: (transfer full) (nullable): the store, or NULL on error.
 */
D8Store *
d8_store_open (const char *path, D8StoreOpenFlags flags, GError **error)
{
  g_autoptr (D8Store) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_existing_file (path, error))
    return NULL;
  if (flags & D8_STORE_OPEN_READ_ONLY)
    {
      self = g_object_new (D8_TYPE_STORE, NULL);
      self->path = g_strdup (path);
      return open_read_only (self, error) ? g_steal_pointer (&self) : NULL;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("Cannot create the folder %s for the database: %s"), dir,
                   g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (D8_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE, _("Cannot open the database %s: %s"),
                   path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  d8_store_watch_plans (self);

  if (!d8_sql_exec (self->db, "PRAGMA foreign_keys = ON;", error))
    {
      open_failed (self, error);
      return NULL;
    }
  /* WAL: readers (the window) never block the writer (an import). */
  if (!d8_sql_exec (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", error))
    {
      if (!open_failed (self, error))
        g_prefix_error (error, _("Cannot open the database %s: "), path);
      return NULL;
    }
  if (!d8_store_migrate (self, error))
    {
      open_failed (self, error);
      return NULL;
    }

  self->office = d8_store_meta_get (self, "office");
  if (self->office == NULL)
    {
      self->office = g_strdup ("province");
      if (!d8_store_meta_set (self, "office", self->office, error))
        return NULL;
    }

  if (!(flags & D8_STORE_OPEN_NO_SEED) && !store_has_plans (self)
      && !d8_store_load_embedded_plans (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
