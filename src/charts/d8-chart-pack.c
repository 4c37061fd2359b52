/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-pack.c — the meeting pack, page by page (see d8-chart-pack.h).
 *
 * Page 1 is a cover (plan, as-of date, office, the province's completion,
 * the units behind, the allocation differences); page 2 the province matrix;
 * then one page per unit: its progress chart above a table of its figures.
 * Every page has a footer with the plan number and "Page N/M". Always the
 * print style: black text on white, status textures that survive greyscale.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "d8-chart-export.h"
#include "d8-chart-groups.h"
#include "d8-chart-layout.h"
#include "d8-chart-model.h"
#include "d8-chart-pack.h"
#include "d8-chart-paint.h"
#include "d8-entry.h"
#include "d8-error.h"
#include "d8-format.h"
#include "d8-plan-draft.h"
#include "d8-text.h"

#define MARGIN 30.0     /* points, all sides */
#define FOOTER 16.0     /* height kept for the footer */
#define BODY_SIZE 9.0   /* points */
#define FOOTER_SIZE 8.0

#define ROWS_PER_PAGE 30   /* matrix rows a page holds legibly */
#define ALL_UNITS_UP_TO 30 /* default: a page per unit up to this many units */

typedef enum
{
  PAGE_COVER,
  PAGE_MATRIX, /* index: into matrices */
  PAGE_UNIT,   /* index: into unit_models */
} PageKind;

typedef struct
{
  PageKind kind;
  guint index;
} Page;

struct _D8ChartPack
{
  D8Overview *overview;
  D8Rollup *rollup; /* owned; NULL or one group: a flat plan */
  char *office;
  char *printed_on;
  D8ChartStyle style;
  D8ChartModel *matrix;   /* the province's: the cover's allocation check */
  GPtrArray *matrices;    /* D8ChartModel*, one per matrix page */
  GPtrArray *unit_models; /* D8ChartModel*, one per unit page */
  GArray *unit_pages;     /* guint: the unit of each unit page */
  GArray *pages;          /* Page */
};

static gboolean
grouped (const D8ChartPack *pack)
{
  return pack->rollup != NULL && d8_rollup_is_grouped (pack->rollup);
}

static void
add_page (D8ChartPack *pack, PageKind kind, guint index)
{
  Page page = { kind, index };

  g_array_append_val (pack->pages, page);
}

static void
add_matrix_page (D8ChartPack *pack, D8ChartModel *model)
{
  add_page (pack, PAGE_MATRIX, pack->matrices->len);
  g_ptr_array_add (pack->matrices, model);
}

/* Matrix pages of @units (indices), ROWS_PER_PAGE at a time, each with
 * @totals under its label, its subject numbered when it takes more than
 * one page: the header row and the totals repeat on every page. */
