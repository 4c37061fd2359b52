/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-store-migrations.c — the store's schema, as the list of forward
 * migrations that build it (PRAGMA user_version counts the steps taken).
 *
 * Progress figures read tables of daily and all-time sums (entry_days,
 * entry_totals) that triggers keep in step with the entries, so the
 * province page costs at most days × units × indicators rows however many
 * entries there are.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "d8-sql.h"
#include "d8-store-private.h"

/* The statements of the triggers that keep entry_days and entry_totals. */
#define ADD_SUMS(R)                                                                            \
  "  INSERT INTO entry_days VALUES (" R ".plan_id, " R ".unit_id, " R ".indicator_id, "        \
  R ".date, " R ".amount, " R ".reached, " R ".group_size, 1)"                                 \
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount,"                            \
  "    reached = reached + excluded.reached, group_size = group_size + excluded.group_size,"  \
  "    n = n + 1;"                                                                             \
  "  INSERT INTO entry_totals VALUES (" R ".plan_id, " R ".unit_id, " R ".indicator_id, "      \
  R ".amount, " R ".reached, " R ".group_size, 1)"                                             \
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount,"                            \
  "    reached = reached + excluded.reached, group_size = group_size + excluded.group_size,"  \
  "    n = n + 1;"
#define SUBTRACT_SUMS(R)                                                                       \
  "  UPDATE entry_days SET amount = amount - " R ".amount, reached = reached - " R ".reached," \
  "    group_size = group_size - " R ".group_size, n = n - 1"                                  \
  "  WHERE plan_id = " R ".plan_id AND date = " R ".date AND unit_id = " R ".unit_id"          \
  "    AND indicator_id = " R ".indicator_id;"                                                 \
  "  UPDATE entry_totals SET amount = amount - " R ".amount, reached = reached - " R ".reached," \
  "    group_size = group_size - " R ".group_size, n = n - 1"                                  \
  "  WHERE plan_id = " R ".plan_id AND unit_id = " R ".unit_id"                                \
  "    AND indicator_id = " R ".indicator_id;"

/* Forward migrations: entry i takes the schema from version i to i + 1.
 * Never edit a released step; append a new one. */
