/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-mapping.h — the Mapping tab of the plan import preview (issue 12
 * item 2): for a table, each column's header → an indicator (the one found,
 * an indicator of the plan copied from, a new one, or none: the column is
 * ignored), and each row → a unit (the one found, a unit of the database,
 * or a new unit of a chosen level). What a person changes is kept in two
 * maps the import reads (D8PlanImportOptions.column_map and .unit_map);
 * "changed" says the preview should be read again. */
#pragma once

#include <adwaita.h>

#include "d8-plan-import.h"
#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_PLAN_MAPPING (d8_plan_mapping_get_type ())
G_DECLARE_FINAL_TYPE (D8PlanMapping, d8_plan_mapping, D8, PLAN_MAPPING, GtkBox)

/* Returns: (transfer floating): an empty mapping for the units of @store. */
GtkWidget *d8_plan_mapping_new (D8Store *store);

/* d8_plan_mapping_set_preview:
 * @preview: (nullable): the table's preview, read with this mapping's
 *   maps; NULL (or a plan file) shows nothing to adjust
 * @has_from: whether a plan to copy from was chosen: its indicators are
 *   offered for the columns
 * Shows each column and row with what it maps to now. Emits nothing. */
void d8_plan_mapping_set_preview (D8PlanMapping *self, const D8PlanPreview *preview,
                                  gboolean has_from);

/* The maps to put in D8PlanImportOptions (borrowed; NULL when empty):
 * header text → indicator code, "+" or "-"; row name → unit code or
 * "+LEVEL". */
GHashTable *d8_plan_mapping_get_column_map (D8PlanMapping *self);
GHashTable *d8_plan_mapping_get_unit_map (D8PlanMapping *self);

/* d8_plan_mapping_load:
 * @path: a mapping file (d8_plan_import_read_mapping())
 * @error: (out) (optional): the file's problem, named
 * Open Mapping…: replaces the choices with the file's and emits "changed"
 * (from an idle); says under the buttons what was read, or what is wrong
 * with the file (the choices are then kept).
 * Returns: %TRUE when the file was read. */
gboolean d8_plan_mapping_load (D8PlanMapping *self, const char *path, GError **error);

/* d8_plan_mapping_save:
 * @path: the file to write (d8_plan_import_write_mapping())
 * @error: (out) (optional): why it could not be written
 * Save Mapping…: writes the choices; says under the buttons where.
 * Returns: %TRUE when the file was written. */
gboolean d8_plan_mapping_save (D8PlanMapping *self, const char *path, GError **error);

/* For tests: sets the choice of a column (by header text) or a row (by its
 * name as written), as the combo rows do: @value is an indicator or unit
 * code, "+", "-", "+LEVEL", or NULL for automatic. Emits "changed" (from
 * an idle). */
void d8_plan_mapping_choose_column (D8PlanMapping *self, const char *header, const char *value);
void d8_plan_mapping_choose_unit (D8PlanMapping *self, const char *name, const char *value);

G_END_DECLS
