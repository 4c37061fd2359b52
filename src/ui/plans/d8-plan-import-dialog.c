/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-import-dialog.c — the preview of a plan before import (see
 * d8-plan-import-dialog.h).
 *
 * The dialog keeps its source (a file's bytes or pasted text) and reads it
 * again through d8_plan_import_* whenever a field that maps a table
 * changes (the plan's record, the plan to copy from), so the preview
 * always shows what "Import" would write. The appendix is a GtkColumnView
 * over the row numbers, so a table of thousands of rows stays usable.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "d8-format.h"
#include "d8-plan-import-dialog.h"
#include "d8-plan-mapping.h"
#include "d8-plan-import.h"
#include "d8-ui-util.h"

#define FOLDER_KEY "last-bundle-folder"
#define TOTAL_ROW G_MAXUINT

struct _D8PlanImportDialog
{
  AdwWindow parent_instance;

  GtkLabel *heading_label;
  GtkLabel *error_label;
  AdwViewStack *pages;
  AdwViewStackPage *notes_page;
  GtkLabel *source_label;
  AdwComboRow *from_row;
  AdwEntryRow *code_row;
  AdwEntryRow *title_row;
  AdwEntryRow *number_row;
  AdwEntryRow *issuer_row;
  AdwEntryRow *issued_row;
  AdwEntryRow *year_row;
  GtkLabel *period_label;
  GtkLabel *units_label;
  GtkLabel *indicators_label;
  GtkLabel *appendix_label;
  GtkColumnView *table;
  GtkLabel *allocation_label;
  GtkWidget *changes_heading;
  GtkLabel *changes_label;
  GtkWidget *warnings_heading;
  GtkLabel *warnings_label;
  GtkButton *import_button;
  GtkWidget *paste_button;

  D8Store *store;
  GPtrArray *plans;      /* D8Plan*: the from_row's choices after "none" */
  GBytes *bytes;         /* the file's content, or NULL */
  char *name;            /* the file's name */
  char *text;            /* pasted text, or NULL */
  D8PlanImport *import;  /* NULL when refused */
  char *error;
  gboolean filling;      /* fields being filled from a preview: no re-read */
  D8PlanMapping *mapping; /* the Mapping tab (d8-plan-mapping.c), for tables */
};

G_DEFINE_FINAL_TYPE (D8PlanImportDialog, d8_plan_import_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
is_table (D8PlanImportDialog *self)
{
  return self->text != NULL
         || (self->name != NULL && !g_str_has_suffix (self->name, ".json"));
}

static char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* A year written in a file's name ("Phụ lục 2026.csv"), or 0. */
static int
year_from_name (const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
        && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4])
        && (p == name || !g_ascii_isdigit (p[-1])))
      {
        int year = atoi (p);
        if (year >= 1990 && year <= 2200)
          return year;
      }
  return 0;
}

/* "gia-lai-2026" from "Phụ lục 2026.csv": a proposal the person can change. */
static char *
code_from_name (const char *name)
{
  g_autofree char *base = g_path_get_basename (name);
  g_autofree char *ascii = NULL;
  GString *code = g_string_new (NULL);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  ascii = g_str_to_ascii (base, "C");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (code, g_ascii_tolower (*p));
      else if (code->len > 0 && code->str[code->len - 1] != '-')
        g_string_append_c (code, '-');
    }
  while (code->len > 0 && code->str[code->len - 1] == '-')
    g_string_truncate (code, code->len - 1);
  return g_string_free (code, FALSE);
}

