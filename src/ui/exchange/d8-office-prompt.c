/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-office-prompt.c — the first-run office question as a bar in the
 * window (see d8-office-prompt.h).
 *
 * libadwaita 1.2 has no AdwBanner (1.3), so this is a box styled as one
 * (style.css, .d8-office-prompt): a sentence, "Choose Office…" and
 * "Later". It is part of the window's content from the first frame and
 * blocks nothing: the province page or unit page below it works as usual.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-office-prompt.h"

struct _D8OfficePrompt
{
  GtkBox parent_instance;

  D8Store *store;
};

G_DEFINE_FINAL_TYPE (D8OfficePrompt, d8_office_prompt, GTK_TYPE_BOX)

static void
update_visible (D8OfficePrompt *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), !d8_store_get_office_asked (self->store));
}

static void
later_clicked_cb (D8OfficePrompt *self)
{
  g_autoptr (GError) error = NULL;

  /* Put off is answered: the office stays as it is (the province for a
   * new database) and can be changed at the foot of the sidebar. */
  if (!d8_store_mark_office_asked (self->store, &error))
    g_warning ("Could not record that the office was asked: %s", error->message);
  update_visible (self);
}

static void
d8_office_prompt_dispose (GObject *object)
{
  D8OfficePrompt *self = D8_OFFICE_PROMPT (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (d8_office_prompt_parent_class)->dispose (object);
}

static void
d8_office_prompt_class_init (D8OfficePromptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = d8_office_prompt_dispose;
}

static void
d8_office_prompt_init (D8OfficePrompt *self)
{
  GtkWidget *text, *choose, *later;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "d8-office-prompt");

  text = gtk_label_new (_("Which office is this? Choose the provincial Women’s Union or the "
                          "office of one unit; until then this database works as the province."));
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (self), text);

  later = gtk_button_new_with_mnemonic (_("_Later"));
  gtk_widget_set_valign (later, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (later, "clicked", G_CALLBACK (later_clicked_cb), self);
  gtk_box_append (GTK_BOX (self), later);

  choose = gtk_button_new_with_mnemonic (_("_Choose Office…"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (choose, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (choose), "win.choose-office");
  gtk_box_append (GTK_BOX (self), choose);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Which office is this?"), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  text, NULL, -1);
}

GtkWidget *
d8_office_prompt_new (D8Store *store)
{
  D8OfficePrompt *self;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  self = g_object_new (D8_TYPE_OFFICE_PROMPT, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (update_visible), self,
                           G_CONNECT_SWAPPED);
  update_visible (self);
  return GTK_WIDGET (self);
}

void
d8_office_prompt_update (D8OfficePrompt *self)
{
  g_return_if_fail (D8_IS_OFFICE_PROMPT (self));
  update_visible (self);
}
