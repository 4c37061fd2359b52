/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-file-part.h — writing a file whole or not at all: the exports write
 * a part file next to the target and move it over the target once it is
 * complete, so a failed export never leaves a half-written file. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* d8_file_part_path:
 * @path: the file an export will write
 *
 * Returns: (transfer full): a name for the part file beside @path,
 * "<path>.part-<random>", in the same folder so the final rename is atomic. */
char *d8_file_part_path (const char *path);

/* d8_file_part_commit:
 * @part: a complete part file (d8_file_part_path())
 * @path: the file it replaces
 * @error: G_FILE_ERROR from the rename, "<path>: <reason>"
 *
 * Moves @part over @path. On failure @part is removed and @path is left as
 * it was.
 *
 * Returns: TRUE when @path now holds the new content. */
gboolean d8_file_part_commit (const char *part, const char *path, GError **error);

G_END_DECLS
