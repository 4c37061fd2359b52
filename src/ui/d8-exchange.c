/* d8-exchange.c — bundles between offices, in the window (see d8-exchange.h).
 *
 * Import is always two steps: the bundle is read and checked completely
 * (d8_bundle_import_new), its preview shown — counts, each rejected record
 * with its field and reason — and only on "Import" applied, in one
 * transaction after a snapshot. A refused bundle shows why, and nothing
 * changes. Conflicts, the import log and snapshots live in the Exchange
 * window; every change there goes through the core and the store's
 * "changed" signal refreshes the views.
 *
 * A large bundle (BACKGROUND_BYTES or more: 200,000 entries take seconds)
 * is read, and then applied, on a worker thread with its own connection to
 * the same database file, while a modal dialog with a spinner keeps the
 * window drawn and its data untouched; the window's store then emits
 * "changed". A small bundle is read at once, with no dialog flashing by.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-exchange.h"
#include "d8-format.h"
#include "d8-snapshot.h"
#include "d8-ui-util.h"

#include <glib/gstdio.h>

static GSettings *
window_settings (D8Window *window)
{
  return d8_window_get_settings (window);
}

static void
remember_folder (D8Window *window, GFile *file)
{
  GSettings *settings = window_settings (window);
  g_autoptr (GFile) folder = file ? g_file_get_parent (file) : NULL;
  g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

  if (settings != NULL && path != NULL)
    g_settings_set_string (settings, "last-bundle-folder", path);
}

static void
set_remembered_folder (D8Window *window, GtkFileChooser *chooser)
{
  GSettings *settings = window_settings (window);
  g_autofree char *folder = settings ? g_settings_get_string (settings, "last-bundle-folder")
                                     : NULL;

  if (folder != NULL && *folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GFile) f = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (chooser, f, NULL);
    }
}

static void
add_bundle_filter (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Project 8 bundles"));
  gtk_file_filter_add_pattern (filter, "*" D8_BUNDLE_SUFFIX);
  gtk_file_filter_add_mime_type (filter, "application/vnd.duan8.bundle+json");
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

/* ---------------------------------------------------------------- export */

static void
export_response_cb (GtkNativeDialog *dialog, int response, D8Window *window)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_DEFAULT };
  D8BundleExportResult result = { 0 };
  const char *all;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;
  if (!g_str_has_suffix (path, D8_BUNDLE_SUFFIX))
    {
      char *with = g_strconcat (path, D8_BUNDLE_SUFFIX, NULL);
      g_free (path);
      path = with;
    }
  all = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "entries");
  if (g_strcmp0 (all, "all") == 0)
    options.entries = D8_BUNDLE_ENTRIES_ALL;
  else if (g_strcmp0 (all, "plan") == 0)
    options.entries = D8_BUNDLE_ENTRIES_NONE;
  remember_folder (window, file);
  if (!d8_bundle_export (d8_window_get_store (window), &options, path, &result, &error))
    d8_window_add_toast (window, adw_toast_new (error->message));
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *text = g_strdup_printf (
        /* Translators: a notification after an export; %s is the file name */
        ngettext ("Saved “%s” with %u entry", "Saved “%s” with %u entries", result.n_entries),
        base, result.n_entries);
      d8_window_add_toast (window, adw_toast_new (text));
    }
  d8_bundle_export_result_clear (&result);
