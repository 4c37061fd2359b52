#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench-startup.py — the scale lines of `make bench` (issue 13).

    bench-startup.py BUILD_DIR [--runs N]

Start-up is timed from outside by bench-first-frame (X damage on the new
top-level until it holds drawn content: the server's painting of a mapped
window's background is not a frame; the same code for every program,
fresh HOME per run) for a bare
AdwApplicationWindow, duan8 on the embedded 15-unit plan and on generated
135- and 3,300-unit plans (bench/gen-plan.py, loaded by duan8-bench-seed),
and Debian's gnome-text-editor and gnome-contacts; a missing peer is
reported, not skipped silently. N interleaved rounds (default 9), with a
warm GL shader cache (kept per program, warmed by one untimed run) and a
cold one (empty per run). All programs share one session bus started here.
Every line gives the median and, in brackets, the min–max. The bare window
opens at duan8's default size (its schema), so both paint as many pixels;
every store is told its office first, so no timed start asks the first-run
question.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BUILD = os.path.abspath(sys.argv[1])
RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 9
HERE = os.path.dirname(os.path.abspath(__file__))
FIRST_FRAME = os.path.join(BUILD, "bench", "bench-first-frame")
CLI = os.path.join(BUILD, "src", "cli", "duan8-cli")


def fmt(values, digits=2, scale=1.0):
    v = [x * scale for x in values]
    return "%.*f (%.*f–%.*f)" % (digits, statistics.median(v), digits, min(v), digits, max(v))


def first_frame(argv, env, cache):
    cmd = [FIRST_FRAME] + (["--shader-cache", cache] if cache else []) + ["--"] + argv
    for _ in range(3):
        out = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if out.returncode == 0:
            ms, kib = out.stdout.split()
            return float(ms), int(kib) / 1024.0
    raise RuntimeError("%s: %s" % (argv[0], out.stderr.strip()))


def app_window_size(env):
    """duan8's default window size (its GSettings schema), so the bare
    window paints as many pixels as duan8 does: the same work."""
    size = []
    for key, fallback in (("window-width", "1280"), ("window-height", "800")):
        out = subprocess.run(["gsettings", "get", "vn.hoilhpn.Duan8", key], env=env,
                             capture_output=True, text=True)
        value = out.stdout.strip()
        if out.returncode != 0 or not value.isdigit():
            print("# %s: not read from the schema (%s); the bare window uses %s"
                  % (key, out.stderr.strip(), fallback), file=sys.stderr)
            value = fallback
        size.append(value)
    return size


def peak_rss_mib(argv, env):
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024.0


