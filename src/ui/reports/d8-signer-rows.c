/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-signer-rows.c — see d8-signer-rows.h. */
#include "config.h"

#include "d8-official-report.h"
#include "d8-signer-rows.h"

void
d8_signer_rows_load (AdwEntryRow *title_row,
                     AdwEntryRow *name_row,
                     D8Store     *store,
                     gint64       plan_id)
{
  g_autoptr (D8ReportSettings) settings = NULL;

  g_return_if_fail (D8_IS_STORE (store));

  settings = d8_store_get_report_settings (store, plan_id, NULL);
  gtk_editable_set_text (GTK_EDITABLE (title_row),
                         settings && settings->signer_title ? settings->signer_title : "");
  gtk_editable_set_text (GTK_EDITABLE (name_row),
                         settings && settings->signer_name ? settings->signer_name : "");
}

gboolean
d8_signer_rows_save (AdwEntryRow *title_row,
                     AdwEntryRow *name_row,
                     D8Store     *store,
                     gint64       plan_id,
                     GError     **error)
{
  g_autoptr (D8ReportSettings) settings = NULL;

  g_return_val_if_fail (D8_IS_STORE (store), FALSE);

  settings = d8_store_get_report_settings (store, plan_id, error);
  if (settings == NULL)
    return FALSE;
  g_free (settings->signer_title);
  settings->signer_title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (title_row))));
  g_free (settings->signer_name);
  settings->signer_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name_row))));
  return d8_store_set_report_settings (store, settings, error);
}
