/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-window-received.c — a plan that arrives in a bundle (issue 12 item 6):
 * the window offers to switch to it, with a toast and its "Switch" button,
 * instead of staying on the old plan without a word or switching under the
 * person's feet.
 *
 * The window remembers the highest plan id it has seen. When the store's
 * plans generation moves, the plans are listed (once, in an idle, after
 * whoever imported has had its say: Import Plan… switches by itself) and
 * each plan above that id that is not the one shown is offered.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-window-private.h"

static gint64
max_plan_id (GPtrArray *plans)
{
  gint64 max = 0;

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    max = MAX (max, ((const D8Plan *) plans->pdata[i])->id);
  return max;
}

static void
offer_plan (D8Window     *self,
            const D8Plan *plan)
{
  /* Translators: a toast when a bundle brought a plan; %s is its document
     number, %d its year, e.g. "Plan received: 25/KH-UBND (2026)" */
  g_autofree char *title = g_strdup_printf (_("Plan received: %s (%d)"), plan->doc_number,
                                            plan->year);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Switch"));
  adw_toast_set_action_name (toast, "win.switch-plan");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (plan->id));
  adw_toast_set_timeout (toast, 0); /* it waits for an answer */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
check_received_cb (gpointer data)
{
  D8Window *self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  gint64 seen = self->max_plan_seen;

  self->received_idle = 0;
  self->plans_generation = d8_store_get_plans_generation (self->store);
  plans = d8_store_list_plans (self->store, &error);
  if (plans == NULL)
    {
      g_warning ("Could not list the plans: %s", error->message);
      return G_SOURCE_REMOVE;
    }
  for (guint i = 0; i < plans->len; i++)
    {
      const D8Plan *plan = plans->pdata[i];

      if (plan->id > seen && plan->id != self->plan_id)
        offer_plan (self, plan);
    }
  self->max_plan_seen = MAX (seen, max_plan_id (plans));
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (D8Window *self)
{
  if (d8_store_get_plans_generation (self->store) == self->plans_generation
      || self->received_idle != 0)
    return;
  self->received_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, check_received_cb,
                                         g_object_ref (self), g_object_unref);
}

void
_d8_window_received_init (D8Window *self)
{
  g_autoptr (GPtrArray) plans = d8_store_list_plans (self->store, NULL);

  self->plans_generation = d8_store_get_plans_generation (self->store);
  self->max_plan_seen = max_plan_id (plans);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_d8_window_received_dispose (D8Window *self)
{
  g_clear_handle_id (&self->received_idle, g_source_remove);
}

/* win.switch-plan(x): the "Switch" of the toast. */
void
_d8_window_switch_plan_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  D8Window *self = D8_WINDOW (widget);

  if (!d8_window_set_plan (self, g_variant_get_int64 (parameter)))
    _d8_window_toast (self, _("That plan is no longer in the database."));
}
