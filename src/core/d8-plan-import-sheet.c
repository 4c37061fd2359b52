/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-import-sheet.c — the appendix as a table (a D8Sheet) mapped to a
 * plan file: the header row to indicators, rows to units, the totals row
 * to the stated totals, the plan's metadata from the options or the
 * --from plan.
 *
 * Nothing is guessed: a name that matches two units, two rows whose
 * names fold equal, a header that matches two indicators or a cell that
 * is neither a whole number, "-" nor blank is refused, naming the row or
 * cell as the spreadsheet shows it ("C7").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-entry.h"
#include "d8-error.h"
#include "d8-format.h"
#include "d8-plan-import-private.h"
#include "d8-text.h"

#define MAX_QUOTA G_GINT64_CONSTANT (1000000000)

typedef struct
{
  const char *source;
  GError **error;
} Ctx;

static gboolean G_GNUC_PRINTF (3, 4)
fail (Ctx *ctx, const char *where, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (where != NULL)
    g_set_error (ctx->error, D8_ERROR, D8_ERROR_PLAN_FORMAT,
                 /* Translators: table error: file name, row or cell ("C7"), problem */
                 _("%s: %s: %s"), ctx->source, where, what);
  else
    g_set_error (ctx->error, D8_ERROR, D8_ERROR_PLAN_FORMAT, _("%s: %s"), ctx->source, what);
  return FALSE;
}

static char *
row_name (guint row)
{
  /* Translators: a row of a spreadsheet, 1-based */
  return g_strdup_printf (_("row %u"), row + 1);
}

static gboolean
key_is_tt (const char *key)
{
  return g_str_equal (key, "tt") || g_str_equal (key, "stt") || g_str_equal (key, "so tt");
}

static gboolean
key_is_unit_header (const char *key)
{
  static const char *const starts[] = { "don vi", "ten don vi", "dia phuong", "xa", "huyen",
                                        "ten xa", "ten huyen", "unit" };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    if (g_str_has_prefix (key, starts[i]))
      return TRUE;
  return FALSE;
}

static gboolean
key_is_total (const char *key)
{
  static const char *const exact[] = { "tong", "cong", "tong cong", "tong so", "toan tinh",
                                       "cong:", "tong:", "total" };

  if (g_str_has_prefix (key, "chi tieu nam") || g_str_has_prefix (key, "tong cong")
      || g_str_has_prefix (key, "cong toan") || g_str_has_prefix (key, "tong so"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (exact); i++)
    if (g_str_equal (key, exact[i]))
      return TRUE;
  return FALSE;
}

/* "(1)", "1", "A", "II": the numbering of columns or of groups. */
static gboolean
is_numbering (const char *text)
{
  const char *p = text;

  if (*p == '(')
    p++;
  if (!*p)
    return FALSE;
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
    }
  else
    {
      while (*p && strchr ("IVXLABCDE", *p))
        p++;
    }
  if (*p == ')' || *p == '.')
    p++;
  return *p == '\0' && p != text;
}

