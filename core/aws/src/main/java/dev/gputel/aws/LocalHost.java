package dev.gputel.aws;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Optional;

/**
 * The machine's own name and address, for the placeholders that fall back to them when instance
 * metadata is missing ({@code {hostname}}, {@code {local_hostname}}, {@code {ip_address}}).
 */
public interface LocalHost {

  /** Returns the operating system's host name, or {@code UNKNOWN-HOST} when it cannot be read. */
  String hostname();

  /** Returns the first IPv4 address of an interface that is up and not loopback. */
  Optional<String> firstIpv4();

  /** Returns fixed answers, for tests and tools. */
  static LocalHost of(String hostname, String ipv4) {
    return new LocalHost() {
      @Override
      public String hostname() {
        return hostname;
      }

      @Override
      public Optional<String> firstIpv4() {
        return Optional.ofNullable(ipv4);
      }
    };
  }

  /** Returns this machine's answers, read again at most once a minute (addresses change). */
  static LocalHost system() {
    return SystemLocalHost.INSTANCE;
  }

  /** Reads the real answers; caches them for a minute because a lookup may touch DNS. */
  final class SystemLocalHost implements LocalHost {
    private static final SystemLocalHost INSTANCE = new SystemLocalHost();
    private static final long TTL_NANOS = 60_000_000_000L;

    private record Answers(String hostname, Optional<String> ipv4, long readAt) {}

    private volatile Answers answers;

    private SystemLocalHost() {}

    @Override
    public String hostname() {
      return current().hostname();
    }

    @Override
    public Optional<String> firstIpv4() {
      return current().ipv4();
    }

    private Answers current() {
      Answers now = answers;
      long time = System.nanoTime();
      if (now == null || time - now.readAt() > TTL_NANOS) {
        now = new Answers(readHostname(), readIpv4(), time);
        answers = now;
      }
      return now;
    }

    private static String readHostname() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return PlaceholderResolver.UNKNOWN_HOST;
      }
    }

    private static Optional<String> readIpv4() {
      try {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          if (!nic.isUp() || nic.isLoopback()) {
            continue;
          }
          for (InetAddress address : Collections.list(nic.getInetAddresses())) {
            if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
              return Optional.of(address.getHostAddress());
            }
          }
        }
      } catch (SocketException e) {
        // No interface list: the caller falls back to UNKNOWN-IP, as the CloudWatch agent does.
      }
      return Optional.empty();
    }
  }
}
