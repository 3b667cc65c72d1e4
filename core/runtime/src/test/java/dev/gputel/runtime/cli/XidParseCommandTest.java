package dev.gputel.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gputel xid parse} on the real lines of config/captures/kernel-log (see PROVENANCE.md there). */
class XidParseCommandTest {
  private static final Path XID_LINES = Path.of(System.getProperty("gputel.captures", "../../config/captures"),
      "kernel-log", "xid-lines.log");
  @TempDir Path directory;

  @Test
  void printsOneObjectPerXidAndSxidLineOfTheRealCapture() {
    CliRunner.Result result = CliRunner.run("xid", "parse", XID_LINES.toString());

    assertThat(result.exit()).as(result.err()).isZero();
    List<String> lines = result.out().lines().toList();
    // 37 Xid lines, 5 recovery-action lines, 6 SXid lines, 5 fallen-off-the-bus texts (one over three lines).
    assertThat(lines).hasSize(53);
    assertThat(lines).contains(
        "{\"line\": 18, \"kind\": \"xid\", \"xid\": 109, \"pci\": \"0000:cb:00\", \"pci_bus_id\": \"00000000:CB:00.0\", "
            + "\"pid\": 1797828, \"process\": \"pt_main_thread\", \"channel\": 8, "
            + "\"mnemonic\": \"ROBUST_CHANNEL_CTXSW_TIMEOUT_ERROR\", \"severity\": \"ERROR\", \"action\": \"RESET_GPU\", "
            + "\"message\": \"Ch 00000008, errorString CTX SWITCH TIMEOUT, Info 0x58005\"}",
        "{\"line\": 23, \"kind\": \"xid\", \"xid\": 79, \"pci\": \"0000:91:00\", \"pci_bus_id\": \"00000000:91:00.0\", "
            + "\"mnemonic\": \"ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS\", \"severity\": \"FATAL\", \"action\": \"RESTART_BM\", "
            + "\"message\": \"GPU has fallen off the bus.\"}",
        "{\"line\": 25, \"kind\": \"sxid\", \"sxid\": 20034, \"pci\": \"0000:06:00.0\", \"pci_bus_id\": \"00000000:06:00.0\", "
            + "\"mnemonic\": \"LTSSM Fault Up\", \"severity\": \"FATAL\", \"action\": \"RESTART_GUEST_VM\", "
            + "\"message\": \"LTSSM Fault Up\"}",
        "{\"line\": 32, \"kind\": \"xid\", \"xid\": 79, \"pci\": \"0000:b3:00.0\", \"pci_bus_id\": \"00000000:B3:00.0\", "
            + "\"mnemonic\": \"ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS\", \"severity\": \"FATAL\", \"action\": \"RESTART_BM\", "
            + "\"message\": \"The NVIDIA GPU 0000:b3:00.0\\n(PCI ID: 10de:26b5) installed in this system has\\n"
            + "fallen off the bus and is not responding to commands.\"}",
        "{\"line\": 55, \"kind\": \"xid\", \"xid\": 145, \"pci\": \"...\", \"mnemonic\": \"NVLINK_RLW_ERROR\", "
            + "\"severity\": \"WARN\", \"action\": \"WORKFLOW_NVLINK5_ERR\", \"message\": \"RLW_RXPIPE Nonfatal XC0 i0 Link 11 (...)\"}",
        "{\"line\": 88, \"kind\": \"xid\", \"xid\": 154, \"pci\": \"0000:01:00\", \"pci_bus_id\": \"00000000:01:00.0\", "
            + "\"mnemonic\": \"GPU_RECOVERY_ACTION_CHANGED\", \"severity\": \"ERROR\", \"action\": \"RESET_GPU\", "
            + "\"recovery_action\": \"PF FLR\", \"message\": \"GPU recovery action changed from 0x0 (None) to 0x1 (PF FLR)\"}");
    assertThat(lines).noneMatch(line -> line.contains("\"line\": 6,") || line.contains("\"line\": 76,")
        || line.contains("\"line\": 93,"));
  }

  @Test
  void readsStandardInputAndFollowsTheChosenSeverityPolicy() {
    // SYNTHETIC input (not a capture): a MIG line and an unknown code.
    String log = """
        [  100.000001] NVRM: Xid (PCI:0000:3b:00 GPU-I:02 GPU-CI:01): 63, pid=42, name=my job, Row Remapper: x
        [  100.000002] NVRM: Xid (PCI:0000:3b:00): 173, something newer than the catalog
        """;

    CliRunner.Result catalog = CliRunner.runWithInput(log, "xid", "parse");
    CliRunner.Result eks = CliRunner.runWithInput(log, "xid", "parse", "--severity-policy", "eks-node-monitoring-agent", "-");

    assertThat(catalog.exit()).isZero();
    assertThat(catalog.out().lines()).containsExactly(
        "{\"line\": 1, \"kind\": \"xid\", \"xid\": 63, \"pci\": \"0000:3b:00\", \"pci_bus_id\": \"00000000:3B:00.0\", "
            + "\"gpu_instance\": 2, \"compute_instance\": 1, \"pid\": 42, \"process\": \"my job\", "
            + "\"mnemonic\": \"INFOROM_DRAM_RETIREMENT_EVENT\", \"severity\": \"INFO\", \"action\": \"IGNORE\", "
            + "\"message\": \"Row Remapper: x\"}",
        "{\"line\": 2, \"kind\": \"xid\", \"xid\": 173, \"pci\": \"0000:3b:00\", \"pci_bus_id\": \"00000000:3B:00.0\", "
            + "\"severity\": \"ERROR\", \"action\": \"CONTACT_SUPPORT\", \"message\": \"something newer than the catalog\"}");
    assertThat(eks.out().lines().toList().getFirst()).contains("\"severity\": \"FATAL\"");
    assertThat(eks.out().lines().toList().get(1)).contains("\"severity\": \"WARN\"");
  }

  @Test
  void bytesThatAreNoUtf8DoNotStopTheRead() throws IOException {
    byte[] bad = {'N', 'V', 'R', 'M', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'};
    byte[] xid = Files.readAllLines(XID_LINES).get(22).concat("\n").getBytes(StandardCharsets.UTF_8);
    Path log = directory.resolve("mixed.log");
    Files.write(log, concat(bad, xid));

    CliRunner.Result result = CliRunner.run("xid", "parse", log.toString());

    assertThat(result.exit()).isZero();
    assertThat(result.out().lines()).singleElement().satisfies(line -> assertThat(line).startsWith("{\"line\": 2, "));
  }

  @Test
  void inputItCannotReadOrAnUnknownPolicyIsAClearError() {
    CliRunner.Result missing = CliRunner.run("xid", "parse", directory.resolve("nope.log").toString());
    CliRunner.Result policy = CliRunner.runWithInput("", "xid", "parse", "--severity-policy", "gke");

    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("cannot read").contains("nope.log");
    assertThat(policy.exit()).isEqualTo(2);
    assertThat(policy.err()).contains("'gke' is not a severity policy");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
