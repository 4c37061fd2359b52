/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-seed.c — a store holding one generated plan and entries, for the
 * benchmarks and screenshots at 135 and 3,300 units.
 *
 * Usage: duan8-bench-seed PLAN.json DB [ENTRIES]
 *
 * Imports PLAN.json (bench/gen-plan.py writes it) through the app's own
 * d8_store_import_plan into a new store at DB, then adds ENTRIES random
 * entries (default: five per unit and indicator) dated in the plan's year.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "bench-util.h"
#include "d8-store.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = NULL;
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  gint64 plan_id;
  guint n;
  sqlite3 *db;
  g_autofree char *shift = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc < 3)
    {
      fprintf (stderr, "usage: %s PLAN.json DB [ENTRIES]\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &data, &length, &error))
    g_error ("%s", error->message);
  store = d8_store_open (argv[2], D8_STORE_OPEN_NO_SEED, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  plan_id = d8_store_import_plan (store, data, (gssize) length, argv[1], &error);
  if (plan_id == 0)
    g_error ("%s", error->message);
  plan = d8_store_get_plan (store, plan_id, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) units = d8_store_list_units (store, plan_id, &error);
    g_assert_no_error (error);
    n = argc > 3 ? (guint) atoi (argv[3]) : units->len * 9 * 5;
  }
  g_clear_object (&store);

  /* bench_fill_entries dates its entries in 2023; move them to the plan's year. */
  bench_fill_entries (argv[2], plan_id, n, 13, 2, FALSE);
  if (sqlite3_open (argv[2], &db) != SQLITE_OK)
    g_error ("open %s", argv[2]);
  shift = g_strdup_printf ("UPDATE entries SET date = '%04d' || substr (date, 5)"
                           " WHERE plan_id = %" G_GINT64_FORMAT, plan->year, plan_id);
  if (sqlite3_exec (db, shift, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  /* The percent indicators: one survey per unit, 60–99 women reached of 100. */
  {
    g_autofree char *survey = g_strdup_printf (
      "INSERT INTO entries (uuid, plan_id, unit_id, indicator_id, date, reached, group_size,"
      " created_at, updated_at, origin)"
      " SELECT lower (hex (randomblob (16))), pu.plan_id, pu.unit_id, i.id, '%04d-06-30',"
      " 60 + abs (random ()) %% 40, 100, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'bench'"
      " FROM plan_units pu JOIN indicators i ON i.plan_id = pu.plan_id AND i.kind = 'percent'"
      " WHERE pu.plan_id = %" G_GINT64_FORMAT, plan->year, plan_id);

    if (sqlite3_exec (db, survey, NULL, NULL, NULL) != SQLITE_OK)
      g_error ("%s", sqlite3_errmsg (db));
  }
  sqlite3_close (db);
  printf ("%s: plan %" G_GINT64_FORMAT " with %u entries\n", argv[2], plan_id, n);
  return 0;
}
