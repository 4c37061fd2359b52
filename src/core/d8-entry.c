/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-entry.c — the rules of an entry, written once (see d8-entry.h). */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "d8-entry.h"
#include "d8-error.h"
#include "d8-format.h"
#include "d8-text.h"

/**
 * d8_entry_field_label:
 * @field: one of the D8_ENTRY_FIELD_ names ("amount", "group_size" …)
 *
 * Returns: (transfer none): the field's name for people, translated
 *   ("group size"), or @field itself when it is not an entry field.
 */
const char *
d8_entry_field_label (const char *field)
{
  if (g_strcmp0 (field, D8_ENTRY_FIELD_DATE) == 0)
    return _("date");
  if (g_strcmp0 (field, D8_ENTRY_FIELD_AMOUNT) == 0)
    return _("amount");
  if (g_strcmp0 (field, D8_ENTRY_FIELD_REACHED) == 0)
    return _("reached");
  if (g_strcmp0 (field, D8_ENTRY_FIELD_GROUP_SIZE) == 0)
    return _("group size");
  if (g_strcmp0 (field, D8_ENTRY_FIELD_PLACE) == 0)
    return _("place");
  if (g_strcmp0 (field, D8_ENTRY_FIELD_NOTE) == 0)
    return _("note");
  return field;
}

/**
 * d8_entry_check_date:
 * @date: (nullable): the entry's date, ISO 8601 (YYYY-MM-DD)
 * @error: (out) (optional): D8_ERROR_INVALID when it is not a real date
 *
 * Whether the date is a calendar date. Whether it lies in the plan's
 * period is the store's question (it needs the plan).
 *
 * Returns: TRUE when @date is valid.
 */
gboolean
d8_entry_check_date (const char *date, GError **error)
{
  if (d8_date_is_valid (date))
    return TRUE;
  g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
               _("“%s” is not a date in the form YYYY-MM-DD"), date ? date : "");
  return FALSE;
}

static gboolean
check_range (gint64 value, const char *field, const char **field_out, GError **error)
{
  if (value >= 0 && value <= D8_ENTRY_AMOUNT_MAX)
    return TRUE;
  *field_out = field;
  g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
               _("%lld is out of range (0 to 10¹²)"), (long long) value);
  return FALSE;
}

/**
 * d8_entry_check_figures:
 * @kind: the kind of the entry's indicator
 * @indicator_code: the indicator's code, for messages ("1" … "9", "SM")
 * @amount: things counted (count indicators), whole number
 * @reached: women reached (percent indicators), whole number
 * @group_size: women in the target group (percent indicators), whole number
 * @deleted: TRUE for a deleted entry travelling in a bundle, whose group
 *   size may be 0
 * @field: (out) (optional): the field at fault, a D8_ENTRY_FIELD_ name
 * @error: (out) (optional): D8_ERROR_INVALID naming what is wrong; the
 *   message does not repeat the field (see d8_entry_field_label())
 *
 * The figures an entry of that kind carries: a count indicator has an
 * amount and nothing reached; a percent indicator has women reached out of
 * a target group of 1 or more, and no amount (the plan's section II.3 sets
 * the 80 % safe-motherhood target as such a share). Every figure lies in
 * 0 … D8_ENTRY_AMOUNT_MAX.
 *
 * Returns: TRUE when the figures are valid.
 */
