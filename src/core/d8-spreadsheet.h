/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-spreadsheet.h — a table of text cells read from a spreadsheet: CSV
 * or TSV (UTF-8 with or without BOM, or Windows code page 1258 as
 * Vietnamese Excel saves it; separator , ; or tab detected), the
 * tab-separated text Excel, LibreOffice or WPS put on the clipboard, or
 * one sheet of an XLSX workbook. Every cell is UTF-8 in NFC, trimmed.
 *
 * The reader knows nothing of plans: d8-plan-import.c maps the cells to
 * units and indicators. Cells are addressed as a spreadsheet does ("C7"),
 * so a message can point at the cell a person sees.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *rows;   /* GStrv per row, every row as long as the longest */
  guint n_columns;
  char *encoding;    /* "UTF-8", "UTF-8 (BOM)", "CP1258", "XLSX" */
  char separator;    /* ',', ';', '\t'; 0 for a workbook */
  char *sheet_name;  /* the sheet read from a workbook, or NULL */
} D8Sheet;

void d8_sheet_free (D8Sheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8Sheet, d8_sheet_free)

/* The cell at 0-based @row and @column; "" outside the table. */
const char *d8_sheet_cell (const D8Sheet *sheet, guint row, guint column);

/* The name of a cell as a spreadsheet shows it: row 6, column 2 → "C7". */
char *d8_sheet_cell_name (guint row, guint column);

/* Reads CSV or TSV text (also the clipboard's tab-separated text).
 * Detects a UTF-8 byte-order mark, text that is not UTF-8 (read as code
 * page 1258), the separator (the one of , ; tab that splits the first
 * lines most consistently) and CRLF or LF line ends; honours "quoted"
 * cells with doubled quotes and line breaks inside. Errors
 * (D8_ERROR_PLAN_FORMAT) name @source_name and the row. */
D8Sheet *d8_sheet_read_text (const char *data, gsize length, const char *source_name,
                             GError **error);

/* Reads one sheet of an XLSX workbook: @sheet is its name or its 1-based
 * number; NULL for the first. Shared strings, inline strings, numbers
 * and booleans are read; formulas give their cached value. Errors
 * (D8_ERROR_PLAN_FORMAT) name @source_name and the part of the file. */
D8Sheet *d8_sheet_read_xlsx (const char *data, gsize length, const char *sheet,
                             const char *source_name, GError **error);

/* For the readers: an empty sheet, and the last step after filling
 * sheet->rows (pads rows to the widest, drops trailing empty rows). */
D8Sheet *d8_sheet_new (void);
void d8_sheet_finish (D8Sheet *sheet);

/* TRUE when @data starts like a zip container (an XLSX workbook). */
gboolean d8_sheet_data_is_zip (const char *data, gsize length);

G_END_DECLS
