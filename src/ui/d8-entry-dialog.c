/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-entry-dialog.c — record or edit one entry.
 *
 * Input is parsed with the core's parsers (dates as people type them,
 * whole non-negative counts) and checked by the store before saving; every
 * problem is shown next to the field and the dialog stays open. A date
 * outside the plan's period is allowed, but only after the user confirms.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "d8-entry-dialog.h"
#include "d8-entry.h"
#include "d8-format.h"
#include "d8-ui-util.h"

struct _D8EntryDialog
{
  AdwWindow parent_instance;

  /* template children */
  AdwEntryRow *amount_row;
  GtkButton *cancel_button;
  AdwEntryRow *date_row;
  GtkLabel *error_label;
  AdwEntryRow *group_size_row;
  GtkLabel *hint_label;
  AdwComboRow *indicator_row;
  AdwEntryRow *note_row;
  AdwEntryRow *place_row;
  AdwEntryRow *reached_row;
  GtkButton *save_button;
  AdwWindowTitle *window_title;

  D8Store *store;
  D8Plan *plan;
  D8Unit *unit;
  GPtrArray *indicators; /* D8Indicator* */
  D8Entry *editing;      /* NULL for a new entry */
  D8Entry *pending;      /* waiting for the out-of-period confirmation */
};

G_DEFINE_FINAL_TYPE (D8EntryDialog, d8_entry_dialog, ADW_TYPE_WINDOW)

static const D8Indicator *
get_selected_indicator (D8EntryDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->indicator_row);

  if (self->indicators == NULL || selected >= self->indicators->len)
    return NULL;
  return g_ptr_array_index (self->indicators, selected);
}

static void
clear_errors (D8EntryDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->date_row), GTK_WIDGET (self->amount_row),
    GTK_WIDGET (self->reached_row), GTK_WIDGET (self->group_size_row),
    GTK_WIDGET (self->place_row), GTK_WIDGET (self->note_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_error (D8EntryDialog *self,
            GtkWidget     *row,
            const GError  *error)
{
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, error->message, -1);
}

/* Checks a place or note by the entry rules (d8_entry_normalize_text()):
 * a text over the limit is refused with the limit named, in the dialog,
 * before anything is saved. */
static gboolean
check_text_row (D8EntryDialog *self,
                AdwEntryRow   *row,
                const char    *field,
                char         **normalized)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (d8_entry_normalize_text (gtk_editable_get_text (GTK_EDITABLE (row)), &text, &error))
    {
      if (normalized != NULL)
        *normalized = g_steal_pointer (&text);
      return TRUE;
    }
  g_prefix_error (&error, "%s: ", d8_entry_field_label (field));
  show_error (self, NULL, error);
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return FALSE;
}

/* The texts are checked as they are typed or pasted, so the limit shows
 * at once and Save stays off until the text fits. */
