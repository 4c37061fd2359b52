/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-ui-util.h — small helpers shared by the widgets of the user interface:
 * resources and style, status classes, and the text of a progress cell.
 * Not a class; everything here is internal to the ui layer. */
#pragma once

#include <adwaita.h>

#include "d8-progress.h"

G_BEGIN_DECLS

/* Registers the ui resources and loads style.css for the default display,
 * once. AdwApplication loads style.css itself too; loading it twice is
 * harmless, and this lets widgets used outside the application (tests)
 * look the same. */
void d8_ui_ensure_style (void);

/* Puts exactly one status class ("no-quota", "behind" …) on @widget, and
 * the class of its colour role ("d8-role-alert" …, d8_status_role()), which
 * the stylesheet colours: one colour per status on every surface. */
void d8_ui_set_status_class (GtkWidget *widget, D8Status status);

/* d8_ui_set_tooltip_text:
 * @widget: any widget, parented or not
 * @text: (nullable): the tooltip; NULL or "" removes it
 *
 * A tooltip for the widgets views bind and fill again: the matrix cells,
 * the sidebar rows. gtk_widget_set_tooltip_text() in GTK 4.8 asks the X
 * server where the pointer is each time a visible widget's tooltip is set
 * (two round trips); at 3,300 units that was about 90 ms before the first
 * frame. Here the text is kept on the widget and given to GTK only when
 * the tooltip is about to show ("query-tooltip"), and the accessible
 * description is set as gtk_widget_set_tooltip_text() would set it. */
void d8_ui_set_tooltip_text (GtkWidget *widget, const char *text);
/* The tooltip d8_ui_set_tooltip_text() gave @widget, else GTK's own
 * (gtk_widget_get_tooltip_text()); NULL when it has none. */
const char *d8_ui_get_tooltip_text (GtkWidget *widget);

/* A unit's level for people: @kind as written ("huyện", "phường") when
 * there is one, else the level ("province", "district", "commune") in
 * words; an unknown level as it is. */
const char *d8_ui_level_text (const char *kind, const char *level);

/* Removes every child of a GtkBox, GtkGrid, GtkListBox or GtkFlowBox. */
void d8_ui_remove_all_children (GtkWidget *container);

/* "4/6", "–" (no quota), "12/20 · 60 %" (percent indicators). */
char *d8_ui_cell_text (const D8Cell *cell, const D8Indicator *indicator);

/* Exact figures and the status in words, for tooltips. */
char *d8_ui_cell_tooltip (const D8Cell *cell, const D8Indicator *indicator);

/* "1. Thành lập …" */
char *d8_ui_indicator_label (const D8Indicator *indicator);

/* d8_ui_text_list_setup:
 * @view: a list view showing one line of text a row
 * @rows: the rows as shown; the selection takes a reference
 * @tooltips: TRUE: each row's text is its tooltip too (for long names)
 *
 * Gives @view the one factory of the editor's lists (a label a row, left
 * aligned, ellipsized) and a single selection over @rows.
 *
 * Returns: (transfer full): the selection, also set as @view's model. */
GtkSingleSelection *d8_ui_text_list_setup (GtkListView *view, GtkStringList *rows,
                                           gboolean tooltips);

/* d8_ui_string_list_replace:
 * @list: a string list
 * @strings: the new items, NULL-terminated (the last element is NULL)
 *
 * Replaces every item of @list by @strings, in one "items-changed". */
void d8_ui_string_list_replace (GtkStringList *list, GPtrArray *strings);

/* d8_ui_text_buffer_dup:
 * @buffer: a text buffer
 *
 * Returns: (transfer full): all the text of @buffer, as typed (no
 * trimming), without the images and widgets anchored in it. */
char *d8_ui_text_buffer_dup (GtkTextBuffer *buffer);

/* d8_ui_add_toast:
 * @widget: a widget inside a toast overlay, or a window
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the nearest AdwToastOverlay around @widget: an ancestor,
 * or the content of @widget's window (the main window's content is its
 * toast overlay); a preferences window shows it itself. Without any, the
 * toast is dropped. This is how dialogs and pages that do not know the
 * main window report an outcome in it. */
void d8_ui_add_toast (GtkWidget *widget, AdwToast *toast);

/* What an export wrote: each has its own sentence after the export. */
typedef enum
{
  D8_UI_EXPORT_PLAN,   /* a plan file, CSV or workbook (Plan → Export) */
  D8_UI_EXPORT_REPORT, /* the official report (PDF, DOCX, XLSX) */
  D8_UI_EXPORT_TABLE,  /* a table shown (CSV for Excel, XLSX) */
  D8_UI_EXPORT_CHART,  /* a chart (PNG, SVG, PDF) */
} D8UiExport;

/* d8_ui_export_done_text:
 * @what: what was written
 * @path: the file written, a path in the file system's encoding
 *
 * The sentence said once an export has written @path, translated, naming
 * the file by its display name (g_filename_display_basename(): valid
 * UTF-8 whatever the file system's encoding, no folder), e.g. "Table
 * saved as bảng.xlsx".
 *
 * Returns: (transfer full): the sentence. */
char *d8_ui_export_done_text (D8UiExport what, const char *path);

/* d8_ui_toast_export:
 * @widget: a widget inside a toast overlay, or a window (as for
 *   d8_ui_add_toast())
 * @what: what the export wrote
 * @path: the file chosen, a path in the file system's encoding
 * @error: (nullable): why the export failed, as the writer set it; NULL
 *   when it wrote @path
 *
 * Tells the outcome of an export in a toast near @widget
 * (d8_ui_add_toast()): @error's message, else d8_ui_export_done_text().
 * The one way every export of the app reports, so each says it alike. */
