/* SPDX-License-Identifier: GPL-3.0-or-later */
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

#include "d8-cli-report.h"
#include "d8-reporting.h"
#include "d8-format.h"
#include "d8-table-export.h"
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
  D8CliReport *stream; /* set while the rows are written as they come */
  guint n_written;     /* rows already written and freed */
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
  /* streaming (d8_cli_report_stream_table): where and how, and which table */
  FILE *out;
  D8CliFormat format;
  D8CliTable *streamed;
  D8CsvDialect csv_dialect; /* plain, or for Excel (--excel) */
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

static void flush_rows (D8CliTable *table);

void
d8_cli_table_add_row (D8CliTable *table)
{
  g_return_if_fail (table != NULL);
  /* A streamed table writes its finished rows first: it never holds more
   * than the one being filled. */
  if (table->stream != NULL)
    flush_rows (table);
  g_ptr_array_add (table->rows, g_new0 (Cell, table->n_columns));
}

guint
d8_cli_table_get_n_rows (D8CliTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_written + table->rows->len;
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
d8_cli_table_set_period_status (D8CliTable *table, const char *column, int status)
{
  Cell *cell = current_cell (table, column, D8_CLI_PERIOD_STATUS);

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
    case D8_CLI_PERIOD_STATUS:
      return g_strdup (d8_period_status_to_string ((D8PeriodStatus) cell->number));
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
    case D8_CLI_PERIOD_STATUS:
      return g_strdup (d8_period_status_to_label ((D8PeriodStatus) cell->number));
    case D8_CLI_BOOL:
      /* Translators: a yes/no cell of a table, e.g. "deleted" */
      return g_strdup (cell->number ? _("yes") : "");
    default:
      g_assert_not_reached ();
    }
}

/* JSON is written directly, member by member, in the layout json-glib's
 * pretty printer uses ("key" : value, two spaces per level): no document
 * tree, so the memory does not grow with the answer. */
static void
append_json_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_json_value (GString *out, const Cell *cell, D8CliType type)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!cell->set)
    {
      g_string_append (out, "null");
      return;
    }
  switch (type)
    {
    case D8_CLI_TEXT:
    case D8_CLI_DATE:
      append_json_string (out, cell->text ? cell->text : "");
      break;
    case D8_CLI_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, cell->number);
      break;
    case D8_CLI_PERCENT:
      /* The same rounding as CSV, one decimal, '.' whatever the locale. */
      format_percent_ascii (buf, sizeof buf, cell->real);
      g_string_append (out, buf);
      break;
    case D8_CLI_STATUS:
      append_json_string (out, d8_status_to_string ((D8Status) cell->number));
      break;
    case D8_CLI_PERIOD_STATUS:
      append_json_string (out, d8_period_status_to_string ((D8PeriodStatus) cell->number));
      break;
    case D8_CLI_BOOL:
      g_string_append (out, cell->number ? "true" : "false");
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
append_json_member (GString *out, const char *indent, gboolean first, const char *name)
{
  g_string_append (out, first ? "\n" : ",\n");
  g_string_append (out, indent);
  append_json_string (out, name);
  g_string_append (out, " : ");
}

static void
append_json_row (GString *out, const D8CliTable *table, const Cell *row, gboolean first)
{
  g_string_append (out, first ? "\n    {" : ",\n    {");
  for (guint c = 0; c < table->n_columns; c++)
    {
      append_json_member (out, "      ", c == 0, table->columns[c].name);
      append_json_value (out, &row[c], table->columns[c].type);
    }
  g_string_append (out, "\n    }");
}

/* ------------------------------------------------------------------- CSV */

void
d8_cli_csv_append (GString *out, const char *text)
{
  d8_csv_append_cell (out, text);
}

/* --excel: a byte-order mark and CRLF, so Excel reads UTF-8 (d8-table-export.h). */
void
d8_cli_report_set_csv_dialect (D8CliReport *report, D8CsvDialect dialect)
{
  g_return_if_fail (report != NULL);
  report->csv_dialect = dialect;
}

static void
append_csv_header (GString *out, const D8CliTable *table, D8CsvDialect dialect)
{
  gboolean first = TRUE;

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (table->columns[c].flags & D8_CLI_COLUMN_NO_CSV)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      d8_cli_csv_append (out, table->columns[c].name);
      first = FALSE;
    }
  d8_csv_end_row (out, dialect);
}

static void
append_csv_row (GString *out, const D8CliTable *table, const Cell *row, D8CsvDialect dialect)
{
  gboolean first = TRUE;

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
  d8_csv_end_row (out, dialect);
}

static void
write_out (FILE *out, GString *text)
{
  fwrite (text->str, 1, text->len, out);
  g_string_truncate (text, 0);
}

static void
write_csv (D8CliReport *report, GString *out)
{
  D8CliTable *table;

  if (report->tables->len == 0)
    return;
  table = g_ptr_array_index (report->tables, 0);
  if (table != report->streamed)
    {
      d8_csv_begin (out, report->csv_dialect);
      append_csv_header (out, table, report->csv_dialect);
    }
  for (guint r = 0; r < table->rows->len; r++)
    append_csv_row (out, table, g_ptr_array_index (table->rows, r), report->csv_dialect);
}

