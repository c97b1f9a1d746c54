# CoachDesk: `make run` opens the app, `make test` runs every check. Both install what is
# missing first, on a fresh Debian/Ubuntu machine.

SHELL := /bin/bash
.DEFAULT_GOAL := help

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
TOOLS := $(CURDIR)/.tools
TAURI_DRIVER_VERSION := 2.1.0
TAURI_DRIVER := $(TOOLS)/bin/tauri-driver
SYSTEM_PACKAGES := build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev \
	libayatana-appindicator3-dev librsvg2-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev \
	fonts-noto-color-emoji fonts-droid-fallback
TEST_PACKAGES := xvfb xauth webkit2gtk-driver poppler-utils qpdf sqlite3 \
	cups cups-client cups-filters printer-driver-cups-pdf
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"

.PHONY: help run test check lint fmt types e2e bench bundle ui-build deps deps-test clean-e2e

help:
	@echo "make run     install what is missing, build, and open CoachDesk"
	@echo "make test    install what is missing and run every check (fmt, clippy, tests, e2e)"
	@echo "make bench   benchmarks (release build)"
	@echo "make bundle  build a .deb with the Tauri CLI"
	@echo "make types   regenerate ui/src/lib/api/types.ts from the Rust types"
	@echo "make fmt     format Rust and UI code"

# --- installing what is missing ---------------------------------------------------------

define apt_install
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps: ui/node_modules/.installed
	$(call apt_install,$(SYSTEM_PACKAGES))

deps-test: deps $(TAURI_DRIVER)
	$(call apt_install,$(TEST_PACKAGES))

ui/node_modules/.installed: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	touch $@

$(TAURI_DRIVER):
	cargo install tauri-driver --locked --version $(TAURI_DRIVER_VERSION) --root $(TOOLS)

ui-build: deps
	cd ui && npm run build

# --- the two commands -------------------------------------------------------------------

run: ui-build
	cargo run

test: deps-test ui-build
	cargo fmt --all -- --check
	cd ui && npm run format:check
	cargo clippy --workspace --all-targets --test e2e --locked -- -D warnings
	@echo "The app links no HTTP, TLS or WebSocket client:"
	@deps="$$(cargo tree --locked -p coachdesk -e normal --prefix none)" && \
		! printf '%s\n' "$$deps" \
		| grep -iE '^(reqwest|hyper|ureq|curl|isahc|attohttpc|surf|native-tls|rustls|h2|tungstenite|websocket) v'
	cd ui && npm run check
	cd ui && npm test
	cargo test --workspace --locked
	$(MAKE) --no-print-directory e2e

# The end-to-end suite: the real app window under Xvfb, driven by tauri-driver.
# (cargo test builds the app binary it drives: CARGO_BIN_EXE_coachdesk.)
e2e: deps-test ui-build
	.ci/cups-pdf-printer
	PATH="$(TOOLS)/bin:$$PATH" $(XVFB) cargo test --locked --test e2e -- --test-threads=1

# --- the rest ---------------------------------------------------------------------------

bench: deps
	cargo bench --locked -p coachdesk-core --bench store
	cargo bench --locked -p coachdesk-core --bench consults
	cargo bench --locked -p coachdesk-core --bench handouts
	cargo bench --locked -p coachdesk-core --bench progress
	cargo bench --locked -p coachdesk-core --bench import
	cargo bench --locked -p coachdesk-core --bench backups
	cargo bench --locked -p coachdesk-core --bench encryption
	cargo bench --locked -p coachdesk-core --bench suggestions
	PROPTEST_CASES=100000 cargo test --release --locked -p coachdesk-core --lib properties
	# The crash soak: 500 SIGKILLs during writes and backups, 125 during restores.
	CRASH_KILLS=500 cargo test --release --locked --test integration saves_survive_sigkill -- --nocapture

# A release build packaged as a .deb (target/release/bundle/deb/), with the Tauri CLI from npm.
bundle: deps
	ui/node_modules/.bin/tauri build --bundles deb

types:
	UPDATE_SNAPSHOTS=1 cargo test --test integration bindings

fmt:
	cargo fmt --all
	cd ui && npm run format
