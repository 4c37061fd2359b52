/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-mapping.c — the Mapping tab of the plan import preview (see
 * d8-plan-mapping.h).
 *
 * One combo row per column and per unit row. Each combo's items are
 * strings for people; a parallel array holds the value each item stands
 * for in the maps (NULL for "automatic"). The units of the database are one
 * string list shared by every unit row, so a 135-row table does not make
 * 135 copies of it. A choice changes a map and asks for the preview again
 * from an idle: the preview rebuilds this tab, and a combo row must not be
 * destroyed inside its own signal.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-entry.h"
#include "d8-plan-mapping.h"
#include "d8-ui-util.h"

struct _D8PlanMapping
{
  GtkBox parent_instance;

  D8Store *store;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *units_group;
  GtkLabel *file_label; /* what the last Open/Save Mapping… did */
  GPtrArray *column_rows; /* AdwComboRow*, borrowed from the groups */
  GPtrArray *unit_rows;
  GHashTable *column_map; /* header text → value */
  GHashTable *unit_map;   /* row name → value */
  GPtrArray *unit_values; /* char* (NULL first): the values of the shared unit list */
  GtkStringList *unit_names;
  gboolean filling;
  gboolean disposed; /* a file chooser may answer after the tab is gone */
  guint changed_idle;
};

G_DEFINE_FINAL_TYPE (D8PlanMapping, d8_plan_mapping, GTK_TYPE_BOX)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

#define VALUES_KEY "d8-mapping-values"
#define KEY_KEY "d8-mapping-key"

