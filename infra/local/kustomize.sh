#!/usr/bin/env bash
# kustomize for the manifest tests (k8s/): built with `go install` from the Go module proxy into .tools/bin (its
# release binaries live on GitHub, which this machine does not reach). v5.7.1: the newest that builds with Go 1.26.
source "$(dirname "$0")/lib.sh"
: "${KUSTOMIZE_VERSION:=v5.7.1}"

up() {
  if [ -x "$BIN/kustomize" ] && "$BIN/kustomize" version 2>/dev/null | grep -q "${KUSTOMIZE_VERSION}"; then return 0; fi
  command -v go >/dev/null 2>&1 || die "go is needed to build kustomize"
  log "building kustomize $KUSTOMIZE_VERSION with go install (log: $LOGS/kustomize-build.log)"
  GOBIN="$BIN" go install "sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION}" >"$LOGS/kustomize-build.log" 2>&1 \
    || { tail -n 20 "$LOGS/kustomize-build.log" >&2; die "go install kustomize"; }
  log "kustomize $KUSTOMIZE_VERSION ready"
}

case "${1:-up}" in
  up) up ;;
  down) ;;
  status) if [ -x "$BIN/kustomize" ]; then echo "kustomize: $("$BIN/kustomize" version)"; else echo "kustomize: missing"; fi ;;
esac
