/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-entry-dialog.h — the form that records (or edits) one entry: what was
 * done, when, how much, where. Validates inline and saves at once. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_ENTRY_DIALOG (d8_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (D8EntryDialog, d8_entry_dialog, D8, ENTRY_DIALOG, AdwWindow)

/* @unit: the unit the entry belongs to (copied). @entry: the entry to edit,
 * or NULL for a new one (copied). Returns NULL with @error set when the
 * plan cannot be read. */
D8EntryDialog *d8_entry_dialog_new (GtkWindow *parent, D8Store *store, gint64 plan_id,
                                    const D8Unit *unit, const D8Entry *entry,
                                    GError **error);

G_END_DECLS