static gboolean
emit_changed_cb (gpointer data)
{
  D8PlanMapping *self = data;

  self->changed_idle = 0;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
queue_changed (D8PlanMapping *self)
{
  if (self->changed_idle == 0 && !self->disposed)
    self->changed_idle = g_idle_add (emit_changed_cb, self);
}

static void
set_choice (GHashTable *map, const char *key, const char *value)
{
  if (value == NULL)
    g_hash_table_remove (map, key);
  else
    g_hash_table_insert (map, g_strdup (key), g_strdup (value));
}

static void
selected_cb (AdwComboRow *row, GParamSpec *pspec, D8PlanMapping *self)
{
  GPtrArray *values = g_object_get_data (G_OBJECT (row), VALUES_KEY);
  const char *key = g_object_get_data (G_OBJECT (row), KEY_KEY);
  guint selected = adw_combo_row_get_selected (row);
  GHashTable *map = values == self->unit_values ? self->unit_map : self->column_map;

  if (self->filling || values == NULL || selected >= values->len)
    return;
  set_choice (map, key, values->pdata[selected]);
  queue_changed (self);
}

static AdwComboRow *
add_combo (D8PlanMapping *self, AdwPreferencesGroup *group, const char *title,
           const char *subtitle, GListModel *model, GPtrArray *values, GHashTable *map)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  const char *current = g_hash_table_lookup (map, title);
  guint selected = 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (row, model);
  g_object_set_data_full (G_OBJECT (row), KEY_KEY, g_strdup (title), g_free);
  g_object_set_data (G_OBJECT (row), VALUES_KEY, values);
  for (guint i = 1; current != NULL && i < values->len; i++)
    if (g_strcmp0 (values->pdata[i], current) == 0)
      selected = i;
  adw_combo_row_set_selected (row, selected);
  g_signal_connect (row, "notify::selected", G_CALLBACK (selected_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void
clear_rows (D8PlanMapping *self)
{
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, self->column_rows->pdata[i]);
  for (guint i = 0; i < self->unit_rows->len; i++)
    adw_preferences_group_remove (self->units_group, self->unit_rows->pdata[i]);
  g_ptr_array_set_size (self->column_rows, 0);
  g_ptr_array_set_size (self->unit_rows, 0);
}

static const D8Indicator *
find_indicator (const D8PlanPreview *preview, const char *code)
{
  for (guint i = 0; i < preview->indicators->len; i++)
    if (g_strcmp0 (((const D8Indicator *) preview->indicators->pdata[i])->code, code) == 0)
      return preview->indicators->pdata[i];
  return NULL;
}

static gboolean
is_new_indicator (const D8PlanPreview *preview, const char *code)
{
  for (guint i = 0; preview->indicators_new != NULL && i < preview->indicators_new->len; i++)
    if (g_str_equal (preview->indicators_new->pdata[i], code))
      return TRUE;
  return FALSE;
}

/* The columns: automatic, new, ignored, then the indicators of the plan
 * copied from (not those the table itself adds). Each row owns its lists. */
static void
fill_columns (D8PlanMapping *self, const D8PlanPreview *preview, gboolean have_from)
{
  for (guint h = 0; h < preview->table_headers->len; h++)
    {
      const char *header = preview->table_headers->pdata[h];
      const char *code = h < preview->header_codes->len ? preview->header_codes->pdata[h] : "";
      const D8Indicator *ind = *code ? find_indicator (preview, code) : NULL;
      g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
      GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *subtitle = NULL;
      AdwComboRow *row;

      if (ind != NULL)
        /* Translators: what a column of the table maps to: an indicator's code and name */
        subtitle = g_strdup_printf (_("Indicator %s: %s"), ind->code, ind->name_vi);
      else
        subtitle = g_strdup (_("Ignored: its cells are not read"));
      gtk_string_list_append (names, _("As found"));
      g_ptr_array_add (values, NULL);
      gtk_string_list_append (names, _("A new indicator"));
      g_ptr_array_add (values, g_strdup ("+"));
      gtk_string_list_append (names, _("Ignore this column"));
      g_ptr_array_add (values, g_strdup ("-"));
      for (guint i = 0; have_from && i < preview->indicators->len; i++)
        {
          const D8Indicator *choice = preview->indicators->pdata[i];
          g_autofree char *label = NULL;

          if (is_new_indicator (preview, choice->code)
              || d8_indicator_kind_counts_women (choice->kind))
            continue;
          label = g_strdup_printf ("%s · %s", choice->code, choice->name_vi);
          gtk_string_list_append (names, label);
          g_ptr_array_add (values, g_strdup (choice->code));
        }
      row = add_combo (self, self->columns_group, header, subtitle, G_LIST_MODEL (names), values,
                       self->column_map);
      g_object_set_data_full (G_OBJECT (row), "d8-mapping-owned-values", values,
                              (GDestroyNotify) g_ptr_array_unref);
      g_ptr_array_add (self->column_rows, row);
    }
}

/* The shared list of a row's choices: automatic, a new unit of each level
 * the database knows, then every unit of the database (by name and code). */
static void
ensure_unit_choices (D8PlanMapping *self)
{
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) levels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  if (self->unit_values != NULL)
    return;
  plans = d8_store_list_plans (self->store, NULL);
  for (guint p = 0; plans != NULL && p < plans->len; p++)
    {
      g_autoptr (GPtrArray) plan_units
        = d8_store_list_units (self->store, ((const D8Plan *) plans->pdata[p])->id, NULL);

      for (guint i = 0; plan_units != NULL && i < plan_units->len; i++)
        {
          const D8Unit *unit = plan_units->pdata[i];

          if (!g_hash_table_add (seen, g_strdup (unit->code)))
            continue;
          g_ptr_array_add (names, g_strdup_printf ("%s (%s)", unit->name, unit->code));
          g_ptr_array_add (codes, g_strdup (unit->code));
          if (unit->level != NULL && !g_ptr_array_find_with_equal_func (levels, unit->level,
                                                                        g_str_equal, NULL))
            g_ptr_array_add (levels, g_strdup (unit->level));
        }
    }
  if (!g_ptr_array_find_with_equal_func (levels, "commune", g_str_equal, NULL))
    g_ptr_array_add (levels, g_strdup ("commune"));

  self->unit_values = g_ptr_array_new_with_free_func (g_free);
  self->unit_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->unit_names, _("As found"));
  g_ptr_array_add (self->unit_values, NULL);
  for (guint l = 0; l < levels->len; l++)
    {
      /* Translators: a choice for a row of the table; %s is a level such as commune */
      g_autofree char *label
        = g_strdup_printf (_("A new unit (%s)"), d8_ui_level_text (NULL, levels->pdata[l]));

      gtk_string_list_append (self->unit_names, label);
      g_ptr_array_add (self->unit_values, g_strdup_printf ("+%s", (const char *) levels->pdata[l]));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->unit_names,
                          g_list_model_get_n_items (G_LIST_MODEL (self->unit_names)), 0,
                          (const char *const *) names->pdata);
  {
    for (guint i = 0; i < codes->len; i++)
      g_ptr_array_add (self->unit_values, g_strdup (codes->pdata[i]));
  }
}

