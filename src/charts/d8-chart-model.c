/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-model.c — filling chart models from the core's overview, and
 * saying in words what a chart shows (accessible descriptions, tooltips).
 *
 * Nothing here computes progress: completion and status come from the core
 * (d8-progress.c) so a chart never disagrees with the table beside it.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-chart-model.h"
#include "d8-entry.h"
#include "d8-format.h"

static void
clear_label (gpointer data)
{
  D8ChartLabel *label = data;

  g_free (label->code);
  g_free (label->name);
  g_free (label->detail);
}

static void
clear_item (gpointer data)
{
  D8ChartItem *item = data;

  g_free (item->code);
  g_free (item->name);
  g_free (item->count_unit);
}

static void
series_free (gpointer data)
{
  D8ChartSeries *series = data;

  g_free (series->code);
  g_free (series->name);
  g_clear_pointer (&series->points, g_array_unref);
  g_free (series);
}

static GArray *
new_array (gsize size, GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, size);

  if (clear)
    g_array_set_clear_func (array, clear);
  return array;
}

D8ChartModel *
d8_chart_model_new (D8ChartKind kind)
{
  D8ChartModel *model = g_new0 (D8ChartModel, 1);

  model->kind = kind;
  model->rows = new_array (sizeof (D8ChartLabel), clear_label);
  model->columns = new_array (sizeof (D8ChartLabel), clear_label);
  model->items = new_array (sizeof (D8ChartItem), clear_item);
  model->totals = new_array (sizeof (D8ChartItem), clear_item);
  model->allocation = new_array (sizeof (D8ChartAllocation), NULL);
  model->extras = new_array (sizeof (D8ChartItem), clear_item);
  model->series = g_ptr_array_new_with_free_func (series_free);
  model->report_dates = g_ptr_array_new_with_free_func (g_free);
  model->report_labels = g_ptr_array_new_with_free_func (g_free);
  model->expected = 1.0;
  return model;
}

void
d8_chart_model_free (D8ChartModel *model)
{
  if (model == NULL)
    return;
  g_free (model->doc_number);
  g_free (model->plan_title);
  g_free (model->subject);
  g_free (model->as_of);
  g_free (model->period_start);
  g_free (model->period_end);
  g_free (model->target_label);
  g_array_unref (model->rows);
  g_array_unref (model->columns);
  g_array_unref (model->items);
  g_array_unref (model->totals);
  g_array_unref (model->allocation);
  g_array_unref (model->extras);
  g_ptr_array_unref (model->series);
  g_ptr_array_unref (model->report_dates);
  g_ptr_array_unref (model->report_labels);
  g_free (model);
}

D8ChartItem *
d8_chart_model_get_item (const D8ChartModel *model, guint row, guint column)
{
  guint n_columns;

  g_return_val_if_fail (model != NULL, NULL);

  n_columns = model->kind == D8_CHART_MATRIX ? model->columns->len : 1;
  g_return_val_if_fail (row < model->rows->len && column < MAX (n_columns, 1), NULL);
  return &g_array_index (model->items, D8ChartItem, row * n_columns + column);
}

/* ------------------------------------------------------------ filling */

static int
iso_to_julian (const char *iso)
{
  if (iso == NULL || strlen (iso) < 10)
    return 0;
  {
    int y = atoi (iso), m = atoi (iso + 5), d = atoi (iso + 8);

    if (!g_date_valid_dmy (d, m, y))
      return 0;
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, d, m, y);
      return (int) g_date_get_julian (&date);
    }
  }
}

static void
fill_common (D8ChartModel *model, D8Overview *ov)
{
  int start = iso_to_julian (ov->plan->period_start);
  int end = iso_to_julian (ov->plan->period_end);

  model->doc_number = g_strdup (ov->plan->doc_number);
  model->plan_title = g_strdup (ov->plan->title);
  model->as_of = g_strdup (ov->as_of);
  model->expected = ov->expected;
  model->period_start = g_strdup (ov->plan->period_start);
  model->period_end = g_strdup (ov->plan->period_end);
  model->target_label = g_strdup (ov->plan->target_label);
  model->period_days = end >= start ? end - start + 1 : 1;
  model->as_of_day = CLAMP (iso_to_julian (ov->as_of) - start, 0, model->period_days - 1);
}

