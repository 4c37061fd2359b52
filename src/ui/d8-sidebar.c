/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-sidebar.c — the window's list of units (see d8-sidebar.h).
 *
 * Items are small objects holding what a row shows (name, detail line,
 * completion); rows are made only for the visible ones. When the figures
 * change under the same units, the items are updated in place and the bound
 * rows fill themselves again ("changed"), so open groups stay open and the
 * list does not jump. The sidebar says which unit was chosen with
 * "chosen" (code or NULL for the whole province, and whether the row was
 * activated rather than only selected).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "d8-format.h"
#include "d8-sidebar.h"
#include "d8-text.h"
#include "d8-ui-util.h"

struct _D8SidebarItem
{
  GObject parent_instance;
  char *code;   /* NULL: the whole province, or a group */
  char *name;
  char *detail;
  double overall;
  gboolean is_group;
  GListStore *children; /* a group's units */
};

G_DEFINE_FINAL_TYPE (D8SidebarItem, d8_sidebar_item, G_TYPE_OBJECT)

static void
d8_sidebar_item_finalize (GObject *object)
{
  D8SidebarItem *self = D8_SIDEBAR_ITEM (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->detail);
  g_clear_object (&self->children);
  G_OBJECT_CLASS (d8_sidebar_item_parent_class)->finalize (object);
}

static void
d8_sidebar_item_class_init (D8SidebarItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = d8_sidebar_item_finalize;
}

static void
d8_sidebar_item_init (D8SidebarItem *self)
{
}

/** d8_sidebar_item_get_name: @self: an item. Returns: (transfer none): the name shown. */
const char *
d8_sidebar_item_get_name (D8SidebarItem *self)
{
  g_return_val_if_fail (D8_IS_SIDEBAR_ITEM (self), NULL);
  return self->name;
}

/** d8_sidebar_item_get_code: @self: an item. Returns: (transfer none) (nullable): the unit's code. */
const char *
d8_sidebar_item_get_code (D8SidebarItem *self)
{
  g_return_val_if_fail (D8_IS_SIDEBAR_ITEM (self), NULL);
  return self->code;
}

/** d8_sidebar_item_is_group: @self: an item. Returns: whether it is a parent group. */
gboolean
d8_sidebar_item_is_group (D8SidebarItem *self)
{
  g_return_val_if_fail (D8_IS_SIDEBAR_ITEM (self), FALSE);
  return self->is_group;
}

static void
item_set (D8SidebarItem *item, const char *name, char *detail, double overall)
{
  if (g_strcmp0 (item->name, name) != 0)
    {
      g_free (item->name);
      item->name = g_strdup (name);
    }
  g_free (item->detail);
  item->detail = detail;
  item->overall = overall;
}

static D8SidebarItem *
item_new (const char *code, gboolean is_group)
{
  D8SidebarItem *item = g_object_new (D8_TYPE_SIDEBAR_ITEM, NULL);

  item->code = g_strdup (code);
  item->is_group = is_group;
  return item;
}

/* ---------------------------------------------------------------- sidebar */

struct _D8Sidebar
{
  GObject parent_instance;

