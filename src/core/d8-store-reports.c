/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-store-reports.c — the reporting cycle in the store: a plan's
 * reporting periods, units' reports for a period and the province's
 * decisions, the period's status table, reported figures against figures
 * now, and the locks of approved reports. Rules in d8-reporting.h and
 * docs/reporting.md. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-entry.h"
#include "d8-format.h"
#include "d8-reporting-private.h"
#include "d8-sql.h"
#include "d8-store-private.h"

/* ------------------------------------------------------------------ clock */

void
d8_store_set_clock (D8Store *self, const char *now_utc)
{
  g_return_if_fail (D8_IS_STORE (self));
  g_free (self->clock);
  self->clock = g_strdup (now_utc);
}

/**
 * d8_store_reporting_now:
 * @self: a store
 *
 * Returns: (transfer full): the time stamp "now" of the reporting cycle:
 *   the fixed clock when set, else the store's time stamp of now.
 */
char *
d8_store_reporting_now (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  return self->clock != NULL ? g_strdup (self->clock) : d8_store_now_utc ();
}

/**
 * d8_store_today:
 * @self: a store
 *
 * Returns: (transfer full): the ISO date of "now" in local time.
 */
char *
d8_store_today (D8Store *self)
{
  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  if (self->clock == NULL)
    return d8_date_today ();
  return d8_reporting_local_date (self->clock);
}

/* ---------------------------------------------------------------- periods */

gboolean
d8_store_insert_plan_periods (D8Store *self, gint64 plan_id, GPtrArray *periods, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  if (periods == NULL || periods->len == 0)
    return TRUE;
  stmt = d8_sql_prepare (self->db,
                         "INSERT INTO reporting_periods (plan_id, code, title, start, end, cutoff,"
                         " unit_due, province_due, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < periods->len; i++)
    {
      D8ReportingPeriod *p = periods->pdata[i];

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, plan_id);
      d8_sql_bind_text (stmt, 2, p->code, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 3, p->title, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 4, p->start, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 5, p->end, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 6, p->cutoff, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 7, p->unit_due, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 8, p->province_due, D8_SQL_EMPTY_IS_NULL);
      sqlite3_bind_int (stmt, 9, (int) i + 1);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return d8_sql_fail (self->db, error, _("The plan's reporting periods could not be saved."));
      p->plan_id = plan_id;
      p->id = sqlite3_last_insert_rowid (self->db);
    }
  return TRUE;
}

#define PERIOD_COLS "id, plan_id, code, title, start, end, cutoff, unit_due, province_due, position"
enum
{
  PERIOD_ID,
  PERIOD_PLAN,
  PERIOD_CODE,
  PERIOD_TITLE,
  PERIOD_START,
  PERIOD_END,
  PERIOD_CUTOFF,
  PERIOD_UNIT_DUE,
  PERIOD_PROVINCE_DUE,
  PERIOD_POSITION,
};

static gpointer
period_from_row (sqlite3_stmt *stmt)
{
  D8ReportingPeriod *p = g_new0 (D8ReportingPeriod, 1);

  p->id = sqlite3_column_int64 (stmt, PERIOD_ID);
  p->plan_id = sqlite3_column_int64 (stmt, PERIOD_PLAN);
  p->code = d8_sql_column_dup (stmt, PERIOD_CODE);
  p->title = d8_sql_column_dup (stmt, PERIOD_TITLE);
  p->start = d8_sql_column_dup (stmt, PERIOD_START);
  p->end = d8_sql_column_dup (stmt, PERIOD_END);
  p->cutoff = d8_sql_column_dup (stmt, PERIOD_CUTOFF);
  p->unit_due = d8_sql_column_dup (stmt, PERIOD_UNIT_DUE);
  p->province_due = d8_sql_column_dup (stmt, PERIOD_PROVINCE_DUE);
  p->position = sqlite3_column_int (stmt, PERIOD_POSITION);
  return p;
}

