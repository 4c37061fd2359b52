/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-progress.c — completion and status of a cell, expected pace, the
 * overall completion of a unit, the province-total rule and the evaluation
 * of a whole overview, without a database. */
#include <locale.h>
#include <math.h>

#include "d8-progress.h"

static D8Indicator count_indicator = { .code = (char *) "1", .kind = D8_KIND_COUNT, .in_appendix = TRUE };
static D8Indicator percent_indicator = { .code = (char *) "SM", .kind = D8_KIND_PERCENT,
                                         .has_target = TRUE, .target = 80 };

static D8Cell
cell_of (gboolean has_quota, gint64 quota, gint64 achieved, gint64 n)
{
  D8Cell cell = { .has_quota = has_quota, .quota = quota, .achieved = achieved, .n_entries = n };
  return cell;
}

static void
test_count_cells (void)
{
  D8Cell c;

  c = cell_of (FALSE, 0, 3, 1);
  d8_cell_evaluate (&c, &count_indicator, 0.5);
  g_assert_cmpint (c.status, ==, D8_STATUS_NO_QUOTA);
  g_assert_true (isnan (c.completion));

  c = cell_of (TRUE, 0, 0, 0);
  d8_cell_evaluate (&c, &count_indicator, 0.5);
  g_assert_cmpint (c.status, ==, D8_STATUS_DONE);
  g_assert_cmpfloat (c.completion, ==, 1.0);

  c = cell_of (TRUE, 10, 0, 0);
  d8_cell_evaluate (&c, &count_indicator, 0.5);
  g_assert_cmpint (c.status, ==, D8_STATUS_NOT_STARTED);
  g_assert_cmpfloat (c.completion, ==, 0.0);

  c = cell_of (TRUE, 10, 4, 2);
  d8_cell_evaluate (&c, &count_indicator, 0.5);
  g_assert_cmpint (c.status, ==, D8_STATUS_BEHIND);
  g_assert_cmpfloat (c.completion, ==, 0.4);

  c = cell_of (TRUE, 10, 5, 2);
  d8_cell_evaluate (&c, &count_indicator, 0.5);
  g_assert_cmpint (c.status, ==, D8_STATUS_ON_TRACK);

  /* Exactly the quota is done; more than the quota is over-achieved
   * (docs/progress.md), its completion kept as it is (130 %). */
  c = cell_of (TRUE, 10, 10, 3);
  d8_cell_evaluate (&c, &count_indicator, 0.5);
  g_assert_cmpint (c.status, ==, D8_STATUS_DONE);

  c = cell_of (TRUE, 10, 13, 3);
  d8_cell_evaluate (&c, &count_indicator, 0.5);
  g_assert_cmpint (c.status, ==, D8_STATUS_OVER);
  g_assert_cmpfloat (c.completion, ==, 1.3);

  /* A quota of 0 is met; anything recorded against it is more. */
  c = cell_of (TRUE, 0, 2, 1);
  d8_cell_evaluate (&c, &count_indicator, 0.5);
  g_assert_cmpint (c.status, ==, D8_STATUS_OVER);
}

static void
test_percent_cells (void)
{
  D8Cell c = { .achieved = 30, .group_size = 40, .n_entries = 1 };

  d8_cell_evaluate (&c, &percent_indicator, 1.0);
  g_assert_cmpfloat (c.completion, ==, 0.75);
  g_assert_cmpint (c.status, ==, D8_STATUS_BEHIND);

  c.achieved = 32;
  d8_cell_evaluate (&c, &percent_indicator, 1.0);
  g_assert_cmpint (c.status, ==, D8_STATUS_DONE);

  /* Above the target percentage: 33 of 40 is 82.5 % against 80 %. */
  c.achieved = 33;
  d8_cell_evaluate (&c, &percent_indicator, 0.5);
  g_assert_cmpint (c.status, ==, D8_STATUS_OVER);

  c.achieved = 20; /* 50 % at mid-year against 80 %: 0.5 ≥ 0.8 × 0.5 */
  d8_cell_evaluate (&c, &percent_indicator, 0.5);
  g_assert_cmpint (c.status, ==, D8_STATUS_ON_TRACK);

  c = (D8Cell) { 0 };
  d8_cell_evaluate (&c, &percent_indicator, 0.5);
  g_assert_cmpint (c.status, ==, D8_STATUS_NOT_STARTED);
  g_assert_true (isnan (c.completion));
}

