// Validates Kubernetes manifests offline against the Kubernetes OpenAPI schemas bundled in the npm
// package kubernetes-models (no cluster, no network). Usage: node validate-k8s.mjs FILE...
// Every document must be of a kind the package knows, and valid; exits 1 with the errors otherwise.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

let failures = 0;
for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      console.error(`${file}: YAML error: ${doc.errors[0].message}`);
      failures++;
      continue;
    }
    const object = doc.toJS();
    if (object == null) continue;
    const { apiVersion, kind } = object;
    const where = `${file}: ${kind} ${object.metadata?.name ?? "(no name)"}`;
    const modulePath = `kubernetes-models/${apiVersion}`;
    let model;
    try {
      model = (await import(modulePath))[kind];
    } catch (e) {
      model = undefined;
    }
    if (model === undefined) {
      console.error(`${where}: unknown apiVersion/kind ${apiVersion} ${kind}`);
      failures++;
      continue;
    }
    try {
      new model(object).validate();
      console.log(`${where}: valid ${apiVersion} ${kind}`);
    } catch (e) {
      console.error(`${where}: INVALID: ${e.message}`);
      failures++;
    }
  }
}
process.exit(failures === 0 ? 0 : 1);
