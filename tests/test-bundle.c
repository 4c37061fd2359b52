/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bundle.c — bundles between offices: the three-office round trip,
 * idempotence, conflicts and their resolution, tombstones, per-record
 * rejections, every malformed bundle refused with the database file left
 * byte for byte unchanged, and imports killed half-way. */
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "d8-bundle.h"
#include "d8-hlc.h"
#include "d8-office-keys.h"
#include "d8-snapshot.h"
#include "d8-test-office.h"
#include "d8-test-util.h"

#define PUH "gia-lai/chu-puh"
#define SE "gia-lai/chu-se"

static void
introduce_both (D8TestOffice *one, D8TestOffice *other)
{
  d8_test_office_introduce (one, other);
  d8_test_office_introduce (other, one);
}

static void
edit (D8TestOffice *o, const char *uuid, gint64 amount)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Entry) e = d8_store_get_entry (o->store, uuid, &error);

  g_assert_no_error (error);
  e->amount = amount;
  g_assert_true (d8_store_update_entry (o->store, e, FALSE, &error));
  g_assert_no_error (error);
}

static gint64
amount_of (D8TestOffice *o, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Entry) e = d8_store_get_entry (o->store, uuid, &error);

  g_assert_no_error (error);
  return e->deleted ? -1 : e->amount;
}

static char *
export (D8TestOffice *o, const char *dir, D8BundleEntries entries, guint expect_entries)
{
  g_autoptr (GError) error = NULL;
  D8BundleExportOptions options = { NULL, NULL, entries };
  D8BundleExportResult result = { 0 };
  static guint n;
  g_autofree char *name = g_strdup_printf ("b%u" D8_BUNDLE_SUFFIX, ++n);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (d8_bundle_export (o->store, &options, path, &result, &error));
  g_assert_no_error (error);
  if (expect_entries != G_MAXUINT)
    g_assert_cmpuint (result.n_entries, ==, expect_entries);
  d8_bundle_export_result_clear (&result);
  return path;
}

/* Imports and returns the preview's entry counts as "new/updated/unchanged/
 * deleted/conflicts/rejected". */
static char *
import (D8TestOffice *o, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8BundleImport) im = d8_bundle_import_new (o->store, path, &error);
  const D8BundlePreview *p;

  g_assert_no_error (error);
  g_assert_true (d8_bundle_import_apply (im, &error));
  g_assert_no_error (error);
  p = d8_bundle_import_get_preview (im);
  return g_strdup_printf ("%u/%u/%u/%u/%u/%u", p->entries[0], p->entries[1], p->entries[2],
                          p->entries[3], p->entries[4], p->entries[5]);
}

static gint64
achieved (D8TestOffice *o, guint unit, guint indicator)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Overview) ov = d8_store_compute_overview (o->store, o->plan->id, "2023-12-31",
                                                         &error);
  g_assert_no_error (error);
  return d8_overview_cell (ov, unit, indicator)->achieved;
}

