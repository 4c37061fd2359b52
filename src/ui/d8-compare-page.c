/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-compare-page.c — the Compare Plans view (see d8-compare-page.h).
 *
 * Every figure comes from d8_store_compare_plans(); the chart is the chart
 * layer's "compare" kind, so the window, the printout, the exported file
 * and `duan8-cli render --chart compare` show one picture. The table is a
 * GtkColumnView over row numbers (a GtkStringList): widgets exist only for
 * the rows on screen, whatever the number of communes.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "d8-chart-export.h"
#include "d8-chart-paint.h"
#include "d8-chart-view.h"
#include "d8-compare-links.h"
#include "d8-compare-page.h"
#include "d8-format.h"
#include "d8-print.h"
#include "d8-ui-util.h"

struct _D8ComparePage
{
  GtkWidget parent_instance;

  /* template children */
  GtkWidget *box;
  GtkDropDown *indicator_dropdown;
  GtkLabel *note_label;
  GtkBox *plans_box;
  GtkMenuButton *plans_button;
  GtkDropDown *rows_dropdown;
  GtkColumnView *table;
  D8ChartView *view;

  /* owned */
  D8Store *store;
  GSettings *settings;
  D8PlanCompare *compare;
  GPtrArray *plan_checks; /* GtkCheckButton*, one per plan of the store, by year */
  GArray *plan_ids;       /* gint64, parallel to plan_checks */
  GPtrArray *plan_codes;  /* char *, parallel to plan_checks */
  char *indicator_code;   /* the chosen indicator, kept across reloads */
  char *as_of;            /* NULL: today */
  gboolean updating;      /* the page is setting its own widgets */
};

G_DEFINE_FINAL_TYPE (D8ComparePage, d8_compare_page, GTK_TYPE_WIDGET)

static void recompute (D8ComparePage *self);
static void remember (D8ComparePage *self);

/* ------------------------------------------------------------ table */

/* What one column of the table shows: -1 the row's name, a plan's index,
 * or n_plans for all years together. */
typedef struct
{
  D8ComparePage *page; /* not a reference: the page outlives its table */
  int plan;
} Column;

static const D8CompareRow *
row_of_item (D8ComparePage *self, GtkListItem *item)
{
  int index = atoi (gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_list_item_get_item (item))));

  return index >= 0 && (guint) index < self->compare->rows->len ? self->compare->rows->pdata[index]
                                                                 : NULL;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), ((Column *) data)->plan < 0 ? 0 : 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static int
chosen_indicator (D8ComparePage *self)
{
  return self->compare && self->indicator_code
           ? d8_plan_compare_find_indicator (self->compare, self->indicator_code)
           : -1;
}

