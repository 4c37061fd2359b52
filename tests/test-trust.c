/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-trust.c — trust between offices (issue 11, docs/security.md): the
 * office key and its fingerprint, every forgery of the issue refused with
 * the database byte-identical (the attack-*.duan8.json fixtures of
 * tests/data/bundles/make-bundles.py), a first office confirmed, a key
 * replaced after a reinstall, the province's known offices travelling to a
 * district, a unit office recording only its own units, and three offices
 * exchanging signed bundles until their figures agree. */
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "d8-bundle.h"
#include "d8-office-keys.h"
#include "d8-test-office.h"
#include "d8-test-util.h"

#define PUH "gia-lai/chu-puh"
#define SE "gia-lai/chu-se"

static char *
fixture (const char *name)
{
  g_autofree char *file = g_strconcat (name, D8_BUNDLE_SUFFIX, NULL);
  return d8_test_source_path ("tests", "data", "bundles", file, NULL);
}

/* Imports @path into @o, confirming a new office when @confirm; returns
 * whether it was applied, with the error's message in *@message. */
static gboolean
import (D8TestOffice *o, const char *path, gboolean confirm, char **message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8BundleImport) im = d8_bundle_import_new (o->store, path, &error);

  if (im != NULL)
    {
      d8_bundle_import_set_trust_new_office (im, confirm);
      if (d8_bundle_import_apply (im, &error))
        return TRUE;
    }
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  if (message)
    *message = g_strdup (error->message);
  return FALSE;
}

static void
import_ok (D8TestOffice *o, const char *path, gboolean confirm)
{
  g_autofree char *message = NULL;

  if (!import (o, path, confirm, &message))
    g_error ("%s refused: %s", path, message);
}

