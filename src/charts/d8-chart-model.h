/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-model.h — the plain data a chart is drawn from.
 *
 * A model is filled once from a D8Overview (and, for timelines, the daily
 * sums of the store) and holds copies of everything it shows: names as the
 * plan writes them, figures, statuses, the plan's stated totals and the
 * allocation check. The window, the printer, file export and duan8-cli all
 * draw from the same model, so they show the same picture.
 */
#pragma once

#include <glib.h>

#include "d8-plan-compare.h"
#include "d8-progress.h"
#include "d8-store.h"

G_BEGIN_DECLS

typedef enum
{
  D8_CHART_UNIT_PROGRESS = 0, /* one unit: a bar per indicator against its own quota */
  D8_CHART_MATRIX,            /* units × indicators, coloured by completion */
  D8_CHART_INDICATOR,         /* one indicator across units, sorted by completion */
  D8_CHART_TIMELINE,          /* cumulative achieved through the plan year vs the pace line */
  D8_CHART_COMPARE,           /* one indicator across plans: quota vs achieved per year, and
                               * the phase (d8-chart-model-compare.c) */
} D8ChartKind;

/* One figure judged against a quota or a target: a bar, a matrix cell, a total. */
typedef struct
{
  char *code;          /* indicator code or unit code; NULL in matrix cells */
  char *name;          /* indicator or unit name as written in the plan */
  char *count_unit;    /* "tổ", "cuộc", "%"; may be NULL */
  gboolean is_percent; /* a percent indicator: achieved = reached, of group_size */
  gboolean has_quota;  /* FALSE for the plan's "-" */
  gint64 quota;
  gint64 achieved;
  gint64 group_size;   /* percent indicators */
  double target;       /* percent indicators: the target as a fraction (0.8); NAN if none */
  double completion;   /* achieved / quota, or reached / group; NAN when undefined */
  D8Status status;
} D8ChartItem;

/* The allocation check of one indicator (d8_overview_allocation). */
typedef struct
{
  gboolean checked;    /* the plan states a total and allocates it */
  gint64 stated;
  gint64 allocated;
  gint64 difference;   /* stated - allocated: 2 in column 1 of the 2023 plan */
} D8ChartAllocation;

typedef struct
{
  char *code;
  char *name;
  char *detail;        /* count unit of an indicator, kind of a unit */
} D8ChartLabel;

typedef struct
{
  int day;             /* days since the start of the plan period */
  double value;        /* cumulative achieved, or a percentage (0…100+) */
} D8ChartPoint;

typedef struct
{
  char *code;          /* indicator code */
  char *name;
  gboolean percent_of_quota; /* values are % of quota (all-indicator timelines) */
  gboolean is_percent;       /* a percent indicator: values are reached / group in % */
  gboolean has_goal;
  double goal;         /* where the pace line ends: the quota, 100 (%) or the target % */
  GArray *points;      /* D8ChartPoint, one per day with entries, ascending */
} D8ChartSeries;

typedef struct
{
  D8ChartKind kind;
  char *doc_number;    /* "1653/KH-UBND" */
  char *plan_title;
  char *subject;       /* the unit, "the province" or the indicator the chart is about */
  char *as_of;         /* ISO date */
  double expected;     /* share of the plan period elapsed at as_of */
  char *period_start;  /* ISO dates */
  char *period_end;
  char *target_label;  /* the plan's totals row: "Chỉ tiêu năm 2023" */

  /* Unit progress: rows = the unit's indicators. Indicator: rows = units,
   * sorted by completion. Matrix: rows = units, columns = the allocated
   * indicators, cells row-major. */
  GArray *rows;        /* D8ChartLabel */
  GArray *columns;     /* D8ChartLabel (matrix) */
  GArray *items;       /* D8ChartItem: one per row, or rows × columns (matrix) */
  GArray *totals;      /* D8ChartItem: per column (matrix), one (indicator) */
  GArray *allocation;  /* D8ChartAllocation, parallel to totals */
  GArray *extras;      /* D8ChartItem: province-wide percent indicators (matrix note) */

  /* Timeline */
  GPtrArray *series;   /* D8ChartSeries* */
  GPtrArray *report_dates; /* ISO dates marked on the time axis (char *) */
  GPtrArray *report_labels; /* their labels, translated (char *) */
  int period_days;     /* days in the plan period */
  int as_of_day;       /* days from period start to as_of */
} D8ChartModel;

