/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-report-pdf.c — the official report on A4 pages (d8-report-pdf.h).
 *
 * One pass lays out and draws the whole report; a page other than the one
 * asked for is laid out but not drawn, so the PDF and the window's preview
 * of page N come from the same code and break pages at the same lines.
 * Text flows line by line (PangoLayoutIter), so a paragraph may continue
 * on the next page; headings keep with the next two lines, the signature
 * block stays whole, and the appendix table repeats its header rows.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "d8-file-part.h"
#include "d8-report-pdf.h"

#define MM(x) ((x) * 72.0 / 25.4)

#define BODY_SIZE 14.0
#define HEAD_SIZE 13.0
#define TABLE_SIZE 7.5
/* the smallest a table heading is set to keep its words whole */
#define TABLE_MIN_SIZE 5.5
#define LINE_GAP 2.0   /* points between lines of a paragraph */
#define PARA_GAP 6.0   /* points after a paragraph of the body */
#define CELL_PAD 2.5

typedef struct
{
  cairo_t *cr;
  cairo_surface_t *pdf; /* NULL when drawing one page on another surface */
  int target;           /* the page to draw; -1: every page (PDF) */
  guint page;           /* 0-based */
  gboolean landscape;
  gboolean target_landscape;
  double width, height;
  double left, right, top, bottom;
  double y;
} Ctx;

typedef enum
{
  T_NONE = 0,
  T_BOLD = 1 << 0,
  T_ITALIC = 1 << 1,
  T_CENTER = 1 << 2,
  T_JUSTIFY = 1 << 3,
  T_INDENT = 1 << 4,
  T_RIGHT = 1 << 5,
} TFlags;

static gboolean
visible (const Ctx *c)
{
  return c->target < 0 || (int) c->page == c->target;
}

static void
set_page_geometry (Ctx *c, gboolean landscape)
{
  c->landscape = landscape;
  c->width = landscape ? D8_REPORT_A4_LONG : D8_REPORT_A4_SHORT;
  c->height = landscape ? D8_REPORT_A4_SHORT : D8_REPORT_A4_LONG;
  /* Decree 30: top and bottom 20 mm, left 30 mm, right 15 mm; the
   * appendix's landscape pages have 15 mm all round to fit the table. */
  c->top = MM (20);
  c->bottom = landscape ? MM (15) : MM (20);
  c->left = landscape ? MM (15) : MM (30);
  c->right = MM (15);
  c->y = c->top;
  if (c->page == (guint) c->target)
    c->target_landscape = landscape;
}

