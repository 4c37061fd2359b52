/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-submit-dialog.c — a unit office submits its report for a period (see
 * d8-submit-dialog.h).
 *
 * What the report holds is the core's: the draft (figures as of the
 * cut-off, d8_store_draft_report()) before it is submitted, the stored
 * report after; its status word and colour from d8_period_status_for(),
 * as the province's Reports view shows it. The dialog only gathers the
 * narrative and calls d8_store_submit_report() / _withdraw_report(), which
 * check the rules (not at the province, not twice undecided, not once
 * approved) and say why in their errors, shown here. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-entry.h"
#include "d8-format.h"
#include "d8-reporting.h"
#include "d8-submit-dialog.h"
#include "d8-ui-util.h"

struct _D8SubmitDialog
{
  AdwWindow parent_instance;

  /* template children */
  GtkTextView *difficulties_view;
  GtkLabel *error_label;
  AdwPreferencesGroup *figures_group;
  AdwComboRow *period_row;
  GtkTextView *proposals_view;
  AdwPreferencesGroup *reasons_group;
  GtkTextView *results_view;
  GtkLabel *status_label;
  AdwActionRow *status_row;

  D8Store *store;
  gint64 plan_id;
  gint64 unit_id;
  GPtrArray *periods;    /* D8ReportingPeriod* */
  GPtrArray *indicators; /* D8Indicator* of the plan */
  GPtrArray *rows;       /* the widgets added to figures_group and reasons_group */
  GHashTable *reason_rows; /* indicator code → AdwEntryRow (in rows) */
  D8UnitReport *report;  /* the stored report of the period, or NULL */
};

G_DEFINE_FINAL_TYPE (D8SubmitDialog, d8_submit_dialog, ADW_TYPE_WINDOW)

static const D8ReportingPeriod *
current_period (D8SubmitDialog *self)
{
  guint i = adw_combo_row_get_selected (self->period_row);

  if (self->periods == NULL || i >= self->periods->len)
    return NULL;
  return g_ptr_array_index (self->periods, i);
}

static const D8Indicator *
find_indicator (D8SubmitDialog *self,
                gint64          id)
{
  for (guint i = 0; i < self->indicators->len; i++)
    {
      const D8Indicator *ind = g_ptr_array_index (self->indicators, i);
      if (ind->id == id)
        return ind;
    }
  return NULL;
}

