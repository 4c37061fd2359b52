/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-store-rollup.c — the store's part of the roll-up by parent: reading
 * the units the plan's units belong to (which a plan of communes does not
 * list in its appendix), and making the roll-up of an overview. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "d8-rollup.h"
#include "d8-store-private.h"

static gpointer
parent_from_row (sqlite3_stmt *stmt)
{
  return d8_store_unit_from_row (stmt);
}

/**
 * d8_store_list_parent_units:
 * @self: a store
 * @plan_id: a plan's id
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * Returns: (transfer full) (element-type D8Unit) (nullable): the parents of
 *   the plan's units (id, code, name, kind, level, parent), or NULL on error.
 */
GPtrArray *
d8_store_list_parent_units (D8Store *self, gint64 plan_id, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);

  stmt = d8_sql_prepare (self->db,
                         "SELECT " D8_UNIT_COLS ("p.") " FROM units p"
                         " WHERE p.id IN (SELECT u.parent_id FROM plan_units pu"
                         " JOIN units u ON u.id = pu.unit_id WHERE pu.plan_id = ?)"
                         " ORDER BY p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  return d8_store_collect (self, stmt, parent_from_row, (GDestroyNotify) d8_unit_free,
                           _("The units could not be read."), error);
}

/**
 * d8_store_compute_rollup:
 * @self: a store
 * @overview: an overview of one of its plans
 * @error: (out) (optional): D8_ERROR_DATABASE on failure
 *
 * Returns: (transfer full) (nullable): the overview's units grouped by
 *   parent with subtotals, or NULL on error.
 */
D8Rollup *
d8_store_compute_rollup (D8Store *self, D8Overview *overview, GError **error)
{
  g_autoptr (GPtrArray) parents = NULL;

  g_return_val_if_fail (D8_IS_STORE (self), NULL);
  g_return_val_if_fail (overview != NULL, NULL);

  parents = d8_store_list_parent_units (self, overview->plan->id, error);
  if (parents == NULL)
    return NULL;
  return d8_rollup_new (overview, parents);
}
