/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-text.c — text that fits (issue 14, item 3): every chart kind
 * of the table of kinds and every page of the meeting pack, in Vietnamese,
 * on the 2023 plan (15 units) and on a generated plan of 135 communes,
 * checked with the layout's own text boxes:
 *
 *   - no text is shown cut (ellipsized, or past the edge of its chart);
 *   - no two texts overlap;
 *   - no text leaves its page or canvas;
 *   - on paper (A4 landscape, the print style, the pack) every text is at
 *     least 8 pt.
 *
 * Every failure is listed (with the page or chart, the text and its box)
 * before the test fails, so a run names all of them at once. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "d8-chart.h"
#include "d8-chart-pack.h"
#include "d8-entry.h"
#include "d8-i18n.h"
#include "d8-rollup.h"
#include "d8-test-util.h"

#define MIN_PRINT_PT 8.0
#define AS_OF "2023-06-10"
#define AS_OF_135 "2026-06-10"

typedef struct
{
  char *dir;
  D8Store *store;
  gint64 plan_id;
  D8Overview *overview;
  guint n;
} Fixture;

static void
add_entries (Fixture *f, const char *date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = d8_store_list_units (f->store, f->plan_id, &error);
  g_autoptr (GPtrArray) indicators = d8_store_list_indicators (f->store, f->plan_id, &error);

  g_assert_no_error (error);
  /* figures in every status: some units done, some on track, some behind */
  for (guint u = 0; u < units->len; u += 1 + units->len / 40)
    for (guint i = 0; i < indicators->len; i++)
      {
        const D8Indicator *ind = indicators->pdata[i];
        g_autoptr (D8Entry) entry = d8_entry_new ();

        if ((u + i) % 3 == 0)
          continue;
        entry->plan_id = f->plan_id;
        entry->unit_id = ((D8Unit *) units->pdata[u])->id;
        entry->indicator_id = ind->id;
        entry->date = g_strdup (date);
        if (d8_indicator_kind_counts_women (ind->kind))
          {
            entry->reached = 30 + u % 50;
            entry->group_size = 100;
          }
        else
          entry->amount = 1 + (u + i) % 4;
        g_assert_true (d8_store_add_entry (f->store, entry, FALSE, &error));
        g_assert_no_error (error);
      }
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;
  const char *as_of = AS_OF;

  f->n = GPOINTER_TO_UINT (data);
  f->dir = d8_test_tmpdir ();
  db = g_build_filename (f->dir, "duan8.sqlite3", NULL);
  if (f->n == 15)
    {
      g_autoptr (D8Plan) plan = NULL;

      f->store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      plan = d8_store_resolve_plan (f->store, NULL, &error);
      g_assert_no_error (error);
      f->plan_id = plan->id;
      add_entries (f, "2023-04-02");
    }
  else
    {
      f->store = d8_test_open_generated_plan (f->dir, db, f->n, &f->plan_id);
      add_entries (f, "2026-03-01");
      as_of = AS_OF_135;
    }
  f->overview = d8_store_compute_overview (f->store, f->plan_id, as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->overview->units->len, ==, f->n);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  d8_overview_unref (f->overview);
  g_assert_finalize_object (f->store);
  d8_test_rmtree (f->dir);
  g_free (f->dir);
}

/* ------------------------------------------------------------ checks */

typedef struct
{
  GString *report;
  guint problems;
  guint texts;
} Checker;

static void
problem (Checker *c, const char *where, const char *what, const D8ChartText *t)
{
  c->problems++;
  if (c->problems <= 200)
    g_string_append_printf (c->report, "%s: %s: “%s” at %.1f,%.1f %.1f×%.1f, %.1f\n", where, what,
                            t->text, t->rect.x, t->rect.y, t->rect.width, t->rect.height,
                            t->size);
}

/* Overlap beyond a hair: two boxes sharing more than 0.5 units both ways. */
static gboolean
overlap (const D8ChartRect *a, const D8ChartRect *b)
{
  double dx = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double dy = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return dx > 0.5 && dy > 0.5;
}