static void
item_from_cell (D8ChartItem *item, const D8Cell *cell, const D8Indicator *indicator)
{
  item->is_percent = d8_indicator_kind_counts_women (indicator->kind);
  item->has_quota = cell->has_quota;
  item->quota = cell->quota;
  item->achieved = cell->achieved;
  item->group_size = cell->group_size;
  item->target = item->is_percent && indicator->has_target ? indicator->target / 100.0 : NAN;
  item->completion = cell->completion;
  item->status = cell->status;
}

static void
label_indicator (D8ChartItem *item, const D8Indicator *indicator)
{
  item->code = g_strdup (indicator->code);
  item->name = g_strdup (indicator->name_vi);
  item->count_unit = g_strdup (indicator->count_unit);
}

D8ChartModel *
d8_chart_model_unit_from_overview (D8Overview *ov, guint unit_index)
{
  D8ChartModel *model;
  const D8Unit *unit;

  g_return_val_if_fail (ov != NULL, NULL);
  g_return_val_if_fail (unit_index < ov->units->len, NULL);

  unit = ov->units->pdata[unit_index];
  model = d8_chart_model_new (D8_CHART_UNIT_PROGRESS);
  fill_common (model, ov);
  model->subject = g_strdup (unit->name);
  for (guint i = 0; i < ov->indicators->len; i++)
    {
      const D8Indicator *indicator = ov->indicators->pdata[i];
      D8ChartLabel label = { g_strdup (indicator->code), g_strdup (indicator->name_vi),
                             g_strdup (indicator->count_unit) };
      D8ChartItem item = { 0 };

      item_from_cell (&item, d8_overview_cell (ov, unit_index, i), indicator);
      label_indicator (&item, indicator);
      g_array_append_val (model->rows, label);
      g_array_append_val (model->items, item);
    }
  return model;
}

D8ChartModel *
d8_chart_model_matrix_from_overview (D8Overview *ov)
{
  g_autofree D8ChartMatrixRow *rows = NULL;

  g_return_val_if_fail (ov != NULL, NULL);

  rows = g_new0 (D8ChartMatrixRow, MAX (ov->units->len, 1));
  for (guint u = 0; u < ov->units->len; u++)
    {
      const D8Unit *unit = ov->units->pdata[u];

      rows[u] = (D8ChartMatrixRow) { unit->code, unit->name, unit->kind,
                                     d8_overview_cell (ov, u, 0) };
    }
  return d8_chart_model_matrix_from_rows (ov, _("All units"), rows, ov->units->len, NULL, NULL);
}

/**
 * d8_chart_model_matrix_from_rows:
 * @ov: the figures
 * @subject: what the page is about: "All units", a parent group's name
 * @rows: (array length=n_rows): the rows: a unit, or a parent group with
 *   its subtotals; each row's cells are indicators->len cells in plan order
 * @n_rows: how many
 * @totals: (nullable): the totals row (indicators->len cells), judged as
 *   given; NULL for the province's totals with the allocation check
 * @totals_label: (nullable): the label of the totals row; NULL for the
 *   plan's own ("Chỉ tiêu năm 2023")
 *
 * A matrix of some rows of a plan: a parent group's units over a page, or
 * the groups themselves. Only the province's totals are checked against
 * the plan's stated totals; a group's subtotals are sums, not checked.
 *
 * Returns: (transfer full): the model.
 */