static void
add_unit_matrices (D8ChartPack *pack, const char *subject, const guint *units, guint n,
                   const D8Cell *totals, const char *totals_label)
{
  D8Overview *ov = pack->overview;
  guint n_pages = MAX ((n + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE, 1);
  g_autofree D8ChartMatrixRow *rows = g_new0 (D8ChartMatrixRow, ROWS_PER_PAGE);

  for (guint p = 0; p < n_pages; p++)
    {
      guint first = p * ROWS_PER_PAGE, count = MIN (ROWS_PER_PAGE, n - first);
      g_autofree char *title = n_pages > 1
        /* Translators: a matrix split over pages: "Chư Sê (2/3)" */
        ? g_strdup_printf (_("%s (%u/%u)"), subject, p + 1, n_pages)
        : g_strdup (subject);

      for (guint r = 0; r < count; r++)
        {
          const D8Unit *unit = ov->units->pdata[units[first + r]];

          rows[r] = (D8ChartMatrixRow) { unit->code, unit->name, unit->kind,
                                         d8_overview_cell (ov, units[first + r], 0) };
        }
      add_matrix_page (pack, d8_chart_model_matrix_from_rows (ov, title, rows, count, totals,
                                                              totals_label));
    }
}

/* The matrix pages: flat, every unit (over several pages when long); grouped,
 * the groups with the province's totals, then each group's units with its
 * subtotals. */
static void
add_matrices (D8ChartPack *pack)
{
  D8Overview *ov = pack->overview;
  const D8Rollup *rollup = pack->rollup;

  if (!grouped (pack))
    {
      g_autofree guint *all = NULL;

      if (ov->units->len <= ROWS_PER_PAGE + ROWS_PER_PAGE / 3)
        {
          add_matrix_page (pack, d8_chart_model_matrix_from_overview (ov));
          return;
        }
      all = g_new0 (guint, ov->units->len);
      for (guint u = 0; u < ov->units->len; u++)
        all[u] = u;
      add_unit_matrices (pack, _("All units"), all, ov->units->len, NULL, NULL);
      return;
    }

  add_matrix_page (pack, d8_chart_groups_model (D8_CHART_MATRIX, ov, rollup, -1,
                                                D8_CHART_ORDER_PLAN));
  for (guint g = 0; g < rollup->groups->len; g++)
    {
      const D8RollupGroup *group = rollup->groups->pdata[g];

      add_unit_matrices (pack, d8_rollup_group_label (group), (const guint *) group->units->data,
                         group->units->len, group->cells,
                         /* Translators: the totals row of a parent group's matrix */
                         _("Subtotal"));
    }
}

/**
 * d8_chart_pack_new_full:
 * @overview: the figures as of a date (kept by reference)
 * @rollup: (nullable) (transfer full): the units grouped by parent; the
 *   matrix is then printed group by group with subtotals
 * @office: (nullable): the office printing the pack, as the cover shows it
 * @unit_pages: (nullable) (element-type guint): the units that get a page
 *   of their own, in that order (d8_chart_pack_select_units()); NULL for
 *   every unit of a plan of up to 30 units and none beyond
 *
 * Returns: (transfer full): the pack: the cover, the matrix over as many
 *   pages as it needs, then the unit pages.
 */
D8ChartPack *
d8_chart_pack_new_full (D8Overview *overview, D8Rollup *rollup, const char *office,
                        GArray *unit_pages)
{
  D8ChartPack *pack;

  g_return_val_if_fail (overview != NULL, NULL);

  pack = g_new0 (D8ChartPack, 1);
  pack->overview = d8_overview_ref (overview);
  pack->rollup = rollup;
  pack->office = g_strdup (office);
  pack->printed_on = d8_date_today ();
  pack->style = d8_chart_style_print ();
  pack->matrix = d8_chart_model_matrix_from_overview (overview);
  pack->matrices = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_chart_model_free);
  pack->unit_models = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_chart_model_free);
  pack->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  if (unit_pages != NULL)
    pack->unit_pages = g_array_ref (unit_pages);
  else
    {
      pack->unit_pages = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint u = 0; overview->units->len <= ALL_UNITS_UP_TO && u < overview->units->len; u++)
        g_array_append_val (pack->unit_pages, u);
    }

  add_page (pack, PAGE_COVER, 0);
  add_matrices (pack);
  for (guint k = 0; k < pack->unit_pages->len; k++)
    {
      guint u = g_array_index (pack->unit_pages, guint, k);

      g_return_val_if_fail (u < overview->units->len, pack);
      add_page (pack, PAGE_UNIT, pack->unit_models->len);
      g_ptr_array_add (pack->unit_models, d8_chart_model_unit_from_overview (overview, u));
    }
  return pack;
}

/**
 * d8_chart_pack_new:
 * @overview: the figures as of a date (kept by reference)
 * @office: (nullable): the office printing the pack
 *
 * Returns: (transfer full): the pack of a flat plan, with the default unit pages.
 */
D8ChartPack *
d8_chart_pack_new (D8Overview *overview, const char *office)
{
  return d8_chart_pack_new_full (overview, NULL, office, NULL);
}

void
d8_chart_pack_free (D8ChartPack *pack)
{
  if (pack == NULL)
    return;
  d8_overview_unref (pack->overview);
  g_free (pack->office);
  g_free (pack->printed_on);
  d8_chart_model_free (pack->matrix);
  g_ptr_array_unref (pack->matrices);
  g_ptr_array_unref (pack->unit_models);
  g_array_unref (pack->unit_pages);
  g_array_unref (pack->pages);
  d8_rollup_free (pack->rollup);
  g_free (pack);
}

guint
d8_chart_pack_get_n_pages (const D8ChartPack *pack)
{
  g_return_val_if_fail (pack != NULL, 0);
  return pack->pages->len;
}

