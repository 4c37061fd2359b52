/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui.c — the GTK user interface on a real store: every widget can be
 * created and destroyed without leaks, the window shows the plan, search
 * folds diacritics, and entries can be added, rejected, deleted and
 * restored through the widgets. Saves screenshots of the main views into
 * $D8_BUILD_ROOT/screenshots/ for people to look at. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "d8-application.h"
#include "d8-chart-layout.h"
#include "d8-chart-view.h"
#include "d8-charts-page.h"
#include "d8-entry-dialog.h"
#include "d8-bundle.h"
#include "d8-exchange-window.h"
#include "d8-import-preview.h"
#include "d8-office-chooser.h"
#include "d8-ui-util.h"
#include "d8-format.h"
#include "d8-office-keys.h"
#include "d8-province-page.h"
#include "d8-sidebar.h"
#include "d8-store.h"
#include "d8-unit-page.h"
#include "d8-preferences-window.h"
#include "d8-test-util.h"
#include "d8-test-ui.h"
#include "d8-window.h"

typedef struct
{
  char *dir;
  D8Store *store;
  D8Plan *plan;
} Fixture;

#define save_screenshot d8_test_save_screenshot

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("duan8-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "duan8.sqlite3", NULL);
  f->store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->plan = d8_store_resolve_plan (f->store, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  d8_test_spin ();
  g_clear_pointer (&f->plan, d8_plan_free);
  g_assert_finalize_object (f->store);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static D8Window *
open_window (Fixture *f,
             int      width,
             int      height)
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

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static D8EntryDialog *
find_entry_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);
      if (D8_IS_ENTRY_DIALOG (item))
        return D8_ENTRY_DIALOG (item);
    }
  return NULL;
}

static guint
count_entries (Fixture *f,
               gint64   unit_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = d8_store_list_entries (f->store, f->plan->id, unit_id, 0,
                                                         FALSE, &error);
  g_assert_no_error (error);
  return entries->len;
}

static D8Unit *
get_unit (Fixture    *f,
          const char *name)
{
  g_autoptr (GError) error = NULL;
  D8Unit *unit = d8_store_resolve_unit (f->store, f->plan->id, name, &error);

  g_assert_no_error (error);
  return unit;
}

static char *
cell_expected (gint64 achieved,
               gint64 quota)
{
  g_autofree char *a = d8_format_count (achieved);
  g_autofree char *q = d8_format_count (quota);
  return g_strdup_printf ("%s/%s", a, q);
}

/* /ui/widgets/new-destroy/<Type> */

static void
test_new_destroy_application (Fixture *f, gconstpointer data)
{
  D8Application *app = d8_application_new ();
  g_assert_finalize_object (app);
}

static void
test_new_destroy_window (Fixture *f, gconstpointer data)
{
  close_window (open_window (f, 900, 600));
}

/* The text the province matrix shows for a unit × indicator, whether the
 * recycling view has a widget for it now or not; kept until four more calls. */
static const char *
cell_text (D8ProvincePage *page, guint unit_index, guint indicator_index)
{
  static char *texts[4];
  static guint next;

  next = (next + 1) % G_N_ELEMENTS (texts);
  g_free (texts[next]);
  texts[next] = d8_province_page_dup_cell_text (page, unit_index, indicator_index);
  return texts[next];
}

static void
test_new_destroy_province_page (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Overview) ov = d8_store_compute_overview (f->store, f->plan->id, NULL, &error);
  GtkWidget *page = d8_province_page_new ();

  g_assert_no_error (error);
  g_object_ref_sink (page);
  d8_province_page_set_overview (D8_PROVINCE_PAGE (page), ov);
  d8_province_page_set_overview (D8_PROVINCE_PAGE (page), ov);
  g_assert_nonnull (cell_text (D8_PROVINCE_PAGE (page), 0, 0));
  g_assert_finalize_object (page);
}

static void
test_new_destroy_unit_page (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Overview) ov = d8_store_compute_overview (f->store, f->plan->id, NULL, &error);
  GtkWidget *page = d8_unit_page_new ();

  g_assert_no_error (error);
  g_object_ref_sink (page);
  d8_unit_page_set_unit (D8_UNIT_PAGE (page), f->store, ov, 0);
  d8_unit_page_set_unit (D8_UNIT_PAGE (page), f->store, ov, 1);
  g_assert_cmpuint (d8_unit_page_get_n_entries (D8_UNIT_PAGE (page)), ==, 0);
  g_assert_finalize_object (page);
}

static void
test_new_destroy_entry_dialog (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Unit) unit = get_unit (f, "Chư Pưh");
  D8EntryDialog *dialog = d8_entry_dialog_new (NULL, f->store, f->plan->id, unit, NULL, &error);

  g_assert_no_error (error);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  d8_test_spin ();
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
  g_assert_finalize_object (dialog);
}

/* A unit office records only its own units (issue 11): Save in the entry
 * dialog of another unit says so, marks no field, and saves nothing. */
static void
test_entry_dialog_other_unit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Unit) unit = get_unit (f, "Đak Đoa");
  D8EntryDialog *dialog;
  GtkWidget *label, *amount;

  g_assert_true (d8_store_set_office (f->store, "gia-lai/chu-puh", &error));
  g_assert_no_error (error);
  dialog = d8_entry_dialog_new (NULL, f->store, f->plan->id, unit, NULL, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  d8_test_spin ();
  amount = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), D8_TYPE_ENTRY_DIALOG,
                                                      "amount_row"));
  label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), D8_TYPE_ENTRY_DIALOG,
                                                     "error_label"));
  gtk_editable_set_text (GTK_EDITABLE (amount), "5");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL);
  d8_test_spin ();
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Đak Đoa"));
  g_assert_false (gtk_widget_has_css_class (amount, "error"));
  g_assert_cmpint (d8_store_count_entries (f->store, f->plan->id, unit->id, 0, TRUE, NULL), ==,
                   0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
}

