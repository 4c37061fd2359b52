/* d8-bundle.c — export and import of bundles (docs/bundle-format.md).
 *
 * Reading: a bundle may hold hundreds of thousands of entries, and
 * json-glib parses a whole document into a tree costing ~9× the file
 * (and silently keeps the last of duplicate keys, and reads 1e400 as
 * infinity). So the file is mapped and read by a small JSON reader of our
 * own that parses one array element at a time into a throw-away arena,
 * refuses duplicate keys, bad UTF-8 and out-of-range numbers, and feeds
 * each element's canonical form to the digest as it goes. Only the
 * compact checked records are kept.
 *
 * Merging follows CouchDB's revision trees in small: every entry carries
 * its stamp (d8-hlc.h) and the stamps it descends from. An incoming
 * version that descends from every version here replaces it; one we
 * already descend from is stale; anything else was edited at two offices
 * since they last exchanged, and both versions are kept as a conflict
 * with the later stamp shown until a person picks.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "d8-bundle.h"
#include "d8-entry.h"
#include "d8-format.h"
#include "d8-hlc.h"
#include "d8-plan-file.h"
#include "d8-snapshot.h"
#include "d8-sql.h"
#include "d8-store-private.h"
#include "d8-text.h"

#define MAX_DEPTH 64


static void (*test_hook) (const char *point, guint64 n);

void
d8_bundle_set_test_hook (void (*hook) (const char *point, guint64 n))
{
  test_hook = hook;
}

#define HOOK(point, n)                                                                         \
  G_STMT_START                                                                                 \
  {                                                                                            \
    if (G_UNLIKELY (test_hook != NULL))                                                        \
      test_hook ((point), (n));                                                                \
  }                                                                                            \
  G_STMT_END

/* ======================================================= the JSON reader */

typedef enum
{
  V_NULL,
  V_FALSE,
  V_TRUE,
  V_INT, /* a number without fraction or exponent */
  V_NUM, /* any other number */
  V_STR,
  V_ARR,
  V_OBJ,
} VKind;

/* One value in the arena. Strings (decoded, NUL-terminated) and number
 * texts live in the pool; children are linked through `next`. */
typedef struct
{
  VKind kind;
  guint key, key_len; /* member name, for members of an object */
  guint str, str_len; /* string or number text */
  guint first, n;     /* children */
  guint next;
} Val;

typedef struct
{
  const char *base, *p, *end;
  GArray *vals;  /* Val; index 0 unused so 0 means "none" */
  GString *pool;
  char *error;   /* why parsing stopped */
  const char *error_at;
} Reader;

static void
reader_reset (Reader *r)
{
  g_array_set_size (r->vals, 1);
  g_string_truncate (r->pool, 0);
}

static void G_GNUC_PRINTF (2, 3)
reader_fail (Reader *r, const char *format, ...)
{
  va_list args;

  if (r->error != NULL)
    return;
  va_start (args, format);
  r->error = g_strdup_vprintf (format, args);
  va_end (args);
  r->error_at = r->p;
}

static inline Val *
val (Reader *r, guint i)
{
  return &g_array_index (r->vals, Val, i);
}

static inline const char *
pool (Reader *r, guint offset)
{
  return r->pool->str + offset;
}

static inline void
skip_ws (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static gboolean
expect (Reader *r, char c)
{
  skip_ws (r);
  if (r->p >= r->end)
    {
      reader_fail (r, _("the file ends early (it may have been cut off while copying)"));
      return FALSE;
    }
  if (*r->p != c)
    {
      reader_fail (r, _("expected “%c” but found “%c”"), c, *r->p);
      return FALSE;
    }
  r->p++;
  return TRUE;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* Decodes a string into the pool (NUL-terminated); checks UTF-8. */
static gboolean
read_string (Reader *r, guint *offset, guint *len)
{
  gsize start;

  if (!expect (r, '"'))
    return FALSE;
  start = r->pool->len;
  for (;;)
    {
      const char *run = r->p;

      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        r->p++;
      g_string_append_len (r->pool, run, r->p - run);
      if (r->p >= r->end)
        {
          reader_fail (r, _("the file ends inside a text (it may have been cut off)"));
          return FALSE;
        }
      if (*r->p == '"')
        {
          r->p++;
          break;
        }
      if ((guchar) *r->p < 0x20)
        {
          reader_fail (r, _("a text contains a raw control character"));
          return FALSE;
        }
      /* An escape. */
      if (r->end - r->p < 2)
        {
          reader_fail (r, _("the file ends inside a text (it may have been cut off)"));
          return FALSE;
        }
      r->p++;
      switch (*r->p++)
        {
        case '"': g_string_append_c (r->pool, '"'); break;
        case '\\': g_string_append_c (r->pool, '\\'); break;
        case '/': g_string_append_c (r->pool, '/'); break;
        case 'b': g_string_append_c (r->pool, '\b'); break;
        case 'f': g_string_append_c (r->pool, '\f'); break;
        case 'n': g_string_append_c (r->pool, '\n'); break;
        case 'r': g_string_append_c (r->pool, '\r'); break;
        case 't': g_string_append_c (r->pool, '\t'); break;
        case 'u':
          {
            int c = r->end - r->p >= 4 ? hex4 (r->p) : -1;

            if (c < 0)
              {
                reader_fail (r, _("a \\u escape needs four hexadecimal digits"));
                return FALSE;
              }
            r->p += 4;
            if (c >= 0xd800 && c <= 0xdbff)
              {
                int low = r->end - r->p >= 6 && r->p[0] == '\\' && r->p[1] == 'u'
                            ? hex4 (r->p + 2) : -1;
                if (low < 0xdc00 || low > 0xdfff)
                  {
                    reader_fail (r, _("a \\u escape is half of a character (lone surrogate)"));
                    return FALSE;
                  }
                r->p += 6;
                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (c >= 0xdc00 && c <= 0xdfff)
              {
                reader_fail (r, _("a \\u escape is half of a character (lone surrogate)"));
                return FALSE;
              }
            if (c == 0)
              {
                reader_fail (r, _("a text contains a NUL character"));
                return FALSE;
              }
            g_string_append_unichar (r->pool, c);
          }
          break;
        default:
          r->p--;
          reader_fail (r, _("unknown escape “\\%c” in a text"), *r->p);
          return FALSE;
        }
    }
  if (!g_utf8_validate (r->pool->str + start, r->pool->len - start, NULL))
    {
      reader_fail (r, _("a text is not valid UTF-8"));
      return FALSE;
    }
  *offset = start;
  *len = r->pool->len - start;
  g_string_append_c (r->pool, '\0');
  return TRUE;
}

static gboolean
read_number (Reader *r, Val *v)
{
  const char *start = r->p;
  gboolean integer = TRUE;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p < r->end && *r->p == '0')
    r->p++;
  else if (r->p < r->end && *r->p >= '1' && *r->p <= '9')
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      r->p++;
  else
    goto bad;
  if (r->p < r->end && *r->p == '.')
    {
      integer = FALSE;
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        goto bad;
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      integer = FALSE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        goto bad;
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p - start > 40)
    {
      r->p = start;
      reader_fail (r, _("a number is too long"));
      return FALSE;
    }
  v->kind = integer ? V_INT : V_NUM;
  v->str = r->pool->len;
  v->str_len = r->p - start;
  g_string_append_len (r->pool, start, r->p - start);
  g_string_append_c (r->pool, '\0');
  if (!integer)
    {
      double d = g_ascii_strtod (pool (r, v->str), NULL);
      if (!isfinite (d))
        {
          r->p = start;
          reader_fail (r, _("the number %s is too large"), pool (r, v->str));
          return FALSE;
        }
    }
  return TRUE;

bad:
  r->p = start;
  reader_fail (r, _("not a valid JSON value"));
  return FALSE;
}

static gboolean
literal (Reader *r, const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    {
      if ((gsize) (r->end - r->p) < len && memcmp (r->p, word, r->end - r->p) == 0)
        reader_fail (r, _("the file ends early (it may have been cut off while copying)"));
      else
        reader_fail (r, _("not a valid JSON value"));
      return FALSE;
    }
  r->p += len;
  return TRUE;
}

static guint read_value (Reader *r, int depth);

static guint
new_val (Reader *r, VKind kind)
{
  Val v = { 0 };

  v.kind = kind;
  g_array_append_val (r->vals, v);
  return r->vals->len - 1;
}

static guint
read_value (Reader *r, int depth)
{
  guint index;

  if (depth > MAX_DEPTH)
    {
      reader_fail (r, _("values are nested too deeply"));
      return 0;
    }
  skip_ws (r);
  if (r->p >= r->end)
    {
      reader_fail (r, _("the file ends early (it may have been cut off while copying)"));
      return 0;
    }
  switch (*r->p)
    {
    case '"':
      {
        guint offset, len;
        if (!read_string (r, &offset, &len))
          return 0;
        index = new_val (r, V_STR);
        val (r, index)->str = offset;
        val (r, index)->str_len = len;
        return index;
      }
    case 'n':
      return literal (r, "null") ? new_val (r, V_NULL) : 0;
    case 't':
      return literal (r, "true") ? new_val (r, V_TRUE) : 0;
    case 'f':
      return literal (r, "false") ? new_val (r, V_FALSE) : 0;
    case '[':
    case '{':
      {
        gboolean object = *r->p == '{';
        char close = object ? '}' : ']';
        guint last = 0;

        r->p++;
        index = new_val (r, object ? V_OBJ : V_ARR);
        skip_ws (r);
        if (r->p < r->end && *r->p == close)
          {
            r->p++;
            return index;
          }
        for (;;)
          {
            guint key = 0, key_len = 0, child;

            if (object)
              {
                skip_ws (r);
                if (r->p < r->end && *r->p != '"')
                  {
                    reader_fail (r, _("expected a member name in quotes"));
                    return 0;
                  }
                if (!read_string (r, &key, &key_len) || !expect (r, ':'))
                  return 0;
                /* json-glib would keep the last of two equal names; a
                 * bundle with both is ambiguous, so it is refused. */
                for (guint c = val (r, index)->first; c; c = val (r, c)->next)
                  if (val (r, c)->key_len == key_len
                      && memcmp (pool (r, val (r, c)->key), pool (r, key), key_len) == 0)
                    {
                      reader_fail (r, _("the member “%s” appears twice in one object"),
                                   pool (r, key));
                      return 0;
                    }
              }
            if ((child = read_value (r, depth + 1)) == 0)
              return 0;
            val (r, child)->key = key;
            val (r, child)->key_len = key_len;
            if (last)
              val (r, last)->next = child;
            else
              val (r, index)->first = child;
            last = child;
            val (r, index)->n++;
            skip_ws (r);
            if (r->p >= r->end)
              {
                reader_fail (r, _("the file ends early (it may have been cut off while copying)"));
                return 0;
              }
            if (*r->p == ',')
              {
                r->p++;
                continue;
              }
            if (*r->p == close)
              {
                r->p++;
                return index;
              }
            reader_fail (r, object ? _("expected “,” or “}”") : _("expected “,” or “]”"));
            return 0;
          }
      }
    default:
      index = new_val (r, V_INT);
      if (!read_number (r, val (r, index)))
        return 0;
      return index;
    }
}

/* ----------------------------------------------------- canonical form */

/* The canonical text of a string: see docs/bundle-format.md. */
static void
append_canonical_string (GString *out, const char *s, gsize len)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = s;
  const char *end = s + len;

  g_string_append_c (out, '"');
  for (const char *p = s; p < end; p++)
    {
      guchar c = *p;
      const char *escape = NULL;
      char buf[7];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          buf[0] = '\\', buf[1] = 'u', buf[2] = '0', buf[3] = '0';
          buf[4] = hex[c >> 4], buf[5] = hex[c & 15], buf[6] = '\0';
          escape = buf;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
  g_string_append_c (out, '"');
}

static int
compare_keys (Reader *r, guint a, guint b)
{
  Val *x = val (r, a), *y = val (r, b);
  int c = memcmp (pool (r, x->key), pool (r, y->key), MIN (x->key_len, y->key_len));

  return c ? c : (int) x->key_len - (int) y->key_len;
}

static void
append_canonical (Reader *r, guint index, GString *out)
{
  Val *v = val (r, index);

  switch (v->kind)
    {
    case V_NULL: g_string_append (out, "null"); break;
    case V_TRUE: g_string_append (out, "true"); break;
    case V_FALSE: g_string_append (out, "false"); break;
    case V_INT:
    case V_NUM: g_string_append_len (out, pool (r, v->str), v->str_len); break;
    case V_STR: append_canonical_string (out, pool (r, v->str), v->str_len); break;
    case V_ARR:
      g_string_append_c (out, '[');
      for (guint c = v->first; c; c = val (r, c)->next)
        {
          if (c != v->first)
            g_string_append_c (out, ',');
          append_canonical (r, c, out);
        }
      g_string_append_c (out, ']');
      break;
    case V_OBJ:
      {
        guint n = v->n, i = 0;
        g_autofree guint *members = g_new (guint, MAX (n, 1));

        for (guint c = v->first; c; c = val (r, c)->next)
          members[i++] = c;
        /* Insertion sort: objects here have a handful of members. */
        for (guint a = 1; a < n; a++)
          for (guint b = a; b > 0 && compare_keys (r, members[b - 1], members[b]) > 0; b--)
            {
              guint t = members[b];
              members[b] = members[b - 1];
              members[b - 1] = t;
            }
        g_string_append_c (out, '{');
        for (i = 0; i < n; i++)
          {
            Val *m = val (r, members[i]);
            if (i)
              g_string_append_c (out, ',');
            append_canonical_string (out, pool (r, m->key), m->key_len);
            g_string_append_c (out, ':');
            append_canonical (r, members[i], out);
          }
        g_string_append_c (out, '}');
      }
      break;
    }
}

static guint
member (Reader *r, guint object, const char *name)
{
  for (guint c = val (r, object)->first; c; c = val (r, c)->next)
    if (strcmp (pool (r, val (r, c)->key), name) == 0)
      return c;
  return 0;
}

/* ===================================================== import: records */

typedef struct
{
  const char *uuid, *plan, *unit, *indicator, *date, *place, *note;
  const char *created_at, *updated_at, *origin, *version, *history;
  gint64 amount, reached, group_size;
  gboolean deleted;
} Rec;

typedef struct
{
  char *code;
  D8PlanFile *file;    /* parsed plan document */
  guint index;         /* plans[i] */
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
  gboolean office_is_province;
};

static void
plan_rec_free (PlanRec *rec)
{
  g_free (rec->code);
  d8_plan_file_free (rec->file);
  g_free (rec);
}

static void
plan_info_free (PlanInfo *info)
{
  if (info == NULL)
    return;
  g_hash_table_unref (info->units);
  g_hash_table_unref (info->indicators);
  g_free (info);
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
  g_clear_pointer (&p->rejections, g_ptr_array_unref);
  g_clear_pointer (&p->conflicts, g_ptr_array_unref);
}

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
  preview_clear (&import->preview);
  g_free (import);
}

const D8BundlePreview *
d8_bundle_import_get_preview (D8BundleImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return &import->preview;
}

/* A refusal of the whole bundle: "FILE: RECORD: FIELD: reason". */
static gboolean G_GNUC_PRINTF (5, 6)
refuse (GError **error, const char *file, const char *record, const char *field,
        const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (field)
    g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                 /* Translators: bundle error: file, record (entries[12] …), field, problem */
                 _("%s: %s: %s: %s"), file, record, field, what);
  else
    g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                 /* Translators: bundle error: file, record, problem */
                 _("%s: %s: %s"), file, record, what);
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
  return refuse (ctx->error, ctx->file, ctx->record, field, "%s", what);
}

