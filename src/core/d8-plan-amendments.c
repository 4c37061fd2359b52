/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-amendments.c — a plan's revisions and amendments inside its plan
 * document, for bundles (d8-plan-amendments.h): written from
 * plan_revisions and quota_history, read back with strict checks (the
 * document comes from another office), and recorded once at the office.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-format.h"
#include "d8-json-builder.h"
#include "d8-plan-amendments.h"
#include "d8-plan-draft-private.h"
#include "d8-plan-import.h"
#include "d8-text.h"

/* Bounds on what a bundle may carry: far above real plans (a handful of
 * decisions a year, 135 units × 10 indicators), low enough that a forged
 * document cannot make the office write millions of rows. */
#define MAX_AMENDMENTS 1000
#define MAX_CHANGES 100000
#define MAX_WRITTEN 100

G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8PlanQuotaChange, d8_plan_quota_change_free)

void
d8_plan_file_amendment_free (D8PlanFileAmendment *amendment)
{
  if (amendment == NULL)
    return;
  g_free (amendment->document_number);
  g_free (amendment->issued_on);
  g_clear_pointer (&amendment->changes, g_ptr_array_unref);
  g_free (amendment);
}

/* ------------------------------------------------------------- writing */

gboolean
d8_plan_amendments_write (D8Store *store, gint64 plan_id, JsonBuilder *b, GError **error)
{
  g_autoptr (GPtrArray) revisions = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  if (d8_store_get_open_amendment (store, plan_id) > 0)
    {
      g_autoptr (D8Plan) plan = d8_store_get_plan (store, plan_id, error);
      g_autofree char *name = NULL;
      if (plan == NULL)
        return FALSE;
      name = d8_plan_draft_name (plan);
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("The plan %s has an open amendment: issue it (issue-plan, or Issue in the "
                     "plan editor) before sending the plan to offices."), name);
      return FALSE;
    }
  if ((revisions = d8_store_list_plan_revisions (store, plan_id, error)) == NULL)
    return FALSE;
  if (revisions->len == 0)
    return TRUE;
  json_builder_set_member_name (b, "amendments");
  json_builder_begin_array (b);
  for (guint i = 0; i < revisions->len; i++)
    {
      const D8PlanRevision *r = revisions->pdata[i];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "document_number");
      json_builder_add_string_value (b, r->doc_number);
      d8_json_add_string_or_null (b, "issued_on", r->issued_on);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, r->is_amendment ? "amendment" : "import");
      json_builder_set_member_name (b, "changes");
      json_builder_begin_array (b);
      for (guint k = 0; k < r->changes->len; k++)
        {
          const D8PlanQuotaChange *c = r->changes->pdata[k];
          json_builder_begin_object (b);
          d8_json_add_string_or_null (b, "unit", c->unit);
          json_builder_set_member_name (b, "indicator");
          json_builder_add_string_value (b, c->indicator);
          d8_json_add_string_or_null (b, "old", c->old_written);
          json_builder_set_member_name (b, "new");
          json_builder_add_string_value (b, c->new_written != NULL ? c->new_written : "");
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

/* ------------------------------------------------------------- reading */

typedef struct
{
  const char *source;
  GError **error;
} Ctx;

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Ctx *ctx, const char *where, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  d8_plan_file_refuse_valist (ctx->error, ctx->source, where, format, args);
  va_end (args);
  return FALSE;
}

