package dev.gputel.receiver.nvidiasmi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryPlanTest {
  @Test
  void asksForIdentityAndCountFirstThenOnlyTheWantedMetrics() {
    QueryPlan plan = QueryPlan.gpuQuery(Set.of("utilization_gpu", "power_draw", "total_energy_consumption")::contains);

    assertThat(plan.fields()).containsExactly("index", "count", "uuid", "name", "pci.bus_id", "serial",
        "vbios_version", "driver_version", "mig.mode.current", "utilization.gpu", "power.draw");
  }

  @Test
  void remappedRowsAreLeftToTheirOwnQuery() {
    QueryPlan gpu = QueryPlan.gpuQuery(name -> true);
    QueryPlan remapped = QueryPlan.remappedRowsQuery(name -> true);

    assertThat(gpu.fields()).noneMatch(field -> field.startsWith("remapped_rows"));
    assertThat(remapped.fields()).containsExactly("gpu_bus_id", "remapped_rows.correctable",
        "remapped_rows.uncorrectable", "remapped_rows.pending", "remapped_rows.failure");
  }

  @Test
  void aQueryWithNoWantedMetricSaysSo() {
    assertThat(QueryPlan.remappedRowsQuery(name -> !name.startsWith("remapped_rows")).hasMetrics()).isFalse();
    assertThat(QueryPlan.gpuQuery(name -> false).hasMetrics()).isFalse();
    assertThat(QueryPlan.gpuQuery("memory_used"::equals).hasMetrics()).isTrue();
  }

  @Test
  void dropsFieldsTheDriverDoesNotKnowAndOnlyThose() {
    QueryPlan plan = QueryPlan.gpuQuery(Set.of("utilization_gpu", "power_draw_instant")::contains);

    assertThat(plan.drop(Set.of("power.draw.instant", "device_minor"))).containsExactly("power.draw.instant");
    assertThat(plan.fields()).contains("utilization.gpu").doesNotContain("power.draw.instant");
    assertThat(plan.drop(Set.of("device_minor"))).isEmpty();
    assertThat(plan.drop(List.of("mig.mode.current"))).containsExactly("mig.mode.current");
  }
}