static gboolean
get_text (Ctx *ctx, Reader *r, guint v, const char *field, gboolean nullable, gsize max_len,
          const char **out)
{
  Val *x = val (r, v);

  if (x->kind == V_NULL && nullable)
    {
      *out = NULL;
      return TRUE;
    }
  if (x->kind != V_STR)
    return rec_fail (ctx, field, _("expected text"));
  if (x->str_len == 0 && !nullable)
    return rec_fail (ctx, field, _("required text is empty"));
  if (x->str_len > max_len)
    return rec_fail (ctx, field, _("the text is too long (%u bytes, at most %u)"),
                     x->str_len, (guint) max_len);
  *out = pool (r, x->str);
  return TRUE;
}

static gboolean
get_count (Ctx *ctx, Reader *r, guint v, const char *field, gint64 *out)
{
  Val *x = val (r, v);
  const char *text = pool (r, x->str);
  guint64 value;

  if (x->kind == V_NUM)
    return rec_fail (ctx, field, _("%s is not a whole number"), text);
  if (x->kind != V_INT)
    return rec_fail (ctx, field, _("expected a whole number"));
  if (text[0] == '-')
    return rec_fail (ctx, field, _("%s is negative"), text);
  if (x->str_len > 13 || !g_ascii_string_to_unsigned (text, 10, 0, D8_ENTRY_AMOUNT_MAX, &value, NULL))
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
read_entry (Ctx *ctx, Reader *r, guint obj, guint index, GHashTable *seen)
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
  if (val (r, obj)->kind != V_OBJ)
    return rec_fail (ctx, NULL, _("expected an object"));
  /* The UUID first, so every later message can name the entry. */
  if ((u = member (r, obj, "uuid")) != 0)
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
  for (guint c = val (r, obj)->first; c; c = val (r, c)->next)
    {
      const char *key = pool (r, val (r, c)->key);
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
      else if (strcmp (key, "amount") == 0)
        {
          if (!get_count (ctx, r, c, key, &rec.amount))
            return FALSE;
          have |= F_AMOUNT;
        }
      else if (strcmp (key, "reached") == 0)
        {
          if (!get_count (ctx, r, c, key, &rec.reached))
            return FALSE;
          have |= F_REACHED;
        }
      else if (strcmp (key, "group_size") == 0)
        {
          if (!get_count (ctx, r, c, key, &rec.group_size))
            return FALSE;
          have |= F_GROUP;
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

          if (val (r, c)->kind != V_ARR)
            return rec_fail (ctx, key, _("expected a list of version stamps"));
          if (val (r, c)->n > 2 * D8_HLC_HISTORY_MAX)
            return rec_fail (ctx, key, _("more than %d version stamps"), 2 * D8_HLC_HISTORY_MAX);
          joined = g_string_new (NULL);
          for (guint h = val (r, c)->first; h; h = val (r, h)->next, n++)
            {
              if (val (r, h)->kind != V_STR || !d8_hlc_is_valid (pool (r, val (r, h)->str)))
                {
                  g_string_free (joined, TRUE);
                  return rec_fail (ctx, key, _("item %u is not a version stamp"), n);
                }
              if (joined->len)
                g_string_append_c (joined, ' ');
              g_string_append (joined, pool (r, val (r, h)->str));
            }
          rec.history = n ? g_string_chunk_insert (chunk, joined->str) : "";
          g_string_free (joined, TRUE);
          have |= F_HISTORY;
        }
      else if (strcmp (key, "deleted") == 0)
        {
          if (val (r, c)->kind != V_TRUE && val (r, c)->kind != V_FALSE)
            return rec_fail (ctx, key, _("expected true or false"));
          rec.deleted = val (r, c)->kind == V_TRUE;
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

/* Line number of @at, for syntax errors. */
static guint
line_of (const char *base, const char *at)
{
  guint line = 1;

  for (const char *p = base; p < at; p++)
    line += *p == '\n';
  return line;
}

static gboolean
syntax_error (Ctx *ctx, Reader *r)
{
  g_autofree char *where = g_strdup_printf (_("line %u"), line_of (r->base, r->error_at));
  return refuse (ctx->error, ctx->file, where, NULL, "%s", r->error);
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

/* Reads one array of content (plans or entries), element by element. */
static gboolean
read_content_array (Ctx *ctx, Reader *r, gboolean entries, GChecksum *sum, GHashTable *seen,
                    const char **released)
{
  g_autoptr (GString) canon = g_string_sized_new (1024);
  guint index = 0;

  if (!expect (r, '['))
    return syntax_error (ctx, r);
  skip_ws (r);
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      return TRUE;
    }
  for (;;)
    {
      const char *start;
      guint v;

      reader_reset (r);
      skip_ws (r);
      start = r->p;
      if ((v = read_value (r, 2)) == 0)
        return syntax_error (ctx, r);
      g_string_truncate (canon, 0);
      append_canonical (r, v, canon);
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
          if (val (r, v)->kind != V_OBJ)
            return refuse (ctx->error, ctx->file, name + strlen (ctx->file) + 2, NULL,
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
        }
      index++;
      release_pages (r->base, r->p, released);
      skip_ws (r);
      if (r->p >= r->end)
        {
          reader_fail (r, _("the file ends early (it may have been cut off while copying)"));
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
      reader_fail (r, _("expected “,” or “]”"));
      return syntax_error (ctx, r);
    }
}

static char *
header_string (Reader *r, guint v)
{
  return val (r, v)->kind == V_STR ? g_strdup (pool (r, val (r, v)->str)) : NULL;
}

/* Parses and checks the whole file; fills the preview's header fields and
 * the records. Writes nothing. */
static gboolean
read_bundle (D8BundleImport *im, const char *data, gsize size, GError **error)
{
  Ctx ctx = { im, im->preview.file_name, error, NULL, FALSE };
  Reader r = { data, data, data + size, NULL, NULL, NULL, NULL };
  g_autoptr (GPtrArray) header =
    g_ptr_array_new_with_free_func ((GDestroyNotify) header_member_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GChecksum) plans_sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GChecksum) entries_sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GChecksum) total = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) canon = g_string_new (NULL);
  g_autofree char *digest = NULL;
  g_autofree char *format = NULL;
  g_autofree char *version = NULL;
  const char *released = data;
  gboolean ok = FALSE, have_content = FALSE, have_sequence = FALSE;
  D8BundlePreview *p = &im->preview;

  r.vals = g_array_new (FALSE, TRUE, sizeof (Val));
  r.pool = g_string_sized_new (4096);
  reader_reset (&r);

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      refuse (error, ctx.file, _("file"), NULL, _("the file starts with a byte-order mark"));
      goto out;
    }
  if (!expect (&r, '{'))
    {
      if (r.p >= r.end)
        refuse (error, ctx.file, _("file"), NULL, _("the file is empty"));
      else
        refuse (error, ctx.file, _("file"), NULL,
                _("this is not a duan8 bundle (not a JSON object)"));
      goto out;
    }
  for (;;)
    {
      guint key_off, key_len, v;
      g_autofree char *key = NULL;

      reader_reset (&r);
      skip_ws (&r);
      if (r.p < r.end && *r.p == '}' && header->len == 0 && !have_content)
        {
          r.p++;
          break;
        }
      if (!read_string (&r, &key_off, &key_len) || !expect (&r, ':'))
        {
          syntax_error (&ctx, &r);
          goto out;
        }
      key = g_strdup (pool (&r, key_off));
      for (guint i = 0; i < header->len; i++)
        if (g_str_equal (((HeaderMember *) header->pdata[i])->key, key))
          {
            reader_fail (&r, _("the member “%s” appears twice in one object"), key);
            syntax_error (&ctx, &r);
            goto out;
          }
      if (g_str_equal (key, "content"))
        {
          gboolean seen_plans = FALSE, seen_entries = FALSE;

          if (have_content)
            {
              reader_fail (&r, _("the member “%s” appears twice in one object"), key);
              syntax_error (&ctx, &r);
              goto out;
            }
          have_content = TRUE;
          if (format == NULL || version == NULL)
            {
              refuse (error, ctx.file, "format", NULL,
                      _("the header (format, format_version) must come before the content"));
              goto out;
            }
          if (!expect (&r, '{'))
            {
              syntax_error (&ctx, &r);
              goto out;
            }
          skip_ws (&r);
          if (r.p < r.end && *r.p == '}')
            r.p++;
          else
            for (;;)
              {
                guint ck_off, ck_len;
                g_autofree char *ckey = NULL;

                reader_reset (&r);
                if (!read_string (&r, &ck_off, &ck_len) || !expect (&r, ':'))
                  {
                    syntax_error (&ctx, &r);
                    goto out;
                  }
                ckey = g_strdup (pool (&r, ck_off));
                if ((g_str_equal (ckey, "plans") && seen_plans)
                    || (g_str_equal (ckey, "entries") && seen_entries))
                  {
                    reader_fail (&r, _("the member “%s” appears twice in one object"), ckey);
                    syntax_error (&ctx, &r);
                    goto out;
                  }
                if (g_str_equal (ckey, "plans"))
                  {
                    seen_plans = TRUE;
                    if (!read_content_array (&ctx, &r, FALSE, plans_sum, seen, &released))
                      goto out;
                  }
                else if (g_str_equal (ckey, "entries"))
                  {
                    seen_entries = TRUE;
                    if (!read_content_array (&ctx, &r, TRUE, entries_sum, seen, &released))
                      goto out;
                  }
                else
                  {
                    refuse (error, ctx.file, "content", ckey, _("unknown member"));
                    goto out;
                  }
                skip_ws (&r);
                if (r.p < r.end && *r.p == ',')
                  {
                    r.p++;
                    skip_ws (&r);
                    continue;
                  }
                if (!expect (&r, '}'))
                  {
                    syntax_error (&ctx, &r);
                    goto out;
                  }
                break;
              }
        }
      else
        {
          HeaderMember *m;

          if ((v = read_value (&r, 1)) == 0)
            {
              syntax_error (&ctx, &r);
              goto out;
            }
          if (g_str_equal (key, "digest"))
            {
              if ((digest = header_string (&r, v)) == NULL)
                {
                  refuse (error, ctx.file, "digest", NULL, _("expected text"));
                  goto out;
                }
            }
          else
            {
              m = g_new0 (HeaderMember, 1);
              m->key = g_strdup (key);
              g_string_truncate (canon, 0);
              append_canonical (&r, v, canon);
              m->canonical = g_strdup (canon->str);
              g_ptr_array_add (header, m);
            }
          /* Checked as soon as seen, so a bundle from a newer duan8 says
           * "update" rather than stumbling on what it does not know. */
          if (g_str_equal (key, "digest"))
            ;
          else if (g_str_equal (key, "format"))
            {
              format = header_string (&r, v);
              if (format == NULL || !g_str_equal (format, D8_BUNDLE_FORMAT_NAME))
                {
                  refuse (error, ctx.file, "format", NULL,
                          _("this is not a duan8 bundle (format “%s”, expected “%s”)"),
                          format ? format : "?", D8_BUNDLE_FORMAT_NAME);
                  goto out;
                }
            }
          else if (g_str_equal (key, "format_version"))
            {
              guint64 major = 0, minor = 0;
              g_auto (GStrv) parts = NULL;

              version = header_string (&r, v);
              if (version)
                parts = g_strsplit (version, ".", 3);
              if (parts == NULL || g_strv_length (parts) != 2
                  || !g_ascii_string_to_unsigned (parts[0], 10, 1, 1000, &major, NULL)
                  || !g_ascii_string_to_unsigned (parts[1], 10, 0, 1000, &minor, NULL))
                {
                  refuse (error, ctx.file, "format_version", NULL,
                          _("expected a version such as “1.0”"));
                  goto out;
                }
              if (major > D8_BUNDLE_FORMAT_MAJOR)
                {
                  refuse (error, ctx.file, "format_version", NULL,
                          _("the bundle has format version %s, made by a newer duan8 than this "
                            "one (which reads %d.x); update duan8 to import it"),
                          version, D8_BUNDLE_FORMAT_MAJOR);
                  goto out;
                }
              ctx.newer_minor = minor > D8_BUNDLE_FORMAT_MINOR;
            }
          else if (g_str_equal (key, "bundle_id"))
            {
              p->bundle_id = header_string (&r, v);
              if (p->bundle_id == NULL || !g_uuid_string_is_valid (p->bundle_id))
                {
                  refuse (error, ctx.file, "bundle_id", NULL, _("expected a UUID"));
                  goto out;
                }
            }
          else if (g_str_equal (key, "origin"))
            {
              p->origin = header_string (&r, v);
              if (p->origin == NULL || *p->origin == '\0' || strlen (p->origin) > 200)
                {
                  refuse (error, ctx.file, "origin", NULL, _("expected the sending office"));
                  goto out;
                }
            }
          else if (g_str_equal (key, "created_at"))
            {
              p->created_at = header_string (&r, v);
              if (p->created_at == NULL || !timestamp_is_valid (p->created_at))
                {
                  refuse (error, ctx.file, "created_at", NULL,
                          _("expected a time in the form YYYY-MM-DDTHH:MM:SSZ"));
                  goto out;
                }
            }
          else if (g_str_equal (key, "app_version"))
            {
              if ((p->app_version = header_string (&r, v)) == NULL)
                {
                  refuse (error, ctx.file, "app_version", NULL, _("expected text"));
                  goto out;
                }
            }
          else if (g_str_equal (key, "sequence"))
            {
              guint64 seq;
              if (val (&r, v)->kind != V_INT
                  || !g_ascii_string_to_unsigned (pool (&r, val (&r, v)->str), 10, 1,
                                                  G_MAXINT64, &seq, NULL))
                {
                  refuse (error, ctx.file, "sequence", NULL,
                          _("expected a whole number of 1 or more"));
                  goto out;
                }
              p->sequence = (gint64) seq;
              have_sequence = TRUE;
            }
          else if (!ctx.newer_minor)
            {
              refuse (error, ctx.file, key, NULL, _("unknown member"));
              goto out;
            }
        }
      skip_ws (&r);
      if (r.p < r.end && *r.p == ',')
        {
          r.p++;
          continue;
        }
      if (!expect (&r, '}'))
        {
          syntax_error (&ctx, &r);
          goto out;
        }
      break;
    }
  skip_ws (&r);
  if (r.p != r.end)
    {
      reader_fail (&r, _("there is more data after the end of the bundle"));
      syntax_error (&ctx, &r);
      goto out;
    }
  {
    const char *missing = format == NULL ? "format" : version == NULL ? "format_version"
                          : p->bundle_id == NULL ? "bundle_id" : p->origin == NULL ? "origin"
                          : p->created_at == NULL ? "created_at" : !have_sequence ? "sequence"
                          : p->app_version == NULL ? "app_version" : !have_content ? "content"
                          : digest == NULL ? "digest" : NULL;
    if (missing)
      {
        refuse (error, ctx.file, missing, NULL, _("required member is missing"));
        goto out;
      }
  }

  /* The digest: see docs/bundle-format.md. */
  g_ptr_array_sort (header, compare_header);
  g_string_assign (canon, "duan8-bundle-digest-1\n{");
  for (guint i = 0; i < header->len; i++)
    {
      HeaderMember *m = header->pdata[i];
      if (i)
        g_string_append_c (canon, ',');
      append_canonical_string (canon, m->key, strlen (m->key));
      g_string_append_c (canon, ':');
      g_string_append (canon, m->canonical);
    }
  g_string_append_printf (canon, "}\n%s\n%s\n", g_checksum_get_string (plans_sum),
                          g_checksum_get_string (entries_sum));
  g_checksum_update (total, (const guchar *) canon->str, canon->len);
  p->digest = g_strconcat ("sha256:", g_checksum_get_string (total), NULL);
  if (!g_str_equal (digest, p->digest))
    {
      refuse (error, ctx.file, "digest", NULL,
              _("the content does not match its digest: the file was changed or damaged "
                "after it was made; ask the sender for a new copy"));
      goto out;
    }
  ok = TRUE;

out:
  g_free (ctx.record);
  g_array_unref (r.vals);
  g_string_free (r.pool, TRUE);
  g_free (r.error);
  return ok;
}

