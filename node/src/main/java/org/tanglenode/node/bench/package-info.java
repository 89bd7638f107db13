/**
 * {@code tangle bench}: end-to-end load workloads against nodes started in their own JVMs from the
 * running program's class path, measured only through the node's public surfaces (configuration,
 * REST API, gossip, /proc of its process). docs/benchmarks.md describes the workloads and output.
 */
package org.tanglenode.node.bench;
