package dev.gputel.exporter.cloudwatchlogs;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import dev.gputel.spi.data.Resource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log group or stream name with the CloudWatch agent's placeholders, resolved at each export from
 * the batch's resource, so a name follows what resource detection learns after start.
 */
final class NameTemplate {
  static final Set<String> PLACEHOLDERS = Set.of(
      "instance_id", "hostname", "local_hostname", "ip_address", "aws_region", "account_id", "date");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  /** What a placeholder falls back to when the resource lacks it. */
  record Fallbacks(Supplier<String> hostname, Supplier<String> ipAddress, Supplier<String> region) {}

  private final String template;
  private final boolean group;
  private final Fallbacks fallbacks;

  private NameTemplate(String template, boolean group, Fallbacks fallbacks) {
    this.template = template;
    this.group = group;
    this.fallbacks = fallbacks;
  }

  static NameTemplate group(String template, Fallbacks fallbacks) {
    return new NameTemplate(template, true, fallbacks);
  }

  static NameTemplate stream(String template, Fallbacks fallbacks) {
    return new NameTemplate(template, false, fallbacks);
  }

  /** Rejects a placeholder this exporter does not know, naming it and where it was set. */
  static void check(String template, ConfigOrigin origin, String key) {
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        throw new ConfigException.BadValue(origin, key, "unknown placeholder {" + m.group(1)
            + "}; known: " + PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList());
      }
    }
  }

  /** Resolves the name for a batch from {@code resource} at {@code now}. */
  String resolve(Resource resource, Instant now) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(clean(value(m.group(1), resource, now))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String value(String placeholder, Resource resource, Instant now) {
    return switch (placeholder) {
      case "instance_id" -> or(resource.attributes().getString("host.id"), fallbacks.hostname());
      case "hostname" -> or(resource.attributes().getString("host.name"), fallbacks.hostname());
      case "local_hostname" -> fallbacks.hostname().get();
      case "ip_address" -> or(resource.attributes().getString("host.ip"), fallbacks.ipAddress());
      case "aws_region" -> or(resource.attributes().getString("cloud.region"), fallbacks.region());
      case "account_id" -> or(resource.attributes().getString("cloud.account.id"), () -> "unknown");
      case "date" -> DATE.format(now);
      default -> throw new IllegalStateException("unchecked placeholder " + placeholder);
    };
  }

  private static String or(String value, Supplier<String> fallback) {
    return value == null || value.isBlank() ? fallback.get() : value;
  }

  /** Replaces what the service does not accept in a name with '_'. */
  private String clean(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = group
          ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ".-_/#".indexOf(c) >= 0
          : c != ':' && c != '*';
      out.append(ok ? c : '_');
    }
    return out.toString();
  }
}
