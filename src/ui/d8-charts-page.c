/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-charts-page.c — the charts of the province or of one unit.
 *
 * Past D8_CHART_GROUP_ABOVE units whose units have parents, the matrix and
 * the indicator chart show the parent groups; a group opens (Enter, a
 * click) into a chart of its units, and Back (Escape, Alt+←) returns to
 * the groups. The matrix can put the units most behind first.
 *
 * A row of choices (which chart; which indicator for the indicator chart
 * and timelines) above one D8ChartView. The chart model is filled again
 * from the window's overview whenever the subject, the choice or the data
 * change. Choices are remembered in GSettings ("province-chart",
 * "unit-chart", and "charts-most-behind-first" for the order).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-chart-export.h"
#include "d8-chart-groups.h"
#include "d8-chart-kind.h"
#include "d8-chart-view.h"
#include "d8-charts-page.h"
#include "d8-rollup.h"
#include "d8-ui-util.h"

struct _D8ChartsPage
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkDropDown *kind_dropdown;
  GtkDropDown *indicator_dropdown;
  GtkWidget *order_button;  /* "Most behind first" */
  GtkWidget *group_bar;     /* Back and the group's name, in a drill-down */
  GtkWidget *group_label;
  GtkWidget *scrollbar;
  D8ChartView *view;

  GSettings *settings;
  D8Store *store;
  D8Overview *overview; /* a reference of its own */
  int unit_index;
  int indicator_index;  /* -1: all */
  gboolean updating;
  D8Rollup *rollup;     /* the units grouped by parent, when charts show groups; else NULL */
  int group;            /* the group drilled into, -1: the groups */
  guint scrollbar_idle;
};

G_DEFINE_FINAL_TYPE (D8ChartsPage, d8_charts_page, GTK_TYPE_WIDGET)

/* Shows @model (taken; NULL: none): only a chart shown can be exported. */
static void
show_model (D8ChartsPage *self, D8ChartModel *model)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export", model != NULL);
  d8_chart_view_set_model (self->view, model);
}

/* The kinds offered, in the order of the list: those of the table of
 * chart kinds shown for the province or for a unit. */
static D8ChartScope
scope_of (D8ChartsPage *self)
{
  return self->unit_index < 0 ? D8_CHART_SCOPE_PROVINCE : D8_CHART_SCOPE_UNIT;
}

static const D8ChartKindInfo *
current_kind (D8ChartsPage *self)
{
  const D8ChartKindInfo *kind = d8_chart_kind_nth (scope_of (self),
                                                   gtk_drop_down_get_selected (self->kind_dropdown));

  return kind != NULL ? kind : d8_chart_kind_nth (scope_of (self), 0);
}

/* The indicator chart needs one indicator, and one the appendix allocates. */
static int
first_allocated_indicator (D8Overview *ov)
{
  for (guint i = 0; i < ov->indicators->len; i++)
    if (((const D8Indicator *) ov->indicators->pdata[i])->in_appendix)
      return (int) i;
  return 0;
}

/* Whether the chart of @kind shows parent groups: a matrix or indicator
 * chart of more than D8_CHART_GROUP_ABOVE units that have parents. */
static gboolean
shows_groups (D8ChartsPage *self, const D8ChartKindInfo *kind)
{
  return self->rollup != NULL && self->unit_index < 0 && d8_chart_kind_has_unit_rows (kind->kind);
}

