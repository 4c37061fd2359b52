/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-layout.c — geometry of a chart: what every kind shares.
 *
 * Sizes follow the page: the body font is about 1/60 of the height (9–10 pt
 * on A4 landscape, 18 px on a 1080p projector) and shrinks step by step
 * until everything fits, so no label ever leaves the page. Long names are
 * ellipsized to their column, never clipped. Each kind's own layout is in
 * d8-chart-layout-<kind>.c, found through the table of kinds; the pieces
 * they share (text, shapes, header, legend, axes) are here, declared in
 * d8-chart-layout-private.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "d8-chart-layout-private.h"
#include "d8-format.h"

#define MIN_FONT 4.0
#define MIN_ROLE_SIZE 0.85 /* the smallest of role_size */

static const double role_size[D8_CHART_N_TEXT_ROLES] = {
  [D8_CHART_TEXT_TITLE] = 1.45, [D8_CHART_TEXT_SUBTITLE] = 0.95, [D8_CHART_TEXT_HEADER] = 0.95,
  [D8_CHART_TEXT_LABEL] = 1.0,  [D8_CHART_TEXT_VALUE] = 0.95,    [D8_CHART_TEXT_AXIS] = 0.85,
  [D8_CHART_TEXT_NOTE] = 0.85,  [D8_CHART_TEXT_LEGEND] = 0.9,
};

double
d8_chart_text_role_size (D8ChartTextRole role)
{
  g_assert (role < D8_CHART_N_TEXT_ROLES);
  return role_size[role];
}

/* ------------------------------------------------------------ ticks */

GArray *
d8_chart_nice_ticks (double lo, double hi, guint max_intervals, gboolean integer, double *step)
{
  static const double mantissas[] = { 1, 2, 5 };
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double s = 1;
  int k;

  g_return_val_if_fail (isfinite (lo) && isfinite (hi), ticks);

  if (hi < lo)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi == lo)
    hi = lo + 1;
  max_intervals = MAX (max_intervals, 1);

  k = (int) floor (log10 ((hi - lo) / max_intervals)) - 1;
  for (gboolean found = FALSE; !found; k++)
    for (guint i = 0; i < G_N_ELEMENTS (mantissas) && !found; i++)
      {
        double first, last;

        s = mantissas[i] * pow (10, k);
        if (integer && s < 1)
          continue;
        /* A small tolerance so 0.6 / 0.2 is 3, not 3.0000000000000004. */
        first = floor (lo / s + 1e-9);
        last = ceil (hi / s - 1e-9);
        if (last - first <= max_intervals)
          {
            for (double t = first; t <= last + 0.5; t++)
              {
                double v = t * s;
                /* round away binary noise: 3 × 0.2 = 0.6000000000000001 */
                v = s < 1 ? round (v / s) * s : v;
                g_array_append_val (ticks, v);
              }
            found = TRUE;
          }
      }
  if (step)
    *step = s;
  return ticks;
}

double
d8_chart_axis_position (const D8ChartAxis *axis, double value)
{
  if (axis->max <= axis->min)
    return axis->from;
  return axis->from + (value - axis->min) / (axis->max - axis->min) * (axis->to - axis->from);
}

void
d8_chart_axis_set (D8ChartAxis *axis, double lo, double hi, guint max_intervals, gboolean integer,
                   gboolean percent)
{
  g_clear_pointer (&axis->ticks, g_array_unref);
  axis->ticks = d8_chart_nice_ticks (lo, hi, max_intervals, integer, &axis->step);
  axis->min = g_array_index (axis->ticks, double, 0);
  axis->max = g_array_index (axis->ticks, double, axis->ticks->len - 1);
  axis->percent = percent;
}

char *
d8_chart_axis_format_tick (const D8ChartAxis *axis, double value)
{
  if (axis->percent)
    return d8_format_percent (value / 100.0, axis->step < 1 ? 1 : 0);
  return d8_format_count ((gint64) llround (value));
}

