/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-report-preview.c — the official report, editable before export (see
 * d8-report-preview.h).
 *
 * The document model is the core's (d8-official-report.h): this window
 * shows its texts in entries and text views, one text view per part of the
 * body with a paragraph per line, so a report of 135 units is a handful of
 * widgets, not hundreds; the appendix table is a recycling column view.
 * Before export the edits are written back into the model, and the
 * model's own writers make the files (PDF in src/charts, DOCX and XLSX in
 * the core): the preview never lays out a document itself. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "d8-format.h"
#include "d8-report-pdf.h"
#include "d8-report-preview.h"
#include "d8-reporting.h"
#include "d8-ui-util.h"

struct _D8ReportPreview
{
  AdwWindow parent_instance;

  /* template children */
  GtkLabel *appendix_label;
  GtkColumnView *appendix_view;
  GtkBox *body_box;
  GtkLabel *error_label;
  GtkLabel *issuer_label;
  GtkLabel *issuer_parent_label;
  GtkLabel *motto_label;
  GtkLabel *national_title_label;
  GtkEntry *number_entry;
  GtkDropDown *period_dropdown;
  GtkEntry *place_date_entry;
  GtkLabel *recipients_label;
  GtkTextView *recipients_view;
  GtkEntry *signer_capacity_entry;
  GtkEntry *signer_name_entry;
  GtkEntry *signer_title_entry;
  GtkEntry *subtitle_entry;
  GtkEntry *title_entry;
  AdwToastOverlay *toast_overlay;

  D8Store *store;
  GSettings *settings;
  gint64 plan_id;
  GPtrArray *periods;         /* D8ReportingPeriod* */
  D8OfficialReport *report;   /* the model shown */
  GtkTextView *intro_view;    /* the paragraphs before the sections */
  GPtrArray *section_widgets; /* per section: its heading entry, then its text view */
  GtkStringList *table_rows;  /* one item per appendix row */
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (D8ReportPreview, d8_report_preview, ADW_TYPE_WINDOW)

/* ---------------------------------------------------------- texts */

static char *
paragraphs_to_text (GPtrArray *paragraphs)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; paragraphs != NULL && i < paragraphs->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (paragraphs, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The lines of @view that are not blank, as paragraphs (char*, owned). */
static GPtrArray *
text_to_paragraphs (GtkTextView *view)
{
  g_autofree char *text = d8_ui_text_buffer_dup (gtk_text_view_get_buffer (view));
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_ptr_array_add (paragraphs, g_strdup (lines[i]));
    }
  return paragraphs;
}

static GtkTextView *
create_text_view (const char *text,
                  const char *accessible_label)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_widget_add_css_class (view, "d8-paragraphs");
  return GTK_TEXT_VIEW (view);
}

static void
replace_string (char      **field,
                const char *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* Writes what the person changed back into the model. */
static void
sync_model (D8ReportPreview *self)
{
  D8OfficialReport *r = self->report;

  if (r == NULL)
    return;
  replace_string (&r->number, gtk_editable_get_text (GTK_EDITABLE (self->number_entry)));
  replace_string (&r->place_date, gtk_editable_get_text (GTK_EDITABLE (self->place_date_entry)));
  replace_string (&r->title, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  replace_string (&r->subtitle, gtk_editable_get_text (GTK_EDITABLE (self->subtitle_entry)));
  replace_string (&r->signer_capacity,
                  gtk_editable_get_text (GTK_EDITABLE (self->signer_capacity_entry)));
  replace_string (&r->signer_title, gtk_editable_get_text (GTK_EDITABLE (self->signer_title_entry)));
  replace_string (&r->signer_name, gtk_editable_get_text (GTK_EDITABLE (self->signer_name_entry)));
  if (self->intro_view != NULL)
    {
      g_clear_pointer (&r->intro, g_ptr_array_unref);
      r->intro = text_to_paragraphs (self->intro_view);
    }
  for (guint i = 0; i < r->sections->len && 2 * i + 1 < self->section_widgets->len; i++)
    {
      D8ReportSection *section = g_ptr_array_index (r->sections, i);
      GtkEditable *heading = g_ptr_array_index (self->section_widgets, 2 * i);
      GtkTextView *view = g_ptr_array_index (self->section_widgets, 2 * i + 1);

      replace_string (&section->heading, gtk_editable_get_text (heading));
      g_clear_pointer (&section->paragraphs, g_ptr_array_unref);
      section->paragraphs = text_to_paragraphs (view);
    }
  g_clear_pointer (&r->recipients, g_ptr_array_unref);
  r->recipients = text_to_paragraphs (self->recipients_view);
}

/* ---------------------------------------------------------- the table */

static char *
cell_text (const D8TableCell *cell)
{
  switch (cell->kind)
    {
    case D8_TABLE_CELL_EMPTY:
      return g_strdup ("");
    case D8_TABLE_CELL_TEXT:
      return g_strdup (cell->text ? cell->text : "");
    case D8_TABLE_CELL_COUNT:
      return d8_format_count ((gint64) cell->number);
    case D8_TABLE_CELL_PERCENT:
      return d8_format_percent (cell->number, 0);
    }
  return g_strdup ("");
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              D8ReportPreview          *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "d8-column"));
  guint row = gtk_list_item_get_position (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  D8Table *table = self->report != NULL ? self->report->appendix : NULL;
  const D8TableCell *cell;
  g_autofree char *text = NULL;

  if (table == NULL || row >= table->rows->len || column >= table->n_columns)
    return;
  cell = d8_table_cell (table, row, column);
  text = cell_text (cell);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), cell->kind == D8_TABLE_CELL_TEXT ? 0.0f : 1.0f);
  if (cell->bold)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

