/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-progress.c — the arithmetic of progress against quotas.
 * See d8-progress.h and docs/progress.md for the rules. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-format.h"
#include "d8-progress.h"

static GDate *
date_from_iso (const char *iso)
{
  GDate *date = g_date_new ();

  /* ISO dates only: g_date_set_parse would follow the locale. */
  if (iso != NULL && strlen (iso) == 10)
    {
      int y = atoi (iso), m = atoi (iso + 5), d = atoi (iso + 8);
      if (g_date_valid_dmy (d, m, y))
        g_date_set_dmy (date, d, m, y);
    }
  return date;
}

double
d8_progress_expected (const char *period_start, const char *period_end, const char *as_of)
{
  g_autoptr (GDate) start = date_from_iso (period_start);
  g_autoptr (GDate) end = date_from_iso (period_end);
  g_autoptr (GDate) now = date_from_iso (as_of);
  double total, elapsed;

  if (!g_date_valid (start) || !g_date_valid (end) || !g_date_valid (now))
    return 1.0;
  total = g_date_days_between (start, end) + 1;
  elapsed = g_date_days_between (start, now) + 1;
  if (total <= 0)
    return 1.0;
  return CLAMP (elapsed / total, 0.0, 1.0);
}

void
d8_cell_evaluate (D8Cell *cell, const D8Indicator *indicator, double expected)
{
  g_return_if_fail (cell != NULL);
  g_return_if_fail (indicator != NULL);

  cell->completion = NAN;

  switch (indicator->kind)
    {
    case D8_KIND_COUNT:
      break;
    case D8_KIND_PERCENT:
      {
        /* Judged against the plan's percentage target (e.g. 80 %): the cell
         * is done when reached / group = target and over-achieved when it
         * is above it (docs/progress.md). Compared as reached × 100 against
         * target × group, so that 80 of 100 is exactly 80 %. */
        double target_pct = indicator->has_target ? indicator->target : 100.0;
        double target = target_pct / 100.0;

        if (cell->group_size > 0)
          cell->completion = (double) cell->achieved / (double) cell->group_size;
        if (!cell->has_quota && !indicator->has_target)
          cell->status = D8_STATUS_NO_QUOTA;
        else if (cell->group_size == 0 || cell->n_entries == 0)
          cell->status = D8_STATUS_NOT_STARTED;
        else if ((double) cell->achieved * 100.0 > target_pct * (double) cell->group_size)
          cell->status = D8_STATUS_OVER;
        else if ((double) cell->achieved * 100.0 >= target_pct * (double) cell->group_size)
          cell->status = D8_STATUS_DONE;
        else if (cell->completion >= target * expected)
          cell->status = D8_STATUS_ON_TRACK;
        else
          cell->status = D8_STATUS_BEHIND;
        return;
      }
    }

  if (!cell->has_quota)
    {
      cell->status = D8_STATUS_NO_QUOTA;
      return;
    }
  if (cell->quota == 0)
    {
      /* A quota of 0 is a real zero: nothing is asked, so it is met;
       * anything recorded against it is more than was asked. */
      cell->completion = cell->achieved > 0 ? INFINITY : 1.0;
      cell->status = cell->achieved > 0 ? D8_STATUS_OVER : D8_STATUS_DONE;
      return;
    }
  cell->completion = (double) cell->achieved / (double) cell->quota;
  if (cell->achieved > cell->quota)
    cell->status = D8_STATUS_OVER;
  else if (cell->achieved == cell->quota)
    cell->status = D8_STATUS_DONE;
  else if (cell->achieved == 0)
    cell->status = D8_STATUS_NOT_STARTED;
  else if (cell->completion >= expected)
    cell->status = D8_STATUS_ON_TRACK;
  else
    cell->status = D8_STATUS_BEHIND;
}

double
d8_progress_overall (const D8Cell *cells, GPtrArray *indicators)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < indicators->len; i++)
    {
      const D8Indicator *indicator = g_ptr_array_index (indicators, i);
      const D8Cell *cell = &cells[i];

      /* A quota of 0 asks nothing: counting it as met would show progress
       * for a unit that has recorded nothing. */
      switch (indicator->kind)
        {
        case D8_KIND_COUNT:
          break;
        case D8_KIND_PERCENT: /* judged against its target, not a quota */
          continue;
        }
      if (!cell->has_quota || cell->quota == 0)
        continue;
      sum += MIN ((double) cell->achieved / (double) cell->quota, 1.0);
      n++;
    }
  return n > 0 ? sum / n : NAN;
}

