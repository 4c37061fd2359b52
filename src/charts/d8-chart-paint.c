/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-paint.c — turns a D8ChartLayout into cairo drawing.
 *
 * Every status is told apart twice: by its colour and by its texture, so a
 * black-and-white printout still reads —
 *   done: solid fill · on track: "/" hatching · behind: cross-hatching ·
 *   not started: empty with a dashed outline · no quota: empty.
 * Hatching is aligned to the page, not to each cell, so neighbouring cells
 * of one status read as one surface.
 */
#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "d8-chart-paint.h"

static void
set_color (cairo_t *cr, const D8ChartColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
set_dash (cairo_t *cr, double lw, const double *pattern, int n)
{
  double d[6];

  for (int i = 0; i < n && i < 6; i++)
    d[i] = pattern[i] * lw;
  cairo_set_dash (cr, d, n, 0);
}

static void
line (cairo_t *cr, const D8ChartRect *r)
{
  cairo_move_to (cr, r->x, r->y);
  cairo_line_to (cr, r->x + r->width, r->y + r->height);
}

/* Hatching as a repeating tile anchored at the page origin: one fill per
 * cell instead of dozens of stroked lines (ten times faster on a 1080p
 * matrix). Image targets get a pixel tile at the device scale; vector
 * targets (PDF, SVG, recordings) a recording surface, so print stays sharp. */
static cairo_pattern_t *
create_hatch (cairo_t *cr, const D8ChartColor *color, gboolean cross, double spacing, double lw)
{
  gboolean raster = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;
  cairo_surface_t *tile;
  cairo_pattern_t *pattern;
  cairo_t *tc;
  double scale = 1;

  if (raster)
    {
      double dx = 1, dy = 0;
      int n;

      /* A whole number of pixels per tile, so at scale 1 the pattern needs
       * no resampling (pixman's fast path). */
      cairo_user_to_device_distance (cr, &dx, &dy);
      scale = hypot (dx, dy);
      n = MAX ((int) round (spacing * scale), 2);
      spacing = n / scale;
      tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, n, n);
      tc = cairo_create (tile);
      cairo_scale (tc, scale, scale);
    }
  else
    {
      cairo_rectangle_t extents = { 0, 0, spacing, spacing };

      tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      tc = cairo_create (tile);
    }
  set_color (tc, color);
  cairo_set_line_width (tc, lw * 0.9);
  for (int k = -1; k <= 1; k++)
    {
      cairo_move_to (tc, k * spacing, spacing);
      cairo_line_to (tc, (k + 1) * spacing, 0);
      if (cross)
        {
          cairo_move_to (tc, k * spacing, 0);
          cairo_line_to (tc, (k + 1) * spacing, spacing);
        }
    }
  cairo_stroke (tc);
  cairo_destroy (tc);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  if (raster && scale != 1)
    {
      cairo_matrix_t m;
      cairo_matrix_init_scale (&m, scale, scale);
      cairo_pattern_set_matrix (pattern, &m);
    }
  else if (raster)
    cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  return pattern;
}

static gboolean
is_status_rect (const D8ChartShape *s)
{
  return (s->kind == D8_CHART_SHAPE_BAR || s->kind == D8_CHART_SHAPE_CELL
          || s->kind == D8_CHART_SHAPE_SWATCH)
         && s->rect.width > 0 && s->rect.height > 0;
}

/* Whether @r (grown by @margin) meets the clip of @cr: painting a band of
 * a tall layout (scrolled rows, a page of them) skips what lies outside. */
static gboolean
in_clip (cairo_t *cr, const D8ChartRect *r, double margin)
{
  double x1, y1, x2, y2;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  return r->y - margin <= y2 && r->y + r->height + margin >= y1 && r->x - margin <= x2
         && r->x + r->width + margin >= x1;
}

static void
path_status_rects (cairo_t *cr, const D8ChartLayout *L, D8Status status, double inset)
{
  cairo_new_path (cr);
  for (guint i = 0; i < L->shapes->len; i++)
    {
      const D8ChartShape *s = &g_array_index (L->shapes, D8ChartShape, i);

      if (is_status_rect (s) && s->status == status && in_clip (cr, &s->rect, 2))
        cairo_rectangle (cr, s->rect.x + inset, s->rect.y + inset, MAX (s->rect.width - 2 * inset, 0),
                         MAX (s->rect.height - 2 * inset, 0));
    }
}

