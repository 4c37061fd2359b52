/* d8-chart-layout.c — geometry of every chart kind.
 *
 * Sizes follow the page: the body font is about 1/60 of the height (9–10 pt
 * on A4 landscape, 18 px on a 1080p projector) and shrinks step by step
 * until everything fits, so no label ever leaves the page. Long names are
 * ellipsized to their column, never clipped.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "d8-chart-layout.h"
#include "d8-format.h"

#define MIN_FONT 4.0

typedef struct
{
  D8ChartLayout *L;
  const D8ChartModel *model;
  const D8ChartStyle *style;
  double f;  /* body font size */
  double m;  /* page margin */
  PangoFontDescription *fonts[D8_CHART_N_TEXT_ROLES];
  gboolean overflow;
} Builder;

static const double role_size[D8_CHART_N_TEXT_ROLES] = {
  [D8_CHART_TEXT_TITLE] = 1.45, [D8_CHART_TEXT_SUBTITLE] = 0.95, [D8_CHART_TEXT_HEADER] = 0.95,
  [D8_CHART_TEXT_LABEL] = 1.0,  [D8_CHART_TEXT_VALUE] = 0.95,    [D8_CHART_TEXT_AXIS] = 0.85,
  [D8_CHART_TEXT_NOTE] = 0.85,  [D8_CHART_TEXT_LEGEND] = 0.9,
};

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

static void
set_axis (D8ChartAxis *axis, double lo, double hi, guint max_intervals, gboolean integer,
          gboolean percent)
{
  g_clear_pointer (&axis->ticks, g_array_unref);
  axis->ticks = d8_chart_nice_ticks (lo, hi, max_intervals, integer, &axis->step);
  axis->min = g_array_index (axis->ticks, double, 0);
  axis->max = g_array_index (axis->ticks, double, axis->ticks->len - 1);
  axis->percent = percent;
}

static char *
format_tick (const D8ChartAxis *axis, double value)
{
  if (axis->percent)
    return d8_format_percent (value / 100.0, axis->step < 1 ? 1 : 0);
  return d8_format_count ((gint64) llround (value));
}

/* ------------------------------------------------------------ builder */

static void
builder_init (Builder *b, D8ChartLayout *L, const D8ChartModel *model, const D8ChartStyle *style,
              double f)
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
builder_clear (Builder *b)
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
}

/* Adds a text anchored at (x, y): @halign/@valign 0 put its left/top edge
 * there, 0.5 its centre, 1 its right/bottom edge. @max_width > 0 ellipsizes;
 * @max_lines > 1 wraps first. Returns its index. */
/* Shaped text, kept between layouts: a chart laid out again (new data, a
 * redraw, the next page of a pack) mostly shows the same labels in the same
 * fonts, and shaping them is most of a layout's cost. Laid-out PangoLayouts
 * are never changed afterwards, so they can be shared. Bounded: cleared
 * when it grows past CACHE_MAX entries. */
#define CACHE_MAX 8192
G_LOCK_DEFINE_STATIC (layout_cache);
static GHashTable *layout_cache; /* key → PangoLayout* */

static PangoLayout *
shaped_text (Builder *b, D8ChartTextRole role, const char *text, double max_width,
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

static guint
add_text (Builder *b, D8ChartTextRole role, const char *text, double x, double y,
          double max_width, int max_lines, double halign, double valign, int row, int column)
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
  g_array_append_val (b->L->texts, t);
  g_ptr_array_add (b->L->pango_layouts, layout);
  return b->L->texts->len - 1;
}

static D8ChartText *
text_at (Builder *b, guint index)
{
  return &g_array_index (b->L->texts, D8ChartText, index);
}

static D8ChartShape *
add_shape (Builder *b, D8ChartShapeKind kind, double x, double y, double w, double h)
{
  D8ChartShape s = { kind, { x, y, w, h }, D8_STATUS_NO_QUOTA, -1, -1, 0, 0, 0 };

  g_array_append_val (b->L->shapes, s);
  return &g_array_index (b->L->shapes, D8ChartShape, b->L->shapes->len - 1);
}

static void
add_hit (Builder *b, double x, double y, double w, double h, int row, int column)
{
  D8ChartHit hit = { { x, y, w, h }, row, column };

  g_array_append_val (b->L->hits, hit);
}

static void
shift_range (Builder *b, guint first_text, guint first_shape, double dx, double dy)
{
  for (guint i = first_text; i < b->L->texts->len; i++)
    {
      text_at (b, i)->rect.x += dx;
      text_at (b, i)->rect.y += dy;
    }
  for (guint i = first_shape; i < b->L->shapes->len; i++)
    {
      D8ChartShape *s = &g_array_index (b->L->shapes, D8ChartShape, i);
      s->rect.x += dx;
      s->rect.y += dy;
    }
}

/* Title and subtitle at the top; returns the y below them. */
static double
add_header (Builder *b)
{
  g_autofree char *title = d8_chart_model_title (b->model);
  g_autofree char *subtitle = d8_chart_model_subtitle (b->model);
  g_autofree char *line = NULL;
  double w = b->L->width - 2 * b->m;
  double y = b->m;
  guint i;

  i = add_text (b, D8_CHART_TEXT_TITLE, title, b->m, y, w, 1, 0, 0, -1, -1);
  y += text_at (b, i)->rect.height;
  line = b->model->plan_title ? g_strdup_printf ("%s · %s", subtitle, b->model->plan_title)
                              : g_strdup (subtitle);
  i = add_text (b, D8_CHART_TEXT_SUBTITLE, line, b->m, y, w, 1, 0, 0, -1, -1);
  return y + text_at (b, i)->rect.height + b->f * 0.8;
}

