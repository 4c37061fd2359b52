/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-vi.c — the interface under Vietnamese shows no English.
 *
 * Runs the real application (D8Application, --db on a temporary file with
 * the embedded plan) and, from its "activate", opens the province page,
 * every unit page, the entry dialog for every indicator (and its error and
 * out-of-period states), the edit dialog and the delete toast, the
 * preferences, keyboard shortcuts and About windows, the primary menu, the
 * charts (win.toggle-charts), the import preview of a real bundle, and
 * every other window-less action the application and window offer (so pages
 * and dialogs added later are visited too). Every widget is walked; a text
 * that is shown (label, title, subtitle, tooltip, placeholder, accessible
 * label or description, menu item, list item, button label) and equals an
 * English msgid of the sources (the template xgettext extracts now, so new
 * strings are covered before they reach po/vi.po) fails the test, unless the
 * catalogue translates that msgid to itself or it is in a short allow-list.
 * Printf-style msgids ("achieved %s") are matched as patterns.
 *
 * Two ways to get Vietnamese are run (tests/meson.build): a Vietnamese
 * system (LANGUAGE=vi LANG=vi_VN.UTF-8), and an English system where the
 * preference says "vi" ($D8_TEST_LANGUAGE, passed to d8_i18n_init like
 * main.c does with the GSettings key). Screenshots go to
 * $D8_BUILD_ROOT/screenshots/vi-*.png (the first variant only). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "d8-application.h"
#include "d8-entry-dialog.h"
#include "d8-i18n.h"
#include "d8-store.h"
#include "d8-unit-page.h"
#include "d8-test-ui.h"
#include "d8-test-util.h"
#include "d8-province-page.h"
#include "d8-window.h"

#include "d8-test-english.h"

/* Closes the windows opened since @before, newest first (a message dialog
 * before the window it belongs to). */
static void
close_new_toplevels (GPtrArray *before)
{
  for (int round = 0; round < 10; round++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      GtkWindow *newest = NULL;

      for (guint i = g_list_model_get_n_items (toplevels); i > 0 && newest == NULL; i--)
        {
          GObject *item = g_list_model_get_item (toplevels, i - 1);
          if (!g_ptr_array_find (before, item, NULL) && gtk_widget_get_visible (GTK_WIDGET (item)))
            newest = GTK_WINDOW (item);
          g_object_unref (item);
        }
      if (newest == NULL)
        return;
      gtk_window_close (newest);
      d8_test_spin_for (50);
    }
}

static D8Window *
main_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (the_app));

  g_assert_true (D8_IS_WINDOW (window));
  return D8_WINDOW (window);
}

/* The test cases */

static void
test_catalogue_loaded (void)
{
  /* Without the catalogue every check below would pass for nothing. */
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, "Whole province"), !=, "Whole province");
  g_assert_true (g_utf8_validate (dgettext (GETTEXT_PACKAGE, "Whole province"), -1, NULL));
  g_test_message ("“Whole province” is shown as “%s”", dgettext (GETTEXT_PACKAGE, "Whole province"));

  /* The checker finds English: a plain msgid, a mnemonic one, a format. */
  {
    GtkWidget *box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
    GtkWidget *button = gtk_button_new_with_mnemonic ("_Cancel");

    gtk_box_append (GTK_BOX (box), gtk_label_new ("Whole province"));
    gtk_box_append (GTK_BOX (box), button);
    gtk_widget_set_tooltip_text (button, "Plan for 2023");
    gtk_box_append (GTK_BOX (box), gtk_label_new (dgettext (GETTEXT_PACKAGE, "Whole province")));
    begin_case ();
    quiet = TRUE;
    check_widget (box, "self-check", FALSE);
    quiet = FALSE;
    /* The label twice (label, text), the button's label, its inner label,
     * its tooltip (text, markup); the translated label not at all. Under
     * GTK_A11Y=test (tests/meson.build) also the accessible label of the
     * label, the button and its inner label, and the button's accessible
     * description: 7 + 4. Under GTK_A11Y=none GTK hid those four, and the
     * accessible texts went unchecked. */
    {
      guint n_accessible = 0;

      for (guint i = 0; i < offences->len; i++)
        n_accessible += strstr (g_ptr_array_index (offences, i), " [accessible ") != NULL;
      g_assert_cmpuint (offences->len - n_accessible, ==, 7);
      g_assert_cmpuint (n_accessible, ==, 4);
    }
    for (guint i = 0; i < offences->len; i++)
      g_assert_null (strstr (g_ptr_array_index (offences, i), "“Toàn tỉnh” is English"));
    g_clear_pointer (&offences, g_ptr_array_unref);
    g_clear_pointer (&seen, g_hash_table_unref);
    g_object_unref (box);
  }
}

