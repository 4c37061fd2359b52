/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-bundles.c — the exchange between offices through the window,
 * each office its own database: a unit office's bundle previewed and
 * imported at the province (its figures follow), a concurrent edit shown in
 * the Exchange window and resolved there with "Keep Theirs", a snapshot
 * restored through its confirmation, a bundle with rejected records listing
 * each one, every malformed bundle in tests/data/bundles refused with the
 * province's database file byte-identical, and the office chosen through
 * its dialog. Who signed a bundle (issue 11): the first bundle from an
 * office shows its fingerprint and imports only once confirmed; one signed
 * by another key, or unsigned, is shown refused with no Import and the
 * database unchanged; an older bundle imports only once allowed;
 * Preferences shows this office's fingerprint and the known offices. The
 * trust tests also run in Vietnamese, light and dark (tests/meson.build:
 * D8_TEST_DARK), and there find no English word in what they show.
 * Screenshots into $D8_BUILD_ROOT/screenshots/. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "d8-bundle.h"
#include "d8-format.h"
#include "d8-i18n.h"
#include "d8-office-keys.h"
#include "d8-preferences-window.h"
#include "d8-province-page.h"
#include "d8-snapshot.h"
#include "d8-store.h"
#include "d8-test-ui.h"
#include "d8-test-util.h"
#include "d8-window.h"

#define PUH "gia-lai/chu-puh"

typedef struct
{
  char *dir;
  D8Store *province; /* the window's store */
  D8Store *unit;     /* Chư Pưh's office */
  D8Plan *plan;
  D8Unit *puh;       /* in the province's store */
  D8Window *window;
  guint n_bundles;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *prov_path = NULL, *unit_path = NULL;

  f->dir = d8_test_tmpdir ();
  prov_path = g_build_filename (f->dir, "province.sqlite3", NULL);
  unit_path = g_build_filename (f->dir, "chu-puh.sqlite3", NULL);
  f->province = d8_store_open (prov_path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->unit = d8_store_open (unit_path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (d8_store_set_office (f->unit, PUH, &error));
  g_assert_no_error (error);
  /* The province knows Chư Pưh's key (duan8-cli trust-office). */
  g_assert_true (d8_office_keys_trust (f->province, PUH,
                                       d8_office_key_get_public (f->unit, NULL), "registered",
                                       &error));
  g_assert_no_error (error);
  f->plan = d8_store_resolve_plan (f->province, NULL, &error);
  g_assert_no_error (error);
  f->puh = d8_store_resolve_unit (f->province, f->plan->id, PUH, &error);
  g_assert_no_error (error);

  f->window = d8_window_new (NULL, f->province);
  g_object_ref (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  d8_test_wait_for_frame (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  d8_test_spin ();
  g_assert_finalize_object (f->window);
  g_clear_pointer (&f->puh, d8_unit_free);
  g_clear_pointer (&f->plan, d8_plan_free);
  g_assert_finalize_object (f->unit);
  g_assert_finalize_object (f->province);
  d8_test_rmtree (f->dir);
  g_free (f->dir);
}

/* ------------------------------------------------------------ helpers */

/* Adds an entry of indicator "1" for Chư Pưh to @store; returns its UUID. */
static char *
record (D8Store *store, gint64 amount)
{
  return d8_test_record (store, PUH, "1", "2023-03-04", amount, NULL);
}

static void
edit (D8Store *store, const char *uuid, gint64 amount)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Entry) entry = d8_store_get_entry (store, uuid, &error);

  g_assert_no_error (error);
  entry->amount = amount;
  g_assert_true (d8_store_update_entry (store, entry, FALSE, &error));
  g_assert_no_error (error);
}

static gint64
amount_of (D8Store *store, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Entry) entry = d8_store_get_entry (store, uuid, &error);

  g_assert_no_error (error);
  return entry->amount;
}

/* The unit office's bundle, the way the export action writes it. */
static GFile *
export_unit (Fixture *f, guint expect_entries)
{
  g_autoptr (GError) error = NULL;
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_DEFAULT };
  D8BundleExportResult result = { 0 };
  g_autofree char *name = g_strdup_printf ("chu-puh-%u" D8_BUNDLE_SUFFIX, ++f->n_bundles);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (d8_bundle_export (f->unit, &options, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_entries, ==, expect_entries);
  d8_bundle_export_result_clear (&result);
  return g_file_new_for_path (path);
}

/* The province matrix cell of Chư Pưh × indicator "1", as shown. */
static const char *
shown_cell (Fixture *f)
{
  static char *text;
  GtkWidget *page = d8_window_get_province_page (f->window);

  /* the recycling matrix may have no widget for it: read what it shows */
  g_free (text);
  text = d8_province_page_dup_cell_text (D8_PROVINCE_PAGE (page),
                                         (guint) (f->puh->position - 1), 0);
  g_assert_nonnull (text);
  return text;
}

/* What the cell must show when @achieved groups are recorded. */
static char *
expected_cell (Fixture *f, gint64 achieved)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Overview) ov = d8_store_compute_overview (f->province, f->plan->id, NULL, &error);
  D8Cell *cell;
  g_autofree char *a = NULL, *q = NULL;

  g_assert_no_error (error);
  cell = d8_overview_cell (ov, (guint) d8_overview_find_unit (ov, f->puh->id), 0);
  g_assert_true (cell->has_quota);
  a = d8_format_count (achieved);
  q = d8_format_count (cell->quota);
  return g_strdup_printf ("%s/%s", a, q);
}

