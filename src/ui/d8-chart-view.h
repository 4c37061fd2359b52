/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-view.h — a widget that shows one chart of the chart layer, in
 * the colours of the current style (light, dark, high contrast), with a
 * tooltip of exact figures and an accessible description in words. */
#pragma once

#include <gtk/gtk.h>

#include "d8-chart-model.h"

G_BEGIN_DECLS

#define D8_TYPE_CHART_VIEW (d8_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (D8ChartView, d8_chart_view, D8, CHART_VIEW, GtkWidget)

GtkWidget *d8_chart_view_new (void);
/* Takes ownership of @model (may be NULL: nothing is drawn). */
void d8_chart_view_set_model (D8ChartView *self, D8ChartModel *model);
const D8ChartModel *d8_chart_view_get_model (D8ChartView *self);
/* Rows open (the "row-activated" signal) with Enter, Space or a click;
 * @hint (may be NULL) tells a screen reader how, after the description. */
void d8_chart_view_set_activatable (D8ChartView *self, gboolean activatable, const char *hint);
/* The row chosen with the arrow keys or a click (a row of model->rows,
 * top to bottom), -1 for none; setting it scrolls it into view. */
void d8_chart_view_set_focus_row (D8ChartView *self, int row);
int d8_chart_view_get_focus_row (D8ChartView *self);
/* Emits "row-activated" for @row when the rows are activatable. */
void d8_chart_view_activate_row (D8ChartView *self, int row);
/* The scroll offset of the rows (layout units): for a scrollbar beside
 * the view. Its upper bound is the layout's height, its page the view's. */
GtkAdjustment *d8_chart_view_get_vadjustment (D8ChartView *self);
/* The tooltip text for a point of the widget, or NULL (for tests). */
char *d8_chart_view_describe_at (D8ChartView *self, double x, double y);

G_END_DECLS
