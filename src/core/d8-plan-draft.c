/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-draft.c — plans made in the store: a new draft (empty or from
 * another plan), its details, its status, issuing it, amending it and the
 * history of amendments (d8-plan-draft.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-format.h"
#include "d8-plan-draft-private.h"
#include "d8-sql.h"
#include "d8-text.h"

/* ------------------------------------------------------------- status */

const char *
d8_plan_status_to_string (D8PlanStatus status)
{
  switch (status)
    {
    case D8_PLAN_STATUS_DRAFT:
      return "draft";
    case D8_PLAN_STATUS_ISSUED:
      return "issued";
    }
  g_return_val_if_reached ("issued");
}

const char *
d8_plan_status_to_label (D8PlanStatus status)
{
  switch (status)
    {
    case D8_PLAN_STATUS_DRAFT:
      /* Translators: the status of a plan not yet issued */
      return _("Draft");
    case D8_PLAN_STATUS_ISSUED:
      /* Translators: the status of a plan issued by a decision */
      return _("Issued");
    }
  g_return_val_if_reached ("");
}

gint64
d8_plan_draft_scalar (D8Store *store, const char *sql, gint64 plan_id)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store), sql, NULL);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return sqlite3_column_int64 (stmt, 0);
    case SQLITE_DONE:
      return 0;
    default:
      return -1;
    }
}

gboolean
d8_plan_draft_sync_cells (D8Store *store, gint64 plan_id, GError **error)
{
  static const char *const sql[] = {
    "INSERT INTO quotas (plan_id, unit_id, indicator_id, quota, written)"
    " SELECT pu.plan_id, pu.unit_id, i.id, NULL, '-' FROM plan_units pu"
    " JOIN indicators i ON i.plan_id = pu.plan_id AND i.in_appendix = 1"
    " WHERE pu.plan_id = ?1 ON CONFLICT DO NOTHING",
    "DELETE FROM quotas WHERE plan_id = ?1 AND indicator_id IN"
    " (SELECT id FROM indicators WHERE plan_id = ?1 AND in_appendix = 0)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store), sql[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return d8_sql_fail (d8_store_get_db (store), error,
                            _("The quotas of the plan could not be saved."));
    }
  return TRUE;
}

char *
d8_plan_draft_name (const D8Plan *plan)
{
  /* Short, and what people type: titles run to two lines. */
  if (plan->doc_number != NULL && *plan->doc_number != '\0')
    /* Translators: how messages name an issued plan: its number, then its code */
    return g_strdup_printf (_("%s (%s)"), plan->doc_number, plan->code);
  return g_strdup_printf ("“%s”", plan->code);
}

gboolean
d8_store_get_plan_status (D8Store *store, gint64 plan_id, D8PlanStatus *status, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL)
    return FALSE;
  *status = plan->is_draft ? D8_PLAN_STATUS_DRAFT : D8_PLAN_STATUS_ISSUED;
  return TRUE;
}

gboolean
d8_store_plan_is_draft (D8Store *store, gint64 plan_id)
{
  g_return_val_if_fail (D8_IS_STORE (store), FALSE);
  return d8_plan_draft_scalar (store, "SELECT status = 'draft' FROM plans WHERE id = ?1", plan_id)
         == 1;
}

gboolean
d8_store_check_plan_takes_entries (D8Store *store, gint64 plan_id, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  if (!d8_store_plan_is_draft (store, plan_id))
    return TRUE;
  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL)
    return FALSE;
  name = d8_plan_draft_name (plan);
  g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
               _("The plan %s is a draft: it takes no entries until it is issued."), name);
  return FALSE;
}

gboolean
d8_plan_draft_check_quotas_editable (D8Store *store, const D8Plan *plan, gint64 *revision_id,
                                     GError **error)
{
  g_autofree char *name = NULL;

  *revision_id = 0;
  if (plan->is_draft)
    return TRUE;
  *revision_id = d8_store_get_open_amendment (store, plan->id);
  if (*revision_id > 0)
    return TRUE;
  name = d8_plan_draft_name (plan);
  g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
               _("The plan %s is issued: its quotas change only by an amendment. Open one "
                 "with the amending decision’s number and date first."),
               name);
  return FALSE;
}

