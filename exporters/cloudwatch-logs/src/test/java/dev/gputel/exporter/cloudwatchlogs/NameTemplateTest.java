package dev.gputel.exporter.cloudwatchlogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOriginFactory;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Resource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NameTemplateTest {
  private static final Instant NOW = Instant.parse("2026-03-02T23:59:59Z");
  private static final NameTemplate.Fallbacks LOCAL =
      new NameTemplate.Fallbacks(() -> "local-box", () -> "10.0.0.9", () -> "eu-west-1");

  @Test
  void placeholdersComeFromTheBatchResource() {
    var stream = NameTemplate.stream("{instance_id}/{hostname}/{aws_region}/{account_id}/{date}", LOCAL);
    assertThat(stream.resolve(XidEvents.HOST, NOW))
        .isEqualTo("i-0abc1234def567890/gpu-node-7/us-east-1/123456789012/2026-03-02");
  }

  @Test
  void missingAttributesFallBackToThisMachine() {
    var stream = NameTemplate.stream("{instance_id} {hostname} {local_hostname} {ip_address} {aws_region} {account_id}", LOCAL);
    assertThat(stream.resolve(Resource.empty(), NOW)).isEqualTo("local-box local-box local-box 10.0.0.9 eu-west-1 unknown");
  }

  @Test
  void resolvedAtEveryCallSoItFollowsTheResource() {
    var stream = NameTemplate.stream("{instance_id}", LOCAL);
    assertThat(stream.resolve(Resource.empty(), NOW)).isEqualTo("local-box");
    assertThat(stream.resolve(Resource.empty().merge(Attributes.of("host.id", "i-1")), NOW)).isEqualTo("i-1");
  }

  @Test
  void charactersTheServiceRefusesAreReplaced() {
    var resource = Resource.empty().merge(Attributes.of("host.name", "a:b*c d"));
    assertThat(NameTemplate.stream("{hostname}", LOCAL).resolve(resource, NOW)).isEqualTo("a_b_c d");
    assertThat(NameTemplate.group("/gpu/{hostname}", LOCAL).resolve(resource, NOW)).isEqualTo("/gpu/a_b_c_d");
  }

  @Test
  void anUnknownPlaceholderIsAConfigurationError() {
    assertThatThrownBy(() -> NameTemplate.check("{instance}", ConfigOriginFactory.newSimple("test.conf"), "log-stream-name"))
        .isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("unknown placeholder {instance}")
        .hasMessageContaining("{instance_id}");
  }
}
