/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-import.c — a plan import in two steps: new() reads the source
 * (plan file, CSV/TSV, XLSX or pasted text), checks everything and builds
 * the preview against the store; apply() writes it in one transaction, as
 * a new plan or as a revision of the plan with the same code.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "d8-entry.h"
#include "d8-error.h"
#include "d8-json-builder.h"
#include "d8-plan-import-private.h"
#include "d8-sql.h"
#include "d8-store-private.h"
#include "d8-text.h"

/* Plan files and tables larger than this are refused before reading. */
#define MAX_SOURCE_SIZE (G_GINT64_CONSTANT (64) * 1024 * 1024)

struct _D8PlanImport
{
  D8Store *store;
  D8PlanFile *file;
  D8PlanPreview preview;
  gboolean revise;
  char *source_name;
  GHashTable *unit_labels; /* tables: unit code → the row's own name */
};

const char *
d8_plan_unit_status_key (D8PlanUnitStatus status)
{
  switch (status)
    {
    case D8_PLAN_UNIT_NEW:
      return "new";
    case D8_PLAN_UNIT_KNOWN:
      return "known";
    case D8_PLAN_UNIT_CHANGED:
      return "changed";
    default:
      return "unknown";
    }
}

static void
preview_unit_free (D8PlanPreviewUnit *unit)
{
  g_free (unit->code);
  g_free (unit->name);
  g_free (unit->kind);
  g_free (unit->level);
  g_free (unit->parent);
  g_free (unit->valid_from);
  g_free (unit->valid_to);
  g_free (unit->change);
  g_free (unit->source_label);
  g_free (unit);
}

static void
allocation_free (D8PlanAllocation *a)
{
  g_free (a->indicator);
  g_free (a->name);
  g_free (a);
}

void
d8_plan_quota_change_free (D8PlanQuotaChange *change)
{
  if (change == NULL)
    return;
  g_free (change->unit);
  g_free (change->unit_name);
  g_free (change->indicator);
  g_free (change->old_written);
  g_free (change->new_written);
  g_free (change);
}

void
d8_plan_revision_free (D8PlanRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->doc_number);
  g_free (revision->issued_on);
  g_free (revision->title);
  g_free (revision->imported_at);
  g_clear_pointer (&revision->changes, g_ptr_array_unref);
  g_free (revision);
}

/**
 * d8_plan_import_free:
 * @import: (nullable): an import
 *
 * Frees the import and its preview; nothing is written.
 */
void
d8_plan_import_free (D8PlanImport *import)
{
  D8PlanPreview *p;

  if (import == NULL)
    return;
  p = &import->preview;
  g_free (p->source_detail);
  g_free (p->appendix_title);
  g_free (p->revises_doc_number);
  g_clear_pointer (&p->units, g_ptr_array_unref);
  g_clear_pointer (&p->indicators_new, g_ptr_array_unref);
  g_clear_pointer (&p->allocation, g_ptr_array_unref);
  g_clear_pointer (&p->changes, g_ptr_array_unref);
  g_clear_pointer (&p->warnings, g_ptr_array_unref);
  g_clear_pointer (&p->table_headers, g_ptr_array_unref);
  g_clear_pointer (&p->header_codes, g_ptr_array_unref);
  g_clear_pointer (&import->unit_labels, g_hash_table_unref);
  d8_plan_file_free (import->file);
  g_clear_object (&import->store);
  g_free (import->source_name);
  g_free (import);
}

/* ------------------------------------------------------------ the store */

static gpointer
unit_row (sqlite3_stmt *stmt)
{
  return d8_store_unit_from_row (stmt);
}

/**
 * d8_plan_import_list_store_units:
 * @store: a store
 * @error: (out) (optional): D8_ERROR_DATABASE
 *
 * Returns: (transfer full) (element-type D8Unit) (nullable): every unit
 *   of the store, by id.
 */
GPtrArray *
d8_plan_import_list_store_units (D8Store *store, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (d8_store_get_db (store), "SELECT " D8_UNIT_COLS ("")
                    " FROM units ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  return d8_store_collect (store, stmt, unit_row, (GDestroyNotify) d8_unit_free,
                           _("The units could not be read."), error);
}

static gint64
plan_id_by_code (D8Store *store, const char *code, char **doc_number)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (d8_store_get_db (store), "SELECT id, doc_number FROM plans WHERE code = ?",
                    NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  *doc_number = d8_sql_column_dup (stmt, 1);
  return sqlite3_column_int64 (stmt, 0);
}

