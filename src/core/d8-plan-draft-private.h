/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-draft-private.h — what the files of plan drafting share
 * (d8-plan-draft.c, d8-plan-draft-units.c, d8-plan-draft-quota.c,
 * d8-plan-edit.c) and the bundle's amendments use. Never included
 * outside src/core.
 */
#pragma once

#include "d8-plan-draft.h"
#include "d8-store-private.h"

G_BEGIN_DECLS

/* How the messages name a plan: "1653/KH-UBND (gia-lai-2023-1653)", or
 * a draft, which has no number yet, by its code: “gia-lai-2027”. */
char *d8_plan_draft_name (const D8Plan *plan);

/* Whether quotas and totals of @plan may change now, and under which
 * history: a draft (*revision_id = 0), or an issued plan with an open
 * amendment (*revision_id = its id). D8_ERROR_INVALID naming the plan for
 * an issued plan with no open amendment. Read-only: call inside or outside
 * a transaction. */
gboolean d8_plan_draft_check_quotas_editable (D8Store *store, const D8Plan *plan,
                                              gint64 *revision_id, GError **error);

/* Writers for the caller's transaction: a quota cell ("-" written for no
 * quota), the stated total of a count indicator (source: the plan's
 * totals-row label). */
gboolean d8_plan_draft_write_quota (D8Store *store, gint64 revision_id, gint64 plan_id,
                                    gint64 unit_id, gint64 indicator_id, gboolean has_quota,
                                    gint64 quota, GError **error);
gboolean d8_plan_draft_write_total (D8Store *store, gint64 revision_id, const D8Plan *plan,
                                    gint64 indicator_id, gboolean has_total, gint64 total,
                                    GError **error);

/* Every unit × appendix indicator of the plan gets a cell ("-", no quota,
 * when it had none), and indicators outside the appendix none: a plan
 * file's appendix has every cell (docs/plan-format.md). Call after a
 * change of the plan's rows or columns, in the caller's transaction. */
gboolean d8_plan_draft_sync_cells (D8Store *store, gint64 plan_id, GError **error);

/* Runs @sql with @plan_id bound to ?1 and returns the first column of its
 * first row as an integer (0 when no row, -1 on a database error). */
gint64 d8_plan_draft_scalar (D8Store *store, const char *sql, gint64 plan_id);

G_END_DECLS
