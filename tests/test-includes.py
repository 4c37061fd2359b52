#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The sources' shape (HACKING.md): no include cycle between modules, and no
source file over the size where one job stops fitting in one file.

A module is a .c with its .h and its -private.h/-actions.c/-dnd.c parts
(d8-window.c, d8-window.h, d8-window-private.h, d8-window-actions.c …
are one module). Module A depends on B when a file of A includes a header
of B; a cycle A -> B -> … -> A is reported with its path."""
import os
import re
import sys

MAX_LINES = 1200
PARTS = ('-private', '-actions', '-dnd')

root = sys.argv[1] if len(sys.argv) > 1 else '.'
src = os.path.join(root, 'src')
files = []
for d, _, names in os.walk(src):
    for n in names:
        if n.endswith(('.c', '.h')):
            files.append(os.path.join(d, n))


def module(name):
    base = os.path.basename(name)[:-2]
    for p in PARTS:
        if base.endswith(p):
            return base[: -len(p)]
    return base


known = {module(f) for f in files}
edges = {m: set() for m in known}
fail = 0
for f in files:
    with open(f, encoding='utf-8') as fh:
        text = fh.read()
    lines = text.count('\n')
    if lines > MAX_LINES:
        print(f'not ok: {os.path.relpath(f, root)} has {lines} lines (at most {MAX_LINES})')
        fail = 1
    for inc in re.findall(r'^#include "([^"]+)"', text, re.M):
        m = module(inc)
        if m in known and m != module(f):
            edges[module(f)].add(m)

# Tarjan-free: a DFS that reports the first cycle through each module.
state = {}
stack = []
cycles = []


def visit(m):
    state[m] = 1
    stack.append(m)
    for n in sorted(edges[m]):
        if state.get(n) == 1:
            cycles.append(stack[stack.index(n):] + [n])
        elif n not in state:
            visit(n)
    stack.pop()
    state[m] = 2


for m in sorted(known):
    if m not in state:
        visit(m)
for c in cycles:
    print('not ok: include cycle: ' + ' -> '.join(c))
    fail = 1
if not fail:
    print(f'ok: {len(files)} source files, none over {MAX_LINES} lines, no include cycle')
sys.exit(fail)