static gboolean
same_text (const char *a, const char *b)
{
  g_autofree char *fa = d8_text_fold (a);
  g_autofree char *fb = d8_text_fold (b);

  g_strstrip (fa);
  g_strstrip (fb);
  return g_strcmp0 (fa, fb) == 0;
}

/**
 * d8_chart_pack_select_units:
 * @overview: the figures
 * @rollup: (nullable): the units grouped by parent
 * @spec: "all", "behind" (behind the even pace, or not started, on at
 *   least one indicator), "none", a parent group (its name or code), or a
 *   comma-separated list of units (names, whatever the case and
 *   diacritics, or codes)
 * @error: (out) (optional): D8_ERROR_NOT_FOUND naming what matches no unit
 *   or group
 *
 * Returns: (transfer full) (element-type guint) (nullable): the indices of
 *   the units to give a page, in plan order for a keyword or a group, in
 *   the list's order for a list; NULL on error.
 */
GArray *
d8_chart_pack_select_units (D8Overview *overview, const D8Rollup *rollup, const char *spec,
                            GError **error)
{
  g_autoptr (GArray) units = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto (GStrv) parts = NULL;

  g_return_val_if_fail (overview != NULL && spec != NULL, NULL);

  if (g_str_equal (spec, "none"))
    return g_steal_pointer (&units);
  if (g_str_equal (spec, "all") || g_str_equal (spec, "behind"))
    {
      for (guint u = 0; u < overview->units->len; u++)
        if (spec[0] == 'a' || d8_overview_unit_has_status (overview, u, D8_STATUS_BEHIND))
          g_array_append_val (units, u);
      return g_steal_pointer (&units);
    }
  for (guint g = 0; rollup != NULL && g < rollup->groups->len; g++)
    {
      const D8RollupGroup *group = rollup->groups->pdata[g];

      if (g_strcmp0 (group->code, spec) == 0 || same_text (d8_rollup_group_label (group), spec))
        {
          g_array_append_vals (units, group->units->data, group->units->len);
          return g_steal_pointer (&units);
        }
    }
  parts = g_strsplit (spec, ",", -1);
  for (guint k = 0; parts[k] != NULL; k++)
    {
      gboolean found = FALSE;

      g_strstrip (parts[k]);
      if (*parts[k] == '\0')
        continue;
      for (guint u = 0; u < overview->units->len && !found; u++)
        {
          const D8Unit *unit = overview->units->pdata[u];

          if (g_strcmp0 (unit->code, parts[k]) == 0 || same_text (unit->name, parts[k]))
            {
              g_array_append_val (units, u);
              found = TRUE;
            }
        }
      if (!found)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                       _("“%s” is not a unit or a parent group of the plan"), parts[k]);
          return NULL;
        }
    }
  return g_steal_pointer (&units);
}

/* ------------------------------------------------------------------ text */

typedef struct
{
  cairo_t *cr;
  const D8ChartPack *pack;
  PangoLayout *layout;
  double size;    /* of the text set last */
  gboolean dry;   /* measure only: show nothing */
  GArray *record; /* D8ChartText: every text shown, when the pack's texts are asked for */
} Pen;

static void
pen_init (Pen *pen, const D8ChartPack *pack, cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoContext *context;

  memset (pen, 0, sizeof *pen);
  pen->cr = cr;
  pen->pack = pack;
  pen->layout = pango_cairo_create_layout (cr);
  /* Unhinted, as the charts: the same layout on paper, PDF and screen. */
  context = pango_layout_get_context (pen->layout);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (pen->layout);
}

static void
pen_clear (Pen *pen)
{
  g_clear_object (&pen->layout);
}