/* ================================================= import: classifying */

static PlanInfo *
plan_info_new (void)
{
  PlanInfo *info = g_new0 (PlanInfo, 1);
  info->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  info->indicators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return info;
}

static PlanInfo *
plan_info_from_db (D8Store *store, const char *code)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT id FROM plans WHERE code = ?", NULL);
  PlanInfo *info;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  info = plan_info_new ();
  info->id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT u.code, u.id FROM plan_units pu JOIN units u ON u.id = pu.unit_id"
                      " WHERE pu.plan_id = ?", NULL);
  sqlite3_bind_int64 (stmt, 1, info->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (info->units, d8_sql_column_dup (stmt, 0),
                         g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)));
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT code, id, kind FROM indicators WHERE plan_id = ?", NULL);
  sqlite3_bind_int64 (stmt, 1, info->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IndicatorInfo *ind = g_new0 (IndicatorInfo, 1);
      ind->id = sqlite3_column_int64 (stmt, 1);
      if (!d8_indicator_kind_from_string (d8_sql_column_text (stmt, 2), &ind->kind))
        ind->kind = D8_KIND_COUNT; /* the schema's CHECK allows no other */
      g_hash_table_insert (info->indicators, d8_sql_column_dup (stmt, 0), ind);
    }
  return info;
}

static PlanInfo *
plan_info_from_file (D8PlanFile *file)
{
  PlanInfo *info = plan_info_new ();

  for (guint i = 0; i < file->rows->len; i++)
    g_hash_table_insert (info->units, g_strdup (((D8PlanFileRow *) file->rows->pdata[i])->unit),
                         g_new0 (gint64, 1));
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *indicator = file->indicators->pdata[i];
      IndicatorInfo *ind = g_new0 (IndicatorInfo, 1);
      ind->kind = indicator->kind;
      g_hash_table_insert (info->indicators, g_strdup (indicator->code), ind);
    }
  return info;
}

/* 0: the stored plan equals the file; 1: only quotas or targets differ;
 * 2: units or indicators differ (a changed plan needs a new code). */
static int
compare_plan (D8Store *store, gint64 plan_id, D8PlanFile *file)
{
  g_autoptr (GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (D8SqlStmt) stmt = NULL;
  int result = 0;

  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT u.code, pu.position FROM plan_units pu JOIN units u"
                      " ON u.id = pu.unit_id WHERE pu.plan_id = ?", NULL);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (rows, d8_sql_column_dup (stmt, 0), GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (g_hash_table_size (rows) != file->rows->len)
    return 2;
  for (guint i = 0; i < file->rows->len; i++)
    {
      D8PlanFileRow *row = file->rows->pdata[i];
      gpointer tt;
      if (!g_hash_table_lookup_extended (rows, row->unit, NULL, &tt)
          || GPOINTER_TO_INT (tt) != row->tt)
        return 2;
    }

  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT code, kind || ':' || in_appendix FROM indicators WHERE plan_id = ?",
               NULL);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (kinds, d8_sql_column_dup (stmt, 0), d8_sql_column_dup (stmt, 1));
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (g_hash_table_size (kinds) != file->indicators->len)
    return 2;
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *ind = file->indicators->pdata[i];
      g_autofree char *kind = g_strdup_printf ("%s:%d", d8_indicator_kind_to_string (ind->kind),
                                               ind->in_appendix ? 1 : 0);
      if (g_strcmp0 (g_hash_table_lookup (kinds, ind->code), kind) != 0)
        return 2;
    }

  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT u.code || ' ' || i.code, q.written FROM quotas q"
                      " JOIN units u ON u.id = q.unit_id JOIN indicators i ON i.id = q.indicator_id"
                      " WHERE q.plan_id = ?", NULL);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (cells, d8_sql_column_dup (stmt, 0), d8_sql_column_dup (stmt, 1));
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (guint i = 0; i < file->rows->len && result == 0; i++)
    {
      D8PlanFileRow *row = file->rows->pdata[i];
      for (guint c = 0; c < file->columns->len; c++)
        {
          g_autofree char *key = g_strdup_printf ("%s %s", row->unit,
                                                  (char *) file->columns->pdata[c]);
          if (g_strcmp0 (g_hash_table_lookup (cells, key), row->written[c]) != 0)
            result = 1;
        }
    }

  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT i.code, t.value, t.written, t.source FROM plan_targets t"
                      " JOIN indicators i ON i.id = t.indicator_id WHERE t.plan_id = ?", NULL);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, 1));
      g_hash_table_insert (targets, d8_sql_column_dup (stmt, 0),
                           g_strdup_printf ("%s|%s|%s", buf, sqlite3_column_text (stmt, 2),
                                            sqlite3_column_text (stmt, 3)));
    }
  {
    guint n = 0;
    for (guint i = 0; i < file->indicators->len; i++)
      {
        D8Indicator *ind = file->indicators->pdata[i];
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_autofree char *want = NULL;

        if (!ind->has_target)
          continue;
        n++;
        g_ascii_dtostr (buf, sizeof buf, ind->target);
        want = g_strdup_printf ("%s|%s|%s", buf, ind->target_written, ind->target_source);
        if (g_strcmp0 (g_hash_table_lookup (targets, ind->code), want) != 0)
          result = 1;
      }
    if (n != g_hash_table_size (targets))
      result = 1;
  }
  return result;
}