/* "10/12 · 83 %", and the two quotas on a second line for the province. */
static char *
cell_text (D8ComparePage *self, const D8CompareFigures *fig, int plan, guint k)
{
  const D8CompareIndicator *ind = self->compare->indicators->pdata[k];
  guint n_plans = d8_plan_compare_n_plans (self->compare);
  const D8Indicator *indicator = NULL;
  GString *out = g_string_new (NULL);
  g_autofree char *figures = NULL;

  for (int p = (guint) plan < n_plans ? plan : (int) n_plans - 1; p >= 0 && indicator == NULL; p--)
    if (ind->index[p] >= 0)
      indicator = ((D8Overview *) self->compare->overviews->pdata[p])->indicators->pdata[ind->index[p]];
  figures = d8_progress_format_figures (ind->kind, fig->cell.has_quota, fig->cell.quota,
                                        fig->cell.achieved, fig->cell.group_size,
                                        indicator && indicator->has_target
                                          ? indicator->target / 100.0 : NAN);
  g_string_append (out, figures);
  if (isfinite (fig->cell.completion) && ind->kind == D8_KIND_COUNT)
    {
      g_autofree char *percent = d8_format_percent (fig->cell.completion, 0);
      g_string_append_printf (out, " · %s", percent);
    }
  if (fig->has_stated && fig->any_allocated)
    {
      g_autofree char *stated = d8_format_count (fig->stated);
      g_autofree char *allocated = d8_format_count (fig->allocated);

      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("stated %s · allocated %s"), stated, allocated);
    }
  return g_string_free (out, FALSE);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  Column *column = data;
  D8ComparePage *self = column->page;
  GtkWidget *label = gtk_list_item_get_child (item);
  const D8CompareRow *row;
  const D8CompareFigures *fig;
  int k = chosen_indicator (self);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (label, "dim-label");
  if (self->compare == NULL || k < 0)
    return;
  row = row_of_item (self, item);
  if (column->plan < 0)
    {
      /* Translators: the first row of the compare table */
      gtk_label_set_text (GTK_LABEL (label), row ? row->name : _("Whole province"));
      gtk_widget_set_tooltip_text (label, row ? row->code : NULL);
      return;
    }
  fig = d8_plan_compare_figures (self->compare, row, (guint) column->plan, (guint) k);
  if (!fig->present)
    {
      gtk_label_set_text (GTK_LABEL (label), "–");
      d8_ui_set_status_class (label, D8_STATUS_NO_QUOTA);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (label, _("Not in this plan"));
      return;
    }
  text = cell_text (self, fig, column->plan, (guint) k);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, d8_status_to_label (fig->cell.status));
  d8_ui_set_status_class (label, fig->cell.status);
}

static void
add_column (D8ComparePage *self, const char *title, int plan)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  Column *column = g_new0 (Column, 1);
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  column->page = self;
  column->plan = plan;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), column);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell_cb), column,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, plan < 0);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->table, view_column);
}

static void
clear_table (D8ComparePage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->table, column);
    }
  gtk_column_view_set_model (self->table, NULL);
}

static void
fill_table (D8ComparePage *self)
{
  g_autoptr (GtkStringList) rows = gtk_string_list_new (NULL);
  guint n_plans = d8_plan_compare_n_plans (self->compare);

  clear_table (self);
  add_column (self, self->compare->by == D8_COMPARE_BY_PROVINCE ? "" : _("Unit"), -1);
  for (guint p = 0; p < n_plans; p++)
    {
      g_autofree char *year = g_strdup_printf ("%d",
                                               ((D8Overview *) self->compare->overviews->pdata[p])
                                                 ->plan->year);
      add_column (self, year, (int) p);
    }
  add_column (self, _("All years"), (int) n_plans);
  /* the province first, then the rows */
  gtk_string_list_append (rows, "-1");
  for (guint r = 0; r < self->compare->rows->len; r++)
    {
      g_autofree char *index = g_strdup_printf ("%u", r);
      gtk_string_list_append (rows, index);
    }
  gtk_column_view_set_model (self->table,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));
}

/* ------------------------------------------------------------ state */

static void
show_note (D8ComparePage *self, const char *text)
{
  gtk_label_set_text (self->note_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), text != NULL && *text != '\0');
}

