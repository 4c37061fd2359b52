/* d8-store-private.h — for modules of the core only (bundles, snapshots):
 * the store's SQLite handle and its change notification. Never included
 * outside src/core. */
#pragma once

#include <sqlite3.h>

#include "d8-plan-file.h"
#include "d8-store.h"

G_BEGIN_DECLS

sqlite3 *d8_store_get_db (D8Store *self);

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

/* Inserts a validated plan file; the caller holds the transaction. */
gboolean d8_store_insert_plan_file (D8Store *self, D8PlanFile *file, gint64 *plan_id,
                                    GError **error);

G_END_DECLS
