/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-layout.h — where everything of a chart goes, computed apart from
 * painting so it can be inspected and tested: margins, text boxes, bar and
 * cell rectangles, quota marks, tick positions, hit regions.
 *
 * Coordinates are cairo user units with the origin at the top left: points
 * for paper and files, pixels for the window. Text is measured with
 * PangoCairo without hinting, so one layout paints the same on an image, a
 * PDF or an SVG surface at any scale.
 */
#pragma once

#include <glib.h>

#include "d8-chart-model.h"
#include "d8-chart-style.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} D8ChartRect;

typedef enum
{
  D8_CHART_TEXT_TITLE = 0,
  D8_CHART_TEXT_SUBTITLE,
  D8_CHART_TEXT_HEADER,  /* column headings */
  D8_CHART_TEXT_LABEL,   /* row labels: units, indicators */
  D8_CHART_TEXT_VALUE,   /* figures in cells and beside bars */
  D8_CHART_TEXT_AXIS,    /* tick labels */
  D8_CHART_TEXT_NOTE,    /* "No quota", allocation notes, the key of codes */
  D8_CHART_TEXT_LEGEND,
  D8_CHART_N_TEXT_ROLES
} D8ChartTextRole;

typedef struct
{
  D8ChartRect rect;     /* logical box of the (possibly ellipsized) text */
  char *text;           /* the full text, before any ellipsis */
  D8ChartTextRole role;
  gboolean muted;       /* drawn in the muted colour */
  int row, column;      /* what it labels; -1 when nothing in particular */
  gboolean ellipsized;  /* the full text did not fit: shown cut with "…" (or, on a
                         * pack page, cut by the edge of its chart) */
  double size;          /* font size in user units (points on paper) */
} D8ChartText;

typedef enum
{
  D8_CHART_SHAPE_GRID_LINE = 0,  /* lines: from (x, y) to (x + width, y + height) */
  D8_CHART_SHAPE_AXIS_LINE,
  D8_CHART_SHAPE_TRACK,          /* outline of a bar's way from 0 to its quota */
  D8_CHART_SHAPE_BAR,            /* filled and hatched by status */
  D8_CHART_SHAPE_CELL,           /* matrix cell, filled and hatched by status */
  D8_CHART_SHAPE_OVERFLOW,       /* an arrow: the bar goes on beyond the axis */
  D8_CHART_SHAPE_QUOTA_MARK,     /* the quota or target of one bar (a vertical line) */
  D8_CHART_SHAPE_ALLOCATION_MARK, /* the sum of allocations, where it differs from the total */
  D8_CHART_SHAPE_CELL_FLAG,      /* outline of a cell whose allocation differs */
  D8_CHART_SHAPE_TEXT_BACKDROP,  /* plain fill of a status behind figures on hatching */
  D8_CHART_SHAPE_SEPARATOR,      /* heavier line before the totals row */
  D8_CHART_SHAPE_PACE,           /* straight pace line to the quota (timeline) */
  D8_CHART_SHAPE_TARGET_LINE,    /* horizontal target of a percent timeline */
  D8_CHART_SHAPE_DATE_MARK,      /* reporting dates (timeline) */
  D8_CHART_SHAPE_AS_OF_MARK,     /* the as-of date (timeline) */
  D8_CHART_SHAPE_SERIES,         /* polyline through layout->points */
  D8_CHART_SHAPE_MARKER,         /* a series' marker, centred in rect */
  D8_CHART_SHAPE_SWATCH,         /* legend: a status sample */
  D8_CHART_SHAPE_LEGEND_LINE,    /* legend: a line sample; @series says which line kind */
} D8ChartShapeKind;

typedef struct
{
  D8ChartShapeKind kind;
  D8ChartRect rect;
  D8Status status;      /* BAR, CELL, SWATCH */
  int row, column;      /* row -1: the totals */
  guint series;         /* SERIES, MARKER: series index; LEGEND_LINE: a D8ChartShapeKind */
  guint first_point;    /* SERIES: into layout->points */
  guint n_points;
} D8ChartShape;

typedef struct
{
  double x, y;
} D8ChartXY;

typedef struct
{
  D8ChartRect area;     /* what the pointer may hover */
  int row, column;      /* as d8_chart_model_describe_item; timeline: row = series */
} D8ChartHit;

/* A value axis: values min…max drawn from position `from` to `to` (x for
 * bars, y for the timeline's vertical axis, where from > to). */