static void
test_new_destroy_preferences_window (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = d8_preferences_window_new (NULL, settings);
  AdwComboRow *row;

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  d8_test_spin ();
  /* Choosing a language stores it for the next start. */
  row = ADW_COMBO_ROW (gtk_widget_get_template_child (window, D8_TYPE_PREFERENCES_WINDOW,
                                                      "language_row"));
  adw_combo_row_set_selected (row, 1);
  g_assert_cmpstr (g_settings_get_string (settings, "language"), ==, "vi");
  adw_combo_row_set_selected (row, 0);
  g_assert_cmpstr (g_settings_get_string (settings, "language"), ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
  d8_test_spin ();
  g_assert_finalize_object (window);
}

/* The dialogs of the exchange stand alone: a parent, the store and the
 * settings are all they take, and they go away with their window. */
static void
test_new_destroy_exchange_window (Fixture *f, gconstpointer data)
{
  GtkWidget *window = d8_exchange_window_new (NULL, f->store);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  d8_test_spin ();
  /* The store changing rebuilds the rows. */
  d8_store_emit_changed (f->store);
  d8_test_spin ();
  gtk_window_destroy (GTK_WINDOW (window));
  d8_test_spin ();
  g_assert_finalize_object (window);
}

static void
test_new_destroy_office_chooser (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *dialog = d8_office_chooser_new (NULL, f->store, settings, f->plan->id, FALSE);

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  d8_test_spin ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Change the Office");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "cancel"),
                   ==, "_Cancel");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "choose"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
  g_assert_finalize_object (dialog);
}

