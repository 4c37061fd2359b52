/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-charts.c — the chart layer: nice ticks, models filled from a real
 * store, layout geometry (bars proportional, quota marks where the quota
 * is, one cell per unit × indicator, every label on the page), pixels of
 * rendered images, hit tests, descriptions, and PNG/SVG/PDF files.
 *
 * PNGs of every chart kind in light and dark styles are left in
 * $D8_BUILD_ROOT/charts/ for a person to look at. */
#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "d8-chart.h"
#include "d8-format.h"
#include "d8-i18n.h"
#include "d8-test-util.h"

#define AS_OF "2023-06-10"

/* One store for the whole program: the tests only read it. */
static struct
{
  char *dir;
  D8Store *store;
  D8Plan *plan;
  GPtrArray *units;
  GPtrArray *indicators;
  D8Overview *overview;
  GArray *sums;
} data;

static const D8ChartRect a4 = { 0, 0, 842, 595 };

static void
add_entry (guint unit, guint indicator, const char *date, gint64 amount, gint64 group)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Entry) entry = d8_entry_new ();
  const D8Indicator *ind = data.indicators->pdata[indicator];

  entry->plan_id = data.plan->id;
  entry->unit_id = ((D8Unit *) data.units->pdata[unit])->id;
  entry->indicator_id = ind->id;
  entry->date = g_strdup (date);
  if (ind->kind == D8_KIND_PERCENT)
    {
      entry->reached = amount;
      entry->group_size = group;
    }
  else
    entry->amount = amount;
  g_assert_true (d8_store_add_entry (data.store, entry, FALSE, &error));
  g_assert_no_error (error);
}

static void
setup_data (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (1653);

  data.dir = d8_test_tmpdir ();
  path = g_build_filename (data.dir, "charts.sqlite3", NULL);
  data.store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  data.plan = d8_store_resolve_plan (data.store, NULL, &error);
  g_assert_no_error (error);
  data.units = d8_store_list_units (data.store, data.plan->id, &error);
  data.indicators = d8_store_list_indicators (data.store, data.plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data.units->len, ==, 15);
  g_assert_cmpuint (data.indicators->len, ==, 10);

  /* Known cells (as of 10 June the expected pace is 161/365 ≈ 0.44):
   * Chư Pưh 1: 4 of 4 done; 4: nothing (not started); 6: 1 of 2 on track;
   * 9: 1 of 3 behind; 2: no quota. Chư Păh 1: 25 of 19 (overshoot). */
  add_entry (0, 0, "2023-02-14", 2, 0);
  add_entry (0, 0, "2023-05-20", 2, 0);
  add_entry (0, 5, "2023-04-02", 1, 0);
  add_entry (0, 8, "2023-03-09", 1, 0);
  add_entry (3, 0, "2023-01-20", 10, 0);
  add_entry (3, 0, "2023-04-20", 15, 0);
  /* The rest: plausible figures, fixed by the seed. */
  for (guint u = 1; u < data.units->len; u++)
    for (guint i = 0; i < 9; i++)
      {
        int n;

        if (u == 3 && i == 0)
          continue;
        n = g_rand_int_range (rand, 0, 4);
        for (int k = 0; k < n; k++)
          {
            char date[11];
            g_snprintf (date, sizeof date, "2023-%02d-%02d", g_rand_int_range (rand, 1, 6),
                        g_rand_int_range (rand, 1, 29));
            add_entry (u, i, date, g_rand_int_range (rand, 0, 3), 0);
          }
      }
  /* Safe-motherhood outreach (SM): women reached of the target group. */
  add_entry (0, 9, "2023-03-01", 30, 40);
  add_entry (5, 9, "2023-04-01", 10, 60);
  add_entry (7, 9, "2023-05-15", 50, 70);
  /* After the as-of date: must not show. */
  add_entry (0, 3, "2023-09-01", 1, 0);

  data.overview = d8_store_compute_overview (data.store, data.plan->id, AS_OF, &error);
  g_assert_no_error (error);
  data.sums = d8_store_daily_sums (data.store, data.plan->id, 0, 0, &error);
  g_assert_no_error (error);
}

static void
teardown_data (void)
{
  g_array_unref (data.sums);
  d8_overview_unref (data.overview);
  g_ptr_array_unref (data.units);
  g_ptr_array_unref (data.indicators);
  d8_plan_free (data.plan);
  g_assert_finalize_object (data.store);
  d8_test_rmtree (data.dir);
  g_free (data.dir);
}

static D8ChartModel *
model_of_kind (D8ChartKind kind)
{
  switch (kind)
    {
    case D8_CHART_UNIT_PROGRESS: return d8_chart_model_unit_from_overview (data.overview, 0);
    case D8_CHART_MATRIX: return d8_chart_model_matrix_from_overview (data.overview);
    case D8_CHART_INDICATOR: return d8_chart_model_indicator_from_overview (data.overview, 0);
    case D8_CHART_TIMELINE: return d8_chart_model_timeline_from_overview (data.overview, data.sums, -1, -1);
    case D8_CHART_COMPARE:
      {
        /* the plan against itself: one column and the phase */
        g_autoptr (GPtrArray) one = g_ptr_array_new ();
        g_autoptr (D8PlanCompare) cmp = NULL;

        g_ptr_array_add (one, data.overview);
        cmp = d8_plan_compare_new (one, NULL, NULL, D8_COMPARE_BY_PROVINCE, NULL);
        return d8_chart_model_compare_new (cmp, 0);
      }
    }
  g_assert_not_reached ();
}

static gboolean
rect_inside (const D8ChartRect *r, double w, double h)
{
  return r->x >= -0.01 && r->y >= -0.01 && r->x + r->width <= w + 0.01 && r->y + r->height <= h + 0.01;
}