D8ChartModel *d8_chart_model_new (D8ChartKind kind);
void d8_chart_model_free (D8ChartModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8ChartModel, d8_chart_model_free)

/* Fillers. Indexes are into overview->units / overview->indicators. */
D8ChartModel *d8_chart_model_unit_from_overview (D8Overview *overview, guint unit_index);
D8ChartModel *d8_chart_model_matrix_from_overview (D8Overview *overview);

/* A row of a matrix of some rows (a parent group's units, or the groups):
 * its label and its indicators->len cells. Borrowed while the model is made. */
typedef struct
{
  const char *code;
  const char *name;
  const char *detail;
  const D8Cell *cells;
} D8ChartMatrixRow;

D8ChartModel *d8_chart_model_matrix_from_rows (D8Overview *overview, const char *subject,
                                               const D8ChartMatrixRow *rows, guint n_rows,
                                               const D8Cell *totals, const char *totals_label);
D8ChartModel *d8_chart_model_indicator_from_rows (D8Overview *overview, guint indicator_index,
                                                  const D8ChartMatrixRow *rows, guint n_rows);
D8ChartModel *d8_chart_model_indicator_from_overview (D8Overview *overview, guint indicator_index);
/* @daily_sums: d8_store_daily_sums (store, plan, 0, 0) — or filtered, the
 * function picks what it needs. @unit_index: -1 for the province.
 * @indicator_index: -1 for every indicator as % of its quota. Days after
 * as_of are left out. */
D8ChartModel *d8_chart_model_timeline_from_overview (D8Overview *overview, GArray *daily_sums,
                                                     int unit_index, int indicator_index);

/* The compare chart (d8-chart-model-compare.c): one indicator of a
 * comparison of plans; its words per column (@row -1: the phase) and in all. */
D8ChartModel *d8_chart_model_compare_new (const D8PlanCompare *compare, guint indicator);
char *d8_chart_model_compare_describe_item (const D8ChartModel *model, int row);
void d8_chart_model_compare_describe (const D8ChartModel *model, GString *out);

D8ChartItem *d8_chart_model_get_item (const D8ChartModel *model, guint row, guint column);

/* The chart's data in words, for the app's accessible description, the
 * CLI and screen readers. */
char *d8_chart_model_describe (const D8ChartModel *model);
/* One bar or cell in words with exact figures, for tooltips.
 * @row -1 with a matrix or indicator chart: the totals. */
char *d8_chart_model_describe_item (const D8ChartModel *model, int row, int column);

/* The allocation check of a matrix or indicator chart's total @column in
 * a sentence ("Indicator 1: the plan states 128, …"), or NULL when the
 * total is fully allocated or not checked. */
char *d8_chart_model_describe_allocation (const D8ChartModel *model, guint column);

/* The title and subtitle every chart carries (naming plan, subject, date). */
char *d8_chart_model_title (const D8ChartModel *model);
char *d8_chart_model_subtitle (const D8ChartModel *model);

/* The page number in the footer of every printout of several pages, the
 * meeting pack's and a chart split over pages alike: "Page 3/17"
 * ("Trang 3/17"). @number counts from 1; @n_pages is the pages in all. */
char *d8_chart_page_number (guint number, guint n_pages);

/* "3/4", "40/100 (40 %)", "–": the figures of an item for a cell or a bar label. */
char *d8_chart_item_format_figures (const D8ChartItem *item);

G_END_DECLS
