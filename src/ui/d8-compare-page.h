/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-compare-page.h — the Compare Plans view: plans of the programme side
 * by side (d8-plan-compare.h). A choice of plans (default: every plan),
 * of an indicator and of the rows (the province, by former district, by
 * unit); the compare chart of that indicator in a D8ChartView, and a
 * recycling table of its figures per year and over all years. The page
 * owns the actions compare.export and compare.print, for its chart. */
#pragma once

#include <gtk/gtk.h>

#include "d8-chart-model.h"
#include "d8-plan-compare.h"
#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_COMPARE_PAGE (d8_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (D8ComparePage, d8_compare_page, D8, COMPARE_PAGE, GtkWidget)

/* @settings (may be NULL) gives the remembered page setup and export folder. */
GtkWidget *d8_compare_page_new (D8Store *store, GSettings *settings);

/* The window of the view: a header bar and the page, transient for @parent. */
GtkWidget *d8_compare_window_new (GtkWindow *parent, D8Store *store, GSettings *settings);
D8ComparePage *d8_compare_window_get_page (GtkWidget *window);

/* Compares the plans @plan_ids (gint64), or every plan of the store (NULL). */
void d8_compare_page_set_plans (D8ComparePage *self, GArray *plan_ids);
/* The ISO date the figures are for; NULL for today. */
void d8_compare_page_set_as_of (D8ComparePage *self, const char *as_of);
/* Chooses the indicator by its code in any compared plan; FALSE when none has it. */
gboolean d8_compare_page_set_indicator (D8ComparePage *self, const char *code);
void d8_compare_page_set_rows (D8ComparePage *self, D8CompareBy by);

/* What is shown now, or NULL (no plan, or an error shown in the page). */
const D8PlanCompare *d8_compare_page_get_compare (D8ComparePage *self);
const D8ChartModel *d8_compare_page_get_model (D8ComparePage *self);
GtkWidget *d8_compare_page_get_view (D8ComparePage *self);
GtkColumnView *d8_compare_page_get_table (D8ComparePage *self);

/* Writes the chart to @path (PNG at @dpi dots per inch, SVG or PDF by
 * extension), A4 landscape in the print style. */
gboolean d8_compare_page_export (D8ComparePage *self, const char *path, double dpi,
                                 GError **error);
/* Prints the chart on one page: PRINT_DIALOG for people, EXPORT with
 * @export_path for a PDF without a dialog (tests). */
GtkPrintOperationResult d8_compare_page_print (D8ComparePage *self, GtkPrintOperationAction action,
                                               const char *export_path, GError **error);

G_END_DECLS
