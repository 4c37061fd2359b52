/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-window.h — the main window: the units of a plan in a sidebar, the
 * province overview or one unit's page as content.
 *
 * Properties: "store" (construct-only), "as-of" (string, ISO date or NULL
 * for today), "unit" (gint64, the id of the unit shown, 0 for the whole
 * province) and "overview" (pointer to the D8Overview shown, read-only);
 * each notifies only when it really changes. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_WINDOW (d8_window_get_type ())
G_DECLARE_FINAL_TYPE (D8Window, d8_window, D8, WINDOW, AdwApplicationWindow)

D8Window *d8_window_new (GtkApplication *application, D8Store *store);
D8Store *d8_window_get_store (D8Window *self);
gint64 d8_window_get_plan_id (D8Window *self);
/* d8_window_set_plan:
 * @self: the window
 * @plan_id: a plan of the store
 *
 * Shows the plan @plan_id: the chooser, the title and every page follow,
 * and it is remembered for this database. Returns FALSE (nothing changes)
 * for an unknown plan. */
gboolean d8_window_set_plan (D8Window *self, gint64 plan_id);
GSettings *d8_window_get_settings (D8Window *self); /* may be NULL */

/* Shows the page of the unit whose code is @unit_code, or the whole
 * province when @unit_code is NULL or "". Returns FALSE when the plan has no
 * such unit (the current page stays). */
gboolean d8_window_show_unit (D8Window *self, const char *unit_code);
/* The unit code of the page shown; NULL for the whole province. */
const char *d8_window_get_unit_code (D8Window *self);
/* The "unit" property: the id of the unit shown, 0 for the whole province.
 * Setting an id the plan does not have returns FALSE and changes nothing. */
gint64 d8_window_get_unit (D8Window *self);
gboolean d8_window_set_unit (D8Window *self, gint64 unit_id);

/* The "as-of" property: the date the figures are computed for (ISO); NULL,
 * today or an invalid date: today, kept as NULL. */
void d8_window_set_as_of (D8Window *self, const char *as_of);
const char *d8_window_get_as_of (D8Window *self); /* NULL: today */

/* The "overview" property: the figures shown, owned by the window and
 * replaced whenever they are computed again (NULL before the first time
 * or when the plan could not be read). */
D8Overview *d8_window_get_overview (D8Window *self);

/* Opens @file as a bundle: its import preview (or why it is refused), or
 * the spinner while a large bundle is read. Returns the dialog shown,
 * owned by GTK (d8-window-dnd.c). */
GtkWidget *d8_window_open_bundle (D8Window *self, GFile *file);
/* Opens @file as what its name says: a plan file or a table
 * (d8_window_open_plan), else a bundle. Returns the dialog shown. */
GtkWidget *d8_window_open_file (D8Window *self, GFile *file);
/* Shows the import preview of the plan file or table @file. */
GtkWidget *d8_window_open_plan (D8Window *self, GFile *file);
/* For tests: the plan chooser of the sidebar. */
GtkWidget *d8_window_get_plan_chooser (D8Window *self);
/* Shows the Exchange window (conflicts, imports, snapshots) and returns it. */
GtkWidget *d8_window_show_exchange (D8Window *self);
/* Shows the office chooser and returns it; @first_run words it as a
 * question for a new installation. */
GtkWidget *d8_window_choose_office (D8Window *self, gboolean first_run);
/* d8_window_ask_office:
 * The first-run office question, when the window's database was never
 * asked (d8_store_get_office_asked): a bar above the content
 * (exchange/d8-office-prompt.c), not a dialog in front of it, so the
 * window shows and works at once.
 * Returns: (transfer none) (nullable): the bar, or NULL when the database
 *   was asked already. */
GtkWidget *d8_window_ask_office (D8Window *self);

/* For tests: the two content pages. */
GtkWidget *d8_window_get_province_page (D8Window *self);
GtkWidget *d8_window_get_unit_page (D8Window *self);
/* For tests: the Reports view (reports/d8-window-reports.c). */
GtkWidget *d8_window_get_reports_page (D8Window *self);

G_END_DECLS
