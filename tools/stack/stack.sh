#!/usr/bin/env bash
# tools/stack/stack.sh — install (cached) and run the project's real infrastructure on loopback,
# without Docker: Apache Kafka 4.x (KRaft, single node), PostgreSQL 15 and S3Proxy (S3 API).
#
#   eval "$(bash tools/stack/stack.sh up)"     # install what is missing, start, print env lines
#   bash tools/stack/stack.sh status           # exit 0 if all up, 3 otherwise
#   bash tools/stack/stack.sh stop kafka       # returns once the process is gone and the port closed
#   bash tools/stack/stack.sh start kafka      # returns once ready
#   bash tools/stack/stack.sh down [--purge]
#
# Progress goes to stderr; only the env lines go to stdout. See tools/stack/README.md.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

STACK_DIR="${LLMOPS_STACK_DIR:-/tmp/llmops-stack}"
CACHE_DIR="${LLMOPS_STACK_CACHE:-${HOME:-/root}/.cache/llmops-stack}"
PG_BIN="${LLMOPS_STACK_PG_BIN:-/usr/lib/postgresql/15/bin}"

KAFKA_PORT="${LLMOPS_STACK_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${LLMOPS_STACK_KAFKA_CONTROLLER_PORT:-19093}"
PG_PORT="${LLMOPS_STACK_PG_PORT:-55432}"
S3_PORT="${LLMOPS_STACK_S3_PORT:-19000}"

PG_DB=llmops
PG_USER=postgres
PG_PASSWORD=postgres
S3_ACCESS_KEY=llmops
S3_SECRET_KEY=llmops-secret-key
S3_BUCKET=llmops
S3_REGION=us-east-1

S3PROXY_VERSION="${LLMOPS_STACK_S3PROXY_VERSION:-3.3.0}"
MVN_DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

KAFKA_HEAP="${LLMOPS_STACK_KAFKA_HEAP:--Xms256m -Xmx768m}"
S3_HEAP="${LLMOPS_STACK_S3_HEAP:--Xms64m -Xmx256m}"

START_TIMEOUT="${LLMOPS_STACK_START_TIMEOUT:-120}"   # seconds, per component
STOP_TIMEOUT="${LLMOPS_STACK_STOP_TIMEOUT:-60}"      # seconds before SIGKILL

COMPONENTS=(kafka postgres s3)

KAFKA_DIR="$STACK_DIR/kafka"
PG_DIR="$STACK_DIR/postgres"
PG_DATA="$PG_DIR/data"
PG_RUN="$PG_DIR/run"
PG_LOG="$PG_DIR/postgres.log"
S3_DIR="$STACK_DIR/s3"

# ----------------------------------------------------------------------------------------------
# helpers

log() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
elapsed() { local s=$1; local e; e=$(now_ms); printf '%d.%01ds' $(((e - s) / 1000)) $((((e - s) % 1000) / 100)); }

# Print the last lines of a log file to stderr (used on failures).
log_tail() {
  local file=$1 n=${2:-40}
  if [[ -f "$file" ]]; then
    printf '[stack] ---- last %s lines of %s ----\n' "$n" "$file" >&2
    tail -n "$n" "$file" >&2 || true
    printf '[stack] ---- end of %s ----\n' "$file" >&2
  else
    printf '[stack] (no log file at %s)\n' "$file" >&2
  fi
}

env_lines() {
  cat <<EOF
export KAFKA_BROKERS=127.0.0.1:${KAFKA_PORT}
export DATABASE_URL=postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${PG_PORT}/${PG_DB}
export S3_ENDPOINT=http://127.0.0.1:${S3_PORT}
export S3_ACCESS_KEY=${S3_ACCESS_KEY}
export S3_SECRET_KEY=${S3_SECRET_KEY}
export S3_BUCKET=${S3_BUCKET}
export S3_REGION=${S3_REGION}
EOF
}

# Is something listening on 127.0.0.1:PORT (TCP)?
port_open() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    ss -Hltn "sport = :$port" 2>/dev/null | grep -q .
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

wait_port_closed() {
  local port=$1 timeout=${2:-15} deadline
  deadline=$(($(date +%s) + timeout))
  while port_open "$port"; do
    (($(date +%s) < deadline)) || return 1
    sleep 0.2
  done
}

# Alive = exists and is not a zombie (an exited child that its parent has not reaped yet).
pid_alive() {
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 1
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ "${stat:0:1}" != Z ]]
}