out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
d8_exchange_export (D8Window *window)
{
  D8Store *store = d8_window_get_store (window);
  gboolean province = g_strcmp0 (d8_store_get_office (store), "province") == 0;
  GtkFileChooserNative *dialog;
  g_autofree char *today = d8_date_today ();
  g_autofree char *office = g_strdup (d8_store_get_office (store));
  g_autofree char *name = NULL;
  const char *ids[] = { "default", "all", "plan", NULL };
  const char *labels[4];

  dialog = gtk_file_chooser_native_new (_("Export Bundle"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  add_bundle_filter (GTK_FILE_CHOOSER (dialog));
  labels[0] = province ? _("The plan and its quotas") : _("Entries since the last export");
  labels[1] = province ? _("The plan and every unit’s entries") : _("All of this unit’s entries");
  labels[2] = _("The plan only");
  labels[3] = NULL;
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "entries", _("Contents"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "entries", "default");
  g_strdelimit (office, "/\\:", '-');
  name = g_strdup_printf ("duan8-%s-%s%s", office, today, D8_BUNDLE_SUFFIX);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  set_remembered_folder (window, GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---------------------------------------------------------------- import */

#define IMPORT_KEY "d8-bundle-import"
#define BACKGROUND_KEY "d8-import-in-background"
#define BACKGROUND_BYTES (1024 * 1024)

/* One piece of work on a worker thread: reading a bundle, or applying it. */
typedef struct
{
  char *db_path;
  char *bundle_path;
  char *base;
  D8BundleImport *import; /* applying: owned */
  GtkWidget *busy;        /* the modal dialog shown meanwhile, owned by GTK */
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->bundle_path);
  g_free (job->base);
  g_clear_pointer (&job->import, d8_bundle_import_free);
  g_clear_weak_pointer (&job->busy);
  g_free (job);
}

static gboolean
refuse_close_cb (GtkWindow *dialog)
{
  return TRUE; /* closed by the end of the work, not before */
}

/* A modal dialog with a spinner while a worker thread works. */
static GtkWidget *
busy_dialog_new (D8Window *window, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, body);
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spinner);
  gtk_window_set_deletable (GTK_WINDOW (dialog), FALSE);
  g_signal_connect (dialog, "close-request", G_CALLBACK (refuse_close_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static Job *
job_new (D8Window *window, GtkWidget *busy)
{
  Job *job = g_new0 (Job, 1);

  job->db_path = g_strdup (d8_store_get_path (d8_window_get_store (window)));
  g_set_weak_pointer (&job->busy, busy);
  return job;
}

static void
job_end_busy (Job *job)
{
  if (job->busy != NULL)
    gtk_window_destroy (GTK_WINDOW (job->busy));
}

static void
show_apply_failure (D8Window *window, const GError *error)
{
  GtkWidget *failed = adw_message_dialog_new (GTK_WINDOW (window),
                                              _("The bundle could not be imported"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (failed));
}

static void
show_applied (D8Window *window, D8BundleImport *import)
{
  const D8BundlePreview *preview = d8_bundle_import_get_preview (import);
  g_autofree char *summary = d8_bundle_describe_counts (preview->entries);
  AdwToast *toast;

  {
    /* Translators: a notification after an import; %s is "3 new, 1 updated, …" */
    g_autofree char *text = g_strdup_printf (_("Imported: %s"), summary);
    toast = adw_toast_new (text);
  }
  if (preview->conflicts->len > 0)
    {
      adw_toast_set_button_label (toast, _("_Review Conflicts"));
      adw_toast_set_action_name (toast, "win.show-exchange");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  d8_window_add_toast (window, toast);
}

static void
apply_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  if (d8_bundle_import_apply (job->import, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
apply_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  D8Window *window = D8_WINDOW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  job_end_busy (job);
  /* Even a failed import may have taken its snapshot: read again. */
  d8_store_emit_changed (d8_window_get_store (window));
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_apply_failure (window, error);
  else
    show_applied (window, job->import);
}

static void
preview_response_cb (AdwMessageDialog *dialog, const char *response, D8Window *window)
{
  D8BundleImport *import = g_object_get_data (G_OBJECT (dialog), IMPORT_KEY);
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "import") != 0 || import == NULL)
    return;
  if (g_object_get_data (G_OBJECT (dialog), BACKGROUND_KEY) != NULL)
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
      Job *job = job_new (window, busy_dialog_new (window, _("Importing the Bundle…"), body));
      g_autoptr (GTask) task = g_task_new (window, NULL, apply_done_cb, NULL);

      /* The preview dialog closes after this response; the import goes with
       * the work. */
      job->import = g_object_steal_data (G_OBJECT (dialog), IMPORT_KEY);
      g_task_set_task_data (task, job, (GDestroyNotify) job_free);
      g_task_run_in_thread (task, apply_thread);
      return;
    }
  if (!d8_bundle_import_apply (import, &error))
    {
      show_apply_failure (window, error);
      return;
    }
  show_applied (window, import);
}

static GtkWidget *
count_grid (const D8BundlePreview *p)
{
  static const char *labels[D8_BUNDLE_N_OUTCOMES] = {
    NC_ ("import outcome", "New"), NC_ ("import outcome", "Updated"),
    NC_ ("import outcome", "Unchanged"), NC_ ("import outcome", "Deleted"),
    NC_ ("import outcome", "In conflict"), NC_ ("import outcome", "Rejected"),
  };
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *head;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  head = gtk_label_new (_("Entries"));
  gtk_widget_add_css_class (head, "heading");
  gtk_label_set_xalign (GTK_LABEL (head), 1);
  gtk_grid_attach (GTK_GRID (grid), head, 1, 0, 1, 1);
  head = gtk_label_new (_("Plans"));
  gtk_widget_add_css_class (head, "heading");
  gtk_label_set_xalign (GTK_LABEL (head), 1);
  gtk_grid_attach (GTK_GRID (grid), head, 2, 0, 1, 1);
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
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), ev, 1, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), pv, 2, (int) i + 1, 1, 1);
    }
  return grid;
}

