/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-window-private.h — what the files of the main window share: the
 * instance structure and the functions that set up its actions
 * (d8-window-actions.c) and its drag and drop (d8-window-dnd.c). Nothing
 * outside d8-window*.c includes this. */
#pragma once

#include "d8-charts-page.h"
#include "d8-plan-chooser.h"
#include "d8-province-page.h"
#include "d8-reports-page.h"
#include "d8-sidebar.h"
#include "d8-unit-page.h"
#include "d8-window.h"

G_BEGIN_DECLS

struct _D8Window
{
  AdwApplicationWindow parent_instance;

  /* template children */
  GtkButton *back_button;
  GtkToggleButton *charts_button;
  GtkWidget *content_box;
  AdwHeaderBar *content_header;
  GtkMenuButton *menu_button;
  AdwWindowTitle *content_title;
  AdwLeaflet *leaflet;
  GtkButton *new_entry_button;
  GtkButton *office_button;
  D8ProvincePage *province_page;
  GtkToggleButton *reports_button;
  D8ReportsPage *reports_page;
  GtkSearchBar *search_bar;
  GtkToggleButton *search_button;
  GtkSearchEntry *search_entry;
  GtkWidget *sidebar_box;
  AdwWindowTitle *sidebar_title;
  D8PlanChooser *plan_chooser;
  GtkStack *stack;
  AdwToastOverlay *toast_overlay;
  GtkListView *unit_list;
  GtkWidget *search_empty;

  /* made when the charts are first shown (NULL until then); owned by the
   * stack */
  D8ChartsPage *charts_page;
  /* the first-run office question, made by d8_window_ask_office() when
   * the database was never asked; owned by content_box */
  GtkWidget *office_prompt;
  /* the unit page, made when a unit is first shown (NULL until then);
   * owned by the stack */
  D8UnitPage *unit_page;
  /* the page of an error, made by show_error() (NULL until then); owned
   * by the stack */
  AdwStatusPage *error_page;
  /* the keyboard shortcuts window, made when first shown
   * (win.show-help-overlay; NULL until then); owned, hidden on close */
  GtkWindow *shortcuts_window;

  /* owned */
  D8Sidebar *sidebar; /* drives unit_list, which owns it */
  D8Store *store;
  GSettings *settings; /* NULL when the schema is not installed */
  D8Overview *overview;
  char *unit_code; /* NULL: the whole province */
  char *as_of;     /* ISO date the figures are for; NULL: today */

  gint64 plan_id;

  /* plans received in bundles (d8-window-received.c) */
  guint64 plans_generation; /* the store's, when the plans were last listed */
  gint64 max_plan_seen;     /* the highest plan id listed so far */
  guint received_idle;      /* the pending look at the plans, 0 when none */
};

/* Installs the window's actions (win.new-entry, win.print …). */
void _d8_window_class_actions_init (D8WindowClass *klass);
/* Sets up what the actions need on a new window (the primary menu made
 * when first opened); dispose drops the keyboard shortcuts window. */
void _d8_window_actions_init (D8Window *self);
void _d8_window_actions_dispose (D8Window *self);
/* Enables the actions that depend on what is shown. */
void _d8_window_actions_update (D8Window *self);
/* Lets bundles and plans be dropped on the window. */
void _d8_window_dnd_init (D8Window *self);
/* Import Plan…: the file chooser, then the plan's preview (d8-window-dnd.c). */
void _d8_window_choose_plan_file (D8Window *self);

/* The reporting cycle's actions: win.show-reports, win.submit-report,
 * win.official-report, win.export-table (reports/d8-window-reports.c). */
void _d8_window_class_reports_init (D8WindowClass *klass);
/* Enables the reporting actions that depend on the office and the plan. */
void _d8_window_reports_actions_update (D8Window *self);
/* Whether the Reports view is the content shown. */
gboolean _d8_window_showing_reports (D8Window *self);
/* Reads the Reports view again when it is shown. */
void _d8_window_reports_refresh (D8Window *self);
/* FALSE, with the core's message in a toast, when an approved report
 * locks @entry (edit and delete refuse it before any dialog opens). */
gboolean _d8_window_check_entry_unlocked (D8Window *self, const D8Entry *entry);
/* d8-window-received.c: offers to switch to a plan that arrived (a toast
 * with "Switch", win.switch-plan). init once the store is set; dispose
 * drops a pending look. */
void _d8_window_received_init (D8Window *self);
void _d8_window_received_dispose (D8Window *self);
void _d8_window_switch_plan_action (GtkWidget *widget, const char *action_name,
                                    GVariant *parameter);

/* The position of the unit @code in the overview, -1 when none. */
int _d8_window_find_unit_index (D8Window *self, const char *code);
/* Shows @text as a toast over the window's content. */
void _d8_window_toast (D8Window *self, const char *text);

G_END_DECLS
