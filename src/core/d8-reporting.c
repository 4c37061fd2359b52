/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-reporting.c — the reporting cycle's rules that need no database: the
 * report states, the status of a unit for a period (word, colour role,
 * print pattern, decided once here), the rates, and the narrative file.
 * See d8-reporting.h and docs/reporting.md. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "d8-entry.h"
#include "d8-error.h"
#include "d8-reporting-private.h"
#include "d8-text.h"

/* ------------------------------------------------------------------ frees */

D8ReportNarrative *
d8_report_narrative_new (void)
{
  D8ReportNarrative *narrative = g_new0 (D8ReportNarrative, 1);

  narrative->reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return narrative;
}

void
d8_report_narrative_free (D8ReportNarrative *narrative)
{
  if (narrative == NULL)
    return;
  g_free (narrative->results);
  g_free (narrative->difficulties);
  g_free (narrative->proposals);
  g_clear_pointer (&narrative->reasons, g_hash_table_unref);
  g_free (narrative);
}

void
d8_report_figure_free (D8ReportFigure *figure)
{
  if (figure == NULL)
    return;
  g_free (figure->indicator_code);
  g_free (figure->reason);
  g_free (figure);
}

void
d8_unit_report_free (D8UnitReport *report)
{
  if (report == NULL)
    return;
  g_free (report->period_code);
  g_free (report->unit_code);
  g_free (report->unit_name);
  g_free (report->cutoff);
  g_clear_pointer (&report->figures, g_ptr_array_unref);
  d8_report_narrative_free (report->narrative);
  g_free (report->submitted_at);
  g_free (report->received_at);
  g_free (report->decided_at);
  g_free (report->decision_reason);
  g_free (report->reopen_reason);
  g_free (report->updated_at);
  g_free (report);
}

void
d8_report_event_free (D8ReportEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->at);
  g_free (event->office);
  g_free (event->action);
  g_free (event->reason);
  g_free (event);
}

void
d8_report_difference_free (D8ReportDifference *difference)
{
  if (difference == NULL)
    return;
  g_free (difference->indicator_code);
  g_free (difference);
}

static void
period_row_free (D8PeriodRow *row)
{
  d8_unit_free (row->unit);
  d8_unit_report_free (row->report);
  g_free (row);
}

void
d8_period_summary_free (D8PeriodSummary *summary)
{
  if (summary == NULL)
    return;
  d8_reporting_period_free (summary->period);
  g_free (summary->today);
  g_clear_pointer (&summary->rows, g_ptr_array_unref);
  g_free (summary);
}

/* Used by d8-store-report-status.c to fill a summary's rows. */
GPtrArray *
d8_period_rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) period_row_free);
}

/**
 * d8_unit_report_figure:
 * @report: a report
 * @indicator_id: an indicator of its plan
 *
 * Returns: (transfer none) (nullable): the report's figure for the indicator.
 */
const D8ReportFigure *
d8_unit_report_figure (const D8UnitReport *report, gint64 indicator_id)
{
  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; report->figures != NULL && i < report->figures->len; i++)
    {
      const D8ReportFigure *figure = report->figures->pdata[i];
      if (figure->indicator_id == indicator_id)
        return figure;
    }
  return NULL;
}

/**
 * d8_plan_period_for_date:
 * @plan: a plan with its periods
 * @date: an ISO date
 *
 * Returns: (transfer none) (nullable): the period holding @date with the
 *   earliest cut-off, NULL when none holds it.
 */
const D8ReportingPeriod *
d8_plan_period_for_date (const D8Plan *plan, const char *date)
{
  const D8ReportingPeriod *best = NULL;

  g_return_val_if_fail (plan != NULL && date != NULL, NULL);

  for (guint i = 0; plan->periods != NULL && i < plan->periods->len; i++)
    {
      const D8ReportingPeriod *p = plan->periods->pdata[i];

      if (strcmp (date, p->start) >= 0 && strcmp (date, p->end) <= 0
          && (best == NULL || strcmp (p->cutoff, best->cutoff) < 0))
        best = p;
    }
  return best;
}

