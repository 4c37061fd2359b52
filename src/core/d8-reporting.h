/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-reporting.h — the reporting cycle of a plan (section V of the 2023
 * plan): reporting periods, a unit's report for a period, the province's
 * decisions on it, the status of each unit for a period, the completeness
 * and timeliness rates, and the locking of approved figures.
 *
 * Rules (docs/reporting.md):
 * - Reporting periods are plan data (docs/plan-format.md, "reporting"): a
 *   code ("2023-h1"), a title, the dates it covers [start, end], the
 *   cut-off (figures are frozen as of this date), the due date for units
 *   and the due date for the province.
 * - A unit office submits its report for a period: the figures per
 *   indicator as of the cut-off are frozen with a narrative (results,
 *   difficulties, proposals, and a reason per indicator where the unit is
 *   behind). It may withdraw it while the province has not decided.
 * - The province approves, returns with a reason, or reopens an approved
 *   report with a reason. Every action is kept in the report's history.
 * - While a unit's report for a period is approved, entries of that unit
 *   dated in [start, end] of the period are locked: recording, editing,
 *   deleting them and imports that would change them are refused with
 *   D8_ERROR_LOCKED naming the report (unit, period).
 * - Each submission has a number (1, 2 …); a decision is about one
 *   submission, so a decision that crosses a resubmission in the post is
 *   recognised as stale.
 *
 * Implemented in d8-reporting.c (statuses, rates, the narrative file),
 * d8-store-reports.c (reading and writing reports in the store) and
 * d8-bundle-reports.c (reports and decisions in bundles).
 */
#pragma once

#include <glib-object.h>

#include "d8-progress.h"
#include "d8-store.h"
#include "d8-types.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------- periods */

/* D8ReportingPeriod is declared in d8-types.h, since a D8Plan carries its
 * periods (plan->periods). */

/**
 * d8_store_list_periods:
 * @self: a store
 * @plan_id: a plan
 * @error: (out) (optional): D8_ERROR_DATABASE
 *
 * Returns: (transfer full) (element-type D8ReportingPeriod): the plan's
 *   reporting periods in the plan's order (cut-off ascending); empty for a
 *   plan without a schedule; NULL on error.
 */
GPtrArray *d8_store_list_periods (D8Store *self, gint64 plan_id, GError **error);

/**
 * d8_store_resolve_period:
 * @self: a store
 * @plan_id: a plan
 * @ref: a period code ("2023-h1"), case-insensitive, or a period id
 * @error: (out) (optional): D8_ERROR_NOT_FOUND naming @ref and the plan
 *
 * Returns: (transfer full) (nullable): the period.
 */
D8ReportingPeriod *d8_store_resolve_period (D8Store *self, gint64 plan_id, const char *ref,
                                            GError **error);

/* The period of @plan (plan->periods) whose [start, end] holds @date
 * (ISO) and whose cut-off is the earliest among those; NULL when none. */
const D8ReportingPeriod *d8_plan_period_for_date (const D8Plan *plan, const char *date);

/* ---------------------------------------------------------------- reports */

/* The state of a report as stored (at the unit office and at the province). */
typedef enum
{
  D8_REPORT_STATE_SUBMITTED = 0, /* sent by the unit, no decision yet */
  D8_REPORT_STATE_WITHDRAWN,     /* taken back by the unit before a decision */
  D8_REPORT_STATE_RETURNED,      /* returned by the province with a reason */
  D8_REPORT_STATE_APPROVED,      /* approved by the province: its entries lock */
  D8_REPORT_STATE_REOPENED,      /* an approval undone with a reason: unlocked */
} D8ReportState;

/* Machine names "submitted", "withdrawn", "returned", "approved",
 * "reopened" (bundles, CSV, JSON); _from_string returns FALSE for others. */
const char *d8_report_state_to_string (D8ReportState state);
gboolean d8_report_state_from_string (const char *text, D8ReportState *state);

/* One indicator's figures in a report, as of the period's cut-off. */
typedef struct
{
  gint64 indicator_id;
  char *indicator_code; /* "1" … "9", "SM" */
  gboolean has_quota;
  gint64 quota;         /* when has_quota */
  gint64 achieved;      /* count: sum of amounts; percent: women reached */
  gint64 group_size;    /* percent: sum of target-group sizes; 0 for counts */
  D8Status status;      /* the status at the cut-off (d8-progress.h) */
  char *reason;         /* the unit's reason where it is behind; NULL if none */
} D8ReportFigure;

/* The narrative of a report: the three usual parts of a Vietnamese report
 * and a reason per indicator code (docs/reporting.md, "Narrative file"). */