static void
set_error (D8PlanImportDialog *self,
           const char         *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ------------------------------------------------------------ the table */

static const D8PlanPreview *
preview (D8PlanImportDialog *self)
{
  return self->import ? d8_plan_import_get_preview (self->import) : NULL;
}

static const D8PlanPreviewUnit *
find_unit (const D8PlanPreview *pv,
           const char          *code)
{
  for (guint i = 0; i < pv->units->len; i++)
    {
      const D8PlanPreviewUnit *unit = g_ptr_array_index (pv->units, i);
      if (g_strcmp0 (unit->code, code) == 0)
        return unit;
    }
  return NULL;
}

static const char *
status_text (D8PlanUnitStatus status)
{
  switch (status)
    {
    case D8_PLAN_UNIT_NEW:
      /* Translators: a unit the database does not have yet */
      return C_("unit", "new");
    case D8_PLAN_UNIT_KNOWN:
      /* Translators: a unit the database already has, unchanged */
      return C_("unit", "known");
    case D8_PLAN_UNIT_CHANGED:
      /* Translators: a unit the database has with another name, level or parent */
      return C_("unit", "changed");
    default:
      return "";
    }
}

/* A unit's level for people: its kind as written ("huyện", "phường"),
 * else the level's name. */
static const char *
level_text (const D8PlanPreviewUnit *unit)
{
  return d8_ui_level_text (unit->kind, unit->level);
}

enum { COL_TT = -3, COL_UNIT = -2, COL_STATUS = -1 };

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "d8-column"));

  gtk_label_set_xalign (GTK_LABEL (label), column >= 0 || column == COL_TT ? 1.0f : 0.0f);
  if (column >= 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              D8PlanImportDialog       *self)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "d8-column"));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *which = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const D8PlanPreview *pv = preview (self);
  g_autofree char *owned = NULL;
  const char *text = "";

  if (pv == NULL)
    return;
  if (g_str_equal (which, "total"))
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "heading");
      if (column == COL_UNIT)
        text = pv->target_label ? pv->target_label : _("Stated total");
      else if (column >= 0 && (guint) column < pv->allocation->len)
        {
          const D8PlanAllocation *a = g_ptr_array_index (pv->allocation, column);
          text = a->has_stated ? (owned = d8_format_count (a->stated)) : "–";
        }
    }
  else
    {
      const D8PlanFileRow *row = g_ptr_array_index (pv->rows, atoi (which));
      const D8PlanPreviewUnit *unit = find_unit (pv, row->unit);

      gtk_widget_remove_css_class (GTK_WIDGET (label), "heading");
      if (column == COL_TT)
        text = owned = g_strdup_printf ("%d", row->tt);
      else if (column == COL_UNIT)
        text = unit ? unit->name : row->unit;
      else if (column == COL_STATUS)
        text = unit ? status_text (unit->status) : "";
      else if ((guint) column < pv->columns->len)
        text = row->written[column] != NULL && *row->written[column] != '\0'
                 ? row->written[column] : "–";
    }
  gtk_label_set_text (label, text);
}

static void
add_column (D8PlanImportDialog *self,
            const char         *title,
            int                 column,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "d8-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (cell_bind_cb), self, 0);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_append_column (self->table, col);
  g_object_unref (col);
}

static void
clear_table (D8PlanImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) col = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->table, col);
    }
  gtk_column_view_set_model (self->table, NULL);
}

static void
fill_table (D8PlanImportDialog *self,
            const D8PlanPreview *pv)
{
  g_autoptr (GtkStringList) rows = gtk_string_list_new (NULL);
  gboolean has_total = FALSE;

  clear_table (self);
  /* Translators: column of the appendix: the row number as written */
  add_column (self, _("TT"), COL_TT, FALSE);
  add_column (self, _("Unit"), COL_UNIT, TRUE);
  add_column (self, _("Status"), COL_STATUS, FALSE);
  for (guint c = 0; c < pv->columns->len; c++)
    {
      const char *code = g_ptr_array_index (pv->columns, c);
      const D8PlanAllocation *a = g_ptr_array_index (pv->allocation, c);

      /* A long indicator name would make the column as wide as a page: its
       * code heads the column, the whole name is in the list above. */
      add_column (self, code, (int) c, FALSE);
      has_total = has_total || a->has_stated;
    }
  for (guint r = 0; r < pv->rows->len; r++)
    {
      char index[16];
      g_snprintf (index, sizeof index, "%u", r);
      gtk_string_list_append (rows, index);
    }
  if (has_total)
    gtk_string_list_append (rows, "total");
  gtk_column_view_set_model (self->table,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (
                               G_LIST_MODEL (g_steal_pointer (&rows)))));
}

/* ---------------------------------------------------------- the texts */