static PangoLayout *
make_layout (Ctx *c, const char *text, double size, TFlags flags, double width)
{
  PangoLayout *layout = pango_cairo_create_layout (c->cr);
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontDescription *desc = pango_font_description_from_string (D8_REPORT_FONT_FAMILY);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics independent of the surface and its scale: the preview on
   * screen breaks lines and pages exactly where the PDF does. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_layout_context_changed (layout);

  /* Absolute size: user space is points, whatever the surface's dpi. */
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (flags & T_BOLD)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  if (flags & T_ITALIC)
    pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (flags & T_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (flags & T_RIGHT)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  if (flags & T_JUSTIFY)
    pango_layout_set_justify (layout, TRUE);
  if (flags & T_INDENT)
    pango_layout_set_indent (layout, (int) (MM (10) * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE + LINE_GAP * MAX (0, pango_layout_get_line_count (layout) - 1);
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle ink, logical;

  pango_layout_get_extents (layout, &ink, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static void draw_page_number (Ctx *c);

static void
new_page (Ctx *c, gboolean landscape)
{
  if (c->pdf != NULL)
    {
      cairo_show_page (c->cr);
      cairo_pdf_surface_set_size (c->pdf, landscape ? D8_REPORT_A4_LONG : D8_REPORT_A4_SHORT,
                                  landscape ? D8_REPORT_A4_SHORT : D8_REPORT_A4_LONG);
    }
  c->page++;
  set_page_geometry (c, landscape);
  draw_page_number (c);
}

/* Decree 30: the page number in Arabic figures, top centre, from page 2. */
static void
draw_page_number (Ctx *c)
{
  g_autofree char *number = g_strdup_printf ("%u", c->page + 1);
  g_autoptr (PangoLayout) layout = make_layout (c, number, HEAD_SIZE, T_CENTER,
                                                c->width - c->left - c->right);

  if (!visible (c) || c->page == 0)
    return;
  cairo_move_to (c->cr, c->left, MM (8));
  pango_cairo_show_layout (c->cr, layout);
}

static void
show_at (Ctx *c, PangoLayout *layout, double x, double y)
{
  if (!visible (c))
    return;
  cairo_move_to (c->cr, x, y);
  pango_cairo_show_layout (c->cr, layout);
}

static void
hline (Ctx *c, double x0, double x1, double y)
{
  if (!visible (c))
    return;
  cairo_set_line_width (c->cr, 0.6);
  cairo_move_to (c->cr, x0, y);
  cairo_line_to (c->cr, x1, y);
  cairo_stroke (c->cr);
}

/* Flows @layout down the page from c->y at @x, line by line, starting a
 * new page (of the same orientation) when a line does not fit. */
static void
flow (Ctx *c, PangoLayout *layout, double x, double space_after)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double line_height;
      int baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      line_height = (double) logical.height / PANGO_SCALE;
      if (c->y + line_height > c->height - c->bottom)
        new_page (c, c->landscape);
      if (visible (c))
        {
          cairo_move_to (c->cr, x + (double) logical.x / PANGO_SCALE,
                         c->y + (double) (baseline - logical.y) / PANGO_SCALE);
          pango_cairo_show_layout_line (c->cr, pango_layout_iter_get_line_readonly (iter));
        }
      c->y += line_height + LINE_GAP;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  c->y += space_after - LINE_GAP;
}

static void
paragraph (Ctx *c, const char *text, double size, TFlags flags, double space_after)
{
  double width = c->width - c->left - c->right;
  g_autoptr (PangoLayout) layout = make_layout (c, text, size, flags, width);

  flow (c, layout, c->left, space_after);
}

/* A layout of one line at @size, made smaller (down to @min_size) until it
 * fits @width: the national title must never wrap. */
static PangoLayout *
fitted_line (Ctx *c, const char *text, double size, double min_size, TFlags flags, double width)
{
  for (;; size -= 0.5)
    {
      PangoLayout *layout = make_layout (c, text, size, flags, -1);
      if (layout_width (layout) <= width || size - 0.5 < min_size)
        {
          pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          return layout;
        }
      g_object_unref (layout);
    }
}

/* A table heading's layout, wrapped between words in @width, made
 * smaller (by half points, down to @min_size) until its widest word fits:
 * "Quota" under a column too narrow for it at @size is set smaller, not
 * broken into "Quot-a". At @min_size a word that still does not fit is
 * broken, as any other text. */
static PangoLayout *
fitted_heading (Ctx *c, const char *text, double size, double min_size, double width)
{
  for (;; size -= 0.5)
    {
      PangoLayout *layout = make_layout (c, text, size, T_BOLD | T_CENTER, width);

      if (size - 0.5 < min_size)
        return layout;
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      if (layout_width (layout) <= width)
        return layout;
      g_object_unref (layout);
    }
}

/* ------------------------------------------------------------- the parts */

/* Issuing body and number left; national title, motto, place and date
 * right; short rules under the issuing body and under the motto. */
static void
draw_header_block (Ctx *c, const D8OfficialReport *r)
{
  double text_width = c->width - c->left - c->right;
  double lw = text_width * 0.40, rw = text_width - lw;
  double x0 = c->left - MM (8), x1 = c->left + lw; /* the block reaches into the margin a little */
  double yl = c->y, yr = c->y;

  lw += MM (8);
  if (r->issuer_parent && *r->issuer_parent)
    {
      g_autoptr (PangoLayout) l = make_layout (c, r->issuer_parent, HEAD_SIZE, T_CENTER, lw);
      show_at (c, l, x0, yl);
      yl += layout_height (l);
    }
  {
    g_autoptr (PangoLayout) l = make_layout (c, r->issuer, HEAD_SIZE, T_CENTER | T_BOLD, lw);
    double w = MIN (layout_width (l), lw) / 3.0;

    show_at (c, l, x0, yl);
    yl += layout_height (l) + 3;
    hline (c, x0 + (lw - w) / 2, x0 + (lw + w) / 2, yl);
    yl += 6;
  }
  {
    g_autoptr (PangoLayout) l = make_layout (c, r->number, HEAD_SIZE, T_CENTER, lw);
    show_at (c, l, x0, yl);
    yl += layout_height (l);
  }
  {
    g_autoptr (PangoLayout) l = fitted_line (c, r->national_title, 12.5, 10, T_BOLD, rw);
    show_at (c, l, x1, yr);
    yr += layout_height (l);
  }
  {
    g_autoptr (PangoLayout) l = fitted_line (c, r->motto, HEAD_SIZE, 11, T_BOLD, rw);
    double w = MIN (layout_width (l), rw);

    show_at (c, l, x1, yr);
    yr += layout_height (l) + 2;
    hline (c, x1 + (rw - w) / 2, x1 + (rw + w) / 2, yr);
    yr += 8;
  }
  {
    g_autoptr (PangoLayout) l = make_layout (c, r->place_date, BODY_SIZE, T_CENTER | T_ITALIC, rw);
    show_at (c, l, x1, yr);
    yr += layout_height (l);
  }
  c->y = MAX (yl, yr) + 18;
}

static void
draw_title (Ctx *c, const D8OfficialReport *r)
{
  double width = c->width - c->left - c->right;

  paragraph (c, r->title, BODY_SIZE, T_CENTER | T_BOLD, 0);
  paragraph (c, r->subtitle, BODY_SIZE, T_CENTER | T_BOLD, 3);
  hline (c, c->left + width * 0.38, c->left + width * 0.62, c->y);
  c->y += 14;
}

/* "Nơi nhận" bottom left, the signature block bottom right; kept whole.
 * With @measure, draws nothing and returns the height it needs. */
static double
draw_signature (Ctx *c, const D8OfficialReport *r, gboolean measure)
{
  double text_width = c->width - c->left - c->right;
  double lw = text_width * 0.45, rw = text_width - lw;
  g_autoptr (GPtrArray) left = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) right = g_ptr_array_new_with_free_func (g_object_unref);
  double hl = 0, hr = 0, y;
  const double sign_space = 72; /* room for the signature and the seal */
  const double gap = 10;

  g_ptr_array_add (left, make_layout (c, r->recipients_heading, 12, T_BOLD | T_ITALIC, lw));
  for (guint i = 0; i < r->recipients->len; i++)
    g_ptr_array_add (left, make_layout (c, r->recipients->pdata[i], 11, T_NONE, lw));
  if (r->signer_capacity && *r->signer_capacity)
    g_ptr_array_add (right, make_layout (c, r->signer_capacity, BODY_SIZE, T_CENTER | T_BOLD, rw));
  g_ptr_array_add (right, make_layout (c, r->signer_title, BODY_SIZE, T_CENTER | T_BOLD, rw));
  for (guint i = 0; i < left->len; i++)
    hl += layout_height (left->pdata[i]);
  for (guint i = 0; i < right->len; i++)
    hr += layout_height (right->pdata[i]);
  {
    PangoLayout *name = make_layout (c, r->signer_name, BODY_SIZE, T_CENTER | T_BOLD, rw);
    hr += sign_space + layout_height (name);
    g_ptr_array_add (right, name);
  }
  if (measure)
    return gap + MAX (hl, hr);
  c->y += gap;
  if (c->y + MAX (hl, hr) > c->height - c->bottom)
    new_page (c, c->landscape);
  y = c->y;
  for (guint i = 0; i < left->len; i++)
    {
      show_at (c, left->pdata[i], c->left, y);
      y += layout_height (left->pdata[i]);
    }
  y = c->y;
  for (guint i = 0; i < right->len; i++)
    {
      if (i == right->len - 1)
        y += sign_space;
      show_at (c, right->pdata[i], c->left + lw, y);
      y += layout_height (right->pdata[i]);
    }
  c->y += MAX (hl, hr);
  return gap + MAX (hl, hr);
}

static void
draw_body (Ctx *c, const D8OfficialReport *r)
{
  double width = c->width - c->left - c->right;
  double signature = draw_signature (c, r, TRUE);

  for (guint i = 0; i < r->intro->len; i++)
    paragraph (c, r->intro->pdata[i], BODY_SIZE, T_JUSTIFY | T_INDENT, PARA_GAP);
  for (guint s = 0; s < r->sections->len; s++)
    {
      const D8ReportSection *section = r->sections->pdata[s];
      g_autoptr (PangoLayout) heading = make_layout (c, section->heading, BODY_SIZE,
                                                     T_BOLD | T_JUSTIFY | T_INDENT, width);

      /* a heading keeps with two lines of what follows */
      if (c->y + layout_height (heading) + 2 * (BODY_SIZE * 1.2) > c->height - c->bottom)
        new_page (c, c->landscape);
      flow (c, heading, c->left, PARA_GAP);
      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          g_autoptr (PangoLayout) layout = make_layout (c, section->paragraphs->pdata[p],
                                                        BODY_SIZE, T_JUSTIFY | T_INDENT, width);
          double h = layout_height (layout);

          /* The signature never stands alone on a page: the last paragraph
           * goes with it when both fit on one. */
          if (s == r->sections->len - 1 && p == section->paragraphs->len - 1
              && c->y + h + PARA_GAP + signature > c->height - c->bottom
              && h + PARA_GAP + signature < c->height - c->bottom - c->top)
            new_page (c, c->landscape);
          flow (c, layout, c->left, PARA_GAP);
        }
    }
}

/* ------------------------------------------------------------- the table */

typedef struct
{
  guint row, col, span, rows;
  const char *text;
} HeadCell;

static void
draw_cell (Ctx *c, PangoLayout *layout, double x, double y, double w, double h, gboolean shade)
{
  if (!visible (c))
    return;
  cairo_rectangle (c->cr, x, y, w, h);
  if (shade)
    {
      cairo_set_source_rgb (c->cr, 0.91, 0.91, 0.91);
      cairo_fill_preserve (c->cr);
      cairo_set_source_rgb (c->cr, 0, 0, 0);
    }
  cairo_set_line_width (c->cr, 0.5);
  cairo_stroke (c->cr);
  if (layout != NULL)
    {
      double th = layout_height (layout);
      cairo_move_to (c->cr, x + CELL_PAD, y + (h - th) / 2);
      pango_cairo_show_layout (c->cr, layout);
    }
}

static void
draw_table (Ctx *c, const D8Table *table)
{
  double avail = c->width - c->left - c->right, sum = 0;
  g_autofree double *x = g_new0 (double, table->n_columns + 1);
  guint n_head = table->header->len;
  g_autofree double *head_h = g_new0 (double, MAX (n_head, 1));
  g_autoptr (GArray) cells = g_array_new (FALSE, TRUE, sizeof (HeadCell));
  g_autoptr (GPtrArray) head_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double header_height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    sum += table->widths[i] > 0 ? table->widths[i] : 10;
  x[0] = c->left;
  for (guint i = 0; i < table->n_columns; i++)
    x[i + 1] = x[i] + avail * (table->widths[i] > 0 ? table->widths[i] : 10) / sum;

  /* Header cells: merged across over NULLs, down over the same text. */
  {
    g_autofree gboolean *done = g_new0 (gboolean, MAX (n_head, 1) * table->n_columns);

    for (guint h = 0; h < n_head; h++)
      for (guint col = 0; col < table->n_columns; col++)
        {
          HeadCell cell = { h, col, 1, 1, d8_table_header_text (table, h, col) };

          if (done[h * table->n_columns + col] || cell.text == NULL)
            continue;
          while (col + cell.span < table->n_columns
                 && d8_table_header_text (table, h, col + cell.span) == NULL)
            cell.span++;
          while (cell.span == 1 && h + cell.rows < n_head
                 && g_strcmp0 (d8_table_header_text (table, h + cell.rows, col), cell.text) == 0)
            cell.rows++;
          for (guint yy = h; yy < h + cell.rows; yy++)
            for (guint xx = col; xx < col + cell.span; xx++)
              done[yy * table->n_columns + xx] = TRUE;
          g_array_append_val (cells, cell);
        }
  }
  for (guint i = 0; i < cells->len; i++)
    {
      const HeadCell *cell = &g_array_index (cells, HeadCell, i);
      double w = x[cell->col + cell->span] - x[cell->col] - 2 * CELL_PAD;
      PangoLayout *layout = fitted_heading (c, cell->text, TABLE_SIZE, TABLE_MIN_SIZE, w);

      g_ptr_array_add (head_layouts, layout);
      if (cell->rows == 1)
        head_h[cell->row] = MAX (head_h[cell->row], layout_height (layout) + 2 * CELL_PAD);
    }
  for (guint i = 0; i < cells->len; i++)
    {
      const HeadCell *cell = &g_array_index (cells, HeadCell, i);
      double need = layout_height (head_layouts->pdata[i]) + 2 * CELL_PAD, have = 0;

      for (guint r = cell->row; r < cell->row + cell->rows; r++)
        have += head_h[r];
      if (need > have)
        head_h[cell->row + cell->rows - 1] += need - have;
    }
  for (guint h = 0; h < n_head; h++)
    header_height += head_h[h];

  for (guint r = 0; r <= table->rows->len; r++)
    {
      g_autoptr (GPtrArray) row_layouts = g_ptr_array_new_with_free_func (g_object_unref);
      double row_h = 0;
      gboolean first = r == 0;

      if (r < table->rows->len)
        for (guint col = 0; col < table->n_columns; col++)
          {
            const D8TableCell *cell = d8_table_cell ((D8Table *) table, r, col);
            g_autofree char *text = d8_table_cell_display (cell, 0);
            TFlags flags = d8_table_cell_centred (cell, text) ? T_CENTER : T_NONE;
            PangoLayout *layout;

            if (cell->bold)
              flags |= T_BOLD;
            layout = make_layout (c, text, TABLE_SIZE, flags, x[col + 1] - x[col] - 2 * CELL_PAD);
            row_h = MAX (row_h, layout_height (layout) + 2 * CELL_PAD);
            g_ptr_array_add (row_layouts, layout);
          }
      /* The header at the top of the table and of every page it reaches. */
      if (first || (r < table->rows->len && c->y + row_h > c->height - c->bottom))
        {
          if (!first)
            new_page (c, TRUE);
          for (guint i = 0; i < cells->len; i++)
            {
              const HeadCell *cell = &g_array_index (cells, HeadCell, i);
              double top = c->y, h = 0;

              for (guint k = 0; k < cell->row; k++)
                top += head_h[k];
              for (guint k = cell->row; k < cell->row + cell->rows; k++)
                h += head_h[k];
              draw_cell (c, head_layouts->pdata[i], x[cell->col], top,
                         x[cell->col + cell->span] - x[cell->col], h, TRUE);
            }
          c->y += header_height;
        }
      if (r == table->rows->len)
        break;
      for (guint col = 0; col < table->n_columns; col++)
        draw_cell (c, row_layouts->pdata[col], x[col], c->y, x[col + 1] - x[col], row_h, FALSE);
      c->y += row_h;
    }
}

/* ------------------------------------------------------------- the whole */

static void
render (Ctx *c, const D8OfficialReport *report)
{
  set_page_geometry (c, FALSE);
  if (visible (c))
    cairo_set_source_rgb (c->cr, 0, 0, 0);
  draw_header_block (c, report);
  draw_title (c, report);
  draw_body (c, report);
  draw_signature (c, report, FALSE);
  if (report->appendix != NULL)
    {
      new_page (c, TRUE);
      if (visible (c))
        cairo_set_source_rgb (c->cr, 0, 0, 0);
      paragraph (c, report->appendix_title, HEAD_SIZE, T_CENTER | T_BOLD, 8);
      draw_table (c, report->appendix);
    }
}

guint
d8_report_render_page (const D8OfficialReport *report, cairo_t *cr, guint page,
                       gboolean *landscape)
{
  Ctx c = { 0 };

  g_return_val_if_fail (report != NULL && cr != NULL, 0);

  c.cr = cr;
  c.target = (int) page;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  render (&c, report);
  cairo_restore (cr);
  if (landscape != NULL)
    *landscape = c.target_landscape;
  return c.page + 1;
}

gboolean
d8_report_pdf_write (const D8OfficialReport *report, const char *path, guint *n_pages,
                     GError **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Ctx c = { 0 };

  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  tmp = d8_file_part_path (path);
  surface = cairo_pdf_surface_create (tmp, D8_REPORT_A4_SHORT, D8_REPORT_A4_LONG);
  {
    g_autofree char *title = g_strdup_printf ("%s %s", report->title, report->subtitle);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, report->issuer);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "duan8");
  }
  c.cr = cairo_create (surface);
  c.pdf = surface;
  c.target = -1;
  render (&c, report);
  cairo_destroy (c.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s: the document cannot be written (%s)"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!d8_file_part_commit (tmp, path, error))
    return FALSE;
  if (n_pages != NULL)
    *n_pages = c.page + 1;
  return TRUE;
}
