/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-cli-args.c — the command line of duan8-cli: the tables of global and
 * command options and of commands, parsing and checking the arguments, the
 * help (each command's usage line written from its options), exit codes,
 * and d8_cli_run, which ties them to the commands (d8-cli.c,
 * d8-cli-bundle.c, d8-cli-charts.c). Nothing here opens the database: the
 * arguments are refused or accepted first. See docs/cli.md. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "d8-cli-private.h"
#include "d8-cli.h"
#include "d8-error.h"
#include "d8-store.h"
#include "d8-text.h"

G_DEFINE_QUARK (d8-cli-error-quark, d8_cli_error)

static const OptionSpec global_options[] = {
  { "db", N_("PATH"), N_("the database file (default: %s)") },
  { "format", "table|csv|json", N_("output format: table for people (default), csv or json") },
  { "excel", NULL, N_("with --format csv: a UTF-8 byte-order mark and CRLF line ends, as Excel "
                      "on Windows reads them") },
  { "plan", N_("ID"), N_("the plan, by id, code, document number, or year when one plan has "
                         "it; may be left out while the database holds one plan") },
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
  { "by-parent", NULL, N_("subtotals per parent unit (former district, or province), and the "
                          "units behind in each") },
  { "include-deleted", NULL, N_("list deleted entries too") },
  { "set", "province|NAME|ID", N_("make this installation the provincial office or the office "
                                    "of one unit") },
  { "out", N_("FILE"), N_("the file to write") },
  { "force", NULL, N_("replace the --out file if it exists") },
  { "all", NULL, N_("every entry, not only those since the last export") },
  { "since-last", NULL, N_("the entries recorded or changed here since the last export") },
  { "plan-only", NULL, N_("the plans and quotas only, no entries") },
  { "dry-run", NULL, N_("show what would change, and write nothing") },
  { "json", NULL, N_("print the preview as JSON") },
  { "trust-new-office", NULL, N_("the first bundle from this office: its fingerprint was read "
                                 "aloud on the phone and matches") },
  { "allow-older", NULL, N_("import a bundle older than the last one from its office") },
  { "key", N_("KEY"), N_("the office’s public key, or its fingerprint (30 digits)") },
  { "keep", "mine|theirs", N_("which version to keep: this office’s or the other office’s") },
  { "all-conflicts", NULL, N_("settle every conflict the same way, in one transaction") },
  { "chart", "unit|matrix|indicator|timeline|compare", N_("the kind of chart") },
  { "width", N_("POINTS"), N_("the width of the page (1 point = 1/72 inch)") },
  { "height", N_("POINTS"), N_("the height of the page") },
  { "dpi", N_("N"), N_("pixels per inch of a PNG (default: 96)") },
  { "from", N_("PLAN"), N_("a plan in the database whose metadata, units, groups and indicators "
                           "the table uses") },
  { "code", N_("CODE"), N_("the plan’s code, its identifier across offices") },
  { "year", N_("N"), N_("the plan’s year") },
  { "document-number", N_("TEXT"), N_("the number of the plan’s document, or with amend-plan "
                                       "of the amending decision, e.g. 1653/KH-UBND, "
                                       "25/QĐ-UBND") },
  { "title", N_("TEXT"), N_("the plan’s title") },
  { "reference", N_("PLAN"), N_("the plan whose quotas give the proportions, e.g. last year’s") },
  { "total", N_("N"), N_("the number to spread (default: the total the plan states)") },
  { "among", N_("UNIT,UNIT"), N_("the units to spread it over, by name, code or id "
                                 "(default: every unit of the appendix)") },
  { "issuer", N_("TEXT"), N_("who issued the plan, e.g. UBND tỉnh Gia Lai") },
  { "issued-on", N_("DATE"), N_("the date the plan, or with amend-plan the amending decision, "
                                 "was issued, YYYY-MM-DD") },
  { "level", N_("LEVEL"), N_("the level of the units added: commune (a table's default), "
                             "district, province …") },
  { "parent", N_("CODE"), N_("the unit the new units belong to: its code (add-unit also takes "
                             "its name or id)") },
  { "copy-quotas", NULL, N_("copy the --from plan’s quotas and stated totals too") },
  { "name", N_("TEXT"), N_("the name of the unit, as written in the plan") },
  { "kind", N_("TEXT"), N_("the kind of unit as written: huyện, thị xã, xã, phường …") },
  { "sheet", N_("NAME|N"), N_("the sheet of an XLSX workbook (default: the first)") },
  { "mapping", N_("FILE.json"), N_("which indicator each column of a table is and which unit "
                                   "each row is, as the window's Mapping tab sets them") },
  { "revise", NULL, N_("import the file as a revision of the plan with the same code") },
  { "units", "all|behind|none|GROUP|LIST", N_("the units that get a page of their own: every unit, "
                                               "those behind, none, the units of one parent "
                                               "group, or a comma-separated list (default: all "
                                               "up to 30 units, none beyond)") },
  { "plans", "A,B,C", N_("the plans to compare, comma-separated: ids, codes, numbers or "
                                  "years (default: every plan in the database)") },
  { "by", "unit|parent|province", N_("the rows: every unit, units under their former unit "
                                     "(district), or the province only (default)") },
  { "to-plan", N_("PLAN"), N_("the other plan of the link") },
  { "to-indicator", N_("CODE"), N_("the indicator of the other plan that is the same indicator") },
  { "remove", NULL, N_("remove the link instead of making it") },
  { "period", N_("CODE"), N_("a reporting period of the plan by its code (see “periods”), "
                             "e.g. 2023-h1") },
  { "narrative", N_("FILE"), N_("the report's narrative: results, difficulties, proposals and "
                                "reasons, as JSON or as text with headings (see docs/cli.md)") },
  { "reason", N_("TEXT"), N_("why the report is returned or reopened") },
  { "superior-body", N_("TEXT"), N_("the superior body, first line top left of the report "
                                    "(\"\" for none)") },
  { "issuing-body", N_("TEXT"), N_("the body that issues the report, e.g. HỘI LHPN TỈNH GIA LAI") },
  { "symbol", N_("TEXT"), N_("the report's symbol after its number, e.g. BC-HPN") },
  { "report-place", N_("TEXT"), N_("the place written before the report's date, e.g. Gia Lai") },
  { "signer-capacity", N_("TEXT"), N_("the capacity the report is signed in, e.g. TM. BAN "
                                      "THƯỜNG VỤ (\"\" for none)") },
  { "signer-title", N_("TEXT"), N_("the signer's title, e.g. CHỦ TỊCH") },
  { "signer-name", N_("TEXT"), N_("the signer's full name") },
  { "recipients", N_("FILE"), N_("a text file of the \"Nơi nhận\" lines, one recipient a line") },
};

static gboolean cmd_help (Cli *cli, GError **error);

#define REQ D8_CLI_USE_REQUIRED
#define OR D8_CLI_USE_OR
#define WITH D8_CLI_USE_WITH

/* Every command, its options and the synopsis its help shows, from one list. */
static const Command commands[] = {
  { "plans", N_("List the plans in the database"), D8_CLI_NO_OPTIONS, NULL, FALSE, d8_cli_cmd_plans },
  { "units", N_("List the units a plan allocates to, in the plan's order"), D8_CLI_NO_OPTIONS,
    NULL, FALSE, d8_cli_cmd_units },
  { "indicators", N_("List the indicators of a plan and their targets"), D8_CLI_NO_OPTIONS, NULL,
    FALSE, d8_cli_cmd_indicators },
  { "quotas", N_("Show the quota of every unit for every indicator, and the allocation check"),
    D8_CLI_NO_OPTIONS, NULL, FALSE, d8_cli_cmd_quotas },
  { "allocation", N_("Compare each stated province total with the sum of the units' quotas"),
    D8_CLI_NO_OPTIONS, NULL, FALSE, d8_cli_cmd_allocation },
  { "progress", N_("Show what each unit has achieved against its quotas, and the province totals"),
    D8_CLI_OPTIONS ({ "unit" }, { "as-of" }, { "totals" }, { "by-parent" }), NULL, FALSE,
    d8_cli_cmd_progress },
  { "record", N_("Record an entry and print its UUID"),
    D8_CLI_OPTIONS ({ "unit", REQ }, { "indicator", REQ }, { "date", REQ }, { "amount", REQ },
                    { "reached", OR }, { "group", WITH }, { "place" }, { "note" },
                    { "allow-out-of-period" }),
    NULL, FALSE, d8_cli_cmd_record },
  { "entries", N_("List the entries of a plan, newest first"),
    D8_CLI_OPTIONS ({ "unit" }, { "indicator" }, { "include-deleted" }), NULL, FALSE,
    d8_cli_cmd_entries },
  { "delete", N_("Delete an entry (it can be restored with undelete)"), D8_CLI_NO_OPTIONS, N_("UUID"),
    FALSE, d8_cli_cmd_delete },
  { "undelete", N_("Restore a deleted entry"), D8_CLI_NO_OPTIONS, N_("UUID"), FALSE, d8_cli_cmd_undelete },
  { "edit", N_("Change an entry; options left out keep their value"),
    D8_CLI_OPTIONS ({ "date" }, { "amount" }, { "reached", OR }, { "group", WITH }, { "place" },
                    { "note" }, { "allow-out-of-period" }),
    N_("UUID"), FALSE, d8_cli_cmd_edit },
  { "import-plan",
    N_("Preview a plan file or an appendix table (CSV, TSV, XLSX) and import it in one "
       "transaction"),
    D8_CLI_OPTIONS ({ "dry-run" }, { "json" }, { "from" }, { "code" }, { "year" },
                    { "document-number" }, { "title" }, { "issuer" }, { "issued-on" },
                    { "level" }, { "parent" }, { "sheet" }, { "mapping" }, { "revise" }),
    N_("FILE"), FALSE, d8_cli_cmd_import_plan },
  { "export-plan", N_("Write a plan as a plan file, or its appendix as CSV or XLSX"),
    D8_CLI_OPTIONS ({ "out", REQ, "FILE.json|FILE.csv|FILE.xlsx" }), NULL, FALSE,
    d8_cli_cmd_export_plan },
  { "plan-history", N_("List the revisions of a plan and the quotas each changed"),
    D8_CLI_NO_OPTIONS, NULL, FALSE, d8_cli_cmd_plan_history },
  { "new-plan", N_("Make a draft plan, empty or from another plan's units and indicators"),
    D8_CLI_OPTIONS ({ "from" }, { "code", REQ }, { "year", REQ }, { "title" },
                    { "copy-quotas" }),
    NULL, FALSE, d8_cli_cmd_new_plan },
  { "set-quota", N_("Set a unit's quota for an indicator (- for no quota)"),
    D8_CLI_OPTIONS ({ "unit", REQ }, { "indicator", REQ }), "N|-", FALSE, d8_cli_cmd_set_quota },
  { "set-total", N_("Set the total a plan states for an indicator (- for none)"),
    D8_CLI_OPTIONS ({ "indicator", REQ }), "N|-", FALSE, d8_cli_cmd_set_total },
  { "distribute",
    N_("Spread a total over units in proportion to another plan's quotas, and set those quotas"),
    D8_CLI_OPTIONS ({ "indicator", REQ }, { "reference", REQ }, { "total" }, { "among" },
                    { "dry-run" }),
    NULL, FALSE, d8_cli_cmd_distribute },
  { "add-unit", N_("Add a new unit to a draft plan"),
    D8_CLI_OPTIONS ({ "name", REQ }, { "level", REQ, N_("LEVEL") }, { "parent", 0, N_("UNIT") },
                    { "kind" }),
    NULL, FALSE, d8_cli_cmd_add_unit },
  { "issue-plan", N_("Issue a draft plan, or the open amendment of an issued plan"),
    D8_CLI_OPTIONS ({ "document-number", REQ }, { "issued-on", REQ }, { "issuer" }), NULL, FALSE,
    d8_cli_cmd_issue_plan },
  { "amend-plan",
    N_("Open an amendment of an issued plan: the quotas set next are recorded under it"),
    D8_CLI_OPTIONS ({ "document-number", REQ }, { "issued-on", REQ }), NULL, FALSE,
    d8_cli_cmd_amend_plan },
  { "office", N_("Show which office this installation is, or set it"),
    D8_CLI_OPTIONS ({ "set" }), NULL, FALSE, d8_cli_cmd_office },
  { "export-bundle",
    N_("Write a bundle for another office: a unit's entries, or the plan and the picture"),
    D8_CLI_OPTIONS ({ "out", REQ, "FILE.duan8.json" }, { "force" }, { "unit" }, { "all" },
                    { "since-last", OR }, { "plan-only", OR }),
    NULL, FALSE, d8_cli_cmd_export_bundle },
  { "import-bundle", N_("Preview a bundle from another office and merge it in one transaction"),
    D8_CLI_OPTIONS ({ "dry-run" }, { "json" }, { "trust-new-office" }, { "allow-older" }), N_("FILE"),
    FALSE, d8_cli_cmd_import_bundle },
  { "trust-office",
    N_("Register the key of another office (read on the phone), or list the offices known here"),
    D8_CLI_OPTIONS ({ "key" }), "province|UNIT", TRUE, d8_cli_cmd_trust_office },
  { "conflicts", N_("List entries edited at two offices since they last exchanged"),
    D8_CLI_NO_OPTIONS, NULL, FALSE, d8_cli_cmd_conflicts },
  /* the UUID or --all-conflicts: one of the two */
  { "resolve", N_("Settle a conflict, or all of them, by keeping one version"),
    D8_CLI_OPTIONS ({ "all-conflicts", OR | REQ }, { "keep", REQ }), N_("UUID"), TRUE,
    d8_cli_cmd_resolve },
  { "log", N_("List the bundles imported here, newest first"), D8_CLI_NO_OPTIONS, NULL, FALSE,
    d8_cli_cmd_log },
  { "snapshots", N_("List the copies of the database taken before imports"), D8_CLI_NO_OPTIONS,
    NULL, FALSE, d8_cli_cmd_snapshots },
  { "restore", N_("Put back a snapshot (the current state is kept as a snapshot)"),
    D8_CLI_NO_OPTIONS, N_("NAME"), FALSE, d8_cli_cmd_restore },
  { "render", N_("Draw a chart into a PNG, SVG or PDF file"),
    D8_CLI_OPTIONS ({ "chart", REQ }, { "unit" }, { "indicator" }, { "plans" }, { "as-of" },
                    { "out", REQ, N_("FILE.png|svg|pdf") }, { "force" }, { "width", 0, "W" },
                    { "height", WITH, "H" }, { "dpi", OR }),
    NULL, FALSE, d8_cli_cmd_render },
  { "print-pack", N_("Write the meeting pack: a cover, the province matrix and a page per unit"),
    D8_CLI_OPTIONS ({ "out", REQ, "FILE.pdf" }, { "force" }, { "as-of" }, { "units" }), NULL, FALSE,
    d8_cli_cmd_print_pack },
  { "compare",
    N_("Put plans side by side: per indicator and year the stated and allocated quotas, what "
       "was achieved, and the sums over the years"),
    D8_CLI_OPTIONS ({ "plans" }, { "indicator" }, { "by" }, { "as-of" }), NULL, FALSE,
    d8_cli_cmd_compare },
  { "link-indicator",
    N_("Tell compare that an indicator of one plan is an indicator of another plan"),
    D8_CLI_OPTIONS ({ "indicator", REQ }, { "to-plan", REQ }, { "to-indicator", REQ },
                    { "remove" }),
    NULL, FALSE, d8_cli_cmd_link_indicator },
  { "periods", N_("List the plan's reporting periods and their due dates"), D8_CLI_NO_OPTIONS,
    NULL, FALSE, d8_cli_cmd_periods },
  { "submit-report", N_("Submit this unit office's report for a period, its figures frozen at "
                        "the cut-off"),
    D8_CLI_OPTIONS ({ "period", REQ }, { "narrative" }), NULL, FALSE, d8_cli_cmd_submit_report },
  { "withdraw-report", N_("Withdraw this unit office's report before the province decides"),
    D8_CLI_OPTIONS ({ "period", REQ }), NULL, FALSE, d8_cli_cmd_withdraw_report },
  { "reports", N_("Show who reported for a period: on time, late, missing, returned, approved"),
    D8_CLI_OPTIONS ({ "period", REQ }), NULL, FALSE, d8_cli_cmd_reports },
  { "approve", N_("Approve a unit's report for a period; its entries of the period lock"),
    D8_CLI_OPTIONS ({ "unit", REQ }, { "period", REQ }), NULL, FALSE, d8_cli_cmd_approve },
  { "return", N_("Return a unit's report for a period with a reason"),
    D8_CLI_OPTIONS ({ "unit", REQ }, { "period", REQ }, { "reason", REQ }), NULL, FALSE,
    d8_cli_cmd_return },
  { "reopen", N_("Reopen an approved report with a reason; its entries unlock"),
    D8_CLI_OPTIONS ({ "unit", REQ }, { "period", REQ }, { "reason", REQ }), NULL, FALSE,
    d8_cli_cmd_reopen },
  { "report",
    N_("Write the province's report to the People's Committee for a reporting period as PDF, "
       "DOCX or XLSX"),
    D8_CLI_OPTIONS ({ "period", REQ }, { "out", REQ, "FILE.pdf|FILE.docx|FILE.xlsx" },
                    { "force" }),
    NULL, FALSE, d8_cli_cmd_report },
  { "report-settings",
    N_("Show or set who issues and signs the province's report (shared with the window's "
       "Preferences)"),
    D8_CLI_OPTIONS ({ "superior-body" }, { "issuing-body" }, { "symbol" }, { "report-place" },
                    { "signer-capacity" }, { "signer-title" }, { "signer-name" },
                    { "recipients" }),
    NULL, FALSE, d8_cli_cmd_report_settings },
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
 * Option names and the values they take are the same in every language;
 * the placeholders for what the user gives (NAME, DATE, FILE) are
 * translated, as the list of options below it translates them. */
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
          g_string_append (group, _(command->arg_name));
          required |= !command->arg_optional;
        }
      else
        {
          const OptionSpec *spec = d8_cli_find_option (option->name, NULL);
          const char *value = option->shown_as ? option->shown_as : spec->value_name;

          g_string_append_printf (group, "--%s", option->name);
          if (value != NULL)
            g_string_append_printf (group, " %s", _(value));
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
  else if (g_str_equal (name, "excel"))
    cli->excel = TRUE;
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

  if (cli->excel && cli->format != D8_CLI_FORMAT_CSV)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("--excel applies to CSV only; give --format csv too"));
      return FALSE;
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
                   _(cli->command->arg_name));
      return FALSE;
    }
  return TRUE;
}

/* Returns the exit code for a command that failed with @error (docs/cli.md). */
int
d8_cli_exit_code_for (Cli *cli, const GError *error)
{
  /* An existing file that is not a usable database is the user's to move
   * away (1); a database that cannot be opened or written is 2. */
  if (cli->open_failed)
    return g_error_matches (error, D8_ERROR, D8_ERROR_NOT_A_DATABASE) ? D8_CLI_EXIT_USER
                                                                       : D8_CLI_EXIT_INTERNAL;
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
    {
      /* Messages may quote a file's text: escaped, long names cut. */
      g_autofree char *message = d8_text_escape_message (error->message);
      fprintf (stderr, "%s: %s\n", PROGRAM, message);
    }

  d8_cli_clear (&cli);
  return status;
}