/* ----------------------------------------------------------------- states */

static const char *const state_names[] = {
  [D8_REPORT_STATE_SUBMITTED] = "submitted",
  [D8_REPORT_STATE_WITHDRAWN] = "withdrawn",
  [D8_REPORT_STATE_RETURNED] = "returned",
  [D8_REPORT_STATE_APPROVED] = "approved",
  [D8_REPORT_STATE_REOPENED] = "reopened",
};

const char *
d8_report_state_to_string (D8ReportState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), "submitted");
  return state_names[state];
}

gboolean
d8_report_state_from_string (const char *text, D8ReportState *state)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (state_names); i++)
    if (g_str_equal (text, state_names[i]))
      {
        *state = (D8ReportState) i;
        return TRUE;
      }
  return FALSE;
}

/* --------------------------------------------------------------- statuses */

/* The status vocabulary of the reporting cycle, decided once
 * (docs/reporting.md, "Statuses"). Indexed by D8PeriodStatus. */
static const struct
{
  const char *name;
  const char *word;
  D8StatusRole role;
  D8StatusPattern pattern;
  gboolean received;
} period_statuses[] = {
  [D8_PERIOD_STATUS_NOT_DUE] = { "not-due", N_("Not yet due"), D8_STATUS_ROLE_MUTED,
                                 D8_STATUS_PATTERN_FAINT_OUTLINE, FALSE },
  [D8_PERIOD_STATUS_MISSING] = { "missing", N_("Missing"), D8_STATUS_ROLE_ALERT,
                                 D8_STATUS_PATTERN_CROSS_HATCH, FALSE },
  [D8_PERIOD_STATUS_ON_TIME] = { "on-time", N_("Received on time"), D8_STATUS_ROLE_PROGRESS,
                                 D8_STATUS_PATTERN_HATCH, TRUE },
  [D8_PERIOD_STATUS_LATE] = { "late", N_("Received late"), D8_STATUS_ROLE_ALERT,
                              D8_STATUS_PATTERN_HATCH, TRUE },
  [D8_PERIOD_STATUS_RETURNED] = { "returned", N_("Returned"), D8_STATUS_ROLE_ALERT,
                                  D8_STATUS_PATTERN_DASHED_OUTLINE, TRUE },
  [D8_PERIOD_STATUS_APPROVED] = { "approved", N_("Approved"), D8_STATUS_ROLE_SUCCESS,
                                  D8_STATUS_PATTERN_SOLID, TRUE },
  [D8_PERIOD_STATUS_REOPENED] = { "reopened", N_("Reopened"), D8_STATUS_ROLE_NEUTRAL,
                                  D8_STATUS_PATTERN_DASHED_OUTLINE, TRUE },
  [D8_PERIOD_STATUS_WITHDRAWN] = { "withdrawn", N_("Withdrawn"), D8_STATUS_ROLE_NEUTRAL,
                                   D8_STATUS_PATTERN_DASHED_OUTLINE, FALSE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (period_statuses) == D8_PERIOD_STATUS_N);

const char *
d8_period_status_to_string (D8PeriodStatus status)
{
  g_return_val_if_fail ((guint) status < D8_PERIOD_STATUS_N, "unknown");
  return period_statuses[status].name;
}

const char *
d8_period_status_to_label (D8PeriodStatus status)
{
  g_return_val_if_fail ((guint) status < D8_PERIOD_STATUS_N, "");
  return _(period_statuses[status].word);
}

D8StatusRole
d8_period_status_role (D8PeriodStatus status)
{
  g_return_val_if_fail ((guint) status < D8_PERIOD_STATUS_N, D8_STATUS_ROLE_MUTED);
  return period_statuses[status].role;
}

D8StatusPattern
d8_period_status_pattern (D8PeriodStatus status)
{
  g_return_val_if_fail ((guint) status < D8_PERIOD_STATUS_N, D8_STATUS_PATTERN_FAINT_OUTLINE);
  return period_statuses[status].pattern;
}

gboolean
d8_period_status_is_received (D8PeriodStatus status)
{
  g_return_val_if_fail ((guint) status < D8_PERIOD_STATUS_N, FALSE);
  return period_statuses[status].received;
}

char *
d8_reporting_local_date (const char *stamp)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (stamp, NULL);
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strndup (stamp, 10);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d");
}

