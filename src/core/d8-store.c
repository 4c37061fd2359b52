/* d8-store.c — the SQLite store: schema and migrations, plans, entries,
 * and the province overview.
 *
 * Progress figures read a table of daily sums (entry_days) that triggers
 * keep in step with the entries, so the province page costs at most
 * days × units × indicators rows however many entries there are.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "d8-core-resources.h"
#include "d8-entry.h"
#include "d8-format.h"
#include "d8-hlc.h"
#include "d8-plan-file.h"
#include "d8-sql.h"
#include "d8-store-private.h"
#include "d8-text.h"

#define PLANS_RESOURCE_PATH "/vn/hoilhpn/Duan8/plans/"

struct _D8Store
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  char *office;
  int schema_version;
};

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

/* The statements of the triggers that keep entry_days and entry_totals. */
#define ADD_SUMS(R)                                                                            \
  "  INSERT INTO entry_days VALUES (" R ".plan_id, " R ".unit_id, " R ".indicator_id, "        \
  R ".date, " R ".amount, " R ".reached, " R ".group_size, 1)"                                 \
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount,"                            \
  "    reached = reached + excluded.reached, group_size = group_size + excluded.group_size,"  \
  "    n = n + 1;"                                                                             \
  "  INSERT INTO entry_totals VALUES (" R ".plan_id, " R ".unit_id, " R ".indicator_id, "      \
  R ".amount, " R ".reached, " R ".group_size, 1)"                                             \
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount,"                            \
  "    reached = reached + excluded.reached, group_size = group_size + excluded.group_size,"  \
  "    n = n + 1;"
#define SUBTRACT_SUMS(R)                                                                       \
  "  UPDATE entry_days SET amount = amount - " R ".amount, reached = reached - " R ".reached," \
  "    group_size = group_size - " R ".group_size, n = n - 1"                                  \
  "  WHERE plan_id = " R ".plan_id AND date = " R ".date AND unit_id = " R ".unit_id"          \
  "    AND indicator_id = " R ".indicator_id;"                                                 \
  "  UPDATE entry_totals SET amount = amount - " R ".amount, reached = reached - " R ".reached," \
  "    group_size = group_size - " R ".group_size, n = n - 1"                                  \
  "  WHERE plan_id = " R ".plan_id AND unit_id = " R ".unit_id"                                \
  "    AND indicator_id = " R ".indicator_id;"

/* Forward migrations: entry i takes the schema from version i to i + 1.
 * Never edit a released step; append a new one. */
static const char *const migrations[] = {
  /* 0 → 1: the first schema. */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE plans ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  doc_number TEXT NOT NULL,"
  "  issuer TEXT,"
  "  issued_on TEXT,"
  "  year INTEGER NOT NULL,"
  "  period_start TEXT NOT NULL,"
  "  period_end TEXT NOT NULL CHECK (period_end >= period_start),"
  "  appendix_title TEXT,"
  "  target_label TEXT,"
  "  imported_at TEXT NOT NULL);"
  /* Units are data: a tree with levels (province, district, commune …)
   * and a validity, so commune-level plans after the 2025 reform fit. */
  "CREATE TABLE units ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  kind TEXT,"
  "  level TEXT NOT NULL,"
  "  parent_id INTEGER REFERENCES units (id),"
  "  valid_from TEXT,"
  "  valid_to TEXT);"
  "CREATE TABLE plan_units ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES units (id),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (plan_id, unit_id),"
  "  UNIQUE (plan_id, position));"
  "CREATE TABLE indicator_groups ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  PRIMARY KEY (plan_id, number));"
  "CREATE TABLE indicators ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  code TEXT NOT NULL,"
  "  name_vi TEXT NOT NULL,"
  "  name_en TEXT,"
  "  count_unit TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('count', 'percent')),"
  "  group_no INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  in_appendix INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (plan_id, code),"
  "  FOREIGN KEY (plan_id, group_no) REFERENCES indicator_groups (plan_id, number));"
  /* quota NULL is "no quota" (the plan's "-" or a blank cell); 0 is a
   * real zero. written keeps the cell exactly as the document has it. */
  "CREATE TABLE quotas ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES units (id),"
  "  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
  "  quota INTEGER CHECK (quota IS NULL OR quota >= 0),"
  "  written TEXT NOT NULL,"
  "  PRIMARY KEY (plan_id, unit_id, indicator_id));"
  /* Targets as the plan states them: the totals row of the appendix, and
   * province-wide targets of section II such as the 80 %. */
  "CREATE TABLE plan_targets ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
  "  value REAL NOT NULL,"
  "  written TEXT NOT NULL,"
  "  source TEXT NOT NULL,"
  "  PRIMARY KEY (plan_id, indicator_id));"
  "CREATE TABLE entries ("
  "  uuid TEXT PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id),"
  "  unit_id INTEGER NOT NULL REFERENCES units (id),"
  "  indicator_id INTEGER NOT NULL REFERENCES indicators (id),"
  "  date TEXT NOT NULL,"
  "  amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),"
  "  reached INTEGER NOT NULL DEFAULT 0 CHECK (reached >= 0),"
  "  group_size INTEGER NOT NULL DEFAULT 0 CHECK (group_size >= 0),"
  "  place TEXT,"
  "  note TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  origin TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));"
  "CREATE INDEX entries_by_unit ON entries (plan_id, unit_id, date);"
  /* Sums kept by triggers: per day (for "as of" a past date) and in all
   * (for today), so the province page never scans the entries. */
  "CREATE TABLE entry_days ("
  "  plan_id INTEGER NOT NULL,"
  "  unit_id INTEGER NOT NULL,"
  "  indicator_id INTEGER NOT NULL,"
  "  date TEXT NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  reached INTEGER NOT NULL,"
  "  group_size INTEGER NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (plan_id, date, unit_id, indicator_id)) WITHOUT ROWID;"
  "CREATE TABLE entry_totals ("
  "  plan_id INTEGER NOT NULL,"
  "  unit_id INTEGER NOT NULL,"
  "  indicator_id INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  reached INTEGER NOT NULL,"
  "  group_size INTEGER NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (plan_id, unit_id, indicator_id)) WITHOUT ROWID;"
  "CREATE TRIGGER entries_add AFTER INSERT ON entries WHEN NEW.deleted = 0 BEGIN"
  ADD_SUMS ("NEW")
  "END;"
  "CREATE TRIGGER entries_remove AFTER DELETE ON entries WHEN OLD.deleted = 0 BEGIN"
  SUBTRACT_SUMS ("OLD")
  "END;"
  "CREATE TRIGGER entries_change_old AFTER UPDATE ON entries WHEN OLD.deleted = 0 BEGIN"
  SUBTRACT_SUMS ("OLD")
  "END;"
  "CREATE TRIGGER entries_change_new AFTER UPDATE ON entries WHEN NEW.deleted = 0 BEGIN"
  ADD_SUMS ("NEW")
  "END;",
  /* 1 → 2: bundles between offices (docs/bundle-format.md). Every entry
   * carries the hybrid-logical-clock stamp of its last edit and the stamps
   * it descends from (newest first), so an import can tell "newer" from
   * "edited at two offices"; change_seq orders local writes for
   * "export since last". Existing rows get a stamp from their updated_at. */
  "ALTER TABLE entries ADD COLUMN version TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE entries ADD COLUMN history TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE entries ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;"
  "UPDATE entries SET change_seq = rowid,"
  "  version = strftime ('%Y-%m-%dT%H:%M:%fZ', COALESCE (updated_at, '1970-01-01'))"
  "    || '-0000-' || origin;"
  "CREATE INDEX entries_by_change ON entries (change_seq);"
  /* The other versions of an entry edited at two offices since they last
   * exchanged: the entries row shows the deterministic default (the later
   * stamp); these rows keep the others until a person picks. */
  "CREATE TABLE conflicts ("
  "  uuid TEXT PRIMARY KEY REFERENCES entries (uuid),"
  "  mine_version TEXT NOT NULL,"
  "  bundle_id TEXT,"
  "  detected_at TEXT NOT NULL);"
  "CREATE TABLE conflict_versions ("
  "  uuid TEXT NOT NULL REFERENCES conflicts (uuid) ON DELETE CASCADE,"
  "  version TEXT NOT NULL,"
  "  history TEXT NOT NULL,"
  "  plan_id INTEGER NOT NULL,"
  "  unit_id INTEGER NOT NULL,"
  "  indicator_id INTEGER NOT NULL,"
  "  date TEXT NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  reached INTEGER NOT NULL,"
  "  group_size INTEGER NOT NULL,"
  "  place TEXT,"
  "  note TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  origin TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL,"
  "  PRIMARY KEY (uuid, version));"
  "CREATE TABLE bundle_log ("
  "  bundle_id TEXT PRIMARY KEY,"
  "  origin TEXT NOT NULL,"
  "  sequence INTEGER NOT NULL,"
  "  digest TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  imported_at TEXT NOT NULL,"
  "  file_name TEXT,"
  "  summary TEXT NOT NULL);"
  /* The highest bundle sequence imported from each office: an older one
   * arriving later is reported (rollback). */
  "CREATE TABLE peer_sequences ("
  "  origin TEXT PRIMARY KEY,"
  "  sequence INTEGER NOT NULL);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == D8_SCHEMA_VERSION);

/* ---------------------------------------------------------------- helpers */

static char *
now_utc (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static void
emit_changed (D8Store *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

sqlite3 *
d8_store_get_db (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  return self->db;
}

void
d8_store_emit_changed (D8Store *self)
{
  g_return_if_fail (D8_IS_STORE (self));
  emit_changed (self);
}

/* ----------------------------------------------------------------- object */

static void
d8_store_finalize (GObject *object)
{
  D8Store *self = D8_STORE (object);

  if (self->db)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->office);
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

char *
d8_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "duan8", "duan8.sqlite3", NULL);
}

const char *
d8_store_get_path (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  return self->path;
}

int
d8_store_get_schema_version (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), 0);
  return self->schema_version;
}

