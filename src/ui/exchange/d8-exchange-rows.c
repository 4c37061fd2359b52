/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-exchange-rows.c — pieces shared by the parts of the exchange. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-bundle.h"
#include "d8-exchange-rows.h"
#include "d8-format.h"

GtkWidget *
d8_exchange_more_row (guint n_more)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *count = d8_format_count (n_more);
  /* Translators: the last row of a long list; %s is a number */
  g_autofree char *title = g_strdup_printf (ngettext ("And %s more", "And %s more", n_more),
                                            count);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

const D8SaveFilter *
d8_exchange_bundle_filter (void)
{
  static D8SaveFilter filter = { NULL, "application/vnd.duan8.bundle+json",
                                 "*" D8_BUNDLE_SUFFIX, D8_BUNDLE_SUFFIX };

  /* Translated each time: the language is chosen before any window opens,
   * but tests switch it. */
  filter.name = _("Project 8 bundles");
  return &filter;
}
