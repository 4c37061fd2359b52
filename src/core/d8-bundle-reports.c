/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-bundle-reports.c — units' reports and the province's decisions in
 * bundles (docs/bundle-format.md, "reports"), and the locks approved
 * reports put on incoming entries.
 *
 * The records travel in the header member "reports", so the digest and
 * the office's signature cover them like the rest of the header. A unit
 * office sends its own unit's reports (submitted or withdrawn); only the
 * province sends decisions (returned, approved, reopened). Anything else
 * is a record its office may not send, and the bundle is refused. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-bundle-private.h"
#include "d8-entry.h"
#include "d8-format.h"
#include "d8-json-reader.h"
#include "d8-reporting-private.h"
#include "d8-text.h"

#define MAX_REPORT_RECORDS 100000
#define MAX_SUBMISSION 1000000

typedef struct
{
  char *plan;           /* plan code */
  D8UnitReport *report; /* codes set (period_code, unit_code), ids 0 */
} ReportRec;

void
d8_bundle_report_rec_free (gpointer data)
{
  ReportRec *rec = data;

  g_free (rec->plan);
  d8_unit_report_free (rec->report);
  g_free (rec);
}

/* ------------------------------------------------------------------ read */

typedef struct
{
  const char *file;
  char *record;
  GError **error;
} Ctx;

static gboolean G_GNUC_PRINTF (3, 4)
rec_fail (Ctx *ctx, const char *field, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  return d8_bundle_refuse (ctx->error, ctx->file, ctx->record, field, "%s", what);
}

/* Text member @name: required or NULL/absent; normalised (NFC, trimmed,
 * at most D8_ENTRY_TEXT_MAX characters). */
static gboolean
get_text (Ctx *ctx, JsonObject *obj, const char *name, gboolean required, char **out)
{
  JsonNode *node = json_object_get_member (obj, name);
  g_autoptr (GError) text_error = NULL;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? rec_fail (ctx, name, _("required member is missing")) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return rec_fail (ctx, name, _("expected text"));
  if (!d8_entry_normalize_text (json_node_get_string (node), out, &text_error))
    return rec_fail (ctx, name, "%s", text_error->message);
  if (required && *out == NULL)
    return rec_fail (ctx, name, _("required text is empty"));
  return TRUE;
}

static gboolean
get_time (Ctx *ctx, JsonObject *obj, const char *name, gboolean required, char **out)
{
  g_autoptr (GDateTime) dt = NULL;

  if (!get_text (ctx, obj, name, required, out))
    return FALSE;
  if (*out == NULL)
    return TRUE;
  dt = g_date_time_new_from_iso8601 (*out, NULL);
  if (dt == NULL || strlen (*out) < 20 || (*out)[10] != 'T')
    return rec_fail (ctx, name, _("expected a time in the form YYYY-MM-DDTHH:MM:SSZ"));
  return TRUE;
}

