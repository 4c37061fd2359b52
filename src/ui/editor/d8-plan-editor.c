/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-editor.c — the plan editor (see d8-plan-editor.h).
 *
 * The window owns one D8PlanEdit. The grid draws it; the allocation check
 * beside the grid and the header's state follow its "changed" signal. The
 * units and indicators pages write to the store themselves and signal
 * "changing" before (the grid is saved, so nothing typed is lost) and
 * "changed" after (the edit reads the plan again). The status line under
 * the header always says what a change does now: a draft changes freely;
 * an issued plan needs an amendment.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-distribute-dialog.h"
#include "d8-format.h"
#include "d8-plan-draft.h"
#include "d8-plan-editor.h"
#include "d8-plan-grid.h"
#include "d8-plan-indicators-page.h"
#include "d8-plan-issue-dialog.h"
#include "d8-plan-units-page.h"
#include "d8-ui-util.h"

struct _D8PlanEditor
{
  AdwWindow parent_instance;

  /* template children */
  GtkButton *amend_button;
  GtkLabel *check_label;
  GtkEntry *end_entry;
  D8PlanGrid *grid;
  D8PlanIndicatorsPage *indicators_page;
  GtkButton *issue_button;
  GtkEntry *issued_entry;
  GtkEntry *issuer_entry;
  GtkEntry *label_entry;
  GtkLabel *message_label;
  GtkEntry *number_entry;
  GtkButton *save_button;
  GtkEntry *start_entry;
  GtkLabel *status_label;
  AdwViewSwitcherTitle *switcher_title;
  GtkEntry *title_entry;
  AdwToastOverlay *toast_overlay;
  D8PlanUnitsPage *units_page;
  AdwViewStack *view_stack;

  D8Store *store;
  D8PlanEdit *edit;
  D8Plan *plan;
  gint64 plan_id;
  GtkWidget *dialog; /* weak: the dialog open, for tests */
  gboolean closing;  /* the person chose to close without saving */
};

G_DEFINE_FINAL_TYPE (D8PlanEditor, d8_plan_editor, ADW_TYPE_WINDOW)

static void
toast (D8PlanEditor *self,
       const char   *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static gboolean
is_draft (D8PlanEditor *self)
{
  return self->plan != NULL && self->plan->is_draft;
}

static gboolean
amendment_open (D8PlanEditor *self)
{
  return !is_draft (self) && d8_store_get_open_amendment (self->store, self->plan_id) != 0;
}

/* ---- the header, the status line, the check ---- */

static void
update_check (D8PlanEditor *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint n = d8_plan_edit_get_n_columns (self->edit);
  guint unbalanced = d8_plan_edit_count_unbalanced (self->edit);
  guint checked = 0;

  if (unbalanced == 0)
    g_string_append (text, _("Every stated total is allocated exactly."));
  else
    g_string_append_printf (text,
                            /* Translators: the summary of the allocation check */
                            g_dngettext (NULL, "%u indicator does not add up:",
                                         "%u indicators do not add up:", unbalanced),
                            unbalanced);
  for (guint col = 0; col < n; col++)
    {
      g_autofree char *words = NULL;
      const D8Indicator *indicator;

      if (!d8_plan_edit_get_allocation (self->edit, col, NULL, NULL, NULL))
        continue;
      checked++;
      words = d8_plan_edit_describe_allocation (self->edit, col);
      if (words == NULL)
        continue;
      indicator = d8_plan_edit_get_indicator (self->edit, col);
      /* Translators: a line of the allocation check: indicator code, then
       * e.g. "2 not allocated" */
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("• %s: %s"), indicator->code, words);
    }
  if (checked == 0)
    g_string_assign (text, _("No stated totals to check yet: type them in the “Stated total” row "
                             "under the units."));
  gtk_label_set_text (self->check_label, text->str);
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "success");
  if (checked > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->check_label), unbalanced > 0 ? "error" : "success");
}

