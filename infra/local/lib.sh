# Shared helpers for infra/local scripts. Sourced, not executed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${GOV_TOOLS_DIR:-$ROOT/.tools}"
LOGS="$TOOLS/logs"; RUN="$TOOLS/run"; DL="$TOOLS/downloads"; BIN="$TOOLS/bin"
mkdir -p "$LOGS" "$RUN" "$DL" "$BIN"

# Ports and versions: one place, overridable from the environment (see .env.example).
: "${MYSQL_HOST:=127.0.0.1}" "${MYSQL_PORT:=3306}" "${MYSQL_USER:=gov}" "${MYSQL_PASSWORD:=gov-dev-pw}"
: "${TEMPORAL_PORT:=7233}" "${TEMPORAL_UI_PORT:=8233}" "${TEMPORAL_CLI_VERSION:=v1.5.1}"
: "${TEMPORAL_TEST_SERVER_VERSION:=1.38.0}"
: "${KEYCLOAK_PORT:=8080}" "${KEYCLOAK_MGMT_PORT:=9000}" "${KEYCLOAK_VERSION:=26.5.6}"
: "${KEYCLOAK_ADMIN_USER:=admin}" "${KEYCLOAK_ADMIN_PASSWORD:=admin}"
: "${MAVEN_CENTRAL:=https://repo1.maven.org/maven2}"

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] FAILED: %s\n' "$*" >&2; exit 1; }

# pid_alive NAME -> 0 if the pid file names a live process
pid_alive() { local f="$RUN/$1.pid"; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until NAME TIMEOUT_S LOGFILE CMD... : poll CMD until it succeeds; on timeout print the log tail and fail.
wait_until() {
  local name="$1" timeout="$2" logfile="$3"; shift 3
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS - start >= timeout )); then
      printf '[infra] FAILED: %s not ready after %ss. Last lines of %s:\n' "$name" "$timeout" "$logfile" >&2
      tail -n 40 "$logfile" >&2 2>/dev/null || true
      exit 1
    fi
    if [ -f "$RUN/$name.pid" ] && ! pid_alive "$name"; then
      printf '[infra] FAILED: %s exited during start-up. Last lines of %s:\n' "$name" "$logfile" >&2
      tail -n 40 "$logfile" >&2 2>/dev/null || true
      exit 1
    fi
    sleep 1
  done
  log "$name ready after $(( SECONDS - start ))s"
}

# download URL DEST: cached, atomic (a half download never counts as cached).
download() {
  local url="$1" dest="$2"
  [ -s "$dest" ] && return 0
  log "downloading $url"
  curl -fsSL --retry 3 --retry-delay 2 -o "$dest.part" "$url" || die "download of $url"
  mv "$dest.part" "$dest"
}

# find_jdk MIN_MAJOR -> prints a JAVA_HOME whose major version >= MIN_MAJOR
find_jdk() {
  local min="$1" cand v
  for cand in ${JAVA_HOME:-} /usr/lib/jvm/* "$TOOLS"/jdk*; do
    [ -x "$cand/bin/java" ] || continue
    v=$("$cand/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then echo "$cand"; return 0; fi
  done
  return 1
}

# start_bg NAME LOGFILE CMD... : start a daemon once, recording its pid (process group leader via setsid).
start_bg() {
  local name="$1" logfile="$2"; shift 2
  if pid_alive "$name"; then return 0; fi
  log "starting $name (log: $logfile)"
  setsid nohup "$@" >>"$logfile" 2>&1 < /dev/null &
  echo $! > "$RUN/$name.pid"
}

stop_bg() {
  local name="$1" pid
  pid_alive "$name" || { rm -f "$RUN/$name.pid"; return 0; }
  pid=$(cat "$RUN/$name.pid")
  log "stopping $name ($pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$RUN/$name.pid"
}
