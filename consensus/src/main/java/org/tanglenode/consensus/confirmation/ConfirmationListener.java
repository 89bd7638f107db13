package org.tanglenode.consensus.confirmation;

/** Told of each milestone after its batch is written, on the confirmation thread: be quick. */
@FunctionalInterface
public interface ConfirmationListener {

  void confirmed(ConfirmationOutcome.Confirmed confirmed);
}
