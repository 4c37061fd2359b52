/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-office-prompt.h — the first-run question "which office is this?" as a
 * bar inside the main window (issue 13 item 6): the window shows its
 * content at once and the question waits above it, instead of a modal
 * dialog in front of it. The question belongs to the database
 * (d8_store_get_office_asked, issue 14 item 6): a new database asks, and
 * one that was answered never asks again. */
#pragma once

#include <adwaita.h>

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_OFFICE_PROMPT (d8_office_prompt_get_type ())
G_DECLARE_FINAL_TYPE (D8OfficePrompt, d8_office_prompt, D8, OFFICE_PROMPT, GtkBox)

/* d8_office_prompt_new:
 * @store: the database whose office is asked
 *
 * The bar hides itself as soon as the store says its office was asked
 * (chosen in the office chooser, or "Later" here, which records the
 * question as answered). "Choose Office…" activates the window's
 * `win.choose-office` action, so the chooser is the window's usual one.
 *
 * Returns: (transfer floating): the bar, visible when @store's office has
 * not been asked yet. */
GtkWidget *d8_office_prompt_new (D8Store *store);

/* Looks at the store again and hides the bar once the office was asked:
 * for the chooser's answer, which may keep the office as it was (and so
 * emits no "changed"). */
void d8_office_prompt_update (D8OfficePrompt *self);

G_END_DECLS