/* "As of 31/12/2026. Codes in the plans: 2023: 2, 2024: 2, 2026: 4." */
static void
update_note (D8ComparePage *self, int k)
{
  const D8CompareIndicator *ind = self->compare->indicators->pdata[k];
  g_autofree char *date = d8_format_date (self->compare->as_of);
  g_autoptr (GString) codes = g_string_new (NULL);
  gboolean differ = FALSE;

  for (guint p = 0; p < d8_plan_compare_n_plans (self->compare); p++)
    {
      const D8Overview *ov = self->compare->overviews->pdata[p];
      const char *code = ind->index[p] >= 0
                           ? ((D8Indicator *) ov->indicators->pdata[ind->index[p]])->code
                           : "–";

      differ |= g_strcmp0 (code, ind->code) != 0;
      g_string_append_printf (codes, "%s%d: %s", p ? ", " : "", ov->plan->year, code);
    }
  if (differ)
    {
      /* Translators: under the compare table; %s a date, then "2023: 2, 2024: 2, 2026: 4" */
      g_autofree char *text = g_strdup_printf (_("Figures as of %s. The indicator’s code in "
                                                 "each plan: %s."),
                                               date, codes->str);
      show_note (self, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Figures as of %s."), date);
      show_note (self, text);
    }
}

static void
fill_indicators (D8ComparePage *self)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  int k;

  for (guint i = 0; i < self->compare->indicators->len; i++)
    {
      const D8CompareIndicator *ind = self->compare->indicators->pdata[i];
      g_autofree char *text = g_strdup_printf ("%s. %s", ind->code, ind->name);
      gtk_string_list_append (list, text);
    }
  k = chosen_indicator (self);
  if (k < 0 && self->compare->indicators->len > 0)
    {
      k = 0;
      g_free (self->indicator_code);
      self->indicator_code = g_strdup (((D8CompareIndicator *) self->compare->indicators->pdata[0])->code);
    }
  gtk_drop_down_set_model (self->indicator_dropdown, G_LIST_MODEL (list));
  if (k >= 0)
    gtk_drop_down_set_selected (self->indicator_dropdown, (guint) k);
}

static void
show_chart (D8ComparePage *self)
{
  int k = chosen_indicator (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export", k >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.print", k >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.match", k >= 0);
  if (k < 0)
    {
      d8_chart_view_set_model (self->view, NULL);
      return;
    }
  d8_chart_view_set_model (self->view, d8_chart_model_compare_new (self->compare, (guint) k));
  update_note (self, k);
  fill_table (self);
}

static GArray *
checked_plans (D8ComparePage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->plan_checks->len; i++)
    if (gtk_check_button_get_active (self->plan_checks->pdata[i]))
      g_array_append_val (ids, g_array_index (self->plan_ids, gint64, i));
  return ids;
}

static D8CompareBy
chosen_rows (D8ComparePage *self)
{
  switch (gtk_drop_down_get_selected (self->rows_dropdown))
    {
    case 1:
      return D8_COMPARE_BY_PARENT;
    case 2:
      return D8_COMPARE_BY_UNIT;
    default:
      return D8_COMPARE_BY_PROVINCE;
    }
}

static void
recompute (D8ComparePage *self)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;

  if (self->updating)
    return;
  self->updating = TRUE;
  g_clear_pointer (&self->compare, d8_plan_compare_free);
  ids = checked_plans (self);
  if (ids->len > 0)
    self->compare = d8_store_compare_plans (self->store, ids, chosen_rows (self), self->as_of,
                                            &error);
  if (self->compare == NULL)
    {
      clear_table (self);
      gtk_drop_down_set_model (self->indicator_dropdown, NULL);
      d8_chart_view_set_model (self->view, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.print", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.match", FALSE);
      show_note (self, error ? error->message : _("Choose the plans to compare."));
      self->updating = FALSE;
      return;
    }
  fill_indicators (self);
  show_chart (self);
  if (ids->len < 2)
    show_note (self, _("Choose two plans or more to compare them."));
  self->updating = FALSE;
  remember (self);
}

/* The choices are remembered (GSettings compare-*), so the view opens as
 * it was left. */
static void
remember (D8ComparePage *self)
{
  g_autoptr (GStrvBuilder) excluded = g_strv_builder_new ();
  g_auto (GStrv) codes = NULL;

  if (self->settings == NULL)
    return;
  for (guint i = 0; i < self->plan_checks->len; i++)
    if (!gtk_check_button_get_active (self->plan_checks->pdata[i]))
      g_strv_builder_add (excluded, self->plan_codes->pdata[i]);
  codes = g_strv_builder_end (excluded);
  g_settings_set_strv (self->settings, "compare-excluded-plans", (const char *const *) codes);
  g_settings_set_string (self->settings, "compare-rows", d8_compare_by_to_string (chosen_rows (self)));
  g_settings_set_string (self->settings, "compare-indicator",
                         self->indicator_code ? self->indicator_code : "");
}

