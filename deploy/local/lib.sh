# shellcheck shell=bash disable=SC2034  # (settings used by the scripts that source this file)
# Shared settings and helpers for deploy/local/{up,down,status}. Sourced, not run.
#
# Everything the local run writes lives under var/local/ (git-ignored):
#   var/local/logs/<component>.log   one log per process
#   var/local/pids/<component>.pid   one pid file per process started by `up`
#   var/local/kafka/                 broker jars (libs/), config, data (data/)
#   var/local/mail/                  GreenMail standalone jar
#   var/local/sms.log                SMS captured by the sink (one JSON object a line)
#   var/local/demo.env               seeded demo credentials
#   var/local/secrets/master-keys    the master key sealing stored secrets (made once by `up`)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEPLOY="$ROOT/deploy/local"
VAR="$ROOT/var/local"
LOGS="$VAR/logs"
PIDS="$VAR/pids"
KAFKA_HOME="$VAR/kafka"
MAIL_HOME="$VAR/mail"
VERSION="0.1.0-SNAPSHOT"

# ---- settings (override any of them from the environment) -------------------------------------
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
DB_USER="${DB_USER:-postgres}"
DB_PASSWORD="${DB_PASSWORD:-}"
INTERNAL_API_TOKEN="${INTERNAL_API_TOKEN:-local-internal-token}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}"
KAFKA_HEAP="${KAFKA_HEAP:--Xms256m -Xmx512m}"
SMTP_PORT="${SMTP_PORT:-3025}"
IMAP_PORT="${IMAP_PORT:-3143}"
MAIL_UI_PORT="${MAIL_UI_PORT:-8025}"
SMS_PORT="${SMS_PORT:-8086}"
SERVICE_HEAP="${SERVICE_HEAP:--Xmx384m}"
START_TIMEOUT="${START_TIMEOUT:-300}"   # seconds for all services to become ready

export PGHOST PGPORT
export PGUSER="$DB_USER"
[ -n "$DB_PASSWORD" ] && export PGPASSWORD="$DB_PASSWORD"

# service name -> port; order = start order (identity first, gateway last)
SERVICES=(identity-service conversation-service ai-responder-service handoff-service notification-service gateway-service)
declare -A PORT_OF=(
  [gateway-service]=8080 [identity-service]=8081 [conversation-service]=8082
  [ai-responder-service]=8083 [handoff-service]=8084 [notification-service]=8085
)
declare -A DB_OF=(
  [identity-service]=supportchat_identity [conversation-service]=supportchat_conversation
  [ai-responder-service]=supportchat_ai [handoff-service]=supportchat_handoff
  [notification-service]=supportchat_notification
)
DATABASES=(supportchat_identity supportchat_conversation supportchat_ai supportchat_handoff supportchat_notification)

# every process `up` starts, in start order; `down` stops them in reverse
COMPONENTS=(kafka mail sms-sink "${SERVICES[@]}")
declare -A COMPONENT_PORTS=(
  [kafka]="$KAFKA_PORT $KAFKA_CONTROLLER_PORT" [mail]="$SMTP_PORT $IMAP_PORT $MAIL_UI_PORT" [sms-sink]="$SMS_PORT"
  [gateway-service]=8080 [identity-service]=8081 [conversation-service]=8082
  [ai-responder-service]=8083 [handoff-service]=8084 [notification-service]=8085
)
# all ports the local run occupies (down checks that none is left listening)
ALL_PORTS=(8080 8081 8082 8083 8084 8085 "$SMS_PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$SMTP_PORT" "$IMAP_PORT" "$MAIL_UI_PORT")

# ---- output -----------------------------------------------------------------------------------
if [ -t 1 ]; then B=$'\e[1m'; G=$'\e[32m'; Y=$'\e[33m'; R=$'\e[31m'; N=$'\e[0m'; else B='' G='' Y='' R='' N=''; fi
say()  { printf '%s==>%s %s\n' "$B" "$N" "$*"; }
ok()   { printf '    %sok%s  %s\n' "$G" "$N" "$*"; }
warn() { printf '    %s!!%s  %s\n' "$Y" "$N" "$*" >&2; }
die()  { printf '%sERROR%s %s\n' "$R" "$N" "$*" >&2; exit 1; }

# ---- processes --------------------------------------------------------------------------------
pidfile() { echo "$PIDS/$1.pid"; }

# pid of a running component started by up, or nothing. A pid file whose process is gone, or whose
# pid now belongs to an unrelated process (the command line no longer names this checkout), is stale.
running_pid() {
  local f pid
  f="$(pidfile "$1")"
  [ -f "$f" ] || return 1
  pid="$(cat "$f" 2>/dev/null)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$(component_marker "$1")" || return 1
  echo "$pid"
}

# up starts every process with -Dsupportchat.local=<component> -Dsupportchat.home=<checkout>
component_marker() { echo "-Dsupportchat.local=$1 -Dsupportchat.home=$ROOT "; }

# start a background process detached from this shell (own session: Ctrl-C on `up` does not reach it)
# usage: spawn <component> <command...>
# The pid file is written by the process itself just before it execs the command, so it holds the
# command's pid even when setsid has to fork (as it does when run from a shell with job control).
spawn() {
  local name="$1" pf; shift
  mkdir -p "$LOGS" "$PIDS"
  pf="$(pidfile "$name")"
  rm -f "$pf"
  printf '\n===== %s starting %s =====\n' "$(date -u +%FT%TZ)" "$name" >>"$LOGS/$name.log"
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pf" "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  for _ in $(seq 50); do [ -s "$pf" ] && return 0; sleep 0.1; done
  die "could not start $name (see $LOGS/$name.log)"
}

# is anything listening on 127.0.0.1/any on this TCP port?
# Is something listening on the port? Asks the kernel (ss) rather than connecting: a bare connect-and-close
# on GreenMail's IMAP port left a server thread spinning on the closed socket, a core burnt per probe.
port_open() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# pid of whatever listens on a TCP port (needs ss; empty if nothing)
listener_of() {
  { ss -Htlnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; } || true
}

pg_ready() { pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null; }

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" 2>/dev/null || true; }
