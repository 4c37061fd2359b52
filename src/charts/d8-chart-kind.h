/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-kind.h — the chart kinds as data: one table says what each kind
 * is called, what it is about, what it needs and how it is laid out, so the
 * window, duan8-cli and the layout read it instead of each testing kinds
 * in its own way. A new kind is one row here, one layout file and one
 * model filler (see README.md).
 */
#pragma once

#include <glib.h>

#include "d8-chart-model.h"
#include "d8-store.h"

G_BEGIN_DECLS

/* Where a kind is shown: the province's pages, a unit's pages, or both. */
typedef enum
{
  D8_CHART_SCOPE_PROVINCE = 1 << 0,
  D8_CHART_SCOPE_UNIT = 1 << 1,
} D8ChartScope;

/* Whether a kind is about one unit (or one indicator). */
typedef enum
{
  D8_CHART_NEED_NONE = 0, /* not asked for; one given anyway is left unused */
  D8_CHART_NEED_ONE,      /* the chart is about exactly one */
  D8_CHART_NEED_OPTIONAL, /* one, or all of them when none is given */
} D8ChartNeed;

typedef struct
{
  D8ChartKind kind;
  const char *name;     /* stable: duan8-cli --chart, the values kept in GSettings */
  const char *alias;    /* an older name still accepted for it, or NULL */
  const char *label;    /* marked for translation; the window shows it through gettext */
  D8ChartScope scopes;
  D8ChartNeed unit;
  D8ChartNeed indicator;
} D8ChartKindInfo;

/* The row of @kind in the table. Never NULL for a kind of the enum. */
const D8ChartKindInfo *d8_chart_kind_get_info (D8ChartKind kind);

/* The kind named @name, or named so before (its alias: "progress" for the
 * unit chart, as older settings hold it). Returns NULL for an unknown name. */
const D8ChartKindInfo *d8_chart_kind_lookup (const char *name);

/* The @n-th kind shown in @scope, in the table's order (the order of the
 * window's list), or NULL when @scope has @n kinds or fewer. */
const D8ChartKindInfo *d8_chart_kind_nth (D8ChartScope scope, guint n);

/* Fills the model of a chart of kind @info from @overview: @unit_index and
 * @indicator_index are into overview->units / ->indicators, -1 for none
 * (the province; every indicator). @store gives a timeline its daily sums.
 * Returns the model, or NULL with @error set when the store cannot be read. */
D8ChartModel *d8_chart_kind_new_model (const D8ChartKindInfo *info, D8Store *store,
                                       D8Overview *overview, int unit_index, int indicator_index,
                                       GError **error);

G_END_DECLS
