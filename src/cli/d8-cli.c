/* d8-cli.c — duan8-cli: argument parsing, the commands, exit codes.
 *
 * Every command reads or writes through the core (D8Store) and describes
 * its output as a D8CliReport; d8-cli-report.c renders it as a table, CSV
 * or JSON. Arguments are checked before the database is opened, so a
 * refused command never touches the file. See docs/cli.md. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "d8-cli-report.h"
#include "d8-cli.h"
#include "d8-cli-private.h"
#include "d8-error.h"
#include "d8-format.h"
#include "d8-store.h"


G_DEFINE_QUARK (d8-cli-error-quark, d8_cli_error)

static const OptionSpec global_options[] = {
  { "db", N_("PATH"), N_("the database file (default: %s)") },
  { "format", "table|csv|json", N_("output format: table for people (default), csv or json") },
  { "plan", N_("ID"), N_("the plan, by id, code or document number; may be left out while the "
                         "database holds one plan") },
  { "help", NULL, N_("show this help, or the help of the command") },
  { "version", NULL, N_("show the version") },
};

static const OptionSpec command_options[] = {
  { "unit", N_("NAME|ID"), N_("a unit of the plan: its name (case and diacritics do not "
                              "matter), code or id") },
  { "indicator", N_("CODE"), N_("an indicator of the plan by its code: 1 … 9, SM") },
  { "date", N_("DATE"), N_("the date of the activity, YYYY-MM-DD") },
  { "amount", N_("N"), N_("how many (count indicators)") },
  { "reached", N_("N"), N_("women reached (percent indicators)") },
  { "group", N_("N"), N_("women in the target group (percent indicators)") },
  { "place", N_("TEXT"), N_("the commune or place of the activity") },
  { "note", N_("TEXT"), N_("a note") },
  { "allow-out-of-period", NULL, N_("accept a date outside the plan period") },
  { "as-of", N_("DATE"), N_("count entries dated on or before DATE (default: today)") },
  { "totals", NULL, N_("only the province totals") },
  { "include-deleted", NULL, N_("list deleted entries too") },
  { "set", "province|NAME|ID", N_("make this installation the provincial office or the office "
                                 "of one unit") },
  { "out", N_("FILE"), N_("the file to write") },
  { "all", NULL, N_("every entry, not only those since the last export") },
  { "since-last", NULL, N_("the entries recorded or changed here since the last export") },
  { "plan-only", NULL, N_("the plans and quotas only, no entries") },
  { "dry-run", NULL, N_("show what would change, and write nothing") },
  { "json", NULL, N_("print the preview as JSON") },
  { "keep", "mine|theirs", N_("which version to keep: this office’s or the other office’s") },
  { "all-conflicts", NULL, N_("settle every conflict the same way, in one transaction") },
  { "chart", "unit|matrix|indicator|timeline", N_("the kind of chart") },
  { "width", N_("POINTS"), N_("the width of the page (1 point = 1/72 inch)") },
  { "height", N_("POINTS"), N_("the height of the page") },
  { "dpi", N_("N"), N_("pixels per inch of a PNG (default: 96)") },
};

/* The machine words that tables show translated (D8_CLI_COLUMN_KEYWORD);
 * listed here for xgettext. */
static const char *const keywords[] G_GNUC_UNUSED = {
  /* Translators: the level of a unit in the plan */
  NC_ ("keyword", "province"), NC_ ("keyword", "district"), NC_ ("keyword", "commune"),
  /* Translators: the kind of an indicator: a count of things, or a percentage */
  NC_ ("keyword", "count"), NC_ ("keyword", "percent"),
};

