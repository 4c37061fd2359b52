/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-view-tables.c — the window's tables as D8Table values (see
 * d8-view-tables.h). Only what a view shows is put in cells here: every
 * figure and word comes from d8-progress.c and d8-reporting.c. */
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

static void
set_timestamp (D8Table    *table,
               guint       row,
               guint       column,
               const char *timestamp)
{
  g_autofree char *text = NULL;

  if (timestamp == NULL)
    return;
  text = d8_format_timestamp (timestamp);
  d8_table_set_text (table, row, column, text);
}

D8Table *
d8_view_table_reports (const D8PeriodSummary *summary)
{
  D8Table *table;
  const char *header[] = {
    C_("column", "No."), C_("column", "Unit"), C_("column", "Report"),
    C_("column", "Received"), C_("column", "Decided"), C_("column", "Submission"),
    C_("column", "Reason"), NULL,
  };
  guint row;

  g_return_val_if_fail (summary != NULL, NULL);

  table = d8_table_new (_("Reports"), 7);
  table->title = g_strdup (summary->period->title ? summary->period->title
                                                  : summary->period->code);
  d8_table_add_header (table, header);
  table->widths[1] = 18;
  table->widths[6] = 40;
  for (guint i = 0; i < summary->rows->len; i++)
    {
      const D8PeriodRow *r = g_ptr_array_index (summary->rows, i);
      const D8UnitReport *report = r->report;

      row = d8_table_add_row (table);
      if (r->unit->position > 0)
        d8_table_set_count (table, row, 0, r->unit->position);
      d8_table_set_text (table, row, 1, r->unit->name);
      d8_table_set_text (table, row, 2, d8_period_status_to_label (r->status));
      if (report == NULL)
        continue;
      set_timestamp (table, row, 3, report->received_at);
      set_timestamp (table, row, 4, report->decided_at);
      d8_table_set_count (table, row, 5, report->submission);
      switch (report->state)
        {
        case D8_REPORT_STATE_RETURNED:
          d8_table_set_text (table, row, 6, report->decision_reason);
          break;
        case D8_REPORT_STATE_REOPENED:
          d8_table_set_text (table, row, 6, report->reopen_reason);
          break;
        case D8_REPORT_STATE_SUBMITTED:
        case D8_REPORT_STATE_WITHDRAWN:
        case D8_REPORT_STATE_APPROVED:
          break;
        }
    }

  /* The rates under the units: the counts, and their shares of expected. */
  row = d8_table_add_row (table);
  d8_table_set_text (table, row, 1, _("Reports expected"));
  d8_table_set_count (table, row, 2, summary->expected);
  d8_table_set_row_bold (table, row, TRUE);
  row = d8_table_add_row (table);
  d8_table_set_text (table, row, 1, _("Received (completeness)"));
  d8_table_set_count (table, row, 2, summary->received);
  d8_table_set_percent (table, row, 3, summary->completeness);
  d8_table_set_row_bold (table, row, TRUE);
  row = d8_table_add_row (table);
  d8_table_set_text (table, row, 1, _("On time (timeliness)"));
  d8_table_set_count (table, row, 2, summary->on_time);
  d8_table_set_percent (table, row, 3, summary->timeliness);
  d8_table_set_row_bold (table, row, TRUE);
  return table;
}
