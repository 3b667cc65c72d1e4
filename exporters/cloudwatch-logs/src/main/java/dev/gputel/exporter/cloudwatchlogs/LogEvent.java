package dev.gputel.exporter.cloudwatchlogs;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One CloudWatch Logs event before batching.
 *
 * @param timestampMillis the event time, milliseconds since the epoch (PutLogEvents' unit)
 * @param message the text sent; counted in UTF-8 bytes against the limits
 * @param id a stable identity (the event's id), used to skip events already delivered on a retry
 */
public record LogEvent(long timestampMillis, String message, String id) {
  public LogEvent {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(id, "id");
  }

  /** Returns the bytes this event counts against a PutLogEvents batch: UTF-8 length plus 26. */
  public int billedBytes() {
    return utf8Length(message) + PutLogEventsLimits.EVENT_OVERHEAD_BYTES;
  }

  /** UTF-8 length without encoding the string. */
  static int utf8Length(CharSequence text) {
    int bytes = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3; // A lone surrogate is encoded as '?' by Java but counts 3 at most; stay safe.
      }
    }
    return bytes;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