/* A column's title: its header cells top to bottom, a merged cell read
 * from the cell it continues, a text repeated below said once. A heading
 * over several columns ("1. Thành lập …") is cut to its code ("1"), so the
 * columns stay as narrow as their figures; the appendix's title and the
 * body name the indicators in full. */
static char *
column_title (const D8Table *table,
              guint          column)
{
  g_autoptr (GString) title = g_string_new (NULL);
  const char *last = NULL;

  for (guint r = 0; r < table->header->len; r++)
    {
      const char *text = NULL;
      gboolean merged = FALSE;
      const char *dot;

      for (guint c = column + 1; c > 0 && text == NULL; c--)
        text = d8_table_header_text (table, r, c - 1);
      merged = column + 1 < table->n_columns && d8_table_header_text (table, r, column + 1) == NULL;
      merged = merged || d8_table_header_text (table, r, column) == NULL;
      if (text == NULL || *text == '\0' || g_strcmp0 (text, last) == 0)
        continue;
      last = text;
      if (title->len > 0)
        g_string_append_c (title, '\n');
      if (merged && (dot = strstr (text, ". ")) != NULL)
        g_string_append_len (title, text, dot - text);
      else
        g_string_append (title, text);
    }
  return g_string_free (g_steal_pointer (&title), FALSE);
}

static void
show_table (D8ReportPreview *self)
{
  D8Table *table = self->report->appendix;
  GListModel *columns = gtk_column_view_get_columns (self->appendix_view);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->table_rows));

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) col = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->appendix_view, col);
    }
  gtk_string_list_splice (self->table_rows, 0, n_old, NULL);
  if (table == NULL)
    return;
  for (guint c = 0; c < table->n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autofree char *title = column_title (table, c);
      g_autoptr (GtkColumnViewColumn) col = NULL;

      g_object_set_data (G_OBJECT (factory), "d8-column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      col = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_resizable (col, TRUE);
      gtk_column_view_append_column (self->appendix_view, col);
    }
  for (guint r = 0; r < table->rows->len; r++)
    gtk_string_list_append (self->table_rows, "");
}

/* ---------------------------------------------------------- the document */