typedef struct
{
  D8ChartShapeKind kind; /* SWATCH or LEGEND_LINE */
  D8Status status;       /* SWATCH */
  guint line;            /* LEGEND_LINE: which line */
  const char *label;
} LegendItem;

/* The legend flows left to right along the bottom, wrapping when needed.
 * Returns its top y. */
static double
add_legend (Builder *b, const LegendItem *items, guint n_items)
{
  guint first_text = b->L->texts->len, first_shape = b->L->shapes->len;
  double x = 0, y = 0, line_h = b->f * 1.4;
  double sw = b->f * 1.6, sh = b->f * 0.95;
  double max_w = b->L->width - 2 * b->m;

  for (guint i = 0; i < n_items; i++)
    {
      guint t = add_text (b, D8_CHART_TEXT_LEGEND, items[i].label, 0, 0, max_w - sw - b->f * 0.5,
                          1, 0, 0, -1, -1);
      D8ChartText *text = text_at (b, t);
      double item_w = sw + b->f * 0.4 + text->rect.width;
      D8ChartShape *s;

      if (x > 0 && x + item_w > max_w)
        {
          x = 0;
          y += line_h;
        }
      text->rect.x = x + sw + b->f * 0.4;
      text->rect.y = y + (line_h - text->rect.height) / 2;
      s = add_shape (b, items[i].kind, x, y + (line_h - sh) / 2, sw, sh);
      s->status = items[i].status;
      s->series = items[i].line;
      x += item_w + b->f * 1.4;
    }
  y += line_h;
  shift_range (b, first_text, first_shape, b->m, b->L->height - b->m - y);
  return b->L->height - b->m - y;
}

static double
add_status_legend (Builder *b, gboolean with_quota_mark, gboolean with_target)
{
  LegendItem items[8];
  guint n = 0;
  const D8Status order[] = { D8_STATUS_DONE, D8_STATUS_ON_TRACK, D8_STATUS_BEHIND,
                             D8_STATUS_NOT_STARTED, D8_STATUS_NO_QUOTA };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    items[n++] = (LegendItem) { D8_CHART_SHAPE_SWATCH, order[i], 0, d8_status_to_label (order[i]) };
  if (with_quota_mark)
    items[n++] = (LegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0, D8_CHART_SHAPE_QUOTA_MARK,
                                with_target ? _("Quota or target") : _("Quota") };
  return add_legend (b, items, n);
}

/* ------------------------------------------------------------ bar charts */

static void
add_value_axis_labels (Builder *b, const D8ChartAxis *axis, double top, double bottom,
                       double label_y, gboolean grid)
{
  for (guint i = 0; i < axis->ticks->len; i++)
    {
      double v = g_array_index (axis->ticks, double, i);
      double x = d8_chart_axis_position (axis, v);
      g_autofree char *label = format_tick (axis, v);
      guint t;

      if (grid)
        add_shape (b, D8_CHART_SHAPE_GRID_LINE, x, top, 0, bottom - top);
      t = add_text (b, D8_CHART_TEXT_AXIS, label, x, label_y, 0, 1, 0.5, 0, -1, -1);
      /* keep the first and last labels on the page */
      text_at (b, t)->rect.x = CLAMP (text_at (b, t)->rect.x, b->m,
                                      b->L->width - b->m - text_at (b, t)->rect.width);
    }
}

/* One bar row: track to the quota, the bar, its mark, or a note when there
 * is nothing to draw. @value and @mark are on @axis; NAN mark = none. */
static void
add_bar (Builder *b, const D8ChartAxis *axis, D8ChartRect row, double value, double mark,
         gboolean has_bar, D8Status status, const char *note, int row_index, int column)
{
  double bh = MIN (row.height * 0.56, b->f * 1.5);
  double by = row.y + (row.height - bh) / 2;
  double x0 = d8_chart_axis_position (axis, axis->min);

  add_hit (b, row.x, row.y, row.width, row.height, row_index, column);
  if (!has_bar)
    {
      guint t = add_text (b, D8_CHART_TEXT_NOTE, note, x0 + b->f * 0.3, row.y + row.height / 2,
                          axis->to - x0 - b->f * 0.3, 1, 0, 0.5, row_index, column);
      text_at (b, t)->muted = TRUE;
      return;
    }
  if (!isnan (mark))
    {
      D8ChartShape *track = add_shape (b, D8_CHART_SHAPE_TRACK, x0, by,
                                       d8_chart_axis_position (axis, MIN (mark, axis->max)) - x0, bh);
      track->row = row_index;
      track->column = column;
    }
  {
    double shown = CLAMP (value, axis->min, axis->max);
    D8ChartShape *bar = add_shape (b, D8_CHART_SHAPE_BAR, x0, by,
                                   d8_chart_axis_position (axis, shown) - x0, bh);
    bar->status = status;
    bar->row = row_index;
    bar->column = column;
    if (value > axis->max)
      {
        D8ChartShape *arrow = add_shape (b, D8_CHART_SHAPE_OVERFLOW, axis->to, by, bh * 0.6, bh);
        arrow->row = row_index;
        arrow->column = column;
      }
  }
  if (!isnan (mark) && mark <= axis->max)
    {
      double mx = d8_chart_axis_position (axis, mark);
      D8ChartShape *q = add_shape (b, D8_CHART_SHAPE_QUOTA_MARK, mx, by - bh * 0.3, 0, bh * 1.6);
      q->row = row_index;
      q->column = column;
    }
}

static char *
bar_figures_text (const D8ChartItem *item)
{
  g_autofree char *figures = d8_chart_item_format_figures (item);

  if (item->is_percent)
    {
      g_autofree char *target = d8_format_percent (item->target, 0);
      if (isnan (item->target) || item->group_size <= 0)
        return g_steal_pointer (&figures);
      /* Translators: beside a bar; e.g. "40/100 (40 %) · target 80 %" */
      return g_strdup_printf (_("%s · target %s"), figures, target);
    }
  if (!item->has_quota || item->quota == 0)
    return g_steal_pointer (&figures);
  {
    g_autofree char *percent = d8_format_percent (item->completion, 0);
    return g_strdup_printf ("%s · %s", figures, percent);
  }
}

