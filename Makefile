# Thin entry points; the work is in scripts/ and the CMake presets.
.PHONY: all deps build test demo package clean

all: build

deps:
	@bash scripts/install-deps

build: deps
	cmake --preset dev
	cmake --build --preset dev

# The full suite under AddressSanitizer + UndefinedBehaviorSanitizer, warnings as errors.
test: deps
	@bash scripts/run-tests

demo: build
	@bash scripts/demo

package: deps
	cmake --preset release
	cmake --build --preset release
	cd build/release && cpack -G DEB

clean:
	rm -rf build
