/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-style.h — every colour, the font and the scale a chart is drawn
 * with. Painting code reads colours only from here, so the window can pass
 * colours taken from its GTK style (light, dark, high contrast) while
 * printing and file export always use the light print style.
 *
 * Status colours follow the Okabe–Ito colour-blind-safe palette; each status
 * also has its own hatching pattern (see d8-chart-paint.c), so a greyscale
 * print still tells them apart.
 */
#pragma once

#include <glib.h>

#include "d8-progress.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha; /* 0…1, as GdkRGBA, so the app can copy one over */
} D8ChartColor;

#define D8_CHART_N_STATUSES D8_N_STATUSES
#define D8_CHART_N_SERIES 8

typedef struct
{
  D8ChartColor foreground; /* text, axes, quota marks */
  D8ChartColor muted;      /* secondary text: units of count, "no quota" */
  D8ChartColor background; /* the page */
  D8ChartColor grid;       /* grid lines, empty bar tracks */
  D8ChartColor accent;     /* timelines, the allocation mark */
  D8ChartColor status_fill[D8_CHART_N_STATUSES]; /* bar and cell fills, indexed by D8Status */
  D8ChartColor status_line[D8_CHART_N_STATUSES]; /* hatching and outlines of those fills */
  D8ChartColor series[D8_CHART_N_SERIES];        /* lines of multi-series timelines */
  char font_family[64];    /* must cover Vietnamese: "Noto Sans", fallback "DejaVu Sans" */
  double scale;            /* multiplies font sizes and line widths (1.0 = automatic size) */
  double min_text_size;    /* no text smaller, in user units (8 pt on paper); 0: no limit */
} D8ChartStyle;

/* Light, for paper and files: always this one when printing or exporting;
 * no text under 8 pt. */
D8ChartStyle d8_chart_style_print (void);
/* For the window: light and dark backgrounds, and a high-contrast variant. */
D8ChartStyle d8_chart_style_light (void);
D8ChartStyle d8_chart_style_dark (void);
D8ChartStyle d8_chart_style_high_contrast (void);

/* A style for the window from the colours of its GTK style (e.g. the label
 * colour, window_bg_color and accent_bg_color): light or dark status colours
 * are chosen by the background's luminance; grid and muted text are mixed
 * from foreground and background. @accent may be NULL. */
D8ChartStyle d8_chart_style_from_colors (const D8ChartColor *foreground,
                                         const D8ChartColor *background,
                                         const D8ChartColor *accent);

/* Relative luminance (WCAG), 0 = black … 1 = white. */
double d8_chart_color_luminance (const D8ChartColor *color);

G_END_DECLS