static void
rebuild_model (D8ChartsPage *self)
{
  const D8ChartKindInfo *kind;
  g_autoptr (GError) error = NULL;
  D8ChartModel *model;
  int indicator_index;
  D8ChartOrder order;
  gboolean groups;

  if (self->overview == NULL)
    {
      show_model (self, NULL);
      return;
    }
  kind = current_kind (self);
  gtk_widget_set_visible (GTK_WIDGET (self->indicator_dropdown),
                          kind->indicator != D8_CHART_NEED_NONE);
  gtk_widget_set_visible (self->order_button, d8_chart_kind_has_unit_rows (kind->kind)
                                                 && self->unit_index < 0);
  order = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->order_button))
              ? D8_CHART_ORDER_BEHIND
              : D8_CHART_ORDER_PLAN;
  indicator_index = self->indicator_index;
  if (kind->indicator == D8_CHART_NEED_ONE && indicator_index < 0)
    indicator_index = first_allocated_indicator (self->overview);
  groups = shows_groups (self, kind);
  if (!groups)
    self->group = -1;
  gtk_widget_set_visible (self->group_bar, groups && self->group >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.back", groups && self->group >= 0);
  d8_chart_view_set_activatable (self->view, groups && self->group < 0,
                                 _("Choose a group with the arrow keys and press Enter to see "
                                   "its units."));
  if (groups && self->group >= 0)
    {
      const D8RollupGroup *group = self->rollup->groups->pdata[self->group];
      /* Translators: above a chart of one parent group's units */
      g_autofree char *heading = g_strdup_printf (_("The units of %s"),
                                                  d8_rollup_group_label (group));

      gtk_label_set_text (GTK_LABEL (self->group_label), heading);
      model = d8_chart_group_units_model (kind->kind, self->overview, self->rollup, (guint) self->group,
                                          indicator_index, order);
    }
  else if (groups)
    model = d8_chart_groups_model (kind->kind, self->overview, self->rollup, indicator_index, order);
  else if (d8_chart_kind_has_unit_rows (kind->kind) && order == D8_CHART_ORDER_BEHIND)
    model = d8_chart_units_model (kind->kind, self->overview, indicator_index, order);
  else
    model = d8_chart_kind_new_model (kind, self->store, self->overview, self->unit_index,
                                     indicator_index, &error);
  if (model == NULL && error != NULL)
    g_warning ("Daily sums: %s", error->message);
  show_model (self, model);
}

/* A group of the chart opened: its units. */
static void
row_activated_cb (D8ChartsPage *self, int row)
{
  const D8ChartModel *model = d8_chart_view_get_model (self->view);
  const D8ChartLabel *label;

  if (model == NULL || self->rollup == NULL || self->group >= 0 || row < 0
      || (guint) row >= model->rows->len)
    return;
  label = &g_array_index (model->rows, D8ChartLabel, row);
  for (guint g = 0; g < self->rollup->groups->len; g++)
    if (g_strcmp0 (d8_rollup_group_label (self->rollup->groups->pdata[g]), label->name) == 0)
      {
        self->group = (int) g;
        rebuild_model (self);
        d8_chart_view_set_focus_row (self->view, 0);
        gtk_widget_grab_focus (GTK_WIDGET (self->view));
        return;
      }
}

/* Back from a group's units to the groups, the group chosen again. */
static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  D8ChartsPage *self = D8_CHARTS_PAGE (widget);
  const char *name;
  const D8ChartModel *model;

  if (self->rollup == NULL || self->group < 0)
    return;
  name = d8_rollup_group_label (self->rollup->groups->pdata[self->group]);
  self->group = -1;
  rebuild_model (self);
  model = d8_chart_view_get_model (self->view);
  for (guint r = 0; model != NULL && r < model->rows->len; r++)
    if (g_strcmp0 (g_array_index (model->rows, D8ChartLabel, r).name, name) == 0)
      d8_chart_view_set_focus_row (self->view, (int) r);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
order_toggled_cb (D8ChartsPage *self)
{
  if (!self->updating)
    rebuild_model (self);
}

/* The scrollbar shows when the chart's rows scroll. The adjustment
 * changes while the view is being allocated, so this waits for an idle
 * moment: showing a widget then would paint it before it has a size. */
