/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-store-plans.c — plans in the store: writing a validated plan file
 * (its units, content groups, indicators, stated targets and quotas),
 * the plans embedded in the resources, and reading plans, units and
 * indicators back, also by what people type for them (resolve).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-core-resources.h"
#include "d8-entry.h"
#include "d8-plan-file.h"
#include "d8-plan-import-private.h"
#include "d8-sql.h"
#include "d8-store-private.h"
#include "d8-text.h"

#define PLANS_RESOURCE_PATH "/vn/hoilhpn/Duan8/plans/"

/* ---------------------------------------------------------------- writing */

gint64
d8_store_unit_id_by_code (D8Store *self, const char *code)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (self->db, "SELECT id FROM units WHERE code = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
insert_plan_row (D8Store *self, D8PlanFile *file, gint64 *plan_id, GError **error)
{
  const D8Plan *plan = file->plan;
  g_autofree char *now = d8_store_now_utc ();
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "INSERT INTO plans (code, title, doc_number, issuer, issued_on, year,"
                    " period_start, period_end, appendix_title, target_label, imported_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  d8_sql_bind_text (stmt, 1, plan->code, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 2, plan->title, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 3, plan->doc_number, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 4, plan->issuer, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 5, plan->issued_on, D8_SQL_EMPTY_IS_NULL);
  sqlite3_bind_int (stmt, 6, plan->year);
  d8_sql_bind_text (stmt, 7, plan->period_start, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 8, plan->period_end, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 9, file->appendix_title, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 10, plan->target_label, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (stmt, 11, now, D8_SQL_EMPTY_IS_NULL);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (self->db, error, _("The plan could not be saved."));
  *plan_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Units are shared between plans by code: a later plan may refer to the
 * same district. Parents come first in the file or later; insert all,
 * then link parents. Existing units keep their record. */
gboolean
d8_store_insert_plan_units (D8Store *self, D8PlanFile *file, GError **error)
{
  g_autoptr (D8SqlStmt) unit_stmt =
    d8_sql_prepare (self->db, "INSERT INTO units (code, name, kind, level, valid_from, valid_to)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING", error);
  g_autoptr (D8SqlStmt) parent_stmt = NULL;

  if (unit_stmt == NULL)
    return FALSE;
  for (guint i = 0; i < file->units->len; i++)
    {
      D8PlanFileUnit *unit = g_ptr_array_index (file->units, i);
      sqlite3_reset (unit_stmt);
      d8_sql_bind_text (unit_stmt, 1, unit->code, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (unit_stmt, 2, unit->name, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (unit_stmt, 3, unit->kind, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (unit_stmt, 4, unit->level, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (unit_stmt, 5, unit->valid_from, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (unit_stmt, 6, unit->valid_to, D8_SQL_EMPTY_IS_NULL);
      if (sqlite3_step (unit_stmt) != SQLITE_DONE)
        return d8_sql_fail (self->db, error, _("A unit of the plan could not be saved."));
    }

  parent_stmt = d8_sql_prepare (self->db, "UPDATE units SET parent_id = (SELECT id FROM units"
                                " WHERE code = ?) WHERE code = ? AND parent_id IS NULL", error);
  if (parent_stmt == NULL)
    return FALSE;
  for (guint i = 0; i < file->units->len; i++)
    {
      D8PlanFileUnit *unit = g_ptr_array_index (file->units, i);
      if (unit->parent == NULL)
        continue;
      sqlite3_reset (parent_stmt);
      d8_sql_bind_text (parent_stmt, 1, unit->parent, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (parent_stmt, 2, unit->code, D8_SQL_EMPTY_IS_NULL);
      if (sqlite3_step (parent_stmt) != SQLITE_DONE)
        return d8_sql_fail (self->db, error, _("A unit of the plan could not be saved."));
    }
  return TRUE;
}

static gboolean
insert_groups (D8Store *self, D8PlanFile *file, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "INSERT INTO indicator_groups (plan_id, number, title)"
                    " VALUES (?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < file->groups->len; i++)
    {
      D8PlanFileGroup *group = g_ptr_array_index (file->groups, i);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int (stmt, 2, group->number);
      d8_sql_bind_text (stmt, 3, group->title, D8_SQL_EMPTY_IS_NULL);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return d8_sql_fail (self->db, error, _("A content group of the plan could not be saved."));
    }
  return TRUE;
}

/* Sets the id of each of the file's indicators, for the quotas. */
static gboolean
insert_indicators (D8Store *self, D8PlanFile *file, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "INSERT INTO indicators (plan_id, code, name_vi, name_en, count_unit,"
                    " kind, group_no, position, in_appendix) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *indicator = g_ptr_array_index (file->indicators, i);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, plan_id);
      d8_sql_bind_text (stmt, 2, indicator->code, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 3, indicator->name_vi, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 4, indicator->name_en, D8_SQL_EMPTY_IS_NULL);
      /* A table's header may give no count unit: kept as "". */
      d8_sql_bind_text (stmt, 5, indicator->count_unit ? indicator->count_unit : "",
                        D8_SQL_EMPTY_IS_TEXT);
      d8_sql_bind_text (stmt, 6, d8_indicator_kind_to_string (indicator->kind),
                        D8_SQL_EMPTY_IS_NULL);
      sqlite3_bind_int (stmt, 7, indicator->group_no);
      sqlite3_bind_int (stmt, 8, indicator->position);
      sqlite3_bind_int (stmt, 9, indicator->in_appendix);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return d8_sql_fail (self->db, error, _("An indicator of the plan could not be saved."));
      indicator->id = sqlite3_last_insert_rowid (self->db);
    }
  return TRUE;
}

static gboolean
insert_targets (D8Store *self, D8PlanFile *file, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "INSERT INTO plan_targets (plan_id, indicator_id, value, written,"
                    " source) VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *indicator = g_ptr_array_index (file->indicators, i);
      if (!indicator->has_target)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int64 (stmt, 2, indicator->id);
      sqlite3_bind_double (stmt, 3, indicator->target);
      d8_sql_bind_text (stmt, 4, indicator->target_written, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 5, indicator->target_source, D8_SQL_EMPTY_IS_NULL);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return d8_sql_fail (self->db, error, _("A target of the plan could not be saved."));
    }
  return TRUE;
}

/* The appendix: each row makes its unit a member of the plan and gives it
 * a quota (or "no quota") for each column. */
static gboolean
insert_quotas (D8Store *self, D8PlanFile *file, gint64 plan_id, GError **error)
{
  g_autoptr (GHashTable) indicator_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (D8SqlStmt) member =
    d8_sql_prepare (self->db, "INSERT INTO plan_units (plan_id, unit_id, position)"
                    " VALUES (?, ?, ?)", error);
  g_autoptr (D8SqlStmt) quota =
    d8_sql_prepare (self->db, "INSERT INTO quotas (plan_id, unit_id, indicator_id, quota, written)"
                    " VALUES (?, ?, ?, ?, ?)", error);

  if (member == NULL || quota == NULL)
    return FALSE;
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *indicator = g_ptr_array_index (file->indicators, i);
      g_hash_table_insert (indicator_ids, indicator->code, indicator);
    }
  for (guint r = 0; r < file->rows->len; r++)
    {
      D8PlanFileRow *row = g_ptr_array_index (file->rows, r);
      gint64 unit_id = d8_store_unit_id_by_code (self, row->unit);

      sqlite3_reset (member);
      sqlite3_bind_int64 (member, 1, plan_id);
      sqlite3_bind_int64 (member, 2, unit_id);
      sqlite3_bind_int (member, 3, row->tt);
      if (sqlite3_step (member) != SQLITE_DONE)
        return d8_sql_fail (self->db, error, _("The units of the plan could not be saved."));
      for (guint c = 0; c < file->columns->len; c++)
        {
          D8Indicator *indicator =
            g_hash_table_lookup (indicator_ids, g_ptr_array_index (file->columns, c));
          sqlite3_reset (quota);
          sqlite3_bind_int64 (quota, 1, plan_id);
          sqlite3_bind_int64 (quota, 2, unit_id);
          sqlite3_bind_int64 (quota, 3, indicator->id);
          if (row->has[c])
            sqlite3_bind_int64 (quota, 4, row->quota[c]);
          else
            sqlite3_bind_null (quota, 4);
          sqlite3_bind_text (quota, 5, row->written[c], -1, SQLITE_STATIC);
          if (sqlite3_step (quota) != SQLITE_DONE)
            return d8_sql_fail (self->db, error, _("A quota of the plan could not be saved."));
        }
    }
  return TRUE;
}

/**
 * d8_store_insert_plan_file:
 * @self: a store
 * @file: a plan file that d8_plan_file_parse() accepted; the ids of its
 *   indicators are set
 * @plan_id: (out): the new plan's id
 * @error: (out) (optional): D8_ERROR_DATABASE naming what could not be
 *   saved
 *
 * Writes the plan and everything in it. The caller holds the write
 * transaction and rolls it back on error.
 *
 * Returns: TRUE on success.
 */
gboolean
d8_store_insert_plan_file (D8Store *self, D8PlanFile *file, gint64 *plan_id, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (self), FALSE);
  g_return_val_if_fail (file != NULL && plan_id != NULL, FALSE);

  return insert_plan_row (self, file, plan_id, error)
         && d8_store_insert_plan_units (self, file, error)
         && insert_groups (self, file, *plan_id, error)
         && insert_indicators (self, file, *plan_id, error)
         && insert_targets (self, file, *plan_id, error)
         && insert_quotas (self, file, *plan_id, error)
         && d8_store_insert_plan_periods (self, *plan_id, file->plan->periods, error);
}

/* A plan is known by its code; a second import of the same code is
 * refused, naming the plan already there. */
static gboolean
check_plan_is_new (D8Store *self, const D8Plan *plan, const char *source_name, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "SELECT doc_number FROM plans WHERE code = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan->code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                   _("%s: plan.code: the plan “%s” (%s) is already in the database"),
                   source_name ? source_name : "plan", plan->code,
                   d8_sql_column_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

/**
 * d8_store_import_plan:
 * @self: a store
 * @data: a plan file (docs/plan-format.md)
 * @length: its length, or -1 when NUL-terminated
 * @source_name: (nullable): the file's name, for errors
 * @error: (out) (optional): D8_ERROR_PLAN_FORMAT naming the file, record
 *   and field; D8_ERROR_DATABASE when it cannot be saved
 *
 * Validates the whole document first and writes nothing on any error;
 * emits "changed" on success.
 *
 * Returns: the new plan's id, or 0 on error.
 */
gint64
d8_store_import_plan (D8Store *self, const char *data, gssize length, const char *source_name,
                      GError **error)
{
  g_autoptr (D8PlanFile) file = NULL;
  gint64 plan_id = 0;

  g_return_val_if_fail (D8_IS_STORE (self), 0);
  g_return_val_if_fail (data != NULL, 0);

  /* Validate everything before writing anything. */
  file = d8_plan_file_parse (data, length, source_name, error);
  if (file == NULL || !check_plan_is_new (self, file->plan, source_name, error))
    return 0;

  if (!d8_store_begin (self, error))
    return 0;
  if (!d8_store_insert_plan_file (self, file, &plan_id, error))
    {
      d8_store_rollback (self);
      return 0;
    }
  if (!d8_store_commit (self, error))
    return 0;
  d8_store_emit_changed (self);
  return plan_id;
}

static void
register_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      d8_core_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

/**
 * d8_store_n_embedded_plans:
 *
 * Returns: how many plans a new store is given (the plans compiled into
 *   duan8, d8_store_load_embedded_plans()).
 */
guint
d8_store_n_embedded_plans (void)
{
  g_auto (GStrv) names = NULL;

  register_resources ();
  names = g_resources_enumerate_children (PLANS_RESOURCE_PATH, 0, NULL);
  return names != NULL ? g_strv_length (names) : 0;
}

/**
 * d8_store_load_embedded_plans:
 * @self: a store
 * @error: (out) (optional): the error of the first plan that fails
 *
 * Imports every plan file embedded in the resources (a fresh database
 * opens on the 2023 plan of Gia Lai).
 *
 * Returns: TRUE when all were imported.
 */
gboolean
d8_store_load_embedded_plans (D8Store *self, GError **error)
{
  g_auto (GStrv) names = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), FALSE);

  register_resources ();
  names = g_resources_enumerate_children (PLANS_RESOURCE_PATH, 0, error);
  if (names == NULL)
    return FALSE;
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_strconcat (PLANS_RESOURCE_PATH, names[i], NULL);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, error);
      gsize size;
      const char *data;

      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &size);
      if (d8_store_import_plan (self, data, size, names[i], error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ plans */

/* A column of the plan's latest revision or amendment (d8-plan-draft.h,
 * "as amended by"), for a SELECT … FROM plans. */
#define PLAN_LATEST_REVISION(column)                                                          \
  "(SELECT r." column " FROM plan_revisions r WHERE r.plan_id = plans.id"                    \
  " ORDER BY r.issued_on DESC NULLS LAST, r.id DESC LIMIT 1)"
#define PLAN_COLUMNS                                                                          \
  "id, code, title, doc_number, issuer, issued_on, year, period_start, period_end, target_label,"  \
  " status = 'draft', " PLAN_LATEST_REVISION ("doc_number") ", "                             \
  PLAN_LATEST_REVISION ("issued_on")
/* The columns of PLAN_COLUMNS, in order. */
enum
{
  PLAN_ID,
  PLAN_CODE,
  PLAN_TITLE,
  PLAN_DOC_NUMBER,
  PLAN_ISSUER,
  PLAN_ISSUED_ON,
  PLAN_YEAR,
  PLAN_PERIOD_START,
  PLAN_PERIOD_END,
  PLAN_TARGET_LABEL,
  PLAN_IS_DRAFT,
  PLAN_AMENDED_BY,
  PLAN_AMENDED_ON,
};

static gpointer
plan_from_row (sqlite3_stmt *stmt)
{
  D8Plan *plan = g_new0 (D8Plan, 1);

  plan->id = sqlite3_column_int64 (stmt, PLAN_ID);
  plan->code = d8_sql_column_dup (stmt, PLAN_CODE);
  plan->title = d8_sql_column_dup (stmt, PLAN_TITLE);
  plan->doc_number = d8_sql_column_dup (stmt, PLAN_DOC_NUMBER);
  plan->issuer = d8_sql_column_dup (stmt, PLAN_ISSUER);
  plan->issued_on = d8_sql_column_dup (stmt, PLAN_ISSUED_ON);
  plan->year = sqlite3_column_int (stmt, PLAN_YEAR);
  plan->period_start = d8_sql_column_dup (stmt, PLAN_PERIOD_START);
  plan->period_end = d8_sql_column_dup (stmt, PLAN_PERIOD_END);
  plan->target_label = d8_sql_column_dup (stmt, PLAN_TARGET_LABEL);
  plan->is_draft = sqlite3_column_int (stmt, PLAN_IS_DRAFT) != 0;
  plan->amended_by = d8_sql_column_dup (stmt, PLAN_AMENDED_BY);
  plan->amended_on = d8_sql_column_dup (stmt, PLAN_AMENDED_ON);
  return plan;
}

/**
 * d8_store_list_plans:
 * @self: a store
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * Returns: (transfer full) (element-type D8Plan) (nullable): the plans,
 *   newest year first, or NULL on error.
 */
GPtrArray *
d8_store_list_plans (D8Store *self, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (GPtrArray) plans = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (self->db, "SELECT " PLAN_COLUMNS " FROM plans ORDER BY year DESC, id",
                         error);
  if (stmt == NULL)
    return NULL;
  plans = d8_store_collect (self, stmt, plan_from_row, (GDestroyNotify) d8_plan_free,
                           _("The plans could not be read."), error);
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    if (!d8_store_load_plan_periods (self, plans->pdata[i], error))
      return NULL;
  return g_steal_pointer (&plans);
}

/**
 * d8_store_get_plan:
 * @self: a store
 * @plan_id: a plan's id
 * @error: (out) (optional): D8_ERROR_NOT_FOUND when there is none
 *
 * Returns: (transfer full) (nullable): the plan, or NULL on error.
 */
D8Plan *
d8_store_get_plan (D8Store *self, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (D8Plan) plan = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (self->db, "SELECT " PLAN_COLUMNS " FROM plans WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("There is no plan with id %lld"),
                   (long long) plan_id);
      return NULL;
    }
  plan = plan_from_row (stmt);
  if (!d8_store_load_plan_periods (self, plan, error))
    return NULL;
  return g_steal_pointer (&plan);
}

/* An id as people type it: a positive decimal number. */
static gboolean
parse_id (const char *ref, gint64 *id)
{
  guint64 value;

  if (ref == NULL || !g_ascii_string_to_unsigned (ref, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

/**
 * d8_store_resolve_plan:
 * @self: a store
 * @ref: (nullable): a plan's id, code, document number, or year when one
 *   plan has that year; NULL or "" for the only plan
 * @error: (out) (optional): D8_ERROR_NOT_FOUND for an unknown plan or an
 *   empty store, D8_ERROR_AMBIGUOUS when @ref is NULL and there are
 *   several, or a year several plans have; all list the known plans
 *
 * Returns: (transfer full) (nullable): the plan, or NULL on error.
 */
D8Plan *
d8_store_resolve_plan (D8Store *self, const char *ref, GError **error)
{
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GString) known = g_string_new (NULL);
  g_autoptr (GPtrArray) same_year = g_ptr_array_new ();
  gint64 id = 0;
  gboolean is_number;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  plans = d8_store_list_plans (self, error);
  if (plans == NULL)
    return NULL;
  if (ref == NULL || *ref == '\0')
    {
      if (plans->len == 1)
        return d8_store_get_plan (self, ((D8Plan *) plans->pdata[0])->id, error);
      if (plans->len == 0)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("The database holds no plan"));
          return NULL;
        }
    }
  if (ref != NULL && !d8_text_check_visible (ref, "--plan", error))
    return NULL;
  is_number = ref != NULL && parse_id (ref, &id);
  for (guint i = 0; i < plans->len; i++)
    {
      D8Plan *plan = plans->pdata[i];
      if (ref && ((is_number && plan->id == id) || g_str_equal (ref, plan->code)
                  || g_str_equal (ref, plan->doc_number)))
        return d8_store_get_plan (self, plan->id, error);
      if (is_number && plan->year == id)
        g_ptr_array_add (same_year, plan);
      g_string_append_printf (known, "%s%" G_GINT64_FORMAT " (%s, %d)", i ? ", " : "", plan->id,
                              plan->doc_number, plan->year);
    }
  /* A year is a plan only when one plan has it. */
  if (same_year->len == 1)
    return d8_store_get_plan (self, ((D8Plan *) same_year->pdata[0])->id, error);
  if (same_year->len > 1)
    {
      g_autoptr (GString) list = g_string_new (NULL);
      for (guint i = 0; i < same_year->len; i++)
        {
          D8Plan *plan = same_year->pdata[i];
          g_string_append_printf (list, "%s%" G_GINT64_FORMAT " (%s, %s)", i ? ", " : "",
                                  plan->id, plan->doc_number, plan->code);
        }
      g_set_error (error, D8_ERROR, D8_ERROR_AMBIGUOUS,
                   _("Several plans are of the year %s: %s; give the id, code or number"), ref,
                   list->str);
      return NULL;
    }
  if (ref == NULL || *ref == '\0')
    g_set_error (error, D8_ERROR, D8_ERROR_AMBIGUOUS,
                 _("The database holds several plans; choose one of: %s"), known->str);
  else
    g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("Unknown plan “%s”; known plans: %s"),
                 ref, known->str);
  return NULL;
}

/* ------------------------------------------------------------------ units */

/* D8_UNIT_COLS, then the unit's row number in the plan. */
enum
{
  UNIT_POSITION = D8_UNIT_N_COLS,
};
#define UNITS_OF_PLAN                                                                          \
  "SELECT " D8_UNIT_COLS ("u.") ","                                                             \
  " pu.position FROM plan_units pu JOIN units u ON u.id = pu.unit_id"                           \
  " WHERE pu.plan_id = ? ORDER BY pu.position"

D8Unit *
d8_store_unit_from_row (sqlite3_stmt *stmt)
{
  D8Unit *unit = g_new0 (D8Unit, 1);

  unit->id = sqlite3_column_int64 (stmt, D8_UNIT_COL_ID);
  unit->code = d8_sql_column_dup (stmt, D8_UNIT_COL_CODE);
  unit->name = d8_sql_column_dup (stmt, D8_UNIT_COL_NAME);
  unit->kind = d8_sql_column_dup (stmt, D8_UNIT_COL_KIND);
  unit->level = d8_sql_column_dup (stmt, D8_UNIT_COL_LEVEL);
  unit->parent_id = sqlite3_column_int64 (stmt, D8_UNIT_COL_PARENT_ID);
  unit->valid_from = d8_sql_column_dup (stmt, D8_UNIT_COL_VALID_FROM);
  unit->valid_to = d8_sql_column_dup (stmt, D8_UNIT_COL_VALID_TO);
  return unit;
}

static gpointer
unit_from_row (sqlite3_stmt *stmt)
{
  D8Unit *unit = d8_store_unit_from_row (stmt);

  unit->position = sqlite3_column_int (stmt, UNIT_POSITION);
  return unit;
}

/**
 * d8_store_list_units:
 * @self: a store
 * @plan_id: a plan's id
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * Returns: (transfer full) (element-type D8Unit) (nullable): the plan's
 *   units in the order of its appendix, or NULL on error.
 */
GPtrArray *
d8_store_list_units (D8Store *self, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (self->db, UNITS_OF_PLAN, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  return d8_store_collect (self, stmt, unit_from_row, (GDestroyNotify) d8_unit_free,
                           _("The units could not be read."), error);
}

gboolean
d8_store_plan_has_unit (D8Store *self, gint64 plan_id, gint64 unit_id)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (self->db, "SELECT 1 FROM plan_units WHERE plan_id = ? AND unit_id = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static char *
describe_units (GPtrArray *units)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < units->len; i++)
    {
      D8Unit *unit = units->pdata[i];
      g_autofree char *one = g_strdup_printf (_("“%s” (code %s, id %lld)"), unit->name,
                                              unit->code, (long long) unit->id);
      g_string_append_printf (names, "%s%s", i ? ", " : "", one);
    }
  return g_string_free (names, FALSE);
}

/**
 * d8_store_resolve_unit:
 * @self: a store
 * @plan_id: a plan's id
 * @ref: a unit's id, code or name (diacritics- and case-insensitive; a
 *   part of one name is enough)
 * @error: (out) (optional): D8_ERROR_NOT_FOUND; D8_ERROR_AMBIGUOUS
 *   listing every unit @ref matches (names that fold equal, "Thuỷ An" and
 *   "Thủy An", are never picked between); D8_ERROR_INVALID naming an
 *   invisible character in @ref
 *
 * Returns: (transfer full) (nullable): the unit, or NULL on error.
 */
D8Unit *
d8_store_resolve_unit (D8Store *self, gint64 plan_id, const char *ref, GError **error)
{
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) whole = g_ptr_array_new ();
  g_autoptr (GPtrArray) partial = g_ptr_array_new ();
  g_autofree char *key = NULL;
  GPtrArray *matches;
  gint64 id = 0;
  gboolean is_id;
  guint index;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  units = d8_store_list_units (self, plan_id, error);
  if (units == NULL)
    return NULL;
  is_id = parse_id (ref, &id);
  for (guint i = 0; i < units->len; i++)
    {
      D8Unit *unit = units->pdata[i];
      if ((is_id && unit->id == id) || g_str_equal (unit->code, ref))
        return g_ptr_array_steal_index (units, i);
    }
  /* An invisible character would make a name match nothing, or the
   * wrong thing: name it. */
  if (!d8_text_check_visible (ref, "--unit", error))
    return NULL;
  key = d8_text_name_key (ref);
  for (guint i = 0; i < units->len; i++)
    {
      D8Unit *unit = units->pdata[i];
      g_autofree char *unit_key = d8_text_name_key (unit->name);

      if (g_str_equal (unit_key, key))
        g_ptr_array_add (whole, unit);
      else if (*key && strstr (unit_key, key))
        g_ptr_array_add (partial, unit);
    }
  matches = whole->len > 0 ? whole : partial;
  if (matches->len == 1)
    {
      g_ptr_array_find (units, matches->pdata[0], &index);
      return g_ptr_array_steal_index (units, index);
    }
  if (matches->len > 1)
    {
      g_autofree char *names = describe_units (matches);
      g_set_error (error, D8_ERROR, D8_ERROR_AMBIGUOUS,
                   _("“%s” matches several units: %s; give the code or id"), ref, names);
      return NULL;
    }
  g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("Unknown unit “%s” in this plan"), ref);
  return NULL;
}

/* ------------------------------------------------------------- indicators */

enum
{
  INDICATOR_ID,
  INDICATOR_PLAN_ID,
  INDICATOR_CODE,
  INDICATOR_NAME_VI,
  INDICATOR_NAME_EN,
  INDICATOR_COUNT_UNIT,
  INDICATOR_KIND,
  INDICATOR_GROUP_NO,
  INDICATOR_GROUP_TITLE,
  INDICATOR_POSITION,
  INDICATOR_IN_APPENDIX,
  INDICATOR_TARGET,
  INDICATOR_TARGET_WRITTEN,
  INDICATOR_TARGET_SOURCE,
};
#define INDICATORS_OF_PLAN                                                                     \
  "SELECT i.id, i.plan_id, i.code, i.name_vi, i.name_en, i.count_unit, i.kind, i.group_no,"   \
  " g.title, i.position, i.in_appendix, t.value, t.written, t.source"                         \
  " FROM indicators i"                                                                         \
  " JOIN indicator_groups g ON g.plan_id = i.plan_id AND g.number = i.group_no"               \
  " LEFT JOIN plan_targets t ON t.indicator_id = i.id"                                         \
  " WHERE i.plan_id = ? ORDER BY i.position"

static gpointer
indicator_from_row (sqlite3_stmt *stmt)
{
  D8Indicator *indicator = g_new0 (D8Indicator, 1);

  indicator->id = sqlite3_column_int64 (stmt, INDICATOR_ID);
  indicator->plan_id = sqlite3_column_int64 (stmt, INDICATOR_PLAN_ID);
  indicator->code = d8_sql_column_dup (stmt, INDICATOR_CODE);
  indicator->name_vi = d8_sql_column_dup (stmt, INDICATOR_NAME_VI);
  indicator->name_en = d8_sql_column_dup (stmt, INDICATOR_NAME_EN);
  indicator->count_unit = d8_sql_column_dup (stmt, INDICATOR_COUNT_UNIT);
  /* The schema's CHECK allows only the kinds d8-entry.c knows. */
  if (!d8_indicator_kind_from_string (d8_sql_column_text (stmt, INDICATOR_KIND), &indicator->kind))
    indicator->kind = D8_KIND_COUNT;
  indicator->group_no = sqlite3_column_int (stmt, INDICATOR_GROUP_NO);
  indicator->group_title = d8_sql_column_dup (stmt, INDICATOR_GROUP_TITLE);
  indicator->position = sqlite3_column_int (stmt, INDICATOR_POSITION);
  indicator->in_appendix = sqlite3_column_int (stmt, INDICATOR_IN_APPENDIX);
  indicator->has_target = sqlite3_column_type (stmt, INDICATOR_TARGET) != SQLITE_NULL;
  indicator->target = sqlite3_column_double (stmt, INDICATOR_TARGET);
  indicator->target_written = d8_sql_column_dup (stmt, INDICATOR_TARGET_WRITTEN);
  indicator->target_source = d8_sql_column_dup (stmt, INDICATOR_TARGET_SOURCE);
  return indicator;
}

/**
 * d8_store_list_indicators:
 * @self: a store
 * @plan_id: a plan's id
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * Returns: (transfer full) (element-type D8Indicator) (nullable): the
 *   plan's indicators in plan order, with their groups and stated
 *   targets, or NULL on error.
 */
GPtrArray *
d8_store_list_indicators (D8Store *self, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (self->db, INDICATORS_OF_PLAN, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  return d8_store_collect (self, stmt, indicator_from_row, (GDestroyNotify) d8_indicator_free,
                           _("The indicators could not be read."), error);
}

D8Indicator *
d8_store_find_indicator (D8Store *self, gint64 plan_id, gint64 indicator_id, GError **error)
{
  g_autoptr (GPtrArray) indicators = d8_store_list_indicators (self, plan_id, error);

  if (indicators == NULL)
    return NULL;
  for (guint i = 0; i < indicators->len; i++)
    if (((D8Indicator *) indicators->pdata[i])->id == indicator_id)
      return g_ptr_array_steal_index (indicators, i);
  g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
               _("indicator: there is no indicator %lld in this plan"), (long long) indicator_id);
  return NULL;
}

/**
 * d8_store_resolve_indicator:
 * @self: a store
 * @plan_id: a plan's id
 * @ref: an indicator's code ("1" … "9", "SM"), case-insensitive
 * @error: (out) (optional): D8_ERROR_NOT_FOUND listing the plan's codes
 *
 * Returns: (transfer full) (nullable): the indicator, or NULL on error.
 */
D8Indicator *
d8_store_resolve_indicator (D8Store *self, gint64 plan_id, const char *ref, GError **error)
{
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GString) known = g_string_new (NULL);

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  indicators = d8_store_list_indicators (self, plan_id, error);
  if (indicators == NULL)
    return NULL;
  /* By code only: codes are numbers ("1" … "9"), so ids would be confusing. */
  for (guint i = 0; i < indicators->len; i++)
    {
      D8Indicator *indicator = indicators->pdata[i];
      if (g_ascii_strcasecmp (indicator->code, ref) == 0)
        return g_ptr_array_steal_index (indicators, i);
      g_string_append_printf (known, "%s%s", i ? ", " : "", indicator->code);
    }
  g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
               _("Unknown indicator “%s” in this plan; its codes are: %s"), ref, known->str);
  return NULL;
}
