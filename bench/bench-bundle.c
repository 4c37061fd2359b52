/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-bundle.c — bundle figures for `make bench`, as "name: value" lines.
 *
 *   export_entries_per_s     exporting 200,000 entries to a bundle
 *   import_ratio_vs_sqlite3  importing that bundle into an empty store ÷
 *                            the sqlite3 shell's `.import` of the same rows
 *                            from CSV into the same entries table (same
 *                            triggers), same run (goal ≤ 2.0)
 *   import_peak_rss_ratio    peak RSS of the importing process ÷ bundle
 *                            size (goal ≤ 4)
 *
 * Usage: duan8-bench-bundle [N]    (default 200000)
 *        duan8-bench-bundle --import-child DB BUNDLE   (internal)
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "d8-bundle.h"
#include "d8-hlc.h"

#define PUH "gia-lai/chu-puh"

static int
import_child (const char *db, const char *bundle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8BundleImport) import = NULL;
  gint64 start;

  if (store == NULL)
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  import = d8_bundle_import_new (store, bundle, &error);
  if (import == NULL)
    g_error ("%s", error->message);
  /* The first bundle from this office: the person has confirmed its
   * fingerprint, as with duan8-cli import-bundle --trust-new-office. */
  d8_bundle_import_set_trust_new_office (import, TRUE);
  if (!d8_bundle_import_apply (import, &error))
    g_error ("%s", error->message);
  printf ("%.6f %u\n", (g_get_monotonic_time () - start) / 1e6,
          d8_bundle_import_get_preview (import)->entries[D8_BUNDLE_NEW]);
  return 0;
}

/* @n entries of one unit written straight through SQLite, with stamps as
 * the app gives them, and the same rows as CSV for the sqlite3 shell. */
