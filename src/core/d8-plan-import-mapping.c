/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-import-mapping.c — the mapping of a plan table read from a file:
 * what `duan8-cli import-plan --mapping FILE` gives, as the import
 * preview's Mapping tab gives it in the window (D8PlanImportOptions'
 * column_map and unit_map). The format is in docs/cli.md, "import-plan".
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "d8-error.h"
#include "d8-json-builder.h"
#include "d8-json-reader.h"
#include "d8-plan-file.h"
#include "d8-plan-import-private.h"

/* The mapping files are small: a sheet's headers and its units' names. */
#define MAX_MAPPING_BYTES (16 * 1024 * 1024)

static gboolean G_GNUC_PRINTF (4, 5)
refuse (GError **error, const char *source, const char *where, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  d8_plan_file_refuse_valist (error, source, where, format, args);
  va_end (args);
  return FALSE;
}

/* Reads the object @index ("columns" or "units") into @map, checking each
 * value with @columns' rules: a code, "+" or "-" for a column; a code or
 * "+LEVEL" for a unit. */
static gboolean
read_map (D8JsonReader *r, guint index, const char *member, gboolean columns, GHashTable *map,
          const char *source, GError **error)
{
  D8JsonValue *object = d8_json_value (r, index);

  if (object->kind != D8_JSON_OBJECT)
    return refuse (error, source, member,
                   _("not an object of names and what each is mapped to"));
  for (guint child = object->first; child != 0; child = d8_json_value (r, child)->next)
    {
      D8JsonValue *value = d8_json_value (r, child);
      const char *key = d8_json_text (r, value->key);
      const char *text = value->kind == D8_JSON_STRING ? d8_json_text (r, value->str) : NULL;
      g_autofree char *where = g_strdup_printf ("%s.“%s”", member, key);

      if (*key == '\0')
        return refuse (error, source, member, _("a name is empty"));
      if (text == NULL || *text == '\0')
        return refuse (error, source, where,
                       columns ? _("not an indicator code, “+” (a new indicator) or “-” (ignore "
                                   "the column)")
                               : _("not a unit code or “+LEVEL” (a new unit of that level, "
                                   "e.g. “+commune”)"));
      if (!columns && g_str_equal (text, "+"))
        return refuse (error, source, where,
                       _("“+” needs the level of the new unit, e.g. “+commune”"));
      g_hash_table_insert (map, g_strdup (key), g_strdup (text));
    }
  return TRUE;
}

/**
 * d8_plan_import_read_mapping:
 * @path: a JSON file, UTF-8: an object with "columns" (a header cell as
 *   written → an indicator code of the `--from` plan, "+" for a new
 *   indicator, "-" to ignore the column) and "units" (a row's unit name as
 *   written → a unit code of the store, or "+LEVEL" for a new unit of that
 *   level), both optional; no other member (docs/cli.md, "import-plan")
 * @column_map: (out) (transfer full): header text → what it is mapped to,
 *   as D8PlanImportOptions.column_map takes it (empty when absent)
 * @unit_map: (out) (transfer full): unit name → what it is mapped to, as
 *   D8PlanImportOptions.unit_map takes it (empty when absent)
 * @error: (out) (optional): D8_ERROR_INVALID when the file is missing or
 *   cannot be read;
 *   D8_ERROR_PLAN_FORMAT naming the file and the member or line when it is
 *   not such an object (bad JSON, a duplicate name, a value that is not
 *   text, an empty code, "+" for a unit)
 *
 * Reads a table's mapping, as a person set it in the window's Mapping tab,
 * from a file. Whether the codes exist is checked by the import, which
 * names the cell or row.
 *
 * Returns: %TRUE when both maps were read.
 */