static gboolean
update_plan_quotas (D8Store *store, gint64 plan_id, D8PlanFile *file, GError **error)
{
  g_autoptr (D8SqlStmt) quota = d8_sql_prepare (d8_store_get_db (store), "UPDATE quotas SET quota = ?1, written = ?2"
                                        " WHERE plan_id = ?3"
                                        " AND unit_id = (SELECT id FROM units WHERE code = ?4)"
                                        " AND indicator_id = (SELECT id FROM indicators"
                                        "  WHERE plan_id = ?3 AND code = ?5)", error);
  g_autoptr (D8SqlStmt) target = NULL;

  if (quota == NULL)
    return FALSE;
  for (guint i = 0; i < file->rows->len; i++)
    {
      D8PlanFileRow *row = file->rows->pdata[i];
      for (guint c = 0; c < file->columns->len; c++)
        {
          sqlite3_reset (quota);
          if (row->has[c])
            sqlite3_bind_int64 (quota, 1, row->quota[c]);
          else
            sqlite3_bind_null (quota, 1);
          sqlite3_bind_text (quota, 2, row->written[c], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (quota, 3, plan_id);
          sqlite3_bind_text (quota, 4, row->unit, -1, SQLITE_STATIC);
          sqlite3_bind_text (quota, 5, file->columns->pdata[c], -1, SQLITE_STATIC);
          if (sqlite3_step (quota) != SQLITE_DONE)
            return d8_sql_fail (d8_store_get_db (store), error, _("The bundle could not be imported."));
        }
    }
  {
    g_autoptr (D8SqlStmt) clear = d8_sql_prepare (d8_store_get_db (store), "DELETE FROM plan_targets WHERE plan_id = ?", error);
    if (clear == NULL)
      return FALSE;
    sqlite3_bind_int64 (clear, 1, plan_id);
    if (sqlite3_step (clear) != SQLITE_DONE)
      return d8_sql_fail (d8_store_get_db (store), error, _("The bundle could not be imported."));
  }
  target = d8_sql_prepare (d8_store_get_db (store), "INSERT INTO plan_targets (plan_id, indicator_id, value, written, source)"
                        " SELECT ?1, id, ?3, ?4, ?5 FROM indicators WHERE plan_id = ?1 AND code = ?2",
                 error);
  if (target == NULL)
    return FALSE;
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *ind = file->indicators->pdata[i];
      if (!ind->has_target)
        continue;
      sqlite3_reset (target);
      sqlite3_bind_int64 (target, 1, plan_id);
      sqlite3_bind_text (target, 2, ind->code, -1, SQLITE_STATIC);
      sqlite3_bind_double (target, 3, ind->target);
      sqlite3_bind_text (target, 4, ind->target_written, -1, SQLITE_STATIC);
      sqlite3_bind_text (target, 5, ind->target_source, -1, SQLITE_STATIC);
      if (sqlite3_step (target) != SQLITE_DONE)
        return d8_sql_fail (d8_store_get_db (store), error, _("The bundle could not be imported."));
    }
  return TRUE;
}

static void
reject (D8BundleImport *im, const char *record, const char *uuid, const char *field,
        char *reason /* owned */)
{
  D8BundleRejection *rejection = g_new0 (D8BundleRejection, 1);

  rejection->record = g_strdup (record);
  rejection->uuid = g_strdup (uuid);
  rejection->field = g_strdup (field);
  rejection->reason = reason;
  g_ptr_array_add (im->preview.rejections, rejection);
}

/* Statements and state of one pass over the records. */
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

static void
pass_clear (Pass *pass)
{
  g_clear_pointer (&pass->local, sqlite3_finalize);
  g_clear_pointer (&pass->leaves, sqlite3_finalize);
  g_clear_pointer (&pass->insert, sqlite3_finalize);
  g_clear_pointer (&pass->update, sqlite3_finalize);
  g_clear_pointer (&pass->unconflict, sqlite3_finalize);
  g_clear_pointer (&pass->now, g_free);
}

/* Where an incoming version stands against the versions stored here. */
static D8BundleOutcome
merge_outcome (Pass *pass, const Rec *rec, gboolean *stale)
{
  sqlite3_stmt *local = pass->local;
  const char *lv, *lh;
  gboolean local_deleted, has_conflict, superseded;

  *stale = FALSE;
  sqlite3_reset (local);
  sqlite3_bind_text (local, 1, rec->uuid, -1, SQLITE_STATIC);
  pass->exists = sqlite3_step (local) == SQLITE_ROW;
  if (!pass->exists)
    return rec->deleted ? D8_BUNDLE_DELETED : D8_BUNDLE_NEW;
  lv = (const char *) sqlite3_column_text (local, 0);
  lh = (const char *) sqlite3_column_text (local, 1);
  local_deleted = sqlite3_column_int (local, 2);
  has_conflict = sqlite3_column_int (local, 3);

  if (g_strcmp0 (lv, rec->version) == 0)
    return D8_BUNDLE_UNCHANGED;
  if (d8_hlc_history_contains (lh, rec->version))
    {
      *stale = TRUE;
      return D8_BUNDLE_UNCHANGED;
    }
  superseded = d8_hlc_history_contains (rec->history, lv);
  if (has_conflict)
    {
      sqlite3_stmt *leaves = pass->leaves;
      sqlite3_reset (leaves);
      sqlite3_bind_text (leaves, 1, rec->uuid, -1, SQLITE_STATIC);
      while (sqlite3_step (leaves) == SQLITE_ROW)
        {
          const char *v = (const char *) sqlite3_column_text (leaves, 0);
          if (g_strcmp0 (v, rec->version) == 0)
            return D8_BUNDLE_UNCHANGED;
          if (d8_hlc_history_contains ((const char *) sqlite3_column_text (leaves, 1),
                                       rec->version))
            {
              *stale = TRUE;
              return D8_BUNDLE_UNCHANGED;
            }
          superseded = superseded && d8_hlc_history_contains (rec->history, v);
        }
    }
  if (superseded)
    return rec->deleted && !local_deleted ? D8_BUNDLE_DELETED : D8_BUNDLE_UPDATED;
  return D8_BUNDLE_CONFLICT;
}

/* ==================================================== import: writing */

#define ENTRY_COLS                                                                              \
  "uuid, plan_id, unit_id, indicator_id, date, amount, reached, group_size, place, note,"       \
  " created_at, updated_at, origin, deleted, version, history"

typedef struct
{
  D8Entry *e;
  char *version;
  char *history;
} Leaf;

static void
leaf_free (Leaf *leaf)
{
  d8_entry_free (leaf->e);
  g_free (leaf->version);
  g_free (leaf->history);
  g_free (leaf);
}

static Leaf *
leaf_from_row (sqlite3_stmt *stmt)
{
  Leaf *leaf = g_new0 (Leaf, 1);
  D8Entry *e = leaf->e = d8_entry_new ();

  e->uuid = d8_sql_column_dup (stmt, 0);
  e->plan_id = sqlite3_column_int64 (stmt, 1);
  e->unit_id = sqlite3_column_int64 (stmt, 2);
  e->indicator_id = sqlite3_column_int64 (stmt, 3);
  e->date = d8_sql_column_dup (stmt, 4);
  e->amount = sqlite3_column_int64 (stmt, 5);
  e->reached = sqlite3_column_int64 (stmt, 6);
  e->group_size = sqlite3_column_int64 (stmt, 7);
  e->place = d8_sql_column_dup (stmt, 8);
  e->note = d8_sql_column_dup (stmt, 9);
  e->created_at = d8_sql_column_dup (stmt, 10);
  e->updated_at = d8_sql_column_dup (stmt, 11);
  e->origin = d8_sql_column_dup (stmt, 12);
  e->deleted = sqlite3_column_int (stmt, 13);
  leaf->version = d8_sql_column_dup (stmt, 14);
  leaf->history = d8_sql_column_dup (stmt, 15);
  return leaf;
}

static Leaf *
leaf_from_rec (const Rec *rec, gint64 plan_id, gint64 unit_id, gint64 indicator_id)
{
  Leaf *leaf = g_new0 (Leaf, 1);
  D8Entry *e = leaf->e = d8_entry_new ();

  e->uuid = g_strdup (rec->uuid);
  e->plan_id = plan_id;
  e->unit_id = unit_id;
  e->indicator_id = indicator_id;
  e->date = g_strdup (rec->date);
  e->amount = rec->amount;
  e->reached = rec->reached;
  e->group_size = rec->group_size;
  e->place = g_strdup (rec->place);
  e->note = g_strdup (rec->note);
  e->created_at = g_strdup (rec->created_at);
  e->updated_at = g_strdup (rec->updated_at);
  e->origin = g_strdup (rec->origin);
  e->deleted = rec->deleted;
  leaf->version = g_strdup (rec->version);
  leaf->history = g_strdup (rec->history);
  return leaf;
}

/* The stored versions of an entry: the shown one first, then the others
 * of a pending conflict. */
static GPtrArray *
load_leaves (D8Store *store, const char *uuid, GError **error)
{
  g_autoptr (GPtrArray) leaves = g_ptr_array_new_with_free_func ((GDestroyNotify) leaf_free);
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT " ENTRY_COLS " FROM entries WHERE uuid = ?",
                                error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (leaves, leaf_from_row (stmt));
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT " ENTRY_COLS " FROM conflict_versions WHERE uuid = ?"
                      " ORDER BY version DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (leaves, leaf_from_row (stmt));
  return g_steal_pointer (&leaves);
}

static void
bind_leaf (sqlite3_stmt *stmt, const Leaf *leaf, gint64 change_seq)
{
  const D8Entry *e = leaf->e;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, e->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, e->plan_id);
  sqlite3_bind_int64 (stmt, 3, e->unit_id);
  sqlite3_bind_int64 (stmt, 4, e->indicator_id);
  sqlite3_bind_text (stmt, 5, e->date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, e->amount);
  sqlite3_bind_int64 (stmt, 7, e->reached);
  sqlite3_bind_int64 (stmt, 8, e->group_size);
  d8_sql_bind_text (stmt, 9, e->place, D8_SQL_EMPTY_IS_TEXT);
  d8_sql_bind_text (stmt, 10, e->note, D8_SQL_EMPTY_IS_TEXT);
  sqlite3_bind_text (stmt, 11, e->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, e->updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, e->origin, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 14, e->deleted ? 1 : 0);
  sqlite3_bind_text (stmt, 15, leaf->version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, leaf->history ? leaf->history : "", -1, SQLITE_STATIC);
  if (change_seq > 0)
    sqlite3_bind_int64 (stmt, 17, change_seq);
}

static void
bind_rec (sqlite3_stmt *stmt, const Rec *rec, gint64 plan_id, gint64 unit_id,
          gint64 indicator_id, gint64 change_seq)
{
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, rec->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  sqlite3_bind_int64 (stmt, 3, unit_id);
  sqlite3_bind_int64 (stmt, 4, indicator_id);
  sqlite3_bind_text (stmt, 5, rec->date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, rec->amount);
  sqlite3_bind_int64 (stmt, 7, rec->reached);
  sqlite3_bind_int64 (stmt, 8, rec->group_size);
  d8_sql_bind_text (stmt, 9, rec->place, D8_SQL_EMPTY_IS_TEXT);
  d8_sql_bind_text (stmt, 10, rec->note, D8_SQL_EMPTY_IS_TEXT);
  sqlite3_bind_text (stmt, 11, rec->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, rec->updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, rec->origin, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 14, rec->deleted ? 1 : 0);
  sqlite3_bind_text (stmt, 15, rec->version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, rec->history, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 17, change_seq);
}

/* Stores the set of concurrent versions @leaves of one entry: the later
 * stamp is shown (the same choice at every office), the others are kept;
 * @mine is this office's version. One leaf left clears the conflict. */