static gboolean
get_int (Ctx *ctx, JsonObject *obj, const char *name, gint64 min, gint64 max, gint64 *out)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL)
    return rec_fail (ctx, name, _("required member is missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return rec_fail (ctx, name, _("expected a whole number"));
  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return rec_fail (ctx, name, _("expected a whole number from %lld to %lld"), (long long) min,
                     (long long) max);
  return TRUE;
}

/* Every member of @obj is one of @known (NULL-terminated). */
static gboolean
only_members (Ctx *ctx, JsonObject *obj, const char *const *known)
{
  g_autoptr (GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      return rec_fail (ctx, l->data, _("unknown member"));
  return TRUE;
}

static gboolean
read_figure (Ctx *ctx, JsonNode *node, D8UnitReport *report)
{
  static const char *const known[] = { "indicator", "has_quota", "quota", "achieved",
                                       "group_size", "status", "reason", NULL };
  g_autoptr (D8ReportFigure) f = g_new0 (D8ReportFigure, 1);
  g_autofree char *status = NULL;
  JsonObject *obj;
  JsonNode *has;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return rec_fail (ctx, "figures", _("expected an object"));
  obj = json_node_get_object (node);
  if (!only_members (ctx, obj, known) || !get_text (ctx, obj, "indicator", TRUE, &f->indicator_code)
      || !get_int (ctx, obj, "achieved", 0, D8_ENTRY_AMOUNT_MAX, &f->achieved)
      || !get_int (ctx, obj, "group_size", 0, D8_ENTRY_AMOUNT_MAX, &f->group_size)
      || !get_text (ctx, obj, "status", TRUE, &status)
      || !get_text (ctx, obj, "reason", FALSE, &f->reason))
    return FALSE;
  has = json_object_get_member (obj, "has_quota");
  if (has == NULL || !JSON_NODE_HOLDS_VALUE (has)
      || json_node_get_value_type (has) != G_TYPE_BOOLEAN)
    return rec_fail (ctx, "has_quota", _("expected true or false"));
  f->has_quota = json_node_get_boolean (has);
  if (f->has_quota && !get_int (ctx, obj, "quota", 0, D8_ENTRY_AMOUNT_MAX, &f->quota))
    return FALSE;
  if (!d8_status_from_string (status, &f->status))
    return rec_fail (ctx, "status", _("unknown status “%s”"), status);
  for (guint i = 0; i < report->figures->len; i++)
    if (g_str_equal (((D8ReportFigure *) report->figures->pdata[i])->indicator_code,
                     f->indicator_code))
      return rec_fail (ctx, "figures", _("the indicator “%s” appears twice"), f->indicator_code);
  if (f->reason != NULL)
    g_hash_table_replace (report->narrative->reasons, g_strdup (f->indicator_code),
                          g_strdup (f->reason));
  g_ptr_array_add (report->figures, g_steal_pointer (&f));
  return TRUE;
}

static gboolean
read_report (Ctx *ctx, JsonNode *node, guint index, ReportRec *rec)
{
  static const char *const known[] = {
    "plan", "period", "unit", "submission", "state", "cutoff", "submitted_at", "received_at",
    "decided_at", "decision_reason", "reopen_reason", "results", "difficulties", "proposals",
    "figures", NULL
  };
  D8UnitReport *r = rec->report = g_new0 (D8UnitReport, 1);
  g_autofree char *state = NULL;
  gint64 submission;
  JsonObject *obj;
  JsonNode *figures;

  r->narrative = d8_report_narrative_new ();
  r->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_report_figure_free);
  ctx->record = g_strdup_printf ("reports[%u]", index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return rec_fail (ctx, NULL, _("expected an object"));
  obj = json_node_get_object (node);
  if (!get_text (ctx, obj, "plan", TRUE, &rec->plan)
      || !get_text (ctx, obj, "period", TRUE, &r->period_code)
      || !get_text (ctx, obj, "unit", TRUE, &r->unit_code))
    return FALSE;
  /* From here on the record is named by its unit and period. */
  g_free (ctx->record);
  ctx->record = g_strdup_printf ("reports[%u] (%s, %s)", index, r->unit_code, r->period_code);
  if (!only_members (ctx, obj, known)
      || !get_int (ctx, obj, "submission", 1, MAX_SUBMISSION, &submission)
      || !get_text (ctx, obj, "state", TRUE, &state)
      || !get_text (ctx, obj, "cutoff", TRUE, &r->cutoff)
      || !get_time (ctx, obj, "submitted_at", TRUE, &r->submitted_at)
      || !get_time (ctx, obj, "received_at", FALSE, &r->received_at)
      || !get_time (ctx, obj, "decided_at", FALSE, &r->decided_at)
      || !get_text (ctx, obj, "decision_reason", FALSE, &r->decision_reason)
      || !get_text (ctx, obj, "reopen_reason", FALSE, &r->reopen_reason)
      || !get_text (ctx, obj, "results", FALSE, &r->narrative->results)
      || !get_text (ctx, obj, "difficulties", FALSE, &r->narrative->difficulties)
      || !get_text (ctx, obj, "proposals", FALSE, &r->narrative->proposals))
    return FALSE;
  r->submission = (int) submission;
  if (!d8_report_state_from_string (state, &r->state))
    return rec_fail (ctx, "state", _("unknown state “%s”"), state);
  if (!d8_date_is_valid (r->cutoff))
    return rec_fail (ctx, "cutoff", _("“%s” is not a date in the form YYYY-MM-DD"), r->cutoff);
  figures = json_object_get_member (obj, "figures");
  if (figures == NULL || !JSON_NODE_HOLDS_ARRAY (figures))
    return rec_fail (ctx, "figures", _("expected a list"));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (figures)); i++)
    if (!read_figure (ctx, json_array_get_element (json_node_get_array (figures), i), r))
      return FALSE;
  return TRUE;
}