/* Whether @report arrived on or before the due date of @period. */
static gboolean
report_on_time (const D8ReportingPeriod *period, const D8UnitReport *report)
{
  const char *stamp = report->received_at ? report->received_at : report->submitted_at;
  g_autofree char *day = NULL;

  if (stamp == NULL)
    return FALSE;
  day = d8_reporting_local_date (stamp);
  return strcmp (day, period->unit_due) <= 0;
}

D8PeriodStatus
d8_period_status_for (const D8ReportingPeriod *period, const D8UnitReport *report,
                      const char *today)
{
  gboolean due_passed;

  g_return_val_if_fail (period != NULL && today != NULL, D8_PERIOD_STATUS_NOT_DUE);

  due_passed = strcmp (today, period->unit_due) > 0;
  if (report == NULL)
    return due_passed ? D8_PERIOD_STATUS_MISSING : D8_PERIOD_STATUS_NOT_DUE;
  switch (report->state)
    {
    case D8_REPORT_STATE_SUBMITTED:
      return report_on_time (period, report) ? D8_PERIOD_STATUS_ON_TIME : D8_PERIOD_STATUS_LATE;
    case D8_REPORT_STATE_WITHDRAWN:
      return due_passed ? D8_PERIOD_STATUS_MISSING : D8_PERIOD_STATUS_WITHDRAWN;
    case D8_REPORT_STATE_RETURNED:
      return D8_PERIOD_STATUS_RETURNED;
    case D8_REPORT_STATE_APPROVED:
      return D8_PERIOD_STATUS_APPROVED;
    case D8_REPORT_STATE_REOPENED:
      return D8_PERIOD_STATUS_REOPENED;
    }
  g_return_val_if_reached (D8_PERIOD_STATUS_NOT_DUE);
}

/**
 * d8_period_summary_count:
 * @summary: a summary whose rows are filled
 *
 * expected = rows; received = rows whose status counts as received
 * (d8_period_status_is_received()); on time = received rows whose first
 * receipt was on or before the unit due date. DHIS2's reporting rate and
 * timely reporting rate are defined the same way.
 */
void
d8_period_summary_count (D8PeriodSummary *summary)
{
  g_return_if_fail (summary != NULL);

  summary->expected = summary->rows->len;
  summary->received = 0;
  summary->on_time = 0;
  for (guint i = 0; i < summary->rows->len; i++)
    {
      D8PeriodRow *row = summary->rows->pdata[i];

      row->on_time = FALSE;
      if (!d8_period_status_is_received (row->status) || row->report == NULL)
        continue;
      summary->received++;
      if (report_on_time (summary->period, row->report))
        {
          row->on_time = TRUE;
          summary->on_time++;
        }
    }
  summary->completeness = summary->expected > 0
    ? (double) summary->received / summary->expected : NAN;
  summary->timeliness = summary->expected > 0
    ? (double) summary->on_time / summary->expected : NAN;
}

/* -------------------------------------------------------------- narrative */

static gboolean G_GNUC_PRINTF (4, 5)
narrative_fail (GError **error, const char *source, const char *where, const char *format, ...)
{
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: narrative file error: file name, line or field, problem */
  message = g_strdup_printf (_("%s: %s: %s"), source, where, what);
  g_set_error_literal (error, D8_ERROR, D8_ERROR_INVALID, message);
  return FALSE;
}

/* Sets *@slot to @text normalised; the error names @where. */
static gboolean
narrative_set (char **slot, const char *text, const char *source, const char *where,
               GError **error)
{
  g_autoptr (GError) local_error = NULL;
  char *normalized = NULL;

  if (!d8_entry_normalize_text (text, &normalized, &local_error))
    return narrative_fail (error, source, where, "%s", local_error->message);
  g_free (*slot);
  *slot = normalized;
  return TRUE;
}

