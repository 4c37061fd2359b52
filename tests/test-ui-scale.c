/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-scale.c — the window on plans of 135 communes (17 former
 * districts) and 3,300 (34 provinces), made by bench/gen-plan.py: the
 * province matrix and the sidebar are recycling views grouped by parent,
 * groups open and stay open across a recompute, search lists units flat,
 * only the visible rows have widgets, and the printed pack is grouped with
 * a choice of unit pages. Screenshots go to build/screenshots (scale-*.png).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "d8-chart-pack.h"
#include "d8-chart-view.h"
#include "d8-charts-page.h"
#include "d8-i18n.h"
#include "d8-print.h"
#include "d8-province-page.h"
#include "d8-rollup.h"
#include "d8-sidebar.h"
#include "d8-test-ui.h"
#include "d8-test-util.h"
#include "d8-window.h"

typedef struct
{
  char *dir;
  D8Store *store;
  gint64 plan_id;
  guint n;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;

  f->n = GPOINTER_TO_UINT (data);
  f->dir = d8_test_tmpdir ();
  db = g_build_filename (f->dir, "duan8.sqlite3", NULL);
  f->store = d8_test_open_generated_plan (f->dir, db, f->n, &f->plan_id);
  /* some figures, so the cells have colours */
  for (guint u = 0; u < 12; u++)
    {
      g_autoptr (GPtrArray) units = d8_store_list_units (f->store, f->plan_id, NULL);
      g_autoptr (GPtrArray) indicators = d8_store_list_indicators (f->store, f->plan_id, NULL);
      g_autoptr (D8Entry) entry = d8_entry_new ();

      entry->plan_id = f->plan_id;
      entry->unit_id = ((D8Unit *) units->pdata[u * 7 % units->len])->id;
      entry->indicator_id = ((D8Indicator *) indicators->pdata[u % 9])->id;
      entry->date = g_strdup ("2026-03-01");
      entry->amount = 1 + u % 4;
      g_assert_true (d8_store_add_entry (f->store, entry, FALSE, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  d8_test_spin ();
  g_assert_finalize_object (f->store);
  d8_test_rmtree (f->dir);
  g_free (f->dir);
}

static gpointer
template_child (gpointer widget, GType type, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static guint
count_descendants (GtkWidget *widget, GType type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child, type);
  return n;
}

/* Checks that no figure of the matrix is cut: every shown cell is as wide
 * as its text needs (figures do not wrap: the columns are widened for the
 * totals). Returns the cells seen. */
static guint
check_cells_fit (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "d8-cell")
      && gtk_widget_get_mapped (widget) && !gtk_label_get_wrap (GTK_LABEL (widget)))
    {
      int natural = 0;
      int room = gtk_widget_get_width (gtk_widget_get_parent (widget));

      /* the text with the tile's padding, in the room the column gives
       * (its cell's width; GTK gives a label its natural width even when
       * the column is narrower, and the text then runs over the next) */
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (natural > room)
        g_error ("the cell “%s” needs %d px and its column gives %d",
                 gtk_label_get_text (GTK_LABEL (widget)), natural, room);
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_cells_fit (child);
  return n;
}

static D8Window *
open_window (Fixture *f, int width, int height)
{
  D8Window *window = d8_window_new (NULL, f->store);

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  return window;
}

static void
close_window (D8Window *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  d8_test_spin ();
  g_assert_finalize_object (window);
}

static void
test_window (Fixture *f, gconstpointer data)
{
  guint n_groups = f->n > 1000 ? 34 : 17;
  D8Window *window;
  D8ProvincePage *page;
  GtkListView *list;
  GListModel *model;
  GtkWidget *matrix;
  g_autofree char *name = NULL;
  gint64 start;

  /* a large figure: the totals of indicator 1 grow past its column
   * ("123,4…/9,975"), which must widen for them */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) units = d8_store_list_units (f->store, f->plan_id, NULL);
    g_autoptr (GPtrArray) indicators = d8_store_list_indicators (f->store, f->plan_id, NULL);
    g_autoptr (D8Entry) entry = d8_entry_new ();

    entry->plan_id = f->plan_id;
    entry->unit_id = ((D8Unit *) units->pdata[0])->id;
    entry->indicator_id = ((D8Indicator *) indicators->pdata[0])->id;
    entry->date = g_strdup ("2026-03-01");
    entry->amount = 123456;
    g_assert_true (d8_store_add_entry (f->store, entry, FALSE, &error));
    g_assert_no_error (error);
  }
  start = g_get_monotonic_time ();
  window = open_window (f, 1280, 800);
  g_test_message ("%u units: window shown in %.0f ms", f->n,
                  (g_get_monotonic_time () - start) / 1000.0);
  page = D8_PROVINCE_PAGE (d8_window_get_province_page (window));
  list = template_child (window, D8_TYPE_WINDOW, "unit_list");
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  matrix = template_child (page, D8_TYPE_PROVINCE_PAGE, "matrix");

  /* The groups, closed: the whole province and one row per parent. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1 + n_groups);
  /* groups, totals, plan totals, the allocation gap */
  g_assert_cmpuint (d8_province_page_get_n_matrix_rows (page), ==, n_groups + 3);
  name = g_strdup_printf ("scale-%u-province.png", f->n);
  d8_test_save_screenshot (GTK_WIDGET (window), name);
  /* the totals row at the end, its sums the widest figures */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (matrix)), 1e6);
  d8_test_spin ();
  d8_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpuint (check_cells_fit (matrix), >, 20);

  /* Every group open: all units are rows, but the widgets are bounded:
   * GTK 4.8's list views keep at most about 200 rows around what is
   * visible, whatever the number of units (the grid made 12 per unit). */
  gtk_toggle_button_set_active (template_child (page, D8_TYPE_PROVINCE_PAGE, "expand_button"),
                                TRUE);
  d8_test_spin ();
  d8_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpuint (d8_province_page_get_n_matrix_rows (page), ==, n_groups + 3 + f->n);
  g_assert_cmpuint (count_descendants (matrix, GTK_TYPE_BUTTON), <=, 210);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("scale-%u-province-open.png", f->n);
  d8_test_save_screenshot (GTK_WIDGET (window), name);

  /* A unit deep in the list: its group opens in the sidebar, and the
   * matrix keeps its rows open when the figures are computed again. */
  {
    D8Overview *ov = d8_window_get_overview (window);
    const D8Unit *last = ov->units->pdata[ov->units->len - 1];

    g_assert_true (d8_window_show_unit (window, last->code));
    d8_test_spin ();
    g_assert_cmpuint (g_list_model_get_n_items (model), >, 1 + n_groups);
    d8_window_show_unit (window, NULL);
    d8_window_set_as_of (window, "2026-06-30");
    d8_test_spin ();
    g_assert_cmpuint (d8_province_page_get_n_matrix_rows (page), ==, n_groups + 3 + f->n);
  }
  /* Activating a group's row opens it in the sidebar. */
  {
    guint before = g_list_model_get_n_items (model);

    g_signal_emit_by_name (list, "activate", 1);
    d8_test_spin ();
    g_assert_cmpuint (g_list_model_get_n_items (model), >, before);
  }
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("scale-%u-sidebar.png", f->n);
  d8_test_save_screenshot (GTK_WIDGET (window), name);

  /* The charts: the matrix of the parent groups. */
  gtk_toggle_button_set_active (template_child (window, D8_TYPE_WINDOW, "charts_button"), TRUE);
  d8_test_spin ();
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("scale-%u-charts.png", f->n);
  d8_test_save_screenshot (GTK_WIDGET (window), name);
  gtk_toggle_button_set_active (template_child (window, D8_TYPE_WINDOW, "charts_button"), FALSE);
  d8_test_spin ();

  /* Searching lists matching units without their groups. */
  gtk_editable_set_text (template_child (window, D8_TYPE_WINDOW, "search_entry"), "ia");
  d8_test_spin_for (400);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr (D8SidebarItem) item = gtk_tree_list_row_get_item (row);

      g_assert_false (d8_sidebar_item_is_group (item));
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  close_window (window);
}

