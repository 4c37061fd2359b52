/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-office-keys.h — the office's signing key and the keys of the offices
 * it knows (docs/security.md).
 *
 * Every installation has one Ed25519 key pair (libsodium). The secret half
 * lives in a file next to the database, "<database>.key", mode 0600, and
 * never leaves the machine; the public half travels in every bundle, which
 * it signs. People compare keys by their fingerprint: 30 digits in six
 * groups of five, short enough to read aloud on the phone.
 *
 * The offices this one has heard from are kept in the table office_keys:
 * office code → public key (or only a fingerprint registered by hand),
 * with where it came from ("confirmed" on a first import, "registered" by
 * `duan8-cli trust-office`, "province" from a province bundle).
 */
#pragma once

#include "d8-store.h"

G_BEGIN_DECLS

#define D8_OFFICE_KEY_HEX_LEN 64        /* a public key: 32 bytes in lower-case hex */
#define D8_OFFICE_SIGNATURE_HEX_LEN 128 /* a signature: 64 bytes in lower-case hex */
#define D8_OFFICE_KEY_SUFFIX ".key"

/* This office's public key in hex, its secret key made (file mode 0600)
 * and loaded when needed. NULL on error (the key file unreadable). */
const char *d8_office_key_get_public (D8Store *store, GError **error);
/* The file holding the secret key: "<database>.key". */
char *d8_office_key_path (D8Store *store);
/* Signs @message with this office's secret key; the signature in hex. */
char *d8_office_key_sign (D8Store *store, const char *message, GError **error);

/* TRUE when @hex is a public key: 64 lower-case hex digits. */
gboolean d8_office_key_is_valid (const char *hex);
/* The fingerprint of a public key: "12345 67890 12345 67890 12345 67890". */
char *d8_office_key_fingerprint (const char *public_hex);
/* Checks @signature_hex of @message by @public_hex. */
gboolean d8_office_key_verify (const char *public_hex, const char *message,
                               const char *signature_hex);
/* Reads a fingerprint typed by a person (digits with any spaces or
 * dashes); the canonical form, or NULL if it is not 30 digits. */
char *d8_office_key_parse_fingerprint (const char *text);

typedef struct
{
  char *office;      /* "province" or a unit code */
  char *public_key;  /* hex, NULL when only the fingerprint was registered */
  char *fingerprint;
  char *source;      /* "confirmed", "registered" or "province" */
  char *added_at;
} D8KnownOffice;

void d8_known_office_free (D8KnownOffice *known);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (D8KnownOffice, d8_known_office_free)

/* The key known for @office, or NULL (and no error) when none is. */
D8KnownOffice *d8_office_keys_lookup (D8Store *store, const char *office, GError **error);
/* Every known office, by code. */
GPtrArray *d8_office_keys_list (D8Store *store, GError **error);
/* Registers @key for @office: a public key (64 hex digits) or a
 * fingerprint (30 digits). Replaces a key known before (an office that
 * reinstalled). @source: "registered" or "confirmed". */
gboolean d8_office_keys_trust (D8Store *store, const char *office, const char *key,
                               const char *source, GError **error);
/* Forgets the key of @office; TRUE also when none was known. */
gboolean d8_office_keys_forget (D8Store *store, const char *office, GError **error);

G_END_DECLS
