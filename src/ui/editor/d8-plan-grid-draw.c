/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-grid-draw.c — the appendix grid's snapshot (see d8-plan-grid.h):
 * only the rows and columns on screen are drawn, with one PangoLayout
 * reused for every text; colours come from the style (libadwaita's named
 * colours), so light, dark and high contrast follow. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-plan-grid-private.h"


typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA line;
  GdkRGBA head;
  GdkRGBA accent;
  GdkRGBA accent_fill;
  GdkRGBA select;
  GdkRGBA error;
  GdkRGBA success;
  GdkRGBA warning;
} Colours;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_colour (GtkStyleContext *context,
               const char      *name,
               const GdkRGBA   *fallback,
               GdkRGBA         *out)
{
  if (!gtk_style_context_lookup_color (context, name, out))
    *out = *fallback;
}

static void
get_colours (D8PlanGrid *self,
             Colours    *c)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  const GdkRGBA blue = { 0.21f, 0.52f, 0.89f, 1.0f };
  const GdkRGBA red = { 0.75f, 0.11f, 0.16f, 1.0f };
  const GdkRGBA green = { 0.15f, 0.64f, 0.41f, 1.0f };
  const GdkRGBA orange = { 0.61f, 0.42f, 0.0f, 1.0f };

  gtk_style_context_get_color (context, &c->fg);
  lookup_colour (context, "accent_color", &blue, &c->accent);
  lookup_colour (context, "error_color", &red, &c->error);
  lookup_colour (context, "success_color", &green, &c->success);
  lookup_colour (context, "warning_color", &orange, &c->warning);
  c->dim = c->fg;
  c->dim.alpha = 0.55f;
  c->line = c->fg;
  c->line.alpha = 0.12f;
  c->head = c->fg;
  c->head.alpha = 0.05f;
  c->accent_fill = c->accent;
  c->accent_fill.alpha = 0.22f;
  c->select = c->accent;
  c->select.alpha = 0.10f;
}
G_GNUC_END_IGNORE_DEPRECATIONS

/* Draws @text in a cell's box, right-aligned when @numeric. */
static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           const char    *text,
           int            x,
           int            y,
           int            width,
           int            height,
           gboolean       numeric,
           const GdkRGBA *colour)
{
  int tw = 0, th = 0;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (width - 2 * PAD) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &tw, &th);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (numeric ? x + width - PAD - tw : x + PAD,
                                                y + (height - th) / 2));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

/* Draws @text centred in a box, wrapped on up to two lines. */
static void
draw_wrapped (GtkSnapshot   *snapshot,
              PangoLayout   *layout,
              const char    *text,
              int            x,
              int            y,
              int            width,
              int            height,
              const GdkRGBA *colour)
{
  pango_layout_set_height (layout, -2);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  draw_text (snapshot, layout, text, x, y, width, height, FALSE, colour);
  pango_layout_set_height (layout, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
}

static void
hline (GtkSnapshot   *snapshot,
       int            x,
       int            y,
       int            width,
       const GdkRGBA *colour)
{
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x, y, width, 1));
}

static void
vline (GtkSnapshot   *snapshot,
       int            x,
       int            y,
       int            height,
       const GdkRGBA *colour)
{
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x, y, 1, height));
}

/* The check of one indicator's allocation, in the core's words
 * (d8_plan_edit_describe_allocation) and a colour: "✓" when it adds up. */
static char *
check_text (D8PlanGrid     *self,
            guint           col,
            const Colours  *c,
            const GdkRGBA **colour)
{
  char *words;

  *colour = &c->dim;
  if (!d8_plan_edit_get_allocation (self->edit, col, NULL, NULL, NULL))
    return g_strdup ("");
  words = d8_plan_edit_describe_allocation (self->edit, col);
  if (words == NULL)
    {
      *colour = &c->success;
      return g_strdup ("✓");
    }
  *colour = &c->error;
  return words;
}

