#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The layers point one way: duan8-cli is headless and must not link GTK,
# libadwaita or cairo's GTK side. ldd shows what the dynamic linker loads.
set -eu
cli="$1"
if ldd "$cli" | grep -E 'libgtk-4|libadwaita' >/dev/null; then
  echo "not ok: $cli links GTK or libadwaita:"
  ldd "$cli" | grep -E 'libgtk-4|libadwaita'
  exit 1
fi
# The core must not include GTK headers.
src="${D8_SOURCE_ROOT:?}"
if grep -rlE '#include <(gtk|adwaita|gdk)' "$src/src/core" "$src/src/charts" "$src/src/cli"; then
  echo "not ok: GTK headers included in src/core, src/charts or src/cli"
  exit 1
fi
echo "ok: duan8-cli, src/core and src/charts are free of GTK"
