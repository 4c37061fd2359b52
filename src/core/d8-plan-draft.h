/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-draft.h — making and changing a plan in the store: drafts,
 * issuing, amendments (issue 15).
 *
 * A plan is a draft or issued (plans.status). A draft is made here, empty
 * or from an existing plan, and changed freely: it takes no entries and no
 * bundle carries it to offices. Issuing it (document number, date of
 * issue, issuer: all required) fixes it. An issued plan changes only by an
 * amendment: d8_store_amend_plan() opens one with the amending document's
 * number and date, and every quota or stated total changed until the plan
 * is issued again (d8_store_issue_plan() closes the amendment) or another
 * amendment is opened is recorded in the plan's history (plan_revisions
 * and quota_history, the same tables a revision imported from a file
 * uses), old value → new value. The quotas rows stay the same rows, so
 * entries stay attached.
 *
 * Every function that writes runs in ONE transaction and leaves the store
 * exactly as it was on any error; errors are D8_ERROR with a sentence for
 * people that names the plan, unit, indicator or field at fault. After a
 * successful write the store emits "changed".
 *
 * Units are shared between plans by their record (units table): renaming
 * a unit, setting its level, parent or validity changes the unit in every
 * plan that allocates to it, as it is the same place. Adding a unit to a
 * plan, its order and its quotas are the plan's own.
 *
 * Implemented in d8-plan-draft.c (plans, status, issue, amend, history),
 * d8-plan-draft-units.c (units, groups, indicators) and
 * d8-plan-draft-quota.c (quotas, stated totals, extra targets).
 */
#pragma once

#include "d8-plan-import.h"
#include "d8-store.h"

G_BEGIN_DECLS

typedef enum
{
  D8_PLAN_STATUS_DRAFT = 0, /* being made: no entries, not sent to offices */
  D8_PLAN_STATUS_ISSUED,    /* issued by a decision: entries, bundles, amendments */
} D8PlanStatus;

/* "draft" / "issued": the stored value and the CLI's and JSON's word. */
const char *d8_plan_status_to_string (D8PlanStatus status);
/* The translated word for people: "Draft" / "Issued". */
const char *d8_plan_status_to_label (D8PlanStatus status);

/**
 * d8_store_get_plan_status:
 * @store: a store
 * @plan_id: a plan's id
 * @status: (out): its status
 * @error: D8_ERROR_NOT_FOUND (no such plan), D8_ERROR_DATABASE
 *
 * Returns: TRUE when @status was read.
 */
gboolean d8_store_get_plan_status (D8Store *store, gint64 plan_id, D8PlanStatus *status,
                                   GError **error);

/* TRUE when @plan_id is a draft (FALSE for an issued or unknown plan). */
gboolean d8_store_plan_is_draft (D8Store *store, gint64 plan_id);

/**
 * d8_store_check_plan_takes_entries:
 * @store: a store
 * @plan_id: a plan's id
 * @error: D8_ERROR_INVALID naming the plan when it is a draft
 *
 * The one rule "a draft takes no entries", used by the store's entry
 * writes and the bundle import.
 *
 * Returns: TRUE when entries may be recorded against the plan.
 */
gboolean d8_store_check_plan_takes_entries (D8Store *store, gint64 plan_id, GError **error);

/* ------------------------------------------------------------ new plan */

typedef struct
{
  const char *code;    /* required: the new plan's code, not yet in the store */
  int year;            /* required, 1900…9999: the plan's year; its period is
                        * YYYY-01-01 … YYYY-12-31 */
  const char *title;   /* NULL: the --from plan's title with its year replaced,
                        * else "Plan YYYY" (translated) */
  gint64 from_plan_id; /* 0: an empty plan; else units (not retired before the
                        * year starts), groups, indicators and extra (percent)
                        * targets are copied from this plan */
  gboolean copy_quotas; /* with from_plan_id: copy its quotas and stated totals
                         * too; else every cell starts as "no quota" */
} D8NewPlanOptions;

/**
 * d8_store_new_plan:
 * @store: a store
 * @options: what to make
 * @error: D8_ERROR_INVALID (code empty or taken, year out of range),
 *   D8_ERROR_NOT_FOUND (from plan), D8_ERROR_DATABASE
 *
 * Makes a draft plan in one transaction: no document number, date of
 * issue or issuer yet; the issuer and the totals row's label are carried
 * from the --from plan (the label with its year replaced).
 *
 * Returns: the new plan's id, 0 on error.
 */
gint64 d8_store_new_plan (D8Store *store, const D8NewPlanOptions *options, GError **error);

/* The plan's own details, as the editor's metadata page edits them. NULL
 * members are left as they are; "" clears an optional one (issuer). */
