/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-ui-util.c — helpers shared by the widgets of the user interface. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "d8-entry.h"
#include "d8-format.h"
#include "d8-ui-resources.h"
#include "d8-ui-util.h"

static const D8Status all_statuses[] = {
  D8_STATUS_NO_QUOTA, D8_STATUS_NOT_STARTED, D8_STATUS_BEHIND,
  D8_STATUS_ON_TRACK, D8_STATUS_DONE, D8_STATUS_OVER,
};

/* "d8-role-alert" …: the CSS class of a status's colour role. */
static char *
role_class (D8Status status)
{
  return g_strconcat ("d8-role-", d8_status_role_to_string (d8_status_role (status)), NULL);
}

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

  /* The application (an AdwApplication whose resource base path is ours)
   * loads style.css itself: a second provider with the same rules would
   * double the work of styling every widget. Tests have no application. */
  {
    GApplication *app = g_application_get_default ();

    if (ADW_IS_APPLICATION (app)
        && g_strcmp0 (g_application_get_resource_base_path (app), "/vn/hoilhpn/Duan8") == 0)
      {
        loaded = TRUE;
        return;
      }
  }

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
  g_autofree char *role = role_class (status);

  for (guint i = 0; i < G_N_ELEMENTS (all_statuses); i++)
    {
      g_autofree char *other = role_class (all_statuses[i]);

      gtk_widget_remove_css_class (widget, d8_status_to_string (all_statuses[i]));
      gtk_widget_remove_css_class (widget, other);
    }
  /* The status names the widget; its role (decided in the core) colours it. */
  gtk_widget_add_css_class (widget, d8_status_to_string (status));
  gtk_widget_add_css_class (widget, role);
}

static GQuark
tooltip_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("d8-tooltip-text");
  return quark;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
d8_ui_set_tooltip_text (GtkWidget  *widget,
                        const char *text)
{
  const char *old;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;
  old = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());
  if (old == NULL && text != NULL
      && g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  if (g_strcmp0 (old, text) == 0)
    return;
  g_object_set_qdata_full (G_OBJECT (widget), tooltip_quark (), g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL || gtk_widget_get_tooltip_text (widget) != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

const char *
d8_ui_get_tooltip_text (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());
  return text != NULL ? text : gtk_widget_get_tooltip_text (widget);
}

const char *
d8_ui_level_text (const char *kind,
                  const char *level)
{
  if (kind != NULL && *kind != '\0')
    return kind;
  if (g_strcmp0 (level, "province") == 0)
    /* Translators: the level of a unit */
    return C_("level", "province");
  if (g_strcmp0 (level, "district") == 0)
    /* Translators: the level of a unit */
    return C_("level", "district");
  if (g_strcmp0 (level, "commune") == 0)
    /* Translators: the level of a unit */
    return C_("level", "commune");
  return level != NULL ? level : "";
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
  /* The same figures as the charts and the pack (the core decides them). */
  return d8_cell_format_figures (cell, indicator);
}

char *
d8_ui_cell_tooltip (const D8Cell      *cell,
                    const D8Indicator *indicator)
{
  g_autofree char *achieved = d8_format_count (cell->achieved);
  g_autofree char *figures = NULL;
  const char *status = d8_status_to_label (cell->status);

  if (d8_indicator_kind_counts_women (indicator->kind))
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

void
d8_ui_add_toast (GtkWidget *widget,
                 AdwToast  *toast)
{
  GtkWidget *overlay;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }
  root = GTK_IS_ROOT (widget) ? GTK_ROOT (widget) : gtk_widget_get_root (widget);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
      return;
    }
  if (ADW_IS_APPLICATION_WINDOW (root))
    overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (root));
  else if (ADW_IS_WINDOW (root))
    overlay = adw_window_get_content (ADW_WINDOW (root));
  if (ADW_IS_TOAST_OVERLAY (overlay))
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }
  g_debug ("No toast overlay for “%s”", adw_toast_get_title (toast));
  g_object_unref (toast); /* AdwToast is not floating */
}

