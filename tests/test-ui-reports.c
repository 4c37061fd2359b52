/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-reports.c — the reporting cycle through the window (issue 16).
 *
 * Three unit offices and the province, each its own database, go through
 * the first reporting period of the embedded 2023 plan with the core's API:
 * Chư Pưh submits on time, Chư Sê late, Đak Đoa not at all; their bundles
 * reach the province. Then, in the window:
 * - the Reports view shows every unit of the plan with the status and the
 *   date received the core gives (d8_store_period_summary()), and the rates
 *   as the core counts them;
 * - Approve and Return (with a reason, through its dialog) act on the
 *   chosen row and the core records them;
 * - an entry the approved report locks shows a padlock, and edit and delete
 *   refuse it: no entry dialog opens and the entry stays;
 * - at a unit office, the submit dialog shows the figures as of the
 *   cut-off and submits the narrative written in it.
 * Run in Vietnamese, light and dark (tests/meson.build), it saves
 * screenshots of the Reports view, the submit dialog and the official
 * report's preview to $D8_BUILD_ROOT/screenshots/reports-*.png. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "d8-bundle.h"
#include "d8-entry-dialog.h"
#include "d8-format.h"
#include "d8-i18n.h"
#include "d8-office-keys.h"
#include "d8-official-report.h"
#include "d8-preferences-window.h"
#include "d8-reason-dialog.h"
#include "d8-report-preview.h"
#include "d8-reporting.h"
#include "d8-reports-page.h"
#include "d8-submit-dialog.h"
#include "d8-table-export-dialog.h"
#include "d8-test-office.h"
#include "d8-test-ui.h"
#include "d8-test-util.h"
#include "d8-ui-util.h"
#include "d8-unit-page.h"
#include "d8-view-tables.h"
#include "d8-window.h"

#define PUH "gia-lai/chu-puh"
#define SE "gia-lai/chu-se"

typedef struct
{
  char *dir;
  D8TestOffice *province;
  D8TestOffice *puh;
  D8TestOffice *se;
  D8TestOffice *third; /* a third unit office that sends nothing */
  D8ReportingPeriod *period;
  char *puh_entry; /* dated in the period: locked once Chư Pưh's report is approved */
} Fixture;

/* @from's bundle of everything, imported at @to with @to's clock at @now. */
static void
send (Fixture      *f,
      D8TestOffice *from,
      D8TestOffice *to,
      const char   *now)
{
  g_autoptr (GError) error = NULL;
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_ALL };
  D8BundleExportResult result = { 0 };
  static guint n;
  g_autofree char *name = g_strdup_printf ("b%u" D8_BUNDLE_SUFFIX, ++n);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (D8BundleImport) im = NULL;

  g_assert_true (d8_bundle_export (from->store, &options, path, &result, &error));
  g_assert_no_error (error);
  d8_bundle_export_result_clear (&result);
  d8_store_set_clock (to->store, now);
  im = d8_bundle_import_new (to->store, path, &error);
  g_assert_no_error (error);
  g_assert_true (d8_bundle_import_apply (im, &error));
  g_assert_no_error (error);
}

