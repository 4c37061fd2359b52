/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-cli-official.c — `report`: the province's report to the People's
 * Committee for a reporting period, as PDF (d8-report-pdf.h), DOCX or
 * XLSX (d8-official-report.h). The signer and the issuing body come from
 * the settings the window's Preferences edit (the store's meta table).
 * See docs/cli.md. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-cli-private.h"
#include "d8-official-report.h"
#include "d8-report-pdf.h"

typedef enum
{
  OUT_PDF,
  OUT_DOCX,
  OUT_XLSX,
} OutKind;

static gboolean
out_kind_for (const char *path, OutKind *kind)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    *kind = OUT_PDF;
  else if (g_str_has_suffix (lower, ".docx"))
    *kind = OUT_DOCX;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *kind = OUT_XLSX;
  else
    return FALSE;
  return TRUE;
}

gboolean
d8_cli_cmd_report (Cli *cli, GError **error)
{
  const char *out = d8_cli_option_value (cli, "out");
  const char *period = d8_cli_option_value (cli, "period");
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8OfficialReport) report = NULL;
  OutKind kind;
  guint n_pages = 0;

  if (!d8_cli_require_option (cli, "period", error) || !d8_cli_require_option (cli, "out", error))
    return FALSE;
  if (!out_kind_for (out, &kind))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("report: “%s” must end in .pdf, .docx or .xlsx"), out);
      return FALSE;
    }
  if (!d8_cli_check_out (cli, out, error))
    return FALSE;
  if ((plan = d8_cli_open_plan (cli, error)) == NULL
      || (report = d8_store_official_report (cli->store, plan->id, period, error)) == NULL)
    return FALSE;
  switch (kind)
    {
    case OUT_PDF:
      if (!d8_report_pdf_write (report, out, &n_pages, error))
        return FALSE;
      g_print (ngettext ("Wrote %s: %u page.\n", "Wrote %s: %u pages.\n", n_pages), out,
               n_pages);
      return TRUE;
    case OUT_DOCX:
      if (!d8_official_report_write_docx (report, out, error))
        return FALSE;
      break;
    case OUT_XLSX:
      if (!d8_official_report_write_xlsx (report, out, error))
        return FALSE;
      break;
    default:
      g_assert_not_reached ();
    }
  g_print (_("Wrote %s.\n"), out);
  return TRUE;
}

/* The options of report-settings and the fields they set, in the order of
 * D8ReportSettings. */
static char **
settings_field (D8ReportSettings *settings, const char *option)
{
  if (g_str_equal (option, "superior-body"))
    return &settings->issuer_parent;
  if (g_str_equal (option, "issuing-body"))
    return &settings->issuer;
  if (g_str_equal (option, "symbol"))
    return &settings->symbol;
  if (g_str_equal (option, "report-place"))
    return &settings->place;
  if (g_str_equal (option, "signer-capacity"))
    return &settings->signer_capacity;
  if (g_str_equal (option, "signer-title"))
    return &settings->signer_title;
  if (g_str_equal (option, "signer-name"))
    return &settings->signer_name;
  g_return_val_if_reached (NULL);
}

gboolean
d8_cli_cmd_report_settings (Cli *cli, GError **error)
{
  static const char *const options[] = { "superior-body", "issuing-body", "symbol",
                                         "report-place",  "signer-capacity", "signer-title",
                                         "signer-name" };
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8ReportSettings) settings = NULL;
  g_autoptr (D8CliReport) report = NULL;
  gboolean changed = FALSE;

  /* Only the fields given change; the others keep following their
   * defaults (which depend on the plan and the language). */
  if ((plan = d8_cli_open_plan (cli, error)) == NULL
      || (settings = d8_store_get_report_settings_stored (cli->store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      const char *value = d8_cli_option_value (cli, options[i]);
      char **field = settings_field (settings, options[i]);

      if (value == NULL)
        continue;
      g_free (*field);
      *field = g_strdup (value);
      changed = TRUE;
    }
  if (d8_cli_option_value (cli, "recipients") != NULL)
    {
      g_autofree char *text = NULL;
      const char *path = d8_cli_option_value (cli, "recipients");

      if (!g_file_get_contents (path, &text, NULL, error))
        return FALSE;
      g_free (settings->recipients);
      settings->recipients = g_steal_pointer (&text);
      changed = TRUE;
    }
  if (changed && !d8_store_set_report_settings (cli->store, settings, error))
    return FALSE;
  g_clear_pointer (&settings, d8_report_settings_free);
  if ((settings = d8_store_get_report_settings (cli->store, plan->id, error)) == NULL)
    return FALSE;
  report = d8_cli_report_for_plan (plan);
  d8_cli_report_add_text_field (report, "superior_body", N_("Superior body"), D8_CLI_TEXT,
                                settings->issuer_parent);
  d8_cli_report_add_text_field (report, "issuing_body", N_("Issuing body"), D8_CLI_TEXT,
                                settings->issuer);
  d8_cli_report_add_text_field (report, "symbol", N_("Document symbol"), D8_CLI_TEXT,
                                settings->symbol);
  d8_cli_report_add_text_field (report, "place", N_("Place"), D8_CLI_TEXT, settings->place);
  d8_cli_report_add_text_field (report, "signer_capacity", N_("Signing capacity"), D8_CLI_TEXT,
                                settings->signer_capacity);
  d8_cli_report_add_text_field (report, "signer_title", N_("Signer’s title"), D8_CLI_TEXT,
                                settings->signer_title);
  d8_cli_report_add_text_field (report, "signer_name", N_("Signer’s name"), D8_CLI_TEXT,
                                settings->signer_name);
  d8_cli_report_add_text_field (report, "recipients", N_("Recipients"), D8_CLI_TEXT,
                                settings->recipients);
  d8_cli_write_report (cli, report);
  return TRUE;
}