/* "name.png" as "name-vi-dark.png" when run so (D8_TEST_LANGUAGE, D8_TEST_DARK). */
static char *
shot_name (const char *name, guint n)
{
  const char *lang = g_getenv ("D8_TEST_LANGUAGE");

  return g_strdup_printf ("chart-%u-%s%s%s%s.png", n, name, lang && *lang ? "-" : "",
                          lang && *lang ? lang : "", g_getenv ("D8_TEST_DARK") ? "-dark" : "");
}

static void
press_key (GtkWidget *widget, guint keyval)
{
  GtkEventController *key = NULL;
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && key == NULL; i++)
    {
      g_autoptr (GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        key = GTK_EVENT_CONTROLLER (c);
    }
  g_assert_nonnull (key);
  g_signal_emit_by_name (key, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  g_assert_true (handled);
  d8_test_spin ();
}

/* Checks that a cairo node starts and ends on a whole pixel row; counts
 * them in @n (guint). */
static void
check_cairo_node (GskRenderNode *node, gpointer n)
{
  graphene_rect_t bounds;

  if (gsk_render_node_get_node_type (node) != GSK_CAIRO_NODE)
    return;
  gsk_render_node_get_bounds (node, &bounds);
  if (bounds.origin.y != floorf (bounds.origin.y) || bounds.size.height != floorf (bounds.size.height))
    g_error ("a band of the chart at y %g, %g high: not on whole pixels", bounds.origin.y,
             bounds.size.height);
  (*(guint *) n)++;
}

/* The chart view draws its header, rows and footer as cairo nodes on
 * whole pixels: one at a fractional y is drawn as a texture between pixel
 * rows, which can blur or cut the line of text at its edge. */
static void
check_whole_pixel_bands (GtkWidget *view)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  guint n = 0;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (view),
                          gtk_widget_get_height (view));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  d8_test_foreach_node (node, check_cairo_node, &n);
  g_assert_cmpuint (n, >=, 3);
}

