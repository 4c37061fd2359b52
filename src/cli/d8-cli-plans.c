/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-cli-plans.c — duan8-cli's plan commands: import-plan (a plan file or
 * the appendix as CSV/TSV/XLSX, always previewed; --dry-run writes
 * nothing), export-plan (plan file, CSV or XLSX) and plan-history (the
 * revisions of a plan and the quotas each changed). See docs/cli.md. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "d8-cli-private.h"
#include "d8-plan-draft.h"
#include "d8-cli-report.h"
#include "d8-error.h"
#include "d8-format.h"
#include "d8-plan-export.h"
#include "d8-plan-import.h"

static const D8CliColumn unit_columns[] = {
  /* Translators: the row number of the plan's appendix (Vietnamese "TT") */
  { "tt", N_("No."), D8_CLI_INT },
  { "code", N_("Code"), D8_CLI_TEXT },
  { "name", N_("Name"), D8_CLI_TEXT },
  { "kind", N_("Kind"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "level", N_("Level"), D8_CLI_TEXT, D8_CLI_COLUMN_KEYWORD },
  { "parent", N_("Parent"), D8_CLI_TEXT },
  { "valid_from", N_("Valid from"), D8_CLI_DATE, D8_CLI_COLUMN_NO_TABLE },
  { "valid_to", N_("Valid to"), D8_CLI_DATE, D8_CLI_COLUMN_NO_TABLE },
  { "status", N_("In the database"), D8_CLI_TEXT },
};

static const D8CliColumn allocation_columns[] = {
  { "indicator", N_("Indicator"), D8_CLI_TEXT },
  { "stated", N_("Stated total"), D8_CLI_INT },
  { "allocated", N_("Allocated"), D8_CLI_INT },
  { "difference", N_("Difference"), D8_CLI_INT },
};

static const D8CliColumn change_columns[] = {
  { "unit", N_("Unit"), D8_CLI_TEXT },
  { "unit_code", N_("Unit code"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "indicator", N_("Indicator"), D8_CLI_TEXT },
  { "old", N_("Before"), D8_CLI_TEXT },
  { "new", N_("After"), D8_CLI_TEXT },
};

static const char *
status_label (D8PlanUnitStatus status)
{
  switch (status)
    {
    case D8_PLAN_UNIT_NEW:
      /* Translators: a unit of an imported plan that the database does not hold yet */
      return _("new");
    case D8_PLAN_UNIT_KNOWN:
      /* Translators: a unit of an imported plan that the database already holds */
      return _("known");
    case D8_PLAN_UNIT_CHANGED:
      /* Translators: a unit the database holds under another name, level or parent */
      return _("changed");
    default:
      return "";
    }
}

/* The appendix as the preview shows it: TT, the unit, one column per
 * indicator (its code as header), the cell as written. */
static D8CliTable *
appendix_table (const D8PlanPreview *p)
{
  g_autoptr (GArray) columns = g_array_new (FALSE, TRUE, sizeof (D8CliColumn));
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  D8CliColumn tt = { "tt", N_("No."), D8_CLI_INT, 0 };
  D8CliColumn unit = { "unit", N_("Unit"), D8_CLI_TEXT, 0 };
  D8CliTable *table;

  g_array_append_val (columns, tt);
  g_array_append_val (columns, unit);
  for (guint c = 0; c < p->columns->len; c++)
    {
      D8CliColumn col = { p->columns->pdata[c], p->columns->pdata[c], D8_CLI_TEXT,
                          D8_CLI_COLUMN_VERBATIM };
      g_array_append_val (columns, col);
    }
  for (guint i = 0; i < p->units->len; i++)
    {
      const D8PlanPreviewUnit *u = p->units->pdata[i];
      g_hash_table_insert (names, u->code, u->name);
    }
  table = d8_cli_table_new ("appendix", _("Appendix"), (D8CliColumn *) (void *) columns->data,
                            columns->len);
  for (guint r = 0; r < p->rows->len; r++)
    {
      const D8PlanFileRow *row = p->rows->pdata[r];
      d8_cli_table_add_row (table);
      d8_cli_table_set_int (table, "tt", row->tt);
      d8_cli_table_set_text (table, "unit", g_hash_table_lookup (names, row->unit));
      for (guint c = 0; c < p->columns->len; c++)
        d8_cli_table_set_text (table, p->columns->pdata[c], row->written[c]);
    }
  if (p->target_label != NULL)
    {
      d8_cli_table_add_row (table);
      d8_cli_table_set_text (table, "unit", p->target_label);
      for (guint c = 0; c < p->columns->len; c++)
        {
          const D8PlanAllocation *a = p->allocation->pdata[c];
          if (a->has_stated)
            {
              g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, a->stated);
              d8_cli_table_set_text (table, p->columns->pdata[c], text);
            }
        }
    }
  return table;
}

static void
print_preview (Cli *cli, const D8PlanPreview *p, gboolean dry_run)
{
  g_autoptr (D8CliReport) report = d8_cli_report_new ();
  D8CliTable *units, *allocation;
  g_autofree char *counts = NULL;
  g_autofree char *period = NULL;
  g_autofree char *start = d8_format_date (p->plan->period_start);
  g_autofree char *end = d8_format_date (p->plan->period_end);
  g_autofree char *year = g_strdup_printf ("%d", p->plan->year);

  period = g_strdup_printf ("%s – %s", start, end);
  d8_cli_report_add_text_field (report, "title", N_("Title"), D8_CLI_TEXT, p->plan->title);
  d8_cli_report_add_text_field (report, "document_number", N_("Number"), D8_CLI_TEXT,
                                p->plan->doc_number);
  d8_cli_report_add_text_field (report, "code", N_("Code"), D8_CLI_TEXT, p->plan->code);
  if (p->plan->issuer != NULL)
    d8_cli_report_add_text_field (report, "issuer", N_("Issuer"), D8_CLI_TEXT, p->plan->issuer);
  if (p->plan->issued_on != NULL)
    d8_cli_report_add_text_field (report, "issued_on", N_("Issued on"), D8_CLI_DATE,
                                  p->plan->issued_on);
  d8_cli_report_add_text_field (report, "year", N_("Year"), D8_CLI_TEXT, year);
  d8_cli_report_add_text_field (report, "period", N_("Period"), D8_CLI_TEXT, period);
  d8_cli_report_add_text_field (report, "source", N_("Source"), D8_CLI_TEXT, p->source_detail);
  if (p->is_revision)
    d8_cli_report_add_text_field (report, "revises", N_("Revises"), D8_CLI_TEXT,
                                  p->revises_doc_number);
  counts = g_strdup_printf (_("%u new, %u known, %u changed"), p->n_new_units, p->n_known_units,
                            p->n_changed_units);
  d8_cli_report_add_text_field (report, "units", N_("Units"), D8_CLI_TEXT, counts);

  units = d8_cli_table_new ("units", _("Units"), unit_columns, G_N_ELEMENTS (unit_columns));
  for (guint i = 0; i < p->units->len; i++)
    {
      const D8PlanPreviewUnit *u = p->units->pdata[i];
      g_autofree char *status = u->change ? g_strdup_printf ("%s (%s)", status_label (u->status),
                                                             u->change)
                                          : g_strdup (status_label (u->status));
      d8_cli_table_add_row (units);
      if (u->tt > 0)
        d8_cli_table_set_int (units, "tt", u->tt);
      d8_cli_table_set_text (units, "code", u->code);
      d8_cli_table_set_text (units, "name", u->name);
      d8_cli_table_set_text (units, "kind", u->kind);
      d8_cli_table_set_text (units, "level", u->level);
      d8_cli_table_set_text (units, "parent", u->parent);
      d8_cli_table_set_text (units, "valid_from", u->valid_from);
      d8_cli_table_set_text (units, "valid_to", u->valid_to);
      d8_cli_table_set_text (units, "status", status);
    }
  d8_cli_report_add_table (report, units);
  d8_cli_report_add_table (report, appendix_table (p));
  allocation = d8_cli_table_new ("allocation", _("Allocation check"), allocation_columns,
                                 G_N_ELEMENTS (allocation_columns));
  for (guint i = 0; i < p->allocation->len; i++)
    {
      const D8PlanAllocation *a = p->allocation->pdata[i];
      d8_cli_table_add_row (allocation);
      d8_cli_table_set_text (allocation, "indicator", a->indicator);
      if (a->has_stated)
        {
          d8_cli_table_set_int (allocation, "stated", a->stated);
          d8_cli_table_set_int (allocation, "difference", a->difference);
        }
      d8_cli_table_set_int (allocation, "allocated", a->allocated);
    }
  d8_cli_report_add_table (report, allocation);
  if (p->is_revision)
    {
      D8CliTable *changes = d8_cli_table_new ("changes", _("Changed quotas"), change_columns,
                                              G_N_ELEMENTS (change_columns));
      for (guint i = 0; i < p->changes->len; i++)
        {
          const D8PlanQuotaChange *c = p->changes->pdata[i];
          d8_cli_table_add_row (changes);
          d8_cli_table_set_text (changes, "unit", c->unit_name);
          d8_cli_table_set_text (changes, "unit_code", c->unit);
          d8_cli_table_set_text (changes, "indicator", c->indicator);
          d8_cli_table_set_text (changes, "old", c->old_written);
          d8_cli_table_set_text (changes, "new", c->new_written);
        }
      d8_cli_report_add_table (report, changes);
    }
  for (guint i = 0; i < p->warnings->len; i++)
    d8_cli_report_add_note (report, p->warnings->pdata[i]);
  if (dry_run)
    d8_cli_report_add_note (report, _("Dry run: nothing was written."));
  else if (p->applied && p->is_revision)
    {
      g_autofree char *note = g_strdup_printf (_("Imported as a revision of plan %s (id %lld), in "
                                                 "one transaction; the old quotas are kept in "
                                                 "its history."),
                                               p->revises_doc_number, (long long) p->plan_id);
      d8_cli_report_add_note (report, note);
    }
  else if (p->applied)
    {
      g_autofree char *note = g_strdup_printf (_("Imported as plan %lld, in one transaction."),
                                               (long long) p->plan_id);
      d8_cli_report_add_note (report, note);
    }
  d8_cli_write_report (cli, report);
}

static gboolean
year_option (Cli *cli, int *year, GError **error)
{
  const char *text = d8_cli_option_value (cli, "year");
  guint64 value;

  *year = 0;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1900, 2200, &value, NULL))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("--year: “%s” is not a year between 1900 and 2200"), text);
      return FALSE;
    }
  *year = (int) value;
  return TRUE;
}

