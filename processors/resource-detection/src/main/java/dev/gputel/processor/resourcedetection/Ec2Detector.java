package dev.gputel.processor.resourcedetection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the instance's identity from IMDS: the identity document, the host name and, when
 * enabled, the Auto Scaling group from the instance's tags in IMDS.
 */
final class Ec2Detector {
  static final String HOSTNAME_PATH = "/latest/meta-data/hostname";
  static final String TAGS_PATH = "/latest/meta-data/tags/instance";
  static final String ASG_TAG = "aws:autoscaling:groupName";

  private final ImdsClient imds;
  private final boolean autoScalingGroupFromTags;
  private final boolean groupWanted;

  /**
   * @param groupWanted whether configuration names the group (a ${aws:AutoScalingGroupName} value):
   *     only then is a group that cannot be read worth a warning
   */
  Ec2Detector(ImdsClient imds, boolean autoScalingGroupFromTags, boolean groupWanted) {
    this.imds = imds;
    this.autoScalingGroupFromTags = autoScalingGroupFromTags;
    this.groupWanted = groupWanted;
  }

  Ec2Metadata detect() throws MetadataException {
    List<String> notes = new ArrayList<>();
    String document = imds.get(Ec2Metadata.IDENTITY_PATH);
    String hostname = imds.getIfPresent(HOSTNAME_PATH).map(String::strip).orElse(null);
    String group = autoScalingGroupFromTags ? autoScalingGroup(notes) : null;
    imds.v1Reason().ifPresent(reason -> notes.add("using IMDSv1 because the token request failed: " + reason));
    return Ec2Metadata.fromIdentityDocument(document, hostname, group, notes);
  }

  private String autoScalingGroup(List<String> notes) throws MetadataException {
    // The tag list answers 404 when the instance does not expose tags in IMDS at all; a missing key
    // in a list that exists just means the instance is in no Auto Scaling group.
    Optional<String> keys = imds.getIfPresent(TAGS_PATH);
    if (keys.isEmpty()) {
      if (groupWanted) {
        notes.add("instance tags are not in IMDS (InstanceMetadataTags=disabled), so the Auto Scaling group is"
            + " unknown; enable them with 'aws ec2 modify-instance-metadata-options --instance-metadata-tags enabled'");
      }
      return null;
    }
    if (keys.get().lines().map(String::strip).noneMatch(ASG_TAG::equals)) {
      return null;
    }
    return imds.getIfPresent(TAGS_PATH + "/" + ASG_TAG).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
  }
}
