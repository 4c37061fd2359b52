/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-import-preview.c — the import preview (see d8-import-preview.h).
 *
 * The template holds the frame: the table of counts and the list of
 * rejected records; this file fills them from the core's preview. Lists
 * longer than ROWS_SHOWN show their first rows and say how many more: a
 * bundle may carry 200,000 records, and a row each would take minutes.
 *
 * Who signed the bundle decides what the dialog offers (docs/security.md):
 * a bundle signed by another key than the one known for its office, an
 * unsigned one, or one carrying records its office may not send is shown
 * refused, with the core's sentence on what to do, and no Import; the
 * first bundle from an office shows the signer's fingerprint and imports
 * only once the person ticks that the office read it aloud and it
 * matches; a bundle older than the last one from its office imports only
 * once that is ticked too.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "d8-exchange-rows.h"
#include "d8-format.h"
#include "d8-import-preview.h"

struct _D8ImportPreview
{
  AdwMessageDialog parent_instance;

  /* template children */
  GtkGrid *count_grid;
  GtkWidget *details;
  GtkListBox *rejection_list;
  GtkLabel *rejections_label;
  GtkWidget *rejections_scroller;
  GtkWidget *trust_box;
  GtkWidget *fingerprint_title;
  GtkLabel *fingerprint_label;
  GtkCheckButton *confirm_office_check;
  GtkCheckButton *allow_older_check;

  D8Store *store;
  D8BundleImport *import; /* NULL for a refusal */
};

