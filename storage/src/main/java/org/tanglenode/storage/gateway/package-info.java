/**
 * The sensor gateway's own RocksDB (docs/sensors.md, gateway section): readings in arrival order,
 * the batches they were closed into, and an index from a reading's leaf hash to its place. It lives
 * in {@code storage} because RocksDB types stay in this module; it knows readings only as canonical
 * bytes and their leaf hash, the protocol's sensor types live in {@code protocol}.
 */
package org.tanglenode.storage.gateway;
