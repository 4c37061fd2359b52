/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-rollup.h — the units of a plan grouped under their parents (former
 * districts in a provincial plan of communes, provinces in a national plan),
 * with subtotals per group and the units behind in each. Pure arithmetic
 * over an overview; d8_store_compute_rollup() reads the parents' names.
 */
#pragma once

#include <glib.h>

#include "d8-progress.h"
#include "d8-store.h"
#include "d8-types.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 parent_id; /* 0 for the units without a parent */
  char *code;       /* the parent's code; NULL when none */
  char *name;       /* the parent's name; NULL when none */
  GArray *units;    /* guint: indices into overview->units, in plan order */
  D8Cell *cells;    /* per indicator: sums over the group's units */
  double overall;   /* mean capped completion of the subtotals, NAN when none */
  guint n_behind;   /* units of the group with the status "behind" on at least one
                     * indicator (d8_overview_unit_has_status()) */
} D8RollupGroup;

typedef struct
{
  D8Overview *overview; /* a reference */
  GPtrArray *groups;    /* D8RollupGroup*, in the order their first unit appears */
  guint *unit_group;    /* per unit: the index of its group */
} D8Rollup;

D8Rollup *d8_rollup_new (D8Overview *overview, GPtrArray *parents);
void d8_rollup_free (D8Rollup *rollup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8Rollup, d8_rollup_free)

gboolean d8_rollup_is_grouped (const D8Rollup *rollup);
const char *d8_rollup_group_label (const D8RollupGroup *group);

/* Reads the parents of the plan's units (d8-store-rollup.c). */
GPtrArray *d8_store_list_parent_units (D8Store *self, gint64 plan_id, GError **error);
D8Rollup *d8_store_compute_rollup (D8Store *self, D8Overview *overview, GError **error);

G_END_DECLS
