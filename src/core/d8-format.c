/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include "d8-types.h"

/* Digits are grouped and the decimal mark chosen by the UI language (the
 * translation), not by LC_NUMERIC: a user of an English system who picks
 * Tiếng Việt reads "1.234" and "12,5 %", and one whose system is Vietnamese
 * but who picks English reads "1,234" and "12.5%". */
static const char *
thousands_separator (void)
{
  /* Translators: the thousands separator of numbers; Vietnamese "." */
  return C_("number format", ",");
}

static const char *
decimal_mark (void)
{
  /* Translators: the decimal mark of numbers; Vietnamese "," */
  return C_("number format", ".");
}

static void
append_grouped (GString *out, const char *digits)
{
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, thousands_separator ());
      g_string_append_c (out, digits[i]);
    }
}

char *
d8_format_count (gint64 value)
{
  GString *out = g_string_new (NULL);
  char digits[32];

  if (value < 0)
    g_string_append (out, "−");
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT,
              value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value);
  append_grouped (out, digits);
  return g_string_free (out, FALSE);
}

char *
d8_format_percent (double fraction, int decimals)
{
  g_autofree char *number = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  const char *point;
  GString *text;

  if (isnan (fraction) || isinf (fraction))
    return g_strdup ("–");
  g_snprintf (format, sizeof format, "%%.%df", CLAMP (decimals, 0, 3));
  g_ascii_formatd (buf, sizeof buf, format, fraction * 100.0);
  /* buf is "-12.5" or "1234.5": group the integer part, then the mark. */
  text = g_string_new (NULL);
  point = strchr (buf, '.');
  {
    g_autofree char *integer = g_strndup (buf, point ? (gsize) (point - buf) : strlen (buf));
    const char *digits = integer;

    if (*digits == '-')
      {
        g_string_append (text, "−");
        digits++;
      }
    append_grouped (text, digits);
  }
  if (point)
    {
      g_string_append (text, decimal_mark ());
      g_string_append (text, point + 1);
    }
  number = g_string_free (text, FALSE);
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
  if (strlen (digits_str) > 13 || !g_ascii_string_to_unsigned (digits_str, 10, 0, D8_ENTRY_AMOUNT_MAX,
                                                                &value, NULL))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("%s: “%s” is too large"), field, copy);
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

/* The names of month @m (1…12) a person may type: the current locale's
 * abbreviated and full names (what d8_format_date() prints, "May 4, 2023"
 * in English) and the English ones, case-folded. */
static GPtrArray *
month_names (int m)
{
  static const char *const english[] = { "january", "february", "march", "april", "may", "june",
                                         "july", "august", "september", "october", "november",
                                         "december" };
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) dt = g_date_time_new_local (2001, m, 1, 12, 0, 0);
  const char *formats[] = { "%b", "%B" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_date_time_format (dt, formats[i]);
      g_autofree char *stripped = name ? g_strstrip (g_strdelimit (g_strdup (name), ".", ' ')) : NULL;

      if (stripped != NULL && *stripped != '\0')
        g_ptr_array_add (names, g_utf8_casefold (stripped, -1));
    }
  g_ptr_array_add (names, g_strdup (english[m - 1]));
  g_ptr_array_add (names, g_strndup (english[m - 1], 3));
  return names;
}

/* A date with a month written in letters: "May 4, 2023", "4 May 2023",
 * "Jun 30 2023". The longest matching name wins ("tháng 12" over
 * "tháng 1"); what remains must be a day and a four-digit year. */
static char *
parse_month_name (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  gsize best_len = 0;
  int best_month = 0;
  const char *best_at = NULL;
  g_autofree char *rest = NULL;
  int d = 0, y = 0;
  guint n_numbers = 0;
  char *p;

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr (GPtrArray) names = month_names (m);

      for (guint i = 0; i < names->len; i++)
        {
          const char *name = names->pdata[i];
          const char *at = strstr (folded, name);
          gsize len = strlen (name);

          /* A whole word: no letter right after it ("mar" is not "march"). */
          if (at == NULL || len <= best_len || g_ascii_isalpha (at[len])
              || (at > folded && g_ascii_isalpha (at[-1])))
            continue;
          best_len = len;
          best_month = m;
          best_at = at;
        }
    }
  if (best_month == 0)
    return NULL;

  rest = g_strdup (folded);
  memset (rest + (best_at - folded), ' ', best_len);
  for (p = rest; *p != '\0';)
    {
      if (g_ascii_isdigit (*p))
        {
          char *end;
          guint64 value = g_ascii_strtoull (p, &end, 10);
          gsize digits = (gsize) (end - p);

          if (digits == 4 && y == 0)
            y = (int) value;
          else if (digits <= 2 && d == 0)
            d = (int) value;
          else
            return NULL;
          n_numbers++;
          p = end;
        }
      else if (*p == ' ' || *p == ',' || *p == '.' || *p == '\t')
        p++;
      else
        return NULL; /* anything else is not a date we can read for sure */
    }
  if (n_numbers != 2 || y < 1900 || !g_date_valid_dmy (d, best_month, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, best_month, d);
}

