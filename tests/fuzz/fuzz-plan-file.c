/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-plan-file.c — the plan-file parser (src/core/d8-plan-file.h) on
 * arbitrary bytes, as plan files and the plans inside bundles reach it. */
#include "config.h"

#include "d8-fuzz.h"
#include "d8-plan-file.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8PlanFile) file = NULL;

  if (size > G_MAXSSIZE)
    return 0;
  file = d8_plan_file_parse ((const char *) data, (gssize) size, "fuzz.json", &error);
  if ((file == NULL) == (error == NULL))
    g_error ("d8_plan_file_parse must return a file or an error, not both or neither");
  return 0;
}