/* A string member: @null_ok lets it be null or absent (*out NULL). */
static gboolean
get_text (Ctx *ctx, JsonObject *obj, const char *where, const char *member, gboolean null_ok,
          gsize max_chars, char **out)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autofree char *path = g_strdup_printf ("%s.%s", where, member);
  g_autoptr (GError) local = NULL;
  const char *text;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return null_ok ? TRUE : fail (ctx, path, _("missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (ctx, path, _("not a string"));
  text = json_node_get_string (node);
  if (g_utf8_strlen (text, -1) > (glong) max_chars)
    return fail (ctx, path, _("longer than %u characters"), (guint) max_chars);
  if ((*out = d8_text_normalize (text, path, &local)) == NULL)
    return fail (ctx, path, "%s", local->message);
  return TRUE;
}

static gboolean
parse_change (Ctx *ctx, JsonNode *node, const char *where, GHashTable *units,
              GHashTable *indicators, D8PlanQuotaChange **out)
{
  g_autoptr (D8PlanQuotaChange) change = g_new0 (D8PlanQuotaChange, 1);
  JsonObject *obj;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (ctx, where, _("not an object"));
  obj = json_node_get_object (node);
  if (!get_text (ctx, obj, where, "unit", TRUE, 200, &change->unit)
      || !get_text (ctx, obj, where, "indicator", FALSE, 200, &change->indicator)
      || !get_text (ctx, obj, where, "old", TRUE, MAX_WRITTEN, &change->old_written)
      || !get_text (ctx, obj, where, "new", FALSE, MAX_WRITTEN, &change->new_written))
    return FALSE;
  if (change->unit != NULL && !g_hash_table_contains (units, change->unit))
    return fail (ctx, where, _("unknown unit “%s”"), change->unit);
  if (!g_hash_table_contains (indicators, change->indicator))
    return fail (ctx, where, _("unknown indicator “%s”"), change->indicator);
  *out = g_steal_pointer (&change);
  return TRUE;
}

static gboolean
parse_one (Ctx *ctx, JsonNode *node, const char *where, GHashTable *units,
           GHashTable *indicators, guint *n_changes, D8PlanFileAmendment **out)
{
  g_autoptr (D8PlanFileAmendment) a = g_new0 (D8PlanFileAmendment, 1);
  g_autofree char *kind = NULL;
  g_autofree char *changes_path = g_strdup_printf ("%s.changes", where);
  JsonObject *obj;
  JsonNode *changes;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (ctx, where, _("not an object"));
  obj = json_node_get_object (node);
  if (!get_text (ctx, obj, where, "document_number", FALSE, 200, &a->document_number)
      || !get_text (ctx, obj, where, "issued_on", TRUE, 10, &a->issued_on)
      || !get_text (ctx, obj, where, "kind", FALSE, 20, &kind))
    return FALSE;
  if (*a->document_number == '\0')
    return fail (ctx, where, _("the document number is empty"));
  if (a->issued_on != NULL && !d8_date_is_valid (a->issued_on))
    return fail (ctx, where, _("“%s” is not a date in the form YYYY-MM-DD"), a->issued_on);
  if (g_str_equal (kind, "amendment"))
    a->is_amendment = TRUE;
  else if (!g_str_equal (kind, "import"))
    return fail (ctx, where, _("kind “%s” is neither amendment nor import"), kind);
  changes = json_object_get_member (obj, "changes");
  if (changes == NULL || !JSON_NODE_HOLDS_ARRAY (changes))
    return fail (ctx, changes_path, _("not an array"));
  array = json_node_get_array (changes);
  a->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_plan_quota_change_free);
  for (guint k = 0; k < json_array_get_length (array); k++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", changes_path, k);
      D8PlanQuotaChange *change = NULL;
      if (++*n_changes > MAX_CHANGES)
        return fail (ctx, path, _("more than %u changes in all"), MAX_CHANGES);
      if (!parse_change (ctx, json_array_get_element (array, k), path, units, indicators,
                         &change))
        return FALSE;
      g_ptr_array_add (a->changes, change);
    }
  *out = g_steal_pointer (&a);
  return TRUE;
}

gboolean
d8_plan_amendments_parse (const char *data, gsize length, const D8PlanFile *file,
                          const char *source, GPtrArray **out, GError **error)
{
  Ctx ctx = { source, error };
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) indicators = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root, *node;
  JsonArray *array;
  guint n_changes = 0;

  *out = NULL;
  /* The text was read by the strict reader and d8_plan_file_parse()
   * already: it is one JSON object. */
  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (&ctx, "amendments", _("the document is not a JSON object"));
  node = json_object_get_member (json_node_get_object (root), "amendments");
  if (node == NULL)
    return TRUE;
  for (guint i = 0; i < file->units->len; i++)
    g_hash_table_add (units, ((D8PlanFileUnit *) file->units->pdata[i])->code);
  for (guint i = 0; i < file->indicators->len; i++)
    g_hash_table_add (indicators, ((D8Indicator *) file->indicators->pdata[i])->code);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (&ctx, "amendments", _("not an array"));
  array = json_node_get_array (node);
  if (json_array_get_length (array) > MAX_AMENDMENTS)
    return fail (&ctx, "amendments", _("more than %u amendments"), MAX_AMENDMENTS);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_plan_file_amendment_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("amendments[%u]", i);
      D8PlanFileAmendment *a = NULL;
      if (!parse_one (&ctx, json_array_get_element (array, i), where, units, indicators,
                      &n_changes, &a))
        return FALSE;
      g_ptr_array_add (list, a);
      if (a->is_amendment
          && !g_hash_table_add (seen, g_strdup (a->document_number)))
        return fail (&ctx, where, _("the amendment %s appears twice"), a->document_number);
    }
  *out = g_steal_pointer (&list);
  return TRUE;
}

/* ----------------------------------------------------------- recording */

