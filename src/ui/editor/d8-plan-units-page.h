/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-units-page.h — the units page of the plan editor: the plan's
 * units in order, and a form to rename one, set its kind, level, parent
 * and the last day it exists (retire), add one, move it up or down, take
 * it out of a draft, or add many at once from a pasted list of names.
 *
 * Signals "changing" and "changed" (no arguments): before and after each
 * write to the store, so the editor saves its grid first and reads it
 * again after. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_PLAN_UNITS_PAGE (d8_plan_units_page_get_type ())
G_DECLARE_FINAL_TYPE (D8PlanUnitsPage, d8_plan_units_page, D8, PLAN_UNITS_PAGE, AdwBin)

void d8_plan_units_page_set_plan (D8PlanUnitsPage *self, D8Store *store, gint64 plan_id);
guint d8_plan_units_page_get_n_units (D8PlanUnitsPage *self);

/* d8_plan_units_page_add_names:
 * @text: names one a line (blank lines skipped; of a pasted table only
 *   the first column), NFC-normalised
 * @error: a name twice in the list, an empty list, or the store's refusal
 *
 * Adds a unit for each name, of the level, kind and parent chosen in the
 * form. All or nothing on a draft. Returns TRUE when every one was added. */
gboolean d8_plan_units_page_add_names (D8PlanUnitsPage *self, const char *text, GError **error);

G_END_DECLS
