/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rollup.c — units grouped by parent (d8-rollup.c): the 2023 plan of
 * one province's districts stays one flat list; the generated plans of
 * 135 communes (17 former districts) and 3,300 (34 provinces) group, and
 * every group's subtotals add up to the province's. */
#include <locale.h>
#include <math.h>

#include "d8-rollup.h"
#include "d8-test-util.h"

/* A store holding only the plan bench/gen-plan.py writes for @n units. */
static D8Store *
open_generated (const char *dir, guint n, gint64 *plan_id)
{
  g_autofree char *db = g_strdup_printf ("%s/%u.sqlite3", dir, n);
  D8Store *store = d8_test_open_generated_plan (dir, db, n, plan_id);

  g_assert_cmpint (*plan_id, >, 0);
  return store;
}

/* Every unit is in exactly one group, in plan order within it, and the
 * groups' quotas and amounts add up to the province's. */
static void
check_sums (D8Rollup *rollup)
{
  D8Overview *ov = rollup->overview;
  guint n = 0;

  for (guint g = 0; g < rollup->groups->len; g++)
    {
      const D8RollupGroup *group = rollup->groups->pdata[g];

      for (guint k = 0; k < group->units->len; k++)
        {
          guint u = g_array_index (group->units, guint, k);

          g_assert_cmpuint (rollup->unit_group[u], ==, g);
          g_assert_cmpint (((D8Unit *) ov->units->pdata[u])->parent_id, ==, group->parent_id);
          if (k > 0)
            g_assert_cmpuint (u, >, g_array_index (group->units, guint, k - 1));
        }
      n += group->units->len;
    }
  g_assert_cmpuint (n, ==, ov->units->len);

  for (guint i = 0; i < ov->indicators->len; i++)
    {
      gint64 quota = 0, achieved = 0;

      for (guint g = 0; g < rollup->groups->len; g++)
        {
          const D8RollupGroup *group = rollup->groups->pdata[g];

          quota += group->cells[i].has_quota ? group->cells[i].quota : 0;
          achieved += group->cells[i].achieved;
        }
      g_assert_cmpint (quota, ==, ov->allocated[i]);
      g_assert_cmpint (achieved, ==, ov->totals[i].achieved);
    }
}

static void
test_flat_2023 (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "db.sqlite3", NULL);
  g_autoptr (D8Store) store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (store, NULL, &error);
  g_autoptr (D8Overview) ov = d8_store_compute_overview (store, plan->id, "2023-06-30", &error);
  g_autoptr (D8Rollup) rollup = d8_store_compute_rollup (store, ov, &error);

  g_assert_no_error (error);
  /* 15 districts of one province: one group, shown as one flat list */
  g_assert_cmpuint (rollup->groups->len, ==, 1);
  g_assert_false (d8_rollup_is_grouped (rollup));
  g_assert_cmpstr (((D8RollupGroup *) rollup->groups->pdata[0])->name, ==, "Gia Lai");
  check_sums (rollup);
  g_clear_pointer (&rollup, d8_rollup_free);
  g_clear_object (&store);
  d8_test_rmtree (dir);
}

static void
test_generated (gconstpointer data)
{
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = d8_test_tmpdir ();
  gint64 plan_id = 0;
  g_autoptr (D8Store) store = open_generated (dir, n, &plan_id);
  g_autoptr (D8Overview) ov = d8_store_compute_overview (store, plan_id, "2026-06-30", &error);
  g_autoptr (D8Rollup) rollup = NULL;
  g_autoptr (D8Entry) entry = d8_entry_new ();
  const D8Unit *last;
  const D8RollupGroup *group;

  g_assert_no_error (error);
  g_assert_cmpuint (ov->units->len, ==, n);

  /* An entry for the last unit counts in its group's subtotal. */
  last = ov->units->pdata[n - 1];
  entry->plan_id = plan_id;
  entry->unit_id = last->id;
  entry->indicator_id = ((D8Indicator *) ov->indicators->pdata[0])->id;
  entry->date = g_strdup ("2026-03-01");
  entry->amount = 7;
  g_assert_true (d8_store_add_entry (store, entry, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ov, d8_overview_unref);
  ov = d8_store_compute_overview (store, plan_id, "2026-06-30", &error);
  rollup = d8_store_compute_rollup (store, ov, &error);
  g_assert_no_error (error);

  g_assert_true (d8_rollup_is_grouped (rollup));
  g_assert_cmpuint (rollup->groups->len, ==, n > 1000 ? 34 : 17);
  group = rollup->groups->pdata[rollup->unit_group[n - 1]];
  g_assert_nonnull (group->name);
  g_assert_cmpint (group->cells[0].achieved, ==, 7);
  g_assert_cmpint (group->cells[0].n_entries, ==, 1);
  check_sums (rollup);

  g_clear_pointer (&rollup, d8_rollup_free);
  g_clear_pointer (&ov, d8_overview_unref);
  g_clear_object (&store);
  d8_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rollup/flat-2023", test_flat_2023);
  g_test_add_data_func ("/rollup/generated-135", GUINT_TO_POINTER (135), test_generated);
  g_test_add_data_func ("/rollup/generated-3300", GUINT_TO_POINTER (3300), test_generated);
  return g_test_run ();
}
