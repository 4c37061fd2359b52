/* SPDX-License-Identifier: GPL-3.0-or-later */
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

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-util.h"
#include "d8-store.h"


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

/* The size duan8's window opens at on a first run (the schema's defaults,
 * which the memory settings backend of the timed runs gives), so the bare
 * window paints as many pixels. Without the schema, the size the bare window
 * had before this was read. */
static void
app_window_size (char *width, char *height, gsize len)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE)
                                              : NULL;
  int w = 1100, h = 720;

  if (schema != NULL)
    {
      g_autoptr (GSettingsSchemaKey) wk = g_settings_schema_get_key (schema, "window-width");
      g_autoptr (GSettingsSchemaKey) hk = g_settings_schema_get_key (schema, "window-height");
      g_autoptr (GVariant) wv = g_settings_schema_key_get_default_value (wk);
      g_autoptr (GVariant) hv = g_settings_schema_key_get_default_value (hk);

      w = g_variant_get_int32 (wv);
      h = g_variant_get_int32 (hv);
    }
  else
    g_printerr ("duan8-bench: no schema %s (set GSETTINGS_SCHEMA_DIR); bare window at %d×%d\n",
                APP_ID, w, h);
  g_snprintf (width, len, "%d", w);
  g_snprintf (height, len, "%d", h);
}

static void
bench_startup (const char *build_dir, const char *tmp)
{
  g_autofree char *duan8 = g_build_filename (build_dir, "src", "duan8", NULL);
  g_autofree char *bare = g_build_filename (build_dir, "bench", "bench-bare-window", NULL);
  g_autofree char *db = g_build_filename (tmp, "startup.sqlite3", NULL);
  char *app_argv[] = { duan8, (char *) "--db", db, NULL };
  char width[16], height[16];
  char *bare_argv[] = { bare, width, height, NULL };
  double app[7], base[7];

  app_window_size (width, height, sizeof width);

  /* One launch to create the store, so every timed run opens it as a user
   * does on any day after the first. */
  time_command (app_argv);
  for (guint i = 0; i < G_N_ELEMENTS (app); i++)
    {
      base[i] = time_command (bare_argv);
      app[i] = time_command (app_argv);
    }
  printf ("startup_app_ms: %.1f\n", bench_median (app, G_N_ELEMENTS (app)));
  printf ("startup_bare_ms: %.1f\n", bench_median (base, G_N_ELEMENTS (base)));
  printf ("startup_ratio: %.2f\n", bench_median (app, G_N_ELEMENTS (app)) / bench_median (base, G_N_ELEMENTS (base)));
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
  bench_fill_entries (db, plan->id, n, 8, 3, FALSE);
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
  printf ("overview_ms_1M: %.2f\n", bench_median (times, G_N_ELEMENTS (times)));

  /* The same page "as of" the 6-month report: half the days are subtracted. */
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr (D8Overview) ov = NULL;
      start = g_get_monotonic_time ();
      ov = d8_store_compute_overview (store, plan->id, "2023-06-10", &error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
    }
  printf ("overview_ms_1M_as_of_2023_06_10: %.2f\n", bench_median (times, G_N_ELEMENTS (times)));
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
