/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-layout-unit.c — the unit chart: a bar per indicator of one
 * unit, on an axis in % of each indicator's own quota (so indicators
 * counted in different things share one axis), the quota mark at 100 %.
 */
#include "config.h"

#include "d8-chart-layout-private.h"

static char *
unit_row_label (const D8ChartItem *item)
{
  return g_strdup_printf ("%s. %s", item->code, item->name);
}

static void
measure_against_quota (const D8ChartItem *item, double *value, double *mark)
{
  *value = item->has_quota && item->quota > 0 ? item->completion * 100 : 0;
  *mark = 100;
}

void
d8_chart_layout_unit (D8ChartBuilder *b)
{
  static const D8ChartBarRows rows = {
    .percent_axis = TRUE,
    .label_share = 0.34,
    .footer_height = 0,
    .label = unit_row_label,
    .measure = measure_against_quota,
  };
  D8ChartBarFrame frame;

  d8_chart_builder_add_bar_rows (b, &rows, &frame);
}
