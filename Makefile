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
# What packaging/appimage builds an AppImage with, and what its test runs it with.
APPIMAGE_PACKAGES := squashfs-tools libglib2.0-bin patchelf
APPIMAGE_TEST_PACKAGES := desktop-file-utils libfuse2 debootstrap debian-archive-keyring imagemagick \
	xdotool x11-xserver-utils
# LibreOffice, the reference the handout benchmark is timed against.
BENCH_PACKAGES := libreoffice-writer-nogui
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"
# `make run` and `make bundle` build the same optimised app (the Tauri CLI's release build).
RELEASE_FEATURES := --features tauri/custom-protocol

.PHONY: help run dev test check lint fmt types e2e bench bench-app bundle bundle-test ui-build deps deps-test clean-e2e

help:
	@echo "make run     install what is missing, build, and open CoachDesk (optimised build)"
	@echo "make dev     open a debug build (quicker to build while working on the code)"
	@echo "make test    install what is missing and run every check (fmt, clippy, tests, e2e)"
	@echo "make bench   benchmarks (release build)"
	@echo "make bench-app  the release app beside a bare Tauri app (start, memory, installer),"
	@echo "                and its window timed on a big practice"
	@echo "make bundle  build a .deb with the Tauri CLI, and an AppImage from it"
	@echo "make bundle-test  build them; install the .deb, start it to its first screen, remove it;"
	@echo "                  start the AppImage here and on a Debian without GTK or WebKitGTK"
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
	cargo run --release $(RELEASE_FEATURES)

dev: ui-build
	cargo run

test: deps-test ui-build
	cargo fmt --all -- --check
	cd ui && npm run format:check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	# The end-to-end suite is not among --all-targets (test = false): checked on its own.
	cargo clippy --test e2e --locked -- -D warnings
	@echo "The app links no HTTP, TLS or WebSocket client:"
	@deps="$$(cargo tree --locked -p coachdesk -e normal --prefix none)" && \
		! printf '%s\n' "$$deps" \
		| grep -iE '^(reqwest|hyper|ureq|curl|isahc|attohttpc|surf|native-tls|rustls|h2|tungstenite|websocket) v'
	cd ui && npm run check
	cd ui && npm test
	cargo test --workspace --locked
	$(MAKE) --no-print-directory e2e

# The end-to-end suite: the real app window under Xvfb, driven by tauri-driver (.ci/e2e says
# what happens to a test whose window stops answering).
# (cargo test builds the app binary it drives: CARGO_BIN_EXE_coachdesk.)
e2e: deps-test ui-build
	.ci/cups-pdf-printer
	PATH="$(TOOLS)/bin:$$PATH" $(XVFB) .ci/e2e

# --- the rest ---------------------------------------------------------------------------

BENCHES := store consults handouts progress import backups encryption suggestions

# Every benchmark runs even when one misses a budget; the run fails at the end, naming them.
bench: deps
	$(call apt_install,$(BENCH_PACKAGES))
	@missed=""; \
	for b in $(BENCHES); do \
		cargo bench --locked -p coachdesk-core --bench $$b || missed="$$missed $$b"; \
	done; \
	PROPTEST_CASES=100000 cargo test --release --locked -p coachdesk-core --lib properties \
		|| missed="$$missed properties"; \
	echo "The crash soak: 500 SIGKILLs during writes and backups, 125 during restores."; \
	CRASH_KILLS=500 cargo test --release --locked --test integration saves_survive_sigkill \
		-- --nocapture || missed="$$missed crash-soak"; \
	if [ -n "$$missed" ]; then echo "Missed a budget or failed:$$missed"; exit 1; fi

# The release app beside a bare Tauri app of the same Tauri version (benches/bare-app): start to
# first screen, idle memory and .deb size, each with the ratio and its budget; then, in the
# release app's window on a 10,000-client, 200,000-note practice, the client list, search as
# she types, Ctrl+K and the handout preview, and the memory after that work.
bench-app: deps-test
	$(call apt_install,xdotool libfuse2 $(APPIMAGE_PACKAGES))
	ui/node_modules/.bin/tauri build --bundles deb
	cd benches/bare-app && ../../ui/node_modules/.bin/tauri build --bundles deb
	$(call appimage,CoachDesk,core/fonts)
	$(call appimage,BareTauriApp,)
	$(XVFB) benches/app/run

# An AppImage beside the .deb it is made from (packaging/appimage): $(1) the product, $(2) the
# fonts it carries besides.
define appimage
	deb=$$(ls -t target/release/bundle/deb/$(1)_*.deb | head -n 1) && \
		packaging/appimage "$$deb" "target/release/bundle/appimage/$$(basename "$${deb%.deb}").AppImage" $(2)
endef

# A release build packaged as a .deb (target/release/bundle/deb/), with the Tauri CLI from npm,
# and an AppImage made from it (target/release/bundle/appimage/).
bundle: deps
	$(call apt_install,$(APPIMAGE_PACKAGES))
	ui/node_modules/.bin/tauri build --bundles deb
	$(call appimage,CoachDesk,core/fonts)

# Installs the .deb on this machine, starts the installed app under Xvfb to its first screen
# on a temporary data folder, checks its desktop entry and icon, and removes it; then starts
# the AppImage here and on a Debian without GTK or WebKitGTK (tests/packaging/appimage-test).
bundle-test: bundle deps-test
	$(call apt_install,$(APPIMAGE_TEST_PACKAGES))
	$(XVFB) tests/packaging/deb-test
	$(SUDO) $(XVFB) tests/packaging/appimage-test

types:
	UPDATE_SNAPSHOTS=1 cargo test --test integration bindings

fmt:
	cargo fmt --all
	cd ui && npm run format
