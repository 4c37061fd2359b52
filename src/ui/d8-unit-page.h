/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-unit-page.h — one unit of a plan: its progress per indicator and the
 * entries recorded for it, with edit and delete. */
#pragma once

#include <gtk/gtk.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_UNIT_PAGE (d8_unit_page_get_type ())
G_DECLARE_FINAL_TYPE (D8UnitPage, d8_unit_page, D8, UNIT_PAGE, GtkWidget)

GtkWidget *d8_unit_page_new (void);

/* Rebuilds the page for unit @unit_index of @overview (borrowed, not kept);
 * the entries are read from @store. */
void d8_unit_page_set_unit (D8UnitPage *self, D8Store *store, D8Overview *overview,
                            guint unit_index);

/* For tests: how many entries are listed, and the row of an indicator. */
guint d8_unit_page_get_n_entries (D8UnitPage *self);
GtkWidget *d8_unit_page_get_indicator_row (D8UnitPage *self, guint indicator_index);
/* The row of the @index-th entry shown, newest first (for tests). */
GtkWidget *d8_unit_page_get_entry_row (D8UnitPage *self, guint index);

G_END_DECLS
