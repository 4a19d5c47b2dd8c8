#!/usr/bin/env python3
"""Checks that the man pages document every option crm's --help lists.

    python3 tests/man/check_man.py --crm PATH_TO_CRM --man PATH_TO_MAN_DIR

Walks the command tree from `crm --help`, following the Subcommands section
of each CLI11 help text (`crm NOUN --help`, `crm NOUN VERB --help`, ...), and
collects every option each command lists (`--long` and `-s`). Each option must
appear in the man page of its command:

  * crm.1 for the global options;
  * crm-X.1 for a top-level command X without subcommands (log, agenda,
    report, check, init, help) when that page exists in the man directory,
    else crm.1;
  * crm-NOUN.1 for a command with subcommands and everything below it.
    When that page has a `.SS` subsection for the verb (`.SS add` or
    `.SS "crm contact add"`), the verb's options must appear in it;
    -h/--help may appear anywhere in the page.

crm.1 must also refer to every other page of the man directory, as
`crm-X(1)` (`.BR crm\\-X (1)` or `\\fBcrm\\-X\\fP(1)`), so that each page can be
found from the main one.

Roff escapes are normalised before searching (`\\-` is `-`, font changes and
zero-width escapes are dropped, comments ignored).

When groff is installed, every page in the man directory must also render
with `groff -man -Tutf8 -ww -z` and print no warnings.

Exit status: 0 when all is well; 1 when an option is missing, a page does
not render cleanly, crm.1 does not refer to a page, or a subcommand's --help
fails; 2 when `crm --help` cannot be run or parsed.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HELP_OPTIONS = {"-h", "--help"}
MAX_DEPTH = 6

# An option entry: "  -h,--help   ...", "  --color WHEN:{...}", "  -h,     --help".
OPTION_ENTRY = re.compile(r"^ {1,4}(-{1,2}[A-Za-z0-9][\w-]*(?:,\s*-{1,2}[A-Za-z0-9][\w-]*)*)")
SUBCOMMAND_ENTRY = re.compile(r"^ {1,4}([A-Za-z][\w-]*)(?:\s|$)")
SECTION_HEADER = re.compile(r"^([A-Za-z][A-Za-z ]*):\s*$")


class HelpError(Exception):
    pass


def run_help(crm, path, workdir):
    """The --help text of `crm PATH...`."""
    argv = [crm] + list(path) + ["--help"]
    shown = " ".join(["crm"] + list(path) + ["--help"])
    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    try:
        proc = subprocess.run(argv, cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise HelpError("cannot run %s: %s" % (shown, e))
    text = proc.stdout.decode("utf-8", "replace")
    if proc.returncode != 0 or "Usage:" not in text and "USAGE:" not in text:
        raise HelpError("`%s` exited %d without a help text: %s" % (
            shown, proc.returncode, proc.stderr.decode("utf-8", "replace").strip()))
    return text


def parse_help(text):
    """(options, subcommands) of one CLI11 help text."""
    options, subcommands = [], []
    section = None
    for line in text.splitlines():
        if not line.strip():
            continue
        header = SECTION_HEADER.match(line)
        if header:
            section = header.group(1).strip().lower()
            continue
        if not line.startswith(" "):
            section = None  # the description, the usage line or the footer
            continue
        if section == "options":
            m = OPTION_ENTRY.match(line)
            if m:
                for name in re.split(r",\s*", m.group(1)):
                    if name not in options:
                        options.append(name)
        elif section == "subcommands":
            m = SUBCOMMAND_ENTRY.match(line)
            if m and m.group(1) not in subcommands:
                subcommands.append(m.group(1))
    return options, subcommands


HELP_TEXTS = {}


def check_examples(commands):
    """Every command a user runs (no subcommands of its own; not help) ends
    its --help with examples, and each example names commands that exist."""
    problems = []
    known = {path for path, _, _ in commands}
    for path, _, subs in commands:
        if not path or subs or path[0] in ("help", "merge-file"):
            continue
        text = HELP_TEXTS.get(path, "")
        shown = " ".join(("crm",) + path)
        if "Examples:" not in text:
            problems.append("%s --help: no Examples: section" % shown)
            continue
        for line in text.split("Examples:", 1)[1].splitlines():
            line = line.strip()
            if not line.startswith("crm "):
                continue
            words, i = line.split(), 1
            while i < len(words) and words[i].startswith("-"):
                i += 2 if words[i] in ("-C", "--format", "--color") else 1
            cmd = []
            for w in words[i:]:
                if tuple(cmd + [w]) in known:
                    cmd.append(w)
                else:
                    break
            if not cmd:
                problems.append("%s --help: the example `%s` names no command" % (shown, line))
    return problems


def walk(crm, workdir, man_dir):
    """([(path, options, subcommands)] for every command, depth first, and
    the problems met: a subcommand whose --help fails cannot be checked).
    Raises HelpError when `crm --help` itself fails."""
    commands, problems = [], []

    def visit(path):
        if len(path) > MAX_DEPTH:
            raise HelpError("command tree deeper than %d: %s" % (MAX_DEPTH, " ".join(path)))
        try:
            text = run_help(crm, path, workdir)
        except HelpError as e:
            if not path:
                raise
            # A failing command has no subcommands to tell: crm-X.1 when it is
            # below a noun or has a page of its own, as page_for decides.
            page = page_for(path, {path[0]: len(path) > 1}, man_dir)
            problems.append("%s: cannot check %s: %s" % (page, " ".join(["crm"] + path), e))
            return
        options, subs = parse_help(text)
        commands.append((tuple(path), options, subs))
        HELP_TEXTS[tuple(path)] = text
        for sub in subs:
            visit(path + [sub])

    visit([])
    return commands, problems


def normalise_roff(text):
    """The page's text with roff escapes reduced to plain characters."""
    out = []
    for line in text.splitlines():
        if line.startswith(('.\\"', "'\\\"")):
            continue
        line = re.sub(r'(?<!\\)\\".*$', "", line)           # trailing comment
        line = re.sub(r"\\f(\[[^\]]*\]|\(..|.)", "", line)  # font changes
        line = re.sub(r"\\[&%:c/,^|]", "", line)            # zero-width and spacing escapes
        line = line.replace("\\(hy", "-").replace("\\(mi", "-").replace("\\-", "-")
        out.append(line)
    return out


