/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-province-page.c — the whole province on one page.
 *
 * A matrix of units × indicators (achieved/quota, coloured and labelled by
 * status; d8-province-matrix.c, a recycling view with the units grouped
 * under their parents), the totals, the plan's stated totals as written,
 * and the allocation check: where the units' quotas do not add up to the
 * stated total the difference is shown, never corrected.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "d8-format.h"
#include "d8-province-matrix.h"
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
  GtkFlowBox *legend_box;
  GtkColumnView *matrix;
  GtkWidget *matrix_heading;
  GtkToggleButton *expand_button;
  GtkLevelBar *overall_bar;
  GtkLabel *overall_label;
  GtkWidget *scroller;
  GtkLabel *title_label;
  GtkLabel *amended_label;

  D8Overview *overview;   /* a reference of its own, for the as-of popover */
  GtkCalendar *calendar;  /* in the as-of popover */
  GtkBox *report_box;     /* its buttons: today and the plan's reporting dates */
  gboolean setting_date;

  D8ProvinceMatrix *rows; /* drives the matrix, which owns it */
};

G_DEFINE_FINAL_TYPE (D8ProvincePage, d8_province_page, GTK_TYPE_WIDGET)

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
  /* at least about five characters wide: style.css, .d8-legend */
  d8_ui_set_status_class (label, status);
  if (tooltip != NULL)
    d8_ui_set_tooltip_text (label, tooltip);
  return label;
}

/* The allocation check below the matrix: a sentence per indicator whose
 * units' quotas do not add up to the plan's total (the matrix shows the
 * gap itself in its last row). */
static void
rebuild_allocation (D8ProvincePage *self,
                    D8Overview     *ov)
{
  gboolean any = FALSE;

  d8_ui_remove_all_children (GTK_WIDGET (self->allocation_box));
  for (guint i = 0; i < ov->indicators->len; i++)
    {
      const D8Indicator *ind = g_ptr_array_index (ov->indicators, i);
      gint64 stated, allocated, difference;
      g_autofree char *stated_s = NULL;
      g_autofree char *allocated_s = NULL;
      g_autofree char *difference_s = NULL;
      g_autofree char *line = NULL;
      GtkWidget *label;

      if (!d8_overview_allocation (ov, i, &stated, &allocated, &difference) || difference == 0)
        continue;
      any = TRUE;
      stated_s = d8_format_count (stated);
      allocated_s = d8_format_count (allocated);
      difference_s = d8_format_count (ABS (difference));
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
                  create_label (any ? _("Totals are shown as the plan writes them; a difference is not assigned to any unit.")
                                    : _("Every allocated indicator adds up to the plan total."),
                                0.0f, "dim-label"));
}

static void
rebuild_legend (D8ProvincePage *self)
{
  static const D8Status statuses[] = {
    D8_STATUS_OVER, D8_STATUS_DONE, D8_STATUS_ON_TRACK, D8_STATUS_BEHIND,
    D8_STATUS_NOT_STARTED, D8_STATUS_NO_QUOTA,
  };
  GtkWidget *child;

  /* The chips wrap (a flow box), so their line is never wider than the
   * widest chip: with the button that opens every group beside it, one
   * line of chips made the page 900-1,100 px wide at least, which folded the
   * window at 1280 px. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box))) != NULL)
    gtk_flow_box_remove (self->legend_box, child);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_flow_box_append (self->legend_box,
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

/**
 * d8_province_page_set_overview:
 * @self: a province page
 * @ov: the figures
 *
 * Shows @ov with the units in one flat list.
 */
void
d8_province_page_set_overview (D8ProvincePage *self,
                               D8Overview     *ov)
{
  d8_province_page_set_figures (self, ov, NULL);
}

/**
 * d8_province_page_set_figures:
 * @self: a province page
 * @ov: the figures (a reference is kept by the matrix)
 * @rollup: (nullable) (transfer full): the units grouped by parent, with
 *   subtotals; NULL or a single group shows one flat list
 *
 * Shows @ov. The matrix keeps its rows, and its groups open or shut, when
 * only the figures changed.
 */
void
d8_province_page_set_figures (D8ProvincePage *self,
                              D8Overview     *ov,
                              D8Rollup       *rollup)
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

  gtk_widget_set_visible (GTK_WIDGET (self->expand_button),
                          rollup != NULL && d8_rollup_is_grouped (rollup));
  d8_province_matrix_set_figures (self->rows, ov, rollup);
  if (gtk_toggle_button_get_active (self->expand_button))
    d8_province_matrix_set_expanded (self->rows, TRUE);
  rebuild_allocation (self, ov);
  rebuild_legend (self);
}