/* ------------------------------------------------------------ ticks */

static void
assert_ticks (double lo, double hi, guint max, gboolean integer, const double *expected, guint n)
{
  double step;
  g_autoptr (GArray) ticks = d8_chart_nice_ticks (lo, hi, max, integer, &step);

  g_assert_cmpuint (ticks->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (ticks, double, i), expected[i], 1e-9);
}

static void
test_ticks (void)
{
  const double a[] = { 0, 20, 40, 60, 80, 100, 120, 140 };
  const double b[] = { 0, 50, 100, 150 };
  const double c[] = { 0, 1, 2, 3, 4 };
  const double d[] = { 0, 1 };
  const double e[] = { 0, 0.2, 0.4, 0.6, 0.8, 1.0 };
  const double f[] = { 0, 20, 40, 60, 80, 100 };
  const double g[] = { 0, 2000, 4000, 6000, 8000, 10000, 12000 };
  const double h[] = { -10, -5, 0, 5 };
  double step;
  g_autoptr (GArray) ticks = NULL;

  /* The rule: the smallest 1-2-5 step giving at most max intervals. */
  assert_ticks (0, 128, 8, TRUE, a, G_N_ELEMENTS (a));
  assert_ticks (0, 128, 5, TRUE, b, G_N_ELEMENTS (b));
  assert_ticks (0, 4, 8, TRUE, c, G_N_ELEMENTS (c));
  assert_ticks (0, 0, 5, TRUE, d, G_N_ELEMENTS (d));   /* empty range: one step */
  assert_ticks (0, 1, 5, FALSE, e, G_N_ELEMENTS (e));
  assert_ticks (0, 100, 5, FALSE, f, G_N_ELEMENTS (f)); /* percent axis */
  assert_ticks (0, 10001, 6, TRUE, g, G_N_ELEMENTS (g));
  assert_ticks (-7, 3, 4, TRUE, h, G_N_ELEMENTS (h));
  /* integer steps never go below 1, even with room for more ticks */
  ticks = d8_chart_nice_ticks (0, 2, 20, TRUE, &step);
  g_assert_cmpfloat (step, ==, 1);
  g_assert_cmpuint (ticks->len, ==, 3);
}

/* ------------------------------------------------------------ models */

static void
test_model_matrix (void)
{
  g_autoptr (D8ChartModel) m = d8_chart_model_matrix_from_overview (data.overview);
  const D8ChartAllocation *alloc;
  const D8ChartItem *item;

  g_assert_cmpuint (m->rows->len, ==, 15);
  g_assert_cmpuint (m->columns->len, ==, 9);
  g_assert_cmpuint (m->items->len, ==, 15 * 9);
  g_assert_cmpuint (m->totals->len, ==, 9);
  g_assert_cmpuint (m->extras->len, ==, 1); /* SM: province-wide, no per-unit quota */
  g_assert_cmpstr (m->doc_number, ==, "1653/KH-UBND");

  alloc = &g_array_index (m->allocation, D8ChartAllocation, 0);
  g_assert_true (alloc->checked);
  g_assert_cmpint (alloc->stated, ==, 128);
  g_assert_cmpint (alloc->allocated, ==, 126);
  g_assert_cmpint (alloc->difference, ==, 2);
  for (guint c = 1; c < 9; c++)
    g_assert_cmpint (g_array_index (m->allocation, D8ChartAllocation, c).difference, ==, 0);
  /* the totals row is judged against the stated total, not the allocation */
  g_assert_cmpint (g_array_index (m->totals, D8ChartItem, 0).quota, ==, 128);

  item = d8_chart_model_get_item (m, 0, 0);
  g_assert_cmpint (item->status, ==, D8_STATUS_DONE);
  item = d8_chart_model_get_item (m, 0, 1);
  g_assert_false (item->has_quota);
  g_assert_cmpint (item->status, ==, D8_STATUS_NO_QUOTA);
  item = d8_chart_model_get_item (m, 14, 4); /* Ia Grai, column 5: a real 0 */
  g_assert_true (item->has_quota);
  g_assert_cmpint (item->quota, ==, 0);
  item = d8_chart_model_get_item (m, 0, 3); /* the September entry is after as-of */
  g_assert_cmpint (item->achieved, ==, 0);
  g_assert_cmpint (item->status, ==, D8_STATUS_NOT_STARTED);
}

static void
test_model_indicator_sorted (void)
{
  g_autoptr (D8ChartModel) m = d8_chart_model_indicator_from_overview (data.overview, 0);
  double prev = INFINITY;
  gboolean seen_nan = FALSE;

  g_assert_cmpuint (m->items->len, ==, 15);
  for (guint r = 0; r < m->items->len; r++)
    {
      const D8ChartItem *item = &g_array_index (m->items, D8ChartItem, r);

      if (isnan (item->completion))
        {
          seen_nan = TRUE;
          continue;
        }
      g_assert_false (seen_nan); /* no quota goes last */
      g_assert_cmpfloat (item->completion, <=, prev);
      prev = item->completion;
    }
  /* Chư Păh's overshoot (25 of 19) leads */
  g_assert_cmpstr (g_array_index (m->items, D8ChartItem, 0).name, ==, "Chư Păh");
  g_assert_cmpstr (g_array_index (m->items, D8ChartItem, 14).name, ==, "An Khê");
}