/* Figures and the status in words: the status is readable without colour. */
static char *
bar_value_text (const D8ChartItem *item)
{
  g_autofree char *figures = bar_figures_text (item);

  if (item->status == D8_STATUS_NO_QUOTA)
    return g_steal_pointer (&figures);
  return g_strdup_printf ("%s · %s", figures, d8_status_to_label (item->status));
}

static const char *
bar_note (const D8ChartItem *item)
{
  if (item->is_percent && item->group_size <= 0)
    return _("Nothing recorded yet");
  if (!item->is_percent && !item->has_quota)
    return _("No quota");
  if (!item->is_percent && item->quota == 0)
    return _("Quota 0: nothing asked");
  return NULL;
}

/* Unit progress (axis in % of each quota) and indicator charts (axis in the
 * indicator's counts, or % for percent indicators). */
static void
layout_bars (Builder *b)
{
  const D8ChartModel *model = b->model;
  D8ChartLayout *L = b->L;
  gboolean unit_chart = model->kind == D8_CHART_UNIT_PROGRESS;
  gboolean any_percent = FALSE;
  guint n = model->items->len;
  double top = add_header (b);
  double bottom = add_status_legend (b, TRUE, TRUE) - b->f * 0.8;
  double W = L->width - 2 * b->m;
  double label_w = 0, value_w = 0, hi = 0, axis_h = b->f * 1.6;
  double total_h = 0, row_h, x_plot, x_end;
  gboolean percent_axis;
  const D8ChartItem *first = n > 0 ? &g_array_index (model->items, D8ChartItem, 0) : NULL;
  g_autoptr (GArray) label_idx = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) value_idx = g_array_new (FALSE, FALSE, sizeof (guint));
  guint max_lines;

  percent_axis = unit_chart || (first != NULL && first->is_percent);
  if (model->kind == D8_CHART_INDICATOR && model->totals->len > 0)
    total_h = b->f * 6.2;

  row_h = n > 0 ? (bottom - top - axis_h - total_h) / n : 0;
  if (row_h < b->f * 1.45)
    b->overflow = TRUE;
  row_h = MIN (row_h, b->f * 4.2);
  max_lines = row_h >= b->f * 2.7 ? 2 : 1;

  /* Labels and values first: their widths decide where the plot goes. */
  for (guint r = 0; r < n; r++)
    {
      const D8ChartItem *item = &g_array_index (model->items, D8ChartItem, r);
      g_autofree char *label = unit_chart ? g_strdup_printf ("%s. %s", item->code, item->name)
                                          : g_strdup (item->name);
      g_autofree char *value = bar_value_text (item);
      guint t;

      t = add_text (b, D8_CHART_TEXT_LABEL, label, 0, 0, W * (unit_chart ? 0.34 : 0.22),
                    max_lines, 0, 0, (int) r, 0);
      label_w = MAX (label_w, text_at (b, t)->rect.width);
      g_array_append_val (label_idx, t);
      t = add_text (b, D8_CHART_TEXT_VALUE, value, 0, 0, W * 0.3, 1, 0, 0, (int) r, 0);
      value_w = MAX (value_w, text_at (b, t)->rect.width);
      g_array_append_val (value_idx, t);

      if (item->is_percent)
        {
          any_percent = TRUE;
          if (item->group_size > 0)
            hi = MAX (hi, item->completion * 100);
          if (!isnan (item->target))
            hi = MAX (hi, item->target * 100);
        }
      else if (unit_chart)
        {
          if (item->has_quota && item->quota > 0)
            hi = MAX (hi, item->completion * 100);
        }
      else
        {
          hi = MAX (hi, (double) item->achieved);
          if (item->has_quota)
            hi = MAX (hi, (double) item->quota);
        }
    }
  if (percent_axis)
    hi = MIN (MAX (hi, 100), 300); /* beyond 3× the quota an arrow says "more" */

  x_plot = b->m + label_w + b->f * 0.8;
  x_end = L->width - b->m - value_w - b->f * 1.6;
  if (x_end - x_plot < W * 0.25)
    b->overflow = TRUE;
  L->plot = (D8ChartRect) { x_plot, top, MAX (x_end - x_plot, 1), n * row_h };
  set_axis (&L->axis, 0, MAX (hi, 1), MAX ((guint) (L->plot.width / (b->f * 5)), 2),
            !percent_axis, percent_axis);
  L->axis.from = x_plot;
  L->axis.to = x_end;

  add_value_axis_labels (b, &L->axis, top, top + n * row_h, top + n * row_h + b->f * 0.3, TRUE);
  add_shape (b, D8_CHART_SHAPE_AXIS_LINE, x_plot, top, 0, n * row_h);

  for (guint r = 0; r < n; r++)
    {
      const D8ChartItem *item = &g_array_index (model->items, D8ChartItem, r);
      D8ChartRect row = { x_plot, top + r * row_h, x_end - x_plot, row_h };
      D8ChartText *label = text_at (b, g_array_index (label_idx, guint, r));
      D8ChartText *value = text_at (b, g_array_index (value_idx, guint, r));
      const char *note = bar_note (item);
      double v, mark;

      label->rect.x = b->m;
      label->rect.y = row.y + (row_h - label->rect.height) / 2;
      value->rect.x = x_end + b->f * 1.6;
      value->rect.y = row.y + (row_h - value->rect.height) / 2;

      if (item->is_percent)
        {
          v = item->group_size > 0 ? item->completion * 100 : 0;
          mark = isnan (item->target) ? NAN : item->target * 100;
        }
      else if (unit_chart)
        {
          v = item->has_quota && item->quota > 0 ? item->completion * 100 : 0;
          mark = 100;
        }
      else
        {
          v = (double) item->achieved;
          mark = item->has_quota ? (double) item->quota : NAN;
        }
      add_bar (b, &L->axis, row, v, mark, note == NULL, item->status, note, (int) r, 0);
    }
  (void) any_percent;

  /* Indicator chart: the province against the plan's stated total, on its
   * own scale (128 would dwarf every unit's bar), with the allocated sum. */
  if (total_h > 0)
    {
      const D8ChartItem *total = &g_array_index (model->totals, D8ChartItem, 0);
      const D8ChartAllocation *alloc = &g_array_index (model->allocation, D8ChartAllocation, 0);
      double y = top + n * row_h + axis_h + b->f * 0.6;
      /* The plan's totals row names count targets; a percent target is
       * stated elsewhere (section II), so it gets the plain heading. */
      g_autofree char *heading = total->is_percent || model->target_label == NULL
                                   ? g_strdup (_("Province total"))
                                   : g_strdup_printf (_("Province total (%s)"), model->target_label);
      g_autofree char *value = bar_value_text (total);
      double thi;
      D8ChartRect row;
      guint t;

      t = add_text (b, D8_CHART_TEXT_HEADER, heading, b->m, y, W, 1, 0, 0, -1, 0);
      y += text_at (b, t)->rect.height;
      row = (D8ChartRect) { x_plot, y, x_end - x_plot, b->f * 2.0 };
      if (total->is_percent)
        thi = MAX (100, total->group_size > 0 ? total->completion * 100 : 0);
      else
        thi = MAX (MAX ((double) total->quota, (double) total->achieved), (double) alloc->allocated);
      set_axis (&L->total_axis, 0, MAX (thi, 1), MAX ((guint) (row.width / (b->f * 5)), 2),
                !total->is_percent, total->is_percent);
      L->total_axis.from = x_plot;
      L->total_axis.to = x_end;
      t = add_text (b, D8_CHART_TEXT_VALUE, value, x_end + b->f * 1.6, y + row.height / 2, W * 0.26,
                    1, 0, 0.5, -1, 0);
      if (total->is_percent)
        add_bar (b, &L->total_axis, row, total->group_size > 0 ? total->completion * 100 : 0,
                 isnan (total->target) ? NAN : total->target * 100, total->group_size > 0,
                 total->status, _("Nothing recorded yet"), -1, 0);
      else
        add_bar (b, &L->total_axis, row, (double) total->achieved,
                 total->has_quota ? (double) total->quota : NAN, TRUE, total->status, NULL, -1, 0);
      add_value_axis_labels (b, &L->total_axis, y, y + row.height, y + row.height + b->f * 0.2, FALSE);
      if (alloc->checked && alloc->difference != 0)
        {
          double ax = d8_chart_axis_position (&L->total_axis, (double) alloc->allocated);
          g_autofree char *stated = d8_format_count (alloc->stated);
          g_autofree char *allocated = d8_format_count (alloc->allocated);
          g_autofree char *diff = d8_format_count (ABS (alloc->difference));
          g_autofree char *note = NULL;
          D8ChartShape *s = add_shape (b, D8_CHART_SHAPE_ALLOCATION_MARK, ax, y - b->f * 0.2, 0,
                                       row.height + b->f * 0.4);
          s->row = -1;
          s->column = 0;
          if (alloc->difference > 0)
            note = g_strdup_printf (ngettext ("Stated %s, allocated to units %s: %s not allocated",
                                              "Stated %s, allocated to units %s: %s not allocated",
                                              (gulong) alloc->difference),
                                    stated, allocated, diff);
          else
            note = g_strdup_printf (ngettext ("Stated %s, allocated to units %s: %s allocated beyond the total",
                                              "Stated %s, allocated to units %s: %s allocated beyond the total",
                                              (gulong) -alloc->difference),
                                    stated, allocated, diff);
          t = add_text (b, D8_CHART_TEXT_NOTE, note, x_plot, y + row.height + b->f * 1.3,
                        x_end - x_plot, 1, 0, 0, -1, 0);
        }
      (void) t;
    }
  if (top + n * row_h + axis_h + total_h > bottom + 0.5)
    b->overflow = TRUE;
}

