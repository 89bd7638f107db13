#!/bin/bash
# Container health: GET /health/ready on the node's own API port answers 200 (started and synced).
# Plain bash (/dev/tcp), so the runtime image needs neither curl nor wget.
set -u
port="${TANGLE_API_PORT:-14265}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 4 status <&3 || exit 1
exec 3>&-
[[ "$status" == *" 200 "* ]]