const char *
d8_store_get_office (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  return self->office;
}

/* For people: "Provincial Women's Union", or the unit's name; a code no
 * plan here knows is shown as is. */
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
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

char *
d8_store_describe_office (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  return d8_store_describe_office_code (self, self->office);
}

static char *meta_get (D8Store *self, const char *key);
static gboolean meta_set (D8Store *self, const char *key, const char *value, GError **error);
static gint64 unit_id_by_code (D8Store *self, const char *code);
static gboolean insert_plan_file (D8Store *self, D8PlanFile *file, gint64 *plan_id,
                                  GError **error);

gboolean
d8_store_set_office (D8Store *self, const char *office, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (office != NULL, FALSE);

  if (!g_str_equal (office, "province"))
    {
      stmt = d8_sql_prepare (self->db, "SELECT 1 FROM plan_units pu JOIN units u ON u.id = pu.unit_id"
                            " WHERE u.code = ? LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, office, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                       _("office: “%s” is neither “province” nor the code of a unit in a plan "
                         "(for example gia-lai/chu-puh)"), office);
          return FALSE;
        }
    }
  if (g_strcmp0 (self->office, office) == 0)
    return TRUE;
  if (!meta_set (self, "office", office, error))
    return FALSE;
  take_office (self, g_strdup (office));
  emit_changed (self);
  return TRUE;
}

char *
d8_store_meta_get (D8Store *self, const char *key)
{
  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  return meta_get (self, key);
}

gboolean
d8_store_meta_set (D8Store *self, const char *key, const char *value, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  return meta_set (self, key, value, error);
}

/* The clock is kept in meta so it survives restarts without scanning the
 * entries; callers hold a write transaction. */
char *
d8_store_next_version (D8Store *self, GError **error)
{
  g_autofree char *last = meta_get (self, "hlc");
  char *next = d8_hlc_tick (last, d8_hlc_now_ms (), self->office);

  if (!meta_set (self, "hlc", next, error))
    {
      g_free (next);
      return NULL;
    }
  return next;
}

gboolean
d8_store_observe_version (D8Store *self, const char *version, GError **error)
{
  g_autofree char *last = meta_get (self, "hlc");

  if (version == NULL || (last != NULL && strcmp (last, version) >= 0))
    return TRUE;
  return meta_set (self, "hlc", version, error);
}

gboolean
d8_store_reload (D8Store *self, GError **error)
{
  char *office;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  office = meta_get (self, "office");
  take_office (self, office ? office : g_strdup ("province"));
  emit_changed (self);
  return TRUE;
}

gboolean
d8_store_insert_plan_file (D8Store *self, D8PlanFile *file, gint64 *plan_id, GError **error)
{
  return insert_plan_file (self, file, plan_id, error);
}