static void
fill_units (D8PlanMapping *self, const D8PlanPreview *preview)
{
  ensure_unit_choices (self);
  for (guint i = 0; i < preview->units->len; i++)
    {
      const D8PlanPreviewUnit *unit = preview->units->pdata[i];
      g_autofree char *subtitle = NULL;

      if (unit->source_label == NULL)
        continue; /* a parent the table does not list */
      switch (unit->status)
        {
        case D8_PLAN_UNIT_NEW:
          /* Translators: what a row of the table maps to: a new unit of a level */
          subtitle = g_strdup_printf (_("A new unit (%s)"),
                                      d8_ui_level_text (unit->kind, unit->level));
          break;
        case D8_PLAN_UNIT_KNOWN:
        case D8_PLAN_UNIT_CHANGED:
          /* Translators: what a row of the table maps to: a unit of the database, by name */
          subtitle = g_strdup_printf (_("%s, in the database"), unit->name);
          break;
        default:
          g_assert_not_reached ();
        }
      g_ptr_array_add (self->unit_rows,
                       add_combo (self, self->units_group, unit->source_label, subtitle,
                                  G_LIST_MODEL (self->unit_names), self->unit_values,
                                  self->unit_map));
    }
}

void
d8_plan_mapping_set_preview (D8PlanMapping *self, const D8PlanPreview *preview, gboolean has_from)
{
  g_return_if_fail (D8_IS_PLAN_MAPPING (self));

  self->filling = TRUE;
  clear_rows (self);
  if (preview != NULL && preview->table_headers != NULL)
    {
      fill_columns (self, preview, has_from);
      fill_units (self, preview);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), self->column_rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->units_group), self->unit_rows->len > 0);
  self->filling = FALSE;
}

static GHashTable *
map_or_null (GHashTable *map)
{
  return g_hash_table_size (map) > 0 ? map : NULL;
}

GHashTable *
d8_plan_mapping_get_column_map (D8PlanMapping *self)
{
  g_return_val_if_fail (D8_IS_PLAN_MAPPING (self), NULL);
  return map_or_null (self->column_map);
}

GHashTable *
d8_plan_mapping_get_unit_map (D8PlanMapping *self)
{
  g_return_val_if_fail (D8_IS_PLAN_MAPPING (self), NULL);
  return map_or_null (self->unit_map);
}

void
d8_plan_mapping_choose_column (D8PlanMapping *self, const char *header, const char *value)
{
  g_return_if_fail (D8_IS_PLAN_MAPPING (self));
  set_choice (self->column_map, header, value);
  queue_changed (self);
}

void
d8_plan_mapping_choose_unit (D8PlanMapping *self, const char *name, const char *value)
{
  g_return_if_fail (D8_IS_PLAN_MAPPING (self));
  set_choice (self->unit_map, name, value);
  queue_changed (self);
}

/* ------------------------------------------------------- mapping files */

static void
set_file_message (D8PlanMapping *self, const char *message, gboolean is_error)
{
  if (self->disposed)
    return;
  gtk_label_set_text (self->file_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->file_label), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->file_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->file_label), "error");
}

