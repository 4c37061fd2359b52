/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench.c — the benchmarks of `make bench`, printed as "name: value" lines.
 *
 *   (start-up is timed from outside, for duan8 and the programs it is
 *   compared with alike, by bench-startup.py and bench-first-frame.c)
 *   overview_ms_1M   recomputing the province page's figures with 1,000,000
 *                    entries in the store, median of 9 (goal ≤ 20 ms); also
 *                    the same "as of" 10 June 2023 (a past date)
 *
 * Usage: duan8-bench
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
  bench_print ("overview_ms_1M", times, G_N_ELEMENTS (times), 2);

  /* The same page "as of" the 6-month report: half the days are subtracted. */
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr (D8Overview) ov = NULL;
      start = g_get_monotonic_time ();
      ov = d8_store_compute_overview (store, plan->id, "2023-06-10", &error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
    }
  bench_print ("overview_ms_1M_as_of_2023_06_10", times, G_N_ELEMENTS (times), 2);
  fflush (stdout);
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = NULL;
  setlocale (LC_ALL, "C.UTF-8");
  tmp = g_dir_make_tmp ("duan8-bench-XXXXXX", NULL);
  bench_overview (tmp);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp);
    if (system (cmd) != 0)
      fprintf (stderr, "could not remove %s\n", tmp);
  }
  return 0;
}
