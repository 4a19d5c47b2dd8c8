// `crm serve`: web forms in over HTTP (POST /capture/FORM, with a token) and
// the read-only dashboard (GET /). The only file that includes cpp-httplib.
// Each request opens the store afresh and holds its lock only while it
// writes; nothing is written but through capture (capture.hpp).
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "app.hpp"
#include "crm/capture.hpp"
#include "crm/dashboard.hpp"
#include "crm/error.hpp"
#include "crm/lead_score.hpp"
#include "crm/sync.hpp"
#include "crm/text.hpp"

namespace crm::cli {

// capture_verbs.cpp: the results as a table.
Table capture_table(const std::vector<CaptureResult>& results, bool inbox);

namespace {

constexpr size_t kWorkers = 64;

// GET /: the dashboard page of `crm report --format html` (dashboard.hpp),
// as of the request: the store is opened afresh for each one.
std::string dashboard_page(const Store& store) { return crm::dashboard_html(store); }

// Equal without saying where they differ: the time does not depend on the
// first differing byte (a token guessed a byte at a time).
bool same_secret(const std::string& given, const std::string& expected) {
  size_t n = std::max(given.size(), expected.size());
  unsigned char diff = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    unsigned char a = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    unsigned char b = i < expected.size() ? static_cast<unsigned char>(expected[i]) : 0;
    diff |= static_cast<unsigned char>(a ^ b);
  }
  return diff == 0;
}

// At most `per_minute` posts from one client address in any 60 seconds
// (a sliding window: no burst at a minute's turn).
class RateLimit {
 public:
  explicit RateLimit(long per_minute) : per_minute_(per_minute) {}
  // 0 when allowed, else the seconds until a post is allowed again.
  long wait(const std::string& who) {
    std::lock_guard<std::mutex> hold(mutex_);
    auto now = std::chrono::steady_clock::now();
    auto old = [&](std::chrono::steady_clock::time_point t) { return now - t >= std::chrono::seconds(60); };
    if (seen_.size() > 10000)  // a flood of addresses: forget those quiet for a minute
      for (auto it = seen_.begin(); it != seen_.end();) it = old(it->second.back()) ? seen_.erase(it) : std::next(it);
    std::deque<std::chrono::steady_clock::time_point>& times = seen_[who];
    while (!times.empty() && old(times.front())) times.pop_front();
    if (static_cast<long>(times.size()) >= per_minute_)
      return 1 +
             std::chrono::duration_cast<std::chrono::seconds>(times.front() + std::chrono::seconds(60) - now).count();
    times.push_back(now);
    return 0;
  }

 private:
  long per_minute_;
  std::mutex mutex_;
  std::map<std::string, std::deque<std::chrono::steady_clock::time_point>> seen_;
};

using ServeConfig = ServeSettings;

ServeConfig serve_config(const Store& store) { return serve_settings(store.config().raw); }

std::string json_answer(const Json& j) {
  Table t;
  t.document = true;
  t.single = t.single_yaml = true;
  t.objects.push_back(j);
  t.text = [](const OutputOptions&) { return std::string(); };
  OutputOptions o;
  o.format = Format::Json;
  return render(t, o);
}

void answer_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(json_answer(Json{{"error", message}}), "application/json");
}

struct Listen {
  std::string host;
  int port = 8080;
};

Listen parse_listen(const std::string& text) {
  Listen l;
  size_t colon = text.rfind(':');
  std::string host = colon == std::string::npos ? "" : text.substr(0, colon);
  std::string port = colon == std::string::npos ? text : text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  l.host = host.empty() ? "127.0.0.1" : host;
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stol(port) > 65535)
    throw UsageError("--listen \"" + text + "\": expected ADDRESS:PORT (127.0.0.1:8080; port 0: any free one)");
  l.port = static_cast<int>(std::stol(port));
  return l;
}

bool is_loopback(const std::string& host) { return host == "localhost" || host == "::1" || starts_with(host, "127."); }

bool is_wildcard(const std::string& host) { return host == "0.0.0.0" || host == "::"; }

