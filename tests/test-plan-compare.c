/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plan-compare.c — plans side by side (d8-plan-compare.c) over three
 * synthetic years of tests/data/plans/compare: 2023 and 2024 allocate to
 * three districts, 2026 (after the reform) to four communes, three of them
 * under two of those former districts and one under the new province. The
 * 2026 plan renumbers two indicators; the user links them. Every expected
 * figure is worked out by hand in the comments. */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "d8-test-compare.h"

static D8PlanCompare *
compare (Fixture *f, D8CompareBy by)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  D8PlanCompare *cmp;

  /* given out of order: the comparison sorts by year */
  g_array_append_val (ids, f->plan[2]);
  g_array_append_val (ids, f->plan[0]);
  g_array_append_val (ids, f->plan[1]);
  cmp = d8_store_compare_plans (f->store, ids, by, "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cmp);
  return cmp;
}

/* Checks figures: present, stated (-1: none), allocated (-1: none),
 * quota judged against (-1: none), achieved, status. */
static void
assert_figures (const D8CompareFigures *fig, gint64 stated, gint64 allocated, gint64 quota,
                gint64 achieved, D8Status status)
{
  g_assert_true (fig->present);
  g_assert_cmpint (fig->has_stated, ==, stated >= 0);
  if (stated >= 0)
    g_assert_cmpint (fig->stated, ==, stated);
  g_assert_cmpint (fig->any_allocated, ==, allocated >= 0);
  if (allocated >= 0)
    g_assert_cmpint (fig->allocated, ==, allocated);
  g_assert_cmpint (fig->cell.has_quota, ==, quota >= 0);
  if (quota >= 0)
    g_assert_cmpint (fig->cell.quota, ==, quota);
  g_assert_cmpint (fig->cell.achieved, ==, achieved);
  g_assert_cmpint (fig->cell.status, ==, status);
}

static const D8CompareIndicator *
indicator (D8PlanCompare *cmp, guint k)
{
  return cmp->indicators->pdata[k];
}

static const D8CompareRow *
find_row (D8PlanCompare *cmp, const char *code)
{
  for (guint r = 0; r < cmp->rows->len; r++)
    if (g_strcmp0 (((D8CompareRow *) cmp->rows->pdata[r])->code, code) == 0)
      return cmp->rows->pdata[r];
  g_assert_not_reached ();
}

/* Indicators matched by code, except where the user linked them. */
static void
test_match_linked (Fixture *f, gconstpointer data)
{
  g_autoptr (D8PlanCompare) cmp = compare (f, D8_COMPARE_BY_PROVINCE);

  g_assert_cmpuint (d8_plan_compare_n_plans (cmp), ==, 3);
  g_assert_cmpint (((D8Overview *) cmp->overviews->pdata[0])->plan->year, ==, 2023);
  g_assert_cmpint (((D8Overview *) cmp->overviews->pdata[2])->plan->year, ==, 2026);
  /* 1 (all three), 2 (2023's 2, 2024's 2, 2026's 4), SM (2023), then 3
   * (2024's 3, 2026's 2): 2023's 2 and 2026's 2 share a code but 2026's 2
   * is linked to 2024's 3, so they stay apart. */
  g_assert_cmpuint (cmp->indicators->len, ==, 4);
  g_assert_cmpstr (indicator (cmp, 0)->code, ==, "1");
  g_assert_cmpstr (indicator (cmp, 1)->code, ==, "2");
  g_assert_cmpstr (indicator (cmp, 2)->code, ==, "SM");
  g_assert_cmpstr (indicator (cmp, 3)->code, ==, "3");
  /* names are the latest plan's */
  g_assert_cmpstr (indicator (cmp, 1)->name, ==, "Đối thoại chính sách cấp xã và cụm thôn bản");
  g_assert_cmpstr (indicator (cmp, 3)->name, ==, "Thành lập CLB thủ lĩnh của sự thay đổi");
  /* indexes into each plan's indicators: 2026 lists 1, 2, 4 */
  g_assert_cmpint (indicator (cmp, 1)->index[2], ==, 2);
  g_assert_cmpint (indicator (cmp, 3)->index[0], ==, -1);
  g_assert_cmpint (indicator (cmp, 3)->index[1], ==, 2);
  g_assert_cmpint (indicator (cmp, 3)->index[2], ==, 1);
  g_assert_cmpint (indicator (cmp, 2)->index[1], ==, -1);
  g_assert_cmpint (d8_plan_compare_find_indicator (cmp, "sm"), ==, 2);
  g_assert_cmpint (d8_plan_compare_find_indicator (cmp, "4"), ==, 1);
  g_assert_cmpint (d8_plan_compare_find_indicator (cmp, "9"), ==, -1);
}