static void
assert_cell (Fixture *f, gint64 achieved)
{
  g_autofree char *expected = expected_cell (f, achieved);

  d8_test_spin ();
  g_assert_cmpstr (shown_cell (f), ==, expected);
}

/* Previews @file through the window and answers the dialog with
 * @response; returns nothing, the dialog is gone afterwards. */
static void
preview_and_answer (Fixture *f, GFile *file, const char *response, const char *screenshot)
{
  GtkWidget *dialog = d8_window_open_bundle (f->window, file);

  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), response));
  if (screenshot != NULL)
    d8_test_save_screenshot (dialog, screenshot);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
}

static void
collect_widgets (GtkWidget *widget, GType type, GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_widgets (c, type, out);
}

/* The buttons under @root whose label is @label. */
static GPtrArray *
find_buttons (GtkWidget *root, const char *label)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_BUTTON, all);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_button_get_label (all->pdata[i]), label) == 0)
      g_ptr_array_add (found, all->pdata[i]);
  return found;
}

/* Whether some AdwActionRow under @root has @text as title. */
static gboolean
has_row_titled (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect_widgets (root, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (item)
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (item)), heading) == 0)
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

/* -------------------------------------------------------------- tests */

/* Sent, imported, edited at both offices, imported again: one conflict,
 * listed in the Exchange window and resolved there. */
static void
test_conflict_resolved_in_window (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) first = NULL, second = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GPtrArray) mine = NULL, theirs = NULL;
  g_autofree char *uuid = record (f->unit, 3);
  GtkWidget *exchange;

  assert_cell (f, 0);
  first = export_unit (f, 1);
  preview_and_answer (f, first, "import", NULL);
  assert_cell (f, 3);

  /* Both offices change the same entry before exchanging again. */
  edit (f->unit, uuid, 2);
  g_usleep (2000);
  edit (f->province, uuid, 4);
  assert_cell (f, 4);
  second = export_unit (f, 1);
  preview_and_answer (f, second, "import", "import-preview-conflict.png");

  conflicts = d8_bundle_list_conflicts (f->province, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  /* The default shown is the later stamp: the province's 4. */
  assert_cell (f, 4);

  exchange = d8_window_show_exchange (f->window);
  gtk_window_set_default_size (GTK_WINDOW (exchange), 900, 560);
  mine = find_buttons (exchange, _("Keep _Mine"));
  theirs = find_buttons (exchange, _("Keep _Theirs"));
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpuint (theirs->len, ==, 1);
  g_assert_false (has_row_titled (exchange, _("No conflicts")));
  d8_test_save_screenshot (exchange, "exchange-conflict.png");

  g_signal_emit_by_name (theirs->pdata[0], "clicked");
  d8_test_spin ();
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = d8_bundle_list_conflicts (f->province, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpint (amount_of (f->province, uuid), ==, 2);
  assert_cell (f, 2);
  /* The page is rebuilt: no buttons left, the empty row instead. */
  g_clear_pointer (&theirs, g_ptr_array_unref);
  theirs = find_buttons (exchange, _("Keep _Theirs"));
  g_assert_cmpuint (theirs->len, ==, 0);
  g_assert_true (has_row_titled (exchange, _("No conflicts")));
  /* Both imports in the log, newest first. */
  {
    g_autoptr (GPtrArray) log = d8_bundle_list_log (f->province, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 2);
    g_assert_cmpint (((D8BundleLogEntry *) log->pdata[0])->sequence, ==, 2);
  }
  /* The log rows name the office, not its code, and give the counts in
   * words, not the stored JSON. */
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new ();
    guint n_log_rows = 0;

    collect_widgets (exchange, ADW_TYPE_ACTION_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      {
        const char *title = adw_preferences_row_get_title (rows->pdata[i]);
        const char *subtitle = adw_action_row_get_subtitle (rows->pdata[i]);

        if (title == NULL || strstr (title, D8_BUNDLE_SUFFIX) == NULL)
          continue;
        n_log_rows++;
        g_assert_null (strstr (title, PUH));
        g_assert_nonnull (strstr (title, f->puh->name));
        g_assert_nonnull (subtitle);
        g_assert_null (strchr (subtitle, '{'));
        g_assert_nonnull (strstr (subtitle, " updated, "));
      }
    g_assert_cmpuint (n_log_rows, ==, 2);
  }
  {
    g_autoptr (GPtrArray) pages = g_ptr_array_new ();
    AdwPreferencesPage *imports = NULL;

    collect_widgets (exchange, ADW_TYPE_PREFERENCES_PAGE, pages);
    for (guint i = 0; i < pages->len; i++)
      if (g_strcmp0 (adw_preferences_page_get_title (pages->pdata[i]), _("Imports")) == 0)
        imports = pages->pdata[i];
    g_assert_nonnull (imports);
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (exchange), imports);
  }
  d8_test_save_screenshot (exchange, "exchange-imports.png");
  gtk_window_destroy (GTK_WINDOW (exchange));
  d8_test_spin ();
}

