/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-i18n.c — locale and catalogue set-up shared by duan8 and duan8-cli.
 *
 * gettext ignores LANGUAGE when LC_MESSAGES is the C locale, which is what a
 * fresh machine has; choosing a language in the app must still work there,
 * so the messages category falls back to a UTF-8 locale that exists. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-i18n.h"

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX")
         || g_str_has_prefix (name, "C.");
}

void
d8_i18n_init (const char *language)
{
  const char *dir = g_getenv ("DUAN8_LOCALEDIR");

  if (language != NULL && *language != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");

  if (language != NULL && *language != '\0' && is_c_locale (setlocale (LC_MESSAGES, NULL)))
    {
      const char *candidates[] = { "vi_VN.UTF-8", "en_US.UTF-8", "C.UTF-8" };
      gboolean vi = g_str_has_prefix (language, "vi");

      for (guint i = vi ? 0 : 1; i < G_N_ELEMENTS (candidates); i++)
        if (setlocale (LC_MESSAGES, candidates[i]) != NULL && !is_c_locale (candidates[i]))
          break;
    }

  /* Tiếng Việt chosen on a system in another language: sort the Vietnamese
   * way too (d8_text_collate_key follows LC_COLLATE), and name months and
   * weekdays in Vietnamese (GtkCalendar follows LC_TIME; every date the app
   * writes for machines is ISO, whatever LC_TIME says). */
  if (language != NULL && g_str_has_prefix (language, "vi"))
    {
      if (!g_str_has_prefix (setlocale (LC_COLLATE, NULL), "vi"))
        setlocale (LC_COLLATE, "vi_VN.UTF-8");
      if (!g_str_has_prefix (setlocale (LC_TIME, NULL), "vi"))
        setlocale (LC_TIME, "vi_VN.UTF-8");
    }
  bindtextdomain (GETTEXT_PACKAGE, dir && *dir ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
