/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-cli-bundle.c — duan8-cli commands for the exchange between offices:
 * office, export-bundle, import-bundle, conflicts, resolve, log, snapshots,
 * restore. The work is the core's (d8-bundle.h, d8-snapshot.h); this file
 * only reads options and prints reports. See docs/cli.md, "Bundles". */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "d8-bundle.h"
#include "d8-cli-private.h"
#include "d8-error.h"
#include "d8-format.h"
#include "d8-office-keys.h"
#include "d8-snapshot.h"
#include "d8-text.h"

#include <json-glib/json-glib.h>

/* ------------------------------------------------------------ records */

/* office and export-bundle print one record: "Label: value" lines for
 * people; in CSV a header line and one row (the report's CSV writes tables
 * only); in JSON one object whose counts are numbers. */
typedef struct
{
  const char *name;  /* stable machine name */
  const char *label; /* N_() */
  gboolean is_int;
  const char *text;
  gint64 number;
  gboolean ungrouped; /* a number shown without digit grouping (a sequence) */
  const char *shown;  /* for people (tables): the name a code stands for; NULL: text */
  gboolean machine_only; /* CSV and JSON only: tables say it through another field */
} RecordField;

static void
write_record (Cli *cli, const RecordField *fields, guint n_fields)
{
  if (cli->format == D8_CLI_FORMAT_TABLE)
    {
      g_autoptr (D8CliReport) report = d8_cli_report_new ();

      for (guint i = 0; i < n_fields; i++)
        {
          g_autofree char *number = NULL;

          if (fields[i].machine_only)
            continue;
          if (fields[i].is_int)
            number = fields[i].ungrouped
                       ? g_strdup_printf ("%" G_GINT64_FORMAT, fields[i].number)
                       : d8_format_count (fields[i].number);

          /* Words, not codes: "Office: Chư Pưh", never "Office: gia-lai/chu-puh". */
          d8_cli_report_add_text_field (report, fields[i].name, fields[i].label, D8_CLI_TEXT,
                                        number ? number
                                               : fields[i].shown ? fields[i].shown
                                                                 : fields[i].text);
        }
      d8_cli_write_report (cli, report);
    }
  else if (cli->format == D8_CLI_FORMAT_CSV)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      D8CsvDialect dialect = cli->excel ? D8_CSV_EXCEL : D8_CSV_PLAIN;

      d8_csv_begin (out, dialect);
      for (guint i = 0; i < n_fields; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append (out, fields[i].name);
        }
      d8_csv_end_row (out, dialect);
      for (guint i = 0; i < n_fields; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          if (fields[i].is_int)
            g_string_append_printf (out, "%" G_GINT64_FORMAT, fields[i].number);
          else if (fields[i].text != NULL)
            d8_cli_csv_append (out, fields[i].text);
        }
      d8_csv_end_row (out, dialect);
      fwrite (out->str, 1, out->len, stdout);
    }
  else
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      for (guint i = 0; i < n_fields; i++)
        {
          json_builder_set_member_name (builder, fields[i].name);
          if (fields[i].is_int)
            json_builder_add_int_value (builder, fields[i].number);
          else if (fields[i].text != NULL)
            json_builder_add_string_value (builder, fields[i].text);
          else
            json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
}

/* An office code as people know it (see d8_store_describe_office_code). */
static char *
describe_office (Cli *cli, const char *code)
{
  return d8_store_describe_office_code (cli->store, code);
}

gboolean
d8_cli_cmd_office (Cli *cli, GError **error)
{
  const char *set = d8_cli_option_value (cli, "set");
  g_autofree char *label = NULL;
  g_autofree char *fingerprint = NULL;
  g_autoptr (GError) key_error = NULL;
  const char *key;

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
  /* The key pair is made with the office (docs/security.md); a key file
   * that cannot be made is said, and the office still shown. */
  key = d8_office_key_get_public (cli->store, &key_error);
  if (key == NULL)
    g_printerr ("duan8-cli: %s\n", key_error->message);
  else
    fingerprint = d8_office_key_fingerprint (key);
  {
    const RecordField fields[] = {
      { "office", N_("Office"), FALSE, d8_store_get_office (cli->store), 0, FALSE, label },
      { "name", N_("Name"), FALSE, label, 0, FALSE, NULL, TRUE },
      { "fingerprint", N_("Fingerprint"), FALSE, fingerprint, 0, FALSE },
      { "key", N_("Public key"), FALSE, key, 0, FALSE },
    };
    write_record (cli, fields, G_N_ELEMENTS (fields));
  }
  return TRUE;
}

