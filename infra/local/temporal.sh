#!/usr/bin/env bash
# Temporal dev server: the Temporal CLI built from source with `go install`, `temporal server start-dev` on SQLite.
# TEMPORAL_HEADLESS=1 disables the Web UI (default: headless when CI=true, UI otherwise).
source "$(dirname "$0")/lib.sh"
LOG="$LOGS/temporal.log"; BUILD_LOG="$LOGS/temporal-build.log"; DB="$TOOLS/temporal/temporal.db"
TEMPORAL="$BIN/temporal"
: "${TEMPORAL_HEADLESS:=$([ "${CI:-}" = true ] && echo 1 || echo 0)}"
export PATH="$PATH:/usr/local/go/bin"

# The binary counts as installed when it reports the wanted version: through --version (set by our -ldflags, as in
# release builds) or, for a plain `go install` that reports 0.0.0-DEV, through the module version Go embeds.
installed() {
  [ -x "$TEMPORAL" ] || return 1
  "$TEMPORAL" --version 2>/dev/null | grep -qE "version v?${TEMPORAL_CLI_VERSION#v}( |$)" && return 0
  command -v go >/dev/null 2>&1 && go version -m "$TEMPORAL" 2>/dev/null \
    | grep -qE "^[[:space:]]+mod[[:space:]]+github.com/temporalio/cli[[:space:]]+${TEMPORAL_CLI_VERSION}[[:space:]]"
}

install() {
  installed && return 0
  # One build at a time: a concurrent `up` holds the lock; a build started by hand is waited for, not raced.
  exec 9>"$RUN/temporal-install.lock"; flock 9
  while pgrep -f "go install github.com/temporalio/cli" >/dev/null; do
    log "waiting for a temporal CLI build already running (pgrep -f 'go install github.com/temporalio/cli')"
    sleep 10
  done
  installed && { flock -u 9; return 0; }
  command -v go >/dev/null 2>&1 || die "go not found: the Temporal CLI is built with go install (Go toolchain in PATH)"
  log "building temporal CLI $TEMPORAL_CLI_VERSION with go install (several minutes the first time; log: $BUILD_LOG)"
  local start=$SECONDS
  # -ldflags as in the CLI's goreleaser build: stripped, and --version reports the real version instead of 0.0.0-DEV.
  GOBIN="$BIN" GOMODCACHE="$TOOLS/go/mod" GOCACHE="$TOOLS/go/cache" GOFLAGS=-modcacherw \
    go install -ldflags "-s -w -X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION#v}" \
    "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" >>"$BUILD_LOG" 2>&1 \
    || { tail -n 30 "$BUILD_LOG" >&2; die "go install temporal CLI $TEMPORAL_CLI_VERSION (see $BUILD_LOG)"; }
  log "temporal CLI built in $(( SECONDS - start ))s"
  flock -u 9
  installed || die "$TEMPORAL does not report version $TEMPORAL_CLI_VERSION after the build"
}

health() {
  "$TEMPORAL" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" --command-timeout 5s 2>/dev/null | grep -q SERVING
}

up() {
  install
  mkdir -p "$(dirname "$DB")"
  local args=(server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT"
              --db-filename "$DB" --log-level warn)
  [ "$TEMPORAL_HEADLESS" = 1 ] && args+=(--headless)
  # A server started with other options (port, database, UI wanted but off) is restarted; the SQLite file keeps the
  # workflows. A server with its UI on serves a headless request as it is: restarting it would blip every workflow
  # client of a run already going on this machine (e.g. `npm start`'s stack while CI=true `npm test` runs).
  local running; running="$(cat "$RUN/temporal.args" 2>/dev/null || true)"
  if pid_alive temporal && [ "$running" != "${args[*]}" ] \
     && ! { [ "$TEMPORAL_HEADLESS" = 1 ] && [ "$running --headless" = "${args[*]}" ]; }; then
    log "temporal options changed: restarting"
    stop_bg temporal
  fi
  if ! pid_alive temporal; then
    port_open "$TEMPORAL_PORT" && die "port $TEMPORAL_PORT is taken by another process (set TEMPORAL_PORT)"
    [ "$TEMPORAL_HEADLESS" != 1 ] && port_open "$TEMPORAL_UI_PORT" \
      && die "port $TEMPORAL_UI_PORT is taken by another process (set TEMPORAL_UI_PORT or TEMPORAL_HEADLESS=1)"
    echo "${args[*]}" > "$RUN/temporal.args"
    start_bg temporal "$LOG" "$TEMPORAL" "${args[@]}"
  fi
  wait_until temporal 120 "$LOG" health
}

case "${1:-up}" in
  up) up ;;
  down) stop_bg temporal; rm -f "$RUN/temporal.args" ;;
  status) if [ -x "$TEMPORAL" ] && health; then
            ui=""; port_open "$TEMPORAL_UI_PORT" && ui=" (UI http://127.0.0.1:$TEMPORAL_UI_PORT)"
            echo "temporal: up on 127.0.0.1:$TEMPORAL_PORT$ui"
          else echo "temporal: down"; exit 1; fi ;;
esac
