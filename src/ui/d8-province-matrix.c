/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-province-matrix.c — the province matrix as a GtkColumnView (see
 * d8-province-matrix.h).
 *
 * The model is a GtkTreeListModel over rows that only name what they show
 * (a unit, a parent group, the totals …); a cell reads its figures from the
 * current overview when it is bound, and again when the figures change
 * ("changed"), so recomputing after an entry touches only the visible
 * cells and keeps the groups open or shut as they were. The unit column is
 * the first column of the view (GTK 4.8 has no frozen columns): the header
 * row stays on top while the rows scroll under it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "d8-entry.h"
#include "d8-format.h"
#include "d8-province-matrix.h"
#include "d8-ui-util.h"

typedef enum
{
  ROW_UNIT,
  ROW_GROUP,
  ROW_TOTAL,
  ROW_TARGET,
  ROW_GAP,
} RowKind;

#define D8_TYPE_MATRIX_ROW (d8_matrix_row_get_type ())
G_DECLARE_FINAL_TYPE (D8MatrixRow, d8_matrix_row, D8, MATRIX_ROW, GObject)

struct _D8MatrixRow
{
  GObject parent_instance;
  RowKind kind;
  guint index;          /* a unit's or a group's index */
  GListStore *children; /* a group's unit rows */
};

G_DEFINE_FINAL_TYPE (D8MatrixRow, d8_matrix_row, G_TYPE_OBJECT)

static void
d8_matrix_row_dispose (GObject *object)
{
  g_clear_object (&D8_MATRIX_ROW (object)->children);
  G_OBJECT_CLASS (d8_matrix_row_parent_class)->dispose (object);
}

static void
d8_matrix_row_class_init (D8MatrixRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = d8_matrix_row_dispose;
}

static void
d8_matrix_row_init (D8MatrixRow *self)
{
}

static D8MatrixRow *
row_new (RowKind kind, guint index)
{
  D8MatrixRow *row = g_object_new (D8_TYPE_MATRIX_ROW, NULL);

  row->kind = kind;
  row->index = index;
  return row;
}

struct _D8ProvinceMatrix
{
  GObject parent_instance;

  GtkColumnView *view; /* borrowed: the page owns it */
  D8Overview *overview;
  D8Rollup *rollup;
  char *shape;      /* what the rows are; figures may change under it */
  GPtrArray *columns; /* GtkColumnViewColumn*, the indicators' */
  gboolean has_gap;
  /* The cells of unit rows bound now: CELL_KEY (unit, indicator) →
   * GtkLabel (borrowed), so what the page shows can be read back. */
  GHashTable *shown_cells;
};

#define CELL_KEY(unit, indicator) GUINT_TO_POINTER (((unit) << 8 | (indicator)) + 1)

G_DEFINE_FINAL_TYPE (D8ProvinceMatrix, d8_province_matrix, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define HANDLER_KEY "d8-changed-handler"
#define INDICATOR_KEY "d8-indicator"

static D8MatrixRow *
item_row (GtkListItem *item)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (item);
  D8MatrixRow *row = tree_row ? gtk_tree_list_row_get_item (tree_row) : NULL;

  /* the tree row keeps its item alive while the list item shows it */
  if (row != NULL)
    g_object_unref (row);
  return row;
}

static const char *const extra_classes[] = {
  "d8-target", "d8-allocation-gap", "d8-subtotal", "d8-row-header", "dim-label",
};

