/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-reason-dialog.c — a reason before returning or reopening a report
 * (see d8-reason-dialog.h). An AdwMessageDialog (libadwaita 1.2) with a
 * text view as its extra child: the reason is a sentence or two that the
 * office will read, so it gets room to be written. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-reason-dialog.h"
#include "d8-ui-util.h"

typedef struct
{
  D8ReasonFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
  GtkTextBuffer *buffer; /* owned by the dialog's text view */
} ReasonData;

static void
reason_data_free (gpointer data)
{
  ReasonData *rd = data;

  if (rd->destroy != NULL)
    rd->destroy (rd->user_data);
  g_free (rd);
}

static char *
dup_reason (GtkTextBuffer *buffer)
{
  return g_strstrip (d8_ui_text_buffer_dup (buffer));
}

static void
buffer_changed_cb (GtkTextBuffer    *buffer,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = dup_reason (buffer);

  adw_message_dialog_set_response_enabled (dialog, "confirm", *reason != '\0');
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             ReasonData       *rd)
{
  if (g_strcmp0 (response, "confirm") == 0)
    {
      g_autofree char *reason = dup_reason (rd->buffer);

      if (*reason != '\0')
        rd->func (reason, rd->user_data);
    }
}

GtkWidget *
d8_reason_dialog_present (GtkWindow      *parent,
                          const char     *heading,
                          const char     *body,
                          const char     *verb,
                          D8ReasonFunc    func,
                          gpointer        user_data,
                          GDestroyNotify  destroy)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  ReasonData *rd = g_new0 (ReasonData, 1);

  g_return_val_if_fail (func != NULL, NULL);

  rd->func = func;
  rd->user_data = user_data;
  rd->destroy = destroy;
  rd->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, 320, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), frame);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", verb,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect (rd->buffer, "changed", G_CALLBACK (buffer_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), rd,
                         (GClosureNotify) (void (*) (void)) reason_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
  return dialog;
}

void
d8_reason_dialog_confirm (GtkWidget  *dialog,
                          const char *reason)
{
  GtkWidget *frame;
  GtkTextBuffer *buffer;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  frame = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_frame_get_child (GTK_FRAME (frame))));
  gtk_text_buffer_set_text (buffer, reason, -1);
  /* As a click on the button does: the response, then the dialog closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  gtk_window_close (GTK_WINDOW (dialog));
}
