/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-startup.c — the window as it starts (issue 13 item 6 and the
 * start-up work), in Vietnamese: the first-run office question is a bar
 * in a window that shows and works at once, asked once per database; the
 * pages not shown are not built before the first frame. Screenshots go to
 * build/screenshots (startup-*.png).
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "d8-i18n.h"
#include "d8-entry-dialog.h"
#include "d8-exchange-window.h"
#include "d8-office-chooser.h"
#include "d8-plan-import-dialog.h"
#include "d8-plan-mapping.h"
#include "d8-preferences-window.h"
#include "d8-reports-page.h"
#include "d8-office-prompt.h"
#include "d8-plan-chooser.h"
#include "d8-province-page.h"
#include "d8-sql.h"
#include "d8-store-private.h"
#include "d8-store.h"
#include "d8-test-ui.h"
#include "d8-test-util.h"
#include "d8-charts-page.h"
#include "d8-ui-util.h"
#include "d8-unit-page.h"
#include "d8-window.h"

typedef struct
{
  char *dir;
  D8Store *store;
} Fixture;

static D8Store *
open_store (const char *dir,
            const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  D8Store *store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = d8_test_tmpdir ();
  f->store = open_store (f->dir, "duan8.sqlite3");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  d8_test_spin ();
  g_assert_finalize_object (f->store);
  d8_test_rmtree (f->dir);
  g_free (f->dir);
}

static D8Window *
new_window (D8Store *store)
{
  D8Window *window = d8_window_new (NULL, store);

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  return window;
}

static void
close_window (D8Window *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  d8_test_spin ();
  g_assert_finalize_object (window);
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type, const char *action)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && (action == NULL
          || (GTK_IS_ACTIONABLE (widget)
              && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first child button of @widget with no action: the prompt's "Later". */
static GtkWidget *
find_plain_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && gtk_actionable_get_action_name (GTK_ACTIONABLE (child)) == NULL)
      return child;
  return NULL;
}

/* A new database: the window shows its content in its first frame, with
 * the question as a bar above it and no dialog in front. Choosing the
 * office the database already has answers it too; the same database never
 * asks again, another one does. */