static void
submit (D8TestOffice            *o,
        const D8ReportingPeriod *period,
        const char              *now,
        const char              *results)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8ReportNarrative) narrative = d8_report_narrative_new ();
  g_autoptr (D8UnitReport) report = NULL;

  narrative->results = g_strdup (results);
  narrative->difficulties = g_strdup ("Địa bàn rộng, đi lại khó khăn.");
  narrative->proposals = g_strdup ("Đề nghị tỉnh hỗ trợ kinh phí tập huấn.");
  d8_store_set_clock (o->store, now);
  report = d8_store_submit_report (o->store, period, narrative, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) periods = NULL;
  g_autoptr (D8Unit) third = NULL;
  g_autofree char *mid = NULL;
  g_autofree char *day_before_due = NULL;
  g_autofree char *day_after_due = NULL;

  f->dir = d8_test_tmpdir ();
  f->province = d8_test_office_new (f->dir, "province.sqlite3", "province");
  f->puh = d8_test_office_new (f->dir, "puh.sqlite3", PUH);
  f->se = d8_test_office_new (f->dir, "se.sqlite3", SE);
  third = d8_store_resolve_unit (f->province->store, f->province->plan->id, "Đak Đoa", &error);
  g_assert_no_error (error);
  f->third = d8_test_office_new (f->dir, "third.sqlite3", third->code);
  d8_test_office_introduce (f->province, f->puh);
  d8_test_office_introduce (f->province, f->se);
  d8_test_office_introduce (f->puh, f->province);
  d8_test_office_introduce (f->se, f->province);

  periods = d8_store_list_periods (f->province->store, f->province->plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (periods->len, >, 0);
  f->period = d8_reporting_period_copy (g_ptr_array_index (periods, 0));

  /* Times are 01:00 UTC, 08:00 in Gia Lai: the same day either way. */
  mid = g_strdup_printf ("%sT01:00:00Z", f->period->start);
  day_before_due = g_strdup_printf ("%sT01:00:00Z", f->period->unit_due);
  {
    g_autoptr (GDateTime) due = g_date_time_new_from_iso8601 (day_before_due, NULL);
    g_autoptr (GDateTime) after = g_date_time_add_days (due, 2);
    day_after_due = g_date_time_format_iso8601 (after);
  }

  f->puh_entry = d8_test_office_record (f->puh, PUH, "1", f->period->start, 2);
  g_free (d8_test_office_record (f->se, SE, "1", f->period->start, 1));
  submit (f->puh, f->period, day_before_due, "Thành lập 2 tổ truyền thông cộng đồng.");
  submit (f->se, f->period, day_after_due, "Thành lập 1 tổ truyền thông cộng đồng.");
  send (f, f->puh, f->province, day_before_due);
  send (f, f->se, f->province, day_after_due);
  d8_store_set_clock (f->province->store, day_after_due);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  d8_reporting_period_free (f->period);
  g_free (f->puh_entry);
  d8_test_office_free (f->province);
  d8_test_office_free (f->puh);
  d8_test_office_free (f->se);
  d8_test_office_free (f->third);
  d8_test_rmtree (f->dir);
  g_free (f->dir);
}

/* ---------------------------------------------------------- helpers */

static gboolean
is_vietnamese (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "vi");
}

static void
shot (GtkWidget  *widget,
      const char *name)
{
  g_autofree char *file = g_strdup_printf ("reports-%s-%s-%s.png", name,
                                           is_vietnamese () ? "vi" : "en",
                                           g_getenv ("D8_TEST_DARK") ? "dark" : "light");

  d8_test_save_screenshot (widget, file);
}

static D8Window *
open_window (D8Store *store)
{
  D8Window *window = d8_window_new (NULL, store);

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  return window;
}

static void
close_window (D8Window *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  d8_test_spin ();
  g_assert_finalize_object (window);
}

static D8ReportsPage *
show_reports (D8Window *window)
{
  GtkWidget *page = d8_window_get_reports_page (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-reports", NULL));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (page));
  return D8_REPORTS_PAGE (page);
}

static gboolean
has_descendant_with_class (GtkWidget  *widget,
                           const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_descendant_with_class (c, css_class))
      return TRUE;
  return FALSE;
}

static D8UnitReport *
report_of (Fixture    *f,
           const char *unit_code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Unit) unit = d8_store_resolve_unit (f->province->store, f->province->plan->id,
                                                   unit_code, &error);
  D8UnitReport *report;

  g_assert_no_error (error);
  report = d8_store_get_unit_report (f->province->store, f->period, unit->id, &error);
  g_assert_no_error (error);
  return report;
}

/* The figures column as the core's comparison says it should read. */
static char *
expected_figures (Fixture           *f,
                  const D8PeriodRow *row)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) differences = NULL;
  guint n = 0;

  if (row->report == NULL)
    return g_strdup ("–");
  differences = d8_store_compare_report (f->province->store, row->report, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < differences->len; i++)
    n += ((const D8ReportDifference *) g_ptr_array_index (differences, i))->differs;
  if (n == 0)
    return g_strdup (g_dgettext (GETTEXT_PACKAGE, "Same as now"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator differs",
                                       "%u indicators differ", n), n);
}