def main():
    tmp = tempfile.mkdtemp(prefix="duan8-bench-scale-")
    env = dict(os.environ, GSETTINGS_BACKEND="memory")
    try:
        bus = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1",
                              "--print-pid=1"], capture_output=True, text=True, check=True)
        address, bus_pid = bus.stdout.split("\n")[:2]
        env["DBUS_SESSION_BUS_ADDRESS"] = address
    except (OSError, subprocess.CalledProcessError):
        bus_pid = None
        print("# no session bus: dbus-daemon is missing", file=sys.stderr)

    # The stores: the embedded plan, and the generated ones with entries.
    dbs = {"15": os.path.join(tmp, "15.sqlite3")}
    for n in ("135", "3300"):
        plan = os.path.join(tmp, "plan-%s.json" % n)
        dbs[n] = os.path.join(tmp, "%s.sqlite3" % n)
        subprocess.run([sys.executable, os.path.join(HERE, "gen-plan.py"), n, plan], check=True)
        subprocess.run([os.path.join(BUILD, "bench", "duan8-bench-seed"), plan, dbs[n]], env=env,
                       check=True, stdout=subprocess.DEVNULL)
    # Each store says which office it is, so every timed start is an
    # ordinary one: the first-run office question is never part of it.
    for db in dbs.values():
        subprocess.run([CLI, "--db", db, "office", "--set", "province"], env=env, check=True,
                       stdout=subprocess.DEVNULL)

    duan8 = os.path.join(BUILD, "src", "duan8")
    programs = {"bare": ([os.path.join(BUILD, "bench", "bench-bare-window")]
                         + app_window_size(env), dict(env, D8_BENCH_STAY="1"))}
    for n in ("15", "135", "3300"):
        programs["duan8_" + n] = ([duan8, "--db", dbs[n]], env)
    peers = []
    for name, argv in (("gnome-text-editor", ["gnome-text-editor", "--standalone"]),
                       ("gnome-contacts", ["gnome-contacts"])):
        if shutil.which(argv[0]) is None:
            print("startup_peer_%s: missing (make bench installs bench/packages.txt)" % name)
            continue
        programs[name] = (argv, env)
        peers.append(name)

    results = {}
    for mode in ("warm", "cold"):
        caches = {}
        for name, (argv, penv) in programs.items():
            if mode == "warm":
                caches[name] = os.path.join(tmp, "cache-" + name)
                os.makedirs(caches[name], exist_ok=True)
                first_frame(argv, penv, caches[name])  # warms the cache, untimed
            results[mode, name] = []
        for _ in range(RUNS):
            for name, (argv, penv) in programs.items():
                try:
                    results[mode, name].append(first_frame(argv, penv, caches.get(name)))
                except RuntimeError as e:
                    print("# %s" % e, file=sys.stderr)

    for mode in ("warm", "cold"):
        suffix = "" if mode == "warm" else "_cold"
        for name in programs:
            r = results[mode, name]
            if r:
                print("startup_ms_%s%s: %s" % (name.replace("-", "_"), suffix,
                                                fmt([x[0] for x in r], 1)))
        bare = results[mode, "bare"]
        for n in ("15", "135", "3300"):
            app = results[mode, "duan8_" + n]
            if app and bare:
                ratios = [a[0] / b[0] for a, b in zip(app, bare)]
                print("startup_ratio_%s%s: %.2f (%.2f–%.2f per round)"
                      % (n, suffix, statistics.median(x[0] for x in app)
                         / statistics.median(x[0] for x in bare), min(ratios), max(ratios)))
        live = [p for p in peers if results[mode, p]]
        if live and results[mode, "duan8_15"]:
            fastest = min(live, key=lambda p: statistics.median(x[0] for x in results[mode, p]))
            app = results[mode, "duan8_15"]
            peer = results[mode, fastest]
            ratios = [a[0] / b[0] for a, b in zip(app, peer)]
            print("startup_vs_peers_15%s: %.2f (%.2f–%.2f per round; faster peer: %s)"
                  % (suffix, statistics.median(x[0] for x in app)
                     / statistics.median(x[0] for x in peer), min(ratios), max(ratios), fastest))
    for name in programs:
        r = results["warm", name]
        if r:
            label = name.replace("duan8_", "") if name.startswith("duan8_") else name.replace("-", "_")
            key = "startup_rss_mib_%s" % label if name.startswith("duan8_") else "rss_mib_%s" % label
            print("%s: %s" % (key, fmt([x[1] for x in r], 1)))

    # The default pack of the 135-unit plan, and progress JSON at 3,300.
    pdf = os.path.join(tmp, "pack.pdf")
    times = []
    for _ in range(RUNS):
        start = time.monotonic()
        subprocess.run([CLI, "--db", dbs["135"], "print-pack", "--force", "--out", pdf], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        times.append(time.monotonic() - start)
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = [l.split()[1] for l in info.splitlines() if l.startswith("Pages:")]
    print("pack_135_s: %s" % fmt(times, 3))
    print("pack_135_pages: %s" % (pages[0] if pages else "?"))
    rss = [peak_rss_mib([CLI, "--db", dbs["3300"], "progress", "--format", "json"], env)
           for _ in range(5)]
    print("progress_json_3300_rss_mib: %s" % fmt(rss, 1))

    if bus_pid:
        subprocess.run(["kill", bus_pid])
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