static gboolean
store_leaves (D8Store *store, Pass *pass, GPtrArray *leaves, const char *mine,
              const char *bundle_id, GError **error)
{
  Leaf *winner = leaves->pdata[0];
  g_autoptr (D8SqlStmt) clear = NULL;
  g_autoptr (D8SqlStmt) head = NULL;
  g_autoptr (D8SqlStmt) other = NULL;

  for (guint i = 1; i < leaves->len; i++)
    if (strcmp (((Leaf *) leaves->pdata[i])->version, winner->version) > 0)
      winner = leaves->pdata[i];
  bind_leaf (pass->update, winner, ++pass->change_seq);
  if (sqlite3_step (pass->update) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (store), error, _("The bundle could not be imported."));
  clear = d8_sql_prepare (d8_store_get_db (store), "DELETE FROM conflicts WHERE uuid = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_text (clear, 1, winner->e->uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (clear) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (store), error, _("The bundle could not be imported."));
  if (leaves->len < 2)
    return TRUE;
  head = d8_sql_prepare (d8_store_get_db (store), "INSERT INTO conflicts (uuid, mine_version, bundle_id, detected_at)"
                      " VALUES (?, ?, ?, ?)", error);
  other = d8_sql_prepare (d8_store_get_db (store), "INSERT INTO conflict_versions (" ENTRY_COLS ")"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                error);
  if (head == NULL || other == NULL)
    return FALSE;
  sqlite3_bind_text (head, 1, winner->e->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (head, 2, mine, -1, SQLITE_STATIC);
  d8_sql_bind_text (head, 3, bundle_id, D8_SQL_EMPTY_IS_TEXT);
  sqlite3_bind_text (head, 4, pass->now, -1, SQLITE_STATIC);
  if (sqlite3_step (head) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (store), error, _("The bundle could not be imported."));
  for (guint i = 0; i < leaves->len; i++)
    {
      Leaf *leaf = leaves->pdata[i];
      if (leaf == winner)
        continue;
      bind_leaf (other, leaf, 0);
      if (sqlite3_step (other) != SQLITE_DONE)
        return d8_sql_fail (d8_store_get_db (store), error, _("The bundle could not be imported."));
    }
  return TRUE;
}

static gboolean
write_conflict (D8BundleImport *im, Pass *pass, const Rec *rec, gint64 plan_id, gint64 unit_id,
                gint64 indicator_id, GError **error)
{
  D8Store *store = im->store;
  g_autoptr (GPtrArray) leaves = load_leaves (store, rec->uuid, error);
  g_autoptr (GPtrArray) keep = g_ptr_array_new ();
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autofree char *mine = NULL;
  gboolean mine_kept = FALSE;

  if (leaves == NULL)
    return FALSE;
  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT mine_version FROM conflicts WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rec->uuid, -1, SQLITE_STATIC);
  mine = sqlite3_step (stmt) == SQLITE_ROW ? d8_sql_column_dup (stmt, 0)
                                           : g_strdup (((Leaf *) leaves->pdata[0])->version);
  /* Versions the incoming one descends from are superseded by it. */
  for (guint i = 0; i < leaves->len; i++)
    {
      Leaf *leaf = leaves->pdata[i];
      if (d8_hlc_history_contains (rec->history, leaf->version))
        continue;
      g_ptr_array_add (keep, leaf);
      mine_kept = mine_kept || g_str_equal (leaf->version, mine);
    }
  if (!mine_kept)
    {
      g_free (mine);
      mine = g_strdup (((Leaf *) keep->pdata[0])->version);
    }
  g_ptr_array_add (leaves, leaf_from_rec (rec, plan_id, unit_id, indicator_id));
  g_ptr_array_add (keep, leaves->pdata[leaves->len - 1]);
  return store_leaves (store, pass, keep, mine, im->preview.bundle_id, error);
}

static gboolean
write_entry (D8BundleImport *im, Pass *pass, const Rec *rec, D8BundleOutcome outcome,
             gint64 plan_id, gint64 unit_id, gint64 indicator_id, GError **error)
{
  sqlite3_stmt *stmt;

  if (outcome == D8_BUNDLE_CONFLICT)
    return write_conflict (im, pass, rec, plan_id, unit_id, indicator_id, error);

  stmt = pass->exists ? pass->update : pass->insert;
  bind_rec (stmt, rec, plan_id, unit_id, indicator_id, ++pass->change_seq);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (d8_store_get_db (im->store), error, _("The bundle could not be imported."));
  if (stmt == pass->update)
    {
      /* It descends from every version here: a pending conflict is over. */
      sqlite3_reset (pass->unconflict);
      sqlite3_bind_text (pass->unconflict, 1, rec->uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (pass->unconflict) != SQLITE_DONE)
        return d8_sql_fail (d8_store_get_db (im->store), error, _("The bundle could not be imported."));
    }
  return TRUE;
}

/* ================================================= import: the passes */

static PlanInfo *
lookup_plan (D8BundleImport *im, const char *code)
{
  PlanInfo *info = g_hash_table_lookup (im->plan_infos, code);

  if (info == NULL && !g_hash_table_contains (im->plan_infos, code))
    {
      info = plan_info_from_db (im->store, code);
      g_hash_table_insert (im->plan_infos, g_strdup (code), info);
    }
  return info;
}

static void
count (D8BundleImport *im, guint *counts, D8BundleOutcome outcome)
{
  counts[outcome]++;
  (void) im;
}

/* Classifies every record against the database; with @pass->write also
 * writes (inside the caller's transaction). */
static gboolean
run_pass (D8BundleImport *im, Pass *pass, GError **error)
{
  D8Store *store = im->store;
  D8BundlePreview *p = &im->preview;
  gboolean from_province = g_str_equal (p->origin, "province");
  g_autoptr (GHashTable) plan_codes = g_hash_table_new (g_str_hash, g_str_equal);

  memset (p->entries, 0, sizeof p->entries);
  memset (p->plans, 0, sizeof p->plans);
  p->n_stale = 0;
  g_ptr_array_set_size (p->rejections, 0);
  g_ptr_array_set_size (p->conflicts, 0);
  g_hash_table_remove_all (im->plan_infos);

  pass->local = d8_sql_prepare (d8_store_get_db (store), "SELECT version, history, deleted,"
                             " EXISTS (SELECT 1 FROM conflicts c WHERE c.uuid = e.uuid)"
                             " FROM entries e WHERE uuid = ?", error);
  pass->leaves = d8_sql_prepare (d8_store_get_db (store), "SELECT version, history FROM conflict_versions WHERE uuid = ?",
                       error);
  if (pass->local == NULL || pass->leaves == NULL)
    return FALSE;
  if (pass->write)
    {
      g_autoptr (D8SqlStmt) max = d8_sql_prepare (d8_store_get_db (store), "SELECT IFNULL (MAX (change_seq), 0) FROM entries",
                                   error);
      if (max == NULL || sqlite3_step (max) != SQLITE_ROW)
        return max ? d8_sql_fail (d8_store_get_db (store), error, _("The bundle could not be imported.")) : FALSE;
      pass->change_seq = sqlite3_column_int64 (max, 0);
      pass->insert = d8_sql_prepare (d8_store_get_db (store), "INSERT INTO entries (" ENTRY_COLS ", change_seq) VALUES (?1, ?2,"
                                  " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                                  " ?17)", error);
      pass->update = d8_sql_prepare (d8_store_get_db (store), "UPDATE entries SET plan_id = ?2, unit_id = ?3, indicator_id = ?4,"
                                  " date = ?5, amount = ?6, reached = ?7, group_size = ?8,"
                                  " place = ?9, note = ?10, created_at = ?11, updated_at = ?12,"
                                  " origin = ?13, deleted = ?14, version = ?15, history = ?16,"
                                  " change_seq = ?17 WHERE uuid = ?1", error);
      pass->unconflict = d8_sql_prepare (d8_store_get_db (store), "DELETE FROM conflicts WHERE uuid = ?", error);
      if (pass->insert == NULL || pass->update == NULL || pass->unconflict == NULL)
        return FALSE;
    }

  /* Plans first: entries may refer to a plan that arrives with them. */
  for (guint i = 0; i < im->plan_recs->len; i++)
    {
      PlanRec *rec = im->plan_recs->pdata[i];
      g_autofree char *record = g_strdup_printf ("plans[%u]", rec->index);
      PlanInfo *stored = plan_info_from_db (store, rec->code);
      D8BundleOutcome outcome;

      if (!from_province)
        {
          reject (im, record, rec->code, "plan",
                  g_strdup_printf (_("plans, units, indicators and quotas are accepted only from "
                                     "the provincial office; this bundle comes from %s"),
                                   p->origin));
          outcome = D8_BUNDLE_REJECTED;
        }
      else if (!g_hash_table_add (plan_codes, rec->code))
        {
          reject (im, record, rec->code, "plan.code",
                  g_strdup_printf (_("the plan “%s” appears twice in the bundle"), rec->code));
          outcome = D8_BUNDLE_REJECTED;
        }
      else if (stored == NULL)
        {
          outcome = D8_BUNDLE_NEW;
          if (pass->write)
            {
              gint64 plan_id;
              if (!d8_store_insert_plan_file (store, rec->file, &plan_id, error))
                return FALSE;
            }
          else
            g_hash_table_insert (im->plan_infos, g_strdup (rec->code),
                                 plan_info_from_file (rec->file));
        }
      else
        {
          int diff = compare_plan (store, stored->id, rec->file);
          if (diff == 2)
            {
              reject (im, record, rec->code, "units",
                      g_strdup_printf (_("the plan “%s” here has other units or indicators; a "
                                         "changed plan needs a new plan code"), rec->code));
              outcome = D8_BUNDLE_REJECTED;
            }
          else if (diff == 1)
            {
              outcome = D8_BUNDLE_UPDATED;
              if (pass->write && !update_plan_quotas (store, stored->id, rec->file, error))
                {
                  plan_info_free (stored);
                  return FALSE;
                }
            }
          else
            outcome = D8_BUNDLE_UNCHANGED;
        }
      g_clear_pointer (&stored, plan_info_free);
      im->plan_outcomes[i] = outcome;
      count (im, p->plans, outcome);
    }

  for (guint i = 0; i < im->recs->len; i++)
    {
      const Rec *rec = &g_array_index (im->recs, Rec, i);
      PlanInfo *plan = lookup_plan (im, rec->plan);
      gint64 *unit_id = NULL;
      IndicatorInfo *ind = NULL;
      D8BundleOutcome outcome;
      const char *field = NULL;
      char *reason = NULL;
      gboolean stale = FALSE;
      g_autoptr (GError) figures_error = NULL;

      if (plan == NULL)
        field = "plan", reason = g_strdup_printf (_("unknown plan “%s”"), rec->plan);
      else if ((unit_id = g_hash_table_lookup (plan->units, rec->unit)) == NULL)
        field = "unit",
        reason = g_strdup_printf (_("the unit “%s” is not part of plan “%s”"), rec->unit,
                                  rec->plan);
      else if ((ind = g_hash_table_lookup (plan->indicators, rec->indicator)) == NULL)
        field = "indicator",
        reason = g_strdup_printf (_("unknown indicator “%s” in plan “%s”"), rec->indicator,
                                  rec->plan);
      else if (!from_province && !g_str_equal (rec->unit, p->origin))
        field = "unit",
        reason = g_strdup_printf (_("the office of %s may only send entries of its own unit, "
                                    "not of %s"), p->origin, rec->unit);
      else if (!d8_entry_check_figures (ind->kind, rec->indicator, rec->amount, rec->reached,
                                        rec->group_size, rec->deleted, &field, &figures_error))
        reason = g_strdup (figures_error->message);
      else if (strncmp (rec->version, im->drift_limit, D8_HLC_TIME_LEN) > 0)
        field = "version",
        reason = g_strdup_printf (_("the version is dated %.24s, more than a day ahead of this "
                                    "computer’s clock; check the date on the computer of %s"),
                                  rec->version, rec->origin);

      if (reason != NULL)
        {
          g_autofree char *record = g_strdup_printf ("entries[%u]", i);
          reject (im, record, rec->uuid, field, reason);
          outcome = D8_BUNDLE_REJECTED;
        }
      else
        {
          outcome = merge_outcome (pass, rec, &stale);
          p->n_stale += stale;
          if (outcome == D8_BUNDLE_CONFLICT)
            g_ptr_array_add (p->conflicts, g_strdup (rec->uuid));
          if (pass->write && outcome != D8_BUNDLE_UNCHANGED)
            {
              if (!write_entry (im, pass, rec, outcome, plan->id, *unit_id, ind->id, error))
                return FALSE;
              pass->max_version = d8_hlc_max (pass->max_version, rec->version);
              HOOK ("entry", ++pass->written);
            }
        }
      im->outcomes[i] = outcome;
      count (im, p->entries, outcome);
    }
  return TRUE;
}

gboolean
d8_bundle_import_has_changes (D8BundleImport *import)
{
  const D8BundlePreview *p;

  g_return_val_if_fail (import != NULL, FALSE);
  p = &import->preview;
  for (int o = 0; o < D8_BUNDLE_N_OUTCOMES; o++)
    if (o != D8_BUNDLE_UNCHANGED && o != D8_BUNDLE_REJECTED && (p->entries[o] || p->plans[o]))
      return TRUE;
  return FALSE;
}

D8BundleImport *
d8_bundle_import_new (D8Store *store, const char *path, GError **error)
{
  g_autoptr (D8BundleImport) im = NULL;
  g_autoptr (D8SqlStmt) stmt = NULL;
  const char *office;
  struct stat st;
  void *data;
  int fd;
  gboolean ok;
  Pass pass = { 0 };

  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  im = g_new0 (D8BundleImport, 1);
  im->store = g_object_ref (store);
  im->path = g_strdup (path);
  im->strings = g_string_chunk_new (1 << 20);
  im->recs = g_array_new (FALSE, TRUE, sizeof (Rec));
  im->plan_recs = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_rec_free);
  im->plan_infos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) plan_info_free);
  im->preview.file_name = g_path_get_basename (path);
  im->preview.rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) rejection_free);
  im->preview.conflicts = g_ptr_array_new_with_free_func (g_free);
  im->drift_limit = d8_hlc_time_string (d8_hlc_now_ms () + D8_HLC_MAX_DRIFT_MS);

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("Cannot read the bundle %s: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }
  if (st.st_size > D8_BUNDLE_MAX_SIZE)
    {
      close (fd);
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("%s: file: the bundle is %lld MB, more than the %lld MB a bundle may have; "
                     "export it in parts (for example one plan or one unit at a time)"),
                   im->preview.file_name, (long long) (st.st_size / (1024 * 1024)),
                   (long long) (D8_BUNDLE_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }
  if (st.st_size == 0)
    {
      close (fd);
      return refuse (error, im->preview.file_name, _("file"), NULL, _("the file is empty")),
             NULL;
    }
  data = mmap (NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close (fd);
  if (data == MAP_FAILED)
    {
      int saved_errno = errno;
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("Cannot read the bundle %s: %s"), path,
                   g_strerror (saved_errno));
      return NULL;
    }
#ifdef MADV_SEQUENTIAL
  madvise (data, st.st_size, MADV_SEQUENTIAL);
#endif
  ok = read_bundle (im, data, st.st_size, error);
  munmap (data, st.st_size);
  if (!ok)
    return NULL;

  office = d8_store_get_office (store);
  if (g_str_equal (im->preview.origin, office))
    return refuse (error, im->preview.file_name, "origin", NULL,
                   _("this bundle was made by this office (%s); import bundles from the other "
                     "offices"), office), NULL;
  if (!g_str_equal (office, "province") && !g_str_equal (im->preview.origin, "province"))
    return refuse (error, im->preview.file_name, "origin", NULL,
                   _("this bundle comes from the office of %s and is meant for the province; "
                     "this office (%s) imports bundles from the province only"),
                   im->preview.origin, office), NULL;

  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT imported_at FROM bundle_log WHERE bundle_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, im->preview.bundle_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      im->preview.already_imported = TRUE;
      im->preview.imported_at = d8_sql_column_dup (stmt, 0);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT sequence FROM peer_sequences WHERE origin = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, im->preview.origin, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      im->preview.last_sequence = sqlite3_column_int64 (stmt, 0);
      im->preview.rollback = !im->preview.already_imported
                             && im->preview.sequence <= im->preview.last_sequence;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  im->outcomes = g_new0 (guint8, MAX (im->recs->len, 1));
  im->plan_outcomes = g_new0 (guint8, MAX (im->plan_recs->len, 1));
  /* One read transaction: the preview sees one consistent state. */
  if (!d8_sql_exec (d8_store_get_db (store), "BEGIN;", error))
    return NULL;
  ok = run_pass (im, &pass, error);
  pass_clear (&pass);
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

gboolean
d8_bundle_import_apply (D8BundleImport *import, GError **error)
{
  D8Store *store;
  D8BundlePreview *p;
  g_autoptr (D8Snapshot) snapshot = NULL;
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autofree char *summary = NULL;
  Pass pass = { 0 };

  g_return_val_if_fail (import != NULL, FALSE);
  store = import->store;
  p = &import->preview;

  /* The same bundle again: nothing to do, and nothing is written. */
  if (p->already_imported && !d8_bundle_import_has_changes (import))
    return TRUE;

  snapshot = d8_snapshot_create (store, "import", error);
  if (snapshot == NULL)
    return FALSE;
  g_free (p->snapshot);
  p->snapshot = g_strdup (snapshot->name);
  HOOK ("snapshot", 0);

  if (!d8_sql_exec (d8_store_get_db (store), "BEGIN IMMEDIATE;", error))
    return FALSE;
  HOOK ("begin", 0);
  pass.write = TRUE;
  pass.now = d8_hlc_time_string (d8_hlc_now_ms ());
  if (!run_pass (import, &pass, error))
    goto fail;
  if (pass.max_version && !d8_store_observe_version (store, pass.max_version, error))
    goto fail;

  summary = summary_json (p);
  stmt = d8_sql_prepare (d8_store_get_db (store), "INSERT INTO bundle_log (bundle_id, origin, sequence, digest, created_at,"
                      " imported_at, file_name, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                      " ON CONFLICT (bundle_id) DO UPDATE SET imported_at = excluded.imported_at,"
                      " summary = excluded.summary", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, p->bundle_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, p->origin, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, p->sequence);
  sqlite3_bind_text (stmt, 4, p->digest, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, p->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, pass.now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, p->file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, summary, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      d8_sql_fail (d8_store_get_db (store), error, _("The bundle could not be imported."));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = d8_sql_prepare (d8_store_get_db (store), "INSERT INTO peer_sequences (origin, sequence) VALUES (?, ?)"
                      " ON CONFLICT (origin) DO UPDATE SET sequence = MAX (sequence, excluded.sequence)",
               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, p->origin, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, p->sequence);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      d8_sql_fail (d8_store_get_db (store), error, _("The bundle could not be imported."));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  HOOK ("before-commit", pass.written);
  if (!d8_sql_exec (d8_store_get_db (store), "COMMIT;", error))
    goto fail;
  HOOK ("after-commit", pass.written);
  pass_clear (&pass);
  p->applied = TRUE;
  d8_store_emit_changed (store);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  pass_clear (&pass);
  d8_sql_exec (d8_store_get_db (store), "ROLLBACK;", NULL);
  return FALSE;
}

const char *
d8_bundle_outcome_key (D8BundleOutcome outcome)
{
  static const char *const keys[] = { "new", "updated", "unchanged", "deleted", "conflicts",
                                      "rejected" };
  g_return_val_if_fail (outcome < D8_BUNDLE_N_OUTCOMES, "");
  return keys[outcome];
}

char *
d8_bundle_preview_to_json (const D8BundlePreview *p)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, p->file_name);
  json_builder_set_member_name (b, "bundle_id");
  json_builder_add_string_value (b, p->bundle_id);
  json_builder_set_member_name (b, "origin");
  json_builder_add_string_value (b, p->origin);
  json_builder_set_member_name (b, "sequence");
  json_builder_add_int_value (b, p->sequence);
  json_builder_set_member_name (b, "created_at");
  json_builder_add_string_value (b, p->created_at);
  json_builder_set_member_name (b, "digest");
  json_builder_add_string_value (b, p->digest);
  json_builder_set_member_name (b, "already_imported");
  json_builder_add_boolean_value (b, p->already_imported);
  json_builder_set_member_name (b, "sequence_rollback");
  json_builder_add_boolean_value (b, p->rollback);
  json_builder_set_member_name (b, "last_sequence");
  json_builder_add_int_value (b, p->last_sequence);
  json_builder_set_member_name (b, "applied");
  json_builder_add_boolean_value (b, p->applied);
  json_builder_set_member_name (b, "snapshot");
  if (p->snapshot)
    json_builder_add_string_value (b, p->snapshot);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "entries");
  json_builder_begin_object (b);
  for (int o = 0; o < D8_BUNDLE_N_OUTCOMES; o++)
    {
      json_builder_set_member_name (b, d8_bundle_outcome_key (o));
      json_builder_add_int_value (b, p->entries[o]);
    }
  json_builder_set_member_name (b, "stale");
  json_builder_add_int_value (b, p->n_stale);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "plans");
  json_builder_begin_object (b);
  for (int o = 0; o < D8_BUNDLE_N_OUTCOMES; o++)
    {
      json_builder_set_member_name (b, d8_bundle_outcome_key (o));
      json_builder_add_int_value (b, p->plans[o]);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "rejections");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->rejections->len; i++)
    {
      D8BundleRejection *r = p->rejections->pdata[i];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "record");
      json_builder_add_string_value (b, r->record);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, r->uuid);
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, r->field);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, r->reason);
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

