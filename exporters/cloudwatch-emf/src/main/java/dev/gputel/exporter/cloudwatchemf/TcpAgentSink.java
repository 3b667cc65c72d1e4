package dev.gputel.exporter.cloudwatchemf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

/**
 * Sends documents to the CloudWatch agent's TCP listener, one per line, on one long-lived
 * connection that is re-opened, with backoff, when the agent goes away and comes back.
 *
 * <p>A write to a connection the peer has closed still succeeds locally, and the document is
 * lost; so before each batch a non-blocking read checks whether the agent closed its end (the
 * agent never sends anything, so end of stream is the only thing a read can find).
 */
final class TcpAgentSink implements EmfSink {
  private static final ByteBuffer NEWLINE = ByteBuffer.wrap(new byte[] {'\n'});

  private final AgentEndpoint endpoint;
  private final Duration connectTimeout;
  private final ReconnectBackoff backoff;
  private final ByteBuffer probe = ByteBuffer.allocate(256);
  private SocketChannel channel;

  TcpAgentSink(AgentEndpoint endpoint, Duration connectTimeout, ReconnectBackoff backoff) {
    this.endpoint = endpoint;
    this.connectTimeout = connectTimeout;
    this.backoff = backoff;
  }

  @Override
  public synchronized void write(List<byte[]> documents) throws IOException {
    if (channel != null && peerClosed()) {
      closeQuietly();
    }
    if (channel == null) {
      connect();
    }
    try {
      for (byte[] document : documents) {
        writeFully(ByteBuffer.wrap(document));
        writeFully(NEWLINE.duplicate());
      }
    } catch (IOException e) {
      closeQuietly();
      backoff.failed();
      throw new AgentUnavailableException("sending to the CloudWatch agent at " + endpoint + " failed: "
          + e.getMessage(), backoff.remaining(), e);
    }
  }

  private void connect() throws IOException {
    Duration wait = backoff.remaining();
    if (!wait.isZero()) {
      throw new AgentUnavailableException("the CloudWatch agent at " + endpoint + " was unreachable;"
          + " next attempt in " + wait.toMillis() + " ms", wait, null);
    }
    SocketChannel opened = SocketChannel.open();
    try {
      opened.socket().connect(new InetSocketAddress(endpoint.host(), endpoint.port()),
          (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
      opened.socket().setTcpNoDelay(true);
    } catch (IOException e) {
      opened.close();
      backoff.failed();
      throw new AgentUnavailableException("cannot connect to the CloudWatch agent at " + endpoint + ": "
          + e.getMessage(), backoff.remaining(), e);
    }
    channel = opened;
    backoff.succeeded();
  }

  private boolean peerClosed() {
    try {
      channel.configureBlocking(false);
      try {
        probe.clear();
        return channel.read(probe) < 0;
      } finally {
        channel.configureBlocking(true);
      }
    } catch (IOException e) {
      return true; // Reset by the peer.
    }
  }

  private void writeFully(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Returns whether the open connection has been closed by the agent; for tests. */
  synchronized boolean agentClosedConnection() {
    return channel != null && peerClosed();
  }

  private void closeQuietly() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing a broken connection; nothing more to do.
    }
    channel = null;
  }

  @Override
  public synchronized void close() {
    if (channel != null) {
      closeQuietly();
    }
  }
}
