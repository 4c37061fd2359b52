/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-export.c — writes a plan of the store as a plan file, or its
 * appendix as CSV or XLSX.
 *
 * XLSX is written with libxlsxwriter, a well-kept library whose files
 * Excel, LibreOffice and WPS open without repair prompts; the workbook
 * it writes is read back by d8-spreadsheet-xlsx.c in the round-trip test.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <xlsxwriter.h>

#include "d8-entry.h"
#include "d8-error.h"
#include "d8-file-part.h"
#include "d8-plan-export.h"
#include "d8-reporting-private.h"
#include "d8-plan-import-private.h"
#include "d8-sql.h"
#include "d8-store-private.h"
#include "d8-table-export.h"

typedef struct
{
  gboolean has;
  gint64 quota;
  char *written;
} Cell;

typedef struct
{
  D8Plan *plan;
  char *appendix_title;
  GPtrArray *units;      /* D8Unit* of the plan, appendix order */
  GPtrArray *all_units;  /* D8Unit* of the store, for parents */
  GPtrArray *indicators; /* D8Indicator* */
  GPtrArray *columns;    /* D8Indicator* (borrowed) of the appendix */
  GPtrArray *groups;     /* D8PlanFileGroup-like: number in position, title */
  GArray *group_numbers;
  GHashTable *cells;     /* "unit_id/indicator_id" → Cell* */
} Export;

static void
cell_free (Cell *cell)
{
  g_free (cell->written);
  g_free (cell);
}

static void
export_clear (Export *e)
{
  d8_plan_free (e->plan);
  g_free (e->appendix_title);
  g_clear_pointer (&e->units, g_ptr_array_unref);
  g_clear_pointer (&e->all_units, g_ptr_array_unref);
  g_clear_pointer (&e->indicators, g_ptr_array_unref);
  g_clear_pointer (&e->columns, g_ptr_array_unref);
  g_clear_pointer (&e->groups, g_ptr_array_unref);
  g_clear_pointer (&e->group_numbers, g_array_unref);
  g_clear_pointer (&e->cells, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static gboolean
export_load (D8Store *store, gint64 plan_id, Export *e, GError **error)
{
  sqlite3 *db = d8_store_get_db (store);
  g_autoptr (D8SqlStmt) stmt = NULL;

  if ((e->plan = d8_store_get_plan (store, plan_id, error)) == NULL
      || (e->units = d8_store_list_units (store, plan_id, error)) == NULL
      || (e->all_units = d8_plan_import_list_store_units (store, error)) == NULL
      || (e->indicators = d8_store_list_indicators (store, plan_id, error)) == NULL)
    return FALSE;
  e->columns = g_ptr_array_new ();
  for (guint i = 0; i < e->indicators->len; i++)
    if (((D8Indicator *) e->indicators->pdata[i])->in_appendix)
      g_ptr_array_add (e->columns, e->indicators->pdata[i]);

  stmt = d8_sql_prepare (db, "SELECT appendix_title FROM plans WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    e->appendix_title = d8_sql_column_dup (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  e->groups = g_ptr_array_new_with_free_func (g_free);
  e->group_numbers = g_array_new (FALSE, FALSE, sizeof (int));
  stmt = d8_sql_prepare (db, "SELECT number, title FROM indicator_groups WHERE plan_id = ?"
                         " ORDER BY number", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int number = sqlite3_column_int (stmt, 0);
      g_array_append_val (e->group_numbers, number);
      g_ptr_array_add (e->groups, d8_sql_column_dup (stmt, 1));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  e->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cell_free);
  stmt = d8_sql_prepare (db, "SELECT unit_id, indicator_id, quota, written FROM quotas"
                         " WHERE plan_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Cell *cell = g_new0 (Cell, 1);
      cell->has = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      cell->quota = sqlite3_column_int64 (stmt, 2);
      cell->written = d8_sql_column_dup (stmt, 3);
      g_hash_table_insert (e->cells,
                           g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                            (gint64) sqlite3_column_int64 (stmt, 0),
                                            (gint64) sqlite3_column_int64 (stmt, 1)),
                           cell);
    }
  return TRUE;
}

static const Cell *
get_cell (Export *e, const D8Unit *unit, const D8Indicator *indicator)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, unit->id,
                                          indicator->id);
  return g_hash_table_lookup (e->cells, key);
}

