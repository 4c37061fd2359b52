/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-exchange-rows.h — what the parts of the exchange share: how many rows
 * a list shows at most, the row that says how many more there are, and the
 * kind of file a bundle is. */
#pragma once

#include <adwaita.h>

#include "d8-ui-util.h"

G_BEGIN_DECLS

/* Lists longer than this show their first rows and say how many more: a
 * bundle may carry 200,000 records, and a row each would take minutes. */
#define D8_EXCHANGE_ROWS_SHOWN 200

/* d8_exchange_more_row:
 * @n_more: how many rows are not shown
 *
 * Returns: (transfer floating): the last row of a cut list, "And 30 more". */
GtkWidget *d8_exchange_more_row (guint n_more);

/* d8_exchange_bundle_filter:
 *
 * Returns: (transfer none): the file filter of Project 8 bundles, for the
 * open and the save dialog. */
const D8SaveFilter *d8_exchange_bundle_filter (void);

G_END_DECLS
