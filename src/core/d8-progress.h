/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-progress.h — progress against quotas: the arithmetic behind every
 * figure the app shows. Pure functions over numbers read from the store,
 * so they can be tested without a database.
 *
 * Rules (documented in docs/progress.md):
 * - count indicators: achieved = sum of entry amounts up to the as-of date;
 *   completion = achieved / quota. A quota of 0 is a real zero: it is met.
 *   "No quota" (the plan's "-") has no completion at all.
 * - percent indicators: completion = sum reached / sum of group sizes,
 *   judged against the plan's stated target (e.g. 80 %).
 * - status compares completion with the share of the plan period that has
 *   elapsed at the as-of date ("expected pace").
 * - the province totals sum the units, judged against the total the plan
 *   states, else against the sum of the units' quotas.
 */
#pragma once

#include <glib-object.h>

#include "d8-types.h"

G_BEGIN_DECLS

typedef enum
{
  D8_STATUS_NO_QUOTA = 0, /* the plan gives this unit no quota ("-") */
  D8_STATUS_NOT_STARTED,  /* a quota but nothing recorded yet */
  D8_STATUS_BEHIND,       /* completion below the expected pace */
  D8_STATUS_ON_TRACK,     /* at or above the expected pace, not yet done */
  D8_STATUS_DONE,         /* quota (or percentage target) reached exactly */
  D8_STATUS_OVER,         /* over-achieved: more than the quota (count), above
                           * the target percentage (percent); a kind of done */
} D8Status;

/* Number of statuses, for loops and tables indexed by D8Status. */
#define D8_N_STATUSES (D8_STATUS_OVER + 1)

/* Whether @status counts as done (done or over-achieved): the roll-ups,
 * "behind" lists and completion counts treat both alike. */
#define D8_STATUS_IS_DONE(status) ((status) == D8_STATUS_DONE || (status) == D8_STATUS_OVER)

typedef struct
{
  gboolean has_quota;  /* FALSE for "-" / blank in the appendix */
  gint64 quota;        /* valid when has_quota */
  gint64 achieved;     /* count: sum of amounts; percent: sum reached */
  gint64 group_size;   /* percent: sum of target-group sizes */
  gint64 n_entries;    /* live entries counted */
  double completion;   /* fraction (1.0 = 100 %); NAN when undefined */
  D8Status status;
} D8Cell;

typedef struct
{
  D8Plan *plan;
  GPtrArray *units;      /* D8Unit*, in plan order */
  GPtrArray *indicators; /* D8Indicator*, in plan order */
  char *as_of;           /* ISO date the figures are computed for */
  double expected;       /* share of the plan period elapsed at as_of, 0…1 */
  D8Cell *cells;         /* units->len × indicators->len, row-major by unit */
  D8Cell *totals;        /* per indicator: sums over units, judged against the
                          * plan's stated total (quota = stated target when the
                          * plan states one, else the allocated sum) */
  gint64 *allocated;     /* per indicator: sum of the units' quotas */
  double *unit_overall;  /* per unit: mean capped completion, NAN when no quota */
  double province_overall;
  /*< private >*/
  gatomicrefcount ref_count;
} D8Overview;

#define D8_TYPE_OVERVIEW (d8_overview_get_type ())
GType d8_overview_get_type (void) G_GNUC_CONST;
D8Overview *d8_overview_new (void);
D8Overview *d8_overview_ref (D8Overview *overview);
void d8_overview_unref (D8Overview *overview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8Overview, d8_overview_unref)

D8Overview *d8_overview_new_for (D8Plan *plan, GPtrArray *units, GPtrArray *indicators,
                                 const char *as_of);
void d8_overview_evaluate (D8Overview *overview);

D8Cell *d8_overview_cell (D8Overview *overview, guint unit_index, guint indicator_index);
int d8_overview_find_unit (D8Overview *overview, gint64 unit_id);

/* The allocation check: the plan's stated total for an indicator against the
 * sum of the units' quotas. Returns FALSE when the plan states no total or
 * the indicator is not allocated. difference = stated - allocated. */
gboolean d8_overview_allocation (D8Overview *overview, guint indicator_index,
                                 gint64 *stated, gint64 *allocated, gint64 *difference);

/* The allocation check of one indicator from its numbers: the stated
 * total a count indicator of the appendix has against @allocated, the
 * sum of the units' quotas. FALSE when there is nothing to check (no
 * stated total, a percent indicator, not in the appendix). @difference =
 * stated − allocated: > 0 not allocated, < 0 over-allocated. */
gboolean d8_progress_allocation (const D8Indicator *indicator, gint64 allocated, gint64 *stated,
                                 gint64 *difference);
/* The words of a difference: "2 not allocated", "3 over-allocated"
 * (translated); NULL for 0. */
char *d8_progress_format_allocation_gap (gint64 difference);
/* The province-total rule: the quota the totals row is judged against. */
gboolean d8_progress_total_quota (const D8Indicator *indicator, gboolean any_allocated,
                                  gint64 allocated, gint64 *quota);

/* Fills completion and status of a cell from its numbers. */
void d8_cell_evaluate (D8Cell *cell, const D8Indicator *indicator, double expected);

/* The plan's reporting dates: the cut-off of each of its reporting
 * periods (plan->periods, plan data: d8-reporting.h; for the 2023 plan
 * section V gives 10 June and 10 December). Appends ISO dates to @dates
 * and the periods' titles as the plan writes them to @labels (both
 * char *, owned); nothing for a plan without a reporting schedule. */
void d8_plan_report_dates (const D8Plan *plan, GPtrArray *dates, GPtrArray *labels);

/* Share of [period_start, period_end] elapsed at as_of (inclusive days), 0…1. */
double d8_progress_expected (const char *period_start, const char *period_end, const char *as_of);

/* Mean of min(completion, 1) over the cells of count indicators with a
 * quota > 0 (a quota of 0 asks nothing and is left out). NAN when there is
 * none. */
double d8_progress_overall (const D8Cell *cells, GPtrArray *indicators);

/* The one model of a status (docs/progress.md, "Status vocabulary"): every
 * surface — province page, unit page, sidebar, charts, pack, CLI tables —
 * takes a status's word, its colour role and its print pattern from here. */

/* The colour a status is drawn in, by meaning; the UI maps it to a
 * libadwaita colour, the charts to an Okabe–Ito hue of the same family. */
typedef enum
{
  D8_STATUS_ROLE_MUTED = 0, /* no quota: greyed text, no fill */
  D8_STATUS_ROLE_NEUTRAL,   /* not started: plain text on a faint fill */
  D8_STATUS_ROLE_ALERT,     /* behind: vermillion / the error colour */
  D8_STATUS_ROLE_PROGRESS,  /* on track: blue / the accent colour */
  D8_STATUS_ROLE_SUCCESS,   /* done, over-achieved: bluish green / the success colour */
} D8StatusRole;

/* How a status stays told apart without colour (greyscale print). */
typedef enum
{
  D8_STATUS_PATTERN_FAINT_OUTLINE = 0,  /* no quota: a thin grey outline, no fill */
  D8_STATUS_PATTERN_DASHED_OUTLINE,     /* not started: a dashed outline */
  D8_STATUS_PATTERN_CROSS_HATCH,        /* behind: tint with cross-hatching */
  D8_STATUS_PATTERN_HATCH,              /* on track: tint with "/" hatching */
  D8_STATUS_PATTERN_SOLID,              /* done: solid fill */
  D8_STATUS_PATTERN_SOLID_PLUS,         /* over-achieved: solid fill with a "+" mark */
} D8StatusPattern;

const char *d8_status_to_string (D8Status status);   /* machine name: "behind" … */
const char *d8_status_to_label (D8Status status);    /* translated word */
D8StatusRole d8_status_role (D8Status status);
const char *d8_status_role_to_string (D8StatusRole role); /* "alert" …, for CSS classes */
D8StatusPattern d8_status_pattern (D8Status status);

/* The figures of a cell as every matrix shows them (province page, charts,
 * pack): "3/4"; no quota "–" or "2/–"; percent "75 % / 80 %" (reached
 * share / the plan's target), "– / 80 %" while nothing is recorded. */
char *d8_cell_format_figures (const D8Cell *cell, const D8Indicator *indicator);

/* The same, from the numbers a chart item keeps: @kind of the indicator,
 * @target as a fraction (0.8) or NAN when the plan states none. */
char *d8_progress_format_figures (D8IndicatorKind kind, gboolean has_quota, gint64 quota,
                                  gint64 achieved, gint64 group_size, double target);

/* Whether a unit is behind the expected pace on at least one indicator
 * (D8_STATUS_BEHIND), or has not started one (D8_STATUS_NOT_STARTED). */
gboolean d8_overview_unit_has_status (D8Overview *overview, guint unit_index, D8Status status);

G_END_DECLS