  GtkListView *view; /* borrowed */
  GtkSingleSelection *selection;
  GtkTreeListModel *tree;  /* the province, then groups or units */
  GtkTreeListModel *found; /* while searching: the units that match */
  GtkCustomFilter *filter;
  char *needle;
  char *shape;
  GPtrArray *units;  /* D8SidebarItem*, per unit of the overview */
  GPtrArray *groups; /* D8SidebarItem*, per group (empty when not grouped) */
  D8SidebarItem *province;
  const D8Rollup *rollup; /* only while set_figures runs */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (D8Sidebar, d8_sidebar, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  SIGNAL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static D8SidebarItem *
row_item (gpointer tree_row)
{
  D8SidebarItem *item;

  if (tree_row == NULL)
    return NULL;
  item = gtk_tree_list_row_get_item (tree_row);
  if (item != NULL)
    g_object_unref (item); /* the row keeps it */
  return item;
}

/* rows */

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, D8Sidebar *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name_label = gtk_label_new (NULL);
  GtkWidget *percent_label = gtk_label_new (NULL);
  GtkWidget *detail_label = gtk_label_new (NULL);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0.0, 1.0);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 4);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_hexpand (box, TRUE);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_box_append (GTK_BOX (top), name_label);
  gtk_widget_add_css_class (percent_label, "numeric");
  gtk_widget_add_css_class (percent_label, "dim-label");
  gtk_box_append (GTK_BOX (top), percent_label);

  gtk_label_set_xalign (GTK_LABEL (detail_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (detail_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail_label, "caption");
  gtk_widget_add_css_class (detail_label, "dim-label");
  /* at least about eight characters wide: style.css, .d8-sidebar-detail */
  gtk_widget_add_css_class (detail_label, "d8-sidebar-detail");
  gtk_box_append (GTK_BOX (bottom), detail_label);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (bar, "d8-sidebar-level");
  gtk_box_append (GTK_BOX (bottom), bar);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
fill_row (GtkListItem *list_item)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *bottom = gtk_widget_get_next_sibling (top);
  GtkWidget *name_label = gtk_widget_get_first_child (top);
  GtkWidget *percent_label = gtk_widget_get_next_sibling (name_label);
  GtkWidget *detail_label = gtk_widget_get_first_child (bottom);
  GtkWidget *bar = gtk_widget_get_next_sibling (detail_label);
  D8SidebarItem *item = row_item (gtk_list_item_get_item (list_item));
  g_autofree char *percent = NULL;
  g_autofree char *description = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), gtk_list_item_get_item (list_item));
  if (item == NULL)
    return;
  percent = d8_format_percent (item->overall, 0);
  gtk_label_set_text (GTK_LABEL (name_label), item->name);
  gtk_label_set_text (GTK_LABEL (percent_label), percent);
  gtk_label_set_text (GTK_LABEL (detail_label), item->detail);
  if (item->is_group)
    gtk_widget_add_css_class (name_label, "heading");
  else
    gtk_widget_remove_css_class (name_label, "heading");
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar),
                           isnan (item->overall) ? 0.0 : CLAMP (item->overall, 0.0, 1.0));
  /* Translators: accessible description of a progress bar; %s is a percentage */
  description = g_strdup_printf (_("Overall completion %s"), percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  d8_ui_set_tooltip_text (bar, description);
  /* A group opens and shuts; it is not a page to show. */
  gtk_list_item_set_selectable (list_item, !item->is_group);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, D8Sidebar *self)
{
  gulong id = g_signal_connect_object (self, "changed", G_CALLBACK (fill_row), list_item,
                                       G_CONNECT_SWAPPED);

  g_object_set_data (G_OBJECT (list_item), "d8-changed-handler", GSIZE_TO_POINTER (id));
  fill_row (list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, D8Sidebar *self)
{
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "d8-changed-handler"));

  if (id != 0)
    g_signal_handler_disconnect (self, id);
  g_object_set_data (G_OBJECT (list_item), "d8-changed-handler", NULL);
}

/* models */

static GListModel *
create_children (gpointer data, gpointer user_data)
{
  D8SidebarItem *item = data;

  return item->children ? g_object_ref (G_LIST_MODEL (item->children)) : NULL;
}

/* While searching, units are listed without their groups. */
static GListModel *
no_children (gpointer data, gpointer user_data)
{
  return NULL;
}

static gboolean
filter_func (gpointer data, gpointer user_data)
{
  D8Sidebar *self = user_data;
  D8SidebarItem *item = data;

  return d8_text_matches (item->name ? item->name : "", self->needle ? self->needle : "");
}

static gboolean
searching (D8Sidebar *self)
{
  return self->needle != NULL && *self->needle != '\0';
}

