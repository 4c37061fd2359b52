/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-about.c — see d8-about.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-about.h"

static GtkWidget *
link_row (const char *title, const char *subtitle, const char *uri)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("adw-external-link-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "about.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  return row;
}

static GtkWidget *
text_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

static void
open_activated (GSimpleAction *action, GVariant *parameter, gpointer window)
{
  gtk_show_uri (GTK_WINDOW (window), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

GtkWidget *
d8_about_show (GtkWindow *parent)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (APP_ID);
  GtkWidget *name = gtk_label_new (_("Duan8"));
  GtkWidget *version = gtk_label_new (PACKAGE_VERSION);
  GtkWidget *comments = gtk_label_new (_("Follow the plan of Project 8 (gender equality and "
                                         "urgent issues of women and children): quotas, "
                                         "progress and reports by unit."));
  AdwPreferencesGroup *group;
  const char *translators = _("translator-credits");
  GtkWidget *title = adw_window_title_new (_("About Duan8"), NULL);

  gtk_window_set_title (GTK_WINDOW (window), _("About Duan8"));
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 620);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 128);
  gtk_widget_add_css_class (name, "title-1");
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (version, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (comments), TRUE);
  gtk_label_set_justify (GTK_LABEL (comments), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (comments), 40);
  gtk_box_append (GTK_BOX (top), icon);
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), version);
  gtk_box_append (GTK_BOX (top), comments);
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_add (group, top);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Made by"));
  adw_preferences_group_add (group, text_row (_("Development"), _("The duan8 team")));
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_preferences_group_add (group, text_row (_("Translation"), translators));
  adw_preferences_group_add (group, link_row (_("Website"), "https://hoilhpn.vn/",
                                              "https://hoilhpn.vn/"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Licence"));
  adw_preferences_group_add (
    group, link_row (_("GNU General Public License, version 3 or later"),
                     _("This program comes with absolutely no warranty. You may share and "
                       "change it under the terms of this licence."),
                     "https://www.gnu.org/licenses/gpl-3.0.html"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), page);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);
  {
    const GActionEntry entries[] = { { "open", open_activated, "s", NULL, NULL, { 0 } } };
    g_autoptr (GSimpleActionGroup) actions = g_simple_action_group_new ();

    g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries),
                                     window);
    gtk_widget_insert_action_group (window, "about", G_ACTION_GROUP (actions));
  }
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                        gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
