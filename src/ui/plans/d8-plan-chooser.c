/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-chooser.c — the plan chooser of the sidebar header (see
 * d8-plan-chooser.h): a flat GtkDropDown over a GtkStringList of the plans'
 * positions; the button shows the number and the year, the list adds the
 * title. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "d8-plan-chooser.h"
#include "d8-plan-draft.h"
#include "d8-ui-util.h"

struct _D8PlanChooser
{
  GtkWidget parent_instance;

  GtkDropDown *dropdown;
  D8Store *store;
  GPtrArray *plans; /* D8Plan*, newest first */
  gint64 plan_id;
  gboolean filling;
  /* the store's plans generation when the list was read; the list is read
   * again only when it moves (a new entry emits "changed" too) */
  guint64 generation;
  guint n_reads; /* for tests: how many times the plans were read */
};

G_DEFINE_FINAL_TYPE (D8PlanChooser, d8_plan_chooser, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PLAN_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const D8Plan *
plan_of_item (D8PlanChooser *self,
              GtkListItem   *item)
{
  const char *position = gtk_string_object_get_string (gtk_list_item_get_item (item));
  guint i = (guint) atoi (position);

  return self->plans != NULL && i < self->plans->len ? g_ptr_array_index (self->plans, i) : NULL;
}

static char *
plan_heading (const D8Plan *plan)
{
  /* a draft has no number yet: it is marked by its status's word */
  if (plan->is_draft || plan->doc_number == NULL)
    /* Translators: a draft plan in the plan chooser: "Draft" · its year */
    return g_strdup_printf (_("%s · %d"), d8_plan_status_to_label (D8_PLAN_STATUS_DRAFT),
                            plan->year);
  /* Translators: a plan in the plan chooser: its document number · its year */
  return g_strdup_printf (_("%s · %d"), plan->doc_number, plan->year);
}

/* The button is the drop-down's arrow alone: the sidebar's title beside
 * it names the plan shown. */
static void
button_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, NULL);
}

static void
button_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                D8PlanChooser            *self)
{
}

static void
list_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  /* One line each: a wrapped label in a list measures badly; the whole
   * title is in the tooltip. */
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 48);
  gtk_label_set_width_chars (GTK_LABEL (title), 36);
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (item, box);
}

static void
list_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              D8PlanChooser            *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  const D8Plan *plan = plan_of_item (self, item);
  g_autofree char *heading = NULL;

  if (plan == NULL)
    return;
  heading = plan_heading (plan);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), heading);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), plan->title);
  d8_ui_set_tooltip_text (box, plan->title);
}

static void
select_current (D8PlanChooser *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->plans != NULL && i < self->plans->len; i++)
    if (((const D8Plan *) g_ptr_array_index (self->plans, i))->id == self->plan_id)
      position = i;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->dropdown, position);
  self->filling = FALSE;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const D8Plan *pa = *(const D8Plan *const *) a;
  const D8Plan *pb = *(const D8Plan *const *) b;

  if (pa->year != pb->year)
    return pb->year - pa->year;
  if (g_strcmp0 (pa->issued_on, pb->issued_on) != 0)
    return -g_strcmp0 (pa->issued_on, pb->issued_on);
  return pb->id > pa->id ? 1 : pb->id < pa->id ? -1 : 0;
}

static void
reload (D8PlanChooser *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) positions = NULL;
  GPtrArray *plans;

  self->generation = d8_store_get_plans_generation (self->store);
  self->n_reads++;
  positions = gtk_string_list_new (NULL);
  plans = d8_store_list_plans (self->store, &error);
  if (plans == NULL)
    {
      g_warning ("Could not list the plans: %s", error->message);
      return;
    }
  g_ptr_array_sort (plans, newest_first);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  self->plans = plans;
  for (guint i = 0; i < plans->len; i++)
    {
      char position[16];
      g_snprintf (position, sizeof position, "%u", i);
      gtk_string_list_append (positions, position);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (positions));
  self->filling = FALSE;
  select_current (self);
}

/* The store changed: the plans only when their generation moved. */
static void
store_changed_cb (D8PlanChooser *self)
{
  if (d8_store_get_plans_generation (self->store) != self->generation)
    reload (self);
}

static void
selected_cb (D8PlanChooser *self)
{
  guint position = gtk_drop_down_get_selected (self->dropdown);
  const D8Plan *plan;

  if (self->filling || self->plans == NULL || position >= self->plans->len)
    return;
  plan = g_ptr_array_index (self->plans, position);
  if (plan->id == self->plan_id)
    return;
  self->plan_id = plan->id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_ID]);
}

