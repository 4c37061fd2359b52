/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-compare.c — plans side by side (see d8-plan-compare.h and
 * docs/progress.md, "Comparing plans").
 *
 * Each plan's figures are its overview, computed by the store with the
 * rules of d8-progress.c; here indicators are matched across plans, the
 * plans' units are put in rows, and figures are added up. Sums are judged
 * again by d8_cell_evaluate(), never by a rule of this file.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-format.h"
#include "d8-plan-compare.h"
#include "d8-store-private.h"

/* Parent chains longer than this are taken as a cycle (plan files refuse
 * cycles; this only keeps a damaged database from looping). */
#define MAX_DEPTH 64

const char *
d8_compare_by_to_string (D8CompareBy by)
{
  switch (by)
    {
    case D8_COMPARE_BY_PROVINCE:
      return "province";
    case D8_COMPARE_BY_PARENT:
      return "parent";
    case D8_COMPARE_BY_UNIT:
      return "unit";
    }
  g_return_val_if_reached ("province");
}

gboolean
d8_compare_by_from_string (const char *name, D8CompareBy *by)
{
  const D8CompareBy all[] = { D8_COMPARE_BY_PROVINCE, D8_COMPARE_BY_PARENT, D8_COMPARE_BY_UNIT };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (all); i++)
    if (g_str_equal (name, d8_compare_by_to_string (all[i])))
      {
        *by = all[i];
        return TRUE;
      }
  return FALSE;
}

static void
compare_indicator_free (gpointer data)
{
  D8CompareIndicator *ind = data;

  g_free (ind->code);
  g_free (ind->name);
  g_free (ind->count_unit);
  g_free (ind->index);
  g_free (ind);
}

static void
compare_row_free (gpointer data)
{
  D8CompareRow *row = data;

  g_free (row->code);
  g_free (row->name);
  g_free (row->figures);
  g_free (row);
}

/**
 * d8_plan_compare_free:
 * @compare: (nullable): a comparison
 *
 * Frees @compare and drops its references on the overviews.
 */
void
d8_plan_compare_free (D8PlanCompare *compare)
{
  if (compare == NULL)
    return;
  g_free (compare->as_of);
  g_ptr_array_unref (compare->overviews);
  g_ptr_array_unref (compare->indicators);
  g_ptr_array_unref (compare->rows);
  g_free (compare->totals);
  g_free (compare);
}

guint
d8_plan_compare_n_plans (const D8PlanCompare *compare)
{
  g_return_val_if_fail (compare != NULL, 0);
  return compare->overviews->len;
}

/**
 * d8_plan_compare_figures:
 * @compare: a comparison
 * @row: (nullable): one of compare->rows, or NULL for the province
 * @plan: a plan's index (0 … n_plans - 1), or n_plans for the phase
 * @indicator: an index into compare->indicators
 *
 * Returns: (transfer none): the figures; ->present is FALSE where the plan
 *   has no such indicator (or, for a row, no unit of the row).
 */
const D8CompareFigures *
d8_plan_compare_figures (const D8PlanCompare *compare, const D8CompareRow *row, guint plan,
                         guint indicator)
{
  guint n_ind;

  g_return_val_if_fail (compare != NULL, NULL);
  g_return_val_if_fail (plan <= compare->overviews->len, NULL);
  g_return_val_if_fail (indicator < compare->indicators->len, NULL);

  n_ind = compare->indicators->len;
  return &(row ? row->figures : compare->totals)[plan * n_ind + indicator];
}

/**
 * d8_plan_compare_find_indicator:
 * @compare: a comparison
 * @code: an indicator code, case-insensitive ("1", "SM")
 *
 * Returns: the index into compare->indicators of the indicator that has
 *   the code @code in the first plan having it, else in any plan; -1 when
 *   none has.
 */
