/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-reports-page.c — the Reports view (see d8-reports-page.h).
 *
 * Everything it shows comes from the core (d8-reporting.h): the periods of
 * the plan, the period's table with each unit's status and the rates
 * (d8_store_period_summary()), the words and colour roles of the statuses
 * (d8_period_status_to_label(), _role()), and the reported figures against
 * those computed now (d8_store_compare_report()). The page only lays them
 * out.
 *
 * The table is a GtkColumnView over a list of the rows' positions: widgets
 * exist only for the rows on screen, so 135 communes (or 3,300) cost what
 * 15 districts do. The comparison, which computes figures, is read for a
 * row when it is first shown and kept until the store changes. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-entry.h"
#include "d8-format.h"
#include "d8-rates-bar.h"
#include "d8-reason-dialog.h"
#include "d8-reports-page.h"
#include "d8-ui-util.h"

struct _D8ReportsPage
{
  GtkWidget parent_instance;

  /* template children */
  GtkLabel *detail_decision;
  GtkLabel *detail_status;
  GtkLabel *detail_title;
  GtkWidget *decision_box;
  GtkLabel *due_label;
  GtkLabel *expected_label;
  GtkGrid *figures_grid;
  GtkWidget *figures_heading;
  GtkLabel *narrative_label;
  GtkWidget *official_button;
  GtkLabel *on_time_label;
  GtkDropDown *period_dropdown;
  D8RatesBar *rates_bar;
  GtkLabel *received_label;
  GtkStack *stack;
  GtkWidget *submit_button;
  GtkColumnView *units_view;

  D8Store *store;
  D8Overview *overview;
  GPtrArray *periods;          /* D8ReportingPeriod* of the plan */
  GtkStringList *period_names; /* the dropdown's model */
  D8PeriodSummary *summary;    /* the period shown */
  GtkStringList *rows;         /* one item per row shown (its unit code) */
  GArray *shown;               /* guint: the summary's row of each row shown */
  GtkWidget *rates_box;
  GtkSingleSelection *selection;
  GHashTable *comparisons;     /* unit id (gint64*) → GPtrArray of D8ReportDifference */
  gboolean filling;            /* the dropdown is being filled: no reload */
};

G_DEFINE_FINAL_TYPE (D8ReportsPage, d8_reports_page, GTK_TYPE_WIDGET)

static const D8PeriodRow *
row_at (D8ReportsPage *self,
        guint          position)
{
  if (self->summary == NULL || position >= self->shown->len)
    return NULL;
  return g_ptr_array_index (self->summary->rows, g_array_index (self->shown, guint, position));
}

static const D8PeriodRow *
selected_row (D8ReportsPage *self)
{
  return row_at (self, gtk_single_selection_get_selected (self->selection));
}

static gboolean
is_province (D8ReportsPage *self)
{
  return self->store != NULL && g_strcmp0 (d8_store_get_office (self->store), "province") == 0;
}

/* The comparison of @row's report with the figures now; NULL when the row
 * has no report or it cannot be computed (then the page says so). */
static GPtrArray *
comparison_for (D8ReportsPage     *self,
                const D8PeriodRow *row,
                GError           **error)
{
  GPtrArray *differences;

  if (row->report == NULL)
    return NULL;
  differences = g_hash_table_lookup (self->comparisons, &row->unit->id);
  if (differences != NULL)
    return differences;
  differences = d8_store_compare_report (self->store, row->report, error);
  if (differences != NULL)
    g_hash_table_insert (self->comparisons, g_memdup2 (&row->unit->id, sizeof (gint64)),
                         differences);
  return differences;
}

static guint
count_differences (GPtrArray *differences)
{
  guint n = 0;

  for (guint i = 0; differences != NULL && i < differences->len; i++)
    if (((const D8ReportDifference *) g_ptr_array_index (differences, i))->differs)
      n++;
  return n;
}

