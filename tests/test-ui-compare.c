/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-compare.c — the Compare Plans view over the three synthetic
 * years of d8-test-compare.h, in Vietnamese: opened from the window's
 * action, every plan chosen by default, the indicator chart and the table
 * (the province, then by former district), the chart exported and printed,
 * and screenshots light and dark in $D8_BUILD_ROOT/screenshots/compare-*.png. */
#include <string.h>

#include "d8-chart-kind.h"
#include "d8-compare-links.h"
#include "d8-compare-page.h"
#include "d8-i18n.h"
#include "d8-test-compare.h"
#include "d8-test-ui.h"
#include "d8-window.h"

static void
screenshots (GtkWidget *widget, const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("compare-%s-light.png", name);
  g_autofree char *dark = g_strdup_printf ("compare-%s-dark.png", name);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  d8_test_spin_for (150);
  d8_test_save_screenshot (widget, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  d8_test_spin_for (150);
  d8_test_save_screenshot (widget, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static guint
n_rows (D8ComparePage *page)
{
  GtkSelectionModel *model = gtk_column_view_get_model (d8_compare_page_get_table (page));

  return model ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

/* Opened from the main window: every plan, the first indicator, the
 * province; then the linked indicator 2 across 2023, 2024 and 2026's 4. */
static void
test_window (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  D8Window *window = d8_window_new (NULL, f->store);
  GtkWidget *compare_window;
  D8ComparePage *page;
  const D8ChartModel *model;
  g_autofree char *words = NULL;
  g_autofree char *png = g_build_filename (f->dir, "compare.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "compare.pdf", NULL);
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (window));
  d8_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-plans", NULL));
  d8_test_spin ();
  compare_window = d8_test_find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (compare_window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (compare_window)), ==, "So sánh kế hoạch");
  page = d8_compare_window_get_page (compare_window);
  d8_compare_page_set_as_of (page, "2026-12-31");

  /* every plan by default, the province only */
  g_assert_nonnull (d8_compare_page_get_compare (page));
  g_assert_cmpuint (d8_plan_compare_n_plans (d8_compare_page_get_compare (page)), ==, 3);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (
                      d8_compare_page_get_table (page))), ==, 5);
  model = d8_compare_page_get_model (page);
  g_assert_nonnull (model);
  g_assert_cmpint (model->kind, ==, D8_CHART_COMPARE);
  g_assert_cmpstr (g_array_index (model->items, D8ChartItem, 0).code, ==, "1");

  /* indicator 2: 2026's 4 by the link; 3, 3, 4 of 5 each; 10 of 15 */
  g_assert_true (d8_compare_page_set_indicator (page, "2"));
  model = d8_compare_page_get_model (page);
  g_assert_cmpstr (g_array_index (model->items, D8ChartItem, 2).code, ==, "4");
  g_assert_cmpint (g_array_index (model->items, D8ChartItem, 2).achieved, ==, 4);
  g_assert_cmpint (g_array_index (model->totals, D8ChartItem, 0).quota, ==, 15);
  g_assert_cmpint (g_array_index (model->totals, D8ChartItem, 0).achieved, ==, 10);
  words = d8_chart_model_describe (model);
  g_test_message ("%s", words);
  /* the accessible description lists the figures, in Vietnamese */
  g_assert_nonnull (strstr (words, "2026 (13/KH-UBND)"));
  g_assert_nonnull (strstr (words, "đạt 4/5"));
  g_assert_nonnull (strstr (words, "chỉ tiêu 15, phân bổ cho đơn vị 15"));
  g_assert_null (strstr (words, "achieved"));
  g_assert_null (strstr (words, "stated"));

  /* by former district: the province, Chư Pưh, Đak Đoa, An Khê, the new province */
  d8_compare_page_set_rows (page, D8_COMPARE_BY_PARENT);
  g_assert_cmpuint (n_rows (page), ==, 5);
  gtk_window_set_default_size (GTK_WINDOW (compare_window), 1180, 920);
  screenshots (compare_window, "window");

  /* a plan unchecked: two plans left */
  {
    g_autoptr (GArray) two = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_array_append_val (two, f->plan[0]);
    g_array_append_val (two, f->plan[2]);
    d8_compare_page_set_plans (page, two);
    g_assert_cmpuint (d8_plan_compare_n_plans (d8_compare_page_get_compare (page)), ==, 2);
  }
  model = d8_compare_page_get_model (page);
  g_assert_cmpuint (model->rows->len, ==, 2);

  /* export and print, like the Charts page */
  g_assert_true (d8_compare_page_export (page, png, 150, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (d8_compare_page_print (page, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  if (g_find_program_in_path ("pdftotext") != NULL)
    {
      text = d8_test_run ("pdftotext", pdf, "-", NULL);
      g_assert_nonnull (strstr (text, "Tất cả các năm"));
      g_assert_nonnull (strstr (text, "Đối thoại chính sách"));
    }

  gtk_window_destroy (GTK_WINDOW (compare_window));
  gtk_window_destroy (GTK_WINDOW (window));
  d8_test_spin ();
}

/* Matching by hand: without links 2026's 2 (clubs) meets 2023's 2
 * (dialogues) by its code; the dialog makes 2026's 4 the one instead, in
 * one transaction, and the page follows. */
static void
test_match (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *page = d8_compare_page_new (f->store, NULL);
  GtkWidget *dialog;
  GtkDropDown *choice;
  const D8PlanCompare *cmp;

  g_object_ref_sink (page);
  d8_compare_page_set_as_of (D8_COMPARE_PAGE (page), "2026-12-31");
  g_assert_true (d8_compare_page_set_indicator (D8_COMPARE_PAGE (page), "2"));
  cmp = d8_compare_page_get_compare (D8_COMPARE_PAGE (page));
  g_assert_cmpint (((D8CompareIndicator *) cmp->indicators->pdata[1])->index[2], ==, 1);

  dialog = d8_compare_links_dialog_new (NULL, f->store, cmp, 1);
  gtk_window_present (GTK_WINDOW (dialog));
  d8_test_spin ();
  /* 2023 is where the indicator is taken from: nothing to choose there */
  g_assert_null (d8_compare_links_dialog_get_choice (D8_COMPARE_LINKS_DIALOG (dialog), 0));
  choice = d8_compare_links_dialog_get_choice (D8_COMPARE_LINKS_DIALOG (dialog), 2);
  /* 2026's count indicators: 1, 2, 4; matched now: 2 */
  g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 1);
  gtk_drop_down_set_selected (choice, 2);
  d8_test_save_screenshot (dialog, "compare-match-light.png");
  g_assert_true (d8_compare_links_dialog_apply (D8_COMPARE_LINKS_DIALOG (dialog), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();

  /* the store changed: the page compares again, 2026's 4 with 2023's 2 */
  cmp = d8_compare_page_get_compare (D8_COMPARE_PAGE (page));
  g_assert_cmpint (((D8CompareIndicator *) cmp->indicators->pdata[1])->index[2], ==, 2);
  g_assert_cmpint (d8_plan_compare_figures (cmp, NULL, 3, 1)->cell.achieved, ==, 3 + 3 + 4);
  g_assert_finalize_object (page);
}

/* The choices are remembered: a new view opens as the last was left. */
static void
test_remembered (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new ("vn.hoilhpn.Duan8");
  GtkWidget *page = d8_compare_page_new (f->store, settings);
  g_autoptr (GArray) two = g_array_new (FALSE, FALSE, sizeof (gint64));
  const D8PlanCompare *cmp;

  g_object_ref_sink (page);
  g_array_append_val (two, f->plan[0]);
  g_array_append_val (two, f->plan[2]);
  d8_compare_page_set_plans (D8_COMPARE_PAGE (page), two);
  d8_compare_page_set_rows (D8_COMPARE_PAGE (page), D8_COMPARE_BY_UNIT);
  g_assert_true (d8_compare_page_set_indicator (D8_COMPARE_PAGE (page), "SM"));
  g_assert_finalize_object (page);

  page = d8_compare_page_new (f->store, settings);
  g_object_ref_sink (page);
  cmp = d8_compare_page_get_compare (D8_COMPARE_PAGE (page));
  g_assert_cmpuint (d8_plan_compare_n_plans (cmp), ==, 2);
  g_assert_cmpint (cmp->by, ==, D8_COMPARE_BY_UNIT);
  g_assert_cmpstr (g_array_index (d8_compare_page_get_model (D8_COMPARE_PAGE (page))->items,
                                  D8ChartItem, 0).code, ==, "SM");
  g_assert_finalize_object (page);
  g_settings_reset (settings, "compare-rows");
  g_settings_reset (settings, "compare-indicator");
  g_settings_reset (settings, "compare-excluded-plans");
}

/* The page alone: made and finalized with nothing left behind. */
static void
test_new_destroy (Fixture *f, gconstpointer data)
{
  GtkWidget *page = d8_compare_page_new (f->store, NULL);

  g_object_ref_sink (page);
  g_assert_nonnull (d8_compare_page_get_compare (D8_COMPARE_PAGE (page)));
  g_assert_finalize_object (page);
}

int
main (int argc, char *argv[])
{
  d8_i18n_init (g_getenv ("D8_TEST_LANGUAGE"));
  d8_test_ui_init (&argc, &argv);

  g_test_add ("/ui-compare/window", Fixture, "linked", fixture_set_up, test_window,
              fixture_tear_down);
  g_test_add ("/ui-compare/match", Fixture, NULL, fixture_set_up, test_match, fixture_tear_down);
  g_test_add ("/ui-compare/remembered", Fixture, "linked", fixture_set_up, test_remembered,
              fixture_tear_down);
  g_test_add ("/ui-compare/new-destroy", Fixture, "linked", fixture_set_up, test_new_destroy,
              fixture_tear_down);
  return g_test_run ();
}
