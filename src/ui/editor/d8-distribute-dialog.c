/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-distribute-dialog.c — "Distribute…" (see d8-distribute-dialog.h).
 *
 * The preview is a GtkStringList of lines in a recycling GtkListView, so
 * distributing over all 135 units costs a screenful of rows. The core
 * computes every figure; this file only shows them and applies them. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-distribute-dialog.h"
#include "d8-format.h"
#include "d8-ui-util.h"

struct _D8DistributeDialog
{
  AdwMessageDialog parent_instance;

  /* template children */
  GtkLabel *hint_label;
  GtkListView *preview_list;
  GtkDropDown *reference_dropdown;
  GtkStringList *reference_names;
  GtkSpinButton *total_spin;

  D8PlanEdit *edit;
  guint column;
  GArray *rows;          /* guint: the selected units' rows */
  GArray *reference_ids; /* gint64: plan ids in the order of reference_names */
  GArray *preview;       /* D8Distribution, NULL when the inputs do not give one */
  GtkStringList *lines;
};

G_DEFINE_FINAL_TYPE (D8DistributeDialog, d8_distribute_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
inputs_changed_cb (D8DistributeDialog *self)
{
  g_autoptr (GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->reference_dropdown);
  gint64 total = (gint64) gtk_spin_button_get_value (self->total_spin);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  g_autoptr (GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  gint64 sum = 0;

  g_clear_pointer (&self->preview, g_array_unref);
  if (selected < self->reference_ids->len)
    self->preview = d8_plan_edit_distribute (self->edit, self->column, total,
                                             (const guint *) self->rows->data, self->rows->len,
                                             g_array_index (self->reference_ids, gint64, selected),
                                             &error);
  else
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("There is no earlier plan to take the proportions from."));

  for (guint i = 0; self->preview != NULL && i < self->preview->len; i++)
    {
      const D8Distribution *d = &g_array_index (self->preview, D8Distribution, i);
      const D8Unit *unit = d8_plan_edit_get_unit (self->edit, d->row);
      g_autofree char *quota = d8_format_count (d->quota);
      g_autofree char *reference = d->has_reference ? d8_format_count (d->reference)
                                                    : g_strdup ("-");

      /* Translators: a line of the distribution's preview: the unit, its
       * quota in the reference plan, the quota proposed */
      g_ptr_array_add (shown, g_strdup_printf (_("%s: %s → %s"), unit->name, reference, quota));
      sum += d->quota;
    }
  g_ptr_array_add (shown, NULL);
  gtk_string_list_splice (self->lines, 0, n, (const char *const *) shown->pdata);

  if (self->preview == NULL)
    gtk_label_set_text (self->hint_label, error->message);
  else
    {
      g_autofree char *total_text = d8_format_count (sum);
      /* Translators: under the distribution's preview; %s is the sum */
      g_autofree char *text = g_strdup_printf (_("Last year → proposed. The proposed quotas add up "
                                                 "to %s."),
                                               total_text);
      gtk_label_set_text (self->hint_label, text);
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply",
                                           self->preview != NULL);
}

static void
response_cb (D8DistributeDialog *self,
             const char         *response)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->preview == NULL)
    return;
  if (!d8_plan_edit_apply_distribution (self->edit, self->column, self->preview, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      if (parent != NULL)
        d8_ui_add_toast (GTK_WIDGET (parent), adw_toast_new (error->message));
    }
}

void
d8_distribute_dialog_set_total (D8DistributeDialog *self,
                                gint64              total)
{
  g_return_if_fail (D8_IS_DISTRIBUTE_DIALOG (self));
  gtk_spin_button_set_value (self->total_spin, (double) total);
}

char *
d8_distribute_dialog_get_preview_text (D8DistributeDialog *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (D8_IS_DISTRIBUTE_DIALOG (self), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->lines)); i++)
    {
      g_string_append (text, gtk_string_list_get_string (self->lines, i));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

gboolean
d8_distribute_dialog_can_apply (D8DistributeDialog *self)
{
  g_return_val_if_fail (D8_IS_DISTRIBUTE_DIALOG (self), FALSE);
  return self->preview != NULL;
}

static void
line_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_list_item_set_child (item, label);
}

static void
line_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
d8_distribute_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), D8_TYPE_DISTRIBUTE_DIALOG);
  G_OBJECT_CLASS (d8_distribute_dialog_parent_class)->dispose (object);
}

