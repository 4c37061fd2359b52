/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-plan-file.h — reading and validating plan files
 * (docs/plan-format.md) before anything is written to the store. Outside
 * the core only its row and group structs are read, through a plan
 * import's preview (d8-plan-import.h). */
#pragma once

#include "d8-types.h"

G_BEGIN_DECLS

#define D8_PLAN_FORMAT_NAME "duan8-plan"
#define D8_PLAN_FORMAT_VERSION 1

typedef struct
{
  char *code;
  char *name;
  char *kind;
  char *level;
  char *parent; /* code of the parent unit, NULL for a root */
  char *valid_from;
  char *valid_to;
} D8PlanFileUnit;

typedef struct
{
  int number;
  char *title;
} D8PlanFileGroup;

typedef struct
{
  int tt;            /* row number as written */
  char *unit;        /* unit code */
  gboolean *has;     /* per appendix column: the cell holds a quota */
  gint64 *quota;     /* per appendix column */
  char **written;    /* per appendix column: the cell as written ("4", "-", "") */
} D8PlanFileRow;

typedef struct
{
  D8Plan *plan;           /* id unset */
  char *appendix_title;
  GPtrArray *units;       /* D8PlanFileUnit* */
  GPtrArray *groups;      /* D8PlanFileGroup* */
  GPtrArray *indicators;  /* D8Indicator* (group_no, in_appendix, targets filled; ids unset) */
  GPtrArray *columns;     /* indicator codes of the appendix columns */
  GPtrArray *rows;        /* D8PlanFileRow* */
} D8PlanFile;

/* Parses and validates the whole document; NULL with a D8_ERROR_PLAN_FORMAT
 * error naming @source_name, the record and the field otherwise. */
D8PlanFile *d8_plan_file_parse (const char *data, gssize length, const char *source_name,
                                GError **error);
void d8_plan_file_free (D8PlanFile *file);

/* For building a plan file from another source (a spreadsheet): an empty
 * file with its lists, and adders that copy their arguments. */
D8PlanFile *d8_plan_file_new (void);
D8PlanFileUnit *d8_plan_file_add_unit (D8PlanFile *file, const char *code, const char *name,
                                       const char *kind, const char *level, const char *parent,
                                       const char *valid_from, const char *valid_to);
D8PlanFileGroup *d8_plan_file_add_group (D8PlanFile *file, int number, const char *title);
/* A row with @n_columns cells of "no quota" written as "". */
D8PlanFileRow *d8_plan_file_add_row (D8PlanFile *file, int tt, const char *unit,
                                     guint n_columns);

/* The checks on names that every plan passes, whatever it came from:
 * no invisible character in a unit's name, and no two units under one
 * parent whose names fold equal ("Thuỷ An" / "Thủy An"), which would be
 * guessed between. D8_ERROR_PLAN_FORMAT naming both records. */
gboolean d8_plan_file_check_names (D8PlanFile *file, const char *source_name, GError **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8PlanFile, d8_plan_file_free)

/* d8_plan_file_refuse_valist:
 * @error: set to D8_ERROR_PLAN_FORMAT
 * @source: the file's name, as shown
 * @where: the record path ("units[3].name", "amendments[0]")
 * @format: what is wrong, printf-style
 * @args: for @format
 *
 * The one refusal of plan files and their amendments: "source: where:
 * what", escaped (d8_text_escape_message()) since it quotes the file's own
 * text. Returns: FALSE, to return at once. */
gboolean d8_plan_file_refuse_valist (GError **error, const char *source, const char *where,
                                     const char *format, va_list args) G_GNUC_PRINTF (4, 0);

G_END_DECLS
