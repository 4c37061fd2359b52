/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-draft-units.c — the rows and columns of a plan being made: its
 * units (added, renamed, moved in the tree, retired, reordered), its
 * content groups and its indicators (d8-plan-draft.h).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "d8-entry.h"
#include "d8-format.h"
#include "d8-plan-draft-private.h"
#include "d8-plan-import-private.h"
#include "d8-text.h"

/* Runs one statement with integer ?1, ?2 and text ?3 (those it has) in
 * its own transaction, then emits "changed". */
static gboolean
write_one (D8Store *store, const char *sql, gint64 a, gint64 b, const char *text,
           const char *failure, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  if (!d8_store_begin (store, error))
    return FALSE;
  stmt = d8_sql_prepare (d8_store_get_db (store), sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, a);
      sqlite3_bind_int64 (stmt, 2, b);
      d8_sql_bind_text (stmt, 3, text, D8_SQL_EMPTY_IS_NULL);
    }
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (stmt != NULL)
        d8_sql_fail (d8_store_get_db (store), error, failure);
      d8_store_rollback (store);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  return d8_store_end_change (store, TRUE, error);
}

/* A required text field, NFC and trimmed; D8_ERROR_INVALID naming @field
 * when empty. */
static char *
required_text (const char *text, const char *field, GError **error)
{
  g_autofree char *value = NULL;

  if (text != NULL && (value = d8_text_normalize (text, field, error)) == NULL)
    return NULL;
  if (value == NULL || *value == '\0')
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("%s: this field is required."), field);
      return NULL;
    }
  if (!d8_text_check_visible (value, field, error))
    return NULL;
  return g_steal_pointer (&value);
}

static D8Unit *
get_unit (D8Store *store, gint64 unit_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (d8_store_get_db (store), "SELECT " D8_UNIT_COLS ("") " FROM units WHERE id = ?",
                    error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                   _("unit: there is no unit with the id %lld."), (long long) unit_id);
      return NULL;
    }
  return d8_store_unit_from_row (stmt);
}

/* The plan, when its rows may change: only a draft's. The offices match an
 * issued plan's units by code and row number, and refuse a bundle whose
 * plan has other ones (docs/bundle-format.md): a plan with other units is a
 * new plan, made from this one. */
static D8Plan *
plan_for_rows (D8Store *store, gint64 plan_id, GError **error)
{
  g_autoptr (D8Plan) plan = d8_store_get_plan (store, plan_id, error);
  g_autofree char *name = NULL;

  if (plan == NULL || plan->is_draft)
    return g_steal_pointer (&plan);
  name = d8_plan_draft_name (plan);
  g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
               _("The plan %s is issued: its units and their order are fixed, as the offices "
                 "know them. Make a new plan from it to allocate to other units."), name);
  return NULL;
}

