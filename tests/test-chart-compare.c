/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-compare.c — the compare chart (d8-chart-model-compare.c,
 * d8-chart-layout-compare.c) of the three synthetic years of
 * d8-test-compare.h: its words list every figure; at every page size from a
 * small window to a projector everything fits and no two labels meet; a
 * plan without the indicator gets a column that says so. Leaves PNGs in
 * <build>/charts/compare-*.png. */
#include <locale.h>
#include <string.h>

#include "d8-chart-export.h"
#include "d8-chart-layout.h"
#include "d8-chart-model.h"
#include "d8-test-compare.h"

static D8ChartModel *
model_for (Fixture *f, const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (D8PlanCompare) cmp = NULL;
  int k;

  g_array_append_vals (ids, f->plan, 3);
  cmp = d8_store_compare_plans (f->store, ids, D8_COMPARE_BY_PROVINCE, "2026-12-31", &error);
  g_assert_no_error (error);
  k = d8_plan_compare_find_indicator (cmp, code);
  g_assert_cmpint (k, >=, 0);
  return d8_chart_model_compare_new (cmp, (guint) k);
}

static gboolean
texts_meet (const D8ChartText *a, const D8ChartText *b)
{
  return a->rect.x + 0.5 < b->rect.x + b->rect.width && b->rect.x + 0.5 < a->rect.x + a->rect.width
         && a->rect.y + 0.5 < b->rect.y + b->rect.height
         && b->rect.y + 0.5 < a->rect.y + a->rect.height;
}

static void
test_words (Fixture *f, gconstpointer data)
{
  g_autoptr (D8ChartModel) model = model_for (f, "1");
  g_autofree char *words = d8_chart_model_describe (model);
  g_autofree char *title = d8_chart_model_title (model);
  g_autofree char *phase = d8_chart_model_describe_item (model, -1, 0);

  g_test_message ("%s", words);
  g_assert_cmpint (model->kind, ==, D8_CHART_COMPARE);
  g_assert_cmpuint (model->rows->len, ==, 3);
  g_assert_cmpstr (title, ==, "Indicator 1. Thành lập và duy trì tổ truyền thông cộng đồng, by year");
  /* every plan with its number, both quotas, achieved, share and status */
  g_assert_nonnull (strstr (words, "2023 (11/KH-UBND): stated 12, allocated to units 10; "
                                   "achieved 10 of 12 (83%), Behind."));
  g_assert_nonnull (strstr (words, "2026 (13/KH-UBND): stated 9, allocated to units 8; "
                                   "achieved 6 of 9 (67%), Behind."));
  g_assert_cmpstr (phase, ==, "All years 2023–2026 together: stated 33, allocated to units 30; "
                              "achieved 25 of 33 (76%), Behind");
}

/* Indicator 3 (clubs) is not in 2023: its column says so, with no bar. */
static void
test_missing_plan (Fixture *f, gconstpointer data)
{
  g_autoptr (D8ChartModel) model = model_for (f, "3");
  D8ChartStyle style = d8_chart_style_print ();
  g_autoptr (D8ChartLayout) layout = d8_chart_layout_new (model, &style, 841.89, 595.28);
  g_autofree char *words = d8_chart_model_describe_item (model, 0, 0);
  gboolean said = FALSE;

  g_assert_null (g_array_index (model->items, D8ChartItem, 0).code);
  g_assert_cmpstr (words, ==, "2023 (11/KH-UBND): not in this plan");
  g_assert_null (d8_chart_layout_find_shape (layout, D8_CHART_SHAPE_BAR, 0, D8_CHART_ANY));
  g_assert_nonnull (d8_chart_layout_find_shape (layout, D8_CHART_SHAPE_BAR, 1, D8_CHART_ANY));
  g_assert_nonnull (d8_chart_layout_find_shape (layout, D8_CHART_SHAPE_BAR, -1, D8_CHART_ANY));
  for (guint i = 0; i < layout->texts->len; i++)
    said |= g_strcmp0 (g_array_index (layout->texts, D8ChartText, i).text, "Not in this plan") == 0;
  g_assert_true (said);
}

/* From a small window to a projector, in points and pixels. */
static void
test_fits (Fixture *f, gconstpointer data)
{
  const double sizes[][2] = { { 841.89, 595.28 }, { 595.28, 841.89 }, { 640, 400 },
                              { 1140, 520 }, { 1920, 1080 } };
  const char *codes[] = { "1", "2", "SM", "3" };
  D8ChartStyle style = d8_chart_style_print ();
  g_autofree char *dir = g_build_filename (g_getenv ("D8_BUILD_ROOT") ? g_getenv ("D8_BUILD_ROOT")
                                                                     : f->dir, "charts", NULL);

  g_mkdir_with_parents (dir, 0755);
  for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr (D8ChartModel) model = model_for (f, codes[c]);
        g_autoptr (D8ChartLayout) layout = d8_chart_layout_new (model, &style, sizes[s][0],
                                                                sizes[s][1]);

        g_assert_true (layout->fits);
        for (guint i = 0; i < layout->texts->len; i++)
          for (guint j = i + 1; j < layout->texts->len; j++)
            if (texts_meet (&g_array_index (layout->texts, D8ChartText, i),
                            &g_array_index (layout->texts, D8ChartText, j)))
              g_error ("indicator %s at %g × %g: “%s” meets “%s”", codes[c], sizes[s][0],
                       sizes[s][1], g_array_index (layout->texts, D8ChartText, i).text,
                       g_array_index (layout->texts, D8ChartText, j).text);
        if (s == 0)
          {
            g_autoptr (GError) error = NULL;
            g_autofree char *name = g_strdup_printf ("compare-%s.png", codes[c]);
            g_autofree char *path = g_build_filename (dir, name, NULL);

            g_assert_true (d8_chart_render_to_file (model, NULL, path, sizes[s][0], sizes[s][1],
                                                    96, &error));
            g_assert_no_error (error);
          }
      }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chart-compare/words", Fixture, "linked", fixture_set_up, test_words,
              fixture_tear_down);
  g_test_add ("/chart-compare/missing-plan", Fixture, "linked", fixture_set_up, test_missing_plan,
              fixture_tear_down);
  g_test_add ("/chart-compare/fits", Fixture, "linked", fixture_set_up, test_fits,
              fixture_tear_down);
  return g_test_run ();
}