static gboolean cmd_plans (Cli *cli, GError **error);
static gboolean cmd_units (Cli *cli, GError **error);
static gboolean cmd_indicators (Cli *cli, GError **error);
static gboolean cmd_quotas (Cli *cli, GError **error);
static gboolean cmd_allocation (Cli *cli, GError **error);
static gboolean cmd_progress (Cli *cli, GError **error);
static gboolean cmd_record (Cli *cli, GError **error);
static gboolean cmd_entries (Cli *cli, GError **error);
static gboolean cmd_delete (Cli *cli, GError **error);
static gboolean cmd_undelete (Cli *cli, GError **error);
static gboolean cmd_help (Cli *cli, GError **error);
static gboolean cmd_edit (Cli *cli, GError **error);

#define REQ D8_CLI_USE_REQUIRED
#define OR D8_CLI_USE_OR
#define WITH D8_CLI_USE_WITH

/* Every command, its options and the synopsis its help shows, from one list. */
static const Command commands[] = {
  { "plans", N_("List the plans in the database"), D8_CLI_NO_OPTIONS, NULL, FALSE, cmd_plans },
  { "units", N_("List the units a plan allocates to, in the plan's order"), D8_CLI_NO_OPTIONS,
    NULL, FALSE, cmd_units },
  { "indicators", N_("List the indicators of a plan and their targets"), D8_CLI_NO_OPTIONS, NULL,
    FALSE, cmd_indicators },
  { "quotas", N_("Show the quota of every unit for every indicator, and the allocation check"),
    D8_CLI_NO_OPTIONS, NULL, FALSE, cmd_quotas },
  { "allocation", N_("Compare each stated province total with the sum of the units' quotas"),
    D8_CLI_NO_OPTIONS, NULL, FALSE, cmd_allocation },
  { "progress", N_("Show what each unit has achieved against its quotas, and the province totals"),
    D8_CLI_OPTIONS ({ "unit" }, { "as-of" }, { "totals" }), NULL, FALSE, cmd_progress },
  { "record", N_("Record an entry and print its UUID"),
    D8_CLI_OPTIONS ({ "unit", REQ }, { "indicator", REQ }, { "date", REQ }, { "amount", REQ },
                    { "reached", OR }, { "group", WITH }, { "place" }, { "note" },
                    { "allow-out-of-period" }),
    NULL, FALSE, cmd_record },
  { "entries", N_("List the entries of a plan, newest first"),
    D8_CLI_OPTIONS ({ "unit" }, { "indicator" }, { "include-deleted" }), NULL, FALSE,
    cmd_entries },
  { "delete", N_("Delete an entry (it can be restored with undelete)"), D8_CLI_NO_OPTIONS, "UUID",
    FALSE, cmd_delete },
  { "undelete", N_("Restore a deleted entry"), D8_CLI_NO_OPTIONS, "UUID", FALSE, cmd_undelete },
  { "edit", N_("Change an entry; options left out keep their value"),
    D8_CLI_OPTIONS ({ "date" }, { "amount" }, { "reached", OR }, { "group", WITH }, { "place" },
                    { "note" }, { "allow-out-of-period" }),
    "UUID", FALSE, cmd_edit },
  { "office", N_("Show which office this installation is, or set it"),
    D8_CLI_OPTIONS ({ "set" }), NULL, FALSE, d8_cli_cmd_office },
  { "export-bundle",
    N_("Write a bundle for another office: a unit's entries, or the plan and the picture"),
    D8_CLI_OPTIONS ({ "out", REQ, "FILE.duan8.json" }, { "unit" }, { "all" }, { "since-last", OR },
                    { "plan-only", OR }),
    NULL, FALSE, d8_cli_cmd_export_bundle },
  { "import-bundle", N_("Preview a bundle from another office and merge it in one transaction"),
    D8_CLI_OPTIONS ({ "dry-run" }, { "json" }), "FILE", FALSE, d8_cli_cmd_import_bundle },
  { "conflicts", N_("List entries edited at two offices since they last exchanged"),
    D8_CLI_NO_OPTIONS, NULL, FALSE, d8_cli_cmd_conflicts },
  /* the UUID or --all-conflicts: one of the two */
  { "resolve", N_("Settle a conflict, or all of them, by keeping one version"),
    D8_CLI_OPTIONS ({ "all-conflicts", OR | REQ }, { "keep", REQ }), "UUID", TRUE,
    d8_cli_cmd_resolve },
  { "log", N_("List the bundles imported here, newest first"), D8_CLI_NO_OPTIONS, NULL, FALSE,
    d8_cli_cmd_log },
  { "snapshots", N_("List the copies of the database taken before imports"), D8_CLI_NO_OPTIONS,
    NULL, FALSE, d8_cli_cmd_snapshots },
  { "restore", N_("Put back a snapshot (the current state is kept as a snapshot)"),
    D8_CLI_NO_OPTIONS, "NAME", FALSE, d8_cli_cmd_restore },
  { "render", N_("Draw a chart into a PNG, SVG or PDF file"),
    D8_CLI_OPTIONS ({ "chart", REQ }, { "unit" }, { "indicator" }, { "as-of" },
                    { "out", REQ, "FILE.png|svg|pdf" }, { "width", 0, "W" },
                    { "height", WITH, "H" }, { "dpi", OR }),
    NULL, FALSE, d8_cli_cmd_render },
  { "print-pack", N_("Write the meeting pack: a cover, the province matrix and a page per unit"),
    D8_CLI_OPTIONS ({ "out", REQ, "FILE.pdf" }, { "as-of" }), NULL, FALSE,
    d8_cli_cmd_print_pack },
  { "help", N_("Show the help of a command"), D8_CLI_NO_OPTIONS, "COMMAND", TRUE, cmd_help },
};

