/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-view.c — one chart of the chart layer in a widget.
 *
 * When the rows of a matrix or bar chart do not fit at a size easy to read,
 * the layout grows taller (d8_chart_layout_new_scrolling) and the view
 * scrolls its rows under a fixed header (titles, column headings) and
 * footer (totals, axis, key, legend), with the mouse wheel, the keyboard
 * and the adjustment a scrollbar beside it shares. Rows can be chosen with
 * the arrow keys and, when the page asks for it, opened with Enter or a
 * click (the window's drill-down from a parent group into its units).
 *
 * The layout is kept between frames and computed again only when the size,
 * the model or the style changes. Colours come from the widget's style
 * (its text colour, window_bg_color and accent_bg_color), so the chart
 * follows light, dark and high-contrast; printing and export use the print
 * style instead (d8-print.c, d8-window.c).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

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

  int layout_height;          /* the widget's height the layout was made for */
  GtkAdjustment *vadjustment; /* the rows' scroll offset, in layout units */
  gboolean configuring;       /* setting the adjustment from a new layout */
  int focus_row;              /* the chosen row, -1 none */
  gboolean activatable;       /* rows open with Enter or a click */
  char *hint;                 /* said after the description when activatable */
};

enum
{
  SIGNAL_ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  /* laid out again in size_allocate, where the adjustment may change */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The rows a chart has that can be chosen: units (matrix, indicator chart)
 * or indicators (unit chart); none for a timeline. */
static guint
n_rows (D8ChartView *self)
{
  if (self->model == NULL || self->layout == NULL || self->layout->row_pitch <= 0)
    return 0;
  return self->model->rows->len;
}

static void
configure_adjustment (D8ChartView *self, double height)
{
  double upper = self->layout != NULL ? self->layout->height : height;
  double step = self->layout != NULL && self->layout->row_pitch > 0 ? self->layout->row_pitch
                                                                     : 20;
  double body = self->layout != NULL ? height - self->layout->scroll_top
                                           - (self->layout->height - self->layout->scroll_bottom)
                                     : height;

  self->configuring = TRUE;
  gtk_adjustment_configure (self->vadjustment,
                            MIN (gtk_adjustment_get_value (self->vadjustment),
                                 MAX (upper - height, 0)),
                            0, MAX (upper, height), step, MAX (body - step, step), height);
  self->configuring = FALSE;
}

/* Makes the layout if there is none for the current size. With
 * @configure, also sets the adjustment to it; not while painting, when
 * the scrollbar beside may not change (size_allocate and the handlers of
 * input do it). */
static void
ensure_layout_full (D8ChartView *self, gboolean configure)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!self->style_valid)
    {
      update_style (self);
      g_clear_pointer (&self->layout, d8_chart_layout_free);
    }
  if (self->layout != NULL && (self->layout->width != width || self->layout_height != height))
    g_clear_pointer (&self->layout, d8_chart_layout_free);
  if (self->layout == NULL && self->model != NULL && width > 0 && height > 0)
    {
      self->layout = d8_chart_layout_new_scrolling (self->model, &self->style, width, height);
      self->layout_height = height;
      if (configure)
        configure_adjustment (self, height);
    }
}

static void
ensure_layout (D8ChartView *self)
{
  ensure_layout_full (self, TRUE);
}

/* How far the rows are scrolled, in whole pixels (as they are drawn). */
static double
scroll_offset (D8ChartView *self, double height)
{
  return round (CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                       MAX (self->layout->height - height, 0)));
}

/* The layout's y of a point of the widget: rows scroll, header and footer
 * stay, with the edges d8_chart_view_snapshot() draws them at. */
static double
layout_y (D8ChartView *self, double y)
{
  const D8ChartLayout *L = self->layout;
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double footer_h = round (L->height - L->scroll_bottom);

  if (L->height <= height + 0.5 || L->scroll_bottom <= L->scroll_top || y < round (L->scroll_top))
    return y;
  if (y >= height - footer_h)
    return y + (L->height - height);
  return y + scroll_offset (self, height);
}

/* The row under a point of the widget, or -1. */
static int
row_at (D8ChartView *self, double y)
{
  double ly;

  ensure_layout (self);
  if (n_rows (self) == 0)
    return -1;
  ly = layout_y (self, y);
  if (ly < self->layout->scroll_top || ly >= self->layout->scroll_bottom)
    return -1;
  return MIN ((int) ((ly - self->layout->scroll_top) / self->layout->row_pitch),
              (int) n_rows (self) - 1);
}