/* Exactly one role class on @label, from the core's role of @status. */
static void
set_period_status_class (GtkWidget      *label,
                         D8PeriodStatus  status)
{
  static const D8StatusRole roles[] = {
    D8_STATUS_ROLE_MUTED, D8_STATUS_ROLE_NEUTRAL, D8_STATUS_ROLE_ALERT,
    D8_STATUS_ROLE_PROGRESS, D8_STATUS_ROLE_SUCCESS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *name = g_strconcat ("d8-role-", d8_status_role_to_string (roles[i]), NULL);
      gtk_widget_remove_css_class (label, name);
    }
  for (guint i = 0; i < D8_PERIOD_STATUS_N; i++)
    gtk_widget_remove_css_class (label, d8_period_status_to_string ((D8PeriodStatus) i));
  {
    g_autofree char *name = g_strconcat ("d8-role-",
                                         d8_status_role_to_string (d8_period_status_role (status)),
                                         NULL);
    gtk_widget_add_css_class (label, name);
    gtk_widget_add_css_class (label, d8_period_status_to_string (status));
  }
}

static char *
received_text (const D8PeriodRow *row)
{
  if (row->report == NULL || row->report->received_at == NULL)
    return g_strdup ("–");
  return d8_format_timestamp (row->report->received_at);
}

/* The figures column: "–" without a report, "Same as now", or how many
 * indicators the entries now give otherwise (@differs set). */
static char *
figures_text (D8ReportsPage     *self,
              const D8PeriodRow *row,
              gboolean          *differs)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *differences;
  guint n;

  *differs = FALSE;
  if (row->report == NULL)
    return g_strdup ("–");
  differences = comparison_for (self, row, &error);
  if (differences == NULL)
    return g_strdup (error->message);
  n = count_differences (differences);
  if (n == 0)
    return g_strdup (_("Same as now"));
  *differs = TRUE;
  /* Translators: in the Reports view, how many indicators a unit
     reported differently from what the entries give now */
  return g_strdup_printf (ngettext ("%u indicator differs", "%u indicators differ", n), n);
}

/* ---------------------------------------------------------- the table */

typedef enum
{
  COLUMN_UNIT,
  COLUMN_STATUS,
  COLUMN_RECEIVED,
  COLUMN_FIGURES,
} Column;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "d8-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  switch (column)
    {
    case COLUMN_UNIT:
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      break;
    case COLUMN_STATUS:
      gtk_widget_add_css_class (label, "d8-cell");
      gtk_widget_add_css_class (label, "d8-status-chip");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      break;
    case COLUMN_RECEIVED:
    case COLUMN_FIGURES:
      gtk_widget_add_css_class (label, "numeric");
      break;
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         D8ReportsPage            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "d8-column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  const D8PeriodRow *row = row_at (self, gtk_list_item_get_position (item));

  if (row == NULL)
    return;
  switch (column)
    {
    case COLUMN_UNIT:
      gtk_label_set_text (GTK_LABEL (label), row->unit->name);
      break;
    case COLUMN_STATUS:
      gtk_label_set_text (GTK_LABEL (label), d8_period_status_to_label (row->status));
      set_period_status_class (label, row->status);
      break;
    case COLUMN_RECEIVED:
      {
        g_autofree char *text = received_text (row);
        gtk_label_set_text (GTK_LABEL (label), text);
      }
      break;
    case COLUMN_FIGURES:
      {
        gboolean differs = FALSE;
        g_autofree char *text = figures_text (self, row, &differs);

        if (differs)
          gtk_widget_add_css_class (label, "error");
        else
          gtk_widget_remove_css_class (label, "error");
        gtk_label_set_text (GTK_LABEL (label), text);
      }
      break;
    }
}

static void
add_column (D8ReportsPage *self,
            Column         column,
            const char    *title,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "d8-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->units_view, col);
  g_object_unref (col);
}

/* ---------------------------------------------------------- the detail */

static const D8Indicator *
find_indicator (D8ReportsPage *self,
                gint64         id)
{
  for (guint i = 0; self->overview != NULL && i < self->overview->indicators->len; i++)
    {
      const D8Indicator *ind = g_ptr_array_index (self->overview->indicators, i);
      if (ind->id == id)
        return ind;
    }
  return NULL;
}

static char *
figure_text (const D8Indicator *ind,
             gint64             achieved,
             gint64             group_size)
{
  g_autofree char *a = d8_format_count (achieved);

  if (ind != NULL && d8_indicator_kind_counts_women (ind->kind))
    {
      g_autofree char *g = d8_format_count (group_size);
      return g_strdup_printf ("%s/%s", a, g);
    }
  return g_steal_pointer (&a);
}