/* ---------------------------------------------------------- tests */

/* The rows and rates as shown are the core's. */
static void
test_reports_view (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  D8Window *window = open_window (f->province->store);
  D8ReportsPage *page = show_reports (window);
  g_autoptr (D8PeriodSummary) core = d8_store_period_summary (f->province->store, f->period, NULL,
                                                              &error);
  g_autofree char *rates = NULL;
  g_autofree char *expected_rates = NULL;
  guint n_on_time = 0, n_late = 0, n_missing = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (d8_reports_page_get_period (page)->code, ==, f->period->code);
  g_assert_cmpuint (d8_reports_page_get_n_rows (page), ==, core->rows->len);
  g_assert_cmpuint (core->rows->len, ==, 15);
  for (guint i = 0; i < core->rows->len; i++)
    {
      const D8PeriodRow *row = g_ptr_array_index (core->rows, i);
      g_autofree char *shown = d8_reports_page_describe_row (page, i);
      g_autofree char *received = row->report && row->report->received_at
                                    ? d8_format_timestamp (row->report->received_at)
                                    : g_strdup ("–");
      g_autofree char *figures = expected_figures (f, row);
      g_autofree char *want = g_strdup_printf ("%s — %s — %s — %s", row->unit->name,
                                               d8_period_status_to_label (row->status), received,
                                               figures);

      g_assert_cmpstr (shown, ==, want);
      n_on_time += row->status == D8_PERIOD_STATUS_ON_TIME;
      n_late += row->status == D8_PERIOD_STATUS_LATE;
      n_missing += row->status == D8_PERIOD_STATUS_MISSING;
    }
  /* Chư Pưh on time, Chư Sê late, the thirteen others (Đak Đoa among
   * them) missing: the due date has passed. */
  g_assert_cmpuint (n_on_time, ==, 1);
  g_assert_cmpuint (n_late, ==, 1);
  g_assert_cmpuint (n_missing, ==, 13);

  rates = d8_reports_page_dup_rates_text (page);
  {
    g_autofree char *e = d8_format_count (core->expected);
    g_autofree char *r = d8_format_count (core->received);
    g_autofree char *o = d8_format_count (core->on_time);
    g_autofree char *c = d8_format_percent (core->completeness, 0);
    g_autofree char *t = d8_format_percent (core->timeliness, 0);
    expected_rates = g_strdup_printf ("%s · %s · %s · %s · %s", e, r, c, o, t);
  }
  g_assert_cmpstr (rates, ==, expected_rates);
  g_assert_cmpuint (core->expected, ==, 15);
  g_assert_cmpuint (core->received, ==, 2);
  g_assert_cmpuint (core->on_time, ==, 1);

  /* An entry recorded at the province after Chư Sê reported: its figures
   * now differ from the report, and the row says so; Chư Pưh approved. */
  {
    g_autoptr (D8Unit) puh = d8_store_resolve_unit (f->province->store, f->province->plan->id, PUH,
                                                    &error);
    g_autoptr (D8Unit) se = d8_store_resolve_unit (f->province->store, f->province->plan->id, SE,
                                                   &error);
    g_autofree char *row_se = NULL;
    g_autofree char *one_differs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "%u indicator differs",
                                                                 "%u indicators differ", 1), 1);

    g_assert_true (d8_store_approve_report (f->province->store, f->period, puh->id, &error));
    g_assert_no_error (error);
    g_free (d8_test_office_record (f->province, SE, "4", f->period->start, 1));
    d8_test_spin ();
    g_assert_true (d8_reports_page_select_unit (page, se->id));
    row_se = d8_reports_page_describe_row (page, 1);
    g_assert_true (g_str_has_suffix (row_se, one_differs));
    g_clear_pointer (&core, d8_period_summary_free);
    core = d8_store_period_summary (f->province->store, f->period, NULL, &error);
    for (guint i = 0; i < core->rows->len; i++)
      {
        const D8PeriodRow *row = g_ptr_array_index (core->rows, i);
        g_autofree char *shown = d8_reports_page_describe_row (page, i);
        g_autofree char *figures = expected_figures (f, row);

        g_assert_nonnull (strstr (shown, d8_period_status_to_label (row->status)));
        g_assert_true (g_str_has_suffix (shown, figures));
      }
  }
  d8_test_wait_for_frame (GTK_WIDGET (window));
  shot (GTK_WIDGET (window), "view");
  close_window (window);
}

