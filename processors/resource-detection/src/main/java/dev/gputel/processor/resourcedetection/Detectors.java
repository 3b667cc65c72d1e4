package dev.gputel.processor.resourcedetection;

import dev.gputel.spi.data.Attributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Runs the configured detectors in order. A detector that fails keeps its last good answer (an
 * IMDS hiccup does not strip a running agent's instance id); one that never succeeded adds nothing.
 * Called from the refresh thread only.
 */
final class Detectors implements AutoCloseable {
  private final List<DetectorType> order;
  private final Ec2Detector ec2;
  private final ImdsClient imds;
  private final EcsDetector ecs;
  private final DescribeTagsClient describeTags;
  private final AwsCredentialsProvider credentials;
  private final Map<DetectorType, Attributes> lastGood = new EnumMap<>(DetectorType.class);
  private Map<String, Attributes> lastGpus = Map.of();
  private boolean fargate;

  /** @param credentials makes the provider DescribeTags signs with; called only when DescribeTags may be asked */
  Detectors(ResourceDetectionConfig config, Clock clock, Supplier<AwsCredentialsProvider> credentials) {
    this.order = config.detectors();
    Ec2Settings ec2Settings = config.ec2();
    this.imds = order.contains(DetectorType.EC2)
        ? new ImdsClient(ec2Settings.endpoint(), ec2Settings.timeout(), ec2Settings.tokenTtl(),
            ec2Settings.imdsV1Fallback(), clock)
        : null;
    boolean groupWanted = config.attributes().values().stream()
        .anyMatch(value -> value instanceof String text && text.contains("${aws:AutoScalingGroupName}"));
    this.credentials = imds != null && groupWanted && ec2Settings.describeTags() ? credentials.get() : null;
    this.describeTags = this.credentials == null ? null : new DescribeTagsClient(
        region -> ec2Settings.describeTagsEndpoint().orElseGet(() -> DescribeTagsClient.defaultEndpoint(region)),
        new MetadataHttp(ec2Settings.timeout()), this.credentials, clock);
    this.ec2 = imds == null ? null
        : new Ec2Detector(imds, ec2Settings.autoScalingGroupFromTags(), groupWanted, describeTags);
    EcsSettings ecsSettings = config.ecs();
    this.ecs = order.contains(DetectorType.ECS) && ecsSettings.endpoint().isPresent()
        ? new EcsDetector(ecsSettings.endpoint().get(), new MetadataHttp(ecsSettings.timeout()),
            ecsSettings.visibleDevices())
        : null;
  }

  /** Returns true when some detector will ask something: ecs outside a task has nothing to ask. */
  boolean any() {
    return ec2 != null || ecs != null;
  }

  Detection run() {
    Map<DetectorType, String> problems = new EnumMap<>(DetectorType.class);
    List<String> notes = new ArrayList<>();
    // ECS first whatever the order, so that a Fargate task (which has no IMDS) is known before ec2 fails.
    if (ecs != null) {
      try {
        EcsTask task = ecs.detect();
        lastGood.put(DetectorType.ECS, task.attributes());
        Map<String, Attributes> gpus = new HashMap<>();
        task.gpuUuids().forEach(uuid -> gpus.put(uuid, task.taskAttributes()));
        lastGpus = gpus;
        fargate = "FARGATE".equalsIgnoreCase(task.launchType());
        notes.addAll(task.notes().stream().map(note -> "ecs: " + note).toList());
      } catch (MetadataException e) {
        problems.put(DetectorType.ECS, e.getMessage());
      }
    }
    if (ec2 != null && !fargate) {
      try {
        Ec2Metadata instance = ec2.detect();
        lastGood.put(DetectorType.EC2, instance.attributes());
        notes.addAll(instance.notes().stream().map(note -> "ec2: " + note).toList());
      } catch (MetadataException e) {
        problems.put(DetectorType.EC2, e.getMessage());
      }
    }
    Attributes.Builder attributes = Attributes.builder();
    for (DetectorType type : order) {
      Attributes found = lastGood.get(type);
      if (found != null) {
        attributes.putAll(found);
      }
    }
    return new Detection(attributes.build(), lastGpus, new LinkedHashMap<>(problems), notes);
  }

  @Override
  public void close() {
    if (imds != null) {
      imds.close();
    }
    if (ecs != null) {
      ecs.close();
    }
    if (describeTags != null) {
      describeTags.close();
    }
    if (credentials instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Releasing a credentials refresher at shutdown: nothing left to do about a failure.
      }
    }
  }
}