static void
fill_texts (D8PlanImportDialog  *self,
            const D8PlanPreview *pv)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *start = d8_format_date (pv->plan->period_start);
  g_autofree char *end = d8_format_date (pv->plan->period_end);
  g_autofree char *period = NULL;

  self->filling = TRUE;
  set_entry (self->code_row, pv->plan->code);
  set_entry (self->title_row, pv->plan->title);
  set_entry (self->number_row, pv->plan->doc_number);
  set_entry (self->issuer_row, pv->plan->issuer);
  set_entry (self->issued_row, pv->plan->issued_on);
  {
    g_autofree char *year = g_strdup_printf ("%d", pv->plan->year);
    set_entry (self->year_row, year);
  }
  self->filling = FALSE;

  {
    /* Translators: the heading of a plan's preview: its number, year and title */
    g_autofree char *heading = g_strdup_printf (_("%s · %d — %s"), pv->plan->doc_number,
                                                pv->plan->year, pv->plan->title);
    gtk_label_set_text (self->heading_label, heading);
  }
  gtk_label_set_text (self->source_label, pv->source_detail ? pv->source_detail : "");
  /* Translators: the period a plan counts, two dates */
  period = g_strdup_printf (_("Period: %s – %s"), start, end);
  gtk_label_set_text (self->period_label, period);

  /* Translators: %u units in all; then how many are new, known, changed */
  g_string_printf (text, _("%u units: %u new, %u already known, %u changed"), pv->units->len,
                   pv->n_new_units, pv->n_known_units, pv->n_changed_units);
  for (guint i = 0; i < pv->units->len; i++)
    {
      const D8PlanPreviewUnit *unit = g_ptr_array_index (pv->units, i);
      if (unit->tt == 0)
        /* Translators: a unit the plan names with no row of its own (a parent) */
        g_string_append_printf (text, "\n%s (%s, %s)", unit->name, level_text (unit),
                                _("no row"));
      if (unit->change != NULL)
        g_string_append_printf (text, "\n%s: %s", unit->name, unit->change);
    }
  gtk_label_set_text (self->units_label, text->str);

  g_string_truncate (text, 0);
  for (guint g = 0; g < pv->groups->len; g++)
    {
      const D8PlanFileGroup *group = g_ptr_array_index (pv->groups, g);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a content group of the plan, %d its number, %s its title */
      g_string_append_printf (text, _("Content %d: %s"), group->number, group->title);
      for (guint i = 0; i < pv->indicators->len; i++)
        {
          const D8Indicator *ind = g_ptr_array_index (pv->indicators, i);
          if (ind->group_no == group->number)
            g_string_append_printf (text, "\n    %s. %s (%s)", ind->code, ind->name_vi,
                                    ind->count_unit ? ind->count_unit : "");
        }
    }
  for (guint i = 0; i < pv->indicators->len; i++)
    {
      const D8Indicator *ind = g_ptr_array_index (pv->indicators, i);
      gboolean grouped = FALSE;

      for (guint g = 0; g < pv->groups->len; g++)
        grouped = grouped
                  || ((const D8PlanFileGroup *) g_ptr_array_index (pv->groups, g))->number
                       == ind->group_no;
      if (!grouped)
        g_string_append_printf (text, "%s%s. %s", text->len > 0 ? "\n" : "", ind->code,
                                ind->name_vi);
    }
  gtk_label_set_text (self->indicators_label, text->str);

  g_string_truncate (text, 0);
  if (pv->appendix_title != NULL)
    g_string_append_printf (text, "%s · ", pv->appendix_title);
  {
    g_autofree char *size = g_strdup_printf (ngettext ("%u row", "%u rows", pv->rows->len),
                                             pv->rows->len);
    g_string_append (text, size);
  }
  /* The columns are headed by their codes: their names, once, here. */
  for (guint c = 0; c < pv->columns->len; c++)
    for (guint i = 0; i < pv->indicators->len; i++)
      {
        const D8Indicator *ind = g_ptr_array_index (pv->indicators, i);
        if (g_strcmp0 (ind->code, g_ptr_array_index (pv->columns, c)) == 0)
          g_string_append_printf (text, "%s%s. %s", c == 0 ? "\n" : " · ", ind->code,
                                  ind->name_vi);
      }
  gtk_label_set_text (self->appendix_label, text->str);

  g_string_truncate (text, 0);
  for (guint c = 0; c < pv->allocation->len; c++)
    {
      const D8PlanAllocation *a = g_ptr_array_index (pv->allocation, c);
      g_autofree char *allocated = d8_format_count (a->allocated);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (!a->has_stated)
        /* Translators: allocation check of one column: its code, the sum of the units' quotas */
        g_string_append_printf (text, _("%s: allocated %s, no stated total"), a->indicator,
                                allocated);
      else if (a->difference == 0)
        {
          g_autofree char *stated = d8_format_count (a->stated);
          /* Translators: allocation check: the stated total equals the sum of the quotas */
          g_string_append_printf (text, _("%s: stated %s, allocated %s ✓"), a->indicator,
                                  stated, allocated);
        }
      else
        {
          g_autofree char *stated = d8_format_count (a->stated);
          g_autofree char *diff = d8_format_count (a->difference);
          /* Translators: allocation check: the stated total, the sum, and their difference */
          g_string_append_printf (text, _("%s: stated %s, allocated %s, difference %s"),
                                  a->indicator, stated, allocated, diff);
        }
    }
  gtk_label_set_text (self->allocation_label, text->str);

  g_string_truncate (text, 0);
  if (pv->is_revision)
    /* Translators: %s is the document number of the plan in the database */
    g_string_append_printf (text, _("This plan is already in the database (%s): importing "
                                    "it revises it; each changed quota keeps its old value "
                                    "in the plan’s history."),
                            pv->revises_doc_number ? pv->revises_doc_number : "");
  for (guint i = 0; pv->changes != NULL && i < pv->changes->len; i++)
    {
      const D8PlanQuotaChange *ch = g_ptr_array_index (pv->changes, i);
      const char *old = ch->old_written == NULL ? "" : *ch->old_written ? ch->old_written : "–";
      const char *new = *ch->new_written ? ch->new_written : "–";

      /* Translators: a changed quota: unit, indicator code, old value → new value */
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s, %s: %s → %s"),
                              ch->unit_name ? ch->unit_name : _("Stated total"),
                              ch->indicator, old, new);
    }
  gtk_label_set_text (self->changes_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_label), text->len > 0);
  gtk_widget_set_visible (self->changes_heading, text->len > 0);

  g_string_truncate (text, 0);
  for (guint i = 0; i < pv->warnings->len; i++)
    g_string_append_printf (text, "%s• %s", i ? "\n" : "",
                            (const char *) g_ptr_array_index (pv->warnings, i));
  gtk_label_set_text (self->warnings_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), text->len > 0);
  gtk_widget_set_visible (self->warnings_heading, text->len > 0);
  adw_view_stack_page_set_badge_number (self->notes_page,
                                        pv->warnings->len
                                          + (pv->changes ? pv->changes->len : 0));
  adw_view_stack_page_set_needs_attention (self->notes_page, pv->warnings->len > 0);

  gtk_button_set_label (self->import_button,
                        pv->is_revision ? _("Import as _Revision") : _("_Import"));
}