typedef struct
{
  const char *title;
  const char *doc_number;   /* drafts only: an issued plan's number is its decision's */
  const char *issuer;
  const char *issued_on;    /* ISO; drafts only */
  const char *period_start; /* ISO, first day counted */
  const char *period_end;   /* ISO, last day counted, not before period_start */
  const char *target_label; /* the totals row's label, e.g. "Chỉ tiêu năm 2027" */
} D8PlanDetails;

/* Sets the plan's details (one transaction). D8_ERROR_INVALID naming the
 * field (bad date, period end before start, empty title, number or date
 * of an issued plan). */
gboolean d8_store_set_plan_details (D8Store *store, gint64 plan_id, const D8PlanDetails *details,
                                    GError **error);

/* -------------------------------------------------------- issue, amend */

/**
 * d8_store_issue_plan:
 * @store: a store
 * @plan_id: a draft, or an issued plan with an open amendment
 * @document_number: the decision's number and symbol, e.g. "1653/KH-UBND"
 * @issued_on: its date, ISO YYYY-MM-DD
 * @issuer: (nullable): the issuing body; NULL keeps the plan's (a draft
 *   made from a plan carries it), required when the plan has none
 * @error: D8_ERROR_INVALID naming the missing or wrong field, or "already
 *   issued" for an issued plan with no open amendment
 *
 * A draft becomes issued with these details. For an issued plan it closes
 * the open amendment, whose document number and date become the ones
 * given (an amendment is issued like a plan).
 *
 * Returns: TRUE on success.
 */
gboolean d8_store_issue_plan (D8Store *store, gint64 plan_id, const char *document_number,
                              const char *issued_on, const char *issuer, GError **error);

/**
 * d8_store_amend_plan:
 * @store: a store
 * @plan_id: an issued plan (a draft is changed directly)
 * @document_number: the amending decision's number, not yet used for an
 *   amendment of this plan
 * @issued_on: its date, ISO, not before the plan's own date of issue
 * @error: D8_ERROR_INVALID naming the field, or the draft
 *
 * Opens an amendment: until the plan is issued again or another amendment
 * is opened, every change of a quota or stated total is recorded under
 * it in the plan's history. An amendment already open is closed first.
 *
 * Returns: the amendment's id (a plan_revisions row), 0 on error.
 */
gint64 d8_store_amend_plan (D8Store *store, gint64 plan_id, const char *document_number,
                            const char *issued_on, GError **error);

/* The open amendment of @plan_id, 0 when none (or on error). */
gint64 d8_store_get_open_amendment (D8Store *store, gint64 plan_id);

/**
 * d8_store_list_amendments:
 *
 * The plan's amendments (opened with d8_store_amend_plan() here or
 * received in a bundle), oldest first, each with the quotas and stated
 * totals it changed. d8_store_list_plan_revisions() lists them together
 * with the revisions imported from files.
 *
 * Returns: (transfer full) (element-type D8PlanRevision): NULL on error.
 */
GPtrArray *d8_store_list_amendments (D8Store *store, gint64 plan_id, GError **error);

/**
 * d8_store_plan_amended_label:
 * @store: a store
 * @plan_id: a plan
 *
 * The words the province page and the pack show under the plan's title
 * when a later decision changed it: "as amended by 25/QĐ-UBND of
 * 15/03/2027" (translated; the date as people write it), naming the
 * latest revision or amendment; NULL when the plan was never changed.
 *
 * Returns: (transfer full) (nullable): the label.
 */
char *d8_store_plan_amended_label (D8Store *store, gint64 plan_id);

/* The same words from a plan read from the store (its amended_by and
 * amended_on); NULL when it was never changed. No database access: the
 * charts (the pack's cover) use it. */
char *d8_plan_format_amended (const D8Plan *plan);

/* --------------------------------------------- units (d8-plan-draft-units.c) */

/**
 * d8_store_plan_add_unit:
 * @store: a store
 * @plan_id: a draft (an issued plan's units and their order are fixed:
 *   the offices match them by code and row, docs/bundle-format.md)
 * @name: the unit's name as written ("Ia Grai"), NFC-normalised here
 * @level: "province", "district", "commune" …
 * @parent_id: the parent unit's id, 0 for none
 * @kind: (nullable): as written: "huyện", "xã", "phường" …
 * @error: D8_ERROR_INVALID (empty name or level, a unit of the same
 *   folded name and parent already in the plan), D8_ERROR_NOT_FOUND
 *   (parent)
 *
 * Adds a new unit (code "<plan code>/<name slug>", made unique) as the
 * plan's last row; its quotas start as "no quota".
 *
 * Returns: the unit's id, 0 on error.
 */
gint64 d8_store_plan_add_unit (D8Store *store, gint64 plan_id, const char *name,
                               const char *level, gint64 parent_id, const char *kind,
                               GError **error);

