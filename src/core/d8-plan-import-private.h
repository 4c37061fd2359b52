/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-import-private.h — for the files of plan import only:
 * d8-plan-import.c (the object and its preview), d8-plan-import-sheet.c
 * (a table mapped to a plan file), d8-plan-import-revision.c (writing a
 * revision), d8-plan-import-mapping.c (mapping files) and d8-store-plans.c
 * (writing units). Never included outside src/core.
 */
#pragma once

#include "d8-plan-file.h"
#include "d8-plan-import.h"
#include "d8-spreadsheet.h"

G_BEGIN_DECLS

/* What a table is mapped against. */
typedef struct
{
  const D8PlanImportOptions *options;
  const D8Plan *from;         /* the --from plan, or NULL */
  GPtrArray *from_units;      /* D8Unit* of that plan, or NULL */
  GPtrArray *from_indicators; /* D8Indicator* of that plan, or NULL */
  GPtrArray *store_units;     /* D8Unit* of the whole store (position 0) */
  GHashTable *store_codes;    /* unit code → D8Unit* (borrowed from store_units) */
  GHashTable *unit_rows;      /* out: unit code → 1-based sheet row, for the preview */
  GHashTable *unit_labels;    /* out: unit code → the name as the row writes it */
  GPtrArray *headers;         /* out: table_headers of the preview */
  GPtrArray *header_codes;    /* out: header_codes of the preview */
} D8PlanSheetContext;

/* Maps @sheet to a plan file; sentences for the preview go to
 * @warnings. D8_ERROR_PLAN_FORMAT naming @source_name and the row or cell
 * on any problem. */
D8PlanFile *d8_plan_import_map_sheet (const D8Sheet *sheet, D8PlanSheetContext *ctx,
                                      const char *source_name, GPtrArray *warnings,
                                      GError **error);

/* Every unit of the store, for matching names and codes. */
GPtrArray *d8_plan_import_list_store_units (D8Store *store, GError **error);

/* In d8-store-plans.c: a unit's id by its code (0 if none), and the
 * units of @file written (new ones inserted, parents linked); the caller
 * holds the transaction. */
gint64 d8_store_unit_id_by_code (D8Store *store, const char *code);
gboolean d8_store_insert_plan_units (D8Store *store, D8PlanFile *file, GError **error);

/* Writes @file as a revision of @plan_id (its code): new units join the
 * plan, changed quotas and stated totals are updated and their old values
 * kept in the history under a new revision with the file's document
 * number and date. The caller holds the transaction. In
 * d8-plan-import-revision.c. */
gboolean d8_store_insert_plan_revision (D8Store *store, gint64 plan_id, D8PlanFile *file,
                                        GError **error);

/* A code of ASCII letters, digits and dashes from a name ("Ia Hrú" →
 * "ia-hru"); "unit" when nothing is left. In d8-plan-import-sheet.c. */
char *d8_plan_import_slug (const char *text);

/* One cell of the appendix set to (@has, @quota, @written) when it
 * differs; with @revision_id ≠ 0 its old value goes to quota_history under
 * that revision. The caller holds the transaction. */
gboolean d8_store_revise_quota (D8Store *store, gint64 revision_id, gint64 plan_id,
                                gint64 unit_id, gint64 indicator_id, gboolean has, gint64 quota,
                                const char *written, GError **error);
/* The stated target of @indicator_id set to @indicator's has_target,
 * target, target_written and target_source, with history as above. */
gboolean d8_store_revise_target (D8Store *store, gint64 revision_id, gint64 plan_id,
                                 gint64 indicator_id, const D8Indicator *indicator,
                                 GError **error);

/* d8-plan-import-mapping.c: the names of a mapping's map not in @except
 * (nullable), in order; borrowed from @map. */
GPtrArray *d8_plan_mapping_names (GHashTable *map, GHashTable *except);

G_END_DECLS
