/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-cli-compare.c — duan8-cli compare and link-indicator: plans side by
 * side (d8-plan-compare.h), and the user's mapping of indicators across
 * plans; and the model of `render --chart compare`. See docs/cli.md. */
#include "config.h"

#include <glib/gi18n.h>

#include "d8-chart-model.h"
#include "d8-cli-private.h"
#include "d8-error.h"
#include "d8-plan-compare.h"

/* The machine words of the period column, for xgettext. */
static const char *const keywords[] G_GNUC_UNUSED = {
  /* Translators: the period of a row of duan8-cli compare: all compared plans together */
  NC_ ("keyword", "phase"),
};

/* The plans of --plans (codes, ids, numbers or years, comma-separated), or
 * every plan of the database; at least two. Returns their ids. */
static GArray *
resolve_plans (Cli *cli, GError **error)
{
  const char *list = d8_cli_option_value (cli, "plans");
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!d8_cli_open_store (cli, error))
    return NULL;
  if (list == NULL)
    {
      g_autoptr (GPtrArray) plans = d8_store_list_plans (cli->store, error);

      if (plans == NULL)
        return NULL;
      for (guint i = 0; i < plans->len; i++)
        g_array_append_val (ids, ((D8Plan *) plans->pdata[i])->id);
    }
  else
    {
      g_auto (GStrv) refs = g_strsplit (list, ",", -1);

      for (guint i = 0; refs[i] != NULL; i++)
        {
          g_autoptr (GError) local_error = NULL;
          g_autoptr (D8Plan) plan = NULL;
          char *ref = g_strstrip (refs[i]);

          if (*ref == '\0')
            {
              g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                           _("--plans: “%s” has an empty plan; separate plans by commas"), list);
              return NULL;
            }
          if ((plan = d8_store_resolve_plan (cli->store, ref, &local_error)) == NULL)
            {
              g_set_error (error, local_error->domain, local_error->code, "--plans: %s",
                           local_error->message);
              return NULL;
            }
          g_array_append_val (ids, plan->id);
        }
    }
  if (ids->len < 2)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   list ? _("--plans: name at least two plans to compare")
                        : _("The database holds fewer than two plans; there is nothing to compare"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static D8PlanCompare *
compare_for (Cli *cli, D8CompareBy by, GError **error)
{
  g_autofree char *as_of = NULL;
  g_autoptr (GArray) ids = NULL;

  if (d8_cli_option_value (cli, "as-of") != NULL
      && (as_of = d8_cli_parse_date_option (cli, "as-of", error)) == NULL)
    return NULL;
  if ((ids = resolve_plans (cli, error)) == NULL)
    return NULL;
  return d8_store_compare_plans (cli->store, ids, by, as_of, error);
}

/* The indicator of --indicator in the comparison; -1 with no --indicator. */
static gboolean
find_indicator (Cli *cli, const D8PlanCompare *cmp, int *index, GError **error)
{
  const char *code = d8_cli_option_value (cli, "indicator");

  *index = -1;
  if (code == NULL)
    return TRUE;
  if ((*index = d8_plan_compare_find_indicator (cmp, code)) < 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                   /* Translators: %s is the code given to --indicator */
                   _("--indicator: none of the compared plans has an indicator “%s” (see "
                     "“duan8-cli indicators”)"),
                   code);
      return FALSE;
    }
  return TRUE;
}