GPtrArray *
d8_store_list_periods (D8Store *self, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  stmt = d8_sql_prepare (self->db,
                         "SELECT " PERIOD_COLS " FROM reporting_periods WHERE plan_id = ?"
                         " ORDER BY cutoff, position",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  return d8_store_collect (self, stmt, period_from_row,
                           (GDestroyNotify) d8_reporting_period_free,
                           _("The reporting periods could not be read."), error);
}

gboolean
d8_store_load_plan_periods (D8Store *self, D8Plan *plan, GError **error)
{
  GPtrArray *periods = d8_store_list_periods (self, plan->id, error);

  if (periods == NULL)
    return FALSE;
  g_clear_pointer (&plan->periods, g_ptr_array_unref);
  plan->periods = periods;
  return TRUE;
}

D8ReportingPeriod *
d8_store_resolve_period (D8Store *self, gint64 plan_id, const char *ref, GError **error)
{
  g_autoptr (GPtrArray) periods = NULL;
  g_autoptr (GString) known = g_string_new (NULL);

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  periods = d8_store_list_periods (self, plan_id, error);
  if (periods == NULL)
    return NULL;
  for (guint i = 0; i < periods->len; i++)
    {
      D8ReportingPeriod *p = periods->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, p->id);

      if (g_ascii_strcasecmp (p->code, ref) == 0 || g_str_equal (id, ref))
        return d8_reporting_period_copy (p);
      g_string_append_printf (known, "%s%s", known->len ? ", " : "", p->code);
    }
  if (periods->len == 0)
    g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                 _("unknown reporting period “%s”: the plan has no reporting schedule"), ref);
  else
    g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                 /* Translators: %s: the period asked for; %s: the plan's period codes */
                 _("unknown reporting period “%s” (the plan's periods: %s)"), ref, known->str);
  return NULL;
}

/* ------------------------------------------------------------ reading reports */

#define REPORT_SELECT                                                                          \
  "SELECT r.id, r.plan_id, r.period_id, p.code, r.unit_id, u.code, u.name, r.state,"           \
  " r.submission, r.cutoff, r.results, r.difficulties, r.proposals, r.submitted_at,"           \
  " r.received_at, r.decided_at, r.decision_reason, r.reopen_reason, r.updated_at"             \
  " FROM unit_reports r JOIN reporting_periods p ON p.id = r.period_id"                        \
  " JOIN units u ON u.id = r.unit_id"
enum
{
  REPORT_ID,
  REPORT_PLAN,
  REPORT_PERIOD,
  REPORT_PERIOD_CODE,
  REPORT_UNIT,
  REPORT_UNIT_CODE,
  REPORT_UNIT_NAME,
  REPORT_STATE,
  REPORT_SUBMISSION,
  REPORT_CUTOFF,
  REPORT_RESULTS,
  REPORT_DIFFICULTIES,
  REPORT_PROPOSALS,
  REPORT_SUBMITTED_AT,
  REPORT_RECEIVED_AT,
  REPORT_DECIDED_AT,
  REPORT_DECISION_REASON,
  REPORT_REOPEN_REASON,
  REPORT_UPDATED_AT,
};

gboolean
d8_status_from_string (const char *text, D8Status *status)
{
  static const D8Status all[] = { D8_STATUS_NO_QUOTA, D8_STATUS_NOT_STARTED, D8_STATUS_BEHIND,
                                  D8_STATUS_ON_TRACK, D8_STATUS_DONE, D8_STATUS_OVER };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (all); i++)
    if (g_str_equal (text, d8_status_to_string (all[i])))
      {
        *status = all[i];
        return TRUE;
      }
  return FALSE;
}

