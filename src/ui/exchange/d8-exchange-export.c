/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-exchange-export.c — a bundle for another office (see
 * d8-exchange-export.h). The file is named after the office and the day,
 * so bundles from several offices can sit in one folder. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-bundle.h"
#include "d8-exchange-export.h"
#include "d8-exchange-rows.h"
#include "d8-format.h"
#include "d8-ui-util.h"

/* What the answer of the save dialog works on. */
typedef struct
{
  GtkWindow *parent; /* weak */
  D8Store *store;
} Export;

static void
export_free (Export *export)
{
  g_clear_weak_pointer (&export->parent);
  g_clear_object (&export->store);
  g_free (export);
}

static void
toast (Export   *export,
       AdwToast *toast)
{
  if (export->parent != NULL)
    d8_ui_add_toast (GTK_WIDGET (export->parent), toast);
  else
    g_object_unref (toast); /* AdwToast is not floating */
}

static void
export_chosen_cb (const char *path,
                  const char *contents,
                  gpointer    user_data)
{
  Export *export = user_data;
  g_autoptr (GError) error = NULL;
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_DEFAULT };
  D8BundleExportResult result = { 0 };

  if (g_strcmp0 (contents, "all") == 0)
    options.entries = D8_BUNDLE_ENTRIES_ALL;
  else if (g_strcmp0 (contents, "plan") == 0)
    options.entries = D8_BUNDLE_ENTRIES_NONE;
  if (!d8_bundle_export (export->store, &options, path, &result, &error))
    toast (export, adw_toast_new (error->message));
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *text = g_strdup_printf (
        /* Translators: a notification after an export; %s is the file name */
        ngettext ("Saved “%s” with %u entry", "Saved “%s” with %u entries", result.n_entries),
        base, result.n_entries);
      toast (export, adw_toast_new (text));
    }
  d8_bundle_export_result_clear (&result);
}

void
d8_exchange_export_bundle (GtkWindow *parent,
                           D8Store   *store,
                           GSettings *settings)
{
  gboolean province;
  g_autofree char *today = d8_date_today ();
  g_autofree char *name = NULL;
  g_autofree char *office = NULL;
  const char *const ids[] = { "default", "all", "plan", NULL };
  const char *labels[4];
  D8SaveChoice contents = { "entries", _("Contents"), ids, labels, "default" };
  D8SaveOptions options = { 0 };
  Export *export;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (D8_IS_STORE (store));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  province = g_strcmp0 (d8_store_get_office (store), "province") == 0;
  labels[0] = province ? _("The plan and its quotas") : _("Entries since the last export");
  labels[1] = province ? _("The plan and every unit’s entries") : _("All of this unit’s entries");
  labels[2] = _("The plan only");
  labels[3] = NULL;
  /* Named for people: the office's name ("duan8 Chư Pưh 2023-06-30…"),
   * not its code with a slash in it. */
  office = d8_store_describe_office (store);
  name = g_strdup_printf ("duan8 %s %s%s", office, today, D8_BUNDLE_SUFFIX);

  options.title = _("Export Bundle");
  options.current_name = name;
  options.filters = d8_exchange_bundle_filter ();
  options.n_filters = 1;
  options.require_extension = TRUE;
  options.choice = &contents;
  options.settings = settings;
  options.folder_key = "last-bundle-folder";

  export = g_new0 (Export, 1);
  g_set_weak_pointer (&export->parent, parent);
  export->store = g_object_ref (store);
  d8_ui_save_dialog (parent, &options, export_chosen_cb, export, (GDestroyNotify) export_free);
}
