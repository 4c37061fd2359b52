/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-reports-page.h — the Reports view: for one reporting period, every
 * unit of the plan with the status of its report (on time, late, missing,
 * returned, approved …) and the date it was received, the completeness and
 * timeliness rates, and the chosen unit's reported figures beside what the
 * entries give now. At the province it approves, returns and reopens
 * (reports.approve, reports.return, reports.reopen). */
#pragma once

#include <gtk/gtk.h>

#include "d8-reporting.h"
#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_REPORTS_PAGE (d8_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (D8ReportsPage, d8_reports_page, D8, REPORTS_PAGE, GtkWidget)

GtkWidget *d8_reports_page_new (void);

/* d8_reports_page_set_figures:
 * @self: the page
 * @store: the store the reports are read from (a reference is kept)
 * @overview: the window's figures (a reference is kept): the plan, its
 *   units and indicators
 *
 * Reads the plan's periods and the chosen period's table again; the
 * period and the unit chosen stay chosen when they still exist. */
void d8_reports_page_set_figures (D8ReportsPage *self, D8Store *store, D8Overview *overview);

/* The period shown (NULL when the plan has none); owned by the page. */
const D8ReportingPeriod *d8_reports_page_get_period (D8ReportsPage *self);
/* Shows the period whose code is @code; FALSE when the plan has none such. */
gboolean d8_reports_page_set_period (D8ReportsPage *self, const char *code);

/* The table shown (NULL before a period is read); owned by the page. */
const D8PeriodSummary *d8_reports_page_get_summary (D8ReportsPage *self);

/* Chooses the row of @unit_id; FALSE when the table has no such unit. */
gboolean d8_reports_page_select_unit (D8ReportsPage *self, gint64 unit_id);

/* For tests: the rows of the table, and what row @index shows, read from
 * the model the view shows: "name — status word — date received — figures"
 * (the date "–" when none; figures "–" without a report, else whether the
 * entries now give the reported figures or how many indicators differ). */
guint d8_reports_page_get_n_rows (D8ReportsPage *self);
char *d8_reports_page_describe_row (D8ReportsPage *self, guint index);
/* For tests: the three figures as the labels show them, "expected ·
 * received · on time". */
char *d8_reports_page_dup_rates_text (D8ReportsPage *self);

G_END_DECLS
