/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-plans.c — plans through the window (issue 12): the 2023
 * appendix as Excel saves it (CSV) imported through the preview dialog,
 * its rows and allocation check shown, applied in one transaction; the
 * 135-commune table previewed in a table that stays usable; the plan
 * chooser listing the plans newest first, switching the window and
 * remembered for the database; a plan file dropped on the window routed to
 * the plan preview; a refused file showing its message with the database
 * byte-identical; a plan exported and read back.
 *
 * Screenshots of the preview and the chooser, light and dark, go to
 * $D8_BUILD_ROOT/screenshots/plans-*.png. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "d8-i18n.h"
#include "d8-plan-chooser.h"
#include "d8-plan-export.h"
#include "d8-plan-import-dialog.h"
#include "d8-store.h"
#include "d8-test-ui.h"
#include "d8-test-util.h"
#include "d8-window.h"

typedef struct
{
  char *dir;
  char *db_path;
  D8Store *store;
  D8Window *window;
} Fixture;

static char *
fixture_path (const char *name)
{
  return d8_test_source_path ("tests", "data", "plans", name, NULL);
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = d8_test_tmpdir ();
  f->db_path = g_build_filename (f->dir, "duan8.sqlite3", NULL);
  f->store = d8_store_open (f->db_path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->window = d8_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  d8_test_spin ();
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  d8_test_spin ();
  g_clear_object (&f->store);
  d8_test_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static void
screenshots (GtkWidget  *widget,
             const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("plans-%s-light.png", name);
  g_autofree char *dark = g_strdup_printf ("plans-%s-dark.png", name);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  d8_test_spin_for (100);
  d8_test_save_screenshot (widget, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  d8_test_spin_for (100);
  d8_test_save_screenshot (widget, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
imported_cb (gint64 *out,
             gint64  plan_id)
{
  *out = plan_id;
}

static D8PlanImportDialog *
open_dialog (Fixture    *f,
             const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  D8PlanImportDialog *dialog = D8_PLAN_IMPORT_DIALOG (d8_window_open_file (f->window, file));

  g_assert_true (D8_IS_PLAN_IMPORT_DIALOG (dialog));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1000, 760);
  d8_test_spin ();
  return dialog;
}

/* The 2023 appendix as Excel saves it: previewed against the 2023 plan,
 * every row shown, the allocation check computed, then imported and
 * switched to. */
static void
test_import_csv (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  D8PlanImportDialog *dialog = open_dialog (f, "appendix-2023-excel.csv");
  const D8PlanPreview *pv;
  GtkWidget *table;
  GListModel *rows;
  g_autoptr (D8Plan) plan = NULL;
  gint64 imported = 0;
  gint64 old_plan = d8_window_get_plan_id (f->window);

  /* Without a document number the dialog asks for one, in its own words. */
  g_assert_null (d8_plan_import_dialog_get_preview (dialog));
  g_assert_nonnull (d8_plan_import_dialog_get_error (dialog));

  d8_plan_import_dialog_set_options (dialog, "1653/KH-UBND", "gl-2024", "12/KH-UBND",
                                     "Kế hoạch năm 2024", 2024);
  pv = d8_plan_import_dialog_get_preview (dialog);
  g_assert_nonnull (pv);
  g_assert_null (d8_plan_import_dialog_get_error (dialog));
  g_assert_cmpstr (pv->plan->code, ==, "gl-2024");
  g_assert_cmpuint (pv->rows->len, ==, 15);
  g_assert_cmpuint (pv->columns->len, ==, 9);
  g_assert_false (pv->is_revision);

  table = d8_plan_import_dialog_get_table (dialog);
  rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)));
  /* 15 units and the stated totals */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 16);
  /* TT, unit, status and one column per indicator */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (table))),
                    ==, 12);
  screenshots (GTK_WIDGET (dialog), "import-2023-csv");
  d8_plan_import_dialog_show_page (dialog, "plan");
  screenshots (GTK_WIDGET (dialog), "import-2023-csv-plan");
  d8_plan_import_dialog_show_page (dialog, "units");
  screenshots (GTK_WIDGET (dialog), "import-2023-csv-units");

  g_signal_connect_swapped (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (d8_plan_import_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  d8_test_spin ();
  g_assert_null (dialog);
  g_assert_cmpint (imported, >, 0);

  /* The window works on the plan just imported. */
  g_assert_cmpint (d8_window_get_plan_id (f->window), ==, imported);
  g_assert_cmpint (d8_window_get_plan_id (f->window), !=, old_plan);
  plan = d8_store_get_plan (f->store, imported, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->doc_number, ==, "12/KH-UBND");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "12/KH-UBND");
}

