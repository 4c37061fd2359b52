#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-flatpak-manifest.sh — flatpak/<app-id>.json (issue 6) is valid JSON
# (no duplicate keys) naming the app id, a GNOME runtime and its SDK, and the
# command the build installs; finish-args are the minimal set (wayland,
# fallback-x11, ipc, dri; files through the portal: no --filesystem, no
# network, no session-bus names); the app module builds with meson from this
# repository. Usage: sh tests/test-flatpak-manifest.sh SOURCE-ROOT APP-ID
set -eu

src="$1"
app_id="$2"
manifest="$src/flatpak/$app_id.json"

if ! command -v python3 >/dev/null; then
  echo "1..0 # SKIP python3 is needed to read the manifest"
  exit 77
fi
if [ ! -f "$manifest" ]; then
  echo "not ok 1 - $manifest exists"
  echo "1..1"
  exit 1
fi

python3 - "$src" "$app_id" "$manifest" <<'EOF'
import json, os, re, sys

src, app_id, path = sys.argv[1:4]
n = 0
failures = 0

def check(cond, desc):
    global n, failures
    n += 1
    if cond:
        print(f"ok {n} - {desc}")
    else:
        failures += 1
        print(f"not ok {n} - {desc}")
    return cond

def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    if dups:
        raise ValueError(f"duplicate keys: {', '.join(dups)}")
    return dict(pairs)

try:
    with open(path, encoding="utf-8") as f:
        m = json.load(f, object_pairs_hook=no_duplicates)
    check(True, f"{os.path.relpath(path, src)} is valid JSON")
except (ValueError, UnicodeDecodeError) as e:
    check(False, f"{path} is valid JSON: {e}")
    print(f"1..{n}")
    sys.exit(1)

check(isinstance(m, dict), "the manifest is an object")
ident = m.get("id", m.get("app-id"))
check(ident == app_id, f"id is {app_id} (found {ident!r})")
check(not ("id" in m and "app-id" in m), "only one of id / app-id")
check(m.get("runtime") == "org.gnome.Platform", f"runtime is org.gnome.Platform ({m.get('runtime')!r})")
check(m.get("sdk") == "org.gnome.Sdk", f"sdk is org.gnome.Sdk ({m.get('sdk')!r})")
rv = m.get("runtime-version")
check(isinstance(rv, str) and (rv == "master" or re.fullmatch(r"\d+(\.\d+)?", rv) is not None),
      f"runtime-version names a GNOME release ({rv!r})")
if isinstance(rv, str) and rv.isdigit():
    check(int(rv) >= 44, f"runtime {rv} is a current GNOME runtime (44 or newer)")

# The command is a program the build installs.
command = m.get("command")
check(isinstance(command, str) and command != "", f"command is given ({command!r})")
installed = set()
for root, _, files in os.walk(os.path.join(src, "src")):
    if "meson.build" in files:
        text = open(os.path.join(root, "meson.build"), encoding="utf-8").read()
        for exe in re.finditer(r"executable\(\s*'([^']+)'(.*?)\n\)", text, re.S):
            if re.search(r"install\s*:\s*true", exe.group(2)):
                installed.add(exe.group(1))
check(command in installed, f"command {command!r} is installed by the build ({sorted(installed)})")

# finish-args: the minimal set.
args = m.get("finish-args", [])
check(isinstance(args, list) and all(isinstance(a, str) for a in args), "finish-args is a list of strings")
required = {"--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri"}
for r in sorted(required):
    check(r in args, f"finish-args has {r}")
broad = [a for a in args if a.startswith("--filesystem")]
check(not broad, f"no --filesystem (files go through the portal) {broad}")
for bad in ("--socket=x11", "--device=all", "--share=network", "--socket=session-bus",
            "--socket=system-bus", "--talk-name=org.freedesktop.Flatpak"):
    check(bad not in args, f"not {bad}")
extra = [a for a in args if a not in required]
check(not extra, f"nothing beyond the minimal set {extra}")

# The app module: meson, from this repository.
modules = m.get("modules", [])
check(isinstance(modules, list) and modules, "modules are listed")
app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
check(app.get("buildsystem") == "meson", f"the last module builds with meson ({app.get('buildsystem')!r})")
sources = app.get("sources", [])
ok_source = False
for s in sources if isinstance(sources, list) else []:
    if not isinstance(s, dict):
        continue
    if s.get("type") == "dir":
        where = os.path.normpath(os.path.join(os.path.dirname(path), s.get("path", "")))
        ok_source = os.path.isfile(os.path.join(where, "meson.build")) and \
            os.path.samefile(where, src)
    elif s.get("type") == "git" and s.get("url"):
        ok_source = True
check(ok_source, "the app module's source is this repository (a dir at the source root, or git)")
opts = app.get("config-opts", [])
check(isinstance(opts, list) and all(isinstance(o, str) for o in opts), "config-opts is a list of strings")

# The files named after the app id exist (the manifest's id is the app's).
for rel in (f"data/{app_id}.desktop.in", f"data/{app_id}.metainfo.xml.in",
            f"data/{app_id}.gschema.xml", f"data/icons/hicolor/scalable/apps/{app_id}.svg"):
    check(os.path.isfile(os.path.join(src, rel)), f"{rel} exists")

print(f"1..{n}")
sys.exit(1 if failures else 0)
EOF
