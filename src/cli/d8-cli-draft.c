/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-cli-draft.c — making and amending plans from the command line:
 * new-plan, set-quota, set-total, distribute, add-unit, issue-plan,
 * amend-plan. Each is a call of the core (d8-plan-draft.h, d8-plan-edit.h), so the window and the CLI
 * follow the same rules; see docs/cli.md.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-cli-private.h"
#include "d8-format.h"
#include "d8-plan-draft.h"
#include "d8-plan-edit.h"

/* The machine words of plans and their history that tables show
 * translated (D8_CLI_COLUMN_KEYWORD: plans' status, plan-history's kind);
 * listed here for xgettext. */
static const char *const keywords[] G_GNUC_UNUSED = {
  /* Translators: the status of a plan (a table's cell) */
  NC_ ("keyword", "draft"), NC_ ("keyword", "issued"),
  /* Translators: what changed a plan: an amendment, or a revised plan file imported */
  NC_ ("keyword", "amendment"), NC_ ("keyword", "import"),
};

/* The positional "N" or "-" (no quota / no total). */
static gboolean
parse_amount_arg (Cli *cli, gboolean *has, gint64 *value, GError **error)
{
  const char *text = cli->arg;

  if (g_str_equal (text, "-"))
    {
      *has = FALSE;
      *value = 0;
      return TRUE;
    }
  *has = TRUE;
  /* Translators: names the number given to set-quota or set-total */
  return d8_parse_count (text, _("the amount"), value, error);
}

static char *
require_date (Cli *cli, const char *name, GError **error)
{
  if (!d8_cli_require_option (cli, name, error))
    return NULL;
  return d8_cli_parse_date_option (cli, name, error);
}

gboolean
d8_cli_cmd_new_plan (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) from = NULL;
  g_autoptr (D8Plan) plan = NULL;
  D8NewPlanOptions options = { 0 };
  gint64 year, plan_id;

  if (!d8_cli_require_option (cli, "code", error) || !d8_cli_require_option (cli, "year", error)
      || !d8_cli_parse_count_option (cli, "year", &year, error) || !d8_cli_open_store (cli, error))
    return FALSE;
  if (d8_cli_option_value (cli, "from") != NULL
      && (from = d8_store_resolve_plan (cli->store, d8_cli_option_value (cli, "from"), error))
           == NULL)
    return FALSE;
  if (d8_cli_option_flag (cli, "copy-quotas") && from == NULL)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("new-plan: --copy-quotas needs --from PLAN, the plan to copy them from"));
      return FALSE;
    }
  options.code = d8_cli_option_value (cli, "code");
  options.year = (int) CLAMP (year, 0, 100000);
  options.title = d8_cli_option_value (cli, "title");
  options.from_plan_id = from != NULL ? from->id : 0;
  options.copy_quotas = d8_cli_option_flag (cli, "copy-quotas");
  if ((plan_id = d8_store_new_plan (cli->store, &options, error)) == 0
      || (plan = d8_store_get_plan (cli->store, plan_id, error)) == NULL)
    return FALSE;
  /* Translators: %s: the plan's code, then its title; the number is its id */
  g_print (_("Made the draft plan %s (“%s”, id %lld).\n"), plan->code, plan->title,
           (long long) plan->id);
  return TRUE;
}

gboolean
d8_cli_cmd_set_quota (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Unit) unit = NULL;
  g_autoptr (D8Indicator) indicator = NULL;
  gboolean has;
  gint64 quota;

  if (!d8_cli_require_option (cli, "unit", error)
      || !d8_cli_require_option (cli, "indicator", error)
      || !parse_amount_arg (cli, &has, &quota, error)
      || (plan = d8_cli_open_plan (cli, error)) == NULL
      || (unit = d8_cli_resolve_unit (cli, plan, d8_cli_option_value (cli, "unit"), error)) == NULL
      || (indicator = d8_cli_resolve_indicator (cli, plan, d8_cli_option_value (cli, "indicator"),
                                                error)) == NULL
      || !d8_store_set_quota (cli->store, plan->id, unit->id, indicator->id, has, quota, error))
    return FALSE;
  if (has)
    {
      g_autofree char *number = d8_format_count (quota);
      /* Translators: unit name, indicator code, the quota */
      g_print (_("%s, indicator %s: quota %s.\n"), unit->name, indicator->code, number);
    }
  else
    /* Translators: unit name, indicator code */
    g_print (_("%s, indicator %s: no quota.\n"), unit->name, indicator->code);
  return TRUE;
}