static void
test_office_prompt (Fixture *f, gconstpointer data)
{
  D8Window *window;
  GtkWidget *prompt, *province, *choose, *later, *chooser;
  g_autofree char *mismatch = NULL;
  g_autoptr (D8Store) other = NULL;

  g_assert_false (d8_store_get_office_asked (f->store));
  window = new_window (f->store);
  prompt = d8_window_ask_office (window);
  g_assert_nonnull (prompt);
  g_assert_true (D8_IS_OFFICE_PROMPT (prompt));
  gtk_window_present (GTK_WINDOW (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));

  /* Content and question in the same window, nothing modal. */
  province = d8_window_get_province_page (window);
  g_assert_true (gtk_widget_get_mapped (province));
  g_assert_true (gtk_widget_get_mapped (prompt));
  g_assert_true (gtk_widget_is_ancestor (prompt, GTK_WIDGET (window)));
  g_assert_null (d8_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (window)));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (prompt),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 _("Which office is this?"));
  g_assert_null (mismatch);
  d8_test_save_screenshot (GTK_WIDGET (window), "startup-office-prompt.png");

  /* Asking again gives the same bar, not a second one. */
  g_assert_true (d8_window_ask_office (window) == prompt);

  /* "Choose Office…" is the window's chooser; choosing the province (what
   * a new database already is) changes nothing but answers the question. */
  choose = find_descendant (prompt, GTK_TYPE_BUTTON, "win.choose-office");
  g_assert_nonnull (choose);
  g_signal_emit_by_name (choose, "clicked");
  d8_test_spin ();
  chooser = d8_test_find_toplevel (D8_TYPE_OFFICE_CHOOSER);
  g_assert_nonnull (chooser);
  d8_test_save_screenshot (chooser, "startup-office-chooser.png");
  /* Cancel keeps the question. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (chooser), "cancel");
  gtk_window_destroy (GTK_WINDOW (chooser));
  d8_test_spin ();
  g_assert_true (gtk_widget_get_visible (prompt));
  g_assert_false (d8_store_get_office_asked (f->store));

  g_signal_emit_by_name (choose, "clicked");
  d8_test_spin ();
  chooser = d8_test_find_toplevel (D8_TYPE_OFFICE_CHOOSER);
  g_assert_nonnull (chooser);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (chooser), "choose");
  gtk_window_destroy (GTK_WINDOW (chooser));
  d8_test_spin ();
  g_assert_cmpstr (d8_store_get_office (f->store), ==, "province");
  g_assert_true (d8_store_get_office_asked (f->store));
  g_assert_false (gtk_widget_get_visible (prompt));
  close_window (window);

  /* The same database never asks twice … */
  window = new_window (f->store);
  g_assert_null (d8_window_ask_office (window));
  close_window (window);

  /* … another database asks; "Later" answers it, for that database only. */
  other = open_store (f->dir, "other.sqlite3");
  g_assert_false (d8_store_get_office_asked (other));
  window = new_window (other);
  prompt = d8_window_ask_office (window);
  g_assert_nonnull (prompt);
  gtk_window_present (GTK_WINDOW (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  later = find_plain_button (prompt);
  g_assert_nonnull (later);
  g_signal_emit_by_name (later, "clicked");
  d8_test_spin ();
  g_assert_false (gtk_widget_get_visible (prompt));
  g_assert_true (d8_store_get_office_asked (other));
  g_assert_cmpstr (d8_store_get_office (other), ==, "province");
  close_window (window);
  window = new_window (other);
  g_assert_null (d8_window_ask_office (window));
  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* How many cells under @widget carry the views' own lazy tooltip
 * (d8_ui_set_tooltip_text); none may carry GTK's, which asks the X server
 * where the pointer is. */
static guint
count_lazy_tooltips (GtkWidget *widget)
{
  guint n = 0;

  if (gtk_widget_has_css_class (widget, "d8-cell") && d8_ui_get_tooltip_text (widget) != NULL)
    {
      g_assert_null (gtk_widget_get_tooltip_text (widget));
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_lazy_tooltips (child);
  return n;
}

/* The header's buttons and the province page's own tooltips are set as
 * the matrix's cells' are (d8_ui_set_tooltip_text()), not as GTK's
 * tooltip-text, which asks the X server where the pointer is, three round
 * trips each, before the first frame. @names: template children of
 * @widget's @type, NULL-terminated. */
static void
check_own_tooltips_lazy (GtkWidget *widget, GType type, const char *const *names)
{
  for (; *names != NULL; names++)
    {
      GtkWidget *w = GTK_WIDGET (gtk_widget_get_template_child (widget, type, *names));

      g_assert_nonnull (w);
      if (gtk_widget_get_tooltip_text (w) != NULL || d8_ui_get_tooltip_text (w) == NULL)
        g_error ("%s: tooltip “%s”", *names, gtk_widget_get_tooltip_text (w));
    }
}

/* Checks that the matrix's figures ("0/4", "–", "75 % / 80 %") do not
 * wrap and its words do, between words only: a wrapping label is laid
 * out (and shaped) again at every width it is measured for, and one that
 * may break inside a word a letter at a time. Returns the figures seen. */
static guint
check_cell_wrapping (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "d8-cell"))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      gboolean words = FALSE;

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        words = words || g_unichar_isalpha (g_utf8_get_char (p));
      if (gtk_label_get_wrap (GTK_LABEL (widget)) != words)
        g_error ("the cell “%s” %s", text, words ? "does not wrap" : "wraps");
      n += words ? 0 : 1;
    }
  else if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)))
    g_assert_cmpint (gtk_label_get_wrap_mode (GTK_LABEL (widget)), ==, PANGO_WRAP_WORD);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_cell_wrapping (child);
  return n;
}

/* d8_test_foreach_node(): counts @node in @counts (guint, indexed by
 * GskRenderNodeType). */
static void
count_node (GskRenderNode *node, gpointer counts)
{
  ((guint *) counts)[gsk_render_node_get_node_type (node)]++;
}

/* The matrix as the renderer gets it draws what it draws together:
 * colours and text, no borders, shadows, rounded clips or opacities, each
 * of which is drawn apart (and a border by a program of its own). See
 * HACKING.md, "the first frame". */
static void
check_matrix_nodes (GtkWidget *scroller)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (scroller);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  guint counts[GSK_GL_SHADER_NODE + 1] = { 0 };

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (scroller),
                          gtk_widget_get_height (scroller));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  d8_test_foreach_node (node, count_node, counts);
  g_assert_cmpuint (counts[GSK_TEXT_NODE], >, 50);
  g_assert_cmpuint (counts[GSK_COLOR_NODE], >, 50);
  g_assert_cmpuint (counts[GSK_BORDER_NODE], ==, 0);
  g_assert_cmpuint (counts[GSK_INSET_SHADOW_NODE], ==, 0);
  g_assert_cmpuint (counts[GSK_OUTSET_SHADOW_NODE], ==, 0);
  g_assert_cmpuint (counts[GSK_ROUNDED_CLIP_NODE], ==, 0);
  g_assert_cmpuint (counts[GSK_OPACITY_NODE], ==, 0);
}

