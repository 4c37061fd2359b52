/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-province-page.c — the whole province on one page.
 *
 * A matrix of units × indicators (achieved/quota, coloured and labelled by
 * status), the totals, the plan's stated totals as written, and the
 * allocation check: where the units' quotas do not add up to the stated
 * total the difference is shown, never corrected.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "d8-format.h"
#include "d8-province-page.h"
#include "d8-ui-util.h"

struct _D8ProvincePage
{
  GtkWidget parent_instance;

  /* template children */
  GtkBox *allocation_box;
  GtkMenuButton *as_of_button;
  GtkLabel *doc_label;
  GtkLabel *issued_label;
  GtkLabel *issuer_label;
  GtkBox *legend_box;
  GtkGrid *matrix;
  GtkLevelBar *overall_bar;
  GtkLabel *overall_label;
  GtkWidget *scroller;
  GtkLabel *title_label;

  D8Overview *overview;   /* a reference of its own, for the as-of popover */
  GtkCalendar *calendar;  /* in the as-of popover */
  GtkBox *report_box;     /* its buttons: today and the plan's reporting dates */
  gboolean setting_date;

  GPtrArray *cells; /* GtkLabel*, borrowed from the grid; units × indicators */
  guint n_indicators;
};

G_DEFINE_FINAL_TYPE (D8ProvincePage, d8_province_page, GTK_TYPE_WIDGET)

#define FIRST_INDICATOR_COLUMN 2

static GtkWidget *
create_label (const char *text,
              float       xalign,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_cell (const char *text,
             const char *tooltip,
             D8Status    status)
{
  GtkWidget *label = create_label (text, 0.5f, "d8-cell");

  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  d8_ui_set_status_class (label, status);
  if (tooltip != NULL)
    d8_ui_set_tooltip_text (label, tooltip);
  return label;
}

static GtkWidget *
create_indicator_header (const D8Indicator *indicator)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *code = create_label (indicator->code, 0.5f, "heading");
  GtkWidget *unit = create_label (indicator->count_unit ? indicator->count_unit : "", 0.5f,
                                  "caption");
  g_autofree char *tooltip = NULL;

  gtk_widget_add_css_class (unit, "dim-label");
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), unit);
  gtk_widget_add_css_class (box, "d8-column-header");

  if (indicator->group_title != NULL && *indicator->group_title != '\0')
    /* Translators: tooltip of a column header: indicator name, then its
       content group, e.g. "Nội dung 2: Nâng cao quyền năng kinh tế …" */
    tooltip = g_strdup_printf (_("%s\nContent %d: %s"), indicator->name_vi,
                               indicator->group_no, indicator->group_title);
  else
    tooltip = g_strdup (indicator->name_vi);
  d8_ui_set_tooltip_text (box, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  return box;
}

static GtkWidget *
create_unit_button (const D8Unit *unit)
{
  GtkWidget *button = gtk_button_new_with_label (unit->name);
  g_autofree char *tooltip = NULL;

  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0.0f);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "d8-unit-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-unit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_string (unit->code));
  /* Translators: tooltip of a unit name in the province matrix */
  tooltip = g_strdup_printf (_("Open the page of %s"), unit->name);
  d8_ui_set_tooltip_text (button, tooltip);
  return button;
}