gboolean
d8_entry_check_figures (D8IndicatorKind kind, const char *indicator_code, gint64 amount,
                        gint64 reached, gint64 group_size, gboolean deleted,
                        const char **field, GError **error)
{
  const char *unused;

  if (field == NULL)
    field = &unused;
  *field = NULL;
  if (!check_range (amount, D8_ENTRY_FIELD_AMOUNT, field, error)
      || !check_range (reached, D8_ENTRY_FIELD_REACHED, field, error)
      || !check_range (group_size, D8_ENTRY_FIELD_GROUP_SIZE, field, error))
    return FALSE;

  switch (kind)
    {
    case D8_KIND_COUNT:
      if (reached != 0 || group_size != 0)
        {
          *field = D8_ENTRY_FIELD_REACHED;
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       _("indicator %s counts things: an entry has an amount, not women reached"),
                       indicator_code);
          return FALSE;
        }
      return TRUE;

    case D8_KIND_PERCENT:
      if (amount != 0)
        {
          *field = D8_ENTRY_FIELD_AMOUNT;
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       _("indicator %s is a percentage: an entry has women reached and a group "
                         "size, not an amount"), indicator_code);
          return FALSE;
        }
      if (group_size == 0 && !deleted)
        {
          *field = D8_ENTRY_FIELD_GROUP_SIZE;
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       _("enter the number of women in the target group (1 or more)"));
          return FALSE;
        }
      if (reached > group_size)
        {
          *field = D8_ENTRY_FIELD_REACHED;
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       _("%lld women reached is more than the target group (%lld)"),
                       (long long) reached, (long long) group_size);
          return FALSE;
        }
      return TRUE;
    }
  g_return_val_if_reached (FALSE);
}

/**
 * d8_entry_normalize_text:
 * @text: (nullable): a place or note as typed or received, UTF-8
 * @normalized: (out) (transfer full) (nullable): the text in NFC without
 *   surrounding spaces, or NULL when that is empty
 * @error: (out) (optional): D8_ERROR_INVALID when @text is not UTF-8 or
 *   is longer than D8_ENTRY_TEXT_MAX characters after normalising
 *
 * Returns: TRUE when the text is acceptable.
 */
gboolean
d8_entry_normalize_text (const char *text, char **normalized, GError **error)
{
  g_autofree char *nfc = NULL;
  glong length;

  *normalized = NULL;
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID, _("the text is not valid UTF-8"));
      return FALSE;
    }
  nfc = d8_text_normalize (text, NULL, error);
  if (nfc == NULL)
    return FALSE;
  length = g_utf8_strlen (nfc, -1);
  if (length > D8_ENTRY_TEXT_MAX)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("the text is too long: %ld characters, at most %d"), length,
                   D8_ENTRY_TEXT_MAX);
      return FALSE;
    }
  if (*nfc != '\0')
    *normalized = g_steal_pointer (&nfc);
  return TRUE;
}

/**
 * d8_indicator_kind_to_string:
 * @kind: an indicator kind
 *
 * Returns: (transfer none): its name in plan files, bundles, the database
 *   and the CLI's machine formats: "count" or "percent"
 *   (docs/plan-format.md).
 */
const char *
d8_indicator_kind_to_string (D8IndicatorKind kind)
{
  switch (kind)
    {
    case D8_KIND_COUNT:
      return "count";
    case D8_KIND_PERCENT:
      return "percent";
    }
  g_return_val_if_reached ("count");
}

/**
 * d8_indicator_kind_counts_women:
 * @kind: an indicator kind
 *
 * Whether an entry of @kind records women reached out of a target group
 * (the percent indicators, e.g. the 80 % safe-motherhood target of the
 * plan's section II) rather than an amount. The window's rows and texts
 * ask this; a new kind does not compile until it answers here.
 *
 * Returns: TRUE for kinds recorded as reached / group size.
 */
gboolean
d8_indicator_kind_counts_women (D8IndicatorKind kind)
{
  switch (kind)
    {
    case D8_KIND_COUNT:
      return FALSE;
    case D8_KIND_PERCENT:
      return TRUE;
    }
  g_return_val_if_reached (FALSE);
}

/**
 * d8_indicator_kind_from_string:
 * @text: (nullable): "count" or "percent"
 * @kind: (out): the kind
 *
 * Returns: TRUE when @text names a kind; FALSE (and @kind untouched)
 *   otherwise.
 */
gboolean
d8_indicator_kind_from_string (const char *text, D8IndicatorKind *kind)
{
  if (g_strcmp0 (text, "count") == 0)
    *kind = D8_KIND_COUNT;
  else if (g_strcmp0 (text, "percent") == 0)
    *kind = D8_KIND_PERCENT;
  else
    return FALSE;
  return TRUE;
}
