/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay-main.c — runs a fuzz target's entry point on files, without
 * libFuzzer: every file named, and every file in every folder named. Linked
 * with each target as <target>-replay; `make check` replays the crash
 * fixtures (tests/fuzz/crashes/<target>/) and the seed corpora this way, so
 * an input that once crashed stays fixed. Prints TAP. */
#include "config.h"

#include <stdio.h>

#include <glib.h>

#include "d8-fuzz.h"

static guint n_run;

static void
replay_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size;

  if (!g_file_get_contents (path, &data, &size, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
  printf ("ok %u - %s\n", ++n_run, path);
  fflush (stdout);
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
replay (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (names->pdata[i], G_FILE_TEST_IS_REGULAR))
      replay_file (names->pdata[i]);
}

int
main (int argc, char **argv)
{
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    replay (argv[i]);
  printf ("1..%u\n", n_run);
  return 0;
}