static void
test_model_timeline (void)
{
  g_autoptr (D8ChartModel) one = d8_chart_model_timeline_from_overview (data.overview, data.sums, 0, 0);
  g_autoptr (D8ChartModel) all = d8_chart_model_timeline_from_overview (data.overview, data.sums, 0, -1);
  const D8ChartSeries *s;

  g_assert_cmpuint (one->series->len, ==, 1);
  s = one->series->pdata[0];
  g_assert_true (s->has_goal);
  g_assert_cmpfloat (s->goal, ==, 4);
  g_assert_cmpuint (s->points->len, ==, 2);
  g_assert_cmpint (g_array_index (s->points, D8ChartPoint, 0).day, ==, 44); /* 14 Feb */
  g_assert_cmpfloat (g_array_index (s->points, D8ChartPoint, 1).value, ==, 4);
  g_assert_cmpint (one->period_days, ==, 365);
  g_assert_cmpint (one->as_of_day, ==, 160);
  g_assert_cmpuint (one->report_dates->len, ==, 2);
  g_assert_cmpstr (one->report_dates->pdata[0], ==, "2023-06-10");
  g_assert_cmpstr (one->report_dates->pdata[1], ==, "2023-12-10");

  /* Chư Pưh has quotas in 7 count columns (2 and 3 are "-"), plus SM */
  g_assert_cmpuint (all->series->len, ==, 8);
  s = all->series->pdata[0];
  g_assert_true (s->percent_of_quota);
  g_assert_cmpfloat (g_array_index (s->points, D8ChartPoint, 1).value, ==, 100);
}

/* ------------------------------------------------------------ layout */

static void
test_layout_unit_bars (void)
{
  g_autoptr (D8ChartModel) m = d8_chart_model_unit_from_overview (data.overview, 0);
  D8ChartStyle style = d8_chart_style_print ();
  g_autoptr (D8ChartLayout) L = d8_chart_layout_new (m, &style, a4.width, a4.height);
  double x0 = d8_chart_axis_position (&L->axis, 0);
  double x100 = d8_chart_axis_position (&L->axis, 100);
  const D8ChartShape *bar, *mark;

  g_assert_true (L->fits);
  g_assert_true (L->axis.percent);
  g_assert_cmpfloat (L->axis.min, ==, 0);
  g_assert_cmpfloat (L->axis.max, >=, 100);

  for (guint r = 0; r < m->items->len; r++)
    {
      const D8ChartItem *item = &g_array_index (m->items, D8ChartItem, r);

      bar = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_BAR, (int) r, D8_CHART_ANY);
      mark = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_QUOTA_MARK, (int) r, D8_CHART_ANY);
      if (!item->is_percent && !item->has_quota)
        {
          /* "no quota": a note, no bar */
          g_assert_null (bar);
          g_assert_null (mark);
          continue;
        }
      g_assert_nonnull (bar);
      g_assert_nonnull (mark);
      g_assert_cmpfloat_with_epsilon (bar->rect.x, x0, 1e-6);
      if (item->is_percent)
        {
          /* reached / group against the 80 % target */
          g_assert_cmpfloat_with_epsilon (mark->rect.x, d8_chart_axis_position (&L->axis, 80), 1e-6);
          g_assert_cmpfloat_with_epsilon (bar->rect.width, (x100 - x0) * 30.0 / 40.0, 1e-6);
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (mark->rect.x, x100, 1e-6);
          g_assert_cmpfloat_with_epsilon (bar->rect.width, (x100 - x0) * item->completion, 1e-6);
        }
    }
  /* Chư Pưh 1: 4 of 4 — the bar ends exactly at the quota mark */
  bar = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_BAR, 0, D8_CHART_ANY);
  g_assert_cmpfloat_with_epsilon (bar->rect.x + bar->rect.width, x100, 1e-6);
  g_assert_cmpint (bar->status, ==, D8_STATUS_DONE);
  /* the "No quota" row says so in words */
  {
    gboolean found = FALSE;
    for (guint i = 0; i < L->texts->len; i++)
      {
        const D8ChartText *t = &g_array_index (L->texts, D8ChartText, i);
        if (t->row == 1 && g_str_equal (t->text, "No quota"))
          found = TRUE;
      }
    g_assert_true (found);
  }
}

static void
test_layout_indicator (void)
{
  g_autoptr (D8ChartModel) m = d8_chart_model_indicator_from_overview (data.overview, 0);
  D8ChartStyle style = d8_chart_style_print ();
  g_autoptr (D8ChartLayout) L = d8_chart_layout_new (m, &style, a4.width, a4.height);
  double x0 = d8_chart_axis_position (&L->axis, 0);
  double unit = d8_chart_axis_position (&L->axis, 1) - x0;
  const D8ChartShape *s;

  g_assert_true (L->fits);
  g_assert_false (L->axis.percent);
  g_assert_cmpfloat (L->axis.max, >=, 25); /* Chư Păh's 25 fits on the axis */
  for (guint r = 0; r < m->items->len; r++)
    {
      const D8ChartItem *item = &g_array_index (m->items, D8ChartItem, r);
      const D8ChartShape *bar = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_BAR, (int) r, 0);
      const D8ChartShape *mark = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_QUOTA_MARK, (int) r, 0);

      if (!item->has_quota)
        {
          g_assert_null (bar);
          continue;
        }
      g_assert_cmpfloat_with_epsilon (bar->rect.width, unit * item->achieved, 1e-6);
      g_assert_cmpfloat_with_epsilon (mark->rect.x, x0 + unit * item->quota, 1e-6);
      /* rows go down in sorted order */
      if (r > 0)
        g_assert_cmpfloat (bar->rect.y, >, d8_chart_layout_find_shape (L, D8_CHART_SHAPE_TRACK, (int) r - 1, 0)
                                             ? d8_chart_layout_find_shape (L, D8_CHART_SHAPE_TRACK, (int) r - 1, 0)->rect.y
                                             : 0);
    }
  /* the province against 128 on its own scale; the 126 allocated marked */
  s = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_QUOTA_MARK, -1, 0);
  g_assert_nonnull (s);
  g_assert_cmpfloat_with_epsilon (s->rect.x, d8_chart_axis_position (&L->total_axis, 128), 1e-6);
  s = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_ALLOCATION_MARK, -1, 0);
  g_assert_nonnull (s);
  g_assert_cmpfloat_with_epsilon (s->rect.x, d8_chart_axis_position (&L->total_axis, 126), 1e-6);
  {
    gboolean found = FALSE;
    for (guint i = 0; i < L->texts->len; i++)
      if (strstr (g_array_index (L->texts, D8ChartText, i).text, "2 not allocated"))
        found = TRUE;
    g_assert_true (found);
  }
}

