/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-test-english.h — the checker behind test-ui-vi.c: every text a widget
 * shows (label, title, subtitle, tooltip, placeholder, accessible label or
 * description, menu and list items) is compared with the English msgids of
 * the sources and the Vietnamese catalogue; an English text is an offence,
 * reported with the widget's path. Its state (the msgids, the offences of
 * the current test case) and the shared fixtures of the Vietnamese run (the
 * application, its database, screenshots) live here, so the test file holds
 * only the walks through the interface. Included by test-ui-vi.c only. */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "d8-application.h"
#include "d8-store.h"
#include "d8-test-ui.h"
#include "d8-test-util.h"

/* Texts that are the same in both languages: codes, proper nouns. */
static const char *const allow_list[] = {
  "SM", "Duan8", "duan8", "duan8-cli", "OK", "Tiếng Việt", "CSV", "JSON", "PDF", "PNG",
  "UUID", "Gia Lai", "1653/KH-UBND", "–", "—", "%", "%s", "%d", "%u", "%s %%", "%s/%s",
  "%s – %s", "%s: %s", "%s (%s)", "%s · %s",
};

/* Strings of GTK and libadwaita that our windows may show; flagged only when
 * their catalogue (gtk40, libadwaita) translates them, i.e. when the text
 * shown should have been Vietnamese. */
static const char *const toolkit_strings[] = {
  "Cancel", "_Cancel", "Close", "_Close", "Search", "Back", "Credits", "Legal",
  "Acknowledgements", "Details", "Website", "Report an Issue", "Troubleshooting",
  "Release Notes", "Debugging Information", "Search Shortcuts", "No Results Found",
  "Try a different search", "Shortcuts", "_Open", "_Save", "Open", "Save", "Print",
  "_Print", "About", "Copy", "Select All", "Undo", "Redo", "Preferences", "Main Menu",
  "Copyright", "Version", "Licence", "License", "Translated by", "Designed by",
  "Code by", "Art by", "Documented by", "Search preferences", "No Preferences Found",
};

/* Words of English UI text that are not Vietnamese words: a text that
 * contains one was not translated, even when it is no msgid (a string
 * without _(), text built from English pieces). Vietnamese words such as
 * "an", "to", "no", "do" are not in this list. */
static const char *const english_words[] = {
  "the", "of", "and", "for", "with", "from", "entry", "entries", "unit", "units", "plan",
  "plans", "save", "cancel", "delete", "deleted", "undo", "search", "print", "export", "import",
  "open", "close", "chart", "charts", "progress", "quota", "quotas", "achieved", "remaining",
  "indicator", "indicators", "province", "total", "totals", "date", "amount", "note", "notes",
  "place", "preferences", "language", "completion", "overall", "target", "reached", "group",
  "bundle", "bundles", "file", "files", "page", "pages", "preview", "report", "status", "error",
  "failed", "could", "cannot", "not", "none", "yes", "new", "edit", "record", "behind", "done",
  "track", "started", "allocated", "district", "commune", "office", "conflict", "conflicts",
  "snapshot", "restore", "settings", "shortcuts", "keyboard", "about", "quit", "help", "main",
  "menu", "show", "hide", "back", "next", "previous", "loading", "please", "select", "choose",
};

/* Texts of GTK's and libadwaita's own widgets that their Debian 12
 * catalogues leave English (the search entry's clear icon, the About
 * window's rows, the shortcuts window's search): reported, not failed —
 * not ours to translate. */
static const char *const toolkit_untranslated[] = {
  "Clear entry", "Details", "Legal", "Credits", "Website", "About", "Back", "Translated by",
  "Acknowledgements", "Troubleshooting", "Report an Issue", "Code by", "Design by", "Art by",
  "Documentation by", "Copyright", "What’s New", "Search Shortcuts", "Search Results",
  "Shortcuts", "_Show All", "Show All",
};

typedef struct
{
  char *msgid;
  char *shown_as; /* what the catalogue gives (NULL: not in the catalogue) */
  gboolean toolkit; /* a GTK/libadwaita string: reported, not failed */
} English;

typedef struct
{
  GRegex *regex;
  English *english;
} Pattern;

