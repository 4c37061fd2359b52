/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-bundle.c — the import of a bundle as one object (d8-bundle.h):
 * open and map the file, have it read and checked (d8-bundle-read.c),
 * check where it comes from, classify its records against the database
 * for a preview (d8-bundle-merge.c), and apply it in one transaction after
 * a snapshot. The preview's JSON and counts in words are here too.
 *
 * The rest of the module: d8-bundle-export.c writes bundles,
 * d8-bundle-log.c lists imports and conflicts and resolves them;
 * d8-bundle-private.h says what the files share.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "d8-bundle-private.h"
#include "d8-format.h"
#include "d8-hlc.h"
#include "d8-office-keys.h"
#include "d8-snapshot.h"
#include "d8-store-private.h"

void (*d8_bundle_test_hook) (const char *point, guint64 n);

/**
 * d8_bundle_set_test_hook:
 * @hook: (nullable): called at points of an import, or NULL
 *
 * Tests only: see d8-bundle.h.
 */
void
d8_bundle_set_test_hook (void (*hook) (const char *point, guint64 n))
{
  d8_bundle_test_hook = hook;
}

static void
rejection_free (D8BundleRejection *rejection)
{
  g_free (rejection->record);
  g_free (rejection->uuid);
  g_free (rejection->field);
  g_free (rejection->reason);
  g_free (rejection);
}

static void
preview_clear (D8BundlePreview *p)
{
  g_free (p->file_name);
  g_free (p->bundle_id);
  g_free (p->origin);
  g_free (p->created_at);
  g_free (p->app_version);
  g_free (p->digest);
  g_free (p->imported_at);
  g_free (p->snapshot);
  g_free (p->signer_key);
  g_free (p->signer_fingerprint);
  g_free (p->known_fingerprint);
  g_clear_pointer (&p->rejections, g_ptr_array_unref);
  g_clear_pointer (&p->conflicts, g_ptr_array_unref);
}

/**
 * d8_bundle_import_free:
 * @import: (nullable): an import
 *
 * Frees the import and its preview.
 */
void
d8_bundle_import_free (D8BundleImport *import)
{
  if (import == NULL)
    return;
  g_clear_object (&import->store);
  g_free (import->path);
  g_string_chunk_free (import->strings);
  g_array_unref (import->recs);
  g_ptr_array_unref (import->plan_recs);
  g_free (import->outcomes);
  g_free (import->plan_outcomes);
  g_hash_table_unref (import->plan_infos);
  g_free (import->drift_limit);
  g_free (import->signature);
  g_clear_pointer (&import->offices, g_ptr_array_unref);
  g_clear_pointer (&import->sender_units, g_hash_table_unref);
  g_clear_pointer (&import->report_recs, g_ptr_array_unref);
  g_free (import->report_outcomes);
  preview_clear (&import->preview);
  g_free (import);
}

/**
 * d8_bundle_import_get_preview:
 * @import: an import
 *
 * Returns: (transfer none): what the import would do (after
 *   d8_bundle_import_new()) or did (after d8_bundle_import_apply()).
 */
const D8BundlePreview *
d8_bundle_import_get_preview (D8BundleImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return &import->preview;
}

/**
 * d8_bundle_import_has_changes:
 * @import: an import
 *
 * Returns: %TRUE when apply would write something: an entry or plan that
 *   is new, updated, deleted or in conflict, or the key of an office seen
 *   for the first time (or registered by its fingerprint only).
 */
gboolean
d8_bundle_import_has_changes (D8BundleImport *import)
{
  const D8BundlePreview *p;

  g_return_val_if_fail (import != NULL, FALSE);
  p = &import->preview;
  for (int o = 0; o < D8_BUNDLE_N_OUTCOMES; o++)
    if (o != D8_BUNDLE_UNCHANGED && o != D8_BUNDLE_REJECTED
        && (p->entries[o] || p->plans[o] || p->reports[o]))
      return TRUE;
  /* The key of a first office, or of one registered by its fingerprint,
   * is recorded by apply even when no record changes. */
  return p->trust == D8_BUNDLE_TRUST_NEW_OFFICE || import->key_to_complete;
}