/* ----------------------------------------------------------- new plan */

/* @text with every @from_year replaced by @to_year ("Kế hoạch năm 2026" →
 * "Kế hoạch năm 2027"); NULL stays NULL. */
static char *
replace_year (const char *text, int from_year, int to_year)
{
  g_autofree char *from = g_strdup_printf ("%d", from_year);
  g_autofree char *to = g_strdup_printf ("%d", to_year);
  g_auto (GStrv) parts = NULL;

  if (text == NULL)
    return NULL;
  parts = g_strsplit (text, from, -1);
  return g_strjoinv (to, parts);
}

static gboolean
check_code (D8Store *store, const char *code, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  if (code == NULL || *code == '\0')
    {
      g_set_error_literal (error, D8_ERROR, D8_ERROR_INVALID,
                           _("code: a new plan needs a code (for example gia-lai-2027)."));
      return FALSE;
    }
  for (const char *p = code; *p; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      {
        g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                     _("code: “%s” has a space or control character; use letters, digits and "
                       "dashes."), code);
        return FALSE;
      }
  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT 1 FROM plans WHERE code = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("code: a plan with the code “%s” is already in the database."), code);
      return FALSE;
    }
  return TRUE;
}

/* Runs @sql with ?1 = new plan, ?2 = from plan, ?3 = year start, ?4 =
 * from year as text, ?5 = new year as text. */
static gboolean
copy_rows (D8Store *store, const char *sql, gint64 plan_id, const D8Plan *from, int year,
           GError **error)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store), sql, error);
  g_autofree char *start = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *from_year = g_strdup_printf ("%d", from->year);
  g_autofree char *to_year = g_strdup_printf ("%d", year);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, from->id);
  sqlite3_bind_text (stmt, 3, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, from_year, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, to_year, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (store), error,
                        _("The new plan could not be copied from the other plan."));
  return TRUE;
}

/* An ISO date @years later (29 February becomes 28 February); NULL stays
 * NULL, a date that does not parse is kept as it is. */
