/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-official-report.c — the province's report to the People's Committee
 * (issue 16): the table writer (CSV plain and for Excel, XLSX read back
 * with its print set-up and frozen header), the report's settings, the
 * document model written from the figures (sentences, the units behind with
 * their reasons, the 128/126 allocation shown and not corrected), and the
 * model's DOCX and PDF read by real readers (pandoc, pdftotext): a reader
 * that is missing fails the test. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

#include "d8-format.h"
#include "d8-official-report.h"
#include "d8-report-pdf.h"
#include "d8-spreadsheet.h"
#include "d8-test-util.h"

/* ------------------------------------------------------------ fixtures */

typedef struct
{
  char *dir;
  char *db;
  D8Store *store;
  D8Plan *plan;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = d8_test_tmpdir ();
  f->db = g_build_filename (f->dir, "duan8.sqlite3", NULL);
  f->store = d8_store_open (f->db, D8_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->plan = d8_store_resolve_plan (f->store, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  d8_plan_free (f->plan);
  d8_test_rmtree (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* Reads one member of a zip file (an XLSX part) with libarchive. */
static char *
zip_member (const char *path, const char *name)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  GString *out = NULL;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      char buf[8192];
      la_ssize_t n;

      if (!g_str_equal (archive_entry_pathname (entry), name))
        continue;
      out = g_string_new (NULL);
      while ((n = archive_read_data (a, buf, sizeof buf)) > 0)
        g_string_append_len (out, buf, n);
      break;
    }
  archive_read_free (a);
  g_assert_nonnull (out);
  return g_string_free (out, FALSE);
}

static D8Table *
small_table (void)
{
  D8Table *table = d8_table_new ("Bảng 1", 3);
  const char *head[] = { "Đơn vị", "Số, lượng", "Tỷ lệ" };
  guint row;

  d8_table_add_header (table, head);
  row = d8_table_add_row (table);
  d8_table_set_text (table, row, 0, "Chư Pưh");
  d8_table_set_count (table, row, 1, 1234);
  d8_table_set_percent (table, row, 2, 0.125);
  row = d8_table_add_row (table);
  d8_table_set_text (table, row, 0, "Nói \"to\"");
  return table;
}

/* ---------------------------------------------------------- the tables */

static void
test_csv_dialects (void)
{
  g_autoptr (D8Table) table = small_table ();
  gsize plain_len = 0, excel_len = 0;
  g_autofree char *plain = d8_table_to_csv (table, D8_CSV_PLAIN, &plain_len);
  g_autofree char *excel = d8_table_to_csv (table, D8_CSV_EXCEL, &excel_len);

  g_assert_cmpstr (plain, ==,
                   "Đơn vị,\"Số, lượng\",Tỷ lệ\n"
                   "Chư Pưh,1234,12.5\n"
                   "\"Nói \"\"to\"\"\",,\n");
  g_assert_cmpstr (excel, ==,
                   "\xEF\xBB\xBF"
                   "Đơn vị,\"Số, lượng\",Tỷ lệ\r\n"
                   "Chư Pưh,1234,12.5\r\n"
                   "\"Nói \"\"to\"\"\",,\r\n");
  g_assert_cmpuint (excel_len, ==, plain_len + 3 + 3);
}

static void
test_xlsx_read_back (void)
{
  g_autofree char *dir = d8_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "tables.xlsx", NULL);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) d8_table_unref);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL, *sheet_xml = NULL, *workbook_xml = NULL;
  gsize length = 0;
  g_autoptr (D8Sheet) first = NULL, second = NULL;
  D8Table *two;

  g_ptr_array_add (tables, small_table ());
  two = d8_table_new ("Theo chỉ tiêu", 2);
  two->title = g_strdup ("Tiêu đề");
  {
    const char *h1[] = { "Chỉ tiêu 1", NULL };
    const char *h2[] = { "Giao", "Đạt" };
    guint row;

    d8_table_add_header (two, h1);
    d8_table_add_header (two, h2);
    row = d8_table_add_row (two);
    d8_table_set_count (two, row, 0, 128);
    d8_table_set_count (two, row, 1, 126);
  }
  g_ptr_array_add (tables, two);
  g_assert_true (d8_table_write_xlsx (tables, path, &error));
  g_assert_no_error (error);

  /* cells and sheet names through our own XLSX reader */
  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  first = d8_sheet_read_xlsx (data, length, NULL, "tables.xlsx", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->sheet_name, ==, "Bảng 1");
  g_assert_cmpstr (d8_sheet_cell (first, 0, 1), ==, "Số, lượng");
  g_assert_cmpstr (d8_sheet_cell (first, 1, 0), ==, "Chư Pưh");
  g_assert_cmpstr (d8_sheet_cell (first, 1, 1), ==, "1234");
  g_assert_cmpstr (d8_sheet_cell (first, 1, 2), ==, "0.125");
  second = d8_sheet_read_xlsx (data, length, "Theo chỉ tiêu", "tables.xlsx", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d8_sheet_cell (second, 0, 0), ==, "Tiêu đề");
  g_assert_cmpstr (d8_sheet_cell (second, 2, 0), ==, "Chỉ tiêu 1");
  g_assert_cmpstr (d8_sheet_cell (second, 4, 0), ==, "128");

  /* print set-up: A4 (9) landscape, fitted to the width; header frozen,
   * merged and repeated on every page */
  sheet_xml = zip_member (path, "xl/worksheets/sheet2.xml");
  g_assert_nonnull (strstr (sheet_xml, "paperSize=\"9\""));
  g_assert_nonnull (strstr (sheet_xml, "orientation=\"landscape\""));
  g_assert_nonnull (strstr (sheet_xml, "fitToHeight=\"0\""));
  g_assert_nonnull (strstr (sheet_xml, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet_xml, "ySplit=\"4\""));
  g_assert_nonnull (strstr (sheet_xml, "<mergeCell ref=\"A3:B3\"/>"));
  workbook_xml = zip_member (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook_xml, "_xlnm.Print_Titles"));
  g_assert_nonnull (strstr (workbook_xml, "$3:$4"));

  /* two sheets of one name are refused, and nothing is left behind */
  g_ptr_array_add (tables, small_table ());
  g_assert_false (d8_table_write_xlsx (tables, path, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Bảng 1"));
  d8_test_rmtree (dir);
}

/* ------------------------------------------------------------ settings */

static void
test_settings (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8ReportSettings) defaults = d8_store_get_report_settings (f->store, f->plan->id,
                                                                        &error);
  g_autoptr (D8ReportSettings) changed = g_new0 (D8ReportSettings, 1);
  g_autoptr (D8ReportSettings) read = NULL, back = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_no_error (error);
  /* the province comes from the plan's units, never from code */
  g_assert_nonnull (strstr (defaults->issuer, "GIA LAI"));
  g_assert_cmpstr (defaults->place, ==, "Gia Lai");
  g_assert_cmpstr (defaults->symbol, ==, "BC-HPN");
  g_assert_cmpstr (defaults->signer_name, ==, "");
  g_assert_nonnull (strchr (defaults->recipients, '\n'));

  changed->signer_name = g_strdup ("Nguyễn Thị Hoà");
  changed->signer_title = g_strdup ("PHÓ CHỦ TỊCH");
  changed->recipients = g_strdup ("- UBND tỉnh (b/c);\n- Lưu: VT.");
  g_assert_true (d8_store_set_report_settings (f->store, changed, &error));
  g_assert_no_error (error);
  read = d8_store_get_report_settings (f->store, f->plan->id, &error);
  g_assert_cmpstr (read->signer_name, ==, "Nguyễn Thị Hoà");
  g_assert_cmpstr (read->signer_title, ==, "PHÓ CHỦ TỊCH");
  g_assert_cmpstr (read->issuer, ==, defaults->issuer); /* NULL: the default */

  /* a text too long is refused, naming the field, and nothing changes */
  before = d8_test_dump (f->db);
  g_free (changed->signer_name);
  changed->signer_name = g_strnfill (10001, 'a');
  g_assert_false (d8_store_set_report_settings (f->store, changed, &error));
  g_assert_error (error, D8_ERROR, D8_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "name"));
  g_clear_error (&error);
  after = d8_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  /* NULL everywhere: back to the defaults */
  g_free (changed->signer_name);
  changed->signer_name = NULL;
  g_clear_pointer (&changed->signer_title, g_free);
  g_clear_pointer (&changed->recipients, g_free);
  g_assert_true (d8_store_set_report_settings (f->store, changed, &error));
  back = d8_store_get_report_settings (f->store, f->plan->id, &error);
  g_assert_cmpstr (back->signer_name, ==, "");
  g_assert_cmpstr (back->recipients, ==, defaults->recipients);
}

