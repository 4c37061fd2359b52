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
  g_free (plan->amended_by);
  g_free (plan->amended_on);
  g_free (plan);
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
