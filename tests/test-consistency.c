/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-consistency.c — every surface tells the same truth (issue 14).
 *
 * For a seeded store and three as-of dates, the figures and statuses of
 * every unit × indicator are read from each surface — the province page's
 * widgets, the pack (pdftotext), the charts' accessible descriptions and
 * `duan8-cli progress --format json` — and compared with the core's one
 * model. Then one test for each defect the issue lists, each of which
 * failed before its fix. Runs in Vietnamese and in English (meson.build).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "d8-chart-export.h"
#include "d8-chart-layout.h"
#include "d8-chart-model.h"
#include "d8-chart-pack.h"
#include "d8-chart-style.h"
#include "d8-format.h"
#include "d8-i18n.h"
#include "d8-import-preview.h"
#include "d8-exchange-import.h"
#include "d8-bundle.h"
#include "d8-province-page.h"
#include "d8-chart-view.h"
#include "d8-unit-page.h"
#include "d8-store.h"
#include "d8-test-ui.h"
#include "d8-test-util.h"
#include "d8-ui-util.h"

static const char *const as_of_dates[] = { "2023-03-31", "2023-06-30", "2023-12-31" };

/* Collapses runs of white space (pdftotext breaks lines where it likes). */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static void
record_percent (D8Store *store, const char *unit, const char *date, gint64 reached, gint64 group)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (store, NULL, &error);
  g_autoptr (D8Unit) u = d8_store_resolve_unit (store, plan->id, unit, &error);
  g_autoptr (D8Indicator) ind = d8_store_resolve_indicator (store, plan->id, "SM", &error);
  g_autoptr (D8Entry) entry = d8_entry_new ();

  g_assert_no_error (error);
  entry->plan_id = plan->id;
  entry->unit_id = u->id;
  entry->indicator_id = ind->id;
  entry->date = g_strdup (date);
  entry->reached = reached;
  entry->group_size = group;
  g_assert_true (d8_store_add_entry (store, entry, FALSE, &error));
  g_assert_no_error (error);
}

/* Entries that give, across the three dates, every status: over-achieved
 * (Đak Đoa 9 of 6 by 31 December), done, on
 * track, behind, not started, no quota, and a percent indicator. */
static D8Store *
seeded_store (const char *dir, char **db_path)
{
  g_autoptr (GError) error = NULL;
  D8Store *store;

  *db_path = g_build_filename (dir, "seeded.sqlite3", NULL);
  store = d8_store_open (*db_path, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_free (d8_test_record (store, "Chư Pưh", "1", "2023-02-10", 2, NULL));
  g_free (d8_test_record (store, "Chư Pưh", "1", "2023-05-10", 2, NULL));
  g_free (d8_test_record (store, "Chư Sê", "1", "2023-03-01", 1, NULL));
  g_free (d8_test_record (store, "Đak Đoa", "3", "2023-06-01", 1, NULL));
  g_free (d8_test_record (store, "Đak Đoa", "1", "2023-08-20", 9, NULL));
  g_free (d8_test_record (store, "Krông Pa", "4", "2023-01-20", 3, NULL));
  record_percent (store, "Chư Pưh", "2023-03-15", 30, 40);
  record_percent (store, "Ia Pa", "2023-07-15", 5, 60);
  return store;
}

static JsonArray *
cli_progress (const char *db, const char *as_of, JsonParser *parser)
{
  const char *root = g_getenv ("D8_BUILD_ROOT");
  g_autofree char *cli = g_build_filename (root ? root : ".", "src", "cli", "duan8-cli", NULL);
  g_autofree char *json = d8_test_run (cli, "--db", db, "--format", "json", "progress",
                                       "--as-of", as_of, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "progress");
}

static D8Status
status_from_string (const char *name)
{
  for (D8Status s = D8_STATUS_NO_QUOTA; s < D8_N_STATUSES; s++)
    if (g_strcmp0 (d8_status_to_string (s), name) == 0)
      return s;
  g_error ("unknown status “%s”", name);
}

/* The pack's page of unit @u as text, one line per table row. */
static char *
pack_unit_page (const char *pdf, guint u)
{
  g_autofree char *page = g_strdup_printf ("%u", 3 + u);

  return d8_test_run ("pdftotext", "-layout", "-f", page, "-l", page, pdf, "-", NULL);
}

/* The row of indicator @code in the table of a unit's pack page (below
 * its chart, which names the indicators too): the last line that starts
 * with the code. */
static char *
pack_row (const char *page, const char *code)
{
  g_auto (GStrv) lines = g_strsplit (page, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s. ", code);
  const char *found = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == ' ')
        line++;
      if (g_str_has_prefix (line, prefix))
        found = line;
    }
  return found ? squeeze (found) : NULL;
}

