/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-types.h — plain data of the core: plans, units, indicators, entries.
 *
 * These are plain structs with g_autoptr cleanups; they carry no behaviour
 * beyond being freed. All text is UTF-8 in NFC; dates are ISO 8601
 * (YYYY-MM-DD) strings so they are locale-independent everywhere.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest amount, number reached or group size: 10^12, far above any
 * real figure, and small enough that sums of a million of them stay exact
 * in a gint64 and in a double. */
#define D8_ENTRY_AMOUNT_MAX G_GINT64_CONSTANT (1000000000000)

typedef enum
{
  D8_KIND_COUNT = 0,   /* a number of things: groups, meetings, cadres */
  D8_KIND_PERCENT = 1, /* reached / size of the target group */
} D8IndicatorKind;

typedef struct
{
  gint64 id;
  char *code;         /* stable identifier of the plan across offices */
  char *title;
  char *doc_number;   /* as written, e.g. "1653/KH-UBND" */
  char *issuer;
  char *issued_on;    /* ISO date */
  int year;
  char *period_start; /* ISO date, first day counted */
  char *period_end;   /* ISO date, last day counted */
  char *target_label; /* the label of the totals row, e.g. "Chỉ tiêu năm 2023" */
  gboolean is_draft;  /* a draft (d8-plan-draft.h): no entries, not sent to offices */
  GPtrArray *periods; /* D8ReportingPeriod*, the reporting schedule in cut-off
                       * order (docs/plan-format.md, "reporting"); NULL or
                       * empty when the plan has none */
  char *amended_by;   /* the latest decision that changed the plan (an amendment or a
                       * revision), e.g. "25/QĐ-UBND"; NULL when never changed */
  char *amended_on;   /* its ISO date, or NULL */
} D8Plan;

/* A reporting period of a plan (section V of the 2023 plan: units report
 * the six months before 10 June, the year before 10 December; the
 * province reports before 15 June and 15 December). Dates are ISO. */
typedef struct
{
  gint64 id;          /* 0 until stored */
  gint64 plan_id;
  char *code;         /* stable across offices within the plan: "2023-h1" */
  char *title;        /* as people read it: "Báo cáo 6 tháng đầu năm 2023" */
  char *start;        /* first day the period covers */
  char *end;          /* last day the period covers; entries dated in
                       * [start, end] lock when the report is approved */
  char *cutoff;       /* the as-of date of the figures a report freezes */
  char *unit_due;     /* units report to the province on or before this date */
  char *province_due; /* the province reports on or before this date */
  int position;       /* order within the plan, 1-based */
} D8ReportingPeriod;

typedef struct
{
  gint64 id;
  char *code;       /* stable identifier across offices */
  char *name;       /* as written in the plan, e.g. "Chư Pưh" */
  char *kind;       /* as written: "huyện", "thị xã", "xã", "phường" … (may be NULL) */
  char *level;      /* "province", "district", "commune" … */
  gint64 parent_id; /* 0 when the unit has no parent */
  char *valid_from; /* ISO date or NULL (open) */
  char *valid_to;   /* ISO date or NULL (open) */
  int position;     /* row number (TT) in the plan's appendix, 1-based; 0 outside a plan */
} D8Unit;

typedef struct
{
  gint64 id;
  gint64 plan_id;
  char *code;        /* short code within the plan: "1" … "9", "SM" */
  char *name_vi;     /* as written in the plan */
  char *name_en;     /* optional English name, NULL if none */
  char *count_unit;  /* "tổ", "cuộc", "cán bộ", "%" … */
  D8IndicatorKind kind;
  int group_no;      /* Nội dung 1–4 */
  char *group_title; /* title of the content group */
  int position;      /* order within the plan, 1-based */
  gboolean in_appendix; /* TRUE when the appendix allocates it to units */
  gboolean has_target;  /* the plan states a province-wide target */
  double target;        /* that target: a count, or a percentage (80 = 80 %) */
  char *target_written; /* the target as written in the document */
  char *target_source;  /* where it is written: "Chỉ tiêu năm 2023", "Mục II" */
} D8Indicator;

typedef struct
{
  char *uuid;
  gint64 plan_id;
  gint64 unit_id;
  gint64 indicator_id;
  char *date;        /* ISO date of the activity */
  gint64 amount;     /* count indicators: how many */
  gint64 reached;    /* percent indicators: women reached */
  gint64 group_size; /* percent indicators: size of the target group */
  char *place;       /* commune / place, may be NULL */
  char *note;        /* may be NULL */
  char *created_at;  /* ISO 8601 UTC timestamp */
  char *updated_at;  /* ISO 8601 UTC timestamp */
  char *origin;      /* office that recorded it */
  gboolean deleted;  /* soft delete (tombstone for sync) */
} D8Entry;

void d8_plan_free (D8Plan *plan);
void d8_unit_free (D8Unit *unit);
/* d8_plan_compare_newest:
 * @a: (type D8Plan**): a pointer to a plan pointer, as g_ptr_array_sort() passes it
 * @b: (type D8Plan**): the same
 *
 * The order the plan dialogs offer plans in: the later year first, then
 * the later-made plan (higher id) first.
 *
 * Returns: <0 when @a comes first, >0 when @b does, 0 for the same plan. */
int d8_plan_compare_newest (gconstpointer a, gconstpointer b);
void d8_indicator_free (D8Indicator *indicator);
void d8_entry_free (D8Entry *entry);
void d8_reporting_period_free (D8ReportingPeriod *period);
D8ReportingPeriod *d8_reporting_period_copy (const D8ReportingPeriod *period);

D8Entry *d8_entry_new (void);
D8Entry *d8_entry_copy (const D8Entry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8Plan, d8_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8Unit, d8_unit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8Indicator, d8_indicator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8Entry, d8_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8ReportingPeriod, d8_reporting_period_free)

G_END_DECLS