static void
update_actions (D8PlanEditor *self)
{
  gboolean editable = is_draft (self) || amendment_open (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo",
                                 d8_plan_edit_can_undo (self->edit));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo",
                                 d8_plan_edit_can_redo (self->edit));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 d8_plan_edit_is_modified (self->edit));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.issue", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.amend", !is_draft (self));
  gtk_widget_set_visible (GTK_WIDGET (self->issue_button), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->amend_button), !is_draft (self));
  gtk_button_set_label (self->issue_button,
                        is_draft (self) ? _("_Issue…") : _("_Issue Amendment…"));
}

static void
update_status (D8PlanEditor *self)
{
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  if (self->plan == NULL)
    return;
  if (is_draft (self))
    text = g_strdup (_("Draft: changes are made directly. A draft takes no entries and is not "
                       "sent to the offices until it is issued."));
  else if (amendment_open (self))
    {
      g_autoptr (GPtrArray) amendments = d8_store_list_amendments (self->store, self->plan_id, NULL);
      const D8PlanRevision *open = NULL;

      for (guint i = 0; amendments != NULL && i < amendments->len; i++)
        if (((const D8PlanRevision *) amendments->pdata[i])->is_open)
          open = amendments->pdata[i];
      if (open != NULL)
        {
          g_autofree char *date = d8_format_date (open->issued_on);
          /* Translators: the editor's status; the amendment's number and date */
          text = g_strdup_printf (_("Amendment %s of %s is open: every quota or total changed is "
                                    "recorded in the plan’s history. Issue it when done."),
                                  open->doc_number, date);
        }
    }
  if (text == NULL)
    {
      g_autofree char *date = d8_format_date (self->plan->issued_on);
      /* Translators: the editor's status; the plan's number and date of issue */
      text = g_strdup_printf (_("Issued as %s of %s. To change its quotas or units, start an "
                                "amendment with “Amend…”."),
                              self->plan->doc_number, date);
    }
  gtk_label_set_text (self->status_label, text);

  /* Translators: the editor's title; %s is the plan's title */
  title = g_strdup_printf (_("Plan Editor — %s"), self->plan->title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, self->plan->title);
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        is_draft (self)
                                          ? d8_plan_status_to_label (D8_PLAN_STATUS_DRAFT)
                                          : d8_plan_status_to_label (D8_PLAN_STATUS_ISSUED));
}

static void
set_entry_date (GtkEntry   *entry,
                const char *iso)
{
  g_autofree char *shown = iso != NULL ? d8_format_date (iso) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (entry), shown);
}

static void
fill_details (D8PlanEditor *self)
{
  const D8Plan *plan = self->plan;

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), plan->title ? plan->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry),
                         plan->doc_number ? plan->doc_number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->issuer_entry), plan->issuer ? plan->issuer : "");
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry),
                         plan->target_label ? plan->target_label : "");
  set_entry_date (self->issued_entry, plan->issued_on);
  set_entry_date (self->start_entry, plan->period_start);
  set_entry_date (self->end_entry, plan->period_end);
  /* an issued plan's number and date are its decision's */
  gtk_editable_set_editable (GTK_EDITABLE (self->number_entry), plan->is_draft);
  gtk_editable_set_editable (GTK_EDITABLE (self->issued_entry), plan->is_draft);
}

static void
reload_plan (D8PlanEditor *self)
{
  g_autoptr (GError) error = NULL;
  D8Plan *plan = d8_store_get_plan (self->store, self->plan_id, &error);

  if (plan == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->plan, d8_plan_free);
  self->plan = plan;
  fill_details (self);
  update_status (self);
  update_actions (self);
}

static void
edit_changed_cb (D8PlanEditor *self)
{
  update_check (self);
  update_actions (self);
}

