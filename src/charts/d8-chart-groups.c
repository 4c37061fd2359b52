/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-groups.c — charts of parent groups and of one group's units
 * (see d8-chart-groups.h). The rows are made here and the models by
 * d8_chart_model_matrix_from_rows / d8_chart_model_indicator_from_rows; the
 * indicator chart always orders its rows by completion (behind first).
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "d8-chart-groups.h"

double
d8_chart_row_completion (const D8Overview *overview, const D8Cell *cells)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < overview->indicators->len; i++)
    if (((const D8Indicator *) overview->indicators->pdata[i])->in_appendix
        && !isnan (cells[i].completion))
      {
        sum += MIN (cells[i].completion, 1.0);
        n++;
      }
  return n > 0 ? sum / n : NAN;
}

typedef struct
{
  guint index;
  double completion;
} OrderKey;

/* Lowest completion first; rows with nothing to judge last; ties keep the
 * plan's order. */
static int
compare_order_cb (gconstpointer a, gconstpointer b)
{
  const OrderKey *x = a, *y = b;
  gboolean nx = isnan (x->completion), ny = isnan (y->completion);

  if (nx != ny)
    return nx ? 1 : -1;
  if (!nx && x->completion != y->completion)
    return x->completion < y->completion ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
order_rows (const D8Overview *ov, D8ChartMatrixRow *rows, guint n, D8ChartOrder order)
{
  g_autoptr (GArray) keys = NULL;
  g_autofree D8ChartMatrixRow *copy = NULL;

  switch (order)
    {
    case D8_CHART_ORDER_PLAN:
      return;
    case D8_CHART_ORDER_BEHIND:
      break;
    }
  keys = g_array_sized_new (FALSE, FALSE, sizeof (OrderKey), n);
  for (guint r = 0; r < n; r++)
    {
      OrderKey key = { r, d8_chart_row_completion (ov, rows[r].cells) };

      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_order_cb);
  copy = g_memdup2 (rows, n * sizeof *rows);
  for (guint r = 0; r < n; r++)
    rows[r] = copy[g_array_index (keys, OrderKey, r).index];
}

gboolean
d8_chart_kind_has_unit_rows (D8ChartKind kind)
{
  switch (kind)
    {
    case D8_CHART_MATRIX:
    case D8_CHART_INDICATOR:
      return TRUE;
    case D8_CHART_UNIT_PROGRESS:
    case D8_CHART_TIMELINE:
    case D8_CHART_COMPARE:
      return FALSE;
    }
  return FALSE;
}

/* The indicator chart's rows, lowest completion first; the rows with
 * nothing to judge stay last. */
static void
reverse_judged_rows (D8ChartModel *model)
{
  guint k = 0;

  while (k < model->items->len && !isnan (g_array_index (model->items, D8ChartItem, k).completion))
    k++;
  for (guint i = 0, j = k; j-- > i + 1; i++)
    {
      D8ChartItem item = g_array_index (model->items, D8ChartItem, i);
      D8ChartLabel label = g_array_index (model->rows, D8ChartLabel, i);

      g_array_index (model->items, D8ChartItem, i) = g_array_index (model->items, D8ChartItem, j);
      g_array_index (model->items, D8ChartItem, j) = item;
      g_array_index (model->rows, D8ChartLabel, i) = g_array_index (model->rows, D8ChartLabel, j);
      g_array_index (model->rows, D8ChartLabel, j) = label;
    }
}

static D8ChartModel *
model_of_rows (D8ChartKind kind, D8Overview *ov, const char *subject,
               D8ChartMatrixRow *rows, guint n, const D8Cell *totals, const char *totals_label,
               int indicator_index, D8ChartOrder order)
{
  order_rows (ov, rows, n, order);
  if (kind == D8_CHART_INDICATOR)
    {
      D8ChartModel *model;

      g_return_val_if_fail (indicator_index >= 0
                                && (guint) indicator_index < ov->indicators->len,
                            NULL);
      /* highest completion first, nothing to judge last */
      model = d8_chart_model_indicator_from_rows (ov, (guint) indicator_index, rows, n);
      switch (order)
        {
        case D8_CHART_ORDER_PLAN:
          break;
        case D8_CHART_ORDER_BEHIND:
          reverse_judged_rows (model);
          break;
        }
      return model;
    }
  return d8_chart_model_matrix_from_rows (ov, subject, rows, n, totals, totals_label);
}

/**
 * d8_chart_groups_model:
 * @kind: the matrix or the indicator chart
 * @overview: the figures
 * @rollup: the units grouped by parent (d8_store_compute_rollup())
 * @indicator_index: the indicator (indicator chart), -1 otherwise
 * @order: the rows in the plan's order or the most behind first
 *
 * Returns: (transfer full) (nullable): one row per group, its label the
 *   parent's name and "N units"; NULL for a kind without rows of units.
 */
D8ChartModel *
d8_chart_groups_model (D8ChartKind kind, D8Overview *overview, const D8Rollup *rollup,
                       int indicator_index, D8ChartOrder order)
{
  g_autofree D8ChartMatrixRow *rows = NULL;
  g_autoptr (GPtrArray) details = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (overview != NULL && rollup != NULL, NULL);
  if (!d8_chart_kind_has_unit_rows (kind))
    return NULL;

  rows = g_new0 (D8ChartMatrixRow, MAX (rollup->groups->len, 1));
  for (guint g = 0; g < rollup->groups->len; g++)
    {
      const D8RollupGroup *group = rollup->groups->pdata[g];
      char *detail
          = g_strdup_printf (ngettext ("%u unit", "%u units", group->units->len), group->units->len);

      g_ptr_array_add (details, detail);
      rows[g] = (D8ChartMatrixRow) { group->code, d8_rollup_group_label (group), detail,
                                     group->cells };
    }
  return model_of_rows (kind, overview, _("Units grouped by parent"), rows, rollup->groups->len,
                        NULL, NULL, indicator_index, order);
}

/**
 * d8_chart_group_units_model:
 * @kind: the matrix or the indicator chart
 * @overview: the figures
 * @rollup: the units grouped by parent
 * @group: index into @rollup->groups
 * @indicator_index: the indicator (indicator chart), -1 otherwise
 * @order: the plan's order or the most behind first
 *
 * Returns: (transfer full) (nullable): the group's units, the matrix with
 *   the group's subtotal as its totals row; NULL for a kind without rows
 *   or a group out of range.
 */
D8ChartModel *
d8_chart_group_units_model (D8ChartKind kind, D8Overview *overview,
                            const D8Rollup *rollup, guint group, int indicator_index,
                            D8ChartOrder order)
{
  const D8RollupGroup *g;
  g_autofree D8ChartMatrixRow *rows = NULL;
  guint n_ind = overview->indicators->len;

  g_return_val_if_fail (overview != NULL && rollup != NULL, NULL);
  if (!d8_chart_kind_has_unit_rows (kind) || group >= rollup->groups->len)
    return NULL;

  g = rollup->groups->pdata[group];
  rows = g_new0 (D8ChartMatrixRow, MAX (g->units->len, 1));
  for (guint r = 0; r < g->units->len; r++)
    {
      guint u = g_array_index (g->units, guint, r);
      const D8Unit *unit = overview->units->pdata[u];

      rows[r] = (D8ChartMatrixRow) { unit->code, unit->name, unit->kind, &overview->cells[u * n_ind] };
    }
  return model_of_rows (kind, overview, d8_rollup_group_label (g), rows, g->units->len, g->cells,
                        /* Translators: the totals row of a parent group's matrix */
                        _("Subtotal"), indicator_index, order);
}

/**
 * d8_chart_units_model:
 * @kind: the matrix or the indicator chart
 * @overview: the figures
 * @indicator_index: the indicator (indicator chart), -1 otherwise
 * @order: the plan's order or the most behind first
 *
 * Returns: (transfer full) (nullable): every unit; NULL for a kind without rows.
 */
D8ChartModel *
d8_chart_units_model (D8ChartKind kind, D8Overview *overview, int indicator_index,
                      D8ChartOrder order)
{
  g_autofree D8ChartMatrixRow *rows = NULL;
  guint n_ind = overview->indicators->len;

  g_return_val_if_fail (overview != NULL, NULL);
  if (!d8_chart_kind_has_unit_rows (kind))
    return NULL;
  rows = g_new0 (D8ChartMatrixRow, MAX (overview->units->len, 1));
  for (guint u = 0; u < overview->units->len; u++)
    {
      const D8Unit *unit = overview->units->pdata[u];

      rows[u] = (D8ChartMatrixRow) { unit->code, unit->name, unit->kind, &overview->cells[u * n_ind] };
    }
  return model_of_rows (kind, overview, _("All units"), rows, overview->units->len, NULL, NULL,
                        indicator_index, order);
}
