/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-fuzz-store.c — the temporary store the fuzz targets that need a
 * database share (see d8-fuzz.h). */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "d8-fuzz.h"

static D8Store *store;
static char *dir;

static void
tear_down (void)
{
  g_autoptr (GDir) d = NULL;
  const char *name;

  g_clear_object (&store);
  if (dir == NULL)
    return;
  d = g_dir_open (dir, 0, NULL);
  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
  g_clear_pointer (&dir, g_free);
}

D8Store *
d8_fuzz_open_store (const char *prefix, const char **work_dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autofree char *db = NULL;

  g_assert (store == NULL);
  dir = g_dir_make_tmp (template, &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  db = g_build_filename (dir, "fuzz.sqlite3", NULL);
  store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  atexit (tear_down);
  if (work_dir != NULL)
    *work_dir = dir;
  return store;
}
