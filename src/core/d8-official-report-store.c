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
d8_store_get_report_settings (D8Store *self, gint64 plan_id, GError **error)
{
  g_autoptr (D8ReportSettings) settings = g_new0 (D8ReportSettings, 1);

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  for (guint i = 0; i < N_SETTINGS; i++)
    *setting_field (settings, i) = d8_store_meta_get (self, setting_keys[i]);
  fill_defaults (self, plan_id, settings);
  (void) error;
  return g_steal_pointer (&settings);
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

/* The plan's reporting periods as d8-progress.c knows them (section V):
 * the six months to 10 June ("YYYY-h1") and the year to 10 December
 * ("YYYY-year"); the province reports five days later. */
typedef struct
{
  char *code;
  char *title;
  char *cutoff;
  char *province_due;
} Period;

static void
period_free (Period *period)
{
  g_free (period->code);
  g_free (period->title);
  g_free (period->cutoff);
  g_free (period->province_due);
  g_free (period);
}

static GPtrArray *
list_periods (const D8Plan *plan)
{
  g_autoptr (GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *periods = g_ptr_array_new_with_free_func ((GDestroyNotify) period_free);
  const char *suffixes[] = { "h1", "year" };

  d8_plan_report_dates (plan, dates, labels);
  for (guint i = 0; i < dates->len && i < G_N_ELEMENTS (suffixes); i++)
    {
      Period *p = g_new0 (Period, 1);
      int y = 0, m = 0, d = 0;

      p->code = g_strdup_printf ("%d-%s", plan->year, suffixes[i]);
      p->title = g_strdup_printf ("%s %d", (char *) labels->pdata[i], plan->year);
      p->cutoff = g_strdup (dates->pdata[i]);
      sscanf (p->cutoff, "%d-%d-%d", &y, &m, &d);
      p->province_due = g_strdup_printf ("%04d-%02d-%02d", y, m, d + 5);
      g_ptr_array_add (periods, p);
    }
  return periods;
}

D8OfficialReport *
d8_store_official_report (D8Store *self, gint64 plan_id, const char *period_ref, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (GPtrArray) periods = NULL;
  g_autoptr (D8Overview) overview = NULL;
  g_autoptr (D8ReportSettings) settings = NULL;
  g_autofree char *today = NULL;
  const Period *period = NULL;
  D8OfficialPeriod op = { 0 };

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (period_ref != NULL, NULL);

  if ((plan = d8_store_get_plan (self, plan_id, error)) == NULL)
    return NULL;
  periods = list_periods (plan);
  for (guint i = 0; i < periods->len && period == NULL; i++)
    if (g_ascii_strcasecmp (((Period *) periods->pdata[i])->code, period_ref) == 0)
      period = periods->pdata[i];
  if (period == NULL)
    {
      g_autoptr (GString) codes = g_string_new (NULL);
      for (guint i = 0; i < periods->len; i++)
        {
          if (i > 0)
            g_string_append (codes, ", ");
          g_string_append (codes, ((Period *) periods->pdata[i])->code);
        }
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                   /* Translators: the period asked for, the plan, the periods it has */
                   _("The plan %s has no reporting period “%s” (its periods: %s)."),
                   plan->doc_number, period_ref, codes->len ? codes->str : "–");
      return NULL;
    }
  if ((overview = d8_store_compute_overview (self, plan_id, period->cutoff, error)) == NULL
      || (settings = d8_store_get_report_settings (self, plan_id, error)) == NULL)
    return NULL;
  today = d8_date_today ();
  op.code = period->code;
  op.title = period->title;
  op.start = plan->period_start;
  op.cutoff = period->cutoff;
  op.province_due = period->province_due;
  return d8_official_report_build (overview, &op, settings,
                                   strcmp (today, period->province_due) > 0 ? period->province_due
                                                                            : today,
                                   NULL, NULL);
}
