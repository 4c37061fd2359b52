/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-signer-rows.h — the signer of the official report (title and name)
 * in Preferences: two entry rows read from and saved to the store's
 * report settings (d8_store_get_report_settings()), which duan8-cli's
 * report command reads too. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

/* Fills @title_row and @name_row from @store's settings for @plan_id (0:
 * no plan); leaves them empty when the store cannot say. */
void d8_signer_rows_load (AdwEntryRow *title_row, AdwEntryRow *name_row, D8Store *store,
                          gint64 plan_id);

/* Saves both rows into @store's settings, keeping every other field as it
 * is; FALSE with @error set as d8_store_set_report_settings() sets it. */
gboolean d8_signer_rows_save (AdwEntryRow *title_row, AdwEntryRow *name_row, D8Store *store,
                              gint64 plan_id, GError **error);

G_END_DECLS
