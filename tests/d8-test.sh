# SPDX-License-Identifier: GPL-3.0-or-later
# d8-test.sh — what the shell tests share, sourced by each of them:
#   . "$(dirname "$0")/d8-test.sh"
# They print TAP lines for people; meson reads their exit status: 0 all
# passed, 1 something failed, 77 (meson's skip) nothing failed but a check
# was skipped because a tool it needs is missing — so a missing tool never
# passes unnoticed.

d8_test_n=0
d8_test_failures=0
d8_test_skipped=0

# d8_test_sandbox: $tmp, a folder removed when the test ends, holds HOME and
# XDG_DATA_HOME, so a test never touches the user's own database; messages
# in English (C.UTF-8) unless the test sets a language itself.
d8_test_sandbox () {
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT INT TERM
  export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" LANG=C.UTF-8
  unset LC_ALL LANGUAGE
}

d8_test_ok () { d8_test_n=$((d8_test_n + 1)); echo "ok $d8_test_n - $1"; }
d8_test_not_ok () {
  d8_test_n=$((d8_test_n + 1)); d8_test_failures=$((d8_test_failures + 1))
  echo "not ok $d8_test_n - $1"
}
# d8_test_skip DESCRIPTION REASON: a check that could not run.
d8_test_skip () {
  d8_test_n=$((d8_test_n + 1)); d8_test_skipped=$((d8_test_skipped + 1))
  echo "ok $d8_test_n - $1 # SKIP $2"
}
# d8_test_need PROGRAM...: true when every program is on PATH; otherwise
# says which is missing (and true is not returned).
d8_test_need () {
  for program in "$@"; do
    if ! command -v "$program" >/dev/null 2>&1; then
      echo "# $program is not installed (see .ci/packages.txt)"
      return 1
    fi
  done
}
# d8_test_require PROGRAM...: the whole test needs them; exit 77 if one is missing.
d8_test_require () {
  if ! d8_test_need "$@"; then
    echo "1..0 # SKIP needs $*"
    exit 77
  fi
}
# d8_test_done: the plan line and the exit status.
d8_test_done () {
  echo "1..$d8_test_n"
  if [ "$d8_test_failures" -ne 0 ]; then
    echo "# $d8_test_failures of $d8_test_n failed"
    exit 1
  fi
  if [ "$d8_test_skipped" -ne 0 ]; then
    echo "# $d8_test_skipped of $d8_test_n skipped"
    exit 77
  fi
  exit 0
}