D8ChartModel *
d8_chart_model_matrix_from_rows (D8Overview *ov, const char *subject, const D8ChartMatrixRow *rows,
                                 guint n_rows, const D8Cell *totals, const char *totals_label)
{
  D8ChartModel *model;
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (ov != NULL, NULL);
  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);

  model = d8_chart_model_new (D8_CHART_MATRIX);
  fill_common (model, ov);
  model->subject = g_strdup (subject);
  if (totals_label != NULL)
    {
      g_free (model->target_label);
      model->target_label = g_strdup (totals_label);
    }

  /* Columns: what the appendix allocates to units. Province-wide
   * indicators (the 80 % target) have no per-unit quota: they go below. */
  for (guint i = 0; i < ov->indicators->len; i++)
    {
      const D8Indicator *indicator = ov->indicators->pdata[i];
      const D8Cell *total = totals != NULL ? &totals[i] : &ov->totals[i];

      if (indicator->in_appendix)
        {
          D8ChartLabel label = { g_strdup (indicator->code), g_strdup (indicator->name_vi),
                                 g_strdup (indicator->count_unit) };
          D8ChartItem item = { 0 };
          D8ChartAllocation alloc = { 0 };

          g_array_append_val (columns, i);
          g_array_append_val (model->columns, label);
          item_from_cell (&item, total, indicator);
          label_indicator (&item, indicator);
          g_array_append_val (model->totals, item);
          if (totals == NULL)
            alloc.checked = d8_overview_allocation (ov, i, &alloc.stated, &alloc.allocated,
                                                    &alloc.difference);
          if (!alloc.checked)
            alloc.allocated = totals == NULL ? ov->allocated[i]
                                             : (total->has_quota ? total->quota : 0);
          g_array_append_val (model->allocation, alloc);
        }
      else
        {
          D8ChartItem extra = { 0 };

          item_from_cell (&extra, total, indicator);
          label_indicator (&extra, indicator);
          g_array_append_val (model->extras, extra);
        }
    }

  for (guint r = 0; r < n_rows; r++)
    {
      D8ChartLabel label = { g_strdup (rows[r].code), g_strdup (rows[r].name),
                             g_strdup (rows[r].detail) };

      g_array_append_val (model->rows, label);
      for (guint c = 0; c < columns->len; c++)
        {
          guint i = g_array_index (columns, guint, c);
          D8ChartItem item = { 0 };

          item_from_cell (&item, &rows[r].cells[i], ov->indicators->pdata[i]);
          g_array_append_val (model->items, item);
        }
    }
  return model;
}

typedef struct
{
  guint unit;
  double completion;
} SortKey;

static int
compare_completion_cb (gconstpointer a, gconstpointer b)
{
  const SortKey *ka = a, *kb = b;
  gboolean na = isnan (ka->completion), nb = isnan (kb->completion);

  /* Highest completion first; units without a completion last; ties keep
   * the plan's order so the chart is stable between refreshes. */
  if (na != nb)
    return na ? 1 : -1;
  if (!na && ka->completion != kb->completion)
    return ka->completion > kb->completion ? -1 : 1;
  return ka->unit < kb->unit ? -1 : ka->unit > kb->unit;
}

D8ChartModel *
d8_chart_model_indicator_from_overview (D8Overview *ov, guint indicator_index)
{
  g_autofree D8ChartMatrixRow *rows = NULL;

  g_return_val_if_fail (ov != NULL, NULL);
  g_return_val_if_fail (indicator_index < ov->indicators->len, NULL);

  rows = g_new0 (D8ChartMatrixRow, MAX (ov->units->len, 1));
  for (guint u = 0; u < ov->units->len; u++)
    {
      const D8Unit *unit = ov->units->pdata[u];

      rows[u] = (D8ChartMatrixRow) { unit->code, unit->name, unit->kind,
                                     d8_overview_cell (ov, u, 0) };
    }
  return d8_chart_model_indicator_from_rows (ov, indicator_index, rows, ov->units->len);
}

/**
 * d8_chart_model_indicator_from_rows:
 * @ov: the figures
 * @indicator_index: the indicator
 * @rows: (array length=n_rows): units, or parent groups with their subtotals
 * @n_rows: how many
 *
 * One indicator over some rows, sorted by completion (behind first), with
 * the province's total and allocation check.
 *
 * Returns: (transfer full): the model.
 */
D8ChartModel *
d8_chart_model_indicator_from_rows (D8Overview *ov, guint indicator_index,
                                    const D8ChartMatrixRow *rows, guint n_rows)
{
  D8ChartModel *model;
  const D8Indicator *indicator;
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (SortKey));
  D8ChartItem total = { 0 };
  D8ChartAllocation alloc = { 0 };

  g_return_val_if_fail (ov != NULL, NULL);
  g_return_val_if_fail (indicator_index < ov->indicators->len, NULL);

  indicator = ov->indicators->pdata[indicator_index];
  model = d8_chart_model_new (D8_CHART_INDICATOR);
  fill_common (model, ov);
  model->subject = g_strdup_printf ("%s. %s", indicator->code, indicator->name_vi);

  for (guint r = 0; r < n_rows; r++)
    {
      SortKey key = { r, rows[r].cells[indicator_index].completion };

      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_completion_cb);
  for (guint k = 0; k < keys->len; k++)
    {
      const D8ChartMatrixRow *row = &rows[g_array_index (keys, SortKey, k).unit];
      D8ChartLabel label = { g_strdup (row->code), g_strdup (row->name), g_strdup (row->detail) };
      D8ChartItem item = { 0 };

      item_from_cell (&item, &row->cells[indicator_index], indicator);
      item.code = g_strdup (row->code);
      item.name = g_strdup (row->name);
      item.count_unit = g_strdup (indicator->count_unit);
      g_array_append_val (model->rows, label);
      g_array_append_val (model->items, item);
    }

  item_from_cell (&total, &ov->totals[indicator_index], indicator);
  label_indicator (&total, indicator);
  g_array_append_val (model->totals, total);
  alloc.checked = d8_overview_allocation (ov, indicator_index, &alloc.stated, &alloc.allocated,
                                          &alloc.difference);
  if (!alloc.checked)
    alloc.allocated = ov->allocated[indicator_index];
  g_array_append_val (model->allocation, alloc);
  return model;
}