static GHashTable *english;   /* text → English*; exact texts to refuse */
static GPtrArray *patterns;   /* Pattern*; msgids with conversions */
static GHashTable *allowed;   /* set */
static GHashTable *dictionary; /* english_words */
static English word_english = { (char *) "(an English word)", NULL, FALSE };
static English toolkit_english = { (char *) "(GTK/libadwaita text)", NULL, TRUE };
static GPtrArray *offences;   /* char*, this test case */
static GHashTable *seen;      /* offences already reported, this test case */
static guint n_texts_checked;
static char *tmp_dir;
static char *db_path;
static gboolean take_screenshots;
static gboolean quiet;
static gboolean lenient; /* inside a toolkit-made window: report only */
static D8Application *the_app;

/* Helpers for the main loop */

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  if (take_screenshots)
    d8_test_save_screenshot (widget, name);
}

/* The English strings of the sources */

static char *
po_unquote (const char *line)
{
  const char *p = strchr (line, '"');
  GString *out = g_string_new (NULL);

  g_assert_nonnull (p);
  for (p++; *p && *p != '"'; p++)
    {
      if (*p == '\\' && p[1])
        {
          p++;
          switch (*p)
            {
            case 'n': g_string_append_c (out, '\n'); break;
            case 't': g_string_append_c (out, '\t'); break;
            default: g_string_append_c (out, *p); break;
            }
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Removes mnemonic underscores ("_Save" → "Save", "__" → "_"). */
static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (out, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static guint
count_ascii_letters (const char *s)
{
  guint n = 0;

  for (; *s; s++)
    if (g_ascii_isalpha (*s))
      n++;
  return n;
}

/* A regex for a printf format: conversions become ".+?". NULL when what is
 * left is too short to tell English from anything else. */
static GRegex *
format_to_regex (const char *format)
{
  GString *re = g_string_new ("^");
  GString *literal = g_string_new (NULL);
  guint letters = 0;
  const char *p = format;
  GRegex *regex;

  while (*p)
    {
      if (*p == '%' && p[1] == '%')
        {
          g_string_append_c (literal, '%');
          p += 2;
          continue;
        }
      if (*p == '%')
        {
          const char *q = p + 1;
          g_autofree char *escaped = NULL;

          while (g_ascii_isdigit (*q) || strchr ("$-+ #0'.*", *q))
            q++;
          while (strchr ("hlLqjzt", *q) && *q)
            q++;
          if (*q == '\0' || !strchr ("diouxXeEfFgGcsp", *q))
            {
              g_string_append_c (literal, *p++);
              continue;
            }
          letters += count_ascii_letters (literal->str);
          escaped = g_regex_escape_string (literal->str, -1);
          g_string_append (re, escaped);
          g_string_append (re, ".+?");
          g_string_truncate (literal, 0);
          p = q + 1;
          continue;
        }
      g_string_append_c (literal, *p++);
    }
  letters += count_ascii_letters (literal->str);
  {
    g_autofree char *escaped = g_regex_escape_string (literal->str, -1);
    g_string_append (re, escaped);
  }
  g_string_append_c (re, '$');
  g_string_free (literal, TRUE);

  if (letters < 4)
    {
      g_string_free (re, TRUE);
      return NULL;
    }
  regex = g_regex_new (re->str, G_REGEX_DOTALL | G_REGEX_OPTIMIZE, 0, NULL);
  g_string_free (re, TRUE);
  return regex;
}

static void
add_english (const char *msgid,
             const char *shown_as)
{
  English *e;

  if (*msgid == '\0' || g_hash_table_contains (allowed, msgid))
    return;
  /* The catalogue translating a msgid to itself says it is the same in
   * Vietnamese (a code, a name). */
  if (shown_as != NULL && g_str_equal (shown_as, msgid))
    return;
  if (count_ascii_letters (msgid) == 0)
    return;

  e = g_new0 (English, 1);
  e->msgid = g_strdup (msgid);
  e->shown_as = g_strdup (shown_as);

  if (strchr (msgid, '%') != NULL)
    {
      GRegex *regex = format_to_regex (msgid);

      if (regex != NULL)
        {
          Pattern *pattern = g_new0 (Pattern, 1);
          pattern->regex = regex;
          pattern->english = e;
          g_ptr_array_add (patterns, pattern);
        }
    }
  {
    g_autofree char *plain = strip_mnemonic (msgid);
    if (!g_str_equal (plain, msgid) && !g_hash_table_contains (english, plain))
      g_hash_table_insert (english, g_steal_pointer (&plain), e);
  }
  g_hash_table_insert (english, g_strdup (msgid), e);
}

/* The catalogue's text for a msgid, or NULL when it is not in it. */
static const char *
lookup (const char *context,
        const char *msgid,
        const char *plural)
{
  const char *result;
  g_autofree char *key = NULL;

  if (context != NULL)
    {
      key = g_strconcat (context, "\004", msgid, NULL);
      result = dgettext (GETTEXT_PACKAGE, key);
      return result == key ? NULL : result;
    }
  if (plural != NULL)
    {
      result = dngettext (GETTEXT_PACKAGE, msgid, plural, 1);
      return result == msgid ? NULL : result;
    }
  result = dgettext (GETTEXT_PACKAGE, msgid);
  return result == msgid ? NULL : result;
}

static void
collect_sources (const char *dir,
                 GPtrArray  *files)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_sources (path, files);
      else if (g_str_has_suffix (name, ".c") || g_str_has_suffix (name, ".h")
               || g_str_has_suffix (name, ".ui"))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

static void
load_english (D8Store *store)
{
  const char *top = g_getenv ("D8_SOURCE_ROOT");
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *pot = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *src = NULL;
  g_autofree char *res = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *ctx = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id_plural = NULL;
  char **current = NULL;
  guint n_msgids = 0, n_missing = 0;

  g_assert_nonnull (top);
  english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  patterns = g_ptr_array_new ();
  allowed = g_hash_table_new (g_str_hash, g_str_equal);
  dictionary = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (english_words); i++)
    g_hash_table_add (dictionary, (gpointer) english_words[i]);
  for (guint i = 0; i < G_N_ELEMENTS (allow_list); i++)
    g_hash_table_add (allowed, (gpointer) allow_list[i]);

  pot = g_build_filename (tmp_dir, "current.pot", NULL);
  g_ptr_array_add (argv, g_strdup ("xgettext"));
  g_ptr_array_add (argv, g_strdup ("--from-code=UTF-8"));
  g_ptr_array_add (argv, g_strdup ("--keyword=_"));
  g_ptr_array_add (argv, g_strdup ("--keyword=N_"));
  g_ptr_array_add (argv, g_strdup ("--keyword=C_:1c,2"));
  g_ptr_array_add (argv, g_strdup ("--keyword=NC_:1c,2"));
  g_ptr_array_add (argv, g_strdup ("--keyword=g_dngettext:2,3"));
  g_ptr_array_add (argv, g_strdup ("--keyword=ngettext:1,2"));
  g_ptr_array_add (argv, g_strdup ("--no-location"));
  g_ptr_array_add (argv, g_strdup ("-o"));
  g_ptr_array_add (argv, g_strdup (pot));
  src = g_build_filename (top, "src", NULL);
  res = g_build_filename (top, "resources", NULL);
  collect_sources (src, argv);
  collect_sources (res, argv);
  g_ptr_array_add (argv, NULL);

  g_free (d8_test_spawn_output ((const char *const *) argv->pdata));
  g_file_get_contents (pot, &contents, NULL, &error);
  g_assert_no_error (error);

  /* A small .pot reader: msgctxt, msgid, msgid_plural and their
   * continuation lines; an entry ends at msgstr. */
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "msgctxt "))
        {
          g_free (ctx);
          ctx = po_unquote (line);
          current = &ctx;
        }
      else if (g_str_has_prefix (line, "msgid_plural "))
        {
          g_free (id_plural);
          id_plural = po_unquote (line);
          current = &id_plural;
        }
      else if (g_str_has_prefix (line, "msgid "))
        {
          g_free (id);
          id = po_unquote (line);
          current = &id;
        }
      else if (line[0] == '"' && current != NULL)
        {
          g_autofree char *more = po_unquote (line);
          char *joined = g_strconcat (*current, more, NULL);
          g_free (*current);
          *current = joined;
        }
      else if (g_str_has_prefix (line, "msgstr"))
        {
          current = NULL;
          if (id != NULL && *id != '\0')
            {
              const char *shown = lookup (ctx, id, id_plural);

              n_msgids++;
              if (shown == NULL)
                n_missing++;
              add_english (id, shown);
              if (id_plural != NULL)
                add_english (id_plural, shown);
            }
          g_clear_pointer (&ctx, g_free);
          g_clear_pointer (&id, g_free);
          g_clear_pointer (&id_plural, g_free);
        }
    }
  g_test_message ("%u msgids in the sources, %u not in the catalogue, %u English texts "
                  "and %u patterns to look for", n_msgids, n_missing,
                  g_hash_table_size (english), patterns->len);
  g_assert_cmpuint (n_msgids, >, 100);

  for (guint i = 0; i < G_N_ELEMENTS (toolkit_strings); i++)
    {
      const char *domains[] = { "gtk40", "libadwaita" };

      for (guint j = 0; j < G_N_ELEMENTS (domains); j++)
        {
          const char *shown = dgettext (domains[j], toolkit_strings[i]);
          if (shown != toolkit_strings[i] && !g_str_equal (shown, toolkit_strings[i])
              && !g_hash_table_contains (english, toolkit_strings[i]))
            {
              add_english (toolkit_strings[i], shown);
              ((English *) g_hash_table_lookup (english, toolkit_strings[i]))->toolkit = TRUE;
            }
        }
    }

  /* English names of the plan's indicators must not show either. */
  {
    g_autoptr (D8Plan) plan = d8_store_resolve_plan (store, NULL, &error);
    g_autoptr (GPtrArray) indicators = NULL;

    g_assert_no_error (error);
    indicators = d8_store_list_indicators (store, plan->id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < indicators->len; i++)
      {
        const D8Indicator *ind = g_ptr_array_index (indicators, i);
        if (ind->name_en != NULL && g_strcmp0 (ind->name_en, ind->name_vi) != 0)
          add_english (ind->name_en, ind->name_vi);
      }
  }
}