/* The 135 communes of 2026: a long table, scrolled, not laid out whole. */
static void
test_preview_135 (Fixture      *f,
                  gconstpointer data)
{
  D8PlanImportDialog *dialog = open_dialog (f, "appendix-2026-135.csv");
  const D8PlanPreview *pv;
  GtkWidget *table;
  gint64 imported = 0;
  g_autoptr (GError) error = NULL;

  d8_plan_import_dialog_set_options (dialog, NULL, "gia-lai-2026", "46/KH-UBND", NULL, 0);
  pv = d8_plan_import_dialog_get_preview (dialog);
  g_assert_nonnull (pv);
  g_assert_cmpuint (pv->rows->len, ==, 135);
  g_assert_cmpuint (pv->n_new_units, >=, 135);
  table = d8_plan_import_dialog_get_table (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                      gtk_column_view_get_model (GTK_COLUMN_VIEW (table)))),
                    >=, 135);
  screenshots (GTK_WIDGET (dialog), "import-2026-135");
  d8_plan_import_dialog_show_page (dialog, "notes");
  screenshots (GTK_WIDGET (dialog), "import-2026-135-warnings");
  /* The dialog stays on screen: it is not taller than the screen. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), <, 1000);

  g_signal_connect_swapped (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  g_assert_true (d8_plan_import_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  d8_test_spin ();
  g_assert_cmpint (d8_window_get_plan_id (f->window), ==, imported);
  g_assert_cmpuint (d8_window_get_overview (f->window)->units->len, ==, 135);
}

/* Two plans: newest first in the chooser; picking one switches the window
 * and a new window on the same database opens on it. */
static void
test_chooser (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture_path ("plan-2026-135.duan8-plan.json");
  g_autofree char *contents = NULL;
  gsize length = 0;
  D8PlanChooser *chooser = D8_PLAN_CHOOSER (d8_window_get_plan_chooser (f->window));
  gint64 plan_2026, plan_2023;
  D8Window *again;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  plan_2026 = d8_store_import_plan (f->store, contents, (gssize) length, path, &error);
  g_assert_no_error (error);
  d8_test_spin ();

  g_assert_cmpuint (d8_plan_chooser_get_n_plans (chooser), ==, 2);
  g_assert_cmpint (d8_plan_chooser_get_plan (chooser, 0)->year, ==, 2026);
  g_assert_cmpint (d8_plan_chooser_get_plan (chooser, 1)->year, ==, 2023);
  plan_2023 = d8_plan_chooser_get_plan (chooser, 1)->id;

  d8_window_set_plan (f->window, plan_2023);
  d8_test_spin ();
  g_assert_cmpint (d8_plan_chooser_get_plan_id (chooser), ==, plan_2023);
  g_assert_cmpuint (d8_window_get_overview (f->window)->units->len, ==, 15);

  /* As a person picks it. */
  d8_plan_chooser_select (chooser, 0);
  d8_test_spin ();
  g_assert_cmpint (d8_window_get_plan_id (f->window), ==, plan_2026);
  g_assert_cmpuint (d8_window_get_overview (f->window)->units->len, ==, 135);
  g_assert_cmpstr (d8_window_get_overview (f->window)->plan->doc_number, ==,
                   gtk_window_get_title (GTK_WINDOW (f->window)));

  d8_plan_chooser_popup (chooser);
  d8_test_spin_for (300);
  screenshots (GTK_WIDGET (f->window), "chooser");
  {
    GtkWidget *popover = d8_plan_chooser_get_popover (chooser);

    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_mapped (popover));
    screenshots (popover, "chooser-list");
    gtk_popover_popdown (GTK_POPOVER (popover));
  }

  /* Remembered for this database. */
  d8_window_set_plan (f->window, plan_2023);
  again = d8_window_new (NULL, f->store);
  g_assert_cmpint (d8_window_get_plan_id (again), ==, plan_2023);
  gtk_window_destroy (GTK_WINDOW (again));
  d8_window_set_plan (f->window, plan_2026);
  again = d8_window_new (NULL, f->store);
  g_assert_cmpint (d8_window_get_plan_id (again), ==, plan_2026);
  gtk_window_destroy (GTK_WINDOW (again));
  d8_test_spin ();
}

