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
  private final DescribeTagsClient describeTags;

  /**
   * @param groupWanted whether configuration names the group (a ${aws:AutoScalingGroupName} value):
   *     only then is DescribeTags asked, and a group that cannot be read worth a warning
   * @param describeTags asked when the tags are not in IMDS; null when not allowed
   */
  Ec2Detector(ImdsClient imds, boolean autoScalingGroupFromTags, boolean groupWanted, DescribeTagsClient describeTags) {
    this.imds = imds;
    this.autoScalingGroupFromTags = autoScalingGroupFromTags;
    this.groupWanted = groupWanted;
    this.describeTags = describeTags;
  }

  Ec2Metadata detect() throws MetadataException {
    List<String> notes = new ArrayList<>();
    Ec2Metadata identity = Ec2Metadata.fromIdentityDocument(imds.get(Ec2Metadata.IDENTITY_PATH),
        imds.getIfPresent(HOSTNAME_PATH).map(String::strip).orElse(null), null, notes);
    String group = autoScalingGroup(identity, notes);
    imds.v1Reason().ifPresent(reason -> notes.add("using IMDSv1 because the token request failed: " + reason));
    return new Ec2Metadata(identity.instanceId(), identity.instanceType(), identity.imageId(), identity.region(),
        identity.availabilityZone(), identity.accountId(), identity.privateIp(), identity.hostname(), group, notes);
  }

  private String autoScalingGroup(Ec2Metadata identity, List<String> notes) throws MetadataException {
    // The tag list answers 404 when the instance does not expose tags in IMDS at all; a missing key
    // in a list that exists just means the instance is in no Auto Scaling group.
    Optional<String> keys = autoScalingGroupFromTags ? imds.getIfPresent(TAGS_PATH) : Optional.empty();
    if (keys.isPresent()) {
      if (keys.get().lines().map(String::strip).noneMatch(ASG_TAG::equals)) {
        return null;
      }
      return imds.getIfPresent(TAGS_PATH + "/" + ASG_TAG).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }
    if (!groupWanted) {
      return null;
    }
    String tagsOff = "instance tags are not in IMDS (InstanceMetadataTags=disabled); enable them with"
        + " 'aws ec2 modify-instance-metadata-options --instance-metadata-tags enabled'";
    if (describeTags == null || identity.region() == null) {
      notes.add((autoScalingGroupFromTags ? tagsOff : "reading tags from IMDS is off") + ", so the Auto Scaling group is unknown");
      return null;
    }
    try {
      return describeTags.tag(identity.instanceId(), identity.region(), ASG_TAG).orElse(null);
    } catch (MetadataException e) {
      notes.add("the Auto Scaling group is unknown: " + e.getMessage()
          + (autoScalingGroupFromTags ? "; or " + tagsOff : ""));
      return null;
    }
  }
}
