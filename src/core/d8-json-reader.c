/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-json-reader.c — the strict streaming JSON reader of bundles and the
 * canonical writer of what it reads (see d8-json-reader.h). Moved out of
 * d8-bundle.c so that it can be tested on its own and used by both the
 * bundle reader and the export. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-json-reader.h"

/**
 * d8_json_reader_init:
 * @r: the reader to set up
 * @data: the text, which must outlive the reader (it is not copied)
 * @size: its length in bytes; @data need not be NUL-terminated
 *
 * Sets up @r to read @data from its start. Free with
 * d8_json_reader_clear(), or declare with g_auto (D8JsonReader).
 */
void
d8_json_reader_init (D8JsonReader *r, const char *data, gsize size)
{
  r->base = r->p = data;
  r->end = data + size;
  r->vals = g_array_new (FALSE, TRUE, sizeof (D8JsonValue));
  r->pool = g_string_sized_new (4096);
  r->error = NULL;
  r->error_at = NULL;
  d8_json_reader_reset (r);
}

/**
 * d8_json_reader_clear:
 * @r: a reader set up by d8_json_reader_init(), or zeroed
 *
 * Frees what @r holds; @r may be set up again.
 */
void
d8_json_reader_clear (D8JsonReader *r)
{
  g_clear_pointer (&r->vals, g_array_unref);
  if (r->pool != NULL)
    g_string_free (g_steal_pointer (&r->pool), TRUE);
  g_clear_pointer (&r->error, g_free);
}

/**
 * d8_json_reader_reset:
 * @r: a reader
 *
 * Empties the arena: every value index and text offset read so far becomes
 * invalid. Called between the elements of a large array so that memory
 * stays that of one element.
 */
void
d8_json_reader_reset (D8JsonReader *r)
{
  g_array_set_size (r->vals, 1);
  g_string_truncate (r->pool, 0);
}

/**
 * d8_json_reader_fail:
 * @r: a reader
 * @format: a translated sentence, printf-style
 *
 * Stops reading with an error at the current position. Only the first
 * error is kept: later ones (from callers unwinding) are ignored.
 */
void
d8_json_reader_fail (D8JsonReader *r, const char *format, ...)
{
  va_list args;

  if (r->error != NULL)
    return;
  va_start (args, format);
  r->error = g_strdup_vprintf (format, args);
  va_end (args);
  r->error_at = r->p;
}

/**
 * d8_json_reader_error_line:
 * @r: a reader that failed
 *
 * Returns: the line (from 1) of the text where reading stopped, for
 * messages; 1 when @r has not failed.
 */
guint
d8_json_reader_error_line (const D8JsonReader *r)
{
  guint line = 1;

  if (r->error_at == NULL)
    return line;
  for (const char *p = r->base; p < r->error_at; p++)
    line += *p == '\n';
  return line;
}

/**
 * d8_json_reader_at_end:
 * @r: a reader
 *
 * Skips white space. Returns: %TRUE when nothing but white space is left,
 * %FALSE when more text follows (the caller decides whether that is
 * trailing garbage).
 */
gboolean
d8_json_reader_at_end (D8JsonReader *r)
{
  d8_json_skip_ws (r);
  return r->p == r->end;
}

/**
 * d8_json_expect:
 * @r: a reader
 * @c: the character that must come next, after white space
 *
 * Returns: %TRUE when it did (and moves past it); otherwise fails @r with a
 * message naming what was found, or saying the text ends early.
 */
