package dev.gputel.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of the agent, written into the jar at build time. */
public final class AgentVersion {
  private static final String VERSION = load();

  private AgentVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = AgentVersion.class.getResourceAsStream("/dev/gputel/runtime/agent.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("agent.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
