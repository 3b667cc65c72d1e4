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
import dev.gputel.xid.GpuIdentity;
import dev.gputel.xid.GpuIdentitySource;
import dev.gputel.xid.PciBusId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor on the real lines of xid-lines.log, sent as the replay receiver sends them. */
class XidClassifierProcessorTest {
  @TempDir Path state;
  private final RecordingTelemetry telemetry = new RecordingTelemetry();

  private XidClassifierProcessor processor(String config, GpuIdentitySource outside) {
    XidClassifierConfig parsed = XidClassifierConfig.from(ConfigFactory.parseString(config)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.processors.xid-classifier"))
        .resolve());
    ComponentSettings settings = new ComponentSettings(new ComponentId(ComponentKind.PROCESSOR, "xid-classifier", ""),
        telemetry, ManualClock.atFixedStart(), state, "test");
    return new XidClassifierProcessor(parsed, settings, outside);
  }

  private List<Event> processAll(XidClassifierProcessor processor) {
    return processor.processEvents(new EventBatch(Resource.empty(), Captures.events())).events();
  }

  private static Attributes line(List<Event> events, int number) {
    return events.get(number - 1).attributes();
  }

  @Test
  void classifiesEachXidAndNamesTheGpuFromTheDriversOwnLine() {
    List<Event> events = processAll(processor("", GpuIdentitySource.none()));

    Event fellOff = events.get(22);
    assertThat(fellOff.severity()).isEqualTo(Severity.FATAL);
    assertThat(fellOff.body()).isEqualTo(Captures.lines().get(22));
    assertThat(fellOff.id()).isEqualTo("line-23");
    assertThat(fellOff.attributes().asMap()).containsAllEntriesOf(Map.ofEntries(
        Map.entry("log.file.line", 23L),
        Map.entry("log.kind", "xid"),
        Map.entry("xid.code", 79L),
        Map.entry("xid.pci", "0000:91:00"),
        Map.entry("gpu.pci.bus_id", "00000000:91:00.0"),
        Map.entry("hw.id", "GPU-b6c3b2be-c55b-d076-fa0e-d464e4c7e08b"),
        Map.entry("xid.known", true),
        Map.entry("xid.mnemonic", "ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS"),
        Map.entry("xid.description", "GPU has fallen off the bus"),
        Map.entry("xid.severity", "FATAL"),
        Map.entry("xid.action.immediate", "RESTART_BM"),
        Map.entry("xid.action.investigatory", "CONTACT_SUPPORT"),
        Map.entry("xid.causes", "HDMBT"),
        Map.entry("xid.message", "GPU has fallen off the bus."),
        Map.entry("kernel.uptime_us", 6_781_741_548_779L)));
    assertThat(fellOff.attributes().get("process.pid")).as("pid='<unknown>'").isNull();

    assertThat(line(events, 18).asMap()).containsAllEntriesOf(Map.of(
        "process.pid", 1797828L, "process.executable.name", "pt_main_thread", "xid.channel", 8L,
        "xid.action.immediate", "RESET_GPU"));
    assertThat(line(events, 44).get("kernel.time")).isEqualTo("2026-04-22T21:29:21.342163186Z");
    // 0000:0b:00's GPU at PCI line is line 77, after line 44: not known yet there.
    assertThat(line(events, 44).get("hw.id")).isNull();
    assertThat(line(events, 73).get("hw.id")).as("from line 71").isEqualTo("GPU-5fc0bcec-c2e1-38dc-8994-2a9f9f3b709e");
    assertThat(line(events, 47).get("xid.caused_by")).isEqualTo(149L);
    assertThat(line(events, 40).asMap()).containsAllEntriesOf(Map.of(
        "xid.nvlink.unit", "NETIR", "xid.nvlink.fatal", true, "xid.nvlink.link", -1L, "xid.nvlink.intrinfo", 0x000fe406L));
  }

