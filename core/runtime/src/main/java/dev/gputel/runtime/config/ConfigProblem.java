package dev.gputel.runtime.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;

/**
 * One thing wrong with a configuration, located by file, line and path so that a user can go
 * straight to it: {@code gputel.conf:12: gputel.receivers.replay.intervall: unknown key}.
 */
public record ConfigProblem(String location, String path, String message) {

  /** Returns a problem located at {@code origin}, which may be null. */
  public static ConfigProblem at(ConfigOrigin origin, String path, String message) {
    return new ConfigProblem(location(origin), path, message);
  }

  /** Converts an exception thrown while reading a value, keeping its origin. */
  public static ConfigProblem of(ConfigException e, String pathPrefix) {
    ConfigOrigin origin = e.origin();
    String message = e.getMessage();
    if (origin != null && message.startsWith(origin.description() + ": ")) {
      message = message.substring(origin.description().length() + 2);
    }
    // The library names the key relative to the component ("Invalid value at 'retry.max-interval':
    // ...", "admin.port has type STRING rather than NUMBER"); give the full path instead.
    String path = pathPrefix;
    for (java.util.regex.Pattern pattern : RELATIVE_PATHS) {
      java.util.regex.Matcher relative = pattern.matcher(message);
      if (relative.matches() && !pathPrefix.isEmpty()) {
        path = pathPrefix + "." + relative.group(1);
        message = relative.group(2);
        break;
      }
    }
    return new ConfigProblem(location(origin), path, message + hint(message));
  }

  private static final java.util.List<java.util.regex.Pattern> RELATIVE_PATHS = java.util.List.of(
      java.util.regex.Pattern.compile("Invalid value at '([^']+)': (.*)", java.util.regex.Pattern.DOTALL),
      java.util.regex.Pattern.compile("([\\w.\"/-]+) (has type .*)", java.util.regex.Pattern.DOTALL));

  /** Shows the accepted form after the library's terse complaint about a duration or size. */
  private static String hint(String message) {
    if (message.contains("duration")) {
      return " (write a number and a unit, as in 10s, 500ms, 5m)";
    }
    if (message.contains("size-in-bytes") || message.contains("memory size") || message.contains("byte")) {
      return " (write a number and a unit, as in 64MiB, 512KiB, 1GiB)";
    }
    return "";
  }

  private static String location(ConfigOrigin origin) {
    if (origin == null) {
      return "";
    }
    String file = origin.filename() != null ? origin.filename() : origin.description();
    return origin.lineNumber() > 0 ? file + ":" + origin.lineNumber() : file;
  }

  @Override
  public String toString() {
    String prefix = location.isEmpty() ? "" : location + ": ";
    return prefix + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