typedef struct
{
  char *results;      /* may be NULL */
  char *difficulties; /* may be NULL */
  char *proposals;    /* may be NULL */
  GHashTable *reasons; /* indicator code (char*) → reason (char*); never NULL */
} D8ReportNarrative;

D8ReportNarrative *d8_report_narrative_new (void);
void d8_report_narrative_free (D8ReportNarrative *narrative);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8ReportNarrative, d8_report_narrative_free)

/**
 * d8_report_narrative_parse:
 * @data: the contents of a narrative file (UTF-8)
 * @length: its length in bytes, or -1 when NUL-terminated
 * @source_name: the file's name, for messages
 * @error: (out) (optional): D8_ERROR_INVALID naming the file, the line or
 *   field, and what is wrong
 *
 * Reads a narrative file: either a JSON object {"results", "difficulties",
 * "proposals": strings, "reasons": {CODE: string}} or a text with headed
 * parts "# Results", "# Difficulties", "# Proposals", "# Reason CODE"
 * (Vietnamese headings "# Kết quả", "# Khó khăn", "# Đề xuất",
 * "# Lý do CODE" too). Text is normalised to NFC; each part at most
 * 10,000 characters (the entry text limit, d8-entry.h).
 *
 * Returns: (transfer full) (nullable): the narrative.
 */
D8ReportNarrative *d8_report_narrative_parse (const char *data, gssize length,
                                              const char *source_name, GError **error);

/* A unit's report for a period, as this store knows it. */
typedef struct
{
  gint64 id;
  gint64 plan_id;
  gint64 period_id;
  char *period_code;
  gint64 unit_id;
  char *unit_code;
  char *unit_name;
  D8ReportState state;
  int submission;        /* 1 for the first submission, +1 on each resubmission */
  char *cutoff;          /* ISO date the figures are as of */
  GPtrArray *figures;    /* D8ReportFigure*, in the plan's indicator order */
  D8ReportNarrative *narrative;
  char *submitted_at;    /* UTC time stamp at the unit office */
  char *received_at;     /* UTC time stamp at the province when it first
                          * received this period's report; NULL at the unit
                          * until the province's decision brings it */
  char *decided_at;      /* UTC time stamp of the last decision, or NULL */
  char *decision_reason; /* the reason of a return, or NULL */
  char *reopen_reason;   /* the reason of the last reopening, or NULL */
  char *updated_at;      /* UTC time stamp of the last change here */
} D8UnitReport;

void d8_report_figure_free (D8ReportFigure *figure);
void d8_unit_report_free (D8UnitReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8ReportFigure, d8_report_figure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8UnitReport, d8_unit_report_free)

/* The figure of @report for indicator @indicator_id, or NULL. */
const D8ReportFigure *d8_unit_report_figure (const D8UnitReport *report, gint64 indicator_id);

/* One step in a report's history. */
typedef struct
{
  char *at;        /* UTC time stamp */
  char *office;    /* the office that acted: "province" or a unit code */
  char *action;    /* "submitted", "withdrawn", "returned", "approved", "reopened", "received" */
  int submission;
  char *reason;    /* NULL unless returned / reopened */
} D8ReportEvent;

void d8_report_event_free (D8ReportEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8ReportEvent, d8_report_event_free)

/**
 * d8_store_draft_report:
 * @self: a store
 * @period: a period of a plan in the store
 * @unit_id: the unit
 * @narrative: (nullable): the narrative; its reasons fill the figures'
 * @error: (out) (optional): D8_ERROR_NOT_FOUND (unit not in the plan),
 *   D8_ERROR_DATABASE
 *
 * The report the unit would submit now: figures as of the period's
 * cut-off (d8_store_compute_overview()), nothing written. The window's
 * submit dialog shows it; d8_store_submit_report() writes it.
 *
 * Returns: (transfer full) (nullable): the draft, state SUBMITTED,
 *   submission = the next number.
 */
D8UnitReport *d8_store_draft_report (D8Store *self, const D8ReportingPeriod *period,
                                     gint64 unit_id, const D8ReportNarrative *narrative,
                                     GError **error);

/**
 * d8_store_submit_report:
 * @self: a unit office's store
 * @period: the period
 * @narrative: (nullable): the narrative
 * @error: (out) (optional): D8_ERROR_INVALID when this store is the
 *   province, when a report is already submitted and undecided, or approved
 *   (reopen first); D8_ERROR_DATABASE
 *
 * Freezes the office's unit's figures as of the cut-off into its report
 * for @period, in one transaction; the report travels in the office's next
 * bundle.
 *
 * Returns: (transfer full) (nullable): the report as stored.
 */
