/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-import.h — importing a plan, always in two steps, so a window
 * or the CLI shows what would happen before anything is written:
 *
 *     import = d8_plan_import_new_from_file (store, path, &options, &error);
 *     preview = d8_plan_import_get_preview (import);   // plan, units, table, check
 *     d8_plan_import_apply (import, &plan_id, &error); // one transaction
 *
 * The source is a plan file (docs/plan-format.md) or the appendix as a
 * table: a CSV/TSV file, an XLSX workbook, or the text Excel, LibreOffice
 * or WPS put on the clipboard. A table is mapped to the plan by the
 * options: header cells become indicators (those of the --from plan,
 * matched by code or folded name, or new ones), rows become units
 * (matched by folded name, or new units of the chosen level), "-" and
 * blank are "no quota", "0" is zero, a totals row ("Chỉ tiêu năm …",
 * "Tổng", "Cộng") gives the stated totals, a numbered first column ("TT")
 * is skipped and so are group-title rows.
 *
 * Anything wrong in the source is refused by new() with a message naming
 * the record, row or cell; the database is not touched. A plan whose code
 * is already in the store is a revision: the preview lists the changed
 * quotas, and apply needs options.revise (or d8_plan_import_set_revise):
 * changed quotas then keep their old value in the plan's history with the
 * revising document's number and date; entries stay attached.
 */
#pragma once

#include "d8-plan-file.h"
#include "d8-store.h"

G_BEGIN_DECLS

#define D8_PLAN_FILE_SUFFIX ".duan8-plan.json"
#define D8_PLAN_MIME_TYPE "application/vnd.duan8.plan+json"

typedef enum
{
  D8_PLAN_SOURCE_PLAN_FILE, /* JSON, docs/plan-format.md */
  D8_PLAN_SOURCE_CSV,       /* CSV or TSV text */
  D8_PLAN_SOURCE_XLSX,
  D8_PLAN_SOURCE_PASTE,     /* the clipboard's tab-separated text */
} D8PlanSource;

typedef struct
{
  const char *from;            /* a plan in the store (id, code, number, year) whose title,
                                * issuer, period, units, groups and indicators a table uses */
  const char *code;            /* the plan's code; tables: required unless --from gives it */
  const char *title;
  const char *document_number;
  const char *issuer;
  const char *issued_on;       /* ISO date */
  int year;                    /* 0: from --from, or "năm NNNN" in the totals row */
  const char *period_start;    /* ISO dates; default: the whole year */
  const char *period_end;
  const char *level;           /* level of units a table adds (default "commune") */
  const char *parent;          /* code of the parent of units a table adds, or NULL */
  const char *sheet;           /* XLSX: sheet name or 1-based number; NULL: the first */
  gboolean revise;             /* allow apply on a plan whose code is present */
  /* Tables: the mapping, adjusted by a person (the import preview's
   * Mapping tab). Absent keys are matched as described above. */
  GHashTable *column_map;      /* header text → an indicator code of the --from plan, "+" for a
                                * new indicator, "-" to ignore the column */
  GHashTable *unit_map;        /* a row's unit name as written → a unit code of the store, or
                                * "+LEVEL" for a new unit of LEVEL (e.g. "+commune") */
} D8PlanImportOptions;

typedef enum
{
  D8_PLAN_UNIT_NEW,     /* not in the store: will be added */
  D8_PLAN_UNIT_KNOWN,   /* in the store by code, the same */
  D8_PLAN_UNIT_CHANGED, /* in the store by code, with another name, level or parent: the
                         * store's record is kept (see the warning) */
} D8PlanUnitStatus;

/* Stable English keys ("new", "known", "changed") for JSON. */
const char *d8_plan_unit_status_key (D8PlanUnitStatus status);

typedef struct
{
  char *code;
  char *name;
  char *kind;
  char *level;
  char *parent;      /* the parent's code, or NULL */
  char *valid_from;
  char *valid_to;
  D8PlanUnitStatus status;
  char *change;      /* CHANGED: what differs, for people; else NULL */
  int tt;            /* its appendix row number, 0 when the plan gives it no row */
  guint source_row;  /* tables: the 1-based row of the sheet; 0 for plan files */
  char *source_label; /* tables: the unit's name as the row writes it; NULL for plan files */
} D8PlanPreviewUnit;

typedef struct
{
  char *indicator;   /* code */
  char *name;
  gboolean has_stated;
  gint64 stated;     /* the plan's stated total (totals row) */
  gint64 allocated;  /* the sum of the units' quotas */
  gint64 difference; /* stated − allocated; 0 when nothing is stated */
} D8PlanAllocation;

typedef struct
{
  char *unit;        /* unit code; NULL for the stated total */
  char *unit_name;
  char *indicator;   /* indicator code */
  char *old_written; /* the cell as written before ("4", "-", ""); NULL for a new unit */
  char *new_written;
} D8PlanQuotaChange;