gboolean
d8_cli_cmd_set_total (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Indicator) indicator = NULL;
  gboolean has;
  gint64 total;

  if (!d8_cli_require_option (cli, "indicator", error)
      || !parse_amount_arg (cli, &has, &total, error)
      || (plan = d8_cli_open_plan (cli, error)) == NULL
      || (indicator = d8_cli_resolve_indicator (cli, plan, d8_cli_option_value (cli, "indicator"),
                                                error)) == NULL
      || !d8_store_set_stated_total (cli->store, plan->id, indicator->id, has, total, error))
    return FALSE;
  if (has)
    {
      g_autofree char *number = d8_format_count (total);
      /* Translators: indicator code, the total */
      g_print (_("Indicator %s: the plan states a total of %s.\n"), indicator->code, number);
    }
  else
    /* Translators: indicator code */
    g_print (_("Indicator %s: the plan states no total.\n"), indicator->code);
  return TRUE;
}

gboolean
d8_cli_cmd_add_unit (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Unit) parent = NULL;
  const char *parent_ref = d8_cli_option_value (cli, "parent");
  gint64 unit_id;

  if (!d8_cli_require_option (cli, "name", error) || !d8_cli_require_option (cli, "level", error)
      || (plan = d8_cli_open_plan (cli, error)) == NULL)
    return FALSE;
  if (parent_ref != NULL
      && (parent = d8_cli_resolve_unit (cli, plan, parent_ref, error)) == NULL)
    return FALSE;
  unit_id = d8_store_plan_add_unit (cli->store, plan->id, d8_cli_option_value (cli, "name"),
                                    d8_cli_option_value (cli, "level"),
                                    parent != NULL ? parent->id : 0,
                                    d8_cli_option_value (cli, "kind"), error);
  if (unit_id == 0)
    return FALSE;
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id);
    g_autoptr (D8Unit) unit = d8_store_resolve_unit (cli->store, plan->id, id, NULL);
    if (unit != NULL)
      /* Translators: the unit's name, its code, the plan's code */
      g_print (_("Added %s (code %s) to the plan %s.\n"), unit->name, unit->code, plan->code);
  }
  return TRUE;
}

gboolean
d8_cli_cmd_issue_plan (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *issued_on = NULL;
  gboolean was_draft;

  if (!d8_cli_require_option (cli, "document-number", error)
      || (issued_on = require_date (cli, "issued-on", error)) == NULL
      || (plan = d8_cli_open_plan (cli, error)) == NULL)
    return FALSE;
  was_draft = plan->is_draft;
  if (!d8_store_issue_plan (cli->store, plan->id, d8_cli_option_value (cli, "document-number"),
                            issued_on, d8_cli_option_value (cli, "issuer"), error))
    return FALSE;
  if (was_draft)
    /* Translators: the plan's code, the document number */
    g_print (_("Issued the plan %s as %s.\n"), plan->code,
             d8_cli_option_value (cli, "document-number"));
  else
    /* Translators: the document number, the plan's code */
    g_print (_("Issued the amendment %s of the plan %s.\n"),
             d8_cli_option_value (cli, "document-number"), plan->code);
  return TRUE;
}

gboolean
d8_cli_cmd_amend_plan (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autofree char *issued_on = NULL;

  if (!d8_cli_require_option (cli, "document-number", error)
      || (issued_on = require_date (cli, "issued-on", error)) == NULL
      || (plan = d8_cli_open_plan (cli, error)) == NULL
      || d8_store_amend_plan (cli->store, plan->id, d8_cli_option_value (cli, "document-number"),
                              issued_on, error) == 0)
    return FALSE;
  /* Translators: the amending document's number, the plan's code */
  g_print (_("Opened the amendment %s of the plan %s: the quotas and totals set from now on "
             "belong to it, until issue-plan or another amend-plan.\n"),
           d8_cli_option_value (cli, "document-number"), plan->code);
  return TRUE;
}

/* The rows of the units named in --among (comma-separated names, codes or
 * ids), or every row of the grid without it. */