/* ------------------------------------------------------------ preview */

static const char *
unit_name_of (D8PlanFile *file, const char *code)
{
  for (guint i = 0; i < file->units->len; i++)
    {
      D8PlanFileUnit *unit = file->units->pdata[i];
      if (g_str_equal (unit->code, code))
        return unit->name;
    }
  return code;
}

static void
preview_units (D8PlanImport *import, GHashTable *store_codes, GPtrArray *store_units,
               GHashTable *unit_rows)
{
  D8PlanPreview *p = &import->preview;
  D8PlanFile *file = import->file;
  g_autoptr (GHashTable) tts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The store's units by id, and by name key (the last of a name is
   * enough to warn). */
  for (guint i = 0; i < store_units->len; i++)
    {
      D8Unit *unit = store_units->pdata[i];
      g_hash_table_insert (by_id, &unit->id, unit);
      g_hash_table_insert (by_key, d8_text_name_key (unit->name), unit);
    }
  for (guint r = 0; r < file->rows->len; r++)
    {
      D8PlanFileRow *row = file->rows->pdata[r];
      g_hash_table_insert (tts, row->unit, GINT_TO_POINTER (row->tt));
    }
  p->units = g_ptr_array_new_with_free_func ((GDestroyNotify) preview_unit_free);
  for (guint i = 0; i < file->units->len; i++)
    {
      D8PlanFileUnit *fu = file->units->pdata[i];
      D8PlanPreviewUnit *pu = g_new0 (D8PlanPreviewUnit, 1);
      D8Unit *known = g_hash_table_lookup (store_codes, fu->code);

      pu->code = g_strdup (fu->code);
      pu->name = g_strdup (fu->name);
      pu->kind = g_strdup (fu->kind);
      pu->level = g_strdup (fu->level);
      pu->parent = g_strdup (fu->parent);
      pu->valid_from = g_strdup (fu->valid_from);
      pu->valid_to = g_strdup (fu->valid_to);
      pu->tt = GPOINTER_TO_INT (g_hash_table_lookup (tts, fu->code));
      pu->source_row = unit_rows ? GPOINTER_TO_UINT (g_hash_table_lookup (unit_rows, fu->code))
                                 : 0;
      if (import->unit_labels != NULL)
        pu->source_label = g_strdup (g_hash_table_lookup (import->unit_labels, fu->code));
      if (known == NULL)
        {
          /* Same name as a unit of the store: kept apart by code and validity. */
          g_autofree char *key = d8_text_name_key (fu->name);
          D8Unit *other = g_hash_table_lookup (by_key, key);

          if (other != NULL && g_strcmp0 (fu->level, other->level) == 0)
            g_ptr_array_add (p->warnings,
                             g_strdup_printf (_("The new unit “%s” (%s, valid %s – %s) has the "
                                                "name of the unit “%s” (%s, valid %s – %s) "
                                                "already in the database; they are kept apart "
                                                "by their codes."),
                                              fu->name, fu->code,
                                              fu->valid_from ? fu->valid_from : "…",
                                              fu->valid_to ? fu->valid_to : "…", other->name,
                                              other->code,
                                              other->valid_from ? other->valid_from : "…",
                                              other->valid_to ? other->valid_to : "…"));
          pu->status = D8_PLAN_UNIT_NEW;
          p->n_new_units++;
        }
      else
        {
          D8Unit *parent = known->parent_id ? g_hash_table_lookup (by_id, &known->parent_id)
                                            : NULL;
          g_autoptr (GString) change = g_string_new (NULL);

          if (g_strcmp0 (known->name, fu->name) != 0)
            g_string_append_printf (change, _("name “%s” → “%s”"), known->name, fu->name);
          if (g_strcmp0 (known->level, fu->level) != 0)
            g_string_append_printf (change, "%s" "%s", change->len ? "; " : "",
                                    _("level"));
          if (fu->parent != NULL && g_strcmp0 (parent ? parent->code : NULL, fu->parent) != 0)
            g_string_append_printf (change, "%s%s", change->len ? "; " : "", _("parent"));
          if (change->len > 0)
            {
              pu->status = D8_PLAN_UNIT_CHANGED;
              pu->change = g_strdup (change->str);
              p->n_changed_units++;
              g_ptr_array_add (p->warnings,
                               g_strdup_printf (_("The unit %s differs from the record in the "
                                                  "database (%s); the database’s record is "
                                                  "kept."),
                                                fu->code, change->str));
            }
          else
            {
              pu->status = D8_PLAN_UNIT_KNOWN;
              p->n_known_units++;
            }
        }
      g_ptr_array_add (p->units, pu);
    }
}

