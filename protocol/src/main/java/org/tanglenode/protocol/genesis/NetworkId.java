package org.tanglenode.protocol.genesis;

import java.util.Arrays;
import java.util.HexFormat;
import org.tanglenode.crypto.hash.Blake2b256;

/**
 * A network's identity: the BLAKE2b-256 of its genesis file's bytes. Peers compare all 32 bytes at
 * the handshake; each transaction carries only the first 8 ({@link #shortId()}), enough to keep
 * transactions of one network out of another at a quarter of the size.
 */
public record NetworkId(byte[] bytes) {

  public static final int SIZE = 32;

  public NetworkId {
    if (bytes == null || bytes.length != SIZE) {
      throw new IllegalArgumentException("a network id has " + SIZE + " bytes");
    }
    bytes = bytes.clone();
  }

  /** The id of the network whose genesis file consists of {@code genesisFileBytes}. */
  public static NetworkId ofGenesisFile(byte[] genesisFileBytes) {
    return new NetworkId(Blake2b256.digest(genesisFileBytes));
  }

  /** The first 8 bytes as a big-endian number: the {@code network} field of a transaction. */
  public long shortId() {
    long id = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      id = id << 8 | (bytes[i] & 0xff);
    }
    return id;
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
