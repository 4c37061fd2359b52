/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-chart-style.c — the only place where chart colours are written down.
 *
 * Okabe & Ito (2008), "Color Universal Design": orange #E69F00, sky blue
 * #56B4E9, bluish green #009E73, yellow #F0E442, blue #0072B2, vermillion
 * #D55E00, reddish purple #CC79A7, black. Fills are tints of those hues so
 * dark text stays readable on them; the stronger hue draws the hatching.
 */
#include "config.h"

#include <math.h>

#include "d8-chart-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

static const D8ChartColor okabe_ito_series[D8_CHART_N_SERIES] = {
  RGB (0x0072B2), RGB (0xD55E00), RGB (0x009E73), RGB (0xCC79A7),
  RGB (0xE69F00), RGB (0x56B4E9), RGB (0x000000), RGB (0xB8A600),
};

static void
set_family (D8ChartStyle *style)
{
  /* Noto Sans covers every precomposed Vietnamese letter; fontconfig falls
   * back to DejaVu Sans (which does too) when it is missing. Never a
   * monospace family: DejaVu Sans Mono lacks ả, ấ, ế, ố, ủ … */
  g_strlcpy (style->font_family, "Noto Sans, DejaVu Sans", sizeof style->font_family);
}

/* Status colours come from the status's colour role, which the core
 * decides (d8_status_role()): one hue family per role on every surface. */
static void
set_status_colors (D8ChartStyle *style, const D8ChartColor *role_fill,
                   const D8ChartColor *role_line)
{
  for (D8Status status = D8_STATUS_NO_QUOTA; status < D8_CHART_N_STATUSES; status++)
    {
      style->status_fill[status] = role_fill[d8_status_role (status)];
      style->status_line[status] = role_line[d8_status_role (status)];
    }
}

static D8ChartStyle
light_style (void)
{
  D8ChartStyle s = {
    .foreground = RGB (0x1a1a1a),
    .muted = RGB (0x5e5e5e),
    .background = RGB (0xffffff),
    .grid = RGB (0xd0d0d0),
    .accent = RGB (0x0072B2),
    .scale = 1.0,
  };
  static const D8ChartColor role_fill[] = {
    [D8_STATUS_ROLE_MUTED] = RGB (0xffffff),
    [D8_STATUS_ROLE_NEUTRAL] = RGB (0xffffff),
    [D8_STATUS_ROLE_ALERT] = RGB (0xF5C9A8),    /* vermillion tint */
    [D8_STATUS_ROLE_PROGRESS] = RGB (0xBFE3F7), /* sky blue tint */
    [D8_STATUS_ROLE_SUCCESS] = RGB (0x5DBE9C),  /* bluish green, mid tint: darkest in grey */
  };
  static const D8ChartColor role_line[] = {
    [D8_STATUS_ROLE_MUTED] = RGB (0x8a8a8a),
    [D8_STATUS_ROLE_NEUTRAL] = RGB (0x6e6e6e),
    [D8_STATUS_ROLE_ALERT] = RGB (0xD55E00),
    [D8_STATUS_ROLE_PROGRESS] = RGB (0x0072B2),
    [D8_STATUS_ROLE_SUCCESS] = RGB (0x00785A),
  };

  set_status_colors (&s, role_fill, role_line);
  for (guint i = 0; i < D8_CHART_N_SERIES; i++)
    s.series[i] = okabe_ito_series[i];
  set_family (&s);
  return s;
}

D8ChartStyle
d8_chart_style_print (void)
{
  /* Paper is always light, whatever the window looks like; and nothing
   * printed is smaller than 8 pt, the least people read on paper. */
  D8ChartStyle s = light_style ();

  s.min_text_size = 8.0;
  return s;
}

D8ChartStyle
d8_chart_style_light (void)
{
  return light_style ();
}

