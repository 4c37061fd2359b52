/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-chart-scale.c — one 1920 × 1080 chart frame (layout + paint into an
 * image surface, as the window draws it after a resize or new data) on the
 * plans of 135 communes and 3,300 made by bench/gen-plan.py; medians of 41
 * with min–max:
 *
 *   chart_frame_135_ms         the matrix as the window shows it at 135 units:
 *                              the 17 former districts with subtotals (goal ≤ 8 ms)
 *   chart_frame_135_group_ms   the largest district's communes (a drill-down)
 *   chart_frame_135_all_ms     all 135 communes in one matrix, most behind first
 *                              (the chart view's scrolling, fixed-header layout)
 *   chart_frame_3300_ms        the matrix of the 34 provinces at 3,300 units
 *
 * Usage: duan8-bench-chart-scale [SOURCE_DIR]
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "bench-util.h"
#include "d8-chart.h"
#include "d8-entry.h"

#define N_RUNS 41

typedef struct
{
  char *dir;
  D8Store *store;
  D8Overview *overview;
  D8Rollup *rollup;
} Plan;

static void
plan_open (Plan *p, const char *srcdir, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *script = g_build_filename (srcdir, "bench", "gen-plan.py", NULL);
  g_autofree char *json = NULL, *db = NULL, *text = NULL, *count = g_strdup_printf ("%u", n);
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  gint64 plan_id;
  gsize length = 0;
  int status = 0;

  p->dir = g_dir_make_tmp ("duan8-bench-chart-scale-XXXXXX", &error);
  if (p->dir == NULL)
    g_error ("%s", error->message);
  json = g_build_filename (p->dir, "plan.json", NULL);
  db = g_build_filename (p->dir, "duan8.sqlite3", NULL);
  {
    const char *argv[] = { "python3", script, count, json, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                       &status, &error)
        || !g_spawn_check_wait_status (status, &error))
      g_error ("%s: %s", script, error->message);
  }
  if (!g_file_get_contents (json, &text, &length, &error))
    g_error ("%s", error->message);
  p->store = d8_store_open (db, D8_STORE_OPEN_NO_SEED, &error);
  if (p->store == NULL)
    g_error ("%s", error->message);
  plan_id = d8_store_import_plan (p->store, text, (gssize) length, json, &error);
  if (plan_id <= 0)
    g_error ("%s", error->message);
  /* figures in every status */
  units = d8_store_list_units (p->store, plan_id, &error);
  indicators = d8_store_list_indicators (p->store, plan_id, &error);
  for (guint u = 0; u < units->len; u += 1 + units->len / 120)
    for (guint i = 0; i < indicators->len; i++)
      {
        const D8Indicator *ind = indicators->pdata[i];
        g_autoptr (D8Entry) entry = d8_entry_new ();

        if ((u + i) % 3 == 0)
          continue;
        entry->plan_id = plan_id;
        entry->unit_id = ((D8Unit *) units->pdata[u])->id;
        entry->indicator_id = ind->id;
        entry->date = g_strdup ("2026-03-01");
        if (d8_indicator_kind_counts_women (ind->kind))
          {
            entry->reached = 30 + u % 50;
            entry->group_size = 100;
          }
        else
          entry->amount = 1 + (u + i) % 4;
        if (!d8_store_add_entry (p->store, entry, FALSE, &error))
          g_error ("%s", error->message);
      }
  p->overview = d8_store_compute_overview (p->store, plan_id, "2026-06-10", &error);
  if (p->overview == NULL)
    g_error ("%s", error->message);
  p->rollup = d8_store_compute_rollup (p->store, p->overview, &error);
  if (p->rollup == NULL)
    g_error ("%s", error->message);
}

static void
plan_close (Plan *p)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", p->dir);

  d8_rollup_free (p->rollup);
  d8_overview_unref (p->overview);
  g_object_unref (p->store);
  if (system (cmd) != 0)
    g_warning ("could not remove %s", p->dir);
  g_free (p->dir);
}

/* Layout + paint of @model at 1920 × 1080, as the chart view draws a new
 * frame: laid out to scroll, and painted as the window onto it. */
static void
time_frame (const char *name, const D8ChartModel *model)
{
  D8ChartStyle style = d8_chart_style_light ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  double runs[N_RUNS];

  /* warm the font and glyph caches as a running app has them */
  d8_chart_layout_free (d8_chart_layout_new_scrolling (model, &style, 1920, 1080));
  for (guint i = 0; i < N_RUNS; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      g_autoptr (D8ChartLayout) layout = d8_chart_layout_new_scrolling (model, &style, 1920, 1080);

      d8_chart_paint_window (layout, &style, cr, 1080, 0, FALSE);
      cairo_surface_flush (surface);
      runs[i] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  bench_print (name, runs, N_RUNS, 2);
}

int
main (int argc, char **argv)
{
  const char *srcdir = argc > 1 ? argv[1] : D8_BENCH_SOURCE_DIR;
  const D8ChartKindInfo *matrix = d8_chart_kind_get_info (D8_CHART_MATRIX);
  Plan p135 = { 0 }, p3300 = { 0 };

  setlocale (LC_ALL, "");
  plan_open (&p135, srcdir, 135);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (D8ChartModel) shown
        = d8_chart_kind_new_model (matrix, p135.store, p135.overview, -1, -1, &error);
    g_autoptr (D8ChartModel) all
        = d8_chart_units_model (D8_CHART_MATRIX, p135.overview, -1, D8_CHART_ORDER_BEHIND);
    g_autoptr (D8ChartModel) group = NULL;
    guint largest = 0;

    if (shown == NULL)
      g_error ("%s", error->message);
    for (guint g = 1; g < p135.rollup->groups->len; g++)
      if (((D8RollupGroup *) p135.rollup->groups->pdata[g])->units->len
          > ((D8RollupGroup *) p135.rollup->groups->pdata[largest])->units->len)
        largest = g;
    group = d8_chart_group_units_model (D8_CHART_MATRIX, p135.overview, p135.rollup, largest, -1,
                                        D8_CHART_ORDER_PLAN);
    time_frame ("chart_frame_135_ms", shown);
    time_frame ("chart_frame_135_group_ms", group);
    time_frame ("chart_frame_135_all_ms", all);
  }
  plan_close (&p135);

  plan_open (&p3300, srcdir, 3300);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (D8ChartModel) shown
        = d8_chart_kind_new_model (matrix, p3300.store, p3300.overview, -1, -1, &error);

    if (shown == NULL)
      g_error ("%s", error->message);
    time_frame ("chart_frame_3300_ms", shown);
  }
  plan_close (&p3300);
  return 0;
}