static void
test_new_destroy_import_preview (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                                  "The bundle is damaged");
  GtkWidget *dialog = d8_import_preview_new_refused (NULL, f->store, error);

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  d8_test_spin ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "This bundle cannot be imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "The bundle is damaged"));
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  g_assert_null (d8_import_preview_steal_import (D8_IMPORT_PREVIEW (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
  g_assert_finalize_object (dialog);
}

/* The shortcuts window (Ctrl+?) is made when first asked for, not with
 * the main window (it is 390 widgets); asked again, the same one shows. */
static void
test_help_overlay (Fixture *f, gconstpointer data)
{
  D8Window *window = open_window (f, 1000, 700);
  GtkWidget *overlay;

  g_assert_cmpuint (d8_test_count_toplevels (GTK_TYPE_SHORTCUTS_WINDOW), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  d8_test_spin ();
  overlay = d8_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (overlay));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (overlay));
  d8_test_spin ();
  g_assert_false (gtk_widget_get_visible (overlay));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  d8_test_spin ();
  g_assert_true (d8_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == overlay);
  g_assert_true (gtk_widget_get_visible (overlay));
  g_assert_cmpuint (d8_test_count_toplevels (GTK_TYPE_SHORTCUTS_WINDOW), ==, 1);
  close_window (window);
  g_assert_cmpuint (d8_test_count_toplevels (GTK_TYPE_SHORTCUTS_WINDOW), ==, 0);
}

/* /ui/window/ */

static void
test_window_opens_on_plan (Fixture *f, gconstpointer data)
{
  D8Window *window = open_window (f, 1000, 700);
  AdwWindowTitle *title = template_child (window, D8_TYPE_WINDOW, "sidebar_title");
  GtkListView *list = template_child (window, D8_TYPE_WINDOW, "unit_list");
  g_autoptr (GPtrArray) units = d8_store_list_units (f->store, f->plan->id, NULL);
  guint n_rows;

  g_assert_cmpstr (adw_window_title_get_title (title), ==, f->plan->doc_number);
  g_assert_cmpstr (f->plan->doc_number, ==, "1653/KH-UBND");

  /* One parent (the province) for all 15 districts: one flat list. */
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
  g_assert_cmpuint (units->len, ==, 15);
  g_assert_cmpuint (n_rows, ==, 1 + units->len);
  g_assert_null (d8_window_get_unit_code (window));

  /* Narrow: the leaflet folds to one column with a back button. */
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 760);
  d8_test_spin ();
  d8_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (adw_leaflet_get_folded (template_child (window, D8_TYPE_WINDOW, "leaflet")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-unit", "s",
                              ((D8Unit *) g_ptr_array_index (units, 0))->code);
  d8_test_spin ();
  g_assert_true (gtk_widget_get_visible (template_child (window, D8_TYPE_WINDOW, "back_button")));
  save_screenshot (GTK_WIDGET (window), "unit-narrow.png");

  close_window (window);
}

static void
test_window_unit_pages (Fixture *f, gconstpointer data)
{
  D8Window *window = open_window (f, 1000, 700);
  AdwWindowTitle *title = template_child (window, D8_TYPE_WINDOW, "content_title");
  GtkWidget *unit_page = d8_window_get_unit_page (window);
  GtkLabel *name_label = template_child (unit_page, D8_TYPE_UNIT_PAGE, "name_label");
  GtkListView *list = template_child (window, D8_TYPE_WINDOW, "unit_list");
  g_autoptr (GPtrArray) units = d8_store_list_units (f->store, f->plan->id, NULL);

  for (guint i = 0; i < units->len; i++)
    {
      const D8Unit *unit = g_ptr_array_index (units, i);

      g_assert_true (d8_window_show_unit (window, unit->code));
      d8_test_spin ();
      g_assert_cmpstr (adw_window_title_get_title (title), ==, unit->name);
      g_assert_cmpstr (gtk_label_get_text (name_label), ==, unit->name);
      g_assert_cmpstr (d8_window_get_unit_code (window), ==, unit->code);
      g_assert_true (gtk_widget_get_mapped (unit_page));
    }

  /* Through the sidebar: row 3 is the third unit. */
  g_signal_emit_by_name (list, "activate", 3);
  d8_test_spin ();
  g_assert_cmpstr (adw_window_title_get_title (title), ==,
                   ((D8Unit *) g_ptr_array_index (units, 2))->name);

  /* And back to the province. */
  g_signal_emit_by_name (list, "activate", 0);
  d8_test_spin ();
  g_assert_null (d8_window_get_unit_code (window));
  g_assert_true (gtk_widget_get_mapped (d8_window_get_province_page (window)));
  g_assert_false (d8_window_show_unit (window, "no-such-unit"));

  /* The last page shown comes back with the next window. */
  g_assert_true (d8_window_show_unit (window, ((D8Unit *) g_ptr_array_index (units, 4))->code));
  close_window (window);
  window = open_window (f, 1000, 700);
  g_assert_cmpstr (d8_window_get_unit_code (window), ==,
                   ((D8Unit *) g_ptr_array_index (units, 4))->code);
  d8_window_show_unit (window, NULL);

  close_window (window);
}

static GPtrArray *
visible_unit_names (D8Window *window)
{
  GtkListView *list = template_child (window, D8_TYPE_WINDOW, "unit_list");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  GPtrArray *names = g_ptr_array_new ();

  /* The rows the list shows, whether scrolled into view or not. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr (D8SidebarItem) item = gtk_tree_list_row_get_item (row);

      g_ptr_array_add (names, (gpointer) d8_sidebar_item_get_name (item));
    }
  return names;
}

static gboolean
contains (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), name) == 0)
      return TRUE;
  return FALSE;
}

static void
search_for (D8Window   *window,
            const char *text)
{
  GtkEditable *entry = template_child (window, D8_TYPE_WINDOW, "search_entry");

  gtk_editable_set_text (entry, text);
  /* GtkSearchEntry delays "search-changed" by 150 ms. */
  d8_test_spin_for (400);
}

static void
test_window_search (Fixture *f, gconstpointer data)
{
  D8Window *window = open_window (f, 1000, 700);
  g_autoptr (GPtrArray) names = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  d8_test_spin ();
  g_assert_true (gtk_search_bar_get_search_mode (template_child (window, D8_TYPE_WINDOW,
                                                                 "search_bar")));

  search_for (window, "chu puh");
  names = visible_unit_names (window);
  g_assert_true (contains (names, "Chư Pưh"));
  g_assert_false (contains (names, "Chư Sê"));
  g_assert_false (contains (names, "Chư Păh"));
  g_clear_pointer (&names, g_ptr_array_unref);

  search_for (window, "dak doa");
  names = visible_unit_names (window);
  g_assert_true (contains (names, "Đak Đoa"));
  g_assert_cmpuint (names->len, ==, 1);
  g_clear_pointer (&names, g_ptr_array_unref);

  search_for (window, "CHƯ");
  names = visible_unit_names (window);
  g_assert_cmpuint (names->len, ==, 4); /* Chư Pưh, Chư Sê, Chư Păh, Chư Prông */
  g_clear_pointer (&names, g_ptr_array_unref);

  search_for (window, "zzz");
  names = visible_unit_names (window);
  g_assert_cmpuint (names->len, ==, 0);
  g_assert_true (gtk_widget_get_visible (template_child (window, D8_TYPE_WINDOW, "search_empty")));
  g_clear_pointer (&names, g_ptr_array_unref);

  search_for (window, "");
  names = visible_unit_names (window);
  g_assert_cmpuint (names->len, ==, 16);

  close_window (window);
}

/* /ui/entry/ */

static D8EntryDialog *
open_entry_dialog (D8Window *window)
{
  D8EntryDialog *dialog;

  g_assert_null (find_entry_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-entry", NULL));
  d8_test_spin ();
  dialog = find_entry_dialog ();
  g_assert_nonnull (dialog);
  d8_test_wait_for_frame (GTK_WIDGET (dialog));
  return dialog;
}

static void
set_row_text (D8EntryDialog *dialog,
              const char    *row,
              const char    *text)
{
  gtk_editable_set_text (template_child (dialog, D8_TYPE_ENTRY_DIALOG, row), text);
}

static void
test_entry_add_through_dialog (Fixture *f, gconstpointer data)
{
  g_autoptr (D8Unit) unit = get_unit (f, "Chư Pưh");
  D8Window *window = open_window (f, 1100, 760);
  D8UnitPage *unit_page = D8_UNIT_PAGE (d8_window_get_unit_page (window));
  D8ProvincePage *province_page = D8_PROVINCE_PAGE (d8_window_get_province_page (window));
  D8EntryDialog *dialog;
  AdwActionRow *row;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *expected = NULL;
  int unit_index = unit->position - 1;

  /* Not on the province page. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-entry", NULL)
                  && find_entry_dialog () != NULL);

  g_assert_true (d8_window_show_unit (window, unit->code));
  d8_test_spin ();
  dialog = open_entry_dialog (window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  adw_combo_row_set_selected (template_child (dialog, D8_TYPE_ENTRY_DIALOG, "indicator_row"), 0);
  set_row_text (dialog, "date_row", "15/08/2023");
  set_row_text (dialog, "amount_row", "3");
  set_row_text (dialog, "place_row", "Xã Ia Le");
  set_row_text (dialog, "note_row", "Tổ truyền thông thôn Plei Ơi");
  save_screenshot (GTK_WIDGET (dialog), "entry-dialog.png");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL);
  d8_test_spin ();
  g_assert_null (dialog);
  g_assert_null (find_entry_dialog ());

  entries = d8_store_list_entries (f->store, f->plan->id, unit->id, 0, FALSE, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (((D8Entry *) g_ptr_array_index (entries, 0))->amount, ==, 3);
  g_assert_cmpstr (((D8Entry *) g_ptr_array_index (entries, 0))->date, ==, "2023-08-15");
  g_assert_cmpstr (((D8Entry *) g_ptr_array_index (entries, 0))->place, ==, "Xã Ia Le");

  g_assert_cmpuint (d8_unit_page_get_n_entries (unit_page), ==, 1);
  row = ADW_ACTION_ROW (d8_unit_page_get_indicator_row (unit_page, 0));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "achieved 3"));

  expected = cell_expected (3, 4);
  g_assert_cmpstr (cell_text (province_page, unit_index, 0), ==, expected);

  save_screenshot (GTK_WIDGET (window), "unit-top.png");
  {
    /* Scrolled down to the entry just added. */
    GtkScrolledWindow *scroller = template_child (unit_page, D8_TYPE_UNIT_PAGE, "scroller");
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    save_screenshot (GTK_WIDGET (window), "unit.png");
  }

  d8_window_show_unit (window, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 1000);
  d8_test_spin ();
  save_screenshot (GTK_WIDGET (window), "province.png");
  {
    GtkScrolledWindow *scroller = template_child (province_page, D8_TYPE_PROVINCE_PAGE,
                                                  "scroller");
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    save_screenshot (GTK_WIDGET (window), "province-bottom.png");
    gtk_adjustment_set_value (adj, 0);
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  d8_test_spin ();
  save_screenshot (GTK_WIDGET (window), "province-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  d8_test_spin ();

  close_window (window);
}

static void
test_entry_invalid_input (Fixture *f, gconstpointer data)
{
  static const char *bad[] = { "-3", "2.5", "abc", "" };
  g_autoptr (D8Unit) unit = get_unit (f, "Đak Đoa");
  D8Window *window = open_window (f, 1000, 700);
  D8EntryDialog *dialog;
  GtkWidget *amount_row;
  GtkWidget *error_label;

  d8_window_show_unit (window, unit->code);
  d8_test_spin ();
  dialog = open_entry_dialog (window);
  amount_row = template_child (dialog, D8_TYPE_ENTRY_DIALOG, "amount_row");
  error_label = template_child (dialog, D8_TYPE_ENTRY_DIALOG, "error_label");
  set_row_text (dialog, "date_row", "2023-07-01");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      set_row_text (dialog, "amount_row", bad[i]);
      g_assert_false (gtk_widget_has_css_class (amount_row, "error"));
      gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL);
      d8_test_spin ();
      g_assert_true (find_entry_dialog () == dialog);
      g_assert_true (gtk_widget_has_css_class (amount_row, "error"));
      g_assert_true (gtk_widget_get_visible (error_label));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
      g_assert_cmpuint (count_entries (f, 0), ==, 0);
    }

  /* A bad date is flagged on the date row. */
  set_row_text (dialog, "amount_row", "1");
  set_row_text (dialog, "date_row", "31/02/2023");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL);
  d8_test_spin ();
  g_assert_true (gtk_widget_has_css_class (template_child (dialog, D8_TYPE_ENTRY_DIALOG,
                                                           "date_row"), "error"));
  g_assert_cmpuint (count_entries (f, 0), ==, 0);

  /* A note over the limit is refused as it is typed, naming the limit:
   * the row is marked, Save is off, and nothing is written. */
  set_row_text (dialog, "date_row", "2023-07-01");
  {
    GtkWidget *note_row = template_child (dialog, D8_TYPE_ENTRY_DIALOG, "note_row");
    GString *note = g_string_new (NULL);

    for (guint i = 0; i < 10001; i++)
      g_string_append (note, "ữ");
    set_row_text (dialog, "note_row", note->str);
    g_assert_true (gtk_widget_has_css_class (note_row, "error"));
    g_assert_true (gtk_widget_get_visible (error_label));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "10000"));
    g_assert_false (gtk_widget_get_sensitive (template_child (dialog, D8_TYPE_ENTRY_DIALOG,
                                                               "save_button")));
    gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL);
    d8_test_spin ();
    g_assert_true (find_entry_dialog () == dialog);
    g_assert_cmpuint (count_entries (f, 0), ==, 0);
    /* One character fewer fits, and Save comes back. */
    g_string_truncate (note, note->len - strlen ("ữ"));
    set_row_text (dialog, "note_row", note->str);
    g_assert_false (gtk_widget_has_css_class (note_row, "error"));
    g_assert_false (gtk_widget_get_visible (error_label));
    g_assert_true (gtk_widget_get_sensitive (template_child (dialog, D8_TYPE_ENTRY_DIALOG,
                                                              "save_button")));
    g_string_free (note, TRUE);
  }

  /* Escape cancels. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  d8_test_spin ();
  g_assert_null (find_entry_dialog ());
  g_assert_cmpuint (count_entries (f, 0), ==, 0);

  close_window (window);
}

static void
test_entry_delete_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Unit) unit = get_unit (f, "Krông Pa");
  g_autoptr (D8Indicator) ind = d8_store_resolve_indicator (f->store, f->plan->id, "1", &error);
  g_autoptr (D8Entry) entry = d8_entry_new ();
  g_autoptr (D8Entry) stored = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  D8Window *window = open_window (f, 1000, 700);
  D8UnitPage *unit_page = D8_UNIT_PAGE (d8_window_get_unit_page (window));
  const char *cell;

  g_assert_no_error (error);
  d8_window_show_unit (window, unit->code);
  d8_test_spin ();

  entry->plan_id = f->plan->id;
  entry->unit_id = unit->id;
  entry->indicator_id = ind->id;
  entry->date = g_strdup ("2023-09-01");
  entry->amount = 5;
  g_assert_true (d8_store_add_entry (f->store, entry, FALSE, &error));
  g_assert_no_error (error);
  uuid = g_strdup (entry->uuid);
  g_assert_nonnull (uuid);
  d8_test_spin ();

  cell = cell_text (D8_PROVINCE_PAGE (d8_window_get_province_page (window)),
                                    unit->position - 1, 0);
  with = cell_expected (5, 12);
  without = cell_expected (0, 12);
  g_assert_cmpuint (d8_unit_page_get_n_entries (unit_page), ==, 1);
  g_assert_cmpstr (cell, ==, with);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-entry", "s", uuid);
  d8_test_spin ();
  stored = d8_store_get_entry (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_true (stored->deleted);
  g_clear_pointer (&stored, d8_entry_free);
  g_assert_cmpuint (count_entries (f, unit->id), ==, 0);
  g_assert_cmpuint (d8_unit_page_get_n_entries (unit_page), ==, 0);
  cell = cell_text (D8_PROVINCE_PAGE (d8_window_get_province_page (window)),
                                    unit->position - 1, 0);
  g_assert_cmpstr (cell, ==, without);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", "s", uuid);
  d8_test_spin ();
  stored = d8_store_get_entry (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_false (stored->deleted);
  g_assert_cmpuint (count_entries (f, unit->id), ==, 1);
  g_assert_cmpuint (d8_unit_page_get_n_entries (unit_page), ==, 1);
  cell = cell_text (D8_PROVINCE_PAGE (d8_window_get_province_page (window)),
                                    unit->position - 1, 0);
  g_assert_cmpstr (cell, ==, with);

  close_window (window);
}

static void
record (Fixture *f, const char *unit_name, const char *indicator, const char *date, gint64 amount)
{
  g_free (d8_test_record (f->store, unit_name, indicator, date, amount, NULL));
}

static void
test_new_destroy_chart_view (Fixture *f, gconstpointer data)
{
  GtkWidget *view = g_object_ref_sink (d8_chart_view_new ());
  GtkWidget *page = g_object_ref_sink (d8_charts_page_new (NULL));

  g_assert_null (d8_chart_view_get_model (D8_CHART_VIEW (view)));
  g_assert_finalize_object (view);
  g_assert_finalize_object (page);
}

/* The toggle button labelled @label under @widget, or NULL. */
static GtkToggleButton *
find_toggle_button (GtkWidget *widget, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkToggleButton *found;

      if (GTK_IS_TOGGLE_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return GTK_TOGGLE_BUTTON (c);
      if ((found = find_toggle_button (c, label)) != NULL)
        return found;
    }
  return NULL;
}

