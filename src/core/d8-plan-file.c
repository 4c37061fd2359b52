/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-file.c — reads a plan file and checks every part of it before
 * the store writes anything. Errors name the file, the record (a JSON path
 * such as units[3] or appendix.rows[12].cells[4]) and what is wrong. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "d8-entry.h"
#include "d8-error.h"
#include "d8-format.h"
#include "d8-json-reader.h"
#include "d8-plan-file.h"
#include "d8-text.h"

#define MAX_QUOTA G_GINT64_CONSTANT (1000000000)

typedef struct
{
  const char *source;
  GError **error;
} Ctx;

gboolean
d8_plan_file_refuse_valist (GError **error, const char *source, const char *where,
                            const char *format, va_list args)
{
  g_autofree char *what = g_strdup_vprintf (format, args);
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;

  message = g_strdup_printf (/* Translators: plan file error: file name, record path, problem */
                             _("%s: %s: %s"), source, where, what);
  /* The file's own text (a code, a value) is quoted in it: shown escaped. */
  shown = d8_text_escape_message (message);
  g_set_error_literal (error, D8_ERROR, D8_ERROR_PLAN_FORMAT, shown);
  return FALSE;
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Ctx *ctx, const char *where, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  d8_plan_file_refuse_valist (ctx->error, ctx->source, where, format, args);
  va_end (args);
  return FALSE;
}

static void
unit_free (D8PlanFileUnit *unit)
{
  g_free (unit->code);
  g_free (unit->name);
  g_free (unit->kind);
  g_free (unit->level);
  g_free (unit->parent);
  g_free (unit->valid_from);
  g_free (unit->valid_to);
  g_free (unit);
}

static void
group_free (D8PlanFileGroup *group)
{
  g_free (group->title);
  g_free (group);
}

static void
row_free (D8PlanFileRow *row)
{
  g_free (row->unit);
  g_free (row->has);
  g_free (row->quota);
  g_strfreev (row->written);
  g_free (row);
}

void
d8_plan_file_free (D8PlanFile *file)
{
  if (file == NULL)
    return;
  d8_plan_free (file->plan);
  g_free (file->appendix_title);
  g_clear_pointer (&file->units, g_ptr_array_unref);
  g_clear_pointer (&file->groups, g_ptr_array_unref);
  g_clear_pointer (&file->indicators, g_ptr_array_unref);
  g_clear_pointer (&file->columns, g_ptr_array_unref);
  g_clear_pointer (&file->rows, g_ptr_array_unref);
  g_free (file);
}

/**
 * d8_plan_file_new:
 *
 * Returns: (transfer full): an empty plan file with an empty plan and
 *   empty lists, to be filled with the adders below.
 */
D8PlanFile *
d8_plan_file_new (void)
{
  D8PlanFile *file = g_new0 (D8PlanFile, 1);

  file->plan = g_new0 (D8Plan, 1);
  file->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  file->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  file->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_indicator_free);
  file->columns = g_ptr_array_new_with_free_func (g_free);
  file->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  return file;
}

/**
 * d8_plan_file_add_unit:
 * @file: a plan file
 * @code: the unit's code
 * @name: its name
 * @kind: (nullable): its kind as written
 * @level: its level
 * @parent: (nullable): its parent's code
 * @valid_from: (nullable): ISO date
 * @valid_to: (nullable): ISO date
 *
 * Returns: (transfer none): the unit added.
 */
D8PlanFileUnit *
d8_plan_file_add_unit (D8PlanFile *file, const char *code, const char *name, const char *kind,
                       const char *level, const char *parent, const char *valid_from,
                       const char *valid_to)
{
  D8PlanFileUnit *unit = g_new0 (D8PlanFileUnit, 1);

  unit->code = g_strdup (code);
  unit->name = g_strdup (name);
  unit->kind = g_strdup (kind);
  unit->level = g_strdup (level);
  unit->parent = g_strdup (parent);
  unit->valid_from = g_strdup (valid_from);
  unit->valid_to = g_strdup (valid_to);
  g_ptr_array_add (file->units, unit);
  return unit;
}

