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
            libfmt-dev libhowardhinnant-date-dev doctest-dev tzdata python3 python3-yaml \
            git man-db groff-base

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo test sanitize install clean format

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

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The unit and CLI tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCRM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