/* A "+" in the top right corner of each rectangle of @status, sized to
 * the rectangle (its arms a fifth of its height). */
static void
path_plus_marks (cairo_t *cr, const D8ChartLayout *L, D8Status status, double lw)
{
  cairo_new_path (cr);
  for (guint i = 0; i < L->shapes->len; i++)
    {
      const D8ChartShape *s = &g_array_index (L->shapes, D8ChartShape, i);
      double arm, cx, cy;

      if (!is_status_rect (s) || s->status != status || !in_clip (cr, &s->rect, 2))
        continue;
      arm = MIN (s->rect.height, s->rect.width) * 0.22;
      if (arm < lw)
        continue;
      cx = s->rect.x + s->rect.width - arm - 2 * lw;
      cy = s->rect.y + arm + 2 * lw;
      cairo_move_to (cr, cx - arm, cy);
      cairo_line_to (cr, cx + arm, cy);
      cairo_move_to (cr, cx, cy - arm);
      cairo_line_to (cr, cx, cy + arm);
    }
}

/* Bars, cells and legend swatches, one status at a time: a handful of
 * fills and strokes for the whole chart rather than three per cell. Status
 * rectangles never overlap one another, so the order among them is free. */
static void
paint_status_rects (cairo_t *cr, const D8ChartLayout *L, const D8ChartStyle *style, double lw,
                    cairo_pattern_t **hatches)
{
  static const double dashed[] = { 3, 2 };

  for (D8Status status = D8_STATUS_NO_QUOTA; status < D8_CHART_N_STATUSES; status++)
    {
      /* The core decides each status's pattern (d8_status_pattern()). */
      switch (d8_status_pattern (status))
        {
        case D8_STATUS_PATTERN_SOLID:
        case D8_STATUS_PATTERN_SOLID_PLUS:
        case D8_STATUS_PATTERN_HATCH:
        case D8_STATUS_PATTERN_CROSS_HATCH:
          path_status_rects (cr, L, status, 0);
          set_color (cr, &style->status_fill[status]);
          if (hatches[status] != NULL)
            {
              cairo_fill_preserve (cr);
              cairo_set_source (cr, hatches[status]);
            }
          cairo_fill (cr);
          path_status_rects (cr, L, status, lw * 0.45);
          set_color (cr, &style->status_line[status]);
          cairo_set_line_width (cr, lw * 0.9);
          cairo_stroke (cr);
          if (d8_status_pattern (status) == D8_STATUS_PATTERN_SOLID_PLUS)
            {
              /* Over-achieved: done's solid fill and a "+" in the top
               * right corner, told apart from done without colour. */
              path_plus_marks (cr, L, status, lw);
              cairo_set_line_width (cr, lw * 1.8);
              cairo_stroke (cr);
            }
          break;

        case D8_STATUS_PATTERN_DASHED_OUTLINE:
          path_status_rects (cr, L, status, 0);
          set_color (cr, &style->status_fill[status]);
          cairo_fill (cr);
          path_status_rects (cr, L, status, lw / 2);
          set_color (cr, &style->status_line[status]);
          cairo_set_line_width (cr, lw);
          set_dash (cr, lw, dashed, 2);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          break;

        case D8_STATUS_PATTERN_FAINT_OUTLINE:
        default:
          /* Deliberately not a progress colour: only a faint outline. */
          path_status_rects (cr, L, status, lw / 2);
          set_color (cr, &style->grid);
          cairo_set_line_width (cr, lw * 0.6);
          cairo_stroke (cr);
          break;
        }
    }
}

static const D8ChartColor *
series_color (const D8ChartLayout *L, const D8ChartStyle *style, guint series)
{
  gboolean single = TRUE;

  for (guint i = 0; i < L->shapes->len; i++)
    if (g_array_index (L->shapes, D8ChartShape, i).kind == D8_CHART_SHAPE_SERIES
        && g_array_index (L->shapes, D8ChartShape, i).series > 0)
      {
        single = FALSE;
        break;
      }
  return single ? &style->accent : &style->series[series % D8_CHART_N_SERIES];
}

static void
set_series_dash (cairo_t *cr, double lw, guint series)
{
  /* A second code besides colour: solid, long dash, dots, dash-dot. */
  static const double patterns[4][4] = { { 0 }, { 6, 2 }, { 1.5, 1.5 }, { 6, 2, 1.5, 2 } };
  static const int lengths[4] = { 0, 2, 2, 4 };
  guint p = series % 4;

  if (lengths[p] == 0)
    cairo_set_dash (cr, NULL, 0, 0);
  else
    set_dash (cr, lw, patterns[p], lengths[p]);
}

