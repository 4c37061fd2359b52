/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-export.h — a plan out of the store: as a plan file
 * (docs/plan-format.md, ".duan8-plan.json"), or its appendix as CSV or
 * XLSX in the layout of the document (TT, unit, one column per indicator,
 * the totals row). Importing what is exported gives the same quotas, cell
 * by cell ("-", blank and 0 kept apart).
 */
#pragma once

#include "d8-store.h"

G_BEGIN_DECLS

typedef enum
{
  D8_PLAN_EXPORT_JSON,
  D8_PLAN_EXPORT_CSV,  /* UTF-8 with BOM, ";" and CRLF, as Excel on a Vietnamese system reads */
  D8_PLAN_EXPORT_XLSX,
} D8PlanExportFormat;

/* The format a file name asks for: ".json", ".csv" or ".xlsx" (any case).
 * FALSE for another suffix. */
gboolean d8_plan_export_format_for_path (const char *path, D8PlanExportFormat *format);

/* The plan file of @plan_id as text (its units with their parents and
 * validity, groups, indicators, appendix, stated targets). */
char *d8_plan_export_to_json (D8Store *store, gint64 plan_id, GError **error);

/* Writes @plan_id to @path in @format, atomically (a temporary file, then
 * renamed). Errors: D8_ERROR_NOT_FOUND for an unknown plan, file errors. */
gboolean d8_plan_export (D8Store *store, gint64 plan_id, D8PlanExportFormat format,
                         const char *path, GError **error);

G_END_DECLS