static gpointer
report_from_row (sqlite3_stmt *stmt)
{
  D8UnitReport *r = g_new0 (D8UnitReport, 1);

  r->id = sqlite3_column_int64 (stmt, REPORT_ID);
  r->plan_id = sqlite3_column_int64 (stmt, REPORT_PLAN);
  r->period_id = sqlite3_column_int64 (stmt, REPORT_PERIOD);
  r->period_code = d8_sql_column_dup (stmt, REPORT_PERIOD_CODE);
  r->unit_id = sqlite3_column_int64 (stmt, REPORT_UNIT);
  r->unit_code = d8_sql_column_dup (stmt, REPORT_UNIT_CODE);
  r->unit_name = d8_sql_column_dup (stmt, REPORT_UNIT_NAME);
  if (!d8_report_state_from_string (d8_sql_column_text (stmt, REPORT_STATE), &r->state))
    r->state = D8_REPORT_STATE_SUBMITTED; /* the table's CHECK allows no other */
  r->submission = sqlite3_column_int (stmt, REPORT_SUBMISSION);
  r->cutoff = d8_sql_column_dup (stmt, REPORT_CUTOFF);
  r->narrative = d8_report_narrative_new ();
  r->narrative->results = d8_sql_column_dup (stmt, REPORT_RESULTS);
  r->narrative->difficulties = d8_sql_column_dup (stmt, REPORT_DIFFICULTIES);
  r->narrative->proposals = d8_sql_column_dup (stmt, REPORT_PROPOSALS);
  r->submitted_at = d8_sql_column_dup (stmt, REPORT_SUBMITTED_AT);
  r->received_at = d8_sql_column_dup (stmt, REPORT_RECEIVED_AT);
  r->decided_at = d8_sql_column_dup (stmt, REPORT_DECIDED_AT);
  r->decision_reason = d8_sql_column_dup (stmt, REPORT_DECISION_REASON);
  r->reopen_reason = d8_sql_column_dup (stmt, REPORT_REOPEN_REASON);
  r->updated_at = d8_sql_column_dup (stmt, REPORT_UPDATED_AT);
  return r;
}

static gboolean
read_figures (D8Store *self, D8UnitReport *report, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db,
                    "SELECT f.indicator_id, i.code, f.has_quota, f.quota, f.achieved,"
                    " f.group_size, f.status, f.reason FROM unit_report_figures f"
                    " JOIN indicators i ON i.id = f.indicator_id WHERE f.report_id = ?"
                    " ORDER BY i.position",
                    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report->id);
  report->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_report_figure_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      D8ReportFigure *f = g_new0 (D8ReportFigure, 1);

      f->indicator_id = sqlite3_column_int64 (stmt, 0);
      f->indicator_code = d8_sql_column_dup (stmt, 1);
      f->has_quota = sqlite3_column_int (stmt, 2) != 0;
      f->quota = sqlite3_column_int64 (stmt, 3);
      f->achieved = sqlite3_column_int64 (stmt, 4);
      f->group_size = sqlite3_column_int64 (stmt, 5);
      if (!d8_status_from_string (d8_sql_column_text (stmt, 6), &f->status))
        f->status = D8_STATUS_NOT_STARTED;
      f->reason = d8_sql_column_dup (stmt, 7);
      if (f->reason != NULL)
        g_hash_table_replace (report->narrative->reasons, g_strdup (f->indicator_code),
                              g_strdup (f->reason));
      g_ptr_array_add (report->figures, f);
    }
  if (rc != SQLITE_DONE)
    return d8_sql_fail (self->db, error, _("The figures of a report could not be read."));
  return TRUE;
}

/* The reports of one statement (REPORT_SELECT …), with their figures. */
static GPtrArray *
collect_reports (D8Store *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) reports =
    d8_store_collect (self, stmt, report_from_row, (GDestroyNotify) d8_unit_report_free,
                      _("The reports could not be read."), error);

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    if (!read_figures (self, reports->pdata[i], error))
      return NULL;
  return g_steal_pointer (&reports);
}

D8UnitReport *
d8_store_find_report (D8Store *self, gint64 plan_id, const char *period_code, gint64 unit_id,
                      GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db,
                    REPORT_SELECT " WHERE r.plan_id = ? AND p.code = ? COLLATE NOCASE"
                                  " AND r.unit_id = ?",
                    error);
  g_autoptr (GPtrArray) reports = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_text (stmt, 2, period_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, unit_id);
  reports = collect_reports (self, stmt, error);
  if (reports == NULL || reports->len == 0)
    return NULL;
  return g_ptr_array_steal_index (reports, 0);
}

D8UnitReport *
d8_store_get_unit_report (D8Store *self, const D8ReportingPeriod *period, gint64 unit_id,
                          GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  return d8_store_find_report (self, period->plan_id, period->code, unit_id, error);
}

