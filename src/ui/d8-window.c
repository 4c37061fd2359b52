/* d8-window.c — the main window.
 *
 * A leaflet with the plan's units in a sidebar (searchable, diacritics-
 * insensitive) and, as content, the whole province or one unit. The window
 * owns the overview of the plan: it recomputes it whenever the store says
 * it changed and hands it to the pages, so every view shows the same
 * figures. Entries are added, edited, deleted and undeleted through window
 * actions, which the pages' buttons name with the entry's uuid as target.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "d8-chart-export.h"
#include "d8-charts-page.h"
#include "d8-entry-dialog.h"
#include "d8-exchange.h"
#include "d8-format.h"
#include "d8-print.h"
#include "d8-province-page.h"
#include "d8-text.h"
#include "d8-ui-util.h"
#include "d8-unit-page.h"
#include "d8-window.h"

struct _D8Window
{
  AdwApplicationWindow parent_instance;

  /* template children */
  GtkButton *back_button;
  AdwHeaderBar *content_header;
  AdwWindowTitle *content_title;
  GtkWidget *content_box;
  AdwStatusPage *error_page;
  AdwLeaflet *leaflet;
  GtkButton *new_entry_button;
  D8ProvincePage *province_page;
  GtkSearchBar *search_bar;
  GtkToggleButton *search_button;
  GtkSearchEntry *search_entry;
  GtkWidget *sidebar_box;
  AdwWindowTitle *sidebar_title;
  GtkStack *stack;
  AdwToastOverlay *toast_overlay;
  D8UnitPage *unit_page;
  GtkListBox *unit_list;

  D8ChartsPage *charts_page;
  GtkToggleButton *charts_button;
  GtkButton *office_button;

  D8Store *store;
  GSettings *settings;
  gint64 plan_id;
  D8Overview *overview;
  char *unit_code; /* NULL: the whole province */
  char *as_of;     /* ISO date the figures are for; NULL: today */
  gboolean rebuilding;
};

G_DEFINE_FINAL_TYPE (D8Window, d8_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ROW_CODE_KEY "d8-unit-code"
#define ROW_SEARCH_KEY "d8-search-text"

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; settings are not remembered", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static int
find_unit_index (D8Window   *self,
                 const char *code)
{
  if (self->overview == NULL || code == NULL)
    return -1;
  for (guint i = 0; i < self->overview->units->len; i++)
    {
      const D8Unit *unit = g_ptr_array_index (self->overview->units, i);
      if (g_strcmp0 (unit->code, code) == 0)
        return (int) i;
    }
  return -1;
}

static GtkWidget *
create_unit_row (const char *code,
                 const char *name,
                 const char *detail,
                 double      overall)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *percent_label;
  GtkWidget *detail_label = gtk_label_new (detail);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0.0, 1.0);
  g_autofree char *percent = d8_format_percent (overall, 0);
  g_autofree char *description = NULL;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 4);
  gtk_widget_set_margin_end (box, 4);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_box_append (GTK_BOX (top), name_label);

  percent_label = gtk_label_new (percent);
  gtk_widget_add_css_class (percent_label, "numeric");
  gtk_widget_add_css_class (percent_label, "dim-label");
  gtk_box_append (GTK_BOX (top), percent_label);

  gtk_label_set_xalign (GTK_LABEL (detail_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (detail_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail_label, "caption");
  gtk_widget_add_css_class (detail_label, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (detail_label), 8);
  gtk_box_append (GTK_BOX (bottom), detail_label);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), isnan (overall) ? 0.0 : CLAMP (overall, 0.0, 1.0));
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (bar, "d8-sidebar-level");
  /* Translators: accessible description of a progress bar; %s is a percentage */
  description = g_strdup_printf (_("Overall completion %s"), percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  d8_ui_set_tooltip_text (bar, description);
  gtk_box_append (GTK_BOX (bottom), bar);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), ROW_CODE_KEY, g_strdup (code), g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_SEARCH_KEY, g_strdup (name), g_free);
  return row;
}

static GtkListBoxRow *
find_row (D8Window   *self,
          const char *code)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->unit_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (child), ROW_CODE_KEY), code) == 0)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

