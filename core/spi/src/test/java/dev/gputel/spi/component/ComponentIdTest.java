package dev.gputel.spi.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComponentIdTest {
  @Test
  void parsesTypeAndOptionalName() {
    assertThat(ComponentId.parse(ComponentKind.RECEIVER, "nvidia-smi/fast"))
        .isEqualTo(new ComponentId(ComponentKind.RECEIVER, "nvidia-smi", "fast"));
    assertThat(ComponentId.parse(ComponentKind.EXPORTER, "debug").toString()).isEqualTo("debug");
    assertThat(ComponentId.parse(ComponentKind.EXPORTER, "debug/a.b_c-1").toString()).isEqualTo("debug/a.b_c-1");
  }

  @Test
  void rejectsTypesThatAreNotKebabCaseAndNamesWithOddCharacters() {
    assertThatThrownBy(() -> ComponentId.parse(ComponentKind.RECEIVER, "NvidiaSmi"))
        .hasMessage("'NvidiaSmi' is not a valid component type: use kebab-case, as in nvidia-smi");
    assertThatThrownBy(() -> ComponentId.parse(ComponentKind.RECEIVER, "nvml/a b"))
        .hasMessageContaining("is not a valid instance name");
  }

  @Test
  void kindsNameTheirSections() {
    assertThat(ComponentKind.PROCESSOR.section()).isEqualTo("processors");
    assertThat(Stability.BETA.id()).isEqualTo("beta");
    assertThat(SpiVersion.get()).isEqualTo("0.1.0");
  }
}
