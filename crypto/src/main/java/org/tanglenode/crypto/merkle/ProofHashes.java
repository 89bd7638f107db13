package org.tanglenode.crypto.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.tanglenode.crypto.merkle.ProofVerdict.Code;

/** The list of hashes that both proof records hold: copying, comparing, printing, length checks. */
final class ProofHashes {

  private ProofHashes() {}

  /** A deep, unmodifiable copy; rejects a null list or element. */
  static List<byte[]> copy(List<byte[]> hashes) {
    Objects.requireNonNull(hashes, "hashes");
    List<byte[]> copy = new ArrayList<>(hashes.size());
    for (byte[] hash : hashes) {
      copy.add(Objects.requireNonNull(hash, "a proof hash is null").clone());
    }
    return Collections.unmodifiableList(copy);
  }

  static boolean equal(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  static int hashCode(List<byte[]> hashes) {
    int h = 1;
    for (byte[] hash : hashes) {
      h = 31 * h + Arrays.hashCode(hash);
    }
    return h;
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static String hex(List<byte[]> hashes) {
    return hashes.stream().map(ProofHashes::hex).toList().toString();
  }

  /**
   * The first hash among the two given ones and the proof whose length is not the hasher's digest
   * size, as a rejection; null if every length is right.
   */
  static ProofVerdict checkLengths(
      MerkleHasher hasher,
      List<byte[]> proof,
      byte[] first,
      String firstName,
      byte[] second,
      String secondName) {
    String wrong = null;
    if (!hasher.isDigest(first)) {
      wrong = describe(firstName, first);
    } else if (!hasher.isDigest(second)) {
      wrong = describe(secondName, second);
    } else {
      for (int i = 0; i < proof.size() && wrong == null; i++) {
        if (!hasher.isDigest(proof.get(i))) {
          wrong = describe("proof hash " + i, proof.get(i));
        }
      }
    }
    if (wrong == null) {
      return null;
    }
    return ProofVerdict.reject(
        Code.WRONG_HASH_LENGTH,
        wrong
            + ", but a "
            + hasher.hashFunction().name()
            + " digest has "
            + hasher.digestSize()
            + " bytes");
  }

  private static String describe(String name, byte[] bytes) {
    return name + " has " + (bytes == null ? "no" : Integer.toString(bytes.length)) + " bytes";
  }
}
