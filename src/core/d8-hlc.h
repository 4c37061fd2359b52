/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-hlc.h — hybrid logical clock stamps that order edits across offices.
 *
 * A stamp is text that sorts like the time it stands for:
 *
 *     2023-07-15T10:02:03.456Z-0000-gia-lai/chu-puh
 *     └ wall clock, UTC, ms ──┘ └ctr┘ └ node (office) ┘
 *
 * The counter (4 lower-case hex digits) orders edits within one
 * millisecond and keeps the clock monotonic when the wall clock steps back;
 * the node breaks ties between offices. Plain strcmp orders stamps.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define D8_HLC_TIME_LEN 24     /* "YYYY-MM-DDTHH:MM:SS.mmmZ" */
#define D8_HLC_MAX_NODE 64
/* Histories keep at most this many ancestor stamps (newest first). */
#define D8_HLC_HISTORY_MAX 32
/* Stamps further ahead of this computer's clock are refused on import:
 * a wrong date on the sender's computer would otherwise drag every later
 * edit into the future. */
#define D8_HLC_MAX_DRIFT_MS (G_GINT64_CONSTANT (24) * 3600 * 1000)

typedef struct
{
  gint64 wall_ms;
  guint counter;
  char node[D8_HLC_MAX_NODE + 1];
} D8Hlc;

gboolean d8_hlc_parse (const char *text, D8Hlc *out);
gboolean d8_hlc_is_valid (const char *text);
char *d8_hlc_format (gint64 wall_ms, guint counter, const char *node);

/* The next local stamp after @last (NULL or "" for none) at wall time @now_ms. */
char *d8_hlc_tick (const char *last, gint64 now_ms, const char *node);
/* A stamp right after @after (same millisecond, next counter) for @node. */
char *d8_hlc_successor (const char *after, const char *node);
/* The later of two stamps (either may be NULL). */
const char *d8_hlc_max (const char *a, const char *b);

/* Wall time as an ISO stamp prefix "YYYY-MM-DDTHH:MM:SS.mmmZ". */
char *d8_hlc_time_string (gint64 wall_ms);
gint64 d8_hlc_now_ms (void);

/* Histories are space-separated stamps, newest first. */
gboolean d8_hlc_history_contains (const char *history, const char *version);
/* @version in front of @history, trimmed to D8_HLC_HISTORY_MAX. */
char *d8_hlc_history_push (const char *history, const char *version);

G_END_DECLS
