#!/usr/bin/env bash
# Makes the app's icon sizes (the .deb's hicolor theme and the window icon) from icon.png, as RGBA PNGs
# (Tauri rejects palette PNGs). Needs ImageMagick. Run again after changing icon.png.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for s in 16 32 48 64 128 256; do
  convert icon.png -filter Lanczos -resize "${s}x${s}" -strip "PNG32:${s}x${s}.png"
done
convert icon.png -strip PNG32:icon.png.tmp && mv icon.png.tmp icon.png