static void
preview_allocation (D8PlanImport *import)
{
  D8PlanPreview *p = &import->preview;
  D8PlanFile *file = import->file;

  p->allocation = g_ptr_array_new_with_free_func ((GDestroyNotify) allocation_free);
  for (guint c = 0; c < file->columns->len; c++)
    {
      D8PlanAllocation *a = g_new0 (D8PlanAllocation, 1);

      a->indicator = g_strdup (file->columns->pdata[c]);
      for (guint i = 0; i < file->indicators->len; i++)
        {
          D8Indicator *ind = file->indicators->pdata[i];
          if (g_str_equal (ind->code, a->indicator))
            {
              a->name = g_strdup (ind->name_vi);
              a->has_stated = ind->has_target;
              a->stated = (gint64) ind->target;
            }
        }
      for (guint r = 0; r < file->rows->len; r++)
        {
          D8PlanFileRow *row = file->rows->pdata[r];
          if (row->has[c])
            a->allocated += row->quota[c];
        }
      a->difference = a->has_stated ? a->stated - a->allocated : 0;
      if (a->difference != 0)
        g_ptr_array_add (p->warnings,
                         g_strdup_printf (_("Indicator %s: the plan states %lld, the units’ "
                                            "quotas add up to %lld (%lld not allocated)."),
                                          a->indicator, (long long) a->stated,
                                          (long long) a->allocated, (long long) a->difference));
      g_ptr_array_add (p->allocation, a);
    }
}

/* A revision: what changes against the plan in the store; refused when
 * it would drop a unit or change the columns (entries stay attached). */
static gboolean
preview_revision (D8PlanImport *import, GError **error)
{
  D8PlanPreview *p = &import->preview;
  D8PlanFile *file = import->file;
  sqlite3 *db = d8_store_get_db (import->store);
  g_autoptr (GHashTable) old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) old_units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            g_free);
  g_autoptr (GHashTable) new_units = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (D8SqlStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;

  p->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_plan_quota_change_free);
  if ((indicators = d8_store_list_indicators (import->store, p->revises_plan_id, error)) == NULL)
    return FALSE;
  {
    guint n_old = 0;
    for (guint i = 0; i < indicators->len; i++)
      {
        D8Indicator *ind = indicators->pdata[i];
        gboolean found = FALSE;
        if (!ind->in_appendix)
          continue;
        n_old++;
        for (guint c = 0; c < file->columns->len; c++)
          found |= g_str_equal (file->columns->pdata[c], ind->code);
        if (!found)
          {
            g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                         _("%s: a revision keeps the columns of plan %s, but indicator %s has "
                           "no column"), import->source_name, p->revises_doc_number, ind->code);
            return FALSE;
          }
      }
    if (n_old != file->columns->len)
      {
        g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                     _("%s: a revision keeps the columns of plan %s; it cannot add columns"),
                     import->source_name, p->revises_doc_number);
        return FALSE;
      }
  }
  stmt = d8_sql_prepare (db, "SELECT u.code, i.code, q.written FROM quotas q"
                         " JOIN units u ON u.id = q.unit_id JOIN indicators i ON i.id = q.indicator_id"
                         " WHERE q.plan_id = ?"
                         " UNION ALL SELECT NULL, i.code, t.written FROM plan_targets t"
                         " JOIN indicators i ON i.id = t.indicator_id"
                         " WHERE t.plan_id = ? AND i.in_appendix", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->revises_plan_id);
  sqlite3_bind_int64 (stmt, 2, p->revises_plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *unit = d8_sql_column_text (stmt, 0);
      g_hash_table_insert (old, g_strdup_printf ("%s\n%s", unit ? unit : "",
                                                 d8_sql_column_text (stmt, 1)),
                           d8_sql_column_dup (stmt, 2));
      if (unit != NULL)
        g_hash_table_insert (old_units, g_strdup (unit), NULL);
    }
  for (guint r = 0; r < file->rows->len; r++)
    {
      D8PlanFileRow *row = file->rows->pdata[r];
      gboolean is_new = !g_hash_table_contains (old_units, row->unit);

      g_hash_table_add (new_units, row->unit);
      for (guint c = 0; c < file->columns->len; c++)
        {
          g_autofree char *k = g_strdup_printf ("%s\n%s", row->unit,
                                                (char *) file->columns->pdata[c]);
          const char *before = g_hash_table_lookup (old, k);
          D8PlanQuotaChange *change;

          if (!is_new && g_strcmp0 (before, row->written[c]) == 0)
            continue;
          change = g_new0 (D8PlanQuotaChange, 1);
          change->unit = g_strdup (row->unit);
          change->unit_name = g_strdup (unit_name_of (file, row->unit));
          change->indicator = g_strdup (file->columns->pdata[c]);
          change->old_written = g_strdup (before);
          change->new_written = g_strdup (row->written[c]);
          g_ptr_array_add (p->changes, change);
        }
    }
  g_hash_table_iter_init (&iter, old_units);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (new_units, key))
      {
        g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                     _("%s: the unit %s of plan %s has no row; a revision changes quotas and "
                       "adds units, it does not remove them (their entries stay attached)"),
                     import->source_name, (const char *) key, p->revises_doc_number);
        return FALSE;
      }
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *ind = file->indicators->pdata[i];
      g_autofree char *k = g_strdup_printf ("\n%s", ind->code);
      const char *before = g_hash_table_lookup (old, k);
      const char *after = ind->has_target ? ind->target_written : NULL;
      D8PlanQuotaChange *change;

      if (!ind->in_appendix || g_strcmp0 (before, after) == 0)
        continue;
      change = g_new0 (D8PlanQuotaChange, 1);
      change->indicator = g_strdup (ind->code);
      change->unit_name = g_strdup (file->plan->target_label);
      change->old_written = g_strdup (before);
      change->new_written = g_strdup (after ? after : "");
      g_ptr_array_add (p->changes, change);
    }
  if (p->changes->len == 0)
    g_ptr_array_add (p->warnings, g_strdup_printf (_("The revision changes no quota of plan %s."),
                                                   p->revises_doc_number));
  return TRUE;
}

