/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-window-dnd.c — files coming into the main window: bundles, plan files
 * and tables dropped on it, or opened from the file manager or the command
 * line (which the application hands to d8_window_open_file). Each gets its
 * import preview, one after the other: a plan file ("*.duan8-plan.json")
 * or a table (.csv, .tsv, .xlsx) the plan's, anything else a bundle's. */
#include "config.h"

#include "d8-exchange-import.h"
#include "d8-plan-import-dialog.h"
#include "d8-window-private.h"

static gboolean
drop_cb (D8Window      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    d8_window_open_file (self, G_FILE (l->data));
  return files != NULL;
}

GtkWidget *
d8_window_open_bundle (D8Window *self,
                       GFile    *file)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return d8_exchange_open_bundle (GTK_WINDOW (self), self->store, self->settings, file);
}

static void
plan_imported_cb (D8Window *self,
                  gint64    plan_id)
{
  /* The plan just imported is the one to work on. */
  d8_window_set_plan (self, plan_id);
}

GtkWidget *
d8_window_open_plan (D8Window *self,
                     GFile    *file)
{
  D8PlanImportDialog *dialog;

  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  dialog = d8_plan_import_dialog_new (GTK_WINDOW (self), self->store, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (plan_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

void
_d8_window_choose_plan_file (D8Window *self)
{
  d8_plan_import_choose_file (GTK_WINDOW (self), self->store, self->settings, G_OBJECT (self),
                              G_CALLBACK (plan_imported_cb));
}

GtkWidget *
d8_window_open_file (D8Window *self,
                     GFile    *file)
{
  g_return_val_if_fail (D8_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (d8_plan_import_is_table_or_plan (file))
    return d8_window_open_plan (self, file);
  return d8_window_open_bundle (self, file);
}

void
_d8_window_dnd_init (D8Window *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
