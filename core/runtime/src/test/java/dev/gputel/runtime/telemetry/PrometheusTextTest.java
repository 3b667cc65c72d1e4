package dev.gputel.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void writesHelpTypeAndEscapedLabels() {
    TelemetryRegistry registry = new TelemetryRegistry();
    registry.counter("gputel_test_items_total", "Items with a \\ backslash\nand newline",
        Map.of("exporter", "a\"b\\c\nd")).add(3);
    registry.gauge("gputel_test_ratio", "A ratio", Map.of(), () -> 0.25);

    assertThat(PrometheusText.format(registry.snapshot())).isEqualTo("""
        # HELP gputel_test_items_total Items with a \\\\ backslash\\nand newline
        # TYPE gputel_test_items_total counter
        gputel_test_items_total{exporter="a\\"b\\\\c\\nd"} 3
        # HELP gputel_test_ratio A ratio
        # TYPE gputel_test_ratio gauge
        gputel_test_ratio 0.25
        """);
  }

  @Test
  void countersMustEndInTotalAndTypesCannotChange() {
    TelemetryRegistry registry = new TelemetryRegistry();
    assertThatThrownBy(() -> registry.counter("gputel_items", "x", Map.of()))
        .hasMessageContaining("must end in _total");
    registry.gauge("gputel_thing_total", "x", Map.of(), () -> 1);
    assertThatThrownBy(() -> registry.counter("gputel_thing_total", "x", Map.of()))
        .hasMessageContaining("already registered as a GAUGE");
  }

}