/* ------------------------------------------------------------ matrix */

static void
layout_matrix (Builder *b)
{
  const D8ChartModel *model = b->model;
  D8ChartLayout *L = b->L;
  guint n_rows = model->rows->len, n_cols = model->columns->len;
  double top = add_header (b);
  double bottom = add_status_legend (b, FALSE, FALSE) - b->f * 0.6;
  double W = L->width - 2 * b->m;
  double name_w = 0, cell_w, row_h, header_h = b->f * 2.7, table_w, x0;
  double key_line_h, notes_h = 0, key_h, y;
  guint key_cols = W > b->f * 70 ? 2 : 1, key_rows;
  g_autoptr (GArray) name_idx = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  guint t;

  /* Notes under the table: the allocation check, then province-wide
   * indicators that have no per-unit quota. */
  for (guint c = 0; c < model->allocation->len; c++)
    {
      const D8ChartAllocation *alloc = &g_array_index (model->allocation, D8ChartAllocation, c);
      const D8ChartLabel *col = &g_array_index (model->columns, D8ChartLabel, c);
      g_autofree char *stated = NULL, *allocated = NULL, *diff = NULL;

      if (!alloc->checked || alloc->difference == 0)
        continue;
      stated = d8_format_count (alloc->stated);
      allocated = d8_format_count (alloc->allocated);
      diff = d8_format_count (ABS (alloc->difference));
      if (alloc->difference > 0)
        g_ptr_array_add (notes, g_strdup_printf (
          /* Translators: a note under the matrix; "* Indicator 1: stated 128,
           * allocated to units 126: 2 not allocated" */
          ngettext ("* Indicator %s: stated %s, allocated to units %s: %s not allocated",
                    "* Indicator %s: stated %s, allocated to units %s: %s not allocated",
                    (gulong) alloc->difference),
          col->code, stated, allocated, diff));
      else
        g_ptr_array_add (notes, g_strdup_printf (
          ngettext ("* Indicator %s: stated %s, allocated to units %s: %s allocated beyond the total",
                    "* Indicator %s: stated %s, allocated to units %s: %s allocated beyond the total",
                    (gulong) -alloc->difference),
          col->code, stated, allocated, diff));
    }
  for (guint e = 0; e < model->extras->len; e++)
    {
      const D8ChartItem *extra = &g_array_index (model->extras, D8ChartItem, e);
      g_autofree char *figures = bar_figures_text (extra);
      const char *status = d8_status_to_label (extra->status);

      g_ptr_array_add (notes, g_strdup_printf ("%s. %s — %s, %s", extra->code, extra->name,
                                               extra->group_size > 0 ? figures : _("Nothing recorded yet"),
                                               status));
    }

  /* From the bottom up: notes, the key of indicator codes, then the table
   * takes what is left. */
  y = bottom;
  for (guint i = notes->len; i-- > 0;)
    {
      t = add_text (b, D8_CHART_TEXT_NOTE, notes->pdata[i], b->m, y, W, 1, 0, 1, -1, -1);
      y -= text_at (b, t)->rect.height;
      notes_h += text_at (b, t)->rect.height;
    }
  key_rows = (n_cols + key_cols - 1) / MAX (key_cols, 1);
  key_line_h = b->f * role_size[D8_CHART_TEXT_NOTE] * 1.4;
  key_h = key_rows * key_line_h;
  y -= key_h + b->f * 0.4;
  for (guint c = 0; c < n_cols; c++)
    {
      const D8ChartLabel *col = &g_array_index (model->columns, D8ChartLabel, c);
      g_autofree char *line = g_strdup_printf ("%s. %s (%s)", col->code, col->name,
                                               col->detail ? col->detail : "");
      guint kc = c / MAX (key_rows, 1), kr = c % MAX (key_rows, 1);
      double kw = W / key_cols;

      t = add_text (b, D8_CHART_TEXT_NOTE, line, b->m + kc * kw, y + kr * key_line_h,
                    kw - b->f, 1, 0, 0, -1, (int) c);
    }
  bottom = y - b->f * 0.6;

  /* Row names: units, then the plan's totals row and the allocation row. */
  for (guint r = 0; r < n_rows + 2; r++)
    {
      const char *name = r < n_rows ? g_array_index (model->rows, D8ChartLabel, r).name
                         : r == n_rows ? (model->target_label ? model->target_label : _("Total"))
                                       : _("Allocated to units");
      t = add_text (b, r < n_rows ? D8_CHART_TEXT_LABEL : D8_CHART_TEXT_HEADER, name, 0, 0,
                    W * 0.28, 1, 0, 0, r < n_rows ? (int) r : -1, -1);
      name_w = MAX (name_w, text_at (b, t)->rect.width);
      g_array_append_val (name_idx, t);
    }
  name_w += b->f;
  cell_w = n_cols > 0 ? MIN ((W - name_w) / n_cols, b->f * 9) : 0;
  table_w = name_w + n_cols * cell_w;
  x0 = b->m + (W - table_w) / 2;
  row_h = (bottom - top - header_h - b->f * 0.4) / (n_rows + 2);
  if (row_h < b->f * 1.35 || cell_w < b->f * 4)
    b->overflow = TRUE;
  row_h = MIN (row_h, b->f * 2.4);
  L->plot = (D8ChartRect) { x0, top, table_w, header_h + (n_rows + 2) * row_h + b->f * 0.4 };

  /* Column headings: code in bold, count unit below. */
  for (guint c = 0; c < n_cols; c++)
    {
      const D8ChartLabel *col = &g_array_index (model->columns, D8ChartLabel, c);
      double cx = x0 + name_w + (c + 0.5) * cell_w;
      const D8ChartAllocation *alloc = &g_array_index (model->allocation, D8ChartAllocation, c);
      g_autofree char *code = g_strdup_printf ("%s%s", col->code,
                                               alloc->checked && alloc->difference != 0 ? "*" : "");

      add_text (b, D8_CHART_TEXT_HEADER, code, cx, top, cell_w, 1, 0.5, 0, -1, (int) c);
      t = add_text (b, D8_CHART_TEXT_NOTE, col->detail ? col->detail : "", cx, top + b->f * 1.3,
                    cell_w - b->f * 0.3, 1, 0.5, 0, -1, (int) c);
      text_at (b, t)->muted = TRUE;
    }

  for (guint r = 0; r < n_rows + 2; r++)
    {
      double ry = top + header_h + r * row_h + (r >= n_rows ? b->f * 0.4 : 0);
      D8ChartText *name = text_at (b, g_array_index (name_idx, guint, r));

      name->rect.x = x0;
      name->rect.y = ry + (row_h - name->rect.height) / 2;
      if (r == n_rows)
        add_shape (b, D8_CHART_SHAPE_SEPARATOR, x0, ry - b->f * 0.2, table_w, 0);
      else if (r < n_rows && r > 0)
        add_shape (b, D8_CHART_SHAPE_GRID_LINE, x0, ry, table_w, 0);

      for (guint c = 0; c < n_cols; c++)
        {
          double cx = x0 + name_w + c * cell_w;
          double inset = MAX (b->f * 0.12, 1);
          D8ChartRect cell = { cx + inset, ry + inset, cell_w - 2 * inset, row_h - 2 * inset };
          g_autofree char *figures = NULL;
          D8ChartShape *s = NULL;
          int row_index = r < n_rows ? (int) r : -1;

          if (r <= n_rows)
            {
              const D8ChartItem *item = r < n_rows ? d8_chart_model_get_item (model, r, c)
                                                   : &g_array_index (model->totals, D8ChartItem, c);
              s = add_shape (b, D8_CHART_SHAPE_CELL, cell.x, cell.y, cell.width, cell.height);
              s->status = item->status;
              s->row = row_index;
              s->column = (int) c;
              figures = d8_chart_item_format_figures (item);
              add_hit (b, cx, ry, cell_w, row_h, row_index, (int) c);
            }
          else
            {
              const D8ChartAllocation *alloc = &g_array_index (model->allocation, D8ChartAllocation, c);

              figures = d8_format_count (alloc->allocated);
              if (alloc->checked && alloc->difference != 0)
                {
                  g_autofree char *marked = g_strdup_printf ("%s*", figures);
                  s = add_shape (b, D8_CHART_SHAPE_CELL_FLAG, cell.x, cell.y, cell.width, cell.height);
                  s->row = -2;
                  s->column = (int) c;
                  g_free (figures);
                  figures = g_steal_pointer (&marked);
                }
              add_hit (b, cx, ry, cell_w, row_h, -1, (int) c);
            }
          t = add_text (b, D8_CHART_TEXT_VALUE, figures, cx + cell_w / 2, ry + row_h / 2,
                        cell_w - b->f * 0.3, 1, 0.5, 0.5, row_index, (int) c);
          /* Figures stay readable on hatching: the hatch stops around them. */
          if (r <= n_rows && (s->status == D8_STATUS_ON_TRACK || s->status == D8_STATUS_BEHIND))
            {
              const D8ChartRect *tr = &text_at (b, t)->rect;
              double pad = b->f * 0.25;
              D8Status status = s->status; /* s moves when the array grows */
              D8ChartShape *back = add_shape (b, D8_CHART_SHAPE_TEXT_BACKDROP, tr->x - pad,
                                              MAX (tr->y, cell.y + inset), tr->width + 2 * pad,
                                              MIN (tr->height, cell.height - 2 * inset));
              back->status = status;
              back->row = row_index;
              back->column = (int) c;
            }
        }
    }
}

