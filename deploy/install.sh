#!/usr/bin/env bash
# Installs Hearth on a Raspberry Pi (Raspberry Pi OS / Debian 12, 64-bit or 32-bit) as a systemd service,
# with Mosquitto as the broker. Run from a built checkout: mvn -B -DskipTests package && sudo deploy/install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root" >&2; exit 1; }
[ -f gateway/target/hearth-gateway.jar ] || { echo "install.sh: build first: mvn -B -DskipTests package" >&2; exit 1; }

apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless mosquitto >/dev/null
install -m 0644 deploy/mosquitto-hearth.conf /etc/mosquitto/conf.d/hearth.conf

id hearth >/dev/null 2>&1 || useradd --system --home /var/lib/hearth --shell /usr/sbin/nologin hearth
install -d -o hearth -g hearth -m 0750 /var/lib/hearth
install -d -m 0755 /opt/hearth /opt/hearth/lib /etc/hearth
install -m 0644 gateway/target/hearth-gateway.jar /opt/hearth/
install -m 0644 gateway/target/lib/*.jar /opt/hearth/lib/
install -m 0644 README.md /opt/hearth/
[ -f /etc/hearth/hearth.yaml ] || install -m 0640 -g hearth deploy/hearth.example.yaml /etc/hearth/hearth.yaml
[ -f /etc/hearth/hearth.env ] || install -m 0600 /dev/null /etc/hearth/hearth.env
install -m 0644 deploy/hearth-gateway.service /etc/systemd/system/hearth-gateway.service

echo "install.sh: edit /etc/hearth/hearth.yaml and put HEARTH_NHS_NUMBER=... in /etc/hearth/hearth.env, then:"
echo "  sudo -u hearth java -jar /opt/hearth/hearth-gateway.jar check-config /etc/hearth/hearth.yaml"
echo "  systemctl daemon-reload && systemctl restart mosquitto && systemctl enable --now hearth-gateway"