/**
 * d8_plan_file_add_group:
 * @file: a plan file
 * @number: the group's number
 * @title: its title
 *
 * Returns: (transfer none): the group added.
 */
D8PlanFileGroup *
d8_plan_file_add_group (D8PlanFile *file, int number, const char *title)
{
  D8PlanFileGroup *group = g_new0 (D8PlanFileGroup, 1);

  group->number = number;
  group->title = g_strdup (title);
  g_ptr_array_add (file->groups, group);
  return group;
}

/**
 * d8_plan_file_add_row:
 * @file: a plan file
 * @tt: the row number as written
 * @unit: the unit's code
 * @n_columns: the number of appendix columns
 *
 * Returns: (transfer none): the row added, every cell "no quota".
 */
D8PlanFileRow *
d8_plan_file_add_row (D8PlanFile *file, int tt, const char *unit, guint n_columns)
{
  D8PlanFileRow *row = g_new0 (D8PlanFileRow, 1);

  row->tt = tt;
  row->unit = g_strdup (unit);
  row->has = g_new0 (gboolean, n_columns);
  row->quota = g_new0 (gint64, n_columns);
  row->written = g_new0 (char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    row->written[c] = g_strdup ("");
  g_ptr_array_add (file->rows, row);
  return row;
}

/**
 * d8_plan_file_check_names:
 * @file: a plan file
 * @source_name: the file's name, for errors
 * @error: (out) (optional): D8_ERROR_PLAN_FORMAT naming the unit records
 *
 * Refuses a unit name holding an invisible character, and two units
 * under the same parent whose names differ only in tone-mark placement,
 * case or spacing: nothing could tell them apart when people type them.
 * Units under different parents may share a name (communes of two
 * districts); they are told apart by their parent.
 *
 * Returns: TRUE when the names are fine.
 */
gboolean
d8_plan_file_check_names (D8PlanFile *file, const char *source_name, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Ctx ctx = { source_name ? source_name : "plan", error };

  for (guint i = 0; i < file->units->len; i++)
    {
      D8PlanFileUnit *unit = g_ptr_array_index (file->units, i);
      g_autofree char *where = g_strdup_printf ("units[%u].name", i);
      g_autoptr (GError) local_error = NULL;
      g_autofree char *name_key = d8_text_name_key (unit->name);
      char *key = g_strdup_printf ("%s\n%s", unit->parent ? unit->parent : "", name_key);
      gpointer other;

      if (!d8_text_check_visible (unit->name, where, &local_error))
        {
          g_free (key);
          g_set_error_literal (error, D8_ERROR, D8_ERROR_PLAN_FORMAT, local_error->message);
          g_prefix_error (error, "%s: ", ctx.source);
          return FALSE;
        }
      if (g_hash_table_lookup_extended (seen, key, NULL, &other))
        {
          guint j = GPOINTER_TO_UINT (other);
          D8PlanFileUnit *first = g_ptr_array_index (file->units, j);

          g_free (key);
          return fail (&ctx, where,
                       _("“%s” and “%s” (units[%u]) differ only in diacritics, case "
                         "or spacing; give each unit a name of its own"),
                       unit->name, first->name, j);
        }
      g_hash_table_insert (seen, key, GUINT_TO_POINTER (i));
    }
  return TRUE;
}

/* A string member, NFC-normalised. Missing or empty is an error when
 * @required; otherwise it gives NULL. */
static gboolean
get_string (Ctx *ctx, JsonObject *obj, const char *where, const char *member, gboolean required,
            char **out)
{
  JsonNode *node = json_object_get_member (obj, member);
  const char *value;
  g_autofree char *path = g_strdup_printf ("%s.%s", where, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (ctx, path, _("required text is missing"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (ctx, path, _("expected text"));
  value = json_node_get_string (node);
  *out = g_utf8_normalize (value, -1, G_NORMALIZE_NFC);
  if (*out == NULL)
    return fail (ctx, path, _("the text is not valid UTF-8"));
  g_strstrip (*out);
  if (required && **out == '\0')
    {
      g_clear_pointer (out, g_free);
      return fail (ctx, path, _("required text is empty"));
    }
  return TRUE;
}

static gboolean
get_date (Ctx *ctx, JsonObject *obj, const char *where, const char *member, gboolean required,
          char **out)
{
  g_autofree char *path = g_strdup_printf ("%s.%s", where, member);

  if (!get_string (ctx, obj, where, member, required, out))
    return FALSE;
  if (*out != NULL && !d8_date_is_valid (*out))
    {
      fail (ctx, path, _("“%s” is not a date in the form YYYY-MM-DD"), *out);
      g_clear_pointer (out, g_free);
      return FALSE;
    }
  return TRUE;
}

/* A JSON integer within [min, max]; 1.0 or 1e3 written as numbers with a
 * fraction or exponent are refused, as are NaN and infinities. */
static gboolean
node_to_int (Ctx *ctx, JsonNode *node, const char *path, gint64 min, gint64 max, gint64 *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fail (ctx, path, _("expected a whole number"));
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);
      if (!isfinite (d))
        return fail (ctx, path, _("the number is not finite"));
      return fail (ctx, path, _("%g is not a whole number"), d);
    }
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (ctx, path, _("expected a whole number"));
  *out = json_node_get_int (node);
  if (*out < min)
    return fail (ctx, path, _("%lld is below the minimum %lld"),
                 (long long) *out, (long long) min);
  if (*out > max)
    return fail (ctx, path, _("%lld is above the maximum %lld"),
                 (long long) *out, (long long) max);
  return TRUE;
}

static gboolean
get_int (Ctx *ctx, JsonObject *obj, const char *where, const char *member, gint64 min, gint64 max,
         gint64 *out)
{
  g_autofree char *path = g_strdup_printf ("%s.%s", where, member);
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL)
    return fail (ctx, path, _("required number is missing"));
  return node_to_int (ctx, node, path, min, max, out);
}

static JsonArray *
get_array (Ctx *ctx, JsonObject *obj, const char *where, const char *member)
{
  g_autofree char *path = where ? g_strdup_printf ("%s.%s", where, member) : g_strdup (member);
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (ctx, path, _("expected a list"));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
element_object (Ctx *ctx, JsonArray *array, guint i, const char *path)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (ctx, path, _("expected an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
parse_plan (Ctx *ctx, JsonObject *root, D8PlanFile *file)
{
  JsonNode *node = json_object_get_member (root, "plan");
  JsonObject *obj;
  D8Plan *plan;
  gint64 year;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (ctx, "plan", _("the plan record is missing"));
  obj = json_node_get_object (node);
  plan = file->plan = g_new0 (D8Plan, 1);
  if (!get_string (ctx, obj, "plan", "code", TRUE, &plan->code)
      || !get_string (ctx, obj, "plan", "title", TRUE, &plan->title)
      || !get_string (ctx, obj, "plan", "document_number", TRUE, &plan->doc_number)
      || !get_string (ctx, obj, "plan", "issuer", FALSE, &plan->issuer)
      || !get_date (ctx, obj, "plan", "issued_on", FALSE, &plan->issued_on)
      || !get_int (ctx, obj, "plan", "year", 1900, 2200, &year)
      || !get_date (ctx, obj, "plan", "period_start", TRUE, &plan->period_start)
      || !get_date (ctx, obj, "plan", "period_end", TRUE, &plan->period_end))
    return FALSE;
  plan->year = (int) year;
  if (strcmp (plan->period_start, plan->period_end) > 0)
    return fail (ctx, "plan.period_end", _("the period ends (%s) before it starts (%s)"),
                 plan->period_end, plan->period_start);
  return TRUE;
}

static gboolean
parse_units (Ctx *ctx, JsonObject *root, D8PlanFile *file, GHashTable *units)
{
  JsonArray *array = get_array (ctx, root, NULL, "units");

  if (array == NULL)
    return FALSE;
  file->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("units[%u]", i);
      JsonObject *obj = element_object (ctx, array, i, where);
      D8PlanFileUnit *unit;

      if (obj == NULL)
        return FALSE;
      unit = g_new0 (D8PlanFileUnit, 1);
      g_ptr_array_add (file->units, unit);
      if (!get_string (ctx, obj, where, "code", TRUE, &unit->code)
          || !get_string (ctx, obj, where, "name", TRUE, &unit->name)
          || !get_string (ctx, obj, where, "kind", FALSE, &unit->kind)
          || !get_string (ctx, obj, where, "level", TRUE, &unit->level)
          || !get_string (ctx, obj, where, "parent", FALSE, &unit->parent)
          || !get_date (ctx, obj, where, "valid_from", FALSE, &unit->valid_from)
          || !get_date (ctx, obj, where, "valid_to", FALSE, &unit->valid_to))
        return FALSE;
      if (g_hash_table_contains (units, unit->code))
        return fail (ctx, where, _("the unit code “%s” is used twice"), unit->code);
      g_hash_table_insert (units, unit->code, unit);
    }
  /* Every parent must be known before any chain is walked: a unit whose
   * parent has an unknown parent must be refused, not followed into NULL. */
  for (guint i = 0; i < file->units->len; i++)
    {
      D8PlanFileUnit *unit = g_ptr_array_index (file->units, i);

      if (unit->parent != NULL && !g_hash_table_contains (units, unit->parent))
        {
          g_autofree char *where = g_strdup_printf ("units[%u].parent", i);
          return fail (ctx, where, _("unknown parent unit “%s”"), unit->parent);
        }
    }
  for (guint i = 0; i < file->units->len; i++)
    {
      D8PlanFileUnit *up = g_ptr_array_index (file->units, i);
      guint steps = 0;

      /* Walk up: a unit may not be its own ancestor. */
      while (up != NULL && up->parent != NULL && steps++ <= file->units->len)
        up = g_hash_table_lookup (units, up->parent);
      if (up == NULL || up->parent != NULL)
        {
          g_autofree char *where = g_strdup_printf ("units[%u].parent", i);
          return fail (ctx, where, _("the units’ parents form a cycle"));
        }
    }
  return TRUE;
}

static gboolean
parse_groups (Ctx *ctx, JsonObject *root, D8PlanFile *file, GHashTable *groups)
{
  JsonArray *array = get_array (ctx, root, NULL, "groups");

  if (array == NULL)
    return FALSE;
  file->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("groups[%u]", i);
      JsonObject *obj = element_object (ctx, array, i, where);
      D8PlanFileGroup *group;
      gint64 number;

      if (obj == NULL)
        return FALSE;
      group = g_new0 (D8PlanFileGroup, 1);
      g_ptr_array_add (file->groups, group);
      if (!get_int (ctx, obj, where, "number", 1, 1000, &number)
          || !get_string (ctx, obj, where, "title", TRUE, &group->title))
        return FALSE;
      group->number = (int) number;
      if (g_hash_table_contains (groups, GINT_TO_POINTER (group->number)))
        return fail (ctx, where, _("the group number %d is used twice"), group->number);
      g_hash_table_insert (groups, GINT_TO_POINTER (group->number), group);
    }
  return TRUE;
}

static gboolean
parse_indicators (Ctx *ctx, JsonObject *root, D8PlanFile *file, GHashTable *groups,
                  GHashTable *indicators)
{
  JsonArray *array = get_array (ctx, root, NULL, "indicators");

  if (array == NULL)
    return FALSE;
  if (json_array_get_length (array) == 0)
    return fail (ctx, "indicators", _("the plan has no indicators"));
  file->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_indicator_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("indicators[%u]", i);
      g_autofree char *kind = NULL;
      JsonObject *obj = element_object (ctx, array, i, where);
      D8Indicator *indicator;
      D8PlanFileGroup *group;
      gint64 group_no;

      if (obj == NULL)
        return FALSE;
      indicator = g_new0 (D8Indicator, 1);
      g_ptr_array_add (file->indicators, indicator);
      indicator->position = (int) i + 1;
      if (!get_string (ctx, obj, where, "code", TRUE, &indicator->code)
          || !get_string (ctx, obj, where, "name_vi", TRUE, &indicator->name_vi)
          || !get_string (ctx, obj, where, "name_en", FALSE, &indicator->name_en)
          || !get_string (ctx, obj, where, "count_unit", TRUE, &indicator->count_unit)
          || !get_string (ctx, obj, where, "kind", TRUE, &kind)
          || !get_int (ctx, obj, where, "group", 1, 1000, &group_no))
        return FALSE;
      if (!d8_indicator_kind_from_string (kind, &indicator->kind))
        return fail (ctx, where, _("kind “%s” is neither “count” nor “percent”"), kind);
      group = g_hash_table_lookup (groups, GINT_TO_POINTER ((int) group_no));
      if (group == NULL)
        return fail (ctx, where, _("unknown content group %d"), (int) group_no);
      indicator->group_no = (int) group_no;
      indicator->group_title = g_strdup (group->title);
      if (g_hash_table_contains (indicators, indicator->code))
        return fail (ctx, where, _("the indicator code “%s” is used twice"), indicator->code);
      g_hash_table_insert (indicators, indicator->code, indicator);
    }
  return TRUE;
}

/* One appendix cell: a whole number, or "-" / "" for "no quota". */
static gboolean
parse_cell (Ctx *ctx, JsonNode *node, const char *path, gboolean *has, gint64 *quota,
            char **written)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));
      if (g_str_equal (text, "-") || g_str_equal (text, "") || g_str_equal (text, "–"))
        {
          *has = FALSE;
          *quota = 0;
          *written = g_steal_pointer (&text);
          return TRUE;
        }
      return fail (ctx, path, _("“%s” is neither a whole number nor “-”"), text);
    }
  if (!node_to_int (ctx, node, path, 0, MAX_QUOTA, quota))
    return FALSE;
  *has = TRUE;
  *written = g_strdup_printf ("%" G_GINT64_FORMAT, *quota);
  return TRUE;
}