/* The charts at scale: the matrix of the parent groups; a group opened
 * with the keyboard alone shows its units, scrolling under fixed headings
 * when they do not fit; Escape goes back to the groups. */
static void
test_charts (Fixture *f, gconstpointer data)
{
  D8Window *window = open_window (f, 1280, 800);
  GtkStack *stack = template_child (window, D8_TYPE_WINDOW, "stack");
  D8ChartsPage *page;
  D8ChartView *view;
  const D8ChartModel *model;
  GtkAdjustment *adj;
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  guint n_groups = f->n > 1000 ? 34 : 17, n_units;
  int group_row = 2;

  /* on, whatever the last window left (the choice is remembered) */
  gtk_toggle_button_set_active (template_child (window, D8_TYPE_WINDOW, "charts_button"), TRUE);
  d8_test_spin ();
  page = D8_CHARTS_PAGE (gtk_stack_get_child_by_name (stack, "charts"));
  d8_charts_page_set_kind (page, "matrix");
  view = D8_CHART_VIEW (d8_charts_page_get_view (page));
  /* the figures may still be being computed */
  for (int i = 0; i < 500 && d8_chart_view_get_model (view) == NULL; i++)
    d8_test_spin_for (10);
  model = d8_chart_view_get_model (view);
  g_assert_nonnull (model);
  g_assert_cmpint (model->kind, ==, D8_CHART_MATRIX);
  g_assert_cmpuint (model->rows->len, ==, n_groups);
  name = shot_name ("groups", f->n);
  d8_test_save_screenshot (GTK_WIDGET (window), name);

  /* The keyboard reaches the view and chooses a group; the description
   * says how to open it and which is chosen. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (view)));
  press_key (GTK_WIDGET (view), GDK_KEY_Down);
  press_key (GTK_WIDGET (view), GDK_KEY_Down);
  press_key (GTK_WIDGET (view), GDK_KEY_Down);
  g_assert_cmpint (d8_chart_view_get_focus_row (view), ==, group_row);
  {
    const D8ChartLabel *row = &g_array_index (model->rows, D8ChartLabel, group_row);
    g_autofree char *words = d8_chart_model_describe (model);
    g_autofree char *detail = g_strdup_printf ("%s (%s)", row->name, row->detail);
    const char *units_word = strstr (row->detail, " ");

    g_assert_nonnull (units_word);
    n_units = (guint) g_ascii_strtoull (row->detail, NULL, 10);
    g_assert_cmpuint (n_units, >, 0);
    description = g_strdup_printf ("%s\n%s\n", words, _("Choose a group with the arrow keys and press Enter to see its units."));
    /* the full description, the hint, then the chosen group */
    {
      g_autofree char *expected = g_strdup_printf (_("Chosen: %s (%s)"), row->name, row->detail);
      g_autofree char *whole = g_strconcat (description, expected, NULL);
      g_autofree char *mismatch = gtk_test_accessible_check_property (
          GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, whole);

      if (mismatch != NULL)
        g_error ("the chart's accessible description: %s", mismatch);
    }
    g_clear_pointer (&name, g_free);
    name = shot_name ("groups-chosen", f->n);
    d8_test_save_screenshot (GTK_WIDGET (window), name);

    /* Enter opens the group: its units, with its subtotal. */
    press_key (GTK_WIDGET (view), GDK_KEY_Return);
    model = d8_chart_view_get_model (view);
    g_assert_cmpuint (model->rows->len, ==, n_units);
    g_assert_cmpstr (model->target_label, ==, _("Subtotal"));
    g_assert_true (gtk_widget_is_focus (GTK_WIDGET (view)));
    g_assert_cmpint (d8_chart_view_get_focus_row (view), ==, 0);
  }
  g_clear_pointer (&name, g_free);
  name = shot_name ("group", f->n);
  d8_test_save_screenshot (GTK_WIDGET (window), name);

  /* Many units scroll: End goes to the last, the view scrolled to it. */
  adj = d8_chart_view_get_vadjustment (view);
  press_key (GTK_WIDGET (view), GDK_KEY_End);
  g_assert_cmpint (d8_chart_view_get_focus_row (view), ==, (int) n_units - 1);
  if (gtk_adjustment_get_upper (adj) > gtk_adjustment_get_page_size (adj) + 0.5)
    {
      g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);
      g_clear_pointer (&name, g_free);
      name = shot_name ("group-scrolled", f->n);
      d8_test_save_screenshot (GTK_WIDGET (window), name);
      /* scrolled by a fraction of a pixel (a touchpad does), the bands
       * stay on whole pixels */
      gtk_adjustment_set_value (adj, 37.3);
      d8_test_wait_for_frame (GTK_WIDGET (window));
      check_whole_pixel_bands (GTK_WIDGET (view));
    }
  else
    g_test_message ("%u units fit without scrolling", n_units);

  /* Escape: back to the groups, the same group chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "charts.back", NULL));
  d8_test_spin ();
  model = d8_chart_view_get_model (view);
  g_assert_cmpuint (model->rows->len, ==, n_groups);
  g_assert_cmpint (d8_chart_view_get_focus_row (view), ==, group_row);

  /* The indicator chart of the groups opens the same way. */
  d8_charts_page_set_kind (page, "indicator");
  d8_test_spin ();
  model = d8_chart_view_get_model (view);
  g_assert_cmpint (model->kind, ==, D8_CHART_INDICATOR);
  g_assert_cmpuint (model->rows->len, ==, n_groups);
  d8_chart_view_activate_row (view, 0);
  d8_test_spin ();
  g_assert_cmpuint (d8_chart_view_get_model (view)->rows->len, <, f->n);
  g_clear_pointer (&name, g_free);
  name = shot_name ("indicator-group", f->n);
  d8_test_save_screenshot (GTK_WIDGET (window), name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "charts.back", NULL));
  d8_charts_page_set_kind (page, "matrix");
  d8_test_spin ();
  close_window (window);
}

