/* d8-cli-bundle.c — duan8-cli commands for the exchange between offices:
 * office, export-bundle, import-bundle, conflicts, resolve, log, snapshots,
 * restore. The work is the core's (d8-bundle.h, d8-snapshot.h); this file
 * only reads options and prints reports. See docs/cli.md, "Bundles". */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "d8-bundle.h"
#include "d8-cli-private.h"
#include "d8-error.h"
#include "d8-format.h"
#include "d8-snapshot.h"

gboolean
d8_cli_cmd_office (Cli *cli, GError **error)
{
  const char *set = d8_cli_option_value (cli, "set");
  g_autoptr (D8CliReport) report = d8_cli_report_new ();
  g_autofree char *label = NULL;

  if (!d8_cli_open_store (cli, error))
    return FALSE;
  if (set != NULL)
    {
      g_autofree char *code = NULL;

      if (g_ascii_strcasecmp (set, "province") == 0)
        code = g_strdup ("province");
      else
        {
          g_autoptr (D8Plan) plan = d8_cli_open_plan (cli, error);
          g_autoptr (D8Unit) unit = NULL;

          if (plan == NULL || (unit = d8_cli_resolve_unit (cli, plan, set, error)) == NULL)
            return FALSE;
          code = g_strdup (unit->code);
        }
      if (!d8_store_set_office (cli->store, code, error))
        return FALSE;
    }
  label = d8_store_describe_office (cli->store);
  d8_cli_report_add_text_field (report, "office", N_("Office"), D8_CLI_TEXT,
                                d8_store_get_office (cli->store));
  d8_cli_report_add_text_field (report, "name", N_("Name"), D8_CLI_TEXT, label);
  d8_cli_write_report (cli, report);
  return TRUE;
}

gboolean
d8_cli_cmd_export_bundle (Cli *cli, GError **error)
{
  const char *out = d8_cli_option_value (cli, "out");
  const char *unit_ref = d8_cli_option_value (cli, "unit");
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_DEFAULT };
  D8BundleExportResult result = { 0 };
  g_autoptr (D8CliReport) report = d8_cli_report_new ();
  g_autoptr (D8Unit) unit = NULL;
  g_autofree char *sequence = NULL, *n_entries = NULL, *n_plans = NULL;
  gboolean ok;

  if (!d8_cli_require_option (cli, "out", error))
    return FALSE;
  if (!g_str_has_suffix (out, D8_BUNDLE_SUFFIX))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   /* Translators: %s: the file name given, then the required ending */
                   _("--out: “%s” does not end in %s; bundles are named *%s so that the "
                     "offices’ computers recognise them"),
                   out, D8_BUNDLE_SUFFIX, D8_BUNDLE_SUFFIX);
      return FALSE;
    }
  if (d8_cli_option_flag (cli, "all") && d8_cli_option_flag (cli, "since-last"))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("export-bundle: give --all or --since-last, not both"));
      return FALSE;
    }
  if (d8_cli_option_flag (cli, "all"))
    options.entries = D8_BUNDLE_ENTRIES_ALL;
  else if (d8_cli_option_flag (cli, "since-last"))
    options.entries = D8_BUNDLE_ENTRIES_SINCE_LAST;
  else if (d8_cli_option_flag (cli, "plan-only"))
    options.entries = D8_BUNDLE_ENTRIES_NONE;

  if (!d8_cli_open_store (cli, error))
    return FALSE;
  options.plan = cli->plan_ref;
  if (unit_ref != NULL)
    {
      g_autoptr (D8Plan) plan = d8_cli_open_plan (cli, error);

      if (plan == NULL || (unit = d8_cli_resolve_unit (cli, plan, unit_ref, error)) == NULL)
        return FALSE;
      options.unit = unit->code;
    }
  ok = d8_bundle_export (cli->store, &options, out, &result, error);
  if (!ok)
    return FALSE;
  sequence = g_strdup_printf ("%" G_GINT64_FORMAT, result.sequence);
  n_entries = g_strdup_printf ("%u", result.n_entries);
  n_plans = g_strdup_printf ("%u", result.n_plans);
  d8_cli_report_add_text_field (report, "file", N_("File"), D8_CLI_TEXT, out);
  d8_cli_report_add_text_field (report, "bundle_id", N_("Bundle"), D8_CLI_TEXT, result.bundle_id);
  d8_cli_report_add_text_field (report, "origin", N_("Office"), D8_CLI_TEXT,
                                d8_store_get_office (cli->store));
  d8_cli_report_add_text_field (report, "sequence", N_("Sequence"), D8_CLI_TEXT, sequence);
  d8_cli_report_add_text_field (report, "plans", N_("Plans"), D8_CLI_TEXT, n_plans);
  d8_cli_report_add_text_field (report, "entries", N_("Entries"), D8_CLI_TEXT, n_entries);
  d8_cli_report_add_text_field (report, "digest", N_("Digest"), D8_CLI_TEXT, result.digest);
  d8_cli_write_report (cli, report);
  d8_bundle_export_result_clear (&result);
  return TRUE;
}

