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
    // "Invalid value at 'retry.max-interval': ..." names the key relative to the component.
    java.util.regex.Matcher relative = RELATIVE_PATH.matcher(message);
    if (relative.matches() && !pathPrefix.isEmpty()) {
      return new ConfigProblem(location(origin), pathPrefix + "." + relative.group(1), relative.group(2));
    }
    return new ConfigProblem(location(origin), pathPrefix, message);
  }

  private static final java.util.regex.Pattern RELATIVE_PATH =
      java.util.regex.Pattern.compile("Invalid value at '([^']+)': (.*)", java.util.regex.Pattern.DOTALL);

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
