/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-preferences-window.h — preferences: the interface language, the
 * office, its signing key and the offices known here. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_PREFERENCES_WINDOW (d8_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (D8PreferencesWindow, d8_preferences_window, D8, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* @settings may be NULL when the schema is not installed: the window then
 * shows the choices but cannot keep them. */
GtkWidget *d8_preferences_window_new (GtkWindow *parent, GSettings *settings);

/* The office shown in the Office row (its Change button runs the parent
 * window's win.choose-office). */
void d8_preferences_window_set_office (D8PreferencesWindow *self, const char *office);

/* d8_preferences_window_set_store:
 * @self: the preferences
 * @store: (nullable): the database whose office key and known offices are
 *   shown; d8_preferences_window_new() takes its parent D8Window's
 *
 * Shows this office's fingerprint, the known offices and the form to
 * register one; with %NULL hides them. */
void d8_preferences_window_set_store (D8PreferencesWindow *self, D8Store *store);

G_END_DECLS
