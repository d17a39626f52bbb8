#!/usr/bin/env python3
"""Builds one site with two nianbao binaries in turn (A B A B ...) and prints each one's
median wall and CPU time and peak memory, and the median of the pair-by-pair ratios B/A:
on a noisy machine the ratio of neighbouring runs is the figure to read.

  bench/compare.py --a old/nianbao --b build/nianbao --site /dev/shm/nianbao-bench/corpus-2k/nianbao
  bench/compare.py --a build/nianbao --b build/nianbao --b-args=-j1 --site content/..  # options

Every run builds into an empty folder on tmpfs (removed outside the timing). Exits 1 if
the two outputs differ, unless --differ-ok (a change that alters pages on purpose).
"""
import argparse, filecmp, os, shutil, statistics, sys

from run import timed  # bench/run.py: wall, CPU and peak memory of one run


def same_tree(x, y):
    cmp = filecmp.dircmp(x, y)
    if cmp.left_only or cmp.right_only or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(x, y, cmp.common_files, shallow=False)
    if mismatch or errors:
        return False
    return all(same_tree(os.path.join(x, d), os.path.join(y, d)) for d in cmp.common_dirs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", required=True, help="the first binary (the reference)")
    ap.add_argument("--b", required=True, help="the second binary")
    ap.add_argument("--a-args", default="", help="extra build options for A, space-separated")
    ap.add_argument("--b-args", default="", help="extra build options for B")
    ap.add_argument("--site", required=True)
    ap.add_argument("--pairs", type=int, default=10)
    ap.add_argument("--differ-ok", action="store_true")
    ap.add_argument("--work", default="/dev/shm" if os.path.isdir("/dev/shm") else "/tmp")
    a = ap.parse_args()
    outs = {k: os.path.join(a.work, f"nianbao-compare-{k}-{os.getpid()}") for k in "ab"}
    cmds = {
        "a": [os.path.abspath(a.a), "build", "--quiet", "--site", a.site, "--out", outs["a"]]
        + a.a_args.split(),
        "b": [os.path.abspath(a.b), "build", "--quiet", "--site", a.site, "--out", outs["b"]]
        + a.b_args.split(),
    }
    runs = {"a": [], "b": []}
    try:
        for k in "ab":  # warm-up: the page cache, and the outputs to compare
            shutil.rmtree(outs[k], ignore_errors=True)
            timed(cmds[k], None)
        identical = same_tree(outs["a"], outs["b"])
        for i in range(a.pairs):
            for k in ("ab" if i % 2 == 0 else "ba"):
                shutil.rmtree(outs[k], ignore_errors=True)
                runs[k].append(timed(cmds[k], None))
    finally:
        for k in "ab":
            shutil.rmtree(outs[k], ignore_errors=True)
    med = lambda xs: statistics.median(xs)
    print(f"{a.pairs} pairs, alternating; outputs {'identical' if identical else 'DIFFER'}")
    print("| | wall (median) | CPU (median) | peak memory |")
    print("| --- | --- | --- | --- |")
    for k, name in (("a", a.a + " " + a.a_args), ("b", a.b + " " + a.b_args)):
        r = runs[k]
        print(f"| {name.strip()} | {med([x[0] for x in r]):.3f} s | {med([x[1] for x in r]):.3f} s "
              f"| {med([x[2] for x in r]):.0f} MiB |")
    wall = [b[0] / x[0] for x, b in zip(runs["a"], runs["b"])]
    cpu = [b[1] / x[1] for x, b in zip(runs["a"], runs["b"])]
    print(f"B/A, pair by pair: wall median {med(wall):.3f} (min {min(wall):.3f}, max "
          f"{max(wall):.3f}); CPU median {med(cpu):.3f} (min {min(cpu):.3f}, max {max(cpu):.3f})")
    if not identical and not a.differ_ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