gboolean
d8_json_expect (D8JsonReader *r, char c)
{
  d8_json_skip_ws (r);
  if (r->p >= r->end)
    {
      d8_json_reader_fail (r, _("the file ends early (it may have been cut off while copying)"));
      return FALSE;
    }
  if (*r->p != c)
    {
      d8_json_reader_fail (r, _("expected “%c” but found “%c”"), c, *r->p);
      return FALSE;
    }
  r->p++;
  return TRUE;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/**
 * d8_json_read_string:
 * @r: a reader
 * @offset: (out): where the decoded text starts in the pool
 * @len: (out): its length in bytes, without the NUL that follows it
 *
 * Reads a string (after white space), decoding escapes into the pool.
 * Fails @r on raw control characters, unknown escapes, lone surrogates, an
 * escaped NUL, bad UTF-8 and a text cut off by the end of input.
 *
 * Returns: %TRUE on success.
 */
gboolean
d8_json_read_string (D8JsonReader *r, guint *offset, guint *len)
{
  gsize start;

  if (!d8_json_expect (r, '"'))
    return FALSE;
  start = r->pool->len;
  for (;;)
    {
      const char *run = r->p;

      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        r->p++;
      g_string_append_len (r->pool, run, r->p - run);
      if (r->p >= r->end)
        {
          d8_json_reader_fail (r, _("the file ends inside a text (it may have been cut off)"));
          return FALSE;
        }
      if (*r->p == '"')
        {
          r->p++;
          break;
        }
      if ((guchar) *r->p < 0x20)
        {
          d8_json_reader_fail (r, _("a text contains a raw control character"));
          return FALSE;
        }
      /* An escape. */
      if (r->end - r->p < 2)
        {
          d8_json_reader_fail (r, _("the file ends inside a text (it may have been cut off)"));
          return FALSE;
        }
      r->p++;
      switch (*r->p++)
        {
        case '"': g_string_append_c (r->pool, '"'); break;
        case '\\': g_string_append_c (r->pool, '\\'); break;
        case '/': g_string_append_c (r->pool, '/'); break;
        case 'b': g_string_append_c (r->pool, '\b'); break;
        case 'f': g_string_append_c (r->pool, '\f'); break;
        case 'n': g_string_append_c (r->pool, '\n'); break;
        case 'r': g_string_append_c (r->pool, '\r'); break;
        case 't': g_string_append_c (r->pool, '\t'); break;
        case 'u':
          {
            int c = r->end - r->p >= 4 ? hex4 (r->p) : -1;

            if (c < 0)
              {
                d8_json_reader_fail (r, _("a \\u escape needs four hexadecimal digits"));
                return FALSE;
              }
            r->p += 4;
            if (c >= 0xd800 && c <= 0xdbff)
              {
                int low = r->end - r->p >= 6 && r->p[0] == '\\' && r->p[1] == 'u'
                            ? hex4 (r->p + 2) : -1;
                if (low < 0xdc00 || low > 0xdfff)
                  {
                    d8_json_reader_fail (
                      r, _("a \\u escape is half of a character (lone surrogate)"));
                    return FALSE;
                  }
                r->p += 6;
                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (c >= 0xdc00 && c <= 0xdfff)
              {
                d8_json_reader_fail (r, _("a \\u escape is half of a character (lone surrogate)"));
                return FALSE;
              }
            if (c == 0)
              {
                d8_json_reader_fail (r, _("a text contains a NUL character"));
                return FALSE;
              }
            g_string_append_unichar (r->pool, c);
          }
          break;
        default:
          r->p--;
          d8_json_reader_fail (r, _("unknown escape “\\%c” in a text"), *r->p);
          return FALSE;
        }
    }
  if (!g_utf8_validate (r->pool->str + start, r->pool->len - start, NULL))
    {
      d8_json_reader_fail (r, _("a text is not valid UTF-8"));
      return FALSE;
    }
  *offset = start;
  *len = r->pool->len - start;
  g_string_append_c (r->pool, '\0');
  return TRUE;
}

/* Moves past one or more digits; FALSE if there is none. */
static gboolean
read_digits (D8JsonReader *r)
{
  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return FALSE;
  while (r->p < r->end && g_ascii_isdigit (*r->p))
    r->p++;
  return TRUE;
}

static gboolean
read_number (D8JsonReader *r, D8JsonValue *v)
{
  const char *start = r->p;
  gboolean integer = TRUE;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p < r->end && *r->p == '0') /* no leading zeros */
    r->p++;
  else if (!read_digits (r))
    goto bad;
  if (r->p < r->end && *r->p == '.')
    {
      integer = FALSE;
      r->p++;
      if (!read_digits (r))
        goto bad;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      integer = FALSE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (!read_digits (r))
        goto bad;
    }
  if (r->p - start > 40)
    {
      r->p = start;
      d8_json_reader_fail (r, _("a number is too long"));
      return FALSE;
    }
  v->kind = integer ? D8_JSON_INT : D8_JSON_NUMBER;
  v->str = r->pool->len;
  v->str_len = r->p - start;
  g_string_append_len (r->pool, start, r->p - start);
  g_string_append_c (r->pool, '\0');
  if (!integer)
    {
      double d = g_ascii_strtod (d8_json_text (r, v->str), NULL);
      if (!isfinite (d))
        {
          r->p = start;
          d8_json_reader_fail (r, _("the number %s is too large"), d8_json_text (r, v->str));
          return FALSE;
        }
    }
  return TRUE;

bad:
  r->p = start;
  d8_json_reader_fail (r, _("not a valid JSON value"));
  return FALSE;
}

static gboolean
literal (D8JsonReader *r, const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    {
      if ((gsize) (r->end - r->p) < len && memcmp (r->p, word, r->end - r->p) == 0)
        d8_json_reader_fail (r, _("the file ends early (it may have been cut off while copying)"));
      else
        d8_json_reader_fail (r, _("not a valid JSON value"));
      return FALSE;
    }
  r->p += len;
  return TRUE;
}

static guint
new_val (D8JsonReader *r, D8JsonKind kind)
{
  D8JsonValue v = { 0 };

  v.kind = kind;
  g_array_append_val (r->vals, v);
  return r->vals->len - 1;
}

/* Objects with more members than this find a repeated name by a hash of
 * the names; smaller ones (nearly all) by comparing them. */
#define DUPLICATES_BY_HASH 32

/* Whether the object @object already has a member named as @key
 * (@key_len bytes). @names: the object's names once it is large (made
 * here, freed by the caller), so that a file of 200,000 names is not
 * read in minutes, each name compared with every other. Names hold no
 * NUL: an escaped one is refused. */
static gboolean
member_repeated (D8JsonReader *r, guint object, guint key, guint key_len, GHashTable **names)
{
  if (*names == NULL && d8_json_value (r, object)->n >= DUPLICATES_BY_HASH)
    {
      *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint c = d8_json_value (r, object)->first; c; c = d8_json_value (r, c)->next)
        g_hash_table_add (*names, g_strndup (d8_json_text (r, d8_json_value (r, c)->key),
                                             d8_json_value (r, c)->key_len));
    }
  if (*names != NULL)
    return !g_hash_table_add (*names, g_strndup (d8_json_text (r, key), key_len));
  for (guint c = d8_json_value (r, object)->first; c; c = d8_json_value (r, c)->next)
    if (d8_json_value (r, c)->key_len == key_len
        && memcmp (d8_json_text (r, d8_json_value (r, c)->key), d8_json_text (r, key),
                   key_len) == 0)
      return TRUE;
  return FALSE;
}

