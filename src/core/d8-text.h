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

/* ------------------------------------------------- names and ambiguity */

/* The key two names are compared by: d8_text_fold() with runs of white
 * space made one space and the ends trimmed. "Thuỷ  An" and "thủy an"
 * have the same key; two units whose keys are equal must never be
 * confused. */
char *d8_text_name_key (const char *text);

/* The first character of @text that a person cannot see (a soft hyphen,
 * a zero-width space or joiner, a byte-order mark, a word joiner, a
 * direction mark or another Unicode format or control character), or 0
 * when there is none. @position (optional) gets its 1-based position in
 * characters. */
gunichar d8_text_find_invisible (const char *text, guint *position);

/* A name for @c in messages: "U+00AD (soft hyphen)". */
char *d8_text_describe_char (gunichar c);

/* When @text holds an invisible character, sets @error (D8_ERROR_INVALID)
 * to "@what “…”: it holds an invisible character, U+00AD (soft hyphen),
 * at position 4" and returns FALSE. @what names the field or argument. */
gboolean d8_text_check_visible (const char *text, const char *what, GError **error);

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
