package dev.gputel.cloudwatch;

import dev.gputel.gpu.GpuMetric;
import java.util.Map;
import java.util.Set;

/**
 * The CloudWatch unit a metric is published with. Only the 27 units of the EMF schema and
 * PutMetricData's StandardUnit are ever written.
 *
 * <p>Catalog metrics take the catalog's CloudWatch unit ({@link GpuMetric#cloudWatchUnit()}:
 * Percent, Megabytes for MiB, Microseconds, Count, Count/Second, and None for W, MHz and Cel, which
 * CloudWatch lacks). Other points map their UCUM unit through {@link #UCUM}; what has no
 * CloudWatch unit is None. Binary prefixes map to CloudWatch's "Kilo/Mega/Giga" names, as the
 * CloudWatch agent's MiB values are published as Megabytes.
 */
public final class CloudWatchUnits {
  public static final String NONE = "None";

  public static final Set<String> VALID = Set.of(
      "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes",
      "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "None",
      "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
      "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
      "Count/Second");

  /** UCUM codes with a CloudWatch unit, for points outside the GPU catalog. */
  public static final Map<String, String> UCUM = Map.ofEntries(
      Map.entry("s", "Seconds"), Map.entry("ms", "Milliseconds"), Map.entry("us", "Microseconds"),
      Map.entry("By", "Bytes"), Map.entry("kBy", "Kilobytes"), Map.entry("KiBy", "Kilobytes"),
      Map.entry("MBy", "Megabytes"), Map.entry("MiBy", "Megabytes"), Map.entry("GBy", "Gigabytes"),
      Map.entry("GiBy", "Gigabytes"), Map.entry("TBy", "Terabytes"), Map.entry("TiBy", "Terabytes"),
      Map.entry("bit", "Bits"), Map.entry("kbit", "Kilobits"), Map.entry("Mbit", "Megabits"),
      Map.entry("Gbit", "Gigabits"), Map.entry("Tbit", "Terabits"), Map.entry("%", "Percent"),
      Map.entry("By/s", "Bytes/Second"), Map.entry("kBy/s", "Kilobytes/Second"),
      Map.entry("KiBy/s", "Kilobytes/Second"), Map.entry("MBy/s", "Megabytes/Second"),
      Map.entry("MiBy/s", "Megabytes/Second"), Map.entry("GBy/s", "Gigabytes/Second"),
      Map.entry("GiBy/s", "Gigabytes/Second"), Map.entry("TBy/s", "Terabytes/Second"),
      Map.entry("bit/s", "Bits/Second"), Map.entry("kbit/s", "Kilobits/Second"),
      Map.entry("Mbit/s", "Megabits/Second"), Map.entry("Gbit/s", "Gigabits/Second"),
      Map.entry("Tbit/s", "Terabits/Second"), Map.entry("1/s", "Count/Second"), Map.entry("1", NONE));

  private CloudWatchUnits() {}

  public static String unit(UnitMode mode, GpuMetric metric, String ucum) {
    if (mode == UnitMode.CLOUDWATCH_AGENT) {
      return NONE;
    }
    if (metric != null) {
      return metric.cloudWatchUnit();
    }
    String unit = UCUM.get(ucum);
    if (unit != null) {
      return unit;
    }
    // A UCUM annotation counts things: {error}, {frame}/s.
    if (ucum.startsWith("{") && ucum.endsWith("}")) {
      return "Count";
    }
    if (ucum.startsWith("{") && ucum.endsWith("}/s")) {
      return "Count/Second";
    }
    return NONE;
  }
}
