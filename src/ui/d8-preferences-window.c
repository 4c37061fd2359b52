/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-preferences-window.c — the interface language: System, Tiếng Việt or
 * English, kept in GSettings and applied at the next start (main.c reads
 * it before anything is translated); and the office this installation is. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-window.h"
#include "d8-preferences-window.h"

struct _D8PreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *language_row;
  AdwActionRow *office_row;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (D8PreferencesWindow, d8_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Values of the "language" key, in the order of the combo row. */
static const char *const language_codes[] = { "", "vi", "en" };

static void
language_selected_cb (D8PreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (language_codes))
    g_settings_set_string (self->settings, "language", language_codes[selected]);
}

/* The office is chosen in the main window's dialog, which also shows it. */
static void
change_office_cb (D8PreferencesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (D8_IS_WINDOW (parent))
    {
      gtk_window_close (GTK_WINDOW (self));
      d8_window_choose_office (D8_WINDOW (parent), FALSE);
    }
}

static void
d8_preferences_window_dispose (GObject *object)
{
  D8PreferencesWindow *self = D8_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (d8_preferences_window_parent_class)->dispose (object);
}

static void
d8_preferences_window_class_init (D8PreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, D8PreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, D8PreferencesWindow, office_row);
  gtk_widget_class_bind_template_callback (widget_class, change_office_cb);
}

static void
d8_preferences_window_init (D8PreferencesWindow *self)
{
  g_autoptr (GtkStringList) model = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each language is named in its own language, so it can be found by
   * someone who cannot read the current one. */
  model = gtk_string_list_new ((const char *[]) {
    /* Translators: follow the language of the system */
    _("System"),
    "Tiếng Việt",
    /* Translators: English named so a Vietnamese reader recognises it too */
    _("English"),
    NULL });
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (model));
}

GtkWidget *
d8_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  D8PreferencesWindow *self = g_object_new (D8_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            "modal", parent != NULL,
                                            NULL);

  if (settings != NULL)
    {
      g_autofree char *current = g_settings_get_string (settings, "language");

      self->settings = g_object_ref (settings);
      for (guint i = 0; i < G_N_ELEMENTS (language_codes); i++)
        if (g_str_equal (current, language_codes[i]))
          adw_combo_row_set_selected (self->language_row, i);
    }
  g_signal_connect_swapped (self->language_row, "notify::selected",
                            G_CALLBACK (language_selected_cb), self);
  return GTK_WIDGET (self);
}

void
d8_preferences_window_set_office (D8PreferencesWindow *self, const char *office)
{
  g_return_if_fail (D8_IS_PREFERENCES_WINDOW (self));
  adw_action_row_set_subtitle (self->office_row, office);
}
