#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Vietnamese catalogue is complete and current:
#  1. msgfmt --check reports no untranslated and no fuzzy message;
#  2. every file with translatable strings is listed in POTFILES.in, sorted;
#  3. every msgid that xgettext finds in the sources is in po/vi.po.
set -eu
top="$1"
cd "$top"
fail=0

stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/vi.po 2>&1)
echo "msgfmt: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "not ok: po/vi.po is incomplete"; fail=1 ;;
esac

files=$(grep -v '^#' po/POTFILES.in | grep -v '^$')
if [ "$(printf '%s\n' "$files")" != "$(printf '%s\n' "$files" | LC_ALL=C sort)" ]; then
  echo "not ok: po/POTFILES.in is not sorted"; fail=1
fi
for f in $(git ls-files 'src/*.c' 'src/*.h' 'resources/*.ui' 'data/*.in' 'data/*.xml' 2>/dev/null || find src resources data -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.xml'); do
  if grep -qE '(^|[^a-zA-Z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext)\(|translatable="yes"|<summary>' "$f"; then
    if ! printf '%s\n' "$files" | grep -qxF "$f"; then
      echo "not ok: $f has translatable strings but is not in po/POTFILES.in"; fail=1
    fi
  fi
done
for f in $files; do
  [ -f "$f" ] || { echo "not ok: po/POTFILES.in lists missing file $f"; fail=1; }
done

# xgettext cuts a msgid at a macro such as G_GINT64_FORMAT: use %lld instead.
if grep -nE '(_|N_|ngettext)[ ]*\("[^"]*" *G_G?U?INT64_FORMAT' $files; then
  echo "not ok: a translatable string uses G_GINT64_FORMAT (xgettext truncates it)"; fail=1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 --add-comments=Translators -f po/POTFILES.in \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 -o "$tmp/current.pot" 2>"$tmp/err" || {
  cat "$tmp/err"; echo "not ok: xgettext failed"; exit 1; }
# msgcmp: every msgid of the template must be in the catalogue.
if ! msgcmp --use-untranslated "po/vi.po" "$tmp/current.pot" 2>"$tmp/cmp"; then
  head -n 40 "$tmp/cmp"
  echo "not ok: po/vi.po lacks strings that are in the sources"; fail=1
fi
[ $fail -eq 0 ] && echo "ok: catalogue complete and current"
exit $fail
