/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-bundle-read.c — reading and checking a bundle file
 * (docs/bundle-format.md).
 *
 * The file is mapped by d8_bundle_import_new() and walked here with the
 * streaming JSON reader (d8-json-reader.h): the header member by member,
 * then the plans and entries arrays one element at a time, each element's
 * canonical form fed to the digest as it goes and dropped once checked.
 * Only the compact checked records (Rec, PlanRec) are kept. Anything
 * malformed refuses the whole bundle with an error naming the file, the
 * record and the field; whether a well-formed record is acceptable here
 * is decided later, by d8-bundle-merge.c.
 */
#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "d8-bundle-private.h"
#include "d8-entry.h"
#include "d8-hlc.h"
#include "d8-json-reader.h"
#include "d8-office-keys.h"
#include "d8-plan-amendments.h"
#include "d8-text.h"

void
d8_bundle_plan_rec_free (PlanRec *rec)
{
  g_free (rec->code);
  d8_plan_file_free (rec->file);
  g_clear_pointer (&rec->amendments, g_ptr_array_unref);
  g_free (rec);
}

/**
 * d8_bundle_refuse:
 * @error: where to put the error
 * @file: the bundle's file name
 * @record: the record at fault ("entries[12] (uuid)", "line 3", "file")
 * @field: (nullable): the field at fault
 * @format: the problem, a translated printf-style phrase
 *
 * Refuses the whole bundle: sets @error (D8_ERROR_INVALID) to
 * "FILE: RECORD: FIELD: problem".
 *
 * Returns: %FALSE, for `return d8_bundle_refuse (...)`.
 */
gboolean
d8_bundle_refuse (GError **error, const char *file, const char *record, const char *field,
        const char *format, ...)
{
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (field)
    message = g_strdup_printf (/* Translators: bundle error: file, record (entries[12] …), field,
                                * problem */
                               _("%s: %s: %s: %s"), file, record, field, what);
  else
    message = g_strdup_printf (/* Translators: bundle error: file, record, problem */
                               _("%s: %s: %s"), file, record, what);
  /* The file's own text (a name, a value) is quoted in it: shown escaped. */
  shown = d8_text_escape_message (message);
  g_set_error_literal (error, D8_ERROR, D8_ERROR_INVALID, shown);
  return FALSE;
}

typedef struct
{
  D8BundleImport *im;
  const char *file;      /* base name for messages */
  GError **error;
  char *record;          /* "entries[12] (uuid)" */
  gboolean newer_minor;  /* unknown members are ignored */
} Ctx;

static gboolean G_GNUC_PRINTF (3, 4)
rec_fail (Ctx *ctx, const char *field, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  return d8_bundle_refuse (ctx->error, ctx->file, ctx->record, field, "%s", what);
}

static gboolean
get_text (Ctx *ctx, D8JsonReader *r, guint v, const char *field, gboolean nullable, gsize max_len,
          const char **out)
{
  D8JsonValue *x = d8_json_value (r, v);

  if (x->kind == D8_JSON_NULL && nullable)
    {
      *out = NULL;
      return TRUE;
    }
  if (x->kind != D8_JSON_STRING)
    return rec_fail (ctx, field, _("expected text"));
  if (x->str_len == 0 && !nullable)
    return rec_fail (ctx, field, _("required text is empty"));
  if (x->str_len > max_len)
    return rec_fail (ctx, field, _("the text is too long (%u bytes, at most %u)"),
                     x->str_len, (guint) max_len);
  *out = d8_json_text (r, x->str);
  return TRUE;
}

static gboolean
get_count (Ctx *ctx, D8JsonReader *r, guint v, const char *field, gint64 *out)
{
  D8JsonValue *x = d8_json_value (r, v);
  const char *text = d8_json_text (r, x->str);
  guint64 value;

  if (x->kind == D8_JSON_NUMBER)
    return rec_fail (ctx, field, _("%s is not a whole number"), text);
  if (x->kind != D8_JSON_INT)
    return rec_fail (ctx, field, _("expected a whole number"));
  if (text[0] == '-')
    return rec_fail (ctx, field, _("%s is negative"), text);
  if (x->str_len > 13
      || !g_ascii_string_to_unsigned (text, 10, 0, D8_ENTRY_AMOUNT_MAX, &value, NULL))
    return rec_fail (ctx, field, _("%s is out of range (0 to 10¹²)"), text);
  *out = (gint64) value;
  return TRUE;
}