static void
show_model (D8Sidebar *self)
{
  GtkTreeListModel *model = searching (self) ? self->found : self->tree;

  self->updating = TRUE;
  if (gtk_single_selection_get_model (self->selection) != G_LIST_MODEL (model))
    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
  self->updating = FALSE;
}

static char *
shape_of (D8Overview *ov, const D8Rollup *rollup)
{
  const D8Unit *first = ov->units->len ? ov->units->pdata[0] : NULL;
  const D8Unit *last = ov->units->len ? ov->units->pdata[ov->units->len - 1] : NULL;

  return g_strdup_printf ("%" G_GINT64_FORMAT "/%u/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%u",
                          ov->plan->id, ov->units->len, first ? first->id : 0, last ? last->id : 0,
                          rollup && d8_rollup_is_grouped (rollup) ? rollup->groups->len : 0);
}

/* Fills the items' texts and figures from @ov. */
static void
update_items (D8Sidebar *self, D8Overview *ov, const D8Rollup *rollup)
{
  gboolean grouped = self->groups->len > 0;

  /* Translators: detail line of the "Whole province" row in the sidebar */
  item_set (self->province, _("Whole province"),
            g_strdup_printf (ngettext ("%u unit", "%u units", ov->units->len), ov->units->len),
            ov->province_overall);
  for (guint g = 0; g < self->groups->len; g++)
    {
      const D8RollupGroup *group = rollup->groups->pdata[g];
      g_autofree char *count = g_strdup_printf (ngettext ("%u unit", "%u units", group->units->len),
                                                group->units->len);

      /* Translators: detail line of a parent group in the sidebar: "8 units, 3 behind" */
      item_set (self->groups->pdata[g], d8_rollup_group_label (group),
                g_strdup_printf (ngettext ("%s, %u behind", "%s, %u behind", group->n_behind),
                                 count, group->n_behind),
                group->overall);
    }
  for (guint u = 0; u < ov->units->len; u++)
    {
      const D8Unit *unit = ov->units->pdata[u];
      const char *kind = unit->kind ? unit->kind : "";
      char *detail;

      if (grouped)
        /* Translators: detail line of a unit in the sidebar: its kind and its
           parent, "xã · Chư Sê" */
        detail = g_strdup_printf (_("%s · %s"), kind,
                                  d8_rollup_group_label (rollup->groups->pdata[rollup->unit_group[u]]));
      else
        detail = g_strdup (kind);
      item_set (self->units->pdata[u], unit->name, detail, ov->unit_overall[u]);
    }
}

static void
rebuild (D8Sidebar *self, D8Overview *ov, const D8Rollup *rollup)
{
  g_autoptr (GListStore) root = g_list_store_new (D8_TYPE_SIDEBAR_ITEM);
  g_autoptr (GListStore) flat = g_list_store_new (D8_TYPE_SIDEBAR_ITEM);
  g_autoptr (GPtrArray) roots = g_ptr_array_new ();
  gboolean grouped = rollup != NULL && d8_rollup_is_grouped (rollup);
  GtkFilterListModel *filtered;

  g_ptr_array_set_size (self->units, 0);
  g_ptr_array_set_size (self->groups, 0);
  g_clear_object (&self->province);
  self->province = item_new (NULL, FALSE);
  for (guint u = 0; u < ov->units->len; u++)
    g_ptr_array_add (self->units, item_new (((const D8Unit *) ov->units->pdata[u])->code, FALSE));

  g_ptr_array_add (roots, self->province);
  if (grouped)
    for (guint g = 0; g < rollup->groups->len; g++)
      {
        const D8RollupGroup *group = rollup->groups->pdata[g];
        D8SidebarItem *item = item_new (NULL, TRUE);

        item->children = g_list_store_new (D8_TYPE_SIDEBAR_ITEM);
        for (guint k = 0; k < group->units->len; k++)
          g_list_store_append (item->children,
                               self->units->pdata[g_array_index (group->units, guint, k)]);
        g_ptr_array_add (self->groups, item);
        g_ptr_array_add (roots, item);
      }
  else
    g_ptr_array_extend (roots, self->units, NULL, NULL);
  update_items (self, ov, rollup);
  g_list_store_splice (root, 0, 0, roots->pdata, roots->len);
  g_list_store_append (flat, self->province);
  g_list_store_splice (flat, 1, 0, self->units->pdata, self->units->len);

  self->updating = TRUE;
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->tree);
  g_clear_object (&self->found);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&root)), FALSE, FALSE,
                                        create_children, NULL, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&flat)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->found = gtk_tree_list_model_new (G_LIST_MODEL (filtered), FALSE, FALSE, no_children,
                                         NULL, NULL);
  self->updating = FALSE;
  show_model (self);
}

