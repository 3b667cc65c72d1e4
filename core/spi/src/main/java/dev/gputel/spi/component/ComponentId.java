package dev.gputel.spi.component;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of one configured component instance: {@code type} or {@code type/name}, as in
 * {@code nvidia-smi} or {@code nvidia-smi/fast}.
 */
public record ComponentId(ComponentKind kind, String type, String name) {
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  public ComponentId {
    Objects.requireNonNull(kind, "kind");
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "'" + type + "' is not a valid component type: use kebab-case, as in nvidia-smi");
    }
    if (!name.isEmpty() && !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a valid instance name: use letters, digits, '.', '_' or '-'");
    }
  }

  /** Parses {@code type} or {@code type/name}. */
  public static ComponentId parse(ComponentKind kind, String id) {
    int slash = id.indexOf('/');
    return slash < 0
        ? new ComponentId(kind, id, "")
        : new ComponentId(kind, id.substring(0, slash), id.substring(slash + 1));
  }

  @Override
  public String toString() {
    return name.isEmpty() ? type : type + "/" + name;
  }
}
