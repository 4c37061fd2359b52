/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-paint.h — painting a computed layout into any cairo_t: a widget's
 * snapshot, a print context, an image, PDF or SVG surface. Colours come
 * only from the style. */
#pragma once

#include <cairo.h>

#include "d8-chart-layout.h"

G_BEGIN_DECLS

/* Paints @layout with its top-left corner at the current origin of @cr;
 * the caller's transform decides the scale (e.g. dpi / 72 for images). */
void d8_chart_paint (const D8ChartLayout *layout, const D8ChartStyle *style, cairo_t *cr);

/* Paints the part of @layout from its y @from on into the band @y … @y +
 * @height of @cr (clipped to it): a header, a footer or scrolled rows. */
void d8_chart_paint_band (const D8ChartLayout *layout, const D8ChartStyle *style, cairo_t *cr,
                          double y, double height, double from);

/* Paints a window of @height onto a layout taller than it
 * (d8_chart_layout_new_scrolling): what is above scroll_top stays at the
 * top, what is below scroll_bottom at the bottom, and the rows between
 * show from @offset (0 … the layout's height − @height) on. Returns the
 * offset used, clamped to that range and to whole rows' tops when @snap. */
double d8_chart_paint_window (const D8ChartLayout *layout, const D8ChartStyle *style, cairo_t *cr,
                              double height, double offset, gboolean snap);

/* The pages of @page_height a layout taller than it is split into: its
 * rows, whole, as many to a page as fit between the header and the
 * footer, which every page repeats. 1 when it fits one page. */
guint d8_chart_layout_n_pages (const D8ChartLayout *layout, double page_height);
/* Paints page @page (0-based, below d8_chart_layout_n_pages) of @layout
 * split so: the header, that page's rows, the footer at the bottom with
 * the page number in it (d8_chart_page_number, in layout->page_number)
 * when there is more than one page. */
void d8_chart_paint_page (const D8ChartLayout *layout, const D8ChartStyle *style, cairo_t *cr,
                          double page_height, guint page);

/* Layout and paint in one call, for one-off drawing (printing a page). */
void d8_chart_draw (const D8ChartModel *model, const D8ChartStyle *style, cairo_t *cr,
                    double width, double height);

G_END_DECLS