G_DEFINE_FINAL_TYPE (D8ImportPreview, d8_import_preview, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fill_counts (D8ImportPreview       *self,
             const D8BundlePreview *p)
{
  static const char *labels[D8_BUNDLE_N_OUTCOMES] = {
    NC_ ("import outcome", "New"), NC_ ("import outcome", "Updated"),
    NC_ ("import outcome", "Unchanged"), NC_ ("import outcome", "Deleted"),
    NC_ ("import outcome", "In conflict"), NC_ ("import outcome", "Rejected"),
  };

  for (guint i = 0; i < D8_BUNDLE_N_OUTCOMES; i++)
    {
      g_autofree char *e = d8_format_count (p->entries[i]);
      g_autofree char *pl = d8_format_count (p->plans[i]);
      GtkWidget *label = gtk_label_new (g_dpgettext2 (NULL, "import outcome", labels[i]));
      GtkWidget *ev = gtk_label_new (e);
      GtkWidget *pv = gtk_label_new (pl);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_xalign (GTK_LABEL (ev), 1);
      gtk_label_set_xalign (GTK_LABEL (pv), 1);
      gtk_widget_add_css_class (ev, "numeric");
      gtk_widget_add_css_class (pv, "numeric");
      if ((i == D8_BUNDLE_CONFLICT || i == D8_BUNDLE_REJECTED) && p->entries[i] + p->plans[i] > 0)
        {
          gtk_widget_add_css_class (label, "warning");
          gtk_widget_add_css_class (ev, "warning");
        }
      gtk_grid_attach (self->count_grid, label, 0, (int) i + 1, 1, 1);
      gtk_grid_attach (self->count_grid, ev, 1, (int) i + 1, 1, 1);
      gtk_grid_attach (self->count_grid, pv, 2, (int) i + 1, 1, 1);
    }
}

/* "entries[12]" → "Result 13": a record named in words; the machine
 * name stays in the row's tooltip. */
static char *
describe_record (const char *record)
{
  const char *bracket = record ? strchr (record, '[') : NULL;
  guint64 index = bracket ? g_ascii_strtoull (bracket + 1, NULL, 10) : 0;

  if (bracket != NULL && g_str_has_prefix (record, "entries["))
    /* Translators: a rejected record of a bundle: the recorded result's number in the file */
    return g_strdup_printf (_("Result no. %u"), (guint) index + 1);
  if (bracket != NULL && g_str_has_prefix (record, "plans["))
    /* Translators: a rejected record of a bundle: the plan's number in the file */
    return g_strdup_printf (_("Plan no. %u"), (guint) index + 1);
  return g_strdup (_("The bundle’s header"));
}

static void
fill_rejections (D8ImportPreview       *self,
                 const D8BundlePreview *p)
{
  if (p->rejections->len == 0)
    return;
  if (p->n_forbidden > 0)
    gtk_label_set_label (self->rejections_label,
                         ngettext ("This record is not accepted; those its office may not "
                                   "send refuse the whole bundle:",
                                   "These records are not accepted; those their office may not "
                                   "send refuse the whole bundle:",
                                   p->rejections->len));
  else
    gtk_label_set_label (self->rejections_label,
                         ngettext ("This record is not accepted and will be left out:",
                                   "These records are not accepted and will be left out:",
                                   p->rejections->len));
  gtk_widget_set_visible (GTK_WIDGET (self->rejections_label), TRUE);
  gtk_widget_set_visible (self->rejections_scroller, TRUE);
  for (guint i = 0; i < MIN (p->rejections->len, D8_EXCHANGE_ROWS_SHOWN); i++)
    {
      const D8BundleRejection *r = p->rejections->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = describe_record (r->record);
      /* Translators: a rejected record of a bundle: the record in words, then
         where it is in the file and its field, e.g. "Result no. 13 (entries[12], field “date”)" */
      g_autofree char *title = g_strdup_printf (_("%s (%s, field “%s”)"), name, r->record,
                                                r->field ? r->field : "–");

      /* The whole reason, wrapped: a clipped reason does not say what to fix. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), r->reason);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->rejection_list, row);
    }
  if (p->rejections->len > D8_EXCHANGE_ROWS_SHOWN)
    gtk_list_box_append (self->rejection_list,
                         d8_exchange_more_row (p->rejections->len - D8_EXCHANGE_ROWS_SHOWN));
}

/* The body: the file, the bundle's number and day, and what importing it
 * would mean. */
static char *
describe_bundle (const D8BundlePreview *p,
                 const char            *file_name,
                 gboolean               changes)
{
  g_autofree char *made = d8_format_timestamp (p->created_at);
  GString *b = g_string_new (NULL);

  /* Translators: the file, the bundle's number from its office, the day it was made */
  g_string_append_printf (b, _("“%s”, bundle number %lld, made on %s."), file_name,
                          (long long) p->sequence, made);
  if (p->already_imported)
    g_string_append_printf (b, "\n%s", _("This bundle was imported before; importing it again "
                                         "changes nothing."));
  if (p->rollback && changes && p->sequence == p->last_sequence)
    g_string_append_printf (b, "\n%s %s",
                            _("Another bundle with the same number from the same "
                              "office was imported before; only what is newer here "
                              "is taken."),
                            _("Importing it could bring back older figures: import it only "
                              "if you are sure it should be."));
  else if (p->rollback && changes)
    {
      g_autofree char *last = d8_format_count (p->last_sequence);

      g_string_append_c (b, '\n');
      /* Translators: %s is the number of the last bundle imported from the same office */
      g_string_append_printf (b, _("This bundle is older than the last one imported from the "
                                   "same office (number %s): importing it could bring back "
                                   "older figures. Import it only if you are sure it should "
                                   "be."),
                              last);
    }
  else if (p->rollback && p->sequence == p->last_sequence)
    g_string_append_printf (b, "\n%s", _("Another bundle with the same number from the same "
                                         "office was imported before; only what is newer here "
                                         "is taken."));
  else if (p->rollback)
    g_string_append_printf (b, "\n%s", _("A newer bundle from the same office was imported "
                                         "before this one; only what is newer here is taken."));
  if (p->trust == D8_BUNDLE_TRUST_NEW_OFFICE && changes)
    g_string_append_printf (b, "\n%s", _("This is the first bundle from this office here. "
                                         "Phone the office at a number you already know (not "
                                         "one given with the file) and have it read its "
                                         "fingerprint aloud from its Preferences; import only "
                                         "if every digit matches the one below."));
  if (!changes && !p->already_imported)
    {
      guint rejected = p->entries[D8_BUNDLE_REJECTED] + p->plans[D8_BUNDLE_REJECTED];
      guint total = 0;

      for (guint i = 0; i < D8_BUNDLE_N_OUTCOMES; i++)
        total += p->entries[i] + p->plans[i];
      /* Say what happened: refused is not the same as already present. */
      if (rejected > 0 && rejected == total)
        g_string_append_printf (b, "\n%s", _("Every record in it was refused; the reasons are "
                                             "listed below."));
      else if (rejected > 0)
        g_string_append_printf (b, "\n%s", _("Some records in it were refused (listed below); "
                                             "this database already holds the rest."));
      else
        g_string_append_printf (b, "\n%s", _("This database already holds everything in it."));
    }
  if (changes)
    g_string_append_printf (b, "\n%s", _("A snapshot of the database is taken first; the import "
                                         "can be undone from the Exchange window."));
  return g_string_free (b, FALSE);
}

/* The responses: Import enabled once every confirmation asked for is given. */
static void
confirmations_changed_cb (D8ImportPreview *self)
{
  gboolean office_ok = !gtk_widget_get_visible (GTK_WIDGET (self->confirm_office_check))
                       || gtk_check_button_get_active (self->confirm_office_check);
  gboolean older_ok = !gtk_widget_get_visible (GTK_WIDGET (self->allow_older_check))
                      || gtk_check_button_get_active (self->allow_older_check);

  if (self->import == NULL)
    return;
  d8_bundle_import_set_trust_new_office (
    self->import, gtk_check_button_get_active (self->confirm_office_check));
  d8_bundle_import_set_allow_older (self->import,
                                    gtk_check_button_get_active (self->allow_older_check));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "import",
                                           office_ok && older_ok);
}

/* Refused whatever the person says: signed by another key, unsigned, or
 * carrying records its office may not send next to others it may (a
 * bundle all of whose records are refused says so, and offers nothing to
 * import either). */
static gboolean
is_refused (const D8BundlePreview *p,
            gboolean               changes)
{
  return p->trust == D8_BUNDLE_TRUST_KEY_CHANGED || p->trust == D8_BUNDLE_TRUST_UNSIGNED
         || (p->n_forbidden > 0 && changes);
}

static void
show_refused_import (D8ImportPreview       *self,
                     const D8BundlePreview *p)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autoptr (GError) error = NULL;
  GString *body = g_string_new (NULL);
  g_autofree char *text = NULL;

  /* The reason that refuses it whatever the person confirms, not "confirm
   * the new office" (checked first). */
  if (p->trust == D8_BUNDLE_TRUST_NEW_OFFICE)
    d8_bundle_import_set_trust_new_office (self->import, TRUE);
  if (!d8_bundle_import_check (self->import, &error))
    g_string_append (body, error->message);
  d8_bundle_import_set_trust_new_office (self->import, FALSE);
  if (p->trust == D8_BUNDLE_TRUST_KEY_CHANGED)
    g_string_append_printf (body, "\n\n%s", _("In this window, the new key is registered in "
                                               "Preferences, under Known Offices."));
  g_string_append_printf (body, "\n\n%s", _("Nothing was changed."));
  text = g_string_free (body, FALSE);
  adw_message_dialog_set_heading (dialog, _("This bundle cannot be imported"));
  adw_message_dialog_set_body (dialog, text);
  gtk_widget_set_visible (GTK_WIDGET (self->count_grid), FALSE);
  if (p->trust == D8_BUNDLE_TRUST_KEY_CHANGED && p->signer_fingerprint != NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->fingerprint_title), _("Fingerprint of the key that "
                                                                  "signed this bundle"));
      gtk_label_set_label (self->fingerprint_label, p->signer_fingerprint);
      gtk_widget_set_visible (self->trust_box, TRUE);
    }
  if (p->n_forbidden > 0)
    fill_rejections (self, p);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
}

