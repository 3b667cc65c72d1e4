package dev.gputel.runtime.telemetry;

import dev.gputel.spi.component.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * Holds every {@code gputel_*} self-telemetry series of the agent. Counters are lock-free adders, so
 * counting on the data path costs a few nanoseconds; gauges are read only when scraped.
 */
public final class TelemetryRegistry {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  private final Map<String, Family> families = new ConcurrentHashMap<>();

  /** Returns the counter with this full name and labels; the name must end in {@code _total}. */
  public Counter counter(String name, String help, Map<String, String> labels) {
    if (!name.endsWith("_total")) {
      throw new IllegalArgumentException("counter '" + name + "' must end in _total");
    }
    Family family = family(name, help, MetricFamily.Type.COUNTER);
    Series series =
        family.series.computeIfAbsent(new TreeMap<>(labels), key -> new Series(new LongAdder()));
    LongAdder adder = series.adder;
    return adder::add;
  }

  /** Registers a gauge read from {@code value}; registering the same series again replaces it. */
  public void gauge(String name, String help, Map<String, String> labels, DoubleSupplier value) {
    family(name, help, MetricFamily.Type.GAUGE).series.put(new TreeMap<>(labels), new Series(value));
  }

  /** Returns the current value of every series, families sorted by name. */
  public List<MetricFamily> snapshot() {
    List<MetricFamily> result = new ArrayList<>();
    new TreeMap<>(families)
        .forEach(
            (name, family) -> {
              List<MetricFamily.Sample> samples = new ArrayList<>();
              family.series.forEach(
                  (labels, series) -> samples.add(new MetricFamily.Sample(labels, series.read())));
              if (!samples.isEmpty()) {
                result.add(new MetricFamily(name, family.help, family.type, List.copyOf(samples)));
              }
            });
    return result;
  }

  /** Returns the value of one series, or NaN when it does not exist; for tests and health checks. */
  public double value(String name, Map<String, String> labels) {
    Family family = families.get(name);
    Series series = family == null ? null : family.series.get(new TreeMap<>(labels));
    return series == null ? Double.NaN : series.read();
  }

  private Family family(String name, String help, MetricFamily.Type type) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a valid metric name: use snake_case");
    }
    Family family = families.computeIfAbsent(name, n -> new Family(help, type));
    if (family.type != type) {
      throw new IllegalArgumentException(
          "metric '" + name + "' is already registered as a " + family.type);
    }
    return family;
  }

  private record Family(
      String help, MetricFamily.Type type, Map<TreeMap<String, String>, Series> series) {
    Family(String help, MetricFamily.Type type) {
      this(help, type, new ConcurrentHashMap<>());
    }
  }

  private record Series(LongAdder adder, DoubleSupplier gauge) {
    Series(LongAdder adder) {
      this(adder, null);
    }

    Series(DoubleSupplier gauge) {
      this(null, gauge);
    }

    double read() {
      return adder != null ? adder.sum() : gauge.getAsDouble();
    }
  }
}
