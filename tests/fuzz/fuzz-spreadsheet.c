/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-spreadsheet.c — the spreadsheet readers (src/core/d8-spreadsheet.h:
 * CSV/TSV/pasted text with code page 1258 detection, and XLSX) on
 * arbitrary bytes, and, when a table comes out, the table→plan mapping
 * (d8_plan_import_new_from_bytes and its preview's JSON) against a
 * database made once in a temporary folder. Nothing is applied, so every
 * input meets the same database. */
#include "config.h"

#include "d8-fuzz.h"
#include "d8-plan-import.h"
#include "d8-spreadsheet.h"

static D8Store *store;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  store = d8_fuzz_open_store ("duan8-fuzz-spreadsheet", NULL);
  return 0;
}

/* A reader must give a sheet or an error, never both or neither. */
static gboolean
check_sheet (const char *reader, const D8Sheet *sheet, const GError *error)
{
  guint i;

  if ((sheet == NULL) == (error == NULL))
    g_error ("%s must return a sheet or an error, not both or neither", reader);
  if (sheet == NULL)
    return FALSE;
  for (i = 0; i < sheet->rows->len; i++)
    if (g_strv_length (g_ptr_array_index (sheet->rows, i)) != sheet->n_columns)
      g_error ("%s: row %u is not %u cells long", reader, i, sheet->n_columns);
  for (i = 0; i < sheet->n_columns; i++)
    if (!g_utf8_validate (d8_sheet_cell (sheet, 0, i), -1, NULL))
      g_error ("%s: a cell is not UTF-8", reader);
  return TRUE;
}

static void
preview (const uint8_t *data, size_t size, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (D8PlanImport) import = NULL;
  g_autofree char *json = NULL;
  D8PlanImportOptions options = { .code = "FUZZ-1", .title = "Fuzz" };

  import = d8_plan_import_new_from_bytes (store, bytes, name, &options, &error);
  if ((import == NULL) == (error == NULL))
    g_error ("d8_plan_import_new_from_bytes must return an import or an error");
  if (import != NULL)
    json = d8_plan_preview_to_json (d8_plan_import_get_preview (import));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) text_error = NULL;
  g_autoptr (GError) xlsx_error = NULL;
  g_autoptr (D8Sheet) text = NULL;
  g_autoptr (D8Sheet) xlsx = NULL;

  if (size > G_MAXSSIZE)
    return 0;
  text = d8_sheet_read_text ((const char *) data, size, "fuzz.csv", &text_error);
  if (check_sheet ("d8_sheet_read_text", text, text_error))
    preview (data, size, "fuzz.csv");
  xlsx = d8_sheet_read_xlsx ((const char *) data, size, NULL, "fuzz.xlsx", &xlsx_error);
  if (check_sheet ("d8_sheet_read_xlsx", xlsx, xlsx_error))
    preview (data, size, "fuzz.xlsx");
  return 0;
}