/**
 * d8_parse_date:
 * @text: what the person typed
 * @field: the field's name, for the error
 * @error: return location for a #D8_ERROR_INVALID error
 *
 * Reads a date as people type it: ISO "2023-06-30"; day first, the
 * Vietnamese way, "30/06/2023" (also with "-" or "." between the parts:
 * "30-06-2023", "30.06.2023"); and the form the interface prints in the
 * current language, with the month in letters ("Jun 30, 2023",
 * "30 June 2023"). A form that could mean two dates is refused, never
 * guessed: two-digit years, and numbers that only make sense month first
 * ("06/30/2023").
 *
 * Returns: (transfer full) (nullable): the ISO date, or NULL with @error set.
 */
char *
d8_parse_date (const char *text, const char *field, GError **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *named = NULL;
  int d, m, y;
  char sep1, sep2, tail;

  copy = g_strstrip (g_strdup (text ? text : ""));
  if (d8_date_is_valid (copy))
    return g_steal_pointer (&copy);

  if (sscanf (copy, "%2d%c%2d%c%4d%c", &d, &sep1, &m, &sep2, &y, &tail) == 5
      && sep1 == sep2 && (sep1 == '/' || sep1 == '-' || sep1 == '.') && y >= 1900
      && strlen (strrchr (copy, sep1) + 1) == 4 && g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);

  if ((named = parse_month_name (copy)) != NULL)
    return g_steal_pointer (&named);

  if (*copy == '\0')
    g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("%s: enter a date"), field);
  else
    g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                 /* Translators: the examples show the two accepted forms */
                 _("%s: “%s” is not a date (for example 30/06/2023 or 2023-06-30)"),
                 field, copy);
  return NULL;
}

char *
d8_format_timestamp (const char *iso)
{
  g_autoptr (GTimeZone) tz_utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *day = NULL, *date = NULL, *time = NULL;
  g_autofree char *t = NULL;

  /* Also SQLite's "2023-06-30 07:05:00" and times without a zone: UTC. */
  if (iso != NULL)
    {
      t = g_strdup (iso);
      if (strlen (t) > 10 && t[10] == ' ')
        t[10] = 'T';
      utc = g_date_time_new_from_iso8601 (t, tz_utc);
    }

  if (utc == NULL)
    return g_strdup (iso ? iso : "");
  local = g_date_time_to_local (utc);
  day = g_date_time_format (local, "%Y-%m-%d");
  date = d8_format_date (day);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a date and a time of day, e.g. "30/06/2023 14:05" */
  return g_strdup_printf (C_("date and time", "%s %s"), date, time);
}

/**
 * d8_format_file_name:
 * @title: a title, e.g. "Chư Pưh: tiến độ so với chỉ tiêu"
 *
 * A file name people recognise: the title's Vietnamese letters and
 * punctuation kept, only what a file system forbids (on Linux "/", on a
 * USB stick or Windows also \ : * ? " < > |) replaced. A colon between
 * words becomes a dash ("Chư Pưh – tiến độ …"), a slash a hyphen
 * ("1653-KH-UBND"); control characters and trailing dots and spaces go.
 *
 * Returns: (transfer full): the name, never empty.
 */
char *
d8_format_file_name (const char *title)
{
  GString *out = g_string_new (NULL);

  for (const char *p = title ? title : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case ':':
          if (p[1] == ' ')
            g_string_append (out, " –"); /* "A: b" → "A – b" */
          else
            g_string_append_c (out, '-');
          break;
        case '/':
        case '\\':
        case '|':
          g_string_append_c (out, '-');
          break;
        case '"':
          g_string_append_c (out, '\'');
          break;
        case '*':
        case '?':
        case '<':
        case '>':
          break;
        default:
          if (!g_unichar_iscntrl (c))
            g_string_append_unichar (out, c);
          break;
        }
    }
  while (out->len > 0 && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "duan8");
  return g_string_free (out, FALSE);
}
