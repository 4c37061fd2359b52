/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-export.c — PNG, SVG and PDF files through cairo's own surfaces.
 *
 * The layout is always computed in points for the page, and an image is
 * only a scaled rendering of it, so a PNG at 300 dpi and the PDF of the
 * same chart show the same picture.
 */
#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "d8-chart-export.h"
#include "d8-chart-paint.h"

D8ChartFormat
d8_chart_format_from_path (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, D8_CHART_FORMAT_UNKNOWN);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    return D8_CHART_FORMAT_PNG;
  if (g_str_has_suffix (lower, ".svg"))
    return D8_CHART_FORMAT_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return D8_CHART_FORMAT_PDF;
  return D8_CHART_FORMAT_UNKNOWN;
}

static gboolean
check_status (cairo_status_t status, const char *path, GError **error)
{
  g_autofree char *display = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  display = g_filename_display_name (path);
  if (status == CAIRO_STATUS_WRITE_ERROR || status == CAIRO_STATUS_FILE_NOT_FOUND)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %s is a file name */
                 _("Could not write “%s”: check that the folder exists and can be written to"),
                 display);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: first %s is a file name, second cairo's reason */
                 _("Could not write “%s”: %s"), display, cairo_status_to_string (status));
  return FALSE;
}

gboolean
d8_chart_render_to_file (const D8ChartModel *model, const D8ChartStyle *style, const char *path,
                         double width_pt, double height_pt, double dpi, GError **error)
{
  D8ChartStyle print_style = d8_chart_style_print ();
  D8ChartFormat format;
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;
  g_autoptr (D8ChartLayout) layout = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (style == NULL)
    style = &print_style;
  if (dpi <= 0)
    dpi = 96;
  format = d8_chart_format_from_path (path);
  if (format == D8_CHART_FORMAT_UNKNOWN)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is a file name */
                   _("Cannot write “%s”: the name must end in .png, .svg or .pdf"), display);
      return FALSE;
    }
  if (!(width_pt >= 1 && height_pt >= 1 && width_pt <= 14400 && height_pt <= 14400))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot write “%s”: the page size is out of range"), display);
      return FALSE;
    }
  /* cairo reports a missing folder only on finish, without saying which:
   * check first so the message can name it. */
  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a file name */
                   _("Cannot write “%s”: its folder does not exist"), display);
      return FALSE;
    }

  /* Rows that do not fit the page at a legible size: a PDF splits them
   * over pages, each with the chart's header and footer and numbered; an
   * image or a drawing grows as tall as they need. */
  layout = format == D8_CHART_FORMAT_PDF
               ? d8_chart_layout_new_pages (model, style, width_pt, height_pt)
               : d8_chart_layout_new_scrolling (model, style, width_pt, height_pt);
  switch (format)
    {
    case D8_CHART_FORMAT_PNG:
      {
        int w = (int) ceil (width_pt * dpi / 72.0), h = (int) ceil (layout->height * dpi / 72.0);

        if ((double) w * h > 400e6)
          {
            g_autofree char *display = g_filename_display_name (path);
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("Cannot write “%s”: the image would be too large; lower the resolution"),
                         display);
            return FALSE;
          }
        surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
        cr = cairo_create (surface);
        cairo_scale (cr, dpi / 72.0, dpi / 72.0);
        d8_chart_paint (layout, style, cr);
        status = cairo_status (cr);
        cairo_destroy (cr);
        if (status == CAIRO_STATUS_SUCCESS)
          status = cairo_surface_write_to_png (surface, path);
        cairo_surface_destroy (surface);
        return check_status (status, path, error);
      }

    case D8_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create (path, width_pt, layout->height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      break;

    case D8_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create (path, width_pt, height_pt);
      title = d8_chart_model_title (model);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "duan8");
      break;

    case D8_CHART_FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }

  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      guint n_pages = format == D8_CHART_FORMAT_PDF ? d8_chart_layout_n_pages (layout, height_pt) : 1;

      cr = cairo_create (surface);
      for (guint p = 0; p < n_pages; p++)
        {
          if (format == D8_CHART_FORMAT_PDF)
            d8_chart_paint_page (layout, style, cr, height_pt, p);
          else
            d8_chart_paint (layout, style, cr);
          cairo_show_page (cr);
        }
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  return check_status (status, path, error);
}
