/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-bundle-export.c — writing a bundle (docs/bundle-format.md).
 *
 * The province sends its plans (each as a plan-file document, read back by
 * the JSON reader so that its canonical text is the one an import will
 * compute) and, on request, entries; a unit office sends the entries of its
 * own unit written since its last export. Entries are streamed from the
 * database straight into the file in canonical form, the digest computed
 * as they go; the file is written under a new temporary name (never one
 * that exists: a planted link is not followed), synced and renamed, and the
 * office's counters move on in a transaction that commits only once the
 * file is in place.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "d8-bundle-private.h"
#include "d8-reporting-private.h"
#include "d8-office-keys.h"
#include "d8-hlc.h"
#include "d8-json-reader.h"
#include "d8-store-private.h"

/**
 * d8_bundle_export_result_clear:
 * @result: a result filled by d8_bundle_export()
 *
 * Frees what @result holds.
 */
void
d8_bundle_export_result_clear (D8BundleExportResult *result)
{
  g_clear_pointer (&result->bundle_id, g_free);
  g_clear_pointer (&result->digest, g_free);
}

/* The first @n columns of @stmt, as string members named @names; NULL
 * columns are left out. */
static void
add_text_members (JsonBuilder *b, sqlite3_stmt *stmt, const char *const *names, int n)
{
  for (int i = 0; i < n; i++)
    if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
      {
        d8_bundle_json_add_string (b, names[i], d8_sql_column_text (stmt, i));
      }
}

static D8SqlStmt *
prepare_for_plan (D8Store *store, const char *sql, gint64 plan_id, GError **error)
{
  D8SqlStmt *stmt = d8_sql_prepare (d8_store_get_db (store), sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, plan_id);
  return stmt;
}

