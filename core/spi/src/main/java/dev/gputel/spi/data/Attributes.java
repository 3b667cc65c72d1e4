package dev.gputel.spi.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered set of key/value attributes; values are {@link String}, {@link Long},
 * {@link Double} or {@link Boolean}.
 *
 * <p>Keys follow OpenTelemetry semantic conventions where one exists ({@code hw.id},
 * {@code cloud.region}) and gputel's own {@code gpu.*} / {@code xid.*} names otherwise. Points of one
 * GPU usually share one instance, so creating attributes is a per-GPU cost, not a per-point one.
 */
public final class Attributes {
  private static final Attributes EMPTY = new Attributes(Map.of());

  private final Map<String, Object> values;

  private Attributes(Map<String, Object> values) {
    this.values = values;
  }

  /** Returns the attributes with no entries. */
  public static Attributes empty() {
    return EMPTY;
  }

  /** Returns attributes holding one entry. */
  public static Attributes of(String key, Object value) {
    return builder().put(key, value).build();
  }

  /** Returns attributes holding two entries, in this order. */
  public static Attributes of(String key1, Object value1, String key2, Object value2) {
    return builder().put(key1, value1).put(key2, value2).build();
  }

  /** Returns a builder that starts empty. */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /** Returns a builder that starts with these attributes. */
  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(values));
  }

  /** Returns these attributes with one entry added or replaced. */
  public Attributes with(String key, Object value) {
    return toBuilder().put(key, value).build();
  }

  /** Returns these attributes with every entry of {@code other} added or replaced. */
  public Attributes withAll(Attributes other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    return toBuilder().putAll(other).build();
  }

  /** Returns the value of {@code key}, or null. */
  public Object get(String key) {
    return values.get(key);
  }

  /** Returns the value of {@code key} as text, or null when absent. */
  public String getString(String key) {
    Object value = values.get(key);
    return value == null ? null : value.toString();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public int size() {
    return values.size();
  }

  /** Calls {@code action} for every entry in insertion order. */
  public void forEach(BiConsumer<String, Object> action) {
    values.forEach(action);
  }

  /** Returns an unmodifiable view of the entries in insertion order. */
  public Map<String, Object> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attributes other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Collects entries for an {@link Attributes}; later puts of a key replace earlier ones. */
  public static final class Builder {
    private final LinkedHashMap<String, Object> values;

    private Builder(LinkedHashMap<String, Object> values) {
      this.values = values;
    }

    /** Adds or replaces an entry; a null value removes the key. */
    public Builder put(String key, Object value) {
      Objects.requireNonNull(key, "key");
      if (value == null) {
        values.remove(key);
      } else {
        values.put(key, normalize(key, value));
      }
      return this;
    }

    public Builder putAll(Attributes other) {
      values.putAll(other.values);
      return this;
    }

    public Builder remove(String key) {
      values.remove(key);
      return this;
    }

    public Attributes build() {
      return values.isEmpty()
          ? EMPTY
          : new Attributes(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    private static Object normalize(String key, Object value) {
      return switch (value) {
        case String s -> s;
        case Long l -> l;
        case Integer i -> i.longValue();
        case Short s -> s.longValue();
        case Double d -> d;
        case Float f -> f.doubleValue();
        case Boolean b -> b;
        default ->
            throw new IllegalArgumentException(
                "attribute '" + key + "' has unsupported type " + value.getClass().getName());
      };
    }
  }
}
