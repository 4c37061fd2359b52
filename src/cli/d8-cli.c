/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-cli.c — duan8-cli: the plan, progress and entry commands, and what
 * every command shares (options read, the store opened, names resolved).
 *
 * Every command reads or writes through the core (D8Store) and describes
 * its output as a D8CliReport; d8-cli-report.c renders it as a table, CSV
 * or JSON. The command line is parsed and checked in d8-cli-args.c before
 * any command runs, so a refused command never touches the file. See
 * docs/cli.md. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "d8-cli-report.h"
#include "d8-cli.h"
#include "d8-cli-private.h"
#include "d8-plan-draft.h"
#include "d8-reporting.h"
#include "d8-entry.h"
#include "d8-rollup.h"
#include "d8-error.h"
#include "d8-format.h"
#include "d8-store.h"

/* The machine words that tables show translated (D8_CLI_COLUMN_KEYWORD);
 * listed here for xgettext. */
static const char *const keywords[] G_GNUC_UNUSED = {
  /* Translators: the level of a unit in the plan */
  NC_ ("keyword", "province"), NC_ ("keyword", "district"), NC_ ("keyword", "commune"),
  /* Translators: the kind of an indicator: a count of things, or a percentage */
  NC_ ("keyword", "count"), NC_ ("keyword", "percent"),
};

const char *
d8_cli_option_value (Cli *cli, const char *name)
{
  return g_hash_table_lookup (cli->options, name);
}

gboolean
d8_cli_option_flag (Cli *cli, const char *name)
{
  return g_hash_table_contains (cli->options, name);
}

gboolean
d8_cli_require_option (Cli *cli, const char *name, GError **error)
{
  if (d8_cli_option_value (cli, name) != NULL)
    return TRUE;
  g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
               /* Translators: first %s is a command, second an option name */
               _("%s: the option --%s is required"), cli->command->name, name);
  return FALSE;
}

/* The commands that only read the database: they open a file this user may
 * not write read-only, instead of failing (docs/cli.md, "--db"). */
static const char *const read_commands[] = {
  "plans", "units", "indicators", "quotas", "allocation", "progress", "entries", "office",
  "conflicts", "log", "snapshots", "render", "print-pack", "periods", "reports", NULL,
};

static gboolean
only_reads (Cli *cli)
{
  if (g_strv_contains (read_commands, cli->command->name))
    return !g_str_equal (cli->command->name, "office") || !d8_cli_option_flag (cli, "set");
  return g_str_equal (cli->command->name, "import-bundle") && d8_cli_option_flag (cli, "dry-run");
}

/* An existing database that cannot be written here: the file itself, or
 * its folder (SQLite writes its journal beside it). */
static gboolean
cannot_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_file_test (path, G_FILE_TEST_EXISTS)
         && (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0);
}

gboolean
d8_cli_open_store (Cli *cli, GError **error)
{
  D8StoreOpenFlags flags = D8_STORE_OPEN_DEFAULT;

  if (cli->store != NULL)
    return TRUE;
  if (only_reads (cli) && cannot_write (cli->db_path))
    flags |= D8_STORE_OPEN_READ_ONLY;
  cli->store = d8_store_open (cli->db_path, flags, error);
  if (cli->store == NULL && !(flags & D8_STORE_OPEN_READ_ONLY) && cannot_write (cli->db_path))
    {
      g_clear_error (error);
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE,
                   _("The database %s cannot be written here (the file or its folder is "
                     "read-only); commands that only read it still work."),
                   cli->db_path);
    }
  if (cli->store == NULL)
    {
      cli->open_failed = TRUE;
      return FALSE;
    }
  /* A fixed "now" for the reporting cycle (docs/cli.md, "Environment"). */
  if (g_getenv ("DUAN8_NOW") != NULL)
    d8_store_set_clock (cli->store, g_getenv ("DUAN8_NOW"));
  return TRUE;
}

/**
 * d8_cli_check_out:
 * @cli: the command line
 * @out: the file named by --out
 * @error: D8_CLI_ERROR_USAGE when @out exists and --force was not given
 *
 * A file is never replaced unasked: a bundle or a meeting pack already
 * there may be the only copy of something.
 *
 * Returns: %TRUE when @out may be written.
 */
gboolean
d8_cli_check_out (Cli *cli, const char *out, GError **error)
{
  if (d8_cli_option_flag (cli, "force") || !g_file_test (out, G_FILE_TEST_EXISTS))
    return TRUE;
  g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
               _("--out: %s exists already; give --force to replace it"), out);
  return FALSE;
}

D8Plan *
d8_cli_open_plan (Cli *cli, GError **error)
{
  if (!d8_cli_open_store (cli, error))
    return NULL;
  return d8_store_resolve_plan (cli->store, cli->plan_ref, error);
}

/* The core says "in this plan"; on the command line the plan is worth
 * naming, since --plan may have been left out. */
D8Unit *
d8_cli_resolve_unit (Cli *cli, const D8Plan *plan, const char *ref, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  D8Unit *unit = d8_store_resolve_unit (cli->store, plan->id, ref, &local_error);

  if (unit != NULL)
    return unit;
  if (g_error_matches (local_error, D8_ERROR, D8_ERROR_NOT_FOUND))
    g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                 /* Translators: first %s is what was typed, second the plan's number */
                 _("unknown unit “%s” in plan %s (see “duan8-cli units”)"), ref,
                 plan->doc_number);
  else if (g_error_matches (local_error, D8_ERROR, D8_ERROR_AMBIGUOUS))
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "--unit: ");
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

