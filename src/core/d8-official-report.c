/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-official-report.c — the document model of the province's report to
 * the People's Committee, written from the figures (d8-official-report.h).
 *
 * Every sentence is one translatable message with its numbers as
 * arguments (ngettext where a count decides the wording), so the
 * Vietnamese reads as a person would write it; numbers, percents and dates
 * come from d8-format.c, figures and statuses from d8-progress.c. The
 * appendix and the other sheets are D8Table values, so PDF, DOCX and XLSX
 * print the same cells.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-format.h"
#include "d8-official-report.h"

/* ------------------------------------------------------------ plain data */

D8ReportSection *
d8_report_section_new (int level, const char *heading)
{
  D8ReportSection *section = g_new0 (D8ReportSection, 1);

  section->level = level;
  section->heading = g_strdup (heading);
  section->paragraphs = g_ptr_array_new_with_free_func (g_free);
  return section;
}

void
d8_report_section_free (D8ReportSection *section)
{
  if (section == NULL)
    return;
  g_free (section->heading);
  g_ptr_array_unref (section->paragraphs);
  g_free (section);
}

void
d8_report_section_add (D8ReportSection *section, const char *text)
{
  g_return_if_fail (section != NULL && text != NULL);
  g_ptr_array_add (section->paragraphs, g_strdup (text));
}

D8OfficialReport *
d8_official_report_new (void)
{
  D8OfficialReport *report = g_new0 (D8OfficialReport, 1);

  report->intro = g_ptr_array_new_with_free_func (g_free);
  report->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_report_section_free);
  report->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_table_unref);
  report->recipients = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
d8_official_report_free (D8OfficialReport *report)
{
  if (report == NULL)
    return;
  g_free (report->plan_code);
  g_free (report->period_code);
  g_free (report->issuer_parent);
  g_free (report->issuer);
  g_free (report->number);
  g_free (report->national_title);
  g_free (report->motto);
  g_free (report->place_date);
  g_free (report->title);
  g_free (report->subtitle);
  g_ptr_array_unref (report->intro);
  g_ptr_array_unref (report->sections);
  g_free (report->appendix_title);
  g_clear_pointer (&report->appendix, d8_table_unref);
  g_ptr_array_unref (report->sheets);
  g_free (report->recipients_heading);
  g_ptr_array_unref (report->recipients);
  g_free (report->signer_capacity);
  g_free (report->signer_title);
  g_free (report->signer_name);
  g_free (report);
}

D8OfficialNarrative *
d8_official_narrative_new (gint64 unit_id)
{
  D8OfficialNarrative *narrative = g_new0 (D8OfficialNarrative, 1);

  narrative->unit_id = unit_id;
  narrative->reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return narrative;
}

void
d8_official_narrative_free (D8OfficialNarrative *narrative)
{
  if (narrative == NULL)
    return;
  g_free (narrative->results);
  g_free (narrative->difficulties);
  g_free (narrative->proposals);
  g_hash_table_unref (narrative->reasons);
  g_free (narrative);
}

/* ---------------------------------------------------------------- helpers */

static char *
trim_dup (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

static gboolean
has_text (const char *text)
{
  g_autofree char *trimmed = trim_dup (text);
  return *trimmed != '\0';
}

/* "Gia Lai, ngày 05 tháng 02 năm 2023": Decree 30 writes days below 10 and
 * the months January and February with a leading zero. */
static char *
format_place_date (const char *place, const char *iso)
{
  int year = 0, month = 0, day = 0;
  g_autofree char *day_s = NULL, *month_s = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (place ? place : "");
  day_s = g_strdup_printf (day < 10 ? "%02d" : "%d", day);
  month_s = g_strdup_printf (month < 3 ? "%02d" : "%d", month);
  /* Translators: place and date of an official document (Decree 30):
     place, day, month, year — "Gia Lai, ngày 05 tháng 02 năm 2023" */
  return g_strdup_printf (_("%1$s, day %2$s month %3$s year %4$d"), place ? place : "", day_s,
                          month_s, year);
}

static const D8OfficialNarrative *
find_narrative (GPtrArray *narratives, gint64 unit_id)
{
  if (narratives == NULL)
    return NULL;
  for (guint i = 0; i < narratives->len; i++)
    if (((D8OfficialNarrative *) narratives->pdata[i])->unit_id == unit_id)
      return narratives->pdata[i];
  return NULL;
}

static void
split_lines_into (GPtrArray *out, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_ptr_array_add (out, g_strdup (lines[i]));
    }
}