/* A mapping (the Mapping tab, import-plan --mapping) that names a column
 * or a row the table does not have was likely made for another table:
 * said, not passed over. */
static void
warn_unused_mapping (D8PlanImport *import, const D8PlanImportOptions *options)
{
  D8PlanPreview *p = &import->preview;
  g_autoptr (GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) columns = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < p->table_headers->len; i++)
    g_hash_table_add (headers, p->table_headers->pdata[i]);
  g_hash_table_iter_init (&iter, import->unit_labels);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_add (labels, value);
  columns = d8_plan_mapping_names (options->column_map, headers);
  rows = d8_plan_mapping_names (options->unit_map, labels);
  for (guint i = 0; i < columns->len; i++)
    g_ptr_array_add (p->warnings,
                     g_strdup_printf (_("The mapping names the column “%s”, which the table does "
                                        "not have."),
                                      (const char *) columns->pdata[i]));
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (p->warnings,
                     g_strdup_printf (_("The mapping names the row “%s”, which the table does "
                                        "not have."),
                                      (const char *) rows->pdata[i]));
}

static gboolean
build_preview (D8PlanImport *import, GPtrArray *store_units, GHashTable *store_codes,
               GHashTable *unit_rows, GError **error)
{
  D8PlanPreview *p = &import->preview;
  D8PlanFile *file = import->file;

  p->plan = file->plan;
  p->appendix_title = g_strdup (file->appendix_title);
  p->target_label = file->plan->target_label;
  p->groups = file->groups;
  p->indicators = file->indicators;
  p->columns = file->columns;
  p->rows = file->rows;
  preview_units (import, store_codes, store_units, unit_rows);
  preview_allocation (import);
  p->revises_plan_id = plan_id_by_code (import->store, file->plan->code, &p->revises_doc_number);
  p->is_revision = p->revises_plan_id != 0;
  if (p->is_revision && !preview_revision (import, error))
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------- sources */

static void
override_metadata (D8PlanFile *file, const D8PlanImportOptions *o)
{
  D8Plan *plan = file->plan;

#define OVERRIDE(field, value)                                                                \
  if ((value) != NULL && *(value) != '\0')                                                    \
    {                                                                                         \
      g_free (plan->field);                                                                   \
      plan->field = g_strdup (value);                                                         \
    }
  OVERRIDE (code, o->code);
  OVERRIDE (title, o->title);
  OVERRIDE (doc_number, o->document_number);
  OVERRIDE (issuer, o->issuer);
  OVERRIDE (issued_on, o->issued_on);
#undef OVERRIDE
  if (o->year != 0)
    plan->year = o->year;
}

static gboolean
looks_like_plan_file (const char *data, gsize length, const char *name)
{
  gsize i = 0;

  if (name != NULL && (g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".JSON")))
    return TRUE;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && data[i] == '{';
}

