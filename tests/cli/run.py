#!/usr/bin/env python3
"""Golden CLI tests for crm, in the cram format.

A test file (tests/cli/cases/*.t) is prose plus indented blocks:

    Adding a contact prints its id:

      $ crm contact add --name Ada
      [a-z0-9]{16} (re)
      $ crm contact show nobody
      crm: error: no contact matches "nobody"
      [1]

`  $ ` starts a command (`  > ` continues it), the indented lines after it are
its expected output (stdout and stderr together), `  [N]` its exit code when
not 0. A line ending in ` (re)` is a regular expression for the whole line.
All commands of a file run in one bash, in a fresh temporary directory, with
a fixed clock (CRM_TODAY, CRM_NOW) and `crm` on the PATH. $TESTDIR is the
folder of the test file; $STORES the folder of fixture stores.

    run.py --crm build/crm tests/cli/cases/x.t [--update]
"""
import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

MARK = "@@CRM-TEST-EXIT@@"


def parse(path):
    """Returns the lines of the file and the commands: (index of the command's
    first line, index after its expected block, command text, expected lines)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    commands = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("  $ "):
            start = i
            cmd = [line[4:]]
            i += 1
            while i < len(lines) and lines[i].startswith("  > "):
                cmd.append(lines[i][4:])
                i += 1
            expected = []
            while i < len(lines) and lines[i].startswith("  ") and not lines[i].startswith("  $ "):
                expected.append(lines[i][2:])
                i += 1
            commands.append((start, i, "\n".join(cmd), expected))
        else:
            i += 1
    return lines, commands


def run(crm, path, commands):
    script = ["exec 2>&1", "cd \"$CRM_TEST_WORK\""]
    for _, _, cmd, _ in commands:
        script.append(cmd)
        script.append(f"printf '\\n{MARK} %s\\n' \"$?\"")
    work = tempfile.mkdtemp(prefix="crm-cli-")
    try:
        env = {
            "PATH": os.path.dirname(os.path.abspath(crm)) + ":/usr/local/bin:/usr/bin:/bin",
            "HOME": work,
            "LC_ALL": "C.UTF-8",
            "TERM": "dumb",
            "TZ": "UTC",  # never the machine's zone; tests of zones set their own
            "CRM_TODAY": "2026-11-23",
            "CRM_NOW": "2026-11-23T09:00:00Z",
            "CRM_LOCK_TIMEOUT": "2",
            "TESTDIR": os.path.dirname(os.path.abspath(path)),
            "STORES": os.path.join(os.path.dirname(os.path.abspath(__file__)), "stores"),
            "CRM_TEST_WORK": work,
            "PYTHON": "/usr/bin/python3",
        }
        os.makedirs(os.path.join(work, "tmp"))
        env["TMPDIR"] = os.path.join(work, "tmp")
        # The script is a file, so commands that read stdin get /dev/null, not the script.
        script_path = os.path.join(work, "tmp", "test.sh")
        with open(script_path, "w", encoding="utf-8") as f:
            f.write("\n".join(script) + "\n")
        proc = subprocess.run(["bash", "--norc", "--noprofile", script_path], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                              timeout=float(os.environ.get("CRM_TEST_TIMEOUT", "300")))
        out = proc.stdout.decode("utf-8", errors="backslashreplace")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results = []
    # Split at markers: each command's output is followed by "\n@@MARK@@ code\n".
    pos = 0
    for _ in commands:
        idx = out.find(f"\n{MARK} ", pos)
        if idx < 0:
            results.append((out[pos:].split("\n"), "missing"))
            pos = len(out)
            continue
        body = out[pos:idx]
        if body.endswith("\n"):
            body = body[:-1]
        end = out.find("\n", idx + 1 + len(MARK) + 1)
        code = out[idx + len(MARK) + 2:end]
        lines = body.split("\n") if body else []
        if code != "0":
            lines.append(f"[{code}]")
        results.append((lines, code))
        pos = end + 1
    return results


def matches(expected, actual):
    if len(expected) != len(actual):
        return False
    for e, a in zip(expected, actual):
        if e == a:
            continue
        if e.endswith(" (re)"):
            try:
                if re.fullmatch(e[:-5], a):
                    continue
            except re.error:
                pass
        return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--crm", required=True)
    ap.add_argument("--update", action="store_true", help="rewrite the expected output with the actual")
    ap.add_argument("tests", nargs="+")
    args = ap.parse_args()
    failed = 0
    passed = 0
    for path in args.tests:
        lines, commands = parse(path)
        if not commands:
            print(f"{path}: no commands", file=sys.stderr)
            failed += 1
            continue
        results = run(args.crm, path, commands)
        new_lines = list(lines)
        ok = True
        # Walk backwards so replacements keep earlier indices valid.
        for (start, end, cmd, expected), (actual, code) in reversed(list(zip(commands, results))):
            if matches(expected, actual):
                continue
            ok = False
            diff = difflib.unified_diff(expected, actual, "expected", "actual", lineterm="")
            print(f"{path}:{start + 1}: $ {cmd}")
            print("\n".join(diff))
            merged = [expected[i] if (i < len(expected) and matches([expected[i]], [a])) else a
                      for i, a in enumerate(actual)]
            cmd_lines = end - start - len(expected)
            new_lines[start + cmd_lines:end] = ["  " + l if l else "  " for l in merged]
        if ok:
            passed += 1
        else:
            failed += 1
            if args.update:
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n".join(new_lines))
                print(f"{path}: updated")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