static void
clear_classes (GtkWidget *widget)
{
  static const D8Status statuses[] = {
    D8_STATUS_NO_QUOTA, D8_STATUS_NOT_STARTED, D8_STATUS_BEHIND, D8_STATUS_ON_TRACK,
    D8_STATUS_DONE, D8_STATUS_OVER,
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_widget_remove_css_class (widget, d8_status_to_string (statuses[i]));
  for (guint i = 0; i < G_N_ELEMENTS (extra_classes); i++)
    gtk_widget_remove_css_class (widget, extra_classes[i]);
}

/* The text of a gap cell: how much of the plan's total is not (or is over-)
 * allocated; NULL when the column adds up. */
static char *
gap_text (D8Overview *ov, guint i)
{
  gint64 difference;

  if (!d8_overview_allocation (ov, i, NULL, NULL, &difference))
    return NULL;
  return d8_progress_format_allocation_gap (difference);
}

/* Whether @text has a letter in it: words may wrap, figures may not. */
static gboolean
has_letters (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Sets a cell's text. Only text with words in it wraps ("2 chưa phân bổ"
 * under a narrow column): figures such as "12/15" or "75 % / 80 %" stay
 * on one line, as a number should, and are shaped once. A wrapping label
 * is laid out again at every width it is measured for (the column view
 * measures each cell several times), breaking "12/15" at its slash each
 * time: that was most of the text shaping of the first frame. */
static void
set_cell_text (GtkLabel *label, const char *text)
{
  gtk_label_set_wrap (label, has_letters (text));
  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
fill_indicator_cell (D8ProvinceMatrix *self, GtkLabel *label, D8MatrixRow *row, guint i)
{
  D8Overview *ov = self->overview;
  const D8Indicator *ind;
  const D8Cell *cell = NULL;
  const char *subject = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  clear_classes (GTK_WIDGET (label));
  if (ov == NULL || row == NULL || i >= ov->indicators->len)
    {
      set_cell_text (label, "");
      return;
    }
  ind = ov->indicators->pdata[i];
  switch (row->kind)
    {
    case ROW_UNIT:
      cell = d8_overview_cell (ov, row->index, i);
      subject = ((const D8Unit *) ov->units->pdata[row->index])->name;
      break;
    case ROW_GROUP:
      {
        const D8RollupGroup *group = self->rollup->groups->pdata[row->index];

        cell = &group->cells[i];
        subject = d8_rollup_group_label (group);
        gtk_widget_add_css_class (GTK_WIDGET (label), "d8-subtotal");
      }
      break;
    case ROW_TOTAL:
      cell = &ov->totals[i];
      break;
    case ROW_TARGET:
      gtk_widget_add_css_class (GTK_WIDGET (label), "d8-target");
      set_cell_text (label, ind->has_target && ind->target_written ? ind->target_written : "–");
      if (ind->target_source != NULL)
        /* Translators: tooltip of a plan total; %s says where the plan states it */
        tooltip = g_strdup_printf (_("As written in the plan (%s)"), ind->target_source);
      d8_ui_set_tooltip_text (GTK_WIDGET (label), tooltip);
      return;
    case ROW_GAP:
      text = gap_text (ov, i);
      if (text != NULL)
        {
          gint64 stated, allocated, difference;
          g_autofree char *stated_s = NULL;
          g_autofree char *allocated_s = NULL;
          g_autofree char *difference_s = NULL;

          d8_overview_allocation (ov, i, &stated, &allocated, &difference);
          stated_s = d8_format_count (stated);
          allocated_s = d8_format_count (allocated);
          difference_s = d8_format_count (ABS (difference));
          gtk_widget_add_css_class (GTK_WIDGET (label), "d8-allocation-gap");
          /* Translators: the allocation check, e.g. "Indicator 1: plan total 128,
             allocated to units 126, difference 2" */
          tooltip = g_strdup_printf (_("Indicator %s: plan total %s, allocated to units %s, difference %s%s"),
                                     ind->code, stated_s, allocated_s,
                                     difference < 0 ? "−" : "", difference_s);
        }
      set_cell_text (label, text);
      d8_ui_set_tooltip_text (GTK_WIDGET (label), tooltip);
      return;
    default:
      g_assert_not_reached ();
    }

  {
    g_autofree char *figures = d8_ui_cell_tooltip (cell, ind);

    text = d8_ui_cell_text (cell, ind);
    tooltip = subject ? g_strdup_printf ("%s — %s. %s\n%s", subject, ind->code, ind->name_vi, figures)
                      : g_strdup_printf ("%s. %s\n%s", ind->code, ind->name_vi, figures);
  }
  set_cell_text (label, text);
  d8_ui_set_status_class (GTK_WIDGET (label), cell->status);
  d8_ui_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

/* ------------------------------------------------------------- factories */

typedef void (*FillFunc) (D8ProvinceMatrix *self, GtkListItem *item);

static void
refresh_item_cb (GtkListItem *item)
{
  FillFunc fill = g_object_get_data (G_OBJECT (item), "d8-fill");
  D8ProvinceMatrix *self = g_object_get_data (G_OBJECT (item), "d8-matrix");

  fill (self, item);
}

static void
bind_common (D8ProvinceMatrix *self, GtkListItem *item, FillFunc fill)
{
  gulong id;

  g_object_set_data (G_OBJECT (item), "d8-fill", fill);
  g_object_set_data (G_OBJECT (item), "d8-matrix", self);
  id = g_signal_connect_object (self, "changed", G_CALLBACK (refresh_item_cb), item,
                                G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (item), HANDLER_KEY, GSIZE_TO_POINTER (id));
  fill (self, item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, D8ProvinceMatrix *self)
{
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), HANDLER_KEY));

  GtkWidget *child = gtk_list_item_get_child (item);
  GHashTableIter iter;
  gpointer label;

  if (id != 0)
    g_signal_handler_disconnect (self, id);
  g_object_set_data (G_OBJECT (item), HANDLER_KEY, NULL);
  g_hash_table_iter_init (&iter, self->shown_cells);
  while (g_hash_table_iter_next (&iter, NULL, &label))
    if (label == child)
      g_hash_table_iter_remove (&iter);
}

/**
 * d8_province_matrix_get_shown_cell:
 * @self: a matrix
 * @unit_index: a unit's index in the overview
 * @indicator_index: an indicator's index (below 256)
 *
 * Returns: (transfer none) (nullable): the label that shows that unit ×
 *   indicator now, or NULL when its row is not on screen (the view makes
 *   widgets only for the rows it shows).
 */
GtkWidget *
d8_province_matrix_get_shown_cell (D8ProvinceMatrix *self, guint unit_index,
                                   guint indicator_index)
{
  g_return_val_if_fail (D8_IS_PROVINCE_MATRIX (self), NULL);
  if (indicator_index >= 256)
    return NULL;
  return g_hash_table_lookup (self->shown_cells, CELL_KEY (unit_index, indicator_index));
}

/* indicator columns */

static void
indicator_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "d8-cell");
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 0.5f);
  /* "2 chưa phân bổ" under a narrow column wraps, not cut (only text
   * with words wraps: set_cell_text()) */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_list_item_set_child (item, label);
}

