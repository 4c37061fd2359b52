/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-print.h — printing the meeting pack (src/charts/d8-chart-pack.h) with
 * GtkPrintOperation: A4 landscape by default, page setup and print settings
 * remembered between runs in GSettings, GTK's print preview. */
#pragma once

#include <gtk/gtk.h>

#include "d8-progress.h"
#include "d8-rollup.h"

G_BEGIN_DECLS

/* Runs the print operation for @overview. @action: PRINT_DIALOG for the
 * user, EXPORT with @export_path to write a PDF (tests). @office: the office
 * named on the cover. @settings may be NULL (nothing remembered). */
GtkPrintOperationResult d8_print_pack (GtkWindow *parent, GSettings *settings,
                                       D8Overview *overview, const char *office,
                                       GtkPrintOperationAction action,
                                       const char *export_path, GError **error);

/* The same, with the matrix grouped by parent (@rollup: transfer full,
 * nullable) and a choice of unit pages (@units: see d8_chart_pack_select_units;
 * NULL for the default), which the dialog's "Meeting pack" tab can change. */
GtkPrintOperationResult d8_print_pack_full (GtkWindow *parent, GSettings *settings,
                                            D8Overview *overview, D8Rollup *rollup,
                                            const char *office, const char *units,
                                            GtkPrintOperationAction action,
                                            const char *export_path, GError **error);

/* The page setup dialog; the result is remembered in @settings. */
void d8_print_page_setup (GtkWindow *parent, GSettings *settings);

/* The remembered page setup (A4 landscape when nothing is remembered). */
GtkPageSetup *d8_print_load_page_setup (GSettings *settings);

G_END_DECLS
