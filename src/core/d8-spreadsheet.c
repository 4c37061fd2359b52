/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-spreadsheet.c — the sheet of cells and its CSV/TSV reader (the XLSX
 * reader is d8-spreadsheet-xlsx.c).
 *
 * Vietnamese Windows Excel saves "CSV" in code page 1258, whose tone marks
 * are combining characters: GLib's g_convert (iconv "CP1258") decodes it —
 * a well-kept converter rather than a table of our own — and
 * g_utf8_normalize makes the result NFC, so "Thủy" from such a file equals
 * "Thủy" typed. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-error.h"
#include "d8-spreadsheet.h"

/* Lines looked at to choose the separator. */
#define SNIFF_LINES 30

void
d8_sheet_free (D8Sheet *sheet)
{
  if (sheet == NULL)
    return;
  g_clear_pointer (&sheet->rows, g_ptr_array_unref);
  g_free (sheet->encoding);
  g_free (sheet->sheet_name);
  g_free (sheet);
}

/**
 * d8_sheet_cell:
 * @sheet: a sheet
 * @row: 0-based row
 * @column: 0-based column
 *
 * Returns: (transfer none): the cell's text, "" when empty or outside.
 */
const char *
d8_sheet_cell (const D8Sheet *sheet, guint row, guint column)
{
  char **cells;

  if (row >= sheet->rows->len || column >= sheet->n_columns)
    return "";
  cells = g_ptr_array_index (sheet->rows, row);
  return cells[column] ? cells[column] : "";
}

/**
 * d8_sheet_cell_name:
 * @row: 0-based row
 * @column: 0-based column
 *
 * Returns: (transfer full): the A1-style name, "AB12".
 */
char *
d8_sheet_cell_name (guint row, guint column)
{
  char letters[8];
  int n = 0;
  g_autofree char *reversed = NULL;

  column++;
  while (column > 0 && n < (int) sizeof letters - 1)
    {
      letters[n++] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  letters[n] = '\0';
  reversed = g_strreverse (g_strdup (letters));
  return g_strdup_printf ("%s%u", reversed, row + 1);
}

gboolean
d8_sheet_data_is_zip (const char *data, gsize length)
{
  return length >= 4 && memcmp (data, "PK\003\004", 4) == 0;
}

/* Pads every row to the widest and drops trailing empty rows. */
static void
sheet_finish (D8Sheet *sheet)
{
  guint width = 0;

  for (guint r = 0; r < sheet->rows->len; r++)
    width = MAX (width, g_strv_length (g_ptr_array_index (sheet->rows, r)));
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      char **cells = g_ptr_array_index (sheet->rows, r);
      guint n = g_strv_length (cells);

      if (n < width)
        {
          cells = g_renew (char *, cells, width + 1);
          for (guint c = n; c <= width; c++)
            cells[c] = c < width ? g_strdup ("") : NULL;
          sheet->rows->pdata[r] = cells;
        }
    }
  sheet->n_columns = width;
  while (sheet->rows->len > 0)
    {
      char **cells = g_ptr_array_index (sheet->rows, sheet->rows->len - 1);
      gboolean empty = TRUE;

      for (guint c = 0; cells[c]; c++)
        empty &= cells[c][0] == '\0';
      if (!empty)
        break;
      g_ptr_array_remove_index (sheet->rows, sheet->rows->len - 1);
    }
}

/**
 * d8_sheet_new:
 *
 * Returns: (transfer full): an empty sheet, for the readers.
 */
D8Sheet *
d8_sheet_new (void)
{
  D8Sheet *sheet = g_new0 (D8Sheet, 1);

  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return sheet;
}

/**
 * d8_sheet_finish:
 * @sheet: a sheet a reader has filled
 *
 * Pads every row to the widest and drops trailing empty rows.
 */
void
d8_sheet_finish (D8Sheet *sheet)
{
  sheet_finish (sheet);
}

/* A cell as stored: NFC, surrounding white space (also no-break space)
 * removed. */