/* "(3)": a column number written under a header. */
static gboolean
is_column_number (const char *text)
{
  gsize n = strlen (text);
  const char *p = text + 1;

  if (n < 3 || text[0] != '(' || text[n - 1] != ')')
    return FALSE;
  for (; p < text + n - 1; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_whole_number (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_no_quota (const char *text)
{
  return *text == '\0' || g_str_equal (text, "-") || g_str_equal (text, "–")
         || g_str_equal (text, "—");
}

/* One quota cell. */
static gboolean
parse_cell (Ctx *ctx, const D8Sheet *sheet, guint r, guint c, gboolean *has, gint64 *quota,
            char **written)
{
  const char *text = d8_sheet_cell (sheet, r, c);
  g_autofree char *where = d8_sheet_cell_name (r, c);
  guint64 value;

  if (is_no_quota (text))
    {
      *has = FALSE;
      *quota = 0;
      g_free (*written);
      *written = g_strdup (text);
      return TRUE;
    }
  if (!is_whole_number (text)
      || !g_ascii_string_to_unsigned (text, 10, 0, MAX_QUOTA, &value, NULL))
    {
      if (is_whole_number (text))
        return fail (ctx, where, _("%s is above the maximum %lld"), text, (long long) MAX_QUOTA);
      return fail (ctx, where, _("“%s” is neither a whole number nor “-”"), text);
    }
  *has = TRUE;
  *quota = (gint64) value;
  g_free (*written);
  *written = g_strdup_printf ("%" G_GINT64_FORMAT, *quota);
  return TRUE;
}

/* "Tổ truyền thông (tổ)" → "tổ". */
static char *
count_unit_of (const char *header)
{
  const char *open = strrchr (header, '(');
  gsize n = strlen (header);

  if (open == NULL || n == 0 || header[n - 1] != ')' || open == header)
    return g_strdup ("");
  return g_strstrip (g_strndup (open + 1, header + n - 1 - open - 1));
}

/* A unit code of ASCII letters, digits and dashes: "gia-lai-2026/ia-hru". */
char *
d8_plan_import_slug (const char *text)
{
  g_autofree char *folded = d8_text_name_key (text);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, *p);
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "unit");
  return g_string_free (out, FALSE);
}

/* Whether @unit exists during some day of [start, end]. */
static gboolean
valid_during (const D8Unit *unit, const char *start, const char *end)
{
  if (unit->valid_to != NULL && start != NULL && strcmp (unit->valid_to, start) < 0)
    return FALSE;
  if (unit->valid_from != NULL && end != NULL && strcmp (unit->valid_from, end) > 0)
    return FALSE;
  return TRUE;
}

static const char *
first_of (const char *a, const char *b)
{
  return a != NULL && *a ? a : b;
}

/* The plan's record: options first, then the --from plan, then what the
 * table says. */
static gboolean
fill_plan (Ctx *ctx, D8PlanSheetContext *sc, D8PlanFile *file, const char *appendix_title,
           const char *total_label)
{
  const D8PlanImportOptions *o = sc->options;
  const D8Plan *from = sc->from;
  D8Plan *plan = file->plan;
  int year = o->year;

  plan->code = g_strdup (first_of (o->code, from ? from->code : NULL));
  plan->title = g_strdup (first_of (o->title, from ? from->title : appendix_title));
  plan->doc_number = g_strdup (first_of (o->document_number, from ? from->doc_number : NULL));
  plan->issuer = g_strdup (first_of (o->issuer, from ? from->issuer : NULL));
  /* The date is the new document's: never copied from --from. */
  plan->issued_on = g_strdup (o->issued_on);
  if (year == 0 && from != NULL)
    year = from->year;
  if (year == 0 && total_label != NULL)
    {
      g_autofree char *key = d8_text_name_key (total_label);
      const char *nam = strstr (key, "nam ");
      if (nam != NULL)
        year = atoi (nam + 4);
    }
  if (plan->code == NULL || *plan->code == '\0')
    return fail (ctx, NULL, _("the plan’s code is missing: give it (--code) or copy a plan’s "
                              "(--from)"));
  if (plan->title == NULL || *plan->title == '\0')
    return fail (ctx, NULL, _("the plan’s title is missing: give it (--title) or copy a plan’s "
                              "(--from)"));
  if (plan->doc_number == NULL || *plan->doc_number == '\0')
    return fail (ctx, NULL, _("the plan’s document number is missing: give it "
                              "(--document-number) or copy a plan’s (--from)"));
  if (year < 1900 || year > 2200)
    return fail (ctx, NULL, _("the plan’s year is missing: give it (--year) or copy a plan’s "
                              "(--from)"));
  plan->year = year;
  if (o->period_start != NULL || o->period_end != NULL)
    {
      plan->period_start = g_strdup (first_of (o->period_start, NULL));
      plan->period_end = g_strdup (first_of (o->period_end, NULL));
    }
  else if (from != NULL && from->year == year)
    {
      plan->period_start = g_strdup (from->period_start);
      plan->period_end = g_strdup (from->period_end);
    }
  if (plan->period_start == NULL)
    plan->period_start = g_strdup_printf ("%04d-01-01", year);
  if (plan->period_end == NULL)
    plan->period_end = g_strdup_printf ("%04d-12-31", year);
  if (plan->issued_on != NULL && !d8_date_is_valid (plan->issued_on))
    return fail (ctx, "--issued-on", _("“%s” is not a date in the form YYYY-MM-DD"),
                 plan->issued_on);
  if (!d8_date_is_valid (plan->period_start) || !d8_date_is_valid (plan->period_end)
      || strcmp (plan->period_start, plan->period_end) > 0)
    return fail (ctx, NULL, _("the period %s – %s is not a valid period"), plan->period_start,
                 plan->period_end);
  file->appendix_title = g_strdup (appendix_title);
  plan->target_label = g_strdup (total_label);
  return TRUE;
}

/* The header as read: one text per column, the row it came from, and —
 * for a header of two rows (group titles over indicator names, as the
 * appendix is laid out) — the group title over each column. */
typedef struct
{
  guint row;        /* the (first) header row */
  guint first_data; /* the first row under the header */
  GPtrArray *text;  /* char* per column */
  GArray *text_row; /* guint per column */
  GPtrArray *group; /* char* per column, or NULL for a header of one row */
} Header;

static void
header_clear (Header *h)
{
  g_clear_pointer (&h->text, g_ptr_array_unref);
  g_clear_pointer (&h->text_row, g_array_unref);
  g_clear_pointer (&h->group, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Header, header_clear)

/* Reads the header at @row; a second row whose TT and unit cells are
 * empty and whose other cells are text (not quotas) holds the indicator
 * names under group titles. */
static void
read_header (const D8Sheet *sheet, guint row, int tt_col, guint label_col, Header *h)
{
  gboolean two_rows = row + 1 < sheet->rows->len
                      && *d8_sheet_cell (sheet, row + 1, label_col) == '\0'
                      && (tt_col < 0 || *d8_sheet_cell (sheet, row + 1, (guint) tt_col) == '\0');
  gboolean any = FALSE;
  const char *group = NULL;

  for (guint c = label_col + 1; two_rows && c < sheet->n_columns; c++)
    {
      const char *lower = d8_sheet_cell (sheet, row + 1, c);
      if (*lower && (is_whole_number (lower) || is_no_quota (lower) || is_numbering (lower)))
        two_rows = FALSE;
      any |= *lower != '\0';
    }
  two_rows &= any;
  h->row = row;
  h->first_data = row + (two_rows ? 2 : 1);
  h->text = g_ptr_array_new_with_free_func (g_free);
  h->text_row = g_array_new (FALSE, TRUE, sizeof (guint));
  h->group = two_rows ? g_ptr_array_new_with_free_func (g_free) : NULL;
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      const char *upper = d8_sheet_cell (sheet, row, c);
      const char *lower = two_rows ? d8_sheet_cell (sheet, row + 1, c) : "";
      guint from = *lower ? row + 1 : row;

      if (*upper)
        group = upper;
      g_ptr_array_add (h->text, g_strdup (*lower ? lower : upper));
      g_array_append_val (h->text_row, from);
      if (two_rows)
        g_ptr_array_add (h->group, g_strdup (c > label_col && *lower ? group : NULL));
    }
}

/* The groups and indicators: those of the --from plan, then one new
 * indicator for each header that matches none. */
static gboolean
map_indicators (Ctx *ctx, D8PlanSheetContext *sc, Header *header, GArray *columns,
                D8PlanFile *file, GPtrArray *warnings)
{
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  int next_code = 1, new_group = 0;

  if (sc->from_indicators != NULL)
    for (guint i = 0; i < sc->from_indicators->len; i++)
      {
        D8Indicator *from = sc->from_indicators->pdata[i];
        D8Indicator *copy = g_new0 (D8Indicator, 1);
        gboolean group_known = FALSE;

        copy->code = g_strdup (from->code);
        copy->name_vi = g_strdup (from->name_vi);
        copy->name_en = g_strdup (from->name_en);
        copy->count_unit = g_strdup (from->count_unit);
        copy->kind = from->kind;
        copy->group_no = from->group_no;
        copy->group_title = g_strdup (from->group_title);
        copy->position = (int) file->indicators->len + 1;
        /* Stated targets outside the appendix (the 80 % of section II) stay. */
        if (from->has_target && !from->in_appendix)
          {
            copy->has_target = TRUE;
            copy->target = from->target;
            copy->target_written = g_strdup (from->target_written);
            copy->target_source = g_strdup (from->target_source);
          }
        g_ptr_array_add (file->indicators, copy);
        for (guint g = 0; g < file->groups->len; g++)
          group_known |= ((D8PlanFileGroup *) file->groups->pdata[g])->number == from->group_no;
        if (!group_known)
          d8_plan_file_add_group (file, from->group_no, from->group_title);
        new_group = MAX (new_group, from->group_no);
        if (atoi (from->code) >= next_code)
          next_code = atoi (from->code) + 1;
      }

  for (guint k = 0; k < columns->len; k++)
    {
      guint c = g_array_index (columns, guint, k);
      const char *header_text = header->text->pdata[c];
      const char *group_text = header->group ? header->group->pdata[c] : NULL;
      g_autofree char *key = d8_text_name_key (header_text);
      g_autofree char *where = d8_sheet_cell_name (g_array_index (header->text_row, guint, c), c);
      D8Indicator *match = NULL;
      const char *want = sc->options->column_map
                           ? g_hash_table_lookup (sc->options->column_map, header_text) : NULL;

      if (want != NULL && *want != '\0' && !g_str_equal (want, "+"))
        {
          /* The person chose the indicator of this column. */
          for (guint i = 0; i < file->indicators->len && match == NULL; i++)
            if (g_str_equal (((D8Indicator *) file->indicators->pdata[i])->code, want))
              match = file->indicators->pdata[i];
          if (match == NULL)
            return fail (ctx, where, _("the column is mapped to indicator %s, which the plan "
                                       "does not have"), want);
        }
      for (guint i = 0; i < file->indicators->len && want == NULL; i++)
        {
          D8Indicator *ind = file->indicators->pdata[i];
          g_autofree char *name_key = d8_text_name_key (ind->name_vi);

          if (g_ascii_strcasecmp (ind->code, header_text) == 0 || g_str_equal (name_key, key))
            {
              if (match != NULL)
                return fail (ctx, where, _("“%s” matches two indicators, %s and %s"),
                             header_text, match->code, ind->code);
              match = ind;
            }
        }
      if (match == NULL)
        {
          /* A new indicator: in the group titled over its column (a header
           * of two rows), else in a group of its own after those of --from. */
          gboolean have = FALSE;
          const char *title = group_text != NULL && sc->from_indicators == NULL
                                ? group_text
                                : sc->from_indicators ? _("Indicators added by the table")
                                : first_of (file->appendix_title, _("Indicators of the appendix"));
          int number = new_group + 1;
          D8PlanFileGroup *last = file->groups->len > 0
                                    ? file->groups->pdata[file->groups->len - 1] : NULL;

          if (last != NULL && g_strcmp0 (last->title, title) == 0)
            number = last->number;
          else if (last != NULL && last->number > new_group && sc->from_indicators == NULL)
            number = last->number + 1;
          for (guint g = 0; g < file->groups->len; g++)
            have |= ((D8PlanFileGroup *) file->groups->pdata[g])->number == number;
          if (!have)
            d8_plan_file_add_group (file, number, title);
          match = g_new0 (D8Indicator, 1);
          match->code = g_strdup_printf ("%d", next_code++);
          match->name_vi = g_strdup (header_text);
          match->count_unit = count_unit_of (header_text);
          match->kind = D8_KIND_COUNT;
          match->group_no = number;
          match->group_title = g_strdup (title);
          match->position = (int) file->indicators->len + 1;
          g_ptr_array_add (file->indicators, match);
          if (sc->from != NULL)
            g_ptr_array_add (warnings,
                             g_strdup_printf (_("Column %s “%s” matches no indicator of plan %s: "
                                                "it becomes the new indicator %s."),
                                              where, header_text, sc->from->doc_number,
                                              match->code));
        }
      if (!g_hash_table_add (used, match->code))
        return fail (ctx, where, _("indicator %s has two columns"), match->code);
      if (d8_indicator_kind_counts_women (match->kind))
        return fail (ctx, where, _("indicator “%s” is a percentage and cannot be allocated"),
                     match->code);
      match->in_appendix = TRUE;
      g_ptr_array_add (file->columns, g_strdup (match->code));
    }
  return TRUE;
}

/* The unit of a row: the --from plan's (or, without one, a unit of the
 * store that exists during the period) whose name folds equal, or a new
 * one. Two candidates are refused. */
/* Name key → GPtrArray of D8Unit*, and id → D8Unit*, built once per
 * table so that 3,300 rows against 3,300 units stay linear. */
typedef struct
{
  GHashTable *by_key;
  GHashTable *by_id;
} UnitIndex;

static void
unit_index_clear (UnitIndex *index)
{
  g_clear_pointer (&index->by_key, g_hash_table_unref);
  g_clear_pointer (&index->by_id, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UnitIndex, unit_index_clear)

static void
unit_index_init (UnitIndex *index, D8PlanSheetContext *sc)
{
  GPtrArray *candidates = sc->from_units ? sc->from_units : sc->store_units;

  index->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  index->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < candidates->len; i++)
    {
      D8Unit *unit = candidates->pdata[i];
      char *key = d8_text_name_key (unit->name);
      GPtrArray *list = g_hash_table_lookup (index->by_key, key);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (index->by_key, key, list);
        }
      else
        g_free (key);
      g_ptr_array_add (list, unit);
    }
  for (guint i = 0; i < sc->store_units->len; i++)
    {
      D8Unit *unit = sc->store_units->pdata[i];
      g_hash_table_insert (index->by_id, &unit->id, unit);
    }
}

