/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-table-export.c — a table as CSV (plain or for Excel) or as an XLSX
 * workbook (d8-table-export.h).
 *
 * XLSX goes through libxlsxwriter, as the plan's appendix does
 * (d8-plan-export.c): files Excel, LibreOffice and WPS open without a
 * repair prompt, with real print set-up and frozen panes.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "d8-error.h"
#include "d8-file-part.h"
#include "d8-format.h"
#include "d8-table-export.h"

/* ------------------------------------------------------------------- CSV */

void
d8_csv_begin (GString *out, D8CsvDialect dialect)
{
  g_return_if_fail (out != NULL);

  switch (dialect)
    {
    case D8_CSV_EXCEL:
      g_string_append (out, "\xEF\xBB\xBF");
      break;
    case D8_CSV_PLAIN:
      break;
    default:
      g_return_if_reached ();
    }
}

void
d8_csv_append_cell (GString *out, const char *text)
{
  d8_csv_append_field (out, text, ',');
}

void
d8_csv_append_field (GString *out, const char *text, char separator)
{
  const char special[] = { separator, '"', '\r', '\n', '\0' };

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  if (strpbrk (text, special) == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
d8_csv_end_row (GString *out, D8CsvDialect dialect)
{
  g_return_if_fail (out != NULL);

  switch (dialect)
    {
    case D8_CSV_EXCEL:
      g_string_append (out, "\r\n");
      break;
    case D8_CSV_PLAIN:
      g_string_append_c (out, '\n');
      break;
    default:
      g_return_if_reached ();
    }
}

/* ----------------------------------------------------------------- table */

static void
free_row (gpointer data, gpointer user_data)
{
  D8TableCell *cells = data;
  guint n = GPOINTER_TO_UINT (user_data);

  for (guint c = 0; c < n; c++)
    g_free (cells[c].text);
  g_free (cells);
}

/**
 * d8_table_new:
 * @sheet_name: the name of its sheet in a workbook
 * @n_columns: how many columns, at least 1
 *
 * Returns: (transfer full): an empty table.
 */
D8Table *
d8_table_new (const char *sheet_name, guint n_columns)
{
  D8Table *table;

  g_return_val_if_fail (sheet_name != NULL && n_columns > 0, NULL);

  table = g_new0 (D8Table, 1);
  g_atomic_ref_count_init (&table->ref_count);
  table->sheet_name = g_strdup (sheet_name);
  table->n_columns = n_columns;
  table->header = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->rows = g_ptr_array_new ();
  table->widths = g_new0 (double, n_columns);
  return table;
}

D8Table *
d8_table_ref (D8Table *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_atomic_ref_count_inc (&table->ref_count);
  return table;
}

void
d8_table_unref (D8Table *table)
{
  if (table == NULL || !g_atomic_ref_count_dec (&table->ref_count))
    return;
  g_ptr_array_foreach (table->rows, free_row, GUINT_TO_POINTER (table->n_columns));
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->header);
  g_free (table->widths);
  g_free (table->title);
  g_free (table->sheet_name);
  g_free (table);
}

void
d8_table_add_header (D8Table *table, const char *const *cells)
{
  char **row;

  g_return_if_fail (table != NULL && cells != NULL);

  /* A merged cell is kept as a marker no header text can be, so that
   * g_strfreev, which stops at the first NULL, frees the whole row. */
  row = g_new0 (char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    row[c] = g_strdup (cells[c] ? cells[c] : "\x01");
  g_ptr_array_add (table->header, row);
}

static gboolean
header_is_merged (const char *text)
{
  return text[0] == '\x01' && text[1] == '\0';
}

const char *
d8_table_header_text (const D8Table *table, guint row, guint column)
{
  const char *text;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->header->len && column < table->n_columns, NULL);

  text = ((char **) table->header->pdata[row])[column];
  return header_is_merged (text) ? NULL : text;
}

guint
d8_table_add_row (D8Table *table)
{
  g_return_val_if_fail (table != NULL, 0);

  g_ptr_array_add (table->rows, g_new0 (D8TableCell, table->n_columns));
  return table->rows->len - 1;
}

D8TableCell *
d8_table_cell (D8Table *table, guint row, guint column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len && column < table->n_columns, NULL);

  return &((D8TableCell *) table->rows->pdata[row])[column];
}

static D8TableCell *
reset_cell (D8Table *table, guint row, guint column, D8TableCellKind kind)
{
  D8TableCell *cell = d8_table_cell (table, row, column);

  if (cell == NULL)
    return NULL;
  g_clear_pointer (&cell->text, g_free);
  cell->kind = kind;
  cell->number = 0;
  return cell;
}

void
d8_table_set_text (D8Table *table, guint row, guint column, const char *text)
{
  D8TableCell *cell = reset_cell (table, row, column, text ? D8_TABLE_CELL_TEXT
                                                           : D8_TABLE_CELL_EMPTY);
  if (cell != NULL)
    cell->text = g_strdup (text);
}

