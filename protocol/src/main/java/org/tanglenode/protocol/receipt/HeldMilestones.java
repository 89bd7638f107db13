package org.tanglenode.protocol.receipt;

import java.util.Optional;

/**
 * The milestones a verifier already holds, by index: what a compact receipt without its milestone
 * is checked against (docs/receipts.md section 8).
 */
@FunctionalInterface
public interface HeldMilestones {

  /** The bytes of the milestone transaction of {@code index}, if held. */
  Optional<byte[]> milestone(int index);
}
