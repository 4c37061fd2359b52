/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-charts-page.c — the charts of the province or of one unit.
 *
 * A row of choices (which chart; which indicator for the indicator chart
 * and timelines) above one D8ChartView. The chart model is filled again
 * from the window's overview whenever the subject, the choice or the data
 * change. Choices are remembered in GSettings ("province-chart",
 * "unit-chart").
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-chart-export.h"
#include "d8-chart-kind.h"
#include "d8-chart-view.h"
#include "d8-charts-page.h"
#include "d8-ui-util.h"

struct _D8ChartsPage
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkDropDown *kind_dropdown;
  GtkDropDown *indicator_dropdown;
  D8ChartView *view;

  GSettings *settings;
  D8Store *store;
  D8Overview *overview; /* a reference of its own */
  int unit_index;
  int indicator_index;  /* -1: all */
  gboolean updating;
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

static void
rebuild_model (D8ChartsPage *self)
{
  const D8ChartKindInfo *kind;
  g_autoptr (GError) error = NULL;
  D8ChartModel *model;
  int indicator_index;

  if (self->overview == NULL)
    {
      show_model (self, NULL);
      return;
    }
  kind = current_kind (self);
  gtk_widget_set_visible (GTK_WIDGET (self->indicator_dropdown),
                          kind->indicator != D8_CHART_NEED_NONE);
  indicator_index = self->indicator_index;
  if (kind->indicator == D8_CHART_NEED_ONE && indicator_index < 0)
    indicator_index = first_allocated_indicator (self->overview);
  model = d8_chart_kind_new_model (kind, self->store, self->overview, self->unit_index,
                                   indicator_index, &error);
  if (model == NULL && error != NULL)
    g_warning ("Daily sums: %s", error->message);
  show_model (self, model);
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
  double dpi = dpi_choice ? g_ascii_strtod (dpi_choice, NULL) : 150;
  g_autoptr (GError) error = NULL;

  if (d8_charts_page_get_model (self) == NULL)
    return;
  if (!d8_charts_page_export (self, path, dpi, &error))
    d8_ui_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      /* Translators: a notification; %s is the file name */
      g_autofree char *text = g_strdup_printf (_("Chart saved as “%s”"), base);
      d8_ui_add_toast (GTK_WIDGET (self), adw_toast_new (text));
    }
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  D8ChartsPage *self = D8_CHARTS_PAGE (widget);
  const D8ChartModel *model = d8_charts_page_get_model (self);
  const char *const dpi_ids[] = { "96", "150", "300", NULL };
  const char *dpi_labels[] = { N_("96 dpi (screen)"), N_("150 dpi"), N_("300 dpi (print)"), NULL };
  const D8SaveFilter filters[] = {
    { _("PNG image"), "image/png", NULL, ".png" },
    { _("SVG drawing"), "image/svg+xml", NULL, ".svg" },
    { _("PDF document"), "application/pdf", NULL, ".pdf" },
  };
  const char *translated[G_N_ELEMENTS (dpi_labels)];
  D8SaveChoice dpi = { "dpi", _("PNG resolution"), dpi_ids, translated, "150" };
  g_autofree char *title = NULL, *name = NULL;
  D8SaveOptions options = { 0 };

  if (model == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (dpi_labels); i++)
    translated[i] = dpi_labels[i] ? _(dpi_labels[i]) : NULL;
  title = d8_chart_model_title (model);
  name = g_strdup_printf ("%s.png", title);
  options.title = _("Export Chart");
  options.current_name = name;
  options.filters = filters;
  options.n_filters = G_N_ELEMENTS (filters);
  /* The chosen format decides the type and the suffix. */
  options.require_extension = TRUE;
  options.choice = &dpi;
  options.settings = self->settings;
  options.folder_key = "last-export-folder";
  d8_ui_save_dialog (GTK_WINDOW (gtk_widget_get_root (widget)), &options, export_chosen_cb,
                     g_object_ref (self), g_object_unref);
}

static void
d8_charts_page_dispose (GObject *object)
{
  D8ChartsPage *self = D8_CHARTS_PAGE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->overview, d8_overview_unref);
  G_OBJECT_CLASS (d8_charts_page_parent_class)->dispose (object);
}

static void
d8_charts_page_class_init (D8ChartsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = d8_charts_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "charts.export", NULL,
                                   export_action);
}

static void
d8_charts_page_init (D8ChartsPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *export_button = gtk_button_new_with_mnemonic (_("_Export…"));

  self->unit_index = -1;
  self->indicator_index = -1;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export", FALSE);
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

  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->kind_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->indicator_dropdown));
  gtk_box_append (GTK_BOX (bar), export_button);
  gtk_box_append (GTK_BOX (self->box), bar);

  self->view = D8_CHART_VIEW (d8_chart_view_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "card");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->view));
}

GtkWidget *
d8_charts_page_new (GSettings *settings)
{
  D8ChartsPage *self = g_object_new (D8_TYPE_CHARTS_PAGE, NULL);

  if (settings != NULL)
    self->settings = g_object_ref (settings);
  return GTK_WIDGET (self);
}
