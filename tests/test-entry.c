/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-entry.c — the rules of an entry (d8-entry.c), and that every office
 * applies the same ones: a text the sender accepted is never refused by the
 * receiver. */
#include "config.h"

#include <string.h>

#include "d8-bundle.h"
#include "d8-entry.h"
#include "d8-error.h"
#include "d8-test-util.h"

#define PUH "gia-lai/chu-puh"

/* @n copies of @unit (one character, maybe several bytes). */
static char *
repeat (const char *unit, guint n)
{
  GString *s = g_string_sized_new (strlen (unit) * n);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

static void
test_kind_strings (void)
{
  D8IndicatorKind kinds[] = { D8_KIND_COUNT, D8_KIND_PERCENT };
  D8IndicatorKind back = D8_KIND_COUNT;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_true (d8_indicator_kind_from_string (d8_indicator_kind_to_string (kinds[i]), &back));
      g_assert_cmpint (back, ==, kinds[i]);
    }
  g_assert_cmpstr (d8_indicator_kind_to_string (D8_KIND_PERCENT), ==, "percent");
  back = D8_KIND_PERCENT;
  g_assert_false (d8_indicator_kind_from_string ("Percent", &back));
  g_assert_false (d8_indicator_kind_from_string (NULL, &back));
  g_assert_cmpint (back, ==, D8_KIND_PERCENT);
}