char *
d8_bundle_log_entry_describe (const D8BundleLogEntry *entry)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  guint entries[D8_BUNDLE_N_OUTCOMES] = { 0 };
  JsonObject *object;

  if (entry->summary == NULL || !json_parser_load_from_data (parser, entry->summary, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_strdup (entry->summary ? entry->summary : "");
  object = json_node_get_object (json_parser_get_root (parser));
  for (int o = 0; o < D8_BUNDLE_N_OUTCOMES; o++)
    entries[o] = (guint) CLAMP (json_object_get_int_member_with_default (
                                  object, d8_bundle_outcome_key (o), 0), 0, G_MAXUINT);
  return d8_bundle_describe_counts (entries);
}

/* ================================================================ export */

void
d8_bundle_export_result_clear (D8BundleExportResult *result)
{
  g_clear_pointer (&result->bundle_id, g_free);
  g_clear_pointer (&result->digest, g_free);
}

/* The stored plan as a plan-file document (docs/plan-format.md). */
static JsonNode *
plan_document (D8Store *store, gint64 plan_id, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *target_label = NULL;

  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT code, title, doc_number, issuer, issued_on, year, period_start,"
                      " period_end, appendix_title, target_label FROM plans WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return d8_sql_fail (d8_store_get_db (store), error, _("The plan could not be written to the bundle.")), NULL;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, D8_PLAN_FORMAT_NAME);
  json_builder_set_member_name (b, "format_version");
  json_builder_add_int_value (b, D8_PLAN_FORMAT_VERSION);
  json_builder_set_member_name (b, "plan");
  json_builder_begin_object (b);
  {
    static const char *const names[] = { "code", "title", "document_number", "issuer",
                                         "issued_on" };
    for (int i = 0; i < 5; i++)
      if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
        {
          json_builder_set_member_name (b, names[i]);
          json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, i));
        }
  }
  json_builder_set_member_name (b, "year");
  json_builder_add_int_value (b, sqlite3_column_int (stmt, 5));
  json_builder_set_member_name (b, "period_start");
  json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 6));
  json_builder_set_member_name (b, "period_end");
  json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 7));
  json_builder_end_object (b);
  {
    g_autofree char *appendix_title = d8_sql_column_dup (stmt, 8);
    target_label = d8_sql_column_dup (stmt, 9);
    g_clear_pointer (&stmt, sqlite3_finalize);

    /* Units of the plan and their ancestors. */
    stmt = d8_sql_prepare (d8_store_get_db (store), "WITH RECURSIVE t (id) AS (SELECT unit_id FROM plan_units WHERE plan_id = ?"
                        " UNION SELECT u.parent_id FROM units u JOIN t ON u.id = t.id"
                        " WHERE u.parent_id IS NOT NULL)"
                        " SELECT u.code, u.name, u.kind, u.level, p.code, u.valid_from, u.valid_to"
                        " FROM units u JOIN t ON t.id = u.id LEFT JOIN units p ON p.id = u.parent_id"
                        " ORDER BY u.parent_id IS NOT NULL, u.id", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, plan_id);
    json_builder_set_member_name (b, "units");
    json_builder_begin_array (b);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        static const char *const names[] = { "code", "name", "kind", "level", "parent",
                                             "valid_from", "valid_to" };
        json_builder_begin_object (b);
        for (int i = 0; i < 7; i++)
          if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
            {
              json_builder_set_member_name (b, names[i]);
              json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, i));
            }
        json_builder_end_object (b);
      }
    json_builder_end_array (b);
    g_clear_pointer (&stmt, sqlite3_finalize);

    stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT number, title FROM indicator_groups WHERE plan_id = ?"
                        " ORDER BY number", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, plan_id);
    json_builder_set_member_name (b, "groups");
    json_builder_begin_array (b);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "number");
        json_builder_add_int_value (b, sqlite3_column_int (stmt, 0));
        json_builder_set_member_name (b, "title");
        json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 1));
        json_builder_end_object (b);
      }
    json_builder_end_array (b);
    g_clear_pointer (&stmt, sqlite3_finalize);

    stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT code, name_vi, name_en, count_unit, kind, group_no, in_appendix"
                        " FROM indicators WHERE plan_id = ? ORDER BY position", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, plan_id);
    json_builder_set_member_name (b, "indicators");
    json_builder_begin_array (b);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        static const char *const names[] = { "code", "name_vi", "name_en", "count_unit", "kind" };
        json_builder_begin_object (b);
        for (int i = 0; i < 5; i++)
          if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
            {
              json_builder_set_member_name (b, names[i]);
              json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, i));
            }
        json_builder_set_member_name (b, "group");
        json_builder_add_int_value (b, sqlite3_column_int (stmt, 5));
        json_builder_end_object (b);
        if (sqlite3_column_int (stmt, 6))
          g_ptr_array_add (columns, d8_sql_column_dup (stmt, 0));
      }
    json_builder_end_array (b);
    g_clear_pointer (&stmt, sqlite3_finalize);

    json_builder_set_member_name (b, "appendix");
    json_builder_begin_object (b);
    if (appendix_title)
      {
        json_builder_set_member_name (b, "title");
        json_builder_add_string_value (b, appendix_title);
      }
    json_builder_set_member_name (b, "columns");
    json_builder_begin_array (b);
    for (guint c = 0; c < columns->len; c++)
      json_builder_add_string_value (b, columns->pdata[c]);
    json_builder_end_array (b);
  }
  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT pu.position, u.code, i.code, q.quota, q.written FROM plan_units pu"
                      " JOIN units u ON u.id = pu.unit_id"
                      " LEFT JOIN quotas q ON q.plan_id = pu.plan_id AND q.unit_id = pu.unit_id"
                      " LEFT JOIN indicators i ON i.id = q.indicator_id"
                      " WHERE pu.plan_id = ? ORDER BY pu.position, i.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  {
    int current = -1;
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        int tt = sqlite3_column_int (stmt, 0);
        if (tt != current)
          {
            if (current != -1)
              {
                json_builder_end_array (b);
                json_builder_end_object (b);
              }
            current = tt;
            json_builder_begin_object (b);
            json_builder_set_member_name (b, "tt");
            json_builder_add_int_value (b, tt);
            json_builder_set_member_name (b, "unit");
            json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 1));
            json_builder_set_member_name (b, "cells");
            json_builder_begin_array (b);
          }
        if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
          continue;
        if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
          json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 4));
        else
          json_builder_add_int_value (b, sqlite3_column_int64 (stmt, 3));
      }
    if (current != -1)
      {
        json_builder_end_array (b);
        json_builder_end_object (b);
      }
  }
  json_builder_end_array (b);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Targets: those of the appendix columns form the totals row, the
   * others (such as the 80 %) the targets list. */
  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT i.code, i.in_appendix, t.value, t.written, t.source"
                      " FROM plan_targets t JOIN indicators i ON i.id = t.indicator_id"
                      " WHERE t.plan_id = ? ORDER BY i.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  {
    g_autoptr (GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr (JsonBuilder) others = json_builder_new ();

    json_builder_begin_array (others);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *code = (const char *) sqlite3_column_text (stmt, 0);
        double value = sqlite3_column_double (stmt, 2);

        if (sqlite3_column_int (stmt, 1) && target_label
            && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), target_label) == 0)
          {
            g_hash_table_insert (totals, g_strdup (code), d8_sql_column_dup (stmt, 3));
            continue;
          }
        json_builder_begin_object (others);
        json_builder_set_member_name (others, "indicator");
        json_builder_add_string_value (others, code);
        json_builder_set_member_name (others, "value");
        if (value == (double) (gint64) value)
          json_builder_add_int_value (others, (gint64) value);
        else
          json_builder_add_double_value (others, value);
        json_builder_set_member_name (others, "written");
        json_builder_add_string_value (others, (const char *) sqlite3_column_text (stmt, 3));
        json_builder_set_member_name (others, "source");
        json_builder_add_string_value (others, (const char *) sqlite3_column_text (stmt, 4));
        json_builder_end_object (others);
      }
    json_builder_end_array (others);
    if (target_label)
      {
        json_builder_set_member_name (b, "total_row");
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "label");
        json_builder_add_string_value (b, target_label);
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
  }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Canonical text of a JSON document produced here: parse it with the
 * bundle reader so export and import agree byte for byte. */
