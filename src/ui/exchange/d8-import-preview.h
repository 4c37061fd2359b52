/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-import-preview.h — the dialog that shows what a bundle would change
 * before anything does: counts by outcome, each rejected record with its
 * field and reason; or, for a bundle refused whole, why. It only shows:
 * whoever opens it applies the import on its "import" response. */
#pragma once

#include <adwaita.h>

#include "d8-bundle.h"
#include "d8-store.h"

G_BEGIN_DECLS

#define D8_TYPE_IMPORT_PREVIEW (d8_import_preview_get_type ())
G_DECLARE_FINAL_TYPE (D8ImportPreview, d8_import_preview, D8, IMPORT_PREVIEW, AdwMessageDialog)

/* d8_import_preview_new:
 * @parent: (nullable): the window the dialog is modal for
 * @store: the database the bundle would go into (names its offices)
 * @file_name: the bundle's file name, as shown
 * @import: (transfer full): the bundle read and checked
 *
 * Returns: (transfer floating): the preview; it has the responses "cancel"
 * and "import" when the bundle changes something, "close" otherwise. */
GtkWidget *d8_import_preview_new (GtkWindow *parent, D8Store *store, const char *file_name,
                                  D8BundleImport *import);

/* d8_import_preview_new_refused:
 * @parent: (nullable): the window the dialog is modal for
 * @store: the database the bundle was refused by
 * @error: why the bundle was refused
 *
 * Returns: (transfer floating): the refusal, with the one response "close". */
GtkWidget *d8_import_preview_new_refused (GtkWindow *parent, D8Store *store,
                                          const GError *error);

/* d8_import_preview_steal_import:
 * @self: a preview
 *
 * Returns: (transfer full) (nullable): the import shown, now the caller's
 * (to apply it); NULL for a refusal or once taken. */
D8BundleImport *d8_import_preview_steal_import (D8ImportPreview *self);

/* d8_import_preview_peek_import:
 * @self: a preview
 *
 * Returns: (transfer none) (nullable): the import shown, still the preview's. */
D8BundleImport *d8_import_preview_peek_import (D8ImportPreview *self);

G_END_DECLS
