/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-a11y.c — the charts' accessible descriptions state the same
 * figures as their tooltips (issue 14, item 8).
 *
 * On the 2023 plan with entries that reach every status (over-achieved
 * among them), the matrix chart and every indicator chart are shown in a
 * D8ChartView. The view is swept point by point the way a pointer would
 * hover it: every bar and cell that answers with a tooltip is collected,
 * each unit row and indicator must answer somewhere, and the words of
 * each tooltip — its figures and status — must be what the view's
 * accessible description says of the same unit and indicator.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "d8-chart-layout-private.h" /* d8_chart_item_bar_figures: the note's words */
#include "d8-chart-model.h"
#include "d8-chart-view.h"
#include "d8-i18n.h"
#include "d8-store.h"
#include "d8-test-ui.h"
#include "d8-test-util.h"

static D8Store *
seeded_store (const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "a11y.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  D8Store *store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  /* done, over-achieved, on track / behind, not started, no quota */
  g_free (d8_test_record (store, "Chư Pưh", "1", "2023-02-10", 4, NULL));
  g_free (d8_test_record (store, "Chư Sê", "1", "2023-03-01", 1, NULL));
  g_free (d8_test_record (store, "Đak Đoa", "1", "2023-04-20", 9, NULL));
  g_free (d8_test_record (store, "Đak Đoa", "3", "2023-06-01", 1, NULL));
  g_free (d8_test_record (store, "Krông Pa", "4", "2023-01-20", 3, NULL));
  return store;
}

/* The text after the first occurrence of @prefix in @text, or NULL. */
static const char *
after (const char *text, const char *prefix)
{
  const char *at = g_str_has_prefix (text, prefix) ? text : NULL;

  return at ? at + strlen (prefix) : NULL;
}

/* Sweeps @view point by point and collects the tooltip of every bar and
 * cell, keyed "row/column" (row -1: the totals). */
static GHashTable *
sweep_tooltips (D8ChartView *view)
{
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));

  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);
  for (int y = 1; y < height; y += 3)
    for (int x = 1; x < width; x += 4)
      {
        char *text = d8_chart_view_describe_at (view, x, y);

        if (text == NULL || text[0] == '\0')
          {
            g_free (text);
            continue;
          }
        g_hash_table_replace (seen, g_strdup (text), text);
      }
  return seen;
}

/* Shows @model (owned by the view from then on) in a chart view. */
static GtkWidget *
show_chart (D8ChartModel *model, GtkWidget **window)
{
  GtkWidget *view = d8_chart_view_new ();
  g_autofree char *described = d8_chart_model_describe (model);
  g_autofree char *mismatch = NULL;

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 1500, 2000);
  gtk_window_set_child (GTK_WINDOW (*window), view);
  d8_chart_view_set_model (D8_CHART_VIEW (view), model); /* model is the view's now */
  gtk_window_present (GTK_WINDOW (*window));
  d8_test_wait_for_frame (*window);
  d8_test_spin ();
  /* What the view says to a screen reader is the model's description. */
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described);
  if (mismatch != NULL)
    g_error ("the chart's accessible description: %s", mismatch);
  return view;
}

/* The matrix: a tooltip "Chư Pưh — 1. Name: 4/4 · 100 % · Done" must
 * be in the description's line for Chư Pưh as "1: 4/4 · 100 % · Done". */
