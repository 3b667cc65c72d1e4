package dev.gputel.exporter.cloudwatchemf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The checks every other test relies on must be able to fail. */
class EmfSchemaTest {
  private static final String VALID = """
      {"_aws":{"Timestamp":1574109732004,"CloudWatchMetrics":[{"Namespace":"lambda-function-metrics",
      "Dimensions":[["functionVersion"]],"Metrics":[{"Name":"time","Unit":"Milliseconds","StorageResolution":60}]}]},
      "functionVersion":"$LATEST","time":100,"requestId":"989ffbf8-9ace-4817-a57c-e4dd734019ee"}""";

  @Test
  void theSpecificationsOwnExampleIsValid() {
    EmfSchema.assertValid(VALID);
  }

  @Test
  void theSchemaRejectsAnUnknownUnitAMissingTimestampAndThirtyOneDimensions() {
    assertThat(EmfSchema.schemaErrors(VALID.replace("Milliseconds", "Watts"))).singleElement().asString().contains("Unit");
    assertThat(EmfSchema.schemaErrors(VALID.replace("\"Timestamp\":1574109732004,", ""))).singleElement()
        .asString().contains("Timestamp");
    String many = "[" + "\"functionVersion\",".repeat(30) + "\"functionVersion\"]";
    assertThat(EmfSchema.schemaErrors(VALID.replace("[\"functionVersion\"]", many))).isNotEmpty();
  }

  @Test
  void theRulesRejectMissingTargetsAndTooManyMetrics() {
    String missing = VALID.replace("\"time\":100,", "");
    assertThat(violations(missing)).containsExactly(
        "metric 'time' has no numeric root member (or an array of at most 100 numbers)");
    assertThat(violations(VALID.replace("\"functionVersion\":\"$LATEST\"", "\"functionVersion\":3")))
        .containsExactly("dimension 'functionVersion' has no string root member");
    String metric = "{\"Name\":\"time\"},";
    String tooMany = VALID.replace("\"Metrics\":[", "\"Metrics\":[" + metric.repeat(100));
    assertThat(violations(tooMany)).containsExactly("directive with 101 metrics; at most 100");
  }

  private static java.util.List<String> violations(String document) {
    return EmfRules.violations(EmfSchema.JSON.readTree(document), document.getBytes(StandardCharsets.UTF_8).length);
  }
}