/* ---------------------------------------------------------------- model */

static D8OfficialReport *
build_report (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (D8Overview) overview = NULL;
  g_autoptr (D8ReportSettings) settings = NULL;
  g_autoptr (GPtrArray) narratives = g_ptr_array_new_with_free_func (
    (GDestroyNotify) d8_official_narrative_free);
  g_autoptr (D8Unit) chu_puh = d8_store_resolve_unit (f->store, f->plan->id, "Chư Pưh", &error);
  g_autoptr (D8Unit) krong_pa = d8_store_resolve_unit (f->store, f->plan->id, "Krông Pa", &error);
  D8OfficialNarrative *n;
  D8OfficialPeriod period = { "2023-h1", "Báo cáo 6 tháng đầu năm 2023", "2023-01-01",
                              "2023-06-10", "2023-06-15" };

  g_free (d8_test_record (f->store, "Chư Pưh", "1", "2023-03-04", 4, NULL));
  g_free (d8_test_record (f->store, "Krông Pa", "1", "2023-04-10", 2, NULL));
  g_free (d8_test_record (f->store, "Krông Pa", "5", "2023-05-10", 3, NULL));
  g_free (d8_test_record (f->store, "Krông Pa", "1", "2023-07-01", 9, NULL)); /* after the cut-off */
  overview = d8_store_compute_overview (f->store, f->plan->id, "2023-06-10", &error);
  g_assert_no_error (error);
  settings = d8_store_get_report_settings (f->store, f->plan->id, &error);
  g_free (settings->signer_name);
  settings->signer_name = g_strdup ("Nguyễn Thị Hoà");

  n = d8_official_narrative_new (krong_pa->id);
  n->difficulties = g_strdup("Địa bàn rộng, đi lại khó khăn mùa mưa.");
  n->proposals = g_strdup ("Đề nghị bổ sung kinh phí tập huấn.");
  g_hash_table_insert (n->reasons, g_strdup ("4"), g_strdup ("Chưa bố trí được lịch đối thoại."));
  g_ptr_array_add (narratives, n);
  n = d8_official_narrative_new (chu_puh->id);
  n->results = g_strdup ("Thành lập 4 tổ truyền thông cộng đồng.");
  g_ptr_array_add (narratives, n);
  return d8_official_report_build (overview, &period, settings, "2023-06-05", narratives, NULL);
}

