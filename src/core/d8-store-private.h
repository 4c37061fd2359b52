/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-store-private.h — for modules of the core only, never included
 * outside src/core.
 *
 * Two audiences:
 * - every core module that reads or writes the database itself (bundles,
 *   snapshots): the SQLite handle, meta settings, the clock, the change
 *   notification, transactions, and inserting a plan file;
 * - the store's own files, which share its instance struct and the
 *   helpers below it: d8-store.c (the object, office, meta, clock),
 *   d8-store-migrations.c (the schema), d8-store-plans.c (plans, units,
 *   indicators), d8-store-entries.c (entries) and d8-store-overview.c
 *   (progress figures). Other modules use the accessors, not the struct.
 */
#pragma once

#include <sqlite3.h>

#include "d8-plan-file.h"
#include "d8-sql.h"
#include "d8-store.h"

G_BEGIN_DECLS

struct _D8Store
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  char *office;       /* cached meta "office"; see the "office" property */
  int schema_version;
  char *clock;        /* a fixed "now" of the reporting cycle, or NULL (d8_store_set_clock) */
  guint64 plans_generation; /* d8-store-generation.c */
  gboolean plans_dirty;      /* a row of "plans" written in this transaction */
  sqlite3_int64 data_version; /* PRAGMA data_version when last looked at */
};

sqlite3 *d8_store_get_db (D8Store *self);

/* d8-store-generation.c: watches the writes to the plans table through
 * SQLite's update, commit and rollback hooks (call once the database is
 * open); plans_replaced moves the generation when the file was replaced. */
void d8_store_watch_plans (D8Store *self);
void d8_store_plans_replaced (D8Store *self);
/* Moves the plans generation when another connection committed since the
 * last look (d8_store_emit_changed calls it). */
void d8_store_check_other_writers (D8Store *self);

char *d8_store_meta_get (D8Store *self, const char *key);
gboolean d8_store_meta_set (D8Store *self, const char *key, const char *value, GError **error);

/* The hybrid logical clock (d8-hlc.h), persisted in meta. Call inside a
 * write transaction. next_version ticks it; observe_version moves it past a
 * stamp received from another office. */
char *d8_store_next_version (D8Store *self, GError **error);
gboolean d8_store_observe_version (D8Store *self, const char *version, GError **error);

/* Re-reads cached settings (the office) after the file was replaced by a
 * snapshot, and emits "changed". */
gboolean d8_store_reload (D8Store *self, GError **error);

/* A write transaction: begin takes the write lock at once (BEGIN
 * IMMEDIATE), so a transaction never fails half-way for want of it;
 * commit rolls back when the commit itself fails; rollback never fails. */
gboolean d8_store_begin (D8Store *self, GError **error);
gboolean d8_store_commit (D8Store *self, GError **error);
void d8_store_rollback (D8Store *self);
/* d8_store_end_change:
 * @self: a store with a transaction open (d8_store_begin())
 * @written: whether everything the change wrote succeeded
 * @error: D8_ERROR_DATABASE when the commit fails (the writes set their
 *   own error when @written is FALSE)
 *
 * Ends one change of the editors: commits and emits "changed" when
 * @written, else rolls back.
 *
 * Returns: TRUE when committed. */
gboolean d8_store_end_change (D8Store *self, gboolean written, GError **error);

/* Inserts a validated plan file; the caller holds the transaction. */
gboolean d8_store_insert_plan_file (D8Store *self, D8PlanFile *file, gint64 *plan_id,
                                    GError **error);

/* The reporting schedule of a plan (d8-store-reports.c): written with the
 * plan file (the caller holds the transaction), read into plan->periods
 * by d8_store_get_plan() and d8_store_list_plans(). */
gboolean d8_store_insert_plan_periods (D8Store *self, gint64 plan_id, GPtrArray *periods,
                                       GError **error);
gboolean d8_store_load_plan_periods (D8Store *self, D8Plan *plan, GError **error);

