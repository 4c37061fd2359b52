/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-units-page.c — the units page of the plan editor (see
 * d8-plan-units-page.h).
 *
 * The list is a recycling GtkListView over a GtkStringList of the rows as
 * shown ("12. Ia Grai · xã"); the form on the right edits the unit
 * selected. Each button is one store call (d8-plan-draft.h), which checks
 * and refuses with a sentence naming the field; the page only reports it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "d8-format.h"
#include "d8-plan-draft.h"
#include "d8-plan-units-page.h"
#include "d8-text.h"
#include "d8-ui-util.h"

struct _D8PlanUnitsPage
{
  AdwBin parent_instance;

  /* template children */
  GtkEntry *kind_entry;
  GtkStringList *level_names;
  AdwComboRow *level_row;
  GtkEntry *name_entry;
  GtkTextView *names_view;
  GtkStringList *parent_names;
  AdwComboRow *parent_row;
  GtkButton *remove_button;
  GtkListView *unit_list;
  GtkEntry *valid_to_entry;

  D8Store *store;
  gint64 plan_id;
  GPtrArray *units;   /* D8Unit*, plan order */
  GPtrArray *levels;  /* char*: the stored level of each item of level_names */
  GtkStringList *rows;
  GtkSingleSelection *selection;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (D8PlanUnitsPage, d8_plan_units_page, ADW_TYPE_BIN)

enum { CHANGING, CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The levels offered; a unit of another level adds its own to the list. */
static const struct
{
  const char *level;
  const char *label;
} known_levels[] = {
  { "province", N_("Province") },
  { "district", N_("District") },
  { "commune", N_("Commune") },
};

static void
report (D8PlanUnitsPage *self,
        const char      *text)
{
  d8_ui_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

static const D8Unit *
selected_unit (D8PlanUnitsPage *self)
{
  guint i = gtk_single_selection_get_selected (self->selection);

  return self->units != NULL && i < self->units->len ? g_ptr_array_index (self->units, i) : NULL;
}

static guint
level_position (D8PlanUnitsPage *self,
                const char      *level)
{
  for (guint i = 0; i < self->levels->len; i++)
    if (g_strcmp0 (self->levels->pdata[i], level) == 0)
      return i;
  if (level == NULL)
    return 0;
  g_ptr_array_add (self->levels, g_strdup (level));
  gtk_string_list_append (self->level_names, level);
  return self->levels->len - 1;
}

static void
fill_form (D8PlanUnitsPage *self)
{
  const D8Unit *unit = selected_unit (self);
  g_autofree char *valid_to = NULL;
  guint parent = 0;

  if (unit == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), unit->name);
  gtk_editable_set_text (GTK_EDITABLE (self->kind_entry), unit->kind ? unit->kind : "");
  adw_combo_row_set_selected (self->level_row, level_position (self, unit->level));
  for (guint i = 0; i < self->units->len; i++)
    if (((const D8Unit *) self->units->pdata[i])->id == unit->parent_id)
      parent = i + 1;
  adw_combo_row_set_selected (self->parent_row, parent);
  valid_to = unit->valid_to != NULL ? d8_format_date (unit->valid_to) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->valid_to_entry), valid_to);
}

static void
selection_changed_cb (D8PlanUnitsPage *self)
{
  if (!self->filling)
    fill_form (self);
}

static void
reload (D8PlanUnitsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  guint selected = gtk_single_selection_get_selected (self->selection);
  GPtrArray *units = d8_store_list_units (self->store, self->plan_id, &error);

  if (units == NULL)
    {
      report (self, error->message);
      return;
    }
  g_clear_pointer (&self->units, g_ptr_array_unref);
  self->units = units;
  g_ptr_array_add (parents, g_strdup (_("None")));
  for (guint i = 0; i < units->len; i++)
    {
      const D8Unit *unit = units->pdata[i];
      g_autofree char *until = unit->valid_to ? d8_format_date (unit->valid_to) : NULL;

      if (until != NULL)
        /* Translators: a retired unit in the editor's list: row, name, last day */
        g_ptr_array_add (rows, g_strdup_printf (_("%u. %s (until %s)"), i + 1, unit->name, until));
      else if (unit->kind != NULL)
        /* Translators: a unit in the editor's list: row, name · kind */
        g_ptr_array_add (rows, g_strdup_printf (_("%u. %s · %s"), i + 1, unit->name, unit->kind));
      else
        g_ptr_array_add (rows, g_strdup_printf ("%u. %s", i + 1, unit->name));
      g_ptr_array_add (parents, g_strdup (unit->name));
    }
  g_ptr_array_add (rows, NULL);
  g_ptr_array_add (parents, NULL);
  self->filling = TRUE;
  d8_ui_string_list_replace (self->rows, rows);
  d8_ui_string_list_replace (self->parent_names, parents);
  gtk_single_selection_set_selected (self->selection,
                                     MIN (selected, units->len > 0 ? units->len - 1 : 0));
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button),
                            d8_store_plan_is_draft (self->store, self->plan_id));
  fill_form (self);
}