static gboolean
any_paragraph_has (const D8OfficialReport *report, const char *needle)
{
  for (guint s = 0; s < report->sections->len; s++)
    {
      const D8ReportSection *section = report->sections->pdata[s];
      for (guint p = 0; p < section->paragraphs->len; p++)
        if (strstr (section->paragraphs->pdata[p], needle) != NULL)
          return TRUE;
    }
  return FALSE;
}

static void
test_model (Fixture *f, gconstpointer data)
{
  g_autoptr (D8OfficialReport) report = build_report (f);
  const D8Table *appendix = report->appendix;
  guint n_units = 15;
  D8TableCell *cell;

  /* Decree 30's parts, in the language of the messages (C here) */
  g_assert_nonnull (strstr (report->issuer, "GIA LAI"));
  g_assert_cmpstr (report->place_date, ==, "Gia Lai, day 05 month 6 year 2023");
  g_assert_cmpstr (report->number, ==, "No.:         /BC-HPN");
  g_assert_nonnull (strstr (report->subtitle, "1653/KH-UBND"));
  {
    g_autofree char *cutoff = d8_format_date ("2023-06-10");
    g_assert_nonnull (strstr (report->subtitle, cutoff));
  }
  g_assert_cmpstr (report->signer_name, ==, "Nguyễn Thị Hoà");
  g_assert_cmpuint (report->recipients->len, ==, 4);

  /* results, units behind, difficulties, proposals; four content groups */
  g_assert_cmpuint (report->sections->len, ==, 1 + 4 + 1 + 3);
  g_assert_cmpstr (((D8ReportSection *) report->sections->pdata[1])->heading, ==,
                   "1. Content 1: Tổ/nhóm truyền thông cộng đồng được thành lập và duy trì");
  /* figures as of the cut-off: 4 + 2, not the 9 of July; the plan's 128
   * against the units' 126, shown */
  g_assert_true (any_paragraph_has (report, "6 of 128 tổ achieved"));
  g_assert_true (any_paragraph_has (report, "the units’ quotas add up to 126, 2 not allocated"));
  g_assert_true (any_paragraph_has (report, "Of the 14 units with a quota: 1 done"));
  /* a unit behind with its own reason; another without one */
  g_assert_true (any_paragraph_has (report, "- Krông Pa: behind on indicator 1 (2/12)"));
  g_assert_true (any_paragraph_has (report, "Reason given for indicator 4: Chưa bố trí được "
                                            "lịch đối thoại."));
  g_assert_true (any_paragraph_has (report, "- Đak Đoa: behind on indicator 1 (0/6)"));
  g_assert_true (any_paragraph_has (report, "The unit has not given a reason."));
  g_assert_false (any_paragraph_has (report, "indicator SM"));
  g_assert_true (any_paragraph_has (report, "- Krông Pa: Địa bàn rộng, đi lại khó khăn mùa mưa."));
  g_assert_true (any_paragraph_has (report, "- Krông Pa: Đề nghị bổ sung kinh phí tập huấn."));
  g_assert_true (any_paragraph_has (report, "- Chư Pưh: Thành lập 4 tổ truyền thông cộng đồng."));

  /* the appendix: 2 + 3 × 9 columns; the units, their sum, the stated
   * totals, the difference */
  g_assert_cmpuint (appendix->n_columns, ==, 2 + 3 * 9);
  g_assert_cmpuint (appendix->header->len, ==, 2);
  g_assert_null (d8_table_header_text (appendix, 0, 3)); /* merged over quota/achieved/% */
  g_assert_cmpuint (appendix->rows->len, ==, n_units + 3);
  cell = d8_table_cell ((D8Table *) appendix, 0, 1);
  g_assert_cmpstr (cell->text, ==, "Chư Pưh");
  cell = d8_table_cell ((D8Table *) appendix, 0, 4);
  g_assert_cmpfloat_with_epsilon (cell->number, 1.0, 1e-9); /* 4/4 */
  cell = d8_table_cell ((D8Table *) appendix, 11, 2); /* An Khê, column 1: "-" */
  g_assert_cmpstr (cell->text, ==, "-");
  cell = d8_table_cell ((D8Table *) appendix, n_units, 2);
  g_assert_cmpfloat (cell->number, ==, 126);
  cell = d8_table_cell ((D8Table *) appendix, n_units + 1, 2);
  g_assert_cmpfloat (cell->number, ==, 128);
  g_assert_cmpstr (d8_table_cell ((D8Table *) appendix, n_units + 1, 1)->text, ==,
                   "Chỉ tiêu năm 2023");
  cell = d8_table_cell ((D8Table *) appendix, n_units + 2, 2);
  g_assert_cmpfloat (cell->number, ==, 2);
  /* the workbook: province matrix and per indicator */
  g_assert_cmpuint (report->sheets->len, ==, 2);
}