#undef REQ
#undef OR
#undef WITH

/* ---------------------------------------------------------------- helpers */

/* Returns the table of commands, in the order the general help lists them. */
const Command *
d8_cli_get_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands);
  return commands;
}

/* Returns the command called @name, or NULL. */
const Command *
d8_cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

/* Returns the global or command option called @name (without "--"), or NULL;
 * @global, if not NULL, tells which of the two it is. */
const OptionSpec *
d8_cli_find_option (const char *name, gboolean *global)
{
  const OptionSpec *tables[] = { global_options, command_options };
  const guint sizes[] = { G_N_ELEMENTS (global_options), G_N_ELEMENTS (command_options) };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (guint i = 0; i < sizes[t]; i++)
      if (g_str_equal (tables[t][i].name, name))
        {
          if (global != NULL)
            *global = t == 0;
          return &tables[t][i];
        }
  return NULL;
}

/* Returns how many options @command takes (its list ends at the sentinel). */
guint
d8_cli_command_n_options (const Command *command)
{
  guint n = 0;

  while (command->options[n].name != NULL)
    n++;
  return n;
}

/* Returns whether @command takes the command option @option. */
gboolean
d8_cli_command_accepts (const Command *command, const char *option)
{
  for (guint i = 0; command->options[i].name != NULL; i++)
    if (g_str_equal (command->options[i].name, option))
      return TRUE;
  return FALSE;
}

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

gboolean
d8_cli_open_store (Cli *cli, GError **error)
{
  if (cli->store != NULL)
    return TRUE;
  cli->store = d8_store_open (cli->db_path, D8_STORE_OPEN_DEFAULT, error);
  if (cli->store == NULL)
    {
      cli->open_failed = TRUE;
      return FALSE;
    }
  return TRUE;
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
};

static gboolean
cmd_plans (Cli *cli, GError **error)
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

static gboolean
cmd_units (Cli *cli, GError **error)
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

static const char *
kind_to_string (D8IndicatorKind kind)
{
  return kind == D8_KIND_PERCENT ? "percent" : "count";
}

static gboolean
cmd_indicators (Cli *cli, GError **error)
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
      d8_cli_table_set_text (table, "kind", kind_to_string (indicator->kind));
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

static gboolean
cmd_quotas (Cli *cli, GError **error)
{
  return show_quotas (cli, TRUE, error);
}