static void
test_layout_matrix (void)
{
  g_autoptr (D8ChartModel) m = d8_chart_model_matrix_from_overview (data.overview);
  D8ChartStyle style = d8_chart_style_print ();
  g_autoptr (D8ChartLayout) L = d8_chart_layout_new (m, &style, a4.width, a4.height);
  guint cells = 0, totals = 0, flags = 0;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_assert_true (L->fits);
  for (guint i = 0; i < L->shapes->len; i++)
    {
      const D8ChartShape *s = &g_array_index (L->shapes, D8ChartShape, i);

      if (s->kind == D8_CHART_SHAPE_CELL && s->row >= 0)
        {
          cells++;
          g_hash_table_add (seen, GINT_TO_POINTER (s->row * 100 + s->column));
          g_assert_cmpint (s->status, ==, d8_chart_model_get_item (m, s->row, s->column)->status);
        }
      else if (s->kind == D8_CHART_SHAPE_CELL)
        totals++;
      else if (s->kind == D8_CHART_SHAPE_CELL_FLAG)
        {
          flags++;
          g_assert_cmpint (s->column, ==, 0); /* only column 1: 128 vs 126 */
        }
    }
  g_assert_cmpuint (cells, ==, 15 * 9);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 15 * 9);
  g_assert_cmpuint (totals, ==, 9);
  g_assert_cmpuint (flags, ==, 1);

  /* cells of one row share a y, cells of one column share an x */
  {
    const D8ChartShape *a = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_CELL, 4, 2);
    const D8ChartShape *b = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_CELL, 4, 7);
    const D8ChartShape *c = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_CELL, 9, 2);
    g_assert_cmpfloat (a->rect.y, ==, b->rect.y);
    g_assert_cmpfloat (a->rect.x, ==, c->rect.x);
    g_assert_cmpfloat (c->rect.y, >, a->rect.y);
  }
}

static void
test_layout_timeline (void)
{
  g_autoptr (D8ChartModel) m = d8_chart_model_timeline_from_overview (data.overview, data.sums, 0, 0);
  D8ChartStyle style = d8_chart_style_print ();
  g_autoptr (D8ChartLayout) L = d8_chart_layout_new (m, &style, a4.width, a4.height);
  const D8ChartShape *pace = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_PACE, D8_CHART_ANY, D8_CHART_ANY);
  const D8ChartShape *series = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_SERIES, 0, D8_CHART_ANY);
  guint marks = 0;

  g_assert_true (L->fits);
  /* pace: from 0 at the start to the quota (4) at the end of the year */
  g_assert_nonnull (pace);
  g_assert_cmpfloat_with_epsilon (pace->rect.x, L->plot.x, 1e-6);
  g_assert_cmpfloat_with_epsilon (pace->rect.y, d8_chart_axis_position (&L->axis, 0), 1e-6);
  g_assert_cmpfloat_with_epsilon (pace->rect.x + pace->rect.width, d8_chart_axis_position (&L->time_axis, 364), 1e-6);
  g_assert_cmpfloat_with_epsilon (pace->rect.y + pace->rect.height, d8_chart_axis_position (&L->axis, 4), 1e-6);
  /* reporting dates at 10 June (day 160) and 10 December (day 343) */
  for (guint i = 0; i < L->shapes->len; i++)
    {
      const D8ChartShape *s = &g_array_index (L->shapes, D8ChartShape, i);
      if (s->kind != D8_CHART_SHAPE_DATE_MARK)
        continue;
      g_assert_cmpfloat_with_epsilon (s->rect.x, d8_chart_axis_position (&L->time_axis, marks == 0 ? 160 : 343), 1e-6);
      marks++;
    }
  g_assert_cmpuint (marks, ==, 2);
  /* the cumulative line ends at 4 on the as-of day */
  g_assert_nonnull (series);
  {
    const D8ChartXY *last = &g_array_index (L->points, D8ChartXY, series->first_point + series->n_points - 1);
    g_assert_cmpfloat_with_epsilon (last->x, d8_chart_axis_position (&L->time_axis, 160), 1e-6);
    g_assert_cmpfloat_with_epsilon (last->y, d8_chart_axis_position (&L->axis, 4), 1e-6);
  }
}

/* Every text box of every chart kind inside the page, on paper, on a
 * projector and in a small window. */
