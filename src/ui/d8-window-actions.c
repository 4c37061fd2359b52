/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-window-actions.c — the actions of the main window.
 *
 * Entries are added, edited, deleted and undeleted through window actions,
 * which the pages' buttons name with the entry's uuid as target; the menu,
 * the shortcuts and the toasts name the others. The exchange of bundles,
 * the office chooser and printing are objects of their own: the actions
 * hand them the window as parent, the store and the settings.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-compare-page.h"
#include "d8-entry-dialog.h"
#include "d8-exchange-export.h"
#include "d8-exchange-import.h"
#include "d8-exchange-window.h"
#include "d8-format.h"
#include "d8-new-plan-dialog.h"
#include "d8-office-chooser.h"
#include "d8-plan-editor.h"
#include "d8-office-prompt.h"
#include "d8-plan-export.h"
#include "d8-plan-import.h"
#include "d8-print.h"
#include "d8-ui-util.h"
#include "d8-window-private.h"

static void
open_entry_dialog (D8Window      *self,
                   const D8Entry *entry)
{
  g_autoptr (GError) error = NULL;
  D8EntryDialog *dialog;
  int index;

  if (self->overview == NULL)
    return;

  if (entry != NULL)
    index = d8_overview_find_unit (self->overview, entry->unit_id);
  else
    index = _d8_window_find_unit_index (self, self->unit_code);
  if (index < 0)
    return;

  dialog = d8_entry_dialog_new (GTK_WINDOW (self), self->store, self->plan_id,
                                g_ptr_array_index (self->overview->units, index),
                                entry, &error);
  if (dialog == NULL)
    {
      _d8_window_toast (self, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  open_entry_dialog (D8_WINDOW (widget), NULL);
}

static void
edit_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  D8Window *self = D8_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Entry) entry = d8_store_get_entry (self->store, g_variant_get_string (param, NULL),
                                                  &error);

  if (entry == NULL)
    {
      _d8_window_toast (self, error->message);
      return;
    }
  if (!_d8_window_check_entry_unlocked (self, entry))
    return;
  open_entry_dialog (self, entry);
}

static void
delete_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  D8Window *self = D8_WINDOW (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  g_autoptr (GError) error = NULL;
  AdwToast *toast;

  if (!d8_store_delete_entry (self->store, uuid, &error))
    {
      _d8_window_toast (self, error->message);
      return;
    }

  toast = adw_toast_new (_("Entry deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uuid));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  D8Window *self = D8_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!d8_store_undelete_entry (self->store, g_variant_get_string (param, NULL), &error))
    _d8_window_toast (self, error->message);
}

static void
show_unit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  D8Window *self = D8_WINDOW (widget);

  if (d8_window_show_unit (self, g_variant_get_string (param, NULL)))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
set_as_of_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *date = g_variant_get_string (parameter, NULL);

  d8_window_set_as_of (D8_WINDOW (widget), *date != '\0' ? date : NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  D8Window *self = D8_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toggle_charts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  D8Window *self = D8_WINDOW (widget);

  gtk_toggle_button_set_active (self->charts_button,
                                !gtk_toggle_button_get_active (self->charts_button));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  D8Window *self = D8_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *office = NULL;

  if (self->overview == NULL)
    return;
  office = d8_store_describe_office (self->store);
  /* grouped by parent when the units have parents; the print takes the roll-up */
  if (d8_print_pack_full (GTK_WINDOW (self), self->settings, self->overview,
                          d8_store_compute_rollup (self->store, self->overview, NULL), office, NULL,
                          GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    _d8_window_toast (self, error->message);
}

static void
page_setup_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  D8Window *self = D8_WINDOW (widget);

  d8_print_page_setup (GTK_WINDOW (self), self->settings);
}


static void
export_bundle_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  D8Window *self = D8_WINDOW (widget);

  d8_exchange_export_bundle (GTK_WINDOW (self), self->store, self->settings);
}

static void
import_bundle_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  D8Window *self = D8_WINDOW (widget);

  d8_exchange_choose_bundle (GTK_WINDOW (self), self->store, self->settings);
}

static void
import_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _d8_window_choose_plan_file (D8_WINDOW (widget));
}

