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

/* ------------------------------------------------- names and ambiguity */

/**
 * d8_text_name_key:
 * @text: (nullable): a name
 *
 * Returns: (transfer full): the folded name with white space collapsed;
 *   "" for NULL.
 */
char *
d8_text_name_key (const char *text)
{
  g_autofree char *folded = d8_text_fold (text);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_invisible (gunichar c)
{
  if (c == '\t' || c == '\n' || c == '\r')
    return FALSE;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_FORMAT:  /* soft hyphen, ZWSP, ZWJ, ZWNJ, BOM, word joiner, LRM … */
    case G_UNICODE_CONTROL:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
      return TRUE;
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_SPACE_SEPARATOR:
    default:
      return FALSE;
    }
}

/**
 * d8_text_find_invisible:
 * @text: (nullable): valid UTF-8
 * @position: (out) (optional): the 1-based position of the character
 *
 * Returns: the first invisible character of @text, or 0.
 */
gunichar
d8_text_find_invisible (const char *text, guint *position)
{
  guint n = 0;

  if (text == NULL)
    return 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n++;
      if (is_invisible (c))
        {
          if (position != NULL)
            *position = n;
          return c;
        }
    }
  return 0;
}

/**
 * d8_text_describe_char:
 * @c: a character
 *
 * Returns: (transfer full): "U+00AD (soft hyphen)", the name translated,
 *   or "U+E000" for a character without a common name.
 */
char *
d8_text_describe_char (gunichar c)
{
  const char *name = NULL;

  switch (c)
    {
    case 0x00AD: name = _("soft hyphen"); break;
    case 0x200B: name = _("zero-width space"); break;
    case 0x200C: name = _("zero-width non-joiner"); break;
    case 0x200D: name = _("zero-width joiner"); break;
    case 0x2060: name = _("word joiner"); break;
    case 0xFEFF: name = _("byte-order mark"); break;
    case 0x200E: case 0x200F: case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
      name = _("direction mark");
      break;
    default:
      break;
    }
  if (name == NULL && c < 0x20)
    name = _("control character");
  return name ? g_strdup_printf ("U+%04X (%s)", c, name) : g_strdup_printf ("U+%04X", c);
}

/**
 * d8_text_check_visible:
 * @text: (nullable): valid UTF-8
 * @what: what @text is, for the message ("--unit", "units[3].name")
 * @error: (out) (optional): D8_ERROR_INVALID naming the character and
 *   its position
 *
 * Returns: TRUE when @text holds no invisible character.
 */
gboolean
d8_text_check_visible (const char *text, const char *what, GError **error)
{
  guint position = 0;
  gunichar c = d8_text_find_invisible (text, &position);
  g_autofree char *described = NULL;

  if (c == 0)
    return TRUE;
  described = d8_text_describe_char (c);
  g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
               /* Translators: %s: the field, the text, the character ("U+00AD (soft
                * hyphen)"); %u: its position in characters */
               _("%s “%s”: it holds an invisible character, %s, at position %u; type the name "
                 "again without it"),
               what, text, described, position);
  return FALSE;
}
