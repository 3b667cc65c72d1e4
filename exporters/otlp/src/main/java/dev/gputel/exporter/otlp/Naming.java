package dev.gputel.exporter.otlp;

/** How GPU catalog metrics are named on the wire. */
enum Naming {
  /** OpenTelemetry hardware semantic conventions, values in base units. */
  SEMCONV("semconv"),
  /** The CloudWatch agent's {@code nvidia_smi_<id>} names and dimensions, nvidia-smi's values. */
  CLOUDWATCH_AGENT("cloudwatch-agent");

  private final String id;

  Naming(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }
}
