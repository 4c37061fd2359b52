/* d8-exchange.h — the exchange of bundles between offices, in the window:
 * export (Ctrl+E), import with a preview first (Ctrl+O, a dropped file, a
 * file opened from the file manager), and the Exchange window listing
 * conflicts (keep mine / keep theirs), the import log and the snapshots
 * (restore). The work is the core's (d8-bundle.h, d8-snapshot.h). */
#pragma once

#include <adwaita.h>

#include "d8-bundle.h"
#include "d8-window.h"

G_BEGIN_DECLS

/* The save dialog, then d8_bundle_export. */
void d8_exchange_export (D8Window *window);
/* The open dialog, then the preview. */
void d8_exchange_choose_import (D8Window *window);
/* Reads @file and shows its preview (or why it is refused). Returns the
 * dialog shown (for tests), owned by GTK. */
GtkWidget *d8_exchange_preview (D8Window *window, GFile *file);
/* The Exchange window: conflicts, imports, snapshots. */
GtkWidget *d8_exchange_show_window (D8Window *window);

/* The office chooser: province or one unit of the plan. @first_run words
 * it as a question for a new installation. */
GtkWidget *d8_exchange_choose_office (D8Window *window, gboolean first_run);

G_END_DECLS