/* ------------------------------------------------------------ builder */

static void
builder_init (D8ChartBuilder *b, D8ChartLayout *L, const D8ChartModel *model,
              const D8ChartStyle *style, double f)
{
  memset (b, 0, sizeof *b);
  b->L = L;
  b->model = model;
  b->style = style;
  b->f = f;
  b->m = MAX (f * 1.6, MIN (L->width, L->height) * 0.03);
  L->font_size = f;
  L->line_width = MAX (f / 12.0, 0.5);
  for (guint r = 0; r < D8_CHART_N_TEXT_ROLES; r++)
    {
      b->fonts[r] = pango_font_description_new ();
      pango_font_description_set_family (b->fonts[r], style->font_family);
      pango_font_description_set_absolute_size (b->fonts[r], f * role_size[r] * PANGO_SCALE);
      if (r == D8_CHART_TEXT_TITLE || r == D8_CHART_TEXT_HEADER)
        pango_font_description_set_weight (b->fonts[r], PANGO_WEIGHT_BOLD);
    }
}

static void
builder_clear (D8ChartBuilder *b)
{
  for (guint r = 0; r < D8_CHART_N_TEXT_ROLES; r++)
    pango_font_description_free (b->fonts[r]);
}

static void
clear_text (gpointer data)
{
  g_free (((D8ChartText *) data)->text);
}

static void
layout_reset (D8ChartLayout *L)
{
  g_array_set_size (L->shapes, 0);
  g_array_set_size (L->texts, 0);
  g_array_set_size (L->hits, 0);
  g_array_set_size (L->points, 0);
  g_ptr_array_set_size (L->pango_layouts, 0);
  L->plot = (D8ChartRect) { 0 };
  L->scroll_top = L->scroll_bottom = L->row_pitch = 0;
  L->page_number = (D8ChartRect) { 0 };
  L->page_number_size = 0;
}

/* Shaped text, kept between layouts: a chart laid out again (new data, a
 * redraw, the next page of a pack) mostly shows the same labels in the same
 * fonts, and shaping them is most of a layout's cost. Laid-out PangoLayouts
 * are never changed afterwards, so they can be shared. Bounded: cleared
 * when it grows past CACHE_MAX entries. */
#define CACHE_MAX 8192
G_LOCK_DEFINE_STATIC (layout_cache);
static GHashTable *layout_cache; /* key → PangoLayout* */

static PangoLayout *
shaped_text (D8ChartBuilder *b, D8ChartTextRole role, const char *text, double max_width,
             int max_lines)
{
  g_autofree char *font = pango_font_description_to_string (b->fonts[role]);
  int width = max_width > 0 ? (int) (MAX (max_width, 1) * PANGO_SCALE) : -1;
  char *key = g_strdup_printf ("%s\x1f%d\x1f%d\x1f%s", font, width, max_lines, text);
  PangoLayout *layout;

  G_LOCK (layout_cache);
  if (layout_cache == NULL)
    layout_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  layout = g_hash_table_lookup (layout_cache, key);
  if (layout != NULL)
    {
      g_object_ref (layout);
      G_UNLOCK (layout_cache);
      g_free (key);
      return layout;
    }
  G_UNLOCK (layout_cache);

  layout = pango_layout_new (b->L->pango_context);
  pango_layout_set_font_description (layout, b->fonts[role]);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, width);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (max_lines > 1)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -max_lines);
        }
    }
  /* Shape now, once, before anyone shares it. */
  pango_layout_get_extents (layout, NULL, NULL);

  G_LOCK (layout_cache);
  if (g_hash_table_size (layout_cache) >= CACHE_MAX)
    g_hash_table_remove_all (layout_cache);
  g_hash_table_replace (layout_cache, key, g_object_ref (layout));
  G_UNLOCK (layout_cache);
  return layout;
}