/* Checking texts */

static void
offence (const char    *path,
         const char    *what,
         const char    *text,
         const English *e,
         gboolean       hidden)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf ("%s%s [%s]: “%s” is English (msgid “%s”, %s%s%s)", path,
                             hidden ? " (hidden)" : "", what, text, e->msgid,
                             e->shown_as ? "Vietnamese “" : "not in the catalogue",
                             e->shown_as ? e->shown_as : "", e->shown_as ? "”" : "");
  {
    /* The same widget on every unit page is reported once: the key leaves
     * out where the walk started. */
    const char *slash = strchr (message, '/');
    const char *key = slash != NULL ? slash : message;

    if (g_hash_table_contains (seen, key))
      return;
    g_hash_table_add (seen, g_strdup (key));
  }
  if (e->toolkit || lenient)
    {
      /* The toolkit's own text (Debian 12's libadwaita has 15 Vietnamese
       * messages: the About window's "Credits", "Legal", "Website"… stay
       * English). Not ours to translate: reported, not failed. */
      g_test_message ("TOOLKIT ENGLISH (not failed): %s", message);
      return;
    }
  if (!quiet)
    {
      g_test_message ("ENGLISH: %s", message);
      g_printerr ("ENGLISH: %s\n", message);
    }
  g_ptr_array_add (offences, g_steal_pointer (&message));
}

