/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-window-reports.c — the main window's part in the reporting cycle:
 * the Reports view beside the tables and the charts (win.show-reports,
 * Ctrl+R), a unit office's report (win.submit-report), and the check that
 * refuses to open an entry an approved report locks, the province's
 * official report (win.official-report) and "Export Table…" of the table
 * shown (win.export-table: province matrix, unit, or reports). The window's other
 * actions are in d8-window-actions.c; this file only adds to them, as
 * d8-window-dnd.c does. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-format.h"
#include "d8-official-report.h"
#include "d8-report-preview.h"
#include "d8-reporting.h"
#include "d8-submit-dialog.h"
#include "d8-table-export-dialog.h"
#include "d8-view-tables.h"
#include "d8-window-private.h"

gboolean
_d8_window_showing_reports (D8Window *self)
{
  return gtk_toggle_button_get_active (self->reports_button);
}

static gboolean
is_province (D8Window *self)
{
  return g_strcmp0 (d8_store_get_office (self->store), "province") == 0;
}

/* The Reports view is made the first time it is shown, like the unit and
 * charts pages: a window that opens on the tables does not build it. */
static D8ReportsPage *
ensure_reports_page (D8Window *self)
{
  if (self->reports_page == NULL)
    {
      self->reports_page = D8_REPORTS_PAGE (d8_reports_page_new ());
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->reports_page), "reports");
    }
  return self->reports_page;
}

/* The period chosen in the Reports view, or NULL before it was shown (the
 * dialogs then propose the plan's current period themselves). */
static const D8ReportingPeriod *
chosen_period (D8Window *self)
{
  return self->reports_page != NULL ? d8_reports_page_get_period (self->reports_page) : NULL;
}

void
_d8_window_reports_refresh (D8Window *self)
{
  if (self->overview == NULL)
    return;
  ensure_reports_page (self);
  d8_reports_page_set_figures (self->reports_page, self->store, self->overview);
  adw_window_title_set_title (self->content_title, _("Reports"));
  adw_window_title_set_subtitle (self->content_title, self->overview->plan->doc_number);
  gtk_stack_set_visible_child_name (self->stack, "reports");
}

gboolean
_d8_window_check_entry_unlocked (D8Window      *self,
                                 const D8Entry *entry)
{
  g_autoptr (GError) error = NULL;

  if (d8_store_check_unlocked (self->store, entry->plan_id, entry->unit_id, entry->date, &error))
    return TRUE;
  _d8_window_toast (self, error->message);
  return FALSE;
}

static void
show_reports_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  D8Window *self = D8_WINDOW (widget);

  gtk_toggle_button_set_active (self->reports_button,
                                !gtk_toggle_button_get_active (self->reports_button));
  if (_d8_window_showing_reports (self))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
submit_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  D8Window *self = D8_WINDOW (widget);
  const D8ReportingPeriod *period = chosen_period (self);
  g_autoptr (GError) error = NULL;
  D8SubmitDialog *dialog;

  dialog = d8_submit_dialog_new (GTK_WINDOW (self), self->store, self->plan_id,
                                 period != NULL ? period->code : NULL, &error);
  if (dialog == NULL)
    {
      _d8_window_toast (self, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
official_report_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  D8Window *self = D8_WINDOW (widget);
  const D8ReportingPeriod *period = chosen_period (self);
  g_autoptr (GError) error = NULL;
  D8ReportPreview *preview;

  preview = d8_report_preview_new (GTK_WINDOW (self), self->store, self->settings, self->plan_id,
                                   period != NULL ? period->code : NULL, &error);
  if (preview == NULL)
    {
      _d8_window_toast (self, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (preview));
}

/* The table of what is shown: the period's reports, a unit, or the
 * province matrix. */
static D8Table *
shown_table (D8Window  *self,
             char     **name)
{
  int index = _d8_window_find_unit_index (self, self->unit_code);

  if (_d8_window_showing_reports (self))
    {
      const D8PeriodSummary *summary = d8_reports_page_get_summary (ensure_reports_page (self));

      if (summary == NULL)
        return NULL;
      /* Translators: a proposed file name, without extension; %s is a reporting period's code */
      *name = g_strdup_printf (_("reports-%s"), summary->period->code);
      return d8_official_report_completeness (summary);
    }
  if (index >= 0)
    {
      const D8Unit *unit = g_ptr_array_index (self->overview->units, index);

      *name = d8_format_file_name (unit->name);
      return d8_view_table_unit (self->overview, (guint) index);
    }
  *name = d8_format_file_name (self->overview->plan->doc_number);
  return d8_official_report_appendix (self->overview);
}

static void
export_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  D8Window *self = D8_WINDOW (widget);
  g_autofree char *name = NULL;
  D8Table *table;

  if (self->overview == NULL)
    return;
  table = shown_table (self, &name);
  if (table != NULL)
    d8_table_export_dialog (GTK_WINDOW (self), self->settings, table, name);
}

void
_d8_window_reports_actions_update (D8Window *self)
{
  gboolean plan = self->overview != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.submit-report",
                                 plan && !is_province (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.official-report",
                                 plan && is_province (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-table", plan);
  gtk_widget_set_visible (GTK_WIDGET (self->reports_button), plan);
}

void
_d8_window_class_reports_init (D8WindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-reports", NULL, show_reports_action);
  gtk_widget_class_install_action (widget_class, "win.submit-report", NULL, submit_report_action);
  gtk_widget_class_install_action (widget_class, "win.official-report", NULL,
                                   official_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", NULL, export_table_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.show-reports", NULL);
}

GtkWidget *
d8_window_get_reports_page (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  return GTK_WIDGET (ensure_reports_page (self));
}
