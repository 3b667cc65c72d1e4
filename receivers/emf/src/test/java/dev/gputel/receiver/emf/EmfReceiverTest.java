package dev.gputel.receiver.emf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gputel.spi.consumer.EventsConsumer;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.Event;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.TelemetrySink;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver on loopback ephemeral ports, with real TCP and UDP clients. */
class EmfReceiverTest {
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path state;
  private final TelemetrySink sink = new TelemetrySink();

  private static Map<String, String> labels(String transport, String reason) {
    return Map.of("transport", transport, "reason", reason);
  }

  @Test
  void tcpDocumentsArriveUnchangedWithTheirRouteAndBadLinesDoNotEndTheConnection() throws Exception {
    try (Receivers r = new Receivers("", sink, new ManualClock(NOW), state); Socket client = r.connect()) {
      String spec = Documents.specExample();
      String routed = Documents.synthetic("orders", "/app/orders", "pod-7");
      Receivers.write(client, spec + "\n" + "this is not json\n" + "{\"level\":\"info\",\"msg\":\"plain JSON\"}\r\n"
          + routed + "\r\n\n");

      List<Event> events = sink.awaitEvents(2, WAIT);
      assertThat(events).extracting(Event::body).containsExactly(spec, routed);
      assertThat(events.get(0).timestamp()).isEqualTo(Instant.ofEpochMilli(1574109732004L));
      assertThat(events.get(0).attributes().asMap()).containsOnlyKeys("log.kind", "network.transport", "client.address")
          .containsEntry("log.kind", "emf").containsEntry("network.transport", "tcp")
          .containsEntry("client.address", "127.0.0.1");
      assertThat(events.get(1).timestamp()).as("no _aws.Timestamp: the time received").isEqualTo(NOW);
      assertThat(events.get(1).attributes().asMap()).containsEntry("aws.log.group.names", "/app/orders")
          .containsEntry("aws.log.stream.names", "pod-7");
      assertThat(events.get(0).id()).isNotEqualTo(events.get(1).id());

      await().atMost(WAIT).until(() -> r.telemetry.count("documents_dropped", labels("tcp", "not_emf")) == 1);
      assertThat(r.telemetry.count("documents_dropped", labels("tcp", "invalid_json"))).isEqualTo(1);

      Receivers.write(client, spec + "\n"); // The same connection still works.
      assertThat(sink.awaitEvents(3, WAIT).get(2).body()).isEqualTo(spec);
      assertThat(r.telemetry.count("documents_received", Map.of("transport", "tcp"))).isEqualTo(3);
    }
  }

  @Test
  void aLineOverTheLimitIsDroppedAndTheNextOneArrives() throws Exception {
    try (Receivers r = new Receivers("max-document-size = 300", sink, new ManualClock(NOW), state);
        Socket client = r.connect()) {
      String big = Documents.synthetic("x".repeat(5_000), null, null);
      String small = Documents.synthetic("small", null, null);
      Receivers.write(client, big + "\n" + small + "\n");

      assertThat(sink.awaitEvents(1, WAIT)).extracting(Event::body).containsExactly(small);
      assertThat(r.telemetry.count("documents_dropped", labels("tcp", "too_large"))).isEqualTo(1);
    }
  }

  @Test
  void aDatagramHoldsOneOrSeveralDocuments() throws Exception {
    try (Receivers r = new Receivers("", sink, new ManualClock(NOW), state); DatagramSocket client = new DatagramSocket()) {
      String a = Documents.synthetic("a", "/app/a", null);
      String b = Documents.synthetic("b", null, null);
      r.datagram(client, Documents.specExample());
      r.datagram(client, a + "\n" + b + "\n");
      r.datagram(client, "{not json");

      List<Event> events = sink.awaitEvents(3, WAIT);
      assertThat(events).extracting(Event::body).containsExactly(Documents.specExample(), a, b);
      assertThat(events.get(1).attributes().asMap()).containsEntry("network.transport", "udp")
          .containsEntry("aws.log.group.names", "/app/a");
      await().atMost(WAIT).until(() -> r.telemetry.count("documents_dropped", labels("udp", "invalid_json")) == 1);
      assertThat(r.telemetry.count("documents_received", Map.of("transport", "udp"))).isEqualTo(3);
    }
  }