void
d8_table_set_count (D8Table *table, guint row, guint column, gint64 value)
{
  D8TableCell *cell = reset_cell (table, row, column, D8_TABLE_CELL_COUNT);
  if (cell != NULL)
    cell->number = (double) value;
}

void
d8_table_set_percent (D8Table *table, guint row, guint column, double fraction)
{
  D8TableCell *cell = reset_cell (table, row, column,
                                  isfinite (fraction) ? D8_TABLE_CELL_PERCENT
                                                      : D8_TABLE_CELL_EMPTY);
  if (cell != NULL && isfinite (fraction))
    cell->number = fraction;
}

void
d8_table_set_row_bold (D8Table *table, guint row, gboolean bold)
{
  g_return_if_fail (table != NULL && row < table->rows->len);

  for (guint c = 0; c < table->n_columns; c++)
    d8_table_cell (table, row, c)->bold = bold;
}

char *
d8_table_cell_display (const D8TableCell *cell, int percent_decimals)
{
  g_return_val_if_fail (cell != NULL, NULL);

  switch (cell->kind)
    {
    case D8_TABLE_CELL_EMPTY:
      return g_strdup ("");
    case D8_TABLE_CELL_TEXT:
      return g_strdup (cell->text);
    case D8_TABLE_CELL_COUNT:
      return d8_format_count ((gint64) cell->number);
    case D8_TABLE_CELL_PERCENT:
      return d8_format_percent (cell->number, percent_decimals);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
d8_table_cell_centred (const D8TableCell *cell, const char *text)
{
  g_return_val_if_fail (cell != NULL && text != NULL, TRUE);
  return !(cell->kind == D8_TABLE_CELL_TEXT && g_utf8_strlen (text, -1) > 2);
}

/* ------------------------------------------------------------ table: CSV */

static char *
cell_to_machine (const D8TableCell *cell)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  switch (cell->kind)
    {
    case D8_TABLE_CELL_EMPTY:
      return NULL;
    case D8_TABLE_CELL_TEXT:
      return g_strdup (cell->text);
    case D8_TABLE_CELL_COUNT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) cell->number);
    case D8_TABLE_CELL_PERCENT:
      g_ascii_formatd (buf, sizeof buf, "%.1f", cell->number * 100.0);
      return g_strdup (g_str_equal (buf, "-0.0") ? "0.0" : buf);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * d8_table_to_csv:
 * @table: a table
 * @dialect: plain or for Excel
 * @length: (out) (optional): the length in bytes
 *
 * Returns: (transfer full): the CSV text.
 */
char *
d8_table_to_csv (const D8Table *table, D8CsvDialect dialect, gsize *length)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (table != NULL, NULL);

  d8_csv_begin (out, dialect);
  for (guint h = 0; h < table->header->len; h++)
    {
      char **row = table->header->pdata[h];
      for (guint c = 0; c < table->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          if (!header_is_merged (row[c]))
            d8_csv_append_cell (out, row[c]);
        }
      d8_csv_end_row (out, dialect);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      const D8TableCell *cells = table->rows->pdata[r];
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *text = cell_to_machine (&cells[c]);
          if (c > 0)
            g_string_append_c (out, ',');
          d8_csv_append_cell (out, text);
        }
      d8_csv_end_row (out, dialect);
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* ----------------------------------------------------------- table: XLSX */

typedef struct
{
  lxw_format *title, *header, *text, *count, *percent;
  lxw_format *bold_text, *bold_count, *bold_percent;
} Formats;

static lxw_format *
add_body_format (lxw_workbook *workbook, const char *num_format, gboolean bold)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  if (num_format != NULL)
    format_set_num_format (format, num_format);
  else
    format_set_text_wrap (format);
  if (bold)
    format_set_bold (format);
  return format;
}