/* The total the plan states for a count indicator (the totals row of its
 * appendix, e.g. 128 in column 1 of the 2023 plan); FALSE when it states
 * none. A percent indicator's target is a share, never a total. */
static gboolean
stated_total (const D8Indicator *indicator, gint64 *total)
{
  switch (indicator->kind)
    {
    case D8_KIND_COUNT:
      break;
    case D8_KIND_PERCENT:
      return FALSE;
    }
  if (!indicator->has_target)
    return FALSE;
  *total = (gint64) llround (indicator->target);
  return TRUE;
}

/**
 * d8_progress_total_quota:
 * @indicator: an indicator of the plan
 * @any_allocated: whether the plan gives at least one unit a quota for it
 *   (0 included; "no quota" cells do not count)
 * @allocated: the sum of the units' quotas
 * @quota: (out): the quota of the province total, set when there is one
 *
 * The province-total rule (docs/progress.md, "Province totals"): the
 * province is judged against what the plan states, not against the sum of
 * its allocations (in column 1 of the 2023 plan they differ: 128 stated,
 * 126 allocated). So the quota is the stated total of a count indicator
 * whose plan states one, else the allocated sum when any unit has a
 * quota; else the total has no quota.
 *
 * Returns: TRUE when the total has a quota.
 */
gboolean
d8_progress_total_quota (const D8Indicator *indicator, gboolean any_allocated, gint64 allocated,
                         gint64 *quota)
{
  g_return_val_if_fail (indicator != NULL, FALSE);
  g_return_val_if_fail (quota != NULL, FALSE);

  if (stated_total (indicator, quota))
    return TRUE;
  if (!any_allocated)
    return FALSE;
  *quota = allocated;
  return TRUE;
}

/**
 * d8_overview_evaluate:
 * @overview: an overview whose cells hold their quotas and sums (has_quota,
 *   quota, achieved, group_size, n_entries), as the store reads them
 *
 * Computes every other figure from those: each cell's completion and
 * status, the allocated sum and the totals row of each indicator (sums over
 * the units, judged by d8_progress_total_quota()), and the overall
 * completion of each unit and of the province. May be called again after
 * the cells change.
 */
void
d8_overview_evaluate (D8Overview *overview)
{
  guint n_units, n_indicators;

  g_return_if_fail (overview != NULL);

  n_units = overview->units->len;
  n_indicators = overview->indicators->len;
  for (guint i = 0; i < n_indicators; i++)
    {
      const D8Indicator *indicator = overview->indicators->pdata[i];
      D8Cell *total = &overview->totals[i];
      gboolean any_allocated = FALSE;

      *total = (D8Cell) { 0 };
      overview->allocated[i] = 0;
      for (guint u = 0; u < n_units; u++)
        {
          D8Cell *cell = d8_overview_cell (overview, u, i);

          d8_cell_evaluate (cell, indicator, overview->expected);
          total->achieved += cell->achieved;
          total->group_size += cell->group_size;
          total->n_entries += cell->n_entries;
          if (cell->has_quota)
            {
              overview->allocated[i] += cell->quota;
              any_allocated = TRUE;
            }
        }
      total->has_quota = d8_progress_total_quota (indicator, any_allocated,
                                                  overview->allocated[i], &total->quota);
      d8_cell_evaluate (total, indicator, overview->expected);
    }

  for (guint u = 0; u < n_units; u++)
    overview->unit_overall[u] = d8_progress_overall (d8_overview_cell (overview, u, 0),
                                                     overview->indicators);
  overview->province_overall = d8_progress_overall (overview->totals, overview->indicators);
}

D8Cell *
d8_overview_cell (D8Overview *overview, guint unit_index, guint indicator_index)
{
  g_return_val_if_fail (overview != NULL, NULL);
  g_return_val_if_fail (unit_index < overview->units->len, NULL);
  g_return_val_if_fail (indicator_index < overview->indicators->len, NULL);

  return &overview->cells[unit_index * overview->indicators->len + indicator_index];
}

