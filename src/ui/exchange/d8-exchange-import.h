/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-exchange-import.h — importing a bundle from another office: the open
 * dialog, reading the bundle (on a worker thread when it is large), its
 * preview, and applying it once the user says "Import". Outcomes are shown
 * as toasts in the parent window (d8_ui_add_toast). */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

/* d8_exchange_open_bundle:
 * @parent: (nullable): the window the dialogs belong to
 * @store: the database to import into
 * @settings: (nullable): remembers the folder of bundles
 * @file: the bundle
 *
 * Reads @file and shows its preview, or why it is refused; a large bundle
 * is read on a worker thread behind a dialog with a spinner.
 *
 * Returns: (transfer none): the dialog shown (the preview, the refusal or
 * the spinner), owned by GTK. */
GtkWidget *d8_exchange_open_bundle (GtkWindow *parent, D8Store *store, GSettings *settings,
                                    GFile *file);

/* d8_exchange_bundle_chooser_new:
 * @parent: (nullable): the window the dialog belongs to
 *
 * The Open Bundle dialog, not yet shown: the bundles' filter, chosen, and
 * "All files" beside it, for bundles renamed on the way.
 *
 * Returns: (transfer full): the dialog. */
GtkFileChooserNative *d8_exchange_bundle_chooser_new (GtkWindow *parent);

/* d8_exchange_choose_bundle:
 * @parent: (nullable): the window the dialogs belong to
 * @store: the database to import into
 * @settings: (nullable): remembers the folder of bundles
 *
 * The open dialog, then d8_exchange_open_bundle() on the file chosen. */
void d8_exchange_choose_bundle (GtkWindow *parent, D8Store *store, GSettings *settings);

G_END_DECLS