static gboolean
append_unit (D8Store *store, gint64 plan_id, gint64 unit_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (d8_store_get_db (store), "INSERT INTO plan_units (plan_id, unit_id, position)"
                    " SELECT ?1, ?2, COALESCE (MAX (position), 0) + 1 FROM plan_units"
                    " WHERE plan_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (store), error, _("The units of the plan could not be saved."));
  return TRUE;
}

/* A unit of the plan under the same parent whose name folds equal. */
static gboolean
check_name_free (D8Store *store, const D8Plan *plan, const char *name, gint64 parent_id,
                 gint64 except_id, GError **error)
{
  g_autoptr (GPtrArray) units = d8_store_list_units (store, plan->id, error);
  g_autofree char *key = d8_text_name_key (name);

  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      D8Unit *unit = units->pdata[i];
      g_autofree char *other = d8_text_name_key (unit->name);
      if (unit->id != except_id && unit->parent_id == parent_id && g_str_equal (key, other))
        {
          g_autofree char *plan_name = d8_plan_draft_name (plan);
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       _("name: the plan %s already has a unit “%s” under the same parent."),
                       plan_name, unit->name);
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
insert_unit (D8Store *store, const D8Plan *plan, const char *name, const char *level,
             gint64 parent_id, const char *kind, GError **error)
{
  g_autofree char *plan_slug = d8_plan_import_slug (plan->code);
  g_autofree char *name_slug = d8_plan_import_slug (name);
  g_autofree char *base = g_strdup_printf ("%s/%s", plan_slug, name_slug);
  g_autofree char *code = g_strdup (base);
  g_autoptr (D8SqlStmt) stmt = NULL;

  for (int n = 2; d8_store_unit_id_by_code (store, code) != 0; n++)
    {
      g_free (code);
      code = g_strdup_printf ("%s-%d", base, n);
    }
  stmt = d8_sql_prepare (d8_store_get_db (store), "INSERT INTO units (code, name, kind, level,"
                         " parent_id) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  d8_sql_bind_text (stmt, 1, code, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 2, name, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 3, kind, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 4, level, D8_SQL_EMPTY_IS_NULL);
  if (parent_id != 0)
    sqlite3_bind_int64 (stmt, 5, parent_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      d8_sql_fail (d8_store_get_db (store), error, _("A unit of the plan could not be saved."));
      return 0;
    }
  return sqlite3_last_insert_rowid (d8_store_get_db (store));
}

gint64
d8_store_plan_add_unit (D8Store *store, gint64 plan_id, const char *name, const char *level,
                        gint64 parent_id, const char *kind, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Unit) parent = NULL;
  g_autofree char *name_n = NULL;
  g_autofree char *level_n = NULL;
  g_autofree char *kind_n = NULL;
  gint64 unit_id;

  g_return_val_if_fail (D8_IS_STORE (store), 0);

  if ((plan = plan_for_rows (store, plan_id, error)) == NULL
      || (name_n = required_text (name, _("name"), error)) == NULL
      || (level_n = required_text (level, _("level"), error)) == NULL
      || (kind != NULL && *kind != '\0' && (kind_n = required_text (kind, _("kind"), error)) == NULL)
      || (parent_id != 0 && (parent = get_unit (store, parent_id, error)) == NULL)
      || !check_name_free (store, plan, name_n, parent_id, 0, error))
    return 0;
  if (!d8_store_begin (store, error))
    return 0;
  unit_id = insert_unit (store, plan, name_n, level_n, parent_id, kind_n, error);
  if (!d8_store_end_change (store,
                            unit_id != 0 && append_unit (store, plan_id, unit_id, error)
                              && d8_plan_draft_sync_cells (store, plan_id, error),
                            error))
    return 0;
  return unit_id;
}

gboolean
d8_store_plan_include_unit (D8Store *store, gint64 plan_id, gint64 unit_id, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Unit) unit = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  if ((plan = plan_for_rows (store, plan_id, error)) == NULL
      || (unit = get_unit (store, unit_id, error)) == NULL)
    return FALSE;
  if (d8_store_plan_has_unit (store, plan_id, unit_id))
    {
      g_autofree char *name = d8_plan_draft_name (plan);
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("unit: “%s” is already in the plan %s."),
                   unit->name, name);
      return FALSE;
    }
  if (!d8_store_begin (store, error))
    return FALSE;
  return d8_store_end_change (store,
                              append_unit (store, plan_id, unit_id, error)
                                && d8_plan_draft_sync_cells (store, plan_id, error),
                              error);
}

gboolean
d8_store_plan_remove_unit (D8Store *store, gint64 plan_id, gint64 unit_id, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *name = NULL;
  g_autoptr (D8SqlStmt) quotas = NULL;
  g_autoptr (D8SqlStmt) member = NULL;
  sqlite3 *db;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL)
    return FALSE;
  name = d8_plan_draft_name (plan);
  if (!plan->is_draft)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("The plan %s is issued: its entries and history refer to its units. "
                     "Retire a unit (the last day it exists) instead of removing it."), name);
      return FALSE;
    }
  if (!d8_store_plan_has_unit (store, plan_id, unit_id))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                   _("unit: the unit is not part of the plan %s."), name);
      return FALSE;
    }
  db = d8_store_get_db (store);
  if (!d8_store_begin (store, error))
    return FALSE;
  quotas = d8_sql_prepare (db, "DELETE FROM quotas WHERE plan_id = ? AND unit_id = ?", error);
  member = d8_sql_prepare (db, "DELETE FROM plan_units WHERE plan_id = ? AND unit_id = ?", error);
  for (guint i = 0; i < 2; i++)
    {
      sqlite3_stmt *stmt = i == 0 ? quotas : member;
      if (stmt == NULL)
        {
          d8_store_rollback (store);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int64 (stmt, 2, unit_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          d8_sql_fail (db, error, _("The units of the plan could not be saved."));
          d8_store_rollback (store);
          return FALSE;
        }
    }
  g_clear_pointer (&quotas, sqlite3_finalize);
  g_clear_pointer (&member, sqlite3_finalize);
  return d8_store_end_change (store, TRUE, error);
}

