package dev.gputel.processor.xidclassifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.xid.GpuIdentitySource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Xid reported by the kernel log and by NVML counts once. Kernel lines are real (lines 17 and
 * 23 of xid-lines.log); the NVML events have the shape the nvml receiver sends (no kernel line; code
 * and address as attributes, {@code log.source = nvml}).
 */
class TwoSourcesTest {
  private static final String XID_13_LINE = Captures.lines().get(16); // 0000:cb:00
  private static final String XID_79_LINE = Captures.lines().get(22); // 0000:91:00
  private static final String FELL_OFF_TEXT = Captures.lines().get(23); // 0000:91:00, no Xid number
  private static final String CB = "00000000:CB:00.0";
  private static final String BUS_91 = "00000000:91:00.0";

  @TempDir Path state;
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private XidClassifierProcessor processor;
  private final List<Event> sent = new ArrayList<>();
  private int ids;

  @BeforeEach
  void defaults() {
    processor = processor("");
  }

  @Test
  void theNvmlEventAfterTheKernelLineIsKeptMarkedAndNotCountedAgain() {
    List<Event> events = process(kernel(XID_79_LINE, 0), nvml(79, BUS_91, 3));

    assertThat(events.get(0).attributes().get("xid.duplicate")).isNull();
    assertThat(events.get(1).attributes().asMap()).containsAllEntriesOf(Map.of("xid.duplicate", true,
        "log.kind", "xid", "xid.code", 79L, "xid.mnemonic", "ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS",
        "gpu.pci.bus_id", BUS_91, "log.source", "nvml"));
    assertThat(events.get(1).severity()).isEqualTo(Severity.FATAL);
    assertThat(events.get(1).body()).isEqualTo(sent.get(1).body());
    assertThat(count(BUS_91, 79, "FATAL")).isEqualTo(1);
  }

  @Test
  void theKernelLineAfterTheNvmlEventIsTheDuplicate() {
    List<Event> events = process(nvml(13, CB, 0), kernel(XID_13_LINE, 9));

    assertThat(events.get(0).attributes().get("xid.duplicate")).isNull();
    assertThat(events.get(1).attributes().get("xid.duplicate")).isEqualTo(true);
    assertThat(count(CB, 13, "WARN")).isEqualTo(1);
  }

  @Test
  void reportsFurtherApartThanTheWindowAreTwoFaults() {
    List<Event> events = process(kernel(XID_13_LINE, 0), nvml(13, CB, 11));

    assertThat(events).allSatisfy(event -> assertThat(event.attributes().get("xid.duplicate")).isNull());
    assertThat(count(CB, 13, "WARN")).isEqualTo(2);
  }

  @Test
  void theWindowIsASetting() {
    XidClassifierProcessor wide = processor("nvml-duplicate-window = 1m");
    List<Event> events = wide.processEvents(new EventBatch(Resource.empty(),
        List.of(kernel(XID_13_LINE, 0), nvml(13, CB, 59)))).events();

    assertThat(events.get(1).attributes().get("xid.duplicate")).isEqualTo(true);
  }

  @Test
  void anotherGpuOrAnotherCodeIsNoDuplicate() {
    List<Event> events = process(kernel(XID_13_LINE, 0), nvml(13, BUS_91, 1), nvml(31, CB, 2));

    assertThat(events).allSatisfy(event -> assertThat(event.attributes().get("xid.duplicate")).isNull());
  }

  @Test
  void repeatsFromOneSourceAreFaultsOfTheirOwn() {
    List<Event> events = process(nvml(13, CB, 0), nvml(13, CB, 1), kernel(XID_13_LINE, 2), kernel(XID_13_LINE, 3),
        kernel(XID_13_LINE, 4));

    assertThat(events).extracting(event -> event.attributes().get("xid.duplicate"))
        .containsExactly(null, null, true, true, null);
    assertThat(count(CB, 13, "WARN")).isEqualTo(3);
  }

  @Test
  void interleavedReportsPairOneToOneAndDuplicatesDoNotAdvanceTheBurst() {
    List<Event> events = process(kernel(XID_13_LINE, 0), nvml(13, CB, 1), kernel(XID_13_LINE, 2), nvml(13, CB, 3));

    assertThat(events).extracting(event -> event.attributes().get("xid.duplicate")).containsExactly(null, true, null, true);
    assertThat(events).extracting(event -> event.attributes().get("xid.burst.count")).containsExactly(1L, 1L, 2L, 2L);
    assertThat(events).extracting(event -> event.attributes().get("xid.burst.id")).containsOnly("e0");
    assertThat(count(CB, 13, "WARN")).isEqualTo(2);
  }

  @Test
  void aFallOffTheBusReportedThreeWaysCountsOnce() {
    List<Event> events = process(nvml(79, BUS_91, 0), kernel(XID_79_LINE, 1), kernel(FELL_OFF_TEXT, 1));

    assertThat(events).extracting(event -> event.attributes().get("xid.duplicate")).containsExactly(null, true, true);
    assertThat(count(BUS_91, 79, "FATAL")).isEqualTo(1);
  }

  private XidClassifierProcessor processor(String config) {
    XidClassifierConfig parsed = XidClassifierConfig.from(ConfigFactory.parseString(config)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.processors.xid-classifier"))
        .resolve());
    ComponentSettings settings = new ComponentSettings(new ComponentId(ComponentKind.PROCESSOR, "xid-classifier", ""),
        telemetry, ManualClock.atFixedStart(), state, "test");
    return new XidClassifierProcessor(parsed, settings, GpuIdentitySource.none());
  }

  private List<Event> process(Event... events) {
    sent.addAll(List.of(events));
    return processor.processEvents(new EventBatch(Resource.empty(), List.of(events))).events();
  }

  private long count(String bus, int xid, String severity) {
    return telemetry.count("xid_events", Map.of("gpu_pci_bus_id", bus, "xid", Integer.toString(xid), "severity", severity));
  }

  private Event kernel(String line, int second) {
    return new Event(at(second), Severity.INFO, line, Attributes.empty(), "e" + ids++);
  }

  private Event nvml(int code, String bus, int second) {
    Attributes attributes = Attributes.builder().put("log.source", "nvml").put("log.kind", "xid")
        .put("nvml.event.type", "XidCriticalError").put("xid.code", (long) code).put("gpu.pci.bus_id", bus).build();
    // The body as the nvml receiver writes it: no driver line for the parser to find.
    return new Event(at(second), Severity.ERROR, "NVML: Xid " + code + " on GPU 2 (" + bus + ")", attributes, "e" + ids++);
  }

  private static Instant at(int second) {
    return Captures.START.plusSeconds(second);
  }
}