  @Test
  void fallenOffTextAfterARealXid79IsKeptButCountedOnce() {
    List<Event> events = processAll(processor("", GpuIdentitySource.none()));

    assertThat(line(events, 24).asMap()).containsAllEntriesOf(Map.of(
        "xid.code", 79L, "xid.inferred", true, "xid.duplicate", true, "gpu.pci.bus_id", "00000000:91:00.0"));
    assertThat(line(events, 23).get("xid.duplicate")).isNull();
    assertThat(telemetry.count("xid_events",
        Map.of("gpu_pci_bus_id", "00000000:91:00.0", "xid", "79", "severity", "FATAL"))).isEqualTo(1);
    // Line 1 is the only report of its event (no Xid line): it counts.
    assertThat(line(events, 1).get("xid.duplicate")).isNull();
    assertThat(line(events, 1).get("xid.inferred")).isEqualTo(true);
  }

  @Test
  void recoveryActionIsAttributedToThePrecedingXidOnThatGpu() {
    List<Event> events = processAll(processor("", GpuIdentitySource.none()));

    assertThat(line(events, 46).asMap()).containsAllEntriesOf(Map.of(
        "xid.code", 154L, "xid.recovery_action", "GPU Reset Required", "xid.recovery_action.for_xid", 119L,
        "xid.action.immediate", "RESET_GPU"));
    assertThat(line(events, 75).get("xid.recovery_action.for_xid")).isEqualTo(74L);
    assertThat(line(events, 83).get("xid.recovery_action.for_xid")).isEqualTo(62L);
    assertThat(line(events, 88).get("xid.recovery_action.for_xid")).isEqualTo(79L);
    assertThat(line(events, 88).get("xid.recovery_action")).isEqualTo("PF FLR");
    assertThat(line(events, 94).get("xid.recovery_action.for_xid")).as("no Xid before it on 0a:00").isNull();
  }

  @Test
  void otherDriverLinesAreMarkedAndOtherLinesPassUnchanged() {
    List<Event> input = Captures.events();
    List<Event> events = processAll(processor("", GpuIdentitySource.none()));

    assertThat(events).hasSameSizeAs(input);
    assertThat(events.get(1).attributes().get("log.kind")).isEqualTo("gpu-log");
    assertThat(events.get(1).severity()).isEqualTo(Severity.INFO);
    assertThat(events.get(2)).isEqualTo(input.get(2));
    assertThat(line(events, 6).asMap()).containsAllEntriesOf(Map.of("log.kind", "gpu-log",
        "gpu.pci.bus_id", "00000000:01:00.0", "hw.id", "GPU-8a47641b-dff6-f09f-618c-c3eb58fb430d"));
    assertThat(line(events, 76).get("log.kind")).as("_kgspLogXid119 banner").isEqualTo("gpu-log");
    assertThat(line(events, 25).asMap()).containsAllEntriesOf(Map.of("log.kind", "sxid", "sxid.code", 20034L,
        "sxid.class", "potentially-fatal", "sxid.fatal", true, "sxid.link", 48L, "xid.action.immediate", "RESTART_GUEST_VM"));
    assertThat(telemetry.count("sxid_events",
        Map.of("nvswitch_pci_bus_id", "00000000:06:00.0", "sxid", "20034", "severity", "FATAL"))).isEqualTo(1);
  }

