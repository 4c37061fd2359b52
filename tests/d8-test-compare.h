/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-test-compare.h — the three synthetic years of tests/data/plans/compare
 * (2023 and 2024 by district, 2026 by commune after the reform) with their
 * entries and the user's links, for test-plan-compare.c and
 * test-ui-compare.c; the figures they expect are worked out by hand in
 * test-plan-compare.c. */
#pragma once

#include "d8-plan-compare.h"
#include "d8-test-util.h"

typedef struct
{
  char *dir;
  D8Store *store;
  gint64 plan[3]; /* 2023, 2024, 2026 */
} Fixture;

static inline gint64
d8_test_compare_import (D8Store *store, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = d8_test_source_path ("tests", "data", "plans", "compare", name, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  gint64 id;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  id = d8_store_import_plan (store, data, (gssize) length, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static inline gint64
indicator_id (Fixture *f, guint plan, const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Indicator) ind = d8_store_resolve_indicator (f->store, f->plan[plan], code, &error);

  g_assert_no_error (error);
  return ind->id;
}

/* An entry of @amount (count) or @reached of @group (percent). */
static inline void
record (Fixture *f, guint plan, const char *unit, const char *indicator, const char *date,
        gint64 amount, gint64 group)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Unit) u = d8_store_resolve_unit (f->store, f->plan[plan], unit, &error);
  g_autoptr (D8Entry) entry = d8_entry_new ();

  g_assert_no_error (error);
  entry->plan_id = f->plan[plan];
  entry->unit_id = u->id;
  entry->indicator_id = indicator_id (f, plan, indicator);
  entry->date = g_strdup (date);
  if (group > 0)
    {
      entry->reached = amount;
      entry->group_size = group;
    }
  else
    entry->amount = amount;
  g_assert_true (d8_store_add_entry (f->store, entry, FALSE, &error));
  g_assert_no_error (error);
}

static inline void
link_indicators (Fixture *f, guint plan_a, const char *a, guint plan_b, const char *b)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (d8_store_link_indicators (f->store, indicator_id (f, plan_a, a),
                                           indicator_id (f, plan_b, b), &error));
  g_assert_no_error (error);
}

/* @data non-NULL: with the user's links. */
static inline void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = d8_test_tmpdir ();
  db = g_build_filename (f->dir, "compare.sqlite3", NULL);
  f->store = d8_store_open (db, D8_STORE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  f->plan[0] = d8_test_compare_import (f->store, "plan-2023.duan8-plan.json");
  f->plan[1] = d8_test_compare_import (f->store, "plan-2024.duan8-plan.json");
  f->plan[2] = d8_test_compare_import (f->store, "plan-2026.duan8-plan.json");

  /* 2023: indicator 1 — Chư Pưh 3 + 1, Đak Đoa 5, An Khê 1 (no quota);
   * indicator 2 — Chư Pưh 1, Đak Đoa 2; SM — 40 of 50 women reached. */
  record (f, 0, "cmp-chu-puh", "1", "2023-03-01", 3, 0);
  record (f, 0, "cmp-chu-puh", "1", "2023-09-01", 1, 0);
  record (f, 0, "cmp-dak-doa", "1", "2023-05-10", 5, 0);
  record (f, 0, "cmp-an-khe", "1", "2023-06-01", 1, 0);
  record (f, 0, "cmp-chu-puh", "2", "2023-04-01", 1, 0);
  record (f, 0, "cmp-dak-doa", "2", "2023-04-02", 2, 0);
  record (f, 0, "cmp-chu-puh", "SM", "2023-10-01", 40, 50);
  /* 2024: 1 — Chư Pưh 5, Đak Đoa 2, An Khê 2; 2 — Chư Pưh 2, An Khê 1;
   * 3 — Chư Pưh 1. */
  record (f, 1, "cmp-chu-puh", "1", "2024-03-01", 5, 0);
  record (f, 1, "cmp-dak-doa", "1", "2024-03-01", 2, 0);
  record (f, 1, "cmp-an-khe", "1", "2024-03-01", 2, 0);
  record (f, 1, "cmp-chu-puh", "2", "2024-05-01", 2, 0);
  record (f, 1, "cmp-an-khe", "2", "2024-05-01", 1, 0);
  record (f, 1, "cmp-chu-puh", "3", "2024-05-01", 1, 0);
  /* 2026: 1 — Ia Le 2, Ia Hrú 1, xã Đak Đoa 1, Quy Nhơn 2; 2 (the clubs,
   * 2024's 3) — Ia Le 1; 4 (the dialogues, 2024's 2) — Ia Le 1, xã Đak
   * Đoa 2, Quy Nhơn 1. */
  record (f, 2, "cmp-ia-le", "1", "2026-02-01", 2, 0);
  record (f, 2, "cmp-ia-hru", "1", "2026-02-01", 1, 0);
  record (f, 2, "cmp-xa-dak-doa", "1", "2026-02-01", 1, 0);
  record (f, 2, "cmp-quy-nhon", "1", "2026-02-01", 2, 0);
  record (f, 2, "cmp-ia-le", "2", "2026-03-01", 1, 0);
  record (f, 2, "cmp-ia-le", "4", "2026-04-01", 1, 0);
  record (f, 2, "cmp-xa-dak-doa", "4", "2026-04-01", 2, 0);
  record (f, 2, "cmp-quy-nhon", "4", "2026-04-01", 1, 0);

  if (data != NULL)
    {
      /* the user's mapping: 2026's 4 continues 2024's 2, 2026's 2 is 2024's 3 */
      link_indicators (f, 2, "4", 1, "2");
      link_indicators (f, 1, "3", 2, "2");
    }
}

static inline void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  d8_test_rmtree (f->dir);
  g_free (f->dir);
}
