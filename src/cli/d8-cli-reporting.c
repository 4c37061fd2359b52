/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-cli-reporting.c — the reporting cycle on the command line: the
 * plan's reporting periods, submitting and withdrawing a unit's report,
 * the province's status table with its rates, and its decisions (docs/cli.md,
 * "The reporting cycle"). The rules are the core's (d8-reporting.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-cli-private.h"
#include "d8-format.h"
#include "d8-reporting.h"

/* The --period option of @plan, required. */
static D8ReportingPeriod *
resolve_period (Cli *cli, const D8Plan *plan, GError **error)
{
  if (!d8_cli_require_option (cli, "period", error))
    return NULL;
  return d8_store_resolve_period (cli->store, plan->id, d8_cli_option_value (cli, "period"),
                                  error);
}

/* ---------------------------------------------------------------- periods */

static const D8CliColumn period_columns[] = {
  { "code", N_("Code"), D8_CLI_TEXT },
  { "title", N_("Reporting period"), D8_CLI_TEXT },
  { "start", N_("From"), D8_CLI_DATE },
  { "end", N_("To"), D8_CLI_DATE },
  { "cutoff", N_("Figures as of"), D8_CLI_DATE },
  { "unit_due", N_("Units report by"), D8_CLI_DATE },
  { "province_due", N_("Province reports by"), D8_CLI_DATE },
};

gboolean
d8_cli_cmd_periods (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8CliReport) report = NULL;
  D8CliTable *table;

  if ((plan = d8_cli_open_plan (cli, error)) == NULL)
    return FALSE;
  report = d8_cli_report_for_plan (plan);
  table = d8_cli_table_new ("periods", NULL, period_columns, G_N_ELEMENTS (period_columns));
  for (guint i = 0; plan->periods != NULL && i < plan->periods->len; i++)
    {
      const D8ReportingPeriod *p = plan->periods->pdata[i];

      d8_cli_table_add_row (table);
      d8_cli_table_set_text (table, "code", p->code);
      d8_cli_table_set_text (table, "title", p->title);
      d8_cli_table_set_text (table, "start", p->start);
      d8_cli_table_set_text (table, "end", p->end);
      d8_cli_table_set_text (table, "cutoff", p->cutoff);
      d8_cli_table_set_text (table, "unit_due", p->unit_due);
      d8_cli_table_set_text (table, "province_due", p->province_due);
    }
  d8_cli_report_add_table (report, table);
  d8_cli_write_report (cli, report);
  return TRUE;
}

/* ------------------------------------------------------- submit, withdraw */

static const D8CliColumn figure_columns[] = {
  { "indicator_code", N_("Indicator"), D8_CLI_TEXT },
  { "quota", N_("Quota"), D8_CLI_INT },
  { "achieved", N_("Achieved"), D8_CLI_INT },
  { "group_size", N_("Target group"), D8_CLI_INT },
  { "status", N_("Status"), D8_CLI_STATUS },
  { "reason", N_("Reason"), D8_CLI_TEXT },
};

/* The report's figures as a table, with its unit, period and times. */
static void
write_unit_report (Cli *cli, const D8Plan *plan, const D8UnitReport *r)
{
  g_autoptr (D8CliReport) report = d8_cli_report_for_plan (plan);
  g_autofree char *submission = g_strdup_printf ("%d", r->submission);
  g_autofree char *submitted = NULL;
  D8CliTable *table;

  d8_cli_report_add_text_field (report, "unit", N_("Unit"), D8_CLI_TEXT, r->unit_name);
  d8_cli_report_add_text_field (report, "period", N_("Reporting period"), D8_CLI_TEXT,
                                r->period_code);
  d8_cli_report_add_text_field (report, "submission", N_("Submission"), D8_CLI_TEXT, submission);
  d8_cli_report_add_text_field (report, "cutoff", N_("Figures as of"), D8_CLI_DATE, r->cutoff);
  /* People read the time of submission in local time and the UI's form;
   * CSV and JSON keep the ISO 8601 UTC stamp (docs/cli.md, "Output formats") */
  submitted = cli->format == D8_CLI_FORMAT_TABLE ? d8_format_timestamp (r->submitted_at)
                                                 : g_strdup (r->submitted_at);
  d8_cli_report_add_text_field (report, "submitted_at", N_("Submitted"), D8_CLI_TEXT,
                                submitted);
  table = d8_cli_table_new ("figures", NULL, figure_columns, G_N_ELEMENTS (figure_columns));
  for (guint i = 0; i < r->figures->len; i++)
    {
      const D8ReportFigure *f = r->figures->pdata[i];

      d8_cli_table_add_row (table);
      d8_cli_table_set_text (table, "indicator_code", f->indicator_code);
      if (f->has_quota)
        d8_cli_table_set_int (table, "quota", f->quota);
      d8_cli_table_set_int (table, "achieved", f->achieved);
      if (f->group_size > 0)
        d8_cli_table_set_int (table, "group_size", f->group_size);
      d8_cli_table_set_status (table, "status", f->status);
      if (f->reason != NULL)
        d8_cli_table_set_text (table, "reason", f->reason);
    }
  d8_cli_report_add_table (report, table);
  d8_cli_write_report (cli, report);
}

