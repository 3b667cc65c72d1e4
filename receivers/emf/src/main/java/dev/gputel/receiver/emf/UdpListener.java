package dev.gputel.receiver.emf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;

/**
 * Receives datagrams, each holding one document or several separated by newlines. Datagrams that
 * queued up while one batch was handed on are read without waiting and go on together. UDP cannot
 * slow a sender down: what the pipeline refuses is dropped and counted.
 */
final class UdpListener {
  /** The largest UDP payload over IPv4; a longer datagram cannot arrive. */
  private static final int MAX_DATAGRAM = 65_507;

  private final Intake intake;
  private volatile boolean running;
  private DatagramChannel channel;
  private Thread reader;

  UdpListener(Intake intake) {
    this.intake = intake;
  }

  InetSocketAddress start(InetSocketAddress configured, String name) throws IOException {
    InetSocketAddress address = Listeners.resolve(configured, Transport.UDP);
    channel = DatagramChannel.open();
    try {
      channel.bind(address);
    } catch (IOException e) {
      channel.close();
      throw Listeners.bindFailed(address, Transport.UDP, e);
    }
    running = true;
    reader = Thread.ofPlatform().daemon().name("gputel-receiver-" + name + "-udp").start(this::read);
    return (InetSocketAddress) channel.getLocalAddress();
  }

  private void read() {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM + 1);
    PendingDocuments pending = intake.pending(Transport.UDP);
    while (running) {
      try {
        SocketAddress from = channel.receive(buffer.clear());
        take(from, buffer, pending);
        channel.configureBlocking(false);
        try {
          while (!pending.full() && (from = channel.receive(buffer.clear())) != null) {
            take(from, buffer, pending);
          }
        } finally {
          channel.configureBlocking(true);
        }
      } catch (ClosedChannelException e) {
        intake.handOnOrDrop(pending); // Stopped: what was read still goes on.
        return;
      } catch (IOException e) {
        if (!running) {
          return;
        }
        intake.log().warn("receiving an EMF datagram failed: {}", e.toString());
      }
      intake.handOnOrDrop(pending);
    }
  }

  /** Splits one datagram at its newlines into documents. */
  private void take(SocketAddress from, ByteBuffer buffer, PendingDocuments pending) {
    InetSocketAddress sender = (InetSocketAddress) from;
    String client = sender.getAddress().getHostAddress();
    pending.from(client + ":" + sender.getPort(), client);
    byte[] bytes = buffer.array();
    int end = buffer.position();
    int start = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || bytes[i] == '\n') {
        int length = i > start && bytes[i - 1] == '\r' ? i - 1 - start : i - start;
        if (length > intake.maxDocumentSize()) {
          pending.tooLarge(length, intake.maxDocumentSize());
        } else {
          pending.add(bytes, start, length);
        }
        start = i + 1;
      }
    }
  }

  void stop(Duration wait) {
    running = false;
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Closing is all that is wanted.
      }
    }
    if (reader != null) {
      try {
        reader.join(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
