/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-view-tables.h — the unit page's table as a D8Table value
 * (d8-table-export.h) for people who take it to Excel. The province page
 * and the Reports view export the official report's own sheets
 * (d8_official_report_appendix(), d8_official_report_completeness()), so
 * each table is defined once. The
 * words and statuses are the core's (d8-progress.h, d8-reporting.h), the
 * numbers stay numbers (counts, fractions), so a CSV or a workbook holds
 * exactly what the window shows. */
#pragma once

#include "d8-progress.h"
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

G_END_DECLS