/* The core's preview of the fixture bundle @name (into @import) and the
 * window's preview dialog of it, whose action rows go into @rows. */
static GtkWidget *
preview_fixture (Fixture *f, const char *name, D8BundleImport **import, GPtrArray *rows)
{
  g_autofree char *path = d8_test_source_path ("tests", "data", "bundles", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  *import = d8_bundle_import_new (f->province, path, &error);
  g_assert_no_error (error);
  dialog = d8_window_open_bundle (f->window, file);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  collect_widgets (dialog, ADW_TYPE_ACTION_ROW, rows);
  return dialog;
}

/* A bundle with more rejected records than the preview lists: the first
 * ROWS_SHOWN (200) are listed, then a row says how many more. */
static void
test_preview_caps_rejections (Fixture *f, gconstpointer data)
{
  g_autoptr (D8BundleImport) import = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *dialog = preview_fixture (f, "policy-many-rejections.duan8.json", &import, rows);
  const D8BundlePreview *p = d8_bundle_import_get_preview (import);
  guint more_rows = 0;

  /* Chư Pưh's office sends 230 entries of Chư Sê: each is refused. */
  g_assert_cmpuint (p->rejections->len, ==, 230);
  g_assert_cmpuint (rows->len, ==, 201);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "And 30 more") == 0)
      more_rows++;
  g_assert_cmpuint (more_rows, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
}

/* A toplevel message dialog whose heading starts with @prefix, waited for
 * up to @seconds while the main loop runs; NULL when none came. */
static AdwMessageDialog *
wait_for_dialog (const char *prefix, guint seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  do
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);
          const char *heading = ADW_IS_MESSAGE_DIALOG (item)
                                  ? adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (item))
                                  : NULL;

          if (heading != NULL && g_str_has_prefix (heading, prefix))
            return ADW_MESSAGE_DIALOG (item);
        }
      d8_test_spin_for (20);
    }
  while (g_get_monotonic_time () < end);
  return NULL;
}

/* A bundle over a mebibyte is read and applied on a worker thread: the
 * window shows a spinner dialog that cannot be closed meanwhile, then the
 * preview, then the figures of the imported entries. */
static void
test_large_bundle_in_background (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *note = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *province_path = g_strdup (d8_store_get_path (f->province));
  g_autofree char *before = d8_test_file_digest (province_path);
  GtkWidget *busy;
  AdwMessageDialog *preview;
  const guint n = 1500;

  /* Long notes make the bundle large with few entries. */
  note = g_strnfill (700, 'x');
  for (guint i = 0; i < n; i++)
    g_free (d8_test_record (f->unit, PUH, "1", "2023-05-06", 1, note));
  file = export_unit (f, n);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_file_info_get_size (info), >=, 1024 * 1024);

  busy = d8_window_open_bundle (f->window, file);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (busy));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (busy)), ==,
                   _("Reading the Bundle…"));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (busy)));
  /* Watched before anything runs: the work may end, and the dialog go,
   * during the spin below (more likely with GTK_A11Y=test, which makes
   * the main thread slower), which left a dangling pointer here. */
  g_object_add_weak_pointer (G_OBJECT (busy), (gpointer *) &busy);
  /* It is not closed before the work ends. */
  gtk_window_close (GTK_WINDOW (busy));
  d8_test_spin ();

  {
    g_autofree char *heading = g_strdup_printf (_("Import the bundle from %s?"), f->puh->name);

    preview = wait_for_dialog (heading, 60);
  }
  g_assert_nonnull (preview);
  d8_test_spin ();
  g_assert_null (busy); /* gone once the preview is there */
  g_assert_true (adw_message_dialog_has_response (preview, "import"));
  /* Reading changed nothing. */
  {
    g_autofree char *after_read = d8_test_file_digest (province_path);
    g_assert_cmpstr (after_read, ==, before);
  }
  assert_cell (f, 0);

  adw_message_dialog_response (preview, "import");
  /* The spinner dialog is there as soon as the import starts. */
  busy = GTK_WIDGET (wait_for_dialog (_("Importing the Bundle…"), 0));
  g_assert_nonnull (busy);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (busy)));
  g_object_add_weak_pointer (G_OBJECT (busy), (gpointer *) &busy);
  gtk_window_destroy (GTK_WINDOW (preview));
  {
    gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (busy != NULL && g_get_monotonic_time () < end)
      d8_test_spin_for (20);
    g_assert_null (busy);
  }
  /* The window's own store was told: the matrix shows the imported groups. */
  assert_cell (f, n);
  {
    g_autoptr (GPtrArray) log = d8_bundle_list_log (f->province, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 1);
  }
}