/* Approve and return through the page's actions; the core records them. */
static void
test_approve_return (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  D8Window *window = open_window (f->province->store);
  D8ReportsPage *page = show_reports (window);
  g_autoptr (D8Unit) puh = d8_store_resolve_unit (f->province->store, f->province->plan->id, PUH,
                                                  &error);
  g_autoptr (D8Unit) se = d8_store_resolve_unit (f->province->store, f->province->plan->id, SE,
                                                 &error);
  g_autoptr (D8UnitReport) approved = NULL;
  g_autoptr (D8UnitReport) returned = NULL;
  GtkWidget *dialog;

  g_assert_no_error (error);
  g_assert_true (d8_reports_page_select_unit (page, puh->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.approve", NULL));
  d8_test_spin ();
  approved = report_of (f, PUH);
  g_assert_cmpint (approved->state, ==, D8_REPORT_STATE_APPROVED);
  /* The view read the store again and kept the row chosen. */
  {
    g_autofree char *row = d8_reports_page_describe_row (page, 0);
    g_assert_nonnull (strstr (row, d8_period_status_to_label (D8_PERIOD_STATUS_APPROVED)));
  }

  g_assert_true (d8_reports_page_select_unit (page, se->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.return", NULL));
  d8_test_spin ();
  dialog = d8_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  /* No reason, no return. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm"));
  shot (dialog, "return-dialog");
  d8_reason_dialog_confirm (dialog, "Số liệu chỉ tiêu 1 chưa khớp với sổ theo dõi.");
  d8_test_spin ();
  returned = report_of (f, SE);
  g_assert_cmpint (returned->state, ==, D8_REPORT_STATE_RETURNED);
  g_assert_cmpstr (returned->decision_reason, ==, "Số liệu chỉ tiêu 1 chưa khớp với sổ theo dõi.");

  /* The decision reaches Chư Sê in the province's bundle: its submit
   * dialog shows it with the reason, and offers to submit again. */
  {
    g_autofree char *now = g_strdup_printf ("%sT03:00:00Z", f->period->province_due);
    D8SubmitDialog *office_dialog;

    send (f, f->province, f->se, now);
    office_dialog = d8_submit_dialog_new (NULL, f->se->store, f->se->plan->id, f->period->code,
                                          &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (d8_submit_dialog_get_status_text (office_dialog),
                              "Số liệu chỉ tiêu 1 chưa khớp với sổ theo dõi."));
    g_object_add_weak_pointer (G_OBJECT (office_dialog), (gpointer *) &office_dialog);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (office_dialog), "report.submit", NULL));
    d8_test_spin ();
    if (office_dialog != NULL)
      gtk_window_destroy (GTK_WINDOW (office_dialog));
    d8_test_spin ();
    g_assert_null (office_dialog);
    {
      g_autoptr (D8Unit) own = d8_store_resolve_unit (f->se->store, f->se->plan->id, SE, &error);
      g_autoptr (D8UnitReport) again = d8_store_get_unit_report (f->se->store, f->period, own->id,
                                                                 &error);
      g_assert_cmpint (again->state, ==, D8_REPORT_STATE_SUBMITTED);
      g_assert_cmpint (again->submission, ==, 2);
    }
  }

  /* Reopen, with a reason, unlocks the approved one. */
  g_assert_true (d8_reports_page_select_unit (page, puh->id));
  d8_test_spin_for (100);
  g_assert_null (d8_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.reopen", NULL));
  d8_test_spin ();
  dialog = d8_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  d8_reason_dialog_confirm (dialog, "Bổ sung hoạt động tháng 6.");
  d8_test_spin ();
  {
    g_autoptr (D8UnitReport) reopened = report_of (f, PUH);
    g_assert_cmpint (reopened->state, ==, D8_REPORT_STATE_REOPENED);
    g_assert_cmpstr (reopened->reopen_reason, ==, "Bổ sung hoạt động tháng 6.");
  }
  close_window (window);
}

/* An entry the approved report locks: a padlock, and edit and delete refuse it. */
static void
test_locked_entry (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Unit) puh = d8_store_resolve_unit (f->province->store, f->province->plan->id, PUH,
                                                  &error);
  g_autoptr (D8Entry) entry = NULL;
  D8Window *window;
  GtkWidget *row;

  g_assert_true (d8_store_approve_report (f->province->store, f->period, puh->id, &error));
  g_assert_no_error (error);

  window = open_window (f->province->store);
  g_assert_true (d8_window_show_unit (window, PUH));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  row = d8_unit_page_get_entry_row (D8_UNIT_PAGE (d8_window_get_unit_page (window)), 0);
  g_assert_nonnull (row);
  g_assert_true (has_descendant_with_class (row, "d8-lock"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-entry", "s", f->puh_entry);
  d8_test_spin ();
  g_assert_null (d8_test_find_toplevel (D8_TYPE_ENTRY_DIALOG));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-entry", "s", f->puh_entry);
  d8_test_spin ();
  entry = d8_store_get_entry (f->province->store, f->puh_entry, &error);
  g_assert_no_error (error);
  g_assert_false (entry->deleted);
  close_window (window);
}

/* At a unit office: the submit dialog shows the figures as of the cut-off
 * and submits what is written in it. */
static void
test_submit_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Unit) unit = d8_store_resolve_unit (f->third->store, f->third->plan->id,
                                                   d8_store_get_office (f->third->store), &error);
  g_autoptr (GPtrArray) indicators = d8_store_list_indicators (f->third->store,
                                                               f->third->plan->id, &error);
  g_autoptr (D8UnitReport) report = NULL;
  g_autofree char *now = g_strdup_printf ("%sT01:00:00Z", f->period->cutoff);
  D8Window *window;
  GtkWidget *dialog;

  g_assert_no_error (error);
  d8_store_set_clock (f->third->store, now);
  window = open_window (f->third->store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit-report", NULL));
  d8_test_spin ();
  dialog = d8_test_find_toplevel (D8_TYPE_SUBMIT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (d8_submit_dialog_get_n_figures (D8_SUBMIT_DIALOG (dialog)), ==,
                    indicators->len);
  d8_submit_dialog_set_narrative (D8_SUBMIT_DIALOG (dialog), "Thành lập 3 tổ truyền thông.",
                                  "Thiếu kinh phí.", "Đề nghị bổ sung kinh phí.");
  d8_submit_dialog_set_reason (D8_SUBMIT_DIALOG (dialog), "4", "Chưa tổ chức được đối thoại.");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 680, 1000);
  d8_test_wait_for_frame (dialog);
  shot (dialog, "submit-dialog");

  g_assert_true (gtk_widget_activate_action (dialog, "report.submit", NULL));
  d8_test_spin ();
  report = d8_store_get_unit_report (f->third->store, f->period, unit->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (report->state, ==, D8_REPORT_STATE_SUBMITTED);
  g_assert_cmpstr (report->narrative->results, ==, "Thành lập 3 tổ truyền thông.");
  g_assert_cmpstr (report->narrative->proposals, ==, "Đề nghị bổ sung kinh phí.");
  g_assert_null (d8_test_find_toplevel (D8_TYPE_SUBMIT_DIALOG));

  /* Submitted and undecided: the dialog offers to withdraw it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.submit-report", NULL));
  d8_test_spin ();
  dialog = d8_test_find_toplevel (D8_TYPE_SUBMIT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "report.withdraw", NULL));
  d8_test_spin ();
  g_clear_pointer (&report, d8_unit_report_free);
  report = d8_store_get_unit_report (f->third->store, f->period, unit->id, &error);
  g_assert_cmpint (report->state, ==, D8_REPORT_STATE_WITHDRAWN);
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

/* The official report's preview: generated, editable, exported. */
static void
test_report_preview (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) views = NULL;
  g_autofree char *docx = g_build_filename (f->dir, "report.docx", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "report.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "report.odt", NULL);
  D8Window *window = open_window (f->province->store);
  GtkWidget *preview;
  GtkTextBuffer *buffer;
  const D8OfficialReport *report;

  show_reports (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.official-report", NULL));
  d8_test_spin ();
  preview = d8_test_find_toplevel (D8_TYPE_REPORT_PREVIEW);
  g_assert_nonnull (preview);
  g_assert_cmpuint (d8_report_preview_get_n_table_rows (D8_REPORT_PREVIEW (preview)), >=, 15);
  views = d8_report_preview_get_text_views (D8_REPORT_PREVIEW (preview));
  g_assert_cmpuint (views->len, >, 1);
  /* An edit reaches the document. */
  buffer = gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
  gtk_text_buffer_set_text (buffer, "Đoạn mở đầu đã sửa.", -1);
  report = d8_report_preview_get_report (D8_REPORT_PREVIEW (preview));
  g_assert_cmpuint (report->intro->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report->intro, 0), ==, "Đoạn mở đầu đã sửa.");
  gtk_window_set_default_size (GTK_WINDOW (preview), 980, 1000);
  d8_test_wait_for_frame (preview);
  shot (preview, "preview");
  {
    /* The end of the document: the appendix table and the signature block. */
    GtkWidget *table = (GtkWidget *) gtk_widget_get_template_child (preview, D8_TYPE_REPORT_PREVIEW,
                                                                    "appendix_view");
    GtkWidget *inner = gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW);
    GtkWidget *outer = gtk_widget_get_ancestor (gtk_widget_get_parent (inner),
                                                GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    d8_test_wait_for_frame (preview);
    shot (preview, "preview-end");
  }

  g_assert_true (d8_report_preview_export (D8_REPORT_PREVIEW (preview), docx, &error));
  g_assert_no_error (error);
  g_assert_true (d8_report_preview_export (D8_REPORT_PREVIEW (preview), xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (d8_report_preview_export (D8_REPORT_PREVIEW (preview), pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (docx, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_false (d8_report_preview_export (D8_REPORT_PREVIEW (preview), bad, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (preview));
  close_window (window);
}

/* Export Table…: the tables shown, as CSV for Excel and as a workbook. */
static void
test_export_tables (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  D8Window *window = open_window (f->province->store);
  D8ReportsPage *page = show_reports (window);
  g_autoptr (D8Table) reports = d8_official_report_completeness (d8_reports_page_get_summary (page));
  g_autoptr (D8Table) unit = d8_view_table_unit (d8_window_get_overview (window), 0);
  g_autoptr (D8Table) province = d8_official_report_appendix (d8_window_get_overview (window));
  g_autofree char *csv = g_build_filename (f->dir, "reports.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "unit.xlsx", NULL);
  g_autofree char *xlsx2 = g_build_filename (f->dir, "province.XLSX", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "table.ods", NULL);
  g_autofree char *text = NULL;

  /* One row per unit, then the three rates. */
  g_assert_cmpuint (reports->rows->len, ==, d8_reports_page_get_n_rows (page) + 3);
  g_assert_true (d8_table_export_write (reports, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, &error));
  /* Excel's dialect: the byte-order mark, CRLF, the names intact. */
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (text, "\r\n"));
  g_assert_nonnull (strstr (text, "Chư Pưh"));
  g_assert_nonnull (strstr (text, d8_period_status_to_label (D8_PERIOD_STATUS_LATE)));
  g_assert_true (d8_table_export_write (unit, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (d8_table_export_write (province, xlsx2, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (xlsx2, G_FILE_TEST_IS_REGULAR));
  g_assert_false (d8_table_export_write (unit, bad, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  close_window (window);
}

/* The signer set in Preferences is the report's. */
static void
test_signer_preferences (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  D8Window *window = open_window (f->province->store);
  GtkWidget *prefs = d8_preferences_window_new (GTK_WINDOW (window), NULL);
  GtkWidget *title_row = (GtkWidget *) gtk_widget_get_template_child (prefs, D8_TYPE_PREFERENCES_WINDOW,
                                                        "signer_title_row");
  GtkWidget *name_row = (GtkWidget *) gtk_widget_get_template_child (prefs, D8_TYPE_PREFERENCES_WINDOW,
                                                       "signer_name_row");
  g_autoptr (D8ReportSettings) settings = NULL;
  g_autoptr (D8OfficialReport) report = NULL;

  g_assert_nonnull (title_row);
  gtk_window_present (GTK_WINDOW (prefs));
  d8_test_wait_for_frame (prefs);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "PHÓ CHỦ TỊCH");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Nguyễn Thị Hoà");
  g_signal_emit_by_name (name_row, "apply");
  d8_test_spin ();
  settings = d8_store_get_report_settings (f->province->store, f->province->plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (settings->signer_title, ==, "PHÓ CHỦ TỊCH");
  g_assert_cmpstr (settings->signer_name, ==, "Nguyễn Thị Hoà");
  report = d8_store_official_report (f->province->store, f->province->plan->id, f->period->code,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->signer_name, ==, "Nguyễn Thị Hoà");
  gtk_window_destroy (GTK_WINDOW (prefs));
  close_window (window);
}

/* After an export the toast names the file as people read it: its display
 * name, without the folder, valid UTF-8 even where the name on disk is not
 * (here Latin-1 bytes), and in the sentence of what was exported. */
static void
test_export_done_text (void)
{
  g_autofree char *table = d8_ui_export_done_text (D8_UI_EXPORT_TABLE, "/tmp/thư mục/bảng.xlsx");
  g_autofree char *report = d8_ui_export_done_text (D8_UI_EXPORT_REPORT, "/tmp/báo cáo.pdf");
  g_autofree char *plan = d8_ui_export_done_text (D8_UI_EXPORT_PLAN, "/tmp/k\xe9 ho\xe1" "ch.csv");

  if (is_vietnamese ())
    {
      g_assert_cmpstr (table, ==, "Đã lưu bảng thành bảng.xlsx");
      g_assert_cmpstr (report, ==, "Đã lưu báo cáo thành báo cáo.pdf");
      g_assert_true (g_str_has_prefix (plan, "Đã xuất kế hoạch ra tệp k"));
    }
  else
    {
      g_assert_cmpstr (table, ==, "Table saved as bảng.xlsx");
      g_assert_cmpstr (report, ==, "Report saved as báo cáo.pdf");
      g_assert_true (g_str_has_prefix (plan, "Plan exported to k"));
    }
  g_assert_true (g_utf8_validate (plan, -1, NULL));
  g_assert_true (g_str_has_suffix (plan, " k\uFFFD ho\uFFFDch.csv"));
  g_assert_null (strstr (plan, "/tmp"));
}

int
main (int   argc,
      char *argv[])
{
  if (is_vietnamese ())
    d8_i18n_init (NULL);
  d8_test_ui_init (&argc, &argv);
  if (g_getenv ("D8_TEST_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui-reports/view", test_reports_view);
  ADD ("/ui-reports/approve-return", test_approve_return);
  ADD ("/ui-reports/locked-entry", test_locked_entry);
  ADD ("/ui-reports/submit-dialog", test_submit_dialog);
  ADD ("/ui-reports/preview", test_report_preview);
  ADD ("/ui-reports/export-tables", test_export_tables);
  ADD ("/ui-reports/signer", test_signer_preferences);
  g_test_add_func ("/ui-reports/export-done-text", test_export_done_text);
  return g_test_run ();
}
