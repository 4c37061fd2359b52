/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-indicators-page.c — the indicators page of the plan editor (see
 * d8-plan-indicators-page.h). A recycling list of the indicators and a
 * form; each button is one or two store calls (d8-plan-draft.h), whose
 * refusals name the field. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-plan-draft.h"
#include "d8-plan-indicators-page.h"
#include "d8-ui-util.h"

struct _D8PlanIndicatorsPage
{
  AdwBin parent_instance;

  /* template children */
  GtkSwitch *appendix_switch;
  GtkEntry *code_entry;
  GtkEntry *count_unit_entry;
  GtkSpinButton *group_spin;
  GtkEntry *group_title_entry;
  GtkListView *indicator_list;
  AdwComboRow *kind_row;
  GtkEntry *name_en_entry;
  GtkEntry *name_vi_entry;
  GtkSpinButton *position_spin;
  GtkEntry *source_entry;
  GtkSpinButton *target_spin;
  GtkSwitch *target_switch;

  D8Store *store;
  gint64 plan_id;
  GPtrArray *indicators; /* D8Indicator*, plan order */
  GtkStringList *rows;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (D8PlanIndicatorsPage, d8_plan_indicators_page, ADW_TYPE_BIN)

enum { CHANGING, CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
report (D8PlanIndicatorsPage *self,
        const char           *text)
{
  d8_ui_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

static const D8Indicator *
selected_indicator (D8PlanIndicatorsPage *self)
{
  guint i = gtk_single_selection_get_selected (self->selection);

  return self->indicators != NULL && i < self->indicators->len
           ? g_ptr_array_index (self->indicators, i)
           : NULL;
}

static void
fill_form (D8PlanIndicatorsPage *self)
{
  const D8Indicator *indicator = selected_indicator (self);
  gboolean percent;

  if (indicator == NULL)
    return;
  percent = indicator->kind == D8_KIND_PERCENT;
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), indicator->code);
  gtk_editable_set_text (GTK_EDITABLE (self->name_vi_entry), indicator->name_vi);
  gtk_editable_set_text (GTK_EDITABLE (self->name_en_entry),
                         indicator->name_en ? indicator->name_en : "");
  gtk_editable_set_text (GTK_EDITABLE (self->count_unit_entry),
                         indicator->count_unit ? indicator->count_unit : "");
  adw_combo_row_set_selected (self->kind_row, percent ? 1 : 0);
  gtk_spin_button_set_value (self->group_spin, MAX (1, indicator->group_no));
  gtk_editable_set_text (GTK_EDITABLE (self->group_title_entry),
                         indicator->group_title ? indicator->group_title : "");
  gtk_spin_button_set_value (self->position_spin, indicator->position);
  gtk_switch_set_active (self->appendix_switch, indicator->in_appendix);
  gtk_switch_set_active (self->target_switch, percent && indicator->has_target);
  gtk_spin_button_set_value (self->target_spin, percent ? indicator->target : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->source_entry),
                         indicator->target_source ? indicator->target_source : "");
}

static void
reload (D8PlanIndicatorsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  guint selected = gtk_single_selection_get_selected (self->selection);
  GPtrArray *indicators = d8_store_list_indicators (self->store, self->plan_id, &error);

  if (indicators == NULL)
    {
      report (self, error->message);
      return;
    }
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  self->indicators = indicators;
  for (guint i = 0; i < indicators->len; i++)
    {
      const D8Indicator *indicator = indicators->pdata[i];
      g_ptr_array_add (rows, d8_ui_indicator_label (indicator));
    }
  g_ptr_array_add (rows, NULL);
  d8_ui_string_list_replace (self->rows, rows);
  if (indicators->len > 0)
    gtk_single_selection_set_selected (self->selection, MIN (selected, indicators->len - 1));
  fill_form (self);
}

/* The form's fields; the strings belong to the entries. */
static void
read_form (D8PlanIndicatorsPage *self,
           D8IndicatorFields    *fields)
{
  fields->code = gtk_editable_get_text (GTK_EDITABLE (self->code_entry));
  fields->name_vi = gtk_editable_get_text (GTK_EDITABLE (self->name_vi_entry));
  fields->name_en = gtk_editable_get_text (GTK_EDITABLE (self->name_en_entry));
  fields->count_unit = gtk_editable_get_text (GTK_EDITABLE (self->count_unit_entry));
  fields->kind = adw_combo_row_get_selected (self->kind_row) == 1 ? D8_KIND_PERCENT
                                                                   : D8_KIND_COUNT;
  fields->group_no = gtk_spin_button_get_value_as_int (self->group_spin);
  fields->position = gtk_spin_button_get_value_as_int (self->position_spin);
  fields->in_appendix = gtk_switch_get_active (self->appendix_switch);
}

