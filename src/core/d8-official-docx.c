/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-official-docx.c — the official report as an editable Word document
 * (d8_official_report_write_docx(), d8-official-report.h).
 *
 * The zip container is libgsf's GsfOutfileZip (GNOME's structured-file
 * library, used by Gnumeric and AbiWord for exactly this) and the XML
 * parts are written with libxml2's xmlTextWriter, so escaping and the
 * container are never ours. WordprocessingML (ECMA-376 part 1): a
 * document.xml with real tables, a styles.xml setting Times New Roman
 * 14 pt, and two sections: the report on A4 portrait with the margins of
 * Decree 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm, right 15 mm),
 * the appendix on A4 landscape with its header rows repeated on each page.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <libxml/xmlwriter.h>

#include "d8-file-part.h"
#include "d8-official-report.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define FONT "Times New Roman"

/* Twentieths of a point: A4 is 11906 × 16838; 1 mm ≈ 56.7. */
#define A4_SHORT 11906
#define A4_LONG 16838
#define MM(x) ((int) ((x) * 56.7 + 0.5))

typedef xmlTextWriterPtr W;

/* libgsf 1.14 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

/* ------------------------------------------------------------ XML bits */

static void
start (W w, const char *name)
{
  xmlTextWriterStartElement (w, BAD_CAST name);
}

static void
end (W w)
{
  xmlTextWriterEndElement (w);
}

static void
attr (W w, const char *name, const char *value)
{
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value);
}

static void
attr_int (W w, const char *name, int value)
{
  xmlTextWriterWriteFormatAttribute (w, BAD_CAST name, "%d", value);
}

/* <name w:val="value"/> */
static void
val (W w, const char *name, const char *value)
{
  start (w, name);
  attr (w, "w:val", value);
  end (w);
}

static void
val_int (W w, const char *name, int value)
{
  start (w, name);
  attr_int (w, "w:val", value);
  end (w);
}

/* <name/> */
static void
empty (W w, const char *name)
{
  start (w, name);
  end (w);
}

/* <name w:w="twips" w:type="dxa"/>: a width in twentieths of a point */
static void
width_dxa (W w, const char *name, int twips)
{
  start (w, name);
  attr_int (w, "w:w", twips);
  attr (w, "w:type", "dxa");
  end (w);
}

/* A black single line on @side of a paragraph or table (sizes in eighths
 * of a point, space in points). */
static void
line_border (W w, const char *side, const char *size, const char *space)
{
  start (w, side);
  attr (w, "w:val", "single");
  attr (w, "w:sz", size);
  attr (w, "w:space", space);
  attr (w, "w:color", "000000");
  end (w);
}

/* A table row that stays on one page; a header row is repeated on each. */
static void
row_start (W w, gboolean header)
{
  start (w, "w:tr");
  start (w, "w:trPr");
  if (header)
    empty (w, "w:tblHeader");
  empty (w, "w:cantSplit");
  end (w);
}

typedef enum
{
  P_NONE = 0,
  P_BOLD = 1 << 0,
  P_ITALIC = 1 << 1,
  P_CENTER = 1 << 2,
  P_JUSTIFY = 1 << 3,
  P_INDENT = 1 << 4,    /* first line indented 1 cm, as the body of a report */
  P_RULE = 1 << 5,      /* a short rule under the paragraph (issuing body, motto) */
  P_KEEP = 1 << 6,      /* keep with the next paragraph (headings) */
  P_RIGHT = 1 << 7,
} PFlags;

/* Text from other offices (narratives) may hold characters XML 1.0 cannot
 * carry (C0 controls but tab, line feed and carriage return): they would
 * make a file Word refuses to open, so they become U+FFFD. */
static char *
xml_safe (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text ? text : "";

  while (*p)
    {
      gunichar ch = g_utf8_get_char_validated (p, -1);

      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          /* not UTF-8: one replacement per byte */
          g_string_append_unichar (out, 0xFFFD);
          p++;
          continue;
        }
      if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0xFFFE || ch == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, ch);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

