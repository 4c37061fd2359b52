/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-window.c — the main window.
 *
 * A leaflet with the plan's units in a sidebar (d8-sidebar.c: under their
 * parents, searchable, diacritics-insensitive) and, as content, the whole province or one unit. The window
 * owns the overview of the plan: it recomputes it whenever the store says
 * it changed and hands it to the pages, so every view shows the same
 * figures. What is shown is in three properties: "unit", "as-of" and
 * "overview". The actions are in d8-window-actions.c, files dropped or
 * opened in d8-window-dnd.c; the instance structure is in
 * d8-window-private.h.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "d8-format.h"
#include "d8-plan-draft.h"
#include "d8-text.h"
#include "d8-ui-util.h"
#include "d8-window-private.h"

G_DEFINE_FINAL_TYPE (D8Window, d8_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_AS_OF,
  PROP_UNIT,
  PROP_OVERVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

int
_d8_window_find_unit_index (D8Window   *self,
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

static void
select_row_for_code (D8Window   *self,
                     const char *code)
{
  if (adw_leaflet_get_folded (self->leaflet))
    d8_sidebar_unselect (self->sidebar);
  else
    d8_sidebar_select_code (self->sidebar, code);
}

/* The unit shown: NULL for the whole province. */
static void
set_unit_code (D8Window   *self,
               const char *code)
{
  if (g_strcmp0 (self->unit_code, code) == 0)
    return;
  g_free (self->unit_code);
  self->unit_code = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
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

/* How the header names the plan: its document number, or for a draft
 * (which has none yet) the word "Draft". */
static const char *
plan_name (const D8Plan *plan)
{
  return !plan->is_draft && plan->doc_number != NULL && *plan->doc_number != '\0'
           ? plan->doc_number
           : d8_plan_status_to_label (D8_PLAN_STATUS_DRAFT);
}

/* The charts page is made the first time it is shown, not with the
 * window: a window that opens on the tables never builds it. */
static void
ensure_charts_page (D8Window *self)
{
  if (self->charts_page != NULL)
    return;
  self->charts_page = D8_CHARTS_PAGE (d8_charts_page_new (self->settings));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->charts_page), "charts");
}

/* The unit page too: a window that opens on the province does not build
 * it before its first frame. */
static void
ensure_unit_page (D8Window *self)
{
  if (self->unit_page != NULL)
    return;
  self->unit_page = D8_UNIT_PAGE (d8_unit_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->unit_page), "unit");
}

static void
update_content (D8Window *self)
{
  int index = _d8_window_find_unit_index (self, self->unit_code);
  gboolean charts = showing_charts (self);

  if (charts)
    ensure_charts_page (self);
  if (self->charts_page != NULL)
    d8_charts_page_set_subject (self->charts_page, self->store, charts ? self->overview : NULL,
                                index);
  if (_d8_window_showing_reports (self))
    _d8_window_reports_refresh (self);
  else if (index < 0)
    {
      /* a draft says at once why nothing can be recorded */
      g_autofree char *subtitle = with_as_of (self, self->overview->plan->is_draft
                                                      ? _("Draft: it takes entries once issued")
                                                      : plan_name (self->overview->plan));

      set_unit_code (self, NULL);
      adw_window_title_set_title (self->content_title, _("Whole province"));
      adw_window_title_set_subtitle (self->content_title, subtitle);
      gtk_stack_set_visible_child_name (self->stack, charts ? "charts" : "province");
    }
  else
    {
      const D8Unit *unit = g_ptr_array_index (self->overview->units, index);
      g_autofree char *subtitle = with_as_of (self, unit->kind ? unit->kind : "");

      ensure_unit_page (self);
      d8_unit_page_set_unit (self->unit_page, self->store, self->overview, (guint) index);
      adw_window_title_set_title (self->content_title, unit->name);
      adw_window_title_set_subtitle (self->content_title, subtitle);
      gtk_stack_set_visible_child_name (self->stack, charts ? "charts" : "unit");
    }
  _d8_window_actions_update (self);
}

