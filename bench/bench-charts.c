/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-charts.c — how long one 1920 × 1080 chart frame takes to draw into
 * an image surface, with the 2023 plan and 10,000 entries; medians of 41.
 *
 *   chart_matrix_ms          province matrix: layout + paint (goal ≤ 4 ms)
 *   chart_timeline_ms        all-indicator timeline of the province: layout + paint (goal ≤ 4 ms)
 *   chart_matrix_paint_ms    paint only, the layout kept from the last frame
 *                            (what a window redraw costs when its size is unchanged)
 *   chart_timeline_paint_ms  the same for the timeline
 *   chart_models_ms          filling both models from the overview and daily sums
 *
 * Usage: duan8-bench-charts
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-util.h"
#include "d8-chart.h"
#include "d8-chart-pack.h"

#define N_ENTRIES 10000
#define N_RUNS 41



typedef struct
{
  double full, paint;
} FrameTimes;

static FrameTimes
time_frames (const D8ChartModel *model, const D8ChartStyle *style, cairo_surface_t *surface)
{
  double full[N_RUNS], paint[N_RUNS];
  g_autoptr (D8ChartLayout) kept = d8_chart_layout_new (model, style, 1920, 1080);

  for (guint i = 0; i < N_RUNS; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      g_autoptr (D8ChartLayout) layout = d8_chart_layout_new (model, style, 1920, 1080);

      d8_chart_paint (layout, style, cr);
      cairo_surface_flush (surface);
      full[i] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);

      cr = cairo_create (surface);
      start = g_get_monotonic_time ();
      d8_chart_paint (kept, style, cr);
      cairo_surface_flush (surface);
      paint[i] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  return (FrameTimes) { bench_median (full, N_RUNS), bench_median (paint, N_RUNS) };
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("duan8-bench-charts-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Overview) overview = NULL;
  g_autoptr (GArray) sums = NULL;
  g_autoptr (D8ChartModel) matrix = NULL;
  g_autoptr (D8ChartModel) timeline = NULL;
  D8ChartStyle style = d8_chart_style_light ();
  cairo_surface_t *surface;
  double models[N_RUNS];
  FrameTimes m, t;
  D8Store *store;

  setlocale (LC_ALL, "C.UTF-8");
  g_assert_no_error (error);
  db = g_build_filename (tmp, "charts.sqlite3", NULL);

  store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plan = d8_store_resolve_plan (store, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  bench_fill_entries (db, plan->id, N_ENTRIES, 1653, 1, TRUE);
  store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  overview = d8_store_compute_overview (store, plan->id, "2023-12-31", &error);
  g_assert_no_error (error);
  sums = d8_store_daily_sums (store, plan->id, 0, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      D8ChartModel *a = d8_chart_model_matrix_from_overview (overview);
      D8ChartModel *b = d8_chart_model_timeline_from_overview (overview, sums, -1, -1);

      models[i] = (g_get_monotonic_time () - start) / 1000.0;
      d8_chart_model_free (a);
      d8_chart_model_free (b);
    }
  matrix = d8_chart_model_matrix_from_overview (overview);
  timeline = d8_chart_model_timeline_from_overview (overview, sums, -1, -1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  /* warm the font and glyph caches as a running app has them */
  d8_chart_layout_free (d8_chart_layout_new (matrix, &style, 1920, 1080));
  m = time_frames (matrix, &style, surface);
  t = time_frames (timeline, &style, surface);
  cairo_surface_destroy (surface);

  printf ("chart_entries: %u\n", N_ENTRIES);
  printf ("chart_daily_sums: %u\n", sums->len);
  printf ("chart_matrix_ms: %.2f\n", m.full);
  printf ("chart_timeline_ms: %.2f\n", t.full);
  printf ("chart_matrix_paint_ms: %.2f\n", m.paint);
  printf ("chart_timeline_paint_ms: %.2f\n", t.paint);
  bench_print ("chart_models_ms", models, N_RUNS, 2);

  /* The meeting pack as duan8-cli print-pack writes it: the figures
   * computed from the 10,000 entries, then 17 pages of PDF. */
  {
    g_autofree char *pdf = g_build_filename (tmp, "pack.pdf", NULL);
    double runs[3];

    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr (D8Overview) ov = d8_store_compute_overview (store, plan->id, "2023-12-31",
                                                               &error);
        g_autoptr (D8ChartPack) pack = d8_chart_pack_new (ov, "Văn phòng Hội LHPN tỉnh");

        g_assert_no_error (error);
        if (!d8_chart_pack_write_pdf (pack, pdf, &error))
          g_error ("pack: %s", error->message);
        runs[i] = (g_get_monotonic_time () - start) / 1e6;
        g_assert_cmpuint (d8_chart_pack_get_n_pages (pack), ==, 17);
      }
    bench_print ("pack_pdf_s", runs, G_N_ELEMENTS (runs), 3);
    g_unlink (pdf);
  }

  g_object_unref (store);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (tmp);
  return 0;
}