gboolean
d8_cli_cmd_import_plan (Cli *cli, GError **error)
{
  g_autoptr (D8PlanImport) import = NULL;
  g_autoptr (GHashTable) column_map = NULL;
  g_autoptr (GHashTable) unit_map = NULL;
  g_autofree char *issued_on = NULL;
  gboolean dry_run = d8_cli_option_flag (cli, "dry-run");
  D8PlanImportOptions options = { 0 };
  const D8PlanPreview *preview;

  if (!year_option (cli, &options.year, error))
    return FALSE;
  if (d8_cli_option_value (cli, "issued-on") != NULL
      && (issued_on = d8_cli_parse_date_option (cli, "issued-on", error)) == NULL)
    return FALSE;
  options.from = d8_cli_option_value (cli, "from");
  options.code = d8_cli_option_value (cli, "code");
  options.title = d8_cli_option_value (cli, "title");
  options.document_number = d8_cli_option_value (cli, "document-number");
  options.issuer = d8_cli_option_value (cli, "issuer");
  options.issued_on = issued_on;
  options.level = d8_cli_option_value (cli, "level");
  options.parent = d8_cli_option_value (cli, "parent");
  options.sheet = d8_cli_option_value (cli, "sheet");
  options.revise = d8_cli_option_flag (cli, "revise");
  if (d8_cli_option_value (cli, "mapping") != NULL
      && !d8_plan_import_read_mapping (d8_cli_option_value (cli, "mapping"), &column_map,
                                       &unit_map, error))
    return FALSE;
  options.column_map = column_map;
  options.unit_map = unit_map;

  if (!d8_cli_open_store (cli, error))
    return FALSE;
  if ((import = d8_plan_import_new_from_file (cli->store, cli->arg, &options, error)) == NULL)
    return FALSE;
  preview = d8_plan_import_get_preview (import);
  if (!dry_run && !d8_plan_import_apply (import, NULL, error))
    return FALSE;
  if (d8_cli_option_flag (cli, "json") || cli->format == D8_CLI_FORMAT_JSON)
    {
      g_autofree char *json = d8_plan_preview_to_json (preview);
      g_print ("%s\n", json);
    }
  else
    print_preview (cli, preview, dry_run);
  return TRUE;
}

