# Thin wrapper around scripts/ and CMake. `make demo` and `make test` work on a fresh Debian machine:
# they install what is missing, configure, build, and run.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
# ccache (in scripts/deps.txt) when present: rebuilds after a pull or in a second worktree are cheap.
CCACHE := $(shell command -v ccache 2>/dev/null)
ifneq ($(CCACHE),)
CMAKE_FLAGS += -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
endif

.PHONY: all deps configure build demo demo-web test sanitize web-test-deps screenshots bench package clean

all: build

deps:
	scripts/install-deps

configure: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/runner/koop demo -o $(BUILD)/demo-out   # its fresh database is demo-out/demo.db

# The sample database with one account per role for the web application; prints how to open it.
demo-web: build
	scripts/demo-web $(BUILD)

# axe-core for the browser tests (tests/web/package-lock.json).
web-test-deps:
	scripts/install-web-test-deps

# Renews docs/screenshots/ from the browser test.
screenshots: build web-test-deps
	/usr/bin/python3 tests/web/browser_test.py --koop $(BUILD)/runner/koop --source-dir . --screenshots docs/screenshots

test: build web-test-deps
	$(if $(wildcard scripts/with-postgres),scripts/with-postgres) ctest --test-dir $(BUILD) --output-on-failure -j 2

# The unit and CLI tests under ASan+UBSan in build-asan/ (nightly: .ci/nightly; docs/fuzzing.md).
sanitize: deps
	scripts/sanitize-tests

# The Debian package (CPack): $(BUILD)/koop_<version>_<arch>.deb; docs/operations.md.
package: build
	cd $(BUILD) && cpack -G DEB

clean:
	rm -rf $(BUILD)