static int
read_user_version (D8Store *self)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
migrate (D8Store *self, GError **error)
{
  int version = read_user_version (self);

  if (version < 0)
    return d8_sql_fail (self->db, error, _("The version of the database could not be read."));
  if (version > D8_SCHEMA_VERSION)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_SCHEMA_TOO_NEW,
                   _("The database %s was written by a newer version of duan8 (schema %d; "
                     "this version reads up to %d). Update duan8 to open it."),
                   self->path, version, D8_SCHEMA_VERSION);
      return FALSE;
    }
  /* Each step and its version bump commit together. */
  for (; version < D8_SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", version + 1);

      if (!d8_sql_exec (self->db, "BEGIN IMMEDIATE;", error))
        return FALSE;
      if (!d8_sql_exec (self->db, migrations[version], error) || !d8_sql_exec (self->db, bump, error))
        {
          d8_sql_exec (self->db, "ROLLBACK;", NULL);
          g_prefix_error (error, _("Upgrading the database to schema %d failed: "), version + 1);
          return FALSE;
        }
      if (!d8_sql_exec (self->db, "COMMIT;", error))
        return FALSE;
    }
  self->schema_version = version;
  return TRUE;
}

static char *
meta_get (D8Store *self, const char *key)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (self->db, "SELECT value FROM meta WHERE key = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return d8_sql_column_dup (stmt, 0);
  return NULL;
}

static gboolean
meta_set (D8Store *self, const char *key, const char *value, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "INSERT INTO meta (key, value) VALUES (?, ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (self->db, error, _("A setting could not be saved."));
  return TRUE;
}

static gboolean
store_has_plans (D8Store *self)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (self->db, "SELECT EXISTS (SELECT 1 FROM plans)", NULL);
  return stmt && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
}

