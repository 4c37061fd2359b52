/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-layout-bars.c — the bar rows that the unit chart and the
 * indicator chart share: a label, a bar against a quota or target mark on
 * one value axis, and the figures with the status in words beside it.
 * What differs between the two kinds is said by a D8ChartBarRows in
 * d8-chart-layout-unit.c and d8-chart-layout-indicator.c.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "d8-chart-layout-private.h"
#include "d8-format.h"

void
d8_chart_builder_add_axis_labels (D8ChartBuilder *b, const D8ChartAxis *axis, double top,
                                  double bottom, double label_y, gboolean grid)
{
  for (guint i = 0; i < axis->ticks->len; i++)
    {
      double v = g_array_index (axis->ticks, double, i);
      double x = d8_chart_axis_position (axis, v);
      g_autofree char *label = d8_chart_axis_format_tick (axis, v);
      guint t;

      if (grid)
        d8_chart_builder_add_shape (b, D8_CHART_SHAPE_GRID_LINE, x, top, 0, bottom - top);
      t = d8_chart_builder_add_text (b, D8_CHART_TEXT_AXIS, label, x, label_y, 0, 1, 0.5, 0, -1,
                                     -1);
      /* keep the first and last labels on the page */
      d8_chart_builder_keep_on_page (b, t);
    }
}

void
d8_chart_builder_add_bar (D8ChartBuilder *b, const D8ChartAxis *axis, D8ChartRect row, double value,
                          double mark, gboolean has_bar, D8Status status, const char *note,
                          int row_index, int column)
{
  double bh = MIN (row.height * 0.56, b->f * 1.5);
  double by = row.y + (row.height - bh) / 2;
  double x0 = d8_chart_axis_position (axis, axis->min);

  d8_chart_builder_add_hit (b, row.x, row.y, row.width, row.height, row_index, column);
  if (!has_bar)
    {
      guint t = d8_chart_builder_add_text (b, D8_CHART_TEXT_NOTE, note, x0 + b->f * 0.3,
                                           row.y + row.height / 2, axis->to - x0 - b->f * 0.3, 1, 0,
                                           0.5, row_index, column);
      d8_chart_builder_text (b, t)->muted = TRUE;
      return;
    }
  if (!isnan (mark))
    {
      D8ChartShape *track = d8_chart_builder_add_shape (
          b, D8_CHART_SHAPE_TRACK, x0, by,
          d8_chart_axis_position (axis, MIN (mark, axis->max)) - x0, bh);
      track->row = row_index;
      track->column = column;
    }
  {
    double shown = CLAMP (value, axis->min, axis->max);
    D8ChartShape *bar = d8_chart_builder_add_shape (b, D8_CHART_SHAPE_BAR, x0, by,
                                                    d8_chart_axis_position (axis, shown) - x0, bh);
    bar->status = status;
    bar->row = row_index;
    bar->column = column;
    if (value > axis->max)
      {
        D8ChartShape *arrow
            = d8_chart_builder_add_shape (b, D8_CHART_SHAPE_OVERFLOW, axis->to, by, bh * 0.6, bh);
        arrow->row = row_index;
        arrow->column = column;
      }
  }
  if (!isnan (mark) && mark <= axis->max)
    {
      double mx = d8_chart_axis_position (axis, mark);
      D8ChartShape *q = d8_chart_builder_add_shape (b, D8_CHART_SHAPE_QUOTA_MARK, mx, by - bh * 0.3,
                                                    0, bh * 1.6);
      q->row = row_index;
      q->column = column;
    }
}

char *
d8_chart_item_bar_figures (const D8ChartItem *item)
{
  g_autofree char *figures = d8_chart_item_format_figures (item);

  if (item->is_percent && item->group_size > 0)
    {
      g_autofree char *reached = d8_format_count (item->achieved);
      g_autofree char *group = d8_format_count (item->group_size);

      /* e.g. "40/100 · 40 % / 80 %": women reached of the group, then
       * the share reached / the plan's target, as in every matrix */
      return g_strdup_printf ("%s/%s · %s", reached, group, figures);
    }
  if (!item->has_quota || item->quota == 0)
    return g_steal_pointer (&figures);
  {
    g_autofree char *percent = d8_format_percent (item->completion, 0);
    return g_strdup_printf ("%s · %s", figures, percent);
  }
}

/* Figures and the status in words: the status is readable without colour. */
char *
d8_chart_item_bar_text (const D8ChartItem *item)
{
  g_autofree char *figures = d8_chart_item_bar_figures (item);

  if (item->status == D8_STATUS_NO_QUOTA)
    return g_steal_pointer (&figures);
  return g_strdup_printf ("%s · %s", figures, d8_status_to_label (item->status));
}

static const char *
bar_note (const D8ChartItem *item)
{
  if (item->is_percent && item->group_size <= 0)
    return _("Nothing recorded yet");
  if (!item->is_percent && !item->has_quota)
    return _("No quota");
  if (!item->is_percent && item->quota == 0)
    return _("Quota 0: nothing asked");
  return NULL;
}

void
d8_chart_bar_rows_measure (const D8ChartBarRows *rows, const D8ChartItem *item, double *value,
                           double *mark)
{
  if (item->is_percent)
    {
      *value = item->group_size > 0 ? item->completion * 100 : 0;
      *mark = isnan (item->target) ? NAN : item->target * 100;
    }
  else
    rows->measure (item, value, mark);
}