gboolean
d8_bundle_read_reports (D8BundleImport *im, const char *file, const char *canonical,
                        GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) parse_error = NULL;
  JsonNode *root;
  JsonArray *array;
  Ctx ctx = { file, NULL, error };
  gboolean ok = TRUE;

  if (im->report_recs != NULL)
    return d8_bundle_refuse (error, file, "reports", NULL,
                             _("the member “%s” appears twice in one object"), "reports");
  /* The strict reader has already checked the text; json-glib reads the
   * canonical form it wrote. */
  if (!json_parser_load_from_data (parser, canonical, -1, &parse_error))
    return d8_bundle_refuse (error, file, "reports", NULL, "%s", parse_error->message);
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return d8_bundle_refuse (error, file, "reports", NULL, _("expected a list"));
  array = json_node_get_array (root);
  if (json_array_get_length (array) > MAX_REPORT_RECORDS)
    return d8_bundle_refuse (error, file, "reports", NULL, _("more than %d reports"),
                             MAX_REPORT_RECORDS);
  im->report_recs = g_ptr_array_new_with_free_func (d8_bundle_report_rec_free);
  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      ReportRec *rec = g_new0 (ReportRec, 1);

      g_ptr_array_add (im->report_recs, rec);
      ok = read_report (&ctx, json_array_get_element (array, i), i, rec);
      for (guint j = 0; ok && j < i; j++)
        {
          ReportRec *other = im->report_recs->pdata[j];

          if (g_str_equal (other->plan, rec->plan)
              && g_ascii_strcasecmp (other->report->period_code, rec->report->period_code) == 0
              && g_str_equal (other->report->unit_code, rec->report->unit_code))
            ok = rec_fail (&ctx, NULL, _("the same report as reports[%u]"), j);
        }
      g_clear_pointer (&ctx.record, g_free);
    }
  g_free (ctx.record);
  return ok;
}

/* ------------------------------------------------------------- classify */

static gint64
lookup_id (D8Store *store, const char *sql, gint64 plan_id, const char *code)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store), sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Resolves the codes of @rec to ids; a reason when one is unknown. */
static char *
resolve_codes (D8Store *store, ReportRec *rec, const char **field)
{
  D8UnitReport *r = rec->report;

  r->plan_id = lookup_id (store, "SELECT id FROM plans WHERE ?1 = ?1 AND code = ?2", 0, rec->plan);
  if (r->plan_id == 0)
    return *field = "plan", g_strdup_printf (_("unknown plan “%s”"), rec->plan);
  r->period_id = lookup_id (store,
                            "SELECT id FROM reporting_periods WHERE plan_id = ? AND code = ?"
                            " COLLATE NOCASE", r->plan_id, r->period_code);
  if (r->period_id == 0)
    return *field = "period",
           g_strdup_printf (_("unknown reporting period “%s” in plan “%s”"), r->period_code,
                            rec->plan);
  r->unit_id = lookup_id (store,
                          "SELECT u.id FROM units u JOIN plan_units pu ON pu.unit_id = u.id"
                          " WHERE pu.plan_id = ? AND u.code = ?", r->plan_id, r->unit_code);
  if (r->unit_id == 0)
    return *field = "unit", g_strdup_printf (_("the unit “%s” is not part of plan “%s”"),
                                            r->unit_code, rec->plan);
  for (guint i = 0; i < r->figures->len; i++)
    {
      D8ReportFigure *f = r->figures->pdata[i];

      f->indicator_id = lookup_id (store, "SELECT id FROM indicators WHERE plan_id = ? AND code = ?",
                                   r->plan_id, f->indicator_code);
      if (f->indicator_id == 0)
        return *field = "figures", g_strdup_printf (_("unknown indicator “%s” in plan “%s”"),
                                                    f->indicator_code, rec->plan);
    }
  return NULL;
}