guint
d8_chart_builder_add_text (D8ChartBuilder *b, D8ChartTextRole role, const char *text, double x,
                           double y, double max_width, int max_lines, double halign, double valign,
                           int row, int column)
{
  PangoLayout *layout = shaped_text (b, role, text, max_width, max_lines);
  PangoRectangle logical;
  D8ChartText t = { 0 };

  pango_layout_get_extents (layout, NULL, &logical);

  t.rect.width = (double) logical.width / PANGO_SCALE;
  t.rect.height = (double) logical.height / PANGO_SCALE;
  t.rect.x = x - halign * t.rect.width;
  t.rect.y = y - valign * t.rect.height;
  t.text = g_strdup (text);
  t.role = role;
  t.muted = role == D8_CHART_TEXT_SUBTITLE || role == D8_CHART_TEXT_AXIS;
  t.row = row;
  t.column = column;
  t.ellipsized = pango_layout_is_ellipsized (layout);
  t.size = b->f * role_size[role];
  g_array_append_val (b->L->texts, t);
  g_ptr_array_add (b->L->pango_layouts, layout);
  return b->L->texts->len - 1;
}

void
d8_chart_builder_drop_last_text (D8ChartBuilder *b)
{
  g_return_if_fail (b->L->texts->len > 0);
  g_array_set_size (b->L->texts, b->L->texts->len - 1);
  g_ptr_array_set_size (b->L->pango_layouts, b->L->pango_layouts->len - 1);
}

D8ChartText *
d8_chart_builder_text (D8ChartBuilder *b, guint index)
{
  return &g_array_index (b->L->texts, D8ChartText, index);
}

D8ChartShape *
d8_chart_builder_add_shape (D8ChartBuilder *b, D8ChartShapeKind kind, double x, double y, double w,
                            double h)
{
  D8ChartShape s = { kind, { x, y, w, h }, D8_STATUS_NO_QUOTA, -1, -1, 0, 0, 0 };

  g_array_append_val (b->L->shapes, s);
  return &g_array_index (b->L->shapes, D8ChartShape, b->L->shapes->len - 1);
}

void
d8_chart_builder_add_hit (D8ChartBuilder *b, double x, double y, double w, double h, int row,
                          int column)
{
  D8ChartHit hit = { { x, y, w, h }, row, column };

  g_array_append_val (b->L->hits, hit);
}

void
d8_chart_builder_keep_on_page (D8ChartBuilder *b, guint text)
{
  D8ChartText *t = d8_chart_builder_text (b, text);

  t->rect.x = CLAMP (t->rect.x, b->m, b->L->width - b->m - t->rect.width);
}

static void
shift_range (D8ChartBuilder *b, guint first_text, guint first_shape, double dx, double dy)
{
  for (guint i = first_text; i < b->L->texts->len; i++)
    {
      d8_chart_builder_text (b, i)->rect.x += dx;
      d8_chart_builder_text (b, i)->rect.y += dy;
    }
  for (guint i = first_shape; i < b->L->shapes->len; i++)
    {
      D8ChartShape *s = &g_array_index (b->L->shapes, D8ChartShape, i);
      s->rect.x += dx;
      s->rect.y += dy;
    }
}

double
d8_chart_builder_add_header (D8ChartBuilder *b)
{
  g_autofree char *title = d8_chart_model_title (b->model);
  g_autofree char *subtitle = d8_chart_model_subtitle (b->model);
  g_autofree char *line = NULL;
  double w = b->L->width - 2 * b->m;
  double y = b->m;
  guint i;

  /* Titles name whole indicators, as the plan writes them: they wrap. */
  i = d8_chart_builder_add_text (b, D8_CHART_TEXT_TITLE, title, b->m, y, w, 3, 0, 0, -1, -1);
  y += d8_chart_builder_text (b, i)->rect.height;
  line = b->model->plan_title ? g_strdup_printf ("%s · %s", subtitle, b->model->plan_title)
                              : g_strdup (subtitle);
  i = d8_chart_builder_add_text (b, D8_CHART_TEXT_SUBTITLE, line, b->m, y, w, 2, 0, 0, -1, -1);
  return y + d8_chart_builder_text (b, i)->rect.height + b->f * 0.8;
}

