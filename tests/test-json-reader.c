/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json-reader.c — the strict streaming JSON reader of bundles on its
 * own: what it refuses (lone surrogates, escaped NUL, duplicate member
 * names, 1e400, too deep, cut off), what it keeps (paired surrogates,
 * integers of any size as written), where it stops (trailing text is left
 * to the caller), and the canonical text the bundle digest is made of. */
#include <locale.h>
#include <string.h>

#include "d8-json-reader.h"

/* Reads @text as one whole value. Returns the value's index (0 when the
 * reader failed), leaving the reader for the caller to look at. */
static guint
read_one (D8JsonReader *r, const char *text)
{
  d8_json_reader_init (r, text, strlen (text));
  return d8_json_read_value (r, 0);
}

/* @text is refused with a message that contains @why. */
static void
assert_refused (const char *text, const char *why)
{
  g_auto (D8JsonReader) r = { 0 };

  if (read_one (&r, text) != 0)
    g_error ("“%s” was read, expected an error containing “%s”", text, why);
  g_assert_nonnull (r.error);
  if (strstr (r.error, why) == NULL)
    g_error ("“%s”: error “%s”, expected one containing “%s”", text, r.error, why);
}

/* @text is read and its canonical text is @canonical. */
static void
assert_canonical (const char *text, const char *canonical)
{
  g_auto (D8JsonReader) r = { 0 };
  g_autoptr (GString) out = g_string_new (NULL);
  guint v = read_one (&r, text);

  if (v == 0)
    g_error ("“%s” was refused: %s", text, r.error);
  d8_json_append_canonical (&r, v, out);
  g_assert_cmpstr (out->str, ==, canonical);
  g_assert_true (d8_json_reader_at_end (&r));
}

static void
test_surrogates (void)
{
  g_auto (D8JsonReader) r = { 0 };
  guint v;

  /* A pair is one character outside the BMP, U+1F600. */
  v = read_one (&r, "\"a\\ud83d\\ude00b\"");
  g_assert_cmpuint (v, !=, 0);
  g_assert_cmpint (d8_json_value (&r, v)->kind, ==, D8_JSON_STRING);
  g_assert_cmpstr (d8_json_text (&r, d8_json_value (&r, v)->str), ==, "a\xf0\x9f\x98\x80" "b");
  g_assert_cmpuint (d8_json_value (&r, v)->str_len, ==, 6);
  /* Upper-case hex digits too. */
  assert_canonical ("\"\\uD83D\\uDE00\"", "\"\xf0\x9f\x98\x80\"");

  assert_refused ("\"\\ud800\"", "lone surrogate");
  assert_refused ("\"\\ud800x\"", "lone surrogate");
  assert_refused ("\"\\ud800\\u0041\"", "lone surrogate");
  assert_refused ("\"\\ud800\\ud800\"", "lone surrogate");
  assert_refused ("\"\\udc00\"", "lone surrogate");
  assert_refused ("\"\\ude00\\ud83d\"", "lone surrogate");
  assert_refused ("\"\\u12\"", "four hexadecimal digits");
  assert_refused ("\"\\u12g4\"", "four hexadecimal digits");
}

static void
test_nul_and_control (void)
{
  /* An escaped NUL would cut the text short everywhere it is used. */
  assert_refused ("\"a\\u0000b\"", "NUL");
  assert_refused ("\"a\tb\"", "raw control character");
  assert_refused ("\"a\nb\"", "raw control character");
  assert_refused ("\"\\x41\"", "unknown escape");
  assert_refused ("\"\xff\"", "not valid UTF-8");
  assert_refused ("\"\xc3\"", "not valid UTF-8");
  /* Other escapes decode, and the canonical form writes them back short,
   * other control characters as \u00xx, and "/" as itself. */
  assert_canonical ("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\u001F\\u0041é\"",
                    "\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001fAé\"");
}

static void
test_duplicate_keys (void)
{
  g_auto (D8JsonReader) r = { 0 };
  guint v;

  assert_refused ("{\"a\":1,\"a\":2}", "the member “a” appears twice");
  assert_refused ("{\"x\":{\"b\":1,\"c\":2,\"b\":3}}", "the member “b” appears twice");
  /* The same name written with an escape is the same name. */
  assert_refused ("{\"a\":1,\"\\u0061\":2}", "appears twice");
  /* Names that only share a start are different; the same name in two
   * objects is fine. */
  v = read_one (&r, "{\"a\":1,\"ab\":{\"a\":2},\"b\":[{\"a\":3},{\"a\":4}]}");
  g_assert_cmpuint (v, !=, 0);
  g_assert_cmpuint (d8_json_value (&r, v)->n, ==, 3);
  g_assert_cmpuint (d8_json_member (&r, v, "ab"), !=, 0);
  g_assert_cmpuint (d8_json_member (&r, v, "c"), ==, 0);
  g_assert_cmpstr (d8_json_text (&r, d8_json_value (&r, d8_json_member (&r, v, "a"))->str), ==,
                   "1");
}