static gboolean
canonical_of (const char *json, GString *out)
{
  Reader r = { json, json, json + strlen (json), NULL, NULL, NULL, NULL };
  guint v;

  r.vals = g_array_new (FALSE, TRUE, sizeof (Val));
  r.pool = g_string_new (NULL);
  reader_reset (&r);
  v = read_value (&r, 0);
  if (v)
    append_canonical (&r, v, out);
  g_array_unref (r.vals);
  g_string_free (r.pool, TRUE);
  g_free (r.error);
  return v != 0;
}

static void
put_member (GString *out, const char *key, const char *value, gboolean comma)
{
  append_canonical_string (out, key, strlen (key));
  g_string_append_c (out, ':');
  if (value)
    append_canonical_string (out, value, strlen (value));
  else
    g_string_append (out, "null");
  if (comma)
    g_string_append_c (out, ',');
}

/* One entry in canonical form (members sorted by name). */
static void
put_entry (GString *out, sqlite3_stmt *stmt)
{
  const char *history = (const char *) sqlite3_column_text (stmt, 15);

  g_string_append_printf (out, "{\"amount\":%lld,", (long long) sqlite3_column_int64 (stmt, 5));
  put_member (out, "created_at", (const char *) sqlite3_column_text (stmt, 10), TRUE);
  put_member (out, "date", (const char *) sqlite3_column_text (stmt, 4), TRUE);
  g_string_append_printf (out, "\"deleted\":%s,\"group_size\":%lld,\"history\":[",
                          sqlite3_column_int (stmt, 13) ? "true" : "false",
                          (long long) sqlite3_column_int64 (stmt, 7));
  if (history && *history)
    {
      g_auto (GStrv) parts = g_strsplit (history, " ", -1);
      for (guint i = 0; parts[i]; i++)
        {
          if (i)
            g_string_append_c (out, ',');
          append_canonical_string (out, parts[i], strlen (parts[i]));
        }
    }
  g_string_append (out, "],");
  put_member (out, "indicator", (const char *) sqlite3_column_text (stmt, 3), TRUE);
  put_member (out, "note", (const char *) sqlite3_column_text (stmt, 9), TRUE);
  put_member (out, "origin", (const char *) sqlite3_column_text (stmt, 12), TRUE);
  put_member (out, "place", (const char *) sqlite3_column_text (stmt, 8), TRUE);
  put_member (out, "plan", (const char *) sqlite3_column_text (stmt, 1), TRUE);
  g_string_append_printf (out, "\"reached\":%lld,", (long long) sqlite3_column_int64 (stmt, 6));
  put_member (out, "unit", (const char *) sqlite3_column_text (stmt, 2), TRUE);
  put_member (out, "updated_at", (const char *) sqlite3_column_text (stmt, 11), TRUE);
  put_member (out, "uuid", (const char *) sqlite3_column_text (stmt, 0), TRUE);
  put_member (out, "version", (const char *) sqlite3_column_text (stmt, 14), FALSE);
  g_string_append_c (out, '}');
}

static gboolean
flush (FILE *f, GString *buf, GChecksum *sum, gsize sum_from, GError **error)
{
  if (sum)
    g_checksum_update (sum, (const guchar *) buf->str + sum_from, buf->len - sum_from);
  if (buf->len && fwrite (buf->str, 1, buf->len, f) != buf->len)
    {
      int saved_errno = errno;
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("Cannot write the bundle: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }
  g_string_truncate (buf, 0);
  return TRUE;
}

gboolean
d8_bundle_export (D8Store *store, const D8BundleExportOptions *options, const char *path,
                  D8BundleExportResult *result, GError **error)
{
  const char *office;
  gboolean province;
  D8BundleEntries mode;
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (GArray) plan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GChecksum) plans_sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GChecksum) entries_sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GChecksum) total = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) buf = g_string_sized_new (1 << 20);
  g_autoptr (GString) header = g_string_new (NULL);
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *seq_text = NULL;
  g_autofree char *watermark_text = NULL;
  g_autofree char *bundle_id = g_uuid_string_random ();
  g_autofree char *created_at = d8_hlc_time_string (d8_hlc_now_ms ());
  g_autofree char *digest = NULL;
  gint64 unit_id = 0, since = 0, max_seq = 0, sequence;
  guint n_entries = 0;
  FILE *f = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && path != NULL, FALSE);

  office = d8_store_get_office (store);
  province = g_str_equal (office, "province");
  mode = options->entries;
  if (mode == D8_BUNDLE_ENTRIES_DEFAULT)
    mode = province ? D8_BUNDLE_ENTRIES_NONE : D8_BUNDLE_ENTRIES_SINCE_LAST;

  if (options->plan)
    {
      if ((plan = d8_store_resolve_plan (store, options->plan, error)) == NULL)
        return FALSE;
      g_array_append_val (plan_ids, plan->id);
    }
  else
    {
      g_autoptr (GPtrArray) plans = d8_store_list_plans (store, error);
      if (plans == NULL)
        return FALSE;
      for (guint i = 0; i < plans->len; i++)
        g_array_append_val (plan_ids, ((D8Plan *) plans->pdata[i])->id);
    }

  /* A unit office speaks only for its own unit. */
  {
    const char *unit = options->unit ? options->unit : province ? NULL : office;
    if (!province && options->unit && !g_str_equal (options->unit, office))
      {
        g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                     _("unit: this office (%s) exports only its own unit’s entries"), office);
        return FALSE;
      }
    if (unit)
      {
        g_autoptr (D8SqlStmt) u = d8_sql_prepare (d8_store_get_db (store), "SELECT id FROM units WHERE code = ?", error);
        if (u == NULL)
          return FALSE;
        sqlite3_bind_text (u, 1, unit, -1, SQLITE_STATIC);
        if (sqlite3_step (u) != SQLITE_ROW)
          {
            g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND, _("unit: unknown unit “%s”"), unit);
            return FALSE;
          }
        unit_id = sqlite3_column_int64 (u, 0);
      }
  }

  seq_text = d8_store_meta_get (store, "bundle_sequence");
  sequence = (seq_text ? g_ascii_strtoll (seq_text, NULL, 10) : 0) + 1;
  watermark_text = d8_store_meta_get (store, "export_change_seq");
  if (mode == D8_BUNDLE_ENTRIES_SINCE_LAST && watermark_text)
    since = g_ascii_strtoll (watermark_text, NULL, 10);

  tmp = g_strconcat (path, ".part", NULL);
  f = g_fopen (tmp, "wb");
  if (f == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("Cannot write the bundle %s: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  /* Header, in canonical form for the digest, and as written. */
  g_string_append (header, "{");
  put_member (header, "app_version", PACKAGE_VERSION, TRUE);
  put_member (header, "bundle_id", bundle_id, TRUE);
  put_member (header, "created_at", created_at, TRUE);
  put_member (header, "format", D8_BUNDLE_FORMAT_NAME, TRUE);
  g_string_append_printf (header, "\"format_version\":\"%d.%d\",", D8_BUNDLE_FORMAT_MAJOR,
                          D8_BUNDLE_FORMAT_MINOR);
  put_member (header, "origin", office, TRUE);
  g_string_append_printf (header, "\"sequence\":%lld}", (long long) sequence);

  g_string_append (buf, "{\n");
  put_member (buf, "format", D8_BUNDLE_FORMAT_NAME, TRUE);
  g_string_append_printf (buf, "\n\"format_version\":\"%d.%d\",\n", D8_BUNDLE_FORMAT_MAJOR,
                          D8_BUNDLE_FORMAT_MINOR);
  put_member (buf, "bundle_id", bundle_id, TRUE);
  g_string_append_c (buf, '\n');
  put_member (buf, "created_at", created_at, TRUE);
  g_string_append_c (buf, '\n');
  put_member (buf, "origin", office, TRUE);
  g_string_append_printf (buf, "\n\"sequence\":%lld,\n", (long long) sequence);
  put_member (buf, "app_version", PACKAGE_VERSION, TRUE);
  g_string_append (buf, "\n\"content\":{\n\"plans\":[");
  if (!flush (f, buf, NULL, 0, error))
    goto fail;

  if (province)
    for (guint i = 0; i < plan_ids->len; i++)
      {
        g_autoptr (JsonNode) doc = plan_document (store, g_array_index (plan_ids, gint64, i), error);
        g_autofree char *json = NULL;
        gsize from;

        if (doc == NULL)
          goto fail;
        json = json_to_string (doc, FALSE);
        g_string_append (buf, i ? ",\n" : "\n");
        from = buf->len;
        canonical_of (json, buf);
        g_string_append_c (buf, '\n');
        g_checksum_update (plans_sum, (const guchar *) buf->str + from, buf->len - from);
        g_string_truncate (buf, buf->len - 1);
        if (!flush (f, buf, NULL, 0, error))
          goto fail;
      }
  g_string_append (buf, "\n],\n\"entries\":[");

  if (mode != D8_BUNDLE_ENTRIES_NONE)
    {
      g_autoptr (D8SqlStmt) max = d8_sql_prepare (d8_store_get_db (store), "SELECT IFNULL (MAX (change_seq), 0) FROM entries",
                                   error);
      if (max == NULL || sqlite3_step (max) != SQLITE_ROW)
        goto fail;
      max_seq = sqlite3_column_int64 (max, 0);
      stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT e.uuid, p.code, u.code, i.code, e.date, e.amount, e.reached,"
                          " e.group_size, e.place, e.note, e.created_at, e.updated_at, e.origin,"
                          " e.deleted, e.version, e.history FROM entries e"
                          " JOIN plans p ON p.id = e.plan_id JOIN units u ON u.id = e.unit_id"
                          " JOIN indicators i ON i.id = e.indicator_id"
                          " WHERE e.change_seq > ?1 AND e.change_seq <= ?2"
                          " AND (?3 = 0 OR e.unit_id = ?3) AND (?4 = 0 OR e.plan_id = ?4)"
                          " ORDER BY e.change_seq", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, since);
      sqlite3_bind_int64 (stmt, 2, max_seq);
      sqlite3_bind_int64 (stmt, 3, unit_id);
      sqlite3_bind_int64 (stmt, 4, plan ? plan->id : 0);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gsize from;

          g_string_append (buf, n_entries ? ",\n" : "\n");
          from = buf->len;
          put_entry (buf, stmt);
          g_string_append_c (buf, '\n');
          g_checksum_update (entries_sum, (const guchar *) buf->str + from, buf->len - from);
          g_string_truncate (buf, buf->len - 1);
          n_entries++;
          if (buf->len > (1 << 20) && !flush (f, buf, NULL, 0, error))
            goto fail;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  g_string_append (buf, "\n]\n},\n");

  {
    g_autoptr (GString) canon = g_string_new ("duan8-bundle-digest-1\n");
    g_string_append (canon, header->str);
    g_string_append_printf (canon, "\n%s\n%s\n", g_checksum_get_string (plans_sum),
                            g_checksum_get_string (entries_sum));
    g_checksum_update (total, (const guchar *) canon->str, canon->len);
    digest = g_strconcat ("sha256:", g_checksum_get_string (total), NULL);
  }
  put_member (buf, "digest", digest, FALSE);
  g_string_append (buf, "\n}\n");
  if (!flush (f, buf, NULL, 0, error))
    goto fail;
  if (fflush (f) != 0 || fsync (fileno (f)) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("Cannot write the bundle %s: %s"), path,
                   g_strerror (saved_errno));
      goto fail;
    }
  fclose (f);
  f = NULL;
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("Cannot write the bundle %s: %s"), path,
                   g_strerror (saved_errno));
      goto fail;
    }

  /* Only now that the file exists do the counters move on. */
  {
    g_autofree char *seq = g_strdup_printf ("%lld", (long long) sequence);
    g_autofree char *mark = g_strdup_printf ("%lld", (long long) max_seq);
    if (!d8_sql_exec (d8_store_get_db (store), "BEGIN IMMEDIATE;", error))
      return FALSE;
    if (!d8_store_meta_set (store, "bundle_sequence", seq, error)
        || (mode != D8_BUNDLE_ENTRIES_NONE
            && !d8_store_meta_set (store, "export_change_seq", mark, error))
        || !d8_sql_exec (d8_store_get_db (store), "COMMIT;", error))
      {
        d8_sql_exec (d8_store_get_db (store), "ROLLBACK;", NULL);
        return FALSE;
      }
  }
  if (result)
    {
      result->bundle_id = g_steal_pointer (&bundle_id);
      result->digest = g_steal_pointer (&digest);
      result->sequence = sequence;
      result->n_plans = province ? plan_ids->len : 0;
      result->n_entries = n_entries;
    }
  return TRUE;

