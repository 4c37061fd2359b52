/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-cli-report.h — what a duan8-cli command prints, independent of how.
 *
 * A command fills a report: the plan it is about, a few scalar fields
 * ("as_of"), and tables of rows with named, typed columns. One emitter
 * renders any report three ways:
 *   table — aligned columns for people, numbers and dates in the UI language;
 *   csv   — the first table only, RFC 4180 quoting, locale-independent;
 *   json  — one object: "plan", the fields, and every table as an array.
 * Column names are the stable machine interface (docs/cli.md); labels are
 * translatable headers for the table format only.
 */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "d8-progress.h"
#include "d8-table-export.h"
#include "d8-types.h"

G_BEGIN_DECLS

typedef enum
{
  D8_CLI_FORMAT_TABLE,
  D8_CLI_FORMAT_CSV,
  D8_CLI_FORMAT_JSON,
} D8CliFormat;

typedef enum
{
  D8_CLI_TEXT,    /* UTF-8 text */
  D8_CLI_INT,     /* a whole number */
  D8_CLI_DATE,    /* an ISO date; shown in the UI language in tables */
  D8_CLI_PERCENT, /* a fraction (0.125); written as 12.5 with one decimal */
  D8_CLI_STATUS,  /* a D8Status: machine name in files, translated label in tables */
  D8_CLI_BOOL,
  D8_CLI_PERIOD_STATUS, /* a D8PeriodStatus (d8-reporting.h): machine name in files, word in tables */
} D8CliType;

typedef enum
{
  D8_CLI_COLUMN_DEFAULT = 0,
  D8_CLI_COLUMN_NO_TABLE = 1 << 0, /* machine formats only (timestamps, codes) */
  D8_CLI_COLUMN_NO_CSV = 1 << 1,   /* JSON (and table) only */
  D8_CLI_COLUMN_VERBATIM = 1 << 2, /* the label is data (an indicator code), not a msgid */
  D8_CLI_COLUMN_UNGROUPED = 1 << 3, /* a number shown without digit grouping (a year, an id) */
  D8_CLI_COLUMN_KEYWORD = 1 << 4,   /* a machine word ("district", "count", "province"):
                                     * as is in files, translated (context "keyword") in tables */
} D8CliColumnFlags;

typedef struct
{
  const char *name;  /* stable machine name, never translated */
  const char *label; /* header for the table format, marked for translation */
  D8CliType type;
  D8CliColumnFlags flags;
} D8CliColumn;

typedef struct _D8CliTable D8CliTable;
typedef struct _D8CliReport D8CliReport;

/* @key: the table's name in JSON; @title: a translated heading for the
 * table format, or NULL. @columns is copied; labels are untranslated msgids,
 * translated here unless D8_CLI_COLUMN_VERBATIM. */
D8CliTable *d8_cli_table_new (const char *key, const char *title, const D8CliColumn *columns,
                              guint n_columns);
void d8_cli_table_free (D8CliTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8CliTable, d8_cli_table_free)

/* Starts a new row; the setters below fill it. Unset cells are null
 * (empty in CSV, null in JSON, "–" or blank in tables). */
void d8_cli_table_add_row (D8CliTable *table);
guint d8_cli_table_get_n_rows (D8CliTable *table);
void d8_cli_table_set_text (D8CliTable *table, const char *column, const char *text);
void d8_cli_table_set_int (D8CliTable *table, const char *column, gint64 value);
/* NAN and infinities leave the cell null. */
void d8_cli_table_set_double (D8CliTable *table, const char *column, double value);
void d8_cli_table_set_status (D8CliTable *table, const char *column, D8Status status);
void d8_cli_table_set_bool (D8CliTable *table, const char *column, gboolean value);
void d8_cli_table_set_period_status (D8CliTable *table, const char *column, int status);

D8CliReport *d8_cli_report_new (void);
void d8_cli_report_free (D8CliReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8CliReport, d8_cli_report_free)

void d8_cli_report_set_plan (D8CliReport *report, const D8Plan *plan);
/* Scalar fields: a JSON member and a "Label: value" line in tables.
 * @type of a text field is D8_CLI_TEXT or D8_CLI_DATE; @label is an untranslated msgid. */
void d8_cli_report_add_text_field (D8CliReport *report, const char *name, const char *label,
                                   D8CliType type, const char *text);
void d8_cli_report_add_percent_field (D8CliReport *report, const char *name, const char *label,
                                      double fraction);
/* Takes ownership. The first table added is the one CSV writes. */
void d8_cli_report_add_table (D8CliReport *report, D8CliTable *table);
/* Takes ownership of @table, the report's next table, and streams its rows
 * to @out in CSV and JSON (see the function's documentation). */
void d8_cli_report_stream_table (D8CliReport *report, D8CliTable *table, D8CliFormat format,
                                 FILE *out);
/* A sentence for people, printed after the tables in the table format only. */
void d8_cli_report_add_note (D8CliReport *report, const char *text);

void d8_cli_report_write (D8CliReport *report, D8CliFormat format, FILE *out);

/* RFC 4180: quotes @text when it holds a comma, quote or line break
 * (d8_csv_append_cell()). */
void d8_cli_csv_append (GString *out, const char *text);
/* How CSV is written: plain (default) or for Excel (--excel: UTF-8
 * byte-order mark, CRLF). Set before the report starts writing. */
void d8_cli_report_set_csv_dialect (D8CliReport *report, D8CsvDialect dialect);

G_END_DECLS