/* "plan": its identity and period; also returns what the appendix needs. */
static gboolean
add_plan (JsonBuilder *b, D8Store *store, gint64 plan_id, char **appendix_title,
          char **target_label, GError **error)
{
  /* The text columns first, in the order of names[]. */
  enum { PLAN_CODE, PLAN_TITLE, PLAN_DOC_NUMBER, PLAN_ISSUER, PLAN_ISSUED_ON, PLAN_YEAR,
         PLAN_PERIOD_START, PLAN_PERIOD_END, PLAN_APPENDIX_TITLE, PLAN_TARGET_LABEL };
  static const char *const names[] = { "code", "title", "document_number", "issuer",
                                       "issued_on" };
  g_autoptr (D8SqlStmt) stmt =
    prepare_for_plan (store, "SELECT code, title, doc_number, issuer, issued_on, year,"
                             " period_start, period_end, appendix_title, target_label"
                             " FROM plans WHERE id = ?", plan_id, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return d8_sql_fail (d8_store_get_db (store), error,
                        _("The plan could not be written to the bundle."));
  json_builder_set_member_name (b, "plan");
  json_builder_begin_object (b);
  add_text_members (b, stmt, names, G_N_ELEMENTS (names));
  d8_bundle_json_add_int (b, "year", sqlite3_column_int (stmt, PLAN_YEAR));
  d8_bundle_json_add_string (b, "period_start",
                             d8_sql_column_text (stmt, PLAN_PERIOD_START));
  d8_bundle_json_add_string (b, "period_end",
                             d8_sql_column_text (stmt, PLAN_PERIOD_END));
  json_builder_end_object (b);
  *appendix_title = d8_sql_column_dup (stmt, PLAN_APPENDIX_TITLE);
  *target_label = d8_sql_column_dup (stmt, PLAN_TARGET_LABEL);
  return TRUE;
}

/* "units": the units of the plan and their ancestors. */
static gboolean
add_units (JsonBuilder *b, D8Store *store, gint64 plan_id, GError **error)
{
  static const char *const names[] = { "code", "name", "kind", "level", "parent",
                                       "valid_from", "valid_to" };
  g_autoptr (D8SqlStmt) stmt =
    prepare_for_plan (store, "WITH RECURSIVE t (id) AS (SELECT unit_id FROM plan_units"
                             " WHERE plan_id = ?"
                             " UNION SELECT u.parent_id FROM units u JOIN t ON u.id = t.id"
                             " WHERE u.parent_id IS NOT NULL)"
                             " SELECT u.code, u.name, u.kind, u.level, p.code, u.valid_from,"
                             " u.valid_to FROM units u JOIN t ON t.id = u.id"
                             " LEFT JOIN units p ON p.id = u.parent_id"
                             " ORDER BY u.parent_id IS NOT NULL, u.id", plan_id, error);

  if (stmt == NULL)
    return FALSE;
  json_builder_set_member_name (b, "units");
  json_builder_begin_array (b);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      add_text_members (b, stmt, names, G_N_ELEMENTS (names));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

static gboolean
add_groups (JsonBuilder *b, D8Store *store, gint64 plan_id, GError **error)
{
  enum { GROUP_NUMBER, GROUP_TITLE };
  g_autoptr (D8SqlStmt) stmt =
    prepare_for_plan (store, "SELECT number, title FROM indicator_groups WHERE plan_id = ?"
                             " ORDER BY number", plan_id, error);

  if (stmt == NULL)
    return FALSE;
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      d8_bundle_json_add_int (b, "number", sqlite3_column_int (stmt, GROUP_NUMBER));
      d8_bundle_json_add_string (b, "title", d8_sql_column_text (stmt, GROUP_TITLE));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

/* "indicators"; @columns gets the codes of those in the appendix. */
static gboolean
add_indicators (JsonBuilder *b, D8Store *store, gint64 plan_id, GPtrArray *columns,
                GError **error)
{
  /* The text columns first, in the order of names[]. */
  enum { IND_CODE, IND_NAME_VI, IND_NAME_EN, IND_COUNT_UNIT, IND_KIND, IND_GROUP_NO,
         IND_IN_APPENDIX };
  static const char *const names[] = { "code", "name_vi", "name_en", "count_unit", "kind" };
  g_autoptr (D8SqlStmt) stmt =
    prepare_for_plan (store, "SELECT code, name_vi, name_en, count_unit, kind, group_no,"
                             " in_appendix FROM indicators WHERE plan_id = ? ORDER BY position",
                      plan_id, error);

  if (stmt == NULL)
    return FALSE;
  json_builder_set_member_name (b, "indicators");
  json_builder_begin_array (b);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      add_text_members (b, stmt, names, G_N_ELEMENTS (names));
      d8_bundle_json_add_int (b, "group", sqlite3_column_int (stmt, IND_GROUP_NO));
      json_builder_end_object (b);
      if (sqlite3_column_int (stmt, IND_IN_APPENDIX))
        g_ptr_array_add (columns, d8_sql_column_dup (stmt, IND_CODE));
    }
  json_builder_end_array (b);
  return TRUE;
}

/* "rows": each unit's quotas, a number or the text as written. */
static gboolean
add_rows (JsonBuilder *b, D8Store *store, gint64 plan_id, GError **error)
{
  enum { ROW_TT, ROW_UNIT, ROW_INDICATOR, ROW_QUOTA, ROW_WRITTEN };
  g_autoptr (D8SqlStmt) stmt =
    prepare_for_plan (store, "SELECT pu.position, u.code, i.code, q.quota, q.written"
                             " FROM plan_units pu JOIN units u ON u.id = pu.unit_id"
                             " LEFT JOIN quotas q ON q.plan_id = pu.plan_id"
                             " AND q.unit_id = pu.unit_id"
                             " LEFT JOIN indicators i ON i.id = q.indicator_id"
                             " WHERE pu.plan_id = ? ORDER BY pu.position, i.position",
                      plan_id, error);
  int current = -1;

  if (stmt == NULL)
    return FALSE;
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int tt = sqlite3_column_int (stmt, ROW_TT);
      if (tt != current)
        {
          if (current != -1)
            {
              json_builder_end_array (b);
              json_builder_end_object (b);
            }
          current = tt;
          json_builder_begin_object (b);
          d8_bundle_json_add_int (b, "tt", tt);
          d8_bundle_json_add_string (b, "unit", d8_sql_column_text (stmt, ROW_UNIT));
          json_builder_set_member_name (b, "cells");
          json_builder_begin_array (b);
        }
      if (sqlite3_column_type (stmt, ROW_INDICATOR) == SQLITE_NULL)
        continue;
      if (sqlite3_column_type (stmt, ROW_QUOTA) == SQLITE_NULL)
        json_builder_add_string_value (b, d8_sql_column_text (stmt, ROW_WRITTEN));
      else
        json_builder_add_int_value (b, sqlite3_column_int64 (stmt, ROW_QUOTA));
    }
  if (current != -1)
    {
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

/* Targets: those of the appendix columns form the appendix's "total_row"
 * (when the plan has a target label), the others (such as the 80 %) the
 * "targets" list. Ends the appendix object, which the caller began. */
static gboolean
add_targets (JsonBuilder *b, D8Store *store, gint64 plan_id, GPtrArray *columns,
             const char *target_label, GError **error)
{
  enum { TARGET_CODE, TARGET_IN_APPENDIX, TARGET_VALUE, TARGET_WRITTEN, TARGET_SOURCE };
  g_autoptr (D8SqlStmt) stmt =
    prepare_for_plan (store, "SELECT i.code, i.in_appendix, t.value, t.written, t.source"
                             " FROM plan_targets t JOIN indicators i ON i.id = t.indicator_id"
                             " WHERE t.plan_id = ? ORDER BY i.position", plan_id, error);
  g_autoptr (GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (JsonBuilder) others = json_builder_new ();

  if (stmt == NULL)
    return FALSE;
  json_builder_begin_array (others);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *code = d8_sql_column_text (stmt, TARGET_CODE);
      double value = sqlite3_column_double (stmt, TARGET_VALUE);

      if (sqlite3_column_int (stmt, TARGET_IN_APPENDIX) && target_label
          && g_strcmp0 (d8_sql_column_text (stmt, TARGET_SOURCE), target_label) == 0)
        {
          g_hash_table_insert (totals, g_strdup (code),
                               d8_sql_column_dup (stmt, TARGET_WRITTEN));
          continue;
        }
      json_builder_begin_object (others);
      d8_bundle_json_add_string (others, "indicator", code);
      json_builder_set_member_name (others, "value");
      if (value == (double) (gint64) value)
        json_builder_add_int_value (others, (gint64) value);
      else
        json_builder_add_double_value (others, value);
      d8_bundle_json_add_string (others, "written",
                                 d8_sql_column_text (stmt, TARGET_WRITTEN));
      d8_bundle_json_add_string (others, "source",
                                 d8_sql_column_text (stmt, TARGET_SOURCE));
      json_builder_end_object (others);
    }
  json_builder_end_array (others);
  if (target_label)
    {
      json_builder_set_member_name (b, "total_row");
      json_builder_begin_object (b);
      d8_bundle_json_add_string (b, "label", target_label);
      json_builder_set_member_name (b, "cells");
      json_builder_begin_array (b);
      for (guint c = 0; c < columns->len; c++)
        {
          const char *written = g_hash_table_lookup (totals, columns->pdata[c]);
          guint64 n;
          if (written && g_ascii_string_to_unsigned (written, 10, 0, G_MAXINT64, &n, NULL))
            json_builder_add_int_value (b, (gint64) n);
          else
            json_builder_add_string_value (b, written ? written : "-");
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b); /* appendix */
  json_builder_set_member_name (b, "targets");
  json_builder_add_value (b, json_builder_get_root (others));
  return TRUE;
}

/* The stored plan as a plan-file document (docs/plan-format.md). The
 * members are written in the order a plan file has them; the canonical
 * form sorts them anyway. */
static JsonNode *
plan_document (D8Store *store, gint64 plan_id, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *appendix_title = NULL;
  g_autofree char *target_label = NULL;

  json_builder_begin_object (b);
  d8_bundle_json_add_string (b, "format", D8_PLAN_FORMAT_NAME);
  d8_bundle_json_add_int (b, "format_version", D8_PLAN_FORMAT_VERSION);
  if (!add_plan (b, store, plan_id, &appendix_title, &target_label, error)
      || !add_units (b, store, plan_id, error) || !add_groups (b, store, plan_id, error)
      || !add_indicators (b, store, plan_id, columns, error))
    return NULL;

  json_builder_set_member_name (b, "appendix");
  json_builder_begin_object (b);
  if (appendix_title)
    {
      d8_bundle_json_add_string (b, "title", appendix_title);
    }
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint c = 0; c < columns->len; c++)
    json_builder_add_string_value (b, columns->pdata[c]);
  json_builder_end_array (b);
  /* The appendix stays open: rows and the total row go in it. */
  if (!add_rows (b, store, plan_id, error)
      || !add_targets (b, store, plan_id, columns, target_label, error))
    return NULL;
  {
    g_autoptr (GPtrArray) periods = d8_store_list_periods (store, plan_id, error);

    if (periods == NULL)
      return NULL;
    d8_plan_periods_to_json (b, periods);
  }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Appends "KEY":VALUE (a string, or null) in canonical form, and a comma. */
static void
put_member (GString *out, const char *key, const char *value, gboolean comma)
{
  d8_json_append_canonical_string (out, key, strlen (key));
  g_string_append_c (out, ':');
  if (value)
    d8_json_append_canonical_string (out, value, strlen (value));
  else
    g_string_append (out, "null");
  if (comma)
    g_string_append_c (out, ',');
}

/* One entry in canonical form (members sorted by name); @stmt is on a row
 * of the export's SELECT (ENTRY_* columns, codes for plan, unit and
 * indicator). */
static void
put_entry (GString *out, sqlite3_stmt *stmt)
{
  const char *history = d8_sql_column_text (stmt, ENTRY_HISTORY);

  g_string_append_printf (out, "{\"amount\":%lld,",
                          (long long) sqlite3_column_int64 (stmt, ENTRY_AMOUNT));
  put_member (out, "created_at", d8_sql_column_text (stmt, ENTRY_CREATED_AT), TRUE);
  put_member (out, "date", d8_sql_column_text (stmt, ENTRY_DATE), TRUE);
  g_string_append_printf (out, "\"deleted\":%s,\"group_size\":%lld,\"history\":[",
                          sqlite3_column_int (stmt, ENTRY_DELETED) ? "true" : "false",
                          (long long) sqlite3_column_int64 (stmt, ENTRY_GROUP_SIZE));
  if (history && *history)
    {
      g_auto (GStrv) parts = g_strsplit (history, " ", -1);
      for (guint i = 0; parts[i]; i++)
        {
          if (i)
            g_string_append_c (out, ',');
          d8_json_append_canonical_string (out, parts[i], strlen (parts[i]));
        }
    }
  g_string_append (out, "],");
  put_member (out, "indicator", d8_sql_column_text (stmt, ENTRY_INDICATOR), TRUE);
  put_member (out, "note", d8_sql_column_text (stmt, ENTRY_NOTE), TRUE);
  put_member (out, "origin", d8_sql_column_text (stmt, ENTRY_ORIGIN), TRUE);
  put_member (out, "place", d8_sql_column_text (stmt, ENTRY_PLACE), TRUE);
  put_member (out, "plan", d8_sql_column_text (stmt, ENTRY_PLAN), TRUE);
  g_string_append_printf (out, "\"reached\":%lld,",
                          (long long) sqlite3_column_int64 (stmt, ENTRY_REACHED));
  put_member (out, "unit", d8_sql_column_text (stmt, ENTRY_UNIT), TRUE);
  put_member (out, "updated_at", d8_sql_column_text (stmt, ENTRY_UPDATED_AT), TRUE);
  put_member (out, "uuid", d8_sql_column_text (stmt, ENTRY_UUID), TRUE);
  put_member (out, "version", d8_sql_column_text (stmt, ENTRY_VERSION), FALSE);
  g_string_append_c (out, '}');
}

static gboolean
write_failed (GError **error, const char *path)
{
  int saved_errno = errno;

  if (path)
    g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("Cannot write the bundle %s: %s"), path,
                 g_strerror (saved_errno));
  else
    g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("Cannot write the bundle: %s"),
                 g_strerror (saved_errno));
  return FALSE;
}

/* Writes out and empties @buf. */
static gboolean
flush (FILE *f, GString *buf, GError **error)
{
  if (buf->len && fwrite (buf->str, 1, buf->len, f) != buf->len)
    return write_failed (error, NULL);
  g_string_truncate (buf, 0);
  return TRUE;
}

/* Appends @text, one element of a content array, to @buf after a
 * separator (@first: none but a newline), and its canonical line to @sum. */
static void
append_element (GString *buf, gboolean first, GChecksum *sum, void (*put) (GString *, gpointer),
                gpointer data)
{
  gsize from;

  g_string_append (buf, first ? "\n" : ",\n");
  from = buf->len;
  put (buf, data);
  g_string_append_c (buf, '\n');
  g_checksum_update (sum, (const guchar *) buf->str + from, buf->len - from);
  g_string_truncate (buf, buf->len - 1);
}

static void
put_canonical_cb (GString *buf, gpointer json)
{
  d8_json_canonicalize (json, buf);
}

static void
put_entry_cb (GString *buf, gpointer stmt)
{
  put_entry (buf, stmt);
}

/* What one export writes, settled before the file is opened. */
typedef struct
{
  D8Store *store;
  const char *office;
  gboolean province;
  D8BundleEntries mode;
  GArray *plan_ids;  /* gint64: the plans sent (by the province) */
  gint64 plan_id;    /* entries of this plan only; 0: every plan */
  gint64 unit_id;    /* entries of this unit only; 0: every unit */
  gint64 since;      /* entries with a change_seq above this … */
  gint64 max_seq;    /* … and up to this */
  gint64 sequence;   /* of this bundle among the office's */
  char *bundle_id;
  char *created_at;
  char *digest;
  guint n_entries;
  const char *signer;  /* this office's public key */
  GString *offices;    /* province: "offices" in canonical form, NULL otherwise */
  char *reports;       /* "reports" in canonical form, NULL when none (d8-bundle-reports.c) */
} Export;

static void
export_clear (Export *x)
{
  g_clear_pointer (&x->plan_ids, g_array_unref);
  g_clear_pointer (&x->bundle_id, g_free);
  g_clear_pointer (&x->created_at, g_free);
  g_clear_pointer (&x->digest, g_free);
  if (x->offices)
    g_string_free (g_steal_pointer (&x->offices), TRUE);
  g_clear_pointer (&x->reports, g_free);
}

/* The province sends the keys of the offices it knows, so that every
 * district learns them from a signed bundle: {"code":"key",…} by code. */
static gboolean
collect_offices (Export *x, GError **error)
{
  g_autoptr (GPtrArray) known = d8_office_keys_list (x->store, error);
  guint n = 0;

  if (known == NULL)
    return FALSE;
  x->offices = g_string_new ("{");
  for (guint i = 0; i < known->len; i++)
    {
      D8KnownOffice *k = known->pdata[i];
      if (k->public_key == NULL || g_str_equal (k->office, "province"))
        continue;
      /* ORDER BY office is byte order of the UTF-8 code, as canonical form wants. */
      if (n++)
        g_string_append_c (x->offices, ',');
      put_member (x->offices, k->office, k->public_key, FALSE);
    }
  g_string_append_c (x->offices, '}');
  return TRUE;
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

/* Which plans, which unit, which entries. */
static gboolean
choose_scope (Export *x, const D8BundleExportOptions *options, GError **error)
{
  D8Store *store = x->store;
  const char *unit;
  g_autofree char *seq_text = NULL;
  g_autofree char *watermark_text = NULL;

  x->mode = options->entries;
  if (x->mode == D8_BUNDLE_ENTRIES_DEFAULT)
    x->mode = x->province ? D8_BUNDLE_ENTRIES_NONE : D8_BUNDLE_ENTRIES_SINCE_LAST;

  if (options->plan)
    {
      g_autoptr (D8Plan) plan = d8_store_resolve_plan (store, options->plan, error);
      if (plan == NULL)
        return FALSE;
      x->plan_id = plan->id;
      g_array_append_val (x->plan_ids, plan->id);
    }
  else
    {
      g_autoptr (GPtrArray) plans = d8_store_list_plans (store, error);
      if (plans == NULL)
        return FALSE;
      for (guint i = 0; i < plans->len; i++)
        g_array_append_val (x->plan_ids, ((D8Plan *) plans->pdata[i])->id);
    }

  /* A unit office speaks only for its own unit. */
  unit = options->unit ? options->unit : x->province ? NULL : x->office;
  if (!x->province && options->unit && !g_str_equal (options->unit, x->office))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("unit: this office (%s) exports only its own unit’s entries"), x->office);
      return FALSE;
    }
  if (unit)
    {
      g_autoptr (D8SqlStmt) u = d8_sql_prepare (d8_store_get_db (store),
                                                "SELECT id FROM units WHERE code = ?", error);
      if (u == NULL)
        return FALSE;
      sqlite3_bind_text (u, 1, unit, -1, SQLITE_STATIC);
      if (sqlite3_step (u) != SQLITE_ROW)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("unit: unknown unit “%s”"), unit);
          return FALSE;
        }
      x->unit_id = sqlite3_column_int64 (u, 0);
    }

  seq_text = d8_store_meta_get (store, "bundle_sequence");
  x->sequence = (seq_text ? g_ascii_strtoll (seq_text, NULL, 10) : 0) + 1;
  watermark_text = d8_store_meta_get (store, "export_change_seq");
  if (x->mode == D8_BUNDLE_ENTRIES_SINCE_LAST && watermark_text)
    x->since = g_ascii_strtoll (watermark_text, NULL, 10);
  return TRUE;
}

