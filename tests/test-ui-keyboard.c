/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-keyboard.c — the README's tasks with the keyboard alone (issue
 * 14, item 8).
 *
 * A person without a mouse: finds a unit (Ctrl+F, types, Enter), records
 * an entry (Ctrl+N, Tab to the fields, types, Enter), switches to the
 * charts and back (Ctrl+G), and exports a bundle (Ctrl+E, types a name,
 * Enter). Each step goes through what a key does in GTK: a shortcut
 * through the application's accelerators, Tab through the focus chain
 * (gtk_widget_child_focus(), what the Tab binding calls), Enter/Space
 * through the focused widget's activation, typing into the focused text.
 * Nothing calls the window's own functions to do the work.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "d8-application.h"
#include "d8-entry-dialog.h"
#include "d8-i18n.h"
#include "d8-store.h"
#include "d8-test-ui.h"
#include "d8-test-util.h"
#include "d8-window.h"

static GtkWidget *
focus_of (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* A key combination, e.g. "<Control>n": the action the application binds
 * it to, activated from the focused widget as GTK's shortcut does. */
static void
press_shortcut (GtkApplication *app, GtkWindow *window, const char *accel)
{
  g_auto (GStrv) actions = gtk_application_get_actions_for_accel (app, accel);
  GtkWidget *from = focus_of (window) ? focus_of (window) : GTK_WIDGET (window);
  g_autofree char *name = NULL;
  g_autoptr (GVariant) target = NULL;

  if (actions == NULL || actions[0] == NULL)
    g_error ("%s is bound to nothing", accel);
  g_assert_true (g_action_parse_detailed_name (actions[0], &name, &target, NULL));
  if (!gtk_widget_activate_action_variant (from, name, target))
    g_error ("%s: %s is not available from the focus", accel, name);
  d8_test_spin ();
}

/* Tab until @want says the focus is where it should be; FALSE when a
 * whole round of the window's focus chain does not get there. */
static gboolean
tab_until (GtkWindow *window, gboolean (*want) (GtkWidget *focus, gpointer data), gpointer data)
{
  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        {
          gtk_window_set_focus (window, NULL); /* wrapped round */
          continue;
        }
      d8_test_spin ();
      focus = focus_of (window);
      if (g_getenv ("D8_TEST_DEBUG_FOCUS"))
        {
          GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW) : NULL;
          g_printerr ("focus %s %s\n", focus ? G_OBJECT_TYPE_NAME (focus) : "-",
                      row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "");
        }
      if (focus != NULL && want (focus, data))
        return TRUE;
    }
  return FALSE;
}

/* Enter (or Space) on the focused widget. */
static void
press_enter (GtkWindow *window)
{
  GtkWidget *focus = focus_of (window);

  g_assert_nonnull (focus);
  /* A text field's Return binding emits its "activate" signal; other
   * widgets (buttons, list rows) bind Enter and Space to their class's
   * activate signal. */
  if (GTK_IS_TEXT (focus))
    g_signal_emit_by_name (focus, "activate");
  else if (!gtk_widget_activate (focus))
    g_error ("Enter on a %s does nothing", G_OBJECT_TYPE_NAME (focus));
  d8_test_spin ();
}

/* Types @text into the focused text field, character by character. */
static void
type_text (GtkWindow *window, const char *text)
{
  GtkWidget *focus = focus_of (window);
  int pos;

  g_assert_true (GTK_IS_EDITABLE (focus));
  pos = gtk_editable_get_position (GTK_EDITABLE (focus));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    gtk_editable_insert_text (GTK_EDITABLE (focus), p, (int) (g_utf8_next_char (p) - p), &pos);
  gtk_editable_set_position (GTK_EDITABLE (focus), pos);
  d8_test_spin ();
}

/* Whether the focus is the text of the AdwEntryRow whose title begins with
 * @data ("Amount (tổ)": the unit of count follows). */
static gboolean
in_row_titled (GtkWidget *focus, gpointer data)
{
  GtkWidget *row = gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);

  return row != NULL && GTK_IS_EDITABLE (focus)
         && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), data);
}

static gboolean
is_editable (GtkWidget *focus, gpointer data)
{
  return GTK_IS_EDITABLE (focus) && gtk_editable_get_editable (GTK_EDITABLE (focus));
}