/* The box of the widest page number a split printout of this layout could
 * show, right-aligned at the end of a legend line whose top is @y: as
 * many pages as there are rows at most. */
static D8ChartRect
page_number_box (D8ChartBuilder *b, double y, double line_h)
{
  guint most = MAX (MAX (b->model->rows->len, b->model->columns->len), 1);
  g_autofree char *widest = d8_chart_page_number (most, most);
  guint t = d8_chart_builder_add_text (b, D8_CHART_TEXT_LEGEND, widest, 0, 0, 0, 1, 0, 0, -1, -1);
  D8ChartText *text = d8_chart_builder_text (b, t);
  D8ChartRect box = { b->L->width - 2 * b->m - text->rect.width,
                      y + (line_h - text->rect.height) / 2, text->rect.width,
                      text->rect.height };

  d8_chart_builder_drop_last_text (b);
  return box;
}

double
d8_chart_builder_add_legend (D8ChartBuilder *b, const D8ChartLegendItem *items, guint n_items)
{
  guint first_text = b->L->texts->len, first_shape = b->L->shapes->len;
  double x = 0, y = 0, line_h = b->f * 1.4;
  double sw = b->f * 1.6, sh = b->f * 0.95;
  double max_w = b->L->width - 2 * b->m;
  double line_end = 0; /* the right edge of the last line's last item */

  for (guint i = 0; i < n_items; i++)
    {
      guint t = d8_chart_builder_add_text (b, D8_CHART_TEXT_LEGEND, items[i].label, 0, 0,
                                           max_w - sw - b->f * 0.5, 1, 0, 0, -1, -1);
      D8ChartText *text = d8_chart_builder_text (b, t);
      double item_w = sw + b->f * 0.4 + text->rect.width;
      D8ChartShape *s;

      if (x > 0 && x + item_w > max_w)
        {
          x = 0;
          y += line_h;
        }
      text->rect.x = x + sw + b->f * 0.4;
      text->rect.y = y + (line_h - text->rect.height) / 2;
      s = d8_chart_builder_add_shape (b, items[i].kind, x, y + (line_h - sh) / 2, sw, sh);
      s->status = items[i].status;
      s->series = items[i].line;
      line_end = x + item_w;
      x += item_w + b->f * 1.4;
    }
  /* A page of a split printout numbers itself at the end of the last
   * line, or on a line of its own when that one is full. */
  if (b->L->numbered_pages)
    {
      D8ChartRect box = page_number_box (b, y, line_h);

      if (line_end > 0 && line_end + b->f * 1.4 > box.x)
        {
          y += line_h;
          box.y += line_h;
        }
      b->L->page_number = box;
      b->L->page_number_size = b->f * role_size[D8_CHART_TEXT_LEGEND];
    }
  y += line_h;
  if (b->L->page_number.width > 0)
    {
      b->L->page_number.x += b->m;
      b->L->page_number.y += b->L->height - b->m - y;
    }
  shift_range (b, first_text, first_shape, b->m, b->L->height - b->m - y);
  return b->L->height - b->m - y;
}