/* Maps the file at @path and has it read and checked. */
static gboolean
map_and_read (D8BundleImport *im, const char *path, GError **error)
{
  struct stat st;
  void *data;
  int fd;
  gboolean ok;

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("Cannot read the bundle %s: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  if (st.st_size > D8_BUNDLE_MAX_SIZE)
    {
      close (fd);
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("%s: file: the bundle is %lld MB, more than the %lld MB a bundle may have; "
                     "export it in parts (for example one plan or one unit at a time)"),
                   im->preview.file_name, (long long) (st.st_size / (1024 * 1024)),
                   (long long) (D8_BUNDLE_MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }
  if (st.st_size == 0)
    {
      close (fd);
      return d8_bundle_refuse (error, im->preview.file_name, _("file"), NULL,
                               _("the file is empty"));
    }
  data = mmap (NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close (fd);
  if (data == MAP_FAILED)
    {
      int saved_errno = errno;
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("Cannot read the bundle %s: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }
#ifdef MADV_SEQUENTIAL
  madvise (data, st.st_size, MADV_SEQUENTIAL);
#endif
  ok = d8_bundle_read (im, data, st.st_size, error);
  munmap (data, st.st_size);
  return ok;
}

/* Whether this installation, still the province's, is new enough to take
 * a bundle of the province made elsewhere: it holds only the plans every
 * new database is given, and never did anything with them: no entry (even
 * deleted), no report, no revision or amendment, no bundle exported or
 * imported, no office's key known. A real province that has only issued
 * its plan already differs (its plan), so another installation's
 * "province" bundle, confirmed by mistake, cannot rewrite its plans or
 * plant keys; and the bundle must not be its own (another key). */
static gboolean
takes_province_bundle (D8BundleImport *im)
{
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autofree char *sequence = d8_store_meta_get (im->store, "bundle_sequence");
  const char *own_key;

  if (sequence != NULL || im->preview.signer_key == NULL)
    return FALSE;
  stmt = d8_sql_prepare (d8_store_get_db (im->store),
                         "SELECT (SELECT count(*) FROM plans) <= ?1"
                         " AND NOT EXISTS (SELECT 1 FROM entries)"
                         " AND NOT EXISTS (SELECT 1 FROM unit_reports)"
                         " AND NOT EXISTS (SELECT 1 FROM plan_revisions)"
                         " AND NOT EXISTS (SELECT 1 FROM bundle_log)"
                         " AND NOT EXISTS (SELECT 1 FROM office_keys)",
                         NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d8_store_n_embedded_plans ());
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0)
    return FALSE;
  own_key = d8_office_key_get_public (im->store, NULL);
  return own_key != NULL && !g_str_equal (own_key, im->preview.signer_key);
}

/* A bundle goes from the province to a unit office, or from a unit office
 * to the province, never to where it was made; except that a new
 * installation, still the province's (takes_province_bundle()), takes
 * another installation's bundle of the province: that is how a unit
 * office of a plan it does not have yet gets it, before its unit can be
 * chosen from the plan's units. */
static gboolean
check_origin (D8BundleImport *im, GError **error)
{
  const char *office = d8_store_get_office (im->store);
  /* Offices by name, not by their codes ("province" is no word of a
   * Vietnamese sentence) */
  g_autofree char *office_name = d8_store_describe_office (im->store);
  g_autofree char *origin_name = d8_store_describe_office_code (im->store, im->preview.origin);

  if (g_str_equal (im->preview.origin, "province") && g_str_equal (office, "province")
      && takes_province_bundle (im))
    return TRUE;
  if (g_str_equal (im->preview.origin, office) && g_str_equal (office, "province"))
    /* The usual slip: a new installation is the province's until its unit
     * is chosen, so a unit office's first import of the plan lands here */
    return d8_bundle_refuse (error, im->preview.file_name, "origin", NULL,
                             _("this bundle was made by the province's office, and this "
                               "installation is the province's office too; at a unit's office, "
                               "set the unit as the office first"));
  if (g_str_equal (im->preview.origin, office))
    return d8_bundle_refuse (error, im->preview.file_name, "origin", NULL,
                             _("this bundle was made by this office (%s); import bundles from "
                               "the other offices"), office_name);
  if (!g_str_equal (office, "province") && !g_str_equal (im->preview.origin, "province"))
    return d8_bundle_refuse (error, im->preview.file_name, "origin", NULL,
                             _("this bundle comes from the office of %s and is meant for the "
                               "province; this office (%s) imports bundles from the province "
                               "only"), origin_name, office_name);
  return TRUE;
}

/* Whether this bundle, or a later one from its origin, was imported
 * before. */
static gboolean
read_history (D8BundleImport *im, GError **error)
{
  sqlite3 *db = d8_store_get_db (im->store);
  D8BundlePreview *p = &im->preview;
  g_autoptr (D8SqlStmt) log = NULL;
  g_autoptr (D8SqlStmt) peer = NULL;

  gboolean same_file = FALSE;

  /* Ids are kept in lower case; older logs may hold another case. */
  log = d8_sql_prepare (db, "SELECT imported_at, digest FROM bundle_log"
                            " WHERE lower (bundle_id) = ?", error);
  if (log == NULL)
    return FALSE;
  sqlite3_bind_text (log, 1, p->bundle_id, -1, SQLITE_STATIC);
  if (sqlite3_step (log) == SQLITE_ROW)
    {
      p->already_imported = TRUE;
      p->imported_at = d8_sql_column_dup (log, 0);
      same_file = g_strcmp0 (d8_sql_column_text (log, 1), p->digest) == 0;
    }
  peer = d8_sql_prepare (db, "SELECT sequence FROM peer_sequences WHERE origin = ?", error);
  if (peer == NULL)
    return FALSE;
  sqlite3_bind_text (peer, 1, p->origin, -1, SQLITE_STATIC);
  if (sqlite3_step (peer) == SQLITE_ROW)
    {
      p->last_sequence = sqlite3_column_int64 (peer, 0);
      /* The very file imported before is no rollback (it changes nothing);
       * another file under a known id, or a lower number, is. */
      p->rollback = !same_file && p->sequence <= p->last_sequence;
    }
  return TRUE;
}

/* Who signed the bundle, against the key known here for its office; and
 * the units that office speaks for. */
static gboolean
read_trust (D8BundleImport *im, GError **error)
{
  D8BundlePreview *p = &im->preview;
  g_autoptr (D8KnownOffice) known = NULL;
  g_autoptr (GError) local_error = NULL;

  if (!g_str_equal (p->origin, "province"))
    {
      im->sender_units = d8_store_office_units (im->store, p->origin, error);
      if (im->sender_units == NULL)
        return FALSE;
    }
  if (p->signer_key == NULL)
    {
      p->trust = D8_BUNDLE_TRUST_UNSIGNED;
      return TRUE;
    }
  known = d8_office_keys_lookup (im->store, p->origin, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (known == NULL)
    p->trust = D8_BUNDLE_TRUST_NEW_OFFICE;
  else if (known->public_key ? g_str_equal (known->public_key, p->signer_key)
                             : g_str_equal (known->fingerprint, p->signer_fingerprint))
    {
      p->trust = D8_BUNDLE_TRUST_KNOWN;
      im->key_to_complete = known->public_key == NULL;
    }
  else
    {
      p->trust = D8_BUNDLE_TRUST_KEY_CHANGED;
      p->known_fingerprint = g_strdup (known->fingerprint);
    }
  return TRUE;
}

/**
 * d8_bundle_trust_key:
 * @trust: a trust state
 *
 * Returns: its stable English key for JSON output.
 */
const char *
d8_bundle_trust_key (D8BundleTrust trust)
{
  switch (trust)
    {
    case D8_BUNDLE_TRUST_KNOWN:
      return "known";
    case D8_BUNDLE_TRUST_NEW_OFFICE:
      return "new-office";
    case D8_BUNDLE_TRUST_KEY_CHANGED:
      return "key-changed";
    case D8_BUNDLE_TRUST_UNSIGNED:
      return "unsigned";
    default:
      return "";
    }
}

/**
 * d8_bundle_import_set_trust_new_office:
 * @import: an import
 * @trust: whether the person confirmed the office's fingerprint
 *
 * For a bundle whose preview's trust is D8_BUNDLE_TRUST_NEW_OFFICE: the
 * person compared preview->signer_fingerprint with the one the sending
 * office read aloud. Apply then records the office's key; later bundles
 * must be signed by it.
 */
void
d8_bundle_import_set_trust_new_office (D8BundleImport *import, gboolean trust)
{
  g_return_if_fail (import != NULL);
  import->trust_new_office = trust;
}

/**
 * d8_bundle_import_set_allow_older:
 * @import: an import
 * @allow: whether the person confirmed importing an older bundle
 *
 * For a bundle whose preview says rollback: it is not newer than the last
 * one imported from its office. Apply refuses it unless allowed.
 */
void
d8_bundle_import_set_allow_older (D8BundleImport *import, gboolean allow)
{
  g_return_if_fail (import != NULL);
  import->allow_older = allow;
}

/**
 * d8_bundle_import_check:
 * @import: an import
 * @error: D8_ERROR_INVALID with what happened and what to do
 *
 * Whether apply would go ahead: the bundle is signed by the key known
 * for its office (or a new office was confirmed), carries nothing its
 * office may not send, and is not older than the last one from it (or
 * that was allowed).
 *
 * Returns: %TRUE when apply may go ahead.
 */
gboolean
d8_bundle_import_check (D8BundleImport *import, GError **error)
{
  D8BundlePreview *p;
  g_autofree char *office = NULL;

  g_return_val_if_fail (import != NULL, FALSE);
  p = &import->preview;
  office = d8_store_describe_office_code (import->store, p->origin);
  switch (p->trust)
    {
    case D8_BUNDLE_TRUST_UNSIGNED:
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("%s: this bundle is not signed, so nothing shows that it comes from %s; it "
                     "was refused. Ask that office to update duan8 and export it again."),
                   p->file_name, office);
      return FALSE;
    case D8_BUNDLE_TRUST_KEY_CHANGED:
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("%s: this bundle is signed with a key (fingerprint %s) other than the one "
                     "known here for %s (fingerprint %s): it may be forged, and it was refused. "
                     "If that office reinstalled duan8 or lost its key, phone it and have its "
                     "new fingerprint read aloud; if it matches, register its new key (duan8-cli "
                     "trust-office %s --key KEY) and import again."),
                   p->file_name, p->signer_fingerprint, office, p->known_fingerprint, p->origin);
      return FALSE;
    case D8_BUNDLE_TRUST_NEW_OFFICE:
      if (!import->trust_new_office)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       _("%s: this is the first bundle from %s here. Phone that office and have "
                         "it read its fingerprint aloud; if it is %s, import again and confirm "
                         "the new office (duan8-cli: --trust-new-office)."),
                       p->file_name, office, p->signer_fingerprint);
          return FALSE;
        }
      break;
    case D8_BUNDLE_TRUST_KNOWN:
    default:
      break;
    }
  if (p->n_forbidden > 0)
    {
      const char *first = "";
      for (guint i = 0; i < p->rejections->len; i++)
        if (((D8BundleRejection *) p->rejections->pdata[i])->forbidden)
          {
            first = ((D8BundleRejection *) p->rejections->pdata[i])->reason;
            break;
          }
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: the bundle from %s carries %u record it may not send (%s); "
                                "it was refused as a whole and nothing was imported. Ask that "
                                "office to export again; if this happens again, the file was "
                                "altered on its way.",
                                "%s: the bundle from %s carries %u records it may not send "
                                "(the first: %s); it was refused as a whole and nothing was "
                                "imported. Ask that office to export again; if this happens "
                                "again, the file was altered on its way.",
                                p->n_forbidden),
                   p->file_name, office, p->n_forbidden, first);
      return FALSE;
    }
  if (p->rollback && !import->allow_older)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("%s: this bundle (number %lld) is not newer than the last one imported "
                     "from %s (number %lld); importing it could bring back older figures, and "
                     "it was refused. Import it only if you are sure it should be (duan8-cli: "
                     "--allow-older)."),
                   p->file_name, (long long) p->sequence, office, (long long) p->last_sequence);
      return FALSE;
    }
  return TRUE;
}