/* Writes one text column of an existing unit (@sql binds the unit as ?1
 * and the text as ?3): @text NFC and trimmed, refused naming @field when
 * @required and empty; otherwise NULL clears the column. */
static gboolean
set_unit_text (D8Store *store, gint64 unit_id, const char *sql, const char *text,
               const char *field, gboolean required, GError **error)
{
  g_autoptr (D8Unit) unit = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  if ((unit = get_unit (store, unit_id, error)) == NULL)
    return FALSE;
  if (required ? (value = required_text (text, field, error)) == NULL
               : text != NULL && (value = d8_text_normalize (text, field, error)) == NULL)
    return FALSE;
  return write_one (store, sql, unit_id, 0, value, _("A unit of the plan could not be saved."),
                    error);
}

gboolean
d8_store_rename_unit (D8Store *store, gint64 unit_id, const char *name, GError **error)
{
  return set_unit_text (store, unit_id, "UPDATE units SET name = ?3 WHERE id = ?1", name,
                        _("name"), TRUE, error);
}

gboolean
d8_store_set_unit_kind (D8Store *store, gint64 unit_id, const char *kind, GError **error)
{
  return set_unit_text (store, unit_id, "UPDATE units SET kind = ?3 WHERE id = ?1", kind,
                        _("kind"), FALSE, error);
}

gboolean
d8_store_set_unit_level (D8Store *store, gint64 unit_id, const char *level, GError **error)
{
  return set_unit_text (store, unit_id, "UPDATE units SET level = ?3 WHERE id = ?1", level,
                        _("level"), TRUE, error);
}

gboolean
d8_store_set_unit_parent (D8Store *store, gint64 unit_id, gint64 parent_id, GError **error)
{
  g_autoptr (D8Unit) unit = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  if ((unit = get_unit (store, unit_id, error)) == NULL)
    return FALSE;
  /* Walk up from the new parent: meeting the unit itself is a cycle. */
  for (gint64 id = parent_id; id != 0;)
    {
      g_autoptr (D8Unit) up = get_unit (store, id, error);
      if (up == NULL)
        return FALSE;
      if (up->id == unit_id)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       _("parent: “%s” cannot be placed under itself or under a unit it "
                         "contains."), unit->name);
          return FALSE;
        }
      id = up->parent_id;
    }
  return write_one (store, "UPDATE units SET parent_id = NULLIF (?2, 0) WHERE id = ?1",
                    unit_id, parent_id, NULL,
                    _("A unit of the plan could not be saved."), error);
}

gboolean
d8_store_retire_unit (D8Store *store, gint64 unit_id, const char *valid_to, GError **error)
{
  g_autoptr (D8Unit) unit = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  if ((unit = get_unit (store, unit_id, error)) == NULL)
    return FALSE;
  if (valid_to != NULL && !d8_date_is_valid (valid_to))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("valid to: “%s” is not a date in the form YYYY-MM-DD."), valid_to);
      return FALSE;
    }
  if (valid_to != NULL && unit->valid_from != NULL && g_strcmp0 (valid_to, unit->valid_from) < 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("valid to: “%s” would end before it began (%s)."), unit->name,
                   unit->valid_from);
      return FALSE;
    }
  return write_one (store, "UPDATE units SET valid_to = ?3 WHERE id = ?1", unit_id, 0,
                    valid_to, _("A unit of the plan could not be saved."), error);
}

gboolean
d8_store_plan_reorder_units (D8Store *store, gint64 plan_id, const gint64 *unit_ids, guint n,
                             GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db = d8_store_get_db (store);

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);
  g_return_val_if_fail (n == 0 || unit_ids != NULL, FALSE);

  if ((plan = plan_for_rows (store, plan_id, error)) == NULL
      || (units = d8_store_list_units (store, plan_id, error)) == NULL)
    return FALSE;
  name = d8_plan_draft_name (plan);
  for (guint i = 0; i < n; i++)
    if (!d8_store_plan_has_unit (store, plan_id, unit_ids[i])
        || !g_hash_table_add (seen, (gpointer) &unit_ids[i]))
      break;
  if (n != units->len || g_hash_table_size (seen) != n)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("The new order must list every unit of the plan %s exactly once."), name);
      return FALSE;
    }
  if (!d8_store_begin (store, error))
    return FALSE;
  /* Positions are UNIQUE per plan: move them out of the way first. */
  stmt = d8_sql_prepare (db, "UPDATE plan_units SET position = -position WHERE plan_id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (stmt != NULL)
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      stmt = d8_sql_prepare (db, "UPDATE plan_units SET position = ? WHERE plan_id = ?"
                                 " AND unit_id = ?", error);
    }
  for (guint i = 0; stmt != NULL && i < n; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, (int) i + 1);
      sqlite3_bind_int64 (stmt, 2, plan_id);
      sqlite3_bind_int64 (stmt, 3, unit_ids[i]);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (stmt == NULL)
    {
      if (error != NULL && *error == NULL)
        d8_sql_fail (db, error, _("The units of the plan could not be saved."));
      d8_store_rollback (store);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  return d8_store_end_change (store, TRUE, error);
}

