/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plan-draft.c — drafts, the editable appendix and amendments
 * (issue 15) against the 2023 plan of Gia Lai every new store holds:
 * a plan made from it, cells typed, pasted, undone and redone, a total
 * distributed against a table computed by hand, the allocation check
 * against the 2023 appendix (128 stated, 126 allocated), drafts refusing
 * entries, issuing needing its fields, amendments keeping history, and the
 * database left exactly as it was by every refusal. */
#include "config.h"

#include <locale.h>

#include "d8-plan-amendments.h"
#include "d8-plan-draft.h"
#include "d8-plan-edit.h"
#include "d8-test-util.h"

typedef struct
{
  char *dir;
  char *db_path;
  D8Store *store;
  gint64 plan_2023;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Plan) plan = NULL;

  f->dir = d8_test_tmpdir ();
  f->db_path = g_build_filename (f->dir, "test.sqlite3", NULL);
  f->store = d8_store_open (f->db_path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plan = d8_store_resolve_plan (f->store, "1653/KH-UBND", &error);
  g_assert_no_error (error);
  f->plan_2023 = plan->id;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  d8_test_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static gint64
new_plan (Fixture *f, const char *code, int year, gboolean copy_quotas)
{
  g_autoptr (GError) error = NULL;
  D8NewPlanOptions options = { code, year, NULL, f->plan_2023, copy_quotas };
  gint64 id = d8_store_new_plan (f->store, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static D8PlanEdit *
edit_plan (Fixture *f, gint64 plan_id)
{
  g_autoptr (GError) error = NULL;
  D8PlanEdit *edit = d8_plan_edit_new (f->store, plan_id, &error);

  g_assert_no_error (error);
  return edit;
}

static char *
dump (Fixture *f)
{
  return d8_test_dump (f->db_path);
}

/* The 2023 appendix, column 1 (DOMAIN.md): "-" is -1. */
static const gint64 column_1[15] = { 4, 4, 6, 19, 18, 8, 3, 12, 12, 3, 15, -1, 10, 10, 2 };

/* ------------------------------------------------------------ new plan */

static void
test_new_from_plan (Fixture *f, gconstpointer data)
{
  gint64 id = new_plan (f, "gia-lai-2024", 2024, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Plan) plan = d8_store_get_plan (f->store, id, &error);
  g_autoptr (GPtrArray) indicators = d8_store_list_indicators (f->store, id, &error);
  g_autoptr (D8PlanEdit) edit = edit_plan (f, id);
  D8PlanStatus status;
  gboolean extra = FALSE;

  g_assert_no_error (error);
  g_assert_true (plan->is_draft);
  g_assert_true (d8_store_plan_is_draft (f->store, id));
  g_assert_true (d8_store_get_plan_status (f->store, id, &status, &error));
  g_assert_cmpint (status, ==, D8_PLAN_STATUS_DRAFT);
  g_assert_cmpstr (d8_plan_status_to_string (status), ==, "draft");
  g_assert_cmpint (plan->year, ==, 2024);
  g_assert_cmpstr (plan->period_start, ==, "2024-01-01");
  g_assert_cmpstr (plan->period_end, ==, "2024-12-31");
  g_assert_nonnull (strstr (plan->title, "2024"));
  g_assert_null (strstr (plan->title, "2023"));
  g_assert_cmpstr (plan->issuer, ==, "UBND tỉnh Gia Lai");
  g_assert_cmpstr (plan->doc_number, ==, "");
  g_assert_null (plan->issued_on);
  g_assert_cmpuint (d8_plan_edit_get_n_rows (edit), ==, 15);
  g_assert_cmpuint (d8_plan_edit_get_n_columns (edit), ==, 9);
  g_assert_cmpuint (indicators->len, ==, 10);
  for (guint r = 0; r < 15; r++)
    for (guint c = 0; c < 9; c++)
      g_assert_false (d8_plan_edit_get_cell (edit, r, c, NULL));
  for (guint c = 0; c < 9; c++)
    g_assert_false (d8_plan_edit_get_stated (edit, c, NULL));
  /* The 80 % of section II is a target, not a quota: it comes along. */
  for (guint i = 0; i < indicators->len; i++)
    {
      D8Indicator *ind = indicators->pdata[i];
      if (g_str_equal (ind->code, "SM"))
        extra = ind->has_target && ind->target == 80;
    }
  g_assert_true (extra);
  g_assert_cmpstr (((D8Unit *) d8_plan_edit_get_unit (edit, 0))->name, ==, "Chư Pưh");
  g_assert_cmpstr (((D8Unit *) d8_plan_edit_get_unit (edit, 14))->name, ==, "Ia Grai");
}

static void
test_new_copy_quotas (Fixture *f, gconstpointer data)
{
  gint64 id = new_plan (f, "copy-2024", 2024, TRUE);
  g_autoptr (D8PlanEdit) edit = edit_plan (f, id);
  gint64 stated, allocated, difference, quota;

  for (guint r = 0; r < 15; r++)
    {
      gboolean has = d8_plan_edit_get_cell (edit, r, 0, &quota);
      g_assert_cmpint (has, ==, column_1[r] >= 0);
      if (has)
        g_assert_cmpint (quota, ==, column_1[r]);
    }
  g_assert_true (d8_plan_edit_get_allocation (edit, 0, &stated, &allocated, &difference));
  g_assert_cmpint (stated, ==, 128);
  g_assert_cmpint (allocated, ==, 126);
  g_assert_cmpint (difference, ==, 2);
}

static void
test_new_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  D8NewPlanOptions taken = { "gia-lai-2023-1653", 2024, NULL, 0, FALSE };
  D8NewPlanOptions empty = { "", 2024, NULL, 0, FALSE };
  D8NewPlanOptions year = { "x", 12, NULL, 0, FALSE };
  D8NewPlanOptions from = { "x", 2024, NULL, 9999, FALSE };

  g_assert_cmpint (d8_store_new_plan (f->store, &taken, &error), ==, 0);
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "gia-lai-2023-1653"));
  g_clear_error (&error);
  g_assert_cmpint (d8_store_new_plan (f->store, &empty, &error), ==, 0);
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (d8_store_new_plan (f->store, &year, &error), ==, 0);
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (d8_store_new_plan (f->store, &from, &error), ==, 0);
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  after = dump (f);
  g_assert_cmpstr (before, ==, after);
}

