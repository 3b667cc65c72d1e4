package dev.gputel.aws;

import java.util.Map;
import java.util.Optional;

/**
 * Resource attribute keys for where telemetry comes from on AWS: OpenTelemetry semantic
 * conventions where one exists, and the CloudWatch agent's dimension names mapped onto them.
 *
 * <p>The resource-detection processor writes these keys; exporters read them (an EMF dimension
 * {@code InstanceId} is {@link #HOST_ID}).
 */
public final class AwsResourceKeys {
  private AwsResourceKeys() {}

  public static final String CLOUD_PROVIDER = "cloud.provider";
  public static final String CLOUD_PLATFORM = "cloud.platform";
  public static final String CLOUD_REGION = "cloud.region";
  public static final String CLOUD_AVAILABILITY_ZONE = "cloud.availability_zone";
  public static final String CLOUD_ACCOUNT_ID = "cloud.account.id";

  public static final String HOST_ID = "host.id";
  public static final String HOST_NAME = "host.name";
  public static final String HOST_TYPE = "host.type";
  public static final String HOST_IMAGE_ID = "host.image.id";
  /** The instance's private IPv4 address. Semconv defines {@code host.ip} as a list; ours holds one. */
  public static final String HOST_IP = "host.ip";

  public static final String ECS_CLUSTER_ARN = "aws.ecs.cluster.arn";
  public static final String ECS_TASK_ARN = "aws.ecs.task.arn";
  public static final String ECS_TASK_ID = "aws.ecs.task.id";
  public static final String ECS_TASK_FAMILY = "aws.ecs.task.family";
  public static final String ECS_TASK_REVISION = "aws.ecs.task.revision";
  public static final String ECS_LAUNCH_TYPE = "aws.ecs.launchtype";
  public static final String ECS_CONTAINER_ARN = "aws.ecs.container.arn";
  public static final String CONTAINER_NAME = "container.name";
  public static final String CONTAINER_ID = "container.id";

  /** The instance's Auto Scaling group: gputel's own key, semantic conventions have none. */
  public static final String AUTOSCALING_GROUP_NAME = "aws.autoscaling.group.name";

  /** {@code cloud.provider} value. */
  public static final String PROVIDER_AWS = "aws";
  /** {@code cloud.platform} values. */
  public static final String PLATFORM_EC2 = "aws_ec2";
  public static final String PLATFORM_ECS = "aws_ecs";

  // The CloudWatch agent's append_dimensions names (ec2tagger), each the name of one of our keys.
  private static final Map<String, String> CLOUDWATCH_AGENT_NAMES = Map.of(
      "InstanceId", HOST_ID,
      "InstanceType", HOST_TYPE,
      "ImageId", HOST_IMAGE_ID,
      "AutoScalingGroupName", AUTOSCALING_GROUP_NAME);

  /**
   * Returns the resource key that holds the value of a CloudWatch agent dimension
   * ({@code InstanceId} is {@code host.id}), or empty for a name the agent does not append.
   */
  public static Optional<String> forCloudWatchAgentName(String dimension) {
    return Optional.ofNullable(CLOUDWATCH_AGENT_NAMES.get(dimension));
  }

  /** Returns the CloudWatch agent's dimension names and the resource keys they map to. */
  public static Map<String, String> cloudWatchAgentNames() {
    return CLOUDWATCH_AGENT_NAMES;
  }
}