static GtkWidget *
grid_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
fill_figures (D8ReportsPage     *self,
              const D8PeriodRow *row)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *differences;

  d8_ui_remove_all_children (GTK_WIDGET (self->figures_grid));
  gtk_widget_set_visible (self->figures_heading, row->report != NULL);
  if (row->report == NULL)
    return;
  differences = comparison_for (self, row, &error);
  if (differences == NULL)
    {
      gtk_grid_attach (self->figures_grid, grid_label (error->message, "error"), 0, 0, 4, 1);
      return;
    }
  gtk_grid_attach (self->figures_grid, grid_label (_("Indicator"), "dim-label"), 0, 0, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (_("Reported"), "dim-label"), 1, 0, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (_("Now"), "dim-label"), 2, 0, 1, 1);
  for (guint i = 0; i < differences->len; i++)
    {
      const D8ReportDifference *d = g_ptr_array_index (differences, i);
      const D8Indicator *ind = find_indicator (self, d->indicator_id);
      g_autofree char *reported = figure_text (ind, d->reported_achieved, d->reported_group_size);
      g_autofree char *now = figure_text (ind, d->now_achieved, d->now_group_size);
      GtkWidget *code = grid_label (d->indicator_code, "numeric");
      GtkWidget *mark;

      if (ind != NULL)
        d8_ui_set_tooltip_text (code, ind->name_vi);
      gtk_grid_attach (self->figures_grid, code, 0, (int) i + 1, 1, 1);
      gtk_grid_attach (self->figures_grid, grid_label (reported, "numeric"), 1, (int) i + 1, 1, 1);
      gtk_grid_attach (self->figures_grid, grid_label (now, "numeric"), 2, (int) i + 1, 1, 1);
      if (d->differs)
        {
          g_autofree char *amount = d8_format_count (ABS (d->difference));
          /* Translators: a difference between a unit's reported figure and
             the figure computed now, e.g. "+2" or "−1"; shown beside them */
          g_autofree char *text = g_strdup_printf (_("differs %s%s"),
                                                   d->difference < 0 ? "−" : "+", amount);
          mark = grid_label (text, "d8-cell");
          gtk_widget_add_css_class (mark, "d8-role-alert");
          d8_ui_set_tooltip_text (mark, _("The entries now give another figure than the unit reported"));
        }
      else
        mark = grid_label ("=", "dim-label");
      gtk_grid_attach (self->figures_grid, mark, 3, (int) i + 1, 1, 1);
    }
}

static void
append_part (GString    *text,
             const char *heading,
             const char *body)
{
  g_autofree char *h = NULL;
  g_autofree char *b = NULL;

  if (body == NULL || *body == '\0')
    return;
  h = g_markup_escape_text (heading, -1);
  b = g_markup_escape_text (body, -1);
  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append_printf (text, "<b>%s</b>\n%s", h, b);
}

static void
fill_narrative (D8ReportsPage     *self,
                const D8PeriodRow *row)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const D8ReportNarrative *n = row->report ? row->report->narrative : NULL;

  if (n != NULL)
    {
      append_part (text, _("Results"), n->results);
      append_part (text, _("Difficulties"), n->difficulties);
      append_part (text, _("Proposals"), n->proposals);
    }
  for (guint i = 0; row->report != NULL && i < row->report->figures->len; i++)
    {
      const D8ReportFigure *f = g_ptr_array_index (row->report->figures, i);
      /* Translators: heading of a unit's stated reason for one indicator, e.g. "Reason, indicator 4" */
      g_autofree char *heading = g_strdup_printf (_("Reason, indicator %s"), f->indicator_code);

      append_part (text, heading, f->reason);
    }
  gtk_label_set_markup (self->narrative_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->narrative_label), text->len > 0);
}