int
d8_plan_compare_find_indicator (const D8PlanCompare *compare, const char *code)
{
  g_return_val_if_fail (compare != NULL && code != NULL, -1);

  for (guint k = 0; k < compare->indicators->len; k++)
    if (g_ascii_strcasecmp (((D8CompareIndicator *) compare->indicators->pdata[k])->code, code)
        == 0)
      return (int) k;
  for (guint k = 0; k < compare->indicators->len; k++)
    {
      const D8CompareIndicator *ind = compare->indicators->pdata[k];

      for (guint p = 0; p < compare->overviews->len; p++)
        {
          const D8Overview *ov = compare->overviews->pdata[p];

          if (ind->index[p] >= 0
              && g_ascii_strcasecmp (((D8Indicator *) ov->indicators->pdata[ind->index[p]])->code,
                                     code) == 0)
            return (int) k;
        }
    }
  return -1;
}

/* ------------------------------------------------ matching indicators */

/* The indicators of some plans as one numbering: node = offset[p] + i. */
typedef struct
{
  GPtrArray *lists; /* per plan: its indicators (D8Indicator*), borrowed */
  guint *offset;    /* per plan, and the total at [n_plans] */
  guint *parent;    /* union–find */
  guint *plan_of;   /* per node */
} Nodes;

static void
nodes_init (Nodes *n, GPtrArray *lists)
{
  guint n_plans = lists->len, n_nodes = 0;

  n->lists = lists;
  n->offset = g_new0 (guint, n_plans + 1);
  for (guint p = 0; p < n_plans; p++)
    {
      n->offset[p] = n_nodes;
      n_nodes += ((GPtrArray *) lists->pdata[p])->len;
    }
  n->offset[n_plans] = n_nodes;
  n->parent = g_new (guint, MAX (n_nodes, 1));
  n->plan_of = g_new (guint, MAX (n_nodes, 1));
  for (guint p = 0; p < n_plans; p++)
    for (guint x = n->offset[p]; x < n->offset[p + 1]; x++)
      {
        n->parent[x] = x;
        n->plan_of[x] = p;
      }
}

static void
nodes_clear (Nodes *n)
{
  g_clear_pointer (&n->offset, g_free);
  g_clear_pointer (&n->parent, g_free);
  g_clear_pointer (&n->plan_of, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Nodes, nodes_clear)

static guint
find_root (Nodes *n, guint x)
{
  while (n->parent[x] != x)
    x = n->parent[x] = n->parent[n->parent[x]];
  return x;
}

static void
join (Nodes *n, guint x, guint y)
{
  x = find_root (n, x);
  y = find_root (n, y);
  /* the root is the earlier node, so a group is named by its first plan */
  if (x < y)
    n->parent[y] = x;
  else if (y < x)
    n->parent[x] = y;
}

/* Whether the groups of @x and @y hold indicators of one plan both. */
static gboolean
groups_share_plan (Nodes *n, guint x, guint y)
{
  guint n_nodes = n->offset[n->lists->len];
  guint rx = find_root (n, x), ry = find_root (n, y);

  if (rx == ry)
    return FALSE;
  for (guint i = 0; i < n_nodes; i++)
    if (find_root (n, i) == rx)
      for (guint j = 0; j < n_nodes; j++)
        if (find_root (n, j) == ry && n->plan_of[i] == n->plan_of[j])
          return TRUE;
  return FALSE;
}

static const D8Indicator *
node_indicator (Nodes *n, guint node)
{
  guint p = n->plan_of[node];

  return ((GPtrArray *) n->lists->pdata[p])->pdata[node - n->offset[p]];
}

/* The matching rule (docs/progress.md, "Comparing plans"): the user's
 * links join indicators first; then (@match_codes) two indicators of
 * different plans with the same code and kind join, in the plans' order,
 * unless that would put two indicators of one plan together (a link said
 * they differ). */
static void
match_indicators (Nodes *n, GArray *links, gboolean match_codes)
{
  guint n_plans = n->lists->len;
  g_autoptr (GHashTable) node_of = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint x = 0; x < n->offset[n_plans]; x++)
    g_hash_table_insert (node_of, (gpointer) &node_indicator (n, x)->id, GUINT_TO_POINTER (x));
  for (guint l = 0; links != NULL && l < links->len; l++)
    {
      const D8IndicatorLink *link = &g_array_index (links, D8IndicatorLink, l);
      gpointer a, b;

      if (g_hash_table_lookup_extended (node_of, &link->a, NULL, &a)
          && g_hash_table_lookup_extended (node_of, &link->b, NULL, &b))
        join (n, GPOINTER_TO_UINT (a), GPOINTER_TO_UINT (b));
    }
  for (guint x = 0; match_codes && x < n->offset[n_plans]; x++)
    for (guint y = n->offset[n->plan_of[x] + 1]; y < n->offset[n_plans]; y++)
      {
        const D8Indicator *ix = node_indicator (n, x), *iy = node_indicator (n, y);

        if (ix->kind == iy->kind && g_ascii_strcasecmp (ix->code, iy->code) == 0
            && !groups_share_plan (n, x, y))
          join (n, x, y);
      }
}

