package dev.gputel.xid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.data.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Classification of real lines of xid-lines.log under each severity preset. */
class ClassifierTest {
  private static final XidClassifier CATALOG = XidClassifier.builtIn(SeverityPolicy.catalog());

  private static ParsedLine line(int number) {
    return KernelLineParser.parse(Captures.xidLine(number)).orElseThrow();
  }

  private static Severity severity(SeverityPreset preset, int line) {
    return XidClassifier.builtIn(new SeverityPolicy(preset, Map.of())).classify(line(line)).severity();
  }

  @Test
  void catalogPresetFollowsTheImmediateBucket() {
    Classification fellOff = CATALOG.classify(line(23));
    assertThat(fellOff).isEqualTo(new Classification(LineKind.XID, 79, true, "ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS",
        "GPU has fallen off the bus", Severity.FATAL, "RESTART_BM", "CONTACT_SUPPORT", null));
    assertThat(CATALOG.classify(line(17)).severity()).as("13: RESTART_APP").isEqualTo(Severity.WARN);
    assertThat(CATALOG.classify(line(13)).severity()).as("63: IGNORE").isEqualTo(Severity.INFO);
    assertThat(CATALOG.classify(line(44)).severity()).as("119: RESET_GPU").isEqualTo(Severity.ERROR);
    assertThat(CATALOG.classify(line(68)).severity()).as("16: unused now, CONTACT_SUPPORT").isEqualTo(Severity.ERROR);
  }

  @Test
  void nvlink5LinesFollowTheirOwnFatalWord() {
    assertThat(CATALOG.classify(line(40)).severity()).as("149 Fatal").isEqualTo(Severity.FATAL);
    assertThat(CATALOG.classify(line(41)).severity()).as("145 Nonfatal").isEqualTo(Severity.WARN);
  }

  @Test
  void recoveryActionLinesTakeTheActionTheyName() {
    Classification reset = CATALOG.classify(line(46));
    Classification flr = CATALOG.classify(line(88));

    assertThat(reset.immediate()).isEqualTo("RESET_GPU");
    assertThat(reset.severity()).isEqualTo(Severity.ERROR);
    assertThat(reset.mnemonic()).isEqualTo("GPU_RECOVERY_ACTION_CHANGED");
    assertThat(flr.immediate()).isEqualTo("RESET_GPU");
  }

  @Test
  void fallenOffTextWithoutXidIsClassifiedAsXid79() {
    Classification fell = CATALOG.classify(line(24));
    assertThat(fell.code()).isEqualTo(79);
    assertThat(fell.immediate()).isEqualTo("RESTART_BM");
  }

  @Test
  void unknownCodesPassAsUnknownWithContactSupport() {
    // SYNTHETIC line: Xid 173 is newer than the catalog (GPUD knows it as C2C Fatal Link Failure).
    XidReport report = (XidReport) KernelLineParser.parse("NVRM: Xid (PCI:0008:01:00): 173, something new").orElseThrow();

    Classification unknown = CATALOG.classify(report);

    assertThat(unknown.known()).isFalse();
    assertThat(unknown.code()).isEqualTo(173);
    assertThat(unknown.mnemonic()).isNull();
    assertThat(unknown.immediate()).isEqualTo("CONTACT_SUPPORT");
    assertThat(unknown.severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void presetsDisagreeWhereTheToolsDo() {
    // 63 (row remapping, line 13): ignored by NVIDIA's catalog, fatal for EKS and Azure, unhealthy for the device plugin.
    assertThat(severity(SeverityPreset.CATALOG, 13)).isEqualTo(Severity.INFO);
    assertThat(severity(SeverityPreset.EKS_NODE_MONITORING_AGENT, 13)).isEqualTo(Severity.FATAL);
    assertThat(severity(SeverityPreset.AZURE_NHC, 13)).isEqualTo(Severity.FATAL);
    assertThat(severity(SeverityPreset.K8S_DEVICE_PLUGIN, 13)).isEqualTo(Severity.FATAL);
    // 109 (line 18): an application Xid for the device plugin, fatal for EKS, not checked by Azure.
    assertThat(severity(SeverityPreset.K8S_DEVICE_PLUGIN, 18)).isEqualTo(Severity.WARN);
    assertThat(severity(SeverityPreset.EKS_NODE_MONITORING_AGENT, 18)).isEqualTo(Severity.FATAL);
    assertThat(severity(SeverityPreset.AZURE_NHC, 18)).isEqualTo(Severity.INFO);
    // 79 (line 23): fatal for all.
    for (SeverityPreset preset : SeverityPreset.values()) {
      assertThat(severity(preset, 23)).as(preset.id()).isEqualTo(Severity.FATAL);
    }
  }

  @Test
  void overridesWinOverThePreset() {
    XidClassifier classifier = XidClassifier.builtIn(new SeverityPolicy(SeverityPreset.CATALOG, Map.of(63, Severity.ERROR)));
    assertThat(classifier.classify(line(13)).severity()).isEqualTo(Severity.ERROR);
    assertThat(classifier.classify(line(17)).severity()).isEqualTo(Severity.WARN);
  }

  @Test
  void presetsAreFoundByTheirConfigurationSpelling() {
    assertThat(SeverityPreset.byId("eks-node-monitoring-agent")).isEqualTo(SeverityPreset.EKS_NODE_MONITORING_AGENT);
    assertThat(SeverityPreset.byId("Azure-NHC")).isEqualTo(SeverityPreset.AZURE_NHC);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SeverityPreset.byId("gke"))
        .hasMessageContaining("'gke' is not a severity policy").hasMessageContaining("k8s-device-plugin");
  }

  @Test
  void sxidSeverityFollowsClassAndTheLinesOwnWord() {
    Classification fatalLine = CATALOG.classify(line(25));
    Classification nonFatal = CATALOG.classify(line(38));
    Classification dataLine = CATALOG.classify(line(26));

    assertThat(fatalLine).isEqualTo(new Classification(LineKind.SXID, 20034, true, "LTSSM Fault Up", "potentially-fatal",
        Severity.FATAL, "RESTART_GUEST_VM", null, SxidClass.POTENTIALLY_FATAL));
    assertThat(nonFatal.severity()).isEqualTo(Severity.WARN);
    assertThat(nonFatal.immediate()).isEqualTo("NONE");
    assertThat(dataLine.severity()).as("potentially fatal, the line says nothing").isEqualTo(Severity.ERROR);
  }

  @Test
  void otherDriverLinesAreNotClassified() {
    assertThat(CATALOG.classify(line(2))).isNull();
    assertThat(CATALOG.classify(line(6))).isNull();
  }
}
