/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-cli-private.h — what the command files of duan8-cli share: the parsed
 * command line and the helpers that open the store and resolve names.
 * d8-cli-args.c holds the option and command tables and parses the
 * arguments; the commands live in d8-cli.c (plans, progress, entries),
 * d8-cli-plans.c (importing, exporting and revising plans),
 * d8-cli-bundle.c (exchange between offices) and d8-cli-charts.c (charts
 * and the meeting pack). */
#pragma once

#include "d8-chart-model.h"
#include "d8-cli-report.h"
#include "d8-store.h"

G_BEGIN_DECLS

#define PROGRAM "duan8-cli"

#define D8_CLI_ERROR (d8_cli_error_quark ())
GQuark d8_cli_error_quark (void);

typedef enum
{
  D8_CLI_ERROR_USAGE, /* bad arguments: exit 1 */
} D8CliError;

typedef struct _Cli Cli;
typedef gboolean (*CommandFunc) (Cli *cli, GError **error);

typedef struct
{
  const char *name;
  const char *value_name; /* NULL for a flag */
  const char *help;       /* marked for translation */
} OptionSpec;

/* How a command takes one of its options; what its synopsis shows. An
 * option marked OR or WITH joins the one before it (or the positional
 * argument, for the first option) in one group: "--a N | --b N" or
 * "--width W --height H". A group with a REQUIRED member is written bare, or
 * in parentheses when it holds alternatives; any other group in brackets.
 * The commands themselves check what is required, with their own messages. */
typedef enum
{
  D8_CLI_USE_OPTIONAL = 0,
  D8_CLI_USE_REQUIRED = 1 << 0,
  D8_CLI_USE_OR = 1 << 1,   /* an alternative to what comes before it */
  D8_CLI_USE_WITH = 1 << 2, /* given together with what comes before it */
} D8CliUse;

typedef struct
{
  const char *name;      /* an option of the command option table (d8-cli.c) */
  D8CliUse use;
  const char *shown_as;  /* the value in the synopsis when more precise than the option's
                          * value name ("FILE.pdf" for FILE), or NULL */
} CommandOption;

/* A command's options: always ended by the { NULL } the macro adds, so a
 * list of any length is bounded (a fixed-size array once was not). */
#define D8_CLI_OPTIONS(...) ((const CommandOption[]) { __VA_ARGS__, { NULL } })
#define D8_CLI_NO_OPTIONS ((const CommandOption[]) { { NULL } })

typedef struct
{
  const char *name;
  const char *summary; /* marked for translation */
  const CommandOption *options; /* D8_CLI_OPTIONS (…) or D8_CLI_NO_OPTIONS */
  const char *arg_name; /* a positional argument, or NULL */
  gboolean arg_optional;
  CommandFunc func;
} Command;

struct _Cli
{
  D8CliFormat format;
  gboolean excel;       /* --excel: CSV with a byte-order mark and CRLF (Excel) */
  char *db_path;
  char *plan_ref;
  const Command *command;
  GHashTable *options; /* command option name → value ("" for flags) */
  char *arg;           /* the positional argument */
  D8Store *store;
  gboolean open_failed; /* the database could not be opened: exit 2 */
  gboolean help;        /* --help or -h was given */
  gboolean version;     /* --version was given */
};

/* d8-cli-args.c: the tables, parsing and help; exposed for
 * tests/test-cli-args.c. */
void d8_cli_init (Cli *cli);
void d8_cli_clear (Cli *cli);
gboolean d8_cli_parse (Cli *cli, int argc, char **argv, GError **error);
gboolean d8_cli_check_command (Cli *cli, GError **error);
int d8_cli_exit_code_for (Cli *cli, const GError *error);
const Command *d8_cli_get_commands (guint *n_commands);
const Command *d8_cli_find_command (const char *name);
const OptionSpec *d8_cli_find_option (const char *name, gboolean *global);
gboolean d8_cli_command_accepts (const Command *command, const char *option);
guint d8_cli_command_n_options (const Command *command);
char *d8_cli_command_synopsis (const Command *command);
char *d8_cli_command_help (const Command *command);
char *d8_cli_general_help (void);