/* The first frame builds only what it shows: the window opened on the
 * province has no unit page, no charts page, no Reports view and no error
 * page until they are first shown; the tooltips of the matrix's cells are there without
 * GTK's own tooltip text (which asks the X server where the pointer is). */
static void
test_first_frame_builds_what_it_shows (Fixture *f, gconstpointer data)
{
  D8Window *window = new_window (f->store);
  GtkWidget *page = d8_window_get_province_page (window);
  GtkWidget *stack = gtk_widget_get_ancestor (page, GTK_TYPE_STACK);

  gtk_window_present (GTK_WINDOW (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_nonnull (stack);
  g_assert_null (find_descendant (GTK_WIDGET (window), D8_TYPE_UNIT_PAGE, NULL));
  g_assert_null (find_descendant (GTK_WIDGET (window), D8_TYPE_CHARTS_PAGE, NULL));
  g_assert_null (gtk_stack_get_child_by_name (GTK_STACK (stack), "unit"));
  g_assert_null (gtk_stack_get_child_by_name (GTK_STACK (stack), "charts"));
  g_assert_null (gtk_stack_get_child_by_name (GTK_STACK (stack), "reports"));
  g_assert_null (find_descendant (GTK_WIDGET (window), D8_TYPE_REPORTS_PAGE, NULL));
  g_assert_null (gtk_stack_get_child_by_name (GTK_STACK (stack), "error"));
  g_assert_false (gtk_stack_get_hhomogeneous (GTK_STACK (stack)));
  g_assert_false (gtk_stack_get_vhomogeneous (GTK_STACK (stack)));
  /* the primary menu's popover is made when it is first opened */
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (
    gtk_widget_get_template_child (GTK_WIDGET (window), D8_TYPE_WINDOW, "menu_button"))));

  /* a cell of the matrix: its tooltip is the views' own */
  g_assert_cmpuint (count_lazy_tooltips (find_descendant (page, GTK_TYPE_COLUMN_VIEW, NULL)), >, 20);
  check_own_tooltips_lazy (GTK_WIDGET (window), D8_TYPE_WINDOW,
                           (const char *const[]){ "search_button", "menu_button", "office_button",
                                                  "back_button", "new_entry_button",
                                                  "reports_button", "charts_button", NULL });
  check_own_tooltips_lazy (page, D8_TYPE_PROVINCE_PAGE,
                           (const char *const[]){ "as_of_button", "expand_button",
                                                  "matrix_heading", NULL });
  g_assert_cmpuint (check_cell_wrapping (find_descendant (page, GTK_TYPE_COLUMN_VIEW, NULL)), >, 100);
  check_matrix_nodes (gtk_widget_get_ancestor (find_descendant (page, GTK_TYPE_COLUMN_VIEW, NULL),
                                               GTK_TYPE_SCROLLED_WINDOW));
  /* a unit's button fills the unit column (260 px wide), not only its
   * name: the whole width opens the unit's page */
  {
    GtkWidget *button = find_descendant (page, GTK_TYPE_BUTTON, "win.show-unit");

    g_assert_nonnull (button);
    g_assert_cmpint (gtk_widget_get_width (button), >, 180);
  }

  /* shown when asked for */
  g_assert_true (d8_window_show_unit (window, "gia-lai/chu-puh"));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_nonnull (gtk_stack_get_child_by_name (GTK_STACK (stack), "unit"));
  g_assert_true (gtk_widget_get_mapped (d8_window_get_unit_page (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-charts", NULL);
  d8_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_nonnull (gtk_stack_get_child_by_name (GTK_STACK (stack), "charts"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "charts");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-reports", NULL);
  d8_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "reports");
  g_assert_true (gtk_widget_get_mapped (d8_window_get_reports_page (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-reports", NULL);
  /* the choices are remembered: the next windows of this run open on the
   * province's tables */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-charts", NULL);
  g_assert_true (d8_window_show_unit (window, NULL));
  d8_test_spin ();
  close_window (window);
}

/* The plan chooser reads the plans once, and again only when they change:
 * not after each entry (which emits "changed" too), not for a write to the
 * plans that was rolled back; a plan imported is listed at once. */
static void
test_plan_chooser_reads (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *script = d8_test_source_path ("bench", "gen-plan.py", NULL);
  g_autofree char *plan_path = g_build_filename (f->dir, "plan-135.json", NULL);
  g_autofree char *text = NULL;
  gsize length = 0;
  D8Window *window = new_window (f->store);
  D8PlanChooser *chooser = D8_PLAN_CHOOSER (d8_window_get_plan_chooser (window));
  guint64 generation = d8_store_get_plans_generation (f->store);
  guint reads;
  gint64 plan_id;

  gtk_window_present (GTK_WINDOW (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  reads = d8_plan_chooser_get_n_reads (chooser);
  g_assert_cmpuint (reads, >=, 1);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *uuid = d8_test_record (f->store, "Chư Pưh", "1", "2023-05-04", 1, NULL);
      d8_test_spin ();
    }
  g_assert_cmpuint (d8_store_get_plans_generation (f->store), ==, generation);
  g_assert_cmpuint (d8_plan_chooser_get_n_reads (chooser), ==, reads);

  /* A write to the plans that is rolled back is no change. */
  g_assert_true (d8_store_begin (f->store, &error));
  g_assert_true (d8_sql_exec (d8_store_get_db (f->store),
                              "UPDATE plans SET title = title || ' (draft)';", &error));
  d8_store_rollback (f->store);
  g_assert_no_error (error);
  d8_store_emit_changed (f->store);
  g_assert_cmpuint (d8_store_get_plans_generation (f->store), ==, generation);
  g_assert_cmpuint (d8_plan_chooser_get_n_reads (chooser), ==, reads);

  /* A plan imported: read once more, and listed. */
  {
    const char *argv[] = { "python3", script, "135", plan_path, NULL };
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (g_file_get_contents (plan_path, &text, &length, &error));
  plan_id = d8_store_import_plan (f->store, text, (gssize) length, plan_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan_id, >, 0);
  d8_test_spin ();
  g_assert_cmpuint (d8_store_get_plans_generation (f->store), !=, generation);
  g_assert_cmpuint (d8_plan_chooser_get_n_reads (chooser), ==, reads + 1);
  {
    GtkDropDown *dropdown = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (chooser),
                                                            GTK_TYPE_DROP_DOWN, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 2);
  }
  close_window (window);
}

/* Every mapped label of the matrix's unit column (under a tree expander),
 * and the allocation gap's cells, show their whole text: not ellipsized, and its wrapped layout fits the
 * space it was given. Returns how many were checked. */
static guint
check_unit_column (GtkWidget *widget, gboolean in_unit_column)
{
  guint n = 0;

  in_unit_column = in_unit_column || GTK_IS_TREE_EXPANDER (widget);
  if ((in_unit_column || gtk_widget_has_css_class (widget, "d8-allocation-gap"))
      && GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
      int width = 0, height = 0;

      pango_layout_get_pixel_size (layout, &width, &height);
      if (pango_layout_is_ellipsized (layout) || width > gtk_widget_get_width (widget) + 1
          || height > gtk_widget_get_height (widget) + 1)
        g_error ("“%s” is cut: %d×%d of text in %d×%d", gtk_label_get_text (GTK_LABEL (widget)),
                 width, height, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_unit_column (child, in_unit_column);
  return n;
}

/* Long labels of the unit column (the plan's totals row, parent groups)
 * wrap instead of being cut, at 15 units and at 135 in groups. */
static void
test_matrix_labels (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  D8Window *window = new_window (f->store);
  GtkWidget *page = d8_window_get_province_page (window);
  GtkWidget *view = find_descendant (page, GTK_TYPE_COLUMN_VIEW, NULL);
  GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 980);
  gtk_window_present (GTK_WINDOW (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  /* the totals rows are the last ones */
  if (scrolled != NULL)
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    }
  {
    GtkWidget *outer = gtk_widget_get_ancestor (page, GTK_TYPE_SCROLLED_WINDOW);
    if (outer != NULL)
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));
        gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      }
  }
  d8_test_wait_for_frame (GTK_WIDGET (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  d8_test_save_screenshot (GTK_WIDGET (window), "startup-matrix-labels-15.png");
  g_assert_cmpuint (check_unit_column (view, FALSE), >=, 3);
  close_window (window);
}

/* The "Switch" button of the toast offering @plan_id, or NULL. */
static GtkWidget *
find_switch_button (GtkWidget *widget, gint64 plan_id)
{
  GVariant *target;

  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.switch-plan") == 0
      && (target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget))) != NULL
      && g_variant_get_int64 (target) == plan_id)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switch_button (child, plan_id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A plan file made by bench/gen-plan.py for @n units, read into memory. */
static char *
generate_plan (Fixture *f, guint n, gsize *length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *script = d8_test_source_path ("bench", "gen-plan.py", NULL);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *name = g_strdup_printf ("plan-%u.json", n);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  const char *argv[] = { "python3", script, count, path, NULL };
  char *text = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (path, &text, length, &error));
  return text;
}

/* A plan that arrives (as a bundle's merge writes it, or through another
 * connection, as a large bundle is applied on a worker thread) is offered
 * with a toast and its "Switch" button; the window stays on its plan until
 * the button is pressed. */
static void
test_received_plan (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  D8Window *window = new_window (f->store);
  gint64 old_plan = 0, new_plan = 0, other_plan = 0;
  gsize length = 0;
  g_autofree char *text = NULL;
  GtkWidget *button;

  gtk_window_present (GTK_WINDOW (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  old_plan = d8_window_get_plan_id (window);
  g_assert_null (find_descendant (GTK_WIDGET (window), GTK_TYPE_BUTTON, "win.switch-plan"));

  /* An entry is no plan: nothing offered. */
  {
    g_autofree char *uuid = d8_test_record (f->store, "Chư Pưh", "1", "2023-05-04", 1, NULL);
  }
  d8_test_spin_for (50);
  g_assert_null (find_descendant (GTK_WIDGET (window), GTK_TYPE_BUTTON, "win.switch-plan"));

  text = generate_plan (f, 135, &length);
  new_plan = d8_store_import_plan (f->store, text, (gssize) length, "plan-135.json", &error);
  g_assert_no_error (error);
  d8_test_spin_for (100);
  d8_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpint (d8_window_get_plan_id (window), ==, old_plan);
  button = find_switch_button (GTK_WIDGET (window), new_plan);
  g_assert_nonnull (button);
  d8_test_save_screenshot (GTK_WIDGET (window), "startup-received-plan.png");
  g_signal_emit_by_name (button, "clicked");
  d8_test_spin_for (100);
  g_assert_cmpint (d8_window_get_plan_id (window), ==, new_plan);
  /* At 135 units in groups the province page still fits beside the
   * sidebar of a 1280 px window: the legend wraps (in one line beside the
   * button that opens every group it made the page 900-1,100 px wide, and the
   * window folded to the sidebar alone). */
  d8_test_wait_for_frame (GTK_WIDGET (window));
  {
    int min_width = 0;

    gtk_widget_measure (d8_window_get_province_page (window), GTK_ORIENTATION_HORIZONTAL, -1,
                        &min_width, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <=, 760);
  }

  /* Through another connection to the same file. */
  {
    g_autoptr (D8Store) other = d8_store_open (d8_store_get_path (f->store),
                                               D8_STORE_OPEN_DEFAULT, &error);
    g_autofree char *text40 = NULL;

    g_assert_no_error (error);
    text40 = generate_plan (f, 40, &length);
    other_plan = d8_store_import_plan (other, text40, (gssize) length, "plan-40.json", &error);
    g_assert_no_error (error);
    g_assert_cmpint (other_plan, >, new_plan);
  }
  d8_store_emit_changed (f->store);
  d8_test_spin_for (100);
  d8_test_wait_for_frame (GTK_WIDGET (window));
  button = find_switch_button (GTK_WIDGET (window), other_plan);
  g_assert_nonnull (button);
  g_assert_cmpint (d8_window_get_plan_id (window), ==, new_plan);
  close_window (window);
}

/* The Mapping tab of the plan import preview: a column set aside is not
 * read, a column mapped to another plan indicator takes it (and two
 * columns on one indicator are refused with a message), a row made a new
 * unit of a chosen level becomes one, and a row mapped to a unit of the
 * database is that unit. Nothing is written until Import. */
static void
test_plan_mapping (Fixture *f, gconstpointer data)
{
  g_autofree char *path = d8_test_source_path ("tests", "data", "plans", "appendix-2023.tsv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *before = d8_test_file_digest (d8_store_get_path (f->store));
  g_autofree char *after = NULL;
  D8Window *window = new_window (f->store);
  D8PlanImportDialog *dialog;
  D8PlanMapping *mapping;
  const D8PlanPreview *pv;
  const D8PlanPreviewUnit *puh = NULL;
  g_autofree char *first = NULL, *second = NULL;

  gtk_window_present (GTK_WINDOW (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  dialog = D8_PLAN_IMPORT_DIALOG (d8_window_open_plan (window, file));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 800);
  d8_plan_import_dialog_set_options (dialog, "2023", "mapped-2023", "99/KH-TEST", NULL, 2023);
  d8_test_spin ();
  mapping = D8_PLAN_MAPPING (d8_plan_import_dialog_get_mapping (dialog));
  pv = d8_plan_import_dialog_get_preview (dialog);
  g_assert_nonnull (pv);
  g_assert_cmpuint (pv->table_headers->len, ==, 9);
  g_assert_cmpuint (pv->columns->len, ==, 9);
  g_assert_cmpstr (pv->header_codes->pdata[0], ==, "1");
  first = g_strdup (pv->table_headers->pdata[0]);
  second = g_strdup (pv->table_headers->pdata[1]);

  /* The first column set aside. */
  d8_plan_mapping_choose_column (mapping, first, "-");
  d8_test_spin_for (50);
  pv = d8_plan_import_dialog_get_preview (dialog);
  g_assert_nonnull (pv);
  g_assert_cmpuint (pv->columns->len, ==, 8);
  g_assert_cmpstr (pv->header_codes->pdata[0], ==, "");
  g_assert_cmpstr (pv->columns->pdata[0], ==, "2");

  /* Two columns on indicator 2: refused, saying so. */
  d8_plan_mapping_choose_column (mapping, first, "2");
  d8_test_spin_for (50);
  g_assert_null (d8_plan_import_dialog_get_preview (dialog));
  g_assert_nonnull (strstr (d8_plan_import_dialog_get_error (dialog), "2"));
  d8_plan_mapping_choose_column (mapping, second, "-");
  d8_test_spin_for (50);
  pv = d8_plan_import_dialog_get_preview (dialog);
  g_assert_nonnull (pv);
  g_assert_cmpstr (pv->header_codes->pdata[0], ==, "2");
  g_assert_cmpstr (pv->header_codes->pdata[1], ==, "");

  /* Chư Pưh as a new commune, then as the unit of the database again. */
  d8_plan_mapping_choose_unit (mapping, "Chư Pưh", "+commune");
  d8_test_spin_for (50);
  pv = d8_plan_import_dialog_get_preview (dialog);
  g_assert_nonnull (pv);
  for (guint i = 0; i < pv->units->len; i++)
    if (g_strcmp0 (((D8PlanPreviewUnit *) pv->units->pdata[i])->source_label, "Chư Pưh") == 0)
      puh = pv->units->pdata[i];
  g_assert_nonnull (puh);
  g_assert_cmpint (puh->status, ==, D8_PLAN_UNIT_NEW);
  g_assert_cmpstr (puh->level, ==, "commune");
  d8_plan_import_dialog_show_page (dialog, "mapping");
  d8_test_save_screenshot (GTK_WIDGET (dialog), "startup-plan-mapping.png");

  d8_plan_mapping_choose_unit (mapping, "Chư Pưh", "gia-lai/chu-puh");
  d8_test_spin_for (50);
  pv = d8_plan_import_dialog_get_preview (dialog);
  g_assert_nonnull (pv);
  puh = NULL;
  for (guint i = 0; i < pv->units->len; i++)
    if (g_strcmp0 (((D8PlanPreviewUnit *) pv->units->pdata[i])->source_label, "Chư Pưh") == 0)
      puh = pv->units->pdata[i];
  g_assert_nonnull (puh);
  g_assert_cmpstr (puh->code, ==, "gia-lai/chu-puh");
  g_assert_cmpint (puh->status, ==, D8_PLAN_UNIT_KNOWN);

  /* Save Mapping… keeps the choices in a file; Open Mapping… in another
   * preview of the same table gives the same preview. */
  {
    g_autofree char *saved = g_build_filename (f->dir, "mapping.json", NULL);
    g_autofree char *broken = g_build_filename (f->dir, "broken.json", NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *root, *columns, *units;
    D8PlanImportDialog *again;
    D8PlanMapping *again_mapping;

    g_assert_true (d8_plan_mapping_save (mapping, saved, &error));
    g_assert_no_error (error);
    g_assert_true (json_parser_load_from_file (parser, saved, &error));
    root = json_node_get_object (json_parser_get_root (parser));
    columns = json_object_get_object_member (root, "columns");
    units = json_object_get_object_member (root, "units");
    g_assert_cmpuint (json_object_get_size (columns), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (columns, first), ==, "2");
    g_assert_cmpstr (json_object_get_string_member (columns, second), ==, "-");
    g_assert_cmpuint (json_object_get_size (units), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (units, "Chư Pưh"), ==, "gia-lai/chu-puh");

    again = D8_PLAN_IMPORT_DIALOG (d8_window_open_plan (window, file));
    d8_plan_import_dialog_set_options (again, "2023", "mapped-2023b", "98/KH-TEST", NULL, 2023);
    d8_test_spin ();
    again_mapping = D8_PLAN_MAPPING (d8_plan_import_dialog_get_mapping (again));
    g_assert_cmpstr (d8_plan_import_dialog_get_preview (again)->header_codes->pdata[1], ==, "2");
    g_assert_true (d8_plan_mapping_load (again_mapping, saved, &error));
    g_assert_no_error (error);
    d8_test_spin_for (50);
    pv = d8_plan_import_dialog_get_preview (again);
    g_assert_nonnull (pv);
    g_assert_cmpstr (pv->header_codes->pdata[0], ==, "2");
    g_assert_cmpstr (pv->header_codes->pdata[1], ==, "");

    /* a file that is not a mapping: said, naming it; the choices stay */
    g_assert_true (g_file_set_contents (broken, "{ \"rows\": {} }", -1, NULL));
    g_assert_false (d8_plan_mapping_load (again_mapping, broken, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "broken.json"));
    d8_test_spin_for (50);
    g_assert_cmpstr (d8_plan_import_dialog_get_preview (again)->header_codes->pdata[0], ==, "2");
    d8_plan_import_dialog_show_page (again, "mapping");
    gtk_window_set_default_size (GTK_WINDOW (again), 1100, 800);
    d8_test_wait_for_frame (GTK_WIDGET (again));
    d8_test_save_screenshot (GTK_WIDGET (again), "startup-plan-mapping-file.png");
    gtk_window_destroy (GTK_WINDOW (again));
    d8_test_spin ();
  }

  /* A unit the database does not have: refused, naming it. */
  d8_plan_mapping_choose_unit (mapping, "Chư Pưh", "no/such-unit");
  d8_test_spin_for (50);
  g_assert_null (d8_plan_import_dialog_get_preview (dialog));
  g_assert_nonnull (strstr (d8_plan_import_dialog_get_error (dialog), "no/such-unit"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
  after = d8_test_file_digest (d8_store_get_path (f->store));
  g_assert_cmpstr (before, ==, after);
  close_window (window);
}

/* ------------------------------------------------- accessibility pass */

static gboolean
has_text_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text_label (child))
      return TRUE;
  return FALSE;
}

/* (A column view takes the focus through its inner list, which Tab
 * reaches: see gtk_widget_child_focus below.) */
/* What a screen reader names a control by: its accessible label, a
 * labelled-by relation, or (buttons, check buttons) the text it shows. */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
      || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    return has_text_label (widget);
  /* libadwaita rows are named by their title */
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)) != NULL
           && *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)) != '\0';
  /* An entry in a row is named by the row's title (AdwEntryRow-like rows
   * of libadwaita 1.2 are AdwActionRow + entry, labelled by the row). */
  return FALSE;
}

static gboolean
is_control (GtkWidget *widget)
{
  /* The inner parts of composite widgets are named by their composite. */
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (parent != NULL
      && (GTK_IS_DROP_DOWN (parent) || GTK_IS_SPIN_BUTTON (parent) || GTK_IS_MENU_BUTTON (parent)
          || GTK_IS_SEARCH_ENTRY (parent) || GTK_IS_ENTRY (parent)
          || GTK_IS_PASSWORD_ENTRY (parent) || GTK_IS_COLUMN_VIEW (parent)))
    return FALSE;
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL)
    return FALSE;
  /* a combo row's and an entry row's insides are named by the row */
  if ((gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL && !ADW_IS_COMBO_ROW (widget))
      || (gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) != NULL
          && !ADW_IS_ENTRY_ROW (widget)))
    return FALSE;
  if (ADW_IS_COMBO_ROW (widget) || ADW_IS_ENTRY_ROW (widget))
    return TRUE;
  if (ADW_IS_ACTION_ROW (widget))
    return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget)) != NULL
           || gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget));
  /* the window's own title buttons are GTK's */
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL)
    return FALSE;
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget)
         || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_SPIN_BUTTON (widget)
         || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_ENTRY (widget) || GTK_IS_TEXT_VIEW (widget)
         || GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) || GTK_IS_SCALE (widget);
}

