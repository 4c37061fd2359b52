/* d8-progress.c — the arithmetic of progress against quotas.
 * See d8-progress.h and docs/progress.md for the rules. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

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

  if (indicator->kind == D8_KIND_PERCENT)
    {
      /* Judged against the plan's percentage target (e.g. 80 %): the cell
       * is done when reached / group ≥ target. */
      double target = indicator->has_target ? indicator->target / 100.0 : 1.0;

      if (cell->group_size > 0)
        cell->completion = (double) cell->achieved / (double) cell->group_size;
      if (!cell->has_quota && !indicator->has_target)
        cell->status = D8_STATUS_NO_QUOTA;
      else if (cell->group_size == 0 || cell->n_entries == 0)
        cell->status = D8_STATUS_NOT_STARTED;
      else if (cell->completion >= target)
        cell->status = D8_STATUS_DONE;
      else if (cell->completion >= target * expected)
        cell->status = D8_STATUS_ON_TRACK;
      else
        cell->status = D8_STATUS_BEHIND;
      return;
    }

  if (!cell->has_quota)
    {
      cell->status = D8_STATUS_NO_QUOTA;
      return;
    }
  if (cell->quota == 0)
    {
      /* A quota of 0 is a real zero: nothing is asked, so it is met. */
      cell->completion = cell->achieved > 0 ? INFINITY : 1.0;
      cell->status = D8_STATUS_DONE;
      return;
    }
  cell->completion = (double) cell->achieved / (double) cell->quota;
  if (cell->achieved >= cell->quota)
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
      if (indicator->kind != D8_KIND_COUNT || !cell->has_quota || cell->quota == 0)
        continue;
      sum += MIN ((double) cell->achieved / (double) cell->quota, 1.0);
      n++;
    }
  return n > 0 ? sum / n : NAN;
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
  if (!indicator->in_appendix || !indicator->has_target || indicator->kind != D8_KIND_COUNT)
    return FALSE;

  s = (gint64) llround (indicator->target);
  if (stated)
    *stated = s;
  if (allocated)
    *allocated = overview->allocated[indicator_index];
  if (difference)
    *difference = s - overview->allocated[indicator_index];
  return TRUE;
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

/**
 * d8_overview_free:
 * @overview: (nullable): an overview
 *
 * The older name of d8_overview_unref(), kept while callers move over.
 */
void
d8_overview_free (D8Overview *overview)
{
  d8_overview_unref (overview);
}

const char *
d8_status_to_string (D8Status status)
{
  switch (status)
    {
    case D8_STATUS_NO_QUOTA: return "no-quota";
    case D8_STATUS_NOT_STARTED: return "not-started";
    case D8_STATUS_BEHIND: return "behind";
    case D8_STATUS_ON_TRACK: return "on-track";
    case D8_STATUS_DONE: return "done";
    default: g_return_val_if_reached ("unknown");
    }
}

const char *
d8_status_to_label (D8Status status)
{
  switch (status)
    {
    case D8_STATUS_NO_QUOTA: return _("No quota");
    case D8_STATUS_NOT_STARTED: return _("Not started");
    case D8_STATUS_BEHIND: return _("Behind");
    case D8_STATUS_ON_TRACK: return _("On track");
    case D8_STATUS_DONE: return _("Done");
    default: g_return_val_if_reached ("");
    }
}

void
d8_plan_report_dates (const D8Plan *plan, GPtrArray *dates, GPtrArray *labels)
{
  int year = atoi (plan->period_end ? plan->period_end : "0");

  if (year <= 0)
    return;
  g_ptr_array_add (dates, g_strdup_printf ("%04d-06-10", year));
  g_ptr_array_add (labels, g_strdup (_("6-month report")));
  g_ptr_array_add (dates, g_strdup_printf ("%04d-12-10", year));
  g_ptr_array_add (labels, g_strdup (_("Annual report")));
}
