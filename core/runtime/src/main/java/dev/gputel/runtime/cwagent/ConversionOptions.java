package dev.gputel.runtime.cwagent;

/**
 * Choices the agent's JSON does not make: where GPU metrics are read and how they reach CloudWatch.
 *
 * @param gpuReceiver {@code nvml} (the driver's library, in process) or {@code nvidia-smi} (the CSV
 *     query the agent's plugin approximates with {@code nvidia-smi -q -x})
 * @param metricsExporter {@code cloudwatch} (PutMetricData, as the agent sends) or
 *     {@code cloudwatch-emf} (embedded metric format documents sent to CloudWatch Logs)
 */
public record ConversionOptions(String gpuReceiver, String metricsExporter) {
  public static final java.util.List<String> GPU_RECEIVERS = java.util.List.of("nvml", "nvidia-smi");
  public static final java.util.List<String> METRICS_EXPORTERS = java.util.List.of("cloudwatch", "cloudwatch-emf");

  public static final ConversionOptions DEFAULTS = new ConversionOptions("nvml", "cloudwatch");

  public ConversionOptions {
    if (!GPU_RECEIVERS.contains(gpuReceiver)) {
      throw new IllegalArgumentException("GPU receiver '" + gpuReceiver + "' is not one of " + GPU_RECEIVERS);
    }
    if (!METRICS_EXPORTERS.contains(metricsExporter)) {
      throw new IllegalArgumentException(
          "metrics exporter '" + metricsExporter + "' is not one of " + METRICS_EXPORTERS);
    }
  }
}