/* ------------------------------------------------------------ sentences */

/* The sentences of one count indicator: the province's figures against the
 * total the plan states, how many units are where, and the allocation
 * check when the units' quotas do not add up to the stated total. */
static char *
describe_count_indicator (D8Overview *overview, guint i)
{
  const D8Indicator *ind = overview->indicators->pdata[i];
  const D8Cell *total = &overview->totals[i];
  GString *out = g_string_new (NULL);
  guint n_quota = 0, n_done = 0, n_on_track = 0, n_behind = 0, n_not_started = 0;
  gint64 stated, allocated, difference;
  g_autofree char *achieved = d8_format_count (total->achieved);

  if (total->has_quota)
    {
      g_autofree char *quota = d8_format_count (total->quota);
      g_autofree char *share = d8_format_percent (total->completion, 1);

      /* Translators: indicator name, achieved, quota, unit of count, share
         of the quota — "…: đạt 45/128 tổ, bằng 35,2 % chỉ tiêu." */
      g_string_append_printf (out, _("%1$s: %2$s of %3$s %4$s achieved, %5$s of the target."),
                              ind->name_vi, achieved, quota, ind->count_unit, share);
    }
  else
    /* Translators: indicator name, achieved, unit of count (no target) */
    g_string_append_printf (out, _("%1$s: %2$s %3$s achieved."), ind->name_vi, achieved,
                            ind->count_unit);

  for (guint u = 0; u < overview->units->len; u++)
    {
      const D8Cell *cell = d8_overview_cell (overview, u, i);

      switch (cell->status)
        {
        case D8_STATUS_NO_QUOTA:
          continue;
        case D8_STATUS_NOT_STARTED:
          n_not_started++;
          break;
        case D8_STATUS_BEHIND:
          n_behind++;
          break;
        case D8_STATUS_ON_TRACK:
          n_on_track++;
          break;
        case D8_STATUS_DONE:
        case D8_STATUS_OVER: /* over-achieved is a kind of done */
          n_done++;
          break;
        default:
          g_assert_not_reached ();
        }
      n_quota++;
    }
  if (n_quota > 0)
    {
      g_autofree char *a = d8_format_count (n_quota), *b = d8_format_count (n_done);
      g_autofree char *c = d8_format_count (n_on_track), *d = d8_format_count (n_behind);
      g_autofree char *e = d8_format_count (n_not_started);

      g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              /* Translators: how the units with a quota stand: how many
                                 units, then done, on track, behind, not started */
                              ngettext ("Of the %1$s unit with a quota: %2$s done, %3$s on "
                                        "track, %4$s behind, %5$s not started.",
                                        "Of the %1$s units with a quota: %2$s done, %3$s on "
                                        "track, %4$s behind, %5$s not started.",
                                        n_quota),
                              a, b, c, d, e);
    }
  if (d8_overview_allocation (overview, i, &stated, &allocated, &difference) && difference != 0)
    {
      g_autofree char *s = d8_format_count (stated), *a = d8_format_count (allocated);
      g_autofree char *d = d8_format_count (ABS (difference));

      g_string_append_c (out, ' ');
      if (difference > 0)
        /* Translators: the allocation check, shown and never corrected:
           stated total, sum of the units' quotas, the difference */
        g_string_append_printf (out, _("The plan states %1$s; the units’ quotas add up to %2$s, "
                                       "%3$s not allocated."),
                                s, a, d);
      else
        g_string_append_printf (out, _("The plan states %1$s; the units’ quotas add up to %2$s, "
                                       "%3$s more than stated."),
                                s, a, d);
    }
  return g_string_free (out, FALSE);
}