D8Store *
d8_store_open (const char *path, D8StoreOpenFlags flags, GError **error)
{
  g_autoptr (D8Store) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

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

  if (!d8_sql_exec (self->db, "PRAGMA foreign_keys = ON;", error))
    return NULL;
  /* WAL: readers (the window) never block the writer (an import). */
  if (!d8_sql_exec (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", error))
    {
      g_prefix_error (error, _("Cannot open the database %s: "), path);
      return NULL;
    }
  if (!migrate (self, error))
    return NULL;

  self->office = meta_get (self, "office");
  if (self->office == NULL)
    {
      self->office = g_strdup ("province");
      if (!meta_set (self, "office", self->office, error))
        return NULL;
    }

  if (!(flags & D8_STORE_OPEN_NO_SEED) && !store_has_plans (self)
      && !d8_store_load_embedded_plans (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ plans */

static gint64
unit_id_by_code (D8Store *self, const char *code)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (self->db, "SELECT id FROM units WHERE code = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
insert_plan_file (D8Store *self, D8PlanFile *file, gint64 *plan_id, GError **error)
{
  const D8Plan *plan = file->plan;
  g_autoptr (GHashTable) indicator_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autofree char *now = now_utc ();

  stmt = d8_sql_prepare (self->db, "INSERT INTO plans (code, title, doc_number, issuer, issued_on, year,"
                        " period_start, period_end, appendix_title, target_label, imported_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  d8_sql_bind_text (stmt, 1, plan->code, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 2, plan->title, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 3, plan->doc_number, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 4, plan->issuer, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 5, plan->issued_on, D8_SQL_EMPTY_IS_NULL);
  sqlite3_bind_int (stmt, 6, plan->year);
  d8_sql_bind_text (stmt, 7, plan->period_start, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 8, plan->period_end, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 9, file->appendix_title, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 10, plan->target_label, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 11, now, D8_SQL_EMPTY_IS_NULL);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (self->db, error, _("The plan could not be saved."));
  *plan_id = sqlite3_last_insert_rowid (self->db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Units are shared between plans by code: a later plan may refer to the
   * same district. Parents come first in the file or later; insert all,
   * then link parents. Existing units keep their record. */
  stmt = d8_sql_prepare (self->db, "INSERT INTO units (code, name, kind, level, valid_from, valid_to)"
                        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < file->units->len; i++)
    {
      D8PlanFileUnit *unit = g_ptr_array_index (file->units, i);
      sqlite3_reset (stmt);
      d8_sql_bind_text (stmt, 1, unit->code, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 2, unit->name, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 3, unit->kind, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 4, unit->level, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 5, unit->valid_from, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 6, unit->valid_to, D8_SQL_EMPTY_IS_NULL);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return d8_sql_fail (self->db, error, _("A unit of the plan could not be saved."));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = d8_sql_prepare (self->db, "UPDATE units SET parent_id = (SELECT id FROM units WHERE code = ?)"
                        " WHERE code = ? AND parent_id IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < file->units->len; i++)
    {
      D8PlanFileUnit *unit = g_ptr_array_index (file->units, i);
      if (unit->parent == NULL)
        continue;
      sqlite3_reset (stmt);
      d8_sql_bind_text (stmt, 1, unit->parent, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 2, unit->code, D8_SQL_EMPTY_IS_NULL);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return d8_sql_fail (self->db, error, _("A unit of the plan could not be saved."));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = d8_sql_prepare (self->db, "INSERT INTO indicator_groups (plan_id, number, title) VALUES (?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < file->groups->len; i++)
    {
      D8PlanFileGroup *group = g_ptr_array_index (file->groups, i);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, *plan_id);
      sqlite3_bind_int (stmt, 2, group->number);
      d8_sql_bind_text (stmt, 3, group->title, D8_SQL_EMPTY_IS_NULL);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return d8_sql_fail (self->db, error, _("A content group of the plan could not be saved."));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = d8_sql_prepare (self->db, "INSERT INTO indicators (plan_id, code, name_vi, name_en, count_unit,"
                        " kind, group_no, position, in_appendix) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *indicator = g_ptr_array_index (file->indicators, i);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, *plan_id);
      d8_sql_bind_text (stmt, 2, indicator->code, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 3, indicator->name_vi, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 4, indicator->name_en, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 5, indicator->count_unit, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 6, d8_indicator_kind_to_string (indicator->kind),
                        D8_SQL_EMPTY_IS_NULL);
      sqlite3_bind_int (stmt, 7, indicator->group_no);
      sqlite3_bind_int (stmt, 8, indicator->position);
      sqlite3_bind_int (stmt, 9, indicator->in_appendix);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return d8_sql_fail (self->db, error, _("An indicator of the plan could not be saved."));
      indicator->id = sqlite3_last_insert_rowid (self->db);
      g_hash_table_insert (indicator_ids, indicator->code, indicator);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = d8_sql_prepare (self->db, "INSERT INTO plan_targets (plan_id, indicator_id, value, written, source)"
                        " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *indicator = g_ptr_array_index (file->indicators, i);
      if (!indicator->has_target)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, *plan_id);
      sqlite3_bind_int64 (stmt, 2, indicator->id);
      sqlite3_bind_double (stmt, 3, indicator->target);
      d8_sql_bind_text (stmt, 4, indicator->target_written, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 5, indicator->target_source, D8_SQL_EMPTY_IS_NULL);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return d8_sql_fail (self->db, error, _("A target of the plan could not be saved."));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  {
    g_autoptr (D8SqlStmt) member = NULL;

    member = d8_sql_prepare (self->db, "INSERT INTO plan_units (plan_id, unit_id, position) VALUES (?, ?, ?)",
                      error);
    stmt = d8_sql_prepare (self->db, "INSERT INTO quotas (plan_id, unit_id, indicator_id, quota, written)"
                          " VALUES (?, ?, ?, ?, ?)", error);
    if (member == NULL || stmt == NULL)
      return FALSE;
    for (guint r = 0; r < file->rows->len; r++)
      {
        D8PlanFileRow *row = g_ptr_array_index (file->rows, r);
        gint64 unit_id = unit_id_by_code (self, row->unit);

        sqlite3_reset (member);
        sqlite3_bind_int64 (member, 1, *plan_id);
        sqlite3_bind_int64 (member, 2, unit_id);
        sqlite3_bind_int (member, 3, row->tt);
        if (sqlite3_step (member) != SQLITE_DONE)
          return d8_sql_fail (self->db, error, _("The units of the plan could not be saved."));
        for (guint c = 0; c < file->columns->len; c++)
          {
            D8Indicator *indicator =
              g_hash_table_lookup (indicator_ids, g_ptr_array_index (file->columns, c));
            sqlite3_reset (stmt);
            sqlite3_bind_int64 (stmt, 1, *plan_id);
            sqlite3_bind_int64 (stmt, 2, unit_id);
            sqlite3_bind_int64 (stmt, 3, indicator->id);
            if (row->has[c])
              sqlite3_bind_int64 (stmt, 4, row->quota[c]);
            else
              sqlite3_bind_null (stmt, 4);
            sqlite3_bind_text (stmt, 5, row->written[c], -1, SQLITE_STATIC);
            if (sqlite3_step (stmt) != SQLITE_DONE)
              return d8_sql_fail (self->db, error, _("A quota of the plan could not be saved."));
          }
      }
  }
  return TRUE;
}

gint64
d8_store_import_plan (D8Store *self, const char *data, gssize length, const char *source_name,
                      GError **error)
{
  g_autoptr (D8PlanFile) file = NULL;
  g_autoptr (D8SqlStmt) exists = NULL;
  gint64 plan_id = 0;

  g_return_val_if_fail (D8_IS_STORE (self), 0);
  g_return_val_if_fail (data != NULL, 0);

  /* Validate everything before writing anything. */
  file = d8_plan_file_parse (data, length, source_name, error);
  if (file == NULL)
    return 0;

  exists = d8_sql_prepare (self->db, "SELECT doc_number FROM plans WHERE code = ?", error);
  if (exists == NULL)
    return 0;
  sqlite3_bind_text (exists, 1, file->plan->code, -1, SQLITE_STATIC);
  if (sqlite3_step (exists) == SQLITE_ROW)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                   _("%s: plan.code: the plan “%s” (%s) is already in the database"),
                   source_name ? source_name : "plan", file->plan->code,
                   (const char *) sqlite3_column_text (exists, 0));
      return 0;
    }

  if (!d8_sql_exec (self->db, "BEGIN IMMEDIATE;", error))
    return 0;
  if (!insert_plan_file (self, file, &plan_id, error))
    {
      d8_sql_exec (self->db, "ROLLBACK;", NULL);
      return 0;
    }
  if (!d8_sql_exec (self->db, "COMMIT;", error))
    {
      d8_sql_exec (self->db, "ROLLBACK;", NULL);
      return 0;
    }
  emit_changed (self);
  return plan_id;
}

static void
register_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      d8_core_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

gboolean
d8_store_load_embedded_plans (D8Store *self, GError **error)
{
  g_auto (GStrv) names = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);

  register_resources ();
  names = g_resources_enumerate_children (PLANS_RESOURCE_PATH, 0, error);
  if (names == NULL)
    return FALSE;
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_strconcat (PLANS_RESOURCE_PATH, names[i], NULL);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, error);
      gsize size;
      const char *data;

      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &size);
      if (d8_store_import_plan (self, data, size, names[i], error) == 0)
        return FALSE;
    }
  return TRUE;
}

static D8Plan *
plan_from_row (sqlite3_stmt *stmt)
{
  D8Plan *plan = g_new0 (D8Plan, 1);

  plan->id = sqlite3_column_int64 (stmt, 0);
  plan->code = d8_sql_column_dup (stmt, 1);
  plan->title = d8_sql_column_dup (stmt, 2);
  plan->doc_number = d8_sql_column_dup (stmt, 3);
  plan->issuer = d8_sql_column_dup (stmt, 4);
  plan->issued_on = d8_sql_column_dup (stmt, 5);
  plan->year = sqlite3_column_int (stmt, 6);
  plan->period_start = d8_sql_column_dup (stmt, 7);
  plan->period_end = d8_sql_column_dup (stmt, 8);
  plan->target_label = d8_sql_column_dup (stmt, 9);
  return plan;
}

#define PLAN_COLUMNS                                                                          \
  "id, code, title, doc_number, issuer, issued_on, year, period_start, period_end, target_label"

GPtrArray *
d8_store_list_plans (D8Store *self, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_plan_free);
  int rc;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (self->db, "SELECT " PLAN_COLUMNS " FROM plans ORDER BY year DESC, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (plans, plan_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      d8_sql_fail (self->db, error, _("The plans could not be read."));
      return NULL;
    }
  return g_steal_pointer (&plans);
}

D8Plan *
d8_store_get_plan (D8Store *self, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (self->db, "SELECT " PLAN_COLUMNS " FROM plans WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("There is no plan with id %lld"),
                   (long long) plan_id);
      return NULL;
    }
  return plan_from_row (stmt);
}

static gboolean
parse_id (const char *ref, gint64 *id)
{
  guint64 value;

  if (ref == NULL || !g_ascii_string_to_unsigned (ref, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

D8Plan *
d8_store_resolve_plan (D8Store *self, const char *ref, GError **error)
{
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GString) known = g_string_new (NULL);
  gint64 id = 0;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  plans = d8_store_list_plans (self, error);
  if (plans == NULL)
    return NULL;
  if (ref == NULL || *ref == '\0')
    {
      if (plans->len == 1)
        return d8_store_get_plan (self, ((D8Plan *) plans->pdata[0])->id, error);
      if (plans->len == 0)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("The database holds no plan"));
          return NULL;
        }
    }
  for (guint i = 0; i < plans->len; i++)
    {
      D8Plan *plan = plans->pdata[i];
      if (ref && ((parse_id (ref, &id) && plan->id == id) || g_str_equal (ref, plan->code)
                  || g_str_equal (ref, plan->doc_number)))
        return d8_store_get_plan (self, plan->id, error);
      g_string_append_printf (known, "%s%" G_GINT64_FORMAT " (%s)", i ? ", " : "", plan->id,
                              plan->doc_number);
    }
  if (ref == NULL || *ref == '\0')
    g_set_error (error, D8_ERROR, D8_ERROR_AMBIGUOUS,
                 _("The database holds several plans; choose one of: %s"), known->str);
  else
    g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("Unknown plan “%s”; known plans: %s"),
                 ref, known->str);
  return NULL;
}

/* ------------------------------------------------------------------ units */

GPtrArray *
d8_store_list_units (D8Store *self, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_unit_free);
  int rc;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (self->db, "SELECT u.id, u.code, u.name, u.kind, u.level, u.parent_id, u.valid_from,"
                        " u.valid_to, pu.position FROM plan_units pu JOIN units u"
                        " ON u.id = pu.unit_id WHERE pu.plan_id = ? ORDER BY pu.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      D8Unit *unit = g_new0 (D8Unit, 1);
      unit->id = sqlite3_column_int64 (stmt, 0);
      unit->code = d8_sql_column_dup (stmt, 1);
      unit->name = d8_sql_column_dup (stmt, 2);
      unit->kind = d8_sql_column_dup (stmt, 3);
      unit->level = d8_sql_column_dup (stmt, 4);
      unit->parent_id = sqlite3_column_int64 (stmt, 5);
      unit->valid_from = d8_sql_column_dup (stmt, 6);
      unit->valid_to = d8_sql_column_dup (stmt, 7);
      unit->position = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (units, unit);
    }
  if (rc != SQLITE_DONE)
    {
      d8_sql_fail (self->db, error, _("The units could not be read."));
      return NULL;
    }
  return g_steal_pointer (&units);
}

D8Unit *
d8_store_resolve_unit (D8Store *self, gint64 plan_id, const char *ref, GError **error)
{
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) partial = g_ptr_array_new ();
  g_autofree char *folded_ref = NULL;
  gint64 id = 0;
  gboolean is_id;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  units = d8_store_list_units (self, plan_id, error);
  if (units == NULL)
    return NULL;
  is_id = parse_id (ref, &id);
  folded_ref = d8_text_fold (ref);
  g_strstrip (folded_ref);
  for (guint i = 0; i < units->len; i++)
    {
      D8Unit *unit = units->pdata[i];
      g_autofree char *folded = d8_text_fold (unit->name);

      if ((is_id && unit->id == id) || g_str_equal (unit->code, ref)
          || g_str_equal (folded, folded_ref))
        return g_ptr_array_steal_index (units, i);
      if (*folded_ref && strstr (folded, folded_ref))
        g_ptr_array_add (partial, unit);
    }
  if (partial->len == 1)
    {
      guint index;
      g_ptr_array_find (units, partial->pdata[0], &index);
      return g_ptr_array_steal_index (units, index);
    }
  if (partial->len > 1)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      for (guint i = 0; i < partial->len; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", ((D8Unit *) partial->pdata[i])->name);
      g_set_error (error, D8_ERROR, D8_ERROR_AMBIGUOUS,
                   _("“%s” matches several units: %s"), ref, names->str);
      return NULL;
    }
  g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("Unknown unit “%s” in this plan"), ref);
  return NULL;
}

/* ------------------------------------------------------------- indicators */

GPtrArray *
d8_store_list_indicators (D8Store *self, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (GPtrArray) indicators =
    g_ptr_array_new_with_free_func ((GDestroyNotify) d8_indicator_free);
  int rc;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (self->db, "SELECT i.id, i.plan_id, i.code, i.name_vi, i.name_en, i.count_unit,"
                        " i.kind, i.group_no, g.title, i.position, i.in_appendix,"
                        " t.value, t.written, t.source"
                        " FROM indicators i"
                        " JOIN indicator_groups g ON g.plan_id = i.plan_id AND g.number = i.group_no"
                        " LEFT JOIN plan_targets t ON t.indicator_id = i.id"
                        " WHERE i.plan_id = ? ORDER BY i.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      D8Indicator *indicator = g_new0 (D8Indicator, 1);
      indicator->id = sqlite3_column_int64 (stmt, 0);
      indicator->plan_id = sqlite3_column_int64 (stmt, 1);
      indicator->code = d8_sql_column_dup (stmt, 2);
      indicator->name_vi = d8_sql_column_dup (stmt, 3);
      indicator->name_en = d8_sql_column_dup (stmt, 4);
      indicator->count_unit = d8_sql_column_dup (stmt, 5);
      /* The schema's CHECK allows only the kinds d8-entry.c knows. */
      if (!d8_indicator_kind_from_string (d8_sql_column_text (stmt, 6), &indicator->kind))
        indicator->kind = D8_KIND_COUNT;
      indicator->group_no = sqlite3_column_int (stmt, 7);
      indicator->group_title = d8_sql_column_dup (stmt, 8);
      indicator->position = sqlite3_column_int (stmt, 9);
      indicator->in_appendix = sqlite3_column_int (stmt, 10);
      indicator->has_target = sqlite3_column_type (stmt, 11) != SQLITE_NULL;
      indicator->target = sqlite3_column_double (stmt, 11);
      indicator->target_written = d8_sql_column_dup (stmt, 12);
      indicator->target_source = d8_sql_column_dup (stmt, 13);
      g_ptr_array_add (indicators, indicator);
    }
  if (rc != SQLITE_DONE)
    {
      d8_sql_fail (self->db, error, _("The indicators could not be read."));
      return NULL;
    }
  return g_steal_pointer (&indicators);
}

D8Indicator *
d8_store_resolve_indicator (D8Store *self, gint64 plan_id, const char *ref, GError **error)
{
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GString) known = g_string_new (NULL);

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  indicators = d8_store_list_indicators (self, plan_id, error);
  if (indicators == NULL)
    return NULL;
  /* By code only: codes are numbers ("1" … "9"), so ids would be confusing. */
  for (guint i = 0; i < indicators->len; i++)
    {
      D8Indicator *indicator = indicators->pdata[i];
      if (g_ascii_strcasecmp (indicator->code, ref) == 0)
        return g_ptr_array_steal_index (indicators, i);
      g_string_append_printf (known, "%s%s", i ? ", " : "", indicator->code);
    }
  g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
               _("Unknown indicator “%s” in this plan; its codes are: %s"), ref, known->str);
  return NULL;
}

