/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-store.h — the local SQLite store: one file per installation.
 *
 * Implemented by d8-store.c (the object, office, opening) and its sibling
 * files: -migrations.c (the schema), -plans.c (plans, units, indicators),
 * -entries.c (entries) and -overview.c (progress figures); what they and
 * other core modules share is in d8-store-private.h.
 *
 * Opening a store creates the file if needed, applies forward migrations
 * (PRAGMA user_version), turns foreign keys and WAL on, and — when the
 * store holds no plan yet — loads the plans embedded in the resources, so a
 * fresh database opens on the 2023 plan of Gia Lai.
 *
 * Every change that touches several rows runs in one transaction; after a
 * change the store emits "changed" so every view can refresh.
 *
 * Signals:
 *   "changed" (D8Store *store, gpointer user_data) — after every successful
 *   write (entry added, updated, deleted, undeleted; plan imported).
 */
#pragma once

#include <glib-object.h>

#include "d8-error.h"
#include "d8-progress.h"
#include "d8-types.h"

G_BEGIN_DECLS

#define D8_TYPE_STORE (d8_store_get_type ())
G_DECLARE_FINAL_TYPE (D8Store, d8_store, D8, STORE, GObject)

#define D8_SCHEMA_VERSION 7

typedef enum
{
  D8_STORE_OPEN_DEFAULT = 0,
  D8_STORE_OPEN_NO_SEED = 1 << 0, /* do not load the embedded plans into an empty store */
  D8_STORE_OPEN_READ_ONLY = 1 << 1, /* an existing file, only read: nothing created or upgraded */
} D8StoreOpenFlags;

/* $XDG_DATA_HOME/duan8/duan8.sqlite3 */
char *d8_store_default_path (void);

D8Store *d8_store_open (const char *path, D8StoreOpenFlags flags, GError **error);
const char *d8_store_get_path (D8Store *self);
/* TRUE when the store was opened with D8_STORE_OPEN_READ_ONLY. */
gboolean d8_store_is_read_only (D8Store *self);
/* Emits "changed". The store's own changes do it themselves; call it when
 * another connection to the same file changed it (a worker thread of this
 * process with its own store), so the views read again. */
void d8_store_emit_changed (D8Store *self);
int d8_store_get_schema_version (D8Store *self);

/* The office that records entries here ("province" until chosen). */
const char *d8_store_get_office (D8Store *self);
/* @office: "province" or the code of a unit of a plan in the store. */
gboolean d8_store_set_office (D8Store *self, const char *office, GError **error);
/* The first-run office question belongs to the database (meta table):
 * asked once per database, never per person. */
gboolean d8_store_get_office_asked (D8Store *self);
/* Changes when the list of plans changes (d8-store-generation.c). */
guint64 d8_store_get_plans_generation (D8Store *self);
gboolean d8_store_mark_office_asked (D8Store *self, GError **error);
/* The office for people: "Provincial Women's Union" (translated) or the
 * unit's name; for this installation, or for an office @code. */
char *d8_store_describe_office (D8Store *self);
char *d8_store_describe_office_code (D8Store *self, const char *code);
/* The codes of the units an office speaks for: its own unit and every unit
 * under it (NULL for "province": all of them). A set (GHashTable of
 * char*), never NULL but on a database error. */
GHashTable *d8_store_office_units (D8Store *self, const char *office, GError **error);
/* D8_ERROR_INVALID, naming both, when this office may not record entries
 * of @unit_id (a unit office records only its own units). */
gboolean d8_store_check_office_unit (D8Store *self, gint64 unit_id, GError **error);

/* Plan files (docs/plan-format.md). Validates the whole document first and
 * writes nothing on any error; the error names the file, record and field.
 * Returns the new plan's id, or 0 on error. */
gint64 d8_store_import_plan (D8Store *self, const char *data, gssize length,
                             const char *source_name, GError **error);
gboolean d8_store_load_embedded_plans (D8Store *self, GError **error);
guint d8_store_n_embedded_plans (void);

