/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-bundle.h — bundles exchanged between offices (docs/bundle-format.md).
 *
 * Export writes a `.duan8.json` file: plans and quotas from the province,
 * progress entries from everyone. Import is two steps so a window can show
 * what would happen before anything is written:
 *
 *     import = d8_bundle_import_new (store, path, &error);   // reads, checks, classifies
 *     preview = d8_bundle_import_get_preview (import);       // counts + rejections
 *     d8_bundle_import_apply (import, &error);               // snapshot, one transaction
 *
 * A bundle that is malformed in any way (syntax, format, digest, a bad
 * value) is refused by d8_bundle_import_new with an error naming the
 * record and field; nothing is written. Records that are well-formed but
 * not acceptable here (an unknown unit, another unit's entries, a plan
 * from a unit office) are listed as rejections and skipped on apply.
 */
#pragma once

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_BUNDLE_FORMAT_NAME "duan8-bundle"
#define D8_BUNDLE_FORMAT_MAJOR 1
#define D8_BUNDLE_FORMAT_MINOR 2
#define D8_BUNDLE_SUFFIX ".duan8.json"
/* Files larger than this are refused before they are read (~1.2 million
 * entries); documented in docs/bundle-format.md. */
#define D8_BUNDLE_MAX_SIZE (G_GINT64_CONSTANT (512) * 1024 * 1024)
/* Sequences above this are refused (2^53: exact in every JSON reader). */
#define D8_BUNDLE_MAX_SEQUENCE (G_GINT64_CONSTANT (9007199254740992))

/* ----------------------------------------------------------------- export */

typedef enum
{
  D8_BUNDLE_ENTRIES_DEFAULT,    /* unit office: since last export; province: none */
  D8_BUNDLE_ENTRIES_NONE,
  D8_BUNDLE_ENTRIES_SINCE_LAST, /* entries written here since the last export with entries */
  D8_BUNDLE_ENTRIES_ALL,
} D8BundleEntries;

typedef struct
{
  const char *plan;        /* plan id or code; NULL: every plan */
  const char *unit;        /* unit code; NULL: every unit (province) or the office's own unit */
  D8BundleEntries entries;
} D8BundleExportOptions;

typedef struct
{
  char *bundle_id;
  char *digest;
  gint64 sequence;
  guint n_plans;
  guint n_entries;
  guint n_drafts_left_out; /* draft plans not sent: they travel once issued */
} D8BundleExportResult;

void d8_bundle_export_result_clear (D8BundleExportResult *result);

/* Writes the bundle to @path atomically (temporary file, then rename). */
gboolean d8_bundle_export (D8Store *store, const D8BundleExportOptions *options,
                           const char *path, D8BundleExportResult *result, GError **error);

/* ----------------------------------------------------------------- import */

typedef enum
{
  D8_BUNDLE_NEW,
  D8_BUNDLE_UPDATED,
  D8_BUNDLE_UNCHANGED,
  D8_BUNDLE_DELETED,
  D8_BUNDLE_CONFLICT,
  D8_BUNDLE_REJECTED,
  D8_BUNDLE_N_OUTCOMES
} D8BundleOutcome;

/* Stable English keys ("new", "updated", …) for JSON output. */
const char *d8_bundle_outcome_key (D8BundleOutcome outcome);

typedef struct
{
  char *record; /* "entries[12]", "plans[0]" */
  char *uuid;   /* the entry's UUID or the plan's code, NULL if unknown */
  char *field;  /* "unit", "indicator", "version" … */
  char *reason; /* translated sentence */
  gboolean forbidden; /* a record its office may not send: the whole bundle is refused */
} D8BundleRejection;

/* Who signed a bundle, against what this office knows (docs/security.md). */
typedef enum
{
  D8_BUNDLE_TRUST_KNOWN,       /* signed by the key known here for its office */
  D8_BUNDLE_TRUST_NEW_OFFICE,  /* the first bundle from its office: the fingerprint must be
                                  confirmed (d8_bundle_import_set_trust_new_office) */
  D8_BUNDLE_TRUST_KEY_CHANGED, /* signed by another key than the one known: refused */
  D8_BUNDLE_TRUST_UNSIGNED,    /* no signature: refused */
} D8BundleTrust;

/* Stable English keys ("known", "new-office", "key-changed", "unsigned"). */
const char *d8_bundle_trust_key (D8BundleTrust trust);

