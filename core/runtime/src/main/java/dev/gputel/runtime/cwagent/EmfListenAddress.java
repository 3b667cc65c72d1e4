package dev.gputel.runtime.cwagent;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's {@code emf.service_address}: {@code udp://host:port} or {@code tcp:host:port} (the
 * agent accepts both spellings) listens on that transport only; without it the agent listens on
 * TCP and UDP at 0.0.0.0:25888.
 */
final class EmfListenAddress {
  static final String DEFAULT = "0.0.0.0:25888";
  private static final Pattern ADDRESS = Pattern.compile("(tcp|udp):(?://)?(.+:\\d+)");

  private EmfListenAddress() {}

  static boolean valid(String serviceAddress) {
    return ADDRESS.matcher(serviceAddress).matches();
  }

  static void write(Optional<String> serviceAddress, HoconWriter out) {
    if (serviceAddress.isEmpty()) {
      out.string("tcp", DEFAULT);
      out.string("udp", DEFAULT);
      return;
    }
    Matcher address = ADDRESS.matcher(serviceAddress.get());
    if (!address.matches()) {
      throw new IllegalArgumentException("'" + serviceAddress.get() + "' is not udp://host:port or tcp:host:port");
    }
    boolean tcp = address.group(1).equals("tcp");
    out.raw("tcp", tcp ? HoconWriter.quote(address.group(2)) : "null");
    out.raw("udp", tcp ? "null" : HoconWriter.quote(address.group(2)));
  }

  /** Each document unchanged with the EMF header, to the group and stream it names itself. */
  static void writeExporterFormat(HoconWriter out) {
    out.raw("format", "raw-emf");
    out.raw("route-by-event", "true");
  }
}