static void
test_province_page (void)
{
  D8Window *window = main_window ();

  begin_case ();
  d8_window_show_unit (window, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 1000);
  d8_test_spin ();
  d8_test_wait_for_frame (GTK_WIDGET (window));
  check_widget (GTK_WIDGET (window), NULL, FALSE);
  save_screenshot (GTK_WIDGET (window), "vi-province.png");
  /* The as-of popover is made when it opens: its calendar and choices. */
  {
    GtkWidget *page = d8_window_get_province_page (window);
    GtkMenuButton *as_of = GTK_MENU_BUTTON (
      gtk_widget_get_template_child (page, D8_TYPE_PROVINCE_PAGE, "as_of_button"));

    gtk_menu_button_popup (as_of);
    d8_test_spin ();
    g_assert_nonnull (gtk_menu_button_get_popover (as_of));
    check_widget (GTK_WIDGET (gtk_menu_button_get_popover (as_of)), "as-of-popover", FALSE);
    gtk_menu_button_popdown (as_of);
    d8_test_spin ();
  }
  end_case ();
}

static void
test_unit_pages (void)
{
  D8Window *window = main_window ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = d8_store_list_units (d8_window_get_store (window),
                                                     d8_window_get_plan_id (window), &error);

  g_assert_no_error (error);
  begin_case ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  for (guint i = 0; i < units->len; i++)
    {
      const D8Unit *unit = g_ptr_array_index (units, i);

      g_assert_true (d8_window_show_unit (window, unit->code));
      d8_test_spin ();
      check_widget (GTK_WIDGET (window), unit->name, FALSE);
      if (g_str_equal (unit->name, "Chư Pưh"))
        save_screenshot (GTK_WIDGET (window), "vi-unit-chu-puh.png");
    }
  end_case ();
}

static void
set_row_text (GtkWidget  *dialog,
              const char *row,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (dialog, D8_TYPE_ENTRY_DIALOG,
                                                                      row)), text);
}

static void
test_entry_dialog (void)
{
  D8Window *window = main_window ();
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Unit) unit = d8_store_resolve_unit (d8_window_get_store (window),
                                                   d8_window_get_plan_id (window), "Chư Pưh",
                                                   &error);
  g_autoptr (GPtrArray) before = NULL;
  GtkWidget *dialog;
  AdwComboRow *indicator_row;
  gboolean saw_percent = FALSE;

  g_assert_no_error (error);
  begin_case ();
  g_assert_true (d8_window_show_unit (window, unit->code));
  d8_test_spin ();
  before = list_toplevels ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-entry", NULL));
  d8_test_spin ();
  dialog = d8_test_find_toplevel (D8_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  d8_test_wait_for_frame (dialog);
  indicator_row = ADW_COMBO_ROW (gtk_widget_get_template_child (dialog, D8_TYPE_ENTRY_DIALOG,
                                                                "indicator_row"));

  /* Every indicator: count ones show "amount", the percent one (SM) the
   * women reached and the target group. */
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (indicator_row)); i++)
    {
      g_autofree char *where = g_strdup_printf ("entry-dialog[indicator %u]", i);

      adw_combo_row_set_selected (indicator_row, i);
      d8_test_spin ();
      if (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (dialog,
                                                                             D8_TYPE_ENTRY_DIALOG,
                                                                             "reached_row"))))
        {
          saw_percent = TRUE;
          save_screenshot (dialog, "vi-entry-dialog-percent.png");
        }
      check_widget (dialog, where, FALSE);
    }
  g_assert_true (saw_percent);

  adw_combo_row_set_selected (indicator_row, 0);
  set_row_text (dialog, "date_row", "15/08/2023");
  set_row_text (dialog, "amount_row", "3");
  set_row_text (dialog, "place_row", "Xã Ia Le");
  set_row_text (dialog, "note_row", "Tổ truyền thông thôn Plei Ơi");
  save_screenshot (dialog, "vi-entry-dialog.png");

  /* Its error messages. */
  set_row_text (dialog, "amount_row", "2,5");
  gtk_widget_activate_action (dialog, "entry.save", NULL);
  d8_test_spin ();
  check_widget (dialog, "entry-dialog[bad amount]", FALSE);
  save_screenshot (dialog, "vi-entry-dialog-error.png");
  set_row_text (dialog, "amount_row", "3");
  set_row_text (dialog, "date_row", "31/02/2023");
  gtk_widget_activate_action (dialog, "entry.save", NULL);
  d8_test_spin ();
  check_widget (dialog, "entry-dialog[bad date]", FALSE);
  set_row_text (dialog, "amount_row", "");
  set_row_text (dialog, "date_row", "15/08/2023");
  gtk_widget_activate_action (dialog, "entry.save", NULL);
  d8_test_spin ();
  check_widget (dialog, "entry-dialog[no amount]", FALSE);

  /* A date outside the period asks first. */
  set_row_text (dialog, "amount_row", "3");
  set_row_text (dialog, "date_row", "05/01/2025");
  gtk_widget_activate_action (dialog, "entry.save", NULL);
  d8_test_spin ();
  d8_test_wait_for_frame (dialog);
  check_new_toplevels (before, "entry-dialog[out of period]");
  {
    GtkWidget *question = d8_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (question);
    save_screenshot (question, "vi-out-of-period.png");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "cancel");
    d8_test_spin ();
  }
  close_new_toplevels (before);
  g_assert_null (d8_test_find_toplevel (D8_TYPE_ENTRY_DIALOG));
  end_case ();
}

