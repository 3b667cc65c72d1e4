package dev.gputel.exporter.cloudwatchemf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gputel.cloudwatch.DimensionSpec;
import dev.gputel.cloudwatch.UnitMode;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmfConfigTest {
  @Test
  void theDefaultsAreTheCloudWatchAgentsNamespaceDimensionsAndUnitsOnStandardOutput() {
    EmfConfig config = Emf.settings("");

    assertThat(config.identity().namespace()).isEqualTo("CWAgent");
    assertThat(config.identity().dimensions()).extracting(DimensionSpec::name).containsExactly("host", "index", "name", "arch");
    assertThat(config.identity().units()).isEqualTo(UnitMode.CLOUDWATCH_AGENT);
    assertThat(config.output()).isEqualTo(OutputKind.STDOUT);
    assertThat(config.highResolution()).isFalse();
    assertThat(config.maxDocumentBytes()).isEqualTo(1_048_576 - 26);
    assertThat(config.agent().endpoint()).isEqualTo(new AgentEndpoint(AgentEndpoint.Protocol.TCP, "127.0.0.1", 25888));
    assertThat(config.agent().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void rollupSetsAreDeduplicatedAndSorted() {
    EmfConfig config = Emf.settings("append-dimensions { InstanceId = \"${aws:InstanceId}\" },"
        + " aggregation-dimensions = [[name, index], [index, name, name], [InstanceId], []]");

    assertThat(config.identity().rollups()).containsExactly(List.of("index", "name"), List.of("InstanceId"), List.of());
  }

  @Test
  void mistakesAreReportedWithTheKeyAndWhatIsAllowed() {
    assertThatThrownBy(() -> Emf.settings("namespace = \"AWS/EC2\"")).isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("namespace").hasMessageContaining("not start with AWS/");
    assertThatThrownBy(() -> Emf.settings("dimensions = [host, gpu]")).hasMessageContaining("'gpu' is not host or a GPU");
    assertThatThrownBy(() -> Emf.settings("append-dimensions { InstanceId = \"${aws:InstanceId}\" },"
        + " aggregation-dimensions = [[InstanceID]]"))
        .hasMessageContaining("'InstanceID' is not one of the dimensions [host, index, name, arch, InstanceId]");
    assertThatThrownBy(() -> Emf.settings("append-dimensions { Instance = \"${aws:Instance}\" }"))
        .hasMessageContaining("append-dimensions.Instance").hasMessageContaining("${aws:InstanceId}");
    assertThatThrownBy(() -> Emf.settings("units = watts")).hasMessageContaining("'watts' is not one of cloudwatch-agent, proper");
    assertThatThrownBy(() -> Emf.settings("output = file")).hasMessageContaining("output = file needs file.path");
    assertThatThrownBy(() -> Emf.settings("agent.endpoint = \"http://localhost:25888\""))
        .hasMessageContaining("is not tcp://host:port or udp://host:port");
    assertThatThrownBy(() -> Emf.settings("max-document-size = 2MiB")).hasMessageContaining("not between 1KiB and 1MiB");
  }

  @Test
  void moreThanThirtyDimensionsAreRejected() {
    StringBuilder body = new StringBuilder("append-dimensions {");
    for (int i = 0; i < 27; i++) {
      body.append(" d").append(i).append(" = v,");
    }
    body.append(" }");

    assertThatThrownBy(() -> Emf.settings(body.toString())).hasMessageContaining("31 dimensions");
  }

  @Test
  void endpointsNameTheirProtocolAndDefaultToTheAgentsPort() {
    assertThat(AgentEndpoint.parse("udp://localhost")).isEqualTo(new AgentEndpoint(AgentEndpoint.Protocol.UDP, "localhost", 25888));
    assertThat(AgentEndpoint.parse("tcp://10.0.0.1:9999").toString()).isEqualTo("tcp://10.0.0.1:9999");
  }
}
