/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-spreadsheet-xlsx.c — reads one sheet of an XLSX workbook into a
 * D8Sheet.
 *
 * An XLSX file is a zip container of XML parts (ECMA-376). The container
 * is opened with libarchive and the parts are parsed with libxml2: both
 * are well-kept, widely fuzzed libraries already on every Debian desktop,
 * where a hand-written unzip or XML parser would be our own attack
 * surface. Parts are read into memory with a size limit, so a zip bomb
 * is refused, and libxml2 never fetches or expands external entities.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "d8-error.h"
#include "d8-spreadsheet.h"
#include "d8-text.h"

/* No part of a plan's workbook comes near this; a larger one is refused. */
#define MAX_PART_SIZE (G_GINT64_CONSTANT (64) * 1024 * 1024)
/* Columns beyond XFD (the last Excel has) are refused. */
#define MAX_COLUMNS 16384

typedef struct
{
  const char *source;
  GError **error;
  GHashTable *parts; /* path in the container → GBytes */
} Ctx;

static gboolean G_GNUC_PRINTF (3, 4)
fail (Ctx *ctx, const char *part, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (part != NULL)
    g_set_error (ctx->error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                 /* Translators: XLSX error: file, part of the workbook, problem */
                 _("%s: %s: %s"), ctx->source, part, what);
  else
    g_set_error (ctx->error, D8_ERROR, D8_ERROR_PLAN_FORMAT, _("%s: %s"), ctx->source, what);
  return FALSE;
}

/* Reads every XML part of the container into ctx->parts. */
static gboolean
read_container (Ctx *ctx, const char *data, gsize length)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gboolean ok = TRUE;
  int status;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, length) != ARCHIVE_OK)
    {
      fail (ctx, NULL, _("the workbook is not a readable zip container (%s)"),
            archive_error_string (archive));
      archive_read_free (archive);
      return FALSE;
    }
  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *path = archive_entry_pathname (entry);
      GByteArray *bytes;
      char buffer[65536];
      la_ssize_t n;

      if (path == NULL || (!g_str_has_suffix (path, ".xml") && !g_str_has_suffix (path, ".rels")))
        continue;
      bytes = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          if (bytes->len + (gint64) n > MAX_PART_SIZE)
            {
              ok = fail (ctx, path, _("the part is larger than %d MB"),
                         (int) (MAX_PART_SIZE / 1024 / 1024));
              break;
            }
          g_byte_array_append (bytes, (const guint8 *) buffer, (guint) n);
        }
      if (ok && n < 0)
        ok = fail (ctx, path, _("the part cannot be unpacked (%s)"),
                   archive_error_string (archive));
      if (!ok)
        {
          g_byte_array_unref (bytes);
          break;
        }
      g_hash_table_insert (ctx->parts, g_strdup (path), g_byte_array_free_to_bytes (bytes));
    }
  if (ok && status != ARCHIVE_EOF)
    ok = fail (ctx, NULL, _("the workbook is not a readable zip container (%s)"),
               archive_error_string (archive));
  archive_read_free (archive);
  return ok;
}

static xmlDoc *
parse_part (Ctx *ctx, const char *path, gboolean required)
{
  GBytes *bytes = g_hash_table_lookup (ctx->parts, path);
  xmlDoc *doc;
  gsize size;
  const char *data;

  if (bytes == NULL)
    {
      if (required)
        fail (ctx, path, _("this part of the workbook is missing"));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  /* No network, no entity substitution, no DTD loading. */
  doc = xmlReadMemory (data, (int) size, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR
                       | XML_PARSE_NOWARNING);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      fail (ctx, path, _("the part is not well-formed XML"));
      if (doc != NULL)
        xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

static gboolean
is (const xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static char *
attr (const xmlNode *node, const char *name)
{
  /* Attributes are looked up by local name whatever their namespace. */
  for (const xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (strcmp ((const char *) a->name, name) == 0)
      {
        xmlChar *value = xmlNodeGetContent ((const xmlNode *) a);
        char *copy = g_strdup ((const char *) value);
        xmlFree (value);
        return copy;
      }
  return NULL;
}

/* The text of the <t> elements under @node, skipping phonetic runs. */
static void
append_text (GString *out, const xmlNode *node)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is (child, "rPh") || is (child, "phoneticPr"))
        continue;
      if (is (child, "t"))
        {
          xmlChar *text = xmlNodeGetContent (child);
          g_string_append (out, (const char *) text);
          xmlFree (text);
        }
      else if (child->type == XML_ELEMENT_NODE)
        append_text (out, child);
    }
}

static GPtrArray *
read_shared_strings (Ctx *ctx)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  xmlDoc *doc = parse_part (ctx, "xl/sharedStrings.xml", FALSE);

  if (doc == NULL)
    {
      /* A workbook of numbers only has none; a broken one is refused. */
      if (g_hash_table_contains (ctx->parts, "xl/sharedStrings.xml"))
        g_clear_pointer (&strings, g_ptr_array_unref);
      return strings;
    }
  for (const xmlNode *si = xmlDocGetRootElement (doc)->children; si != NULL; si = si->next)
    if (is (si, "si"))
      {
        GString *text = g_string_new (NULL);
        append_text (text, si);
        g_ptr_array_add (strings, g_string_free (text, FALSE));
      }
  xmlFreeDoc (doc);
  return strings;
}

