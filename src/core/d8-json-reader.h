/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-json-reader.h — a small, strict, streaming JSON reader and the
 * canonical writer of what it reads (docs/bundle-format.md, "Digest").
 *
 * Bundles may hold hundreds of thousands of entries, and json-glib parses a
 * whole document into a tree costing ~9× the file (and silently keeps the
 * last of duplicate keys, and reads 1e400 as infinity). This reader parses
 * one value at a time into an arena that the caller resets between values,
 * and refuses what a bundle must not contain: duplicate member names, bad
 * UTF-8, lone surrogates, escaped NUL, numbers out of the range of a double,
 * nesting deeper than D8_JSON_MAX_DEPTH. Its error messages are translated
 * sentences for the person importing the file.
 *
 * The caller drives the structure it expects (the bundle reader walks the
 * top-level object and its arrays itself, so that it never holds more than
 * one element) with d8_json_skip_ws(), d8_json_expect(),
 * d8_json_read_string() and d8_json_read_value().
 *
 * Never included outside src/core.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The deepest nesting of arrays and objects that is read. */
#define D8_JSON_MAX_DEPTH 64

typedef enum
{
  D8_JSON_NULL,
  D8_JSON_FALSE,
  D8_JSON_TRUE,
  D8_JSON_INT,    /* a number without fraction or exponent */
  D8_JSON_NUMBER, /* any other number */
  D8_JSON_STRING,
  D8_JSON_ARRAY,
  D8_JSON_OBJECT,
} D8JsonKind;

/* One value in the arena. Strings (decoded, NUL-terminated) and number
 * texts live in the reader's pool, found with d8_json_text(); children are
 * linked through `next`. Index 0 means "none". */
typedef struct
{
  D8JsonKind kind;
  guint key, key_len; /* member name, for members of an object */
  guint str, str_len; /* string or number text */
  guint first, n;     /* children */
  guint next;
} D8JsonValue;

typedef struct
{
  const char *base, *p, *end; /* the text, where reading is, its end */
  GArray *vals;               /* D8JsonValue; index 0 unused so 0 means "none" */
  GString *pool;
  char *error;                /* why reading stopped, NULL while all is well */
  const char *error_at;
} D8JsonReader;

void d8_json_reader_init (D8JsonReader *r, const char *data, gsize size);
void d8_json_reader_clear (D8JsonReader *r);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (D8JsonReader, d8_json_reader_clear)

void d8_json_reader_reset (D8JsonReader *r);
void d8_json_reader_fail (D8JsonReader *r, const char *format, ...) G_GNUC_PRINTF (2, 3);
guint d8_json_reader_error_line (const D8JsonReader *r);
gboolean d8_json_reader_at_end (D8JsonReader *r);

/* The value at @index of the arena. */
static inline D8JsonValue *
d8_json_value (D8JsonReader *r, guint index)
{
  return &g_array_index (r->vals, D8JsonValue, index);
}

/* The text (a string, a number, a member name) at @offset of the pool. */
static inline const char *
d8_json_text (D8JsonReader *r, guint offset)
{
  return r->pool->str + offset;
}

/* Moves past JSON white space. */
static inline void
d8_json_skip_ws (D8JsonReader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

gboolean d8_json_expect (D8JsonReader *r, char c);
gboolean d8_json_read_string (D8JsonReader *r, guint *offset, guint *len);
guint d8_json_read_value (D8JsonReader *r, int depth);
guint d8_json_member (D8JsonReader *r, guint object, const char *name);

void d8_json_append_canonical_string (GString *out, const char *s, gsize len);
void d8_json_append_canonical (D8JsonReader *r, guint index, GString *out);
gboolean d8_json_canonicalize (const char *json, GString *out);

G_END_DECLS
