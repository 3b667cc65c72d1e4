package dev.gputel.receiver.emf;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.BooleanSupplier;

/**
 * Reads one client's newline-delimited documents. What a read brings is checked line by line and
 * handed on when the socket has nothing more buffered (or a batch is full), so a quiet client's
 * document goes out at once and a busy one's go out in batches.
 */
final class TcpConnection implements Runnable {
  private final Socket socket;
  private final Intake intake;
  private final BooleanSupplier running;
  private final PendingDocuments pending;
  private final LineFramer framer;
  private final String peer;

  TcpConnection(Socket socket, Intake intake, BooleanSupplier running) {
    this.socket = socket;
    this.intake = intake;
    this.running = running;
    InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    this.peer = remote.getAddress().getHostAddress() + ":" + remote.getPort();
    this.pending = intake.pending(Transport.TCP).from(peer, remote.getAddress().getHostAddress());
    this.framer = new LineFramer(intake.maxDocumentSize());
  }

  String peer() {
    return peer;
  }

  @Override
  public void run() {
    LineFramer.Lines lines = new LineFramer.Lines() {
      @Override
      public void line(byte[] bytes, int offset, int length) {
        pending.add(bytes, offset, length);
        if (pending.full()) {
          intake.handOnOrWait(pending, running);
        }
      }

      @Override
      public void tooLong(long length) {
        pending.tooLarge(length, intake.maxDocumentSize());
      }
    };
    try (socket) {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        framer.feed(buffer, 0, n, lines);
        if (in.available() == 0) {
          intake.handOnOrWait(pending, running);
        }
      }
      framer.end(lines);
    } catch (IOException e) {
      if (running.getAsBoolean()) {
        intake.log().debug("EMF connection from {} ended: {}", peer, e.toString());
      }
    } finally {
      intake.handOnOrWait(pending, running); // What was read before the end still goes on.
    }
  }

  /** Ends the connection: its reader sees the socket closed and stops. */
  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is all that is wanted.
    }
  }
}
