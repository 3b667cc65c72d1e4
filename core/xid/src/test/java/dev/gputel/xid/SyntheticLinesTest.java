package dev.gputel.xid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SYNTHETIC lines, written for this test and not taken from any machine: near misses that must not
 * be Xids, and the two documented shapes no public report shows (the 2008 {@code bus:dev} id and
 * MIG instances, built from the driver's format strings in open-gpu-kernel-modules {@code
 * kernel_rc.c}).
 */
class SyntheticLinesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "NVRM: Xid (PCI:0000:01:00) 79, missing colon",
      "NVRM: Xid (PCI:0000:01:00): x79, code is not a number",
      "NVRM: Xid (PCI:0000:01:00): 79x, code runs into letters",
      "NVRM: Xid (PCI:0000:01:00): , no code",
      "NVRM: Xid (PCI:0000:01:00: 79, parenthesis never closed",
      "NVRM: Xid ( ): 79, empty device",
      "NVRM: Xid (PCI:0000:01:00): 1234567, code too long",
      "NVRM: Xid (PCI:0000:01:00): ٧٩, Arabic-Indic digits",
      "NVRM: GPU0 _kgspLogXid119: ****** GSP Timeout ******",
      "NVRM: krcRcAndNotifyAllChannels_IMPL: RC all channels for critical error 79.",
      "NVRMX: Xid (PCI:0000:01:00): 79, not the driver's tag",
      "nouveau 0000:01:00.0: Xid (PCI:0000:01:00): 79, another driver",
      "systemd[1]: Starting NVRM-less unit with Xid 79 in its name",
      "NVRM: GPU at PCI:0000:01:00: not a uuid",
      "NVRM: GPU 0000:01:00.0: RmInitAdapter failed! (0x22:0x56:894)",
      "NVRM: The NVIDIA GPU 0000:b3:00.0 installed in this system is working fine",
      "nvidia-nvswitch0: SXid (PCI:0000:05:00.0) 20034 missing colon",
      "nvidia-nvswitch0: SXid (PCI:0000:05:00.0): Fatal, no code",
      "nvidia-nvswitch0: SXid (PCI:0000:05:00.0 missing parenthesis: 20034, Fatal"})
  void nearMissesAreNoXid(String line) {
    assertThat(KernelLineParser.parse(line)).as(line).satisfiesAnyOf(
        parsed -> assertThat(parsed).isEmpty(),
        parsed -> assertThat(parsed.orElseThrow()).isInstanceOf(OtherNvrmLine.class));
  }

  @Test
  void sxidWithoutTheSwitchTagIsStillAnSxid() {
    // A shipper that strips the printk prefix leaves "SXid (PCI:...)"; GPUD's parser accepts it too.
    SxidLine line = (SxidLine) KernelLineParser.parse("SXid (PCI:0000:05:00.0): 20034, Fatal, Link 7 LTSSM Fault Up")
        .orElseThrow();
    assertThat(line.switchIndex()).isNull();
    assertThat(line.code()).isEqualTo(20034);
    assertThat(line.link()).isEqualTo(7);
  }

  @Test
  void twoPartIdOfThe2008DriverNamesBusAndDevice() {
    XidLine line = (XidLine) KernelLineParser.parse("NVRM: Xid (0003:00): 8, Channel 00000001").orElseThrow();

    assertThat(line.code()).isEqualTo(8);
    assertThat(line.gpu().printed()).isEqualTo("0003:00");
    assertThat(line.gpu().busId()).hasToString("00000000:03:00.0");
    assertThat(line.channel()).isEqualTo(1);
  }

  @Test
  void migLinesNameGpuAndComputeInstance() {
    XidLine gi = (XidLine) KernelLineParser.parse(
        "NVRM: Xid (PCI:0000:3b:00 GPU-I:02): 43, pid=4242, name=train.py, Ch 00000008").orElseThrow();
    XidLine ci = (XidLine) KernelLineParser.parse(
        "NVRM: Xid (PCI:0000:3b:00 GPU-I:02 GPU-CI:01): 31, pid='<unknown>', name=<unknown>, channel 0x0000000c")
        .orElseThrow();

    assertThat(gi.gpu()).isEqualTo(new GpuLocation("0000:3b:00", PciBusId.parse("0000:3b:00"), 2, null));
    assertThat(gi.process()).isEqualTo("train.py");
    assertThat(ci.gpu()).isEqualTo(new GpuLocation("0000:3b:00", PciBusId.parse("0000:3b:00"), 2, 1));
    assertThat(ci.pid()).isNull();
    assertThat(ci.channel()).isEqualTo(12);
  }

  @Test
  void processNamesRunToTheNextSeparatorAndMayHoldSpaces() {
    XidLine line = (XidLine) KernelLineParser.parse(
        "NVRM: Xid (PCI:0000:01:00): 13, pid=77, name=Web Content, Graphics Exception: channel 0x00000005, Class 0000c997")
        .orElseThrow();

    assertThat(line.process()).isEqualTo("Web Content");
    assertThat(line.channel()).isEqualTo(5);
    assertThat(line.message()).isEqualTo("Graphics Exception: channel 0x00000005, Class 0000c997");
  }

  @Test
  void journalRecordOfTheThreeLineBannerIsOneXid79() {
    // The journal keeps a multi-line kernel message as one MESSAGE with newlines (lines 32-34 of
    // xid-lines.log, joined as the kernel logged them).
    String record = "NVRM: The NVIDIA GPU 0000:b3:00.0\nNVRM: (PCI ID: 10de:26b5) installed in this system has\n"
        + "NVRM: fallen off the bus and is not responding to commands.";

    FellOffBusLine fell = (FellOffBusLine) KernelLineParser.parse(record).orElseThrow();

    assertThat(fell.code()).isEqualTo(79);
    assertThat(fell.gpu().busId()).hasToString("00000000:B3:00.0");
  }
}
