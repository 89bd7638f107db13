/**
 * Merkle trees of RFC 9162 (Certificate Transparency 2.0, section 2.1), over any {@link
 * org.tanglenode.crypto.hash.HashFunction}: the node runs them with BLAKE2b-256 and the public RFC
 * 6962 vectors with SHA-256.
 *
 * <ul>
 *   <li>{@link org.tanglenode.crypto.merkle.MerkleHasher}: the domain-separated leaf and node
 *       hashes and the empty root.
 *   <li>{@link org.tanglenode.crypto.merkle.MerkleTree}: a tree over an in-memory list (the root a
 *       milestone commits to for the transactions it newly confirms), with proofs.
 *   <li>{@link org.tanglenode.crypto.merkle.HistoryTree}: the append-only log tree over every
 *       confirmed transaction, kept in a {@link org.tanglenode.crypto.merkle.MerkleNodeStore}.
 *   <li>{@link org.tanglenode.crypto.merkle.InclusionProof} and {@link
 *       org.tanglenode.crypto.merkle.ConsistencyProof}: values that verify themselves against roots
 *       and return a {@link org.tanglenode.crypto.merkle.ProofVerdict}.
 * </ul>
 */
package org.tanglenode.crypto.merkle;