/* The word people read for a stored state (the status it gives). */
static const char *
state_word (D8ReportState state)
{
  switch (state)
    {
    case D8_REPORT_STATE_SUBMITTED: return d8_period_status_to_label (D8_PERIOD_STATUS_ON_TIME);
    case D8_REPORT_STATE_WITHDRAWN: return d8_period_status_to_label (D8_PERIOD_STATUS_WITHDRAWN);
    case D8_REPORT_STATE_RETURNED: return d8_period_status_to_label (D8_PERIOD_STATUS_RETURNED);
    case D8_REPORT_STATE_APPROVED: return d8_period_status_to_label (D8_PERIOD_STATUS_APPROVED);
    case D8_REPORT_STATE_REOPENED: return d8_period_status_to_label (D8_PERIOD_STATUS_REOPENED);
    }
  return "";
}

/* What a record from a unit office may not carry; NULL when it may. */
static char *
forbidden_reason (D8BundleImport *im, const ReportRec *rec, const char **field)
{
  const D8UnitReport *r = rec->report;
  const char *origin = im->preview.origin;

  if (im->sender_units == NULL)
    return NULL; /* the province decides on every unit's report */
  if (!g_hash_table_contains (im->sender_units, r->unit_code))
    return *field = "unit",
           g_strdup_printf (_("the office of %s may only send reports of its own unit, not of %s"),
                            origin, r->unit_code);
  switch (r->state)
    {
    case D8_REPORT_STATE_SUBMITTED:
    case D8_REPORT_STATE_WITHDRAWN:
      return NULL;
    case D8_REPORT_STATE_RETURNED:
    case D8_REPORT_STATE_APPROVED:
    case D8_REPORT_STATE_REOPENED:
      break;
    }
  return *field = "state",
         g_strdup_printf (_("only the province approves, returns or reopens reports; the office "
                            "of %s sent one marked “%s”"), origin, state_word (r->state));
}

/* How a record from a unit office merges with @stored (may be NULL).
 * Sets @reason for a record refused here. */
static D8BundleOutcome
merge_from_unit (const ReportRec *rec, const D8UnitReport *stored, const char *title,
                 char **reason)
{
  const D8UnitReport *r = rec->report;

  if (stored == NULL || r->submission > stored->submission)
    {
      if (stored != NULL && stored->state == D8_REPORT_STATE_APPROVED)
        {
          *reason = g_strdup_printf (_("the report of %s for %s is approved here; the province "
                                       "must reopen it before a new one is accepted"),
                                     stored->unit_name, title);
          return D8_BUNDLE_REJECTED;
        }
      return stored == NULL ? D8_BUNDLE_NEW : D8_BUNDLE_UPDATED;
    }
  if (r->submission < stored->submission)
    return D8_BUNDLE_UNCHANGED; /* stale: a later submission is here */
  if (r->state == D8_REPORT_STATE_WITHDRAWN && stored->state == D8_REPORT_STATE_SUBMITTED)
    return D8_BUNDLE_UPDATED;
  if (r->state == D8_REPORT_STATE_WITHDRAWN && stored->state != D8_REPORT_STATE_WITHDRAWN)
    {
      *reason = g_strdup_printf (_("the report of %s for %s was withdrawn after the province "
                                   "decided on it (%s); the decision stands"),
                                 stored->unit_name, title, state_word (stored->state));
      return D8_BUNDLE_REJECTED;
    }
  return D8_BUNDLE_UNCHANGED;
}