/* Clicks Keep All Theirs, answers its question with @response; returns
 * how many conflicts are left. */
static guint
answer_all_theirs (Fixture *f, GtkWidget *button, const char *response)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  AdwMessageDialog *confirm;

  g_signal_emit_by_name (button, "clicked");
  d8_test_spin ();
  confirm = find_message_dialog ("Keep the other office’s version of all 2 entries?");
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, response);
  gtk_window_destroy (GTK_WINDOW (confirm));
  d8_test_spin ();
  conflicts = d8_bundle_list_conflicts (f->province, &error);
  g_assert_no_error (error);
  return conflicts->len;
}

/* Two conflicts settled at once: Keep All Theirs asks first, then both
 * entries carry the unit office's amounts and no conflict is left. */
static void
test_resolve_all_in_window (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) first = NULL, second = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GPtrArray) all_theirs = NULL;
  g_autofree char *a = record (f->unit, 3);
  g_autofree char *b = record (f->unit, 1);
  GtkWidget *exchange;

  first = export_unit (f, 2);
  preview_and_answer (f, first, "import", NULL);
  edit (f->unit, a, 2);
  edit (f->unit, b, 5);
  g_usleep (2000);
  edit (f->province, a, 4);
  edit (f->province, b, 6);
  second = export_unit (f, 2);
  preview_and_answer (f, second, "import", NULL);
  conflicts = d8_bundle_list_conflicts (f->province, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 2);

  exchange = d8_window_show_exchange (f->window);
  gtk_window_set_default_size (GTK_WINDOW (exchange), 900, 560);
  all_theirs = find_buttons (exchange, _("Keep All T_heirs"));
  g_assert_cmpuint (all_theirs->len, ==, 1);
  d8_test_save_screenshot (exchange, "exchange-conflicts-all.png");
  /* Cancel first: nothing changes. */
  g_assert_cmpuint (answer_all_theirs (f, all_theirs->pdata[0], "cancel"), ==, 2);
  g_assert_cmpuint (answer_all_theirs (f, all_theirs->pdata[0], "keep"), ==, 0);
  g_assert_cmpint (amount_of (f->province, a), ==, 2);
  g_assert_cmpint (amount_of (f->province, b), ==, 5);
  assert_cell (f, 7);
  g_assert_true (has_row_titled (exchange, _("No conflicts")));
  g_clear_pointer (&all_theirs, g_ptr_array_unref);
  all_theirs = find_buttons (exchange, _("Keep All T_heirs"));
  g_assert_cmpuint (all_theirs->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (exchange));
  d8_test_spin ();
}

/* The snapshot taken before an import, restored from the Exchange window
 * after its confirmation: the figures go back. */
static void
test_restore_snapshot_in_window (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) bundle = NULL;
  g_autoptr (GPtrArray) snapshots = NULL, restore = NULL;
  g_autofree char *uuid = record (f->unit, 3);
  AdwMessageDialog *confirm;
  GtkWidget *exchange;

  bundle = export_unit (f, 1);
  preview_and_answer (f, bundle, "import", NULL);
  assert_cell (f, 3);
  snapshots = d8_snapshot_list (f->province, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 1);

  exchange = d8_window_show_exchange (f->window);
  restore = find_buttons (exchange, _("_Restore…"));
  g_assert_cmpuint (restore->len, ==, 1);

  /* Cancelled first: nothing happens. */
  g_signal_emit_by_name (restore->pdata[0], "clicked");
  d8_test_spin ();
  confirm = find_message_dialog (_("Restore this snapshot?"));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "cancel");
  gtk_window_destroy (GTK_WINDOW (confirm));
  d8_test_spin ();
  assert_cell (f, 3);

  g_signal_emit_by_name (restore->pdata[0], "clicked");
  d8_test_spin ();
  confirm = find_message_dialog (_("Restore this snapshot?"));
  g_assert_nonnull (confirm);
  d8_test_save_screenshot (GTK_WIDGET (confirm), "restore-confirm.png");
  adw_message_dialog_response (confirm, "restore");
  gtk_window_destroy (GTK_WINDOW (confirm));
  d8_test_spin ();
  assert_cell (f, 0);

  /* The state replaced is a snapshot too, listed in the rebuilt page. */
  g_clear_pointer (&snapshots, g_ptr_array_unref);
  snapshots = d8_snapshot_list (f->province, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 2);
  g_clear_pointer (&restore, g_ptr_array_unref);
  restore = find_buttons (exchange, _("_Restore…"));
  g_assert_cmpuint (restore->len, ==, 2);
  gtk_window_destroy (GTK_WINDOW (exchange));
  d8_test_spin ();
}