GPtrArray *
d8_store_list_unit_reports (D8Store *self, const D8ReportingPeriod *period, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  stmt = d8_sql_prepare (self->db,
                         REPORT_SELECT " LEFT JOIN plan_units pu ON pu.plan_id = r.plan_id"
                                       " AND pu.unit_id = r.unit_id WHERE r.period_id = ?"
                                       " ORDER BY pu.position, u.code",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, period->id);
  return collect_reports (self, stmt, error);
}

GPtrArray *
d8_store_list_report_events (D8Store *self, const D8ReportingPeriod *period, gint64 unit_id,
                             GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (GPtrArray) events =
    g_ptr_array_new_with_free_func ((GDestroyNotify) d8_report_event_free);
  int rc;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  stmt = d8_sql_prepare (self->db,
                         "SELECT e.at, e.office, e.action, e.submission, e.reason"
                         " FROM report_events e JOIN unit_reports r ON r.id = e.report_id"
                         " WHERE r.period_id = ? AND r.unit_id = ? ORDER BY e.id",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, period->id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      D8ReportEvent *e = g_new0 (D8ReportEvent, 1);

      e->at = d8_sql_column_dup (stmt, 0);
      e->office = d8_sql_column_dup (stmt, 1);
      e->action = d8_sql_column_dup (stmt, 2);
      e->submission = sqlite3_column_int (stmt, 3);
      e->reason = d8_sql_column_dup (stmt, 4);
      g_ptr_array_add (events, e);
    }
  if (rc != SQLITE_DONE)
    {
      d8_sql_fail (self->db, error, _("The history of a report could not be read."));
      return NULL;
    }
  return g_steal_pointer (&events);
}

/* ------------------------------------------------------------ writing reports */