D8ChartStyle
d8_chart_style_dark (void)
{
  D8ChartStyle s = {
    .foreground = RGB (0xeeeeee),
    .muted = RGB (0xb0b0b0),
    .background = RGB (0x242424),
    .grid = RGB (0x4a4a4a),
    .accent = RGB (0x78aeed),
    .series = {
      RGB (0x56B4E9), RGB (0xE69F00), RGB (0x009E73), RGB (0xCC79A7),
      RGB (0xF0E442), RGB (0xD55E00), RGB (0xffffff), RGB (0x0072B2),
    },
    .scale = 1.0,
  };
  static const D8ChartColor role_fill[] = {
    [D8_STATUS_ROLE_MUTED] = RGB (0x242424),
    [D8_STATUS_ROLE_NEUTRAL] = RGB (0x242424),
    [D8_STATUS_ROLE_ALERT] = RGB (0x7a3a12),
    [D8_STATUS_ROLE_PROGRESS] = RGB (0x1d4f6e),
    [D8_STATUS_ROLE_SUCCESS] = RGB (0x00785A),
  };
  static const D8ChartColor role_line[] = {
    [D8_STATUS_ROLE_MUTED] = RGB (0x8a8a8a),
    [D8_STATUS_ROLE_NEUTRAL] = RGB (0xa0a0a0),
    [D8_STATUS_ROLE_ALERT] = RGB (0xF0A070),
    [D8_STATUS_ROLE_PROGRESS] = RGB (0x56B4E9),
    [D8_STATUS_ROLE_SUCCESS] = RGB (0x7fe0c0),
  };

  set_status_colors (&s, role_fill, role_line);
  set_family (&s);
  return s;
}

D8ChartStyle
d8_chart_style_high_contrast (void)
{
  D8ChartStyle s = light_style ();

  s.foreground = (D8ChartColor) RGB (0x000000);
  s.muted = (D8ChartColor) RGB (0x000000);
  s.grid = (D8ChartColor) RGB (0x707070);
  s.status_fill[D8_STATUS_DONE] = (D8ChartColor) RGB (0x33a884);
  s.status_fill[D8_STATUS_OVER] = (D8ChartColor) RGB (0x33a884);
  s.status_fill[D8_STATUS_ON_TRACK] = (D8ChartColor) RGB (0x9fd4f2);
  s.status_fill[D8_STATUS_BEHIND] = (D8ChartColor) RGB (0xf0b080);
  for (guint i = 0; i < D8_CHART_N_STATUSES; i++)
    s.status_line[i] = (D8ChartColor) RGB (0x000000);
  return s;
}

double
d8_chart_color_luminance (const D8ChartColor *c)
{
  double ch[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    ch[i] = ch[i] <= 0.03928 ? ch[i] / 12.92 : pow ((ch[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

static D8ChartColor
mix (const D8ChartColor *a, const D8ChartColor *b, double t)
{
  return (D8ChartColor) { a->red + (b->red - a->red) * t, a->green + (b->green - a->green) * t,
                          a->blue + (b->blue - a->blue) * t, 1.0 };
}

D8ChartStyle
d8_chart_style_from_colors (const D8ChartColor *foreground, const D8ChartColor *background,
                            const D8ChartColor *accent)
{
  D8ChartStyle s;

  g_return_val_if_fail (foreground != NULL && background != NULL, d8_chart_style_light ());

  s = d8_chart_color_luminance (background) < 0.3 ? d8_chart_style_dark () : d8_chart_style_light ();
  s.foreground = *foreground;
  s.foreground.alpha = 1.0;
  s.background = *background;
  s.background.alpha = 1.0;
  s.muted = mix (foreground, background, 0.35);
  s.grid = mix (foreground, background, 0.75);
  s.status_fill[D8_STATUS_NO_QUOTA] = s.background;
  s.status_fill[D8_STATUS_NOT_STARTED] = s.background;
  if (accent != NULL)
    {
      s.accent = *accent;
      s.accent.alpha = 1.0;
    }
  return s;
}
