/* d8-cli-private.h — what the command files of duan8-cli share: the parsed
 * command line and the helpers that open the store and resolve names.
 * d8-cli.c parses arguments and holds the command table; the commands live
 * in d8-cli.c (plans, progress, entries), d8-cli-bundle.c (exchange between
 * offices) and d8-cli-charts.c (charts and the meeting pack). */
#pragma once

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

typedef struct
{
  const char *name;
  const char *synopsis; /* syntax after the command name; not translated */
  const char *summary;  /* marked for translation */
  const char *options[12];
  const char *arg_name; /* a positional argument, or NULL */
  gboolean arg_optional;
  CommandFunc func;
} Command;

struct _Cli
{
  D8CliFormat format;
  char *db_path;
  char *plan_ref;
  const Command *command;
  GHashTable *options; /* command option name → value ("" for flags) */
  char *arg;           /* the positional argument */
  D8Store *store;
  gboolean open_failed; /* the database could not be opened: exit 2 */
};

const char *d8_cli_option_value (Cli *cli, const char *name);
gboolean d8_cli_option_flag (Cli *cli, const char *name);
gboolean d8_cli_require_option (Cli *cli, const char *name, GError **error);
gboolean d8_cli_open_store (Cli *cli, GError **error);
D8Plan *d8_cli_open_plan (Cli *cli, GError **error);
D8Unit *d8_cli_resolve_unit (Cli *cli, const D8Plan *plan, const char *ref, GError **error);
D8Indicator *d8_cli_resolve_indicator (Cli *cli, const D8Plan *plan, const char *ref,
                                       GError **error);
gboolean d8_cli_parse_count_option (Cli *cli, const char *name, gint64 *out, GError **error);
char *d8_cli_parse_date_option (Cli *cli, const char *name, GError **error);
D8CliReport *d8_cli_report_for_plan (const D8Plan *plan);
void d8_cli_write_report (Cli *cli, D8CliReport *report);

/* d8-cli-bundle.c */
gboolean d8_cli_cmd_office (Cli *cli, GError **error);
gboolean d8_cli_cmd_export_bundle (Cli *cli, GError **error);
gboolean d8_cli_cmd_import_bundle (Cli *cli, GError **error);
gboolean d8_cli_cmd_conflicts (Cli *cli, GError **error);
gboolean d8_cli_cmd_resolve (Cli *cli, GError **error);
gboolean d8_cli_cmd_snapshots (Cli *cli, GError **error);
gboolean d8_cli_cmd_restore (Cli *cli, GError **error);
gboolean d8_cli_cmd_log (Cli *cli, GError **error);

/* d8-cli-charts.c */
gboolean d8_cli_cmd_render (Cli *cli, GError **error);
gboolean d8_cli_cmd_print_pack (Cli *cli, GError **error);

G_END_DECLS