double
d8_chart_builder_add_status_legend (D8ChartBuilder *b, gboolean with_quota_mark,
                                    gboolean with_target)
{
  D8ChartLegendItem items[8];
  guint n = 0;
  const D8Status order[] = { D8_STATUS_OVER, D8_STATUS_DONE, D8_STATUS_ON_TRACK, D8_STATUS_BEHIND,
                             D8_STATUS_NOT_STARTED, D8_STATUS_NO_QUOTA };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    items[n++]
        = (D8ChartLegendItem) { D8_CHART_SHAPE_SWATCH, order[i], 0, d8_status_to_label (order[i]) };
  if (with_quota_mark)
    items[n++] = (D8ChartLegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0, D8_CHART_SHAPE_QUOTA_MARK,
                                       with_target ? _("Quota or target") : _("Quota") };
  return d8_chart_builder_add_legend (b, items, n);
}
char *
d8_chart_allocation_note (const D8ChartAllocation *alloc, const char *code)
{
  g_autofree char *stated = d8_format_count (alloc->stated);
  g_autofree char *allocated = d8_format_count (alloc->allocated);
  g_autofree char *diff = d8_format_count (ABS (alloc->difference));
  gulong n = (gulong) ABS (alloc->difference);

  if (code != NULL && alloc->difference > 0)
    return g_strdup_printf (
        /* Translators: a note under the matrix; "* Indicator 1: stated 128,
         * allocated to units 126: 2 not allocated" */
        ngettext ("* Indicator %s: stated %s, allocated to units %s: %s not allocated",
                  "* Indicator %s: stated %s, allocated to units %s: %s not allocated", n),
        code, stated, allocated, diff);
  if (code != NULL)
    return g_strdup_printf (
        ngettext ("* Indicator %s: stated %s, allocated to units %s: %s allocated beyond the total",
                  "* Indicator %s: stated %s, allocated to units %s: %s allocated beyond the total",
                  n),
        code, stated, allocated, diff);
  if (alloc->difference > 0)
    return g_strdup_printf (ngettext ("Stated %s, allocated to units %s: %s not allocated",
                                      "Stated %s, allocated to units %s: %s not allocated", n),
                            stated, allocated, diff);
  return g_strdup_printf (
      ngettext ("Stated %s, allocated to units %s: %s allocated beyond the total",
                "Stated %s, allocated to units %s: %s allocated beyond the total", n),
      stated, allocated, diff);
}

/* ------------------------------------------------------------ public */

static int
compare_top_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const GArray *texts = user_data;
  double ya = g_array_index (texts, D8ChartText, *(const guint *) a).rect.y;
  double yb = g_array_index (texts, D8ChartText, *(const guint *) b).rect.y;

  return ya < yb ? -1 : ya > yb ? 1 : 0;
}

static gboolean
texts_overlap (const D8ChartRect *a, const D8ChartRect *b)
{
  double dx = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double dy = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return dx > 0.5 && dy > 0.5;
}

/* No text over another: a tick label in the way of any other text is left
 * out (the axis keeps its other ticks); any other overlap, like a cut text,
 * means the chart does not fit at this size. Returns TRUE when it fits. */
static gboolean
settle_texts (D8ChartLayout *L)
{
  g_autoptr (GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), L->texts->len);
  g_autofree gboolean *drop = g_new0 (gboolean, L->texts->len + 1);
  gboolean fits = TRUE;

  for (guint i = 0; i < L->texts->len; i++)
    {
      const D8ChartText *t = &g_array_index (L->texts, D8ChartText, i);

      if (t->ellipsized)
        fits = FALSE;
      if (t->text[0] != '\0')
        g_array_append_val (order, i);
    }
  g_array_sort_with_data (order, compare_top_cb, L->texts);
  for (guint a = 0; a < order->len; a++)
    {
      guint i = g_array_index (order, guint, a);
      const D8ChartText *t = &g_array_index (L->texts, D8ChartText, i);

      for (guint b = a + 1; b < order->len && !drop[i]; b++)
        {
          guint j = g_array_index (order, guint, b);
          const D8ChartText *u = &g_array_index (L->texts, D8ChartText, j);

          if (u->rect.y >= t->rect.y + t->rect.height - 0.5)
            break;
          if (drop[j] || !texts_overlap (&t->rect, &u->rect))
            continue;
          if (u->role == D8_CHART_TEXT_AXIS)
            drop[j] = TRUE;
          else if (t->role == D8_CHART_TEXT_AXIS)
            drop[i] = TRUE;
          else
            fits = FALSE;
        }
    }
  for (guint i = L->texts->len; i-- > 0;)
    if (drop[i])
      {
        g_array_remove_index (L->texts, i);
        g_ptr_array_remove_index (L->pango_layouts, i);
      }
  return fits;
}

