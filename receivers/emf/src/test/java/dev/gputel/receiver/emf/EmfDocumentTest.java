package dev.gputel.receiver.emf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gputel.receiver.emf.EmfDocument.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmfDocumentTest {
  private static EmfDocument read(String text) throws EmfDocument.Rejected {
    byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8); // An offset and a length, as a read gives them.
    return EmfDocument.read(bytes, 2, bytes.length - 4);
  }

  private static EmfDocument.Rejected rejected(String text) {
    return catchThrowableOfType(EmfDocument.Rejected.class, () -> read(text));
  }

  @Test
  void theSpecExampleIsEmfWithItsTimestampAndNoRoute() throws Exception {
    assertThat(read(Documents.specExample())).isEqualTo(new EmfDocument(null, null, 1574109732004L));
  }

  @Test
  void v1GroupAndStreamComeFromAws() throws Exception {
    assertThat(read(Documents.synthetic("orders", "/app/orders", "pod-7")))
        .isEqualTo(new EmfDocument("/app/orders", "pod-7", null));
  }

  @Test
  void v0GroupAndStreamComeFromTheRoot() throws Exception {
    String v0 = "{\"log_group_name\":\"/legacy\",\"log_stream_name\":\"s1\",\"CloudWatchMetrics\":"
        + "[{\"Namespace\":\"n\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"m\"}]}],\"Version\":\"0\",\"m\":1}";
    assertThat(read(v0)).isEqualTo(new EmfDocument("/legacy", "s1", null));
  }

  @Test
  void v1WinsOverV0AndATimestampMayBeWrittenAsADouble() throws Exception {
    String both = "{\"log_group_name\":\"/v0\",\"_aws\":{\"LogGroupName\":\"/v1\",\"Timestamp\":1.7e12,"
        + "\"CloudWatchMetrics\":[]}}";
    assertThat(read(both)).isEqualTo(new EmfDocument("/v1", null, 1_700_000_000_000L));
  }

  @Test
  void aTimestampThatIsNotANumberOrOutOfRangeIsIgnored() throws Exception {
    assertThat(read("{\"_aws\":{\"Timestamp\":\"now\"}}").timestampMillis()).isNull();
    assertThat(read("{\"_aws\":{\"Timestamp\":1e300}}").timestampMillis()).isNull();
  }

  @Test
  void jsonThatIsNotEmfIsNotEmf() {
    assertThat(rejected("{\"level\":\"info\",\"msg\":\"hello\"}").problem()).isEqualTo(Problem.NOT_EMF);
    assertThat(rejected("{\"_aws\":\"not an object\"}").problem()).isEqualTo(Problem.NOT_EMF);
    assertThat(rejected("[1,2,3]").problem()).isEqualTo(Problem.NOT_EMF);
    assertThat(rejected("42").problem()).isEqualTo(Problem.NOT_EMF);
  }

  @Test
  void brokenJsonIsInvalidWithWhere() {
    EmfDocument.Rejected truncated = rejected("{\"_aws\":{\"Timestamp\":1574109732004,\"CloudWatch");
    assertThat(truncated.problem()).isEqualTo(Problem.INVALID_JSON);
    assertThat(rejected("hello world").problem()).isEqualTo(Problem.INVALID_JSON);
    assertThat(rejected("[1,2").problem()).isEqualTo(Problem.INVALID_JSON);
    EmfDocument.Rejected trailing = rejected("{\"_aws\":{}} {\"_aws\":{}}");
    assertThat(trailing.problem()).isEqualTo(Problem.INVALID_JSON);
    assertThat(trailing.getMessage()).contains("more data after the JSON object");
    assertThat(rejected("{\"_aws\":{},}").getMessage()).contains("column");
  }

  @Test
  void invalidUtf8InAReadValueIsInvalidJson() {
    byte[] bytes = "{\"_aws\":{\"LogGroupName\":\"a?b\"}}".getBytes(StandardCharsets.UTF_8);
    bytes[26] = (byte) 0xC3; // A lead byte followed by 'b': not UTF-8.
    EmfDocument.Rejected e = catchThrowableOfType(EmfDocument.Rejected.class,
        () -> EmfDocument.read(bytes, 0, bytes.length));
    assertThat(e.problem()).isEqualTo(Problem.INVALID_JSON);
  }
}
