/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-layout-compare.c — one indicator across plans: a column per
 * plan year, its achieved bar (filled by status) inside the outline of its
 * quota, the quota marked, and the sum allocated to units marked where it
 * differs from the stated total; to the right, the phase (all years
 * together) on its own scale, which would otherwise dwarf every year.
 *
 * Under each column its words: the year, the figures, the status and the
 * two quotas, each kept to the column's width (wrapped, then ellipsized),
 * so no two labels can meet; the layout checks that and shrinks the font
 * if they would.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "d8-chart-layout-private.h"
#include "d8-format.h"

/* An item's bar and mark on its axis: counts against the quota; a percent
 * indicator as reached / group in % against its target. */
static void
measure (const D8ChartItem *item, double *value, double *mark)
{
  if (item->is_percent)
    {
      *value = item->group_size > 0 && isfinite (item->completion) ? item->completion * 100 : 0;
      *mark = isnan (item->target) ? NAN : item->target * 100;
      return;
    }
  *value = (double) item->achieved;
  *mark = item->has_quota ? (double) item->quota : NAN;
}

static double
highest (const D8ChartItem *item, const D8ChartAllocation *alloc)
{
  double value, mark, hi;

  if (item->code == NULL)
    return 0;
  measure (item, &value, &mark);
  hi = MAX (value, isnan (mark) ? 0 : mark);
  if (item->is_percent)
    return MAX (hi, 100);
  if (alloc->checked)
    hi = MAX (hi, (double) MAX (alloc->stated, alloc->allocated));
  return hi;
}

/* The words under a column, from its top at y = 0; returns their height. */
static double
add_column_words (D8ChartBuilder *b, const D8ChartItem *item, const D8ChartAllocation *alloc,
                  const char *heading, double cx, double width, int row, GArray *texts)
{
  double y = 0;
  guint t;

  t = d8_chart_builder_add_text (b, D8_CHART_TEXT_HEADER, heading, cx, y, width, 1, 0.5, 0, row, 0);
  g_array_append_val (texts, t);
  y += d8_chart_builder_text (b, t)->rect.height;
  if (item->code == NULL)
    {
      t = d8_chart_builder_add_text (b, D8_CHART_TEXT_NOTE, _("Not in this plan"), cx, y, width, 2,
                                     0.5, 0, row, 0);
      d8_chart_builder_text (b, t)->muted = TRUE;
      g_array_append_val (texts, t);
      return y + d8_chart_builder_text (b, t)->rect.height;
    }
  {
    g_autofree char *figures = d8_chart_item_bar_figures (item);

    t = d8_chart_builder_add_text (b, D8_CHART_TEXT_VALUE, figures, cx, y, width, 2, 0.5, 0, row,
                                   0);
    g_array_append_val (texts, t);
    y += d8_chart_builder_text (b, t)->rect.height;
  }
  t = d8_chart_builder_add_text (b, D8_CHART_TEXT_NOTE, d8_status_to_label (item->status), cx, y,
                                 width, 2, 0.5, 0, row, 0);
  g_array_append_val (texts, t);
  y += d8_chart_builder_text (b, t)->rect.height;
  if (alloc->checked)
    {
      g_autofree char *stated = d8_format_count (alloc->stated);
      g_autofree char *allocated = d8_format_count (alloc->allocated);
      /* Translators: under a year's column: the plan's stated total and the
       * sum of the units' quotas */
      g_autofree char *quotas = g_strdup_printf (_("stated %s · allocated %s"), stated, allocated);

      t = d8_chart_builder_add_text (b, D8_CHART_TEXT_NOTE, quotas, cx, y, width, 2, 0.5, 0, row,
                                     0);
      g_array_append_val (texts, t);
      y += d8_chart_builder_text (b, t)->rect.height;
    }
  return y;
}