const char *d8_cli_option_value (Cli *cli, const char *name);
gboolean d8_cli_option_flag (Cli *cli, const char *name);
gboolean d8_cli_require_option (Cli *cli, const char *name, GError **error);
gboolean d8_cli_open_store (Cli *cli, GError **error);
/* The --out file may be written: it does not exist, or --force was given. */
gboolean d8_cli_check_out (Cli *cli, const char *out, GError **error);
D8Plan *d8_cli_open_plan (Cli *cli, GError **error);
D8Unit *d8_cli_resolve_unit (Cli *cli, const D8Plan *plan, const char *ref, GError **error);
D8Indicator *d8_cli_resolve_indicator (Cli *cli, const D8Plan *plan, const char *ref,
                                       GError **error);
gboolean d8_cli_parse_count_option (Cli *cli, const char *name, gint64 *out, GError **error);
char *d8_cli_parse_date_option (Cli *cli, const char *name, GError **error);
D8CliReport *d8_cli_report_for_plan (const D8Plan *plan);
void d8_cli_write_report (Cli *cli, D8CliReport *report);

/* d8-cli.c */
gboolean d8_cli_cmd_plans (Cli *cli, GError **error);
gboolean d8_cli_cmd_units (Cli *cli, GError **error);
gboolean d8_cli_cmd_indicators (Cli *cli, GError **error);
gboolean d8_cli_cmd_quotas (Cli *cli, GError **error);
gboolean d8_cli_cmd_allocation (Cli *cli, GError **error);
gboolean d8_cli_cmd_progress (Cli *cli, GError **error);
gboolean d8_cli_cmd_record (Cli *cli, GError **error);
gboolean d8_cli_cmd_entries (Cli *cli, GError **error);
gboolean d8_cli_cmd_delete (Cli *cli, GError **error);
gboolean d8_cli_cmd_undelete (Cli *cli, GError **error);
gboolean d8_cli_cmd_edit (Cli *cli, GError **error);

/* d8-cli-bundle.c */
gboolean d8_cli_cmd_office (Cli *cli, GError **error);
gboolean d8_cli_cmd_export_bundle (Cli *cli, GError **error);
gboolean d8_cli_cmd_import_bundle (Cli *cli, GError **error);
gboolean d8_cli_cmd_trust_office (Cli *cli, GError **error);
gboolean d8_cli_cmd_conflicts (Cli *cli, GError **error);
gboolean d8_cli_cmd_resolve (Cli *cli, GError **error);
gboolean d8_cli_cmd_snapshots (Cli *cli, GError **error);
gboolean d8_cli_cmd_restore (Cli *cli, GError **error);
gboolean d8_cli_cmd_log (Cli *cli, GError **error);

/* d8-cli-plans.c */
gboolean d8_cli_cmd_import_plan (Cli *cli, GError **error);
gboolean d8_cli_cmd_export_plan (Cli *cli, GError **error);
gboolean d8_cli_cmd_plan_history (Cli *cli, GError **error);

/* d8-cli-draft.c */
gboolean d8_cli_cmd_new_plan (Cli *cli, GError **error);
gboolean d8_cli_cmd_set_quota (Cli *cli, GError **error);
gboolean d8_cli_cmd_set_total (Cli *cli, GError **error);
gboolean d8_cli_cmd_distribute (Cli *cli, GError **error);
gboolean d8_cli_cmd_add_unit (Cli *cli, GError **error);
gboolean d8_cli_cmd_issue_plan (Cli *cli, GError **error);
gboolean d8_cli_cmd_amend_plan (Cli *cli, GError **error);
/* d8-cli-official.c */
gboolean d8_cli_cmd_report (Cli *cli, GError **error);
gboolean d8_cli_cmd_report_settings (Cli *cli, GError **error);

/* d8-cli-charts.c */
gboolean d8_cli_cmd_render (Cli *cli, GError **error);
gboolean d8_cli_cmd_print_pack (Cli *cli, GError **error);

/* d8-cli-compare.c */
gboolean d8_cli_cmd_compare (Cli *cli, GError **error);
gboolean d8_cli_cmd_link_indicator (Cli *cli, GError **error);
D8ChartModel *d8_cli_compare_chart_model (Cli *cli, GError **error);
/* d8-cli-reporting.c */
gboolean d8_cli_cmd_periods (Cli *cli, GError **error);
gboolean d8_cli_cmd_submit_report (Cli *cli, GError **error);
gboolean d8_cli_cmd_withdraw_report (Cli *cli, GError **error);
gboolean d8_cli_cmd_reports (Cli *cli, GError **error);
gboolean d8_cli_cmd_approve (Cli *cli, GError **error);
gboolean d8_cli_cmd_return (Cli *cli, GError **error);
gboolean d8_cli_cmd_reopen (Cli *cli, GError **error);

G_END_DECLS
