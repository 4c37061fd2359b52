/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-indicators-page.h — the indicators page of the plan editor: the
 * plan's indicators in order, and a form for one: code, Vietnamese name,
 * optional English name, unit of count, kind (count / percentage),
 * content group and its title, order, whether the appendix allocates it,
 * and for a percentage its extra province-wide target (the 80 %).
 *
 * Signals "changing" and "changed" as d8-plan-units-page.h. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_PLAN_INDICATORS_PAGE (d8_plan_indicators_page_get_type ())
G_DECLARE_FINAL_TYPE (D8PlanIndicatorsPage, d8_plan_indicators_page, D8, PLAN_INDICATORS_PAGE,
                      AdwBin)

void d8_plan_indicators_page_set_plan (D8PlanIndicatorsPage *self, D8Store *store,
                                       gint64 plan_id);

G_END_DECLS