/* A plan file is routed to the plan preview; its code present, it offers a
 * revision. */
static void
test_revision (Fixture      *f,
               gconstpointer data)
{
  D8PlanImportDialog *dialog = open_dialog (f, "plan-2023-revised.duan8-plan.json");
  const D8PlanPreview *pv = d8_plan_import_dialog_get_preview (dialog);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (pv);
  g_assert_true (pv->is_revision);
  g_assert_cmpuint (pv->changes->len, >, 0);
  d8_plan_import_dialog_show_page (dialog, "notes");
  screenshots (GTK_WIDGET (dialog), "import-revision");
  g_assert_true (d8_plan_import_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  d8_test_spin ();
}

/* Refused files: the message names the problem; the database file does
 * not change by a byte. */
static void
test_refused (Fixture      *f,
              gconstpointer data)
{
  const char *bad[] = { "bad-cell-text.csv", "bad-negative-quota.json", "bad-truncated.xlsx",
                        "bad-fold-equal-units.json" };
  g_autofree char *before = d8_test_file_digest (f->db_path);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      D8PlanImportDialog *dialog = open_dialog (f, bad[i]);
      g_autoptr (GError) error = NULL;
      g_autofree char *after = NULL;

      if (g_str_has_suffix (bad[i], ".json"))
        {
          g_assert_null (d8_plan_import_dialog_get_preview (dialog));
        }
      else
        d8_plan_import_dialog_set_options (dialog, "1653/KH-UBND", "gl-bad", "1/KH", NULL, 2024);
      g_assert_null (d8_plan_import_dialog_get_preview (dialog));
      g_assert_nonnull (d8_plan_import_dialog_get_error (dialog));
      g_test_message ("%s: %s", bad[i], d8_plan_import_dialog_get_error (dialog));
      if (i == 0)
        {
          g_assert_nonnull (strstr (d8_plan_import_dialog_get_error (dialog), "ba"));
          screenshots (GTK_WIDGET (dialog), "refused");
        }
      g_assert_false (d8_plan_import_dialog_apply (dialog, &error));
      g_assert_nonnull (error);
      gtk_window_destroy (GTK_WINDOW (dialog));
      d8_test_spin ();
      after = d8_test_file_digest (f->db_path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* Pasted cells: the clipboard's tab-separated text. */
static void
test_paste (Fixture      *f,
            gconstpointer data)
{
  g_autofree char *path = fixture_path ("appendix-2023.tsv");
  g_autofree char *text = NULL;
  D8PlanImportDialog *dialog = d8_plan_import_dialog_new (GTK_WINDOW (f->window), f->store, NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  d8_plan_import_dialog_set_options (dialog, "1653/KH-UBND", "gl-paste", "7/KH", NULL, 2024);
  d8_plan_import_dialog_set_text (dialog, text);
  g_assert_nonnull (d8_plan_import_dialog_get_preview (dialog));
  g_assert_cmpuint (d8_plan_import_dialog_get_preview (dialog)->rows->len, ==, 15);
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  d8_i18n_init (g_getenv ("D8_TEST_LANGUAGE"));
  d8_test_ui_init (&argc, &argv);

  g_test_add ("/ui-plans/import-csv", Fixture, NULL, fixture_set_up, test_import_csv,
              fixture_tear_down);
  g_test_add ("/ui-plans/preview-135", Fixture, NULL, fixture_set_up, test_preview_135,
              fixture_tear_down);
  g_test_add ("/ui-plans/chooser", Fixture, NULL, fixture_set_up, test_chooser,
              fixture_tear_down);
  g_test_add ("/ui-plans/revision", Fixture, NULL, fixture_set_up, test_revision,
              fixture_tear_down);
  g_test_add ("/ui-plans/refused", Fixture, NULL, fixture_set_up, test_refused,
              fixture_tear_down);
  g_test_add ("/ui-plans/paste", Fixture, NULL, fixture_set_up, test_paste, fixture_tear_down);
  return g_test_run ();
}
