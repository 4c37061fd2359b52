/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart.h — the chart layer in one include: models filled from the
 * core's overview, layouts, painting into any cairo_t, file export. */
#pragma once

#include "d8-chart-export.h"
#include "d8-chart-groups.h"
#include "d8-chart-kind.h"
#include "d8-chart-layout.h"
#include "d8-chart-model.h"
#include "d8-chart-paint.h"
#include "d8-chart-style.h"