static void
add_allocation_rows (D8ProvincePage *self,
                     D8Overview     *ov,
                     int             row)
{
  gboolean any = FALSE;

  for (guint i = 0; i < ov->indicators->len; i++)
    {
      gint64 stated, allocated, difference;

      if (d8_overview_allocation (ov, i, &stated, &allocated, &difference) && difference != 0)
        any = TRUE;
    }

  d8_ui_remove_all_children (GTK_WIDGET (self->allocation_box));

  if (!any)
    {
      gtk_box_append (self->allocation_box,
                      create_label (_("Every allocated indicator adds up to the plan total."),
                                    0.0f, "dim-label"));
      return;
    }

  gtk_grid_attach (self->matrix, create_label (_("Not allocated"), 0.0f, "d8-row-header"),
                   0, row, 2, 1);

  for (guint i = 0; i < ov->indicators->len; i++)
    {
      const D8Indicator *ind = g_ptr_array_index (ov->indicators, i);
      gint64 stated, allocated, difference;
      g_autofree char *stated_s = NULL;
      g_autofree char *allocated_s = NULL;
      g_autofree char *difference_s = NULL;
      g_autofree char *cell_text = NULL;
      g_autofree char *line = NULL;
      GtkWidget *label;

      if (!d8_overview_allocation (ov, i, &stated, &allocated, &difference) || difference == 0)
        continue;

      stated_s = d8_format_count (stated);
      allocated_s = d8_format_count (allocated);
      difference_s = d8_format_count (ABS (difference));

      if (difference > 0)
        /* Translators: in the province matrix, below the plan total; %s is a number */
        cell_text = g_strdup_printf (ngettext ("%s not allocated", "%s not allocated",
                                               (gulong) difference), difference_s);
      else
        /* Translators: in the province matrix, below the plan total; %s is a number */
        cell_text = g_strdup_printf (ngettext ("%s over-allocated", "%s over-allocated",
                                               (gulong) -difference), difference_s);

      label = create_label (cell_text, 0.5f, "d8-cell");
      gtk_widget_add_css_class (label, "d8-allocation-gap");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_grid_attach (self->matrix, label, FIRST_INDICATOR_COLUMN + (int) i, row, 1, 1);

      /* Translators: the allocation check, e.g. "Indicator 1: plan total 128,
         allocated to units 126, difference 2" */
      line = g_strdup_printf (_("Indicator %s: plan total %s, allocated to units %s, difference %s%s"),
                              ind->code, stated_s, allocated_s,
                              difference < 0 ? "−" : "", difference_s);
      label = create_label (line, 0.0f, NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      d8_ui_set_tooltip_text (label, ind->name_vi);
      gtk_box_append (self->allocation_box, label);
    }

  gtk_box_append (self->allocation_box,
                  create_label (_("Totals are shown as the plan writes them; a difference is not assigned to any unit."),
                                0.0f, "dim-label"));
}

static void
rebuild_matrix (D8ProvincePage *self,
                D8Overview     *ov)
{
  guint n_ind = ov->indicators->len;
  int row = 0;
  g_autofree char *target_header = NULL;

  d8_ui_remove_all_children (GTK_WIDGET (self->matrix));
  g_ptr_array_set_size (self->cells, 0);
  self->n_indicators = n_ind;

  /* Translators: header of the row-number column (Vietnamese "TT") */
  gtk_grid_attach (self->matrix, create_label (C_("row number", "No."), 0.5f, "heading"),
                   0, row, 1, 1);
  gtk_grid_attach (self->matrix, create_label (_("Unit"), 0.0f, "heading"), 1, row, 1, 1);
  for (guint i = 0; i < n_ind; i++)
    gtk_grid_attach (self->matrix,
                     create_indicator_header (g_ptr_array_index (ov->indicators, i)),
                     FIRST_INDICATOR_COLUMN + (int) i, row, 1, 1);
  row++;

  for (guint u = 0; u < ov->units->len; u++, row++)
    {
      const D8Unit *unit = g_ptr_array_index (ov->units, u);
      g_autofree char *position = g_strdup_printf ("%d", unit->position);
      GtkWidget *tt = create_label (position, 0.5f, "dim-label");

      gtk_widget_add_css_class (tt, "numeric");
      gtk_grid_attach (self->matrix, tt, 0, row, 1, 1);
      gtk_grid_attach (self->matrix, create_unit_button (unit), 1, row, 1, 1);

      for (guint i = 0; i < n_ind; i++)
        {
          const D8Indicator *ind = g_ptr_array_index (ov->indicators, i);
          const D8Cell *cell = d8_overview_cell (ov, u, i);
          g_autofree char *text = d8_ui_cell_text (cell, ind);
          g_autofree char *figures = d8_ui_cell_tooltip (cell, ind);
          g_autofree char *tooltip = g_strdup_printf ("%s — %s. %s\n%s", unit->name, ind->code,
                                                      ind->name_vi, figures);
          GtkWidget *label = create_cell (text, tooltip, cell->status);

          gtk_grid_attach (self->matrix, label, FIRST_INDICATOR_COLUMN + (int) i, row, 1, 1);
          g_ptr_array_add (self->cells, label);
        }
    }

  /* Totals over the units */
  {
    GtkWidget *sep = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

    gtk_widget_set_margin_top (sep, 3);
    gtk_widget_set_margin_bottom (sep, 3);
    gtk_grid_attach (self->matrix, sep, 0, row++, FIRST_INDICATOR_COLUMN + (int) n_ind, 1);
  }

  gtk_grid_attach (self->matrix, create_label (_("Total achieved"), 0.0f, "d8-row-header"),
                   0, row, 2, 1);
  for (guint i = 0; i < n_ind; i++)
    {
      const D8Indicator *ind = g_ptr_array_index (ov->indicators, i);
      const D8Cell *cell = &ov->totals[i];
      g_autofree char *text = d8_ui_cell_text (cell, ind);
      g_autofree char *figures = d8_ui_cell_tooltip (cell, ind);
      g_autofree char *tooltip = g_strdup_printf ("%s. %s\n%s", ind->code, ind->name_vi, figures);

      gtk_grid_attach (self->matrix, create_cell (text, tooltip, cell->status),
                       FIRST_INDICATOR_COLUMN + (int) i, row, 1, 1);
    }
  row++;

  /* Translators: row of the totals as written in the plan; %s is the plan's
     own label of that row, e.g. "Chỉ tiêu năm 2023" */
  target_header = g_strdup_printf (_("Plan total (%s)"),
                                   ov->plan->target_label ? ov->plan->target_label : "");
  gtk_grid_attach (self->matrix, create_label (target_header, 0.0f, "d8-row-header"),
                   0, row, 2, 1);
  for (guint i = 0; i < n_ind; i++)
    {
      const D8Indicator *ind = g_ptr_array_index (ov->indicators, i);
      const char *written = ind->has_target && ind->target_written ? ind->target_written : "–";
      GtkWidget *label = create_label (written, 0.5f, "d8-target");

      gtk_widget_add_css_class (label, "numeric");
      if (ind->target_source != NULL)
        {
          /* Translators: tooltip of a plan total; %s says where the plan states it */
          g_autofree char *tooltip = g_strdup_printf (_("As written in the plan (%s)"),
                                                      ind->target_source);
          d8_ui_set_tooltip_text (label, tooltip);
        }
      gtk_grid_attach (self->matrix, label, FIRST_INDICATOR_COLUMN + (int) i, row, 1, 1);
    }
  row++;

  add_allocation_rows (self, ov, row);
}

static void
rebuild_legend (D8ProvincePage *self)
{
  static const D8Status statuses[] = {
    D8_STATUS_DONE, D8_STATUS_ON_TRACK, D8_STATUS_BEHIND,
    D8_STATUS_NOT_STARTED, D8_STATUS_NO_QUOTA,
  };
  GtkWidget *child;

  /* Keep the "Legend:" label, drop the chips. */
  while ((child = gtk_widget_get_next_sibling (gtk_widget_get_first_child (GTK_WIDGET (self->legend_box)))) != NULL)
    gtk_box_remove (self->legend_box, child);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_box_append (self->legend_box,
                    create_cell (d8_status_to_label (statuses[i]), NULL, statuses[i]));
}

/* ------------------------------------------------------------ as of */

static void
day_selected_cb (D8ProvincePage *self)
{
  g_autoptr (GDateTime) day = NULL;
  g_autofree char *iso = NULL;

  if (self->setting_date)
    return;
  day = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (day, "%Y-%m-%d");
  gtk_menu_button_popdown (self->as_of_button);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-as-of", "s", iso);
}

static void
choice_clicked_cb (D8ProvincePage *self)
{
  gtk_menu_button_popdown (self->as_of_button);
}

/* A button of the as-of popover: sets the window's date to @iso ("" is
 * today) and closes the popover. */
static GtkWidget *
as_of_choice (D8ProvincePage *self, const char *label, const char *iso)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0.0f);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.set-as-of");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (iso));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (choice_clicked_cb), self);
  return button;
}

