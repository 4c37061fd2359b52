/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-chooser.h — the plan chooser of the sidebar header: an arrow
 * beside the plan's title that lists the plans of the store, newest first
 * (number · year, and the title). It follows the store's "changed" (a plan
 * imported appears at once), reading the plans again only when the store's
 * plans generation moved (not after each entry).
 *
 * Property "plan-id" (gint64): the plan chosen; notifies when a person
 * picks another one, and when set. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_PLAN_CHOOSER (d8_plan_chooser_get_type ())
G_DECLARE_FINAL_TYPE (D8PlanChooser, d8_plan_chooser, D8, PLAN_CHOOSER, GtkWidget)

GtkWidget *d8_plan_chooser_new (void);

/* d8_plan_chooser_set_store:
 * @self: the chooser
 * @store: the database whose plans it lists */
void d8_plan_chooser_set_store (D8PlanChooser *self, D8Store *store);

/* d8_plan_chooser_set_plan_id:
 * @self: the chooser
 * @plan_id: a plan of the store (an unknown id selects nothing) */
void d8_plan_chooser_set_plan_id (D8PlanChooser *self, gint64 plan_id);
gint64 d8_plan_chooser_get_plan_id (D8PlanChooser *self);

/* The number of plans listed (for tests). */
guint d8_plan_chooser_get_n_plans (D8PlanChooser *self);
/* The plan at @position, newest first (for tests); NULL past the end. */
const D8Plan *d8_plan_chooser_get_plan (D8PlanChooser *self, guint position);
/* Picks the plan at @position as a person would (for tests). */
void d8_plan_chooser_select (D8PlanChooser *self, guint position);
/* Opens the list (for screenshots). */
void d8_plan_chooser_popup (D8PlanChooser *self);
/* The list's popover, NULL if GTK made none (for screenshots). */
GtkWidget *d8_plan_chooser_get_popover (D8PlanChooser *self);

/* For tests: how many times the chooser has read the list of plans (once
 * for its store, then only when the store's plans generation moves). */
guint d8_plan_chooser_get_n_reads (D8PlanChooser *self);

G_END_DECLS
