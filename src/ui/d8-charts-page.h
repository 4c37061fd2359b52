/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-charts-page.h — the charts of the province or of one unit: a choice of
 * chart (and of indicator where it matters) above a D8ChartView. The page
 * owns the action charts.export (its Export button): the save dialog, then
 * d8_charts_page_export(); it is enabled while a chart is shown. */
#pragma once

#include <gtk/gtk.h>

#include "d8-chart-model.h"
#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_CHARTS_PAGE (d8_charts_page_get_type ())
G_DECLARE_FINAL_TYPE (D8ChartsPage, d8_charts_page, D8, CHARTS_PAGE, GtkWidget)

/* @settings (may be NULL: nothing remembered) remembers the chosen chart
 * kinds and whether the units most behind come first. */
GtkWidget *d8_charts_page_new (GSettings *settings);
/* Shows the charts of @unit_index (-1: the province) from @overview
 * (the page keeps a reference). */
void d8_charts_page_set_subject (D8ChartsPage *self, D8Store *store, D8Overview *overview,
                                 int unit_index);
/* The chart shown now, or NULL. */
const D8ChartModel *d8_charts_page_get_model (D8ChartsPage *self);
GtkWidget *d8_charts_page_get_view (D8ChartsPage *self);
/* Chooses the chart by its stable name in the table of chart kinds:
 * matrix, indicator, timeline (province), unit, timeline (unit); an old
 * name ("progress") chooses the same chart as ever. */
void d8_charts_page_set_kind (D8ChartsPage *self, const char *kind);
/* Chooses the indicator by its position in the plan, -1 for all. */
void d8_charts_page_set_indicator (D8ChartsPage *self, int indicator_index);

/* Writes the chart shown now to @path (PNG/SVG/PDF by extension), A4
 * landscape in the print style; a PNG at @dpi. */
gboolean d8_charts_page_export (D8ChartsPage *self, const char *path, double dpi,
                                GError **error);

G_END_DECLS
