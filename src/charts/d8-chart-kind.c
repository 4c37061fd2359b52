/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-kind.c — the table of chart kinds (see d8-chart-kind.h).
 *
 * The unit chart is called "unit", as duan8-cli has always called it; the
 * window used to keep it as "progress" in GSettings, so that name stays an
 * alias here and in the schema.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "d8-chart-groups.h"
#include "d8-chart-kind.h"
#include "d8-rollup.h"

/* In the order of the window's list of charts. */
static const D8ChartKindInfo kinds[] = {
  {
    .kind = D8_CHART_UNIT_PROGRESS,
    .name = "unit",
    .alias = "progress",
    .label = N_("Progress against the unit’s quotas"),
    .scopes = D8_CHART_SCOPE_UNIT,
    .unit = D8_CHART_NEED_ONE,
    .indicator = D8_CHART_NEED_NONE,
  },
  {
    .kind = D8_CHART_MATRIX,
    .name = "matrix",
    .label = N_("Every unit against its quotas"),
    .scopes = D8_CHART_SCOPE_PROVINCE,
    .unit = D8_CHART_NEED_NONE,
    .indicator = D8_CHART_NEED_NONE,
  },
  {
    .kind = D8_CHART_INDICATOR,
    .name = "indicator",
    /* Translators: a chart of one indicator, one bar per unit */
    .label = N_("One indicator across units"),
    .scopes = D8_CHART_SCOPE_PROVINCE,
    .unit = D8_CHART_NEED_NONE,
    .indicator = D8_CHART_NEED_ONE,
  },
  {
    .kind = D8_CHART_TIMELINE,
    .name = "timeline",
    .label = N_("Progress through the year"),
    .scopes = D8_CHART_SCOPE_PROVINCE | D8_CHART_SCOPE_UNIT,
    .unit = D8_CHART_NEED_OPTIONAL,
    .indicator = D8_CHART_NEED_OPTIONAL,
  },
  {
    /* Shown by the Compare Plans view, not on a plan's pages: no scope. */
    .kind = D8_CHART_COMPARE,
    .name = "compare",
    /* Translators: a chart of one indicator, one column per plan year */
    .label = N_("One indicator across years"),
    .scopes = 0,
    .unit = D8_CHART_NEED_NONE,
    .indicator = D8_CHART_NEED_ONE,
  },
};

const D8ChartKindInfo *
d8_chart_kind_get_info (D8ChartKind kind)
{
  guint row = 0;

  /* Every kind listed, no default: a kind added to the enum and not to the
   * table is a compile-time warning here. */
  switch (kind)
    {
    case D8_CHART_UNIT_PROGRESS:
      row = 0;
      break;
    case D8_CHART_MATRIX:
      row = 1;
      break;
    case D8_CHART_INDICATOR:
      row = 2;
      break;
    case D8_CHART_TIMELINE:
      row = 3;
      break;
    case D8_CHART_COMPARE:
      row = 4;
      break;
    }
  g_assert (kinds[row].kind == kind);
  return &kinds[row];
}

const D8ChartKindInfo *
d8_chart_kind_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].name, name) || g_strcmp0 (kinds[i].alias, name) == 0)
      return &kinds[i];
  return NULL;
}

const D8ChartKindInfo *
d8_chart_kind_nth (D8ChartScope scope, guint n)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if ((kinds[i].scopes & scope) != 0 && n-- == 0)
      return &kinds[i];
  return NULL;
}

/* From one plan's overview, the compare chart compares every plan of the
 * store (or, without a store, that plan alone); duan8-cli and the Compare
 * Plans view choose the plans themselves (d8_chart_model_compare_new()). */
static D8ChartModel *
new_compare_model (D8Store *store, D8Overview *overview, int indicator_index, GError **error)
{
  g_autoptr (GPtrArray) overviews = g_ptr_array_new ();
  g_autoptr (D8PlanCompare) compare = NULL;
  const D8Indicator *indicator;
  int k;

  g_return_val_if_fail (indicator_index >= 0 && (guint) indicator_index < overview->indicators->len,
                        NULL);
  indicator = overview->indicators->pdata[indicator_index];
  if (D8_IS_STORE (store))
    {
      g_autoptr (GPtrArray) plans = d8_store_list_plans (store, error);
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (plans == NULL)
        return NULL;
      for (guint p = 0; p < plans->len; p++)
        g_array_append_val (ids, ((D8Plan *) plans->pdata[p])->id);
      compare = d8_store_compare_plans (store, ids, D8_COMPARE_BY_PROVINCE, overview->as_of, error);
    }
  else
    {
      g_ptr_array_add (overviews, overview);
      compare = d8_plan_compare_new (overviews, NULL, NULL, D8_COMPARE_BY_PROVINCE, error);
    }
  if (compare == NULL)
    return NULL;
  /* the indicator as matched in the plan of @overview */
  for (k = 0; (guint) k < compare->indicators->len; k++)
    for (guint p = 0; p < compare->overviews->len; p++)
      if (((D8Overview *) compare->overviews->pdata[p])->plan->id == overview->plan->id
          && ((D8CompareIndicator *) compare->indicators->pdata[k])->index[p] == indicator_index)
        return d8_chart_model_compare_new (compare, (guint) k);
  g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("Indicator %s is not in the comparison."),
               indicator->code);
  return NULL;
}

D8ChartModel *
d8_chart_kind_new_model (const D8ChartKindInfo *info, D8Store *store, D8Overview *overview,
                         int unit_index, int indicator_index, GError **error)
{
  g_autoptr (GArray) sums = NULL;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (overview != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (info->kind)
    {
    case D8_CHART_UNIT_PROGRESS:
      return d8_chart_model_unit_from_overview (overview, (guint) unit_index);
    case D8_CHART_MATRIX:
    case D8_CHART_INDICATOR:
      /* Past what a page shows legibly, and when the units have parents,
       * the chart shows the parent groups with their subtotals. */
      if (overview->units->len > D8_CHART_GROUP_ABOVE && D8_IS_STORE (store))
        {
          g_autoptr (D8Rollup) rollup = d8_store_compute_rollup (store, overview, error);

          if (rollup == NULL)
            return NULL;
          if (d8_rollup_is_grouped (rollup))
            return d8_chart_groups_model (info->kind, overview, rollup, indicator_index,
                                          D8_CHART_ORDER_PLAN);
        }
      if (info->kind == D8_CHART_INDICATOR)
        return d8_chart_model_indicator_from_overview (overview, (guint) indicator_index);
      return d8_chart_model_matrix_from_overview (overview);
    case D8_CHART_TIMELINE:
      g_return_val_if_fail (D8_IS_STORE (store), NULL);
      sums = d8_store_daily_sums (store, overview->plan->id, 0, 0, error);
      if (sums == NULL)
        return NULL;
      return d8_chart_model_timeline_from_overview (overview, sums, unit_index, indicator_index);
    case D8_CHART_COMPARE:
      return new_compare_model (store, overview, indicator_index, error);
    }
  g_return_val_if_reached (NULL);
}