static void
clear_texts (D8PlanImportDialog *self)
{
  GtkLabel *labels[] = { self->period_label, self->units_label, self->indicators_label,
                         self->appendix_label, self->allocation_label, self->changes_label,
                         self->warnings_label };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_label_set_text (labels[i], "");
  gtk_label_set_text (self->heading_label, self->name ? self->name : "");
  adw_view_stack_page_set_badge_number (self->notes_page, 0);
  adw_view_stack_page_set_needs_attention (self->notes_page, FALSE);
  /* What a person can fix is on the plan's page. */
  if (is_table (self))
    adw_view_stack_set_visible_child_name (self->pages, "plan");
  clear_table (self);
}

/* ------------------------------------------------------------ reading */

static void
reread (D8PlanImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = entry_text (self->code_row);
  g_autofree char *title = entry_text (self->title_row);
  g_autofree char *number = entry_text (self->number_row);
  g_autofree char *issuer = entry_text (self->issuer_row);
  g_autofree char *issued = entry_text (self->issued_row);
  g_autofree char *year = entry_text (self->year_row);
  guint from_index = adw_combo_row_get_selected (self->from_row);
  const D8Plan *from = from_index > 0 && from_index <= self->plans->len
                         ? g_ptr_array_index (self->plans, from_index - 1) : NULL;
  g_autofree char *from_id = from ? g_strdup_printf ("%" G_GINT64_FORMAT, from->id) : NULL;
  D8PlanImportOptions options = { 0 };
  gboolean table = is_table (self);

  g_clear_pointer (&self->import, d8_plan_import_free);
  if (self->bytes == NULL && self->text == NULL)
    return;

  if (table)
    {
      options.from = from_id;
      options.code = code;
      options.title = title;
      options.document_number = number;
      options.issuer = issuer;
      options.issued_on = issued;
      options.year = year ? atoi (year) : 0;
      /* The core's messages for a missing field name the command line's
       * options; the dialog asks in its own words. */
      if (code == NULL)
        {
          set_error (self, _("Type the plan’s code (letters, digits and dashes)."));
          clear_texts (self);
          gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
          return;
        }
      if (number == NULL && from == NULL)
        {
          set_error (self, _("Type the plan’s document number, or choose a plan to copy "
                             "from."));
          clear_texts (self);
          gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
          return;
        }
    }

  if (table && self->mapping != NULL)
    {
      options.column_map = d8_plan_mapping_get_column_map (self->mapping);
      options.unit_map = d8_plan_mapping_get_unit_map (self->mapping);
    }
  if (self->text != NULL)
    self->import = d8_plan_import_new_from_text (self->store, self->text, &options, &error);
  else
    self->import = d8_plan_import_new_from_bytes (self->store, self->bytes, self->name, &options,
                                                  &error);
  if (self->import == NULL)
    {
      /* The core asks for a missing year in the command line's words. */
      if (table && year == NULL && from == NULL && strstr (error->message, "(--year)") != NULL)
        set_error (self, _("Type the plan’s year: the table does not say it."));
      else
        set_error (self, error->message);
      clear_texts (self);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  set_error (self, NULL);
  if (self->mapping != NULL)
    d8_plan_mapping_set_preview (self->mapping, table ? preview (self) : NULL, from != NULL);
  /* A change of the mapping stays on its tab, to see it and go on. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->pages), "mapping") != 0)
    adw_view_stack_set_visible_child_name (self->pages, "appendix");
  fill_texts (self, preview (self));
  fill_table (self, preview (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
}

static void
set_editable (D8PlanImportDialog *self,
              gboolean            editable)
{
  AdwEntryRow *rows[] = { self->code_row, self->title_row, self->number_row, self->issuer_row,
                          self->issued_row, self->year_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_editable (GTK_EDITABLE (rows[i]), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), editable);
}

static void
option_changed_cb (D8PlanImportDialog *self)
{
  if (!self->filling && is_table (self))
    reread (self);
}

void
d8_plan_import_dialog_set_text (D8PlanImportDialog *self,
                                const char         *text)
{
  g_return_if_fail (D8_IS_PLAN_IMPORT_DIALOG (self));
  g_return_if_fail (text != NULL);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->text);
  self->text = g_strdup (text);
  g_free (self->name);
  /* Translators: the source of a plan pasted from a spreadsheet */
  self->name = g_strdup (_("Pasted table"));
  set_editable (self, TRUE);
  if (gtk_editable_get_text (GTK_EDITABLE (self->code_row))[0] == '\0')
    {
      g_autofree char *date = d8_date_today ();
      g_autofree char *code = g_strdup_printf ("plan-%s", date);
      self->filling = TRUE;
      set_entry (self->code_row, code);
      self->filling = FALSE;
    }
  reread (self);
}

static void
paste_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (D8PlanImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || *text == '\0')
    {
      set_error (self, _("The clipboard holds no text: copy the table’s cells in the "
                         "spreadsheet first."));
      return;
    }
  d8_plan_import_dialog_set_text (self, text);
}