/* The path of the sheet @wanted (name or 1-based number; NULL: first),
 * through workbook.xml and its relationships. */
static char *
find_sheet_path (Ctx *ctx, const char *wanted, char **name_out)
{
  xmlDoc *workbook = parse_part (ctx, "xl/workbook.xml", TRUE);
  xmlDoc *rels = NULL;
  g_autofree char *rel_id = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  char *path = NULL;
  guint64 number = 0;
  guint index = 0;
  g_autofree char *wanted_key = wanted ? d8_text_name_key (wanted) : NULL;

  if (workbook == NULL)
    return NULL;
  if (wanted != NULL && !g_ascii_string_to_unsigned (wanted, 10, 1, G_MAXINT, &number, NULL))
    number = 0;
  for (const xmlNode *node = xmlDocGetRootElement (workbook)->children; node; node = node->next)
    {
      if (!is (node, "sheets"))
        continue;
      for (const xmlNode *sheet = node->children; sheet; sheet = sheet->next)
        {
          g_autofree char *name = NULL;
          g_autofree char *key = NULL;

          if (!is (sheet, "sheet"))
            continue;
          index++;
          name = attr (sheet, "name");
          key = d8_text_name_key (name);
          g_string_append_printf (names, "%s%u “%s”", names->len ? ", " : "", index,
                                  name ? name : "");
          if (rel_id == NULL
              && (wanted == NULL || number == index || g_strcmp0 (key, wanted_key) == 0))
            {
              rel_id = attr (sheet, "id");
              *name_out = g_steal_pointer (&name);
            }
        }
    }
  xmlFreeDoc (workbook);
  if (rel_id == NULL)
    {
      if (index == 0)
        fail (ctx, "xl/workbook.xml", _("the workbook has no sheet"));
      else
        fail (ctx, NULL, _("there is no sheet “%s”; the sheets are: %s"), wanted, names->str);
      return NULL;
    }
  if ((rels = parse_part (ctx, "xl/_rels/workbook.xml.rels", TRUE)) == NULL)
    return NULL;
  for (const xmlNode *node = xmlDocGetRootElement (rels)->children; node; node = node->next)
    {
      g_autofree char *id = is (node, "Relationship") ? attr (node, "Id") : NULL;
      g_autofree char *target = NULL;

      if (g_strcmp0 (id, rel_id) != 0)
        continue;
      target = attr (node, "Target");
      if (target == NULL)
        break;
      path = target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
      break;
    }
  xmlFreeDoc (rels);
  if (path == NULL)
    fail (ctx, "xl/_rels/workbook.xml.rels", _("the sheet “%s” has no part"), *name_out);
  return path;
}

/* "C7" → column 2, row 6; FALSE when it is not a cell reference. */
static gboolean
parse_reference (const char *ref, guint *row, guint *column)
{
  guint col = 0;
  guint64 r;
  const char *p = ref;

  while (g_ascii_isupper (*p))
    {
      col = col * 26 + (guint) (*p - 'A' + 1);
      if (col > MAX_COLUMNS)
        return FALSE;
      p++;
    }
  if (col == 0 || !g_ascii_string_to_unsigned (p, 10, 1, 1048576, &r, NULL))
    return FALSE;
  *column = col - 1;
  *row = (guint) r - 1;
  return TRUE;
}

/* A number as a person reads it: 4 not 4.0; a fraction stays as written
 * so the mapping can refuse it by name. */
static char *
number_text (const char *value)
{
  char *end = NULL;
  double d = g_ascii_strtod (value, &end);

  if (end != NULL && *end == '\0' && isfinite (d) && d == floor (d) && fabs (d) < 1e15)
    return g_strdup_printf ("%.0f", d);
  return g_strdup (value);
}