static char *
decision_text (const D8PeriodRow *row)
{
  const D8UnitReport *r = row->report;
  g_autofree char *submitted = NULL;
  g_autofree char *decided = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  if (r == NULL)
    return g_strdup (_("No report received for this period."));
  submitted = d8_format_timestamp (r->submitted_at ? r->submitted_at : "");
  decided = d8_format_timestamp (r->decided_at ? r->decided_at : "");
  /* Translators: "Submission 2, sent 08/06/2023 09:00" */
  g_string_append_printf (text, _("Submission %d, sent %s"), r->submission, submitted);
  switch (r->state)
    {
    case D8_REPORT_STATE_SUBMITTED:
      g_string_append_printf (text, "\n%s", _("Awaiting the province’s decision."));
      break;
    case D8_REPORT_STATE_WITHDRAWN:
      g_string_append_printf (text, "\n%s", _("Withdrawn by the office."));
      break;
    case D8_REPORT_STATE_RETURNED:
      g_string_append (text, "\n");
      /* Translators: "Returned on 12/06/2023 10:00: the figures of indicator 4 …" */
      g_string_append_printf (text, _("Returned on %s: %s"), decided,
                              r->decision_reason ? r->decision_reason : "");
      break;
    case D8_REPORT_STATE_APPROVED:
      g_string_append (text, "\n");
      /* Translators: "Approved on 12/06/2023 10:00; its entries are locked" */
      g_string_append_printf (text, _("Approved on %s; its entries for the period are locked."),
                              decided);
      break;
    case D8_REPORT_STATE_REOPENED:
      g_string_append (text, "\n");
      /* Translators: "Reopened on 20/06/2023 10:00: a late entry …" */
      g_string_append_printf (text, _("Reopened on %s: %s"), decided,
                              r->reopen_reason ? r->reopen_reason : "");
      break;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_actions (D8ReportsPage *self)
{
  const D8PeriodRow *row = selected_row (self);
  gboolean province = is_province (self);
  gboolean undecided = row != NULL && row->report != NULL
                       && row->report->state == D8_REPORT_STATE_SUBMITTED;
  gboolean approved = row != NULL && row->report != NULL
                      && row->report->state == D8_REPORT_STATE_APPROVED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.approve", province && undecided);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.return", province && undecided);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.reopen", province && approved);
  gtk_widget_set_visible (self->decision_box, province);
  gtk_widget_set_visible (self->submit_button, self->store != NULL && !province);
  gtk_widget_set_visible (self->official_button, province);
}

static void
update_detail (D8ReportsPage *self)
{
  const D8PeriodRow *row = selected_row (self);
  g_autofree char *decision = NULL;

  update_actions (self);
  if (row == NULL)
    {
      gtk_label_set_text (self->detail_title, _("Choose a unit"));
      gtk_widget_set_visible (GTK_WIDGET (self->detail_status), FALSE);
      gtk_label_set_text (self->detail_decision, "");
      gtk_widget_set_visible (self->figures_heading, FALSE);
      d8_ui_remove_all_children (GTK_WIDGET (self->figures_grid));
      gtk_widget_set_visible (GTK_WIDGET (self->narrative_label), FALSE);
      return;
    }
  gtk_label_set_text (self->detail_title, row->unit->name);
  gtk_label_set_text (self->detail_status, d8_period_status_to_label (row->status));
  set_period_status_class (GTK_WIDGET (self->detail_status), row->status);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_status), TRUE);
  decision = decision_text (row);
  gtk_label_set_text (self->detail_decision, decision);
  fill_figures (self, row);
  fill_narrative (self, row);
}

static void
selection_changed_cb (D8ReportsPage *self)
{
  update_detail (self);
}

/* ---------------------------------------------------------- reading */

static void
show_rates (D8ReportsPage *self)
{
  const D8PeriodSummary *s = self->summary;
  g_autofree char *expected = d8_format_count (s->expected);
  g_autofree char *received = d8_format_count (s->received);
  g_autofree char *on_time = d8_format_count (s->on_time);
  g_autofree char *completeness = d8_format_percent (s->completeness, 0);
  g_autofree char *timeliness = d8_format_percent (s->timeliness, 0);
  /* Translators: a count and its share, e.g. "12 · 80 %" */
  g_autofree char *received_text = g_strdup_printf (_("%s · %s"), received, completeness);
  g_autofree char *on_time_text = g_strdup_printf (_("%s · %s"), on_time, timeliness);
  g_autofree char *unit_due = d8_format_date (s->period->unit_due);
  g_autofree char *cutoff = d8_format_date (s->period->cutoff);
  /* Translators: under the period chooser, e.g. "Figures as of 31/05/2023 · units report by 10/06/2023" */
  g_autofree char *due = g_strdup_printf (_("Figures as of %s · units report by %s"), cutoff,
                                          unit_due);

  gtk_label_set_text (self->expected_label, expected);
  gtk_label_set_text (self->received_label, received_text);
  gtk_label_set_text (self->on_time_label, on_time_text);
  gtk_label_set_text (self->due_label, due);
  d8_rates_bar_set_counts (self->rates_bar, s->expected, s->received, s->on_time);
}

