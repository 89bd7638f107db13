/**
 * The transaction model of the Tangle node: ids, the protobuf wire format, the genesis parameters,
 * building and parsing transactions, and every validity rule that can be checked on one transaction
 * alone. docs/protocol.md specifies the bytes.
 */
package org.tanglenode.protocol;
