/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-exchange-import.c — a bundle into this database (see
 * d8-exchange-import.h).
 *
 * Import is always two steps: the bundle is read and checked completely
 * (d8_bundle_import_new), its preview shown — counts, each rejected record
 * with its field and reason — and only on "Import" applied, in one
 * transaction after a snapshot. A refused bundle shows why, and nothing
 * changes.
 *
 * A large bundle (BACKGROUND_BYTES or more: 200,000 entries take seconds)
 * is read, and then applied, on a worker thread with its own connection to
 * the same database file, while a modal dialog with a spinner keeps the
 * window drawn and its data untouched; the store then emits "changed". A
 * small bundle is read at once, with no dialog flashing by.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "d8-bundle.h"
#include "d8-exchange-import.h"
#include "d8-exchange-rows.h"
#include "d8-format.h"
#include "d8-import-preview.h"
#include "d8-ui-util.h"

#define BACKGROUND_BYTES (1024 * 1024)
#define FOLDER_KEY "last-bundle-folder"

/* One bundle on its way in: read, previewed, applied. It lives as long as
 * the dialog or the worker thread that needs it. */
typedef struct
{
  GtkWindow *parent; /* weak */
  D8Store *store;
  GSettings *settings; /* or NULL */
  char *db_path;       /* reading on a thread: the database file */
  char *bundle_path;
  char *file_name;
  gboolean background;    /* read on a thread: applied on one too */
  D8BundleImport *import; /* applying: owned */
  GtkWidget *busy;        /* the spinner dialog, weak */
} Job;

static void
job_free (Job *job)
{
  g_clear_weak_pointer (&job->parent);
  g_clear_object (&job->store);
  g_clear_object (&job->settings);
  g_free (job->db_path);
  g_free (job->bundle_path);
  g_free (job->file_name);
  g_clear_pointer (&job->import, d8_bundle_import_free);
  g_clear_weak_pointer (&job->busy);
  g_free (job);
}

static Job *
job_new (GtkWindow  *parent,
         D8Store    *store,
         GSettings  *settings,
         const char *file_name)
{
  Job *job = g_new0 (Job, 1);

  g_set_weak_pointer (&job->parent, parent);
  job->store = g_object_ref (store);
  job->settings = settings ? g_object_ref (settings) : NULL;
  job->file_name = g_strdup (file_name);
  return job;
}

static gboolean
refuse_close_cb (GtkWindow *dialog)
{
  return TRUE; /* closed by the end of the work, not before */
}