/* ------------------------------------------------------------ timeline */

static double
series_value_max (const D8ChartSeries *series)
{
  double hi = series->has_goal ? series->goal : 0;

  for (guint i = 0; i < series->points->len; i++)
    hi = MAX (hi, g_array_index (series->points, D8ChartPoint, i).value);
  return hi;
}

static int
iso_day (const D8ChartModel *model, const char *iso)
{
  GDate a, z;
  int y, mo, d;

  g_date_clear (&a, 1);
  g_date_clear (&z, 1);
  if (model->period_start == NULL || iso == NULL
      || sscanf (model->period_start, "%d-%d-%d", &y, &mo, &d) != 3 || !g_date_valid_dmy (d, mo, y))
    return -1;
  g_date_set_dmy (&a, d, mo, y);
  if (sscanf (iso, "%d-%d-%d", &y, &mo, &d) != 3 || !g_date_valid_dmy (d, mo, y))
    return -1;
  g_date_set_dmy (&z, d, mo, y);
  return g_date_days_between (&a, &z);
}

typedef struct
{
  guint text;
  double y;
} EndLabel;

static int
compare_end_label_cb (gconstpointer a, gconstpointer b)
{
  double ya = ((const EndLabel *) a)->y, yb = ((const EndLabel *) b)->y;
  return ya < yb ? -1 : ya > yb;
}

