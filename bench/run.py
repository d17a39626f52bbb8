#!/usr/bin/env python3
"""Builds the synthetic corpus with nianbao and with Hugo, side by side, and prints wall
time, CPU time, peak memory and the ratio (median of several runs, the two alternating).

  bench/run.py                      # 2k and 20k reports, 3 runs each
  bench/run.py --sizes 120k --runs 1
  bench/run.py --sizes 2k --parents # bureaus in a three-level tree (province, city, county)
  bench/run.py --sizes 20k --parents --runs 1 --no-hugo --page-sizes   # median/largest page

The corpus comes from ../shared/bench/gen_corpus.py (deterministic), generated once into
the work folder. Outputs go to tmpfs (/dev/shm) when there is one, so that the figures
measure the tools rather than the disk; every run builds into an empty folder.
Needs python3, and hugo (Debian's package) unless --no-hugo.
"""
import argparse, os, shutil, statistics, subprocess, sys, time

SIZES = {"2k": 100, "20k": 1000, "120k": 6000}  # bureaus; 10 years, 2 languages each
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def find_generator():
    for p in (os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"),
              os.path.join(ROOT, "shared", "bench", "gen_corpus.py")):
        if os.path.isfile(p):
            return os.path.abspath(p)
    sys.exit("bench: gen_corpus.py not found beside the repository (../shared/bench/)")


def corpus(work, size, parents):
    name = f"corpus-{size}" + ("-tree" if parents else "")
    path = os.path.join(work, name)
    stamp = os.path.join(path, ".complete")
    if not os.path.exists(stamp):
        shutil.rmtree(path, ignore_errors=True)
        cmd = [sys.executable, find_generator(), "--bureaus", str(SIZES[size]), "--years", "10",
               "--out", path]
        print(f"bench: generating the {size} corpus: {' '.join(cmd)}", flush=True)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        if parents:
            add_parents(os.path.join(path, "nianbao", "content", "bureaus"))
        open(stamp, "w").close()
    return path