static void
check_text (const char *path,
            const char *what,
            const char *text,
            gboolean    hidden)
{
  g_autofree char *plain = NULL;
  g_autofree char *stripped = NULL;
  const English *e;

  if (text == NULL || *text == '\0')
    return;
  n_texts_checked++;
  if (g_hash_table_contains (allowed, text))
    return;

  /* Markup (tooltips, labels with use-markup) is checked as shown. */
  if (strchr (text, '<') != NULL && pango_parse_markup (text, -1, 0, NULL, &plain, NULL, NULL))
    text = plain;
  stripped = g_strstrip (g_strdup (text));

  if ((e = g_hash_table_lookup (english, stripped)) != NULL)
    {
      offence (path, what, text, e, hidden);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (toolkit_untranslated); i++)
    if (g_str_equal (stripped, toolkit_untranslated[i]))
      {
        offence (path, what, text, &toolkit_english, hidden);
        return;
      }
  if (count_ascii_letters (stripped) < 4)
    return;
  for (guint i = 0; i < patterns->len; i++)
    {
      const Pattern *p = g_ptr_array_index (patterns, i);
      if (g_regex_match (p->regex, stripped, 0, NULL))
        {
          offence (path, what, text, p->english, hidden);
          return;
        }
    }
  /* A whole English word (lower-cased), between non-letters; not in a
   * file name or an address. */
  if (*stripped != '/' && *stripped != '~' && strstr (stripped, "://") == NULL)
  {
    g_autofree char *lower = g_utf8_strdown (stripped, -1);
    const char *p = lower;

    while (*p)
      {
        const char *start;
        g_autofree char *word = NULL;

        while (*p && !g_ascii_isalpha (*p))
          p = g_utf8_next_char (p);
        start = p;
        while (*p && g_ascii_isalpha (*p))
          p++;
        if (p == start)
          break;
        /* Only a word that is all ASCII letters (not a part of "tổng"). */
        if ((start > lower && (guchar) start[-1] >= 0x80) || (guchar) *p >= 0x80)
          continue;
        word = g_strndup (start, p - start);
        if (g_hash_table_contains (dictionary, word))
          {
            g_autofree char *what_word = g_strdup_printf ("%s: “%s”", what, word);
            offence (path, what_word, text, &word_english, hidden);
            return;
          }
      }
  }
}