/* A bundle with records the province does not accept: the preview lists
 * each one (record, field, reason); this one is also signed with another
 * key and carries records its office may not send, so importing it is
 * refused as a whole (issue 11). */
static void
test_preview_lists_rejections (Fixture *f, gconstpointer data)
{
  g_autoptr (D8BundleImport) import = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *dialog = preview_fixture (f, "policy-unit-office.duan8.json", &import, rows);
  const D8BundlePreview *p = d8_bundle_import_get_preview (import);
  guint listed = 0;

  g_assert_cmpuint (p->rejections->len, >, 0);
  /* Signed with another key and carrying records its office may not
   * send: shown refused, with no Import (issue 11). */
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("This bundle cannot be imported"));
  for (guint i = 0; i < p->rejections->len; i++)
    {
      const D8BundleRejection *r = p->rejections->pdata[i];
      for (guint j = 0; j < rows->len; j++)
        {
          const char *title = adw_preferences_row_get_title (rows->pdata[j]);
          const char *subtitle = adw_action_row_get_subtitle (rows->pdata[j]);
          if (strstr (title, r->record) != NULL && (r->field == NULL || strstr (title, r->field))
              && g_strcmp0 (subtitle, r->reason) == 0)
            {
              listed++;
              break;
            }
        }
    }
  g_assert_cmpuint (listed, ==, p->rejections->len);
  d8_test_save_screenshot (dialog, "import-preview-rejections.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
  /* Signed with another key than Chư Pưh's, and carrying records Chư
   * Pưh may not send (issue 11): refused as a whole, nothing imported. */
  g_assert_cmpuint (p->entries[D8_BUNDLE_NEW], ==, 1);
  g_assert_cmpint (p->trust, ==, D8_BUNDLE_TRUST_KEY_CHANGED);
  g_assert_cmpuint (p->n_forbidden, ==, 2);
  assert_cell (f, 0);
}

/* Every malformed bundle: refused with a message, no Import button, and
 * the province's database file byte-for-byte unchanged. */
static void
test_bad_bundles_change_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = d8_test_source_path ("tests", "data", "bundles", NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *before = NULL;
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  /* Something to lose: an entry imported the ordinary way. */
  g_free (record (f->unit, 3));
  {
    g_autoptr (GFile) good = export_unit (f, 1);
    preview_and_answer (f, good, "import", NULL);
  }
  assert_cell (f, 3);
  before = d8_test_file_digest (d8_store_get_path (f->province));
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr (GFile) file = NULL;
      g_autofree char *after = NULL;
      GtkWidget *dialog;
      const char *body;

      if (!g_str_has_prefix (name, "bad-") || !g_str_has_suffix (name, D8_BUNDLE_SUFFIX))
        continue;
      path = g_build_filename (dir, name, NULL);
      file = g_file_new_for_path (path);
      dialog = d8_window_open_bundle (f->window, file);
      g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
      if (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"))
        g_error ("%s: offered for import", name);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                       _("This bundle cannot be imported"));
      body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
      g_assert_true (g_utf8_strlen (body, -1) > 20);
      if (g_strcmp0 (name, "bad-digest-mismatch.duan8.json") == 0)
        d8_test_save_screenshot (dialog, "import-refused-digest.png");
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_destroy (GTK_WINDOW (dialog));
      d8_test_spin ();
      after = d8_test_file_digest (d8_store_get_path (f->province));
      if (g_strcmp0 (before, after) != 0)
        g_error ("%s: the database file changed", name);
      n++;
    }
  g_assert_cmpuint (n, >=, 30);
  assert_cell (f, 3);
}