/**
 * d8_json_read_value:
 * @r: a reader
 * @depth: the nesting level of the value (0 for a whole document); values
 *   nested deeper than %D8_JSON_MAX_DEPTH are refused
 *
 * Reads one value (after white space) into the arena. Members of an object
 * must have distinct names. Numbers are kept as written; a number with a
 * fraction or exponent must fit in a double, and no number may be longer
 * than 40 characters. Whatever follows the value is left unread.
 *
 * Returns: the value's index, or 0 if @r failed (see @r->error).
 */
guint
d8_json_read_value (D8JsonReader *r, int depth)
{
  guint index;

  if (depth > D8_JSON_MAX_DEPTH)
    {
      d8_json_reader_fail (r, _("values are nested too deeply"));
      return 0;
    }
  d8_json_skip_ws (r);
  if (r->p >= r->end)
    {
      d8_json_reader_fail (r, _("the file ends early (it may have been cut off while copying)"));
      return 0;
    }
  switch (*r->p)
    {
    case '"':
      {
        guint offset, len;
        if (!d8_json_read_string (r, &offset, &len))
          return 0;
        index = new_val (r, D8_JSON_STRING);
        d8_json_value (r, index)->str = offset;
        d8_json_value (r, index)->str_len = len;
        return index;
      }
    case 'n':
      return literal (r, "null") ? new_val (r, D8_JSON_NULL) : 0;
    case 't':
      return literal (r, "true") ? new_val (r, D8_JSON_TRUE) : 0;
    case 'f':
      return literal (r, "false") ? new_val (r, D8_JSON_FALSE) : 0;
    case '[':
    case '{':
      {
        gboolean object = *r->p == '{';
        char close = object ? '}' : ']';
        guint last = 0;
        g_autoptr (GHashTable) names = NULL; /* member_repeated() */

        r->p++;
        index = new_val (r, object ? D8_JSON_OBJECT : D8_JSON_ARRAY);
        d8_json_skip_ws (r);
        if (r->p < r->end && *r->p == close)
          {
            r->p++;
            return index;
          }
        for (;;)
          {
            guint key = 0, key_len = 0, child;

            if (object)
              {
                d8_json_skip_ws (r);
                if (r->p < r->end && *r->p != '"')
                  {
                    d8_json_reader_fail (r, _("expected a member name in quotes"));
                    return 0;
                  }
                if (!d8_json_read_string (r, &key, &key_len) || !d8_json_expect (r, ':'))
                  return 0;
                /* json-glib would keep the last of two equal names; a
                 * bundle with both is ambiguous, so it is refused. */
                if (member_repeated (r, index, key, key_len, &names))
                  {
                    d8_json_reader_fail (r, _("the member “%s” appears twice in one object"),
                                         d8_json_text (r, key));
                    return 0;
                  }
              }
            if ((child = d8_json_read_value (r, depth + 1)) == 0)
              return 0;
            d8_json_value (r, child)->key = key;
            d8_json_value (r, child)->key_len = key_len;
            if (last)
              d8_json_value (r, last)->next = child;
            else
              d8_json_value (r, index)->first = child;
            last = child;
            d8_json_value (r, index)->n++;
            d8_json_skip_ws (r);
            if (r->p >= r->end)
              {
                d8_json_reader_fail (
                  r, _("the file ends early (it may have been cut off while copying)"));
                return 0;
              }
            if (*r->p == ',')
              {
                r->p++;
                continue;
              }
            if (*r->p == close)
              {
                r->p++;
                return index;
              }
            d8_json_reader_fail (r, "%s",
                                 object ? _("expected “,” or “}”") : _("expected “,” or “]”"));
            return 0;
          }
      }
    default:
      index = new_val (r, D8_JSON_INT);
      if (!read_number (r, d8_json_value (r, index)))
        return 0;
      return index;
    }
}

