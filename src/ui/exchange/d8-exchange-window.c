/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-exchange-window.c — the Exchange window (see d8-exchange-window.h).
 *
 * The template holds the three pages and their groups; the rows are made
 * here from the core's lists and made again whenever the store says it
 * changed. The buttons of the rows name window actions with what they act
 * on as target (the entry's UUID, the snapshot's name and time), so no
 * state hangs on the widgets. Every change goes through the core
 * (d8_bundle_resolve, d8_snapshot_restore).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-bundle.h"
#include "d8-exchange-rows.h"
#include "d8-exchange-window.h"
#include "d8-format.h"
#include "d8-snapshot.h"
#include "d8-ui-util.h"

typedef enum
{
  GROUP_CONFLICTS,
  GROUP_IMPORTS,
  GROUP_SNAPSHOTS,
  N_GROUPS
} Group;

struct _D8ExchangeWindow
{
  AdwPreferencesWindow parent_instance;

  /* template children */
  AdwPreferencesGroup *conflicts_group;
  AdwPreferencesGroup *imports_group;
  GtkWidget *keep_all_box;
  AdwPreferencesGroup *snapshots_group;

  D8Store *store;
  GPtrArray *rows[N_GROUPS]; /* the rows made, to remove them again */
  gboolean pending_keep_mine;  /* the question of Keep All being asked */
  char *pending_snapshot;      /* the snapshot whose restore is asked */
};

G_DEFINE_FINAL_TYPE (D8ExchangeWindow, d8_exchange_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (D8ExchangeWindow *self);

static AdwPreferencesGroup *
group_of (D8ExchangeWindow *self,
          Group             group)
{
  switch (group)
    {
    case GROUP_CONFLICTS:
      return self->conflicts_group;
    case GROUP_IMPORTS:
      return self->imports_group;
    case GROUP_SNAPSHOTS:
      return self->snapshots_group;
    case N_GROUPS:
    default:
      g_assert_not_reached ();
    }
}

static void
add_row (D8ExchangeWindow *self,
         Group             group,
         GtkWidget        *row)
{
  adw_preferences_group_add (group_of (self, group), row);
  g_ptr_array_add (self->rows[group], row);
}

static void
add_empty_row (D8ExchangeWindow *self,
               Group             group,
               const char       *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  add_row (self, group, row);
}

static void
clear_rows (D8ExchangeWindow *self,
            Group             group)
{
  for (guint i = 0; i < self->rows[group]->len; i++)
    adw_preferences_group_remove (group_of (self, group), self->rows[group]->pdata[i]);
  g_ptr_array_set_size (self->rows[group], 0);
}

/* A button at the end of a row that activates @action with @target. */
static GtkWidget *
suffix_button (const char *label,
               const char *tooltip,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  d8_ui_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GHashTable *
names_by_id (D8Store  *store,
             gboolean  units)
{
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GPtrArray) plans = d8_store_list_plans (store, NULL);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      gint64 plan_id = ((D8Plan *) plans->pdata[i])->id;
      g_autoptr (GPtrArray) list = units ? d8_store_list_units (store, plan_id, NULL)
                                         : d8_store_list_indicators (store, plan_id, NULL);

      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          gint64 id = units ? ((D8Unit *) list->pdata[j])->id : ((D8Indicator *) list->pdata[j])->id;
          const char *name = units ? ((D8Unit *) list->pdata[j])->name
                                   : ((D8Indicator *) list->pdata[j])->code;
          g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (name));
        }
    }
  return names;
}

static char *
describe_version (const D8Entry *e)
{
  g_autofree char *date = NULL, *figure = NULL;

  if (e == NULL)
    return g_strdup ("–");
  if (e->deleted)
    return g_strdup (_("deleted"));
  date = d8_format_date (e->date);
  if (e->group_size > 0)
    {
      g_autofree char *r = d8_format_count (e->reached);
      g_autofree char *g = d8_format_count (e->group_size);
      /* Translators: women reached of a group, in a conflict's description */
      figure = g_strdup_printf (_("%s of %s"), r, g);
    }
  else
    figure = d8_format_count (e->amount);
  /* Translators: a version of an entry: its figure and its date */
  return g_strdup_printf (_("%s on %s"), figure, date);
}

