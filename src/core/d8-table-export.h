/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-table-export.h — any table a person may take to Excel: header rows
 * and rows of text or number cells, written as CSV (plain, or for Excel:
 * UTF-8 byte-order mark and CRLF line ends, so Excel shows "Chư Pưh" and
 * not "ChÆ° PÆ°h") or as an XLSX workbook with one sheet per table (A4
 * landscape print set-up, header rows frozen and repeated on every printed
 * page, number formats).
 *
 * The CLI's CSV outputs write through the CSV functions (--excel picks the
 * dialect); the official report's workbook and the window's "export table"
 * write D8Table values. Files for machines: numbers are written with '.'
 * whatever the locale; only XLSX number formats show them the reader's way.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  D8_CSV_PLAIN = 0, /* UTF-8, no byte-order mark, LF: what scripts read (docs/cli.md) */
  D8_CSV_EXCEL,     /* UTF-8 with byte-order mark, CRLF: what Excel on Windows reads */
} D8CsvDialect;

/* Starts a CSV document: the byte-order mark for D8_CSV_EXCEL, nothing else. */
void d8_csv_begin (GString *out, D8CsvDialect dialect);
/* Appends one cell, RFC 4180: quoted when it holds a comma, a quote or a
 * line break (quotes doubled). @text NULL is an empty cell. */
void d8_csv_append_cell (GString *out, const char *text);
/* The same with another field separator (';' in plan files, where a
 * Vietnamese name may hold a comma): quoted when it holds @separator, a
 * quote or a line break. The separator itself is the caller's to write. */
void d8_csv_append_field (GString *out, const char *text, char separator);
/* Ends a row: "\n" or, for D8_CSV_EXCEL, "\r\n". */
void d8_csv_end_row (GString *out, D8CsvDialect dialect);

typedef enum
{
  D8_TABLE_CELL_EMPTY = 0,
  D8_TABLE_CELL_TEXT,
  D8_TABLE_CELL_COUNT,   /* a whole number: "1.234" in a workbook under vi, 1234 in CSV */
  D8_TABLE_CELL_PERCENT, /* a fraction (0.125): "12,5 %" in a workbook, 12.5 in CSV */
} D8TableCellKind;

typedef struct
{
  D8TableCellKind kind;
  char *text;    /* TEXT */
  double number; /* COUNT (whole), PERCENT (fraction) */
  gboolean bold; /* a totals row or a heading cell */
} D8TableCell;

typedef struct
{
  char *title;        /* a line above the table in a workbook; NULL for none */
  char *sheet_name;   /* the sheet's name (at most 31 characters are kept) */
  guint n_columns;
  GPtrArray *header;  /* header rows: read them with d8_table_header_text() */
  GPtrArray *rows;    /* D8TableCell arrays (n_columns each) */
  double *widths;     /* per column, in characters; 0 = the default */
  /*< private >*/
  gatomicrefcount ref_count;
} D8Table;

D8Table *d8_table_new (const char *sheet_name, guint n_columns);
D8Table *d8_table_ref (D8Table *table);
void d8_table_unref (D8Table *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8Table, d8_table_unref)

/* Appends a header row: @n_columns strings; NULL continues the cell before. */
void d8_table_add_header (D8Table *table, const char *const *cells);
/* The text of header cell (@row, @column); NULL when the cell continues
 * the one to its left (merged across). */
const char *d8_table_header_text (const D8Table *table, guint row, guint column);
/* Appends an empty row and returns its index. */
guint d8_table_add_row (D8Table *table);
D8TableCell *d8_table_cell (D8Table *table, guint row, guint column);
void d8_table_set_text (D8Table *table, guint row, guint column, const char *text);
void d8_table_set_count (D8Table *table, guint row, guint column, gint64 value);
/* NAN leaves the cell empty. */
void d8_table_set_percent (D8Table *table, guint row, guint column, double fraction);
/* Marks every cell of @row bold (a totals row). */
void d8_table_set_row_bold (D8Table *table, guint row, gboolean bold);

/* A cell as a person reads it on paper, in the UI language (d8-format.h):
 * counts grouped ("1.234"), percents with @percent_decimals ("35 %"),
 * text as is, "" when empty. */
char *d8_table_cell_display (const D8TableCell *cell, int percent_decimals);

/* d8_table_cell_centred:
 * @cell: a cell
 * @text: how it is shown (d8_table_cell_display())
 *
 * The printed report's rule for its appendix (PDF and .docx alike): names
 * are left-aligned, figures and short marks ("-", "x") centred.
 *
 * Returns: TRUE when @cell is centred. */
gboolean d8_table_cell_centred (const D8TableCell *cell, const char *text);

/* The table as CSV: the header rows (merged cells empty), then the rows;
 * counts as whole numbers, percents with one decimal and '.' (12.5). */
char *d8_table_to_csv (const D8Table *table, D8CsvDialect dialect, gsize *length);

/**
 * d8_table_write_xlsx:
 * @tables: (element-type D8Table): one sheet per table, in this order
 * @path: the workbook to write; replaced atomically
 * @error: (out) (optional): D8_ERROR_INVALID for two sheets of the same
 *   name; a G_IO_ERROR naming @path when the workbook cannot be written
 *
 * Writes an XLSX workbook with libxlsxwriter: each sheet A4 landscape,
 * fitted to the page width, its header rows frozen and repeated on every
 * printed page, counts as "#,##0", percents as "0.0%", text wrapped in
 * the header.
 *
 * Returns: TRUE when the file is written.
 */
gboolean d8_table_write_xlsx (GPtrArray *tables, const char *path, GError **error);

G_END_DECLS