static void
run (W w, const char *text, PFlags flags, int half_points)
{
  g_autofree char *safe = xml_safe (text);

  start (w, "w:r");
  start (w, "w:rPr");
  if (flags & P_BOLD)
    empty (w, "w:b");
  if (flags & P_ITALIC)
    empty (w, "w:i");
  if (half_points > 0)
    {
      val_int (w, "w:sz", half_points);
      val_int (w, "w:szCs", half_points);
    }
  end (w);
  start (w, "w:t");
  attr (w, "xml:space", "preserve");
  xmlTextWriterWriteString (w, BAD_CAST safe);
  end (w);
  end (w);
}

/* A paragraph of @text (lines split at '\n' become line breaks). */
static void
para (W w, const char *text, PFlags flags, int half_points, int space_after)
{
  g_auto (GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  start (w, "w:p");
  start (w, "w:pPr");
  if (flags & P_KEEP)
    empty (w, "w:keepNext");
  if (flags & P_RULE)
    {
      start (w, "w:pBdr");
      line_border (w, "w:bottom", "6", "1");
      end (w);
    }
  start (w, "w:spacing");
  attr (w, "w:before", "0");
  attr_int (w, "w:after", space_after);
  end (w);
  if (flags & P_INDENT)
    {
      start (w, "w:ind");
      attr_int (w, "w:firstLine", MM (10));
      end (w);
    }
  if (flags & P_CENTER)
    val (w, "w:jc", "center");
  else if (flags & P_JUSTIFY)
    val (w, "w:jc", "both");
  else if (flags & P_RIGHT)
    val (w, "w:jc", "right");
  end (w);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        {
          start (w, "w:r");
          empty (w, "w:br");
          end (w);
        }
      run (w, lines[i], flags, half_points);
    }
  end (w);
}

/* A short centred rule: an empty paragraph narrowed by indents, with a
 * bottom border — Decree 30's line under the issuing body and the motto. */
static void
short_rule (W w, int width_twips, int cell_twips)
{
  int side = MAX (0, (cell_twips - width_twips) / 2);

  start (w, "w:p");
  start (w, "w:pPr");
  start (w, "w:pBdr");
  line_border (w, "w:top", "6", "1");
  end (w);
  start (w, "w:spacing");
  attr (w, "w:before", "0");
  attr (w, "w:after", "120");
  attr (w, "w:line", "120");
  attr (w, "w:lineRule", "exact");
  end (w);
  start (w, "w:ind");
  attr_int (w, "w:left", side);
  attr_int (w, "w:right", side);
  end (w);
  end (w);
  end (w);
}

static void
table_start (W w, const int *widths, guint n, gboolean borders)
{
  int total = 0;

  for (guint i = 0; i < n; i++)
    total += widths[i];
  start (w, "w:tbl");
  start (w, "w:tblPr");
  width_dxa (w, "w:tblW", total);
  start (w, "w:tblBorders");
  for (guint i = 0; i < 6; i++)
    {
      const char *sides[] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" };
      if (borders)
        line_border (w, sides[i], "4", "0");
      else
        val (w, sides[i], "nil");
    }
  end (w);
  start (w, "w:tblLayout");
  attr (w, "w:type", "fixed");
  end (w);
  start (w, "w:tblCellMar");
  width_dxa (w, "w:left", borders ? 40 : 0);
  width_dxa (w, "w:right", borders ? 40 : 0);
  end (w);
  end (w);
  start (w, "w:tblGrid");
  for (guint i = 0; i < n; i++)
    {
      start (w, "w:gridCol");
      attr_int (w, "w:w", widths[i]);
      end (w);
    }
  end (w);
}

static void
cell_start (W w, int width, int span, const char *vmerge, gboolean shade)
{
  start (w, "w:tc");
  start (w, "w:tcPr");
  width_dxa (w, "w:tcW", width);
  if (span > 1)
    val_int (w, "w:gridSpan", span);
  if (vmerge != NULL)
    {
      start (w, "w:vMerge");
      if (*vmerge)
        attr (w, "w:val", vmerge);
      end (w);
    }
  if (shade)
    {
      start (w, "w:shd");
      attr (w, "w:val", "clear");
      attr (w, "w:color", "auto");
      attr (w, "w:fill", "E7E6E6");
      end (w);
    }
  val (w, "w:vAlign", "center");
  end (w);
}