/* One band of the layout, from layout y @from, into the widget's rows
 * @y … @y + @height: a cairo node of its own, so each paints only its
 * part (and GTK's GL renderer shows each whole). */
static void
snapshot_band (D8ChartView *self, GtkSnapshot *snapshot, double y, double height, double from)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  cairo_t *cr;

  if (height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, y, width, height));
  d8_chart_paint_band (self->layout, &self->style, cr, y, height, from);
  cairo_destroy (cr);
}

static void
d8_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  D8ChartView *self = D8_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const D8ChartLayout *L;
  double offset = 0, footer_h = 0, body_h = height;
  gboolean scrolls;
  cairo_t *cr;

  ensure_layout_full (self, FALSE);
  if (self->layout == NULL)
    return;
  L = self->layout;
  /* Rows that do not fit scroll between the header and the footer, which
   * stay (as d8_chart_paint_window paints them). */
  scrolls = L->height > height + 0.5 && L->scroll_bottom > L->scroll_top;
  if (scrolls)
    {
      /* The bands' edges and the scroll offset on whole pixels: a cairo
       * node at a fractional y is drawn as a texture between pixel rows,
       * which can blur or cut the line of text at its edge, and text
       * scrolled by a fraction of a pixel is drawn between rows too. */
      double top = round (L->scroll_top);

      footer_h = round (L->height - L->scroll_bottom);
      body_h = MAX (height - top - footer_h, 0);
      offset = scroll_offset (self, height);
      snapshot_band (self, snapshot, top, body_h, top + offset);
      snapshot_band (self, snapshot, 0, top, 0);
      snapshot_band (self, snapshot, height - footer_h, footer_h, L->height - footer_h);
    }
  else
    snapshot_band (self, snapshot, 0, height, 0);

  /* The chosen row, outlined in the accent colour while the chart has focus. */
  if (self->focus_row >= 0 && (guint) self->focus_row < n_rows (self)
      && gtk_widget_has_focus (widget))
    {
      double y = L->scroll_top + self->focus_row * L->row_pitch - offset;
      double inset = L->plot.x > 4 ? 4 : 1;
      double top = scrolls ? round (L->scroll_top) : 0;

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, top, width, body_h));
      cairo_rectangle (cr, 0, top, width, body_h);
      cairo_clip (cr);
      cairo_set_source_rgba (cr, self->style.accent.red, self->style.accent.green,
                             self->style.accent.blue, 1);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, inset, y + 1, width - 2 * inset, L->row_pitch - 2);
      cairo_stroke (cr);
      cairo_destroy (cr);
    }
}

static void
d8_chart_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  D8ChartView *self = D8_CHART_VIEW (widget);

  if (self->layout != NULL && (self->layout->width != width || self->layout_height != height))
    g_clear_pointer (&self->layout, d8_chart_layout_free);
  ensure_layout (self);
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
  if (self->layout == NULL || !d8_chart_layout_hit_test (self->layout, x, layout_y (self, y), &hit))
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

/* The description in words (d8_chart_model_describe), then, where rows
 * open, how to open them and which row is chosen. */
