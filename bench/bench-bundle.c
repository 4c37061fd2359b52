/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-bundle.c — bundle figures for `make bench`, as "name: value" lines.
 *
 *   export_entries_per_s     exporting 200,000 entries of one unit to a
 *                            bundle, in this process (one run)
 *   import_s                 `duan8-cli --db COPY import-bundle BUNDLE
 *                            --trust-new-office`, the whole process
 *   sqlite3_import_s         `sqlite3 COPY '.import --csv CSV entries'`: the
 *                            sqlite3 shell loading the same rows from CSV
 *                            into the same entries table (same triggers, one
 *                            transaction), the whole process
 *   import_ratio_vs_sqlite3  import_s ÷ sqlite3_import_s of the same round
 *                            (goal ≤ 2.0)
 *   import_peak_rss_kb, sqlite3_import_peak_rss_kb
 *                            peak RSS of each process (wait4's ru_maxrss)
 *   import_peak_rss_ratio    duan8-cli's peak RSS ÷ bundle size (goal ≤ 4)
 *   import_peak_rss_ratio_vs_sqlite3
 *                            duan8-cli's peak RSS ÷ the sqlite3 shell's,
 *                            same round
 *
 * Method: both sides are timed the same way, from before the process is
 * spawned until wait4 returns, so both include starting the program,
 * opening the database and committing. Every round copies the same empty
 * store (the embedded plan, the province's office) twice, before anything
 * of the round is timed, and runs duan8-cli on one copy, then the sqlite3
 * shell on the other: the two alternate, round after round. Afterwards
 * (untimed) both copies must hold the N entries with the same total amount,
 * or the benchmark fails. The timed lines give the median of the rounds and,
 * in brackets, the min–max (bench_print); the ratios are taken per round.
 *
 * The bundle is the first from its office (gia-lai/chu-puh), which the
 * import refuses until the person confirms the office's fingerprint read
 * aloud on the phone. The benchmark gives that answer as the person does at
 * the command line, with --trust-new-office in the timed command itself:
 * registering the office's key is part of the measured import.
 *
 * Usage: duan8-bench-bundle [--rounds R] [--cli PATH] [N]
 *        R rounds (default 5), N entries (default 200000); PATH is the
 *        duan8-cli of this build unless given. sqlite3 is found in PATH.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-util.h"
#include "d8-bundle.h"
#include "d8-hlc.h"

#define PUH "gia-lai/chu-puh"

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

/* Runs @argv (found in PATH) as a whole process, its standard output to
 * /dev/null, and returns the seconds from before the spawn until wait4
 * returned; @peak_rss_kb gets its ru_maxrss. Fails the benchmark unless it
 * exits 0. */
static double
run_timed (char **argv, long *peak_rss_kb)
{
  posix_spawn_file_actions_t actions;
  g_auto (GStrv) env = g_get_environ ();
  struct rusage usage;
  pid_t pid;
  int status, rc;
  gint64 start, elapsed;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  start = g_get_monotonic_time ();
  rc = posix_spawnp (&pid, argv[0], &actions, NULL, argv, env);
  if (rc != 0)
    g_error ("%s: %s", argv[0], g_strerror (rc));
  if (wait4 (pid, &status, 0, &usage) != pid)
    g_error ("%s: wait4: %s", argv[0], g_strerror (errno));
  elapsed = g_get_monotonic_time () - start;
  posix_spawn_file_actions_destroy (&actions);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed (wait status %d)", argv[0], status);
  *peak_rss_kb = usage.ru_maxrss;
  return elapsed / 1e6;
}

/* The number of live entries in @db_path and the sum of their amounts,
 * checked after a round (untimed). */
static void
count_entries (const char *db_path, gint64 *count, gint64 *sum)
{
  sqlite3 *db;
  sqlite3_stmt *q;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "SELECT count(*), coalesce(sum(amount), 0) FROM entries WHERE deleted = 0",
                             -1, &q, NULL) != SQLITE_OK
      || sqlite3_step (q) != SQLITE_ROW)
    g_error ("%s: %s", db_path, sqlite3_errmsg (db));
  *count = sqlite3_column_int64 (q, 0);
  *sum = sqlite3_column_int64 (q, 1);
  sqlite3_finalize (q);
  sqlite3_close (db);
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr (GFile) src = g_file_new_for_path (from);
  g_autoptr (GFile) dst = g_file_new_for_path (to);
  g_autoptr (GError) error = NULL;

  if (!g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    g_error ("copy %s: %s", from, error->message);
}

static void
remove_tree (const char *path)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", path);

  if (system (cmd) != 0)
    fprintf (stderr, "could not remove %s\n", path);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = NULL, *src = NULL, *empty = NULL, *csv = NULL, *bundle = NULL;
  g_autofree char *empty_wal = NULL;
  g_autoptr (D8Store) store = NULL;
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_ALL };
  D8BundleExportResult result = { 0 };
  const char *cli = D8_BENCH_CLI;
  struct stat st;
  guint n = 200000, rounds = 5;
  double export_s;
  double *import_s, *sqlite_s, *ratio, *rss, *sqlite_rss, *rss_ratio, *rss_vs_sqlite;
  gint64 start;

  setlocale (LC_ALL, "C.UTF-8");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--rounds") && i + 1 < argc)
        rounds = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--cli") && i + 1 < argc)
        cli = argv[++i];
      else if (g_ascii_isdigit (argv[i][0]))
        n = (guint) g_ascii_strtoull (argv[i], NULL, 10);
      else
        {
          fprintf (stderr, "usage: %s [--rounds R] [--cli PATH] [N]\n", argv[0]);
          return 2;
        }
    }
  if (rounds == 0 || n == 0)
    {
      fprintf (stderr, "%s: the rounds and the entries must be at least 1\n", argv[0]);
      return 2;
    }

  tmp = g_dir_make_tmp ("duan8-bench-bundle-XXXXXX", NULL);
  src = g_build_filename (tmp, "unit.sqlite3", NULL);
  empty = g_build_filename (tmp, "empty.sqlite3", NULL);
  empty_wal = g_strconcat (empty, "-wal", NULL);
  csv = g_build_filename (tmp, "entries.csv", NULL);
  bundle = g_build_filename (tmp, "unit" D8_BUNDLE_SUFFIX, NULL);

  /* The sending office: the unit, its entries, its bundle. */
  store = d8_store_open (src, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (d8_store_set_office (store, PUH, &error));
  g_clear_object (&store);
  fill (src, csv, n);
  store = d8_store_open (src, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  if (!d8_bundle_export (store, &options, bundle, &result, &error))
    g_error ("%s", error->message);
  export_s = (g_get_monotonic_time () - start) / 1e6;
  g_assert_cmpuint (result.n_entries, ==, n);
  g_clear_object (&store);
  g_stat (bundle, &st);

  /* The receiving store every round starts from: the embedded plan, the
   * province's office said explicitly, closed so that it is one file. */
  store = d8_store_open (empty, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (d8_store_set_office (store, "province", &error));
  g_clear_object (&store);
  if (g_file_test (empty_wal, G_FILE_TEST_EXISTS))
    g_error ("%s is left after closing the store: a copy would miss it", empty_wal);

  import_s = g_new (double, rounds);
  sqlite_s = g_new (double, rounds);
  ratio = g_new (double, rounds);
  rss = g_new (double, rounds);
  sqlite_rss = g_new (double, rounds);
  rss_ratio = g_new (double, rounds);
  rss_vs_sqlite = g_new (double, rounds);
  for (guint r = 0; r < rounds; r++)
    {
      g_autofree char *name = g_strdup_printf ("round-%u", r);
      g_autofree char *dir = g_build_filename (tmp, name, NULL);
      g_autofree char *d8_db = g_build_filename (dir, "duan8.sqlite3", NULL);
      g_autofree char *sq_db = g_build_filename (dir, "sqlite3.sqlite3", NULL);
      g_autofree char *dot = g_strdup_printf (".import --csv \"%s\" entries", csv);
      char *d8_argv[] = { (char *) cli, (char *) "--db", d8_db, (char *) "import-bundle", bundle,
                          (char *) "--trust-new-office", NULL };
      char *sq_argv[] = { (char *) "sqlite3", sq_db, dot, NULL };
      gint64 d8_count, d8_sum, sq_count, sq_sum;
      long d8_kb, sq_kb;

      /* Untimed: two fresh copies of the same empty store. */
      if (g_mkdir (dir, 0700) != 0)
        g_error ("mkdir %s: %s", dir, g_strerror (errno));
      copy_file (empty, d8_db);
      copy_file (empty, sq_db);

      import_s[r] = run_timed (d8_argv, &d8_kb);
      sqlite_s[r] = run_timed (sq_argv, &sq_kb);

      /* Untimed: both did the whole work, and the same. */
      count_entries (d8_db, &d8_count, &d8_sum);
      count_entries (sq_db, &sq_count, &sq_sum);
      if (d8_count != (gint64) n || sq_count != (gint64) n || d8_sum != sq_sum)
        g_error ("round %u: duan8-cli left %" G_GINT64_FORMAT " entries (amounts %" G_GINT64_FORMAT
                 "), sqlite3 %" G_GINT64_FORMAT " (%" G_GINT64_FORMAT "), not %u",
                 r + 1, d8_count, d8_sum, sq_count, sq_sum, n);
      ratio[r] = import_s[r] / sqlite_s[r];
      rss[r] = d8_kb;
      sqlite_rss[r] = sq_kb;
      rss_ratio[r] = d8_kb * 1024.0 / st.st_size;
      rss_vs_sqlite[r] = (double) d8_kb / sq_kb;
      fprintf (stderr, "round %u of %u: duan8-cli %.3f s, sqlite3 %.3f s\n", r + 1, rounds,
               import_s[r], sqlite_s[r]);
      remove_tree (dir);
    }

  printf ("bundle_entries: %u\n", n);
  printf ("bundle_bytes: %lld\n", (long long) st.st_size);
  printf ("bundle_rounds: %u\n", rounds);
  printf ("export_entries_per_s: %.0f\n", n / export_s);
  bench_print ("import_s", import_s, rounds, 3);
  bench_print ("sqlite3_import_s", sqlite_s, rounds, 3);
  bench_print ("import_ratio_vs_sqlite3", ratio, rounds, 2);
  bench_print ("import_peak_rss_kb", rss, rounds, 0);
  bench_print ("sqlite3_import_peak_rss_kb", sqlite_rss, rounds, 0);
  bench_print ("import_peak_rss_ratio", rss_ratio, rounds, 2);
  bench_print ("import_peak_rss_ratio_vs_sqlite3", rss_vs_sqlite, rounds, 2);
  d8_bundle_export_result_clear (&result);
  g_free (import_s);
  g_free (sqlite_s);
  g_free (ratio);
  g_free (rss);
  g_free (sqlite_rss);
  g_free (rss_ratio);
  g_free (rss_vs_sqlite);
  remove_tree (tmp);
  return 0;
}
