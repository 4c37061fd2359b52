/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-compare.h — plans of one programme side by side (2023, 2024,
 * 2025, 2026 …): per indicator and per plan, the quota (the plan's stated
 * total and the sum allocated to units, both), what was achieved, the
 * completion, and the sums over the compared plans (the phase); per unit
 * where units persist, by former district through the units' parents, or
 * for the province as a whole.
 *
 * Every figure of one plan is that plan's overview (d8_store_compute_overview,
 * with the rules of d8-progress.c); this module only matches indicators and
 * units across plans and adds figures up. The rules are in docs/progress.md,
 * "Comparing plans".
 */
#pragma once

#include <glib.h>

#include "d8-progress.h"
#include "d8-store.h"
#include "d8-types.h"

G_BEGIN_DECLS

/* How the rows of a comparison are made. */
typedef enum
{
  D8_COMPARE_BY_PROVINCE = 0, /* the province totals only */
  D8_COMPARE_BY_PARENT,       /* units under their former unit (district), see the rule */
  D8_COMPARE_BY_UNIT,         /* every unit, matched by its record (units persist) */
} D8CompareBy;

/* "province", "parent", "unit" (stable: duan8-cli --by, JSON). */
const char *d8_compare_by_to_string (D8CompareBy by);
/* Returns FALSE for an unknown name. */
gboolean d8_compare_by_from_string (const char *name, D8CompareBy *by);

/* The figures of one indicator in one plan (or summed over the phase) for
 * the province or for one row. */
typedef struct
{
  gboolean present;     /* the plan has the indicator and, for a row, units of the row */
  gboolean has_stated;  /* the plan states a total (province only; count indicators) */
  gint64 stated;        /* that total, as written in the plan's totals row */
  gboolean any_allocated; /* at least one unit has a quota ("-" is none; 0 is one) */
  gint64 allocated;     /* sum of the units' quotas */
  D8Cell cell;          /* quota it is judged against (the stated total when the plan
                         * states one, else the allocation: d8_progress_total_quota),
                         * achieved, group size, entries, completion and status */
} D8CompareFigures;

typedef struct
{
  char *code;           /* the indicator's code in the first plan that has it */
  char *name;           /* its Vietnamese name in the latest plan that has it */
  char *count_unit;
  D8IndicatorKind kind;
  int *index;           /* per plan: the index into that overview's indicators, -1 */
} D8CompareIndicator;

typedef struct
{
  gint64 unit_id;       /* the unit, or the row's former unit; 0: units without a parent */
  char *code;           /* NULL for the row of units without a parent */
  char *name;
  gboolean in_every_plan; /* the row has units in every compared plan */
  D8CompareFigures *figures; /* (n_plans + 1) × n_indicators; row n_plans is the phase */
} D8CompareRow;

typedef struct
{
  D8CompareBy by;
  char *as_of;            /* ISO date the figures are for */
  GPtrArray *overviews;   /* D8Overview*, one per plan, by year then code */
  GPtrArray *indicators;  /* D8CompareIndicator*, in the first plan's order, then new ones */
  D8CompareFigures *totals; /* (n_plans + 1) × n_indicators: the province; last row the phase */
  GPtrArray *rows;        /* D8CompareRow*; empty for D8_COMPARE_BY_PROVINCE */
  double phase_expected;  /* share of [first period start, last period end] elapsed */
} D8PlanCompare;

void d8_plan_compare_free (D8PlanCompare *compare);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8PlanCompare, d8_plan_compare_free)

/* A link the user made: indicator @a (of one plan) is indicator @b (of another). */
typedef struct
{
  gint64 a, b;
} D8IndicatorLink;

D8PlanCompare *d8_plan_compare_new (GPtrArray *overviews, GArray *links, GHashTable *units,
                                    D8CompareBy by, GError **error);

D8PlanCompare *d8_store_compare_plans (D8Store *store, GArray *plan_ids, D8CompareBy by,
                                       const char *as_of, GError **error);

guint d8_plan_compare_n_plans (const D8PlanCompare *compare);
/* Figures of indicator @indicator in plan @plan (n_plans: the phase), for
 * the province (@row NULL) or a row. */
const D8CompareFigures *d8_plan_compare_figures (const D8PlanCompare *compare,
                                                 const D8CompareRow *row, guint plan,
                                                 guint indicator);
/* The indicator whose code (in any compared plan) is @code, or -1. */
int d8_plan_compare_find_indicator (const D8PlanCompare *compare, const char *code);

/* The links between indicators of different plans (docs/progress.md). */
gboolean d8_store_link_indicators (D8Store *store, gint64 indicator_id, gint64 other_id,
                                   GError **error);
gboolean d8_store_link_indicators_all (D8Store *store, GArray *links, GError **error);
gboolean d8_store_unlink_indicators (D8Store *store, gint64 indicator_id, gint64 other_id,
                                     GError **error);
GArray *d8_store_list_indicator_links (D8Store *store, GError **error);

G_END_DECLS
