package dev.gputel.processor.resourcedetection;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The ec2 detector's settings, see reference.conf; the endpoint already resolved from the environment. */
record Ec2Settings(URI endpoint, Duration timeout, Duration tokenTtl, boolean imdsV1Fallback,
    boolean autoScalingGroupFromTags, boolean describeTags, Optional<URI> describeTagsEndpoint) {

  static final String DEFAULT_ENDPOINT = "http://169.254.169.254";
  static final String ENDPOINT_ENV = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
}
