package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK reaches the network only through its URL connection client: its default Netty,
 * Apache and CRT clients (6 MB and 24 MB of jars) stay out of lib/.
 */
class HttpClientsIT {
  @TempDir Path unpacked;

  @Test
  void libHasTheUrlConnectionClientAndNoOtherSdkHttpClient() throws Exception {
    Distribution distribution = Distribution.unpack(unpacked);
    List<String> jars;
    try (Stream<Path> files = Files.list(distribution.home().resolve("lib"))) {
      jars = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(jars).anyMatch(name -> name.startsWith("url-connection-client-"));
    assertThat(jars).anyMatch(name -> name.startsWith("cloudwatchlogs-"));
    assertThat(jars).noneMatch(name -> name.matches(
        "(netty-.*|apache-client-.*|apache5-client-.*|httpclient.*|httpcore.*|aws-crt.*)\\.jar"));
  }
}