static const char *
chart_row_name (const D8ChartModel *model, guint row)
{
  g_assert_nonnull (model);
  g_assert_cmpuint (row, <, model->rows->len);
  return g_array_index (model->rows, D8ChartLabel, row).name;
}

/* The names of the chart's rows, in order, one a line. */
static char *
chart_row_names (const D8ChartModel *model)
{
  GString *names = g_string_new (NULL);

  for (guint r = 0; r < model->rows->len; r++)
    g_string_append_printf (names, "%s\n", chart_row_name (model, r));
  return g_string_free (names, FALSE);
}

/* The charts of the province and a unit: switched on, chosen, described in
 * words, with tooltips of exact figures, exported, in light and dark; "Most
 * behind first" remembered for the next window. */
static void
test_window_charts (Fixture *f, gconstpointer data)
{
  D8Window *window;
  D8ChartsPage *page;
  GtkWidget *view;
  GtkStack *stack;
  const D8ChartModel *model;
  g_autofree char *dir = g_dir_make_tmp ("duan8-export-XXXXXX", NULL);
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf" };

  record (f, "Chư Pưh", "1", "2023-03-04", 3);
  record (f, "Krông Pa", "5", "2023-05-10", 2);
  window = open_window (f, 1500, 1000);
  stack = template_child (window, D8_TYPE_WINDOW, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "province");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-charts", NULL));
  d8_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "charts");
  page = D8_CHARTS_PAGE (gtk_stack_get_child_by_name (stack, "charts"));
  view = d8_charts_page_get_view (page);
  model = d8_charts_page_get_model (page);
  g_assert_nonnull (model);
  g_assert_cmpint (model->kind, ==, D8_CHART_MATRIX);
  save_screenshot (GTK_WIDGET (window), "charts-matrix.png");

  /* The tooltip over Chư Pưh × indicator 1 gives its exact figures. */
  {
    g_autoptr (D8ChartLayout) layout = NULL;
    const D8ChartShape *cell;
    g_autofree char *tip = NULL;
    D8ChartStyle style = d8_chart_style_light ();

    layout = d8_chart_layout_new (model, &style, gtk_widget_get_width (view),
                                  gtk_widget_get_height (view));
    cell = d8_chart_layout_find_shape (layout, D8_CHART_SHAPE_CELL, 0, 0);
    g_assert_nonnull (cell);
    tip = d8_chart_view_describe_at (D8_CHART_VIEW (view), cell->rect.x + cell->rect.width / 2,
                                     cell->rect.y + cell->rect.height / 2);
    g_assert_nonnull (tip);
    g_assert_nonnull (strstr (tip, "Chư Pưh"));
    g_assert_nonnull (strstr (tip, "3"));
    g_assert_nonnull (strstr (tip, "4"));
  }
  /* The chart says what it shows in words. */
  {
    g_autofree char *words = d8_chart_model_describe (model);
    g_assert_nonnull (strstr (words, "Krông Pa"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr (GError) error = NULL;

      g_assert_true (d8_charts_page_export (page, path, 96, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_unlink (path);
    }
  g_rmdir (dir);

  d8_charts_page_set_kind (page, "indicator");
  d8_test_spin ();
  g_assert_cmpint (d8_charts_page_get_model (page)->kind, ==, D8_CHART_INDICATOR);
  save_screenshot (GTK_WIDGET (window), "charts-indicator.png");
  d8_charts_page_set_kind (page, "timeline");
  d8_test_spin ();
  g_assert_cmpint (d8_charts_page_get_model (page)->kind, ==, D8_CHART_TIMELINE);
  save_screenshot (GTK_WIDGET (window), "charts-timeline.png");

  {
    g_autoptr (D8Unit) unit = get_unit (f, "Chư Pưh");
    d8_window_show_unit (window, unit->code);
  }
  d8_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "charts");
  g_assert_cmpint (d8_charts_page_get_model (page)->kind, ==, D8_CHART_UNIT_PROGRESS);
  save_screenshot (GTK_WIDGET (window), "charts-unit.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  d8_test_spin ();
  save_screenshot (GTK_WIDGET (window), "charts-unit-dark.png");
  d8_window_show_unit (window, NULL);
  d8_charts_page_set_kind (page, "matrix");
  d8_test_spin ();
  save_screenshot (GTK_WIDGET (window), "charts-matrix-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* "Most behind first": the units with something recorded go last, and
   * the next window, with the same settings, shows the matrix so again. */
  {
    GtkToggleButton *order = find_toggle_button (GTK_WIDGET (page), "_Most behind first");
    g_autofree char *plan_order = NULL, *behind_order = NULL, *restored = NULL;

    g_assert_nonnull (order);
    g_assert_false (gtk_toggle_button_get_active (order));
    g_assert_cmpstr (chart_row_name (d8_charts_page_get_model (page), 0), ==, "Chư Pưh");
    plan_order = chart_row_names (d8_charts_page_get_model (page));
    gtk_toggle_button_set_active (order, TRUE);
    d8_test_spin ();
    model = d8_charts_page_get_model (page);
    g_assert_cmpstr (chart_row_name (model, 0), !=, "Chư Pưh");
    behind_order = chart_row_names (model);
    g_assert_cmpstr (behind_order, !=, plan_order);
    close_window (window);

    window = open_window (f, 1500, 1000);
    stack = template_child (window, D8_TYPE_WINDOW, "stack");
    if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "charts") != 0)
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-charts", NULL));
    d8_test_spin ();
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "charts");
    page = D8_CHARTS_PAGE (gtk_stack_get_child_by_name (stack, "charts"));
    order = find_toggle_button (GTK_WIDGET (page), "_Most behind first");
    g_assert_nonnull (order);
    g_assert_true (gtk_toggle_button_get_active (order));
    model = d8_charts_page_get_model (page);
    g_assert_cmpint (model->kind, ==, D8_CHART_MATRIX);
    restored = chart_row_names (model);
    g_assert_cmpstr (restored, ==, behind_order);
    /* the plan's order again, for the tests after this one */
    gtk_toggle_button_set_active (order, FALSE);
    d8_test_spin ();
    g_clear_pointer (&restored, g_free);
    restored = chart_row_names (d8_charts_page_get_model (page));
    g_assert_cmpstr (restored, ==, plan_order);
  }

  /* Back to the tables. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-charts", NULL));
  d8_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "province");
  close_window (window);
}

/* A unit office's bundle previewed and imported at the province through
 * the window; a damaged bundle refused with the DB file unchanged; the
 * Exchange window lists the import and its snapshot. */
static void
test_window_import_bundle (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *unit_db = g_build_filename (f->dir, "chu-puh.sqlite3", NULL);
  g_autofree char *bundle = g_build_filename (f->dir, "chu-puh" D8_BUNDLE_SUFFIX, NULL);
  g_autofree char *bad = d8_test_source_path ("tests", "data", "bundles",
                                              "bad-digest-mismatch.duan8.json", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (D8Store) unit_store = d8_store_open (unit_db, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8Unit) unit = get_unit (f, "Chư Pưh");
  g_autoptr (GFile) file = g_file_new_for_path (bundle);
  g_autoptr (GFile) bad_file = g_file_new_for_path (bad);
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_DEFAULT };
  D8BundleExportResult result = { 0 };
  D8Window *window;
  GtkWidget *dialog, *exchange;
  GtkWidget *province_page;
  int index;

  /* Chư Pưh's office records 3 groups and sends them. */
  g_assert_no_error (error);
  g_assert_true (d8_store_set_office (unit_store, unit->code, &error));
  /* The province knows Chư Pưh's key (duan8-cli trust-office). */
  g_assert_true (d8_office_keys_trust (f->store, unit->code,
                                       d8_office_key_get_public (unit_store, NULL),
                                       "registered", &error));
  {
    g_autoptr (D8Indicator) ind = d8_store_resolve_indicator (unit_store, f->plan->id, "1", &error);
    g_autoptr (D8Entry) entry = d8_entry_new ();

    entry->plan_id = f->plan->id;
    entry->unit_id = unit->id;
    entry->indicator_id = ind->id;
    entry->date = g_strdup ("2023-03-04");
    entry->amount = 3;
    g_assert_true (d8_store_add_entry (unit_store, entry, FALSE, &error));
  }
  g_assert_true (d8_bundle_export (unit_store, &options, bundle, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_entries, ==, 1);
  d8_bundle_export_result_clear (&result);

  window = open_window (f, 1400, 900);
  province_page = d8_window_get_province_page (window);
  index = unit->position - 1;

  dialog = d8_window_open_bundle (window, file);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  save_screenshot (dialog, "import-preview.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
  g_assert_cmpstr (cell_text (
                     D8_PROVINCE_PAGE (province_page), (guint) index, 0), ==, "3/4");

  /* The same bundle again: nothing to import. */
  dialog = d8_window_open_bundle (window, file);
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A damaged bundle: refused, the file untouched. */
  before = d8_test_file_digest (d8_store_get_path (f->store));
  dialog = d8_window_open_bundle (window, bad_file);
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "digest"));
  save_screenshot (dialog, "import-refused.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  after = d8_test_file_digest (d8_store_get_path (f->store));
  g_assert_cmpstr (before, ==, after);

  exchange = d8_window_show_exchange (window);
  gtk_window_set_default_size (GTK_WINDOW (exchange), 800, 600);
  save_screenshot (exchange, "exchange-conflicts.png");
  gtk_window_destroy (GTK_WINDOW (exchange));

  dialog = d8_window_choose_office (window, TRUE);
  save_screenshot (dialog, "office-chooser.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (d8_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  close_window (window);
}

/* A unit with more entries than a page shows them 50 at a time, newest
 * first, with "Show More" until every one is there; the count below is the
 * store's. */
static void
test_unit_entries_in_pages (Fixture *f, gconstpointer data)
{
  g_autoptr (D8Unit) unit = get_unit (f, "Ia Pa");
  const guint n = 120;
  D8Window *window;
  D8UnitPage *page;
  GtkWidget *more_box, *more_button;
  GtkLabel *more_label;

  for (guint i = 0; i < n; i++)
    {
      /* 28 days a month from January: the newest is 2023-05-08 (i = 119). */
      g_autofree char *date = g_strdup_printf ("2023-%02u-%02u", 1 + i / 28, 1 + i % 28);

      record (f, "Ia Pa", "4", date, 1);
    }

  window = open_window (f, 1100, 800);
  g_assert_true (d8_window_show_unit (window, unit->code));
  d8_test_spin ();
  page = D8_UNIT_PAGE (d8_window_get_unit_page (window));
  more_box = template_child (page, D8_TYPE_UNIT_PAGE, "more_box");
  more_button = template_child (page, D8_TYPE_UNIT_PAGE, "more_button");
  more_label = template_child (page, D8_TYPE_UNIT_PAGE, "more_label");

  g_assert_cmpuint (d8_unit_page_get_n_entries (page), ==, 50);
  g_assert_true (gtk_widget_get_visible (more_box));
  g_assert_cmpstr (gtk_label_get_text (more_label), ==, "Showing 50 of 120 entries");
  /* Newest first. */
  {
    g_autofree char *newest = d8_format_date ("2023-05-08");
    GtkWidget *first = d8_unit_page_get_entry_row (page, 0);

    g_assert_nonnull (first);
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), newest));
  }

  {
    GtkScrolledWindow *scroller = template_child (page, D8_TYPE_UNIT_PAGE, "scroller");
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

    d8_test_wait_for_frame (GTK_WIDGET (window));
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    save_screenshot (GTK_WIDGET (window), "unit-more.png");
  }
  g_signal_emit_by_name (more_button, "clicked");
  d8_test_spin ();
  g_assert_cmpuint (d8_unit_page_get_n_entries (page), ==, 100);
  g_assert_true (gtk_widget_get_visible (more_box));
  g_signal_emit_by_name (more_button, "clicked");
  d8_test_spin ();
  g_assert_cmpuint (d8_unit_page_get_n_entries (page), ==, n);
  g_assert_false (gtk_widget_get_visible (more_box));

  /* A change in the store rebuilds the page from the first 50 again. */
  record (f, "Ia Pa", "4", "2023-10-01", 1);
  d8_test_spin ();
  g_assert_cmpuint (d8_unit_page_get_n_entries (page), ==, 50);
  g_assert_cmpstr (gtk_label_get_text (more_label), ==, "Showing 50 of 121 entries");
  g_assert_true (d8_window_show_unit (window, NULL));
  close_window (window);
}

/* The GtkButtons under @widget, in order (not the menu button's own). */
static void
collect_buttons (GtkWidget *widget, GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c) && gtk_button_get_label (GTK_BUTTON (c)) != NULL)
        g_ptr_array_add (out, c);
      collect_buttons (c, out);
    }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The window's properties "as-of", "unit" and "overview": read and set
 * through GObject, each notified once per real change and never for a
 * value set again. */
