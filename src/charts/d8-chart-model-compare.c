/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-model-compare.c — the model of the "compare" chart: one
 * indicator across the compared plans (d8-plan-compare.h), a column per
 * plan and one for the phase, and its words for tooltips and the
 * accessible description.
 *
 * The model's arrays for this kind: rows = one label per plan (code, the
 * year, the document number); items = one per plan, the province's figures
 * (code NULL where the plan does not have the indicator); totals = one, the
 * phase; allocation = one per plan and then the phase (stated total and
 * sum allocated). Nothing is computed here: the figures are the core's.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "d8-chart-model.h"
#include "d8-entry.h"
#include "d8-format.h"

static void
fill_item (D8ChartItem *item, D8ChartAllocation *alloc, const D8CompareFigures *fig,
           const D8Indicator *indicator, const char *name)
{
  item->name = g_strdup (name);
  item->target = NAN;
  item->completion = NAN;
  item->status = D8_STATUS_NO_QUOTA;
  if (!fig->present || indicator == NULL)
    return;
  item->code = g_strdup (indicator->code);
  item->count_unit = g_strdup (indicator->count_unit);
  item->is_percent = d8_indicator_kind_counts_women (indicator->kind);
  item->has_quota = fig->cell.has_quota;
  item->quota = fig->cell.quota;
  item->achieved = fig->cell.achieved;
  item->group_size = fig->cell.group_size;
  item->target = item->is_percent && indicator->has_target ? indicator->target / 100.0 : NAN;
  item->completion = fig->cell.completion;
  item->status = fig->cell.status;
  alloc->checked = fig->has_stated && fig->any_allocated;
  alloc->stated = fig->stated;
  alloc->allocated = fig->allocated;
  alloc->difference = fig->stated - fig->allocated;
}

/**
 * d8_chart_model_compare_new:
 * @compare: a comparison of plans
 * @indicator: an index into compare->indicators
 *
 * The model of the "compare" chart of one indicator: the province's
 * figures of each plan, and the phase. Copies everything it shows.
 *
 * Returns: (transfer full): the model.
 */
D8ChartModel *
d8_chart_model_compare_new (const D8PlanCompare *compare, guint indicator)
{
  const D8CompareIndicator *ind;
  D8ChartModel *model;
  guint n_plans;
  const D8Indicator *latest = NULL;
  const D8Plan *first, *last;

  g_return_val_if_fail (compare != NULL, NULL);
  g_return_val_if_fail (indicator < compare->indicators->len, NULL);

  ind = compare->indicators->pdata[indicator];
  n_plans = d8_plan_compare_n_plans (compare);
  first = ((D8Overview *) compare->overviews->pdata[0])->plan;
  last = ((D8Overview *) compare->overviews->pdata[n_plans - 1])->plan;
  model = d8_chart_model_new (D8_CHART_COMPARE);
  model->subject = g_strdup_printf ("%s. %s", ind->code, ind->name);
  /* the plans' years stand where one plan's number stands on other charts */
  model->doc_number = first->year == last->year ? g_strdup_printf ("%d", first->year)
                                                : g_strdup_printf ("%d–%d", first->year, last->year);
  model->as_of = g_strdup (compare->as_of);
  model->expected = compare->phase_expected;
  model->period_start = g_strdup (first->period_start);
  model->period_end = g_strdup (last->period_end);

  for (guint p = 0; p < n_plans; p++)
    {
      const D8Overview *ov = compare->overviews->pdata[p];
      const D8Indicator *indicator_p = ind->index[p] >= 0 ? ov->indicators->pdata[ind->index[p]]
                                                          : NULL;
      g_autofree char *year = g_strdup_printf ("%d", ov->plan->year);
      D8ChartLabel label = { g_strdup (ov->plan->code), g_strdup (year),
                             g_strdup (ov->plan->doc_number) };
      D8ChartItem item = { 0 };
      D8ChartAllocation alloc = { 0 };

      fill_item (&item, &alloc, d8_plan_compare_figures (compare, NULL, p, indicator), indicator_p,
                 year);
      if (indicator_p != NULL)
        latest = indicator_p;
      g_array_append_val (model->rows, label);
      g_array_append_val (model->items, item);
      g_array_append_val (model->allocation, alloc);
    }
  {
    D8ChartItem phase = { 0 };
    D8ChartAllocation alloc = { 0 };

    /* Translators: the column of the sums over all compared plans */
    fill_item (&phase, &alloc, d8_plan_compare_figures (compare, NULL, n_plans, indicator), latest,
               _("All years"));
    g_array_append_val (model->totals, phase);
    g_array_append_val (model->allocation, alloc);
  }
  return model;
}

