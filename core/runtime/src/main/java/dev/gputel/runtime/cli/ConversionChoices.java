package dev.gputel.runtime.cli;

import dev.gputel.runtime.config.ConfigProblem;
import dev.gputel.runtime.config.ConfigProblems;
import dev.gputel.runtime.cwagent.ConversionOptions;
import java.util.List;
import picocli.CommandLine.Option;

/** What a CloudWatch agent configuration leaves open: where GPU metrics come from and how they are sent. */
final class ConversionChoices {
  @Option(names = "--gpu-receiver", paramLabel = "RECEIVER", defaultValue = "nvml",
      description = "Where nvidia_gpu metrics are read: nvml (default) or nvidia-smi.")
  String gpuReceiver;

  @Option(names = "--metrics-exporter", paramLabel = "EXPORTER", defaultValue = "cloudwatch",
      description = "How metrics reach CloudWatch: cloudwatch (PutMetricData, as the agent; default) or"
          + " cloudwatch-emf (embedded metric format to CloudWatch Logs).")
  String metricsExporter;

  ConversionOptions options() {
    try {
      return new ConversionOptions(gpuReceiver, metricsExporter);
    } catch (IllegalArgumentException e) {
      throw new ConfigProblems(List.of(new ConfigProblem("command line", "", e.getMessage())));
    }
  }
}
