#!/usr/bin/env bash
# Starts PostgreSQL and RabbitMQ when they are installed here but not running. Never installs them.
set -uo pipefail
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
mq_up() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }

if ! pg_up && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  echo "infra: starting PostgreSQL" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >&2 || true
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
if ! mq_up && command -v rabbitmq-server >/dev/null 2>&1; then
  echo "infra: starting RabbitMQ" >&2
  rabbitmq-server -detached >&2 || true
  for _ in $(seq 1 60); do mq_up && break; sleep 1; done
fi
pg_up || echo "infra: PostgreSQL is not reachable on 127.0.0.1:5432" >&2
mq_up || echo "infra: RabbitMQ is not reachable on 127.0.0.1:5672" >&2
exit 0
