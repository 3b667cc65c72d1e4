package dev.gputel.cloudwatch;

import dev.gputel.aws.AwsResourceKeys;
import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.spi.data.Attributes;
import java.util.Map;
import java.util.Optional;

/**
 * One dimension of the published metrics: its name and where its value comes from. A value that is
 * unknown (null) leaves the dimension out of that datum, as the CloudWatch agent leaves out a tag
 * whose value is empty.
 *
 * @param key the attribute read, or the literal value for {@link Source#STATIC}
 */
public record DimensionSpec(String name, Source source, String key) {
  /** The dimension named {@code host}. */
  public static final String HOST = "host";

  /** The CloudWatch agent's placeholders and the resource attributes resource-detection sets for them. */
  public static final Map<String, String> AWS_PLACEHOLDERS = AwsResourceKeys.cloudWatchAgentNames();

  public enum Source {
    /** The resource's host.name, else the local hostname. */
    HOST,
    /** A point attribute (the GPU identity). */
    POINT,
    /** A resource attribute (a ${aws:...} placeholder). */
    RESOURCE,
    /** A point attribute, else the resource's. */
    POINT_OR_RESOURCE,
    STATIC
  }

  /** Returns the spec of a name in {@code dimensions}: host or a GPU identity dimension. */
  public static Optional<DimensionSpec> builtIn(String name) {
    if (HOST.equals(name)) {
      return Optional.of(new DimensionSpec(HOST, Source.HOST, "host.name"));
    }
    for (GpuIdentityField field : GpuIdentityField.values()) {
      if (field.cloudWatchDimension().equals(name)) {
        return Optional.of(new DimensionSpec(name, Source.POINT, field.attribute()));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the spec of an {@code append-dimensions} entry.
   *
   * @throws IllegalArgumentException for a placeholder this exporter does not know
   */
  public static DimensionSpec appended(String name, String value) {
    if (value.startsWith("${") && value.endsWith("}")) {
      String inner = value.substring(2, value.length() - 1);
      if (inner.startsWith("aws:")) {
        String attribute = AWS_PLACEHOLDERS.get(inner.substring(4));
        if (attribute == null) {
          throw new IllegalArgumentException("'" + value + "' is not one of "
              + String.join(", ", AWS_PLACEHOLDERS.keySet().stream().sorted().map(k -> "${aws:" + k + "}").toList()));
        }
        return new DimensionSpec(name, Source.RESOURCE, attribute);
      }
      if (inner.startsWith("attribute:") && inner.length() > "attribute:".length()) {
        return new DimensionSpec(name, Source.POINT_OR_RESOURCE, inner.substring("attribute:".length()));
      }
      throw new IllegalArgumentException("'" + value + "' is neither ${aws:...} nor ${attribute:<key>}");
    }
    return new DimensionSpec(name, Source.STATIC, value);
  }

  /** Returns the value for a point of this resource, or null when it is unknown or empty. */
  public String value(Attributes point, Attributes resource, String localHostname) {
    String value = switch (source) {
      case HOST -> {
        String fromResource = resource.getString(key);
        yield fromResource != null ? fromResource : localHostname;
      }
      case POINT -> point.getString(key);
      case RESOURCE -> resource.getString(key);
      case POINT_OR_RESOURCE -> {
        String fromPoint = point.getString(key);
        yield fromPoint != null ? fromPoint : resource.getString(key);
      }
      case STATIC -> key;
    };
    return value == null || value.isEmpty() ? null : value;
  }
}