static void
show_error (D8SubmitDialog *self,
            const GError   *error)
{
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/* The text of @view, NULL when blank. */
static char *
dup_text (GtkTextView *view)
{
  g_autofree char *text = d8_ui_text_buffer_dup (gtk_text_view_get_buffer (view));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
clear_rows (D8SubmitDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->reason_rows);
}

static char *
figure_subtitle (const D8ReportFigure *f,
                 const D8Indicator    *ind)
{
  g_autofree char *achieved = d8_format_count (f->achieved);
  const char *count_unit = ind != NULL && ind->count_unit ? ind->count_unit : "";

  if (ind != NULL && d8_indicator_kind_counts_women (ind->kind))
    {
      g_autofree char *group = d8_format_count (f->group_size);
      /* Translators: a percent indicator in a report, e.g. "Reached 12 of 20 women" */
      return g_strdup_printf (_("Reached %s of %s women"), achieved, group);
    }
  if (!f->has_quota)
    /* Translators: e.g. "No quota in the plan · achieved 2 tổ" */
    return g_strdup_printf (_("No quota in the plan · achieved %s %s"), achieved, count_unit);
  {
    g_autofree char *quota = d8_format_count (f->quota);
    /* Translators: a figure of a report, e.g. "Achieved 2 of 4 tổ" */
    return g_strdup_printf (_("Achieved %s of %s %s"), achieved, quota, count_unit);
  }
}

static GtkWidget *
create_figure_row (const D8ReportFigure *f,
                   const D8Indicator    *ind)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *chip = gtk_label_new (d8_status_to_label (f->status));
  g_autofree char *title = ind != NULL ? d8_ui_indicator_label (ind) : g_strdup (f->indicator_code);
  g_autofree char *subtitle = figure_subtitle (f, ind);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (chip, "d8-cell");
  gtk_widget_add_css_class (chip, "d8-status-chip");
  gtk_widget_add_css_class (chip, "caption");
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  d8_ui_set_status_class (chip, f->status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
  return row;
}

/* Whether the office may submit (again) now: no report, or one withdrawn,
 * returned or reopened. The core decides in the end. */
static gboolean
can_submit (const D8UnitReport *report)
{
  if (report == NULL)
    return TRUE;
  switch (report->state)
    {
    case D8_REPORT_STATE_SUBMITTED:
    case D8_REPORT_STATE_APPROVED:
      return FALSE;
    case D8_REPORT_STATE_WITHDRAWN:
    case D8_REPORT_STATE_RETURNED:
    case D8_REPORT_STATE_REOPENED:
      return TRUE;
    }
  return FALSE;
}

static char *
status_text (const D8UnitReport *r)
{
  g_autofree char *submitted = NULL;
  g_autofree char *decided = NULL;

  if (r == NULL)
    return g_strdup (_("Not submitted yet. The figures below are those the report will hold."));
  submitted = d8_format_timestamp (r->submitted_at ? r->submitted_at : "");
  decided = d8_format_timestamp (r->decided_at ? r->decided_at : "");
  switch (r->state)
    {
    case D8_REPORT_STATE_SUBMITTED:
      /* Translators: %s is a date and time */
      return g_strdup_printf (_("Submitted on %s; it goes to the province in the next bundle. You can withdraw it until the province decides."),
                              submitted);
    case D8_REPORT_STATE_WITHDRAWN:
      return g_strdup (_("Withdrawn. Change it and submit it again."));
    case D8_REPORT_STATE_RETURNED:
      /* Translators: "Returned by the province on 12/06/2023 10:00: <reason>" */
      return g_strdup_printf (_("Returned by the province on %s: %s"), decided,
                              r->decision_reason ? r->decision_reason : "");
    case D8_REPORT_STATE_APPROVED:
      /* Translators: %s is a date and time */
      return g_strdup_printf (_("Approved by the province on %s. The unit’s entries for the period are locked."),
                              decided);
    case D8_REPORT_STATE_REOPENED:
      /* Translators: "Reopened by the province on 20/06/2023 10:00: <reason>" */
      return g_strdup_printf (_("Reopened by the province on %s: %s"), decided,
                              r->reopen_reason ? r->reopen_reason : "");
    }
  return g_strdup ("");
}

/* Shows the period chosen: the stored report, else the draft. */
static void
load_period (D8SubmitDialog *self)
{
  const D8ReportingPeriod *period = current_period (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8UnitReport) draft = NULL;
  g_autofree char *today = NULL;
  g_autofree char *status = NULL;
  g_autofree char *cutoff = NULL;
  g_autofree char *figures_title = NULL;
  const D8UnitReport *shown;
  const D8ReportNarrative *narrative;
  D8PeriodStatus period_status;
  gboolean editable;

  clear_rows (self);
  show_error (self, NULL);
  g_clear_pointer (&self->report, d8_unit_report_free);
  if (period == NULL)
    return;

  self->report = d8_store_get_unit_report (self->store, period, self->unit_id, &error);
  if (self->report == NULL && error != NULL)
    {
      show_error (self, error);
      return;
    }
  if (self->report == NULL)
    {
      draft = d8_store_draft_report (self->store, period, self->unit_id, NULL, &error);
      if (draft == NULL)
        {
          show_error (self, error);
          return;
        }
    }
  shown = self->report != NULL ? self->report : draft;
  editable = can_submit (self->report);

  today = d8_store_today (self->store);
  period_status = d8_period_status_for (period, self->report, today);
  gtk_label_set_text (self->status_label, d8_period_status_to_label (period_status));
  {
    static const D8StatusRole roles[] = {
      D8_STATUS_ROLE_MUTED, D8_STATUS_ROLE_NEUTRAL, D8_STATUS_ROLE_ALERT,
      D8_STATUS_ROLE_PROGRESS, D8_STATUS_ROLE_SUCCESS,
    };
    g_autofree char *role = g_strconcat ("d8-role-",
                                         d8_status_role_to_string (d8_period_status_role (period_status)),
                                         NULL);
    for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
      {
        g_autofree char *name = g_strconcat ("d8-role-", d8_status_role_to_string (roles[i]), NULL);
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), name);
      }
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), role);
  }
  status = status_text (self->report);
  adw_action_row_set_subtitle (self->status_row, status);

  cutoff = d8_format_date (shown->cutoff ? shown->cutoff : period->cutoff);
  /* Translators: title above a report's figures; %s is the cut-off date */
  figures_title = g_strdup_printf (_("Figures as of %s"), cutoff);
  adw_preferences_group_set_title (self->figures_group, figures_title);

  narrative = shown->narrative;
  for (guint i = 0; i < shown->figures->len; i++)
    {
      const D8ReportFigure *f = g_ptr_array_index (shown->figures, i);
      const D8Indicator *ind = find_indicator (self, f->indicator_id);
      GtkWidget *row = create_figure_row (f, ind);

      adw_preferences_group_add (self->figures_group, row);
      g_ptr_array_add (self->rows, row);
      /* Behind the expected pace, or not started at all: the province
       * reads why (the official report quotes it). */
      if (f->status == D8_STATUS_BEHIND || f->status == D8_STATUS_NOT_STARTED
          || (f->reason != NULL && *f->reason != '\0'))
        {
          GtkWidget *entry = adw_entry_row_new ();
          g_autofree char *label = ind != NULL ? d8_ui_indicator_label (ind)
                                               : g_strdup (f->indicator_code);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), label);
          gtk_editable_set_text (GTK_EDITABLE (entry), f->reason ? f->reason : "");
          gtk_widget_set_sensitive (entry, editable);
          adw_preferences_group_add (self->reasons_group, entry);
          g_ptr_array_add (self->rows, entry);
          g_hash_table_insert (self->reason_rows, g_strdup (f->indicator_code), entry);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_group),
                          g_hash_table_size (self->reason_rows) > 0);

  /* A report sent back keeps its text, to be corrected, not retyped. */
  set_text (self->results_view, narrative ? narrative->results : NULL);
  set_text (self->difficulties_view, narrative ? narrative->difficulties : NULL);
  set_text (self->proposals_view, narrative ? narrative->proposals : NULL);
  gtk_text_view_set_editable (self->results_view, editable);
  gtk_text_view_set_editable (self->difficulties_view, editable);
  gtk_text_view_set_editable (self->proposals_view, editable);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.submit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.withdraw",
                                 self->report != NULL
                                   && self->report->state == D8_REPORT_STATE_SUBMITTED);
}