gboolean
d8_cli_cmd_export_bundle (Cli *cli, GError **error)
{
  const char *out = d8_cli_option_value (cli, "out");
  const char *unit_ref = d8_cli_option_value (cli, "unit");
  D8BundleExportOptions options = { NULL, NULL, D8_BUNDLE_ENTRIES_DEFAULT };
  D8BundleExportResult result = { 0 };
  g_autoptr (D8Unit) unit = NULL;
  g_autofree char *origin = NULL;
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
  if (d8_cli_option_flag (cli, "all") + d8_cli_option_flag (cli, "since-last")
        + d8_cli_option_flag (cli, "plan-only") > 1)
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   _("export-bundle: give only one of --all, --since-last and --plan-only"));
      return FALSE;
    }
  if (!d8_cli_check_out (cli, out, error))
    return FALSE;
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
  origin = d8_store_describe_office (cli->store);
  {
    const RecordField fields[] = {
      { "file", N_("File"), FALSE, out, 0, FALSE },
      { "bundle_id", N_("Bundle"), FALSE, result.bundle_id, 0, FALSE },
      { "origin", N_("Office"), FALSE, d8_store_get_office (cli->store), 0, FALSE, origin },
      { "sequence", N_("Sequence"), TRUE, NULL, result.sequence, TRUE },
      { "plans", N_("Plans"), TRUE, NULL, result.n_plans, FALSE },
      { "entries", N_("Entries"), TRUE, NULL, result.n_entries, FALSE },
      { "digest", N_("Digest"), FALSE, result.digest, 0, FALSE },
    };
    write_record (cli, fields, G_N_ELEMENTS (fields));
  }
  if (cli->format == D8_CLI_FORMAT_TABLE)
    {
      g_autofree char *count = d8_format_count (result.n_entries);

      g_print (ngettext ("Wrote %s with %s entry; send it to the other office.\n",
                         "Wrote %s with %s entries; send it to the other office.\n",
                         result.n_entries),
               out, count);
    }
  if (result.n_drafts_left_out > 0)
    /* Translators: to the terminal (stderr) after export-bundle */
    g_printerr (ngettext ("Left out %u draft plan: a plan is sent to offices once it is issued.\n",
                          "Left out %u draft plans: a plan is sent to offices once it is "
                          "issued.\n", result.n_drafts_left_out),
                result.n_drafts_left_out);
  d8_bundle_export_result_clear (&result);
  return TRUE;
}

static const D8CliColumn rejection_columns[] = {
  { "record", N_("Record"), D8_CLI_TEXT },
  { "uuid", N_("UUID"), D8_CLI_TEXT },
  { "field", N_("Field"), D8_CLI_TEXT },
  { "reason", N_("Reason"), D8_CLI_TEXT },
};

/* Pads @text with spaces to @width characters (not bytes: Vietnamese). */
static void
print_padded (const char *text, int width, gboolean right)
{
  glong pad = MAX (0, width - (glong) g_utf8_strlen (text, -1));

  if (right)
    g_print ("%*s%s", (int) pad, "", text);
  else
    g_print ("%s%*s", text, (int) pad, "");
}