static void
draw_cell_value (D8PlanGrid    *self,
                 GtkSnapshot   *snapshot,
                 PangoLayout   *layout,
                 guint          row,
                 guint          col,
                 int            x,
                 int            y,
                 const Colours *c)
{
  gboolean cursor = row == self->cur_row && col == self->cur_col;
  gboolean focus = gtk_widget_has_focus (GTK_WIDGET (self));
  guint r0, r1, c0, c1;

  selection_rect (self, &r0, &r1, &c0, &c1);
  if (row >= r0 && row <= r1 && col >= c0 && col <= c1 && !(r0 == r1 && c0 == c1))
    gtk_snapshot_append_color (snapshot, &c->select,
                               &GRAPHENE_RECT_INIT (x, y, self->cell_width, self->row_height));
  if (cursor)
    {
      GskRoundedRect outline;
      const GdkRGBA *ring = self->message != NULL && self->typed != NULL ? &c->error : &c->accent;
      GdkRGBA colours[4] = { *ring, *ring, *ring, *ring };
      float widths[4] = { 2, 2, 2, 2 };

      if (focus)
        gtk_snapshot_append_color (snapshot, &c->accent_fill,
                                   &GRAPHENE_RECT_INIT (x, y, self->cell_width, self->row_height));
      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (x + 1, y + 1, self->cell_width - 2,
                                                            self->row_height - 2),
                                       0);
      gtk_snapshot_append_border (snapshot, &outline, widths, colours);
    }
  if (cursor && self->typed != NULL)
    {
      g_autofree char *shown = g_strconcat (self->typed->str, "▏", NULL);
      draw_text (snapshot, layout, shown, x, y, self->cell_width, self->row_height, TRUE, &c->fg);
    }
  else
    {
      gint64 value = 0;
      gboolean has = row < n_units (self) ? d8_plan_edit_get_cell (self->edit, row, col, &value)
                                          : d8_plan_edit_get_stated (self->edit, col, &value);
      g_autofree char *text = quota_text (has, value);

      draw_text (snapshot, layout, text, x, y, self->cell_width, self->row_height, TRUE,
                 has ? &c->fg : &c->dim);
    }
}