/* One D8CompareIndicator per group, in the order their first member comes;
 * a group with two indicators of one plan is refused. */
static GPtrArray *
collect_indicators (Nodes *n, GPtrArray *overviews, GError **error)
{
  guint n_plans = n->lists->len;
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (compare_indicator_free);
  g_autoptr (GHashTable) by_root = g_hash_table_new (NULL, NULL);

  for (guint x = 0; x < n->offset[n_plans]; x++)
    {
      guint root = find_root (n, x), p = n->plan_of[x];
      const D8Indicator *indicator = node_indicator (n, x);
      D8CompareIndicator *ind;
      gpointer k;

      if (!g_hash_table_lookup_extended (by_root, GUINT_TO_POINTER (root + 1), NULL, &k))
        {
          ind = g_new0 (D8CompareIndicator, 1);
          ind->code = g_strdup (indicator->code);
          ind->kind = indicator->kind;
          ind->index = g_new (int, n_plans);
          for (guint q = 0; q < n_plans; q++)
            ind->index[q] = -1;
          k = GUINT_TO_POINTER (result->len);
          g_hash_table_insert (by_root, GUINT_TO_POINTER (root + 1), k);
          g_ptr_array_add (result, ind);
        }
      ind = result->pdata[GPOINTER_TO_UINT (k)];
      if (ind->index[p] >= 0)
        {
          const D8Overview *ov = overviews->pdata[p];
          const D8Indicator *other = ov->indicators->pdata[ind->index[p]];

          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       /* Translators: two indicator codes, a plan's code, an indicator code */
                       _("Indicators %s and %s of plan %s both match indicator %s of another "
                         "plan. Link each to the one it continues (link-indicator), so that "
                         "every plan has one."),
                       other->code, indicator->code, ov->plan->code, ind->code);
          return NULL;
        }
      ind->index[p] = (int) (x - n->offset[p]);
      /* the latest plan's words */
      g_free (ind->name);
      g_free (ind->count_unit);
      ind->name = g_strdup (indicator->name_vi);
      ind->count_unit = g_strdup (indicator->count_unit);
    }
  return g_steal_pointer (&result);
}

/* --------------------------------------------------------------- rows */

static const D8Unit *
lookup_unit (GHashTable *units, gint64 id)
{
  return id != 0 && units != NULL ? g_hash_table_lookup (units, &id) : NULL;
}

/* The topmost proper ancestor of @unit that one of the compared plans
 * allocates to (@allocated), or 0. */
static gint64
former_unit (GHashTable *units, GHashTable *allocated, const D8Unit *unit)
{
  gint64 found = 0;
  const D8Unit *u = unit;

  for (guint depth = 0; u != NULL && u->parent_id != 0 && depth < MAX_DEPTH; depth++)
    {
      if (g_hash_table_contains (allocated, &u->parent_id))
        found = u->parent_id;
      u = lookup_unit (units, u->parent_id);
    }
  return found;
}

/* The row a unit of plan @p goes in, by the rule of docs/progress.md:
 * by unit, the unit itself; by parent, its former unit when it has one,
 * else the unit itself — or its parent when other units of its plan have a
 * former unit (a plan after the reform: the communes of the new province
 * whose district no plan allocated). */
static gint64
row_key (D8CompareBy by, GHashTable *units, GHashTable *allocated, gboolean plan_has_former,
         const D8Unit *unit)
{
  gint64 former;

  switch (by)
    {
    case D8_COMPARE_BY_UNIT:
      return unit->id;
    case D8_COMPARE_BY_PARENT:
      former = former_unit (units, allocated, unit);
      if (former != 0)
        return former;
      return plan_has_former ? unit->parent_id : unit->id;
    case D8_COMPARE_BY_PROVINCE:
      break;
    }
  g_return_val_if_reached (0);
}

