# Install gen-collections as a self-contained binary: the Swift runtime and Foundation are linked in
# (--static-swift-stdlib), so the installed binary runs on a machine without a Swift toolchain.
#
#   make install                      # into /usr/local (bin, share/man/man1, shell completions)
#   make install PREFIX=$HOME/.local  # into your home
#   make install DESTDIR=/tmp/pkg     # staged, for packaging
#   make uninstall                    # the same PREFIX and DESTDIR remove what install wrote
#
# The release build takes a while (30+ minutes on a 2-core machine); later runs rebuild only what changed.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
STRIP ?= strip
# SwiftPM's build folder; the install test uses its own (.build-install), as `swift test` holds the lock of .build.
SCRATCH_PATH ?= .build

BUILD_FLAGS := -c release --static-swift-stdlib --scratch-path $(SCRATCH_PATH)
BIN_DIR := $(DESTDIR)$(PREFIX)/bin
MAN_DIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASH_DIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_DIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_DIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all build install uninstall check-version man

all: build

build:
	$(SWIFT) build $(BUILD_FLAGS) --product gen-collections

install: build
	$(eval BUILT := $(shell $(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/gen-collections)
	install -d "$(BIN_DIR)" "$(MAN_DIR)" "$(BASH_DIR)" "$(ZSH_DIR)" "$(FISH_DIR)"
	install -m 755 "$(BUILT)" "$(BIN_DIR)/gen-collections"
	$(STRIP) "$(BIN_DIR)/gen-collections"
	install -m 644 docs/man/gen-collections.1 "$(MAN_DIR)/gen-collections.1"
	"$(BUILT)" --generate-completion-script bash > "$(BASH_DIR)/gen-collections"
	"$(BUILT)" --generate-completion-script zsh > "$(ZSH_DIR)/_gen-collections"
	"$(BUILT)" --generate-completion-script fish > "$(FISH_DIR)/gen-collections.fish"
	@echo "installed $(BIN_DIR)/gen-collections ($$("$(BIN_DIR)/gen-collections" --version))"

uninstall:
	rm -f "$(BIN_DIR)/gen-collections" "$(MAN_DIR)/gen-collections.1" "$(BASH_DIR)/gen-collections" \
		"$(ZSH_DIR)/_gen-collections" "$(FISH_DIR)/gen-collections.fish"

# Fails when the version in the source differs from the latest v* tag (before the first tag: passes, says so).
check-version:
	scripts/check-version

# Regenerates docs/man/gen-collections.1 from the help (swift-argument-parser's generate-manual plugin).
man:
	scripts/generate-man