static void
plan_toggled_cb (D8ComparePage *self)
{
  recompute (self);
}

/* The store's plans as check buttons, all checked except those unchecked
 * before (a plan imported since is checked). */
static void
fill_plans (D8ComparePage *self)
{
  g_autoptr (GPtrArray) plans = d8_store_list_plans (self->store, NULL);
  g_autoptr (GHashTable) unchecked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_auto (GStrv) excluded = self->plan_checks->len == 0 && self->settings
                              ? g_settings_get_strv (self->settings, "compare-excluded-plans")
                              : NULL;

  for (guint i = 0; i < self->plan_checks->len; i++)
    if (!gtk_check_button_get_active (self->plan_checks->pdata[i]))
      g_hash_table_add (unchecked, g_memdup2 (&g_array_index (self->plan_ids, gint64, i),
                                              sizeof (gint64)));
  d8_ui_remove_all_children (GTK_WIDGET (self->plans_box));
  g_ptr_array_set_size (self->plan_checks, 0);
  g_ptr_array_set_size (self->plan_codes, 0);
  g_array_set_size (self->plan_ids, 0);
  if (plans == NULL)
    return;
  for (guint i = 0; i < plans->len; i++)
    {
      const D8Plan *plan = plans->pdata[i];
      g_autofree char *label = g_strdup_printf ("%d · %s", plan->year, plan->doc_number);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      gtk_widget_set_tooltip_text (check, plan->title);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   !g_hash_table_contains (unchecked, &plan->id)
                                     && !(excluded && g_strv_contains ((const char *const *) excluded,
                                                                       plan->code)));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (plan_toggled_cb), self);
      gtk_box_append (self->plans_box, check);
      g_ptr_array_add (self->plan_checks, check);
      g_ptr_array_add (self->plan_codes, g_strdup (plan->code));
      g_array_append_val (self->plan_ids, plan->id);
    }
}

static void
store_changed_cb (D8ComparePage *self)
{
  self->updating = TRUE;
  fill_plans (self);
  self->updating = FALSE;
  recompute (self);
}

static void
indicator_changed_cb (D8ComparePage *self)
{
  guint k = gtk_drop_down_get_selected (self->indicator_dropdown);

  if (self->updating || self->compare == NULL || k >= self->compare->indicators->len)
    return;
  g_free (self->indicator_code);
  self->indicator_code = g_strdup (((D8CompareIndicator *) self->compare->indicators->pdata[k])->code);
  show_chart (self);
  remember (self);
}

/* ------------------------------------------------------------ public */

void
d8_compare_page_set_plans (D8ComparePage *self, GArray *plan_ids)
{
  g_return_if_fail (D8_IS_COMPARE_PAGE (self));

  self->updating = TRUE;
  for (guint i = 0; i < self->plan_checks->len; i++)
    {
      gboolean on = plan_ids == NULL;

      for (guint j = 0; plan_ids != NULL && j < plan_ids->len; j++)
        on |= g_array_index (plan_ids, gint64, j) == g_array_index (self->plan_ids, gint64, i);
      gtk_check_button_set_active (self->plan_checks->pdata[i], on);
    }
  self->updating = FALSE;
  recompute (self);
}

void
d8_compare_page_set_as_of (D8ComparePage *self, const char *as_of)
{
  g_return_if_fail (D8_IS_COMPARE_PAGE (self));

  g_free (self->as_of);
  self->as_of = g_strdup (as_of);
  recompute (self);
}

gboolean
d8_compare_page_set_indicator (D8ComparePage *self, const char *code)
{
  int k;

  g_return_val_if_fail (D8_IS_COMPARE_PAGE (self), FALSE);

  if (self->compare == NULL || (k = d8_plan_compare_find_indicator (self->compare, code)) < 0)
    return FALSE;
  gtk_drop_down_set_selected (self->indicator_dropdown, (guint) k);
  return TRUE;
}

