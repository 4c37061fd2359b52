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

/* Layout and paint in one call, for one-off drawing (printing a page). */
void d8_chart_draw (const D8ChartModel *model, const D8ChartStyle *style, cairo_t *cr,
                    double width, double height);

G_END_DECLS