D8Indicator *
d8_cli_resolve_indicator (Cli *cli, const D8Plan *plan, const char *ref, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  D8Indicator *indicator = d8_store_resolve_indicator (cli->store, plan->id, ref, &local_error);
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GString) codes = NULL;

  if (indicator != NULL)
    return indicator;
  if (!g_error_matches (local_error, D8_ERROR, D8_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if ((indicators = d8_store_list_indicators (cli->store, plan->id, error)) == NULL)
    return NULL;
  codes = g_string_new (NULL);
  for (guint i = 0; i < indicators->len; i++)
    g_string_append_printf (codes, "%s%s", i ? ", " : "",
                            ((D8Indicator *) indicators->pdata[i])->code);
  g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
               /* Translators: %s: what was typed, the plan's number, the list of codes */
               _("unknown indicator “%s” in plan %s; its codes are: %s"), ref, plan->doc_number,
               codes->str);
  return NULL;
}

gboolean
d8_cli_parse_count_option (Cli *cli, const char *name, gint64 *out, GError **error)
{
  g_autofree char *field = g_strdup_printf ("--%s", name);
  return d8_parse_count (d8_cli_option_value (cli, name), field, out, error);
}

char *
d8_cli_parse_date_option (Cli *cli, const char *name, GError **error)
{
  g_autofree char *field = g_strdup_printf ("--%s", name);
  return d8_parse_date (d8_cli_option_value (cli, name), field, error);
}

D8CliReport *
d8_cli_report_for_plan (const D8Plan *plan)
{
  D8CliReport *report = d8_cli_report_new ();

  d8_cli_report_set_plan (report, plan);
  return report;
}

void
d8_cli_write_report (Cli *cli, D8CliReport *report)
{
  d8_cli_report_set_csv_dialect (report, cli->excel ? D8_CSV_EXCEL : D8_CSV_PLAIN);
  d8_cli_report_write (report, cli->format, stdout);
}

/* ------------------------------------------------------- list commands */