/**
 * d8_sidebar_set_figures:
 * @self: a sidebar
 * @overview: the figures; read now, not kept
 * @rollup: (nullable): the units grouped by parent; read now, not kept
 *
 * Shows the units of @overview. Under the same units (another date, a new
 * entry) the rows stay where they are and only their figures change.
 */
void
d8_sidebar_set_figures (D8Sidebar *self, D8Overview *overview, const D8Rollup *rollup)
{
  g_autofree char *shape = NULL;

  g_return_if_fail (D8_IS_SIDEBAR (self));
  g_return_if_fail (overview != NULL);

  shape = shape_of (overview, rollup);
  if (g_strcmp0 (shape, self->shape) == 0)
    {
      update_items (self, overview, rollup);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      return;
    }
  g_free (self->shape);
  self->shape = g_steal_pointer (&shape);
  rebuild (self, overview, rollup);
}

/**
 * d8_sidebar_set_search:
 * @self: a sidebar
 * @text: (nullable): what to look for; empty shows the tree again
 *
 * Lists the units whose names contain @text, whatever the case, the
 * diacritics and the Unicode normalisation.
 */
void
d8_sidebar_set_search (D8Sidebar *self, const char *text)
{
  g_return_if_fail (D8_IS_SIDEBAR (self));

  g_free (self->needle);
  self->needle = g_strdup (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  show_model (self);
}

static GListModel *
current_model (D8Sidebar *self)
{
  return gtk_single_selection_get_model (self->selection);
}

static int
find_code (D8Sidebar *self, const char *code)
{
  GListModel *model = current_model (self);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, i);
      D8SidebarItem *item = row_item (row);

      if (item != NULL && !item->is_group && g_strcmp0 (item->code, code) == 0)
        return (int) i;
    }
  return -1;
}

/* Opens the group that holds the unit @code. */
static void
expand_group_of (D8Sidebar *self, const char *code)
{
  GListModel *model = G_LIST_MODEL (self->tree);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, i);
      D8SidebarItem *item = row_item (row);

      if (item == NULL || !item->is_group || gtk_tree_list_row_get_expanded (row))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (item->children)); k++)
        {
          g_autoptr (D8SidebarItem) unit = g_list_model_get_item (G_LIST_MODEL (item->children), k);

          if (g_strcmp0 (unit->code, code) == 0)
            {
              gtk_tree_list_row_set_expanded (row, TRUE);
              return;
            }
        }
    }
}

/**
 * d8_sidebar_select_code:
 * @self: a sidebar
 * @code: (nullable): a unit's code, NULL for the whole province
 *
 * Selects the row of @code (opening its group) without saying "chosen".
 *
 * Returns: whether the row is in the list (a search may hide it).
 */
gboolean
d8_sidebar_select_code (D8Sidebar *self, const char *code)
{
  int position;

  g_return_val_if_fail (D8_IS_SIDEBAR (self), FALSE);

  self->updating = TRUE;
  position = find_code (self, code);
  if (position < 0 && code != NULL && !searching (self))
    {
      expand_group_of (self, code);
      position = find_code (self, code);
    }
  if (position >= 0)
    {
      gtk_single_selection_set_selected (self->selection, (guint) position);
      gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u",
                                  (guint) position);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  return position >= 0;
}

