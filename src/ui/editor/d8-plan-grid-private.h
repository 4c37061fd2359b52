/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-grid-private.h — what the two files of the appendix grid share:
 * d8-plan-grid.c (the object, keys, cursor, scrolling) and
 * d8-plan-grid-draw.c (its snapshot). Nothing else includes it. */
#pragma once

#include "d8-format.h"
#include "d8-plan-grid.h"

G_BEGIN_DECLS

#define PAD 6

struct _D8PlanGrid
{
  GtkWidget parent_instance;

  D8PlanEdit *edit;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  /* layout in pixels, from the font (measured on style change) */
  int row_height;
  int header_height;
  int name_width;
  int cell_width;
  int sum_width;

  guint cur_row, cur_col;       /* the cursor */
  guint anchor_row, anchor_col; /* the other corner of the selection */
  GString *typed;               /* the text being typed, NULL when not typing */
  char *message;
  gint64 last_draw_us;
};

/* ---- what the grid shows, read from the edit ---- */

static inline guint
n_units (D8PlanGrid *self)
{
  return self->edit != NULL ? d8_plan_edit_get_n_rows (self->edit) : 0;
}

static inline guint
n_indicators (D8PlanGrid *self)
{
  return self->edit != NULL ? d8_plan_edit_get_n_columns (self->edit) : 0;
}

/* The rows the cursor can reach: the units and the stated totals. */
static inline guint
n_rows (D8PlanGrid *self)
{
  return self->edit != NULL ? n_units (self) + 1 : 0;
}

static inline char *
quota_text (gboolean has_quota,
            gint64   quota)
{
  return has_quota ? d8_format_count (quota) : g_strdup ("-");
}


/* ---- geometry ---- */

static inline int
body_top (D8PlanGrid *self)
{
  return self->header_height;
}

static inline int
footer_height (D8PlanGrid *self)
{
  /* stated totals, sum of the units, and the check on two lines */
  return 4 * self->row_height;
}

static inline int
body_height (D8PlanGrid *self)
{
  return MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - body_top (self)
                   - footer_height (self));
}

static inline int
scroll_width (D8PlanGrid *self)
{
  return (int) n_indicators (self) * self->cell_width + self->sum_width;
}

static inline double
adj_value (GtkAdjustment *adj)
{
  return adj != NULL ? gtk_adjustment_get_value (adj) : 0.0;
}

static inline void
selection_rect (D8PlanGrid *self,
                guint      *r0,
                guint      *r1,
                guint      *c0,
                guint      *c1)
{
  *r0 = MIN (self->cur_row, self->anchor_row);
  *r1 = MAX (self->cur_row, self->anchor_row);
  *c0 = MIN (self->cur_col, self->anchor_col);
  *c1 = MAX (self->cur_col, self->anchor_col);
}


/* Draws the grid (d8-plan-grid-draw.c): the class's snapshot. */
void _d8_plan_grid_snapshot (GtkWidget *widget, GtkSnapshot *snapshot);

G_END_DECLS