static D8PlanImport *
import_new (D8Store *store, const char *data, gsize length, const char *name, D8PlanSource source,
            const D8PlanImportOptions *options, GError **error)
{
  static const D8PlanImportOptions defaults = { 0 };
  g_autoptr (D8PlanImport) import = g_new0 (D8PlanImport, 1);
  g_autoptr (GPtrArray) store_units = NULL;
  g_autoptr (GHashTable) store_codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) unit_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
  D8PlanPreview *p = &import->preview;

  if (options == NULL)
    options = &defaults;
  import->store = g_object_ref (store);
  import->source_name = g_strdup (name);
  import->revise = options->revise;
  p->warnings = g_ptr_array_new_with_free_func (g_free);
  p->indicators_new = g_ptr_array_new_with_free_func (g_free);
  p->source = source;

  if ((store_units = d8_plan_import_list_store_units (store, error)) == NULL)
    return NULL;
  for (guint i = 0; i < store_units->len; i++)
    g_hash_table_insert (store_codes, ((D8Unit *) store_units->pdata[i])->code,
                         store_units->pdata[i]);

  if (source == D8_PLAN_SOURCE_PLAN_FILE)
    {
      if ((import->file = d8_plan_file_parse (data, length, name, error)) == NULL)
        return NULL;
      override_metadata (import->file, options);
      p->source_detail = g_strdup (_("plan file"));
      if ((options->column_map != NULL && g_hash_table_size (options->column_map) > 0)
          || (options->unit_map != NULL && g_hash_table_size (options->unit_map) > 0))
        g_ptr_array_add (p->warnings,
                         g_strdup (_("The mapping was not used: a plan file names its "
                                     "indicators and units itself.")));
    }
  else
    {
      g_autoptr (D8Sheet) sheet = NULL;
      g_autoptr (D8Plan) from = NULL;
      g_autoptr (GPtrArray) from_units = NULL;
      g_autoptr (GPtrArray) from_indicators = NULL;
      D8PlanSheetContext sc = { options, NULL, NULL, NULL, store_units, store_codes, unit_rows };

      import->unit_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      p->table_headers = g_ptr_array_new_with_free_func (g_free);
      p->header_codes = g_ptr_array_new_with_free_func (g_free);
      sc.unit_labels = import->unit_labels;
      sc.headers = p->table_headers;
      sc.header_codes = p->header_codes;

      if (source == D8_PLAN_SOURCE_XLSX)
        sheet = d8_sheet_read_xlsx (data, length, options->sheet, name, error);
      else
        sheet = d8_sheet_read_text (data, length, name, error);
      if (sheet == NULL)
        return NULL;
      if (options->from != NULL)
        {
          if ((from = d8_store_resolve_plan (store, options->from, error)) == NULL
              || (from_units = d8_store_list_units (store, from->id, error)) == NULL
              || (from_indicators = d8_store_list_indicators (store, from->id, error)) == NULL)
            {
              g_prefix_error (error, "--from: ");
              return NULL;
            }
          sc.from = from;
          sc.from_units = from_units;
          sc.from_indicators = from_indicators;
        }
      if ((import->file = d8_plan_import_map_sheet (sheet, &sc, name, p->warnings, error)) == NULL)
        return NULL;
      warn_unused_mapping (import, options);
      if (source == D8_PLAN_SOURCE_XLSX)
        p->source_detail = g_strdup_printf (_("XLSX workbook, sheet “%s”"), sheet->sheet_name);
      else
        p->source_detail = g_strdup_printf (source == D8_PLAN_SOURCE_PASTE
                                              ? _("pasted table, %s, separator “%s”")
                                              : _("CSV table, %s, separator “%s”"),
                                            sheet->encoding,
                                            sheet->separator == '\t' ? _("tab")
                                            : sheet->separator == ';' ? ";" : ",");
      for (guint i = 0; i < import->file->indicators->len; i++)
        {
          D8Indicator *ind = import->file->indicators->pdata[i];
          gboolean known = FALSE;
          for (guint k = 0; from_indicators != NULL && k < from_indicators->len; k++)
            known |= g_str_equal (((D8Indicator *) from_indicators->pdata[k])->code, ind->code);
          if (!known && from_indicators != NULL)
            g_ptr_array_add (p->indicators_new, g_strdup (ind->code));
        }
    }
  if (!d8_plan_file_check_names (import->file, name, error))
    return NULL;
  if (!build_preview (import, store_units, store_codes, unit_rows, error))
    return NULL;
  return g_steal_pointer (&import);
}