static void
select_row_for_code (D8Window   *self,
                     const char *code)
{
  GtkListBoxRow *row = find_row (self, code);
  gboolean was = self->rebuilding;

  self->rebuilding = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->unit_list, row);
  else
    gtk_list_box_unselect_all (self->unit_list);
  self->rebuilding = was;
}

static void
rebuild_sidebar (D8Window *self)
{
  D8Overview *ov = self->overview;
  g_autofree char *n_units = NULL;

  self->rebuilding = TRUE;
  d8_ui_remove_all_children (GTK_WIDGET (self->unit_list));

  /* Translators: detail line of the "Whole province" row in the sidebar */
  n_units = g_strdup_printf (ngettext ("%u unit", "%u units", ov->units->len), ov->units->len);
  gtk_list_box_append (self->unit_list,
                       create_unit_row (NULL, _("Whole province"), n_units,
                                        ov->province_overall));

  for (guint i = 0; i < ov->units->len; i++)
    {
      const D8Unit *unit = g_ptr_array_index (ov->units, i);
      gtk_list_box_append (self->unit_list,
                           create_unit_row (unit->code, unit->name,
                                            unit->kind ? unit->kind : "",
                                            ov->unit_overall[i]));
    }
  self->rebuilding = FALSE;

  select_row_for_code (self, self->unit_code);
}

static gboolean
showing_charts (D8Window *self)
{
  return gtk_toggle_button_get_active (self->charts_button);
}

/* The header's subtitle: @text, and the as-of date when it is not today,
 * so a past date is never mistaken for today's figures. */
static char *
with_as_of (D8Window *self, const char *text)
{
  g_autofree char *date = NULL;

  if (self->as_of == NULL)
    return g_strdup (text);
  date = d8_format_date (self->as_of);
  /* Translators: header subtitle, e.g. "huyện · figures as of 10/06/2023" */
  return *text != '\0' ? g_strdup_printf (_("%s · figures as of %s"), text, date)
                       : g_strdup_printf (_("Figures as of %s"), date);
}

static void
update_content (D8Window *self)
{
  int index = find_unit_index (self, self->unit_code);
  gboolean charts = showing_charts (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", charts);
  d8_charts_page_set_subject (self->charts_page, self->store, charts ? self->overview : NULL,
                              index);
  if (index < 0)
    {
      g_autofree char *subtitle = with_as_of (self, self->overview->plan->doc_number);

      g_clear_pointer (&self->unit_code, g_free);
      adw_window_title_set_title (self->content_title, _("Whole province"));
      adw_window_title_set_subtitle (self->content_title, subtitle);
      gtk_stack_set_visible_child_name (self->stack, charts ? "charts" : "province");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-entry", FALSE);
    }
  else
    {
      const D8Unit *unit = g_ptr_array_index (self->overview->units, index);
      g_autofree char *subtitle = with_as_of (self, unit->kind ? unit->kind : "");

      d8_unit_page_set_unit (self->unit_page, self->store, self->overview, (guint) index);
      adw_window_title_set_title (self->content_title, unit->name);
      adw_window_title_set_subtitle (self->content_title, subtitle);
      gtk_stack_set_visible_child_name (self->stack, charts ? "charts" : "unit");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-entry", TRUE);
    }
}

static void
show_error (D8Window     *self,
            const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  adw_window_title_set_title (self->content_title, "");
  adw_window_title_set_subtitle (self->content_title, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-entry", FALSE);
}

static void
refresh (D8Window *self)
{
  g_autoptr (GError) error = NULL;
  D8Overview *ov;

  if (self->plan_id == 0)
    return;

  ov = d8_store_compute_overview (self->store, self->plan_id, self->as_of, &error);
  if (ov == NULL)
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->overview, d8_overview_free);
  self->overview = ov;

  adw_window_title_set_title (self->sidebar_title, ov->plan->doc_number);
  {
    /* The plan's title is a sentence: it goes in the tooltip, where it can
     * be read whole, not in the sidebar's narrow header. */
    /* Translators: subtitle of the sidebar, %d is the plan's year */
    g_autofree char *subtitle = g_strdup_printf (_("Plan for %d"), ov->plan->year);

    adw_window_title_set_subtitle (self->sidebar_title, subtitle);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title), ov->plan->title);
  }
  gtk_window_set_title (GTK_WINDOW (self), ov->plan->doc_number);

  rebuild_sidebar (self);
  d8_province_page_set_overview (self->province_page, ov);
  update_content (self);
}

