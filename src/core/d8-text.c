/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-text.c — NFC normalisation, folding for search, collation keys, and
 * the escaping of text from files before it is shown.
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

/* Characters that change how the text around them is shown, or hide what
 * follows: C0 and C1 controls and DEL, the bidirectional embeddings,
 * overrides, isolates and marks (a name with U+202E reads backwards and
 * can make "exe.txt" look like "txt.exe"), the line and paragraph
 * separators, and the byte order mark. */
static gboolean
is_unsafe (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
         || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028
         || c == 0x2029 || c == 0xfeff;
}

/* Appends @c as it is shown: itself, or an escape "\n", "\u202E". */
static guint
append_shown (GString *out, gunichar c)
{
  gsize before = out->len;

  if (c == '\n')
    g_string_append (out, "\\n");
  else if (c == '\r')
    g_string_append (out, "\\r");
  else if (c == '\t')
    g_string_append (out, "\\t");
  else if (is_unsafe (c))
    g_string_append_printf (out, "\\u%04X", c);
  else
    {
      g_string_append_unichar (out, c);
      return 1;
    }
  return (guint) (out->len - before);
}

/**
 * d8_text_escape_untrusted:
 * @text: (nullable): text read from a file someone else made
 * @length: its length in bytes, or -1 when NUL-terminated
 * @max_chars: the most characters to show, 0 for no limit
 *
 * Makes text from a bundle or a plan file safe to put in a message or a
 * table: control characters are shown as escapes ("\n", "\u0007"), so
 * are the bidirectional overrides and isolates that would reorder what
 * follows on screen, and bytes that are not UTF-8 ("\xFF"). Text longer
 * than @max_chars (counted as shown) is cut, ending in "…". Backslashes
 * are left as they are, so escaping twice changes nothing.
 *
 * Returns: (transfer full): the text as it may be shown; "" for NULL.
 */
char *
d8_text_escape_untrusted (const char *text, gssize length, guint max_chars)
{
  GString *out;
  const char *p, *end;
  guint shown = 0;
  gsize cut_at = 0; /* where "…" goes if the text is too long */

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = (gssize) strlen (text);
  out = g_string_sized_new ((gsize) length + 1);
  for (p = text, end = text + length; p < end;)
    {
      /* GLib reads an embedded NUL as invalid; it is a control here. */
      gunichar c = *p == '\0' ? 0 : g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          shown += 4;
          p++;
        }
      else
        {
          shown += append_shown (out, c);
          p = g_utf8_next_char (p);
        }
      if (max_chars == 0)
        continue;
      if (shown <= max_chars - 1)
        cut_at = out->len;
      if (shown > max_chars)
        {
          /* An escape is never split: it goes whole or not at all. */
          g_string_truncate (out, cut_at);
          g_string_append (out, "…");
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * d8_text_escape_message:
 * @message: (nullable): a message that may quote text from a file
 *
 * Escapes @message with d8_text_escape_untrusted(), cuts every part
 * between “ and ” that is longer than D8_TEXT_UNTRUSTED_MAX characters
 * (messages quote what they name so), and the whole message at
 * D8_TEXT_MESSAGE_MAX. Used where messages about files are made (bundle
 * and plan errors, rejections) and where the CLI prints them.
 *
 * Returns: (transfer full): the message as it may be shown.
 */
char *
d8_text_escape_message (const char *message)
{
  g_autofree char *escaped = d8_text_escape_untrusted (message, -1, 0);
  g_autoptr (GString) out = g_string_sized_new (strlen (escaped) + 1);
  const char *p = escaped;
  const char *open, *close;

  while ((open = strstr (p, "“")) != NULL)
    {
      open += strlen ("“");
      g_string_append_len (out, p, open - p);
      close = strstr (open, "”");
      if (close == NULL)
        close = open + strlen (open);
      if ((guint) g_utf8_strlen (open, close - open) > D8_TEXT_UNTRUSTED_MAX)
        {
          g_autofree char *cut = g_utf8_substring (open, 0, D8_TEXT_UNTRUSTED_MAX - 1);
          g_string_append (out, cut);
          g_string_append (out, "…");
        }
      else
        g_string_append_len (out, open, close - open);
      p = close;
      if (*p != '\0')
        {
          g_string_append (out, "”");
          p += strlen ("”");
        }
    }
  g_string_append (out, p);
  return d8_text_escape_untrusted (out->str, (gssize) out->len, D8_TEXT_MESSAGE_MAX);
}
