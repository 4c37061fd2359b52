/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-rates-bar.c — two bars: received and on time, as shares of the
 * reports expected (see d8-rates-bar.h).
 *
 * No chart kind of src/charts fits (they draw an overview of quotas), so
 * the bars are drawn here with cairo in snapshot, taking their colours from
 * the style (accent and success, as the status roles of progress and done)
 * so they follow light, dark and high contrast. The words under the bars
 * are in the tooltip and the accessible description: a bar is never read
 * by its colour alone. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-format.h"
#include "d8-rates-bar.h"

struct _D8RatesBar
{
  GtkWidget parent_instance;

  guint expected;
  guint received;
  guint on_time;
};

G_DEFINE_FINAL_TYPE (D8RatesBar, d8_rates_bar, GTK_TYPE_WIDGET)

#define BAR_HEIGHT 12
#define BAR_GAP 8

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color,
              const char *fallback)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
append_bar (GtkSnapshot   *snapshot,
            float          y,
            float          width,
            double         share,
            const GdkRGBA *fill,
            const GdkRGBA *trough)
{
  GskRoundedRect outline;
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, y, width, BAR_HEIGHT);
  graphene_rect_t part = GRAPHENE_RECT_INIT (0, y, (float) (width * CLAMP (share, 0.0, 1.0)),
                                             BAR_HEIGHT);

  gsk_rounded_rect_init_from_rect (&outline, &all, BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, trough, &all);
  if (part.size.width > 0)
    gtk_snapshot_append_color (snapshot, fill, &part);
  gtk_snapshot_pop (snapshot);
}

static void
d8_rates_bar_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  D8RatesBar *self = D8_RATES_BAR (widget);
  float width = gtk_widget_get_width (widget);
  GdkRGBA accent, success, fg, trough;

  lookup_color (widget, "accent_bg_color", &accent, "#3584e4");
  lookup_color (widget, "success_color", &success, "#26a269");
  lookup_color (widget, "window_fg_color", &fg, "#000000");
  trough = fg;
  trough.alpha = 0.12f;

  append_bar (snapshot, 0, width, self->expected ? (double) self->received / self->expected : 0,
              &accent, &trough);
  append_bar (snapshot, BAR_HEIGHT + BAR_GAP, width,
              self->expected ? (double) self->on_time / self->expected : 0, &success, &trough);
}

static void
d8_rates_bar_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 80;
      *natural = 240;
    }
  else
    *minimum = *natural = 2 * BAR_HEIGHT + BAR_GAP;
}

void
d8_rates_bar_set_counts (D8RatesBar *self,
                         guint       expected,
                         guint       received,
                         guint       on_time)
{
  g_autofree char *received_s = NULL;
  g_autofree char *on_time_s = NULL;
  g_autofree char *expected_s = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (D8_IS_RATES_BAR (self));

  self->expected = expected;
  self->received = MIN (received, expected);
  self->on_time = MIN (on_time, self->received);

  received_s = d8_format_count (self->received);
  on_time_s = d8_format_count (self->on_time);
  expected_s = d8_format_count (self->expected);
  /* Translators: tooltip of the rates chart, e.g. "Received 12 of 15 reports; 9 on time" */
  text = g_strdup_printf (_("Received %s of %s reports; %s on time"), received_s, expected_s,
                          on_time_s);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
d8_rates_bar_class_init (D8RatesBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = d8_rates_bar_snapshot;
  widget_class->measure = d8_rates_bar_measure;
  gtk_widget_class_set_css_name (widget_class, "d8-rates-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
d8_rates_bar_init (D8RatesBar *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Completeness and timeliness"), -1);
}

GtkWidget *
d8_rates_bar_new (void)
{
  return g_object_new (D8_TYPE_RATES_BAR, NULL);
}
