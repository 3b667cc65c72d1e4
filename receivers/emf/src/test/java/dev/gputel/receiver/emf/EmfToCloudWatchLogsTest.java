package dev.gputel.receiver.emf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gputel.exporter.cloudwatchlogs.FakeCloudWatchLogs;
import dev.gputel.exporter.cloudwatchlogs.FakeCloudWatchLogs.Stored;
import dev.gputel.testing.AgentProcess;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What replaces the CloudWatch agent's {@code logs.metrics_collected.emf}, end to end: the agent in
 * its own process, the emf receiver on TCP and UDP, the cloudwatch-logs exporter in raw-emf mode
 * with route-by-event, and the exporter's fake CloudWatch Logs service (the real AWS SDK client,
 * awsJson1.1, SigV4-signed). Documents sent by a real TCP client and a real UDP socket arrive byte
 * for byte in the group each names, with the EMF header on every call.
 */
class EmfToCloudWatchLogsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void documentsReachCloudWatchLogsUnchangedRoutedAndMarkedEmf() throws Exception {
    try (FakeCloudWatchLogs fake = new FakeCloudWatchLogs(Instant::now)) {
      int admin = AgentProcess.freePort();
      int tcp = AgentProcess.freePort();
      int udp = freeUdpPort();
      Path config = Files.writeString(work.resolve("gputel.conf"), """
          gputel {
            service { data-directory = "%s", admin.port = %d, shutdown-timeout = 5s }
            receivers { emf { tcp = "127.0.0.1:%d", udp = "127.0.0.1:%d" } }
            exporters {
              cloudwatch-logs {
                format = raw-emf
                route-by-event = true
                log-group-name = "emf/logs/default"
                log-stream-name = "gpu-host-1"
                region = us-east-1
                endpoint = "%s"
              }
            }
            pipelines { events { receivers = [emf], exporters = [cloudwatch-logs] } }
          }
          """.formatted(work.resolve("data"), admin, tcp, udp, fake.endpoint()));
      Map<String, String> environment = Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
          "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_EC2_METADATA_DISABLED", "true");

      try (AgentProcess agent = AgentProcess.start(System.getProperty("java.class.path"), work, environment,
          "run", "--config", config.toString())) {
        agent.awaitHttp(admin, "/healthz", WAIT);
        // The spec's example with a current Timestamp (CloudWatch Logs refuses events over 14 days
        // old) and a log group; the other documents are synthetic.
        long now = System.currentTimeMillis();
        String spec = Documents.specExample(now, "/gputel/test/tcp");
        String unrouted = Documents.synthetic("unrouted", null, null);
        String afterGarbage = Documents.synthetic("after-garbage", "/gputel/test/tcp", "second-stream");
        String overUdp = Documents.synthetic("over-udp", "/gputel/test/udp", "udp-stream");

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), tcp);
            DatagramSocket datagrams = new DatagramSocket()) {
          send(client, spec + "\n" + "not json at all\n" + unrouted + "\n");
          byte[] bytes = overUdp.getBytes(StandardCharsets.UTF_8);
          datagrams.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), udp));
          await().atMost(WAIT).until(() -> fake.stored().size() >= 3);
          send(client, afterGarbage + "\n"); // The connection outlived the invalid line.
          await().atMost(WAIT).until(() -> fake.stored().size() >= 4);
        }

        assertThat(fake.stored()).extracting(s -> s.group() + " | " + s.stream() + " | " + s.message())
            .containsExactlyInAnyOrder(
                "/gputel/test/tcp | gpu-host-1 | " + spec,
                "emf/logs/default | gpu-host-1 | " + unrouted,
                "/gputel/test/udp | udp-stream | " + overUdp,
                "/gputel/test/tcp | second-stream | " + afterGarbage);
        Stored specEvent = fake.stored().stream().filter(s -> s.message().equals(spec)).findFirst().orElseThrow();
        assertThat(specEvent.timestamp()).as("the log event's time is _aws.Timestamp").isEqualTo(now);
        assertThat(fake.putHeaderValues("x-amzn-logs-format")).isNotEmpty().containsOnly("json/emf");
        assertThat(fake.violations()).isEmpty();

        Pattern invalid = Pattern.compile("(?m)^gputel_receiver_documents_dropped_total\\{(?=[^}]*reason=\"invalid_json\")"
            + "(?=[^}]*transport=\"tcp\")[^}]*} 1(\\.0)?$");
        String metrics = agent.awaitHttp(admin, "/metrics", WAIT, body -> invalid.matcher(body).find());
        assertThat(metrics).containsPattern(invalid)
            .containsPattern("gputel_receiver_documents_received_total\\{[^}]*transport=\"tcp\"[^}]*} 3")
            .containsPattern("gputel_receiver_documents_received_total\\{[^}]*transport=\"udp\"[^}]*} 1");
        assertThat(agent.stderr()).contains("listening for EMF documents on tcp 127.0.0.1:" + tcp)
            .contains("(invalid_json)");
      }
    }
  }

  private static void send(Socket client, String text) throws IOException {
    client.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    client.getOutputStream().flush();
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
