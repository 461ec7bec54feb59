# The two commands of the README: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
DEBUG_DIR := build/debug
RELEASE_DIR := build/release
DB ?= var/chibo.db
PORT ?= 8080
# ccache hits across clones in other folders (CI clones afresh).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: run test deps web test-deps debug release check format clean

run: deps web release
	@mkdir -p $(dir $(DB))
	@[ -f $(DB) ] || $(RELEASE_DIR)/chibo demo --db $(DB)
	$(RELEASE_DIR)/chibo serve --db $(DB) --host 127.0.0.1 --port $(PORT)

test: deps web test-deps debug
	@bash scripts/test.sh

deps:
	@bash scripts/install-deps.sh

# npm ci only when the lock file changed; the build only when a source changed.
web/node_modules/.stamp: web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

web/dist/index.html: web/node_modules/.stamp web/index.html web/vite.config.ts web/tsconfig.json $(shell find web/src -type f 2>/dev/null)
	cd web && npm run build --silent
	@touch $@

web: web/dist/index.html

# The API suites (ajv, the OpenAPI contract) and the browser suites (playwright-core) share tests/package.json.
tests/node_modules/.stamp: tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

test-deps: tests/node_modules/.stamp

$(DEBUG_DIR)/build.ninja:
	cmake -S . -B $(DEBUG_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCHIBO_SANITIZE=ON

$(RELEASE_DIR)/build.ninja:
	cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release

debug: $(DEBUG_DIR)/build.ninja
	ninja -C $(DEBUG_DIR) -j $(JOBS)

release: $(RELEASE_DIR)/build.ninja
	ninja -C $(RELEASE_DIR) -j $(JOBS) chibo

format:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | grep -v node_modules | xargs clang-format -i

clean:
	rm -rf build web/dist web/node_modules/.stamp tests/node_modules/.stamp