/* The popover of the as-of button, made when it opens (not at startup): a
 * calendar on the current date, then today and the plan's reporting dates. */
static void
create_as_of_popup (GtkMenuButton *button, gpointer data)
{
  D8ProvincePage *self = data;
  D8Overview *ov = self->overview;
  g_autoptr (GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = d8_date_today ();
  int y = 0, m = 0, d = 0;

  if (self->calendar == NULL)
    {
      GtkWidget *popover = gtk_popover_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      self->calendar = GTK_CALENDAR (gtk_calendar_new ());
      g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
      self->report_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->report_box));
      gtk_popover_set_child (GTK_POPOVER (popover), box);
      gtk_menu_button_set_popover (button, popover);
    }
  if (ov == NULL)
    return;

  /* Today first: its date is given as "" so the window keeps following
   * the calendar. */
  g_ptr_array_add (dates, g_strdup (""));
  g_ptr_array_add (labels, g_strdup (C_("as of", "Today")));
  d8_plan_report_dates (ov->plan, dates, labels);
  d8_ui_remove_all_children (GTK_WIDGET (self->report_box));
  for (guint i = 0; i < dates->len; i++)
    {
      const char *iso = dates->pdata[i];
      g_autofree char *date = d8_format_date (*iso != '\0' ? iso : today);
      /* Translators: in the as-of popover: "Today (29/11/2026)" or a reporting
         date of the plan, "6-month report (10/06/2023)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), (char *) labels->pdata[i], date);

      gtk_box_append (self->report_box, as_of_choice (self, label, iso));
    }

  if (ov->as_of != NULL && sscanf (ov->as_of, "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr (GDateTime) day = g_date_time_new_local (y, m, d, 12, 0, 0);

      self->setting_date = TRUE;
      if (day != NULL)
        gtk_calendar_select_day (self->calendar, day);
      self->setting_date = FALSE;
    }
}

void
d8_province_page_set_overview (D8ProvincePage *self,
                               D8Overview     *ov)
{
  g_autofree char *issued = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *overall = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (D8_IS_PROVINCE_PAGE (self));
  g_return_if_fail (ov != NULL);

  issued = d8_format_date (ov->plan->issued_on ? ov->plan->issued_on : "");
  as_of = d8_format_date (ov->as_of ? ov->as_of : "");
  overall = d8_format_percent (ov->province_overall, 0);

  gtk_label_set_text (self->title_label, ov->plan->title ? ov->plan->title : "");
  gtk_label_set_text (self->doc_label, ov->plan->doc_number ? ov->plan->doc_number : "");
  gtk_label_set_text (self->issuer_label, ov->plan->issuer ? ov->plan->issuer : "");
  gtk_label_set_text (self->issued_label, issued);
  gtk_menu_button_set_label (self->as_of_button, as_of);
  d8_overview_ref (ov);
  g_clear_pointer (&self->overview, d8_overview_unref);
  self->overview = ov;
  gtk_label_set_text (self->overall_label, overall);
  gtk_level_bar_set_value (self->overall_bar,
                           isnan (ov->province_overall) ? 0.0
                                                        : CLAMP (ov->province_overall, 0.0, 1.0));
  /* Translators: accessible description of a progress bar; %s is a percentage */
  description = g_strdup_printf (_("Province completion %s"), overall);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overall_bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  rebuild_matrix (self, ov);
  rebuild_legend (self);
}