void
d8_compare_page_set_rows (D8ComparePage *self, D8CompareBy by)
{
  g_return_if_fail (D8_IS_COMPARE_PAGE (self));

  switch (by)
    {
    case D8_COMPARE_BY_PROVINCE:
      gtk_drop_down_set_selected (self->rows_dropdown, 0);
      break;
    case D8_COMPARE_BY_PARENT:
      gtk_drop_down_set_selected (self->rows_dropdown, 1);
      break;
    case D8_COMPARE_BY_UNIT:
      gtk_drop_down_set_selected (self->rows_dropdown, 2);
      break;
    }
}

const D8PlanCompare *
d8_compare_page_get_compare (D8ComparePage *self)
{
  g_return_val_if_fail (D8_IS_COMPARE_PAGE (self), NULL);
  return self->compare;
}

const D8ChartModel *
d8_compare_page_get_model (D8ComparePage *self)
{
  g_return_val_if_fail (D8_IS_COMPARE_PAGE (self), NULL);
  return d8_chart_view_get_model (self->view);
}

GtkWidget *
d8_compare_page_get_view (D8ComparePage *self)
{
  g_return_val_if_fail (D8_IS_COMPARE_PAGE (self), NULL);
  return GTK_WIDGET (self->view);
}

GtkColumnView *
d8_compare_page_get_table (D8ComparePage *self)
{
  g_return_val_if_fail (D8_IS_COMPARE_PAGE (self), NULL);
  return self->table;
}

gboolean
d8_compare_page_export (D8ComparePage *self, const char *path, double dpi, GError **error)
{
  const D8ChartModel *model = d8_compare_page_get_model (self);

  g_return_val_if_fail (model != NULL, FALSE);
  return d8_chart_render_to_file (model, NULL, path, D8_CHART_A4_LANDSCAPE_WIDTH,
                                  D8_CHART_A4_LANDSCAPE_HEIGHT, dpi, error);
}

/* ------------------------------------------------------------ actions */

static void
exported_cb (const char *path, const char *dpi_choice, gpointer user_data)
{
  D8ComparePage *self = user_data;
  double dpi = d8_ui_export_chart_dpi (dpi_choice);
  g_autoptr (GError) error = NULL;

  if (d8_compare_page_get_model (self) == NULL)
    return;
  d8_compare_page_export (self, path, dpi, &error);
  d8_ui_toast_export (GTK_WIDGET (self), D8_UI_EXPORT_CHART, path, error);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  D8ComparePage *self = D8_COMPARE_PAGE (widget);
  const D8ChartModel *model = d8_compare_page_get_model (self);
  g_autofree char *title = NULL;

  if (model == NULL)
    return;
  title = d8_chart_model_title (model);
  d8_ui_export_chart_dialog (widget, title, self->settings, exported_cb, g_object_ref (self),
                             g_object_unref);
}

static void
match_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  D8ComparePage *self = D8_COMPARE_PAGE (widget);
  int k = chosen_indicator (self);

  if (k < 0)
    return;
  gtk_window_present (GTK_WINDOW (d8_compare_links_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->compare, (guint) k)));
}

