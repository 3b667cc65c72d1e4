package dev.gputel.processor.resourcedetection;

import com.typesafe.config.ConfigObject;
import dev.gputel.aws.AwsResourceKeys;
import dev.gputel.spi.data.Attributes;
import java.util.List;

/**
 * What the ec2 detector learnt: the instance identity document's fields, the host name and the
 * Auto Scaling group, plus notes worth a warning (tags not readable, IMDSv1 in use). Null fields
 * were not available.
 */
record Ec2Metadata(
    String instanceId, String instanceType, String imageId, String region, String availabilityZone,
    String accountId, String privateIp, String hostname, String autoScalingGroup, List<String> notes) {

  static final String IDENTITY_PATH = "/latest/dynamic/instance-identity/document";

  Ec2Metadata {
    notes = List.copyOf(notes);
  }

  /**
   * Reads the instance identity document (fields as documented in the EC2 user guide, "Instance
   * identity documents"); the instance id is the one field it cannot do without.
   */
  static Ec2Metadata fromIdentityDocument(String json, String hostname, String autoScalingGroup,
      List<String> notes) throws MetadataException {
    ConfigObject document = Json.object(json, "the instance identity document");
    String instanceId = Json.text(document, "instanceId");
    if (instanceId == null) {
      throw new MetadataException("the instance identity document has no instanceId: " + json.strip());
    }
    return new Ec2Metadata(instanceId, Json.text(document, "instanceType"), Json.text(document, "imageId"),
        Json.text(document, "region"), Json.text(document, "availabilityZone"), Json.text(document, "accountId"),
        Json.text(document, "privateIp"), hostname, autoScalingGroup, notes);
  }

  /** Returns the resource attributes, semantic-convention keys, absent values left out. */
  Attributes attributes() {
    return Attributes.builder()
        .put(AwsResourceKeys.CLOUD_PROVIDER, AwsResourceKeys.PROVIDER_AWS)
        .put(AwsResourceKeys.CLOUD_PLATFORM, AwsResourceKeys.PLATFORM_EC2)
        .put(AwsResourceKeys.CLOUD_REGION, region)
        .put(AwsResourceKeys.CLOUD_AVAILABILITY_ZONE, availabilityZone)
        .put(AwsResourceKeys.CLOUD_ACCOUNT_ID, accountId)
        .put(AwsResourceKeys.HOST_ID, instanceId)
        .put(AwsResourceKeys.HOST_TYPE, instanceType)
        .put(AwsResourceKeys.HOST_IMAGE_ID, imageId)
        .put(AwsResourceKeys.HOST_NAME, hostname)
        .put(AwsResourceKeys.HOST_IP, privateIp)
        .put(AwsResourceKeys.AUTOSCALING_GROUP_NAME, autoScalingGroup)
        .build();
  }
}