static void
paste_clicked_cb (D8PlanImportDialog *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  gdk_clipboard_read_text_async (clipboard, NULL, paste_read_cb, g_object_ref (self));
}

gboolean
d8_plan_import_dialog_apply (D8PlanImportDialog *self,
                             GError            **error)
{
  const D8PlanPreview *pv;
  gint64 plan_id = 0;

  g_return_val_if_fail (D8_IS_PLAN_IMPORT_DIALOG (self), FALSE);

  if (self->import == NULL)
    {
      g_set_error_literal (error, D8_ERROR, D8_ERROR_INVALID,
                           self->error ? self->error : _("Nothing to import."));
      return FALSE;
    }
  pv = preview (self);
  /* The button said "Import as Revision": pressing it is the confirmation. */
  if (pv->is_revision)
    d8_plan_import_set_revise (self->import, TRUE);
  if (!d8_plan_import_apply (self->import, &plan_id, error))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, plan_id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
import_clicked_cb (D8PlanImportDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!d8_plan_import_dialog_apply (self, &error))
    set_error (self, error->message);
}

void
d8_plan_import_dialog_set_options (D8PlanImportDialog *self,
                                   const char         *from,
                                   const char         *code,
                                   const char         *document_number,
                                   const char         *title,
                                   int                 year)
{
  guint selected = 0;

  g_return_if_fail (D8_IS_PLAN_IMPORT_DIALOG (self));

  if (from != NULL && *from != '\0')
    {
      g_autoptr (D8Plan) plan = d8_store_resolve_plan (self->store, from, NULL);
      for (guint i = 0; plan != NULL && i < self->plans->len; i++)
        if (((const D8Plan *) g_ptr_array_index (self->plans, i))->id == plan->id)
          selected = i + 1;
    }
  self->filling = TRUE;
  adw_combo_row_set_selected (self->from_row, selected);
  if (code != NULL)
    set_entry (self->code_row, code);
  if (document_number != NULL)
    set_entry (self->number_row, document_number);
  if (title != NULL)
    set_entry (self->title_row, title);
  if (year != 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);
      set_entry (self->year_row, text);
    }
  self->filling = FALSE;
  reread (self);
}

