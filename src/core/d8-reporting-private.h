/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-reporting-private.h — what d8-store-reports.c shares with the
 * bundle's reports (d8-bundle-reports.c); core only. */
#pragma once

#include <json-glib/json-glib.h>

#include "d8-reporting.h"

G_BEGIN_DECLS

/* The plan file's "reporting" member (d8-reporting.c). */
void d8_plan_periods_to_json (JsonBuilder *b, GPtrArray *periods);

/* A new empty array of D8PeriodRow* (d8-reporting.c). */
GPtrArray *d8_period_rows_new (void);

/* @report as stored for (period, unit); NULL without an error when none.
 * @period_code is matched case-insensitively within @plan_id. */
D8UnitReport *d8_store_find_report (D8Store *self, gint64 plan_id, const char *period_code,
                                    gint64 unit_id, GError **error);

/* Writes @report's row (insert or replace by period and unit) and, when
 * report->figures is not NULL, replaces its figures. Sets report->id. The
 * caller holds the transaction. */
gboolean d8_store_write_report (D8Store *self, D8UnitReport *report, GError **error);

/* Appends a step to the history of report @report_id; @at NULL: now. */
gboolean d8_store_add_report_event (D8Store *self, gint64 report_id, const char *office,
                                    const char *action, int submission, const char *reason,
                                    const char *at, GError **error);

/* The D8Status of a machine name ("behind"); FALSE for another text. */
gboolean d8_status_from_string (const char *text, D8Status *status);

/* The message of D8_ERROR_LOCKED for the approved @report (unit, period). */
void d8_reporting_set_locked_error (GError **error, const D8UnitReport *report,
                                    const D8ReportingPeriod *period);

G_END_DECLS