static const D8CliColumn rejection_columns[] = {
  { "record", N_("Record"), D8_CLI_TEXT },
  { "uuid", N_("UUID"), D8_CLI_TEXT },
  { "field", N_("Field"), D8_CLI_TEXT },
  { "reason", N_("Reason"), D8_CLI_TEXT },
};

static void
print_preview_table (const D8BundlePreview *preview, gboolean dry_run)
{
  /* Translators: the labels of the import preview, one per line */
  static const char *labels[D8_BUNDLE_N_OUTCOMES] = {
    N_("New"), N_("Updated"), N_("Unchanged"), N_("Deleted"), N_("In conflict"), N_("Rejected"),
  };
  g_autofree char *summary = d8_bundle_preview_summary (preview);

  g_print (_("Bundle %s from %s, number %lld, made %s\n"), preview->bundle_id, preview->origin,
           (long long) preview->sequence, preview->created_at);
  g_print ("%-14s %10s %10s\n", "", _("Entries"), _("Plans"));
  for (guint i = 0; i < D8_BUNDLE_N_OUTCOMES; i++)
    {
      g_autofree char *e = d8_format_count (preview->entries[i]);
      g_autofree char *p = d8_format_count (preview->plans[i]);
      const char *label = _(labels[i]);
      glong pad = 14 - g_utf8_strlen (label, -1);

      g_print ("%s%*s %10s %10s\n", label, (int) MAX (pad, 0), "", e, p);
    }
  if (preview->already_imported)
    g_print (_("This bundle was imported before (%s); importing it again changes nothing.\n"),
             preview->imported_at);
  if (preview->rollback)
    g_print (_("Note: a newer bundle from %s (number %lld) was imported before this one.\n"),
             preview->origin, (long long) preview->last_sequence);
  for (guint i = 0; i < preview->rejections->len; i++)
    {
      const D8BundleRejection *r = preview->rejections->pdata[i];

      /* Translators: a rejected record: the record, its field, the reason */
      g_print (_("Rejected %s, field %s: %s\n"), r->record, r->field ? r->field : "–", r->reason);
    }
  if (preview->conflicts->len > 0)
    g_print (ngettext ("%u entry was edited here and there since the last exchange: see "
                       "“duan8-cli conflicts”.\n",
                       "%u entries were edited here and there since the last exchange: see "
                       "“duan8-cli conflicts”.\n",
                       preview->conflicts->len),
             preview->conflicts->len);
  if (dry_run)
    g_print (_("Dry run: nothing was written (%s).\n"), summary);
  else if (preview->applied)
    g_print (_("Imported: %s.\n"), summary);
  else
    g_print (_("Nothing to import: the database already holds all of it.\n"));
}

gboolean
d8_cli_cmd_import_bundle (Cli *cli, GError **error)
{
  g_autoptr (D8BundleImport) import = NULL;
  gboolean dry_run = d8_cli_option_flag (cli, "dry-run");
  const D8BundlePreview *preview;

  if (!d8_cli_open_store (cli, error))
    return FALSE;
  if ((import = d8_bundle_import_new (cli->store, cli->arg, error)) == NULL)
    return FALSE;
  if (!dry_run && d8_bundle_import_has_changes (import)
      && !d8_bundle_import_apply (import, error))
    return FALSE;
  preview = d8_bundle_import_get_preview (import);
  if (d8_cli_option_flag (cli, "json") || cli->format == D8_CLI_FORMAT_JSON)
    {
      g_autofree char *json = d8_bundle_preview_to_json (preview);
      g_print ("%s\n", json);
    }
  else if (cli->format == D8_CLI_FORMAT_CSV)
    {
      g_autoptr (D8CliReport) report = d8_cli_report_new ();
      D8CliTable *table = d8_cli_table_new ("rejections", NULL, rejection_columns,
                                            G_N_ELEMENTS (rejection_columns));
      for (guint i = 0; i < preview->rejections->len; i++)
        {
          const D8BundleRejection *r = preview->rejections->pdata[i];

          d8_cli_table_add_row (table);
          d8_cli_table_set_text (table, "record", r->record);
          d8_cli_table_set_text (table, "uuid", r->uuid);
          d8_cli_table_set_text (table, "field", r->field);
          d8_cli_table_set_text (table, "reason", r->reason);
        }
      d8_cli_report_add_table (report, table);
      d8_cli_write_report (cli, report);
    }
  else
    print_preview_table (preview, dry_run);
  return TRUE;
}

