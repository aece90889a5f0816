#!/usr/bin/env bash
# Runs the whole system on this machine: builds (npm ci of the stand-ins included), then starts
# dynalite, cognito-local, aws-ses-v2-local, S3Proxy, the template's resources, demo data and the gateway.
# Options: --port=8080  --now=2026-06-10T09:00 (JST; shifts "now" for the demo)
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -ntp -DskipTests install
exec mvn -q -B -ntp -pl local exec:java -Dexec.args="$*"