static gboolean
parse_appendix (Ctx *ctx, JsonObject *root, D8PlanFile *file, GHashTable *units,
                GHashTable *indicators)
{
  JsonNode *node = json_object_get_member (root, "appendix");
  g_autoptr (GHashTable) seen_units = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *obj, *total;
  JsonArray *columns, *rows, *total_cells;
  guint n_columns;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (ctx, "appendix", _("the appendix record is missing"));
  obj = json_node_get_object (node);
  if (!get_string (ctx, obj, "appendix", "title", FALSE, &file->appendix_title))
    return FALSE;
  if ((columns = get_array (ctx, obj, "appendix", "columns")) == NULL
      || (rows = get_array (ctx, obj, "appendix", "rows")) == NULL)
    return FALSE;

  n_columns = json_array_get_length (columns);
  file->columns = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *where = g_strdup_printf ("appendix.columns[%u]", c);
      JsonNode *col = json_array_get_element (columns, c);
      D8Indicator *indicator;
      const char *code;

      if (!JSON_NODE_HOLDS_VALUE (col) || json_node_get_value_type (col) != G_TYPE_STRING)
        return fail (ctx, where, _("expected an indicator code"));
      code = json_node_get_string (col);
      indicator = g_hash_table_lookup (indicators, code);
      if (indicator == NULL)
        return fail (ctx, where, _("unknown indicator “%s”"), code);
      if (indicator->in_appendix)
        return fail (ctx, where, _("indicator “%s” has two columns"), code);
      switch (indicator->kind)
        {
        case D8_KIND_COUNT:
          break;
        case D8_KIND_PERCENT: /* a share of a group, judged province-wide */
          return fail (ctx, where, _("indicator “%s” is a percentage and cannot be allocated"),
                       code);
        }
      indicator->in_appendix = TRUE;
      g_ptr_array_add (file->columns, g_strdup (code));
    }

  file->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      g_autofree char *where = g_strdup_printf ("appendix.rows[%u]", r);
      JsonObject *row_obj = element_object (ctx, rows, r, where);
      JsonArray *cells;
      D8PlanFileRow *row;
      gint64 tt;

      if (row_obj == NULL)
        return FALSE;
      row = g_new0 (D8PlanFileRow, 1);
      g_ptr_array_add (file->rows, row);
      if (!get_int (ctx, row_obj, where, "tt", 1, 100000, &tt)
          || !get_string (ctx, row_obj, where, "unit", TRUE, &row->unit))
        return FALSE;
      row->tt = (int) tt;
      if (!g_hash_table_contains (units, row->unit))
        return fail (ctx, where, _("unknown unit “%s”"), row->unit);
      if (!g_hash_table_add (seen_units, row->unit))
        return fail (ctx, where, _("unit “%s” has two rows"), row->unit);
      if ((cells = get_array (ctx, row_obj, where, "cells")) == NULL)
        return FALSE;
      if (json_array_get_length (cells) != n_columns)
        return fail (ctx, where, _("%u cells for %u columns"), json_array_get_length (cells),
                     n_columns);
      row->has = g_new0 (gboolean, n_columns);
      row->quota = g_new0 (gint64, n_columns);
      row->written = g_new0 (char *, n_columns + 1);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *path = g_strdup_printf ("%s.cells[%u]", where, c);
          if (!parse_cell (ctx, json_array_get_element (cells, c), path, &row->has[c],
                           &row->quota[c], &row->written[c]))
            return FALSE;
        }
    }

  /* The totals row: the plan's own stated totals, kept as written. */
  node = json_object_get_member (obj, "total_row");
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (ctx, "appendix.total_row", _("expected an object"));
  total = json_node_get_object (node);
  if (!get_string (ctx, total, "appendix.total_row", "label", TRUE, &file->plan->target_label)
      || (total_cells = get_array (ctx, total, "appendix.total_row", "cells")) == NULL)
    return FALSE;
  if (json_array_get_length (total_cells) != n_columns)
    return fail (ctx, "appendix.total_row", _("%u cells for %u columns"),
                 json_array_get_length (total_cells), n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *path = g_strdup_printf ("appendix.total_row.cells[%u]", c);
      D8Indicator *indicator = g_hash_table_lookup (indicators, g_ptr_array_index (file->columns, c));
      gboolean has;
      gint64 value;
      g_autofree char *written = NULL;

      if (!parse_cell (ctx, json_array_get_element (total_cells, c), path, &has, &value, &written))
        return FALSE;
      if (!has)
        continue;
      indicator->has_target = TRUE;
      indicator->target = (double) value;
      indicator->target_written = g_steal_pointer (&written);
      indicator->target_source = g_strdup (file->plan->target_label);
    }
  return TRUE;
}

