/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-cli.h — duan8-cli, the headless command line of duan8.
 *
 * Commands, options, output formats and exit codes are a stable interface,
 * documented in docs/cli.md. The program links the core only, never GTK. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes */
#define D8_CLI_EXIT_OK 0
#define D8_CLI_EXIT_USER 1     /* bad arguments, unknown unit, invalid amount, not found */
#define D8_CLI_EXIT_INTERNAL 2 /* the database or a file failed */

/* Runs the command line; translations must be set up already. Returns the
 * exit code. */
int d8_cli_run (int argc, char **argv);

G_END_DECLS