static void
show_error (D8ReportsPage *self,
            const GError  *error)
{
  gtk_label_set_text (self->due_label, error->message);
}

static void
reload (D8ReportsPage *self)
{
  g_autoptr (GError) error = NULL;
  const D8ReportingPeriod *period = d8_reports_page_get_period (self);
  gint64 selected_unit = 0;
  D8PeriodSummary *summary;
  guint n_old;

  if (selected_row (self) != NULL)
    selected_unit = selected_row (self)->unit->id;
  g_hash_table_remove_all (self->comparisons);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  if (period == NULL)
    {
      g_clear_pointer (&self->summary, d8_period_summary_free);
      gtk_string_list_splice (self->rows, 0, n_old, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      d8_rates_bar_set_counts (self->rates_bar, 0, 0, 0);
      gtk_label_set_text (self->expected_label, "–");
      gtk_label_set_text (self->received_label, "–");
      gtk_label_set_text (self->on_time_label, "–");
      gtk_label_set_text (self->due_label, "");
      update_detail (self);
      return;
    }

  summary = d8_store_period_summary (self->store, period, NULL, &error);
  if (summary == NULL)
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->summary, d8_period_summary_free);
  self->summary = summary;
  gtk_widget_set_visible (self->rates_box, is_province (self));
  {
    g_autoptr (GPtrArray) codes = g_ptr_array_new ();
    g_autoptr (GHashTable) office_units = NULL;

    /* A unit's office sees its own units; the province every unit. */
    if (!is_province (self))
      office_units = d8_store_office_units (self->store, d8_store_get_office (self->store), NULL);
    g_array_set_size (self->shown, 0);
    for (guint i = 0; i < summary->rows->len; i++)
      {
        const D8PeriodRow *row = g_ptr_array_index (summary->rows, i);

        if (office_units != NULL && !g_hash_table_contains (office_units, row->unit->code))
          continue;
        g_array_append_val (self->shown, i);
        g_ptr_array_add (codes, row->unit->code);
      }
    g_ptr_array_add (codes, NULL);
    /* Every row is bound again: the figures may have changed under the same units. */
    gtk_string_list_splice (self->rows, 0, n_old, (const char *const *) codes->pdata);
  }
  gtk_stack_set_visible_child_name (self->stack, "table");
  show_rates (self);
  if (selected_unit == 0 || !d8_reports_page_select_unit (self, selected_unit))
    gtk_single_selection_set_selected (self->selection, 0);
  update_detail (self);
}

static void
period_selected_cb (D8ReportsPage *self)
{
  if (!self->filling && self->store != NULL)
    reload (self);
}

/* The period to show first: the last whose cut-off has passed (the one
 * being reported on), else the first. */
static guint
default_period (D8Store   *store,
                GPtrArray *periods)
{
  g_autofree char *today = d8_store_today (store);
  guint chosen = 0;

  for (guint i = 0; i < periods->len; i++)
    if (g_strcmp0 (((D8ReportingPeriod *) g_ptr_array_index (periods, i))->cutoff, today) <= 0)
      chosen = i;
  return chosen;
}

void
d8_reports_page_set_figures (D8ReportsPage *self,
                             D8Store       *store,
                             D8Overview    *overview)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old_code = NULL;
  GPtrArray *periods;
  guint chosen = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (D8_IS_REPORTS_PAGE (self));
  g_return_if_fail (D8_IS_STORE (store));
  g_return_if_fail (overview != NULL);

  if (d8_reports_page_get_period (self) != NULL)
    old_code = g_strdup (d8_reports_page_get_period (self)->code);
  g_set_object (&self->store, store);
  d8_overview_ref (overview);
  g_clear_pointer (&self->overview, d8_overview_unref);
  self->overview = overview;

  periods = d8_store_list_periods (store, overview->plan->id, &error);
  if (periods == NULL)
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  self->periods = periods;

  self->filling = TRUE;
  {
    g_autoptr (GPtrArray) titles = g_ptr_array_new ();
    guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->period_names));

    for (guint i = 0; i < periods->len; i++)
      {
        const D8ReportingPeriod *p = g_ptr_array_index (periods, i);

        g_ptr_array_add (titles, p->title ? p->title : p->code);
        if (old_code != NULL && g_strcmp0 (p->code, old_code) == 0)
          chosen = i;
      }
    g_ptr_array_add (titles, NULL);
    gtk_string_list_splice (self->period_names, 0, n_old, (const char *const *) titles->pdata);
  }
  if (chosen == GTK_INVALID_LIST_POSITION && periods->len > 0)
    chosen = default_period (store, periods);
  gtk_drop_down_set_selected (self->period_dropdown, chosen);
  self->filling = FALSE;
  reload (self);
}

