package dev.gputel.runtime.spool;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.gputel.spi.component.ConfigPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A durable spool: {@code spool} in an exporter's configuration.
 *
 * @param directory the spool's directory, or empty for the agent's default
 */
public record SpoolSettings(
    boolean enabled,
    Optional<Path> directory,
    long maxSize,
    long segmentSize,
    FsyncPolicy fsync,
    Duration fsyncInterval) {

  /** Reads {@code spool.*} of an exporter's configuration. */
  public static SpoolSettings from(Config config) {
    String fsync = config.getString("spool.fsync");
    FsyncPolicy policy;
    try {
      policy = FsyncPolicy.valueOf(fsync.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(
          config.getValue("spool.fsync").origin(), "spool.fsync",
          "'" + fsync + "' is not one of always, interval, never");
    }
    SpoolSettings settings =
        new SpoolSettings(
            config.getBoolean("spool.enabled"),
            config.getIsNull("spool.directory") ? Optional.empty() : Optional.of(ConfigPaths.path(config, "spool.directory")),
            config.getBytes("spool.max-size"),
            config.getBytes("spool.segment-size"),
            policy,
            config.getDuration("spool.fsync-interval"));
    if (settings.segmentSize < 4096) {
      throw new ConfigException.BadValue(
          config.getValue("spool.segment-size").origin(), "spool.segment-size", "must be at least 4KiB");
    }
    if (settings.maxSize < settings.segmentSize) {
      throw new ConfigException.BadValue(
          config.getValue("spool.max-size").origin(), "spool.max-size", "must be at least segment-size");
    }
    return settings;
  }

  /** Returns settings for tests and tools: enabled, in {@code directory}. */
  public static SpoolSettings of(Path directory, long maxSize, long segmentSize, FsyncPolicy fsync) {
    return new SpoolSettings(true, Optional.of(directory), maxSize, segmentSize, fsync, Duration.ofSeconds(1));
  }
}