D8UnitReport *d8_store_submit_report (D8Store *self, const D8ReportingPeriod *period,
                                      const D8ReportNarrative *narrative, GError **error);

/* Withdraws this unit office's undecided report for @period.
 * D8_ERROR_INVALID when there is none or the province has decided. */
gboolean d8_store_withdraw_report (D8Store *self, const D8ReportingPeriod *period,
                                   GError **error);

/* The province's decisions on @unit_id's report for @period. All set
 * D8_ERROR_INVALID when this store is not the province, when the unit has
 * no report for the period, or when the state does not allow it: approve
 * and return need a submitted report (return also a reopened one that was
 * not resubmitted is refused), reopen an approved one. @reason: not empty,
 * at most 10,000 characters (D8_ERROR_INVALID naming "reason"). */
gboolean d8_store_approve_report (D8Store *self, const D8ReportingPeriod *period,
                                  gint64 unit_id, GError **error);
gboolean d8_store_return_report (D8Store *self, const D8ReportingPeriod *period,
                                 gint64 unit_id, const char *reason, GError **error);
gboolean d8_store_reopen_report (D8Store *self, const D8ReportingPeriod *period,
                                 gint64 unit_id, const char *reason, GError **error);

/* @unit_id's report for @period; NULL without an error when there is none. */
D8UnitReport *d8_store_get_unit_report (D8Store *self, const D8ReportingPeriod *period,
                                        gint64 unit_id, GError **error);

/* The reports of @period (D8UnitReport*), in plan order of their units. */
GPtrArray *d8_store_list_unit_reports (D8Store *self, const D8ReportingPeriod *period,
                                       GError **error);

/* The history of @unit_id's report for @period, oldest first (D8ReportEvent*). */
GPtrArray *d8_store_list_report_events (D8Store *self, const D8ReportingPeriod *period,
                                        gint64 unit_id, GError **error);

/* ------------------------------------------------- status at the province */

/* The status of one unit for one period, decided once here: every surface
 * (Reports view, CLI, official report) takes its word, colour role and
 * print pattern from these functions, as for D8Status. */
typedef enum
{
  D8_PERIOD_STATUS_NOT_DUE = 0, /* nothing received, the due date not passed */
  D8_PERIOD_STATUS_MISSING,     /* nothing received, the due date passed */
  D8_PERIOD_STATUS_ON_TIME,     /* received on or before the due date, undecided */
  D8_PERIOD_STATUS_LATE,        /* received after the due date, undecided */
  D8_PERIOD_STATUS_RETURNED,    /* returned to the unit with a reason */
  D8_PERIOD_STATUS_APPROVED,    /* approved: its entries are locked */
  D8_PERIOD_STATUS_REOPENED,    /* reopened with a reason, awaiting a new submission */
  D8_PERIOD_STATUS_WITHDRAWN,   /* withdrawn by the unit, not yet sent again */
} D8PeriodStatus;

#define D8_PERIOD_STATUS_N (D8_PERIOD_STATUS_WITHDRAWN + 1)

/**
 * d8_period_status_for:
 * @period: the period
 * @report: (nullable): the unit's report, NULL when none
 * @today: ISO date "now" (d8_store_today())
 *
 * Withdrawn reports count as not received once the due date passes
 * (MISSING). On time: the date of received_at (else submitted_at) in
 * local time is on or before the unit due date. The first receipt counts:
 * a report returned and sent again keeps its received_at.
 *
 * Returns: the status.
 */
D8PeriodStatus d8_period_status_for (const D8ReportingPeriod *period, const D8UnitReport *report,
                                     const char *today);

const char *d8_period_status_to_string (D8PeriodStatus status); /* "on-time", "late" … */
const char *d8_period_status_to_label (D8PeriodStatus status);  /* translated word */
D8StatusRole d8_period_status_role (D8PeriodStatus status);
D8StatusPattern d8_period_status_pattern (D8PeriodStatus status);

/* Whether a report in @status counts as received (completeness) — on
 * time, late, returned, approved, reopened. */
gboolean d8_period_status_is_received (D8PeriodStatus status);

/* One row of a period's status table: a unit of the plan. */
typedef struct
{
  D8Unit *unit;           /* owned */
  D8UnitReport *report;   /* owned, NULL when the unit sent none */
  D8PeriodStatus status;
  gboolean on_time;       /* received and on time */
} D8PeriodRow;

