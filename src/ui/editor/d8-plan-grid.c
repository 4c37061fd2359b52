/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-grid.c — the appendix grid (see d8-plan-grid.h).
 *
 * One widget draws the whole table in snapshot(), and only the rows that
 * are on screen: 135 units × 10 indicators cost the same as 15 × 9. It is
 * GtkScrollable, so a GtkScrolledWindow scrolls it; the unit names (left),
 * the indicator heads (top) and the totals rows (bottom) stay in place
 * while the figures scroll. One PangoLayout is reused for every text.
 *
 * The grid holds no figures: every number, sum and check is read from the
 * D8PlanEdit at draw time, and every change goes through it, so undo, the
 * live allocation check and the save see one truth. The drawing is in
 * d8-plan-grid-draw.c; what both files share in d8-plan-grid-private.h.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-plan-grid-private.h"

enum
{
  PROP_0,
  PROP_MESSAGE,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (D8PlanGrid, d8_plan_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static char *
cell_text (D8PlanGrid *self,
           guint       row,
           guint       col)
{
  gboolean has = FALSE;
  gint64 value = 0;

  if (row < n_units (self))
    has = d8_plan_edit_get_cell (self->edit, row, col, &value);
  else
    has = d8_plan_edit_get_stated (self->edit, col, &value);
  return quota_text (has, value);
}

static void
set_message (D8PlanGrid *self,
             const char *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}


static void
configure_adjustments (D8PlanGrid *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self)) - self->name_width;
  int height = body_height (self);
  int content = (int) n_units (self) * self->row_height;

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (adj_value (self->hadjustment), 0,
                                     MAX (0, scroll_width (self) - width)),
                              0, MAX (scroll_width (self), width), self->cell_width,
                              width * 0.9, width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (adj_value (self->vadjustment), 0, MAX (0, content - height)),
                              0, MAX (content, height), self->row_height, height * 0.9, height);
}

/* Scrolls so the cursor's cell is on screen. */
static void
scroll_to_cursor (D8PlanGrid *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self)) - self->name_width;
  int height = body_height (self);

  if (self->vadjustment != NULL && self->cur_row < n_units (self) && height > 0)
    {
      double y = (double) self->cur_row * self->row_height;
      double v = adj_value (self->vadjustment);

      if (y < v)
        gtk_adjustment_set_value (self->vadjustment, y);
      else if (y + self->row_height > v + height)
        gtk_adjustment_set_value (self->vadjustment, y + self->row_height - height);
    }
  if (self->hadjustment != NULL && width > 0)
    {
      double x = (double) self->cur_col * self->cell_width;
      double h = adj_value (self->hadjustment);

      if (x < h)
        gtk_adjustment_set_value (self->hadjustment, x);
      else if (x + self->cell_width > h + width)
        gtk_adjustment_set_value (self->hadjustment, x + self->cell_width - width);
    }
}

static void
measure_font (D8PlanGrid *self)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ág 0123456789");
  int w = 0, h = 0;

  pango_layout_get_pixel_size (layout, &w, &h);
  g_object_unref (layout);
  self->row_height = h + 2 * PAD;
  self->header_height = 2 * h + 3 * PAD;
  self->cell_width = MAX (72, w * 6 / 10 + 2 * PAD);
  self->sum_width = self->cell_width + 8;
  self->name_width = MAX (180, w * 16 / 10);
}

/* ---- accessibility ---- */