/* The office chosen in its dialog: stored, remembered as chosen, shown. */
static void
test_choose_office (Fixture *f, gconstpointer data)
{
  GSettings *settings = d8_window_get_settings (f->window);
  g_autoptr (GPtrArray) dropdowns = g_ptr_array_new ();
  g_autofree char *description = NULL, *label = NULL;
  g_autoptr (GPtrArray) office_buttons = NULL;
  GtkWidget *dialog;

  g_assert_nonnull (settings);
  g_settings_set_boolean (settings, "office-chosen", FALSE);
  g_assert_cmpstr (d8_store_get_office (f->province), ==, "province");

  /* "Later" changes nothing. */
  dialog = d8_window_choose_office (f->window, TRUE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
  g_assert_cmpstr (d8_store_get_office (f->province), ==, "province");
  g_assert_false (g_settings_get_boolean (settings, "office-chosen"));

  dialog = d8_window_choose_office (f->window, TRUE);
  collect_widgets (dialog, GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 1);
  /* The province first, then the units in plan order. */
  gtk_drop_down_set_selected (dropdowns->pdata[0], (guint) f->puh->position);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
  g_assert_cmpstr (d8_store_get_office (f->province), ==, PUH);
  g_assert_true (g_settings_get_boolean (settings, "office-chosen"));
  /* The office's key is made with the office (issue 11). */
  {
    g_autofree char *key_path = d8_office_key_path (f->province);
    g_assert_true (g_file_test (key_path, G_FILE_TEST_IS_REGULAR));
  }

  description = d8_store_describe_office (f->province);
  g_assert_nonnull (strstr (description, "Chư Pưh"));
  label = g_strdup_printf (_("Office: %s"), description);
  office_buttons = find_buttons (GTK_WIDGET (f->window), label);
  g_assert_cmpuint (office_buttons->len, ==, 1);
}

/* ------------------------------------------------------------- trust */

/* Words of English UI text that are not Vietnamese (as test-ui-vi.c):
 * under Vietnamese none may appear in a trust dialog. */
static const char *const english_words[] = {
  "the", "of", "and", "for", "with", "from", "bundle", "office", "import", "key",
  "fingerprint", "signed", "phone", "older", "known", "register", "forget", "nothing",
  "cannot", "not", "match", "back", "copy", "file",
};

static gboolean
is_vietnamese (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "vi");
}

static void
assert_no_english_text (const char *text)
{
  g_auto (GStrv) words = NULL;
  g_autofree char *plain = NULL;

  if (!is_vietnamese () || text == NULL)
    return;
  /* File names and paths are not sentences. */
  {
    g_autoptr (GRegex) path = g_regex_new ("\\S*[/.]\\S*", 0, 0, NULL);
    plain = g_regex_replace (path, text, -1, 0, "", 0, NULL);
  }
  words = g_regex_split_simple ("[^\\p{L}]+", plain, 0, 0);
  for (guint i = 0; words[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (english_words); j++)
      if (g_ascii_strcasecmp (words[i], english_words[j]) == 0
          && strstr (text, "duan8-cli") == NULL)
        g_error ("English under Vietnamese: “%s” in “%s”", words[i], text);
}

/* Every label, button, check and row under @root, and a dialog's heading
 * and body: no English under Vietnamese. */
static void
assert_no_english (GtkWidget *root)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  if (ADW_IS_MESSAGE_DIALOG (root))
    {
      assert_no_english_text (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (root)));
      assert_no_english_text (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (root)));
    }
  collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i]))
      assert_no_english_text (gtk_label_get_text (labels->pdata[i]));
  collect_widgets (root, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    assert_no_english_text (adw_preferences_row_get_title (rows->pdata[i]));
}

/* "name.png" → "name-vi-dark.png": the language and the style in the
 * screenshot's name. */
static char *
shot_name (const char *name)
{
  return g_strdup_printf ("%s-%s-%s.png", name, is_vietnamese () ? "vi" : "en",
                          g_getenv ("D8_TEST_DARK") ? "dark" : "light");
}

static void
shot (GtkWidget *widget, const char *name)
{
  g_autofree char *file = shot_name (name);

  d8_test_save_screenshot (widget, file);
}

/* The check button under @root whose label is @label. */
static GtkCheckButton *
find_check (GtkWidget *root, const char *label)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_CHECK_BUTTON, all);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_check_button_get_label (all->pdata[i]), label) == 0)
      return all->pdata[i];
  return NULL;
}

/* Whether some visible label under @root shows @text. */
static gboolean
shows_label (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i])
        && g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

static void
close_dialog (GtkWidget *dialog, const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
}

/* The first bundle from an office not known here: its fingerprint shown,
 * Import only once the person ticks that it was read aloud and matches;
 * cancelled first, the database stays as it was. */
static void
test_trust_new_office (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) bundle = NULL;
  g_autoptr (D8KnownOffice) known = NULL;
  g_autofree char *fingerprint =
    d8_office_key_fingerprint (d8_office_key_get_public (f->unit, NULL));
  g_autofree char *before = NULL, *after = NULL;
  const char *check_label = _("The office read these digits to me on the phone and they _match");
  GtkCheckButton *check;
  GtkWidget *dialog;

  g_assert_true (d8_office_keys_forget (f->province, PUH, &error));
  g_assert_no_error (error);
  g_free (record (f->unit, 3));
  bundle = export_unit (f, 1);
  before = d8_test_file_digest (d8_store_get_path (f->province));

  dialog = d8_window_open_bundle (f->window, bundle);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "import"));
  g_assert_true (shows_label (dialog, fingerprint));
  check = find_check (dialog, check_label);
  g_assert_nonnull (check);
  assert_no_english (dialog);
  shot (dialog, "trust-new-office");
  close_dialog (dialog, "cancel");
  after = d8_test_file_digest (d8_store_get_path (f->province));
  g_assert_cmpstr (after, ==, before);
  assert_cell (f, 0);

  dialog = d8_window_open_bundle (f->window, bundle);
  check = find_check (dialog, check_label);
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "import"));
  shot (dialog, "trust-new-office-confirmed");
  close_dialog (dialog, "import");
  assert_cell (f, 3);
  known = d8_office_keys_lookup (f->province, PUH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (known);
  g_assert_cmpstr (known->fingerprint, ==, fingerprint);
  g_assert_cmpstr (known->source, ==, "confirmed");
}

