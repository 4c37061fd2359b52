/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-table-export-dialog.h — "Export Table…": a table the window shows,
 * saved as an Excel workbook (.xlsx) or as CSV that Excel opens with its
 * Vietnamese intact (UTF-8 byte-order mark, CRLF), the format decided by
 * the save dialog's filter. The writing is the core's (d8-table-export.h). */
#pragma once

#include <adwaita.h>

#include "d8-table-export.h"

G_BEGIN_DECLS

/* d8_table_export_write:
 * @table: the table
 * @path: a file ending in .xlsx or .csv (any case)
 * @error: (out) (optional): D8_ERROR_INVALID naming @path when it ends in
 *   neither; what the writers set (naming @path)
 *
 * Writes @table to @path, replacing it atomically. */
gboolean d8_table_export_write (D8Table *table, const char *path, GError **error);

/* d8_table_export_dialog:
 * @parent: the window the dialog belongs to; the outcome is a toast there
 * @settings: (nullable): remembers the folder
 * @table: (transfer full): the table to save
 * @name: the proposed file name without extension
 *
 * Asks where and in which format, then writes. */
void d8_table_export_dialog (GtkWindow *parent, GSettings *settings, D8Table *table,
                             const char *name);

G_END_DECLS