// The Host header a browser sends for this server: the listen address,
// localhost, 127.0.0.1 or [::1], with the port (or without, on port 80).
// Anything else is a name an attacker's page may point at us (DNS
// rebinding): refused. A wildcard address accepts any name; the token guards it.
bool host_allowed(const std::string& header, const Listen& listen, int port) {
  if (is_wildcard(listen.host)) return true;
  std::string host = to_lower(trim(header));
  std::string p = ":" + std::to_string(port);
  if (host.size() > p.size() && host.compare(host.size() - p.size(), p.size(), p) == 0)
    host.resize(host.size() - p.size());
  else if (port != 80)
    return false;
  std::string shown = listen.host.find(':') != std::string::npos ? "[" + listen.host + "]" : listen.host;
  return host == to_lower(shown) || host == "localhost" || host == "127.0.0.1" || host == "[::1]";
}

}  // namespace

int cmd_serve(Context& ctx, const std::string& listen_text) {
  Listen listen = parse_listen(listen_text);
  std::filesystem::path root = ctx.store().root();
  // Read now, so that a broken config stops the server before it listens.
  ServeConfig config = serve_config(ctx.store());
  std::vector<Form> forms = store_forms(ctx.store());
  std::vector<std::string> names;
  bool any_token = !config.token.empty();
  for (const Form& f : forms) {
    names.push_back(f.name);
    any_token = any_token || !f.token.empty();
  }
  if (!any_token) ctx.note("warning: no token (serve.token or forms.NAME.token): every post is refused with 401");

  // SIGINT and SIGTERM are taken by one thread, which stops the server:
  // blocked here, before the server's threads start, so they inherit it.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  httplib::Server server;
  int bound_port = listen.port;  // the port the Host header must name (known once bound)
  RateLimit limit(config.rate);
  std::mutex one_at_a_time;  // captures in turn (the store's lock also keeps other processes out)
  server.set_payload_max_length(kMaxFormBody);
  // httplib's default adds SO_REUSEPORT: a second server on the same port
  // would then share its connections. Only SO_REUSEADDR (a restart while
  // old connections linger): a port in use is refused.
  server.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // A client that sends nothing for 2 s is dropped, and each connection
  // carries one request: idle or half-sent connections cannot hold the
  // workers (64 of them) for long.
  server.set_read_timeout(2, 0);
  server.set_write_timeout(5, 0);
  server.set_keep_alive_max_count(1);
  server.set_keep_alive_timeout(1);
  server.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  auto log = [](const httplib::Request& req, int status, const std::string& what) {
    std::string line = "crm: serve: " + req.remote_addr + " " + req.method + " " + req.path + " " +
                       std::to_string(status) + (what.empty() ? "" : " " + what) + "\n";
    line = escape_stream_for_terminal(line);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
  };
  // The token a post must carry: the form's, else serve.token ("": none, every post refused).
  auto expected_token = [](const Store& store, const Form* form) {
    return form && !form->token.empty() ? form->token : serve_config(store).token;
  };
  // The token in the Authorization header, else in the URL's query (and,
  // once the body is read, a url-encoded body's fields); "" for none.
  auto bearer_token = [](const httplib::Request& req) {
    std::string auth = req.get_header_value("Authorization");
    return starts_with(to_lower(auth.substr(0, 7)), "bearer ") ? trim(auth.substr(7)) : std::string();
  };
  // A token given twice in the query counts as none given right: which one
  // would be checked is no business of the sender's.
  auto given_token = [&bearer_token](const httplib::Request& req) {
    if (std::string b = bearer_token(req); !b.empty()) return b;
    if (req.params.count("token") != 1) return std::string();
    return req.params.find("token")->second;
  };
  auto repeated_token = [](const httplib::Request& req) { return req.params.count("token") > 1; };
  auto refuse = [&log](const httplib::Request& req, httplib::Response& res, const std::string& expected) {
    res.set_header("WWW-Authenticate", "Bearer realm=\"crm\"");
    answer_error(res, 401, expected.empty() ? "no token is configured for this form" : "a valid token is needed");
    log(req, 401, "");
  };
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string what = res.status == 413 ? "the submission is too large" : "HTTP " + std::to_string(res.status);
    res.set_content(json_answer(Json{{"error", what}}), "application/json");
  });
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-store");
    const std::string& path = req.path;
    if (!req.has_header("Host") && req.version != "HTTP/1.0") {
      answer_error(res, 400, "no Host header");
      log(req, 400, "");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.has_header("Host") && !host_allowed(req.get_header_value("Host"), listen, bound_port)) {
      answer_error(res, 421, "this server does not answer to the name \"" + req.get_header_value("Host") + "\"");
      log(req, 421, "Host: " + req.get_header_value("Host"));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (path == "/" || path == "/index.html") {
      if (req.method != "GET" && req.method != "HEAD") {
        res.set_header("Allow", "GET, HEAD");
        answer_error(res, 405, "GET only");
      } else {
        try {
          Store store(root, Clock::from_env());
          // Off loopback, anyone on the network could read it: serve.token needed.
          if (std::string expected = serve_config(store).token;
              !is_loopback(listen.host) &&
              (expected.empty() || repeated_token(req) || !same_secret(given_token(req), expected))) {
            refuse(req, res, expected);
            return httplib::Server::HandlerResponse::Handled;
          }
          res.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
          res.set_content(dashboard_page(store), "text/html; charset=utf-8");
        } catch (const Error& e) {
          answer_error(res, 500, e.what());
        }
      }
      log(req, res.status == -1 ? 200 : res.status, "");
      return httplib::Server::HandlerResponse::Handled;
    }
    const std::string prefix = "/capture/";
    if (!starts_with(path, prefix) || path.size() == prefix.size() || path.size() > 200 ||
        path.find('/', prefix.size()) != std::string::npos) {
      answer_error(res, 404, "no such page (POST /capture/FORM, GET /)");
      log(req, 404, "");
      return httplib::Server::HandlerResponse::Handled;
    }
    std::string form_name = path.substr(prefix.size());
    if (req.method != "POST") {
      res.set_header("Allow", "POST");
      answer_error(res, 405, "POST a form here");
      log(req, 405, "");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (long wait = limit.wait(req.remote_addr)) {
      res.set_header("Retry-After", std::to_string(wait));
      answer_error(res, 429, "too many posts from " + req.remote_addr + "; again in " + std::to_string(wait) + " s");
      log(req, 429, "");
      return httplib::Server::HandlerResponse::Handled;
    }
    // Who may post, before the body is read: the token, the form.
    try {
      Store store(root, Clock::from_env());
      std::vector<Form> now_forms = store_forms(store);
      const Form* form = nullptr;
      for (const Form& f : now_forms)
        if (f.name == form_name) form = &f;
      std::string expected = expected_token(store, form);
      std::string given = given_token(req);
      // A token in the body (a hidden field) is checked once the body is read, below.
      if (expected.empty() || repeated_token(req) || (!given.empty() && !same_secret(given, expected)) ||
          (given.empty() &&
           !starts_with(to_lower(req.get_header_value("Content-Type")), "application/x-www-form-urlencoded"))) {
        refuse(req, res, expected);
        return httplib::Server::HandlerResponse::Handled;
      }
      if (!form) {
        answer_error(res, 404, "no form \"" + form_name + "\"");
        log(req, 404, "");
        return httplib::Server::HandlerResponse::Handled;
      }
      body_kind(req.get_header_value("Content-Type"));
      // Said too large before it is sent: refused unread.
      if (req.has_header("Content-Length") &&
          req.get_header_value<uint64_t>("Content-Length") > static_cast<uint64_t>(kMaxFormBody)) {
        answer_error(res, 413, "the submission is too large (at most " + std::to_string(kMaxFormBody) + " bytes)");
        log(req, 413, "");
        return httplib::Server::HandlerResponse::Handled;
      }
    } catch (const UsageError&) {
      answer_error(res, 415, "send application/x-www-form-urlencoded or application/json");
      log(req, 415, "");
      return httplib::Server::HandlerResponse::Handled;
    } catch (const Error& e) {
      answer_error(res, 500, e.what());
      log(req, 500, e.what());
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;  // to the handler below, which reads the body
  });

  // POST /capture/FORM that passed the checks above (its path is short:
  // httplib matches routes by regular expression). The body is read here, a
  // piece at a time, and no further than kMaxFormBody + 1 bytes: httplib's
  // own limit does not hold for a chunked body, which it would keep whole.
  server.Post("/capture/[^/]+", [&](const httplib::Request& req, httplib::Response& res,
                                    const httplib::ContentReader& read_body) {
    std::string form_name = req.path.substr(std::string("/capture/").size());
    std::string body_text;
    bool too_large = false;
    bool read = read_body([&](const char* data, size_t n) {
      if (body_text.size() + n > kMaxFormBody) {
        too_large = true;
        return false;
      }
      body_text.append(data, n);
      return true;
    });
    if (too_large) {
      answer_error(res, 413, "the submission is too large (at most " + std::to_string(kMaxFormBody) + " bytes)");
      log(req, 413, "");
      return;
    }
    if (!read) {
      answer_error(res, 400, "the body could not be read");
      log(req, 400, "");
      return;
    }
    std::lock_guard<std::mutex> hold(one_at_a_time);
    try {
      Store store(root, Clock::from_env());
      std::vector<Form> now_forms = store_forms(store);
      const Form& form = choose_form(now_forms, form_name);
      FormBody body = parse_form_body(body_text, body_kind(req.get_header_value("Content-Type")), "request");
      // Checked again, whatever the checks above let through: the header
      // first, else a hidden field (once), else the query's (once).
      std::string given = bearer_token(req);
      if (const FormField* t = body.find("token"); given.empty() && t)
        given = t->values.size() == 1 ? t->values.front() : std::string();
      else if (given.empty())
        given = given_token(req);
      std::string expected = expected_token(store, &form);
      if (expected.empty() || !same_secret(given, expected)) {
        refuse(req, res, expected);
        return;
      }
      // The token, when a page sent it as a hidden field, is no part of what the person said.
      body.fields.erase(
          std::remove_if(body.fields.begin(), body.fields.end(), [](const FormField& f) { return f.name == "token"; }),
          body.fields.end());
      CaptureResult r;
      {
        Writer writer = store.lock();
        // What an earlier request's writes kept of the activities was of a
        // store since changed by others (this Store may sit where that one did).
        forget_lead_activities();
        r = capture(writer, form, body, "request");
      }
      bool rules_failed = false;
      for (const Store::RuleNote& n : store.rule_notes()) {
        log(req, 0, (n.failed ? "rule failed: " : "") + n.text);
        rules_failed = rules_failed || n.failed;
      }
      autocommit(store, [&](const std::string& m) { log(req, 0, m); });
      if (r.action == "dropped") {
        res.status = 200;
        res.set_content(json_answer(Json{{"action", "received"}}), "application/json");
        log(req, 200, "dropped (honeypot)");
        return;
      }
      Json answer = Json::object();
      answer["action"] = r.action;
      answer["type"] = r.type;
      answer["id"] = r.id;
      answer["name"] = r.name;
      answer["activity"] = r.activity;
      if (rules_failed) answer["rules_failed"] = true;
      res.status = r.action == "created" ? 201 : 200;
      res.set_content(json_answer(answer), "application/json");
      log(req, res.status, r.action + " " + r.type + " " + r.id);
    } catch (const Error& e) {
      int status = e.exit_code() == kExitInvalid ? 422 : e.exit_code() == kExitConflict ? 503 : 400;
      answer_error(res, status, e.what());
      log(req, status, e.what());
    }
  });

  int& port = bound_port;
  port = listen.port;
  if (port == 0) {
    port = server.bind_to_any_port(listen.host);
    if (port < 0) throw UsageError("--listen " + listen_text + ": cannot listen there");
  } else if (!server.bind_to_port(listen.host, port)) {
    throw UsageError("--listen " + listen_text + ": cannot listen there (in use? not an address of this machine?)");
  }
  std::string shown = listen.host.find(':') != std::string::npos ? "[" + listen.host + "]" : listen.host;
  ctx.note("serving http://" + shown + ":" + std::to_string(port) + "/ (forms: " + join(names, ", ") +
           "); Ctrl-C stops");
  std::fflush(stderr);

  std::atomic<bool> done{false}, stopped{false};
  std::thread waiter([&] {
    timespec tick{0, 200 * 1000 * 1000};
    while (!done) {
      if (sigtimedwait(&signals, nullptr, &tick) > 0) {
        stopped = true;
        server.stop();
        return;
      }
    }
  });
  bool ok = server.listen_after_bind();
  done = true;
  waiter.join();
  ctx.note("stopped");
  return ok || stopped ? 0 : kExitInvalid;
}

}  // namespace crm::cli
