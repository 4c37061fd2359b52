/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-sidebar.h — the window's list of units as a recycling GtkListView over
 * a GtkTreeListModel: the whole province, then the units under their
 * parents (expandable) with their completion bars; while searching, a flat
 * list of the units whose names match, diacritics-insensitive. */
#pragma once

#include <gtk/gtk.h>

#include "d8-progress.h"
#include "d8-rollup.h"

G_BEGIN_DECLS

#define D8_TYPE_SIDEBAR_ITEM (d8_sidebar_item_get_type ())
G_DECLARE_FINAL_TYPE (D8SidebarItem, d8_sidebar_item, D8, SIDEBAR_ITEM, GObject)

const char *d8_sidebar_item_get_name (D8SidebarItem *self);
/* The unit's code; NULL for the whole province and for a parent group. */
const char *d8_sidebar_item_get_code (D8SidebarItem *self);
gboolean d8_sidebar_item_is_group (D8SidebarItem *self);

#define D8_TYPE_SIDEBAR (d8_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (D8Sidebar, d8_sidebar, D8, SIDEBAR, GObject)

D8Sidebar *d8_sidebar_new (GtkListView *view);
void d8_sidebar_set_figures (D8Sidebar *self, D8Overview *overview, const D8Rollup *rollup);
void d8_sidebar_set_search (D8Sidebar *self, const char *text);
gboolean d8_sidebar_select_code (D8Sidebar *self, const char *code);
void d8_sidebar_unselect (D8Sidebar *self);
D8SidebarItem *d8_sidebar_get_item (D8Sidebar *self, guint position);
guint d8_sidebar_get_n_rows (D8Sidebar *self);

G_END_DECLS