/* The header, in canonical form for the digest (@canonical), and as
 * written (@buf). */
static void
put_header (Export *x, GString *canonical, GString *buf)
{
  g_string_append (canonical, "{");
  put_member (canonical, "app_version", PACKAGE_VERSION, TRUE);
  put_member (canonical, "bundle_id", x->bundle_id, TRUE);
  put_member (canonical, "created_at", x->created_at, TRUE);
  put_member (canonical, "format", D8_BUNDLE_FORMAT_NAME, TRUE);
  g_string_append_printf (canonical, "\"format_version\":\"%d.%d\",", D8_BUNDLE_FORMAT_MAJOR,
                          D8_BUNDLE_FORMAT_MINOR);
  if (x->offices)
    g_string_append_printf (canonical, "\"offices\":%s,", x->offices->str);
  put_member (canonical, "origin", x->office, TRUE);
  if (x->reports)
    g_string_append_printf (canonical, "\"reports\":%s,", x->reports);
  g_string_append_printf (canonical, "\"sequence\":%lld,", (long long) x->sequence);
  put_member (canonical, "signer", x->signer, FALSE);
  g_string_append_c (canonical, '}');

  g_string_append (buf, "{\n");
  put_member (buf, "format", D8_BUNDLE_FORMAT_NAME, TRUE);
  g_string_append_printf (buf, "\n\"format_version\":\"%d.%d\",\n", D8_BUNDLE_FORMAT_MAJOR,
                          D8_BUNDLE_FORMAT_MINOR);
  put_member (buf, "bundle_id", x->bundle_id, TRUE);
  g_string_append_c (buf, '\n');
  put_member (buf, "created_at", x->created_at, TRUE);
  g_string_append_c (buf, '\n');
  put_member (buf, "origin", x->office, TRUE);
  g_string_append_printf (buf, "\n\"sequence\":%lld,\n", (long long) x->sequence);
  put_member (buf, "app_version", PACKAGE_VERSION, TRUE);
  g_string_append_c (buf, '\n');
  put_member (buf, "signer", x->signer, TRUE);
  if (x->offices)
    g_string_append_printf (buf, "\n\"offices\":%s,", x->offices->str);
  if (x->reports)
    g_string_append_printf (buf, "\n\"reports\":%s,", x->reports);
  g_string_append (buf, "\n\"content\":{\n\"plans\":[");
}