static void
show_import (D8ImportPreview *self,
             const char      *file_name)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  const D8BundlePreview *p = d8_bundle_import_get_preview (self->import);
  gboolean changes = d8_bundle_import_has_changes (self->import);
  g_autofree char *origin = d8_store_describe_office_code (self->store, p->origin);
  g_autofree char *body = NULL;

  if (is_refused (p, changes))
    {
      show_refused_import (self, p);
      return;
    }
  body = describe_bundle (p, file_name, changes);
  if (changes)
    {
      /* Translators: heading of the import preview; %s is the sending office */
      g_autofree char *heading = g_strdup_printf (_("Import the bundle from %s?"), origin);

      adw_message_dialog_set_heading (dialog, heading);
    }
  else if (p->entries[D8_BUNDLE_REJECTED] + p->plans[D8_BUNDLE_REJECTED] > 0
           && !p->already_imported)
    adw_message_dialog_set_heading (dialog, _("Nothing can be imported"));
  else
    adw_message_dialog_set_heading (dialog, _("Nothing to import"));
  adw_message_dialog_set_body (dialog, body);
  fill_counts (self, p);
  fill_rejections (self, p);
  if (changes)
    {
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "import");
      adw_message_dialog_set_close_response (dialog, "cancel");
      if (p->trust == D8_BUNDLE_TRUST_NEW_OFFICE)
        {
          gtk_label_set_label (self->fingerprint_label, p->signer_fingerprint);
          gtk_widget_set_visible (GTK_WIDGET (self->confirm_office_check), TRUE);
          gtk_widget_set_visible (self->trust_box, TRUE);
        }
      else
        {
          gtk_widget_set_visible (self->fingerprint_title, FALSE);
          gtk_widget_set_visible (GTK_WIDGET (self->fingerprint_label), FALSE);
        }
      if (p->rollback)
        {
          gtk_widget_set_visible (GTK_WIDGET (self->allow_older_check), TRUE);
          gtk_widget_set_visible (self->trust_box, TRUE);
        }
      g_signal_connect_swapped (self->confirm_office_check, "toggled",
                                G_CALLBACK (confirmations_changed_cb), self);
      g_signal_connect_swapped (self->allow_older_check, "toggled",
                                G_CALLBACK (confirmations_changed_cb), self);
      confirmations_changed_cb (self);
    }
  else
    adw_message_dialog_add_response (dialog, "close", _("_Close"));
}

