/* d8-cli-report.c — the one emitter behind every duan8-cli command.
 *
 * Machine formats (CSV, JSON) never go through the locale: ISO dates,
 * g_ascii_formatd for decimals, plain integers, English column names.
 * The table format is for people and uses the core's formatters, which
 * follow the UI language. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "d8-cli-report.h"
#include "d8-format.h"
#include "d8-text.h"

/* The widest cell of a table for people, in characters: longer text (a
 * name in someone else's file) is cut with "…". The longest plan name is
 * about 130 characters. */
#define D8_CLI_TABLE_CELL_MAX 200

typedef struct
{
  gboolean set;
  char *text;    /* TEXT, DATE */
  gint64 number; /* INT, STATUS, BOOL */
  double real;   /* PERCENT: a fraction */
} Cell;

struct _D8CliTable
{
  char *key;
  char *title;
  D8CliColumn *columns; /* copies: name and label owned, label translated */
  guint n_columns;
  GPtrArray *rows; /* Cell[n_columns] */
};

typedef struct
{
  char *name;
  const char *label;
  D8CliType type;
  Cell value;
} Field;

struct _D8CliReport
{
  D8Plan *plan;       /* a copy of what matters for output, or NULL */
  GPtrArray *fields;  /* Field* */
  GPtrArray *tables;  /* D8CliTable* */
  GPtrArray *notes;   /* char* */
};

/* ---------------------------------------------------------------- tables */

static void
free_row (gpointer data, gpointer n_columns)
{
  Cell *row = data;

  for (guint i = 0; i < GPOINTER_TO_UINT (n_columns); i++)
    g_free (row[i].text);
  g_free (row);
}

D8CliTable *
d8_cli_table_new (const char *key, const char *title, const D8CliColumn *columns,
                  guint n_columns)
{
  D8CliTable *table = g_new0 (D8CliTable, 1);

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);

  table->key = g_strdup (key);
  table->title = g_strdup (title);
  table->columns = g_new0 (D8CliColumn, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->columns[i] = columns[i];
      table->columns[i].name = g_strdup (columns[i].name);
      table->columns[i].label = g_strdup ((columns[i].flags & D8_CLI_COLUMN_VERBATIM)
                                          ? columns[i].label
                                          : _(columns[i].label));
    }
  table->n_columns = n_columns;
  table->rows = g_ptr_array_new ();
  return table;
}

void
d8_cli_table_free (D8CliTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_foreach (table->rows, free_row, GUINT_TO_POINTER (table->n_columns));
  g_ptr_array_unref (table->rows);
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_free ((char *) table->columns[i].name);
      g_free ((char *) table->columns[i].label);
    }
  g_free (table->columns);
  g_free (table->key);
  g_free (table->title);
  g_free (table);
}

void
d8_cli_table_add_row (D8CliTable *table)
{
  g_return_if_fail (table != NULL);
  g_ptr_array_add (table->rows, g_new0 (Cell, table->n_columns));
}

guint
d8_cli_table_get_n_rows (D8CliTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

/* The cell of @column in the last row. Column names are fixed by the
 * program, so a wrong one is a programming error. */
static Cell *
current_cell (D8CliTable *table, const char *column, D8CliType type)
{
  Cell *row;

  g_assert (table->rows->len > 0);
  row = g_ptr_array_index (table->rows, table->rows->len - 1);
  for (guint i = 0; i < table->n_columns; i++)
    if (g_str_equal (table->columns[i].name, column))
      {
        g_assert (table->columns[i].type == type
                  || (type == D8_CLI_TEXT && table->columns[i].type == D8_CLI_DATE));
        return &row[i];
      }
  g_error ("table %s has no column %s", table->key, column);
  return NULL;
}

void
d8_cli_table_set_text (D8CliTable *table, const char *column, const char *text)
{
  Cell *cell = current_cell (table, column, D8_CLI_TEXT);

  g_free (cell->text);
  cell->text = g_strdup (text);
  cell->set = text != NULL;
}

void
d8_cli_table_set_int (D8CliTable *table, const char *column, gint64 value)
{
  Cell *cell = current_cell (table, column, D8_CLI_INT);

  cell->number = value;
  cell->set = TRUE;
}

void
d8_cli_table_set_double (D8CliTable *table, const char *column, double value)
{
  Cell *cell = current_cell (table, column, D8_CLI_PERCENT);

  cell->real = value;
  cell->set = isfinite (value);
}

void
d8_cli_table_set_status (D8CliTable *table, const char *column, D8Status status)
{
  Cell *cell = current_cell (table, column, D8_CLI_STATUS);

  cell->number = status;
  cell->set = TRUE;
}

void
d8_cli_table_set_bool (D8CliTable *table, const char *column, gboolean value)
{
  Cell *cell = current_cell (table, column, D8_CLI_BOOL);

  cell->number = value ? 1 : 0;
  cell->set = TRUE;
}

/* --------------------------------------------------------------- reports */

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->name);
  g_free (field->value.text);
  g_free (field);
}

