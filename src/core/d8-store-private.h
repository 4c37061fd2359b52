/* d8-store-private.h — for modules of the core only (bundles, snapshots):
 * the store's SQLite handle and its change notification. Never included
 * outside src/core. */
#pragma once

#include <sqlite3.h>

#include "d8-store.h"

G_BEGIN_DECLS

sqlite3 *d8_store_get_db (D8Store *self);
void d8_store_emit_changed (D8Store *self);

G_END_DECLS
