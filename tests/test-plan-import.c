/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plan-import.c — plans from files and spreadsheets (issue 12): the
 * 2023 appendix as Excel, LibreOffice and WPS save or paste it, a
 * 135-commune plan with parents, a revision, refusals that leave the
 * database byte-identical, names that fold equal, and export → import
 * round trips cell by cell. The tables are made by
 * tests/data/plans/make-tables.py. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "d8-error.h"
#include "d8-plan-export.h"
#include "d8-plan-import.h"
#include "d8-spreadsheet.h"
#include "d8-store.h"
#include "d8-test-util.h"
#include "d8-text.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "plans", name, NULL);
}

static D8Store *
new_store (char **dir_out)
{
  g_autoptr (GError) error = NULL;
  char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "t.sqlite3", NULL);
  D8Store *store = d8_store_open (path, D8_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  *dir_out = dir;
  return store;
}

static char *
sha256_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_strdup ("(none)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* The main file and its -wal, after a checkpoint through a second
 * connection (the store's own handle is private). */
static char *
fingerprint (D8Store *store)
{
  const char *path = d8_store_get_path (store);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  a = sha256_file (path);
  b = sha256_file (wal);
  return g_strconcat (a, " ", b, NULL);
}

/* The appendix as the reference plan file has it: unit code → cells as
 * written, and the totals. */
static const char *const chu_puh_2023[] = { "4", "-", "-", "1", "1", "2", "1", "1", "3" };
static const char *const ia_grai_2023[] = { "2", "-", "-", "2", "0", "2", "", "1", "" };
static const gint64 totals_2023[] = { 128, 3, 25, 87, 35, 80, 20, 17, 42 };

static const D8PlanFileRow *
row_of (const D8PlanPreview *p, const char *unit)
{
  for (guint r = 0; r < p->rows->len; r++)
    if (g_str_equal (((D8PlanFileRow *) p->rows->pdata[r])->unit, unit))
      return p->rows->pdata[r];
  g_assert_not_reached ();
  return NULL;
}

static void
assert_2023_appendix (const D8PlanPreview *p)
{
  const D8PlanFileRow *row;

  g_assert_cmpuint (p->rows->len, ==, 15);
  g_assert_cmpuint (p->columns->len, ==, 9);
  for (guint c = 0; c < 9; c++)
    {
      g_autofree char *code = g_strdup_printf ("%u", c + 1);
      const D8PlanAllocation *a = p->allocation->pdata[c];
      g_assert_cmpstr (p->columns->pdata[c], ==, code);
      g_assert_true (a->has_stated);
      g_assert_cmpint (a->stated, ==, totals_2023[c]);
      g_assert_cmpint (a->difference, ==, c == 0 ? 2 : 0);
    }
  row = row_of (p, "gia-lai/chu-puh");
  for (guint c = 0; c < 9; c++)
    g_assert_cmpstr (row->written[c], ==, chu_puh_2023[c]);
  row = row_of (p, "gia-lai/ia-grai");
  for (guint c = 0; c < 9; c++)
    {
      g_assert_cmpstr (row->written[c], ==, ia_grai_2023[c]);
      /* "0" is a quota of zero; "-" and blank are none. */
      g_assert_cmpint (row->has[c], ==, g_ascii_isdigit (ia_grai_2023[c][0]));
    }
  g_assert_cmpstr (p->target_label, ==, "Chỉ tiêu năm 2023");
  g_assert_cmpuint (p->n_new_units, ==, 0);
  g_assert_cmpuint (p->n_changed_units, ==, 0);
}

static D8PlanImportOptions
options_2024 (void)
{
  D8PlanImportOptions o = { 0 };

  o.from = "1653/KH-UBND";
  o.code = "gia-lai-2024";
  o.document_number = "12/KH-UBND";
  o.year = 2024;
  return o;
}

/* ---------------------------------------------------------- spreadsheets */

static void
test_sheet_reader (void)
{
  g_autoptr (GError) error = NULL;
  const char *text = "\xEF\xBB\xBFTT;\"Tên; đơn vị\";Cột \"1\"\r\n1;\"Chư\r\nPưh\";4\r\n";
  g_autoptr (D8Sheet) sheet = d8_sheet_read_text (text, strlen (text), "t.csv", &error);
  g_autofree char *c7 = d8_sheet_cell_name (6, 2);
  g_autofree char *ab12 = d8_sheet_cell_name (11, 27);

  g_assert_no_error (error);
  g_assert_cmpint (sheet->separator, ==, ';');
  g_assert_cmpstr (sheet->encoding, ==, "UTF-8 (BOM)");
  g_assert_cmpuint (sheet->rows->len, ==, 2);
  g_assert_cmpstr (d8_sheet_cell (sheet, 0, 1), ==, "Tên; đơn vị");
  g_assert_cmpstr (d8_sheet_cell (sheet, 1, 1), ==, "Chư\r\nPưh");
  g_assert_cmpstr (d8_sheet_cell (sheet, 1, 2), ==, "4");
  g_assert_cmpstr (d8_sheet_cell (sheet, 5, 5), ==, "");
  g_assert_cmpstr (c7, ==, "C7");
  g_assert_cmpstr (ab12, ==, "AB12");
}

static void
test_text_helpers (void)
{
  g_autofree char *a = d8_text_name_key ("  Thuỷ   An ");
  g_autofree char *b = d8_text_name_key ("thủy an");
  g_autoptr (GError) error = NULL;
  guint position = 0;

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (d8_text_find_invisible ("Chư\u00adPưh", &position), ==, 0x00AD);
  g_assert_cmpuint (position, ==, 4);
  g_assert_cmpuint (d8_text_find_invisible ("Chư Pưh", NULL), ==, 0);
  g_assert_false (d8_text_check_visible ("Ia\u200bGrai", "--unit", &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "U+200B"));
}

/* The 2023 appendix in every form an analyst may have it. */
static void
test_appendix_2023_forms (void)
{
  static const char *const files[] = { "appendix-2023-excel.csv", "appendix-2023-cp1258.csv",
                                       "appendix-2023.tsv", "appendix-2023-reordered.csv",
                                       "appendix-2023.xlsx" };
  g_autofree char *dir = NULL;
  g_autoptr (D8Store) store = new_store (&dir);
  D8PlanImportOptions o = options_2024 ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = fixture (files[i]);
      g_autoptr (D8PlanImport) import = d8_plan_import_new_from_file (store, path, &o, &error);

      g_test_message ("%s", files[i]);
      g_assert_no_error (error);
      assert_2023_appendix (d8_plan_import_get_preview (import));
      g_assert_cmpint (d8_plan_import_get_preview (import)->plan->year, ==, 2024);
    }
  /* Pasted from a spreadsheet: the TSV's text through the clipboard route. */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *path = fixture ("appendix-2023.tsv");
    g_autofree char *text = NULL;
    g_autoptr (D8PlanImport) import = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    import = d8_plan_import_new_from_text (store, text, &o, &error);
    g_assert_no_error (error);
    g_assert_cmpint (d8_plan_import_get_preview (import)->source, ==, D8_PLAN_SOURCE_PASTE);
    assert_2023_appendix (d8_plan_import_get_preview (import));
  }
  /* The second sheet of the workbook is not the appendix. */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *path = fixture ("appendix-2023.xlsx");
    g_autoptr (D8PlanImport) import = NULL;

    o.sheet = "Nope";
    import = d8_plan_import_new_from_file (store, path, &o, &error);
    g_assert_null (import);
    g_assert_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT);
    g_assert_nonnull (strstr (error->message, "“Ghi chú”"));
    o.sheet = "phu luc";
    g_clear_error (&error);
    import = d8_plan_import_new_from_file (store, path, &o, &error);
    g_assert_no_error (error);
  }
}