typedef struct
{
  double min, max, step;
  double from, to;
  gboolean percent;     /* values are percentages (0…100+) */
  GArray *ticks;        /* double: tick values, min…max by step */
} D8ChartAxis;

typedef struct
{
  D8ChartKind kind;
  double width, height;
  double font_size;     /* body text size chosen so everything fits */
  double line_width;
  D8ChartRect plot;     /* bars / lines area; the table for a matrix */
  D8ChartAxis axis;     /* the value axis */
  D8ChartAxis total_axis; /* indicator chart: the province total's own scale */
  D8ChartAxis time_axis;  /* timeline: days since the period start */
  GArray *shapes;       /* D8ChartShape, in painting order */
  GArray *texts;        /* D8ChartText */
  GArray *hits;         /* D8ChartHit */
  GArray *points;       /* D8ChartXY for SERIES shapes */
  gboolean fits;        /* FALSE when even the smallest font could not fit */
  /* The rows of units (matrix, bar charts) lie from scroll_top to
   * scroll_bottom, each row_pitch high; what is above (titles, column
   * headings) and below (totals, axis, key, legend) stays in place when a
   * view scrolls them or a printout splits them over pages. All 0 when
   * the kind has no such rows. */
  double scroll_top, scroll_bottom, row_pitch;
  /* Where a printout split over pages (d8_chart_paint_page) writes its
   * page number ("Page 2/9"), right-aligned in this box, at
   * page_number_size: the right end of the legend's last line, which the
   * legend leaves free for the widest number the rows could need. Set in
   * a layout for pages made taller than its page (d8_chart_layout_new_pages);
   * 0 wide otherwise. */
  D8ChartRect page_number;
  double page_number_size;

  /*< private >*/
  gpointer pango_context;
  GPtrArray *pango_layouts; /* parallel to texts */
  gboolean numbered_pages; /* split over numbered pages: keep page_number free */
} D8ChartLayout;

/* "Nice" ticks in 1-2-5 steps: the smallest step s of the form
 * {1, 2, 5} × 10^k such that [floor(lo/s)·s, ceil(hi/s)·s] holds at most
 * @max_intervals steps. @integer: steps of at least 1 (counts of people and
 * things). 0…128 gives 0, 20, …, 140 with 8 intervals and 0, 50, 100, 150
 * with 5. An empty range (lo = hi) widens to one step above lo.
 * Returns the tick values (double); @step receives the step. */
GArray *d8_chart_nice_ticks (double lo, double hi, guint max_intervals, gboolean integer,
                             double *step);

/* Computes where everything goes for @model on a @width × @height page.
 * @style gives the font family and scale. */
D8ChartLayout *d8_chart_layout_new (const D8ChartModel *model, const D8ChartStyle *style,
                                    double width, double height);
/* As d8_chart_layout_new, but when the rows do not fit @height at a
 * legible size the layout grows taller instead of its text smaller: its
 * height is then more than @height, and a view scrolls the rows between
 * scroll_top and scroll_bottom (d8_chart_paint_window), or a printout
 * splits them over pages. */
D8ChartLayout *d8_chart_layout_new_scrolling (const D8ChartModel *model, const D8ChartStyle *style,
                                              double width, double height);
/* As d8_chart_layout_new_scrolling, for a printout that splits the rows
 * over pages of @width × @height (d8_chart_paint_page): when they grow
 * past the page, the legend also leaves page_number free for each page's
 * number. */
D8ChartLayout *d8_chart_layout_new_pages (const D8ChartModel *model, const D8ChartStyle *style,
                                          double width, double height);
void d8_chart_layout_free (D8ChartLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8ChartLayout, d8_chart_layout_free)

double d8_chart_axis_position (const D8ChartAxis *axis, double value);

/* The bar or cell under a point, for hover tooltips: TRUE and *hit filled
 * when there is one. Pass hit->row/column to d8_chart_model_describe_item. */
gboolean d8_chart_layout_hit_test (const D8ChartLayout *layout, double x, double y,
                                   D8ChartHit *hit);

#define D8_CHART_ANY G_MININT

/* The first shape of @kind for @row / @column (D8_CHART_ANY for any; row
 * -1 is the totals row), or NULL. */
const D8ChartShape *d8_chart_layout_find_shape (const D8ChartLayout *layout, D8ChartShapeKind kind,
                                                int row, int column);

G_END_DECLS