static void
update_accessible (D8ChartView *self)
{
  g_autofree char *title = NULL, *description = NULL;
  GString *text;

  if (self->model == NULL)
    return;
  title = d8_chart_model_title (self->model);
  description = d8_chart_model_describe (self->model);
  text = g_string_new (description);
  if (self->activatable && self->hint != NULL)
    g_string_append_printf (text, "\n%s", self->hint);
  if (self->focus_row >= 0 && (guint) self->focus_row < self->model->rows->len)
    {
      const D8ChartLabel *row = &g_array_index (self->model->rows, D8ChartLabel, self->focus_row);

      /* Translators: the accessible description of a chart says which row
       * the arrow keys chose, e.g. "Chosen: Chư Sê (9 units)" */
      g_string_append_c (text, '\n');
      if (row->detail != NULL && row->detail[0] != '\0')
        g_string_append_printf (text, _("Chosen: %s (%s)"), row->name, row->detail);
      else
        g_string_append_printf (text, _("Chosen: %s"), row->name);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
  g_string_free (text, TRUE);
}

/* Scrolls so that @row is whole between the fixed header and footer. */
static void
scroll_to_row (D8ChartView *self, int row)
{
  const D8ChartLayout *L = self->layout;
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double body, top, value;

  if (L == NULL || L->height <= height + 0.5 || L->row_pitch <= 0)
    return;
  body = height - L->scroll_top - (L->height - L->scroll_bottom);
  top = row * L->row_pitch;
  value = gtk_adjustment_get_value (self->vadjustment);
  if (top < value)
    value = top;
  else if (top + L->row_pitch > value + body)
    value = top + L->row_pitch - body;
  gtk_adjustment_set_value (self->vadjustment, value);
}

void
d8_chart_view_set_focus_row (D8ChartView *self, int row)
{
  g_return_if_fail (D8_IS_CHART_VIEW (self));

  ensure_layout (self);
  if (n_rows (self) == 0)
    row = -1;
  else
    row = CLAMP (row, 0, (int) n_rows (self) - 1);
  if (row == self->focus_row)
    return;
  self->focus_row = row;
  if (row >= 0)
    scroll_to_row (self, row);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
d8_chart_view_get_focus_row (D8ChartView *self)
{
  g_return_val_if_fail (D8_IS_CHART_VIEW (self), -1);
  return self->focus_row;
}

void
d8_chart_view_activate_row (D8ChartView *self, int row)
{
  g_return_if_fail (D8_IS_CHART_VIEW (self));

  if (!self->activatable || self->model == NULL || row < 0
      || (guint) row >= self->model->rows->len)
    return;
  g_signal_emit (self, signals[SIGNAL_ROW_ACTIVATED], 0, row);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, D8ChartView *self)
{
  int n = (int) n_rows (self), row = self->focus_row;
  int page = 1;

  if (self->layout != NULL && self->layout->row_pitch > 0)
    page = MAX ((int) ((gtk_widget_get_height (GTK_WIDGET (self)) - self->layout->scroll_top
                        - (self->layout->height - self->layout->scroll_bottom))
                       / self->layout->row_pitch) - 1,
                1);
  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      row = row < 0 ? 0 : row + 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      row = row < 0 ? 0 : row - 1;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      row = MAX (row, 0) + page;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      row = MAX (row, 0) - page;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      row = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      row = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (!self->activatable || row < 0)
        return FALSE;
      d8_chart_view_activate_row (self, row);
      return TRUE;
    default:
      return FALSE;
    }
  d8_chart_view_set_focus_row (self, CLAMP (row, 0, n - 1));
  return TRUE;
}

static void
click_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, D8ChartView *self)
{
  int row = row_at (self, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (row < 0)
    return;
  d8_chart_view_set_focus_row (self, row);
  d8_chart_view_activate_row (self, row);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller, double dx, double dy, D8ChartView *self)
{
  double step = self->layout != NULL && self->layout->row_pitch > 0 ? self->layout->row_pitch : 20;

  if (gtk_adjustment_get_upper (self->vadjustment) - gtk_adjustment_get_page_size (self->vadjustment)
      <= 0)
    return FALSE;
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    dy *= step * 3;
  gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy);
  return TRUE;
}

static void
adjustment_changed_cb (D8ChartView *self)
{
  if (!self->configuring)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_changed_cb (D8ChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  g_clear_pointer (&self->hint, g_free);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
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

  /**
   * D8ChartView::row-activated:
   * @row: the row of the model (model->rows), as drawn top to bottom
   *
   * A row was opened with Enter, Space or a click, when the view's rows
   * are activatable (d8_chart_view_set_activatable).
   */
  signals[SIGNAL_ROW_ACTIVATED] = g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
d8_chart_view_init (D8ChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *scroll
      = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->focus_row = -1;
  self->vadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, 1, 1, 1));
  g_signal_connect_swapped (self->vadjustment, "value-changed",
                            G_CALLBACK (adjustment_changed_cb), self);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

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
  g_return_if_fail (D8_IS_CHART_VIEW (self));

  g_clear_pointer (&self->model, d8_chart_model_free);
  self->model = model;
  self->focus_row = -1;
  self->configuring = TRUE;
  gtk_adjustment_set_value (self->vadjustment, 0);
  self->configuring = FALSE;
  update_accessible (self);
  invalidate (self, FALSE);
}

void
d8_chart_view_set_activatable (D8ChartView *self, gboolean activatable, const char *hint)
{
  g_return_if_fail (D8_IS_CHART_VIEW (self));

  self->activatable = activatable;
  g_free (self->hint);
  self->hint = g_strdup (hint);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), activatable ? "pointer" : NULL);
  update_accessible (self);
}

GtkAdjustment *
d8_chart_view_get_vadjustment (D8ChartView *self)
{
  g_return_val_if_fail (D8_IS_CHART_VIEW (self), NULL);
  return self->vadjustment;
}

const D8ChartModel *
d8_chart_view_get_model (D8ChartView *self)
{
  g_return_val_if_fail (D8_IS_CHART_VIEW (self), NULL);
  return self->model;
}
