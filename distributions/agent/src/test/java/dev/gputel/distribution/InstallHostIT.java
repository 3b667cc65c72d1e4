package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.distribution.HostRoot.Release;
import dev.gputel.testing.AgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code install/install.sh --root DIR} from the unpacked tarball into a throwaway host root
 * ({@link HostRoot}): the real useradd, usermod and {@code systemctl --root enable} edit the root's
 * files; and {@code install.sh} on a live system, in a {@link Chroot}. Creating users needs root,
 * as on a real host; CI runs as root.
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
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.path("etc/gputel/gputel.conf"))))
        .as("it may hold credentials").isEqualTo("rw-r-----");
    assertThat(Files.getAttribute(root.path("etc/gputel/gputel.conf"), "unix:gid")).isEqualTo(Integer.parseInt(user.get(3)));

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

    assertThat(installFrom(release("0.1.1-synthetic"), root).exitCode()).as("a re-run").isZero();
    assertThat(root.path("opt/gputel-" + Distribution.VERSION)).as("a re-run keeps the rollback target").exists();

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

    AgentProcess.Result uninstall = install(root, "--uninstall");

    assertThat(uninstall.exitCode()).as("removing needs no --force: " + uninstall).isZero();
    assertThat(root.path(HOME)).doesNotExist();
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
  void installsOnALiveSystemAndTheUnitsCommandServesHealthzAsItsUser() throws Exception {
    HostRoot root = HostRoot.create(rootDir, Release.UBUNTU_24_04, false);
    copy(distribution.home(), root.path("tmp/gputel"));
    // The demo, included the way docs/install.md tells operators to try it.
    root.write("tmp/demo.conf", "include file(\"/opt/gputel/config/demo.conf\")\n");

    // install.sh with no --root, in a chroot: getent, useradd, systemctl enable as on a host.
    AgentProcess.Result install = Chroot.launch(root, work, Distribution.environment(),
        List.of("/tmp/gputel/install/install.sh", "--config", "/tmp/demo.conf")).finish(Distribution.COMMAND_TIMEOUT);

    assertThat(install.exitCode()).as(install.toString()).isZero();
    assertThat(install.stdout()).contains("systemd is not running here, so it starts at the next boot");
    assertThat(root.passwd("gputel").orElseThrow().get(6)).isEqualTo("/usr/sbin/nologin");
    assertThat(root.members("systemd-journal")).containsExactly("gputel");
    assertThat(root.path("etc/systemd/system/multi-user.target.wants/gputel.service")).isSymbolicLink();
    assertThat(root.read("etc/gputel/gputel.conf")).isEqualTo(root.read("tmp/demo.conf"));

    // Then what systemd would run: the unit's ExecStart, User=, Group=, SupplementaryGroups= and
    // Environment= (the java.conf drop-in's included), read from the installed files.
    List<String> unit = new ArrayList<>(root.read("etc/systemd/system/gputel.service").lines().toList());
    unit.addAll(root.read("etc/systemd/system/gputel.service.d/java.conf").lines().toList());
    int port = AgentProcess.freePort();
    List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + setting(unit, "User"),
        "--regid=" + setting(unit, "Group"), "--groups=" + setting(unit, "SupplementaryGroups"),
        "env", "-i", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin", "GPUTEL_ADMIN_PORT=" + port));
    unit.stream().filter(line -> line.startsWith("Environment=")).map(line -> line.substring("Environment=".length()))
        .forEach(command::add);
    command.addAll(List.of(setting(unit, "ExecStart").split(" ")));
    int uid = Integer.parseInt(root.passwd("gputel").orElseThrow().get(2));

    try (AgentProcess agent = Chroot.launch(root, work, Distribution.environment(), command)) {
      String health = agent.awaitHttp(port, "/healthz", Duration.ofSeconds(60),
          body -> body.contains("\"status\":\"ok\""));
      assertThat(health).contains("\"receiver/replay\"");
      try (Stream<Path> written = Files.list(root.path("var/lib/gputel"))) {
        assertThat(written.toList()).as("state the agent wrote into /var/lib/gputel").isNotEmpty()
            .allSatisfy(p -> assertThat(root.uid(p)).as("owner of " + p).isEqualTo(uid));
      }
      agent.terminate();
      AgentProcess.Result result = agent.finish(Duration.ofSeconds(20));
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(RunDemoIT.STOPPED_BY_SIGTERM);
    }
  }

  @AfterEach
  void nothingStaysMounted() throws Exception {
    List<String> leaked = Chroot.mountsUnder(rootDir);
    for (String point : leaked) {
      new ProcessBuilder("umount", "-l", point).inheritIO().start().waitFor();
    }
    assertThat(leaked).as("mounts of the chroot visible outside its namespace").isEmpty();
  }

  private static String setting(List<String> unit, String key) {
    return unit.stream().filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1))
        .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("the unit has no " + key + "="));
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
    if (Files.exists(copy)) {
      return copy;
    }
    copy(distribution.home(), copy);
    Files.writeString(copy.resolve("VERSION"), version + "\n");
    return copy;
  }

  /** cp -a: modes and links as they are. */
  private static void copy(Path from, Path to) throws Exception {
    Files.createDirectories(to.getParent());
    Process cp = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start();
    assertThat(cp.waitFor()).isZero();
  }

  private static List<String> installedVersions(HostRoot root) throws Exception {
    try (Stream<Path> opt = Files.list(root.path("opt"))) {
      return opt.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("gputel-")).toList();
    }
  }
}