D8CliReport *
d8_cli_report_new (void)
{
  D8CliReport *report = g_new0 (D8CliReport, 1);

  report->fields = g_ptr_array_new_with_free_func (field_free);
  report->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_cli_table_free);
  report->notes = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
d8_cli_report_free (D8CliReport *report)
{
  if (report == NULL)
    return;
  d8_plan_free (report->plan);
  g_ptr_array_unref (report->fields);
  g_ptr_array_unref (report->tables);
  g_ptr_array_unref (report->notes);
  g_free (report);
}

void
d8_cli_report_set_plan (D8CliReport *report, const D8Plan *plan)
{
  D8Plan *copy;

  g_return_if_fail (report != NULL && plan != NULL);

  copy = g_new0 (D8Plan, 1);
  copy->id = plan->id;
  copy->code = g_strdup (plan->code);
  copy->title = g_strdup (plan->title);
  copy->doc_number = g_strdup (plan->doc_number);
  copy->period_start = g_strdup (plan->period_start);
  copy->period_end = g_strdup (plan->period_end);
  copy->year = plan->year;
  d8_plan_free (report->plan);
  report->plan = copy;
}

void
d8_cli_report_add_text_field (D8CliReport *report, const char *name, const char *label,
                              D8CliType type, const char *text)
{
  Field *field = g_new0 (Field, 1);

  g_return_if_fail (type == D8_CLI_TEXT || type == D8_CLI_DATE);

  field->name = g_strdup (name);
  field->label = label;
  field->type = type;
  field->value.text = g_strdup (text);
  field->value.set = text != NULL;
  g_ptr_array_add (report->fields, field);
}

void
d8_cli_report_add_percent_field (D8CliReport *report, const char *name, const char *label,
                                 double fraction)
{
  Field *field = g_new0 (Field, 1);

  field->name = g_strdup (name);
  field->label = label;
  field->type = D8_CLI_PERCENT;
  field->value.real = fraction;
  field->value.set = isfinite (fraction);
  g_ptr_array_add (report->fields, field);
}

void
d8_cli_report_add_table (D8CliReport *report, D8CliTable *table)
{
  g_return_if_fail (report != NULL && table != NULL);
  g_ptr_array_add (report->tables, table);
}

void
d8_cli_report_add_note (D8CliReport *report, const char *text)
{
  g_ptr_array_add (report->notes, g_strdup (text));
}

/* ---------------------------------------------------------------- values */

/* completion 0.125 → "12.5": one decimal, '.' whatever the locale. */
static void
format_percent_ascii (char *buf, gsize len, double fraction)
{
  g_ascii_formatd (buf, len, "%.1f", fraction * 100.0);
  /* "-0.0" would surprise a reader of the file */
  if (g_str_equal (buf, "-0.0"))
    g_strlcpy (buf, "0.0", len);
}

/* The text of a cell in a machine format (CSV); NULL when null. */
static char *
cell_to_machine (const Cell *cell, D8CliType type)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!cell->set)
    return NULL;
  switch (type)
    {
    case D8_CLI_TEXT:
    case D8_CLI_DATE:
      return g_strdup (cell->text);
    case D8_CLI_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->number);
    case D8_CLI_PERCENT:
      format_percent_ascii (buf, sizeof buf, cell->real);
      return g_strdup (buf);
    case D8_CLI_STATUS:
      return g_strdup (d8_status_to_string ((D8Status) cell->number));
    case D8_CLI_BOOL:
      return g_strdup (cell->number ? "true" : "false");
    default:
      g_assert_not_reached ();
    }
}