/* ------------------------------------------------------------------ JSON */

/* The start of the JSON object: the plan and the fields. */
static void
append_json_head (D8CliReport *report, GString *out)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  if (report->plan)
    {
      const D8Plan *plan = report->plan;

      append_json_member (out, "  ", TRUE, "plan");
      g_string_append_c (out, '{');
      append_json_member (out, "    ", TRUE, "id");
      g_string_append_printf (out, "%" G_GINT64_FORMAT, plan->id);
      append_json_member (out, "    ", FALSE, "code");
      append_json_string (out, plan->code ? plan->code : "");
      append_json_member (out, "    ", FALSE, "doc_number");
      append_json_string (out, plan->doc_number ? plan->doc_number : "");
      append_json_member (out, "    ", FALSE, "title");
      append_json_string (out, plan->title ? plan->title : "");
      append_json_member (out, "    ", FALSE, "period_start");
      append_json_string (out, plan->period_start ? plan->period_start : "");
      append_json_member (out, "    ", FALSE, "period_end");
      append_json_string (out, plan->period_end ? plan->period_end : "");
      g_string_append (out, "\n  }");
      first = FALSE;
    }
  for (guint f = 0; f < report->fields->len; f++, first = FALSE)
    {
      const Field *field = g_ptr_array_index (report->fields, f);

      append_json_member (out, "  ", first, field->name);
      append_json_value (out, &field->value, field->type);
    }
}

static void
append_json_table_start (D8CliReport *report, const D8CliTable *table, GString *out)
{
  append_json_member (out, "  ", report->plan == NULL && report->fields->len == 0
                                   && g_ptr_array_index (report->tables, 0) == table,
                      table->key);
  g_string_append_c (out, '[');
}

static void
write_json (D8CliReport *report, GString *out, FILE *file)
{
  if (report->streamed == NULL)
    append_json_head (report, out);
  for (guint t = 0; t < report->tables->len; t++)
    {
      D8CliTable *table = g_ptr_array_index (report->tables, t);

      if (table != report->streamed)
        append_json_table_start (report, table, out);
      for (guint r = 0; r < table->rows->len; r++)
        append_json_row (out, table, g_ptr_array_index (table->rows, r),
                         table->n_written + r == 0);
      g_string_append (out, "\n  ]");
      write_out (file, out);
    }
  g_string_append (out, "\n}\n");
}

/* Writes and frees the finished rows of a streamed table. */
static void
flush_rows (D8CliTable *table)
{
  D8CliReport *report = table->stream;
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const Cell *row = g_ptr_array_index (table->rows, r);

      if (report->format == D8_CLI_FORMAT_JSON)
        append_json_row (out, table, row, table->n_written == 0);
      else
        append_csv_row (out, table, row, report->csv_dialect);
      table->n_written++;
    }
  g_ptr_array_foreach (table->rows, free_row, GUINT_TO_POINTER (table->n_columns));
  g_ptr_array_set_size (table->rows, 0);
  write_out (report->out, out);
}

/**
 * d8_cli_report_stream_table:
 * @report: a report whose plan and fields are set
 * @table: (transfer full): its next table, still empty
 * @format: the output format
 * @out: where to write
 *
 * Adds @table to @report and, for CSV and JSON, writes the report's start
 * at once; from then on every finished row of @table is written when the
 * next one is added, and freed, so a table of any length takes the memory
 * of one row. d8_cli_report_write() with the same @format and @out writes
 * the rest. In the table format (columns aligned to their widest cell) the
 * rows are kept, as with d8_cli_report_add_table(). Only one table of a
 * report streams, and only the first one for CSV.
 */
void
d8_cli_report_stream_table (D8CliReport *report, D8CliTable *table, D8CliFormat format,
                            FILE *out)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_if_fail (report != NULL && table != NULL && out != NULL);
  g_return_if_fail (report->streamed == NULL && table->rows->len == 0);

  d8_cli_report_add_table (report, table);
  if (format == D8_CLI_FORMAT_TABLE
      || (format == D8_CLI_FORMAT_CSV && report->tables->len > 1))
    return;
  report->out = out;
  report->format = format;
  report->streamed = table;
  table->stream = report;
  if (format == D8_CLI_FORMAT_JSON)
    {
      append_json_head (report, text);
      append_json_table_start (report, table, text);
    }
  else
    {
      d8_csv_begin (text, report->csv_dialect);
      append_csv_header (text, table, report->csv_dialect);
    }
  write_out (out, text);
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

      if (report->plan->doc_number == NULL || report->plan->doc_number[0] == '\0')
        /* Translators: a heading of a draft plan, which has no document number
         * yet; %s are the plan's code and its period */
        g_string_append_printf (out, _("Draft plan %s (%s – %s)"), report->plan->code, start, end);
      else
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
  g_return_if_fail (report->streamed == NULL || (report->format == format && report->out == out));

  switch (format)
    {
    case D8_CLI_FORMAT_TABLE:
      write_table (report, text);
      break;
    case D8_CLI_FORMAT_CSV:
      write_csv (report, text);
      break;
    case D8_CLI_FORMAT_JSON:
      write_json (report, text, out);
      break;
    default:
      g_assert_not_reached ();
    }
  fwrite (text->str, 1, text->len, out);
  fflush (out);
}
