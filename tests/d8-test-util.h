/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-test-util.h — small helpers shared by the tests (core, charts, UI):
 * recording an entry, temporary folders, running a program for its output.
 * Every one is named d8_test_…, defined here once. */
#pragma once

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "d8-office-keys.h"
#include "d8-store.h"

/* Records an entry in @store's only plan as the CLI's record does: @unit by
 * name or code, @indicator by code, @note may be NULL. Returns its UUID. */
static inline char *
d8_test_record (D8Store    *store,
                const char *unit,
                const char *indicator,
                const char *date,
                gint64      amount,
                const char *note)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (store, NULL, &error);
  g_autoptr (D8Unit) u = plan ? d8_store_resolve_unit (store, plan->id, unit, &error) : NULL;
  g_autoptr (D8Indicator) ind = u ? d8_store_resolve_indicator (store, plan->id, indicator, &error)
                                  : NULL;
  g_autoptr (D8Entry) entry = d8_entry_new ();

  g_assert_no_error (error);
  entry->plan_id = plan->id;
  entry->unit_id = u->id;
  entry->indicator_id = ind->id;
  entry->date = g_strdup (date);
  entry->amount = amount;
  entry->note = g_strdup (note);
  g_assert_true (d8_store_add_entry (store, entry, FALSE, &error));
  g_assert_no_error (error);
  return g_strdup (entry->uuid);
}

/* A fresh temporary folder for one test; removed by d8_test_tmpdir_free. */
static inline char *
d8_test_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("duan8-test-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static inline void
d8_test_rmtree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      d8_test_rmtree (child);
    }
  g_rmdir (path);
}

/* Runs @argv (NULL-terminated; the program is looked up in PATH) and
 * returns what it wrote on standard output, as a string. The test fails,
 * showing the program's standard error, if it cannot be started or does not
 * exit with 0. */
static inline char *
d8_test_spawn_output (const char *const *argv)
{
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) out = NULL;
  g_autoptr (GBytes) err = NULL;
  gsize len = 0;
  const char *data;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                       | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %.*s", argv[0], (int) g_bytes_get_size (err),
             (const char *) g_bytes_get_data (err, NULL));
  data = g_bytes_get_data (out, &len);
  return g_strndup (data ? data : "", len);
}

/* d8_test_spawn_output with the arguments listed, ended by NULL:
 * d8_test_run ("pdftotext", path, "-", NULL). */
G_GNUC_NULL_TERMINATED static inline char *
d8_test_run (const char *program, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) program);
  va_start (args, program);
  for (const char *arg = va_arg (args, const char *); arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return d8_test_spawn_output ((const char *const *) argv->pdata);
}

/* Every row of every table, as text: two equal dumps mean an unchanged
 * database (the file itself may differ in free pages). */
static inline char *
d8_test_dump (const char *db_path)
{
  return d8_test_run ("sqlite3", db_path, ".dump", NULL);
}

static inline char *
d8_test_source_path (const char *first, ...)
{
  const char *root = g_getenv ("D8_SOURCE_ROOT");
  va_list args;
  GString *path;
  const char *part;

  g_assert_nonnull (root);
  path = g_string_new (root);
  va_start (args, first);
  for (part = first; part; part = va_arg (args, const char *))
    {
      g_string_append_c (path, G_DIR_SEPARATOR);
      g_string_append (path, part);
    }
  va_end (args);
  return g_string_free (path, FALSE);
}

/* Registers at @store the key that signs the fixtures of tests/data/bundles
 * (made by make-bundles.py) as the key of @office. */
static inline void
d8_test_trust_fixture_key (D8Store    *store,
                           const char *office)
{
  g_autofree char *path = d8_test_source_path ("tests", "data", "bundles", "fixture-key.pub",
                                               NULL);
  g_autofree char *key = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &key, NULL, &error));
  g_assert_true (d8_office_keys_trust (store, office, g_strstrip (key), "registered", &error));
  g_assert_no_error (error);
}

/* Opens a new store @db holding only the synthetic plan of @n units
 * (135: communes under 17 former districts; 3300: under 34 provinces)
 * that bench/gen-plan.py writes into @dir. Returns the store; *@plan_id
 * the plan's id. */
static inline D8Store *
d8_test_open_generated_plan (const char *dir, const char *db, guint n, gint64 *plan_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *script = d8_test_source_path ("bench", "gen-plan.py", NULL);
  g_autofree char *plan = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *text = NULL;
  const char *argv[] = { "python3", script, count, plan, NULL };
  gsize length = 0;
  int status = 0;
  D8Store *store;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (plan, &text, &length, &error));
  store = d8_store_open (db, D8_STORE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  *plan_id = d8_store_import_plan (store, text, (gssize) length, plan, &error);
  g_assert_no_error (error);
  return store;
}