/**
 * d8_plan_import_new_from_bytes:
 * @store: a store
 * @bytes: the file's content
 * @name: the file's name (shown in messages; its suffix tells a table
 *   from a plan file when the content does not)
 * @options: (nullable): the options; NULL for none
 * @error: (out) (optional): D8_ERROR_PLAN_FORMAT naming the record, row
 *   or cell; D8_ERROR_NOT_FOUND for an unknown --from plan
 *
 * Returns: (transfer full) (nullable): the import, or NULL on error.
 */
D8PlanImport *
d8_plan_import_new_from_bytes (D8Store *store, GBytes *bytes, const char *name,
                               const D8PlanImportOptions *options, GError **error)
{
  gsize length;
  const char *data;
  D8PlanSource source;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (name == NULL)
    name = "plan";
  if ((gint64) length > MAX_SOURCE_SIZE)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                   _("%s: the file is larger than %d MB"), name,
                   (int) (MAX_SOURCE_SIZE / 1024 / 1024));
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT, _("%s: the file is empty"), name);
      return NULL;
    }
  if (d8_sheet_data_is_zip (data, length))
    source = D8_PLAN_SOURCE_XLSX;
  else if (looks_like_plan_file (data, length, name))
    source = D8_PLAN_SOURCE_PLAN_FILE;
  else if (g_str_has_suffix (name, ".xlsx"))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                   _("%s: the file is not an XLSX workbook"), name);
      return NULL;
    }
  else
    source = D8_PLAN_SOURCE_CSV;
  return import_new (store, data ? data : "", length, name, source, options, error);
}

/**
 * d8_plan_import_new_from_file:
 * @store: a store
 * @path: a plan file, CSV/TSV file or XLSX workbook
 * @options: (nullable): the options
 * @error: (out) (optional): a file error, or as d8_plan_import_new_from_bytes()
 *
 * Returns: (transfer full) (nullable): the import, or NULL on error.
 */
D8PlanImport *
d8_plan_import_new_from_file (D8Store *store, const char *path,
                              const D8PlanImportOptions *options, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = g_path_get_basename (path);

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  return d8_plan_import_new_from_bytes (store, bytes, name, options, error);
}

/**
 * d8_plan_import_new_from_text:
 * @store: a store
 * @text: the clipboard's text, tab-separated cells
 * @options: (nullable): the options
 * @error: (out) (optional): as d8_plan_import_new_from_bytes()
 *
 * Returns: (transfer full) (nullable): the import, or NULL on error.
 */
D8PlanImport *
d8_plan_import_new_from_text (D8Store *store, const char *text,
                              const D8PlanImportOptions *options, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (*text == '\0')
    {
      g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT, _("%s: the text is empty"),
                   _("pasted table"));
      return NULL;
    }
  return import_new (store, text, strlen (text), _("pasted table"), D8_PLAN_SOURCE_PASTE, options,
                     error);
}

/**
 * d8_plan_import_get_preview:
 * @import: an import
 *
 * Returns: (transfer none): what the import would write.
 */
const D8PlanPreview *
d8_plan_import_get_preview (D8PlanImport *import)
{
  return &import->preview;
}

/**
 * d8_plan_import_set_revise:
 * @import: an import
 * @revise: whether the person confirmed the plan is a revision
 */
void
d8_plan_import_set_revise (D8PlanImport *import, gboolean revise)
{
  import->revise = revise;
}