static void
show_report (D8ReportPreview *self)
{
  D8OfficialReport *r = self->report;
  g_autofree char *intro = paragraphs_to_text (r->intro);
  g_autofree char *recipients = paragraphs_to_text (r->recipients);

  gtk_label_set_text (self->issuer_parent_label, r->issuer_parent ? r->issuer_parent : "");
  gtk_widget_set_visible (GTK_WIDGET (self->issuer_parent_label),
                          r->issuer_parent != NULL && *r->issuer_parent != '\0');
  gtk_label_set_text (self->issuer_label, r->issuer ? r->issuer : "");
  gtk_label_set_text (self->national_title_label, r->national_title ? r->national_title : "");
  gtk_label_set_text (self->motto_label, r->motto ? r->motto : "");
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), r->number ? r->number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->place_date_entry),
                         r->place_date ? r->place_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), r->title ? r->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->subtitle_entry), r->subtitle ? r->subtitle : "");
  gtk_editable_set_text (GTK_EDITABLE (self->signer_capacity_entry),
                         r->signer_capacity ? r->signer_capacity : "");
  gtk_editable_set_text (GTK_EDITABLE (self->signer_title_entry),
                         r->signer_title ? r->signer_title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->signer_name_entry),
                         r->signer_name ? r->signer_name : "");
  gtk_label_set_text (self->recipients_label, r->recipients_heading ? r->recipients_heading : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->recipients_view), recipients, -1);
  gtk_label_set_text (self->appendix_label, r->appendix_title ? r->appendix_title : "");

  d8_ui_remove_all_children (GTK_WIDGET (self->body_box));
  g_ptr_array_set_size (self->section_widgets, 0);
  self->intro_view = create_text_view (intro, _("Introduction"));
  gtk_box_append (self->body_box, GTK_WIDGET (self->intro_view));
  for (guint i = 0; i < r->sections->len; i++)
    {
      const D8ReportSection *section = g_ptr_array_index (r->sections, i);
      g_autofree char *text = paragraphs_to_text (section->paragraphs);
      GtkWidget *heading = gtk_entry_new ();
      GtkTextView *view;

      gtk_editable_set_text (GTK_EDITABLE (heading), section->heading ? section->heading : "");
      gtk_widget_add_css_class (heading, section->level <= 1 ? "heading" : "d8-subheading");
      gtk_widget_set_margin_start (heading, section->level <= 1 ? 0 : 12);
      gtk_widget_set_margin_top (heading, section->level <= 1 ? 12 : 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Heading"), -1);
      view = create_text_view (text, section->heading ? section->heading : "");
      gtk_box_append (self->body_box, heading);
      gtk_box_append (self->body_box, GTK_WIDGET (view));
      g_ptr_array_add (self->section_widgets, heading);
      g_ptr_array_add (self->section_widgets, view);
    }
  show_table (self);
}

static void
show_error (D8ReportPreview *self,
            const GError    *error)
{
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static const D8ReportingPeriod *
current_period (D8ReportPreview *self)
{
  guint i = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->periods == NULL || i >= self->periods->len)
    return NULL;
  return g_ptr_array_index (self->periods, i);
}

static gboolean
generate (D8ReportPreview *self,
          GError         **error)
{
  const D8ReportingPeriod *period = current_period (self);
  D8OfficialReport *report;

  if (period == NULL)
    return TRUE;
  report = d8_store_official_report (self->store, self->plan_id, period->code, error);
  if (report == NULL)
    return FALSE;
  g_clear_pointer (&self->report, d8_official_report_free);
  self->report = report;
  show_report (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.export", TRUE);
  return TRUE;
}

static void
period_selected_cb (D8ReportPreview *self)
{
  g_autoptr (GError) error = NULL;

  if (self->filling || self->store == NULL)
    return;
  show_error (self, NULL);
  if (!generate (self, &error))
    show_error (self, error);
}

static void
regenerate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  period_selected_cb (D8_REPORT_PREVIEW (widget));
}

/* ---------------------------------------------------------- export */

gboolean
d8_report_preview_export (D8ReportPreview  *self,
                          const char       *path,
                          GError          **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (D8_IS_REPORT_PREVIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->report != NULL, FALSE);

  sync_model (self);
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".docx"))
    return d8_official_report_write_docx (self->report, path, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return d8_official_report_write_xlsx (self->report, path, error);
  if (g_str_has_suffix (lower, ".pdf"))
    return d8_report_pdf_write (self->report, path, NULL, error);
  {
    g_autofree char *name = g_filename_display_basename (path);
    /* Translators: %s is a file name */
    g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                 _("“%s” is not a PDF, Word (.docx) or Excel (.xlsx) file name."), name);
  }
  return FALSE;
}