static char *
cell_value (const xmlNode *c, GPtrArray *shared)
{
  g_autofree char *type = attr (c, "t");
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *v = NULL;

  for (const xmlNode *child = c->children; child; child = child->next)
    {
      if (is (child, "v"))
        {
          xmlChar *content = xmlNodeGetContent (child);
          g_free (v);
          v = g_strdup ((const char *) content);
          xmlFree (content);
        }
      else if (is (child, "is"))
        append_text (text, child);
    }
  if (g_strcmp0 (type, "inlineStr") == 0)
    return g_strdup (text->str);
  if (v == NULL)
    return g_strdup ("");
  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 i;
      if (g_ascii_string_to_unsigned (v, 10, 0, G_MAXUINT, &i, NULL) && i < shared->len)
        return g_strdup (g_ptr_array_index (shared, (guint) i));
      return NULL;
    }
  if (g_strcmp0 (type, "b") == 0)
    return g_strdup (g_str_equal (v, "1") ? "TRUE" : "FALSE");
  if (type == NULL || g_str_equal (type, "n"))
    return number_text (v);
  return g_strdup (v); /* "str" (a formula's text), "e" (an error such as #REF!) */
}

static char *
clean (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  return g_strstrip (g_steal_pointer (&nfc));
}

static gboolean
read_sheet (Ctx *ctx, const char *path, GPtrArray *shared, D8Sheet *sheet)
{
  xmlDoc *doc = parse_part (ctx, path, TRUE);
  guint next_row = 0;

  if (doc == NULL)
    return FALSE;
  for (const xmlNode *node = xmlDocGetRootElement (doc)->children; node; node = node->next)
    {
      if (!is (node, "sheetData"))
        continue;
      for (const xmlNode *row = node->children; row; row = row->next)
        {
          g_autofree char *r_attr = NULL;
          g_autoptr (GPtrArray) cells = NULL;
          guint64 r = 0;
          guint next_col = 0;

          if (!is (row, "row"))
            continue;
          r_attr = attr (row, "r");
          if (r_attr == NULL || !g_ascii_string_to_unsigned (r_attr, 10, 1, 1048576, &r, NULL))
            r = next_row + 1;
          if (r - 1 < next_row)
            {
              xmlFreeDoc (doc);
              return fail (ctx, path, _("row %u comes twice or out of order"), (guint) r);
            }
          /* Rows the sheet leaves out are empty. */
          while (next_row < r - 1)
            {
              g_ptr_array_add (sheet->rows, g_new0 (char *, 1));
              next_row++;
            }
          cells = g_ptr_array_new_with_free_func (g_free);
          for (const xmlNode *c = row->children; c; c = c->next)
            {
              g_autofree char *ref = NULL;
              g_autofree char *value = NULL;
              guint cr = 0, cc = next_col;

              if (!is (c, "c"))
                continue;
              ref = attr (c, "r");
              if (ref != NULL && (!parse_reference (ref, &cr, &cc) || cr != r - 1))
                {
                  xmlFreeDoc (doc);
                  return fail (ctx, path, _("“%s” is not a cell of row %u"), ref, (guint) r);
                }
              if (cc < next_col)
                {
                  xmlFreeDoc (doc);
                  return fail (ctx, path, _("the cell %s comes twice or out of order"), ref);
                }
              value = cell_value (c, shared);
              if (value == NULL)
                {
                  g_autofree char *name = d8_sheet_cell_name ((guint) r - 1, cc);
                  xmlFreeDoc (doc);
                  return fail (ctx, path, _("cell %s: unknown shared text"), name);
                }
              while (next_col < cc)
                {
                  g_ptr_array_add (cells, g_strdup (""));
                  next_col++;
                }
              g_ptr_array_add (cells, clean (value));
              next_col++;
            }
          g_ptr_array_add (cells, NULL);
          g_ptr_array_add (sheet->rows, g_ptr_array_steal (cells, NULL));
          next_row = (guint) r;
        }
    }
  xmlFreeDoc (doc);
  return TRUE;
}

/**
 * d8_sheet_read_xlsx:
 * @data: the bytes of an XLSX workbook
 * @length: their length
 * @sheet: (nullable): the sheet's name or 1-based number; NULL: the first
 * @source_name: the file's name, for errors
 * @error: (out) (optional): D8_ERROR_PLAN_FORMAT naming the file and the
 *   part or cell
 *
 * Returns: (transfer full) (nullable): the sheet, or NULL on error.
 */
D8Sheet *
d8_sheet_read_xlsx (const char *data, gsize length, const char *sheet, const char *source_name,
                    GError **error)
{
  g_autoptr (GHashTable) parts =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_autoptr (D8Sheet) result = d8_sheet_new ();
  g_autoptr (GPtrArray) shared = NULL;
  g_autofree char *path = NULL;
  Ctx ctx = { source_name, error, parts };

  LIBXML_TEST_VERSION;
  if (!read_container (&ctx, data, length))
    return NULL;
  if ((path = find_sheet_path (&ctx, sheet, &result->sheet_name)) == NULL)
    return NULL;
  if ((shared = read_shared_strings (&ctx)) == NULL)
    return NULL;
  if (!read_sheet (&ctx, path, shared, result))
    return NULL;
  result->encoding = g_strdup ("XLSX");
  d8_sheet_finish (result);
  return g_steal_pointer (&result);
}
