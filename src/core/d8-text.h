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

/* The longest text from a file shown in a message, in characters. */
#define D8_TEXT_UNTRUSTED_MAX 64
/* The longest message shown, in characters. */
#define D8_TEXT_MESSAGE_MAX 1000

/* Text that came from a file (a bundle, a plan), made safe to show: see
 * d8-text.c. @length -1: NUL-terminated; @max_chars 0: no cut. */
char *d8_text_escape_untrusted (const char *text, gssize length, guint max_chars);

/* A message that may quote text from a file: escaped as above, each
 * “quoted” part cut at D8_TEXT_UNTRUSTED_MAX, the whole at
 * D8_TEXT_MESSAGE_MAX. Escaping twice changes nothing. */
char *d8_text_escape_message (const char *message);

G_END_DECLS