static gint64
achieved (D8Store *store, const char *unit_code, const char *indicator)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (store, NULL, &error);
  g_autoptr (D8Overview) ov = NULL;
  int u;

  g_assert_no_error (error);
  ov = d8_store_compute_overview (store, plan->id, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ov->indicators->len; i++)
    if (g_strcmp0 (((D8Indicator *) ov->indicators->pdata[i])->code, indicator) == 0)
      for (u = 0; u < (int) ov->units->len; u++)
        if (g_strcmp0 (((D8Unit *) ov->units->pdata[u])->code, unit_code) == 0)
          return d8_overview_cell (ov, (guint) u, i)->achieved;
  g_error ("no cell %s × %s", unit_code, indicator);
}

static void
test_readme_tasks (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "keyboard.sqlite3", NULL);
  g_autofree char *bundle = g_build_filename (dir, "chu-puh-keyboard.duan8.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8Application) app = d8_application_new ();
  GtkStack *stack;
  D8Window *window;
  GtkWidget *dialog;
  gint64 before;

  g_assert_no_error (error);
  /* the office question is its own test; this office is the province */
  g_assert_true (d8_store_set_office (store, "province", &error));
  g_assert_no_error (error);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = d8_window_new (GTK_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), D8_TYPE_WINDOW,
                                                      "stack"));

  /* 1. choose a unit: Ctrl+F, "chu puh", Enter */
  press_shortcut (GTK_APPLICATION (app), GTK_WINDOW (window), "<Control>f");
  g_assert_true (is_editable (focus_of (GTK_WINDOW (window)), NULL));
  type_text (GTK_WINDOW (window), "chu puh");
  d8_test_spin_for (300);
  press_enter (GTK_WINDOW (window));
  d8_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpstr (d8_window_get_unit_code (window), ==, "gia-lai/chu-puh");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "unit");

  /* 2. record an entry: Ctrl+N, Tab to Amount, type 3, Enter */
  before = achieved (store, "gia-lai/chu-puh", "1");
  press_shortcut (GTK_APPLICATION (app), GTK_WINDOW (window), "<Control>n");
  dialog = d8_test_find_toplevel (D8_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  d8_test_wait_for_frame (dialog);
  if (!tab_until (GTK_WINDOW (dialog), in_row_titled, (gpointer) _("Amount")))
    g_error ("Tab never reaches the Amount field of the entry dialog");
  type_text (GTK_WINDOW (dialog), "3");
  press_enter (GTK_WINDOW (dialog));
  d8_test_spin_for (200);
  g_assert_null (d8_test_find_toplevel (D8_TYPE_ENTRY_DIALOG));
  g_assert_cmpint (achieved (store, "gia-lai/chu-puh", "1"), ==, before + 3);

  /* 3. the charts and back: Ctrl+G twice */
  press_shortcut (GTK_APPLICATION (app), GTK_WINDOW (window), "<Control>g");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "charts");
  press_shortcut (GTK_APPLICATION (app), GTK_WINDOW (window), "<Control>g");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "unit");

  /* 4. export a bundle: Ctrl+E, type the file's path, Enter */
  press_shortcut (GTK_APPLICATION (app), GTK_WINDOW (window), "<Control>e");
  dialog = d8_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (dialog);
  d8_test_wait_for_frame (dialog);
  if (!is_editable (focus_of (GTK_WINDOW (dialog)), NULL)
      && !tab_until (GTK_WINDOW (dialog), is_editable, NULL))
    g_error ("the save dialog has no name field the keyboard reaches");
  gtk_editable_select_region (GTK_EDITABLE (focus_of (GTK_WINDOW (dialog))), 0, -1);
  gtk_editable_delete_selection (GTK_EDITABLE (focus_of (GTK_WINDOW (dialog))));
  type_text (GTK_WINDOW (dialog), bundle);
  press_enter (GTK_WINDOW (dialog));
  for (guint i = 0; i < 50 && !g_file_test (bundle, G_FILE_TEST_EXISTS); i++)
    d8_test_spin_for (100);
  g_assert_true (g_file_test (bundle, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  d8_test_spin ();
  d8_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  d8_i18n_init (g_getenv ("D8_TEST_LANGUAGE"));
  d8_test_ui_init (&argc, &argv);

  g_test_add_func ("/keyboard/readme-tasks", test_readme_tasks);
  return g_test_run ();
}