gboolean
d8_plan_import_read_mapping (const char  *path,
                             GHashTable **column_map,
                             GHashTable **unit_map,
                             GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *source = NULL;
  g_autoptr (GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto (D8JsonReader) reader = { 0 };
  GStatBuf st;
  gsize size = 0;
  guint top;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (column_map != NULL && unit_map != NULL, FALSE);

  source = g_filename_display_basename (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("There is no mapping file %s"), source);
      return FALSE;
    }
  /* its size before reading it: a device or a huge file is not read (one
   * that grows meanwhile is read, at no risk but memory) */
  if (g_stat (path, &st) == 0 && (!S_ISREG (st.st_mode) || st.st_size > MAX_MAPPING_BYTES))
    return refuse (error, source, _("the file"), _("larger than %d MiB: not a mapping"),
                   MAX_MAPPING_BYTES / (1024 * 1024));
  if (!g_file_get_contents (path, &data, &size, &local_error))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("Cannot read the mapping %s: %s"),
                   source, local_error->message);
      return FALSE;
    }
  /* a byte-order mark, as Windows editors write one */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    d8_json_reader_init (&reader, data + 3, size - 3);
  else
    d8_json_reader_init (&reader, data, size);
  d8_json_skip_ws (&reader);
  top = d8_json_read_value (&reader, 0);
  if (top != 0 && !d8_json_reader_at_end (&reader))
    d8_json_reader_fail (&reader, _("more text after the mapping"));
  if (top == 0 || reader.error != NULL)
    {
      g_autofree char *where = g_strdup_printf (_("line %u"), d8_json_reader_error_line (&reader));
      return refuse (error, source, where, "%s", reader.error ? reader.error : "");
    }
  if (d8_json_value (&reader, top)->kind != D8_JSON_OBJECT)
    return refuse (error, source, _("the file"),
                   _("not an object with “columns” and “units”"));
  for (guint child = d8_json_value (&reader, top)->first; child != 0;
       child = d8_json_value (&reader, child)->next)
    {
      const char *key = d8_json_text (&reader, d8_json_value (&reader, child)->key);

      if (g_str_equal (key, "columns"))
        {
          if (!read_map (&reader, child, "columns", TRUE, columns, source, error))
            return FALSE;
        }
      else if (g_str_equal (key, "units"))
        {
          if (!read_map (&reader, child, "units", FALSE, units, source, error))
            return FALSE;
        }
      else
        return refuse (error, source, key,
                       _("not a member of a mapping (only “columns” and “units”)"));
    }
  *column_map = g_steal_pointer (&columns);
  *unit_map = g_steal_pointer (&units);
  return TRUE;
}

/* g_ptr_array_sort() passes pointers to the elements (char *). */
static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/**
 * d8_plan_mapping_names:
 * @map: (nullable): a column_map or unit_map
 * @except: (nullable): names to leave out (a set)
 *
 * The names of @map not in @except, in byte order: what a mapping file
 * writes, and what the preview says a table lacks.
 *
 * Returns: (transfer container) (element-type utf8): the names, borrowed
 *   from @map.
 */
GPtrArray *
d8_plan_mapping_names (GHashTable *map, GHashTable *except)
{
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (map != NULL)
    {
      g_hash_table_iter_init (&iter, map);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (except == NULL || !g_hash_table_contains (except, key))
          g_ptr_array_add (names, key);
    }
  g_ptr_array_sort (names, compare_names);
  return names;
}

/* Adds @name: {key: value, …} with the keys in order, so that the same
 * mapping is always the same file. */
static void
add_map (JsonBuilder *b, const char *name, GHashTable *map)
{
  g_autoptr (GPtrArray) keys = d8_plan_mapping_names (map, NULL);

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  for (guint i = 0; i < keys->len; i++)
    {
      json_builder_set_member_name (b, keys->pdata[i]);
      json_builder_add_string_value (b, g_hash_table_lookup (map, keys->pdata[i]));
    }
  json_builder_end_object (b);
}

/**
 * d8_plan_import_write_mapping:
 * @path: the file to write (replaced whole, or left as it was on error)
 * @column_map: (nullable): header text → indicator code, "+" or "-", as
 *   D8PlanImportOptions.column_map holds it
 * @unit_map: (nullable): unit name → unit code or "+LEVEL", as
 *   D8PlanImportOptions.unit_map holds it
 * @error: (out) (optional): D8_ERROR_INVALID when the file cannot be
 *   written
 *
 * Writes a table's mapping in the form d8_plan_import_read_mapping() reads
 * (docs/cli.md, "import-plan"): UTF-8 JSON, both members present, names in
 * order.
 *
 * Returns: %TRUE when the file was written.
 */
gboolean
d8_plan_import_write_mapping (const char  *path,
                              GHashTable  *column_map,
                              GHashTable  *unit_map,
                              GError     **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  json_builder_begin_object (b);
  add_map (b, "columns", column_map);
  add_map (b, "units", unit_map);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  if (!g_file_set_contents (path, text, -1, &local_error))
    {
      g_autofree char *shown = g_filename_display_basename (path);

      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("Cannot write the mapping %s: %s"),
                   shown, local_error->message);
      return FALSE;
    }
  return TRUE;
}