static void
test_pack (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Overview) ov = d8_store_compute_overview (f->store, f->plan_id, "2026-06-30",
                                                         &error);
  g_autofree char *pdf = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autoptr (D8ChartPack) pack = NULL;
  g_autoptr (GArray) behind = NULL;
  D8Rollup *rollup = d8_store_compute_rollup (f->store, ov, &error);
  guint n_matrix;

  g_assert_no_error (error);
  behind = d8_chart_pack_select_units (ov, rollup, "behind", &error);
  g_assert_no_error (error);
  pack = d8_chart_pack_new_full (ov, rollup, NULL, NULL);
  n_matrix = d8_chart_pack_get_n_pages (pack) - 1;
  /* no unit pages by default beyond 30 units; the groups, then each group */
  g_assert_cmpuint (n_matrix, >=, 1 + (f->n > 1000 ? 34 : 17));
  if (f->n < 1000)
    g_assert_cmpuint (d8_chart_pack_get_n_pages (pack), <=, 20);

  /* Printing through GtkPrintOperation, the units behind chosen. */
  g_assert_cmpint (d8_print_pack_full (NULL, NULL, ov, d8_store_compute_rollup (f->store, ov, NULL),
                                       NULL, "behind", GTK_PRINT_OPERATION_ACTION_EXPORT, pdf,
                                       &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  {
    g_autofree char *info = d8_test_run ("pdfinfo", pdf, NULL);
    const char *line = strstr (info, "Pages:");
    guint pages = 0;

    g_assert_nonnull (line);
    g_assert_cmpint (sscanf (line, "Pages: %u", &pages), ==, 1);
    g_assert_cmpuint (pages, ==, 1 + n_matrix + behind->len);
  }
}

int
main (int argc, char **argv)
{
  d8_i18n_init (g_getenv ("D8_TEST_LANGUAGE"));
  d8_test_ui_init (&argc, &argv);
  if (g_getenv ("D8_TEST_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  g_test_add ("/ui-scale/window/135", Fixture, GUINT_TO_POINTER (135), fixture_setup,
              test_window, fixture_teardown);
  g_test_add ("/ui-scale/pack/135", Fixture, GUINT_TO_POINTER (135), fixture_setup, test_pack,
              fixture_teardown);
  g_test_add ("/ui-scale/window/3300", Fixture, GUINT_TO_POINTER (3300), fixture_setup,
              test_window, fixture_teardown);
  g_test_add ("/ui-scale/charts/135", Fixture, GUINT_TO_POINTER (135), fixture_setup,
              test_charts, fixture_teardown);
  g_test_add ("/ui-scale/charts/3300", Fixture, GUINT_TO_POINTER (3300), fixture_setup,
              test_charts, fixture_teardown);
  return g_test_run ();
}
