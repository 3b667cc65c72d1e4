package dev.gputel.processor.workloadprofile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkloadProfileConfigTest {

  @Test
  void theDefaultIsTheComputeProfile() {
    WorkloadProfileConfig config = config("");

    assertThat(config.profile()).isEqualTo(Profile.COMPUTE);
    assertThat(config.kept()).containsExactlyInAnyOrder("utilization_gpu", "power_draw", "utilization_memory",
        "memory_total", "memory_used", "memory_free", "pcie_link_gen_current", "pcie_link_width_current",
        "clocks_current_sm", "clocks_current_memory");
  }

  @Test
  void graphicsKeepsEncoderStatsAndGraphicsClocksButNotPower() {
    assertThat(config("profile = graphics").kept())
        .contains("encoder_stats_average_fps", "clocks_current_graphics", "clocks_current_video")
        .doesNotContain("power_draw", "clocks_current_sm");
  }

  @Test
  void fullKeepsTheWholeCatalog() {
    assertThat(config("profile = full").kept()).isEqualTo(GpuCatalog.ids())
        .hasSize(dev.gputel.gpu.GpuMetric.values().length)
        .contains("ecc_errors_uncorrected_volatile_total", "total_energy_consumption");
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void everyProfileNamesOnlyCatalogIds(Profile profile) {
    assertThat(GpuCatalog.ids()).containsAll(profile.ids());
  }

  @Test
  void includeAddsToTheProfileAndExcludeTakesOut() {
    Set<String> expected = new HashSet<>(Profile.COMPUTE.ids());
    expected.add("temperature_gpu");
    expected.remove("power_draw");

    assertThat(config("include-metrics = [temperature_gpu], exclude-metrics = [power_draw]").kept()).isEqualTo(expected);
  }

  @Test
  void customStartsEmpty() {
    assertThat(config("profile = custom, include-metrics = [temperature_gpu, fan_speed]").kept())
        .containsExactlyInAnyOrder("temperature_gpu", "fan_speed");
  }

  @Test
  void idsMayCarryTheCloudWatchAgentPrefix() {
    assertThat(config("profile = custom, include-metrics = [nvidia_smi_temperature_gpu, NVIDIA_SMI_Power_Draw]").kept())
        .containsExactlyInAnyOrder("temperature_gpu", "power_draw");
  }

  @Test
  void anUnknownIdIsAnErrorAtItsLineWithASuggestion() {
    ConfigException.BadValue error = error("""
        profile = compute
        include-metrics = [
          temperature_gpu
          temprature_gpu
        ]
        """);

    assertThat(error.origin().lineNumber()).isEqualTo(4);
    assertThat(error.getMessage()).contains("'include-metrics'")
        .contains("'temprature_gpu' is not a GPU metric id (did you mean 'temperature_gpu'?)");
  }

  @Test
  void everyUnknownIdOfAListIsReportedAtOnce() {
    assertThat(error("exclude-metrics = [nvidia_smi_powr_draw, no_such_metric, 42]").getMessage())
        .contains("'exclude-metrics'")
        .contains("'nvidia_smi_powr_draw' is not a GPU metric id (did you mean 'power_draw'?)")
        .contains("'no_such_metric' is not a GPU metric id;")
        .contains("42 is not a metric id");
  }

  @Test
  void anUnknownProfileIsAnErrorWithASuggestion() {
    assertThat(error("profile = compte").getMessage())
        .contains("'profile'").contains("not one of compute, graphics, full, custom (did you mean 'compute'?)");
  }

  @Test
  void anIdInBothListsIsAnError() {
    assertThat(error("include-metrics = [fan_speed], exclude-metrics = [nvidia_smi_fan_speed]").getMessage())
        .contains("'exclude-metrics'").contains("also in include-metrics").contains("fan_speed");
  }

  @Test
  void aProfileThatKeepsNothingIsAnError() {
    assertThat(error("profile = custom").getMessage())
        .contains("'include-metrics'").contains("profile custom would keep no GPU metric");
  }

  private static WorkloadProfileConfig config(String body) {
    return WorkloadProfileConfig.from(ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.processors.workload-profile"))
        .resolve());
  }

  private static ConfigException.BadValue error(String body) {
    return catchThrowableOfType(ConfigException.BadValue.class, () -> config(body));
  }
}
