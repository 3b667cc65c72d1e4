package dev.gputel.receiver.kernellog;

import java.util.Locale;

/** Where kernel messages are read; {@code AUTO} is resolved once, when the receiver starts. */
enum SourceKind {
  AUTO,
  JOURNALD,
  KMSG,
  FILE;

  /** The name used in configuration and in the {@code log.source} attribute. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
