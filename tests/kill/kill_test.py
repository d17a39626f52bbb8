#!/usr/bin/env python3
"""Kill test (issue: never lose a user's files): builds a 2k-report synthetic site, then
starts 20 more builds of a changed version and kills each (SIGKILL) at a random moment.
After every kill the output folder must hold exactly the old site or the new one, at most
one staging folder may be left, and the next build must clean it up.

  tests/kill/kill_test.py build/nianbao [--trials 20] [--seed 1]
"""
import argparse, hashlib, os, random, shutil, signal, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.abspath(os.path.join(HERE, "..", "..", "..", "shared", "bench", "gen_corpus.py"))


def tree_digest(root):
    h = hashlib.sha256()
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            h.update(os.path.relpath(p, root).encode() + b"\0")
            with open(p, "rb") as fh:
                h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()


def staging_folders(parent, name):
    return [e for e in os.listdir(parent) if e.startswith("." + name + ".new-")]


def build(binary, site, out):
    r = subprocess.run([binary, "build", "--quiet", "--site", site, "--out", out],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"kill test: build failed:\n{r.stderr}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bureaus", type=int, default=100)
    a = ap.parse_args()
    if not os.path.isfile(GEN):
        sys.exit(f"kill test: {GEN} not found")
    base = "/dev/shm" if os.path.isdir("/dev/shm") else None
    work = tempfile.mkdtemp(prefix="nianbao-kill-", dir=base)
    try:
        subprocess.run([sys.executable, GEN, "--bureaus", str(a.bureaus), "--years", "10",
                        "--out", work], check=True, stdout=subprocess.DEVNULL)
        site = os.path.join(work, "nianbao")
        out = os.path.join(work, "public")
        binary = os.path.abspath(a.binary)

        start = time.monotonic()
        build(binary, site, out)
        full = time.monotonic() - start
        old = tree_digest(out)
        # The new version: one narrative and one figure changed.
        narrative = os.path.join(site, "content", "reports", "bureau-0000", "2023", "report.zh.md")
        with open(narrative, "a", encoding="utf-8") as f:
            f.write("\n新增的一段。\n")
        build(binary, site, os.path.join(work, "expected"))
        new = tree_digest(os.path.join(work, "expected"))
        shutil.rmtree(os.path.join(work, "expected"))
        assert old != new

        rng = random.Random(a.seed)
        seen = {"old": 0, "new": 0}
        for trial in range(a.trials):
            delay = rng.uniform(0, full * 1.2)
            proc = subprocess.Popen([binary, "build", "--quiet", "--site", site, "--out", out],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            digest = tree_digest(out)
            state = "old" if digest == old else "new" if digest == new else None
            if state is None:
                sys.exit(f"kill test: trial {trial} (killed after {delay:.3f} s): the output "
                         "folder is neither the old site nor the new one")
            seen[state] += 1
            left = staging_folders(work, "public")
            if len(left) > 1:
                sys.exit(f"kill test: trial {trial}: staging folders pile up: {left}")
            print(f"kill test: trial {trial}: killed after {delay:.3f} s: {state} site, "
                  f"{len(left)} staging folder(s) left", flush=True)
            if state == "new":  # go back to the old version for the next trial
                with open(narrative, encoding="utf-8") as f:
                    text = f.read()
                with open(narrative, "w", encoding="utf-8") as f:
                    f.write(text.replace("\n新增的一段。\n", ""))
                build(binary, site, out)
                if tree_digest(out) != old:
                    sys.exit("kill test: rebuilding the old version gave other bytes")
                with open(narrative, "a", encoding="utf-8") as f:
                    f.write("\n新增的一段。\n")
        build(binary, site, out)
        if tree_digest(out) != new or staging_folders(work, "public"):
            sys.exit("kill test: a build after the kills did not give the new site cleanly")
        print(f"kill test: {a.trials} kills: {seen['old']} left the old site, {seen['new']} the "
              f"new one; never anything else; staging folders cleaned (full build {full:.2f} s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