static char *
shift_date (const char *iso, int years)
{
  int y, m, d;
  GDate date;

  if (iso == NULL)
    return NULL;
  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return g_strdup (iso);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  if (years > 0)
    g_date_add_years (&date, years);
  else if (years < 0)
    g_date_subtract_years (&date, -years);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* The reporting schedule of @from moved to @year: its periods' codes and
 * titles with the year replaced ("2023-h1" → "2024-h1"), every date as
 * many years later. Without it a plan made from another could never go
 * through the reporting cycle (docs/reporting.md): the schedule is plan
 * data, and nothing else adds it to a new plan. */
static gboolean
copy_periods (D8Store *store, gint64 plan_id, const D8Plan *from, int year, GError **error)
{
  g_autoptr (GPtrArray) periods = g_ptr_array_new_with_free_func (
    (GDestroyNotify) d8_reporting_period_free);
  int years = year - from->year;

  if (from->periods == NULL)
    return TRUE;
  for (guint i = 0; i < from->periods->len; i++)
    {
      const D8ReportingPeriod *p = from->periods->pdata[i];
      D8ReportingPeriod *copy = g_new0 (D8ReportingPeriod, 1);

      copy->code = replace_year (p->code, from->year, year);
      copy->title = replace_year (p->title, from->year, year);
      copy->start = shift_date (p->start, years);
      copy->end = shift_date (p->end, years);
      copy->cutoff = shift_date (p->cutoff, years);
      copy->unit_due = shift_date (p->unit_due, years);
      copy->province_due = shift_date (p->province_due, years);
      g_ptr_array_add (periods, copy);
    }
  return d8_store_insert_plan_periods (store, plan_id, periods, error);
}

static gboolean
copy_from_plan (D8Store *store, gint64 plan_id, const D8Plan *from, int year,
                gboolean copy_quotas, GError **error)
{
  /* Units that still exist when the new year starts, in the old order. */
  if (!copy_rows (store, "INSERT INTO plan_units (plan_id, unit_id, position)"
                         " SELECT ?1, pu.unit_id, ROW_NUMBER () OVER (ORDER BY pu.position)"
                         " FROM plan_units pu JOIN units u ON u.id = pu.unit_id"
                         " WHERE pu.plan_id = ?2 AND (u.valid_to IS NULL OR u.valid_to >= ?3)"
                         " ORDER BY pu.position", plan_id, from, year, error)
      || !copy_rows (store, "INSERT INTO indicator_groups (plan_id, number, title)"
                            " SELECT ?1, number, title FROM indicator_groups WHERE plan_id = ?2",
                     plan_id, from, year, error)
      || !copy_rows (store, "INSERT INTO indicators (plan_id, code, name_vi, name_en, count_unit,"
                            " kind, group_no, position, in_appendix) SELECT ?1, code, name_vi,"
                            " name_en, count_unit, kind, group_no, position, in_appendix"
                            " FROM indicators WHERE plan_id = ?2", plan_id, from, year, error))
    return FALSE;
  /* Extra targets (not allocated: the 80 %) always; stated totals with
   * the quotas. The source "Chỉ tiêu năm 2026" becomes "… 2027". */
  if (!copy_rows (store, copy_quotas
                  ? "INSERT INTO plan_targets (plan_id, indicator_id, value, written, source)"
                    " SELECT ?1, ni.id, t.value, t.written, replace (t.source, ?4, ?5)"
                    " FROM plan_targets t JOIN indicators oi ON oi.id = t.indicator_id"
                    " JOIN indicators ni ON ni.plan_id = ?1 AND ni.code = oi.code"
                    " WHERE t.plan_id = ?2"
                  : "INSERT INTO plan_targets (plan_id, indicator_id, value, written, source)"
                    " SELECT ?1, ni.id, t.value, t.written, replace (t.source, ?4, ?5)"
                    " FROM plan_targets t JOIN indicators oi ON oi.id = t.indicator_id"
                    " JOIN indicators ni ON ni.plan_id = ?1 AND ni.code = oi.code"
                    " WHERE t.plan_id = ?2 AND oi.in_appendix = 0",
                  plan_id, from, year, error))
    return FALSE;
  if (copy_quotas
      && !copy_rows (store, "INSERT INTO quotas (plan_id, unit_id, indicator_id, quota, written)"
                            " SELECT ?1, q.unit_id, ni.id, q.quota, q.written FROM quotas q"
                            " JOIN indicators oi ON oi.id = q.indicator_id"
                            " JOIN indicators ni ON ni.plan_id = ?1 AND ni.code = oi.code"
                            " JOIN plan_units pu ON pu.plan_id = ?1 AND pu.unit_id = q.unit_id"
                            " WHERE q.plan_id = ?2", plan_id, from, year, error))
    return FALSE;
  return copy_periods (store, plan_id, from, year, error);
}

static gint64
insert_draft (D8Store *store, const D8NewPlanOptions *options, const D8Plan *from,
              const char *title, GError **error)
{
  sqlite3 *db = d8_store_get_db (store);
  g_autofree char *now = d8_store_now_utc ();
  g_autofree char *start = g_strdup_printf ("%04d-01-01", options->year);
  g_autofree char *end = g_strdup_printf ("%04d-12-31", options->year);
  g_autofree char *appendix_title = NULL;
  g_autofree char *label = NULL;
  g_autoptr (D8SqlStmt) stmt = NULL;

  if (from != NULL)
    {
      g_autoptr (D8SqlStmt) read = d8_sql_prepare (db, "SELECT appendix_title FROM plans"
                                                       " WHERE id = ?", error);
      if (read == NULL)
        return 0;
      sqlite3_bind_int64 (read, 1, from->id);
      if (sqlite3_step (read) == SQLITE_ROW)
        appendix_title = replace_year (d8_sql_column_text (read, 0), from->year, options->year);
      label = replace_year (from->target_label, from->year, options->year);
    }
  stmt = d8_sql_prepare (db, "INSERT INTO plans (code, title, doc_number, issuer, issued_on, year,"
                             " period_start, period_end, appendix_title, target_label,"
                             " imported_at, status) VALUES (?, ?, '', ?, NULL, ?, ?, ?, ?, ?, ?,"
                             " 'draft')", error);
  if (stmt == NULL)
    return 0;
  d8_sql_bind_text (stmt, 1, options->code, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 2, title, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 3, from != NULL ? from->issuer : NULL, D8_SQL_EMPTY_IS_NULL);
  sqlite3_bind_int (stmt, 4, options->year);
  d8_sql_bind_text (stmt, 5, start, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 6, end, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 7, appendix_title, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 8, label, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 9, now, D8_SQL_EMPTY_IS_NULL);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      d8_sql_fail (db, error, _("The new plan could not be saved."));
      return 0;
    }
  return sqlite3_last_insert_rowid (db);
}