  @Test
  void burstsGroupXidsOfOneGpuSeparatedByLessThanTheSilenceGap() {
    // Lines 4-12, one machine's burst on 0000:01:00 (with its GPU at PCI line 6), one second apart.
    List<Event> burst = Captures.events().subList(3, 12);

    List<Event> events = processor("burst-silence-gap = 1m", GpuIdentitySource.none())
        .processEvents(new EventBatch(Resource.empty(), burst)).events();

    assertThat(events).filteredOn(e -> "xid".equals(e.attributes().get("log.kind")))
        .extracting(e -> e.attributes().get("xid.burst.id")).containsOnly("line-4").hasSize(8);
    assertThat(events).filteredOn(e -> "xid".equals(e.attributes().get("log.kind")))
        .extracting(e -> e.attributes().get("xid.burst.count")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(events.get(2).attributes().get("xid.burst.id")).as("the GPU at PCI line is no Xid").isNull();
  }

  @Test
  void aQuietGapStartsANewBurst() {
    XidClassifierProcessor processor = processor("burst-silence-gap = 3m", GpuIdentitySource.none());
    String line = Captures.lines().get(16);
    List<Event> events = processor.processEvents(new EventBatch(Resource.empty(), List.of(
        new Event(Captures.START, Severity.INFO, line, Attributes.empty(), "a"),
        new Event(Captures.START.plusSeconds(170), Severity.INFO, line, Attributes.empty(), "b"),
        new Event(Captures.START.plusSeconds(170 + 181), Severity.INFO, line, Attributes.empty(), "c")))).events();

    assertThat(events).extracting(e -> e.attributes().get("xid.burst.id")).containsExactly("a", "a", "c");
    assertThat(events).extracting(e -> e.attributes().get("xid.burst.count")).containsExactly(1L, 2L, 1L);
  }

  @Test
  void unknownCodesPassAsUnknownWithContactSupport() {
    // SYNTHETIC line: Xid 173 is newer than the catalog.
    Event event = new Event(Captures.START, Severity.INFO, "NVRM: Xid (PCI:0000:3b:00): 173, new in a driver",
        Attributes.empty(), "x");

    Event classified = processor("", GpuIdentitySource.none()).processEvents(
        new EventBatch(Resource.empty(), List.of(event))).events().getFirst();

    assertThat(classified.attributes().asMap()).containsAllEntriesOf(Map.of("xid.code", 173L, "xid.known", false,
        "xid.action.immediate", "CONTACT_SUPPORT", "xid.severity", "ERROR"));
    assertThat(classified.attributes().get("xid.mnemonic")).isNull();
    assertThat(telemetry.count("xid_events",
        Map.of("gpu_pci_bus_id", "00000000:3B:00.0", "xid", "173", "severity", "ERROR"))).isEqualTo(1);
  }

  @Test
  void eventsAReceiverParsedAlreadyNeedNoLine() {
    // An NVML Xid event: no kernel line, the receiver states code and address.
    Event nvml = new Event(Captures.START, Severity.WARN, "Xid 48 from NVML",
        Attributes.of("xid.code", 48L, "gpu.pci.bus_id", "00000000:3B:00.0"), "n");

    Event classified = processor("gpus = [{ pci-bus-id = \"0000:3b:00\", index = 2, name = \"NVIDIA H100 80GB HBM3\" }]",
        GpuIdentitySource.none()).processEvents(new EventBatch(Resource.empty(), List.of(nvml))).events().getFirst();

    assertThat(classified.severity()).isEqualTo(Severity.ERROR);
    assertThat(classified.attributes().asMap()).containsAllEntriesOf(Map.of("log.kind", "xid", "xid.code", 48L,
        "xid.mnemonic", "ROBUST_CHANNEL_GPU_ECC_DBE", "xid.action.immediate", "WORKFLOW_XID_48",
        "gpu.index", 2L, "hw.model", "NVIDIA H100 80GB HBM3"));
  }

  @Test
  void identityComesFromTheDriverLinesThenTheSettingThenAnOutsideSource() {
    GpuIdentitySource outside = busId -> new GpuIdentity(busId, 5L, "GPU-from-nvml", "NVIDIA from NVML");
    XidClassifierProcessor processor = processor(
        "gpus = [{ pci-bus-id = \"00000000:CB:00.0\", name = \"configured name\" }]", outside);

    List<Event> events = processAll(processor);

    // 0000:cb:00 has no GPU at PCI line: uuid and index from outside, the name from the setting.
    assertThat(line(events, 18).asMap()).containsAllEntriesOf(Map.of(
        "hw.model", "configured name", "hw.id", "GPU-from-nvml", "gpu.index", 5L));
    // 0000:91:00 has one: the driver's UUID wins.
    assertThat(line(events, 23).get("hw.id")).isEqualTo("GPU-b6c3b2be-c55b-d076-fa0e-d464e4c7e08b");
    assertThat(new GpuDirectory(List.of(), outside).find(PciBusId.parse("0000:91:00")).uuid()).isEqualTo("GPU-from-nvml");
  }

  @Test
  void severityFollowsTheConfiguredPolicyAndOverrides() {
    List<Event> eks = processAll(processor("severity-policy = eks-node-monitoring-agent", GpuIdentitySource.none()));
    List<Event> overridden = processAll(processor("severity-overrides { 13 = info }", GpuIdentitySource.none()));

    assertThat(eks.get(12).severity()).as("63 is a node condition for EKS").isEqualTo(Severity.FATAL);
    assertThat(overridden.get(16).severity()).as("13 overridden").isEqualTo(Severity.INFO);
    assertThat(overridden.get(16).attributes().get("xid.severity")).isEqualTo("INFO");
  }
}