  @Test
  void tcpStopsReadingWhileThePipelineRefusesAndLosesNothing() throws Exception {
    AtomicInteger refusals = new AtomicInteger(3);
    List<Event> taken = new CopyOnWriteArrayList<>();
    EventsConsumer spoolFullThrice = batch -> {
      if (refusals.getAndDecrement() > 0) {
        throw new RefusedException("spool full");
      }
      taken.addAll(batch.events());
    };
    try (Receivers r = new Receivers("", spoolFullThrice, new ManualClock(NOW), state); Socket client = r.connect()) {
      Receivers.write(client, Documents.specExample() + "\n");

      await().atMost(WAIT).until(() -> taken.size() == 1);
      assertThat(refusals.get()).isNegative();
      assertThat(r.telemetry.count("tcp_backpressure_waits")).isEqualTo(1);
      assertThat(r.telemetry.count("documents_dropped", labels("tcp", "refused"))).isZero();
    }
  }

  @Test
  void udpDropsAndCountsWhatThePipelineRefuses() throws Exception {
    EventsConsumer spoolFull = batch -> {
      throw new RefusedException("spool full");
    };
    try (Receivers r = new Receivers("", spoolFull, new ManualClock(NOW), state); DatagramSocket client = new DatagramSocket()) {
      r.datagram(client, Documents.specExample());

      await().atMost(WAIT).until(() -> r.telemetry.count("documents_dropped", labels("udp", "refused")) == 1);
    }
  }

  @Test
  void manyConnectionsAtOnceKeepEachClientsOrder() throws Exception {
    int clients = 20;
    int perClient = 50;
    try (Receivers r = new Receivers("", sink, new ManualClock(NOW), state)) {
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<?>> sends = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        sends.add(pool.submit(() -> {
          try (Socket socket = r.connect()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < perClient; i++) {
              text.append(Documents.synthetic(client + "-" + i, null, null)).append('\n');
            }
            Receivers.write(socket, text.toString());
          }
          return null;
        }));
      }
      for (Future<?> send : sends) {
        send.get();
      }
      pool.shutdown();

      List<Event> events = sink.awaitEvents(clients * perClient, WAIT);
      assertThat(events).hasSize(clients * perClient);
      assertThat(new HashSet<>(events.stream().map(Event::id).toList())).hasSize(clients * perClient);
      for (int c = 0; c < clients; c++) {
        String prefix = "\"Service\":\"" + c + "-";
        List<String> mine = events.stream().map(Event::body).filter(body -> body.contains(prefix)).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < perClient; i++) {
          expected.add(Documents.synthetic(c + "-" + i, null, null));
        }
        assertThat(mine).as("client %d", c).containsExactlyElementsOf(expected);
      }
      assertThat(sink.eventBatches()).allSatisfy(batch -> assertThat(batch.size()).isLessThanOrEqualTo(PendingDocuments.MAX_BATCH));
    }
  }

  @Test
  void aConnectionOverMaxConnectionsIsClosedAndCounted() throws Exception {
    try (Receivers r = new Receivers("max-connections = 1", sink, new ManualClock(NOW), state);
        Socket first = r.connect()) {
      Receivers.write(first, Documents.specExample() + "\n");
      sink.awaitEvents(1, WAIT); // The first connection is being read.
      try (Socket second = r.connect()) {
        InputStream in = second.getInputStream();
        second.setSoTimeout((int) WAIT.toMillis());
        assertThat(in.read()).as("closed by the receiver").isEqualTo(-1);
      }
      assertThat(r.telemetry.count("tcp_connections_refused")).isEqualTo(1);
      assertThat(r.telemetry.gaugeValue("tcp_connections")).isEqualTo(1.0);
    }
  }

  @Test
  void aPortInUseFailsTheStartNamingTheAddress() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> new Receivers("tcp = \"127.0.0.1:" + port + "\"", sink, new ManualClock(NOW), state))
          .hasMessageContaining("cannot listen on tcp 127.0.0.1:" + port);
    }
  }

  @Test
  void shutdownClosesTheConnectionsAndThePorts() throws Exception {
    Receivers r = new Receivers("", sink, new ManualClock(NOW), state);
    var tcp = r.receiver.tcpAddress().orElseThrow();
    try (Socket client = r.connect()) {
      Receivers.write(client, Documents.specExample() + "\n");
      sink.awaitEvents(1, WAIT);
      r.close();
      client.setSoTimeout((int) WAIT.toMillis());
      assertThat(client.getInputStream().read()).isEqualTo(-1);
    }
    try (ServerSocket again = new ServerSocket()) {
      again.setReuseAddress(true);
      again.bind(tcp); // The port is free again.
    }
  }
}