void
d8_chart_builder_add_bar_rows (D8ChartBuilder *b, const D8ChartBarRows *rows,
                               D8ChartBarFrame *frame)
{
  const D8ChartModel *model = b->model;
  D8ChartLayout *L = b->L;
  guint n = model->items->len;
  double top = d8_chart_builder_add_header (b);
  double bottom = d8_chart_builder_add_status_legend (b, TRUE, TRUE) - b->f * 0.8;
  double W = L->width - 2 * b->m;
  double label_w = 0, value_w = 0, hi = 0, axis_h = b->f * 1.6;
  double row_h, x_plot, x_end;
  g_autoptr (GArray) label_idx = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) value_idx = g_array_new (FALSE, FALSE, sizeof (guint));
  guint max_lines;

  row_h = n > 0 ? (bottom - top - axis_h - rows->footer_height) / n : 0;
  if (row_h < b->f * 1.45)
    {
      b->overflow = TRUE;
      b->short_by = (b->f * 1.8 - row_h) * n;
      b->rows_need = b->f * 1.8 * n;
    }
  row_h = MIN (row_h, b->f * 4.2);
  L->scroll_top = top;
  L->scroll_bottom = top + n * row_h;
  L->row_pitch = row_h;
  /* As many lines as the row holds, so that a long name (the SM
   * indicator's) wraps rather than being cut. */
  max_lines = row_h >= b->f * 3.9 ? 3 : row_h >= b->f * 2.7 ? 2 : 1;

  /* Labels and values first: their widths decide where the plot goes. */
  for (guint r = 0; r < n; r++)
    {
      const D8ChartItem *item = &g_array_index (model->items, D8ChartItem, r);
      g_autofree char *label = rows->label (item);
      g_autofree char *value = d8_chart_item_bar_text (item);
      double v, mark;
      guint t;

      t = d8_chart_builder_add_text (b, D8_CHART_TEXT_LABEL, label, 0, 0, W * rows->label_share,
                                     max_lines, 0, 0, (int) r, 0);
      /* A name that does not fit even wrapped is shown by its code, as the
       * plan abbreviates it ("SM"), not cut; tooltips and the description
       * give it whole. */
      if (d8_chart_builder_text (b, t)->ellipsized && item->code != NULL && item->code[0] != '\0')
        {
          d8_chart_builder_drop_last_text (b);
          t = d8_chart_builder_add_text (b, D8_CHART_TEXT_LABEL, item->code, 0, 0,
                                         W * rows->label_share, 1, 0, 0, (int) r, 0);
        }
      label_w = MAX (label_w, d8_chart_builder_text (b, t)->rect.width);
      g_array_append_val (label_idx, t);
      t = d8_chart_builder_add_text (b, D8_CHART_TEXT_VALUE, value, 0, 0, W * 0.3, 1, 0, 0, (int) r,
                                     0);
      value_w = MAX (value_w, d8_chart_builder_text (b, t)->rect.width);
      g_array_append_val (value_idx, t);

      d8_chart_bar_rows_measure (rows, item, &v, &mark);
      hi = MAX (hi, v);
      if (!isnan (mark))
        hi = MAX (hi, mark);
    }
  if (rows->percent_axis)
    hi = MIN (MAX (hi, 100), 300); /* beyond 3× the quota an arrow says "more" */

  x_plot = b->m + label_w + b->f * 0.8;
  x_end = L->width - b->m - value_w - b->f * 1.6;
  if (x_end - x_plot < W * 0.25)
    b->overflow = TRUE;
  L->plot = (D8ChartRect) { x_plot, top, MAX (x_end - x_plot, 1), n * row_h };
  d8_chart_axis_set (&L->axis, 0, MAX (hi, 1), MAX ((guint) (L->plot.width / (b->f * 5)), 2),
                     !rows->percent_axis, rows->percent_axis);
  L->axis.from = x_plot;
  L->axis.to = x_end;

  d8_chart_builder_add_axis_labels (b, &L->axis, top, top + n * row_h, top + n * row_h + b->f * 0.3,
                                    TRUE);
  d8_chart_builder_add_shape (b, D8_CHART_SHAPE_AXIS_LINE, x_plot, top, 0, n * row_h);

  for (guint r = 0; r < n; r++)
    {
      const D8ChartItem *item = &g_array_index (model->items, D8ChartItem, r);
      D8ChartRect row = { x_plot, top + r * row_h, x_end - x_plot, row_h };
      D8ChartText *label = d8_chart_builder_text (b, g_array_index (label_idx, guint, r));
      D8ChartText *value = d8_chart_builder_text (b, g_array_index (value_idx, guint, r));
      const char *note = bar_note (item);
      double v, mark;

      label->rect.x = b->m;
      label->rect.y = row.y + (row_h - label->rect.height) / 2;
      value->rect.x = x_end + b->f * 1.6;
      value->rect.y = row.y + (row_h - value->rect.height) / 2;

      d8_chart_bar_rows_measure (rows, item, &v, &mark);
      d8_chart_builder_add_bar (b, &L->axis, row, v, mark, note == NULL, item->status, note,
                                (int) r, 0);
    }

  frame->width = W;
  frame->x_plot = x_plot;
  frame->x_end = x_end;
  frame->footer_y = top + n * row_h + axis_h;
  if (frame->footer_y + rows->footer_height > bottom + 0.5)
    b->overflow = TRUE;
}