static char *
describe_percent_indicator (D8Overview *overview, guint i)
{
  const D8Indicator *ind = overview->indicators->pdata[i];
  const D8Cell *total = &overview->totals[i];
  g_autofree char *target = ind->has_target ? d8_format_percent (ind->target / 100.0, 0)
                                            : g_strdup ("–");

  if (total->group_size <= 0)
    /* Translators: a percent indicator with nothing recorded; its target */
    return g_strdup_printf (_("%1$s: nothing recorded yet (target %2$s)."), ind->name_vi, target);
  {
    g_autofree char *reached = d8_format_count (total->achieved);
    g_autofree char *size = d8_format_count (total->group_size);
    g_autofree char *share = d8_format_percent ((double) total->achieved
                                                  / (double) total->group_size, 1);

    /* Translators: indicator, women reached, women in the target group,
       the share, the plan's target */
    return g_strdup_printf (_("%1$s: %2$s of %3$s women in the target group reached (%4$s; "
                              "target %5$s)."),
                            ind->name_vi, reached, size, share, target);
  }
}

static void
add_results (D8OfficialReport *report, D8Overview *overview, const D8OfficialPeriod *period,
             GPtrArray *narratives)
{
  D8ReportSection *section = d8_report_section_new (1, _("I. RESULTS"));
  g_autoptr (GArray) groups = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *cutoff = d8_format_date (period->cutoff);
  g_autofree char *overall = d8_format_percent (overview->province_overall, 1);
  g_autofree char *expected = d8_format_percent (overview->expected, 1);
  guint number = 1;

  /* Translators: the cut-off date, the province's mean completion, the
     share of the year elapsed */
  g_autofree char *sentence = g_strdup_printf (_("As of %1$s the province has reached on average "
                                                 "%2$s of its quotas; the expected pace at this "
                                                 "date is %3$s."),
                                               cutoff, overall, expected);
  d8_report_section_add (section, sentence);
  g_ptr_array_add (report->sections, section);

  /* The content groups in the order of their first indicator: the plan's
   * grouping is data (docs/plan-format.md), never a fixed list. */
  for (guint i = 0; i < overview->indicators->len; i++)
    {
      const D8Indicator *ind = overview->indicators->pdata[i];
      gboolean seen = FALSE;

      for (guint g = 0; g < groups->len; g++)
        seen |= g_array_index (groups, int, g) == ind->group_no;
      if (!seen)
        g_array_append_val (groups, ind->group_no);
    }
  for (guint g = 0; g < groups->len; g++)
    {
      int group = g_array_index (groups, int, g);
      const char *title = NULL;
      g_autofree char *heading = NULL;
      D8ReportSection *sub;

      for (guint i = 0; i < overview->indicators->len && title == NULL; i++)
        if (((D8Indicator *) overview->indicators->pdata[i])->group_no == group)
          title = ((D8Indicator *) overview->indicators->pdata[i])->group_title;
      /* Translators: a heading: its number, the content group's number
         and title — "1. Nội dung 1: …" */
      heading = g_strdup_printf (_("%1$u. Content %2$d: %3$s"), number++, group,
                                 title ? title : "");
      sub = d8_report_section_new (2, heading);
      for (guint i = 0; i < overview->indicators->len; i++)
        {
          const D8Indicator *ind = overview->indicators->pdata[i];
          g_autofree char *text = NULL, *item = NULL;

          if (ind->group_no != group)
            continue;
          switch (ind->kind)
            {
            case D8_KIND_COUNT:
              text = describe_count_indicator (overview, i);
              break;
            case D8_KIND_PERCENT:
              text = describe_percent_indicator (overview, i);
              break;
            default:
              g_assert_not_reached ();
            }
          item = g_strconcat ("- ", text, NULL);
          d8_report_section_add (sub, item);
        }
      g_ptr_array_add (report->sections, sub);
    }

  /* What the units themselves wrote about their results. */
  {
    D8ReportSection *sub = NULL;

    for (guint u = 0; u < overview->units->len; u++)
      {
        const D8Unit *unit = overview->units->pdata[u];
        const D8OfficialNarrative *n = find_narrative (narratives, unit->id);
        g_autofree char *item = NULL, *results = NULL;

        if (n == NULL || !has_text (n->results))
          continue;
        if (sub == NULL)
          {
            g_autofree char *heading = g_strdup_printf (_("%u. From the units’ reports"), number);
            sub = d8_report_section_new (2, heading);
          }
        results = trim_dup (n->results);
        item = g_strdup_printf ("- %s: %s", unit->name, results);
        d8_report_section_add (sub, item);
      }
    if (sub != NULL)
      g_ptr_array_add (report->sections, sub);
  }
}