static const D8CliColumn compare_columns[] = {
  { "unit", N_("Unit"), D8_CLI_TEXT },
  { "unit_code", N_("Unit code"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "in_every_plan", N_("In every plan"), D8_CLI_BOOL, D8_CLI_COLUMN_NO_TABLE },
  { "indicator", N_("Indicator"), D8_CLI_TEXT },
  { "indicator_name", N_("Name"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "period", N_("Year"), D8_CLI_TEXT, D8_CLI_COLUMN_KEYWORD },
  { "plan", N_("Plan"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "plan_indicator", N_("Code in the plan"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "stated", N_("Stated"), D8_CLI_INT },
  { "allocated", N_("Allocated"), D8_CLI_INT },
  { "quota", N_("Quota"), D8_CLI_INT },
  { "achieved", N_("Achieved"), D8_CLI_INT },
  { "group_size", N_("Group"), D8_CLI_INT, D8_CLI_COLUMN_NO_TABLE },
  { "completion", N_("Done"), D8_CLI_PERCENT },
  { "status", N_("Status"), D8_CLI_STATUS },
};

/* One row of the table: @plan < n_plans a plan, n_plans the phase. */
static void
add_figures_row (D8CliTable *table, const D8PlanCompare *cmp, const D8CompareRow *row, guint plan,
                 guint k)
{
  const D8CompareIndicator *ind = cmp->indicators->pdata[k];
  const D8CompareFigures *fig = d8_plan_compare_figures (cmp, row, plan, k);
  guint n_plans = d8_plan_compare_n_plans (cmp);

  if (!fig->present)
    return;
  d8_cli_table_add_row (table);
  if (cmp->by != D8_COMPARE_BY_PROVINCE)
    {
      d8_cli_table_set_text (table, "unit", row->name);
      d8_cli_table_set_text (table, "unit_code", row->code);
      d8_cli_table_set_bool (table, "in_every_plan", row->in_every_plan);
    }
  d8_cli_table_set_text (table, "indicator", ind->code);
  d8_cli_table_set_text (table, "indicator_name", ind->name);
  if (plan < n_plans)
    {
      const D8Overview *ov = cmp->overviews->pdata[plan];
      g_autofree char *year = g_strdup_printf ("%d", ov->plan->year);

      d8_cli_table_set_text (table, "period", year);
      d8_cli_table_set_text (table, "plan", ov->plan->code);
      d8_cli_table_set_text (table, "plan_indicator",
                             ((D8Indicator *) ov->indicators->pdata[ind->index[plan]])->code);
    }
  else
    d8_cli_table_set_text (table, "period", "phase");
  if (fig->has_stated)
    d8_cli_table_set_int (table, "stated", fig->stated);
  if (fig->any_allocated)
    d8_cli_table_set_int (table, "allocated", fig->allocated);
  if (fig->cell.has_quota)
    d8_cli_table_set_int (table, "quota", fig->cell.quota);
  d8_cli_table_set_int (table, "achieved", fig->cell.achieved);
  if (ind->kind == D8_KIND_PERCENT)
    d8_cli_table_set_int (table, "group_size", fig->cell.group_size);
  d8_cli_table_set_double (table, "completion", fig->cell.completion);
  d8_cli_table_set_status (table, "status", fig->cell.status);
}

static void
add_rows_of (D8CliTable *table, const D8PlanCompare *cmp, const D8CompareRow *row, int only)
{
  guint n_plans = d8_plan_compare_n_plans (cmp);

  for (guint k = 0; k < cmp->indicators->len; k++)
    if (only < 0 || (guint) only == k)
      for (guint p = 0; p <= n_plans; p++)
        add_figures_row (table, cmp, row, p, k);
}

gboolean
d8_cli_cmd_compare (Cli *cli, GError **error)
{
  const char *by_name = d8_cli_option_value (cli, "by");
  D8CompareBy by = D8_COMPARE_BY_PROVINCE;
  g_autoptr (D8PlanCompare) cmp = NULL;
  g_autoptr (D8CliReport) report = NULL;
  g_autoptr (GString) plans = g_string_new (NULL);
  D8CliTable *table;
  int only;

  if (by_name != NULL && !d8_compare_by_from_string (by_name, &by))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("--by: “%s” is not one of unit, parent, province"), by_name);
      return FALSE;
    }
  if ((cmp = compare_for (cli, by, error)) == NULL || !find_indicator (cli, cmp, &only, error))
    return FALSE;

  report = d8_cli_report_new ();
  for (guint p = 0; p < d8_plan_compare_n_plans (cmp); p++)
    g_string_append_printf (plans, "%s%s", p ? "," : "",
                            ((D8Overview *) cmp->overviews->pdata[p])->plan->code);
  d8_cli_report_add_text_field (report, "plans", N_("Plans"), D8_CLI_TEXT, plans->str);
  d8_cli_report_add_text_field (report, "as_of", N_("As of"), D8_CLI_DATE, cmp->as_of);
  /* a machine word: for files only (a table shows its rows) */
  if (cli->format != D8_CLI_FORMAT_TABLE)
    d8_cli_report_add_text_field (report, "by", N_("Rows"), D8_CLI_TEXT,
                                  d8_compare_by_to_string (by));
  /* Province rows have no unit: their unit columns are left out. */
  table = d8_cli_table_new ("figures", NULL,
                            by == D8_COMPARE_BY_PROVINCE ? compare_columns + 3 : compare_columns,
                            by == D8_COMPARE_BY_PROVINCE ? G_N_ELEMENTS (compare_columns) - 3
                                                         : G_N_ELEMENTS (compare_columns));
  if (by == D8_COMPARE_BY_PROVINCE)
    add_rows_of (table, cmp, NULL, only);
  for (guint r = 0; r < cmp->rows->len; r++)
    add_rows_of (table, cmp, cmp->rows->pdata[r], only);
  d8_cli_report_add_table (report, table);
  d8_cli_write_report (cli, report);
  return TRUE;
}

/**
 * d8_cli_compare_chart_model:
 * @cli: the command line of `render --chart compare`
 * @error: (out) (optional): as `compare`; D8_CLI_ERROR_USAGE without --indicator
 *
 * Returns: (transfer full) (nullable): the model of the compare chart of
 *   --plans (default: every plan) and --indicator, at --as-of.
 */
D8ChartModel *
d8_cli_compare_chart_model (Cli *cli, GError **error)
{
  g_autoptr (D8PlanCompare) cmp = NULL;
  int k;

  if (!d8_cli_require_option (cli, "indicator", error))
    return NULL;
  if ((cmp = compare_for (cli, D8_COMPARE_BY_PROVINCE, error)) == NULL
      || !find_indicator (cli, cmp, &k, error))
    return NULL;
  return d8_chart_model_compare_new (cmp, (guint) k);
}

/* An indicator of a plan, named for the option it came from. */
static D8Indicator *
resolve_option_indicator (Cli *cli, const char *plan_ref, const char *plan_option,
                          const char *code, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (D8Plan) plan = d8_store_resolve_plan (cli->store, plan_ref, &local_error);

  if (plan == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "--%s: %s", plan_option,
                   local_error->message);
      return NULL;
    }
  return d8_cli_resolve_indicator (cli, plan, code, error);
}

gboolean
d8_cli_cmd_link_indicator (Cli *cli, GError **error)
{
  g_autoptr (D8Indicator) from = NULL;
  g_autoptr (D8Indicator) to = NULL;
  gboolean remove = d8_cli_option_flag (cli, "remove");

  if (!d8_cli_require_option (cli, "indicator", error)
      || !d8_cli_require_option (cli, "to-plan", error)
      || !d8_cli_require_option (cli, "to-indicator", error) || !d8_cli_open_store (cli, error))
    return FALSE;
  if ((from = resolve_option_indicator (cli, cli->plan_ref, "plan",
                                        d8_cli_option_value (cli, "indicator"), error)) == NULL
      || (to = resolve_option_indicator (cli, d8_cli_option_value (cli, "to-plan"), "to-plan",
                                         d8_cli_option_value (cli, "to-indicator"), error)) == NULL)
    return FALSE;
  if (remove ? !d8_store_unlink_indicators (cli->store, from->id, to->id, error)
             : !d8_store_link_indicators (cli->store, from->id, to->id, error))
    return FALSE;
  if (remove)
    /* Translators: two indicator codes */
    g_print (_("Indicators %s and %s are no longer linked.\n"), from->code, to->code);
  else
    g_print (_("Indicator %s is now compared with indicator %s.\n"), from->code, to->code);
  return TRUE;
}