/* ------------------------------------------------ real readers of files */

static void
test_docx_pandoc (Fixture *f, gconstpointer data)
{
  g_autoptr (D8OfficialReport) report = build_report (f);
  g_autofree char *path = g_build_filename (f->dir, "report.docx", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL, *html = NULL, *doc = NULL;

  /* an edit in the preview reaches the file; a control character from
   * another office's narrative does not break the XML */
  g_free (report->title);
  report->title = g_strdup ("REPORT (EDITED)");
  d8_report_section_add (report->sections->pdata[report->sections->len - 1],
                         "- Ia Grai: chu\x07ông\x01 reo");
  g_assert_true (d8_official_report_write_docx (report, path, &error));
  g_assert_no_error (error);

  text = d8_test_run ("pandoc", "-f", "docx", "-t", "plain", "--wrap=none", path, NULL);
  g_assert_nonnull (strstr (text, "SOCIALIST REPUBLIC OF VIETNAM"));
  g_assert_nonnull (strstr (text, "Independence - Freedom - Happiness"));
  g_assert_nonnull (strstr (text, "REPORT (EDITED)"));
  g_assert_nonnull (strstr (text, "/BC-HPN"));
  g_assert_nonnull (strstr (text, "Gia Lai, day 05 month 6 year 2023"));
  g_assert_nonnull (strstr (text, "Nguyễn Thị Hoà"));
  g_assert_nonnull (strstr (text, "2 not allocated"));
  g_assert_nonnull (strstr (text, "- Ia Grai: chu\uFFFDông\uFFFD reo"));

  /* the appendix is a real table: its cells as cells */
  html = d8_test_run ("pandoc", "-f", "docx", "-t", "html", path, NULL);
  g_assert_nonnull (strstr (html, "<table"));
  g_assert_nonnull (strstr (html, ">Chư Pưh<"));
  g_assert_nonnull (strstr (html, ">Ia Grai<"));
  g_assert_nonnull (strstr (html, ">Chỉ tiêu năm 2023<"));
  g_assert_nonnull (strstr (html, ">128<"));
  g_assert_nonnull (strstr (html, ">126<"));

  /* the page set-up: A4 portrait with Decree 30's margins, then landscape */
  doc = zip_member (path, "word/document.xml");
  g_assert_nonnull (strstr (doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
  g_assert_nonnull (strstr (doc, "w:orient=\"landscape\""));
  g_assert_nonnull (strstr (doc, "<w:tblHeader/>"));
  g_assert_nonnull (strstr (doc, "w:left=\"1701\""));
}

static void
test_pdf_text (Fixture *f, gconstpointer data)
{
  g_autoptr (D8OfficialReport) report = build_report (f);
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL, *info = NULL;
  guint n_pages = 0, n_rendered;
  gboolean landscape = FALSE;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_true (d8_report_pdf_write (report, path, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 3);
  info = d8_test_run ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "595.28 x 841.89 pts (A4)"));
  text = d8_test_run ("pdftotext", "-layout", path, "-", NULL);
  for (guint i = 0; i < 3; i++)
    {
      const char *needles[] = { "SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness",
                                "BC-HPN" };
      g_assert_nonnull (strstr (text, needles[i]));
    }
  {
    const char *units[] = { "Chư Pưh", "Chư Sê", "Đak Đoa", "Chư Păh", "Mang Yang", "Đức Cơ",
                            "Phú Thiện", "Krông Pa", "Ia Pa", "Đak Pơ", "Kông Chro", "An Khê",
                            "Kbang", "Chư Prông", "Ia Grai" };
    for (guint i = 0; i < G_N_ELEMENTS (units); i++)
      g_assert_nonnull (strstr (text, units[i]));
  }
  g_assert_nonnull (strstr (text, "Nguyễn Thị Hoà"));
  /* the totals: the sum of the units (126) and the plan's stated total
   * (128, its label may wrap in its cell) */
  {
    g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
    gboolean sum = FALSE, stated = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        sum |= strstr (lines[i], "Sum of the units") && strstr (lines[i], " 126 ");
        stated |= strstr (lines[i], " 128 ") != NULL;
      }
    if (!sum)
      g_test_message ("%s", text);
    g_assert_true (sum);
    g_assert_true (stated);
    g_assert_nonnull (strstr (text, "Chỉ tiêu năm"));
  }
  /* the appendix's column headings are whole words on one line, nine
   * times over: a heading too wide for its column is set smaller, not
   * broken ("Quot-a") */
  {
    g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
    gboolean headings = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        guint quota = 0, actual = 0;

        for (const char *p = lines[i]; (p = strstr (p, "Quota ")) != NULL; p++)
          quota++;
        for (const char *p = lines[i]; (p = strstr (p, "Actual ")) != NULL; p++)
          actual++;
        headings |= quota == 9 && actual == 9;
      }
    if (!headings)
      g_test_message ("%s", text);
    g_assert_true (headings);
  }

  /* the preview draws the same pages: the last one is the landscape appendix */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cr = cairo_create (surface);
  n_rendered = d8_report_render_page (report, cr, n_pages - 1, &landscape);
  g_assert_cmpuint (n_rendered, ==, n_pages);
  g_assert_true (landscape);
  d8_report_render_page (report, cr, 0, &landscape);
  g_assert_false (landscape);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/official/table/csv-dialects", test_csv_dialects);
  g_test_add_func ("/official/table/xlsx-read-back", test_xlsx_read_back);
  g_test_add ("/official/settings", Fixture, NULL, fixture_set_up, test_settings,
              fixture_tear_down);
  g_test_add ("/official/model", Fixture, NULL, fixture_set_up, test_model, fixture_tear_down);
  g_test_add ("/official/docx/pandoc", Fixture, NULL, fixture_set_up, test_docx_pandoc,
              fixture_tear_down);
  g_test_add ("/official/pdf/text", Fixture, NULL, fixture_set_up, test_pdf_text,
              fixture_tear_down);
  return g_test_run ();
}