static void
export_plan_chosen (const char *path,
                    const char *choice,
                    gpointer    user_data)
{
  D8Window *self = user_data;
  g_autoptr (GError) error = NULL;
  D8PlanExportFormat format = D8_PLAN_EXPORT_JSON;

  d8_plan_export_format_for_path (path, &format);
  d8_plan_export (self->store, self->plan_id, format, path, &error);
  d8_ui_toast_export (GTK_WIDGET (self), D8_UI_EXPORT_PLAN, path, error);
}

static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  D8Window *self = D8_WINDOW (widget);
  D8SaveFilter filters[] = {
    { _("Plan file"), D8_PLAN_MIME_TYPE, "*" D8_PLAN_FILE_SUFFIX, D8_PLAN_FILE_SUFFIX },
    { _("Table (CSV)"), "text/csv", "*.csv", ".csv" },
    { _("Workbook (XLSX)"),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "*.xlsx", ".xlsx" },
  };
  D8SaveOptions options = { 0 };
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (self->overview == NULL)
    return;
  base = d8_format_file_name (self->overview->plan->doc_number != NULL
                                  && *self->overview->plan->doc_number != '\0'
                                ? self->overview->plan->doc_number
                                : self->overview->plan->title);
  name = g_strconcat (base, D8_PLAN_FILE_SUFFIX, NULL);
  options.title = _("Export Plan");
  options.current_name = name;
  options.filters = filters;
  options.n_filters = G_N_ELEMENTS (filters);
  options.require_extension = TRUE;
  options.settings = self->settings;
  options.folder_key = "last-export-folder";
  d8_ui_save_dialog (GTK_WINDOW (self), &options, export_plan_chosen, g_object_ref (self),
                     g_object_unref);
}

/* Compare Plans: a window of its own beside the plan's pages. */
static void
compare_plans_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  D8Window *self = D8_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (d8_compare_window_new (GTK_WINDOW (self), self->store,
                                                         self->settings)));
}

static void
open_plan_editor (D8Window *self,
                  gint64    plan_id)
{
  g_autoptr (GError) error = NULL;
  D8PlanEditor *editor = d8_plan_editor_new (GTK_WINDOW (self), self->store, plan_id, &error);

  if (editor == NULL)
    {
      _d8_window_toast (self, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (editor));
}

static void
plan_created_cb (D8Window *self,
                 gint64    plan_id)
{
  d8_window_set_plan (self, plan_id);
  open_plan_editor (self, plan_id);
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  D8Window *self = D8_WINDOW (widget);
  D8NewPlanDialog *dialog = d8_new_plan_dialog_new (GTK_WINDOW (self), self->store, self->plan_id);

  g_signal_connect_object (dialog, "created", G_CALLBACK (plan_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  D8Window *self = D8_WINDOW (widget);

  if (self->plan_id != 0)
    open_plan_editor (self, self->plan_id);
}

static void
show_exchange_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  d8_window_show_exchange (D8_WINDOW (widget));
}

static void
choose_office_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  d8_window_choose_office (D8_WINDOW (widget), FALSE);
}

GtkWidget *
d8_window_show_exchange (D8Window *self)
{
  GtkWidget *exchange;

  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);

  exchange = d8_exchange_window_new (GTK_WINDOW (self), self->store);
  gtk_window_present (GTK_WINDOW (exchange));
  return exchange;
}

/* The chooser answered: the office bar, if any, goes once the question
 * is answered (choosing the office the database already had emits no
 * "changed"). */
static void
office_answered_cb (D8Window *self)
{
  if (self->office_prompt != NULL)
    d8_office_prompt_update (D8_OFFICE_PROMPT (self->office_prompt));
}