/* A bundle signed by another key than the one known for its office (an
 * office that reinstalled, or a forgery), and an unsigned one: refused,
 * with what to do, no Import, the database byte-identical. */
static void
test_trust_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other-puh.sqlite3", NULL);
  g_autoptr (D8Store) other = d8_store_open (other_path, D8_STORE_OPEN_DEFAULT, &error);
  g_autofree char *bundle_path = g_build_filename (f->dir, "other" D8_BUNDLE_SUFFIX, NULL);
  g_autofree char *unsigned_path =
    d8_test_source_path ("tests", "data", "bundles", "attack-unsigned.duan8.json", NULL);
  g_autoptr (GFile) bundle = g_file_new_for_path (bundle_path);
  g_autoptr (GFile) unsigned_bundle = g_file_new_for_path (unsigned_path);
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_DEFAULT };
  D8BundleExportResult result = { 0 };
  g_autofree char *fingerprint = NULL, *before = NULL, *after = NULL;
  GtkWidget *dialog;

  g_assert_no_error (error);
  /* Another installation calling itself Chư Pưh's office: another key. */
  g_assert_true (d8_store_set_office (other, PUH, &error));
  g_assert_no_error (error);
  g_free (d8_test_record (other, PUH, "1", "2023-03-04", 5, NULL));
  g_assert_true (d8_bundle_export (other, &options, bundle_path, &result, &error));
  g_assert_no_error (error);
  d8_bundle_export_result_clear (&result);
  fingerprint = d8_office_key_fingerprint (d8_office_key_get_public (other, NULL));
  before = d8_test_file_digest (d8_store_get_path (f->province));

  dialog = d8_window_open_bundle (f->window, bundle);
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "close"));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("This bundle cannot be imported"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            fingerprint));
  g_assert_true (shows_label (dialog, fingerprint));
  assert_no_english (dialog);
  shot (dialog, "trust-key-changed");
  close_dialog (dialog, "close");
  after = d8_test_file_digest (d8_store_get_path (f->province));
  g_assert_cmpstr (after, ==, before);

  dialog = d8_window_open_bundle (f->window, unsigned_bundle);
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("This bundle cannot be imported"));
  assert_no_english (dialog);
  shot (dialog, "trust-unsigned");
  close_dialog (dialog, "close");
  g_free (after);
  after = d8_test_file_digest (d8_store_get_path (f->province));
  g_assert_cmpstr (after, ==, before);
  assert_cell (f, 0);
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* A bundle older than the last one imported from its office: the preview
 * says so, and imports only once the person allows it. */
static void
test_trust_older (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) first = NULL, second = NULL;
  g_autofree char *before = NULL, *after = NULL;
  const char *check_label = _("Import this _older bundle anyway");
  GtkCheckButton *check;
  GtkWidget *dialog;

  g_free (record (f->unit, 3));
  first = export_unit (f, 1);
  g_free (record (f->unit, 1));
  second = export_unit (f, 1); /* the entries since the first */
  preview_and_answer (f, second, "import", NULL);
  assert_cell (f, 1);
  before = d8_test_file_digest (d8_store_get_path (f->province));

  dialog = d8_window_open_bundle (f->window, first);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "import"));
  check = find_check (dialog, check_label);
  g_assert_nonnull (check);
  assert_no_english (dialog);
  shot (dialog, "trust-older");
  close_dialog (dialog, "cancel");
  after = d8_test_file_digest (d8_store_get_path (f->province));
  g_assert_cmpstr (after, ==, before);
  assert_cell (f, 1);

  dialog = d8_window_open_bundle (f->window, first);
  check = find_check (dialog, check_label);
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "import"));
  close_dialog (dialog, "import");
  assert_cell (f, 4);
}

/* Preferences: this office's fingerprint, the known offices with theirs;
 * a key registered by its fingerprint typed with spaces; one forgotten
 * only after its confirmation. */
