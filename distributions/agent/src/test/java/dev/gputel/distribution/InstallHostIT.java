package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.distribution.HostRoot.Release;
import dev.gputel.testing.AgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code install/install.sh --root DIR} from the unpacked tarball into a throwaway host root
 * ({@link HostRoot}): the real useradd, usermod and {@code systemctl --root enable} edit the root's
 * files. Creating users needs root, as on a real host; CI runs as root.
 */
class InstallHostIT {
  private static final String HOME = "opt/gputel";

  @TempDir static Path unpacked;
  static Distribution distribution;

  @TempDir Path rootDir;
  @TempDir Path work;

  @BeforeAll
  static void unpack() throws Exception {
    assertThat(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
        .as("install.sh creates a system user, which needs root: run these tests as root (CI does)")
        .isEqualTo(0);
    distribution = Distribution.unpack(unpacked);
  }

  @ParameterizedTest
  @EnumSource(names = {"UBUNTU_24_04", "AMAZON_LINUX_2023"})
  void installsUserFilesUnitAndConfiguration(Release release) throws Exception {
    HostRoot root = HostRoot.create(rootDir, release, true);

    AgentProcess.Result result = install(root);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<String> user = root.passwd("gputel").orElseThrow();
    assertThat(user.get(6)).as("login shell, as %s writes it", release).isEqualTo(release.nologin);
    assertThat(user.get(5)).isEqualTo("/var/lib/gputel");
    assertThat(Integer.parseInt(user.get(2))).as("a system uid").isLessThan(1000);
    assertThat(root.members("systemd-journal")).containsExactly("gputel");
    assertThat(root.groupEntry("gputel")).as("its own group").isPresent();

    assertThat(Files.readSymbolicLink(root.path(HOME))).isEqualTo(Path.of("gputel-" + Distribution.VERSION));
    assertThat(root.path(HOME + "/bin/gputel")).isExecutable();
    assertThat(root.read("etc/systemd/system/gputel.service"))
        .isEqualTo(Files.readString(distribution.home().resolve("systemd/gputel.service")));
    assertThat(Files.readSymbolicLink(root.path("etc/systemd/system/multi-user.target.wants/gputel.service")))
        .as("enabled by systemctl --root").isEqualTo(Path.of("/etc/systemd/system/gputel.service"));
    assertThat(root.read("etc/systemd/system/gputel.service.d/java.conf"))
        .as("the Java 25, not the decoy Java 21 that sorts first")
        .contains("Environment=JAVA_HOME=" + release.javaHome() + "\n");
    assertThat(root.read("etc/gputel/gputel.conf")).contains("include file(\"/opt/gputel/config/gpu-host.conf\")");

    int uid = Integer.parseInt(user.get(2));
    for (String dir : List.of("var/lib/gputel", "var/log/gputel")) {
      assertThat(root.uid(root.path(dir))).as(dir + " owner").isEqualTo(uid);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.path(dir)))).isEqualTo("rwxr-x---");
    }
  }

  @Test
  void aSecondRunChangesNothing() throws Exception {
    HostRoot root = HostRoot.create(rootDir, Release.UBUNTU_24_04, true);
    assertThat(install(root).exitCode()).isZero();
    var before = root.snapshot();

    AgentProcess.Result again = install(root);

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.stdout()).contains("user gputel exists", "keeping the configuration");
    assertThat(root.snapshot()).isEqualTo(before);
  }

  @Test
  void upgradeKeepsConfigurationStateAndThePreviousVersion() throws Exception {
    HostRoot root = HostRoot.create(rootDir, Release.AMAZON_LINUX_2023, true);
    assertThat(install(root).exitCode()).isZero();
    root.write("etc/gputel/gputel.conf", "# edited by the operator\n");
    root.write("var/lib/gputel/spool/batch-1", "queued before the upgrade");
    String user = root.read("etc/passwd");

    // Synthetic next releases: copies of this distribution that only claim a later version.
    AgentProcess.Result upgrade = installFrom(release("0.1.1-synthetic"), root);

    assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
    assertThat(upgrade.stdout()).contains("upgraded gputel-" + Distribution.VERSION + " -> gputel-0.1.1-synthetic");
    assertThat(Files.readSymbolicLink(root.path(HOME))).isEqualTo(Path.of("gputel-0.1.1-synthetic"));
    assertThat(root.read("etc/gputel/gputel.conf")).isEqualTo("# edited by the operator\n");
    assertThat(root.read("var/lib/gputel/spool/batch-1")).isEqualTo("queued before the upgrade");
    assertThat(root.read("etc/passwd")).isEqualTo(user);
    assertThat(root.path("opt/gputel-" + Distribution.VERSION + "/bin/gputel")).as("kept for a rollback").exists();

    assertThat(installFrom(release("0.1.2-synthetic"), root).exitCode()).isZero();

    assertThat(installedVersions(root)).as("the current and the previous one")
        .containsExactlyInAnyOrder("gputel-0.1.1-synthetic", "gputel-0.1.2-synthetic");
  }

  @Test
  void uninstallKeepsConfigurationStateAndUserUnlessPurged() throws Exception {
    HostRoot root = HostRoot.create(rootDir, Release.UBUNTU_24_04, true);
    assertThat(install(root).exitCode()).isZero();
    root.write("var/lib/gputel/kmsg.state", "cursor");

    AgentProcess.Result uninstall = install(root, "--uninstall");

    assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
    assertThat(root.path(HOME)).doesNotExist();
    assertThat(installedVersions(root)).isEmpty();
    assertThat(root.path("etc/systemd/system/gputel.service")).doesNotExist();
    assertThat(root.path("etc/systemd/system/gputel.service.d")).doesNotExist();
    assertThat(root.path("etc/systemd/system/multi-user.target.wants/gputel.service")).doesNotExist();
    assertThat(root.path("etc/gputel/gputel.conf")).exists();
    assertThat(root.path("var/lib/gputel/kmsg.state")).exists();
    assertThat(root.passwd("gputel")).isPresent();

    AgentProcess.Result purge = install(root, "--uninstall", "--purge");

    assertThat(purge.exitCode()).as(purge.toString()).isZero();
    assertThat(root.path("etc/gputel")).doesNotExist();
    assertThat(root.path("var/lib/gputel")).doesNotExist();
    assertThat(root.path("var/log/gputel")).doesNotExist();
    assertThat(root.passwd("gputel")).isEmpty();
  }

  @Test
  void refusesAnUnknownDistributionUnlessForced() throws Exception {
    HostRoot root = HostRoot.create(rootDir, Release.DEBIAN_12, true);

    AgentProcess.Result refused = install(root);

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stderr()).contains("this is 'Debian GNU/Linux 12 (bookworm)', not Amazon Linux 2023 or Ubuntu",
        "--force");
    assertThat(root.path(HOME)).doesNotExist();
    assertThat(root.passwd("gputel")).isEmpty();

    AgentProcess.Result forced = install(root, "--force");

    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(root.passwd("gputel").orElseThrow().get(6)).isEqualTo("/usr/sbin/nologin");
  }

  @ParameterizedTest
  @EnumSource(names = {"UBUNTU_24_04", "AMAZON_LINUX_2023"})
  void withoutJava25ItNamesThePackageAndChangesNothing(Release release) throws Exception {
    HostRoot root = HostRoot.create(rootDir, release, false);
    var before = root.snapshot();

    AgentProcess.Result result = install(root);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains(switch (release) {
      case UBUNTU_24_04 -> "sudo apt-get update && sudo apt-get install -y openjdk-25-jre-headless";
      case AMAZON_LINUX_2023 -> "sudo dnf install -y java-25-amazon-corretto-headless";
      case DEBIAN_12 -> throw new IllegalArgumentException();
    }, "--install-java");
    assertThat(root.snapshot()).isEqualTo(before);
  }

  @Test
  void installedAgentServesHealthzAsTheGputelUser() throws Exception {
    HostRoot root = HostRoot.create(rootDir, Release.UBUNTU_24_04, true);
    // The demo, included the way docs/install.md tells operators to try it.
    Path config = work.resolve("demo-include.conf");
    Files.writeString(config, "include file(\"" + root.path(HOME + "/config/demo.conf") + "\")\n");
    assertThat(install(root, "--config", config.toString()).exitCode()).isZero();
    assertThat(root.read("etc/gputel/gputel.conf")).isEqualTo(Files.readString(config));
    List<String> user = root.passwd("gputel").orElseThrow();
    Path data = root.path("var/lib/gputel");
    int port = AgentProcess.freePort();
    Map<String, String> environment = new HashMap<>(Distribution.environment());
    environment.put("JAVA_HOME", root.path(Release.UBUNTU_24_04.javaHome().substring(1)).toString());
    environment.put("GPUTEL_ADMIN_PORT", String.valueOf(port));
    environment.put("GPUTEL_DATA_DIR", data.toString());
    // As the unit runs it: the gputel user and group, the journal's group besides.
    List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + user.get(2), "--regid=" + user.get(3),
        "--groups=" + root.groupEntry("systemd-journal").orElseThrow().get(2),
        root.path(HOME + "/bin/gputel").toString(), "run", "--config", root.path("etc/gputel/gputel.conf").toString()));
    Path agentWork = Files.createDirectories(work.resolve("agent"));
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(agentWork, PosixFilePermissions.fromString("rwxrwxrwx"));

    try (AgentProcess agent = AgentProcess.launch(command, agentWork, environment)) {
      String health = agent.awaitHttp(port, "/healthz", Duration.ofSeconds(60),
          body -> body.contains("\"status\":\"ok\""));
      assertThat(health).contains("\"receiver/replay\"");
      try (Stream<Path> written = Files.list(data)) {
        assertThat(written.toList()).as("state the agent wrote into /var/lib/gputel").isNotEmpty()
            .allSatisfy(p -> assertThat(root.uid(p)).isEqualTo(Integer.parseInt(user.get(2))));
      }
      agent.terminate();
      AgentProcess.Result result = agent.finish(Duration.ofSeconds(20));
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(RunDemoIT.STOPPED_BY_SIGTERM);
    }
  }

  private AgentProcess.Result install(HostRoot root, String... options) throws Exception {
    return distribution.install(work, withRoot(root, options));
  }

  private AgentProcess.Result installFrom(Path home, HostRoot root) throws Exception {
    return Distribution.start(home.resolve("install/install.sh"), work, Distribution.environment(),
        withRoot(root)).finish(Distribution.COMMAND_TIMEOUT);
  }

  private static String[] withRoot(HostRoot root, String... options) {
    return Stream.concat(Stream.of("--root", root.dir().toString()), Stream.of(options)).toArray(String[]::new);
  }

  /** A copy of the unpacked distribution whose VERSION says {@code version}. */
  private Path release(String version) throws Exception {
    Path copy = work.resolve("gputel-" + version);
    Process cp = new ProcessBuilder("cp", "-a", distribution.home().toString(), copy.toString()).inheritIO().start();
    assertThat(cp.waitFor()).isZero();
    Files.writeString(copy.resolve("VERSION"), version + "\n");
    return copy;
  }

  private static List<String> installedVersions(HostRoot root) throws Exception {
    try (Stream<Path> opt = Files.list(root.path("opt"))) {
      return opt.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("gputel-")).toList();
    }
  }
}