/* The period's table at this store and its rates (docs/reporting.md,
 * "Rates"): expected = the plan's units valid on the period's start;
 * received = rows whose status is received; on_time = received on or
 * before the unit due date. Rates are fractions (0…1), NAN when expected
 * is 0. */
typedef struct
{
  D8ReportingPeriod *period; /* owned copy */
  char *today;               /* the ISO date the statuses are for */
  GPtrArray *rows;           /* D8PeriodRow*, in plan order */
  guint expected;
  guint received;
  guint on_time;
  double completeness;       /* received / expected */
  double timeliness;         /* on_time / expected */
} D8PeriodSummary;

void d8_period_summary_free (D8PeriodSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8PeriodSummary, d8_period_summary_free)

/**
 * d8_store_period_summary:
 * @self: a store
 * @period: a period
 * @today: (nullable): ISO date the statuses are for; NULL: d8_store_today()
 * @error: (out) (optional): D8_ERROR_DATABASE
 *
 * Returns: (transfer full) (nullable): every unit of the plan with its
 *   report and status for @period, and the rates.
 */
D8PeriodSummary *d8_store_period_summary (D8Store *self, const D8ReportingPeriod *period,
                                          const char *today, GError **error);

/* Fills expected, received, on_time and the rates of @summary from its rows. */
void d8_period_summary_count (D8PeriodSummary *summary);

/* ------------------------------------------- reported against computed now */

/* One indicator: what the unit reported and what the entries give now as
 * of the same cut-off. */
typedef struct
{
  gint64 indicator_id;
  char *indicator_code;
  gint64 reported_achieved;
  gint64 reported_group_size;
  gint64 now_achieved;
  gint64 now_group_size;
  gint64 difference;    /* now_achieved - reported_achieved */
  gboolean differs;     /* achieved or group size differ */
} D8ReportDifference;

void d8_report_difference_free (D8ReportDifference *difference);

/**
 * d8_store_compare_report:
 * @self: a store
 * @report: a report of a plan in the store
 * @error: (out) (optional): D8_ERROR_DATABASE
 *
 * Returns: (transfer full) (element-type D8ReportDifference): one row per
 *   indicator of the report, with the figures this store computes now from
 *   its entries as of the report's cut-off.
 */
GPtrArray *d8_store_compare_report (D8Store *self, const D8UnitReport *report, GError **error);

/* ------------------------------------------------------------------ locks */

/**
 * d8_store_find_lock:
 * @self: a store
 * @plan_id: the plan
 * @unit_id: the unit
 * @date: ISO date of an entry
 * @error: (out) (optional): D8_ERROR_DATABASE
 *
 * Returns: (transfer full) (nullable): the approved report that locks
 *   @unit_id's entries dated @date, NULL (no error) when none does.
 */
D8UnitReport *d8_store_find_lock (D8Store *self, gint64 plan_id, gint64 unit_id, const char *date,
                                  GError **error);

/**
 * d8_store_check_unlocked:
 * @self: a store
 * @plan_id: the plan
 * @unit_id: the unit
 * @date: ISO date of an entry (old or new)
 * @error: (out) (optional): D8_ERROR_LOCKED naming the unit, the period
 *   and its dates ("… locked by the approved report of Chư Pưh for 6-month
 *   report 2023 (1 Jan – 10 Jun 2023); the province must reopen it"),
 *   D8_ERROR_DATABASE
 *
 * Returns: TRUE when no approved report locks the entry.
 */
gboolean d8_store_check_unlocked (D8Store *self, gint64 plan_id, gint64 unit_id, const char *date,
                                  GError **error);

/* ------------------------------------------------------------------ clock */

/* The local calendar date (ISO) of a UTC time stamp such as
 * "2023-06-09T08:00:00Z"; the stamp's first ten characters when it does
 * not parse. On-time judgements and the "received" column use it. */
char *d8_reporting_local_date (const char *stamp);

/**
 * d8_store_set_clock:
 * @self: a store
 * @now_utc: (nullable): a fixed time stamp "2023-06-09T08:00:00Z" that the
 *   reporting cycle uses as "now" (submitted, received, decided times and
 *   today's date), or NULL for the real clock
 *
 * For tests and demonstrations; the CLI sets it from DUAN8_NOW.
 */
void d8_store_set_clock (D8Store *self, const char *now_utc);

/* The time stamp of "now" for the reporting cycle (see d8_store_set_clock()). */
char *d8_store_reporting_now (D8Store *self);
/* The ISO date of "now" in local time. */
char *d8_store_today (D8Store *self);

G_END_DECLS
