# Thin entry points; the work is in scripts/ and the CMake presets.
.PHONY: all deps build build-programs test demo demo-stop package clean

all: build

deps:
	@bash scripts/install-deps

build: deps
	cmake --preset dev
	cmake --build --preset dev

# The full suite under AddressSanitizer + UndefinedBehaviorSanitizer, warnings as errors.
test: deps
	@bash scripts/run-tests

# Only the two programs: a newcomer's first run should not wait for every test and benchmark.
build-programs: deps
	cmake --preset dev
	cmake --build --preset dev --target teller-console auth-backend

demo: build-programs
	@bash scripts/demo

# Stops the demo backend that `make demo` left running.
demo-stop:
	@bash scripts/demo-stop

package: deps
	cmake --preset release
	cmake --build --preset release
	cd build/release && cpack -G DEB

clean:
	rm -rf build
