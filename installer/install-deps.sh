#!/usr/bin/env bash
# Installs every Debian 12 package that Practica's build, app and tests need.
# Non-interactive and idempotent: when everything is present it does nothing and prints nothing.
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config git clang-format
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-qpa-plugins libgl-dev
    libsqlcipher-dev sqlcipher libsqlite3-dev libsodium-dev libcurl4-openssl-dev libpoco-dev
    libhowardhinnant-date-dev tzdata libssl-dev libpq-dev libqrencode-dev
    xvfb xauth imagemagick fonts-dejavu-core
    postgresql postgresql-common
    openssh-server openssh-client
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

# openssh-server is here for the tests' private SFTP server on 127.0.0.1 (tests/support/SshServer.h). When
# this script is what installed it, the machine-wide sshd Debian starts with it is switched off again: a
# workstation is not opened to remote logins as a side effect of building Practica.
if [[ " ${missing[*]} " == *" openssh-server "* ]] && command -v systemctl >/dev/null &&
    [ -d /run/systemd/system ]; then
    "${sudo_cmd[@]}" systemctl disable --now ssh.service ssh.socket >/dev/null 2>&1 || true
    echo "openssh-server is installed for the tests only; its system service is disabled."
fi