gboolean
d8_cli_cmd_export_plan (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  const char *out;
  D8PlanExportFormat format;

  if (!d8_cli_require_option (cli, "out", error))
    return FALSE;
  out = d8_cli_option_value (cli, "out");
  if (!d8_plan_export_format_for_path (out, &format))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("--out: “%s” does not end in .json, .csv or .xlsx"), out);
      return FALSE;
    }
  if ((plan = d8_cli_open_plan (cli, error)) == NULL
      || !d8_plan_export (cli->store, plan->id, format, out, error))
    return FALSE;
  g_print (_("Wrote plan %s to %s.\n"), plan->doc_number, out);
  return TRUE;
}

static const D8CliColumn history_columns[] = {
  { "revision", N_("Revision"), D8_CLI_TEXT },
  { "issued_on", N_("Issued on"), D8_CLI_DATE },
  { "unit", N_("Unit"), D8_CLI_TEXT },
  { "unit_code", N_("Unit code"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "indicator", N_("Indicator"), D8_CLI_TEXT },
  { "old", N_("Before"), D8_CLI_TEXT },
  { "new", N_("After"), D8_CLI_TEXT },
  { "imported_at", N_("Imported"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "kind", N_("Kind"), D8_CLI_TEXT, D8_CLI_COLUMN_KEYWORD },
};

/* One row per revision or amendment, also those that changed nothing. */
static const D8CliColumn revision_columns[] = {
  { "revision", N_("Revision"), D8_CLI_TEXT },
  { "issued_on", N_("Issued on"), D8_CLI_DATE },
  { "kind", N_("Kind"), D8_CLI_TEXT, D8_CLI_COLUMN_KEYWORD },
  { "open", N_("Still open"), D8_CLI_BOOL },
  { "changes", N_("Changes"), D8_CLI_INT },
};

/* "import" (a revised plan file or table) or "amendment" (amend-plan). */
static const char *
revision_kind (const D8PlanRevision *revision)
{
  return revision->is_amendment ? "amendment" : "import";
}

gboolean
d8_cli_cmd_plan_history (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (D8CliReport) report = NULL;
  g_autofree char *amended = NULL;
  D8CliTable *table;
  D8CliTable *list;

  if ((plan = d8_cli_open_plan (cli, error)) == NULL
      || (revisions = d8_store_list_plan_revisions (cli->store, plan->id, error)) == NULL)
    return FALSE;
  report = d8_cli_report_for_plan (plan);
  list = d8_cli_table_new ("revisions", NULL, revision_columns, G_N_ELEMENTS (revision_columns));
  table = d8_cli_table_new ("history", NULL, history_columns, G_N_ELEMENTS (history_columns));
  for (guint i = 0; i < revisions->len; i++)
    {
      const D8PlanRevision *r = revisions->pdata[i];
      d8_cli_table_add_row (list);
      d8_cli_table_set_text (list, "revision", r->doc_number);
      d8_cli_table_set_text (list, "issued_on", r->issued_on);
      d8_cli_table_set_text (list, "kind", revision_kind (r));
      d8_cli_table_set_bool (list, "open", r->is_open);
      d8_cli_table_set_int (list, "changes", r->changes->len);
      for (guint k = 0; k < r->changes->len; k++)
        {
          const D8PlanQuotaChange *c = r->changes->pdata[k];
          d8_cli_table_add_row (table);
          d8_cli_table_set_text (table, "revision", r->doc_number);
          d8_cli_table_set_text (table, "issued_on", r->issued_on);
          d8_cli_table_set_text (table, "unit", c->unit_name);
          d8_cli_table_set_text (table, "unit_code", c->unit);
          d8_cli_table_set_text (table, "indicator", c->indicator);
          d8_cli_table_set_text (table, "old", c->old_written);
          d8_cli_table_set_text (table, "new", c->new_written);
          d8_cli_table_set_text (table, "imported_at", r->imported_at);
          d8_cli_table_set_text (table, "kind", revision_kind (r));
        }
    }
  d8_cli_report_add_table (report, table);
  d8_cli_report_add_table (report, list);
  if (revisions->len == 0)
    d8_cli_report_add_note (report, _("The plan has not been revised."));
  else if ((amended = d8_store_plan_amended_label (cli->store, plan->id)) != NULL)
    d8_cli_report_add_note (report, amended);
  d8_cli_write_report (cli, report);
  return TRUE;
}
