/* main.c — the thin main of duan8: set up translations, run the app. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "d8-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (D8Application) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = d8_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
