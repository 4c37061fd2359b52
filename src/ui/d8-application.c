/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-application.c — the duan8 application.
 *
 * Opens the store (--db PATH, or the default per-user file) when first
 * activated, then shows the main window on it. If the store cannot be
 * opened the error is shown and the application quits when it is closed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-about.h"
#include "d8-application.h"
#include "d8-preferences-window.h"
#include "d8-store.h"
#include "d8-ui-util.h"
#include "d8-window.h"

struct _D8Application
{
  AdwApplication parent_instance;

  char *db_path;
  D8Store *store;
};

G_DEFINE_FINAL_TYPE (D8Application, d8_application, ADW_TYPE_APPLICATION)

static void
quit_after_paint_cb (GdkFrameClock *clock,
                     GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, quit_after_paint_cb, app);
  g_application_quit (app);
}

/* The startup benchmark sets DUAN8_EXIT_AFTER_FIRST_FRAME=1 to measure the
 * time to the first painted frame. */
static void
maybe_quit_after_first_frame (D8Application *self,
                              GtkWindow     *window)
{
  GdkSurface *surface;

  if (g_strcmp0 (g_getenv ("DUAN8_EXIT_AFTER_FIRST_FRAME"), "1") != 0)
    return;

  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (surface == NULL)
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }
  g_signal_connect_object (gdk_surface_get_frame_clock (surface), "after-paint",
                           G_CALLBACK (quit_after_paint_cb), self, 0);
}

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   D8Application    *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_application_quit (G_APPLICATION (self));
}

static void
show_open_error (D8Application *self,
                 const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The database could not be opened"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  maybe_quit_after_first_frame (self, GTK_WINDOW (dialog));
}

/* A new database asks which office it belongs to (province or one unit);
 * the same database never asks twice, whoever opens it. The question
 * belongs to the database (its meta table), not to the person's settings.
 * It is a bar in the window, above content that is there and works from
 * the first frame (issue 13 item 6), not a dialog in front of it. */
static void
maybe_first_run (D8Window *window)
{
  d8_window_ask_office (window);
}

static void
d8_application_activate (GApplication *app)
{
  D8Application *self = D8_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_autoptr (GError) error = NULL;

      if (self->store == NULL)
        {
          g_autofree char *path = self->db_path ? g_strdup (self->db_path)
                                                : d8_store_default_path ();

          self->store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
          if (self->store == NULL)
            {
              show_open_error (self, error);
              return;
            }
        }
      window = GTK_WINDOW (d8_window_new (GTK_APPLICATION (app), self->store));
      maybe_first_run (D8_WINDOW (window));
    }

  gtk_window_present (window);
  maybe_quit_after_first_frame (self, window);
}

/* Files opened from the file manager (or given on the command line, or
 * sent to the running instance): each bundle's or plan's import preview. */
static void
d8_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window;

  d8_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (!D8_IS_WINDOW (window))
    return;
  for (int i = 0; i < n_files; i++)
    d8_window_open_file (D8_WINDOW (window), files[i]);
}

static int
d8_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  D8Application *self = D8_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &path))
    {
      g_free (self->db_path);
      self->db_path = g_steal_pointer (&path);
    }
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("duan8 %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing the windows lets them save their state. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (windows->data);
      windows = next;
    }
  g_application_quit (app);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;

  d8_about_show (gtk_application_get_active_window (app));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  GtkApplication *app = user_data;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) != NULL)
    settings = g_settings_new (APP_ID);
  {
    GtkWindow *parent = gtk_application_get_active_window (app);
    GtkWidget *prefs = d8_preferences_window_new (parent, settings);

    if (D8_IS_WINDOW (parent))
      {
        g_autofree char *office
          = d8_store_describe_office (d8_window_get_store (D8_WINDOW (parent)));
        d8_preferences_window_set_office (D8_PREFERENCES_WINDOW (prefs), office);
      }
    gtk_window_present (GTK_WINDOW (prefs));
  }
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL },
  { "preferences", preferences_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
};

static void
d8_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *charts_accels[] = { "<Control>g", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *import_plan_accels[] = { "<Control><Shift>o", NULL };
  static const char *export_plan_accels[] = { "<Control><Shift>e", NULL };
  static const char *new_plan_accels[] = { "<Control><Shift>n", NULL };
  static const char *edit_plan_accels[] = { "<Control><Shift>p", NULL };
  static const char *compare_accels[] = { "<Control><Shift>c", NULL };
  /* GtkApplication sets this one only for gtk/help-overlay.ui, which
   * duan8 does not have: the window builds its shortcuts when asked. */
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (d8_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-entry", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.toggle-charts", charts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.import-bundle", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export-bundle", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.import-plan",
                                         import_plan_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export-plan",
                                         export_plan_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-plan", new_plan_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.edit-plan",
                                         edit_plan_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.compare-plans",
                                         compare_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         help_accels);

  d8_ui_ensure_style ();
}

static void
d8_application_finalize (GObject *object)
{
  D8Application *self = D8_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (d8_application_parent_class)->finalize (object);
}

static void
d8_application_class_init (D8ApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = d8_application_finalize;
  app_class->activate = d8_application_activate;
  app_class->open = d8_application_open;
  app_class->startup = d8_application_startup;
  app_class->handle_local_options = d8_application_handle_local_options;
}

static void
d8_application_init (D8Application *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the database at PATH instead of the default one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

D8Application *
d8_application_new (void)
{
  return g_object_new (D8_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/vn/hoilhpn/Duan8",
                       NULL);
}