/* Without the links, codes decide: 2026's 2 (clubs) joins 2023/2024's 2
 * (dialogues) — which is why the user links them — and 2026's 4 and
 * 2024's 3 stand alone. */
static void
test_match_by_code (Fixture *f, gconstpointer data)
{
  g_autoptr (D8PlanCompare) cmp = compare (f, D8_COMPARE_BY_PROVINCE);

  g_assert_cmpuint (cmp->indicators->len, ==, 5);
  g_assert_cmpstr (indicator (cmp, 1)->code, ==, "2");
  g_assert_cmpint (indicator (cmp, 1)->index[2], ==, 1);
  g_assert_cmpstr (indicator (cmp, 3)->code, ==, "3");
  g_assert_cmpint (indicator (cmp, 3)->index[2], ==, -1);
  g_assert_cmpstr (indicator (cmp, 4)->code, ==, "4");
  g_assert_cmpint (indicator (cmp, 4)->index[0], ==, -1);
  g_assert_cmpint (indicator (cmp, 4)->index[2], ==, 2);
}

/* 2023 against 2026 alone: the links made through 2024 still hold (2026's
 * 4 is 2024's 2, which is 2023's 2 by code), so 2023's dialogues meet
 * 2026's dialogues, not 2026's clubs, which share their code. */