static void
assert_figures_refused (D8IndicatorKind kind, gint64 amount, gint64 reached, gint64 group,
                        gboolean deleted, const char *field, const char *words)
{
  g_autoptr (GError) error = NULL;
  const char *at = NULL;

  g_assert_false (d8_entry_check_figures (kind, "7", amount, reached, group, deleted, &at, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_cmpstr (at, ==, field);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_figures (void)
{
  const gint64 max = D8_ENTRY_AMOUNT_MAX;

  g_assert_true (d8_entry_check_figures (D8_KIND_COUNT, "1", 0, 0, 0, FALSE, NULL, NULL));
  g_assert_true (d8_entry_check_figures (D8_KIND_COUNT, "1", max, 0, 0, FALSE, NULL, NULL));
  g_assert_true (d8_entry_check_figures (D8_KIND_PERCENT, "SM", 0, 5, 5, FALSE, NULL, NULL));
  /* A deleted entry may travel with an empty group. */
  g_assert_true (d8_entry_check_figures (D8_KIND_PERCENT, "SM", 0, 0, 0, TRUE, NULL, NULL));

  assert_figures_refused (D8_KIND_COUNT, max + 1, 0, 0, FALSE, "amount", "10¹²");
  assert_figures_refused (D8_KIND_COUNT, -1, 0, 0, FALSE, "amount", "-1");
  assert_figures_refused (D8_KIND_COUNT, 3, 1, 0, FALSE, "reached", "counts things");
  assert_figures_refused (D8_KIND_PERCENT, 2, 1, 1, FALSE, "amount", "percentage");
  assert_figures_refused (D8_KIND_PERCENT, 0, 0, 0, FALSE, "group_size", "1 or more");
  assert_figures_refused (D8_KIND_PERCENT, 0, 6, 5, FALSE, "reached", "(5)");
  assert_figures_refused (D8_KIND_PERCENT, 0, 6, 5, TRUE, "reached", "(5)");
  assert_figures_refused (D8_KIND_PERCENT, 0, 0, max + 1, FALSE, "group_size", "10¹²");
}

static void
test_text (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *longest = repeat ("ữ", D8_ENTRY_TEXT_MAX);
  g_autofree char *too_long = repeat ("ữ", D8_ENTRY_TEXT_MAX + 1);
  /* "u" + combining horn + combining tilde: three code points, one after NFC. */
  g_autofree char *decomposed = repeat ("u\xcc\x9b\xcc\x83", D8_ENTRY_TEXT_MAX);
  char *out = (char *) "untouched";

  g_assert_true (d8_entry_normalize_text (NULL, &out, NULL));
  g_assert_null (out);
  g_assert_true (d8_entry_normalize_text ("  \t ", &out, NULL));
  g_assert_null (out);
  g_assert_true (d8_entry_normalize_text ("  Ia Le  ", &out, NULL));
  g_assert_cmpstr (out, ==, "Ia Le");
  g_clear_pointer (&out, g_free);

  g_assert_true (d8_entry_normalize_text (longest, &out, NULL));
  g_assert_cmpstr (out, ==, longest);
  g_clear_pointer (&out, g_free);
  /* The limit counts characters as stored, after NFC. */
  g_assert_true (d8_entry_normalize_text (decomposed, &out, NULL));
  g_assert_cmpstr (out, ==, longest);
  g_clear_pointer (&out, g_free);

  g_assert_false (d8_entry_normalize_text (too_long, &out, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "10001"));
  g_assert_nonnull (strstr (error->message, "10000"));
  g_assert_null (out);
  g_clear_error (&error);

  g_assert_false (d8_entry_normalize_text ("\xff", &out, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
}

/* The store refuses a too-long note when it is typed, naming the limit,
 * and writes nothing. */
static void
test_store_refuses_long_note (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "d.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Unit) unit = NULL;
  g_autoptr (D8Indicator) ind = NULL;
  g_autoptr (D8Entry) entry = d8_entry_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  plan = d8_store_resolve_plan (store, NULL, &error);
  unit = d8_store_resolve_unit (store, plan->id, PUH, &error);
  ind = d8_store_resolve_indicator (store, plan->id, "1", &error);
  g_assert_no_error (error);
  before = d8_test_dump (path);

  entry->plan_id = plan->id;
  entry->unit_id = unit->id;
  entry->indicator_id = ind->id;
  entry->date = g_strdup ("2023-05-04");
  entry->amount = 1;
  entry->note = repeat ("a", D8_ENTRY_TEXT_MAX + 1);
  g_assert_false (d8_store_add_entry (store, entry, FALSE, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "10000"));
  g_clear_error (&error);

  g_free (entry->note);
  entry->note = NULL;
  g_free (entry->place);
  entry->place = repeat ("a", D8_ENTRY_TEXT_MAX + 1);
  g_assert_false (d8_store_add_entry (store, entry, FALSE, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);

  after = d8_test_dump (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_object (&store);
  d8_test_rmtree (dir);
}

/* The longest note a district accepts reaches the province intact. */
static void
test_longest_note_travels (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *district_path = g_build_filename (dir, "district.sqlite3", NULL);
  g_autofree char *province_path = g_build_filename (dir, "province.sqlite3", NULL);
  g_autofree char *bundle = g_build_filename (dir, "puh" D8_BUNDLE_SUFFIX, NULL);
  g_autofree char *longest = repeat ("ữ", D8_ENTRY_TEXT_MAX);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) district = d8_store_open (district_path, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8Store) province = d8_store_open (province_path, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8BundleImport) im = NULL;
  g_autoptr (D8Entry) received = NULL;
  g_autofree char *uuid = NULL;
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_DEFAULT };
  D8BundleExportResult result = { 0 };
  const D8BundlePreview *p;

  g_assert_no_error (error);
  g_assert_true (d8_store_set_office (district, PUH, &error));
  g_assert_no_error (error);
  uuid = d8_test_record (district, PUH, "1", "2023-05-04", 2, longest);

  g_assert_true (d8_bundle_export (district, &options, bundle, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_entries, ==, 1);
  d8_bundle_export_result_clear (&result);

  im = d8_bundle_import_new (province, bundle, &error);
  g_assert_no_error (error);
  p = d8_bundle_import_get_preview (im);
  g_assert_cmpuint (p->rejections->len, ==, 0);
  g_assert_cmpuint (p->entries[D8_BUNDLE_NEW], ==, 1);
  /* The first bundle from this office: its fingerprint confirmed. */
  g_assert_cmpint (p->trust, ==, D8_BUNDLE_TRUST_NEW_OFFICE);
  d8_bundle_import_set_trust_new_office (im, TRUE);
  g_assert_true (d8_bundle_import_apply (im, &error));
  g_assert_no_error (error);

  received = d8_store_get_entry (province, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (received->note, ==, longest);

  g_clear_pointer (&im, d8_bundle_import_free);
  g_clear_object (&district);
  g_clear_object (&province);
  d8_test_rmtree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entry/kind-strings", test_kind_strings);
  g_test_add_func ("/entry/figures", test_figures);
  g_test_add_func ("/entry/text", test_text);
  g_test_add_func ("/entry/store-refuses-long-note", test_store_refuses_long_note);
  g_test_add_func ("/entry/longest-note-travels", test_longest_note_travels);
  return g_test_run ();
}