static gboolean
narrative_from_json (D8ReportNarrative *narrative, JsonNode *root, const char *source,
                     GError **error)
{
  static const char *const parts[] = { "results", "difficulties", "proposals" };
  char **slots[] = { &narrative->results, &narrative->difficulties, &narrative->proposals };
  JsonObject *obj;
  g_autoptr (GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return narrative_fail (error, source, _("file"), _("the document is not a JSON object"));
  obj = json_node_get_object (root);
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (obj, name);
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (g_str_equal (name, parts[i]))
          {
            known = TRUE;
            if (JSON_NODE_HOLDS_NULL (node))
              break;
            if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
              return narrative_fail (error, source, name, _("expected text"));
            if (!narrative_set (slots[i], json_node_get_string (node), source, name, error))
              return FALSE;
          }
      if (known)
        continue;
      if (g_str_equal (name, "reasons"))
        {
          JsonObject *reasons;
          g_autoptr (GList) codes = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return narrative_fail (error, source, name, _("expected an object"));
          reasons = json_node_get_object (node);
          codes = json_object_get_members (reasons);
          for (GList *c = codes; c != NULL; c = c->next)
            {
              JsonNode *r = json_object_get_member (reasons, c->data);
              g_autofree char *where = g_strdup_printf ("reasons.%s", (char *) c->data);
              char *text = NULL;

              if (!JSON_NODE_HOLDS_VALUE (r) || json_node_get_value_type (r) != G_TYPE_STRING)
                return narrative_fail (error, source, where, _("expected text"));
              if (!narrative_set (&text, json_node_get_string (r), source, where, error))
                return FALSE;
              /* Codes as the text form reads them: "sm" is "SM". */
              if (text != NULL)
                g_hash_table_replace (narrative->reasons, g_ascii_strup (c->data, -1), text);
            }
          continue;
        }
      return narrative_fail (error, source, name,
                             _("unknown member (expected results, difficulties, proposals, "
                               "reasons)"));
    }
  return TRUE;
}

/* A heading line of the text form: "# Results", "# Kết quả", "# Reason 3",
 * "# Lý do 3" (case- and diacritics-insensitive). Sets @part (0 results,
 * 1 difficulties, 2 proposals, 3 a reason) and @code for a reason. */
static gboolean
parse_heading (const char *line, int *part, char **code)
{
  g_autofree char *folded = NULL;
  const char *rest;

  if (line[0] != '#')
    return FALSE;
  folded = d8_text_fold (line + 1);
  g_strstrip (folded);
  *code = NULL;
  if (g_str_equal (folded, "results") || g_str_equal (folded, "ket qua"))
    *part = 0;
  else if (g_str_equal (folded, "difficulties") || g_str_equal (folded, "kho khan"))
    *part = 1;
  else if (g_str_equal (folded, "proposals") || g_str_equal (folded, "de xuat")
           || g_str_equal (folded, "kien nghi"))
    *part = 2;
  else if ((rest = g_str_has_prefix (folded, "reason ") ? folded + 7
                   : g_str_has_prefix (folded, "ly do ") ? folded + 6 : NULL) != NULL)
    {
      *part = 3;
      *code = g_strstrip (g_ascii_strup (rest, -1));
    }
  else
    return FALSE;
  return TRUE;
}

/* Keeps the part read so far (@part, @code, @body) in @narrative. */
static gboolean
narrative_keep (D8ReportNarrative *narrative, int part, char **code, GString *body,
                const char *source, const char *where, GError **error)
{
  char *reason = NULL;

  switch (part)
    {
    case 0:
      return narrative_set (&narrative->results, body->str, source, where, error);
    case 1:
      return narrative_set (&narrative->difficulties, body->str, source, where, error);
    case 2:
      return narrative_set (&narrative->proposals, body->str, source, where, error);
    default:
      break;
    }
  if (!narrative_set (&reason, body->str, source, where, error))
    return FALSE;
  if (reason != NULL)
    g_hash_table_replace (narrative->reasons, g_steal_pointer (code), reason);
  return TRUE;
}