/* ----------------------------------------------------- canonical form */

/**
 * d8_json_append_canonical_string:
 * @out: where to append
 * @s: UTF-8 text, which may contain NUL only if @len says so
 * @len: its length in bytes
 *
 * Appends the canonical JSON text of a string (docs/bundle-format.md): only
 * `"`, `\\` and control characters escaped, short escapes where JSON has
 * them, `\u00xx` in lower case for the others.
 */
void
d8_json_append_canonical_string (GString *out, const char *s, gsize len)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = s;
  const char *end = s + len;

  g_string_append_c (out, '"');
  for (const char *p = s; p < end; p++)
    {
      guchar c = *p;
      const char *escape = NULL;
      char buf[7];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          buf[0] = '\\', buf[1] = 'u', buf[2] = '0', buf[3] = '0';
          buf[4] = hex[c >> 4], buf[5] = hex[c & 15], buf[6] = '\0';
          escape = buf;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
  g_string_append_c (out, '"');
}

static int
compare_keys (D8JsonReader *r, guint a, guint b)
{
  D8JsonValue *x = d8_json_value (r, a), *y = d8_json_value (r, b);
  int c = memcmp (d8_json_text (r, x->key), d8_json_text (r, y->key), MIN (x->key_len, y->key_len));

  return c ? c : (int) x->key_len - (int) y->key_len;
}

