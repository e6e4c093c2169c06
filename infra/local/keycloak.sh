#!/usr/bin/env bash
# Keycloak: keycloak-quarkus-dist from Maven Central, `kc.sh start-dev --import-realm` with infra/keycloak/realm.json.
source "$(dirname "$0")/lib.sh"
KC_HOME="$TOOLS/keycloak-$KEYCLOAK_VERSION"; LOG="$LOGS/keycloak.log"
REALM_JSON="$ROOT/infra/keycloak/realm.json"

install() {
  [ -x "$KC_HOME/bin/kc.sh" ] && return 0
  local tgz="$DL/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
  download "$MAVEN_CENTRAL/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" "$tgz"
  log "unpacking Keycloak $KEYCLOAK_VERSION"
  rm -rf "$KC_HOME.part" && mkdir -p "$KC_HOME.part"
  tar -xzf "$tgz" -C "$KC_HOME.part" --strip-components=1 || die "unpacking $tgz"
  mv "$KC_HOME.part" "$KC_HOME"
}

ready() { curl -fsS "http://127.0.0.1:$KEYCLOAK_PORT/realms/gov/.well-known/openid-configuration"; }

up() {
  install
  local jdk; jdk=$(find_jdk 21) || die "Keycloak $KEYCLOAK_VERSION needs a JDK >= 21; none found in JAVA_HOME or /usr/lib/jvm"
  # The realm is imported only when absent: a changed realm.json resets Keycloak's dev database so it is imported afresh.
  local sum; sum=$(sha256sum "$REALM_JSON" | cut -d' ' -f1)
  if [ "$(cat "$KC_HOME/.realm.sha256" 2>/dev/null)" != "$sum" ]; then
    stop_bg keycloak
    rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"
    mkdir -p "$KC_HOME/data/import" && cp "$REALM_JSON" "$KC_HOME/data/import/gov-realm.json"
    echo "$sum" > "$KC_HOME/.realm.sha256"
  fi
  # Brute-force detection stays on (failed logins lock a user out), but since Keycloak 26 it also refuses concurrent
  # *successful* logins of one user unless allow-concurrent-requests is set (keycloak/keycloak#33527, #48272) — the
  # test suite and county systems log the same demo user in from several processes at once.
  if ! pid_alive keycloak; then
    port_open "$KEYCLOAK_PORT" && die "port $KEYCLOAK_PORT is taken by another process (set KEYCLOAK_PORT)"
    JAVA_HOME="$jdk" KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
      JAVA_OPTS_KC_HEAP="-Xms256m -Xmx768m" JAVA_OPTS_APPEND="--add-opens java.base/java.lang=ALL-UNNAMED" \
      start_bg keycloak "$LOG" "$KC_HOME/bin/kc.sh" start-dev --import-realm \
        --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MGMT_PORT" \
        --health-enabled=true --hostname-strict=false \
        --spi-brute-force-protector-default-brute-force-detector-allow-concurrent-requests=true
  fi
  wait_until keycloak 240 "$LOG" ready
}

case "${1:-up}" in
  up) up ;;
  down) stop_bg keycloak ;;
  status) if ready >/dev/null 2>&1; then echo "keycloak: up on http://127.0.0.1:$KEYCLOAK_PORT (realm gov)"; else echo "keycloak: down"; exit 1; fi ;;
esac
