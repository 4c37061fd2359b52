/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-exchange-export.h — a bundle for another office: the save dialog
 * (what goes in: the default, everything, or the plan only), then the
 * core's d8_bundle_export, and a toast in the parent window. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

/* d8_exchange_export_bundle:
 * @parent: the window the dialog belongs to; the outcome is a toast there
 * @store: the database to export from
 * @settings: (nullable): remembers the folder of bundles
 *
 * Asks where to save the bundle and what it carries, then writes it. */
void d8_exchange_export_bundle (GtkWindow *parent, D8Store *store, GSettings *settings);

G_END_DECLS
