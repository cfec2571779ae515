#!/usr/bin/env bash
# Installs the Debian packages SurvivalKit needs (OpenBLAS + LAPACKE, ReadStat, zlib,
# librsvg + cairo and the DejaVu fonts for PNG/PDF figures) if they
# are missing. Needs root (or sudo) the first time; a no-op afterwards.
set -euo pipefail
need=()
for pkg in libopenblas-dev liblapacke-dev libreadstat-dev zlib1g-dev librsvg2-dev libcairo2-dev fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