char *
d8_ui_export_done_text (D8UiExport  what,
                        const char *path)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  switch (what)
    {
    case D8_UI_EXPORT_PLAN:
      /* Translators: a toast; %s is the file's name */
      return g_strdup_printf (_("Plan exported to %s"), name);
    case D8_UI_EXPORT_REPORT:
      /* Translators: a toast; %s is the file's name */
      return g_strdup_printf (_("Report saved as %s"), name);
    case D8_UI_EXPORT_TABLE:
      /* Translators: a toast; %s is the file's name */
      return g_strdup_printf (_("Table saved as %s"), name);
    case D8_UI_EXPORT_CHART:
      /* Translators: a toast; %s is the file's name */
      return g_strdup_printf (_("Chart saved as %s"), name);
    }
  g_return_val_if_reached (g_strdup (name));
}

void
d8_ui_toast_export (GtkWidget    *widget,
                    D8UiExport    what,
                    const char   *path,
                    const GError *error)
{
  g_autofree char *done = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (path != NULL);

  if (error != NULL)
    {
      d8_ui_add_toast (widget, adw_toast_new (error->message));
      return;
    }
  done = d8_ui_export_done_text (what, path);
  d8_ui_add_toast (widget, adw_toast_new (done));
}

void
d8_ui_remember_folder (GSettings  *settings,
                       const char *key,
                       GFile      *file)
{
  g_autoptr (GFile) folder = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (key != NULL);

  if (settings == NULL || file == NULL)
    return;
  folder = g_file_get_parent (file);
  path = folder ? g_file_get_path (folder) : NULL;
  if (path != NULL)
    g_settings_set_string (settings, key, path);
}

void
d8_ui_set_remembered_folder (GtkFileChooser *chooser,
                             GSettings      *settings,
                             const char     *key)
{
  g_autofree char *folder = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));
  g_return_if_fail (key != NULL);

  if (settings == NULL)
    return;
  folder = g_settings_get_string (settings, key);
  if (folder != NULL && *folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GFile) f = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (chooser, f, NULL);
    }
}

GtkFileFilter *
d8_ui_file_filter_new (const D8SaveFilter *f)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  g_return_val_if_fail (f != NULL, NULL);

  gtk_file_filter_set_name (filter, f->name);
  if (f->pattern != NULL)
    gtk_file_filter_add_pattern (filter, f->pattern);
  if (f->mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, f->mime_type);
  return filter;
}

GtkFileFilter *
d8_ui_all_files_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  return filter;
}

/* The state of one open save dialog, freed with its answer. */
typedef struct
{
  D8SaveFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
  GSettings *settings;
  char *folder_key;
  char *choice_id;
  GPtrArray *filters; /* GtkFileFilter, in the order of @extensions */
  GStrv extensions;
  gboolean require_extension;
} SaveDialog;

static void
save_dialog_free (SaveDialog *save)
{
  if (save->destroy != NULL)
    save->destroy (save->user_data);
  g_clear_object (&save->settings);
  g_free (save->folder_key);
  g_free (save->choice_id);
  g_clear_pointer (&save->filters, g_ptr_array_unref);
  g_strfreev (save->extensions);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveDialog, save_dialog_free)

char *
d8_ui_replace_extension (const char        *name,
                         const char *const *extensions,
                         const char        *chosen)
{
  g_autofree char *folded = NULL;
  gsize len;

  g_return_val_if_fail (name != NULL && chosen != NULL, NULL);

  folded = g_ascii_strdown (name, -1);
  len = strlen (name);
  for (guint i = 0; extensions != NULL && extensions[i] != NULL; i++)
    {
      gsize ext_len = strlen (extensions[i]);

      if (ext_len < len && g_str_has_suffix (folded, extensions[i]))
        {
          len -= ext_len;
          break;
        }
    }
  {
    g_autofree char *stem = g_strndup (name, len);
    return g_strconcat (stem, chosen, NULL);
  }
}

