/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-i18n.h — setting up translations for both programs. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds the catalogue.
 * @language: NULL or "" follows the system (LANG/LANGUAGE); "vi" or "en"
 * overrides it (the app's preference). The catalogue is read from
 * $DUAN8_LOCALEDIR when set (uninstalled runs and tests), else LOCALEDIR. */
void d8_i18n_init (const char *language);

G_END_DECLS
