# BSS-CLI — two set-up commands: `make up` runs the system, `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Node 24 + pnpm, bootstrapped project-locally from the npm registry when the system lacks them.
TOOL_PATH := $(shell ./scripts/bootstrap.sh)
export PATH := $(if $(TOOL_PATH),$(TOOL_PATH):,)$(PATH)

export BSS_DB_URL ?= postgres://postgres@127.0.0.1:5432/bss
export BSS_TEST_DB_URL ?= postgres://postgres@127.0.0.1:5432/postgres
export BSS_MQ_URL ?= amqp://guest:guest@127.0.0.1:5672

.PHONY: help install infra migrate up check test lint typecheck doctrine-check openapi-check test-unit test-integration bench compose-check scenarios clean

help:
	@echo "make up       install, start Postgres/RabbitMQ if stopped, migrate + seed, run every service (Ctrl-C stops);"
	@echo "              with no PostgreSQL/RabbitMQ: the embedded PostgreSQL + in-process bus (BSS_EMBEDDED=1 forces)"
	@echo "make test     lint, typecheck, doctrine-check, unit and integration tests (real Postgres + RabbitMQ)"
	@echo "make bench    every read vs a bare Fastify+pg floor, fleet RSS + cold start, event plane (one table)"
	@echo "make scenarios  run the default scenario set (all but tag llm) against a fleet of its own (free ports, fresh"
	@echo "              database; never a running make up's ports); against make up: pnpm bss scenario run-all"

node_modules/.modules.yaml: pnpm-lock.yaml package.json
	pnpm install --frozen-lockfile --prefer-offline --reporter=append-only
	@touch $@

install: node_modules/.modules.yaml

infra:
	@./scripts/ensure-infra.sh

migrate: install infra
	pnpm -s migrate

# up.ts picks the servers or the embedded parts (and says which), then migrates + seeds itself.
up: install infra
	pnpm -s run start:fleet

lint: install
	pnpm -s lint

typecheck: install
	pnpm -s typecheck

doctrine-check: install
	pnpm -s doctrine-check

test-unit: install
	pnpm -s exec vitest run --project unit

test-integration: install infra
	pnpm -s exec vitest run --project integration

openapi-check: install
	pnpm -s openapi:check

# lint, typecheck, doctrine-check and the OpenAPI and events-doc drift checks, run in parallel (and cached) by turbo
check: install
	TURBO_TELEMETRY_DISABLED=1 pnpm -s exec turbo run lint typecheck doctrine-check openapi:check events:doc:check --concurrency=2 --output-logs=errors-only

test: install infra check
	BSS_TEST_PRUNE=1 pnpm -s exec vitest run

bench: install infra
	pnpm -s bench

# Placeholders for the secrets compose requires (an operator exports real ones before `docker compose up`).
COMPOSE_CHECK_ENV = BSS_API_TOKEN=$${BSS_API_TOKEN:-compose-check-placeholder-token-000000} \
	BSS_KYC_SIGNING_SECRET=$${BSS_KYC_SIGNING_SECRET:-compose-check-placeholder-secret-00000} \
	BSS_KYC_DOCUMENT_PEPPER=$${BSS_KYC_DOCUMENT_PEPPER:-compose-check-placeholder-pepper-00000}

# Each service container's environment, as compose would resolve it, must parse with that service's real config
# loader (scripts/compose-env-check.ts parses the YAML itself); docker-compose's own schema check runs too when
# the binary is installed.
compose-check: install
	$(COMPOSE_CHECK_ENV) node scripts/compose-env-check.ts docker-compose.yml docker-compose.infra.yml
	@if command -v docker-compose >/dev/null 2>&1; then \
	  $(COMPOSE_CHECK_ENV) docker-compose -f docker-compose.yml config -q && docker-compose -f docker-compose.infra.yml config -q && echo "docker-compose: compose files valid"; \
	else echo "docker-compose not installed: its schema check did not run (the environment check above did)"; fi

# The default scenario set (every scenarios/*.yaml not tagged llm) against a fleet it starts itself: every service in
# one process on free ports below the ephemeral range (never the 8001… ports a `make up` may hold), a fresh database cloned from
# the migrated template, its own exchange and queues, provisioning without delay; torn down after. Prints each
# report and the summary; exits 1 when any scenario failed. `make test` runs the same set (tests/scenarios/).
# Against a running `make up` instead: `pnpm bss scenario run-all`. SCENARIO_ARGS="--tag hero" picks a tag.
scenarios: install infra
	node tests/scenarios/run-all.ts $(SCENARIO_ARGS)

clean:
	rm -rf node_modules packages/*/node_modules services/*/node_modules .turbo
