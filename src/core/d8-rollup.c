/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-rollup.c — subtotals per parent group (see d8-rollup.h).
 *
 * A group's subtotal of an indicator sums its units' quotas, achieved
 * amounts and group sizes, and is judged like a unit's cell: against the
 * sum of the quotas, at the same expected pace. Nothing is ever judged
 * against a total the plan does not state for the group.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "d8-rollup.h"

static void
group_free (gpointer data)
{
  D8RollupGroup *group = data;

  g_free (group->code);
  g_free (group->name);
  g_array_unref (group->units);
  g_free (group->cells);
  g_free (group);
}

static D8RollupGroup *
group_new (gint64 parent_id, const D8Unit *parent, guint n_indicators)
{
  D8RollupGroup *group = g_new0 (D8RollupGroup, 1);

  group->parent_id = parent_id;
  group->code = parent ? g_strdup (parent->code) : NULL;
  group->name = parent ? g_strdup (parent->name) : NULL;
  group->units = g_array_new (FALSE, FALSE, sizeof (guint));
  group->cells = g_new0 (D8Cell, MAX (n_indicators, 1));
  return group;
}

/**
 * d8_rollup_new:
 * @overview: an overview, evaluated
 * @parents: (nullable) (element-type D8Unit): the units' parents, for their
 *   codes and names; a parent missing here makes a group without a name
 *
 * Groups the units of @overview by parent, in the order the plan lists
 * them, and computes each group's subtotals and its units behind.
 *
 * Returns: (transfer full): the roll-up; free with d8_rollup_free().
 */
D8Rollup *
d8_rollup_new (D8Overview *overview, GPtrArray *parents)
{
  D8Rollup *rollup;
  g_autoptr (GHashTable) by_parent = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_ind;

  g_return_val_if_fail (overview != NULL, NULL);

  n_ind = overview->indicators->len;
  rollup = g_new0 (D8Rollup, 1);
  rollup->overview = d8_overview_ref (overview);
  rollup->groups = g_ptr_array_new_with_free_func (group_free);
  rollup->unit_group = g_new0 (guint, MAX (overview->units->len, 1));

  for (guint u = 0; u < overview->units->len; u++)
    {
      const D8Unit *unit = overview->units->pdata[u];
      gpointer index;
      D8RollupGroup *group;

      if (!g_hash_table_lookup_extended (by_parent, &unit->parent_id, NULL, &index))
        {
          const D8Unit *parent = NULL;

          for (guint p = 0; parents != NULL && p < parents->len && unit->parent_id != 0; p++)
            if (((const D8Unit *) parents->pdata[p])->id == unit->parent_id)
              parent = parents->pdata[p];
          group = group_new (unit->parent_id, parent, n_ind);
          index = GUINT_TO_POINTER (rollup->groups->len);
          g_ptr_array_add (rollup->groups, group);
          /* the key lives as long as the overview's unit */
          g_hash_table_insert (by_parent, (gpointer) &unit->parent_id, index);
        }
      group = rollup->groups->pdata[GPOINTER_TO_UINT (index)];
      rollup->unit_group[u] = GPOINTER_TO_UINT (index);
      g_array_append_val (group->units, u);
      if (d8_overview_unit_has_status (overview, u, D8_STATUS_BEHIND))
        group->n_behind++;
      for (guint i = 0; i < n_ind; i++)
        {
          const D8Cell *cell = d8_overview_cell (overview, u, i);
          D8Cell *sum = &group->cells[i];

          sum->achieved += cell->achieved;
          sum->group_size += cell->group_size;
          sum->n_entries += cell->n_entries;
          if (cell->has_quota)
            {
              sum->has_quota = TRUE;
              sum->quota += cell->quota;
            }
        }
    }

  for (guint g = 0; g < rollup->groups->len; g++)
    {
      D8RollupGroup *group = rollup->groups->pdata[g];

      for (guint i = 0; i < n_ind; i++)
        d8_cell_evaluate (&group->cells[i], overview->indicators->pdata[i], overview->expected);
      group->overall = n_ind > 0 ? d8_progress_overall (group->cells, overview->indicators) : NAN;
    }
  return rollup;
}

/**
 * d8_rollup_free:
 * @rollup: (nullable): a roll-up
 *
 * Frees @rollup and drops its reference on the overview.
 */
void
d8_rollup_free (D8Rollup *rollup)
{
  if (rollup == NULL)
    return;
  g_ptr_array_unref (rollup->groups);
  g_free (rollup->unit_group);
  d8_overview_unref (rollup->overview);
  g_free (rollup);
}

/**
 * d8_rollup_is_grouped:
 * @rollup: a roll-up
 *
 * Returns: TRUE when the units fall in two groups or more; a plan whose
 *   units all share one parent (the districts of one province) is shown
 *   as one flat list.
 */
gboolean
d8_rollup_is_grouped (const D8Rollup *rollup)
{
  g_return_val_if_fail (rollup != NULL, FALSE);
  return rollup->groups->len > 1;
}

/**
 * d8_rollup_group_label:
 * @group: a group
 *
 * Returns: (transfer none): the parent's name, or a translated "Other
 *   units" for the units without a (known) parent.
 */
const char *
d8_rollup_group_label (const D8RollupGroup *group)
{
  g_return_val_if_fail (group != NULL, NULL);
  /* Translators: the group of units that have no parent unit */
  return group->name != NULL ? group->name : _("Other units");
}
