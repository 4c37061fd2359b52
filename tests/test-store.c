/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c — the store: migrations, opening, entries (their stamps
 * and filters), and the arithmetic of the overview checked against a
 * recount of the entries. */
#include <locale.h>
#include <math.h>

#include <sqlite3.h>

#include "d8-test-util.h"

typedef struct
{
  char *dir;
  char *db_path;
  D8Store *store;
  D8Plan *plan;
  GPtrArray *units;
  GPtrArray *indicators;
  guint changed;
} Fixture;

static void
changed_cb (D8Store *store, Fixture *f)
{
  f->changed++;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = d8_test_tmpdir ();
  f->db_path = g_build_filename (f->dir, "sub", "dir", "test.sqlite3", NULL);
  f->store = d8_store_open (f->db_path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->plan = d8_store_resolve_plan (f->store, NULL, &error);
  g_assert_no_error (error);
  f->units = d8_store_list_units (f->store, f->plan->id, &error);
  g_assert_no_error (error);
  f->indicators = d8_store_list_indicators (f->store, f->plan->id, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_ptr_array_unref (f->units);
  g_ptr_array_unref (f->indicators);
  d8_plan_free (f->plan);
  g_assert_finalize_object (f->store);
  d8_test_rmtree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static D8Unit *
unit_at (Fixture *f, guint i)
{
  return f->units->pdata[i];
}

static D8Indicator *
indicator_at (Fixture *f, guint i)
{
  return f->indicators->pdata[i];
}

static D8Entry *
make_entry (Fixture *f, guint unit, guint indicator, const char *date, gint64 amount)
{
  D8Entry *entry = d8_entry_new ();

  entry->plan_id = f->plan->id;
  entry->unit_id = unit_at (f, unit)->id;
  entry->indicator_id = indicator_at (f, indicator)->id;
  entry->date = g_strdup (date);
  if (indicator_at (f, indicator)->kind == D8_KIND_PERCENT)
    {
      entry->reached = amount;
      entry->group_size = amount * 2 + 1;
    }
  else
    entry->amount = amount;
  return entry;
}

/* ------------------------------------------------------------- migrations */

static int
user_version (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int version;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static void
make_db (const char *path, const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Every earlier schema version must open and migrate to the current one.
 * Version 0 is an empty file (or one another tool created). */
static void
test_migrate_from_v0 (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v0.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = NULL;
  g_autoptr (GPtrArray) plans = NULL;

  make_db (path, "CREATE TABLE unrelated (x); PRAGMA user_version = 0;");
  g_assert_cmpint (user_version (path), ==, 0);
  store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d8_store_get_schema_version (store), ==, D8_SCHEMA_VERSION);
  plans = d8_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_clear_object (&store);
  g_assert_cmpint (user_version (path), ==, D8_SCHEMA_VERSION);
  d8_test_rmtree (dir);
}

static void
test_migrate_too_new (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "future.sqlite3", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  D8Store *store;

  make_db (path, "CREATE TABLE t (x); INSERT INTO t VALUES (42); PRAGMA user_version = 99;");
  before = d8_test_dump (path);
  store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, D8_ERROR, D8_ERROR_SCHEMA_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));
  after = d8_test_dump (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (user_version (path), ==, 99);
  d8_test_rmtree (dir);
}

static void
test_open_twice_seeds_once (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) again = d8_store_open (f->db_path, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (GPtrArray) plans = NULL;

  g_assert_no_error (error);
  plans = d8_store_list_plans (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpstr (d8_store_get_office (again), ==, "province");
}

static void
test_open_no_seed (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = d8_store_open (path, D8_STORE_OPEN_NO_SEED, &error);
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (D8Plan) plan = NULL;

  g_assert_no_error (error);
  plans = d8_store_list_plans (store, &error);
  g_assert_cmpuint (plans->len, ==, 0);
  plan = d8_store_resolve_plan (store, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  g_clear_object (&store);
  d8_test_rmtree (dir);
}

static void
test_open_bad_folder (void)
{
  g_autoptr (GError) error = NULL;
  D8Store *store = d8_store_open ("/proc/no-such-dir/x.sqlite3", D8_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "/proc/no-such-dir"));
}

/* -------------------------------------------------------------- resolving */

static void
test_resolve (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Unit) by_folded = d8_store_resolve_unit (f->store, f->plan->id, "chu puh", &error);
  g_autoptr (D8Unit) by_case = NULL;
  g_autoptr (D8Unit) by_code = NULL;
  g_autoptr (D8Unit) ambiguous = NULL;
  g_autoptr (D8Unit) unknown = NULL;
  g_autoptr (D8Indicator) sm = NULL;
  g_autoptr (D8Indicator) nine = NULL;
  g_autoptr (D8Indicator) none = NULL;
  g_autoptr (D8Plan) by_doc = NULL;
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (by_folded->name, ==, "Chư Pưh");
  by_case = d8_store_resolve_unit (f->store, f->plan->id, "ĐAK ĐOA", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_case->name, ==, "Đak Đoa");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, by_case->id);
  by_code = d8_store_resolve_unit (f->store, f->plan->id, "gia-lai/an-khe", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_code->name, ==, "An Khê");

  ambiguous = d8_store_resolve_unit (f->store, f->plan->id, "chu p", &error);
  g_assert_null (ambiguous);
  g_assert_error (error, D8_ERROR, D8_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "Chư Păh"));
  g_clear_error (&error);
  unknown = d8_store_resolve_unit (f->store, f->plan->id, "Pleiku", &error);
  g_assert_null (unknown);
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Pleiku"));
  g_clear_error (&error);

  sm = d8_store_resolve_indicator (f->store, f->plan->id, "sm", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sm->kind, ==, D8_KIND_PERCENT);
  nine = d8_store_resolve_indicator (f->store, f->plan->id, "9", &error);
  g_assert_no_error (error);
  g_assert_cmpint (nine->position, ==, 9);
  none = d8_store_resolve_indicator (f->store, f->plan->id, "10", &error);
  g_assert_null (none);
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  g_clear_error (&error);

  by_doc = d8_store_resolve_plan (f->store, "1653/KH-UBND", &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_doc->id, ==, f->plan->id);
}

/* ---------------------------------------------------------------- entries */

static void
test_entry_crud (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Entry) entry = make_entry (f, 0, 0, "2023-07-15", 3);
  g_autoptr (D8Entry) read = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *uuid = NULL;

  entry->place = g_strdup ("  Xã Ia Le ");
  /* NFD input ("ẹ" decomposed) is stored as NFC. */
  entry->note = g_strdup ("Ne\xcc\xa3\xcc\x82t");
  g_assert_true (d8_store_add_entry (f->store, entry, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (entry->uuid));
  g_assert_cmpuint (f->changed, ==, 1);
  uuid = g_strdup (entry->uuid);

  read = d8_store_get_entry (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->date, ==, "2023-07-15");
  g_assert_cmpint (read->amount, ==, 3);
  g_assert_cmpstr (read->place, ==, "Xã Ia Le");
  g_assert_cmpstr (read->note, ==, "N\xe1\xbb\x87t");
  g_assert_cmpstr (read->origin, ==, "province");
  g_assert_false (read->deleted);
  g_assert_nonnull (read->created_at);

  read->amount = 5;
  read->date = (g_free (read->date), g_strdup ("2023-08-01"));
  g_assert_true (d8_store_update_entry (f->store, read, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, d8_entry_free);
  read = d8_store_get_entry (f->store, uuid, &error);
  g_assert_cmpint (read->amount, ==, 5);
  g_assert_cmpstr (read->date, ==, "2023-08-01");

  list = d8_store_list_entries (f->store, f->plan->id, unit_at (f, 0)->id, 0, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (d8_store_delete_entry (f->store, uuid, &error));
  list = d8_store_list_entries (f->store, f->plan->id, unit_at (f, 0)->id, 0, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = d8_store_list_entries (f->store, f->plan->id, 0, 0, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (((D8Entry *) list->pdata[0])->deleted);

  /* Deleting twice says so. */
  g_assert_false (d8_store_delete_entry (f->store, uuid, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (d8_store_undelete_entry (f->store, uuid, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, d8_entry_free);
  read = d8_store_get_entry (f->store, uuid, &error);
  g_assert_false (read->deleted);
  g_assert_cmpuint (f->changed, ==, 4);
}

static void
expect_invalid (Fixture *f, D8Entry *entry, gint code, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = d8_test_dump (f->db_path);
  g_autofree char *after = NULL;

  g_assert_false (d8_store_add_entry (f->store, entry, FALSE, &error));
  g_assert_error (error, D8_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, fragment);
  after = d8_test_dump (f->db_path);
  g_assert_cmpstr (before, ==, after);
  d8_entry_free (entry);
}

static void
test_entry_validation (Fixture *f, gconstpointer data)
{
  D8Entry *entry;
  g_autoptr (GError) error = NULL;

  entry = make_entry (f, 0, 0, "2023-07-15", -1);
  expect_invalid (f, entry, D8_ERROR_INVALID, "amount");

  entry = make_entry (f, 0, 0, "2023-02-30", 1);
  expect_invalid (f, entry, D8_ERROR_INVALID, "2023-02-30");

  entry = make_entry (f, 0, 0, "2022-12-31", 1);
  expect_invalid (f, entry, D8_ERROR_OUT_OF_PERIOD, "date");

  entry = make_entry (f, 0, 9, "2023-07-15", 10);
  entry->reached = 50;
  entry->group_size = 40;
  expect_invalid (f, entry, D8_ERROR_INVALID, "reached");

  entry = make_entry (f, 0, 9, "2023-07-15", 10);
  entry->group_size = 0;
  entry->reached = 0;
  expect_invalid (f, entry, D8_ERROR_INVALID, "group size");

  entry = make_entry (f, 0, 0, "2023-07-15", 1);
  entry->reached = 1;
  expect_invalid (f, entry, D8_ERROR_INVALID, "amount");

  entry = make_entry (f, 0, 0, "2023-07-15", 1);
  entry->unit_id = 9999;
  expect_invalid (f, entry, D8_ERROR_NOT_FOUND, "unit");

  entry = make_entry (f, 0, 0, "2023-07-15", 1);
  entry->place = g_strdup ("bad \xff utf8");
  expect_invalid (f, entry, D8_ERROR_INVALID, "UTF-8");

  entry = make_entry (f, 0, 0, "2023-07-15", 1);
  entry->uuid = g_strdup ("not-a-uuid");
  expect_invalid (f, entry, D8_ERROR_INVALID, "uuid");

  /* Out of the period, confirmed: accepted. */
  entry = make_entry (f, 0, 0, "2024-01-05", 1);
  g_assert_true (d8_store_add_entry (f->store, entry, TRUE, &error));
  g_assert_no_error (error);
  d8_entry_free (entry);
  g_assert_cmpuint (f->changed, ==, 1);
}

static D8Overview *
overview (Fixture *f, const char *as_of)
{
  g_autoptr (GError) error = NULL;
  D8Overview *ov = d8_store_compute_overview (f->store, f->plan->id, as_of, &error);

  g_assert_no_error (error);
  return ov;
}

static void
test_overview_arithmetic (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Overview) empty = overview (f, "2023-12-31");
  g_autoptr (D8Overview) ov = NULL;
  g_autoptr (D8Overview) early = NULL;
  D8Entry *entries[] = {
    make_entry (f, 0, 0, "2023-03-01", 2), /* Chư Pưh, indicator 1 (quota 4) */
    make_entry (f, 0, 0, "2023-09-01", 2),
    make_entry (f, 3, 0, "2023-05-01", 25), /* Chư Păh, quota 19: overshoot */
    make_entry (f, 11, 0, "2023-05-01", 1), /* An Khê: no quota in column 1 */
    make_entry (f, 11, 4, "2023-05-01", 0), /* An Khê column 5: quota 0 */
    make_entry (f, 0, 1, "2023-05-01", 1), /* Chư Pưh column 2: no quota */
  };
  D8Entry *sm1 = make_entry (f, 0, 9, "2023-04-01", 0);
  D8Entry *sm2 = make_entry (f, 5, 9, "2023-04-01", 0);
  D8Cell *cell;

  /* Nothing recorded: every quota'd cell not started; no-quota cells stay so. */
  cell = d8_overview_cell (empty, 0, 0);
  g_assert_cmpint (cell->status, ==, D8_STATUS_NOT_STARTED);
  cell = d8_overview_cell (empty, 0, 1);
  g_assert_cmpint (cell->status, ==, D8_STATUS_NO_QUOTA);
  g_assert_true (isnan (cell->completion));
  cell = d8_overview_cell (empty, 11, 4); /* quota 0: met */
  g_assert_cmpint (cell->status, ==, D8_STATUS_DONE);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_assert_true (d8_store_add_entry (f->store, entries[i], FALSE, &error));
      g_assert_no_error (error);
    }
  sm1->reached = 30;
  sm1->group_size = 40;
  sm2->reached = 10;
  sm2->group_size = 60;
  g_assert_true (d8_store_add_entry (f->store, sm1, FALSE, &error));
  g_assert_true (d8_store_add_entry (f->store, sm2, FALSE, &error));
  g_assert_no_error (error);

  ov = overview (f, "2023-12-31");
  g_assert_cmpfloat (ov->expected, ==, 1.0);
  cell = d8_overview_cell (ov, 0, 0);
  g_assert_cmpint (cell->achieved, ==, 4);
  g_assert_cmpint (cell->n_entries, ==, 2);
  g_assert_cmpfloat (cell->completion, ==, 1.0);
  g_assert_cmpint (cell->status, ==, D8_STATUS_DONE);
  cell = d8_overview_cell (ov, 3, 0);
  g_assert_cmpint (cell->achieved, ==, 25);
  g_assert_cmpfloat_with_epsilon (cell->completion, 25.0 / 19.0, 1e-9);
  cell = d8_overview_cell (ov, 11, 0);
  g_assert_false (cell->has_quota);
  g_assert_cmpint (cell->achieved, ==, 1); /* recorded, shown, never guessed into a quota */
  g_assert_cmpint (cell->status, ==, D8_STATUS_NO_QUOTA);

  /* Province total of column 1: all achieved (4 + 25 + 1) against the stated 128. */
  g_assert_cmpint (ov->totals[0].achieved, ==, 30);
  g_assert_cmpint (ov->totals[0].quota, ==, 128);
  g_assert_cmpint (ov->allocated[0], ==, 126);
  g_assert_cmpfloat_with_epsilon (ov->totals[0].completion, 30.0 / 128.0, 1e-9);
  g_assert_cmpint (ov->totals[0].status, ==, D8_STATUS_BEHIND);

  /* The 80 % target: province = sum reached / sum of group sizes = 40/100. */
  cell = d8_overview_cell (ov, 0, 9);
  g_assert_cmpfloat_with_epsilon (cell->completion, 0.75, 1e-9);
  g_assert_cmpint (cell->status, ==, D8_STATUS_BEHIND);
  g_assert_cmpint (ov->totals[9].achieved, ==, 40);
  g_assert_cmpint (ov->totals[9].group_size, ==, 100);
  g_assert_cmpfloat_with_epsilon (ov->totals[9].completion, 0.40, 1e-9);

  /* As of mid-June: only entries dated on or before it count. */
  early = overview (f, "2023-06-10");
  g_assert_cmpint (d8_overview_cell (early, 0, 0)->achieved, ==, 2);
  g_assert_cmpint (d8_overview_cell (early, 0, 0)->status, ==, D8_STATUS_ON_TRACK);
  g_assert_cmpfloat_with_epsilon (early->expected, 161.0 / 365.0, 1e-9);

  /* Deleted entries do not count; undeleted ones count again. */
  g_assert_true (d8_store_delete_entry (f->store, entries[2]->uuid, &error));
  {
    g_autoptr (D8Overview) after = overview (f, "2023-12-31");
    g_assert_cmpint (d8_overview_cell (after, 3, 0)->achieved, ==, 0);
    g_assert_cmpint (after->totals[0].achieved, ==, 5);
  }

  /* Unit overall completion: mean of capped completions of quota'd count cells. */
  {
    g_autoptr (D8Overview) after = overview (f, "2023-12-31");
    double expect = 0;
    guint n = 0;
    for (guint i = 0; i < 9; i++)
      {
        cell = d8_overview_cell (after, 11, i);
        if (!cell->has_quota || cell->quota == 0)
          continue;
        expect += MIN (1.0, (double) cell->achieved / cell->quota);
        n++;
      }
    g_assert_cmpfloat_with_epsilon (after->unit_overall[11], expect / n, 1e-9);
    /* An Khê recorded only a 0 against its quota of 0: nothing achieved. */
    g_assert_cmpfloat_with_epsilon (after->unit_overall[11], 0.0, 1e-9);
  }

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    d8_entry_free (entries[i]);
  d8_entry_free (sm1);
  d8_entry_free (sm2);
}

/* Random adds, edits (moving date, unit, indicator), deletes and undeletes;
 * the overview must always equal a recount of the live entries. */
static void
test_overview_matches_recount (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (1653);

  for (guint step = 0; step < 600; step++)
    {
      guint action = g_rand_int_range (rand, 0, 10);

      if (action < 5 || uuids->len == 0)
        {
          guint ind = g_rand_int_range (rand, 0, 10);
          g_autofree char *date =
            g_strdup_printf ("2023-%02d-%02d", g_rand_int_range (rand, 1, 13),
                             g_rand_int_range (rand, 1, 29));
          g_autoptr (D8Entry) e = make_entry (f, g_rand_int_range (rand, 0, 15), ind, date,
                                              g_rand_int_range (rand, 0, 6));
          g_assert_true (d8_store_add_entry (f->store, e, FALSE, &error));
          g_assert_no_error (error);
          g_ptr_array_add (uuids, g_strdup (e->uuid));
        }
      else
        {
          const char *uuid = uuids->pdata[g_rand_int_range (rand, 0, uuids->len)];
          g_autoptr (D8Entry) e = d8_store_get_entry (f->store, uuid, &error);

          g_assert_no_error (error);
          if (action < 8 && !e->deleted)
            {
              guint ind = g_rand_int_range (rand, 0, 10);
              g_autoptr (D8Entry) moved = make_entry (f, g_rand_int_range (rand, 0, 15), ind,
                                                      "2023-10-10", g_rand_int_range (rand, 0, 9));
              g_free (moved->uuid);
              moved->uuid = g_strdup (uuid);
              g_assert_true (d8_store_update_entry (f->store, moved, FALSE, &error));
              g_assert_no_error (error);
            }
          else if (e->deleted)
            g_assert_true (d8_store_undelete_entry (f->store, uuid, &error));
          else
            g_assert_true (d8_store_delete_entry (f->store, uuid, &error));
          g_assert_no_error (error);
        }
    }

  for (guint k = 0; k < 3; k++)
    {
      const char *as_of = (const char *[]) { "2023-03-31", "2023-10-10", "2023-12-31" }[k];
      g_autoptr (D8Overview) ov = overview (f, as_of);
      g_autoptr (GPtrArray) all = d8_store_list_entries (f->store, f->plan->id, 0, 0, FALSE, &error);
      gint64 *achieved = g_new0 (gint64, 150);
      gint64 *group = g_new0 (gint64, 150);

      for (guint i = 0; i < all->len; i++)
        {
          D8Entry *e = all->pdata[i];
          int u = d8_overview_find_unit (ov, e->unit_id);
          int ind = -1;

          if (strcmp (e->date, as_of) > 0)
            continue;
          for (guint j = 0; j < ov->indicators->len; j++)
            if (((D8Indicator *) ov->indicators->pdata[j])->id == e->indicator_id)
              ind = j;
          g_assert_cmpint (u, >=, 0);
          g_assert_cmpint (ind, >=, 0);
          achieved[u * 10 + ind] += ind == 9 ? e->reached : e->amount;
          group[u * 10 + ind] += e->group_size;
        }
      for (guint u = 0; u < 15; u++)
        for (guint i = 0; i < 10; i++)
          {
            D8Cell *cell = d8_overview_cell (ov, u, i);
            g_assert_cmpint (cell->achieved, ==, achieved[u * 10 + i]);
            g_assert_cmpint (cell->group_size, ==, group[u * 10 + i]);
          }
      g_free (achieved);
      g_free (group);
    }

  /* The daily sums add up to the same totals. */
  {
    g_autoptr (D8Overview) ov = overview (f, "2023-12-31");
    g_autoptr (GArray) days = d8_store_daily_sums (f->store, f->plan->id, 0, 0, &error);
    gint64 total = 0;
    const char *last = "";

    g_assert_no_error (error);
    for (guint i = 0; i < days->len; i++)
      {
        D8DaySum *d = &g_array_index (days, D8DaySum, i);
        g_assert_cmpstr (last, <=, d->date);
        last = d->date;
        if (d->indicator_id == indicator_at (f, 0)->id)
          total += d->amount;
      }
    g_assert_cmpint (total, ==, ov->totals[0].achieved);
  }
  g_rand_free (rand);
}

/* A range of the entry list is that slice of the whole list; the count is
 * its length, with or without tombstones. */
static void
test_entry_range (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *deleted_uuid = NULL;
  gint64 unit = unit_at (f, 2)->id;

  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *date = g_strdup_printf ("2023-05-%02u", 1 + i);
      g_autoptr (D8Entry) e = make_entry (f, 2, 0, date, 1);

      g_assert_true (d8_store_add_entry (f->store, e, FALSE, &error));
      g_assert_no_error (error);
      if (i == 7)
        deleted_uuid = g_strdup (e->uuid);
    }
  {
    g_autoptr (D8Entry) other = make_entry (f, 3, 0, "2023-05-30", 1);
    g_assert_true (d8_store_add_entry (f->store, other, FALSE, &error));
  }
  g_assert_true (d8_store_delete_entry (f->store, deleted_uuid, &error));
  g_assert_no_error (error);

  g_assert_cmpint (d8_store_count_entries (f->store, f->plan->id, unit, 0, FALSE, &error), ==, 24);
  g_assert_cmpint (d8_store_count_entries (f->store, f->plan->id, unit, 0, TRUE, &error), ==, 25);
  g_assert_cmpint (d8_store_count_entries (f->store, f->plan->id, 0, 0, FALSE, &error), ==, 25);
  g_assert_no_error (error);

  all = d8_store_list_entries (f->store, f->plan->id, unit, 0, FALSE, &error);
  g_assert_cmpuint (all->len, ==, 24);
  for (guint offset = 0; offset <= 30; offset += 10)
    {
      g_autoptr (GPtrArray) page = d8_store_list_entries_range (f->store, f->plan->id, unit, 0,
                                                                FALSE, offset, 10, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, offset >= 24 ? 0 : MIN (10, 24 - offset));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpstr (((D8Entry *) page->pdata[i])->uuid, ==,
                         ((D8Entry *) all->pdata[offset + i])->uuid);
    }
  /* Newest first; limit 0 is everything. */
  g_assert_cmpstr (((D8Entry *) all->pdata[0])->date, ==, "2023-05-25");
  {
    g_autoptr (GPtrArray) rest = d8_store_list_entries_range (f->store, f->plan->id, unit, 0,
                                                              FALSE, 4, 0, &error);
    g_assert_cmpuint (rest->len, ==, 20);
  }
}

/* The stamp and history of an entry, read through a second connection. */
static void
read_stamps (Fixture *f, const char *uuid, char **version, char **history)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT version, history FROM entries WHERE uuid = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *version = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *history = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A local edit keeps created_at, takes this office as origin, and gets a
 * new clock stamp that descends from the one before. */
static void
test_entry_stamps (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Entry) entry = make_entry (f, 1, 0, "2023-03-01", 2);
  g_autoptr (D8Entry) read = NULL;
  g_autofree char *created = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *history = NULL;

  g_assert_true (d8_store_add_entry (f->store, entry, FALSE, &error));
  g_assert_no_error (error);
  created = g_strdup (entry->created_at);
  g_assert_cmpstr (entry->updated_at, ==, created);
  read_stamps (f, entry->uuid, &first, &history);
  g_assert_cmpstr (first, !=, "");
  g_assert_cmpstr (history, ==, "");
  g_clear_pointer (&history, g_free);

  g_assert_true (d8_store_set_office (f->store, unit_at (f, 1)->code, &error));
  g_assert_no_error (error);
  entry->amount = 4;
  g_assert_true (d8_store_update_entry (f->store, entry, FALSE, &error));
  g_assert_no_error (error);
  read = d8_store_get_entry (f->store, entry->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->amount, ==, 4);
  g_assert_cmpstr (read->created_at, ==, created);
  g_assert_cmpstr (read->updated_at, >=, created);
  g_assert_cmpstr (read->origin, ==, unit_at (f, 1)->code);
  read_stamps (f, entry->uuid, &second, &history);
  g_assert_cmpstr (second, >, first);
  g_assert_nonnull (strstr (history, first));
  g_clear_pointer (&history, g_free);

  /* A deletion is an edit too: stamped, and the stamp before is kept. */
  g_assert_true (d8_store_delete_entry (f->store, entry->uuid, &error));
  g_assert_no_error (error);
  g_clear_pointer (&first, g_free);
  read_stamps (f, entry->uuid, &first, &history);
  g_assert_cmpstr (first, >, second);
  g_assert_nonnull (strstr (history, second));
  g_clear_pointer (&read, d8_entry_free);
  read = d8_store_get_entry (f->store, entry->uuid, &error);
  g_assert_true (read->deleted);
  g_assert_cmpstr (read->created_at, ==, created);
}

/* Counting and listing by unit, by indicator and by both agree. */
static void
test_entry_filters (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 plan = f->plan->id;
  gint64 unit = unit_at (f, 4)->id;
  gint64 first = indicator_at (f, 0)->id;
  gint64 second = indicator_at (f, 1)->id;
  const struct { guint unit, indicator; } made[] = { { 4, 0 }, { 4, 0 }, { 4, 1 }, { 5, 0 } };
  /* n[0]: live entries; n[1]: with the one deleted below. */
  const struct { gint64 unit, indicator; guint n[2]; } cases[] = {
    { 0, 0, { 3, 4 } },
    { unit, 0, { 2, 3 } },
    { 0, first, { 2, 3 } },
    { unit, first, { 1, 2 } },
    { unit, second, { 1, 1 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      g_autoptr (D8Entry) e = make_entry (f, made[i].unit, made[i].indicator, "2023-04-01", 1);
      g_assert_true (d8_store_add_entry (f->store, e, FALSE, &error));
      g_assert_no_error (error);
      if (i == 0)
        g_assert_true (d8_store_delete_entry (f->store, e->uuid, &error));
    }
  for (guint deleted = 0; deleted <= 1; deleted++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr (GPtrArray) list = d8_store_list_entries (f->store, plan, cases[i].unit,
                                                            cases[i].indicator, deleted, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (list->len, ==, cases[i].n[deleted]);
        g_assert_cmpint (d8_store_count_entries (f->store, plan, cases[i].unit,
                                                 cases[i].indicator, deleted, &error),
                         ==, cases[i].n[deleted]);
        g_assert_no_error (error);
      }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/migrate/from-v0", test_migrate_from_v0);
  g_test_add_func ("/store/migrate/too-new", test_migrate_too_new);
  g_test_add ("/store/open/twice-seeds-once", Fixture, NULL, fixture_setup,
              test_open_twice_seeds_once, fixture_teardown);
  g_test_add_func ("/store/open/no-seed", test_open_no_seed);
  g_test_add_func ("/store/open/bad-folder", test_open_bad_folder);
  g_test_add ("/store/resolve", Fixture, NULL, fixture_setup, test_resolve, fixture_teardown);
  g_test_add ("/store/entry/crud", Fixture, NULL, fixture_setup, test_entry_crud, fixture_teardown);
  g_test_add ("/store/entry/range", Fixture, NULL, fixture_setup, test_entry_range, fixture_teardown);
  g_test_add ("/store/entry/stamps", Fixture, NULL, fixture_setup, test_entry_stamps,
              fixture_teardown);
  g_test_add ("/store/entry/filters", Fixture, NULL, fixture_setup, test_entry_filters,
              fixture_teardown);
  g_test_add ("/store/entry/validation", Fixture, NULL, fixture_setup, test_entry_validation,
              fixture_teardown);
  g_test_add ("/store/overview/arithmetic", Fixture, NULL, fixture_setup,
              test_overview_arithmetic, fixture_teardown);
  g_test_add ("/store/overview/matches-recount", Fixture, NULL, fixture_setup,
              test_overview_matches_recount, fixture_teardown);
  return g_test_run ();
}