static void
fill_indicator (D8ProvinceMatrix *self, GtkListItem *item)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), INDICATOR_KEY));

  D8MatrixRow *row = item_row (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  fill_indicator_cell (self, GTK_LABEL (label), row, i);
  if (row != NULL && row->kind == ROW_UNIT && i < 256)
    g_hash_table_insert (self->shown_cells, CELL_KEY (row->index, i), label);
}

static void
indicator_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, D8ProvinceMatrix *self)
{
  g_object_set_data (G_OBJECT (item), INDICATOR_KEY,
                     g_object_get_data (G_OBJECT (factory), INDICATOR_KEY));
  bind_common (self, item, fill_indicator);
}

/* the row-number column */

static void
number_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_list_item_set_child (item, label);
}

static void
fill_number (D8ProvinceMatrix *self, GtkListItem *item)
{
  D8MatrixRow *row = item_row (item);
  g_autofree char *text = NULL;

  if (row != NULL && row->kind == ROW_UNIT && self->overview != NULL)
    text = g_strdup_printf ("%d", ((const D8Unit *) self->overview->units->pdata[row->index])->position);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
}

static void
number_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, D8ProvinceMatrix *self)
{
  bind_common (self, item, fill_number);
}

/* the unit column: an expander, holding the unit's button or a row's label */

static void
set_wrapping (GtkLabel *label)
{
  gtk_label_set_xalign (label, 0.0f);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (label, TRUE);
  /* Between words only: a name's words are short, and a label that may
   * break inside a word is measured down to one letter a line, laid out
   * (and its text shaped) a letter at a time. */
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD);
}

/* The unit column's cell: a unit's button or a row's label, one shown at
 * a time, each wrapping in the column's width. A GtkBox would pass a
 * width-for-height question down to the wrapping label, which answers it
 * by laying its text out at width after width (a binary search: about 40
 * layouts of each name per first frame); the column only ever asks for a
 * height for a width, so this cell answers widths as for any height. */
#define D8_TYPE_UNIT_CELL (d8_unit_cell_get_type ())
G_DECLARE_FINAL_TYPE (D8UnitCell, d8_unit_cell, D8, UNIT_CELL, GtkWidget)