/* The text of a cell for people, in the UI language. */
static char *
cell_to_display (const Cell *cell, D8CliType type, D8CliColumnFlags flags)
{
  if (!cell->set)
    return g_strdup (type == D8_CLI_INT || type == D8_CLI_PERCENT ? "–" : "");
  switch (type)
    {
    case D8_CLI_TEXT:
      if (flags & D8_CLI_COLUMN_KEYWORD)
        return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "keyword", cell->text));
      return g_strdup (cell->text);
    case D8_CLI_DATE:
      return d8_format_date (cell->text);
    case D8_CLI_INT:
      if (flags & D8_CLI_COLUMN_UNGROUPED)
        return g_strdup_printf ("%" G_GINT64_FORMAT, cell->number);
      return d8_format_count (cell->number);
    case D8_CLI_PERCENT:
      return d8_format_percent (cell->real, 1);
    case D8_CLI_STATUS:
      return g_strdup (d8_status_to_label ((D8Status) cell->number));
    case D8_CLI_BOOL:
      /* Translators: a yes/no cell of a table, e.g. "deleted" */
      return g_strdup (cell->number ? _("yes") : "");
    default:
      g_assert_not_reached ();
    }
}

static void
add_json_value (JsonBuilder *builder, const Cell *cell, D8CliType type)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!cell->set)
    {
      json_builder_add_null_value (builder);
      return;
    }
  switch (type)
    {
    case D8_CLI_TEXT:
    case D8_CLI_DATE:
      json_builder_add_string_value (builder, cell->text);
      break;
    case D8_CLI_INT:
      json_builder_add_int_value (builder, cell->number);
      break;
    case D8_CLI_PERCENT:
      /* The same rounding as CSV; the value is the double nearest it. */
      format_percent_ascii (buf, sizeof buf, cell->real);
      json_builder_add_double_value (builder, g_ascii_strtod (buf, NULL));
      break;
    case D8_CLI_STATUS:
      json_builder_add_string_value (builder, d8_status_to_string ((D8Status) cell->number));
      break;
    case D8_CLI_BOOL:
      json_builder_add_boolean_value (builder, cell->number != 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------- CSV */

void
d8_cli_csv_append (GString *out, const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
write_csv (D8CliReport *report, GString *out)
{
  D8CliTable *table;
  gboolean first = TRUE;

  if (report->tables->len == 0)
    return;
  table = g_ptr_array_index (report->tables, 0);
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (table->columns[c].flags & D8_CLI_COLUMN_NO_CSV)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      d8_cli_csv_append (out, table->columns[c].name);
      first = FALSE;
    }
  g_string_append_c (out, '\n');
  for (guint r = 0; r < table->rows->len; r++)
    {
      const Cell *row = g_ptr_array_index (table->rows, r);

      first = TRUE;
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *text = NULL;

          if (table->columns[c].flags & D8_CLI_COLUMN_NO_CSV)
            continue;
          if (!first)
            g_string_append_c (out, ',');
          text = cell_to_machine (&row[c], table->columns[c].type);
          d8_cli_csv_append (out, text);
          first = FALSE;
        }
      g_string_append_c (out, '\n');
    }
}

/* ------------------------------------------------------------------ JSON */

static void
write_json (D8CliReport *report, GString *out)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  if (report->plan)
    {
      json_builder_set_member_name (builder, "plan");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, report->plan->id);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, report->plan->code);
      json_builder_set_member_name (builder, "doc_number");
      json_builder_add_string_value (builder, report->plan->doc_number);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, report->plan->title);
      json_builder_set_member_name (builder, "period_start");
      json_builder_add_string_value (builder, report->plan->period_start);
      json_builder_set_member_name (builder, "period_end");
      json_builder_add_string_value (builder, report->plan->period_end);
      json_builder_end_object (builder);
    }
  for (guint f = 0; f < report->fields->len; f++)
    {
      const Field *field = g_ptr_array_index (report->fields, f);

      json_builder_set_member_name (builder, field->name);
      add_json_value (builder, &field->value, field->type);
    }
  for (guint t = 0; t < report->tables->len; t++)
    {
      const D8CliTable *table = g_ptr_array_index (report->tables, t);

      json_builder_set_member_name (builder, table->key);
      json_builder_begin_array (builder);
      for (guint r = 0; r < table->rows->len; r++)
        {
          const Cell *row = g_ptr_array_index (table->rows, r);

          json_builder_begin_object (builder);
          for (guint c = 0; c < table->n_columns; c++)
            {
              json_builder_set_member_name (builder, table->columns[c].name);
              add_json_value (builder, &row[c], table->columns[c].type);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

/* ----------------------------------------------------------------- table */

static gboolean
is_numeric (D8CliType type)
{
  return type == D8_CLI_INT || type == D8_CLI_PERCENT;
}

static void
append_padded (GString *out, const char *text, guint width, gboolean right, gboolean last)
{
  guint len = (guint) g_utf8_strlen (text, -1);
  guint pad = width > len ? width - len : 0;

  if (right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right && !last)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

/* Ends a line of the table without the padding of empty last cells. */
static void
end_line (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

static void
write_one_table (const D8CliTable *table, GString *out)
{
  g_autoptr (GArray) visible = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *widths = NULL;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n;

  for (guint c = 0; c < table->n_columns; c++)
    if (!(table->columns[c].flags & D8_CLI_COLUMN_NO_TABLE))
      g_array_append_val (visible, c);
  n = visible->len;
  widths = g_new0 (guint, n);

  /* Headers first, then every row, as display strings. */
  for (guint v = 0; v < n; v++)
    {
      const D8CliColumn *column = &table->columns[g_array_index (visible, guint, v)];
      g_ptr_array_add (texts, g_strdup (column->label));
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      const Cell *row = g_ptr_array_index (table->rows, r);
      for (guint v = 0; v < n; v++)
        {
          guint c = g_array_index (visible, guint, v);
          g_autofree char *text = cell_to_display (&row[c], table->columns[c].type,
                                                   table->columns[c].flags);
          /* Names come from files of other offices: no control character
           * or bidi override reaches the terminal, and a huge name is cut. */
          g_ptr_array_add (texts, d8_text_escape_untrusted (text, -1, D8_CLI_TABLE_CELL_MAX));
        }
    }
  for (guint i = 0; i < texts->len; i++)
    widths[i % n] = MAX (widths[i % n], (guint) g_utf8_strlen (texts->pdata[i], -1));

  if (table->title)
    g_string_append_printf (out, "%s\n", table->title);
  for (guint i = 0; i < texts->len; i++)
    {
      guint v = i % n;
      const D8CliColumn *column = &table->columns[g_array_index (visible, guint, v)];

      if (v > 0)
        g_string_append (out, "  ");
      append_padded (out, texts->pdata[i], widths[v], is_numeric (column->type), v == n - 1);
      if (v == n - 1)
        {
          end_line (out);
          if (i == n - 1) /* under the headers */
            {
              for (guint w = 0; w < n; w++)
                {
                  if (w > 0)
                    g_string_append (out, "  ");
                  for (guint k = 0; k < widths[w]; k++)
                    g_string_append_c (out, '-');
                }
              g_string_append_c (out, '\n');
            }
        }
    }
  if (table->rows->len == 0)
    g_string_append_printf (out, "%s\n", _("(none)"));
}

static void
write_table (D8CliReport *report, GString *out)
{
  if (report->plan)
    {
      g_autofree char *start = d8_format_date (report->plan->period_start);
      g_autofree char *end = d8_format_date (report->plan->period_end);

      /* Translators: a heading; %s are the plan's number and its period */
      g_string_append_printf (out, _("Plan %s (%s – %s)"), report->plan->doc_number, start, end);
      g_string_append_c (out, '\n');
    }
  for (guint f = 0; f < report->fields->len; f++)
    {
      const Field *field = g_ptr_array_index (report->fields, f);
      g_autofree char *text = cell_to_display (&field->value, field->type, 0);
      g_autofree char *value = d8_text_escape_untrusted (text, -1, D8_CLI_TABLE_CELL_MAX);

      /* Translators: "label: value" lines above a table */
      g_string_append_printf (out, _("%s: %s"), _(field->label), value);
      g_string_append_c (out, '\n');
    }
  for (guint t = 0; t < report->tables->len; t++)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      write_one_table (g_ptr_array_index (report->tables, t), out);
    }
  if (report->notes->len > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < report->notes->len; i++)
    {
      g_autofree char *note = d8_text_escape_untrusted (report->notes->pdata[i], -1, 0);
      g_string_append_printf (out, "%s\n", note);
    }
}

void
d8_cli_report_write (D8CliReport *report, D8CliFormat format, FILE *out)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_if_fail (report != NULL);

  switch (format)
    {
    case D8_CLI_FORMAT_TABLE:
      write_table (report, text);
      break;
    case D8_CLI_FORMAT_CSV:
      write_csv (report, text);
      break;
    case D8_CLI_FORMAT_JSON:
      write_json (report, text);
      break;
    default:
      g_assert_not_reached ();
    }
  fwrite (text->str, 1, text->len, out);
  fflush (out);
}
