/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-rates-bar.h — the small chart of the Reports view: of the reports a
 * period expects, how many were received and how many on time, as two
 * bars drawn in the colours of the current style, with the figures in
 * words for tooltips and screen readers. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define D8_TYPE_RATES_BAR (d8_rates_bar_get_type ())
G_DECLARE_FINAL_TYPE (D8RatesBar, d8_rates_bar, D8, RATES_BAR, GtkWidget)

GtkWidget *d8_rates_bar_new (void);

/* d8_rates_bar_set_counts:
 * @self: the bar
 * @expected: reports the period expects (whole number, ≥ 0)
 * @received: reports received (≤ @expected)
 * @on_time: reports received by the due date (≤ @received)
 *
 * Shows the counts; the bars are the shares of @expected. */
void d8_rates_bar_set_counts (D8RatesBar *self, guint expected, guint received, guint on_time);

G_END_DECLS
