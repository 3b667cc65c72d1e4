package dev.gputel.receiver.emf;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.receiver.Receiver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Listens for EMF documents on TCP and UDP, as the CloudWatch agent's port 25888 does, and hands
 * each valid one on as an event whose body is the document as received.
 */
final class EmfReceiver implements Receiver {
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final EmfConfig config;
  private final ComponentSettings settings;
  private final Consumers next;
  private final Logger log;
  private TcpListener tcp;
  private UdpListener udp;
  private volatile InetSocketAddress tcpAddress;
  private volatile InetSocketAddress udpAddress;

  EmfReceiver(EmfConfig config, ComponentSettings settings, Consumers next) {
    this.config = config;
    this.settings = settings;
    this.next = next;
    this.log = settings.logger();
  }

  @Override
  public void start(Host host) throws Exception {
    var telemetry = settings.telemetry();
    Map<Transport, Counter> received = new EnumMap<>(Transport.class);
    for (Transport transport : Transport.values()) {
      received.put(transport, telemetry.counter("documents_received",
          "EMF documents handed on to the pipeline", Map.of("transport", transport.label())));
    }
    Counter backpressure = telemetry.counter("tcp_backpressure_waits",
        "Batches the pipeline refused at first (spool full); the connection stopped reading until it took them");
    Intake intake = new Intake(next.events(), new EmfEvents(settings.clock()),
        new Drops(telemetry, settings.clock(), log), received, backpressure, log, config.maxDocumentSize());
    String name = settings.id().toString();
    try {
      if (config.tcp().isPresent()) {
        tcp = new TcpListener(intake, config.maxConnections(), telemetry.counter("tcp_connections_refused",
            "TCP connections closed at once because max-connections were open"));
        tcpAddress = tcp.start(config.tcp().get(), name);
        TcpListener listener = tcp;
        telemetry.gauge("tcp_connections", "Open TCP connections", listener::openConnections);
      }
      if (config.udp().isPresent()) {
        udp = new UdpListener(intake);
        udpAddress = udp.start(config.udp().get(), name);
      }
    } catch (Exception e) {
      shutdown();
      throw e;
    }
    log.info("listening for EMF documents on {}{}",
        tcpAddress == null ? "" : "tcp " + Listeners.text(tcpAddress),
        udpAddress == null ? "" : (tcpAddress == null ? "" : " and ") + "udp " + Listeners.text(udpAddress));
    telemetry.reportStatus(ComponentStatus.ok());
  }

  /** The TCP address bound (the port chosen when configured as 0); empty when TCP is off or stopped. */
  Optional<InetSocketAddress> tcpAddress() {
    return Optional.ofNullable(tcpAddress);
  }

  /** The UDP address bound; empty when UDP is off or stopped. */
  Optional<InetSocketAddress> udpAddress() {
    return Optional.ofNullable(udpAddress);
  }

  @Override
  public void shutdown() {
    if (tcp != null) {
      tcp.stop(STOP_WAIT);
      tcp = null;
    }
    if (udp != null) {
      udp.stop(STOP_WAIT);
      udp = null;
    }
    tcpAddress = null;
    udpAddress = null;
  }
}