/* The units behind: every indicator where a unit is behind the expected
 * pace or has not started, with the unit's own reason when it gave one. */
static void
add_units_behind (D8OfficialReport *report, D8Overview *overview, GPtrArray *narratives)
{
  D8ReportSection *section = d8_report_section_new (1, _("II. UNITS BEHIND SCHEDULE"));

  for (guint u = 0; u < overview->units->len; u++)
    {
      const D8Unit *unit = overview->units->pdata[u];
      const D8OfficialNarrative *n = find_narrative (narratives, unit->id);
      g_autoptr (GString) list = g_string_new (NULL);
      g_autoptr (GString) reasons = g_string_new (NULL);
      g_autofree char *item = NULL, *full = NULL;

      for (guint i = 0; i < overview->indicators->len; i++)
        {
          const D8Indicator *ind = overview->indicators->pdata[i];
          const D8Cell *cell = d8_overview_cell (overview, u, i);
          const char *reason;
          g_autofree char *figures = NULL;

          /* Only what the appendix allocates to units; a province-wide
           * target (section II) is the province's to report. */
          if (!ind->in_appendix
              || (cell->status != D8_STATUS_BEHIND && cell->status != D8_STATUS_NOT_STARTED))
            continue;
          figures = d8_cell_format_figures (cell, ind);
          if (list->len > 0)
            g_string_append (list, "; ");
          /* Translators: an indicator where a unit is behind: its number in
             the appendix and the figures achieved/quota — "chỉ tiêu 1 (1/4)" */
          g_string_append_printf (list, _("indicator %1$s (%2$s)"), ind->code, figures);
          reason = n ? g_hash_table_lookup (n->reasons, ind->code) : NULL;
          if (has_text (reason))
            {
              g_autofree char *trimmed = trim_dup (reason);

              g_string_append_c (reasons, ' ');
              /* Translators: the unit's own reason for one indicator */
              g_string_append_printf (reasons, _("Reason given for indicator %1$s: %2$s"),
                                      ind->code, trimmed);
            }
        }
      if (list->len == 0)
        continue;
      if (reasons->len == 0)
        {
          g_string_append_c (reasons, ' ');
          g_string_append (reasons, _("The unit has not given a reason."));
        }
      /* Translators: a unit behind schedule: its name, the indicators */
      item = g_strdup_printf (_("- %1$s: behind on %2$s."), unit->name, list->str);
      full = g_strconcat (item, reasons->str, NULL);
      d8_report_section_add (section, full);
    }
  if (section->paragraphs->len == 0)
    d8_report_section_add (section, _("No unit is behind schedule."));
  g_ptr_array_add (report->sections, section);
}

/* Difficulties or proposals: each unit's text, as it wrote it. */
static void
add_compiled (D8OfficialReport *report, D8Overview *overview, GPtrArray *narratives,
              const char *heading, gboolean proposals, const char *none)
{
  D8ReportSection *section = d8_report_section_new (1, heading);

  for (guint u = 0; u < overview->units->len; u++)
    {
      const D8Unit *unit = overview->units->pdata[u];
      const D8OfficialNarrative *n = find_narrative (narratives, unit->id);
      const char *text = n ? (proposals ? n->proposals : n->difficulties) : NULL;
      g_autofree char *item = NULL, *trimmed = NULL;

      if (!has_text (text))
        continue;
      trimmed = trim_dup (text);
      item = g_strdup_printf ("- %s: %s", unit->name, trimmed);
      d8_report_section_add (section, item);
    }
  if (section->paragraphs->len == 0)
    d8_report_section_add (section, none);
  g_ptr_array_add (report->sections, section);
}

/* --------------------------------------------------------------- tables */

