/**
 * Who is trusted when: the milestone committee and the registry of known issuers, starting from the
 * genesis file and changed only by committee-signed updates.
 */
package org.tanglenode.protocol.trust;
