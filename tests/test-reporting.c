/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reporting.c — the reporting cycle (issue 16, docs/reporting.md):
 * the 2023 plan's reporting schedule as plan data, narrative files, and
 * three unit offices and the province through the first half of 2023 with
 * signed bundles: Chư Pưh on time (returned, sent again, approved), Chư Sê
 * late, Đak Đoa missing (it withdraws what it sent); the rates computed by
 * hand; an approved period's entries refused locally and on import, a
 * reopening that unlocks them, and reports an office may not send. The
 * clock of each store is fixed (d8_store_set_clock) so on time and late do
 * not depend on the day the test runs. */
#include <locale.h>
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "d8-bundle.h"
#include "d8-json-reader.h"
#include "d8-office-keys.h"
#include "d8-plan-file.h"
#include "d8-reporting.h"
#include "d8-test-office.h"
#include "d8-test-util.h"

#define PUH "gia-lai/chu-puh"
#define SE "gia-lai/chu-se"
#define DAK "gia-lai/dak-doa"

/* ------------------------------------------------------------ the schedule */

static void
test_periods (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *o = d8_test_office_new (dir, "p.sqlite3", "province");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (D8ReportingPeriod) h1 = NULL;
  const D8ReportingPeriod *p;

  /* Section V of the 2023 plan: units by 10 June and 10 December, the
   * province by 15 June and 15 December. */
  g_assert_nonnull (o->plan->periods);
  g_assert_cmpuint (o->plan->periods->len, ==, 2);
  p = o->plan->periods->pdata[0];
  g_assert_cmpstr (p->code, ==, "2023-h1");
  g_assert_cmpstr (p->unit_due, ==, "2023-06-10");
  g_assert_cmpstr (p->province_due, ==, "2023-06-15");
  p = o->plan->periods->pdata[1];
  g_assert_cmpstr (p->code, ==, "2023-year");
  g_assert_cmpstr (p->unit_due, ==, "2023-12-10");
  g_assert_cmpstr (p->province_due, ==, "2023-12-15");

  /* The "Figures as of" chooser takes its dates from the same data. */
  d8_plan_report_dates (o->plan, dates, labels);
  g_assert_cmpuint (dates->len, ==, 2);
  g_assert_cmpstr (dates->pdata[0], ==, "2023-06-10");
  g_assert_cmpstr (labels->pdata[0], ==, "Báo cáo 6 tháng đầu năm 2023");
  g_assert_cmpstr (dates->pdata[1], ==, "2023-12-10");

  h1 = d8_store_resolve_period (o->store, o->plan->id, "2023-H1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (h1->cutoff, ==, "2023-06-10");
  g_assert_null (d8_store_resolve_period (o->store, o->plan->id, "2023-q3", &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2023-h1"));
  g_assert_true (d8_plan_period_for_date (o->plan, "2023-03-01") == o->plan->periods->pdata[0]);
  g_assert_null (d8_plan_period_for_date (o->plan, "2023-12-20"));

  d8_test_office_free (o);
  d8_test_rmtree (dir);
}

/* A database of schema 4 that holds the 2023 plan gets its schedule from
 * the migration (the embedded plan file is read only into new databases). */
static void
test_migration (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v4.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  {
    D8Store *store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_finalize_object (store);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  {
    /* the reporting cycle is the last step: the schema just before it */
    g_autofree char *sql = g_strdup_printf ("DROP TABLE report_events; DROP TABLE unit_report_figures;"
                                            " DROP TABLE unit_reports; DROP TABLE reporting_periods;"
                                            " PRAGMA user_version = %d;", D8_SCHEMA_VERSION - 1);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);
  {
    D8Store *store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
    g_autoptr (D8Plan) plan = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (d8_store_get_schema_version (store), ==, D8_SCHEMA_VERSION);
    plan = d8_store_resolve_plan (store, NULL, &error);
    g_assert_cmpuint (plan->periods->len, ==, 2);
    g_assert_cmpstr (((D8ReportingPeriod *) plan->periods->pdata[0])->unit_due, ==, "2023-06-10");
    g_assert_cmpstr (((D8ReportingPeriod *) plan->periods->pdata[1])->province_due, ==,
                     "2023-12-15");
    g_assert_finalize_object (store);
  }
  d8_test_rmtree (dir);
}

/* A schedule that contradicts itself is refused, naming the record. */
static void
test_plan_file_refused (void)
{
  g_autofree char *path = d8_test_source_path ("data", "plans", "gia-lai-2023-1653.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (D8PlanFile) good = NULL;
  g_autoptr (GString) bad = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  good = d8_plan_file_parse (text, -1, "plan.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (good->plan->periods->len, ==, 2);

  bad = g_string_new (text);
  g_string_replace (bad, "\"unit_due\": \"2023-06-10\"", "\"unit_due\": \"2023-06-01\"", 1);
  g_assert_null (d8_plan_file_parse (bad->str, -1, "plan.json", &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT);
  g_assert_nonnull (strstr (error->message, "reporting[0]"));
  g_assert_nonnull (strstr (error->message, "unit_due"));
  g_clear_error (&error);

  g_string_assign (bad, text);
  g_string_replace (bad, "\"code\": \"2023-year\"", "\"code\": \"2023-H1\"", 1);
  g_assert_null (d8_plan_file_parse (bad->str, -1, "plan.json", &error));
  g_assert_nonnull (strstr (error->message, "reporting[1]"));
}

/* ------------------------------------------------------------- narrative */

static void
test_narrative (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8ReportNarrative) text = NULL;
  g_autoptr (D8ReportNarrative) json = NULL;
  g_autoptr (D8ReportNarrative) bad = NULL;

  text = d8_report_narrative_parse ("\xEF\xBB\xBF# Kết quả\r\nĐã thành lập 2 tổ.\r\n\r\n"
                                    "# Khó khăn\nĐường xa, mưa lũ.\n# Đề xuất\nTăng kinh phí.\n"
                                    "# Lý do 5\nChưa có trường phối hợp.\n",
                                    -1, "n.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text->results, ==, "Đã thành lập 2 tổ.");
  g_assert_cmpstr (text->difficulties, ==, "Đường xa, mưa lũ.");
  g_assert_cmpstr (text->proposals, ==, "Tăng kinh phí.");
  g_assert_cmpstr (g_hash_table_lookup (text->reasons, "5"), ==, "Chưa có trường phối hợp.");

  json = d8_report_narrative_parse ("{\"results\": \"Tốt\", \"proposals\": null,"
                                    " \"reasons\": {\"sm\": \"Thiếu cán bộ\"}}",
                                    -1, "n.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json->results, ==, "Tốt");
  g_assert_null (json->proposals);
  g_assert_cmpstr (g_hash_table_lookup (json->reasons, "SM"), ==, "Thiếu cán bộ");

  bad = d8_report_narrative_parse ("Some text\n# Results\nx\n", -1, "n.txt", &error);
  g_assert_null (bad);
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "n.txt: line 1"));
  g_clear_error (&error);
  g_assert_null (d8_report_narrative_parse ("# Results\nx\n# Summary\ny\n", -1, "n.txt", &error));
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);
  g_assert_null (d8_report_narrative_parse ("{\"results\": 3}", -1, "n.json", &error));
  g_assert_nonnull (strstr (error->message, "results"));
  g_clear_error (&error);
  g_assert_null (d8_report_narrative_parse ("{\"summary\": \"x\"}", -1, "n.json", &error));
  g_assert_nonnull (strstr (error->message, "summary"));
}

/* ------------------------------------------------------------ the cycle */

static char *
export (D8TestOffice *o, const char *dir)
{
  g_autoptr (GError) error = NULL;
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_ALL };
  static guint n;
  g_autofree char *name = g_strdup_printf ("r%u" D8_BUNDLE_SUFFIX, ++n);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (d8_bundle_export (o->store, &options, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Imports @path into @o (confirming a first office); returns the import
 * for its preview. */
static D8BundleImport *
import (D8TestOffice *o, const char *path)
{
  g_autoptr (GError) error = NULL;
  D8BundleImport *im = d8_bundle_import_new (o->store, path, &error);

  g_assert_no_error (error);
  d8_bundle_import_set_trust_new_office (im, TRUE);
  g_assert_true (d8_bundle_import_apply (im, &error) || !d8_bundle_import_has_changes (im));
  g_assert_no_error (error);
  return im;
}

static void
send (D8TestOffice *from, D8TestOffice *to, const char *dir)
{
  g_autofree char *path = export (from, dir);
  g_autoptr (D8BundleImport) im = import (to, path);
}

static D8ReportingPeriod *
h1 (D8TestOffice *o)
{
  g_autoptr (GError) error = NULL;
  D8ReportingPeriod *p = d8_store_resolve_period (o->store, o->plan->id, "2023-h1", &error);

  g_assert_no_error (error);
  return p;
}

static gint64
unit_id (D8TestOffice *o, const char *code)
{
  g_autoptr (D8Unit) u = d8_store_resolve_unit (o->store, o->plan->id, code, NULL);
  g_assert_nonnull (u);
  return u->id;
}

static D8PeriodRow *
row_of (D8PeriodSummary *s, const char *code)
{
  for (guint i = 0; i < s->rows->len; i++)
    {
      D8PeriodRow *row = s->rows->pdata[i];
      if (g_str_equal (row->unit->code, code))
        return row;
    }
  g_assert_not_reached ();
}

static D8Entry *
entry_for (D8TestOffice *o, const char *unit, const char *indicator, const char *date,
           gint64 amount)
{
  g_autoptr (D8Indicator) ind = d8_store_resolve_indicator (o->store, o->plan->id, indicator,
                                                            NULL);
  D8Entry *e = d8_entry_new ();

  e->plan_id = o->plan->id;
  e->unit_id = unit_id (o, unit);
  e->indicator_id = ind->id;
  e->date = g_strdup (date);
  e->amount = amount;
  return e;
}

static void
test_half_year (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *prov = d8_test_office_new (dir, "province.sqlite3", "province");
  D8TestOffice *a = d8_test_office_new (dir, "puh.sqlite3", PUH);
  D8TestOffice *b = d8_test_office_new (dir, "se.sqlite3", SE);
  D8TestOffice *c = d8_test_office_new (dir, "dak.sqlite3", DAK);
  g_autoptr (D8ReportingPeriod) period = h1 (prov);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8ReportNarrative) narrative = NULL;
  g_autofree char *e1 = NULL;

  /* Everyone learns the province's key first. */
  send (prov, a, dir);
  send (prov, b, dir);
  send (prov, c, dir);

  e1 = d8_test_record (a->store, PUH, "1", "2023-03-01", 2, NULL);
  g_free (d8_test_record (a->store, PUH, "4", "2023-04-01", 1, NULL));
  g_free (d8_test_record (b->store, SE, "1", "2023-03-02", 4, NULL));
  g_free (d8_test_record (c->store, DAK, "1", "2023-03-03", 1, NULL));

  /* Only a unit office submits, and only once until a decision. */
  d8_store_set_clock (prov->store, "2023-06-09T02:00:00Z");
  g_assert_null (d8_store_submit_report (prov->store, period, NULL, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);

  /* Chư Pưh, on 9 June: on time. */
  d8_store_set_clock (a->store, "2023-06-09T02:00:00Z");
  narrative = d8_report_narrative_parse ("# Results\nTwo groups.\n# Reason 5\nNo school yet.\n",
                                         -1, "n.txt", &error);
  g_assert_no_error (error);
  {
    g_autoptr (D8UnitReport) r = d8_store_submit_report (a->store, period, narrative, &error);
    const D8ReportFigure *f;

    g_assert_no_error (error);
    g_assert_cmpint (r->submission, ==, 1);
    f = r->figures->pdata[0];
    g_assert_cmpstr (f->indicator_code, ==, "1");
    g_assert_cmpint (f->achieved, ==, 2);
    g_assert_cmpint (f->quota, ==, 4);
    f = r->figures->pdata[4];
    g_assert_cmpstr (f->reason, ==, "No school yet.");
  }
  g_assert_null (d8_store_submit_report (a->store, period, NULL, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  d8_store_set_clock (prov->store, "2023-06-09T09:00:00Z");
  send (a, prov, dir);

  /* Đak Đoa sends a report on 9 June, then withdraws it. */
  d8_store_set_clock (c->store, "2023-06-09T03:00:00Z");
  g_clear_pointer (&narrative, d8_report_narrative_free);
  d8_unit_report_free (d8_store_submit_report (c->store, period, NULL, &error));
  g_assert_no_error (error);
  send (c, prov, dir);
  g_assert_true (d8_store_withdraw_report (c->store, period, &error));
  g_assert_no_error (error);
  send (c, prov, dir);

  /* Chư Sê, on 12 June: late. */
  d8_store_set_clock (b->store, "2023-06-12T01:00:00Z");
  d8_unit_report_free (d8_store_submit_report (b->store, period, NULL, &error));
  g_assert_no_error (error);
  d8_store_set_clock (prov->store, "2023-06-12T09:00:00Z");
  send (b, prov, dir);

  /* At the province on 12 June. By hand: 15 units expected; received
   * Chư Pưh (on time, 9 June) and Chư Sê (late, 12 June); Đak Đoa
   * withdrew, so after the due date it is missing like the 12 others.
   * Completeness 2/15, timeliness 1/15. */
  {
    g_autoptr (D8PeriodSummary) s = d8_store_period_summary (prov->store, period, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (s->today, ==, "2023-06-12");
    g_assert_cmpuint (s->expected, ==, 15);
    g_assert_cmpuint (s->received, ==, 2);
    g_assert_cmpuint (s->on_time, ==, 1);
    g_assert_cmpfloat_with_epsilon (s->completeness, 2.0 / 15, 1e-9);
    g_assert_cmpfloat_with_epsilon (s->timeliness, 1.0 / 15, 1e-9);
    g_assert_cmpint (row_of (s, PUH)->status, ==, D8_PERIOD_STATUS_ON_TIME);
    g_assert_cmpint (row_of (s, SE)->status, ==, D8_PERIOD_STATUS_LATE);
    g_assert_cmpint (row_of (s, DAK)->status, ==, D8_PERIOD_STATUS_MISSING);
    g_assert_cmpint (row_of (s, "gia-lai/ia-grai")->status, ==, D8_PERIOD_STATUS_MISSING);
    g_assert_cmpstr (row_of (s, PUH)->report->received_at, ==, "2023-06-09T09:00:00Z");
    g_assert_cmpstr (d8_period_status_to_string (row_of (s, SE)->status), ==, "late");
  }
  /* Before the due date the same withdrawn report is "withdrawn", and the
   * others are not yet due. */
  {
    g_autoptr (D8PeriodSummary) s = d8_store_period_summary (prov->store, period, "2023-06-10",
                                                             &error);
    g_assert_cmpint (row_of (s, DAK)->status, ==, D8_PERIOD_STATUS_WITHDRAWN);
    g_assert_cmpint (row_of (s, "gia-lai/ia-grai")->status, ==, D8_PERIOD_STATUS_NOT_DUE);
  }

  /* The province returns Chư Pưh's report; the office sees why. */
  g_assert_false (d8_store_return_report (prov->store, period, unit_id (prov, PUH), "  ", &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (d8_store_return_report (prov->store, period, unit_id (prov, PUH),
                                         "Thiếu số liệu chỉ tiêu 5", &error));
  g_assert_no_error (error);
  g_assert_false (d8_store_approve_report (a->store, period, unit_id (a, PUH), &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  send (prov, a, dir);
  {
    g_autoptr (D8UnitReport) r = d8_store_get_unit_report (a->store, period, unit_id (a, PUH),
                                                           &error);
    g_assert_cmpint (r->state, ==, D8_REPORT_STATE_RETURNED);
    g_assert_cmpstr (r->decision_reason, ==, "Thiếu số liệu chỉ tiêu 5");
    g_assert_cmpstr (r->received_at, ==, "2023-06-09T09:00:00Z");
  }
  g_assert_false (d8_store_withdraw_report (a->store, period, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);

  /* Chư Pưh adds what was missing and sends again on 13 June: the
   * period's report still counts as received on 9 June. */
  g_free (d8_test_record (a->store, PUH, "5", "2023-05-20", 1, NULL));
  d8_store_set_clock (a->store, "2023-06-13T02:00:00Z");
  {
    g_autoptr (D8UnitReport) r = d8_store_submit_report (a->store, period, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (r->submission, ==, 2);
  }
  d8_store_set_clock (prov->store, "2023-06-13T09:00:00Z");
  send (a, prov, dir);
  {
    g_autoptr (D8UnitReport) r = d8_store_get_unit_report (prov->store, period,
                                                           unit_id (prov, PUH), &error);
    g_autoptr (GPtrArray) diffs = d8_store_compare_report (prov->store, r, &error);

    g_assert_cmpint (r->state, ==, D8_REPORT_STATE_SUBMITTED);
    g_assert_cmpint (r->submission, ==, 2);
    g_assert_cmpstr (r->received_at, ==, "2023-06-09T09:00:00Z");
    for (guint i = 0; i < diffs->len; i++)
      g_assert_false (((D8ReportDifference *) diffs->pdata[i])->differs);
  }

  /* Approved, both. */
  g_assert_true (d8_store_approve_report (prov->store, period, unit_id (prov, PUH), &error));
  g_assert_true (d8_store_approve_report (prov->store, period, unit_id (prov, SE), &error));
  g_assert_no_error (error);
  {
    g_autoptr (D8PeriodSummary) s = d8_store_period_summary (prov->store, period, NULL, &error);
    g_autoptr (GPtrArray) events = d8_store_list_report_events (prov->store, period,
                                                                unit_id (prov, PUH), &error);
    D8ReportEvent *last;

    g_assert_cmpint (row_of (s, PUH)->status, ==, D8_PERIOD_STATUS_APPROVED);
    g_assert_cmpint (row_of (s, SE)->status, ==, D8_PERIOD_STATUS_APPROVED);
    g_assert_cmpuint (s->received, ==, 2);
    g_assert_cmpuint (s->on_time, ==, 1);
    g_assert_cmpint (d8_period_status_role (D8_PERIOD_STATUS_APPROVED), ==,
                     D8_STATUS_ROLE_SUCCESS);
    last = events->pdata[events->len - 1];
    g_assert_cmpstr (last->action, ==, "approved");
    g_assert_cmpstr (last->office, ==, "province");
  }

  /* Locked at the province: record, edit, delete in the period; after it
   * is free. */
  {
    g_autoptr (D8Entry) in = entry_for (prov, PUH, "1", "2023-05-01", 1);
    g_autoptr (D8Entry) out = entry_for (prov, PUH, "1", "2023-07-01", 1);

    g_assert_false (d8_store_add_entry (prov->store, in, FALSE, &error));
    g_assert_error (error, D8_ERROR, D8_ERROR_LOCKED);
    g_assert_nonnull (strstr (error->message, "Chư Pưh"));
    g_assert_nonnull (strstr (error->message, "Báo cáo 6 tháng đầu năm 2023"));
    g_clear_error (&error);
    g_assert_false (d8_store_delete_entry (prov->store, e1, &error));
    g_assert_error (error, D8_ERROR, D8_ERROR_LOCKED);
    g_clear_error (&error);
    g_assert_true (d8_store_add_entry (prov->store, out, FALSE, &error));
    g_assert_no_error (error);
  }

  /* Chư Pưh edits an entry of the period before the approval reaches it;
   * the province refuses that record on import and keeps its figure. */
  {
    g_autoptr (D8Entry) e = d8_store_get_entry (a->store, e1, &error);
    g_autofree char *path = NULL;
    g_autoptr (D8BundleImport) im = NULL;
    const D8BundlePreview *p;
    gboolean named = FALSE;

    e->amount = 3;
    g_assert_true (d8_store_update_entry (a->store, e, FALSE, &error));
    g_assert_no_error (error);
    path = export (a, dir);
    im = import (prov, path);
    p = d8_bundle_import_get_preview (im);
    g_assert_cmpuint (p->entries[D8_BUNDLE_REJECTED], ==, 1);
    for (guint i = 0; i < p->rejections->len; i++)
      {
        D8BundleRejection *rj = p->rejections->pdata[i];
        if (g_strcmp0 (rj->uuid, e1) == 0 && strstr (rj->reason, "Chư Pưh")
            && strstr (rj->reason, "Báo cáo 6 tháng đầu năm 2023"))
          named = TRUE;
      }
    g_assert_true (named);
    {
      g_autoptr (D8Entry) here = d8_store_get_entry (prov->store, e1, &error);
      g_assert_cmpint (here->amount, ==, 2);
    }
  }

  /* The approval reaches Chư Pưh: its entries of the period lock there too. */
  send (prov, a, dir);
  {
    g_autoptr (D8Entry) in = entry_for (a, PUH, "1", "2023-06-01", 1);
    g_autoptr (D8Entry) e = d8_store_get_entry (a->store, e1, &error);
    g_autoptr (D8UnitReport) r = d8_store_get_unit_report (a->store, period, unit_id (a, PUH),
                                                           &error);

    g_assert_cmpint (r->state, ==, D8_REPORT_STATE_APPROVED);
    g_assert_false (d8_store_add_entry (a->store, in, FALSE, &error));
    g_assert_error (error, D8_ERROR, D8_ERROR_LOCKED);
    g_clear_error (&error);
    e->amount = 5;
    g_assert_false (d8_store_update_entry (a->store, e, FALSE, &error));
    g_assert_error (error, D8_ERROR, D8_ERROR_LOCKED);
    g_clear_error (&error);
    /* Chư Sê's approval is not Chư Pưh's: not stored there. */
    g_assert_null (d8_store_get_unit_report (a->store, period, unit_id (a, SE), &error));
    g_assert_no_error (error);
  }

  /* Reopened with a reason: unlocked at both offices, the reason shown. */
  g_assert_false (d8_store_reopen_report (prov->store, period, unit_id (prov, SE), NULL, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (d8_store_reopen_report (prov->store, period, unit_id (prov, PUH),
                                         "Số liệu chỉ tiêu 1 cần sửa", &error));
  g_assert_no_error (error);
  send (prov, a, dir);
  {
    g_autoptr (D8Entry) e = d8_store_get_entry (a->store, e1, &error);
    g_autoptr (D8UnitReport) r = d8_store_get_unit_report (a->store, period, unit_id (a, PUH),
                                                           &error);
    g_autoptr (D8PeriodSummary) s = d8_store_period_summary (prov->store, period, NULL, &error);

    g_assert_cmpint (r->state, ==, D8_REPORT_STATE_REOPENED);
    g_assert_cmpstr (r->reopen_reason, ==, "Số liệu chỉ tiêu 1 cần sửa");
    e->amount = 4;
    g_assert_true (d8_store_update_entry (a->store, e, FALSE, &error));
    g_assert_no_error (error);
    g_assert_cmpint (row_of (s, PUH)->status, ==, D8_PERIOD_STATUS_REOPENED);
    g_assert_true (d8_period_status_is_received (row_of (s, PUH)->status));
  }
  send (a, prov, dir);
  {
    g_autoptr (D8Entry) here = d8_store_get_entry (prov->store, e1, &error);
    g_assert_cmpint (here->amount, ==, 4);
  }

  d8_test_office_free (prov);
  d8_test_office_free (a);
  d8_test_office_free (b);
  d8_test_office_free (c);
  d8_test_rmtree (dir);
}

/* ------------------------------------------------ what an office may send */

/* Rewrites the bundle at @path with its "reports" member replaced by
 * @reports (JSON text), and signs it again with @o's key, as a tampering
 * office would: the content is what the office really sent. */
static void
resign (D8TestOffice *o, const char *path, const char *reports)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) rp = json_parser_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (GString) header = g_string_new (NULL);
  g_autoptr (GString) canon = g_string_new (NULL);
  g_autoptr (GChecksum) plans_sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GChecksum) entries_sum = g_checksum_new (G_CHECKSUM_SHA256);
  GChecksum *sums[2] = { plans_sum, entries_sum };
  g_autofree char *head_json = NULL, *digest_text = NULL, *digest = NULL, *signature = NULL;
  g_autofree char *message = NULL, *out = NULL;
  const char *const lists[] = { "plans", "entries" };
  JsonObject *root, *content, *head;
  JsonNode *head_node;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_true (json_parser_load_from_data (rp, reports, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_member (root, "reports", json_node_copy (json_parser_get_root (rp)));
  content = json_object_get_object_member (root, "content");
  /* json_node_copy() shares the object: the header is built anew. */
  head = json_object_new ();
  {
    g_autoptr (GList) members = json_object_get_members (root);

    for (GList *l = members; l != NULL; l = l->next)
      if (!g_str_equal (l->data, "content") && !g_str_equal (l->data, "digest")
          && !g_str_equal (l->data, "signature"))
        json_object_set_member (head, l->data,
                                json_node_copy (json_object_get_member (root, l->data)));
  }
  head_node = json_node_init_object (json_node_alloc (), head);
  json_object_unref (head);
  json_generator_set_root (gen, head_node);
  head_json = json_generator_to_data (gen, NULL);
  g_assert_true (d8_json_canonicalize (head_json, header));
  for (guint l = 0; l < 2; l++)
    {
      JsonArray *a = json_object_has_member (content, lists[l])
                       ? json_object_get_array_member (content, lists[l]) : NULL;
      for (guint i = 0; a != NULL && i < json_array_get_length (a); i++)
        {
          g_autoptr (JsonGenerator) g = json_generator_new ();
          g_autofree char *t = NULL;

          json_generator_set_root (g, json_array_get_element (a, i));
          t = json_generator_to_data (g, NULL);
          g_string_truncate (canon, 0);
          g_assert_true (d8_json_canonicalize (t, canon));
          g_string_append_c (canon, '\n');
          g_checksum_update (sums[l], (const guchar *) canon->str, canon->len);
        }
    }
  json_node_unref (head_node);
  digest_text = g_strdup_printf ("duan8-bundle-digest-1\n%s\n%s\n%s\n", header->str,
                                 g_checksum_get_string (sums[0]), g_checksum_get_string (sums[1]));
  {
    g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, digest_text, -1);
    digest = g_strconcat ("sha256:", hex, NULL);
  }
  message = g_strconcat ("duan8-bundle-signature-1\n", digest, NULL);
  signature = d8_office_key_sign (o->store, message, &error);
  g_assert_no_error (error);
  json_object_set_string_member (root, "digest", digest);
  json_object_set_string_member (root, "signature", signature);
  json_generator_set_root (gen, json_parser_get_root (parser));
  out = json_generator_to_data (gen, NULL);
  g_assert_true (g_file_set_contents (path, out, -1, &error));
}

static void
assert_refused (D8TestOffice *prov, const char *path, const char *record, const char *words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8BundleImport) im = d8_bundle_import_new (prov->store, path, &error);
  g_autofree char *before = d8_test_dump (prov->path);
  g_autofree char *after = NULL;
  const D8BundlePreview *p;
  gboolean found = FALSE;

  g_assert_no_error (error);
  d8_bundle_import_set_trust_new_office (im, TRUE);
  g_assert_false (d8_bundle_import_apply (im, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  p = d8_bundle_import_get_preview (im);
  for (guint i = 0; i < p->rejections->len; i++)
    {
      D8BundleRejection *rj = p->rejections->pdata[i];
      if (rj->forbidden && strstr (rj->record, record) && strstr (rj->reason, words))
        found = TRUE;
    }
  g_assert_true (found);
  after = d8_test_dump (prov->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_forbidden (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *prov = d8_test_office_new (dir, "province.sqlite3", "province");
  D8TestOffice *b = d8_test_office_new (dir, "se.sqlite3", SE);
  g_autoptr (D8ReportingPeriod) period = h1 (b);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GString) other = NULL;
  g_autoptr (GString) decision = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autofree char *reports = NULL;
  JsonObject *root;

  d8_store_set_clock (b->store, "2023-06-09T02:00:00Z");
  d8_unit_report_free (d8_store_submit_report (b->store, period, NULL, &error));
  g_assert_no_error (error);
  path = export (b, dir);
  /* The bundle as made is accepted (checked on a copy). */
  {
    g_autoptr (D8BundleImport) im = d8_bundle_import_new (prov->store, path, &error);
    g_assert_no_error (error);
    d8_bundle_import_set_trust_new_office (im, TRUE);
    g_assert_true (d8_bundle_import_check (im, NULL));
    g_assert_cmpuint (d8_bundle_import_get_preview (im)->reports[D8_BUNDLE_NEW], ==, 1);
  }
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  json_generator_set_root (gen, json_object_get_member (root, "reports"));
  reports = json_generator_to_data (gen, NULL);

  /* Chư Sê's office sends a report of Chư Pưh. */
  other = g_string_new (reports);
  g_string_replace (other, SE, PUH, 0);
  resign (b, path, other->str);
  assert_refused (prov, path, "reports[0] (" PUH ", 2023-h1)", "own unit");

  /* Chư Sê's office approves its own report. */
  decision = g_string_new (reports);
  g_string_replace (decision, "\"submitted\"", "\"approved\"", 0);
  resign (b, path, decision->str);
  assert_refused (prov, path, "reports[0] (" SE ", 2023-h1)", "only the province");

  d8_test_office_free (prov);
  d8_test_office_free (b);
  d8_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Asia/Ho_Chi_Minh", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reporting/periods", test_periods);
  g_test_add_func ("/reporting/migration", test_migration);
  g_test_add_func ("/reporting/plan-file-refused", test_plan_file_refused);
  g_test_add_func ("/reporting/narrative", test_narrative);
  g_test_add_func ("/reporting/half-year", test_half_year);
  g_test_add_func ("/reporting/forbidden", test_forbidden);
  return g_test_run ();
}