static gboolean
timestamp_is_valid (const char *text)
{
  g_autoptr (GDateTime) dt = NULL;

  if (strlen (text) < 20 || text[4] != '-' || text[10] != 'T')
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

/* Checks one entries[] element and keeps it as a compact record. */
static gboolean
read_entry (Ctx *ctx, D8JsonReader *r, guint obj, guint index, GHashTable *seen)
{
  D8BundleImport *im = ctx->im;
  GStringChunk *chunk = im->strings;
  Rec rec = { 0 };
  guint have = 0;
  enum { F_UUID = 1 << 0, F_PLAN = 1 << 1, F_UNIT = 1 << 2, F_IND = 1 << 3, F_DATE = 1 << 4,
         F_AMOUNT = 1 << 5, F_REACHED = 1 << 6, F_GROUP = 1 << 7, F_CREATED = 1 << 8,
         F_UPDATED = 1 << 9, F_ORIGIN = 1 << 10, F_VERSION = 1 << 11, F_HISTORY = 1 << 12,
         F_DELETED = 1 << 13, F_ALL = (1 << 14) - 1 };
  static const char *const names[] = { "uuid", "plan", "unit", "indicator", "date", "amount",
                                       "reached", "group_size", "created_at", "updated_at",
                                       "origin", "version", "history", "deleted" };
  guint u;

  g_free (ctx->record);
  ctx->record = g_strdup_printf ("entries[%u]", index);
  if (d8_json_value (r, obj)->kind != D8_JSON_OBJECT)
    return rec_fail (ctx, NULL, _("expected an object"));
  /* The UUID first, so every later message can name the entry. */
  if ((u = d8_json_member (r, obj, "uuid")) != 0)
    {
      const char *uuid;
      if (!get_text (ctx, r, u, "uuid", FALSE, 64, &uuid))
        return FALSE;
      if (!g_uuid_string_is_valid (uuid))
        return rec_fail (ctx, "uuid", _("“%s” is not a UUID"), uuid);
      {
        g_autofree char *lower = g_ascii_strdown (uuid, -1);
        gpointer other;
        rec.uuid = g_string_chunk_insert (chunk, lower);
        g_free (ctx->record);
        ctx->record = g_strdup_printf ("entries[%u] (%s)", index, rec.uuid);
        if (g_hash_table_lookup_extended (seen, rec.uuid, NULL, &other))
          return rec_fail (ctx, "uuid", _("the same entry appears twice in the bundle (also "
                                          "entries[%u])"), GPOINTER_TO_UINT (other));
        g_hash_table_insert (seen, (gpointer) rec.uuid, GUINT_TO_POINTER (index));
      }
      have |= F_UUID;
    }
  for (guint c = d8_json_value (r, obj)->first; c; c = d8_json_value (r, c)->next)
    {
      const char *key = d8_json_text (r, d8_json_value (r, c)->key);
      const char *text = NULL;

      if (strcmp (key, "uuid") == 0)
        continue;
      else if (strcmp (key, "plan") == 0 || strcmp (key, "unit") == 0
               || strcmp (key, "indicator") == 0 || strcmp (key, "origin") == 0)
        {
          if (!get_text (ctx, r, c, key, FALSE, 200, &text))
            return FALSE;
          text = g_string_chunk_insert_const (chunk, text);
          switch (key[0])
            {
            case 'p': rec.plan = text, have |= F_PLAN; break;
            case 'u': rec.unit = text, have |= F_UNIT; break;
            case 'i': rec.indicator = text, have |= F_IND; break;
            default: rec.origin = text, have |= F_ORIGIN; break;
            }
        }
      else if (strcmp (key, "date") == 0)
        {
          g_autoptr (GError) local_error = NULL;

          if (!get_text (ctx, r, c, key, FALSE, 10, &text))
            return FALSE;
          if (!d8_entry_check_date (text, &local_error))
            return rec_fail (ctx, key, "%s", local_error->message);
          rec.date = g_string_chunk_insert_const (chunk, text);
          have |= F_DATE;
        }
      else if (strcmp (key, "amount") == 0 || strcmp (key, "reached") == 0
               || strcmp (key, "group_size") == 0)
        {
          gint64 *count = key[0] == 'a' ? &rec.amount : key[0] == 'r' ? &rec.reached
                                                                      : &rec.group_size;
          if (!get_count (ctx, r, c, key, count))
            return FALSE;
          have |= key[0] == 'a' ? F_AMOUNT : key[0] == 'r' ? F_REACHED : F_GROUP;
        }
      else if (strcmp (key, "place") == 0 || strcmp (key, "note") == 0)
        {
          g_autofree char *nfc = NULL;
          g_autoptr (GError) local_error = NULL;

          /* The raw text may take up to 4 bytes a character before NFC. */
          if (!get_text (ctx, r, c, key, TRUE, D8_ENTRY_TEXT_MAX * 4, &text))
            return FALSE;
          /* Normalised and limited like every text typed here. */
          if (!d8_entry_normalize_text (text, &nfc, &local_error))
            return rec_fail (ctx, key, "%s", local_error->message);
          text = nfc ? g_string_chunk_insert (chunk, nfc) : NULL;
          if (key[0] == 'p')
            rec.place = text;
          else
            rec.note = text;
        }
      else if (strcmp (key, "created_at") == 0 || strcmp (key, "updated_at") == 0)
        {
          if (!get_text (ctx, r, c, key, FALSE, 40, &text))
            return FALSE;
          if (!timestamp_is_valid (text))
            return rec_fail (ctx, key, _("“%s” is not a time in the form "
                                         "YYYY-MM-DDTHH:MM:SSZ"), text);
          text = g_string_chunk_insert (chunk, text);
          if (key[0] == 'c')
            rec.created_at = text, have |= F_CREATED;
          else
            rec.updated_at = text, have |= F_UPDATED;
        }
      else if (strcmp (key, "version") == 0)
        {
          if (!get_text (ctx, r, c, key, FALSE, 100, &text))
            return FALSE;
          if (!d8_hlc_is_valid (text))
            return rec_fail (ctx, key, _("“%s” is not a version stamp"), text);
          rec.version = g_string_chunk_insert (chunk, text);
          have |= F_VERSION;
        }
      else if (strcmp (key, "history") == 0)
        {
          GString *joined;
          guint n = 0;

          if (d8_json_value (r, c)->kind != D8_JSON_ARRAY)
            return rec_fail (ctx, key, _("expected a list of version stamps"));
          if (d8_json_value (r, c)->n > 2 * D8_HLC_HISTORY_MAX)
            return rec_fail (ctx, key, _("more than %d version stamps"), 2 * D8_HLC_HISTORY_MAX);
          joined = g_string_new (NULL);
          for (guint h = d8_json_value (r, c)->first; h; h = d8_json_value (r, h)->next, n++)
            {
              D8JsonValue *stamp = d8_json_value (r, h);

              if (stamp->kind != D8_JSON_STRING || !d8_hlc_is_valid (d8_json_text (r, stamp->str)))
                {
                  g_string_free (joined, TRUE);
                  return rec_fail (ctx, key, _("item %u is not a version stamp"), n);
                }
              if (joined->len)
                g_string_append_c (joined, ' ');
              g_string_append (joined, d8_json_text (r, d8_json_value (r, h)->str));
            }
          rec.history = n ? g_string_chunk_insert (chunk, joined->str) : "";
          g_string_free (joined, TRUE);
          have |= F_HISTORY;
        }
      else if (strcmp (key, "deleted") == 0)
        {
          D8JsonKind kind = d8_json_value (r, c)->kind;

          if (kind != D8_JSON_TRUE && kind != D8_JSON_FALSE)
            return rec_fail (ctx, key, _("expected true or false"));
          rec.deleted = d8_json_value (r, c)->kind == D8_JSON_TRUE;
          have |= F_DELETED;
        }
      else if (!ctx->newer_minor)
        return rec_fail (ctx, key, _("unknown member"));
    }
  if (have != F_ALL)
    for (guint b = 0; b < G_N_ELEMENTS (names); b++)
      if (!(have & (1u << b)))
        return rec_fail (ctx, names[b], _("required member is missing"));
  if (d8_hlc_history_contains (rec.history, rec.version))
    return rec_fail (ctx, "history", _("the entry’s own version is among its ancestors"));
  g_array_append_val (im->recs, rec);
  return TRUE;
}

/* ===================================================== import: the file */

typedef struct
{
  char *key;
  char *canonical;
} HeaderMember;

static void
header_member_free (HeaderMember *m)
{
  g_free (m->key);
  g_free (m->canonical);
  g_free (m);
}

static int
compare_header (gconstpointer a, gconstpointer b)
{
  return strcmp ((*(HeaderMember **) a)->key, (*(HeaderMember **) b)->key);
}

static gboolean
syntax_error (Ctx *ctx, D8JsonReader *r)
{
  g_autofree char *where = g_strdup_printf (_("line %u"), d8_json_reader_error_line (r));
  return d8_bundle_refuse (ctx->error, ctx->file, where, NULL, "%s", r->error);
}

/* Pages already read are dropped so a large bundle costs little memory. */
static void
release_pages (const char *base, const char *upto, const char **released)
{
#ifdef MADV_DONTNEED
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  gsize from = (gsize) (*released - base);
  gsize to = ((gsize) (upto - base)) / page * page;

  if (to >= from + (gsize) 8 * 1024 * 1024)
    {
      madvise ((void *) (base + from), to - from, MADV_DONTNEED);
      *released = base + to;
    }
#endif
}

/* Reads @open after white space; *@empty tells whether @close follows at
 * once (and was read). FALSE after a syntax error. */
static gboolean
read_open (Ctx *ctx, D8JsonReader *r, char open, char close, gboolean *empty)
{
  if (!d8_json_expect (r, open))
    return syntax_error (ctx, r);
  d8_json_skip_ws (r);
  *empty = r->p < r->end && *r->p == close;
  if (*empty)
    r->p++;
  return TRUE;
}

/* Reads one array of content (plans or entries), element by element. */
static gboolean
read_content_array (Ctx *ctx, D8JsonReader *r, gboolean entries, GChecksum *sum, GHashTable *seen,
                    const char **released)
{
  g_autoptr (GString) canon = g_string_sized_new (1024);
  guint index = 0;
  gboolean empty;

  if (!read_open (ctx, r, '[', ']', &empty))
    return FALSE;
  while (!empty)
    {
      const char *start;
      guint v;

      d8_json_reader_reset (r);
      d8_json_skip_ws (r);
      start = r->p;
      if ((v = d8_json_read_value (r, 2)) == 0)
        return syntax_error (ctx, r);
      g_string_truncate (canon, 0);
      d8_json_append_canonical (r, v, canon);
      g_string_append_c (canon, '\n');
      g_checksum_update (sum, (const guchar *) canon->str, canon->len);
      if (entries)
        {
          if (!read_entry (ctx, r, v, index, seen))
            return FALSE;
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("%s: plans[%u]", ctx->file, index);
          PlanRec *rec = g_new0 (PlanRec, 1);

          rec->index = index;
          g_ptr_array_add (ctx->im->plan_recs, rec);
          if (d8_json_value (r, v)->kind != D8_JSON_OBJECT)
            return d8_bundle_refuse (ctx->error, ctx->file, name + strlen (ctx->file) + 2, NULL,
                           _("expected a plan document"));
          rec->file = d8_plan_file_parse (start, r->p - start, name, ctx->error);
          if (rec->file == NULL)
            {
              /* One error code for every refused bundle. */
              if (ctx->error && *ctx->error)
                (*ctx->error)->code = D8_ERROR_INVALID;
              return FALSE;
            }
          rec->code = g_strdup (rec->file->plan->code);
          if (!d8_plan_amendments_parse (start, r->p - start, rec->file, name, &rec->amendments,
                                         ctx->error))
            {
              if (ctx->error && *ctx->error)
                (*ctx->error)->code = D8_ERROR_INVALID;
              return FALSE;
            }
        }
      index++;
      release_pages (r->base, r->p, released);
      d8_json_skip_ws (r);
      if (r->p >= r->end)
        {
          d8_json_reader_fail (r,
                               _("the file ends early (it may have been cut off while copying)"));
          return syntax_error (ctx, r);
        }
      if (*r->p == ',')
        {
          r->p++;
          continue;
        }
      if (*r->p == ']')
        {
          r->p++;
          return TRUE;
        }
      d8_json_reader_fail (r, _("expected “,” or “]”"));
      return syntax_error (ctx, r);
    }
  return TRUE;
}

static char *
header_string (D8JsonReader *r, guint v)
{
  D8JsonValue *x = d8_json_value (r, v);

  return x->kind == D8_JSON_STRING ? g_strdup (d8_json_text (r, x->str)) : NULL;
}

/* What the walk over the top-level object has found so far. */
typedef struct
{
  GPtrArray *header;     /* HeaderMember*: every member but digest and content */
  char *digest;          /* as written in the file */
  char *format;
  char *version;
  gboolean have_content;
  gboolean have_sequence;
  GChecksum *plans_sum;
  GChecksum *entries_sum;
  GHashTable *seen;      /* entry UUID → its index, for duplicates */
  const char *released;  /* the pages before this were given back */
} Walk;

static void
walk_clear (Walk *walk)
{
  g_clear_pointer (&walk->header, g_ptr_array_unref);
  g_clear_pointer (&walk->digest, g_free);
  g_clear_pointer (&walk->format, g_free);
  g_clear_pointer (&walk->version, g_free);
  g_clear_pointer (&walk->plans_sum, g_checksum_free);
  g_clear_pointer (&walk->entries_sum, g_checksum_free);
  g_clear_pointer (&walk->seen, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Walk, walk_clear)

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->record, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ctx, ctx_clear)

static gboolean
duplicate_member (Ctx *ctx, D8JsonReader *r, const char *key)
{
  d8_json_reader_fail (r, _("the member “%s” appears twice in one object"), key);
  return syntax_error (ctx, r);
}

/* Reads a member name and its colon; returns it, or NULL after a syntax
 * error. */
static char *
read_key (Ctx *ctx, D8JsonReader *r)
{
  guint offset, len;

  if (!d8_json_read_string (r, &offset, &len) || !d8_json_expect (r, ':'))
    return syntax_error (ctx, r), NULL;
  return g_strdup (d8_json_text (r, offset));
}

/* After a member: TRUE with *@more set when a "," follows, TRUE with it
 * unset when @close ends the object, FALSE after a syntax error. */
static gboolean
read_separator (Ctx *ctx, D8JsonReader *r, char close, gboolean *more)
{
  d8_json_skip_ws (r);
  *more = r->p < r->end && *r->p == ',';
  if (*more)
    {
      r->p++;
      return TRUE;
    }
  return d8_json_expect (r, close) || syntax_error (ctx, r);
}

/* The value of "content": an object of the plans and entries arrays. */
static gboolean
read_content (Ctx *ctx, D8JsonReader *r, Walk *walk)
{
  gboolean seen_plans = FALSE, seen_entries = FALSE, empty, more = TRUE;

  if (!read_open (ctx, r, '{', '}', &empty))
    return FALSE;
  while (!empty && more)
    {
      g_autofree char *key = NULL;

      d8_json_reader_reset (r);
      if ((key = read_key (ctx, r)) == NULL)
        return FALSE;
      if ((g_str_equal (key, "plans") && seen_plans)
          || (g_str_equal (key, "entries") && seen_entries))
        return duplicate_member (ctx, r, key);
      if (g_str_equal (key, "plans"))
        {
          seen_plans = TRUE;
          if (!read_content_array (ctx, r, FALSE, walk->plans_sum, walk->seen, &walk->released))
            return FALSE;
        }
      else if (g_str_equal (key, "entries"))
        {
          seen_entries = TRUE;
          if (!read_content_array (ctx, r, TRUE, walk->entries_sum, walk->seen, &walk->released))
            return FALSE;
        }
      else
        return d8_bundle_refuse (ctx->error, ctx->file, "content", key, _("unknown member"));
      if (!read_separator (ctx, r, '}', &more))
        return FALSE;
      if (more)
        d8_json_skip_ws (r);
    }
  return TRUE;
}

/* "1", "10", "0", not "01", "+1" or "". */
static gboolean
plain_number (const char *text)
{
  if (text[0] == '\0' || (text[0] == '0' && text[1] != '\0'))
    return FALSE;
  for (const char *c = text; *c; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;
  return TRUE;
}

/* "offices": the keys of the offices the province knows, an object of
 * office code → public key. */
static gboolean
read_offices (Ctx *ctx, D8JsonReader *r, guint v)
{
  D8BundleImport *im = ctx->im;

  if (d8_json_value (r, v)->kind != D8_JSON_OBJECT)
    return d8_bundle_refuse (ctx->error, ctx->file, "offices", NULL,
                             _("expected an object of office codes and keys"));
  g_clear_pointer (&im->offices, g_ptr_array_unref);
  im->offices = g_ptr_array_new_with_free_func (g_free);
  for (guint c = d8_json_value (r, v)->first; c; c = d8_json_value (r, c)->next)
    {
      const char *code = d8_json_text (r, d8_json_value (r, c)->key);
      D8JsonValue *x = d8_json_value (r, c);
      const char *key = x->kind == D8_JSON_STRING ? d8_json_text (r, x->str) : NULL;

      if (*code == '\0' || strlen (code) > 200 || !d8_office_key_is_valid (key))
        return d8_bundle_refuse (ctx->error, ctx->file, "offices", code,
                                 _("expected the office’s public key (%d lower-case "
                                   "hexadecimal digits)"), D8_OFFICE_KEY_HEX_LEN);
      g_ptr_array_add (im->offices, g_strdup (code));
      g_ptr_array_add (im->offices, g_strdup (key));
    }
  return TRUE;
}

/* Checks one member of the header, value @v, as soon as it is read, so a
 * bundle from a newer duan8 says "update" rather than stumbling on what it
 * does not know. */
static gboolean
check_header_member (Ctx *ctx, D8JsonReader *r, Walk *walk, const char *key, guint v)
{
  D8BundlePreview *p = &ctx->im->preview;
  GError **error = ctx->error;

  if ((g_str_equal (key, "digest") && walk->digest != NULL)
      || (g_str_equal (key, "signature") && ctx->im->signature != NULL))
    return d8_bundle_refuse (error, ctx->file, key, NULL,
                             _("the member “%s” appears twice in one object"), key);
  if (g_str_equal (key, "digest"))
    {
      g_free (walk->digest);
      if ((walk->digest = header_string (r, v)) == NULL)
        return d8_bundle_refuse (error, ctx->file, "digest", NULL, _("expected text"));
      return TRUE;
    }
  if (g_str_equal (key, "signature"))
    {
      g_free (ctx->im->signature);
      ctx->im->signature = header_string (r, v);
      if (ctx->im->signature == NULL
          || strlen (ctx->im->signature) != D8_OFFICE_SIGNATURE_HEX_LEN)
        return d8_bundle_refuse (error, ctx->file, "signature", NULL,
                                 _("expected a signature (%d hexadecimal digits)"),
                                 D8_OFFICE_SIGNATURE_HEX_LEN);
      return TRUE;
    }
  {
    HeaderMember *m = g_new0 (HeaderMember, 1);
    g_autoptr (GString) canon = g_string_new (NULL);

    m->key = g_strdup (key);
    d8_json_append_canonical (r, v, canon);
    m->canonical = g_strdup (canon->str);
    g_ptr_array_add (walk->header, m);
  }
  if (g_str_equal (key, "format"))
    {
      walk->format = header_string (r, v);
      if (walk->format == NULL || !g_str_equal (walk->format, D8_BUNDLE_FORMAT_NAME))
        return d8_bundle_refuse (error, ctx->file, "format", NULL,
                                 _("this is not a duan8 bundle (format “%s”, expected “%s”)"),
                                 walk->format ? walk->format : "?", D8_BUNDLE_FORMAT_NAME);
    }
  else if (g_str_equal (key, "format_version"))
    {
      guint64 major = 0, minor = 0;
      g_auto (GStrv) parts = NULL;

      walk->version = header_string (r, v);
      if (walk->version)
        parts = g_strsplit (walk->version, ".", 3);
      /* Strictly "MAJOR.MINOR": digits only, no sign, no leading zero. */
      if (parts == NULL || g_strv_length (parts) != 2 || !plain_number (parts[0])
          || !plain_number (parts[1])
          || !g_ascii_string_to_unsigned (parts[0], 10, 1, 1000, &major, NULL)
          || !g_ascii_string_to_unsigned (parts[1], 10, 0, 1000, &minor, NULL))
        return d8_bundle_refuse (error, ctx->file, "format_version", NULL,
                                 _("expected a version such as “1.0”"));
      if (major > D8_BUNDLE_FORMAT_MAJOR)
        return d8_bundle_refuse (error, ctx->file, "format_version", NULL,
                                 _("the bundle has format version %s, made by a newer duan8 "
                                   "than this one (which reads %d.x); update duan8 to import it"),
                                 walk->version, D8_BUNDLE_FORMAT_MAJOR);
      ctx->newer_minor = minor > D8_BUNDLE_FORMAT_MINOR;
    }
  else if (g_str_equal (key, "bundle_id"))
    {
      p->bundle_id = header_string (r, v);
      if (p->bundle_id == NULL || !g_uuid_string_is_valid (p->bundle_id))
        return d8_bundle_refuse (error, ctx->file, "bundle_id", NULL, _("expected a UUID"));
      /* Compared in canonical (lower-case) form: an upper-case copy is the
       * same bundle. */
      {
        char *lower = g_ascii_strdown (p->bundle_id, -1);
        g_free (p->bundle_id);
        p->bundle_id = lower;
      }
    }
  else if (g_str_equal (key, "origin"))
    {
      p->origin = header_string (r, v);
      if (p->origin == NULL || *p->origin == '\0' || strlen (p->origin) > 200)
        return d8_bundle_refuse (error, ctx->file, "origin", NULL,
                                 _("expected the sending office"));
    }
  else if (g_str_equal (key, "created_at"))
    {
      p->created_at = header_string (r, v);
      if (p->created_at == NULL || !timestamp_is_valid (p->created_at))
        return d8_bundle_refuse (error, ctx->file, "created_at", NULL,
                                 _("expected a time in the form YYYY-MM-DDTHH:MM:SSZ"));
    }
  else if (g_str_equal (key, "app_version"))
    {
      if ((p->app_version = header_string (r, v)) == NULL)
        return d8_bundle_refuse (error, ctx->file, "app_version", NULL, _("expected text"));
    }
  else if (g_str_equal (key, "sequence"))
    {
      guint64 seq;

      if (d8_json_value (r, v)->kind != D8_JSON_INT
          || !g_ascii_string_to_unsigned (d8_json_text (r, d8_json_value (r, v)->str), 10, 1,
                                          D8_BUNDLE_MAX_SEQUENCE, &seq, NULL))
        return d8_bundle_refuse (error, ctx->file, "sequence", NULL,
                                 _("expected a whole number from 1 to %lld"),
                                 (long long) D8_BUNDLE_MAX_SEQUENCE);
      p->sequence = (gint64) seq;
      walk->have_sequence = TRUE;
    }
  else if (g_str_equal (key, "signer"))
    {
      p->signer_key = header_string (r, v);
      if (!d8_office_key_is_valid (p->signer_key))
        return d8_bundle_refuse (error, ctx->file, "signer", NULL,
                                 _("expected the signing office’s public key (%d lower-case "
                                   "hexadecimal digits)"), D8_OFFICE_KEY_HEX_LEN);
      p->signer_fingerprint = d8_office_key_fingerprint (p->signer_key);
    }
  else if (g_str_equal (key, "offices"))
    return read_offices (ctx, r, v);
  else if (g_str_equal (key, "reports"))
    return d8_bundle_read_reports (ctx->im, ctx->file,
                                   ((HeaderMember *) walk->header->pdata[walk->header->len - 1])
                                     ->canonical,
                                   error);
  else if (!ctx->newer_minor)
    return d8_bundle_refuse (error, ctx->file, key, NULL, _("unknown member"));
  return TRUE;
}

/* One member of the top-level object. */
static gboolean
read_top_member (Ctx *ctx, D8JsonReader *r, Walk *walk)
{
  g_autofree char *key = NULL;
  guint v;

  if ((key = read_key (ctx, r)) == NULL)
    return FALSE;
  for (guint i = 0; i < walk->header->len; i++)
    if (g_str_equal (((HeaderMember *) walk->header->pdata[i])->key, key))
      return duplicate_member (ctx, r, key);
  if (g_str_equal (key, "content"))
    {
      if (walk->have_content)
        return duplicate_member (ctx, r, key);
      walk->have_content = TRUE;
      if (walk->format == NULL || walk->version == NULL)
        return d8_bundle_refuse (ctx->error, ctx->file, "format", NULL,
                                 _("the header (format, format_version) must come before the "
                                   "content"));
      return read_content (ctx, r, walk);
    }
  if ((v = d8_json_read_value (r, 1)) == 0)
    return syntax_error (ctx, r);
  return check_header_member (ctx, r, walk, key, v);
}

/* The digest: see docs/bundle-format.md. */
static gboolean
check_digest (Ctx *ctx, Walk *walk)
{
  D8BundlePreview *p = &ctx->im->preview;
  g_autoptr (GChecksum) total = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) canon = g_string_new ("duan8-bundle-digest-1\n{");

  g_ptr_array_sort (walk->header, compare_header);
  for (guint i = 0; i < walk->header->len; i++)
    {
      HeaderMember *m = walk->header->pdata[i];
      if (i)
        g_string_append_c (canon, ',');
      d8_json_append_canonical_string (canon, m->key, strlen (m->key));
      g_string_append_c (canon, ':');
      g_string_append (canon, m->canonical);
    }
  g_string_append_printf (canon, "}\n%s\n%s\n", g_checksum_get_string (walk->plans_sum),
                          g_checksum_get_string (walk->entries_sum));
  g_checksum_update (total, (const guchar *) canon->str, canon->len);
  p->digest = g_strconcat ("sha256:", g_checksum_get_string (total), NULL);
  if (!g_str_equal (walk->digest, p->digest))
    return d8_bundle_refuse (ctx->error, ctx->file, "digest", NULL,
                             _("the content does not match its digest: the file was changed or "
                               "damaged after it was made; ask the sender for a new copy"));
  return TRUE;
}

/* The signature, over the digest, by the key the header names. An unsigned
 * bundle is read (the import refuses it with its reason); a signature that
 * does not match is a forgery or damage and refuses it here. */
static gboolean
check_signature (Ctx *ctx)
{
  D8BundleImport *im = ctx->im;
  D8BundlePreview *p = &im->preview;
  g_autofree char *message = NULL;

  if (p->signer_key == NULL && im->signature == NULL)
    return TRUE;
  if (p->signer_key == NULL || im->signature == NULL)
    return d8_bundle_refuse (ctx->error, ctx->file, p->signer_key ? "signature" : "signer",
                             NULL, _("required member is missing"));
  message = g_strconcat (D8_BUNDLE_SIGNATURE_PREFIX, p->digest, NULL);
  if (!d8_office_key_verify (p->signer_key, message, im->signature))
    return d8_bundle_refuse (ctx->error, ctx->file, "signature", NULL,
                             _("the signature does not match the content: the file was changed "
                               "after it was signed, or it is forged; it was refused. Ask the "
                               "sender for a new copy"));
  return TRUE;
}

/**
 * d8_bundle_read:
 * @im: the import, whose preview's file name is set
 * @data: the mapped file
 * @size: its size
 * @error: where a refusal of the whole bundle goes
 *
 * Parses and checks the whole file; fills the preview's header fields and
 * the records (im->recs, im->plan_recs). Writes nothing to the database.
 *
 * Returns: %FALSE when the bundle is refused (D8_ERROR_INVALID).
 */
gboolean
d8_bundle_read (D8BundleImport *im, const char *data, gsize size, GError **error)
{
  g_auto (Ctx) ctx = { im, im->preview.file_name, error, NULL, FALSE };
  g_auto (D8JsonReader) r = { 0 };
  g_auto (Walk) walk = { 0 };
  D8BundlePreview *p = &im->preview;
  const char *missing;
  gboolean more = TRUE;

  d8_json_reader_init (&r, data, size);
  walk.header = g_ptr_array_new_with_free_func ((GDestroyNotify) header_member_free);
  walk.seen = g_hash_table_new (g_str_hash, g_str_equal);
  walk.plans_sum = g_checksum_new (G_CHECKSUM_SHA256);
  walk.entries_sum = g_checksum_new (G_CHECKSUM_SHA256);
  walk.released = data;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return d8_bundle_refuse (error, ctx.file, _("file"), NULL,
                             _("the file starts with a byte-order mark"));
  if (!d8_json_expect (&r, '{'))
    return d8_bundle_refuse (error, ctx.file, _("file"), NULL, "%s",
                             r.p >= r.end ? _("the file is empty")
                                          : _("this is not a duan8 bundle (not a JSON object)"));
  while (more)
    {
      d8_json_reader_reset (&r);
      d8_json_skip_ws (&r);
      if (r.p < r.end && *r.p == '}' && walk.header->len == 0 && !walk.have_content)
        {
          r.p++;
          break;
        }
      if (!read_top_member (&ctx, &r, &walk) || !read_separator (&ctx, &r, '}', &more))
        return FALSE;
    }
  if (!d8_json_reader_at_end (&r))
    {
      d8_json_reader_fail (&r, _("there is more data after the end of the bundle"));
      return syntax_error (&ctx, &r);
    }
  missing = walk.format == NULL ? "format" : walk.version == NULL ? "format_version"
            : p->bundle_id == NULL ? "bundle_id" : p->origin == NULL ? "origin"
            : p->created_at == NULL ? "created_at" : !walk.have_sequence ? "sequence"
            : p->app_version == NULL ? "app_version" : !walk.have_content ? "content"
            : walk.digest == NULL ? "digest" : NULL;
  if (missing)
    return d8_bundle_refuse (error, ctx.file, missing, NULL, _("required member is missing"));
  return check_digest (&ctx, &walk) && check_signature (&ctx);
}