static const char *
map_unit (Ctx *ctx, D8PlanSheetContext *sc, UnitIndex *index, D8PlanFile *file, const char *name,
          guint r, GHashTable *new_codes)
{
  g_autofree char *key = d8_text_name_key (name);
  GPtrArray *candidates = g_hash_table_lookup (index->by_key, key);
  g_autofree char *where = row_name (r);
  g_autoptr (GPtrArray) matches = g_ptr_array_new ();
  g_autofree char *base = NULL;
  g_autofree char *code = NULL;
  const char *level = sc->options->level ? sc->options->level : "commune";
  const char *want = sc->options->unit_map ? g_hash_table_lookup (sc->options->unit_map, name)
                                           : NULL;

  if (want != NULL && want[0] == '+' && want[1] != '\0')
    {
      /* The person made it a new unit of a level they chose. */
      level = want + 1;
      candidates = NULL;
    }
  else if (want != NULL && *want != '\0')
    {
      /* The person chose the unit of this row. */
      D8Unit *chosen = g_hash_table_lookup (sc->store_codes, want);

      if (chosen == NULL)
        {
          fail (ctx, where, _("“%s” is mapped to the unit “%s”, which the database does not "
                              "have"), name, want);
          return NULL;
        }
      candidates = NULL;
      g_ptr_array_add (matches, chosen);
    }

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      D8Unit *unit = candidates->pdata[i];

      if (sc->from_units != NULL
          || valid_during (unit, file->plan->period_start, file->plan->period_end))
        g_ptr_array_add (matches, unit);
    }
  if (matches->len > 1)
    {
      g_autoptr (GString) list = g_string_new (NULL);
      for (guint i = 0; i < matches->len; i++)
        {
          D8Unit *unit = matches->pdata[i];
          g_string_append_printf (list, "%s“%s” (%s)", i ? ", " : "", unit->name, unit->code);
        }
      fail (ctx, where, _("“%s” matches several units: %s; give each a name of its own"), name,
            list->str);
      return NULL;
    }
  if (matches->len == 1)
    {
      D8Unit *unit = matches->pdata[0];
      D8Unit *parent = NULL;

      if (unit->parent_id != 0)
        parent = g_hash_table_lookup (index->by_id, &unit->parent_id);
      d8_plan_file_add_unit (file, unit->code, unit->name, unit->kind, unit->level,
                             parent ? parent->code : NULL, unit->valid_from, unit->valid_to);
      return unit->code;
    }

  /* A new unit: a code from the plan's code and the name, unique. */
  if (sc->options->parent != NULL && !g_hash_table_contains (sc->store_codes, sc->options->parent))
    {
      fail (ctx, "--parent", _("unknown unit “%s”"), sc->options->parent);
      return NULL;
    }
  {
    g_autofree char *plan_slug = d8_plan_import_slug (file->plan->code);
    g_autofree char *name_slug = d8_plan_import_slug (name);
    base = g_strdup_printf ("%s/%s", plan_slug, name_slug);
  }
  code = g_strdup (base);
  for (int n = 2; g_hash_table_contains (sc->store_codes, code)
                  || g_hash_table_contains (new_codes, code); n++)
    {
      g_free (code);
      code = g_strdup_printf ("%s-%d", base, n);
    }
  g_hash_table_add (new_codes, g_strdup (code));
  return d8_plan_file_add_unit (file, code, name, NULL, level, sc->options->parent, NULL,
                                NULL)->code;
}

