package dev.gputel.processor.resourcedetection;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The metadata sources the processor knows, by their configuration names. */
enum DetectorType {
  EC2("ec2"),
  ECS("ecs");

  private final String id;

  DetectorType(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  static Optional<DetectorType> byId(String id) {
    return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
  }

  static List<String> ids() {
    return Arrays.stream(values()).map(DetectorType::id).toList();
  }
}