static void
d8_distribute_dialog_finalize (GObject *object)
{
  D8DistributeDialog *self = D8_DISTRIBUTE_DIALOG (object);

  g_clear_object (&self->edit);
  g_clear_object (&self->lines);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->reference_ids, g_array_unref);
  g_clear_pointer (&self->preview, g_array_unref);
  G_OBJECT_CLASS (d8_distribute_dialog_parent_class)->finalize (object);
}

static void
d8_distribute_dialog_class_init (D8DistributeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_distribute_dialog_dispose;
  object_class->finalize = d8_distribute_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-distribute-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, D8DistributeDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, D8DistributeDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, D8DistributeDialog, reference_dropdown);
  gtk_widget_class_bind_template_child (widget_class, D8DistributeDialog, reference_names);
  gtk_widget_class_bind_template_child (widget_class, D8DistributeDialog, total_spin);
  gtk_widget_class_bind_template_callback (widget_class, inputs_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
d8_distribute_dialog_init (D8DistributeDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->lines = gtk_string_list_new (NULL);
  self->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->reference_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (factory, "setup", G_CALLBACK (line_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (line_bind_cb), NULL);
  gtk_list_view_set_factory (self->preview_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->preview_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             G_LIST_MODEL (g_object_ref (self->lines)))));
}

D8DistributeDialog *
d8_distribute_dialog_new (GtkWindow   *parent,
                          D8Store     *store,
                          D8PlanEdit  *edit,
                          guint        column,
                          const guint *rows,
                          guint        n_rows)
{
  D8DistributeDialog *self;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (D8Plan) plan = NULL;
  const D8Indicator *indicator;
  g_autofree char *body = NULL;
  gint64 stated = 0, rest = 0;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (D8_IS_PLAN_EDIT (edit), NULL);
  g_return_val_if_fail (column < d8_plan_edit_get_n_columns (edit), NULL);

  self = g_object_new (D8_TYPE_DISTRIBUTE_DIALOG, "transient-for", parent, NULL);
  self->edit = g_object_ref (edit);
  self->column = column;
  g_array_append_vals (self->rows, rows, n_rows);

  indicator = d8_plan_edit_get_indicator (edit, column);
  /* Translators: %u is a number of units, then the indicator's code and name */
  body = g_strdup_printf (g_dngettext (NULL, "Over %u selected unit, for indicator %s %s.",
                                       "Over %u selected units, for indicator %s %s.", n_rows),
                          n_rows, indicator->code, indicator->name_vi);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  /* the reference plans: every other plan, newest first; the latest plan
   * of an earlier year is chosen */
  plan = d8_store_get_plan (store, d8_plan_edit_get_plan_id (edit), NULL);
  plans = d8_store_list_plans (store, NULL);
  if (plans != NULL)
    g_ptr_array_sort (plans, d8_plan_compare_newest);
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      const D8Plan *p = g_ptr_array_index (plans, i);
      g_autofree char *name = NULL;

      if (p->id == d8_plan_edit_get_plan_id (edit))
        continue;
      /* Translators: a reference plan: its title · its year */
      name = g_strdup_printf (_("%s · %d"), p->doc_number != NULL ? p->doc_number : p->title,
                              p->year);
      gtk_string_list_append (self->reference_names, name);
      g_array_append_val (self->reference_ids, p->id);
      if (selected == GTK_INVALID_LIST_POSITION && plan != NULL && p->year < plan->year)
        selected = self->reference_ids->len - 1;
    }
  if (selected == GTK_INVALID_LIST_POSITION && self->reference_ids->len > 0)
    selected = 0;

  /* what the stated total leaves after the units not selected */
  if (d8_plan_edit_get_stated (edit, column, &stated))
    {
      gint64 outside = d8_plan_edit_get_column_sum (edit, column);
      for (guint i = 0; i < n_rows; i++)
        {
          gint64 quota = 0;
          if (d8_plan_edit_get_cell (edit, rows[i], column, &quota))
            outside -= quota;
        }
      rest = MAX (0, stated - outside);
    }
  gtk_spin_button_set_value (self->total_spin, (double) rest);
  gtk_drop_down_set_selected (self->reference_dropdown, selected);
  inputs_changed_cb (self);
  return self;
}