static gboolean
cmd_allocation (Cli *cli, GError **error)
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
  if (indicator->kind == D8_KIND_PERCENT)
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
      if (indicator->has_target && indicator->kind == D8_KIND_PERCENT)
        d8_cli_table_set_double (table, "target_percent", indicator->target / 100.0);
      if (allocated)
        d8_cli_table_set_int (table, "allocated", ov->allocated[i]);
    }
  return table;
}

static gboolean
cmd_progress (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Unit) unit = NULL;
  g_autoptr (D8Overview) ov = NULL;
  g_autoptr (D8CliReport) report = NULL;
  g_autofree char *as_of = NULL;
  gboolean totals_only = d8_cli_option_flag (cli, "totals");
  int only = -1;

  if (totals_only && d8_cli_option_value (cli, "unit"))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("progress: --totals and --unit cannot be used together"));
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

  if (!totals_only)
    {
      D8CliTable *table = d8_cli_table_new ("progress", NULL, progress_columns,
                                            G_N_ELEMENTS (progress_columns));

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
      d8_cli_report_add_table (report, table);
    }
  if (unit == NULL)
    d8_cli_report_add_table (report, build_totals (ov));
  d8_cli_write_report (cli, report);
  return TRUE;
}

/* ---------------------------------------------------------------- entries */

static gboolean
cmd_record (Cli *cli, GError **error)
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
  if (indicator->kind == D8_KIND_COUNT && !has_amount)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("record: indicator %s counts things; give --amount"), indicator->code);
      return FALSE;
    }
  if (indicator->kind == D8_KIND_PERCENT && !has_percent)
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

static gboolean
cmd_entries (Cli *cli, GError **error)
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
      if (entry_indicator && entry_indicator->kind == D8_KIND_PERCENT)
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

static gboolean
cmd_delete (Cli *cli, GError **error)
{
  return d8_cli_open_store (cli, error) && d8_store_delete_entry (cli->store, cli->arg, error);
}

static gboolean
cmd_undelete (Cli *cli, GError **error)
{
  return d8_cli_open_store (cli, error) && d8_store_undelete_entry (cli->store, cli->arg, error);
}

static gboolean
cmd_edit (Cli *cli, GError **error)
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

/* ------------------------------------------------------------------- help */

static void
append_option_help (GString *out, const OptionSpec *spec)
{
  g_autofree char *left = spec->value_name
                            ? g_strdup_printf ("--%s %s", spec->name, _(spec->value_name))
                            : g_strdup_printf ("--%s", spec->name);
  g_autofree char *help = NULL;
  glong len = g_utf8_strlen (left, -1);

  if (g_str_equal (spec->name, "db"))
    {
      g_autofree char *path = d8_store_default_path ();
      help = g_strdup_printf (_("the database file (default: %s)"), path);
    }
  else
    help = g_strdup (_(spec->help));
  g_string_append_printf (out, "  %s", left);
  for (glong i = len; i < 26; i++)
    g_string_append_c (out, ' ');
  if (len >= 26)
    g_string_append (out, "\n                            ");
  g_string_append_printf (out, "%s\n", help);
}

static void
append_global_options_help (GString *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (global_options); i++)
    append_option_help (out, &global_options[i]);
}

/* Returns the general help: the commands and the global options. */
char *
d8_cli_general_help (void)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _("Usage: %s [--db PATH] [--format table|csv|json] [--plan ID] "
                                 "COMMAND [options]"),
                          PROGRAM);
  g_string_append (out, "\n\n");
  g_string_append (out, _("The command line of duan8: the plan, quotas, progress and entries of "
                          "Dự án 8."));
  g_string_append (out, "\n\n");
  g_string_append_printf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  %-15s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (out, "\n%s\n", _("Global options (before or after the command):"));
  append_global_options_help (out);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Run “%s help COMMAND” for the options of a command."), PROGRAM);
  g_string_append_c (out, '\n');
  g_string_append (out, _("Exit status: 0 success; 1 a user error (bad arguments, unknown unit, "
                          "invalid amount, not found); 2 an internal error (database, files)."));
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* The usage of @command after its name, built from its options (see
 * D8CliUse): "UUID [--date DATE] [--amount N | --reached N --group N]".
 * Not translated: option names and the values they take are the same in
 * every language on the command line. */
