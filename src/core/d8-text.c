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