/* Lists longer than this show their first rows and say how many more:
 * a bundle may carry 200,000 records, and a row each would take minutes. */
#define ROWS_SHOWN 200

static GtkWidget *
more_row (guint n_more)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *count = d8_format_count (n_more);
  /* Translators: the last row of a long list; %s is a number */
  g_autofree char *title = g_strdup_printf (ngettext ("And %s more", "And %s more", n_more),
                                            count);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static GtkWidget *
rejection_list (const D8BundlePreview *p)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < MIN (p->rejections->len, ROWS_SHOWN); i++)
    {
      const D8BundleRejection *r = p->rejections->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a rejected record of a bundle: the record, then its field */
      g_autofree char *title = g_strdup_printf (_("%s, field “%s”"), r->record,
                                                r->field ? r->field : "–");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), r->reason);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (p->rejections->len > ROWS_SHOWN)
    gtk_list_box_append (GTK_LIST_BOX (list), more_row (p->rejections->len - ROWS_SHOWN));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  return scroller;
}

/* Shows the preview of @import (taken), or, without one, why @error refused
 * the bundle. */
static GtkWidget *
show_preview (D8Window       *window,
              const char     *base,
              D8BundleImport *import,
              const GError   *error,
              gboolean        background)
{
  const D8BundlePreview *p;
  GtkWidget *dialog, *box;
  g_autofree char *origin = NULL, *heading = NULL, *body = NULL;
  gboolean changes;

  if (import == NULL)
    {
      /* Translators: the body of the refusal: the reason, then a reassurance */
      g_autofree char *why = g_strdup_printf (_("%s\n\nNothing was changed."), error->message);

      dialog = adw_message_dialog_new (GTK_WINDOW (window), _("This bundle cannot be imported"),
                                       why);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return dialog;
    }

  p = d8_bundle_import_get_preview (import);
  changes = d8_bundle_import_has_changes (import);
  origin = d8_store_describe_office_code (d8_window_get_store (window), p->origin);
  /* Translators: heading of the import preview; %s is the sending office */
  heading = changes ? g_strdup_printf (_("Import the bundle from %s?"), origin)
                    : g_strdup (_("Nothing to import"));
  {
    g_autofree char *made = d8_format_timestamp (p->created_at);
    GString *b = g_string_new (NULL);

    /* Translators: the file, the bundle's number from its office, the day it was made */
    g_string_append_printf (b, _("“%s”, bundle number %lld, made on %s."), base,
                            (long long) p->sequence, made);
    if (p->already_imported)
      g_string_append_printf (b, "\n%s", _("This bundle was imported before; importing it again "
                                           "changes nothing."));
    if (p->rollback)
      g_string_append_printf (b, "\n%s", _("A newer bundle from the same office was imported "
                                           "before this one; only what is newer here is taken."));
    if (!changes && !p->already_imported)
      g_string_append_printf (b, "\n%s", _("This database already holds everything in it."));
    if (changes)
      g_string_append_printf (b, "\n%s", _("A snapshot of the database is taken first; the import "
                                           "can be undone from the Exchange window."));
    body = g_string_free (b, FALSE);
  }
  dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), count_grid (p));
  if (p->rejections->len > 0)
    {
      GtkWidget *label = gtk_label_new (
        ngettext ("This record is not accepted and will be left out:",
                  "These records are not accepted and will be left out:", p->rejections->len));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), rejection_list (p));
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  if (changes)
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "import", _("_Import"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }
  else
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_object_set_data_full (G_OBJECT (dialog), IMPORT_KEY, import,
                          (GDestroyNotify) d8_bundle_import_free);
  if (background)
    g_object_set_data (G_OBJECT (dialog), BACKGROUND_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect_object (dialog, "response", G_CALLBACK (preview_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}


static void
read_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
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
read_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  D8BundleImport *import = g_task_propagate_pointer (G_TASK (result), &error);

  job_end_busy (job);
  show_preview (D8_WINDOW (source), job->base, import, error, TRUE);
}

static gboolean
is_large (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size >= BACKGROUND_BYTES;
}

GtkWidget *
d8_exchange_preview (D8Window *window, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = g_file_get_basename (file);
  D8BundleImport *import = NULL;

  g_debug ("Import preview of %s", base);
  remember_folder (window, file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file; save it to a folder first"), base);
      return show_preview (window, base, NULL, error, FALSE);
    }
  if (is_large (path) && d8_store_get_path (d8_window_get_store (window)) != NULL)
    {
      /* Translators: body of the dialog shown while a large bundle is read; %s is its file */
      g_autofree char *body = g_strdup_printf (_("“%s”: every record is checked against this "
                                                 "database before anything changes."),
                                               base);
      Job *job = job_new (window, busy_dialog_new (window, _("Reading the Bundle…"), body));
      g_autoptr (GTask) task = g_task_new (window, NULL, read_done_cb, NULL);

      job->bundle_path = g_steal_pointer (&path);
      job->base = g_steal_pointer (&base);
      g_task_set_task_data (task, job, (GDestroyNotify) job_free);
      g_task_run_in_thread (task, read_thread);
      return job->busy;
    }
  import = d8_bundle_import_new (d8_window_get_store (window), path, &error);
  return show_preview (window, base, import, error, FALSE);
}

static void
import_response_cb (GtkNativeDialog *dialog, int response, D8Window *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        d8_exchange_preview (window, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
d8_exchange_choose_import (D8Window *window)
{
  GtkFileChooserNative *dialog
    = gtk_file_chooser_native_new (_("Open Bundle"), GTK_WINDOW (window),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  add_bundle_filter (GTK_FILE_CHOOSER (dialog));
  set_remembered_folder (window, GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------ exchange window */

typedef struct
{
  D8Window *window; /* weak */
  AdwPreferencesWindow *prefs;
  AdwPreferencesPage *pages[3];
  AdwPreferencesGroup *groups[3];
} Exchange;

static void exchange_rebuild (Exchange *x);

static void
exchange_free (Exchange *x)
{
  g_clear_weak_pointer (&x->window);
  g_free (x);
}

static GHashTable *
names_by_id (D8Store *store, gboolean units)
{
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GPtrArray) plans = d8_store_list_plans (store, NULL);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      gint64 plan_id = ((D8Plan *) plans->pdata[i])->id;
      g_autoptr (GPtrArray) list = units ? d8_store_list_units (store, plan_id, NULL)
                                         : d8_store_list_indicators (store, plan_id, NULL);

      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          gint64 id = units ? ((D8Unit *) list->pdata[j])->id : ((D8Indicator *) list->pdata[j])->id;
          const char *name = units ? ((D8Unit *) list->pdata[j])->name
                                   : ((D8Indicator *) list->pdata[j])->code;
          g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (name));
        }
    }
  return names;
}

static char *
describe_version (const D8Entry *e)
{
  g_autofree char *date = NULL, *figure = NULL;

  if (e == NULL)
    return g_strdup ("–");
  if (e->deleted)
    return g_strdup (_("deleted"));
  date = d8_format_date (e->date);
  if (e->group_size > 0)
    {
      g_autofree char *r = d8_format_count (e->reached);
      g_autofree char *g = d8_format_count (e->group_size);
      /* Translators: women reached of a group, in a conflict's description */
      figure = g_strdup_printf (_("%s of %s"), r, g);
    }
  else
    figure = d8_format_count (e->amount);
  /* Translators: a version of an entry: its figure and its date */
  return g_strdup_printf (_("%s on %s"), figure, date);
}

static void
resolve_clicked_cb (GtkButton *button, Exchange *x)
{
  const char *uuid = g_object_get_data (G_OBJECT (button), "d8-uuid");
  gboolean mine = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "d8-mine"));
  g_autoptr (GError) error = NULL;

  if (x->window == NULL)
    return;
  if (!d8_bundle_resolve (d8_window_get_store (x->window), uuid,
                          mine ? D8_BUNDLE_KEEP_MINE : D8_BUNDLE_KEEP_THEIRS, &error))
    adw_preferences_window_add_toast (x->prefs, adw_toast_new (error->message));
  else
    adw_preferences_window_add_toast (x->prefs, adw_toast_new (_("Conflict resolved")));
  exchange_rebuild (x);
}