/* A table imported as a new plan: its quotas are the 2023 quotas. */
static void
test_apply_table (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (D8Store) store = new_store (&dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture ("appendix-2023-excel.csv");
  D8PlanImportOptions o = options_2024 ();
  g_autoptr (D8PlanImport) import = d8_plan_import_new_from_file (store, path, &o, &error);
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  g_autoptr (D8Plan) plan = NULL;
  gint64 plan_id = 0;

  g_assert_no_error (error);
  g_assert_true (d8_plan_import_apply (import, &plan_id, &error));
  g_assert_no_error (error);
  plan = d8_store_resolve_plan (store, "2024", &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->id, ==, plan_id);
  units = d8_store_list_units (store, plan_id, &error);
  g_assert_cmpuint (units->len, ==, 15);
  indicators = d8_store_list_indicators (store, plan_id, &error);
  /* The 80 % of section II comes with --from; the totals from the table. */
  g_assert_cmpuint (indicators->len, ==, 10);
  g_assert_cmpstr (((D8Indicator *) indicators->pdata[0])->target_written, ==, "128");
  g_assert_cmpstr (((D8Indicator *) indicators->pdata[9])->target_written, ==, "80%");
}

/* ----------------------------------------------------- 135 communes */

static void
test_135_communes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (D8Store) store = new_store (&dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture ("plan-2026-135.duan8-plan.json");
  g_autofree char *table = fixture ("appendix-2026-135.csv");
  g_autoptr (D8PlanImport) import = d8_plan_import_new_from_file (store, path, NULL, &error);
  g_autoptr (D8PlanImport) again = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (D8Unit) gia_lai_2023 = NULL;
  g_autoptr (D8Unit) commune = NULL;
  g_autoptr (D8Plan) p2023 = NULL;
  const D8PlanPreview *p;
  gboolean warned = FALSE;
  gint64 plan_id = 0;
  guint phuong = 0;

  g_assert_no_error (error);
  p = d8_plan_import_get_preview (import);
  g_assert_cmpuint (p->n_new_units, ==, 136);
  for (guint i = 0; i < p->warnings->len; i++)
    warned |= strstr (p->warnings->pdata[i], "gia-lai-2025") != NULL;
  g_assert_true (warned); /* the second "Gia Lai" is shown, and kept apart */
  g_assert_true (d8_plan_import_apply (import, &plan_id, &error));
  units = d8_store_list_units (store, plan_id, &error);
  g_assert_cmpuint (units->len, ==, 135);
  for (guint i = 0; i < units->len; i++)
    {
      D8Unit *unit = units->pdata[i];
      g_assert_cmpstr (unit->level, ==, "commune");
      g_assert_cmpint (unit->parent_id, !=, 0);
      g_assert_cmpstr (unit->valid_from, ==, "2025-07-01");
      phuong += g_strcmp0 (unit->kind, "phường") == 0;
    }
  g_assert_cmpuint (phuong, ==, 25);
  /* The two "Gia Lai": the 2023 unit ended on 30/6/2025 and stays in the
   * 2023 plan; the new province is another unit. */
  p2023 = d8_store_resolve_plan (store, "2023", &error);
  g_assert_no_error (error);
  gia_lai_2023 = d8_store_resolve_unit (store, p2023->id, "gia-lai/chu-puh", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gia_lai_2023->valid_to, ==, "2025-06-30");
  commune = d8_store_resolve_unit (store, plan_id, "Ia Hru", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (commune->code, ==, "gia-lai-2025/001");

  /* Its appendix as a table with group rows and TT restarting: matched to
   * the same communes by name, group-title rows skipped. */
  {
    D8PlanImportOptions o = { 0 };
    o.from = "2026";
    o.code = "gia-lai-2026-bang";
    o.document_number = "46/KH-UBND";
    again = d8_plan_import_new_from_file (store, table, &o, &error);
    g_assert_no_error (error);
    p = d8_plan_import_get_preview (again);
    g_assert_cmpuint (p->rows->len, ==, 135);
    g_assert_cmpuint (p->n_new_units, ==, 0);
    g_assert_cmpstr (((D8PlanFileRow *) p->rows->pdata[70])->unit, ==, "gia-lai-2025/071");
    g_assert_cmpint (((D8PlanAllocation *) p->allocation->pdata[0])->difference, ==, 0);
  }
}

/* ------------------------------------------------------------ revision */

static void
test_revision (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (D8Store) store = new_store (&dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture ("plan-2023-revised.duan8-plan.json");
  g_autofree char *uuid = d8_test_record (store, "Chư Pưh", "1", "2023-05-02", 3, NULL);
  g_autofree char *before = fingerprint (store);
  g_autofree char *after = NULL;
  g_autoptr (D8PlanImport) import = d8_plan_import_new_from_file (store, path, NULL, &error);
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (D8Overview) ov = NULL;
  g_autoptr (D8Entry) entry = NULL;
  const D8PlanPreview *p;
  D8PlanRevision *r;

  g_assert_no_error (error);
  p = d8_plan_import_get_preview (import);
  g_assert_true (p->is_revision);
  g_assert_cmpuint (p->changes->len, ==, 3);
  /* Not confirmed: refused, nothing written. */
  g_assert_false (d8_plan_import_apply (import, NULL, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_AMBIGUOUS);
  g_clear_error (&error);
  after = fingerprint (store);
  g_assert_cmpstr (before, ==, after);

  d8_plan_import_set_revise (import, TRUE);
  g_assert_true (d8_plan_import_apply (import, NULL, &error));
  g_assert_no_error (error);
  revisions = d8_store_list_plan_revisions (store, p->revises_plan_id, &error);
  g_assert_cmpuint (revisions->len, ==, 1);
  r = revisions->pdata[0];
  g_assert_cmpstr (r->doc_number, ==, "2001/QĐ-UBND");
  g_assert_cmpstr (r->issued_on, ==, "2023-09-15");
  g_assert_cmpuint (r->changes->len, ==, 3);
  for (guint i = 0; i < r->changes->len; i++)
    {
      D8PlanQuotaChange *c = r->changes->pdata[i];
      if (g_strcmp0 (c->unit, "gia-lai/chu-puh") == 0)
        {
          g_assert_cmpstr (c->old_written, ==, "4");
          g_assert_cmpstr (c->new_written, ==, "6");
        }
      else if (c->unit == NULL)
        {
          g_assert_cmpstr (c->indicator, ==, "7");
          g_assert_cmpstr (c->old_written, ==, "20");
          g_assert_cmpstr (c->new_written, ==, "21");
        }
      else
        {
          g_assert_cmpstr (c->unit, ==, "gia-lai/ia-grai");
          g_assert_cmpstr (c->old_written, ==, "");
        }
    }
  /* The entry stays attached and counts against the new quota. */
  entry = d8_store_get_entry (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry->plan_id, ==, p->revises_plan_id);
  ov = d8_store_compute_overview (store, p->revises_plan_id, "2023-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpint (d8_overview_cell (ov, 0, 0)->quota, ==, 6);
  g_assert_cmpint (d8_overview_cell (ov, 0, 0)->achieved, ==, 3);
}

/* ------------------------------------------------------------- refusals */

static void
test_refusals (void)
{
  /* file, the words the message must hold (the row, cell or record) */
  static const char *const cases[][2] = {
    { "bad-cell-text.csv", "E4: “ba”" },
    { "bad-cell-negative.csv", "E4: “-3”" },
    { "bad-cell-fraction.csv", "C6: “2.5”" },
    { "bad-cell-huge.csv", "C6: 99999999999" },
    { "bad-fold-equal.csv", "row 3: “Thuỷ An” and “Thủy An” (row 2)" },
    { "bad-soft-hyphen.csv", "U+00AD" },
    { "bad-zero-width.tsv", "U+200B" },
    { "bad-two-totals.csv", "row 18" },
    { "bad-quota-no-name.csv", "B7" },
    { "bad-column-no-header.csv", "K1" },
    { "bad-unclosed-quote.csv", "row 3" },
    { "bad-no-header.csv", "header" },
    { "bad-empty.csv", "empty" },
    { "bad-nul-bytes.csv", "NUL" },
    { "bad-bom-not-utf8.csv", "1258" },
    { "bad-no-rows.csv", "row 1" },
    { "bad-not-a-workbook.xlsx", "XLSX" },
    { "bad-truncated.xlsx", "xl/" },
    { "bad-no-workbook.xlsx", "xl/workbook.xml" },
    { "bad-broken-sheet.xlsx", "xl/worksheets/sheet1.xml" },
    { "bad-fold-equal-units.json", "units[3].name" },
    { "bad-invisible-unit.json", "units[5].name" },
    { "bad-revision-drops-unit.json", "gia-lai/chu-pah" },
    { "bad-revision-drops-column.json", "indicator 9" },
  };
  g_autofree char *dir = NULL;
  g_autoptr (D8Store) store = new_store (&dir);
  g_autofree char *before = fingerprint (store);
  D8PlanImportOptions o = options_2024 ();

  o.revise = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = fixture (cases[i][0]);
      g_autoptr (D8PlanImport) import = NULL;
      g_autofree char *after = NULL;
      const D8PlanImportOptions *opts = g_str_has_suffix (path, ".json") ? NULL : &o;

      if (g_str_has_prefix (cases[i][0], "bad-revision"))
        {
          static D8PlanImportOptions revise = { .revise = TRUE };
          opts = &revise;
        }
      import = d8_plan_import_new_from_file (store, path, opts, &error);
      g_test_message ("%s: %s", cases[i][0], error ? error->message : "(accepted)");
      g_assert_null (import);
      g_assert_error (error, D8_ERROR, D8_ERROR_PLAN_FORMAT);
      g_assert_nonnull (strstr (error->message, cases[i][0]));
      g_assert_nonnull (strstr (error->message, cases[i][1]));
      after = fingerprint (store);
      g_assert_cmpstr (before, ==, after);
    }
}

/* ----------------------------------------------------------- ambiguity */

static void
test_ambiguity (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (D8Store) store = new_store (&dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture ("plan-thuy-an.duan8-plan.json");
  g_autoptr (D8PlanImport) import = d8_plan_import_new_from_file (store, path, NULL, &error);
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Unit) unit = NULL;
  g_autoptr (D8Plan) none = NULL;
  gint64 plan_id = 0;

  g_assert_no_error (error);
  g_assert_true (d8_plan_import_apply (import, &plan_id, &error));
  plan = d8_store_resolve_plan (store, "thuy-an-2026", &error);
  g_assert_no_error (error);
  /* Never a silent pick: both are listed, with their codes. */
  for (guint i = 0; i < 3; i++)
    {
      static const char *const refs[] = { "Thủy An", "Thuỷ An", "thuy an" };
      g_autoptr (D8Unit) u = d8_store_resolve_unit (store, plan->id, refs[i], &error);
      g_assert_null (u);
      g_assert_error (error, D8_ERROR, D8_ERROR_AMBIGUOUS);
      g_assert_nonnull (strstr (error->message, "d1/thuy-an"));
      g_assert_nonnull (strstr (error->message, "d2/thuy-an"));
      g_clear_error (&error);
    }
  unit = d8_store_resolve_unit (store, plan->id, "d2/thuy-an", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unit->name, ==, "Thủy An");
  /* An invisible character in the argument is named. */
  g_assert_null (d8_store_resolve_unit (store, plan->id, "Thu\u00ady An", &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "soft hyphen"));
  g_clear_error (&error);
  /* A year two plans share is not a plan. */
  {
    g_autofree char *p135 = fixture ("plan-2026-135.duan8-plan.json");
    g_autoptr (D8PlanImport) second = d8_plan_import_new_from_file (store, p135, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (d8_plan_import_apply (second, NULL, &error));
  }
  none = d8_store_resolve_plan (store, "2026", &error);
  g_assert_null (none);
  g_assert_error (error, D8_ERROR, D8_ERROR_AMBIGUOUS);
}

/* ------------------------------------------------------------ round trip */

static void
assert_same_quotas (D8Store *store, gint64 a, gint64 b)
{
  g_autofree char *x = d8_plan_export_to_json (store, a, NULL);
  g_autofree char *y = d8_plan_export_to_json (store, b, NULL);
  const char *ax = strstr (x, "\"appendix\"");
  const char *by = strstr (y, "\"appendix\"");

  /* From the appendix on (columns, rows with unit codes and cells as
   * written, the totals, the targets) the two files are the same. */
  g_assert_nonnull (ax);
  g_assert_nonnull (by);
  g_assert_cmpstr (ax, ==, by);
}

static void
test_round_trip (void)
{
  static const char *const names[] = { "out.duan8-plan.json", "out.csv", "out.xlsx" };
  g_autofree char *dir = NULL;
  g_autoptr (D8Store) store = new_store (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Plan) original = d8_store_resolve_plan (store, NULL, &error);
  g_autofree char *p135 = fixture ("plan-2026-135.duan8-plan.json");
  g_autoptr (D8PlanImport) i135 = d8_plan_import_new_from_file (store, p135, NULL, &error);
  gint64 id135 = 0;

  g_assert_no_error (error);
  g_assert_true (d8_plan_import_apply (i135, &id135, &error));
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    for (guint which = 0; which < 2; which++)
      {
        gint64 source = which == 0 ? original->id : id135;
        g_autofree char *out = g_build_filename (dir, names[n], NULL);
        g_autofree char *code = g_strdup_printf ("rt-%u-%u", n, which);
        D8PlanExportFormat format;
        D8PlanImportOptions o = { 0 };
        g_autoptr (D8PlanImport) import = NULL;
        g_autofree char *from = g_strdup_printf ("%" G_GINT64_FORMAT, source);
        gint64 copy = 0;

        g_assert_true (d8_plan_export_format_for_path (out, &format));
        g_assert_true (d8_plan_export (store, source, format, out, &error));
        g_assert_no_error (error);
        o.from = format == D8_PLAN_EXPORT_JSON ? NULL : from;
        o.code = code;
        o.document_number = code;
        import = d8_plan_import_new_from_file (store, out, &o, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (d8_plan_import_get_preview (import)->n_new_units, ==, 0);
        g_assert_true (d8_plan_import_apply (import, &copy, &error));
        g_assert_no_error (error);
        assert_same_quotas (store, source, copy);
      }
}

/* A mapping file (import-plan --mapping, the Mapping tab's Save): written
 * with its names in order, read back the same; a large one is read in
 * linear time (a repeated name among 200,000 is still found); a device or
 * a file too large is refused before it is read. */
static void
test_mapping_file (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "mapping.json", NULL);
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) read_columns = NULL;
  g_autoptr (GHashTable) read_units = NULL;
  g_autoptr (GString) json = g_string_new ("{\"units\": {");
  g_autoptr (GError) error = NULL;
  const char *zeta, *alpha, *mike;
  gint64 start;

  g_hash_table_insert (columns, (gpointer) "zeta", (gpointer) "1");
  g_hash_table_insert (columns, (gpointer) "alpha", (gpointer) "-");
  g_hash_table_insert (columns, (gpointer) "Mike", (gpointer) "+");
  g_hash_table_insert (units, (gpointer) "Thị xã An Khê", (gpointer) "gia-lai/an-khe");
  g_assert_true (d8_plan_import_write_mapping (path, columns, units, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  zeta = strstr (text, "\"zeta\"");
  alpha = strstr (text, "\"alpha\"");
  mike = strstr (text, "\"Mike\"");
  g_assert_true (mike != NULL && alpha != NULL && zeta != NULL);
  g_assert_true (mike < alpha && alpha < zeta); /* byte order: "M" < "a" < "z" */
  g_assert_true (d8_plan_import_read_mapping (path, &read_columns, &read_units, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (read_columns), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (read_columns, "alpha"), ==, "-");
  g_assert_cmpstr (g_hash_table_lookup (read_units, "Thị xã An Khê"), ==, "gia-lai/an-khe");
  g_clear_pointer (&read_columns, g_hash_table_unref);
  g_clear_pointer (&read_units, g_hash_table_unref);

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (json, "%s\"unit %u\": \"+commune\"", i ? ", " : "", i);
  g_string_append (json, ", \"unit 7\": \"x\"}}");
  g_assert_true (g_file_set_contents (big, json->str, json->len, NULL));
  start = g_get_monotonic_time ();
  g_assert_false (d8_plan_import_read_mapping (big, &read_columns, &read_units, &error));
  g_assert_nonnull (strstr (error->message, "“unit 7” appears twice"));
  /* linear: about 0.2 s here; comparing every name with every other
   * took minutes */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_clear_error (&error);

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_assert_false (d8_plan_import_read_mapping ("/dev/zero", &read_columns, &read_units, &error));
      g_assert_nonnull (strstr (error->message, "not a mapping"));
      g_clear_error (&error);
    }
  d8_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-import/sheet-reader", test_sheet_reader);
  g_test_add_func ("/plan-import/text-helpers", test_text_helpers);
  g_test_add_func ("/plan-import/appendix-2023-forms", test_appendix_2023_forms);
  g_test_add_func ("/plan-import/apply-table", test_apply_table);
  g_test_add_func ("/plan-import/135-communes", test_135_communes);
  g_test_add_func ("/plan-import/revision", test_revision);
  g_test_add_func ("/plan-import/refusals", test_refusals);
  g_test_add_func ("/plan-import/ambiguity", test_ambiguity);
  g_test_add_func ("/plan-import/round-trip", test_round_trip);
  g_test_add_func ("/plan-import/mapping-file", test_mapping_file);
  return g_test_run ();
}
