# Tessera: the two commands a newcomer runs on a fresh Debian machine.
#   make demo   installs what is needed, builds, and runs the example programs in examples/
#   make test   installs what is needed and runs every test (conformance included, and the seed
#               programs small on the release binary)

DEBS := pkg-config libfftw3-dev libopenblas-dev liblapacke-dev libedit-dev zlib1g-dev python3-venv
# Only the tests need these: a real browser opens `tessera --report` pages (ReportBrowserTests); numpy
# and scipy are the peer the seed programs are checked against (SeedProgramTests).
TEST_DEBS := chromium python3-numpy python3-scipy
# The benchmarks' Python peers (bench/, ../shared/bench/peers) also pin BLAS threads with threadpoolctl.
BENCH_DEBS := python3-numpy python3-scipy python3-threadpoolctl
SHARED ?= ../shared
EXAMPLES := examples/cross_spectrum.wl examples/multinormal.wl examples/kernel_traffic.wl

.PHONY: deps test-deps bench-deps build release install demo test conformance bench clean
PREFIX ?= /usr/local

deps:
	@dpkg -s $(DEBS) >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(DEBS); }

test-deps: deps
	@dpkg -s $(TEST_DEBS) >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(TEST_DEBS); }

bench-deps: deps
	@dpkg -s $(BENCH_DEBS) >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(BENCH_DEBS); }

build: deps
	swift build --product tessera

release: deps
	swift build -c release --product tessera

install: release
	install -D -m 755 .build/release/tessera $(PREFIX)/bin/tessera

demo: release
	@for f in $(EXAMPLES); do echo "== $$f"; .build/release/tessera -script $$f || exit 1; done

# The release binary runs the seed programs small (ReleaseSeedProgramTests): only release builds carry
# the single-thread flags of Package.swift.
test: test-deps
	swift build -c release --product tessera
	swift build --build-tests
	TESSERA_RELEASE_BINARY=$(CURDIR)/.build/release/tessera swift test --skip-build

conformance: release
	.build/release/tessera conformance $(SHARED)/conformance/cases.jsonl

bench: release bench-deps
	bash bench/run.sh

clean:
	rm -rf .build