typedef struct
{
  char *file_name;
  char *bundle_id;
  char *origin;
  gint64 sequence;
  char *created_at;
  char *app_version;
  char *digest;
  guint entries[D8_BUNDLE_N_OUTCOMES];
  guint plans[D8_BUNDLE_N_OUTCOMES];
  guint n_stale;          /* of the unchanged entries: older than the stored version */
  gboolean already_imported;
  char *imported_at;      /* when already_imported */
  gboolean rollback;      /* a newer bundle from the same origin was imported before */
  gint64 last_sequence;   /* highest sequence imported before from this origin */
  GPtrArray *rejections;  /* D8BundleRejection* */
  GPtrArray *conflicts;   /* char* UUIDs */
  gboolean applied;       /* set by apply */
  char *snapshot;         /* snapshot taken before applying, NULL if none */
  /* Trust (docs/security.md). rollback above means "older than the last
   * bundle imported from this office": apply refuses it unless allowed. */
  D8BundleTrust trust;      /* after a successful apply: KNOWN */
  char *signer_key;         /* the signer's public key (hex), NULL if unsigned */
  char *signer_fingerprint; /* its fingerprint, to read aloud; NULL if unsigned */
  char *known_fingerprint;  /* with KEY_CHANGED: the fingerprint known here */
  guint n_forbidden;        /* rejections that refuse the whole bundle: records
                               its office may not send (also in rejections) */
  guint reports[D8_BUNDLE_N_OUTCOMES]; /* reports and decisions (d8-bundle-reports.c):
                                          NEW, UPDATED, UNCHANGED, REJECTED */
} D8BundlePreview;

typedef struct _D8BundleImport D8BundleImport;

D8BundleImport *d8_bundle_import_new (D8Store *store, const char *path, GError **error);
const D8BundlePreview *d8_bundle_import_get_preview (D8BundleImport *import);
/* TRUE when something would be written by apply. */
gboolean d8_bundle_import_has_changes (D8BundleImport *import);
/* The person confirmed the fingerprint of a first bundle's office (read
 * aloud on the phone): apply then records its key. */
void d8_bundle_import_set_trust_new_office (D8BundleImport *import, gboolean trust);
/* The person confirmed importing a bundle older than the last one from its
 * office (preview->rollback). */
void d8_bundle_import_set_allow_older (D8BundleImport *import, gboolean allow);
/* Whether apply would go ahead: FALSE with D8_ERROR_INVALID and a message
 * saying what happened and what to do for an unsigned bundle, a changed
 * key, an unconfirmed new office, records its office may not send, or an
 * older bundle not allowed. Apply checks it first. */
gboolean d8_bundle_import_check (D8BundleImport *import, GError **error);
/* Snapshot, then one transaction; records are classified again inside it,
 * so the preview is updated with what was really done. A bundle already
 * imported whose records are all unchanged writes nothing. */
gboolean d8_bundle_import_apply (D8BundleImport *import, GError **error);
void d8_bundle_import_free (D8BundleImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8BundleImport, d8_bundle_import_free)

/* Machine-readable preview (stable English keys). */
char *d8_bundle_preview_to_json (const D8BundlePreview *preview);
/* Counts of each outcome as one translated line, digits grouped: "3 new,
 * 1 updated, 0 unchanged, …" (a preview's entries, a logged import's). */
char *d8_bundle_describe_counts (const guint entries[D8_BUNDLE_N_OUTCOMES]);

/* ------------------------------------------------------ log and conflicts */

typedef struct
{
  char *bundle_id;
  char *origin;
  gint64 sequence;
  char *digest;
  char *created_at;
  char *imported_at;
  char *file_name;
  char *summary; /* JSON object of counts */
} D8BundleLogEntry;

void d8_bundle_log_entry_free (D8BundleLogEntry *entry);
/* The log entry's counts in words, translated and grouped ("1.200 mới, …"). */
char *d8_bundle_log_entry_describe (const D8BundleLogEntry *entry);
/* Newest first. */
GPtrArray *d8_bundle_list_log (D8Store *store, GError **error);

typedef enum
{
  D8_BUNDLE_KEEP_MINE,
  D8_BUNDLE_KEEP_THEIRS,
} D8BundleKeep;

typedef struct
{
  char *uuid;
  D8Entry *mine;         /* this office's version */
  D8Entry *theirs;       /* the other office's version (the latest if several) */
  char *mine_version;
  char *theirs_version;
  gboolean shown_is_mine; /* the default shown in totals is mine */
  char *bundle_id;
  char *detected_at;
} D8Conflict;

void d8_conflict_free (D8Conflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8Conflict, d8_conflict_free)

GPtrArray *d8_bundle_list_conflicts (D8Store *store, GError **error); /* D8Conflict* */
/* Keeps one version. The result's stamp is derived from the versions in
 * conflict and the choice, so two offices that make the same choice end
 * with the same version and do not conflict again. */
gboolean d8_bundle_resolve (D8Store *store, const char *uuid, D8BundleKeep keep,
                            GError **error);
/* The same choice for every conflict, in one transaction: all or none.
 * @n_resolved (may be NULL) gets how many there were. */
gboolean d8_bundle_resolve_all (D8Store *store, D8BundleKeep keep, guint *n_resolved,
                                GError **error);

/* Tests only: called at points of an import ("snapshot", "begin", "entry"
 * with the number written so far, "before-commit", "after-commit"). */
void d8_bundle_set_test_hook (void (*hook) (const char *point, guint64 n));

G_END_DECLS
