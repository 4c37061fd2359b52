/* d8-ui-util.c — helpers shared by the widgets of the user interface. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "d8-format.h"
#include "d8-ui-resources.h"
#include "d8-ui-util.h"

static const D8Status all_statuses[] = {
  D8_STATUS_NO_QUOTA, D8_STATUS_NOT_STARTED, D8_STATUS_BEHIND,
  D8_STATUS_ON_TRACK, D8_STATUS_DONE,
};

void
d8_ui_ensure_style (void)
{
  static gboolean loaded = FALSE;
  g_autoptr (GtkCssProvider) provider = NULL;
  GdkDisplay *display;

  if (loaded)
    return;

  /* Referencing the resource keeps its object file (and the constructor
   * that registers it) in programs linking the static library. */
  g_assert (d8_ui_get_resource () != NULL);

  display = gdk_display_get_default ();
  if (display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/vn/hoilhpn/Duan8/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

void
d8_ui_set_status_class (GtkWidget *widget,
                        D8Status   status)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_statuses); i++)
    gtk_widget_remove_css_class (widget, d8_status_to_string (all_statuses[i]));
  gtk_widget_add_css_class (widget, d8_status_to_string (status));
}

void
d8_ui_set_tooltip_text (GtkWidget  *widget,
                        const char *text)
{
  if (gtk_widget_get_parent (widget) != NULL || !gtk_widget_get_visible (widget))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }
  /* Hidden, the widget skips the pointer query. It has no parent yet, so
   * hiding it for this moment changes nothing anyone can see. */
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, TRUE);
}

void
d8_ui_remove_all_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_BOX (container))
        gtk_box_remove (GTK_BOX (container), child);
      else if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else if (GTK_IS_FLOW_BOX (container))
        gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
      else
        g_assert_not_reached ();
    }
}

char *
d8_ui_cell_text (const D8Cell      *cell,
                 const D8Indicator *indicator)
{
  g_autofree char *achieved = d8_format_count (cell->achieved);

  if (indicator->kind == D8_KIND_PERCENT)
    {
      g_autofree char *group = NULL;
      g_autofree char *percent = NULL;

      if (cell->group_size <= 0)
        return g_strdup ("–");
      group = d8_format_count (cell->group_size);
      percent = d8_format_percent ((double) cell->achieved / (double) cell->group_size, 0);
      return g_strdup_printf ("%s/%s · %s", achieved, group, percent);
    }

  if (!cell->has_quota)
    {
      if (cell->achieved > 0)
        return g_strdup_printf ("%s/–", achieved);
      return g_strdup ("–");
    }
  else
    {
      g_autofree char *quota = d8_format_count (cell->quota);
      return g_strdup_printf ("%s/%s", achieved, quota);
    }
}

char *
d8_ui_cell_tooltip (const D8Cell      *cell,
                    const D8Indicator *indicator)
{
  g_autofree char *achieved = d8_format_count (cell->achieved);
  g_autofree char *figures = NULL;
  const char *status = d8_status_to_label (cell->status);

  if (indicator->kind == D8_KIND_PERCENT)
    {
      g_autofree char *group = d8_format_count (cell->group_size);
      g_autofree char *percent = NULL;
      g_autofree char *target = indicator->has_target
        ? d8_format_percent (indicator->target / 100.0, 0)
        : g_strdup ("–");

      percent = cell->group_size > 0
        ? d8_format_percent ((double) cell->achieved / (double) cell->group_size, 1)
        : g_strdup ("–");
      /* Translators: percent indicator; e.g. "Women reached: 12 of 20 (60 %)\nTarget: 80 %" */
      figures = g_strdup_printf (_("Women reached: %s of %s (%s)\nTarget: %s"),
                                 achieved, group, percent, target);
    }
  else if (!cell->has_quota)
    {
      /* Translators: tooltip of a cell whose unit has no quota ("-" in the plan) */
      figures = g_strdup_printf (_("No quota in the plan\nAchieved: %s %s"),
                                 achieved, indicator->count_unit ? indicator->count_unit : "");
    }
  else
    {
      g_autofree char *quota = d8_format_count (cell->quota);
      g_autofree char *percent = d8_format_percent (cell->completion, 1);
      gint64 left = MAX (cell->quota - cell->achieved, 0);
      g_autofree char *remaining = d8_format_count (left);

      /* Translators: tooltip of a progress cell; the second %s is the unit of count ("tổ", "cuộc") */
      figures = g_strdup_printf (_("Quota: %s %s\nAchieved: %s (%s)\nRemaining: %s"),
                                 quota, indicator->count_unit ? indicator->count_unit : "",
                                 achieved, percent, remaining);
    }

  /* Translators: last line of a progress tooltip, e.g. "Status: Behind" */
  return g_strdup_printf (_("%s\nStatus: %s"), figures, status);
}

char *
d8_ui_indicator_label (const D8Indicator *indicator)
{
  return g_strdup_printf ("%s. %s", indicator->code, indicator->name_vi);
}