gint64
d8_store_new_plan (D8Store *store, const D8NewPlanOptions *options, GError **error)
{
  g_autoptr (D8Plan) from = NULL;
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  D8NewPlanOptions o;
  gint64 plan_id;

  g_return_val_if_fail (D8_IS_STORE (store), 0);
  g_return_val_if_fail (options != NULL, 0);

  if (options->code != NULL && (code = d8_text_normalize (options->code, _("code"), error)) == NULL)
    return 0;
  if (!check_code (store, code, error))
    return 0;
  if (options->year < 1900 || options->year > 9999)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("year: %d is not a year a plan can have (1900–9999)."), options->year);
      return 0;
    }
  if (options->from_plan_id != 0
      && (from = d8_store_get_plan (store, options->from_plan_id, error)) == NULL)
    return 0;
  if (options->title != NULL && *options->title != '\0')
    {
      if ((title = d8_text_normalize (options->title, _("title"), error)) == NULL)
        return 0;
    }
  else if (from != NULL)
    title = replace_year (from->title, from->year, options->year);
  else
    /* Translators: the title of a new empty plan; %d is its year */
    title = g_strdup_printf (_("Plan %d"), options->year);

  o = *options;
  o.code = code;
  if (!d8_store_begin (store, error))
    return 0;
  plan_id = insert_draft (store, &o, from, title, error);
  if (plan_id == 0
      || (from != NULL
          && !copy_from_plan (store, plan_id, from, options->year, options->copy_quotas, error))
      || !d8_plan_draft_sync_cells (store, plan_id, error) || !d8_store_commit (store, error))
    {
      d8_store_rollback (store);
      return 0;
    }
  d8_store_emit_changed (store);
  return plan_id;
}

/* ------------------------------------------------------------ details */

static gboolean
check_date_field (const char *value, const char *field, GError **error)
{
  if (value == NULL || d8_date_is_valid (value))
    return TRUE;
  g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
               _("%s: “%s” is not a date in the form YYYY-MM-DD."), field, value);
  return FALSE;
}

