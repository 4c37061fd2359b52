/* d8-window.h — the main window: the units of a plan in a sidebar, the
 * province overview or one unit's page as content. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_WINDOW (d8_window_get_type ())
G_DECLARE_FINAL_TYPE (D8Window, d8_window, D8, WINDOW, AdwApplicationWindow)

D8Window *d8_window_new (GtkApplication *application, D8Store *store);
D8Store *d8_window_get_store (D8Window *self);
gint64 d8_window_get_plan_id (D8Window *self);

/* Shows the page of the unit whose code is @unit_code, or the whole
 * province when @unit_code is NULL or "". Returns FALSE when the plan has no
 * such unit (the current page stays). */
gboolean d8_window_show_unit (D8Window *self, const char *unit_code);
/* The date the figures are computed for (ISO); NULL or today: today. */
void d8_window_set_as_of (D8Window *self, const char *as_of);
const char *d8_window_get_as_of (D8Window *self); /* NULL: today */

/* The unit code of the page shown; NULL for the whole province. */
const char *d8_window_get_unit_code (D8Window *self);

GSettings *d8_window_get_settings (D8Window *self); /* may be NULL */
void d8_window_add_toast (D8Window *self, AdwToast *toast);
/* Shows the office (d8_store_describe_office) at the foot of the sidebar. */
void d8_window_update_office (D8Window *self);

/* For tests: the two content pages. */
GtkWidget *d8_window_get_province_page (D8Window *self);
GtkWidget *d8_window_get_unit_page (D8Window *self);

G_END_DECLS
