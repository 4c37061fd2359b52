/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-files.c — the files behind the store (issue 11, item 6): an
 * existing empty or foreign file is never turned into a database, a
 * read-only open writes nothing, restore takes only a listed snapshot and
 * a failed restore leaves none, and an export that fails uses no sequence
 * number and leaves no file; messages about plan files escape their text. */
#include <string.h>
#include <unistd.h>

#include "d8-bundle.h"
#include "d8-snapshot.h"
#include "d8-store.h"
#include "d8-test-util.h"

static char *
read_all (const char *path)
{
  char *data = NULL;
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

static void
test_empty_file (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  d8_test_rmtree (dir);
}

static void
test_not_sqlite (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.sqlite3", NULL);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = NULL;
  const char *text = "Ghi chú của văn phòng — not a database\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_A_DATABASE);
  after = read_all (path);
  g_assert_cmpstr (after, ==, text);
  d8_test_rmtree (dir);
}

static void
test_read_only (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "duan8.sqlite3", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.sqlite3", NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GPtrArray) entries = NULL;

  store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  uuid = d8_test_record (store, "Chư Pưh", "1", "2023-05-01", 4, NULL);
  g_assert_false (d8_store_is_read_only (store));
  g_clear_object (&store);
  dump_before = read_all (path);

  store = d8_store_open (path, D8_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (d8_store_is_read_only (store));
  plans = d8_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  entries = d8_store_list_entries (store, ((D8Plan *) plans->pdata[0])->id, 0, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_false (d8_store_delete_entry (store, uuid, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&store);
  dump_after = read_all (path);
  g_assert_true (memcmp (dump_before, dump_after, 100) == 0);

  /* Read-only never creates a file. */
  store = d8_store_open (missing, D8_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  d8_test_rmtree (dir);
}

static void
test_restore_listed_only (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "duan8.sqlite3", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite3", NULL);
  g_autofree char *bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = NULL;
  g_autoptr (D8Store) other_store = NULL;
  g_autoptr (D8Snapshot) first = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *uuid = NULL;

  store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  other_store = d8_store_open (other, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&other_store);
  first = d8_snapshot_create (store, "import", &error);
  g_assert_no_error (error);
  uuid = d8_test_record (store, "Chư Pưh", "1", "2023-05-01", 4, NULL);

  /* A path, even to a good database, is not a listed snapshot. */
  g_assert_false (d8_snapshot_restore (store, other, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (d8_snapshot_restore (store, "../other.sqlite3", &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A damaged snapshot in the list: refused before anything is taken. */
  {
    g_autofree char *snapdir = d8_snapshot_dir (store);
    bad = g_build_filename (snapdir, "20200101T000000.000Z-import.sqlite3", NULL);
    g_assert_true (g_file_set_contents (bad, "SQLite format 3\0 and then nothing", 34, NULL));
  }
  list = d8_snapshot_list (store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_false (d8_snapshot_restore (store, "20200101T000000.000Z-import.sqlite3", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  list = d8_snapshot_list (store, &error);
  g_assert_cmpuint (list->len, ==, 2); /* no "restore" snapshot was taken */
  g_clear_pointer (&list, g_ptr_array_unref);
  {
    g_autoptr (D8Entry) still = d8_store_get_entry (store, uuid, &error);
    g_assert_no_error (error);
    g_assert_nonnull (still);
  }
  g_unlink (bad);

  /* The listed one is restored, and the state before it kept. */
  g_assert_true (d8_snapshot_restore (store, first->name, &error));
  g_assert_no_error (error);
  list = d8_snapshot_list (store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  d8_test_rmtree (dir);
}

static gint64
sequence_now (D8Store *store, const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, "probe.duan8.json", NULL);
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_NONE };
  D8BundleExportResult result = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 sequence;

  g_assert_true (d8_bundle_export (store, &options, probe, &result, &error));
  g_assert_no_error (error);
  sequence = result.sequence;
  d8_bundle_export_result_clear (&result);
  g_unlink (probe);
  return sequence;
}

static void
test_export_failure (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "duan8.sqlite3", NULL);
  g_autofree char *folder_as_file = g_build_filename (dir, "taken.duan8.json", NULL);
  g_autofree char *inside = g_build_filename (folder_as_file, "keep", NULL);
  g_autofree char *planted = g_build_filename (dir, "out.duan8.json.part", NULL);
  g_autofree char *victim = g_build_filename (dir, "victim", NULL);
  g_autofree char *out = g_build_filename (dir, "out.duan8.json", NULL);
  g_autofree char *victim_after = NULL;
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_NONE };
  D8BundleExportResult result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = NULL;
  g_autoptr (GDir) d = NULL;
  const char *name;
  gint64 first;

  store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  first = sequence_now (store, dir);

  /* The rename fails (a folder, not empty, has the name): no number used. */
  g_assert_cmpint (g_mkdir (folder_as_file, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));
  g_assert_false (d8_bundle_export (store, &options, folder_as_file, &result, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (sequence_now (store, dir), ==, first + 1);

  /* A link at the old temporary name is not followed. */
  g_assert_true (g_file_set_contents (victim, "victim", -1, NULL));
  g_assert_cmpint (symlink (victim, planted), ==, 0);
  g_assert_true (d8_bundle_export (store, &options, out, &result, &error));
  g_assert_no_error (error);
  d8_bundle_export_result_clear (&result);
  victim_after = read_all (victim);
  g_assert_cmpstr (victim_after, ==, "victim");
  g_unlink (planted);

  /* No temporary file is left behind. */
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_null (strstr (name, ".part"));
  d8_test_rmtree (dir);
}

static void
test_plan_message_escaped (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "duan8.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = NULL;
  const char *plan = "{\"format\":\"evil\\u202Eplan\\u0007\",\"format_version\":1}";

  store = d8_store_open (path, D8_STORE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d8_store_import_plan (store, plan, -1, "plan\xe2\x80\xae.json", &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, "\xe2\x80\xae"));
  g_assert_null (strchr (error->message, '\a'));
  g_assert_nonnull (strstr (error->message, "evil\\u202Eplan\\u0007"));
  d8_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-files/empty-file", test_empty_file);
  g_test_add_func ("/store-files/not-sqlite", test_not_sqlite);
  g_test_add_func ("/store-files/read-only", test_read_only);
  g_test_add_func ("/store-files/restore-listed-only", test_restore_listed_only);
  g_test_add_func ("/store-files/export-failure", test_export_failure);
  g_test_add_func ("/store-files/plan-message-escaped", test_plan_message_escaped);
  return g_test_run ();
}