fail:
  if (f)
    fclose (f);
  g_unlink (tmp);
  return FALSE;
}

/* ===================================================== log and conflicts */

void
d8_bundle_log_entry_free (D8BundleLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->bundle_id);
  g_free (entry->origin);
  g_free (entry->digest);
  g_free (entry->created_at);
  g_free (entry->imported_at);
  g_free (entry->file_name);
  g_free (entry->summary);
  g_free (entry);
}

GPtrArray *
d8_bundle_list_log (D8Store *store, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) d8_bundle_log_entry_free);
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT bundle_id, origin, sequence, digest, created_at, imported_at,"
                      " file_name, summary FROM bundle_log ORDER BY imported_at DESC", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      D8BundleLogEntry *e = g_new0 (D8BundleLogEntry, 1);
      e->bundle_id = d8_sql_column_dup (stmt, 0);
      e->origin = d8_sql_column_dup (stmt, 1);
      e->sequence = sqlite3_column_int64 (stmt, 2);
      e->digest = d8_sql_column_dup (stmt, 3);
      e->created_at = d8_sql_column_dup (stmt, 4);
      e->imported_at = d8_sql_column_dup (stmt, 5);
      e->file_name = d8_sql_column_dup (stmt, 6);
      e->summary = d8_sql_column_dup (stmt, 7);
      g_ptr_array_add (list, e);
    }
  return g_steal_pointer (&list);
}

void
d8_conflict_free (D8Conflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->uuid);
  d8_entry_free (conflict->mine);
  d8_entry_free (conflict->theirs);
  g_free (conflict->mine_version);
  g_free (conflict->theirs_version);
  g_free (conflict->bundle_id);
  g_free (conflict->detected_at);
  g_free (conflict);
}

/* The leaves of one conflict split into mine and theirs. */
static gboolean
split_leaves (GPtrArray *leaves, const char *mine_version, Leaf **mine, Leaf **theirs)
{
  *mine = *theirs = NULL;
  for (guint i = 0; i < leaves->len; i++)
    {
      Leaf *leaf = leaves->pdata[i];
      if (g_str_equal (leaf->version, mine_version))
        *mine = leaf;
      else if (*theirs == NULL || strcmp (leaf->version, (*theirs)->version) > 0)
        *theirs = leaf;
    }
  if (*mine == NULL && leaves->len > 0)
    *mine = leaves->pdata[0] == *theirs && leaves->len > 1 ? leaves->pdata[1] : leaves->pdata[0];
  return *mine != NULL && *theirs != NULL && *mine != *theirs;
}

GPtrArray *
d8_bundle_list_conflicts (D8Store *store, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_conflict_free);
  g_autoptr (D8SqlStmt) stmt = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT c.uuid, c.mine_version, c.bundle_id, c.detected_at, e.version"
                      " FROM conflicts c JOIN entries e ON e.uuid = c.uuid"
                      " ORDER BY c.detected_at, c.uuid", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (GPtrArray) leaves = load_leaves (store, (const char *) sqlite3_column_text (stmt, 0),
                                                  error);
      D8Conflict *c;
      Leaf *mine, *theirs;

      if (leaves == NULL)
        return NULL;
      if (!split_leaves (leaves, (const char *) sqlite3_column_text (stmt, 1), &mine, &theirs))
        continue;
      c = g_new0 (D8Conflict, 1);
      c->uuid = d8_sql_column_dup (stmt, 0);
      c->mine = d8_entry_copy (mine->e);
      c->theirs = d8_entry_copy (theirs->e);
      c->mine_version = g_strdup (mine->version);
      c->theirs_version = g_strdup (theirs->version);
      c->shown_is_mine = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), mine->version) == 0;
      c->bundle_id = d8_sql_column_dup (stmt, 2);
      c->detected_at = d8_sql_column_dup (stmt, 3);
      g_ptr_array_add (list, c);
    }
  return g_steal_pointer (&list);
}

/* Resolves the conflict of @uuid inside the caller's transaction. */
static gboolean
resolve_one (D8Store *store, const char *uuid, D8BundleKeep keep, GError **error)
{
  g_autoptr (GPtrArray) leaves = NULL;
  g_autoptr (D8SqlStmt) stmt = NULL;
  g_autoptr (GString) history = g_string_new (NULL);
  g_autoptr (GChecksum) sum = NULL;
  g_autofree char *mine_version = NULL;
  g_autofree char *node = NULL;
  Leaf *mine, *theirs, *chosen, result = { 0 };
  const char *newest = NULL;
  Pass pass = { 0 };
  gboolean ok = FALSE;

  stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT mine_version FROM conflicts WHERE uuid = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                   _("The entry %s is not in conflict; `duan8-cli conflicts` lists those that are"),
                   uuid);
      goto out;
    }
  mine_version = d8_sql_column_dup (stmt, 0);
  if ((leaves = load_leaves (store, uuid, error)) == NULL)
    goto out;
  if (!split_leaves (leaves, mine_version, &mine, &theirs))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE, _("The conflict of entry %s is damaged"),
                   uuid);
      goto out;
    }
  chosen = keep == D8_BUNDLE_KEEP_MINE ? mine : theirs;

  /* The result descends from every version in conflict. Its stamp follows
   * the newest of them and names the chosen version by a hash, so another
   * office that picks the same version makes the very same stamp: the two
   * resolutions then agree instead of conflicting again. */
  for (guint i = 0; i < leaves->len; i++)
    newest = d8_hlc_max (newest, ((Leaf *) leaves->pdata[i])->version);
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sum, (const guchar *) chosen->version, -1);
  node = g_strdup_printf ("resolved-%.12s", g_checksum_get_string (sum));
  result.version = d8_hlc_successor (newest, node);
  {
    g_autoptr (GPtrArray) versions = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; i < leaves->len; i++)
      {
        Leaf *leaf = leaves->pdata[i];
        g_auto (GStrv) parts = g_strsplit (leaf->history ? leaf->history : "", " ", -1);
        g_ptr_array_add (versions, g_strdup (leaf->version));
        for (guint k = 0; parts[k]; k++)
          if (*parts[k])
            g_ptr_array_add (versions, g_strdup (parts[k]));
      }
    /* Newest first, each once; the versions in conflict are always kept. */
    g_ptr_array_sort (versions, (GCompareFunc) (void (*) (void)) g_strcmp0);
    for (guint i = versions->len; i-- > 0;)
      {
        const char *v = versions->pdata[i];
        gboolean is_leaf = FALSE;
        if (i + 1 < versions->len && g_str_equal (v, versions->pdata[i + 1]))
          continue;
        for (guint k = 0; k < leaves->len; k++)
          is_leaf = is_leaf || g_str_equal (v, ((Leaf *) leaves->pdata[k])->version);
        if (!is_leaf && d8_hlc_history_contains (history->str, v))
          continue;
        g_string_append_printf (history, "%s%s", history->len ? " " : "", v);
      }
  }
  result.e = chosen->e;
  result.history = history->str;

  pass.update = d8_sql_prepare (d8_store_get_db (store), "UPDATE entries SET plan_id = ?2, unit_id = ?3, indicator_id = ?4,"
                             " date = ?5, amount = ?6, reached = ?7, group_size = ?8,"
                             " place = ?9, note = ?10, created_at = ?11, updated_at = ?12,"
                             " origin = ?13, deleted = ?14, version = ?15, history = ?16,"
                             " change_seq = ?17 WHERE uuid = ?1", error);
  if (pass.update == NULL)
    goto out;
  {
    g_autoptr (D8SqlStmt) max = d8_sql_prepare (d8_store_get_db (store), "SELECT IFNULL (MAX (change_seq), 0) FROM entries", error);
    if (max == NULL || sqlite3_step (max) != SQLITE_ROW)
      goto out;
    pass.change_seq = sqlite3_column_int64 (max, 0);
  }
  {
    g_autoptr (GPtrArray) one = g_ptr_array_new ();
    g_ptr_array_add (one, &result);
    if (!store_leaves (store, &pass, one, result.version, NULL, error)
        || !d8_store_observe_version (store, result.version, error))
      goto out;
  }
  ok = TRUE;

out:
  pass_clear (&pass);
  g_free (result.version);
  return ok;
}

/* Resolves the conflict of @uuid, or every conflict when @uuid is NULL, in
 * one transaction: all or none. */
static gboolean
resolve_many (D8Store *store, const char *uuid, D8BundleKeep keep, guint *n_resolved,
              GError **error)
{
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = FALSE;

  if (!d8_sql_exec (d8_store_get_db (store), "BEGIN IMMEDIATE;", error))
    return FALSE;
  if (uuid != NULL)
    g_ptr_array_add (uuids, g_strdup (uuid));
  else
    {
      g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store), "SELECT uuid FROM conflicts ORDER BY uuid", error);
      int rc;

      if (stmt == NULL)
        goto out;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (uuids, d8_sql_column_dup (stmt, 0));
      if (rc != SQLITE_DONE)
        {
          d8_sql_fail (d8_store_get_db (store), error, _("The conflicts could not be settled."));
          goto out;
        }
    }
  for (guint i = 0; i < uuids->len; i++)
    if (!resolve_one (store, uuids->pdata[i], keep, error))
      goto out;
  if (!d8_sql_exec (d8_store_get_db (store), "COMMIT;", error))
    goto out;
  ok = TRUE;
  if (n_resolved != NULL)
    *n_resolved = uuids->len;

out:
  if (!ok)
    d8_sql_exec (d8_store_get_db (store), "ROLLBACK;", NULL);
  else if (uuids->len > 0)
    d8_store_emit_changed (store);
  return ok;
}

gboolean
d8_bundle_resolve (D8Store *store, const char *uuid, D8BundleKeep keep, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return resolve_many (store, uuid, keep, NULL, error);
}

gboolean
d8_bundle_resolve_all (D8Store *store, D8BundleKeep keep, guint *n_resolved, GError **error)
{
  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  return resolve_many (store, NULL, keep, n_resolved, error);
}
