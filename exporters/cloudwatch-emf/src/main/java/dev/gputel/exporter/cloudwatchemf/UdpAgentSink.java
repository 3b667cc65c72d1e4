package dev.gputel.exporter.cloudwatchemf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;

/**
 * Sends each document to the CloudWatch agent's UDP listener as one datagram ending in a newline.
 * UDP says nothing about delivery: a document sent while the agent is down is lost, unless the
 * host reports the port unreachable, which fails the next send (and the batch is retried).
 */
final class UdpAgentSink implements EmfSink {
  /** The largest UDP payload over IPv4, less the newline. */
  static final int MAX_DATAGRAM_DOCUMENT = 65_507 - 1;

  private final AgentEndpoint endpoint;
  private DatagramChannel channel;

  UdpAgentSink(AgentEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public synchronized void write(List<byte[]> documents) throws IOException {
    if (channel == null) {
      channel = DatagramChannel.open();
      // Connected, so an ICMP port-unreachable surfaces as an exception instead of silence.
      channel.connect(new InetSocketAddress(endpoint.host(), endpoint.port()));
    }
    try {
      for (byte[] document : documents) {
        ByteBuffer datagram = ByteBuffer.allocate(document.length + 1).put(document).put((byte) '\n').flip();
        channel.write(datagram);
      }
    } catch (IOException e) {
      close();
      throw new AgentUnavailableException("sending to the CloudWatch agent at " + endpoint + " failed: "
          + e.getMessage(), null, e);
    }
  }

  @Override
  public int maxDocumentBytes() {
    return MAX_DATAGRAM_DOCUMENT;
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
