/* d8-ui-util.h — small helpers shared by the widgets of the user interface:
 * resources and style, status classes, and the text of a progress cell.
 * Not a class; everything here is internal to the ui layer. */
#pragma once

#include <gtk/gtk.h>

#include "d8-progress.h"

G_BEGIN_DECLS

/* Registers the ui resources and loads style.css for the default display,
 * once. AdwApplication loads style.css itself too; loading it twice is
 * harmless, and this lets widgets used outside the application (tests)
 * look the same. */
void d8_ui_ensure_style (void);

/* Puts exactly one status class ("no-quota", "behind" …) on @widget. */
void d8_ui_set_status_class (GtkWidget *widget, D8Status status);

/* gtk_widget_set_tooltip_text() for a widget being built. GTK 4.8 asks
 * where the pointer is after setting a visible widget's tooltip, a round
 * trip to the X server each time; a widget without a parent cannot be
 * under the pointer, so for it the question is skipped. The accessible
 * description is set as gtk_widget_set_tooltip_text() sets it. */
void d8_ui_set_tooltip_text (GtkWidget *widget, const char *text);

/* Removes every child of a GtkBox, GtkGrid, GtkListBox or GtkFlowBox. */
void d8_ui_remove_all_children (GtkWidget *container);

/* "4/6", "–" (no quota), "12/20 · 60 %" (percent indicators). */
char *d8_ui_cell_text (const D8Cell *cell, const D8Indicator *indicator);

/* Exact figures and the status in words, for tooltips. */
char *d8_ui_cell_tooltip (const D8Cell *cell, const D8Indicator *indicator);

/* "1. Thành lập …" */
char *d8_ui_indicator_label (const D8Indicator *indicator);

G_END_DECLS
