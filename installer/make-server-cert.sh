#!/usr/bin/env bash
# Makes a self-signed TLS certificate and key for a clinic's own practica-server (one box, no public CA).
# Workstations trust it with --ca-file cert.pem on sync enroll / sync join.
set -euo pipefail

usage() {
    cat <<EOF
Usage: $(basename "$0") [--force] [--rsa] OUTPUT_DIR [HOST]

Writes OUTPUT_DIR/cert.pem and OUTPUT_DIR/key.pem (mode 0600): a self-signed certificate for HOST
(default localhost; subjectAltName HOST and 127.0.0.1), valid for 825 days, with an EC P-256 key
(--rsa for RSA 2048). Existing files are kept unless --force.

Then: practica-server serve --cert OUTPUT_DIR/cert.pem --key OUTPUT_DIR/key.pem ...
and on each workstation: practica-cli sync enroll --server https://HOST:PORT --ca-file cert.pem
EOF
}

fail() {
    echo "make-server-cert.sh: $1" >&2
    exit "${2:-1}"
}

force=0
rsa=0
args=()
while [ $# -gt 0 ]; do
    case "$1" in
    --force) force=1 ;;
    --rsa) rsa=1 ;;
    -h | --help)
        usage
        exit 0
        ;;
    -*) fail "unknown option $1; see --help" 2 ;;
    *) args+=("$1") ;;
    esac
    shift
done
if [ ${#args[@]} -lt 1 ] || [ ${#args[@]} -gt 2 ]; then
    fail "give OUTPUT_DIR and optionally HOST; see --help" 2
fi
out="${args[0]}"
host="${args[1]:-localhost}"
[[ "$host" =~ ^[A-Za-z0-9.:-]+$ ]] || fail "'$host' is not a host name or address" 2
command -v openssl >/dev/null || fail "openssl is not installed"

cert="$out/cert.pem"
key="$out/key.pem"
if [ "$force" -eq 0 ] && { [ -e "$cert" ] || [ -e "$key" ]; }; then
    fail "$cert or $key already exists; pass --force to replace them"
fi
mkdir -p "$out"

# An address goes in as IP:, a name as DNS:; 127.0.0.1 is always there for a server on the same box.
if [[ "$host" =~ ^[0-9.]+$ || "$host" == *:* ]]; then
    san="IP:$host"
else
    san="DNS:$host"
fi
[ "$host" = "127.0.0.1" ] || san="$san,IP:127.0.0.1"

if [ "$rsa" -eq 1 ]; then
    keyopts=(-newkey rsa:2048)
    keyusage="digitalSignature,keyEncipherment"
else
    keyopts=(-newkey ec -pkeyopt ec_paramgen_curve:P-256)
    keyusage="digitalSignature"
fi

# Written next to the targets and renamed into place, so a failure leaves no half-made pair; the key
# is never readable by others, not even for a moment.
umask 077
tmpcert="$(mktemp "$out/.cert.XXXXXX")"
tmpkey="$(mktemp "$out/.key.XXXXXX")"
config="$(mktemp)"
trap 'rm -f "$tmpcert" "$tmpkey" "$config"' EXIT
# Our own config rather than the system's: a server certificate (CA:FALSE) that workstations trust directly.
cat >"$config" <<EOF
[req]
distinguished_name = dn
x509_extensions = server
prompt = no
[dn]
CN = $host
O = Practica clinic server
[server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,$keyusage
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
subjectAltName = $san
EOF
if ! err="$(openssl req -x509 -config "$config" "${keyopts[@]}" -nodes -sha256 -days 825 \
    -keyout "$tmpkey" -out "$tmpcert" 2>&1)"; then
    fail "openssl could not make the certificate: ${err##*$'\n'}"
fi
chmod 0600 "$tmpkey"
chmod 0644 "$tmpcert"
mv -f "$tmpkey" "$key"
mv -f "$tmpcert" "$cert"
trap - EXIT
rm -f "$config"

echo "Wrote $cert and $key for $host ($san), valid for 825 days."
openssl x509 -in "$cert" -noout -fingerprint -sha256