/* The extension of the filter chosen in @chooser, or NULL when it is none
 * of ours (an "All files" filter). */
static const char *
chosen_extension (SaveDialog     *save,
                  GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);

  for (guint i = 0; filter != NULL && i < save->filters->len; i++)
    if (save->filters->pdata[i] == filter)
      return save->extensions[i];
  return NULL;
}

/* @path with the extension of the filter chosen in @chooser: the chosen
 * format decides the file's type, so a name ending in another format's
 * extension ("….png" while "PDF document" is chosen) gets the chosen one. */
static char *
add_extension (SaveDialog     *save,
               GtkFileChooser *chooser,
               const char     *path)
{
  const char *extension = chosen_extension (save, chooser);
  g_autofree char *base = g_path_get_basename (path);
  gboolean known = FALSE;

  if (extension == NULL)
    extension = save->extensions[0];
  for (guint i = 0; save->extensions[i] != NULL; i++)
    if (g_str_has_suffix (path, save->extensions[i]))
      known = TRUE;
  if (extension == NULL)
    return g_strdup (path);
  if (!known && !save->require_extension && strchr (base, '.') != NULL)
    return g_strdup (path);
  return d8_ui_replace_extension (path, (const char *const *) save->extensions, extension);
}

/* Choosing another format renames the proposed file: "….png" becomes
 * "….pdf" when "PDF document" is chosen. */
static void
filter_changed_cb (GtkFileChooser *chooser,
                   GParamSpec     *pspec,
                   SaveDialog     *save)
{
  const char *extension = chosen_extension (save, chooser);
  g_autofree char *name = NULL;
  g_autofree char *renamed = NULL;

  if (extension == NULL)
    return;
  name = gtk_file_chooser_get_current_name (chooser);
  if (name == NULL || *name == '\0')
    return;
  renamed = d8_ui_replace_extension (name, (const char *const *) save->extensions, extension);
  if (g_strcmp0 (renamed, name) != 0)
    gtk_file_chooser_set_current_name (chooser, renamed);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  SaveDialog      *data)
{
  g_autoptr (SaveDialog) save = data;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file ? g_file_get_path (file) : NULL;
  if (path != NULL)
    {
      g_autofree char *with = add_extension (save, GTK_FILE_CHOOSER (dialog), path);
      const char *choice = save->choice_id ? gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog),
                                                                          save->choice_id)
                                           : NULL;
      g_autofree char *chosen = g_strdup (choice);

      d8_ui_remember_folder (save->settings, save->folder_key, file);
      gtk_native_dialog_destroy (dialog);
      save->func (with, chosen, save->user_data);
    }
  else
    gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
d8_ui_save_dialog (GtkWindow           *parent,
                   const D8SaveOptions *options,
                   D8SaveFunc           func,
                   gpointer             user_data,
                   GDestroyNotify       destroy)
{
  GtkFileChooserNative *dialog;
  SaveDialog *save;
  g_autofree char *name = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (options != NULL && options->n_filters > 0);
  g_return_if_fail (func != NULL);

  dialog = gtk_file_chooser_native_new (options->title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        options->accept_label ? options->accept_label
                                                              : _("_Export"),
                                        _("_Cancel"));
  save = g_new0 (SaveDialog, 1);
  save->func = func;
  save->user_data = user_data;
  save->destroy = destroy;
  save->settings = options->settings ? g_object_ref (options->settings) : NULL;
  save->folder_key = g_strdup (options->folder_key);
  save->require_extension = options->require_extension;
  save->filters = g_ptr_array_new_with_free_func (g_object_unref);
  save->extensions = g_new0 (char *, options->n_filters + 1);
  for (guint i = 0; i < options->n_filters; i++)
    {
      const D8SaveFilter *f = &options->filters[i];
      GtkFileFilter *filter = d8_ui_file_filter_new (f);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
      g_ptr_array_add (save->filters, filter);
      save->extensions[i] = g_strdup (f->extension);
    }
  if (options->choice != NULL)
    {
      const D8SaveChoice *c = options->choice;

      save->choice_id = g_strdup (c->id);
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), c->id, c->label,
                                   (const char **) c->option_ids,
                                   (const char **) c->option_labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), c->id, c->initial);
    }
  /* Vietnamese and punctuation stay; only what a file system forbids goes. */
  name = d8_format_file_name (options->current_name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "notify::filter", G_CALLBACK (filter_changed_cb), save);
  if (options->folder_key != NULL)
    d8_ui_set_remembered_folder (GTK_FILE_CHOOSER (dialog), options->settings,
                                 options->folder_key);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