static void
resolve_all_response_cb (AdwMessageDialog *dialog, const char *response, Exchange *x)
{
  gboolean mine = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "d8-mine"));
  g_autoptr (GError) error = NULL;
  guint n = 0;

  if (g_strcmp0 (response, "keep") != 0 || x->window == NULL)
    return;
  if (!d8_bundle_resolve_all (d8_window_get_store (x->window),
                              mine ? D8_BUNDLE_KEEP_MINE : D8_BUNDLE_KEEP_THEIRS, &n, &error))
    adw_preferences_window_add_toast (x->prefs, adw_toast_new (error->message));
  else
    {
      g_autofree char *count = d8_format_count (n);
      /* Translators: a notification; %s is a number of conflicts */
      g_autofree char *text = g_strdup_printf (ngettext ("%s conflict resolved",
                                                         "%s conflicts resolved", n),
                                               count);

      adw_preferences_window_add_toast (x->prefs, adw_toast_new (text));
    }
  exchange_rebuild (x);
}

/* Keep All Mine / Keep All Theirs: one choice for every conflict, asked
 * for first, then made in one transaction. */
static void
resolve_all_clicked_cb (GtkButton *button, Exchange *x)
{
  gboolean mine = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "d8-mine"));
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "d8-count"));
  g_autofree char *count = d8_format_count (n);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (mine)
    /* Translators: %s is a number of entries in conflict */
    heading = g_strdup_printf (ngettext ("Keep this office’s version of %s entry?",
                                         "Keep this office’s version of all %s entries?", n),
                               count);
  else
    /* Translators: %s is a number of entries in conflict */
    heading = g_strdup_printf (ngettext ("Keep the other office’s version of %s entry?",
                                         "Keep the other office’s version of all %s entries?", n),
                               count);
  dialog = adw_message_dialog_new (GTK_WINDOW (x->prefs), heading,
                                   _("The same choice is made for every entry in conflict, all "
                                     "at once. The versions not kept stop counting in the "
                                     "figures."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "keep",
                                    mine ? _("Keep _Mine") : _("Keep _Theirs"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "d8-mine", GINT_TO_POINTER (mine));
  g_signal_connect (dialog, "response", G_CALLBACK (resolve_all_response_cb), x);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_response_cb (AdwMessageDialog *dialog, const char *response, Exchange *x)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "d8-snapshot");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0 || x->window == NULL)
    return;
  if (!d8_snapshot_restore (d8_window_get_store (x->window), name, &error))
    adw_preferences_window_add_toast (x->prefs, adw_toast_new (error->message));
  else
    adw_preferences_window_add_toast (x->prefs,
                                      adw_toast_new (_("Snapshot restored; the state before it "
                                                       "was kept as a snapshot too")));
  exchange_rebuild (x);
}

