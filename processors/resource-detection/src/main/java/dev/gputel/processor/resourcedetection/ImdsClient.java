package dev.gputel.processor.resourcedetection;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads EC2 instance metadata the IMDSv2 way: {@code PUT /latest/api/token} with the
 * {@code X-aws-ec2-metadata-token-ttl-seconds} header, then GETs carrying the token in
 * {@code X-aws-ec2-metadata-token}. The token is kept until 90% of its TTL has passed on the clock,
 * and fetched again at once when IMDS answers 401 (it expired or the instance restarted).
 *
 * <p>Plain IMDSv1 GETs are tried only when {@code v1Fallback} is on and no token could be had.
 */
final class ImdsClient implements AutoCloseable {
  static final String TOKEN_PATH = "/latest/api/token";
  static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
  static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
  /** How long IMDSv1 is used after a failed token request before a token is asked for again. */
  static final Duration V1_RETRY = Duration.ofMinutes(5);

  private final String endpoint;
  private final MetadataHttp http;
  private final Duration tokenTtl;
  private final boolean v1Fallback;
  private final Clock clock;

  // While falling back to IMDSv1, token is null until tokenRenewAt: a token PUT that hangs is
  // not retried before every GET.
  private String token;
  private Instant tokenRenewAt = Instant.MIN;
  private String v1Reason;

  ImdsClient(URI endpoint, Duration timeout, Duration tokenTtl, boolean v1Fallback, Clock clock) {
    this.endpoint = endpoint.toString().replaceAll("/+$", "");
    this.http = new MetadataHttp(timeout);
    this.tokenTtl = tokenTtl;
    this.v1Fallback = v1Fallback;
    this.clock = clock;
  }

  /** Returns the body at {@code path}; a 404 is an error. */
  synchronized String get(String path) throws MetadataException {
    return getIfPresent(path).orElseThrow(() ->
        new MetadataException("GET " + endpoint + path + " answered 404 Not Found"));
  }

  /** Returns the body at {@code path}, or empty when IMDS answers 404 (no such item). */
  synchronized Optional<String> getIfPresent(String path) throws MetadataException {
    String current = token();
    HttpResponse<String> response = sendGet(path, current);
    if (response.statusCode() == 401 && current != null) {
      // The token expired or IMDS restarted: one fresh token, one more try.
      token = null;
      tokenRenewAt = Instant.MIN;
      response = sendGet(path, token());
    }
    return switch (response.statusCode()) {
      case 200 -> Optional.of(response.body());
      case 404 -> Optional.empty();
      case 401 -> throw new MetadataException("GET " + endpoint + path + " answered 401 Unauthorized"
          + (current == null ? ": this instance requires IMDSv2 tokens (HttpTokens=required), and no token could be had"
              : " even with a fresh IMDSv2 token"));
      default -> throw new MetadataException("GET " + endpoint + path + " answered HTTP "
          + response.statusCode() + brief(response.body()));
    };
  }

  private HttpResponse<String> sendGet(String path, String withToken) throws MetadataException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path)).GET();
    if (withToken != null) {
      request.header(TOKEN_HEADER, withToken);
    }
    try {
      return http.send(request);
    } catch (IOException e) {
      throw new MetadataException("GET " + endpoint + path + ": " + MetadataHttp.describe(e, http.timeout()), e);
    }
  }

  /** Returns a valid token, or null when v1 fallback is on and none could be had. */
  private String token() throws MetadataException {
    Instant now = clock.instant();
    if (now.isBefore(tokenRenewAt)) {
      return token;
    }
    try {
      token = requestToken();
      tokenRenewAt = now.plus(tokenTtl.multipliedBy(9).dividedBy(10));
      v1Reason = null;
      return token;
    } catch (MetadataException e) {
      token = null;
      tokenRenewAt = Instant.MIN;
      if (!v1Fallback) {
        throw e;
      }
      tokenRenewAt = now.plus(V1_RETRY);
      v1Reason = e.getMessage();
      return null;
    }
  }

  /** Returns why IMDSv1 is in use (the token request's failure), or empty while tokens work. */
  synchronized Optional<String> v1Reason() {
    return Optional.ofNullable(v1Reason);
  }

  private String requestToken() throws MetadataException {
    String where = "IMDSv2 token request PUT " + endpoint + TOKEN_PATH;
    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(endpoint + TOKEN_PATH))
        .PUT(HttpRequest.BodyPublishers.noBody())
        .header(TTL_HEADER, Long.toString(tokenTtl.toSeconds()));
    HttpResponse<String> response;
    try {
      response = http.send(put);
    } catch (HttpConnectTimeoutException e) {
      throw new MetadataException(where + ": no connection within " + MetadataHttp.seconds(http.timeout())
          + "; not on EC2, or the metadata service is off", e);
    } catch (HttpTimeoutException e) {
      throw new MetadataException(where + " timed out: connected, but no answer within "
          + MetadataHttp.seconds(http.timeout()) + ". In a container this is the instance's metadata hop limit of 1:"
          + " the answer to the PUT is dropped one network hop short of the container. Raise it with"
          + " 'aws ec2 modify-instance-metadata-options --http-put-response-hop-limit 2', or run with host"
          + " networking" + (v1Fallback ? "" : " (or allow IMDSv1 and set ec2.imds-v1-fallback = true)"), e);
    } catch (IOException e) {
      throw new MetadataException(where + ": " + MetadataHttp.describe(e, http.timeout()), e);
    }
    return switch (response.statusCode()) {
      case 200 -> response.body().strip();
      case 403 -> throw new MetadataException(where + " answered 403 Forbidden: the instance metadata service"
          + " is turned off for this instance (HttpEndpoint=disabled)");
      default -> throw new MetadataException(where + " answered HTTP " + response.statusCode() + brief(response.body()));
    };
  }

  private static String brief(String body) {
    String text = body == null ? "" : body.strip();
    return text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
  }

  @Override
  public void close() {
    http.close();
  }
}