/* "stated 12, allocated to units 10", or what there is of it. */
static void
append_quotas (GString *out, const D8ChartItem *item, const D8ChartAllocation *alloc)
{
  g_autofree char *stated = d8_format_count (alloc->stated);
  g_autofree char *allocated = d8_format_count (alloc->allocated);

  if (item->is_percent)
    return;
  if (alloc->checked)
    /* Translators: the two quotas of a plan: its stated total and the sum
     * of the units' quotas */
    g_string_append_printf (out, _("stated %s, allocated to units %s; "), stated, allocated);
  else if (item->has_quota)
    {
      g_autofree char *quota = d8_format_count (item->quota);
      /* Translators: a plan that states no total: only the sum of the units' quotas */
      g_string_append_printf (out, _("allocated to units %s; "), quota);
    }
}

static void
append_words (GString *out, const D8ChartItem *item, const D8ChartAllocation *alloc)
{
  g_autofree char *achieved = d8_format_count (item->achieved);

  if (item->code == NULL)
    {
      g_string_append (out, _("not in this plan"));
      return;
    }
  append_quotas (out, item, alloc);
  if (item->is_percent)
    {
      g_autofree char *group = d8_format_count (item->group_size);
      g_autofree char *percent = d8_format_percent (item->completion, 1);

      if (item->group_size <= 0)
        g_string_append (out, _("nothing recorded yet"));
      else
        g_string_append_printf (out, _("%s of %s reached (%s)"), achieved, group, percent);
      if (!isnan (item->target))
        {
          g_autofree char *target = d8_format_percent (item->target, 0);
          g_string_append (out, ", ");
          g_string_append_printf (out, _("target %s"), target);
        }
    }
  else if (!item->has_quota || item->quota == 0)
    /* Translators: what was achieved where there is no quota to judge it by */
    g_string_append_printf (out, _("achieved %s"), achieved);
  else
    {
      g_autofree char *quota = d8_format_count (item->quota);
      g_autofree char *percent = d8_format_percent (item->completion, 0);

      /* Translators: "achieved 10 of 12 (83 %)" */
      g_string_append_printf (out, _("achieved %s of %s (%s)"), achieved, quota, percent);
    }
  g_string_append (out, ", ");
  g_string_append (out, d8_status_to_label (item->status));
}

/**
 * d8_chart_model_compare_describe_item:
 * @model: a model of the compare chart
 * @row: a plan's index, or -1 for the phase
 *
 * Returns: (transfer full): that column in words, with its figures:
 *   "2023 (11/KH-UBND): stated 12, allocated to units 10; achieved 10 of
 *   12 (83 %), behind".
 */
char *
d8_chart_model_compare_describe_item (const D8ChartModel *model, int row)
{
  GString *out = g_string_new (NULL);
  guint n_plans = model->rows->len;

  if (row < 0 && model->totals->len > 0)
    {
      /* Translators: the phase column in words; %s is the years, "2023–2026" */
      g_string_append_printf (out, _("All years %s together: "), model->doc_number);
      append_words (out, &g_array_index (model->totals, D8ChartItem, 0),
                    &g_array_index (model->allocation, D8ChartAllocation, n_plans));
    }
  else if (row >= 0 && (guint) row < n_plans)
    {
      const D8ChartLabel *plan = &g_array_index (model->rows, D8ChartLabel, row);

      g_string_append_printf (out, "%s (%s): ", plan->name, plan->detail);
      append_words (out, &g_array_index (model->items, D8ChartItem, row),
                    &g_array_index (model->allocation, D8ChartAllocation, row));
    }
  return g_string_free (out, FALSE);
}

/**
 * d8_chart_model_compare_describe:
 * @model: a model of the compare chart
 * @out: the description so far (title and subtitle)
 *
 * Appends a line per plan and one for the phase, with every figure.
 */
void
d8_chart_model_compare_describe (const D8ChartModel *model, GString *out)
{
  for (guint r = 0; r < model->rows->len; r++)
    {
      g_autofree char *words = d8_chart_model_compare_describe_item (model, (int) r);
      g_string_append_printf (out, "\n%s.", words);
    }
  if (model->totals->len > 0)
    {
      g_autofree char *words = d8_chart_model_compare_describe_item (model, -1);
      g_string_append_printf (out, "\n%s.", words);
    }
}
