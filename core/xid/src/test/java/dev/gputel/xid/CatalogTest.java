package dev.gputel.xid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private final XidCatalog xids = XidCatalog.builtIn();
  private final SxidCatalog sxids = SxidCatalog.builtIn();

  @Test
  void xidCatalogHoldsEveryCodeOfNvidiasCatalogWithItsVersion() {
    assertThat(xids.version()).isEqualTo("2025-10-29");
    assertThat(xids.source()).contains("docs.nvidia.com/deploy/xid-errors/analyzing-xid-catalog.html");
    assertThat(xids.entries()).extracting(XidEntry::code).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, 172).boxed().toList());
    assertThat(xids.find(173)).as("newer than the transcribed catalog").isEmpty();
    assertThat(xids.entry(-1)).isNull();
    assertThat(xids.entry(Integer.MAX_VALUE)).isNull();
  }

  @Test
  void rowsCarryMnemonicBucketsAndCauses() {
    XidEntry fellOff = xids.find(79).orElseThrow();
    assertThat(fellOff.mnemonic()).isEqualTo("ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS");
    assertThat(fellOff.description()).isEqualTo("GPU has fallen off the bus");
    assertThat(fellOff.immediate()).isEqualTo(Resolution.RESTART_BM);
    assertThat(fellOff.investigatory()).isEqualTo("CONTACT_SUPPORT");
    assertThat(fellOff.causes()).containsExactlyInAnyOrder(Cause.HARDWARE, Cause.DRIVER,
        Cause.SYSTEM_MEMORY_CORRUPTION, Cause.BUS, Cause.THERMAL);

    XidEntry pageFault = xids.find(31).orElseThrow();
    assertThat(pageFault.immediate()).isEqualTo(Resolution.RESTART_APP);
    assertThat(pageFault.investigatory()).isEqualTo("WORKFLOW_XID_31");

    assertThat(xids.find(54).orElseThrow().causes()).as("none marked").isEmpty();
    assertThat(xids.find(144).orElseThrow().causes()).as("newer than r555").isNull();
    assertThat(xids.find(171).orElseThrow().immediate()).isEqualTo(Resolution.UNSPECIFIED);
  }

  @Test
  void codesUnusedOnCurrentGpusKeepTheirOlderMeaning() {
    XidEntry display = xids.find(16).orElseThrow();
    assertThat(display.unusedOnCurrentGpus()).isTrue();
    assertThat(display.legacyDescription()).isEqualTo("Display engine hung");
    assertThat(display.immediate()).isEqualTo(Resolution.CONTACT_SUPPORT);
    assertThat(xids.find(79).orElseThrow().legacyDescription()).isNull();
  }

  @Test
  void everyImmediateBucketOfTheCatalogIsOneWeKnow() {
    EnumSet<Resolution> used = EnumSet.noneOf(Resolution.class);
    xids.entries().forEach(entry -> used.add(entry.immediate()));
    assertThat(used).contains(Resolution.IGNORE, Resolution.RESTART_APP, Resolution.RESET_GPU, Resolution.RESTART_BM,
        Resolution.CONTACT_SUPPORT, Resolution.XID_154, Resolution.WORKFLOW_NVLINK5_ERR);
  }

  @Test
  void sxidCatalogClassifiesTheFabricManagerCodes() {
    assertThat(sxids.version()).isEqualTo("DU-09883-001_v1.3 (October 2023)");
    assertThat(sxids.entries()).hasSize(92);
    assertThat(sxids.find(22013).orElseThrow().sxidClass()).isEqualTo(SxidClass.NON_FATAL);
    assertThat(sxids.find(20034).orElseThrow()).isEqualTo(
        new SxidEntry(20034, SxidClass.POTENTIALLY_FATAL, "LTSSM Fault Up", SxidAction.RESTART_GUEST_VM));
    assertThat(sxids.find(23001).orElseThrow().sxidClass()).isEqualTo(SxidClass.FATAL);
    assertThat(sxids.find(23001).orElseThrow().action()).isEqualTo(SxidAction.RESET_FABRIC);
    assertThat(sxids.find(12028).orElseThrow().name()).isEqualTo("egress nonposted PRIV error");
    assertThat(sxids.find(99999)).isEmpty();
  }
}
