package dev.gputel.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared reading of the CloudWatch agent's settings; the cloudwatch-emf and cloudwatch
 * exporters test what they publish with it.
 */
class MetricIdentityTest {
  private static final String DEFAULTS = "namespace = CWAgent, dimensions = [host, index, name, arch],"
      + " append-dimensions {}, aggregation-dimensions = [], drop-original-metrics = [], units = cloudwatch-agent,"
      + " metric-overrides {}";

  private static MetricIdentity read(String body) {
    return MetricIdentity.from(ConfigFactory.parseString(body).withFallback(ConfigFactory.parseString(DEFAULTS)));
  }

  @Test
  void rollupsAreSortedAndDeduplicatedLikeTheAgentsGetUniqueRollupList() {
    MetricIdentity identity = read("append-dimensions { InstanceId = \"${aws:InstanceId}\" },"
        + " aggregation-dimensions = [[name, InstanceId], [InstanceId, name], [], []]");

    assertThat(identity.rollups()).containsExactly(List.of("InstanceId", "name"), List.of());
    assertThat(identity.dimensionNames()).containsExactly("host", "index", "name", "arch", "InstanceId");
  }

  @Test
  void rollupsApplyOnlyToLargerSetsThatHoldAllTheirKeys() {
    Rollups rollups = new Rollups(List.of("host", "index", "name", "arch"),
        List.of(List.of("host", "index", "name"), List.of("arch"), List.of()));

    Rollups.Sets withArch = rollups.forPattern(0b1111);
    assertThat(withArch.own()).containsExactly(0, 1, 2, 3);
    assertThat(withArch.rollups()).extracting(r -> r.length).containsExactly(3, 1, 0);
    // Without arch the datum has 3 keys: the 3-key rollup is not smaller, the [arch] one lacks its key.
    Rollups.Sets withoutArch = rollups.forPattern(0b0111);
    assertThat(withoutArch.rollups()).extracting(r -> r.length).containsExactly(0);
  }

  @Test
  void dropOriginalAcceptsCatalogIdsWithOrWithoutThePrefix() {
    MetricIdentity identity = read("drop-original-metrics = [utilization_gpu, nvidia_smi_power_draw]");

    assertThat(identity.dropsOriginal("nvidia_smi_utilization_gpu")).isTrue();
    assertThat(identity.dropsOriginal("nvidia_smi_power_draw")).isTrue();
    assertThat(identity.dropsOriginal("nvidia_smi_memory_used")).isFalse();
    assertThat(read("drop-original-metrics = [\"*\"]").dropsOriginal("anything")).isTrue();
  }

  @Test
  void overridesRenameAndSetTheUnitLikeTheAgentsMeasurementObjects() {
    MetricIdentity identity = read("metric-overrides { nvidia_smi_memory_used { rename = GPUMemoryUsed, unit = Megabytes },"
        + " temperature_gpu { unit = None } }, drop-original-metrics = [memory_used]");
    PublishedMetric.Cache names = identity.publishedNames();

    assertThat(names.of("memory_used", "MiBy")).isEqualTo(new PublishedMetric("GPUMemoryUsed", "Megabytes"));
    assertThat(names.of("temperature_gpu", "Cel")).isEqualTo(new PublishedMetric("nvidia_smi_temperature_gpu", "None"));
    assertThat(names.of("utilization_gpu", "%")).isEqualTo(new PublishedMetric("nvidia_smi_utilization_gpu", "None"));
    // drop_original_metrics names a metric by its id; the renamed metric is the one dropped.
    assertThat(identity.dropsOriginal("GPUMemoryUsed")).isTrue();
    assertThatThrownBy(() -> read("metric-overrides { memory_used { unit = MiB } }"))
        .hasMessageContaining("metric-overrides.memory_used.unit").hasMessageContaining("'MiB' is not a CloudWatch unit");
    assertThatThrownBy(() -> read("metric-overrides { memory_used { name = x } }"))
        .hasMessageContaining("metric-overrides.memory_used.name").hasMessageContaining("rename and unit");
  }

  @Test
  void badSettingsNameTheKey() {
    assertThatThrownBy(() -> read("namespace = \"AWS/EC2\"")).isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("namespace");
    assertThatThrownBy(() -> read("aggregation-dimensions = [[InstanceId]]"))
        .hasMessageContaining("'InstanceId' is not one of the dimensions");
    assertThatThrownBy(() -> read("units = metric")).hasMessageContaining("cloudwatch-agent, proper");
  }

  @Test
  void unitsMapToCloudWatchsOwn() {
    assertThat(CloudWatchUnits.unit(UnitMode.PROPER, null, "MiBy")).isEqualTo("Megabytes");
    assertThat(CloudWatchUnits.unit(UnitMode.PROPER, null, "{error}")).isEqualTo("Count");
    assertThat(CloudWatchUnits.unit(UnitMode.PROPER, null, "W")).isEqualTo("None");
    assertThat(CloudWatchUnits.unit(UnitMode.CLOUDWATCH_AGENT, null, "%")).isEqualTo("None");
    assertThat(CloudWatchUnits.VALID).hasSize(27);
  }
}