static gboolean
update_text (D8Store *store, const char *column, gint64 plan_id, const char *value,
             D8SqlEmpty empty, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE plans SET %s = ?2 WHERE id = ?1", column);
  g_autoptr (D8SqlStmt) stmt = NULL;

  if (value == NULL)
    return TRUE;
  if ((stmt = d8_sql_prepare (d8_store_get_db (store), sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  d8_sql_bind_text (stmt, 2, value, empty);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (store), error, _("The plan could not be saved."));
  return TRUE;
}

/* The details' texts in NFC, trimmed (@texts keeps them). */
static gboolean
normalize_details (const D8PlanDetails *details, D8PlanDetails *clean, GPtrArray **texts,
                   GError **error)
{
  const char **fields[] = { &clean->title, &clean->doc_number, &clean->issuer,
                            &clean->target_label };
  const char *labels[] = { N_("title"), N_("document number"), N_("issuer"),
                           N_("label of the totals row") };

  *clean = *details;
  *texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (*fields[i] != NULL)
      {
        char *text = d8_text_normalize (*fields[i], _(labels[i]), error);
        if (text == NULL)
          return FALSE;
        g_ptr_array_add (*texts, text);
        *fields[i] = text;
      }
  return TRUE;
}

gboolean
d8_store_set_plan_details (D8Store *store, gint64 plan_id, const D8PlanDetails *details,
                           GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (GPtrArray) texts = NULL;
  g_autofree char *name = NULL;
  D8PlanDetails clean;
  const char *start, *end;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);

  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL)
    return FALSE;
  name = d8_plan_draft_name (plan);
  if (details->title != NULL && *details->title == '\0')
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("title: the plan %s needs a title."),
                   name);
      return FALSE;
    }
  if (!plan->is_draft && (details->doc_number != NULL || details->issued_on != NULL))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("The plan %s is issued: its number and date are its decision’s. A later "
                     "decision is an amendment."), name);
      return FALSE;
    }
  if (!check_date_field (details->issued_on, _("date of issue"), error)
      || !check_date_field (details->period_start, _("start of the period"), error)
      || !check_date_field (details->period_end, _("end of the period"), error))
    return FALSE;
  start = details->period_start ? details->period_start : plan->period_start;
  end = details->period_end ? details->period_end : plan->period_end;
  if (g_strcmp0 (end, start) < 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("end of the period: the period of the plan %s would end (%s) before it starts "
                     "(%s)."), name, end, start);
      return FALSE;
    }
  if (!normalize_details (details, &clean, &texts, error) || !d8_store_begin (store, error))
    return FALSE;
  details = &clean;
  if (!update_text (store, "title", plan_id, details->title, D8_SQL_EMPTY_IS_NULL, error)
      || !update_text (store, "doc_number", plan_id, details->doc_number, D8_SQL_EMPTY_IS_TEXT,
                       error)
      || !update_text (store, "issuer", plan_id, details->issuer, D8_SQL_EMPTY_IS_NULL, error)
      || !update_text (store, "issued_on", plan_id, details->issued_on, D8_SQL_EMPTY_IS_NULL,
                       error)
      || !update_text (store, "period_start", plan_id, details->period_start,
                       D8_SQL_EMPTY_IS_NULL, error)
      || !update_text (store, "period_end", plan_id, details->period_end, D8_SQL_EMPTY_IS_NULL,
                       error)
      || !update_text (store, "target_label", plan_id, details->target_label,
                       D8_SQL_EMPTY_IS_NULL, error)
      || !d8_store_commit (store, error))
    {
      d8_store_rollback (store);
      return FALSE;
    }
  d8_store_emit_changed (store);
  return TRUE;
}

/* -------------------------------------------------------- issue, amend */

/* A document number and date as typed, checked: NFC, not empty; a real
 * ISO date. */
static gboolean
check_document (const char *document_number, const char *issued_on, char **number_out,
                GError **error)
{
  g_autofree char *number = NULL;

  if (document_number != NULL
      && (number = d8_text_normalize (document_number, _("document number"), error)) == NULL)
    return FALSE;
  if (number == NULL || *number == '\0')
    {
      g_set_error_literal (error, D8_ERROR, D8_ERROR_INVALID,
                           _("document number: the decision’s number and symbol are required "
                             "(for example 1653/KH-UBND)."));
      return FALSE;
    }
  if (issued_on == NULL || *issued_on == '\0')
    {
      g_set_error_literal (error, D8_ERROR, D8_ERROR_INVALID,
                           _("date of issue: the date of the decision is required."));
      return FALSE;
    }
  if (!check_date_field (issued_on, _("date of issue"), error))
    return FALSE;
  *number_out = g_steal_pointer (&number);
  return TRUE;
}