static void
test_layout_fits (void)
{
  const double sizes[][2] = { { 842, 595 }, { 1920, 1080 }, { 595, 842 }, { 640, 420 } };
  D8ChartStyle style = d8_chart_style_print ();

  for (D8ChartKind kind = D8_CHART_UNIT_PROGRESS; kind <= D8_CHART_TIMELINE; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr (D8ChartModel) m = model_of_kind (kind);
        g_autoptr (D8ChartLayout) L = d8_chart_layout_new (m, &style, sizes[s][0], sizes[s][1]);

        if (s < 2)
          g_assert_true (L->fits);
        for (guint i = 0; i < L->texts->len; i++)
          {
            const D8ChartText *t = &g_array_index (L->texts, D8ChartText, i);
            if (!rect_inside (&t->rect, sizes[s][0], sizes[s][1]))
              g_error ("kind %d at %gx%g: “%s” at %g,%g %gx%g leaves the page", kind, sizes[s][0],
                       sizes[s][1], t->text, t->rect.x, t->rect.y, t->rect.width, t->rect.height);
          }
        for (guint i = 0; i < L->shapes->len; i++)
          {
            const D8ChartShape *sh = &g_array_index (L->shapes, D8ChartShape, i);
            D8ChartRect r = sh->rect;
            if (r.width < 0) { r.x += r.width; r.width = -r.width; }
            if (r.height < 0) { r.y += r.height; r.height = -r.height; }
            g_assert_true (rect_inside (&r, sizes[s][0], sizes[s][1]));
          }
        /* body text stays legible on A4: not below 7 pt */
        if (s == 0)
          g_assert_cmpfloat (L->font_size, >=, 7);
      }
}

/* ------------------------------------------------------------ pixels */

static guint32
pixel_at (cairo_surface_t *surface, double x, double y)
{
  unsigned char *d = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((guint32 *) (d + (int) y * stride))[(int) x] & 0xffffff;
}

static guint32
rgb_of (const D8ChartColor *c)
{
  return (guint32) lround (c->red * 255) << 16 | (guint32) lround (c->green * 255) << 8
         | (guint32) lround (c->blue * 255);
}

static void
test_render_pixels (void)
{
  g_autoptr (D8ChartModel) m = d8_chart_model_matrix_from_overview (data.overview);
  D8ChartStyle style = d8_chart_style_print ();
  g_autoptr (D8ChartLayout) L = d8_chart_layout_new (m, &style, 1920, 1080);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  const D8ChartShape *done = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_CELL, 0, 0);
  const D8ChartShape *none = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_CELL, 0, 1);
  const D8ChartShape *not_started = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_CELL, 0, 3);
  guint32 done_rgb = rgb_of (&style.status_fill[D8_STATUS_DONE]);
  guint32 bg = rgb_of (&style.background);
  guint ink = 0;

  d8_chart_paint (L, &style, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_assert_cmpint (done->status, ==, D8_STATUS_DONE);
  g_assert_cmpint (none->status, ==, D8_STATUS_NO_QUOTA);
  /* A done cell is filled with the done colour (away from its text). */
  g_assert_cmphex (pixel_at (surface, done->rect.x + 4, done->rect.y + 4), ==, done_rgb);
  g_assert_cmphex (pixel_at (surface, done->rect.x + done->rect.width - 5,
                             done->rect.y + done->rect.height / 2), ==, done_rgb);
  /* "no quota" and "not started" are not coloured as progress */
  g_assert_cmphex (pixel_at (surface, none->rect.x + 4, none->rect.y + 4), ==, bg);
  g_assert_cmphex (pixel_at (surface, not_started->rect.x + 5, not_started->rect.y + 5), ==, bg);
  /* … and the "no quota" cell shows its dash: some ink in the middle */
  for (int dx = -8; dx <= 8; dx++)
    for (int dy = -6; dy <= 6; dy++)
      if (pixel_at (surface, none->rect.x + none->rect.width / 2 + dx,
                    none->rect.y + none->rect.height / 2 + dy) != bg)
        ink++;
  g_assert_cmpuint (ink, >, 0);
  /* the page itself is the style's background */
  g_assert_cmphex (pixel_at (surface, 2, 2), ==, bg);
  cairo_surface_destroy (surface);

  /* dark style: the background follows the style, nothing hard-coded */
  {
    D8ChartStyle dark = d8_chart_style_dark ();
    cairo_surface_t *s2 = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
    cairo_t *cr2 = cairo_create (s2);

    d8_chart_paint (L, &dark, cr2);
    cairo_destroy (cr2);
    cairo_surface_flush (s2);
    g_assert_cmphex (pixel_at (s2, 2, 2), ==, rgb_of (&dark.background));
    g_assert_cmphex (pixel_at (s2, done->rect.x + 4, done->rect.y + 4), ==,
                     rgb_of (&dark.status_fill[D8_STATUS_DONE]));
    cairo_surface_destroy (s2);
  }
}

/* ------------------------------------------------------------ words and hits */

static void
test_hit_test (void)
{
  g_autoptr (D8ChartModel) m = d8_chart_model_matrix_from_overview (data.overview);
  D8ChartStyle style = d8_chart_style_print ();
  g_autoptr (D8ChartLayout) L = d8_chart_layout_new (m, &style, a4.width, a4.height);
  const D8ChartShape *cell = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_CELL, 3, 0);
  const D8ChartShape *total = d8_chart_layout_find_shape (L, D8_CHART_SHAPE_CELL, -1, 0);
  D8ChartHit hit;
  g_autofree char *words = NULL;
  g_autofree char *total_words = NULL;

  g_assert_true (d8_chart_layout_hit_test (L, cell->rect.x + cell->rect.width / 2,
                                           cell->rect.y + cell->rect.height / 2, &hit));
  g_assert_cmpint (hit.row, ==, 3);
  g_assert_cmpint (hit.column, ==, 0);
  words = d8_chart_model_describe_item (m, hit.row, hit.column);
  g_assert_nonnull (strstr (words, "Chư Păh"));
  g_assert_nonnull (strstr (words, "25 of 19 (132%)"));

  g_assert_true (d8_chart_layout_hit_test (L, total->rect.x + 3, total->rect.y + 3, &hit));
  g_assert_cmpint (hit.row, ==, -1);
  total_words = d8_chart_model_describe_item (m, hit.row, hit.column);
  g_assert_nonnull (strstr (total_words, "of 128"));
  g_assert_nonnull (strstr (total_words, "2 not allocated"));

  g_assert_false (d8_chart_layout_hit_test (L, 1, 1, &hit));

  /* bars: the row under the pointer */
  {
    g_autoptr (D8ChartModel) um = d8_chart_model_unit_from_overview (data.overview, 0);
    g_autoptr (D8ChartLayout) UL = d8_chart_layout_new (um, &style, 1920, 1080);
    const D8ChartShape *bar = d8_chart_layout_find_shape (UL, D8_CHART_SHAPE_BAR, 5, 0);
    g_autofree char *bar_words = NULL;

    g_assert_true (d8_chart_layout_hit_test (UL, bar->rect.x + 2, bar->rect.y + 2, &hit));
    g_assert_cmpint (hit.row, ==, 5);
    bar_words = d8_chart_model_describe_item (um, hit.row, hit.column);
    g_assert_nonnull (strstr (bar_words, "1 of 2 (50%)"));
    g_assert_nonnull (strstr (bar_words, "On track"));
  }
}

