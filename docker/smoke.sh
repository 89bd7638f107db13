#!/usr/bin/env bash
# Container smoke test (issue 16): builds the node image from docker/Dockerfile with podman, starts
# a coordinator and two peers from it on the host network (ports TANGLE_SMOKE_PORT_BASE+1..+6,
# default 17101-17106, bound to 127.0.0.1), waits until all three are ready and confirm milestones,
# submits a transaction to the last peer and waits until every node has it confirmed. Removes its
# containers, volumes, image and files on exit, pass or fail.
#
# Needs root, podman, runc and debootstrap (Debian packages; .ci/run installs them), Java 17 and
# node/target/tangle.jar (built if missing). No registry is used: the runtime base image is a Debian
# bookworm with openjdk-17-jre-headless made by debootstrap and imported with `podman import`; its
# tarball is cached in TANGLE_CI_CACHE (default /var/tmp/tangle-ci) so later runs skip that step.
# podman runs with vfs storage, cgroupfs, runc and a containers.conf without default ulimits, which
# is what works in an unprivileged CI container.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${TANGLE_CI_CACHE:-/var/tmp/tangle-ci}"
base_image="localhost/tangle-base:bookworm-jre17"
image="localhost/tangle-node:smoke-$$"
port_base="${TANGLE_SMOKE_PORT_BASE:-17100}"
timeout_s="${TANGLE_SMOKE_TIMEOUT:-120}"
token="smoke-write-token-$$-$RANDOM"
prefix="tangle-smoke-$$"
work="$(mktemp -d /var/tmp/tangle-smoke.XXXXXX)"
started=$SECONDS

mkdir -p "$cache"
printf '[containers]\ndefault_ulimits = []\n' >"$work/containers.conf"
export CONTAINERS_CONF="$work/containers.conf"
podman() { command podman --storage-driver=vfs --cgroup-manager=cgroupfs --runtime runc "$@"; }
say() { printf 'smoke [%3ds] %s\n' "$((SECONDS - started))" "$*"; }

cleanup() {
  local status=$?
  if ((status != 0)); then
    say "FAILED; the nodes' last log lines:"
    for name in coordinator peer1 peer2; do
      echo "---- $name"
      podman logs --tail 25 "$prefix-$name" 2>&1 | cut -c1-300 || true
    done
  fi
  for name in coordinator peer1 peer2; do
    podman rm -f -t 5 "$prefix-$name" >/dev/null 2>&1 || true
    podman volume rm -f "$prefix-$name" >/dev/null 2>&1 || true
  done
  podman rmi -f "$image" >/dev/null 2>&1 || true
  rm -rf "$work"
  say "cleaned up (exit $status)"
}
trap cleanup EXIT

# ---- the base image, without a registry ---------------------------------------------------------
if ! podman image exists "$base_image"; then
  tarball="$cache/tangle-base-bookworm-jre17.tar"
  if [[ ! -s "$tarball" ]]; then
    say "making the base image with debootstrap (about 2 minutes, once)"
    rootfs="$cache/rootfs.$$"
    debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" \
      http://deb.debian.org/debian >"$cache/debootstrap.log" 2>&1 \
      || { tail -20 "$cache/debootstrap.log"; exit 1; }
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf "$rootfs"
  fi
  say "importing the base image from $tarball"
  podman import "$tarball" "$base_image" >/dev/null
fi

# ---- the jar (built on the host) and the image ---------------------------------------------------
jar="$root/node/target/tangle.jar"
if [[ ! -f "$jar" ]]; then
  say "building $jar"
  (cd "$root" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl node -am package)
fi
say "building $image from docker/Dockerfile (target prebuilt)"
podman build --format docker --layers=false --network=host -f "$root/docker/Dockerfile" \
  --target prebuilt --build-arg RUNTIME_IMAGE="$base_image" \
  -t "$image" "$root" >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log"; exit 1; }

# ---- a network: keys and genesis, made with the image itself -------------------------------------
chmod 0777 "$work"
# Without systemd, podman run logs that it cannot set up health-check timers; those lines and the
# JVM's "Picked up JAVA_TOOL_OPTIONS" go to podman.log (the checks are run by hand below).
tangle() { podman run --rm --no-healthcheck --network=host -v "$work:/work" -w /work "$image" "$@" 2>>"$work/podman.log"; }
for name in committee coordinator peer1 peer2; do
  tangle keygen --out "/work/$name.key" >/dev/null
