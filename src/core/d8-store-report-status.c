/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-store-report-status.c — what the province reads of a period: each
 * unit's status and the rates, a report's figures beside the figures the
 * entries give now, and the locks approved reports put on entries. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-format.h"
#include "d8-reporting-private.h"
#include "d8-sql.h"
#include "d8-store-private.h"

/* Whether @unit exists on @date (its validity, docs/plan-format.md). */
static gboolean
unit_valid_on (const D8Unit *unit, const char *date)
{
  return (unit->valid_from == NULL || strcmp (unit->valid_from, date) <= 0)
         && (unit->valid_to == NULL || strcmp (unit->valid_to, date) >= 0);
}

D8PeriodSummary *
d8_store_period_summary (D8Store *self, const D8ReportingPeriod *period, const char *today,
                         GError **error)
{
  g_autoptr (D8PeriodSummary) summary = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GHashTable) by_unit = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  units = d8_store_list_units (self, period->plan_id, error);
  if (units == NULL)
    return NULL;
  reports = d8_store_list_unit_reports (self, period, error);
  if (reports == NULL)
    return NULL;
  for (guint i = 0; i < reports->len; i++)
    {
      D8UnitReport *r = reports->pdata[i];
      g_hash_table_insert (by_unit, &r->unit_id, r);
    }
  summary = g_new0 (D8PeriodSummary, 1);
  summary->period = d8_reporting_period_copy (period);
  summary->today = today ? g_strdup (today) : d8_store_today (self);
  summary->rows = d8_period_rows_new ();
  for (guint i = 0; i < units->len; i++)
    {
      D8Unit *unit = units->pdata[i];
      D8UnitReport *report = g_hash_table_lookup (by_unit, &unit->id);
      D8PeriodRow *row;

      /* A unit that did not exist when the period began is not expected
       * to report for it, unless it did. */
      if (report == NULL && !unit_valid_on (unit, period->start))
        continue;
      row = g_new0 (D8PeriodRow, 1);
      row->unit = g_steal_pointer (&units->pdata[i]);
      if (report != NULL)
        {
          g_hash_table_remove (by_unit, &unit->id);
          for (guint j = 0; j < reports->len; j++)
            if (reports->pdata[j] == report)
              row->report = g_ptr_array_steal_index (reports, j);
        }
      row->status = d8_period_status_for (period, row->report, summary->today);
      g_ptr_array_add (summary->rows, row);
    }
  d8_period_summary_count (summary);
  return g_steal_pointer (&summary);
}

GPtrArray *
d8_store_compare_report (D8Store *self, const D8UnitReport *report, GError **error)
{
  g_autoptr (D8Overview) overview = NULL;
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) d8_report_difference_free);
  int u;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  overview = d8_store_compute_overview (self, report->plan_id, report->cutoff, error);
  if (overview == NULL)
    return NULL;
  u = d8_overview_find_unit (overview, report->unit_id);
  for (guint i = 0; i < overview->indicators->len; i++)
    {
      const D8Indicator *ind = overview->indicators->pdata[i];
      const D8ReportFigure *f = d8_unit_report_figure (report, ind->id);
      const D8Cell *cell = u >= 0 ? d8_overview_cell (overview, (guint) u, i) : NULL;
      D8ReportDifference *d = g_new0 (D8ReportDifference, 1);

      d->indicator_id = ind->id;
      d->indicator_code = g_strdup (ind->code);
      d->reported_achieved = f ? f->achieved : 0;
      d->reported_group_size = f ? f->group_size : 0;
      d->now_achieved = cell ? cell->achieved : 0;
      d->now_group_size = cell ? cell->group_size : 0;
      d->difference = d->now_achieved - d->reported_achieved;
      d->differs = d->difference != 0 || d->now_group_size != d->reported_group_size;
      g_ptr_array_add (rows, d);
    }
  return g_steal_pointer (&rows);
}

D8UnitReport *
d8_store_find_lock (D8Store *self, gint64 plan_id, gint64 unit_id, const char *date,
                    GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  stmt = d8_sql_prepare (self->db,
                         "SELECT p.code FROM unit_reports r"
                         " JOIN reporting_periods p ON p.id = r.period_id"
                         " WHERE r.plan_id = ? AND r.unit_id = ? AND r.state = 'approved'"
                         " AND ? BETWEEN p.start AND p.end ORDER BY p.cutoff LIMIT 1",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      d8_sql_fail (self->db, error, _("The locks of approved reports could not be read."));
      return NULL;
    }
  return d8_store_find_report (self, plan_id, d8_sql_column_text (stmt, 0), unit_id, error);
}

void
d8_reporting_set_locked_error (GError **error, const D8UnitReport *report,
                               const D8ReportingPeriod *period)
{
  g_autofree char *start = d8_format_date (period->start);
  g_autofree char *end = d8_format_date (period->end);

  g_set_error (error, D8_ERROR, D8_ERROR_LOCKED,
               /* Translators: %s: a unit; %s: the period's title; %s – %s: its dates */
               _("Entries of %s dated %s – %s are locked by the approved report for %s; the "
                 "province must reopen it before they change."),
               report->unit_name, start, end, period->title);
}

gboolean
d8_store_check_unlocked (D8Store *self, gint64 plan_id, gint64 unit_id, const char *date,
                         GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (D8UnitReport) lock = NULL;
  g_autoptr (D8ReportingPeriod) period = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);

  if (date == NULL)
    return TRUE;
  lock = d8_store_find_lock (self, plan_id, unit_id, date, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (lock == NULL)
    return TRUE;
  period = d8_store_resolve_period (self, plan_id, lock->period_code, error);
  if (period == NULL)
    return FALSE;
  d8_reporting_set_locked_error (error, lock, period);
  return FALSE;
}