int
d8_overview_find_unit (D8Overview *overview, gint64 unit_id)
{
  g_return_val_if_fail (overview != NULL, -1);

  for (guint i = 0; i < overview->units->len; i++)
    if (((D8Unit *) g_ptr_array_index (overview->units, i))->id == unit_id)
      return (int) i;
  return -1;
}

gboolean
d8_overview_allocation (D8Overview *overview, guint indicator_index, gint64 *stated,
                        gint64 *allocated, gint64 *difference)
{
  const D8Indicator *indicator;
  gint64 s;

  g_return_val_if_fail (overview != NULL, FALSE);
  g_return_val_if_fail (indicator_index < overview->indicators->len, FALSE);

  indicator = g_ptr_array_index (overview->indicators, indicator_index);
  if (!d8_progress_allocation (indicator, overview->allocated[indicator_index], &s, difference))
    return FALSE;

  if (stated)
    *stated = s;
  if (allocated)
    *allocated = overview->allocated[indicator_index];
  return TRUE;
}

/**
 * d8_progress_allocation:
 * @indicator: an indicator of the plan (its kind, in_appendix, target)
 * @allocated: the sum of the units' quotas for it
 * @stated: (out) (optional): the plan's stated total
 * @difference: (out) (optional): stated − allocated
 *
 * The allocation check (docs/progress.md): only a count indicator of the
 * appendix whose plan states a total has one. Used by the overview and by
 * the plan editor (d8-plan-edit.c), so both say the same.
 *
 * Returns: TRUE when there is a check.
 */
gboolean
d8_progress_allocation (const D8Indicator *indicator, gint64 allocated, gint64 *stated,
                        gint64 *difference)
{
  gint64 s;

  g_return_val_if_fail (indicator != NULL, FALSE);

  if (!indicator->in_appendix || !stated_total (indicator, &s))
    return FALSE;
  if (stated)
    *stated = s;
  if (difference)
    *difference = s - allocated;
  return TRUE;
}

/**
 * d8_progress_format_allocation_gap:
 * @difference: stated − allocated, as d8_progress_allocation() gives it
 *
 * Returns: (transfer full) (nullable): "2 not allocated" or "3
 *   over-allocated" (translated, the number grouped for the locale); NULL
 *   when the allocation adds up.
 */
char *
d8_progress_format_allocation_gap (gint64 difference)
{
  g_autofree char *number = NULL;

  if (difference == 0)
    return NULL;
  number = d8_format_count (ABS (difference));
  if (difference > 0)
    /* Translators: in the province matrix, below the plan total; %s is a number */
    return g_strdup_printf (ngettext ("%s not allocated", "%s not allocated", (gulong) difference),
                            number);
  /* Translators: in the province matrix, below the plan total; %s is a number */
  return g_strdup_printf (ngettext ("%s over-allocated", "%s over-allocated",
                                    (gulong) -difference), number);
}

G_DEFINE_BOXED_TYPE (D8Overview, d8_overview, d8_overview_ref, d8_overview_unref)

/**
 * d8_overview_new:
 *
 * An empty overview with one reference, for the store to fill
 * (d8_store_compute_overview()). Pages and charts that keep an overview
 * hold their own reference, so a new one computed for another date never
 * pulls the figures from under them.
 *
 * Returns: (transfer full): the overview; release with d8_overview_unref().
 */
D8Overview *
d8_overview_new (void)
{
  D8Overview *overview = g_new0 (D8Overview, 1);

  g_atomic_ref_count_init (&overview->ref_count);
  return overview;
}

/**
 * d8_overview_new_for:
 * @plan: (transfer full): the plan
 * @units: (transfer full) (element-type D8Unit): its units, in plan order
 * @indicators: (transfer full) (element-type D8Indicator): its
 *   indicators, in plan order
 * @as_of: (nullable): the ISO date the figures are for; NULL for today
 *
 * An overview of @plan with every figure zero and no quota: cells for
 * units × indicators, a totals row, and the expected pace at @as_of. The
 * store fills in quotas and sums, then calls d8_overview_evaluate().
 *
 * Returns: (transfer full): the overview; release with d8_overview_unref().
 */