static void
test_window_properties (Fixture *f, gconstpointer data)
{
  g_autoptr (D8Unit) unit = get_unit (f, "Chư Pưh");
  D8Window *window = open_window (f, 1000, 700);
  guint n_as_of = 0, n_unit = 0, n_overview = 0;
  g_autofree char *as_of = NULL;
  gpointer overview = NULL;
  gint64 unit_id = -1;

  d8_window_show_unit (window, NULL);
  g_signal_connect (window, "notify::as-of", G_CALLBACK (count_notify_cb), &n_as_of);
  g_signal_connect (window, "notify::unit", G_CALLBACK (count_notify_cb), &n_unit);
  g_signal_connect (window, "notify::overview", G_CALLBACK (count_notify_cb), &n_overview);

  g_object_set (window, "as-of", "2023-03-31", NULL);
  g_assert_cmpuint (n_as_of, ==, 1);
  g_assert_cmpuint (n_overview, ==, 1);
  g_object_get (window, "as-of", &as_of, "overview", &overview, "unit", &unit_id, NULL);
  g_assert_cmpstr (as_of, ==, "2023-03-31");
  g_assert_true (overview == d8_window_get_overview (window));
  g_assert_nonnull (overview);
  g_assert_cmpint (unit_id, ==, 0);
  g_object_set (window, "as-of", "2023-03-31", NULL);
  g_assert_cmpuint (n_as_of, ==, 1);
  g_assert_cmpuint (n_overview, ==, 1);

  g_object_set (window, "unit", unit->id, NULL);
  g_assert_cmpuint (n_unit, ==, 1);
  g_assert_cmpstr (d8_window_get_unit_code (window), ==, unit->code);
  g_object_set (window, "unit", unit->id, NULL);
  g_assert_true (d8_window_show_unit (window, unit->code));
  g_assert_cmpuint (n_unit, ==, 1);
  g_object_get (window, "unit", &unit_id, NULL);
  g_assert_cmpint (unit_id, ==, unit->id);
  /* An id the plan does not have changes nothing. */
  g_assert_false (d8_window_set_unit (window, G_MAXINT64));
  g_assert_cmpint (d8_window_get_unit (window), ==, unit->id);
  g_assert_true (d8_window_show_unit (window, NULL));
  g_assert_cmpuint (n_unit, ==, 2);
  g_assert_cmpint (d8_window_get_unit (window), ==, 0);

  /* The store changing gives a new overview, the same date and unit. */
  d8_store_emit_changed (f->store);
  g_assert_cmpuint (n_overview, ==, 2);
  g_assert_cmpuint (n_as_of, ==, 1);
  g_assert_cmpuint (n_unit, ==, 2);

  g_object_set (window, "as-of", NULL, NULL);
  g_assert_cmpuint (n_as_of, ==, 2);
  g_assert_null (d8_window_get_as_of (window));

  g_signal_handlers_disconnect_by_func (window, count_notify_cb, &n_as_of);
  g_signal_handlers_disconnect_by_func (window, count_notify_cb, &n_unit);
  g_signal_handlers_disconnect_by_func (window, count_notify_cb, &n_overview);
  close_window (window);
}