GtkWidget *
d8_province_page_get_cell (D8ProvincePage *self,
                           guint           unit_index,
                           guint           indicator_index)
{
  guint i;

  g_return_val_if_fail (D8_IS_PROVINCE_PAGE (self), NULL);

  if (indicator_index >= self->n_indicators)
    return NULL;
  i = unit_index * self->n_indicators + indicator_index;
  return i < self->cells->len ? g_ptr_array_index (self->cells, i) : NULL;
}

/**
 * d8_province_page_describe_cell:
 * @self: the page
 * @unit_index: index into the overview's units
 * @indicator_index: index into its indicators
 *
 * What the page shows for one unit × indicator, read from the widget: its
 * figures, " — ", and the word of the status its colour stands for (from
 * the status class the widget carries). The consistency test compares this
 * with the pack, the charts and the CLI; keep it reading the widget when
 * the matrix changes.
 *
 * Returns: (transfer full) (nullable): e.g. "3/4 — On track", or NULL
 *   when there is no such cell.
 */
char *
d8_province_page_describe_cell (D8ProvincePage *self,
                                guint           unit_index,
                                guint           indicator_index)
{
  static const D8Status statuses[] = {
    D8_STATUS_NO_QUOTA, D8_STATUS_NOT_STARTED, D8_STATUS_BEHIND,
    D8_STATUS_ON_TRACK, D8_STATUS_DONE,
  };
  GtkWidget *cell = d8_province_page_get_cell (self, unit_index, indicator_index);
  const char *word = "";

  if (cell == NULL || !GTK_IS_LABEL (cell))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (gtk_widget_has_css_class (cell, d8_status_to_string (statuses[i])))
      word = d8_status_to_label (statuses[i]);
  return g_strdup_printf ("%s — %s", gtk_label_get_text (GTK_LABEL (cell)), word);
}

static void
d8_province_page_dispose (GObject *object)
{
  D8ProvincePage *self = D8_PROVINCE_PAGE (object);

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->overview, d8_overview_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), D8_TYPE_PROVINCE_PAGE);

  G_OBJECT_CLASS (d8_province_page_parent_class)->dispose (object);
}

static void
d8_province_page_class_init (D8ProvincePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_province_page_dispose;

  d8_ui_ensure_style ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-province-page.ui");
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, allocation_box);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, doc_label);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, issued_label);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, issuer_label);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, matrix);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, overall_bar);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, overall_label);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, title_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "d8-province-page");
}

static void
d8_province_page_init (D8ProvincePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cells = g_ptr_array_new ();
  gtk_menu_button_set_create_popup_func (self->as_of_button, create_as_of_popup, self, NULL);
}

GtkWidget *
d8_province_page_new (void)
{
  return g_object_new (D8_TYPE_PROVINCE_PAGE, NULL);
}