/* The appendix: TT, unit, then quota / achieved / % per indicator of the
 * appendix; the sum of the units, the plan's stated totals and the
 * difference between them (shown, never corrected). */
static D8Table *
build_appendix (D8Overview *overview)
{
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) head1 = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) head2 = g_ptr_array_new_with_free_func (g_free);
  D8Table *table;
  guint row;
  gboolean any_difference = FALSE;

  for (guint i = 0; i < overview->indicators->len; i++)
    {
      const D8Indicator *ind = overview->indicators->pdata[i];
      if (ind->in_appendix && ind->kind == D8_KIND_COUNT)
        g_array_append_val (columns, i);
    }
  table = d8_table_new (_("Province matrix"), 2 + 3 * columns->len);
  /* Translators: the row number column of an appendix ("TT") */
  g_ptr_array_add (head1, g_strdup (_("No.")));
  g_ptr_array_add (head1, g_strdup (_("Unit")));
  g_ptr_array_add (head2, g_strdup (_("No.")));
  g_ptr_array_add (head2, g_strdup (_("Unit")));
  table->widths[0] = 5;
  table->widths[1] = 22;
  for (guint c = 0; c < columns->len; c++)
    {
      const D8Indicator *ind = overview->indicators->pdata[g_array_index (columns, guint, c)];

      g_ptr_array_add (head1, g_strdup_printf ("%s. %s", ind->code, ind->name_vi));
      g_ptr_array_add (head1, NULL);
      g_ptr_array_add (head1, NULL);
      /* Translators: short column headers of the appendix under each
         indicator: the quota, what was achieved (as in "plan / actual"),
         the share; each column is about as wide as four digits */
      g_ptr_array_add (head2, g_strdup (C_("appendix column", "Quota")));
      g_ptr_array_add (head2, g_strdup (C_("appendix column", "Actual")));
      g_ptr_array_add (head2, g_strdup ("%"));
      table->widths[2 + 3 * c] = 8;
      table->widths[3 + 3 * c] = 8;
      table->widths[4 + 3 * c] = 8;
    }
  d8_table_add_header (table, (const char *const *) head1->pdata);
  d8_table_add_header (table, (const char *const *) head2->pdata);

  for (guint u = 0; u < overview->units->len; u++)
    {
      const D8Unit *unit = overview->units->pdata[u];

      row = d8_table_add_row (table);
      if (unit->position > 0)
        d8_table_set_count (table, row, 0, unit->position);
      d8_table_set_text (table, row, 1, unit->name);
      for (guint c = 0; c < columns->len; c++)
        {
          const D8Cell *cell = d8_overview_cell (overview, u, g_array_index (columns, guint, c));

          if (cell->has_quota)
            d8_table_set_count (table, row, 2 + 3 * c, cell->quota);
          else
            d8_table_set_text (table, row, 2 + 3 * c, "-");
          d8_table_set_count (table, row, 3 + 3 * c, cell->achieved);
          d8_table_set_percent (table, row, 4 + 3 * c, cell->completion);
        }
    }

  /* The sum of the units: allocated quotas and what they achieved. */
  row = d8_table_add_row (table);
  d8_table_set_text (table, row, 1, _("Sum of the units"));
  for (guint c = 0; c < columns->len; c++)
    {
      guint i = g_array_index (columns, guint, c);
      const D8Cell *total = &overview->totals[i];

      d8_table_set_count (table, row, 2 + 3 * c, overview->allocated[i]);
      d8_table_set_count (table, row, 3 + 3 * c, total->achieved);
      if (overview->allocated[i] > 0)
        d8_table_set_percent (table, row, 4 + 3 * c,
                              (double) total->achieved / (double) overview->allocated[i]);
    }
  d8_table_set_row_bold (table, row, TRUE);

  /* The plan's stated totals, as written. */
  row = d8_table_add_row (table);
  d8_table_set_text (table, row, 1, overview->plan->target_label ? overview->plan->target_label
                                                                 : _("Stated total"));
  for (guint c = 0; c < columns->len; c++)
    {
      guint i = g_array_index (columns, guint, c);
      const D8Indicator *ind = overview->indicators->pdata[i];
      const D8Cell *total = &overview->totals[i];
      gint64 stated, allocated, difference;

      if (!ind->has_target)
        continue;
      d8_table_set_count (table, row, 2 + 3 * c, (gint64) ind->target);
      d8_table_set_count (table, row, 3 + 3 * c, total->achieved);
      d8_table_set_percent (table, row, 4 + 3 * c, total->completion);
      if (d8_overview_allocation (overview, i, &stated, &allocated, &difference)
          && difference != 0)
        any_difference = TRUE;
    }
  d8_table_set_row_bold (table, row, TRUE);

  if (any_difference)
    {
      row = d8_table_add_row (table);
      d8_table_set_text (table, row, 1, _("Stated total minus the units’ quotas"));
      for (guint c = 0; c < columns->len; c++)
        {
          gint64 stated, allocated, difference;
          if (d8_overview_allocation (overview, g_array_index (columns, guint, c), &stated,
                                      &allocated, &difference))
            d8_table_set_count (table, row, 2 + 3 * c, difference);
        }
    }
  return table;
}