static void
show_error (D8Window     *self,
            const GError *error)
{
  if (self->error_page == NULL)
    {
      self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
      adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->error_page, _("The plan could not be shown"));
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");
    }
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  adw_window_title_set_title (self->content_title, "");
  adw_window_title_set_subtitle (self->content_title, "");
  _d8_window_actions_update (self);
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
  g_clear_pointer (&self->overview, d8_overview_unref);
  self->overview = ov;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERVIEW]);

  adw_window_title_set_title (self->sidebar_title, plan_name (ov->plan));
  {
    /* The plan's title is a sentence: it goes in the tooltip, where it can
     * be read whole, not in the sidebar's narrow header. */
    /* Translators: subtitle of the sidebar, %d is the plan's year */
    g_autofree char *subtitle = g_strdup_printf (_("Plan for %d"), ov->plan->year);

    adw_window_title_set_subtitle (self->sidebar_title, subtitle);
    d8_ui_set_tooltip_text (GTK_WIDGET (self->sidebar_title), ov->plan->title);
  }
  d8_plan_chooser_set_plan_id (self->plan_chooser, self->plan_id);
  gtk_window_set_title (GTK_WINDOW (self), plan_name (ov->plan));

  {
    /* The units under their parents: the sidebar reads it now, the
     * province page keeps it. A roll-up that cannot be read leaves the
     * units in one list. */
    g_autoptr (GError) rollup_error = NULL;
    D8Rollup *rollup = d8_store_compute_rollup (self->store, ov, &rollup_error);

    if (rollup == NULL)
      g_warning ("%s", rollup_error->message);
    d8_sidebar_set_figures (self->sidebar, ov, rollup);
    select_row_for_code (self, self->unit_code);
    d8_province_page_set_figures (self->province_page, ov, rollup);
  }
  {
    g_autofree char *amended = d8_store_plan_amended_label (self->store, self->plan_id);
    d8_province_page_set_amended (self->province_page, amended);
  }
  update_content (self);
}

/* The plan chosen last in this database: "plan-by-database" maps a
 * database file's path to a plan code (GSettings, not the database: the
 * choice is a person's view, not data to send to offices). */
static char *
remembered_plan (D8Window *self)
{
  g_autoptr (GVariant) map = NULL;
  const char *code = NULL;

  if (self->settings == NULL)
    return NULL;
  map = g_settings_get_value (self->settings, "plan-by-database");
  if (g_variant_lookup (map, d8_store_get_path (self->store), "&s", &code))
    return g_strdup (code);
  return g_settings_get_string (self->settings, "last-plan");
}

