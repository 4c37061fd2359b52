/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-preferences-window.c — the interface language: System, Tiếng Việt or
 * English, kept in GSettings and applied at the next start (main.c reads
 * it before anything is translated); the office this installation is; its
 * signing key's fingerprint (copyable) and how to back the key up; and the
 * offices known here with their fingerprints, to register (by a
 * fingerprint read aloud, or a key) and to forget after a confirmation
 * (docs/security.md). */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-office-keys.h"
#include "d8-preferences-window.h"
#include "d8-signer-rows.h"
#include "d8-ui-util.h"
#include "d8-window.h"

struct _D8PreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *language_row;
  AdwActionRow *office_row;
  AdwActionRow *fingerprint_row;
  GtkLabel *fingerprint_label;
  AdwActionRow *key_file_row;
  GtkListBox *known_list;
  AdwComboRow *register_office_row;
  AdwEntryRow *register_key_row;
  AdwEntryRow *signer_name_row;
  AdwEntryRow *signer_title_row;
  GSettings *settings;
  D8Store *store;   /* NULL: no office shown */
  GPtrArray *codes; /* office codes, in the order of register_office_row */
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
show_toast (D8PreferencesWindow *self,
            const char          *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
copy_fingerprint_cb (D8PreferencesWindow *self)
{
  const char *fingerprint = gtk_label_get_text (self->fingerprint_label);

  if (*fingerprint == '\0' || !gtk_widget_get_sensitive (GTK_WIDGET (self->fingerprint_row)))
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), fingerprint);
  show_toast (self, _("Fingerprint copied"));
}

/* The plan the main window shows: the report settings' defaults name its province. */
static gint64
shown_plan_id (D8PreferencesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  return D8_IS_WINDOW (parent) ? d8_window_get_plan_id (D8_WINDOW (parent)) : 0;
}

static void
signer_apply_cb (D8PreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!d8_signer_rows_save (self->signer_title_row, self->signer_name_row, self->store,
                            shown_plan_id (self), &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("Signer saved"));
}

static void fill_known_offices (D8PreferencesWindow *self);

static void
forget_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    D8PreferencesWindow *self)
{
  const char *office = g_object_get_data (G_OBJECT (dialog), "office");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "forget") != 0 || self->store == NULL)
    return;
  if (!d8_office_keys_forget (self->store, office, &error))
    {
      show_toast (self, error->message);
      return;
    }
  fill_known_offices (self);
}

/* Forgetting a key is asked first: the office's next bundle must then be
 * confirmed again by phone. */
static void
forget_clicked_cb (GtkButton           *button,
                   D8PreferencesWindow *self)
{
  const char *office = g_object_get_data (G_OBJECT (button), "office");
  g_autofree char *name = d8_store_describe_office_code (self->store, office);
  /* Translators: heading of a confirmation; %s is an office */
  g_autofree char *heading = g_strdup_printf (_("Forget the key of %s?"), name);
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (self), heading,
    _("Its next bundle will be treated as the first one from it: it is imported only after "
      "its fingerprint is confirmed again on the phone."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "forget", _("_Forget"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "forget",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "office", g_strdup (office), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (forget_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
describe_source (const char *source)
{
  if (g_strcmp0 (source, "confirmed") == 0)
    /* Translators: how a known office's key was learnt */
    return _("confirmed at its first bundle");
  if (g_strcmp0 (source, "province") == 0)
    /* Translators: how a known office's key was learnt */
    return _("sent by the province");
  /* Translators: how a known office's key was learnt */
  return _("registered by hand");
}

static void
fill_known_offices (D8PreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) known = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->known_list))) != NULL)
    gtk_list_box_remove (self->known_list, child);
  if (self->store == NULL)
    return;
  known = d8_office_keys_list (self->store, &error);
  if (known == NULL)
    {
      g_warning ("Known offices: %s", error->message);
      return;
    }
  if (known->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No office known yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("An office becomes known when its first bundle is "
                                     "confirmed, or when its key is registered below."));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->known_list, row);
      return;
    }
  for (guint i = 0; i < known->len; i++)
    {
      const D8KnownOffice *k = known->pdata[i];
      g_autofree char *name = d8_store_describe_office_code (self->store, k->office);
      /* its fingerprint, then how its key was learnt */
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", k->fingerprint,
                                                   describe_source (k->source));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *forget = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: tooltip of the button that forgets an office's key; %s is the office */
      g_autofree char *tooltip = g_strdup_printf (_("Forget the key of %s"), name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_tooltip_text (forget, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (forget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      gtk_widget_set_valign (forget, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (forget, "flat");
      g_object_set_data_full (G_OBJECT (forget), "office", g_strdup (k->office), g_free);
      g_signal_connect (forget, "clicked", G_CALLBACK (forget_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), forget);
      gtk_list_box_append (self->known_list, row);
    }
}

static void
register_key_cb (D8PreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->register_office_row);
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (
    GTK_EDITABLE (self->register_key_row))));
  g_autofree char *name = NULL, *text = NULL;

  if (self->store == NULL || self->codes == NULL || selected >= self->codes->len || *key == '\0')
    return;
  if (!d8_office_keys_trust (self->store, self->codes->pdata[selected], key, "registered",
                             &error))
    {
      show_toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->register_key_row), "");
  name = d8_store_describe_office_code (self->store, self->codes->pdata[selected]);
  /* Translators: after registering an office's key; %s is the office */
  text = g_strdup_printf (_("Key of %s registered"), name);
  show_toast (self, text);
  fill_known_offices (self);
}

