#!/usr/bin/env python3
"""crm serve, driven over HTTP on loopback: starts it on a free port
(--listen 127.0.0.1:0, the port read from its stderr), posts forms with and
without the token, checks the lead exists, the limits (413, 429), the
dashboard, that SIGTERM stops it cleanly (exit 0), and what an adversary
tries: a chunked flood, another Host, a repeated token, half-sent requests.

    serve_check.py --crm build/crm
"""
import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

failures = []


def check(what, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + what + ("" if ok else ": " + detail))
    if not ok:
        failures.append(what)


def request(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()
    except OSError as e:  # no answer in time, or the connection dropped
        return None, {}, str(e)


def start(crm, store, env, listen):
    """crm serve on LISTEN (port 0): the process and its port (None if it did not say)."""
    server = subprocess.Popen([crm, "-C", store, "serve", "--listen", listen], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    m = re.search(r"serving http://[^ ]*:(\d+)/", server.stderr.readline())
    threading.Thread(target=lambda: server.stderr.read(), daemon=True).start()
    return server, int(m.group(1)) if m else None


def stop(server):
    server.send_signal(signal.SIGTERM)
    try:
        return server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        return "hung"


def chunked_flood(port, chunks, size):
    """POSTs a chunked body of CHUNKS pieces of SIZE bytes; returns (status line or "", bytes sent, seconds).

    A server that stops reading answers 413 and closes; with our pieces still
    unread in its buffer its kernel resets the connection, and a reset may
    discard the 413 before we read it (TCP, not the server): the status line
    is then "reset"."""
    began = time.monotonic()
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    sent = 0
    answer = b""
    try:
        s.sendall(b"POST /capture/contact?token=s3cret-token HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                  b"Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n" % port)
        piece = b"%x\r\n" % size + b"a" * size + b"\r\n"
        for _ in range(chunks):
            s.sendall(piece)
            sent += size
            s.setblocking(False)
            try:
                answer = s.recv(4096)
            except BlockingIOError:
                pass
            s.setblocking(True)
            if answer:
                break
        else:
            s.sendall(b"0\r\n\r\n")
    except OSError:
        pass
    try:
        s.settimeout(10)
        answer = answer or s.recv(4096)
    except ConnectionResetError:
        answer = answer or b"reset"
    except OSError:
        pass
    s.close()
    return answer.split(b"\r\n")[0].decode(errors="replace"), sent, time.monotonic() - began


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--crm", required=True)
    args = ap.parse_args()
    crm = os.path.abspath(args.crm)
    env = dict(os.environ, CRM_TODAY="2026-11-23", CRM_NOW="2026-11-23T09:00:00Z", TZ="UTC")
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "s")
        subprocess.run([crm, "init", store], env=env, check=True, capture_output=True)
        config = os.path.join(store, ".crm", "config.yaml")
        with open(config) as f:
            text = f.read().replace("owners: []", "owners: [ana, ben]")
        with open(config, "w") as f:
            f.write(text)
        with open(config, "a") as f:
            f.write(""
                    "serve: {token: s3cret-token, rate: 13}\n"
                    "forms:\n"
                    "  contact:\n"
                    "    type: lead\n"
                    "    honeypot: website\n"
                    "    required: [email]\n"
                    "  support:\n"
                    "    type: ticket\n"
                    "    token: support-only\n")
        with open(os.path.join(store, ".crm", "rules.yaml"), "w") as f:
            f.write("- name: web-lead\n  on: lead.create\n  do:\n    - assign: {to: auto}\n"
                    "    - task: {title: \"Call {{name}}\", due: +1d}\n")
        # Before the server: a port that is taken is refused (exit 2).
        server = subprocess.Popen([crm, "-C", store, "serve", "--listen", "127.0.0.1:0"], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        log = []
        first = server.stderr.readline()
        log.append(first)
        m = re.search(r"serving http://127\.0\.0\.1:(\d+)/", first)
        check("says where it listens", m is not None, first)
        if not m:
            server.kill()
            return 1
        port = int(m.group(1))
        threading.Thread(target=lambda: log.extend(server.stderr), daemon=True).start()
        base = "http://127.0.0.1:%d" % port
        form = b"name=Ada+Lovelace&email=ada%40example.com&message=Hello"
        plain = {"Content-Type": "application/x-www-form-urlencoded"}

        status, _, body = request(base + "/capture/contact", form, plain)
        check("no token: 401", status == 401, "%s %s" % (status, body))
        status, headers, body = request(base + "/capture/contact", form,
                                        dict(plain, Authorization="Bearer wrong-token!"))
        check("wrong token: 401 with WWW-Authenticate", status == 401 and "Bearer" in headers.get("WWW-Authenticate", ""),
              "%s %s" % (status, headers))
        status, _, body = request(base + "/capture/support", b"subject=x&email=a%40b.example",
                                  dict(plain, Authorization="Bearer s3cret-token"))
        check("a form's own token replaces serve.token", status == 401, "%s %s" % (status, body))
        leads = subprocess.run([crm, "-C", store, "-q", "lead", "list"], env=env, capture_output=True, text=True)
        check("nothing written without the token", leads.stdout == "", leads.stdout)

        status, _, body = request(base + "/capture/contact", form, dict(plain, Authorization="Bearer s3cret-token"))
        answer = json.loads(body) if body.startswith("{") else {}
        check("with the token: 201 and the lead's id", status == 201 and answer.get("action") == "created"
              and re.fullmatch(r"[a-z0-9]{16}", answer.get("id", "")) is not None, "%s %s" % (status, body))
        shown = subprocess.run([crm, "-C", store, "--format", "json", "lead", "show", answer.get("id", "x")], env=env,
                               capture_output=True, text=True)
        lead = json.loads(shown.stdout) if shown.returncode == 0 else {}
        lead = lead[0] if isinstance(lead, list) else lead
        check("the lead exists, assigned by the rules", lead.get("name") == "Ada Lovelace" and lead.get("owner") == "ana",
              shown.stdout + shown.stderr)
        tasks = subprocess.run([crm, "-C", store, "--format", "csv", "task", "list", "--fields", "title,due,owner"],
                               env=env, capture_output=True, text=True)
        check("the rule's task", "Call Ada Lovelace,2026-11-24,ana" in tasks.stdout, tasks.stdout)

        status, _, body = request(base + "/capture/contact?token=s3cret-token", form, plain)
        check("the same form again (token in the URL): 200 unchanged",
              status == 200 and json.loads(body).get("action") == "unchanged", "%s %s" % (status, body))
        status, _, body = request(base + "/capture/contact", b"name=Mallory&email=m%40example.com&token=wrong", plain)
        check("a wrong token as a hidden field: 401", status == 401, "%s %s" % (status, body))
        status, _, body = request(base + "/capture/contact", b"name=Grace&email=grace%40example.com&token=s3cret-token",
                                  plain)
        grace = json.loads(body).get("activity", "x") if status == 201 else "x"
        shown = subprocess.run([crm, "-C", store, "--format", "json", "activity", "show", grace], env=env,
                               capture_output=True, text=True)
        check("the token as a hidden field: 201, not kept", status == 201 and "email: grace@example.com" in shown.stdout
              and "s3cret" not in shown.stdout, "%s %s %s" % (status, body, shown.stdout))
        status, _, body = request(base + "/capture/contact?token=s3cret-token",
                                  json.dumps({"email": "ADA@example.com", "phone": "0123"}).encode(),
                                  {"Content-Type": "application/json"})
        check("JSON from a known person: 200 updated", status == 200 and json.loads(body).get("action") == "updated",
              "%s %s" % (status, body))
        status, _, body = request(base + "/capture/contact?token=s3cret-token", b"email=bot%40x.example&website=spam",
                                  plain)
        check("a bot: 200, nothing said", status == 200 and json.loads(body) == {"action": "received"},
              "%s %s" % (status, body))
        status, _, body = request(base + "/capture/contact?token=s3cret-token", b"name=Eve&email=eve%40", plain)
        check("a bad email: 422 naming the field", status == 422 and "email" in json.loads(body).get("error", ""),
              "%s %s" % (status, body))
        status, _, body = request(base + "/capture/nope?token=s3cret-token", form, plain)
        check("an unknown form: 404", status == 404, "%s %s" % (status, body))
        status, _, body = request(base + "/capture/contact?token=s3cret-token", form, {"Content-Type": "text/xml"})
        check("another content type: 415", status == 415, "%s %s" % (status, body))
        status, _, body = request(base + "/capture/contact?token=s3cret-token", b"a=" + b"x" * 300000, plain)
        check("too large: 413", status == 413, "%s %s" % (status, body[:200]))
        status, _, body = request(base + "/capture/contact", method="GET")
        check("GET on a form: 405", status == 405, "%s %s" % (status, body))

        status, headers, body = request(base + "/")
        check("GET / : an HTML page", status == 200 and headers.get("Content-Type", "").startswith("text/html")
              and "<html" in body, "%s %s" % (status, body[:200]))
        check("GET / : the dashboard page (its sections, no script)", "Pipeline by stage" in body
              and "Ticket backlog" in body and "<script" not in body, body[:300])
        status, _, _ = request(base + "/etc/passwd")
        check("anything else: 404", status == 404, str(status))

        # serve.rate is 13 posts a minute from one address: the posts above
        # (13, counting those refused) used it up.
        status, headers, body = request(base + "/capture/contact?token=s3cret-token", form, plain)
        check("past the rate: 429 with Retry-After", status == 429 and "Retry-After" in headers,
              "%s %s" % (status, body))

        leads = subprocess.run([crm, "-C", store, "-q", "lead", "list"], env=env, capture_output=True, text=True)
        check("two leads in the end", len(leads.stdout.split()) == 2, leads.stdout)
        check_out = subprocess.run([crm, "-C", store, "check"], env=env, capture_output=True, text=True)
        check("crm check is silent", check_out.returncode == 0 and check_out.stdout == "", check_out.stdout)

        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            code = "hung"
        check("SIGTERM stops it cleanly (exit 0)", code == 0, str(code))
        time.sleep(0.1)
        check("the log names each request", any("POST /capture/contact 201" in l for l in log), "".join(log)[-800:])
        check("the token never reaches the log", not any("s3cret" in l for l in log), "".join(log)[-800:])

        # An address that is taken: exit 2, said.
        other = subprocess.Popen([crm, "-C", store, "serve", "--listen", "127.0.0.1:0"], env=env,
                                 stderr=subprocess.PIPE, text=True)
        line = other.stderr.readline()
        taken = re.search(r":(\d+)/", line).group(1)
        again = subprocess.run([crm, "-C", store, "serve", "--listen", "127.0.0.1:" + taken], env=env,
                               capture_output=True, text=True, timeout=10)
        check("a port in use: exit 2", again.returncode == 2 and "cannot listen" in again.stderr, again.stderr)
        other.send_signal(signal.SIGINT)
        check("SIGINT stops it too", other.wait(timeout=10) == 0)

        # What an adversary tries (issue 16), on a fresh server (a fresh rate limit).
        server, port = start(crm, store, env, "127.0.0.1:0")
        base = "http://127.0.0.1:%d" % port
        status_line, sent, took = chunked_flood(port, 256, 65536)
        check("a chunked body past the limit: 413, read no further",
              (" 413 " in status_line or status_line == "reset") and sent < 4 << 20,
              "%r after %d bytes, %.1f s" % (status_line, sent, took))
        status, _, body = request(base + "/", headers={"Host": "evil.example:%d" % port})
        check("another Host (DNS rebinding): 421", status == 421 and "<html" not in body, "%s %s" % (status, body[:200]))
        status, _, body = request(base + "/", headers={"Host": "localhost:%d" % port})
        check("Host localhost:PORT: the dashboard", status == 200 and "<html" in body, "%s %s" % (status, body[:200]))
        status, _, body = request(base + "/", headers={"Host": "127.0.0.1"})
        check("Host without the port: 421", status == 421, "%s %s" % (status, body[:200]))
        status, _, body = request(base + "/capture/contact?token=s3cret-token&token=wrong",
                                  b"name=Twice&email=twice%40example.com", plain)
        check("a token given twice (good first): 401", status == 401, "%s %s" % (status, body))
        status, _, body = request(base + "/capture/contact?token=wrong&token=s3cret-token",
                                  b"name=Twice&email=twice%40example.com", plain)
        check("a token given twice (good last): 401", status == 401, "%s %s" % (status, body))
        idle = []
        for _ in range(24):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"POST /capture/contact HTTP/1.1\r\nHost: 127")
            idle.append(s)
        time.sleep(0.2)
        began = time.monotonic()
        status, _, body = request(base + "/")
        took = time.monotonic() - began
        check("24 half-sent requests held open: GET / still answers within 3 s", status == 200 and took < 3,
              "%s after %.1f s" % (status, took))
        for s in idle:
            s.close()
        check("and stops cleanly", stop(server) == 0)

        # Off loopback, the dashboard needs the token too.
        server, port = start(crm, store, env, "0.0.0.0:0")
        if port is None:
            check("serves on 0.0.0.0", False)
        else:
            base = "http://127.0.0.1:%d" % port
            status, _, body = request(base + "/")
            check("listening off loopback: GET / without the token: 401", status == 401 and "<html" not in body,
                  "%s %s" % (status, body[:200]))
            status, _, body = request(base + "/?token=s3cret-token")
            check("listening off loopback: GET / with the token: the dashboard", status == 200 and "<html" in body,
                  "%s %s" % (status, body[:200]))
            stop(server)
    print("all passed" if not failures else "%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