static D8ChartSeries *
build_series (D8ChartModel *model, GArray *sums, const D8Indicator *indicator,
              gint64 unit_id, const D8Cell *cell, gboolean percent_of_quota)
{
  D8ChartSeries *series = g_new0 (D8ChartSeries, 1);
  int start = iso_to_julian (model->period_start);
  gint64 amount = 0, reached = 0, group = 0;
  int last_day = -1;
  double target = indicator->has_target ? indicator->target : 100.0;

  series->code = g_strdup (indicator->code);
  series->name = g_strdup (indicator->name_vi);
  series->is_percent = d8_indicator_kind_counts_women (indicator->kind);
  series->percent_of_quota = percent_of_quota;
  series->points = g_array_new (FALSE, FALSE, sizeof (D8ChartPoint));

  if (series->is_percent)
    {
      series->has_goal = indicator->has_target;
      series->goal = percent_of_quota ? 100.0 : target;
    }
  else if (cell->has_quota && cell->quota > 0)
    {
      series->has_goal = TRUE;
      series->goal = percent_of_quota ? 100.0 : (double) cell->quota;
    }

  for (guint k = 0; k < sums->len; k++)
    {
      const D8DaySum *sum = &g_array_index (sums, D8DaySum, k);
      int day;

      if (sum->indicator_id != indicator->id || (unit_id != 0 && sum->unit_id != unit_id))
        continue;
      /* Entries before the period count from its first day; after the
       * as-of date they are not part of this picture. */
      day = MAX (iso_to_julian (sum->date) - start, 0);
      if (day > model->as_of_day)
        continue;
      amount += sum->amount;
      reached += sum->reached;
      group += sum->group_size;
      {
        D8ChartPoint point = { day, 0 };

        if (series->is_percent)
          {
            point.value = group > 0 ? 100.0 * reached / group : 0;
            if (percent_of_quota)
              point.value = point.value / target * 100.0;
          }
        else if (percent_of_quota)
          point.value = series->has_goal ? 100.0 * amount / cell->quota : 0;
        else
          point.value = amount;
        /* daily sums come by date then unit: one point per day */
        if (day == last_day)
          g_array_index (series->points, D8ChartPoint, series->points->len - 1) = point;
        else
          g_array_append_val (series->points, point);
        last_day = day;
      }
    }
  return series;
}

D8ChartModel *
d8_chart_model_timeline_from_overview (D8Overview *ov, GArray *daily_sums, int unit_index,
                                       int indicator_index)
{
  D8ChartModel *model;
  gint64 unit_id = 0;

  g_return_val_if_fail (ov != NULL, NULL);
  g_return_val_if_fail (daily_sums != NULL, NULL);
  g_return_val_if_fail (unit_index < (int) ov->units->len, NULL);
  g_return_val_if_fail (indicator_index < (int) ov->indicators->len, NULL);

  model = d8_chart_model_new (D8_CHART_TIMELINE);
  fill_common (model, ov);
  if (unit_index >= 0)
    {
      const D8Unit *unit = ov->units->pdata[unit_index];

      unit_id = unit->id;
      model->subject = g_strdup (unit->name);
    }
  else
    model->subject = g_strdup (_("All units"));

  for (guint i = 0; i < ov->indicators->len; i++)
    {
      const D8Indicator *indicator = ov->indicators->pdata[i];
      const D8Cell *cell = unit_index >= 0 ? d8_overview_cell (ov, unit_index, i) : &ov->totals[i];

      if (indicator_index >= 0 && (guint) indicator_index != i)
        continue;
      /* As % of quota, an indicator without a quota has no line to draw. */
      if (indicator_index < 0 && !d8_indicator_kind_counts_women (indicator->kind)
          && (!cell->has_quota || cell->quota == 0))
        continue;
      g_ptr_array_add (model->series,
                       build_series (model, daily_sums, indicator, unit_id, cell, indicator_index < 0));
    }
  if (indicator_index >= 0)
    {
      const D8Indicator *indicator = ov->indicators->pdata[indicator_index];
      char *subject = g_strdup_printf ("%s — %s. %s", model->subject, indicator->code,
                                       indicator->name_vi);
      g_free (model->subject);
      model->subject = subject;
    }

  d8_plan_report_dates (ov->plan, model->report_dates, model->report_labels);
  return model;
}