static void
layout_timeline (Builder *b)
{
  const D8ChartModel *model = b->model;
  D8ChartLayout *L = b->L;
  gboolean single = model->series->len == 1;
  const D8ChartSeries *only = single ? model->series->pdata[0] : NULL;
  gboolean percent = !single || only->is_percent || only->percent_of_quota;
  LegendItem legend[5];
  guint n_legend = 0;
  double top, bottom, hi = percent ? 100 : 1, y_label_w = 0, end_w = 0;
  double x0, x1, y0, y1, day_span = MAX (model->period_days - 1, 1);
  g_autoptr (GArray) end_labels = g_array_new (FALSE, FALSE, sizeof (EndLabel));
  int start_y, start_m, start_d;

  legend[n_legend++] = (LegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0, D8_CHART_SHAPE_SERIES,
                                      _("Achieved, cumulative") };
  if (single && only->is_percent && !only->percent_of_quota)
    legend[n_legend++] = (LegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0, D8_CHART_SHAPE_TARGET_LINE,
                                        _("Target") };
  else
    legend[n_legend++] = (LegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0, D8_CHART_SHAPE_PACE,
                                        _("Even pace to the quota") };
  legend[n_legend++] = (LegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0, D8_CHART_SHAPE_DATE_MARK,
                                      _("Reporting dates") };
  legend[n_legend++] = (LegendItem) { D8_CHART_SHAPE_LEGEND_LINE, 0, D8_CHART_SHAPE_AS_OF_MARK,
                                      _("As of") };

  top = add_header (b);
  bottom = add_legend (b, legend, n_legend) - b->f * 0.6;

  for (guint s = 0; s < model->series->len; s++)
    hi = MAX (hi, series_value_max (model->series->pdata[s]));
  /* One runaway indicator (24 done of a quota of 3) must not flatten all
   * others: in % of quota the axis stops at 250 % and the line is cut at
   * the top of the plot, its marker and code still showing where it is. */
  if (percent && !single)
    hi = MIN (hi, 250);
  set_axis (&L->axis, 0, hi, MAX ((guint) ((bottom - top) / (b->f * 3.5)), 2), !percent, percent);

  for (guint i = 0; i < L->axis.ticks->len; i++)
    {
      g_autofree char *label = format_tick (&L->axis, g_array_index (L->axis.ticks, double, i));
      guint t = add_text (b, D8_CHART_TEXT_AXIS, label, 0, 0, 0, 1, 0, 0, -1, -1);
      y_label_w = MAX (y_label_w, text_at (b, t)->rect.width);
    }
  if (!single)
    for (guint s = 0; s < model->series->len; s++)
      {
        const D8ChartSeries *series = model->series->pdata[s];
        PangoLayout *probe = pango_layout_new (L->pango_context);
        PangoRectangle r;

        pango_layout_set_font_description (probe, b->fonts[D8_CHART_TEXT_LEGEND]);
        pango_layout_set_text (probe, series->code, -1);
        pango_layout_get_extents (probe, NULL, &r);
        end_w = MAX (end_w, (double) r.width / PANGO_SCALE);
        g_object_unref (probe);
      }

  x0 = b->m + y_label_w + b->f * 0.6;
  x1 = L->width - b->m - (end_w > 0 ? end_w + b->f * 1.6 : b->f * 0.5);
  y0 = top + b->f * 1.5; /* room for the reporting-date labels */
  y1 = bottom - b->f * 1.5;
  if (y1 - y0 < b->f * 8 || x1 - x0 < b->f * 20)
    b->overflow = TRUE;
  L->plot = (D8ChartRect) { x0, y0, MAX (x1 - x0, 1), MAX (y1 - y0, 1) };
  L->axis.from = y1;
  L->axis.to = y0;
  set_axis (&L->time_axis, 0, day_span, 1, TRUE, FALSE);
  L->time_axis.min = 0;
  L->time_axis.max = day_span;
  L->time_axis.from = x0;
  L->time_axis.to = x1;

  /* value axis: horizontal grid, labels right-aligned left of the plot */
  for (guint i = 0; i < L->axis.ticks->len; i++)
    {
      double v = g_array_index (L->axis.ticks, double, i);
      double y = d8_chart_axis_position (&L->axis, v);
      D8ChartText *t = text_at (b, i + (b->L->texts->len - L->axis.ticks->len));

      add_shape (b, D8_CHART_SHAPE_GRID_LINE, x0, y, x1 - x0, 0);
      t->rect.x = x0 - b->f * 0.4 - t->rect.width;
      t->rect.y = y - t->rect.height / 2;
    }

  /* time axis: a tick and label at the first of every month */
  if (model->period_start && sscanf (model->period_start, "%d-%d-%d", &start_y, &start_m, &start_d) == 3
      && g_date_valid_dmy (start_d, start_m, start_y))
    {
      GDate date;
      double month_w = (x1 - x0) / MAX (model->period_days / 30.4, 1);

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, start_m, start_y);
      if (start_d != 1)
        g_date_add_months (&date, 1);
      for (int guard = 0; guard < 60; guard++, g_date_add_months (&date, 1))
        {
          char iso[16];
          int day;
          double x;
          g_autoptr (GDateTime) dt = NULL;
          g_autofree char *label = NULL;
          guint t;

          g_snprintf (iso, sizeof iso, "%04d-%02d-01", g_date_get_year (&date), g_date_get_month (&date));
          day = iso_day (model, iso);
          if (day < 0 || day > day_span)
            break;
          x = d8_chart_axis_position (&L->time_axis, day);
          add_shape (b, D8_CHART_SHAPE_GRID_LINE, x, y0, 0, y1 - y0);
          dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), 1, 12, 0, 0);
          /* Translators: month labels of the timeline axis, a g_date_time_format
           * format; Vietnamese might use "T%-m" (T1 … T12) */
          label = g_date_time_format (dt, C_("timeline month", "%b"));
          t = add_text (b, D8_CHART_TEXT_AXIS, label, x + month_w / 2, y1 + b->f * 0.3,
                        month_w, 1, 0.5, 0, -1, -1);
          text_at (b, t)->rect.x = CLAMP (text_at (b, t)->rect.x, b->m,
                                          L->width - b->m - text_at (b, t)->rect.width);
        }
    }
  add_shape (b, D8_CHART_SHAPE_AXIS_LINE, x0, y1, x1 - x0, 0);
  add_shape (b, D8_CHART_SHAPE_AXIS_LINE, x0, y0, 0, y1 - y0);

  /* reporting dates, then the as-of date */
  for (guint i = 0; i < model->report_dates->len; i++)
    {
      int day = iso_day (model, model->report_dates->pdata[i]);
      double x;
      g_autofree char *date = NULL;
      g_autofree char *label = NULL;
      guint t;

      if (day < 0 || day > day_span)
        continue;
      x = d8_chart_axis_position (&L->time_axis, day);
      add_shape (b, D8_CHART_SHAPE_DATE_MARK, x, y0, 0, y1 - y0);
      date = d8_format_date (model->report_dates->pdata[i]);
      label = g_strdup_printf ("%s %s", (char *) model->report_labels->pdata[i], date);
      t = add_text (b, D8_CHART_TEXT_AXIS, label, x, y0 - b->f * 0.2, (x1 - x0) * 0.45, 1, 0.5, 1, -1, -1);
      text_at (b, t)->rect.x = CLAMP (text_at (b, t)->rect.x, b->m,
                                      L->width - b->m - text_at (b, t)->rect.width);
    }
  {
    double x = d8_chart_axis_position (&L->time_axis, model->as_of_day);
    add_shape (b, D8_CHART_SHAPE_AS_OF_MARK, x, y0, 0, y1 - y0);
  }

  /* pace: one straight line to the goal at the end of the period (shared
   * by every series when they are all in % of quota) */
  if (single && only->is_percent && !only->percent_of_quota && only->has_goal)
    {
      double y = d8_chart_axis_position (&L->axis, only->goal);
      add_shape (b, D8_CHART_SHAPE_TARGET_LINE, x0, y, x1 - x0, 0);
    }
  else if (!single || only->has_goal)
    {
      double goal = single ? only->goal : 100;
      double y = d8_chart_axis_position (&L->axis, goal);
      add_shape (b, D8_CHART_SHAPE_PACE, x0, y1, x1 - x0, y - y1);
    }

  for (guint s = 0; s < model->series->len; s++)
    {
      const D8ChartSeries *series = model->series->pdata[s];
      guint first = L->points->len;
      double prev = 0;
      D8ChartXY xy;
      D8ChartShape *shape;
      double end_x = d8_chart_axis_position (&L->time_axis, model->as_of_day);
      double marker = b->f * 0.75;

      /* Cumulative figures only change on days with entries: steps. */
      xy = (D8ChartXY) { x0, d8_chart_axis_position (&L->axis, 0) };
      g_array_append_val (L->points, xy);
      for (guint i = 0; i < series->points->len; i++)
        {
          const D8ChartPoint *p = &g_array_index (series->points, D8ChartPoint, i);
          double x = d8_chart_axis_position (&L->time_axis, p->day);

          xy = (D8ChartXY) { x, d8_chart_axis_position (&L->axis, prev) };
          g_array_append_val (L->points, xy);
          xy = (D8ChartXY) { x, d8_chart_axis_position (&L->axis, p->value) };
          g_array_append_val (L->points, xy);
          prev = p->value;
        }
      xy = (D8ChartXY) { end_x, d8_chart_axis_position (&L->axis, prev) };
      g_array_append_val (L->points, xy);
      shape = add_shape (b, D8_CHART_SHAPE_SERIES, 0, 0, 0, 0);
      shape->series = s;
      shape->first_point = first;
      shape->n_points = L->points->len - first;
      shape->row = (int) s;
      xy.y = MAX (xy.y, y0);
      shape = add_shape (b, D8_CHART_SHAPE_MARKER, end_x - marker / 2, xy.y - marker / 2, marker, marker);
      shape->series = s;
      shape->row = (int) s;
      add_hit (b, end_x - marker, xy.y - marker, 2 * marker, 2 * marker, (int) s, 0);
      if (!single)
        {
          EndLabel label;

          label.text = add_text (b, D8_CHART_TEXT_LEGEND, series->code,
                                 MIN (end_x + marker, x1) + b->f * 0.5, xy.y, 0, 1, 0, 0.5, (int) s, 0);
          label.y = xy.y;
          g_array_append_val (end_labels, label);
        }
    }

  /* Direct labels at the right edge, pushed apart so none overlap; a thin
   * leader is not needed because each label sits at its line's height. */
  g_array_sort (end_labels, compare_end_label_cb);
  {
    double next = y0 - b->f * 0.5;
    for (guint i = 0; i < end_labels->len; i++)
      {
        D8ChartText *t = text_at (b, g_array_index (end_labels, EndLabel, i).text);
        double h = t->rect.height;
        t->rect.y = MAX (t->rect.y, next);
        next = t->rect.y + h * 0.9;
      }
    /* and back up if the last ones fell below the plot */
    for (guint i = end_labels->len; i-- > 0;)
      {
        D8ChartText *t = text_at (b, g_array_index (end_labels, EndLabel, i).text);
        double limit = i + 1 < end_labels->len
                         ? text_at (b, g_array_index (end_labels, EndLabel, i + 1).text)->rect.y - t->rect.height * 0.9
                         : y1 - t->rect.height / 2;
        t->rect.y = MIN (t->rect.y, limit);
      }
  }
}

