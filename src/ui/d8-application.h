/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-application.h — the duan8 application: opens the store, creates the
 * window, holds the app-wide actions. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define D8_TYPE_APPLICATION (d8_application_get_type ())
G_DECLARE_FINAL_TYPE (D8Application, d8_application, D8, APPLICATION, AdwApplication)

D8Application *d8_application_new (void);

G_END_DECLS
