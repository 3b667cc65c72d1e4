package dev.gputel.receiver.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvValuesTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "N/A", "[N/A]", "[Not Supported]", "[Unknown Error]",
      "[Insufficient Permissions]", "[Requested functionality has been deprecated]", "[GPU requires reset]"})
  void absentTokensAreNoValueNotZero(String cell) {
    assertThat(CsvValues.isAbsent(cell)).isTrue();
    assertThat(CsvValues.number(cell)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "85.12 W|85.12", "0 %|0", "143771 MiB|143771", "41|41", "0 us|0", "-3|-3",
      "0x00000000000001FF|511", "0x233010DE|590352606", "Enabled|1", "Disabled|0", "Active|1",
      "Not Active|0", "Yes|1", "No|0", "P0|0", "P8|8"})
  void quantitiesAreRead(String cell, double expected) {
    assertThat(CsvValues.number(cell)).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Default", "NVIDIA H100 80GB HBM3", "2026/07/14 08:12:53.353", "96.00.A5.00.01", "None"})
  void textIsNotAQuantity(String cell) {
    assertThat(CsvValues.number(cell)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "utilization.gpu, utilization_gpu",
      "encoder.stats.sessionCount, encoder_stats_session_count",
      "encoder.stats.averageFps, encoder_stats_average_fps",
      "clocks.current.graphics, clocks_current_graphics",
      "clocks_event_reasons.hw_slowdown, clocks_event_reasons_hw_slowdown"})
  void fieldsAreNamedAsTheCloudWatchAgentNamesThem(String field, String metric) {
    assertThat(CsvValues.metricName(field)).isEqualTo(metric);
  }

  @ParameterizedTest
  @CsvSource({"memory.used, MiB, MiBy", "utilization.gpu, %, %", "power.draw, W, W",
      "clocks.current.sm, MHz, MHz", "temperature.gpu, '', Cel", "pcie.link.width.current, '', 1"})
  void unitsBecomeUcum(String field, String headerUnit, String ucum) {
    assertThat(CsvValues.unit(field, headerUnit)).isEqualTo(ucum);
  }
}
