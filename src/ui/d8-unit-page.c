/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-unit-page.c — one unit: progress per indicator and its entries.
 *
 * The page is rebuilt from the window's overview whenever the store
 * changes. Its buttons name window actions (win.edit-entry,
 * win.delete-entry with the entry's uuid, win.new-entry), so the page holds
 * no state beyond what it shows.
 *
 * Entries are shown ENTRIES_PAGE at a time, newest first: a unit with
 * 200,000 entries (a merged province database) would otherwise build as
 * many rows before the page could appear. "Show More" reads the next ones.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "d8-entry.h"
#include "d8-format.h"
#include "d8-lock-badge.h"
#include "d8-ui-util.h"
#include "d8-unit-page.h"

#include <adwaita.h>

struct _D8UnitPage
{
  GtkWidget parent_instance;

  /* template children */
  GtkWidget *empty_box;
  AdwPreferencesGroup *entries_group;
  GtkLabel *error_label;
  AdwPreferencesGroup *indicators_group;
  GtkLabel *kind_label;
  GtkWidget *more_box;
  GtkLabel *more_label;
  GtkLabel *name_label;
  GtkLevelBar *overall_bar;
  GtkLabel *overall_label;
  GtkWidget *scroller;

  GPtrArray *indicator_rows; /* AdwActionRow*, owned by indicators_group */
  GPtrArray *entry_rows;     /* AdwActionRow*, owned by entries_group */

  /* What the entry rows come from, to read more of them. */
  D8Store *store;
  GPtrArray *indicators; /* D8Indicator*, the overview's array, referenced */
  gint64 plan_id;
  gint64 unit_id;
  gint64 n_entries; /* in the store, for this unit */
};

#define ENTRIES_PAGE 50

G_DEFINE_FINAL_TYPE (D8UnitPage, d8_unit_page, GTK_TYPE_WIDGET)

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
create_level_bar (double      completion,
                  const char *percent)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0.0, 1.0);
  g_autofree char *description = NULL;

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), isnan (completion) ? 0.0 : CLAMP (completion, 0.0, 1.0));
  gtk_widget_set_size_request (bar, 96, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  /* Translators: accessible description of a progress bar; %s is a percentage */
  description = g_strdup_printf (_("Completion %s"), percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return bar;
}

static char *
indicator_subtitle (const D8Cell      *cell,
                    const D8Indicator *ind)
{
  const char *count_unit = ind->count_unit ? ind->count_unit : "";
  g_autofree char *achieved = d8_format_count (cell->achieved);

  if (d8_indicator_kind_counts_women (ind->kind))
    {
      g_autofree char *target = ind->has_target ? d8_format_percent (ind->target / 100.0, 0)
                                                : g_strdup ("–");
      if (cell->group_size <= 0)
        /* Translators: percent indicator with nothing recorded; %s is the target, e.g. "80 %" */
        return g_strdup_printf (_("Nothing recorded yet · target %s"), target);
      else
        {
          g_autofree char *group = d8_format_count (cell->group_size);
          /* Translators: percent indicator, e.g. "Reached 12 of 20 women · target 80 %" */
          return g_strdup_printf (_("Reached %s of %s women · target %s"), achieved, group, target);
        }
    }

  if (!cell->has_quota)
    {
      if (cell->achieved > 0)
        /* Translators: e.g. "No quota in the plan · achieved 2 tổ" */
        return g_strdup_printf (_("No quota in the plan · achieved %s %s"), achieved, count_unit);
      return g_strdup (_("No quota in the plan"));
    }
  else
    {
      g_autofree char *quota = d8_format_count (cell->quota);
      g_autofree char *remaining = d8_format_count (MAX (cell->quota - cell->achieved, 0));

      /* Translators: e.g. "Quota 4 tổ · achieved 2 · remaining 2"; the second %s
         is the unit of count from the plan ("tổ", "cuộc", "cán bộ") */
      return g_strdup_printf (_("Quota %s %s · achieved %s · remaining %s"),
                              quota, count_unit, achieved, remaining);
    }
}

static GtkWidget *
create_indicator_row (const D8Cell      *cell,
                      const D8Indicator *ind)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *percent_label;
  GtkWidget *status_label;
  g_autofree char *title = d8_ui_indicator_label (ind);
  g_autofree char *subtitle = indicator_subtitle (cell, ind);
  g_autofree char *percent = d8_format_percent (cell->completion, 0);
  g_autofree char *tooltip = d8_ui_cell_tooltip (cell, ind);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  d8_ui_set_tooltip_text (row, tooltip);

  percent_label = gtk_label_new (percent);
  gtk_label_set_width_chars (GTK_LABEL (percent_label), 5);
  gtk_label_set_xalign (GTK_LABEL (percent_label), 1.0f);
  gtk_widget_add_css_class (percent_label, "numeric");

  gtk_box_append (GTK_BOX (top), create_level_bar (cell->completion, percent));
  gtk_box_append (GTK_BOX (top), percent_label);

  status_label = gtk_label_new (d8_status_to_label (cell->status));
  gtk_widget_add_css_class (status_label, "d8-cell");
  gtk_widget_add_css_class (status_label, "d8-status-chip");
  gtk_widget_add_css_class (status_label, "caption");
  gtk_widget_set_halign (status_label, GTK_ALIGN_END);
  d8_ui_set_status_class (status_label, cell->status);

  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (suffix), top);
  gtk_box_append (GTK_BOX (suffix), status_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  return row;
}