/* Tick labels and grid lines of a vertical @axis left of @x, across @width. */
static void
add_vertical_axis (D8ChartBuilder *b, const D8ChartAxis *axis, double x, double width)
{
  for (guint i = 0; i < axis->ticks->len; i++)
    {
      double v = g_array_index (axis->ticks, double, i);
      double y = d8_chart_axis_position (axis, v);
      g_autofree char *label = d8_chart_axis_format_tick (axis, v);

      if (i > 0)
        d8_chart_builder_add_shape (b, D8_CHART_SHAPE_GRID_LINE, x, y, width, 0);
      d8_chart_builder_add_text (b, D8_CHART_TEXT_AXIS, label, x - b->f * 0.4, y, 0, 1, 1, 0.5,
                                 -1, -1);
    }
  d8_chart_builder_add_shape (b, D8_CHART_SHAPE_AXIS_LINE, x, axis->from, width, 0);
}

/* One column's bar, quota outline and marks; @row -1 is the phase. */
static void
add_column_bar (D8ChartBuilder *b, const D8ChartAxis *axis, const D8ChartItem *item,
                const D8ChartAllocation *alloc, double cx, double bw, int row)
{
  double value, mark, x = cx - bw / 2, bottom = axis->from;
  D8ChartShape *s;

  if (item->code == NULL)
    return;
  measure (item, &value, &mark);
  if (!isnan (mark) && mark > 0)
    d8_chart_builder_add_shape (b, D8_CHART_SHAPE_TRACK, x, d8_chart_axis_position (axis, mark), bw,
                                bottom - d8_chart_axis_position (axis, mark));
  s = d8_chart_builder_add_shape (b, D8_CHART_SHAPE_BAR, x, d8_chart_axis_position (axis, value), bw,
                                  bottom - d8_chart_axis_position (axis, value));
  s->status = item->status;
  s->row = row;
  s->column = 0;
  if (!isnan (mark))
    {
      s = d8_chart_builder_add_shape (b, D8_CHART_SHAPE_QUOTA_MARK, x - bw * 0.15,
                                      d8_chart_axis_position (axis, mark), bw * 1.3, 0);
      s->row = row;
      s->column = 0;
    }
  if (!item->is_percent && alloc->checked && alloc->difference != 0)
    {
      s = d8_chart_builder_add_shape (b, D8_CHART_SHAPE_ALLOCATION_MARK, x - bw * 0.15,
                                      d8_chart_axis_position (axis, (double) alloc->allocated),
                                      bw * 1.3, 0);
      s->row = row;
      s->column = 0;
    }
}

static gboolean
rects_meet (const D8ChartRect *a, const D8ChartRect *c)
{
  const double e = 0.5; /* touching edges are not overlapping */

  return a->x + e < c->x + c->width && c->x + e < a->x + a->width && a->y + e < c->y + c->height
         && c->y + e < a->y + a->height;
}

