package dev.gputel.processor.resourcedetection;

import com.typesafe.config.ConfigObject;
import dev.gputel.aws.AwsResourceKeys;
import dev.gputel.spi.data.Attributes;
import java.util.List;
import java.util.Locale;

/**
 * The ECS task this agent runs in and its own container, read from the task metadata endpoint v4
 * ({@code ${ECS_CONTAINER_METADATA_URI_V4}/task} and {@code ${ECS_CONTAINER_METADATA_URI_V4}}),
 * plus the GPUs ECS assigned to this container. Field names are the endpoint's (Cluster, TaskARN,
 * Family, Revision, LaunchType, AvailabilityZone; a container's Name, DockerId, ContainerARN), as in
 * the Amazon ECS developer guide, "Task metadata endpoint version 4", and the agent's
 * {@code ecs-agent/tmds/handlers/v4/state/response.go}.
 */
record EcsTask(
    String cluster, String taskArn, String family, String revision, String launchType,
    String availabilityZone, String containerName, String containerArn, String dockerId,
    List<String> gpuUuids, List<String> notes) {

  EcsTask {
    gpuUuids = List.copyOf(gpuUuids);
    notes = List.copyOf(notes);
  }

  /** Parses the task and container documents; the task ARN is the one field it cannot do without. */
  static EcsTask parse(String taskJson, String containerJson, VisibleDevices devices) throws MetadataException {
    ConfigObject task = Json.object(taskJson, "the task metadata (v4 /task)");
    ConfigObject container = Json.object(containerJson, "the container metadata (v4)");
    String taskArn = Json.text(task, "TaskARN");
    if (taskArn == null || taskArn.split(":", 6).length < 6) {
      throw new MetadataException("the task metadata has no usable TaskARN: " + Json.text(task, "TaskARN"));
    }
    return new EcsTask(Json.text(task, "Cluster"), taskArn, Json.text(task, "Family"), Json.text(task, "Revision"),
        Json.text(task, "LaunchType"), Json.text(task, "AvailabilityZone"), Json.text(container, "Name"),
        Json.text(container, "ContainerARN"), Json.text(container, "DockerId"), devices.gpuUuids(),
        devices.note().stream().toList());
  }

  // arn:PARTITION:ecs:REGION:ACCOUNT:task/CLUSTER/ID
  private String arnPart(int index) {
    return taskArn.split(":", 6)[index];
  }

  String region() {
    return arnPart(3);
  }

  String accountId() {
    return arnPart(4);
  }

  String taskId() {
    return taskArn.substring(taskArn.lastIndexOf('/') + 1);
  }

  /** The cluster as an ARN: the endpoint gives a short name on EC2 and an ARN on Fargate. */
  String clusterArn() {
    if (cluster == null || cluster.startsWith("arn:")) {
      return cluster;
    }
    return "arn:" + arnPart(1) + ":ecs:" + region() + ":" + accountId() + ":cluster/" + cluster;
  }

  /** Returns the resource attributes; absent values left out. */
  Attributes attributes() {
    return taskAttributes().toBuilder()
        .put(AwsResourceKeys.CLOUD_PROVIDER, AwsResourceKeys.PROVIDER_AWS)
        .put(AwsResourceKeys.CLOUD_PLATFORM, AwsResourceKeys.PLATFORM_ECS)
        .put(AwsResourceKeys.CLOUD_REGION, region())
        .put(AwsResourceKeys.CLOUD_ACCOUNT_ID, accountId())
        .put(AwsResourceKeys.CLOUD_AVAILABILITY_ZONE, availabilityZone)
        .put(AwsResourceKeys.ECS_LAUNCH_TYPE, launchType == null ? null : launchType.toLowerCase(Locale.ROOT))
        .put(AwsResourceKeys.ECS_CONTAINER_ARN, containerArn)
        .put(AwsResourceKeys.CONTAINER_ID, dockerId)
        .build();
  }

  /** Returns what names the task on each point of a GPU it owns. */
  Attributes taskAttributes() {
    return Attributes.builder()
        .put(AwsResourceKeys.ECS_CLUSTER_ARN, clusterArn())
        .put(AwsResourceKeys.ECS_TASK_ARN, taskArn)
        .put(AwsResourceKeys.ECS_TASK_ID, taskId())
        .put(AwsResourceKeys.ECS_TASK_FAMILY, family)
        .put(AwsResourceKeys.ECS_TASK_REVISION, revision)
        .put(AwsResourceKeys.CONTAINER_NAME, containerName)
        .build();
  }
}
