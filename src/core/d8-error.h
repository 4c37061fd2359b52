/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-error.h — the core's error domain. Messages are written for people:
 * they name what is wrong and where (file, record, field), and are
 * translatable, because they end up in the window and on the CLI. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define D8_ERROR (d8_error_quark ())

typedef enum
{
  D8_ERROR_INVALID,        /* bad user input: amount, date, text */
  D8_ERROR_OUT_OF_PERIOD,  /* a date outside the plan's period: ask to confirm */
  D8_ERROR_NOT_FOUND,      /* no such plan, unit, indicator or entry */
  D8_ERROR_AMBIGUOUS,      /* a name matches more than one record */
  D8_ERROR_PLAN_FORMAT,    /* a plan file is malformed */
  D8_ERROR_SCHEMA_TOO_NEW, /* the database was written by a newer duan8 */
  D8_ERROR_DATABASE,       /* SQLite failed: an internal error */
  D8_ERROR_NOT_A_DATABASE, /* an existing file that is empty, damaged or not duan8's */
  D8_ERROR_LOCKED,         /* an entry in a period whose report is approved (d8-reporting.h) */
} D8Error;

GQuark d8_error_quark (void);

G_END_DECLS
