/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-error.c — the core's error domain. */
#include "d8-error.h"

G_DEFINE_QUARK (d8-error-quark, d8_error)
