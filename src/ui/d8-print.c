/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-print.c — the meeting pack through GtkPrintOperation.
 *
 * The pack is drawn by the chart layer page by page in points (A4 landscape,
 * 842 × 595); here each page is scaled to the page the user chose, using the
 * full page so the pack's own margins apply. Page setup and print settings
 * are stored as a{sv} in GSettings ("page-setup", "print-settings").
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-chart-export.h"
#include "d8-chart-pack.h"
#include "d8-format.h"
#include "d8-print.h"

typedef struct
{
  D8ChartPack *pack;
} PrintData;

GtkPageSetup *
d8_print_load_page_setup (GSettings *settings)
{
  GtkPageSetup *setup = NULL;

  if (settings != NULL)
    {
      g_autoptr (GVariant) v = g_settings_get_value (settings, "page-setup");

      if (g_variant_n_children (v) > 0)
        setup = gtk_page_setup_new_from_gvariant (v);
    }
  if (setup == NULL)
    {
      g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (setup, a4);
      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
    }
  return setup;
}

static GtkPrintSettings *
load_print_settings (GSettings *settings)
{
  if (settings != NULL)
    {
      g_autoptr (GVariant) v = g_settings_get_value (settings, "print-settings");

      if (g_variant_n_children (v) > 0)
        return gtk_print_settings_new_from_gvariant (v);
    }
  return gtk_print_settings_new ();
}

static void
begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, PrintData *data)
{
  gtk_print_operation_set_n_pages (operation, (int) d8_chart_pack_get_n_pages (data->pack));
}

static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr,
              PrintData *data)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_w = D8_CHART_A4_LANDSCAPE_WIDTH, page_h = D8_CHART_A4_LANDSCAPE_HEIGHT;
  double scale;

  /* A portrait page gets a portrait layout of the same size. */
  if (height > width)
    page_w = D8_CHART_A4_LANDSCAPE_HEIGHT, page_h = D8_CHART_A4_LANDSCAPE_WIDTH;
  scale = MIN (width / page_w, height / page_h);
  cairo_save (cr);
  cairo_translate (cr, (width - page_w * scale) / 2, (height - page_h * scale) / 2);
  cairo_scale (cr, scale, scale);
  d8_chart_pack_draw_page (data->pack, (guint) page_nr, cr, page_w, page_h);
  cairo_restore (cr);
}

GtkPrintOperationResult
d8_print_pack (GtkWindow *parent, GSettings *settings, D8Overview *overview, const char *office,
               GtkPrintOperationAction action, const char *export_path, GError **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = d8_print_load_page_setup (settings);
  g_autoptr (GtkPrintSettings) print_settings = load_print_settings (settings);
  g_autofree char *job = NULL;
  PrintData data = { NULL };
  GtkPrintOperationResult result;

  g_return_val_if_fail (overview != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  data.pack = d8_chart_pack_new (overview, office);
  /* Translators: the print job's name: the plan's number and the as-of date */
  {
    g_autofree char *as_of = d8_format_date (overview->as_of);
    job = g_strdup_printf (_("Project 8 — %s — %s"), overview->plan->doc_number, as_of);
  }
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_print_settings (operation, print_settings);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), &data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), &data);

  result = gtk_print_operation_run (operation, action, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && settings != NULL)
    {
      GtkPrintSettings *used = gtk_print_operation_get_print_settings (operation);
      GtkPageSetup *page = gtk_print_operation_get_default_page_setup (operation);

      if (used != NULL)
        g_settings_set_value (settings, "print-settings", gtk_print_settings_to_gvariant (used));
      if (page != NULL)
        g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (page));
    }
  d8_chart_pack_free (data.pack);
  return result;
}

static void
page_setup_done_cb (GtkPageSetup *setup, gpointer user_data)
{
  g_autoptr (GSettings) settings = user_data;

  if (setup != NULL && settings != NULL)
    g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (setup));
}

void
d8_print_page_setup (GtkWindow *parent, GSettings *settings)
{
  g_autoptr (GtkPageSetup) setup = d8_print_load_page_setup (settings);
  g_autoptr (GtkPrintSettings) print_settings = load_print_settings (settings);

  gtk_print_run_page_setup_dialog_async (parent, setup, print_settings, page_setup_done_cb,
                                         settings ? g_object_ref (settings) : NULL);
}
