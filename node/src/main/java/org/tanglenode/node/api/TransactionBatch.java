package org.tanglenode.node.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/v1/transactions/batch}: transactions one after another, each a
 * 4-byte big-endian length then that many bytes, exactly as for a single binary submit (docs/api.md
 * "Binary submit"). The framing is checked whole before anything is submitted, so a malformed batch
 * submits nothing.
 */
final class TransactionBatch {

  /** Transactions one batch may hold. */
  static final int MAX_ITEMS = 1000;

  static final int LENGTH_BYTES = 4;

  private TransactionBatch() {}

  /** The transactions of {@code body}, or a 400 {@code INVALID_BATCH} saying where it is wrong. */
  static List<byte[]> parse(byte[] body) {
    if (body.length == 0) {
      throw invalid("the batch is empty");
    }
    List<byte[]> items = new ArrayList<>();
    int at = 0;
    while (at < body.length) {
      if (items.size() == MAX_ITEMS) {
        throw invalid("more than " + MAX_ITEMS + " transactions in one batch");
      }
      if (body.length - at < LENGTH_BYTES) {
        throw invalid("a length prefix is cut short at byte " + at);
      }
      long length =
          ((body[at] & 0xffL) << 24)
              | ((body[at + 1] & 0xffL) << 16)
              | ((body[at + 2] & 0xffL) << 8)
              | (body[at + 3] & 0xffL);
      at += LENGTH_BYTES;
      if (length == 0) {
        throw invalid("transaction " + items.size() + " has length 0");
      }
      if (length > body.length - at) {
        throw invalid(
            "transaction "
                + items.size()
                + " claims "
                + length
                + " bytes, only "
                + (body.length - at)
                + " follow");
      }
      byte[] item = new byte[(int) length];
      System.arraycopy(body, at, item, 0, item.length);
      items.add(item);
      at += item.length;
    }
    return items;
  }

  /** {@code transactions} framed as a batch body (clients and tests). */
  static byte[] frame(List<byte[]> transactions) {
    int size = 0;
    for (byte[] tx : transactions) {
      size += LENGTH_BYTES + tx.length;
    }
    byte[] out = new byte[size];
    int at = 0;
    for (byte[] tx : transactions) {
      out[at] = (byte) (tx.length >>> 24);
      out[at + 1] = (byte) (tx.length >>> 16);
      out[at + 2] = (byte) (tx.length >>> 8);
      out[at + 3] = (byte) tx.length;
      System.arraycopy(tx, 0, out, at + LENGTH_BYTES, tx.length);
      at += LENGTH_BYTES + tx.length;
    }
    return out;
  }

  private static ApiException invalid(String detail) {
    return ApiException.badRequest("INVALID_BATCH", detail);
  }
}