static gboolean
is_known (D8Store *store, gint64 plan_id, const D8PlanFileAmendment *a)
{
  g_autoptr (D8SqlStmt) stmt =
    d8_sql_prepare (d8_store_get_db (store), "SELECT 1 FROM plan_revisions WHERE plan_id = ?1"
                    " AND doc_number = ?2 AND kind = ?3"
                    " AND (kind = 'amendment' OR issued_on IS ?4)", NULL);

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_text (stmt, 2, a->document_number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, a->is_amendment ? "amendment" : "import", -1, SQLITE_STATIC);
  d8_sql_bind_text (stmt, 4, a->issued_on, D8_SQL_EMPTY_IS_NULL);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

guint
d8_plan_amendments_count_new (D8Store *store, gint64 plan_id, GPtrArray *amendments)
{
  guint n = 0;

  for (guint i = 0; amendments != NULL && i < amendments->len; i++)
    if (!is_known (store, plan_id, amendments->pdata[i]))
      n++;
  return n;
}

/* A quota as written, as a number when it is one ("4"), else none. */
static void
bind_written_quota (sqlite3_stmt *stmt, int index, const char *written)
{
  gint64 value;

  if (written != NULL && *written != '\0' && strspn (written, "0123456789") == strlen (written)
      && strlen (written) <= 13 && (value = g_ascii_strtoll (written, NULL, 10)) >= 0
      && value <= D8_ENTRY_AMOUNT_MAX)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
record_one (D8Store *store, gint64 plan_id, const D8PlanFileAmendment *a, GError **error)
{
  sqlite3 *db = d8_store_get_db (store);
  g_autofree char *now = d8_store_now_utc ();
  g_autoptr (D8SqlStmt) rev = NULL;
  g_autoptr (D8SqlStmt) change = NULL;
  gint64 revision_id;

  rev = d8_sql_prepare (db, "INSERT INTO plan_revisions (plan_id, doc_number, issued_on, title,"
                            " imported_at, kind, is_open) VALUES (?, ?, ?, NULL, ?, ?, 0)", error);
  if (rev == NULL)
    return FALSE;
  sqlite3_bind_int64 (rev, 1, plan_id);
  d8_sql_bind_text (rev, 2, a->document_number, D8_SQL_EMPTY_IS_TEXT);
  d8_sql_bind_text (rev, 3, a->issued_on, D8_SQL_EMPTY_IS_NULL);
  d8_sql_bind_text (rev, 4, now, D8_SQL_EMPTY_IS_TEXT);
  sqlite3_bind_text (rev, 5, a->is_amendment ? "amendment" : "import", -1, SQLITE_STATIC);
  if (sqlite3_step (rev) != SQLITE_DONE)
    return d8_sql_fail (db, error, _("The history of the plan could not be saved."));
  revision_id = sqlite3_last_insert_rowid (db);
  /* Units and indicators by code within this plan; a change naming one the
   * plan here does not have is left out (the check of the document made
   * sure they are the document's own). */
  change = d8_sql_prepare (db, "INSERT INTO quota_history (revision_id, plan_id, unit_id,"
                               " indicator_id, old_quota, old_written, new_quota, new_written)"
                               " SELECT ?1, ?2, u.id, i.id, ?5, ?6, ?7, ?8"
                               " FROM indicators i LEFT JOIN units u ON u.code = ?3"
                               " WHERE i.plan_id = ?2 AND i.code = ?4"
                               " AND (?3 IS NULL OR u.id IN (SELECT unit_id FROM plan_units"
                               "  WHERE plan_id = ?2))", error);
  if (change == NULL)
    return FALSE;
  for (guint k = 0; k < a->changes->len; k++)
    {
      const D8PlanQuotaChange *c = a->changes->pdata[k];
      sqlite3_reset (change);
      sqlite3_bind_int64 (change, 1, revision_id);
      sqlite3_bind_int64 (change, 2, plan_id);
      d8_sql_bind_text (change, 3, c->unit, D8_SQL_EMPTY_IS_NULL);
      d8_sql_bind_text (change, 4, c->indicator, D8_SQL_EMPTY_IS_TEXT);
      bind_written_quota (change, 5, c->old_written);
      d8_sql_bind_text (change, 6, c->old_written, D8_SQL_EMPTY_IS_TEXT);
      bind_written_quota (change, 7, c->new_written);
      d8_sql_bind_text (change, 8, c->new_written, D8_SQL_EMPTY_IS_TEXT);
      if (sqlite3_step (change) != SQLITE_DONE)
        return d8_sql_fail (db, error, _("The history of the plan could not be saved."));
    }
  return TRUE;
}

gboolean
d8_plan_amendments_record (D8Store *store, gint64 plan_id, GPtrArray *amendments,
                           GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  for (guint i = 0; amendments != NULL && i < amendments->len; i++)
    {
      const D8PlanFileAmendment *a = amendments->pdata[i];
      if (!is_known (store, plan_id, a) && !record_one (store, plan_id, a, error))
        return FALSE;
    }
  return TRUE;
}
