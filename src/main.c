/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — the thin main of duan8: set up translations, run the app. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "d8-application.h"
#include "d8-i18n.h"

/* The language preference must be read before anything is translated, so
 * here, before the application exists. Without the schema (an uninstalled
 * run without GSETTINGS_SCHEMA_DIR) the system language is used. */
static char *
read_language_preference (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;
  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "language");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (D8Application) app = NULL;
  g_autofree char *language = read_language_preference ();

  d8_i18n_init (language);

  app = d8_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
