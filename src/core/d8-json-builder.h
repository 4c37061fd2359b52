/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-json-builder.h — members the machine files (bundles, plan files,
 * amendments) write with json-glib's JsonBuilder, the same way in each. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* d8_json_add_string_or_null:
 * @b: a builder inside an object
 * @name: the member's name
 * @value: (nullable): its text; NULL writes JSON null
 *
 * Adds "NAME": "value", or "NAME": null when @value is NULL. */
static inline void
d8_json_add_string_or_null (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* d8_json_add_int:
 * @b: a builder inside an object
 * @name: the member's name
 * @value: a whole number
 *
 * Adds "NAME": value. */
static inline void
d8_json_add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

G_END_DECLS
