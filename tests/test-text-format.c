/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text-format.c — folding and search, NFC, and what people type and
 * read: whole numbers, dates, grouped numbers and percentages. */
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "d8-error.h"
#include "d8-format.h"
#include "d8-i18n.h"
#include "d8-text.h"

static void
test_fold (void)
{
  const char *cases[][2] = {
    { "Chư Pưh", "chu puh" },   { "Đak Đoa", "dak doa" },   { "Đức Cơ", "duc co" },
    { "Kông Chro", "kong chro" }, { "An Khê", "an khe" }, { "Phú Thiện", "phu thien" },
    { "Chư Păh", "chu pah" },   { "ĐẮK", "dak" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = d8_text_fold (cases[i][0]);
      g_assert_cmpstr (folded, ==, cases[i][1]);
    }
}

static void
test_matches (void)
{
  g_assert_true (d8_text_matches ("Chư Pưh", "chu puh"));
  g_assert_true (d8_text_matches ("Đak Đoa", "dak doa"));
  g_assert_true (d8_text_matches ("Đak Đoa", "ĐOA"));
  g_assert_true (d8_text_matches ("Đak Đoa", ""));
  g_assert_true (d8_text_matches ("Đak Đoa", NULL));
  /* NFD input (as pasted from some editors) matches NFC data. */
  g_assert_true (d8_text_matches ("Chư Pưh", "Chu\xcc\x9b"));
  g_assert_false (d8_text_matches ("Chư Pưh", "chu se"));
}

static void
test_normalize (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *nfc = d8_text_normalize ("  Vie\xcc\xa3\xcc\x82t  ", "note", &error);
  g_autofree char *bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (nfc, ==, "Vi\xe1\xbb\x87t");
  bad = d8_text_normalize ("\xff", "note", &error);
  g_assert_null (bad);
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "note"));
}

static int
compare_by_key (gconstpointer a,
                gconstpointer b)
{
  g_autofree char *ka = d8_text_collate_key (*(const char *const *) a);
  g_autofree char *kb = d8_text_collate_key (*(const char *const *) b);
  return strcmp (ka, kb);
}

/* Vietnamese order: đ is a letter of its own after d, ă and â come after a
 * (so "Chư Păh" before "Chư Prông", which byte order gets wrong), and the
 * key does not depend on how the text was composed. */
static void
test_collate_vietnamese (void)
{
  const char *expected[] = { "An Khê", "Ayun Pa", "Chư Păh", "Chư Prông", "Chư Pưh", "Chư Sê",
                             "Dak Pơ", "Đak Đoa", "Đak Pơ", "Đức Cơ", "Ea H'Leo", "Ia Grai",
                             "Kbang", "Kông Chro", "Krông Pa", "Phú Thiện", "Pleiku" };
  const char *shuffled[] = { "Pleiku", "Đak Pơ", "Chư Prông", "Ea H'Leo", "Kông Chro",
                             "Đak Đoa", "An Khê", "Chư Sê", "Krông Pa", "Dak Pơ", "Đức Cơ",
                             "Ia Grai", "Chư Păh", "Phú Thiện", "Kbang", "Ayun Pa", "Chư Pưh" };
  g_autofree char *saved = g_strdup (setlocale (LC_COLLATE, NULL));
  g_autofree char *nfc = NULL;
  g_autofree char *nfd = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == G_N_ELEMENTS (shuffled));
  if (setlocale (LC_COLLATE, "vi_VN.UTF-8") == NULL)
    g_error ("the vi_VN.UTF-8 locale is missing (make check creates it: "
             "localedef -i vi_VN -f UTF-8 vi_VN.UTF-8)");

  qsort (shuffled, G_N_ELEMENTS (shuffled), sizeof (char *), compare_by_key);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (shuffled[i], ==, expected[i]);

  /* "Chư Pưh" typed with combining marks (NFD) sorts where the NFC text
   * does. */
  nfc = d8_text_collate_key ("Chư Pưh");
  nfd = d8_text_collate_key ("Chu\xcc\x9b Pu\xcc\x9bh");
  g_assert_cmpstr (nfc, ==, nfd);

  setlocale (LC_COLLATE, saved);
}

