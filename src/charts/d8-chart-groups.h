/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-groups.h — charts of a plan's parent groups and of one group's
 * units: what the window's chart view drills down into at 135 and 3,300
 * units, and the order of their rows (the plan's, or the units behind
 * first).
 */
#pragma once

#include <glib.h>

#include "d8-chart-model.h"
#include "d8-rollup.h"

G_BEGIN_DECLS

typedef enum
{
  D8_CHART_ORDER_PLAN = 0, /* the plan's order (the indicator chart: highest completion first) */
  D8_CHART_ORDER_BEHIND,   /* most behind first: lowest completion, then the plan's order */
} D8ChartOrder;

/* Above this many units whose units have parents, the matrix and the
 * indicator chart show the parent groups (d8_chart_kind_new_model), and
 * the window drills down into one group's units. */
#define D8_CHART_GROUP_ABOVE 40

/* Whether a chart of @kind has a row per unit (the matrix, the
 * indicator chart): the kinds that show parent groups and drill down. */
gboolean d8_chart_kind_has_unit_rows (D8ChartKind kind);

/* The mean completion of a row of @cells (one per indicator of
 * @overview), capped at 1 per cell as the roll-up's, over the indicators
 * the appendix allocates (the matrix's columns); NAN when none has a
 * quota. What D8_CHART_ORDER_BEHIND sorts the matrix's rows by. */
double d8_chart_row_completion (const D8Overview *overview, const D8Cell *cells);

/* A matrix or indicator chart (@kind) of the groups of @rollup, in
 * @order: one row per group with its subtotals and its count of units.
 * @indicator_index: for the indicator chart. Returns NULL for other kinds. */
D8ChartModel *d8_chart_groups_model (D8ChartKind kind, D8Overview *overview,
                                     const D8Rollup *rollup, int indicator_index,
                                     D8ChartOrder order);

/* A matrix or indicator chart of the units of group @group of @rollup (a
 * drill-down), in @order, with the group's subtotal as the matrix's totals
 * row. Returns NULL for other kinds or a group out of range. */
D8ChartModel *d8_chart_group_units_model (D8ChartKind kind, D8Overview *overview,
                                          const D8Rollup *rollup, guint group,
                                          int indicator_index, D8ChartOrder order);

/* A matrix or indicator chart of every unit of @overview, in @order. */
D8ChartModel *d8_chart_units_model (D8ChartKind kind, D8Overview *overview,
                                    int indicator_index, D8ChartOrder order);

G_END_DECLS
