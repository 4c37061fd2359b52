/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-util.h — what the benchmarks share: medians, and a store filled
 * with generated entries straight through SQLite. */
#pragma once

#include <glib.h>

double bench_median (double *values, guint n);

/* Prints "NAME: MEDIAN (MIN–MAX)" with @digits decimals: every timed line of
 * `make bench` reads the same way. Sorts @values. */
void bench_print (const char *name, double *values, guint n, int digits);

/* Adds @n entries to the plan's count indicators, spread over its units and
 * the days of 2023, in one transaction (the triggers keep the sums as the
 * app's own writes do). Amounts are 0…@max_amount; with @mostly_zero, 97 %
 * are 0 and the rest 1, so 10,000 entries land near the 2023 quotas. */
void bench_fill_entries (const char *db_path, gint64 plan_id, guint n, guint32 seed,
                         int max_amount, gboolean mostly_zero);
