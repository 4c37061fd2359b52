/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-official-report-store.c — what the official report reads from the
 * store: who issues and signs it (settings in the meta table, shared by
 * the window's Preferences and duan8-cli), the period, the figures as of
 * its cut-off and the units' narratives (d8-official-report.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-entry.h"
#include "d8-error.h"
#include "d8-format.h"
#include "d8-official-report.h"
#include "d8-reporting.h"
#include "d8-rollup.h"
#include "d8-store-private.h"
#include "d8-text.h"

/* --------------------------------------------------------------- settings */

/* The meta keys of the settings, in the order of the struct's fields. */
#define N_SETTINGS 8
static const char *const setting_keys[N_SETTINGS] = {
  "report.issuer-parent", "report.issuer",       "report.symbol",      "report.place",
  "report.signer-capacity", "report.signer-title", "report.signer-name", "report.recipients",
};

static char **
setting_field (D8ReportSettings *settings, guint i)
{
  char **fields[N_SETTINGS] = {
    &settings->issuer_parent, &settings->issuer,       &settings->symbol,
    &settings->place,         &settings->signer_capacity, &settings->signer_title,
    &settings->signer_name,   &settings->recipients,
  };
  return fields[i];
}

/* The name of a setting in messages, as Preferences shows it. */
static const char *
setting_label (guint i)
{
  const char *labels[N_SETTINGS] = {
    N_("Superior body"), N_("Issuing body"), N_("Document symbol"), N_("Place"),
    N_("Signing capacity"), N_("Signer’s title"), N_("Signer’s name"), N_("Recipients"),
  };
  return _(labels[i]);
}

void
d8_report_settings_free (D8ReportSettings *settings)
{
  if (settings == NULL)
    return;
  for (guint i = 0; i < N_SETTINGS; i++)
    g_free (*setting_field (settings, i));
  g_free (settings);
}

/* The province the plan's units belong to: the parent most of them share. */
static char *
province_name (D8Store *self, gint64 plan_id)
{
  g_autoptr (GPtrArray) parents = NULL;

  if (plan_id <= 0 || (parents = d8_store_list_parent_units (self, plan_id, NULL)) == NULL)
    return NULL;
  for (guint i = 0; i < parents->len; i++)
    {
      const D8Unit *parent = parents->pdata[i];
      if (parent->level != NULL && g_str_equal (parent->level, "province"))
        return g_strdup (parent->name);
    }
  return NULL;
}

static void
fill_defaults (D8Store *self, gint64 plan_id, D8ReportSettings *settings)
{
  g_autofree char *province = province_name (self, plan_id);

  if (settings->issuer_parent == NULL)
    settings->issuer_parent = g_strdup ("");
  if (settings->issuer == NULL)
    {
      g_autofree char *upper = province ? g_utf8_strup (province, -1) : NULL;
      settings->issuer = upper
                           /* Translators: the issuing body of the report, in
                              capitals; the province's name in capitals */
                           ? g_strdup_printf (_("PROVINCIAL WOMEN’S UNION OF %s"), upper)
                           : g_strdup (_("PROVINCIAL WOMEN’S UNION"));
    }
  if (settings->symbol == NULL)
    /* The symbol of a report of a provincial Women's Union (Decree 30,
     * appendix III: kind "BC", the body's abbreviation). */
    settings->symbol = g_strdup ("BC-HPN");
  if (settings->place == NULL)
    settings->place = g_strdup (province ? province : "");
  if (settings->signer_capacity == NULL)
    /* Translators: the capacity in which the report is signed, capitals */
    settings->signer_capacity = g_strdup (_("ON BEHALF OF THE STANDING COMMITTEE"));
  if (settings->signer_title == NULL)
    /* Translators: the signer's title, capitals */
    settings->signer_title = g_strdup (_("PRESIDENT"));
  if (settings->signer_name == NULL)
    settings->signer_name = g_strdup ("");
  if (settings->recipients == NULL)
    settings->recipients = g_strjoin ("\n",
                                      _("- Provincial People’s Committee (to report);"),
                                      _("- Central Women’s Union (to report);"),
                                      _("- Standing members of the provincial Women’s Union;"),
                                      _("- Filed: records office."), NULL);
}

D8ReportSettings *
d8_store_get_report_settings_stored (D8Store *self, GError **error)
{
  D8ReportSettings *settings = g_new0 (D8ReportSettings, 1);

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  /* meta_get reads NULL for a setting never written (and on a read
   * failure, which the next write reports) */
  for (guint i = 0; i < N_SETTINGS; i++)
    *setting_field (settings, i) = d8_store_meta_get (self, setting_keys[i]);
  (void) error;
  return settings;
}

D8ReportSettings *
d8_store_get_report_settings (D8Store *self, gint64 plan_id, GError **error)
{
  D8ReportSettings *settings;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  if ((settings = d8_store_get_report_settings_stored (self, error)) != NULL)
    fill_defaults (self, plan_id, settings);
  return settings;
}

typedef struct
{
  char *v[N_SETTINGS];
} Values;

static void
values_clear (Values *values)
{
  for (guint i = 0; i < N_SETTINGS; i++)
    g_clear_pointer (&values->v[i], g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

/* Writes (or, for NULL, deletes) every setting; the caller holds the
 * transaction. */
static gboolean
write_settings (D8Store *self, const Values *values, GError **error)
{
  sqlite3 *db = d8_store_get_db (self);

  for (guint i = 0; i < N_SETTINGS; i++)
    {
      g_autoptr (D8SqlStmt) stmt = NULL;

      if (values->v[i] != NULL)
        {
          if (!d8_store_meta_set (self, setting_keys[i], values->v[i], error))
            return FALSE;
          continue;
        }
      if ((stmt = d8_sql_prepare (db, "DELETE FROM meta WHERE key = ?", error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, setting_keys[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return d8_sql_fail (db, error, _("A setting could not be saved."));
    }
  return TRUE;
}

gboolean
d8_store_set_report_settings (D8Store *self, const D8ReportSettings *settings, GError **error)
{
  g_auto (Values) values = { { NULL } };

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  /* Check everything before writing anything. */
  for (guint i = 0; i < N_SETTINGS; i++)
    {
      const char *value = *setting_field ((D8ReportSettings *) settings, i);

      if (value == NULL)
        continue;
      if ((values.v[i] = d8_text_normalize (value, setting_label (i), error)) == NULL)
        return FALSE;
      if (g_utf8_strlen (values.v[i], -1) > D8_ENTRY_TEXT_MAX)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       /* Translators: a setting's name, the limit */
                       _("%s: longer than %d characters"), setting_label (i), D8_ENTRY_TEXT_MAX);
          return FALSE;
        }
    }
  if (!d8_store_begin (self, error))
    return FALSE;
  if (!write_settings (self, &values, error))
    {
      d8_store_rollback (self);
      return FALSE;
    }
  return d8_store_commit (self, error);
}

/* ----------------------------------------------------------------- gather */

/* Whose narrative the province compiles: reports it holds and has not sent
 * back — submitted (on time or late), approved, or reopened and not yet
 * sent again. A returned or withdrawn report speaks for nobody. */
static gboolean
narrative_counts (const D8UnitReport *report)
{
  switch (report->state)
    {
    case D8_REPORT_STATE_SUBMITTED:
    case D8_REPORT_STATE_APPROVED:
    case D8_REPORT_STATE_REOPENED:
      return TRUE;
    case D8_REPORT_STATE_WITHDRAWN:
    case D8_REPORT_STATE_RETURNED:
      return FALSE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

static D8OfficialNarrative *
narrative_from_report (const D8UnitReport *report)
{
  D8OfficialNarrative *n = d8_official_narrative_new (report->unit_id);
  GHashTableIter iter;
  gpointer code, reason;

  if (report->narrative != NULL)
    {
      n->results = g_strdup (report->narrative->results);
      n->difficulties = g_strdup (report->narrative->difficulties);
      n->proposals = g_strdup (report->narrative->proposals);
      g_hash_table_iter_init (&iter, report->narrative->reasons);
      while (g_hash_table_iter_next (&iter, &code, &reason))
        g_hash_table_insert (n->reasons, g_strdup (code), g_strdup (reason));
    }
  /* a reason frozen with a figure counts too */
  for (guint i = 0; report->figures != NULL && i < report->figures->len; i++)
    {
      const D8ReportFigure *figure = report->figures->pdata[i];
      if (figure->reason != NULL && figure->indicator_code != NULL
          && !g_hash_table_contains (n->reasons, figure->indicator_code))
        g_hash_table_insert (n->reasons, g_strdup (figure->indicator_code),
                             g_strdup (figure->reason));
    }
  return n;
}

/* The sheet of who reported: every unit, its status for the period, when
 * its report arrived, and the rates (d8-reporting.h, "Rates"). */
static D8Table *
build_completeness (const D8PeriodSummary *summary)
{
  const char *head[] = { _("No."), _("Unit"), _("Status"), _("Received"), _("On time") };
  D8Table *table = d8_table_new (_("Who reported"), G_N_ELEMENTS (head));
  const double widths[] = { 5, 22, 16, 18, 10 };
  guint row;

  memcpy (table->widths, widths, sizeof widths);
  table->title = g_strdup_printf ("%s — %s", summary->period->title, _("who reported"));
  d8_table_add_header (table, head);
  for (guint i = 0; i < summary->rows->len; i++)
    {
      const D8PeriodRow *r = summary->rows->pdata[i];
      const char *received = r->report ? r->report->received_at : NULL;

      row = d8_table_add_row (table);
      if (r->unit->position > 0)
        d8_table_set_count (table, row, 0, r->unit->position);
      d8_table_set_text (table, row, 1, r->unit->name);
      d8_table_set_text (table, row, 2, d8_period_status_to_label (r->status));
      if (received != NULL && d8_period_status_is_received (r->status))
        {
          g_autofree char *when = d8_format_timestamp (received);
          d8_table_set_text (table, row, 3, when);
          d8_table_set_text (table, row, 4, r->on_time ? _("yes") : _("no"));
        }
    }
  row = d8_table_add_row (table);
  d8_table_set_text (table, row, 1, _("Units expected to report"));
  d8_table_set_count (table, row, 2, summary->expected);
  d8_table_set_row_bold (table, row, TRUE);
  row = d8_table_add_row (table);
  d8_table_set_text (table, row, 1, _("Reports received"));
  d8_table_set_count (table, row, 2, summary->received);
  d8_table_set_percent (table, row, 3, summary->completeness);
  d8_table_set_row_bold (table, row, TRUE);
  row = d8_table_add_row (table);
  d8_table_set_text (table, row, 1, _("Reports received on time"));
  d8_table_set_count (table, row, 2, summary->on_time);
  d8_table_set_percent (table, row, 3, summary->timeliness);
  d8_table_set_row_bold (table, row, TRUE);
  return table;
}

/* "By 15/06/2023, 14 of the 15 units had reported (93,3 %), 12 on time
 * (80,0 %); not received: Ia Grai." */
static char *
describe_completeness (const D8PeriodSummary *summary, const char *today)
{
  g_autoptr (GString) missing = g_string_new (NULL);
  g_autofree char *date = d8_format_date (today);
  g_autofree char *received = d8_format_count (summary->received);
  g_autofree char *expected = d8_format_count (summary->expected);
  g_autofree char *on_time = d8_format_count (summary->on_time);
  g_autofree char *rate = d8_format_percent (summary->completeness, 1);
  g_autofree char *timely = d8_format_percent (summary->timeliness, 1);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out,
                          /* Translators: the date, units that reported, units
                             expected, the rate, units on time, that rate */
                          ngettext ("By %1$s, %2$s of the %3$s unit had reported (%4$s), %5$s "
                                    "on time (%6$s).",
                                    "By %1$s, %2$s of the %3$s units had reported (%4$s), %5$s "
                                    "on time (%6$s).",
                                    summary->expected),
                          date, received, expected, rate, on_time, timely);
  for (guint i = 0; i < summary->rows->len; i++)
    {
      const D8PeriodRow *r = summary->rows->pdata[i];
      if (d8_period_status_is_received (r->status))
        continue;
      if (missing->len > 0)
        g_string_append (missing, ", ");
      g_string_append (missing, r->unit->name);
    }
  if (missing->len > 0)
    {
      g_string_append_c (out, ' ');
      /* Translators: the units whose report has not been received */
      g_string_append_printf (out, _("Not received: %s."), missing->str);
    }
  return g_string_free (out, FALSE);
}

D8OfficialReport *
d8_store_official_report (D8Store *self, gint64 plan_id, const char *period_ref, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8ReportingPeriod) period = NULL;
  g_autoptr (D8Overview) overview = NULL;
  g_autoptr (D8ReportSettings) settings = NULL;
  g_autoptr (D8PeriodSummary) summary = NULL;
  g_autoptr (GPtrArray) narratives = NULL;
  g_autoptr (D8Table) completeness = NULL;
  g_autofree char *today = NULL, *sentence = NULL;
  D8OfficialReport *report;
  D8OfficialPeriod op = { 0 };

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (period_ref != NULL, NULL);

  /* Only the province holds every unit's report: at a unit office the
   * others' never arrive, and the document would say they were not
   * received, under the province's name */
  if (!g_str_equal (d8_store_get_office (self), "province"))
    {
      g_autofree char *office = d8_store_describe_office (self);

      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("The report to the People’s Committee is made by the province; this "
                     "database is the office of %s, which holds only its own reports."),
                   office);
      return NULL;
    }
  today = d8_store_today (self);
  if ((plan = d8_store_get_plan (self, plan_id, error)) == NULL
      || (period = d8_store_resolve_period (self, plan_id, period_ref, error)) == NULL
      || (overview = d8_store_compute_overview (self, plan_id, period->cutoff, error)) == NULL
      || (settings = d8_store_get_report_settings (self, plan_id, error)) == NULL
      || (summary = d8_store_period_summary (self, period, today, error)) == NULL)
    return NULL;
  narratives = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_official_narrative_free);
  for (guint i = 0; i < summary->rows->len; i++)
    {
      const D8PeriodRow *row = summary->rows->pdata[i];
      if (row->report != NULL && narrative_counts (row->report))
        g_ptr_array_add (narratives, narrative_from_report (row->report));
    }
  completeness = build_completeness (summary);
  op.code = period->code;
  op.title = period->title;
  op.start = period->start;
  op.cutoff = period->cutoff;
  op.province_due = period->province_due;
  /* dated today, or on the due date when the report is made afterwards */
  report = d8_official_report_build (overview, &op, settings,
                                     strcmp (today, period->province_due) > 0
                                       ? period->province_due
                                       : today,
                                     narratives, completeness);
  /* who reported, right after the province's overall figure */
  sentence = describe_completeness (summary, strcmp (today, period->province_due) > 0
                                               ? period->province_due
                                               : today);
  if (report->sections->len > 0)
    {
      D8ReportSection *results = report->sections->pdata[0];
      g_ptr_array_insert (results->paragraphs, MIN (1, (int) results->paragraphs->len),
                          g_steal_pointer (&sentence));
    }
  return report;
}

/* The Reports view's "Export Table…" writes this same sheet, so the window
 * and the report's workbook never disagree. */
D8Table *
d8_official_report_completeness (const D8PeriodSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);
  return build_completeness (summary);
}