static char *
sha256_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_strdup ("(none)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* The main file and the -wal, hashed. */
static char *
db_fingerprint (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *a = sha256_file (path);
  g_autofree char *b = sha256_file (wal);
  return g_strconcat (a, " ", b, NULL);
}

static void
checkpoint (D8Store *store)
{
  /* Through a second connection: the store's own handle is private. */
  sqlite3 *db;
  g_assert_cmpint (sqlite3_open (d8_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
}

/* ------------------------------------------------------------------ hlc */

static void
test_hlc (void)
{
  g_autofree char *a = d8_hlc_tick (NULL, 1689408123456, "province");
  g_autofree char *b = d8_hlc_tick (a, 1689408123456, "province");
  g_autofree char *c = d8_hlc_tick (b, 1000, PUH); /* the wall clock went back */
  g_autofree char *h = d8_hlc_history_push ("x y", a);
  D8Hlc parsed;

  g_assert_cmpstr (a, ==, "2023-07-15T08:02:03.456Z-0000-province");
  g_assert_cmpstr (b, ==, "2023-07-15T08:02:03.456Z-0001-province");
  g_assert_cmpstr (c, ==, "2023-07-15T08:02:03.456Z-0002-" PUH);
  g_assert_cmpint (strcmp (a, b), <, 0);
  g_assert_true (d8_hlc_parse (c, &parsed));
  g_assert_cmpint (parsed.wall_ms, ==, 1689408123456);
  g_assert_cmpuint (parsed.counter, ==, 2);
  g_assert_cmpstr (parsed.node, ==, PUH);
  g_assert_false (d8_hlc_is_valid ("2023-02-30T00:00:00.000Z-0000-x"));
  g_assert_false (d8_hlc_is_valid ("2023-07-15T08:02:03.456Z-00G0-x"));
  g_assert_false (d8_hlc_is_valid ("yesterday"));
  g_assert_true (d8_hlc_history_contains (h, a));
  g_assert_true (d8_hlc_history_contains (h, "y"));
  g_assert_false (d8_hlc_history_contains (h, "z"));
}

static void
test_office (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "o.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (d8_store_get_office (store), ==, "province");
  g_assert_false (d8_store_set_office (store, "gia-lai/pleiku", &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (d8_store_set_office (store, PUH, &error));
  g_clear_object (&store);
  store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_cmpstr (d8_store_get_office (store), ==, PUH);
  g_clear_object (&store);
  d8_test_rmtree (dir);
}

/* --------------------------------------------------- three offices */

static void
test_three_offices (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *prov = d8_test_office_new (dir, "province.sqlite3", "province");
  D8TestOffice *a = d8_test_office_new (dir, "puh.sqlite3", PUH);
  D8TestOffice *b = d8_test_office_new (dir, "se.sqlite3", SE);
  g_autofree char *plan_bundle = NULL, *a1 = NULL, *b1 = NULL, *back = NULL, *a2 = NULL;
  g_autofree char *counts = NULL, *before = NULL, *after = NULL;
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL, *f1 = NULL, *f2 = NULL;
  g_autoptr (GError) error = NULL;

  introduce_both (prov, a);
  introduce_both (prov, b);
  /* The province changes a quota (Chư Pưh, column 1: 4 → 5) and sends the plan. */
  {
    sqlite3 *db;
    g_assert_cmpint (sqlite3_open (prov->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE quotas SET quota = 5, written = '5' WHERE"
                                       " unit_id = (SELECT id FROM units WHERE code = '" PUH "')"
                                       " AND indicator_id = (SELECT id FROM indicators WHERE code = '1')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  plan_bundle = export (prov, dir, D8_BUNDLE_ENTRIES_DEFAULT, 0);
  {
    g_autoptr (D8BundleImport) im = d8_bundle_import_new (a->store, plan_bundle, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (d8_bundle_import_get_preview (im)->plans[D8_BUNDLE_UPDATED], ==, 1);
    g_assert_true (d8_bundle_import_apply (im, &error));
  }
  {
    g_autoptr (D8Overview) ov = d8_store_compute_overview (a->store, a->plan->id, NULL, &error);
    g_assert_cmpint (d8_overview_cell (ov, 0, 0)->quota, ==, 5);
  }
  g_free (import (b, plan_bundle));

  /* Units record, edit and delete. */
  e1 = d8_test_office_record (a, PUH, "1", "2023-03-01", 2);
  e2 = d8_test_office_record (a, PUH, "4", "2023-04-01", 1);
  e3 = d8_test_office_record (a, PUH, "SM", "2023-05-01", 30);
  edit (a, e1, 3);
  g_assert_true (d8_store_delete_entry (a->store, e2, &error));
  f1 = d8_test_office_record (b, SE, "1", "2023-03-02", 4);
  f2 = d8_test_office_record (b, SE, "5", "2023-06-01", 2);
  a1 = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT, 3);
  b1 = export (b, dir, D8_BUNDLE_ENTRIES_DEFAULT, 2);

  counts = import (prov, a1);
  g_assert_cmpstr (counts, ==, "2/0/0/1/0/0"); /* the deleted one travels as a tombstone */
  g_clear_pointer (&counts, g_free);
  counts = import (prov, b1);
  g_assert_cmpstr (counts, ==, "2/0/0/0/0/0");
  g_clear_pointer (&counts, g_free);
  /* The province's totals are what the units recorded. */
  g_assert_cmpint (achieved (prov, 0, 0), ==, achieved (a, 0, 0));
  g_assert_cmpint (achieved (prov, 0, 0), ==, 3);
  g_assert_cmpint (achieved (prov, 0, 3), ==, 0);
  g_assert_cmpint (achieved (prov, 0, 9), ==, 30);
  g_assert_cmpint (achieved (prov, 1, 0), ==, 4);
  g_assert_cmpint (achieved (prov, 1, 4), ==, 2);

  /* The same bundle twice: nothing changes, and the preview says so. */
  checkpoint (prov->store);
  before = db_fingerprint (prov->path);
  {
    g_autoptr (D8BundleImport) im = d8_bundle_import_new (prov->store, a1, &error);
    const D8BundlePreview *p = d8_bundle_import_get_preview (im);
    g_assert_no_error (error);
    g_assert_true (p->already_imported);
    g_assert_cmpuint (p->entries[D8_BUNDLE_UNCHANGED], ==, 3);
    g_assert_false (d8_bundle_import_has_changes (im));
    g_assert_true (d8_bundle_import_apply (im, &error));
    g_assert_false (p->applied);
  }
  after = db_fingerprint (prov->path);
  g_assert_cmpstr (before, ==, after);

  /* Nothing new at Chư Pưh: the next default export is empty. */
  g_free (export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT, 0));

  /* The consolidated picture goes back; every office shows the same. */
  back = export (prov, dir, D8_BUNDLE_ENTRIES_ALL, 5);
  counts = import (a, back);
  g_assert_cmpstr (counts, ==, "2/0/3/0/0/0");
  g_clear_pointer (&counts, g_free);
  counts = import (b, back);
  g_assert_cmpstr (counts, ==, "2/0/2/1/0/0"); /* the tombstone too */
  g_clear_pointer (&counts, g_free);
  d8_test_office_assert_same_figures (prov, a, "2023-12-31");
  d8_test_office_assert_same_figures (prov, b, "2023-12-31");

  /* Bookkeeping: the log and a later sequence. */
  {
    g_autoptr (GPtrArray) log = d8_bundle_list_log (prov->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 2);
  }
  edit (a, e3, 0);
  a2 = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT, 1);
  counts = import (prov, a2);
  g_assert_cmpstr (counts, ==, "0/1/0/0/0/0");
  g_clear_pointer (&counts, g_free);
  /* An older bundle of Chư Pưh arriving late is reported and changes nothing. */
  {
    g_autofree char *copy = g_build_filename (dir, "late" D8_BUNDLE_SUFFIX, NULL);
    g_autofree char *data = NULL;
    g_assert_true (g_file_get_contents (a1, &data, NULL, NULL));
    /* A re-export of a1 would have a new sequence; use a1 itself under a
     * fresh log: clear the log row so only the sequence tells. */
    {
      sqlite3 *db;
      g_assert_cmpint (sqlite3_open (prov->path, &db), ==, SQLITE_OK);
      sqlite3_exec (db, "DELETE FROM bundle_log WHERE sequence = 1 AND origin = '" PUH "'", NULL,
                    NULL, NULL);
      sqlite3_close (db);
    }
    g_assert_true (g_file_set_contents (copy, data, -1, NULL));
    {
      g_autoptr (D8BundleImport) im = d8_bundle_import_new (prov->store, copy, &error);
      const D8BundlePreview *p = d8_bundle_import_get_preview (im);
      g_assert_no_error (error);
      g_assert_true (p->rollback);
      g_assert_cmpint (p->last_sequence, ==, 3);
      g_assert_false (d8_bundle_import_has_changes (im));
      g_assert_cmpuint (p->n_stale, >=, 1);
      /* … and is refused unless allowed (issue 11). */
      g_assert_false (d8_bundle_import_apply (im, &error));
      g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
      g_clear_error (&error);
    }
  }
  g_assert_cmpint (amount_of (prov, e3), ==, -1 + 1); /* percent entry: amount 0 */

  d8_test_office_free (prov);
  d8_test_office_free (a);
  d8_test_office_free (b);
  d8_test_rmtree (dir);
}

/* ---------------------------------------------------------- conflicts */

static void
test_conflict (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *prov = d8_test_office_new (dir, "province.sqlite3", "province");
  D8TestOffice *a = d8_test_office_new (dir, "puh.sqlite3", PUH);
  g_autofree char *uuid = NULL, *counts = NULL;
  g_autofree char *x = NULL, *y = NULL, *x2 = NULL, *y2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;

  introduce_both (prov, a);
  uuid = d8_test_office_record (a, PUH, "1", "2023-03-01", 2);
  g_free (import (prov, x = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT, 1)));

  /* Both edit the same entry before exchanging again. */
  edit (a, uuid, 7);
  g_usleep (2000);
  edit (prov, uuid, 9);
  x2 = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT, 1);
  y = export (prov, dir, D8_BUNDLE_ENTRIES_ALL, 1);

  counts = import (prov, x2);
  g_assert_cmpstr (counts, ==, "0/0/0/0/1/0");
  g_clear_pointer (&counts, g_free);
  counts = import (a, y);
  g_assert_cmpstr (counts, ==, "0/0/0/0/1/0");
  g_clear_pointer (&counts, g_free);
  /* Both keep both versions and show the same default: the later stamp. */
  g_assert_cmpint (amount_of (prov, uuid), ==, 9);
  g_assert_cmpint (amount_of (a, uuid), ==, 9);
  conflicts = d8_bundle_list_conflicts (prov->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  {
    D8Conflict *c = conflicts->pdata[0];
    g_assert_cmpstr (c->uuid, ==, uuid);
    g_assert_cmpint (c->mine->amount, ==, 9);
    g_assert_cmpint (c->theirs->amount, ==, 7);
    g_assert_true (c->shown_is_mine);
  }
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* The same choice made on both sides converges without a new conflict. */
  g_assert_true (d8_bundle_resolve (prov->store, uuid, D8_BUNDLE_KEEP_THEIRS, &error));
  g_assert_no_error (error);
  g_assert_true (d8_bundle_resolve (a->store, uuid, D8_BUNDLE_KEEP_MINE, &error));
  g_assert_no_error (error);
  g_assert_false (d8_bundle_resolve (a->store, uuid, D8_BUNDLE_KEEP_MINE, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (amount_of (prov, uuid), ==, 7);
  g_assert_cmpint (amount_of (a, uuid), ==, 7);
  y2 = export (prov, dir, D8_BUNDLE_ENTRIES_SINCE_LAST, 1);
  counts = import (a, y2);
  g_assert_cmpstr (counts, ==, "0/0/1/0/0/0");
  g_clear_pointer (&counts, g_free);
  g_free (x);
  x = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT, 1);
  counts = import (prov, x);
  g_assert_cmpstr (counts, ==, "0/0/1/0/0/0");
  g_clear_pointer (&counts, g_free);
  conflicts = d8_bundle_list_conflicts (a->store, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* Resolved on one side only: the other side takes the resolution. */
  edit (a, uuid, 1);
  edit (prov, uuid, 2);
  g_free (x);
  g_free (y);
  x = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT, 1);
  g_free (import (prov, x));
  g_assert_true (d8_bundle_resolve (prov->store, uuid, D8_BUNDLE_KEEP_MINE, &error));
  y = export (prov, dir, D8_BUNDLE_ENTRIES_SINCE_LAST, 1);
  counts = import (a, y);
  g_assert_cmpstr (counts, ==, "0/1/0/0/0/0");
  g_clear_pointer (&counts, g_free);
  g_assert_cmpint (amount_of (a, uuid), ==, 2);
  conflicts = d8_bundle_list_conflicts (a->store, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);

  d8_test_office_free (prov);
  d8_test_office_free (a);
  d8_test_rmtree (dir);
}

/* ---------------------------------------------------------- tombstones */

static void
test_tombstones (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *prov = d8_test_office_new (dir, "province.sqlite3", "province");
  D8TestOffice *a = d8_test_office_new (dir, "puh.sqlite3", PUH);
  g_autofree char *u1 = NULL, *u2 = NULL, *counts = NULL, *x = NULL;
  g_autoptr (GError) error = NULL;

  introduce_both (prov, a);
  u1 = d8_test_office_record (a, PUH, "1", "2023-03-01", 2);
  u2 = d8_test_office_record (a, PUH, "1", "2023-03-02", 5);
  g_free (import (prov, x = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT, 2)));
  g_assert_cmpint (achieved (prov, 0, 0), ==, 7);

  /* A deletion of the version the province has: it wins. */
  g_assert_true (d8_store_delete_entry (a->store, u1, &error));
  /* A deletion of a version the province has since edited: it does not. */
  g_assert_true (d8_store_delete_entry (a->store, u2, &error));
  edit (prov, u2, 6);
  g_free (x);
  x = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT, 2);
  counts = import (prov, x);
  g_assert_cmpstr (counts, ==, "0/0/0/1/1/0");
  g_assert_cmpint (amount_of (prov, u1), ==, -1);
  g_assert_cmpint (amount_of (prov, u2), !=, 0);
  /* Undelete travels too. */
  g_assert_true (d8_store_undelete_entry (a->store, u1, &error));
  g_free (x);
  x = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT, 1);
  g_clear_pointer (&counts, g_free);
  counts = import (prov, x);
  g_assert_cmpstr (counts, ==, "0/1/0/0/0/0");
  g_assert_cmpint (amount_of (prov, u1), ==, 2);

  d8_test_office_free (prov);
  d8_test_office_free (a);
  d8_test_rmtree (dir);
}

/* ------------------------------------------------ per-record rejections */

static void
test_rejections (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *prov = d8_test_office_new (dir, "province.sqlite3", "province");
  D8TestOffice *a = d8_test_office_new (dir, "puh.sqlite3", PUH);
  g_autofree char *policy = d8_test_source_path ("tests", "data", "bundles",
                                                 "policy-unit-office.duan8.json", NULL);
  g_autofree char *nfd = d8_test_source_path ("tests", "data", "bundles",
                                              "good-nfd-note.duan8.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8BundleImport) im = NULL;
  const D8BundlePreview *p;
  static const char *const fields[] = { "unit", "indicator", "plan", "unit", "reached",
                                        "version" };
  g_autofree char *before = NULL, *after = NULL;

  d8_test_trust_fixture_key (prov->store, PUH);
  d8_test_trust_fixture_key (a->store, "province");
  im = d8_bundle_import_new (prov->store, policy, &error);
  g_assert_no_error (error);
  p = d8_bundle_import_get_preview (im);
  g_assert_cmpuint (p->entries[D8_BUNDLE_NEW], ==, 1);
  g_assert_cmpuint (p->entries[D8_BUNDLE_REJECTED], ==, 6);
  g_assert_cmpuint (p->plans[D8_BUNDLE_REJECTED], ==, 1);
  g_assert_cmpuint (p->rejections->len, ==, 7);
  g_assert_cmpstr (((D8BundleRejection *) p->rejections->pdata[0])->record, ==, "plans[0]");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      D8BundleRejection *r = p->rejections->pdata[i + 1];
      g_autofree char *record = g_strdup_printf ("entries[%u]", i + 1);
      g_assert_cmpstr (r->record, ==, record);
      g_assert_cmpstr (r->field, ==, fields[i]);
      g_assert_nonnull (r->uuid);
      g_assert_nonnull (r->reason);
    }
  {
    g_autofree char *json = d8_bundle_preview_to_json (p);
    g_assert_nonnull (strstr (json, "\"rejected\" : 6"));
  }
  /* The plan and Chư Sê's entry are not Chư Pưh's to send (issue 11): the
   * whole bundle is refused, and nothing is written. */
  g_assert_cmpuint (p->n_forbidden, ==, 2);
  g_assert_true (((D8BundleRejection *) p->rejections->pdata[0])->forbidden);
  g_assert_true (((D8BundleRejection *) p->rejections->pdata[1])->forbidden);
  g_assert_false (((D8BundleRejection *) p->rejections->pdata[2])->forbidden);
  checkpoint (prov->store);
  before = db_fingerprint (prov->path);
  g_assert_false (d8_bundle_import_apply (im, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "may not send"));
  g_clear_error (&error);
  after = db_fingerprint (prov->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (achieved (prov, 0, 0), ==, 0);
  g_assert_cmpint (achieved (prov, 1, 0), ==, 0);
  g_clear_pointer (&im, d8_bundle_import_free);

  /* NFD text arrives as NFC. */
  {
    g_autoptr (D8BundleImport) im2 = d8_bundle_import_new (a->store, nfd, &error);
    g_autoptr (D8Entry) e = NULL;
    g_assert_no_error (error);
    g_assert_true (d8_bundle_import_apply (im2, &error));
    e = d8_store_get_entry (a->store, "00000000-0000-4000-8000-000000000021", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (e->note, ==, "Ngh\xe1\xbb\x87 thuật");
  }
  /* An office does not import its own bundle, and a unit office only the province's. */
  {
    g_autofree char *own = export (a, dir, D8_BUNDLE_ENTRIES_ALL, G_MAXUINT);
    g_autoptr (D8BundleImport) im3 = d8_bundle_import_new (a->store, own, &error);
    g_assert_null (im3);
    g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
    g_clear_error (&error);
  }
  d8_test_office_free (prov);
  d8_test_office_free (a);
  d8_test_rmtree (dir);
}

/* ----------------------------------------------------------- malformed */

static const struct
{
  const char *file;
  const char *fragment; /* the message names the record or field */
} malformed[] = {
  { "bad-not-json", "not a duan8 bundle" },
  { "bad-empty", "empty" },
  { "bad-root-array", "not a duan8 bundle" },
  { "bad-format-name", "format" },
  { "bad-newer-major", "update duan8" },
  { "bad-format-version-text", "format_version" },
  { "bad-digest-mismatch", "digest" },
  { "bad-digest-missing", "digest" },
  { "bad-truncated", "cut off" },
  { "bad-truncated-in-text", "cut off" },
  { "bad-duplicate-uuid", "entries[1] (00000000-0000-4000-8000-000000000001): uuid" },
  { "bad-duplicate-key", "“amount” appears twice" },
  { "bad-negative-amount", "entries[1] (00000000-0000-4000-8000-000000000002): amount: -3" },
  { "bad-fractional-amount", "amount: 1.5 is not a whole number" },
  { "bad-nan-amount", "not a valid JSON value" },
  { "bad-infinite-amount", "too large" },
  { "bad-huge-amount", "amount: 10000000000000000 is out of range" },
  { "bad-exponent-amount", "amount" },
  { "bad-amount-text", "amount: expected a whole number" },
  { "bad-impossible-date", "date: “2023-02-30”" },
  { "bad-date-format", "date" },
  { "bad-invalid-utf8", "UTF-8" },
  { "bad-lone-surrogate", "surrogate" },
  { "bad-nul-escape", "NUL" },
  { "bad-raw-control", "control character" },
  { "bad-uuid", "uuid" },
  { "bad-missing-date", "date: required member is missing" },
  { "bad-unknown-member", "colour: unknown member" },
  { "bad-version-stamp", "version" },
  { "bad-history-not-list", "history" },
  { "bad-deleted-not-bool", "deleted" },
  { "bad-created-at", "created_at" },
  { "bad-trailing-garbage", "more data after" },
  { "bad-bom", "byte-order mark" },
  { "bad-sequence-zero", "sequence" },
  { "bad-bundle-id", "bundle_id" },
  { "bad-header-duplicate", "“origin” appears twice" },
  { "bad-entry-not-object", "entries[1]: expected an object" },
  { "bad-plan-document", "plans[0]" },
  { "bad-deep-nesting", "nested too deeply" },
};

static void
test_malformed (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *prov = d8_test_office_new (dir, "province.sqlite3", "province");
  g_autofree char *before = NULL;
  g_autofree char *oversize = g_build_filename (dir, "huge" D8_BUNDLE_SUFFIX, NULL);
  g_autoptr (GError) error = NULL;
  guint n = 0;

  /* Some history first, so the WAL and the tables are not empty. */
  g_free (d8_test_office_record (prov, PUH, "1", "2023-03-01", 2));
  checkpoint (prov->store);
  g_free (d8_test_office_record (prov, PUH, "1", "2023-03-02", 3));
  before = db_fingerprint (prov->path);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *name = g_strconcat (malformed[i].file, D8_BUNDLE_SUFFIX, NULL);
      g_autofree char *path = d8_test_source_path ("tests", "data", "bundles", name, NULL);
      g_autoptr (D8BundleImport) im = d8_bundle_import_new (prov->store, path, &error);
      g_autofree char *after = NULL;

      if (im != NULL)
        g_error ("%s was accepted", name);
      g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
      if (strstr (error->message, malformed[i].fragment) == NULL)
        g_error ("%s: message “%s” lacks “%s”", name, error->message, malformed[i].fragment);
      g_assert_nonnull (strstr (error->message, name));
      g_test_message ("%s: %s", name, error->message);
      g_clear_error (&error);
      after = db_fingerprint (prov->path);
      g_assert_cmpstr (before, ==, after);
      n++;
    }
  /* Over the size limit (a sparse file: nothing is read). */
  {
    FILE *f = fopen (oversize, "w");
    g_assert_nonnull (f);
    g_assert_cmpint (ftruncate (fileno (f), D8_BUNDLE_MAX_SIZE + 1), ==, 0);
    fclose (f);
    g_assert_null (d8_bundle_import_new (prov->store, oversize, &error));
    g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "MB"));
    g_clear_error (&error);
    n++;
  }
  {
    g_autofree char *after = db_fingerprint (prov->path);
    g_autofree char *snapshots = d8_snapshot_dir (prov->store);
    g_assert_cmpstr (before, ==, after);
    g_assert_false (g_file_test (snapshots, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpuint (n, >=, 30);
  d8_test_office_free (prov);
  d8_test_rmtree (dir);
}

/* ----------------------------------------------------------- snapshots */

static void
test_snapshots (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *prov = d8_test_office_new (dir, "province.sqlite3", "province");
  D8TestOffice *a = d8_test_office_new (dir, "puh.sqlite3", PUH);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *first = NULL;

  introduce_both (prov, a);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *path = NULL;
      g_free (d8_test_office_record (a, PUH, "1", "2023-03-01", i + 1));
      path = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT, 1);
      g_free (import (prov, path));
      if (i == 0)
        {
          list = d8_snapshot_list (prov->store, &error);
          first = g_strdup (((D8Snapshot *) list->pdata[0])->name);
          g_clear_pointer (&list, g_ptr_array_unref);
        }
    }
  list = d8_snapshot_list (prov->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, D8_SNAPSHOT_KEEP);
  g_assert_cmpstr (((D8Snapshot *) list->pdata[0])->reason, ==, "import");
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpint (achieved (prov, 0, 0), ==, 78);

  /* Back to the state before the 12th import. */
  list = d8_snapshot_list (prov->store, &error);
  g_assert_true (d8_snapshot_restore (prov->store, ((D8Snapshot *) list->pdata[0])->name, &error));
  g_assert_no_error (error);
  g_assert_cmpint (achieved (prov, 0, 0), ==, 66);
  g_assert_cmpstr (d8_store_get_office (prov->store), ==, "province");
  g_assert_false (d8_snapshot_restore (prov->store, first, &error)); /* pruned */
  g_assert_error (error, D8_ERROR, D8_ERROR_NOT_FOUND);

  d8_test_office_free (prov);
  d8_test_office_free (a);
  d8_test_rmtree (dir);
}

/* ------------------------------------------------------- killed import */

static char *
query (const char *db_path, const char *sql)
{
  return d8_test_run ("sqlite3", db_path, sql, NULL);
}

static int
run_helper (const char *db, const char *bundle, const char *point, guint64 n, guint kill_after_ms)
{
  g_autofree char *helper = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "test-bundle-kill", NULL);
  g_autofree char *n_text = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  char *argv[] = { helper, (char *) db, (char *) bundle, (char *) point, n_text, NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;
  int status;

  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD
                                | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  if (kill_after_ms)
    {
      g_usleep (kill_after_ms * 1000);
      kill (pid, SIGKILL);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return status;
}

static void
test_kill (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  D8TestOffice *a = d8_test_office_new (dir, "puh.sqlite3", PUH);
  g_autofree char *db = g_build_filename (dir, "province.sqlite3", NULL);
  g_autofree char *bundle = NULL, *before = NULL, *dump = NULL, *full = NULL;
  GRand *rand = g_rand_new_with_seed (1653);
  const guint n = 3000;
  guint killed_mid = 0, completed = 0;

  {
    D8TestOffice *prov = d8_test_office_new (dir, "province.sqlite3", "province");
    g_free (d8_test_office_record (prov, PUH, "1", "2023-03-01", 1));
    d8_test_office_introduce (prov, a);
    d8_test_office_free (prov);
  }
  for (guint i = 0; i < n; i++)
    g_free (d8_test_office_record (a, PUH, (const char *[]) { "1", "4", "5" }[i % 3],
                                   "2023-03-01", i % 4));
  bundle = export (a, dir, D8_BUNDLE_ENTRIES_DEFAULT, n);
  d8_test_office_free (a);
  {
    /* The reference: a store with the import done. */
    g_autofree char *copy = g_build_filename (dir, "full.sqlite3", NULL);
    g_free (d8_test_run ("cp", db, copy, NULL));
    g_assert_true (WIFEXITED (run_helper (copy, bundle, "none", 0, 0)));
    full = query (copy, "SELECT count(*), sum(amount) FROM entries;");
  }
  before = db_fingerprint (db);
  dump = d8_test_dump (db);

  for (guint run = 0; run < 30; run++)
    {
      static const char *const points[] = { "snapshot", "begin", "entry", "entry", "entry",
                                            "before-commit" };
      const char *point = points[run % G_N_ELEMENTS (points)];
      guint64 at = g_str_equal (point, "entry") ? g_rand_int_range (rand, 1, n) : 0;
      gboolean timed = run >= 20;
      int status = run_helper (db, bundle, timed ? "none" : point, at,
                               timed ? g_rand_int_range (rand, 5, 120) : 0);

      if (!timed)
        {
          g_autofree char *after = NULL;
          g_autofree char *main_before = g_strndup (before, 64);
          g_autofree char *main_after = NULL;

          g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
          /* The main file is untouched; the -wal may hold uncommitted
           * frames that SQLite ignores, so the content is compared too. */
          after = db_fingerprint (db);
          main_after = g_strndup (after, 64);
          g_assert_cmpstr (main_before, ==, main_after);
          {
            g_autofree char *dump_after = d8_test_dump (db);
            g_assert_cmpstr (dump, ==, dump_after);
          }
          killed_mid++;
        }
      else
        {
          /* Killed at a random moment: all or nothing. */
          g_autofree char *state = query (db, "SELECT count(*), sum(amount) FROM entries;");
          g_autofree char *check = query (db, "PRAGMA integrity_check;");
          g_autofree char *sums = query (db, "SELECT (SELECT sum(amount) FROM entries WHERE"
                                             " deleted = 0) = (SELECT sum(amount) FROM entry_totals);");
          g_assert_cmpstr (check, ==, "ok\n");
          g_assert_cmpstr (sums, ==, "1\n");
          if (g_str_equal (state, full))
            {
              completed++;
              break; /* applied: later runs would find it already imported */
            }
          g_assert_cmpstr (state, ==, "1|1\n");
        }
    }
  g_test_message ("killed mid-import %u times, completed once: %u", killed_mid, completed);
  g_assert_cmpuint (killed_mid, ==, 20);
  g_rand_free (rand);
  d8_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundle/hlc", test_hlc);
  g_test_add_func ("/bundle/office", test_office);
  g_test_add_func ("/bundle/three-offices", test_three_offices);
  g_test_add_func ("/bundle/conflict", test_conflict);
  g_test_add_func ("/bundle/tombstones", test_tombstones);
  g_test_add_func ("/bundle/rejections", test_rejections);
  g_test_add_func ("/bundle/malformed", test_malformed);
  g_test_add_func ("/bundle/snapshots", test_snapshots);
  g_test_add_func ("/bundle/kill", test_kill);
  return g_test_run ();
}