/**
 * d8_bundle_import_new:
 * @store: the store to import into
 * @path: the bundle file
 * @error: D8_ERROR_NOT_FOUND when the file cannot be opened,
 *   D8_ERROR_INVALID when the bundle is refused (malformed, too large,
 *   made here, or from a unit office to a unit office), or a database error
 *
 * Reads and checks the whole bundle and classifies its records against
 * the database in one read transaction. Writes nothing.
 *
 * Returns: (transfer full) (nullable): the import, with its preview.
 */
D8BundleImport *
d8_bundle_import_new (D8Store *store, const char *path, GError **error)
{
  g_autoptr (D8BundleImport) im = NULL;
  g_auto (Pass) pass = { 0 };
  gboolean ok;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  im = g_new0 (D8BundleImport, 1);
  im->store = g_object_ref (store);
  im->path = g_strdup (path);
  im->strings = g_string_chunk_new (1 << 20);
  im->recs = g_array_new (FALSE, TRUE, sizeof (Rec));
  im->plan_recs = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_bundle_plan_rec_free);
  im->plan_infos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) d8_bundle_plan_info_free);
  im->preview.file_name = g_path_get_basename (path);
  im->preview.rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) rejection_free);
  im->preview.conflicts = g_ptr_array_new_with_free_func (g_free);
  im->drift_limit = d8_hlc_time_string (d8_hlc_now_ms () + D8_HLC_MAX_DRIFT_MS);

  if (!map_and_read (im, path, error) || !check_origin (im, error) || !read_history (im, error)
      || !read_trust (im, error))
    return NULL;

  im->outcomes = g_new0 (guint8, MAX (im->recs->len, 1));
  im->plan_outcomes = g_new0 (guint8, MAX (im->plan_recs->len, 1));
  /* One read transaction: the preview sees one consistent state. */
  if (!d8_sql_exec (d8_store_get_db (store), "BEGIN;", error))
    return NULL;
  ok = d8_bundle_run_pass (im, &pass, error);
  d8_bundle_pass_clear (&pass); /* no statement left running at COMMIT */
  d8_sql_exec (d8_store_get_db (store), "COMMIT;", NULL);
  if (!ok)
    return NULL;
  return g_steal_pointer (&im);
}

