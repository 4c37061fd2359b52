/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bundle-kill.c — imports a bundle and is killed (SIGKILL) at a
 * chosen point of the import, for /bundle/kill in test-bundle.c.
 *
 * Usage: test-bundle-kill DB BUNDLE POINT N
 *   POINT: snapshot | begin | entry | before-commit | none
 *   N: for "entry", the number of entries written before the kill */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "d8-bundle.h"

static const char *kill_point;
static guint64 kill_n;

static void
hook (const char *point, guint64 n)
{
  if (g_str_equal (point, kill_point) && n >= kill_n)
    raise (SIGKILL);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = NULL;
  g_autoptr (D8BundleImport) import = NULL;

  if (argc != 5)
    {
      fprintf (stderr, "usage: %s DB BUNDLE POINT N\n", argv[0]);
      return 2;
    }
  kill_point = argv[3];
  kill_n = g_ascii_strtoull (argv[4], NULL, 10);
  d8_bundle_set_test_hook (hook);
  store = d8_store_open (argv[1], D8_STORE_OPEN_NO_SEED, &error);
  if (store == NULL || (import = d8_bundle_import_new (store, argv[2], &error)) == NULL
      || !d8_bundle_import_apply (import, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  return 0;
}