void
d8_chart_layout_compare (D8ChartBuilder *b)
{
  const D8ChartModel *model = b->model;
  D8ChartLayout *L = b->L;
  guint n = model->items->len;
  const D8ChartItem *phase = model->totals->len > 0 ? &g_array_index (model->totals, D8ChartItem, 0)
                                                    : NULL;
  const D8ChartAllocation *phase_alloc = &g_array_index (model->allocation, D8ChartAllocation, n);
  gboolean percent = phase != NULL && phase->is_percent;
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (guint));
  double y_top, legend_top, hi = 1, phase_hi = 1, axis_w, cw, gap, x0, x_phase, bw, block_h = 0;
  double plot_top, plot_bottom, W = L->width - 2 * b->m;
  D8ChartLegendItem legend[8];
  guint n_legend = 0;
  const D8Status order[] = { D8_STATUS_OVER, D8_STATUS_DONE, D8_STATUS_ON_TRACK, D8_STATUS_BEHIND,
                             D8_STATUS_NOT_STARTED, D8_STATUS_NO_QUOTA };

  y_top = d8_chart_builder_add_header (b);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    legend[n_legend++] = (D8ChartLegendItem) { D8_CHART_SHAPE_SWATCH, order[i], 0,
                                               d8_status_to_label (order[i]) };
  legend[n_legend++] = (D8ChartLegendItem) {
    D8_CHART_SHAPE_LEGEND_LINE, 0, D8_CHART_SHAPE_QUOTA_MARK,
    percent ? _("Target") : _("Quota: the stated total, else the allocation")
  };
  if (!percent)
    legend[n_legend++] = (D8ChartLegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0,
                                               D8_CHART_SHAPE_ALLOCATION_MARK,
                                               _("Allocated to units, where it differs") };
  legend_top = d8_chart_builder_add_legend (b, legend, n_legend);

  /* the two scales: the years, and the phase */
  for (guint i = 0; i < n; i++)
    hi = MAX (hi, highest (&g_array_index (model->items, D8ChartItem, i),
                           &g_array_index (model->allocation, D8ChartAllocation, i)));
  if (phase != NULL)
    phase_hi = MAX (phase_hi, highest (phase, phase_alloc));
  d8_chart_axis_set (&L->axis, 0, hi, 5, !percent, percent);
  d8_chart_axis_set (&L->total_axis, 0, phase_hi, 5, !percent, percent);

  /* room for the widest tick label of either scale */
  {
    g_autofree char *a = d8_chart_axis_format_tick (&L->axis, L->axis.max);
    g_autofree char *c = d8_chart_axis_format_tick (&L->total_axis, L->total_axis.max);
    double per_char = b->f * d8_chart_text_role_size (D8_CHART_TEXT_AXIS) * 0.62;

    axis_w = MAX (g_utf8_strlen (a, -1), g_utf8_strlen (c, -1)) * per_char + b->f * 1.0;
  }
  gap = b->f * 1.5;
  x0 = b->m + axis_w;
  cw = (W - 2 * axis_w - gap) / (n + 1);
  x_phase = x0 + n * cw + gap + axis_w;
  bw = MIN (cw * 0.45, b->f * 7);

  /* the words under the columns, measured first: they decide the plot's height */
  for (guint i = 0; i <= n; i++)
    {
      gboolean is_phase = i == n;
      const D8ChartItem *item = is_phase ? phase : &g_array_index (model->items, D8ChartItem, i);
      const D8ChartAllocation *alloc = &g_array_index (model->allocation, D8ChartAllocation, i);
      double cx = is_phase ? x_phase + cw / 2 : x0 + (i + 0.5) * cw, h;
      const char *heading = is_phase || item == NULL
                                ? (item ? item->name : "")
                                : g_array_index (model->rows, D8ChartLabel, i).name;

      if (item == NULL)
        continue;
      h = add_column_words (b, item, alloc, heading, cx, cw * 0.94, is_phase ? -1 : (int) i, words);
      block_h = MAX (block_h, h);
    }

  plot_top = y_top + b->f * 0.8;
  plot_bottom = legend_top - b->f * 1.0 - block_h - b->f * 0.5;
  if (plot_bottom - plot_top < b->f * 5)
    b->overflow = TRUE;
  L->plot = (D8ChartRect) { x0, plot_top, x_phase + cw - x0, MAX (plot_bottom - plot_top, 1) };
  L->axis.from = L->total_axis.from = plot_bottom;
  L->axis.to = L->total_axis.to = plot_top;

  for (guint w = 0; w < words->len; w++)
    d8_chart_builder_text (b, g_array_index (words, guint, w))->rect.y += plot_bottom + b->f * 0.5;

  add_vertical_axis (b, &L->axis, x0, n * cw);
  if (phase != NULL)
    add_vertical_axis (b, &L->total_axis, x_phase, cw);
  for (guint i = 0; i < n; i++)
    {
      double cx = x0 + (i + 0.5) * cw;

      add_column_bar (b, &L->axis, &g_array_index (model->items, D8ChartItem, i),
                      &g_array_index (model->allocation, D8ChartAllocation, i), cx, bw, (int) i);
      d8_chart_builder_add_hit (b, x0 + i * cw, plot_top, cw, plot_bottom - plot_top + block_h,
                                (int) i, 0);
    }
  if (phase != NULL)
    {
      add_column_bar (b, &L->total_axis, phase, phase_alloc, x_phase + cw / 2, bw, -1);
      d8_chart_builder_add_hit (b, x_phase, plot_top, cw, plot_bottom - plot_top + block_h, -1, 0);
    }

  /* no two labels may meet: if any do, the font shrinks and all is laid out again */
  for (guint i = 0; i < L->texts->len && !b->overflow; i++)
    for (guint j = i + 1; j < L->texts->len; j++)
      if (rects_meet (&g_array_index (L->texts, D8ChartText, i).rect,
                      &g_array_index (L->texts, D8ChartText, j).rect))
        {
          b->overflow = TRUE;
          break;
        }
}
