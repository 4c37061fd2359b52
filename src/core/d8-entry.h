/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-entry.h — the rules of an entry, written once.
 *
 * The store (an entry typed here), the bundle reader and merge (an entry
 * from another office), the entry dialog and the CLI all check entries with
 * these functions, so an entry one office accepts is an entry every office
 * accepts (docs/bundle-format.md, "Entries").
 */
#pragma once

#include <glib.h>

#include "d8-types.h"

G_BEGIN_DECLS

/* D8_ENTRY_AMOUNT_MAX, the ceiling of every figure, is in d8-types.h. */

/* The longest place or note, in Unicode characters after NFC. */
#define D8_ENTRY_TEXT_MAX 10000

/* The fields an entry rule can find at fault; names as in bundles. */
#define D8_ENTRY_FIELD_DATE "date"
#define D8_ENTRY_FIELD_AMOUNT "amount"
#define D8_ENTRY_FIELD_REACHED "reached"
#define D8_ENTRY_FIELD_GROUP_SIZE "group_size"
#define D8_ENTRY_FIELD_PLACE "place"
#define D8_ENTRY_FIELD_NOTE "note"

const char *d8_entry_field_label (const char *field);

gboolean d8_entry_check_date (const char *date, GError **error);
gboolean d8_entry_check_figures (D8IndicatorKind kind, const char *indicator_code, gint64 amount,
                                 gint64 reached, gint64 group_size, gboolean deleted,
                                 const char **field, GError **error);
gboolean d8_entry_normalize_text (const char *text, char **normalized, GError **error);

const char *d8_indicator_kind_to_string (D8IndicatorKind kind);
gboolean d8_indicator_kind_counts_women (D8IndicatorKind kind);
gboolean d8_indicator_kind_from_string (const char *text, D8IndicatorKind *kind);

G_END_DECLS