static const D8CliColumn conflict_columns[] = {
  { "uuid", N_("UUID"), D8_CLI_TEXT },
  { "unit", N_("Unit"), D8_CLI_TEXT },
  { "indicator", N_("Indicator"), D8_CLI_TEXT },
  { "shown", N_("Shown"), D8_CLI_TEXT },
  { "mine_date", N_("Date here"), D8_CLI_DATE },
  { "mine_amount", N_("Here"), D8_CLI_INT },
  { "mine_deleted", N_("Deleted here"), D8_CLI_BOOL, D8_CLI_COLUMN_NO_TABLE },
  { "mine_origin", N_("Recorded by"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "theirs_date", N_("Date there"), D8_CLI_DATE },
  { "theirs_amount", N_("There"), D8_CLI_INT },
  { "theirs_deleted", N_("Deleted there"), D8_CLI_BOOL, D8_CLI_COLUMN_NO_TABLE },
  { "theirs_origin", N_("Other office"), D8_CLI_TEXT },
  { "mine_version", N_("Version here"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "theirs_version", N_("Version there"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "detected_at", N_("Detected"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
};

/* The figure of an entry: its amount, or women reached for percent ones. */
static gint64
entry_figure (const D8Entry *entry)
{
  return entry->group_size > 0 ? entry->reached : entry->amount;
}

static const char *
unit_name (GHashTable *names, gint64 id)
{
  const char *name = g_hash_table_lookup (names, &id);
  return name ? name : "";
}

gboolean
d8_cli_cmd_conflicts (Cli *cli, GError **error)
{
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GHashTable) units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GHashTable) indicators
    = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (D8CliReport) report = d8_cli_report_new ();
  D8CliTable *table;

  if (!d8_cli_open_store (cli, error)
      || (conflicts = d8_bundle_list_conflicts (cli->store, error)) == NULL
      || (plans = d8_store_list_plans (cli->store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    {
      const D8Plan *plan = plans->pdata[i];
      g_autoptr (GPtrArray) us = d8_store_list_units (cli->store, plan->id, error);
      g_autoptr (GPtrArray) is = d8_store_list_indicators (cli->store, plan->id, error);

      if (us == NULL || is == NULL)
        return FALSE;
      for (guint j = 0; j < us->len; j++)
        {
          const D8Unit *u = us->pdata[j];
          g_hash_table_insert (units, g_memdup2 (&u->id, sizeof u->id), g_strdup (u->name));
        }
      for (guint j = 0; j < is->len; j++)
        {
          const D8Indicator *ind = is->pdata[j];
          g_hash_table_insert (indicators, g_memdup2 (&ind->id, sizeof ind->id),
                               g_strdup (ind->code));
        }
    }
  table = d8_cli_table_new ("conflicts", NULL, conflict_columns, G_N_ELEMENTS (conflict_columns));
  for (guint i = 0; i < conflicts->len; i++)
    {
      const D8Conflict *c = conflicts->pdata[i];
      const D8Entry *any = c->mine ? c->mine : c->theirs;

      d8_cli_table_add_row (table);
      d8_cli_table_set_text (table, "uuid", c->uuid);
      if (any != NULL)
        {
          d8_cli_table_set_text (table, "unit", unit_name (units, any->unit_id));
          d8_cli_table_set_text (table, "indicator", unit_name (indicators, any->indicator_id));
        }
      /* machine value, stable: "mine" or "theirs" */
      d8_cli_table_set_text (table, "shown", c->shown_is_mine ? "mine" : "theirs");
      if (c->mine != NULL)
        {
          d8_cli_table_set_text (table, "mine_date", c->mine->date);
          d8_cli_table_set_int (table, "mine_amount", entry_figure (c->mine));
          d8_cli_table_set_bool (table, "mine_deleted", c->mine->deleted);
          d8_cli_table_set_text (table, "mine_origin", c->mine->origin);
        }
      if (c->theirs != NULL)
        {
          d8_cli_table_set_text (table, "theirs_date", c->theirs->date);
          d8_cli_table_set_int (table, "theirs_amount", entry_figure (c->theirs));
          d8_cli_table_set_bool (table, "theirs_deleted", c->theirs->deleted);
          d8_cli_table_set_text (table, "theirs_origin", c->theirs->origin);
        }
      d8_cli_table_set_text (table, "mine_version", c->mine_version);
      d8_cli_table_set_text (table, "theirs_version", c->theirs_version);
      d8_cli_table_set_text (table, "detected_at", c->detected_at);
    }
  d8_cli_report_add_table (report, table);
  if (conflicts->len == 0)
    d8_cli_report_add_note (report, _("No conflicts."));
  d8_cli_write_report (cli, report);
  return TRUE;
}

gboolean
d8_cli_cmd_resolve (Cli *cli, GError **error)
{
  const char *keep = d8_cli_option_value (cli, "keep");
  D8BundleKeep which;

  if (!d8_cli_require_option (cli, "keep", error))
    return FALSE;
  if (g_str_equal (keep, "mine"))
    which = D8_BUNDLE_KEEP_MINE;
  else if (g_str_equal (keep, "theirs"))
    which = D8_BUNDLE_KEEP_THEIRS;
  else
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("--keep: “%s” is neither “mine” nor “theirs”"), keep);
      return FALSE;
    }
  return d8_cli_open_store (cli, error) && d8_bundle_resolve (cli->store, cli->arg, which, error);
}

static const D8CliColumn log_columns[] = {
  { "imported_at", N_("Imported"), D8_CLI_TEXT },
  { "origin", N_("Office"), D8_CLI_TEXT },
  { "sequence", N_("Number"), D8_CLI_INT, D8_CLI_COLUMN_UNGROUPED },
  { "file_name", N_("File"), D8_CLI_TEXT },
  { "bundle_id", N_("Bundle"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "created_at", N_("Created"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "digest", N_("Digest"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
  { "summary", N_("Summary"), D8_CLI_TEXT },
};

gboolean
d8_cli_cmd_log (Cli *cli, GError **error)
{
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (D8CliReport) report = d8_cli_report_new ();
  D8CliTable *table;

  if (!d8_cli_open_store (cli, error) || (log = d8_bundle_list_log (cli->store, error)) == NULL)
    return FALSE;
  table = d8_cli_table_new ("imports", NULL, log_columns, G_N_ELEMENTS (log_columns));
  for (guint i = 0; i < log->len; i++)
    {
      const D8BundleLogEntry *e = log->pdata[i];

      d8_cli_table_add_row (table);
      d8_cli_table_set_text (table, "imported_at", e->imported_at);
      d8_cli_table_set_text (table, "origin", e->origin);
      d8_cli_table_set_int (table, "sequence", e->sequence);
      d8_cli_table_set_text (table, "file_name", e->file_name);
      d8_cli_table_set_text (table, "bundle_id", e->bundle_id);
      d8_cli_table_set_text (table, "created_at", e->created_at);
      d8_cli_table_set_text (table, "digest", e->digest);
      d8_cli_table_set_text (table, "summary", e->summary);
    }
  d8_cli_report_add_table (report, table);
  d8_cli_write_report (cli, report);
  return TRUE;
}

static const D8CliColumn snapshot_columns[] = {
  { "name", N_("Name"), D8_CLI_TEXT },
  { "created_at", N_("Created"), D8_CLI_TEXT },
  { "reason", N_("Reason"), D8_CLI_TEXT },
  { "size", N_("Bytes"), D8_CLI_INT },
  { "path", N_("File"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
};

gboolean
d8_cli_cmd_snapshots (Cli *cli, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (D8CliReport) report = d8_cli_report_new ();
  D8CliTable *table;

  if (!d8_cli_open_store (cli, error) || (list = d8_snapshot_list (cli->store, error)) == NULL)
    return FALSE;
  table = d8_cli_table_new ("snapshots", NULL, snapshot_columns, G_N_ELEMENTS (snapshot_columns));
  for (guint i = 0; i < list->len; i++)
    {
      const D8Snapshot *s = list->pdata[i];

      d8_cli_table_add_row (table);
      d8_cli_table_set_text (table, "name", s->name);
      d8_cli_table_set_text (table, "created_at", s->created_at);
      d8_cli_table_set_text (table, "reason", s->reason);
      d8_cli_table_set_int (table, "size", s->size);
      d8_cli_table_set_text (table, "path", s->path);
    }
  d8_cli_report_add_table (report, table);
  d8_cli_write_report (cli, report);
  return TRUE;
}

gboolean
d8_cli_cmd_restore (Cli *cli, GError **error)
{
  if (!d8_cli_open_store (cli, error) || !d8_snapshot_restore (cli->store, cli->arg, error))
    return FALSE;
  g_print (_("Restored the snapshot %s; the state before it was kept as a snapshot too.\n"),
           cli->arg);
  return TRUE;
}