static void
test_trust_preferences (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *own =
    d8_office_key_fingerprint (d8_office_key_get_public (f->province, NULL));
  g_autofree char *puh =
    d8_office_key_fingerprint (d8_office_key_get_public (f->unit, NULL));
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GPtrArray) trash = g_ptr_array_new ();
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *prefs = d8_preferences_window_new (GTK_WINDOW (f->window), NULL);
  gboolean own_shown = FALSE, puh_shown = FALSE;
  g_autofree char *heading = NULL;
  g_autofree char *puh_name = d8_store_describe_office_code (f->province, PUH);
  AdwMessageDialog *confirm;

  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 900);
  gtk_window_present (GTK_WINDOW (prefs));
  d8_test_wait_for_frame (prefs);
  collect_widgets (prefs, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (rows->pdata[i]);
      if (subtitle != NULL && g_str_has_prefix (subtitle, puh))
        puh_shown = TRUE;
    }
  own_shown = shows_label (prefs, own);
  g_assert_true (own_shown);
  g_assert_true (puh_shown);
  assert_no_english (prefs);
  {
    g_autoptr (GPtrArray) pages = g_ptr_array_new ();
    collect_widgets (prefs, GTK_TYPE_SCROLLED_WINDOW, pages);
    /* Scrolled to the known offices for the picture. */
    for (guint i = 0; i < pages->len; i++)
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (pages->pdata[i]);
        gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      }
  }
  shot (prefs, "trust-preferences");

  /* Forget Chư Pưh's key: asked first, cancelled, then confirmed. */
  collect_widgets (prefs, GTK_TYPE_BUTTON, trash);
  for (guint i = trash->len; i > 0; i--)
    if (g_strcmp0 (gtk_button_get_icon_name (trash->pdata[i - 1]), "user-trash-symbolic") != 0)
      g_ptr_array_remove_index (trash, i - 1);
  g_assert_cmpuint (trash->len, ==, 1);
  heading = g_strdup_printf (_("Forget the key of %s?"), puh_name);
  g_signal_emit_by_name (trash->pdata[0], "clicked");
  d8_test_spin ();
  confirm = find_message_dialog (heading);
  g_assert_nonnull (confirm);
  close_dialog (GTK_WIDGET (confirm), "cancel");
  {
    g_autoptr (D8KnownOffice) k = d8_office_keys_lookup (f->province, PUH, &error);
    g_assert_nonnull (k);
  }
  g_signal_emit_by_name (trash->pdata[0], "clicked");
  d8_test_spin ();
  confirm = find_message_dialog (heading);
  g_assert_nonnull (confirm);
  close_dialog (GTK_WIDGET (confirm), "forget");
  {
    g_autoptr (D8KnownOffice) k = d8_office_keys_lookup (f->province, PUH, &error);
    g_assert_no_error (error);
    g_assert_null (k);
  }

  /* Registered again by its fingerprint, typed as read aloud. */
  /* The key's row; the signer of the official report has two more (issue 16). */
  g_ptr_array_add (entries, gtk_widget_get_template_child (prefs, D8_TYPE_PREFERENCES_WINDOW,
                                                           "register_key_row"));
  g_assert_true (ADW_IS_ENTRY_ROW (entries->pdata[0]));
  {
    g_autoptr (GPtrArray) combos = g_ptr_array_new ();
    collect_widgets (prefs, ADW_TYPE_COMBO_ROW, combos);
    /* the language, then the office: province first, then the units */
    g_assert_cmpuint (combos->len, ==, 2);
    adw_combo_row_set_selected (combos->pdata[1], (guint) f->puh->position);
  }
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), puh);
  g_signal_emit_by_name (entries->pdata[0], "apply");
  d8_test_spin ();
  {
    g_autoptr (D8KnownOffice) k = d8_office_keys_lookup (f->province, PUH, &error);
    g_assert_no_error (error);
    g_assert_nonnull (k);
    g_assert_cmpstr (k->fingerprint, ==, puh);
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
  d8_test_spin ();
}

int
main (int argc, char *argv[])
{
  /* What main.c does, for the trust tests in Vietnamese (tests/meson.build). */
  if (is_vietnamese ())
    d8_i18n_init (NULL);
  d8_test_ui_init (&argc, &argv);
  if (g_getenv ("D8_TEST_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui-bundles/conflict-resolved-in-window", test_conflict_resolved_in_window);
  ADD ("/ui-bundles/resolve-all-in-window", test_resolve_all_in_window);
  ADD ("/ui-bundles/restore-snapshot-in-window", test_restore_snapshot_in_window);
  ADD ("/ui-bundles/preview-lists-rejections", test_preview_lists_rejections);
  ADD ("/ui-bundles/bad-bundles-change-nothing", test_bad_bundles_change_nothing);
  ADD ("/ui-bundles/preview-caps-rejections", test_preview_caps_rejections);
  ADD ("/ui-bundles/large-bundle-in-background", test_large_bundle_in_background);
  ADD ("/ui-bundles/choose-office", test_choose_office);
  ADD ("/ui-bundles/trust/new-office", test_trust_new_office);
  ADD ("/ui-bundles/trust/refused", test_trust_refused);
  ADD ("/ui-bundles/trust/older", test_trust_older);
  ADD ("/ui-bundles/trust/preferences", test_trust_preferences);
#undef ADD

  return g_test_run ();
}
