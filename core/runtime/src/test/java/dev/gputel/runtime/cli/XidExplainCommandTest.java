package dev.gputel.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XidExplainCommandTest {

  @Test
  void printsTheCatalogEntry() {
    CliRunner.Result result = CliRunner.run("xid", "explain", "79");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo("""
        Xid 79  ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS
          description:           GPU has fallen off the bus
          possible causes:       hardware error, driver error, system memory corruption, bus error, thermal issue
          immediate action:      RESTART_BM
          investigatory action:  CONTACT_SUPPORT
          severity:              FATAL (policy catalog)
          catalog:               NVIDIA Xid catalog 2025-10-29
        """);
  }

  @Test
  void oldCodesShowWhatTheyMeantOnOlderGpusAndPoliciesDiffer() {
    CliRunner.Result display = CliRunner.run("xid", "explain", "16");
    CliRunner.Result rowRemap = CliRunner.run("xid", "explain", "63", "--severity-policy", "azure-nhc");

    assertThat(display.out()).contains("description:           Unused").contains("on older GPUs:         Display engine hung");
    assertThat(rowRemap.out()).contains("severity:              FATAL (policy azure-nhc)");
  }

  @Test
  void unknownCodesExitOneAndStillSayWhatToDo() {
    CliRunner.Result result = CliRunner.run("xid", "explain", "173");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).startsWith("Xid 173 is not in the catalog: report it as unknown.")
        .contains("immediate action:      CONTACT_SUPPORT");
  }

  @Test
  void explainsSxids() {
    CliRunner.Result result = CliRunner.run("xid", "explain", "--sxid", "23001");
    CliRunner.Result unknown = CliRunner.run("xid", "explain", "--sxid", "1");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo("""
        SXid 23001  ingress SRC-VC buffer overflow
          class:                 fatal
          immediate action:      RESET_FABRIC
          catalog:               Fabric Manager User Guide DU-09883-001_v1.3 (October 2023)
        """);
    assertThat(unknown.exit()).isEqualTo(1);
  }

  @Test
  void aCodeThatIsNoNumberIsAUsageError() {
    CliRunner.Result result = CliRunner.run("xid", "explain", "seventy-nine");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("seventy-nine");
  }
}
