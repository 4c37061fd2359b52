/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-layout-timeline.c — the timeline: cumulative achieved through
 * the plan period as steps against the straight pace line to the quota
 * (or the target line of a percent indicator), months along the time
 * axis, the reporting dates and the as-of date marked; with every
 * indicator at once, each line in % of its quota with its code at its end.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "d8-chart-layout-private.h"
#include "d8-format.h"

static double
series_value_max (const D8ChartSeries *series)
{
  double hi = series->has_goal ? series->goal : 0;

  for (guint i = 0; i < series->points->len; i++)
    hi = MAX (hi, g_array_index (series->points, D8ChartPoint, i).value);
  return hi;
}

static int
iso_day (const D8ChartModel *model, const char *iso)
{
  GDate a, z;
  int y, mo, d;

  g_date_clear (&a, 1);
  g_date_clear (&z, 1);
  if (model->period_start == NULL || iso == NULL
      || sscanf (model->period_start, "%d-%d-%d", &y, &mo, &d) != 3 || !g_date_valid_dmy (d, mo, y))
    return -1;
  g_date_set_dmy (&a, d, mo, y);
  if (sscanf (iso, "%d-%d-%d", &y, &mo, &d) != 3 || !g_date_valid_dmy (d, mo, y))
    return -1;
  g_date_set_dmy (&z, d, mo, y);
  return g_date_days_between (&a, &z);
}

typedef struct
{
  guint text;
  double y;
} EndLabel;

static int
compare_end_label_cb (gconstpointer a, gconstpointer b)
{
  double ya = ((const EndLabel *) a)->y, yb = ((const EndLabel *) b)->y;
  return ya < yb ? -1 : ya > yb;
}