void d8_ui_toast_export (GtkWidget *widget, D8UiExport what, const char *path,
                         const GError *error);

/* d8_ui_remember_folder:
 * @settings: (nullable): the application's settings
 * @key: the string key that remembers the folder
 * @file: (nullable): a file just chosen
 *
 * Remembers the folder of @file under @key, so the next dialog opens there. */
void d8_ui_remember_folder (GSettings *settings, const char *key, GFile *file);

/* d8_ui_set_remembered_folder:
 * @chooser: a file chooser about to be shown
 * @settings: (nullable): the application's settings
 * @key: the string key that remembers the folder
 *
 * Opens @chooser in the folder remembered under @key, when it still exists. */
void d8_ui_set_remembered_folder (GtkFileChooser *chooser, GSettings *settings, const char *key);

/* One kind of file a save dialog offers. */
typedef struct
{
  const char *name;      /* shown, translated */
  const char *mime_type; /* or NULL */
  const char *pattern;   /* or NULL, e.g. "*.duan8.json" */
  const char *extension; /* ".png": added to a name chosen without it */
} D8SaveFilter;

/* One choice a save dialog offers besides the file (a combo in the dialog). */
typedef struct
{
  const char *id;
  const char *label;                 /* translated */
  const char *const *option_ids;     /* NULL-terminated */
  const char *const *option_labels;  /* translated, NULL-terminated */
  const char *initial;               /* one of @option_ids */
} D8SaveChoice;

/* Everything a save dialog needs; the strings are copied. */
typedef struct
{
  const char *title;          /* "Export Chart" */
  const char *current_name;   /* proposed file name; d8_format_file_name() */
  const D8SaveFilter *filters;
  guint n_filters;
  /* TRUE: the chosen filter's extension is added unless the name ends with
   * it; FALSE: only when the name has no extension at all. */
  gboolean require_extension;
  const D8SaveChoice *choice; /* or NULL */
  GSettings *settings;        /* or NULL: no folder remembered */
  const char *folder_key;     /* the settings key of the folder */
  const char *accept_label;   /* translated, or NULL: "_Export" */
} D8SaveOptions;

/* d8_ui_file_filter_new:
 * @filter: a kind of file
 *
 * Returns: (transfer full): the GtkFileFilter of @filter (name, pattern,
 * MIME type). */
GtkFileFilter *d8_ui_file_filter_new (const D8SaveFilter *filter);

/* d8_ui_replace_extension:
 * @name: a file name or path
 * @extensions: (nullable): NULL-terminated, lower case: the extensions of
 *   the formats a dialog offers (".png", ".svg", ".pdf")
 * @chosen: the extension of the chosen format
 *
 * Returns: (transfer full): @name with its extension, when it is one of
 * @extensions, replaced by @chosen, else with @chosen added. */
char *d8_ui_replace_extension (const char *name, const char *const *extensions,
                               const char *chosen);

/* d8_ui_all_files_filter_new:
 *
 * Returns: (transfer full): an "All files" filter, offered beside the
 * specific one wherever a file is opened. */
GtkFileFilter *d8_ui_all_files_filter_new (void);

/* d8_ui_open_chooser_new:
 * @parent: (nullable): the window the chooser belongs to
 * @title: its title, translated ("Open Bundle")
 * @filter: the kind of file it opens, chosen at first
 *
 * The file chooser of every Open… of duan8: @filter, then "All files"
 * beside it (a file renamed by a chat app or a mail client is still read
 * by its content), modal to @parent.
 *
 * Returns: (transfer full): the chooser, to connect to "response" and
 *   show. */
GtkFileChooserNative *d8_ui_open_chooser_new (GtkWindow *parent, const char *title,
                                              GtkFileFilter *filter);

/* Called once the user accepted: @path with its extension, @choice the
 * option chosen (NULL without a choice). Not called on cancel. */
typedef void (*D8SaveFunc) (const char *path, const char *choice, gpointer user_data);

/* d8_ui_save_dialog:
 * @parent: (nullable): the window the dialog belongs to
 * @options: what the dialog offers
 * @func: what to do with the chosen file
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data once the dialog is answered
 *
 * The one save dialog of duan8 (chart export, bundle export): a native file
 * chooser opened in the remembered folder, whose answer gets the chosen
 * filter's extension and has its folder remembered before @func runs. */
void d8_ui_save_dialog (GtkWindow *parent, const D8SaveOptions *options, D8SaveFunc func,
                        gpointer user_data, GDestroyNotify destroy);

/* d8_ui_export_chart_dialog:
 * @widget: the page whose chart is exported; its window is the parent
 * @title: the chart's title (the file name proposed, d8_format_file_name())
 * @settings: (nullable): the application's settings (the folder of the
 *   last export, "last-export-folder")
 * @func: writes the file: called with the path (its extension the format
 *   chosen: .png, .svg or .pdf) and the PNG resolution chosen, in dots per
 *   inch ("96", "150" or "300")
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data once the dialog is answered
 *
 * The one "Export Chart" dialog (the charts and the comparison of plans):
 * PNG with its resolution, SVG or PDF. */
void d8_ui_export_chart_dialog (GtkWidget *widget, const char *title, GSettings *settings,
                                D8SaveFunc func, gpointer user_data, GDestroyNotify destroy);
/* The PNG resolution chosen in d8_ui_export_chart_dialog(), in dots per
 * inch, from the choice @func got ("96", "150", "300"; NULL: the one the
 * dialog proposes, 150). */
double d8_ui_export_chart_dpi (const char *choice);

G_END_DECLS
