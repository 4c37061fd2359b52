/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-reason-dialog.h — the question "why?" before the province returns or
 * reopens a report: a message dialog with a text field, whose action
 * stays disabled until a reason is written (the core refuses an empty
 * one too, d8-reporting.h). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with the reason (NFC is the core's job) when the person confirms;
 * not called on cancel. */
typedef void (*D8ReasonFunc) (const char *reason, gpointer user_data);

/* d8_reason_dialog_present:
 * @parent: the window the dialog belongs to
 * @heading: the question, e.g. "Return the Report of Chư Pưh?"
 * @body: what follows from it
 * @verb: the label of the confirming button ("_Return")
 * @func: what to do with the reason
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data when the dialog is answered
 *
 * Returns: (transfer none): the dialog shown (for tests: its text view is
 *   its extra child's child). */
GtkWidget *d8_reason_dialog_present (GtkWindow *parent, const char *heading, const char *body,
                                     const char *verb, D8ReasonFunc func, gpointer user_data,
                                     GDestroyNotify destroy);

/* For tests: writes @reason into the dialog and confirms it. */
void d8_reason_dialog_confirm (GtkWidget *dialog, const char *reason);

G_END_DECLS
