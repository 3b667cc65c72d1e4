package dev.gputel.gpu;

/**
 * The unit a catalog metric is measured in, as nvidia-smi prints it, and what exporters turn it
 * into: the CloudWatch unit, and the base unit (with the factor to reach it) that OpenTelemetry
 * semantic conventions and Prometheus expect.
 */
public enum GpuUnit {
  //             UCUM         CloudWatch      base   to base    Prometheus suffix
  PERCENT(       "%",         "Percent",      "1",   0.01,      "ratio"),
  MEBIBYTES(     "MiBy",      "Megabytes",    "By",  1_048_576, "bytes"),
  WATTS(         "W",         "None",         "W",   1,         "watts"),
  JOULES(        "J",         "None",         "J",   1,         "joules"),
  MEGAHERTZ(     "MHz",       "None",         "Hz",  1e6,       "hertz"),
  CELSIUS(       "Cel",       "None",         "Cel", 1,         "celsius"),
  MICROSECONDS(  "us",        "Microseconds", "s",   1e-6,      "seconds"),
  FRAMES_PER_SECOND("{frame}/s", "Count/Second", "{frame}/s", 1, ""),
  /** Things that are counted: sessions, errors, pages, rows. */
  COUNT(         "1",         "Count",        "1",   1,         ""),
  /** A plain number without a unit: a PCIe generation, a lane count, a 0/1 flag, a bit mask. */
  NONE(          "1",         "None",         "1",   1,         "");

  private final String ucum;
  private final String cloudWatch;
  private final String base;
  private final double toBase;
  private final String prometheusSuffix;

  GpuUnit(String ucum, String cloudWatch, String base, double toBase, String prometheusSuffix) {
    this.ucum = ucum;
    this.cloudWatch = cloudWatch;
    this.base = base;
    this.toBase = toBase;
    this.prometheusSuffix = prometheusSuffix;
  }

  /** Returns the UCUM code of the unit values are in, the one {@code MetricPoint.unit()} carries. */
  public String ucum() {
    return ucum;
  }

  /** Returns the CloudWatch {@code StandardUnit} name; CloudWatch has none for W, MHz or Cel. */
  public String cloudWatch() {
    return cloudWatch;
  }

  /** Returns the UCUM code of the base unit (bytes, hertz, seconds, a 0-1 ratio). */
  public String base() {
    return base;
  }

  /** Returns the factor that turns a value in this unit into the base unit. */
  public double toBase() {
    return toBase;
  }

  /** Returns the Prometheus unit suffix of the base unit, or empty for none. */
  public String prometheusSuffix() {
    return prometheusSuffix;
  }
}