static gboolean
load_plan (D8Window  *self,
           GError   **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *last = NULL;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-plan");
  if (last != NULL && *last != '\0')
    plan = d8_store_resolve_plan (self->store, last, NULL);
  if (plan == NULL)
    {
      g_autoptr (GPtrArray) plans = d8_store_list_plans (self->store, error);

      if (plans == NULL)
        return FALSE;
      if (plans->len == 0)
        {
          g_set_error_literal (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                               _("The database holds no plan."));
          return FALSE;
        }
      /* The newest plan is the one people work on. */
      plan = g_steal_pointer (&g_ptr_array_index (plans, plans->len - 1));
    }

  self->plan_id = plan->id;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-plan", plan->code);
  return TRUE;
}

void
d8_window_set_as_of (D8Window   *self,
                     const char *as_of)
{
  g_autofree char *today = NULL;

  g_return_if_fail (D8_IS_WINDOW (self));
  /* Today is kept as "today" (NULL), so the figures follow the calendar. */
  today = d8_date_today ();
  if (as_of != NULL && (!d8_date_is_valid (as_of) || g_strcmp0 (as_of, today) == 0))
    as_of = NULL;
  if (g_strcmp0 (as_of, self->as_of) == 0)
    return;
  g_free (self->as_of);
  self->as_of = g_strdup (as_of);
  refresh (self);
}

const char *
d8_window_get_as_of (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  return self->as_of;
}

gboolean
d8_window_show_unit (D8Window   *self,
                     const char *unit_code)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), FALSE);

  if (self->overview == NULL)
    return FALSE;

  if (unit_code != NULL && *unit_code == '\0')
    unit_code = NULL;
  if (unit_code != NULL && find_unit_index (self, unit_code) < 0)
    return FALSE;

  if (g_strcmp0 (self->unit_code, unit_code) != 0)
    {
      g_free (self->unit_code);
      self->unit_code = g_strdup (unit_code);
    }
  select_row_for_code (self, self->unit_code);
  update_content (self);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-page", self->unit_code ? self->unit_code : "");
  return TRUE;
}

const char *
d8_window_get_unit_code (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  return self->unit_code;
}

/* Callbacks */

static void
store_changed_cb (D8Window *self,
                  D8Store  *store)
{
  refresh (self);
}

static gboolean
unit_filter_func (GtkListBoxRow *row,
                  gpointer       user_data)
{
  D8Window *self = user_data;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *text = g_object_get_data (G_OBJECT (row), ROW_SEARCH_KEY);

  return d8_text_matches (text ? text : "", needle);
}

static void
search_changed_cb (D8Window *self)
{
  gtk_list_box_invalidate_filter (self->unit_list);
}