static void
test_parse_count (void)
{
  const struct { const char *text; gint64 value; } good[] = {
    { "0", 0 }, { "12", 12 }, { " 7 ", 7 }, { "1.234", 1234 }, { "1,234", 1234 },
    { "1 234 567", 1234567 }, { "1\xc2\xa0" "234", 1234 }, { "1000000000000", 1000000000000 },
  };
  const char *bad[] = { "", "-1", "−2", "2.5", "1,5", "abc", "12a", "1.23", "1.2345",
                        "+3", "1e3", "10000000000000", "1..234", ".5", "99999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 value = -1;
      g_assert_true (d8_parse_count (good[i].text, "amount", &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 value = -1;
      if (d8_parse_count (bad[i], "amount", &value, &error))
        g_error ("“%s” was accepted as %" G_GINT64_FORMAT, bad[i], value);
      g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "amount"));
    }
}

static void
test_parse_date (void)
{
  const char *good[][2] = {
    { "2023-06-30", "2023-06-30" }, { "30/06/2023", "2023-06-30" }, { "1/7/2023", "2023-07-01" },
    { " 2024-02-29 ", "2024-02-29" },
  };
  const char *bad[] = { "", "2023-02-30", "2023-13-01", "31/04/2023", "30/06/23", "yesterday",
                        "2023-6-30", "2023-06-30x" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *iso = d8_parse_date (good[i][0], "date", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, good[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *iso = d8_parse_date (bad[i], "date", &error);
      if (iso != NULL)
        g_error ("“%s” was accepted as %s", bad[i], iso);
      g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
    }
  g_assert_true (d8_date_is_valid ("2023-12-31"));
  g_assert_false (d8_date_is_valid ("2023-12-32"));
  g_assert_false (d8_date_is_valid ("2023/12/31"));
  g_assert_false (d8_date_is_valid (NULL));
}

static void
test_format_c_locale (void)
{
  g_autofree char *count = d8_format_count (1234567);
  g_autofree char *percent = d8_format_percent (0.125, 1);
  g_autofree char *nan = d8_format_percent (NAN, 1);
  g_autofree char *date = d8_format_date ("2023-06-30");
  g_autofree char *bad_date = d8_format_date ("junk");

  g_assert_cmpstr (count, ==, "1,234,567");
  g_assert_cmpstr (percent, ==, "12.5%");
  g_assert_cmpstr (nan, ==, "–");
  g_assert_cmpstr (date, ==, "Jun 30, 2023");
  g_assert_cmpstr (bad_date, ==, "junk");
}

/* Text from files (issue 11): controls and bidirectional overrides are
 * shown escaped, bad UTF-8 as bytes, long text cut; ordinary Vietnamese
 * passes unchanged. */
static void
test_escape_untrusted (void)
{
  const char *cases[][2] = {
    { "Chư Pưh", "Chư Pưh" },
    { "a\nb\tc\rd", "a\\nb\\tc\\rd" },
    { "bell\a", "bell\\u0007" },
    { "esc\x1b[31mred", "esc\\u001B[31mred" },
    { "del\x7f", "del\\u007F" },
    { "c1\xc2\x85", "c1\\u0085" },
    { "evil\xe2\x80\xaetxt.exe", "evil\\u202Etxt.exe" },            /* RLO */
    { "\xe2\x81\xa6x\xe2\x81\xa9", "\\u2066x\\u2069" },              /* LRI … PDI */
    { "\xe2\x80\x8fmark", "\\u200Fmark" },                           /* RLM */
    { "line\xe2\x80\xa8sep", "line\\u2028sep" },
    { "\xef\xbb\xbf" "bom", "\\uFEFFbom" },
    { "bad\xff\xfe", "bad\\xFF\\xFE" },
    { "back\\slash", "back\\slash" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = d8_text_escape_untrusted (cases[i][0], -1, 0);
      g_autofree char *again = d8_text_escape_untrusted (shown, -1, 0);
      g_assert_cmpstr (shown, ==, cases[i][1]);
      g_assert_cmpstr (again, ==, shown);
      g_assert_true (g_utf8_validate (shown, -1, NULL));
    }
  {
    g_autofree char *nul = d8_text_escape_untrusted ("a\0b", 3, 0);
    g_autofree char *null = d8_text_escape_untrusted (NULL, -1, 0);
    g_assert_cmpstr (nul, ==, "a\\u0000b");
    g_assert_cmpstr (null, ==, "");
  }
}

static void
test_escape_cut (void)
{
  g_autofree char *exact = d8_text_escape_untrusted ("Đak Đoa", -1, 7);
  g_autofree char *cut = d8_text_escape_untrusted ("Đak Đoa và Chư Pưh", -1, 7);
  /* An escape is not split: "ab\u202E" is 8 characters shown. */
  g_autofree char *escape = d8_text_escape_untrusted ("ab\xe2\x80\xae" "cdef", -1, 6);
  g_autofree char *long_name = g_strnfill (100000, 'x');
  g_autofree char *long_shown = d8_text_escape_untrusted (long_name, -1, D8_TEXT_UNTRUSTED_MAX);

  g_assert_cmpstr (exact, ==, "Đak Đoa");
  g_assert_cmpstr (cut, ==, "Đak Đo…");
  g_assert_cmpstr (escape, ==, "ab…");
  g_assert_cmpint (g_utf8_strlen (long_shown, -1), ==, D8_TEXT_UNTRUSTED_MAX);
  g_assert_true (g_str_has_suffix (long_shown, "…"));
}

static void
test_escape_message (void)
{
  g_autofree char *long_name = g_strnfill (5000, 'x');
  g_autofree char *message = g_strdup_printf ("plan.json: units[3]: unknown parent unit “%s”; "
                                              "and “a\xe2\x80\xae" "b” is short", long_name);
  g_autofree char *shown = d8_text_escape_message (message);
  g_autofree char *again = d8_text_escape_message (shown);
  g_autofree char *expected_cut = g_strnfill (D8_TEXT_UNTRUSTED_MAX - 1, 'x');
  g_autofree char *expected = g_strdup_printf ("plan.json: units[3]: unknown parent unit “%s…”; "
                                               "and “a\\u202Eb” is short", expected_cut);
  g_autofree char *huge = g_strnfill (20000, 'y');
  g_autofree char *huge_shown = d8_text_escape_message (huge);

  g_assert_cmpstr (shown, ==, expected);
  g_assert_cmpstr (again, ==, shown);
  g_assert_cmpint (g_utf8_strlen (huge_shown, -1), ==, D8_TEXT_MESSAGE_MAX);
}

/* In Vietnamese (the catalogue in the build tree, $DUAN8_LOCALEDIR) numbers,
 * percentages and dates follow the UI language, whatever LC_NUMERIC says. */
static void
test_format_vietnamese (void)
{
  g_autofree char *count = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *date = NULL;
  g_autofree char *negative = NULL;

  d8_i18n_init ("vi");
  count = d8_format_count (1234567);
  negative = d8_format_count (-1234);
  percent = d8_format_percent (0.125, 1);
  date = d8_format_date ("2023-06-30");
  g_assert_cmpstr (count, ==, "1.234.567");
  g_assert_cmpstr (negative, ==, "−1.234");
  g_assert_cmpstr (percent, ==, "12,5 %");
  g_assert_cmpstr (date, ==, "30/06/2023");
  d8_i18n_init ("en");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/matches", test_matches);
  g_test_add_func ("/text/normalize", test_normalize);
  g_test_add_func ("/text/collate-vietnamese", test_collate_vietnamese);
  g_test_add_func ("/text/escape-untrusted", test_escape_untrusted);
  g_test_add_func ("/text/escape-cut", test_escape_cut);
  g_test_add_func ("/text/escape-message", test_escape_message);
  g_test_add_func ("/format/parse-count", test_parse_count);
  g_test_add_func ("/format/parse-date", test_parse_date);
  g_test_add_func ("/format/c-locale", test_format_c_locale);
  g_test_add_func ("/format/vietnamese", test_format_vietnamese);
  return g_test_run ();
}