static gboolean
amendment_number_taken (D8Store *store, gint64 plan_id, const char *number, gint64 except_id)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (d8_store_get_db (store), "SELECT 1 FROM plan_revisions WHERE plan_id = ? AND"
                    " kind = 'amendment' AND doc_number = ? AND id <> ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, except_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
run_update (D8Store *store, const char *sql, gint64 id, const char *a, const char *b,
            const char *c, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store), sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  d8_sql_bind_text (stmt, 2, a, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 3, b, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 4, c, D8_SQL_EMPTY_IS_NULL);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (store), error, _("The plan could not be saved."));
  return TRUE;
}

static gboolean
issue_draft (D8Store *store, const D8Plan *plan, const char *number, const char *issued_on,
             const char *issuer, GError **error)
{
  g_autofree char *name = d8_plan_draft_name (plan);
  g_autofree char *who = NULL;

  if (issuer != NULL && *issuer != '\0')
    {
      if ((who = d8_text_normalize (issuer, _("issuer"), error)) == NULL)
        return FALSE;
    }
  else if (plan->issuer != NULL && *plan->issuer != '\0')
    who = g_strdup (plan->issuer);
  if (who == NULL || *who == '\0')
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("issuer: the plan %s has no issuer; give the body that issues it (for "
                     "example UBND tỉnh Gia Lai)."), name);
      return FALSE;
    }
  if (d8_plan_draft_scalar (store, "SELECT count(*) FROM plan_units WHERE plan_id = ?1",
                            plan->id) <= 0
      || d8_plan_draft_scalar (store, "SELECT count(*) FROM indicators WHERE plan_id = ?1"
                                      " AND in_appendix = 1", plan->id) <= 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("The plan %s cannot be issued: it allocates nothing yet (it needs at "
                     "least one unit and one indicator of the appendix)."), name);
      return FALSE;
    }
  if (!d8_store_begin (store, error))
    return FALSE;
  if (!run_update (store, "UPDATE plans SET status = 'issued', doc_number = ?2, issued_on = ?3,"
                          " issuer = ?4 WHERE id = ?1", plan->id, number, issued_on, who, error)
      || !d8_store_commit (store, error))
    {
      d8_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
d8_store_issue_plan (D8Store *store, gint64 plan_id, const char *document_number,
                     const char *issued_on, const char *issuer, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  gint64 open;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL
      || !check_document (document_number, issued_on, &number, error))
    return FALSE;
  name = d8_plan_draft_name (plan);
  if (plan->is_draft)
    {
      if (!issue_draft (store, plan, number, issued_on, issuer, error))
        return FALSE;
      d8_store_emit_changed (store);
      return TRUE;
    }
  open = d8_store_get_open_amendment (store, plan_id);
  if (open <= 0)
    {
      g_autofree char *date = d8_format_date (plan->issued_on);
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("The plan %s is already issued (%s of %s). To change it, amend it with "
                     "the amending decision’s number and date."), name, plan->doc_number, date);
      return FALSE;
    }
  if (amendment_number_taken (store, plan_id, number, open))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("document number: %s already amended the plan %s."), number, name);
      return FALSE;
    }
  if (plan->issued_on != NULL && strcmp (issued_on, plan->issued_on) < 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("date of issue: an amendment of the plan %s cannot predate the plan (%s)."),
                   name, plan->issued_on);
      return FALSE;
    }
  if (!d8_store_begin (store, error))
    return FALSE;
  if (!run_update (store, "UPDATE plan_revisions SET doc_number = ?2, issued_on = ?3,"
                          " is_open = 0 WHERE id = ?1", open, number, issued_on,
                   NULL, error)
      || !d8_store_commit (store, error))
    {
      d8_store_rollback (store);
      return FALSE;
    }
  d8_store_emit_changed (store);
  return TRUE;
}

/* Closes any open amendment of the plan and opens a new one; the caller
 * holds the transaction. Returns its id, 0 on error. */
