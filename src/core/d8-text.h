/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-text.h — Vietnamese text handling: NFC at every entry point,
 * diacritics-insensitive search keys, and collation. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Validates UTF-8, normalises to NFC and trims surrounding space.
 * Returns NULL (and sets error naming @field) when @text is not valid UTF-8. */
char *d8_text_normalize (const char *text, const char *field, GError **error);

/* A search key: lower case, diacritics removed, đ→d. "Chư Pưh" → "chu puh". */
char *d8_text_fold (const char *text);

/* TRUE when the folded @needle occurs in the folded @haystack. An empty
 * needle matches everything. */
gboolean d8_text_matches (const char *haystack, const char *needle);

/* Sort key under the user's locale (Vietnamese collation under vi). */
char *d8_text_collate_key (const char *text);

G_END_DECLS
