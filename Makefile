# newsparse: every target here is what CI runs. `make help` lists them.
CARGO   ?= cargo
PYTHON  ?= python3
PREFIX  ?= /usr/local
CC      ?= cc
VENV    := .venv
VPY     := $(VENV)/bin/python
CFLAGS_TEST := -Wall -Wextra -Werror -std=c11 -g -Ibindings/c/include
LIBDIR  := target/release

.PHONY: help demo test rust-test c-lib c-header c-test install py-venv py-test lint bench fuzz clean

help:
	@echo "make demo      run the CLI on the example article"
	@echo "make test      Rust, C and Python tests"
	@echo "make lint      rustfmt check, clippy -D warnings, rustdoc (public and private items) with broken links denied, cargo deny"
	@echo "make bench     criterion benchmarks"
	@echo "make install   the C header, libraries and newsparse.pc under PREFIX (default /usr/local)"
	@echo "make fuzz      every fuzz target for FUZZ_SECONDS each (needs the nightly toolchain)"

demo:
	$(CARGO) run --locked --release --example newsparse -- examples/ukraine-guarantees.txt

test: rust-test c-test py-test

rust-test:
	$(CARGO) test --locked --workspace --exclude newsparse-python

# The C library. C_LIBS are the system libraries the static library needs (rustc
# --print native-static-libs on Linux); ASAN and VALGRIND are the two checked runs of the C tests.
C_LIBS   := -lgcc_s -lutil -lrt -lpthread -lm -ldl
C_OUT    := target/c
C_ARTICLE := examples/ukraine-guarantees.txt
ASAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
VALGRIND_BIN ?= valgrind
VALGRIND := $(VALGRIND_BIN) --quiet --error-exitcode=99 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect
VERSION  := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

c-lib:
	$(CARGO) build --locked --release -p newsparse-c

c-header:
	NEWSPARSE_BLESS=1 $(CARGO) test --locked -p newsparse-c --test header

# Fails on a stale header; runs the C tests under AddressSanitizer and under valgrind (ASan
# alone, said so, where valgrind is missing); builds and runs the example on the reference
# article and on invalid UTF-8 (which must fail cleanly).
c-test: c-lib
	$(CARGO) test --locked -p newsparse-c --test header
	mkdir -p $(C_OUT)
	$(CC) $(CFLAGS_TEST) $(ASAN) bindings/c/tests/test_capi.c -o $(C_OUT)/test_capi_asan $(LIBDIR)/libnewsparse.a $(C_LIBS)
	ASAN_OPTIONS=detect_leaks=1 ./$(C_OUT)/test_capi_asan $(C_ARTICLE)
	$(CC) $(CFLAGS_TEST) bindings/c/tests/test_capi.c -o $(C_OUT)/test_capi $(LIBDIR)/libnewsparse.a $(C_LIBS)
	$(CC) $(CFLAGS_TEST) examples/c/quotes.c -o $(C_OUT)/quotes $(LIBDIR)/libnewsparse.a $(C_LIBS)
	printf '"caf\351," she said.\n' > $(C_OUT)/invalid-utf8.txt
	if command -v $(VALGRIND_BIN) >/dev/null; then \
	  $(VALGRIND) ./$(C_OUT)/test_capi $(C_ARTICLE) && \
	  $(VALGRIND) ./$(C_OUT)/quotes $(C_ARTICLE) >/dev/null && \
	  { $(VALGRIND) ./$(C_OUT)/quotes $(C_OUT)/invalid-utf8.txt; test $$? -eq 1; }; \
	else \
	  echo "valgrind not found: ran the C tests under AddressSanitizer only"; \
	  ./$(C_OUT)/test_capi $(C_ARTICLE) && { ./$(C_OUT)/quotes $(C_OUT)/invalid-utf8.txt; test $$? -eq 1; }; \
	fi
	./$(C_OUT)/quotes $(C_ARTICLE)
	@echo "check that make install gives a working pkg-config setup"
	rm -rf $(C_OUT)/prefix && $(MAKE) --no-print-directory install PREFIX=$(CURDIR)/$(C_OUT)/prefix
	PKG_CONFIG_PATH=$(C_OUT)/prefix/lib/pkgconfig sh -c '$(CC) examples/c/quotes.c -o $(C_OUT)/quotes-shared $$(pkg-config --cflags --libs newsparse)'
	LD_LIBRARY_PATH=$(C_OUT)/prefix/lib ./$(C_OUT)/quotes-shared $(C_ARTICLE) | grep -q "^Patrick Turner: "

# Installs the header, both libraries and newsparse.pc under $(DESTDIR)$(PREFIX).
install: c-lib
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 bindings/c/include/newsparse.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(LIBDIR)/libnewsparse.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(LIBDIR)/libnewsparse.so $(DESTDIR)$(PREFIX)/lib/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' bindings/c/newsparse.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/newsparse.pc

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
	RUSTDOCFLAGS="-D warnings -D rustdoc::broken_intra_doc_links" $(CARGO) doc --locked --workspace --no-deps --exclude newsparse-python --document-private-items
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
