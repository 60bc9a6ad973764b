#!/bin/sh
# npm run test:neo4j: starts Neo4j 5.26 from compose.yaml with Docker, runs the whole suite against it, stops it.
# Needs a Docker engine. The database is a throwaway one: the tests empty it.
set -eu
cd "$(dirname "$0")/../.."

if ! command -v docker >/dev/null 2>&1; then
  echo "test:neo4j needs Docker, and there is no docker command here. Install Docker, or run the suite against" >&2
  echo "a Neo4j 5.23+ of your own: NEO4J_URI=neo4j://host:7687 NEO4J_PASSWORD=... npm test (it empties the database)." >&2
  exit 2
fi
if ! docker info >/dev/null 2>&1; then
  echo "test:neo4j needs a running Docker engine; the docker command is here but no engine answers (docker info failed)." >&2
  exit 2
fi

export NEO4J_PASSWORD="${NEO4J_PASSWORD:-ketenkaart-test-$$}"
project="ketenkaart-test-$$"
stop() { docker compose -p "$project" down --volumes >/dev/null 2>&1 || true; }
trap stop EXIT INT TERM

echo "Starting neo4j:5.26 (compose project $project)..."
docker compose -p "$project" up --detach --wait neo4j

NEO4J_URI=neo4j://127.0.0.1:7687 NEO4J_USERNAME=neo4j NEO4J_DATABASE=neo4j npm test