static void
marker_path (cairo_t *cr, const D8ChartRect *r, guint series)
{
  double cx = r->x + r->width / 2, cy = r->y + r->height / 2, s = r->width / 2;

  switch (series % 5)
    {
    case 0:
      cairo_arc (cr, cx, cy, s, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, cx - s * 0.9, cy - s * 0.9, s * 1.8, s * 1.8);
      break;
    case 2:
      cairo_move_to (cr, cx, cy - s * 1.1);
      cairo_line_to (cr, cx + s, cy + s * 0.8);
      cairo_line_to (cr, cx - s, cy + s * 0.8);
      cairo_close_path (cr);
      break;
    case 3:
      cairo_move_to (cr, cx, cy - s * 1.2);
      cairo_line_to (cr, cx + s * 1.1, cy);
      cairo_line_to (cr, cx, cy + s * 1.2);
      cairo_line_to (cr, cx - s * 1.1, cy);
      cairo_close_path (cr);
      break;
    default:
      cairo_move_to (cr, cx - s, cy + s * 0.9);
      cairo_line_to (cr, cx, cy - s * 0.9);
      cairo_line_to (cr, cx + s, cy + s * 0.9);
      cairo_line_to (cr, cx, cy + s * 0.3);
      cairo_close_path (cr);
      break;
    }
}