static GtkWidget *
conflict_row (D8ExchangeWindow *self,
              const D8Conflict *c,
              GHashTable       *units,
              GHashTable       *indicators)
{
  const D8Entry *any = c->mine ? c->mine : c->theirs;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL, *subtitle = NULL;
  g_autofree char *m = describe_version (c->mine), *t = describe_version (c->theirs);
  g_autofree char *other = c->theirs && c->theirs->origin
                             ? d8_store_describe_office_code (self->store, c->theirs->origin)
                             : g_strdup ("–");

  /* Translators: a conflict's title: the unit, then the indicator's code */
  title = g_strdup_printf (_("%s, indicator %s"),
                           any ? (const char *) g_hash_table_lookup (units, &any->unit_id) : "",
                           any ? (const char *) g_hash_table_lookup (indicators, &any->indicator_id)
                               : "");
  /* Translators: the two versions of a conflict; "(shown)" marks the one counted */
  subtitle = g_strdup_printf (_("Here: %s%s — other office (%s): %s%s"), m,
                              c->shown_is_mine ? _(" (shown)") : "", other, t,
                              c->shown_is_mine ? "" : _(" (shown)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             suffix_button (_("Keep _Mine"), _("Keep this office’s version"),
                                            "exchange.keep-mine",
                                            g_variant_new_string (c->uuid)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             suffix_button (_("Keep _Theirs"),
                                            _("Keep the other office’s version"),
                                            "exchange.keep-theirs",
                                            g_variant_new_string (c->uuid)));
  return row;
}

static void
rebuild_conflicts (D8ExchangeWindow *self)
{
  g_autoptr (GPtrArray) conflicts = d8_bundle_list_conflicts (self->store, NULL);
  g_autoptr (GHashTable) units = names_by_id (self->store, TRUE);
  g_autoptr (GHashTable) indicators = names_by_id (self->store, FALSE);
  guint n = conflicts != NULL ? conflicts->len : 0;

  clear_rows (self, GROUP_CONFLICTS);
  for (guint i = 0; i < MIN (n, D8_EXCHANGE_ROWS_SHOWN); i++)
    add_row (self, GROUP_CONFLICTS, conflict_row (self, conflicts->pdata[i], units, indicators));
  if (n > D8_EXCHANGE_ROWS_SHOWN)
    add_row (self, GROUP_CONFLICTS, d8_exchange_more_row (n - D8_EXCHANGE_ROWS_SHOWN));
  /* Keep All is offered for two conflicts or more, and is gone otherwise. */
  adw_preferences_group_set_header_suffix (self->conflicts_group,
                                           n > 1 ? self->keep_all_box : NULL);
  if (n == 0)
    add_empty_row (self, GROUP_CONFLICTS, _("No conflicts"));
}

static void
rebuild_imports (D8ExchangeWindow *self)
{
  g_autoptr (GPtrArray) log = d8_bundle_list_log (self->store, NULL);
  guint n = log != NULL ? log->len : 0;

  clear_rows (self, GROUP_IMPORTS);
  for (guint i = 0; i < MIN (n, D8_EXCHANGE_ROWS_SHOWN); i++)
    {
      const D8BundleLogEntry *e = log->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL, *subtitle = NULL;
      g_autofree char *when = d8_format_timestamp (e->imported_at);
      g_autofree char *origin = d8_store_describe_office_code (self->store, e->origin);
      g_autofree char *counts = d8_bundle_log_entry_describe (e);

      /* Translators: an imported bundle: its file, the sending office and its number */
      title = g_strdup_printf (_("%s — from %s, number %lld"), e->file_name ? e->file_name : "",
                               origin, (long long) e->sequence);
      /* Translators: when a bundle was imported, and the counts of its entries */
      subtitle = g_strdup_printf (_("Imported %s · %s"), when, counts);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_row (self, GROUP_IMPORTS, row);
    }
  if (n > D8_EXCHANGE_ROWS_SHOWN)
    add_row (self, GROUP_IMPORTS, d8_exchange_more_row (n - D8_EXCHANGE_ROWS_SHOWN));
  if (n == 0)
    add_empty_row (self, GROUP_IMPORTS, _("No bundle has been imported yet"));
}

static void
rebuild_snapshots (D8ExchangeWindow *self)
{
  g_autoptr (GPtrArray) snapshots = d8_snapshot_list (self->store, NULL);

  clear_rows (self, GROUP_SNAPSHOTS);
  for (guint i = 0; snapshots != NULL && i < snapshots->len; i++)
    {
      const D8Snapshot *s = snapshots->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      /* Translators: why a snapshot was taken: "import", "restore" */
      g_autofree char *subtitle = g_strdup_printf (_("Taken before: %s"),
                                                   g_strcmp0 (s->reason, "import") == 0
                                                     ? _("an import")
                                                     : g_strcmp0 (s->reason, "restore") == 0
                                                         ? _("a restore")
                                                         : s->reason);
      g_autofree char *when = d8_format_timestamp (s->created_at);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 suffix_button (_("_Restore…"),
                                                _("Put the database back as it was"),
                                                "exchange.restore",
                                                g_variant_new ("(ss)", s->name, s->created_at)));
      add_row (self, GROUP_SNAPSHOTS, row);
    }
  if (snapshots == NULL || snapshots->len == 0)
    add_empty_row (self, GROUP_SNAPSHOTS, _("No snapshot yet"));
}

