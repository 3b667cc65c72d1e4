package dev.gputel.xid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Xid, SXid and fallen-off-the-bus line of xid-lines.log, each read by hand into the values
 * below; every other line of the file must not parse as one.
 */
class RealXidLinesTest {
  /** What one line must parse to; null fields must be absent. */
  record Expected(int line, String kind, int code, String printed, String busId, Long pid, String process, Long channel) {}

  static List<Expected> expectations() {
    return List.of(
        xid(1, "fell", 79, "0000:01:00.0", "00000000:01:00.0", null, null, null),
        xid(4, "xid", 32, "0000:01:00", "00000000:01:00.0", null, null, 0L),
        xid(5, "xid", 31, "0000:01:00", "00000000:01:00.0", null, null, 3L),
        xid(7, "xid", 31, "0000:01:00", "00000000:01:00.0", null, null, 0x3aL),
        xid(8, "xid", 13, "0000:01:00", "00000000:01:00.0", null, null, null),
        xid(9, "xid", 13, "0000:01:00", "00000000:01:00.0", null, null, null),
        xid(10, "xid", 13, "0000:01:00", "00000000:01:00.0", null, null, null),
        xid(11, "xid", 13, "0000:01:00", "00000000:01:00.0", null, null, 0x52L),
        xid(12, "xid", 32, "0000:01:00", "00000000:01:00.0", null, null, 0x52L),
        xid(13, "xid", 63, "0000:10:1c", "00000000:10:1C.0", 1850L, null, null),
        xid(14, "xid", 64, "0000:90:1c", "00000000:90:1C.0", null, null, null),
        xid(15, "xid", 63, "0000:10:1c", "00000000:10:1C.0", 1896L, null, null),
        xid(17, "xid", 13, "0000:cb:00", "00000000:CB:00.0", null, null, null),
        xid(18, "xid", 109, "0000:cb:00", "00000000:CB:00.0", 1797828L, "pt_main_thread", 8L),
        xid(19, "xid", 31, "0000:cb:00", "00000000:CB:00.0", 626486L, "pt_main_thread", 8L),
        xid(23, "xid", 79, "0000:91:00", "00000000:91:00.0", null, null, null),
        xid(24, "fell", 79, "0000:91:00.0", "00000000:91:00.0", null, null, null),
        xid(25, "sxid", 20034, "0000:06:00.0", "00000000:06:00.0", null, null, null),
        xid(26, "sxid", 20034, "0000:05:00.0", "00000000:05:00.0", null, null, null),
        xid(27, "sxid", 12028, "0000:84:00.0", "00000000:84:00.0", null, null, null),
        xid(29, "xid", 79, "0000:01:00", "00000000:01:00.0", null, null, null),
        xid(30, "fell", 79, "0000:01:00.0", "00000000:01:00.0", null, null, null),
        xid(38, "sxid", 22013, "0000:02:00.0", "00000000:02:00.0", null, null, null),
        xid(39, "sxid", 22013, "0000:02:00.0", "00000000:02:00.0", null, null, null),
        xid(40, "xid", 149, "0019:01:00", "00000019:01:00.0", null, null, null),
        xid(41, "xid", 145, "0018:01:00", "00000018:01:00.0", null, null, null),
        xid(44, "xid", 119, "0000:0b:00", "00000000:0B:00.0", 11431L, "gpu-feature-dis", null),
        xid(46, "recovery", 154, "0000:0b:00", "00000000:0B:00.0", null, null, null),
        xid(47, "xid", 45, "0000:dc:00", "00000000:DC:00.0", 1818990L, "python3", 1L),
        xid(48, "xid", 45, "0000:ed:00", "00000000:ED:00.0", 1818992L, "python3", 0xcL),
        xid(51, "xid", 79, "0000:06:00", "00000000:06:00.0", null, null, null),
        xid(55, "xid", 145, "...", null, null, null, null),
        xid(56, "xid", 137, "...", null, null, null, null),
        xid(62, "xid", 43, "0000:00:05", "00000000:00:05.0", 1045242L, "pt_main_thread", 8L),
        xid(64, "xid", 31, "0000:00:07", "00000000:00:07.0", 2512125L, "python3.10", 8L),
        xid(66, "xid", 94, "0000:00:08", "00000000:00:08.0", null, null, null),
        xid(68, "xid", 16, "0000:01:00", "00000000:01:00.0", null, null, null),
        xid(69, "xid", 16, "0000:01:00", "00000000:01:00.0", null, null, null),
        xid(70, "xid", 8, "0000:01:00", "00000000:01:00.0", null, null, 0L),
        xid(72, "sxid", 24007, "0000:aa:00.0", "00000000:AA:00.0", null, null, null),
        xid(73, "xid", 45, "0000:48:00", "00000000:48:00.0", 22884L, "VLLM::Worker", 0x10L),
        xid(74, "xid", 74, "0000:48:00", "00000000:48:00.0", 22884L, "VLLM::Worker_TP", null),
        xid(75, "recovery", 154, "0000:48:00", "00000000:48:00.0", null, null, null),
        xid(79, "xid", 38, "0000:07:00", "00000000:07:00.0", 326L, "modprobe", 3L),
        xid(80, "xid", 109, "0000:07:00", "00000000:07:00.0", 326L, "modprobe", 7L),
        xid(81, "xid", 62, "0000:3e:00", "00000000:3E:00.0", 213710L, "nvtop", null),
        xid(83, "recovery", 154, "0000:3e:00", "00000000:3E:00.0", null, null, null),
        xid(85, "xid", 79, "0000:01:00", "00000000:01:00.0", null, null, null),
        xid(86, "fell", 79, "0000:01:00.0", "00000000:01:00.0", null, null, null),
        xid(88, "recovery", 154, "0000:01:00", "00000000:01:00.0", null, null, null),
        xid(91, "xid", 120, "0000:02:00", "00000000:02:00.0", null, null, null),
        xid(94, "recovery", 154, "0000:0a:00", "00000000:0A:00.0", null, null, null));
  }

