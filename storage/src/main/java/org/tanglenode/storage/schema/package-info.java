/**
 * The database schema as data: the column families, the node-state keys and one codec per key and
 * value type. docs/storage.md documents the same layouts byte by byte.
 */
package org.tanglenode.storage.schema;