struct _D8UnitCell
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (D8UnitCell, d8_unit_cell, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
d8_unit_cell_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
d8_unit_cell_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation,
                          orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                          &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
d8_unit_cell_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, -1, NULL);
}

/* It expands as the child shown does (the unit's button fills the column,
 * as it did in a GtkBox). */
static void
d8_unit_cell_compute_expand (GtkWidget *widget, gboolean *hexpand, gboolean *vexpand)
{
  *hexpand = *vexpand = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      {
        *hexpand = *hexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
        *vexpand = *vexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
      }
}

static void
d8_unit_cell_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (d8_unit_cell_parent_class)->dispose (object);
}

static void
d8_unit_cell_class_init (D8UnitCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = d8_unit_cell_dispose;
  widget_class->get_request_mode = d8_unit_cell_get_request_mode;
  widget_class->measure = d8_unit_cell_measure;
  widget_class->size_allocate = d8_unit_cell_size_allocate;
  widget_class->compute_expand = d8_unit_cell_compute_expand;
  /* as the GtkBox it replaces */
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
d8_unit_cell_init (D8UnitCell *self)
{
}

static void
unit_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = g_object_new (D8_TYPE_UNIT_CELL, NULL);
  GtkWidget *button = gtk_button_new_with_label ("");
  GtkWidget *label = gtk_label_new (NULL);

  /* Names and group labels wrap in the unit column rather than being cut
   * ("Tổng chỉ tiêu kế hoạch (Chỉ tiê…"): the row grows a line instead. */
  set_wrapping (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "d8-unit-button");
  gtk_widget_set_hexpand (button, TRUE);
  set_wrapping (GTK_LABEL (label));
  gtk_widget_set_hexpand (label, TRUE);
  /* only one of the two is shown (fill_unit()) */
  gtk_widget_set_parent (button, box);
  gtk_widget_set_parent (label, box);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
fill_unit (D8ProvinceMatrix *self, GtkListItem *item)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *button = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (button);
  D8MatrixRow *row = item_row (item);
  D8Overview *ov = self->overview;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), gtk_list_item_get_item (item));
  clear_classes (label);
  gtk_widget_set_visible (button, row != NULL && row->kind == ROW_UNIT);
  gtk_widget_set_visible (label, row == NULL || row->kind != ROW_UNIT);
  if (row == NULL || ov == NULL)
    return;

  switch (row->kind)
    {
    case ROW_UNIT:
      {
        const D8Unit *unit = ov->units->pdata[row->index];

        gtk_button_set_label (GTK_BUTTON (button), unit->name);
        set_wrapping (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
        /* the target first: an action with no target would be refused */
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                                g_variant_new_string (unit->code));
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-unit");
        /* Translators: tooltip of a unit name in the province matrix */
        tooltip = g_strdup_printf (_("Open the page of %s"), unit->name);
        d8_ui_set_tooltip_text (button, tooltip);
        return;
      }
    case ROW_GROUP:
      {
        const D8RollupGroup *group = self->rollup->groups->pdata[row->index];
        g_autofree char *count = NULL;

        /* Translators: a parent group in the province matrix: its units, then
           how many of them are behind, e.g. "8 units, 3 behind" */
        count = g_strdup_printf (ngettext ("%u unit", "%u units", group->units->len),
                                 group->units->len);
        /* Translators: a parent group in the province matrix: its name, how many
           units it has, how many are behind: "Chư Sê · 8 units, 3 behind" */
        text = g_strdup_printf (ngettext ("%s · %s, %u behind", "%s · %s, %u behind",
                                          group->n_behind),
                                d8_rollup_group_label (group), count, group->n_behind);
        gtk_widget_add_css_class (label, "d8-row-header");
        break;
      }
    case ROW_TOTAL:
      text = g_strdup (_("Total achieved"));
      gtk_widget_add_css_class (label, "d8-row-header");
      break;
    case ROW_TARGET:
      /* Translators: row of the totals as written in the plan; %s is the plan's
         own label of that row, e.g. "Chỉ tiêu năm 2023" */
      text = g_strdup_printf (_("Plan total (%s)"),
                              ov->plan->target_label ? ov->plan->target_label : "");
      gtk_widget_add_css_class (label, "d8-row-header");
      break;
    case ROW_GAP:
      text = g_strdup (_("Not allocated"));
      gtk_widget_add_css_class (label, "d8-row-header");
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  d8_ui_set_tooltip_text (label, text);
}

