/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plan-file.c — the embedded 2023 plan equals DOMAIN.md cell by cell,
 * the allocation check shows 128 vs 126, and malformed plan files are
 * refused with a message naming the problem and the database unchanged. */
#include <locale.h>
#include <math.h>

#include "d8-test-util.h"

#define NQ (-1) /* "-" or blank: no quota */

/* Copied by hand from ../shared/DOMAIN.md ("The appendix quotas, exactly"),
 * independently of the plan JSON in data/plans. */
static const struct
{
  const char *name;
  const char *kind;
  int q[9];
} domain[15] = {
  { "Chư Pưh", "huyện", { 4, NQ, NQ, 1, 1, 2, 1, 1, 3 } },
  { "Chư Sê", "huyện", { 4, NQ, 1, 3, 2, 4, 1, 1, 3 } },
  { "Đak Đoa", "huyện", { 6, NQ, 2, 6, 3, 6, 2, 1, 3 } },
  { "Chư Păh", "huyện", { 19, NQ, 3, 8, 2, 8, 2, 2, 3 } },
  { "Mang Yang", "huyện", { 18, NQ, 3, 9, 5, 8, 1, 2, 2 } },
  { "Đức Cơ", "huyện", { 8, NQ, NQ, 6, 3, 2, 1, 1, 3 } },
  { "Phú Thiện", "huyện", { 3, NQ, 1, 2, 2, 4, 1, 1, 5 } },
  { "Krông Pa", "huyện", { 12, 1, 6, 10, 3, 12, 2, 1, 3 } },
  { "Ia Pa", "huyện", { 12, 1, 3, 6, 3, 8, 2, 1, 3 } },
  { "Đak Pơ", "huyện", { 3, 1, NQ, 3, 2, 4, 1, 1, 4 } },
  { "Kông Chro", "huyện", { 15, NQ, 5, 12, 4, 12, 2, 1, 2 } },
  { "An Khê", "thị xã", { NQ, NQ, NQ, 1, 0, 2, 1, 1, 1 } },
  { "Kbang", "huyện", { 10, NQ, 1, 8, 2, 2, 1, 1, 5 } },
  { "Chư Prông", "huyện", { 10, NQ, NQ, 10, 3, 4, 2, 1, 2 } },
  { "Ia Grai", "huyện", { 2, NQ, NQ, 2, 0, 2, NQ, 1, NQ } },
};
static const int domain_totals[9] = { 128, 3, 25, 87, 35, 80, 20, 17, 42 };
static const char *const domain_units[9] = { "tổ", "tổ/nhóm", "địa chỉ", "cuộc", "CLB",
                                             "cán bộ", "cuộc", "cuộc", "cuộc" };
static const int domain_groups[9] = { 1, 2, 2, 3, 3, 3, 4, 4, 4 };