static gboolean
write_plans (Export *x, FILE *f, GString *buf, GChecksum *sum, GError **error)
{
  for (guint i = 0; x->province && i < x->plan_ids->len; i++)
    {
      g_autoptr (JsonNode) doc = plan_document (x->store, g_array_index (x->plan_ids, gint64, i),
                                                error);
      g_autofree char *json = NULL;

      if (doc == NULL)
        return FALSE;
      json = json_to_string (doc, FALSE);
      append_element (buf, i == 0, sum, put_canonical_cb, json);
      if (!flush (f, buf, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_entries (Export *x, FILE *f, GString *buf, GChecksum *sum, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = NULL;

  if (x->mode == D8_BUNDLE_ENTRIES_NONE)
    return TRUE;
  if (!d8_bundle_max_change_seq (x->store, &x->max_seq, error))
    return FALSE;
  /* Columns: as ENTRY_COLS, with codes for plan, unit and indicator. */
  stmt = d8_sql_prepare (d8_store_get_db (x->store),
                         "SELECT e.uuid, p.code, u.code, i.code, e.date, e.amount, e.reached,"
                         " e.group_size, e.place, e.note, e.created_at, e.updated_at, e.origin,"
                         " e.deleted, e.version, e.history FROM entries e"
                         " JOIN plans p ON p.id = e.plan_id JOIN units u ON u.id = e.unit_id"
                         " JOIN indicators i ON i.id = e.indicator_id"
                         " WHERE e.change_seq > ?1 AND e.change_seq <= ?2"
                         " AND (?3 = 0 OR e.unit_id = ?3) AND (?4 = 0 OR e.plan_id = ?4)"
                         " ORDER BY e.change_seq", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, x->since);
  sqlite3_bind_int64 (stmt, 2, x->max_seq);
  sqlite3_bind_int64 (stmt, 3, x->unit_id);
  sqlite3_bind_int64 (stmt, 4, x->plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      append_element (buf, x->n_entries == 0, sum, put_entry_cb, stmt);
      x->n_entries++;
      if (buf->len > (1 << 20) && !flush (f, buf, error))
        return FALSE;
    }
  return TRUE;
}

/* The whole file, synced to disk. */
static gboolean
write_bundle (Export *x, FILE *f, const char *path, GError **error)
{
  g_autoptr (GChecksum) plans_sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GChecksum) entries_sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GChecksum) total = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) buf = g_string_sized_new (1 << 20);
  g_autoptr (GString) canon = g_string_new ("duan8-bundle-digest-1\n");

  put_header (x, canon, buf);
  if (!flush (f, buf, error) || !write_plans (x, f, buf, plans_sum, error))
    return FALSE;
  g_string_append (buf, "\n],\n\"entries\":[");
  if (!write_entries (x, f, buf, entries_sum, error))
    return FALSE;
  g_string_append (buf, "\n]\n},\n");

  g_string_append_printf (canon, "\n%s\n%s\n", g_checksum_get_string (plans_sum),
                          g_checksum_get_string (entries_sum));
  g_checksum_update (total, (const guchar *) canon->str, canon->len);
  x->digest = g_strconcat ("sha256:", g_checksum_get_string (total), NULL);
  put_member (buf, "digest", x->digest, TRUE);
  {
    g_autofree char *message = g_strconcat (D8_BUNDLE_SIGNATURE_PREFIX, x->digest, NULL);
    g_autofree char *signature = d8_office_key_sign (x->store, message, error);

    if (signature == NULL)
      return FALSE;
    g_string_append_c (buf, '\n');
    put_member (buf, "signature", signature, FALSE);
  }
  g_string_append (buf, "\n}\n");
  if (!flush (f, buf, error))
    return FALSE;
  if (fflush (f) != 0 || fsync (fileno (f)) != 0)
    return write_failed (error, path);
  return TRUE;
}

/* Opens the transaction that moves the office's counters on; it is
 * committed only once the file is in place (d8_bundle_export). */
static gboolean
stage_counters (Export *x, GError **error)
{
  sqlite3 *db = d8_store_get_db (x->store);
  g_autofree char *seq = g_strdup_printf ("%lld", (long long) x->sequence);
  g_autofree char *mark = g_strdup_printf ("%lld", (long long) x->max_seq);

  if (!d8_sql_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;
  if (!d8_store_meta_set (x->store, "bundle_sequence", seq, error)
      || (x->mode != D8_BUNDLE_ENTRIES_NONE
          && !d8_store_meta_set (x->store, "export_change_seq", mark, error)))
    {
      d8_sql_exec (db, "ROLLBACK;", NULL);
      return FALSE;
    }
  return TRUE;
}

/* A new file beside @path for the bundle to be written to: created, never
 * opened if it exists (O_EXCL), readable by others as a bundle is. */
static FILE *
open_temporary (const char *path, char **tmp, GError **error)
{
  FILE *f;
  int fd;

  *tmp = g_strconcat (path, ".part-XXXXXX", NULL);
  fd = g_mkstemp_full (*tmp, O_WRONLY, 0644);
  if (fd < 0)
    {
      write_failed (error, path);
      g_clear_pointer (tmp, g_free);
      return NULL;
    }
  if ((f = fdopen (fd, "wb")) == NULL)
    {
      write_failed (error, path);
      close (fd);
      g_unlink (*tmp);
      g_clear_pointer (tmp, g_free);
    }
  return f;
}

/* After a rename, the folder's entry is made durable too. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * d8_bundle_export:
 * @store: the store
 * @options: which plans, unit and entries to send
 * @path: the file to write; replaced atomically (temporary file, rename)
 * @result: (out caller-allocates) (optional): what was written; clear it
 *   with d8_bundle_export_result_clear()
 * @error: D8_ERROR_NOT_FOUND for an unknown plan or unit,
 *   D8_ERROR_INVALID for another office's unit or a file that cannot be
 *   written, or a database error
 *
 * Writes a bundle. The office's bundle sequence, and with entries its
 * export watermark, move on only when the file is in place.
 *
 * Returns: %TRUE on success.
 */
gboolean
d8_bundle_export (D8Store *store, const D8BundleExportOptions *options, const char *path,
                  D8BundleExportResult *result, GError **error)
{
  g_auto (Export) x = { 0 };
  g_autofree char *tmp = NULL;
  FILE *f;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && path != NULL, FALSE);

  x.store = store;
  x.office = d8_store_get_office (store);
  x.province = g_str_equal (x.office, "province");
  x.plan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  x.bundle_id = g_uuid_string_random ();
  x.created_at = d8_hlc_time_string (d8_hlc_now_ms ());
  if (!choose_scope (&x, options, error))
    return FALSE;
  /* Every bundle is signed by its office (docs/security.md). */
  if ((x.signer = d8_office_key_get_public (store, error)) == NULL)
    return FALSE;
  if (x.province && !collect_offices (&x, error))
    return FALSE;
  {
    g_autoptr (GError) reports_error = NULL;

    x.reports = d8_bundle_export_reports (store, x.office, x.plan_id, &reports_error);
    if (reports_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&reports_error));
        return FALSE;
      }
  }

  if ((f = open_temporary (path, &tmp, error)) == NULL)
    return FALSE;
  if (!write_bundle (&x, f, path, error))
    {
      fclose (f);
      g_unlink (tmp);
      return FALSE;
    }
  if (fclose (f) != 0)
    {
      write_failed (error, path);
      g_unlink (tmp);
      return FALSE;
    }
  /* The sequence is used only if the file is in place, and is in place only
   * if the sequence is used: the counters commit after the rename, and a
   * failed commit takes the file away again. */
  if (!stage_counters (&x, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      write_failed (error, path);
      d8_sql_exec (d8_store_get_db (store), "ROLLBACK;", NULL);
      g_unlink (tmp);
      return FALSE;
    }
  if (!d8_sql_exec (d8_store_get_db (store), "COMMIT;", error))
    {
      d8_sql_exec (d8_store_get_db (store), "ROLLBACK;", NULL);
      g_unlink (path);
      return FALSE;
    }
  sync_folder (path);
  if (result)
    {
      result->bundle_id = g_steal_pointer (&x.bundle_id);
      result->digest = g_steal_pointer (&x.digest);
      result->sequence = x.sequence;
      result->n_plans = x.province ? x.plan_ids->len : 0;
      result->n_entries = x.n_entries;
    }
  return TRUE;
}