gboolean
d8_plan_mapping_load (D8PlanMapping *self, const char *path, GError **error)
{
  g_autoptr (GHashTable) columns = NULL;
  g_autoptr (GHashTable) units = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *n_columns = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (D8_IS_PLAN_MAPPING (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!d8_plan_import_read_mapping (path, &columns, &units, &local_error))
    {
      set_file_message (self, local_error->message, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  name = g_filename_display_basename (path);
  n_columns = g_strdup_printf (ngettext ("%u column", "%u columns", g_hash_table_size (columns)),
                               g_hash_table_size (columns));
  /* Translators: after Open Mapping…: the file, then e.g. "2 columns", then
     how many rows it maps */
  message = g_strdup_printf (ngettext ("Read %s: %s and %u row.", "Read %s: %s and %u rows.",
                                       g_hash_table_size (units)),
                             name, n_columns, g_hash_table_size (units));
  set_file_message (self, message, FALSE);
  /* the file's maps become the tab's (both own their strings) */
  g_hash_table_unref (self->column_map);
  self->column_map = g_steal_pointer (&columns);
  g_hash_table_unref (self->unit_map);
  self->unit_map = g_steal_pointer (&units);
  queue_changed (self);
  return TRUE;
}

gboolean
d8_plan_mapping_save (D8PlanMapping *self, const char *path, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (D8_IS_PLAN_MAPPING (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!d8_plan_import_write_mapping (path, self->column_map, self->unit_map, &local_error))
    {
      set_file_message (self, local_error->message, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  name = g_filename_display_basename (path);
  /* Translators: after Save Mapping…; %s is the file's name */
  message = g_strdup_printf (_("Saved %s: duan8-cli import-plan --mapping reads it."), name);
  set_file_message (self, message, FALSE);
  return TRUE;
}

/* Mapping files, for Open and Save Mapping… */
static D8SaveFilter
mapping_filter (void)
{
  D8SaveFilter filter = { _("Mapping (JSON)"), "application/json", "*.json", ".json" };

  return filter;
}

static void
open_response_cb (GtkNativeDialog *dialog, int response, D8PlanMapping *self)
{
  if (response == GTK_RESPONSE_ACCEPT && !self->disposed)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        d8_plan_mapping_load (self, path, NULL); /* says how it went under the buttons */
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
open_clicked_cb (D8PlanMapping *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  D8SaveFilter kind = mapping_filter ();
  g_autoptr (GtkFileFilter) filter = d8_ui_file_filter_new (&kind);
  GtkFileChooserNative *dialog
    = d8_ui_open_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Open Mapping"),
                              filter);

  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_chosen_cb (const char *path, const char *choice, gpointer user_data)
{
  D8PlanMapping *self = D8_PLAN_MAPPING (user_data);

  /* written even when the preview was closed meanwhile: the person chose
   * the file; only the message has nowhere to go */
  d8_plan_mapping_save (self, path, NULL);
}

static void
save_clicked_cb (D8PlanMapping *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  D8SaveFilter filter = mapping_filter ();
  D8SaveOptions options = { 0 };

  options.title = _("Save Mapping");
  options.accept_label = _("_Save");
  options.current_name = _("Plan mapping");
  options.filters = &filter;
  options.n_filters = 1;
  options.require_extension = TRUE;
  d8_ui_save_dialog (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &options, save_chosen_cb,
                     g_object_ref (self), g_object_unref);
}

static void
d8_plan_mapping_dispose (GObject *object)
{
  D8PlanMapping *self = D8_PLAN_MAPPING (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->changed_idle, g_source_remove);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (d8_plan_mapping_parent_class)->dispose (object);
}

static void
d8_plan_mapping_finalize (GObject *object)
{
  D8PlanMapping *self = D8_PLAN_MAPPING (object);

  g_ptr_array_unref (self->column_rows);
  g_ptr_array_unref (self->unit_rows);
  g_hash_table_unref (self->column_map);
  g_hash_table_unref (self->unit_map);
  g_clear_pointer (&self->unit_values, g_ptr_array_unref);
  g_clear_object (&self->unit_names);
  G_OBJECT_CLASS (d8_plan_mapping_parent_class)->finalize (object);
}

static void
d8_plan_mapping_class_init (D8PlanMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = d8_plan_mapping_dispose;
  object_class->finalize = d8_plan_mapping_finalize;
  /* A choice changed: read the preview again with the maps. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
d8_plan_mapping_init (D8PlanMapping *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->column_rows = g_ptr_array_new ();
  self->unit_rows = g_ptr_array_new ();
  self->column_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->unit_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->columns_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->columns_group, _("Columns → indicators"));
  adw_preferences_group_set_description (self->columns_group,
                                         _("What each column of the table is. A column set "
                                           "aside is not read."));
  self->units_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->units_group, _("Rows → units"));
  adw_preferences_group_set_description (self->units_group,
                                         _("Which unit each row is: one of the database, or a "
                                           "new unit of the level you choose."));
  /* The mapping as a file: to use again next year, or with
   * duan8-cli import-plan --mapping. */
  {
    GtkWidget *files = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open Mapping…"));
    GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Mapping…"));

    gtk_widget_set_tooltip_text (open, _("Take the columns’ and rows’ choices from a file"));
    gtk_widget_set_tooltip_text (save, _("Keep these choices in a file, for the next table or "
                                         "for duan8-cli import-plan --mapping"));
    g_signal_connect_swapped (open, "clicked", G_CALLBACK (open_clicked_cb), self);
    g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
    gtk_widget_set_halign (buttons, GTK_ALIGN_END);
    gtk_box_append (GTK_BOX (buttons), open);
    gtk_box_append (GTK_BOX (buttons), save);
    self->file_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_wrap (self->file_label, TRUE);
    gtk_label_set_xalign (self->file_label, 1.0f);
    gtk_label_set_selectable (self->file_label, TRUE);
    gtk_widget_set_visible (GTK_WIDGET (self->file_label), FALSE);
    gtk_box_append (GTK_BOX (files), buttons);
    gtk_box_append (GTK_BOX (files), GTK_WIDGET (self->file_label));
    gtk_box_append (GTK_BOX (box), files);
  }
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->columns_group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->units_group));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self), scroller);
}

GtkWidget *
d8_plan_mapping_new (D8Store *store)
{
  D8PlanMapping *self;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  self = g_object_new (D8_TYPE_PLAN_MAPPING, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