static gint64
open_amendment (D8Store *store, gint64 plan_id, const char *number, const char *issued_on,
                GError **error)
{
  sqlite3 *db = d8_store_get_db (store);
  g_autofree char *now = d8_store_now_utc ();
  g_autoptr (D8SqlStmt) close =
    d8_sql_prepare (db, "UPDATE plan_revisions SET is_open = 0 WHERE plan_id = ?", error);
  g_autoptr (D8SqlStmt) insert = NULL;

  if (close == NULL)
    return 0;
  sqlite3_bind_int64 (close, 1, plan_id);
  if (sqlite3_step (close) != SQLITE_DONE)
    {
      d8_sql_fail (db, error, _("The plan could not be saved."));
      return 0;
    }
  insert = d8_sql_prepare (db, "INSERT INTO plan_revisions (plan_id, doc_number, issued_on, title,"
                               " imported_at, kind, is_open) VALUES (?, ?, ?, NULL, ?,"
                               " 'amendment', 1)", error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_int64 (insert, 1, plan_id);
  d8_sql_bind_text (insert, 2, number, D8_SQL_EMPTY_IS_TEXT);
  d8_sql_bind_text (insert, 3, issued_on, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (insert, 4, now, D8_SQL_EMPTY_IS_TEXT);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      d8_sql_fail (db, error, _("The amendment could not be saved."));
      return 0;
    }
  return sqlite3_last_insert_rowid (db);
}

gint64
d8_store_amend_plan (D8Store *store, gint64 plan_id, const char *document_number,
                     const char *issued_on, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  g_return_val_if_fail (D8_IS_STORE (store), 0);

  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL
      || !check_document (document_number, issued_on, &number, error))
    return 0;
  name = d8_plan_draft_name (plan);
  if (plan->is_draft)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("The plan %s is a draft: change it directly, and issue it when it is "
                     "ready. Only an issued plan is amended."), name);
      return 0;
    }
  if (amendment_number_taken (store, plan_id, number, 0)
      || g_strcmp0 (number, plan->doc_number) == 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("document number: %s already issued or amended the plan %s."), number,
                   name);
      return 0;
    }
  if (plan->issued_on != NULL && strcmp (issued_on, plan->issued_on) < 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("date of issue: an amendment of the plan %s cannot predate the plan (%s)."),
                   name, plan->issued_on);
      return 0;
    }
  if (!d8_store_begin (store, error))
    return 0;
  if ((id = open_amendment (store, plan_id, number, issued_on, error)) == 0
      || !d8_store_commit (store, error))
    {
      d8_store_rollback (store);
      return 0;
    }
  d8_store_emit_changed (store);
  return id;
}

gint64
d8_store_get_open_amendment (D8Store *store, gint64 plan_id)
{
  gint64 id;

  g_return_val_if_fail (D8_IS_STORE (store), 0);
  id = d8_plan_draft_scalar (store, "SELECT id FROM plan_revisions WHERE plan_id = ?1"
                                    " AND is_open = 1", plan_id);
  return MAX (id, 0);
}

GPtrArray *
d8_store_list_amendments (D8Store *store, gint64 plan_id, GError **error)
{
  g_autoptr (GPtrArray) all = d8_store_list_plan_revisions (store, plan_id, error);
  GPtrArray *out;

  if (all == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_plan_revision_free);
  for (guint i = 0; i < all->len; i++)
    {
      D8PlanRevision *revision = all->pdata[i];
      if (revision->is_amendment)
        g_ptr_array_add (out, g_steal_pointer (&all->pdata[i]));
    }
  return out;
}

char *
d8_plan_format_amended (const D8Plan *plan)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->amended_by == NULL)
    return NULL;
  if (plan->amended_on == NULL)
    /* Translators: under a plan's title; %s is the amending decision's number */
    return g_strdup_printf (_("as amended by %s"), plan->amended_by);
  date = d8_format_date (plan->amended_on);
  /* Translators: under a plan's title; the amending decision's number, then its date */
  return g_strdup_printf (_("as amended by %s of %s"), plan->amended_by, date);
}

char *
d8_store_plan_amended_label (D8Store *store, gint64 plan_id)
{
  g_autoptr (D8Plan) plan = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  if ((plan = d8_store_get_plan (store, plan_id, NULL)) == NULL)
    return NULL;
  return d8_plan_format_amended (plan);
}
