#!/usr/bin/env bash
# Install the Debian/Ubuntu packages a purpose needs, only if some are missing.
# Usage: packaging/system-deps.sh run|screenshots|bundle|narration|ci
# Python packages come from pip (see pyproject.toml); these are the system parts:
#   run         Qt's X11 (xcb) platform plugin libraries, to open a real window
#   screenshots the above plus a virtual screen (Xvfb)
#   bundle      the same, binutils (strip, readelf, as, ld) and icu-devtools (icupkg)
#               for `make bundle`, and the packages whose copyright files the bundle's
#               licences need
#   narration   offline speech engines and audio tools for `make narration`
#   ci          what the test suite and benchmarks need on a bare machine (poppler-utils
#               renders the PDF report in its tests; binutils and icu-devtools slim
#               ICU data in the bundle's tests), with the
#               speech engines so the narration build's own tests run
set -euo pipefail

xcb=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
     libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0
     libegl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
# Debian's copyright files for the libraries pygame-ce and PySide6 carry inside their
# wheels without a licence text (SDL2 and its codecs, ICU): packaging/licences.py puts
# them in the bundle's licenses/ folder, and stops the build when one is missing.
licence_texts=(libsdl2-2.0-0 libsdl2-mixer-2.0-0 libsdl2-image-2.0-0 libsdl2-ttf-2.0-0
               libfluidsynth3 libopusfile0 libxmp4 libwebpdemux2 libflac12 libmpg123-0
               libogg0 libopus0 libvorbis0a libvorbisenc2 libvorbisfile3 libwavpack1
               libwebp7 libsndfile1 libtiff6 libjpeg62-turbo libharfbuzz0b libbrotli1
               libpng16-16 libfreetype6 libicu72)
case "${1:-run}" in
  run)         wanted=("${xcb[@]}") ;;
  screenshots) wanted=("${xcb[@]}" xvfb xauth) ;;
  bundle)      wanted=("${xcb[@]}" xvfb xauth binutils icu-devtools "${licence_texts[@]}") ;;
  narration)   wanted=(festival festvox-us-slt-hts espeak-ng sox) ;;
  ci)          wanted=(libegl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3
                       fonts-dejavu-core festival festvox-us-slt-hts espeak-ng
                       poppler-utils desktop-file-utils appstream binutils icu-devtools) ;;
  *) echo "usage: $0 run|screenshots|bundle|narration|ci" >&2; exit 2 ;;
esac

command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian-like: nothing to do here
missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
  echo "Please install these packages, then try again: ${missing[*]}" >&2; exit 1
fi
echo "Installing system packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
