package dev.gputel.processor.resourcedetection;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EC2 Query API's DescribeTags on loopback, answering as the EC2 API Reference documents: a
 * {@code DescribeTagsResponse} with a {@code tagSet} of items, or {@code Response/Errors/Error}
 * with a code. It refuses (401 AuthFailure) a request without a well-formed SigV4 {@code
 * Authorization} header for service ec2 in the expected region, with {@code X-Amz-Date} on the
 * credential's day and {@code X-Amz-Security-Token} when the key is temporary; and refuses (400)
 * any action, version or filter set other than what DescribeTags by instance id and key sends.
 */
final class FakeEc2Api implements AutoCloseable {
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=(\\w+)/(\\d{8})/([a-z0-9-]+)/ec2/aws4_request, "
          + "SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}");

  private final HttpServer server;
  private final String region;
  private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean unauthorized;

  FakeEc2Api(String region) throws IOException {
    this.region = region;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  FakeEc2Api tag(String instanceId, String key, String value) {
    tags.computeIfAbsent(instanceId, id -> new ConcurrentHashMap<>()).put(key, value);
    return this;
  }

  /** Answers as for a role without ec2:DescribeTags. */
  FakeEc2Api unauthorized() {
    unauthorized = true;
    return this;
  }

  /** The Authorization headers of the requests that passed the signature check. */
  List<String> authorizations() {
    synchronized (authorizations) {
      return List.copyOf(authorizations);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      String date = exchange.getRequestHeaders().getFirst("X-Amz-Date");
      Matcher signed = authorization == null ? null : AUTHORIZATION.matcher(authorization);
      if (signed == null || !signed.matches() || date == null || !date.startsWith(signed.group(2))
          || !signed.group(3).equals(region) || !signed.group(4).contains("host")
          || !signed.group(4).contains("x-amz-date")
          || signed.group(1).startsWith("ASIA") && exchange.getRequestHeaders().getFirst("X-Amz-Security-Token") == null) {
        error(exchange, 401, "AuthFailure", "AWS was not able to validate the provided access credentials");
        return;
      }
      authorizations.add(authorization);
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (!"DescribeTags".equals(query.get("Action")) || !DescribeTagsClient.API_VERSION.equals(query.get("Version"))
          || !"resource-id".equals(query.get("Filter.1.Name")) || !"key".equals(query.get("Filter.2.Name"))) {
        error(exchange, 400, "InvalidParameterValue", "unexpected request " + query);
        return;
      }
      if (unauthorized) {
        error(exchange, 403, "UnauthorizedOperation", "You are not authorized to perform this operation.");
        return;
      }
      String instance = query.get("Filter.1.Value.1");
      String key = query.get("Filter.2.Value.1");
      String value = tags.getOrDefault(instance, Map.of()).get(key);
      String items = value == null ? "" : """
                <item>
                    <resourceId>%s</resourceId>
                    <resourceType>instance</resourceType>
                    <key>%s</key>
                    <value>%s</value>
                </item>
          """.formatted(instance, key, value);
      respond(exchange, 200, """
          <?xml version="1.0" encoding="UTF-8"?>
          <DescribeTagsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
              <requestId>5d8a6c4e-9b2f-4e1a-8c7d-3f0e1b2a4c6d</requestId>
              <tagSet>
          %s    </tagSet>
          </DescribeTagsResponse>
          """.formatted(items));
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
    respond(exchange, status, """
        <?xml version="1.0" encoding="UTF-8"?>
        <Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors>\
        <RequestID>0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d</RequestID></Response>
        """.formatted(code, message));
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/xml;charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