/* Figures as of another day: the province matrix counts only the entries
 * up to that day, the header says which day, and today brings them back. */
static void
test_window_as_of (Fixture *f, gconstpointer data)
{
  g_autoptr (D8Unit) unit = get_unit (f, "Chư Pưh");
  const char *dates[] = { "2023-03-01", "2023-06-10", "2023-09-01" };
  D8Window *window;
  GtkWidget *page;
  const char *cell;
  AdwWindowTitle *title;
  GtkMenuButton *as_of_button;
  g_autofree char *june = d8_format_date ("2023-06-10");

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    record (f, "Chư Pưh", "1", dates[i], 1);

  window = open_window (f, 1300, 900);
  page = d8_window_get_province_page (window);
  title = template_child (window, D8_TYPE_WINDOW, "content_title");
  as_of_button = template_child (page, D8_TYPE_PROVINCE_PAGE, "as_of_button");
  cell = cell_text (D8_PROVINCE_PAGE (page), (guint) (unit->position - 1), 0);
  g_assert_cmpstr (cell, ==, "3/4");
  g_assert_null (d8_window_get_as_of (window));

  /* The 6-month reporting date, as its button in the popover gives it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-as-of", "s",
                                             "2023-06-10"));
  d8_test_spin ();
  g_assert_cmpstr (d8_window_get_as_of (window), ==, "2023-06-10");
  cell = cell_text (D8_PROVINCE_PAGE (page), (guint) (unit->position - 1), 0);
  g_assert_cmpstr (cell, ==, "2/4");
  g_assert_cmpstr (gtk_menu_button_get_label (as_of_button), ==, june);
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), june));
  save_screenshot (GTK_WIDGET (window), "province-as-of.png");
  /* The popover, made as it opens, offers today and the plan's two
   * reporting dates. */
  {
    GtkWidget *popover;
    g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
    g_autofree char *half = g_strdup_printf ("Báo cáo 6 tháng đầu năm 2023 (%s)", june);
    gint64 end;

    g_assert_null (gtk_menu_button_get_popover (as_of_button));
    gtk_menu_button_popup (as_of_button);
    popover = GTK_WIDGET (gtk_menu_button_get_popover (as_of_button));
    g_assert_nonnull (popover);
    collect_buttons (popover, buttons);
    g_assert_cmpuint (buttons->len, ==, 3);
    g_assert_true (g_str_has_prefix (gtk_button_get_label (buttons->pdata[0]), "Today ("));
    g_assert_cmpstr (gtk_button_get_label (buttons->pdata[1]), ==, half);
    g_assert_cmpstr (gtk_actionable_get_action_name (buttons->pdata[1]), ==, "win.set-as-of");

    end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (!gtk_widget_get_mapped (popover) && g_get_monotonic_time () < end)
      d8_test_spin_for (20);
    if (gtk_widget_get_mapped (popover))
      save_screenshot (popover, "province-as-of-popover.png");
    gtk_menu_button_popdown (as_of_button);
  }

  /* The unit page says it too. */
  g_assert_true (d8_window_show_unit (window, unit->code));
  d8_test_spin ();
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), june));

  /* Today again: an empty date, or today's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-as-of", "s", ""));
  d8_test_spin ();
  g_assert_null (d8_window_get_as_of (window));
  g_assert_null (strstr (adw_window_title_get_subtitle (title), june));
  {
    g_autofree char *today = d8_date_today ();

    d8_window_set_as_of (window, "2023-03-31");
    g_assert_cmpstr (d8_window_get_as_of (window), ==, "2023-03-31");
    d8_window_set_as_of (window, today);
    g_assert_null (d8_window_get_as_of (window));
    /* Not a date: today. */
    d8_window_set_as_of (window, "2023-02-30");
    g_assert_null (d8_window_get_as_of (window));
  }
  /* The next window of this run opens on the province again. */
  g_assert_true (d8_window_show_unit (window, NULL));
  close_window (window);
}

