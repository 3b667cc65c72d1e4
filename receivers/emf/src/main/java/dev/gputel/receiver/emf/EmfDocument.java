package dev.gputel.receiver.emf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the receiver needs from one EMF document: whether it is one JSON object that is EMF, and
 * where it asks to go. Read with a streaming parser: the document itself is forwarded as received,
 * never rebuilt.
 *
 * <p>EMF here is what the CloudWatch agent's {@code emf_only} keeps: a v1 document (an {@code _aws}
 * object at the root) or a legacy v0 one (root {@code CloudWatchMetrics}, {@code log_group_name} or
 * {@code log_stream_name}).
 *
 * @param logGroup {@code _aws.LogGroupName}, else v0 {@code log_group_name}; null when absent
 * @param logStream {@code _aws.LogStreamName}, else v0 {@code log_stream_name}; null when absent
 * @param timestampMillis {@code _aws.Timestamp} in milliseconds since the epoch; null when absent
 *     or not a number
 */
record EmfDocument(String logGroup, String logStream, Long timestampMillis) {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** Why a document was not taken. */
  enum Problem {
    INVALID_JSON("invalid_json"),
    NOT_EMF("not_emf"),
    TOO_LARGE("too_large"),
    REFUSED("refused");

    private final String label;

    Problem(String label) {
      this.label = label;
    }

    /** The value of the self-metric's {@code reason} label. */
    String label() {
      return label;
    }
  }

  /** Thrown for a document that is not taken, with what is wrong with it. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final Problem problem;

    Rejected(Problem problem, String message) {
      super(message, null, false, false);
      this.problem = problem;
    }

    Problem problem() {
      return problem;
    }
  }

  /** Reads the UTF-8 document in {@code bytes[offset, offset + length)}. */
  static EmfDocument read(byte[] bytes, int offset, int length) throws Rejected {
    try (JsonParser p = JSON.createParser(bytes, offset, length)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        // Scan the rest too: garbage is invalid JSON, a valid array or number is JSON but not EMF.
        p.skipChildren();
        while (p.nextToken() != null) {
          p.skipChildren();
        }
        throw new Rejected(Problem.NOT_EMF, "not a JSON object");
      }
      String v1Group = null;
      String v1Stream = null;
      Long timestamp = null;
      String v0Group = null;
      String v0Stream = null;
      boolean v1 = false;
      boolean v0 = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "_aws" -> {
            if (value == JsonToken.START_OBJECT) {
              v1 = true;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken inner = p.nextToken();
                if (key.equals("LogGroupName") && inner == JsonToken.VALUE_STRING) {
                  v1Group = p.getText();
                } else if (key.equals("LogStreamName") && inner == JsonToken.VALUE_STRING) {
                  v1Stream = p.getText();
                } else if (key.equals("Timestamp") && inner.isNumeric()) {
                  timestamp = millis(p.getDoubleValue());
                } else {
                  p.skipChildren();
                }
              }
            } else {
              p.skipChildren();
            }
          }
          case "log_group_name" -> {
            v0 = true;
            v0Group = value == JsonToken.VALUE_STRING ? p.getText() : skip(p);
          }
          case "log_stream_name" -> {
            v0 = true;
            v0Stream = value == JsonToken.VALUE_STRING ? p.getText() : skip(p);
          }
          case "CloudWatchMetrics" -> {
            v0 = true;
            p.skipChildren();
          }
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new Rejected(Problem.INVALID_JSON, "more data after the JSON object (one document per line)");
      }
      if (!v1 && !v0) {
        throw new Rejected(Problem.NOT_EMF, "a JSON object without _aws (nor the v0 keys CloudWatchMetrics, "
            + "log_group_name, log_stream_name)");
      }
      return new EmfDocument(blankToNull(v1Group != null ? v1Group : v0Group),
          blankToNull(v1Stream != null ? v1Stream : v0Stream), timestamp);
    } catch (JsonProcessingException e) {
      throw new Rejected(Problem.INVALID_JSON, e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // Parsing a byte array does no I/O.
    }
  }

  /** Milliseconds from a number that may be written 1.7e12; none for a value no clock could mean. */
  private static Long millis(double value) {
    return Double.isFinite(value) && Math.abs(value) < 1e15 ? (long) value : null;
  }

  private static String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