static void
unit_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, D8ProvinceMatrix *self)
{
  bind_common (self, item, fill_unit);
}

static GtkListItemFactory *
factory_new (D8ProvinceMatrix *self, GCallback setup, GCallback bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  return factory;
}

/* ---------------------------------------------------------------- model */

static GListModel *
create_children (gpointer item, gpointer data)
{
  D8MatrixRow *row = item;

  return row->children ? g_object_ref (G_LIST_MODEL (row->children)) : NULL;
}

static char *
shape_of (D8Overview *ov, D8Rollup *rollup)
{
  const D8Unit *first = ov->units->len ? ov->units->pdata[0] : NULL;
  const D8Unit *last = ov->units->len ? ov->units->pdata[ov->units->len - 1] : NULL;

  return g_strdup_printf ("%" G_GINT64_FORMAT "/%u/%u/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%u",
                          ov->plan->id, ov->units->len, ov->indicators->len,
                          first ? first->id : 0, last ? last->id : 0,
                          rollup && d8_rollup_is_grouped (rollup) ? rollup->groups->len : 0);
}

/* Column headers are titles only in GTK 4.8; the indicator's name goes in
 * the header's tooltip, found as the column's title widget. */
static void
set_header_tooltips (D8ProvinceMatrix *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->view));
  guint column = 0;

  if (header == NULL)
    return;
  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL;
       title = gtk_widget_get_next_sibling (title), column++)
    {
      const D8Indicator *ind;
      g_autofree char *tooltip = NULL;

      if (column < 2 || column - 2 >= self->overview->indicators->len)
        continue;
      ind = self->overview->indicators->pdata[column - 2];
      if (ind->group_title != NULL && *ind->group_title != '\0')
        /* Translators: tooltip of a column header: indicator name, then its
           content group, e.g. "Nội dung 2: Nâng cao quyền năng kinh tế …" */
        tooltip = g_strdup_printf (_("%s\nContent %d: %s"), ind->name_vi, ind->group_no,
                                   ind->group_title);
      else
        tooltip = g_strdup (ind->name_vi);
      d8_ui_set_tooltip_text (title, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
    }
}

/* An indicator column's width: 84 px (132 for a share of women), or more
 * when the totals, the widest figures of the column (they are the sums
 * of the cells), need it: figures do not wrap (set_cell_text()), so a
 * column narrower than "15,162/9,975" would cut it. */
static int
column_width (D8ProvinceMatrix *self, guint i)
{
  const D8Indicator *ind = self->overview->indicators->pdata[i];
  int base = d8_indicator_kind_counts_women (ind->kind) ? 132 : 84;
  g_autofree char *text = d8_cell_format_figures (&self->overview->totals[i], ind);
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->view), text);
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();
  int width = 0;

  /* as a cell shows it: bold, in tabular figures, with the tile's and the
   * cell's padding (style.css: .d8-cell 8 px, the cell 3 px a side) */
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return MAX (base, width + 2 * 8 + 2 * 3 + 4);
}

/* Widens the columns whose totals grew past them (never narrows one a
 * person widened). */
static void
update_column_widths (D8ProvinceMatrix *self)
{
  for (guint c = 0; c < self->columns->len && c < self->overview->indicators->len; c++)
    {
      GtkColumnViewColumn *column = self->columns->pdata[c];
      int width = column_width (self, c);

      if (gtk_column_view_column_get_fixed_width (column) < width)
        gtk_column_view_column_set_fixed_width (column, width);
    }
}

static void
rebuild_columns (D8ProvinceMatrix *self)
{
  D8Overview *ov = self->overview;

  for (guint c = 0; c < self->columns->len; c++)
    gtk_column_view_remove_column (self->view, self->columns->pdata[c]);
  g_ptr_array_set_size (self->columns, 0);

  for (guint i = 0; i < ov->indicators->len; i++)
    {
      const D8Indicator *ind = ov->indicators->pdata[i];
      GtkListItemFactory *factory = factory_new (self, G_CALLBACK (indicator_setup_cb),
                                                 G_CALLBACK (indicator_bind_cb));
      g_autofree char *title = ind->count_unit && *ind->count_unit
                                 ? g_strdup_printf ("%s · %s", ind->code, ind->count_unit)
                                 : g_strdup (ind->code);
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), INDICATOR_KEY, GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_fixed_width (column, column_width (self, i));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->view, column);
      g_ptr_array_add (self->columns, column);
    }
  set_header_tooltips (self);
}

