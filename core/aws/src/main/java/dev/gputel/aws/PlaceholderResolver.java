package dev.gputel.aws;

import dev.gputel.spi.data.Attributes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills in the CloudWatch agent's placeholders from a resource's attributes, at the moment it is
 * asked (not once at start): the append-dimension placeholders {@code ${aws:InstanceId}},
 * {@code ${aws:InstanceType}}, {@code ${aws:ImageId}}, {@code ${aws:AutoScalingGroupName}} and the
 * log-group/stream placeholders {@code {instance_id}}, {@code {hostname}}, {@code
 * {local_hostname}}, {@code {ip_address}}, {@code {aws_region}}, {@code {account_id}}, {@code {date}}.
 *
 * <p>What is unknown gets the agent's fallback ({@code i-UNKNOWN}, {@code UNKNOWN-TYPE}, {@code
 * UNKNOWN-AMI}, {@code UNKNOWN-REGION}, {@code UNKNOWN-ACCOUNT}; the local host name and first IPv4
 * address for {@code {hostname}} and {@code {ip_address}}), except the Auto Scaling group: the agent
 * leaves out a dimension whose group is unknown, so {@link #resolve} then returns empty. Text that is
 * not a known placeholder is kept as written. Thread-safe.
 */
public final class PlaceholderResolver {
  public static final String UNKNOWN_INSTANCE_ID = "i-UNKNOWN";
  public static final String UNKNOWN_INSTANCE_TYPE = "UNKNOWN-TYPE";
  public static final String UNKNOWN_IMAGE_ID = "UNKNOWN-AMI";
  public static final String UNKNOWN_REGION = "UNKNOWN-REGION";
  public static final String UNKNOWN_ACCOUNT = "UNKNOWN-ACCOUNT";
  public static final String UNKNOWN_HOST = "UNKNOWN-HOST";
  public static final String UNKNOWN_IP = "UNKNOWN-IP";

  /** The names {@code ${aws:NAME}} accepts. */
  public static final Set<String> AWS_NAMES =
      Set.of("InstanceId", "InstanceType", "ImageId", "AutoScalingGroupName");
  /** The names {@code {name}} accepts. */
  public static final Set<String> LOG_NAMES = Set.of(
      "instance_id", "hostname", "local_hostname", "ip_address", "aws_region", "account_id", "date");

  private static final Pattern AWS = Pattern.compile("\\$\\{aws:([^}]*)}");
  private static final Pattern LOG = Pattern.compile("\\{([a-z_]+)}");

  private final Clock clock;
  private final LocalHost localHost;

  public PlaceholderResolver(Clock clock, LocalHost localHost) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.localHost = Objects.requireNonNull(localHost, "localHost");
  }

  /** Returns a resolver that reads this machine's name and address and dates by {@code clock}. */
  public static PlaceholderResolver system(Clock clock) {
    return new PlaceholderResolver(clock, LocalHost.system());
  }

  /**
   * Returns {@code template} with every known placeholder replaced by its value from {@code
   * resource}, or empty when it names {@code ${aws:AutoScalingGroupName}} and the resource has no
   * group.
   */
  public Optional<String> resolve(String template, Attributes resource) {
    if (template.indexOf('{') < 0) {
      return Optional.of(template);
    }
    Matcher aws = AWS.matcher(template);
    StringBuilder out = new StringBuilder();
    while (aws.find()) {
      String value = awsValue(aws.group(1), resource);
      if (value == null && aws.group(1).equals("AutoScalingGroupName")) {
        return Optional.empty();
      }
      aws.appendReplacement(out, Matcher.quoteReplacement(value == null ? aws.group() : value));
    }
    aws.appendTail(out);
    Matcher log = LOG.matcher(out.toString());
    StringBuilder resolved = new StringBuilder();
    while (log.find()) {
      String value = logValue(log.group(1), resource);
      log.appendReplacement(resolved, Matcher.quoteReplacement(value == null ? log.group() : value));
    }
    log.appendTail(resolved);
    return Optional.of(resolved.toString());
  }

  /** Returns the {@code ${aws:NAME}} placeholders in {@code template} whose NAME is not known. */
  public static List<String> unknownAwsPlaceholders(String template) {
    List<String> unknown = new ArrayList<>();
    Matcher aws = AWS.matcher(template);
    while (aws.find()) {
      if (!AWS_NAMES.contains(aws.group(1))) {
        unknown.add(aws.group());
      }
    }
    return unknown;
  }

  /** Returns true when {@code template} holds {@code ${aws:NAME}} or {@code {name}} placeholders. */
  public static boolean hasPlaceholders(String template) {
    if (AWS.matcher(template).find()) {
      return true;
    }
    Matcher log = LOG.matcher(template);
    while (log.find()) {
      if (LOG_NAMES.contains(log.group(1))) {
        return true;
      }
    }
    return false;
  }

  private String awsValue(String name, Attributes resource) {
    return switch (name) {
      case "InstanceId" -> or(resource, AwsResourceKeys.HOST_ID, UNKNOWN_INSTANCE_ID);
      case "InstanceType" -> or(resource, AwsResourceKeys.HOST_TYPE, UNKNOWN_INSTANCE_TYPE);
      case "ImageId" -> or(resource, AwsResourceKeys.HOST_IMAGE_ID, UNKNOWN_IMAGE_ID);
      case "AutoScalingGroupName" -> nonEmpty(resource.getString(AwsResourceKeys.AUTOSCALING_GROUP_NAME));
      default -> null;
    };
  }

  private String logValue(String name, Attributes resource) {
    return switch (name) {
      case "instance_id" -> or(resource, AwsResourceKeys.HOST_ID, UNKNOWN_INSTANCE_ID);
      case "hostname" -> or(resource, AwsResourceKeys.HOST_NAME, localHost.hostname());
      case "local_hostname" -> localHost.hostname();
      case "ip_address" -> or(resource, AwsResourceKeys.HOST_IP, localHost.firstIpv4().orElse(UNKNOWN_IP));
      case "aws_region" -> or(resource, AwsResourceKeys.CLOUD_REGION, UNKNOWN_REGION);
      case "account_id" -> or(resource, AwsResourceKeys.CLOUD_ACCOUNT_ID, UNKNOWN_ACCOUNT);
      // The agent formats Go's "2006-01-02" in its local zone: the clock's zone here.
      case "date" -> LocalDate.now(clock).toString();
      default -> null;
    };
  }

  private static String or(Attributes resource, String key, String fallback) {
    String value = nonEmpty(resource.getString(key));
    return value == null ? fallback : value;
  }

  private static String nonEmpty(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