D8Overview *
d8_overview_new_for (D8Plan *plan, GPtrArray *units, GPtrArray *indicators, const char *as_of)
{
  D8Overview *overview;

  g_return_val_if_fail (plan != NULL && units != NULL && indicators != NULL, NULL);

  overview = d8_overview_new ();
  overview->plan = plan;
  overview->units = units;
  overview->indicators = indicators;
  overview->as_of = as_of ? g_strdup (as_of) : d8_date_today ();
  overview->expected = d8_progress_expected (plan->period_start, plan->period_end,
                                             overview->as_of);
  /* At least one element each, so that an empty plan has valid arrays. */
  overview->cells = g_new0 (D8Cell, MAX (units->len * indicators->len, 1));
  overview->totals = g_new0 (D8Cell, MAX (indicators->len, 1));
  overview->allocated = g_new0 (gint64, MAX (indicators->len, 1));
  overview->unit_overall = g_new0 (double, MAX (units->len, 1));
  return overview;
}

/**
 * d8_overview_ref:
 * @overview: an overview
 *
 * Returns: (transfer full): @overview, with one more reference.
 */
D8Overview *
d8_overview_ref (D8Overview *overview)
{
  g_return_val_if_fail (overview != NULL, NULL);
  g_atomic_ref_count_inc (&overview->ref_count);
  return overview;
}

/**
 * d8_overview_unref:
 * @overview: (nullable): an overview
 *
 * Drops one reference; the last frees the figures.
 */
void
d8_overview_unref (D8Overview *overview)
{
  if (overview == NULL || !g_atomic_ref_count_dec (&overview->ref_count))
    return;
  d8_plan_free (overview->plan);
  g_clear_pointer (&overview->units, g_ptr_array_unref);
  g_clear_pointer (&overview->indicators, g_ptr_array_unref);
  g_free (overview->as_of);
  g_free (overview->cells);
  g_free (overview->totals);
  g_free (overview->allocated);
  g_free (overview->unit_overall);
  g_free (overview);
}

/* The status vocabulary, decided once (docs/progress.md): machine name,
 * word, colour role and print pattern. Indexed by D8Status. */
static const struct
{
  const char *name;
  const char *word;
  D8StatusRole role;
  D8StatusPattern pattern;
} statuses[] = {
  [D8_STATUS_NO_QUOTA] = { "no-quota", N_("No quota"), D8_STATUS_ROLE_MUTED,
                           D8_STATUS_PATTERN_FAINT_OUTLINE },
  [D8_STATUS_NOT_STARTED] = { "not-started", N_("Not started"), D8_STATUS_ROLE_NEUTRAL,
                              D8_STATUS_PATTERN_DASHED_OUTLINE },
  [D8_STATUS_BEHIND] = { "behind", N_("Behind"), D8_STATUS_ROLE_ALERT,
                         D8_STATUS_PATTERN_CROSS_HATCH },
  [D8_STATUS_ON_TRACK] = { "on-track", N_("On track"), D8_STATUS_ROLE_PROGRESS,
                           D8_STATUS_PATTERN_HATCH },
  [D8_STATUS_DONE] = { "done", N_("Done"), D8_STATUS_ROLE_SUCCESS, D8_STATUS_PATTERN_SOLID },
  /* A kind of done: the same colour role, told apart by its "+" mark. */
  [D8_STATUS_OVER] = { "over", N_("Over-achieved"), D8_STATUS_ROLE_SUCCESS,
                       D8_STATUS_PATTERN_SOLID_PLUS },
};

/**
 * d8_status_role:
 * @status: a status
 *
 * Returns: the colour role every surface draws @status in.
 */
D8StatusRole
d8_status_role (D8Status status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (statuses), D8_STATUS_ROLE_MUTED);
  return statuses[status].role;
}

/**
 * d8_status_role_to_string:
 * @role: a colour role
 *
 * Returns: the role's machine name ("muted", "neutral", "alert",
 *   "progress", "success"), which the UI uses in CSS classes.
 */
const char *
d8_status_role_to_string (D8StatusRole role)
{
  switch (role)
    {
    case D8_STATUS_ROLE_MUTED: return "muted";
    case D8_STATUS_ROLE_NEUTRAL: return "neutral";
    case D8_STATUS_ROLE_ALERT: return "alert";
    case D8_STATUS_ROLE_PROGRESS: return "progress";
    case D8_STATUS_ROLE_SUCCESS: return "success";
    default: g_return_val_if_reached ("muted");
    }
}

