/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-format.h — numbers and dates for people (screen and paper), in the UI
 * language: under vi "1.234", "12,5 %", "30/06/2023". Files for machines
 * never use these: they use ISO dates and g_ascii_* number functions. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *d8_format_count (gint64 value);
/* @fraction 0.125 → "12,5 %" (vi) / "12.5%" (en); "–" for NAN. */
char *d8_format_percent (double fraction, int decimals);
/* ISO "2023-06-30" → "30/06/2023" (vi) / "Jun 30, 2023" (en). Returns a copy of
 * @iso when it does not parse. */
char *d8_format_date (const char *iso);
/* An ISO 8601 UTC timestamp ("2023-06-30T07:05:00Z") in local time:
 * "30/06/2023 14:05" (vi). Returns a copy of @iso when it does not parse. */
char *d8_format_timestamp (const char *iso);

/* Parses a whole, non-negative number as a person types it ("1.234", "1234",
 * "1 234"); rejects signs, fractions, letters and values over 1e12 with an
 * error that names @field. */
gboolean d8_parse_count (const char *text, const char *field, gint64 *out, GError **error);

/* Parses a date as a person types it: ISO "2023-06-30", day first
 * "30/06/2023", or the current language's printed form "Jun 30, 2023".
 * Ambiguous forms are refused, never swapped. Returns a newly allocated
 * ISO date, or NULL with an error. */
char *d8_parse_date (const char *text, const char *field, GError **error);

/* A title as a file name: Vietnamese and punctuation kept, only what a
 * file system forbids replaced ("A: b" → "A – b", "/" → "-"). */
char *d8_format_file_name (const char *title);

/* TRUE when @iso is a real calendar date in YYYY-MM-DD form. */
gboolean d8_date_is_valid (const char *iso);

/* Today's date as ISO, local time. */
char *d8_date_today (void);

G_END_DECLS