static void
describe_cursor (D8PlanGrid *self)
{
  const D8Indicator *indicator;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  const char *row_name;

  if (self->edit == NULL || n_indicators (self) == 0)
    return;
  indicator = d8_plan_edit_get_indicator (self->edit, self->cur_col);
  value = cell_text (self, self->cur_row, self->cur_col);
  row_name = self->cur_row < n_units (self)
               ? d8_plan_edit_get_unit (self->edit, self->cur_row)->name
               : _("Stated total");
  /* Translators: what a screen reader says of the grid's cell under the
   * cursor: the unit, the indicator's code and name, and the quota */
  text = g_strdup_printf (_("%s, indicator %s %s: %s"), row_name, indicator->code,
                          indicator->name_vi, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* ---- cursor, selection, typing ---- */

static void
move_cursor (D8PlanGrid *self,
             int         row,
             int         col,
             gboolean    extend)
{
  int rows = (int) n_rows (self);
  int cols = (int) n_indicators (self);

  if (rows == 0 || cols == 0)
    return;
  self->cur_row = (guint) CLAMP (row, 0, rows - 1);
  self->cur_col = (guint) CLAMP (col, 0, cols - 1);
  if (!extend)
    {
      self->anchor_row = self->cur_row;
      self->anchor_col = self->cur_col;
    }
  scroll_to_cursor (self);
  describe_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Gives the typed text to the edit. FALSE (and the message shown, the
 * text kept for correcting) when the core refuses it. */
static gboolean
commit_typed (D8PlanGrid *self)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (self->typed == NULL)
    return TRUE;
  if (self->cur_row < n_units (self))
    ok = d8_plan_edit_set_cell_text (self->edit, self->cur_row, self->cur_col, self->typed->str,
                                      &error);
  else
    ok = d8_plan_edit_set_stated_text (self->edit, self->cur_col, self->typed->str, &error);
  if (!ok)
    {
      set_message (self, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return FALSE;
    }
  g_string_free (self->typed, TRUE);
  self->typed = NULL;
  set_message (self, NULL);
  describe_cursor (self);
  return TRUE;
}

static void
cancel_typed (D8PlanGrid *self)
{
  if (self->typed != NULL)
    g_string_free (self->typed, TRUE);
  self->typed = NULL;
  set_message (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_cursor_text (D8PlanGrid *self,
                 const char *text)
{
  if (self->typed != NULL)
    g_string_free (self->typed, TRUE);
  self->typed = g_string_new (text);
  commit_typed (self);
}

static void
copy_selection (D8PlanGrid *self)
{
  g_autoptr (GString) tsv = g_string_new (NULL);
  guint r0, r1, c0, c1;

  selection_rect (self, &r0, &r1, &c0, &c1);
  for (guint r = r0; r <= r1; r++)
    {
      for (guint c = c0; c <= c1; c++)
        {
          gboolean has;
          gint64 value = 0;

          if (c > c0)
            g_string_append_c (tsv, '\t');
          has = r < n_units (self) ? d8_plan_edit_get_cell (self->edit, r, c, &value)
                                   : d8_plan_edit_get_stated (self->edit, c, &value);
          /* machine text: plain digits, "-" for no quota, as spreadsheets read */
          if (has)
            g_string_append_printf (tsv, "%" G_GINT64_FORMAT, value);
          else
            g_string_append_c (tsv, '-');
        }
      g_string_append_c (tsv, '\n');
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), tsv->str);
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (D8PlanGrid) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  guint rows = 0, cols = 0;

  if (text == NULL || self->edit == NULL)
    {
      set_message (self, _("The clipboard holds no text to paste."));
      return;
    }
  if (!d8_plan_edit_paste (self->edit, self->cur_row, self->cur_col, text, &rows, &cols, &error))
    {
      set_message (self, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  set_message (self, NULL);
  /* the pasted block becomes the selection, as in a spreadsheet */
  self->anchor_row = self->cur_row;
  self->anchor_col = self->cur_col;
  move_cursor (self, (int) (self->cur_row + rows) - 1, (int) (self->cur_col + cols) - 1, TRUE);
}

static void
paste (D8PlanGrid *self)
{
  cancel_typed (self);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 paste_text_cb, g_object_ref (self));
}

static gboolean
typing_char (gunichar c)
{
  /* digits and what a count may hold as typed ("1.234", "1 234"); "-" is
   * "no quota"; the core judges the whole text */
  return g_unichar_isdigit (c) || c == '-' || c == '.' || c == ',' || c == ' ';
}

gboolean
d8_plan_grid_press_key (D8PlanGrid      *self,
                        guint            keyval,
                        GdkModifierType  state)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  int row, col, page;
  gunichar c;

  g_return_val_if_fail (D8_IS_PLAN_GRID (self), FALSE);
  if (self->edit == NULL || n_indicators (self) == 0)
    return FALSE;
  row = (int) self->cur_row;
  col = (int) self->cur_col;
  page = MAX (1, body_height (self) / MAX (1, self->row_height) - 1);

  if (ctrl)
    {
      switch (gdk_keyval_to_lower (keyval))
        {
        case GDK_KEY_z:
          cancel_typed (self);
          if (shift ? d8_plan_edit_redo (self->edit) : d8_plan_edit_undo (self->edit))
            describe_cursor (self);
          else
            gtk_widget_error_bell (GTK_WIDGET (self));
          return TRUE;
        case GDK_KEY_y:
          cancel_typed (self);
          if (!d8_plan_edit_redo (self->edit))
            gtk_widget_error_bell (GTK_WIDGET (self));
          return TRUE;
        case GDK_KEY_v:
          paste (self);
          return TRUE;
        case GDK_KEY_c:
          copy_selection (self);
          return TRUE;
        case GDK_KEY_Home:
          if (commit_typed (self))
            move_cursor (self, 0, 0, shift);
          return TRUE;
        case GDK_KEY_End:
          if (commit_typed (self))
            move_cursor (self, (int) n_rows (self) - 1, (int) n_indicators (self) - 1, shift);
          return TRUE;
        default:
          return FALSE;
        }
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (commit_typed (self))
        move_cursor (self, row + (shift ? -1 : 1), col, FALSE);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (!commit_typed (self))
        return TRUE;
      if (shift || keyval == GDK_KEY_ISO_Left_Tab)
        {
          if (col > 0)
            move_cursor (self, row, col - 1, FALSE);
          else if (row > 0)
            move_cursor (self, row - 1, (int) n_indicators (self) - 1, FALSE);
        }
      else if (col + 1 < (int) n_indicators (self))
        move_cursor (self, row, col + 1, FALSE);
      else if (row + 1 < (int) n_rows (self))
        move_cursor (self, row + 1, 0, FALSE);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (commit_typed (self))
        move_cursor (self, row - 1, col, shift);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (commit_typed (self))
        move_cursor (self, row + 1, col, shift);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (commit_typed (self))
        move_cursor (self, row, col - 1, shift);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (commit_typed (self))
        move_cursor (self, row, col + 1, shift);
      return TRUE;
    case GDK_KEY_Home:
      if (commit_typed (self))
        move_cursor (self, row, 0, shift);
      return TRUE;
    case GDK_KEY_End:
      if (commit_typed (self))
        move_cursor (self, row, (int) n_indicators (self) - 1, shift);
      return TRUE;
    case GDK_KEY_Page_Up:
      if (commit_typed (self))
        move_cursor (self, row - page, col, shift);
      return TRUE;
    case GDK_KEY_Page_Down:
      if (commit_typed (self))
        move_cursor (self, row + page, col, shift);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->typed == NULL)
        return FALSE;
      cancel_typed (self);
      return TRUE;
    case GDK_KEY_F2:
      if (self->typed == NULL)
        {
          gboolean has;
          gint64 value = 0;

          has = self->cur_row < n_units (self)
                  ? d8_plan_edit_get_cell (self->edit, self->cur_row, self->cur_col, &value)
                  : d8_plan_edit_get_stated (self->edit, self->cur_col, &value);
          self->typed = has ? g_string_new (NULL) : g_string_new ("-");
          if (has)
            g_string_append_printf (self->typed, "%" G_GINT64_FORMAT, value);
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
      return TRUE;
    case GDK_KEY_BackSpace:
      if (self->typed != NULL)
        {
          if (self->typed->len > 0)
            {
              const char *end = self->typed->str + self->typed->len;
              const char *prev = g_utf8_find_prev_char (self->typed->str, end);
              g_string_truncate (self->typed, (gsize) (prev - self->typed->str));
            }
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return TRUE;
        }
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (self->typed == NULL)
        {
          guint r0, r1, c0, c1;

          /* the whole selection gets no quota, as one step of undo */
          selection_rect (self, &r0, &r1, &c0, &c1);
          if (r0 == r1 && c0 == c1)
            set_cursor_text (self, "-");
          else
            {
              g_autoptr (GString) block = g_string_new (NULL);
              g_autoptr (GError) error = NULL;

              for (guint r = r0; r <= r1; r++)
                {
                  for (guint k = c0; k <= c1; k++)
                    g_string_append (block, k > c0 ? "\t-" : "-");
                  g_string_append_c (block, '\n');
                }
              if (!d8_plan_edit_paste (self->edit, r0, c0, block->str, NULL, NULL, &error))
                set_message (self, error->message);
            }
          describe_cursor (self);
          return TRUE;
        }
      return TRUE;
    default:
      break;
    }

  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && typing_char (c))
    {
      char buf[8];
      int len = g_unichar_to_utf8 (c, buf);

      if (self->typed == NULL)
        {
          /* typing replaces the cell, as in a spreadsheet */
          self->typed = g_string_new (NULL);
          self->anchor_row = self->cur_row;
          self->anchor_col = self->cur_col;
        }
      g_string_append_len (self->typed, buf, len);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return TRUE;
    }
  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                D8PlanGrid            *self)
{
  return d8_plan_grid_press_key (self, keyval,
                                 state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK));
}

/* The cell at a point, FALSE outside the cells. */
static gboolean
cell_at (D8PlanGrid *self,
         double      x,
         double      y,
         guint      *row,
         guint      *col)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double cx = x - self->name_width + adj_value (self->hadjustment);
  int c;

  if (x < self->name_width || cx < 0)
    return FALSE;
  c = (int) (cx / self->cell_width);
  if (c >= (int) n_indicators (self))
    return FALSE;
  if (y >= body_top (self) && y < height - footer_height (self))
    {
      int r = (int) ((y - body_top (self) + adj_value (self->vadjustment)) / self->row_height);
      if (r >= (int) n_units (self))
        return FALSE;
      *row = (guint) r;
    }
  else if (y >= height - footer_height (self) && y < height - footer_height (self) + self->row_height)
    *row = n_units (self); /* the stated totals */
  else
    return FALSE;
  *col = (guint) c;
  return TRUE;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            D8PlanGrid      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
    GTK_EVENT_CONTROLLER (gesture));
  guint row, col;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!cell_at (self, x, y, &row, &col) || !commit_typed (self))
    return;
  move_cursor (self, (int) row, (int) col, (state & GDK_SHIFT_MASK) != 0);
  if (n_press == 2)
    d8_plan_grid_press_key (self, GDK_KEY_F2, 0);
}