static void
restore_clicked_cb (GtkButton *button, Exchange *x)
{
  const char *name = g_object_get_data (G_OBJECT (button), "d8-snapshot");
  g_autofree char *when = d8_format_timestamp (g_object_get_data (G_OBJECT (button), "d8-when"));
  g_autofree char *body = g_strdup_printf (
    /* Translators: %s is when the snapshot was taken */
    _("The database goes back to how it was at %s. Everything recorded or imported since "
      "then is set aside in a new snapshot, so this can be undone."),
    when);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (x->prefs), _("Restore this snapshot?"),
                                              body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "d8-snapshot", g_strdup (name), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), x);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
suffix_button (const char *label, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  d8_ui_set_tooltip_text (button, tooltip);
  return button;
}

static AdwPreferencesGroup *
new_group (Exchange *x, guint page, const char *title, const char *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  if (x->groups[page] != NULL)
    adw_preferences_page_remove (x->pages[page], x->groups[page]);
  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (x->pages[page], group);
  x->groups[page] = group;
  return group;
}

static void
add_empty_row (AdwPreferencesGroup *group, const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (group, row);
}

static void
exchange_rebuild (Exchange *x)
{
  D8Store *store;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GHashTable) units = NULL;
  g_autoptr (GHashTable) indicators = NULL;
  AdwPreferencesGroup *group;

  if (x->window == NULL)
    return;
  store = d8_window_get_store (x->window);
  units = names_by_id (store, TRUE);
  indicators = names_by_id (store, FALSE);

  conflicts = d8_bundle_list_conflicts (store, NULL);
  group = new_group (x, 0, _("Entries edited at two offices"),
                     _("Both versions are kept. Until you choose, the figures count the one "
                       "marked “shown”."));
  for (guint i = 0; conflicts != NULL && i < MIN (conflicts->len, ROWS_SHOWN); i++)
    {
      const D8Conflict *c = conflicts->pdata[i];
      const D8Entry *any = c->mine ? c->mine : c->theirs;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *mine_button, *theirs_button;
      g_autofree char *title = NULL, *subtitle = NULL, *m = describe_version (c->mine),
                      *t = describe_version (c->theirs);
      g_autofree char *other = c->theirs && c->theirs->origin
                                 ? d8_store_describe_office_code (store, c->theirs->origin)
                                 : g_strdup ("–");

      /* Translators: a conflict's title: the unit, then the indicator's code */
      title = g_strdup_printf (_("%s, indicator %s"),
                               any ? (const char *) g_hash_table_lookup (units, &any->unit_id) : "",
                               any ? (const char *) g_hash_table_lookup (indicators,
                                                                          &any->indicator_id)
                                   : "");
      /* Translators: the two versions of a conflict; "(shown)" marks the one counted */
      subtitle = g_strdup_printf (_("Here: %s%s — other office (%s): %s%s"), m,
                                  c->shown_is_mine ? _(" (shown)") : "",
                                  other, t,
                                  c->shown_is_mine ? "" : _(" (shown)"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      mine_button = suffix_button (_("Keep _Mine"), _("Keep this office’s version"));
      theirs_button = suffix_button (_("Keep _Theirs"), _("Keep the other office’s version"));
      g_object_set_data_full (G_OBJECT (mine_button), "d8-uuid", g_strdup (c->uuid), g_free);
      g_object_set_data_full (G_OBJECT (theirs_button), "d8-uuid", g_strdup (c->uuid), g_free);
      g_object_set_data (G_OBJECT (mine_button), "d8-mine", GINT_TO_POINTER (TRUE));
      g_signal_connect (mine_button, "clicked", G_CALLBACK (resolve_clicked_cb), x);
      g_signal_connect (theirs_button, "clicked", G_CALLBACK (resolve_clicked_cb), x);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mine_button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), theirs_button);
      adw_preferences_group_add (group, row);
    }
  if (conflicts != NULL && conflicts->len > ROWS_SHOWN)
    adw_preferences_group_add (group, more_row (conflicts->len - ROWS_SHOWN));
  if (conflicts != NULL && conflicts->len > 1)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *all_mine = suffix_button (_("Keep All M_ine"),
                                           _("Keep this office’s version of every entry in conflict"));
      GtkWidget *all_theirs = suffix_button (_("Keep All T_heirs"),
                                             _("Keep the other office’s version of every entry in "
                                               "conflict"));

      g_object_set_data (G_OBJECT (all_mine), "d8-mine", GINT_TO_POINTER (TRUE));
      g_object_set_data (G_OBJECT (all_mine), "d8-count", GUINT_TO_POINTER (conflicts->len));
      g_object_set_data (G_OBJECT (all_theirs), "d8-count", GUINT_TO_POINTER (conflicts->len));
      g_signal_connect (all_mine, "clicked", G_CALLBACK (resolve_all_clicked_cb), x);
      g_signal_connect (all_theirs, "clicked", G_CALLBACK (resolve_all_clicked_cb), x);
      gtk_box_append (GTK_BOX (box), all_mine);
      gtk_box_append (GTK_BOX (box), all_theirs);
      adw_preferences_group_set_header_suffix (group, box);
    }
  if (conflicts == NULL || conflicts->len == 0)
    add_empty_row (group, _("No conflicts"));

  log = d8_bundle_list_log (store, NULL);
  group = new_group (x, 1, _("Bundles imported here"), NULL);
  for (guint i = 0; log != NULL && i < MIN (log->len, ROWS_SHOWN); i++)
    {
      const D8BundleLogEntry *e = log->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL, *subtitle = NULL;
      g_autofree char *when = d8_format_timestamp (e->imported_at);
      g_autofree char *origin = d8_store_describe_office_code (store, e->origin);
      g_autofree char *counts = d8_bundle_log_entry_describe (e);

      /* Translators: an imported bundle: its file, the sending office and its number */
      title = g_strdup_printf (_("%s — from %s, number %lld"), e->file_name ? e->file_name : "",
                               origin, (long long) e->sequence);
      /* Translators: when a bundle was imported, and the counts of its entries */
      subtitle = g_strdup_printf (_("Imported %s · %s"), when, counts);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (group, row);
    }
  if (log != NULL && log->len > ROWS_SHOWN)
    adw_preferences_group_add (group, more_row (log->len - ROWS_SHOWN));
  if (log == NULL || log->len == 0)
    add_empty_row (group, _("No bundle has been imported yet"));

  snapshots = d8_snapshot_list (store, NULL);
  group = new_group (x, 2, _("Snapshots"),
                     _("A copy of the database is taken before every import and restore; the "
                       "last 10 are kept."));
  for (guint i = 0; snapshots != NULL && i < snapshots->len; i++)
    {
      const D8Snapshot *s = snapshots->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = suffix_button (_("_Restore…"), _("Put the database back as it was"));
      /* Translators: why a snapshot was taken: "import", "restore" */
      g_autofree char *subtitle = g_strdup_printf (_("Taken before: %s"),
                                                   g_strcmp0 (s->reason, "import") == 0
                                                     ? _("an import")
                                                     : g_strcmp0 (s->reason, "restore") == 0
                                                         ? _("a restore")
                                                         : s->reason);

      g_autofree char *when = d8_format_timestamp (s->created_at);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (button), "d8-snapshot", g_strdup (s->name), g_free);
      g_object_set_data_full (G_OBJECT (button), "d8-when", g_strdup (s->created_at), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), x);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (group, row);
    }
  if (snapshots == NULL || snapshots->len == 0)
    add_empty_row (group, _("No snapshot yet"));
}