static void
check_texts (Checker *c, const char *where, GArray *texts, double width, double height,
             double min_size)
{
  for (guint i = 0; i < texts->len; i++)
    {
      const D8ChartText *t = &g_array_index (texts, D8ChartText, i);

      if (t->text == NULL || t->text[0] == '\0')
        continue;
      c->texts++;
      if (t->ellipsized)
        problem (c, where, "cut", t);
      if (t->rect.x < -0.01 || t->rect.y < -0.01 || t->rect.x + t->rect.width > width + 0.01
          || t->rect.y + t->rect.height > height + 0.01)
        problem (c, where, "off the page", t);
      if (t->size < min_size - 1e-6)
        problem (c, where, "too small", t);
      for (guint j = i + 1; j < texts->len; j++)
        {
          const D8ChartText *u = &g_array_index (texts, D8ChartText, j);

          if (u->text != NULL && u->text[0] != '\0' && overlap (&t->rect, &u->rect))
            {
              g_autofree char *what = g_strdup_printf ("overlaps “%s”", u->text);
              problem (c, where, what, t);
            }
        }
    }
}

static void
check_model (Checker *c, const char *name, const D8ChartModel *model)
{
  static const struct
  {
    const char *what;
    double width, height, min_size;
    gboolean print;
  } sizes[] = {
    { "A4", 842, 595, MIN_PRINT_PT, TRUE },
    { "1920×1080", 1920, 1080, 0, FALSE },
    { "1280×720", 1280, 720, 0, FALSE },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      D8ChartStyle style = sizes[s].print ? d8_chart_style_print () : d8_chart_style_light ();
      g_autoptr (D8ChartLayout) layout
          = d8_chart_layout_new (model, &style, sizes[s].width, sizes[s].height);
      g_autofree char *where = g_strdup_printf ("%s (%s)", name, sizes[s].what);

      check_texts (c, where, layout->texts, sizes[s].width, sizes[s].height, sizes[s].min_size);
    }
}

static void
finish (Checker *c, const char *what)
{
  g_test_message ("%s: %u texts, %u problems", what, c->texts, c->problems);
  if (c->problems > 0)
    {
      g_printerr ("%s", c->report->str);
      g_test_fail_printf ("%s: %u texts cut, overlapping, off the page or too small (listed "
                          "above)", what, c->problems);
    }
  g_string_free (c->report, TRUE);
}

/* Every kind of the table, in each scope, about every indicator it may be
 * about and a few units. */
static void
test_charts (Fixture *f, gconstpointer data)
{
  Checker c = { g_string_new (NULL), 0, 0 };
  const D8ChartScope scopes[] = { D8_CHART_SCOPE_PROVINCE, D8_CHART_SCOPE_UNIT };
  guint n_ind = f->overview->indicators->len, n_units = f->overview->units->len;

  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    {
      const D8ChartKindInfo *info;

      for (guint k = 0; (info = d8_chart_kind_nth (scopes[s], k)) != NULL; k++)
        {
          gboolean unit_scope = scopes[s] == D8_CHART_SCOPE_UNIT;
          guint unit_step = MAX (n_units / 4, 1);

          for (guint u = 0; u < (unit_scope ? n_units : 1); u += unit_step)
            for (int i = info->indicator == D8_CHART_NEED_ONE ? 0 : -1;
                 i < (info->indicator == D8_CHART_NEED_NONE ? 0 : (int) n_ind); i++)
              {
                g_autoptr (GError) error = NULL;
                g_autoptr (D8ChartModel) model = d8_chart_kind_new_model (
                    info, f->store, f->overview, unit_scope ? (int) u : -1, i, &error);
                g_autofree char *name = g_strdup_printf ("%s%s unit %d indicator %d", info->name,
                                                         unit_scope ? "" : " province",
                                                         unit_scope ? (int) u : -1, i);

                g_assert_no_error (error);
                g_assert_nonnull (model);
                check_model (&c, name, model);
              }
        }
    }
  finish (&c, "charts");
}

/* Every page of the pack: the default one, with unit pages for every unit
 * of the 15 and for the first units of the 135. */
static void
test_pack (Fixture *f, gconstpointer data)
{
  Checker c = { g_string_new (NULL), 0, 0 };
  g_autoptr (GError) error = NULL;
  D8Rollup *rollup = d8_store_compute_rollup (f->store, f->overview, &error);
  g_autoptr (GArray) units = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (D8ChartPack) pack = NULL;

  g_assert_no_error (error);
  for (guint u = 0; u < MIN (f->n, 15); u++)
    g_array_append_val (units, u);
  pack = d8_chart_pack_new_full (f->overview, rollup, "Hội LHPN tỉnh Gia Lai", units);
  for (guint p = 0; p < d8_chart_pack_get_n_pages (pack); p++)
    {
      g_autoptr (GArray) texts = d8_chart_pack_get_page_texts (pack, p, 842, 595);
      g_autofree char *where = g_strdup_printf ("pack page %u", p + 1);

      g_assert_cmpuint (texts->len, >, 1);
      check_texts (&c, where, texts, 842, 595, MIN_PRINT_PT);
    }
  finish (&c, "pack");
}

