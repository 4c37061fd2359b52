/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-view.c — one chart of the chart layer in a widget.
 *
 * The layout is kept between frames and computed again only when the size,
 * the model or the style changes. Colours come from the widget's style
 * (its text colour, window_bg_color and accent_bg_color), so the chart
 * follows light, dark and high-contrast; printing and export use the print
 * style instead (d8-print.c, d8-window.c).
 */
#include "config.h"

#include <adwaita.h>

#include "d8-chart-layout.h"
#include "d8-chart-paint.h"
#include "d8-chart-style.h"
#include "d8-chart-view.h"

struct _D8ChartView
{
  GtkWidget parent_instance;

  D8ChartModel *model;
  D8ChartLayout *layout;
  D8ChartStyle style;
  gboolean style_valid;
};

G_DEFINE_FINAL_TYPE (D8ChartView, d8_chart_view, GTK_TYPE_WIDGET)

static D8ChartColor
to_chart_color (const GdkRGBA *rgba)
{
  D8ChartColor c = { rgba->red, rgba->green, rgba->blue, rgba->alpha };
  return c;
}

static void
update_style (D8ChartView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg, bg, accent;
  D8ChartColor f, b, a;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "window_bg_color", &bg))
    gdk_rgba_parse (&bg, "white");
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");
  G_GNUC_END_IGNORE_DEPRECATIONS
  f = to_chart_color (&fg);
  b = to_chart_color (&bg);
  a = to_chart_color (&accent);
  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    {
      self->style = d8_chart_style_high_contrast ();
      self->style.foreground = f;
      self->style.background = b;
    }
  else
    self->style = d8_chart_style_from_colors (&f, &b, &a);
  self->style_valid = TRUE;
}

static void
invalidate (D8ChartView *self, gboolean style_too)
{
  g_clear_pointer (&self->layout, d8_chart_layout_free);
  if (style_too)
    self->style_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ensure_layout (D8ChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!self->style_valid)
    {
      update_style (self);
      g_clear_pointer (&self->layout, d8_chart_layout_free);
    }
  if (self->layout != NULL
      && (self->layout->width != width || self->layout->height != height))
    g_clear_pointer (&self->layout, d8_chart_layout_free);
  if (self->layout == NULL && self->model != NULL && width > 0 && height > 0)
    self->layout = d8_chart_layout_new (self->model, &self->style, width, height);
}

static void
d8_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  D8ChartView *self = D8_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  ensure_layout (self);
  if (self->layout == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  d8_chart_paint (self->layout, &self->style, cr);
  cairo_destroy (cr);
}

static void
d8_chart_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  D8ChartView *self = D8_CHART_VIEW (widget);

  if (self->layout != NULL && (self->layout->width != width || self->layout->height != height))
    g_clear_pointer (&self->layout, d8_chart_layout_free);
}

static void
d8_chart_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                       int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 260;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 560;
}

static void
d8_chart_view_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (d8_chart_view_parent_class)->css_changed (widget, change);
  invalidate (D8_CHART_VIEW (widget), TRUE);
}

char *
d8_chart_view_describe_at (D8ChartView *self, double x, double y)
{
  D8ChartHit hit;

  g_return_val_if_fail (D8_IS_CHART_VIEW (self), NULL);
  ensure_layout (self);
  if (self->layout == NULL || !d8_chart_layout_hit_test (self->layout, x, y, &hit))
    return NULL;
  return d8_chart_model_describe_item (self->model, hit.row, hit.column);
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer user_data)
{
  g_autofree char *text = d8_chart_view_describe_at (D8_CHART_VIEW (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
style_manager_changed_cb (D8ChartView *self)
{
  invalidate (self, TRUE);
}

static void
d8_chart_view_dispose (GObject *object)
{
  D8ChartView *self = D8_CHART_VIEW (object);

  g_clear_pointer (&self->layout, d8_chart_layout_free);
  g_clear_pointer (&self->model, d8_chart_model_free);
  G_OBJECT_CLASS (d8_chart_view_parent_class)->dispose (object);
}

static void
d8_chart_view_class_init (D8ChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_chart_view_dispose;
  widget_class->snapshot = d8_chart_view_snapshot;
  widget_class->size_allocate = d8_chart_view_size_allocate;
  widget_class->measure = d8_chart_view_measure;
  widget_class->css_changed = d8_chart_view_css_changed;
  gtk_widget_class_set_css_name (widget_class, "d8-chart-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
d8_chart_view_init (D8ChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_manager_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast",
                           G_CALLBACK (style_manager_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
d8_chart_view_new (void)
{
  return g_object_new (D8_TYPE_CHART_VIEW, NULL);
}

void
d8_chart_view_set_model (D8ChartView *self, D8ChartModel *model)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (D8_IS_CHART_VIEW (self));

  g_clear_pointer (&self->model, d8_chart_model_free);
  self->model = model;
  if (model != NULL)
    {
      title = d8_chart_model_title (model);
      description = d8_chart_model_describe (model);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  invalidate (self, FALSE);
}

const D8ChartModel *
d8_chart_view_get_model (D8ChartView *self)
{
  g_return_val_if_fail (D8_IS_CHART_VIEW (self), NULL);
  return self->model;
}