/* ------------------------------------------- shared by the store's files */

/* The time stamp of created_at, updated_at and imported_at: UTC with
 * microseconds, "2023-06-10T08:15:00.123456Z". */
char *d8_store_now_utc (void);

/* Brings the schema of a freshly opened store up to D8_SCHEMA_VERSION
 * (d8-store-migrations.c) and sets self->schema_version. */
gboolean d8_store_migrate (D8Store *self, GError **error);

/* Makes one object of a result row: plan_from_row, entry_from_row … */
typedef gpointer (*D8StoreRowFunc) (sqlite3_stmt *stmt);

/* Steps @stmt to the end and collects from_row() of every row in a new
 * array that frees them with @free_func. On a database error sets @error
 * to @failure (a whole translated sentence) and returns NULL. */
GPtrArray *d8_store_collect (D8Store *self, sqlite3_stmt *stmt, D8StoreRowFunc from_row,
                             GDestroyNotify free_func, const char *failure, GError **error);

/* Whether @unit_id is one of the units of @plan_id. */
gboolean d8_store_plan_has_unit (D8Store *self, gint64 plan_id, gint64 unit_id);

/* The indicator @indicator_id of @plan_id; D8_ERROR_NOT_FOUND naming the
 * field "indicator" when the plan has no such indicator. */
D8Indicator *d8_store_find_indicator (D8Store *self, gint64 plan_id, gint64 indicator_id,
                                      GError **error);

/* The columns of an entry, in the order of the tables entries and
 * conflict_versions; ENTRY_COLS names them for SELECT and INSERT, the enum
 * numbers them for sqlite3_column_*(), ENTRY_PARAM() for ?N parameters.
 * The export's SELECT has the same order, with codes for plan, unit and
 * indicator. */
#define ENTRY_COLS                                                                              \
  "uuid, plan_id, unit_id, indicator_id, date, amount, reached, group_size, place, note,"       \
  " created_at, updated_at, origin, deleted, version, history"
enum
{
  ENTRY_UUID,
  ENTRY_PLAN,
  ENTRY_UNIT,
  ENTRY_INDICATOR,
  ENTRY_DATE,
  ENTRY_AMOUNT,
  ENTRY_REACHED,
  ENTRY_GROUP_SIZE,
  ENTRY_PLACE,
  ENTRY_NOTE,
  ENTRY_CREATED_AT,
  ENTRY_UPDATED_AT,
  ENTRY_ORIGIN,
  ENTRY_DELETED,
  ENTRY_VERSION,
  ENTRY_HISTORY,
  ENTRY_CHANGE_SEQ, /* only as a parameter: ?17 of the insert and the update */
};
#define ENTRY_PARAM(column) ((column) + 1)

/* An entry from a row whose first columns are ENTRY_COLS (version and
 * history are left to the caller). Returns: (transfer full). */
D8Entry *d8_store_entry_from_row (sqlite3_stmt *stmt);

/* The columns of a unit, in this order, for SELECTs whose rows
 * d8_store_unit_from_row() reads; P is a table alias with its dot ("u.")
 * or "". */
#define D8_UNIT_COLS(P)                                                                        \
  P "id, " P "code, " P "name, " P "kind, " P "level, " P "parent_id, " P "valid_from, "        \
  P "valid_to"
enum
{
  D8_UNIT_COL_ID,
  D8_UNIT_COL_CODE,
  D8_UNIT_COL_NAME,
  D8_UNIT_COL_KIND,
  D8_UNIT_COL_LEVEL,
  D8_UNIT_COL_PARENT_ID,
  D8_UNIT_COL_VALID_FROM,
  D8_UNIT_COL_VALID_TO,
  D8_UNIT_N_COLS,
};

/* A unit from a row whose first columns are D8_UNIT_COLS (its position in
 * a plan is left to the caller). Returns: (transfer full). */
D8Unit *d8_store_unit_from_row (sqlite3_stmt *stmt);

G_END_DECLS