static GListStore *
build_root (D8ProvinceMatrix *self)
{
  D8Overview *ov = self->overview;
  GListStore *root = g_list_store_new (D8_TYPE_MATRIX_ROW);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->rollup != NULL && d8_rollup_is_grouped (self->rollup))
    for (guint g = 0; g < self->rollup->groups->len; g++)
      {
        const D8RollupGroup *group = self->rollup->groups->pdata[g];
        D8MatrixRow *row = row_new (ROW_GROUP, g);
        g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);

        row->children = g_list_store_new (D8_TYPE_MATRIX_ROW);
        for (guint k = 0; k < group->units->len; k++)
          g_ptr_array_add (units, row_new (ROW_UNIT, g_array_index (group->units, guint, k)));
        g_list_store_splice (row->children, 0, 0, units->pdata, units->len);
        g_ptr_array_add (items, row);
      }
  else
    for (guint u = 0; u < ov->units->len; u++)
      g_ptr_array_add (items, row_new (ROW_UNIT, u));

  g_ptr_array_add (items, row_new (ROW_TOTAL, 0));
  g_ptr_array_add (items, row_new (ROW_TARGET, 0));
  self->has_gap = FALSE;
  for (guint i = 0; i < ov->indicators->len && !self->has_gap; i++)
    {
      g_autofree char *gap = gap_text (ov, i);
      self->has_gap = gap != NULL;
    }
  if (self->has_gap)
    g_ptr_array_add (items, row_new (ROW_GAP, 0));
  g_list_store_splice (root, 0, 0, items->pdata, items->len);
  return root;
}

/**
 * d8_province_matrix_set_figures:
 * @self: a matrix
 * @overview: the figures (a reference is kept)
 * @rollup: (nullable) (transfer full): the units grouped by parent; NULL
 *   shows one flat list
 *
 * Shows @overview. When the plan's rows are the same as before (another
 * date, a new entry), the rows are kept, groups stay open or shut, and
 * only the visible cells are filled again.
 */
void
d8_province_matrix_set_figures (D8ProvinceMatrix *self, D8Overview *overview, D8Rollup *rollup)
{
  g_autofree char *shape = NULL;

  g_return_if_fail (D8_IS_PROVINCE_MATRIX (self));
  g_return_if_fail (overview != NULL);

  shape = shape_of (overview, rollup);
  d8_overview_ref (overview);
  g_clear_pointer (&self->overview, d8_overview_unref);
  self->overview = overview;
  g_clear_pointer (&self->rollup, d8_rollup_free);
  self->rollup = rollup;

  if (g_strcmp0 (shape, self->shape) == 0)
    {
      update_column_widths (self);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      return;
    }
  g_free (self->shape);
  self->shape = g_steal_pointer (&shape);
  {
    GListStore *root = build_root (self);
    GtkTreeListModel *tree = gtk_tree_list_model_new (G_LIST_MODEL (root), FALSE, FALSE,
                                                      create_children, NULL, NULL);
    GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (tree)));

    gtk_column_view_set_model (self->view, selection);
    g_object_unref (selection);
  }
  rebuild_columns (self);
}

/**
 * d8_province_matrix_set_expanded:
 * @self: a matrix
 * @expanded: whether every parent group is open
 *
 * Opens or shuts every group.
 */
void
d8_province_matrix_set_expanded (D8ProvinceMatrix *self, gboolean expanded)
{
  GtkSelectionModel *selection;
  GtkTreeListModel *tree;

  g_return_if_fail (D8_IS_PROVINCE_MATRIX (self));

  selection = gtk_column_view_get_model (self->view);
  if (selection == NULL)
    return;
  tree = GTK_TREE_LIST_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (selection)));
  /* From the end, so opening a group does not move the ones before it. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (tree)); i-- > 0;)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (tree, i);

      if (row != NULL && gtk_tree_list_row_get_depth (row) == 0
          && gtk_tree_list_row_is_expandable (row))
        gtk_tree_list_row_set_expanded (row, expanded);
    }
}

/**
 * d8_province_matrix_dup_cell_text:
 * @self: a matrix
 * @unit_index: a unit's index in the overview
 * @indicator_index: an indicator's index
 *
 * Returns: (transfer full) (nullable): the text the cell of that unit ×
 *   indicator shows (whether it is scrolled into view or not), or NULL
 *   when there is no such cell.
 */