static D8CompareRow *
row_new (gint64 key, const D8Unit *unit, guint n_figures)
{
  D8CompareRow *row = g_new0 (D8CompareRow, 1);

  row->unit_id = key;
  row->code = unit ? g_strdup (unit->code) : NULL;
  /* Translators: the row of units that have no parent unit */
  row->name = g_strdup (unit ? unit->name : _("Other units"));
  row->figures = g_new0 (D8CompareFigures, MAX (n_figures, 1));
  return row;
}

/* Adds a unit's cell to a row's figures of one plan. */
static void
add_cell (D8CompareFigures *fig, const D8Cell *cell)
{
  fig->present = TRUE;
  fig->cell.achieved += cell->achieved;
  fig->cell.group_size += cell->group_size;
  fig->cell.n_entries += cell->n_entries;
  if (cell->has_quota)
    {
      fig->any_allocated = fig->cell.has_quota = TRUE;
      fig->allocated += cell->quota;
      fig->cell.quota += cell->quota;
    }
}

static void
fill_rows (D8PlanCompare *cmp, GHashTable *units)
{
  guint n_plans = cmp->overviews->len, n_ind = cmp->indicators->len;
  g_autoptr (GHashTable) allocated = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) row_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint p = 0; p < n_plans; p++)
    {
      D8Overview *ov = cmp->overviews->pdata[p];

      for (guint u = 0; u < ov->units->len; u++)
        g_hash_table_add (allocated, &((D8Unit *) ov->units->pdata[u])->id);
    }
  for (guint p = 0; p < n_plans; p++)
    {
      D8Overview *ov = cmp->overviews->pdata[p];
      gboolean plan_has_former = FALSE;
      g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

      for (guint u = 0; u < ov->units->len && cmp->by == D8_COMPARE_BY_PARENT; u++)
        if (former_unit (units, allocated, ov->units->pdata[u]) != 0)
          plan_has_former = TRUE;
      for (guint u = 0; u < ov->units->len; u++)
        {
          const D8Unit *unit = ov->units->pdata[u];
          gint64 key = row_key (cmp->by, units, allocated, plan_has_former, unit);
          D8CompareRow *row;
          gpointer index;

          if (!g_hash_table_lookup_extended (row_of, &key, NULL, &index))
            {
              const D8Unit *named = key == unit->id ? unit : lookup_unit (units, key);

              index = GUINT_TO_POINTER (cmp->rows->len);
              g_hash_table_insert (row_of, g_memdup2 (&key, sizeof key), index);
              g_ptr_array_add (cmp->rows, row_new (key, named, (n_plans + 1) * n_ind));
            }
          row = cmp->rows->pdata[GPOINTER_TO_UINT (index)];
          g_hash_table_add (seen, row);
          for (guint k = 0; k < n_ind; k++)
            {
              const D8CompareIndicator *ind = cmp->indicators->pdata[k];

              if (ind->index[p] >= 0)
                add_cell (&row->figures[p * n_ind + k],
                          d8_overview_cell (ov, u, (guint) ind->index[p]));
            }
        }
      /* a row's figures of this plan are complete: judge them */
      for (guint r = 0; r < cmp->rows->len; r++)
        {
          D8CompareRow *row = cmp->rows->pdata[r];

          if (!g_hash_table_contains (seen, row))
            continue;
          row->in_every_plan = p == 0 || row->in_every_plan;
          for (guint k = 0; k < n_ind; k++)
            {
              const D8CompareIndicator *ind = cmp->indicators->pdata[k];

              if (ind->index[p] >= 0)
                d8_cell_evaluate (&row->figures[p * n_ind + k].cell,
                                  ov->indicators->pdata[ind->index[p]], ov->expected);
            }
        }
      /* a row missing from this plan does not persist */
      for (guint r = 0; r < cmp->rows->len; r++)
        if (!g_hash_table_contains (seen, cmp->rows->pdata[r]))
          ((D8CompareRow *) cmp->rows->pdata[r])->in_every_plan = FALSE;
    }
}