typedef struct
{
  const D8Plan *plan;         /* title, number, issuer, date, period */
  D8PlanSource source;
  char *source_detail;        /* "CSV, UTF-8 (BOM), separator ;" for people */
  char *appendix_title;
  const char *target_label;   /* the totals row's label, or NULL */
  gboolean is_revision;       /* the plan's code is already in the store */
  gint64 revises_plan_id;
  char *revises_doc_number;   /* the number of the plan being revised */
  GPtrArray *units;           /* D8PlanPreviewUnit*, in the file's order */
  guint n_new_units, n_known_units, n_changed_units;
  GPtrArray *groups;          /* D8PlanFileGroup* (number, title), borrowed */
  GPtrArray *indicators;      /* D8Indicator*: code, names, group, in_appendix, target */
  GPtrArray *indicators_new;  /* tables with --from: codes of indicators not in that plan */
  GPtrArray *columns;         /* indicator codes of the appendix columns, in order */
  GPtrArray *table_headers;   /* tables: the header text (char*) of every column that may hold
                               * quotas, in sheet order, ignored ones too; NULL for plan files */
  GPtrArray *header_codes;    /* tables: for each of table_headers, the indicator code it maps
                               * to, or "" when the column is ignored */
  GPtrArray *rows;            /* D8PlanFileRow*: tt, unit code, has[], quota[], written[] */
  GPtrArray *allocation;      /* D8PlanAllocation*, one per column */
  GPtrArray *changes;         /* revision: D8PlanQuotaChange* */
  GPtrArray *warnings;        /* char*: sentences for people */
  gboolean applied;
  gint64 plan_id;             /* after apply */
} D8PlanPreview;

typedef struct _D8PlanImport D8PlanImport;

/* Reads and checks @path: a plan file (".json"), a CSV or TSV file or an
 * XLSX workbook, recognised by its content and suffix. NULL with an error
 * naming the file and the record, row or cell on any problem. */
D8PlanImport *d8_plan_import_new_from_file (D8Store *store, const char *path,
                                            const D8PlanImportOptions *options, GError **error);
/* The same from bytes (a dropped file); @name is shown in messages and
 * its suffix helps tell a table from a plan file. */
D8PlanImport *d8_plan_import_new_from_bytes (D8Store *store, GBytes *bytes, const char *name,
                                             const D8PlanImportOptions *options, GError **error);
/* The clipboard's text: tab-separated cells copied from a spreadsheet. */
D8PlanImport *d8_plan_import_new_from_text (D8Store *store, const char *text,
                                            const D8PlanImportOptions *options, GError **error);
/* Reads and writes a table's mapping (column_map, unit_map) as a JSON
 * file; see d8-plan-import-mapping.c. */
gboolean d8_plan_import_read_mapping (const char *path, GHashTable **column_map,
                                      GHashTable **unit_map, GError **error);
gboolean d8_plan_import_write_mapping (const char *path, GHashTable *column_map,
                                       GHashTable *unit_map, GError **error);
void d8_plan_import_free (D8PlanImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8PlanImport, d8_plan_import_free)

const D8PlanPreview *d8_plan_import_get_preview (D8PlanImport *import);
/* The person confirmed the plan is a revision of the one in the store. */
void d8_plan_import_set_revise (D8PlanImport *import, gboolean revise);

/* Writes the plan in one transaction and emits the store's "changed".
 * Refused (D8_ERROR_AMBIGUOUS) for a revision not confirmed; nothing is
 * written on any error. @plan_id (optional) gets the plan's id. */
gboolean d8_plan_import_apply (D8PlanImport *import, gint64 *plan_id, GError **error);

/* The preview as a JSON document (the CLI's --json; stable member names,
 * documented in docs/cli.md). */
char *d8_plan_preview_to_json (const D8PlanPreview *preview);

/* ----------------------------------------------------------- history */

typedef struct
{
  gint64 id;
  char *doc_number;
  char *issued_on;
  char *title;
  char *imported_at;
  GPtrArray *changes; /* D8PlanQuotaChange* */
  gboolean is_amendment; /* opened by d8_store_amend_plan() (here or at the province) */
  gboolean is_open;      /* an amendment still taking changes */
} D8PlanRevision;

void d8_plan_revision_free (D8PlanRevision *revision);
void d8_plan_quota_change_free (D8PlanQuotaChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8PlanRevision, d8_plan_revision_free)

/* The revisions of a plan, oldest first, each with the quotas it changed
 * (old and new, as written). Implemented in d8-plan-import-revision.c. */
GPtrArray *d8_store_list_plan_revisions (D8Store *store, gint64 plan_id, GError **error);

G_END_DECLS