/* ------------------------------------------------ groups, indicators */

gboolean
d8_store_plan_set_group (D8Store *store, gint64 plan_id, int number, const char *title,
                         GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL
      || (value = required_text (title, _("title"), error)) == NULL)
    return FALSE;
  if (number < 1 || number > 999)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("number: a content group is numbered from 1 to 999, not %d."), number);
      return FALSE;
    }
  return write_one (store, "INSERT INTO indicator_groups (plan_id, number, title)"
                           " VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET title = excluded.title",
                    plan_id, number, value, _("A content group of the plan could not be saved."),
                    error);
}

/* The fields, checked: required texts present, the group one of the
 * plan's. Fills the normalised texts. */
static gboolean
check_fields (D8Store *store, const D8Plan *plan, const D8IndicatorFields *fields, char **code,
              char **name_vi, char **name_en, char **count_unit, GError **error)
{
  if ((*code = required_text (fields->code, _("code"), error)) == NULL
      || (*name_vi = required_text (fields->name_vi, _("Vietnamese name"), error)) == NULL
      || (*count_unit = required_text (fields->count_unit, _("unit of count"), error)) == NULL)
    return FALSE;
  if (fields->name_en != NULL && *fields->name_en != '\0'
      && (*name_en = d8_text_normalize (fields->name_en, _("English name"), error)) == NULL)
    return FALSE;
  {
    g_autoptr (D8SqlStmt) stmt =
      d8_sql_prepare (d8_store_get_db (store), "SELECT 1 FROM indicator_groups WHERE plan_id = ?"
                      " AND number = ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, plan->id);
    sqlite3_bind_int (stmt, 2, fields->group_no);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        g_autofree char *name = d8_plan_draft_name (plan);
        g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                     _("group: the plan %s has no content group %d; add it first."), name,
                     fields->group_no);
        return FALSE;
      }
  }
  return TRUE;
}

static gboolean
check_code_free (D8Store *store, const D8Plan *plan, const char *code, gint64 except_id,
                 GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (d8_store_get_db (store), "SELECT 1 FROM indicators WHERE plan_id = ?"
                    " AND code = ? AND id <> ?", error);
  g_autofree char *name = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, except_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  name = d8_plan_draft_name (plan);
  g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
               _("code: the plan %s already has an indicator %s."), name, code);
  return FALSE;
}

/* Moves the plan's indicators so that @indicator_id is at @position
 * (1-based, clamped), the others keeping their order. */
static gboolean
place_indicator (D8Store *store, gint64 plan_id, gint64 indicator_id, int position,
                 GError **error)
{
  g_autoptr (D8SqlStmt) list =
    d8_sql_prepare (d8_store_get_db (store), "SELECT id FROM indicators WHERE plan_id = ?"
                    " AND id <> ? ORDER BY position, id", error);
  g_autoptr (D8SqlStmt) set = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (list == NULL)
    return FALSE;
  sqlite3_bind_int64 (list, 1, plan_id);
  sqlite3_bind_int64 (list, 2, indicator_id);
  while (sqlite3_step (list) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (list, 0);
      g_array_append_val (ids, id);
    }
  position = CLAMP (position, 1, (int) ids->len + 1);
  g_array_insert_val (ids, (guint) position - 1, indicator_id);
  set = d8_sql_prepare (d8_store_get_db (store), "UPDATE indicators SET position = ? WHERE id = ?",
                        error);
  if (set == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (set);
      sqlite3_bind_int (set, 1, (int) i + 1);
      sqlite3_bind_int64 (set, 2, g_array_index (ids, gint64, i));
      if (sqlite3_step (set) != SQLITE_DONE)
        return d8_sql_fail (d8_store_get_db (store), error,
                            _("An indicator of the plan could not be saved."));
    }
  return TRUE;
}