static char *
summary_json (const D8BundlePreview *p)
{
  GString *s = g_string_new ("{");

  for (int o = 0; o < D8_BUNDLE_N_OUTCOMES; o++)
    g_string_append_printf (s, "%s\"%s\":%u", o ? "," : "", d8_bundle_outcome_key (o),
                            p->entries[o]);
  g_string_append_printf (s, ",\"plans_new\":%u,\"plans_updated\":%u}", p->plans[D8_BUNDLE_NEW],
                          p->plans[D8_BUNDLE_UPDATED]);
  return g_string_free (s, FALSE);
}

/* Inside the caller's write transaction: the key of a newly confirmed
 * office (or the whole key of one registered by fingerprint), and from the
 * province the keys of the offices it knows — never over a key confirmed
 * or registered here. */
static gboolean
write_keys (D8BundleImport *import, GError **error)
{
  D8Store *store = import->store;
  D8BundlePreview *p = &import->preview;
  const char *office = d8_store_get_office (store);
  g_autoptr (D8KnownOffice) known = NULL;
  g_autoptr (GError) local_error = NULL;

  known = d8_office_keys_lookup (store, p->origin, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (known == NULL
      && !d8_office_keys_trust (store, p->origin, p->signer_key, "confirmed", error))
    return FALSE;
  if (known != NULL && known->public_key == NULL
      && !d8_office_keys_trust (store, p->origin, p->signer_key, known->source, error))
    return FALSE;
  if (!g_str_equal (p->origin, "province") || import->offices == NULL)
    return TRUE;
  for (guint i = 0; i + 1 < import->offices->len; i += 2)
    {
      const char *code = import->offices->pdata[i];
      g_autoptr (D8KnownOffice) here = NULL;

      if (g_str_equal (code, office) || g_str_equal (code, "province"))
        continue;
      here = d8_office_keys_lookup (store, code, &local_error);
      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (here != NULL && !g_str_equal (here->source, "province"))
        continue;
      if (!d8_office_keys_trust (store, code, import->offices->pdata[i + 1], "province",
                                 &local_error))
        {
          /* An office this store does not know as a unit: skipped. */
          if (!g_error_matches (local_error, D8_ERROR, D8_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_clear_error (&local_error);
        }
    }
  return TRUE;
}

/* Inside the caller's write transaction: writes the records, then the
 * log entry and the origin's sequence. */
static gboolean
write_import (D8BundleImport *import, Pass *pass, GError **error)
{
  D8Store *store = import->store;
  sqlite3 *db = d8_store_get_db (store);
  D8BundlePreview *p = &import->preview;
  g_autoptr (D8SqlStmt) log = NULL;
  g_autoptr (D8SqlStmt) peer = NULL;
  g_autofree char *summary = NULL;

  if (!d8_bundle_run_pass (import, pass, error))
    return FALSE;
  if (pass->max_version && !d8_store_observe_version (store, pass->max_version, error))
    return FALSE;

  summary = summary_json (p);
  log = d8_sql_prepare (db, "INSERT INTO bundle_log (bundle_id, origin, sequence, digest,"
                            " created_at, imported_at, file_name, summary)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            " ON CONFLICT (bundle_id) DO UPDATE SET"
                            " imported_at = excluded.imported_at, summary = excluded.summary",
                        error);
  if (log == NULL)
    return FALSE;
  sqlite3_bind_text (log, 1, p->bundle_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (log, 2, p->origin, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (log, 3, p->sequence);
  sqlite3_bind_text (log, 4, p->digest, -1, SQLITE_STATIC);
  sqlite3_bind_text (log, 5, p->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (log, 6, pass->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (log, 7, p->file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (log, 8, summary, -1, SQLITE_STATIC);
  if (sqlite3_step (log) != SQLITE_DONE)
    return d8_sql_fail (db, error, _("The bundle could not be imported."));

  peer = d8_sql_prepare (db, "INSERT INTO peer_sequences (origin, sequence) VALUES (?, ?)"
                             " ON CONFLICT (origin) DO UPDATE"
                             " SET sequence = MAX (sequence, excluded.sequence)", error);
  if (peer == NULL)
    return FALSE;
  sqlite3_bind_text (peer, 1, p->origin, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (peer, 2, p->sequence);
  if (sqlite3_step (peer) != SQLITE_DONE)
    return d8_sql_fail (db, error, _("The bundle could not be imported."));
  return write_keys (import, error);
}

/**
 * d8_bundle_import_apply:
 * @import: an import
 * @error: an error of the snapshot or the database; nothing was written
 *
 * Takes a snapshot, then classifies and writes every record in one
 * transaction, logs the bundle and moves the origin's sequence on. The
 * preview is updated with what was done. A bundle already imported with
 * nothing to change writes nothing (and takes no snapshot).
 *
 * Returns: %TRUE on success.
 */
gboolean
d8_bundle_import_apply (D8BundleImport *import, GError **error)
{
  D8Store *store;
  D8BundlePreview *p;
  g_autoptr (D8Snapshot) snapshot = NULL;
  g_auto (Pass) pass = { 0 };

  g_return_val_if_fail (import != NULL, FALSE);
  store = import->store;
  p = &import->preview;

  if (!d8_bundle_import_check (import, error))
    return FALSE;
  /* The same bundle again: nothing to do, and nothing is written. */
  if (p->already_imported && !d8_bundle_import_has_changes (import))
    return TRUE;

  snapshot = d8_snapshot_create (store, "import", error);
  if (snapshot == NULL)
    return FALSE;
  g_free (p->snapshot);
  p->snapshot = g_strdup (snapshot->name);
  D8_BUNDLE_HOOK ("snapshot", 0);

  if (!d8_sql_exec (d8_store_get_db (store), "BEGIN IMMEDIATE;", error))
    return FALSE;
  D8_BUNDLE_HOOK ("begin", 0);
  pass.write = TRUE;
  pass.now = d8_hlc_time_string (d8_hlc_now_ms ());
  if (!write_import (import, &pass, error))
    {
      d8_bundle_pass_clear (&pass);
      d8_sql_exec (d8_store_get_db (store), "ROLLBACK;", NULL);
      return FALSE;
    }
  D8_BUNDLE_HOOK ("before-commit", pass.written);
  if (!d8_sql_exec (d8_store_get_db (store), "COMMIT;", error))
    {
      d8_bundle_pass_clear (&pass);
      d8_sql_exec (d8_store_get_db (store), "ROLLBACK;", NULL);
      return FALSE;
    }
  D8_BUNDLE_HOOK ("after-commit", pass.written);
  d8_bundle_pass_clear (&pass);
  p->applied = TRUE;
  /* The office's key is known here now. */
  p->trust = D8_BUNDLE_TRUST_KNOWN;
  import->key_to_complete = FALSE;
  d8_store_emit_changed (store);
  return TRUE;
}

/**
 * d8_bundle_outcome_key:
 * @outcome: an outcome
 *
 * Returns: its stable English key for JSON output ("new", "updated", …).
 */
const char *
d8_bundle_outcome_key (D8BundleOutcome outcome)
{
  static const char *const keys[] = { "new", "updated", "unchanged", "deleted", "conflicts",
                                      "rejected" };
  g_return_val_if_fail (outcome < D8_BUNDLE_N_OUTCOMES, "");
  return keys[outcome];
}

/* Begins the object @name of @counts by outcome key; the caller ends it. */
static void
begin_counts (JsonBuilder *b, const char *name, const guint counts[D8_BUNDLE_N_OUTCOMES])
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  for (int o = 0; o < D8_BUNDLE_N_OUTCOMES; o++)
    d8_bundle_json_add_int (b, d8_bundle_outcome_key (o), counts[o]);
}

/**
 * d8_bundle_preview_to_json:
 * @p: a preview
 *
 * Returns: (transfer full): the preview as a pretty-printed JSON object with
 *   stable English keys, for machine-readable output of the CLI.
 */
char *
d8_bundle_preview_to_json (const D8BundlePreview *p)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  d8_bundle_json_add_string (b, "file", p->file_name);
  d8_bundle_json_add_string (b, "bundle_id", p->bundle_id);
  d8_bundle_json_add_string (b, "origin", p->origin);
  d8_bundle_json_add_int (b, "sequence", p->sequence);
  d8_bundle_json_add_string (b, "created_at", p->created_at);
  d8_bundle_json_add_string (b, "digest", p->digest);
  d8_bundle_json_add_boolean (b, "already_imported", p->already_imported);
  d8_bundle_json_add_boolean (b, "sequence_rollback", p->rollback);
  d8_bundle_json_add_int (b, "last_sequence", p->last_sequence);
  d8_bundle_json_add_boolean (b, "applied", p->applied);
  d8_bundle_json_add_string (b, "trust", d8_bundle_trust_key (p->trust));
  d8_bundle_json_add_string (b, "signer_key", p->signer_key);
  d8_bundle_json_add_string (b, "signer_fingerprint", p->signer_fingerprint);
  d8_bundle_json_add_string (b, "known_fingerprint", p->known_fingerprint);
  d8_bundle_json_add_int (b, "forbidden", p->n_forbidden);
  d8_json_add_string_or_null (b, "snapshot", p->snapshot);
  begin_counts (b, "entries", p->entries);
  d8_bundle_json_add_int (b, "stale", p->n_stale);
  json_builder_end_object (b);
  begin_counts (b, "plans", p->plans);
  json_builder_end_object (b);
  begin_counts (b, "reports", p->reports);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "rejections");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->rejections->len; i++)
    {
      D8BundleRejection *r = p->rejections->pdata[i];
      json_builder_begin_object (b);
      d8_bundle_json_add_string (b, "record", r->record);
      d8_bundle_json_add_string (b, "id", r->uuid);
      d8_bundle_json_add_string (b, "field", r->field);
      d8_bundle_json_add_string (b, "reason", r->reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "conflicts");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->conflicts->len; i++)
    json_builder_add_string_value (b, p->conflicts->pdata[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

/**
 * d8_bundle_describe_counts:
 * @entries: a count for each outcome
 *
 * Returns: (transfer full): the counts as one translated line, digits
 *   grouped: "3 new, 1 updated, 0 unchanged, …".
 */
char *
d8_bundle_describe_counts (const guint entries[D8_BUNDLE_N_OUTCOMES])
{
  char *counts[D8_BUNDLE_N_OUTCOMES];
  char *line;

  for (int o = 0; o < D8_BUNDLE_N_OUTCOMES; o++)
    counts[o] = d8_format_count (entries[o]);
  line = g_strdup_printf (
    /* Translators: the counts of entries of an import (preview and log) */
    _("%s new, %s updated, %s unchanged, %s deleted, %s in conflict, %s rejected"),
    counts[D8_BUNDLE_NEW], counts[D8_BUNDLE_UPDATED], counts[D8_BUNDLE_UNCHANGED],
    counts[D8_BUNDLE_DELETED], counts[D8_BUNDLE_CONFLICT], counts[D8_BUNDLE_REJECTED]);
  for (int o = 0; o < D8_BUNDLE_N_OUTCOMES; o++)
    g_free (counts[o]);
  return line;
}