void
d8_plan_import_dialog_show_page (D8PlanImportDialog *self,
                                 const char         *name)
{
  g_return_if_fail (D8_IS_PLAN_IMPORT_DIALOG (self));
  adw_view_stack_set_visible_child_name (self->pages, name);
}

const D8PlanPreview *
d8_plan_import_dialog_get_preview (D8PlanImportDialog *self)
{
  g_return_val_if_fail (D8_IS_PLAN_IMPORT_DIALOG (self), NULL);
  return preview (self);
}

const char *
d8_plan_import_dialog_get_error (D8PlanImportDialog *self)
{
  g_return_val_if_fail (D8_IS_PLAN_IMPORT_DIALOG (self), NULL);
  return self->error;
}

GtkWidget *
d8_plan_import_dialog_get_table (D8PlanImportDialog *self)
{
  g_return_val_if_fail (D8_IS_PLAN_IMPORT_DIALOG (self), NULL);
  return GTK_WIDGET (self->table);
}

/* ------------------------------------------------------------- GObject */

static void
fill_from_row (D8PlanImportDialog *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) plans = d8_store_list_plans (self->store, NULL);

  /* Translators: "copy units and indicators from": no plan */
  gtk_string_list_append (names, C_("from plan", "None"));
  self->plans = plans ? g_steal_pointer (&plans) : g_ptr_array_new ();
  /* Newest first, as in the plan chooser. */
  for (guint i = 0; i < self->plans->len / 2; i++)
    {
      gpointer *pdata = self->plans->pdata;
      gpointer tmp = pdata[i];
      pdata[i] = pdata[self->plans->len - 1 - i];
      pdata[self->plans->len - 1 - i] = tmp;
    }
  for (guint i = 0; i < self->plans->len; i++)
    {
      const D8Plan *plan = g_ptr_array_index (self->plans, i);
      g_autofree char *name = g_strdup_printf ("%s · %d", plan->doc_number, plan->year);
      gtk_string_list_append (names, name);
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (names));
  self->filling = FALSE;
}

D8PlanImportDialog *
d8_plan_import_dialog_new (GtkWindow *parent,
                           D8Store   *store,
                           GFile     *file)
{
  D8PlanImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (D8_TYPE_PLAN_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->mapping = D8_PLAN_MAPPING (d8_plan_mapping_new (store));
  adw_view_stack_page_set_icon_name (
    adw_view_stack_add_titled (self->pages, GTK_WIDGET (self->mapping), "mapping", _("Mapping")),
    "insert-link-symbolic");
  g_signal_connect_object (self->mapping, "changed", G_CALLBACK (reread), self, G_CONNECT_SWAPPED);
  fill_from_row (self);
  set_editable (self, TRUE);

  if (file != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      self->name = g_file_get_basename (file);
      gtk_window_set_title (GTK_WINDOW (self), self->name);
      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
        {
          set_error (self, error->message);
          return self;
        }
      self->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      set_editable (self, is_table (self));
      if (is_table (self))
        {
          g_autofree char *code = code_from_name (self->name);
          int year = year_from_name (self->name);
          self->filling = TRUE;
          set_entry (self->code_row, code);
          if (year != 0)
            {
              g_autofree char *text = g_strdup_printf ("%d", year);
              set_entry (self->year_row, text);
            }
          self->filling = FALSE;
        }
      reread (self);
    }
  return self;
}

static void
d8_plan_import_dialog_finalize (GObject *object)
{
  D8PlanImportDialog *self = D8_PLAN_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, d8_plan_import_free);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->name);
  g_free (self->text);
  g_free (self->error);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (d8_plan_import_dialog_parent_class)->finalize (object);
}