/**
 * d8_json_append_canonical:
 * @r: a reader
 * @index: a value it read
 * @out: where to append
 *
 * Appends the canonical text of the value: no white space, members sorted
 * by name (bytewise), numbers as written, strings as
 * d8_json_append_canonical_string() writes them. Bundle digests are
 * computed over this text.
 */
void
d8_json_append_canonical (D8JsonReader *r, guint index, GString *out)
{
  D8JsonValue *v = d8_json_value (r, index);

  switch (v->kind)
    {
    case D8_JSON_NULL: g_string_append (out, "null"); break;
    case D8_JSON_TRUE: g_string_append (out, "true"); break;
    case D8_JSON_FALSE: g_string_append (out, "false"); break;
    case D8_JSON_INT:
    case D8_JSON_NUMBER: g_string_append_len (out, d8_json_text (r, v->str), v->str_len); break;
    case D8_JSON_STRING:
      d8_json_append_canonical_string (out, d8_json_text (r, v->str), v->str_len);
      break;
    case D8_JSON_ARRAY:
      g_string_append_c (out, '[');
      for (guint c = v->first; c; c = d8_json_value (r, c)->next)
        {
          if (c != v->first)
            g_string_append_c (out, ',');
          d8_json_append_canonical (r, c, out);
        }
      g_string_append_c (out, ']');
      break;
    case D8_JSON_OBJECT:
      {
        guint n = v->n, i = 0;
        g_autofree guint *members = g_new (guint, MAX (n, 1));

        for (guint c = v->first; c; c = d8_json_value (r, c)->next)
          members[i++] = c;
        /* Insertion sort: objects here have a handful of members. */
        for (guint a = 1; a < n; a++)
          for (guint b = a; b > 0 && compare_keys (r, members[b - 1], members[b]) > 0; b--)
            {
              guint t = members[b];
              members[b] = members[b - 1];
              members[b - 1] = t;
            }
        g_string_append_c (out, '{');
        for (i = 0; i < n; i++)
          {
            D8JsonValue *m = d8_json_value (r, members[i]);
            if (i)
              g_string_append_c (out, ',');
            d8_json_append_canonical_string (out, d8_json_text (r, m->key), m->key_len);
            g_string_append_c (out, ':');
            d8_json_append_canonical (r, members[i], out);
          }
        g_string_append_c (out, '}');
      }
      break;
    }
}

/**
 * d8_json_member:
 * @r: a reader
 * @object: an object value
 * @name: a member name
 *
 * Returns: the index of the member named @name, or 0 if there is none.
 */
guint
d8_json_member (D8JsonReader *r, guint object, const char *name)
{
  for (guint c = d8_json_value (r, object)->first; c; c = d8_json_value (r, c)->next)
    if (strcmp (d8_json_text (r, d8_json_value (r, c)->key), name) == 0)
      return c;
  return 0;
}

/**
 * d8_json_canonicalize:
 * @json: a NUL-terminated JSON document made by this program
 * @out: where to append its canonical text
 *
 * Reads @json with this reader and appends its canonical text, so that
 * export and import agree byte for byte. What follows the first value is
 * ignored.
 *
 * Returns: %FALSE (appending nothing) if @json could not be read.
 */
gboolean
d8_json_canonicalize (const char *json, GString *out)
{
  g_auto (D8JsonReader) r = { 0 };
  guint v;

  d8_json_reader_init (&r, json, strlen (json));
  v = d8_json_read_value (&r, 0);
  if (v)
    d8_json_append_canonical (&r, v, out);
  return v != 0;
}