/* ------------------------------------------------------------ the parts */

/* The header block: issuing body and number left, national title, motto,
 * place and date right; a borderless two-column table as Word templates
 * of Decree 30 do it. */
static void
write_header_block (W w, const D8OfficialReport *r, int text_width)
{
  int left = text_width * 2 / 5, right = text_width - left;
  const int widths[] = { left, right };

  table_start (w, widths, 2, FALSE);
  start (w, "w:tr");
  cell_start (w, left, 1, NULL, FALSE);
  if (r->issuer_parent && *r->issuer_parent)
    para (w, r->issuer_parent, P_CENTER, 26, 0);
  para (w, r->issuer, P_CENTER | P_BOLD, 26, 0);
  short_rule (w, left / 3, left);
  para (w, r->number, P_CENTER, 26, 0);
  end (w);
  cell_start (w, right, 1, NULL, FALSE);
  para (w, r->national_title, P_CENTER | P_BOLD, 24, 0);
  para (w, r->motto, P_CENTER | P_BOLD, 26, 0);
  short_rule (w, right * 3 / 5, right);
  para (w, r->place_date, P_CENTER | P_ITALIC, 28, 0);
  end (w);
  end (w);
  end (w);
}

static void
write_body (W w, const D8OfficialReport *r, int text_width)
{
  para (w, "", P_NONE, 28, 0);
  para (w, r->title, P_CENTER | P_BOLD | P_KEEP, 28, 0);
  para (w, r->subtitle, P_CENTER | P_BOLD | P_KEEP, 28, 0);
  short_rule (w, text_width / 5, text_width);
  for (guint i = 0; i < r->intro->len; i++)
    para (w, r->intro->pdata[i], P_JUSTIFY | P_INDENT, 28, 120);
  for (guint s = 0; s < r->sections->len; s++)
    {
      const D8ReportSection *section = r->sections->pdata[s];

      para (w, section->heading, P_JUSTIFY | P_INDENT | P_BOLD | P_KEEP, 28, 120);
      for (guint p = 0; p < section->paragraphs->len; p++)
        para (w, section->paragraphs->pdata[p], P_JUSTIFY | P_INDENT, 28, 120);
    }
}

/* "Nơi nhận" left (12 pt bold italic heading, 11 pt lines, as Decree 30
 * sets them), the signature block right. */
static void
write_signature (W w, const D8OfficialReport *r, int text_width)
{
  int left = text_width / 2, right = text_width - left;
  const int widths[] = { left, right };

  para (w, "", P_NONE, 28, 0);
  table_start (w, widths, 2, FALSE);
  row_start (w, FALSE);
  cell_start (w, left, 1, NULL, FALSE);
  para (w, r->recipients_heading, P_BOLD | P_ITALIC, 24, 0);
  for (guint i = 0; i < r->recipients->len; i++)
    para (w, r->recipients->pdata[i], P_NONE, 22, 0);
  end (w);
  cell_start (w, right, 1, NULL, FALSE);
  if (r->signer_capacity && *r->signer_capacity)
    para (w, r->signer_capacity, P_CENTER | P_BOLD, 28, 0);
  para (w, r->signer_title, P_CENTER | P_BOLD, 28, 0);
  /* room for the signature and the seal */
  for (int i = 0; i < 4; i++)
    para (w, "", P_NONE, 28, 0);
  para (w, r->signer_name, P_CENTER | P_BOLD, 28, 0);
  end (w);
  end (w);
  end (w);
}

static void
section_properties (W w, gboolean landscape)
{
  start (w, "w:sectPr");
  start (w, "w:pgSz");
  attr_int (w, "w:w", landscape ? A4_LONG : A4_SHORT);
  attr_int (w, "w:h", landscape ? A4_SHORT : A4_LONG);
  if (landscape)
    attr (w, "w:orient", "landscape");
  end (w);
  start (w, "w:pgMar");
  attr_int (w, "w:top", landscape ? MM (15) : MM (20));
  attr_int (w, "w:bottom", landscape ? MM (15) : MM (20));
  attr_int (w, "w:left", landscape ? MM (15) : MM (30));
  attr_int (w, "w:right", landscape ? MM (15) : MM (15));
  attr (w, "w:header", "709");
  attr (w, "w:footer", "709");
  attr (w, "w:gutter", "0");
  end (w);
  end (w);
}

