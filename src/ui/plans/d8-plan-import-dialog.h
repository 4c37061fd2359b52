/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-import-dialog.h — the preview of a plan before it is imported:
 * a plan file, a CSV/TSV/XLSX appendix or a table pasted from a
 * spreadsheet. Nothing is written until "Import" (or "Import as Revision"
 * for a plan whose code is present); then one transaction, and the
 * "imported" signal (gint64 plan id). A refused source shows its message,
 * naming the record, row or cell; the database is not touched.
 *
 * Signals: "imported" (gint64 plan_id), emitted after a successful apply. */
#pragma once

#include <adwaita.h>

#include "d8-plan-import.h"
#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_PLAN_IMPORT_DIALOG (d8_plan_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (D8PlanImportDialog, d8_plan_import_dialog, D8, PLAN_IMPORT_DIALOG,
                      AdwWindow)

/* d8_plan_import_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the database the plan goes into
 * @file: (nullable): a plan file or a table; NULL: an empty dialog waiting
 *   for a pasted table
 *
 * Returns: (transfer none): the dialog, owned by GTK, not yet presented. */
D8PlanImportDialog *d8_plan_import_dialog_new (GtkWindow *parent, D8Store *store, GFile *file);

/* d8_plan_import_dialog_set_text:
 * @self: the dialog
 * @text: tab-separated cells, as a spreadsheet puts them on the clipboard
 *
 * Reads @text as the appendix (what "Paste Table" does with the
 * clipboard's text) and shows its preview or why it is refused. */
void d8_plan_import_dialog_set_text (D8PlanImportDialog *self, const char *text);

/* d8_plan_import_dialog_set_options:
 * @self: the dialog
 * @from: (nullable): a plan of the store (id, code, number or year) to
 *   copy units and indicators from; NULL or "" for none
 * @code, @document_number, @title: (nullable): the plan's record for a table
 * @year: the plan's year, 0 to leave the field as it is
 *
 * Fills the dialog's fields, as a person would, and reads the source again. */
void d8_plan_import_dialog_set_options (D8PlanImportDialog *self, const char *from,
                                        const char *code, const char *document_number,
                                        const char *title, int year);
/* Shows the page @name of the preview: "appendix", "plan", "units" or
 * "notes" (for screenshots). */
void d8_plan_import_dialog_show_page (D8PlanImportDialog *self, const char *name);

/* The preview shown, NULL when the source is refused (for tests). */
const D8PlanPreview *d8_plan_import_dialog_get_preview (D8PlanImportDialog *self);
/* The message shown for a refused source, NULL when none. */
const char *d8_plan_import_dialog_get_error (D8PlanImportDialog *self);
/* The appendix table (a GtkColumnView), for tests. */
GtkWidget *d8_plan_import_dialog_get_table (D8PlanImportDialog *self);

/* d8_plan_import_dialog_apply:
 * @self: the dialog
 * @error: set when nothing was written
 *
 * What "Import" does: writes the plan (as a revision when its code is
 * present) in one transaction, emits "imported" and closes the dialog.
 * Returns: TRUE when the plan was written. */
gboolean d8_plan_import_dialog_apply (D8PlanImportDialog *self, GError **error);

/* d8_plan_import_is_table_or_plan:
 * @file: a file opened or dropped
 *
 * Returns: TRUE when @file's name says it is a plan file
 * ("*.duan8-plan.json") or a table (.csv, .tsv, .xlsx), not a bundle. */
gboolean d8_plan_import_is_table_or_plan (GFile *file);

/* d8_plan_import_choose_file:
 * @parent: the window
 * @store: the database
 * @settings: (nullable): remembers the folder
 * @receiver: (nullable): an object that lives as long as the window
 * @imported: (nullable): connected, swapped, to the dialog's "imported"
 *   for as long as @receiver lives: void (*) (GObject *receiver, gint64 plan_id)
 *
 * Import Plan…: a file chooser ("Plan files and tables", "All files"),
 * then the preview of the chosen file. */
void d8_plan_import_choose_file (GtkWindow *parent, D8Store *store, GSettings *settings,
                                 GObject *receiver, GCallback imported);

/* The Mapping tab (a D8PlanMapping): columns → indicators, rows → units. */
GtkWidget *d8_plan_import_dialog_get_mapping (D8PlanImportDialog *self);

G_END_DECLS
