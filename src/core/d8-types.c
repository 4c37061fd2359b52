/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-types.c — freeing and copying the core's plain data. */
#include "d8-types.h"

void
d8_plan_free (D8Plan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->code);
  g_free (plan->title);
  g_free (plan->doc_number);
  g_free (plan->issuer);
  g_free (plan->issued_on);
  g_free (plan->period_start);
  g_free (plan->period_end);
  g_free (plan->target_label);
  g_clear_pointer (&plan->periods, g_ptr_array_unref);
  g_free (plan->amended_by);
  g_free (plan->amended_on);
  g_free (plan);
}

int
d8_plan_compare_newest (gconstpointer a,
                        gconstpointer b)
{
  const D8Plan *pa = *(const D8Plan *const *) a;
  const D8Plan *pb = *(const D8Plan *const *) b;

  if (pa->year != pb->year)
    return pb->year - pa->year;
  return pb->id > pa->id ? 1 : pb->id < pa->id ? -1 : 0;
}

void
d8_unit_free (D8Unit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->code);
  g_free (unit->name);
  g_free (unit->kind);
  g_free (unit->level);
  g_free (unit->valid_from);
  g_free (unit->valid_to);
  g_free (unit);
}

void
d8_indicator_free (D8Indicator *indicator)
{
  if (indicator == NULL)
    return;
  g_free (indicator->code);
  g_free (indicator->name_vi);
  g_free (indicator->name_en);
  g_free (indicator->count_unit);
  g_free (indicator->group_title);
  g_free (indicator->target_written);
  g_free (indicator->target_source);
  g_free (indicator);
}

D8Entry *
d8_entry_new (void)
{
  return g_new0 (D8Entry, 1);
}

void
d8_entry_free (D8Entry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->uuid);
  g_free (entry->date);
  g_free (entry->place);
  g_free (entry->note);
  g_free (entry->created_at);
  g_free (entry->updated_at);
  g_free (entry->origin);
  g_free (entry);
}

D8Entry *
d8_entry_copy (const D8Entry *entry)
{
  D8Entry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->uuid = g_strdup (entry->uuid);
  copy->date = g_strdup (entry->date);
  copy->place = g_strdup (entry->place);
  copy->note = g_strdup (entry->note);
  copy->created_at = g_strdup (entry->created_at);
  copy->updated_at = g_strdup (entry->updated_at);
  copy->origin = g_strdup (entry->origin);
  return copy;
}

void
d8_reporting_period_free (D8ReportingPeriod *period)
{
  if (period == NULL)
    return;
  g_free (period->code);
  g_free (period->title);
  g_free (period->start);
  g_free (period->end);
  g_free (period->cutoff);
  g_free (period->unit_due);
  g_free (period->province_due);
  g_free (period);
}

D8ReportingPeriod *
d8_reporting_period_copy (const D8ReportingPeriod *period)
{
  D8ReportingPeriod *copy;

  g_return_val_if_fail (period != NULL, NULL);
  copy = g_memdup2 (period, sizeof *period);
  copy->code = g_strdup (period->code);
  copy->title = g_strdup (period->title);
  copy->start = g_strdup (period->start);
  copy->end = g_strdup (period->end);
  copy->cutoff = g_strdup (period->cutoff);
  copy->unit_due = g_strdup (period->unit_due);
  copy->province_due = g_strdup (period->province_due);
  return copy;
}