/* The appendix as a real table: header rows repeated on every page,
 * merged across (an indicator over its three columns) and down ("TT",
 * "Unit" over both header rows). */
static void
write_table (W w, const D8Table *table, int text_width)
{
  g_autofree int *widths = g_new0 (int, table->n_columns);
  double sum = 0;
  guint n_head = table->header->len;

  for (guint c = 0; c < table->n_columns; c++)
    sum += table->widths[c] > 0 ? table->widths[c] : 10;
  for (guint c = 0; c < table->n_columns; c++)
    widths[c] = (int) (text_width * (table->widths[c] > 0 ? table->widths[c] : 10) / sum);
  table_start (w, widths, table->n_columns, TRUE);
  for (guint h = 0; h < n_head; h++)
    {
      row_start (w, TRUE);
      for (guint c = 0; c < table->n_columns;)
        {
          const char *text = d8_table_header_text (table, h, c);
          const char *above = h > 0 ? d8_table_header_text (table, h - 1, c) : NULL;
          const char *below = h + 1 < n_head ? d8_table_header_text (table, h + 1, c) : NULL;
          int span = 1, width = widths[c];
          const char *vmerge = NULL;

          while (c + span < table->n_columns && d8_table_header_text (table, h, c + span) == NULL)
            width += widths[c + span++];
          if (text != NULL && above != NULL && g_str_equal (text, above))
            vmerge = ""; /* continues the cell above */
          else if (text != NULL && below != NULL && g_str_equal (text, below) && span == 1)
            vmerge = "restart";
          cell_start (w, width, span, vmerge, TRUE);
          para (w, vmerge && !*vmerge ? "" : (text ? text : ""), P_CENTER | P_BOLD, 16, 0);
          end (w);
          c += span;
        }
      end (w);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      row_start (w, FALSE);
      for (guint c = 0; c < table->n_columns; c++)
        {
          const D8TableCell *cell = d8_table_cell ((D8Table *) table, r, c);
          g_autofree char *text = d8_table_cell_display (cell, 0);
          PFlags flags = d8_table_cell_centred (cell, text) ? P_CENTER : P_NONE;

          if (cell->bold)
            flags |= P_BOLD;
          cell_start (w, widths[c], 1, NULL, FALSE);
          para (w, text, flags, 16, 0);
          end (w);
        }
      end (w);
    }
  end (w);
}

static xmlBufferPtr
document_xml (const D8OfficialReport *r)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  W w = xmlNewTextWriterMemory (buf, 0);
  int portrait_width = A4_SHORT - MM (30) - MM (15);
  int landscape_width = A4_LONG - MM (15) - MM (15);

  xmlTextWriterStartDocument (w, "1.0", "UTF-8", "yes");
  start (w, "w:document");
  attr (w, "xmlns:w", W_NS);
  attr (w, "xmlns:r", R_NS);
  start (w, "w:body");
  write_header_block (w, r, portrait_width);
  write_body (w, r, portrait_width);
  write_signature (w, r, portrait_width);
  if (r->appendix != NULL)
    {
      /* The section break ends the portrait section. */
      start (w, "w:p");
      start (w, "w:pPr");
      section_properties (w, FALSE);
      end (w);
      end (w);
      para (w, r->appendix_title, P_CENTER | P_BOLD | P_KEEP, 26, 120);
      write_table (w, r->appendix, landscape_width);
      para (w, "", P_NONE, 20, 0);
    }
  section_properties (w, r->appendix != NULL);
  end (w);
  end (w);
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  return buf;
}