/* ------------------------------------------------------------ totals */

static void
fill_totals (D8PlanCompare *cmp)
{
  guint n_ind = cmp->indicators->len;

  for (guint p = 0; p < cmp->overviews->len; p++)
    {
      D8Overview *ov = cmp->overviews->pdata[p];

      for (guint k = 0; k < n_ind; k++)
        {
          const D8CompareIndicator *ind = cmp->indicators->pdata[k];
          D8CompareFigures *fig = &cmp->totals[p * n_ind + k];
          guint i;

          if (ind->index[p] < 0)
            continue;
          i = (guint) ind->index[p];
          fig->present = TRUE;
          fig->cell = ov->totals[i];
          fig->allocated = ov->allocated[i];
          for (guint u = 0; u < ov->units->len; u++)
            fig->any_allocated |= d8_overview_cell (ov, u, i)->has_quota;
          fig->has_stated = d8_overview_allocation (ov, i, &fig->stated, NULL, NULL);
        }
    }
}

/* The phase: sums over the plans that have the indicator, judged at the
 * share of the whole phase elapsed, by the latest plan's indicator (its
 * kind and percentage target). The stated totals add up only when every
 * such plan states one. */
static void
fill_phase (D8PlanCompare *cmp, D8CompareFigures *figures)
{
  guint n_plans = cmp->overviews->len, n_ind = cmp->indicators->len;

  for (guint k = 0; k < n_ind; k++)
    {
      const D8CompareIndicator *ind = cmp->indicators->pdata[k];
      D8CompareFigures *phase = &figures[n_plans * n_ind + k];
      const D8Indicator *latest = NULL;
      gboolean all_stated = TRUE;

      *phase = (D8CompareFigures) { 0 };
      for (guint p = 0; p < n_plans; p++)
        {
          const D8CompareFigures *fig = &figures[p * n_ind + k];
          D8Overview *ov = cmp->overviews->pdata[p];

          if (!fig->present)
            continue;
          latest = ov->indicators->pdata[ind->index[p]];
          phase->present = TRUE;
          all_stated &= fig->has_stated;
          phase->stated += fig->stated;
          phase->any_allocated |= fig->any_allocated;
          phase->allocated += fig->allocated;
          phase->cell.achieved += fig->cell.achieved;
          phase->cell.group_size += fig->cell.group_size;
          phase->cell.n_entries += fig->cell.n_entries;
          if (fig->cell.has_quota)
            {
              phase->cell.has_quota = TRUE;
              phase->cell.quota += fig->cell.quota;
            }
        }
      if (!phase->present)
        continue;
      phase->has_stated = all_stated;
      if (!all_stated)
        phase->stated = 0;
      d8_cell_evaluate (&phase->cell, latest, cmp->phase_expected);
    }
}

static gint
compare_by_year (gconstpointer a, gconstpointer b)
{
  const D8Plan *pa = (*(D8Overview *const *) a)->plan;
  const D8Plan *pb = (*(D8Overview *const *) b)->plan;

  if (pa->year != pb->year)
    return pa->year < pb->year ? -1 : 1;
  return g_strcmp0 (pa->code, pb->code);
}

static D8PlanCompare *compare_new (GPtrArray *overviews, GArray *links, gboolean match_codes,
                                   GHashTable *units, D8CompareBy by, GError **error);

/**
 * d8_plan_compare_new:
 * @overviews: (element-type D8Overview): one overview per plan, all for one
 *   as-of date; at least one (two or more to compare). Sorted here by year,
 *   then code; each gets a reference.
 * @links: (nullable) (element-type D8IndicatorLink): the user's links
 *   between indicators (d8_store_list_indicator_links())
 * @units: (nullable): unit id (gint64 *) → D8Unit *, every unit whose parent
 *   chain a row may follow; needed for D8_COMPARE_BY_PARENT
 * @by: the rows
 * @error: (out) (optional): D8_ERROR_INVALID when two indicators of one plan
 *   match one indicator of another (naming both and the plan)
 *
 * Matches the plans' indicators (by link, else by code and kind), puts
 * their units in rows (by the rule of docs/progress.md, "Comparing
 * plans"), and adds up their figures: per plan, and over the phase.
 *
 * Returns: (transfer full) (nullable): the comparison, or NULL on error.
 */