static void
export_chosen (const char *path,
               const char *choice,
               gpointer    data)
{
  D8ReportPreview *self = data;
  g_autoptr (GError) error = NULL;

  d8_report_preview_export (self, path, &error);
  d8_ui_toast_export (GTK_WIDGET (self->toast_overlay), D8_UI_EXPORT_REPORT, path, error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  D8ReportPreview *self = D8_REPORT_PREVIEW (widget);
  D8SaveFilter filters[] = {
    { _("PDF document"), "application/pdf", "*.pdf", ".pdf" },
    { _("Word document (.docx)"),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "*.docx",
      ".docx" },
    { _("Excel workbook (.xlsx)"),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "*.xlsx", ".xlsx" },
  };
  D8SaveOptions options = { 0 };
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;
  /* Translators: the proposed file name of the official report, without
     its extension; %s is the period's code, e.g. "bao-cao-2023-h1" */
  base = g_strdup_printf (_("report-%s"), self->report->period_code ? self->report->period_code : "");
  name = g_strconcat (base, ".pdf", NULL);
  options.title = _("Export Report");
  options.current_name = name;
  options.filters = filters;
  options.n_filters = G_N_ELEMENTS (filters);
  options.require_extension = TRUE;
  options.settings = self->settings;
  options.folder_key = "last-export-folder";
  d8_ui_save_dialog (GTK_WINDOW (self), &options, export_chosen, g_object_ref (self),
                     g_object_unref);
}

/* ---------------------------------------------------------- public */

D8ReportPreview *
d8_report_preview_new (GtkWindow   *parent,
                       D8Store     *store,
                       GSettings   *settings,
                       gint64       plan_id,
                       const char  *period_code,
                       GError     **error)
{
  D8ReportPreview *self;
  g_autoptr (GPtrArray) periods = NULL;
  g_autoptr (GtkStringList) names = NULL;
  g_autofree char *today = NULL;
  guint chosen = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  periods = d8_store_list_periods (store, plan_id, error);
  if (periods == NULL)
    return NULL;
  if (periods->len == 0)
    {
      g_set_error_literal (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                           _("This plan sets no reporting period."));
      return NULL;
    }

  self = g_object_new (D8_TYPE_REPORT_PREVIEW, "transient-for", parent, NULL);
  self->plan_id = plan_id;
  self->periods = g_steal_pointer (&periods);
  if (settings != NULL)
    self->settings = g_object_ref (settings);

  today = d8_store_today (store);
  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < self->periods->len; i++)
    {
      const D8ReportingPeriod *p = g_ptr_array_index (self->periods, i);

      gtk_string_list_append (names, p->title ? p->title : p->code);
      if (g_strcmp0 (p->cutoff, today) <= 0)
        chosen = i;
    }
  for (guint i = 0; period_code != NULL && i < self->periods->len; i++)
    if (g_strcmp0 (((D8ReportingPeriod *) g_ptr_array_index (self->periods, i))->code,
                   period_code) == 0)
      chosen = i;
  self->filling = TRUE;
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->period_dropdown, chosen);
  self->filling = FALSE;

  self->store = g_object_ref (store);
  if (!generate (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}

const D8OfficialReport *
d8_report_preview_get_report (D8ReportPreview *self)
{
  g_return_val_if_fail (D8_IS_REPORT_PREVIEW (self), NULL);
  sync_model (self);
  return self->report;
}

GPtrArray *
d8_report_preview_get_text_views (D8ReportPreview *self)
{
  GPtrArray *views = g_ptr_array_new ();

  g_return_val_if_fail (D8_IS_REPORT_PREVIEW (self), views);
  if (self->intro_view != NULL)
    g_ptr_array_add (views, self->intro_view);
  for (guint i = 1; i < self->section_widgets->len; i += 2)
    g_ptr_array_add (views, g_ptr_array_index (self->section_widgets, i));
  return views;
}

guint
d8_report_preview_get_n_table_rows (D8ReportPreview *self)
{
  g_return_val_if_fail (D8_IS_REPORT_PREVIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->table_rows));
}

static void
d8_report_preview_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), D8_TYPE_REPORT_PREVIEW);

  G_OBJECT_CLASS (d8_report_preview_parent_class)->dispose (object);
}

static void
d8_report_preview_finalize (GObject *object)
{
  D8ReportPreview *self = D8_REPORT_PREVIEW (object);

  g_clear_pointer (&self->report, d8_official_report_free);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->section_widgets, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (d8_report_preview_parent_class)->finalize (object);
}

static void
d8_report_preview_class_init (D8ReportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_report_preview_dispose;
  object_class->finalize = d8_report_preview_finalize;

  d8_ui_ensure_style ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-report-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, appendix_label);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, appendix_view);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, body_box);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, error_label);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, issuer_label);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, issuer_parent_label);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, motto_label);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, national_title_label);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, number_entry);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, place_date_entry);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, recipients_label);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, recipients_view);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, signer_capacity_entry);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, signer_name_entry);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, signer_title_entry);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, subtitle_entry);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, title_entry);
  gtk_widget_class_bind_template_child (widget_class, D8ReportPreview, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, period_selected_cb);

  gtk_widget_class_install_action (widget_class, "preview.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "preview.regenerate", NULL, regenerate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "preview.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
d8_report_preview_init (D8ReportPreview *self)
{
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->section_widgets = g_ptr_array_new ();
  self->table_rows = gtk_string_list_new (NULL);
  selection = gtk_single_selection_new (G_LIST_MODEL (self->table_rows)); /* takes it */
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->appendix_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.export", FALSE);
}