gboolean
d8_store_write_report (D8Store *self, D8UnitReport *report, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autofree char *now = d8_store_reporting_now (self);
  const D8ReportNarrative *n = report->narrative;

  stmt = d8_sql_prepare (
    self->db,
    "INSERT INTO unit_reports (plan_id, period_id, unit_id, state, submission, cutoff, results,"
    " difficulties, proposals, submitted_at, received_at, decided_at, decision_reason,"
    " reopen_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (period_id, unit_id) DO UPDATE SET state = excluded.state,"
    " submission = excluded.submission, cutoff = excluded.cutoff, results = excluded.results,"
    " difficulties = excluded.difficulties, proposals = excluded.proposals,"
    " submitted_at = excluded.submitted_at, received_at = excluded.received_at,"
    " decided_at = excluded.decided_at, decision_reason = excluded.decision_reason,"
    " reopen_reason = excluded.reopen_reason, updated_at = excluded.updated_at"
    " RETURNING id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report->plan_id);
  sqlite3_bind_int64 (stmt, 2, report->period_id);
  sqlite3_bind_int64 (stmt, 3, report->unit_id);
  sqlite3_bind_text (stmt, 4, d8_report_state_to_string (report->state), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, report->submission);
  d8_sql_bind_text (stmt, 6, report->cutoff, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 7, n ? n->results : NULL, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 8, n ? n->difficulties : NULL, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 9, n ? n->proposals : NULL, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 10, report->submitted_at, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 11, report->received_at, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 12, report->decided_at, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 13, report->decision_reason, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 14, report->reopen_reason, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 15, now, D8_SQL_EMPTY_IS_NULL);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return d8_sql_fail (self->db, error, _("The report could not be saved."));
  report->id = sqlite3_column_int64 (stmt, 0);
  g_free (report->updated_at);
  report->updated_at = g_steal_pointer (&now);
  if (report->figures == NULL)
    return TRUE;
  {
    g_autoptr (D8SqlStmt) del =
      d8_sql_prepare (self->db, "DELETE FROM unit_report_figures WHERE report_id = ?", error);
    g_autoptr (D8SqlStmt) ins = NULL;

    if (del == NULL)
      return FALSE;
    sqlite3_bind_int64 (del, 1, report->id);
    if (sqlite3_step (del) != SQLITE_DONE)
      return d8_sql_fail (self->db, error, _("The report could not be saved."));
    ins = d8_sql_prepare (self->db,
                          "INSERT INTO unit_report_figures (report_id, indicator_id, has_quota,"
                          " quota, achieved, group_size, status, reason)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          error);
    if (ins == NULL)
      return FALSE;
    for (guint i = 0; i < report->figures->len; i++)
      {
        const D8ReportFigure *f = report->figures->pdata[i];

        sqlite3_reset (ins);
        sqlite3_bind_int64 (ins, 1, report->id);
        sqlite3_bind_int64 (ins, 2, f->indicator_id);
        sqlite3_bind_int (ins, 3, f->has_quota);
        if (f->has_quota)
          sqlite3_bind_int64 (ins, 4, f->quota);
        else
          sqlite3_bind_null (ins, 4);
        sqlite3_bind_int64 (ins, 5, f->achieved);
        sqlite3_bind_int64 (ins, 6, f->group_size);
        sqlite3_bind_text (ins, 7, d8_status_to_string (f->status), -1, SQLITE_STATIC);
        d8_sql_bind_text (ins, 8, f->reason, D8_SQL_EMPTY_IS_NULL);
        if (sqlite3_step (ins) != SQLITE_DONE)
          return d8_sql_fail (self->db, error, _("The report could not be saved."));
      }
  }
  return TRUE;
}

gboolean
d8_store_add_report_event (D8Store *self, gint64 report_id, const char *office,
                           const char *action, int submission, const char *reason,
                           const char *at, GError **error)
{
  g_autofree char *now = at ? g_strdup (at) : d8_store_reporting_now (self);
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db,
                    "INSERT INTO report_events (report_id, at, office, action, submission, reason)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, office, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, submission);
  d8_sql_bind_text (stmt, 6, reason, D8_SQL_EMPTY_IS_NULL);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (self->db, error, _("The history of a report could not be saved."));
  return TRUE;
}

D8UnitReport *
d8_store_draft_report (D8Store *self, const D8ReportingPeriod *period, gint64 unit_id,
                       const D8ReportNarrative *narrative, GError **error)
{
  g_autoptr (D8Overview) overview = NULL;
  g_autoptr (D8UnitReport) report = NULL;
  g_autoptr (D8UnitReport) stored = NULL;
  D8Unit *unit;
  int u;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  overview = d8_store_compute_overview (self, period->plan_id, period->cutoff, error);
  if (overview == NULL)
    return NULL;
  u = d8_overview_find_unit (overview, unit_id);
  if (u < 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                   _("The unit with id %lld is not one of the units of plan %s."),
                   (long long) unit_id, overview->plan->doc_number);
      return NULL;
    }
  stored = d8_store_get_unit_report (self, period, unit_id, error);
  if (stored == NULL && error != NULL && *error != NULL)
    return NULL;
  unit = overview->units->pdata[u];
  report = g_new0 (D8UnitReport, 1);
  report->plan_id = period->plan_id;
  report->period_id = period->id;
  report->period_code = g_strdup (period->code);
  report->unit_id = unit_id;
  report->unit_code = g_strdup (unit->code);
  report->unit_name = g_strdup (unit->name);
  report->state = D8_REPORT_STATE_SUBMITTED;
  report->submission = stored ? stored->submission + 1 : 1;
  report->cutoff = g_strdup (period->cutoff);
  report->received_at = stored ? g_strdup (stored->received_at) : NULL;
  report->narrative = d8_report_narrative_new ();
  if (narrative != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      report->narrative->results = g_strdup (narrative->results);
      report->narrative->difficulties = g_strdup (narrative->difficulties);
      report->narrative->proposals = g_strdup (narrative->proposals);
      g_hash_table_iter_init (&iter, narrative->reasons);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (report->narrative->reasons, g_strdup (key), g_strdup (value));
    }
  report->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_report_figure_free);
  for (guint i = 0; i < overview->indicators->len; i++)
    {
      const D8Indicator *ind = overview->indicators->pdata[i];
      const D8Cell *cell = d8_overview_cell (overview, (guint) u, i);
      D8ReportFigure *f = g_new0 (D8ReportFigure, 1);

      f->indicator_id = ind->id;
      f->indicator_code = g_strdup (ind->code);
      f->has_quota = cell->has_quota;
      f->quota = cell->quota;
      f->achieved = cell->achieved;
      f->group_size = cell->group_size;
      f->status = cell->status;
      f->reason = g_strdup (g_hash_table_lookup (report->narrative->reasons, ind->code));
      g_ptr_array_add (report->figures, f);
    }
  return g_steal_pointer (&report);
}

