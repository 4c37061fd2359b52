/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-office-chooser.h — the dialog that sets which office this installation
 * is: the province, or the office of one unit of the plan. The choice goes
 * to the store (d8_store_set_office, which emits "changed") and is
 * remembered as made in GSettings ("office-chosen"). */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_OFFICE_CHOOSER (d8_office_chooser_get_type ())
G_DECLARE_FINAL_TYPE (D8OfficeChooser, d8_office_chooser, D8, OFFICE_CHOOSER, AdwMessageDialog)

/* d8_office_chooser_new:
 * @parent: (nullable): the window the dialog is modal for; a failure is a
 *   toast there
 * @store: the database whose office is set
 * @settings: (nullable): where the choice is remembered as made
 * @plan_id: the plan whose units are offered
 * @first_run: words the dialog as a question for a new installation, with
 *   "Later" instead of "Cancel"
 *
 * Returns: (transfer floating): the chooser, with the responses "cancel"
 * and "choose". */
GtkWidget *d8_office_chooser_new (GtkWindow *parent, D8Store *store, GSettings *settings,
                                  gint64 plan_id, gboolean first_run);

G_END_DECLS