char *
d8_province_matrix_dup_cell_text (D8ProvinceMatrix *self, guint unit_index, guint indicator_index)
{
  D8Overview *ov;

  g_return_val_if_fail (D8_IS_PROVINCE_MATRIX (self), NULL);

  ov = self->overview;
  if (ov == NULL || unit_index >= ov->units->len || indicator_index >= ov->indicators->len)
    return NULL;
  return d8_ui_cell_text (d8_overview_cell (ov, unit_index, indicator_index),
                          ov->indicators->pdata[indicator_index]);
}

/**
 * d8_province_matrix_get_n_rows:
 * @self: a matrix
 *
 * Returns: the rows the view has now (open groups count their units).
 */
guint
d8_province_matrix_get_n_rows (D8ProvinceMatrix *self)
{
  GtkSelectionModel *selection;

  g_return_val_if_fail (D8_IS_PROVINCE_MATRIX (self), 0);
  selection = gtk_column_view_get_model (self->view);
  return selection ? g_list_model_get_n_items (G_LIST_MODEL (selection)) : 0;
}

/* Enter or a double click on a row: a unit opens, a group opens or shuts. */
static void
activate_cb (GtkColumnView *view, guint position, D8ProvinceMatrix *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (GtkTreeListRow) tree_row = g_list_model_get_item (model, position);
  D8MatrixRow *row = tree_row ? gtk_tree_list_row_get_item (tree_row) : NULL;

  if (row == NULL)
    return;
  if (row->kind == ROW_GROUP)
    gtk_tree_list_row_set_expanded (tree_row, !gtk_tree_list_row_get_expanded (tree_row));
  else if (row->kind == ROW_UNIT && self->overview != NULL)
    gtk_widget_activate_action (GTK_WIDGET (view), "win.show-unit", "s",
                                ((const D8Unit *) self->overview->units->pdata[row->index])->code);
  g_object_unref (row);
}

/**
 * d8_province_matrix_new:
 * @view: the (empty) column view to fill; borrowed, it must outlive the matrix
 *
 * Returns: (transfer full): a matrix driving @view.
 */
D8ProvinceMatrix *
d8_province_matrix_new (GtkColumnView *view)
{
  D8ProvinceMatrix *self = g_object_new (D8_TYPE_PROVINCE_MATRIX, NULL);
  GtkColumnViewColumn *column;

  self->view = view;
  /* Translators: header of the row-number column (Vietnamese "TT") */
  column = gtk_column_view_column_new (C_("row number", "No."),
                                       factory_new (self, G_CALLBACK (number_setup_cb),
                                                    G_CALLBACK (number_bind_cb)));
  gtk_column_view_column_set_fixed_width (column, 52);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);

  column = gtk_column_view_column_new (_("Unit"),
                                       factory_new (self, G_CALLBACK (unit_setup_cb),
                                                    G_CALLBACK (unit_bind_cb)));
  gtk_column_view_column_set_fixed_width (column, 260);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);

  g_signal_connect_object (view, "activate", G_CALLBACK (activate_cb), self, 0);
  return self;
}

static void
d8_province_matrix_finalize (GObject *object)
{
  D8ProvinceMatrix *self = D8_PROVINCE_MATRIX (object);

  g_clear_pointer (&self->rollup, d8_rollup_free);
  g_clear_pointer (&self->overview, d8_overview_unref);
  g_ptr_array_unref (self->columns);
  g_hash_table_unref (self->shown_cells);
  g_free (self->shape);
  G_OBJECT_CLASS (d8_province_matrix_parent_class)->finalize (object);
}

static void
d8_province_matrix_class_init (D8ProvinceMatrixClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = d8_province_matrix_finalize;

  /* The figures changed under the same rows: bound cells fill themselves again. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
d8_province_matrix_init (D8ProvinceMatrix *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown_cells = g_hash_table_new (NULL, NULL);
}