static void
test_match_through_others (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (D8PlanCompare) cmp = NULL;

  g_array_append_val (ids, f->plan[0]);
  g_array_append_val (ids, f->plan[2]);
  cmp = d8_store_compare_plans (f->store, ids, D8_COMPARE_BY_PROVINCE, "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cmp->indicators->len, ==, 4);
  g_assert_cmpstr (indicator (cmp, 1)->code, ==, "2");
  g_assert_cmpint (indicator (cmp, 1)->index[1], ==, 2);
  g_assert_cmpstr (indicator (cmp, 3)->code, ==, "2");
  g_assert_cmpint (indicator (cmp, 3)->index[0], ==, -1);
  g_assert_cmpint (indicator (cmp, 3)->index[1], ==, 1);
  /* 5 + 5 stated, 3 + 4 achieved */
  assert_figures (d8_plan_compare_figures (cmp, NULL, 2, 1), 10, 10, 10, 7, D8_STATUS_BEHIND);
}

/* Unlinking puts the code rule back. */
static void
test_unlink (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) links = NULL;
  g_autoptr (D8PlanCompare) cmp = NULL;

  g_assert_true (d8_store_unlink_indicators (f->store, indicator_id (f, 2, "2"),
                                             indicator_id (f, 1, "3"), &error));
  g_assert_no_error (error);
  g_assert_false (d8_store_unlink_indicators (f->store, indicator_id (f, 2, "2"),
                                              indicator_id (f, 1, "3"), &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  links = d8_store_list_indicator_links (f->store, NULL);
  g_assert_cmpuint (links->len, ==, 1);
  cmp = compare (f, D8_COMPARE_BY_PROVINCE);
  /* 2026's 4 stays with 2024's 2; 2026's 2 cannot join 2023's 2 any more
   * (that group has 2026's 4), so 1, 2, SM, 3, and 2026's 2 alone. */
  g_assert_cmpuint (cmp->indicators->len, ==, 5);
  g_assert_cmpint (indicator (cmp, 1)->index[2], ==, 2);
  g_assert_cmpstr (indicator (cmp, 4)->code, ==, "2");
  g_assert_cmpint (indicator (cmp, 4)->index[2], ==, 1);
}

/* The province: both quotas (stated and allocated), achieved, and the phase. */
static void
test_province (Fixture *f, gconstpointer data)
{
  g_autoptr (D8PlanCompare) cmp = compare (f, D8_COMPARE_BY_PROVINCE);
  const D8CompareFigures *fig;

  g_assert_cmpuint (cmp->rows->len, ==, 0);
  g_assert_cmpstr (cmp->as_of, ==, "2026-12-31");
  g_assert_cmpfloat (cmp->phase_expected, ==, 1.0);
  /* 1 in 2023: stated 12, allocated 4 + 6 = 10, judged against 12;
   * achieved 3 + 1 + 5 + 1 = 10 → behind */
  assert_figures (d8_plan_compare_figures (cmp, NULL, 0, 0), 12, 10, 12, 10, D8_STATUS_BEHIND);
  /* 2024: 12 stated, 5 + 5 + 2 = 12 allocated, 5 + 2 + 2 = 9 achieved */
  assert_figures (d8_plan_compare_figures (cmp, NULL, 1, 0), 12, 12, 12, 9, D8_STATUS_BEHIND);
  /* 2026: 9 stated, 2 + 1 + 3 + 2 = 8 allocated, 2 + 1 + 1 + 2 = 6 */
  assert_figures (d8_plan_compare_figures (cmp, NULL, 2, 0), 9, 8, 9, 6, D8_STATUS_BEHIND);
  /* phase: 12 + 12 + 9 = 33 stated, 10 + 12 + 8 = 30 allocated, 25 achieved */
  fig = d8_plan_compare_figures (cmp, NULL, 3, 0);
  assert_figures (fig, 33, 30, 33, 25, D8_STATUS_BEHIND);
  g_assert_cmpfloat_with_epsilon (fig->cell.completion, 25.0 / 33.0, 1e-9);

  /* 2 (dialogues): 5/5 stated/allocated, 3; 5/5, 3; 2026's 4: 5/5, 4 */
  assert_figures (d8_plan_compare_figures (cmp, NULL, 0, 1), 5, 5, 5, 3, D8_STATUS_BEHIND);
  assert_figures (d8_plan_compare_figures (cmp, NULL, 1, 1), 5, 5, 5, 3, D8_STATUS_BEHIND);
  assert_figures (d8_plan_compare_figures (cmp, NULL, 2, 1), 5, 5, 5, 4, D8_STATUS_BEHIND);
  assert_figures (d8_plan_compare_figures (cmp, NULL, 3, 1), 15, 15, 15, 10, D8_STATUS_BEHIND);

  /* 3 (clubs): not in 2023; 2024 1 stated, 1 + 0 allocated, 1 done;
   * 2026's 2: 2 stated, 1 + 1 + 0 allocated, 1; phase 3, 3, 2 */
  g_assert_false (d8_plan_compare_figures (cmp, NULL, 0, 3)->present);
  assert_figures (d8_plan_compare_figures (cmp, NULL, 1, 3), 1, 1, 1, 1, D8_STATUS_DONE);
  assert_figures (d8_plan_compare_figures (cmp, NULL, 2, 3), 2, 2, 2, 1, D8_STATUS_BEHIND);
  assert_figures (d8_plan_compare_figures (cmp, NULL, 3, 3), 3, 3, 3, 2, D8_STATUS_BEHIND);

  /* SM (percent, 2023 only): 40 of 50 = 80 % against the 80 % target */
  fig = d8_plan_compare_figures (cmp, NULL, 0, 2);
  g_assert_true (fig->present);
  g_assert_false (fig->has_stated);
  g_assert_cmpint (fig->cell.achieved, ==, 40);
  g_assert_cmpint (fig->cell.group_size, ==, 50);
  g_assert_cmpint (fig->cell.status, ==, D8_STATUS_DONE);
  g_assert_false (d8_plan_compare_figures (cmp, NULL, 1, 2)->present);
  fig = d8_plan_compare_figures (cmp, NULL, 3, 2);
  g_assert_cmpint (fig->cell.group_size, ==, 50);
  g_assert_cmpint (fig->cell.status, ==, D8_STATUS_DONE);
}

/* An earlier as-of date: 2026's entries are not counted yet, and the phase
 * is judged at the share of 2023–2026 elapsed. */
static void
test_as_of (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (D8PlanCompare) cmp = NULL;

  g_array_append_vals (ids, f->plan, 3);
  cmp = d8_store_compare_plans (f->store, ids, D8_COMPARE_BY_PROVINCE, "2026-01-31", &error);
  g_assert_no_error (error);
  g_assert_cmpint (d8_plan_compare_figures (cmp, NULL, 2, 0)->cell.achieved, ==, 0);
  g_assert_cmpint (d8_plan_compare_figures (cmp, NULL, 2, 0)->cell.status, ==,
                   D8_STATUS_NOT_STARTED);
  g_assert_cmpint (d8_plan_compare_figures (cmp, NULL, 3, 0)->cell.achieved, ==, 19);
  /* 2023-01-01 … 2026-01-31: 1,127 of 1,461 days */
  g_assert_cmpfloat_with_epsilon (cmp->phase_expected, 1127.0 / 1461.0, 1e-9);
}

/* By former district: 2023 and 2024's districts are their own rows; 2026's
 * communes join the district they were part of; Quy Nhơn, whose district
 * no plan allocated, goes under its parent, the new province. */
static void
test_by_parent (Fixture *f, gconstpointer data)
{
  g_autoptr (D8PlanCompare) cmp = compare (f, D8_COMPARE_BY_PARENT);
  const D8CompareRow *row;

  g_assert_cmpuint (cmp->rows->len, ==, 4);
  g_assert_cmpstr (((D8CompareRow *) cmp->rows->pdata[0])->code, ==, "cmp-chu-puh");
  g_assert_cmpstr (((D8CompareRow *) cmp->rows->pdata[3])->code, ==, "cmp-gl-2025");

  /* Chư Pưh, 1: 4/4 done; 5/5 done; Ia Le + Ia Hrú 2 + 1 = 3 of 3 done;
   * phase 12 of 12 */
  row = find_row (cmp, "cmp-chu-puh");
  g_assert_true (row->in_every_plan);
  assert_figures (d8_plan_compare_figures (cmp, row, 0, 0), -1, 4, 4, 4, D8_STATUS_DONE);
  assert_figures (d8_plan_compare_figures (cmp, row, 1, 0), -1, 5, 5, 5, D8_STATUS_DONE);
  assert_figures (d8_plan_compare_figures (cmp, row, 2, 0), -1, 3, 3, 3, D8_STATUS_DONE);
  assert_figures (d8_plan_compare_figures (cmp, row, 3, 0), -1, 12, 12, 12, D8_STATUS_DONE);
  /* 3 (clubs): 2024 1 of 1; 2026's 2 at Ia Le 1 of 1 (Ia Hrú: no quota) */
  g_assert_false (d8_plan_compare_figures (cmp, row, 0, 3)->present);
  assert_figures (d8_plan_compare_figures (cmp, row, 2, 3), -1, 1, 1, 1, D8_STATUS_DONE);

  /* Đak Đoa, 2 (dialogues): 3/2, 2/0, and xã Đak Đoa's 4: 2/2 → 7/4 */
  row = find_row (cmp, "cmp-dak-doa");
  g_assert_true (row->in_every_plan);
  assert_figures (d8_plan_compare_figures (cmp, row, 0, 1), -1, 3, 3, 2, D8_STATUS_BEHIND);
  assert_figures (d8_plan_compare_figures (cmp, row, 1, 1), -1, 2, 2, 0, D8_STATUS_NOT_STARTED);
  assert_figures (d8_plan_compare_figures (cmp, row, 2, 1), -1, 2, 2, 2, D8_STATUS_DONE);
  assert_figures (d8_plan_compare_figures (cmp, row, 3, 1), -1, 7, 7, 4, D8_STATUS_BEHIND);

  /* An Khê: no quota in 2023 (1 recorded), 2 of 2 in 2024, no row in 2026 */
  row = find_row (cmp, "cmp-an-khe");
  g_assert_false (row->in_every_plan);
  assert_figures (d8_plan_compare_figures (cmp, row, 0, 0), -1, -1, -1, 1, D8_STATUS_NO_QUOTA);
  g_assert_false (d8_plan_compare_figures (cmp, row, 2, 0)->present);
  /* the phase: 3 recorded against 2 is over-achieved (was pinned "done"
   * before over-achieved was a status of its own) */
  assert_figures (d8_plan_compare_figures (cmp, row, 3, 0), -1, 2, 2, 3, D8_STATUS_OVER);

  /* the new province (Quy Nhơn): 2026 only, 1: 2 of 2 */
  row = find_row (cmp, "cmp-gl-2025");
  g_assert_cmpstr (row->name, ==, "Gia Lai");
  g_assert_false (d8_plan_compare_figures (cmp, row, 0, 0)->present);
  assert_figures (d8_plan_compare_figures (cmp, row, 2, 0), -1, 2, 2, 2, D8_STATUS_DONE);

  /* the rows add up to the allocations of the province, plan by plan */
  for (guint p = 0; p <= 3; p++)
    for (guint k = 0; k < cmp->indicators->len; k++)
      {
        gint64 allocated = 0, achieved = 0;

        for (guint r = 0; r < cmp->rows->len; r++)
          {
            const D8CompareFigures *fig = d8_plan_compare_figures (cmp, cmp->rows->pdata[r], p, k);
            allocated += fig->allocated;
            achieved += fig->cell.achieved;
          }
        g_assert_cmpint (allocated, ==, d8_plan_compare_figures (cmp, NULL, p, k)->allocated);
        g_assert_cmpint (achieved, ==, d8_plan_compare_figures (cmp, NULL, p, k)->cell.achieved);
      }
}

/* By unit: the districts persist across 2023 and 2024, not into 2026. */
static void
test_by_unit (Fixture *f, gconstpointer data)
{
  g_autoptr (D8PlanCompare) cmp = compare (f, D8_COMPARE_BY_UNIT);
  const D8CompareRow *row;

  g_assert_cmpuint (cmp->rows->len, ==, 7);
  row = find_row (cmp, "cmp-dak-doa");
  g_assert_false (row->in_every_plan);
  assert_figures (d8_plan_compare_figures (cmp, row, 0, 0), -1, 6, 6, 5, D8_STATUS_BEHIND);
  assert_figures (d8_plan_compare_figures (cmp, row, 1, 0), -1, 5, 5, 2, D8_STATUS_BEHIND);
  g_assert_false (d8_plan_compare_figures (cmp, row, 2, 0)->present);
  assert_figures (d8_plan_compare_figures (cmp, row, 3, 0), -1, 11, 11, 7, D8_STATUS_BEHIND);
  /* xã Đak Đoa, a commune with the district's name, is a row of its own */
  row = find_row (cmp, "cmp-xa-dak-doa");
  g_assert_cmpstr (row->name, ==, "Đak Đoa");
  assert_figures (d8_plan_compare_figures (cmp, row, 2, 0), -1, 3, 3, 1, D8_STATUS_BEHIND);
}

/* Links that cannot be made leave the database as it was. */
static void
test_bad_links (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = d8_test_dump (d8_store_get_path (f->store));
  g_autofree char *after = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* two indicators of one plan */
  g_assert_false (d8_store_link_indicators (f->store, indicator_id (f, 1, "2"),
                                            indicator_id (f, 1, "3"), &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cmp-2024"));
  g_clear_error (&error);
  /* a count and a percentage */
  g_assert_false (d8_store_link_indicators (f->store, indicator_id (f, 0, "SM"),
                                            indicator_id (f, 1, "1"), &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "SM"));
  g_clear_error (&error);
  /* an indicator that does not exist */
  g_assert_false (d8_store_link_indicators (f->store, 999999, indicator_id (f, 1, "1"), &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = d8_test_dump (d8_store_get_path (f->store));
  g_assert_cmpstr (before, ==, after);

  /* a plan named twice */
  g_array_append_val (ids, f->plan[0]);
  g_array_append_val (ids, f->plan[0]);
  g_assert_null (d8_store_compare_plans (f->store, ids, D8_COMPARE_BY_PROVINCE, NULL, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cmp-2023"));
}

/* A link replaces the indicator's earlier link into the same plan. */
static void
test_relink (Fixture *f, gconstpointer data)
{
  g_autoptr (GArray) links = NULL;
  g_autoptr (D8PlanCompare) cmp = NULL;

  /* 2026's 2 was linked to 2024's 3; now to 2024's 2 (a change of mind) */
  link_indicators (f, 2, "2", 1, "2");
  link_indicators (f, 2, "2", 1, "2"); /* twice: nothing new */
  links = d8_store_list_indicator_links (f->store, NULL);
  /* 2026's 4 ↔ 2024's 2 went too: 2024's 2 is now linked to 2026's 2 */
  g_assert_cmpuint (links->len, ==, 1);
  cmp = compare (f, D8_COMPARE_BY_PROVINCE);
  g_assert_cmpint (indicator (cmp, 1)->index[2], ==, 1);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, linked)                                                                   \
  g_test_add ("/plan-compare/" path, Fixture, linked, fixture_set_up, func, fixture_tear_down)
  ADD ("match/linked", test_match_linked, "linked");
  ADD ("match/by-code", test_match_by_code, NULL);
  ADD ("match/unlink", test_unlink, "linked");
  ADD ("match/through-others", test_match_through_others, "linked");
  ADD ("match/relink", test_relink, "linked");
  ADD ("province", test_province, "linked");
  ADD ("as-of", test_as_of, "linked");
  ADD ("by-parent", test_by_parent, "linked");
  ADD ("by-unit", test_by_unit, "linked");
  ADD ("bad-links", test_bad_links, "linked");
#undef ADD
  return g_test_run ();
}