void
d8_chart_layout_timeline (D8ChartBuilder *b)
{
  const D8ChartModel *model = b->model;
  D8ChartLayout *L = b->L;
  gboolean single = model->series->len == 1;
  const D8ChartSeries *only = single ? model->series->pdata[0] : NULL;
  gboolean percent = !single || only->is_percent || only->percent_of_quota;
  D8ChartLegendItem legend[5];
  guint n_legend = 0;
  double top, bottom, hi = percent ? 100 : 1, y_label_w = 0, end_w = 0;
  double x0, x1, y0, y1, day_span = MAX (model->period_days - 1, 1);
  g_autoptr (GArray) end_labels = g_array_new (FALSE, FALSE, sizeof (EndLabel));
  int start_y, start_m, start_d;

  legend[n_legend++] = (D8ChartLegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0,
                                             D8_CHART_SHAPE_SERIES, _("Achieved, cumulative") };
  if (single && only->is_percent && !only->percent_of_quota)
    legend[n_legend++] = (D8ChartLegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0,
                                               D8_CHART_SHAPE_TARGET_LINE, _("Target") };
  else
    legend[n_legend++] = (D8ChartLegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0,
                                               D8_CHART_SHAPE_PACE, _("Even pace to the quota") };
  legend[n_legend++] = (D8ChartLegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0,
                                             D8_CHART_SHAPE_DATE_MARK, _("Reporting dates") };
  legend[n_legend++] = (D8ChartLegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0,
                                             D8_CHART_SHAPE_AS_OF_MARK, _("As of") };

  top = d8_chart_builder_add_header (b);
  bottom = d8_chart_builder_add_legend (b, legend, n_legend) - b->f * 0.6;

  for (guint s = 0; s < model->series->len; s++)
    hi = MAX (hi, series_value_max (model->series->pdata[s]));
  /* One runaway indicator (24 done of a quota of 3) must not flatten all
   * others: in % of quota the axis stops at 250 % and the line is cut at
   * the top of the plot, its marker and code still showing where it is. */
  if (percent && !single)
    hi = MIN (hi, 250);
  d8_chart_axis_set (&L->axis, 0, hi, MAX ((guint) ((bottom - top) / (b->f * 3.5)), 2), !percent,
                     percent);

  for (guint i = 0; i < L->axis.ticks->len; i++)
    {
      g_autofree char *label
          = d8_chart_axis_format_tick (&L->axis, g_array_index (L->axis.ticks, double, i));
      guint t = d8_chart_builder_add_text (b, D8_CHART_TEXT_AXIS, label, 0, 0, 0, 1, 0, 0, -1, -1);
      y_label_w = MAX (y_label_w, d8_chart_builder_text (b, t)->rect.width);
    }
  if (!single)
    for (guint s = 0; s < model->series->len; s++)
      {
        const D8ChartSeries *series = model->series->pdata[s];
        PangoLayout *probe = pango_layout_new (L->pango_context);
        PangoRectangle r;

        pango_layout_set_font_description (probe, b->fonts[D8_CHART_TEXT_LEGEND]);
        pango_layout_set_text (probe, series->code, -1);
        pango_layout_get_extents (probe, NULL, &r);
        end_w = MAX (end_w, (double) r.width / PANGO_SCALE);
        g_object_unref (probe);
      }

  x0 = b->m + y_label_w + b->f * 0.6;
  x1 = L->width - b->m - (end_w > 0 ? end_w + b->f * 1.6 : b->f * 0.5);
  y0 = top + b->f * 1.5; /* room for the reporting-date labels */
  y1 = bottom - b->f * 1.5;
  if (y1 - y0 < b->f * 8 || x1 - x0 < b->f * 20)
    b->overflow = TRUE;
  L->plot = (D8ChartRect) { x0, y0, MAX (x1 - x0, 1), MAX (y1 - y0, 1) };
  L->axis.from = y1;
  L->axis.to = y0;
  d8_chart_axis_set (&L->time_axis, 0, day_span, 1, TRUE, FALSE);
  L->time_axis.min = 0;
  L->time_axis.max = day_span;
  L->time_axis.from = x0;
  L->time_axis.to = x1;

  /* value axis: horizontal grid, labels right-aligned left of the plot */
  for (guint i = 0; i < L->axis.ticks->len; i++)
    {
      double v = g_array_index (L->axis.ticks, double, i);
      double y = d8_chart_axis_position (&L->axis, v);
      D8ChartText *t = d8_chart_builder_text (b, i + (b->L->texts->len - L->axis.ticks->len));

      d8_chart_builder_add_shape (b, D8_CHART_SHAPE_GRID_LINE, x0, y, x1 - x0, 0);
      t->rect.x = x0 - b->f * 0.4 - t->rect.width;
      t->rect.y = y - t->rect.height / 2;
    }

  /* time axis: a tick and label at the first of every month */
  if (model->period_start
      && sscanf (model->period_start, "%d-%d-%d", &start_y, &start_m, &start_d) == 3
      && g_date_valid_dmy (start_d, start_m, start_y))
    {
      GDate date;
      double month_w = (x1 - x0) / MAX (model->period_days / 30.4, 1);

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, start_m, start_y);
      if (start_d != 1)
        g_date_add_months (&date, 1);
      for (int guard = 0; guard < 60; guard++, g_date_add_months (&date, 1))
        {
          char iso[16];
          int day;
          double x;
          g_autoptr (GDateTime) dt = NULL;
          g_autofree char *label = NULL;
          guint t;

          g_snprintf (iso, sizeof iso, "%04d-%02d-01", g_date_get_year (&date),
                      g_date_get_month (&date));
          day = iso_day (model, iso);
          if (day < 0 || day > day_span)
            break;
          x = d8_chart_axis_position (&L->time_axis, day);
          d8_chart_builder_add_shape (b, D8_CHART_SHAPE_GRID_LINE, x, y0, 0, y1 - y0);
          dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), 1, 12, 0,
                                      0);
          /* Translators: month labels of the timeline axis, a g_date_time_format
           * format; Vietnamese might use "T%-m" (T1 … T12) */
          label = g_date_time_format (dt, C_("timeline month", "%b"));
          t = d8_chart_builder_add_text (b, D8_CHART_TEXT_AXIS, label, x + month_w / 2,
                                         y1 + b->f * 0.3, month_w, 1, 0.5, 0, -1, -1);
          d8_chart_builder_keep_on_page (b, t);
        }
    }
  d8_chart_builder_add_shape (b, D8_CHART_SHAPE_AXIS_LINE, x0, y1, x1 - x0, 0);
  d8_chart_builder_add_shape (b, D8_CHART_SHAPE_AXIS_LINE, x0, y0, 0, y1 - y0);

  /* reporting dates, then the as-of date */
  for (guint i = 0; i < model->report_dates->len; i++)
    {
      int day = iso_day (model, model->report_dates->pdata[i]);
      double x;
      g_autofree char *date = NULL;
      g_autofree char *label = NULL;
      guint t;

      if (day < 0 || day > day_span)
        continue;
      x = d8_chart_axis_position (&L->time_axis, day);
      d8_chart_builder_add_shape (b, D8_CHART_SHAPE_DATE_MARK, x, y0, 0, y1 - y0);
      date = d8_format_date (model->report_dates->pdata[i]);
      label = g_strdup_printf ("%s %s", (char *) model->report_labels->pdata[i], date);
      t = d8_chart_builder_add_text (b, D8_CHART_TEXT_AXIS, label, x, y0 - b->f * 0.2,
                                     (x1 - x0) * 0.45, 1, 0.5, 1, -1, -1);
      d8_chart_builder_keep_on_page (b, t);
    }
  {
    double x = d8_chart_axis_position (&L->time_axis, model->as_of_day);
    d8_chart_builder_add_shape (b, D8_CHART_SHAPE_AS_OF_MARK, x, y0, 0, y1 - y0);
  }

  /* pace: one straight line to the goal at the end of the period (shared
   * by every series when they are all in % of quota) */
  if (single && only->is_percent && !only->percent_of_quota && only->has_goal)
    {
      double y = d8_chart_axis_position (&L->axis, only->goal);
      d8_chart_builder_add_shape (b, D8_CHART_SHAPE_TARGET_LINE, x0, y, x1 - x0, 0);
    }
  else if (!single || only->has_goal)
    {
      double goal = single ? only->goal : 100;
      double y = d8_chart_axis_position (&L->axis, goal);
      d8_chart_builder_add_shape (b, D8_CHART_SHAPE_PACE, x0, y1, x1 - x0, y - y1);
    }

  for (guint s = 0; s < model->series->len; s++)
    {
      const D8ChartSeries *series = model->series->pdata[s];
      guint first = L->points->len;
      double prev = 0;
      D8ChartXY xy;
      D8ChartShape *shape;
      double end_x = d8_chart_axis_position (&L->time_axis, model->as_of_day);
      double marker = b->f * 0.75;

      /* Cumulative figures only change on days with entries: steps. */
      xy = (D8ChartXY) { x0, d8_chart_axis_position (&L->axis, 0) };
      g_array_append_val (L->points, xy);
      for (guint i = 0; i < series->points->len; i++)
        {
          const D8ChartPoint *p = &g_array_index (series->points, D8ChartPoint, i);
          double x = d8_chart_axis_position (&L->time_axis, p->day);

          xy = (D8ChartXY) { x, d8_chart_axis_position (&L->axis, prev) };
          g_array_append_val (L->points, xy);
          xy = (D8ChartXY) { x, d8_chart_axis_position (&L->axis, p->value) };
          g_array_append_val (L->points, xy);
          prev = p->value;
        }
      xy = (D8ChartXY) { end_x, d8_chart_axis_position (&L->axis, prev) };
      g_array_append_val (L->points, xy);
      shape = d8_chart_builder_add_shape (b, D8_CHART_SHAPE_SERIES, 0, 0, 0, 0);
      shape->series = s;
      shape->first_point = first;
      shape->n_points = L->points->len - first;
      shape->row = (int) s;
      xy.y = MAX (xy.y, y0);
      shape = d8_chart_builder_add_shape (b, D8_CHART_SHAPE_MARKER, end_x - marker / 2,
                                          xy.y - marker / 2, marker, marker);
      shape->series = s;
      shape->row = (int) s;
      d8_chart_builder_add_hit (b, end_x - marker, xy.y - marker, 2 * marker, 2 * marker, (int) s,
                                0);
      if (!single)
        {
          EndLabel label;

          label.text = d8_chart_builder_add_text (b, D8_CHART_TEXT_LEGEND, series->code,
                                                  MIN (end_x + marker, x1) + b->f * 0.5, xy.y, 0, 1,
                                                  0, 0.5, (int) s, 0);
          label.y = xy.y;
          g_array_append_val (end_labels, label);
        }
    }

  /* Direct labels at the right edge, pushed apart so none overlap; a thin
   * leader is not needed because each label sits at its line's height. */
  g_array_sort (end_labels, compare_end_label_cb);
  {
    double next = y0 - b->f * 0.5;
    for (guint i = 0; i < end_labels->len; i++)
      {
        D8ChartText *t = d8_chart_builder_text (b, g_array_index (end_labels, EndLabel, i).text);
        double h = t->rect.height;
        t->rect.y = MAX (t->rect.y, next);
        next = t->rect.y + h;
      }
    /* and back up if the last ones fell below the plot */
    for (guint i = end_labels->len; i-- > 0;)
      {
        D8ChartText *t = d8_chart_builder_text (b, g_array_index (end_labels, EndLabel, i).text);
        double limit
            = i + 1 < end_labels->len
                  ? d8_chart_builder_text (b, g_array_index (end_labels, EndLabel, i + 1).text)
                            ->rect.y
                        - t->rect.height
                  : y1 - t->rect.height / 2;
        t->rect.y = MIN (t->rect.y, limit);
      }
  }
}
