/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-plans.c — importing a plan of the whole country's commune level,
 * printed as "name: value" lines for `make bench`:
 *
 *   import_plan_3300_s        reading, checking, previewing and writing a
 *                             plan file of 3,300 communes under 34
 *                             provinces (bench/make-plan.py) into a fresh
 *                             database, in one transaction (goal ≤ 1 s)
 *   import_plan_table_3300_s  the same appendix as a CSV table (names
 *                             matched, units made)
 *
 * Each is the median of 7 runs, the two kinds interleaved so that a busy
 * machine slows both alike; the min–max follows in brackets. Opening the
 * fresh database (its migrations and the embedded 2023 plan) is not timed.
 *
 * Usage: duan8-bench-plans [SOURCE_DIR]
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "bench-util.h"
#include "d8-plan-import.h"
#include "d8-store.h"

#define N_RUNS 7

static double
time_import (const char *dir, const char *source, guint run, gboolean table)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("run-%u-%d.sqlite3", run, table);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (D8Store) store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8PlanImport) import = NULL;
  D8PlanImportOptions options = { 0 };
  gint64 start;
  double seconds;

  if (store == NULL)
    g_error ("%s", error->message);
  options.code = "bench-table";
  options.document_number = "98/KH-BENCH";
  options.year = 2026;
  start = g_get_monotonic_time ();
  import = d8_plan_import_new_from_file (store, source, table ? &options : NULL, &error);
  if (import == NULL || !d8_plan_import_apply (import, NULL, &error))
    g_error ("%s: %s", source, error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  if (d8_plan_import_get_preview (import)->rows->len != 3300)
    g_error ("%s: %u rows", source, d8_plan_import_get_preview (import)->rows->len);
  return seconds;
}

int
main (int argc, char **argv)
{
  const char *srcdir = argc > 1 ? argv[1] : D8_BENCH_SOURCE_DIR;
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("duan8-bench-plans-XXXXXX", &error);
  g_autofree char *script = g_build_filename (srcdir, "bench", "make-plan.py", NULL);
  g_autofree char *json = g_build_filename (tmp, "country.duan8-plan.json", NULL);
  g_autofree char *csv = g_build_filename (tmp, "country.csv", NULL);
  double file_s[N_RUNS], table_s[N_RUNS];

  setlocale (LC_ALL, "");
  if (tmp == NULL)
    g_error ("%s", error->message);
  {
    const char *make_json[] = { "python3", script, "--shape", "country", json, NULL };
    const char *make_csv[] = { "python3", script, "--shape", "country", "--format", "csv", csv,
                               NULL };
    int status = 0;

    if (!g_spawn_sync (NULL, (char **) make_json, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                       NULL, &status, &error)
        || !g_spawn_check_wait_status (status, &error)
        || !g_spawn_sync (NULL, (char **) make_csv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                          NULL, &status, &error)
        || !g_spawn_check_wait_status (status, &error))
      g_error ("%s: %s", script, error->message);
  }
  for (guint run = 0; run < N_RUNS; run++)
    {
      file_s[run] = time_import (tmp, json, run, FALSE);
      table_s[run] = time_import (tmp, csv, run, TRUE);
    }
  bench_print ("import_plan_3300_s", file_s, N_RUNS, 3);
  bench_print ("import_plan_table_3300_s", table_s, N_RUNS, 3);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp);
    if (system (cmd) != 0)
      fprintf (stderr, "could not remove %s\n", tmp);
  }
  return 0;
}
