/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-layout-private.h — what the layouts of the chart kinds share.
 *
 * d8-chart-layout.c lays out one chart at a chosen font size through a
 * D8ChartBuilder and calls the kind's layout function (a switch over
 * D8ChartKind, so a new kind without a layout does not compile); each kind
 * has its own file,
 * d8-chart-layout-<kind>.c, built from the helpers here. The bar rows
 * that the unit and indicator charts share are in d8-chart-layout-bars.c.
 * Not installed, not for the window or the CLI.
 */
#pragma once

#include <pango/pango.h>

#include "d8-chart-layout.h"

G_BEGIN_DECLS

/* One layout at one font size. */
typedef struct _D8ChartBuilder D8ChartBuilder;

struct _D8ChartBuilder
{
  D8ChartLayout *L;
  const D8ChartModel *model;
  const D8ChartStyle *style;
  double f;  /* body font size */
  double m;  /* page margin */
  PangoFontDescription *fonts[D8_CHART_N_TEXT_ROLES];
  gboolean overflow; /* set by a kind when something does not fit */
  double short_by;   /* set with overflow: the height the rows lack at this size */
  double rows_need;  /* with short_by: the height the rows need at this size */
};

/* The layouts of the kinds, one file each. */
void d8_chart_layout_unit (D8ChartBuilder *b);
void d8_chart_layout_matrix (D8ChartBuilder *b);
void d8_chart_layout_indicator (D8ChartBuilder *b);
void d8_chart_layout_timeline (D8ChartBuilder *b);
void d8_chart_layout_compare (D8ChartBuilder *b); /* d8-chart-layout-compare.c */

/* ------------------------------------------------- d8-chart-layout.c */

/* The size of a role's text against the body font size. */
double d8_chart_text_role_size (D8ChartTextRole role);

/* Ticks from @lo to @hi on @axis (see d8_chart_nice_ticks); min and max
 * become the first and last tick. from/to are left to the caller. */
void d8_chart_axis_set (D8ChartAxis *axis, double lo, double hi, guint max_intervals,
                        gboolean integer, gboolean percent);
/* A tick's label: a percentage or a count. */
char *d8_chart_axis_format_tick (const D8ChartAxis *axis, double value);

/* Adds a text anchored at (x, y): @halign/@valign 0 put its left/top edge
 * there, 0.5 its centre, 1 its right/bottom edge. @max_width > 0 ellipsizes;
 * @max_lines > 1 wraps first. Returns its index, for d8_chart_builder_text. */
guint d8_chart_builder_add_text (D8ChartBuilder *b, D8ChartTextRole role, const char *text,
                                 double x, double y, double max_width, int max_lines,
                                 double halign, double valign, int row, int column);
/* Takes back the text added last (to put another in its place). */
void d8_chart_builder_drop_last_text (D8ChartBuilder *b);
/* The text at @index; valid until the next text is added. */
D8ChartText *d8_chart_builder_text (D8ChartBuilder *b, guint index);
/* Adds a shape of no status for no row or column; valid until the next
 * shape is added. */
D8ChartShape *d8_chart_builder_add_shape (D8ChartBuilder *b, D8ChartShapeKind kind, double x,
                                          double y, double w, double h);
void d8_chart_builder_add_hit (D8ChartBuilder *b, double x, double y, double w, double h, int row,
                               int column);
/* Moves @text to stay within the page's margins, left and right. */
void d8_chart_builder_keep_on_page (D8ChartBuilder *b, guint text);

/* Title and subtitle at the top; returns the y below them. */
double d8_chart_builder_add_header (D8ChartBuilder *b);

typedef struct
{
  D8ChartShapeKind kind; /* SWATCH or LEGEND_LINE */
  D8Status status;       /* SWATCH */
  guint line;            /* LEGEND_LINE: which line */
  const char *label;
} D8ChartLegendItem;

/* The legend flows left to right along the bottom, wrapping when needed.
 * Returns its top y. */
double d8_chart_builder_add_legend (D8ChartBuilder *b, const D8ChartLegendItem *items,
                                    guint n_items);
/* A legend of every status, and of the quota mark when @with_quota_mark
 * ("Quota or target" when @with_target). Returns its top y. */
double d8_chart_builder_add_status_legend (D8ChartBuilder *b, gboolean with_quota_mark,
                                           gboolean with_target);

/* "Stated 128, allocated to units 126: 2 not allocated" (@code NULL), or
 * "* Indicator 1: stated …" for the note under the matrix. */
char *d8_chart_allocation_note (const D8ChartAllocation *alloc, const char *code);

/* -------------------------------------------- d8-chart-layout-bars.c */

/* What the rows of a bar chart are: the unit chart measures each indicator
 * against its own quota, the indicator chart every unit on the indicator's
 * counts. Percent indicators are measured the same way in both. */
typedef struct
{
  gboolean percent_axis;  /* the value axis is in % */
  double label_share;     /* of the page width, at most, for the row labels */
  double footer_height;   /* room the kind wants under the axis */
  char *(*label) (const D8ChartItem *item);
  /* An item that is not a percent indicator: its bar and quota mark on
   * the axis (NAN: no mark). */
  void (*measure) (const D8ChartItem *item, double *value, double *mark);
} D8ChartBarRows;

/* Where the rows went. */
typedef struct
{
  double width;           /* of the page inside its margins */
  double x_plot, x_end;   /* the value axis runs from x_plot to x_end */
  double footer_y;        /* the top of the room asked for by footer_height */
} D8ChartBarFrame;

/* An item's bar and mark on the axis: a percent indicator as reached /
 * group against its target, in every bar chart; other items as @rows says. */
void d8_chart_bar_rows_measure (const D8ChartBarRows *rows, const D8ChartItem *item,
                                double *value, double *mark);
/* Lays out the header, the status legend, one bar per item of the model
 * and the value axis; the kind adds its footer after. */
void d8_chart_builder_add_bar_rows (D8ChartBuilder *b, const D8ChartBarRows *rows,
                                    D8ChartBarFrame *frame);
/* Tick labels of a horizontal @axis at @label_y, with grid lines from @top
 * to @bottom when @grid. */
void d8_chart_builder_add_axis_labels (D8ChartBuilder *b, const D8ChartAxis *axis, double top,
                                       double bottom, double label_y, gboolean grid);
/* One bar row: track to the quota, the bar, its mark, or @note when there
 * is nothing to draw. @value and @mark are on @axis; NAN mark = none. */
void d8_chart_builder_add_bar (D8ChartBuilder *b, const D8ChartAxis *axis, D8ChartRect row,
                               double value, double mark, gboolean has_bar, D8Status status,
                               const char *note, int row_index, int column);
/* An item's figures with its share of the quota or target
 * ("3/4 · 75 %", "40/100 (40 %) · target 80 %"). */
char *d8_chart_item_bar_figures (const D8ChartItem *item);
/* The figures and the status in words, beside a bar. */
char *d8_chart_item_bar_text (const D8ChartItem *item);

G_END_DECLS