/* The unit of this unit office in @period's plan; D8_ERROR_INVALID at the
 * province. */
static D8Unit *
office_unit (D8Store *self, const D8ReportingPeriod *period, GError **error)
{
  const char *office = d8_store_get_office (self);

  if (g_str_equal (office, "province"))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("Reports are submitted by a unit office; this database is the province's "
                     "(see “duan8-cli office”)."));
      return NULL;
    }
  return d8_store_resolve_unit (self, period->plan_id, office, error);
}

D8UnitReport *
d8_store_submit_report (D8Store *self, const D8ReportingPeriod *period,
                        const D8ReportNarrative *narrative, GError **error)
{
  g_autoptr (D8Unit) unit = NULL;
  g_autoptr (D8UnitReport) stored = NULL;
  g_autoptr (D8UnitReport) report = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if ((unit = office_unit (self, period, error)) == NULL)
    return NULL;
  stored = d8_store_get_unit_report (self, period, unit->id, error);
  if (stored == NULL && error != NULL && *error != NULL)
    return NULL;
  if (stored != NULL)
    switch (stored->state)
      {
      case D8_REPORT_STATE_SUBMITTED:
        g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                     /* Translators: %s: a unit; %s: a reporting period's title */
                     _("The report of %s for %s is already submitted and awaits the province's "
                       "decision; withdraw it first to send another."),
                     stored->unit_name, period->title);
        return NULL;
      case D8_REPORT_STATE_APPROVED:
        g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                     _("The report of %s for %s is approved; only the province can reopen it."),
                     stored->unit_name, period->title);
        return NULL;
      case D8_REPORT_STATE_WITHDRAWN:
      case D8_REPORT_STATE_RETURNED:
      case D8_REPORT_STATE_REOPENED:
        break;
      }
  report = d8_store_draft_report (self, period, unit->id, narrative, error);
  if (report == NULL)
    return NULL;
  now = d8_store_reporting_now (self);
  report->submitted_at = g_strdup (now);
  if (!d8_store_begin (self, error))
    return NULL;
  if (!d8_store_write_report (self, report, error)
      || !d8_store_add_report_event (self, report->id, d8_store_get_office (self), "submitted",
                                     report->submission, NULL, now, error)
      || !d8_store_commit (self, error))
    {
      d8_store_rollback (self);
      return NULL;
    }
  d8_store_emit_changed (self);
  return g_steal_pointer (&report);
}

gboolean
d8_store_withdraw_report (D8Store *self, const D8ReportingPeriod *period, GError **error)
{
  g_autoptr (D8Unit) unit = NULL;
  g_autoptr (D8UnitReport) report = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if ((unit = office_unit (self, period, error)) == NULL)
    return FALSE;
  report = d8_store_get_unit_report (self, period, unit->id, error);
  if (report == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                     _("%s has no report for %s to withdraw."), unit->name, period->title);
      return FALSE;
    }
  if (report->state != D8_REPORT_STATE_SUBMITTED)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   /* Translators: %s: unit; %s: period title; %s: the report's state word */
                   _("The report of %s for %s cannot be withdrawn: it is %s."), unit->name,
                   period->title,
                   d8_period_status_to_label (d8_period_status_for (period, report, "9999-12-31")));
      return FALSE;
    }
  report->state = D8_REPORT_STATE_WITHDRAWN;
  g_clear_pointer (&report->figures, g_ptr_array_unref); /* kept as they were */
  if (!d8_store_begin (self, error))
    return FALSE;
  if (!d8_store_write_report (self, report, error)
      || !d8_store_add_report_event (self, report->id, d8_store_get_office (self), "withdrawn",
                                     report->submission, NULL, NULL, error)
      || !d8_store_commit (self, error))
    {
      d8_store_rollback (self);
      return FALSE;
    }
  d8_store_emit_changed (self);
  return TRUE;
}

/* The name of unit @unit_id, "?" when unknown. */
static char *
unit_name (D8Store *self, gint64 unit_id)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "SELECT name FROM units WHERE id = ?", NULL);

  if (stmt == NULL)
    return g_strdup ("?");
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup ("?");
  return d8_sql_column_dup (stmt, 0);
}