static void
period_selected_cb (D8SubmitDialog *self)
{
  if (self->store != NULL)
    load_period (self);
}

static D8ReportNarrative *
gather_narrative (D8SubmitDialog *self)
{
  D8ReportNarrative *n = d8_report_narrative_new ();
  GHashTableIter iter;
  gpointer code, row;

  n->results = dup_text (self->results_view);
  n->difficulties = dup_text (self->difficulties_view);
  n->proposals = dup_text (self->proposals_view);
  g_hash_table_iter_init (&iter, self->reason_rows);
  while (g_hash_table_iter_next (&iter, &code, &row))
    {
      g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

      if (*reason != '\0')
        g_hash_table_insert (n->reasons, g_strdup (code), g_steal_pointer (&reason));
    }
  return n;
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  D8SubmitDialog *self = D8_SUBMIT_DIALOG (widget);
  const D8ReportingPeriod *period = current_period (self);
  g_autoptr (D8ReportNarrative) narrative = NULL;
  g_autoptr (D8UnitReport) report = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *parent;

  if (period == NULL)
    return;
  narrative = gather_narrative (self);
  report = d8_store_submit_report (self->store, period, narrative, &error);
  if (report == NULL)
    {
      show_error (self, error);
      return;
    }
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    d8_ui_add_toast (GTK_WIDGET (parent),
                     adw_toast_new (_("Report submitted; it goes to the province in the next bundle")));
  gtk_window_close (GTK_WINDOW (self));
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  D8SubmitDialog *self = D8_SUBMIT_DIALOG (widget);
  const D8ReportingPeriod *period = current_period (self);
  g_autoptr (GError) error = NULL;

  if (period == NULL)
    return;
  if (!d8_store_withdraw_report (self->store, period, &error))
    {
      show_error (self, error);
      return;
    }
  load_period (self);
}

/* The period to open on: the first whose units' due date has not passed,
 * else the last. */
static guint
default_period (D8SubmitDialog *self,
                D8Store        *store)
{
  g_autofree char *today = d8_store_today (store);

  for (guint i = 0; i < self->periods->len; i++)
    if (g_strcmp0 (((D8ReportingPeriod *) g_ptr_array_index (self->periods, i))->unit_due,
                   today) >= 0)
      return i;
  return self->periods->len - 1;
}