static void
rebuild (D8ExchangeWindow *self)
{
  rebuild_conflicts (self);
  rebuild_imports (self);
  rebuild_snapshots (self);
}

static void
toast (D8ExchangeWindow *self,
       const char       *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

/* ------------------------------------------------------------- actions */

static void
resolve (D8ExchangeWindow *self,
         const char       *uuid,
         D8BundleKeep      keep)
{
  g_autoptr (GError) error = NULL;

  if (!d8_bundle_resolve (self->store, uuid, keep, &error))
    toast (self, error->message);
  else
    toast (self, _("Conflict resolved"));
  rebuild (self);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  resolve (D8_EXCHANGE_WINDOW (widget), g_variant_get_string (parameter, NULL),
           D8_BUNDLE_KEEP_MINE);
}

static void
keep_theirs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  resolve (D8_EXCHANGE_WINDOW (widget), g_variant_get_string (parameter, NULL),
           D8_BUNDLE_KEEP_THEIRS);
}

static void
keep_all_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      D8ExchangeWindow *self)
{
  g_autoptr (GError) error = NULL;
  guint n = 0;

  if (g_strcmp0 (response, "keep") != 0)
    return;
  if (!d8_bundle_resolve_all (self->store,
                              self->pending_keep_mine ? D8_BUNDLE_KEEP_MINE : D8_BUNDLE_KEEP_THEIRS,
                              &n, &error))
    toast (self, error->message);
  else
    {
      g_autofree char *count = d8_format_count (n);
      /* Translators: a notification; %s is a number of conflicts */
      g_autofree char *text = g_strdup_printf (ngettext ("%s conflict resolved",
                                                         "%s conflicts resolved", n),
                                               count);

      toast (self, text);
    }
  rebuild (self);
}

/* Keep All Mine / Keep All Theirs: one choice for every conflict, asked
 * for first, then made in one transaction. */