/* Adds an existing unit (by id) to a draft as its last row. */
gboolean d8_store_plan_include_unit (D8Store *store, gint64 plan_id, gint64 unit_id,
                                     GError **error);

/* Takes a unit out of a draft; refused for an issued plan (entries and
 * history refer to it: retire it instead). Its quotas go with it. */
gboolean d8_store_plan_remove_unit (D8Store *store, gint64 plan_id, gint64 unit_id,
                                    GError **error);

/* The unit record (shared by every plan that allocates to it). */
gboolean d8_store_rename_unit (D8Store *store, gint64 unit_id, const char *name, GError **error);
gboolean d8_store_set_unit_kind (D8Store *store, gint64 unit_id, const char *kind,
                                 GError **error);
/* @parent_id 0 for none; refused when it would make a cycle. */
gboolean d8_store_set_unit_parent (D8Store *store, gint64 unit_id, gint64 parent_id,
                                   GError **error);
gboolean d8_store_set_unit_level (D8Store *store, gint64 unit_id, const char *level,
                                  GError **error);
/* @valid_to: ISO, the last day the unit exists; NULL: exists again. */
gboolean d8_store_retire_unit (D8Store *store, gint64 unit_id, const char *valid_to,
                               GError **error);

/**
 * d8_store_plan_reorder_units:
 * @unit_ids: (array length=n): every unit of the plan exactly once, in the
 *   new row order
 *
 * A draft's only. D8_ERROR_INVALID when the list is not exactly the plan's
 * units, or the plan is issued.
 */
gboolean d8_store_plan_reorder_units (D8Store *store, gint64 plan_id, const gint64 *unit_ids,
                                      guint n, GError **error);

/* ------------------------------------ groups and indicators (-units.c) */

/* Adds or retitles content group @number (≥ 1) of the plan. */
gboolean d8_store_plan_set_group (D8Store *store, gint64 plan_id, int number, const char *title,
                                  GError **error);

typedef struct
{
  const char *code;       /* short, unique in the plan: "1", "SM" */
  const char *name_vi;    /* required */
  const char *name_en;    /* NULL or "": none */
  const char *count_unit; /* required: "tổ", "cuộc", "%" … */
  D8IndicatorKind kind;
  int group_no;           /* an existing group of the plan */
  int position;           /* 1-based order; 0: last (add) / unchanged (edit) */
  gboolean in_appendix;   /* allocated to units (a column of the appendix) */
} D8IndicatorFields;

/* Adds an indicator to a draft. Returns its id, 0 on error
 * (D8_ERROR_INVALID naming the field: empty, code taken, unknown group). */
gint64 d8_store_plan_add_indicator (D8Store *store, gint64 plan_id,
                                    const D8IndicatorFields *fields, GError **error);
/* Edits one. On an issued plan the code, kind and in_appendix are fixed
 * (entries refer to them): changing them is refused. */
gboolean d8_store_plan_edit_indicator (D8Store *store, gint64 plan_id, gint64 indicator_id,
                                       const D8IndicatorFields *fields, GError **error);

/* ----------------------------- quotas and totals (d8-plan-draft-quota.c) */

/**
 * d8_store_set_quota:
 * @store: a store
 * @plan_id: a draft, or an issued plan with an open amendment
 * @unit_id: a unit of the plan
 * @indicator_id: an indicator of the plan in its appendix
 * @has_quota: FALSE for "no quota" (the plan's "-")
 * @quota: whole number 0…10¹² (0 is a real zero)
 * @error: D8_ERROR_INVALID (issued plan with no open amendment, quota out
 *   of range, indicator not in the appendix), D8_ERROR_NOT_FOUND
 *
 * Sets one cell of the appendix; on an amended plan the old and new value
 * go to the history under the open amendment.
 */
gboolean d8_store_set_quota (D8Store *store, gint64 plan_id, gint64 unit_id,
                             gint64 indicator_id, gboolean has_quota, gint64 quota,
                             GError **error);

/* The plan's stated total of a count indicator of the appendix (its
 * totals row); @has_total FALSE removes it. The same rules as a quota. */
gboolean d8_store_set_stated_total (D8Store *store, gint64 plan_id, gint64 indicator_id,
                                    gboolean has_total, gint64 total, GError **error);

/* An extra province-wide target of a percent indicator (section II's
 * 80 %): @percent 0…100 (80 = 80 %), @source where it is written ("Mục
 * II"; NULL keeps it); @has_target FALSE removes it. */
gboolean d8_store_set_extra_target (D8Store *store, gint64 plan_id, gint64 indicator_id,
                                    gboolean has_target, double percent, const char *source,
                                    GError **error);

G_END_DECLS