/* ------------------------------------------------------------ public */

static void
build (D8ChartLayout *L, const D8ChartModel *model, const D8ChartStyle *style, double f,
       gboolean *overflow)
{
  Builder b;

  layout_reset (L);
  builder_init (&b, L, model, style, f);
  switch (model->kind)
    {
    case D8_CHART_UNIT_PROGRESS:
    case D8_CHART_INDICATOR:
      layout_bars (&b);
      break;
    case D8_CHART_MATRIX:
      layout_matrix (&b);
      break;
    case D8_CHART_TIMELINE:
      layout_timeline (&b);
      break;
    default:
      g_assert_not_reached ();
    }
  /* Anything outside the page counts as not fitting. */
  for (guint i = 0; i < L->texts->len; i++)
    {
      const D8ChartRect *r = &g_array_index (L->texts, D8ChartText, i).rect;
      if (r->x < -0.01 || r->y < -0.01 || r->x + r->width > L->width + 0.01
          || r->y + r->height > L->height + 0.01)
        b.overflow = TRUE;
    }
  *overflow = b.overflow;
  builder_clear (&b);
}

D8ChartLayout *
d8_chart_layout_new (const D8ChartModel *model, const D8ChartStyle *style, double width,
                     double height)
{
  D8ChartLayout *L;
  cairo_font_options_t *options;
  double f;
  gboolean overflow = TRUE;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  L = g_new0 (D8ChartLayout, 1);
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

  f = CLAMP (MIN (width / 85.0, height / 60.0), 6.0, 28.0) * (style->scale > 0 ? style->scale : 1.0);
  for (int attempt = 0; overflow && attempt < 12 && f >= MIN_FONT; attempt++)
    {
      build (L, model, style, f, &overflow);
      if (overflow)
        f *= 0.9;
    }
  if (overflow && f < MIN_FONT)
    build (L, model, style, MIN_FONT, &overflow);
  L->fits = !overflow;
  return L;
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