char *
d8_cli_command_synopsis (const Command *command)
{
  GString *out = g_string_new (NULL);
  g_autoptr (GString) group = g_string_new (NULL);
  gboolean required = FALSE, alternatives = FALSE;
  guint n = d8_cli_command_n_options (command);

  /* Item 0 is the positional argument, if any; items are written into
   * @group until one starts a new group. */
  for (guint i = 0; i <= n + 1; i++)
    {
      const CommandOption *option = i >= 1 && i <= n ? &command->options[i - 1] : NULL;
      gboolean positional = i == 0;
      D8CliUse use = option ? option->use : 0;

      if (positional && command->arg_name == NULL)
        continue;
      if (group->len > 0 && (i > n || !(use & (D8_CLI_USE_OR | D8_CLI_USE_WITH))))
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          if (!required)
            g_string_append_printf (out, "[%s]", group->str);
          else if (alternatives)
            g_string_append_printf (out, "(%s)", group->str);
          else
            g_string_append (out, group->str);
          g_string_truncate (group, 0);
          required = alternatives = FALSE;
        }
      if (i > n)
        break;
      if (use & D8_CLI_USE_OR)
        {
          g_string_append (group, " | ");
          alternatives = TRUE;
        }
      else if (use & D8_CLI_USE_WITH)
        g_string_append_c (group, ' ');
      if (positional)
        {
          g_string_append (group, command->arg_name);
          required |= !command->arg_optional;
        }
      else
        {
          const OptionSpec *spec = d8_cli_find_option (option->name, NULL);
          const char *value = option->shown_as ? option->shown_as : spec->value_name;

          g_string_append_printf (group, "--%s", option->name);
          if (value != NULL)
            g_string_append_printf (group, " %s", value);
          required |= (use & D8_CLI_USE_REQUIRED) != 0;
        }
    }
  return g_string_free (out, FALSE);
}

/* Returns the help of @command: its usage, summary and options. */
char *
d8_cli_command_help (const Command *command)
{
  GString *out = g_string_new (NULL);
  g_autofree char *synopsis = d8_cli_command_synopsis (command);

  g_string_append_printf (out, _("Usage: %s [global options] %s %s"), PROGRAM, command->name,
                          synopsis);
  g_string_append_printf (out, "\n\n%s\n", _(command->summary));
  if (command->options[0].name != NULL)
    {
      g_string_append_printf (out, "\n%s\n", _("Options:"));
      for (guint i = 0; command->options[i].name != NULL; i++)
        append_option_help (out, d8_cli_find_option (command->options[i].name, NULL));
    }
  g_string_append_printf (out, "\n%s\n", _("Global options (before or after the command):"));
  append_global_options_help (out);
  return g_string_free (out, FALSE);
}

static gboolean
unknown_command (const char *name, GError **error)
{
  g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
               /* Translators: %s: the command typed, the program */
               _("unknown command “%s”; run “%s --help” for the list"), name, PROGRAM);
  return FALSE;
}

static gboolean
cmd_help (Cli *cli, GError **error)
{
  g_autofree char *text = NULL;

  if (cli->arg == NULL)
    text = d8_cli_general_help ();
  else if (d8_cli_find_command (cli->arg) != NULL)
    text = d8_cli_command_help (d8_cli_find_command (cli->arg));
  else
    return unknown_command (cli->arg, error);
  fputs (text, stdout);
  return TRUE;
}

/* ---------------------------------------------------------------- parsing */