static const char *const migrations[] = {
  /* 0 → 1: the first schema. */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE plans ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  doc_number TEXT NOT NULL,"
  "  issuer TEXT,"
  "  issued_on TEXT,"
  "  year INTEGER NOT NULL,"
  "  period_start TEXT NOT NULL,"
  "  period_end TEXT NOT NULL CHECK (period_end >= period_start),"
  "  appendix_title TEXT,"
  "  target_label TEXT,"
  "  imported_at TEXT NOT NULL);"
  /* Units are data: a tree with levels (province, district, commune …)
   * and a validity, so commune-level plans after the 2025 reform fit. */
  "CREATE TABLE units ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  kind TEXT,"
  "  level TEXT NOT NULL,"
  "  parent_id INTEGER REFERENCES units (id),"
  "  valid_from TEXT,"
  "  valid_to TEXT);"
  "CREATE TABLE plan_units ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES units (id),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (plan_id, unit_id),"
  "  UNIQUE (plan_id, position));"
  "CREATE TABLE indicator_groups ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  PRIMARY KEY (plan_id, number));"
  "CREATE TABLE indicators ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  code TEXT NOT NULL,"
  "  name_vi TEXT NOT NULL,"
  "  name_en TEXT,"
  "  count_unit TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('count', 'percent')),"
  "  group_no INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  in_appendix INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (plan_id, code),"
  "  FOREIGN KEY (plan_id, group_no) REFERENCES indicator_groups (plan_id, number));"
  /* quota NULL is "no quota" (the plan's "-" or a blank cell); 0 is a
   * real zero. written keeps the cell exactly as the document has it. */
  "CREATE TABLE quotas ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES units (id),"
  "  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
  "  quota INTEGER CHECK (quota IS NULL OR quota >= 0),"
  "  written TEXT NOT NULL,"
  "  PRIMARY KEY (plan_id, unit_id, indicator_id));"
  /* Targets as the plan states them: the totals row of the appendix, and
   * province-wide targets of section II such as the 80 %. */
  "CREATE TABLE plan_targets ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
  "  value REAL NOT NULL,"
  "  written TEXT NOT NULL,"
  "  source TEXT NOT NULL,"
  "  PRIMARY KEY (plan_id, indicator_id));"
  "CREATE TABLE entries ("
  "  uuid TEXT PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id),"
  "  unit_id INTEGER NOT NULL REFERENCES units (id),"
  "  indicator_id INTEGER NOT NULL REFERENCES indicators (id),"
  "  date TEXT NOT NULL,"
  "  amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),"
  "  reached INTEGER NOT NULL DEFAULT 0 CHECK (reached >= 0),"
  "  group_size INTEGER NOT NULL DEFAULT 0 CHECK (group_size >= 0),"
  "  place TEXT,"
  "  note TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  origin TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));"
  "CREATE INDEX entries_by_unit ON entries (plan_id, unit_id, date);"
  /* Sums kept by triggers: per day (for "as of" a past date) and in all
   * (for today), so the province page never scans the entries. */
  "CREATE TABLE entry_days ("
  "  plan_id INTEGER NOT NULL,"
  "  unit_id INTEGER NOT NULL,"
  "  indicator_id INTEGER NOT NULL,"
  "  date TEXT NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  reached INTEGER NOT NULL,"
  "  group_size INTEGER NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (plan_id, date, unit_id, indicator_id)) WITHOUT ROWID;"
  "CREATE TABLE entry_totals ("
  "  plan_id INTEGER NOT NULL,"
  "  unit_id INTEGER NOT NULL,"
  "  indicator_id INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  reached INTEGER NOT NULL,"
  "  group_size INTEGER NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (plan_id, unit_id, indicator_id)) WITHOUT ROWID;"
  "CREATE TRIGGER entries_add AFTER INSERT ON entries WHEN NEW.deleted = 0 BEGIN"
  ADD_SUMS ("NEW")
  "END;"
  "CREATE TRIGGER entries_remove AFTER DELETE ON entries WHEN OLD.deleted = 0 BEGIN"
  SUBTRACT_SUMS ("OLD")
  "END;"
  "CREATE TRIGGER entries_change_old AFTER UPDATE ON entries WHEN OLD.deleted = 0 BEGIN"
  SUBTRACT_SUMS ("OLD")
  "END;"
  "CREATE TRIGGER entries_change_new AFTER UPDATE ON entries WHEN NEW.deleted = 0 BEGIN"
  ADD_SUMS ("NEW")
  "END;",
  /* 1 → 2: bundles between offices (docs/bundle-format.md). Every entry
   * carries the hybrid-logical-clock stamp of its last edit and the stamps
   * it descends from (newest first), so an import can tell "newer" from
   * "edited at two offices"; change_seq orders local writes for
   * "export since last". Existing rows get a stamp from their updated_at. */
  "ALTER TABLE entries ADD COLUMN version TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE entries ADD COLUMN history TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE entries ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;"
  "UPDATE entries SET change_seq = rowid,"
  "  version = strftime ('%Y-%m-%dT%H:%M:%fZ', COALESCE (updated_at, '1970-01-01'))"
  "    || '-0000-' || origin;"
  "CREATE INDEX entries_by_change ON entries (change_seq);"
  /* The other versions of an entry edited at two offices since they last
   * exchanged: the entries row shows the deterministic default (the later
   * stamp); these rows keep the others until a person picks. */
  "CREATE TABLE conflicts ("
  "  uuid TEXT PRIMARY KEY REFERENCES entries (uuid),"
  "  mine_version TEXT NOT NULL,"
  "  bundle_id TEXT,"
  "  detected_at TEXT NOT NULL);"
  "CREATE TABLE conflict_versions ("
  "  uuid TEXT NOT NULL REFERENCES conflicts (uuid) ON DELETE CASCADE,"
  "  version TEXT NOT NULL,"
  "  history TEXT NOT NULL,"
  "  plan_id INTEGER NOT NULL,"
  "  unit_id INTEGER NOT NULL,"
  "  indicator_id INTEGER NOT NULL,"
  "  date TEXT NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  reached INTEGER NOT NULL,"
  "  group_size INTEGER NOT NULL,"
  "  place TEXT,"
  "  note TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  origin TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL,"
  "  PRIMARY KEY (uuid, version));"
  "CREATE TABLE bundle_log ("
  "  bundle_id TEXT PRIMARY KEY,"
  "  origin TEXT NOT NULL,"
  "  sequence INTEGER NOT NULL,"
  "  digest TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  imported_at TEXT NOT NULL,"
  "  file_name TEXT,"
  "  summary TEXT NOT NULL);"
  /* The highest bundle sequence imported from each office: an older one
   * arriving later is reported (rollback). */
  "CREATE TABLE peer_sequences ("
  "  origin TEXT PRIMARY KEY,"
  "  sequence INTEGER NOT NULL);",

  /* 2 → 3, trust between offices (issue 11): the public keys of the offices
   * this one knows. public_key is NULL when only a fingerprint was
   * registered by hand; it is filled in by the first bundle that matches. */
  "CREATE TABLE office_keys ("
  "  office TEXT PRIMARY KEY,"
  "  public_key TEXT,"
  "  fingerprint TEXT NOT NULL,"
  "  source TEXT NOT NULL CHECK (source IN ('confirmed', 'registered', 'province')),"
  "  added_at TEXT NOT NULL);",
  /* --- end of trust between offices */
  /* 3 → 4: plan revisions (issue 12). A later decision may amend a plan:
   * each revision is a row with the amending document's number and date;
   * every quota or stated total it changed keeps its old and new value
   * (as written) in quota_history, unit_id NULL for a stated total. The
   * quotas, plan_units and entries rows stay the same rows, so entries
   * stay attached. Units already carry their validity (valid_from,
   * valid_to) and parent from schema 1; units_by_name serves matching a
   * table's rows to them by name. */
  "CREATE TABLE plan_revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  doc_number TEXT NOT NULL,"
  "  issued_on TEXT,"
  "  title TEXT,"
  "  imported_at TEXT NOT NULL);"
  "CREATE TABLE quota_history ("
  "  revision_id INTEGER NOT NULL REFERENCES plan_revisions (id) ON DELETE CASCADE,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  unit_id INTEGER REFERENCES units (id),"
  "  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
  "  old_quota INTEGER,"
  "  old_written TEXT,"
  "  new_quota INTEGER,"
  "  new_written TEXT NOT NULL);"
  "CREATE INDEX quota_history_by_revision ON quota_history (revision_id);"
  "CREATE INDEX units_by_name ON units (name);",
  /* 4 → 5: drafts and amendments (issue 15). A plan is a 'draft' (made in
   * the editor: no entries, not sent to offices) or 'issued'; every plan
   * before this step was issued. An amendment is a plan_revisions row of
   * kind 'amendment' (a revision read from a file stays 'import'); while
   * it is open (is_open, at most one per plan) the quota and total changes
   * of the plan are recorded under it in quota_history. An amendment's
   * number is unique within its plan: a bundle that brings it again finds
   * it. The trigger is the last guard of "a draft takes no entries"; the
   * store and the bundle import refuse first, with a message. */
  "ALTER TABLE plans ADD COLUMN status TEXT NOT NULL DEFAULT 'issued'"
  "  CHECK (status IN ('draft', 'issued'));"
  "ALTER TABLE plan_revisions ADD COLUMN kind TEXT NOT NULL DEFAULT 'import'"
  "  CHECK (kind IN ('import', 'amendment'));"
  "ALTER TABLE plan_revisions ADD COLUMN is_open INTEGER NOT NULL DEFAULT 0"
  "  CHECK (is_open IN (0, 1));"
  "CREATE UNIQUE INDEX plan_revisions_open ON plan_revisions (plan_id) WHERE is_open = 1;"
  "CREATE UNIQUE INDEX plan_amendments_by_number ON plan_revisions (plan_id, doc_number)"
  "  WHERE kind = 'amendment';"
  "CREATE TRIGGER entries_not_on_drafts BEFORE INSERT ON entries"
  "  WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) = 'draft' BEGIN"
  "  SELECT RAISE (ABORT, 'a draft plan takes no entries');"
  "END;",
  /* --- end of drafts and amendments */
  /* 5 → 6: comparing plans (issue 15). The user's mapping of indicators
   * across plans, given once: indicator a of one plan is indicator b of
   * another (where their codes differ, or where one code means different
   * things). Stored once per pair, the smaller id first; removing a plan
   * removes its links. */
  "CREATE TABLE indicator_links ("
  "  a INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
  "  b INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
  "  linked_at TEXT NOT NULL,"
  "  PRIMARY KEY (a, b),"
  "  CHECK (a < b));"
  "CREATE INDEX indicator_links_by_b ON indicator_links (b);",
  /* --- end of comparing plans */

  /* 6 → 7: the reporting cycle (issue 16, docs/reporting.md). A plan's
   * reporting schedule (reporting_periods: section V of the 2023 plan);
   * each unit's report for a period, one row per (period, unit) holding
   * the current submission and state, its frozen figures per indicator
   * (unit_report_figures) and its history (report_events). A store that
   * already holds the embedded 2023 plan gets its schedule here, as a new
   * store gets it from data/plans/gia-lai-2023-1653.json. */
  "CREATE TABLE reporting_periods ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  code TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  start TEXT NOT NULL,"
  "  end TEXT NOT NULL CHECK (end >= start),"
  "  cutoff TEXT NOT NULL,"
  "  unit_due TEXT NOT NULL,"
  "  province_due TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  UNIQUE (plan_id, code COLLATE NOCASE));"
  "CREATE TABLE unit_reports ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  period_id INTEGER NOT NULL REFERENCES reporting_periods (id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES units (id),"
  "  state TEXT NOT NULL CHECK (state IN"
  "    ('submitted', 'withdrawn', 'returned', 'approved', 'reopened')),"
  "  submission INTEGER NOT NULL CHECK (submission >= 1),"
  "  cutoff TEXT NOT NULL,"
  "  results TEXT,"
  "  difficulties TEXT,"
  "  proposals TEXT,"
  "  submitted_at TEXT NOT NULL,"
  "  received_at TEXT,"
  "  decided_at TEXT,"
  "  decision_reason TEXT,"
  "  reopen_reason TEXT,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (period_id, unit_id));"
  "CREATE TABLE unit_report_figures ("
  "  report_id INTEGER NOT NULL REFERENCES unit_reports (id) ON DELETE CASCADE,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
  "  has_quota INTEGER NOT NULL,"
  "  quota INTEGER,"
  "  achieved INTEGER NOT NULL,"
  "  group_size INTEGER NOT NULL,"
  "  status TEXT NOT NULL,"
  "  reason TEXT,"
  "  PRIMARY KEY (report_id, indicator_id));"
  "CREATE TABLE report_events ("
  "  id INTEGER PRIMARY KEY,"
  "  report_id INTEGER NOT NULL REFERENCES unit_reports (id) ON DELETE CASCADE,"
  "  at TEXT NOT NULL,"
  "  office TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  submission INTEGER NOT NULL,"
  "  reason TEXT);"
  "CREATE INDEX unit_reports_by_unit ON unit_reports (unit_id, state);"
  "INSERT INTO reporting_periods (plan_id, code, title, start, end, cutoff, unit_due,"
  "    province_due, position)"
  "  SELECT id, '2023-h1', 'Báo cáo 6 tháng đầu năm 2023', '2023-01-01', '2023-06-10',"
  "    '2023-06-10', '2023-06-10', '2023-06-15', 1 FROM plans WHERE code = 'gia-lai-2023-1653'"
  "  UNION ALL"
  "  SELECT id, '2023-year', 'Báo cáo năm 2023', '2023-01-01', '2023-12-10',"
  "    '2023-12-10', '2023-12-10', '2023-12-15', 2 FROM plans WHERE code = 'gia-lai-2023-1653';",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == D8_SCHEMA_VERSION);

