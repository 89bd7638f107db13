package org.tanglenode.node;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import org.tanglenode.node.config.MetricsConfig;

/**
 * The node's meter registry: Prometheus when metrics are on (scraped at {@code /metrics}), a simple
 * in-memory one otherwise (meters still count, nothing is exported). One per node, never global, so
 * several nodes can run in one JVM.
 */
final class NodeMetrics implements AutoCloseable {

  private final MeterRegistry registry;
  private final Optional<PrometheusMeterRegistry> prometheus;
  private final Optional<JvmGcMetrics> gc;

  private NodeMetrics(
      MeterRegistry registry,
      Optional<PrometheusMeterRegistry> prometheus,
      Optional<JvmGcMetrics> gc) {
    this.registry = registry;
    this.prometheus = prometheus;
    this.gc = gc;
  }

  static NodeMetrics create(MetricsConfig config) {
    if (!config.enabled()) {
      return new NodeMetrics(new SimpleMeterRegistry(), Optional.empty(), Optional.empty());
    }
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Two of Micrometer's processor meters break Prometheus' naming rules (promtool check
    // metrics): a counter in nanoseconds and a gauge ending in _count. process_cpu_usage and
    // system_cpu_usage stay.
    prometheus
        .config()
        .meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")))
        .meterFilter(MeterFilter.deny(id -> id.getName().equals("system.cpu.count")));
    Optional<JvmGcMetrics> gc = Optional.empty();
    if (config.jvm()) {
      new JvmMemoryMetrics().bindTo(prometheus);
      new JvmThreadMetrics().bindTo(prometheus);
      new ClassLoaderMetrics().bindTo(prometheus);
      new ProcessorMetrics().bindTo(prometheus);
      new UptimeMetrics().bindTo(prometheus);
      JvmGcMetrics gcMetrics = new JvmGcMetrics();
      gcMetrics.bindTo(prometheus);
      gc = Optional.of(gcMetrics);
    }
    return new NodeMetrics(prometheus, Optional.of(prometheus), gc);
  }

  MeterRegistry registry() {
    return registry;
  }

  Optional<PrometheusMeterRegistry> prometheus() {
    return prometheus;
  }

  @Override
  public void close() {
    gc.ifPresent(JvmGcMetrics::close);
    registry.close();
  }
}
