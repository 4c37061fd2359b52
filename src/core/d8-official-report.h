/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-official-report.h — the province's report to the People's Committee
 * for a reporting period (section V of the 2023 plan: before 15 June and
 * 15 December), as a document model: plain data, every text a string the
 * window's preview may change before it is written as PDF
 * (src/charts/d8-report-pdf.h), DOCX (d8_official_report_write_docx) or
 * XLSX (d8_official_report_write_xlsx).
 *
 * Layout of a Vietnamese administrative document (Decree 30/2020/NĐ-CP,
 * appendix I): issuing body top left, national title and motto top right,
 * number and symbol under the issuing body, place and date under the
 * motto, the title, the body, "Nơi nhận" bottom left, the signature block
 * bottom right. The body follows the usual three parts of a report:
 * results (by content group), difficulties, proposals; the appendix table
 * gives quota / achieved / % per unit and indicator and the province
 * totals against the plan's stated totals — an inconsistency of the plan
 * (1653/KH-UBND column 1: 126 allocated, 128 stated) is shown, never fixed.
 *
 * Figures come from d8-progress.c (one definition of each status and
 * total); numbers and dates in the text are formatted by d8-format.c.
 */
#pragma once

#include <glib.h>

#include "d8-progress.h"
#include "d8-reporting.h"
#include "d8-store.h"
#include "d8-table-export.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------- settings */

/* Who issues and signs the report; kept in the store's meta table so the
 * window's Preferences and duan8-cli share them. Unset fields read as the
 * defaults of d8_store_get_report_settings(). */
typedef struct
{
  char *issuer_parent;   /* the superior body, first line top left; "" for none */
  char *issuer;          /* the issuing body, e.g. "HỘI LHPN TỈNH GIA LAI" */
  char *symbol;          /* the symbol after the number, e.g. "BC-HPN" */
  char *place;           /* the place before the date, e.g. "Gia Lai" */
  char *signer_capacity; /* "TM. BAN THƯỜNG VỤ"; "" for none */
  char *signer_title;    /* "CHỦ TỊCH" */
  char *signer_name;     /* the signer's full name; "" until set */
  char *recipients;      /* the "Nơi nhận" lines, separated by '\n' */
} D8ReportSettings;

void d8_report_settings_free (D8ReportSettings *settings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8ReportSettings, d8_report_settings_free)

/**
 * d8_store_get_report_settings:
 * @self: a store
 * @plan_id: the plan whose province names the defaults (0: none)
 * @error: (out) (optional): D8_ERROR_DATABASE
 *
 * Every field is set: the stored value, else a default — issuing body
 * "HỘI LHPN TỈNH <PROVINCE>" and place "<Province>" from the parent unit
 * of the plan's units, symbol "BC-HPN", "TM. BAN THƯỜNG VỤ" / "CHỦ TỊCH",
 * the name empty, the usual recipients (translated).
 *
 * Returns: (transfer full) (nullable): the settings.
 */
D8ReportSettings *d8_store_get_report_settings (D8Store *self, gint64 plan_id, GError **error);

/* The settings as stored: a field never set is NULL (it reads as its
 * default in d8_store_get_report_settings()). Preferences show the
 * defaults as placeholders; a change of one field writes this back with
 * that field changed, so the others keep following their defaults. */
D8ReportSettings *d8_store_get_report_settings_stored (D8Store *self, GError **error);

/**
 * d8_store_set_report_settings:
 * @self: a store
 * @settings: the new settings; a NULL field goes back to its default
 * @error: (out) (optional): D8_ERROR_INVALID naming the field when a text
 *   is longer than 10,000 characters; D8_ERROR_DATABASE
 *
 * Saves every field in one transaction (text normalised to NFC).
 *
 * Returns: TRUE when saved.
 */
gboolean d8_store_set_report_settings (D8Store *self, const D8ReportSettings *settings,
                                       GError **error);

/* ---------------------------------------------------------------- model */

/* One part of the body: a heading and its paragraphs. */
typedef struct
{
  int level;             /* 1: "I. RESULTS" (bold capitals); 2: "1. Content 1: …" (bold) */
  char *heading;         /* editable */
  GPtrArray *paragraphs; /* char*, editable; a paragraph starting "- " is a list item */
} D8ReportSection;

D8ReportSection *d8_report_section_new (int level, const char *heading);
void d8_report_section_free (D8ReportSection *section);
/* Appends a copy of @text as a paragraph. */
void d8_report_section_add (D8ReportSection *section, const char *text);

typedef struct
{
  char *plan_code;       /* for file names; not printed */
  char *period_code;     /* for file names; not printed */
  char *issuer_parent;   /* top left, first line ("" for none) */
  char *issuer;          /* top left, bold */
  char *number;          /* "Số:      /BC-HPN", under the issuing body */
  char *national_title;  /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" */
  char *motto;           /* "Độc lập - Tự do - Hạnh phúc" */
  char *place_date;      /* "Gia Lai, ngày 15 tháng 6 năm 2023", italic */
  char *title;           /* "BÁO CÁO", bold capitals */
  char *subtitle;        /* what it reports on, bold, under the title */
  GPtrArray *intro;      /* char*: paragraphs before the sections */
  GPtrArray *sections;   /* D8ReportSection*: results by content group, units
                          * behind, difficulties, proposals */
  char *appendix_title;  /* heading of the appendix table */
  D8Table *appendix;     /* per unit: quota / achieved / % per indicator; totals */
  GPtrArray *sheets;     /* D8Table*: the workbook's sheets (the appendix first) */
  char *recipients_heading; /* "Nơi nhận:" */
  GPtrArray *recipients; /* char*: "- UBND tỉnh (b/c);" … */
  char *signer_capacity; /* "TM. BAN THƯỜNG VỤ" ("" for none) */
  char *signer_title;    /* "CHỦ TỊCH" */
  char *signer_name;     /* "" leaves the space to write it by hand */
} D8OfficialReport;

