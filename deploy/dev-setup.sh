#!/usr/bin/env bash
# Installs what building, the demo and the tests need on a Debian machine, only where missing:
# a JDK 17, Maven, Mosquitto (the real broker the integration tests run against) and Chromium (the report test).
set -euo pipefail

need=()
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
[ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
[ -x /usr/bin/chromium ] || need+=(chromium)  # headless, for the scenario report test

if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "dev-setup: installing ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# Debian starts no broker by itself here; the tests start their own on a free port.
echo "dev-setup: java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(mvn -v 2>/dev/null | head -1), $(/usr/sbin/mosquitto -h 2>/dev/null | head -1)"
