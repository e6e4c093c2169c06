#!/usr/bin/env bash
# MariaDB from Debian's packages, run as a private instance with its data under .tools/mariadb.
source "$(dirname "$0")/lib.sh"
DATA="$TOOLS/mariadb/data"; SOCK="$RUN/mariadb.sock"; LOG="$LOGS/mariadb.log"

install() {
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] && return 0
  log "installing mariadb-server from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >>"$LOGS/apt.log" 2>&1 || die "apt-get update (see $LOGS/apt.log)"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq mariadb-server mariadb-client >>"$LOGS/apt.log" 2>&1 || die "apt-get install mariadb-server (see $LOGS/apt.log)"
}

ping_db() { mariadb-admin --socket="$SOCK" -uroot ping; }

up() {
  install
  PATH="/usr/sbin:$PATH"
  if [ ! -d "$DATA/mysql" ]; then
    log "initialising MariaDB data directory $DATA"
    mkdir -p "$DATA"
    mariadb-install-db --no-defaults --datadir="$DATA" --user="$(id -un)" --auth-root-authentication-method=socket >>"$LOG" 2>&1 \
      || { tail -n 30 "$LOG"; die "mariadb-install-db"; }
  fi
  if ! pid_alive mariadb; then
    port_open "$MYSQL_PORT" && die "port $MYSQL_PORT is taken by another process (set MYSQL_PORT)"
    start_bg mariadb "$LOG" mariadbd --no-defaults --datadir="$DATA" --socket="$SOCK" --pid-file="$RUN/mariadbd.pid" \
      --port="$MYSQL_PORT" --bind-address=127.0.0.1 --user="$(id -un)" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --innodb-buffer-pool-size=512M --max-connections=500 --skip-name-resolve --log-error="$LOG"
  fi
  wait_until mariadb 60 "$LOG" ping_db
  # The app user owns every gov_* database: `npm run migrate` creates one per subgraph of kit's SERVICE_PORTS (the one
  # list of subgraphs), tests create throwaway ones (gov_test_*).
  mariadb --socket="$SOCK" -uroot <<SQL
CREATE USER IF NOT EXISTS '$MYSQL_USER'@'127.0.0.1' IDENTIFIED BY '$MYSQL_PASSWORD';
CREATE USER IF NOT EXISTS '$MYSQL_USER'@'localhost' IDENTIFIED BY '$MYSQL_PASSWORD';
GRANT ALL PRIVILEGES ON \`gov\\_%\`.* TO '$MYSQL_USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`gov\\_%\`.* TO '$MYSQL_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
}

case "${1:-up}" in
  up) up ;;
  down) stop_bg mariadb ;;
  status) if pid_alive mariadb && ping_db >/dev/null 2>&1; then echo "mariadb: up on 127.0.0.1:$MYSQL_PORT"; else echo "mariadb: down"; return 1 2>/dev/null || exit 1; fi ;;
esac