static gint64
chosen_parent (D8PlanUnitsPage *self)
{
  guint i = adw_combo_row_get_selected (self->parent_row);

  return i > 0 && i <= self->units->len ? ((const D8Unit *) self->units->pdata[i - 1])->id : 0;
}

static const char *
chosen_level (D8PlanUnitsPage *self)
{
  guint i = adw_combo_row_get_selected (self->level_row);

  return i < self->levels->len ? self->levels->pdata[i] : "commune";
}

static void
apply_cb (D8PlanUnitsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *valid_to = NULL;
  const D8Unit *unit = selected_unit (self);
  const char *until = gtk_editable_get_text (GTK_EDITABLE (self->valid_to_entry));
  gint64 id;

  if (unit == NULL)
    return;
  if (*until != '\0' && (valid_to = d8_parse_date (until, _("Exists until"), &error)) == NULL)
    {
      report (self, error->message);
      return;
    }
  id = unit->id;
  g_signal_emit (self, signals[CHANGING], 0);
  /* each a transaction of its own; the first refusal stops the rest */
  if (d8_store_rename_unit (self->store, id, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                            &error)
      && d8_store_set_unit_kind (self->store, id,
                                 gtk_editable_get_text (GTK_EDITABLE (self->kind_entry)), &error)
      && d8_store_set_unit_level (self->store, id, chosen_level (self), &error)
      && d8_store_set_unit_parent (self->store, id, chosen_parent (self), &error)
      && d8_store_retire_unit (self->store, id, valid_to, &error))
    report (self, _("Unit saved"));
  else
    report (self, error->message);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_cb (D8PlanUnitsPage *self)
{
  g_autoptr (GError) error = NULL;
  const char *kind = gtk_editable_get_text (GTK_EDITABLE (self->kind_entry));

  g_signal_emit (self, signals[CHANGING], 0);
  if (d8_store_plan_add_unit (self->store, self->plan_id,
                              gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                              chosen_level (self), chosen_parent (self),
                              *kind != '\0' ? kind : NULL, &error) == 0)
    report (self, error->message);
  reload (self);
  if (error == NULL)
    gtk_single_selection_set_selected (self->selection, self->units->len - 1);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
d8_plan_units_page_add_names (D8PlanUnitsPage *self,
                              const char      *text,
                              GError         **error)
{
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *kind = gtk_editable_get_text (GTK_EDITABLE (self->kind_entry));
  gboolean ok = TRUE;

  g_return_val_if_fail (D8_IS_PLAN_UNITS_PAGE (self), FALSE);

  /* one name a line; a pasted spreadsheet column may bring tabs and "\r" */
  lines = g_strsplit_set (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *first = g_strstrip (g_strdup (lines[i]));
      char *tab = strchr (first, '\t');
      g_autofree char *name = NULL;
      g_autofree char *key = NULL;

      if (tab != NULL)
        *tab = '\0';
      g_strstrip (first);
      if (*first == '\0')
        continue;
      name = d8_text_normalize (first, _("Name"), error);
      if (name == NULL)
        return FALSE;
      key = d8_text_name_key (name);
      if (g_hash_table_contains (seen, key))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       /* Translators: %s is a unit's name pasted twice */
                       _("“%s” is in the list twice: nothing was added."), name);
          return FALSE;
        }
      g_hash_table_add (seen, g_steal_pointer (&key));
      g_ptr_array_add (names, g_steal_pointer (&name));
    }
  if (names->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Paste or type the names of the new units, one a line."));
      return FALSE;
    }

  g_signal_emit (self, signals[CHANGING], 0);
  for (guint i = 0; i < names->len && ok; i++)
    {
      gint64 id = d8_store_plan_add_unit (self->store, self->plan_id, names->pdata[i],
                                          chosen_level (self), chosen_parent (self),
                                          *kind != '\0' ? kind : NULL, error);
      if (id == 0)
        ok = FALSE;
      else
        g_array_append_val (added, id);
    }
  /* All or nothing: a refusal takes back the units this list added (a
   * draft; an issued plan keeps them, and the message says which failed). */
  if (!ok && d8_store_plan_is_draft (self->store, self->plan_id))
    for (guint i = 0; i < added->len; i++)
      d8_store_plan_remove_unit (self->store, self->plan_id, g_array_index (added, gint64, i),
                                 NULL);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return ok;
}