/* The parents a file names that it does not list: the store's records. */
static void
add_missing_parents (D8PlanSheetContext *sc, D8PlanFile *file)
{
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < file->units->len; i++)
    g_hash_table_add (listed, ((D8PlanFileUnit *) file->units->pdata[i])->code);
  for (guint i = 0; i < file->units->len; i++)
    {
      D8PlanFileUnit *unit = file->units->pdata[i];
      D8Unit *parent;
      D8Unit *grand = NULL;

      if (unit->parent == NULL || g_hash_table_contains (listed, unit->parent))
        continue;
      parent = g_hash_table_lookup (sc->store_codes, unit->parent);
      if (parent == NULL)
        continue; /* the plan file check names it */
      for (guint k = 0; parent->parent_id != 0 && k < sc->store_units->len && !grand; k++)
        if (((D8Unit *) sc->store_units->pdata[k])->id == parent->parent_id)
          grand = sc->store_units->pdata[k];
      unit = d8_plan_file_add_unit (file, parent->code, parent->name, parent->kind, parent->level,
                                    grand ? grand->code : NULL, parent->valid_from,
                                    parent->valid_to);
      g_hash_table_add (listed, unit->code);
    }
}

/* The header row: the first row naming the TT or unit column, else the
 * first row of two cells or more. Rows above it are titles. */
