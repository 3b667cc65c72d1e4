package dev.gputel.exporter.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A local CloudWatch that speaks what the AWS SDK 2.57 CloudWatch client speaks: Smithy RPC v2 CBOR,
 * {@code POST /service/GraniteServiceVersion20100801/operation/PutMetricData}. It checks what the
 * service checks (a SigV4 Authorization header, the PutMetricData limits of API_PutMetricData and
 * API_MetricDatum) and answers a violation the way the service does (400 InvalidParameterValue,
 * 413 for a payload over 1 MB), records every accepted datum, and injects faults per request:
 * throttling, 500s, a connection dropped before or after the data was taken, and an outage until a
 * time on the test clock.
 */
final class FakeCloudWatch implements AutoCloseable {
  static final String PATH = "/service/GraniteServiceVersion20100801/operation/PutMetricData";
  /** The largest request body accepted, decompressed: 1 MB. */
  static final int MAX_BODY = 1_000_000;
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=[A-Z0-9]{16,128}/\\d{8}/[a-z0-9-]+/monitoring/aws4_request,"
          + " SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}");
  private static final double MAX_VALUE = 0x1p360;

  /** What the fake does with one request. */
  enum Fault { NONE, THROTTLE, SERVER_ERROR, UNAVAILABLE, DROP_BEFORE, DROP_AFTER }

  /** One accepted datum. */
  record Received(String namespace, String name, Map<String, String> dimensions, long timestampMillis,
      List<Double> values, List<Double> counts, String unit, Integer storageResolution) {

    /** The identity the dedupe uses: name, dimensions and timestamp. */
    String key() {
      return name + dimensions + "@" + timestampMillis;
    }
  }

  /** A request the fake refused because it broke a limit. */
  record Violation(int status, String code, String message) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final CBORMapper cbor = new CBORMapper(new CBORFactory());
  private final Clock clock;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Violation> violations = new CopyOnWriteArrayList<>();
  private final List<Integer> bodySizes = new CopyOnWriteArrayList<>();
  private final List<String> faultsInjected = new CopyOnWriteArrayList<>();
  private final List<String> credentialScopes = new CopyOnWriteArrayList<>();
  private volatile IntFunction<Fault> faults = n -> Fault.NONE;
  private volatile Instant outageUntil = Instant.MIN;
  private int requests;

  FakeCloudWatch(Clock clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Sets the fault of each request, by its number (0 for the first). */
  void faults(IntFunction<Fault> plan) {
    this.faults = plan;
  }

  /** Answers 503 until this time on the test clock. */
  void outageUntil(Instant until) {
    this.outageUntil = until;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<Violation> violations() {
    return List.copyOf(violations);
  }

  List<Integer> bodySizes() {
    return List.copyOf(bodySizes);
  }

  /** The credential scope ({@code <key id>/<date>/<region>/monitoring/aws4_request}) of each signed request. */
  List<String> credentialScopes() {
    return List.copyOf(credentialScopes);
  }

  List<String> faultsInjected() {
    return List.copyOf(faultsInjected);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Fault fault;
      synchronized (this) {
        fault = clock.instant().isBefore(outageUntil) ? Fault.UNAVAILABLE : faults.apply(requests++);
      }
      if (fault != Fault.NONE) {
        faultsInjected.add(fault.name());
      }
      if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
        error(exchange, 404, "UnknownOperationException", "no such operation: " + exchange.getRequestURI());
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization == null || !AUTHORIZATION.matcher(authorization).matches()
          || exchange.getRequestHeaders().getFirst("X-Amz-Date") == null) {
        reject(exchange, 403, "IncompleteSignature", "missing or malformed SigV4 Authorization: " + authorization);
        return;
      }
      credentialScopes.add(authorization.substring("AWS4-HMAC-SHA256 Credential=".length(), authorization.indexOf(',')));
      if (!"application/cbor".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
          || !"rpc-v2-cbor".equals(exchange.getRequestHeaders().getFirst("smithy-protocol"))) {
        reject(exchange, 400, "SerializationException", "not Smithy RPC v2 CBOR");
        return;
      }
      switch (fault) {
        case THROTTLE -> {
          error(exchange, 400, "Throttling", "Rate exceeded");
          return;
        }
        case SERVER_ERROR -> {
          error(exchange, 500, "InternalServiceError", "injected 500");
          return;
        }
        case UNAVAILABLE -> {
          error(exchange, 503, "ServiceUnavailable", "injected outage");
          return;
        }
        case DROP_BEFORE -> {
          return; // closes the connection without an answer; nothing was taken
        }
        default -> { }
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          body = in.readNBytes(MAX_BODY + 1);
        }
      }
      bodySizes.add(body.length);
      if (body.length > MAX_BODY) {
        reject(exchange, 413, "RequestEntityTooLarge", "request of " + body.length + " bytes is over 1 MB");
        return;
      }
      List<Received> data = new ArrayList<>();
      String problem = validate(cbor.readTree(body), data);
      if (problem != null) {
        reject(exchange, 400, "InvalidParameterValue", problem);
        return;
      }
      received.addAll(data);
      if (fault == Fault.DROP_AFTER) {
        return; // the data was taken, but the client never hears so
      }
      exchange.getResponseHeaders().add("Content-Type", "application/cbor");
      exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
      exchange.sendResponseHeaders(200, 1);
      exchange.getResponseBody().write(0xA0); // an empty CBOR map
    }
  }

  /** Returns what breaks a PutMetricData rule, or null, filling {@code data} with the request's datums. */
  private String validate(JsonNode request, List<Received> data) {
    String namespace = request.path("Namespace").asText("");
    if (namespace.isEmpty() || namespace.length() > 255 || namespace.startsWith("AWS/") || namespace.startsWith(":")) {
      return "The parameter Namespace is invalid: '" + namespace + "'";
    }
    JsonNode metricData = request.path("MetricData");
    if (!metricData.isArray() || metricData.isEmpty() || metricData.size() > 1000) {
      return "The collection MetricData must contain 1 to 1000 items, not " + metricData.size();
    }
    Instant now = clock.instant();
    for (JsonNode datum : metricData) {
      String name = datum.path("MetricName").asText("");
      if (name.isEmpty() || name.length() > 255) {
        return "The parameter MetricData.member.MetricName is invalid: '" + name + "'";
      }
      Map<String, String> dimensions = new TreeMap<>();
      JsonNode dims = datum.path("Dimensions");
      if (dims.size() > 30) {
        return "The collection MetricData.member.Dimensions must not have more than 30 items, not " + dims.size();
      }
      for (JsonNode dim : dims) {
        String dimName = dim.path("Name").asText("");
        String dimValue = dim.path("Value").asText("");
        if (dimName.isEmpty() || dimName.length() > 255 || dimValue.isEmpty() || dimValue.length() > 1024
            || dimensions.put(dimName, dimValue) != null) {
          return "The parameter MetricData.member.Dimensions.member is invalid: " + dimName + "=" + dimValue;
        }
      }
      List<Double> values = new ArrayList<>();
      datum.path("Values").forEach(v -> values.add(v.asDouble()));
      List<Double> counts = new ArrayList<>();
      datum.path("Counts").forEach(v -> counts.add(v.asDouble()));
      if (datum.has("Value")) {
        if (!values.isEmpty()) {
          return "The parameters MetricData.member.Value and MetricData.member.Values are mutually exclusive";
        }
        values.add(datum.get("Value").asDouble());
      }
      if (values.isEmpty() && !datum.has("StatisticValues")) {
        return "MetricData.member needs Value, Values or StatisticValues";
      }
      if (values.size() > 150) {
        return "The collection MetricData.member.Values must not have more than 150 items, not " + values.size();
      }
      if (!counts.isEmpty() && counts.size() != values.size()) {
        return "The parameters MetricData.member.Values and MetricData.member.Counts must be of the same size";
      }
      for (double value : values) {
        if (!Double.isFinite(value) || Math.abs(value) > MAX_VALUE) {
          return "The value " + value + " for parameter MetricData.member.Value is invalid";
        }
      }
      long timestamp = Math.round(datum.path("Timestamp").asDouble() * 1000);
      Instant at = Instant.ofEpochMilli(timestamp);
      if (!datum.has("Timestamp") || at.isBefore(now.minus(Duration.ofDays(14))) || at.isAfter(now.plus(Duration.ofHours(2)))) {
        return "The parameter MetricData.member.Timestamp must be within the last two weeks and two hours ahead: " + at;
      }
      Integer resolution = datum.has("StorageResolution") ? datum.get("StorageResolution").asInt() : null;
      if (resolution != null && resolution != 1 && resolution != 60) {
        return "The parameter MetricData.member.StorageResolution must be 1 or 60, not " + resolution;
      }
      data.add(new Received(namespace, name, dimensions, timestamp, values, counts,
          datum.path("Unit").asText(null), resolution));
    }
    return null;
  }

  private void reject(HttpExchange exchange, int status, String code, String message) throws IOException {
    violations.add(new Violation(status, code, message));
    error(exchange, status, code, message);
  }

  /**
   * An RPC v2 CBOR error: the type in the body's {@code __type}, and, as CloudWatch is
   * awsQueryCompatible, the Query error code in {@code x-amzn-query-error}.
   */
  private void error(HttpExchange exchange, int status, String code, String message) throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("__type", "com.amazonaws.cloudwatch#" + code);
    body.put("message", message);
    byte[] bytes = cbor.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/cbor");
    exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
    exchange.getResponseHeaders().add("x-amzn-query-error", code + ";" + (status >= 500 ? "Receiver" : "Sender"));
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
