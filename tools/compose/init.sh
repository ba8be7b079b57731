#!/bin/sh
# One-shot set-up for docker-compose.yml, run by the `init` service inside the apache/kafka image
# (so it needs no extra image): creates the Kafka topics listed in kafka-topics.txt and the S3 bucket.
#
# Both steps are belt and braces: every service also provisions all topics at boot and creates the
# bucket if it is missing (StorageModule -> ObjectStore.ensureReady). Doing it here first means the
# seven services do not race each other for it, and a broken broker or object store shows up in one
# place (`docker compose logs init`) instead of seven.
#
# Environment:
#   BOOTSTRAP_SERVER   Kafka bootstrap address (default kafka:9092)
#   TOPIC_PARTITIONS   partitions of each new topic (default 3; keep equal to KAFKA_TOPIC_PARTITIONS)
#   TOPIC_PREFIX       prepended to every topic name (keep equal to KAFKA_TOPIC_PREFIX; default empty)
#   TOPICS_FILE        list of topics, one per line, # comments (default: kafka-topics.txt beside this file)
#   PARALLEL           kafka-topics.sh processes at a time (default 8; each one is a JVM)
#   S3_BUCKET          bucket to create (default llmops)
#   S3_DATA_DIR        the S3Proxy filesystem basedir, mounted here (default /s3data); a bucket of the
#                      filesystem providers is a directory of it. Skipped when the directory is absent.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
BOOTSTRAP_SERVER=${BOOTSTRAP_SERVER:-kafka:9092}
TOPIC_PARTITIONS=${TOPIC_PARTITIONS:-3}
TOPIC_PREFIX=${TOPIC_PREFIX:-}
TOPICS_FILE=${TOPICS_FILE:-$HERE/kafka-topics.txt}
PARALLEL=${PARALLEL:-8}
S3_BUCKET=${S3_BUCKET:-llmops}
S3_DATA_DIR=${S3_DATA_DIR:-/s3data}
KAFKA_BIN=${KAFKA_BIN:-/opt/kafka/bin}
# Small heaps: these are short-lived admin clients, several at a time.
export KAFKA_HEAP_OPTS=${INIT_KAFKA_HEAP_OPTS:--Xms32m -Xmx128m}

log() { echo "init: $*"; }

# --- Kafka topics -------------------------------------------------------------------------------------
wanted=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$TOPICS_FILE" | grep -v '^$' | sed "s/^/$TOPIC_PREFIX/")
[ -n "$wanted" ] || { log "no topics in $TOPICS_FILE"; exit 1; }

tries=0
until existing=$("$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVER" --list 2>/dev/null); do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { log "kafka at $BOOTSTRAP_SERVER not reachable"; exit 1; }
  sleep 2
done

failures=$(mktemp)
created=0
for topic in $wanted; do
  if printf '%s\n' "$existing" | grep -Fqx "$topic"; then continue; fi
  (
    "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVER" --create --if-not-exists \
      --topic "$topic" --partitions "$TOPIC_PARTITIONS" --replication-factor 1 >/dev/null \
      || echo "$topic" >>"$failures"
  ) &
  created=$((created + 1))
  [ $((created % PARALLEL)) -ne 0 ] || wait
done
wait
if [ -s "$failures" ]; then
  log "could not create topics: $(tr '\n' ' ' <"$failures")"
  exit 1
fi
log "kafka: $(printf '%s\n' "$wanted" | wc -l | tr -d ' ') topics present ($created created, $TOPIC_PARTITIONS partitions each)"

# --- S3 bucket ----------------------------------------------------------------------------------------
if [ -d "$S3_DATA_DIR" ]; then
  mkdir -p "$S3_DATA_DIR/$S3_BUCKET"
  # Same owner as the basedir, whichever user the S3 server runs as.
  chown "$(stat -c '%u:%g' "$S3_DATA_DIR")" "$S3_DATA_DIR/$S3_BUCKET"
  log "s3: bucket '$S3_BUCKET' present"
else
  log "s3: $S3_DATA_DIR not mounted; the services create bucket '$S3_BUCKET' at boot"
fi
