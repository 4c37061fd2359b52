/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-json-reader.c — the streaming JSON reader of bundles
 * (src/core/d8-json-reader.h) on arbitrary bytes: every value of the input
 * is read one at a time, written in canonical form and read back, and the
 * whole input is canonicalised as the digest code does. */
#include "config.h"

#include <string.h>

#include "d8-fuzz.h"
#include "d8-json-reader.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  return 0;
}

/* The canonical text of a value must itself be readable, and canonical. */
static void
check_canonical_again (const GString *canonical)
{
  g_autoptr (GString) again = g_string_new (NULL);

  if (!d8_json_canonicalize (canonical->str, again))
    g_error ("the canonical text of a value could not be read back: %s", canonical->str);
  if (strcmp (again->str, canonical->str) != 0)
    g_error ("canonical text is not stable: %s / %s", canonical->str, again->str);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_auto (D8JsonReader) r = { 0 };
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GString) whole = g_string_new (NULL);

  d8_json_reader_init (&r, (const char *) data, size);
  /* A stream of values, as the bundle reader walks arrays. */
  for (guint i = 0; i < 64 && r.error == NULL && !d8_json_reader_at_end (&r); i++)
    {
      g_autoptr (GString) canonical = g_string_new (NULL);
      guint v = d8_json_read_value (&r, 0);

      if (v == 0)
        break;
      d8_json_append_canonical (&r, v, canonical);
      (void) d8_json_member (&r, v, "format");
      check_canonical_again (canonical);
      d8_json_reader_reset (&r);
    }
  if (r.error != NULL)
    (void) d8_json_reader_error_line (&r);

  /* The string walk the bundle reader uses for member names. */
  d8_json_reader_clear (&r);
  d8_json_reader_init (&r, (const char *) data, size);
  if (d8_json_expect (&r, '{'))
    {
      guint offset, len;
      if (d8_json_read_string (&r, &offset, &len))
        (void) d8_json_text (&r, offset);
    }

  /* As d8_json_canonicalize sees a NUL-terminated document. */
  (void) d8_json_canonicalize (text, whole);
  return 0;
}