static void
keep_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  D8ExchangeWindow *self = D8_EXCHANGE_WINDOW (widget);
  gboolean mine = g_variant_get_boolean (parameter);
  g_autoptr (GPtrArray) conflicts = d8_bundle_list_conflicts (self->store, NULL);
  guint n = conflicts != NULL ? conflicts->len : 0;
  g_autofree char *count = d8_format_count (n);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (mine)
    /* Translators: %s is a number of entries in conflict */
    heading = g_strdup_printf (ngettext ("Keep this office’s version of %s entry?",
                                         "Keep this office’s version of all %s entries?", n),
                               count);
  else
    /* Translators: %s is a number of entries in conflict */
    heading = g_strdup_printf (ngettext ("Keep the other office’s version of %s entry?",
                                         "Keep the other office’s version of all %s entries?", n),
                               count);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The same choice is made for every entry in conflict, all "
                                     "at once. The versions not kept stop counting in the "
                                     "figures."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "keep",
                                    mine ? _("Keep _Mine") : _("Keep _Theirs"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  self->pending_keep_mine = mine;
  g_signal_connect_object (dialog, "response", G_CALLBACK (keep_all_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     D8ExchangeWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0 || self->pending_snapshot == NULL)
    return;
  if (!d8_snapshot_restore (self->store, self->pending_snapshot, &error))
    toast (self, error->message);
  else
    toast (self, _("Snapshot restored; the state before it was kept as a snapshot too"));
  rebuild (self);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  D8ExchangeWindow *self = D8_EXCHANGE_WINDOW (widget);
  const char *name, *created_at;
  g_autofree char *when = NULL, *body = NULL;
  GtkWidget *dialog;

  g_variant_get (parameter, "(&s&s)", &name, &created_at);
  when = d8_format_timestamp (created_at);
  body = g_strdup_printf (
    /* Translators: %s is when the snapshot was taken */
    _("The database goes back to how it was at %s. Everything recorded or imported since "
      "then is set aside in a new snapshot, so this can be undone."),
    when);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore this snapshot?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_free (self->pending_snapshot);
  self->pending_snapshot = g_strdup (name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------- GObject */

static void
d8_exchange_window_constructed (GObject *object)
{
  D8ExchangeWindow *self = D8_EXCHANGE_WINDOW (object);

  G_OBJECT_CLASS (d8_exchange_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
d8_exchange_window_dispose (GObject *object)
{
  D8ExchangeWindow *self = D8_EXCHANGE_WINDOW (object);

  if (self->conflicts_group != NULL)
    adw_preferences_group_set_header_suffix (self->conflicts_group, NULL);
  g_clear_object (&self->keep_all_box);
  gtk_widget_dispose_template (GTK_WIDGET (self), D8_TYPE_EXCHANGE_WINDOW);
  G_OBJECT_CLASS (d8_exchange_window_parent_class)->dispose (object);
}

static void
d8_exchange_window_finalize (GObject *object)
{
  D8ExchangeWindow *self = D8_EXCHANGE_WINDOW (object);

  for (guint i = 0; i < N_GROUPS; i++)
    g_clear_pointer (&self->rows[i], g_ptr_array_unref);
  g_clear_pointer (&self->pending_snapshot, g_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (d8_exchange_window_parent_class)->finalize (object);
}

static void
d8_exchange_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  D8ExchangeWindow *self = D8_EXCHANGE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_exchange_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  D8ExchangeWindow *self = D8_EXCHANGE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_exchange_window_class_init (D8ExchangeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = d8_exchange_window_constructed;
  object_class->dispose = d8_exchange_window_dispose;
  object_class->finalize = d8_exchange_window_finalize;
  object_class->get_property = d8_exchange_window_get_property;
  object_class->set_property = d8_exchange_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, D8_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-exchange-window.ui");
  gtk_widget_class_bind_template_child (widget_class, D8ExchangeWindow, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, D8ExchangeWindow, imports_group);
  gtk_widget_class_bind_template_child (widget_class, D8ExchangeWindow, keep_all_box);
  gtk_widget_class_bind_template_child (widget_class, D8ExchangeWindow, snapshots_group);

  gtk_widget_class_install_action (widget_class, "exchange.keep-mine", "s", keep_mine_action);
  gtk_widget_class_install_action (widget_class, "exchange.keep-theirs", "s", keep_theirs_action);
  gtk_widget_class_install_action (widget_class, "exchange.keep-all", "b", keep_all_action);
  gtk_widget_class_install_action (widget_class, "exchange.restore", "(ss)", restore_action);
}

static void
d8_exchange_window_init (D8ExchangeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Our own reference: the box leaves and rejoins the conflicts' header. */
  g_object_ref_sink (self->keep_all_box);
  for (guint i = 0; i < N_GROUPS; i++)
    self->rows[i] = g_ptr_array_new ();
}

GtkWidget *
d8_exchange_window_new (GtkWindow *parent,
                        D8Store   *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (D8_IS_STORE (store), NULL);

  return g_object_new (D8_TYPE_EXCHANGE_WINDOW, "transient-for", parent, "store", store, NULL);
}
