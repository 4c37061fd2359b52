/* bench.c — the benchmarks of `make bench`, printed as "name: value" lines.
 *
 *   startup_ratio    launch → first painted frame of duan8 on the embedded
 *                    plan ÷ the same for a bare AdwApplicationWindow, medians
 *                    of 7 interleaved runs (goal ≤ 1.2)
 *   overview_ms_1M   recomputing the province page's figures with 1,000,000
 *                    entries in the store, median of 9 (goal ≤ 20 ms); also
 *                    the same "as of" 10 June 2023 (a past date)
 *
 * Usage: duan8-bench BUILD_DIR [--only startup|overview]
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "d8-store.h"

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

static double
time_command (char **argv)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_get_environ ();
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  env = g_environ_setenv (env, "DUAN8_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  if (!g_spawn_sync (NULL, argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                     &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_startup (const char *build_dir, const char *tmp)
{
  g_autofree char *duan8 = g_build_filename (build_dir, "src", "duan8", NULL);
  g_autofree char *bare = g_build_filename (build_dir, "bench", "bench-bare-window", NULL);
  g_autofree char *db = g_build_filename (tmp, "startup.sqlite3", NULL);
  char *app_argv[] = { duan8, "--db", db, NULL };
  char *bare_argv[] = { bare, NULL };
  double app[7], base[7];

  /* One launch to create the store, so every timed run opens it as a user
   * does on any day after the first. */
  time_command (app_argv);
  for (guint i = 0; i < G_N_ELEMENTS (app); i++)
    {
      base[i] = time_command (bare_argv);
      app[i] = time_command (app_argv);
    }
  printf ("startup_app_ms: %.1f\n", median (app, G_N_ELEMENTS (app)));
  printf ("startup_bare_ms: %.1f\n", median (base, G_N_ELEMENTS (base)));
  printf ("startup_ratio: %.2f\n", median (app, G_N_ELEMENTS (app)) / median (base, G_N_ELEMENTS (base)));
}

/* Fills the store with @n entries spread over the plan's units, indicators
 * and days, written straight through SQLite in one transaction (the
 * triggers keep the daily sums as the app's own writes do). */
static void
fill_entries (const char *db_path, gint64 plan_id, guint n)
{
  sqlite3 *db;
  sqlite3_stmt *units, *ins;
  g_autoptr (GArray) unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) ind_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GRand *rand = g_rand_new_with_seed (8);

  g_assert (sqlite3_open (db_path, &db) == SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT unit_id FROM plan_units WHERE plan_id = ?", -1, &units, NULL);
  sqlite3_bind_int64 (units, 1, plan_id);
  while (sqlite3_step (units) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (units, 0);
      g_array_append_val (unit_ids, id);
    }
  sqlite3_finalize (units);
  sqlite3_prepare_v2 (db, "SELECT id FROM indicators WHERE plan_id = ? AND kind = 'count'", -1,
                      &units, NULL);
  sqlite3_bind_int64 (units, 1, plan_id);
  while (sqlite3_step (units) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (units, 0);
      g_array_append_val (ind_ids, id);
    }
  sqlite3_finalize (units);

  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO entries (uuid, plan_id, unit_id, indicator_id, date, amount,"
                          " created_at, updated_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench')",
                      -1, &ins, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      char date[11];
      int day = g_rand_int_range (rand, 0, 365);
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, 1, 1, 2023);
      g_date_add_days (&d, day);
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &d);
      sqlite3_reset (ins);
      sqlite3_bind_text (ins, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (ins, 2, plan_id);
      sqlite3_bind_int64 (ins, 3, g_array_index (unit_ids, gint64, g_rand_int_range (rand, 0, unit_ids->len)));
      sqlite3_bind_int64 (ins, 4, g_array_index (ind_ids, gint64, g_rand_int_range (rand, 0, ind_ids->len)));
      sqlite3_bind_text (ins, 5, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (ins, 6, g_rand_int_range (rand, 0, 4));
      sqlite3_bind_text (ins, 7, "2023-01-01T00:00:00Z", -1, SQLITE_STATIC);
      sqlite3_bind_text (ins, 8, "2023-01-01T00:00:00Z", -1, SQLITE_STATIC);
      if (sqlite3_step (ins) != SQLITE_DONE)
        g_error ("insert: %s", sqlite3_errmsg (db));
    }
  sqlite3_finalize (ins);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  g_rand_free (rand);
}

static void
bench_overview (const char *tmp)
{
  g_autofree char *db = g_build_filename (tmp, "overview.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8Plan) plan = NULL;
  double times[9];
  gint64 start;
  const guint n = 1000000;

  g_assert_no_error (error);
  plan = d8_store_resolve_plan (store, NULL, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  fill_entries (db, plan->id, n);
  fprintf (stderr, "filled %u entries in %.1f s\n", n, (g_get_monotonic_time () - start) / 1e6);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr (D8Overview) ov = NULL;
      start = g_get_monotonic_time ();
      ov = d8_store_compute_overview (store, plan->id, NULL, &error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_assert (ov->totals[0].n_entries > 0);
    }
  printf ("overview_ms_1M: %.2f\n", median (times, G_N_ELEMENTS (times)));

  /* The same page "as of" the 6-month report: half the days are subtracted. */
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr (D8Overview) ov = NULL;
      start = g_get_monotonic_time ();
      ov = d8_store_compute_overview (store, plan->id, "2023-06-10", &error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
    }
  printf ("overview_ms_1M_as_of_2023_06_10: %.2f\n", median (times, G_N_ELEMENTS (times)));
  fflush (stdout);
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = NULL;
  const char *only = argc > 3 && g_str_equal (argv[2], "--only") ? argv[3] : NULL;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s BUILD_DIR [--only startup|overview]\n", argv[0]);
      return 1;
    }
  tmp = g_dir_make_tmp ("duan8-bench-XXXXXX", NULL);
  if (only == NULL || g_str_equal (only, "overview"))
    bench_overview (tmp);
  if (only == NULL || g_str_equal (only, "startup"))
    bench_startup (argv[1], tmp);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp);
    if (system (cmd) != 0)
      fprintf (stderr, "could not remove %s\n", tmp);
  }
  return 0;
}
