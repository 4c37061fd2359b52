/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-print.c — the meeting pack through GtkPrintOperation.
 *
 * The pack is drawn by the chart layer page by page in points (A4 landscape,
 * 842 × 595); here each page is scaled to the page the user chose, using the
 * full page so the pack's own margins apply. Page setup and print settings
 * are stored as a{sv} in GSettings ("page-setup", "print-settings"). The
 * dialog has a "Meeting pack" tab: which units get a page of their own.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-chart-export.h"
#include "d8-chart-pack.h"
#include "d8-format.h"
#include "d8-print.h"
#include "d8-rollup.h"

typedef struct
{
  D8ChartPack *pack;
  D8Overview *overview;
  D8Rollup *rollup;  /* owned until the pack takes it */
  const char *office;
  char *units;       /* the unit pages: "all", "behind", "none", a group; NULL: default */
  GtkDropDown *choice; /* the dialog's own tab */
  GPtrArray *choices;  /* char*: the units spec of each entry of the drop-down */
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

/* The pack, made when printing begins: the dialog's tab may have changed
 * which units get a page. */
static void
make_pack (PrintData *data)
{
  g_autoptr (GArray) unit_pages = NULL;

  if (data->pack != NULL)
    return;
  if (data->units != NULL)
    unit_pages = d8_chart_pack_select_units (data->overview, data->rollup, data->units, NULL);
  data->pack = d8_chart_pack_new_full (data->overview, g_steal_pointer (&data->rollup), data->office,
                                       unit_pages);
}

static void
begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, PrintData *data)
{
  make_pack (data);
  gtk_print_operation_set_n_pages (operation, (int) d8_chart_pack_get_n_pages (data->pack));
}

/* The dialog's "Meeting pack" tab: which units get a page of their own. */
static GObject *
create_custom_widget_cb (GtkPrintOperation *operation, PrintData *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (_("Pages of their own for"));
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  data->choices = g_ptr_array_new_with_free_func (g_free);
  /* Translators: choices in the print dialog: which units get a page */
  gtk_string_list_append (names, data->overview->units->len <= 30 ? _("Every unit")
                                                                  : _("No unit"));
  g_ptr_array_add (data->choices, NULL);
  gtk_string_list_append (names, _("The units behind"));
  g_ptr_array_add (data->choices, g_strdup ("behind"));
  gtk_string_list_append (names, data->overview->units->len <= 30 ? _("No unit") : _("Every unit"));
  g_ptr_array_add (data->choices, g_strdup (data->overview->units->len <= 30 ? "none" : "all"));
  for (guint g = 0; data->rollup != NULL && d8_rollup_is_grouped (data->rollup)
                    && g < data->rollup->groups->len; g++)
    {
      const D8RollupGroup *group = data->rollup->groups->pdata[g];
      /* Translators: a choice in the print dialog: the units of one parent group */
      g_autofree char *name = g_strdup_printf (_("The units of %s"), d8_rollup_group_label (group));

      gtk_string_list_append (names, name);
      g_ptr_array_add (data->choices, g_strdup (group->code ? group->code
                                                            : d8_rollup_group_label (group)));
    }
  for (guint i = 0; i < data->choices->len; i++)
    if (g_strcmp0 (data->choices->pdata[i], data->units) == 0)
      selected = i;

  data->choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_drop_down_set_selected (data->choice, selected);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->choice));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (data->choice), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  return G_OBJECT (box);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation, GtkWidget *widget, PrintData *data)
{
  guint selected = gtk_drop_down_get_selected (data->choice);

  if (selected < data->choices->len)
    {
      g_free (data->units);
      data->units = g_strdup (data->choices->pdata[selected]);
    }
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
  return d8_print_pack_full (parent, settings, overview, NULL, office, NULL, action, export_path,
                             error);
}

/**
 * d8_print_pack_full:
 * @parent: (nullable): the window the dialog belongs to
 * @settings: (nullable): where page setup and print settings are remembered
 * @overview: the figures
 * @rollup: (nullable) (transfer full): the units grouped by parent
 * @office: (nullable): the office named on the cover
 * @units: (nullable): the unit pages ("all", "behind", "none", a parent
 *   group's code or name, a list), as d8_chart_pack_select_units() reads
 *   it; NULL for the default. The dialog's "Meeting pack" tab can change it.
 * @action: PRINT_DIALOG for the user, EXPORT with @export_path to write a PDF
 * @export_path: (nullable): the PDF to write with EXPORT
 * @error: (out) (optional): what GtkPrintOperation reports
 *
 * Returns: the print operation's result.
 */
GtkPrintOperationResult
d8_print_pack_full (GtkWindow *parent, GSettings *settings, D8Overview *overview, D8Rollup *rollup,
                    const char *office, const char *units, GtkPrintOperationAction action,
                    const char *export_path, GError **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = d8_print_load_page_setup (settings);
  g_autoptr (GtkPrintSettings) print_settings = load_print_settings (settings);
  g_autofree char *job = NULL;
  PrintData data = { NULL };
  GtkPrintOperationResult result;

  g_return_val_if_fail (overview != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  data.overview = overview;
  data.rollup = rollup;
  data.office = office;
  data.units = g_strdup (units);
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
  if (action == GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG)
    {
      /* Translators: the print dialog's tab of the pack's contents */
      gtk_print_operation_set_custom_tab_label (operation, _("Meeting pack"));
      g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb),
                        &data);
      g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb),
                        &data);
    }

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
  d8_rollup_free (data.rollup);
  g_free (data.units);
  g_clear_pointer (&data.choices, g_ptr_array_unref);
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