/* INSERT (@indicator_id 0) or UPDATE of the indicator's row, then its
 * place; the caller holds the transaction. Returns the id, 0 on error. */
static gint64
write_indicator (D8Store *store, gint64 plan_id, gint64 indicator_id,
                 const D8IndicatorFields *fields, const char *code, const char *name_vi,
                 const char *name_en, const char *count_unit, GError **error)
{
  sqlite3 *db = d8_store_get_db (store);
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (db, indicator_id == 0
                    ? "INSERT INTO indicators (plan_id, code, name_vi, name_en, count_unit, kind,"
                      " group_no, in_appendix, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                      " (SELECT COALESCE (MAX (position), 0) + 1 FROM indicators"
                      "  WHERE plan_id = ?1))"
                    : "UPDATE indicators SET code = ?2, name_vi = ?3, name_en = ?4,"
                      " count_unit = ?5, kind = ?6, group_no = ?7, in_appendix = ?8"
                      " WHERE plan_id = ?1 AND id = ?9", error);
  gint64 id = indicator_id;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  d8_sql_bind_text (stmt, 2, code, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 3, name_vi, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 4, name_en, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 5, count_unit, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 6, d8_indicator_kind_to_string (fields->kind), D8_SQL_EMPTY_IS_NULL);
  sqlite3_bind_int (stmt, 7, fields->group_no);
  sqlite3_bind_int (stmt, 8, fields->in_appendix ? 1 : 0);
  if (indicator_id != 0)
    sqlite3_bind_int64 (stmt, 9, indicator_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      d8_sql_fail (db, error, _("An indicator of the plan could not be saved."));
      return 0;
    }
  if (id == 0)
    id = sqlite3_last_insert_rowid (db);
  if (fields->position > 0 && !place_indicator (store, plan_id, id, fields->position, error))
    return 0;
  return id;
}

gint64
d8_store_plan_add_indicator (D8Store *store, gint64 plan_id, const D8IndicatorFields *fields,
                             GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *code = NULL, *name_vi = NULL, *name_en = NULL, *count_unit = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  g_return_val_if_fail (D8_IS_STORE (store), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL)
    return 0;
  name = d8_plan_draft_name (plan);
  if (!plan->is_draft)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("The plan %s is issued: indicators are added only while a plan is a "
                     "draft."), name);
      return 0;
    }
  if (!check_fields (store, plan, fields, &code, &name_vi, &name_en, &count_unit, error)
      || !check_code_free (store, plan, code, 0, error))
    return 0;
  if (!d8_store_begin (store, error))
    return 0;
  id = write_indicator (store, plan_id, 0, fields, code, name_vi, name_en, count_unit, error);
  if (!d8_store_end_change (store, id != 0 && d8_plan_draft_sync_cells (store, plan_id, error),
                            error))
    return 0;
  return id;
}

gboolean
d8_store_plan_edit_indicator (D8Store *store, gint64 plan_id, gint64 indicator_id,
                              const D8IndicatorFields *fields, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Indicator) old = NULL;
  g_autofree char *code = NULL, *name_vi = NULL, *name_en = NULL, *count_unit = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if ((plan = d8_store_get_plan (store, plan_id, error)) == NULL
      || (old = d8_store_find_indicator (store, plan_id, indicator_id, error)) == NULL
      || !check_fields (store, plan, fields, &code, &name_vi, &name_en, &count_unit, error)
      || !check_code_free (store, plan, code, indicator_id, error))
    return FALSE;
  if (!plan->is_draft
      && (!g_str_equal (code, old->code) || fields->kind != old->kind
          || (fields->in_appendix != FALSE) != (old->in_appendix != FALSE)))
    {
      g_autofree char *name = d8_plan_draft_name (plan);
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("The plan %s is issued: entries refer to indicator %s, so its code, kind "
                     "and place in the appendix stay as they are."), name, old->code);
      return FALSE;
    }
  if (!d8_store_begin (store, error))
    return FALSE;
  return d8_store_end_change (store,
                              write_indicator (store, plan_id, indicator_id, fields, code, name_vi,
                                               name_en, count_unit, error) != 0
                                && d8_plan_draft_sync_cells (store, plan_id, error),
                              error);
}