/* --------------------------------------------------------------- overview */

D8Overview *
d8_store_compute_overview (D8Store *self, gint64 plan_id, const char *as_of, GError **error)
{
  g_autoptr (D8Overview) ov = d8_overview_new ();
  g_autoptr (GHashTable) unit_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) indicator_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (D8SqlStmt) stmt = NULL;
  guint n_units, n_indicators;
  int rc;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  if (as_of != NULL && !d8_date_is_valid (as_of))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("as of: “%s” is not a date in the form YYYY-MM-DD"), as_of);
      return NULL;
    }
  if ((ov->plan = d8_store_get_plan (self, plan_id, error)) == NULL
      || (ov->units = d8_store_list_units (self, plan_id, error)) == NULL
      || (ov->indicators = d8_store_list_indicators (self, plan_id, error)) == NULL)
    return NULL;
  ov->as_of = as_of ? g_strdup (as_of) : d8_date_today ();
  ov->expected = d8_progress_expected (ov->plan->period_start, ov->plan->period_end, ov->as_of);

  n_units = ov->units->len;
  n_indicators = ov->indicators->len;
  ov->cells = g_new0 (D8Cell, MAX (n_units * n_indicators, 1));
  ov->totals = g_new0 (D8Cell, MAX (n_indicators, 1));
  ov->allocated = g_new0 (gint64, MAX (n_indicators, 1));
  ov->unit_overall = g_new0 (double, MAX (n_units, 1));
  for (guint u = 0; u < n_units; u++)
    g_hash_table_insert (unit_index, &((D8Unit *) ov->units->pdata[u])->id, GUINT_TO_POINTER (u));
  for (guint i = 0; i < n_indicators; i++)
    g_hash_table_insert (indicator_index, &((D8Indicator *) ov->indicators->pdata[i])->id,
                         GUINT_TO_POINTER (i));

  stmt = d8_sql_prepare (self->db, "SELECT unit_id, indicator_id, quota FROM quotas"
                        " WHERE plan_id = ? AND quota IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 unit_id = sqlite3_column_int64 (stmt, 0);
      gint64 indicator_id = sqlite3_column_int64 (stmt, 1);
      gpointer u, i;

      if (g_hash_table_lookup_extended (unit_index, &unit_id, NULL, &u)
          && g_hash_table_lookup_extended (indicator_index, &indicator_id, NULL, &i))
        {
          D8Cell *cell = d8_overview_cell (ov, GPOINTER_TO_UINT (u), GPOINTER_TO_UINT (i));
          cell->has_quota = TRUE;
          cell->quota = sqlite3_column_int64 (stmt, 2);
        }
    }
  if (rc != SQLITE_DONE)
    {
      d8_sql_fail (self->db, error, _("The quotas could not be read."));
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* All-time sums less the days after as_of: for "today" that is a
   * read of units × indicators rows, for a past date a range of days. */
  stmt = d8_sql_prepare (self->db, "SELECT unit_id, indicator_id, SUM (amount), SUM (reached),"
                        " SUM (group_size), SUM (n) FROM ("
                        "  SELECT unit_id, indicator_id, amount, reached, group_size, n"
                        "  FROM entry_totals WHERE plan_id = ?1"
                        "  UNION ALL"
                        "  SELECT unit_id, indicator_id, -amount, -reached, -group_size, -n"
                        "  FROM entry_days WHERE plan_id = ?1 AND date > ?2)"
                        " GROUP BY unit_id, indicator_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_text (stmt, 2, ov->as_of, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 unit_id = sqlite3_column_int64 (stmt, 0);
      gint64 indicator_id = sqlite3_column_int64 (stmt, 1);
      gpointer u, i;

      if (g_hash_table_lookup_extended (unit_index, &unit_id, NULL, &u)
          && g_hash_table_lookup_extended (indicator_index, &indicator_id, NULL, &i))
        {
          D8Cell *cell = d8_overview_cell (ov, GPOINTER_TO_UINT (u), GPOINTER_TO_UINT (i));
          const D8Indicator *indicator = ov->indicators->pdata[GPOINTER_TO_UINT (i)];

          cell->achieved = indicator->kind == D8_KIND_PERCENT ? sqlite3_column_int64 (stmt, 3)
                                                              : sqlite3_column_int64 (stmt, 2);
          cell->group_size = sqlite3_column_int64 (stmt, 4);
          cell->n_entries = sqlite3_column_int64 (stmt, 5);
        }
    }
  if (rc != SQLITE_DONE)
    {
      d8_sql_fail (self->db, error, _("The progress figures could not be read."));
      return NULL;
    }

  for (guint i = 0; i < n_indicators; i++)
    {
      const D8Indicator *indicator = ov->indicators->pdata[i];
      D8Cell *total = &ov->totals[i];
      gboolean any_quota = FALSE;

      for (guint u = 0; u < n_units; u++)
        {
          D8Cell *cell = d8_overview_cell (ov, u, i);

          d8_cell_evaluate (cell, indicator, ov->expected);
          total->achieved += cell->achieved;
          total->group_size += cell->group_size;
          total->n_entries += cell->n_entries;
          if (cell->has_quota)
            {
              ov->allocated[i] += cell->quota;
              any_quota = TRUE;
            }
        }
      /* The province is judged against what the plan states, not against
       * the sum of allocations (they differ in column 1: 128 vs 126). */
      if (indicator->kind == D8_KIND_COUNT && indicator->has_target)
        {
          total->has_quota = TRUE;
          total->quota = (gint64) llround (indicator->target);
        }
      else if (any_quota)
        {
          total->has_quota = TRUE;
          total->quota = ov->allocated[i];
        }
      d8_cell_evaluate (total, indicator, ov->expected);
    }

  for (guint u = 0; u < n_units; u++)
    ov->unit_overall[u] = d8_progress_overall (d8_overview_cell (ov, u, 0), ov->indicators);
  ov->province_overall = d8_progress_overall (ov->totals, ov->indicators);
  return g_steal_pointer (&ov);
}

