package dev.gputel.receiver.kernellog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The event ids in the debug exporter's JSON-lines output. An agent killed in the middle of a
 * write leaves a torn line, and the next run appends to it; so the file is split at the start of
 * each object and only objects that parse whole are counted (the torn one is sent again anyway).
 */
final class SpooledOutput {
  private static final String OBJECT_START = "{\"signal\":";
  private static final JsonFactory JSON = new JsonFactory();

  private SpooledOutput() {}

  /** Every complete event's id, in file order, duplicates included. */
  static List<String> ids(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    if (!Files.exists(file)) {
      return ids;
    }
    String content = Files.readString(file, StandardCharsets.UTF_8);
    int start = content.indexOf(OBJECT_START);
    while (start >= 0) {
      int end = content.indexOf(OBJECT_START, start + 1);
      String object = content.substring(start, end < 0 ? content.length() : end).strip();
      String id = idOfCompleteEvent(object);
      if (id != null) {
        ids.add(id);
      }
      start = end;
    }
    return ids;
  }

  private static String idOfCompleteEvent(String object) {
    String id = null;
    try (JsonParser parser = JSON.createParser(object)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (name.equals("id")) {
          id = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return null; // Torn, or followed by junk.
      }
      return id;
    } catch (IOException torn) {
      return null;
    }
  }
}
