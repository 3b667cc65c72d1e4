package dev.gputel.exporter.cloudwatchlogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class CloudWatchLogsConfigTest {
  private static Config defaults() {
    return ConfigFactory.parseResources("reference.conf").getConfig("gputel.exporters.cloudwatch-logs");
  }

  private static CloudWatchLogsConfig parse(String text) {
    return CloudWatchLogsConfig.from(ConfigFactory.parseString(text).withFallback(defaults()).resolve());
  }

  @Test
  void defaultsAreTheAwsSamplesGroupAndStreamAndADurableSpool() {
    CloudWatchLogsConfig config = parse("");
    assertThat(config.logGroupName()).isEqualTo("/ec2/accelerated/accel-event-log");
    assertThat(config.logStreamName()).isEqualTo("{instance_id}");
    assertThat(config.format()).isEqualTo(CloudWatchLogsConfig.Format.JSON);
    assertThat(config.routeByEvent()).isFalse();
    assertThat(config.sdkMaxAttempts()).isEqualTo(1);
    assertThat(defaults().getBoolean("spool.enabled")).isTrue();
    assertThat(defaults().getDuration("retry.max-elapsed")).isZero();
  }

  @Test
  void emfForwardingIsRawEmfRoutedByEvent() {
    CloudWatchLogsConfig config = parse("format = raw-emf, route-by-event = true, log-group-name = \"emf/logs/default\"");
    assertThat(config.format()).isEqualTo(CloudWatchLogsConfig.Format.RAW_EMF);
    assertThat(config.routeByEvent()).isTrue();
  }

  @Test
  void retentionMustBeOneTheServiceAccepts() {
    assertThat(parse("retention-days = 14").retentionDays()).contains(14);
    assertThatThrownBy(() -> parse("retention-days = 10"))
        .isInstanceOf(ConfigException.BadValue.class).hasMessageContaining("retention-days")
        .hasMessageContaining("10 is not a retention");
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> parse("format = xml")).hasMessageContaining("format").hasMessageContaining("json, raw, raw-emf");
    assertThatThrownBy(() -> parse("log-group-name = \"aws/x\"")).hasMessageContaining("log-group-name");
    assertThatThrownBy(() -> parse("log-group-name = \"bad group\"")).hasMessageContaining("log-group-name");
    assertThatThrownBy(() -> parse("log-stream-name = \"a:b\"")).hasMessageContaining("log-stream-name");
    assertThatThrownBy(() -> parse("log-stream-name = \"{nope}\"")).hasMessageContaining("unknown placeholder {nope}");
    assertThatThrownBy(() -> parse("endpoint = \"not a url\"")).hasMessageContaining("endpoint");
    assertThatThrownBy(() -> parse("sdk-max-attempts = 0")).hasMessageContaining("sdk-max-attempts");
  }

  @Test
  void regionAndEndpointOverrides() {
    CloudWatchLogsConfig config = parse("region = eu-central-1, endpoint = \"https://logs.eu-central-1.amazonaws.com\"");
    assertThat(config.region()).contains("eu-central-1");
    assertThat(config.endpoint()).hasValueSatisfying(uri -> assertThat(uri.getHost()).isEqualTo("logs.eu-central-1.amazonaws.com"));
  }
}
