package dev.gputel.xid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** PCI ids, the prefilter's three forms and the event id. */
class SmallPartsTest {

  @Test
  void pciIdsOfEveryFormCompareEqual() {
    PciBusId kernel = PciBusId.parse("0000:3b:00");
    assertThat(kernel).isEqualTo(PciBusId.parse("PCI:0000:3B:00"))
        .isEqualTo(PciBusId.parse("00000000:3B:00.0"))
        .isEqualTo(PciBusId.parse("3b:00"));
    assertThat(kernel).hasToString("00000000:3B:00.0");
    assertThat(kernel.kernelForm()).isEqualTo("0000:3b:00");
    assertThat(PciBusId.parse("0019:01:00")).hasToString("00000019:01:00.0");
    assertThat(PciBusId.parse("10000:e1:1f.7")).as("VMD domains exceed 16 bits").hasToString("00010000:E1:1F.7");
    assertThat(PciBusId.parse("0000:06:00.1")).isNotEqualTo(PciBusId.parse("0000:06:00.0"));
  }

  @Test
  void textThatIsNoPciIdIsNull() {
    for (String text : new String[] {"...", "", ":", "0000::00", "0000:3b:00.", "0000:3b:00.8", "0000:100:00",
        "0000:3b:20", "1:2:3:4", "123456789:00:00", "0000:3g:00", "PCI:", "00:٣", "ffffffff:00:00"}) {
      assertThat(PciBusId.parse(text)).as(text).isNull();
    }
  }

  @Test
  void prefilterPassesEveryDriverLineAndNoneOfTheOthers() {
    for (String line : Captures.lines(Captures.XID_LINES)) {
      boolean expected = line.contains("NVRM") || line.contains("SXid");
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertThat(XidPrefilter.mightMatter(line)).as(line).isEqualTo(expected);
      assertThat(XidPrefilter.mightMatter(new StringBuilder(line))).as(line).isEqualTo(expected);
      assertThat(XidPrefilter.mightMatter(bytes, 0, bytes.length)).as(line).isEqualTo(expected);
    }
    for (String line : Captures.lines(Captures.BACKGROUND_LINES)) {
      assertThat(XidPrefilter.mightMatter(line)).as(line).isFalse();
    }
  }

  @Test
  void prefilterLooksOnlyWithinTheGivenBytes() {
    byte[] bytes = "xxNVRMxx".getBytes(StandardCharsets.US_ASCII);
    assertThat(XidPrefilter.mightMatter(bytes, 2, 4)).isTrue();
    assertThat(XidPrefilter.mightMatter(bytes, 3, 5)).isFalse();
    assertThat(XidPrefilter.mightMatter(bytes, 0, 0)).isFalse();
    assertThat(XidPrefilter.mightMatter("SXid")).isTrue();
    assertThat(XidPrefilter.mightMatter(new StringBuilder("SXi"))).isFalse();
  }

  @Test
  void eventIdIsStableAndChangesWithEachPart() {
    String line = Captures.xidLine(23);
    String id = KernelEventId.of("boot-a", 6_781_741_548_779L, line);

    assertThat(id).hasSize(32).matches("[0-9a-f]+").isEqualTo(KernelEventId.of("boot-a", 6_781_741_548_779L, line));
    assertThat(KernelEventId.of("boot-b", 6_781_741_548_779L, line)).isNotEqualTo(id);
    assertThat(KernelEventId.of("boot-a", 6_781_741_548_780L, line)).isNotEqualTo(id);
    assertThat(KernelEventId.of("boot-a", 6_781_741_548_779L, line + " ")).isNotEqualTo(id);
  }
}
