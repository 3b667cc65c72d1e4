package dev.gputel.receiver.kernellog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the lines {@code journalctl -o json} prints. Every value is a string, except that a value
 * that is not valid UTF-8 (or has control characters) is an array of byte values, and a field
 * present more than once in one entry is an array of such values (the first one is used).
 */
final class JournalEntries {
  private final JsonFactory factory = new JsonFactory();

  /** Parses one line; throws {@link IllegalArgumentException} saying what is wrong. */
  JournalEntry parse(byte[] line) {
    String cursor = null;
    byte[] message = null;
    long realtime = -1;
    long sourceMonotonic = -1;
    long monotonic = -1;
    String bootId = null;
    String hostName = null;
    int priority = -1;
    try (JsonParser json = factory.createParser(line)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        json.nextToken();
        switch (name) {
          case "__CURSOR" -> cursor = text(json);
          case "MESSAGE" -> message = bytes(json);
          case "__REALTIME_TIMESTAMP" -> realtime = number(json, name);
          case "_SOURCE_MONOTONIC_TIMESTAMP" -> sourceMonotonic = number(json, name);
          case "__MONOTONIC_TIMESTAMP" -> monotonic = number(json, name);
          case "_BOOT_ID" -> bootId = text(json);
          case "_HOSTNAME" -> hostName = text(json);
          case "PRIORITY" -> priority = (int) number(json, name);
          default -> json.skipChildren();
        }
      }
      if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
        throw new IllegalArgumentException("more than one JSON object on the line");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
    }
    if (cursor == null) {
      throw new IllegalArgumentException("no __CURSOR");
    }
    if (message == null) {
      throw new IllegalArgumentException("no MESSAGE (entry " + cursor + ")");
    }
    if (realtime < 0) {
      throw new IllegalArgumentException("no __REALTIME_TIMESTAMP (entry " + cursor + ")");
    }
    return new JournalEntry(cursor, message, realtime, sourceMonotonic, monotonic, bootId, hostName, priority);
  }

  /** A value as bytes: a string's UTF-8, or the byte values of an array; the first of several values. */
  private static byte[] bytes(JsonParser json) throws IOException {
    return switch (json.currentToken()) {
      case VALUE_STRING -> json.getText().getBytes(StandardCharsets.UTF_8);
      case VALUE_NULL -> null;
      case START_ARRAY -> {
        JsonToken first = json.nextToken();
        if (first == JsonToken.VALUE_NUMBER_INT) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          for (JsonToken t = first; t != JsonToken.END_ARRAY; t = json.nextToken()) {
            out.write(json.getIntValue());
          }
          yield out.toByteArray();
        }
        if (first == JsonToken.END_ARRAY) {
          yield null;
        }
        byte[] value = bytes(json);
        skipRestOfArray(json);
        yield value;
      }
      default -> throw new IllegalArgumentException("unexpected " + json.currentToken() + " for MESSAGE");
    };
  }

  private static String text(JsonParser json) throws IOException {
    byte[] value = bytes(json);
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  private static long number(JsonParser json, String field) throws IOException {
    String value = text(json);
    try {
      return value == null ? -1 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " is not a number: '" + value + "'");
    }
  }

  private static void skipRestOfArray(JsonParser json) throws IOException {
    int depth = 1;
    while (depth > 0) {
      JsonToken token = json.nextToken();
      if (token == null) {
        throw new IOException("unterminated array");
      }
      if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
        depth++;
      } else if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
        depth--;
      }
    }
  }
}