/* ------------------------------------------------------------- editing */

static void
count_changed_cb (D8PlanEdit *edit, int row, int column, gpointer user_data)
{
  int *n = user_data;
  (*n)++;
}

static void
test_edit_cells_undo (Fixture *f, gconstpointer data)
{
  gint64 id = new_plan (f, "gia-lai-2024", 2024, FALSE);
  g_autoptr (D8PlanEdit) edit = edit_plan (f, id);
  g_autoptr (GError) error = NULL;
  gint64 quota;
  int changed = 0;

  g_signal_connect (edit, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_false (d8_plan_edit_can_undo (edit));
  g_assert_true (d8_plan_edit_set_cell_text (edit, 0, 0, "1.234", &error));
  g_assert_no_error (error);
  g_assert_true (d8_plan_edit_get_cell (edit, 0, 0, &quota));
  g_assert_cmpint (quota, ==, 1234);
  g_assert_true (d8_plan_edit_set_cell_text (edit, 0, 1, " 7 ", &error));
  g_assert_true (d8_plan_edit_set_cell_text (edit, 1, 0, "0", &error));
  g_assert_no_error (error);
  g_assert_cmpint (d8_plan_edit_get_row_sum (edit, 0), ==, 1241);
  g_assert_cmpint (d8_plan_edit_get_column_sum (edit, 0), ==, 1234);
  /* 0 is a real zero, "-" is no quota: both kept apart. */
  g_assert_true (d8_plan_edit_get_cell (edit, 1, 0, &quota));
  g_assert_cmpint (quota, ==, 0);
  g_assert_true (d8_plan_edit_set_cell_text (edit, 1, 0, "-", &error));
  g_assert_false (d8_plan_edit_get_cell (edit, 1, 0, NULL));
  g_assert_cmpint (changed, ==, 4);

  /* Refused text names the cell and changes nothing. */
  g_assert_false (d8_plan_edit_set_cell_text (edit, 0, 0, "12a", &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Chư Pưh"));
  g_clear_error (&error);
  g_assert_false (d8_plan_edit_set_cell_text (edit, 0, 0, "-3", &error));
  g_clear_error (&error);
  g_assert_cmpint (d8_plan_edit_get_column_sum (edit, 0), ==, 1234);
  g_assert_cmpint (changed, ==, 4);

  /* Setting the same value again is no step. */
  g_assert_true (d8_plan_edit_set_cell (edit, 0, 1, TRUE, 7, &error));
  g_assert_cmpint (changed, ==, 4);

  g_assert_true (d8_plan_edit_undo (edit)); /* back to 0 */
  g_assert_true (d8_plan_edit_get_cell (edit, 1, 0, &quota));
  g_assert_cmpint (quota, ==, 0);
  g_assert_true (d8_plan_edit_undo (edit)); /* back to no quota */
  g_assert_false (d8_plan_edit_get_cell (edit, 1, 0, NULL));
  g_assert_true (d8_plan_edit_undo (edit));
  g_assert_true (d8_plan_edit_undo (edit));
  g_assert_false (d8_plan_edit_can_undo (edit));
  g_assert_false (d8_plan_edit_undo (edit));
  g_assert_cmpint (d8_plan_edit_get_row_sum (edit, 0), ==, 0);
  g_assert_false (d8_plan_edit_is_modified (edit));
  g_assert_true (d8_plan_edit_redo (edit));
  g_assert_true (d8_plan_edit_redo (edit));
  g_assert_cmpint (d8_plan_edit_get_row_sum (edit, 0), ==, 1241);
  g_assert_true (d8_plan_edit_can_redo (edit));
  /* A new edit drops what could be redone. */
  g_assert_true (d8_plan_edit_set_stated_text (edit, 0, "20", &error));
  g_assert_no_error (error);
  g_assert_false (d8_plan_edit_can_redo (edit));
  g_assert_true (d8_plan_edit_is_modified (edit));
}

static void
test_edit_paste (Fixture *f, gconstpointer data)
{
  gint64 id = new_plan (f, "gia-lai-2024", 2024, FALSE);
  g_autoptr (D8PlanEdit) edit = edit_plan (f, id);
  g_autoptr (GError) error = NULL;
  guint rows = 0, columns = 0;
  gint64 quota;
  int changed = 0;

  g_signal_connect (edit, "changed", G_CALLBACK (count_changed_cb), &changed);
  /* As Excel puts a 3 × 2 block on the clipboard, CRLF and a blank cell. */
  g_assert_true (d8_plan_edit_paste (edit, 2, 1, "1\t2\r\n3\t-\r\n1.000\t\r\n", &rows, &columns,
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 3);
  g_assert_cmpuint (columns, ==, 2);
  g_assert_cmpint (changed, ==, 1);
  g_assert_true (d8_plan_edit_get_cell (edit, 2, 1, &quota));
  g_assert_cmpint (quota, ==, 1);
  g_assert_true (d8_plan_edit_get_cell (edit, 4, 1, &quota));
  g_assert_cmpint (quota, ==, 1000);
  g_assert_false (d8_plan_edit_get_cell (edit, 3, 2, NULL));
  g_assert_false (d8_plan_edit_get_cell (edit, 4, 2, NULL));
  g_assert_cmpint (d8_plan_edit_get_column_sum (edit, 1), ==, 1004);
  g_assert_cmpint (d8_plan_edit_get_column_sum (edit, 2), ==, 2);

  /* ONE undo step takes the whole block back. */
  g_assert_true (d8_plan_edit_undo (edit));
  g_assert_false (d8_plan_edit_can_undo (edit));
  g_assert_cmpint (d8_plan_edit_get_column_sum (edit, 1), ==, 0);
  g_assert_true (d8_plan_edit_redo (edit));
  g_assert_cmpint (d8_plan_edit_get_column_sum (edit, 1), ==, 1004);

  /* All or nothing: a bad cell anywhere changes nothing, and is named. */
  g_assert_false (d8_plan_edit_paste (edit, 0, 0, "5\t6\n7\tbảy\n", NULL, NULL, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "B2"));
  g_clear_error (&error);
  g_assert_false (d8_plan_edit_get_cell (edit, 0, 0, NULL));
  /* One column copied as text with English grouping: never split at ",". */
  g_assert_true (d8_plan_edit_paste (edit, 0, 5, "1,234\n2,000\n", &rows, &columns, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (columns, ==, 1);
  g_assert_cmpint (d8_plan_edit_get_column_sum (edit, 5), ==, 3234);
  g_assert_true (d8_plan_edit_undo (edit));
  /* A block that does not fit. */
  g_assert_false (d8_plan_edit_paste (edit, 14, 8, "1\t2\n", NULL, NULL, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (d8_plan_edit_get_cell (edit, 14, 8, NULL));
  g_assert_cmpint (changed, ==, 5);
}

/* ----------------------------------------------------------- distribute */

static void
test_distribute (Fixture *f, gconstpointer data)
{
  gint64 id = new_plan (f, "gia-lai-2024", 2024, FALSE);
  g_autoptr (D8PlanEdit) edit = edit_plan (f, id);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) preview = NULL;
  g_autoptr (GArray) tie = NULL;
  g_autoptr (GArray) none = NULL;
  const guint rows[] = { 0, 1, 2, 3, 11 };
  /* By hand: references 4, 4, 6, 19 and An Khê's "-" (sum 33); 100 × r /
   * 33 = 12.12, 12.12, 18.18, 57.58, 0 → floors 12, 12, 18, 57 (99);
   * remainders 4, 4, 6, 19 (of 33): the one left goes to Chư Păh → 58. */
  const gint64 expected[] = { 12, 12, 18, 58, 0 };
  gint64 quota;

  preview = d8_plan_edit_distribute (edit, 0, 100, rows, G_N_ELEMENTS (rows), f->plan_2023,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < preview->len; i++)
    {
      D8Distribution *d = &g_array_index (preview, D8Distribution, i);
      g_assert_cmpuint (d->row, ==, rows[i]);
      g_assert_cmpint (d->quota, ==, expected[i]);
      g_assert_cmpint (d->has_reference, ==, i != 4);
    }
  g_assert_cmpint (g_array_index (preview, D8Distribution, 3).reference, ==, 19);
  /* The preview changed nothing. */
  g_assert_false (d8_plan_edit_can_undo (edit));
  g_assert_true (d8_plan_edit_apply_distribution (edit, 0, preview, &error));
  g_assert_no_error (error);
  g_assert_cmpint (d8_plan_edit_get_column_sum (edit, 0), ==, 100);
  g_assert_true (d8_plan_edit_get_cell (edit, 11, 0, &quota));
  g_assert_cmpint (quota, ==, 0);
  g_assert_true (d8_plan_edit_undo (edit));
  g_assert_false (d8_plan_edit_can_undo (edit));
  g_assert_cmpint (d8_plan_edit_get_column_sum (edit, 0), ==, 0);

  /* A tie (3 over 4 and 4: remainders equal, references equal): the
   * earlier row gets the one left. */
  tie = d8_plan_edit_distribute (edit, 0, 3, rows, 2, f->plan_2023, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (tie, D8Distribution, 0).quota, ==, 2);
  g_assert_cmpint (g_array_index (tie, D8Distribution, 1).quota, ==, 1);

  /* Nothing to go by: refused with a reason. */
  none = d8_plan_edit_distribute (edit, 0, 5, &rows[4], 1, f->plan_2023, &error);
  g_assert_null (none);
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (d8_plan_edit_distribute (edit, 0, 5, NULL, 0, f->plan_2023, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
}

/* ----------------------------------------------------------- allocation */

static void
test_allocation (Fixture *f, gconstpointer data)
{
  g_autoptr (D8PlanEdit) edit = edit_plan (f, f->plan_2023);
  g_autoptr (GError) error = NULL;
  g_autofree char *gap = NULL;
  g_autofree char *over = NULL;
  /* By hand from DOMAIN.md: column sums and stated totals of 2023. */
  const gint64 stated[] = { 128, 3, 25, 87, 35, 80, 20, 17, 42 };
  gint64 s, allocated, difference;

  g_assert_cmpuint (d8_plan_edit_get_n_columns (edit), ==, 9);
  for (guint c = 0; c < 9; c++)
    {
      g_assert_true (d8_plan_edit_get_allocation (edit, c, &s, &allocated, &difference));
      g_assert_cmpint (s, ==, stated[c]);
      g_assert_cmpint (allocated, ==, c == 0 ? 126 : stated[c]);
      g_assert_cmpint (difference, ==, c == 0 ? 2 : 0);
    }
  g_assert_cmpuint (d8_plan_edit_count_unbalanced (edit), ==, 1);
  gap = d8_plan_edit_describe_allocation (edit, 0);
  g_assert_cmpstr (gap, ==, "2 not allocated");
  g_assert_null (d8_plan_edit_describe_allocation (edit, 1));
  /* Chư Pưh 4 → 9: 131 allocated, 3 over. */
  g_assert_true (d8_plan_edit_set_cell (edit, 0, 0, TRUE, 9, &error));
  g_assert_true (d8_plan_edit_get_allocation (edit, 0, NULL, &allocated, &difference));
  g_assert_cmpint (allocated, ==, 131);
  g_assert_cmpint (difference, ==, -3);
  over = d8_plan_edit_describe_allocation (edit, 0);
  g_assert_cmpstr (over, ==, "3 over-allocated");
  /* The row sum of Chư Pưh: 9 + 1 + 1 + 2 + 1 + 1 + 3 (its "-" is left out). */
  g_assert_cmpint (d8_plan_edit_get_row_sum (edit, 0), ==, 18);
}

/* The grid of 135 units × 10 indicators stays instant: a cell edit is
 * O(1) (sums kept incrementally), reading every sum and check O(cells). */
static void
test_edit_scale (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  D8NewPlanOptions options = { "xa-2026", 2026, NULL, 0, FALSE };
  gint64 id = d8_store_new_plan (f->store, &options, &error);
  g_autoptr (D8PlanEdit) edit = NULL;
  g_autoptr (GTimer) timer = NULL;
  double per_edit_us;

  g_assert_no_error (error);
  g_assert_true (d8_store_plan_set_group (f->store, id, 1, "Nội dung 1", &error));
  for (int c = 0; c < 10; c++)
    {
      g_autofree char *code = g_strdup_printf ("%d", c + 1);
      D8IndicatorFields fields = { code, "Chỉ tiêu", NULL, "cuộc", D8_KIND_COUNT, 1, 0, TRUE };
      g_assert_cmpint (d8_store_plan_add_indicator (f->store, id, &fields, &error), >, 0);
      g_assert_no_error (error);
    }
  for (int r = 0; r < 135; r++)
    {
      g_autofree char *name = g_strdup_printf ("Xã %03d", r + 1);
      g_assert_cmpint (d8_store_plan_add_unit (f->store, id, name, "commune", 0, "xã", &error),
                       >, 0);
      g_assert_no_error (error);
    }
  edit = edit_plan (f, id);
  g_assert_cmpuint (d8_plan_edit_get_n_rows (edit), ==, 135);
  g_assert_cmpuint (d8_plan_edit_get_n_columns (edit), ==, 10);
  timer = g_timer_new ();
  for (guint i = 0; i < 1350; i++)
    {
      g_assert_true (d8_plan_edit_set_cell (edit, i / 10, i % 10, TRUE, i % 7, &error));
      (void) d8_plan_edit_get_allocation (edit, i % 10, NULL, NULL, NULL);
      (void) d8_plan_edit_get_row_sum (edit, i / 10);
    }
  per_edit_us = g_timer_elapsed (timer, NULL) * 1e6 / 1350;
  g_test_message ("135 × 10: %.1f µs per cell edit with its sums and check", per_edit_us);
  /* Far below a 16 ms frame even on a slow, busy machine. */
  g_assert_cmpfloat (per_edit_us, <, 2000);
  g_timer_start (timer);
  g_assert_true (d8_plan_edit_save (edit, &error));
  g_assert_no_error (error);
  g_test_message ("saving 1,350 cells in one transaction: %.0f ms",
                  g_timer_elapsed (timer, NULL) * 1000);
}

/* ----------------------------------------------------- saving, drafts */

static void
test_save_draft (Fixture *f, gconstpointer data)
{
  gint64 id = new_plan (f, "gia-lai-2024", 2024, FALSE);
  g_autoptr (D8PlanEdit) edit = edit_plan (f, id);
  g_autoptr (D8PlanEdit) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Overview) overview = NULL;
  gint64 stated, allocated, difference, quota;

  g_assert_true (d8_plan_edit_set_stated (edit, 0, TRUE, 10, &error));
  g_assert_true (d8_plan_edit_paste (edit, 0, 0, "4\n5\n", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (d8_plan_edit_save (edit, &error));
  g_assert_no_error (error);
  g_assert_false (d8_plan_edit_is_modified (edit));
  again = edit_plan (f, id);
  g_assert_true (d8_plan_edit_get_cell (again, 1, 0, &quota));
  g_assert_cmpint (quota, ==, 5);
  g_assert_true (d8_plan_edit_get_stated (again, 0, &stated));
  g_assert_cmpint (stated, ==, 10);
  /* The store's own allocation check (the overview) says the same. */
  overview = d8_store_compute_overview (f->store, id, "2024-06-30", &error);
  g_assert_no_error (error);
  g_assert_true (d8_overview_allocation (overview, 0, &stated, &allocated, &difference));
  g_assert_cmpint (allocated, ==, 9);
  g_assert_cmpint (difference, ==, 1);
  /* A draft's changes leave no history. */
  {
    g_autoptr (GPtrArray) revisions = d8_store_list_plan_revisions (f->store, id, &error);
    g_assert_cmpuint (revisions->len, ==, 0);
  }
}

static void
test_draft_refuses_entries (Fixture *f, gconstpointer data)
{
  gint64 id = new_plan (f, "gia-lai-2024", 2024, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = d8_store_list_units (f->store, id, &error);
  g_autoptr (GPtrArray) indicators = d8_store_list_indicators (f->store, id, &error);
  g_autoptr (D8Entry) entry = d8_entry_new ();
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;

  entry->plan_id = id;
  entry->unit_id = ((D8Unit *) units->pdata[0])->id;
  entry->indicator_id = ((D8Indicator *) indicators->pdata[0])->id;
  entry->date = g_strdup ("2024-03-01");
  entry->amount = 1;
  g_assert_false (d8_store_add_entry (f->store, entry, FALSE, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "gia-lai-2024"));
  g_assert_nonnull (strstr (error->message, "draft"));
  after = dump (f);
  g_assert_cmpstr (before, ==, after);
  /* The 2023 plan is issued and takes them. */
  g_assert_true (d8_store_check_plan_takes_entries (f->store, f->plan_2023, NULL));
}

static void
test_issue_requires_fields (Fixture *f, gconstpointer data)
{
  gint64 id = new_plan (f, "gia-lai-2024", 2024, TRUE);
  D8NewPlanOptions empty_options = { "empty-2024", 2024, NULL, 0, FALSE };
  gint64 empty;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (D8Plan) plan = NULL;

  empty = d8_store_new_plan (f->store, &empty_options, &error);
  g_assert_no_error (error);
  before = dump (f);
  g_assert_false (d8_store_issue_plan (f->store, id, NULL, "2024-01-15", NULL, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "document number"));
  g_clear_error (&error);
  g_assert_false (d8_store_issue_plan (f->store, id, "12/KH-UBND", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "date of issue"));
  g_clear_error (&error);
  g_assert_false (d8_store_issue_plan (f->store, id, "12/KH-UBND", "2024-02-30", NULL, &error));
  g_assert_nonnull (strstr (error->message, "date of issue"));
  g_clear_error (&error);
  /* An empty plan has no issuer and allocates nothing. */
  g_assert_false (d8_store_issue_plan (f->store, empty, "1/KH", "2024-01-15", NULL, &error));
  g_assert_nonnull (strstr (error->message, "issuer"));
  g_clear_error (&error);
  g_assert_false (d8_store_issue_plan (f->store, empty, "1/KH", "2024-01-15", "UBND", &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (d8_store_amend_plan (f->store, id, "1/QĐ", "2024-03-01", &error));
  g_assert_nonnull (strstr (error->message, "draft"));
  g_clear_error (&error);
  after = dump (f);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (d8_store_issue_plan (f->store, id, "12/KH-UBND", "2024-01-15", NULL, &error));
  g_assert_no_error (error);
  plan = d8_store_get_plan (f->store, id, &error);
  g_assert_false (plan->is_draft);
  g_assert_cmpstr (plan->doc_number, ==, "12/KH-UBND");
  g_assert_cmpstr (plan->issued_on, ==, "2024-01-15");
  g_assert_cmpstr (plan->issuer, ==, "UBND tỉnh Gia Lai");
  g_assert_false (d8_store_issue_plan (f->store, id, "13/KH", "2024-01-16", NULL, &error));
  g_assert_nonnull (strstr (error->message, "already issued"));
}

static void
test_amend_history (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8PlanEdit) edit = edit_plan (f, f->plan_2023);
  g_autoptr (GPtrArray) amendments = NULL;
  g_autoptr (GPtrArray) units = d8_store_list_units (f->store, f->plan_2023, &error);
  g_autoptr (GPtrArray) indicators = d8_store_list_indicators (f->store, f->plan_2023, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  g_autofree char *uuid = NULL;
  const D8PlanRevision *amendment;
  gint64 amendment_id;

  g_assert_null (d8_store_plan_amended_label (f->store, f->plan_2023));
  uuid = d8_test_record (f->store, "Chư Pưh", "1", "2023-03-04", 2, NULL);
  /* Issued, no amendment: neither the store nor the editor changes it. */
  before = dump (f);
  g_assert_false (d8_store_set_quota (f->store, f->plan_2023, ((D8Unit *) units->pdata[0])->id,
                                      ((D8Indicator *) indicators->pdata[0])->id, TRUE, 6,
                                      &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1653/KH-UBND"));
  g_clear_error (&error);
  g_assert_true (d8_plan_edit_set_cell (edit, 0, 0, TRUE, 6, &error));
  g_assert_false (d8_plan_edit_save (edit, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (d8_store_amend_plan (f->store, f->plan_2023, "2001/QĐ", "2023-01-01", &error),
                   ==, 0);
  g_assert_nonnull (strstr (error->message, "date of issue"));
  g_clear_error (&error);
  after = dump (f);
  g_assert_cmpstr (before, ==, after);

  amendment_id = d8_store_amend_plan (f->store, f->plan_2023, "25/QĐ-UBND", "2023-09-15", &error);
  g_assert_no_error (error);
  g_assert_cmpint (amendment_id, >, 0);
  g_assert_cmpint (d8_store_get_open_amendment (f->store, f->plan_2023), ==, amendment_id);
  g_assert_true (d8_plan_edit_set_stated (edit, 0, TRUE, 130, &error));
  g_assert_true (d8_plan_edit_save (edit, &error));
  g_assert_no_error (error);
  g_assert_true (d8_store_issue_plan (f->store, f->plan_2023, "25/QĐ-UBND", "2023-09-15", NULL,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (d8_store_get_open_amendment (f->store, f->plan_2023), ==, 0);
  /* A number used once is not used again. */
  g_assert_cmpint (d8_store_amend_plan (f->store, f->plan_2023, "25/QĐ-UBND", "2023-10-01",
                                        &error), ==, 0);
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);

  amendments = d8_store_list_amendments (f->store, f->plan_2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amendments->len, ==, 1);
  amendment = amendments->pdata[0];
  g_assert_true (amendment->is_amendment);
  g_assert_false (amendment->is_open);
  g_assert_cmpstr (amendment->doc_number, ==, "25/QĐ-UBND");
  g_assert_cmpuint (amendment->changes->len, ==, 2);
  for (guint i = 0; i < amendment->changes->len; i++)
    {
      const D8PlanQuotaChange *c = amendment->changes->pdata[i];
      g_assert_cmpstr (c->indicator, ==, "1");
      if (c->unit == NULL)
        {
          g_assert_cmpstr (c->old_written, ==, "128");
          g_assert_cmpstr (c->new_written, ==, "130");
        }
      else
        {
          g_assert_cmpstr (c->unit_name, ==, "Chư Pưh");
          g_assert_cmpstr (c->old_written, ==, "4");
          g_assert_cmpstr (c->new_written, ==, "6");
        }
    }
  label = d8_store_plan_amended_label (f->store, f->plan_2023);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (label, "as amended by 25/QĐ-UBND"));
  /* The plan read from the store carries it, for the pack and the window. */
  {
    g_autoptr (D8Plan) plan = d8_store_get_plan (f->store, f->plan_2023, &error);
    g_assert_cmpstr (plan->amended_by, ==, "25/QĐ-UBND");
    g_assert_cmpstr (plan->amended_on, ==, "2023-09-15");
  }
  /* The entry is still there, on the same plan. */
  {
    g_autoptr (D8Entry) entry = d8_store_get_entry (f->store, uuid, &error);
    g_assert_no_error (error);
    g_assert_cmpint (entry->plan_id, ==, f->plan_2023);
  }
}

static void
test_units_and_indicators (Fixture *f, gconstpointer data)
{
  gint64 id = new_plan (f, "gia-lai-2024", 2024, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  D8IndicatorFields fields = { "10", "Chỉ tiêu mới", "New", "cuộc", D8_KIND_COUNT, 4, 1, TRUE };
  gint64 unit, indicator;

  unit = d8_store_plan_add_unit (f->store, id, "Ia Le", "commune", 0, "xã", &error);
  g_assert_no_error (error);
  indicator = d8_store_plan_add_indicator (f->store, id, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (indicator, >, 0);
  {
    g_autoptr (D8PlanEdit) edit = edit_plan (f, id);
    g_assert_cmpuint (d8_plan_edit_get_n_rows (edit), ==, 16);
    g_assert_cmpuint (d8_plan_edit_get_n_columns (edit), ==, 10);
    /* Position 1: the new indicator is the first column. */
    g_assert_cmpstr (d8_plan_edit_get_indicator (edit, 0)->code, ==, "10");
  }
  g_assert_true (d8_store_rename_unit (f->store, unit, "Ia Lê", &error));
  g_assert_true (d8_store_retire_unit (f->store, unit, "2025-06-30", &error));
  g_assert_no_error (error);
  units = d8_store_list_units (f->store, id, &error);
  for (guint i = units->len; i > 0; i--)
    g_array_append_val (order, ((D8Unit *) units->pdata[i - 1])->id);
  g_assert_true (d8_store_plan_reorder_units (f->store, id, (gint64 *) order->data, order->len,
                                              &error));
  g_assert_no_error (error);
  g_clear_pointer (&units, g_ptr_array_unref);
  units = d8_store_list_units (f->store, id, &error);
  g_assert_cmpstr (((D8Unit *) units->pdata[0])->name, ==, "Ia Lê");
  g_assert_cmpstr (((D8Unit *) units->pdata[0])->valid_to, ==, "2025-06-30");

  before = dump (f);
  g_assert_false (d8_store_plan_reorder_units (f->store, id, (gint64 *) order->data, 3, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (d8_store_plan_add_indicator (f->store, id, &fields, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "10"));
  g_clear_error (&error);
  fields.code = "11";
  fields.group_no = 9;
  g_assert_cmpint (d8_store_plan_add_indicator (f->store, id, &fields, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "group"));
  g_clear_error (&error);
  g_assert_false (d8_store_set_unit_parent (f->store, ((D8Unit *) units->pdata[1])->id,
                                            ((D8Unit *) units->pdata[1])->id, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (d8_store_plan_remove_unit (f->store, f->plan_2023, unit, &error));
  g_clear_error (&error);
  after = dump (f);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (d8_store_plan_remove_unit (f->store, id, unit, &error));
  g_assert_no_error (error);
}

static void
test_details (Fixture *f, gconstpointer data)
{
  gint64 id = new_plan (f, "gia-lai-2024", 2024, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  /* "Kế hoạch" typed with a combining hook (NFD) is stored NFC. */
  D8PlanDetails details = { .title = "Ke\xcc\x82\xcc\x81 hoa\xcc\xa3" "ch 2024",
                            .period_start = "2024-07-01" };
  D8PlanDetails backwards = { .period_end = "2024-06-30" };
  D8PlanDetails issued = { .doc_number = "99/KH" };

  g_assert_true (d8_store_set_plan_details (f->store, id, &details, &error));
  g_assert_no_error (error);
  plan = d8_store_get_plan (f->store, id, &error);
  g_assert_cmpstr (plan->title, ==, "Kế hoạch 2024");
  g_assert_cmpstr (plan->period_start, ==, "2024-07-01");
  before = dump (f);
  g_assert_false (d8_store_set_plan_details (f->store, id, &backwards, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024-06-30"));
  g_clear_error (&error);
  g_assert_false (d8_store_set_plan_details (f->store, f->plan_2023, &issued, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  after = dump (f);
  g_assert_cmpstr (before, ==, after);
}

static D8Indicator *
find_indicator (Fixture *f, gint64 plan_id, const char *code)
{
  g_autoptr (GError) error = NULL;
  D8Indicator *indicator = d8_store_resolve_indicator (f->store, plan_id, code, &error);

  g_assert_no_error (error);
  return indicator;
}

static void
test_extra_target_and_groups (Fixture *f, gconstpointer data)
{
  gint64 id = new_plan (f, "gia-lai-2024", 2024, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Indicator) sm = find_indicator (f, id, "SM");
  g_autoptr (D8Indicator) after = NULL;
  g_autoptr (D8Indicator) removed = NULL;
  g_autoptr (D8Indicator) one = find_indicator (f, id, "1");
  g_autoptr (D8Indicator) renamed = NULL;
  D8IndicatorFields fields = { "1", "Tổ truyền thông cộng đồng", "Community groups", "tổ",
                               D8_KIND_COUNT, 1, 0, TRUE };

  g_assert_true (d8_store_set_extra_target (f->store, id, sm->id, TRUE, 85, NULL, &error));
  g_assert_no_error (error);
  after = find_indicator (f, id, "SM");
  g_assert_true (after->has_target);
  g_assert_cmpfloat (after->target, ==, 85);
  g_assert_cmpstr (after->target_written, ==, "85%");
  /* A count indicator takes no percentage; 120 % is no target. */
  g_assert_false (d8_store_set_extra_target (f->store, id, one->id, TRUE, 80, NULL, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (d8_store_set_extra_target (f->store, id, sm->id, TRUE, 120, NULL, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (d8_store_set_extra_target (f->store, id, sm->id, FALSE, 0, NULL, &error));
  removed = find_indicator (f, id, "SM");
  g_assert_false (removed->has_target);

  /* Groups and indicator names. */
  g_assert_true (d8_store_plan_set_group (f->store, id, 1, "Truyền thông", &error));
  g_assert_true (d8_store_plan_edit_indicator (f->store, id, one->id, &fields, &error));
  g_assert_no_error (error);
  renamed = find_indicator (f, id, "1");
  g_assert_cmpstr (renamed->name_vi, ==, "Tổ truyền thông cộng đồng");
  g_assert_cmpstr (renamed->name_en, ==, "Community groups");
  g_assert_cmpstr (renamed->group_title, ==, "Truyền thông");
  /* An issued plan keeps an indicator's kind (entries refer to it). */
  {
    g_autoptr (D8Indicator) issued_one = find_indicator (f, f->plan_2023, "1");
    fields.kind = D8_KIND_PERCENT;
    g_assert_false (d8_store_plan_edit_indicator (f->store, f->plan_2023, issued_one->id, &fields,
                                                  &error));
    g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  }
}

/* The "amendments" of a plan document from another office: read strictly,
 * every refusal naming the record. */
static void
test_amendments_parse (void)
{
  g_autofree char *path = d8_test_source_path ("data", "plans", "gia-lai-2023-1653.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr (D8PlanFile) file = NULL;
  g_autoptr (GError) error = NULL;
  const char *const refused[][2] = {
    { "{\"document_number\":\"1/QĐ\",\"issued_on\":null,\"kind\":\"amendment\","
      "\"changes\":[{\"unit\":\"nowhere\",\"indicator\":\"1\",\"old\":\"4\",\"new\":\"6\"}]}",
      "amendments[0].changes[0]" },
    { "{\"document_number\":\"1/QĐ\",\"issued_on\":\"2023-02-30\",\"kind\":\"amendment\","
      "\"changes\":[]}", "amendments[0]" },
    { "{\"document_number\":\"1/QĐ\",\"kind\":\"decree\",\"changes\":[]}", "decree" },
    { "{\"document_number\":\"1/QĐ\",\"kind\":\"amendment\",\"changes\":{}}",
      "amendments[0].changes" },
    { "{\"document_number\":\"1/QĐ\",\"kind\":\"amendment\",\"changes\":[]},"
      "{\"document_number\":\"1/QĐ\",\"kind\":\"amendment\",\"changes\":[]}", "twice" },
    { "{\"document_number\":7,\"kind\":\"amendment\",\"changes\":[]}",
      "amendments[0].document_number" },
  };

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  file = d8_plan_file_parse (text, -1, "plan.json", &error);
  g_assert_no_error (error);
  {
    g_autofree char *doc = g_strdup_printf ("{\"amendments\":[{\"document_number\":\"1/QĐ\","
                                            "\"issued_on\":\"2023-09-15\",\"kind\":"
                                            "\"amendment\",\"changes\":[{\"unit\":"
                                            "\"gia-lai/chu-puh\",\"indicator\":\"1\","
                                            "\"old\":null,\"new\":\"6\"}]}],%s", text + 1);
    g_autoptr (GPtrArray) list = NULL;
    D8PlanFileAmendment *a;
    g_assert_true (d8_plan_amendments_parse (doc, strlen (doc), file, "b", &list, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    a = list->pdata[0];
    g_assert_true (a->is_amendment);
    g_assert_cmpstr (a->issued_on, ==, "2023-09-15");
    g_assert_null (((D8PlanQuotaChange *) a->changes->pdata[0])->old_written);
  }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *doc = g_strdup_printf ("{\"amendments\":[%s],%s", refused[i][0], text + 1);
      g_autoptr (GPtrArray) list = NULL;
      g_assert_false (d8_plan_amendments_parse (doc, strlen (doc), file, "b", &list, &error));
      g_assert_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT);
      if (strstr (error->message, refused[i][1]) == NULL)
        g_error ("case %u: “%s” does not name %s", i, error->message, refused[i][1]);
      g_assert_null (list);
      g_clear_error (&error);
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan-draft/new/from-plan", test_new_from_plan);
  ADD ("/plan-draft/new/copy-quotas", test_new_copy_quotas);
  ADD ("/plan-draft/new/refused", test_new_refused);
  ADD ("/plan-draft/edit/cells-undo", test_edit_cells_undo);
  ADD ("/plan-draft/edit/paste", test_edit_paste);
  ADD ("/plan-draft/edit/distribute", test_distribute);
  ADD ("/plan-draft/edit/allocation", test_allocation);
  ADD ("/plan-draft/edit/scale", test_edit_scale);
  ADD ("/plan-draft/edit/save-draft", test_save_draft);
  ADD ("/plan-draft/draft/refuses-entries", test_draft_refuses_entries);
  ADD ("/plan-draft/issue/requires-fields", test_issue_requires_fields);
  ADD ("/plan-draft/amend/history", test_amend_history);
  ADD ("/plan-draft/units-and-indicators", test_units_and_indicators);
  ADD ("/plan-draft/details", test_details);
  ADD ("/plan-draft/extra-target-and-groups", test_extra_target_and_groups);
  g_test_add_func ("/plan-draft/amendments/parse", test_amendments_parse);
#undef ADD
  return g_test_run ();
}