static void
fill (const char *db_path, const char *csv_path, guint n)
{
  sqlite3 *db;
  sqlite3_stmt *ins, *q;
  gint64 plan_id, unit_id, ind[3];
  GRand *rand = g_rand_new_with_seed (8);
  FILE *csv = g_fopen (csv_path, "w");
  gint64 ms = 1689408000000;

  g_assert (sqlite3_open (db_path, &db) == SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT p.id, u.id FROM plans p, units u WHERE u.code = '" PUH "'", -1,
                      &q, NULL);
  g_assert (sqlite3_step (q) == SQLITE_ROW);
  plan_id = sqlite3_column_int64 (q, 0);
  unit_id = sqlite3_column_int64 (q, 1);
  sqlite3_finalize (q);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM indicators WHERE code = '%d'",
                                              (int[]) { 1, 4, 5 }[i]);
      sqlite3_prepare_v2 (db, sql, -1, &q, NULL);
      g_assert (sqlite3_step (q) == SQLITE_ROW);
      ind[i] = sqlite3_column_int64 (q, 0);
      sqlite3_finalize (q);
    }
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO entries (uuid, plan_id, unit_id, indicator_id, date, amount,"
                          " reached, group_size, place, note, created_at, updated_at, origin,"
                          " deleted, version, history, change_seq)"
                          " VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, NULL, ?, ?, '" PUH "', 0, ?, '', ?)",
                      -1, &ins, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *stamp = d8_hlc_format (ms + i, 0, PUH);
      g_autofree char *time = d8_hlc_time_string (ms + i);
      char date[11];
      GDate d;
      gint64 indicator = ind[g_rand_int_range (rand, 0, 3)];
      int amount = g_rand_int_range (rand, 0, 4);
      const char *place = i % 3 ? "Xã Ia Le" : "Thị trấn Nhơn Hòa";

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, 1, 1, 2023);
      g_date_add_days (&d, g_rand_int_range (rand, 0, 365));
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &d);
      sqlite3_reset (ins);
      sqlite3_bind_text (ins, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (ins, 2, plan_id);
      sqlite3_bind_int64 (ins, 3, unit_id);
      sqlite3_bind_int64 (ins, 4, indicator);
      sqlite3_bind_text (ins, 5, date, -1, SQLITE_STATIC);
      sqlite3_bind_int (ins, 6, amount);
      sqlite3_bind_text (ins, 7, place, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins, 8, time, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins, 9, time, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins, 10, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (ins, 11, i + 1);
      if (sqlite3_step (ins) != SQLITE_DONE)
        g_error ("insert: %s", sqlite3_errmsg (db));
      /* The same row for .import: every column of the table, in order. */
      fprintf (csv, "%s,%lld,%lld,%lld,%s,%d,0,0,%s,,%s,%s,%s,0,%s,,%u\n", uuid,
               (long long) plan_id, (long long) unit_id, (long long) indicator, date, amount,
               place, time, time, PUH, stamp, i + 1);
    }
  sqlite3_finalize (ins);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  fclose (csv);
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = NULL, *src = NULL, *dst = NULL, *base = NULL, *csv = NULL;
  g_autofree char *bundle = NULL, *out = NULL;
  g_autoptr (D8Store) store = NULL;
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_ALL };
  D8BundleExportResult result = { 0 };
  struct rusage usage;
  struct stat st;
  guint n = 200000;
  double export_s, import_s, sqlite_s;
  gint64 start;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc == 4 && g_str_equal (argv[1], "--import-child"))
    return import_child (argv[2], argv[3]);
  if (argc > 1)
    n = (guint) g_ascii_strtoull (argv[1], NULL, 10);

  tmp = g_dir_make_tmp ("duan8-bench-bundle-XXXXXX", NULL);
  src = g_build_filename (tmp, "unit.sqlite3", NULL);
  dst = g_build_filename (tmp, "province.sqlite3", NULL);
  base = g_build_filename (tmp, "sqlite3-import.sqlite3", NULL);
  csv = g_build_filename (tmp, "entries.csv", NULL);
  bundle = g_build_filename (tmp, "unit" D8_BUNDLE_SUFFIX, NULL);

  store = d8_store_open (src, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (d8_store_set_office (store, PUH, &error));
  g_clear_object (&store);
  fill (src, csv, n);
  /* The two targets: empty stores with the plan, as a new office has. */
  g_clear_object (&store);
  store = d8_store_open (dst, D8_STORE_OPEN_DEFAULT, &error);
  g_clear_object (&store);
  store = d8_store_open (base, D8_STORE_OPEN_DEFAULT, &error);
  g_clear_object (&store);
  g_assert_no_error (error);

  store = d8_store_open (src, D8_STORE_OPEN_DEFAULT, &error);
  start = g_get_monotonic_time ();
  if (!d8_bundle_export (store, &options, bundle, &result, &error))
    g_error ("%s", error->message);
  export_s = (g_get_monotonic_time () - start) / 1e6;
  g_assert_cmpuint (result.n_entries, ==, n);
  g_clear_object (&store);
  g_stat (bundle, &st);

  {
    char *child[] = { argv[0], (char *) "--import-child", dst, bundle, NULL };
    if (!g_spawn_sync (NULL, child, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                       &error)
        || !g_spawn_check_wait_status (status, &error))
      g_error ("import: %s", error->message);
    import_s = g_ascii_strtod (out, NULL);
    getrusage (RUSAGE_CHILDREN, &usage);
  }
  {
    g_autofree char *cmd = g_strdup_printf ("sqlite3 '%s' '.import --csv %s entries'", base, csv);
    start = g_get_monotonic_time ();
    if (!g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error)
        || !g_spawn_check_wait_status (status, &error))
      g_error ("sqlite3: %s", error->message);
    sqlite_s = (g_get_monotonic_time () - start) / 1e6;
  }

  printf ("bundle_entries: %u\n", n);
  printf ("bundle_bytes: %lld\n", (long long) st.st_size);
  printf ("export_entries_per_s: %.0f\n", n / export_s);
  printf ("import_s: %.3f\n", import_s);
  printf ("sqlite3_import_s: %.3f\n", sqlite_s);
  printf ("import_ratio_vs_sqlite3: %.2f\n", import_s / sqlite_s);
  printf ("import_peak_rss_kb: %ld\n", usage.ru_maxrss);
  printf ("import_peak_rss_ratio: %.2f\n", usage.ru_maxrss * 1024.0 / st.st_size);
  d8_bundle_export_result_clear (&result);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp);
    if (system (cmd) != 0)
      fprintf (stderr, "could not remove %s\n", tmp);
  }
  return 0;
}
