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

#include "d8-chart.h"

#define N_ENTRIES 10000
#define N_RUNS 41

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), cmp_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Entries written straight through SQLite in one transaction (the store's
 * triggers keep the daily sums, as for the app's own writes): going through
 * d8_store_add_entry would time the disk, not the charts. */
static void
fill_entries (const char *db_path, gint64 plan_id, guint n)
{
  sqlite3 *db;
  sqlite3_stmt *stmt, *ins;
  g_autoptr (GArray) unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) ind_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GRand) rand = g_rand_new_with_seed (1653);

  if (sqlite3_open (db_path, &db) != SQLITE_OK)
    g_error ("open %s: %s", db_path, sqlite3_errmsg (db));
  sqlite3_prepare_v2 (db, "SELECT unit_id FROM plan_units WHERE plan_id = ?", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (unit_ids, id);
    }
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "SELECT id FROM indicators WHERE plan_id = ? AND kind = 'count'", -1,
                      &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ind_ids, id);
    }
  sqlite3_finalize (stmt);

  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO entries (uuid, plan_id, unit_id, indicator_id, date, amount,"
                          " created_at, updated_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench')",
                      -1, &ins, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      char date[11];
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, 1, 1, 2023);
      g_date_add_days (&d, g_rand_int_range (rand, 0, 365));
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &d);
      sqlite3_reset (ins);
      sqlite3_bind_text (ins, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (ins, 2, plan_id);
      sqlite3_bind_int64 (ins, 3, g_array_index (unit_ids, gint64, g_rand_int_range (rand, 0, unit_ids->len)));
      sqlite3_bind_int64 (ins, 4, g_array_index (ind_ids, gint64, g_rand_int_range (rand, 0, ind_ids->len)));
      sqlite3_bind_text (ins, 5, date, -1, SQLITE_TRANSIENT);
      /* mostly zeros and ones: ~10,000 entries then land near the quotas */
      sqlite3_bind_int (ins, 6, g_rand_int_range (rand, 0, 100) < 97 ? 0 : 1);
      sqlite3_bind_text (ins, 7, "2023-01-01T00:00:00Z", -1, SQLITE_STATIC);
      sqlite3_bind_text (ins, 8, "2023-01-01T00:00:00Z", -1, SQLITE_STATIC);
      if (sqlite3_step (ins) != SQLITE_DONE)
        g_error ("insert: %s", sqlite3_errmsg (db));
    }
  sqlite3_finalize (ins);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
}

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
  return (FrameTimes) { median (full, N_RUNS), median (paint, N_RUNS) };
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
  fill_entries (db, plan->id, N_ENTRIES);
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
  printf ("chart_models_ms: %.2f\n", median (models, N_RUNS));

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