static gboolean
update_scrollbar_cb (gpointer data)
{
  D8ChartsPage *self = D8_CHARTS_PAGE (data);
  GtkAdjustment *adj;

  self->scrollbar_idle = 0;
  if (self->box == NULL) /* disposed */
    return G_SOURCE_REMOVE;
  adj = d8_chart_view_get_vadjustment (self->view);
  gtk_widget_set_visible (self->scrollbar, gtk_adjustment_get_upper (adj)
                                                   - gtk_adjustment_get_page_size (adj)
                                               > 0.5);
  return G_SOURCE_REMOVE;
}

static void
adjustment_changed_cb (D8ChartsPage *self)
{
  if (self->scrollbar_idle == 0 && self->box != NULL)
    self->scrollbar_idle = g_idle_add (update_scrollbar_cb, self);
}

static void
fill_indicators (D8ChartsPage *self)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  const D8ChartKindInfo *kind = current_kind (self);
  gboolean allows_all = kind->indicator == D8_CHART_NEED_OPTIONAL;
  guint selected = 0;

  if (allows_all)
    /* xgettext:no-c-format */
    gtk_string_list_append (list, _("All indicators, as % of quota"));
  for (guint i = 0; i < self->overview->indicators->len; i++)
    {
      const D8Indicator *ind = self->overview->indicators->pdata[i];
      g_autofree char *text = NULL;

      /* Long names would make the list wider than the window. */
      if (g_utf8_strlen (ind->name_vi, -1) > 64)
        {
          g_autofree char *cut = g_utf8_substring (ind->name_vi, 0, 63);
          text = g_strdup_printf ("%s. %s…", ind->code, cut);
        }
      else
        text = g_strdup_printf ("%s. %s", ind->code, ind->name_vi);

      if ((int) i == self->indicator_index)
        selected = g_list_model_get_n_items (G_LIST_MODEL (list));
      gtk_string_list_append (list, text);
    }
  if (!allows_all && self->indicator_index < 0)
    {
      self->indicator_index = first_allocated_indicator (self->overview);
      selected = (guint) self->indicator_index;
    }
  gtk_drop_down_set_model (self->indicator_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->indicator_dropdown, selected);
}

static void
fill_kinds (D8ChartsPage *self)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  g_autofree char *stored = NULL;
  const D8ChartKindInfo *stored_kind = NULL, *kind;
  guint selected = 0;

  if (self->settings != NULL)
    stored = g_settings_get_string (self->settings,
                                    self->unit_index < 0 ? "province-chart" : "unit-chart");
  if (stored != NULL)
    stored_kind = d8_chart_kind_lookup (stored);
  for (guint i = 0; (kind = d8_chart_kind_nth (scope_of (self), i)) != NULL; i++)
    {
      gtk_string_list_append (list, _(kind->label));
      if (kind == stored_kind)
        selected = i;
    }
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->kind_dropdown, selected);
}

static void
kind_changed_cb (D8ChartsPage *self)
{
  if (self->updating || self->overview == NULL)
    return;
  if (self->settings != NULL)
    g_settings_set_string (self->settings,
                           self->unit_index < 0 ? "province-chart" : "unit-chart",
                           current_kind (self)->name);
  self->updating = TRUE;
  fill_indicators (self);
  self->updating = FALSE;
  rebuild_model (self);
}

static void
indicator_changed_cb (D8ChartsPage *self)
{
  guint selected;

  if (self->updating || self->overview == NULL)
    return;
  selected = gtk_drop_down_get_selected (self->indicator_dropdown);
  self->indicator_index = current_kind (self)->indicator == D8_CHART_NEED_OPTIONAL
                            ? (int) selected - 1 : (int) selected;
  rebuild_model (self);
}

