package dev.gputel.processor.resourcedetection;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The ecs detector's settings, see reference.conf; the endpoint and visible devices already
 * resolved from the environment. No endpoint: not in an ECS task.
 */
record EcsSettings(Optional<URI> endpoint, Duration timeout, VisibleDevices visibleDevices) {

  static final String ENDPOINT_ENV = "ECS_CONTAINER_METADATA_URI_V4";
  static final String VISIBLE_DEVICES_ENV = "NVIDIA_VISIBLE_DEVICES";
}