static gboolean
set_global (Cli *cli, const char *name, const char *value, GError **error)
{
  if (g_str_equal (name, "db"))
    {
      g_free (cli->db_path);
      cli->db_path = g_strdup (value);
    }
  else if (g_str_equal (name, "plan"))
    {
      g_free (cli->plan_ref);
      cli->plan_ref = g_strdup (value);
    }
  else if (g_str_equal (name, "format"))
    {
      if (g_str_equal (value, "table"))
        cli->format = D8_CLI_FORMAT_TABLE;
      else if (g_str_equal (value, "csv"))
        cli->format = D8_CLI_FORMAT_CSV;
      else if (g_str_equal (value, "json"))
        cli->format = D8_CLI_FORMAT_JSON;
      else
        {
          g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                       _("--format: “%s” is not a format; use table, csv or json"), value);
          return FALSE;
        }
    }
  else if (g_str_equal (name, "help"))
    cli->help = TRUE;
  else if (g_str_equal (name, "version"))
    cli->version = TRUE;
  return TRUE;
}

/* Reads @argv into @cli (set up by d8_cli_init): the global options, the
 * command, its argument and its options. Global options may come before or
 * after the command; command options are collected here and checked against
 * the command by d8_cli_check_command once it is known. Returns FALSE with
 * D8_CLI_ERROR_USAGE on an unknown option or command, a missing value, an
 * option given twice or an unexpected argument. */
gboolean
d8_cli_parse (Cli *cli, int argc, char **argv, GError **error)
{
  g_autoptr (GPtrArray) positional = g_ptr_array_new ();
  gboolean options_done = FALSE;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      g_autofree char *name = NULL;
      const char *value = NULL;
      const char *eq;
      const OptionSpec *spec;
      gboolean global;

      if (options_done || arg[0] != '-' || arg[1] == '\0')
        {
          g_ptr_array_add (positional, (gpointer) arg);
          continue;
        }
      if (g_str_equal (arg, "--"))
        {
          options_done = TRUE;
          continue;
        }
      if (g_str_equal (arg, "-h"))
        {
          cli->help = TRUE;
          continue;
        }
      if (arg[1] != '-')
        {
          g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE, _("unknown option “%s”"), arg);
          return FALSE;
        }
      eq = strchr (arg, '=');
      name = eq ? g_strndup (arg + 2, eq - arg - 2) : g_strdup (arg + 2);
      spec = d8_cli_find_option (name, &global);
      if (spec == NULL)
        {
          g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE, _("unknown option “--%s”"), name);
          return FALSE;
        }
      if (spec->value_name != NULL)
        {
          if (eq)
            value = eq + 1;
          else if (i + 1 < argc)
            value = argv[++i];
          else
            {
              g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                           /* Translators: %s: option name, the kind of value */
                           _("--%s needs a value (%s)"), name, _(spec->value_name));
              return FALSE;
            }
        }
      else if (eq)
        {
          g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE, _("--%s takes no value"), name);
          return FALSE;
        }

      if (global)
        {
          if (!set_global (cli, name, value, error))
            return FALSE;
        }
      else if (g_hash_table_contains (cli->options, name))
        {
          g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE, _("--%s is given twice"), name);
          return FALSE;
        }
      else
        g_hash_table_insert (cli->options, g_strdup (name), g_strdup (value ? value : ""));
    }

  if (positional->len == 0)
    return TRUE;
  cli->command = d8_cli_find_command (positional->pdata[0]);
  if (cli->command == NULL)
    return unknown_command (positional->pdata[0], error);
  if (positional->len > 2 || (positional->len == 2 && cli->command->arg_name == NULL))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("%s: unexpected argument “%s”"), cli->command->name,
                   (const char *) positional->pdata[cli->command->arg_name ? 2 : 1]);
      return FALSE;
    }
  if (positional->len == 2)
    cli->arg = g_strdup (positional->pdata[1]);
  return TRUE;
}