static gboolean
narrative_from_text (D8ReportNarrative *narrative, const char *data, const char *source,
                     GError **error)
{
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *code = NULL;
  g_autofree char *where = NULL;
  int part = -1;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line_no = g_strdup_printf (_("line %u"), i + 1);
      g_autofree char *next_code = NULL;
      int next_part = -1;

      if (!parse_heading (lines[i], &next_part, &next_code))
        {
          g_autofree char *copy = g_strchomp (g_strdup (lines[i]));

          if (lines[i][0] == '#')
            return narrative_fail (error, source, line_no,
                                   _("unknown heading (expected “# Results”, “# Difficulties”, "
                                     "“# Proposals” or “# Reason CODE”)"));
          if (part < 0)
            {
              if (*g_strstrip (copy) == '\0')
                continue;
              return narrative_fail (error, source, line_no,
                                     _("text before the first heading (expected “# Results”, "
                                       "“# Difficulties”, “# Proposals” or “# Reason CODE”)"));
            }
          g_string_append (body, copy);
          g_string_append_c (body, '\n');
          continue;
        }
      if (part >= 0 && !narrative_keep (narrative, part, &code, body, source, where, error))
        return FALSE;
      part = next_part;
      g_free (code);
      code = g_steal_pointer (&next_code);
      g_free (where);
      where = g_steal_pointer (&line_no);
      g_string_truncate (body, 0);
    }
  if (part >= 0 && !narrative_keep (narrative, part, &code, body, source, where, error))
    return FALSE;
  return TRUE;
}

D8ReportNarrative *
d8_report_narrative_parse (const char *data, gssize length, const char *source_name,
                           GError **error)
{
  g_autoptr (D8ReportNarrative) narrative = d8_report_narrative_new ();
  g_autofree char *text = NULL;
  const char *source = source_name ? source_name : _("narrative");
  const char *p;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if (!g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) != NULL)
    {
      narrative_fail (error, source, _("file"), _("the file is not valid UTF-8 text"));
      return NULL;
    }
  text = g_strndup (data, length);
  /* A UTF-8 byte order mark (Notepad writes one) is not text. */
  p = g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '{')
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) local_error = NULL;

      if (!json_parser_load_from_data (parser, p, -1, &local_error))
        {
          narrative_fail (error, source, _("file"), _("not valid JSON: %s"),
                          local_error->message);
          return NULL;
        }
      if (!narrative_from_json (narrative, json_parser_get_root (parser), source, error))
        return NULL;
    }
  else
    {
      g_autofree char *unix_text = NULL;
      g_auto (GStrv) parts = g_strsplit (p, "\r\n", -1);

      unix_text = g_strjoinv ("\n", parts);
      if (!narrative_from_text (narrative, unix_text, source, error))
        return NULL;
    }
  return g_steal_pointer (&narrative);
}

/**
 * d8_plan_periods_to_json:
 * @b: a builder inside a plan document's object
 * @periods: (nullable) (element-type D8ReportingPeriod): the plan's periods
 *
 * Writes the member "reporting" of a plan file (docs/plan-format.md) when
 * there is at least one period; the plan export and the province's bundle
 * both write it so the schedule travels with the plan.
 */
void
d8_plan_periods_to_json (JsonBuilder *b, GPtrArray *periods)
{
  if (periods == NULL || periods->len == 0)
    return;
  json_builder_set_member_name (b, "reporting");
  json_builder_begin_array (b);
  for (guint i = 0; i < periods->len; i++)
    {
      const D8ReportingPeriod *p = periods->pdata[i];
      const struct
      {
        const char *name, *value;
      } members[] = { { "code", p->code },         { "title", p->title },
                      { "start", p->start },       { "end", p->end },
                      { "cutoff", p->cutoff },     { "unit_due", p->unit_due },
                      { "province_due", p->province_due } };

      json_builder_begin_object (b);
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          json_builder_set_member_name (b, members[m].name);
          json_builder_add_string_value (b, members[m].value);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}
