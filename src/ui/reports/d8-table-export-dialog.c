/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-table-export-dialog.c — see d8-table-export-dialog.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-error.h"
#include "d8-table-export-dialog.h"
#include "d8-ui-util.h"

gboolean
d8_table_export_write (D8Table     *table,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xlsx"))
    {
      g_autoptr (GPtrArray) tables = g_ptr_array_new ();

      g_ptr_array_add (tables, table);
      return d8_table_write_xlsx (tables, path, error);
    }
  if (g_str_has_suffix (lower, ".csv"))
    {
      gsize length = 0;
      /* For people who open it in Excel: the dialect Excel reads as UTF-8. */
      g_autofree char *csv = d8_table_to_csv (table, D8_CSV_EXCEL, &length);

      return g_file_set_contents (path, csv, (gssize) length, error);
    }
  {
    g_autofree char *name = g_filename_display_basename (path);
    /* Translators: %s is a file name */
    g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                 _("“%s” is not an Excel (.xlsx) or CSV (.csv) file name."), name);
  }
  return FALSE;
}

typedef struct
{
  GtkWindow *parent; /* a reference */
  D8Table *table;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *ed = data;

  g_object_unref (ed->parent);
  d8_table_unref (ed->table);
  g_free (ed);
}

static void
chosen (const char *path,
        const char *choice,
        gpointer    data)
{
  ExportData *ed = data;
  g_autoptr (GError) error = NULL;

  d8_table_export_write (ed->table, path, &error);
  d8_ui_toast_export (GTK_WIDGET (ed->parent), D8_UI_EXPORT_TABLE, path, error);
}

void
d8_table_export_dialog (GtkWindow  *parent,
                        GSettings  *settings,
                        D8Table    *table,
                        const char *name)
{
  D8SaveFilter filters[] = {
    { _("Excel workbook (.xlsx)"),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "*.xlsx", ".xlsx" },
    { _("CSV for Excel (.csv)"), "text/csv", "*.csv", ".csv" },
  };
  D8SaveOptions options = { 0 };
  g_autofree char *file = g_strconcat (name, ".xlsx", NULL);
  ExportData *ed = g_new0 (ExportData, 1);

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (table != NULL);

  ed->parent = g_object_ref (parent);
  ed->table = table;
  options.title = _("Export Table");
  options.current_name = file;
  options.filters = filters;
  options.n_filters = G_N_ELEMENTS (filters);
  options.require_extension = TRUE;
  options.settings = settings;
  options.folder_key = "last-export-folder";
  d8_ui_save_dialog (parent, &options, chosen, ed, export_data_free);
}