/* Refuses options given to a command that does not take them, so a typo
 * never silently changes what is shown or recorded, and a missing argument.
 * Returns FALSE with D8_CLI_ERROR_USAGE. */
gboolean
d8_cli_check_command (Cli *cli, GError **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, cli->options);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!d8_cli_command_accepts (cli->command, key))
      {
        g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                     /* Translators: %s: the option, the command */
                     _("--%s is not an option of “%s”; see “duan8-cli help %s”"),
                     (const char *) key, cli->command->name, cli->command->name);
        return FALSE;
      }
  if (cli->command->arg_name && !cli->command->arg_optional && cli->arg == NULL)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   /* Translators: %s: the command, the argument it needs ("UUID") */
                   _("%s: the argument %s is missing"), cli->command->name,
                   cli->command->arg_name);
      return FALSE;
    }
  return TRUE;
}

/* Returns the exit code for a command that failed with @error (docs/cli.md). */
int
d8_cli_exit_code_for (Cli *cli, const GError *error)
{
  if (cli->open_failed)
    return D8_CLI_EXIT_INTERNAL;
  if (error->domain == D8_CLI_ERROR)
    return D8_CLI_EXIT_USER;
  if (error->domain == D8_ERROR)
    return error->code == D8_ERROR_DATABASE ? D8_CLI_EXIT_INTERNAL : D8_CLI_EXIT_USER;
  /* A file the user named that is not there (or a folder that is not):
   * a user error. Other file failures (disk full, permissions) are 2. */
  if (error->domain == G_IO_ERROR
      && (error->code == G_IO_ERROR_NOT_FOUND || error->code == G_IO_ERROR_INVALID_ARGUMENT
          || error->code == G_IO_ERROR_IS_DIRECTORY))
    return D8_CLI_EXIT_USER;
  if (error->domain == G_FILE_ERROR
      && (error->code == G_FILE_ERROR_NOENT || error->code == G_FILE_ERROR_ISDIR))
    return D8_CLI_EXIT_USER;
  return D8_CLI_EXIT_INTERNAL;
}

/* Sets up @cli for d8_cli_parse: table format, no options. */
void
d8_cli_init (Cli *cli)
{
  memset (cli, 0, sizeof *cli);
  cli->format = D8_CLI_FORMAT_TABLE;
  cli->options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Frees what @cli holds (not @cli itself). */
void
d8_cli_clear (Cli *cli)
{
  g_clear_object (&cli->store);
  g_clear_pointer (&cli->options, g_hash_table_unref);
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_pointer (&cli->plan_ref, g_free);
  g_clear_pointer (&cli->arg, g_free);
}

int
d8_cli_run (int argc, char **argv)
{
  Cli cli;
  g_autoptr (GError) error = NULL;
  gboolean ok;
  int status;

  d8_cli_init (&cli);
  ok = d8_cli_parse (&cli, argc, argv, &error);
  if (ok && cli.version)
    g_print ("%s %s\n", PROGRAM, PACKAGE_VERSION);
  else if (ok && cli.help)
    {
      g_autofree char *text = cli.command && cli.command->func != cmd_help
                                ? d8_cli_command_help (cli.command)
                                : d8_cli_general_help ();
      fputs (text, stdout);
    }
  else if (ok && cli.command == NULL)
    {
      g_set_error (&error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("no command given; run “%s --help” for the list"), PROGRAM);
      ok = FALSE;
    }
  else if (ok)
    {
      if (cli.db_path == NULL)
        cli.db_path = d8_store_default_path ();
      ok = d8_cli_check_command (&cli, &error) && cli.command->func (&cli, &error);
    }

  status = ok ? D8_CLI_EXIT_OK : d8_cli_exit_code_for (&cli, error);
  if (!ok)
    fprintf (stderr, "%s: %s\n", PROGRAM, error->message);

  d8_cli_clear (&cli);
  return status;
}
