/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-new-plan-dialog.c — "New Plan…" (see d8-new-plan-dialog.h).
 *
 * The drop-down lists "An empty plan" first, then the store's plans, newest
 * first; choosing one sets the year to the next one and proposes a code:
 * the plan's code with its year replaced ("gia-lai-2026" → "gia-lai-2027"),
 * or "plan-2027". Once a person types a code it is left alone.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "d8-new-plan-dialog.h"
#include "d8-plan-draft.h"
#include "d8-ui-util.h"

struct _D8NewPlanDialog
{
  AdwMessageDialog parent_instance;

  /* template children */
  GtkEntry *code_entry;
  GtkCheckButton *copy_check;
  GtkDropDown *from_dropdown;
  GtkStringList *from_names;
  GtkEntry *title_entry;
  GtkSpinButton *year_spin;

  D8Store *store;
  GPtrArray *plans; /* D8Plan*, in the order of from_names after "empty" */
  gboolean code_typed;
  gboolean setting_code;
};

G_DEFINE_FINAL_TYPE (D8NewPlanDialog, d8_new_plan_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum { CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const D8Plan *
chosen_plan (D8NewPlanDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->from_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->plans == NULL
      || selected > self->plans->len)
    return NULL;
  return g_ptr_array_index (self->plans, selected - 1);
}

/* The code proposed for @year: the chosen plan's code with its year
 * replaced, else "plan-YEAR". Machine text: ASCII digits. */
static char *
propose_code (const D8Plan *from,
              int           year)
{
  g_autofree char *old_year = NULL;
  const char *at;

  if (from == NULL || from->code == NULL)
    return g_strdup_printf ("plan-%d", year);
  old_year = g_strdup_printf ("%d", from->year);
  at = g_strrstr (from->code, old_year);
  if (at == NULL)
    return g_strdup_printf ("%s-%d", from->code, year);
  return g_strdup_printf ("%.*s%d%s", (int) (at - from->code), from->code, year,
                          at + strlen (old_year));
}

static void
update_code (D8NewPlanDialog *self)
{
  g_autofree char *code = NULL;

  if (self->code_typed)
    return;
  code = propose_code (chosen_plan (self), gtk_spin_button_get_value_as_int (self->year_spin));
  self->setting_code = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), code);
  self->setting_code = FALSE;
}

static void
code_changed_cb (D8NewPlanDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->code_entry));

  if (!self->setting_code)
    self->code_typed = *text != '\0';
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", *text != '\0');
}

static void
year_changed_cb (D8NewPlanDialog *self)
{
  update_code (self);
}

static void
from_changed_cb (D8NewPlanDialog *self)
{
  const D8Plan *from = chosen_plan (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_check), from != NULL);
  if (from != NULL)
    gtk_spin_button_set_value (self->year_spin, from->year + 1);
  update_code (self);
}

static void
response_cb (D8NewPlanDialog *self,
             const char      *response)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  const D8Plan *from;
  D8NewPlanOptions options = { 0 };
  gint64 plan_id;

  if (g_strcmp0 (response, "create") != 0)
    return;
  from = chosen_plan (self);
  code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_entry))));
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  options.code = code;
  options.year = gtk_spin_button_get_value_as_int (self->year_spin);
  options.title = *title != '\0' ? title : NULL;
  options.from_plan_id = from != NULL ? from->id : 0;
  options.copy_quotas = from != NULL && gtk_check_button_get_active (self->copy_check);
  plan_id = d8_store_new_plan (self->store, &options, &error);
  if (plan_id == 0)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      if (parent != NULL)
        d8_ui_add_toast (GTK_WIDGET (parent), adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, plan_id);
}

void
d8_new_plan_dialog_choose (D8NewPlanDialog *self,
                           guint            from_position,
                           int              year,
                           gboolean         copy_quotas)
{
  g_return_if_fail (D8_IS_NEW_PLAN_DIALOG (self));

  gtk_drop_down_set_selected (self->from_dropdown, from_position);
  gtk_spin_button_set_value (self->year_spin, year);
  gtk_check_button_set_active (self->copy_check, copy_quotas);
}

static void
d8_new_plan_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), D8_TYPE_NEW_PLAN_DIALOG);
  G_OBJECT_CLASS (d8_new_plan_dialog_parent_class)->dispose (object);
}

static void
d8_new_plan_dialog_finalize (GObject *object)
{
  D8NewPlanDialog *self = D8_NEW_PLAN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  G_OBJECT_CLASS (d8_new_plan_dialog_parent_class)->finalize (object);
}

static void
d8_new_plan_dialog_class_init (D8NewPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_new_plan_dialog_dispose;
  object_class->finalize = d8_new_plan_dialog_finalize;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-new-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, D8NewPlanDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, D8NewPlanDialog, copy_check);
  gtk_widget_class_bind_template_child (widget_class, D8NewPlanDialog, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, D8NewPlanDialog, from_names);
  gtk_widget_class_bind_template_child (widget_class, D8NewPlanDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, D8NewPlanDialog, year_spin);
  gtk_widget_class_bind_template_callback (widget_class, code_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, from_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
}

static void
d8_new_plan_dialog_init (D8NewPlanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

D8NewPlanDialog *
d8_new_plan_dialog_new (GtkWindow *parent,
                        D8Store   *store,
                        gint64     from_plan_id)
{
  D8NewPlanDialog *self;
  guint selected = 0;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  self = g_object_new (D8_TYPE_NEW_PLAN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->plans = d8_store_list_plans (store, NULL);
  if (self->plans == NULL)
    self->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_plan_free);
  g_ptr_array_sort (self->plans, d8_plan_compare_newest);
  gtk_string_list_append (self->from_names, _("An empty plan"));
  for (guint i = 0; i < self->plans->len; i++)
    {
      const D8Plan *plan = g_ptr_array_index (self->plans, i);
      g_autofree char *name = NULL;

      if (plan->is_draft || plan->doc_number == NULL)
        /* Translators: a draft plan offered to start from: its title · its year */
        name = g_strdup_printf (_("%s · %d (draft)"), plan->title, plan->year);
      else
        /* Translators: a plan offered to start from: its number · its year */
        name = g_strdup_printf (_("%s · %d"), plan->doc_number, plan->year);
      gtk_string_list_append (self->from_names, name);
      if (plan->id == from_plan_id)
        selected = i + 1;
    }
  gtk_drop_down_set_selected (self->from_dropdown, selected);
  from_changed_cb (self);
  return self;
}
