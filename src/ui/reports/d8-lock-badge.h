/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-lock-badge.h — the padlock beside an entry that an approved report
 * locks (d8_store_find_lock()), with the core's message as its tooltip. */
#pragma once

#include <gtk/gtk.h>

#include "d8-store.h"

G_BEGIN_DECLS

/* d8_lock_badge_new_for_entry:
 * @store: the store the entry is in
 * @entry: an entry of it
 *
 * Returns: (transfer floating) (nullable): a padlock icon whose tooltip
 *   and accessible label name the approved report that locks @entry, or
 *   NULL when no report locks it (or the store cannot say). */
GtkWidget *d8_lock_badge_new_for_entry (D8Store *store, const D8Entry *entry);

G_END_DECLS
