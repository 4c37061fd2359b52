/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-export.h — writing a chart to a PNG, SVG or PDF file, for the
 * app's "Export" action and duan8-cli. */
#pragma once

#include <gio/gio.h>

#include "d8-chart-model.h"
#include "d8-chart-style.h"

G_BEGIN_DECLS

/* A4 landscape in points, the default page of printouts and exports. */
#define D8_CHART_A4_LANDSCAPE_WIDTH 841.89
#define D8_CHART_A4_LANDSCAPE_HEIGHT 595.28

typedef enum
{
  D8_CHART_FORMAT_UNKNOWN = 0,
  D8_CHART_FORMAT_PNG,
  D8_CHART_FORMAT_SVG,
  D8_CHART_FORMAT_PDF,
} D8ChartFormat;

/* By the file's extension, case-insensitive. */
D8ChartFormat d8_chart_format_from_path (const char *path);

/* Renders @model into @path, the format chosen by its extension. The page
 * is @width_pt × @height_pt points (1/72 inch); a PNG gets
 * width_pt × dpi / 72 pixels (@dpi ≤ 0: 96). @style NULL: the print style.
 * Rows of units that do not fit the page at a legible size are split over
 * pages in a PDF, each repeating the chart's header and footer (title,
 * column headings; totals, key, legend), and make a PNG or SVG taller.
 * Errors (G_IO_ERROR) name the file. */
gboolean d8_chart_render_to_file (const D8ChartModel *model, const D8ChartStyle *style,
                                  const char *path, double width_pt, double height_pt, double dpi,
                                  GError **error);

G_END_DECLS
