/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-bundle.c — reading a bundle and previewing it (d8_bundle_import_new,
 * the preview, its JSON) on arbitrary bytes, against a database made once
 * in a temporary folder and holding the embedded plan. Nothing is applied,
 * so every input meets the same database. */
#include "config.h"

#include "d8-bundle.h"
#include "d8-fuzz.h"

static D8Store *store;
static char *input_path;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  const char *work_dir = NULL;

  store = d8_fuzz_open_store ("duan8-fuzz-bundle", &work_dir);
  input_path = g_build_filename (work_dir, "input" D8_BUNDLE_SUFFIX, NULL);
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
