package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.testing.AgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK ships with its light HTTP client only: the URL connection client, and none of the
 * Netty, Apache or CRT clients the SDK's service modules pull in by default (5 to 25 MB the agent
 * never uses).
 */
class AwsClientFootprintIT {
  @TempDir static Path unpacked;
  static Distribution distribution;

  @TempDir Path work;

  @BeforeAll
  static void unpack() throws Exception {
    distribution = Distribution.unpack(unpacked);
  }

  @Test
  void libHoldsTheUrlConnectionClientAndNoOtherHttpClient() throws Exception {
    List<String> jars;
    try (Stream<Path> lib = Files.list(distribution.home().resolve("lib"))) {
      jars = lib.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(jars).anyMatch(j -> j.startsWith("url-connection-client-"))
        .anyMatch(j -> j.startsWith("cloudwatch-"))
        .noneMatch(j -> j.startsWith("netty-") || j.startsWith("apache-client-") || j.startsWith("apache5-client-")
            || j.startsWith("aws-crt") || j.startsWith("httpclient") || j.startsWith("httpcore"));
  }

  @Test
  void theCloudWatchExporterIsBuiltIn() throws Exception {
    AgentProcess.Result result = distribution.run(work, "components");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout().lines())
        .anyMatch(line -> line.matches("cloudwatch\\s+exporter\\s+.*\\sbuilt-in\\s.*"));
  }
}