/* ------------------------------------------------------------ words */

char *
d8_chart_item_format_figures (const D8ChartItem *item)
{
  /* The core decides the figures, so a chart cell reads like the
   * province page and the pack: "3/4", "–", "75 % / 80 %". */
  return d8_progress_format_figures (item->is_percent ? D8_KIND_PERCENT : D8_KIND_COUNT,
                                     item->has_quota, item->quota, item->achieved,
                                     item->group_size, item->target);
}

char *
d8_chart_model_title (const D8ChartModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);

  switch (model->kind)
    {
    case D8_CHART_UNIT_PROGRESS:
      /* Translators: chart title; %s is a unit, e.g. "Chư Pưh" */
      return g_strdup_printf (_("%s: progress against quotas"), model->subject);
    case D8_CHART_MATRIX:
      /* A page of a matrix split by parent group names its group. */
      if (model->subject != NULL && g_strcmp0 (model->subject, _("All units")) != 0)
        return g_strdup_printf (_("%s: progress against quotas"), model->subject);
      return g_strdup (_("Progress of every unit against its quotas"));
    case D8_CHART_INDICATOR:
      /* Translators: chart title; %s is an indicator, e.g. "1. Thành lập …" */
      return g_strdup_printf (_("Indicator %s, by unit"), model->subject);
    case D8_CHART_TIMELINE:
      /* Translators: chart title; %s is a unit or "All units" (and an indicator) */
      return g_strdup_printf (_("%s: cumulative progress"), model->subject);
    case D8_CHART_COMPARE:
      /* Translators: chart title; %s is an indicator, e.g. "1. Thành lập …" */
      return g_strdup_printf (_("Indicator %s, by year"), model->subject);
    }
  g_return_val_if_reached (NULL);
}

char *
d8_chart_model_subtitle (const D8ChartModel *model)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (model != NULL, NULL);

  date = d8_format_date (model->as_of);
  /* Translators: under every chart title; first %s is the plan's document
   * number (1653/KH-UBND), second the date the figures are computed for */
  return g_strdup_printf (_("Plan %s · as of %s"), model->doc_number ? model->doc_number : "",
                          date);
}

char *
d8_chart_page_number (guint number, guint n_pages)
{
  /* Translators: page numbers in the footer of printouts, e.g. "Page 3/17" */
  return g_strdup_printf (_("Page %u/%u"), number, n_pages);
}

static void
append_item_words (GString *out, const D8ChartItem *item)
{
  g_autofree char *achieved = d8_format_count (item->achieved);

  if (item->is_percent)
    {
      g_autofree char *group = d8_format_count (item->group_size);
      g_autofree char *percent = d8_format_percent (item->completion, 1);
      g_autofree char *target = d8_format_percent (item->target, 0);

      if (item->group_size <= 0)
        g_string_append (out, _("nothing recorded yet"));
      else
        /* Translators: a percent indicator; e.g. "40 of 100 women reached (40 %)" */
        g_string_append_printf (out, _("%s of %s reached (%s)"), achieved, group, percent);
      if (!isnan (item->target))
        {
          g_string_append (out, ", ");
          /* Translators: %s is a percentage, e.g. "80 %" */
          g_string_append_printf (out, _("target %s"), target);
        }
    }
  else if (!item->has_quota)
    {
      /* The status word that follows says "No quota"; saying it here too
       * read "No quota, No quota" in tooltips and to screen readers. */
      if (item->achieved <= 0)
        {
          g_string_append (out, d8_status_to_label (item->status));
          return;
        }
      /* Translators: %s is a number recorded where the plan sets no quota */
      g_string_append_printf (out, _("%s recorded"), achieved);
    }
  else
    {
      g_autofree char *quota = d8_format_count (item->quota);
      g_autofree char *percent = d8_format_percent (item->completion, 0);

      if (item->quota == 0)
        /* Translators: %s is the number recorded against a quota of zero */
        g_string_append_printf (out, _("%s against a quota of 0"), achieved);
      else
        /* Translators: "3 of 4 (75 %)": achieved of quota */
        g_string_append_printf (out, _("%s of %s (%s)"), achieved, quota, percent);
    }
  g_string_append (out, ", ");
  g_string_append (out, d8_status_to_label (item->status));
}

