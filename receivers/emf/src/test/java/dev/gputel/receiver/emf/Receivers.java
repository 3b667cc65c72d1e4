package dev.gputel.receiver.emf;

import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.consumer.EventsConsumer;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** A started receiver on ephemeral loopback ports, and real TCP and UDP clients for it. */
final class Receivers implements AutoCloseable {
  final RecordingTelemetry telemetry = new RecordingTelemetry();
  final EmfReceiver receiver;

  Receivers(String config, EventsConsumer events, Clock clock, Path state) throws Exception {
    var parsed = ConfigFactory.parseString("tcp = \"127.0.0.1:0\"\nudp = \"127.0.0.1:0\"\n" + config)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.receivers.emf")).resolve();
    var settings = new ComponentSettings(new ComponentId(ComponentKind.RECEIVER, "emf", ""), telemetry, clock,
        state, "test");
    receiver = new EmfReceiver(EmfConfig.from(parsed), settings,
        new Consumers(Consumers.discarding().metrics(), events));
    receiver.start(new TestHost());
  }

  Socket connect() throws IOException {
    return new Socket(receiver.tcpAddress().orElseThrow().getAddress(), receiver.tcpAddress().orElseThrow().getPort());
  }

  static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  void datagram(DatagramSocket client, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    InetSocketAddress to = receiver.udpAddress().orElseThrow();
    client.send(new DatagramPacket(bytes, bytes.length, to));
  }

  @Override
  public void close() {
    receiver.shutdown();
  }
}
