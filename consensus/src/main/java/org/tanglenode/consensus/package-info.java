/**
 * The consensus module of the Tangle node; see docs/architecture.md. Its issue has not been built
 * yet.
 */
package org.tanglenode.consensus;