  /** The {@code GPU at PCI} lines: line number to the UUID they announce. */
  static final Map<Integer, String> GPU_AT = new TreeMap<>(Map.ofEntries(
      Map.entry(6, "GPU-8a47641b-dff6-f09f-618c-c3eb58fb430d"),
      Map.entry(21, "GPU-b6c3b2be-c55b-d076-fa0e-d464e4c7e08b"),
      Map.entry(28, "GPU-ccdb674e-0f5b-c678-9099-59940ccd0641"),
      Map.entry(49, "GPU-0b6b7808-c002-f593-ac86-cd8e57757b94"),
      Map.entry(60, "GPU-efbdfde9-5798-a6e7-4c46-12518fa15375"),
      Map.entry(63, "GPU-3b6ec030-5adc-1847-e155-79f635584b4e"),
      Map.entry(65, "GPU-c24840ec-8de1-83d5-b126-08000173ae32"),
      Map.entry(67, "GPU-009fc6be-db2e-11be-ceae-9ba664de1bac"),
      Map.entry(71, "GPU-5fc0bcec-c2e1-38dc-8994-2a9f9f3b709e"),
      Map.entry(77, "GPU-ff3dfd6d-7042-cc8c-f3a6-84d9d6eb3a4b"),
      Map.entry(78, "GPU-fb51809b-350a-99db-67b5-e16fc6d498ab"),
      Map.entry(84, "GPU-5f7a9ad6-8a58-1f45-473a-76281b72153c"),
      Map.entry(90, "GPU-751acba2-df95-76f6-5914-58abf0c3cba3")));

  /** Lines that are no NVIDIA driver line at all. */
  static final List<Integer> NOT_NVIDIA = List.of(3, 16, 20, 31, 37, 42, 43);

  private static Expected xid(int line, String kind, int code, String printed, String busId, Long pid, String process,
      Long channel) {
    return new Expected(line, kind, code, printed, busId, pid, process, channel);
  }