# Wait (bounded) for a pid to exit.
wait_pid_gone() {
  local pid=$1 timeout=$2 deadline
  deadline=$(($(date +%s) + timeout))
  while pid_alive "$pid"; do
    (($(date +%s) < deadline)) || return 1
    sleep 0.2
  done
}

cmdline_of() { { tr '\0' ' ' <"/proc/$1/cmdline"; } 2>/dev/null || true; }

# Java components carry -Dllmops.stack.component=<c> -Dllmops.stack.dir=<dir> so that they can be
# recognised even with a stale or missing pid file (after a reboot the pid may belong to another process).
java_proc_matches() {
  local pid=$1 comp=$2 cl
  cl=$(cmdline_of "$pid")
  [[ "$cl" == *"-Dllmops.stack.component=$comp "* && "$cl" == *"-Dllmops.stack.dir=$STACK_DIR "* ]]
}

# Print the pid of a running java component (kafka|s3), or return 1.
java_pid() {
  local comp=$1 pidfile="$STACK_DIR/$1/$1.pid" pid p
  if [[ -f "$pidfile" ]]; then
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if pid_alive "$pid" && java_proc_matches "$pid" "$comp"; then
      echo "$pid"
      return 0
    fi
  fi
  # Fall back to a scan of /proc (pid file lost, or setsid forked).
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    if java_proc_matches "$p" "$comp"; then
      echo "$p" >"$pidfile" 2>/dev/null || true
      echo "$p"
      return 0
    fi
  done
  rm -f "$pidfile"
  return 1
}

