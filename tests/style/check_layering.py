#!/usr/bin/env python3
"""Checks that lib/crm follows the layering ARCHITECTURE.md states.

    python3 tests/style/check_layering.py ROOT

ARCHITECTURE.md holds, between the lines `<!-- layering -->` and
`<!-- /layering -->`, a fenced block of lines `a, b → c, d`: modules a and b
may include c and d, and whatever c and d may include (transitively). A line
without an arrow lists leaves. This script fails when

  * a module of lib/crm includes a crm header its line does not allow,
  * a module of lib/crm is missing from the diagram (or the diagram names a
    module that does not exist),
  * lib/ includes CLI11 or talks to the terminal (std::cout, std::cerr,
    printf, puts, stdout, stderr, isatty): only cmd/ may.
"""
import os
import re
import sys


def parse_diagram(text):
    m = re.search(r"<!-- layering -->(.*?)<!-- /layering -->", text, re.S)
    if not m:
        sys.exit("ARCHITECTURE.md: no <!-- layering --> block")
    deps = {}
    for raw in m.group(1).splitlines():
        line = raw.split("(")[0].strip()
        if not line or line.startswith("```"):
            continue
        if "→" in line:
            left, right = line.split("→", 1)
            targets = [t.strip() for t in right.split(",") if t.strip()]
        else:
            left, targets = line, []
        for mod in (t.strip() for t in left.split(",")):
            if mod:
                deps.setdefault(mod, set()).update(targets)
    return deps


def closure(deps, mod, seen=None):
    seen = set() if seen is None else seen
    for d in deps.get(mod, ()):
        if d not in seen:
            seen.add(d)
            closure(deps, d, seen)
    return seen


TERMINAL = re.compile(r"\b(std::cout|std::cerr|printf\s*\(|puts\s*\(|stdout|stderr|isatty)\b")
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]')


def strip_comments(line):
    line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
    return line.split("//")[0]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    with open(os.path.join(root, "ARCHITECTURE.md"), encoding="utf-8") as f:
        deps = parse_diagram(f.read())
    lib = os.path.join(root, "lib", "crm")
    problems = []
    modules = set()
    for name in sorted(os.listdir(lib)):
        base, ext = os.path.splitext(name)
        if ext not in (".cpp", ".hpp"):
            continue
        modules.add(base)
        if base not in deps:
            problems.append(f"lib/crm/{name}: module {base} is not in ARCHITECTURE.md's layering diagram")
            continue
        allowed = closure(deps, base) | {base}
        with open(os.path.join(lib, name), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                inc = INCLUDE.match(line)
                if inc:
                    target = inc.group(1)
                    if target.startswith("CLI/"):
                        problems.append(f"lib/crm/{name}:{n}: includes CLI11 (only cmd/ may)")
                    elif target.startswith("crm/"):
                        mod = os.path.splitext(target[4:])[0]
                        if mod not in allowed:
                            problems.append(f"lib/crm/{name}:{n}: {base} includes {mod}, "
                                            f"which ARCHITECTURE.md does not let it depend on")
                    continue
                code = strip_comments(line)
                if TERMINAL.search(code):
                    problems.append(f"lib/crm/{name}:{n}: talks to the terminal (only cmd/ may): {line.strip()}")
    for mod in sorted(set(deps) - modules):
        problems.append(f"ARCHITECTURE.md: the layering diagram names {mod}, which is not a module of lib/crm")
    for p in problems:
        print(p)
    print(f"{len(modules)} modules checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