static int
read_user_version (sqlite3 *db)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (db, "PRAGMA user_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

/* One step and its version bump commit together, so a store is never left
 * between two versions. */
static gboolean
apply_step (D8Store *self, int version, GError **error)
{
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", version + 1);

  if (!d8_store_begin (self, error))
    return FALSE;
  if (!d8_sql_exec (self->db, migrations[version], error) || !d8_sql_exec (self->db, bump, error))
    {
      d8_store_rollback (self);
      g_prefix_error (error, _("Upgrading the database to schema %d failed: "), version + 1);
      return FALSE;
    }
  return d8_store_commit (self, error);
}

gboolean
d8_store_migrate (D8Store *self, GError **error)
{
  int version = read_user_version (self->db);

  if (version < 0)
    return d8_sql_fail (self->db, error, _("The version of the database could not be read."));
  if (version > D8_SCHEMA_VERSION)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_SCHEMA_TOO_NEW,
                   _("The database %s was written by a newer version of duan8 (schema %d; "
                     "this version reads up to %d). Update duan8 to open it."),
                   self->path, version, D8_SCHEMA_VERSION);
      return FALSE;
    }
  for (; version < D8_SCHEMA_VERSION; version++)
    if (!apply_step (self, version, error))
      return FALSE;
  self->schema_version = version;
  return TRUE;
}