static void
remember_plan (D8Window   *self,
               const char *code)
{
  g_autoptr (GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *path = d8_store_get_path (self->store);
  const char *key, *value;

  if (self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "last-plan", code);
  old = g_settings_get_value (self->settings, "plan-by-database");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (g_strcmp0 (key, path) != 0)
      g_variant_builder_add (&builder, "{ss}", key, value);
  if (path != NULL)
    g_variant_builder_add (&builder, "{ss}", path, code);
  g_settings_set_value (self->settings, "plan-by-database", g_variant_builder_end (&builder));
}

static gboolean
load_plan (D8Window  *self,
           GError   **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *last = remembered_plan (self);

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
  remember_plan (self, plan->code);
  return TRUE;
}

gboolean
d8_window_set_plan (D8Window *self,
                    gint64    plan_id)
{
  g_autoptr (D8Plan) plan = NULL;

  g_return_val_if_fail (D8_IS_WINDOW (self), FALSE);

  if (plan_id == self->plan_id)
    return TRUE;
  plan = d8_store_get_plan (self->store, plan_id, NULL);
  if (plan == NULL)
    return FALSE;
  self->plan_id = plan->id;
  remember_plan (self, plan->code);
  /* A unit of the old plan the new one does not name: the whole province. */
  refresh (self);
  if (self->overview != NULL && _d8_window_find_unit_index (self, self->unit_code) < 0)
    d8_window_show_unit (self, NULL);
  return TRUE;
}

/* The office this installation is, at the foot of the sidebar. */
static void
update_office (D8Window *self)
{
  g_autofree char *office = d8_store_describe_office (self->store);
  /* Translators: at the foot of the sidebar; %s is "Provincial Women’s Union" or a unit's name */
  g_autofree char *label = g_strdup_printf (_("Office: %s"), office);

  gtk_button_set_label (self->office_button, label);
}

void
_d8_window_toast (D8Window   *self,
                  const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
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
  if (unit_code != NULL && _d8_window_find_unit_index (self, unit_code) < 0)
    return FALSE;

  set_unit_code (self, unit_code);
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

gint64
d8_window_get_unit (D8Window *self)
{
  int index;

  g_return_val_if_fail (D8_IS_WINDOW (self), 0);

  index = _d8_window_find_unit_index (self, self->unit_code);
  if (index < 0)
    return 0;
  return ((const D8Unit *) g_ptr_array_index (self->overview->units, index))->id;
}

gboolean
d8_window_set_unit (D8Window *self,
                    gint64    unit_id)
{
  int index;

  g_return_val_if_fail (D8_IS_WINDOW (self), FALSE);

  if (unit_id == 0)
    return d8_window_show_unit (self, NULL);
  if (self->overview == NULL || (index = d8_overview_find_unit (self->overview, unit_id)) < 0)
    return FALSE;
  return d8_window_show_unit (self,
                              ((const D8Unit *) g_ptr_array_index (self->overview->units,
                                                                   index))->code);
}

D8Overview *
d8_window_get_overview (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  return self->overview;
}

/* Callbacks */

static void
store_changed_cb (D8Window *self,
                  D8Store  *store)
{
  update_office (self);
  refresh (self);
}

static void
search_changed_cb (D8Window *self)
{
  d8_sidebar_set_search (self->sidebar, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_widget_set_visible (self->search_empty, d8_sidebar_get_n_rows (self->sidebar) == 0);
  select_row_for_code (self, self->unit_code);
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
  for (guint i = 0; i < d8_sidebar_get_n_rows (self->sidebar); i++)
    {
      D8SidebarItem *item = d8_sidebar_get_item (self->sidebar, i);

      if (item != NULL && !d8_sidebar_item_is_group (item))
        {
          d8_window_show_unit (self, d8_sidebar_item_get_code (item));
          adw_leaflet_set_visible_child (self->leaflet, self->content_box);
          return;
        }
    }
}

/* A row of the sidebar was selected, or activated (which, folded, is what
 * a click does): show it, and go to it when folded. */
static void
unit_chosen_cb (D8Window   *self,
                const char *code,
                gboolean    activated)
{
  /* A unit chosen in the sidebar is shown instead of the reports. */
  gtk_toggle_button_set_active (self->reports_button, FALSE);
  d8_window_show_unit (self, code);
  if (activated || adw_leaflet_get_folded (self->leaflet))
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
  select_row_for_code (self, self->unit_code);
}

static void
plan_chosen_cb (D8Window *self)
{
  gint64 plan_id = d8_plan_chooser_get_plan_id (self->plan_chooser);

  if (plan_id != 0 && plan_id != self->plan_id)
    d8_window_set_plan (self, plan_id);
}

static void
charts_toggled_cb (D8Window *self)
{
  if (self->overview != NULL)
    update_content (self);
}

static void
reports_toggled_cb (D8Window *self)
{
  if (self->overview != NULL)
    update_content (self);
}

/* GObject */

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

  /* The charts page is not in the template: it remembers its choices in
   * the settings, which exist only now, and it is made when first shown
   * (ensure_charts_page). */
  if (self->settings != NULL)
    g_settings_bind (self->settings, "show-charts", self->charts_button, "active",
                     G_SETTINGS_BIND_DEFAULT);

  update_office (self);
  d8_plan_chooser_set_store (self->plan_chooser, self->store);
  _d8_window_received_init (self);
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

GSettings *
d8_window_get_settings (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  return self->settings;
}

static void
d8_window_dispose (GObject *object)
{
  D8Window *self = D8_WINDOW (object);

  _d8_window_received_dispose (self);
  _d8_window_actions_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), D8_TYPE_WINDOW);

  G_OBJECT_CLASS (d8_window_parent_class)->dispose (object);
}

static void
d8_window_finalize (GObject *object)
{
  D8Window *self = D8_WINDOW (object);

  g_clear_pointer (&self->overview, d8_overview_unref);
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
    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;
    case PROP_UNIT:
      g_value_set_int64 (value, d8_window_get_unit (self));
      break;
    case PROP_OVERVIEW:
      g_value_set_boxed (value, self->overview);
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
    case PROP_AS_OF:
      d8_window_set_as_of (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      d8_window_set_unit (self, g_value_get_int64 (value));
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
  /* The date the figures are computed for (ISO), NULL for today. */
  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The id of the unit shown, 0 for the whole province. */
  properties[PROP_UNIT] =
    g_param_spec_int64 ("unit", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The D8Overview the pages show, owned by the window and replaced (with
   * a notification) whenever the figures are computed again. */
  properties[PROP_OVERVIEW] =
    g_param_spec_boxed ("overview", NULL, NULL, D8_TYPE_OVERVIEW,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (D8_TYPE_PROVINCE_PAGE);
  g_type_ensure (D8_TYPE_PLAN_CHOOSER);
  d8_ui_ensure_style ();

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/hoilhpn/Duan8/ui/d8-window.ui");
  gtk_widget_class_bind_template_child (widget_class, D8Window, back_button);
  gtk_widget_class_bind_template_child (widget_class, D8Window, charts_button);
  gtk_widget_class_bind_template_child (widget_class, D8Window, content_box);
  gtk_widget_class_bind_template_child (widget_class, D8Window, content_header);
  gtk_widget_class_bind_template_child (widget_class, D8Window, content_title);
  gtk_widget_class_bind_template_child (widget_class, D8Window, leaflet);
  gtk_widget_class_bind_template_child (widget_class, D8Window, menu_button);
  gtk_widget_class_bind_template_child (widget_class, D8Window, new_entry_button);
  gtk_widget_class_bind_template_child (widget_class, D8Window, office_button);
  gtk_widget_class_bind_template_child (widget_class, D8Window, province_page);
  gtk_widget_class_bind_template_child (widget_class, D8Window, reports_button);
  gtk_widget_class_bind_template_child (widget_class, D8Window, search_bar);
  gtk_widget_class_bind_template_child (widget_class, D8Window, search_button);
  gtk_widget_class_bind_template_child (widget_class, D8Window, search_empty);
  gtk_widget_class_bind_template_child (widget_class, D8Window, search_entry);
  gtk_widget_class_bind_template_child (widget_class, D8Window, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, D8Window, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, D8Window, plan_chooser);
  gtk_widget_class_bind_template_child (widget_class, D8Window, stack);
  gtk_widget_class_bind_template_child (widget_class, D8Window, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, D8Window, unit_list);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, charts_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, reports_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  _d8_window_class_actions_init (klass);
  _d8_window_class_reports_init (klass);
}

static void
d8_window_init (D8Window *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Tooltips are set here, not in the template: GTK 4.8 asks the display
   * where the pointer is for every tooltip set (d8_ui_set_tooltip_text());
   * the New Entry button's is set by _d8_window_actions_update(). */
  d8_ui_set_tooltip_text (GTK_WIDGET (self->search_button), _("Search Units"));
  d8_ui_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Main Menu"));
  d8_ui_set_tooltip_text (GTK_WIDGET (self->office_button), _("Change the office"));
  d8_ui_set_tooltip_text (GTK_WIDGET (self->back_button), _("Back"));
  d8_ui_set_tooltip_text (GTK_WIDGET (self->reports_button),
                          _("Show the reports of a reporting period (Ctrl+R)"));
  d8_ui_set_tooltip_text (GTK_WIDGET (self->charts_button),
                          _("Show charts instead of tables (Ctrl+G)"));

  /* The list view owns it: its rows call it until they are unbound. */
  self->sidebar = d8_sidebar_new (self->unit_list);
  g_object_set_data_full (G_OBJECT (self->unit_list), "d8-sidebar", self->sidebar, g_object_unref);
  g_signal_connect_object (self->sidebar, "chosen", G_CALLBACK (unit_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  _d8_window_actions_init (self);
  _d8_window_actions_update (self);
  _d8_window_dnd_init (self);
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
d8_window_get_plan_chooser (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->plan_chooser);
}

GtkWidget *
d8_window_get_unit_page (D8Window *self)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  ensure_unit_page (self);
  return GTK_WIDGET (self->unit_page);
}

