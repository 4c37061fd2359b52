/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-text.c — NFC normalisation, folding for search, collation keys.
 *
 * Folding decomposes (NFD), drops combining marks and maps đ/Đ to d, which
 * is what a person typing without a Vietnamese input method writes:
 * "Chư Pưh" → "chu puh", "Đak Đoa" → "dak doa".
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-error.h"
#include "d8-text.h"

char *
d8_text_normalize (const char *text, const char *field, GError **error)
{
  g_autofree char *nfc = NULL;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   /* Translators: %s is the name of a field, e.g. "note" */
                   _("%s: the text is not valid UTF-8"), field ? field : "?");
      return NULL;
    }
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  return g_strstrip (g_steal_pointer (&nfc));
}

char *
d8_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK
          || type == G_UNICODE_ENCLOSING_MARK)
        continue;
      if (c == 0x0111 || c == 0x0110) /* đ Đ */
        c = 'd';
      else
        c = g_unichar_tolower (c);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
d8_text_matches (const char *haystack, const char *needle)
{
  g_autofree char *h = NULL;
  g_autofree char *n = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;
  h = d8_text_fold (haystack);
  n = d8_text_fold (needle);
  g_strstrip (n);
  return strstr (h, n) != NULL;
}

char *
d8_text_collate_key (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFC);
  return g_utf8_collate_key (nfc ? nfc : "", -1);
}