/**
 * d8_status_pattern:
 * @status: a status
 *
 * Returns: the pattern that tells @status apart without colour in charts
 *   and on paper.
 */
D8StatusPattern
d8_status_pattern (D8Status status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (statuses),
                        D8_STATUS_PATTERN_FAINT_OUTLINE);
  return statuses[status].pattern;
}

/**
 * d8_progress_format_figures:
 * @kind: the indicator's kind
 * @has_quota: whether the plan gives a quota
 * @quota: the quota, when @has_quota
 * @achieved: count achieved, or women reached
 * @group_size: percent indicators: sum of target-group sizes
 * @target: percent indicators: the plan's target as a fraction, NAN if none
 *
 * The short figures of a cell, the same in every matrix (see
 * d8_cell_format_figures()).
 *
 * Returns: (transfer full): the text.
 */
char *
d8_progress_format_figures (D8IndicatorKind kind, gboolean has_quota, gint64 quota, gint64 achieved,
                            gint64 group_size, double target)
{
  g_autofree char *achieved_s = d8_format_count (achieved);

  switch (kind)
    {
    case D8_KIND_COUNT:
      break;
    case D8_KIND_PERCENT:
      {
        g_autofree char *reached = group_size > 0
          ? d8_format_percent ((double) achieved / (double) group_size, 0)
          : g_strdup ("–");
        g_autofree char *goal = isnan (target) ? g_strdup ("–") : d8_format_percent (target, 0);

        /* Translators: a percent indicator in a matrix cell: the share
           reached, then the plan's target, e.g. "75 % / 80 %" */
        return g_strdup_printf (C_("percent figures", "%s / %s"), reached, goal);
      }
    }
  if (!has_quota)
    return achieved > 0 ? g_strdup_printf ("%s/–", achieved_s) : g_strdup ("–");
  {
    g_autofree char *quota_s = d8_format_count (quota);
    return g_strdup_printf ("%s/%s", achieved_s, quota_s);
  }
}

/**
 * d8_cell_format_figures:
 * @cell: an evaluated cell
 * @indicator: its indicator
 *
 * The short figures of @cell as the province page, the charts and the
 * pack show them: "3/4"; "–" (no quota) or "2/–" (no quota, 2
 * recorded); a percent indicator "75 % / 80 %" (share reached / the
 * plan's target), "– / 80 %" while nothing is recorded, so its target
 * shows the same way everywhere.
 *
 * Returns: (transfer full): the text.
 */
char *
d8_cell_format_figures (const D8Cell *cell, const D8Indicator *indicator)
{
  g_return_val_if_fail (cell != NULL && indicator != NULL, NULL);

  return d8_progress_format_figures (indicator->kind, cell->has_quota, cell->quota,
                                     cell->achieved, cell->group_size,
                                     indicator->has_target ? indicator->target / 100.0 : NAN);
}

/**
 * d8_overview_unit_has_status:
 * @overview: an evaluated overview
 * @unit_index: index into @overview's units
 * @status: the status to look for
 *
 * Returns: whether any indicator of the unit has @status; the pack's cover
 *   lists the units behind and those not started apart from each other.
 */
gboolean
d8_overview_unit_has_status (D8Overview *overview, guint unit_index, D8Status status)
{
  g_return_val_if_fail (overview != NULL, FALSE);
  g_return_val_if_fail (unit_index < overview->units->len, FALSE);

  for (guint i = 0; i < overview->indicators->len; i++)
    if (d8_overview_cell (overview, unit_index, i)->status == status)
      return TRUE;
  return FALSE;
}

const char *
d8_status_to_string (D8Status status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (statuses), "unknown");
  return statuses[status].name;
}

const char *
d8_status_to_label (D8Status status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (statuses), "");
  return _(statuses[status].word);
}

void
d8_plan_report_dates (const D8Plan *plan, GPtrArray *dates, GPtrArray *labels)
{
  /* One definition: the plan's reporting periods (plan data, section V of
   * the 2023 plan; d8-reporting.h), each at its cut-off, the date its
   * figures are frozen as of. */
  for (guint i = 0; plan->periods != NULL && i < plan->periods->len; i++)
    {
      const D8ReportingPeriod *period = plan->periods->pdata[i];

      g_ptr_array_add (dates, g_strdup (period->cutoff));
      g_ptr_array_add (labels, g_strdup (period->title));
    }
}