static void
grid_message_cb (D8PlanEditor *self)
{
  const char *message = d8_plan_grid_get_message (self->grid);

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* ---- saving ---- */

static gboolean
save (D8PlanEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (!d8_plan_edit_is_modified (self->edit))
    return TRUE;
  if (!d8_plan_edit_save (self->edit, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  update_actions (self);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  D8PlanEditor *self = D8_PLAN_EDITOR (widget);

  if (!is_draft (self) && !amendment_open (self))
    {
      toast (self, _("This plan is issued: start an amendment (“Amend…”) before saving changes "
                     "to its quotas."));
      return;
    }
  if (save (self))
    toast (self, _("Quotas saved"));
}

static void
structure_changing_cb (D8PlanEditor *self)
{
  save (self);
}

static void
structure_changed_cb (D8PlanEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (!d8_plan_edit_reload (self->edit, &error))
    toast (self, error->message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  d8_plan_grid_press_key (D8_PLAN_EDITOR (widget)->grid, GDK_KEY_z, GDK_CONTROL_MASK);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  d8_plan_grid_press_key (D8_PLAN_EDITOR (widget)->grid, GDK_KEY_z,
                          GDK_CONTROL_MASK | GDK_SHIFT_MASK);
}

/* ---- issue, amend, distribute ---- */

static void
dialog_done_cb (D8PlanEditor *self)
{
  reload_plan (self);
}

static void
show_dialog (D8PlanEditor *self,
             GtkWidget    *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  D8PlanEditor *self = D8_PLAN_EDITOR (widget);
  D8PlanIssueDialog *dialog;

  /* what is typed is part of what is issued */
  if (!save (self))
    return;
  dialog = d8_plan_issue_dialog_new (GTK_WINDOW (self), self->store, self->plan_id, FALSE);
  g_signal_connect_object (dialog, "done", G_CALLBACK (dialog_done_cb), self, G_CONNECT_SWAPPED);
  show_dialog (self, GTK_WIDGET (dialog));
}

static void
amend_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  D8PlanEditor *self = D8_PLAN_EDITOR (widget);
  D8PlanIssueDialog *dialog;

  if (amendment_open (self) && !save (self))
    return;
  dialog = d8_plan_issue_dialog_new (GTK_WINDOW (self), self->store, self->plan_id, TRUE);
  g_signal_connect_object (dialog, "done", G_CALLBACK (dialog_done_cb), self, G_CONNECT_SWAPPED);
  show_dialog (self, GTK_WIDGET (dialog));
}

static void
distribute_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  D8PlanEditor *self = D8_PLAN_EDITOR (widget);
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint r0, r1, c0, c1;
  D8DistributeDialog *dialog;

  if (!d8_plan_grid_get_selection (self->grid, &r0, &r1, &c0, &c1))
    {
      toast (self, _("Select the units to distribute over in the grid first (Shift and the arrow "
                     "keys)."));
      return;
    }
  if (c0 != c1)
    {
      toast (self, _("Select units in one indicator’s column to distribute its total."));
      return;
    }
  for (guint r = r0; r <= r1; r++)
    g_array_append_val (rows, r);
  dialog = d8_distribute_dialog_new (GTK_WINDOW (self), self->store, self->edit, c0,
                                     (const guint *) rows->data, rows->len);
  show_dialog (self, GTK_WIDGET (dialog));
}

/* ---- details ---- */

/* The date typed in @entry as ISO; NULL with @error when it does not read,
 * "" when the entry is empty. */
static char *
entry_date (GtkEntry   *entry,
            const char *field,
            GError    **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (*text == '\0')
    return g_strdup ("");
  return d8_parse_date (text, field, error);
}

static void
apply_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  D8PlanEditor *self = D8_PLAN_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  D8PlanDetails details = { 0 };

  if ((issued = entry_date (self->issued_entry, _("Date of issue"), &error)) == NULL
      || (start = entry_date (self->start_entry, _("First day counted"), &error)) == NULL
      || (end = entry_date (self->end_entry, _("Last day counted"), &error)) == NULL)
    {
      toast (self, error->message);
      return;
    }
  details.title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  details.issuer = gtk_editable_get_text (GTK_EDITABLE (self->issuer_entry));
  details.target_label = gtk_editable_get_text (GTK_EDITABLE (self->label_entry));
  details.period_start = *start != '\0' ? start : NULL;
  details.period_end = *end != '\0' ? end : NULL;
  if (is_draft (self))
    {
      details.doc_number = gtk_editable_get_text (GTK_EDITABLE (self->number_entry));
      details.issued_on = *issued != '\0' ? issued : NULL;
    }
  if (!d8_store_set_plan_details (self->store, self->plan_id, &details, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("Details saved"));
}

/* ---- closing ---- */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   D8PlanEditor     *self)
{
  if (g_strcmp0 (response, "save") == 0 && !save (self))
    return;
  if (g_strcmp0 (response, "cancel") == 0)
    return;
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_request_cb (D8PlanEditor *self)
{
  GtkWidget *dialog;

  if (self->closing || self->edit == NULL || !d8_plan_edit_is_modified (self->edit))
    return FALSE;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save the Quotas?"),
                                   _("The quotas and totals typed in the appendix are not saved "
                                     "yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "discard",
                                    _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- the object ---- */

gint64
d8_plan_editor_get_plan_id (D8PlanEditor *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDITOR (self), 0);
  return self->plan_id;
}

D8PlanEdit *
d8_plan_editor_get_edit (D8PlanEditor *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDITOR (self), NULL);
  return self->edit;
}

GtkWidget *
d8_plan_editor_get_grid (D8PlanEditor *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDITOR (self), NULL);
  return GTK_WIDGET (self->grid);
}

const char *
d8_plan_editor_get_check_text (D8PlanEditor *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDITOR (self), NULL);
  return gtk_label_get_text (self->check_label);
}

