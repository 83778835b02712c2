#!/usr/bin/env bash
# Screenshots of the real window on three days of the war, for the README and slides.
#
# Usage: scripts/screenshot.sh [OUT_DIR] [BINARY]
#   OUT_DIR  where the PNGs go (default: docs/)
#   BINARY   the karabakh-atlas binary (default: build it with cargo build --release)
#
# Without a display it runs the window under Xvfb (xvfb-run, package "xvfb"), software rendering.
# Each shot opens the window on a day, saves a PNG through egui's viewport screenshot and closes.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/docs}"
binary="${2:-}"
if [[ -z "$binary" ]]; then
    cargo build --release --manifest-path "$root/Cargo.toml"
    binary="${CARGO_TARGET_DIR:-$root/target}/release/karabakh-atlas"
fi
mkdir -p "$out"

run() {
    if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
        "$@"
    elif command -v xvfb-run > /dev/null; then
        xvfb-run -a -s "-screen 0 1920x1080x24" "$@"
    else
        echo "No display and no xvfb-run: install the xvfb package or run this on a desktop." >&2
        exit 1
    fi
}

cd "$root"
# The first full day of the war, the shelling of Shusha's cathedral and the Moscow talks, the toll
# of the first weeks; one of them as a dark-theme slide.
run "$binary" screenshot --day 2020-09-27 --out "$out/atlas-2020-09-27.png" --size 1280x720
run "$binary" screenshot --day 2020-10-08 --out "$out/atlas-2020-10-08.png" --size 1920x1080
run "$binary" screenshot --day 2020-10-10 --out "$out/atlas-2020-10-10-slide.png" --size 1920x1080 \
    --presentation --dark --up-to-day
echo "screenshots in $out"
