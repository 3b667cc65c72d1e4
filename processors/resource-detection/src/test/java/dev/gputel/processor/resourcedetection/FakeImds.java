package dev.gputel.processor.resourcedetection;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An instance metadata service on loopback that speaks IMDSv2 as EC2 documents it: {@code PUT
 * /latest/api/token} needs {@code X-aws-ec2-metadata-token-ttl-seconds} between 1 and 21600 (else
 * 400) and refuses a request with {@code X-Forwarded-For} (403); a GET needs a token it issued and
 * that has not expired by {@code clock} (else 401), unless IMDSv1 is allowed; unknown paths are
 * 404. Faults: token requests that never get an answer (a hop limit of 1 seen from a container),
 * the service turned off (403), and the next requests failing with a status (500s).
 */
final class FakeImds implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Clock clock;
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> items = new ConcurrentHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile int failureStatus = 500;
  private volatile boolean hangTokenRequests;
  private volatile boolean allowV1;
  private volatile boolean disabled;

  FakeImds(Clock clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    items.put(Ec2Metadata.IDENTITY_PATH, Fixtures.read("imds/identity-document.json"));
    items.put(Ec2Detector.HOSTNAME_PATH, "ip-172-31-40-17.us-west-2.compute.internal");
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Serves {@code body} at {@code path}; null removes it (404). */
  FakeImds item(String path, String body) {
    if (body == null) {
      items.remove(path);
    } else {
      items.put(path, body);
    }
    return this;
  }

  /** Exposes instance tags in IMDS (InstanceMetadataTags=enabled) with these keys and values. */
  FakeImds tags(Map<String, String> tags) {
    items.put(Ec2Detector.TAGS_PATH, String.join("\n", tags.keySet()));
    tags.forEach((key, value) -> items.put(Ec2Detector.TAGS_PATH + "/" + key, value));
    return this;
  }

  /** Token requests connect but are never answered, as with a hop limit of 1 from a container. */
  FakeImds hangTokenRequests() {
    hangTokenRequests = true;
    return this;
  }

  /** Answers GETs without a token (HttpTokens=optional). */
  FakeImds allowV1() {
    allowV1 = true;
    return this;
  }

  /** Answers every request 403, as IMDS does when HttpEndpoint=disabled. */
  FakeImds disable() {
    disabled = true;
    return this;
  }

  /** Answers the next {@code count} requests with {@code status}. */
  FakeImds failNext(int count, int status) {
    failureStatus = status;
    failures.set(count);
    return this;
  }

  /** Forgets every token issued, as after an instance stop and start. */
  void forgetTokens() {
    tokens.clear();
  }

  int tokenRequests() {
    return tokenRequests.get();
  }

  /** Returns "METHOD path token|no-token", one per request answered or held, in order. */
  List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String token = exchange.getRequestHeaders().getFirst(ImdsClient.TOKEN_HEADER);
      requests.add(method + " " + path + " " + (token == null ? "no-token" : "token"));
      if (disabled) {
        respond(exchange, 403, "Forbidden");
      } else if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        respond(exchange, failureStatus, "Internal Server Error");
      } else if (method.equals("PUT") && path.equals(ImdsClient.TOKEN_PATH)) {
        token(exchange);
      } else if (!method.equals("GET")) {
        respond(exchange, 405, "Method Not Allowed");
      } else if (token == null ? !allowV1 : !valid(token)) {
        respond(exchange, 401, "Unauthorized");
      } else {
        String item = items.get(path);
        respond(exchange, item == null ? 404 : 200, item == null ? "Not Found" : item);
      }
    }
  }

  private void token(HttpExchange exchange) throws IOException {
    tokenRequests.incrementAndGet();
    if (hangTokenRequests) {
      // Connected and read, never answered: the reply would have died one hop short.
      awaitRelease();
      return;
    }
    if (exchange.getRequestHeaders().containsKey("X-Forwarded-For")) {
      respond(exchange, 403, "Forbidden");
      return;
    }
    String ttl = exchange.getRequestHeaders().getFirst(ImdsClient.TTL_HEADER);
    long seconds;
    try {
      seconds = ttl == null ? -1 : Long.parseLong(ttl);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 1 || seconds > 21_600) {
      respond(exchange, 400, "Bad Request");
      return;
    }
    String issued = UUID.randomUUID().toString();
    tokens.put(issued, clock.instant().plus(Duration.ofSeconds(seconds)));
    exchange.getResponseHeaders().add(ImdsClient.TTL_HEADER, Long.toString(seconds));
    respond(exchange, 200, issued);
  }

  private boolean valid(String token) {
    Instant expiry = tokens.get(token);
    return expiry != null && clock.instant().isBefore(expiry);
  }

  private void awaitRelease() {
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