static void
d8_plan_import_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), D8_TYPE_PLAN_IMPORT_DIALOG);
  G_OBJECT_CLASS (d8_plan_import_dialog_parent_class)->dispose (object);
}

static void
d8_plan_import_dialog_class_init (D8PlanImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_plan_import_dialog_dispose;
  object_class->finalize = d8_plan_import_dialog_finalize;

  /* The plan was written: its id. */
  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);

  d8_ui_ensure_style ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-plan-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, pages);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, notes_page);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, source_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, issued_row);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, period_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, units_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, indicators_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, appendix_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, table);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, allocation_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, changes_heading);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, changes_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, warnings_heading);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, D8PlanImportDialog, paste_button);
  gtk_widget_class_bind_template_callback (widget_class, option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, paste_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_destroy);
}

static void
d8_plan_import_dialog_init (D8PlanImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --------------------------------------------------------- opening files */

gboolean
d8_plan_import_is_table_or_plan (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  g_autoptr (GFileInputStream) stream = NULL;
  char head[4097];
  gsize n = 0;

  if (lower == NULL)
    return FALSE;
  if (g_str_has_suffix (lower, D8_PLAN_FILE_SUFFIX) || g_str_has_suffix (lower, ".csv")
      || g_str_has_suffix (lower, ".tsv") || g_str_has_suffix (lower, ".xlsx"))
    return TRUE;
  /* A plan file renamed by a mail client ("plan (1).json") is known by the
   * format named at its start, before "units" and the rest. */
  if (!g_str_has_suffix (lower, ".json"))
    return FALSE;
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &n, NULL, NULL))
    return FALSE;
  head[n] = '\0';
  /* The first "format" member is the document's own: a bundle's plans,
   * which are plan documents too, come after its "format": "duan8-bundle". */
  {
    const char *format = strstr (head, "\"format\"");
    if (format == NULL)
      return FALSE;
    format += strlen ("\"format\"");
    while (*format == ' ' || *format == '\t' || *format == '\r' || *format == '\n'
           || *format == ':')
      format++;
    return g_str_has_prefix (format, "\"duan8-plan\"");
  }
}

typedef struct
{
  D8Store *store;
  GSettings *settings;
  GObject *receiver; /* weak */
  GCallback imported;
} Choose;

static void
choose_free (Choose *choose)
{
  g_clear_object (&choose->store);
  g_clear_object (&choose->settings);
  g_clear_weak_pointer (&choose->receiver);
  g_free (choose);
}

static void
choose_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    Choose          *choose)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      D8PlanImportDialog *dialog = d8_plan_import_dialog_new (parent, choose->store, file);

      d8_ui_remember_folder (choose->settings, FOLDER_KEY, file);
      if (choose->receiver != NULL && choose->imported != NULL)
        g_signal_connect_object (dialog, "imported", choose->imported, choose->receiver,
                                 G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  choose_free (choose);
  g_object_unref (chooser);
}

void
d8_plan_import_choose_file (GtkWindow *parent,
                            D8Store   *store,
                            GSettings *settings,
                            GObject   *receiver,
                            GCallback  imported)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  Choose *choose = g_new0 (Choose, 1);

  g_return_if_fail (D8_IS_STORE (store));

  gtk_file_filter_set_name (filter, _("Plan files and tables"));
  gtk_file_filter_add_mime_type (filter, D8_PLAN_MIME_TYPE);
  gtk_file_filter_add_pattern (filter, "*" D8_PLAN_FILE_SUFFIX);
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "xlsx");
  chooser = d8_ui_open_chooser_new (parent, _("Import Plan"), filter);
  d8_ui_set_remembered_folder (GTK_FILE_CHOOSER (chooser), settings, FOLDER_KEY);

  choose->store = g_object_ref (store);
  choose->settings = settings ? g_object_ref (settings) : NULL;
  g_set_weak_pointer (&choose->receiver, receiver);
  choose->imported = imported;
  g_signal_connect (chooser, "response", G_CALLBACK (choose_response_cb), choose);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GtkWidget *
d8_plan_import_dialog_get_mapping (D8PlanImportDialog *self)
{
  g_return_val_if_fail (D8_IS_PLAN_IMPORT_DIALOG (self), NULL);
  return GTK_WIDGET (self->mapping);
}