static void
build (D8ChartLayout *L, const D8ChartModel *model, const D8ChartStyle *style, double f,
       gboolean *overflow, double *short_by, double *rows_need)
{
  D8ChartBuilder b;

  layout_reset (L);
  builder_init (&b, L, model, style, f);
  switch (model->kind)
    {
    case D8_CHART_UNIT_PROGRESS:
      d8_chart_layout_unit (&b);
      break;
    case D8_CHART_MATRIX:
      d8_chart_layout_matrix (&b);
      break;
    case D8_CHART_INDICATOR:
      d8_chart_layout_indicator (&b);
      break;
    case D8_CHART_TIMELINE:
      d8_chart_layout_timeline (&b);
      break;
    case D8_CHART_COMPARE:
      d8_chart_layout_compare (&b);
      break;
    }
  /* Anything outside the page counts as not fitting. */
  for (guint i = 0; i < L->texts->len; i++)
    {
      const D8ChartRect *r = &g_array_index (L->texts, D8ChartText, i).rect;
      if (r->x < -0.01 || r->y < -0.01 || r->x + r->width > L->width + 0.01
          || r->y + r->height > L->height + 0.01)
        b.overflow = TRUE;
    }
  if (!settle_texts (L))
    b.overflow = TRUE;
  *overflow = b.overflow;
  if (short_by != NULL)
    *short_by = b.short_by;
  if (rows_need != NULL)
    *rows_need = b.rows_need;
  builder_clear (&b);
}

