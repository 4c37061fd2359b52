/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-office-keys.c — this office's Ed25519 key pair (a file next to the
 * database) and the table of the offices it knows (d8-office-keys.h,
 * docs/security.md).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "d8-office-keys.h"
#include "d8-store-private.h"

#define KEY_FILE_HEADER "duan8-office-key-1\n"

/* What a store holds of its own key, loaded once. */
typedef struct
{
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
  char public_hex[D8_OFFICE_KEY_HEX_LEN + 1];
} OwnKey;

static void
own_key_free (OwnKey *key)
{
  sodium_memzero (key, sizeof *key);
  g_free (key);
}

static gboolean
sodium_ready (GError **error)
{
  static gsize done;
  static int result;

  if (g_once_init_enter (&done))
    {
      result = sodium_init ();
      g_once_init_leave (&done, 1);
    }
  if (result < 0)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE,
                   _("The signing library could not be started."));
      return FALSE;
    }
  return TRUE;
}

/**
 * d8_office_key_path:
 * @store: a store
 *
 * Returns: (transfer full): the file of the office's secret key,
 *   "<database>.key", or NULL for a database in memory.
 */
char *
d8_office_key_path (D8Store *store)
{
  const char *path = d8_store_get_path (store);

  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:"))
    return NULL;
  return g_strconcat (path, D8_OFFICE_KEY_SUFFIX, NULL);
}

static gboolean
hex_decode (const char *hex, guint8 *out, gsize len)
{
  size_t bin_len = 0;

  if (hex == NULL || strlen (hex) != len * 2)
    return FALSE;
  for (const char *c = hex; *c; c++)
    if (!g_ascii_isdigit (*c) && !(*c >= 'a' && *c <= 'f'))
      return FALSE;
  return sodium_hex2bin (out, len, hex, len * 2, NULL, &bin_len, NULL) == 0 && bin_len == len;
}

/* Reads the seed from @path: "duan8-office-key-1\n" + 64 hex digits. */
static gboolean
read_seed (const char *path, guint8 seed[crypto_sign_SEEDBYTES], GError **error)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  gsize len = 0;
  gboolean ok;

  if (!g_file_get_contents (path, &text, &len, error))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  ok = g_str_has_prefix (text, KEY_FILE_HEADER) && g_strv_length (lines) >= 2
       && hex_decode (g_strstrip (lines[1]), seed, crypto_sign_SEEDBYTES);
  sodium_memzero (text, len);
  if (!ok)
    g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                 _("The office key file %s is damaged; restore it from a backup (see "
                   "docs/security.md)"), path);
  return ok;
}

