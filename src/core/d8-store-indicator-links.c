/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-store-indicator-links.c — the user's mapping of indicators across
 * plans, kept in the table indicator_links (schema 5): indicator a of one
 * plan is indicator b of another. Comparisons of plans read it
 * (d8-plan-compare.c); duan8-cli link-indicator writes it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "d8-plan-compare.h"
#include "d8-store-private.h"

typedef struct
{
  gint64 plan_id;
  char *plan_code;
  char *code;
  D8IndicatorKind kind;
} LinkEnd;

static void
link_end_clear (LinkEnd *end)
{
  g_free (end->plan_code);
  g_free (end->code);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LinkEnd, link_end_clear)

static gboolean
read_link_end (D8Store *store, gint64 id, LinkEnd *end, GError **error)
{
  enum { PLAN_ID, PLAN_CODE, CODE, KIND };
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store),
                                               "SELECT i.plan_id, p.code, i.code, i.kind"
                                               " FROM indicators i JOIN plans p ON p.id = i.plan_id"
                                               " WHERE i.id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* Translators: %s is an indicator's id (a number) */
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                   _("indicator: there is no indicator with the id %s."), number);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return d8_sql_fail (d8_store_get_db (store), error, _("The indicators could not be read."));
  end->plan_id = sqlite3_column_int64 (stmt, PLAN_ID);
  end->plan_code = d8_sql_column_dup (stmt, PLAN_CODE);
  end->code = d8_sql_column_dup (stmt, CODE);
  end->kind = g_str_equal (d8_sql_column_text (stmt, KIND), "percent") ? D8_KIND_PERCENT
                                                                       : D8_KIND_COUNT;
  return TRUE;
}

static gboolean
exec_bound (D8Store *store, const char *sql, gint64 x, gint64 y, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store), sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, x);
  sqlite3_bind_int64 (stmt, 2, y);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (store), error, _("The link could not be saved."));
  return TRUE;
}

/* Checks and writes one link; the caller holds the transaction. */
static gboolean
link_one (D8Store *store, gint64 indicator_id, gint64 other_id, const char *now, GError **error)
{
  g_auto (LinkEnd) x = { 0 };
  g_auto (LinkEnd) y = { 0 };
  gint64 a = MIN (indicator_id, other_id), b = MAX (indicator_id, other_id);
  /* the links of @1 to indicators of plan @2 */
  const char *drop = "DELETE FROM indicator_links WHERE (a = ?1 AND b IN (SELECT id FROM"
                     " indicators WHERE plan_id = ?2)) OR (b = ?1 AND a IN (SELECT id FROM"
                     " indicators WHERE plan_id = ?2))";
  g_autoptr (D8SqlStmt) insert = NULL;

  if (!read_link_end (store, indicator_id, &x, error) || !read_link_end (store, other_id, &y, error))
    return FALSE;
  if (x.plan_id == y.plan_id)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   /* Translators: two indicator codes and a plan's code */
                   _("Indicators %s and %s are both of plan %s; a link joins indicators of two "
                     "different plans."),
                   x.code, y.code, x.plan_code);
      return FALSE;
    }
  if (x.kind != y.kind)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   /* Translators: indicator code, plan code, indicator code, plan code */
                   _("Indicator %s of plan %s and indicator %s of plan %s cannot be linked: one "
                     "counts things, the other is a percentage."),
                   x.code, x.plan_code, y.code, y.plan_code);
      return FALSE;
    }
  if (!exec_bound (store, drop, indicator_id, y.plan_id, error)
      || !exec_bound (store, drop, other_id, x.plan_id, error)
      || (insert = d8_sql_prepare (d8_store_get_db (store),
                                   "INSERT INTO indicator_links (a, b, linked_at) VALUES (?, ?, ?)",
                                   error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, a);
  sqlite3_bind_int64 (insert, 2, b);
  sqlite3_bind_text (insert, 3, now, -1, SQLITE_STATIC);
  if (sqlite3_step (insert) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (store), error, _("The link could not be saved."));
  return TRUE;
}

/**
 * d8_store_link_indicators_all:
 * @store: a store
 * @links: (element-type D8IndicatorLink): pairs of indicators of two
 *   different plans, each pair of the same kind (count or percent)
 * @error: (out) (optional): D8_ERROR_NOT_FOUND for an unknown id,
 *   D8_ERROR_INVALID for two indicators of one plan or of different kinds
 *   (naming both), D8_ERROR_DATABASE
 *
 * Records that each pair is one indicator across its plans, for
 * comparisons (docs/progress.md, "Comparing plans"), all in one
 * transaction: on any error nothing is written. A link replaces any earlier
 * link of either indicator to another indicator of the other's plan;
 * linking twice changes nothing. Emits "changed".
 *
 * Returns: TRUE on success.
 */
gboolean
d8_store_link_indicators_all (D8Store *store, GArray *links, GError **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);
  g_return_val_if_fail (links != NULL, FALSE);

  if (!d8_store_begin (store, error))
    return FALSE;
  now = d8_store_now_utc ();
  for (guint i = 0; i < links->len; i++)
    {
      const D8IndicatorLink *link = &g_array_index (links, D8IndicatorLink, i);

      if (!link_one (store, link->a, link->b, now, error))
        {
          d8_store_rollback (store);
          return FALSE;
        }
    }
  if (!d8_store_commit (store, error))
    return FALSE;
  d8_store_emit_changed (store);
  return TRUE;
}

