#!/usr/bin/env python3
"""Kill `crm sync` at random points and prove a re-run loses nothing.

    sync_kill.py --crm build/crm [--rounds 50] [--seed 1] [--signal KILL|INT]

Each round: a bare remote and two clones (a, b) of a store. b changes some
fields of shared records and pushes; a makes local edits (adds, sets of other
fields of the same records, a removal) and runs `crm sync`, whose whole
process group (crm and the git it runs) is killed after a random delay within
the time an uninterrupted sync takes. Then `crm sync` runs again until it
exits 0 (at most 6 times). The round counts as

  lost   when an edit of a's or b's is missing from a's HEAD, or from the
         remote after a sync that exited 0,
  stuck  when sync never exits 0 (the remote is then behind, not robbed), or
         `crm check` is not silent afterwards,
  dirty  when git or crm left a lock, a temp or `.merge_file_*` file behind
         (in a, or a lock in the remote).

Prints one line per round and a summary; exit 1 when anything was lost,
stuck or dirty.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ENV_BASE = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.com",
    "CRM_TODAY": "2026-11-23", "CRM_NOW": "2026-11-23T09:00:00Z",
    "LC_ALL": "C.UTF-8", "TERM": "dumb", "CRM_LOCK_TIMEOUT": "5",
}


class Round:
    def __init__(self, crm, work):
        self.crm = crm
        self.work = work
        self.env = dict(os.environ, **ENV_BASE)
        self.env["HOME"] = work
        self.env["PATH"] = os.path.dirname(os.path.abspath(crm)) + ":" + os.environ.get("PATH", "/usr/bin:/bin")

    def sh(self, cmd, cwd=None, check=True):
        p = subprocess.run(cmd, shell=True, cwd=cwd or self.work, env=self.env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if check and p.returncode != 0:
            raise RuntimeError(f"{cmd}: exit {p.returncode}\n{p.stdout}")
        return p

    def crm_out(self, args, cwd):
        return self.sh(f"crm {args}", cwd=cwd).stdout.strip()


def setup(r, n_shared=6):
    r.sh("git init -q --bare remote.git && git -C remote.git symbolic-ref HEAD refs/heads/main")
    r.sh("crm init --git a >/dev/null 2>&1 && cd a && git checkout -q -b main && git remote add origin ../remote.git")
    a = os.path.join(r.work, "a")
    ids = []
    for i in range(n_shared):
        ids.append(r.crm_out(f"contact add --name 'Person {i}' --email p{i}@example.com", a))
    r.sh("crm sync >/dev/null 2>&1", cwd=a)
    r.sh("git clone -q remote.git b && cd b && crm git setup >/dev/null 2>&1")
    return ids


def make_edits(r, ids, rng):
    """b pushes title changes; a makes phone changes, adds and a removal. Returns what must hold."""
    a, b = os.path.join(r.work, "a"), os.path.join(r.work, "b")
    expect = []  # (id or name, field, value); value None: the record is gone
    for i, rid in enumerate(ids[:4]):
        r.sh(f"CRM_NOW=2026-11-24T09:00:0{i}Z crm contact set {rid} title=Title{i}", cwd=b)
        expect.append((rid, "title", f"Title{i}"))
    r.sh("crm contact add --name 'From B' >/dev/null && crm sync >/dev/null 2>&1", cwd=b)
    expect.append(("From B", "name", "From B"))
    for i, rid in enumerate(ids[:5]):
        r.sh(f"CRM_NOW=2026-11-25T09:00:0{i}Z crm contact set {rid} phone=0{i}{rng.randint(100, 999)}", cwd=a)
        phone = r.crm_out(f"contact show {rid} --fields phone --format tsv", a).split("\n")[-1].split("\t")[-1]
        expect.append((rid, "phone", phone))
        r.sh(f"git -C {a} commit -qam 'edit {i}' || true")  # several local commits to replay (autocommit makes them)
    for i in range(rng.randint(1, 4)):
        name = f"Local {i}"
        r.crm_out(f"contact add --name '{name}' --tag local", a)
        expect.append((name, "name", name))
    r.sh(f"crm contact rm {ids[5]} --yes", cwd=a)
    expect.append((ids[5], None, None))
    return expect


def records(r, tree_dir):
    """id -> {field: value} of the contacts in a checkout (plain YAML, top-level scalars)."""
    out = {}
    d = os.path.join(tree_dir, "contacts")
    for name in os.listdir(d) if os.path.isdir(d) else []:
        if not name.endswith(".yaml") or name.startswith("."):
            continue
        fields = {}
        with open(os.path.join(d, name), encoding="utf-8", errors="replace") as f:
            for line in f:
                if line[:1] not in (" ", "-") and ":" in line:
                    k, v = line.split(":", 1)
                    fields[k.strip()] = v.strip().strip('"')
        out[name[:-5]] = fields
    return out


def missing(expect, recs):
    by_name = {}
    for rid, fields in recs.items():
        by_name.setdefault(fields.get("name"), []).append(rid)
    lost = []
    for key, field, value in expect:
        if field is None:
            if key in recs:
                lost.append(f"{key} should be removed")
            continue
        if field == "name":
            n = len(by_name.get(value, []))
            if n != 1:
                lost.append(f"{value}: {n} records")
            continue
        if recs.get(key, {}).get(field) != value:
            lost.append(f"{key}.{field} = {recs.get(key, {}).get(field)!r}, want {value!r}")
    return lost


def leftovers(r):
    """Locks and temp files in a, and locks in the remote (a git-receive-pack killed with the sync's
    process group would leave refs/heads/main.lock there, refusing every later push)."""
    found = []
    for top in ("a", "remote.git"):
        d = os.path.join(r.work, top)
        for root, dirs, files in os.walk(d):
            dirs[:] = [x for x in dirs if x not in ("objects",)]
            for f in files:
                if f.endswith(".lock") or (top == "a" and (f.startswith(".merge_file_") or ".tmp-" in f)):
                    found.append(os.path.relpath(os.path.join(root, f), r.work))
    return found


def one_round(crm, rng, sig, budget, keep=False):
    work = tempfile.mkdtemp(prefix="crm-sync-kill-")
    failed = False
    try:
        r = Round(crm, work)
        ids = setup(r)
        expect = make_edits(r, ids, rng)
        a = os.path.join(work, "a")
        delay = rng.uniform(0, budget)
        p = subprocess.Popen([crm, "sync"], cwd=a, env=r.env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        killed = p.poll() is None
        if killed:
            try:
                os.killpg(p.pid, sig)
            except ProcessLookupError:
                killed = False
        p.wait()
        time.sleep(0.05)  # let the killed git children go
        codes = []
        log = []
        for _ in range(6):
            q = r.sh("crm sync", cwd=a, check=False)
            codes.append(q.returncode)
            log.append(q.stdout.strip())
            if q.returncode == 0:
                break
        stuck = codes[-1] != 0
        last = q.stdout.strip().splitlines()[-1:] if stuck else []
        check = r.sh("crm check", cwd=a, check=False)
        if check.returncode != 0 or check.stdout.strip():
            stuck = True
            last = check.stdout.strip().splitlines()[:2]
        clone = os.path.join(work, "verify")
        r.sh(f"git clone -q remote.git {clone}")
        lost = missing(expect, records(r, a))
        behind = [f"remote: {x}" for x in missing(expect, records(r, clone))]
        # A sync that never said "synced" has not put the edits on the remote
        # yet: that is a stuck sync (its message says why), not a lost edit. A
        # remote without them after a sync that exited 0 is a loss.
        if stuck and behind and not lost:
            last = last + [f"(remote behind: {len(behind)} edits)"]
        else:
            lost += behind
        dirty = leftovers(r)
        if lost or stuck or dirty:
            state = r.sh("cat .crm/state/sync 2>/dev/null; git status | head -5", cwd=a, check=False).stdout
            log.append("state after: " + state)
            failed = True
            if keep:
                log.append("kept: " + work)
        return dict(delay=delay, killed=killed, codes=codes, lost=lost, stuck=stuck, dirty=dirty, last=last, log=log)
    finally:
        if not (keep and failed):
            shutil.rmtree(work, ignore_errors=True)


def measure(crm, rng):
    work = tempfile.mkdtemp(prefix="crm-sync-kill-")
    try:
        r = Round(crm, work)
        ids = setup(r)
        make_edits(r, ids, rng)
        t = time.monotonic()
        r.sh("crm sync", cwd=os.path.join(work, "a"), check=False)
        return time.monotonic() - t
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--crm", required=True)
    ap.add_argument("--rounds", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--signal", default="KILL", choices=["KILL", "INT", "TERM"])
    ap.add_argument("--keep", action="store_true", help="keep the folders of a failing round (printed with -v)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print what the re-runs said when a round fails")
    args = ap.parse_args()
    crm = os.path.abspath(args.crm)
    rng = random.Random(args.seed)
    sig = getattr(signal, "SIG" + args.signal)
    budget = measure(crm, rng) * 1.1
    print(f"uninterrupted sync: {budget / 1.1 * 1000:.0f} ms; killing with SIG{args.signal} within it")
    totals = dict(rounds=0, killed=0, lost=0, stuck=0, dirty=0)
    for i in range(args.rounds):
        res = one_round(crm, rng, sig, budget, args.keep)
        totals["rounds"] += 1
        totals["killed"] += res["killed"]
        totals["lost"] += bool(res["lost"])
        totals["stuck"] += res["stuck"]
        totals["dirty"] += bool(res["dirty"])
        status = "ok"
        if res["lost"] or res["stuck"] or res["dirty"]:
            status = "LOST " + "; ".join(res["lost"][:3]) if res["lost"] else ("STUCK " + " ".join(res["last"]) if res["stuck"] else "DIRTY " + " ".join(res["dirty"][:3]))
        print(f"round {i + 1:2}: kill at {res['delay'] * 1000:4.0f} ms{'' if res['killed'] else ' (sync had ended)'}, "
              f"re-runs {res['codes']}: {status}", flush=True)
        if status != "ok" and args.verbose:
            for entry in res["log"]:
                print("    " + entry.replace("\n", "\n    "))
    print(f"{totals['rounds']} rounds, {totals['killed']} killed mid-sync: {totals['lost']} lost edits, "
          f"{totals['stuck']} stuck, {totals['dirty']} left files behind")
    return 1 if totals["lost"] or totals["stuck"] or totals["dirty"] else 0


if __name__ == "__main__":
    sys.exit(main())
