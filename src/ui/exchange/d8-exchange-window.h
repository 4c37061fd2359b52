/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-exchange-window.h — the Exchange window: entries in conflict between
 * two offices (keep mine / keep theirs, one by one or all at once), the
 * bundles imported here, and the snapshots of the database (restore). */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_EXCHANGE_WINDOW (d8_exchange_window_get_type ())
G_DECLARE_FINAL_TYPE (D8ExchangeWindow, d8_exchange_window, D8, EXCHANGE_WINDOW,
                      AdwPreferencesWindow)

/* d8_exchange_window_new:
 * @parent: (nullable): the window it is modal for
 * @store: the database shown; the window follows its "changed" signal
 *
 * Returns: (transfer floating): the Exchange window, not yet shown. */
GtkWidget *d8_exchange_window_new (GtkWindow *parent, D8Store *store);

G_END_DECLS