char *
d8_chart_model_describe_allocation (const D8ChartModel *model, guint column)
{
  const D8ChartAllocation *alloc;
  const D8ChartItem *total;
  g_autofree char *stated = NULL;
  g_autofree char *allocated = NULL;
  g_autofree char *diff = NULL;

  if (model->allocation == NULL || column >= model->allocation->len)
    return NULL;
  alloc = &g_array_index (model->allocation, D8ChartAllocation, column);
  total = &g_array_index (model->totals, D8ChartItem, column);
  if (!alloc->checked || alloc->difference == 0)
    return NULL;
  stated = d8_format_count (alloc->stated);
  allocated = d8_format_count (alloc->allocated);
  diff = d8_format_count (ABS (alloc->difference));
  if (alloc->difference > 0)
    return g_strdup_printf (
      /* Translators: the allocation check; e.g. "Indicator 1: the plan
       * states 128, the units are allocated 126: 2 not allocated." */
      ngettext ("Indicator %s: the plan states %s, the units are allocated %s: %s not allocated.",
                "Indicator %s: the plan states %s, the units are allocated %s: %s not allocated.",
                (gulong) ABS (alloc->difference)),
      total->code, stated, allocated, diff);
  return g_strdup_printf (
    ngettext ("Indicator %s: the plan states %s, the units are allocated %s: %s allocated beyond the total.",
              "Indicator %s: the plan states %s, the units are allocated %s: %s allocated beyond the total.",
              (gulong) ABS (alloc->difference)),
    total->code, stated, allocated, diff);
}

static void
append_allocation_words (GString *out, const D8ChartModel *model, guint column)
{
  g_autofree char *sentence = d8_chart_model_describe_allocation (model, column);

  if (sentence == NULL)
    return;
  g_string_append (out, " ");
  g_string_append (out, sentence);
}

static void
append_series_words (GString *out, const D8ChartSeries *series)
{
  double last = series->points->len > 0
                  ? g_array_index (series->points, D8ChartPoint, series->points->len - 1).value
                  : 0;

  g_string_append_printf (out, "%s. %s: ", series->code, series->name);
  if (series->percent_of_quota || series->is_percent)
    {
      g_autofree char *value = d8_format_percent (last / 100.0, 0);
      g_autofree char *goal = d8_format_percent (series->goal / 100.0, 0);

      if (series->percent_of_quota)
        /* Translators: e.g. "75 % of the quota so far" */
        g_string_append_printf (out, _("%s of the quota so far"), value);
      else
        g_string_append_printf (out, _("%s reached so far, target %s"), value, goal);
    }
  else
    {
      g_autofree char *value = d8_format_count ((gint64) llround (last));

      if (series->has_goal)
        {
          g_autofree char *goal = d8_format_count ((gint64) llround (series->goal));
          /* Translators: e.g. "3 so far of a quota of 4" */
          g_string_append_printf (out, _("%s so far of a quota of %s"), value, goal);
        }
      else
        g_string_append_printf (out, _("%s so far, no quota"), value);
    }
  g_string_append_c (out, '.');
}