static void
check_menu_model (GMenuModel *model,
                  const char *path)
{
  if (model == NULL)
    return;
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *item_path = g_strdup_printf ("%s/menu-item[%d]", path, i);
      g_autoptr (GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *link;
      const char *link_name;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (item_path, "menu label", label, FALSE);
      while (g_menu_link_iter_get_next (links, &link_name, &link))
        {
          check_menu_model (link, item_path);
          g_object_unref (link);
        }
    }
}

static char *
item_text (GObject           *item,
           GtkExpression     *expression)
{
  GValue value = G_VALUE_INIT;
  char *text = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value))
    {
      if (G_VALUE_HOLDS_STRING (&value))
        text = g_value_dup_string (&value);
      g_value_unset (&value);
    }
  return text;
}

static void
check_list_model (GListModel    *model,
                  GtkExpression *expression,
                  const char    *path)
{
  if (model == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      g_autofree char *text = item_text (item, expression);
      g_autofree char *item_path = g_strdup_printf ("%s/item[%u]", path, i);

      check_text (item_path, "list item", text, FALSE);
      /* Pages of stacks and view stacks carry titles. */
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "title") != NULL)
        {
          g_autofree char *title = NULL;
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), "title");
          if (pspec->value_type == G_TYPE_STRING)
            {
              g_object_get (item, "title", &title, NULL);
              check_text (item_path, "page title", title, FALSE);
            }
        }
    }
}

/* The accessible label/description, read through the test API: it returns
 * the actual value when it differs from the one asked for. */
static void
check_accessible (GtkWidget  *widget,
                  const char *path,
                  gboolean    hidden)
{
  const struct { GtkAccessibleProperty property; const char *name; } props[] = {
    { GTK_ACCESSIBLE_PROPERTY_LABEL, "accessible label" },
    { GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "accessible description" },
    { GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, "accessible placeholder" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      g_autofree char *value = NULL;

      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), props[i].property))
        continue;
      value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), props[i].property,
                                                  "\001no such text\001");
      check_text (path, props[i].name, value, hidden);
    }
}

static const char *const string_properties[] = {
  "label", "title", "subtitle", "tooltip-text", "tooltip-markup", "placeholder-text",
  "description", "heading", "body", "text", "comments", "application-name", "developer-name",
  "button-label", "secondary-text", "copyright", "translator-credits", "release-notes",
  "website", "issue-url", "support-url",
};

