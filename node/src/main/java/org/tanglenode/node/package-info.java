/**
 * The {@code tangle} program: configuration, lifecycle, wiring, the command line, and (to come) the
 * REST API, metrics, dashboard and devnet.
 */
package org.tanglenode.node;