/* A decision of the province on @unit_id's report: @from the state it
 * must be in, @to the state it takes, @reason for return and reopen. */
static gboolean
decide (D8Store *self, const D8ReportingPeriod *period, gint64 unit_id, D8ReportState from,
        D8ReportState to, const char *reason, GError **error)
{
  g_autoptr (D8UnitReport) report = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *now = NULL;
  g_autoptr (GError) text_error = NULL;

  if (!g_str_equal (d8_store_get_office (self), "province"))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("Only the province approves, returns or reopens reports; this database "
                     "is a unit office's."));
      return FALSE;
    }
  switch (to)
    {
    case D8_REPORT_STATE_RETURNED:
    case D8_REPORT_STATE_REOPENED:
      if (!d8_entry_normalize_text (reason, &normalized, &text_error))
        {
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID, "%s: %s", _("reason"),
                       text_error->message);
          return FALSE;
        }
      if (normalized == NULL)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       _("reason: a reason is required to return or reopen a report"));
          return FALSE;
        }
      break;
    case D8_REPORT_STATE_APPROVED:
    case D8_REPORT_STATE_SUBMITTED:
    case D8_REPORT_STATE_WITHDRAWN:
      break;
    }
  report = d8_store_get_unit_report (self, period, unit_id, error);
  if (report == NULL)
    {
      if (error == NULL || *error == NULL)
        {
          g_autofree char *name = unit_name (self, unit_id);

          g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("%s has sent no report for %s."),
                       name, period->title);
        }
      return FALSE;
    }
  if (report->state != from)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   /* Translators: %s: unit; %s: period; %s: its status word */
                   _("The report of %s for %s has the status “%s”; this decision does not apply to it."),
                   report->unit_name, period->title,
                   d8_period_status_to_label (d8_period_status_for (period, report, "9999-12-31")));
      return FALSE;
    }
  now = d8_store_reporting_now (self);
  report->state = to;
  g_clear_pointer (&report->figures, g_ptr_array_unref); /* kept as they were */
  switch (to)
    {
    case D8_REPORT_STATE_RETURNED:
      g_free (report->decided_at);
      report->decided_at = g_strdup (now);
      g_free (report->decision_reason);
      report->decision_reason = g_strdup (normalized);
      break;
    case D8_REPORT_STATE_APPROVED:
      g_free (report->decided_at);
      report->decided_at = g_strdup (now);
      g_clear_pointer (&report->decision_reason, g_free);
      break;
    case D8_REPORT_STATE_REOPENED:
      g_free (report->decided_at);
      report->decided_at = g_strdup (now);
      g_free (report->reopen_reason);
      report->reopen_reason = g_strdup (normalized);
      break;
    case D8_REPORT_STATE_SUBMITTED:
    case D8_REPORT_STATE_WITHDRAWN:
      break;
    }
  if (!d8_store_begin (self, error))
    return FALSE;
  if (!d8_store_write_report (self, report, error)
      || !d8_store_add_report_event (self, report->id, "province", d8_report_state_to_string (to),
                                     report->submission, normalized, now, error)
      || !d8_store_commit (self, error))
    {
      d8_store_rollback (self);
      return FALSE;
    }
  d8_store_emit_changed (self);
  return TRUE;
}

gboolean
d8_store_approve_report (D8Store *self, const D8ReportingPeriod *period, gint64 unit_id,
                         GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  return decide (self, period, unit_id, D8_REPORT_STATE_SUBMITTED, D8_REPORT_STATE_APPROVED, NULL,
                 error);
}

gboolean
d8_store_return_report (D8Store *self, const D8ReportingPeriod *period, gint64 unit_id,
                        const char *reason, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  return decide (self, period, unit_id, D8_REPORT_STATE_SUBMITTED, D8_REPORT_STATE_RETURNED,
                 reason, error);
}

gboolean
d8_store_reopen_report (D8Store *self, const D8ReportingPeriod *period, gint64 unit_id,
                        const char *reason, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  return decide (self, period, unit_id, D8_REPORT_STATE_APPROVED, D8_REPORT_STATE_REOPENED,
                 reason, error);
}
