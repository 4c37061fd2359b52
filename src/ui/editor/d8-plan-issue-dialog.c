/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-issue-dialog.c — issue or amend a plan (see
 * d8-plan-issue-dialog.h). One dialog for both: an amendment is issued
 * like a plan, by a document with a number and a date; only issuing the
 * plan itself asks who issues it. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-format.h"
#include "d8-plan-draft.h"
#include "d8-plan-issue-dialog.h"
#include "d8-ui-util.h"

struct _D8PlanIssueDialog
{
  AdwMessageDialog parent_instance;

  /* template children */
  GtkEntry *date_entry;
  GtkLabel *hint_label;
  GtkLabel *issuer_label;
  GtkEntry *issuer_entry;
  GtkEntry *number_entry;

  D8Store *store;
  gint64 plan_id;
  gboolean amend;
};

G_DEFINE_FINAL_TYPE (D8PlanIssueDialog, d8_plan_issue_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  return *copy == '\0';
}

/* The response is enabled when every required field is filled and the
 * date reads; the hint says what is still missing. */
static void
fields_changed_cb (D8PlanIssueDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;
  const char *hint = NULL;

  if (blank (entry_text (self->number_entry)))
    hint = _("The document number is required.");
  else if (blank (entry_text (self->date_entry)))
    hint = _("The date of issue is required.");
  else if ((iso = d8_parse_date (entry_text (self->date_entry), _("Date of issue"), &error))
           == NULL)
    hint = error->message;
  else if (!self->amend && gtk_widget_get_visible (GTK_WIDGET (self->issuer_entry))
           && blank (entry_text (self->issuer_entry)))
    hint = _("The issuer is required.");
  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "issue", hint == NULL);
}

static void
response_cb (D8PlanIssueDialog *self,
             const char        *response)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *number = NULL;
  g_autofree char *issuer = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "issue") != 0)
    return;
  number = g_strstrip (g_strdup (entry_text (self->number_entry)));
  issuer = g_strstrip (g_strdup (entry_text (self->issuer_entry)));
  iso = d8_parse_date (entry_text (self->date_entry), _("Date of issue"), &error);
  if (iso == NULL)
    ok = FALSE;
  else if (self->amend)
    ok = d8_store_amend_plan (self->store, self->plan_id, number, iso, &error) != 0;
  else
    ok = d8_store_issue_plan (self->store, self->plan_id, number, iso,
                              *issuer != '\0' ? issuer : NULL, &error);
  if (!ok)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      if (parent != NULL)
        d8_ui_add_toast (GTK_WIDGET (parent), adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[DONE], 0);
}

void
d8_plan_issue_dialog_fill (D8PlanIssueDialog *self,
                           const char        *document_number,
                           const char        *issued_on,
                           const char        *issuer)
{
  g_return_if_fail (D8_IS_PLAN_ISSUE_DIALOG (self));

  if (document_number != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->number_entry), document_number);
  if (issued_on != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), issued_on);
  if (issuer != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->issuer_entry), issuer);
}

static void
d8_plan_issue_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), D8_TYPE_PLAN_ISSUE_DIALOG);
  G_OBJECT_CLASS (d8_plan_issue_dialog_parent_class)->dispose (object);
}

static void
d8_plan_issue_dialog_finalize (GObject *object)
{
  D8PlanIssueDialog *self = D8_PLAN_ISSUE_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (d8_plan_issue_dialog_parent_class)->finalize (object);
}

static void
d8_plan_issue_dialog_class_init (D8PlanIssueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_plan_issue_dialog_dispose;
  object_class->finalize = d8_plan_issue_dialog_finalize;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-plan-issue-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, D8PlanIssueDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIssueDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIssueDialog, issuer_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIssueDialog, issuer_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIssueDialog, number_entry);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
d8_plan_issue_dialog_init (D8PlanIssueDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

D8PlanIssueDialog *
d8_plan_issue_dialog_new (GtkWindow *parent,
                          D8Store   *store,
                          gint64     plan_id,
                          gboolean   amend)
{
  D8PlanIssueDialog *self;
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *today = d8_date_today ();
  g_autofree char *shown = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  self = g_object_new (D8_TYPE_PLAN_ISSUE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->plan_id = plan_id;
  self->amend = amend;
  plan = d8_store_get_plan (store, plan_id, NULL);

  shown = d8_format_date (today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), shown);
  if (amend)
    {
      /* an amendment keeps the plan's issuer: no field for it */
      gtk_widget_set_visible (GTK_WIDGET (self->issuer_entry), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->issuer_label), FALSE);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Amend the Plan"));
      adw_message_dialog_set_body (
        ADW_MESSAGE_DIALOG (self),
        _("Quotas and totals changed from now on belong to this amendment, with their old values "
          "kept in the plan’s history. Entries stay attached. The amendment travels to the "
          "offices in the next bundle once it is issued."));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "issue",
                                             _("_Start Amendment"));
    }
  else if (plan != NULL)
    {
      if (plan->issuer != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->issuer_entry), plan->issuer);
      if (!plan->is_draft)
        {
          /* an issued plan with an open amendment: issuing closes it */
          heading = g_strdup (_("Issue the Amendment"));
          adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
          gtk_widget_set_visible (GTK_WIDGET (self->issuer_entry), FALSE);
          gtk_widget_set_visible (GTK_WIDGET (self->issuer_label), FALSE);
        }
    }
  fields_changed_cb (self);
  return self;
}