static void
stop_search_cb (D8Window *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_activate_cb (D8Window *self)
{
  /* Enter opens the first unit that matches. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->unit_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
        {
          g_signal_emit_by_name (self->unit_list, "row-activated", child);
          return;
        }
    }
}

static void
unit_row_selected_cb (D8Window      *self,
                      GtkListBoxRow *row)
{
  if (self->rebuilding || row == NULL)
    return;
  d8_window_show_unit (self, g_object_get_data (G_OBJECT (row), ROW_CODE_KEY));
}

static void
unit_row_activated_cb (D8Window      *self,
                       GtkListBoxRow *row)
{
  d8_window_show_unit (self, g_object_get_data (G_OBJECT (row), ROW_CODE_KEY));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
back_clicked_cb (D8Window *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
leaflet_folded_cb (D8Window *self)
{
  /* Folded, the sidebar is a list to pick from, not a selection to show. */
  gtk_list_box_set_selection_mode (self->unit_list,
                                   adw_leaflet_get_folded (self->leaflet)
                                     ? GTK_SELECTION_NONE
                                     : GTK_SELECTION_SINGLE);
  if (!adw_leaflet_get_folded (self->leaflet))
    select_row_for_code (self, self->unit_code);
}

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
    index = find_unit_index (self, self->unit_code);
  if (index < 0)
    return;

  dialog = d8_entry_dialog_new (GTK_WINDOW (self), self->store, self->plan_id,
                                g_ptr_array_index (self->overview->units, index),
                                entry, &error);
  if (dialog == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
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
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
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
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
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
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
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

/* GObject */

static void charts_toggled_cb (D8Window *self);

static void
d8_window_constructed (GObject *object)
{
  D8Window *self = D8_WINDOW (object);
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (d8_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  self->settings = create_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->charts_page = D8_CHARTS_PAGE (d8_charts_page_new (self->settings));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->charts_page), "charts");
  if (self->settings != NULL)
    g_settings_bind (self->settings, "show-charts", self->charts_button, "active",
                     G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->charts_button, "toggled", G_CALLBACK (charts_toggled_cb), self,
                           G_CONNECT_SWAPPED);

  d8_window_update_office (self);
  if (!load_plan (self, &error))
    {
      show_error (self, error);
      return;
    }
  refresh (self);

  if (self->settings != NULL && self->overview != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-page");
      d8_window_show_unit (self, last);
    }
}

static void
charts_toggled_cb (D8Window *self)
{
  if (self->overview != NULL)
    update_content (self);
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
export_chart_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          D8Window        *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) folder = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  const char *dpi_choice;
  double dpi;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;
  dpi_choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "dpi");
  dpi = dpi_choice ? g_ascii_strtod (dpi_choice, NULL) : 150;
  /* No extension: the chosen filter's format, PNG by default. */
  if (d8_chart_format_from_path (path) == D8_CHART_FORMAT_UNKNOWN && strrchr (path, '.') == NULL)
    {
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      const char *ext = filter ? g_object_get_data (G_OBJECT (filter), "d8-extension") : NULL;
      char *with = g_strconcat (path, ext ? ext : ".png", NULL);

      g_free (path);
      path = with;
    }
  folder = g_file_get_parent (file);
  if (self->settings != NULL && folder != NULL)
    {
      g_autofree char *folder_path = g_file_get_path (folder);
      g_settings_set_string (self->settings, "last-export-folder", folder_path ? folder_path : "");
    }
  if (!d8_charts_page_export (self->charts_page, path, dpi, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      /* Translators: a notification; %s is the file name */
      g_autofree char *text = g_strdup_printf (_("Chart saved as “%s”"), base);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime,
            const char     *extension)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime);
  g_object_set_data (G_OBJECT (filter), "d8-extension", (gpointer) extension);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  D8Window *self = D8_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *title = NULL, *name = NULL, *folder = NULL;
  const char *dpi_ids[] = { "96", "150", "300", NULL };
  const char *dpi_labels[] = { N_("96 dpi (screen)"), N_("150 dpi"), N_("300 dpi (print)"), NULL };
  const char *translated[4];
  const D8ChartModel *model = d8_charts_page_get_model (self->charts_page);

  if (model == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (dialog), _("PNG image"), "image/png", ".png");
  add_filter (GTK_FILE_CHOOSER (dialog), _("SVG drawing"), "image/svg+xml", ".svg");
  add_filter (GTK_FILE_CHOOSER (dialog), _("PDF document"), "application/pdf", ".pdf");
  for (guint i = 0; i < 3; i++)
    translated[i] = _(dpi_labels[i]);
  translated[3] = NULL;
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "dpi", _("PNG resolution"), dpi_ids,
                               translated);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "dpi", "150");
  title = d8_chart_model_title (model);
  name = g_strdup_printf ("%s.png", title);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  if (self->settings != NULL)
    folder = g_settings_get_string (self->settings, "last-export-folder");
  if (folder != NULL && *folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GFile) f = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), f, NULL);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (export_chart_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_bundle_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  d8_exchange_export (D8_WINDOW (widget));
}

static void
import_bundle_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  d8_exchange_choose_import (D8_WINDOW (widget));
}

static void
show_exchange_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  d8_exchange_show_window (D8_WINDOW (widget));
}

static void
choose_office_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  d8_exchange_choose_office (D8_WINDOW (widget), FALSE);
}