/* The tooltip helper of the views: the tooltip and the accessible
 * description land as gtk_widget_set_tooltip_text() would put them, but
 * GTK's own tooltip text stays unset (setting it asks the X server where
 * the pointer is), and a widget's visibility is what it was. */
static void
test_tooltip_helper (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *loose = gtk_label_new ("a");
  GtkWidget *hidden = gtk_label_new ("b");
  GtkWidget *child = gtk_label_new ("c");

  g_object_ref_sink (box);
  g_object_ref_sink (loose);
  g_object_ref_sink (hidden);
  gtk_widget_set_visible (hidden, FALSE);
  gtk_box_append (GTK_BOX (box), child);

  d8_ui_set_tooltip_text (loose, "Chư Pưh — 1");
  d8_ui_set_tooltip_text (hidden, "Ia Pa");
  d8_ui_set_tooltip_text (child, "Krông Pa");
  g_assert_cmpstr (d8_ui_get_tooltip_text (loose), ==, "Chư Pưh — 1");
  g_assert_cmpstr (d8_ui_get_tooltip_text (hidden), ==, "Ia Pa");
  g_assert_cmpstr (d8_ui_get_tooltip_text (child), ==, "Krông Pa");
  g_assert_null (gtk_widget_get_tooltip_text (child));
  g_assert_true (gtk_widget_get_has_tooltip (loose));
  g_assert_true (gtk_widget_get_has_tooltip (child));
  {
    g_autofree char *mismatch
      = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child),
                                            GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Krông Pa");
    g_assert_null (mismatch);
  }
  g_assert_true (gtk_widget_get_visible (loose));
  g_assert_false (gtk_widget_get_visible (hidden));
  g_assert_true (gtk_widget_get_visible (child));
  g_assert_true (gtk_widget_get_parent (child) == box);

  d8_ui_set_tooltip_text (loose, NULL);
  g_assert_null (d8_ui_get_tooltip_text (loose));
  g_assert_false (gtk_widget_get_has_tooltip (loose));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (loose),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_object_unref (hidden);
  g_object_unref (loose);
  g_object_unref (box);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend, as tests/meson.build sets: no bus
   * under Xvfb, yet the accessible tree is built. */
  d8_test_ui_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/widgets/new-destroy/D8Application", test_new_destroy_application);
  ADD ("/ui/widgets/new-destroy/D8Window", test_new_destroy_window);
  ADD ("/ui/widgets/new-destroy/D8ProvincePage", test_new_destroy_province_page);
  ADD ("/ui/widgets/new-destroy/D8UnitPage", test_new_destroy_unit_page);
  ADD ("/ui/widgets/new-destroy/D8EntryDialog", test_new_destroy_entry_dialog);
  ADD ("/ui/widgets/new-destroy/D8PreferencesWindow", test_new_destroy_preferences_window);
  ADD ("/ui/entry-dialog/other-unit", test_entry_dialog_other_unit);
  ADD ("/ui/widgets/new-destroy/D8ExchangeWindow", test_new_destroy_exchange_window);
  ADD ("/ui/widgets/new-destroy/D8OfficeChooser", test_new_destroy_office_chooser);
  ADD ("/ui/widgets/new-destroy/D8ImportPreview", test_new_destroy_import_preview);
  ADD ("/ui/widgets/help-overlay", test_help_overlay);
  ADD ("/ui/window/opens-on-plan", test_window_opens_on_plan);
  ADD ("/ui/window/unit-pages", test_window_unit_pages);
  ADD ("/ui/window/search", test_window_search);
  ADD ("/ui/entry/add-through-dialog", test_entry_add_through_dialog);
  ADD ("/ui/entry/invalid-input", test_entry_invalid_input);
  ADD ("/ui/entry/delete-undo", test_entry_delete_undo);
  ADD ("/ui/widgets/new-destroy/D8ChartView", test_new_destroy_chart_view);
  ADD ("/ui/window/charts", test_window_charts);
  ADD ("/ui/window/import-bundle", test_window_import_bundle);
  ADD ("/ui/unit/entries-in-pages", test_unit_entries_in_pages);
  ADD ("/ui/window/as-of", test_window_as_of);
  ADD ("/ui/window/properties", test_window_properties);
#undef ADD
  g_test_add_func ("/ui/widgets/tooltip-helper", test_tooltip_helper);

  return g_test_run ();
}