/* One row per indicator: the stated total, the allocation, what was
 * achieved and how the units stand. */
static D8Table *
build_indicator_sheet (D8Overview *overview)
{
  const char *head[] = {
    _("Content"), _("Code"), _("Indicator"), _("Unit of count"), _("Stated total"),
    _("Sum of the units’ quotas"), _("Difference"), C_("appendix column", "Achieved"),
    _("Share of the target"), _("Units done"), _("Units behind"), _("Units not started"),
  };
  D8Table *table = d8_table_new (_("Per indicator"), G_N_ELEMENTS (head));
  const double widths[] = { 8, 6, 48, 10, 10, 10, 10, 10, 10, 10, 10, 10 };

  memcpy (table->widths, widths, sizeof widths);
  d8_table_add_header (table, head);
  for (guint i = 0; i < overview->indicators->len; i++)
    {
      const D8Indicator *ind = overview->indicators->pdata[i];
      const D8Cell *total = &overview->totals[i];
      guint row = d8_table_add_row (table);
      gint64 stated, allocated, difference;
      guint n_done = 0, n_behind = 0, n_not_started = 0;

      d8_table_set_count (table, row, 0, ind->group_no);
      d8_table_set_text (table, row, 1, ind->code);
      d8_table_set_text (table, row, 2, ind->name_vi);
      d8_table_set_text (table, row, 3, ind->count_unit);
      if (ind->kind == D8_KIND_PERCENT)
        {
          if (ind->has_target)
            d8_table_set_percent (table, row, 4, ind->target / 100.0);
          if (total->group_size > 0)
            d8_table_set_percent (table, row, 8,
                                  (double) total->achieved / (double) total->group_size);
          d8_table_set_count (table, row, 7, total->achieved);
          continue;
        }
      if (ind->has_target)
        d8_table_set_count (table, row, 4, (gint64) ind->target);
      if (ind->in_appendix)
        d8_table_set_count (table, row, 5, overview->allocated[i]);
      if (d8_overview_allocation (overview, i, &stated, &allocated, &difference))
        d8_table_set_count (table, row, 6, difference);
      d8_table_set_count (table, row, 7, total->achieved);
      d8_table_set_percent (table, row, 8, total->completion);
      for (guint u = 0; u < overview->units->len; u++)
        {
          D8Status status = d8_overview_cell (overview, u, i)->status;
          n_done += D8_STATUS_IS_DONE (status);
          n_behind += status == D8_STATUS_BEHIND;
          n_not_started += status == D8_STATUS_NOT_STARTED;
        }
      d8_table_set_count (table, row, 9, n_done);
      d8_table_set_count (table, row, 10, n_behind);
      d8_table_set_count (table, row, 11, n_not_started);
    }
  return table;
}

/* ---------------------------------------------------------------- build */

