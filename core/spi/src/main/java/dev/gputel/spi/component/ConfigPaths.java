package dev.gputel.spi.component;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads file paths from configuration. A relative path is taken relative to the directory of the
 * file that sets it, so a configuration and the files it names can move together.
 */
public final class ConfigPaths {
  private ConfigPaths() {}

  /** Returns the path at {@code key}, resolved against the file that sets it. */
  public static Path path(Config config, String key) {
    return resolve(config.getValue(key).origin(), config.getString(key));
  }

  /** Returns the list of paths at {@code key}, each resolved against the file that sets it. */
  public static List<Path> paths(Config config, String key) {
    List<Path> paths = new ArrayList<>();
    for (ConfigValue value : config.getList(key)) {
      paths.add(resolve(value.origin(), String.valueOf(value.unwrapped())));
    }
    return paths;
  }

  private static Path resolve(ConfigOrigin origin, String text) {
    Path path = Path.of(text);
    if (path.isAbsolute() || origin == null || origin.filename() == null) {
      return path;
    }
    Path parent = Path.of(origin.filename()).toAbsolutePath().getParent();
    return parent == null ? path : parent.resolve(path).normalize();
  }
}