GArray *
d8_store_daily_sums (D8Store *self, gint64 plan_id, gint64 unit_id, gint64 indicator_id,
                     GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (GArray) sums = g_array_new (FALSE, TRUE, sizeof (D8DaySum));
  int rc;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (self->db, "SELECT date, unit_id, indicator_id, amount, reached, group_size"
                        " FROM entry_days WHERE plan_id = ?1 AND n > 0"
                        " AND (?2 = 0 OR unit_id = ?2) AND (?3 = 0 OR indicator_id = ?3)"
                        " ORDER BY date, unit_id, indicator_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_int64 (stmt, 3, indicator_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      D8DaySum sum = { 0 };

      g_strlcpy (sum.date, (const char *) sqlite3_column_text (stmt, 0), sizeof sum.date);
      sum.unit_id = sqlite3_column_int64 (stmt, 1);
      sum.indicator_id = sqlite3_column_int64 (stmt, 2);
      sum.amount = sqlite3_column_int64 (stmt, 3);
      sum.reached = sqlite3_column_int64 (stmt, 4);
      sum.group_size = sqlite3_column_int64 (stmt, 5);
      g_array_append_val (sums, sum);
    }
  if (rc != SQLITE_DONE)
    {
      d8_sql_fail (self->db, error, _("The progress figures could not be read."));
      return NULL;
    }
  return g_steal_pointer (&sums);
}