/* Who signed the bundle, and whether this office knows that key. */
static void
print_signer (const D8BundlePreview *preview, const char *origin)
{
  switch (preview->trust)
    {
    case D8_BUNDLE_TRUST_KNOWN:
      /* Translators: the fingerprint of the signing office's key */
      g_print (_("Signed by the key known here for this office (fingerprint %s).\n"),
               preview->signer_fingerprint);
      break;
    case D8_BUNDLE_TRUST_NEW_OFFICE:
      g_print (_("First bundle from %s: its fingerprint is %s. Phone that office and compare it "
                 "with the one it reads aloud from “duan8-cli office”.\n"),
               origin, preview->signer_fingerprint);
      break;
    case D8_BUNDLE_TRUST_KEY_CHANGED:
      g_print (_("Signed with another key (fingerprint %s) than the one known here for %s "
                 "(fingerprint %s).\n"),
               preview->signer_fingerprint, origin, preview->known_fingerprint);
      break;
    case D8_BUNDLE_TRUST_UNSIGNED:
    default:
      g_print (_("Not signed.\n"));
      break;
    }
}

static void
print_preview_table (Cli *cli, const D8BundlePreview *preview, gboolean dry_run)
{
  static const char *labels[D8_BUNDLE_N_OUTCOMES] = {
    /* Translators: the outcomes of an import, one line each in the preview */
    NC_("import outcome", "New"),
    NC_("import outcome", "Updated"),
    NC_("import outcome", "Unchanged"),
    NC_("import outcome", "Deleted"),
    NC_("import outcome", "In conflict"),
    NC_("import outcome", "Rejected"),
  };
  const char *headers[2] = { _("Entries"), _("Plans") };
  g_autofree char *origin = describe_office (cli, preview->origin);
  g_autofree char *made = d8_format_timestamp (preview->created_at);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, preview->sequence);
  int label_width = 0, number_width = 10;
  guint n_changes = 0;

  for (guint i = 0; i < D8_BUNDLE_N_OUTCOMES; i++)
    label_width = MAX (label_width, (int) g_utf8_strlen (g_dpgettext2 (NULL, "import outcome",
                                                                          labels[i]), -1));
  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    number_width = MAX (number_width, (int) g_utf8_strlen (headers[h], -1));

  /* Translators: the bundle's UUID, the office that made it, its number
   * (1, 2, … per office) and when it was made */
  {
    /* What the file says about itself is shown escaped and cut. */
    g_autofree char *id = d8_text_escape_untrusted (preview->bundle_id, -1, D8_TEXT_UNTRUSTED_MAX);
    g_autofree char *from = d8_text_escape_untrusted (origin, -1, D8_TEXT_UNTRUSTED_MAX);
    g_autofree char *code = d8_text_escape_untrusted (preview->origin, -1, D8_TEXT_UNTRUSTED_MAX);

    g_print (_("Bundle %s from %s (%s), number %s, made %s\n"), id, from, code, number, made);
  }
  print_padded ("", label_width, FALSE);
  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    {
      g_print ("  ");
      print_padded (headers[h], number_width, TRUE);
    }
  g_print ("\n");
  for (guint i = 0; i < D8_BUNDLE_N_OUTCOMES; i++)
    {
      g_autofree char *e = d8_format_count (preview->entries[i]);
      g_autofree char *p = d8_format_count (preview->plans[i]);

      print_padded (g_dpgettext2 (NULL, "import outcome", labels[i]), label_width, FALSE);
      g_print ("  ");
      print_padded (e, number_width, TRUE);
      g_print ("  ");
      print_padded (p, number_width, TRUE);
      g_print ("\n");
      if (i == D8_BUNDLE_NEW || i == D8_BUNDLE_UPDATED || i == D8_BUNDLE_DELETED
          || i == D8_BUNDLE_CONFLICT)
        n_changes += preview->entries[i] + preview->plans[i] + preview->reports[i];
    }
  /* Reports and decisions (d8-bundle-reports.c), when the bundle has any. */
  {
    guint n_reports = 0;

    for (guint i = 0; i < D8_BUNDLE_N_OUTCOMES; i++)
      n_reports += preview->reports[i];
    if (n_reports > 0)
      g_print (_("Reports: %u new, %u updated, %u unchanged, %u rejected\n"),
               preview->reports[D8_BUNDLE_NEW], preview->reports[D8_BUNDLE_UPDATED],
               preview->reports[D8_BUNDLE_UNCHANGED], preview->reports[D8_BUNDLE_REJECTED]);
  }
  if (preview->already_imported)
    {
      g_autofree char *when = d8_format_timestamp (preview->imported_at);

      g_print (_("This bundle was imported before (%s); importing it again changes nothing.\n"),
               when);
    }
  if (preview->rollback)
    {
      g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, preview->last_sequence);

      /* Same number is not newer: say which it is. */
      if (preview->sequence == preview->last_sequence)
        /* Translators: the office, then the number both bundles carry */
        g_print (_("Note: another bundle from %s with the same number (%s) was imported before "
                   "this one.\n"),
                 origin, last);
      else
        /* Translators: the office, then the number of its newest bundle imported here */
        g_print (_("Note: a newer bundle from %s (number %s) was imported before this one.\n"),
                 origin, last);
    }
  print_signer (preview, origin);
  for (guint i = 0; i < preview->rejections->len; i++)
    {
      const D8BundleRejection *r = preview->rejections->pdata[i];

      /* Translators: a rejected record: the record, its field, the reason */
      g_print (_("Rejected %s, field %s: %s\n"), r->record, r->field ? r->field : "–", r->reason);
    }
  if (preview->conflicts->len > 0)
    {
      g_autofree char *count = d8_format_count (preview->conflicts->len);

      g_print (ngettext ("%s entry was edited here and there since the last exchange: see "
                         "“duan8-cli conflicts”.\n",
                         "%s entries were edited here and there since the last exchange: see "
                         "“duan8-cli conflicts”.\n",
                         preview->conflicts->len),
               count);
    }
  if (dry_run)
    {
      g_autofree char *count = d8_format_count (n_changes);

      g_print (ngettext ("Dry run: %s record would change; nothing was written.\n",
                         "Dry run: %s records would change; nothing was written.\n", n_changes),
               count);
    }
  else if (preview->applied)
    {
      g_autofree char *count = d8_format_count (n_changes);

      g_print (ngettext ("Imported: %s record changed, in one transaction.\n",
                         "Imported: %s records changed, in one transaction.\n", n_changes),
               count);
      if (preview->snapshot != NULL)
        g_print (_("The database was saved before the import as the snapshot %s "
                   "(“duan8-cli restore %s” puts it back).\n"),
                 preview->snapshot, preview->snapshot);
    }
  else if (preview->rejections->len > 0)
    /* Not "already holds all of it": what was rejected is not held */
    g_print (_("Nothing to import: the database holds the rest already; the rejected "
               "records above were left out.\n"));
  else
    g_print (_("Nothing to import: the database already holds all of it.\n"));
}

