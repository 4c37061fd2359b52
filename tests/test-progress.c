/* test-progress.c — completion and status of a cell, expected pace, and
 * the overall completion of a unit, without a database. */
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

  c = cell_of (TRUE, 10, 13, 3);
  d8_cell_evaluate (&c, &count_indicator, 0.5);
  g_assert_cmpint (c.status, ==, D8_STATUS_DONE);
  g_assert_cmpfloat (c.completion, ==, 1.3);
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
test_status_names (void)
{
  g_assert_cmpstr (d8_status_to_string (D8_STATUS_NO_QUOTA), ==, "no-quota");
  g_assert_cmpstr (d8_status_to_string (D8_STATUS_BEHIND), ==, "behind");
  g_assert_cmpstr (d8_status_to_string (D8_STATUS_DONE), ==, "done");
  g_assert_cmpstr (d8_status_to_label (D8_STATUS_ON_TRACK), ==, "On track");
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
  g_test_add_func ("/progress/status-names", test_status_names);
  return g_test_run ();
}
