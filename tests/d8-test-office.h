/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-test-office.h — an office of the exchange tests: a database of its own
 * with the embedded plan, set to one office (test-bundle.c, test-trust.c,
 * test-ui-reports.c), its keys introduced to the others, its entries. */
#pragma once

#include "d8-office-keys.h"
#include "d8-store.h"

typedef struct
{
  char *path;
  D8Store *store;
  D8Plan *plan;
} D8TestOffice;

/* The office @office ("province" or a unit code) in @dir/@name. */
static inline D8TestOffice *
d8_test_office_new (const char *dir,
                    const char *name,
                    const char *office)
{
  g_autoptr (GError) error = NULL;
  D8TestOffice *o = g_new0 (D8TestOffice, 1);

  o->path = g_build_filename (dir, name, NULL);
  o->store = d8_store_open (o->path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (d8_store_set_office (o->store, office, &error));
  g_assert_no_error (error);
  o->plan = d8_store_resolve_plan (o->store, NULL, &error);
  g_assert_no_error (error);
  return o;
}

/* Closes the store (it must be its last reference) and frees @o. */
static inline void
d8_test_office_free (D8TestOffice *o)
{
  d8_plan_free (o->plan);
  g_assert_finalize_object (o->store);
  g_free (o->path);
  g_free (o);
}

/* The two offices show the same figures as of @as_of (NULL: today): the
 * same units and indicators, and in every cell the same achieved and group
 * size. */
static inline void
d8_test_office_assert_same_figures (D8TestOffice *a,
                                    D8TestOffice *b,
                                    const char   *as_of)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Overview) x = d8_store_compute_overview (a->store, a->plan->id, as_of, &error);
  g_autoptr (D8Overview) y = d8_store_compute_overview (b->store, b->plan->id, as_of, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (x->units->len, ==, y->units->len);
  g_assert_cmpuint (x->indicators->len, ==, y->indicators->len);
  for (guint u = 0; u < x->units->len; u++)
    for (guint i = 0; i < x->indicators->len; i++)
      {
        g_assert_cmpint (d8_overview_cell (x, u, i)->achieved, ==,
                         d8_overview_cell (y, u, i)->achieved);
        g_assert_cmpint (d8_overview_cell (x, u, i)->group_size, ==,
                         d8_overview_cell (y, u, i)->group_size);
      }
}

/* @receiver learns @sender's key, as `duan8-cli trust-office` does: every
 * office of these tests knows the others before exchanging. */
static inline void
d8_test_office_introduce (D8TestOffice *receiver,
                          D8TestOffice *sender)
{
  g_autoptr (GError) error = NULL;
  const char *key = d8_office_key_get_public (sender->store, &error);

  g_assert_no_error (error);
  g_assert_true (d8_office_keys_trust (receiver->store, d8_store_get_office (sender->store), key,
                                       "registered", &error));
  g_assert_no_error (error);
}

/* Records @amount for @indicator (its code) at @unit_code on @date; a
 * percent indicator gets @amount reached of a group twice as large.
 * Returns the entry's uuid (free it). */
static inline char *
d8_test_office_record (D8TestOffice *o,
                       const char   *unit_code,
                       const char   *indicator,
                       const char   *date,
                       gint64        amount)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Unit) unit = d8_store_resolve_unit (o->store, o->plan->id, unit_code, &error);
  g_autoptr (D8Indicator) ind = d8_store_resolve_indicator (o->store, o->plan->id, indicator,
                                                            &error);
  g_autoptr (D8Entry) e = d8_entry_new ();

  g_assert_no_error (error);
  e->plan_id = o->plan->id;
  e->unit_id = unit->id;
  e->indicator_id = ind->id;
  e->date = g_strdup (date);
  if (ind->kind == D8_KIND_PERCENT)
    e->reached = amount, e->group_size = amount * 2;
  else
    e->amount = amount;
  g_assert_true (d8_store_add_entry (o->store, e, FALSE, &error));
  g_assert_no_error (error);
  return g_strdup (e->uuid);
}