static xmlBufferPtr
styles_xml (void)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  W w = xmlNewTextWriterMemory (buf, 0);

  xmlTextWriterStartDocument (w, "1.0", "UTF-8", "yes");
  start (w, "w:styles");
  attr (w, "xmlns:w", W_NS);
  start (w, "w:docDefaults");
  start (w, "w:rPrDefault");
  start (w, "w:rPr");
  start (w, "w:rFonts");
  attr (w, "w:ascii", FONT);
  attr (w, "w:hAnsi", FONT);
  attr (w, "w:cs", FONT);
  attr (w, "w:eastAsia", FONT);
  end (w);
  val_int (w, "w:sz", 28);
  val_int (w, "w:szCs", 28);
  start (w, "w:lang");
  attr (w, "w:val", "vi-VN");
  end (w);
  end (w);
  end (w);
  start (w, "w:pPrDefault");
  start (w, "w:pPr");
  start (w, "w:spacing");
  attr (w, "w:after", "0");
  attr (w, "w:line", "264");
  attr (w, "w:lineRule", "auto");
  end (w);
  end (w);
  end (w);
  end (w);
  start (w, "w:style");
  attr (w, "w:type", "paragraph");
  attr (w, "w:default", "1");
  attr (w, "w:styleId", "Normal");
  val (w, "w:name", "Normal");
  end (w);
  start (w, "w:style");
  attr (w, "w:type", "table");
  attr (w, "w:default", "1");
  attr (w, "w:styleId", "TableNormal");
  val (w, "w:name", "Normal Table");
  end (w);
  end (w);
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  return buf;
}

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "</Types>";

static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
  "</Relationships>";

static const char document_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "</Relationships>";

/* ------------------------------------------------------------ container */

static gboolean
add_member (GsfOutfile *dir, const char *name, const void *data, gsize length)
{
  g_autoptr (GsfOutput) child = gsf_outfile_new_child_full (dir, name, FALSE, "compression-level",
                                                            GSF_ZIP_DEFLATED, NULL);
  gboolean ok = child != NULL && gsf_output_write (child, length, data);

  return child != NULL && gsf_output_close (child) && ok;
}

static GsfOutfile *
add_dir (GsfOutfile *parent, const char *name)
{
  return GSF_OUTFILE (gsf_outfile_new_child (parent, name, TRUE));
}

static gboolean
write_package (const D8OfficialReport *report, GsfOutfile *zip)
{
  xmlBufferPtr document = document_xml (report);
  xmlBufferPtr styles = styles_xml ();
  g_autoptr (GsfOutfile) rels = NULL, word = NULL, word_rels = NULL;
  gboolean ok;

  ok = add_member (zip, "[Content_Types].xml", content_types, strlen (content_types));
  rels = add_dir (zip, "_rels");
  ok = ok && add_member (rels, ".rels", package_rels, strlen (package_rels));
  ok = gsf_output_close (GSF_OUTPUT (rels)) && ok;
  word = add_dir (zip, "word");
  ok = ok && add_member (word, "document.xml", xmlBufferContent (document),
                         (gsize) xmlBufferLength (document));
  ok = ok && add_member (word, "styles.xml", xmlBufferContent (styles),
                         (gsize) xmlBufferLength (styles));
  word_rels = add_dir (word, "_rels");
  ok = ok && add_member (word_rels, "document.xml.rels", document_rels, strlen (document_rels));
  ok = gsf_output_close (GSF_OUTPUT (word_rels)) && ok;
  ok = gsf_output_close (GSF_OUTPUT (word)) && ok;
  xmlBufferFree (document);
  xmlBufferFree (styles);
  return ok;
}

gboolean
d8_official_report_write_docx (const D8OfficialReport *report, const char *path, GError **error)
{
  g_autofree char *tmp = NULL;
  g_autoptr (GsfOutput) sink = NULL;
  g_autoptr (GsfOutfile) zip = NULL;
  g_autoptr (GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  gsf_init ();
  tmp = d8_file_part_path (path);
  sink = gsf_output_stdio_new (tmp, &local);
  if (sink != NULL)
    zip = gsf_outfile_zip_new (sink, &local);
  if (zip == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path,
                   local ? local->message : g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }
  ok = write_package (report, zip);
  ok = gsf_output_close (GSF_OUTPUT (zip)) && ok;
  ok = gsf_output_close (sink) && ok;
  if (!ok)
    {
      const GError *e = gsf_output_error (sink);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: a file; why it could not be written */
                   _("%s: the document cannot be written (%s)"), path,
                   e ? e->message : g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }
  return d8_file_part_commit (tmp, path, error);
}