static void
test_describe (void)
{
  for (D8ChartKind kind = D8_CHART_UNIT_PROGRESS; kind <= D8_CHART_TIMELINE; kind++)
    {
      g_autoptr (D8ChartModel) m = model_of_kind (kind);
      g_autofree char *text = d8_chart_model_describe (m);

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_nonnull (strstr (text, "1653/KH-UBND"));
      g_assert_nonnull (strstr (text, "Jun 10, 2023"));
      if (kind == D8_CHART_MATRIX)
        {
          g_assert_nonnull (strstr (text, "Chư Pưh:"));
          g_assert_nonnull (strstr (text, "the plan states 128, the units are allocated 126: 2 not allocated"));
          g_assert_nonnull (strstr (text, "2: No quota"));
          g_assert_nonnull (strstr (text, "SM."));
        }
      if (kind == D8_CHART_UNIT_PROGRESS)
        {
          g_assert_nonnull (strstr (text, "4 of 4 (100%), Done"));
          g_assert_nonnull (strstr (text, "30 of 40 reached (75.0%), target 80%"));
        }
    }
}

/* ------------------------------------------------------------ files */

static void
test_export_files (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "matrix.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "matrix.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "matrix.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "matrix.bmp", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "matrix.pdf", NULL);
  g_autoptr (D8ChartModel) m = d8_chart_model_matrix_from_overview (data.overview);
  g_autoptr (D8ChartModel) u = d8_chart_model_unit_from_overview (data.overview, 2); /* Đak Đoa */
  cairo_surface_t *image;
  g_autofree char *svg_text = NULL;
  g_autofree char *pdfinfo = NULL, *pdftotext = NULL;

  /* PNG at 150 dpi: the page in points scaled to pixels */
  g_assert_true (d8_chart_render_to_file (m, NULL, png, 842, 595, 150, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1755);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1240);
  cairo_surface_destroy (image);

  g_assert_true (d8_chart_render_to_file (m, NULL, svg, 842, 595, 0, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_nonnull (strstr (svg_text, "842pt"));

  g_assert_true (d8_chart_render_to_file (m, NULL, pdf, 842, 595, 0, &error));
  g_assert_no_error (error);
  pdfinfo = g_find_program_in_path ("pdfinfo");
  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdfinfo != NULL && pdftotext != NULL)
    {
      g_autofree char *info = d8_test_run ("pdfinfo", pdf, NULL);
      g_autofree char *text = d8_test_run ("pdftotext", "-enc", "UTF-8", pdf, "-", NULL);
      g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
      g_autofree char *unit_pdf = g_build_filename (dir, "unit.pdf", NULL);
      g_autofree char *unit_text = NULL;
      g_autofree char *unit_nfc = NULL;

      g_assert_nonnull (strstr (info, " 842 x 595 pts"));
      g_assert_nonnull (strstr (info, "Pages:"));
      g_assert_nonnull (strstr (nfc, "Chư Pưh"));
      g_assert_nonnull (strstr (nfc, "Đak Đoa"));
      g_assert_nonnull (strstr (nfc, "Kông Chro"));
      g_assert_nonnull (strstr (nfc, "tổ truyền thông"));
      g_assert_nonnull (strstr (nfc, "1653/KH-UBND"));
      g_assert_nonnull (strstr (nfc, "2 not allocated"));

      g_assert_true (d8_chart_render_to_file (u, NULL, unit_pdf, 842, 595, 0, &error));
      g_assert_no_error (error);
      unit_text = d8_test_run ("pdftotext", "-enc", "UTF-8", unit_pdf, "-", NULL);
      unit_nfc = g_utf8_normalize (unit_text, -1, G_NORMALIZE_NFC);
      g_assert_nonnull (strstr (unit_nfc, "Đak Đoa"));
      g_assert_nonnull (strstr (unit_nfc, "Thành lập và duy trì tổ truyền thông cộng đồng"));
      g_assert_nonnull (strstr (unit_nfc, "No quota"));
    }
  else
    g_test_skip ("pdfinfo/pdftotext (poppler-utils) not installed: PDF contents not checked");

  /* errors name the file */
  g_assert_false (d8_chart_render_to_file (m, NULL, bad, 842, 595, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "matrix.bmp"));
  g_clear_error (&error);
  g_assert_false (d8_chart_render_to_file (m, NULL, missing, 842, 595, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "matrix.pdf"));
  g_clear_error (&error);

  d8_test_rmtree (dir);
}

/* PNGs of every kind, light and dark, A4 and 1080p, for people to look at. */
static void
test_gallery (void)
{
  const char *root = g_getenv ("D8_BUILD_ROOT");
  g_autofree char *dir = NULL;
  const char *names[] = { "unit", "matrix", "indicator", "timeline" };
  g_autoptr (GError) error = NULL;

  if (root == NULL)
    {
      g_test_skip ("D8_BUILD_ROOT not set");
      return;
    }
  dir = g_build_filename (root, "charts", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  for (D8ChartKind kind = D8_CHART_UNIT_PROGRESS; kind <= D8_CHART_TIMELINE; kind++)
    {
      g_autoptr (D8ChartModel) m = model_of_kind (kind);
      g_autofree char *light = g_strdup_printf ("%s/%s-light-a4.png", dir, names[kind]);
      g_autofree char *pdf = g_strdup_printf ("%s/%s-a4.pdf", dir, names[kind]);
      g_autofree char *dark = g_strdup_printf ("%s/%s-dark-1080p.png", dir, names[kind]);
      D8ChartStyle dark_style = d8_chart_style_dark ();

      g_assert_true (d8_chart_render_to_file (m, NULL, light, 842, 595, 110, &error));
      g_assert_no_error (error);
      g_assert_true (d8_chart_render_to_file (m, NULL, pdf, 842, 595, 0, &error));
      g_assert_no_error (error);
      /* 1920 × 1080 pixels: 72 dpi makes one point one pixel */
      g_assert_true (d8_chart_render_to_file (m, &dark_style, dark, 1920, 1080, 72, &error));
      g_assert_no_error (error);
    }
  /* a single-indicator timeline, the SM timeline and the SM indicator chart */
  {
    g_autoptr (D8ChartModel) t1 = d8_chart_model_timeline_from_overview (data.overview, data.sums, -1, 0);
    g_autoptr (D8ChartModel) t2 = d8_chart_model_timeline_from_overview (data.overview, data.sums, -1, 9);
    g_autoptr (D8ChartModel) i9 = d8_chart_model_indicator_from_overview (data.overview, 9);
    g_autoptr (D8ChartModel) u12 = d8_chart_model_unit_from_overview (data.overview, 11);
    g_autofree char *p1 = g_build_filename (dir, "timeline-indicator1-light-a4.png", NULL);
    g_autofree char *p2 = g_build_filename (dir, "timeline-sm-light-a4.png", NULL);
    g_autofree char *p3 = g_build_filename (dir, "indicator-sm-light-a4.png", NULL);
    g_autofree char *p4 = g_build_filename (dir, "unit-an-khe-light-a4.png", NULL);

    g_assert_true (d8_chart_render_to_file (t1, NULL, p1, 842, 595, 110, &error));
    g_assert_true (d8_chart_render_to_file (t2, NULL, p2, 842, 595, 110, &error));
    g_assert_true (d8_chart_render_to_file (i9, NULL, p3, 842, 595, 110, &error));
    g_assert_true (d8_chart_render_to_file (u12, NULL, p4, 842, 595, 110, &error));
    g_assert_no_error (error);
  }
  g_test_message ("chart images in %s", dir);
}

/* ------------------------------------------------------------ kinds */

/* The table of kinds: every kind of the enum has its row, found by its name
 * and by its old name; the window's lists and what the CLI asks for agree. */
static void
test_kinds_table (void)
{
  static const char *province[] = { "matrix", "indicator", "timeline" };
  static const char *unit[] = { "unit", "timeline" };
  const D8ChartKindInfo *info;

  for (D8ChartKind kind = D8_CHART_UNIT_PROGRESS; kind <= D8_CHART_TIMELINE; kind++)
    {
      info = d8_chart_kind_get_info (kind);
      g_assert_nonnull (info);
      g_assert_cmpint (info->kind, ==, kind);
      g_assert_true (d8_chart_kind_lookup (info->name) == info);
      if (info->alias != NULL)
        g_assert_true (d8_chart_kind_lookup (info->alias) == info);
      g_assert_nonnull (info->label);
      g_assert_cmpint (info->scopes, !=, 0);
      /* A kind about one unit is shown on a unit's page only; one that
       * takes no unit on the province's only. */
      g_assert_cmpint (info->unit == D8_CHART_NEED_ONE, ==, info->scopes == D8_CHART_SCOPE_UNIT);
      g_assert_cmpint (info->unit == D8_CHART_NEED_NONE, ==,
                       info->scopes == D8_CHART_SCOPE_PROVINCE);
    }

  /* The names duan8-cli documents, and the one the window used to keep. */
  g_assert_cmpint (d8_chart_kind_lookup ("unit")->kind, ==, D8_CHART_UNIT_PROGRESS);
  g_assert_cmpint (d8_chart_kind_lookup ("progress")->kind, ==, D8_CHART_UNIT_PROGRESS);
  g_assert_cmpint (d8_chart_kind_lookup ("matrix")->kind, ==, D8_CHART_MATRIX);
  g_assert_cmpint (d8_chart_kind_lookup ("indicator")->kind, ==, D8_CHART_INDICATOR);
  g_assert_cmpint (d8_chart_kind_lookup ("timeline")->kind, ==, D8_CHART_TIMELINE);
  g_assert_null (d8_chart_kind_lookup ("pie"));
  g_assert_null (d8_chart_kind_lookup (""));
  g_assert_cmpint (d8_chart_kind_get_info (D8_CHART_INDICATOR)->indicator, ==, D8_CHART_NEED_ONE);
  g_assert_cmpint (d8_chart_kind_get_info (D8_CHART_TIMELINE)->indicator, ==,
                   D8_CHART_NEED_OPTIONAL);

  /* The window's lists, in order. */
  for (guint i = 0; i < G_N_ELEMENTS (province); i++)
    g_assert_cmpstr (d8_chart_kind_nth (D8_CHART_SCOPE_PROVINCE, i)->name, ==, province[i]);
  g_assert_null (d8_chart_kind_nth (D8_CHART_SCOPE_PROVINCE, G_N_ELEMENTS (province)));
  for (guint i = 0; i < G_N_ELEMENTS (unit); i++)
    g_assert_cmpstr (d8_chart_kind_nth (D8_CHART_SCOPE_UNIT, i)->name, ==, unit[i]);
  g_assert_null (d8_chart_kind_nth (D8_CHART_SCOPE_UNIT, G_N_ELEMENTS (unit)));
}

/* The model of each kind, as the window and the CLI fill it. */
static void
test_kinds_new_model (void)
{
  for (D8ChartKind kind = D8_CHART_UNIT_PROGRESS; kind <= D8_CHART_TIMELINE; kind++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (D8ChartModel) model = NULL;
      g_autoptr (D8ChartModel) expected = model_of_kind (kind);
      g_autofree char *words = NULL;
      g_autofree char *expected_words = NULL;
      int unit = kind == D8_CHART_UNIT_PROGRESS ? 0 : -1;
      int indicator = kind == D8_CHART_INDICATOR ? 0 : -1;

      model = d8_chart_kind_new_model (d8_chart_kind_get_info (kind), data.store, data.overview,
                                       unit, indicator, &error);
      g_assert_no_error (error);
      g_assert_nonnull (model);
      g_assert_cmpint (model->kind, ==, kind);
      words = d8_chart_model_describe (model);
      expected_words = d8_chart_model_describe (expected);
      g_assert_cmpstr (words, ==, expected_words);
    }
}

/* Each GSettings key that remembers a chart offers exactly the kinds of
 * its page by their names, and a value saved under the unit chart's old
 * name still reads as the unit chart. */
static void
test_kinds_settings (void)
{
  static const struct
  {
    const char *key;
    D8ChartScope scope;
  } keys[] = { { "province-chart", D8_CHART_SCOPE_PROVINCE }, { "unit-chart", D8_CHART_SCOPE_UNIT } };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autofree char *dir = g_dir_make_tmp ("d8-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "settings.ini", NULL);
  g_autoptr (GSettingsBackend) backend = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GVariant) user_value = NULL;
  g_autofree char *value = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, "vn.hoilhpn.Duan8", TRUE);
  g_assert_nonnull (schema);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autoptr (GSettingsSchemaKey) key = g_settings_schema_get_key (schema, keys[k].key);
      g_autoptr (GVariant) range = g_settings_schema_key_get_range (key);
      g_autoptr (GVariant) choices = NULL;
      g_autoptr (GVariant) fallback = g_settings_schema_key_get_default_value (key);
      const char *type = NULL;
      const D8ChartKindInfo *info;
      guint n = 0;

      g_variant_get (range, "(&sv)", &type, &choices);
      g_assert_cmpstr (type, ==, "enum");
      for (gsize i = 0; i < g_variant_n_children (choices); i++)
        {
          const char *name = NULL;

          g_variant_get_child (choices, i, "&s", &name);
          info = d8_chart_kind_lookup (name);
          g_assert_nonnull (info);
          g_assert_cmpstr (info->name, ==, name);
          g_assert_cmpint (info->scopes & keys[k].scope, !=, 0);
        }
      while (d8_chart_kind_nth (keys[k].scope, n) != NULL)
        n++;
      g_assert_cmpuint (g_variant_n_children (choices), ==, n);
      g_assert_cmpstr (g_variant_get_string (fallback, NULL), ==,
                       d8_chart_kind_nth (keys[k].scope, 0)->name);
    }

  g_assert_true (g_file_set_contents (path, "[duan8]\nunit-chart='progress'\n", -1, &error));
  g_assert_no_error (error);
  backend = g_keyfile_settings_backend_new (path, "/vn/hoilhpn/Duan8/", "duan8");
  settings = g_settings_new_full (schema, backend, NULL);
  /* The saved value itself, not the default (also the unit chart). */
  user_value = g_settings_get_user_value (settings, "unit-chart");
  g_assert_nonnull (user_value);
  g_assert_cmpstr (g_variant_get_string (user_value, NULL), ==, "unit");
  value = g_settings_get_string (settings, "unit-chart");
  g_assert_cmpstr (value, ==, "unit");
  g_assert_cmpint (d8_chart_kind_lookup (value)->kind, ==, D8_CHART_UNIT_PROGRESS);

  g_clear_object (&settings);
  g_clear_object (&backend);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  int result;

  /* English UI, C.UTF-8 numbers: "1,234" and "75%" in the assertions. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  setup_data ();

  g_test_add_func ("/charts/ticks/nice", test_ticks);
  g_test_add_func ("/charts/kinds/table", test_kinds_table);
  g_test_add_func ("/charts/kinds/new-model", test_kinds_new_model);
  g_test_add_func ("/charts/kinds/settings", test_kinds_settings);
  g_test_add_func ("/charts/model/matrix", test_model_matrix);
  g_test_add_func ("/charts/model/indicator-sorted", test_model_indicator_sorted);
  g_test_add_func ("/charts/model/timeline", test_model_timeline);
  g_test_add_func ("/charts/layout/unit-bars", test_layout_unit_bars);
  g_test_add_func ("/charts/layout/indicator", test_layout_indicator);
  g_test_add_func ("/charts/layout/matrix", test_layout_matrix);
  g_test_add_func ("/charts/layout/timeline", test_layout_timeline);
  g_test_add_func ("/charts/layout/fits-page", test_layout_fits);
  g_test_add_func ("/charts/render/pixels", test_render_pixels);
  g_test_add_func ("/charts/hit-test", test_hit_test);
  g_test_add_func ("/charts/describe", test_describe);
  g_test_add_func ("/charts/export/files", test_export_files);
  g_test_add_func ("/charts/export/gallery", test_gallery);

  result = g_test_run ();
  teardown_data ();
  return result;
}
