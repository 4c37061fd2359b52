/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-util.c — see bench-util.h. */
#include "config.h"

#include <stdio.h>

#include <stdlib.h>

#include <sqlite3.h>

#include "bench-util.h"

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

double
bench_median (double *values, guint n)
{
  qsort (values, n, sizeof (double), cmp_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void
bench_print (const char *name, double *values, guint n, int digits)
{
  double median = bench_median (values, n);

  printf ("%s: %.*f (%.*f–%.*f)\n", name, digits, median, digits, values[0], digits,
          values[n - 1]);
}

static GArray *
ids (sqlite3 *db, const char *sql, gint64 plan_id)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (out, id);
    }
  sqlite3_finalize (stmt);
  return out;
}

void
bench_fill_entries (const char *db_path, gint64 plan_id, guint n, guint32 seed, int max_amount,
                    gboolean mostly_zero)
{
  sqlite3 *db;
  sqlite3_stmt *ins;
  g_autoptr (GArray) unit_ids = NULL;
  g_autoptr (GArray) ind_ids = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);

  if (sqlite3_open (db_path, &db) != SQLITE_OK)
    g_error ("open %s: %s", db_path, sqlite3_errmsg (db));
  unit_ids = ids (db, "SELECT unit_id FROM plan_units WHERE plan_id = ?", plan_id);
  ind_ids = ids (db, "SELECT id FROM indicators WHERE plan_id = ? AND kind = 'count'", plan_id);

  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO entries (uuid, plan_id, unit_id, indicator_id, date, amount,"
                          " created_at, updated_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench')",
                      -1, &ins, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      char date[11];
      GDate d;
      int amount = mostly_zero ? (g_rand_int_range (rand, 0, 100) < 97 ? 0 : 1)
                               : g_rand_int_range (rand, 0, max_amount + 1);

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, 1, 1, 2023);
      g_date_add_days (&d, g_rand_int_range (rand, 0, 365));
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &d);
      sqlite3_reset (ins);
      sqlite3_bind_text (ins, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (ins, 2, plan_id);
      sqlite3_bind_int64 (ins, 3, g_array_index (unit_ids, gint64,
                                                 g_rand_int_range (rand, 0, unit_ids->len)));
      sqlite3_bind_int64 (ins, 4, g_array_index (ind_ids, gint64,
                                                 g_rand_int_range (rand, 0, ind_ids->len)));
      sqlite3_bind_text (ins, 5, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (ins, 6, amount);
      sqlite3_bind_text (ins, 7, "2023-01-01T00:00:00Z", -1, SQLITE_STATIC);
      sqlite3_bind_text (ins, 8, "2023-01-01T00:00:00Z", -1, SQLITE_STATIC);
      if (sqlite3_step (ins) != SQLITE_DONE)
        g_error ("insert: %s", sqlite3_errmsg (db));
    }
  sqlite3_finalize (ins);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
}
