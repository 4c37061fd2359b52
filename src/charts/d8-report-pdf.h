/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-report-pdf.h — the official report (d8-official-report.h) set on A4
 * pages with cairo and Pango: as a PDF file, or one page at a time on any
 * cairo context (the window's preview draws the same pages).
 *
 * Decree 30/2020/NĐ-CP: A4 portrait, margins top and bottom 20 mm, left
 * 30 mm, right 15 mm; a Times New Roman-metric serif with Vietnamese
 * coverage (Liberation Serif, else Tinos), 14 pt body, 13 pt header
 * block; page numbers at the top centre from the second page. The
 * appendix table is on A4 landscape pages, fitted to the width, its header
 * rows repeated on every page.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "d8-official-report.h"

G_BEGIN_DECLS

/* The font families tried in order: Times New Roman's metrics with every
 * precomposed Vietnamese letter. */
#define D8_REPORT_FONT_FAMILY "Liberation Serif, Tinos, Times New Roman, serif"

#define D8_REPORT_A4_SHORT 595.28
#define D8_REPORT_A4_LONG 841.89

/**
 * d8_report_pdf_write:
 * @report: a (possibly edited) report
 * @path: the PDF file to write; replaced atomically
 * @n_pages: (out) (optional): how many pages were written
 * @error: (out) (optional): a G_IO_ERROR naming @path
 *
 * Returns: TRUE when written.
 */
gboolean d8_report_pdf_write (const D8OfficialReport *report, const char *path, guint *n_pages,
                              GError **error);

/**
 * d8_report_render_page:
 * @report: a report
 * @cr: a context whose user space is the page in points, origin top left
 *   (scale it for the screen)
 * @page: the 0-based page to draw; out of range draws nothing
 * @landscape: (out) (optional): whether that page is landscape
 *
 * Lays out the whole report and draws page @page only.
 *
 * Returns: the number of pages of the report.
 */
guint d8_report_render_page (const D8OfficialReport *report, cairo_t *cr, guint page,
                             gboolean *landscape);

G_END_DECLS