static gboolean
find_header (Ctx *ctx, const D8Sheet *sheet, guint *header, int *tt_col, guint *label_col,
             char **title)
{
  int fallback = -1;

  *tt_col = -1;
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      guint filled = 0;
      int found_tt = -1, found_label = -1;

      for (guint c = 0; c < sheet->n_columns; c++)
        {
          g_autofree char *key = d8_text_name_key (d8_sheet_cell (sheet, r, c));
          if (*key == '\0')
            continue;
          filled++;
          if (key_is_tt (key) && found_tt < 0)
            found_tt = (int) c;
          else if (key_is_unit_header (key) && found_label < 0)
            found_label = (int) c;
        }
      if (filled >= 2 && fallback < 0)
        fallback = (int) r;
      if (filled >= 2 && (found_tt >= 0 || found_label >= 0))
        {
          *header = r;
          *tt_col = found_tt;
          *label_col = found_label >= 0 ? (guint) found_label : (guint) found_tt + 1;
          break;
        }
      if (filled == 1 && *title == NULL && fallback < 0)
        for (guint c = 0; c < sheet->n_columns; c++)
          if (*d8_sheet_cell (sheet, r, c))
            *title = g_strdup (d8_sheet_cell (sheet, r, c));
      if (r + 1 == sheet->rows->len)
        {
          if (fallback < 0)
            return fail (ctx, NULL, _("the table has no header row (a row naming the units’ "
                                      "column and the indicators)"));
          *header = (guint) fallback;
          *label_col = 0;
          /* A numbered first column without a header: TT. */
          if (sheet->n_columns > 2 && is_whole_number (d8_sheet_cell (sheet, fallback + 1, 0)))
            {
              *tt_col = 0;
              *label_col = 1;
            }
        }
    }
  if (sheet->rows->len == 0)
    return fail (ctx, NULL, _("the table is empty"));
  return TRUE;
}

