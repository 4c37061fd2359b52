/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-hlc.c — hybrid logical clock stamps (see d8-hlc.h). Parsing is by hand
 * and cheap because an import checks every entry's stamp. */
#include "config.h"

#include <string.h>

#include "d8-hlc.h"

static int
digits (const char *p, int n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

gboolean
d8_hlc_parse (const char *text, D8Hlc *out)
{
  int year, month, day, hour, minute, second, ms;
  gsize node_len;
  g_autoptr (GDateTime) dt = NULL;
  const char *node;
  guint counter = 0;

  if (text == NULL || strlen (text) < D8_HLC_TIME_LEN + 7)
    return FALSE;
  if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
      || text[19] != '.' || text[23] != 'Z' || text[24] != '-' || text[29] != '-')
    return FALSE;
  year = digits (text, 4);
  month = digits (text + 5, 2);
  day = digits (text + 8, 2);
  hour = digits (text + 11, 2);
  minute = digits (text + 14, 2);
  second = digits (text + 17, 2);
  ms = digits (text + 20, 3);
  if (year < 1970 || month < 1 || day < 1 || hour < 0 || minute < 0 || second < 0 || ms < 0
      || hour > 23 || minute > 59 || second > 59)
    return FALSE;
  for (int i = 25; i < 29; i++)
    {
      int v = g_ascii_xdigit_value (text[i]);
      if (v < 0 || g_ascii_isupper (text[i]))
        return FALSE;
      counter = counter * 16 + v;
    }
  node = text + 30;
  node_len = strlen (node);
  if (node_len == 0 || node_len > D8_HLC_MAX_NODE)
    return FALSE;
  for (const char *p = node; *p; p++)
    if ((guchar) *p <= ' ' || (guchar) *p >= 0x7f)
      return FALSE;
  dt = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (dt == NULL || g_date_time_get_day_of_month (dt) != day)
    return FALSE;
  if (out)
    {
      out->wall_ms = g_date_time_to_unix (dt) * 1000 + ms;
      out->counter = counter;
      memcpy (out->node, node, node_len + 1);
    }
  return TRUE;
}

gboolean
d8_hlc_is_valid (const char *text)
{
  return d8_hlc_parse (text, NULL);
}

char *
d8_hlc_time_string (gint64 wall_ms)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (wall_ms / 1000);
  g_autofree char *base = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", base, (int) (wall_ms % 1000));
}

char *
d8_hlc_format (gint64 wall_ms, guint counter, const char *node)
{
  g_autofree char *time = d8_hlc_time_string (wall_ms);

  return g_strdup_printf ("%s-%04x-%s", time, counter & 0xffff, node);
}

gint64
d8_hlc_now_ms (void)
{
  return g_get_real_time () / 1000;
}

char *
d8_hlc_tick (const char *last, gint64 now_ms, const char *node)
{
  D8Hlc prev;

  if (last == NULL || !d8_hlc_parse (last, &prev) || now_ms > prev.wall_ms)
    return d8_hlc_format (now_ms, 0, node);
  /* The wall clock did not move (or went back): count within the last ms. */
  if (prev.counter >= 0xffff)
    return d8_hlc_format (prev.wall_ms + 1, 0, node);
  return d8_hlc_format (prev.wall_ms, prev.counter + 1, node);
}

char *
d8_hlc_successor (const char *after, const char *node)
{
  D8Hlc prev;

  if (!d8_hlc_parse (after, &prev))
    return d8_hlc_format (d8_hlc_now_ms (), 0, node);
  if (prev.counter >= 0xffff)
    return d8_hlc_format (prev.wall_ms + 1, 0, node);
  return d8_hlc_format (prev.wall_ms, prev.counter + 1, node);
}

const char *
d8_hlc_max (const char *a, const char *b)
{
  if (a == NULL || *a == '\0')
    return b;
  if (b == NULL || *b == '\0')
    return a;
  return strcmp (a, b) >= 0 ? a : b;
}

gboolean
d8_hlc_history_contains (const char *history, const char *version)
{
  gsize len;
  const char *p;

  if (history == NULL || version == NULL || *version == '\0')
    return FALSE;
  len = strlen (version);
  for (p = history; (p = strstr (p, version)) != NULL; p += len)
    if ((p == history || p[-1] == ' ') && (p[len] == ' ' || p[len] == '\0'))
      return TRUE;
  return FALSE;
}

char *
d8_hlc_history_push (const char *history, const char *version)
{
  GString *out = g_string_new (version);
  guint n = 1;

  if (history != NULL && *history)
    {
      g_auto (GStrv) parts = g_strsplit (history, " ", -1);
      for (guint i = 0; parts[i] && n < D8_HLC_HISTORY_MAX; i++)
        {
          if (*parts[i] == '\0' || g_str_equal (parts[i], version))
            continue;
          g_string_append_c (out, ' ');
          g_string_append (out, parts[i]);
          n++;
        }
    }
  return g_string_free (out, FALSE);
}
