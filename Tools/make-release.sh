#!/usr/bin/env bash
# Builds a release tarball for machines without a Swift toolchain: a fully static binary
# (the Swift runtime, libstdc++, ncursesw and the bundled questionnaires inside), the man
# page and shell completions for bash, zsh and fish.
#
#   Tools/make-release.sh [OUTPUT_DIR]      (default: dist)
#
# Prints the path of the tarball. Needs a Swift toolchain and libncurses-dev to build;
# the result needs only the terminal descriptions (terminfo) of the machine it runs on.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)"

# The man page is generated from the command definitions; the debug build is enough.
swift package --allow-writing-to-package-directory generate-manual --configuration debug >&2
manual=".build/plugins/GenerateManual/outputs/grip/grip.1"

swift build -c release --static-swift-stdlib --product grip >&2
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/grip"
version="$("$bin" --version)"
name="grip-$version-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
    "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
install -m 755 "$bin" "$root/bin/grip"
strip "$root/bin/grip" 2>/dev/null || true
install -m 644 "$manual" "$root/share/man/man1/grip.1"
"$bin" --generate-completion-script bash > "$root/share/bash-completion/completions/grip"
"$bin" --generate-completion-script zsh > "$root/share/zsh/site-functions/_grip"
"$bin" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/grip.fish"
install -m 644 README.md "$root/README.md"
tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
echo "$out/$name.tar.gz"
