package dev.gputel.exporter.cloudwatchemf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.exporter.ExportException;
import dev.gputel.spi.exporter.RetryableExportException;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent output against real listeners on the loopback interface, including one that goes away and comes back. */
class AgentSocketTest {
  private static final Instant T = Instant.parse("2026-07-14T08:12:53Z");

  @TempDir Path state;
  private final ManualClock clock = ManualClock.atFixedStart();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private List<MetricBatch> batches;

  @BeforeEach
  void captures() throws Exception {
    batches = Captures.seconds(Captures.H100_LOAD, Resource.empty(), T, 3);
  }

  @Test
  void tcpReconnectsWithBackoffWhenTheAgentGoesAwayAndComesBack() throws Exception {
    LineListener first = new LineListener(0);
    int port = first.port();
    EmfExporter exporter = exporter("tcp://127.0.0.1:" + port);
    exporter.start(new TestHost());

    exporter.exportMetrics(batches.get(0));
    EmfSchema.assertValid(first.nextLines(1));

    first.close();
    TcpAgentSink sink = (TcpAgentSink) exporter.sink();
    await().atMost(Duration.ofSeconds(10)).until(sink::agentClosedConnection);

    // The agent is gone: the batch fails as retryable, and the next attempt waits out the backoff.
    RetryableExportException refused = catchThrowableOfType(RetryableExportException.class,
        () -> exporter.exportMetrics(batches.get(1)));
    assertThat(refused).hasMessageContaining("cannot connect to the CloudWatch agent at tcp://127.0.0.1:" + port);
    assertThat(refused.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(telemetry.statuses().getLast().up()).isFalse();
    RetryableExportException waiting = catchThrowableOfType(RetryableExportException.class,
        () -> exporter.exportMetrics(batches.get(1)));
    assertThat(waiting).hasMessageContaining("next attempt in 1000 ms");

    try (LineListener second = new LineListener(port)) {
      clock.advance(Duration.ofSeconds(1));
      exporter.exportMetrics(batches.get(1));
      exporter.exportMetrics(batches.get(2));

      List<String> lines = second.nextLines(2);
      EmfSchema.assertValid(lines);
      assertThat(lines.get(0)).contains("\"Timestamp\":" + T.plusSeconds(1).toEpochMilli());
      assertThat(telemetry.statuses().getLast().up()).isTrue();
      assertThat(telemetry.count("emf_documents_written")).isEqualTo(3);
      exporter.shutdown();
    }
  }

  @Test
  void udpSendsEachDocumentAsOneDatagram() throws Exception {
    try (DatagramSocket listener = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      listener.setSoTimeout(10_000);
      EmfExporter exporter = exporter("udp://127.0.0.1:" + listener.getLocalPort());
      exporter.start(new TestHost());

      exporter.exportMetrics(batches.get(0));
      exporter.exportMetrics(batches.get(1));

      String first = receive(listener);
      String second = receive(listener);
      assertThat(first).endsWith("\n");
      EmfSchema.assertValid(List.of(first.strip(), second.strip()));
      exporter.shutdown();
    }
  }

  @Test
  void udpGoesOnAfterTheAgentComesBack() throws Exception {
    int port;
    EmfExporter exporter;
    try (DatagramSocket first = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      first.setSoTimeout(10_000);
      port = first.getLocalPort();
      exporter = exporter("udp://127.0.0.1:" + port);
      exporter.start(new TestHost());
      exporter.exportMetrics(batches.get(0));
      EmfSchema.assertValid(receive(first).strip());
    }
    // Gone: a datagram is lost or, where the host reports the port unreachable, the batch is retryable.
    sendIgnoringRetryable(exporter, batches.get(1));
    try (DatagramSocket second = new DatagramSocket(null)) {
      second.setReuseAddress(true);
      second.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      second.setSoTimeout(10_000);
      // A port-unreachable report left from the gap fails one send, which closes the channel; the retry goes through.
      if (!sendIgnoringRetryable(exporter, batches.get(2))) {
        exporter.exportMetrics(batches.get(2));
      }
      String line = receive(second).strip();
      EmfSchema.assertValid(line);
      assertThat(line).contains("\"Timestamp\":" + T.plusSeconds(2).toEpochMilli());
    }
    exporter.shutdown();
  }

  private static boolean sendIgnoringRetryable(EmfExporter exporter, MetricBatch batch) throws ExportException {
    try {
      exporter.exportMetrics(batch);
      return true;
    } catch (RetryableExportException e) {
      return false;
    }
  }

  private static String receive(DatagramSocket socket) throws Exception {
    DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
    socket.receive(packet);
    return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
  }

  private EmfExporter exporter(String endpoint) {
    return new EmfExporter(Emf.settings("output = agent, agent.endpoint = \"" + endpoint + "\""),
        new ComponentSettings(new ComponentId(ComponentKind.EXPORTER, "cloudwatch-emf", ""), telemetry, clock, state, "test"));
  }
}