/* Every control shown under @widget has an accessible name and can take
 * the keyboard focus; the nameless ones are listed in @missing. Returns
 * how many controls were checked. */
static guint
check_controls (GtkWidget *widget, GString *missing)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return 0;
  if (is_control (widget))
    {
      const char *id = GTK_IS_BUILDABLE (widget)
                         ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;

      n++;
      if (!has_accessible_name (widget))
        g_string_append_printf (missing, "\n  no accessible name: %s%s%s (in %s)",
                                G_OBJECT_TYPE_NAME (widget), id ? "#" : "", id ? id : "",
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      if (gtk_widget_get_sensitive (widget) && !gtk_widget_get_focusable (widget)
          && !GTK_IS_DROP_DOWN (widget) && !GTK_IS_MENU_BUTTON (widget)
          && !GTK_IS_SPIN_BUTTON (widget) && !GTK_IS_SEARCH_ENTRY (widget)
          && !GTK_IS_ENTRY (widget) && !GTK_IS_COLUMN_VIEW (widget))
        g_string_append_printf (missing, "\n  not focusable: %s%s%s", G_OBJECT_TYPE_NAME (widget),
                                id ? "#" : "", id ? id : "");
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_controls (child, missing);
  return n;
}

static void
assert_named (GtkWidget *widget, const char *what)
{
  g_autoptr (GString) missing = g_string_new (NULL);
  guint n = check_controls (widget, missing);

  g_test_message ("%s: %u controls", what, n);
  g_assert_cmpuint (n, >, 0);
  if (missing->len > 0)
    g_error ("%s:%s", what, missing->str);
}

/* Issue 14 item 8: on the province page, the sidebar, the unit page and
 * the dialogs, every control has an accessible name and takes the focus;
 * the keyboard reaches the matrix and the sidebar. */
static void
test_accessible_names (Fixture *f, gconstpointer data)
{
  D8Window *window = new_window (f->store);
  GtkWidget *dialog;

  d8_window_ask_office (window);
  gtk_window_present (GTK_WINDOW (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  assert_named (GTK_WIDGET (window), "province page and sidebar");

  /* the sidebar and the matrix are reached by Tab */
  {
    GtkWidget *list = find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL);
    GtkWidget *matrix = find_descendant (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);

    GtkWidget *chooser = d8_window_get_plan_chooser (window);
    gboolean in_list = FALSE, in_matrix = FALSE, in_chooser = FALSE, in_prompt = FALSE;
    GtkWidget *prompt = d8_window_ask_office (window);

    /* Tab from the start of the window, as a keyboard user would. */
    gtk_window_set_focus (GTK_WINDOW (window), NULL);
    for (guint i = 0; i < 200; i++)
      {
        GtkWidget *focus;

        if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
          gtk_window_set_focus (GTK_WINDOW (window), NULL); /* wrapped */
        focus = gtk_root_get_focus (GTK_ROOT (window));
        if (focus == NULL)
          continue;
        in_list |= focus == list || gtk_widget_is_ancestor (focus, list);
        in_matrix |= gtk_widget_is_ancestor (focus, matrix);
        in_chooser |= focus == chooser || gtk_widget_is_ancestor (focus, chooser);
        in_prompt |= prompt != NULL && gtk_widget_is_ancestor (focus, prompt);
      }
    g_assert_true (in_list);
    g_assert_true (in_matrix);
    g_assert_true (in_chooser);
    g_assert_true (in_prompt);
  }

  g_assert_true (d8_window_show_unit (window, "gia-lai/chu-puh"));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  assert_named (d8_window_get_unit_page (window), "unit page");
  d8_test_save_screenshot (GTK_WIDGET (window), "startup-unit-page.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-entry", NULL);
  d8_test_spin ();
  dialog = d8_test_find_toplevel (D8_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  d8_test_wait_for_frame (dialog);
  assert_named (dialog, "entry dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = d8_window_choose_office (window, TRUE);
  d8_test_wait_for_frame (dialog);
  assert_named (dialog, "office chooser");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = d8_preferences_window_new (GTK_WINDOW (window), d8_window_get_settings (window));
  gtk_window_present (GTK_WINDOW (dialog));
  d8_test_wait_for_frame (dialog);
  assert_named (dialog, "preferences");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = d8_window_show_exchange (window);
  d8_test_wait_for_frame (dialog);
  assert_named (dialog, "exchange window");
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();

  /* the plan import preview of a table */
  {
    g_autofree char *path = d8_test_source_path ("tests", "data", "plans", "appendix-2023.tsv",
                                                 NULL);
    g_autoptr (GFile) file = g_file_new_for_path (path);

    dialog = d8_window_open_plan (window, file);
    g_assert_nonnull (dialog);
    g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (dialog, D8_TYPE_PLAN_IMPORT_DIALOG));
    gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 800);
    d8_test_wait_for_frame (dialog);
    assert_named (dialog, "plan import preview");
    d8_test_save_screenshot (dialog, "startup-plan-import-preview.png");
    gtk_window_destroy (GTK_WINDOW (dialog));
    d8_test_spin ();
  }
  close_window (window);
}

int
main (int argc, char *argv[])
{
  d8_i18n_init (NULL);
  d8_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui-startup/office-prompt", test_office_prompt);
  ADD ("/ui-startup/first-frame", test_first_frame_builds_what_it_shows);
  ADD ("/ui-startup/plan-chooser-reads", test_plan_chooser_reads);
  ADD ("/ui-startup/matrix-labels", test_matrix_labels);
  ADD ("/ui-startup/received-plan", test_received_plan);
  ADD ("/ui-startup/accessible-names", test_accessible_names);
  ADD ("/ui-startup/plan-mapping", test_plan_mapping);
#undef ADD

  return g_test_run ();
}