void
d8_province_page_set_amended (D8ProvincePage *self,
                              const char     *label)
{
  g_return_if_fail (D8_IS_PROVINCE_PAGE (self));

  gtk_label_set_text (self->amended_label, label != NULL ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->amended_label), label != NULL);
}

static void
expand_toggled_cb (D8ProvincePage *self)
{
  d8_province_matrix_set_expanded (self->rows, gtk_toggle_button_get_active (self->expand_button));
}

/**
 * d8_province_page_dup_cell_text:
 * @self: a province page
 * @unit_index: a unit's index in the overview
 * @indicator_index: an indicator's index
 *
 * Returns: (transfer full) (nullable): the text of the matrix cell of that
 *   unit × indicator, scrolled into view or not; NULL when there is none.
 */
char *
d8_province_page_dup_cell_text (D8ProvincePage *self,
                                guint           unit_index,
                                guint           indicator_index)
{
  g_return_val_if_fail (D8_IS_PROVINCE_PAGE (self), NULL);
  return d8_province_matrix_dup_cell_text (self->rows, unit_index, indicator_index);
}

/**
 * d8_province_page_get_n_matrix_rows:
 * @self: a province page
 *
 * Returns: the rows of the matrix now (units of open groups, groups, totals).
 */
guint
d8_province_page_get_n_matrix_rows (D8ProvincePage *self)
{
  g_return_val_if_fail (D8_IS_PROVINCE_PAGE (self), 0);
  return d8_province_matrix_get_n_rows (self->rows);
}

/**
 * d8_province_page_describe_cell:
 * @self: the page
 * @unit_index: index into the overview's units
 * @indicator_index: index into its indicators
 *
 * What the page shows for one unit × indicator, read from the widget that
 * shows it (NULL while its row is scrolled out of view): its
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
    D8_STATUS_ON_TRACK, D8_STATUS_DONE, D8_STATUS_OVER,
  };
  GtkWidget *cell = d8_province_matrix_get_shown_cell (self->rows, unit_index, indicator_index);
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
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, expand_button);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, matrix_heading);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, issued_label);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, issuer_label);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, matrix);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, overall_bar);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, overall_label);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, D8ProvincePage, amended_label);

  gtk_widget_class_bind_template_callback (widget_class, expand_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "d8-province-page");
}

static void
d8_province_page_init (D8ProvincePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Tooltips are set here, not in the template: GTK 4.8 asks the display
   * where the pointer is for every tooltip set (d8_ui_set_tooltip_text()). */
  d8_ui_set_tooltip_text (GTK_WIDGET (self->as_of_button),
                          _("Show the figures as they stood on another day, such as a "
                            "reporting date"));
  d8_ui_set_tooltip_text (self->matrix_heading,
                          _("Each cell shows achieved/quota. A dash means the plan gives the "
                            "unit no quota. Hover a cell for the exact figures."));
  d8_ui_set_tooltip_text (GTK_WIDGET (self->expand_button),
                          _("Open or shut every group of units"));
  /* The column view owns it: its cells call it until they are unbound. */
  self->rows = d8_province_matrix_new (self->matrix);
  g_object_set_data_full (G_OBJECT (self->matrix), "d8-matrix", self->rows, g_object_unref);
  gtk_menu_button_set_create_popup_func (self->as_of_button, create_as_of_popup, self, NULL);
}

GtkWidget *
d8_province_page_new (void)
{
  return g_object_new (D8_TYPE_PROVINCE_PAGE, NULL);
}