/**
 * d8_store_link_indicators:
 * @store: a store
 * @indicator_id: an indicator of one plan
 * @other_id: an indicator of another plan, of the same kind
 * @error: (out) (optional): as d8_store_link_indicators_all()
 *
 * One link (d8_store_link_indicators_all()).
 *
 * Returns: TRUE on success.
 */
gboolean
d8_store_link_indicators (D8Store *store, gint64 indicator_id, gint64 other_id, GError **error)
{
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (D8IndicatorLink));
  D8IndicatorLink link = { indicator_id, other_id };

  g_array_append_val (links, link);
  return d8_store_link_indicators_all (store, links, error);
}

/**
 * d8_store_unlink_indicators:
 * @store: a store
 * @indicator_id: an indicator
 * @other_id: the indicator it is linked to
 * @error: (out) (optional): D8_ERROR_NOT_FOUND when the two are not
 *   linked, D8_ERROR_DATABASE
 *
 * Removes a link (the two match by code again where their codes agree).
 * Emits "changed".
 *
 * Returns: TRUE on success.
 */
gboolean
d8_store_unlink_indicators (D8Store *store, gint64 indicator_id, gint64 other_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  stmt = d8_sql_prepare (d8_store_get_db (store),
                         "DELETE FROM indicator_links WHERE a = ? AND b = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, MIN (indicator_id, other_id));
  sqlite3_bind_int64 (stmt, 2, MAX (indicator_id, other_id));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (store), error, _("The link could not be removed."));
  if (sqlite3_changes (d8_store_get_db (store)) == 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("These two indicators are not linked."));
      return FALSE;
    }
  d8_store_emit_changed (store);
  return TRUE;
}

/**
 * d8_store_list_indicator_links:
 * @store: a store
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * Returns: (transfer full) (element-type D8IndicatorLink) (nullable): every
 *   link, the smaller id as a, or NULL on error.
 */
GArray *
d8_store_list_indicator_links (D8Store *store, GError **error)
{
  enum { A, B };
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (D8IndicatorLink));
  int rc;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  stmt = d8_sql_prepare (d8_store_get_db (store),
                         "SELECT a, b FROM indicator_links ORDER BY a, b", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      D8IndicatorLink link = { sqlite3_column_int64 (stmt, A), sqlite3_column_int64 (stmt, B) };
      g_array_append_val (links, link);
    }
  if (rc != SQLITE_DONE)
    {
      d8_sql_fail (d8_store_get_db (store), error, _("The links could not be read."));
      return NULL;
    }
  return g_steal_pointer (&links);
}
