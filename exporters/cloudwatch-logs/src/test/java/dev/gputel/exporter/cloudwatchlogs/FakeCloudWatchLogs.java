package dev.gputel.exporter.cloudwatchlogs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A CloudWatch Logs service in the test process that speaks the real wire protocol (awsJson1.1:
 * {@code POST /}, {@code X-Amz-Target: Logs_20140328.<Operation>},
 * {@code Content-Type: application/x-amz-json-1.1}, errors as {@code __type} plus
 * {@code x-amzn-ErrorType}) to the real SDK client, enforces PutLogEvents' documented limits the way
 * the service does (InvalidParameterException for the whole call; rejectedLogEventsInfo for events
 * outside the time window), requires a well-formed SigV4 Authorization header, and injects faults.
 *
 * <p>Every request that breaks a rule is also recorded in {@link #violations()}, so a test can
 * assert that the client never sent one.
 */
public final class FakeCloudWatchLogs implements AutoCloseable {
  /** What to do with one PutLogEvents request instead of (or after) serving it. */
  public enum Fault {
    NONE,
    THROTTLE,
    SERVICE_UNAVAILABLE_500,
    INTERNAL_FAILURE_500,
    UNAVAILABLE_503,
    /** Close the connection before reading the request: nothing stored. */
    RESET_BEFORE,
    /** Store the events, then close the connection without answering: the client cannot know. */
    RESET_AFTER
  }

  /** A request's fault, chosen from its 1-based PutLogEvents sequence number. */
  public interface FaultPlan {
    Fault forRequest(int putNumber);
  }

  /** An event as the service stored it. */
  public record Stored(String group, String stream, long timestamp, String message) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=[A-Z0-9]{16,128}/\\d{8}/[a-z0-9-]+/logs/aws4_request, "
          + "SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}");
  private static final Pattern GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
  private static final Set<Integer> RETENTION = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
      400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Supplier<Instant> clock;
  private final Map<String, Map<String, List<Stored>>> groups = new LinkedHashMap<>();
  private final Map<String, Integer> retention = new HashMap<>();
  private final List<Stored> stored = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final Map<String, Integer> operations = new LinkedHashMap<>();
  private final List<Integer> putSizes = new ArrayList<>();
  private FaultPlan faults = n -> Fault.NONE;
  private Instant outageUntil = Instant.MIN;
  private int puts;
  private final Map<String, String> lastPutHeaders = new HashMap<>();
  private final List<Map<String, String>> putHeaders = new ArrayList<>();

  public FakeCloudWatchLogs(Supplier<Instant> clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public synchronized void faults(FaultPlan plan) {
    this.faults = plan;
  }

  /** Answers every call with 503 until the service clock reaches {@code until}. */
  synchronized void outageUntil(Instant until) {
    this.outageUntil = until;
  }

  synchronized void createGroup(String group) {
    groups.putIfAbsent(group, new LinkedHashMap<>());
  }

  synchronized void deleteStream(String group, String stream) {
    groups.getOrDefault(group, new HashMap<>()).remove(stream);
  }

  public synchronized List<Stored> stored() {
    return List.copyOf(stored);
  }

  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  public synchronized int calls(String operation) {
    return operations.getOrDefault(operation, 0);
  }

  /** A header's value in every PutLogEvents request, in order; null where a request lacked it. */
  public synchronized List<String> putHeaderValues(String name) {
    String key = name.toLowerCase(java.util.Locale.ROOT);
    return putHeaders.stream().map(headers -> headers.get(key)).toList();
  }

  /** A header of the last PutLogEvents request. */
  public synchronized String lastHeader(String name) {
    return lastPutHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  synchronized Integer retention(String group) {
    return retention.get(group);
  }

  public synchronized boolean streamExists(String group, String stream) {
    return groups.containsKey(group) && groups.get(group).containsKey(stream);
  }

  /** Billed bytes of every PutLogEvents request that reached the limit checks. */
  public synchronized List<Integer> putSizes() {
    return List.copyOf(putSizes);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
      Fault fault = Fault.NONE;
      synchronized (this) {
        operations.merge(operation, 1, Integer::sum);
        if (operation.equals("PutLogEvents")) {
          fault = faults.forRequest(++puts);
          lastPutHeaders.clear();
          exchange.getRequestHeaders().forEach((k, v) -> lastPutHeaders.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
          putHeaders.add(Map.copyOf(lastPutHeaders));
        }
      }
      if (fault == Fault.RESET_BEFORE) {
        return; // Closed without an answer.
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      String problem = protocolProblem(exchange, target);
      if (problem != null) {
        violation(problem);
        error(exchange, 400, "IncompleteSignatureException", problem);
        return;
      }
      synchronized (this) {
        if (clock.get().isBefore(outageUntil)) {
          error(exchange, 503, "ServiceUnavailable", "outage");
          return;
        }
      }
      switch (fault) {
        case THROTTLE -> {
          error(exchange, 400, "ThrottlingException", "Rate exceeded");
          return;
        }
        case SERVICE_UNAVAILABLE_500 -> {
          error(exchange, 500, "ServiceUnavailableException", "The service cannot complete the request.");
          return;
        }
        case INTERNAL_FAILURE_500 -> {
          error(exchange, 500, "InternalFailure", "internal failure");
          return;
        }
        case UNAVAILABLE_503 -> {
          error(exchange, 503, "ServiceUnavailable", "unavailable");
          return;
        }
        default -> { }
      }
      JsonNode request = JSON.readTree(body);
      Answer answer;
      synchronized (this) {
        answer = switch (operation) {
          case "PutLogEvents" -> putLogEvents(request);
          case "CreateLogGroup" -> createLogGroup(request);
          case "CreateLogStream" -> createLogStream(request);
          case "PutRetentionPolicy" -> putRetentionPolicy(request);
          default -> Answer.error(400, "UnknownOperationException", operation);
        };
      }
      if (fault == Fault.RESET_AFTER) {
        return; // Stored, never answered.
      }
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
      if (answer.errorType() != null) {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", answer.errorType());
      }
      exchange.sendResponseHeaders(answer.status(), out.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(out);
      }
    }
  }

  private static String protocolProblem(HttpExchange exchange, String target) {
    if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/")) {
      return "expected POST /, got " + exchange.getRequestMethod() + " " + exchange.getRequestURI();
    }
    if (target == null || !target.startsWith("Logs_20140328.")) {
      return "X-Amz-Target is " + target;
    }
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!"application/x-amz-json-1.1".equals(type)) {
      return "Content-Type is " + type;
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    var m = auth == null ? null : AUTHORIZATION.matcher(auth);
    if (m == null || !m.matches()) {
      return "Authorization is not SigV4: " + auth;
    }
    List<String> signed = List.of(m.group(1).split(";"));
    if (!signed.contains("host") || !signed.contains("x-amz-date") || !signed.contains("x-amz-target")) {
      return "SigV4 does not sign host, x-amz-date and x-amz-target: " + signed;
    }
    if (exchange.getRequestHeaders().getFirst("X-Amz-Date") == null) {
      return "no X-Amz-Date";
    }
    return null;
  }

  private record Answer(int status, String errorType, String body) {
    static Answer ok(String body) {
      return new Answer(200, null, body);
    }

    static Answer error(int status, String type, String message) {
      ObjectNode node = JSON.createObjectNode().put("__type", type).put("message", message);
      return new Answer(status, type, node.toString());
    }
  }

  private Answer createLogGroup(JsonNode request) {
    String group = request.path("logGroupName").asText();
    if (!GROUP.matcher(group).matches()) {
      return invalid("invalid log group name " + group);
    }
    if (groups.containsKey(group)) {
      return Answer.error(400, "ResourceAlreadyExistsException", "The specified log group already exists");
    }
    groups.put(group, new LinkedHashMap<>());
    return Answer.ok("{}");
  }

  private Answer createLogStream(JsonNode request) {
    String group = request.path("logGroupName").asText();
    String stream = request.path("logStreamName").asText();
    if (stream.isEmpty() || stream.length() > 512 || stream.contains(":") || stream.contains("*")) {
      return invalid("invalid log stream name " + stream);
    }
    Map<String, List<Stored>> streams = groups.get(group);
    if (streams == null) {
      return Answer.error(400, "ResourceNotFoundException", "The specified log group does not exist.");
    }
    if (streams.containsKey(stream)) {
      return Answer.error(400, "ResourceAlreadyExistsException", "The specified log stream already exists");
    }
    streams.put(stream, new ArrayList<>());
    return Answer.ok("{}");
  }

  private Answer putRetentionPolicy(JsonNode request) {
    String group = request.path("logGroupName").asText();
    int days = request.path("retentionInDays").asInt();
    if (!RETENTION.contains(days)) {
      return invalid("retentionInDays " + days + " is not allowed");
    }
    if (!groups.containsKey(group)) {
      return Answer.error(400, "ResourceNotFoundException", "The specified log group does not exist.");
    }
    retention.put(group, days);
    return Answer.ok("{}");
  }

  private Answer putLogEvents(JsonNode request) {
    String group = request.path("logGroupName").asText();
    String stream = request.path("logStreamName").asText();
    JsonNode events = request.path("logEvents");
    int count = events.size();
    if (count < 1 || count > PutLogEventsLimits.MAX_EVENTS) {
      return invalid(count + " log events; a request holds 1 to 10000");
    }
    long bytes = 0;
    long previous = Long.MIN_VALUE;
    long[] times = new long[count];
    for (int i = 0; i < count; i++) {
      JsonNode event = events.get(i);
      String message = event.path("message").asText();
      int size = message.getBytes(StandardCharsets.UTF_8).length;
      if (size < 1 || size > PutLogEventsLimits.MAX_MESSAGE_BYTES) {
        return invalid("log event " + i + " has " + size + " bytes");
      }
      bytes += size + PutLogEventsLimits.EVENT_OVERHEAD_BYTES;
      times[i] = event.path("timestamp").asLong();
      if (times[i] < previous) {
        return invalid("Log events in a single PutLogEvents request must be in chronological order.");
      }
      previous = times[i];
    }
    putSizes.add((int) bytes);
    if (bytes > PutLogEventsLimits.MAX_BATCH_BYTES) {
      return invalid("Upload too large: " + bytes + " bytes exceeds limit of 1048576");
    }
    Map<String, List<Stored>> streams = groups.get(group);
    if (streams == null) {
      return Answer.error(400, "ResourceNotFoundException", "The specified log group does not exist.");
    }
    List<Stored> target = streams.get(stream);
    if (target == null) {
      return Answer.error(400, "ResourceNotFoundException", "The specified log stream does not exist.");
    }
    Instant now = clock.get();
    long tooOldBefore = now.minus(PutLogEventsLimits.MAX_AGE).toEpochMilli();
    Integer days = retention.get(group);
    long expiredBefore = days == null ? Long.MIN_VALUE : now.minus(Duration.ofDays(days)).toEpochMilli();
    long tooNewAfter = now.plus(PutLogEventsLimits.MAX_AHEAD).toEpochMilli();
    int expiredEnd = 0;
    int tooOldEnd = 0;
    int tooNewStart = count;
    for (int i = 0; i < count; i++) {
      if (times[i] < expiredBefore) {
        expiredEnd = i + 1;
      }
      if (times[i] < tooOldBefore) {
        tooOldEnd = i + 1;
      }
      if (times[i] > tooNewAfter && tooNewStart == count) {
        tooNewStart = i;
      }
    }
    int first = Math.max(expiredEnd, tooOldEnd);
    if (first < tooNewStart && times[tooNewStart - 1] - times[first] > PutLogEventsLimits.MAX_SPAN.toMillis()) {
      return invalid("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
    }
    for (int i = first; i < tooNewStart; i++) {
      Stored s = new Stored(group, stream, times[i], events.get(i).path("message").asText());
      target.add(s);
      stored.add(s);
    }
    ObjectNode response = JSON.createObjectNode().put("nextSequenceToken", "49" + stored.size());
    if (first > 0 || tooNewStart < count) {
      ObjectNode info = response.putObject("rejectedLogEventsInfo");
      if (tooNewStart < count) {
        info.put("tooNewLogEventStartIndex", tooNewStart);
      }
      if (tooOldEnd > 0) {
        info.put("tooOldLogEventEndIndex", tooOldEnd);
      }
      if (expiredEnd > 0) {
        info.put("expiredLogEventEndIndex", expiredEnd);
      }
    }
    return Answer.ok(response.toString());
  }

  private Answer invalid(String message) {
    violation(message);
    return Answer.error(400, "InvalidParameterException", message);
  }

  private synchronized void violation(String message) {
    violations.add(message);
  }

  private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
    byte[] out = JSON.createObjectNode().put("__type", type).put("message", message).toString()
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
    exchange.sendResponseHeaders(status, out.length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
