/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-amendments.h — a plan's history of revisions and amendments as
 * it travels inside the plan document of a province bundle (the optional
 * member "amendments", docs/bundle-format.md and docs/plan-format.md):
 * written by the export, read and checked with the plan document, and
 * recorded at the receiving office so it shows the same history ("as
 * amended by …"). The quotas themselves travel in the appendix as before:
 * the history is recorded, never replayed, so entries stay attached.
 * Never included outside src/core.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "d8-plan-file.h"
#include "d8-store.h"

G_BEGIN_DECLS

/* One revision or amendment of a plan document. */
typedef struct
{
  char *document_number; /* the deciding document, e.g. "25/QĐ-UBND" */
  char *issued_on;       /* ISO date, or NULL */
  gboolean is_amendment; /* "amendment" (amend-plan) or "import" (a revised file) */
  GPtrArray *changes;    /* D8PlanQuotaChange*: unit code (NULL: stated total), indicator
                          * code, old and new as written (old NULL: no cell before) */
} D8PlanFileAmendment;

void d8_plan_file_amendment_free (D8PlanFileAmendment *amendment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8PlanFileAmendment, d8_plan_file_amendment_free)

/* Adds the member "amendments" to the plan document being built in @b
 * (nothing when the plan has none). D8_ERROR_INVALID naming the plan when
 * it has an open amendment: an amendment travels once it is issued. */
gboolean d8_plan_amendments_write (D8Store *store, gint64 plan_id, JsonBuilder *b,
                                   GError **error);

/* Reads "amendments" of the plan document @data (its JSON text, already
 * read by d8_plan_file_parse() into @file) into a new array of
 * D8PlanFileAmendment* at *@out (NULL when absent). Units and indicators
 * must be @file's. The error (D8_ERROR_PLAN_FORMAT) names @source and the
 * record, "amendments[1].changes[0].unit". */
gboolean d8_plan_amendments_parse (const char *data, gsize length, const D8PlanFile *file,
                                   const char *source, GPtrArray **out, GError **error);

/* How many of @amendments @plan_id does not have yet (matched by kind,
 * document number and date). */
guint d8_plan_amendments_count_new (D8Store *store, gint64 plan_id, GPtrArray *amendments);

/* Records the amendments @plan_id does not have yet, closed, with their
 * changes in quota_history (units and indicators by code within the
 * plan). The caller holds the transaction. */
gboolean d8_plan_amendments_record (D8Store *store, gint64 plan_id, GPtrArray *amendments,
                                    GError **error);

G_END_DECLS