static void
text_row_changed_cb (GtkWidget     *row,
                     D8EntryDialog *self)
{
  gboolean ok;

  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  ok = check_text_row (self, self->place_row, D8_ENTRY_FIELD_PLACE, NULL)
       && check_text_row (self, self->note_row, D8_ENTRY_FIELD_NOTE, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.save", ok);
}

static gboolean
save_entry (D8EntryDialog *self,
            D8Entry       *entry,
            gboolean       allow_out_of_period,
            GError       **error)
{
  if (self->editing != NULL)
    return d8_store_update_entry (self->store, entry, allow_out_of_period, error);
  return d8_store_add_entry (self->store, entry, allow_out_of_period, error);
}

static void
out_of_period_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           D8EntryDialog    *self)
{
  g_autoptr (D8Entry) entry = g_steal_pointer (&self->pending);
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || entry == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  if (!save_entry (self, entry, TRUE, &error))
    {
      show_error (self, NULL, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ask_out_of_period (D8EntryDialog *self,
                   D8Entry       *entry)
{
  GtkWidget *dialog;
  g_autofree char *start = d8_format_date (self->plan->period_start);
  g_autofree char *end = d8_format_date (self->plan->period_end);
  g_autofree char *date = d8_format_date (entry->date);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Date outside the plan period"), NULL);
  /* Translators: %s are dates: the entry's, then the plan's first and last day */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The entry is dated %s, but the plan runs from %s to %s. "
                                    "It will count only if the figures are computed for that date."),
                                  date, start, end);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_clear_pointer (&self->pending, d8_entry_free);
  self->pending = d8_entry_copy (entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (out_of_period_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  D8EntryDialog *self = D8_ENTRY_DIALOG (widget);
  const D8Indicator *ind = get_selected_indicator (self);
  g_autoptr (D8Entry) entry = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;

  clear_errors (self);
  if (ind == NULL)
    return;

  date = d8_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), _("Date"), &error);
  if (date == NULL)
    {
      show_error (self, GTK_WIDGET (self->date_row), error);
      return;
    }

  entry = self->editing ? d8_entry_copy (self->editing) : d8_entry_new ();
  entry->plan_id = self->plan->id;
  entry->unit_id = self->unit->id;
  entry->indicator_id = ind->id;
  g_free (entry->date);
  entry->date = g_steal_pointer (&date);
  entry->amount = 0;
  entry->reached = 0;
  entry->group_size = 0;

  switch (ind->kind)
    {
    case D8_KIND_PERCENT:
      if (!d8_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->reached_row)),
                           _("Women reached"), &entry->reached, &error))
        {
          show_error (self, GTK_WIDGET (self->reached_row), error);
          return;
        }
      if (!d8_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->group_size_row)),
                           _("Size of target group"), &entry->group_size, &error))
        {
          show_error (self, GTK_WIDGET (self->group_size_row), error);
          return;
        }
      break;
    case D8_KIND_COUNT:
      if (!d8_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                           _("Amount"), &entry->amount, &error))
        {
          show_error (self, GTK_WIDGET (self->amount_row), error);
          return;
        }
      break;
    }

  g_clear_pointer (&entry->place, g_free);
  g_clear_pointer (&entry->note, g_free);
  if (!check_text_row (self, self->place_row, D8_ENTRY_FIELD_PLACE, &entry->place)
      || !check_text_row (self, self->note_row, D8_ENTRY_FIELD_NOTE, &entry->note))
    return;

  /* A unit office records only its own units: that is about the unit,
   * not about a field, so no row is marked. */
  if (!d8_store_check_office_unit (self->store, entry->unit_id, &error))
    {
      show_error (self, NULL, error);
      return;
    }
  if (!d8_store_check_entry (self->store, entry, FALSE, &error))
    {
      if (g_error_matches (error, D8_ERROR, D8_ERROR_OUT_OF_PERIOD))
        {
          ask_out_of_period (self, entry);
          return;
        }
      show_error (self,
                  d8_indicator_kind_counts_women (ind->kind) ? GTK_WIDGET (self->reached_row)
                                               : GTK_WIDGET (self->amount_row),
                  error);
      return;
    }

  if (!save_entry (self, entry, FALSE, &error))
    {
      show_error (self, NULL, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
indicator_changed_cb (D8EntryDialog *self)
{
  const D8Indicator *ind = get_selected_indicator (self);
  gboolean percent = ind != NULL && d8_indicator_kind_counts_women (ind->kind);

  gtk_widget_set_visible (GTK_WIDGET (self->amount_row), !percent);
  gtk_widget_set_visible (GTK_WIDGET (self->reached_row), percent);
  gtk_widget_set_visible (GTK_WIDGET (self->group_size_row), percent);

  if (ind != NULL && !percent && ind->count_unit != NULL && *ind->count_unit != '\0')
    {
      /* Translators: title of the amount field; %s is the unit of count, e.g. "tổ" */
      g_autofree char *title = g_strdup_printf (_("Amount (%s)"), ind->count_unit);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), title);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), _("Amount"));
}

static void
row_changed_cb (GtkWidget     *row,
                D8EntryDialog *self)
{
  gtk_widget_remove_css_class (row, "error");
}

static void
entry_activated_cb (D8EntryDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "entry.save", NULL);
}

static void
list_item_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_list_item_set_child (item, label);
}

static void
list_item_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