D8SubmitDialog *
d8_submit_dialog_new (GtkWindow   *parent,
                      D8Store     *store,
                      gint64       plan_id,
                      const char  *period_code,
                      GError     **error)
{
  D8SubmitDialog *self;
  g_autoptr (D8Unit) unit = NULL;
  g_autoptr (GPtrArray) periods = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (GtkStringList) names = NULL;
  const char *office;
  guint chosen;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  office = d8_store_get_office (store);
  if (g_strcmp0 (office, "province") == 0)
    {
      g_set_error_literal (error, D8_ERROR, D8_ERROR_INVALID,
                           _("The province receives reports; only a unit’s office submits one. Choose the office in Preferences."));
      return NULL;
    }
  unit = d8_store_resolve_unit (store, plan_id, office, error);
  if (unit == NULL)
    return NULL;
  periods = d8_store_list_periods (store, plan_id, error);
  if (periods == NULL)
    return NULL;
  if (periods->len == 0)
    {
      g_set_error_literal (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                           _("This plan sets no reporting period."));
      return NULL;
    }
  indicators = d8_store_list_indicators (store, plan_id, error);
  if (indicators == NULL)
    return NULL;

  self = g_object_new (D8_TYPE_SUBMIT_DIALOG, "transient-for", parent, NULL);
  self->plan_id = plan_id;
  self->unit_id = unit->id;
  self->periods = g_steal_pointer (&periods);
  self->indicators = g_steal_pointer (&indicators);
  {
    /* Translators: the submit dialog's title; %s is the unit's name */
    g_autofree char *title = g_strdup_printf (_("Report of %s"), unit->name);
    gtk_window_set_title (GTK_WINDOW (self), title);
  }

  names = gtk_string_list_new (NULL);
  chosen = default_period (self, store);
  for (guint i = 0; i < self->periods->len; i++)
    {
      const D8ReportingPeriod *p = g_ptr_array_index (self->periods, i);

      gtk_string_list_append (names, p->title ? p->title : p->code);
      if (period_code != NULL && g_strcmp0 (p->code, period_code) == 0)
        chosen = i;
    }
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->period_row, chosen);
  /* Only now: the store makes the period's figures readable. */
  self->store = g_object_ref (store);
  load_period (self);
  return self;
}

void
d8_submit_dialog_set_narrative (D8SubmitDialog *self,
                                const char     *results,
                                const char     *difficulties,
                                const char     *proposals)
{
  g_return_if_fail (D8_IS_SUBMIT_DIALOG (self));
  set_text (self->results_view, results);
  set_text (self->difficulties_view, difficulties);
  set_text (self->proposals_view, proposals);
}

gboolean
d8_submit_dialog_set_reason (D8SubmitDialog *self,
                             const char     *indicator_code,
                             const char     *reason)
{
  GtkWidget *row;

  g_return_val_if_fail (D8_IS_SUBMIT_DIALOG (self), FALSE);
  row = g_hash_table_lookup (self->reason_rows, indicator_code);
  if (row == NULL)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (row), reason);
  return TRUE;
}

guint
d8_submit_dialog_get_n_figures (D8SubmitDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (D8_IS_SUBMIT_DIALOG (self), 0);
  for (guint i = 0; i < self->rows->len; i++)
    if (!ADW_IS_ENTRY_ROW (g_ptr_array_index (self->rows, i)))
      n++;
  return n;
}

const char *
d8_submit_dialog_get_status_text (D8SubmitDialog *self)
{
  g_return_val_if_fail (D8_IS_SUBMIT_DIALOG (self), NULL);
  return adw_action_row_get_subtitle (self->status_row);
}

static void
d8_submit_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), D8_TYPE_SUBMIT_DIALOG);

  G_OBJECT_CLASS (d8_submit_dialog_parent_class)->dispose (object);
}

static void
d8_submit_dialog_finalize (GObject *object)
{
  D8SubmitDialog *self = D8_SUBMIT_DIALOG (object);

  g_clear_pointer (&self->report, d8_unit_report_free);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->reason_rows, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (d8_submit_dialog_parent_class)->finalize (object);
}

static void
d8_submit_dialog_class_init (D8SubmitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_submit_dialog_dispose;
  object_class->finalize = d8_submit_dialog_finalize;

  d8_ui_ensure_style ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-submit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, D8SubmitDialog, difficulties_view);
  gtk_widget_class_bind_template_child (widget_class, D8SubmitDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, D8SubmitDialog, figures_group);
  gtk_widget_class_bind_template_child (widget_class, D8SubmitDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, D8SubmitDialog, proposals_view);
  gtk_widget_class_bind_template_child (widget_class, D8SubmitDialog, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, D8SubmitDialog, results_view);
  gtk_widget_class_bind_template_child (widget_class, D8SubmitDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, D8SubmitDialog, status_row);
  gtk_widget_class_bind_template_callback (widget_class, period_selected_cb);

  gtk_widget_class_install_action (widget_class, "report.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "report.withdraw", NULL, withdraw_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
d8_submit_dialog_init (D8SubmitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->reason_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