static void
make_formats (lxw_workbook *workbook, Formats *f)
{
  f->title = workbook_add_format (workbook);
  format_set_bold (f->title);
  format_set_font_size (f->title, 13);
  f->header = workbook_add_format (workbook);
  format_set_bold (f->header);
  format_set_text_wrap (f->header);
  format_set_border (f->header, LXW_BORDER_THIN);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_align (f->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (f->header, 0xE7E6E6);
  f->text = add_body_format (workbook, NULL, FALSE);
  f->count = add_body_format (workbook, "#,##0", FALSE);
  f->percent = add_body_format (workbook, "0.0%", FALSE);
  f->bold_text = add_body_format (workbook, NULL, TRUE);
  f->bold_count = add_body_format (workbook, "#,##0", TRUE);
  f->bold_percent = add_body_format (workbook, "0.0%", TRUE);
}

/* Writes the header rows from @first, merging a cell with the NULLs after
 * it (across) and with the same text under it in the next header rows
 * (down), as a two-row header "indicator / quota, achieved, %" needs. */
static void
write_header (lxw_worksheet *sheet, const D8Table *table, lxw_row_t first, const Formats *f)
{
  guint n_rows = table->header->len;
  g_autofree gboolean *done = g_new0 (gboolean, n_rows * table->n_columns);

  for (guint h = 0; h < n_rows; h++)
    for (guint c = 0; c < table->n_columns; c++)
      {
        char **row = table->header->pdata[h];
        guint right = c, down = h;

        if (done[h * table->n_columns + c])
          continue;
        if (header_is_merged (row[c]))
          {
            worksheet_write_blank (sheet, first + h, (lxw_col_t) c, f->header);
            continue;
          }
        while (right + 1 < table->n_columns && header_is_merged (row[right + 1]))
          right++;
        /* down only for a single column whose text repeats below */
        while (right == c && down + 1 < n_rows
               && g_str_equal (((char **) table->header->pdata[down + 1])[c], row[c]))
          down++;
        for (guint y = h; y <= down; y++)
          for (guint x = c; x <= right; x++)
            done[y * table->n_columns + x] = TRUE;
        if (right > c || down > h)
          worksheet_merge_range (sheet, first + h, (lxw_col_t) c, first + down,
                                 (lxw_col_t) right, row[c], f->header);
        else
          worksheet_write_string (sheet, first + h, (lxw_col_t) c, row[c], f->header);
      }
}

static void
write_sheet (lxw_worksheet *sheet, const D8Table *table, const Formats *f)
{
  lxw_row_t row = 0;
  lxw_row_t header_first;

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9); /* A4 */
  worksheet_set_margins (sheet, 0.5, 0.5, 0.6, 0.6);
  worksheet_fit_to_pages (sheet, 1, 0); /* as wide as a page, as many pages as needed */
  for (guint c = 0; c < table->n_columns; c++)
    worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c,
                          table->widths[c] > 0 ? table->widths[c] : 12, NULL);
  if (table->title != NULL)
    {
      worksheet_write_string (sheet, row, 0, table->title, f->title);
      row += 2;
    }
  header_first = row;
  write_header (sheet, table, header_first, f);
  row += table->header->len;
  if (table->header->len > 0)
    {
      worksheet_freeze_panes (sheet, row, 0);
      worksheet_repeat_rows (sheet, header_first, row - 1);
    }
  for (guint r = 0; r < table->rows->len; r++, row++)
    {
      const D8TableCell *cells = table->rows->pdata[r];

      for (guint c = 0; c < table->n_columns; c++)
        {
          const D8TableCell *cell = &cells[c];
          lxw_col_t col = (lxw_col_t) c;

          switch (cell->kind)
            {
            case D8_TABLE_CELL_EMPTY:
              worksheet_write_blank (sheet, row, col, cell->bold ? f->bold_text : f->text);
              break;
            case D8_TABLE_CELL_TEXT:
              worksheet_write_string (sheet, row, col, cell->text,
                                      cell->bold ? f->bold_text : f->text);
              break;
            case D8_TABLE_CELL_COUNT:
              worksheet_write_number (sheet, row, col, cell->number,
                                      cell->bold ? f->bold_count : f->count);
              break;
            case D8_TABLE_CELL_PERCENT:
              worksheet_write_number (sheet, row, col, cell->number,
                                      cell->bold ? f->bold_percent : f->percent);
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\ */
static char *
sheet_name_for (const char *name)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = name; *p && n < 31; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);
      if (strchr ("[]:*?/\\", (int) ch) != NULL && ch < 0x80)
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_workbook (GPtrArray *tables, const char *path, const char *display, GError **error)
{
  lxw_workbook *workbook = workbook_new (path);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Formats f;
  lxw_error status;

  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the workbook cannot be created"),
                   display);
      return FALSE;
    }
  make_formats (workbook, &f);
  for (guint t = 0; t < tables->len; t++)
    {
      const D8Table *table = tables->pdata[t];
      g_autofree char *name = sheet_name_for (table->sheet_name);
      g_autofree char *folded = g_utf8_casefold (name, -1);
      lxw_worksheet *sheet;

      if (g_hash_table_contains (names, folded))
        {
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       /* Translators: %s: a file, a sheet's name */
                       _("%s: two sheets are called “%s”"), display, name);
          workbook_close (workbook);
          return FALSE;
        }
      g_hash_table_add (names, g_steal_pointer (&folded));
      sheet = workbook_add_worksheet (workbook, name);
      write_sheet (sheet, table, &f);
    }
  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s: the workbook cannot be written (%s)"), display, lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
d8_table_write_xlsx (GPtrArray *tables, const char *path, GError **error)
{
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (tables != NULL && tables->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tmp = d8_file_part_path (path);
  if (!write_workbook (tables, tmp, path, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  return d8_file_part_commit (tmp, path, error);
}
