/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-window-dnd.c — files coming into the main window: bundles dropped on
 * it, and bundles opened from the file manager or the command line (which
 * the application hands to d8_window_open_bundle). Each gets its import
 * preview, one after the other. */
#include "config.h"

#include "d8-exchange-import.h"
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
    d8_window_open_bundle (self, G_FILE (l->data));
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

void
_d8_window_dnd_init (D8Window *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