static void
test_numbers (void)
{
  g_auto (D8JsonReader) r = { 0 };
  guint v;

  /* Out of the range of a double: refused, not read as infinity. */
  assert_refused ("1e400", "too large");
  assert_refused ("-1e400", "too large");
  assert_refused ("[1.5, 2E+999]", "too large");
  assert_canonical ("1e308", "1e308");
  assert_canonical ("-0.5E-3", "-0.5E-3");

  /* An integer of any size is kept as written, for the caller to judge
   * (entries refuse anything above 10^12). */
  v = read_one (&r, "123456789012345678901234567890");
  g_assert_cmpuint (v, !=, 0);
  g_assert_cmpint (d8_json_value (&r, v)->kind, ==, D8_JSON_INT);
  g_assert_cmpstr (d8_json_text (&r, d8_json_value (&r, v)->str), ==,
                   "123456789012345678901234567890");
  d8_json_reader_clear (&r);
  v = read_one (&r, "1.0");
  g_assert_cmpint (d8_json_value (&r, v)->kind, ==, D8_JSON_NUMBER);
  d8_json_reader_clear (&r);

  /* No number longer than 40 characters. */
  assert_canonical ("1234567890123456789012345678901234567890",
                    "1234567890123456789012345678901234567890");
  assert_refused ("12345678901234567890123456789012345678901", "too long");

  /* JSON's grammar: no leading zeros, plus signs, bare dots or hex. */
  assert_refused ("+1", "not a valid JSON value");
  assert_refused ("-", "not a valid JSON value");
  assert_refused (".5", "not a valid JSON value");
  assert_refused ("1.", "not a valid JSON value");
  assert_refused ("1e", "not a valid JSON value");
  assert_refused ("[01]", "expected “,” or “]”");
  assert_refused ("NaN", "not a valid JSON value");
}

