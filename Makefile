# The two commands a newcomer runs: `make demo` and `make test`.
# Both install what is missing (Debian packages), configure and build first.

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX     ?= /usr/local
CRM        := $(BUILD)/crm
DEMO_ENV   := CRM_TODAY=2026-11-23 CRM_NOW=2026-11-23T09:00:00Z

# Everything the build and the tests need, by Debian package name.
PACKAGES := build-essential cmake ninja-build pkg-config libcli11-dev libyaml-cpp-dev \
            libfmt-dev libhowardhinnant-date-dev doctest-dev libuchardet-dev tzdata libutf8proc-dev nlohmann-json3-dev python3 python3-yaml \
            libgmime-3.0-dev libical-dev libcpp-httplib-dev libkainjow-mustache-dev \
            python3-vobject python3-icalendar python3-html5lib hledger beancount \
            git man-db groff-base clang-format strace

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := record filter dates scalar import index ical rules mail orders html capture settings template as_of

.PHONY: all deps build demo test sanitize fuzz fuzz-run install clean format

all: build

deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@echo '$$ crm agenda'
	@$(DEMO_ENV) $(CRM) -C examples agenda
	@echo
	@echo '$$ crm report pipeline'
	@$(DEMO_ENV) $(CRM) -C examples report pipeline
	@echo
	@echo '$$ crm contact list +customer --limit 8'
	@$(DEMO_ENV) $(CRM) -C examples contact list +customer --limit 8
	@echo
	@echo '$$ crm company show "Analytical Engines" --limit 3'
	@$(DEMO_ENV) $(CRM) -C examples company show "Analytical Engines" --limit 3
	@echo
	@echo '$$ crm deal list stage=negotiation --format json --fields name,amount,close_date'
	@$(DEMO_ENV) $(CRM) -C examples deal list stage=negotiation --format json --fields name,amount,close_date
	@echo
	@echo '$$ crm check'
	@$(DEMO_ENV) $(CRM) -C examples check && echo "(clean: check prints nothing)"
	@echo
	@echo '$$ crm report'
	@$(DEMO_ENV) $(CRM) -C examples report
	@echo
	@echo '$$ crm report --format html -o $(BUILD)/dashboard.html'
	@$(DEMO_ENV) $(CRM) -C examples report --format html -o $(BUILD)/dashboard.html
	@echo "The dashboard page is in $(abspath $(BUILD))/dashboard.html: open it in a browser, or print it."
	@echo
	@echo '$$ crm report sla'
	@$(DEMO_ENV) $(CRM) -C examples report sla
	@echo
	@echo '$$ crm report csat'
	@$(DEMO_ENV) $(CRM) -C examples report csat
	@echo
	@echo '$$ crm report rfm'
	@$(DEMO_ENV) $(CRM) -C examples report rfm
	@echo
	@echo '$$ crm segment list'
	@$(DEMO_ENV) $(CRM) -C examples segment list
	@echo
	@echo '$$ crm contact list @slipping --fields name,last_order,orders,revenue,rfm'
	@$(DEMO_ENV) $(CRM) -C examples contact list @slipping --fields name,last_order,orders,revenue,rfm

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The unit and CLI tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCRM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && CRM_TEST_TIMEOUT=1500 ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --timeout 1600 --output-on-failure -j $(JOBS)

# libFuzzer targets, built with clang (Debian's clang and libclang-rt-dev).
fuzz: deps
	@command -v clang++ >/dev/null || $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang libclang-rt-dev
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCRM_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(FUZZ_BUILD) -j $(JOBS) $(addprefix --target fuzz_,$(FUZZ_TARGETS))

# Runs each target for FUZZ_SECONDS on a scratch copy of its corpus; new
# crashes land in $(FUZZ_BUILD)/crash-*. Copy inputs worth keeping into
# tests/fuzz/corpus/TARGET so make test replays them.
fuzz-run: fuzz
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t && cp -n tests/fuzz/corpus/$$t/* $(FUZZ_BUILD)/corpus/$$t/ 2>/dev/null; \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
	  (cd $(FUZZ_BUILD) && ./fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 corpus/$$t) || exit 1; \
	done

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