/* A plan file given to import-bundle (the two are easily confused): its
 * suffix, or "duan8-plan" as the format near the start. */
static gboolean
is_plan_file (const char *path)
{
  char head[4096];
  FILE *f;
  size_t n;

  if (g_str_has_suffix (path, ".duan8-plan.json"))
    return TRUE;
  if ((f = fopen (path, "rb")) == NULL)
    return FALSE;
  n = fread (head, 1, sizeof head - 1, f);
  fclose (f);
  head[n] = '\0';
  return strstr (head, "\"duan8-plan\"") != NULL && strstr (head, "\"duan8-bundle\"") == NULL;
}

gboolean
d8_cli_cmd_import_bundle (Cli *cli, GError **error)
{
  g_autoptr (D8BundleImport) import = NULL;
  gboolean dry_run = d8_cli_option_flag (cli, "dry-run");
  const D8BundlePreview *preview;
  g_autoptr (GError) refusal = NULL;
  gboolean refused;

  if (is_plan_file (cli->arg))
    {
      g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                   /* Translators: %s: the file; the command is not translated */
                   _("%s is a plan file, not a bundle; import it with “duan8-cli import-plan "
                     "%s”"), cli->arg, cli->arg);
      return FALSE;
    }
  if (!d8_cli_open_store (cli, error))
    return FALSE;
  if ((import = d8_bundle_import_new (cli->store, cli->arg, error)) == NULL)
    return FALSE;
  d8_bundle_import_set_trust_new_office (import, d8_cli_option_flag (cli, "trust-new-office"));
  d8_bundle_import_set_allow_older (import, d8_cli_option_flag (cli, "allow-older"));
  /* Refused (unsigned, another key, a first office not confirmed, records
   * its office may not send, older): the preview says why, then exit 1. */
  refused = !d8_bundle_import_check (import, &refusal);
  if (!refused && !dry_run && d8_bundle_import_has_changes (import)
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
  else if (!refused)
    print_preview_table (cli, preview, dry_run);
  else
    {
      g_autofree char *origin = describe_office (cli, preview->origin);
      print_signer (preview, origin);
    }
  if (refused)
    {
      g_propagate_error (error, g_steal_pointer (&refusal));
      return FALSE;
    }
  return TRUE;
}

