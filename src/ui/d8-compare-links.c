/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-compare-links.c — matching one indicator across plans by hand (see
 * d8-compare-links.h). The choices start at the comparison's own matching
 * (links, else codes); only the ones changed become links. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-compare-links.h"

typedef struct
{
  GtkDropDown *choice; /* NULL: nothing to choose for this plan */
  GArray *ids;         /* gint64: the indicators the choice lists */
  guint current;       /* the position matched now; GTK_INVALID_LIST_POSITION for none */
} PlanChoice;

struct _D8CompareLinksDialog
{
  AdwWindow parent_instance;

  D8Store *store;
  gint64 indicator_id; /* the indicator in the first plan that has it */
  GArray *choices;     /* PlanChoice, one per plan of the comparison */
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (D8CompareLinksDialog, d8_compare_links_dialog, ADW_TYPE_WINDOW)

static void
clear_choice (gpointer data)
{
  g_clear_pointer (&((PlanChoice *) data)->ids, g_array_unref);
}

GtkDropDown *
d8_compare_links_dialog_get_choice (D8CompareLinksDialog *self, guint plan)
{
  g_return_val_if_fail (D8_IS_COMPARE_LINKS_DIALOG (self), NULL);
  g_return_val_if_fail (plan < self->choices->len, NULL);

  return g_array_index (self->choices, PlanChoice, plan).choice;
}

gboolean
d8_compare_links_dialog_apply (D8CompareLinksDialog *self, GError **error)
{
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (D8IndicatorLink));

  g_return_val_if_fail (D8_IS_COMPARE_LINKS_DIALOG (self), FALSE);

  for (guint p = 0; p < self->choices->len; p++)
    {
      const PlanChoice *c = &g_array_index (self->choices, PlanChoice, p);
      guint chosen = c->choice ? gtk_drop_down_get_selected (c->choice) : GTK_INVALID_LIST_POSITION;

      if (chosen != GTK_INVALID_LIST_POSITION && chosen != c->current && chosen < c->ids->len)
        {
          D8IndicatorLink link = { self->indicator_id, g_array_index (c->ids, gint64, chosen) };
          g_array_append_val (links, link);
        }
    }
  if (links->len == 0)
    return TRUE;
  return d8_store_link_indicators_all (self->store, links, error);
}

static void
apply_clicked_cb (D8CompareLinksDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!d8_compare_links_dialog_apply (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* One row: a plan, and which of its indicators of @kind is the one. */
static GtkWidget *
make_row (D8CompareLinksDialog *self, const D8Overview *ov, D8IndicatorKind kind, int matched,
          gboolean is_source, PlanChoice *choice)
{
  g_autofree char *title = g_strdup_printf ("%d · %s", ov->plan->year, ov->plan->doc_number);
  GtkWidget *row = adw_action_row_new ();
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ov->plan->title);
  choice->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  choice->current = GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < ov->indicators->len; i++)
    {
      const D8Indicator *indicator = ov->indicators->pdata[i];
      g_autofree char *name = NULL;

      if (indicator->kind != kind)
        continue;
      if ((int) i == matched)
        choice->current = choice->ids->len;
      name = g_strdup_printf ("%s. %s", indicator->code, indicator->name_vi);
      gtk_string_list_append (names, name);
      g_array_append_val (choice->ids, indicator->id);
    }
  if (is_source || choice->ids->len == 0)
    {
      const D8Indicator *indicator = matched >= 0 ? ov->indicators->pdata[matched] : NULL;
      g_autofree char *text = indicator ? g_strdup_printf ("%s. %s", indicator->code,
                                                           indicator->name_vi)
                                        : g_strdup (_("No indicator of this kind"));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      return row;
    }
  choice->choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (choice->choice), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (choice->choice), 320, -1);
  gtk_drop_down_set_selected (choice->choice, choice->current);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice->choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (choice->choice));
  return row;
}

GtkWidget *
d8_compare_links_dialog_new (GtkWindow *parent, D8Store *store, const D8PlanCompare *compare,
                             guint indicator)
{
  D8CompareLinksDialog *self;
  const D8CompareIndicator *ind;
  GtkWidget *content, *header, *cancel, *apply, *page, *group;
  g_autofree char *group_title = NULL;
  int source = -1;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  g_return_val_if_fail (compare != NULL && indicator < compare->indicators->len, NULL);

  ind = compare->indicators->pdata[indicator];
  self = g_object_new (D8_TYPE_COMPARE_LINKS_DIALOG, "modal", TRUE, "transient-for", parent,
                       "default-width", 820, "default-height", 520,
                       /* Translators: the title of the window matching an indicator across plans */
                       "title", _("Match Indicator"), NULL);
  self->store = g_object_ref (store);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  apply = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (apply, "clicked", G_CALLBACK (apply_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), apply);

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  /* Translators: %s is an indicator, e.g. "2. Đối thoại chính sách" */
  {
    g_autofree char *subject = g_strdup_printf ("%s. %s", ind->code, ind->name);
    group_title = g_strdup_printf (_("Indicator %s in each plan"), subject);
  }
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), group_title);
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (group),
      _("Where a plan numbers or words its indicators differently, choose the indicator that "
        "is this one. The choice is kept, and every comparison follows it."));
  g_array_set_size (self->choices, d8_plan_compare_n_plans (compare));
  for (guint p = 0; p < d8_plan_compare_n_plans (compare); p++)
    {
      gboolean is_source = source < 0 && ind->index[p] >= 0;

      if (is_source)
        {
          const D8Overview *ov = compare->overviews->pdata[p];
          source = (int) p;
          self->indicator_id = ((D8Indicator *) ov->indicators->pdata[ind->index[p]])->id;
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 make_row (self, compare->overviews->pdata[p], ind->kind,
                                           ind->index[p], is_source,
                                           &g_array_index (self->choices, PlanChoice, p)));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);
  adw_window_set_content (ADW_WINDOW (self), content);
  return GTK_WIDGET (self);
}

static void
d8_compare_links_dialog_finalize (GObject *object)
{
  D8CompareLinksDialog *self = D8_COMPARE_LINKS_DIALOG (object);

  g_clear_object (&self->store);
  g_array_unref (self->choices);
  G_OBJECT_CLASS (d8_compare_links_dialog_parent_class)->finalize (object);
}

static void
d8_compare_links_dialog_class_init (D8CompareLinksDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = d8_compare_links_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
d8_compare_links_dialog_init (D8CompareLinksDialog *self)
{
  self->choices = g_array_new (FALSE, TRUE, sizeof (PlanChoice));
  g_array_set_clear_func (self->choices, clear_choice);
}