const D8ReportingPeriod *
d8_reports_page_get_period (D8ReportsPage *self)
{
  guint i;

  g_return_val_if_fail (D8_IS_REPORTS_PAGE (self), NULL);

  i = gtk_drop_down_get_selected (self->period_dropdown);
  if (self->periods == NULL || i >= self->periods->len)
    return NULL;
  return g_ptr_array_index (self->periods, i);
}

gboolean
d8_reports_page_set_period (D8ReportsPage *self,
                            const char    *code)
{
  g_return_val_if_fail (D8_IS_REPORTS_PAGE (self), FALSE);

  for (guint i = 0; self->periods != NULL && i < self->periods->len; i++)
    if (g_strcmp0 (((D8ReportingPeriod *) g_ptr_array_index (self->periods, i))->code, code) == 0)
      {
        gtk_drop_down_set_selected (self->period_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

const D8PeriodSummary *
d8_reports_page_get_summary (D8ReportsPage *self)
{
  g_return_val_if_fail (D8_IS_REPORTS_PAGE (self), NULL);
  return self->summary;
}

gboolean
d8_reports_page_select_unit (D8ReportsPage *self,
                             gint64         unit_id)
{
  g_return_val_if_fail (D8_IS_REPORTS_PAGE (self), FALSE);

  for (guint i = 0; self->summary != NULL && i < self->shown->len; i++)
    if (row_at (self, i)->unit->id == unit_id)
      {
        gtk_single_selection_set_selected (self->selection, i);
        return TRUE;
      }
  return FALSE;
}

guint
d8_reports_page_get_n_rows (D8ReportsPage *self)
{
  g_return_val_if_fail (D8_IS_REPORTS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

char *
d8_reports_page_describe_row (D8ReportsPage *self,
                              guint          index)
{
  const D8PeriodRow *row;
  g_autofree char *received = NULL;
  g_autofree char *figures = NULL;
  gboolean differs;

  g_return_val_if_fail (D8_IS_REPORTS_PAGE (self), NULL);

  if (index >= d8_reports_page_get_n_rows (self) || (row = row_at (self, index)) == NULL)
    return NULL;
  received = received_text (row);
  figures = figures_text (self, row, &differs);
  return g_strdup_printf ("%s — %s — %s — %s", row->unit->name,
                          d8_period_status_to_label (row->status), received, figures);
}

char *
d8_reports_page_dup_rates_text (D8ReportsPage *self)
{
  g_return_val_if_fail (D8_IS_REPORTS_PAGE (self), NULL);
  return g_strdup_printf ("%s · %s · %s", gtk_label_get_text (self->expected_label),
                          gtk_label_get_text (self->received_label),
                          gtk_label_get_text (self->on_time_label));
}

/* ---------------------------------------------------------- decisions */

typedef enum
{
  DECISION_RETURN,
  DECISION_REOPEN,
} Decision;

typedef struct
{
  D8ReportsPage *page; /* a reference */
  gint64 unit_id;
  char *period_code;
  Decision decision;
} DecisionData;

static void
decision_data_free (gpointer data)
{
  DecisionData *dd = data;

  g_object_unref (dd->page);
  g_free (dd->period_code);
  g_free (dd);
}

static void
report_error (D8ReportsPage *self,
              const GError  *error)
{
  d8_ui_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
reason_given_cb (const char *reason,
                 gpointer    data)
{
  DecisionData *dd = data;
  D8ReportsPage *self = dd->page;
  const D8ReportingPeriod *period = d8_reports_page_get_period (self);
  g_autoptr (GError) error = NULL;
  gboolean ok = FALSE;

  /* The page may have moved on while the dialog was open. */
  if (period == NULL || g_strcmp0 (period->code, dd->period_code) != 0)
    return;
  switch (dd->decision)
    {
    case DECISION_RETURN:
      ok = d8_store_return_report (self->store, period, dd->unit_id, reason, &error);
      break;
    case DECISION_REOPEN:
      ok = d8_store_reopen_report (self->store, period, dd->unit_id, reason, &error);
      break;
    }
  if (!ok)
    report_error (self, error);
  else
    d8_ui_add_toast (GTK_WIDGET (self),
                     adw_toast_new (dd->decision == DECISION_RETURN
                                      ? _("Report returned; the office sees why in the next bundle")
                                      : _("Report reopened; its entries are no longer locked")));
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  D8ReportsPage *self = D8_REPORTS_PAGE (widget);
  const D8PeriodRow *row = selected_row (self);
  g_autoptr (GError) error = NULL;

  if (row == NULL)
    return;
  if (!d8_store_approve_report (self->store, d8_reports_page_get_period (self), row->unit->id,
                                &error))
    report_error (self, error);
  else
    d8_ui_add_toast (widget, adw_toast_new (_("Report approved; its entries are locked")));
}

static void
ask_reason (D8ReportsPage *self,
            Decision       decision)
{
  const D8PeriodRow *row = selected_row (self);
  DecisionData *dd;
  g_autofree char *heading = NULL;

  if (row == NULL)
    return;
  dd = g_new0 (DecisionData, 1);
  dd->page = g_object_ref (self);
  dd->unit_id = row->unit->id;
  dd->period_code = g_strdup (d8_reports_page_get_period (self)->code);
  dd->decision = decision;
  switch (decision)
    {
    case DECISION_RETURN:
      /* Translators: %s is a unit's name */
      heading = g_strdup_printf (_("Return the Report of %s?"), row->unit->name);
      d8_reason_dialog_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                _("The office sees the reason once it opens the province’s next bundle, and can submit again."),
                                _("_Return"), reason_given_cb, dd, decision_data_free);
      break;
    case DECISION_REOPEN:
      /* Translators: %s is a unit's name */
      heading = g_strdup_printf (_("Reopen the Report of %s?"), row->unit->name);
      d8_reason_dialog_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                _("Its entries for the period are unlocked at both offices. The reason is kept with the report and sent to the office."),
                                _("Re_open"), reason_given_cb, dd, decision_data_free);
      break;
    }
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ask_reason (D8_REPORTS_PAGE (widget), DECISION_RETURN);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ask_reason (D8_REPORTS_PAGE (widget), DECISION_REOPEN);
}

/* ---------------------------------------------------------- GObject */

static void
d8_reports_page_dispose (GObject *object)
{
  D8ReportsPage *self = D8_REPORTS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), D8_TYPE_REPORTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->summary, d8_period_summary_free);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->overview, d8_overview_unref);
  g_clear_pointer (&self->comparisons, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->period_names);

  G_OBJECT_CLASS (d8_reports_page_parent_class)->dispose (object);
}

static void
d8_reports_page_class_init (D8ReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_reports_page_dispose;

  g_type_ensure (D8_TYPE_RATES_BAR);
  d8_ui_ensure_style ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, decision_box);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, detail_decision);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, detail_status);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, due_label);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, expected_label);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, figures_grid);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, figures_heading);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, narrative_label);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, official_button);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, on_time_label);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, rates_bar);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, rates_box);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, received_label);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, D8ReportsPage, units_view);
  gtk_widget_class_bind_template_callback (widget_class, period_selected_cb);

  gtk_widget_class_install_action (widget_class, "reports.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "reports.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "reports.reopen", NULL, reopen_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "d8-reports-page");
}

static void
d8_reports_page_init (D8ReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->comparisons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  self->period_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (self->period_names));

  self->rows = gtk_string_list_new (NULL);
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->rows));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->units_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection); /* the view holds it, and through it the rows */

  add_column (self, COLUMN_UNIT, _("Unit"), TRUE);
  add_column (self, COLUMN_STATUS, _("Report"), FALSE);
  add_column (self, COLUMN_RECEIVED, _("Received"), FALSE);
  add_column (self, COLUMN_FIGURES, _("Figures"), FALSE);
  update_detail (self);
}

GtkWidget *
d8_reports_page_new (void)
{
  return g_object_new (D8_TYPE_REPORTS_PAGE, NULL);
}
