# Shared by scripts/run and scripts/test: install what is missing, then configure and build.
# Sourced, not run.

CPIS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Debian packages the build and the embedded database need.
CPIS_BUILD_PACKAGES=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev libqt6sql6-psql libpq-dev libssl-dev qtkeychain-qt6-dev
  libxml2-dev
  postgresql
  fonts-dejavu-core
  qt6-charts-dev libqt6opengl6-dev
  ccache
  qt6-l10n-tools qt6-tools-dev
)

# What making and checking the Debian package needs (scripts/package, and scripts/test's
# package test): dpkg-shlibdeps for Depends, desktop-file-validate, man to read the pages.
CPIS_PACKAGE_PACKAGES=(dpkg-dev desktop-file-utils man-db)

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# cpis_install PACKAGE...: apt-get installs those not yet installed (sudo when not root).
cpis_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "apt-get not found; install these yourself: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "not root and no sudo; install these as root: ${missing[*]}"
    sudo=(sudo)
  fi
  say "Installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || die "could not install: ${missing[*]}"
}

# cpis_build BUILD_DIR [CMAKE_ARGS...]: configure once, then build.
cpis_build() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    say "Configuring in $dir"
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$CPIS_ROOT" -B "$dir" -G Ninja "${launcher[@]}" "$@" || die "cmake configuration failed"
  fi
  say "Building in $dir"
  # ccache keys on paths relative to the checkout, so another clone of the project (CI's)
  # reuses what this machine compiled before.
  CCACHE_BASEDIR="$CPIS_ROOT" CCACHE_NOHASHDIR=true \
    cmake --build "$dir" --parallel "$(nproc)" || die "the build failed"
}
