#!/usr/bin/env python3
"""Measures edit-to-reload time of `nianbao serve` (docs/serve.md gives the figures).

    scripts/measure_reload.py build/nianbao /tmp/site-copy --runs 10

Starts the server on a free port, listens to its event stream like a page does, then edits
files of the site and times, from just before each write:
  * narrative edit: the SSE "reload" event naming the page, the new text being fetchable,
    and the end of the whole-site check that follows (read from the terminal output);
  * data.yaml edit (a partial rebuild, then a whole-site check): the "reload" event and the
    new page.
The site folder is edited in place and restored at the end: point it at a copy.
"""

import argparse
import http.client
import os
import queue
import re
import statistics
import subprocess
import sys
import threading
import time


def reader(stream, sink, parse):
    for raw in iter(stream.readline, b""):
        sink.put((time.monotonic(), parse(raw.decode("utf-8", "replace"))))


def events(port, sink):
    """Puts (time, name, data) for each SSE event."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/__nianbao/events")
    resp = conn.getresponse()
    name, data = None, ""
    for raw in iter(resp.readline, b""):
        line = raw.decode("utf-8").rstrip("\r\n")
        if line.startswith("event: "):
            name = line[7:]
        elif line.startswith("data: "):
            data = line[6:]
        elif line == "" and name:
            sink.put((time.monotonic(), name, data))
            name, data = None, ""


def wait_for(q, test, timeout=120):
    end = time.monotonic() + timeout
    while True:
        left = end - time.monotonic()
        if left <= 0:
            raise TimeoutError("no matching event")
        item = q.get(timeout=left)
        if test(item):
            return item


def cpu_seconds(pid):
    """User + system CPU time the server has used so far (Linux /proc)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fetch(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/" + path)
    body = conn.getresponse().read().decode("utf-8", "replace")
    conn.close()
    return body


def summary(label, values, unit="ms"):
    ms = sorted(v * 1000 for v in values)
    print(f"  {label:<44} median {statistics.median(ms):7.0f} {unit}   "
          f"min {ms[0]:7.0f}   max {ms[-1]:7.0f}   (n={len(ms)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("site", help="a site folder to edit (use a copy)")
    parser.add_argument("--narrative", help="report.<lang>.md to edit, relative to the site "
                        "(default: the first report found)")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    reports = os.path.join(args.site, "content", "reports")
    narrative = args.narrative
    if not narrative:
        for root, dirs, files in sorted(os.walk(reports)):
            dirs.sort()
            md = sorted(f for f in files if re.fullmatch(r"report\.[a-z]+\.md", f))
            if md and "data.yaml" in files:
                narrative = os.path.relpath(os.path.join(root, md[0]), args.site)
                break
    parts = narrative.split("/")  # content/reports/<bureau>/<edition>/report.<lang>.md
    lang = parts[4].split(".")[1]
    page = f"{lang}/reports/{parts[2]}/{parts[3]}/index.html"
    data = os.path.join(args.site, *parts[:4], "data.yaml")
    md_path = os.path.join(args.site, narrative)
    md_original = open(md_path, encoding="utf-8").read()
    data_original = open(data, encoding="utf-8").read()

    server = subprocess.Popen([args.binary, "serve", "--site", args.site, "--port", "0"],
                              stderr=subprocess.PIPE)
    log = queue.Queue()
    threading.Thread(target=reader, args=(server.stderr, log, str), daemon=True).start()
    try:
        _, line = wait_for(log, lambda item: " at http://" in item[1])
        print(line.strip())
        port = int(re.search(r":(\d+)/", line).group(1))
        sse = queue.Queue()
        threading.Thread(target=events, args=(port, sse), daemon=True).start()
        wait_for(sse, lambda e: e[1] == "hello")

        def names_page(e):
            return e[1] == "reload" and (f'"{page}"' in e[2] or '"all":true' in e[2])

        to_event, to_page, to_check, cpu = [], [], [], []
        for i in range(args.runs):
            marker = f"Measured edit number {i}."
            while not log.empty():
                log.get()
            start, cpu_start = time.monotonic(), cpu_seconds(server.pid)
            with open(md_path, "w", encoding="utf-8") as f:
                f.write(md_original + f"\n{marker}\n")
            t_event, _, _ = wait_for(sse, names_page)
            body = fetch(port, page)
            t_page = time.monotonic()
            if marker not in body:
                sys.exit(f"the page does not show the edit after the reload event: {page}")
            t_check, _ = wait_for(log, lambda item: "whole-site check" in item[1]
                                  or "built " in item[1])
            to_event.append(t_event - start)
            to_page.append(t_page - start)
            to_check.append(t_check - start)
            cpu.append(cpu_seconds(server.pid) - cpu_start)

        data_event, data_page, data_cpu = [], [], []
        value = re.compile(r"^(\s+[a-z0-9_]+:\s*)(\d+)\s*$", re.M)
        for i in range(args.runs):
            match = value.search(data_original)
            new_number = int(match.group(2)) + 1 + i
            edited = data_original[:match.start(2)] + str(new_number) + data_original[match.end(2):]
            while not sse.empty():
                sse.get()
            start, cpu_start = time.monotonic(), cpu_seconds(server.pid)
            with open(data, "w", encoding="utf-8") as f:
                f.write(edited)
            t_event, _, _ = wait_for(sse, names_page)
            fetch(port, page)
            data_event.append(t_event - start)
            data_page.append(time.monotonic() - start)
            data_cpu.append(cpu_seconds(server.pid) - cpu_start)
            time.sleep(0.2)

        print(f"narrative edit ({narrative} -> {page}):")
        summary("write -> SSE reload event", to_event)
        summary("write -> new page fetched", to_page)
        summary("write -> whole-site check done", to_check)
        summary("server CPU time, edit and check", cpu, "ms CPU")
        print(f"data.yaml edit (its bureau, home, changed indicators, open data):")
        summary("write -> SSE reload event", data_event)
        summary("write -> new page fetched", data_page)
        summary("server CPU time", data_cpu, "ms CPU")
        load = open("/proc/loadavg").read().split()[:3]
        print(f"load average at the end: {' '.join(load)} on {os.cpu_count()} CPUs")
    finally:
        with open(md_path, "w", encoding="utf-8") as f:
            f.write(md_original)
        with open(data, "w", encoding="utf-8") as f:
            f.write(data_original)
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
