package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.distribution.HostRoot.Release;
import dev.gputel.testing.AgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code systemd/gputel.service}, checked by systemd's own tools against a root that
 * install.sh filled ({@link HostRoot}), so {@code ExecStart=/opt/gputel/bin/gputel} is there.
 */
class SystemdUnitIT {
  /** Measured 2.4 with systemd 252; a change that weakens the sandbox past this fails. */
  private static final double MAX_EXPOSURE = 3.0;
  private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for gputel\\.service: (\\d+\\.\\d+)");

  @TempDir static Path unpacked;
  @TempDir static Path rootDir;
  @TempDir static Path work;
  static Distribution distribution;
  static HostRoot root;
  static String unit;

  @BeforeAll
  static void install() throws Exception {
    distribution = Distribution.unpack(unpacked);
    root = HostRoot.create(rootDir, Release.AMAZON_LINUX_2023, true);
    AgentProcess.Result result = distribution.install(work, "--root", rootDir.toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    unit = Files.readString(distribution.home().resolve("systemd/gputel.service"));
  }

  @Test
  void systemdAnalyzeVerifiesTheInstalledUnitWithoutAWord() throws Exception {
    // verify exits 0 even for unknown keys and bad values, which it only prints: silence is the pass.
    AgentProcess.Result result = run("systemd-analyze", "--root=" + rootDir, "verify", "gputel.service");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout() + result.stderr()).as(result.toString()).isEmpty();
  }

  @Test
  void securityExposureStaysLow() throws Exception {
    AgentProcess.Result result = run("systemd-analyze", "security", "--offline=yes", "--root=" + rootDir,
        "gputel.service");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    Matcher exposure = EXPOSURE.matcher(result.stdout());
    assertThat(exposure.find()).as(result.toString()).isTrue();
    System.out.println("systemd-analyze security: gputel.service exposure " + exposure.group(1));
    assertThat(Double.parseDouble(exposure.group(1))).isLessThanOrEqualTo(MAX_EXPOSURE);
  }

  @Test
  void sandboxLeavesTheGpusTheJitAndTheJournalReachable() {
    List<String> settings = unit.lines().filter(line -> !line.startsWith("#") && line.contains("=")).toList();

    // Each of these would hide /dev/nvidia* (ProtectClock= implies DeviceAllow=char-rtc, which
    // closes every other device), forbid the JIT's W+X memory, or hide /proc/driver/nvidia.
    assertThat(settings).noneMatch(line -> line.matches(
        "(PrivateDevices|DevicePolicy|DeviceAllow|ProtectClock|MemoryDenyWriteExecute|ProcSubset|PrivateUsers)=.*"));
    assertThat(settings).contains("SupplementaryGroups=systemd-journal", "ProtectSystem=strict",
        "Restart=on-failure", "SuccessExitStatus=143", "StateDirectory=gputel", "LogsDirectory=gputel");
    assertThat(settings).anyMatch(line -> line.startsWith("After=") && line.contains("nvidia-persistenced.service"));
    assertThat(settings).as("ordering only: hosts without the daemon still run the agent")
        .noneMatch(line -> line.matches("(Wants|Requires|BindsTo|Requisite)=.*nvidia.*"));
  }

  private AgentProcess.Result run(String... command) throws Exception {
    return AgentProcess.launch(List.of(command), work, Distribution.environment()).finish(Distribution.COMMAND_TIMEOUT);
  }
}