/** d8_sidebar_unselect: @self: a sidebar. Selects no row, silently. */
void
d8_sidebar_unselect (D8Sidebar *self)
{
  g_return_if_fail (D8_IS_SIDEBAR (self));
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
}

/**
 * d8_sidebar_get_item:
 * @self: a sidebar
 * @position: a row of the list as shown
 *
 * Returns: (transfer none) (nullable): the item of that row.
 */
D8SidebarItem *
d8_sidebar_get_item (D8Sidebar *self, guint position)
{
  GListModel *model;
  g_autoptr (GtkTreeListRow) row = NULL;

  g_return_val_if_fail (D8_IS_SIDEBAR (self), NULL);
  model = current_model (self);
  if (model == NULL || position >= g_list_model_get_n_items (model))
    return NULL;
  row = g_list_model_get_item (model, position);
  return row_item (row);
}

/** d8_sidebar_get_n_rows: @self: a sidebar. Returns: the rows shown (open groups count their units). */
guint
d8_sidebar_get_n_rows (D8Sidebar *self)
{
  GListModel *model;

  g_return_val_if_fail (D8_IS_SIDEBAR (self), 0);
  model = current_model (self);
  return model ? g_list_model_get_n_items (model) : 0;
}

static void
selection_changed_cb (D8Sidebar *self)
{
  D8SidebarItem *item;

  if (self->updating)
    return;
  item = row_item (gtk_single_selection_get_selected_item (self->selection));
  if (item == NULL || item->is_group)
    return;
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, item->code, FALSE);
}

static void
activate_cb (D8Sidebar *self, guint position)
{
  g_autoptr (GtkTreeListRow) row = g_list_model_get_item (current_model (self), position);
  D8SidebarItem *item = row_item (row);

  if (item == NULL)
    return;
  if (item->is_group)
    {
      gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, item->code, TRUE);
}

/**
 * d8_sidebar_new:
 * @view: the list view to drive; borrowed, it must outlive the sidebar
 *
 * Returns: (transfer full): a sidebar showing nothing until
 *   d8_sidebar_set_figures().
 */
D8Sidebar *
d8_sidebar_new (GtkListView *view)
{
  D8Sidebar *self = g_object_new (D8_TYPE_SIDEBAR, NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->view = view;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);
  return self;
}

static void
d8_sidebar_dispose (GObject *object)
{
  D8Sidebar *self = D8_SIDEBAR (object);

  if (self->selection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->selection, self);
      g_clear_object (&self->selection);
    }
  g_clear_object (&self->tree);
  g_clear_object (&self->found);
  g_clear_object (&self->filter);
  g_clear_object (&self->province);
  G_OBJECT_CLASS (d8_sidebar_parent_class)->dispose (object);
}

static void
d8_sidebar_finalize (GObject *object)
{
  D8Sidebar *self = D8_SIDEBAR (object);

  g_ptr_array_unref (self->units);
  g_ptr_array_unref (self->groups);
  g_free (self->needle);
  g_free (self->shape);
  G_OBJECT_CLASS (d8_sidebar_parent_class)->finalize (object);
}

static void
d8_sidebar_class_init (D8SidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = d8_sidebar_dispose;
  object_class->finalize = d8_sidebar_finalize;

  /* The figures changed under the same rows: bound rows fill themselves again. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A unit (its code) or the whole province (NULL) was selected, or
   * activated (TRUE: Enter, a double click, a click while folded). */
  signals[SIGNAL_CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                         G_TYPE_BOOLEAN);
}

static void
d8_sidebar_init (D8Sidebar *self)
{
  self->units = g_ptr_array_new_with_free_func (g_object_unref);
  self->groups = g_ptr_array_new_with_free_func (g_object_unref);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);
}