D8BundleImport *
d8_import_preview_steal_import (D8ImportPreview *self)
{
  g_return_val_if_fail (D8_IS_IMPORT_PREVIEW (self), NULL);
  return g_steal_pointer (&self->import);
}

D8BundleImport *
d8_import_preview_peek_import (D8ImportPreview *self)
{
  g_return_val_if_fail (D8_IS_IMPORT_PREVIEW (self), NULL);
  return self->import;
}

static void
d8_import_preview_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), D8_TYPE_IMPORT_PREVIEW);
  G_OBJECT_CLASS (d8_import_preview_parent_class)->dispose (object);
}

static void
d8_import_preview_finalize (GObject *object)
{
  D8ImportPreview *self = D8_IMPORT_PREVIEW (object);

  g_clear_pointer (&self->import, d8_bundle_import_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (d8_import_preview_parent_class)->finalize (object);
}

static void
d8_import_preview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  D8ImportPreview *self = D8_IMPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_import_preview_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  D8ImportPreview *self = D8_IMPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_import_preview_class_init (D8ImportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_import_preview_dispose;
  object_class->finalize = d8_import_preview_finalize;
  object_class->get_property = d8_import_preview_get_property;
  object_class->set_property = d8_import_preview_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, D8_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-import-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, D8ImportPreview, count_grid);
  gtk_widget_class_bind_template_child (widget_class, D8ImportPreview, details);
  gtk_widget_class_bind_template_child (widget_class, D8ImportPreview, rejection_list);
  gtk_widget_class_bind_template_child (widget_class, D8ImportPreview, rejections_label);
  gtk_widget_class_bind_template_child (widget_class, D8ImportPreview, rejections_scroller);
  gtk_widget_class_bind_template_child (widget_class, D8ImportPreview, trust_box);
  gtk_widget_class_bind_template_child (widget_class, D8ImportPreview, fingerprint_title);
  gtk_widget_class_bind_template_child (widget_class, D8ImportPreview, fingerprint_label);
  gtk_widget_class_bind_template_child (widget_class, D8ImportPreview, confirm_office_check);
  gtk_widget_class_bind_template_child (widget_class, D8ImportPreview, allow_older_check);
}

static void
d8_import_preview_init (D8ImportPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
d8_import_preview_new (GtkWindow      *parent,
                       D8Store        *store,
                       const char     *file_name,
                       D8BundleImport *import)
{
  D8ImportPreview *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (import != NULL, NULL);

  self = g_object_new (D8_TYPE_IMPORT_PREVIEW, "transient-for", parent, "store", store, NULL);
  self->import = import;
  show_import (self, file_name);
  return GTK_WIDGET (self);
}

GtkWidget *
d8_import_preview_new_refused (GtkWindow    *parent,
                               D8Store      *store,
                               const GError *error)
{
  D8ImportPreview *self;
  g_autofree char *why = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (D8_TYPE_IMPORT_PREVIEW, "transient-for", parent, "store", store, NULL);
  /* Translators: the body of the refusal: the reason, then a reassurance */
  why = g_strdup_printf (_("%s\n\nNothing was changed."), error->message);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("This bundle cannot be imported"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), why);
  gtk_widget_set_visible (self->details, FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "close", _("_Close"));
  return GTK_WIDGET (self);
}