static void
check_matrix (D8Overview *ov)
{
  GtkWidget *window = NULL;
  GtkWidget *view = show_chart (d8_chart_model_matrix_from_overview (ov), &window);
  const D8ChartModel *model = d8_chart_view_get_model (D8_CHART_VIEW (view));
  g_autofree char *described = d8_chart_model_describe (model);
  g_auto (GStrv) lines = g_strsplit (described, "\n", -1);
  g_autoptr (GHashTable) tips = sweep_tooltips (D8_CHART_VIEW (view));
  guint n_cells = 0;

  for (guint r = 0; r < model->rows->len; r++)
    {
      const D8ChartLabel *unit = &g_array_index (model->rows, D8ChartLabel, r);
      g_autofree char *line_prefix = g_strdup_printf ("%s:", unit->name);
      const char *line = NULL;

      for (guint l = 0; lines[l] != NULL && line == NULL; l++)
        if (g_str_has_prefix (lines[l], line_prefix))
          line = lines[l];
      if (line == NULL)
        g_error ("the description has no line for %s:\n%s", unit->name, described);

      for (guint c = 0; c < model->columns->len; c++)
        {
          const D8ChartLabel *ind = &g_array_index (model->columns, D8ChartLabel, c);
          g_autofree char *tip_prefix = g_strdup_printf ("%s — %s. %s: ", unit->name, ind->code,
                                                         ind->name);
          g_autofree char *expected = d8_chart_model_describe_item (model, (int) r, (int) c);
          const char *words = after (expected, tip_prefix);
          g_autofree char *stated = NULL;
          g_autofree char *stated_last = NULL;

          /* the pointer finds this cell's tooltip */
          if (!g_hash_table_contains (tips, expected))
            g_error ("no tooltip over %s, indicator %s (expected “%s”)", unit->name, ind->code,
                     expected);
          g_assert_nonnull (words);
          /* … and the description says the same of the same cell */
          stated = g_strdup_printf ("%s %s: %s;", c > 0 ? ";" : ":", ind->code, words);
          stated_last = g_strdup_printf ("%s %s: %s.", c > 0 ? ";" : ":", ind->code, words);
          if (strstr (line, c + 1 < model->columns->len ? stated : stated_last) == NULL)
            g_error ("%s, indicator %s: the tooltip says “%s”, the description “%s”", unit->name,
                     ind->code, words, line);
          n_cells++;
        }
    }
  /* the totals row: the description carries each tooltip whole */
  for (guint c = 0; c < model->totals->len; c++)
    {
      g_autofree char *expected = d8_chart_model_describe_item (model, -1, (int) c);

      if (g_hash_table_contains (tips, expected) && strstr (described, expected) == NULL)
        g_error ("the totals of %u: tooltip “%s” not in the description", c, expected);
    }
  g_assert_cmpuint (model->rows->len, ==, ov->units->len);
  g_assert_cmpuint (n_cells, ==, model->rows->len * model->columns->len);
  /* Province-wide indicators without unit quotas (SM) are a note under
   * the table, not cells: the note's figures and status word are the
   * description's. */
  g_assert_cmpuint (model->columns->len + model->extras->len, ==, ov->indicators->len);
  for (guint e = 0; e < model->extras->len; e++)
    {
      const D8ChartItem *extra = &g_array_index (model->extras, D8ChartItem, e);
      g_autofree char *head = g_strdup_printf ("\n%s. %s: ", extra->code, extra->name);
      g_autofree char *figures = d8_chart_item_bar_figures (extra);
      const char *line = strstr (described, head);
      g_autofree char *sentence = NULL;

      if (line == NULL)
        g_error ("the description has no line for %s:\n%s", extra->code, described);
      sentence = g_strndup (line + 1, strcspn (line + 1, "\n"));
      if (extra->group_size > 0 && strstr (sentence, figures) == NULL)
        g_error ("%s: the note says “%s”, the description “%s”", extra->code, figures, sentence);
      if (strstr (sentence, d8_status_to_label (extra->status)) == NULL)
        g_error ("%s: the note says “%s”, the description “%s”", extra->code,
                 d8_status_to_label (extra->status), sentence);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An indicator chart: each unit's bar has the tooltip "Chư Pưh: 4/4 …",
 * and the description has that sentence as a line of its own. */
static void
check_indicator (D8Overview *ov, guint i)
{
  GtkWidget *window = NULL;
  GtkWidget *view = show_chart (d8_chart_model_indicator_from_overview (ov, i), &window);
  const D8ChartModel *model = d8_chart_view_get_model (D8_CHART_VIEW (view));
  g_autofree char *described = d8_chart_model_describe (model);
  g_autoptr (GHashTable) tips = sweep_tooltips (D8_CHART_VIEW (view));
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpuint (model->rows->len, ==, ov->units->len);
  for (guint r = 0; r < model->rows->len; r++)
    {
      const D8ChartItem *item = d8_chart_model_get_item (model, r, 0);
      g_autofree char *expected = d8_chart_model_describe_item (model, (int) r, 0);
      g_autofree char *line = g_strdup_printf ("\n%s.", expected);

      if (!g_hash_table_contains (tips, expected))
        g_error ("indicator %s: no tooltip over %s (expected “%s”)", item->code, item->name,
                 expected);
      if (strstr (described, line) == NULL)
        g_error ("indicator %s, %s: the tooltip says “%s”, the description:\n%s", item->code,
                 item->name, expected, described);
    }
  /* a cell without a quota says so once, not "No quota, No quota" */
  {
    g_autofree char *twice = g_strdup_printf ("%s, %s", d8_status_to_label (D8_STATUS_NO_QUOTA),
                                              d8_status_to_label (D8_STATUS_NO_QUOTA));

    if (strstr (described, twice) != NULL)
      g_error ("indicator %u: the description repeats itself:\n%s", i, described);
  }
  /* every tooltip found states what the description states */
  g_hash_table_iter_init (&iter, tips);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (strstr (described, key) == NULL)
      g_error ("indicator %u: tooltip “%s” is not in the description:\n%s", i, (char *) key,
               described);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_tooltips_match_descriptions (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autoptr (D8Store) store = seeded_store (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (store, NULL, &error);
  static const char *const dates[] = { "2023-03-31", "2023-12-31" };

  g_assert_no_error (error);
  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autoptr (D8Overview) ov = d8_store_compute_overview (store, plan->id, dates[d], &error);

      g_assert_no_error (error);
      g_test_message ("as of %s", dates[d]);
      check_matrix (ov);
      for (guint i = 0; i < ov->indicators->len; i++)
        check_indicator (ov, i);
    }
  d8_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  d8_i18n_init (g_getenv ("D8_TEST_LANGUAGE"));
  d8_test_ui_init (&argc, &argv);

  g_test_add_func ("/chart-a11y/tooltips-match-descriptions", test_tooltips_match_descriptions);
  return g_test_run ();
}