D8PlanCompare *
d8_plan_compare_new (GPtrArray *overviews, GArray *links, GHashTable *units, D8CompareBy by,
                     GError **error)
{
  g_return_val_if_fail (overviews != NULL && overviews->len > 0, NULL);

  return compare_new (overviews, links, TRUE, units, by, error);
}

static D8PlanCompare *
compare_new (GPtrArray *overviews, GArray *links, gboolean match_codes, GHashTable *units,
             D8CompareBy by, GError **error)
{
  g_autoptr (D8PlanCompare) cmp = NULL;
  g_autoptr (GPtrArray) lists = g_ptr_array_new ();
  g_auto (Nodes) nodes = { 0 };
  guint n_plans;
  const D8Plan *first, *last;

  cmp = g_new0 (D8PlanCompare, 1);
  cmp->by = by;
  cmp->overviews = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_overview_unref);
  for (guint p = 0; p < overviews->len; p++)
    g_ptr_array_add (cmp->overviews, d8_overview_ref (overviews->pdata[p]));
  g_ptr_array_sort (cmp->overviews, compare_by_year);
  cmp->rows = g_ptr_array_new_with_free_func (compare_row_free);
  n_plans = cmp->overviews->len;
  cmp->as_of = g_strdup (((D8Overview *) cmp->overviews->pdata[0])->as_of);
  first = ((D8Overview *) cmp->overviews->pdata[0])->plan;
  last = ((D8Overview *) cmp->overviews->pdata[n_plans - 1])->plan;
  cmp->phase_expected = d8_progress_expected (first->period_start, last->period_end, cmp->as_of);

  for (guint p = 0; p < n_plans; p++)
    g_ptr_array_add (lists, ((D8Overview *) cmp->overviews->pdata[p])->indicators);
  nodes_init (&nodes, lists);
  match_indicators (&nodes, links, match_codes);
  if ((cmp->indicators = collect_indicators (&nodes, cmp->overviews, error)) == NULL)
    return NULL;

  cmp->totals = g_new0 (D8CompareFigures, MAX ((n_plans + 1) * cmp->indicators->len, 1));
  fill_totals (cmp);
  fill_phase (cmp, cmp->totals);
  if (by != D8_COMPARE_BY_PROVINCE)
    {
      fill_rows (cmp, units);
      for (guint r = 0; r < cmp->rows->len; r++)
        fill_phase (cmp, ((D8CompareRow *) cmp->rows->pdata[r])->figures);
    }
  return g_steal_pointer (&cmp);
}

/* ------------------------------------------------------------- store */

static gpointer
unit_from_row (sqlite3_stmt *stmt)
{
  return d8_store_unit_from_row (stmt);
}

/* Every unit of the store, by id: the parents of a plan's units may be in
 * no plan (the former province, the new one). */
static GHashTable *
read_units (D8Store *store, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store),
                                               "SELECT " D8_UNIT_COLS ("") " FROM units", error);
  g_autoptr (GPtrArray) list = NULL;
  GHashTable *units;

  if (stmt == NULL)
    return NULL;
  list = d8_store_collect (store, stmt, unit_from_row, NULL, _("The units could not be read."),
                           error);
  if (list == NULL)
    return NULL;
  units = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                 (GDestroyNotify) d8_unit_free);
  for (guint i = 0; i < list->len; i++)
    g_hash_table_insert (units, &((D8Unit *) list->pdata[i])->id, list->pdata[i]);
  return units;
}

static gint
compare_plans_by_year (gconstpointer a, gconstpointer b)
{
  const D8Plan *pa = *(D8Plan *const *) a, *pb = *(D8Plan *const *) b;

  if (pa->year != pb->year)
    return pa->year < pb->year ? -1 : 1;
  return g_strcmp0 (pa->code, pb->code);
}

/* The matching of indicators over every plan of the store, as links
 * between the compared plans' indicators: comparing 2023 with 2026 then
 * follows the user's links through 2024 (2026's 4 is 2024's 2, which is
 * 2023's 2 by its code), whichever plans are chosen. */