void
_d8_plan_grid_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  D8PlanGrid *self = D8_PLAN_GRID (widget);
  gint64 start = g_get_monotonic_time ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int rh = self->row_height;
  int hx = (int) adj_value (self->hadjustment);
  int vy = (int) adj_value (self->vadjustment);
  int top = body_top (self);
  int bottom = height - footer_height (self);
  guint units = n_units (self);
  guint cols = n_indicators (self);
  guint first, last, first_col, last_col;
  g_autoptr (PangoLayout) layout = NULL;
  Colours c;

  if (self->edit == NULL || cols == 0)
    return;
  get_colours (self, &c);
  layout = gtk_widget_create_pango_layout (widget, NULL);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  first = (guint) (vy / rh);
  last = MIN (units, (guint) ((vy + MAX (0, bottom - top)) / rh + 1));
  first_col = (guint) (hx / self->cell_width);
  last_col = MIN (cols, (guint) ((hx + width - self->name_width) / self->cell_width + 1));

  /* figures of the units: clipped to the scrolling body */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->name_width, top,
                                                         width - self->name_width, bottom - top));
  for (guint r = first; r < last; r++)
    {
      int y = top + (int) r * rh - vy;
      g_autofree char *sum = NULL;

      for (guint col = first_col; col < last_col; col++)
        draw_cell_value (self, snapshot, layout, r, col,
                         self->name_width + (int) col * self->cell_width - hx, y, &c);
      sum = d8_format_count (d8_plan_edit_get_row_sum (self->edit, r));
      gtk_snapshot_append_color (snapshot, &c.head,
                                 &GRAPHENE_RECT_INIT (self->name_width + (int) cols * self->cell_width
                                                        - hx, y, self->sum_width, rh));
      draw_text (snapshot, layout, sum, self->name_width + (int) cols * self->cell_width - hx, y,
                 self->sum_width, rh, TRUE, &c.dim);
      hline (snapshot, self->name_width, y + rh - 1, width - self->name_width, &c.line);
    }
  /* column lines down to the last unit, not into the empty space below */
  for (guint col = first_col; col <= last_col && col <= cols; col++)
    vline (snapshot, self->name_width + (int) col * self->cell_width - hx, top,
           MIN (bottom, top + (int) units * rh - vy) - top, &c.line);
  gtk_snapshot_pop (snapshot);

  /* unit names, left, scrolling with the rows only */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, top, self->name_width, bottom - top));
  gtk_snapshot_append_color (snapshot, &c.head,
                             &GRAPHENE_RECT_INIT (0, top, self->name_width, bottom - top));
  for (guint r = first; r < last; r++)
    {
      int y = top + (int) r * rh - vy;
      const D8Unit *unit = d8_plan_edit_get_unit (self->edit, r);
      g_autofree char *name = g_strdup_printf ("%u. %s", r + 1, unit->name);

      if (r == self->cur_row)
        gtk_snapshot_append_color (snapshot, &c.select,
                                   &GRAPHENE_RECT_INIT (0, y, self->name_width, rh));
      draw_text (snapshot, layout, name, 0, y, self->name_width, rh, FALSE,
                 unit->valid_to != NULL ? &c.dim : &c.fg);
      hline (snapshot, 0, y + rh - 1, self->name_width, &c.line);
    }
  gtk_snapshot_pop (snapshot);

  /* indicator heads, top, scrolling with the columns only */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->name_width, 0,
                                                         width - self->name_width, top));
  gtk_snapshot_append_color (snapshot, &c.head, &GRAPHENE_RECT_INIT (0, 0, width, top));
  for (guint col = first_col; col < last_col; col++)
    {
      const D8Indicator *indicator = d8_plan_edit_get_indicator (self->edit, col);
      int x = self->name_width + (int) col * self->cell_width - hx;

      draw_text (snapshot, layout, indicator->code, x, PAD, self->cell_width, rh - PAD, TRUE,
                 col == self->cur_col ? &c.accent : &c.fg);
      draw_text (snapshot, layout, indicator->count_unit ? indicator->count_unit : "", x,
                 rh - PAD, self->cell_width, rh, TRUE, &c.dim);
      vline (snapshot, x, 0, top, &c.line);
    }
  draw_text (snapshot, layout, _("Sum"), self->name_width + (int) cols * self->cell_width - hx,
             PAD, self->sum_width, rh - PAD, TRUE, &c.fg);
  gtk_snapshot_pop (snapshot);
  draw_text (snapshot, layout, _("Unit"), 0, rh / 2, self->name_width, rh, FALSE, &c.dim);
  hline (snapshot, 0, top - 1, width, &c.line);

  /* the footer: stated totals (editable), sums of the units, the check */
  gtk_snapshot_append_color (snapshot, &c.head,
                             &GRAPHENE_RECT_INIT (0, bottom, width, height - bottom));
  hline (snapshot, 0, bottom, width, &c.dim);
  draw_text (snapshot, layout, _("Stated total"), 0, bottom, self->name_width, rh, FALSE, &c.fg);
  draw_text (snapshot, layout, _("Sum of the units"), 0, bottom + rh, self->name_width, rh, FALSE,
             &c.fg);
  draw_text (snapshot, layout, _("Allocation check"), 0, bottom + 2 * rh, self->name_width, rh,
             FALSE, &c.fg);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->name_width, bottom,
                                                         width - self->name_width, height - bottom));
  for (guint col = first_col; col < last_col; col++)
    {
      int x = self->name_width + (int) col * self->cell_width - hx;
      g_autofree char *sum = d8_format_count (d8_plan_edit_get_column_sum (self->edit, col));
      const GdkRGBA *colour = NULL;
      g_autofree char *check = check_text (self, col, &c, &colour);

      draw_cell_value (self, snapshot, layout, units, col, x, bottom, &c);
      draw_text (snapshot, layout, sum, x, bottom + rh, self->cell_width, rh, TRUE, &c.fg);
      draw_wrapped (snapshot, layout, check, x, bottom + 2 * rh, self->cell_width, 2 * rh, colour);
      vline (snapshot, x, bottom, height - bottom, &c.line);
    }
  gtk_snapshot_pop (snapshot);
  vline (snapshot, self->name_width - 1, 0, height, &c.line);

  self->last_draw_us = g_get_monotonic_time () - start;
}