text_row_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
text_row_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  tooltips)
{
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  if (GPOINTER_TO_INT (tooltips))
    gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

GtkSingleSelection *
d8_ui_text_list_setup (GtkListView   *view,
                       GtkStringList *rows,
                       gboolean       tooltips)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;

  g_return_val_if_fail (GTK_IS_LIST_VIEW (view), NULL);
  g_return_val_if_fail (GTK_IS_STRING_LIST (rows), NULL);

  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (rows)));
  g_signal_connect (factory, "setup", G_CALLBACK (text_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (text_row_bind_cb),
                    GINT_TO_POINTER (tooltips != FALSE));
  gtk_list_view_set_factory (view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (selection));
  return selection;
}

void
d8_ui_string_list_replace (GtkStringList *list,
                           GPtrArray     *strings)
{
  g_return_if_fail (GTK_IS_STRING_LIST (list));
  g_return_if_fail (strings != NULL && strings->len > 0
                    && strings->pdata[strings->len - 1] == NULL);

  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char *const *) strings->pdata);
}

char *
d8_ui_text_buffer_dup (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The PNG resolution an Export Chart dialog proposes, in dots per inch. */
#define CHART_DPI "150"

void
d8_ui_export_chart_dialog (GtkWidget     *widget,
                           const char    *title,
                           GSettings     *settings,
                           D8SaveFunc     func,
                           gpointer       user_data,
                           GDestroyNotify destroy)
{
  const char *const dpi_ids[] = { "96", "150", "300", NULL };
  const char *const dpi_labels[] = { _("96 dpi (screen)"), _("150 dpi"), _("300 dpi (print)"),
                                     NULL };
  const D8SaveFilter filters[] = {
    { _("PNG image"), "image/png", NULL, ".png" },
    { _("SVG drawing"), "image/svg+xml", NULL, ".svg" },
    { _("PDF document"), "application/pdf", NULL, ".pdf" },
  };
  D8SaveChoice dpi = { "dpi", _("PNG resolution"), dpi_ids, dpi_labels, CHART_DPI };
  g_autofree char *name = NULL;
  D8SaveOptions options = { 0 };

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL && func != NULL);

  name = g_strdup_printf ("%s.png", title);
  options.title = _("Export Chart");
  options.current_name = name;
  options.filters = filters;
  options.n_filters = G_N_ELEMENTS (filters);
  /* The chosen format decides the type and the suffix. */
  options.require_extension = TRUE;
  options.choice = &dpi;
  options.settings = settings;
  options.folder_key = "last-export-folder";
  d8_ui_save_dialog (GTK_WINDOW (gtk_widget_get_root (widget)), &options, func, user_data,
                     destroy);
}

double
d8_ui_export_chart_dpi (const char *choice)
{
  return g_ascii_strtod (choice != NULL ? choice : CHART_DPI, NULL);
}

GtkFileChooserNative *
d8_ui_open_chooser_new (GtkWindow     *parent,
                        const char    *title,
                        GtkFileFilter *filter)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) all = d8_ui_all_files_filter_new ();

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GTK_IS_FILE_FILTER (filter), NULL);

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                         _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}