void
d8_charts_page_set_subject (D8ChartsPage *self, D8Store *store, D8Overview *overview,
                            int unit_index)
{
  gboolean same_kinds;

  g_return_if_fail (D8_IS_CHARTS_PAGE (self));

  if (overview == NULL)
    {
      g_clear_pointer (&self->overview, d8_overview_unref);
      show_model (self, NULL);
      return;
    }
  same_kinds = self->overview != NULL && (self->unit_index < 0) == (unit_index < 0);
  /* The same plan's figures again keep the group drilled into. */
  if (self->overview == NULL || self->overview->plan->id != overview->plan->id
      || self->unit_index != unit_index)
    self->group = -1;
  g_clear_pointer (&self->rollup, d8_rollup_free);
  if (unit_index < 0 && overview->units->len > D8_CHART_GROUP_ABOVE && D8_IS_STORE (store))
    {
      g_autoptr (GError) error = NULL;

      self->rollup = d8_store_compute_rollup (store, overview, &error);
      if (self->rollup == NULL)
        g_warning ("Parent groups: %s", error->message);
      else if (!d8_rollup_is_grouped (self->rollup))
        g_clear_pointer (&self->rollup, d8_rollup_free);
    }
  if (self->rollup == NULL || self->group >= (int) self->rollup->groups->len)
    self->group = -1;
  g_set_object (&self->store, store);
  d8_overview_ref (overview);
  g_clear_pointer (&self->overview, d8_overview_unref);
  self->overview = overview;
  self->unit_index = unit_index;
  self->updating = TRUE;
  if (!same_kinds)
    fill_kinds (self);
  fill_indicators (self);
  self->updating = FALSE;
  rebuild_model (self);
}

void
d8_charts_page_set_kind (D8ChartsPage *self, const char *kind)
{
  const D8ChartKindInfo *wanted = d8_chart_kind_lookup (kind), *k;

  for (guint i = 0; (k = d8_chart_kind_nth (scope_of (self), i)) != NULL; i++)
    if (k == wanted)
      gtk_drop_down_set_selected (self->kind_dropdown, i);
}

void
d8_charts_page_set_indicator (D8ChartsPage *self, int indicator_index)
{
  gtk_drop_down_set_selected (self->indicator_dropdown,
                              (guint) (current_kind (self)->indicator == D8_CHART_NEED_OPTIONAL
                                         ? indicator_index + 1 : indicator_index));
}

const D8ChartModel *
d8_charts_page_get_model (D8ChartsPage *self)
{
  g_return_val_if_fail (D8_IS_CHARTS_PAGE (self), NULL);
  return d8_chart_view_get_model (self->view);
}

GtkWidget *
d8_charts_page_get_view (D8ChartsPage *self)
{
  return GTK_WIDGET (self->view);
}

gboolean
d8_charts_page_export (D8ChartsPage *self, const char *path, double dpi, GError **error)
{
  const D8ChartModel *model = d8_charts_page_get_model (self);

  g_return_val_if_fail (model != NULL, FALSE);
  return d8_chart_render_to_file (model, NULL, path, D8_CHART_A4_LANDSCAPE_WIDTH,
                                  D8_CHART_A4_LANDSCAPE_HEIGHT, dpi, error);
}

/* Chart export: the one save dialog (d8_ui_save_dialog), then the chart as
 * PNG, SVG or PDF in the print style. */

static void
export_chosen_cb (const char *path, const char *dpi_choice, gpointer user_data)
{
  D8ChartsPage *self = D8_CHARTS_PAGE (user_data);
  double dpi = d8_ui_export_chart_dpi (dpi_choice);
  g_autoptr (GError) error = NULL;

  if (d8_charts_page_get_model (self) == NULL)
    return;
  d8_charts_page_export (self, path, dpi, &error);
  d8_ui_toast_export (GTK_WIDGET (self), D8_UI_EXPORT_CHART, path, error);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  D8ChartsPage *self = D8_CHARTS_PAGE (widget);
  const D8ChartModel *model = d8_charts_page_get_model (self);
  g_autofree char *title = NULL;

  if (model == NULL)
    return;
  title = d8_chart_model_title (model);
  d8_ui_export_chart_dialog (widget, title, self->settings, export_chosen_cb, g_object_ref (self),
                             g_object_unref);
}