D8OfficialReport *d8_official_report_new (void);
void d8_official_report_free (D8OfficialReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8OfficialReport, d8_official_report_free)

/* What a unit office wrote with its report for the period (its narrative:
 * results, difficulties, proposals, and a reason per indicator code). */
typedef struct
{
  gint64 unit_id;
  char *results;       /* may be NULL */
  char *difficulties;  /* may be NULL */
  char *proposals;     /* may be NULL */
  GHashTable *reasons; /* indicator code → reason; never NULL */
} D8OfficialNarrative;

D8OfficialNarrative *d8_official_narrative_new (gint64 unit_id);
void d8_official_narrative_free (D8OfficialNarrative *narrative);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8OfficialNarrative, d8_official_narrative_free)

/* The reporting period the report covers. */
typedef struct
{
  const char *code;         /* "2023-h1" */
  const char *title;        /* "6-month report 2023" as people read it */
  const char *start;        /* ISO: first day covered */
  const char *cutoff;       /* ISO: the figures are as of this date */
  const char *province_due; /* ISO: the province reports on or before it */
} D8OfficialPeriod;

/**
 * d8_official_report_build:
 * @overview: the plan's figures as of the period's cut-off
 *   (d8_store_compute_overview())
 * @period: the period
 * @settings: who issues and signs (d8_store_get_report_settings())
 * @date: ISO date printed as the document's date
 * @narratives: (element-type D8OfficialNarrative) (nullable): what the
 *   units wrote, in any order; units without one have none
 * @completeness: (nullable): a table of who reported for the period, added
 *   as a sheet of the workbook
 *
 * Writes the report from the figures: sentences per content group
 * (plural forms through ngettext), the units behind with their own
 * reasons, the units' difficulties and proposals, the appendix table.
 * Pure: reads nothing else, so tests give it any figures.
 *
 * Returns: (transfer full): the report.
 */
D8OfficialReport *d8_official_report_build (D8Overview *overview, const D8OfficialPeriod *period,
                                            const D8ReportSettings *settings, const char *date,
                                            GPtrArray *narratives, D8Table *completeness);

/**
 * d8_store_official_report:
 * @self: a store
 * @plan_id: a plan
 * @period_ref: a reporting period's code ("2023-h1", "2023-year")
 * @error: (out) (optional): D8_ERROR_NOT_FOUND naming @period_ref and the
 *   codes there are; D8_ERROR_INVALID at a unit office (the report is the
 *   province's); D8_ERROR_DATABASE
 *
 * Gathers the figures as of the period's cut-off, the settings and the
 * units' narratives, and builds the report (d8_official_report_build());
 * its date is today, or the province's due date when today is later.
 *
 * Returns: (transfer full) (nullable): the report.
 */
D8OfficialReport *d8_store_official_report (D8Store *self, gint64 plan_id, const char *period_ref,
                                            GError **error);

/**
 * d8_official_report_write_docx:
 * @report: a (possibly edited) report
 * @path: the .docx file; replaced atomically
 * @error: (out) (optional): a G_IO_ERROR naming @path
 *
 * Writes a WordprocessingML document (ECMA-376): A4 portrait with the
 * margins of Decree 30 (top and bottom 20 mm, left 30 mm, right 15 mm),
 * Times New Roman 14 pt (Liberation Serif and Tinos share its metrics),
 * the header block as a borderless two-column table, the appendix as a real
 * table on a landscape section with its header rows repeated. The zip
 * container is libgsf's, the XML libxml2's xmlTextWriter.
 *
 * Returns: TRUE when written.
 */
gboolean d8_official_report_write_docx (const D8OfficialReport *report, const char *path,
                                        GError **error);

/* Writes the report's tables (report->sheets) as an XLSX workbook
 * (d8_table_write_xlsx()): one sheet per view. */
gboolean d8_official_report_write_xlsx (const D8OfficialReport *report, const char *path,
                                        GError **error);

/**
 * d8_official_report_appendix:
 * @overview: the figures
 *
 * The appendix table alone (TT, unit, quota / achieved / % per indicator
 * of the appendix, the sum of the units, the plan's stated totals and
 * their difference): what the province page shows, for "Export Table…".
 *
 * Returns: (transfer full): the table.
 */
D8Table *d8_official_report_appendix (D8Overview *overview);

/**
 * d8_official_report_completeness:
 * @summary: a period's table (d8_store_period_summary())
 *
 * The workbook's sheet of who reported: every unit with its status word,
 * when its report arrived and whether on time, then the rates: what the
 * Reports view shows, for "Export Table…".
 *
 * Returns: (transfer full): the table.
 */
D8Table *d8_official_report_completeness (const D8PeriodSummary *summary);

G_END_DECLS
