/**
 * Cryptographic building blocks of the Tangle node: hashing, Ed25519 signatures, key files,
 * addresses, proof of work and RFC 9162 Merkle trees. Knows nothing of transactions.
 */
package org.tanglenode.crypto;