/* The indicator's whole name over its head; the unit's over its name. */
static gboolean
query_tooltip_cb (D8PlanGrid *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  int c;

  if (self->edit == NULL || keyboard)
    return FALSE;
  if (y < body_top (self) && x >= self->name_width)
    {
      const D8Indicator *indicator;
      g_autofree char *text = NULL;

      c = (int) ((x - self->name_width + adj_value (self->hadjustment)) / self->cell_width);
      if (c < 0 || c >= (int) n_indicators (self))
        return FALSE;
      indicator = d8_plan_edit_get_indicator (self->edit, (guint) c);
      text = g_strdup_printf ("%s. %s", indicator->code, indicator->name_vi);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  if (x < self->name_width && y >= body_top (self)
      && y < gtk_widget_get_height (GTK_WIDGET (self)) - footer_height (self))
    {
      int r = (int) ((y - body_top (self) + adj_value (self->vadjustment)) / self->row_height);
      if (r < 0 || r >= (int) n_units (self))
        return FALSE;
      gtk_tooltip_set_text (tooltip, d8_plan_edit_get_unit (self->edit, (guint) r)->name);
      return TRUE;
    }
  return FALSE;
}

static void
d8_plan_grid_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  D8PlanGrid *self = D8_PLAN_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->name_width + self->cell_width * 2;
      *natural = self->name_width + scroll_width (self);
    }
  else
    {
      *minimum = self->header_height + footer_height (self) + 3 * self->row_height;
      *natural = self->header_height + footer_height (self)
                 + (int) MIN (n_units (self), 20) * self->row_height;
    }
}

