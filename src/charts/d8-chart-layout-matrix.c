/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-layout-matrix.c — the matrix: units × allocated indicators,
 * "achieved/quota" in cells coloured and hatched by status, the plan's
 * totals row and the row of what is allocated to units (a differing
 * allocation flagged), the key of indicator codes and the notes below.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "d8-chart-layout-private.h"
#include "d8-format.h"

void
d8_chart_layout_matrix (D8ChartBuilder *b)
{
  const D8ChartModel *model = b->model;
  D8ChartLayout *L = b->L;
  guint n_rows = model->rows->len, n_cols = model->columns->len;
  double top = d8_chart_builder_add_header (b);
  double bottom = d8_chart_builder_add_status_legend (b, FALSE, FALSE) - b->f * 0.6;
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

      if (alloc->checked && alloc->difference != 0)
        g_ptr_array_add (notes, d8_chart_allocation_note (alloc, col->code));
    }
  for (guint e = 0; e < model->extras->len; e++)
    {
      const D8ChartItem *extra = &g_array_index (model->extras, D8ChartItem, e);
      g_autofree char *figures = d8_chart_item_bar_figures (extra);
      const char *status = d8_status_to_label (extra->status);

      g_ptr_array_add (
          notes,
          g_strdup_printf ("%s. %s — %s, %s", extra->code, extra->name,
                           extra->group_size > 0 ? figures : _("Nothing recorded yet"), status));
    }

  /* From the bottom up: notes, the key of indicator codes, then the table
   * takes what is left. */
  y = bottom;
  for (guint i = notes->len; i-- > 0;)
    {
      t = d8_chart_builder_add_text (b, D8_CHART_TEXT_NOTE, notes->pdata[i], b->m, y, W, 1, 0, 1,
                                     -1, -1);
      y -= d8_chart_builder_text (b, t)->rect.height;
      notes_h += d8_chart_builder_text (b, t)->rect.height;
    }
  /* The key of codes, in one or two columns; a long name wraps to a
   * second line rather than being cut. */
  key_rows = (n_cols + key_cols - 1) / MAX (key_cols, 1);
  key_line_h = b->f * d8_chart_text_role_size (D8_CHART_TEXT_NOTE) * 0.25; /* gap between lines */
  {
    guint first_key = L->texts->len;
    double kw = W / key_cols, col_h[2] = { 0, 0 };

    for (guint c = 0; c < n_cols; c++)
      {
        const D8ChartLabel *col = &g_array_index (model->columns, D8ChartLabel, c);
        g_autofree char *line
            = g_strdup_printf ("%s. %s (%s)", col->code, col->name, col->detail ? col->detail : "");
        guint kc = MIN (c / MAX (key_rows, 1), 1);

        t = d8_chart_builder_add_text (b, D8_CHART_TEXT_NOTE, line, 0, 0, kw - b->f, 2, 0, 0, -1,
                                       (int) c);
        col_h[kc] += d8_chart_builder_text (b, t)->rect.height + key_line_h;
      }
    key_h = MAX (col_h[0], col_h[1]);
    y -= key_h + b->f * 0.4;
    col_h[0] = col_h[1] = 0;
    for (guint c = 0; c < n_cols; c++)
      {
        D8ChartText *key = d8_chart_builder_text (b, first_key + c);
        guint kc = MIN (c / MAX (key_rows, 1), 1);

        key->rect.x = b->m + kc * kw;
        key->rect.y = y + col_h[kc];
        col_h[kc] += key->rect.height + key_line_h;
      }
  }
  bottom = y - b->f * 0.6;

  /* Row names: units, then the plan's totals row and the allocation row. */
  for (guint r = 0; r < n_rows + 2; r++)
    {
      const char *name = r < n_rows    ? g_array_index (model->rows, D8ChartLabel, r).name
                         : r == n_rows ? (model->target_label ? model->target_label : _("Total"))
                                       : _("Allocated to units");
      t = d8_chart_builder_add_text (b, r < n_rows ? D8_CHART_TEXT_LABEL : D8_CHART_TEXT_HEADER,
                                     name, 0, 0, W * 0.28, 1, 0, 0, r < n_rows ? (int) r : -1, -1);
      name_w = MAX (name_w, d8_chart_builder_text (b, t)->rect.width);
      g_array_append_val (name_idx, t);
    }
  name_w += b->f;
  cell_w = n_cols > 0 ? MIN ((W - name_w) / n_cols, b->f * 9) : 0;
  table_w = name_w + n_cols * cell_w;
  x0 = b->m + (W - table_w) / 2;
  row_h = (bottom - top - header_h - b->f * 0.4) / (n_rows + 2);
  if (row_h < b->f * 1.35)
    {
      b->short_by = (b->f * 1.6 - row_h) * (n_rows + 2);
      b->rows_need = b->f * 1.6 * (n_rows + 2);
    }
  if (row_h < b->f * 1.35 || cell_w < b->f * 4)
    b->overflow = TRUE;
  row_h = MIN (row_h, b->f * 2.4);
  L->scroll_top = top + header_h;
  L->scroll_bottom = top + header_h + n_rows * row_h;
  L->row_pitch = row_h;
  L->plot = (D8ChartRect) { x0, top, table_w, header_h + (n_rows + 2) * row_h + b->f * 0.4 };

  /* Column headings: code in bold, count unit below. */
  for (guint c = 0; c < n_cols; c++)
    {
      const D8ChartLabel *col = &g_array_index (model->columns, D8ChartLabel, c);
      double cx = x0 + name_w + (c + 0.5) * cell_w;
      const D8ChartAllocation *alloc = &g_array_index (model->allocation, D8ChartAllocation, c);
      g_autofree char *code = g_strdup_printf ("%s%s", col->code,
                                               alloc->checked && alloc->difference != 0 ? "*" : "");

      d8_chart_builder_add_text (b, D8_CHART_TEXT_HEADER, code, cx, top, cell_w, 1, 0.5, 0, -1,
                                 (int) c);
      t = d8_chart_builder_add_text (b, D8_CHART_TEXT_NOTE, col->detail ? col->detail : "", cx,
                                     top + b->f * 1.3, cell_w - b->f * 0.3, 1, 0.5, 0, -1, (int) c);
      d8_chart_builder_text (b, t)->muted = TRUE;
    }

  for (guint r = 0; r < n_rows + 2; r++)
    {
      double ry = top + header_h + r * row_h + (r >= n_rows ? b->f * 0.4 : 0);
      D8ChartText *name = d8_chart_builder_text (b, g_array_index (name_idx, guint, r));

      name->rect.x = x0;
      name->rect.y = ry + (row_h - name->rect.height) / 2;
      if (r == n_rows)
        d8_chart_builder_add_shape (b, D8_CHART_SHAPE_SEPARATOR, x0, ry - b->f * 0.2, table_w, 0);
      else if (r < n_rows && r > 0)
        d8_chart_builder_add_shape (b, D8_CHART_SHAPE_GRID_LINE, x0, ry, table_w, 0);

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
              s = d8_chart_builder_add_shape (b, D8_CHART_SHAPE_CELL, cell.x, cell.y, cell.width,
                                              cell.height);
              s->status = item->status;
              s->row = row_index;
              s->column = (int) c;
              figures = d8_chart_item_format_figures (item);
              d8_chart_builder_add_hit (b, cx, ry, cell_w, row_h, row_index, (int) c);
            }
          else
            {
              const D8ChartAllocation *alloc
                  = &g_array_index (model->allocation, D8ChartAllocation, c);

              figures = d8_format_count (alloc->allocated);
              if (alloc->checked && alloc->difference != 0)
                {
                  g_autofree char *marked = g_strdup_printf ("%s*", figures);
                  s = d8_chart_builder_add_shape (b, D8_CHART_SHAPE_CELL_FLAG, cell.x, cell.y,
                                                  cell.width, cell.height);
                  s->row = -2;
                  s->column = (int) c;
                  g_free (figures);
                  figures = g_steal_pointer (&marked);
                }
              d8_chart_builder_add_hit (b, cx, ry, cell_w, row_h, -1, (int) c);
            }
          t = d8_chart_builder_add_text (b, D8_CHART_TEXT_VALUE, figures, cx + cell_w / 2,
                                         ry + row_h / 2, cell_w - b->f * 0.3, 1, 0.5, 0.5,
                                         row_index, (int) c);
          /* Figures stay readable on hatching: the hatch stops around them. */
          if (r <= n_rows && (s->status == D8_STATUS_ON_TRACK || s->status == D8_STATUS_BEHIND))
            {
              const D8ChartRect *tr = &d8_chart_builder_text (b, t)->rect;
              double pad = b->f * 0.25;
              D8Status status = s->status; /* s moves when the array grows */
              D8ChartShape *back = d8_chart_builder_add_shape (
                  b, D8_CHART_SHAPE_TEXT_BACKDROP, tr->x - pad, MAX (tr->y, cell.y + inset),
                  tr->width + 2 * pad, MIN (tr->height, cell.height - 2 * inset));
              back->status = status;
              back->row = row_index;
              back->column = (int) c;
            }
        }
    }
}