/* The page number of a chart split over pages: the layout keeps a box for
 * it in the footer, clear of every text of the chart, and each page of the
 * PDF says "Trang N/M". Returns the pages. */
static guint
check_page_numbers (Fixture *f, Checker *c, const char *name, const D8ChartModel *model)
{
  D8ChartStyle print = d8_chart_style_print ();
  g_autoptr (D8ChartLayout) paper = d8_chart_layout_new_pages (model, &print, 842, 595);
  guint n_pages = d8_chart_layout_n_pages (paper, 595);
  g_autoptr (GArray) texts = g_array_new (FALSE, FALSE, sizeof (D8ChartText));
  g_autofree char *widest = d8_chart_page_number (n_pages, n_pages);
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", f->dir, name);
  g_autofree char *all = NULL;
  g_auto (GStrv) page_texts = NULL;
  g_autoptr (GError) error = NULL;
  D8ChartText number = { paper->page_number, widest, D8_CHART_TEXT_LEGEND, FALSE, -1, -1, FALSE,
                         paper->page_number_size };

  g_assert_cmpuint (n_pages, >, 1);
  /* the translation, not the English words */
  g_assert_true (g_str_has_prefix (widest, "Trang "));
  g_assert_cmpfloat (paper->page_number.width, >, 0);
  g_assert_cmpfloat (paper->page_number.y, >=, paper->scroll_bottom);
  g_array_append_vals (texts, paper->texts->data, paper->texts->len);
  g_array_append_val (texts, number);
  check_texts (c, name, texts, 842, paper->height, MIN_PRINT_PT);

  g_assert_true (d8_chart_render_to_file (model, NULL, pdf, 842, 595, 0, &error));
  g_assert_no_error (error);
  all = d8_test_run ("pdftotext", "-layout", pdf, "-", NULL);
  page_texts = g_strsplit (all, "\f", -1);
  g_assert_cmpuint (g_strv_length (page_texts), >=, n_pages);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *number_p = d8_chart_page_number (p + 1, n_pages);

      if (strstr (page_texts[p], number_p) == NULL)
        g_error ("%s: page %u does not say “%s”:\n%s", name, p + 1, number_p, page_texts[p]);
    }
  return n_pages;
}

/* All the units in one matrix, most behind first: taller than a page, so
 * the window scrolls it and a PDF splits it over pages, each with the
 * title, the column headings, the totals and the key, and numbered; a
 * chart of one page has no page number. */
