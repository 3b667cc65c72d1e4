package dev.gputel.spi.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this SPI, which plugins name in their {@code Plugin-Requires}. */
public final class SpiVersion {
  private static final String VERSION = load();

  private SpiVersion() {}

  /** Returns the SPI version, as in {@code 0.1.0}. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = SpiVersion.class.getResourceAsStream("/dev/gputel/spi/version.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("spi.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