/**
 * d8_plan_import_map_sheet:
 * @sheet: the table
 * @sc: what it is mapped against (options, --from plan, the store's units)
 * @source_name: the file's name, for errors
 * @warnings: (element-type utf8): sentences for the preview are added here
 * @error: (out) (optional): D8_ERROR_PLAN_FORMAT naming the row or cell
 *
 * Returns: (transfer full) (nullable): the plan file, not yet checked by
 *   d8_plan_file_check_names(), or NULL on error.
 */
D8PlanFile *
d8_plan_import_map_sheet (const D8Sheet *sheet, D8PlanSheetContext *sc, const char *source_name,
                          GPtrArray *warnings, GError **error)
{
  g_autoptr (D8PlanFile) file = d8_plan_file_new ();
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) new_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *title = NULL;
  g_auto (Header) head = { 0 };
  g_auto (UnitIndex) index = { 0 };
  Ctx ctx = { source_name, error };
  guint header = 0, label_col = 0, skipped = 0;
  int tt_col = -1, total_row = -1;
  g_autofree char *total_label = NULL;

  if (!find_header (&ctx, sheet, &header, &tt_col, &label_col, &title))
    return NULL;
  read_header (sheet, header, tt_col, label_col, &head);
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      if ((int) c == tt_col || c <= label_col)
        continue;
      if (*(const char *) head.text->pdata[c])
        {
          const char *header_text = head.text->pdata[c];
          const char *want = sc->options->column_map
                               ? g_hash_table_lookup (sc->options->column_map, header_text) : NULL;

          if (sc->headers != NULL)
            g_ptr_array_add (sc->headers, g_strdup (header_text));
          /* A column the person set aside is not read at all. */
          if (g_strcmp0 (want, "-") != 0)
            g_array_append_val (columns, c);
        }
      else
        for (guint r = head.first_data; r < sheet->rows->len; r++)
          if (*d8_sheet_cell (sheet, r, c) && !is_column_number (d8_sheet_cell (sheet, r, c)))
            {
              g_autofree char *where = d8_sheet_cell_name (header, c);
              fail (&ctx, where, _("the column has quotas but no header"));
              return NULL;
            }
    }
  if (columns->len == 0)
    {
      g_autofree char *where = row_name (header);
      fail (&ctx, where, _("the header row names no indicator"));
      return NULL;
    }

  /* The totals row first: its label may give the year. */
  for (guint r = head.first_data; r < sheet->rows->len; r++)
    {
      g_autofree char *key = d8_text_name_key (d8_sheet_cell (sheet, r, label_col));
      if (!key_is_total (key))
        continue;
      if (total_row >= 0)
        {
          g_autofree char *where = row_name (r);
          fail (&ctx, where, _("a second totals row (the first is row %d)"), total_row + 1);
          return NULL;
        }
      total_row = (int) r;
      total_label = g_strdup (d8_sheet_cell (sheet, r, label_col));
    }
  if (!fill_plan (&ctx, sc, file, title, total_label)
      || !map_indicators (&ctx, sc, &head, columns, file, warnings))
    return NULL;
  if (sc->headers != NULL && sc->header_codes != NULL)
    for (guint h = 0, k = 0; h < sc->headers->len; h++)
      {
        const char *want = sc->options->column_map
                             ? g_hash_table_lookup (sc->options->column_map, sc->headers->pdata[h])
                             : NULL;
        gboolean ignored = g_strcmp0 (want, "-") == 0;

        g_ptr_array_add (sc->header_codes,
                         g_strdup (ignored || k >= file->columns->len ? ""
                                                                     : file->columns->pdata[k++]));
      }

  for (guint r = head.first_data; r < sheet->rows->len; r++)
    {
      const char *label = d8_sheet_cell (sheet, r, label_col);
      g_autofree char *key = d8_text_name_key (label);
      gboolean any = FALSE, numbers_only = TRUE;
      const char *code;
      D8PlanFileRow *row;
      gpointer first;

      for (guint k = 0; k < columns->len; k++)
        {
          const char *text = d8_sheet_cell (sheet, r, g_array_index (columns, guint, k));
          any |= *text != '\0';
          numbers_only &= *text == '\0' || is_column_number (text);
        }
      if ((int) r == total_row)
        continue;
      if (*label == '\0')
        {
          if (any && !numbers_only)
            {
              g_autofree char *where = d8_sheet_cell_name (r, label_col);
              fail (&ctx, where, _("the row has quotas but no unit name"));
              return NULL;
            }
          continue;
        }
      /* The row of column numbers under a header: "(1) (2) (3)". */
      if (is_numbering (label))
        continue;
      /* A group title: text and no quota, not numbered as a unit. */
      if (!any && (tt_col < 0 || !is_whole_number (d8_sheet_cell (sheet, r, tt_col))))
        {
          skipped++;
          continue;
        }
      if (g_hash_table_lookup_extended (seen, key, NULL, &first))
        {
          g_autofree char *where = row_name (r);
          guint other = GPOINTER_TO_UINT (first);
          fail (&ctx, where,
                _("“%s” and “%s” (row %u) differ only in diacritics, case or "
                  "spacing; give each unit a name of its own"),
                label, d8_sheet_cell (sheet, other, label_col), other + 1);
          return NULL;
        }
      g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (r));
      {
        g_autofree char *where = d8_sheet_cell_name (r, label_col);
        g_autoptr (GError) local_error = NULL;
        if (!d8_text_check_visible (label, where, &local_error))
          {
            fail (&ctx, NULL, "%s", local_error->message);
            return NULL;
          }
      }
      if (index.by_key == NULL)
        unit_index_init (&index, sc);
      if ((code = map_unit (&ctx, sc, &index, file, label, r, new_codes)) == NULL)
        return NULL;
      if (sc->unit_rows != NULL)
        g_hash_table_insert (sc->unit_rows, g_strdup (code), GUINT_TO_POINTER (r + 1));
      if (sc->unit_labels != NULL)
        g_hash_table_insert (sc->unit_labels, g_strdup (code), g_strdup (label));
      row = d8_plan_file_add_row (file, (int) file->rows->len + 1, code, columns->len);
      for (guint k = 0; k < columns->len; k++)
        if (!parse_cell (&ctx, sheet, r, g_array_index (columns, guint, k), &row->has[k],
                         &row->quota[k], &row->written[k]))
          return NULL;
    }
  if (file->rows->len == 0)
    {
      fail (&ctx, NULL, _("the table has no unit rows under its header (row %u)"), header + 1);
      return NULL;
    }

  if (total_row >= 0)
    for (guint k = 0; k < columns->len; k++)
      {
        D8Indicator *indicator = NULL;
        gboolean has;
        gint64 value;
        g_autofree char *written = NULL;

        if (!parse_cell (&ctx, sheet, (guint) total_row, g_array_index (columns, guint, k), &has,
                         &value, &written))
          return NULL;
        for (guint i = 0; i < file->indicators->len && indicator == NULL; i++)
          if (g_str_equal (((D8Indicator *) file->indicators->pdata[i])->code,
                           file->columns->pdata[k]))
            indicator = file->indicators->pdata[i];
        if (!has)
          continue;
        indicator->has_target = TRUE;
        indicator->target = (double) value;
        indicator->target_written = g_steal_pointer (&written);
        indicator->target_source = g_strdup (total_label);
      }
  else
    g_ptr_array_add (warnings, g_strdup (_("The table has no totals row: the plan states no "
                                           "totals, and the allocation check has nothing to "
                                           "compare.")));
  if (skipped > 0)
    g_ptr_array_add (warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u group-title row was skipped.",
                                                   "%u group-title rows were skipped.", skipped),
                                      skipped));
  for (guint i = 0; i < file->indicators->len; i++)
    {
      D8Indicator *indicator = file->indicators->pdata[i];
      if (sc->from_indicators != NULL && !indicator->in_appendix
          && !d8_indicator_kind_counts_women (indicator->kind) && !indicator->has_target)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("Indicator %s of plan %s has no column in the table."),
                                          indicator->code, sc->from->doc_number));
    }
  add_missing_parents (sc, file);
  return g_steal_pointer (&file);
}