/* The offices a key may be registered for: the province and every unit
 * of the current plan. */
static void
fill_register_offices (D8PreferencesWindow *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (self->store, NULL, NULL);
  g_autoptr (GPtrArray) units = plan ? d8_store_list_units (self->store, plan->id, NULL) : NULL;

  g_clear_pointer (&self->codes, g_ptr_array_unref);
  self->codes = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("Provincial Women’s Union"));
  g_ptr_array_add (self->codes, g_strdup ("province"));
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const D8Unit *u = units->pdata[i];
      /* Translators: an office in the office chooser; %s is the unit's name */
      g_autofree char *label = g_strdup_printf (_("Office of %s"), u->name);

      if (g_strcmp0 (u->code, d8_store_get_office (self->store)) == 0)
        continue; /* not this office itself */
      gtk_string_list_append (names, label);
      g_ptr_array_add (self->codes, g_strdup (u->code));
    }
  adw_combo_row_set_model (self->register_office_row, G_LIST_MODEL (names));
}

static void
fill_own_key (D8PreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  const char *key = d8_office_key_get_public (self->store, &error);
  g_autofree char *path = d8_office_key_path (self->store);
  g_autofree char *backup = NULL;

  if (key == NULL)
    {
      adw_action_row_set_subtitle (self->fingerprint_row, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->fingerprint_row), FALSE);
    }
  else
    {
      g_autofree char *fingerprint = d8_office_key_fingerprint (key);
      gtk_label_set_label (self->fingerprint_label, fingerprint);
    }
  /* Translators: %s is the key file's path */
  backup = g_strdup_printf (_("The secret key is the file %s. Copy it together with the "
                              "database to a medium kept as safely as this office; without "
                              "it, a new key is made and every office must confirm it "
                              "again."),
                            path ? path : "");
  adw_action_row_set_subtitle (self->key_file_row, backup);
}

static void
d8_preferences_window_dispose (GObject *object)
{
  D8PreferencesWindow *self = D8_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, D8PreferencesWindow, fingerprint_row);
  gtk_widget_class_bind_template_child (widget_class, D8PreferencesWindow, fingerprint_label);
  gtk_widget_class_bind_template_child (widget_class, D8PreferencesWindow, key_file_row);
  gtk_widget_class_bind_template_child (widget_class, D8PreferencesWindow, known_list);
  gtk_widget_class_bind_template_child (widget_class, D8PreferencesWindow, register_office_row);
  gtk_widget_class_bind_template_child (widget_class, D8PreferencesWindow, register_key_row);
  gtk_widget_class_bind_template_child (widget_class, D8PreferencesWindow, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, D8PreferencesWindow, signer_title_row);
  gtk_widget_class_bind_template_callback (widget_class, change_office_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_fingerprint_cb);
  gtk_widget_class_bind_template_callback (widget_class, register_key_cb);
  gtk_widget_class_bind_template_callback (widget_class, signer_apply_cb);
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
  d8_preferences_window_set_store (self, D8_IS_WINDOW (parent)
                                           ? d8_window_get_store (D8_WINDOW (parent))
                                           : NULL);
  return GTK_WIDGET (self);
}

void
d8_preferences_window_set_store (D8PreferencesWindow *self,
                                 D8Store             *store)
{
  g_return_if_fail (D8_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (store == NULL || D8_IS_STORE (store));

  g_set_object (&self->store, store);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->known_list),
                                                   ADW_TYPE_PREFERENCES_GROUP),
                          store != NULL);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->fingerprint_row),
                                                   ADW_TYPE_PREFERENCES_GROUP),
                          store != NULL);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->register_key_row),
                                                   ADW_TYPE_PREFERENCES_GROUP),
                          store != NULL);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->signer_title_row),
                                                   ADW_TYPE_PREFERENCES_GROUP),
                          store != NULL);
  if (store == NULL)
    return;
  fill_own_key (self);
  fill_known_offices (self);
  fill_register_offices (self);
  d8_signer_rows_load (self->signer_title_row, self->signer_name_row, store, shown_plan_id (self));
}

void
d8_preferences_window_set_office (D8PreferencesWindow *self, const char *office)
{
  g_return_if_fail (D8_IS_PREFERENCES_WINDOW (self));
  adw_action_row_set_subtitle (self->office_row, office);
}