static const D8Unit *
unit_by_id (Export *e, gint64 id)
{
  for (guint i = 0; i < e->all_units->len; i++)
    if (((D8Unit *) e->all_units->pdata[i])->id == id)
      return e->all_units->pdata[i];
  return NULL;
}

/* Whether the stated total of @indicator comes from the totals row. */
static gboolean
is_total (Export *e, const D8Indicator *indicator)
{
  return indicator->in_appendix && indicator->has_target && e->plan->target_label != NULL
         && g_strcmp0 (indicator->target_source, e->plan->target_label) == 0;
}

/* ---------------------------------------------------------------- JSON */

static void
member_string (JsonBuilder *b, const char *name, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_cell (JsonBuilder *b, const Cell *cell)
{
  if (cell != NULL && cell->has)
    json_builder_add_int_value (b, cell->quota);
  else
    json_builder_add_string_value (b, cell ? cell->written : "");
}

static void
json_units (JsonBuilder *b, Export *e)
{
  g_autoptr (GPtrArray) listed = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* The plan's units and, before them, every ancestor they name. */
  for (guint i = 0; i < e->units->len; i++)
    {
      g_autoptr (GPtrArray) chain = g_ptr_array_new ();
      const D8Unit *unit = e->units->pdata[i];

      while (unit != NULL && !g_hash_table_contains (seen, &unit->id))
        {
          g_hash_table_add (seen, (gpointer) &unit->id);
          g_ptr_array_insert (chain, 0, (gpointer) unit);
          unit = unit->parent_id ? unit_by_id (e, unit->parent_id) : NULL;
        }
      for (guint k = 0; k < chain->len; k++)
        g_ptr_array_add (listed, chain->pdata[k]);
    }
  json_builder_set_member_name (b, "units");
  json_builder_begin_array (b);
  for (guint i = 0; i < listed->len; i++)
    {
      const D8Unit *unit = listed->pdata[i];
      const D8Unit *parent = unit->parent_id ? unit_by_id (e, unit->parent_id) : NULL;

      json_builder_begin_object (b);
      member_string (b, "code", unit->code);
      member_string (b, "name", unit->name);
      member_string (b, "kind", unit->kind);
      member_string (b, "level", unit->level);
      member_string (b, "parent", parent ? parent->code : NULL);
      member_string (b, "valid_from", unit->valid_from);
      member_string (b, "valid_to", unit->valid_to);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_appendix (JsonBuilder *b, Export *e)
{
  gboolean any_total = FALSE;

  json_builder_set_member_name (b, "appendix");
  json_builder_begin_object (b);
  member_string (b, "title", e->appendix_title);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint c = 0; c < e->columns->len; c++)
    {
      json_builder_add_string_value (b, ((D8Indicator *) e->columns->pdata[c])->code);
      any_total |= is_total (e, e->columns->pdata[c]);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint r = 0; r < e->units->len; r++)
    {
      const D8Unit *unit = e->units->pdata[r];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "tt");
      json_builder_add_int_value (b, unit->position);
      member_string (b, "unit", unit->code);
      json_builder_set_member_name (b, "cells");
      json_builder_begin_array (b);
      for (guint c = 0; c < e->columns->len; c++)
        add_cell (b, get_cell (e, unit, e->columns->pdata[c]));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (any_total)
    {
      json_builder_set_member_name (b, "total_row");
      json_builder_begin_object (b);
      member_string (b, "label", e->plan->target_label);
      json_builder_set_member_name (b, "cells");
      json_builder_begin_array (b);
      for (guint c = 0; c < e->columns->len; c++)
        {
          const D8Indicator *ind = e->columns->pdata[c];
          if (is_total (e, ind))
            json_builder_add_int_value (b, (gint64) ind->target);
          else
            json_builder_add_string_value (b, "");
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

/**
 * d8_plan_export_to_json:
 * @store: a store
 * @plan_id: a plan's id
 * @error: (out) (optional): D8_ERROR_NOT_FOUND, D8_ERROR_DATABASE
 *
 * Returns: (transfer full) (nullable): the plan file, or NULL on error.
 */
char *
d8_plan_export_to_json (D8Store *store, gint64 plan_id, GError **error)
{
  g_auto (Export) e = { 0 };
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  gboolean any_target = FALSE;

  if (!export_load (store, plan_id, &e, error))
    return NULL;
  json_builder_begin_object (b);
  member_string (b, "format", D8_PLAN_FORMAT_NAME);
  json_builder_set_member_name (b, "format_version");
  json_builder_add_int_value (b, D8_PLAN_FORMAT_VERSION);
  json_builder_set_member_name (b, "plan");
  json_builder_begin_object (b);
  member_string (b, "code", e.plan->code);
  member_string (b, "title", e.plan->title);
  member_string (b, "document_number", e.plan->doc_number);
  member_string (b, "issuer", e.plan->issuer);
  member_string (b, "issued_on", e.plan->issued_on);
  json_builder_set_member_name (b, "year");
  json_builder_add_int_value (b, e.plan->year);
  member_string (b, "period_start", e.plan->period_start);
  member_string (b, "period_end", e.plan->period_end);
  json_builder_end_object (b);
  json_units (b, &e);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint g = 0; g < e.groups->len; g++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "number");
      json_builder_add_int_value (b, g_array_index (e.group_numbers, int, g));
      member_string (b, "title", e.groups->pdata[g]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "indicators");
  json_builder_begin_array (b);
  for (guint i = 0; i < e.indicators->len; i++)
    {
      const D8Indicator *ind = e.indicators->pdata[i];
      json_builder_begin_object (b);
      member_string (b, "code", ind->code);
      member_string (b, "name_vi", ind->name_vi);
      member_string (b, "name_en", ind->name_en);
      member_string (b, "count_unit", ind->count_unit ? ind->count_unit : "");
      member_string (b, "kind", d8_indicator_kind_to_string (ind->kind));
      json_builder_set_member_name (b, "group");
      json_builder_add_int_value (b, ind->group_no);
      json_builder_end_object (b);
      any_target |= ind->has_target && !is_total (&e, ind);
    }
  json_builder_end_array (b);
  /* The schedule before the appendix: what follows is the allocation. */
  d8_plan_periods_to_json (b, e.plan->periods);
  json_appendix (b, &e);
  if (any_target)
    {
      json_builder_set_member_name (b, "targets");
      json_builder_begin_array (b);
      for (guint i = 0; i < e.indicators->len; i++)
        {
          const D8Indicator *ind = e.indicators->pdata[i];
          if (!ind->has_target || is_total (&e, ind))
            continue;
          json_builder_begin_object (b);
          member_string (b, "indicator", ind->code);
          json_builder_set_member_name (b, "value");
          if (ind->target == (double) (gint64) ind->target)
            json_builder_add_int_value (b, (gint64) ind->target);
          else
            json_builder_add_double_value (b, ind->target);
          member_string (b, "written", ind->target_written);
          member_string (b, "source", ind->target_source);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/* ----------------------------------------------------------------- CSV */

static void
csv_cell (GString *out, const char *text, gboolean first)
{
  if (!first)
    g_string_append_c (out, ';');
  d8_csv_append_field (out, text, ';');
}

static char *
export_csv (Export *e, gsize *length)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  gboolean any_total = FALSE;

  if (e->appendix_title != NULL)
    {
      csv_cell (out, e->appendix_title, TRUE);
      g_string_append (out, "\r\n");
    }
  csv_cell (out, "TT", TRUE);
  csv_cell (out, "Đơn vị", FALSE);
  for (guint c = 0; c < e->columns->len; c++)
    {
      csv_cell (out, ((D8Indicator *) e->columns->pdata[c])->name_vi, FALSE);
      any_total |= is_total (e, e->columns->pdata[c]);
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < e->units->len; r++)
    {
      const D8Unit *unit = e->units->pdata[r];
      g_autofree char *tt = g_strdup_printf ("%d", unit->position);

      csv_cell (out, tt, TRUE);
      csv_cell (out, unit->name, FALSE);
      for (guint c = 0; c < e->columns->len; c++)
        {
          const Cell *cell = get_cell (e, unit, e->columns->pdata[c]);
          csv_cell (out, cell ? cell->written : "", FALSE);
        }
      g_string_append (out, "\r\n");
    }
  if (any_total)
    {
      csv_cell (out, "", TRUE);
      csv_cell (out, e->plan->target_label, FALSE);
      for (guint c = 0; c < e->columns->len; c++)
        {
          const D8Indicator *ind = e->columns->pdata[c];
          csv_cell (out, is_total (e, ind) ? ind->target_written : "", FALSE);
        }
      g_string_append (out, "\r\n");
    }
  *length = out->len;
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------- XLSX */

static gboolean
export_xlsx (Export *e, const char *path, GError **error)
{
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet;
  lxw_format *bold, *header;
  lxw_error status;
  guint row = 0;
  gboolean any_total = FALSE;

  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the workbook cannot be created"),
                   path);
      return FALSE;
    }
  sheet = workbook_add_worksheet (workbook, "Phụ lục");
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_text_wrap (header);
  worksheet_set_column (sheet, 0, 0, 5, NULL);
  worksheet_set_column (sheet, 1, 1, 22, NULL);
  if (e->columns->len > 0)
    worksheet_set_column (sheet, 2, (lxw_col_t) (e->columns->len + 1), 16, NULL);
  if (e->appendix_title != NULL)
    worksheet_write_string (sheet, row++, 0, e->appendix_title, bold);
  worksheet_write_string (sheet, row, 0, "TT", header);
  worksheet_write_string (sheet, row, 1, "Đơn vị", header);
  for (guint c = 0; c < e->columns->len; c++)
    {
      worksheet_write_string (sheet, row, (lxw_col_t) (c + 2),
                              ((D8Indicator *) e->columns->pdata[c])->name_vi, header);
      any_total |= is_total (e, e->columns->pdata[c]);
    }
  row++;
  for (guint r = 0; r < e->units->len; r++, row++)
    {
      const D8Unit *unit = e->units->pdata[r];

      worksheet_write_number (sheet, row, 0, unit->position, NULL);
      worksheet_write_string (sheet, row, 1, unit->name, NULL);
      for (guint c = 0; c < e->columns->len; c++)
        {
          const Cell *cell = get_cell (e, unit, e->columns->pdata[c]);
          if (cell != NULL && cell->has)
            worksheet_write_number (sheet, row, (lxw_col_t) (c + 2), (double) cell->quota, NULL);
          else if (cell != NULL && *cell->written)
            worksheet_write_string (sheet, row, (lxw_col_t) (c + 2), cell->written, NULL);
        }
    }
  if (any_total)
    {
      worksheet_write_string (sheet, row, 1, e->plan->target_label, bold);
      for (guint c = 0; c < e->columns->len; c++)
        {
          const D8Indicator *ind = e->columns->pdata[c];
          if (is_total (e, ind))
            worksheet_write_number (sheet, row, (lxw_col_t) (c + 2), ind->target, bold);
        }
    }
  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the workbook cannot be written (%s)"),
                   path, lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

/* ----------------------------------------------------------------- API */

/**
 * d8_plan_export_format_for_path:
 * @path: a file name
 * @format: (out): the format its suffix asks for
 *
 * Returns: TRUE for ".json", ".csv" or ".xlsx".
 */
gboolean
d8_plan_export_format_for_path (const char *path, D8PlanExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".json"))
    *format = D8_PLAN_EXPORT_JSON;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = D8_PLAN_EXPORT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *format = D8_PLAN_EXPORT_XLSX;
  else
    return FALSE;
  return TRUE;
}

/**
 * d8_plan_export:
 * @store: a store
 * @plan_id: a plan's id
 * @format: the format
 * @path: the file to write; replaced atomically
 * @error: (out) (optional): D8_ERROR_NOT_FOUND, D8_ERROR_DATABASE or a
 *   file error
 *
 * Returns: TRUE when the file is written.
 */
gboolean
d8_plan_export (D8Store *store, gint64 plan_id, D8PlanExportFormat format, const char *path,
                GError **error)
{
  g_auto (Export) e = { 0 };
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  switch (format)
    {
    case D8_PLAN_EXPORT_JSON:
      if ((data = d8_plan_export_to_json (store, plan_id, error)) == NULL)
        return FALSE;
      length = strlen (data);
      break;
    case D8_PLAN_EXPORT_CSV:
      if (!export_load (store, plan_id, &e, error))
        return FALSE;
      data = export_csv (&e, &length);
      break;
    case D8_PLAN_EXPORT_XLSX:
      {
        g_autofree char *tmp = d8_file_part_path (path);
        if (!export_load (store, plan_id, &e, error) || !export_xlsx (&e, tmp, error))
          {
            g_unlink (tmp);
            return FALSE;
          }
        return d8_file_part_commit (tmp, path, error);
      }
    default:
      g_return_val_if_reached (FALSE);
    }
  return g_file_set_contents (path, data, (gssize) length, error);
}