static gboolean
parse_targets (Ctx *ctx, JsonObject *root, D8PlanFile *file, GHashTable *indicators)
{
  JsonArray *array;

  if (!json_object_has_member (root, "targets"))
    return TRUE;
  if ((array = get_array (ctx, root, NULL, "targets")) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("targets[%u]", i);
      g_autofree char *code = NULL;
      g_autofree char *written = NULL;
      g_autofree char *source = NULL;
      JsonObject *obj = element_object (ctx, array, i, where);
      D8Indicator *indicator;
      JsonNode *value;
      double v;

      if (obj == NULL)
        return FALSE;
      if (!get_string (ctx, obj, where, "indicator", TRUE, &code)
          || !get_string (ctx, obj, where, "written", TRUE, &written)
          || !get_string (ctx, obj, where, "source", TRUE, &source))
        return FALSE;
      indicator = g_hash_table_lookup (indicators, code);
      if (indicator == NULL)
        return fail (ctx, where, _("unknown indicator “%s”"), code);
      if (indicator->has_target)
        return fail (ctx, where, _("indicator “%s” already has a target"), code);
      value = json_object_get_member (obj, "value");
      if (value == NULL || !JSON_NODE_HOLDS_VALUE (value)
          || (json_node_get_value_type (value) != G_TYPE_INT64
              && json_node_get_value_type (value) != G_TYPE_DOUBLE))
        return fail (ctx, where, _("value: expected a number"));
      v = json_node_get_double (value);
      {
        double max = 0;

        switch (indicator->kind)
          {
          case D8_KIND_COUNT:
            max = (double) MAX_QUOTA;
            break;
          case D8_KIND_PERCENT:
            max = 100;
            break;
          }
        if (!isfinite (v) || v < 0 || v > max)
          return fail (ctx, where, _("value: %g is out of range"), v);
      }
      indicator->has_target = TRUE;
      indicator->target = v;
      indicator->target_written = g_steal_pointer (&written);
      indicator->target_source = g_steal_pointer (&source);
    }
  return TRUE;
}