/* An entry on the unit page, the edit dialog, and the toast after deleting. */
static void
test_entry_edit_delete (void)
{
  D8Window *window = main_window ();
  D8Store *store = d8_window_get_store (window);
  gint64 plan_id = d8_window_get_plan_id (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Unit) unit = d8_store_resolve_unit (store, plan_id, "Đak Đoa", &error);
  g_autoptr (D8Indicator) count = d8_store_resolve_indicator (store, plan_id, "1", &error);
  g_autoptr (D8Indicator) percent = d8_store_resolve_indicator (store, plan_id, "SM", &error);
  g_autoptr (D8Entry) a = d8_entry_new ();
  g_autoptr (D8Entry) b = d8_entry_new ();
  g_autoptr (GPtrArray) before = NULL;

  g_assert_no_error (error);
  begin_case ();
  a->plan_id = b->plan_id = plan_id;
  a->unit_id = b->unit_id = unit->id;
  a->indicator_id = count->id;
  a->date = g_strdup ("2023-05-04");
  a->amount = 1234;
  a->place = g_strdup ("Xã Glar");
  b->indicator_id = percent->id;
  b->date = g_strdup ("2023-06-30");
  b->reached = 30;
  b->group_size = 40;
  g_assert_true (d8_store_add_entry (store, a, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (d8_store_add_entry (store, b, FALSE, &error));
  g_assert_no_error (error);
  d8_test_spin ();

  g_assert_true (d8_window_show_unit (window, unit->code));
  d8_test_spin ();
  check_widget (GTK_WIDGET (window), "unit-with-entries", FALSE);
  save_screenshot (GTK_WIDGET (window), "vi-unit-dak-doa.png");

  before = list_toplevels ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-entry", "s", b->uuid);
  d8_test_spin ();
  g_assert_nonnull (d8_test_find_toplevel (D8_TYPE_ENTRY_DIALOG));
  d8_test_wait_for_frame (d8_test_find_toplevel (D8_TYPE_ENTRY_DIALOG));
  check_new_toplevels (before, "edit-dialog");
  save_screenshot (d8_test_find_toplevel (D8_TYPE_ENTRY_DIALOG), "vi-edit-dialog.png");
  close_new_toplevels (before);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-entry", "s", a->uuid);
  d8_test_spin_for (200);
  check_widget (GTK_WIDGET (window), "after-delete", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", "s", a->uuid);
  d8_test_spin ();
  end_case ();
}

static void
test_search (void)
{
  D8Window *window = main_window ();
  GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                D8_TYPE_WINDOW, "search_entry"));

  begin_case ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzz");
  d8_test_spin_for (400);
  check_widget (GTK_WIDGET (window), "search[no match]", FALSE);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  d8_test_spin_for (400);
  end_case ();
}

static void
test_narrow (void)
{
  D8Window *window = main_window ();

  begin_case ();
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 760);
  d8_test_spin ();
  d8_test_wait_for_frame (GTK_WIDGET (window));
  d8_window_show_unit (window, NULL);
  d8_test_spin ();
  check_widget (GTK_WIDGET (window), "narrow", FALSE);
  save_screenshot (GTK_WIDGET (window), "vi-narrow-province.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  d8_test_spin ();
  d8_test_wait_for_frame (GTK_WIDGET (window));
  end_case ();
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_primary_menu (void)
{
  D8Window *window = main_window ();
  GtkMenuButton *button = find_primary_menu_button (GTK_WIDGET (window));
  GMenuModel *menu;

  begin_case ();
  g_assert_nonnull (button);
  /* The menu is made when first opened, not with the window. */
  gtk_menu_button_popup (button);
  d8_test_spin ();
  d8_test_wait_for_frame (GTK_WIDGET (window));
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);
  /* The labels as the model holds them, and the popover's items. */
  check_menu_model (menu, "primary-menu");
  check_widget (GTK_WIDGET (button), "primary-menu-open", FALSE);
  gtk_menu_button_popdown (button);
  d8_test_spin ();
  check_menu_model (gtk_application_get_menubar (GTK_APPLICATION (the_app)), "menubar");
  end_case ();
}

static void
test_app_window (const char *action,
                 GType       type,
                 const char *screenshot)
{
  D8Window *window = main_window ();
  g_autoptr (GPtrArray) before = list_toplevels ();
  GtkWidget *shown;

  begin_case ();
  g_action_group_activate_action (G_ACTION_GROUP (the_app), action, NULL);
  d8_test_spin ();
  shown = d8_test_find_toplevel (type);
  g_assert_nonnull (shown);
  d8_test_wait_for_frame (shown);
  check_widget (shown, action, FALSE);
  if (screenshot != NULL)
    save_screenshot (shown, screenshot);
  close_new_toplevels (before);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  end_case ();
}

static void
test_preferences (void)
{
  test_app_window ("preferences", ADW_TYPE_PREFERENCES_WINDOW, "vi-preferences.png");
}

static void
test_about (void)
{
  test_app_window ("about", ADW_TYPE_WINDOW, "vi-about.png");
}

static void
test_shortcuts (void)
{
  D8Window *window = main_window ();
  g_autoptr (GPtrArray) before = list_toplevels ();
  GtkWidget *shortcuts;

  begin_case ();
  /* made when first asked for, not by GtkApplication with the window */
  g_assert_cmpuint (d8_test_count_toplevels (GTK_TYPE_SHORTCUTS_WINDOW), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  d8_test_spin ();
  shortcuts = d8_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  d8_test_wait_for_frame (shortcuts);
  check_widget (shortcuts, "shortcuts", FALSE);
  save_screenshot (shortcuts, "vi-shortcuts.png");
  gtk_window_close (GTK_WINDOW (shortcuts));
  close_new_toplevels (before);
  end_case ();
}

/* The charts, when the window has them (win.toggle-charts), on the
 * province and on a unit, with screenshots to look at. */
static void
test_charts (void)
{
  D8Window *window = main_window ();

  d8_window_show_unit (window, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 900);
  d8_test_spin ();
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-charts", NULL))
    {
      /* the window has had the action since issue 3: losing it is a bug */
      g_test_fail_printf ("the window has no win.toggle-charts action");
      return;
    }
  begin_case ();
  d8_test_spin_for (300);
  check_widget (GTK_WIDGET (window), "charts (province)", FALSE);
  save_screenshot (GTK_WIDGET (window), "vi-charts-province.png");
  g_assert_true (d8_window_show_unit (window, "gia-lai/chu-puh"));
  d8_test_spin_for (300);
  check_widget (GTK_WIDGET (window), "charts (Chư Pưh)", FALSE);
  save_screenshot (GTK_WIDGET (window), "vi-charts-chu-puh.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-charts", NULL);
  d8_window_show_unit (window, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  d8_test_spin ();
  end_case ();
}

/* The import preview of a bundle (what a double-click on a .duan8.json
 * opens): a bundle from the office of Chư Pưh, written by the built
 * duan8-cli on a database of its own. */
static void
test_import_preview (void)
{
  D8Window *window = main_window ();
  const char *root = g_getenv ("D8_BUILD_ROOT");
  g_autofree char *cli = g_build_filename (root ? root : ".", "src", "cli", "duan8-cli", NULL);
  g_autofree char *other_db = g_build_filename (tmp_dir, "chu-puh.sqlite3", NULL);
  g_autofree char *bundle = g_build_filename (tmp_dir, "chu-puh.duan8.json", NULL);
  const char *steps[][13] = {
    { cli, "--db", other_db, "office", "--set", "chu puh", NULL },
    { cli, "--db", other_db, "record", "--unit", "chu puh", "--indicator", "1", "--date",
      "2023-04-02", "--amount", "3", NULL },
    { cli, "--db", other_db, "export-bundle", "--out", bundle, "--all", NULL },
  };
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GFile) file = NULL;
  GtkWidget *preview;

  /* tests/meson.build builds it first (depends:) */
  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_fail_printf ("no duan8-cli in the build tree: %s", cli);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    g_free (d8_test_spawn_output (steps[i]));

  begin_case ();
  before = list_toplevels ();
  file = g_file_new_for_path (bundle);
  preview = d8_window_open_bundle (window, file);
  d8_test_spin ();
  if (preview != NULL && GTK_IS_WINDOW (preview))
    {
      d8_test_wait_for_frame (preview);
      check_widget (preview, "import-preview", FALSE);
      save_screenshot (preview, "vi-import-preview.png");
    }
  check_new_toplevels (before, "import-preview");
  close_new_toplevels (before);
  end_case ();
}

/* Actions that must not be run here: they end the test or change data. */
static gboolean
action_is_excluded (const char *name)
{
  const char *const excluded[] = { "quit", "close", "delete", "undo", "undelete", "minimize",
                                   "toggle-maximized", "fullscreen", "show-unit", "search",
                                   "edit-entry", "new-entry", "show-help-overlay", "about", "toggle-charts",
                                   "preferences", "activate", "inspector" };

  for (guint i = 0; i < G_N_ELEMENTS (excluded); i++)
    if (strstr (name, excluded[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
close_later_cb (gpointer data)
{
  GPtrArray *before = data;
  const char *where = g_object_get_data (G_OBJECT (the_app), "d8-test-action");

  check_new_toplevels (before, where);
  close_new_toplevels (before);
  return G_SOURCE_REMOVE;
}

/* Pages and dialogs added later are reached through their actions: every
 * parameterless, enabled action of the application and the window opens,
 * is walked and is closed again (from a timeout, so a dialog that runs its
 * own loop is closed too). */
static void
test_other_actions (void)
{
  D8Window *window = main_window ();
  g_auto (GStrv) app_actions = g_action_group_list_actions (G_ACTION_GROUP (the_app));
  GType type = D8_TYPE_WINDOW;
  guint n_run = 0;

  begin_case ();
  d8_window_show_unit (window, NULL);
  d8_test_spin ();

  for (guint i = 0; app_actions[i] != NULL; i++)
    {
      g_autoptr (GPtrArray) before = NULL;
      g_autofree char *where = g_strconcat ("app.", app_actions[i], NULL);

      if (action_is_excluded (app_actions[i])
          || g_action_group_get_action_parameter_type (G_ACTION_GROUP (the_app), app_actions[i]) != NULL
          || !g_action_group_get_action_enabled (G_ACTION_GROUP (the_app), app_actions[i]))
        continue;
      before = list_toplevels ();
      g_object_set_data_full (G_OBJECT (the_app), "d8-test-action", g_strdup (where), g_free);
      g_timeout_add_full (G_PRIORITY_DEFAULT, 700, close_later_cb, g_ptr_array_ref (before),
                          (GDestroyNotify) g_ptr_array_unref);
      g_action_group_activate_action (G_ACTION_GROUP (the_app), app_actions[i], NULL);
      d8_test_spin_for (900);
      close_new_toplevels (before);
      check_widget (GTK_WIDGET (window), where, FALSE);
      n_run++;
      g_test_message ("ran %s", where);
    }

  /* The window's own actions (gtk_widget_class_install_action), on the
   * province page and on a unit page. */
  for (int page = 0; page < 2; page++)
    {
      GtkWidgetClass *klass = g_type_class_ref (type);
      const char *name;
      const GVariantType *param;
      const char *property;
      GType owner;

      d8_window_show_unit (window, page == 0 ? NULL : "gia-lai/chu-puh");
      d8_test_spin ();
      for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &param, &property); i++)
        {
          g_autoptr (GPtrArray) before = NULL;
          g_autofree char *where = g_strdup_printf ("%s (%s)", name,
                                                    page == 0 ? "province" : "unit");

          if (param != NULL || action_is_excluded (name) || !g_str_has_prefix (name, "win."))
            continue;
          before = list_toplevels ();
          g_object_set_data_full (G_OBJECT (the_app), "d8-test-action", g_strdup (where), g_free);
          g_timeout_add_full (G_PRIORITY_DEFAULT, 700, close_later_cb, g_ptr_array_ref (before),
                          (GDestroyNotify) g_ptr_array_unref);
          if (gtk_widget_activate_action (GTK_WIDGET (window), name, NULL))
            {
              n_run++;
              g_test_message ("ran %s", where);
            }
          d8_test_spin_for (900);
          close_new_toplevels (before);
          check_widget (GTK_WIDGET (window), where, FALSE);
        }
      g_type_class_unref (klass);
    }
  g_test_message ("%u other actions run", n_run);
  if (n_run == 0)
    {
      g_clear_pointer (&offences, g_ptr_array_unref);
      g_clear_pointer (&seen, g_hash_table_unref);
      /* the window has such actions: a sweep that finds none tests nothing */
      g_test_fail_printf ("no other parameterless action to run");
      return;
    }
  end_case ();
}

/* The application */

static int test_status;

static void
activate_after_cb (GApplication *app)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  d8_test_wait_for_frame (GTK_WIDGET (main_window ()));
  load_english (d8_window_get_store (main_window ()));
  test_status = g_test_run ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

/* The action sweep opens and closes dialogs (file choosers, print) on a
 * timer; on a loaded machine GTK may be asked to draw one of their buttons
 * before it was given a size, and warns "Trying to snapshot … without a
 * current allocation". That is GTK racing our timer, not something the app
 * shows: it is reported, not fatal. Every other warning or critical still
 * aborts the test, as G_DEBUG=fatal-warnings would. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  const char *domain = NULL, *message = NULL;
  GLogWriterOutput out;

  if (!(level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)))
    return g_log_writer_default (level, fields, n_fields, data);
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  if (g_strcmp0 (domain, "Gtk") == 0 && message != NULL
      && strstr (message, "without a current allocation") != NULL)
    {
      g_test_message ("GTK warned (not failed): %s", message);
      return G_LOG_WRITER_HANDLED;
    }
  out = g_log_writer_default (level, fields, n_fields, data);
  G_BREAKPOINT ();
  return out;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  const char *language = g_getenv ("D8_TEST_LANGUAGE");
  char *app_argv[4];
  int status;

  tmp_dir = g_dir_make_tmp ("duan8-ui-vi-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "duan8.sqlite3", NULL);
  /* File choosers and recent files opened by the actions stay in here. */
  for (guint i = 0; i < 4; i++)
    {
      const char *vars[] = { "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
      g_autofree char *dir = g_build_filename (tmp_dir, vars[i], NULL);
      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }

  /* What main.c does: the language preference before anything else. */
  d8_i18n_init (language);
  take_screenshots = language == NULL || *language == '\0';

  d8_test_ui_init (&argc, &argv);
  /* Warnings are judged by log_writer, which lets one GTK race through. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_writer_func (log_writer, NULL, NULL);

  g_test_add_func ("/ui-vi/catalogue-loaded", test_catalogue_loaded);
  g_test_add_func ("/ui-vi/province-page", test_province_page);
  g_test_add_func ("/ui-vi/unit-pages", test_unit_pages);
  g_test_add_func ("/ui-vi/entry-dialog", test_entry_dialog);
  g_test_add_func ("/ui-vi/entry-edit-delete", test_entry_edit_delete);
  g_test_add_func ("/ui-vi/search", test_search);
  g_test_add_func ("/ui-vi/narrow", test_narrow);
  g_test_add_func ("/ui-vi/primary-menu", test_primary_menu);
  g_test_add_func ("/ui-vi/preferences", test_preferences);
  g_test_add_func ("/ui-vi/shortcuts", test_shortcuts);
  g_test_add_func ("/ui-vi/about", test_about);
  g_test_add_func ("/ui-vi/charts", test_charts);
  g_test_add_func ("/ui-vi/import-preview", test_import_preview);
  g_test_add_func ("/ui-vi/other-actions", test_other_actions);

  the_app = d8_application_new ();
  g_signal_connect_after (the_app, "activate", G_CALLBACK (activate_after_cb), NULL);
  app_argv[0] = (char *) "duan8";
  app_argv[1] = (char *) "--db";
  app_argv[2] = db_path;
  app_argv[3] = NULL;
  test_status = 1;
  status = g_application_run (G_APPLICATION (the_app), 3, app_argv);
  g_assert_cmpint (status, ==, 0);
  g_clear_object (&the_app);

  remove_tree (tmp_dir);
  return test_status;
}
