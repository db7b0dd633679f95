# newsparse: every target here is what CI runs. `make help` lists them.
CARGO   ?= cargo
PYTHON  ?= python3
PREFIX  ?= /usr/local
CC      ?= cc
VENV    := .venv
VPY     := $(VENV)/bin/python
CFLAGS_TEST := -Wall -Wextra -Werror -std=c11 -g -Ibindings/c/include
LIBDIR  := target/release

.PHONY: help demo test rust-test c-lib c-header c-test py-venv py-test lint bench fuzz clean

help:
	@echo "make demo      run the CLI on the example article"
	@echo "make test      Rust, C and Python tests"
	@echo "make lint      rustfmt check, clippy -D warnings, rustdoc with broken links denied, cargo deny"
	@echo "make bench     criterion benchmarks"
	@echo "make fuzz      every fuzz target for FUZZ_SECONDS each (needs the nightly toolchain)"

demo:
	$(CARGO) run --locked --release --example newsparse -- examples/ukraine-guarantees.txt

test: rust-test c-test py-test

rust-test:
	$(CARGO) test --locked --workspace --exclude newsparse-python

c-lib:
	$(CARGO) build --locked --release -p newsparse-c

c-header:
	NEWSPARSE_BLESS=1 $(CARGO) test --locked -p newsparse-c --test header

c-test: c-lib
	$(CARGO) test --locked -p newsparse-c --test header
	mkdir -p target/c
	$(CC) $(CFLAGS_TEST) bindings/c/tests/test_parse.c -o target/c/test_parse $(LIBDIR)/libnewsparse.a -lpthread -ldl -lm
	./target/c/test_parse

PYDEPS  := bindings/python/requirements-dev.txt
RUFF    := $(VENV)/bin/ruff --config bindings/python/pyproject.toml

$(VPY):
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip

# Reinstalled whenever the list of development packages changes.
$(VENV)/.deps: $(VPY) $(PYDEPS)
	$(VPY) -m pip install --quiet -r $(PYDEPS)
	touch $@

py-venv: $(VENV)/.deps

py-build: py-venv
	cd bindings/python && ../../$(VPY) -m maturin develop --locked --release --quiet

py-test: py-build
	$(VPY) -m pytest -q bindings/python/tests

py-lint: py-venv
	$(RUFF) check bindings/python examples/python
	$(RUFF) format --check bindings/python examples/python

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings -D rustdoc::broken_intra_doc_links" $(CARGO) doc --locked --workspace --no-deps --exclude newsparse-python
	command -v cargo-deny >/dev/null || $(CARGO) install --locked cargo-deny
	$(CARGO) deny check licenses bans

bench:
	$(CARGO) bench --locked -p newsparse

# Fuzz targets live in fuzz/ (the core) and bindings/c/fuzz/ (the C API); each runs for
# FUZZ_SECONDS. Findings land in <dir>/artifacts/<target>/: keep each as a regression test.
FUZZ_SECONDS ?= 60
FUZZ_DIRS    := fuzz $(wildcard bindings/c/fuzz)
fuzz:
	command -v cargo-fuzz >/dev/null || $(CARGO) install --locked cargo-fuzz
	for dir in $(FUZZ_DIRS); do \
	  for t in $$(cd $$dir && $(CARGO) +nightly fuzz list); do \
	    (cd $$dir && $(CARGO) +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536) || exit 1; \
	  done; \
	done

clean:
	$(CARGO) clean
	rm -rf $(VENV) target/c