char *
d8_chart_model_describe_item (const D8ChartModel *model, int row, int column)
{
  GString *out;
  const D8ChartItem *item;

  g_return_val_if_fail (model != NULL, NULL);

  if (model->kind == D8_CHART_COMPARE)
    return d8_chart_model_compare_describe_item (model, row);
  out = g_string_new (NULL);
  if (row < 0)
    {
      if (column < 0 || (guint) column >= model->totals->len)
        return g_string_free (out, FALSE);
      item = &g_array_index (model->totals, D8ChartItem, column);
      /* Translators: the totals row; %s is the plan's label, e.g. "Chỉ tiêu năm 2023" */
      g_string_append_printf (out, _("Province total (%s)"),
                              model->target_label ? model->target_label : "");
      g_string_append_printf (out, " — %s. %s: ", item->code, item->name);
      append_item_words (out, item);
      append_allocation_words (out, model, column);
      return g_string_free (out, FALSE);
    }
  if (model->kind == D8_CHART_TIMELINE)
    {
      if ((guint) row < model->series->len)
        append_series_words (out, model->series->pdata[row]);
      return g_string_free (out, FALSE);
    }
  if ((guint) row >= model->rows->len)
    return g_string_free (out, FALSE);
  item = d8_chart_model_get_item (model, row, model->kind == D8_CHART_MATRIX ? (guint) MAX (column, 0) : 0);
  if (model->kind == D8_CHART_MATRIX)
    {
      const D8ChartLabel *unit = &g_array_index (model->rows, D8ChartLabel, row);
      const D8ChartLabel *ind = &g_array_index (model->columns, D8ChartLabel, column);

      g_string_append_printf (out, "%s — %s. %s: ", unit->name, ind->code, ind->name);
    }
  else if (model->kind == D8_CHART_UNIT_PROGRESS)
    g_string_append_printf (out, "%s. %s: ", item->code, item->name);
  else
    g_string_append_printf (out, "%s: ", item->name);
  append_item_words (out, item);
  return g_string_free (out, FALSE);
}

char *
d8_chart_model_describe (const D8ChartModel *model)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (model != NULL, NULL);

  title = d8_chart_model_title (model);
  subtitle = d8_chart_model_subtitle (model);
  g_string_append_printf (out, "%s. %s.", title, subtitle);

  switch (model->kind)
    {
    case D8_CHART_UNIT_PROGRESS:
    case D8_CHART_INDICATOR:
      for (guint r = 0; r < model->rows->len; r++)
        {
          g_autofree char *words = d8_chart_model_describe_item (model, (int) r, 0);
          g_string_append_printf (out, "\n%s.", words);
        }
      if (model->kind == D8_CHART_INDICATOR && model->totals->len > 0)
        {
          g_autofree char *words = d8_chart_model_describe_item (model, -1, 0);
          g_string_append_printf (out, "\n%s", words);
        }
      break;

    case D8_CHART_MATRIX:
      for (guint c = 0; c < model->totals->len; c++)
        {
          g_autofree char *words = d8_chart_model_describe_item (model, -1, (int) c);
          g_string_append_printf (out, "\n%s", words);
        }
      for (guint r = 0; r < model->rows->len; r++)
        {
          const D8ChartLabel *unit = &g_array_index (model->rows, D8ChartLabel, r);

          g_string_append_printf (out, "\n%s:", unit->name);
          for (guint c = 0; c < model->columns->len; c++)
            {
              const D8ChartLabel *ind = &g_array_index (model->columns, D8ChartLabel, c);

              g_string_append_printf (out, "%s %s: ", c > 0 ? ";" : "", ind->code);
              append_item_words (out, d8_chart_model_get_item (model, r, c));
            }
          g_string_append_c (out, '.');
        }
      for (guint e = 0; e < model->extras->len; e++)
        {
          const D8ChartItem *extra = &g_array_index (model->extras, D8ChartItem, e);

          g_string_append_printf (out, "\n%s. %s: ", extra->code, extra->name);
          append_item_words (out, extra);
          g_string_append_c (out, '.');
        }
      break;

    case D8_CHART_TIMELINE:
      {
        g_autofree char *start = d8_format_date (model->period_start);
        g_autofree char *end = d8_format_date (model->period_end);

        g_string_append_c (out, '\n');
        /* Translators: timeline description; the dates of the plan period */
        g_string_append_printf (out, _("From %s to %s."), start, end);
        for (guint s = 0; s < model->series->len; s++)
          {
            g_string_append_c (out, '\n');
            append_series_words (out, model->series->pdata[s]);
          }
        break;
      }

    case D8_CHART_COMPARE:
      d8_chart_model_compare_describe (model, out);
      break;
    }
  return g_string_free (out, FALSE);
}