/* The matrix makes widgets only for the rows on screen: @page in a window
 * tall enough for all 15 units, drawn, so every cell is read from its
 * widget. Returns: (transfer none) the window; destroy it when done. */
static GtkWidget *
show_page (GtkWidget *page)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 2400);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  d8_test_wait_for_frame (window);
  d8_test_spin ();
  return window;
}

static void
test_surfaces_agree (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *db = NULL;
  g_autoptr (D8Store) store = seeded_store (dir, &db);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (store, NULL, &error);
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  for (guint d = 0; d < G_N_ELEMENTS (as_of_dates); d++)
    {
      g_autoptr (D8Overview) ov = d8_store_compute_overview (store, plan->id, as_of_dates[d],
                                                             &error);
      GtkWidget *page = g_object_ref_sink (d8_province_page_new ());
      GtkWidget *window = NULL;
      g_autoptr (D8ChartPack) pack = NULL;
      g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonArray *rows;
      guint n = ov->indicators->len;

      g_assert_no_error (error);
      d8_province_page_set_overview (D8_PROVINCE_PAGE (page), ov);
      window = show_page (page);
      pack = d8_chart_pack_new (ov, "Hội LHPN tỉnh Gia Lai");
      g_assert_true (d8_chart_pack_write_pdf (pack, pdf, &error));
      g_assert_no_error (error);
      rows = cli_progress (db, as_of_dates[d], parser);
      g_assert_cmpuint (json_array_get_length (rows), ==, ov->units->len * n);

      for (guint u = 0; u < ov->units->len; u++)
        {
          const D8Unit *unit = ov->units->pdata[u];
          g_autoptr (D8ChartModel) chart = d8_chart_model_unit_from_overview (ov, u);
          g_autofree char *pack_page = pack_unit_page (pdf, u);
          g_autofree char *described = d8_chart_model_describe (chart);
          GtkWidget *view = g_object_ref_sink (d8_chart_view_new ());
          g_autofree char *mismatch = NULL;

          /* The rendered chart's accessible description is the model's words. */
          d8_chart_view_set_model (D8_CHART_VIEW (view), d8_chart_model_unit_from_overview (ov, u));
          mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                         described);
          if (mismatch != NULL)
            g_error ("%s: the chart's accessible description: %s", unit->name, mismatch);
          g_object_unref (view);

          for (guint i = 0; i < n; i++)
            {
              const D8Indicator *ind = ov->indicators->pdata[i];
              const D8Cell *cell = d8_overview_cell (ov, u, i);
              const char *word = d8_status_to_label (cell->status);
              g_autofree char *figures = d8_cell_format_figures (cell, ind);
              g_autofree char *expected = g_strdup_printf ("%s — %s", figures, word);
              g_autofree char *shown = d8_province_page_describe_cell (D8_PROVINCE_PAGE (page),
                                                                       u, i);
              g_autofree char *row = pack_row (pack_page, ind->code);
              g_autofree char *achieved = d8_format_count (cell->achieved);
              JsonObject *json = json_array_get_object_element (rows, u * n + i);

              g_hash_table_add (seen, (gpointer) d8_status_to_string (cell->status));

              /* 1. the province page, read from its widget */
              g_assert_cmpstr (shown, ==, expected);

              /* 2. the pack: the unit's row names the same status and figures */
              if (row == NULL)
                g_error ("%s: no row for indicator %s on the pack page:\n%s", unit->name,
                         ind->code, pack_page);
              if (!g_str_has_suffix (row, word))
                g_error ("%s %s on %s: the pack says “%s”, the core “%s”", unit->name, ind->code,
                         as_of_dates[d], row, word);
              if (strstr (row, achieved) == NULL)
                g_error ("%s %s on %s: the pack's row “%s” lacks %s", unit->name, ind->code,
                         as_of_dates[d], row, achieved);
              if (ind->kind == D8_KIND_COUNT && cell->has_quota)
                {
                  g_autofree char *quota = d8_format_count (cell->quota);
                  g_assert_nonnull (strstr (row, quota));
                }

              /* 3. the chart's accessible description of the same item */
              for (guint r = 0; r < chart->rows->len; r++)
                {
                  const D8ChartItem *item = d8_chart_model_get_item (chart, r, 0);
                  g_autofree char *words = NULL;
                  g_autofree char *item_figures = NULL;

                  if (g_strcmp0 (item->code, ind->code) != 0)
                    continue;
                  words = d8_chart_model_describe_item (chart, (int) r, 0);
                  g_assert_nonnull (strstr (described, words));
                  item_figures = d8_chart_item_format_figures (item);
                  g_assert_cmpstr (item_figures, ==, figures);
                  if (!g_str_has_suffix (words, word))
                    g_error ("%s %s: the chart says “%s”, the core “%s”", unit->name, ind->code,
                             words, word);
                  /* "No quota" and "nothing recorded yet" need no number */
                  if (cell->achieved > 0 || (cell->has_quota && ind->kind == D8_KIND_COUNT))
                    g_assert_nonnull (strstr (words, achieved));
                }

              /* 4. duan8-cli progress --format json */
              g_assert_cmpstr (json_object_get_string_member (json, "unit_code"), ==, unit->code);
              g_assert_cmpstr (json_object_get_string_member (json, "indicator_code"), ==,
                               ind->code);
              g_assert_cmpint (status_from_string (json_object_get_string_member (json, "status")),
                               ==, cell->status);
              if (ind->kind == D8_KIND_PERCENT)
                g_assert_cmpint (json_object_get_int_member (json, "reached"), ==,
                                 cell->achieved);
              else
                g_assert_cmpint (json_object_get_int_member (json, "achieved"), ==,
                                 cell->achieved);
              if (cell->has_quota && ind->kind == D8_KIND_COUNT)
                g_assert_cmpint (json_object_get_int_member (json, "quota"), ==, cell->quota);
              else if (ind->kind == D8_KIND_COUNT)
                g_assert_true (json_object_get_null_member (json, "quota"));
            }
        }
      gtk_window_destroy (GTK_WINDOW (window));
      g_object_unref (page);
    }
  /* The seed reaches every status somewhere. */
  for (D8Status s = D8_STATUS_NO_QUOTA; s < D8_N_STATUSES; s++)
    if (!g_hash_table_contains (seen, d8_status_to_string (s)))
      g_error ("no cell was %s", d8_status_to_string (s));
  g_hash_table_unref (seen);
  d8_test_rmtree (dir);
}

