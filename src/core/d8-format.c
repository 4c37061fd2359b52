/* d8-format.c — numbers and dates for people, and parsing what people type.
 *
 * Display follows the locale (LC_NUMERIC for digits grouping and the decimal
 * mark) and the UI language (translatable format strings for dates and the
 * percent sign: Vietnamese writes "12,5 %" and "30/06/2023"). Nothing here
 * is ever written into a file meant for machines.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-error.h"
#include "d8-format.h"

#define D8_MAX_COUNT G_GINT64_CONSTANT (1000000000000) /* 10^12 */

char *
d8_format_count (gint64 value)
{
  /* The ' flag groups thousands by the locale: "1.234" under vi_VN. */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

char *
d8_format_percent (double fraction, int decimals)
{
  g_autofree char *number = NULL;

  if (isnan (fraction) || isinf (fraction))
    return g_strdup ("–");
  number = g_strdup_printf ("%'.*f", CLAMP (decimals, 0, 3), fraction * 100.0);
  /* Translators: a percentage; %s is the number. Vietnamese puts a space
   * before the sign ("12,5 %"). Keep the doubled %%. */
  return g_strdup_printf (_("%s%%"), number);
}

static GDateTime *
date_time_from_iso (const char *iso)
{
  int y, m, d;
  char tail;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || strlen (iso) != 10)
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_local (y, m, d, 12, 0, 0);
}

gboolean
d8_date_is_valid (const char *iso)
{
  g_autoptr (GDateTime) dt = date_time_from_iso (iso);

  if (dt == NULL)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? iso[i] != '-' : !g_ascii_isdigit (iso[i]))
      return FALSE;
  return TRUE;
}

char *
d8_format_date (const char *iso)
{
  g_autoptr (GDateTime) dt = date_time_from_iso (iso);

  if (dt == NULL)
    return g_strdup (iso ? iso : "");
  /* Translators: the date format of the interface (g_date_time_format).
   * Vietnamese: "%d/%m/%Y" (30/06/2023). */
  return g_date_time_format (dt, _("%b %-d, %Y"));
}

char *
d8_date_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
is_group_separator (const char *p, gsize *len)
{
  gunichar c = g_utf8_get_char (p);

  /* . , space, no-break space, narrow no-break space, thin space */
  if (c == '.' || c == ',' || c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009)
    {
      *len = g_utf8_next_char (p) - p;
      return TRUE;
    }
  return FALSE;
}

gboolean
d8_parse_count (const char *text, const char *field, gint64 *out, GError **error)
{
  g_autofree char *copy = NULL;
  GString *digits;
  g_autofree char *digits_str = NULL;
  int group_len = -1; /* digits since the last separator; -1 before any */
  int first_group = 0;
  guint64 value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   /* Translators: %s is a field name */
                   _("%s: enter a whole number"), field);
      return FALSE;
    }
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("%s: enter a whole number"), field);
      return FALSE;
    }
  if (*copy == '-' || g_str_has_prefix (copy, "−"))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   /* Translators: first %s is a field name, second the text typed */
                   _("%s: “%s” is negative; amounts are zero or more"), field, copy);
      return FALSE;
    }

  digits = g_string_new (NULL);
  for (const char *p = copy; *p;)
    {
      gsize len;

      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          if (group_len >= 0)
            group_len++;
          else
            first_group++;
          p++;
        }
      else if (is_group_separator (p, &len))
        {
          /* Thousands separators are accepted only between groups of
           * three digits, so "2.5" and "1,5" are refused as fractions. */
          if ((group_len >= 0 && group_len != 3) || first_group == 0 || first_group > 3)
            {
              g_string_free (digits, TRUE);
              g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                           _("%s: “%s” is not a whole number"), field, copy);
              return FALSE;
            }
          group_len = 0;
          p += len;
        }
      else
        {
          g_string_free (digits, TRUE);
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       _("%s: “%s” is not a whole number"), field, copy);
          return FALSE;
        }
    }
  digits_str = g_string_free (digits, FALSE);
  if (group_len >= 0 && group_len != 3)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("%s: “%s” is not a whole number"),
                   field, copy);
      return FALSE;
    }
  if (strlen (digits_str) > 13 || !g_ascii_string_to_unsigned (digits_str, 10, 0, D8_MAX_COUNT,
                                                                &value, NULL))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("%s: “%s” is too large"), field, copy);
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

char *
d8_parse_date (const char *text, const char *field, GError **error)
{
  g_autofree char *copy = NULL;
  int d, m, y;
  char tail;

  copy = g_strstrip (g_strdup (text ? text : ""));
  if (d8_date_is_valid (copy))
    return g_steal_pointer (&copy);

  if (sscanf (copy, "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3 && y >= 1900
      && g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);

  if (*copy == '\0')
    g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("%s: enter a date"), field);
  else
    g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                 /* Translators: the examples show the two accepted forms */
                 _("%s: “%s” is not a date (for example 30/06/2023 or 2023-06-30)"),
                 field, copy);
  return NULL;
}