static void
add_many_cb (D8PlanUnitsPage *self)
{
  g_autoptr (GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->names_view);
  g_autofree char *text = d8_ui_text_buffer_dup (buffer);
  guint before = self->units != NULL ? self->units->len : 0;

  if (!d8_plan_units_page_add_names (self, text, &error))
    {
      report (self, error->message);
      return;
    }
  {
    guint n = self->units->len - before;
    /* Translators: a toast; %u is a number of units */
    g_autofree char *done = g_strdup_printf (g_dngettext (NULL, "%u unit added", "%u units added",
                                                          n),
                                             n);
    report (self, done);
  }
  gtk_text_buffer_set_text (buffer, "", 0);
}

static void
move (D8PlanUnitsPage *self,
      int              delta)
{
  g_autoptr (GError) error = NULL;
  g_autofree gint64 *ids = NULL;
  guint i = gtk_single_selection_get_selected (self->selection);
  guint n = self->units != NULL ? self->units->len : 0;
  int j = (int) i + delta;
  gint64 swap;

  if (i >= n || j < 0 || j >= (int) n)
    return;
  ids = g_new (gint64, n);
  for (guint k = 0; k < n; k++)
    ids[k] = ((const D8Unit *) self->units->pdata[k])->id;
  swap = ids[i];
  ids[i] = ids[j];
  ids[j] = swap;
  g_signal_emit (self, signals[CHANGING], 0);
  if (!d8_store_plan_reorder_units (self->store, self->plan_id, ids, n, &error))
    report (self, error->message);
  else
    gtk_single_selection_set_selected (self->selection, (guint) j);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
move_up_cb (D8PlanUnitsPage *self)
{
  move (self, -1);
}

static void
move_down_cb (D8PlanUnitsPage *self)
{
  move (self, +1);
}

static void
remove_cb (D8PlanUnitsPage *self)
{
  g_autoptr (GError) error = NULL;
  const D8Unit *unit = selected_unit (self);

  if (unit == NULL)
    return;
  g_signal_emit (self, signals[CHANGING], 0);
  if (!d8_store_plan_remove_unit (self->store, self->plan_id, unit->id, &error))
    report (self, error->message);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
d8_plan_units_page_set_plan (D8PlanUnitsPage *self,
                             D8Store         *store,
                             gint64           plan_id)
{
  g_return_if_fail (D8_IS_PLAN_UNITS_PAGE (self));
  g_return_if_fail (D8_IS_STORE (store));

  g_set_object (&self->store, store);
  self->plan_id = plan_id;
  reload (self);
}

guint
d8_plan_units_page_get_n_units (D8PlanUnitsPage *self)
{
  g_return_val_if_fail (D8_IS_PLAN_UNITS_PAGE (self), 0);
  return self->units != NULL ? self->units->len : 0;
}

static void
d8_plan_units_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), D8_TYPE_PLAN_UNITS_PAGE);
  G_OBJECT_CLASS (d8_plan_units_page_parent_class)->dispose (object);
}

static void
d8_plan_units_page_finalize (GObject *object)
{
  D8PlanUnitsPage *self = D8_PLAN_UNITS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->levels, g_ptr_array_unref);
  G_OBJECT_CLASS (d8_plan_units_page_parent_class)->finalize (object);
}

static void
d8_plan_units_page_class_init (D8PlanUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_plan_units_page_dispose;
  object_class->finalize = d8_plan_units_page_finalize;

  signals[CHANGING] = g_signal_new ("changing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-plan-units-page.ui");
  gtk_widget_class_bind_template_child (widget_class, D8PlanUnitsPage, kind_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanUnitsPage, level_names);
  gtk_widget_class_bind_template_child (widget_class, D8PlanUnitsPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, D8PlanUnitsPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanUnitsPage, names_view);
  gtk_widget_class_bind_template_child (widget_class, D8PlanUnitsPage, parent_names);
  gtk_widget_class_bind_template_child (widget_class, D8PlanUnitsPage, parent_row);
  gtk_widget_class_bind_template_child (widget_class, D8PlanUnitsPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, D8PlanUnitsPage, unit_list);
  gtk_widget_class_bind_template_child (widget_class, D8PlanUnitsPage, valid_to_entry);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_many_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_down_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_up_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_cb);
}

static void
d8_plan_units_page_init (D8PlanUnitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->levels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (known_levels); i++)
    {
      g_ptr_array_add (self->levels, g_strdup (known_levels[i].level));
      gtk_string_list_append (self->level_names, _(known_levels[i].label));
    }
  self->rows = gtk_string_list_new (NULL);
  self->selection = d8_ui_text_list_setup (self->unit_list, self->rows, FALSE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
