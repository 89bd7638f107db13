#!/usr/bin/env bash
# Offline checks of the deployment files (run by .ci/run; docs/operations.md):
#   - the alert rules: promtool check rules, and promtool test rules on their unit tests;
#   - the Prometheus configuration: promtool check config (rule path pointed at the repository);
#   - compose and Kubernetes files parse and reference only files and variables that exist
#     (check/check-references.mjs);
#   - the Kubernetes manifests against the Kubernetes schemas (check/validate-k8s.mjs, npm package
#     kubernetes-models; no cluster);
#     (podman-compose 1.0.3 of Debian 12 has no "config" command and its --dry-run still creates
#     volumes and networks, so the compose file is parsed by the YAML package, merge keys included);
#   - the systemd unit: systemd-analyze verify, when systemd-analyze is there.
# Needs promtool (Debian: prometheus), node and npm.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "== promtool: alert rules"
promtool check rules "$here/prometheus/alerts.yml"
(cd "$here/prometheus" && promtool test rules alerts.test.yml)

echo "== promtool: prometheus.yml"
sed "s|/etc/prometheus/alerts.yml|$here/prometheus/alerts.yml|" "$here/prometheus/prometheus.yml" >"$tmp/prometheus.yml"
promtool check config "$tmp/prometheus.yml"

echo "== compose and Kubernetes references"
(cd "$here/check" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
node "$here/check/check-references.mjs"

echo "== Kubernetes schemas"
node "$here/check/validate-k8s.mjs" "$here"/k8s/*.yaml

if command -v systemd-analyze >/dev/null 2>&1; then
  echo "== systemd unit"
  out="$(systemd-analyze verify "$here/systemd/tangle.service" 2>&1 || true)"
  if [[ -n "$out" ]]; then
    echo "$out"
    exit 1
  fi
  systemd-analyze security --offline=yes "$here/systemd/tangle.service" 2>/dev/null | tail -1
fi
echo "deployment checks passed"