/* dd/mm/yyyy: a form d8_parse_date reads back in every language. */
static char *
iso_to_input (const char *iso)
{
  if (iso == NULL || strlen (iso) != 10)
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

static char *
default_date (const D8Plan *plan)
{
  g_autofree char *today = d8_date_today ();

  /* Entries are usually recorded after the fact: past the plan's period,
   * its last day is a better start than today. */
  if (plan->period_end != NULL && g_strcmp0 (today, plan->period_end) > 0)
    return g_strdup (plan->period_end);
  if (plan->period_start != NULL && g_strcmp0 (today, plan->period_start) < 0)
    return g_strdup (plan->period_start);
  return g_steal_pointer (&today);
}

static gboolean
setup (D8EntryDialog *self,
       gint64         plan_id,
       GError       **error)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autofree char *date = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *date_input = NULL;
  guint selected = 0;

  self->plan = d8_store_get_plan (self->store, plan_id, error);
  if (self->plan == NULL)
    return FALSE;
  self->indicators = d8_store_list_indicators (self->store, plan_id, error);
  if (self->indicators == NULL)
    return FALSE;

  for (guint i = 0; i < self->indicators->len; i++)
    {
      const D8Indicator *ind = g_ptr_array_index (self->indicators, i);
      g_autofree char *label = d8_ui_indicator_label (ind);

      gtk_string_list_append (model, label);
      if (self->editing != NULL && self->editing->indicator_id == ind->id)
        selected = i;
    }

  g_signal_connect (factory, "setup", G_CALLBACK (list_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (list_item_bind_cb), NULL);
  adw_combo_row_set_list_factory (self->indicator_row, factory);
  adw_combo_row_set_model (self->indicator_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->indicator_row, selected);
  indicator_changed_cb (self);

  adw_window_title_set_title (self->window_title,
                              self->editing ? _("Edit Entry") : _("New Entry"));
  adw_window_title_set_subtitle (self->window_title, self->unit->name);
  gtk_window_set_title (GTK_WINDOW (self), self->editing ? _("Edit Entry") : _("New Entry"));

  if (self->editing != NULL)
    {
      const D8Entry *e = self->editing;
      g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT, e->amount);
      g_autofree char *reached = g_strdup_printf ("%" G_GINT64_FORMAT, e->reached);
      g_autofree char *group = g_strdup_printf ("%" G_GINT64_FORMAT, e->group_size);

      date = g_strdup (e->date);
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
      gtk_editable_set_text (GTK_EDITABLE (self->reached_row), reached);
      gtk_editable_set_text (GTK_EDITABLE (self->group_size_row), group);
      gtk_editable_set_text (GTK_EDITABLE (self->place_row), e->place ? e->place : "");
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), e->note ? e->note : "");
    }
  else
    date = default_date (self->plan);

  date_input = iso_to_input (date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date_input);

  start = d8_format_date (self->plan->period_start ? self->plan->period_start : "");
  end = d8_format_date (self->plan->period_end ? self->plan->period_end : "");
  /* Translators: hint under the entry form; the %s are the plan's first and last day */
  hint = g_strdup_printf (_("Type dates as 30/06/2023 or 2023-06-30. The plan runs from %s to %s."),
                          start, end);
  gtk_label_set_text (self->hint_label, hint);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  clear_errors (self);
  return TRUE;
}

D8EntryDialog *
d8_entry_dialog_new (GtkWindow     *parent,
                     D8Store       *store,
                     gint64         plan_id,
                     const D8Unit  *unit,
                     const D8Entry *entry,
                     GError       **error)
{
  D8EntryDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (unit != NULL, NULL);

  /* Owned by GTK's list of toplevels until destroyed. */
  self = g_object_new (D8_TYPE_ENTRY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->unit = g_new0 (D8Unit, 1);
  self->unit->id = unit->id;
  self->unit->code = g_strdup (unit->code);
  self->unit->name = g_strdup (unit->name);
  self->unit->kind = g_strdup (unit->kind);
  if (entry != NULL)
    self->editing = d8_entry_copy (entry);

  if (!setup (self, plan_id, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}

static void
d8_entry_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), D8_TYPE_ENTRY_DIALOG);

  G_OBJECT_CLASS (d8_entry_dialog_parent_class)->dispose (object);
}

static void
d8_entry_dialog_finalize (GObject *object)
{
  D8EntryDialog *self = D8_ENTRY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->plan, d8_plan_free);
  g_clear_pointer (&self->unit, d8_unit_free);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->editing, d8_entry_free);
  g_clear_pointer (&self->pending, d8_entry_free);

  G_OBJECT_CLASS (d8_entry_dialog_parent_class)->finalize (object);
}

static void
d8_entry_dialog_class_init (D8EntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_entry_dialog_dispose;
  object_class->finalize = d8_entry_dialog_finalize;

  d8_ui_ensure_style ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, D8EntryDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, D8EntryDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, D8EntryDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, D8EntryDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, D8EntryDialog, group_size_row);
  gtk_widget_class_bind_template_child (widget_class, D8EntryDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, D8EntryDialog, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, D8EntryDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, D8EntryDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, D8EntryDialog, reached_row);
  gtk_widget_class_bind_template_child (widget_class, D8EntryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, D8EntryDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, indicator_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_row_changed_cb);

  gtk_widget_class_install_action (widget_class, "entry.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
d8_entry_dialog_init (D8EntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