static void
store_changed_cb (AdwPreferencesWindow *prefs)
{
  exchange_rebuild (g_object_get_data (G_OBJECT (prefs), "d8-exchange"));
}

GtkWidget *
d8_exchange_show_window (D8Window *window)
{
  Exchange *x = g_new0 (Exchange, 1);
  const char *titles[] = { N_("Conflicts"), N_("Imports"), N_("Snapshots") };
  const char *icons[] = { "dialog-warning-symbolic", "document-open-recent-symbolic",
                          "document-revert-symbolic" };

  g_set_weak_pointer (&x->window, window);
  x->prefs = ADW_PREFERENCES_WINDOW (adw_preferences_window_new ());
  gtk_window_set_title (GTK_WINDOW (x->prefs), _("Exchange"));
  gtk_window_set_transient_for (GTK_WINDOW (x->prefs), GTK_WINDOW (window));
  gtk_window_set_modal (GTK_WINDOW (x->prefs), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (x->prefs), 760, 560);
  adw_preferences_window_set_search_enabled (x->prefs, FALSE);
  for (guint i = 0; i < 3; i++)
    {
      x->pages[i] = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
      adw_preferences_page_set_title (x->pages[i], _(titles[i]));
      adw_preferences_page_set_icon_name (x->pages[i], icons[i]);
      adw_preferences_window_add (x->prefs, x->pages[i]);
    }
  g_object_set_data_full (G_OBJECT (x->prefs), "d8-exchange", x, (GDestroyNotify) exchange_free);
  g_signal_connect_object (d8_window_get_store (window), "changed",
                           G_CALLBACK (store_changed_cb), x->prefs, G_CONNECT_SWAPPED);
  exchange_rebuild (x);
  gtk_window_present (GTK_WINDOW (x->prefs));
  return GTK_WIDGET (x->prefs);
}

