package dev.gputel.receiver.emf;

import dev.gputel.spi.component.Counter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Accepts TCP connections and reads each on a virtual thread of its own. */
final class TcpListener {
  private final Intake intake;
  private final int maxConnections;
  private final Counter connectionsRefused;
  private final Map<TcpConnection, Thread> open = new ConcurrentHashMap<>();
  private final AtomicLong lastRefusalWarning = new AtomicLong(Long.MIN_VALUE);
  private volatile boolean running;
  private ServerSocket server;
  private Thread acceptor;

  TcpListener(Intake intake, int maxConnections, Counter connectionsRefused) {
    this.intake = intake;
    this.maxConnections = maxConnections;
    this.connectionsRefused = connectionsRefused;
  }

  /** Binds the address (failing the start, with the reason, when it cannot) and starts accepting. */
  InetSocketAddress start(InetSocketAddress configured, String name) throws IOException {
    InetSocketAddress address = Listeners.resolve(configured, Transport.TCP);
    server = new ServerSocket();
    server.setReuseAddress(true);
    try {
      server.bind(address, 128);
    } catch (IOException e) {
      server.close();
      throw Listeners.bindFailed(address, Transport.TCP, e);
    }
    running = true;
    acceptor = Thread.ofPlatform().daemon().name("gputel-receiver-" + name + "-tcp").start(this::accept);
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  private void accept() {
    while (running) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (running) {
          intake.log().warn("accepting an EMF connection failed: {}", e.toString());
          continue;
        }
        return;
      }
      if (open.size() >= maxConnections) {
        refuse(socket);
        continue;
      }
      try {
        socket.setKeepAlive(true);
        TcpConnection connection = new TcpConnection(socket, intake, () -> running);
        Thread reader = Thread.ofVirtual().name("gputel-emf-tcp-" + connection.peer()).unstarted(() -> {
          try {
            connection.run();
          } finally {
            open.remove(connection);
          }
        });
        open.put(connection, reader);
        reader.start();
      } catch (IOException | RuntimeException e) {
        intake.log().warn("could not start reading an EMF connection: {}", e.toString());
        closeQuietly(socket);
      }
    }
  }

  private void refuse(Socket socket) {
    connectionsRefused.increment();
    long now = System.nanoTime();
    long last = lastRefusalWarning.get();
    if (last == Long.MIN_VALUE || now - last > Drops.WARN_INTERVAL.toNanos()) {
      lastRefusalWarning.set(now);
      InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
      intake.log().warn("closed an EMF connection from {}:{}: {} connections are open already (max-connections)",
          peer.getAddress().getHostAddress(), peer.getPort(), maxConnections);
    }
    closeQuietly(socket);
  }

  int openConnections() {
    return open.size();
  }

  /** Stops accepting, closes every connection and waits for their readers to hand on what they read. */
  void stop(Duration wait) {
    running = false;
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        // Closing is all that is wanted.
      }
    }
    open.keySet().forEach(TcpConnection::close);
    long deadline = System.nanoTime() + wait.toNanos();
    for (Thread reader : open.values()) {
      try {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !reader.join(Duration.ofNanos(left))) {
          reader.interrupt(); // Still waiting on a full pipeline: give up, counted as refused.
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (acceptor != null) {
      try {
        acceptor.join(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is all that is wanted.
    }
  }
}
