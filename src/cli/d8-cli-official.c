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