/* The reporting schedule (docs/plan-format.md, "reporting"; section V of
 * the 2023 plan): optional; each period's dates lie in the plan period,
 * start ≤ cut-off ≤ end ≤ unit due ≤ province due, codes unique. */
static gboolean
parse_reporting (Ctx *ctx, JsonObject *root, D8PlanFile *file)
{
  JsonArray *array;
  D8Plan *plan = file->plan;

  if (!json_object_has_member (root, "reporting"))
    return TRUE;
  if ((array = get_array (ctx, root, NULL, "reporting")) == NULL)
    return FALSE;
  plan->periods = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_reporting_period_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("reporting[%u]", i);
      g_autoptr (D8ReportingPeriod) period = g_new0 (D8ReportingPeriod, 1);
      JsonObject *obj = element_object (ctx, array, i, where);

      if (obj == NULL)
        return FALSE;
      if (!get_string (ctx, obj, where, "code", TRUE, &period->code)
          || !get_string (ctx, obj, where, "title", TRUE, &period->title)
          || !get_date (ctx, obj, where, "start", TRUE, &period->start)
          || !get_date (ctx, obj, where, "end", TRUE, &period->end)
          || !get_date (ctx, obj, where, "cutoff", FALSE, &period->cutoff)
          || !get_date (ctx, obj, where, "unit_due", TRUE, &period->unit_due)
          || !get_date (ctx, obj, where, "province_due", TRUE, &period->province_due))
        return FALSE;
      if (period->cutoff == NULL)
        period->cutoff = g_strdup (period->end);
      if (strcmp (period->start, plan->period_start) < 0
          || strcmp (period->end, plan->period_end) > 0)
        return fail (ctx, where, _("the period %s – %s is not within the plan period %s – %s"),
                     period->start, period->end, plan->period_start, plan->period_end);
      if (strcmp (period->start, period->end) > 0)
        return fail (ctx, where, _("the period ends (%s) before it starts (%s)"), period->end,
                     period->start);
      if (strcmp (period->cutoff, period->start) < 0 || strcmp (period->cutoff, period->end) > 0)
        return fail (ctx, where, _("cutoff: %s is not within the period %s – %s"),
                     period->cutoff, period->start, period->end);
      if (strcmp (period->unit_due, period->cutoff) < 0)
        return fail (ctx, where, _("unit_due: %s is before the cut-off %s"), period->unit_due,
                     period->cutoff);
      if (strcmp (period->province_due, period->unit_due) < 0)
        return fail (ctx, where, _("province_due: %s is before the units' due date %s"),
                     period->province_due, period->unit_due);
      for (guint j = 0; j < plan->periods->len; j++)
        if (g_ascii_strcasecmp (((D8ReportingPeriod *) plan->periods->pdata[j])->code,
                                period->code) == 0)
          return fail (ctx, where, _("the period code “%s” is used twice"), period->code);
      period->position = (int) plan->periods->len + 1;
      g_ptr_array_add (plan->periods, g_steal_pointer (&period));
    }
  return TRUE;
}