done
tangle genesis --name smoke --committee-key-file /work/committee.key \
  --milestone-interval-ms 500 --pow-difficulty 4 --out /work/genesis.json >/dev/null
image_version="$(tangle --version)"
say "image says: $image_version"

api_port() { case $1 in coordinator) echo $((port_base + 1)) ;; peer1) echo $((port_base + 3)) ;; peer2) echo $((port_base + 5)) ;; esac; }
gossip_port() { echo $(($(api_port "$1") + 1)); }

start() {
  local name=$1
  shift
  podman run -d --name "$prefix-$name" --network=host \
    -v "$prefix-$name:/var/lib/tangle" \
    -v "$work/genesis.json:/etc/tangle/genesis.json:ro" \
    -v "$work/$name.key:/run/secrets/tangle/node.key:ro" \
    -e TANGLE_API_BIND_HOST=127.0.0.1 -e TANGLE_API_PORT="$(api_port "$name")" \
    -e TANGLE_GOSSIP_BIND_HOST=127.0.0.1 -e TANGLE_GOSSIP_PORT="$(gossip_port "$name")" \
    -e TANGLE_API_WRITE_TOKEN="$token" -e TANGLE_LOGGING_FORMAT=text \
    -e JAVA_TOOL_OPTIONS="-Xmx256m -XX:+ExitOnOutOfMemoryError" \
    "$@" "$image" node >/dev/null 2>>"$work/podman.log"
}
start coordinator \
  -v "$work/committee.key:/run/secrets/tangle/committee.key:ro" \
  -e TANGLE_COORDINATOR_ENABLED=true \
  -e TANGLE_COORDINATOR_COMMITTEE_KEY_FILES=/run/secrets/tangle/committee.key
start peer1 -e TANGLE_GOSSIP_PEERS="127.0.0.1:$(gossip_port coordinator)"
start peer2 -e TANGLE_GOSSIP_PEERS="127.0.0.1:$(gossip_port coordinator),127.0.0.1:$(gossip_port peer1)"
say "started coordinator, peer1, peer2 (API ports $(api_port coordinator), $(api_port peer1), $(api_port peer2))"

api() { curl -fsS --max-time 5 "http://127.0.0.1:$(api_port "$1")$2"; }
wait_for() { # description, then a command that succeeds when done
  local what=$1
  shift
  local deadline=$((SECONDS + timeout_s))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS > deadline)); then
      say "timed out after ${timeout_s}s waiting for: $what"
      return 1
    fi
    sleep 1
  done
  say "ok: $what"
}
confirmed_at_least() { (($(api "$1" /api/v1/info | jq '.milestones.confirmed') >= $2)); }
for name in coordinator peer1 peer2; do
  wait_for "$name ready (/health/ready)" api "$name" /health/ready
done
for name in peer1 peer2; do
  wait_for "$name has a peer" bash -c "(( \$(curl -fsS http://127.0.0.1:$(api_port $name)/api/v1/info | jq .peers) >= 1 ))"
done
for name in coordinator peer1 peer2; do
  wait_for "$name confirmed milestone 3" confirmed_at_least "$name" 3
done

# The image's HEALTHCHECK itself, run the way the engine runs it.
for name in coordinator peer1 peer2; do
  wait_for "$name container HEALTHCHECK passes" podman healthcheck run "$prefix-$name"
done
version="$(api peer1 /api/v1/info | jq -r '.version + " (commit " + .commit + ")"')"
[[ "$image_version" == "tangle $version" ]] || { say "version mismatch: $image_version vs $version"; exit 1; }
say "ok: /api/v1/info reports $version"

id="$(curl -fsS --max-time 10 -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"tag": "smoke", "data": "container smoke test"}' \
  "http://127.0.0.1:$(api_port peer2)/api/v1/transactions/data" | jq -r .id)"
say "submitted $id to peer2"
is_confirmed() { [[ "$(api "$1" "/api/v1/transactions/$id/metadata" | jq -r .confirmed)" == true ]]; }
for name in peer2 peer1 coordinator; do
  wait_for "$name has $id confirmed" is_confirmed "$name"
done
say "PASS in $((SECONDS - started))s"
