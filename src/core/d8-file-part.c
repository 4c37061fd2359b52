/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-file-part.c — see d8-file-part.h. */
#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "d8-file-part.h"

char *
d8_file_part_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);
  return g_strdup_printf ("%s.part-%u", path, g_random_int ());
}

gboolean
d8_file_part_commit (const char *part,
                     const char *path,
                     GError    **error)
{
  g_return_val_if_fail (part != NULL && path != NULL, FALSE);

  if (g_rename (part, path) != 0)
    {
      int saved = errno;
      g_unlink (part);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