/* ---------------------------------------------------------------- entries */

static gboolean
unit_in_plan (D8Store *self, gint64 plan_id, gint64 unit_id)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "SELECT 1 FROM plan_units WHERE plan_id = ? AND unit_id = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static D8Indicator *
find_indicator (D8Store *self, gint64 plan_id, gint64 indicator_id, GError **error)
{
  g_autoptr (GPtrArray) indicators = d8_store_list_indicators (self, plan_id, error);

  if (indicators == NULL)
    return NULL;
  for (guint i = 0; i < indicators->len; i++)
    if (((D8Indicator *) indicators->pdata[i])->id == indicator_id)
      return g_ptr_array_steal_index (indicators, i);
  g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
               _("indicator: there is no indicator %lld in this plan"), (long long) indicator_id);
  return NULL;
}

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
  if (!unit_in_plan (self, entry->plan_id, entry->unit_id))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                   _("unit: the unit is not part of plan %s"), plan->doc_number);
      return FALSE;
    }
  if ((indicator = find_indicator (self, entry->plan_id, entry->indicator_id, error)) == NULL)
    return FALSE;
  if (!d8_entry_check_date (entry->date, error))
    {
      g_prefix_error (error, "%s: ", d8_entry_field_label (D8_ENTRY_FIELD_DATE));
      return FALSE;
    }
  if (!d8_entry_check_figures (indicator->kind, indicator->code, entry->amount, entry->reached,
                               entry->group_size, FALSE, &field, error))
    {
      g_prefix_error (error, "%s: ", d8_entry_field_label (field));
      return FALSE;
    }
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
    {
      g_prefix_error (error, "%s: ", d8_entry_field_label (D8_ENTRY_FIELD_PLACE));
      return FALSE;
    }
  if (!d8_entry_normalize_text (entry->note, &note, error))
    {
      g_prefix_error (error, "%s: ", d8_entry_field_label (D8_ENTRY_FIELD_NOTE));
      return FALSE;
    }
  g_free (entry->place);
  g_free (entry->note);
  entry->place = g_steal_pointer (&place);
  entry->note = g_steal_pointer (&note);
  return TRUE;
}

static gboolean
write_entry (D8Store *self, const D8Entry *entry, gboolean insert, const char *version,
             const char *history, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  if (insert)
    stmt = d8_sql_prepare (self->db, "INSERT INTO entries (plan_id, unit_id, indicator_id, date, amount,"
                          " reached, group_size, place, note, updated_at, origin, deleted,"
                          " version, history, change_seq, created_at, uuid)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                          " (SELECT IFNULL (MAX (change_seq), 0) + 1 FROM entries), ?, ?)",
                    error);
  else
    stmt = d8_sql_prepare (self->db, "UPDATE entries SET plan_id = ?, unit_id = ?, indicator_id = ?, date = ?,"
                          " amount = ?, reached = ?, group_size = ?, place = ?, note = ?,"
                          " updated_at = ?, origin = ?, deleted = ?, version = ?, history = ?,"
                          " change_seq = (SELECT IFNULL (MAX (change_seq), 0) + 1 FROM entries)"
                          " WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->plan_id);
  sqlite3_bind_int64 (stmt, 2, entry->unit_id);
  sqlite3_bind_int64 (stmt, 3, entry->indicator_id);
  d8_sql_bind_text (stmt, 4, entry->date, D8_SQL_EMPTY_IS_NULL);
  sqlite3_bind_int64 (stmt, 5, entry->amount);
  sqlite3_bind_int64 (stmt, 6, entry->reached);
  sqlite3_bind_int64 (stmt, 7, entry->group_size);
  d8_sql_bind_text (stmt, 8, entry->place, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 9, entry->note, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 10, entry->updated_at, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 11, entry->origin, D8_SQL_EMPTY_IS_NULL);
  sqlite3_bind_int (stmt, 12, entry->deleted ? 1 : 0);
  sqlite3_bind_text (stmt, 13, version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, history ? history : "", -1, SQLITE_STATIC);
  if (insert)
    {
      d8_sql_bind_text (stmt, 15, entry->created_at, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 16, entry->uuid, D8_SQL_EMPTY_IS_NULL);
    }
  else
    d8_sql_bind_text (stmt, 15, entry->uuid, D8_SQL_EMPTY_IS_NULL);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (self->db, error, _("The entry could not be saved."));
  if (!insert && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("There is no entry %s"), entry->uuid);
      return FALSE;
    }
  return TRUE;
}

/* The stamp and history of an entry as stored ("" when there is none). */
static gboolean
read_version (D8Store *self, const char *uuid, char **version, char **history, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (self->db, "SELECT version, history FROM entries WHERE uuid = ?",
                                     error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("There is no entry %s"), uuid);
      return FALSE;
    }
  *version = d8_sql_column_dup (stmt, 0);
  *history = d8_sql_column_dup (stmt, 1);
  return TRUE;
}

/* A local edit: a new stamp descending from the stored one, written with
 * the row in one transaction so the clock and the row never disagree. If a
 * conflict is pending, the edit becomes "my" side of it. */
static gboolean
write_local_edit (D8Store *self, const D8Entry *entry, gboolean insert, GError **error)
{
  g_autofree char *old_version = NULL;
  g_autofree char *old_history = NULL;
  g_autofree char *version = NULL;
  g_autofree char *history = NULL;

  if (!d8_sql_exec (self->db, "BEGIN IMMEDIATE;", error))
    return FALSE;
  if (!insert && !read_version (self, entry->uuid, &old_version, &old_history, error))
    goto fail;
  if ((version = d8_store_next_version (self, error)) == NULL)
    goto fail;
  history = insert ? g_strdup ("") : d8_hlc_history_push (old_history, old_version);
  if (!write_entry (self, entry, insert, version, history, error))
    goto fail;
  if (!insert)
    {
      g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (self->db, "UPDATE conflicts SET mine_version = ?"
                                               " WHERE uuid = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, version, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, entry->uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          d8_sql_fail (self->db, error, _("The entry could not be saved."));
          goto fail;
        }
    }
  if (!d8_sql_exec (self->db, "COMMIT;", error))
    goto fail;
  return TRUE;

fail:
  d8_sql_exec (self->db, "ROLLBACK;", NULL);
  return FALSE;
}