static void
d8_charts_page_dispose (GObject *object)
{
  D8ChartsPage *self = D8_CHARTS_PAGE (object);

  g_clear_handle_id (&self->scrollbar_idle, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->overview, d8_overview_unref);
  g_clear_pointer (&self->rollup, d8_rollup_free);
  G_OBJECT_CLASS (d8_charts_page_parent_class)->dispose (object);
}

static void
d8_charts_page_class_init (D8ChartsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = d8_charts_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "charts.export", NULL,
                                   export_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "charts.back", NULL, back_action);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "charts.back", NULL);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Left, GDK_ALT_MASK,
                                       "charts.back", NULL);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_BackSpace, 0,
                                       "charts.back", NULL);
}

static void
d8_charts_page_init (D8ChartsPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *export_button = gtk_button_new_with_mnemonic (_("_Export…"));

  GtkWidget *back_button, *chart_box;

  self->unit_index = -1;
  self->indicator_index = -1;
  self->group = -1;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.back", FALSE);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);

  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_dropdown), _("Which chart to show"));
  self->indicator_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->indicator_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Indicator"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->indicator_dropdown),
                               _("Which indicator to show"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->indicator_dropdown), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->indicator_dropdown), GTK_ALIGN_START);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_changed_cb),
                            self);
  g_signal_connect_swapped (self->indicator_dropdown, "notify::selected",
                            G_CALLBACK (indicator_changed_cb), self);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (export_button), "charts.export");
  gtk_widget_set_tooltip_text (export_button, _("Save this chart as a PNG, SVG or PDF file"));
  gtk_widget_set_halign (export_button, GTK_ALIGN_END);

  self->order_button = gtk_toggle_button_new_with_mnemonic (_("_Most behind first"));
  gtk_widget_set_tooltip_text (self->order_button,
                               _("Put the units or groups furthest behind their quotas first"));
  g_signal_connect_swapped (self->order_button, "toggled", G_CALLBACK (order_toggled_cb), self);

  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->kind_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->indicator_dropdown));
  gtk_box_append (GTK_BOX (bar), self->order_button);
  gtk_box_append (GTK_BOX (bar), export_button);
  gtk_box_append (GTK_BOX (self->box), bar);

  /* In a drill-down: Back, and whose units these are. */
  self->group_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back_button), "charts.back");
  gtk_widget_set_tooltip_text (back_button, _("Back to all groups (Escape)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to all groups"), -1);
  self->group_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->group_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->group_label), 0);
  gtk_widget_add_css_class (self->group_label, "heading");
  gtk_box_append (GTK_BOX (self->group_bar), back_button);
  gtk_box_append (GTK_BOX (self->group_bar), self->group_label);
  gtk_widget_set_visible (self->group_bar, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->group_bar);

  /* The chart, and a scrollbar when its rows scroll. */
  chart_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (chart_box, "card");
  gtk_widget_set_overflow (chart_box, GTK_OVERFLOW_HIDDEN);
  self->view = D8_CHART_VIEW (d8_chart_view_new ());
  g_signal_connect_swapped (self->view, "row-activated", G_CALLBACK (row_activated_cb), self);
  self->scrollbar = gtk_scrollbar_new (GTK_ORIENTATION_VERTICAL,
                                       d8_chart_view_get_vadjustment (self->view));
  gtk_widget_set_visible (self->scrollbar, FALSE);
  g_signal_connect_object (d8_chart_view_get_vadjustment (self->view), "changed",
                           G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (chart_box), GTK_WIDGET (self->view));
  gtk_box_append (GTK_BOX (chart_box), self->scrollbar);
  gtk_box_append (GTK_BOX (self->box), chart_box);
}

GtkWidget *
d8_charts_page_new (GSettings *settings)
{
  D8ChartsPage *self = g_object_new (D8_TYPE_CHARTS_PAGE, NULL);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      /* Read now (the toggle rebuilds nothing yet: no overview), written
       * whenever it is toggled. */
      g_settings_bind (settings, "charts-most-behind-first", self->order_button, "active",
                       G_SETTINGS_BIND_DEFAULT);
    }
  return GTK_WIDGET (self);
}
