/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-draft-quota.c — changing the figures of a plan: a unit's quota,
 * the stated total of an indicator, an extra (percent) target. A draft
 * changes plainly; an issued plan only under an open amendment, whose
 * history keeps every old value (d8-plan-draft.h). The cell writers are
 * the plan import's (d8_store_revise_quota/_target), so "what changed"
 * and its history are decided once.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "d8-plan-draft-private.h"
#include "d8-plan-import-private.h"

gboolean
d8_plan_draft_write_quota (D8Store *store, gint64 revision_id, gint64 plan_id, gint64 unit_id,
                           gint64 indicator_id, gboolean has_quota, gint64 quota, GError **error)
{
  g_autofree char *written = has_quota ? g_strdup_printf ("%" G_GINT64_FORMAT, quota)
                                       : g_strdup ("-");

  return d8_store_revise_quota (store, revision_id, plan_id, unit_id, indicator_id, has_quota,
                                has_quota ? quota : 0, written, error);
}

/* Where a stated total is written: the plan's totals-row label, else what
 * the indicator's target said, else "" (the column stays NOT NULL). */
static char *
total_source (D8Store *store, const D8Plan *plan, gint64 indicator_id)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  if (plan->target_label != NULL && *plan->target_label != '\0')
    return g_strdup (plan->target_label);
  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT source FROM plan_targets"
                         " WHERE plan_id = ? AND indicator_id = ?", NULL);
  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, plan->id);
  sqlite3_bind_int64 (stmt, 2, indicator_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && d8_sql_column_text (stmt, 0) != NULL)
    return d8_sql_column_dup (stmt, 0);
  return g_strdup ("");
}

gboolean
d8_plan_draft_write_total (D8Store *store, gint64 revision_id, const D8Plan *plan,
                           gint64 indicator_id, gboolean has_total, gint64 total, GError **error)
{
  g_autofree char *written = g_strdup_printf ("%" G_GINT64_FORMAT, total);
  g_autofree char *source = total_source (store, plan, indicator_id);
  D8Indicator target = {
    .has_target = has_total,
    .target = (double) total,
    .target_written = written,
    .target_source = source,
  };

  return d8_store_revise_target (store, revision_id, plan->id, indicator_id, &target, error);
}

static gboolean
check_amount (const char *field, gint64 value, GError **error)
{
  if (value >= 0 && value <= D8_ENTRY_AMOUNT_MAX)
    return TRUE;
  g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
               _("%s: %lld is not a whole number from 0 to 1,000,000,000,000."), field,
               (long long) value);
  return FALSE;
}

/* The indicator, checked to be one of the plan's appendix columns. */
static D8Indicator *
appendix_indicator (D8Store *store, const D8Plan *plan, gint64 indicator_id, GError **error)
{
  g_autoptr (D8Indicator) indicator = d8_store_find_indicator (store, plan->id, indicator_id,
                                                               error);
  g_autofree char *name = NULL;

  if (indicator == NULL)
    return NULL;
  if (indicator->in_appendix)
    return g_steal_pointer (&indicator);
  name = d8_plan_draft_name (plan);
  g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
               _("indicator: %s is not allocated to units in the plan %s (it is not a column "
                 "of its appendix)."), indicator->code, name);
  return NULL;
}

gboolean
d8_store_set_quota (D8Store *store, gint64 plan_id, gint64 unit_id, gint64 indicator_id,
                    gboolean has_quota, gint64 quota, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Indicator) indicator = NULL;
  gint64 revision_id;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL
      || (has_quota && !check_amount (_("quota"), quota, error))
      || (indicator = appendix_indicator (store, plan, indicator_id, error)) == NULL
      || !d8_plan_draft_check_quotas_editable (store, plan, &revision_id, error))
    return FALSE;
  if (!d8_store_plan_has_unit (store, plan_id, unit_id))
    {
      g_autofree char *name = d8_plan_draft_name (plan);
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                   _("unit: the unit is not part of the plan %s."), name);
      return FALSE;
    }
  if (!d8_store_begin (store, error))
    return FALSE;
  return d8_store_end_change (store,
                              d8_plan_draft_write_quota (store, revision_id, plan_id, unit_id,
                                                         indicator_id, has_quota, quota, error),
                              error);
}

gboolean
d8_store_set_stated_total (D8Store *store, gint64 plan_id, gint64 indicator_id,
                           gboolean has_total, gint64 total, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Indicator) indicator = NULL;
  gint64 revision_id;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL
      || (has_total && !check_amount (_("stated total"), total, error))
      || (indicator = appendix_indicator (store, plan, indicator_id, error)) == NULL
      || !d8_plan_draft_check_quotas_editable (store, plan, &revision_id, error))
    return FALSE;
  switch (indicator->kind)
    {
    case D8_KIND_COUNT:
      break;
    case D8_KIND_PERCENT:
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("indicator: %s is a percentage; its target is a share, not a total."),
                   indicator->code);
      return FALSE;
    }
  if (!d8_store_begin (store, error))
    return FALSE;
  return d8_store_end_change (store,
                              d8_plan_draft_write_total (store, revision_id, plan, indicator_id,
                                                         has_total, total, error),
                              error);
}

gboolean
d8_store_set_extra_target (D8Store *store, gint64 plan_id, gint64 indicator_id,
                           gboolean has_target, double percent, const char *source,
                           GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Indicator) indicator = NULL;
  g_autofree char *written = NULL;
  g_autofree char *where = NULL;
  gint64 revision_id;
  D8Indicator target = { 0 };

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL
      || (indicator = d8_store_find_indicator (store, plan_id, indicator_id, error)) == NULL
      || !d8_plan_draft_check_quotas_editable (store, plan, &revision_id, error))
    return FALSE;
  switch (indicator->kind)
    {
    case D8_KIND_PERCENT:
      break;
    case D8_KIND_COUNT:
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("indicator: %s counts things; an extra target is a percentage."),
                   indicator->code);
      return FALSE;
    }
  if (has_target && !(isfinite (percent) && percent > 0 && percent <= 100))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("target: a percentage target is above 0 and at most 100."));
      return FALSE;
    }
  {
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];
    /* Machine text: the target as the plan file writes it, "80%". */
    written = g_strconcat (g_ascii_dtostr (buffer, sizeof buffer, percent), "%", NULL);
  }
  where = g_strdup (source != NULL ? source
                    : indicator->target_source != NULL ? indicator->target_source : "");
  target.has_target = has_target;
  target.target = percent;
  target.target_written = written;
  target.target_source = where;
  if (!d8_store_begin (store, error))
    return FALSE;
  return d8_store_end_change (store,
                              d8_store_revise_target (store, revision_id, plan_id, indicator_id,
                                                      &target, error),
                              error);
}
