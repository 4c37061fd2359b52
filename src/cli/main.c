/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — the thin main of duan8-cli: set up translations, run. */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "d8-cli.h"

int
main (int   argc,
      char *argv[])
{
  const char *dir = g_getenv ("DUAN8_LOCALEDIR"); /* uninstalled runs and tests */

  /* The CLI follows LANG/LANGUAGE; only what people read is localised,
   * CSV and JSON never depend on the locale. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir && *dir ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return d8_cli_run (argc, argv);
}
