/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-office-chooser.c — the office chooser (see d8-office-chooser.h).
 *
 * The list offers the province first, then the units of the plan in plan
 * order; the codes behind the names are kept in the same order. The label
 * of the office in the main window follows the store's "changed" signal,
 * so this dialog only sets the office.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-office-chooser.h"
#include "d8-office-keys.h"
#include "d8-ui-util.h"

struct _D8OfficeChooser
{
  AdwMessageDialog parent_instance;

  /* template children */
  GtkDropDown *dropdown;
  GtkStringList *names;

  D8Store *store;
  GSettings *settings;
  gint64 plan_id;
  gboolean first_run;
  GPtrArray *codes; /* office codes, in the order of @names */
};

G_DEFINE_FINAL_TYPE (D8OfficeChooser, d8_office_chooser, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_PLAN_ID,
  PROP_FIRST_RUN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fill_offices (D8OfficeChooser *self)
{
  g_autoptr (GPtrArray) units = d8_store_list_units (self->store, self->plan_id, NULL);
  guint selected = 0;

  gtk_string_list_append (self->names, _("Provincial Women’s Union"));
  g_ptr_array_add (self->codes, g_strdup ("province"));
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const D8Unit *u = units->pdata[i];
      /* Translators: an office in the office chooser; %s is the unit's name */
      g_autofree char *label = g_strdup_printf (_("Office of %s"), u->name);

      gtk_string_list_append (self->names, label);
      g_ptr_array_add (self->codes, g_strdup (u->code));
      if (g_strcmp0 (u->code, d8_store_get_office (self->store)) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_selected (self->dropdown, selected);
}

static void
response_cb (D8OfficeChooser *self,
             const char      *response)
{
  g_autoptr (GError) error = NULL;
  guint selected;
  GtkWindow *parent;

  if (g_strcmp0 (response, "choose") != 0)
    return;
  selected = gtk_drop_down_get_selected (self->dropdown);
  if (selected >= self->codes->len)
    return;
  if (!d8_store_set_office (self->store, self->codes->pdata[selected], &error))
    {
      parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      if (parent != NULL)
        d8_ui_add_toast (GTK_WIDGET (parent), adw_toast_new (error->message));
      return;
    }
  /* The office's key is made with the office (docs/security.md), so
   * Preferences can show its fingerprint before the first export. */
  if (d8_office_key_get_public (self->store, &error) == NULL)
    {
      g_warning ("The office key could not be made: %s", error->message);
      g_clear_error (&error);
    }
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "office-chosen", TRUE);
}

static void
d8_office_chooser_constructed (GObject *object)
{
  D8OfficeChooser *self = D8_OFFICE_CHOOSER (object);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  G_OBJECT_CLASS (d8_office_chooser_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  if (self->first_run)
    {
      adw_message_dialog_set_heading (dialog, _("Which office is this?"));
      adw_message_dialog_set_response_label (dialog, "cancel", _("_Later"));
    }
  fill_offices (self);
}

static void
d8_office_chooser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), D8_TYPE_OFFICE_CHOOSER);
  G_OBJECT_CLASS (d8_office_chooser_parent_class)->dispose (object);
}

static void
d8_office_chooser_finalize (GObject *object)
{
  D8OfficeChooser *self = D8_OFFICE_CHOOSER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  G_OBJECT_CLASS (d8_office_chooser_parent_class)->finalize (object);
}

static void
d8_office_chooser_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  D8OfficeChooser *self = D8_OFFICE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_PLAN_ID:
      g_value_set_int64 (value, self->plan_id);
      break;
    case PROP_FIRST_RUN:
      g_value_set_boolean (value, self->first_run);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_office_chooser_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  D8OfficeChooser *self = D8_OFFICE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_PLAN_ID:
      self->plan_id = g_value_get_int64 (value);
      break;
    case PROP_FIRST_RUN:
      self->first_run = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_office_chooser_class_init (D8OfficeChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = d8_office_chooser_constructed;
  object_class->dispose = d8_office_chooser_dispose;
  object_class->finalize = d8_office_chooser_finalize;
  object_class->get_property = d8_office_chooser_get_property;
  object_class->set_property = d8_office_chooser_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, D8_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_ID] =
    g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_RUN] =
    g_param_spec_boolean ("first-run", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-office-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, D8OfficeChooser, dropdown);
  gtk_widget_class_bind_template_child (widget_class, D8OfficeChooser, names);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
d8_office_chooser_init (D8OfficeChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->codes = g_ptr_array_new_with_free_func (g_free);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

GtkWidget *
d8_office_chooser_new (GtkWindow *parent,
                       D8Store   *store,
                       GSettings *settings,
                       gint64     plan_id,
                       gboolean   first_run)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (D8_TYPE_OFFICE_CHOOSER,
                       "transient-for", parent,
                       "store", store,
                       "settings", settings,
                       "plan-id", plan_id,
                       "first-run", first_run,
                       NULL);
}