/* ---------------------------------------------------------------- office */

static void
office_response_cb (AdwMessageDialog *dialog, const char *response, D8Window *window)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "d8-dropdown");
  GPtrArray *codes = g_object_get_data (G_OBJECT (dialog), "d8-codes");
  GSettings *settings = window_settings (window);
  g_autoptr (GError) error = NULL;
  guint selected;

  if (g_strcmp0 (response, "choose") != 0)
    return;
  selected = gtk_drop_down_get_selected (dropdown);
  if (selected >= codes->len)
    return;
  if (!d8_store_set_office (d8_window_get_store (window), codes->pdata[selected], &error))
    {
      d8_window_add_toast (window, adw_toast_new (error->message));
      return;
    }
  if (settings != NULL)
    g_settings_set_boolean (settings, "office-chosen", TRUE);
  d8_window_update_office (window);
}

GtkWidget *
d8_exchange_choose_office (D8Window *window, gboolean first_run)
{
  D8Store *store = d8_window_get_store (window);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) units = d8_store_list_units (store, d8_window_get_plan_id (window), NULL);
  GtkWidget *dialog, *dropdown;
  guint selected = 0;

  gtk_string_list_append (names, _("Provincial Women’s Union"));
  g_ptr_array_add (codes, g_strdup ("province"));
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const D8Unit *u = units->pdata[i];
      /* Translators: an office in the office chooser; %s is the unit's name */
      g_autofree char *label = g_strdup_printf (_("Office of %s"), u->name);

      gtk_string_list_append (names, label);
      g_ptr_array_add (codes, g_strdup (u->code));
      if (g_strcmp0 (u->code, d8_store_get_office (store)) == 0)
        selected = i + 1;
    }
  dialog = adw_message_dialog_new (
    GTK_WINDOW (window), first_run ? _("Which office is this?") : _("Change the Office"),
    _("Each installation is one office: the provincial Women’s Union, which merges every "
      "unit’s bundles and sends the plan, or the office of one unit, which records its own "
      "results and sends them to the province."));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Office"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                    first_run ? _("_Later") : _("_Cancel"), "choose",
                                    _("_Choose"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "d8-dropdown", dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "d8-codes", codes, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (office_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
