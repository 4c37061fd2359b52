/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-pack.h — the meeting pack: a cover page, the province matrix, then
 * (grouped by parent, over as many pages as it needs), then a page per chosen
 * unit (its progress chart and a table of figures); every page
 * has a footer with the plan number and "Page N/M". Drawn page by page into
 * any cairo_t, so GtkPrintOperation (draw-page) and duan8-cli print-pack
 * share it. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "d8-chart-style.h"
#include "d8-progress.h"
#include "d8-rollup.h"

G_BEGIN_DECLS

typedef struct _D8ChartPack D8ChartPack;

/* @overview: the figures as of a date (kept by reference; must outlive the
 * pack); @office: the office printing the pack, as shown on the cover (may be
 * NULL). */
D8ChartPack *d8_chart_pack_new (D8Overview *overview, const char *office);
/* With the matrix grouped by parent (@rollup: transfer full, nullable) and
 * a choice of unit pages (@unit_pages: guint unit indices, NULL for the
 * default: every unit up to 30 units, none beyond). */
D8ChartPack *d8_chart_pack_new_full (D8Overview *overview, D8Rollup *rollup, const char *office,
                                     GArray *unit_pages);
/* "all", "behind", "none", a parent group, or a list "A, B, C" of units. */
GArray *d8_chart_pack_select_units (D8Overview *overview, const D8Rollup *rollup,
                                    const char *spec, GError **error);
void d8_chart_pack_free (D8ChartPack *pack);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8ChartPack, d8_chart_pack_free)

/* The cover, the matrix pages and the unit pages. */
guint d8_chart_pack_get_n_pages (const D8ChartPack *pack);

/* Draws page @page_index (0-based) into @cr, whose user space is @width ×
 * @height points (A4 landscape: 842 × 595). Always the print style. */
void d8_chart_pack_draw_page (const D8ChartPack *pack, guint page_index, cairo_t *cr,
                              double width, double height);

/* Writes every page to a PDF of A4 landscape pages. */
gboolean d8_chart_pack_write_pdf (const D8ChartPack *pack, const char *path, GError **error);

G_END_DECLS