static void
test_split (Fixture *f, gconstpointer data)
{
  Checker c = { g_string_new (NULL), 0, 0 };
  g_autoptr (D8ChartModel) model
      = d8_chart_units_model (D8_CHART_MATRIX, f->overview, -1, D8_CHART_ORDER_BEHIND);
  D8ChartStyle print = d8_chart_style_print (), light = d8_chart_style_light ();
  g_autoptr (D8ChartLayout) paper = d8_chart_layout_new_pages (model, &print, 842, 595);
  g_autoptr (D8ChartLayout) screen = d8_chart_layout_new_scrolling (model, &light, 1280, 720);
  g_autofree char *pdf = g_build_filename (f->dir, "matrix.pdf", NULL);
  g_autoptr (GError) error = NULL;
  guint n_pages = d8_chart_layout_n_pages (paper, 595);

  g_assert_cmpuint (model->rows->len, ==, f->n);
  check_texts (&c, "all units (A4, split)", paper->texts, 842, paper->height, MIN_PRINT_PT);
  check_texts (&c, "all units (1280×720, scrolling)", screen->texts, 1280, screen->height, 0);
  /* a window shows no page numbers: no room kept for one */
  g_assert_cmpfloat (screen->page_number.width, ==, 0);
  /* the matrix's legend has room for the number at its end, the indicator
   * chart's (with the quota mark) puts it on a line of its own */
  g_assert_cmpuint (check_page_numbers (f, &c, "matrix-numbered", model), ==, n_pages);
  {
    g_autoptr (D8ChartModel) indicator
        = d8_chart_units_model (D8_CHART_INDICATOR, f->overview, 0, D8_CHART_ORDER_BEHIND);

    check_page_numbers (f, &c, "indicator-numbered", indicator);
  }
  finish (&c, "split");
  g_assert_true (paper->fits && screen->fits);
  g_assert_cmpfloat (paper->height, >, 595);
  g_assert_cmpfloat (screen->height, >, 720);
  g_assert_cmpuint (n_pages, >=, 4);

  g_assert_true (d8_chart_render_to_file (model, NULL, pdf, 842, 595, 0, &error));
  g_assert_no_error (error);
  {
    g_autofree char *info = d8_test_run ("pdfinfo", pdf, NULL);
    g_autofree char *all = d8_test_run ("pdftotext", "-layout", pdf, "-", NULL);
    g_auto (GStrv) page_texts = g_strsplit (all, "\f", -1);
    const char *line = strstr (info, "Pages:");
    guint found = 0, pages = 0;
    g_autofree char *title = d8_chart_model_title (model);

    g_assert_nonnull (line);
    g_assert_cmpint (sscanf (line, "Pages: %u", &pages), ==, 1);
    g_assert_cmpuint (pages, ==, n_pages);
    for (guint p = 0; p < n_pages; p++)
      {
        /* every page: the title, the totals row and the key's first line */
        g_assert_nonnull (strstr (page_texts[p], model->target_label));
        g_assert_nonnull (strstr (page_texts[p], title));
        g_assert_nonnull (strstr (page_texts[p], "1. "));
      }
    /* every unit on some page */
    for (guint u = 0; u < f->n; u++)
      if (strstr (all, ((const D8Unit *) f->overview->units->pdata[u])->name) != NULL)
        found++;
    g_assert_cmpuint (found, ==, f->n);
  }

  /* The matrix of the parent groups fits one page: no page number. */
  {
    g_autoptr (D8Rollup) rollup = d8_store_compute_rollup (f->store, f->overview, &error);
    g_autoptr (D8ChartModel) groups = NULL;
    g_autoptr (D8ChartLayout) one = NULL;
    g_autofree char *one_pdf = g_build_filename (f->dir, "groups.pdf", NULL);
    g_autofree char *text = NULL, *number = d8_chart_page_number (1, 1);

    g_assert_no_error (error);
    groups = d8_chart_groups_model (D8_CHART_MATRIX, f->overview, rollup, -1,
                                    D8_CHART_ORDER_BEHIND);
    one = d8_chart_layout_new_pages (groups, &print, 842, 595);
    g_assert_cmpuint (d8_chart_layout_n_pages (one, 595), ==, 1);
    g_assert_cmpfloat (one->page_number.width, ==, 0);
    g_assert_true (d8_chart_render_to_file (groups, NULL, one_pdf, 842, 595, 0, &error));
    g_assert_no_error (error);
    text = d8_test_run ("pdftotext", "-layout", one_pdf, "-", NULL);
    g_assert_nonnull (strstr (text, groups->target_label));
    g_assert_null (strstr (text, number));
  }
}

/* The rows of the groups' and the units' charts, most behind first: the
 * matrix by the mean capped completion of a row, the indicator chart by
 * the indicator's completion, rows with nothing to judge last; a group's
 * units carry its subtotal. */