static void
d8_plan_grid_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  configure_adjustments (D8_PLAN_GRID (widget));
}

static void
d8_plan_grid_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (d8_plan_grid_parent_class)->css_changed (widget, change);
  measure_font (D8_PLAN_GRID (widget));
  gtk_widget_queue_resize (widget);
}

/* ---- the edit and the adjustments ---- */

static void
edit_changed_cb (D8PlanGrid *self)
{
  int rows = (int) n_rows (self);

  /* units may have been added or removed behind the grid */
  if (rows > 0 && (int) self->cur_row >= rows)
    move_cursor (self, rows - 1, (int) self->cur_col, FALSE);
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
d8_plan_grid_set_edit (D8PlanGrid *self,
                       D8PlanEdit *edit)
{
  g_return_if_fail (D8_IS_PLAN_GRID (self));

  if (self->edit == edit)
    return;
  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  g_set_object (&self->edit, edit);
  if (edit != NULL)
    g_signal_connect_object (edit, "changed", G_CALLBACK (edit_changed_cb), self,
                             G_CONNECT_SWAPPED);
  self->cur_row = self->cur_col = self->anchor_row = self->anchor_col = 0;
  if (self->typed != NULL)
    g_string_free (self->typed, TRUE);
  self->typed = NULL;
  describe_cursor (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

D8PlanEdit *
d8_plan_grid_get_edit (D8PlanGrid *self)
{
  g_return_val_if_fail (D8_IS_PLAN_GRID (self), NULL);
  return self->edit;
}

void
d8_plan_grid_get_cursor (D8PlanGrid *self,
                         guint      *row,
                         guint      *col)
{
  g_return_if_fail (D8_IS_PLAN_GRID (self));
  if (row != NULL)
    *row = self->cur_row;
  if (col != NULL)
    *col = self->cur_col;
}

void
d8_plan_grid_set_cursor (D8PlanGrid *self,
                         guint       row,
                         guint       col)
{
  g_return_if_fail (D8_IS_PLAN_GRID (self));
  cancel_typed (self);
  move_cursor (self, (int) row, (int) col, FALSE);
}

gboolean
d8_plan_grid_get_selection (D8PlanGrid *self,
                            guint      *first_row,
                            guint      *last_row,
                            guint      *first_col,
                            guint      *last_col)
{
  guint r0, r1, c0, c1;

  g_return_val_if_fail (D8_IS_PLAN_GRID (self), FALSE);
  selection_rect (self, &r0, &r1, &c0, &c1);
  if (r0 >= n_units (self))
    return FALSE;
  *first_row = r0;
  *last_row = MIN (r1, n_units (self) - 1);
  *first_col = c0;
  *last_col = c1;
  return TRUE;
}

const char *
d8_plan_grid_get_message (D8PlanGrid *self)
{
  g_return_val_if_fail (D8_IS_PLAN_GRID (self), NULL);
  return self->message;
}

gint64
d8_plan_grid_get_last_draw_us (D8PlanGrid *self)
{
  g_return_val_if_fail (D8_IS_PLAN_GRID (self), 0);
  return self->last_draw_us;
}

static void
set_adjustment (D8PlanGrid     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  configure_adjustments (self);
}

static void
d8_plan_grid_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  D8PlanGrid *self = D8_PLAN_GRID (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_plan_grid_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  D8PlanGrid *self = D8_PLAN_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_plan_grid_dispose (GObject *object)
{
  D8PlanGrid *self = D8_PLAN_GRID (object);

  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  g_clear_object (&self->edit);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  G_OBJECT_CLASS (d8_plan_grid_parent_class)->dispose (object);
}

static void
d8_plan_grid_finalize (GObject *object)
{
  D8PlanGrid *self = D8_PLAN_GRID (object);

  if (self->typed != NULL)
    g_string_free (self->typed, TRUE);
  g_free (self->message);
  G_OBJECT_CLASS (d8_plan_grid_parent_class)->finalize (object);
}

static void
d8_plan_grid_class_init (D8PlanGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = d8_plan_grid_get_property;
  object_class->set_property = d8_plan_grid_set_property;
  object_class->dispose = d8_plan_grid_dispose;
  object_class->finalize = d8_plan_grid_finalize;
  widget_class->snapshot = _d8_plan_grid_snapshot;
  widget_class->measure = d8_plan_grid_measure;
  widget_class->size_allocate = d8_plan_grid_size_allocate;
  widget_class->css_changed = d8_plan_grid_css_changed;

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "d8-plan-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
d8_plan_grid_init (D8PlanGrid *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  measure_font (self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Quotas of the units"), -1);
}

GtkWidget *
d8_plan_grid_new (void)
{
  return g_object_new (D8_TYPE_PLAN_GRID, NULL);
}