GPtrArray *d8_store_list_plans (D8Store *self, GError **error);           /* D8Plan* */
D8Plan *d8_store_get_plan (D8Store *self, gint64 plan_id, GError **error);
/* @ref: a plan id or code; NULL means "the only plan" (an error if several). */
D8Plan *d8_store_resolve_plan (D8Store *self, const char *ref, GError **error);

GPtrArray *d8_store_list_units (D8Store *self, gint64 plan_id, GError **error); /* D8Unit*, plan order */
/* @ref: a unit id, code, or name (diacritics- and case-insensitive). */
D8Unit *d8_store_resolve_unit (D8Store *self, gint64 plan_id, const char *ref, GError **error);

GPtrArray *d8_store_list_indicators (D8Store *self, gint64 plan_id, GError **error); /* D8Indicator* */
/* @ref: the indicator code ("1" … "9", "SM"), case-insensitive. */
D8Indicator *d8_store_resolve_indicator (D8Store *self, gint64 plan_id, const char *ref,
                                         GError **error);

/* Progress of every unit × indicator of a plan, entries dated on or before
 * @as_of (NULL: today). */
D8Overview *d8_store_compute_overview (D8Store *self, gint64 plan_id, const char *as_of,
                                       GError **error);

typedef struct
{
  char date[11];       /* ISO date */
  gint64 unit_id;
  gint64 indicator_id;
  gint64 amount;       /* sum of amounts that day */
  gint64 reached;      /* sum reached that day (percent indicators) */
  gint64 group_size;   /* sum of group sizes that day */
} D8DaySum;

/* Daily sums of live entries, by date then unit then indicator, for
 * timelines. @unit_id / @indicator_id 0 = all. Returns a GArray of D8DaySum. */
GArray *d8_store_daily_sums (D8Store *self, gint64 plan_id, gint64 unit_id, gint64 indicator_id,
                             GError **error);

/* Checks an entry against its indicator and plan: amounts non-negative
 * (percent: reached ≤ group size, group > 0), a valid date; a date outside
 * the plan period gives D8_ERROR_OUT_OF_PERIOD unless @allow_out_of_period. */
gboolean d8_store_check_entry (D8Store *self, const D8Entry *entry, gboolean allow_out_of_period,
                               GError **error);

/* Adds an entry. A NULL uuid gets a new random one; created/updated times
 * and origin are set here. Text is normalised to NFC. */
gboolean d8_store_add_entry (D8Store *self, D8Entry *entry, gboolean allow_out_of_period,
                             GError **error);
gboolean d8_store_update_entry (D8Store *self, D8Entry *entry, gboolean allow_out_of_period,
                                GError **error);
/* Soft delete (the row stays as a tombstone) and its undo. */
gboolean d8_store_delete_entry (D8Store *self, const char *uuid, GError **error);
gboolean d8_store_undelete_entry (D8Store *self, const char *uuid, GError **error);
D8Entry *d8_store_get_entry (D8Store *self, const char *uuid, GError **error);
/* Entries of a plan, newest date first; @unit_id / @indicator_id 0 = all. */
GPtrArray *d8_store_list_entries (D8Store *self, gint64 plan_id, gint64 unit_id,
                                  gint64 indicator_id, gboolean include_deleted, GError **error);
/* The same list, @limit entries (0 = all) from @offset on, so that a view
 * of a unit with 200,000 entries reads only what it shows. */
GPtrArray *d8_store_list_entries_range (D8Store *self, gint64 plan_id, gint64 unit_id,
                                        gint64 indicator_id, gboolean include_deleted,
                                        guint offset, guint limit, GError **error);
/* How many entries d8_store_list_entries() would return; -1 on error. */
gint64 d8_store_count_entries (D8Store *self, gint64 plan_id, gint64 unit_id,
                               gint64 indicator_id, gboolean include_deleted, GError **error);

G_END_DECLS