static void
test_expected (void)
{
  g_assert_cmpfloat (d8_progress_expected ("2023-01-01", "2023-12-31", "2022-06-01"), ==, 0.0);
  g_assert_cmpfloat (d8_progress_expected ("2023-01-01", "2023-12-31", "2023-12-31"), ==, 1.0);
  g_assert_cmpfloat (d8_progress_expected ("2023-01-01", "2023-12-31", "2026-11-28"), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (d8_progress_expected ("2023-01-01", "2023-12-31", "2023-01-01"),
                                  1.0 / 365.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (d8_progress_expected ("2023-01-01", "2023-12-31", "2023-07-02"),
                                  183.0 / 365.0, 1e-12);
}

static void
test_overall (void)
{
  g_autoptr (GPtrArray) indicators = g_ptr_array_new ();
  D8Cell cells[4] = {
    cell_of (TRUE, 4, 8, 1),  /* overshoot counts as 1 */
    cell_of (FALSE, 0, 5, 1), /* no quota: ignored */
    cell_of (TRUE, 0, 0, 0),  /* zero quota: asks nothing, left out */
    cell_of (TRUE, 10, 2, 1), /* 0.2 */
  };

  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (indicators, &count_indicator);
  g_assert_cmpfloat_with_epsilon (d8_progress_overall (cells, indicators), 1.2 / 2.0, 1e-12);

  cells[0].has_quota = cells[2].has_quota = cells[3].has_quota = FALSE;
  g_assert_true (isnan (d8_progress_overall (cells, indicators)));
}

static void
test_total_quota (void)
{
  D8Indicator stated = { .code = (char *) "1", .kind = D8_KIND_COUNT, .in_appendix = TRUE,
                         .has_target = TRUE, .target = 128 };
  gint64 quota = -1;

  /* The plan's stated total, not the sum of allocations (128 vs 126). */
  g_assert_true (d8_progress_total_quota (&stated, TRUE, 126, &quota));
  g_assert_cmpint (quota, ==, 128);
  quota = -1;
  g_assert_true (d8_progress_total_quota (&stated, FALSE, 0, &quota));
  g_assert_cmpint (quota, ==, 128);

  /* No stated total: the allocated sum, a sum of zeros being a real 0. */
  g_assert_true (d8_progress_total_quota (&count_indicator, TRUE, 126, &quota));
  g_assert_cmpint (quota, ==, 126);
  g_assert_true (d8_progress_total_quota (&count_indicator, TRUE, 0, &quota));
  g_assert_cmpint (quota, ==, 0);

  /* Neither stated nor allocated: no quota, and @quota is left alone. */
  quota = -1;
  g_assert_false (d8_progress_total_quota (&count_indicator, FALSE, 0, &quota));
  g_assert_cmpint (quota, ==, -1);

  /* A percent indicator's target (80 %) is a share, never a total. */
  g_assert_false (d8_progress_total_quota (&percent_indicator, FALSE, 0, &quota));
  g_assert_cmpint (quota, ==, -1);
  g_assert_true (d8_progress_total_quota (&percent_indicator, TRUE, 5, &quota));
  g_assert_cmpint (quota, ==, 5);
}

/* Two units × three indicators, filled in as the store would, then
 * evaluated: the cells, the totals row and the overall completions. */
static void
test_overview_evaluate (void)
{
  static D8Indicator stated = { .code = (char *) "1", .kind = D8_KIND_COUNT, .in_appendix = TRUE,
                                .has_target = TRUE, .target = 128 };
  static D8Unit units[2] = { { .id = 1, .code = (char *) "a" }, { .id = 2, .code = (char *) "b" } };
  D8Plan *plan = g_new0 (D8Plan, 1);
  GPtrArray *unit_list = g_ptr_array_new ();
  GPtrArray *indicator_list = g_ptr_array_new ();
  g_autoptr (D8Overview) ov = NULL;
  gint64 s, a, d;

  plan->period_start = g_strdup ("2023-01-01");
  plan->period_end = g_strdup ("2023-12-31");
  g_ptr_array_add (unit_list, &units[0]);
  g_ptr_array_add (unit_list, &units[1]);
  g_ptr_array_add (indicator_list, &stated);
  g_ptr_array_add (indicator_list, &count_indicator);
  g_ptr_array_add (indicator_list, &percent_indicator);

  ov = d8_overview_new_for (plan, unit_list, indicator_list, "2023-07-02");
  g_assert_cmpstr (ov->as_of, ==, "2023-07-02");
  g_assert_cmpfloat_with_epsilon (ov->expected, 183.0 / 365.0, 1e-12);
  g_assert_false (d8_overview_cell (ov, 1, 2)->has_quota);

  *d8_overview_cell (ov, 0, 0) = cell_of (TRUE, 100, 90, 3);
  *d8_overview_cell (ov, 0, 1) = cell_of (FALSE, 0, 3, 1);
  *d8_overview_cell (ov, 0, 2) = (D8Cell) { .achieved = 30, .group_size = 40, .n_entries = 1 };
  *d8_overview_cell (ov, 1, 0) = cell_of (TRUE, 26, 38, 2);
  *d8_overview_cell (ov, 1, 1) = cell_of (TRUE, 5, 1, 1);
  *d8_overview_cell (ov, 1, 2) = (D8Cell) { .achieved = 10, .group_size = 10, .n_entries = 1 };

  for (int pass = 0; pass < 2; pass++) /* evaluating again changes nothing */
    {
      d8_overview_evaluate (ov);

      g_assert_cmpint (d8_overview_cell (ov, 0, 0)->status, ==, D8_STATUS_ON_TRACK);
      g_assert_cmpint (d8_overview_cell (ov, 0, 1)->status, ==, D8_STATUS_NO_QUOTA);
      /* 38 of 26: over-achieved, yet counted as 100 % in the means below. */
      g_assert_cmpint (d8_overview_cell (ov, 1, 0)->status, ==, D8_STATUS_OVER);
      g_assert_cmpint (d8_overview_cell (ov, 1, 1)->status, ==, D8_STATUS_BEHIND);

      /* Judged against the stated 128, though 126 are allocated. */
      g_assert_cmpint (ov->allocated[0], ==, 126);
      g_assert_true (ov->totals[0].has_quota);
      g_assert_cmpint (ov->totals[0].quota, ==, 128);
      g_assert_cmpint (ov->totals[0].achieved, ==, 128);
      g_assert_cmpint (ov->totals[0].n_entries, ==, 5);
      g_assert_cmpint (ov->totals[0].status, ==, D8_STATUS_DONE);
      g_assert_true (d8_overview_allocation (ov, 0, &s, &a, &d));
      g_assert_cmpint (s, ==, 128);
      g_assert_cmpint (a, ==, 126);
      g_assert_cmpint (d, ==, 2);

      /* No stated total: the allocated sum; the unit without a quota
       * still adds what it recorded. */
      g_assert_cmpint (ov->allocated[1], ==, 5);
      g_assert_cmpint (ov->totals[1].quota, ==, 5);
      g_assert_cmpint (ov->totals[1].achieved, ==, 4);
      g_assert_cmpint (ov->totals[1].status, ==, D8_STATUS_ON_TRACK);
      g_assert_false (d8_overview_allocation (ov, 1, NULL, NULL, NULL));

      /* Percent: reached over group sizes, against the 80 % target. */
      g_assert_false (ov->totals[2].has_quota);
      g_assert_cmpint (ov->totals[2].achieved, ==, 40);
      g_assert_cmpint (ov->totals[2].group_size, ==, 50);
      g_assert_cmpfloat (ov->totals[2].completion, ==, 0.8);
      g_assert_cmpint (ov->totals[2].status, ==, D8_STATUS_DONE);

      g_assert_cmpfloat_with_epsilon (ov->unit_overall[0], 0.9, 1e-12);
      g_assert_cmpfloat_with_epsilon (ov->unit_overall[1], (1.0 + 0.2) / 2.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (ov->province_overall, (1.0 + 0.8) / 2.0, 1e-12);
    }
}

static void
test_status_names (void)
{
  g_assert_cmpstr (d8_status_to_string (D8_STATUS_NO_QUOTA), ==, "no-quota");
  g_assert_cmpstr (d8_status_to_string (D8_STATUS_BEHIND), ==, "behind");
  g_assert_cmpstr (d8_status_to_string (D8_STATUS_DONE), ==, "done");
  g_assert_cmpstr (d8_status_to_label (D8_STATUS_ON_TRACK), ==, "On track");

  /* Over-achieved: its own name and word, done's colour role (a kind of
   * done), and a print pattern of its own so greyscale tells them apart. */
  g_assert_cmpstr (d8_status_to_string (D8_STATUS_OVER), ==, "over");
  g_assert_cmpstr (d8_status_to_label (D8_STATUS_OVER), ==, "Over-achieved");
  g_assert_cmpint (d8_status_role (D8_STATUS_OVER), ==, d8_status_role (D8_STATUS_DONE));
  g_assert_cmpint (d8_status_role (D8_STATUS_OVER), ==, D8_STATUS_ROLE_SUCCESS);
  g_assert_cmpint (d8_status_pattern (D8_STATUS_OVER), !=, d8_status_pattern (D8_STATUS_DONE));
  g_assert_true (D8_STATUS_IS_DONE (D8_STATUS_OVER));
  g_assert_true (D8_STATUS_IS_DONE (D8_STATUS_DONE));
  g_assert_false (D8_STATUS_IS_DONE (D8_STATUS_ON_TRACK));
  for (D8Status st = D8_STATUS_NO_QUOTA; st < D8_N_STATUSES; st++)
    if (st != D8_STATUS_OVER)
      g_assert_cmpstr (d8_status_to_label (st), !=, d8_status_to_label (D8_STATUS_OVER));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/progress/cell/count", test_count_cells);
  g_test_add_func ("/progress/cell/percent", test_percent_cells);
  g_test_add_func ("/progress/expected", test_expected);
  g_test_add_func ("/progress/overall", test_overall);
  g_test_add_func ("/progress/total-quota", test_total_quota);
  g_test_add_func ("/progress/overview/evaluate", test_overview_evaluate);
  g_test_add_func ("/progress/status-names", test_status_names);
  return g_test_run ();
}