gboolean
d8_cli_cmd_submit_report (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8ReportingPeriod) period = NULL;
  g_autoptr (D8ReportNarrative) narrative = NULL;
  g_autoptr (D8UnitReport) report = NULL;
  const char *path = d8_cli_option_value (cli, "narrative");

  /* The narrative is read and checked before the database is opened. */
  if (!d8_cli_require_option (cli, "period", error))
    return FALSE;
  if (path != NULL)
    {
      g_autofree char *data = NULL;
      gsize length;

      if (!g_file_get_contents (path, &data, &length, error))
        return FALSE;
      if ((narrative = d8_report_narrative_parse (data, (gssize) length, path, error)) == NULL)
        return FALSE;
    }
  if (!d8_cli_require_option (cli, "period", error)
      || (plan = d8_cli_open_plan (cli, error)) == NULL
      || (period = resolve_period (cli, plan, error)) == NULL
      || (report = d8_store_submit_report (cli->store, period, narrative, error)) == NULL)
    return FALSE;
  write_unit_report (cli, plan, report);
  return TRUE;
}

gboolean
d8_cli_cmd_withdraw_report (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8ReportingPeriod) period = NULL;

  if (!d8_cli_require_option (cli, "period", error)
      || (plan = d8_cli_open_plan (cli, error)) == NULL
      || (period = resolve_period (cli, plan, error)) == NULL)
    return FALSE;
  return d8_store_withdraw_report (cli->store, period, error);
}

/* ----------------------------------------------------------------- reports */