/* Bundles dropped on the window get their preview, one after the other. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         D8Window      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    d8_exchange_preview (self, G_FILE (l->data));
  return files != NULL;
}

GSettings *
d8_window_get_settings (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  return self->settings;
}

void
d8_window_add_toast (D8Window *self,
                     AdwToast *toast)
{
  g_return_if_fail (D8_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
d8_window_update_office (D8Window *self)
{
  g_autofree char *office = d8_store_describe_office (self->store);
  /* Translators: at the foot of the sidebar; %s is "Provincial Women’s Union" or a unit's name */
  g_autofree char *label = g_strdup_printf (_("Office: %s"), office);

  gtk_button_set_label (self->office_button, label);
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
  if (d8_print_pack (GTK_WINDOW (self), self->settings, self->overview, office,
                     GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
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
d8_window_dispose (GObject *object)
{
  D8Window *self = D8_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), D8_TYPE_WINDOW);

  G_OBJECT_CLASS (d8_window_parent_class)->dispose (object);
}

static void
d8_window_finalize (GObject *object)
{
  D8Window *self = D8_WINDOW (object);

  g_clear_pointer (&self->overview, d8_overview_free);
  g_clear_pointer (&self->unit_code, g_free);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (d8_window_parent_class)->finalize (object);
}

static void
d8_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  D8Window *self = D8_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  D8Window *self = D8_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_window_class_init (D8WindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = d8_window_constructed;
  object_class->dispose = d8_window_dispose;
  object_class->finalize = d8_window_finalize;
  object_class->get_property = d8_window_get_property;
  object_class->set_property = d8_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, D8_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (D8_TYPE_PROVINCE_PAGE);
  g_type_ensure (D8_TYPE_UNIT_PAGE);
  d8_ui_ensure_style ();

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/hoilhpn/Duan8/ui/d8-window.ui");
  gtk_widget_class_bind_template_child (widget_class, D8Window, back_button);
  gtk_widget_class_bind_template_child (widget_class, D8Window, content_box);
  gtk_widget_class_bind_template_child (widget_class, D8Window, content_header);
  gtk_widget_class_bind_template_child (widget_class, D8Window, content_title);
  gtk_widget_class_bind_template_child (widget_class, D8Window, error_page);
  gtk_widget_class_bind_template_child (widget_class, D8Window, leaflet);
  gtk_widget_class_bind_template_child (widget_class, D8Window, new_entry_button);
  gtk_widget_class_bind_template_child (widget_class, D8Window, province_page);
  gtk_widget_class_bind_template_child (widget_class, D8Window, search_bar);
  gtk_widget_class_bind_template_child (widget_class, D8Window, search_button);
  gtk_widget_class_bind_template_child (widget_class, D8Window, search_entry);
  gtk_widget_class_bind_template_child (widget_class, D8Window, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, D8Window, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, D8Window, stack);
  gtk_widget_class_bind_template_child (widget_class, D8Window, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, D8Window, unit_list);
  gtk_widget_class_bind_template_child (widget_class, D8Window, unit_page);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_row_selected_cb);

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
  gtk_widget_class_install_action (widget_class, "win.choose-office", NULL, choose_office_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-charts", NULL, toggle_charts_action);
  gtk_widget_class_install_action (widget_class, "win.page-setup", NULL, page_setup_action);
}

static void
d8_window_init (D8Window *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No units match"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_list_box_set_placeholder (self->unit_list, placeholder);
  gtk_list_box_set_filter_func (self->unit_list, unit_filter_func, self, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-entry", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", FALSE);

  self->charts_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Charts")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->charts_button),
                               _("Show charts instead of tables (Ctrl+G)"));
  adw_header_bar_pack_end (self->content_header, GTK_WIDGET (self->charts_button));

  /* The office this installation is, at the foot of the sidebar. */
  self->office_button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->office_button), "flat");
  gtk_widget_set_margin_top (GTK_WIDGET (self->office_button), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->office_button), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->office_button), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->office_button), 6);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->office_button), "win.choose-office");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->office_button), _("Change the office"));
  gtk_box_append (GTK_BOX (self->sidebar_box), GTK_WIDGET (self->office_button));

  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
}

D8Window *
d8_window_new (GtkApplication *application,
               D8Store        *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  return g_object_new (D8_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

D8Store *
d8_window_get_store (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  return self->store;
}

gint64
d8_window_get_plan_id (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), 0);
  return self->plan_id;
}

GtkWidget *
d8_window_get_province_page (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->province_page);
}

GtkWidget *
d8_window_get_unit_page (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->unit_page);
}