/* @n arrays, each inside the one before. */
static char *
nested (guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static void
test_depth (void)
{
  /* The outermost array is at depth 0: D8_JSON_MAX_DEPTH + 1 arrays fit. */
  g_autofree char *deepest = nested (D8_JSON_MAX_DEPTH + 1);
  g_autofree char *too_deep = nested (D8_JSON_MAX_DEPTH + 2);
  g_autofree char *far_too_deep = nested (100000);
  g_auto (D8JsonReader) r = { 0 };

  assert_canonical (deepest, deepest);
  assert_refused (too_deep, "nested too deeply");
  /* No stack overflow on a hostile file. */
  assert_refused (far_too_deep, "nested too deeply");

  /* A caller reading the elements of a bundle's arrays starts deeper. */
  d8_json_reader_init (&r, deepest, strlen (deepest));
  g_assert_cmpuint (d8_json_read_value (&r, 2), ==, 0);
  g_assert_nonnull (strstr (r.error, "nested too deeply"));
}

static void
test_truncated (void)
{
  static const char *const cut[] = { "", "  ", "{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,",
                                     "[", "[1", "[1,", "tru", "nul", "fals" };

  for (guint i = 0; i < G_N_ELEMENTS (cut); i++)
    assert_refused (cut[i], "ends early");
  assert_refused ("\"abc", "ends inside a text");
  assert_refused ("\"abc\\", "ends inside a text");
  assert_refused ("{\"a", "ends inside a text");
  assert_refused ("\"\\ud83d", "lone surrogate");
}

static void
test_structure_errors (void)
{
  g_auto (D8JsonReader) r = { 0 };

  assert_refused ("{1:2}", "expected a member name in quotes");
  assert_refused ("{\"a\" 1}", "expected “:” but found “1”");
  assert_refused ("{\"a\":1 \"b\":2}", "expected “,” or “}”");
  assert_refused ("[1 2]", "expected “,” or “]”");
  assert_refused ("[1,]", "not a valid JSON value");
  assert_refused ("tRue", "not a valid JSON value");
  assert_refused ("nope", "not a valid JSON value");

  /* The line of the error, for messages. */
  d8_json_reader_init (&r, "[1,\n2,\n\n@]", 10);
  g_assert_cmpuint (d8_json_read_value (&r, 0), ==, 0);
  g_assert_cmpuint (d8_json_reader_error_line (&r), ==, 4);
  /* Only the first error is kept. */
  d8_json_reader_fail (&r, "later");
  g_assert_null (strstr (r.error, "later"));
}

static void
test_trailing (void)
{
  g_auto (D8JsonReader) r = { 0 };
  guint v;

  /* The reader stops at the end of the value; what follows is the
   * caller's to refuse (a bundle says "more data after the end"). */
  v = read_one (&r, "{\"a\":1} \n x");
  g_assert_cmpuint (v, !=, 0);
  g_assert_false (d8_json_reader_at_end (&r));
  g_assert_cmpint (*r.p, ==, 'x');
  d8_json_reader_clear (&r);

  v = read_one (&r, "[1]1");
  g_assert_cmpuint (v, !=, 0);
  g_assert_false (d8_json_reader_at_end (&r));
  d8_json_reader_clear (&r);

  v = read_one (&r, " true \r\n\t ");
  g_assert_cmpuint (v, !=, 0);
  g_assert_true (d8_json_reader_at_end (&r));
}

static void
test_canonical (void)
{
  g_autoptr (GString) out = g_string_new (NULL);

  /* Members sorted by name, bytewise; no white space; arrays in order. */
  assert_canonical (" { \"b\" : 1 , \"a\" : [ true , null , false , \"x\" ] , \"B\" : {} } ",
                    "{\"B\":{},\"a\":[true,null,false,\"x\"],\"b\":1}");
  assert_canonical ("{\"ab\":1,\"a\":2,\"é\":3,\"z\":4}", "{\"a\":2,\"ab\":1,\"z\":4,\"é\":3}");
  assert_canonical ("[]", "[]");

  /* The export's shortcut: a document made here, read back. */
  g_assert_true (d8_json_canonicalize ("{\"z\":[1,2],\"a\":\"\\u00e9\"}", out));
  g_assert_cmpstr (out->str, ==, "{\"a\":\"é\",\"z\":[1,2]}");
  g_string_truncate (out, 0);
  g_assert_false (d8_json_canonicalize ("{\"a\":", out));
  g_assert_cmpstr (out->str, ==, "");

  /* A string with a NUL byte inside (it cannot come from the reader, but
   * the writer takes lengths). */
  d8_json_append_canonical_string (out, "a\0b", 3);
  g_assert_cmpstr (out->str, ==, "\"a\\u0000b\"");
}

static void
test_reset (void)
{
  g_auto (D8JsonReader) r = { 0 };
  const char *text = "[\"first\", \"second\"]";
  guint v;

  /* The bundle reader walks arrays itself, emptying the arena between
   * elements so that memory stays that of one element. */
  d8_json_reader_init (&r, text, strlen (text));
  g_assert_true (d8_json_expect (&r, '['));
  v = d8_json_read_value (&r, 1);
  g_assert_cmpstr (d8_json_text (&r, d8_json_value (&r, v)->str), ==, "first");
  g_assert_true (d8_json_expect (&r, ','));
  d8_json_reader_reset (&r);
  g_assert_cmpuint (r.vals->len, ==, 1);
  g_assert_cmpuint (r.pool->len, ==, 0);
  v = d8_json_read_value (&r, 1);
  g_assert_cmpuint (v, ==, 1);
  g_assert_cmpstr (d8_json_text (&r, d8_json_value (&r, v)->str), ==, "second");
  g_assert_true (d8_json_expect (&r, ']'));
  g_assert_true (d8_json_reader_at_end (&r));
  g_assert_false (d8_json_expect (&r, ']'));
  g_assert_nonnull (strstr (r.error, "ends early"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/surrogates", test_surrogates);
  g_test_add_func ("/json-reader/nul-and-control", test_nul_and_control);
  g_test_add_func ("/json-reader/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/json-reader/numbers", test_numbers);
  g_test_add_func ("/json-reader/depth", test_depth);
  g_test_add_func ("/json-reader/truncated", test_truncated);
  g_test_add_func ("/json-reader/structure-errors", test_structure_errors);
  g_test_add_func ("/json-reader/trailing", test_trailing);
  g_test_add_func ("/json-reader/canonical", test_canonical);
  g_test_add_func ("/json-reader/reset", test_reset);
  return g_test_run ();
}
