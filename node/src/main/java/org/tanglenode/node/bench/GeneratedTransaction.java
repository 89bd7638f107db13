package org.tanglenode.node.bench;

import org.tanglenode.protocol.TransactionId;

/** One pre-generated, signed transaction: its id and its bytes as they are sent. */
record GeneratedTransaction(TransactionId id, byte[] bytes) {}
