package dev.gputel.exporter.cloudwatchemf;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks EMF documents against the JSON schema AWS publishes with the specification (see
 * src/test/resources/emf/SOURCE.md), then against the spec's rules the schema cannot state
 * ({@link EmfRules}).
 */
final class EmfSchema {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema SCHEMA = load();

  private EmfSchema() {}

  private static Schema load() {
    try (InputStream in = EmfSchema.class.getResourceAsStream("/emf/emf-schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the schema's complaints about a document (empty when it is valid). */
  static List<String> schemaErrors(String document) {
    return SCHEMA.validate(JSON.readTree(document)).stream().map(Error::toString).toList();
  }

  /** Asserts that each line is one valid EMF document, and returns them parsed. */
  static List<JsonNode> assertValid(List<String> documents) {
    assertThat(documents).as("EMF documents").isNotEmpty();
    return documents.stream().map(EmfSchema::assertValid).toList();
  }

  static JsonNode assertValid(String document) {
    assertThat(schemaErrors(document)).as("schema errors of %s", document).isEmpty();
    assertThat(EmfRules.violations(JSON.readTree(document), document.getBytes(StandardCharsets.UTF_8).length))
        .as("EMF rule violations of %s", document).isEmpty();
    return JSON.readTree(document);
  }
}
