package dev.gputel.exporter.cloudwatchemf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real TCP listener standing in for the CloudWatch agent's EMF port: it collects the lines it receives. */
final class LineListener implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> connections = new ArrayList<>();
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Thread acceptor;

  /** @param port 0 for any free port */
  LineListener(int port) throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    acceptor = Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    try {
      while (true) {
        Socket socket = server.accept();
        synchronized (connections) {
          connections.add(socket);
        }
        Thread.ofVirtual().start(() -> read(socket));
      }
    } catch (IOException closed) {
      // close() ends the loop.
    }
  }

  private void read(Socket socket) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException closed) {
      // The listener was closed.
    }
  }

  /** Waits for the next line, up to 10 s; fails the test rather than hang. */
  String nextLine() throws InterruptedException {
    String line = lines.poll(10, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("no line arrived within 10 s");
    }
    return line;
  }

  /** Returns the next {@code n} lines. */
  List<String> nextLines(int n) throws InterruptedException {
    List<String> result = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      result.add(nextLine());
    }
    return result;
  }

  int pending() {
    return lines.size();
  }

  /** Goes away as an agent that stops does: the listening socket and every connection close. */
  @Override
  public void close() throws Exception {
    server.close();
    synchronized (connections) {
      for (Socket socket : connections) {
        socket.close();
      }
    }
    acceptor.join();
  }
}