static void
set_color (cairo_t *cr, const D8ChartColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* Sets the font and text; @width > 0 wraps (or, with @ellipsize, cuts with
 * "…" on one line). Returns the height of the text. */
static double
pen_set (Pen *pen, const char *text, double size, gboolean bold, double width, gboolean ellipsize)
{
  PangoFontDescription *font = pango_font_description_new ();
  int w, h;

  pango_font_description_set_family (font, pen->pack->style.font_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pen->layout, font);
  pango_font_description_free (font);
  pen->size = size;
  pango_layout_set_text (pen->layout, text, -1);
  pango_layout_set_width (pen->layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (pen->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (pen->layout, ellipsize ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (pen->layout, PANGO_ALIGN_LEFT);
  pango_layout_get_size (pen->layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
pen_width (Pen *pen)
{
  int w, h;

  pango_layout_get_size (pen->layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

/* Draws the text set last, its top-left at (x, y); returns its height. */
static double
pen_show (Pen *pen, double x, double y, const D8ChartColor *color)
{
  int w, h;

  pango_layout_get_size (pen->layout, &w, &h);
  if (pen->dry)
    return (double) h / PANGO_SCALE;
  if (pen->record != NULL)
    {
      D8ChartText t = { { x, y, (double) w / PANGO_SCALE, (double) h / PANGO_SCALE },
                        g_strdup (pango_layout_get_text (pen->layout)),
                        D8_CHART_TEXT_LABEL,
                        FALSE,
                        -1,
                        -1,
                        pango_layout_is_ellipsized (pen->layout),
                        pen->size };
      /* A wrapped text is as wide as the width it was given. */
      if (pango_layout_get_width (pen->layout) > 0)
        {
          PangoRectangle ink, logical;

          pango_layout_get_extents (pen->layout, &ink, &logical);
          t.rect.width = (double) logical.width / PANGO_SCALE;
        }
      g_array_append_val (pen->record, t);
    }
  set_color (pen->cr, color);
  cairo_move_to (pen->cr, x, y);
  pango_cairo_show_layout (pen->cr, pen->layout);
  return (double) h / PANGO_SCALE;
}

/* Text with its right edge at @right. */
static void
pen_show_right (Pen *pen, const char *text, double size, gboolean bold, double right, double y,
                const D8ChartColor *color)
{
  pen_set (pen, text, size, bold, -1, FALSE);
  pen_show (pen, right - pen_width (pen), y, color);
}

/* ---------------------------------------------------------------- pieces */

static void
draw_footer (Pen *pen, guint page_index, double width, double height)
{
  const D8ChartPack *pack = pen->pack;
  g_autofree char *as_of = d8_format_date (pack->overview->as_of);
  /* Translators: the footer of every printed page: the plan's number and the as-of date */
  g_autofree char *left = g_strdup_printf (_("Plan %s · as of %s"), pack->overview->plan->doc_number,
                                           as_of);
  g_autofree char *right = d8_chart_page_number (page_index + 1, d8_chart_pack_get_n_pages (pack));
  double y = height - MARGIN - FOOTER + 5;

  cairo_save (pen->cr);
  set_color (pen->cr, &pack->style.grid);
  cairo_set_line_width (pen->cr, 0.5);
  cairo_move_to (pen->cr, MARGIN, y - 3);
  cairo_line_to (pen->cr, width - MARGIN, y - 3);
  cairo_stroke (pen->cr);
  cairo_restore (pen->cr);
  pen_set (pen, left, FOOTER_SIZE, FALSE, (width - 2 * MARGIN) * 0.75, TRUE);
  pen_show (pen, MARGIN, y, &pack->style.muted);
  pen_show_right (pen, right, FOOTER_SIZE, FALSE, width - MARGIN, y, &pack->style.foreground);
}

/* A chart in the box (@x, @y, @w, @h); its texts go to @record (page
 * coordinates) when not NULL, a text reaching past the box counted as cut. */
static void
draw_chart (const D8ChartPack *pack, const D8ChartModel *model, cairo_t *cr, double x, double y,
            double w, double h, GArray *record)
{
  g_autoptr (D8ChartLayout) layout = d8_chart_layout_new (model, &pack->style, w, h);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  d8_chart_paint (layout, &pack->style, cr);
  cairo_restore (cr);
  for (guint i = 0; record != NULL && i < layout->texts->len; i++)
    {
      D8ChartText t = g_array_index (layout->texts, D8ChartText, i);

      t.text = g_strdup (t.text);
      if (t.rect.x < -0.01 || t.rect.y < -0.01 || t.rect.x + t.rect.width > w + 0.01
          || t.rect.y + t.rect.height > h + 0.01)
        t.ellipsized = TRUE;
      t.rect.x += x;
      t.rect.y += y;
      g_array_append_val (record, t);
    }
}

static void
draw_cover (Pen *pen, double width, double height)
{
  const D8ChartPack *pack = pen->pack;
  const D8Overview *ov = pack->overview;
  const D8ChartStyle *st = &pack->style;
  double x = MARGIN + 20, w = width - 2 * MARGIN - 40, y = MARGIN + 40;
  g_autofree char *as_of = d8_format_date (ov->as_of);
  g_autofree char *printed = d8_format_date (pack->printed_on);
  g_autofree char *issued = d8_format_date (ov->plan->issued_on);
  g_autofree char *overall = d8_format_percent (ov->province_overall, 1);
  g_autofree char *expected = d8_format_percent (ov->expected, 1);
  g_autoptr (GString) behind = g_string_new (NULL);
  g_autoptr (GString) allocation = g_string_new (NULL);
  g_autoptr (GString) not_started = g_string_new (NULL);
  guint n_behind = 0, n_not_started = 0;
  g_autofree char *line = NULL;

  pen_set (pen, _("Project 8: progress against the plan’s quotas"), 13, TRUE, w, FALSE);
  y += pen_show (pen, x, y, &st->muted) + 6;
  pen_set (pen, ov->plan->title, 17, TRUE, w, FALSE);
  y += pen_show (pen, x, y, &st->foreground) + 10;
  /* Translators: the plan's number, its issuer, the date it was issued */
  line = g_strdup_printf (_("Plan %s of %s, issued %s"), ov->plan->doc_number, ov->plan->issuer,
                          issued);
  pen_set (pen, line, 11, FALSE, w, FALSE);
  y += pen_show (pen, x, y, &st->foreground) + 24;
  g_clear_pointer (&line, g_free);
  /* Under the number, before the figures: they are the amended ones. */
  if ((line = d8_plan_format_amended (ov->plan)) != NULL)
    {
      y -= 20;
      pen_set (pen, line, 11, FALSE, w, FALSE);
      y += pen_show (pen, x, y, &st->foreground) + 24;
      g_clear_pointer (&line, g_free);
    }

  {
    const char *labels[] = { N_("As of"), N_("Office"), N_("Printed on") };
    const char *values[] = { as_of, pack->office ? pack->office : "–", printed };
    double label_w = 0;

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        pen_set (pen, _(labels[i]), 11, TRUE, -1, FALSE);
        label_w = MAX (label_w, pen_width (pen));
      }
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        pen_set (pen, _(labels[i]), 11, TRUE, -1, FALSE);
        pen_show (pen, x, y, &st->muted);
        pen_set (pen, values[i], 11, FALSE, w - label_w - 16, FALSE);
        y += pen_show (pen, x + label_w + 16, y, &st->foreground) + 4;
      }
  }
  y += 20;

  /* Translators: the province's overall completion and where the calendar says it should be */
  line = g_strdup_printf (_("The province has completed %s of its quotas; by this date the even "
                            "pace would be %s."),
                          overall, expected);
  pen_set (pen, line, 11, FALSE, w, FALSE);
  y += pen_show (pen, x, y, &st->foreground) + 8;
  g_clear_pointer (&line, g_free);

  if (grouped (pack))
    /* Too many names for a cover: how many are behind in each group. */
    for (guint g = 0; g < pack->rollup->groups->len; g++)
      {
        const D8RollupGroup *group = pack->rollup->groups->pdata[g];

        if (group->n_behind == 0)
          continue;
        g_string_append_printf (behind, "%s%s %u", n_behind ? ", " : "",
                                d8_rollup_group_label (group), group->n_behind);
        n_behind += group->n_behind;
      }
  else
    /* The units' own statuses, as their pages show them: "not started" is
     * not "behind" (a fresh plan has every unit not started). */
    for (guint u = 0; u < ov->units->len; u++)
      if (d8_overview_unit_has_status ((D8Overview *) ov, u, D8_STATUS_BEHIND))
        {
          g_string_append_printf (behind, "%s%s", n_behind ? ", " : "",
                                  ((const D8Unit *) ov->units->pdata[u])->name);
          n_behind++;
        }
      else if (d8_overview_unit_has_status ((D8Overview *) ov, u, D8_STATUS_NOT_STARTED))
        {
          g_string_append_printf (not_started, "%s%s", n_not_started ? ", " : "",
                                  ((const D8Unit *) ov->units->pdata[u])->name);
          n_not_started++;
        }
  if (n_behind > 0 && grouped (pack))
    /* Translators: on the cover of the pack; %s lists parent groups with how
       many of their units are behind: "Chư Sê 3, Ia Grai 2" */
    line = g_strdup_printf (ngettext ("%u unit is behind the even pace on at least one "
                                      "indicator, by group: %s.",
                                      "%u units are behind the even pace on at least one "
                                      "indicator, by group: %s.",
                                      n_behind),
                            n_behind, behind->str);
  else if (n_behind > 0)
    line = g_strdup_printf (ngettext ("%u unit is behind the even pace on at least one "
                                      "indicator: %s.",
                                      "%u units are behind the even pace on at least one "
                                      "indicator: %s.",
                                      n_behind),
                            n_behind, behind->str);
  else if (n_not_started == 0)
    line = g_strdup (_("Every unit is at or ahead of the even pace on every indicator."));
  else
    line = g_strdup (_("No unit is behind the even pace."));
  pen_set (pen, line, 11, FALSE, w, FALSE);
  y += pen_show (pen, x, y, &st->foreground) + 8;
  g_clear_pointer (&line, g_free);
  if (n_not_started > 0)
    {
      /* Translators: on the pack's cover; the status word is the one the
         unit pages show ("Not started") */
      line = g_strdup_printf (ngettext ("%u unit has not started at least one indicator: %s.",
                                        "%u units have not started at least one indicator: %s.",
                                        n_not_started),
                              n_not_started, not_started->str);
      pen_set (pen, line, 11, FALSE, w, FALSE);
      y += pen_show (pen, x, y, &st->foreground) + 8;
      g_clear_pointer (&line, g_free);
    }

  for (guint c = 0; pack->matrix->totals != NULL && c < pack->matrix->totals->len; c++)
    {
      g_autofree char *sentence = d8_chart_model_describe_allocation (pack->matrix, c);

      if (sentence == NULL)
        continue;
      if (allocation->len)
        g_string_append_c (allocation, '\n');
      g_string_append (allocation, sentence);
    }
  if (allocation->len)
    {
      pen_set (pen, allocation->str, 11, FALSE, w, FALSE);
      y += pen_show (pen, x, y, &st->foreground) + 8;
    }

  if (!grouped (pack) && pack->matrices->len == 1 && pack->unit_pages->len == ov->units->len)
    line = g_strdup (_("Page 2: every unit against its quotas. Then one page per unit: its progress "
                       "chart and its figures."));
  else
    {
      guint n_matrix = pack->matrices->len, n_units = pack->unit_pages->len;
      /* Translators: on the cover: the pages of the matrix (grouped by
         parent when the plan's units have parents) */
      g_autofree char *matrix = grouped (pack)
        ? g_strdup_printf (ngettext ("Page 2: the groups against their quotas; then every unit, group by group, with the group’s subtotal (%u page in all).",
                                     "Page 2: the groups against their quotas; then every unit, group by group, with the group’s subtotal (%u pages in all).",
                                     n_matrix), n_matrix)
        : g_strdup_printf (ngettext ("Page 2: every unit against its quotas (%u page).",
                                     "Pages 2 on: every unit against its quotas (%u pages).",
                                     n_matrix), n_matrix);
      /* Translators: on the cover: how many unit pages follow the matrix */
      g_autofree char *units = n_units == 0
        ? g_strdup (_("No unit has a page of its own in this pack."))
        : g_strdup_printf (ngettext ("Then %u unit page: its progress chart and its figures.",
                                     "Then %u unit pages: each unit’s progress chart and figures.",
                                     n_units), n_units);

      line = g_strdup_printf ("%s %s", matrix, units);
    }
  pen_set (pen, line, 9.5, FALSE, w, FALSE);
  pen_show (pen, x, MAX (y + 12, height - MARGIN - FOOTER - 40), &st->muted);
}

/* The unit page's table: indicator, quota, achieved, remaining, %, status.
 * Long indicator names wrap within their column. With pen->dry, only
 * measures. Returns the table's height. */
static double
draw_unit_table (Pen *pen, guint unit_index, double x, double y, double w)
{
  const D8ChartPack *pack = pen->pack;
  const D8Overview *ov = pack->overview;
  const D8ChartStyle *st = &pack->style;
  const char *headers[] = { N_("Indicator"), N_("Quota"), N_("Achieved"), N_("Remaining"),
                            N_("Completion"), N_("Status") };
  double num_w[4], status_w = 0, name_w, edge;
  double right[4];
  guint n = ov->indicators->len;
  double row_h = 15.0, top = y;
  double size = BODY_SIZE;

  /* Number columns as wide as their header or "30 of 40", whichever is wider. */
  pen_set (pen, "000.000 / 000.000", size, FALSE, -1, FALSE);
  edge = pen_width (pen);
  for (guint c = 0; c < 4; c++)
    {
      pen_set (pen, _(headers[c + 1]), size, TRUE, -1, FALSE);
      num_w[c] = MAX (pen_width (pen), c == 1 ? edge : 48) + 14;
    }
  for (int st_i = D8_STATUS_NO_QUOTA; st_i < D8_N_STATUSES; st_i++)
    {
      pen_set (pen, d8_status_to_label ((D8Status) st_i), size, TRUE, -1, FALSE);
      status_w = MAX (status_w, pen_width (pen) + 6);
    }
  name_w = w - num_w[0] - num_w[1] - num_w[2] - num_w[3] - status_w - 12;
  right[0] = x + name_w + num_w[0];
  for (guint c = 1; c < 4; c++)
    right[c] = right[c - 1] + num_w[c];

  pen_set (pen, _(headers[0]), size, TRUE, name_w - 6, TRUE);
  pen_show (pen, x, y, &st->foreground);
  for (guint c = 0; c < 4; c++)
    pen_show_right (pen, _(headers[c + 1]), size, TRUE, right[c], y, &st->foreground);
  pen_set (pen, _(headers[5]), size, TRUE, status_w, TRUE);
  pen_show (pen, right[3] + 14, y, &st->foreground);
  y += row_h;
  if (!pen->dry)
    {
      cairo_save (pen->cr);
      set_color (pen->cr, &st->foreground);
      cairo_set_line_width (pen->cr, 0.6);
      cairo_move_to (pen->cr, x, y - 2);
      cairo_line_to (pen->cr, x + w, y - 2);
      cairo_stroke (pen->cr);
      cairo_restore (pen->cr);
    }

  for (guint i = 0; i < n; i++)
    {
      const D8Indicator *ind = ov->indicators->pdata[i];
      const D8Cell *cell = &ov->cells[unit_index * n + i];
      g_autofree char *name = g_strdup_printf ("%s. %s", ind->code, ind->name_vi);
      g_autofree char *quota = NULL, *achieved = NULL, *remaining = NULL, *percent = NULL;
      double rh = MAX (row_h, pen_set (pen, name, size, FALSE, name_w - 8, FALSE) + 4);

      if (i % 2 == 1 && !pen->dry)
        {
          cairo_save (pen->cr);
          set_color (pen->cr, &st->grid);
          cairo_set_source_rgba (pen->cr, st->grid.red, st->grid.green, st->grid.blue, 0.35);
          cairo_rectangle (pen->cr, x, y - 2, w, rh);
          cairo_fill (pen->cr);
          cairo_restore (pen->cr);
        }
      if (d8_indicator_kind_counts_women (ind->kind))
        {
          g_autofree char *r = d8_format_count (cell->achieved);
          g_autofree char *g = d8_format_count (cell->group_size);

          /* Translators: women reached of the target group, in a table cell */
          achieved = g_strdup_printf (_("%s of %s"), r, g);
          quota = ind->has_target ? d8_format_percent (ind->target / 100.0, 0) : g_strdup ("–");
          remaining = g_strdup ("–");
        }
      else
        {
          quota = cell->has_quota ? d8_format_count (cell->quota) : g_strdup ("–");
          achieved = d8_format_count (cell->achieved);
          remaining = cell->has_quota ? d8_format_count (MAX (cell->quota - cell->achieved, 0))
                                      : g_strdup ("–");
        }
      percent = isnan (cell->completion) ? g_strdup ("–") : d8_format_percent (cell->completion, 1);

      pen_set (pen, name, size, FALSE, name_w - 8, FALSE);
      pen_show (pen, x, y, &st->foreground);
      pen_show_right (pen, quota, size, FALSE, right[0], y, &st->foreground);
      pen_show_right (pen, achieved, size, FALSE, right[1], y, &st->foreground);
      pen_show_right (pen, remaining, size, FALSE, right[2], y, &st->foreground);
      pen_show_right (pen, percent, size, FALSE, right[3], y, &st->foreground);
      pen_set (pen, d8_status_to_label (cell->status), size, cell->status == D8_STATUS_BEHIND,
               status_w, TRUE);
      pen_show (pen, right[3] + 14, y, &st->foreground);
      y += rh;
    }
  return y - top;
}

static void
draw_page (const D8ChartPack *pack, guint page_index, cairo_t *cr, double width, double height,
           GArray *record)
{
  Pen pen;
  double body_h = height - 2 * MARGIN - FOOTER;
  double body_w = width - 2 * MARGIN;

  g_return_if_fail (pack != NULL && cr != NULL);
  g_return_if_fail (page_index < d8_chart_pack_get_n_pages (pack));

  cairo_save (cr);
  set_color (cr, &pack->style.background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  pen_init (&pen, pack, cr);
  pen.record = record;

  {
    const Page *page = &g_array_index (pack->pages, Page, page_index);
    double chart_h = body_h * 0.62;

    /* A unit page: the table takes the room its rows need (long names
     * wrap), the chart the rest. */
    if (page->kind == PAGE_UNIT)
      {
        double table_h;

        pen.dry = TRUE;
        table_h = draw_unit_table (&pen, g_array_index (pack->unit_pages, guint, page->index), 0,
                                   0, body_w - 20);
        pen.dry = FALSE;
        chart_h = MAX (body_h - table_h - 14, body_h * 0.5);
      }

    switch (page->kind)
      {
      case PAGE_COVER:
        draw_cover (&pen, width, height);
        break;
      case PAGE_MATRIX:
        draw_chart (pack, pack->matrices->pdata[page->index], cr, MARGIN, MARGIN, body_w, body_h,
                    record);
        break;
      case PAGE_UNIT:
        draw_chart (pack, pack->unit_models->pdata[page->index], cr, MARGIN, MARGIN, body_w,
                    chart_h, record);
        draw_unit_table (&pen, g_array_index (pack->unit_pages, guint, page->index), MARGIN + 10,
                         MARGIN + chart_h + 10, body_w - 20);
        break;
      default:
        g_assert_not_reached ();
      }
  }
  draw_footer (&pen, page_index, width, height);
  pen_clear (&pen);
  cairo_restore (cr);
}

void
d8_chart_pack_draw_page (const D8ChartPack *pack, guint page_index, cairo_t *cr, double width,
                         double height)
{
  draw_page (pack, page_index, cr, width, height, NULL);
}

static void
clear_text (gpointer data)
{
  g_free (((D8ChartText *) data)->text);
}

/**
 * d8_chart_pack_get_page_texts:
 * @pack: the pack
 * @page_index: 0-based, below d8_chart_pack_get_n_pages()
 * @width: @height: the page in points (A4 landscape: 842 × 595)
 *
 * Every text of a page as it is printed, for tests that check what a
 * reader sees: the boxes of the charts' texts (from their layouts) and of
 * the cover, the tables and the footer, in page coordinates (points), each
 * with its font size in points and whether it is shown cut (ellipsized, or
 * reaching past its chart's box, which clips it).
 *
 * Returns: (transfer full) (element-type D8ChartText): the texts, in
 * drawing order; freeing the array frees their strings.
 */
GArray *
d8_chart_pack_get_page_texts (const D8ChartPack *pack, guint page_index, double width,
                              double height)
{
  GArray *texts = g_array_new (FALSE, TRUE, sizeof (D8ChartText));
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (pack != NULL, texts);
  g_return_val_if_fail (page_index < d8_chart_pack_get_n_pages (pack), texts);

  g_array_set_clear_func (texts, clear_text);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  draw_page (pack, page_index, cr, width, height, texts);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return texts;
}

gboolean
d8_chart_pack_write_pdf (const D8ChartPack *pack, const char *path, GError **error)
{
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (pack != NULL && path != NULL, FALSE);

  surface = cairo_pdf_surface_create (tmp, D8_CHART_A4_LANDSCAPE_WIDTH,
                                      D8_CHART_A4_LANDSCAPE_HEIGHT);
  cr = cairo_create (surface);
  for (guint i = 0; i < d8_chart_pack_get_n_pages (pack); i++)
    {
      d8_chart_pack_draw_page (pack, i, cr, D8_CHART_A4_LANDSCAPE_WIDTH,
                               D8_CHART_A4_LANDSCAPE_HEIGHT);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: check that the folder exists and can be written to"),
                   path);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