  @ParameterizedTest(name = "line {0}")
  @MethodSource("expectations")
  void readsEachRealXidLine(Expected expected) {
    ParsedLine parsed = KernelLineParser.parse(Captures.xidLine(expected.line())).orElseThrow();

    switch (expected.kind()) {
      case "sxid" -> {
        assertThat(parsed).isInstanceOf(SxidLine.class);
        SxidLine sxid = (SxidLine) parsed;
        assertThat(sxid.code()).isEqualTo(expected.code());
        assertThat(sxid.device().printed()).isEqualTo(expected.printed());
        assertThat(String.valueOf(sxid.device().busId())).isEqualTo(expected.busId());
      }
      default -> {
        assertThat(parsed).isInstanceOf(switch (expected.kind()) {
          case "fell" -> FellOffBusLine.class;
          case "recovery" -> RecoveryActionLine.class;
          default -> XidLine.class;
        });
        XidReport report = (XidReport) parsed;
        assertThat(report.code()).isEqualTo(expected.code());
        assertThat(report.gpu().printed()).isEqualTo(expected.printed());
        assertThat(report.gpu().busId() == null ? null : report.gpu().busId().toString()).isEqualTo(expected.busId());
        assertThat(report.pid()).as("pid").isEqualTo(expected.pid());
        assertThat(report.process()).as("process").isEqualTo(expected.process());
        assertThat(report.channel()).as("channel").isEqualTo(expected.channel());
      }
    }
  }

  @Test
  void everyOtherLineIsNoXid() {
    List<String> lines = Captures.lines(Captures.XID_LINES);
    List<Integer> xidLines = expectations().stream().map(Expected::line).toList();
    IntStream.rangeClosed(1, lines.size()).filter(n -> !xidLines.contains(n)).forEach(n ->
        assertThat(KernelLineParser.parse(lines.get(n - 1)))
            .as("line %d: %s", n, lines.get(n - 1))
            .satisfiesAnyOf(
                parsed -> assertThat(parsed).isEmpty(),
                parsed -> assertThat(parsed.orElseThrow()).isInstanceOfAny(OtherNvrmLine.class, GpuAtPciLine.class)));
  }

  @Test
  void gpuAtPciLinesTieAddressesToUuids() {
    GPU_AT.forEach((line, uuid) -> {
      ParsedLine parsed = KernelLineParser.parse(Captures.xidLine(line)).orElseThrow();
      assertThat(parsed).as("line %d", line).isInstanceOf(GpuAtPciLine.class);
      assertThat(((GpuAtPciLine) parsed).uuid()).isEqualTo(uuid);
    });
    GpuAtPciLine first = (GpuAtPciLine) KernelLineParser.parse(Captures.xidLine(6)).orElseThrow();
    assertThat(first.gpu().busId()).hasToString("00000000:01:00.0");
  }

  @Test
  void linesOfOtherDriversAreNotParsedAtAll() {
    NOT_NVIDIA.forEach(line -> assertThat(KernelLineParser.parse(Captures.xidLine(line))).as("line %d", line).isEmpty());
    Captures.lines(Captures.BACKGROUND_LINES).forEach(line ->
        assertThat(KernelLineParser.parse(line)).as(line).isEmpty());
  }

  @Test
  void rateLimitNoticeNamingAGpuAtPciIsNoIdentityLine() {
    assertThat(KernelLineParser.parse(Captures.xidLine(93)).orElseThrow()).isInstanceOf(OtherNvrmLine.class);
  }

  @Test
  void xidBannersAndErrorNumbersInTextAreNoXid() {
    // _kgspLogXid119 (line 76) and "critical error 79" (line 87) name Xids without being Xid lines.
    assertThat(KernelLineParser.parse(Captures.xidLine(76)).orElseThrow()).isInstanceOf(OtherNvrmLine.class);
    assertThat(KernelLineParser.parse(Captures.xidLine(87)).orElseThrow()).isInstanceOf(OtherNvrmLine.class);
  }
}