gboolean
d8_store_add_entry (D8Store *self, D8Entry *entry, gboolean allow_out_of_period, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!normalize_entry_text (entry, error)
      || !d8_store_check_entry (self, entry, allow_out_of_period, error))
    return FALSE;
  if (entry->uuid == NULL)
    entry->uuid = g_uuid_string_random ();
  else if (!g_uuid_string_is_valid (entry->uuid))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("uuid: “%s” is not a UUID"), entry->uuid);
      return FALSE;
    }
  g_free (entry->created_at);
  entry->created_at = now_utc ();
  g_free (entry->updated_at);
  entry->updated_at = g_strdup (entry->created_at);
  g_free (entry->origin);
  entry->origin = g_strdup (self->office);
  entry->deleted = FALSE;
  if (!write_local_edit (self, entry, TRUE, error))
    return FALSE;
  emit_changed (self);
  return TRUE;
}

gboolean
d8_store_update_entry (D8Store *self, D8Entry *entry, gboolean allow_out_of_period, GError **error)
{
  g_autoptr (D8Entry) old = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->uuid != NULL, FALSE);

  if ((old = d8_store_get_entry (self, entry->uuid, error)) == NULL)
    return FALSE;
  if (!normalize_entry_text (entry, error)
      || !d8_store_check_entry (self, entry, allow_out_of_period, error))
    return FALSE;
  g_free (entry->updated_at);
  entry->updated_at = now_utc ();
  g_free (entry->origin);
  entry->origin = g_strdup (self->office);
  g_free (entry->created_at);
  entry->created_at = g_strdup (old->created_at);
  entry->deleted = old->deleted;
  if (!write_local_edit (self, entry, FALSE, error))
    return FALSE;
  emit_changed (self);
  return TRUE;
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
  /* A deletion is an edit like any other: it gets a stamp and travels to
   * the other offices as a tombstone. */
  entry->deleted = deleted;
  g_free (entry->updated_at);
  entry->updated_at = now_utc ();
  g_free (entry->origin);
  entry->origin = g_strdup (self->office);
  if (!write_local_edit (self, entry, FALSE, error))
    return FALSE;
  emit_changed (self);
  return TRUE;
}

gboolean
d8_store_delete_entry (D8Store *self, const char *uuid, GError **error)
{
  return set_deleted (self, uuid, TRUE, error);
}

gboolean
d8_store_undelete_entry (D8Store *self, const char *uuid, GError **error)
{
  return set_deleted (self, uuid, FALSE, error);
}

#define ENTRY_COLUMNS                                                                          \
  "uuid, plan_id, unit_id, indicator_id, date, amount, reached, group_size, place, note,"      \
  " created_at, updated_at, origin, deleted"

static D8Entry *
entry_from_row (sqlite3_stmt *stmt)
{
  D8Entry *entry = d8_entry_new ();

  entry->uuid = d8_sql_column_dup (stmt, 0);
  entry->plan_id = sqlite3_column_int64 (stmt, 1);
  entry->unit_id = sqlite3_column_int64 (stmt, 2);
  entry->indicator_id = sqlite3_column_int64 (stmt, 3);
  entry->date = d8_sql_column_dup (stmt, 4);
  entry->amount = sqlite3_column_int64 (stmt, 5);
  entry->reached = sqlite3_column_int64 (stmt, 6);
  entry->group_size = sqlite3_column_int64 (stmt, 7);
  entry->place = d8_sql_column_dup (stmt, 8);
  entry->note = d8_sql_column_dup (stmt, 9);
  entry->created_at = d8_sql_column_dup (stmt, 10);
  entry->updated_at = d8_sql_column_dup (stmt, 11);
  entry->origin = d8_sql_column_dup (stmt, 12);
  entry->deleted = sqlite3_column_int (stmt, 13);
  return entry;
}

D8Entry *
d8_store_get_entry (D8Store *self, const char *uuid, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = d8_sql_prepare (self->db, "SELECT " ENTRY_COLUMNS " FROM entries WHERE uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("There is no entry %s"), uuid);
      return NULL;
    }
  return entry_from_row (stmt);
}

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

static void
bind_entries_where (sqlite3_stmt *stmt, gint64 plan_id, gint64 unit_id, gint64 indicator_id)
{
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (unit_id != 0)
    sqlite3_bind_int64 (stmt, 2, unit_id);
  if (indicator_id != 0)
    sqlite3_bind_int64 (stmt, 3, indicator_id);
}

GPtrArray *
d8_store_list_entries_range (D8Store *self, gint64 plan_id, gint64 unit_id, gint64 indicator_id,
                             gboolean include_deleted, guint offset, guint limit, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_entry_free);
  int rc;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  {
    g_autofree char *where = entries_where ("entries", unit_id, indicator_id, include_deleted);
    g_autofree char *sql = g_strconcat ("SELECT " ENTRY_COLUMNS, where,
                                        " ORDER BY date DESC, created_at DESC"
                                        " LIMIT ?5 OFFSET ?6", NULL);

    stmt = d8_sql_prepare (self->db, sql, error);
  }
  if (stmt == NULL)
    return NULL;
  bind_entries_where (stmt, plan_id, unit_id, indicator_id);
  sqlite3_bind_int64 (stmt, 5, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 6, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      d8_sql_fail (self->db, error, _("The entries could not be read."));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
d8_store_list_entries (D8Store *self, gint64 plan_id, gint64 unit_id, gint64 indicator_id,
                       gboolean include_deleted, GError **error)
{
  return d8_store_list_entries_range (self, plan_id, unit_id, indicator_id, include_deleted, 0, 0,
                                      error);
}

gint64
d8_store_count_entries (D8Store *self, gint64 plan_id, gint64 unit_id, gint64 indicator_id,
                        gboolean include_deleted, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  /* Live entries are counted from entry_totals, whose n the triggers keep
   * per plan × unit × indicator: no need to visit 200,000 rows. */
  g_autofree char *where = entries_where (include_deleted ? "entries" : "entry_totals", unit_id,
                                          indicator_id, TRUE);
  g_autofree char *sql = g_strconcat (include_deleted ? "SELECT count(*)"
                                                      : "SELECT COALESCE (SUM (n), 0)",
                                      where, NULL);

  g_return_val_if_fail (D8_IS_STORE (self), -1);

  stmt = d8_sql_prepare (self->db, sql, error);
  if (stmt == NULL)
    return -1;
  bind_entries_where (stmt, plan_id, unit_id, indicator_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      d8_sql_fail (self->db, error, _("The entries could not be read."));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
