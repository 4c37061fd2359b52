/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-bundle-private.h — what the files of the bundle module share.
 *
 * The module is split along its jobs:
 *   d8-json-reader.c     the strict streaming JSON reader, canonical form
 *   d8-bundle-read.c     reading and checking a bundle file (header, records)
 *   d8-bundle-merge.c    classifying and writing records: plans, stamps,
 *                        leaves, conflicts
 *   d8-bundle.c          the import object: open, preview, apply
 *   d8-bundle-export.c   writing a bundle
 *   d8-bundle-log.c      the import log, the conflicts and their resolution
 *
 * Never included outside src/core/d8-bundle*.c.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "d8-bundle.h"
#include "d8-json-builder.h"
#include "d8-plan-file.h"
#include "d8-sql.h"
#include "d8-store-private.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------ test hook */

extern void (*d8_bundle_test_hook) (const char *point, guint64 n);

#define D8_BUNDLE_HOOK(point, n)                                                               \
  G_STMT_START                                                                                 \
  {                                                                                            \
    if (G_UNLIKELY (d8_bundle_test_hook != NULL))                                              \
      d8_bundle_test_hook ((point), (n));                                                      \
  }                                                                                            \
  G_STMT_END

/* --------------------------------------------------------- JSON output */

/* A member of the object @b is building: "NAME": value. */
static inline void
d8_bundle_json_add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static inline void
d8_bundle_json_add_int (JsonBuilder *b, const char *name, gint64 value)
{
  d8_json_add_int (b, name, value);
}

static inline void
d8_bundle_json_add_boolean (JsonBuilder *b, const char *name, gboolean value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

/* ------------------------------------------------------- the import */

/* One checked entries[] element. Its texts live in the import's string
 * chunk; place and note are NULL when absent, history "" when empty. */
typedef struct
{
  const char *uuid, *plan, *unit, *indicator, *date, *place, *note;
  const char *created_at, *updated_at, *origin, *version, *history;
  gint64 amount, reached, group_size;
  gboolean deleted;
} Rec;

/* One checked plans[] element. */
typedef struct
{
  char *code;
  D8PlanFile *file;    /* parsed plan document */
  guint index;         /* plans[i] */
  GPtrArray *amendments; /* D8PlanFileAmendment* of its "amendments", or NULL */
} PlanRec;

typedef struct
{
  gint64 id;
  D8IndicatorKind kind;
} IndicatorInfo;

/* What an entry may refer to in one plan: stored, or arriving with the
 * bundle (ids 0 until applied). */
typedef struct
{
  gint64 id;
  GHashTable *units;      /* code → gint64* id */
  GHashTable *indicators; /* code → IndicatorInfo* */
} PlanInfo;

struct _D8BundleImport
{
  D8Store *store;
  char *path;
  GStringChunk *strings;
  GArray *recs;           /* Rec */
  GPtrArray *plan_recs;   /* PlanRec* */
  guint8 *outcomes;       /* per entry */
  guint8 *plan_outcomes;  /* per plan */
  GHashTable *plan_infos; /* code → PlanInfo* */
  D8BundlePreview preview;
  char *drift_limit;      /* stamps after this are refused */
  /* Trust (docs/security.md) */
  char *signature;        /* hex, as read; checked by d8_bundle_read */
  GPtrArray *offices;     /* from a province bundle: code, key, code, key … */
  GHashTable *sender_units; /* unit codes the sending office speaks for; NULL: all */
  gboolean trust_new_office;
  gboolean allow_older;
  gboolean key_to_complete; /* known by fingerprint only: apply stores the key */
  GPtrArray *report_recs;   /* ReportRec*: the header's "reports" (d8-bundle-reports.c) */
  guint8 *report_outcomes;  /* per report record */
};

/* The text an office signs: "duan8-bundle-signature-1\n" + digest. */
#define D8_BUNDLE_SIGNATURE_PREFIX "duan8-bundle-signature-1\n"

/* d8-bundle-read.c */
gboolean d8_bundle_refuse (GError **error, const char *file, const char *record,
                           const char *field, const char *format, ...) G_GNUC_PRINTF (5, 6);
gboolean d8_bundle_read (D8BundleImport *im, const char *data, gsize size, GError **error);
void d8_bundle_plan_rec_free (PlanRec *rec);

/* ------------------------------------------------------- stored entries */

/* The columns of an entry (ENTRY_COLS and its enum) are in
 * d8-store-private.h, shared with the store's own reading of entries. */

/* One stored version of an entry: the shown one, or one of a conflict. */
typedef struct
{
  D8Entry *e;
  char *version;
  char *history;
} Leaf;

/* Statements and state of one pass over the records, or of a resolution. */
typedef struct
{
  gboolean write;
  D8SqlStmt *local;     /* version, history, deleted, has conflict */
  D8SqlStmt *leaves;    /* other versions of a conflict */
  D8SqlStmt *insert;
  D8SqlStmt *update;
  D8SqlStmt *unconflict;
  gint64 change_seq;
  const char *max_version;
  guint64 written;
  gboolean exists; /* set by merge_outcome: the entry is stored here */
  char *now;
} Pass;

/* d8-bundle-merge.c */
void d8_bundle_pass_clear (Pass *pass);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pass, d8_bundle_pass_clear)
gboolean d8_bundle_pass_prepare_update (D8Store *store, Pass *pass, GError **error);
gboolean d8_bundle_run_pass (D8BundleImport *im, Pass *pass, GError **error);
void d8_bundle_plan_info_free (PlanInfo *info);
void d8_bundle_leaf_free (Leaf *leaf);
GPtrArray *d8_bundle_load_leaves (D8Store *store, const char *uuid, GError **error);
gboolean d8_bundle_store_leaves (D8Store *store, Pass *pass, GPtrArray *leaves, const char *mine,
                                 const char *bundle_id, GError **error);
gboolean d8_bundle_max_change_seq (D8Store *store, gint64 *change_seq, GError **error);
gboolean d8_bundle_conflict_mine (D8Store *store, const char *uuid, char **mine_version,
                                  GError **error);

/* d8-bundle-merge.c: a rejection of a record; @forbidden: one its office
 * may not send, which refuses the whole bundle. Takes @reason. */
void d8_bundle_add_rejection (D8BundleImport *im, const char *record, const char *id,
                              const char *field, char *reason, gboolean forbidden);

/* d8-bundle-reports.c: reports and decisions (docs/bundle-format.md,
 * "reports"). read: checks the header member "reports" (its canonical
 * JSON text) and keeps its records; classify: classifies (and with
 * pass->write writes) them, before the entries, so a decision in the same
 * bundle locks or unlocks its entries; locked_reason: why an entry that
 * would change here is refused (an approved report), NULL if it is not;
 * export: the member's canonical text for this office, NULL when there is
 * nothing to send (and on error, with @error set). */
void d8_bundle_report_rec_free (gpointer rec);
gboolean d8_bundle_read_reports (D8BundleImport *im, const char *file, const char *canonical,
                                 GError **error);
gboolean d8_bundle_classify_reports (D8BundleImport *im, Pass *pass, GError **error);
char *d8_bundle_locked_reason (D8BundleImport *im, const Rec *rec, gint64 plan_id,
                               gint64 unit_id);
char *d8_bundle_export_reports (D8Store *store, const char *office, gint64 plan_id,
                                GError **error);

G_END_DECLS