# Fail clearly if a port we need is taken by a process that is not ours.
ensure_port_free() {
  local port=$1 comp=$2
  if port_open "$port"; then
    local who=""
    command -v ss >/dev/null 2>&1 && who=$(ss -Hltnp "sport = :$port" 2>/dev/null | head -n1 || true)
    die "$comp: port 127.0.0.1:$port is already in use by another process${who:+ ($who)}; stop it or set LLMOPS_STACK_*_PORT"
  fi
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not available; install $* by hand"
  if [[ $APT_UPDATED -eq 0 ]]; then
    log "apt-get update"
    apt-get update -qq >&2
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

ensure_java() {
  if ! command -v java >/dev/null 2>&1; then
    apt_install openjdk-17-jre-headless
  fi
  local v
  v=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  if ! [[ "${v%%.*}" =~ ^[0-9]+$ ]] || ((${v%%.*} < 17)); then
    die "Kafka 4 needs Java 17+, found java.specification.version=$v"
  fi
}

ensure_mvn() {
  command -v mvn >/dev/null 2>&1 || apt_install maven
}

mvn_q() {
  # Maven prints to stdout: keep it off ours (env lines only). Debian's Maven 3.8 emits stray ANSI
  # resets even in batch mode: strip them.
  (cd "${TMPDIR:-/tmp}" && mvn -B -q -Dstyle.color=never "$@" 2>&1) | sed -u 's/\x1b\[[0-9;]*m//g; /^$/d' >&2
}

render() {
  # render TEMPLATE DEST KEY=VALUE...
  local tmpl=$1 dest=$2
  shift 2
  local content
  content=$(<"$tmpl")
  local kv
  for kv in "$@"; do
    content=${content//@${kv%%=*}@/${kv#*=}}
  done
  printf '%s\n' "$content" >"$dest.tmp"
  mv -f "$dest.tmp" "$dest"
}

# ----------------------------------------------------------------------------------------------
# install

kafka_libs_dir() { echo "$CACHE_DIR/kafka-libs"; }

kafka_pom_sha() { sha256sum "$SCRIPT_DIR/kafka/pom.xml" | cut -c1-16; }

# The cached jars match the committed pom.
kafka_cached() {
  local libs
  libs=$(kafka_libs_dir)
  [[ -f "$libs/.pom-sha" && "$(cat "$libs/.pom-sha")" == "$(kafka_pom_sha)" ]] &&
    compgen -G "$libs/kafka_2.13-*.jar" >/dev/null
}

install_kafka() {
  ensure_java
  kafka_cached && return 0
  ensure_mvn
  local libs want t0 tmp
  libs=$(kafka_libs_dir)
  want=$(kafka_pom_sha)
  t0=$(now_ms)
  log "kafka: resolving broker jars from Maven Central into $libs"
  mkdir -p "$CACHE_DIR"
  tmp=$(mktemp -d "$CACHE_DIR/.kafka-libs.XXXXXX")
  chmod 0755 "$tmp"
  if ! mvn_q -f "$SCRIPT_DIR/kafka/pom.xml" "$MVN_DEP_PLUGIN:copy-dependencies" \
    -DoutputDirectory="$tmp" -DincludeScope=runtime; then
    rm -rf "$tmp"
    die "kafka: mvn copy-dependencies failed (see output above)"
  fi
  echo "$want" >"$tmp/.pom-sha"
  rm -rf "$libs"
  mv "$tmp" "$libs"
  log "kafka: jars ready ($(elapsed "$t0"))"
}

s3proxy_jar() { echo "$CACHE_DIR/s3proxy/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"; }
s3proxy_libs_dir() { echo "$CACHE_DIR/s3proxy-libs-$S3PROXY_VERSION"; }

s3_cached() { [[ -s "$(s3proxy_jar)" || -f "$(s3proxy_libs_dir)/.complete" ]]; }

install_s3() {
  ensure_java
  s3_cached && return 0
  ensure_mvn
  local jar libs t0 tmp repo
  jar=$(s3proxy_jar)
  libs=$(s3proxy_libs_dir)
  t0=$(now_ms)
  mkdir -p "$CACHE_DIR/s3proxy"
  tmp=$(mktemp -d "$CACHE_DIR/.s3proxy.XXXXXX")
  chmod 0755 "$tmp"
  # A private, throwaway Maven repository, so that the 100 MB jar is not kept twice.
  repo="$tmp/.m2"
  log "s3: fetching org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies"
  if mvn_q -Dmaven.repo.local="$repo" "$MVN_DEP_PLUGIN:copy" \
    -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" -DoutputDirectory="$tmp" &&
    [[ -s "$tmp/$(basename "$jar")" ]]; then
    mv -f "$tmp/$(basename "$jar")" "$jar"
    rm -rf "$tmp"
    log "s3: s3proxy ready ($(elapsed "$t0"))"
    return 0
  fi
  log "s3: jar-with-dependencies unavailable, falling back to copy-dependencies of org.gaul:s3proxy"
  mkdir -p "$tmp/libs"
  if ! mvn_q -Dmaven.repo.local="$repo" -f "$SCRIPT_DIR/s3/pom.xml" "$MVN_DEP_PLUGIN:copy-dependencies" \
    -Ds3proxy.version="$S3PROXY_VERSION" -DoutputDirectory="$tmp/libs" -DincludeScope=runtime; then
    rm -rf "$tmp"
    die "s3: could not fetch S3Proxy $S3PROXY_VERSION from Maven Central"
  fi
  # The artifact itself is not a dependency of the pom-packaged project: add it.
  mvn_q -Dmaven.repo.local="$repo" "$MVN_DEP_PLUGIN:copy" -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION" \
    -DoutputDirectory="$tmp/libs" || {
    rm -rf "$tmp"
    die "s3: could not fetch org.gaul:s3proxy:$S3PROXY_VERSION"
  }
  touch "$tmp/libs/.complete"
  rm -rf "$libs"
  mv "$tmp/libs" "$libs"
  rm -rf "$tmp"
  log "s3: s3proxy libs ready ($(elapsed "$t0"))"
}

install_postgres() {
  if [[ ! -x "$PG_BIN/postgres" ]]; then
    local t0
    t0=$(now_ms)
    apt_install postgresql-15
    [[ -x "$PG_BIN/postgres" ]] || die "postgres: $PG_BIN/postgres still missing after apt-get install postgresql-15"
    log "postgres: installed ($(elapsed "$t0"))"
  fi
  id -u postgres >/dev/null 2>&1 || die "postgres: system user 'postgres' missing (it comes with the postgresql-15 package)"
  command -v runuser >/dev/null 2>&1 || die "postgres: runuser (util-linux) is required"
}

# Make sure the postgres user can reach and write its directory under the stack dir.
prepare_pg_dirs() {
  mkdir -p "$PG_DIR" "$PG_RUN"
  chmod 0755 "$STACK_DIR"
  chown postgres:postgres "$PG_DIR" "$PG_RUN"
  chmod 0700 "$PG_DIR"
  chmod 0775 "$PG_RUN"
  if ! runuser -u postgres -- test -w "$PG_DIR"; then
    die "postgres: user 'postgres' cannot write $PG_DIR (is a parent of LLMOPS_STACK_DIR=$STACK_DIR not world-searchable?)"
  fi
}

init_postgres() {
  install_postgres
  prepare_pg_dirs
  if [[ -f "$PG_DATA/PG_VERSION" ]]; then
    return 0
  fi
  local t0
  t0=$(now_ms)
  log "postgres: initdb $PG_DATA"
  rm -rf "$PG_DATA"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U "$PG_USER" -E UTF8 --no-locale \
    --no-sync >"$PG_DIR/initdb.log" 2>&1 || {
    log_tail "$PG_DIR/initdb.log"
    die "postgres: initdb failed"
  }
  printf "\n# Added by tools/stack/stack.sh: settings rewritten at every start.\ninclude_if_exists = 'llmops-stack.conf'\n" \
    >>"$PG_DATA/postgresql.conf"
  log "postgres: initdb done ($(elapsed "$t0"))"
}

write_pg_conf() {
  cat >"$PG_DATA/llmops-stack.conf.tmp" <<EOF
# Written by tools/stack/stack.sh at every start — edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
max_connections = 200
shared_buffers = 128MB
# Throwaway dev/test database: durability off for speed.
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
log_min_messages = warning
log_line_prefix = '%m [%p] '
EOF
  chown postgres:postgres "$PG_DATA/llmops-stack.conf.tmp"
  mv -f "$PG_DATA/llmops-stack.conf.tmp" "$PG_DATA/llmops-stack.conf"
}

cmd_install() {
  local t0
  t0=$(now_ms)
  install_postgres
  install_kafka
  install_s3
  log "install: all components present ($(elapsed "$t0"))"
}

# ----------------------------------------------------------------------------------------------
# readiness waits that `up` runs after launching every component

PENDING=()

defer_or_wait() {
  local comp=$1 pid=$2 t0=$3 nowait=$4
  if [[ "$nowait" == --no-wait ]]; then
    PENDING+=("$comp:$pid:$t0")
  else
    "wait_${comp}_ready" "$pid" "$t0"
  fi
}

finish_pending() {
  local p comp pid t0
  for p in "${PENDING[@]}"; do
    IFS=: read -r comp pid t0 <<<"$p"
    "wait_${comp}_ready" "$pid" "$t0"
  done
  PENDING=()
}

# ----------------------------------------------------------------------------------------------
# kafka

kafka_running_pid() { java_pid kafka; }

kafka_ready() {
  local pid=$1
  pid_alive "$pid" && port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$KAFKA_DIR/kafka.out" 2>/dev/null
}

wait_kafka_ready() {
  local pid=$1 t0=$2 deadline
  deadline=$(($(date +%s) + START_TIMEOUT))
  until kafka_ready "$pid"; do
    if ! pid_alive "$pid"; then
      log_tail "$KAFKA_DIR/kafka.out" 60
      die "kafka: broker process $pid exited during startup"
    fi
    if (($(date +%s) >= deadline)); then
      log_tail "$KAFKA_DIR/kafka.out" 60
      die "kafka: not ready after ${START_TIMEOUT}s (pid $pid still running)"
    fi
    sleep 0.3
  done
  log "kafka: ready on 127.0.0.1:$KAFKA_PORT (pid $pid, $(elapsed "$t0"))"
}

# start_kafka [--no-wait]: with --no-wait, return once launched and leave the readiness wait to
# finish_pending (so that `up` starts the JVMs side by side).
start_kafka() {
  local nowait=${1:-} t0 pid libs
  t0=$(now_ms)
  install_kafka
  if pid=$(kafka_running_pid); then
    if kafka_ready "$pid"; then
      log "kafka: already running (pid $pid)"
      return 0
    fi
    log "kafka: process $pid is starting, waiting"
    defer_or_wait kafka "$pid" "$t0" "$nowait"
    return 0
  fi
  ensure_port_free "$KAFKA_PORT" kafka
  ensure_port_free "$KAFKA_CONTROLLER_PORT" kafka-controller
  libs=$(kafka_libs_dir)
  mkdir -p "$KAFKA_DIR/data"
  render "$SCRIPT_DIR/kafka/server.properties" "$KAFKA_DIR/server.properties" \
    "KAFKA_PORT=$KAFKA_PORT" "CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT" "DATA_DIR=$KAFKA_DIR/data"
  cp -f "$SCRIPT_DIR/kafka/log4j2.properties" "$KAFKA_DIR/log4j2.properties"

  # Format the KRaft storage once; afterwards keep the same cluster id and data.
  if [[ ! -f "$KAFKA_DIR/data/meta.properties" ]]; then
    local cid
    if [[ -s "$KAFKA_DIR/cluster.id" ]]; then
      cid=$(cat "$KAFKA_DIR/cluster.id")
    else
      cid=$(java -Xmx128m -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" -cp "$libs/*" \
        kafka.tools.StorageTool random-uuid 2>>"$KAFKA_DIR/format.log" | tail -n1)
      [[ -n "$cid" ]] || {
        log_tail "$KAFKA_DIR/format.log"
        die "kafka: could not generate a cluster id"
      }
      echo "$cid" >"$KAFKA_DIR/cluster.id"
    fi
    log "kafka: formatting storage (cluster id $cid)"
    java -Xmx256m -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" -cp "$libs/*" \
      kafka.tools.StorageTool format -t "$cid" -c "$KAFKA_DIR/server.properties" --ignore-formatted \
      >>"$KAFKA_DIR/format.log" 2>&1 || {
      log_tail "$KAFKA_DIR/format.log"
      die "kafka: storage format failed"
    }
  elif [[ ! -s "$KAFKA_DIR/cluster.id" ]]; then
    sed -n 's/^cluster.id=//p' "$KAFKA_DIR/data/meta.properties" >"$KAFKA_DIR/cluster.id"
  fi

  [[ -f "$KAFKA_DIR/kafka.out" ]] && mv -f "$KAFKA_DIR/kafka.out" "$KAFKA_DIR/kafka.out.1"
  log "kafka: starting broker"
  # shellcheck disable=SC2086
  (
    cd "$KAFKA_DIR"
    exec setsid nohup java $KAFKA_HEAP \
      -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
      -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" \
      -Dllmops.stack.component=kafka "-Dllmops.stack.dir=$STACK_DIR" \
      -cp "$libs/*" kafka.Kafka "$KAFKA_DIR/server.properties" \
      >"$KAFKA_DIR/kafka.out" 2>&1 </dev/null 9>&-
  ) &
  pid=$!
  sleep 0.2
  if ! java_proc_matches "$pid" kafka; then
    pid=$(kafka_running_pid) || {
      log_tail "$KAFKA_DIR/kafka.out"
      die "kafka: broker did not start"
    }
  fi
  echo "$pid" >"$KAFKA_DIR/kafka.pid"
  defer_or_wait kafka "$pid" "$t0" "$nowait"
}

# ----------------------------------------------------------------------------------------------
# s3

s3_running_pid() { java_pid s3; }

s3_ready() {
  local pid=$1
  pid_alive "$pid" && port_open "$S3_PORT" || return 1
  if command -v curl >/dev/null 2>&1; then
    local code
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$S3_PORT/" || true)
    [[ "$code" =~ ^[2-4][0-9][0-9]$ ]]
  fi
}

wait_s3_ready() {
  local pid=$1 t0=$2 deadline
  deadline=$(($(date +%s) + START_TIMEOUT))
  until s3_ready "$pid"; do
    if ! pid_alive "$pid"; then
      log_tail "$S3_DIR/s3proxy.out" 60
      die "s3: S3Proxy process $pid exited during startup"
    fi
    if (($(date +%s) >= deadline)); then
      log_tail "$S3_DIR/s3proxy.out" 60
      die "s3: not ready after ${START_TIMEOUT}s (pid $pid still running)"
    fi
    sleep 0.3
  done
  ensure_bucket
  log "s3: ready on http://127.0.0.1:$S3_PORT, bucket '$S3_BUCKET' (pid $pid, $(elapsed "$t0"))"
}

# The filesystem providers map buckets to directories of the basedir, created before start.
# With a curl that signs requests (7.75+), double-check over the S3 API and create it if needed.
ensure_bucket() {
  command -v curl >/dev/null 2>&1 || return 0
  curl --help all 2>/dev/null | grep -q -- '--aws-sigv4' || return 0
  local url="http://127.0.0.1:$S3_PORT/$S3_BUCKET" code
  local -a sign=(-H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' --aws-sigv4 "aws:amz:$S3_REGION:s3"
    --user "$S3_ACCESS_KEY:$S3_SECRET_KEY")
  code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' -I "${sign[@]}" "$url" || true)
  [[ "$code" == 200 ]] && return 0
  code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' -X PUT "${sign[@]}" "$url" || true)
  [[ "$code" == 200 || "$code" == 409 ]] || {
    log_tail "$S3_DIR/s3proxy.out"
    die "s3: bucket '$S3_BUCKET' missing and could not be created (HTTP $code)"
  }
}

# start_s3 [--no-wait]: with --no-wait, return once launched and leave the readiness wait to
# finish_pending (so that `up` starts the JVMs side by side).
start_s3() {
  local nowait=${1:-} t0 pid jar libs
  t0=$(now_ms)
  install_s3
  if pid=$(s3_running_pid); then
    if s3_ready "$pid"; then
      log "s3: already running (pid $pid)"
      return 0
    fi
    log "s3: process $pid is starting, waiting"
    defer_or_wait s3 "$pid" "$t0" "$nowait"
    return 0
  fi
  ensure_port_free "$S3_PORT" s3
  mkdir -p "$S3_DIR/data/$S3_BUCKET"
  render "$SCRIPT_DIR/s3/s3proxy.conf" "$S3_DIR/s3proxy.conf" \
    "S3_PORT=$S3_PORT" "S3_ACCESS_KEY=$S3_ACCESS_KEY" "S3_SECRET_KEY=$S3_SECRET_KEY" \
    "S3_PROVIDER=${LLMOPS_STACK_S3_PROVIDER:-filesystem-nio2}" "DATA_DIR=$S3_DIR/data"
  local -a launch
  jar=$(s3proxy_jar)
  libs=$(s3proxy_libs_dir)
  if [[ -s "$jar" ]]; then
    launch=(-jar "$jar")
  else
    launch=(-cp "$libs/*" org.gaul.s3proxy.Main)
  fi
  [[ -f "$S3_DIR/s3proxy.out" ]] && mv -f "$S3_DIR/s3proxy.out" "$S3_DIR/s3proxy.out.1"
  log "s3: starting S3Proxy $S3PROXY_VERSION"
  # shellcheck disable=SC2086
  (
    cd "$S3_DIR"
    exec setsid nohup java $S3_HEAP -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
      -Dllmops.stack.component=s3 "-Dllmops.stack.dir=$STACK_DIR" \
      "${launch[@]}" --properties "$S3_DIR/s3proxy.conf" \
      >"$S3_DIR/s3proxy.out" 2>&1 </dev/null 9>&-
  ) &
  pid=$!
  sleep 0.2
  if ! java_proc_matches "$pid" s3; then
    pid=$(s3_running_pid) || {
      log_tail "$S3_DIR/s3proxy.out"
      die "s3: S3Proxy did not start"
    }
  fi
  echo "$pid" >"$S3_DIR/s3.pid"
  defer_or_wait s3 "$pid" "$t0" "$nowait"
}

# ----------------------------------------------------------------------------------------------
# postgres

# Print the postmaster pid if our cluster is running, else return 1.
pg_running_pid() {
  [[ -f "$PG_DATA/postmaster.pid" ]] || return 1
  local pid cl
  pid=$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
  pid_alive "$pid" || return 1
  cl=$(cmdline_of "$pid")
  [[ "$cl" == *postgres* && "$cl" == *"$PG_DATA"* ]] || return 1
  echo "$pid"
}

pg_psql() {
  "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -tA "$@"
}

pg_ready() {
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -t 2 >/dev/null 2>&1
}

wait_pg_ready() {
  local t0=$1 deadline pid
  deadline=$(($(date +%s) + START_TIMEOUT))
  until pg_ready; do
    if ! pid=$(pg_running_pid); then
      log_tail "$PG_LOG"
      die "postgres: server is not running"
    fi
    if (($(date +%s) >= deadline)); then
      log_tail "$PG_LOG"
      die "postgres: not accepting connections after ${START_TIMEOUT}s"
    fi
    sleep 0.2
  done
  if [[ "$(pg_psql -c "select 1 from pg_database where datname = '$PG_DB'")" != 1 ]]; then
    log "postgres: creating database $PG_DB"
    pg_psql -c "create database $PG_DB" >&2
    pg_psql -c "alter user $PG_USER password '$PG_PASSWORD'" >&2
  fi
  pid=$(pg_running_pid || echo '?')
  log "postgres: ready on 127.0.0.1:$PG_PORT, database '$PG_DB' (pid $pid, $(elapsed "$t0"))"
}

start_postgres() {
  local t0 pid
  t0=$(now_ms)
  init_postgres
  if pid=$(pg_running_pid); then
    log "postgres: running (pid $pid)"
    wait_pg_ready "$t0"
    return 0
  fi
  # A postmaster.pid left by a killed server or a reboot: remove it so that pg_ctl does not hesitate.
  if [[ -f "$PG_DATA/postmaster.pid" ]]; then
    log "postgres: removing stale postmaster.pid"
    rm -f "$PG_DATA/postmaster.pid"
  fi
  rm -f "$PG_RUN/.s.PGSQL.$PG_PORT" "$PG_RUN/.s.PGSQL.$PG_PORT.lock"
  ensure_port_free "$PG_PORT" postgres
  write_pg_conf
  touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"
  log "postgres: starting"
  if ! runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$START_TIMEOUT" start \
    >"$PG_DIR/pg_ctl.out" 2>&1 </dev/null 9>&-; then
    cat "$PG_DIR/pg_ctl.out" >&2 || true
    log_tail "$PG_LOG"
    die "postgres: pg_ctl start failed"
  fi
  wait_pg_ready "$t0"
}

stop_postgres() {
  local pid t0
  t0=$(now_ms)
  if ! pid=$(pg_running_pid); then
    if port_open "$PG_PORT"; then
      log "postgres: not ours but port $PG_PORT is open — leaving it alone"
    fi
    log "postgres: stopped"
    return 0
  fi
  log "postgres: stopping (pid $pid)"
  if ! runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$STOP_TIMEOUT" stop \
    >"$PG_DIR/pg_ctl.out" 2>&1 </dev/null 9>&-; then
    log "postgres: fast shutdown timed out, trying immediate"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 15 stop \
      >>"$PG_DIR/pg_ctl.out" 2>&1 </dev/null 9>&- || true
  fi
  # pg_ctl returns once postmaster.pid is gone, a moment before the process itself exits.
  if ! wait_pid_gone "$pid" 10; then
    log "postgres: still alive, SIGKILL $pid"
    kill -KILL "$pid" 2>/dev/null || true
    wait_pid_gone "$pid" 10 || die "postgres: pid $pid does not die"
  fi
  wait_port_closed "$PG_PORT" 15 || die "postgres: port $PG_PORT still open after stop"
  log "postgres: stopped ($(elapsed "$t0"))"
}

# ----------------------------------------------------------------------------------------------
# generic stop for java components

stop_java() {
  local comp=$1 port=$2 mode=${3:-graceful} pid t0
  t0=$(now_ms)
  if ! pid=$(java_pid "$comp"); then
    log "$comp: stopped"
    return 0
  fi
  if [[ "$mode" == kill ]]; then
    log "$comp: SIGKILL $pid"
    kill -KILL "$pid" 2>/dev/null || true
  else
    log "$comp: stopping (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_pid_gone "$pid" "$STOP_TIMEOUT"; then
      log "$comp: no exit after ${STOP_TIMEOUT}s, SIGKILL $pid"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait_pid_gone "$pid" 15 || die "$comp: pid $pid does not die"
  rm -f "$STACK_DIR/$comp/$comp.pid"
  wait_port_closed "$port" 15 || die "$comp: port $port still open after the process exited"
  log "$comp: stopped ($(elapsed "$t0"))"
}

stop_kafka() { stop_java kafka "$KAFKA_PORT" "${1:-graceful}" && wait_port_closed "$KAFKA_CONTROLLER_PORT" 15; }
stop_s3() { stop_java s3 "$S3_PORT" "${1:-graceful}"; }

# ----------------------------------------------------------------------------------------------
# commands

component_status() {
  local comp=$1 pid endpoint ok=1
  case $comp in
  kafka)
    endpoint="127.0.0.1:$KAFKA_PORT"
    pid=$(kafka_running_pid) && port_open "$KAFKA_PORT" && ok=0
    ;;
  postgres)
    endpoint="postgres://127.0.0.1:$PG_PORT/$PG_DB"
    pid=$(pg_running_pid) && port_open "$PG_PORT" && ok=0
    ;;
  s3)
    endpoint="http://127.0.0.1:$S3_PORT (bucket $S3_BUCKET)"
    pid=$(s3_running_pid) && port_open "$S3_PORT" && ok=0
    ;;
  esac
  if [[ $ok -eq 0 ]]; then
    printf '%-9s running  %s  pid=%s\n' "$comp" "$endpoint" "$pid"
  elif [[ -n "${pid:-}" ]]; then
    printf '%-9s starting %s  pid=%s (port not open yet)\n' "$comp" "$endpoint" "$pid"
  else
    printf '%-9s stopped  %s\n' "$comp" "$endpoint"
  fi
  return $ok
}

cmd_status() {
  local rc=0 c
  for c in "${COMPONENTS[@]}"; do
    component_status "$c" || rc=3
  done
  return $rc
}

write_env_file() {
  env_lines >"$STACK_DIR/env.tmp"
  mv -f "$STACK_DIR/env.tmp" "$STACK_DIR/env"
}

cmd_up() {
  local t0
  t0=$(now_ms)
  cmd_install
  start_kafka --no-wait
  start_s3 --no-wait
  start_postgres
  finish_pending
  write_env_file
  log "up: all components ready ($(elapsed "$t0")); env written to $STACK_DIR/env"
  env_lines
}

cmd_down() {
  local purge=${1:-}
  stop_kafka
  stop_s3
  if [[ -x "$PG_BIN/pg_ctl" ]]; then stop_postgres; fi
  if [[ "$purge" == --purge ]]; then
    case "$STACK_DIR" in
    / | "" | "$HOME" | /root | /tmp | /home) die "refusing to purge LLMOPS_STACK_DIR=$STACK_DIR" ;;
    esac
    log "down: deleting $STACK_DIR (data and logs)"
    find "$STACK_DIR" -mindepth 1 -maxdepth 1 ! -name .lock -exec rm -rf {} +
  fi
  log "down: everything stopped"
}

check_component() {
  case "${1:-}" in
  kafka | postgres | s3) ;;
  *) die "unknown component '${1:-}' (expected kafka, postgres or s3)" ;;
  esac
}

usage() {
  cat >&2 <<EOF
usage: stack.sh <command>
  up                         install what is missing, start everything, print env lines (stdout)
  down [--purge]             stop everything; --purge also deletes data under \$LLMOPS_STACK_DIR
  status                     one line per component; exit 0 if all running, 3 otherwise
  start <kafka|postgres|s3>  start one component, return once it is ready
  stop  <kafka|postgres|s3> [--kill]
                             stop one component, return once its port is closed
                             (--kill: SIGKILL at once, to simulate a crash)
  restart <kafka|postgres|s3>
  install                    install/cache everything, start nothing
  env                        print the env lines
  logs <kafka|postgres|s3>   print the tail of a component's log

  LLMOPS_STACK_DIR=$STACK_DIR
  LLMOPS_STACK_CACHE=$CACHE_DIR
EOF
}

lock() {
  mkdir -p "$STACK_DIR"
  exec 9>"$STACK_DIR/.lock"
  if command -v flock >/dev/null 2>&1; then
    flock -w 600 9 || die "another stack.sh holds $STACK_DIR/.lock for more than 600s"
  fi
}

main() {
  local cmd=${1:-}
  shift || true
  case "$cmd" in
  up)
    lock
    cmd_up
    ;;
  down)
    lock
    cmd_down "${1:-}"
    ;;
  status) cmd_status ;;
  env) env_lines ;;
  install)
    lock
    cmd_install
    ;;
  start | stop | restart)
    check_component "${1:-}"
    lock
    local comp=$1 mode=graceful
    if [[ "${2:-}" == --kill ]]; then mode="kill"; fi
    if [[ "$cmd" != start ]]; then
      case $comp in
      kafka) stop_kafka "$mode" ;;
      s3) stop_s3 "$mode" ;;
      postgres)
        if [[ "$mode" == kill ]]; then
          local pid
          if pid=$(pg_running_pid); then
            log "postgres: SIGKILL $pid"
            kill -KILL "$pid"
            wait_pid_gone "$pid" 15 || die "postgres: pid $pid does not die"
            # Children exit once the postmaster is gone; wait for the port.
            wait_port_closed "$PG_PORT" 15 || die "postgres: port $PG_PORT still open"
          fi
          log "postgres: stopped"
        else
          stop_postgres
        fi
        ;;
      esac
    fi
    if [[ "$cmd" != stop ]]; then
      case $comp in
      kafka) start_kafka ;;
      s3) start_s3 ;;
      postgres) start_postgres ;;
      esac
      write_env_file
    fi
    ;;
  logs)
    check_component "${1:-}"
    case $1 in
    kafka) tail -n "${2:-100}" "$KAFKA_DIR/kafka.out" ;;
    s3) tail -n "${2:-100}" "$S3_DIR/s3proxy.out" ;;
    postgres) tail -n "${2:-100}" "$PG_LOG" ;;
    esac
    ;;
  -h | --help | help | "")
    usage
    [[ -n "$cmd" ]]
    ;;
  *)
    usage
    die "unknown command '$cmd'"
    ;;
  esac
}

main "$@"
