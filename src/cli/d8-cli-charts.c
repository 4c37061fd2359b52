/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-cli-charts.c — duan8-cli render and print-pack: the app's charts and
 * its meeting pack, drawn by the same chart layer, into files. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "d8-chart-export.h"
#include "d8-chart-kind.h"
#include "d8-chart-model.h"
#include "d8-chart-pack.h"
#include "d8-rollup.h"
#include "d8-cli-private.h"
#include "d8-error.h"

/* A positive size in points (1…14400, as cairo's PDF limit) or DPI. */
static gboolean
parse_size (Cli *cli, const char *name, double max, double *out, GError **error)
{
  const char *text = d8_cli_option_value (cli, name);
  char *end = NULL;
  double value;

  if (text == NULL)
    return TRUE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value) || value < 1 || value > max)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   /* Translators: an option, the value given, the largest allowed */
                   _("--%s: “%s” is not a number from 1 to %g"), name, text, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static D8Overview *
overview_for (Cli *cli, D8Plan **plan_out, GError **error)
{
  g_autofree char *as_of = NULL;
  D8Plan *plan;
  D8Overview *ov;

  if (d8_cli_option_value (cli, "as-of") != NULL
      && (as_of = d8_cli_parse_date_option (cli, "as-of", error)) == NULL)
    return NULL;
  if ((plan = d8_cli_open_plan (cli, error)) == NULL)
    return NULL;
  ov = d8_store_compute_overview (cli->store, plan->id, as_of, error);
  if (ov == NULL)
    {
      d8_plan_free (plan);
      return NULL;
    }
  *plan_out = plan;
  return ov;
}

static int
find_indicator (D8Overview *ov, gint64 id)
{
  for (guint i = 0; i < ov->indicators->len; i++)
    if (((const D8Indicator *) ov->indicators->pdata[i])->id == id)
      return (int) i;
  return -1;
}

gboolean
d8_cli_cmd_render (Cli *cli, GError **error)
{
  const char *chart = d8_cli_option_value (cli, "chart");
  const char *out = d8_cli_option_value (cli, "out");
  const char *unit_ref = d8_cli_option_value (cli, "unit");
  const char *indicator_ref = d8_cli_option_value (cli, "indicator");
  double width = D8_CHART_A4_LANDSCAPE_WIDTH, height = D8_CHART_A4_LANDSCAPE_HEIGHT, dpi = 96;
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Overview) ov = NULL;
  g_autoptr (D8Unit) unit = NULL;
  g_autoptr (D8Indicator) indicator = NULL;
  g_autoptr (D8ChartModel) model = NULL;
  const D8ChartKindInfo *kind;
  int unit_index = -1, indicator_index = -1;

  if (!d8_cli_require_option (cli, "chart", error) || !d8_cli_require_option (cli, "out", error))
    return FALSE;
  if ((kind = d8_chart_kind_lookup (chart)) == NULL)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("--chart: “%s” is not a chart; use unit, matrix, indicator or timeline"),
                   chart);
      return FALSE;
    }
  if (d8_chart_format_from_path (out) == D8_CHART_FORMAT_UNKNOWN)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("Cannot write “%s”: the name must end in .png, .svg or .pdf"), out);
      return FALSE;
    }
  if (!d8_cli_check_out (cli, out, error))
    return FALSE;
  if ((d8_cli_option_value (cli, "width") != NULL) != (d8_cli_option_value (cli, "height") != NULL))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("render: give --width and --height together"));
      return FALSE;
    }
  if (!parse_size (cli, "width", 14400, &width, error)
      || !parse_size (cli, "height", 14400, &height, error)
      || !parse_size (cli, "dpi", 1200, &dpi, error))
    return FALSE;
  if (kind->unit == D8_CHART_NEED_ONE && unit_ref == NULL)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   /* Translators: %s is a chart kind of --chart, e.g. "unit" */
                   _("render: the %s chart needs --unit"), kind->name);
      return FALSE;
    }
  if (kind->indicator == D8_CHART_NEED_ONE && indicator_ref == NULL)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   /* Translators: %s is a chart kind of --chart, e.g. "indicator" */
                   _("render: the %s chart needs --indicator"), kind->name);
      return FALSE;
    }

  if ((ov = overview_for (cli, &plan, error)) == NULL)
    return FALSE;
  if (unit_ref != NULL)
    {
      if ((unit = d8_cli_resolve_unit (cli, plan, unit_ref, error)) == NULL)
        return FALSE;
      unit_index = d8_overview_find_unit (ov, unit->id);
    }
  if (indicator_ref != NULL)
    {
      if ((indicator = d8_cli_resolve_indicator (cli, plan, indicator_ref, error)) == NULL)
        return FALSE;
      indicator_index = find_indicator (ov, indicator->id);
    }

  model = d8_chart_kind_new_model (kind, cli->store, ov, unit_index, indicator_index, error);
  if (model == NULL)
    return FALSE;
  return d8_chart_render_to_file (model, NULL, out, width, height, dpi, error);
}

gboolean
d8_cli_cmd_print_pack (Cli *cli, GError **error)
{
  const char *out = d8_cli_option_value (cli, "out");
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Overview) ov = NULL;
  g_autoptr (D8ChartPack) pack = NULL;
  g_autoptr (GArray) unit_pages = NULL;
  g_autofree char *office = NULL;
  const char *units = d8_cli_option_value (cli, "units");
  D8Rollup *rollup;

  if (!d8_cli_require_option (cli, "out", error))
    return FALSE;
  if (d8_chart_format_from_path (out) != D8_CHART_FORMAT_PDF)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("print-pack: “%s” must end in .pdf"), out);
      return FALSE;
    }
  if (!d8_cli_check_out (cli, out, error))
    return FALSE;
  if ((ov = overview_for (cli, &plan, error)) == NULL)
    return FALSE;
  office = d8_store_describe_office (cli->store);
  if ((rollup = d8_store_compute_rollup (cli->store, ov, error)) == NULL)
    return FALSE;
  if (units != NULL
      && (unit_pages = d8_chart_pack_select_units (ov, rollup, units, error)) == NULL)
    {
      d8_rollup_free (rollup);
      return FALSE;
    }
  /* the pack takes the roll-up */
  pack = d8_chart_pack_new_full (ov, rollup, office, unit_pages);
  if (!d8_chart_pack_write_pdf (pack, out, error))
    return FALSE;
  g_print (ngettext ("Wrote %s: %u page.\n", "Wrote %s: %u pages.\n",
                     d8_chart_pack_get_n_pages (pack)),
           out, d8_chart_pack_get_n_pages (pack));
  return TRUE;
}
