package dev.gputel.processor.resourcedetection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gputel.testing.ManualClock;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImdsClientTest {
  // Generous for answers (a cold JVM on a busy machine is slow to its first request); short only
  // where a test waits the whole timeout out.
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SHORT = Duration.ofMillis(400);
  private static final Duration TTL = Duration.ofHours(6);

  private final ManualClock clock = ManualClock.atFixedStart();
  private FakeImds imds;
  private ImdsClient client;

  @BeforeEach
  void start() throws Exception {
    imds = new FakeImds(clock);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    imds.close();
  }

  private ImdsClient client(boolean v1Fallback) {
    return client(v1Fallback, TIMEOUT);
  }

  private ImdsClient client(boolean v1Fallback, Duration timeout) {
    client = new ImdsClient(imds.endpoint(), timeout, TTL, v1Fallback, clock);
    return client;
  }

  @Test
  void asksForATokenThenSendsItWithEveryGet() throws Exception {
    String document = client(false).get(Ec2Metadata.IDENTITY_PATH);

    assertThat(document).contains("\"instanceId\" : \"i-0f1e2d3c4b5a69788\"");
    assertThat(imds.requests()).containsExactly(
        "PUT /latest/api/token no-token", "GET /latest/dynamic/instance-identity/document token");
  }

  @Test
  void theFakeRefusesAGetWithoutATokenAndATokenRequestWithoutTtl() throws Exception {
    try (HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpResponse<String> get = raw.send(HttpRequest.newBuilder(
          URI.create(imds.endpoint() + Ec2Metadata.IDENTITY_PATH)).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> put = raw.send(HttpRequest.newBuilder(URI.create(imds.endpoint() + ImdsClient.TOKEN_PATH))
          .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> tooLong = raw.send(HttpRequest.newBuilder(URI.create(imds.endpoint() + ImdsClient.TOKEN_PATH))
          .header(ImdsClient.TTL_HEADER, "21601").PUT(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(get.statusCode()).isEqualTo(401);
      assertThat(put.statusCode()).isEqualTo(400);
      assertThat(tooLong.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void keepsTheTokenUntilNinetyPercentOfItsTtl() throws Exception {
    ImdsClient client = client(false);
    client.get(Ec2Metadata.IDENTITY_PATH);
    clock.advance(TTL.multipliedBy(8).dividedBy(10));
    client.get(Ec2Metadata.IDENTITY_PATH);
    assertThat(imds.tokenRequests()).isEqualTo(1);

    clock.advance(TTL.dividedBy(10));
    client.get(Ec2Metadata.IDENTITY_PATH);

    assertThat(imds.tokenRequests()).isEqualTo(2);
  }

  @Test
  void aTokenTheServiceNoLongerKnowsIsRenewedOnce() throws Exception {
    ImdsClient client = client(false);
    client.get(Ec2Metadata.IDENTITY_PATH);
    imds.forgetTokens();

    assertThat(client.get(Ec2Metadata.IDENTITY_PATH)).contains("i-0f1e2d3c4b5a69788");

    assertThat(imds.tokenRequests()).isEqualTo(2);
    assertThat(imds.requests()).endsWith("GET /latest/dynamic/instance-identity/document token",
        "PUT /latest/api/token no-token", "GET /latest/dynamic/instance-identity/document token");
  }

  @Test
  void aTokenRequestThatIsNeverAnsweredIsExplainedAsTheHopLimit() {
    imds.hangTokenRequests();
    long started = System.nanoTime();

    assertThatThrownBy(() -> client(false, SHORT).get(Ec2Metadata.IDENTITY_PATH))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("IMDSv2 token request PUT " + imds.endpoint() + "/latest/api/token timed out")
        .hasMessageContaining("connected, but no answer within 400ms")
        .hasMessageContaining("hop limit of 1")
        .hasMessageContaining("--http-put-response-hop-limit 2")
        .hasMessageContaining("ec2.imds-v1-fallback = true");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(imds.requests()).containsExactly("PUT /latest/api/token no-token");
  }

  @Test
  void withFallbackOnAHangingTokenRequestLeadsToIMDSv1WithoutAskingAgainAtEveryGet() throws Exception {
    imds.hangTokenRequests().allowV1();
    ImdsClient client = client(true, SHORT);

    assertThat(client.get(Ec2Metadata.IDENTITY_PATH)).contains("i-0f1e2d3c4b5a69788");
    assertThat(client.get(Ec2Detector.HOSTNAME_PATH)).startsWith("ip-172-31-40-17");

    assertThat(imds.tokenRequests()).isEqualTo(1);
    assertThat(client.v1Reason()).hasValueSatisfying(reason -> assertThat(reason).contains("hop limit"));
    assertThat(imds.requests()).endsWith("GET /latest/meta-data/hostname no-token");

    clock.advance(ImdsClient.V1_RETRY);
    client.get(Ec2Detector.HOSTNAME_PATH);
    assertThat(imds.tokenRequests()).isEqualTo(2);
  }

  @Test
  void fallbackDoesNotHelpWhereTokensAreRequired() {
    imds.hangTokenRequests();

    assertThatThrownBy(() -> client(true, SHORT).get(Ec2Metadata.IDENTITY_PATH))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("401 Unauthorized")
        .hasMessageContaining("requires IMDSv2 tokens (HttpTokens=required)");
  }

  @Test
  void aServerErrorIsReportedAndTheNextRequestWorks() throws Exception {
    ImdsClient client = client(false);
    client.get(Ec2Metadata.IDENTITY_PATH);
    imds.failNext(1, 500);

    assertThatThrownBy(() -> client.get(Ec2Metadata.IDENTITY_PATH))
        .hasMessage("GET " + imds.endpoint() + "/latest/dynamic/instance-identity/document answered HTTP 500:"
            + " Internal Server Error");
    assertThat(client.get(Ec2Metadata.IDENTITY_PATH)).contains("i-0f1e2d3c4b5a69788");
  }

  @Test
  void aMissingItemIsEmptyNotAnError() throws Exception {
    assertThat(client(false).getIfPresent("/latest/meta-data/tags/instance")).isEmpty();
    assertThatThrownBy(() -> client.get("/latest/meta-data/nothing"))
        .hasMessageEndingWith("/latest/meta-data/nothing answered 404 Not Found");
  }

  @Test
  void aServiceTurnedOffSaysSo() {
    imds.disable();

    assertThatThrownBy(() -> client(false).get(Ec2Metadata.IDENTITY_PATH))
        .hasMessageContaining("answered 403 Forbidden: the instance metadata service is turned off");
  }

  @Test
  void nothingListeningIsARefusedConnection() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    client = new ImdsClient(URI.create("http://127.0.0.1:" + port), TIMEOUT, TTL, false, clock);

    assertThatThrownBy(() -> client.get(Ec2Metadata.IDENTITY_PATH))
        .isInstanceOf(MetadataException.class)
        .hasMessage("IMDSv2 token request PUT http://127.0.0.1:" + port
            + "/latest/api/token: connection refused or unreachable");
  }
}
