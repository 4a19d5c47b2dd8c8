#!/usr/bin/env python3
"""Drives crm on a real pseudo-terminal and checks what a person sees.

    pty_check.py --crm build/crm --store tests/cli/stores/terminal

On a terminal (no COLUMNS: the width comes from the terminal itself, by
TIOCGWINSZ) tables fit the width, colour means something (overdue red, due
today yellow, won green, lost dimmed) and NO_COLOR turns it off; an empty
result says so. Piped, the same commands print no colour, cut nothing and say
nothing about an empty result.
"""
import argparse
import fcntl
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import unicodedata

ANSI = re.compile(r"\x1b\[[0-9;]*m")
failures = []


def check(what, ok):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def width(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in ANSI.sub("", line))


def on_pty(crm, args, cwd, columns, extra_env=None):
    """Runs crm with stdout on a pty of `columns` columns; returns its output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.ONLCR  # the bytes crm wrote, no CR added
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    env = base_env()
    env.update(extra_env or {})
    proc = subprocess.Popen([crm] + args, cwd=cwd, stdin=subprocess.DEVNULL, stdout=slave,
                            stderr=subprocess.PIPE, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(master)
    return out.decode("utf-8")


def piped(crm, args, cwd, extra_env=None):
    env = base_env()
    env.update(extra_env or {})
    return subprocess.run([crm] + args, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, env=env,
                          timeout=60).stdout.decode("utf-8")


def base_env():
    return {"PATH": "/usr/bin:/bin", "HOME": tempfile.gettempdir(), "LC_ALL": "C.UTF-8", "TERM": "xterm",
            "TZ": "UTC", "CRM_TODAY": "2026-11-23", "CRM_NOW": "2026-11-23T09:00:00Z"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--crm", required=True)
    ap.add_argument("--store", required=True)
    a = ap.parse_args()
    crm = os.path.abspath(a.crm)
    work = tempfile.mkdtemp(prefix="crm-pty-")
    try:
        store = os.path.join(work, "s")
        shutil.copytree(a.store, store)

        tasks = on_pty(crm, ["task", "list"], store, 80)
        lines = [l for l in tasks.split("\n") if l]
        check("80 columns: no task line is wider than the terminal", all(width(l) <= 80 for l in lines))
        check("80 columns: a long title shrinks with …", "…" in tasks)
        overdue = [l for l in lines if "taaa" in ANSI.sub("", l)]
        check("overdue in red", bool(overdue) and "\x1b[31m2026-11-20" in overdue[0])
        check("urgent priority marked", bool(overdue) and "\x1b[31murgent" in overdue[0])
        today = [l for l in lines if "tbbb" in ANSI.sub("", l)]
        check("due today in yellow", bool(today) and "\x1b[33m2026-11-23 15:00" in today[0])
        check("high priority marked", bool(today) and "\x1b[1mhigh" in today[0])
        check("the header is bold", lines[0].startswith("\x1b[1mID"))

        wide = on_pty(crm, ["task", "list"], store, 200)
        check("200 columns: nothing is cut", "…" not in wide and
              "Send the revised quote for the difference engine with the printing apparatus" in ANSI.sub("", wide))

        deals = on_pty(crm, ["deal", "list", "--all"], store, 200)
        won = [l for l in deals.split("\n") if "Compiler licences" in l]
        lost = [l for l in deals.split("\n") if "Punched cards" in l]
        check("won in green", bool(won) and "\x1b[32m" in won[0])
        check("lost dimmed", bool(lost) and "\x1b[2m" in lost[0])

        report = on_pty(crm, ["report", "overdue"], store, 200)
        check("the overdue report in red", "\x1b[31mtaaa000000000001" in report)

        plain = on_pty(crm, ["task", "list"], store, 80, {"NO_COLOR": "1"})
        check("NO_COLOR: no escape sequence", "\x1b[" not in plain)
        check("NO_COLOR: still fitted", all(width(l) <= 80 for l in plain.split("\n")))

        empty = on_pty(crm, ["contact", "list", "+vipp"], store, 80)
        check("an empty result says so on a terminal", ANSI.sub("", empty).strip() == "no contacts match +vipp")
        hidden = on_pty(crm, ["deal", "list", "name~compiler"], store, 80)
        check("…and says what --all would show",
              ANSI.sub("", hidden).strip() == "no open deals match name~compiler (1 hidden: --all shows them)")

        agenda = on_pty(crm, ["agenda", "--owner", "nobody"], store, 80)
        check("an empty agenda says so", ANSI.sub("", agenda).strip() == "nothing due in the next 7 days")
        check("piped: an empty agenda prints nothing", piped(crm, ["agenda", "--owner", "nobody"], store) == "")
        check("piped: an empty result prints nothing", piped(crm, ["contact", "list", "+vipp"], store) == "")
        # A ticket that breached its first response: red; a solved one dimmed.
        run = lambda args, now: subprocess.run([crm] + args, cwd=store, env={**base_env(), "CRM_NOW": now},
                                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
        run(["config", "set", "sla", "[{name: std, first_response: 1h, resolution: 8h}]"], "2026-11-20T09:00:00Z")
        run(["ticket", "add", "--subject", "Printer on fire", "--priority", "urgent"], "2026-11-20T09:00:00Z")
        run(["ticket", "add", "--subject", "Old question"], "2026-11-20T09:00:00Z")
        run(["ticket", "solve", "Old question"], "2026-11-20T09:30:00Z")
        tickets = on_pty(crm, ["ticket", "list"], store, 200)
        fire = [l for l in tickets.split("\n") if "Printer on fire" in l]
        old = [l for l in tickets.split("\n") if "Old question" in l]
        check("a breached ticket in red", bool(fire) and "\x1b[31mPrinter on fire" in fire[0])
        check("a solved ticket dimmed", bool(old) and "\x1b[2m" in old[0])
        out = piped(crm, ["task", "list"], store)
        check("piped: no colour", "\x1b[" not in out)
        check("piped: nothing cut", "…" not in out)
        check("COLUMNS wins over the terminal", all(
            width(l) <= 60 for l in on_pty(crm, ["task", "list"], store, 200, {"COLUMNS": "60"}).split("\n")))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failed")
        return 1
    print("all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
