# Thin wrapper around scripts/ and CMake. `make demo` and `make test` work on a fresh Debian machine:
# they install what is missing, configure, build, and run.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all deps configure build demo test bench clean

all: build

deps:
	scripts/install-deps

configure: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/runner/koop --db $(BUILD)/demo.db demo -o $(BUILD)/demo-out

test: build
	$(if $(wildcard scripts/with-postgres),scripts/with-postgres) ctest --test-dir $(BUILD) --output-on-failure -j 2

clean:
	rm -rf $(BUILD)