void
d8_plan_chooser_set_store (D8PlanChooser *self,
                           D8Store       *store)
{
  g_return_if_fail (D8_IS_PLAN_CHOOSER (self));
  g_return_if_fail (D8_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

void
d8_plan_chooser_set_plan_id (D8PlanChooser *self,
                             gint64         plan_id)
{
  g_return_if_fail (D8_IS_PLAN_CHOOSER (self));

  if (self->plan_id == plan_id)
    return;
  self->plan_id = plan_id;
  select_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_ID]);
}

gint64
d8_plan_chooser_get_plan_id (D8PlanChooser *self)
{
  g_return_val_if_fail (D8_IS_PLAN_CHOOSER (self), 0);
  return self->plan_id;
}

guint
d8_plan_chooser_get_n_plans (D8PlanChooser *self)
{
  g_return_val_if_fail (D8_IS_PLAN_CHOOSER (self), 0);
  return self->plans ? self->plans->len : 0;
}

const D8Plan *
d8_plan_chooser_get_plan (D8PlanChooser *self,
                          guint          position)
{
  g_return_val_if_fail (D8_IS_PLAN_CHOOSER (self), NULL);
  if (self->plans == NULL || position >= self->plans->len)
    return NULL;
  return g_ptr_array_index (self->plans, position);
}

void
d8_plan_chooser_select (D8PlanChooser *self,
                        guint          position)
{
  g_return_if_fail (D8_IS_PLAN_CHOOSER (self));
  gtk_drop_down_set_selected (self->dropdown, position);
}

void
d8_plan_chooser_popup (D8PlanChooser *self)
{
  GtkWidget *popover;

  g_return_if_fail (D8_IS_PLAN_CHOOSER (self));
  popover = d8_plan_chooser_get_popover (self);
  if (popover != NULL)
    gtk_popover_popup (GTK_POPOVER (popover));
}

GtkWidget *
d8_plan_chooser_get_popover (D8PlanChooser *self)
{
  g_return_val_if_fail (D8_IS_PLAN_CHOOSER (self), NULL);

  /* GTK 4.8's drop-down has no call to open it: its popover is a child. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;
  return NULL;
}

static void
d8_plan_chooser_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  D8PlanChooser *self = D8_PLAN_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PLAN_ID:
      g_value_set_int64 (value, self->plan_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_plan_chooser_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  D8PlanChooser *self = D8_PLAN_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PLAN_ID:
      d8_plan_chooser_set_plan_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
d8_plan_chooser_dispose (GObject *object)
{
  D8PlanChooser *self = D8_PLAN_CHOOSER (object);

  g_clear_pointer ((GtkWidget **) &self->dropdown, gtk_widget_unparent);
  G_OBJECT_CLASS (d8_plan_chooser_parent_class)->dispose (object);
}

static void
d8_plan_chooser_finalize (GObject *object)
{
  D8PlanChooser *self = D8_PLAN_CHOOSER (object);

  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (d8_plan_chooser_parent_class)->finalize (object);
}

static void
d8_plan_chooser_class_init (D8PlanChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = d8_plan_chooser_get_property;
  object_class->set_property = d8_plan_chooser_set_property;
  object_class->dispose = d8_plan_chooser_dispose;
  object_class->finalize = d8_plan_chooser_finalize;

  properties[PROP_PLAN_ID] =
    g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "d8-plan-chooser");
}

static void
d8_plan_chooser_init (D8PlanChooser *self)
{
  GtkListItemFactory *button = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (button_setup_cb), NULL);
  g_signal_connect_object (button, "bind", G_CALLBACK (button_bind_cb), self, 0);
  g_signal_connect (list, "setup", G_CALLBACK (list_setup_cb), NULL);
  g_signal_connect_object (list, "bind", G_CALLBACK (list_bind_cb), self, 0);

  self->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_factory (self->dropdown, button);
  gtk_drop_down_set_list_factory (self->dropdown, list);
  g_object_unref (button);
  g_object_unref (list);
  gtk_widget_add_css_class (GTK_WIDGET (self->dropdown), "flat");
  d8_ui_set_tooltip_text (GTK_WIDGET (self->dropdown), _("Switch Plan"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Plan"), -1);
  g_signal_connect_object (self->dropdown, "notify::selected", G_CALLBACK (selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (self->dropdown), GTK_WIDGET (self));
}

GtkWidget *
d8_plan_chooser_new (void)
{
  return g_object_new (D8_TYPE_PLAN_CHOOSER, NULL);
}

guint
d8_plan_chooser_get_n_reads (D8PlanChooser *self)
{
  g_return_val_if_fail (D8_IS_PLAN_CHOOSER (self), 0);
  return self->n_reads;
}