/* ------------------------------------------------------------- defects */

/* "On track" was amber on the province page and blue-hatched in the charts:
 * now both draw it in the same role's hue (blue), as every status. */
static void
test_one_colour_per_status (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("3/4");
  GdkRGBA fg, accent;
  D8ChartStyle chart = d8_chart_style_light ();
  const D8ChartColor *line = &chart.status_line[D8_STATUS_ON_TRACK];

  d8_ui_ensure_style ();
  gtk_widget_add_css_class (label, "d8-cell");
  d8_ui_set_status_class (label, D8_STATUS_ON_TRACK);
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  d8_test_spin ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (label), &fg);
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (label),
                                                 "accent_color", &accent));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (gtk_widget_has_css_class (label, "d8-role-progress"));
  g_assert_cmpfloat_with_epsilon (fg.red, accent.red, 0.01);
  g_assert_cmpfloat_with_epsilon (fg.blue, accent.blue, 0.01);
  /* blue on screen, blue in the charts and the pack */
  g_assert_cmpfloat (fg.blue, >, fg.red);
  g_assert_cmpfloat (line->blue, >, line->red);
  /* every status: one role (over-achieved shares done's: it is a kind of
   * done), one pattern, one word */
  for (D8Status s = D8_STATUS_NO_QUOTA; s < D8_N_STATUSES; s++)
    {
      g_assert_cmpstr (d8_status_to_label (s), !=, "");
      for (D8Status t = s + 1; t < D8_N_STATUSES; t++)
        {
          if (!(D8_STATUS_IS_DONE (s) && D8_STATUS_IS_DONE (t)))
            g_assert_cmpint (d8_status_role (s), !=, d8_status_role (t));
          g_assert_cmpstr (d8_status_to_label (s), !=, d8_status_to_label (t));
          g_assert_cmpint (d8_status_pattern (s), !=, d8_status_pattern (t));
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The pack's cover listed all 15 units of a fresh plan as behind while
 * their pages said "not started". */
static void
test_cover_not_started (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "fresh.sqlite3", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (store, NULL, &error);
  g_autoptr (D8Overview) ov = d8_store_compute_overview (store, plan->id, "2023-06-30", &error);
  g_autoptr (D8ChartPack) pack = d8_chart_pack_new (ov, NULL);
  g_autofree char *raw = NULL, *cover = NULL;
  g_autofree char *behind_word = g_utf8_strdown (d8_status_to_label (D8_STATUS_BEHIND), -1);
  g_autofree char *behind = g_strdup_printf (ngettext ("%u unit is behind the even pace on at "
                                                       "least one indicator: %s.",
                                                       "%u units are behind the even pace on at "
                                                       "least one indicator: %s.", 15),
                                             15, "");
  g_autofree char *not_started = g_strdup_printf (ngettext ("%u unit has not started at least "
                                                            "one indicator: %s.",
                                                            "%u units have not started at least "
                                                            "one indicator: %s.", 15),
                                                  15, "");

  g_assert_no_error (error);
  g_assert_true (d8_chart_pack_write_pdf (pack, pdf, &error));
  g_assert_no_error (error);
  raw = d8_test_run ("pdftotext", "-f", "1", "-l", "1", pdf, "-", NULL);
  cover = squeeze (raw);
  behind[strlen (behind) - 1] = '\0'; /* up to the list of names */
  not_started[strlen (not_started) - 1] = '\0';
  g_strstrip (behind);
  g_strstrip (not_started);
  if (strstr (cover, behind) != NULL)
    g_error ("the cover calls the units of a fresh plan behind: %s", cover);
  g_assert_nonnull (strstr (cover, not_started));
  (void) behind_word;
  d8_test_rmtree (dir);
}

/* The safe-motherhood indicator read "–" in the province matrix but
 * "target 80 %" on unit pages: its target now shows everywhere. */
static void
test_percent_target_everywhere (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "fresh.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (store, NULL, &error);
  g_autoptr (D8Overview) ov = d8_store_compute_overview (store, plan->id, "2023-06-30", &error);
  g_autoptr (D8ChartModel) chart = d8_chart_model_unit_from_overview (ov, 0);
  GtkWidget *page = g_object_ref_sink (d8_province_page_new ());
  GtkWidget *window;
  g_autofree char *target = d8_format_percent (0.8, 0);
  int sm = -1;

  g_assert_no_error (error);
  for (guint i = 0; i < ov->indicators->len; i++)
    if (((D8Indicator *) ov->indicators->pdata[i])->kind == D8_KIND_PERCENT)
      sm = (int) i;
  g_assert_cmpint (sm, >=, 0);
  d8_province_page_set_overview (D8_PROVINCE_PAGE (page), ov);
  window = show_page (page);
  for (guint u = 0; u < ov->units->len; u++)
    {
      g_autofree char *shown = d8_province_page_describe_cell (D8_PROVINCE_PAGE (page), u,
                                                               (guint) sm);
      if (strstr (shown, target) == NULL)
        g_error ("the province page shows “%s” for the percent indicator, without its target %s",
                 shown, target);
      /* and never the word for "no quota": it has a target */
      g_assert_null (strstr (shown, d8_status_to_label (D8_STATUS_NO_QUOTA)));
    }
  for (guint r = 0; r < chart->rows->len; r++)
    {
      const D8ChartItem *item = d8_chart_model_get_item (chart, r, 0);
      g_autofree char *figures = d8_chart_item_format_figures (item);

      if (item->is_percent)
        g_assert_nonnull (strstr (figures, target));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (page);
  d8_test_rmtree (dir);
}

/* Charts → Export kept ".png" whatever format was chosen, and turned
 * ":" into "-" ("Chư Pưh- tiến độ…"). */
static void
test_export_name_and_type (void)
{
  const char *const extensions[] = { ".png", ".svg", ".pdf", NULL };
  g_autofree char *name = d8_format_file_name ("Chư Pưh: tiến độ so với chỉ tiêu");
  g_autofree char *plan = d8_format_file_name ("Kế hoạch 1653/KH-UBND: “tiến độ”?");
  g_autofree char *pdf = d8_ui_replace_extension ("Chư Pưh – tiến độ.png", extensions, ".pdf");
  g_autofree char *svg = d8_ui_replace_extension ("biểu đồ.PDF", extensions, ".svg");
  g_autofree char *png = d8_ui_replace_extension ("biểu đồ", extensions, ".png");
  g_autofree char *kept = d8_ui_replace_extension ("bản 2.1", extensions, ".png");
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "x.sqlite3", NULL);
  g_autofree char *path = g_build_filename (dir, pdf, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);
  g_autoptr (D8Plan) p = d8_store_resolve_plan (store, NULL, &error);
  g_autoptr (D8Overview) ov = d8_store_compute_overview (store, p->id, "2023-06-30", &error);
  g_autoptr (D8ChartModel) chart = d8_chart_model_unit_from_overview (ov, 0);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpstr (name, ==, "Chư Pưh – tiến độ so với chỉ tiêu");
  g_assert_cmpstr (plan, ==, "Kế hoạch 1653-KH-UBND – “tiến độ”");
  g_assert_cmpstr (pdf, ==, "Chư Pưh – tiến độ.pdf");
  g_assert_cmpstr (svg, ==, "biểu đồ.svg");
  g_assert_cmpstr (png, ==, "biểu đồ.png");
  g_assert_cmpstr (kept, ==, "bản 2.1.png");
  /* the name the chosen format gave decides what is written */
  g_assert_true (d8_chart_render_to_file (chart, NULL, path, D8_CHART_A4_LANDSCAPE_WIDTH,
                                          D8_CHART_A4_LANDSCAPE_HEIGHT, 96, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  d8_test_rmtree (dir);
}

static D8Store *
province_store (const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "province.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  D8Store *store = d8_store_open (db, D8_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  /* The fixtures are signed by Chư Pưh's test key, known here. */
  d8_test_trust_fixture_key (store, "gia-lai/chu-puh");
  return store;
}

/* When every record was refused the preview said "Nothing to import: the
 * database already holds all of it". */
static void
test_preview_all_rejected (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autoptr (D8Store) store = province_store (dir);
  g_autofree char *path = d8_test_source_path ("tests", "data", "bundles",
                                               "policy-many-rejections.duan8.json", NULL);
  g_autoptr (GError) error = NULL;
  D8BundleImport *import = d8_bundle_import_new (store, path, &error);
  const D8BundlePreview *p;
  GtkWidget *dialog;
  const char *body, *heading;

  g_assert_no_error (error);
  p = d8_bundle_import_get_preview (import);
  g_assert_cmpuint (p->entries[D8_BUNDLE_REJECTED], >, 0);
  dialog = d8_import_preview_new (NULL, store, "policy-many-rejections.duan8.json", import);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  heading = adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog));
  g_assert_null (strstr (body, _("This database already holds everything in it.")));
  g_assert_nonnull (strstr (body, _("Every record in it was refused; the reasons are listed "
                                    "below.")));
  g_assert_cmpstr (heading, ==, _("Nothing can be imported"));
  /* the made-on time is in the user's format, not ISO */
  g_assert_null (strstr (body, "T0"));
  g_assert_null (strstr (body, "Z."));
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
  d8_test_rmtree (dir);
}

/* Runs duan8-cli once per row of @steps (arguments, NULL-ended). */
static void
run_steps (const char *cli, const char *steps[][12], guint n)
{
  for (guint i = 0; i < n; i++)
    {
      const char *argv[14] = { cli };

      for (guint j = 0; j < 12 && steps[i][j] != NULL; j++)
        argv[j + 1] = steps[i][j];
      g_free (d8_test_spawn_output (argv));
    }
}

/* A bundle with the same sequence number as the last one imported from
 * its office was called "newer". Two databases both made Chư Pưh's office
 * each send their first bundle: the second is number 1 again. */
static void
test_same_sequence_not_newer (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  const char *root = g_getenv ("D8_BUILD_ROOT");
  g_autofree char *cli = g_build_filename (root ? root : ".", "src", "cli", "duan8-cli", NULL);
  g_autofree char *u1 = g_build_filename (dir, "u1.sqlite3", NULL);
  g_autofree char *u2 = g_build_filename (dir, "u2.sqlite3", NULL);
  g_autofree char *p = g_build_filename (dir, "p.sqlite3", NULL);
  g_autofree char *a = g_build_filename (dir, "a.duan8.json", NULL);
  g_autofree char *b = g_build_filename (dir, "b.duan8.json", NULL);
  /* One office's computer restored from a backup taken before it sent
   * bundle 1: it sends another bundle 1, signed with the same key. */
  const char *before_export[][12] = {
    { "--db", u1, "office", "--set", "chu puh" },
    { "--db", u1, "record", "--unit", "chu puh", "--indicator", "1", "--date", "2023-03-01",
      "--amount", "1" },
  };
  const char *after_copy[][12] = {
    { "--db", u1, "export-bundle", "--out", a },
    { "--db", u2, "record", "--unit", "chu puh", "--indicator", "1", "--date", "2023-04-01",
      "--amount", "2" },
    { "--db", u2, "export-bundle", "--out", b },
    { "--db", p, "import-bundle", "--trust-new-office", a },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Store) store = NULL;
  D8BundleImport *import;
  const D8BundlePreview *preview;
  GtkWidget *dialog;
  const char *body;

  run_steps (cli, before_export, G_N_ELEMENTS (before_export));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *from = g_strconcat (u1, i ? ".key" : "", NULL);
      g_autofree char *to = g_strconcat (u2, i ? ".key" : "", NULL);
      g_autofree char *bytes = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &bytes, &len, &error));
      g_assert_true (g_file_set_contents_full (to, bytes, (gssize) len,
                                               G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error));
      g_assert_no_error (error);
    }
  run_steps (cli, after_copy, G_N_ELEMENTS (after_copy));
  /* (duan8-cli refuses it, "not newer than the last one": test-trust.) */
  store = d8_store_open (p, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  import = d8_bundle_import_new (store, b, &error);
  g_assert_no_error (error);
  preview = d8_bundle_import_get_preview (import);
  g_assert_true (preview->rollback);
  g_assert_cmpint (preview->sequence, ==, preview->last_sequence);
  dialog = d8_import_preview_new (NULL, store, "b.duan8.json", import);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_null (strstr (body, _("A newer bundle from the same office was imported before this "
                                 "one; only what is newer here is taken.")));
  g_assert_nonnull (strstr (body, _("Another bundle with the same number from the same office "
                                    "was imported before; only what is newer here is taken.")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
  d8_test_rmtree (dir);
}

/* Open Bundle listed only *.duan8.json: a bundle renamed on the way could
 * not be chosen, though it is a bundle by its content. */
static void
test_open_renamed_bundle (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autoptr (D8Store) store = province_store (dir);
  GtkFileChooserNative *chooser = d8_exchange_bundle_chooser_new (NULL);
  g_autoptr (GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_autofree char *source = d8_test_source_path ("tests", "data", "bundles",
                                                 "policy-unit-office.duan8.json", NULL);
  g_autofree char *renamed = g_build_filename (dir, "duan8-chu-puh (1).json.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GFile) file = NULL;
  gsize length;
  GtkWidget *dialog;
  gboolean all = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GtkFileFilter) filter = g_list_model_get_item (filters, i);
      all |= g_strcmp0 (gtk_file_filter_get_name (filter), _("All files")) == 0;
    }
  g_assert_true (all);
  g_object_unref (chooser);

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (renamed, contents, (gssize) length, NULL));
  file = g_file_new_for_path (renamed);
  dialog = d8_exchange_open_bundle (NULL, store, NULL, file);
  g_assert_true (D8_IS_IMPORT_PREVIEW (dialog));
  /* Read as a bundle (the preview holds it), not refused as unreadable.
   * It carries records its office may not send, so it offers no Import
   * (issue 11). */
  g_assert_nonnull (d8_import_preview_peek_import (D8_IMPORT_PREVIEW (dialog)));
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  d8_test_spin ();
  d8_test_rmtree (dir);
}

/* The office question was remembered per person: a second database was
 * never asked. It belongs to the database now. */
static void
test_office_question_per_database (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *a_path = g_build_filename (dir, "a.sqlite3", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.sqlite3", NULL);
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (D8Store) a = d8_store_open (a_path, D8_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_false (d8_store_get_office_asked (a));
    g_assert_true (d8_store_mark_office_asked (a, &error));
    g_assert_no_error (error);
    g_assert_true (d8_store_get_office_asked (a));
  }
  {
    g_autoptr (D8Store) a = d8_store_open (a_path, D8_STORE_OPEN_DEFAULT, &error);
    g_autoptr (D8Store) b = d8_store_open (b_path, D8_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_true (d8_store_get_office_asked (a));  /* never twice */
    g_assert_false (d8_store_get_office_asked (b)); /* a new database asks */
    /* answering "province" (what it already was) counts as asked */
    g_assert_true (d8_store_set_office (b, "province", &error));
    g_assert_no_error (error);
    g_assert_true (d8_store_get_office_asked (b));
  }
  d8_test_rmtree (dir);
}

/* "May 4, 2023" — the form the app's own English tables print — was
 * refused. Dates as people type them are read; ambiguous ones refused. */
static void
test_dates_as_typed (void)
{
  const char *good[][2] = {
    { "May 4, 2023", "2023-05-04" }, { "4 May 2023", "2023-05-04" },
    { "Jun 30, 2023", "2023-06-30" }, { "june 30 2023", "2023-06-30" },
    { "30-06-2023", "2023-06-30" }, { "30.06.2023", "2023-06-30" },
    { "04/05/2023", "2023-05-04" }, { "2023-05-04", "2023-05-04" },
  };
  const char *bad[] = { "05/30/2023", "4/5/23", "May 2023", "May 4", "Mayo 4, 2023",
                        "30/06-2023", "May 32, 2023", "4 5 2023" };
  const char *round_trip[] = { "2023-05-04", "2023-12-31", "2024-02-29", "2023-01-09" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *iso = d8_parse_date (good[i][0], "date", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, good[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *iso = d8_parse_date (bad[i], "date", &error);
      if (iso != NULL)
        g_error ("“%s” was read as %s", bad[i], iso);
    }
  /* whatever the language, the form the app prints is read back */
  for (guint i = 0; i < G_N_ELEMENTS (round_trip); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *printed = d8_format_date (round_trip[i]);
      g_autofree char *iso = d8_parse_date (printed, "date", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, round_trip[i]);
    }
}

/* "Văn phòng: province": the CLI's table named the office by its code. */
static void
test_cli_office_by_name (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "o.sqlite3", NULL);
  const char *root = g_getenv ("D8_BUILD_ROOT");
  g_autofree char *cli = g_build_filename (root ? root : ".", "src", "cli", "duan8-cli", NULL);
  g_autofree char *province = d8_test_run (cli, "--db", db, "office", NULL);
  g_autofree char *unit = d8_test_run (cli, "--db", db, "office", "--set", "chu puh", NULL);
  g_autofree char *json = d8_test_run (cli, "--db", db, "--format", "json", "office", NULL);

  g_assert_null (strstr (province, "province"));
  g_assert_nonnull (strstr (province, _("Provincial Women’s Union")));
  g_assert_null (strstr (unit, "gia-lai/"));
  g_assert_nonnull (strstr (unit, "Chư Pưh"));
  /* machine formats keep the code */
  g_assert_nonnull (strstr (json, "gia-lai/chu-puh"));
  d8_test_rmtree (dir);
}

/* Chart labels were cut ("SM. Phụ nữ … sinh …"): on an A4 landscape page
 * every unit's and every indicator's chart shows its labels whole. */
static void
test_chart_labels_whole (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *db = NULL;
  g_autoptr (D8Store) store = seeded_store (dir, &db);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (store, NULL, &error);
  g_autoptr (D8Overview) ov = d8_store_compute_overview (store, plan->id, "2023-06-30", &error);
  D8ChartStyle style = d8_chart_style_print ();
  g_autoptr (GPtrArray) models = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_chart_model_free);

  g_assert_no_error (error);
  for (guint u = 0; u < ov->units->len; u++)
    g_ptr_array_add (models, d8_chart_model_unit_from_overview (ov, u));
  for (guint i = 0; i < ov->indicators->len; i++)
    if (((D8Indicator *) ov->indicators->pdata[i])->kind == D8_KIND_COUNT)
      g_ptr_array_add (models, d8_chart_model_indicator_from_overview (ov, i));
  for (guint m = 0; m < models->len; m++)
    {
      g_autoptr (D8ChartLayout) L = d8_chart_layout_new (models->pdata[m], &style,
                                                         D8_CHART_A4_LANDSCAPE_WIDTH,
                                                         D8_CHART_A4_LANDSCAPE_HEIGHT);

      for (guint t = 0; t < L->texts->len; t++)
        {
          const D8ChartText *text = &g_array_index (L->texts, D8ChartText, t);

          if (text->role == D8_CHART_TEXT_LABEL && text->ellipsized)
            g_error ("“%s” is cut in chart %u", text->text, m);
        }
    }
  d8_test_rmtree (dir);
}

/* Shows @child in a window of @width × @height and saves it as
 * <build>/screenshots/truth-<language>-<name>-<light|dark>.png. */
static void
shoot (GtkWidget *child, int width, int height, const char *name)
{
  const char *language = g_getenv ("D8_TEST_LANGUAGE");

  for (int dark = 0; dark < 2; dark++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *scroller = gtk_scrolled_window_new ();
      g_autofree char *file = g_strdup_printf ("truth-%s-%s-%s.png", language ? language : "",
                                               name, dark ? "dark" : "light");

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
      gtk_window_set_child (GTK_WINDOW (window), scroller);
      gtk_window_present (GTK_WINDOW (window));
      d8_test_spin_for (300);
      d8_test_save_screenshot (window, file);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), NULL);
      gtk_window_destroy (GTK_WINDOW (window));
      d8_test_spin ();
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The surfaces to look at, in the test's language, light and dark: the
 * province page, a unit page, two charts and the pack's pages. */
static void
test_screenshots (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *db = NULL;
  g_autoptr (D8Store) store = seeded_store (dir, &db);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (store, NULL, &error);
  g_autoptr (D8Overview) ov = d8_store_compute_overview (store, plan->id, "2023-06-30", &error);
  const char *root = g_getenv ("D8_BUILD_ROOT");
  const char *language = g_getenv ("D8_TEST_LANGUAGE");
  GtkWidget *widget;

  g_assert_no_error (error);
  d8_ui_ensure_style ();
  widget = g_object_ref_sink (d8_province_page_new ());
  d8_province_page_set_overview (D8_PROVINCE_PAGE (widget), ov);
  shoot (widget, 1500, 900, "province");
  g_object_unref (widget);

  widget = g_object_ref_sink (d8_unit_page_new ());
  d8_unit_page_set_unit (D8_UNIT_PAGE (widget), store, ov, 0);
  shoot (widget, 900, 900, "unit");
  g_object_unref (widget);

  widget = g_object_ref_sink (d8_chart_view_new ());
  d8_chart_view_set_model (D8_CHART_VIEW (widget), d8_chart_model_unit_from_overview (ov, 0));
  gtk_widget_set_size_request (widget, 1200, 700);
  shoot (widget, 1240, 740, "chart-unit");
  g_object_unref (widget);

  widget = g_object_ref_sink (d8_chart_view_new ());
  d8_chart_view_set_model (D8_CHART_VIEW (widget), d8_chart_model_matrix_from_overview (ov));
  gtk_widget_set_size_request (widget, 1400, 800);
  shoot (widget, 1440, 840, "chart-matrix");
  g_object_unref (widget);

  if (root != NULL)
    {
      g_autoptr (D8ChartPack) pack = d8_chart_pack_new (ov, NULL);
      g_autofree char *pdf = g_build_filename (root, "screenshots", "truth-pack.pdf", NULL);
      g_autofree char *prefix = g_strdup_printf ("%s/screenshots/truth-%s-pack", root,
                                                 language ? language : "");
      g_autofree char *out = NULL;

      g_assert_true (d8_chart_pack_write_pdf (pack, pdf, &error));
      g_assert_no_error (error);
      out = d8_test_run ("pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "3", pdf, prefix, NULL);
      g_free (out);
      out = d8_test_run ("pdftoppm", "-r", "70", "-png", "-gray", "-f", "3", "-l", "3", pdf,
                         prefix, NULL);
    }
  d8_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  const char *language = g_getenv ("D8_TEST_LANGUAGE");

  d8_i18n_init (language);
  d8_test_ui_init (&argc, &argv);

  g_test_add_func ("/consistency/surfaces-agree", test_surfaces_agree);
  g_test_add_func ("/consistency/one-colour-per-status", test_one_colour_per_status);
  g_test_add_func ("/consistency/cover-not-started", test_cover_not_started);
  g_test_add_func ("/consistency/percent-target-everywhere", test_percent_target_everywhere);
  g_test_add_func ("/consistency/export-name-and-type", test_export_name_and_type);
  g_test_add_func ("/consistency/preview-all-rejected", test_preview_all_rejected);
  g_test_add_func ("/consistency/same-sequence-not-newer", test_same_sequence_not_newer);
  g_test_add_func ("/consistency/open-renamed-bundle", test_open_renamed_bundle);
  g_test_add_func ("/consistency/office-question-per-database",
                   test_office_question_per_database);
  g_test_add_func ("/consistency/dates-as-typed", test_dates_as_typed);
  g_test_add_func ("/consistency/cli-office-by-name", test_cli_office_by_name);
  g_test_add_func ("/consistency/chart-labels-whole", test_chart_labels_whole);
  g_test_add_func ("/consistency/screenshots", test_screenshots);
  return g_test_run ();
}
