#!/usr/bin/env bash
# Makes the files docker/compose.yaml mounts, in docker/network/: a committee key, a key per node
# (coordinator, peer1..3) and the genesis naming the committee. Run once; it never overwrites.
# Uses ./tangle (a JDK 17 on the host); keys are mode 0600 and readable by uid 10001 (the image's
# user) through the group or by chown when run as root.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/network"
mkdir -p "$out"
for name in committee coordinator peer1 peer2 peer3; do
  [[ -f "$out/$name.key" ]] || "$here/../tangle" keygen --out "$out/$name.key" >/dev/null
done
[[ -f "$out/genesis.json" ]] || "$here/../tangle" genesis --name "${TANGLE_NETWORK_NAME:-compose}" \
  --committee-key-file "$out/committee.key" --out "$out/genesis.json"
if [[ $(id -u) == 0 ]]; then
  chown 10001:10001 "$out"/*.key
fi
ls -l "$out"