static char *
clean_cell (const char *text, gssize length)
{
  g_autofree char *nfc = g_utf8_normalize (text, length, G_NORMALIZE_NFC);
  const char *start;
  const char *end;

  if (nfc == NULL)
    return g_strdup ("");
  start = nfc;
  end = nfc + strlen (nfc);
  while (start < end && (g_unichar_isspace (g_utf8_get_char (start))
                         || g_utf8_get_char (start) == 0x00A0))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (!g_unichar_isspace (c) && c != 0x00A0)
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/* The separator that splits the first lines into the same number of
 * cells most often: a header full of commas in a ;-separated file does
 * not fool it, because the data lines hold none. Ties go to tab (the
 * clipboard), then ;, then ,. */
static char
sniff_separator (const char *text)
{
  static const char candidates[] = { '\t', ';', ',' };
  int best_score = -1;
  char best = '\t';

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
      const char *p = text;
      int lines = 0, mode_count = 0;
      guint mode = 0;
      gboolean quoted = FALSE;
      guint n = 0;

      while (*p && lines < SNIFF_LINES)
        {
          if (*p == '"')
            quoted = !quoted;
          else if (!quoted && *p == candidates[k])
            n++;
          else if (!quoted && *p == '\n')
            {
              if (n > 0)
                {
                  int c = GPOINTER_TO_INT (g_hash_table_lookup (counts, GUINT_TO_POINTER (n))) + 1;
                  g_hash_table_insert (counts, GUINT_TO_POINTER (n), GINT_TO_POINTER (c));
                  if (c > mode_count)
                    {
                      mode_count = c;
                      mode = n;
                    }
                }
              n = 0;
              lines++;
            }
          p++;
        }
      if (n > 0)
        {
          int c = GPOINTER_TO_INT (g_hash_table_lookup (counts, GUINT_TO_POINTER (n))) + 1;
          if (c > mode_count)
            mode_count = c;
        }
      (void) mode;
      if (mode_count > best_score)
        {
          best_score = mode_count;
          best = candidates[k];
        }
    }
  return best;
}

/**
 * d8_sheet_read_text:
 * @data: the bytes of a CSV or TSV file, or the clipboard's text
 * @length: their length
 * @source_name: the file's name, for errors
 * @error: (out) (optional): D8_ERROR_PLAN_FORMAT for text that is neither
 *   UTF-8 nor code page 1258, or a quote left open
 *
 * Returns: (transfer full) (nullable): the sheet, or NULL on error.
 */
D8Sheet *
d8_sheet_read_text (const char *data, gsize length, const char *source_name, GError **error)
{
  g_autoptr (D8Sheet) sheet = d8_sheet_new ();
  g_autofree char *converted = NULL;
  g_autoptr (GPtrArray) cells = NULL;
  g_autoptr (GString) cell = g_string_new (NULL);
  const char *text = data;
  gsize text_length = length;
  gboolean quoted = FALSE, was_quoted = FALSE;
  guint row_no = 1, quote_row = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      text_length -= 3;
      sheet->encoding = g_strdup ("UTF-8 (BOM)");
    }
  if (memchr (text, '\0', text_length) != NULL)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                   _("%s: the file is not a text table (it holds NUL bytes)"), source_name);
      return NULL;
    }
  if (!g_utf8_validate_len (text, text_length, NULL))
    {
      gsize written = 0;

      if (sheet->encoding != NULL
          || (converted = g_convert (text, text_length, "UTF-8", "CP1258", NULL, &written,
                                     NULL)) == NULL)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                       _("%s: the text is neither UTF-8 nor Windows code page 1258"),
                       source_name);
          return NULL;
        }
      text = converted;
      text_length = written;
      sheet->encoding = g_strdup ("CP1258");
    }
  if (sheet->encoding == NULL)
    sheet->encoding = g_strdup ("UTF-8");

  {
    g_autofree char *copy = g_strndup (text, text_length);
    sheet->separator = sniff_separator (copy);
  }

  cells = g_ptr_array_new_with_free_func (g_free);
  for (gsize i = 0; i <= text_length; i++)
    {
      char ch = i < text_length ? text[i] : '\0';
      gboolean end_of_text = i == text_length;

      if (quoted && !end_of_text)
        {
          if (ch == '"' && i + 1 < text_length && text[i + 1] == '"')
            {
              g_string_append_c (cell, '"');
              i++;
            }
          else if (ch == '"')
            quoted = FALSE;
          else
            {
              if (ch == '\n')
                row_no++;
              g_string_append_c (cell, ch);
            }
          continue;
        }
      if (quoted && end_of_text)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                       _("%s: row %u: a quoted cell is never closed"), source_name, quote_row);
          return NULL;
        }
      if (ch == '"' && !was_quoted && cell->len == 0)
        {
          quoted = was_quoted = TRUE;
          quote_row = row_no;
          continue;
        }
      if (ch == sheet->separator || ch == '\n' || end_of_text)
        {
          g_ptr_array_add (cells, clean_cell (cell->str, cell->len));
          g_string_truncate (cell, 0);
          was_quoted = FALSE;
          if (ch != sheet->separator)
            {
              gboolean blank_last_line = end_of_text && cells->len == 1
                                         && ((char *) cells->pdata[0])[0] == '\0';
              if (!blank_last_line)
                {
                  g_ptr_array_add (cells, NULL);
                  g_ptr_array_add (sheet->rows, g_ptr_array_steal (cells, NULL));
                  g_ptr_array_set_free_func (cells, g_free);
                }
              else
                g_ptr_array_set_size (cells, 0);
              row_no++;
            }
          continue;
        }
      if (ch == '\r' && (i + 1 == text_length || text[i + 1] == '\n'))
        continue;
      g_string_append_c (cell, ch);
    }
  sheet_finish (sheet);
  return g_steal_pointer (&sheet);
}
