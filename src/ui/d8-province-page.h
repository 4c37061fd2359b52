/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-province-page.h — the whole province: quotas and progress of every
 * unit × indicator, the totals and the allocation check. */
#pragma once

#include <gtk/gtk.h>

#include "d8-progress.h"
#include "d8-rollup.h"

G_BEGIN_DECLS

#define D8_TYPE_PROVINCE_PAGE (d8_province_page_get_type ())
G_DECLARE_FINAL_TYPE (D8ProvincePage, d8_province_page, D8, PROVINCE_PAGE, GtkWidget)

GtkWidget *d8_province_page_new (void);

/* Shows @overview (the page keeps a reference), units in one list;
 * set_figures groups them by parent (@rollup: transfer full, nullable). */
void d8_province_page_set_overview (D8ProvincePage *self, D8Overview *overview);
/* "as amended by …" under the plan's title (d8_store_plan_amended_label());
 * @label NULL hides it. */
void d8_province_page_set_amended (D8ProvincePage *self, const char *label);
void d8_province_page_set_figures (D8ProvincePage *self, D8Overview *overview,
                                   D8Rollup *rollup);

/* For tests: the text of the matrix cell of a unit × indicator (NULL when
 * none), and the number of rows of the matrix. */
char *d8_province_page_dup_cell_text (D8ProvincePage *self, guint unit_index,
                                      guint indicator_index);
guint d8_province_page_get_n_matrix_rows (D8ProvincePage *self);

/* For tests: what the page shows for a unit × indicator, read from the
 * widget — "figures — status word", e.g. "3/4 — On track"; NULL when
 * there is no such cell. */
char *d8_province_page_describe_cell (D8ProvincePage *self, guint unit_index,
                                      guint indicator_index);

G_END_DECLS