GtkWidget *
d8_window_choose_office (D8Window *self,
                         gboolean  first_run)
{
  GtkWidget *chooser;

  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);

  chooser = d8_office_chooser_new (GTK_WINDOW (self), self->store, self->settings,
                                   self->plan_id, first_run);
  g_signal_connect_object (chooser, "response", G_CALLBACK (office_answered_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (chooser));
  return chooser;
}

GtkWidget *
d8_window_ask_office (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);

  if (d8_store_get_office_asked (self->store))
    return NULL;
  if (self->office_prompt == NULL)
    {
      self->office_prompt = d8_office_prompt_new (self->store);
      gtk_box_insert_child_after (GTK_BOX (self->content_box), self->office_prompt,
                                  GTK_WIDGET (self->content_header));
    }
  d8_office_prompt_update (D8_OFFICE_PROMPT (self->office_prompt));
  return self->office_prompt;
}

/* win.show-help-overlay (Ctrl+?): the keyboard shortcuts. The window is
 * built here when first asked for, not by GtkApplication with every main
 * window (it would be, from gtk/help-overlay.ui): its 390 widgets are not
 * part of the main window's first frame. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  D8Window *self = D8_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr (GtkBuilder) builder
        = gtk_builder_new_from_resource ("/vn/hoilhpn/Duan8/ui/d8-shortcuts-window.ui");

      self->shortcuts_window
        = GTK_WINDOW (g_object_ref_sink (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }
  gtk_window_present (self->shortcuts_window);
}

/* The primary menu's popover is made when the menu is first opened (the
 * button's create-popup func), not with the window. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    {
      g_autoptr (GtkBuilder) builder
        = gtk_builder_new_from_resource ("/vn/hoilhpn/Duan8/ui/d8-primary-menu.ui");

      gtk_menu_button_set_menu_model (button,
                                      G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")));
    }
}

void
_d8_window_actions_init (D8Window *self)
{
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, NULL, NULL);
}

void
_d8_window_actions_dispose (D8Window *self)
{
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
}

void
_d8_window_actions_update (D8Window *self)
{
  gboolean unit_shown = self->overview != NULL && self->unit_code != NULL
                        && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") != 0;

  gboolean draft = self->overview != NULL && self->overview->plan->is_draft;

  /* A draft takes no entries (d8_store_check_plan_takes_entries()); the
   * button says why it is off. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-entry", unit_shown && !draft);
  d8_ui_set_tooltip_text (GTK_WIDGET (self->new_entry_button),
                          draft ? _("A draft plan takes no entries: issue it first (Edit "
                                    "Plan…, then Issue…)")
                                : _("New Entry (Ctrl+N)"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-plan", self->plan_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-plan", self->overview != NULL);
  _d8_window_reports_actions_update (self);
}

void
_d8_window_class_actions_init (D8WindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-entry", NULL, new_entry_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-unit", "s", show_unit_action);
  gtk_widget_class_install_action (widget_class, "win.set-as-of", "s", set_as_of_action);
  gtk_widget_class_install_action (widget_class, "win.edit-entry", "s", edit_entry_action);
  gtk_widget_class_install_action (widget_class, "win.delete-entry", "s", delete_entry_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "s", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-bundle", NULL, export_bundle_action);
  gtk_widget_class_install_action (widget_class, "win.import-bundle", NULL, import_bundle_action);
  gtk_widget_class_install_action (widget_class, "win.show-exchange", NULL, show_exchange_action);
  gtk_widget_class_install_action (widget_class, "win.compare-plans", NULL, compare_plans_action);
  gtk_widget_class_install_action (widget_class, "win.import-plan", NULL, import_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.edit-plan", NULL, edit_plan_action);
  gtk_widget_class_install_action (widget_class, "win.choose-office", NULL, choose_office_action);
  gtk_widget_class_install_action (widget_class, "win.switch-plan", "x",
                                   _d8_window_switch_plan_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-charts", NULL, toggle_charts_action);
  gtk_widget_class_install_action (widget_class, "win.page-setup", NULL, page_setup_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
}
