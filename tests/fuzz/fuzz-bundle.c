/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-bundle.c — reading a bundle and previewing it (d8_bundle_import_new,
 * the preview, its JSON) on arbitrary bytes, against a database made once
 * in a temporary folder and holding the embedded plan. Nothing is applied,
 * so every input meets the same database. */
#include "config.h"

#include <glib/gstdio.h>

#include "d8-bundle.h"
#include "d8-fuzz.h"

static D8Store *store;
static char *input_path;

static void
remove_dir (char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *work_dir;

static void
tear_down (void)
{
  g_clear_object (&store);
  g_clear_pointer (&input_path, g_free);
  if (work_dir)
    remove_dir (work_dir);
  g_clear_pointer (&work_dir, g_free);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;

  work_dir = g_dir_make_tmp ("duan8-fuzz-bundle-XXXXXX", &error);
  if (work_dir == NULL)
    g_error ("%s", error->message);
  db = g_build_filename (work_dir, "fuzz.sqlite3", NULL);
  store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  input_path = g_build_filename (work_dir, "input" D8_BUNDLE_SUFFIX, NULL);
  atexit (tear_down);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8BundleImport) import = NULL;
  g_autofree char *json = NULL;
  g_autofree char *counts = NULL;
  const D8BundlePreview *preview;

  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, &error))
    g_error ("%s", error->message);
  import = d8_bundle_import_new (store, input_path, &error);
  if (import == NULL)
    {
      if (error == NULL)
        g_error ("a refused bundle must say why");
      return 0;
    }
  preview = d8_bundle_import_get_preview (import);
  (void) d8_bundle_import_has_changes (import);
  json = d8_bundle_preview_to_json (preview);
  counts = d8_bundle_describe_counts (preview->entries);
  return 0;
}