static void
check_widget (GtkWidget  *widget,
              const char *parent_path,
              gboolean    parent_hidden)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (widget);
  const char *id = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;
  gboolean hidden = parent_hidden || !gtk_widget_get_visible (widget);
  g_autofree char *path = NULL;

  path = g_strdup_printf ("%s%s%s%s%s", parent_path ? parent_path : "", parent_path ? "/" : "",
                          G_OBJECT_TYPE_NAME (widget), id ? "#" : "", id ? id : "");

  for (guint i = 0; i < G_N_ELEMENTS (string_properties); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, string_properties[i]);
      g_autofree char *value = NULL;

      if (pspec == NULL || pspec->value_type != G_TYPE_STRING || !(pspec->flags & G_PARAM_READABLE))
        continue;
      /* An editable's text is what the user typed. */
      if (g_str_equal (string_properties[i], "text") && GTK_IS_EDITABLE (widget))
        continue;
      g_object_get (widget, string_properties[i], &value, NULL);
      check_text (path, string_properties[i], value, hidden);
    }
  {
    GParamSpec *pspec = g_object_class_find_property (klass, "developers");
    if (pspec != NULL && pspec->value_type == G_TYPE_STRV)
      {
        g_auto (GStrv) names = NULL;
        g_object_get (widget, "developers", &names, NULL);
        for (guint i = 0; names != NULL && names[i] != NULL; i++)
          check_text (path, "developers", names[i], hidden);
      }
  }
  /* d8_ui_set_tooltip_text() keeps the views' tooltips here, not in
   * "tooltip-text". */
  check_text (path, "tooltip", g_object_get_data (G_OBJECT (widget), "d8-tooltip-text"), hidden);
  if (GTK_IS_LABEL (widget))
    check_text (path, "text", gtk_label_get_text (GTK_LABEL (widget)), hidden);
  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget) && !gtk_editable_get_editable (GTK_EDITABLE (widget)))
    check_text (path, "text", gtk_editable_get_text (GTK_EDITABLE (widget)), hidden);
  if (ADW_IS_COMBO_ROW (widget))
    check_list_model (adw_combo_row_get_model (ADW_COMBO_ROW (widget)),
                      adw_combo_row_get_expression (ADW_COMBO_ROW (widget)), path);
  if (GTK_IS_DROP_DOWN (widget))
    check_list_model (gtk_drop_down_get_model (GTK_DROP_DOWN (widget)),
                      gtk_drop_down_get_expression (GTK_DROP_DOWN (widget)), path);
  if (GTK_IS_STACK (widget))
    {
      g_autoptr (GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (widget));
      check_list_model (G_LIST_MODEL (pages), NULL, path);
    }
  if (ADW_IS_VIEW_STACK (widget))
    {
      g_autoptr (GtkSelectionModel) pages = adw_view_stack_get_pages (ADW_VIEW_STACK (widget));
      check_list_model (G_LIST_MODEL (pages), NULL, path);
    }
  if (GTK_IS_MENU_BUTTON (widget))
    check_menu_model (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), path);
  if (GTK_IS_POPOVER_MENU (widget))
    check_menu_model (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (widget)), path);
  check_accessible (widget, path, hidden);

  {
    /* What we give the About window (its properties, above) must be
     * Vietnamese; what libadwaita puts around it is its own. */
    gboolean was_lenient = lenient;

    /* GTK's window controls (minimise, maximise, close) describe their
     * buttons to accessibility in English: Debian 12's gtk40 catalogue has
     * no Vietnamese for them, and only GTK_A11Y=test shows those texts. */
    if (ADW_IS_ABOUT_WINDOW (widget) || GTK_IS_FILE_CHOOSER_WIDGET (widget)
        || GTK_IS_WINDOW_CONTROLS (widget)
        || g_type_is_a (G_OBJECT_TYPE (widget), g_type_from_name ("GtkPrintUnixDialog"))
        || g_type_is_a (G_OBJECT_TYPE (widget), g_type_from_name ("GtkPageSetupUnixDialog")))
      lenient = TRUE;
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      check_widget (child, path, hidden);
    lenient = was_lenient;
  }
}

static void
begin_case (void)
{
  offences = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n_texts_checked = 0;
}

static void
end_case (void)
{
  g_test_message ("%u texts checked, %u English", n_texts_checked, offences->len);
  g_assert_cmpuint (n_texts_checked, >, 0);
  if (offences->len > 0)
    {
      g_test_message ("%u text(s) shown in English; see the ENGLISH: lines above", offences->len);
      g_test_fail ();
    }
  g_clear_pointer (&offences, g_ptr_array_unref);
  g_clear_pointer (&seen, g_hash_table_unref);
}

/* The windows open now, as a list to compare with later (no references:
 * a list must not keep a closed window alive). */
static GPtrArray *
list_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GObject *item = g_list_model_get_item (toplevels, i);
      g_ptr_array_add (list, item);
      g_object_unref (item);
    }
  return list;
}

static void
check_new_toplevels (GPtrArray  *before,
                     const char *where)
{
  g_autoptr (GPtrArray) now = list_toplevels ();

  for (guint i = 0; i < now->len; i++)
    {
      GtkWidget *window = g_ptr_array_index (now, i);
      if (!g_ptr_array_find (before, window, NULL) && gtk_widget_get_visible (window))
        check_widget (window, where, FALSE);
    }
}