static GArray *
distribute_rows (Cli *cli, const D8Plan *plan, D8PlanEdit *edit, GError **error)
{
  const char *among = d8_cli_option_value (cli, "among");
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto (GStrv) refs = NULL;
  guint n = d8_plan_edit_get_n_rows (edit);

  if (among == NULL)
    {
      for (guint r = 0; r < n; r++)
        g_array_append_val (rows, r);
      return g_steal_pointer (&rows);
    }
  refs = g_strsplit (among, ",", -1);
  for (guint i = 0; refs[i] != NULL; i++)
    {
      g_autoptr (D8Unit) unit = NULL;
      guint r;

      g_strstrip (refs[i]);
      if (refs[i][0] == '\0')
        continue;
      if ((unit = d8_cli_resolve_unit (cli, plan, refs[i], error)) == NULL)
        return NULL;
      for (r = 0; r < n; r++)
        if (d8_plan_edit_get_unit (edit, r)->id == unit->id)
          break;
      if (r == n)
        {
          g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                       /* Translators: the unit's name, the plan's code */
                       _("distribute: %s is not in the appendix of the plan %s"), unit->name,
                       plan->code);
          return NULL;
        }
      g_array_append_val (rows, r);
    }
  return g_steal_pointer (&rows);
}

static const D8CliColumn distribution_columns[] = {
  { "unit", N_("Unit"), D8_CLI_TEXT },
  { "unit_code", N_("Unit code"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "reference", N_("Reference quota"), D8_CLI_INT },
  { "quota", N_("Proposed quota"), D8_CLI_INT },
};

/* distribute: the window's "Distribute…" (d8_plan_edit_distribute), the
 * largest remainder rule of d8-plan-edit.h; the proposal is printed, and
 * written in one transaction unless --dry-run. */
gboolean
d8_cli_cmd_distribute (Cli *cli, GError **error)
{
  g_autoptr (D8Plan) plan = NULL;
  g_autoptr (D8Plan) reference = NULL;
  g_autoptr (D8Indicator) indicator = NULL;
  g_autoptr (D8PlanEdit) edit = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autoptr (GArray) preview = NULL;
  g_autoptr (D8CliReport) report = NULL;
  D8CliTable *table;
  gboolean has_total = FALSE;
  gint64 total = 0;
  guint column;

  if (!d8_cli_require_option (cli, "indicator", error)
      || !d8_cli_require_option (cli, "reference", error)
      || (plan = d8_cli_open_plan (cli, error)) == NULL
      || (indicator = d8_cli_resolve_indicator (cli, plan, d8_cli_option_value (cli, "indicator"),
                                                error)) == NULL
      || (reference = d8_store_resolve_plan (cli->store, d8_cli_option_value (cli, "reference"),
                                             error)) == NULL
      || (edit = d8_plan_edit_new (cli->store, plan->id, error)) == NULL)
    return FALSE;
  for (column = 0; column < d8_plan_edit_get_n_columns (edit); column++)
    if (d8_plan_edit_get_indicator (edit, column)->id == indicator->id)
      break;
  if (column == d8_plan_edit_get_n_columns (edit))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   /* Translators: the indicator's code, the plan's code */
                   _("distribute: indicator %s is not in the appendix of the plan %s"),
                   indicator->code, plan->code);
      return FALSE;
    }
  if (d8_cli_option_value (cli, "total") != NULL)
    {
      if (!d8_cli_parse_count_option (cli, "total", &total, error))
        return FALSE;
      has_total = TRUE;
    }
  else
    has_total = d8_plan_edit_get_stated (edit, column, &total);
  if (!has_total)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   /* Translators: the indicator's code, the plan's code */
                   _("distribute: the plan %2$s states no total for indicator %1$s; give one "
                     "with --total N"),
                   indicator->code, plan->code);
      return FALSE;
    }
  if ((rows = distribute_rows (cli, plan, edit, error)) == NULL
      || (preview = d8_plan_edit_distribute (edit, column, total, (const guint *) (void *) rows->data,
                                             rows->len, reference->id, error)) == NULL)
    return FALSE;

  report = d8_cli_report_for_plan (plan);
  table = d8_cli_table_new ("distribution", NULL, distribution_columns,
                            G_N_ELEMENTS (distribution_columns));
  for (guint i = 0; i < preview->len; i++)
    {
      const D8Distribution *d = &g_array_index (preview, D8Distribution, i);
      const D8Unit *unit = d8_plan_edit_get_unit (edit, d->row);

      d8_cli_table_add_row (table);
      d8_cli_table_set_text (table, "unit", unit->name);
      d8_cli_table_set_text (table, "unit_code", unit->code);
      if (d->has_reference)
        d8_cli_table_set_int (table, "reference", d->reference);
      d8_cli_table_set_int (table, "quota", d->quota);
    }
  d8_cli_report_add_table (report, table);
  if (d8_cli_option_flag (cli, "dry-run"))
    d8_cli_report_add_note (report, _("Dry run: nothing was written."));
  else if (!d8_plan_edit_apply_distribution (edit, column, preview, error)
           || !d8_plan_edit_save (edit, error))
    return FALSE;
  d8_cli_write_report (cli, report);
  return TRUE;
}