static void
test_order (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Rollup) rollup = d8_store_compute_rollup (f->store, f->overview, &error);

  g_assert_no_error (error);
  g_assert_true (d8_rollup_is_grouped (rollup));
  {
    g_autoptr (D8ChartModel) groups
        = d8_chart_groups_model (D8_CHART_MATRIX, f->overview, rollup, -1, D8_CHART_ORDER_BEHIND);
    double last = -1;
    gboolean judged_lowest_first = TRUE, seen_behind = FALSE;

    g_assert_cmpuint (groups->rows->len, ==, rollup->groups->len);
    for (guint r = 0; r < groups->rows->len; r++)
      {
        double c = 0;
        guint judged = 0;

        /* the mean of the row's cells, each capped at 100 % */
        for (guint i = 0; i < groups->columns->len; i++)
          {
            double ci = d8_chart_model_get_item (groups, r, i)->completion;

            if (!isnan (ci))
              {
                c += MIN (ci, 1.0);
                judged++;
              }
          }
        c = judged > 0 ? c / judged : NAN;
        if (isnan (c))
          continue;
        if (c < last)
          judged_lowest_first = FALSE;
        if (c < 1)
          seen_behind = TRUE;
        last = c;
      }
    g_assert_true (judged_lowest_first);
    g_assert_true (seen_behind);
  }
  {
    g_autoptr (D8ChartModel) units
        = d8_chart_units_model (D8_CHART_INDICATOR, f->overview, 0, D8_CHART_ORDER_BEHIND);
    gboolean nan_seen = FALSE;
    double last = -1;

    g_assert_cmpuint (units->rows->len, ==, f->n);
    for (guint r = 0; r < units->items->len; r++)
      {
        double c = g_array_index (units->items, D8ChartItem, r).completion;

        if (isnan (c))
          nan_seen = TRUE;
        else
          {
            g_assert_false (nan_seen);
            g_assert_cmpfloat (c, >=, last);
            last = c;
          }
      }
  }
  {
    const D8RollupGroup *group = rollup->groups->pdata[1];
    g_autoptr (D8ChartModel) units
        = d8_chart_group_units_model (D8_CHART_MATRIX, f->overview, rollup, 1, -1, D8_CHART_ORDER_PLAN);

    g_assert_cmpuint (units->rows->len, ==, group->units->len);
    for (guint r = 0; r < units->rows->len; r++)
      g_assert_cmpstr (g_array_index (units->rows, D8ChartLabel, r).name, ==,
                       ((const D8Unit *) f->overview->units->pdata[g_array_index (group->units, guint,
                                                                                   r)])
                           ->name);
    g_assert_cmpint (g_array_index (units->totals, D8ChartItem, 0).quota, ==, group->cells[0].quota);
    g_assert_null (d8_chart_group_units_model (D8_CHART_MATRIX, f->overview, rollup, 999, -1,
                                               D8_CHART_ORDER_PLAN));
  }
}

/* The check itself: a cut, an overlap, a text off the page and a small one
 * are each found. */
static void
test_checker (void)
{
  g_autoptr (GArray) texts = g_array_new (FALSE, TRUE, sizeof (D8ChartText));
  D8ChartText ok = { { 10, 10, 50, 12 }, (char *) "Ia Grai", 0, FALSE, -1, -1, FALSE, 9 };
  D8ChartText near = { { 10, 22, 50, 12 }, (char *) "Chư Sê", 0, FALSE, -1, -1, FALSE, 9 };
  D8ChartText bad[] = {
    { { 10, 100, 50, 12 }, (char *) "cut", 0, FALSE, -1, -1, TRUE, 9 },
    { { 30, 11, 50, 8 }, (char *) "overlap", 0, FALSE, -1, -1, FALSE, 9 },
    { { 800, 200, 50, 12 }, (char *) "off", 0, FALSE, -1, -1, FALSE, 9 },
    { { 10, 300, 50, 12 }, (char *) "small", 0, FALSE, -1, -1, FALSE, 6 },
  };

  {
    Checker c = { g_string_new (NULL), 0, 0 };

    g_array_append_val (texts, ok);
    g_array_append_val (texts, near);
    check_texts (&c, "good", texts, 842, 595, MIN_PRINT_PT);
    g_assert_cmpuint (c.problems, ==, 0);
    g_string_free (c.report, TRUE);
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      Checker c = { g_string_new (NULL), 0, 0 };

      g_array_set_size (texts, 2);
      g_array_append_val (texts, bad[i]);
      check_texts (&c, "bad", texts, 842, 595, MIN_PRINT_PT);
      g_assert_cmpuint (c.problems, ==, 1);
      g_string_free (c.report, TRUE);
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  d8_i18n_init (g_getenv ("D8_TEST_LANGUAGE"));

  g_test_add_func ("/chart-text/checker", test_checker);
  g_test_add ("/chart-text/charts/15", Fixture, GUINT_TO_POINTER (15), fixture_setup, test_charts,
              fixture_teardown);
  g_test_add ("/chart-text/pack/15", Fixture, GUINT_TO_POINTER (15), fixture_setup, test_pack,
              fixture_teardown);
  g_test_add ("/chart-text/charts/135", Fixture, GUINT_TO_POINTER (135), fixture_setup,
              test_charts, fixture_teardown);
  g_test_add ("/chart-groups/order/135", Fixture, GUINT_TO_POINTER (135), fixture_setup,
              test_order, fixture_teardown);
  g_test_add ("/chart-text/split/135", Fixture, GUINT_TO_POINTER (135), fixture_setup, test_split,
              fixture_teardown);
  g_test_add ("/chart-text/pack/135", Fixture, GUINT_TO_POINTER (135), fixture_setup, test_pack,
              fixture_teardown);
  return g_test_run ();
}