static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr,
              D8ComparePage *self)
{
  const D8ChartModel *model = d8_compare_page_get_model (self);
  D8ChartStyle style = d8_chart_style_print ();

  if (model != NULL)
    d8_chart_draw (model, &style, gtk_print_context_get_cairo_context (context),
                   gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

GtkPrintOperationResult
d8_compare_page_print (D8ComparePage *self, GtkPrintOperationAction action,
                       const char *export_path, GError **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (D8_IS_COMPARE_PAGE (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (d8_compare_page_get_model (self) != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  setup = d8_print_load_page_setup (self->settings);
  title = d8_chart_model_title (d8_compare_page_get_model (self));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  return gtk_print_operation_run (operation, action, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  error);
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr (GError) error = NULL;

  if (d8_compare_page_get_model (D8_COMPARE_PAGE (widget)) == NULL)
    return;
  if (d8_compare_page_print (D8_COMPARE_PAGE (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                             NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    d8_ui_add_toast (widget, adw_toast_new (error->message));
}

/* ------------------------------------------------------------ object */

static void
d8_compare_page_dispose (GObject *object)
{
  D8ComparePage *self = D8_COMPARE_PAGE (object);

  /* the table's factories point at the page: let them go first */
  if (self->table != NULL)
    clear_table (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), D8_TYPE_COMPARE_PAGE);
  g_clear_pointer (&self->compare, d8_plan_compare_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (d8_compare_page_parent_class)->dispose (object);
}

static void
d8_compare_page_finalize (GObject *object)
{
  D8ComparePage *self = D8_COMPARE_PAGE (object);

  g_ptr_array_unref (self->plan_checks);
  g_ptr_array_unref (self->plan_codes);
  g_array_unref (self->plan_ids);
  g_free (self->indicator_code);
  g_free (self->as_of);
  G_OBJECT_CLASS (d8_compare_page_parent_class)->finalize (object);
}

static void
d8_compare_page_class_init (D8ComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_compare_page_dispose;
  object_class->finalize = d8_compare_page_finalize;
  g_type_ensure (D8_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/hoilhpn/Duan8/ui/d8-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, D8ComparePage, box);
  gtk_widget_class_bind_template_child (widget_class, D8ComparePage, indicator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, D8ComparePage, note_label);
  gtk_widget_class_bind_template_child (widget_class, D8ComparePage, plans_box);
  gtk_widget_class_bind_template_child (widget_class, D8ComparePage, plans_button);
  gtk_widget_class_bind_template_child (widget_class, D8ComparePage, rows_dropdown);
  gtk_widget_class_bind_template_child (widget_class, D8ComparePage, table);
  gtk_widget_class_bind_template_child (widget_class, D8ComparePage, view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "compare.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "compare.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "compare.match", NULL, match_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "compare.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "compare.export",
                                       NULL);
}

static void
d8_compare_page_init (D8ComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->plan_checks = g_ptr_array_new ();
  self->plan_codes = g_ptr_array_new_with_free_func (g_free);
  self->plan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.print", FALSE);
  g_signal_connect_swapped (self->indicator_dropdown, "notify::selected",
                            G_CALLBACK (indicator_changed_cb), self);
  g_signal_connect_swapped (self->rows_dropdown, "notify::selected", G_CALLBACK (recompute), self);
}

GtkWidget *
d8_compare_page_new (D8Store *store, GSettings *settings)
{
  D8ComparePage *self;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  self = g_object_new (D8_TYPE_COMPARE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->settings = settings ? g_object_ref (settings) : NULL;
  if (settings != NULL)
    {
      g_autofree char *rows = g_settings_get_string (settings, "compare-rows");
      g_autofree char *code = g_settings_get_string (settings, "compare-indicator");
      D8CompareBy by = D8_COMPARE_BY_PROVINCE;

      if (*code != '\0')
        self->indicator_code = g_steal_pointer (&code);
      self->updating = TRUE;
      if (d8_compare_by_from_string (rows, &by))
        d8_compare_page_set_rows (self, by);
      self->updating = FALSE;
    }
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  store_changed_cb (self);
  return GTK_WIDGET (self);
}

/* ------------------------------------------------------------ window */

GtkWidget *
d8_compare_window_new (GtkWindow *parent, D8Store *store, GSettings *settings)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = d8_compare_page_new (store, settings);

  /* Translators: the title of the window comparing plans */
  gtk_window_set_title (GTK_WINDOW (window), _("Compare Plans"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 920);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));
    }
  gtk_widget_set_vexpand (page, TRUE);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), overlay);
  adw_window_set_content (ADW_WINDOW (window), content);
  return window;
}

D8ComparePage *
d8_compare_window_get_page (GtkWidget *window)
{
  GtkWidget *content = adw_window_get_content (ADW_WINDOW (window));
  GtkWidget *overlay = gtk_widget_get_last_child (content);

  return D8_COMPARE_PAGE (adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay)));
}
