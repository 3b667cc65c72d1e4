package dev.gputel.receiver.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.gpu.GpuRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCaptureTest {
  @Test
  void readsTheHeaderUnitsAndOneSampleOfTheRealH100Capture() {
    CsvCapture capture = Captures.parse(Captures.H100_LOAD);

    assertThat(capture.problems()).isEmpty();
    assertThat(capture.columns().size()).isEqualTo(212);
    assertThat(capture.samples()).singleElement().satisfies(sample -> assertThat(sample).singleElement()
        .satisfies(row -> {
          assertThat(cell(row, "name")).isEqualTo("NVIDIA H100 80GB HBM3");
          assertThat(cell(row, "utilization.gpu")).isEqualTo("100 %");
          assertThat(cell(row, "memory.used")).isEqualTo("19818 MiB");
          assertThat(cell(row, "platform.chassis_serial_number")).isEmpty();
        }));
  }

  @Test
  void aLoopStreamSplitsIntoSamplesAtEachNewTimestampAndSkipsStrayLines() {
    // Constructed from the real idle and load rows of the H100 capture, as loop mode prints them:
    // one header, then rows, with a blank line, a repeated header and a kernel message in between.
    List<String> idle = Captures.lines(Captures.H100_IDLE);
    List<String> load = Captures.lines(Captures.H100_LOAD);
    List<String> stream = new ArrayList<>(idle);
    stream.add("");
    stream.add(load.getFirst());
    stream.add("NVRM: Xid (PCI:0000:00:09): 13, pid=1, name=python, Graphics Exception");
    stream.add(load.get(1));

    CsvCapture capture = CsvCapture.parse("loop.csv", stream);

    assertThat(capture.samples()).hasSize(2);
    assertThat(cell(capture.samples().get(0).getFirst(), "utilization.gpu")).isEqualTo("0 %");
    assertThat(cell(capture.samples().get(1).getFirst(), "utilization.gpu")).isEqualTo("100 %");
    assertThat(capture.problems()).singleElement().asString()
        .isEqualTo("loop.csv: line 5: not a row of 212 cells matching the columns; skipped");
  }

  @Test
  void repeatedGpuIndexStartsANewSampleWhenThereIsNoTimestamp() {
    List<String> lines = List.of("index, utilization.gpu [%]", "0, 5 %", "1, 6 %", "0, 7 %", "1, 8 %");

    CsvCapture capture = CsvCapture.parse("two-gpus.csv", lines);

    assertThat(capture.samples()).extracting(List::size).containsExactly(2, 2);
  }

  @Test
  void anEmptyFileIsAProblemNotAnError() {
    assertThat(CsvCapture.parse("empty.csv", List.of("", " ")).problems())
        .containsExactly("empty.csv: no rows, expected a CSV header line and rows");
    assertThat(CsvCapture.parse("headless.csv", List.of("0, 5 %")).problems())
        .singleElement().asString().startsWith("headless.csv: line 1: expected a CSV header");
  }

  private static String cell(GpuRow row, String field) {
    return row.cell(row.columns().fields().indexOf(field));
  }
}
