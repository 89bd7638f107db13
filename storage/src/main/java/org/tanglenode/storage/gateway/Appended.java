package org.tanglenode.storage.gateway;

/**
 * The outcome of storing one reading: the sequence number it has, and whether it was stored before
 * (a redelivery of the same bytes: QoS 1 is at-least-once, so a reading the gateway stored but did
 * not acknowledge before a crash comes again and keeps its first place).
 */
public record Appended(long sequence, boolean duplicate) {}