D8PlanFile *
d8_plan_file_parse (const char *data, gssize length, const char *source_name, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (D8PlanFile) file = NULL;
  g_autoptr (GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) groups = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) indicators = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *format = NULL;
  Ctx ctx = { source_name ? source_name : "plan", error };
  JsonNode *root_node;
  JsonObject *root;
  gint64 version;
  g_auto (D8JsonReader) reader = { 0 };

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if (!g_utf8_validate (data, length, NULL))
    {
      fail (&ctx, _("file"), _("the file is not valid UTF-8 text"));
      return NULL;
    }
  /* The strict reader of bundles reads the document first, and what it
   * refuses is refused here, before json-glib sees it: json-glib 1.6 leaks
   * what it parsed when more text follows the root ("7[]", "[]{…}") and
   * on a bad \u escape (found by tests/fuzz). Only a number it refuses
   * (1e400) is left to json-glib and the checks below, whose message names
   * the field. */
  d8_json_reader_init (&reader, data, length);
  if (d8_json_read_value (&reader, 0) == 0
      && !(reader.error_at < reader.end && strchr ("-0123456789", *reader.error_at) != NULL
           && *reader.error_at != '\0'))
    {
      fail (&ctx, _("file"), _("not valid JSON: %s"), reader.error);
      return NULL;
    }
  if (reader.error == NULL && !d8_json_reader_at_end (&reader))
    {
      fail (&ctx, _("file"), _("not valid JSON: %s"),
            _("more text follows the end of the document"));
      return NULL;
    }
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      fail (&ctx, _("file"), _("not valid JSON: %s"), local_error->message);
      return NULL;
    }
  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      fail (&ctx, _("file"), _("the document is not a JSON object"));
      return NULL;
    }
  root = json_node_get_object (root_node);

  if (!get_string (&ctx, root, "document", "format", TRUE, &format))
    return NULL;
  if (!g_str_equal (format, D8_PLAN_FORMAT_NAME))
    {
      fail (&ctx, "format", _("“%s” is not a duan8 plan file"), format);
      return NULL;
    }
  if (!get_int (&ctx, root, "document", "format_version", 1, G_MAXINT, &version))
    return NULL;
  if (version > D8_PLAN_FORMAT_VERSION)
    {
      fail (&ctx, "format_version",
            _("the file has format version %d, newer than this app reads (%d); update duan8"),
            (int) version, D8_PLAN_FORMAT_VERSION);
      return NULL;
    }

  file = g_new0 (D8PlanFile, 1);
  if (!parse_plan (&ctx, root, file)
      || !parse_units (&ctx, root, file, units)
      || !parse_groups (&ctx, root, file, groups)
      || !parse_indicators (&ctx, root, file, groups, indicators)
      || !parse_appendix (&ctx, root, file, units, indicators)
      || !parse_targets (&ctx, root, file, indicators)
      || !parse_reporting (&ctx, root, file)
      || !d8_plan_file_check_names (file, ctx.source, error))
    return NULL;
  return g_steal_pointer (&file);
}