/* Validity dates the store did not know yet are filled in. */
static gboolean
fill_validity (D8Store *store, D8PlanFile *file, GError **error)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (d8_store_get_db (store), "UPDATE units SET valid_from = COALESCE (valid_from,"
                    " ?), valid_to = COALESCE (valid_to, ?) WHERE code = ?", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < file->units->len; i++)
    {
      D8PlanFileUnit *unit = file->units->pdata[i];
      if (unit->valid_from == NULL && unit->valid_to == NULL)
        continue;
      sqlite3_reset (stmt);
      d8_sql_bind_text (stmt, 1, unit->valid_from, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 2, unit->valid_to, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (stmt, 3, unit->code, D8_SQL_EMPTY_IS_NULL);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return d8_sql_fail (d8_store_get_db (store), error,
                            _("A unit of the plan could not be saved."));
    }
  return TRUE;
}

/**
 * d8_plan_import_apply:
 * @import: an import whose preview was shown
 * @plan_id: (out) (optional): the plan's id
 * @error: (out) (optional): D8_ERROR_AMBIGUOUS for a revision not
 *   confirmed; D8_ERROR_DATABASE when it cannot be saved
 *
 * Writes the plan (or the revision) in one transaction; on any error
 * nothing is written. Emits the store's "changed".
 *
 * Returns: TRUE on success.
 */
gboolean
d8_plan_import_apply (D8PlanImport *import, gint64 *plan_id, GError **error)
{
  D8PlanPreview *p = &import->preview;
  gint64 id = p->revises_plan_id;
  gboolean ok;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (!p->applied, FALSE);

  if (p->is_revision && !import->revise)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_AMBIGUOUS,
                   _("the plan “%s” (%s) is already in the database; import the file as its "
                     "revision (--revise) or give it another code (--code)"),
                   p->plan->code, p->revises_doc_number);
      return FALSE;
    }
  if (!d8_store_begin (import->store, error))
    return FALSE;
  if (p->is_revision)
    ok = d8_store_insert_plan_revision (import->store, id, import->file, error);
  else
    ok = d8_store_insert_plan_file (import->store, import->file, &id, error)
         && fill_validity (import->store, import->file, error);
  if (!ok)
    {
      d8_store_rollback (import->store);
      return FALSE;
    }
  if (!d8_store_commit (import->store, error))
    return FALSE;
  p->applied = TRUE;
  p->plan_id = id;
  if (plan_id != NULL)
    *plan_id = id;
  d8_store_emit_changed (import->store);
  return TRUE;
}

/* ---------------------------------------------------------------- JSON */

