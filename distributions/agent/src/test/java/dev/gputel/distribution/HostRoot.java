package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A throwaway directory laid out like a fresh host, for {@code install.sh --root}: synthetic, not a
 * real distro image. It holds what the installer reads and edits, as each release writes it: the
 * {@code /etc/os-release} fields, {@code passwd}, {@code group}, {@code shadow} and {@code gshadow}
 * with root and the journal's group, {@code nologin} (both paths, the distros being usr-merged)
 * and, when asked, a Java 25 under {@code /usr/lib/jvm} (a link to the Java running the test)
 * beside a decoy Java 21 that sorts first. systemd's targets and slices are copies of this
 * machine's, so {@code systemd-analyze --root} and {@code systemctl --root} find the units the
 * unit depends on (copies: its services link to absolute paths that would not resolve in here).
 */
final class HostRoot {
  /** The releases the installer supports, and one it refuses. */
  enum Release {
    UBUNTU_24_04("""
        PRETTY_NAME="Ubuntu 24.04.1 LTS"
        NAME="Ubuntu"
        VERSION_ID="24.04"
        VERSION="24.04.1 LTS (Noble Numbat)"
        VERSION_CODENAME=noble
        ID=ubuntu
        ID_LIKE=debian
        """, 999, "java-25-openjdk-amd64", "/usr/sbin/nologin"),
    AMAZON_LINUX_2023("""
        NAME="Amazon Linux"
        VERSION="2023"
        ID="amzn"
        ID_LIKE="fedora"
        VERSION_ID="2023"
        PLATFORM_ID="platform:al2023"
        PRETTY_NAME="Amazon Linux 2023.6.20241212"
        """, 190, "java-25-amazon-corretto", "/sbin/nologin"),
    DEBIAN_12("""
        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
        NAME="Debian GNU/Linux"
        VERSION_ID="12"
        ID=debian
        """, 999, "java-25-openjdk-amd64", "/usr/sbin/nologin");

    final String osRelease;
    final int journalGid;
    final String javaDirectory;
    final String nologin;

    Release(String osRelease, int journalGid, String javaDirectory, String nologin) {
      this.osRelease = osRelease;
      this.journalGid = journalGid;
      this.javaDirectory = javaDirectory;
      this.nologin = nologin;
    }

    String javaHome() {
      return "/usr/lib/jvm/" + javaDirectory;
    }
  }

  private final Path dir;

  private HostRoot(Path dir) {
    this.dir = dir;
  }

  static HostRoot create(Path dir, Release release, boolean withJava) throws IOException {
    // Readable by the gputel user, which runs the agent from here in one test.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    HostRoot root = new HostRoot(dir);
    root.write("etc/os-release", release.osRelease);
    root.write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
    root.write("etc/group", "root:x:0:\nsystemd-journal:x:" + release.journalGid + ":\n");
    root.write("etc/shadow", "root:*:19000:0:99999:7:::\n");
    root.write("etc/gshadow", "root:*::\nsystemd-journal:!::\n");
    Files.setPosixFilePermissions(root.path("etc/shadow"), PosixFilePermissions.fromString("rw-r-----"));
    Files.setPosixFilePermissions(root.path("etc/gshadow"), PosixFilePermissions.fromString("rw-r-----"));
    root.write("usr/sbin/nologin", "#!/bin/sh\necho 'This account is currently not available.'\nexit 1\n");
    Files.setPosixFilePermissions(root.path("usr/sbin/nologin"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(root.path("sbin"), Path.of("usr/sbin"));
    Path units = Files.createDirectories(root.path("usr/lib/systemd/system"));
    try (Stream<Path> host = Files.list(hostUnitDirectory())) {
      for (Path unit : host.filter(u -> u.toString().endsWith(".target") || u.toString().endsWith(".slice"))
          .filter(u -> Files.isRegularFile(u, LinkOption.NOFOLLOW_LINKS)).toList()) {
        Files.copy(unit, units.resolve(unit.getFileName()));
      }
    }
    if (withJava) {
      Files.createDirectories(root.path("usr/lib/jvm"));
      Files.createSymbolicLink(root.path(release.javaHome().substring(1)), Path.of(System.getProperty("java.home")));
      root.write("usr/lib/jvm/java-21-decoy/bin/java",
          "#!/bin/sh\necho '    java.specification.version = 21' >&2\n");
      Files.setPosixFilePermissions(root.path("usr/lib/jvm/java-21-decoy/bin/java"),
          PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return root;
  }

  private static Path hostUnitDirectory() {
    return Stream.of("/usr/lib/systemd/system", "/lib/systemd/system").map(Path::of)
        .filter(unitDir -> Files.isRegularFile(unitDir.resolve("multi-user.target"))).findFirst()
        .orElseThrow(() -> new AssertionError("no systemd unit directory with multi-user.target on this machine;"
            + " install systemd (see the README's test prerequisites)"));
  }

  Path dir() {
    return dir;
  }

  Path path(String relative) {
    return dir.resolve(relative);
  }

  String read(String relative) throws IOException {
    return Files.readString(path(relative));
  }

  void write(String relative, String content) throws IOException {
    Files.createDirectories(path(relative).getParent());
    Files.writeString(path(relative), content);
  }

  /** The {@code /etc/passwd} entry of {@code user}, split into its seven fields. */
  Optional<List<String>> passwd(String user) throws IOException {
    return entry("etc/passwd", user);
  }

  /** The members of {@code group} in {@code /etc/group}. */
  List<String> members(String group) throws IOException {
    List<String> fields = entry("etc/group", group).orElseThrow();
    return fields.size() < 4 || fields.get(3).isEmpty() ? List.of() : List.of(fields.get(3).split(","));
  }

  Optional<List<String>> groupEntry(String group) throws IOException {
    return entry("etc/group", group);
  }

  private Optional<List<String>> entry(String file, String name) throws IOException {
    List<List<String>> matches = Files.readAllLines(path(file)).stream()
        .map(line -> List.of(line.split(":", -1))).filter(fields -> fields.getFirst().equals(name)).toList();
    assertThat(matches).as("%s entries for %s", file, name).hasSizeLessThanOrEqualTo(1);
    return matches.stream().findFirst();
  }

  int uid(Path file) throws IOException {
    return (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Every path under the root with its type, mode and content hash or link target: two equal
   * snapshots mean a run changed nothing. The shadow tools' backups ({@code passwd-}) and lock
   * are left out; what they back up is in.
   */
  Map<String, String> snapshot() throws IOException {
    Map<String, String> snapshot = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.filter(p -> !p.getFileName().toString().endsWith("-") && !p.getFileName().toString().equals(".pwd.lock"))
          .forEach(p -> snapshot.put(dir.relativize(p).toString(), describe(p)));
    }
    return snapshot;
  }

  private static String describe(Path path) {
    try {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
      String owner = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
          + Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
      if (Files.isSymbolicLink(path)) {
        return "link -> " + Files.readSymbolicLink(path);
      }
      if (Files.isDirectory(path)) {
        return "dir " + mode + " " + owner;
      }
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
      return "file " + mode + " " + owner + " " + HexFormat.of().formatHex(sha);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
