package dev.gputel.receiver.emf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The EMF documents the tests send; see src/test/resources/emf/SOURCE.md. */
final class Documents {
  private Documents() {}

  /** The EMF specification's example document, on one line. Real (published), not a capture. */
  static String specExample() {
    try (InputStream in = Documents.class.getResourceAsStream("/emf/spec-example.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The spec's example with another {@code _aws.Timestamp} and an {@code _aws.LogGroupName}. */
  static String specExample(long timestampMillis, String logGroup) {
    return specExample().replace("\"Timestamp\":1574109732004",
        "\"Timestamp\":" + timestampMillis + (logGroup == null ? "" : ",\"LogGroupName\":\"" + logGroup + "\""));
  }

  /** A synthetic v1 document in the spec's layout, naming a log group and stream, without a timestamp. */
  static String synthetic(String service, String group, String stream) {
    return "{\"_aws\":{\"CloudWatchMetrics\":[{\"Namespace\":\"synthetic\",\"Dimensions\":[[\"Service\"]],"
        + "\"Metrics\":[{\"Name\":\"latency\",\"Unit\":\"Milliseconds\"}]}]"
        + (group == null ? "" : ",\"LogGroupName\":\"" + group + "\"")
        + (stream == null ? "" : ",\"LogStreamName\":\"" + stream + "\"")
        + "},\"Service\":\"" + service + "\",\"latency\":12.5}";
  }
}
