package dev.gputel.xid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fields beyond code and device, on real lines of xid-lines.log (line numbers refer to it). */
class LineDetailsTest {

  private static ParsedLine line(int number) {
    return KernelLineParser.parse(Captures.xidLine(number)).orElseThrow();
  }

  @Test
  void nvlink5LinesSayWhetherTheyAreFatalAndWhichLink() {
    XidLine netir = (XidLine) line(40);
    XidLine rlw = (XidLine) line(41);
    XidLine redacted = (XidLine) line(55);

    assertThat(netir.nvlink()).isEqualTo(new NvlinkDetail("NETIR", true, -1, 0x000fe406L, 0L));
    assertThat(rlw.nvlink()).isEqualTo(new NvlinkDetail("RLW_RXPIPE", false, 13, 0x0409a0c2L, 8L));
    assertThat(redacted.nvlink()).isEqualTo(new NvlinkDetail("RLW_RXPIPE", false, 11, null, null));
    assertThat(((XidLine) line(56)).nvlink()).as("Xid 137 is no NVLink5 unit error").isNull();
  }

  @Test
  void recoveryActionLinesNameTheRequiredAction() {
    RecoveryActionLine reset = (RecoveryActionLine) line(46);
    RecoveryActionLine flr = (RecoveryActionLine) line(88);

    assertThat(reset.fromCode()).isZero();
    assertThat(reset.fromLabel()).isEqualTo("None");
    assertThat(reset.toCode()).isEqualTo(1);
    assertThat(reset.toLabel()).isEqualTo("GPU Reset Required");
    assertThat(flr.toLabel()).isEqualTo("PF FLR");
    assertThat(flr.message()).isEqualTo("GPU recovery action changed from 0x0 (None) to 0x1 (PF FLR)");
  }

  @Test
  void sympatheticXid45NamesTheXidThatCausedIt() {
    assertThat(((XidLine) line(47)).causedBy()).isEqualTo(149);
    assertThat(((XidLine) line(48)).causedBy()).isEqualTo(145);
    assertThat(((XidLine) line(73)).causedBy()).isEqualTo(45);
    assertThat(((XidLine) line(74)).causedBy()).isNull();
  }

  @Test
  void messageIsTheTextAfterPidAndName() {
    assertThat(line(17).message()).isEqualTo(
        "Graphics SM Warp Exception on (GPC 7, TPC 7, SM 0): Illegal Instruction Parameter");
    assertThat(line(74).message()).isEqualTo(
        "NVLink: fatal error detected on link 8(0x0, 0x0, 0x10000, 0x0, 0x0, 0x0, 0x0)");
    assertThat(line(13).message()).isEqualTo("Row Remapper: New row marked for remapping, reset gpu to activate");
    assertThat(line(14).message()).as("truncated by its author").isEqualTo("...");
    assertThat(line(68).message()).isEqualTo("Head 00000000 Count 00000000");
  }

  @Test
  void sxidLinesStateFatalityAndLinkOnTheirFirstLineOnly() {
    SxidLine first = (SxidLine) line(25);
    SxidLine data = (SxidLine) line(26);
    SxidLine nonFatal = (SxidLine) line(38);
    SxidLine talos = (SxidLine) line(72);

    assertThat(first.switchIndex()).isEqualTo(1);
    assertThat(first.fatal()).isTrue();
    assertThat(first.link()).isEqualTo(48);
    assertThat(first.message()).isEqualTo("LTSSM Fault Up");
    assertThat(data.switchIndex()).isZero();
    assertThat(data.fatal()).isNull();
    assertThat(data.link()).isNull();
    assertThat(data.message()).startsWith("Data {0x10000000");
    assertThat(nonFatal.fatal()).isFalse();
    assertThat(nonFatal.link()).isZero();
    assertThat(nonFatal.message()).isEqualTo("Minion Link DLREQ interrupt");
    assertThat(talos.message()).isEqualTo("Severity 1 Engine instance 12 Sub-engine instance 00");
  }

  @Test
  void prefixesKeepTheirTextAndTheTimesThatNeedNoGuessing() {
    assertThat(line(4).prefix()).isEqualTo(new KernelPrefix("[24128.828315]", Duration.ofSeconds(24128, 828_315_000), null));
    assertThat(line(13).prefix().uptime()).isEqualTo(Duration.ofSeconds(680111, 646_286_000));
    assertThat(line(13).prefix().text()).startsWith("Xid errors on instance: ip-26-0-146-100, Error: May 19 07:08:57");
    assertThat(line(27).prefix().timestamp()).isEqualTo(Instant.parse("2025-01-25T10:34:54.859532Z"));
    assertThat(line(44).prefix().timestamp()).isEqualTo(Instant.parse("2026-04-22T21:29:21.342163186Z"));
    assertThat(line(94).prefix().timestamp()).isEqualTo(Instant.parse("2025-07-23T18:09:08.735371Z"));
    assertThat(line(94).prefix().uptime()).isEqualTo(Duration.ofSeconds(612992, 637_587_000));
    // dmesg -T and syslog stamps have no zone (and syslog no year): kept as text only.
    assertThat(line(17).prefix()).isEqualTo(new KernelPrefix("[Fri Aug 30 11:43:09 2024]", null, null));
    assertThat(line(79).prefix()).isEqualTo(new KernelPrefix("kwi 15 07:56:59 testowy kernel:", null, null));
    assertThat(line(15).prefix()).isEqualTo(KernelPrefix.NONE);
  }

  @Test
  void oldGpuAtLineWithoutPciPrefixStillNamesTheAddress() {
    GpuAtPciLine old = (GpuAtPciLine) line(67);
    assertThat(old.gpu().printed()).isEqualTo("0000:01:00");
    assertThat(old.gpu().busId()).hasToString("00000000:01:00.0");
  }
}