static const D8CliColumn known_columns[] = {
  { "office", N_("Office"), D8_CLI_TEXT },
  { "name", N_("Name"), D8_CLI_TEXT },
  { "fingerprint", N_("Fingerprint"), D8_CLI_TEXT },
  { "source", N_("Known from"), D8_CLI_TEXT },
  { "added_at", N_("Since"), D8_CLI_TEXT },
  { "key", N_("Public key"), D8_CLI_TEXT, D8_CLI_COLUMN_NO_TABLE },
};

/* Where a known key came from, for people. */
static const char *
describe_source (const char *source)
{
  if (g_strcmp0 (source, "confirmed") == 0)
    return _("confirmed on a first import");
  if (g_strcmp0 (source, "registered") == 0)
    return _("registered by hand");
  return _("sent by the province");
}

gboolean
d8_cli_cmd_trust_office (Cli *cli, GError **error)
{
  const char *key = d8_cli_option_value (cli, "key");
  g_autoptr (GPtrArray) known = NULL;
  g_autoptr (D8CliReport) report = d8_cli_report_new ();
  D8CliTable *table;

  if (!d8_cli_open_store (cli, error))
    return FALSE;
  if (cli->arg != NULL || key != NULL)
    {
      g_autofree char *code = NULL;

      if (cli->arg == NULL || key == NULL)
        {
          g_set_error (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                       _("trust-office: give the office (province or a unit) and --key KEY, or "
                         "nothing to list the offices known here"));
          return FALSE;
        }
      if (g_ascii_strcasecmp (cli->arg, "province") == 0)
        code = g_strdup ("province");
      else
        {
          g_autoptr (D8Plan) plan = d8_cli_open_plan (cli, error);
          g_autoptr (D8Unit) unit = NULL;

          if (plan == NULL || (unit = d8_cli_resolve_unit (cli, plan, cli->arg, error)) == NULL)
            return FALSE;
          code = g_strdup (unit->code);
        }
      if (g_str_equal (code, d8_store_get_office (cli->store)))
        {
          g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                       _("trust-office: %s is this office; its own key is shown by “duan8-cli "
                         "office”"), code);
          return FALSE;
        }
      if (!d8_office_keys_trust (cli->store, code, key, "registered", error))
        return FALSE;
    }
  if ((known = d8_office_keys_list (cli->store, error)) == NULL)
    return FALSE;
  table = d8_cli_table_new ("offices", NULL, known_columns, G_N_ELEMENTS (known_columns));
  for (guint i = 0; i < known->len; i++)
    {
      const D8KnownOffice *k = known->pdata[i];
      g_autofree char *name = describe_office (cli, k->office);
      g_autofree char *since = d8_format_timestamp (k->added_at);

      d8_cli_table_add_row (table);
      d8_cli_table_set_text (table, "office", k->office);
      d8_cli_table_set_text (table, "name", name);
      d8_cli_table_set_text (table, "fingerprint", k->fingerprint);
      d8_cli_table_set_text (table, "source",
                             cli->format == D8_CLI_FORMAT_TABLE ? describe_source (k->source)
                                                                : k->source);
      d8_cli_table_set_text (table, "added_at", cli->format == D8_CLI_FORMAT_TABLE ? since
                                                                                  : k->added_at);
      d8_cli_table_set_text (table, "key", k->public_key);
    }
  d8_cli_report_add_table (report, table);
  d8_cli_write_report (cli, report);
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
      /* machine value, stable: "mine" or "theirs"; words for people in tables */
      if (cli->format == D8_CLI_FORMAT_TABLE)
        d8_cli_table_set_text (table, "shown", c->shown_is_mine
                                                 ? C_("conflict version", "here")
                                                 : C_("conflict version", "there"));
      else
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
  gboolean all = d8_cli_option_flag (cli, "all-conflicts");
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
  if (all == (cli->arg != NULL))
    {
      g_set_error_literal (error, D8_CLI_ERROR, D8_CLI_ERROR_USAGE,
                           _("resolve: give either the UUID of one entry or --all-conflicts"));
      return FALSE;
    }
  if (!d8_cli_open_store (cli, error))
    return FALSE;
  if (all)
    {
      guint n = 0;

      if (!d8_bundle_resolve_all (cli->store, which, &n, error))
        return FALSE;
      if (n == 0)
        g_print ("%s\n", _("No entry is in conflict; nothing changed."));
      else if (which == D8_BUNDLE_KEEP_MINE)
        g_print (ngettext ("Kept this office’s version of %u entry; every conflict is settled.\n",
                           "Kept this office’s version of %u entries; every conflict is settled.\n",
                           n),
                 n);
      else
        g_print (ngettext ("Kept the other office’s version of %u entry; every conflict is "
                           "settled.\n",
                           "Kept the other office’s version of %u entries; every conflict is "
                           "settled.\n",
                           n),
                 n);
      return TRUE;
    }
  if (!d8_bundle_resolve (cli->store, cli->arg, which, error))
    return FALSE;
  if (which == D8_BUNDLE_KEEP_MINE)
    g_print (_("Kept this office’s version of %s; the conflict is settled.\n"), cli->arg);
  else
    g_print (_("Kept the other office’s version of %s; the conflict is settled.\n"), cli->arg);
  return TRUE;
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
      d8_cli_table_set_int (table, "sequence", e->sequence);
      d8_cli_table_set_text (table, "file_name", e->file_name);
      d8_cli_table_set_text (table, "bundle_id", e->bundle_id);
      d8_cli_table_set_text (table, "created_at", e->created_at);
      d8_cli_table_set_text (table, "digest", e->digest);
      if (cli->format == D8_CLI_FORMAT_TABLE)
        {
          g_autofree char *when = d8_format_timestamp (e->imported_at);
          g_autofree char *origin = describe_office (cli, e->origin);
          g_autofree char *summary = d8_bundle_log_entry_describe (e);

          d8_cli_table_set_text (table, "imported_at", when);
          d8_cli_table_set_text (table, "origin", origin);
          d8_cli_table_set_text (table, "summary", summary);
        }
      else
        {
          d8_cli_table_set_text (table, "imported_at", e->imported_at);
          d8_cli_table_set_text (table, "origin", e->origin);
          d8_cli_table_set_text (table, "summary", e->summary);
        }
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
      if (cli->format == D8_CLI_FORMAT_TABLE)
        {
          g_autofree char *when = d8_format_timestamp (s->created_at);

          d8_cli_table_set_text (table, "created_at", when);
          if (g_strcmp0 (s->reason, "import") == 0)
            d8_cli_table_set_text (table, "reason", C_("snapshot reason", "before an import"));
          else if (g_strcmp0 (s->reason, "restore") == 0)
            d8_cli_table_set_text (table, "reason", C_("snapshot reason", "before a restore"));
          else
            d8_cli_table_set_text (table, "reason", s->reason);
        }
      else
        {
          d8_cli_table_set_text (table, "created_at", s->created_at);
          d8_cli_table_set_text (table, "reason", s->reason);
        }
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
