/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-compare-links.h — the window's way to give the mapping of indicators
 * across plans once (the CLI's is link-indicator): for one indicator of a
 * comparison, a choice per other plan of which of its indicators (of the
 * same kind) is the same one. Applied in one transaction as links
 * (d8_store_link_indicators_all()); the comparison then follows them. */
#pragma once

#include <adwaita.h>

#include "d8-plan-compare.h"
#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_COMPARE_LINKS_DIALOG (d8_compare_links_dialog_get_type ())
G_DECLARE_FINAL_TYPE (D8CompareLinksDialog, d8_compare_links_dialog, D8, COMPARE_LINKS_DIALOG,
                      AdwWindow)

/* For indicator @indicator of @compare; copies what it shows. */
GtkWidget *d8_compare_links_dialog_new (GtkWindow *parent, D8Store *store,
                                        const D8PlanCompare *compare, guint indicator);
/* The choice for plan @plan of the comparison (NULL for the plan the
 * indicator is taken from, or a plan with no indicator of its kind). */
GtkDropDown *d8_compare_links_dialog_get_choice (D8CompareLinksDialog *self, guint plan);
/* Saves the changed choices as links, in one transaction. */
gboolean d8_compare_links_dialog_apply (D8CompareLinksDialog *self, GError **error);

G_END_DECLS