/* How a record from the province merges with @stored (may be NULL). */
static D8BundleOutcome
merge_from_province (const ReportRec *rec, const D8UnitReport *stored)
{
  const D8UnitReport *r = rec->report;

  if (stored == NULL)
    return D8_BUNDLE_NEW;
  if (r->submission > stored->submission)
    return D8_BUNDLE_UPDATED; /* this office lost what it sent: the province's copy */
  if (r->submission < stored->submission)
    return D8_BUNDLE_UNCHANGED; /* a decision on a submission since replaced */
  if (r->state == stored->state && g_strcmp0 (r->received_at, stored->received_at) == 0
      && g_strcmp0 (r->decided_at, stored->decided_at) == 0)
    return D8_BUNDLE_UNCHANGED;
  switch (r->state)
    {
    case D8_REPORT_STATE_SUBMITTED:
      /* The province has it, undecided: only its receipt is news; a
       * withdrawal made here since stands. */
      return stored->state == D8_REPORT_STATE_SUBMITTED ? D8_BUNDLE_UPDATED : D8_BUNDLE_UNCHANGED;
    case D8_REPORT_STATE_WITHDRAWN:
      return D8_BUNDLE_UNCHANGED;
    case D8_REPORT_STATE_RETURNED:
    case D8_REPORT_STATE_APPROVED:
    case D8_REPORT_STATE_REOPENED:
      return D8_BUNDLE_UPDATED;
    }
  return D8_BUNDLE_UNCHANGED;
}

/* Writes what @rec brings over @stored (may be NULL). */
static gboolean
write_report_rec (D8BundleImport *im, ReportRec *rec, D8UnitReport *stored,
                  gboolean from_province, GError **error)
{
  D8Store *store = im->store;
  D8UnitReport *r = rec->report;
  g_autofree char *now = d8_store_reporting_now (store);
  gboolean here_province = g_str_equal (d8_store_get_office (store), "province");
  const char *action = d8_report_state_to_string (r->state);
  const char *reason = NULL;

  if (!from_province && stored != NULL && r->submission == stored->submission)
    {
      /* A withdrawal of the submission held here: the figures stay. */
      stored->state = D8_REPORT_STATE_WITHDRAWN;
      g_clear_pointer (&stored->figures, g_ptr_array_unref);
      return d8_store_write_report (store, stored, error)
             && d8_store_add_report_event (store, stored->id, im->preview.origin, "withdrawn",
                                           stored->submission, NULL, now, error);
    }
  if (from_province && stored != NULL && r->submission == stored->submission)
    {
      /* A decision or a receipt on the submission held here. */
      stored->state = r->state;
      g_free (stored->received_at);
      stored->received_at = g_strdup (r->received_at);
      g_free (stored->decided_at);
      stored->decided_at = g_strdup (r->decided_at);
      g_free (stored->decision_reason);
      stored->decision_reason = g_strdup (r->decision_reason);
      g_free (stored->reopen_reason);
      stored->reopen_reason = g_strdup (r->reopen_reason);
      g_clear_pointer (&stored->figures, g_ptr_array_unref);
      switch (r->state)
        {
        case D8_REPORT_STATE_RETURNED: reason = r->decision_reason; break;
        case D8_REPORT_STATE_REOPENED: reason = r->reopen_reason; break;
        case D8_REPORT_STATE_SUBMITTED: action = "received"; break;
        case D8_REPORT_STATE_APPROVED:
        case D8_REPORT_STATE_WITHDRAWN:
          break;
        }
      return d8_store_write_report (store, stored, error)
             && d8_store_add_report_event (store, stored->id, "province", action,
                                           stored->submission, reason,
                                           r->decided_at ? r->decided_at : now, error);
    }
  /* A new report, or a new submission: the record's figures and narrative. */
  if (!from_province)
    {
      /* The province keeps the first receipt of a period's report
       * (d8_period_status_for()); a decision on an earlier submission
       * does not carry over. */
      g_free (r->received_at);
      r->received_at = stored && stored->received_at ? g_strdup (stored->received_at)
                       : here_province && r->state == D8_REPORT_STATE_SUBMITTED ? g_strdup (now)
                                                                               : NULL;
      g_clear_pointer (&r->decided_at, g_free);
      g_clear_pointer (&r->decision_reason, g_free);
      if (stored != NULL)
        {
          g_free (r->reopen_reason);
          r->reopen_reason = g_strdup (stored->reopen_reason);
        }
    }
  if (!d8_store_write_report (store, r, error)
      || !d8_store_add_report_event (store, r->id, im->preview.origin, action, r->submission, NULL,
                                     r->submitted_at, error))
    return FALSE;
  if (!from_province && here_province && r->state == D8_REPORT_STATE_SUBMITTED)
    return d8_store_add_report_event (store, r->id, "province", "received", r->submission, NULL,
                                      now, error);
  return TRUE;
}

