/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-view-tables.c — the unit page's table as a D8Table (see
 * d8-view-tables.h). Only what the page shows is put in cells here: every
 * figure and word comes from d8-progress.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "d8-entry.h"
#include "d8-format.h"
#include "d8-view-tables.h"

D8Table *
d8_view_table_unit (D8Overview *ov,
                    guint       unit_index)
{
  const D8Unit *unit;
  D8Table *table;
  const char *header[] = {
    C_("column", "No."), C_("column", "Indicator"), C_("column", "Unit of count"),
    C_("column", "Quota"), C_("column", "Achieved"), C_("column", "Target group"),
    C_("column", "%"), C_("column", "Status"), NULL,
  };

  g_return_val_if_fail (ov != NULL, NULL);
  g_return_val_if_fail (unit_index < ov->units->len, NULL);

  unit = g_ptr_array_index (ov->units, unit_index);
  table = d8_table_new (unit->name, 8);
  table->title = g_strdup_printf ("%s — %s", unit->name, ov->plan->doc_number);
  d8_table_add_header (table, header);
  table->widths[1] = 48;
  for (guint i = 0; i < ov->indicators->len; i++)
    {
      const D8Indicator *ind = g_ptr_array_index (ov->indicators, i);
      const D8Cell *cell = d8_overview_cell (ov, unit_index, i);
      guint row = d8_table_add_row (table);
      gboolean percent = d8_indicator_kind_counts_women (ind->kind);

      d8_table_set_text (table, row, 0, ind->code);
      d8_table_set_text (table, row, 1, ind->name_vi);
      d8_table_set_text (table, row, 2, ind->count_unit);
      if (cell->has_quota && !percent)
        d8_table_set_count (table, row, 3, cell->quota);
      d8_table_set_count (table, row, 4, cell->achieved);
      if (percent)
        d8_table_set_count (table, row, 5, cell->group_size);
      d8_table_set_percent (table, row, 6, cell->completion);
      d8_table_set_text (table, row, 7, d8_status_to_label (cell->status));
    }
  return table;
}
