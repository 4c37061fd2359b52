/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-args.c — duan8-cli without spawning it: the argument parser, the
 * command table (every command's options bounded and known, the usage line
 * written from them), the exit codes, and the report emitter's three formats.
 * Links the same static library as the program (src/cli). What the commands
 * do to a database is tests/test-cli*.sh's job. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "d8-cli-private.h"
#include "d8-cli.h"
#include "d8-error.h"

/* ------------------------------------------------------------ parsing */

/* Parses @first and what follows (NULL-terminated) as argv[1…], and with
 * @check also checks them against the command as d8_cli_run does before
 * running it. @cli is set up here and must be cleared by the caller. */
static gboolean
parse_args (Cli *cli, gboolean check, GError **error, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  d8_cli_init (cli);
  g_ptr_array_add (argv, (gpointer) "duan8-cli");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (!d8_cli_parse (cli, (int) argv->len - 1, (char **) argv->pdata, error))
    return FALSE;
  return !check || cli->command == NULL || d8_cli_check_command (cli, error);
}

#define parse(cli, error, ...) parse_args (cli, FALSE, error, __VA_ARGS__)
#define parse_and_check(cli, error, ...) parse_args (cli, TRUE, error, __VA_ARGS__)

static void
test_global_options (void)
{
  g_autoptr (GError) error = NULL;
  Cli cli;

  g_assert_true (parse (&cli, &error, "--db", "/tmp/x.sqlite3", "--format", "csv", "--plan",
                        "1653/KH-UBND", "units", NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (cli.db_path, ==, "/tmp/x.sqlite3");
  g_assert_cmpstr (cli.plan_ref, ==, "1653/KH-UBND");
  g_assert_cmpint (cli.format, ==, D8_CLI_FORMAT_CSV);
  g_assert_cmpstr (cli.command->name, ==, "units");
  g_assert_null (cli.arg);
  g_assert_false (cli.help);
  g_assert_false (cli.version);
  d8_cli_clear (&cli);

  /* after the command, and with "=" */
  g_assert_true (parse (&cli, &error, "plans", "--format=json", "--db=a b.sqlite3", NULL));
  g_assert_no_error (error);
  g_assert_cmpint (cli.format, ==, D8_CLI_FORMAT_JSON);
  g_assert_cmpstr (cli.db_path, ==, "a b.sqlite3");
  g_assert_cmpstr (cli.command->name, ==, "plans");
  d8_cli_clear (&cli);

  /* given twice, the last one counts (as before: global options are settings) */
  g_assert_true (parse (&cli, &error, "--format", "csv", "plans", "--format", "table", NULL));
  g_assert_cmpint (cli.format, ==, D8_CLI_FORMAT_TABLE);
  d8_cli_clear (&cli);

  g_assert_true (parse (&cli, &error, "--version", NULL));
  g_assert_true (cli.version);
  g_assert_null (cli.command);
  d8_cli_clear (&cli);
  g_assert_true (parse (&cli, &error, "record", "-h", NULL));
  g_assert_true (cli.help);
  g_assert_cmpstr (cli.command->name, ==, "record");
  d8_cli_clear (&cli);
  g_assert_true (parse (&cli, &error, "--help", NULL));
  g_assert_true (cli.help);
  d8_cli_clear (&cli);
}

static void
test_command_options (void)
{
  g_autoptr (GError) error = NULL;
  Cli cli;

  g_assert_true (parse_and_check (&cli, &error, "record", "--unit", "chu puh", "--indicator", "1",
                                  "--date=2023-03-05", "--amount", "3", "--place", "Xã Ia Le",
                                  "--allow-out-of-period", NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (cli.command->name, ==, "record");
  g_assert_cmpstr (d8_cli_option_value (&cli, "unit"), ==, "chu puh");
  g_assert_cmpstr (d8_cli_option_value (&cli, "indicator"), ==, "1");
  g_assert_cmpstr (d8_cli_option_value (&cli, "date"), ==, "2023-03-05");
  g_assert_cmpstr (d8_cli_option_value (&cli, "amount"), ==, "3");
  g_assert_cmpstr (d8_cli_option_value (&cli, "place"), ==, "Xã Ia Le");
  g_assert_true (d8_cli_option_flag (&cli, "allow-out-of-period"));
  g_assert_cmpstr (d8_cli_option_value (&cli, "allow-out-of-period"), ==, "");
  g_assert_false (d8_cli_option_flag (&cli, "note"));
  g_assert_null (d8_cli_option_value (&cli, "note"));
  g_assert_true (d8_cli_require_option (&cli, "unit", &error));
  g_assert_false (d8_cli_require_option (&cli, "note", &error));
  g_assert_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE);
  g_assert_nonnull (strstr (error->message, "--note"));
  g_clear_error (&error);
  d8_cli_clear (&cli);

  /* a positional argument, options around it; a value that starts with a dash
   * after "--" is an argument */
  g_assert_true (parse_and_check (&cli, &error, "import-bundle", "--dry-run", "b.duan8.json",
                                  "--json", NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (cli.arg, ==, "b.duan8.json");
  g_assert_true (d8_cli_option_flag (&cli, "dry-run"));
  g_assert_true (d8_cli_option_flag (&cli, "json"));
  d8_cli_clear (&cli);
  g_assert_true (parse_and_check (&cli, &error, "restore", "--", "-odd-name", NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (cli.arg, ==, "-odd-name");
  d8_cli_clear (&cli);

  /* "-" alone is an argument (a file name for standard input) */
  g_assert_true (parse_and_check (&cli, &error, "import-bundle", "-", NULL));
  g_assert_cmpstr (cli.arg, ==, "-");
  d8_cli_clear (&cli);

  g_assert_true (parse_and_check (&cli, &error, "render", "--chart", "matrix", "--out", "m.png",
                                  "--width", "842", "--height", "595", NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (d8_cli_option_value (&cli, "chart"), ==, "matrix");
  g_assert_cmpstr (d8_cli_option_value (&cli, "height"), ==, "595");
  d8_cli_clear (&cli);

  /* an optional argument left out */
  g_assert_true (parse_and_check (&cli, &error, "resolve", "--all-conflicts", "--keep", "mine",
                                  NULL));
  g_assert_no_error (error);
  g_assert_null (cli.arg);
  d8_cli_clear (&cli);
  g_assert_true (parse_and_check (&cli, &error, "help", NULL));
  g_assert_null (cli.arg);
  d8_cli_clear (&cli);
}

/* Every way of getting the arguments wrong is a usage error (exit 1) that
 * names what was typed. */
static void
test_usage_errors (void)
{
  static const struct
  {
    const char *args[8];
    const char *message; /* a part of the message */
  } cases[] = {
    { { "units", "--nope" }, "unknown option “--nope”" },
    { { "units", "-x" }, "unknown option “-x”" },
    { { "--nope=3", "units" }, "unknown option “--nope”" },
    { { "record", "--unit" }, "--unit needs a value (NAME|ID)" },
    { { "units", "--db" }, "--db needs a value (PATH)" },
    { { "progress", "--totals=yes" }, "--totals takes no value" },
    { { "entries", "--unit", "a", "--unit", "b" }, "--unit is given twice" },
    { { "units", "--format", "xml" }, "“xml” is not a format" },
    { { "frobnicate" }, "unknown command “frobnicate”" },
    { { "plans", "extra" }, "plans: unexpected argument “extra”" },
    { { "delete", "a", "b" }, "delete: unexpected argument “b”" },
    /* checked against the command once it is known */
    { { "plans", "--unit", "x" }, "--unit is not an option of “plans”" },
    { { "progress", "--amount", "3" }, "--amount is not an option of “progress”" },
    { { "delete" }, "delete: the argument UUID is missing" },
    { { "restore" }, "restore: the argument NAME is missing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      const char *const *a = cases[i].args;
      Cli cli;

      g_test_message ("case %u: %s …", i, a[0]);
      g_assert_false (parse_and_check (&cli, &error, a[0], a[1], a[2], a[3], a[4], a[5], a[6],
                                       a[7], NULL));
      g_assert_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_cmpint (d8_cli_exit_code_for (&cli, error), ==, D8_CLI_EXIT_USER);
      d8_cli_clear (&cli);
    }
}

static void
test_exit_codes (void)
{
  Cli cli;
  struct
  {
    GQuark domain;
    int code;
    int exit;
  } cases[] = {
    { D8_CLI_ERROR, D8_CLI_ERROR_USAGE, D8_CLI_EXIT_USER },
    { D8_ERROR, D8_ERROR_NOT_FOUND, D8_CLI_EXIT_USER },
    { D8_ERROR, D8_ERROR_DATABASE, D8_CLI_EXIT_INTERNAL },
    { G_IO_ERROR, G_IO_ERROR_NOT_FOUND, D8_CLI_EXIT_USER },
    { G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, D8_CLI_EXIT_USER },
    { G_IO_ERROR, G_IO_ERROR_NO_SPACE, D8_CLI_EXIT_INTERNAL },
    { G_FILE_ERROR, G_FILE_ERROR_NOENT, D8_CLI_EXIT_USER },
    { G_FILE_ERROR, G_FILE_ERROR_ACCES, D8_CLI_EXIT_INTERNAL },
  };

  d8_cli_init (&cli);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = g_error_new_literal (cases[i].domain, cases[i].code, "x");
      g_assert_cmpint (d8_cli_exit_code_for (&cli, error), ==, cases[i].exit);
    }
  /* a database that could not be opened is internal whatever the error */
  cli.open_failed = TRUE;
  {
    g_autoptr (GError) error = g_error_new_literal (D8_ERROR, D8_ERROR_NOT_FOUND, "x");
    g_assert_cmpint (d8_cli_exit_code_for (&cli, error), ==, D8_CLI_EXIT_INTERNAL);
  }
  d8_cli_clear (&cli);
}

/* ------------------------------------------------------ the command table */

/* Every command's options end at the sentinel, name command options that
 * exist, each once; an alternative (OR/WITH) always follows something. */
static void
test_command_table (void)
{
  guint n_commands = 0;
  const Command *commands = d8_cli_get_commands (&n_commands);

  g_assert_cmpuint (n_commands, >, 20);
  for (guint c = 0; c < n_commands; c++)
    {
      const Command *command = &commands[c];
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      guint n = d8_cli_command_n_options (command);

      g_test_message ("%s: %u options", command->name, n);
      g_assert_true (d8_cli_find_command (command->name) == command);
      g_assert_nonnull (command->summary);
      g_assert_nonnull (command->func);
      g_assert_nonnull (command->options);
      g_assert_false (command->arg_optional && command->arg_name == NULL);
      for (guint i = 0; i < n; i++)
        {
          const CommandOption *option = &command->options[i];
          gboolean global = TRUE;

          g_assert_nonnull (d8_cli_find_option (option->name, &global));
          g_assert_false (global);
          g_assert_true (g_hash_table_add (seen, (gpointer) option->name));
          g_assert_true (d8_cli_command_accepts (command, option->name));
          if (i == 0 && command->arg_name == NULL)
            g_assert_cmpint (option->use & (D8_CLI_USE_OR | D8_CLI_USE_WITH), ==, 0);
        }
      g_assert_false (d8_cli_command_accepts (command, "no-such-option"));
      g_assert_false (d8_cli_command_accepts (command, "db"));
    }
}

/* The bug this guards against: options were a char *[12] ended by NULL, so
 * a command with exactly 12 read past its array. Lists of 12 and more are
 * bounded now, whatever their length. */
static void
test_twelve_options (void)
{
  const Command twelve = {
    "twelve", "Twelve options",
    D8_CLI_OPTIONS ({ "unit" }, { "indicator" }, { "date" }, { "amount" }, { "reached" },
                    { "group" }, { "place" }, { "note" }, { "allow-out-of-period" },
                    { "as-of" }, { "totals" }, { "include-deleted" }),
    NULL, FALSE, NULL,
  };
  const Command thirteen = {
    "thirteen", "Thirteen options",
    D8_CLI_OPTIONS ({ "unit" }, { "indicator" }, { "date" }, { "amount" }, { "reached" },
                    { "group" }, { "place" }, { "note" }, { "allow-out-of-period" },
                    { "as-of" }, { "totals" }, { "include-deleted" },
                    { "out", D8_CLI_USE_REQUIRED }),
    "FILE", FALSE, NULL,
  };
  g_autofree char *synopsis = d8_cli_command_synopsis (&twelve);
  g_autofree char *help = d8_cli_command_help (&thirteen);
  g_autofree char *synopsis13 = d8_cli_command_synopsis (&thirteen);

  g_assert_cmpuint (d8_cli_command_n_options (&twelve), ==, 12);
  g_assert_cmpuint (d8_cli_command_n_options (&thirteen), ==, 13);
  g_assert_true (d8_cli_command_accepts (&twelve, "include-deleted"));
  g_assert_false (d8_cli_command_accepts (&twelve, "out"));
  g_assert_true (d8_cli_command_accepts (&thirteen, "out"));
  g_assert_cmpstr (synopsis, ==,
                   "[--unit NAME|ID] [--indicator CODE] [--date DATE] [--amount N] [--reached N] "
                   "[--group N] [--place TEXT] [--note TEXT] [--allow-out-of-period] "
                   "[--as-of DATE] [--totals] [--include-deleted]");
  g_assert_true (g_str_has_prefix (synopsis13, "FILE [--unit NAME|ID]"));
  g_assert_true (g_str_has_suffix (synopsis13, "[--include-deleted] --out FILE"));
  g_assert_nonnull (strstr (help, "--include-deleted"));
  g_assert_nonnull (strstr (help, "  --out FILE"));
}

/* The usage lines, written from the options: the same as docs/cli.md says. */
static void
test_synopsis (void)
{
  static const char *const expected[][2] = {
    { "plans", "" },
    { "progress", "[--unit NAME|ID] [--as-of DATE] [--totals] [--by-parent]" },
    { "record", "--unit NAME|ID --indicator CODE --date DATE (--amount N | --reached N --group N) "
                "[--place TEXT] [--note TEXT] [--allow-out-of-period]" },
    { "entries", "[--unit NAME|ID] [--indicator CODE] [--include-deleted]" },
    { "delete", "UUID" },
    { "edit", "UUID [--date DATE] [--amount N | --reached N --group N] [--place TEXT] "
              "[--note TEXT] [--allow-out-of-period]" },
    { "office", "[--set province|NAME|ID]" },
    { "export-bundle",
      "--out FILE.duan8.json [--force] [--unit NAME|ID] [--all | --since-last | --plan-only]" },
    { "import-bundle", "FILE [--dry-run] [--json] [--trust-new-office] [--allow-older]" },
    { "trust-office", "[province|UNIT] [--key KEY]" },
    { "resolve", "(UUID | --all-conflicts) --keep mine|theirs" },
    { "restore", "NAME" },
    { "render", "--chart unit|matrix|indicator|timeline|compare [--unit NAME|ID] [--indicator CODE] "
                "[--plans A,B,C] [--as-of DATE] --out FILE.png|svg|pdf [--force] [--width W --height H | --dpi N]" },
    { "print-pack", "--out FILE.pdf [--force] [--as-of DATE] [--units all|behind|none|GROUP|LIST]" },
    { "compare", "[--plans A,B,C] [--indicator CODE] [--by unit|parent|province] [--as-of DATE]" },
    { "link-indicator", "--indicator CODE --to-plan PLAN --to-indicator CODE [--remove]" },
    { "periods", "" },
    { "submit-report", "--period CODE [--narrative FILE]" },
    { "withdraw-report", "--period CODE" },
    { "reports", "--period CODE" },
    { "approve", "--unit NAME|ID --period CODE" },
    { "return", "--unit NAME|ID --period CODE --reason TEXT" },
    { "reopen", "--unit NAME|ID --period CODE --reason TEXT" },
    { "report", "--period CODE --out FILE.pdf|FILE.docx|FILE.xlsx [--force]" },
    { "report-settings", "[--superior-body TEXT] [--issuing-body TEXT] [--symbol TEXT] "
                         "[--report-place TEXT] [--signer-capacity TEXT] [--signer-title TEXT] "
                         "[--signer-name TEXT] [--recipients FILE]" },
    { "help", "[COMMAND]" },
    { "new-plan", "[--from PLAN] --code CODE --year N [--title TEXT] [--copy-quotas]" },
    { "set-quota", "N|- --unit NAME|ID --indicator CODE" },
    { "set-total", "N|- --indicator CODE" },
    { "distribute", "--indicator CODE --reference PLAN [--total N] [--among UNIT,UNIT] [--dry-run]" },
    { "add-unit", "--name TEXT --level LEVEL [--parent UNIT] [--kind TEXT]" },
    { "issue-plan", "--document-number TEXT --issued-on DATE [--issuer TEXT]" },
    { "amend-plan", "--document-number TEXT --issued-on DATE" },
  };
  g_autofree char *docs_path = g_build_filename (g_getenv ("D8_SOURCE_ROOT"), "docs", "cli.md",
                                                 NULL);
  g_autofree char *docs = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GHashTable) headings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (g_file_get_contents (docs_path, &docs, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const Command *command = d8_cli_find_command (expected[i][0]);
      g_autofree char *synopsis = d8_cli_command_synopsis (command);
      g_autofree char *help = d8_cli_command_help (command);
      g_autofree char *usage = g_strdup_printf ("Usage: duan8-cli [global options] %s %s\n",
                                                expected[i][0], expected[i][1]);

      g_assert_cmpstr (synopsis, ==, expected[i][1]);
      g_assert_true (g_str_has_prefix (help, usage));
      /* every option in the help, with its value */
      for (guint o = 0; command->options[o].name != NULL; o++)
        {
          g_autofree char *name = g_strdup_printf ("\n  --%s", command->options[o].name);
          g_assert_nonnull (strstr (help, name));
        }
    }
  /* docs/cli.md's headings ("### delete UUID / undelete UUID") say the same,
   * but for the global --plan that some repeat */
  lines = g_strsplit (docs, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    if (g_str_has_prefix (lines[l], "### "))
      {
        g_auto (GStrv) parts = g_strsplit (lines[l] + 4, " / ", -1);
        for (guint p = 0; parts[p] != NULL; p++)
          g_hash_table_add (headings, g_strdup (parts[p]));
      }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (*expected[i][1] && strcmp (expected[i][0], "progress") != 0
        && strcmp (expected[i][0], "entries") != 0)
      {
        g_autofree char *heading = g_strdup_printf ("%s %s", expected[i][0], expected[i][1]);
        if (!g_hash_table_contains (headings, heading))
          g_error ("docs/cli.md has no heading “### %s”", heading);
      }
}

static void
test_general_help (void)
{
  g_autofree char *help = d8_cli_general_help ();
  guint n_commands = 0;
  const Command *commands = d8_cli_get_commands (&n_commands);

  g_assert_true (g_str_has_prefix (help, "Usage: duan8-cli [--db PATH] [--format table|csv|json] "
                                         "[--plan ID] COMMAND [options]\n"));
  for (guint i = 0; i < n_commands; i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %-15s %s\n", commands[i].name,
                                               commands[i].summary);
      g_assert_nonnull (strstr (help, line));
    }
  g_assert_nonnull (strstr (help, "\n  --version "));
  g_assert_nonnull (strstr (help, "Exit status: 0 success"));
}

/* ---------------------------------------------------------------- reports */

static char *
write_report (D8CliReport *report, D8CliFormat format)
{
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&text, &len);

  g_assert_nonnull (out);
  d8_cli_report_write (report, format, out);
  g_assert_cmpint (fclose (out), ==, 0);
  return text;
}

static const D8CliColumn columns[] = {
  { "name", "Name", D8_CLI_TEXT },
  { "amount", "Amount", D8_CLI_INT },
  { "date", "Date", D8_CLI_DATE },
  { "percent", "Percent", D8_CLI_PERCENT },
  { "status", "Status", D8_CLI_STATUS },
  { "done", "Done", D8_CLI_BOOL },
  { "stamp", "Stamp", D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "detail", "Detail", D8_CLI_TEXT, D8_CLI_COLUMN_NO_CSV },
};

static D8CliReport *
sample_report (void)
{
  D8CliReport *report = d8_cli_report_new ();
  D8CliTable *table = d8_cli_table_new ("rows", NULL, columns, G_N_ELEMENTS (columns));
  D8CliTable *second = d8_cli_table_new ("more", "More", columns, 2);

  d8_cli_report_add_text_field (report, "as_of", "As of", D8_CLI_DATE, "2023-06-30");
  d8_cli_report_add_percent_field (report, "completion", "Completion", 0.125);
  d8_cli_table_add_row (table);
  d8_cli_table_set_text (table, "name", "Chư Pưh, \"Ia Le\"");
  d8_cli_table_set_int (table, "amount", 1234);
  d8_cli_table_set_text (table, "date", "2023-03-05");
  d8_cli_table_set_double (table, "percent", 0.75);
  d8_cli_table_set_status (table, "status", D8_STATUS_ON_TRACK);
  d8_cli_table_set_bool (table, "done", TRUE);
  d8_cli_table_set_text (table, "stamp", "2023-03-05T10:00:00Z");
  d8_cli_table_set_text (table, "detail", "only in JSON and tables");
  /* a row of nulls: NAN leaves the cell unset too */
  d8_cli_table_add_row (table);
  d8_cli_table_set_double (table, "percent", NAN);
  g_assert_cmpuint (d8_cli_table_get_n_rows (table), ==, 2);
  d8_cli_report_add_table (report, table);
  d8_cli_table_add_row (second);
  d8_cli_table_set_text (second, "name", "second table");
  d8_cli_report_add_table (report, second);
  d8_cli_report_add_note (report, "A note for people.");
  return report;
}

static void
test_report_csv (void)
{
  g_autoptr (D8CliReport) report = sample_report ();
  g_autofree char *csv = write_report (report, D8_CLI_FORMAT_CSV);

  /* the first table only; no NO_CSV column; quotes doubled; nulls empty */
  g_assert_cmpstr (csv, ==,
                   "name,amount,date,percent,status,done,stamp\n"
                   "\"Chư Pưh, \"\"Ia Le\"\"\",1234,2023-03-05,75.0,on-track,true,"
                   "2023-03-05T10:00:00Z\n"
                   ",,,,,,\n");
}

static void
test_report_json (void)
{
  g_autoptr (D8CliReport) report = sample_report ();
  g_autofree char *json = write_report (report, D8_CLI_FORMAT_JSON);

  g_assert_nonnull (strstr (json, "\"as_of\" : \"2023-06-30\""));
  g_assert_nonnull (strstr (json, "\"completion\" : 12.5"));
  g_assert_nonnull (strstr (json, "\"name\" : \"Chư Pưh, \\\"Ia Le\\\"\""));
  g_assert_nonnull (strstr (json, "\"amount\" : 1234"));
  g_assert_nonnull (strstr (json, "\"percent\" : 75.0"));
  g_assert_nonnull (strstr (json, "\"status\" : \"on-track\""));
  g_assert_nonnull (strstr (json, "\"done\" : true"));
  g_assert_nonnull (strstr (json, "\"detail\" : \"only in JSON and tables\""));
  g_assert_nonnull (strstr (json, "\"percent\" : null"));
  g_assert_nonnull (strstr (json, "\"more\" : ["));
  g_assert_null (strstr (json, "A note for people."));
}

static void
test_report_table (void)
{
  g_autoptr (D8CliReport) report = sample_report ();
  g_autofree char *table = write_report (report, D8_CLI_FORMAT_TABLE);

  g_test_message ("%s", table);
  g_assert_nonnull (strstr (table, "Name"));
  g_assert_nonnull (strstr (table, "Chư Pưh, \"Ia Le\""));
  g_assert_nonnull (strstr (table, " 1,234 "));
  g_assert_nonnull (strstr (table, "Mar 5, 2023"));
  g_assert_nonnull (strstr (table, " 75.0% "));
  g_assert_nonnull (strstr (table, "On track"));
  g_assert_nonnull (strstr (table, "As of: Jun 30, 2023\n"));
  g_assert_nonnull (strstr (table, "Completion: 12.5%\n"));
  g_assert_nonnull (strstr (table, "only in JSON and tables"));
  g_assert_null (strstr (table, "Stamp"));
  g_assert_null (strstr (table, "2023-03-05T10:00:00Z"));
  g_assert_nonnull (strstr (table, "More"));
  g_assert_nonnull (strstr (table, "second table"));
  g_assert_nonnull (strstr (table, "A note for people."));
}

static void
test_csv_quoting (void)
{
  static const char *const cases[][2] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\r", "\"cr\r\"" },
    { "Đak Đoa", "Đak Đoa" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) out = g_string_new (NULL);

      d8_cli_csv_append (out, cases[i][0]);
      g_assert_cmpstr (out->str, ==, cases[i][1]);
    }
}

int
main (int argc, char **argv)
{
  /* English tables and messages, whatever the machine's language. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/args/global-options", test_global_options);
  g_test_add_func ("/cli/args/command-options", test_command_options);
  g_test_add_func ("/cli/args/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/args/exit-codes", test_exit_codes);
  g_test_add_func ("/cli/commands/table", test_command_table);
  g_test_add_func ("/cli/commands/twelve-options", test_twelve_options);
  g_test_add_func ("/cli/commands/synopsis", test_synopsis);
  g_test_add_func ("/cli/commands/general-help", test_general_help);
  g_test_add_func ("/cli/report/csv", test_report_csv);
  g_test_add_func ("/cli/report/json", test_report_json);
  g_test_add_func ("/cli/report/table", test_report_table);
  g_test_add_func ("/cli/report/csv-quoting", test_csv_quoting);
  return g_test_run ();
}