static void
stroke_mark (cairo_t *cr, const D8ChartStyle *style, D8ChartShapeKind kind, const D8ChartRect *r,
             double lw)
{
  static const double dashed[] = { 4, 2.5 };
  static const double dotted[] = { 1, 2 };
  static const double dash_dot[] = { 5, 2, 1, 2 };

  switch (kind)
    {
    case D8_CHART_SHAPE_GRID_LINE:
      set_color (cr, &style->grid);
      cairo_set_line_width (cr, lw * 0.7);
      break;
    case D8_CHART_SHAPE_AXIS_LINE:
      set_color (cr, &style->foreground);
      cairo_set_line_width (cr, lw);
      break;
    case D8_CHART_SHAPE_SEPARATOR:
      set_color (cr, &style->foreground);
      cairo_set_line_width (cr, lw * 1.6);
      break;
    case D8_CHART_SHAPE_QUOTA_MARK:
      set_color (cr, &style->foreground);
      cairo_set_line_width (cr, lw * 2.4);
      break;
    case D8_CHART_SHAPE_ALLOCATION_MARK:
      set_color (cr, &style->accent);
      cairo_set_line_width (cr, lw * 1.8);
      set_dash (cr, lw, dashed, 2);
      break;
    case D8_CHART_SHAPE_PACE:
    case D8_CHART_SHAPE_TARGET_LINE:
      set_color (cr, &style->foreground);
      cairo_set_line_width (cr, lw * 1.4);
      set_dash (cr, lw, dashed, 2);
      break;
    case D8_CHART_SHAPE_DATE_MARK:
      set_color (cr, &style->foreground);
      cairo_set_line_width (cr, lw * 1.2);
      set_dash (cr, lw, dotted, 2);
      break;
    case D8_CHART_SHAPE_AS_OF_MARK:
      set_color (cr, &style->muted);
      cairo_set_line_width (cr, lw * 1.2);
      set_dash (cr, lw, dash_dot, 4);
      break;
    case D8_CHART_SHAPE_TRACK:
    case D8_CHART_SHAPE_BAR:
    case D8_CHART_SHAPE_CELL:
    case D8_CHART_SHAPE_OVERFLOW:
    case D8_CHART_SHAPE_CELL_FLAG:
    case D8_CHART_SHAPE_TEXT_BACKDROP:
    case D8_CHART_SHAPE_SERIES:
    case D8_CHART_SHAPE_MARKER:
    case D8_CHART_SHAPE_SWATCH:
    case D8_CHART_SHAPE_LEGEND_LINE:
      return; /* not lines: painted in d8_chart_paint */
    }
  line (cr, r);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
paint_legend_line (cairo_t *cr, const D8ChartLayout *L, const D8ChartStyle *style,
                   const D8ChartShape *s, double lw)
{
  const D8ChartRect *r = &s->rect;
  D8ChartRect horizontal = { r->x, r->y + r->height / 2, r->width, 0 };
  D8ChartRect vertical = { r->x + r->width / 2, r->y - r->height * 0.1, 0, r->height * 1.2 };

  switch (s->series)
    {
    case D8_CHART_SHAPE_SERIES:
      set_color (cr, series_color (L, style, 0));
      cairo_set_line_width (cr, lw * 2);
      line (cr, &horizontal);
      cairo_stroke (cr);
      break;
    case D8_CHART_SHAPE_QUOTA_MARK:
      set_color (cr, &style->grid);
      cairo_set_line_width (cr, lw);
      cairo_rectangle (cr, r->x, r->y + r->height * 0.2, r->width * 0.75, r->height * 0.6);
      cairo_stroke (cr);
      vertical.x = r->x + r->width * 0.75;
      stroke_mark (cr, style, D8_CHART_SHAPE_QUOTA_MARK, &vertical, lw);
      break;
    case D8_CHART_SHAPE_DATE_MARK:
    case D8_CHART_SHAPE_AS_OF_MARK:
      stroke_mark (cr, style, s->series, &vertical, lw);
      break;
    default:
      stroke_mark (cr, style, s->series, &horizontal, lw);
      break;
    }
}

void
d8_chart_paint (const D8ChartLayout *L, const D8ChartStyle *style, cairo_t *cr)
{
  double lw, spacing;
  cairo_pattern_t *hatches[D8_CHART_N_STATUSES] = { NULL };
  gboolean status_done = FALSE;

  g_return_if_fail (L != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  lw = L->line_width;
  spacing = MAX (L->font_size * 0.42, 2 * lw);

  cairo_save (cr);
  for (D8Status status = D8_STATUS_NO_QUOTA; status < D8_CHART_N_STATUSES; status++)
    switch (d8_status_pattern (status))
      {
      case D8_STATUS_PATTERN_HATCH:
      case D8_STATUS_PATTERN_CROSS_HATCH:
        hatches[status] = create_hatch (cr, &style->status_line[status],
                                        d8_status_pattern (status) == D8_STATUS_PATTERN_CROSS_HATCH,
                                        spacing, lw);
        break;
      case D8_STATUS_PATTERN_FAINT_OUTLINE:
      case D8_STATUS_PATTERN_DASHED_OUTLINE:
      case D8_STATUS_PATTERN_SOLID:
      case D8_STATUS_PATTERN_SOLID_PLUS:
      default:
        break;
      }
  set_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, L->width, L->height);
  cairo_fill (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  /* The background layer first, each in a single stroke: grid lines, then
   * the tracks that bars fill. */
  set_color (cr, &style->grid);
  cairo_set_line_width (cr, lw * 0.7);
  for (guint i = 0; i < L->shapes->len; i++)
    if (g_array_index (L->shapes, D8ChartShape, i).kind == D8_CHART_SHAPE_GRID_LINE
        && in_clip (cr, &g_array_index (L->shapes, D8ChartShape, i).rect, 2))
      line (cr, &g_array_index (L->shapes, D8ChartShape, i).rect);
  cairo_stroke (cr);
  cairo_set_line_width (cr, lw);
  for (guint i = 0; i < L->shapes->len; i++)
    {
      const D8ChartShape *s = &g_array_index (L->shapes, D8ChartShape, i);
      if (s->kind == D8_CHART_SHAPE_TRACK && in_clip (cr, &s->rect, 2))
        cairo_rectangle (cr, s->rect.x + lw / 2, s->rect.y + lw / 2, MAX (s->rect.width - lw, 0),
                         MAX (s->rect.height - lw, 0));
    }
  cairo_stroke (cr);

  for (guint i = 0; i < L->shapes->len; i++)
    {
      const D8ChartShape *s = &g_array_index (L->shapes, D8ChartShape, i);

      if (s->kind != D8_CHART_SHAPE_SERIES && !in_clip (cr, &s->rect, 4 * lw))
        continue;
      switch (s->kind)
        {
        case D8_CHART_SHAPE_BAR:
        case D8_CHART_SHAPE_CELL:
        case D8_CHART_SHAPE_SWATCH:
          if (!status_done)
            {
              paint_status_rects (cr, L, style, lw, hatches);
              status_done = TRUE;
            }
          break;

        case D8_CHART_SHAPE_GRID_LINE:
        case D8_CHART_SHAPE_TRACK:
          break; /* painted first, see above */

        case D8_CHART_SHAPE_TEXT_BACKDROP:
          set_color (cr, &style->status_fill[s->status]);
          cairo_rectangle (cr, s->rect.x, s->rect.y, s->rect.width, s->rect.height);
          cairo_fill (cr);
          break;

        case D8_CHART_SHAPE_OVERFLOW:
          set_color (cr, &style->foreground);
          cairo_move_to (cr, s->rect.x, s->rect.y);
          cairo_line_to (cr, s->rect.x + s->rect.width, s->rect.y + s->rect.height / 2);
          cairo_line_to (cr, s->rect.x, s->rect.y + s->rect.height);
          cairo_close_path (cr);
          cairo_fill (cr);
          break;

        case D8_CHART_SHAPE_CELL_FLAG:
          {
            static const double dashed[] = { 3, 1.5 };
            set_color (cr, &style->accent);
            cairo_set_line_width (cr, lw * 2);
            set_dash (cr, lw, dashed, 2);
            cairo_rectangle (cr, s->rect.x + lw, s->rect.y + lw, MAX (s->rect.width - 2 * lw, 0),
                             MAX (s->rect.height - 2 * lw, 0));
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
          break;

        case D8_CHART_SHAPE_SERIES:
          if (s->n_points > 0)
            {
              const D8ChartXY *p = &g_array_index (L->points, D8ChartXY, s->first_point);

              /* cut at the plot's edge: the axis may stop below a runaway line */
              cairo_save (cr);
              cairo_rectangle (cr, L->plot.x - lw, L->plot.y - lw, L->plot.width + 2 * lw,
                               L->plot.height + 2 * lw);
              cairo_clip (cr);
              set_color (cr, series_color (L, style, s->series));
              cairo_set_line_width (cr, lw * 2);
              cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
              set_series_dash (cr, lw, s->series);
              cairo_move_to (cr, p[0].x, p[0].y);
              for (guint k = 1; k < s->n_points; k++)
                cairo_line_to (cr, p[k].x, p[k].y);
              cairo_stroke (cr);
              cairo_restore (cr);
            }
          break;

        case D8_CHART_SHAPE_MARKER:
          marker_path (cr, &s->rect, s->series);
          set_color (cr, series_color (L, style, s->series));
          cairo_fill_preserve (cr);
          set_color (cr, &style->background);
          cairo_set_line_width (cr, lw * 0.8);
          cairo_stroke (cr);
          break;

        case D8_CHART_SHAPE_LEGEND_LINE:
          paint_legend_line (cr, L, style, s, lw);
          break;

        case D8_CHART_SHAPE_AXIS_LINE:
        case D8_CHART_SHAPE_QUOTA_MARK:
        case D8_CHART_SHAPE_ALLOCATION_MARK:
        case D8_CHART_SHAPE_SEPARATOR:
        case D8_CHART_SHAPE_PACE:
        case D8_CHART_SHAPE_TARGET_LINE:
        case D8_CHART_SHAPE_DATE_MARK:
        case D8_CHART_SHAPE_AS_OF_MARK:
          stroke_mark (cr, style, s->kind, &s->rect, lw);
          break;
        }
    }

  for (guint i = 0; i < L->texts->len; i++)
    {
      const D8ChartText *t = &g_array_index (L->texts, D8ChartText, i);

      if (!in_clip (cr, &t->rect, 2))
        continue;
      set_color (cr, t->muted ? &style->muted : &style->foreground);
      cairo_move_to (cr, t->rect.x, t->rect.y);
      pango_cairo_show_layout (cr, g_ptr_array_index (L->pango_layouts, i));
    }
  cairo_restore (cr);
  for (guint i = 0; i < D8_CHART_N_STATUSES; i++)
    g_clear_pointer (&hatches[i], cairo_pattern_destroy);
}

void
d8_chart_draw (const D8ChartModel *model, const D8ChartStyle *style, cairo_t *cr, double width,
               double height)
{
  g_autoptr (D8ChartLayout) layout = NULL;

  g_return_if_fail (model != NULL && style != NULL && cr != NULL);

  layout = d8_chart_layout_new (model, style, width, height);
  d8_chart_paint (layout, style, cr);
}

void
d8_chart_paint_band (const D8ChartLayout *L, const D8ChartStyle *style, cairo_t *cr, double y,
                     double height, double from)
{
  g_return_if_fail (L != NULL && style != NULL && cr != NULL);

  if (height <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, 0, y, L->width, height);
  cairo_clip (cr);
  cairo_translate (cr, 0, y - from);
  d8_chart_paint (L, style, cr);
  cairo_restore (cr);
}

/* The header in place, @rows_h of rows from layout y @from under it, and
 * the footer at the bottom of @height. */
static void
paint_split (const D8ChartLayout *L, const D8ChartStyle *style, cairo_t *cr, double height,
             double from, double rows_h)
{
  double footer_h = L->height - L->scroll_bottom;

  cairo_save (cr);
  set_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, L->width, height);
  cairo_fill (cr);
  cairo_restore (cr);
  d8_chart_paint_band (L, style, cr, L->scroll_top, rows_h, from);
  d8_chart_paint_band (L, style, cr, 0, L->scroll_top, 0);
  d8_chart_paint_band (L, style, cr, height - footer_h, footer_h, L->scroll_bottom);
}

double
d8_chart_paint_window (const D8ChartLayout *L, const D8ChartStyle *style, cairo_t *cr,
                       double height, double offset, gboolean snap)
{
  double body_h, max_offset;

  g_return_val_if_fail (L != NULL && style != NULL && cr != NULL, 0);

  if (L->height <= height + 0.5 || L->scroll_bottom <= L->scroll_top)
    {
      d8_chart_paint (L, style, cr);
      return 0;
    }
  body_h = MAX (height - L->scroll_top - (L->height - L->scroll_bottom), 0);
  max_offset = MAX (L->height - height, 0);
  offset = CLAMP (offset, 0, max_offset);
  if (snap && L->row_pitch > 0 && offset < max_offset)
    offset = floor (offset / L->row_pitch + 1e-6) * L->row_pitch;
  paint_split (L, style, cr, height, L->scroll_top + offset, body_h);
  return offset;
}

/* "Page 2/9" in the box the legend left for it (layout->page_number),
 * right-aligned; the footer it is in sits at the bottom of the page. */
static void
paint_page_number (const D8ChartLayout *L, const D8ChartStyle *style, cairo_t *cr,
                   double page_height, guint number, guint n_pages)
{
  g_autofree char *text = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  PangoFontDescription *font;
  PangoRectangle logical;

  if (L->page_number.width <= 0 || n_pages <= 1)
    return;
  text = d8_chart_page_number (number, n_pages);
  layout = pango_layout_new (L->pango_context);
  font = pango_font_description_new ();
  pango_font_description_set_family (font, style->font_family);
  pango_font_description_set_absolute_size (font, L->page_number_size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  set_color (cr, &style->foreground);
  cairo_move_to (cr,
                 L->page_number.x + L->page_number.width - (double) logical.width / PANGO_SCALE,
                 L->page_number.y - (L->height - page_height));
  pango_cairo_show_layout (cr, layout);
}

/* Whole rows a page of @page_height holds between header and footer. */
static guint
rows_per_page (const D8ChartLayout *L, double page_height)
{
  double body = page_height - L->scroll_top - (L->height - L->scroll_bottom);

  return L->row_pitch > 0 ? MAX ((guint) floor (body / L->row_pitch + 1e-6), 1) : 1;
}

guint
d8_chart_layout_n_pages (const D8ChartLayout *L, double page_height)
{
  guint rows, per_page;

  g_return_val_if_fail (L != NULL, 1);

  if (L->height <= page_height + 0.5 || L->row_pitch <= 0 || L->scroll_bottom <= L->scroll_top)
    return 1;
  rows = (guint) round ((L->scroll_bottom - L->scroll_top) / L->row_pitch);
  per_page = rows_per_page (L, page_height);
  return MAX ((rows + per_page - 1) / per_page, 1);
}

void
d8_chart_paint_page (const D8ChartLayout *L, const D8ChartStyle *style, cairo_t *cr,
                     double page_height, guint page)
{
  double first, slice;

  g_return_if_fail (L != NULL && style != NULL && cr != NULL);

  if (d8_chart_layout_n_pages (L, page_height) <= 1)
    {
      d8_chart_paint (L, style, cr);
      return;
    }
  first = L->scroll_top + page * rows_per_page (L, page_height) * L->row_pitch;
  slice = MIN (rows_per_page (L, page_height) * L->row_pitch, L->scroll_bottom - first);
  paint_split (L, style, cr, page_height, first, MAX (slice, 0));
  paint_page_number (L, style, cr, page_height, page + 1, d8_chart_layout_n_pages (L, page_height));
}