gboolean
d8_bundle_classify_reports (D8BundleImport *im, Pass *pass, GError **error)
{
  D8BundlePreview *p = &im->preview;
  gboolean from_province = g_str_equal (p->origin, "province");
  g_autoptr (GHashTable) mine = NULL;

  if (im->report_recs == NULL)
    return TRUE;
  if (!from_province || !g_str_equal (d8_store_get_office (im->store), "province"))
    {
      mine = d8_store_office_units (im->store, d8_store_get_office (im->store), error);
      if (mine == NULL)
        return FALSE;
    }
  g_free (im->report_outcomes);
  im->report_outcomes = g_new0 (guint8, im->report_recs->len);
  for (guint i = 0; i < im->report_recs->len; i++)
    {
      ReportRec *rec = im->report_recs->pdata[i];
      D8UnitReport *r = rec->report;
      g_autoptr (D8UnitReport) stored = NULL;
      g_autoptr (GError) local_error = NULL;
      const char *field = NULL;
      char *reason = NULL;
      gboolean forbidden = FALSE;
      D8BundleOutcome outcome = D8_BUNDLE_UNCHANGED;

      if ((reason = forbidden_reason (im, rec, &field)) != NULL)
        forbidden = TRUE;
      else if ((reason = resolve_codes (im->store, rec, &field)) == NULL)
        {
          stored = d8_store_find_report (im->store, r->plan_id, r->period_code, r->unit_id,
                                         &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (from_province && mine != NULL && !g_hash_table_contains (mine, r->unit_code))
            outcome = D8_BUNDLE_UNCHANGED; /* another unit's report: not this office's */
          else if (from_province)
            outcome = merge_from_province (rec, stored);
          else
            {
              g_autoptr (D8ReportingPeriod) period =
                d8_store_resolve_period (im->store, r->plan_id, r->period_code, NULL);

              outcome = merge_from_unit (rec, stored, period ? period->title : r->period_code,
                                         &reason);
            }
          if (reason != NULL)
            field = "state";
        }
      if (reason != NULL)
        {
          g_autofree char *record = g_strdup_printf ("reports[%u] (%s, %s)", i, r->unit_code,
                                                     r->period_code);
          g_autofree char *id = g_strdup_printf ("%s/%s", r->unit_code, r->period_code);

          d8_bundle_add_rejection (im, record, id, field, reason, forbidden);
          outcome = D8_BUNDLE_REJECTED;
        }
      else if (pass->write && outcome != D8_BUNDLE_UNCHANGED)
        {
          if (!write_report_rec (im, rec, stored, from_province, error))
            return FALSE;
        }
      im->report_outcomes[i] = outcome;
      p->reports[outcome]++;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ locks */

char *
d8_bundle_locked_reason (D8BundleImport *im, const Rec *rec, gint64 plan_id, gint64 unit_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8SqlStmt) stmt = NULL;

  /* As it arrives … */
  if (!d8_store_check_unlocked (im->store, plan_id, unit_id, rec->date, &error))
    return g_strdup (error->message);
  /* … and as it is stored here, if it moves out of a locked period. */
  stmt = d8_sql_prepare (d8_store_get_db (im->store),
                         "SELECT plan_id, unit_id, date FROM entries WHERE uuid = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, rec->uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW
      && !d8_store_check_unlocked (im->store, sqlite3_column_int64 (stmt, 0),
                                   sqlite3_column_int64 (stmt, 1),
                                   d8_sql_column_text (stmt, 2), &error))
    return g_strdup (error->message);
  return NULL;
}

/* ----------------------------------------------------------------- export */

static void
add_report (JsonBuilder *b, const char *plan_code, const D8UnitReport *r)
{
  json_builder_begin_object (b);
  d8_bundle_json_add_string (b, "plan", plan_code);
  d8_bundle_json_add_string (b, "period", r->period_code);
  d8_bundle_json_add_string (b, "unit", r->unit_code);
  d8_bundle_json_add_int (b, "submission", r->submission);
  d8_bundle_json_add_string (b, "state", d8_report_state_to_string (r->state));
  d8_bundle_json_add_string (b, "cutoff", r->cutoff);
  d8_bundle_json_add_string (b, "submitted_at", r->submitted_at);
  d8_json_add_string_or_null (b, "received_at", r->received_at);
  d8_json_add_string_or_null (b, "decided_at", r->decided_at);
  d8_json_add_string_or_null (b, "decision_reason", r->decision_reason);
  d8_json_add_string_or_null (b, "reopen_reason", r->reopen_reason);
  d8_json_add_string_or_null (b, "results", r->narrative->results);
  d8_json_add_string_or_null (b, "difficulties", r->narrative->difficulties);
  d8_json_add_string_or_null (b, "proposals", r->narrative->proposals);
  json_builder_set_member_name (b, "figures");
  json_builder_begin_array (b);
  for (guint i = 0; r->figures != NULL && i < r->figures->len; i++)
    {
      const D8ReportFigure *f = r->figures->pdata[i];

      json_builder_begin_object (b);
      d8_bundle_json_add_string (b, "indicator", f->indicator_code);
      d8_bundle_json_add_boolean (b, "has_quota", f->has_quota);
      if (f->has_quota)
        d8_bundle_json_add_int (b, "quota", f->quota);
      d8_bundle_json_add_int (b, "achieved", f->achieved);
      d8_bundle_json_add_int (b, "group_size", f->group_size);
      d8_bundle_json_add_string (b, "status", d8_status_to_string (f->status));
      d8_json_add_string_or_null (b, "reason", f->reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

char *
d8_bundle_export_reports (D8Store *store, const char *office, gint64 plan_id, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GHashTable) units = NULL;
  g_autoptr (GString) canonical = g_string_new (NULL);
  g_autofree char *json = NULL;
  gboolean province = g_str_equal (office, "province");
  guint n = 0;

  if ((plans = d8_store_list_plans (store, error)) == NULL)
    return NULL;
  if (!province && (units = d8_store_office_units (store, office, error)) == NULL)
    return NULL;
  json_builder_begin_array (b);
  for (guint i = 0; i < plans->len; i++)
    {
      const D8Plan *plan = plans->pdata[i];

      if (plan_id != 0 && plan->id != plan_id)
        continue;
      for (guint j = 0; plan->periods != NULL && j < plan->periods->len; j++)
        {
          g_autoptr (GPtrArray) reports =
            d8_store_list_unit_reports (store, plan->periods->pdata[j], error);

          if (reports == NULL)
            return NULL;
          for (guint k = 0; k < reports->len; k++)
            {
              const D8UnitReport *r = reports->pdata[k];

              /* A unit office sends what it says, never a decision back. */
              if (!province
                  && (!g_hash_table_contains (units, r->unit_code)
                      || (r->state != D8_REPORT_STATE_SUBMITTED
                          && r->state != D8_REPORT_STATE_WITHDRAWN)))
                continue;
              add_report (b, plan->code, r);
              n++;
            }
        }
    }
  json_builder_end_array (b);
  if (n == 0)
    return NULL;
  root = json_builder_get_root (b);
  json = json_to_string (root, FALSE);
  if (!d8_json_canonicalize (json, canonical))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE,
                   _("The reports could not be written into the bundle."));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&canonical), FALSE);
}
