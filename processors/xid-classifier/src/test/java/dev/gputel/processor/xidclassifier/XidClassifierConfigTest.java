package dev.gputel.processor.xidclassifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.data.Severity;
import dev.gputel.xid.PciBusId;
import dev.gputel.xid.SeverityPreset;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class XidClassifierConfigTest {

  private static XidClassifierConfig read(String text) {
    return XidClassifierConfig.from(ConfigFactory.parseString(text)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.processors.xid-classifier"))
        .resolve());
  }

  @Test
  void defaultsAreTheCatalogPolicyAThreeMinuteGapAndNoGpus() {
    XidClassifierConfig config = read("");

    assertThat(config.severityPolicy().preset()).isEqualTo(SeverityPreset.CATALOG);
    assertThat(config.severityPolicy().overrides()).isEmpty();
    assertThat(config.burstSilenceGap()).isEqualTo(Duration.ofMinutes(3));
    assertThat(config.fallenOffBusWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.nvmlDuplicateWindow()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.gpus()).isEmpty();
  }

  @Test
  void readsPolicyOverridesAndGpus() {
    XidClassifierConfig config = read("""
        severity-policy = azure-nhc
        severity-overrides { 63 = Error, 13 = info }
        gpus = [{ pci-bus-id = "0000:3b:00", index = 0, uuid = "GPU-1", name = "NVIDIA H100 80GB HBM3" }, { pci-bus-id = "00000000:86:00.0" }]
        """);

    assertThat(config.severityPolicy().preset()).isEqualTo(SeverityPreset.AZURE_NHC);
    assertThat(config.severityPolicy().overrides()).containsEntry(63, Severity.ERROR).containsEntry(13, Severity.INFO);
    assertThat(config.gpus()).hasSize(2);
    assertThat(config.gpus().getFirst().busId()).isEqualTo(PciBusId.parse("00000000:3B:00.0"));
    assertThat(config.gpus().getFirst().index()).isZero();
    assertThat(config.gpus().get(1).name()).isNull();
  }

  @Test
  void badValuesAreRejectedWithWhatAndWhere() {
    assertThatThrownBy(() -> read("severity-policy = gke")).isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("severity-policy").hasMessageContaining("'gke' is not a severity policy");
    assertThatThrownBy(() -> read("severity-overrides { sixty = info }")).hasMessageContaining("'sixty' is not an Xid number");
    assertThatThrownBy(() -> read("severity-overrides { 63 = loud }")).hasMessageContaining("'loud' is not a severity");
    assertThatThrownBy(() -> read("burst-silence-gap = 0s")).hasMessageContaining("burst-silence-gap").hasMessageContaining("positive");
    assertThatThrownBy(() -> read("nvml-duplicate-window = -1s")).hasMessageContaining("nvml-duplicate-window")
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> read("gpus = [{ pci-bus-id = \"3b\" }]")).hasMessageContaining("'3b' is not a PCI address");
    assertThatThrownBy(() -> read("gpus = [{ index = 1 }]")).hasMessageContaining("needs its pci-bus-id");
    assertThatThrownBy(() -> read("gpus = [{ pci-bus-id = \"0000:3b:00\", uuid_ = \"x\" }]"))
        .hasMessageContaining("unknown key 'uuid_'");
    assertThatThrownBy(() -> read("gpus = [\"0000:3b:00\"]")).hasMessageContaining("each GPU is an object");
    assertThatThrownBy(() -> read("gpus = [{ pci-bus-id = \"0000:3b:00\", index = -1 }]")).hasMessageContaining("negative");
  }
}