typedef struct
{
  char *dir;
  char *db_path;
  D8Store *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = d8_test_tmpdir ();
  f->db_path = g_build_filename (f->dir, "test.sqlite3", NULL);
  f->store = d8_store_open (f->db_path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  d8_test_rmtree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static D8Overview *
overview (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (f->store, NULL, &error);
  D8Overview *ov;

  g_assert_no_error (error);
  ov = d8_store_compute_overview (f->store, plan->id, "2023-12-31", &error);
  g_assert_no_error (error);
  return ov;
}

static void
test_embedded_plan (Fixture *f, gconstpointer data)
{
  g_autoptr (D8Overview) ov = overview (f);

  g_assert_cmpstr (ov->plan->doc_number, ==, "1653/KH-UBND");
  g_assert_cmpstr (ov->plan->issued_on, ==, "2023-06-30");
  g_assert_cmpint (ov->plan->year, ==, 2023);
  g_assert_cmpstr (ov->plan->target_label, ==, "Chỉ tiêu năm 2023");
  g_assert_cmpuint (ov->units->len, ==, 15);
  g_assert_cmpuint (ov->indicators->len, ==, 10);

  for (guint u = 0; u < 15; u++)
    {
      D8Unit *unit = ov->units->pdata[u];

      g_assert_cmpstr (unit->name, ==, domain[u].name);
      g_assert_cmpstr (unit->kind, ==, domain[u].kind);
      g_assert_cmpstr (unit->level, ==, "district");
      g_assert_cmpint (unit->position, ==, u + 1);
      g_assert_cmpint (unit->parent_id, !=, 0);
      for (guint i = 0; i < 9; i++)
        {
          D8Cell *cell = d8_overview_cell (ov, u, i);

          if (domain[u].q[i] == NQ)
            g_assert_false (cell->has_quota);
          else
            {
              g_assert_true (cell->has_quota);
              g_assert_cmpint (cell->quota, ==, domain[u].q[i]);
            }
        }
    }
}

static void
test_indicators_and_targets (Fixture *f, gconstpointer data)
{
  g_autoptr (D8Overview) ov = overview (f);
  D8Indicator *sm;

  for (guint i = 0; i < 9; i++)
    {
      D8Indicator *indicator = ov->indicators->pdata[i];
      g_autofree char *code = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (indicator->code, ==, code);
      g_assert_cmpint (indicator->kind, ==, D8_KIND_COUNT);
      g_assert_true (indicator->in_appendix);
      g_assert_true (indicator->has_target);
      g_assert_cmpfloat (indicator->target, ==, domain_totals[i]);
      g_assert_cmpstr (indicator->count_unit, ==, domain_units[i]);
      g_assert_cmpint (indicator->group_no, ==, domain_groups[i]);
      g_assert_cmpstr (indicator->target_source, ==, "Chỉ tiêu năm 2023");
    }
  sm = ov->indicators->pdata[9];
  g_assert_cmpstr (sm->code, ==, "SM");
  g_assert_cmpint (sm->kind, ==, D8_KIND_PERCENT);
  g_assert_false (sm->in_appendix);
  g_assert_true (sm->has_target);
  g_assert_cmpfloat (sm->target, ==, 80);
  g_assert_cmpstr (sm->target_written, ==, "80%");
  g_assert_nonnull (strstr (sm->name_vi, "sinh đẻ an toàn"));
}

static void
test_allocation_check (Fixture *f, gconstpointer data)
{
  g_autoptr (D8Overview) ov = overview (f);
  gint64 stated, allocated, difference;

  for (guint i = 0; i < 9; i++)
    {
      gint64 sum = 0;
      for (guint u = 0; u < 15; u++)
        sum += domain[u].q[i] == NQ ? 0 : domain[u].q[i];
      g_assert_true (d8_overview_allocation (ov, i, &stated, &allocated, &difference));
      g_assert_cmpint (stated, ==, domain_totals[i]);
      g_assert_cmpint (allocated, ==, sum);
      g_assert_cmpint (difference, ==, i == 0 ? 2 : 0);
    }
  g_assert_true (d8_overview_allocation (ov, 0, &stated, &allocated, &difference));
  g_assert_cmpint (stated, ==, 128);
  g_assert_cmpint (allocated, ==, 126);
  /* The percentage target is not allocated: no check for it. */
  g_assert_false (d8_overview_allocation (ov, 9, &stated, &allocated, &difference));
  /* The province total is judged against the stated 128, not 126. */
  g_assert_cmpint (ov->totals[0].quota, ==, 128);
}

static void
test_reimport_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *path = d8_test_source_path ("data", "plans", "gia-lai-2023-1653.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  before = d8_test_dump (f->db_path);
  g_assert_cmpint (d8_store_import_plan (f->store, contents, len, "again.json", &error), ==, 0);
  g_assert_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT);
  g_assert_nonnull (strstr (error->message, "already"));
  after = d8_test_dump (f->db_path);
  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  const char *file;
  const char *expect; /* part of the message: the record or field named */
} Malformed;

static const Malformed malformed[] = {
  { "bad-truncated.json", "not valid JSON" },
  { "bad-not-utf8.json", "UTF-8" },
  { "bad-root-array.json", "not a JSON object" },
  { "bad-format-name.json", "duan8-bundle" },
  { "bad-newer-version.json", "update duan8" },
  { "bad-missing-plan-code.json", "plan.code" },
  { "bad-impossible-date.json", "plan.period_start" },
  { "bad-period-reversed.json", "plan.period_end" },
  { "bad-year-text.json", "plan.year" },
  { "bad-duplicate-unit.json", "units[3]" },
  { "bad-unknown-parent.json", "kon-tum" },
  /* A parent whose own parent is unknown, listed after its children: the
   * chain was once followed into NULL (a crash at every office). */
  { "bad-unknown-grandparent.json", "tay-nguyen" },
  { "bad-parent-cycle.json", "cycle" },
  { "bad-duplicate-indicator.json", "indicators[4]" },
  { "bad-indicator-kind.json", "ratio" },
  { "bad-unknown-group.json", "indicators[2]" },
  { "bad-unknown-column.json", "appendix.columns[8]" },
  { "bad-percent-column.json", "appendix.columns[8]" },
  { "bad-row-unknown-unit.json", "gia-lai/pleiku" },
  { "bad-row-duplicate-unit.json", "appendix.rows[14]" },
  { "bad-row-short.json", "appendix.rows[6]" },
  { "bad-negative-quota.json", "appendix.rows[3].cells[0]" },
  { "bad-fractional-quota.json", "appendix.rows[3].cells[0]" },
  { "bad-text-quota.json", "mười chín" },
  { "bad-huge-number.json", "appendix.rows[3].cells[0]" },
  { "bad-target-over-100.json", "targets[0]" },
  { "bad-target-unknown-indicator.json", "SX" },
  { "bad-no-indicators.json", "no indicators" },
  { "bad-units-not-list.json", "units" },
  { "bad-empty-title.json", "plan.title" },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *db_path = g_build_filename (dir, "test.sqlite3", NULL);
  g_autofree char *path = d8_test_source_path ("tests", "data", "plans", m->file, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = NULL;
  gsize len;

  store = d8_store_open (db_path, D8_STORE_OPEN_NO_SEED, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  before = d8_test_dump (db_path);
  g_assert_cmpint (d8_store_import_plan (store, contents, len, m->file, &error), ==, 0);
  g_assert_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT);
  if (g_test_verbose ())
    g_printerr ("%s\n", error->message);
  g_assert_nonnull (strstr (error->message, m->file));
  if (strstr (error->message, m->expect) == NULL)
    g_error ("%s: message “%s” does not name “%s”", m->file, error->message, m->expect);
  after = d8_test_dump (db_path);
  g_assert_cmpstr (before, ==, after);
  g_clear_object (&store);
  d8_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plan/embedded/quotas-match-domain", Fixture, NULL, fixture_setup,
              test_embedded_plan, fixture_teardown);
  g_test_add ("/plan/embedded/indicators-and-targets", Fixture, NULL, fixture_setup,
              test_indicators_and_targets, fixture_teardown);
  g_test_add ("/plan/embedded/allocation-check", Fixture, NULL, fixture_setup,
              test_allocation_check, fixture_teardown);
  g_test_add ("/plan/import/same-plan-twice", Fixture, NULL, fixture_setup,
              test_reimport_refused, fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *name = g_strdup_printf ("/plan/malformed/%s", malformed[i].file);
      g_test_add_data_func (name, &malformed[i], test_malformed);
    }
  return g_test_run ();
}
