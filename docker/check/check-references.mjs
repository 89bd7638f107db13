// Checks that docker/compose.yaml and docker/k8s/*.yaml reference only files and variables that
// exist: bind-mounted files are in the repository (or made by docker/init-network.sh), every
// TANGLE_* variable is a setting of docs/configuration.md, every ${VAR} compose reads is in
// docker/.env.example, every ConfigMap, Secret and key a manifest names is defined. Usage:
// node check-references.mjs (from anywhere); exits 1 listing every problem.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, parseAllDocuments } from "yaml";

const docker = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(docker, "..");
const problems = [];
const problem = (where, text) => problems.push(`${where}: ${text}`);

// The settings a node reads: the environment-variable column of docs/configuration.md.
const configuration = readFileSync(join(root, "docs/configuration.md"), "utf8");
const settings = new Set([...configuration.matchAll(/^\| `[^`]+` \| `(TANGLE_[A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
if (settings.size < 20) problem("docs/configuration.md", `only ${settings.size} settings found; the table changed?`);
const checkVariable = (where, name) => {
  if (name.startsWith("TANGLE_") && !settings.has(name)) problem(where, `${name} is not a setting in docs/configuration.md`);
};

// ---- compose ------------------------------------------------------------------------------------
const composeFile = join(docker, "compose.yaml");
const composeText = readFileSync(composeFile, "utf8");
const compose = parse(composeText, { merge: true });
const initNetwork = readFileSync(join(docker, "init-network.sh"), "utf8");
const envExample = readFileSync(join(docker, ".env.example"), "utf8");
for (const [, name] of composeText.matchAll(/\$\{([A-Z0-9_]+)(?::?[-?][^}]*)?\}/g)) {
  if (!new RegExp(`^${name}=`, "m").test(envExample)) problem("compose.yaml", `\${${name}} is not in docker/.env.example`);
}
const volumes = new Set(Object.keys(compose.volumes ?? {}));
for (const [service, spec] of Object.entries(compose.services ?? {})) {
  const where = `compose.yaml ${service}`;
  if (spec.build) {
    const context = resolve(docker, spec.build.context ?? ".");
    if (!existsSync(join(context, spec.build.dockerfile ?? "Dockerfile"))) problem(where, "build dockerfile missing");
  }
  for (const name of Object.keys(spec.environment ?? {})) checkVariable(where, name);
  for (const mount of spec.volumes ?? []) {
    const source = mount.split(":")[0];
    if (!source.startsWith(".") && !source.startsWith("/")) {
      if (!volumes.has(source)) problem(where, `named volume ${source} is not declared`);
      continue;
    }
    const path = resolve(docker, source);
    if (source.startsWith("./network/")) {
      const file = source.slice("./network/".length);
      const made = file === "genesis.json" ? /genesis\.json/.test(initNetwork) : new RegExp(`\\b${file.replace(".key", "")}\\b`).test(initNetwork);
      if (!made) problem(where, `${source} is not made by init-network.sh`);
    } else if (!existsSync(path)) {
      problem(where, `${source} does not exist`);
    }
  }
  for (const dependency of spec.depends_on ?? []) {
    if (!(dependency in compose.services)) problem(where, `depends on unknown service ${dependency}`);
  }
}
// Prometheus scrapes every node service; Grafana's dashboards parse and use its data source.
const prometheus = parse(readFileSync(join(docker, "prometheus/prometheus.yml"), "utf8"));
const targets = prometheus.scrape_configs.flatMap((c) => c.static_configs.flatMap((s) => s.targets));
for (const service of Object.keys(compose.services)) {
  if (compose.services[service].image?.startsWith("localhost/tangle-node") && !targets.includes(`${service}:14265`)) {
    problem("prometheus.yml", `does not scrape ${service}`);
  }
}
const datasource = parse(readFileSync(join(docker, "grafana/provisioning/datasources/prometheus.yml"), "utf8"));
const uids = new Set(datasource.datasources.map((d) => d.uid));
for (const file of readdirSync(join(docker, "grafana/dashboards"))) {
  const dashboard = JSON.parse(readFileSync(join(docker, "grafana/dashboards", file), "utf8"));
  for (const panel of dashboard.panels) {
    if (!uids.has(panel.datasource.uid)) problem(file, `panel "${panel.title}" uses an unknown data source`);
  }
}

// ---- Kubernetes ---------------------------------------------------------------------------------
const objects = [];
for (const file of readdirSync(join(docker, "k8s")).filter((f) => f.endsWith(".yaml"))) {
  for (const doc of parseAllDocuments(readFileSync(join(docker, "k8s", file), "utf8"))) {
    const object = doc.toJS();
    if (object) objects.push({ file, object });
  }
}
const named = (kind, name) => objects.find((o) => o.object.kind === kind && o.object.metadata.name === name)?.object;
for (const { file, object } of objects) {
  if (object.kind === "ConfigMap") for (const key of Object.keys(object.data ?? {})) checkVariable(`k8s/${file}`, key);
  if (object.kind !== "StatefulSet") continue;
  const where = `k8s/${file}`;
  const pod = object.spec.template.spec;
  if (!named("Service", object.spec.serviceName)) problem(where, `serviceName ${object.spec.serviceName} has no Service`);
  for (const container of pod.containers) {
    for (const source of container.envFrom ?? []) {
      if (source.configMapRef && !named("ConfigMap", source.configMapRef.name)) problem(where, `ConfigMap ${source.configMapRef.name} is not defined`);
    }
    for (const variable of container.env ?? []) {
      checkVariable(where, variable.name);
      const ref = variable.valueFrom?.secretKeyRef;
      if (ref && !(ref.key in (named("Secret", ref.name)?.stringData ?? {}))) problem(where, `Secret ${ref.name} has no key ${ref.key}`);
    }
    for (const exported of (container.args ?? []).join("\n").matchAll(/export (TANGLE_[A-Z0-9_]+)=/g)) checkVariable(where, exported[1]);
    const mounts = new Set(pod.volumes.map((v) => v.name));
    const claims = new Set((object.spec.volumeClaimTemplates ?? []).map((c) => c.metadata.name));
    for (const mount of container.volumeMounts) {
      if (!mounts.has(mount.name) && !claims.has(mount.name)) problem(where, `volumeMount ${mount.name} has no volume`);
    }
    if (container.readinessProbe?.httpGet?.path !== "/health/ready") problem(where, "readiness is not /health/ready");
  }
  for (const volume of pod.volumes) {
    if (volume.configMap) {
      const map = named("ConfigMap", volume.configMap.name);
      for (const item of volume.configMap.items ?? []) if (!(item.key in (map?.data ?? {}))) problem(where, `ConfigMap ${volume.configMap.name} has no key ${item.key}`);
    }
    if (volume.secret) {
      const secret = named("Secret", volume.secret.secretName);
      for (const item of volume.secret.items ?? []) if (!(item.key in (secret?.stringData ?? {}))) problem(where, `Secret ${volume.secret.secretName} has no key ${item.key}`);
    }
  }
  const replicas = object.spec.replicas;
  for (let i = 0; i < replicas; i++) {
    if (!pod.volumes.some((v) => v.secret?.items?.some((item) => item.path === `${object.metadata.name}-${i}.key`))) {
      problem(where, `pod ${object.metadata.name}-${i} has no key file`);
    }
  }
  const budget = objects.find((o) => o.object.kind === "PodDisruptionBudget")?.object;
  if (!budget) problem(where, "no PodDisruptionBudget");
}

if (problems.length > 0) {
  for (const line of problems) console.error(line);
  process.exit(1);
}
console.log(`references ok: compose (${Object.keys(compose.services).length} services), ${objects.length} Kubernetes objects, ${settings.size} settings known`);