/* A modal dialog with a spinner while a worker thread works. */
static void
job_show_busy (Job        *job,
               const char *heading,
               const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (job->parent, heading, body);
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spinner);
  gtk_window_set_deletable (GTK_WINDOW (dialog), FALSE);
  g_signal_connect (dialog, "close-request", G_CALLBACK (refuse_close_cb), NULL);
  g_set_weak_pointer (&job->busy, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
job_end_busy (Job *job)
{
  if (job->busy != NULL)
    gtk_window_destroy (GTK_WINDOW (job->busy));
}

/* The work on a thread keeps the parent window alive, as GTask keeps its
 * source object; without a parent there is none. */
static GTask *
job_task_new (Job                *job,
              GAsyncReadyCallback callback)
{
  GTask *task = g_task_new (job->parent, NULL, callback, NULL);

  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  return task;
}

/* ------------------------------------------------------------ applying */

static void
show_apply_failure (Job          *job,
                    const GError *error)
{
  GtkWidget *failed = adw_message_dialog_new (job->parent, _("The bundle could not be imported"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (failed));
}

static void
show_applied (Job            *job,
              D8BundleImport *import)
{
  const D8BundlePreview *preview = d8_bundle_import_get_preview (import);
  g_autofree char *summary = d8_bundle_describe_counts (preview->entries);
  /* Translators: a notification after an import; %s is "3 new, 1 updated, …" */
  g_autofree char *text = g_strdup_printf (_("Imported: %s"), summary);
  AdwToast *toast = adw_toast_new (text);

  if (preview->conflicts->len > 0)
    {
      adw_toast_set_button_label (toast, _("_Review Conflicts"));
      adw_toast_set_action_name (toast, "win.show-exchange");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  if (job->parent != NULL)
    d8_ui_add_toast (GTK_WIDGET (job->parent), toast);
  else
    g_object_unref (toast); /* AdwToast is not floating */
}

static void
apply_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  if (d8_bundle_import_apply (job->import, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
apply_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  job_end_busy (job);
  /* Even a failed import may have taken its snapshot: read again. */
  d8_store_emit_changed (job->store);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_apply_failure (job, error);
  else
    show_applied (job, job->import);
}

static void
apply_in_background (Job            *job,
                     D8BundleImport *import)
{
  const D8BundlePreview *p = d8_bundle_import_get_preview (import);
  guint n = p->entries[D8_BUNDLE_NEW] + p->entries[D8_BUNDLE_UPDATED]
            + p->entries[D8_BUNDLE_DELETED] + p->entries[D8_BUNDLE_CONFLICT];
  g_autofree char *count = d8_format_count (n);
  /* Translators: while a large bundle is imported; %s is a number of entries */
  g_autofree char *body = g_strdup_printf (
    ngettext ("A snapshot of the database is taken, then %s entry is written in one "
              "transaction.",
              "A snapshot of the database is taken, then %s entries are written in one "
              "transaction.",
              n),
    count);
  Job *work = job_new (job->parent, job->store, job->settings, job->file_name);
  g_autoptr (GTask) task = NULL;

  work->import = import;
  job_show_busy (work, _("Importing the Bundle…"), body);
  task = job_task_new (work, apply_done_cb);
  g_task_run_in_thread (task, apply_thread);
}

static void
preview_response_cb (D8ImportPreview *preview,
                     const char      *response,
                     Job             *job)
{
  D8BundleImport *import;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "import") != 0)
    return;
  import = d8_import_preview_peek_import (preview);
  if (import == NULL)
    return;
  if (job->background)
    {
      /* The preview closes after this response; the import goes with the
       * work. */
      apply_in_background (job, d8_import_preview_steal_import (preview));
      return;
    }
  if (!d8_bundle_import_apply (import, &error))
    {
      show_apply_failure (job, error);
      return;
    }
  show_applied (job, import);
}

/* ------------------------------------------------------------- reading */

/* Shows the preview of @import (taken), or, without one, why @error
 * refused the bundle. @job goes with the dialog. */
static GtkWidget *
show_preview (Job            *job,
              D8BundleImport *import,
              const GError   *error)
{
  GtkWidget *dialog;

  if (import == NULL)
    {
      dialog = d8_import_preview_new_refused (job->parent, job->store, error);
      job_free (job);
    }
  else
    {
      dialog = d8_import_preview_new (job->parent, job->store, job->file_name, import);
      g_signal_connect_data (dialog, "response", G_CALLBACK (preview_response_cb), job,
                             (GClosureNotify) (void (*) (void)) job_free, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  g_autoptr (D8Store) store = d8_store_open (job->db_path, D8_STORE_OPEN_NO_SEED, &error);
  D8BundleImport *import = store ? d8_bundle_import_new (store, job->bundle_path, &error) : NULL;

  if (import != NULL)
    g_task_return_pointer (task, import, (GDestroyNotify) d8_bundle_import_free);
  else
    g_task_return_error (task, error);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  D8BundleImport *import = g_task_propagate_pointer (G_TASK (result), &error);
  Job *next = job_new (job->parent, job->store, job->settings, job->file_name);

  job_end_busy (job);
  next->background = TRUE;
  show_preview (next, import, error);
}

static gboolean
is_large (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size >= BACKGROUND_BYTES;
}

GtkWidget *
d8_exchange_open_bundle (GtkWindow *parent,
                         D8Store   *store,
                         GSettings *settings,
                         GFile     *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  D8BundleImport *import;
  Job *job;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  base = g_file_get_basename (file);
  g_debug ("Import preview of %s", base);
  d8_ui_remember_folder (settings, FOLDER_KEY, file);
  job = job_new (parent, store, settings, base);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file; save it to a folder first"), base);
      return show_preview (job, NULL, error);
    }
  if (is_large (path) && d8_store_get_path (store) != NULL)
    {
      /* Translators: body of the dialog shown while a large bundle is read; %s is its file */
      g_autofree char *body = g_strdup_printf (_("“%s”: every record is checked against this "
                                                 "database before anything changes."),
                                               base);
      g_autoptr (GTask) task = NULL;
      GtkWidget *busy;

      job->bundle_path = g_steal_pointer (&path);
      job->db_path = g_strdup (d8_store_get_path (store));
      job_show_busy (job, _("Reading the Bundle…"), body);
      busy = job->busy;
      task = job_task_new (job, read_done_cb);
      g_task_run_in_thread (task, read_thread);
      return busy;
    }
  import = d8_bundle_import_new (store, path, &error);
  return show_preview (job, import, error);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    Job             *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        d8_exchange_open_bundle (job->parent, job->store, job->settings, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  job_free (job);
}

GtkFileChooserNative *
d8_exchange_bundle_chooser_new (GtkWindow *parent)
{
  g_autoptr (GtkFileFilter) filter = d8_ui_file_filter_new (d8_exchange_bundle_filter ());

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  /* A bundle renamed by a chat app or a mail client ("… (1).json",
   * ".json.txt") is still a bundle: the reader judges it by its content
   * ("All files" beside the bundles). */
  return d8_ui_open_chooser_new (parent, _("Open Bundle"), filter);
}

void
d8_exchange_choose_bundle (GtkWindow *parent,
                           D8Store   *store,
                           GSettings *settings)
{
  GtkFileChooserNative *dialog;
  Job *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (D8_IS_STORE (store));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  dialog = d8_exchange_bundle_chooser_new (parent);
  d8_ui_set_remembered_folder (GTK_FILE_CHOOSER (dialog), settings, FOLDER_KEY);
  job = job_new (parent, store, settings, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
