package dev.gputel.runtime.exporter;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/** The in-memory queue in front of an exporter: {@code queue} in its configuration. */
public record QueueSettings(int size, int workers) {

  /** Reads {@code queue.*} of an exporter's configuration. */
  public static QueueSettings from(Config config) {
    int size = config.getInt("queue.size");
    int workers = config.getInt("queue.workers");
    if (size < 1) {
      throw new ConfigException.BadValue(config.getValue("queue.size").origin(), "queue.size", "must be at least 1");
    }
    if (workers < 1) {
      throw new ConfigException.BadValue(
          config.getValue("queue.workers").origin(), "queue.workers", "must be at least 1");
    }
    return new QueueSettings(size, workers);
  }
}