static GArray *
derive_links (D8Store *store, GPtrArray *overviews, GArray *links, GError **error)
{
  g_autoptr (GPtrArray) plans = d8_store_list_plans (store, error);
  g_autoptr (GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) compared = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) derived = g_array_new (FALSE, FALSE, sizeof (D8IndicatorLink));
  g_auto (Nodes) n = { 0 };

  if (plans == NULL)
    return NULL;
  g_ptr_array_sort (plans, compare_plans_by_year);
  for (guint p = 0; p < plans->len; p++)
    {
      GPtrArray *list = d8_store_list_indicators (store, ((D8Plan *) plans->pdata[p])->id, error);

      if (list == NULL)
        return NULL;
      g_ptr_array_add (lists, list);
    }
  for (guint p = 0; p < overviews->len; p++)
    g_hash_table_add (compared, &((D8Overview *) overviews->pdata[p])->plan->id);
  nodes_init (&n, lists);
  match_indicators (&n, links, TRUE);
  for (guint x = 0; x < n.offset[lists->len]; x++)
    for (guint y = n.offset[n.plan_of[x] + 1]; y < n.offset[lists->len]; y++)
      if (find_root (&n, x) == find_root (&n, y)
          && g_hash_table_contains (compared, &((D8Plan *) plans->pdata[n.plan_of[x]])->id)
          && g_hash_table_contains (compared, &((D8Plan *) plans->pdata[n.plan_of[y]])->id))
        {
          D8IndicatorLink link = { node_indicator (&n, x)->id, node_indicator (&n, y)->id };
          g_array_append_val (derived, link);
        }
  return g_steal_pointer (&derived);
}

/**
 * d8_store_compare_plans:
 * @store: a store
 * @plan_ids: (element-type gint64): the plans to compare, each once; at
 *   least one (two or more to compare), in any order
 * @by: the rows: the province only, by former unit, or by unit
 * @as_of: (nullable): count entries dated on or before this ISO date; NULL
 *   for today
 * @error: (out) (optional): D8_ERROR_INVALID for a plan given twice, a
 *   malformed @as_of or an ambiguous match of indicators;
 *   D8_ERROR_NOT_FOUND for an unknown plan; D8_ERROR_DATABASE
 *
 * Computes each plan's overview (d8_store_compute_overview()) and the
 * comparison of them. Indicators are matched over every plan of the store
 * (the user's links, then codes), so the matching of two plans does not
 * depend on which others are compared with them.
 *
 * Returns: (transfer full) (nullable): the comparison, or NULL on error.
 */
D8PlanCompare *
d8_store_compare_plans (D8Store *store, GArray *plan_ids, D8CompareBy by, const char *as_of,
                        GError **error)
{
  g_autoptr (GPtrArray) overviews = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_overview_unref);
  g_autoptr (GArray) links = NULL;
  g_autoptr (GArray) derived = NULL;
  g_autoptr (GHashTable) units = NULL;
  g_autofree char *today = as_of == NULL ? d8_date_today () : NULL;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_ids != NULL && plan_ids->len > 0, NULL);

  for (guint p = 0; p < plan_ids->len; p++)
    {
      gint64 id = g_array_index (plan_ids, gint64, p);
      D8Overview *ov;

      for (guint q = 0; q < p; q++)
        if (g_array_index (plan_ids, gint64, q) == id)
          {
            D8Overview *same = overviews->pdata[q];

            g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                         /* Translators: %s is a plan's code */
                         _("Plan %s is named twice; name each plan once."), same->plan->code);
            return NULL;
          }
      /* one date for all, so that "today" cannot change half-way */
      if ((ov = d8_store_compute_overview (store, id, as_of ? as_of : today, error)) == NULL)
        return NULL;
      g_ptr_array_add (overviews, ov);
    }
  if ((links = d8_store_list_indicator_links (store, error)) == NULL
      || (derived = derive_links (store, overviews, links, error)) == NULL)
    return NULL;
  if (by == D8_COMPARE_BY_PARENT && (units = read_units (store, error)) == NULL)
    return NULL;
  return compare_new (overviews, derived, FALSE, units, by, error);
}
