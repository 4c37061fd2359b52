/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-layout-indicator.c — one indicator across units: a bar per unit
 * on the indicator's own counts (or in % for a percent indicator), each
 * against its unit's quota; below, the province total on its own scale
 * against the plan's stated total, with the sum allocated to units marked
 * where it differs.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "d8-chart-layout-private.h"

static char *
indicator_row_label (const D8ChartItem *item)
{
  return g_strdup (item->name);
}

static void
measure_counts (const D8ChartItem *item, double *value, double *mark)
{
  *value = (double) item->achieved;
  *mark = item->has_quota ? (double) item->quota : NAN;
}

/* The province against the plan's stated total, on its own scale (128
 * would dwarf every unit's bar), with the allocated sum. */
static void
add_province_total (D8ChartBuilder *b, const D8ChartBarRows *rows, const D8ChartBarFrame *frame)
{
  const D8ChartModel *model = b->model;
  D8ChartLayout *L = b->L;
  const D8ChartItem *total = &g_array_index (model->totals, D8ChartItem, 0);
  const D8ChartAllocation *alloc = &g_array_index (model->allocation, D8ChartAllocation, 0);
  double W = frame->width, x_plot = frame->x_plot, x_end = frame->x_end;
  double y = frame->footer_y + b->f * 0.6;
  /* The plan's totals row names count targets; a percent target is
   * stated elsewhere (section II), so it gets the plain heading. */
  g_autofree char *heading = total->is_percent || model->target_label == NULL
                                 ? g_strdup (_("Province total"))
                                 : g_strdup_printf (_("Province total (%s)"), model->target_label);
  g_autofree char *value = d8_chart_item_bar_text (total);
  double thi, v, mark;
  D8ChartRect row;
  guint t;

  t = d8_chart_builder_add_text (b, D8_CHART_TEXT_HEADER, heading, b->m, y, W, 1, 0, 0, -1, 0);
  y += d8_chart_builder_text (b, t)->rect.height;
  row = (D8ChartRect) { x_plot, y, x_end - x_plot, b->f * 2.0 };
  if (total->is_percent)
    thi = MAX (100, total->group_size > 0 ? total->completion * 100 : 0);
  else
    thi = MAX (MAX ((double) total->quota, (double) total->achieved), (double) alloc->allocated);
  d8_chart_axis_set (&L->total_axis, 0, MAX (thi, 1), MAX ((guint) (row.width / (b->f * 5)), 2),
                     !total->is_percent, total->is_percent);
  L->total_axis.from = x_plot;
  L->total_axis.to = x_end;
  d8_chart_builder_add_text (b, D8_CHART_TEXT_VALUE, value, x_end + b->f * 1.6, y + row.height / 2,
                             W * 0.26, 1, 0, 0.5, -1, 0);
  /* Unlike a unit's row, the total has a bar even with no quota stated. */
  d8_chart_bar_rows_measure (rows, total, &v, &mark);
  d8_chart_builder_add_bar (b, &L->total_axis, row, v, mark,
                            !total->is_percent || total->group_size > 0, total->status,
                            total->is_percent ? _("Nothing recorded yet") : NULL, -1, 0);
  d8_chart_builder_add_axis_labels (b, &L->total_axis, y, y + row.height,
                                    y + row.height + b->f * 0.2, FALSE);
  if (alloc->checked && alloc->difference != 0)
    {
      double ax = d8_chart_axis_position (&L->total_axis, (double) alloc->allocated);
      g_autofree char *note = d8_chart_allocation_note (alloc, NULL);
      D8ChartShape *s = d8_chart_builder_add_shape (b, D8_CHART_SHAPE_ALLOCATION_MARK, ax,
                                                    y - b->f * 0.2, 0, row.height + b->f * 0.4);
      s->row = -1;
      s->column = 0;
      /* under the tick labels of the total's axis */
      d8_chart_builder_add_text (b, D8_CHART_TEXT_NOTE, note, x_plot, y + row.height + b->f * 1.6,
                                 x_end - x_plot, 2, 0, 0, -1, 0);
    }
}

void
d8_chart_layout_indicator (D8ChartBuilder *b)
{
  const D8ChartModel *model = b->model;
  const D8ChartItem *first
      = model->items->len > 0 ? &g_array_index (model->items, D8ChartItem, 0) : NULL;
  D8ChartBarRows rows = {
    .percent_axis = first != NULL && first->is_percent,
    .label_share = 0.22,
    .footer_height = model->totals->len > 0 ? b->f * 7.2 : 0,
    .label = indicator_row_label,
    .measure = measure_counts,
  };
  D8ChartBarFrame frame;

  d8_chart_builder_add_bar_rows (b, &rows, &frame);
  if (rows.footer_height > 0)
    add_province_total (b, &rows, &frame);
}