static void
add_bool (JsonBuilder *b, const char *name, gboolean value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static void
cell_value (JsonBuilder *b, gboolean has, gint64 quota, const char *written)
{
  if (has)
    json_builder_add_int_value (b, quota);
  else
    json_builder_add_string_value (b, written ? written : "");
}

static void
preview_plan_json (JsonBuilder *b, const D8PlanPreview *p)
{
  const D8Plan *plan = p->plan;

  json_builder_set_member_name (b, "plan");
  json_builder_begin_object (b);
  d8_json_add_string_or_null (b, "code", plan->code);
  d8_json_add_string_or_null (b, "title", plan->title);
  d8_json_add_string_or_null (b, "document_number", plan->doc_number);
  d8_json_add_string_or_null (b, "issuer", plan->issuer);
  d8_json_add_string_or_null (b, "issued_on", plan->issued_on);
  d8_json_add_int (b, "year", plan->year);
  d8_json_add_string_or_null (b, "period_start", plan->period_start);
  d8_json_add_string_or_null (b, "period_end", plan->period_end);
  json_builder_end_object (b);
}

static void
preview_units_json (JsonBuilder *b, const D8PlanPreview *p)
{
  json_builder_set_member_name (b, "units");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->units->len; i++)
    {
      const D8PlanPreviewUnit *u = p->units->pdata[i];
      json_builder_begin_object (b);
      d8_json_add_string_or_null (b, "code", u->code);
      d8_json_add_string_or_null (b, "name", u->name);
      d8_json_add_string_or_null (b, "kind", u->kind);
      d8_json_add_string_or_null (b, "level", u->level);
      d8_json_add_string_or_null (b, "parent", u->parent);
      d8_json_add_string_or_null (b, "valid_from", u->valid_from);
      d8_json_add_string_or_null (b, "valid_to", u->valid_to);
      d8_json_add_string_or_null (b, "status", d8_plan_unit_status_key (u->status));
      d8_json_add_string_or_null (b, "change", u->change);
      d8_json_add_int (b, "tt", u->tt);
      if (u->source_row > 0)
        d8_json_add_int (b, "source_row", u->source_row);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
preview_appendix_json (JsonBuilder *b, const D8PlanPreview *p)
{
  json_builder_set_member_name (b, "indicators");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->indicators->len; i++)
    {
      const D8Indicator *ind = p->indicators->pdata[i];
      gboolean is_new = FALSE;
      for (guint k = 0; k < p->indicators_new->len; k++)
        is_new |= g_str_equal (p->indicators_new->pdata[k], ind->code);
      json_builder_begin_object (b);
      d8_json_add_string_or_null (b, "code", ind->code);
      d8_json_add_string_or_null (b, "name_vi", ind->name_vi);
      d8_json_add_string_or_null (b, "count_unit", ind->count_unit);
      d8_json_add_string_or_null (b, "kind", d8_indicator_kind_to_string (ind->kind));
      d8_json_add_int (b, "group", ind->group_no);
      add_bool (b, "in_appendix", ind->in_appendix);
      add_bool (b, "new", is_new);
      d8_json_add_string_or_null (b, "target", ind->has_target ? ind->target_written : NULL);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->groups->len; i++)
    {
      const D8PlanFileGroup *g = p->groups->pdata[i];
      json_builder_begin_object (b);
      d8_json_add_int (b, "number", g->number);
      d8_json_add_string_or_null (b, "title", g->title);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "appendix");
  json_builder_begin_object (b);
  d8_json_add_string_or_null (b, "title", p->appendix_title);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint c = 0; c < p->columns->len; c++)
    json_builder_add_string_value (b, p->columns->pdata[c]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint r = 0; r < p->rows->len; r++)
    {
      const D8PlanFileRow *row = p->rows->pdata[r];
      json_builder_begin_object (b);
      d8_json_add_int (b, "tt", row->tt);
      d8_json_add_string_or_null (b, "unit", row->unit);
      json_builder_set_member_name (b, "cells");
      json_builder_begin_array (b);
      for (guint c = 0; c < p->columns->len; c++)
        cell_value (b, row->has[c], row->quota[c], row->written[c]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  d8_json_add_string_or_null (b, "total_label", p->target_label);
  json_builder_end_object (b);
}

/**
 * d8_plan_preview_to_json:
 * @preview: a preview
 *
 * Returns: (transfer full): the preview as an indented JSON document.
 */
char *
d8_plan_preview_to_json (const D8PlanPreview *p)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  static const char *const sources[] = { "plan-file", "csv", "xlsx", "paste" };

  json_builder_begin_object (b);
  d8_json_add_string_or_null (b, "source", sources[p->source]);
  d8_json_add_string_or_null (b, "source_detail", p->source_detail);
  add_bool (b, "applied", p->applied);
  if (p->applied)
    d8_json_add_int (b, "plan_id", p->plan_id);
  add_bool (b, "revision", p->is_revision);
  if (p->is_revision)
    d8_json_add_string_or_null (b, "revises", p->revises_doc_number);
  preview_plan_json (b, p);
  json_builder_set_member_name (b, "unit_counts");
  json_builder_begin_object (b);
  d8_json_add_int (b, "new", p->n_new_units);
  d8_json_add_int (b, "known", p->n_known_units);
  d8_json_add_int (b, "changed", p->n_changed_units);
  json_builder_end_object (b);
  preview_units_json (b, p);
  preview_appendix_json (b, p);
  json_builder_set_member_name (b, "allocation");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->allocation->len; i++)
    {
      const D8PlanAllocation *a = p->allocation->pdata[i];
      json_builder_begin_object (b);
      d8_json_add_string_or_null (b, "indicator", a->indicator);
      json_builder_set_member_name (b, "stated");
      if (a->has_stated)
        json_builder_add_int_value (b, a->stated);
      else
        json_builder_add_null_value (b);
      d8_json_add_int (b, "allocated", a->allocated);
      d8_json_add_int (b, "difference", a->difference);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (guint i = 0; p->changes != NULL && i < p->changes->len; i++)
    {
      const D8PlanQuotaChange *c = p->changes->pdata[i];
      json_builder_begin_object (b);
      d8_json_add_string_or_null (b, "unit", c->unit);
      d8_json_add_string_or_null (b, "unit_name", c->unit_name);
      d8_json_add_string_or_null (b, "indicator", c->indicator);
      d8_json_add_string_or_null (b, "old", c->old_written);
      d8_json_add_string_or_null (b, "new", c->new_written);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->warnings->len; i++)
    json_builder_add_string_value (b, p->warnings->pdata[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}