static const D8CliColumn plan_columns[] = {
  { "id", N_("Id"), D8_CLI_INT, D8_CLI_COLUMN_UNGROUPED },
  { "code", N_("Code"), D8_CLI_TEXT },
  { "doc_number", N_("Number"), D8_CLI_TEXT },
  { "year", N_("Year"), D8_CLI_INT, D8_CLI_COLUMN_UNGROUPED },
  { "period_start", N_("From"), D8_CLI_DATE },
  { "period_end", N_("To"), D8_CLI_DATE },
  { "issuer", N_("Issuer"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "issued_on", N_("Issued on"), D8_CLI_DATE, D8_CLI_COLUMN_NO_TABLE },
  { "title", N_("Title"), D8_CLI_TEXT },
  { "status", N_("Status"), D8_CLI_TEXT, D8_CLI_COLUMN_KEYWORD },
};

gboolean
d8_cli_cmd_plans (Cli *cli, GError **error)
{
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (D8CliReport) report = d8_cli_report_new ();
  D8CliTable *table;

  if (!d8_cli_open_store (cli, error) || (plans = d8_store_list_plans (cli->store, error)) == NULL)
    return FALSE;
  table = d8_cli_table_new ("plans", NULL, plan_columns, G_N_ELEMENTS (plan_columns));
  for (guint i = 0; i < plans->len; i++)
    {
      const D8Plan *plan = plans->pdata[i];

      d8_cli_table_add_row (table);
      d8_cli_table_set_int (table, "id", plan->id);
      d8_cli_table_set_text (table, "code", plan->code);
      d8_cli_table_set_text (table, "doc_number", plan->doc_number);
      d8_cli_table_set_int (table, "year", plan->year);
      d8_cli_table_set_text (table, "period_start", plan->period_start);
      d8_cli_table_set_text (table, "period_end", plan->period_end);
      d8_cli_table_set_text (table, "issuer", plan->issuer);
      d8_cli_table_set_text (table, "issued_on", plan->issued_on);
      d8_cli_table_set_text (table, "title", plan->title);
      d8_cli_table_set_text (table, "status",
                             d8_plan_status_to_string (plan->is_draft ? D8_PLAN_STATUS_DRAFT
                                                                      : D8_PLAN_STATUS_ISSUED));
    }
  d8_cli_report_add_table (report, table);
  d8_cli_write_report (cli, report);
  return TRUE;
}

static const D8CliColumn unit_columns[] = {
  /* Translators: the row number of the plan's appendix (Vietnamese "TT") */
  { "position", N_("No."), D8_CLI_INT },
  { "id", N_("Id"), D8_CLI_INT, D8_CLI_COLUMN_UNGROUPED },
  { "code", N_("Code"), D8_CLI_TEXT },
  { "name", N_("Name"), D8_CLI_TEXT },
  { "kind", N_("Kind"), D8_CLI_TEXT },
  { "level", N_("Level"), D8_CLI_TEXT, D8_CLI_COLUMN_KEYWORD },
  { "valid_from", N_("Valid from"), D8_CLI_DATE, D8_CLI_COLUMN_NO_TABLE },
  { "valid_to", N_("Valid to"), D8_CLI_DATE, D8_CLI_COLUMN_NO_TABLE },
};

gboolean
d8_cli_cmd_units (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (D8CliReport) report = NULL;
  D8CliTable *table;

  if ((plan = d8_cli_open_plan (cli, error)) == NULL
      || (units = d8_store_list_units (cli->store, plan->id, error)) == NULL)
    return FALSE;
  report = d8_cli_report_for_plan (plan);
  table = d8_cli_table_new ("units", NULL, unit_columns, G_N_ELEMENTS (unit_columns));
  for (guint i = 0; i < units->len; i++)
    {
      const D8Unit *unit = units->pdata[i];

      d8_cli_table_add_row (table);
      d8_cli_table_set_int (table, "position", unit->position);
      d8_cli_table_set_int (table, "id", unit->id);
      d8_cli_table_set_text (table, "code", unit->code);
      d8_cli_table_set_text (table, "name", unit->name);
      d8_cli_table_set_text (table, "kind", unit->kind);
      d8_cli_table_set_text (table, "level", unit->level);
      d8_cli_table_set_text (table, "valid_from", unit->valid_from);
      d8_cli_table_set_text (table, "valid_to", unit->valid_to);
    }
  d8_cli_report_add_table (report, table);
  d8_cli_write_report (cli, report);
  return TRUE;
}

static const D8CliColumn indicator_columns[] = {
  { "code", N_("Code"), D8_CLI_TEXT },
  { "name", N_("Name"), D8_CLI_TEXT },
  { "name_en", N_("English name"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "count_unit", N_("Counted in"), D8_CLI_TEXT },
  { "kind", N_("Kind"), D8_CLI_TEXT, D8_CLI_COLUMN_KEYWORD },
  { "group", N_("Group"), D8_CLI_INT },
  { "group_title", N_("Group title"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "in_appendix", N_("In appendix"), D8_CLI_BOOL },
  { "target", N_("Target"), D8_CLI_TEXT },
  { "target_source", N_("Target source"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
};

gboolean
d8_cli_cmd_indicators (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (D8CliReport) report = NULL;
  D8CliTable *table;

  if ((plan = d8_cli_open_plan (cli, error)) == NULL
      || (indicators = d8_store_list_indicators (cli->store, plan->id, error)) == NULL)
    return FALSE;
  report = d8_cli_report_for_plan (plan);
  table = d8_cli_table_new ("indicators", NULL, indicator_columns,
                            G_N_ELEMENTS (indicator_columns));
  for (guint i = 0; i < indicators->len; i++)
    {
      const D8Indicator *indicator = indicators->pdata[i];

      d8_cli_table_add_row (table);
      d8_cli_table_set_text (table, "code", indicator->code);
      d8_cli_table_set_text (table, "name", indicator->name_vi);
      d8_cli_table_set_text (table, "name_en", indicator->name_en);
      d8_cli_table_set_text (table, "count_unit", indicator->count_unit);
      d8_cli_table_set_text (table, "kind", d8_indicator_kind_to_string (indicator->kind));
      d8_cli_table_set_int (table, "group", indicator->group_no);
      d8_cli_table_set_text (table, "group_title", indicator->group_title);
      d8_cli_table_set_bool (table, "in_appendix", indicator->in_appendix);
      if (indicator->has_target)
        {
          d8_cli_table_set_text (table, "target", indicator->target_written);
          d8_cli_table_set_text (table, "target_source", indicator->target_source);
        }
    }
  d8_cli_report_add_table (report, table);
  d8_cli_write_report (cli, report);
  return TRUE;
}

/* ------------------------------------------------- quotas and allocation */

static const D8CliColumn quota_columns[] = {
  { "unit", N_("Unit"), D8_CLI_TEXT },
  { "unit_code", N_("Unit code"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_CSV },
  { "indicator", N_("Indicator"), D8_CLI_TEXT },
  { "indicator_code", N_("Code"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_CSV },
  { "quota", N_("Quota"), D8_CLI_INT },
};

static const D8CliColumn allocation_columns[] = {
  { "indicator_code", N_("Indicator"), D8_CLI_TEXT },
  { "indicator", N_("Name"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "stated", N_("Stated total"), D8_CLI_INT },
  { "allocated", N_("Allocated"), D8_CLI_INT },
  { "difference", N_("Difference"), D8_CLI_INT },
};

/* The allocation check of every indicator that has one. In the table
 * format a sentence for each total that does not add up: the plan is shown
 * as written, never corrected. */
static D8CliTable *
build_allocation (D8Overview *ov, D8CliReport *report)
{
  D8CliTable *table = d8_cli_table_new ("allocation", _("Allocation check"), allocation_columns,
                                        G_N_ELEMENTS (allocation_columns));
  gboolean all_match = TRUE;

  for (guint i = 0; i < ov->indicators->len; i++)
    {
      const D8Indicator *indicator = ov->indicators->pdata[i];
      gint64 stated, allocated, difference;

      if (!d8_overview_allocation (ov, i, &stated, &allocated, &difference))
        continue;
      d8_cli_table_add_row (table);
      d8_cli_table_set_text (table, "indicator_code", indicator->code);
      d8_cli_table_set_text (table, "indicator", indicator->name_vi);
      d8_cli_table_set_int (table, "stated", stated);
      d8_cli_table_set_int (table, "allocated", allocated);
      d8_cli_table_set_int (table, "difference", difference);
      if (difference != 0)
        {
          g_autofree char *s = d8_format_count (stated);
          g_autofree char *a = d8_format_count (allocated);
          g_autofree char *d = d8_format_count (ABS (difference));
          g_autofree char *note = NULL;

          all_match = FALSE;
          if (difference > 0)
            note = g_strdup_printf (
              /* Translators: indicator code, stated total, sum of quotas, difference */
              ngettext ("Indicator %s: the plan states %s, the units' quotas add up to %s: "
                        "%s not allocated.",
                        "Indicator %s: the plan states %s, the units' quotas add up to %s: "
                        "%s not allocated.",
                        (gulong) ABS (difference)),
              indicator->code, s, a, d);
          else
            note = g_strdup_printf (
              /* Translators: indicator code, stated total, sum of quotas, difference */
              ngettext ("Indicator %s: the plan states %s, the units' quotas add up to %s: "
                        "%s more than the total.",
                        "Indicator %s: the plan states %s, the units' quotas add up to %s: "
                        "%s more than the total.",
                        (gulong) ABS (difference)),
              indicator->code, s, a, d);
          d8_cli_report_add_note (report, note);
        }
    }
  if (all_match && d8_cli_table_get_n_rows (table) > 0)
    d8_cli_report_add_note (report, _("Every stated total is fully allocated."));
  return table;
}

/* For people: the appendix as a matrix, one column per indicator, with
 * the stated totals and the sums of the quotas under it. */
static D8CliTable *
build_quota_matrix (D8Overview *ov)
{
  g_autoptr (GArray) columns = g_array_new (FALSE, TRUE, sizeof (D8CliColumn));
  g_autoptr (GArray) index = g_array_new (FALSE, FALSE, sizeof (guint));
  D8CliColumn column = { 0 };
  D8CliTable *table;

  /* Text, so the rows of totals under the units stay blank here */
  column = (D8CliColumn) { "position", N_("No."), D8_CLI_TEXT };
  g_array_append_val (columns, column);
  column = (D8CliColumn) { "unit", N_("Unit"), D8_CLI_TEXT };
  g_array_append_val (columns, column);
  for (guint i = 0; i < ov->indicators->len; i++)
    {
      const D8Indicator *indicator = ov->indicators->pdata[i];

      if (!indicator->in_appendix)
        continue;
      column = (D8CliColumn) { indicator->code, indicator->code, D8_CLI_INT,
                               D8_CLI_COLUMN_VERBATIM };
      g_array_append_val (columns, column);
      g_array_append_val (index, i);
    }
  table = d8_cli_table_new ("quota_matrix", _("Quotas"), (D8CliColumn *) columns->data,
                            columns->len);
  for (guint u = 0; u < ov->units->len; u++)
    {
      const D8Unit *unit = ov->units->pdata[u];

      g_autofree char *position = g_strdup_printf ("%d", unit->position);

      d8_cli_table_add_row (table);
      d8_cli_table_set_text (table, "position", position);
      d8_cli_table_set_text (table, "unit", unit->name);
      for (guint k = 0; k < index->len; k++)
        {
          guint i = g_array_index (index, guint, k);
          const D8Cell *cell = d8_overview_cell (ov, u, i);

          if (cell->has_quota)
            d8_cli_table_set_int (table, ((D8Indicator *) ov->indicators->pdata[i])->code,
                                  cell->quota);
        }
    }
  d8_cli_table_add_row (table);
  d8_cli_table_set_text (table, "unit", ov->plan->target_label ? ov->plan->target_label
                                                               : _("Stated total"));
  for (guint k = 0; k < index->len; k++)
    {
      guint i = g_array_index (index, guint, k);
      gint64 stated;

      if (d8_overview_allocation (ov, i, &stated, NULL, NULL))
        d8_cli_table_set_int (table, ((D8Indicator *) ov->indicators->pdata[i])->code, stated);
    }
  d8_cli_table_add_row (table);
  d8_cli_table_set_text (table, "unit", _("Sum of the units' quotas"));
  for (guint k = 0; k < index->len; k++)
    {
      guint i = g_array_index (index, guint, k);
      d8_cli_table_set_int (table, ((D8Indicator *) ov->indicators->pdata[i])->code,
                            ov->allocated[i]);
    }
  return table;
}

/* For machines: one row per unit × appendix indicator, in plan order. */
static D8CliTable *
build_quota_list (D8Overview *ov)
{
  D8CliTable *table = d8_cli_table_new ("quotas", NULL, quota_columns,
                                        G_N_ELEMENTS (quota_columns));

  for (guint u = 0; u < ov->units->len; u++)
    {
      const D8Unit *unit = ov->units->pdata[u];

      for (guint i = 0; i < ov->indicators->len; i++)
        {
          const D8Indicator *indicator = ov->indicators->pdata[i];
          const D8Cell *cell = d8_overview_cell (ov, u, i);

          if (!indicator->in_appendix)
            continue;
          d8_cli_table_add_row (table);
          d8_cli_table_set_text (table, "unit", unit->name);
          d8_cli_table_set_text (table, "unit_code", unit->code);
          d8_cli_table_set_text (table, "indicator", indicator->name_vi);
          d8_cli_table_set_text (table, "indicator_code", indicator->code);
          if (cell->has_quota)
            d8_cli_table_set_int (table, "quota", cell->quota);
        }
    }
  return table;
}

static gboolean
show_quotas (Cli *cli, gboolean with_quotas, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Overview) ov = NULL;
  g_autoptr (D8CliReport) report = NULL;

  if ((plan = d8_cli_open_plan (cli, error)) == NULL
      || (ov = d8_store_compute_overview (cli->store, plan->id, NULL, error)) == NULL)
    return FALSE;
  report = d8_cli_report_for_plan (plan);
  if (with_quotas)
    d8_cli_report_add_table (report, cli->format == D8_CLI_FORMAT_TABLE ? build_quota_matrix (ov)
                                                                         : build_quota_list (ov));
  d8_cli_report_add_table (report, build_allocation (ov, report));
  d8_cli_write_report (cli, report);
  return TRUE;
}

gboolean
d8_cli_cmd_quotas (Cli *cli, GError **error)
{
  return show_quotas (cli, TRUE, error);
}

gboolean
d8_cli_cmd_allocation (Cli *cli, GError **error)
{
  return show_quotas (cli, FALSE, error);
}

/* --------------------------------------------------------------- progress */

static const D8CliColumn progress_columns[] = {
  { "unit", N_("Unit"), D8_CLI_TEXT },
  { "unit_code", N_("Unit code"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "indicator", N_("Name"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "indicator_code", N_("Indicator"), D8_CLI_TEXT },
  { "quota", N_("Quota"), D8_CLI_INT },
  { "achieved", N_("Achieved"), D8_CLI_INT },
  { "remaining", N_("Remaining"), D8_CLI_INT },
  { "percent", N_("Completion"), D8_CLI_PERCENT },
  { "status", N_("Status"), D8_CLI_STATUS },
  { "reached", N_("Reached"), D8_CLI_INT },
  { "group_size", N_("Target group"), D8_CLI_INT },
};

static const D8CliColumn totals_columns[] = {
  { "indicator_code", N_("Indicator"), D8_CLI_TEXT },
  { "indicator", N_("Name"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "target", N_("Plan target"), D8_CLI_TEXT },
  { "target_percent", N_("Target percent"), D8_CLI_PERCENT, D8_CLI_COLUMN_NO_TABLE },
  { "allocated", N_("Allocated"), D8_CLI_INT },
  { "quota", N_("Quota"), D8_CLI_INT },
  { "achieved", N_("Achieved"), D8_CLI_INT },
  { "remaining", N_("Remaining"), D8_CLI_INT },
  { "percent", N_("Completion"), D8_CLI_PERCENT },
  { "status", N_("Status"), D8_CLI_STATUS },
  { "reached", N_("Reached"), D8_CLI_INT },
  { "group_size", N_("Target group"), D8_CLI_INT },
};

static const D8CliColumn group_columns[] = {
  { "group", N_("Parent unit"), D8_CLI_TEXT },
  { "group_code", N_("Parent unit code"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "units", N_("Units"), D8_CLI_INT },
  { "units_behind", N_("Units behind"), D8_CLI_INT },
  { "indicator", N_("Name"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "indicator_code", N_("Indicator"), D8_CLI_TEXT },
  { "quota", N_("Quota"), D8_CLI_INT },
  { "achieved", N_("Achieved"), D8_CLI_INT },
  { "remaining", N_("Remaining"), D8_CLI_INT },
  { "percent", N_("Completion"), D8_CLI_PERCENT },
  { "status", N_("Status"), D8_CLI_STATUS },
  { "reached", N_("Reached"), D8_CLI_INT },
  { "group_size", N_("Target group"), D8_CLI_INT },
  { "behind", N_("Behind"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
};

/* The figures shared by unit rows and province totals. */
static void
set_cell_columns (D8CliTable *table, const D8Indicator *indicator, const D8Cell *cell)
{
  d8_cli_table_set_text (table, "indicator", indicator->name_vi);
  d8_cli_table_set_text (table, "indicator_code", indicator->code);
  if (cell->has_quota)
    {
      d8_cli_table_set_int (table, "quota", cell->quota);
      d8_cli_table_set_int (table, "remaining", MAX (cell->quota - cell->achieved, 0));
    }
  d8_cli_table_set_int (table, "achieved", cell->achieved);
  d8_cli_table_set_double (table, "percent", cell->completion);
  d8_cli_table_set_status (table, "status", cell->status);
  if (d8_indicator_kind_counts_women (indicator->kind))
    {
      d8_cli_table_set_int (table, "reached", cell->achieved);
      d8_cli_table_set_int (table, "group_size", cell->group_size);
    }
}

static D8CliTable *
build_totals (D8Overview *ov)
{
  D8CliTable *table = d8_cli_table_new ("totals", _("Province totals"), totals_columns,
                                        G_N_ELEMENTS (totals_columns));

  for (guint i = 0; i < ov->indicators->len; i++)
    {
      const D8Indicator *indicator = ov->indicators->pdata[i];
      gboolean allocated = FALSE;

      for (guint u = 0; u < ov->units->len && !allocated; u++)
        allocated = d8_overview_cell (ov, u, i)->has_quota;
      d8_cli_table_add_row (table);
      set_cell_columns (table, indicator, &ov->totals[i]);
      if (indicator->has_target)
        d8_cli_table_set_text (table, "target", indicator->target_written);
      if (indicator->has_target && d8_indicator_kind_counts_women (indicator->kind))
        d8_cli_table_set_double (table, "target_percent", indicator->target / 100.0);
      if (allocated)
        d8_cli_table_set_int (table, "allocated", ov->allocated[i]);
    }
  return table;
}

/* The names of a group's units behind, "; "-separated. */
static char *
group_behind (D8Overview *ov, const D8RollupGroup *group)
{
  GString *names = g_string_new (NULL);

  for (guint k = 0; k < group->units->len; k++)
    {
      guint u = g_array_index (group->units, guint, k);

      if (d8_overview_unit_has_status (ov, u, D8_STATUS_BEHIND))
        g_string_append_printf (names, "%s%s", names->len ? "; " : "",
                                ((const D8Unit *) ov->units->pdata[u])->name);
    }
  return g_string_free (names, FALSE);
}

/* progress --by-parent: a row per parent group × indicator, the group's
 * subtotals, and which of its units are behind (a note per group in the
 * table format). */
static void
add_group_rows (Cli *cli, D8CliReport *report, D8Overview *ov, D8Rollup *rollup)
{
  D8CliTable *table = d8_cli_table_new ("groups", _("By parent"), group_columns,
                                        G_N_ELEMENTS (group_columns));

  d8_cli_report_set_csv_dialect (report, cli->excel ? D8_CSV_EXCEL : D8_CSV_PLAIN);
  d8_cli_report_stream_table (report, table, cli->format, stdout);
  for (guint g = 0; g < rollup->groups->len; g++)
    {
      const D8RollupGroup *group = rollup->groups->pdata[g];
      g_autofree char *behind = group_behind (ov, group);

      for (guint i = 0; i < ov->indicators->len; i++)
        {
          d8_cli_table_add_row (table);
          d8_cli_table_set_text (table, "group", d8_rollup_group_label (group));
          if (group->code != NULL)
            d8_cli_table_set_text (table, "group_code", group->code);
          d8_cli_table_set_int (table, "units", group->units->len);
          d8_cli_table_set_int (table, "units_behind", group->n_behind);
          set_cell_columns (table, ov->indicators->pdata[i], &group->cells[i]);
          d8_cli_table_set_text (table, "behind", behind);
        }
      if (cli->format == D8_CLI_FORMAT_TABLE && group->n_behind > 0)
        {
          /* Translators: after the table of progress --by-parent: a group,
             how many of its units are behind, and their names */
          g_autofree char *note = g_strdup_printf (ngettext ("%s: %u unit behind: %s",
                                                             "%s: %u units behind: %s",
                                                             group->n_behind),
                                                   d8_rollup_group_label (group),
                                                   group->n_behind, behind);
          d8_cli_report_add_note (report, note);
        }
    }
}

gboolean
d8_cli_cmd_progress (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Unit) unit = NULL;
  g_autoptr (D8Overview) ov = NULL;
  g_autoptr (D8CliReport) report = NULL;
  g_autofree char *as_of = NULL;
  gboolean totals_only = d8_cli_option_flag (cli, "totals");
  gboolean by_parent = d8_cli_option_flag (cli, "by-parent");
  int only = -1;

  if (totals_only && d8_cli_option_value (cli, "unit"))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("progress: --totals and --unit cannot be used together"));
      return FALSE;
    }
  if (by_parent && (totals_only || d8_cli_option_value (cli, "unit")))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("progress: --by-parent cannot be used with --totals or --unit"));
      return FALSE;
    }
  if (d8_cli_option_value (cli, "as-of") && (as_of = d8_cli_parse_date_option (cli, "as-of", error)) == NULL)
    return FALSE;
  if ((plan = d8_cli_open_plan (cli, error)) == NULL)
    return FALSE;
  if (d8_cli_option_value (cli, "unit")
      && (unit = d8_cli_resolve_unit (cli, plan, d8_cli_option_value (cli, "unit"), error)) == NULL)
    return FALSE;
  if ((ov = d8_store_compute_overview (cli->store, plan->id, as_of, error)) == NULL)
    return FALSE;

  report = d8_cli_report_for_plan (plan);
  d8_cli_report_add_text_field (report, "as_of", N_("As of"), D8_CLI_DATE, ov->as_of);
  d8_cli_report_add_percent_field (report, "expected_percent", N_("Expected pace"),
                                   ov->expected);
  if (unit)
    {
      only = d8_overview_find_unit (ov, unit->id);
      d8_cli_report_add_text_field (report, "unit", N_("Unit"), D8_CLI_TEXT, unit->name);
    }

  if (by_parent)
    {
      g_autoptr (D8Rollup) rollup = d8_store_compute_rollup (cli->store, ov, error);

      if (rollup == NULL)
        return FALSE;
      add_group_rows (cli, report, ov, rollup);
    }
  else if (!totals_only)
    {
      D8CliTable *table = d8_cli_table_new ("progress", NULL, progress_columns,
                                            G_N_ELEMENTS (progress_columns));

      /* 3,300 units × 10 indicators: rows are written as they are made. */
      d8_cli_report_set_csv_dialect (report, cli->excel ? D8_CSV_EXCEL : D8_CSV_PLAIN);
      d8_cli_report_stream_table (report, table, cli->format, stdout);
      for (guint u = 0; u < ov->units->len; u++)
        {
          const D8Unit *row_unit = ov->units->pdata[u];

          if (only >= 0 && (guint) only != u)
            continue;
          for (guint i = 0; i < ov->indicators->len; i++)
            {
              d8_cli_table_add_row (table);
              d8_cli_table_set_text (table, "unit", row_unit->name);
              d8_cli_table_set_text (table, "unit_code", row_unit->code);
              set_cell_columns (table, ov->indicators->pdata[i], d8_overview_cell (ov, u, i));
            }
        }
    }
  if (unit == NULL)
    d8_cli_report_add_table (report, build_totals (ov));
  d8_cli_write_report (cli, report);
  return TRUE;
}

/* ---------------------------------------------------------------- entries */

gboolean
d8_cli_cmd_record (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Unit) unit = NULL;
  g_autoptr (D8Indicator) indicator = NULL;
  g_autoptr (D8Entry) entry = d8_entry_new ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *date = NULL;
  gboolean has_amount = d8_cli_option_value (cli, "amount") != NULL;
  gboolean has_percent = d8_cli_option_value (cli, "reached") != NULL || d8_cli_option_value (cli, "group") != NULL;
  gint64 amount = 0, reached = 0, group = 0;

  /* Everything that can be checked without the database is checked first. */
  if (!d8_cli_require_option (cli, "unit", error) || !d8_cli_require_option (cli, "indicator", error)
      || !d8_cli_require_option (cli, "date", error))
    return FALSE;
  if ((date = d8_cli_parse_date_option (cli, "date", error)) == NULL)
    return FALSE;
  if (has_amount && has_percent)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("record: give either --amount, or --reached and --group, not both"));
      return FALSE;
    }
  if (!has_amount && !has_percent)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("record: give --amount (count indicators) or --reached and --group "
                     "(percent indicators)"));
      return FALSE;
    }
  if (has_amount && !d8_cli_parse_count_option (cli, "amount", &amount, error))
    return FALSE;
  if (has_percent
      && (!d8_cli_require_option (cli, "reached", error) || !d8_cli_require_option (cli, "group", error)
          || !d8_cli_parse_count_option (cli, "reached", &reached, error)
          || !d8_cli_parse_count_option (cli, "group", &group, error)))
    return FALSE;

  if ((plan = d8_cli_open_plan (cli, error)) == NULL
      || (unit = d8_cli_resolve_unit (cli, plan, d8_cli_option_value (cli, "unit"), error)) == NULL
      || (indicator = d8_cli_resolve_indicator (cli, plan, d8_cli_option_value (cli, "indicator"), error))
           == NULL)
    return FALSE;
  if (!d8_indicator_kind_counts_women (indicator->kind) && !has_amount)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("record: indicator %s counts things; give --amount"), indicator->code);
      return FALSE;
    }
  if (d8_indicator_kind_counts_women (indicator->kind) && !has_percent)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("record: indicator %s is a percentage; give --reached and --group"),
                   indicator->code);
      return FALSE;
    }

  entry->plan_id = plan->id;
  entry->unit_id = unit->id;
  entry->indicator_id = indicator->id;
  entry->date = g_steal_pointer (&date);
  entry->amount = amount;
  entry->reached = reached;
  entry->group_size = group;
  entry->place = g_strdup (d8_cli_option_value (cli, "place"));
  entry->note = g_strdup (d8_cli_option_value (cli, "note"));
  if (!d8_store_add_entry (cli->store, entry, d8_cli_option_flag (cli, "allow-out-of-period"),
                           &local_error))
    {
      if (g_error_matches (local_error, D8_ERROR, D8_ERROR_OUT_OF_PERIOD))
        g_set_error (error, D8_ERROR, D8_ERROR_OUT_OF_PERIOD,
                     /* Translators: %s is the core's message about the date */
                     _("%s; give --allow-out-of-period to record it anyway"),
                     local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_print ("%s\n", entry->uuid);
  return TRUE;
}

static const D8CliColumn entry_columns[] = {
  { "uuid", N_("UUID"), D8_CLI_TEXT },
  { "date", N_("Date"), D8_CLI_DATE },
  { "unit", N_("Unit"), D8_CLI_TEXT },
  { "unit_code", N_("Unit code"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "indicator_code", N_("Indicator"), D8_CLI_TEXT },
  { "amount", N_("Amount"), D8_CLI_INT },
  { "reached", N_("Reached"), D8_CLI_INT },
  { "group_size", N_("Target group"), D8_CLI_INT },
  { "place", N_("Place"), D8_CLI_TEXT },
  { "note", N_("Note"), D8_CLI_TEXT },
  { "origin", N_("Recorded by"), D8_CLI_TEXT, D8_CLI_COLUMN_KEYWORD },
  { "deleted", N_("Deleted"), D8_CLI_BOOL },
  { "created_at", N_("Created"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "updated_at", N_("Updated"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
};

gboolean
d8_cli_cmd_entries (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Unit) unit = NULL;
  g_autoptr (D8Indicator) indicator = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GHashTable) unit_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) indicator_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (D8CliReport) report = NULL;
  D8CliTable *table;

  if ((plan = d8_cli_open_plan (cli, error)) == NULL)
    return FALSE;
  if (d8_cli_option_value (cli, "unit")
      && (unit = d8_cli_resolve_unit (cli, plan, d8_cli_option_value (cli, "unit"), error)) == NULL)
    return FALSE;
  if (d8_cli_option_value (cli, "indicator")
      && (indicator = d8_cli_resolve_indicator (cli, plan, d8_cli_option_value (cli, "indicator"), error))
           == NULL)
    return FALSE;
  if ((units = d8_store_list_units (cli->store, plan->id, error)) == NULL
      || (indicators = d8_store_list_indicators (cli->store, plan->id, error)) == NULL
      || (entries = d8_store_list_entries (cli->store, plan->id, unit ? unit->id : 0,
                                           indicator ? indicator->id : 0,
                                           d8_cli_option_flag (cli, "include-deleted"), error))
           == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    g_hash_table_insert (unit_by_id, &((D8Unit *) units->pdata[i])->id, units->pdata[i]);
  for (guint i = 0; i < indicators->len; i++)
    g_hash_table_insert (indicator_by_id, &((D8Indicator *) indicators->pdata[i])->id,
                         indicators->pdata[i]);

  report = d8_cli_report_for_plan (plan);
  table = d8_cli_table_new ("entries", NULL, entry_columns, G_N_ELEMENTS (entry_columns));
  for (guint i = 0; i < entries->len; i++)
    {
      const D8Entry *entry = entries->pdata[i];
      const D8Unit *entry_unit = g_hash_table_lookup (unit_by_id, &entry->unit_id);
      const D8Indicator *entry_indicator = g_hash_table_lookup (indicator_by_id,
                                                                &entry->indicator_id);

      d8_cli_table_add_row (table);
      d8_cli_table_set_text (table, "uuid", entry->uuid);
      d8_cli_table_set_text (table, "date", entry->date);
      if (entry_unit)
        {
          d8_cli_table_set_text (table, "unit", entry_unit->name);
          d8_cli_table_set_text (table, "unit_code", entry_unit->code);
        }
      if (entry_indicator)
        d8_cli_table_set_text (table, "indicator_code", entry_indicator->code);
      if (entry_indicator && d8_indicator_kind_counts_women (entry_indicator->kind))
        {
          d8_cli_table_set_int (table, "reached", entry->reached);
          d8_cli_table_set_int (table, "group_size", entry->group_size);
        }
      else
        d8_cli_table_set_int (table, "amount", entry->amount);
      d8_cli_table_set_text (table, "place", entry->place);
      d8_cli_table_set_text (table, "note", entry->note);
      d8_cli_table_set_text (table, "origin", entry->origin);
      d8_cli_table_set_bool (table, "deleted", entry->deleted);
      d8_cli_table_set_text (table, "created_at", entry->created_at);
      d8_cli_table_set_text (table, "updated_at", entry->updated_at);
    }
  d8_cli_report_add_table (report, table);
  d8_cli_write_report (cli, report);
  return TRUE;
}

gboolean
d8_cli_cmd_delete (Cli *cli, GError **error)
{
  return d8_cli_open_store (cli, error) && d8_store_delete_entry (cli->store, cli->arg, error);
}

gboolean
d8_cli_cmd_undelete (Cli *cli, GError **error)
{
  return d8_cli_open_store (cli, error) && d8_store_undelete_entry (cli->store, cli->arg, error);
}

gboolean
d8_cli_cmd_edit (Cli *cli, GError **error)
{
  g_autoptr (D8Entry) entry = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *date = NULL;
  gint64 value;

  /* Values are checked before the database is opened. */
  if (d8_cli_option_value (cli, "date") != NULL
      && (date = d8_cli_parse_date_option (cli, "date", error)) == NULL)
    return FALSE;
  if (d8_cli_option_value (cli, "amount") != NULL
      && (d8_cli_option_value (cli, "reached") != NULL || d8_cli_option_value (cli, "group") != NULL))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("record: give either --amount, or --reached and --group, not both"));
      return FALSE;
    }
  if (!d8_cli_open_store (cli, error)
      || (entry = d8_store_get_entry (cli->store, cli->arg, error)) == NULL)
    return FALSE;
  if (date != NULL)
    {
      g_free (entry->date);
      entry->date = g_steal_pointer (&date);
    }
  if (d8_cli_option_value (cli, "amount") != NULL)
    {
      if (!d8_cli_parse_count_option (cli, "amount", &value, error))
        return FALSE;
      entry->amount = value;
    }
  if (d8_cli_option_value (cli, "reached") != NULL)
    {
      if (!d8_cli_parse_count_option (cli, "reached", &value, error))
        return FALSE;
      entry->reached = value;
    }
  if (d8_cli_option_value (cli, "group") != NULL)
    {
      if (!d8_cli_parse_count_option (cli, "group", &value, error))
        return FALSE;
      entry->group_size = value;
    }
  if (d8_cli_option_value (cli, "place") != NULL)
    {
      g_free (entry->place);
      entry->place = g_strdup (d8_cli_option_value (cli, "place"));
    }
  if (d8_cli_option_value (cli, "note") != NULL)
    {
      g_free (entry->note);
      entry->note = g_strdup (d8_cli_option_value (cli, "note"));
    }
  if (!d8_store_update_entry (cli->store, entry, d8_cli_option_flag (cli, "allow-out-of-period"),
                              &local_error))
    {
      if (g_error_matches (local_error, D8_ERROR, D8_ERROR_OUT_OF_PERIOD))
        g_set_error (error, D8_ERROR, D8_ERROR_OUT_OF_PERIOD,
                     _("%s; give --allow-out-of-period to record it anyway"),
                     local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
