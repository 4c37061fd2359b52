/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-province-matrix.h — the province page's matrix as a recycling view:
 * a GtkColumnView over a GtkTreeListModel of rows (parent groups with
 * their subtotals, collapsible, then units; the totals, the plan's totals
 * and the allocation gaps). Only the visible rows have widgets, so 3,300
 * units cost what 30 do. */
#pragma once

#include <gtk/gtk.h>

#include "d8-progress.h"
#include "d8-rollup.h"

G_BEGIN_DECLS

#define D8_TYPE_PROVINCE_MATRIX (d8_province_matrix_get_type ())
G_DECLARE_FINAL_TYPE (D8ProvinceMatrix, d8_province_matrix, D8, PROVINCE_MATRIX, GObject)

D8ProvinceMatrix *d8_province_matrix_new (GtkColumnView *view);
void d8_province_matrix_set_figures (D8ProvinceMatrix *self, D8Overview *overview,
                                     D8Rollup *rollup);
char *d8_province_matrix_dup_cell_text (D8ProvinceMatrix *self, guint unit_index,
                                        guint indicator_index);
guint d8_province_matrix_get_n_rows (D8ProvinceMatrix *self);
void d8_province_matrix_set_expanded (D8ProvinceMatrix *self, gboolean expanded);

GtkWidget *d8_province_matrix_get_shown_cell (D8ProvinceMatrix *self, guint unit_index,
                                              guint indicator_index);

G_END_DECLS
