package dev.gputel.spi.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttributesTest {
  @Test
  void integersBecomeLongsAndFloatsDoubles() {
    Attributes attributes = Attributes.builder().put("i", 3).put("f", 1.5f).put("s", (short) 2).build();

    assertThat(attributes.get("i")).isEqualTo(3L);
    assertThat(attributes.get("f")).isEqualTo(1.5d);
    assertThat(attributes.get("s")).isEqualTo(2L);
  }

  @Test
  void keepsInsertionOrderAndLaterPutsReplace() {
    Attributes attributes = Attributes.builder().put("b", "1").put("a", "2").put("b", "3").build();

    assertThat(attributes.asMap().keySet()).containsExactly("b", "a");
    assertThat(attributes.getString("b")).isEqualTo("3");
  }

  @Test
  void withAllLetTheOtherSideWinAndSharesWhenOneSideIsEmpty() {
    Attributes host = Attributes.of("host.name", "a", "cloud.region", "us-east-1");
    Attributes more = Attributes.of("host.name", "b");

    assertThat(host.withAll(more).asMap()).containsEntry("host.name", "b").containsEntry("cloud.region", "us-east-1");
    assertThat(host.withAll(Attributes.empty())).isSameAs(host);
    assertThat(Attributes.empty().withAll(host)).isSameAs(host);
  }

  @Test
  void nullRemovesAndUnsupportedTypesAreRejected() {
    assertThat(Attributes.of("a", "1").toBuilder().put("a", null).build().isEmpty()).isTrue();
    assertThatThrownBy(() -> Attributes.of("list", java.util.List.of()))
        .hasMessageContaining("attribute 'list' has unsupported type");
  }

  @Test
  void isImmutable() {
    Attributes attributes = Attributes.of("a", "1");
    assertThatThrownBy(() -> attributes.asMap().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void batchesCopyTheirListsAndCountItems() {
    java.util.List<MetricPoint> points = new java.util.ArrayList<>();
    points.add(MetricPoint.gauge("x", 1, "1", java.time.Instant.EPOCH, Attributes.empty()));
    MetricBatch batch = new MetricBatch(Resource.empty(), points);
    points.clear();

    assertThat(batch.size()).isEqualTo(1);
    assertThat(batch.signal()).isEqualTo(Signal.METRICS);
  }
}