def mentions(lines, option):
    pattern = re.compile(r"(?<![\w-])" + re.escape(option) + r"(?![\w-])")
    return any(pattern.search(line) for line in lines)


def heading_words(line):
    text = line[3:].replace('"', " ")
    return text.split()


def section_of(lines, rel_path, noun):
    """The lines of the .SS subsection for rel_path (e.g. ["add"]), or None."""
    for i, line in enumerate(lines):
        if not line.startswith(".SS"):
            continue
        words = heading_words(line)
        if words and words[0] == "crm":
            words = words[1:]
        if words and words[0] == noun:
            words = words[1:]
        if words[:len(rel_path)] != list(rel_path):
            continue
        end = len(lines)
        for j in range(i + 1, len(lines)):
            if lines[j].startswith((".SS", ".SH")):
                end = j
                break
        return lines[i:end]
    return None


def page_for(path, top_has_subcommands, man_dir):
    """The page that must document the command `crm PATH...`.

    `crm` itself: crm.1. A top-level command with subcommands (a noun) and
    everything below it: crm-NOUN.1, whether or not it exists (a missing page
    is a problem). A top-level command without subcommands (log, agenda,
    report, check, init, help): crm-X.1 when the man directory has that page,
    else crm.1."""
    if not path:
        return "crm.1"
    own = "crm-%s.1" % path[0]
    if top_has_subcommands.get(path[0]):
        return own
    if os.path.isfile(os.path.join(man_dir, own)):
        return own
    return "crm.1"