def add_parents(bureaus_dir):
    """Turns the flat list into a tree: bureau 0 the province, then 1 city for every 10
    bureaus, the rest counties under their city (content-format: `parent`)."""
    names = sorted(n[:-5] for n in os.listdir(bureaus_dir) if n.endswith(".yaml"))
    for i, b in enumerate(names):
        path = os.path.join(bureaus_dir, b + ".yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if i == 0:
            text = text.replace("level: county", "level: province")
        elif i % 10 == 1:
            text = text.replace("level: county", "level: city") + f"parent: {names[0]}\n"
        else:
            text += f"parent: {names[(i - 1) // 10 * 10 + 1]}\n"
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def page_type(rel):
    """The kind of page an output path is (content-format §7), for --page-sizes."""
    parts = rel.split("/")
    if len(parts) < 2:
        return "root"
    tail = parts[1:-1]
    if not tail:
        return "home" if parts[-1] == "index.html" else "not found"
    kind = tail[0]
    if kind == "bureaus":
        return "bureau index" if len(tail) == 1 else "bureau/region"
    if kind == "indicators":
        return ("indicator index" if len(tail) == 1 else
                "indicator" if len(tail) == 2 else "indicator table")
    return {"reports": "report", "compare": "compare", "pages": "page"}.get(kind, kind)


def page_sizes(out, parents_of):
    """Median and largest HTML page per page type (regions: bureau pages with children)."""
    by_type = {}
    for d, _, fs in os.walk(out):
        for f in fs:
            if not f.endswith(".html"):
                continue
            path = os.path.join(d, f)
            rel = os.path.relpath(path, out).replace(os.sep, "/")
            t = page_type(rel)
            parts = rel.split("/")
            if t == "bureau/region":
                t = "region" if parts[2] in parents_of else "bureau"
            by_type.setdefault(t, []).append((os.path.getsize(path), rel))
    rows = []
    everything = [x for v in by_type.values() for x in v]
    for t, sizes in sorted(by_type.items()) + [("all pages", everything)]:
        sizes.sort()
        rows.append((t, len(sizes), statistics.median(s for s, _ in sizes) / 1024,
                     sizes[-1][0] / 1024, sizes[-1][1]))
    return rows


def parents_in(site):
    """The ids of bureaus that some bureau names as its parent."""
    found = set()
    folder = os.path.join(site, "content", "bureaus")
    for n in os.listdir(folder):
        with open(os.path.join(folder, n), encoding="utf-8") as f:
            for line in f:
                if line.startswith("parent:"):
                    found.add(line.split(":", 1)[1].strip())
    return found


def timed(cmd, cwd):
    """Runs cmd; returns (wall s, cpu s, peak RSS MiB) from the kernel's accounting."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    err = proc.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def fmt(values, unit):
    return f"{statistics.median(values):.2f} {unit}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2k,20k", help="comma-separated: 2k, 20k, 120k")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--nianbao", default=os.path.join(ROOT, "build", "nianbao"))
    ap.add_argument("--hugo", default="hugo")
    ap.add_argument("--no-hugo", action="store_true")
    ap.add_argument("--parents", action="store_true", help="bureaus in a three-level tree")
    ap.add_argument("--page-sizes", action="store_true",
                    help="print the median and largest page of each page type")
    ap.add_argument("--work", default="/dev/shm/nianbao-bench" if os.path.isdir("/dev/shm")
                    else os.path.join("/tmp", "nianbao-bench"))
    a = ap.parse_args()
    nianbao = os.path.abspath(a.nianbao)
    if not os.access(nianbao, os.X_OK):
        sys.exit(f"bench: no nianbao binary at {nianbao} (run scripts/setup.sh)")
    hugo = None if a.no_hugo else shutil.which(a.hugo)
    if not a.no_hugo and not hugo:
        sys.exit("bench: hugo not found (apt-get install hugo), or pass --no-hugo")
    os.makedirs(a.work, exist_ok=True)
    rows = []
    for size in a.sizes.split(","):
        if size not in SIZES:
            sys.exit(f"bench: unknown size {size}: use {', '.join(SIZES)}")
        c = corpus(a.work, size, a.parents)
        site, out = os.path.join(c, "nianbao"), os.path.join(a.work, f"out-{size}-nianbao")
        hsite, hout = os.path.join(c, "hugo"), os.path.join(a.work, f"out-{size}-hugo")
        n, h = [], []
        for run in range(a.runs):
            shutil.rmtree(out, ignore_errors=True)
            n.append(timed([nianbao, "build", "--quiet", "--site", site, "--out", out], c))
            if hugo:
                shutil.rmtree(hout, ignore_errors=True)
                h.append(timed([hugo, "--quiet", "-s", hsite, "-d", hout], c))
            print(f"bench: {size} run {run + 1}: nianbao {n[-1][0]:.2f} s"
                  + (f", hugo {h[-1][0]:.2f} s" if hugo else ""), flush=True)
        pages = sum(1 for _, _, fs in os.walk(out) for f in fs if f.endswith(".html"))
        size_mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
        row = [size, str(pages), f"{size_mb / 2**20:.0f} MiB", fmt([x[0] for x in n], "s"),
               fmt([x[1] for x in n], "s"), fmt([x[2] for x in n], "MiB")]
        if hugo:
            ratios = [hh[0] / nn[0] for nn, hh in zip(n, h)]
            row += [fmt([x[0] for x in h], "s"), fmt([x[1] for x in h], "s"),
                    fmt([x[2] for x in h], "MiB"), f"{statistics.median(ratios):.2f}×"]
        rows.append(row)
        if a.page_sizes:
            print(f"\n{size}{' with parents' if a.parents else ''}: page sizes (KiB)")
            print("| page type | pages | median | largest | largest page |")
            print("| --- | --- | --- | --- | --- |")
            for t, count, median, largest, where in page_sizes(out, parents_in(site)):
                print(f"| {t} | {count} | {median:.1f} | {largest:.1f} | {where} |")
    head = ["corpus", "pages", "output", "nianbao wall", "nianbao CPU", "nianbao peak"]
    if hugo:
        head += ["Hugo wall", "Hugo CPU", "Hugo peak", "Hugo/nianbao (wall)"]
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + " --- |" * len(head))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print(f"\n(median of {a.runs} runs; {os.cpu_count()} cores; outputs in {a.work})")


if __name__ == "__main__":
    main()