static GtkWidget *
create_icon_button (const char *icon_name,
                    const char *tooltip,
                    const char *action_name,
                    const char *uuid)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  d8_ui_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (uuid));
  return button;
}

static GtkWidget *
create_entry_row (const D8Entry     *entry,
                  const D8Indicator *ind)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = d8_format_date (entry->date);
  g_autofree char *title = NULL;
  g_autofree char *amount = NULL;
  g_autoptr (GString) subtitle = g_string_new (NULL);

  if (ind != NULL)
    title = g_strdup_printf ("%s · %s. %s", date, ind->code, ind->name_vi);
  else
    title = g_strdup (date);

  if (ind != NULL && d8_indicator_kind_counts_women (ind->kind))
    {
      g_autofree char *reached = d8_format_count (entry->reached);
      g_autofree char *group = d8_format_count (entry->group_size);
      /* Translators: an entry of the percent indicator, e.g. "12 of 20 women reached" */
      amount = g_strdup_printf (_("%s of %s women reached"), reached, group);
    }
  else
    {
      g_autofree char *count = d8_format_count (entry->amount);
      amount = g_strdup_printf ("%s %s", count, ind && ind->count_unit ? ind->count_unit : "");
    }
  g_string_append (subtitle, amount);
  if (entry->place != NULL && *entry->place != '\0')
    g_string_append_printf (subtitle, " · %s", entry->place);
  if (entry->note != NULL && *entry->note != '\0')
    g_string_append_printf (subtitle, " · %s", entry->note);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (ind != NULL)
    d8_ui_set_tooltip_text (row, ind->name_vi);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_icon_button ("document-edit-symbolic", _("Edit Entry"),
                                                 "win.edit-entry", entry->uuid));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_icon_button ("user-trash-symbolic", _("Delete Entry"),
                                                 "win.delete-entry", entry->uuid));
  return row;
}

static const D8Indicator *
find_indicator (GPtrArray *indicators,
                gint64     id)
{
  for (guint i = 0; i < indicators->len; i++)
    {
      const D8Indicator *ind = g_ptr_array_index (indicators, i);
      if (ind->id == id)
        return ind;
    }
  return NULL;
}

static void
show_entries_error (D8UnitPage   *self,
                    const GError *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_set_visible (self->empty_box, FALSE);
  gtk_widget_set_visible (self->more_box, FALSE);
}

/* Reads the next page of entries and adds their rows. */
static void
append_entries (D8UnitPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = d8_store_list_entries_range (
    self->store, self->plan_id, self->unit_id, 0, FALSE, self->entry_rows->len, ENTRIES_PAGE,
    &error);
  gint64 shown;

  if (entries == NULL)
    {
      show_entries_error (self, error);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const D8Entry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = create_entry_row (entry, find_indicator (self->indicators,
                                                                entry->indicator_id));
      GtkWidget *lock = d8_lock_badge_new_for_entry (self->store, entry);

      /* An entry an approved report locks shows a padlock saying which. */
      if (lock != NULL)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), lock);

      adw_preferences_group_add (self->entries_group, row);
      g_ptr_array_add (self->entry_rows, row);
    }
  shown = self->entry_rows->len;
  gtk_widget_set_visible (self->empty_box, shown == 0);
  gtk_widget_set_visible (self->more_box, shown < self->n_entries);
  if (shown < self->n_entries)
    {
      g_autofree char *a = d8_format_count (shown);
      g_autofree char *b = d8_format_count (self->n_entries);
      /* Translators: under a unit's entries; "Showing 50 of 2,345 entries" */
      g_autofree char *text = g_strdup_printf (ngettext ("Showing %s of %s entry",
                                                         "Showing %s of %s entries",
                                                         (gulong) self->n_entries),
                                               a, b);

      gtk_label_set_text (self->more_label, text);
    }
}

static void
more_clicked_cb (D8UnitPage *self)
{
  if (self->store != NULL)
    append_entries (self);
}