D8OfficialReport *
d8_official_report_build (D8Overview *overview, const D8OfficialPeriod *period,
                          const D8ReportSettings *settings, const char *date,
                          GPtrArray *narratives, D8Table *completeness)
{
  D8OfficialReport *report;
  const D8Plan *plan;
  g_autofree char *start = NULL, *cutoff = NULL, *issued = NULL, *appendix_title = NULL;

  g_return_val_if_fail (overview != NULL && overview->plan != NULL, NULL);
  g_return_val_if_fail (period != NULL && period->cutoff != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  plan = overview->plan;
  report = d8_official_report_new ();
  report->plan_code = g_strdup (plan->code);
  report->period_code = g_strdup (period->code);
  report->issuer_parent = g_strdup (settings->issuer_parent);
  report->issuer = g_strdup (settings->issuer);
  /* The number is given by the clerk when the document is registered:
   * left blank before the symbol, as offices print their drafts. */
  /* Translators: the number and symbol of an official document, the
     number left blank to be written in — "Số:      /BC-HPN" */
  report->number = g_strdup_printf (_("No.: %s/%s"), "        ", settings->symbol);
  report->national_title = g_strdup (_("SOCIALIST REPUBLIC OF VIETNAM"));
  report->motto = g_strdup (_("Independence - Freedom - Happiness"));
  report->place_date = format_place_date (settings->place, date);
  /* Translators: the kind of document, in capitals, above its title */
  report->title = g_strdup (_("REPORT"));
  start = d8_format_date (period->start ? period->start : plan->period_start);
  cutoff = d8_format_date (period->cutoff);
  /* Translators: what the report is about: the plan's number, the first
     and last day counted */
  report->subtitle = g_strdup_printf (_("Results of plan No. %1$s from %2$s to %3$s"),
                                      plan->doc_number, start, cutoff);
  issued = d8_format_date (plan->issued_on);
  {
    /* Translators: the opening sentence: the plan's number, its date, who
       issued it, its title, the cut-off date of the figures */
    g_autofree char *intro = g_strdup_printf (_("Pursuant to plan No. %1$s dated %2$s of %3$s "
                                                "(%4$s), the results up to %5$s are reported as "
                                                "follows:"),
                                              plan->doc_number, issued,
                                              plan->issuer ? plan->issuer : "",
                                              plan->title ? plan->title : "", cutoff);
    g_ptr_array_add (report->intro, g_steal_pointer (&intro));
  }

  add_results (report, overview, period, narratives);
  add_units_behind (report, overview, narratives);
  add_compiled (report, overview, narratives, _("III. DIFFICULTIES AND THEIR CAUSES"), FALSE,
                _("No unit has reported difficulties."));
  add_compiled (report, overview, narratives, _("IV. PROPOSALS"), TRUE,
                _("No unit has made proposals."));

  /* Translators: the heading of the appendix table; the cut-off date */
  appendix_title = g_strdup_printf (_("APPENDIX: RESULTS BY UNIT AND INDICATOR AS OF %s"),
                                    cutoff);
  report->appendix_title = g_strdup (appendix_title);
  report->appendix = build_appendix (overview);
  report->appendix->title = g_strdup (appendix_title);
  g_ptr_array_add (report->sheets, d8_table_ref (report->appendix));
  {
    D8Table *sheet = build_indicator_sheet (overview);
    sheet->title = g_strdup_printf ("%s — %s", report->subtitle, _("per indicator"));
    g_ptr_array_add (report->sheets, sheet);
  }
  if (completeness != NULL)
    g_ptr_array_add (report->sheets, d8_table_ref (completeness));

  /* Translators: "Nơi nhận:" — the recipients block of an official document */
  report->recipients_heading = g_strdup (_("Recipients:"));
  split_lines_into (report->recipients, settings->recipients);
  report->signer_capacity = g_strdup (settings->signer_capacity);
  report->signer_title = g_strdup (settings->signer_title);
  report->signer_name = g_strdup (settings->signer_name);
  return report;
}

gboolean
d8_official_report_write_xlsx (const D8OfficialReport *report, const char *path, GError **error)
{
  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  return d8_table_write_xlsx (report->sheets, path, error);
}

/* The province page's "Export Table…" writes this same table, so the
 * window and the report's appendix never disagree. */
D8Table *
d8_official_report_appendix (D8Overview *overview)
{
  g_return_val_if_fail (overview != NULL, NULL);
  return build_appendix (overview);
}