def check_options(commands, man_dir):
    """(problems, number of options checked)."""
    problems = []
    checked = 0
    top_has_subs = {path[0]: bool(subs) for path, _, subs in commands if len(path) == 1}
    pages = {}
    missing_pages = set()
    for path, options, _ in commands:
        page = page_for(path, top_has_subs, man_dir)
        where = " ".join(("crm",) + path)
        if page not in pages:
            try:
                with open(os.path.join(man_dir, page), encoding="utf-8") as f:
                    pages[page] = normalise_roff(f.read())
            except OSError:
                pages[page] = None
        lines = pages[page]
        if lines is None:
            if page not in missing_pages:
                missing_pages.add(page)
                problems.append("%s: missing page (%s)" % (page, where))
            checked += len(options)
            continue
        section = None
        if page != "crm.1" and len(path) >= 2:
            section = section_of(lines, path[1:], path[0])
        for option in options:
            checked += 1
            if section is not None and option not in HELP_OPTIONS:
                if mentions(section, option):
                    continue
                if mentions(lines, option):
                    problems.append('%s: missing %s in section "%s" (%s)' % (
                        page, option, " ".join(path[1:]), where))
                    continue
            elif mentions(lines, option):
                continue
            problems.append("%s: missing %s (%s)" % (page, option, where))
    return problems, checked


def page_names(man_dir):
    return sorted(n for n in os.listdir(man_dir) if re.search(r"\.[1-9]$", n))


def check_see_also(man_dir):
    """Problems: the pages of man_dir that crm.1 does not refer to as NAME(S)."""
    try:
        with open(os.path.join(man_dir, "crm.1"), encoding="utf-8") as f:
            lines = normalise_roff(f.read())
    except OSError:
        return []  # reported by check_options as a missing page
    problems = []
    for name in page_names(man_dir):
        if name == "crm.1":
            continue
        title, section = name.rsplit(".", 1)
        ref = re.compile(r'(?<![\w-])"?' + re.escape(title) + r'"?\s*\(' + section + r"\)")
        if not any(ref.search(line) for line in lines):
            problems.append("crm.1: does not refer to %s(%s) (add it to SEE ALSO)" % (title, section))
    return problems


def check_rendering(man_dir):
    """(problems, pages rendered), or (None, 0) when groff is not installed."""
    groff = shutil.which("groff")
    if not groff:
        return None, 0
    problems = []
    names = page_names(man_dir)
    for name in names:
        proc = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", os.path.join(man_dir, name)],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=60)
        messages = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        for msg in messages:
            problems.append("%s: groff: %s" % (name, msg))
        if proc.returncode != 0 and not messages:
            problems.append("%s: groff exited %d" % (name, proc.returncode))
    return problems, len(names)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Check that the man pages document every option of crm.")
    ap.add_argument("--crm", required=True, help="the crm binary")
    ap.add_argument("--man", required=True, help="the directory with crm.1, crm-NOUN.1, ...")
    args = ap.parse_args(argv)

    crm = os.path.abspath(args.crm)
    man_dir = os.path.abspath(args.man)
    if not os.path.isdir(man_dir):
        print("check_man: %s is not a directory" % man_dir, file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="check_man.") as workdir:
        try:
            commands, walk_problems = walk(crm, workdir, man_dir)
        except HelpError as e:
            print("check_man: %s" % e, file=sys.stderr)
            return 2

    # A walk that finds nothing means the help format changed, not that all is documented.
    root_options, root_subs = commands[0][1], commands[0][2]
    if "--help" not in root_options or not root_subs:
        print("check_man: could not find the options and subcommands in `crm --help`; "
              "has the help format changed?", file=sys.stderr)
        return 2

    problems, checked = check_options(commands, man_dir)
    problems = walk_problems + problems + check_see_also(man_dir) + check_examples(commands)
    render_problems, rendered = check_rendering(man_dir)
    if render_problems is None:
        print("check_man: note: groff not found; not checking that the pages render cleanly")
        render_problems = []
    problems += render_problems

    for p in problems:
        print(p)
    if problems:
        print("check_man: %d problem%s" % (len(problems), "" if len(problems) == 1 else "s"), file=sys.stderr)
        return 1
    print("check_man: ok: %d options of %d commands documented%s" % (
        checked, len(commands),
        "; %d pages render without groff warnings" % rendered if rendered else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
