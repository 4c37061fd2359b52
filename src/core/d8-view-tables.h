/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-view-tables.h — the tables the window shows, as D8Table values
 * (d8-table-export.h) for people who take them to Excel: one unit's
 * indicators and a reporting period's reports (the province matrix is the
 * official report's appendix, d8_official_report_appendix()). The
 * words and statuses are the core's (d8-progress.h, d8-reporting.h), the
 * numbers stay numbers (counts, fractions), so a CSV or a workbook holds
 * exactly what the window shows. */
#pragma once

#include "d8-progress.h"
#include "d8-reporting.h"
#include "d8-table-export.h"

G_BEGIN_DECLS

/**
 * d8_view_table_unit:
 * @overview: the figures the unit page shows
 * @unit_index: the unit's index in @overview
 *
 * One row per indicator: code, name, unit of count, quota, achieved
 * (women reached for a percent indicator), target group, %, status word.
 *
 * Returns: (transfer full): the table; sheet name the unit's name.
 */
D8Table *d8_view_table_unit (D8Overview *overview, guint unit_index);

/**
 * d8_view_table_reports:
 * @summary: a period's table (d8_store_period_summary())
 *
 * One row per unit: TT, unit, the status word (d8_period_status_to_label()),
 * received and decided (local date and time, empty when none), the
 * submission number, the reason of a return or reopening; then the rates:
 * expected, received, on time as counts and shares.
 *
 * Returns: (transfer full): the table; sheet name "Reports".
 */
D8Table *d8_view_table_reports (const D8PeriodSummary *summary);

G_END_DECLS
