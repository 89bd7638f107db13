/**
 * {@code tangle devnet}: a whole network on loopback in one process (a coordinator and peers), with
 * its genesis and keys, and a little demo traffic that looks like the network's real use.
 */
package org.tanglenode.node.devnet;
