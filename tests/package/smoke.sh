#!/usr/bin/env bash
# Issue 16: the .deb as a user gets it. Builds it with .ci/package, checks its metadata and contents (dpkg-deb -I/-c),
# installs it with apt, launches the installed /usr/bin/parallax-app under Xvfb on a fresh data folder through the
# WebDriver harness (installed.test.mjs: the sample library appears), then removes the package. Needs root or sudo.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
fail() { echo "package smoke: $*" >&2; exit 1; }

deb=$(bash .ci/package | tail -n 1)
[ -f "$deb" ] || fail ".ci/package did not print a .deb path (got: $deb)"
echo "package smoke: $deb ($(du -h "$deb" | cut -f1))"

info=$(dpkg-deb -I "$deb")
contents=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||; s|^|./|')
pkg=$(dpkg-deb -f "$deb" Package)
depends=$(dpkg-deb -f "$deb" Depends)
echo "$info" | sed -n '/Package:/,$p'
for dep in libwebkit2gtk-4.1-0 libgtk-3-0 libc6; do
  [[ ",$depends," == *"$dep"* ]] || fail "Depends lacks $dep: $depends"
done
for want in ./usr/bin/parallax-app ./usr/share/applications/Parallax.desktop \
  ./usr/share/icons/hicolor/32x32/apps/parallax-app.png ./usr/share/icons/hicolor/128x128/apps/parallax-app.png \
  ./usr/share/icons/hicolor/256x256/apps/parallax-app.png ./usr/share/icons/hicolor/512x512/apps/parallax-app.png; do
  grep -qxF "$want" <<<"$contents" || fail "the package lacks $want"
done
# Nothing from the repository's tests, fixtures, evaluation data or node modules is shipped.
if bad=$(grep -E '(^|/)(tests?|fixtures|eval-data|node_modules|e2e)(/|$)|\.test\.|\.rs$|\.ts$' <<<"$contents"); then
  fail "test or source files in the package: $bad"
fi
size_kb=$(dpkg-deb -f "$deb" Installed-Size)
# The release binary embeds the UI and the PDF fonts (about 5 MB of CJK font): tens of MB, not hundreds.
[ "$size_kb" -gt 2000 ] && [ "$size_kb" -lt 80000 ] || fail "installed size ${size_kb} KB is not sensible"
echo "package smoke: $pkg installs ${size_kb} KB; depends: $depends"

as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
trap 'as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$pkg" >/dev/null || true' EXIT
[ -x /usr/bin/parallax-app ] || fail "/usr/bin/parallax-app is not installed"
grep -q '^Exec=parallax-app' /usr/share/applications/Parallax.desktop || fail "the .desktop entry does not run parallax-app"

(cd tests/package && APP_BINARY=/usr/bin/parallax-app \
  xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 ./installed.test.mjs)

as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$pkg" >/dev/null
trap - EXIT
[ ! -e /usr/bin/parallax-app ] || fail "/usr/bin/parallax-app is still there after apt remove"
echo "package smoke: installed, launched on the sample library, removed"