/* The group's title and the extra target, after the indicator itself. */
static gboolean
write_group_and_target (D8PlanIndicatorsPage *self,
                        gint64                indicator_id,
                        const D8IndicatorFields *fields,
                        GError              **error)
{
  const char *group_title = gtk_editable_get_text (GTK_EDITABLE (self->group_title_entry));
  const char *source = gtk_editable_get_text (GTK_EDITABLE (self->source_entry));

  if (*group_title != '\0'
      && !d8_store_plan_set_group (self->store, self->plan_id, fields->group_no, group_title, error))
    return FALSE;
  if (fields->kind != D8_KIND_PERCENT)
    return TRUE;
  return d8_store_set_extra_target (self->store, self->plan_id, indicator_id,
                                    gtk_switch_get_active (self->target_switch),
                                    gtk_spin_button_get_value (self->target_spin),
                                    *source != '\0' ? source : NULL, error);
}

static void
apply_cb (D8PlanIndicatorsPage *self)
{
  g_autoptr (GError) error = NULL;
  const D8Indicator *indicator = selected_indicator (self);
  D8IndicatorFields fields = { 0 };
  gint64 id;

  if (indicator == NULL)
    return;
  id = indicator->id;
  read_form (self, &fields);
  g_signal_emit (self, signals[CHANGING], 0);
  /* the group first: an indicator may move to a group made here */
  if (write_group_and_target (self, id, &fields, &error)
      && d8_store_plan_edit_indicator (self->store, self->plan_id, id, &fields, &error))
    report (self, _("Indicator saved"));
  else
    report (self, error->message);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_cb (D8PlanIndicatorsPage *self)
{
  g_autoptr (GError) error = NULL;
  const char *group_title = gtk_editable_get_text (GTK_EDITABLE (self->group_title_entry));
  D8IndicatorFields fields = { 0 };
  gint64 id;

  read_form (self, &fields);
  g_signal_emit (self, signals[CHANGING], 0);
  if (*group_title != '\0'
      && !d8_store_plan_set_group (self->store, self->plan_id, fields.group_no, group_title,
                                   &error))
    report (self, error->message);
  else if ((id = d8_store_plan_add_indicator (self->store, self->plan_id, &fields, &error)) == 0
           || !write_group_and_target (self, id, &fields, &error))
    report (self, error->message);
  reload (self);
  if (error == NULL && self->indicators->len > 0)
    gtk_single_selection_set_selected (self->selection, self->indicators->len - 1);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
d8_plan_indicators_page_set_plan (D8PlanIndicatorsPage *self,
                                  D8Store              *store,
                                  gint64                plan_id)
{
  g_return_if_fail (D8_IS_PLAN_INDICATORS_PAGE (self));
  g_return_if_fail (D8_IS_STORE (store));

  g_set_object (&self->store, store);
  self->plan_id = plan_id;
  reload (self);
}

static void
d8_plan_indicators_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), D8_TYPE_PLAN_INDICATORS_PAGE);
  G_OBJECT_CLASS (d8_plan_indicators_page_parent_class)->dispose (object);
}

static void
d8_plan_indicators_page_finalize (GObject *object)
{
  D8PlanIndicatorsPage *self = D8_PLAN_INDICATORS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  G_OBJECT_CLASS (d8_plan_indicators_page_parent_class)->finalize (object);
}

static void
d8_plan_indicators_page_class_init (D8PlanIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = d8_plan_indicators_page_dispose;
  object_class->finalize = d8_plan_indicators_page_finalize;

  signals[CHANGING] = g_signal_new ("changing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/hoilhpn/Duan8/ui/d8-plan-indicators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, appendix_switch);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, code_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, count_unit_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, group_spin);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, group_title_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, indicator_list);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, name_en_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, name_vi_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, position_spin);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, source_entry);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, target_spin);
  gtk_widget_class_bind_template_child (widget_class, D8PlanIndicatorsPage, target_switch);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
}

static void
d8_plan_indicators_page_init (D8PlanIndicatorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = gtk_string_list_new (NULL);
  self->selection = d8_ui_text_list_setup (self->indicator_list, self->rows, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (fill_form), self,
                           G_CONNECT_SWAPPED);
}
