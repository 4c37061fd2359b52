/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-lock-badge.c — see d8-lock-badge.h. The words are the core's
 * (d8_store_check_unlocked()'s message), so the padlock says exactly what
 * the edit and delete actions would refuse with. */
#include "config.h"

#include "d8-lock-badge.h"
#include "d8-reporting.h"
#include "d8-ui-util.h"

GtkWidget *
d8_lock_badge_new_for_entry (D8Store       *store,
                             const D8Entry *entry)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *icon;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  if (d8_store_check_unlocked (store, entry->plan_id, entry->unit_id, entry->date, &error)
      || !g_error_matches (error, D8_ERROR, D8_ERROR_LOCKED))
    return NULL;
  icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "d8-lock");
  d8_ui_set_tooltip_text (icon, error->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  error->message, -1);
  return icon;
}
