#!/usr/bin/env bash
# Debian's Chromium and CJK fonts for the browser tests (playwright-core drives /usr/bin/chromium; no browser downloads).
source "$(dirname "$0")/lib.sh"

up() {
  command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' && return 0
  log "installing chromium and fonts-noto-cjk from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >>"$LOGS/apt.log" 2>&1 || die "apt-get update (see $LOGS/apt.log)"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium fonts-noto-cjk >>"$LOGS/apt.log" 2>&1 || die "apt-get install chromium fonts-noto-cjk (see $LOGS/apt.log)"
}

case "${1:-up}" in
  up) up ;;
  *) die "usage: $0 up" ;;
esac