void
d8_plan_editor_show_page (D8PlanEditor *self,
                          const char   *name)
{
  g_return_if_fail (D8_IS_PLAN_EDITOR (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

GtkWidget *
d8_plan_editor_get_dialog (D8PlanEditor *self)
{
  g_return_val_if_fail (D8_IS_PLAN_EDITOR (self), NULL);
  return self->dialog;
}

static void
d8_plan_editor_dispose (GObject *object)
{
  D8PlanEditor *self = D8_PLAN_EDITOR (object);

  g_clear_weak_pointer (&self->dialog);
  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), D8_TYPE_PLAN_EDITOR);
  G_OBJECT_CLASS (d8_plan_editor_parent_class)->dispose (object);
}

static void
d8_plan_editor_finalize (GObject *object)
{
  D8PlanEditor *self = D8_PLAN_EDITOR (object);

  g_clear_object (&self->edit);
  g_clear_object (&self->store);
  g_clear_pointer (&self->plan, d8_plan_free);
  G_OBJECT_CLASS (d8_plan_editor_parent_class)->finalize (object);
}

static void
d8_plan_editor_class_init (D8PlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_plan_editor_dispose;
  object_class->finalize = d8_plan_editor_finalize;

  g_type_ensure (D8_TYPE_PLAN_GRID);
  g_type_ensure (D8_TYPE_PLAN_UNITS_PAGE);
  g_type_ensure (D8_TYPE_PLAN_INDICATORS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, amend_button);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, check_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, end_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, grid);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, indicators_page);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, issue_button);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, issued_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, issuer_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, label_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, number_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, units_page);
  gtk_widget_class_bind_template_child (widget_class, D8PlanEditor, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_message_cb);
  gtk_widget_class_bind_template_callback (widget_class, structure_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, structure_changing_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "editor.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "editor.amend", NULL, amend_action);
  gtk_widget_class_install_action (widget_class, "editor.distribute", NULL, distribute_action);
  gtk_widget_class_install_action (widget_class, "editor.apply-details", NULL,
                                   apply_details_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
d8_plan_editor_init (D8PlanEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

D8PlanEditor *
d8_plan_editor_new (GtkWindow *parent,
                    D8Store   *store,
                    gint64     plan_id,
                    GError   **error)
{
  D8PlanEditor *self;
  D8PlanEdit *edit;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  edit = d8_plan_edit_new (store, plan_id, error);
  if (edit == NULL)
    return NULL;
  self = g_object_new (D8_TYPE_PLAN_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->plan_id = plan_id;
  self->edit = edit;
  d8_plan_grid_set_edit (self->grid, edit);
  d8_plan_units_page_set_plan (self->units_page, store, plan_id);
  d8_plan_indicators_page_set_plan (self->indicators_page, store, plan_id);
  g_signal_connect_object (edit, "changed", G_CALLBACK (edit_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (reload_plan), self, G_CONNECT_SWAPPED);
  reload_plan (self);
  update_check (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
  return self;
}