static const D8CliColumn status_columns[] = {
  /* Translators: the row number of the plan's appendix (Vietnamese "TT") */
  { "position", N_("No."), D8_CLI_INT },
  { "unit", N_("Unit"), D8_CLI_TEXT },
  { "unit_code", N_("Unit code"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "status", N_("Status"), D8_CLI_PERIOD_STATUS },
  { "received", N_("Received"), D8_CLI_DATE },
  { "received_at", N_("Received at"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "on_time", N_("On time"), D8_CLI_BOOL },
  { "submission", N_("Submission"), D8_CLI_INT, D8_CLI_COLUMN_NO_TABLE },
  { "submitted_at", N_("Submitted at"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "decided_at", N_("Decided at"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "differences", N_("Differences"), D8_CLI_INT },
  { "reason", N_("Reason"), D8_CLI_TEXT },
};

static const D8CliColumn rate_columns[] = {
  { "expected", N_("Expected"), D8_CLI_INT },
  { "received", N_("Received"), D8_CLI_INT },
  { "on_time", N_("On time"), D8_CLI_INT },
  { "completeness", N_("Completeness"), D8_CLI_PERCENT },
  { "timeliness", N_("Timeliness"), D8_CLI_PERCENT },
};

/* At a unit office only its own units' rows: the province's bundles carry
 * to an office the reports and decisions of its own units, so every other
 * unit would show as missing and the rates would count them so. */
static gboolean
keep_office_rows (Cli *cli, D8PeriodSummary *summary, GError **error)
{
  const char *office = d8_store_get_office (cli->store);
  g_autoptr (GHashTable) own = NULL;

  if (g_str_equal (office, "province"))
    return TRUE;
  own = d8_store_office_units (cli->store, office, error);
  if (own == NULL)
    return FALSE;
  for (guint i = summary->rows->len; i-- > 0;)
    {
      const D8PeriodRow *row = summary->rows->pdata[i];

      if (!g_hash_table_contains (own, row->unit->code))
        g_ptr_array_remove_index (summary->rows, i);
    }
  d8_period_summary_count (summary);
  return TRUE;
}

gboolean
d8_cli_cmd_reports (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8ReportingPeriod) period = NULL;
  g_autoptr (D8PeriodSummary) summary = NULL;
  g_autoptr (D8CliReport) report = NULL;
  D8CliTable *table;

  if (!d8_cli_require_option (cli, "period", error)
      || (plan = d8_cli_open_plan (cli, error)) == NULL
      || (period = resolve_period (cli, plan, error)) == NULL
      || (summary = d8_store_period_summary (cli->store, period, NULL, error)) == NULL
      || !keep_office_rows (cli, summary, error))
    return FALSE;
  report = d8_cli_report_for_plan (plan);
  d8_cli_report_add_text_field (report, "period", N_("Reporting period"), D8_CLI_TEXT,
                                period->title);
  d8_cli_report_add_text_field (report, "unit_due", N_("Units report by"), D8_CLI_DATE,
                                period->unit_due);
  d8_cli_report_add_text_field (report, "today", N_("Status on"), D8_CLI_DATE, summary->today);
  table = d8_cli_table_new ("reports", NULL, status_columns, G_N_ELEMENTS (status_columns));
  for (guint i = 0; i < summary->rows->len; i++)
    {
      const D8PeriodRow *row = summary->rows->pdata[i];
      const D8UnitReport *r = row->report;

      d8_cli_table_add_row (table);
      if (row->unit->position > 0)
        d8_cli_table_set_int (table, "position", row->unit->position);
      d8_cli_table_set_text (table, "unit", row->unit->name);
      d8_cli_table_set_text (table, "unit_code", row->unit->code);
      d8_cli_table_set_period_status (table, "status", row->status);
      if (r == NULL)
        continue;
      if (r->received_at != NULL)
        {
          g_autofree char *day = d8_reporting_local_date (r->received_at);

          d8_cli_table_set_text (table, "received", day);
          d8_cli_table_set_text (table, "received_at", r->received_at);
        }
      if (d8_period_status_is_received (row->status))
        d8_cli_table_set_bool (table, "on_time", row->on_time);
      d8_cli_table_set_int (table, "submission", r->submission);
      d8_cli_table_set_text (table, "submitted_at", r->submitted_at);
      if (r->decided_at != NULL)
        d8_cli_table_set_text (table, "decided_at", r->decided_at);
      switch (r->state)
        {
        case D8_REPORT_STATE_RETURNED:
          d8_cli_table_set_text (table, "reason", r->decision_reason);
          break;
        case D8_REPORT_STATE_REOPENED:
          d8_cli_table_set_text (table, "reason", r->reopen_reason);
          break;
        case D8_REPORT_STATE_SUBMITTED:
        case D8_REPORT_STATE_WITHDRAWN:
        case D8_REPORT_STATE_APPROVED:
          break;
        }
      if (r->state != D8_REPORT_STATE_WITHDRAWN)
        {
          g_autoptr (GPtrArray) diffs = d8_store_compare_report (cli->store, r, error);
          gint64 n = 0;

          if (diffs == NULL)
            return FALSE;
          for (guint k = 0; k < diffs->len; k++)
            n += ((D8ReportDifference *) diffs->pdata[k])->differs;
          d8_cli_table_set_int (table, "differences", n);
        }
    }
  d8_cli_report_add_table (report, table);
  table = d8_cli_table_new ("rates", NULL, rate_columns, G_N_ELEMENTS (rate_columns));
  d8_cli_table_add_row (table);
  d8_cli_table_set_int (table, "expected", summary->expected);
  d8_cli_table_set_int (table, "received", summary->received);
  d8_cli_table_set_int (table, "on_time", summary->on_time);
  d8_cli_table_set_double (table, "completeness", summary->completeness);
  d8_cli_table_set_double (table, "timeliness", summary->timeliness);
  d8_cli_report_add_table (report, table);
  d8_cli_write_report (cli, report);
  return TRUE;
}

/* --------------------------------------------------------------- decisions */

typedef enum
{
  DECISION_APPROVE,
  DECISION_RETURN,
  DECISION_REOPEN,
} Decision;

static gboolean
decide (Cli *cli, Decision decision, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8ReportingPeriod) period = NULL;
  g_autoptr (D8Unit) unit = NULL;
  const char *reason = d8_cli_option_value (cli, "reason");

  switch (decision)
    {
    case DECISION_RETURN:
    case DECISION_REOPEN:
      if (!d8_cli_require_option (cli, "reason", error))
        return FALSE;
      break;
    case DECISION_APPROVE:
      break;
    }
  if (!d8_cli_require_option (cli, "unit", error)
      || !d8_cli_require_option (cli, "period", error)
      || (plan = d8_cli_open_plan (cli, error)) == NULL
      || (period = resolve_period (cli, plan, error)) == NULL
      || (unit = d8_cli_resolve_unit (cli, plan, d8_cli_option_value (cli, "unit"), error)) == NULL)
    return FALSE;
  switch (decision)
    {
    case DECISION_APPROVE:
      return d8_store_approve_report (cli->store, period, unit->id, error);
    case DECISION_RETURN:
      return d8_store_return_report (cli->store, period, unit->id, reason, error);
    case DECISION_REOPEN:
      return d8_store_reopen_report (cli->store, period, unit->id, reason, error);
    }
  g_return_val_if_reached (FALSE);
}

gboolean
d8_cli_cmd_approve (Cli *cli, GError **error)
{
  return decide (cli, DECISION_APPROVE, error);
}

gboolean
d8_cli_cmd_return (Cli *cli, GError **error)
{
  return decide (cli, DECISION_RETURN, error);
}

gboolean
d8_cli_cmd_reopen (Cli *cli, GError **error)
{
  return decide (cli, DECISION_REOPEN, error);
}