void
d8_unit_page_set_unit (D8UnitPage *self,
                       D8Store    *store,
                       D8Overview *ov,
                       guint       unit_index)
{
  const D8Unit *unit;
  g_autofree char *overall = NULL;
  g_autofree char *description = NULL;
  g_autoptr (GError) error = NULL;
  double unit_overall;

  g_return_if_fail (D8_IS_UNIT_PAGE (self));
  g_return_if_fail (D8_IS_STORE (store));
  g_return_if_fail (ov != NULL);
  g_return_if_fail (unit_index < ov->units->len);

  unit = g_ptr_array_index (ov->units, unit_index);
  unit_overall = ov->unit_overall[unit_index];
  overall = d8_format_percent (unit_overall, 0);

  gtk_label_set_text (self->name_label, unit->name);
  gtk_label_set_text (self->kind_label, unit->kind ? unit->kind : "");
  gtk_label_set_text (self->overall_label, overall);
  gtk_level_bar_set_value (self->overall_bar,
                           isnan (unit_overall) ? 0.0 : CLAMP (unit_overall, 0.0, 1.0));
  /* Translators: accessible description of a progress bar; %s is a percentage */
  description = g_strdup_printf (_("Overall completion %s"), overall);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overall_bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  clear_rows (self->indicators_group, self->indicator_rows);
  for (guint i = 0; i < ov->indicators->len; i++)
    {
      GtkWidget *row = create_indicator_row (d8_overview_cell (ov, unit_index, i),
                                             g_ptr_array_index (ov->indicators, i));
      adw_preferences_group_add (self->indicators_group, row);
      g_ptr_array_add (self->indicator_rows, row);
    }

  clear_rows (self->entries_group, self->entry_rows);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  self->indicators = g_ptr_array_ref (ov->indicators);
  self->plan_id = ov->plan->id;
  self->unit_id = unit->id;
  self->n_entries = d8_store_count_entries (store, self->plan_id, self->unit_id, 0, FALSE, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->n_entries < 0)
    show_entries_error (self, error);
  else
    append_entries (self);
}

guint
d8_unit_page_get_n_entries (D8UnitPage *self)
{
  g_return_val_if_fail (D8_IS_UNIT_PAGE (self), 0);
  return self->entry_rows->len;
}

static GtkWidget *
row_at (GPtrArray *rows, guint index)
{
  return index < rows->len ? g_ptr_array_index (rows, index) : NULL;
}

GtkWidget *
d8_unit_page_get_indicator_row (D8UnitPage *self,
                                guint       indicator_index)
{
  g_return_val_if_fail (D8_IS_UNIT_PAGE (self), NULL);
  return row_at (self->indicator_rows, indicator_index);
}

static void
d8_unit_page_dispose (GObject *object)
{
  D8UnitPage *self = D8_UNIT_PAGE (object);

  g_clear_pointer (&self->indicator_rows, g_ptr_array_unref);
  g_clear_pointer (&self->entry_rows, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), D8_TYPE_UNIT_PAGE);

  G_OBJECT_CLASS (d8_unit_page_parent_class)->dispose (object);
}

static void
d8_unit_page_class_init (D8UnitPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_unit_page_dispose;

  d8_ui_ensure_style ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-unit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, D8UnitPage, empty_box);
  gtk_widget_class_bind_template_child (widget_class, D8UnitPage, entries_group);
  gtk_widget_class_bind_template_child (widget_class, D8UnitPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, D8UnitPage, indicators_group);
  gtk_widget_class_bind_template_child (widget_class, D8UnitPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, D8UnitPage, more_box);
  gtk_widget_class_bind_template_child (widget_class, D8UnitPage, more_label);
  /* Reachable by tests through gtk_widget_get_template_child(). */
  gtk_widget_class_bind_template_child_full (widget_class, "more_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, D8UnitPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, D8UnitPage, overall_bar);
  gtk_widget_class_bind_template_child (widget_class, D8UnitPage, overall_label);
  gtk_widget_class_bind_template_child (widget_class, D8UnitPage, scroller);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "d8-unit-page");
}

static void
d8_unit_page_init (D8UnitPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->indicator_rows = g_ptr_array_new ();
  self->entry_rows = g_ptr_array_new ();
}

GtkWidget *
d8_unit_page_get_entry_row (D8UnitPage *self,
                            guint       index)
{
  g_return_val_if_fail (D8_IS_UNIT_PAGE (self), NULL);
  return row_at (self->entry_rows, index);
}

GtkWidget *
d8_unit_page_new (void)
{
  return g_object_new (D8_TYPE_UNIT_PAGE, NULL);
}