static D8ChartLayout *
layout_alloc (const D8ChartModel *model, double width, double height)
{
  D8ChartLayout *L = g_new0 (D8ChartLayout, 1);
  cairo_font_options_t *options;

  L->kind = model->kind;
  L->width = width;
  L->height = height;
  L->shapes = g_array_new (FALSE, TRUE, sizeof (D8ChartShape));
  L->texts = g_array_new (FALSE, TRUE, sizeof (D8ChartText));
  g_array_set_clear_func (L->texts, clear_text);
  L->hits = g_array_new (FALSE, TRUE, sizeof (D8ChartHit));
  L->points = g_array_new (FALSE, TRUE, sizeof (D8ChartXY));
  L->pango_layouts = g_ptr_array_new_with_free_func (g_object_unref);

  /* Unhinted metrics and unrounded glyph positions: text measures the same
   * on screen, on paper and at any zoom, so the layout holds everywhere. */
  L->pango_context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (L->pango_context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (L->pango_context, FALSE);
  return L;
}

/* The body size a page of @width × @height starts from, and the least it
 * may shrink to (the smallest role, 0.85 of it, at the style's least text
 * size). */
static double
start_font (const D8ChartStyle *style, double width, double height, double *min_f)
{
  *min_f = MAX (MIN_FONT, style->min_text_size / MIN_ROLE_SIZE);
  return MAX (CLAMP (MIN (width / 85.0, height / 60.0), 6.0, 28.0)
                  * (style->scale > 0 ? style->scale : 1.0),
              *min_f);
}

/* Shrinks the body size from @f until everything fits, or to @min_f. */
static void
fit (D8ChartLayout *L, const D8ChartModel *model, const D8ChartStyle *style, double f,
     double min_f)
{
  gboolean overflow = TRUE;

  for (int attempt = 0; overflow && attempt < 14; attempt++)
    {
      build (L, model, style, f, &overflow, NULL, NULL);
      if (!overflow || f <= min_f)
        break;
      f = MAX (f * 0.9, min_f);
    }
  L->fits = !overflow;
}

D8ChartLayout *
d8_chart_layout_new (const D8ChartModel *model, const D8ChartStyle *style, double width,
                     double height)
{
  D8ChartLayout *L;
  double f, min_f;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  L = layout_alloc (model, width, height);
  f = start_font (style, width, height, &min_f);
  fit (L, model, style, f, min_f);
  return L;
}

/* d8_chart_layout_new_scrolling; @numbered: a box for the page number
 * when the rows grow past @height (d8_chart_layout_new_pages). */
static D8ChartLayout *
new_scrolling (const D8ChartModel *model, const D8ChartStyle *style, double width, double height,
               gboolean numbered)
{
  D8ChartLayout *L;
  double f, min_f, floor_f, short_by = 0, rows_need = 0;
  gboolean overflow = TRUE;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  L = layout_alloc (model, width, height);
  f = start_font (style, width, height, &min_f);
  /* As d8_chart_layout_new down to a size still easy to read on a screen
   * (13 units of body text, about 10 for tick labels); below that the rows
   * take the height they need instead. */
  floor_f = MAX (min_f, MIN (f, 13.0));
  for (int attempt = 0; attempt < 14; attempt++)
    {
      build (L, model, style, f, &overflow, &short_by, &rows_need);
      if (!overflow || f <= floor_f)
        break;
      /* Rows that would not fit even at the floor size (their height goes
       * with the size): straight to it, without the sizes between. */
      if (short_by > 0 && rows_need * floor_f / f > rows_need - short_by)
        f = floor_f;
      else
        f = MAX (f * 0.9, floor_f);
    }
  if (overflow && short_by > 0)
    {
      L->height = ceil (height + short_by);
      L->numbered_pages = numbered;
      build (L, model, style, f, &overflow, NULL, NULL);
    }
  if (overflow)
    fit (L, model, style, f, min_f);
  else
    L->fits = TRUE;
  return L;
}

D8ChartLayout *
d8_chart_layout_new_scrolling (const D8ChartModel *model, const D8ChartStyle *style,
                               double width, double height)
{
  return new_scrolling (model, style, width, height, FALSE);
}

D8ChartLayout *
d8_chart_layout_new_pages (const D8ChartModel *model, const D8ChartStyle *style, double width,
                           double height)
{
  return new_scrolling (model, style, width, height, TRUE);
}

void
d8_chart_layout_free (D8ChartLayout *L)
{
  if (L == NULL)
    return;
  g_array_unref (L->shapes);
  g_array_unref (L->texts);
  g_array_unref (L->hits);
  g_array_unref (L->points);
  g_ptr_array_unref (L->pango_layouts);
  g_clear_pointer (&L->axis.ticks, g_array_unref);
  g_clear_pointer (&L->total_axis.ticks, g_array_unref);
  g_clear_pointer (&L->time_axis.ticks, g_array_unref);
  g_clear_object (&L->pango_context);
  g_free (L);
}

gboolean
d8_chart_layout_hit_test (const D8ChartLayout *L, double x, double y, D8ChartHit *hit)
{
  g_return_val_if_fail (L != NULL, FALSE);

  /* Last added wins: markers sit on top of lines. */
  for (guint i = L->hits->len; i-- > 0;)
    {
      const D8ChartHit *h = &g_array_index (L->hits, D8ChartHit, i);

      if (x >= h->area.x && x < h->area.x + h->area.width && y >= h->area.y
          && y < h->area.y + h->area.height)
        {
          if (hit)
            *hit = *h;
          return TRUE;
        }
    }
  return FALSE;
}

const D8ChartShape *
d8_chart_layout_find_shape (const D8ChartLayout *L, D8ChartShapeKind kind, int row, int column)
{
  g_return_val_if_fail (L != NULL, NULL);

  for (guint i = 0; i < L->shapes->len; i++)
    {
      const D8ChartShape *s = &g_array_index (L->shapes, D8ChartShape, i);

      if (s->kind == kind && (row == D8_CHART_ANY || s->row == row)
          && (column == D8_CHART_ANY || s->column == column))
        return s;
    }
  return NULL;
}
