#!/usr/bin/env bash
# Starts PostgreSQL and RabbitMQ when they are installed here but not running (make up, make test).
#   ensure-infra.sh              never installs anything: `make up` runs on the embedded PostgreSQL and the
#                                in-process bus when a server is missing (packages/fleet/src/infra-mode.ts).
#   ensure-infra.sh --broker     the test suites need a real RabbitMQ: when none answers, install it through
#                                the system package manager (Debian/Ubuntu, as root) or start it from
#                                docker-compose.infra.yml (Docker present); otherwise exit 1 saying how to get one.
#                                (PostgreSQL is never required: tests fall back to the embedded server.)
set -uo pipefail
cd "$(dirname "$0")/.."
MQ_PORT="${BSS_MQ_PORT:-5672}"
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
mq_up() { (exec 3<>"/dev/tcp/127.0.0.1/${MQ_PORT}") 2>/dev/null; }
wait_mq() { for _ in $(seq 1 "$1"); do mq_up && return 0; sleep 1; done; return 1; }
start_mq() {
  echo "infra: starting RabbitMQ" >&2
  rabbitmq-server -detached >&2 || true
  wait_mq 60
}

if ! pg_up && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  echo "infra: starting PostgreSQL" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >&2 || true
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
if ! mq_up && command -v rabbitmq-server >/dev/null 2>&1; then start_mq; fi

if [ "${1:-}" != "--broker" ]; then
  pg_up || echo "infra: PostgreSQL is not reachable on 127.0.0.1:5432 (make up and the tests use the embedded one)" >&2
  mq_up || echo "infra: RabbitMQ is not reachable on 127.0.0.1:${MQ_PORT} (make up uses the in-process bus; the tests will need one)" >&2
  exit 0
fi

mq_up && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "infra: installing RabbitMQ with apt-get (the AMQP test suites need a real broker)" >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get install -y -q rabbitmq-server >&2 || { apt-get update -q >&2 && apt-get install -y -q rabbitmq-server >&2; }; then
    start_mq && exit 0
  fi
  echo "infra: installing rabbitmq-server with apt-get failed" >&2
fi
if command -v docker >/dev/null 2>&1; then
  compose=(docker compose); docker compose version >/dev/null 2>&1 || compose=(docker-compose)
  echo "infra: starting RabbitMQ from docker-compose.infra.yml" >&2
  "${compose[@]}" -f docker-compose.infra.yml up -d rabbitmq >&2 && wait_mq 90 && exit 0
fi
cat >&2 <<MSG
infra: no RabbitMQ answers on 127.0.0.1:${MQ_PORT}, and none could be started or installed here.
  The AMQP test suites need a real broker. Get one, then run the tests again:
    Debian/Ubuntu:  sudo apt-get install rabbitmq-server   (then: sudo rabbitmq-server -detached)
    macOS:          brew install rabbitmq && brew services start rabbitmq
    Docker:         docker compose -f docker-compose.infra.yml up -d rabbitmq
  or point BSS_MQ_URL at a running broker.
MSG
exit 1
