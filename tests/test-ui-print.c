/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-print.c — printing the meeting pack through GtkPrintOperation
 * (exported to a PDF under Xvfb: 2 + 15 A4 landscape pages with the units'
 * names intact) and the page setup remembered in GSettings. The pages are
 * left as PNGs in <build>/print/ to look at. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "d8-print.h"
#include "d8-store.h"
#include "d8-test-ui.h"
#include "d8-test-util.h"

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  g_assert_nonnull (schema);
  return g_settings_new_full (schema, NULL, NULL);
}

static void
test_print_export (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "p.sqlite3", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Overview) ov = NULL;
  g_autoptr (GSettings) settings = new_settings ();
  g_autofree char *info = NULL, *text = NULL;
  GtkPrintOperationResult result;

  g_assert_no_error (error);
  plan = d8_store_resolve_plan (store, NULL, &error);
  g_assert_no_error (error);
  ov = d8_store_compute_overview (store, plan->id, "2023-06-30", &error);
  g_assert_no_error (error);

  result = d8_print_pack (NULL, settings, ov, "Văn phòng Hội LHPN tỉnh",
                          GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  info = d8_test_run ("pdfinfo", "-f", "1", "-l", "17", pdf, NULL);
  g_assert_nonnull (strstr (info, "Pages:           17"));
  /* every page A4 landscape, within a point */
  for (int p = 1; p <= 17; p++)
    {
      g_autofree char *key = g_strdup_printf ("Page %4d size: ", p);
      const char *at = strstr (info, key);
      double w, h;

      g_assert_nonnull (at);
      g_assert_cmpint (sscanf (at + strlen (key), "%lf x %lf", &w, &h), ==, 2);
      g_assert_cmpfloat_with_epsilon (w, 841.89, 1.0);
      g_assert_cmpfloat_with_epsilon (h, 595.28, 1.0);
    }
  text = d8_test_run ("pdftotext", pdf, "-", NULL);
  g_assert_nonnull (strstr (text, "Chư Pưh"));
  g_assert_nonnull (strstr (text, "Đak Đoa"));
  g_assert_nonnull (strstr (text, "Văn phòng Hội LHPN tỉnh"));

  {
    const char *build = g_getenv ("D8_BUILD_ROOT");
    if (build != NULL)
      {
        g_autofree char *out_dir = g_build_filename (build, "print", NULL);
        g_autofree char *prefix = g_build_filename (out_dir, "print-operation", NULL);
        g_autofree char *o = NULL;

        g_mkdir_with_parents (out_dir, 0755);
        o = d8_test_run ("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "3", pdf, prefix, NULL);
      }
  }
  d8_test_rmtree (dir);
}

static void
test_page_setup_remembered (void)
{
  g_autoptr (GSettings) settings = new_settings ();
  g_autoptr (GtkPageSetup) def = d8_print_load_page_setup (settings);
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a3 = gtk_paper_size_new (GTK_PAPER_NAME_A3);
  g_autoptr (GtkPageSetup) back = NULL;

  /* nothing remembered yet: A4 landscape */
  g_assert_cmpint (gtk_page_setup_get_orientation (def), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (def)), ==,
                   GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a3);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (setup));
  back = d8_print_load_page_setup (settings);
  g_assert_cmpint (gtk_page_setup_get_orientation (back), ==, GTK_PAGE_ORIENTATION_PORTRAIT);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (back)), ==,
                   GTK_PAPER_NAME_A3);
  g_settings_reset (settings, "page-setup");
}

int
main (int argc, char **argv)
{
  d8_test_ui_init (&argc, &argv);
  g_test_add_func ("/print/page-setup-remembered", test_page_setup_remembered);
  g_test_add_func ("/print/export-pdf", test_print_export);
  return g_test_run ();
}