static char *
export (D8TestOffice *o, const char *dir, D8BundleEntries entries)
{
  g_autoptr (GError) error = NULL;
  D8BundleExportOptions options = { NULL, NULL, entries };
  static guint n;
  g_autofree char *name = g_strdup_printf ("t%u" D8_BUNDLE_SUFFIX, ++n);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (d8_bundle_export (o->store, &options, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* ------------------------------------------------------------ the key */

static void
test_key (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *a = d8_test_office_new (dir, "puh.sqlite3", PUH);
  g_autoptr (GError) error = NULL;
  g_autofree char *key = g_strdup (d8_office_key_get_public (a->store, &error));
  g_autofree char *file = d8_office_key_path (a->store);
  g_autofree char *fp = NULL, *parsed = NULL;
  struct stat st;

  g_assert_no_error (error);
  g_assert_true (d8_office_key_is_valid (key));
  g_assert_cmpint (stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  fp = d8_office_key_fingerprint (key);
  g_assert_cmpuint (strlen (fp), ==, 35);
  for (guint i = 0; i < 35; i++)
    g_assert_true (i % 6 == 5 ? fp[i] == ' ' : g_ascii_isdigit (fp[i]));
  parsed = d8_office_key_parse_fingerprint ("  " "12345-67890 1234567890 12345 67890");
  g_assert_cmpstr (parsed, ==, "12345 67890 12345 67890 12345 67890");
  g_assert_null (d8_office_key_parse_fingerprint ("12345"));
  g_assert_false (d8_office_key_is_valid ("ABCD"));

  /* The same key after reopening: it lives in the file. */
  d8_test_office_free (a);
  a = d8_test_office_new (dir, "puh.sqlite3", PUH);
  g_assert_cmpstr (d8_office_key_get_public (a->store, NULL), ==, key);
  {
    g_autofree char *sig = d8_office_key_sign (a->store, "hello", &error);
    g_assert_true (d8_office_key_verify (key, "hello", sig));
    g_assert_false (d8_office_key_verify (key, "hellO", sig));
  }
  /* A key for an unknown office, or that is neither key nor fingerprint. */
  g_assert_false (d8_office_keys_trust (a->store, "gia-lai/nowhere", key, "registered", &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (d8_office_keys_trust (a->store, "province", "xyz", "registered", &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  d8_test_office_free (a);
  d8_test_rmtree (dir);
}

/* ------------------------------------------------------------ attacks */

static const struct
{
  const char *file;
  const char *fragment;
} attacks[] = {
  { "attack-cross-unit-edit", "may only send entries of its own unit" },
  { "attack-cross-unit-move", "may not change, move or delete" },
  { "attack-cross-unit-delete", "may not change, move or delete" },
  { "attack-foreign-origin", "claims to be recorded by province" },
  { "attack-same-stamp", "same version stamp" },
  { "attack-plan-from-unit", "may not send" },
  { "attack-lower-sequence", "not newer than the last one" },
  { "attack-replay-upper-id", "not newer than the last one" },
  { "attack-huge-sequence", "sequence: expected a whole number from 1 to" },
  { "attack-over-max-sequence", "sequence: expected a whole number from 1 to" },
  { "attack-version-leading-zero", "format_version: expected a version" },
  { "attack-key-change", "other than the one known here" },
  { "attack-unsigned", "not signed" },
  { "attack-bad-signature", "signature: the signature does not match" },
};

static void
test_attacks (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *prov = d8_test_office_new (dir, "province.sqlite3", "province");
  g_autofree char *se = fixture ("trust-setup-se");
  g_autofree char *puh = fixture ("trust-setup-puh");
  g_autofree char *dump = NULL;

  /* A first bundle from an office not known here: refused until confirmed. */
  {
    g_autofree char *message = NULL;
    g_autofree char *before = d8_test_dump (prov->path);
    g_autofree char *after = NULL;
    g_assert_false (import (prov, puh, FALSE, &message));
    g_assert_nonnull (strstr (message, "first bundle"));
    after = d8_test_dump (prov->path);
    g_assert_cmpstr (before, ==, after);
  }
  d8_test_trust_fixture_key (prov->store, SE);
  import_ok (prov, se, FALSE);
  import_ok (prov, puh, TRUE); /* confirmed: its key is kept */
  {
    g_autoptr (D8KnownOffice) known = d8_office_keys_lookup (prov->store, PUH, NULL);
    g_assert_nonnull (known);
    g_assert_cmpstr (known->source, ==, "confirmed");
  }
  /* The same file again changes nothing. */
  dump = d8_test_dump (prov->path);
  import_ok (prov, puh, FALSE);
  {
    g_autofree char *after = d8_test_dump (prov->path);
    g_assert_cmpstr (dump, ==, after);
  }

  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      g_autofree char *path = fixture (attacks[i].file);
      g_autofree char *message = NULL;
      g_autofree char *after = NULL;

      if (import (prov, path, TRUE, &message))
        g_error ("%s was applied", attacks[i].file);
      if (strstr (message, attacks[i].fragment) == NULL)
        g_error ("%s: message “%s” lacks “%s”", attacks[i].file, message, attacks[i].fragment);
      g_test_message ("%s: %s", attacks[i].file, message);
      after = d8_test_dump (prov->path);
      g_assert_cmpstr (dump, ==, after);
    }

  /* An older bundle goes in when the person says so. */
  {
    g_autofree char *path = fixture ("attack-lower-sequence");
    g_autoptr (GError) error = NULL;
    g_autoptr (D8BundleImport) im = d8_bundle_import_new (prov->store, path, &error);
    g_assert_no_error (error);
    g_assert_true (d8_bundle_import_get_preview (im)->rollback);
    d8_bundle_import_set_allow_older (im, TRUE);
    g_assert_true (d8_bundle_import_check (im, NULL));
    g_assert_true (d8_bundle_import_apply (im, &error));
    g_assert_no_error (error);
  }
  d8_test_office_free (prov);
  d8_test_rmtree (dir);
}

/* A bundle "from the province", signed by someone else, at a district. */
static void
test_forged_province (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *a = d8_test_office_new (dir, "puh.sqlite3", PUH);
  g_autofree char *good = fixture ("trust-province");
  g_autofree char *forged = fixture ("attack-forged-province");
  g_autofree char *before = NULL, *after = NULL, *message = NULL;
  g_autoptr (GError) error = NULL;

  d8_test_trust_fixture_key (a->store, "province");
  import_ok (a, good, FALSE);
  before = d8_test_dump (a->path);
  {
    g_autoptr (D8BundleImport) im = d8_bundle_import_new (a->store, forged, &error);
    const D8BundlePreview *p;
    g_assert_no_error (error);
    p = d8_bundle_import_get_preview (im);
    g_assert_cmpint (p->trust, ==, D8_BUNDLE_TRUST_KEY_CHANGED);
    g_assert_nonnull (p->known_fingerprint);
    g_assert_cmpstr (p->known_fingerprint, !=, p->signer_fingerprint);
  }
  g_assert_false (import (a, forged, TRUE, &message));
  g_assert_nonnull (strstr (message, "may be forged"));
  after = d8_test_dump (a->path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autoptr (D8Entry) e = d8_store_get_entry (a->store, "00000000-0000-4000-8000-000000000035",
                                                &error);
    g_assert_no_error (error);
    g_assert_false (e->deleted);
  }
  d8_test_office_free (a);
  d8_test_rmtree (dir);
}

/* ------------------------------------------ recording only own units */

static void
test_record_own_units (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *a = d8_test_office_new (dir, "puh.sqlite3", PUH);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Unit) se = d8_store_resolve_unit (a->store, a->plan->id, SE, &error);
  g_autoptr (D8Unit) puh = d8_store_resolve_unit (a->store, a->plan->id, PUH, &error);
  g_autoptr (D8Indicator) ind = d8_store_resolve_indicator (a->store, a->plan->id, "1", &error);
  g_autoptr (D8Entry) e = d8_entry_new ();

  g_assert_no_error (error);
  e->plan_id = a->plan->id;
  e->unit_id = se->id;
  e->indicator_id = ind->id;
  e->date = g_strdup ("2023-05-04");
  e->amount = 1;
  g_assert_false (d8_store_check_entry (a->store, e, FALSE, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "records only its own unit"));
  g_clear_error (&error);
  g_assert_false (d8_store_add_entry (a->store, e, FALSE, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  e->unit_id = puh->id;
  g_assert_true (d8_store_add_entry (a->store, e, FALSE, &error));
  g_assert_no_error (error);
  /* Moving its own entry to another unit is refused too. */
  e->unit_id = se->id;
  g_assert_false (d8_store_update_entry (a->store, e, FALSE, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_clear_error (&error);
  d8_test_office_free (a);
  d8_test_rmtree (dir);
}

/* ------------------------------------------- three offices, signed */

static void
test_three_offices (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *prov = d8_test_office_new (dir, "province.sqlite3", "province");
  D8TestOffice *a = d8_test_office_new (dir, "puh.sqlite3", PUH);
  D8TestOffice *b = d8_test_office_new (dir, "se.sqlite3", SE);
  g_autofree char *a1 = NULL, *b1 = NULL, *back = NULL, *message = NULL;
  g_autoptr (GError) error = NULL;

  g_free (d8_test_record (a->store, PUH, "1", "2023-03-01", 2, NULL));
  g_free (d8_test_record (a->store, PUH, "4", "2023-04-01", 1, "ghi chú"));
  g_free (d8_test_record (b->store, SE, "1", "2023-03-02", 4, NULL));
  a1 = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT);
  b1 = export (b, dir, D8_BUNDLE_ENTRIES_DEFAULT);

  /* The preview shows the fingerprint the office reads aloud. */
  {
    g_autoptr (D8BundleImport) im = d8_bundle_import_new (prov->store, a1, &error);
    const D8BundlePreview *p = d8_bundle_import_get_preview (im);
    g_autofree char *expected = d8_office_key_fingerprint (d8_office_key_get_public (a->store,
                                                                                     NULL));
    g_assert_no_error (error);
    g_assert_cmpint (p->trust, ==, D8_BUNDLE_TRUST_NEW_OFFICE);
    g_assert_cmpstr (p->signer_fingerprint, ==, expected);
    g_assert_false (d8_bundle_import_check (im, NULL));
  }
  import_ok (prov, a1, TRUE);
  /* B's key was registered before, by its fingerprint read on the phone. */
  {
    g_autofree char *fp = d8_office_key_fingerprint (d8_office_key_get_public (b->store, NULL));
    g_assert_true (d8_office_keys_trust (prov->store, SE, fp, "registered", &error));
    g_assert_no_error (error);
  }
  import_ok (prov, b1, FALSE);
  {
    g_autoptr (D8KnownOffice) known = d8_office_keys_lookup (prov->store, SE, NULL);
    g_assert_cmpstr (known->public_key, ==, d8_office_key_get_public (b->store, NULL));
  }

  /* A first bundle that changes no record (the plan they already hold)
   * still records the province's key once confirmed. */
  {
    g_autofree char *plan_only = export (prov, dir, D8_BUNDLE_ENTRIES_NONE);
    g_autoptr (D8BundleImport) im = d8_bundle_import_new (a->store, plan_only, &error);
    g_autoptr (D8KnownOffice) known = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (d8_bundle_import_get_preview (im)->plans[D8_BUNDLE_UNCHANGED], ==, 1);
    g_assert_true (d8_bundle_import_has_changes (im));
    d8_bundle_import_set_trust_new_office (im, TRUE);
    g_assert_true (d8_bundle_import_apply (im, &error));
    g_assert_no_error (error);
    known = d8_office_keys_lookup (a->store, "province", NULL);
    g_assert_nonnull (known);
    g_assert_cmpstr (known->public_key, ==, d8_office_key_get_public (prov->store, NULL));
  }

  /* The province sends everything back; its bundle names the offices it
   * knows, and each district learns them. */
  back = export (prov, dir, D8_BUNDLE_ENTRIES_ALL);
  import_ok (a, back, TRUE);
  import_ok (b, back, TRUE);
  {
    g_autoptr (D8KnownOffice) known = d8_office_keys_lookup (a->store, SE, NULL);
    g_assert_nonnull (known);
    g_assert_cmpstr (known->source, ==, "province");
    g_assert_cmpstr (known->public_key, ==, d8_office_key_get_public (b->store, NULL));
    g_assert_null (d8_office_keys_lookup (a->store, PUH, NULL)); /* not itself */
  }
  d8_test_office_assert_same_figures (prov, a, NULL);
  d8_test_office_assert_same_figures (prov, b, NULL);

  /* Chư Pưh reinstalls: a new key. Its next bundle is refused until the
   * province registers the new key (after a phone call). */
  {
    g_autofree char *key_file = d8_office_key_path (a->store);
    g_autofree char *old_key = g_strdup (d8_office_key_get_public (a->store, NULL));
    g_autofree char *a2 = NULL;
    g_autofree char *before = NULL, *after = NULL;

    d8_test_office_free (a);
    g_assert_cmpint (g_unlink (key_file), ==, 0);
    a = d8_test_office_new (dir, "puh.sqlite3", PUH);
    g_assert_cmpstr (d8_office_key_get_public (a->store, NULL), !=, old_key);
    g_free (d8_test_record (a->store, PUH, "1", "2023-03-05", 5, NULL));
    a2 = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT);
    before = d8_test_dump (prov->path);
    g_assert_false (import (prov, a2, TRUE, &message));
    g_assert_nonnull (strstr (message, "trust-office " PUH));
    after = d8_test_dump (prov->path);
    g_assert_cmpstr (before, ==, after);
    g_assert_true (d8_office_keys_trust (prov->store, PUH, d8_office_key_get_public (a->store,
                                                                                     NULL),
                                         "registered", &error));
    import_ok (prov, a2, FALSE);
  }
  {
    g_autofree char *back2 = export (prov, dir, D8_BUNDLE_ENTRIES_ALL);
    import_ok (a, back2, FALSE);
    import_ok (b, back2, FALSE);
  }
  d8_test_office_assert_same_figures (prov, a, NULL);
  d8_test_office_assert_same_figures (prov, b, NULL);

  d8_test_office_free (prov);
  d8_test_office_free (a);
  d8_test_office_free (b);
  d8_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trust/key", test_key);
  g_test_add_func ("/trust/attacks", test_attacks);
  g_test_add_func ("/trust/forged-province", test_forged_province);
  g_test_add_func ("/trust/record-own-units", test_record_own_units);
  g_test_add_func ("/trust/three-offices", test_three_offices);
  return g_test_run ();
}
