package org.tanglenode.node.config;

/** The {@code metrics} section. */
public record MetricsConfig(boolean enabled, boolean jvm) {}
