/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-about.h — the About window, every word of it in our own catalogue.
 *
 * AdwAboutWindow's own labels ("Details", "Credits", "Legal", the licence
 * sentence) come from libadwaita's catalogue, which Debian 12 ships with
 * almost no Vietnamese; a Vietnamese user would meet English there. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *d8_about_show (GtkWindow *parent);

G_END_DECLS