/* Writes a new seed to @path, mode 0600, never over an existing file. */
static gboolean
write_seed (const char *path, const guint8 seed[crypto_sign_SEEDBYTES], GError **error)
{
  char hex[crypto_sign_SEEDBYTES * 2 + 1];
  g_autofree char *text = NULL;
  int fd;
  gssize n;

  sodium_bin2hex (hex, sizeof hex, seed, crypto_sign_SEEDBYTES);
  text = g_strconcat (KEY_FILE_HEADER, hex, "\n", NULL);
  sodium_memzero (hex, sizeof hex);
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE,
                   _("The office key file %s could not be created: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  n = write (fd, text, strlen (text));
  if (n != (gssize) strlen (text) || fsync (fd) != 0)
    {
      int saved = errno;
      close (fd);
      g_unlink (path);
      g_set_error (error, D8_ERROR, D8_ERROR_DATABASE,
                   _("The office key file %s could not be written: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  sodium_memzero (text, strlen (text));
  close (fd);
  return TRUE;
}

/* This store's key, loaded from its file or made (and saved) now. */
static OwnKey *
own_key (D8Store *store, GError **error)
{
  OwnKey *key = g_object_get_data (G_OBJECT (store), "d8-office-key");
  g_autofree char *path = NULL;
  guint8 seed[crypto_sign_SEEDBYTES];

  if (key != NULL)
    return key;
  if (!sodium_ready (error))
    return NULL;
  path = d8_office_key_path (store);
  if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!read_seed (path, seed, error))
        return NULL;
    }
  else
    {
      randombytes_buf (seed, sizeof seed);
      if (path != NULL && !write_seed (path, seed, error))
        {
          sodium_memzero (seed, sizeof seed);
          return NULL;
        }
    }
  key = g_new0 (OwnKey, 1);
  crypto_sign_seed_keypair (key->public_key, key->secret_key, seed);
  sodium_memzero (seed, sizeof seed);
  sodium_bin2hex (key->public_hex, sizeof key->public_hex, key->public_key,
                  sizeof key->public_key);
  g_object_set_data_full (G_OBJECT (store), "d8-office-key", key, (GDestroyNotify) own_key_free);
  return key;
}

/**
 * d8_office_key_get_public:
 * @store: a store
 * @error: an error reading or making the key file
 *
 * Makes the office's key pair if it has none yet (the secret key goes to
 * d8_office_key_path(), mode 0600).
 *
 * Returns: (transfer none) (nullable): the public key, 64 hex digits.
 */
const char *
d8_office_key_get_public (D8Store *store, GError **error)
{
  OwnKey *key;

  g_return_val_if_fail (D8_IS_STORE (store), NULL);
  key = own_key (store, error);
  return key ? key->public_hex : NULL;
}

/**
 * d8_office_key_sign:
 * @store: a store
 * @message: the text to sign
 * @error: an error reading or making the key file
 *
 * Returns: (transfer full) (nullable): the Ed25519 signature of @message,
 *   128 hex digits.
 */
char *
d8_office_key_sign (D8Store *store, const char *message, GError **error)
{
  OwnKey *key = own_key (store, error);
  guint8 sig[crypto_sign_BYTES];
  char *hex;

  if (key == NULL)
    return NULL;
  crypto_sign_detached (sig, NULL, (const guint8 *) message, strlen (message), key->secret_key);
  hex = g_malloc (sizeof sig * 2 + 1);
  sodium_bin2hex (hex, sizeof sig * 2 + 1, sig, sizeof sig);
  return hex;
}

/**
 * d8_office_key_is_valid:
 * @hex: (nullable): text
 *
 * Returns: %TRUE when @hex is a public key in canonical form.
 */
gboolean
d8_office_key_is_valid (const char *hex)
{
  guint8 pk[crypto_sign_PUBLICKEYBYTES];

  return hex_decode (hex, pk, sizeof pk);
}

/**
 * d8_office_key_fingerprint:
 * @public_hex: a public key
 *
 * Six groups of five digits from SHA-256 of the key: each group is three
 * bytes of the hash, read as a number, modulo 100000.
 *
 * Returns: (transfer full): the fingerprint, "12345 67890 …".
 */
char *
d8_office_key_fingerprint (const char *public_hex)
{
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
  guint8 hash[32];
  gsize hash_len = sizeof hash;
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  GString *out = g_string_new (NULL);

  if (!hex_decode (public_hex, pk, sizeof pk))
    memset (pk, 0, sizeof pk);
  g_checksum_update (sum, pk, sizeof pk);
  g_checksum_get_digest (sum, hash, &hash_len);
  for (guint i = 0; i < 6; i++)
    {
      guint32 v = (hash[3 * i] << 16) | (hash[3 * i + 1] << 8) | hash[3 * i + 2];
      g_string_append_printf (out, "%s%05u", i ? " " : "", v % 100000);
    }
  return g_string_free (out, FALSE);
}

/**
 * d8_office_key_parse_fingerprint:
 * @text: a fingerprint as typed
 *
 * Returns: (transfer full) (nullable): its canonical form, or NULL when
 *   @text is not 30 digits (spaces and dashes between them are ignored).
 */
char *
d8_office_key_parse_fingerprint (const char *text)
{
  GString *digits = g_string_new (NULL);
  GString *out;

  for (const char *c = text; *c; c++)
    {
      if (g_ascii_isdigit (*c))
        g_string_append_c (digits, *c);
      else if (*c != ' ' && *c != '-')
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }
  if (digits->len != 30)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  out = g_string_new (NULL);
  for (guint i = 0; i < 6; i++)
    g_string_append_printf (out, "%s%.5s", i ? " " : "", digits->str + 5 * i);
  g_string_free (digits, TRUE);
  return g_string_free (out, FALSE);
}

/**
 * d8_office_key_verify:
 * @public_hex: the signer's public key
 * @message: the signed text
 * @signature_hex: the signature, 128 hex digits
 *
 * Returns: %TRUE when the signature is good.
 */
gboolean
d8_office_key_verify (const char *public_hex, const char *message, const char *signature_hex)
{
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
  guint8 sig[crypto_sign_BYTES];

  if (!sodium_ready (NULL) || !hex_decode (public_hex, pk, sizeof pk)
      || !hex_decode (signature_hex, sig, sizeof sig))
    return FALSE;
  return crypto_sign_verify_detached (sig, (const guint8 *) message, strlen (message), pk) == 0;
}

/* ---------------------------------------------------------- known offices */

/**
 * d8_known_office_free:
 * @known: (nullable): a known office
 */
void
d8_known_office_free (D8KnownOffice *known)
{
  if (known == NULL)
    return;
  g_free (known->office);
  g_free (known->public_key);
  g_free (known->fingerprint);
  g_free (known->source);
  g_free (known->added_at);
  g_free (known);
}

enum { KNOWN_OFFICE, KNOWN_KEY, KNOWN_FINGERPRINT, KNOWN_SOURCE, KNOWN_ADDED };
#define KNOWN_COLS "office, public_key, fingerprint, source, added_at"

static D8KnownOffice *
known_from_row (sqlite3_stmt *stmt)
{
  D8KnownOffice *k = g_new0 (D8KnownOffice, 1);

  k->office = d8_sql_column_dup (stmt, KNOWN_OFFICE);
  k->public_key = d8_sql_column_dup (stmt, KNOWN_KEY);
  k->fingerprint = d8_sql_column_dup (stmt, KNOWN_FINGERPRINT);
  k->source = d8_sql_column_dup (stmt, KNOWN_SOURCE);
  k->added_at = d8_sql_column_dup (stmt, KNOWN_ADDED);
  return k;
}

/**
 * d8_office_keys_lookup:
 * @store: a store
 * @office: an office code
 * @error: a database error
 *
 * Returns: (transfer full) (nullable): what is known of @office's key;
 *   NULL with @error unset when nothing is.
 */
D8KnownOffice *
d8_office_keys_lookup (D8Store *store, const char *office, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store),
                                               "SELECT " KNOWN_COLS " FROM office_keys"
                                               " WHERE office = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, office, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return known_from_row (stmt);
}

/**
 * d8_office_keys_list:
 * @store: a store
 * @error: a database error
 *
 * Returns: (transfer full) (element-type D8KnownOffice) (nullable): every
 *   known office, by code.
 */
GPtrArray *
d8_office_keys_list (D8Store *store, GError **error)
{
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (d8_store_get_db (store),
                                               "SELECT " KNOWN_COLS " FROM office_keys"
                                               " ORDER BY office", error);

  if (stmt == NULL)
    return NULL;
  return d8_store_collect (store, stmt, (D8StoreRowFunc) known_from_row,
                           (GDestroyNotify) d8_known_office_free,
                           _("The known offices could not be read."), error);
}

/**
 * d8_office_keys_trust:
 * @store: a store (inside a transaction or not: one statement)
 * @office: "province" or the code of a unit
 * @key: a public key (64 hex digits, any case) or a fingerprint (30 digits)
 * @source: "registered", "confirmed" or "province"
 * @error: D8_ERROR_INVALID for a key that is neither, D8_ERROR_NOT_FOUND
 *   for an unknown office, or a database error
 *
 * Registers the key of @office, replacing one known before.
 *
 * Returns: %TRUE on success.
 */
gboolean
d8_office_keys_trust (D8Store *store, const char *office, const char *key, const char *source,
                      GError **error)
{
  sqlite3 *db = d8_store_get_db (store);
  g_autofree char *trimmed = g_strstrip (g_strdup (key));
  g_autofree char *lower = g_ascii_strdown (trimmed, -1);
  g_autofree char *fingerprint = NULL;
  g_autofree char *now = d8_store_now_utc ();
  g_autoptr (D8SqlStmt) unit = NULL;
  g_autoptr (D8SqlStmt) stmt = NULL;
  gboolean is_key = d8_office_key_is_valid (lower);

  fingerprint = is_key ? d8_office_key_fingerprint (lower) : d8_office_key_parse_fingerprint (key);
  if (fingerprint == NULL)
    {
      g_set_error (error, D8_ERROR, D8_ERROR_INVALID,
                   _("key: expected the office’s public key (64 hexadecimal digits, shown by "
                     "“duan8-cli office” there) or its fingerprint (30 digits)"));
      return FALSE;
    }
  if (!g_str_equal (office, "province"))
    {
      unit = d8_sql_prepare (db, "SELECT 1 FROM units WHERE code = ?", error);
      if (unit == NULL)
        return FALSE;
      sqlite3_bind_text (unit, 1, office, -1, SQLITE_STATIC);
      if (sqlite3_step (unit) != SQLITE_ROW)
        {
          g_set_error (error, D8_ERROR, D8_ERROR_NOT_FOUND,
                       _("office: “%s” is neither “province” nor the code of a unit"), office);
          return FALSE;
        }
    }
  stmt = d8_sql_prepare (db, "INSERT INTO office_keys (" KNOWN_COLS ") VALUES (?, ?, ?, ?, ?)"
                             " ON CONFLICT (office) DO UPDATE SET public_key = excluded.public_key,"
                             " fingerprint = excluded.fingerprint, source = excluded.source,"
                             " added_at = excluded.added_at", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, office, -1, SQLITE_STATIC);
  if (is_key)
    sqlite3_bind_text (stmt, 2, lower, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, fingerprint, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (db, error, _("The office’s key could not be saved."));
  return TRUE;
}

/**
 * d8_office_keys_forget:
 * @store: a store
 * @office: an office code
 * @error: a database error
 *
 * Returns: %TRUE on success, also when no key was known.
 */
gboolean
d8_office_keys_forget (D8Store *store, const char *office, GError **error)
{
  sqlite3 *db = d8_store_get_db (store);
  g_autoptr (D8SqlStmt) stmt = d8_sql_prepare (db, "DELETE FROM office_keys WHERE office = ?",
                                               error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, office, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return d8_sql_fail (db, error, _("The office’s key could not be saved."));
  return TRUE;
}
