package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KmsgRecordTest {
  @Test
  void readsTheDocumentedPrefix() {
    // The record shape from the kernel's dev-kmsg documentation, as quoted in the Xid reference.
    KmsgRecord record = parse("6,3964,206764307,-;nvidia-nvswitch2: SXid (PCI:0000:05:00.0): 12028, Data {0x1}");
    assertThat(record.level()).isEqualTo(6);
    assertThat(record.facility()).isZero();
    assertThat(record.sequence()).isEqualTo(3964);
    assertThat(record.monotonicMicros()).isEqualTo(206764307);
    assertThat(record.flag()).isEqualTo('-');
    assertThat(new String(record.message(), StandardCharsets.UTF_8))
        .isEqualTo("nvidia-nvswitch2: SXid (PCI:0000:05:00.0): 12028, Data {0x1}");
  }

  @Test
  void splitsFacilityAndLevelAndIgnoresLaterPrefixFields() {
    KmsgRecord record = parse("12,7,100,c,caller=T1;user; text");
    assertThat(record.facility()).isEqualTo(1);
    assertThat(record.level()).isEqualTo(4);
    assertThat(record.flag()).isEqualTo('c');
    assertThat(new String(record.message(), StandardCharsets.UTF_8)).isEqualTo("user; text");
  }

  @Test
  void unescapesTheMessage() {
    assertThat(parse("4,1,2,-;a\\x5cb\\xffc").message()).containsExactly('a', '\\', 'b', 0xff, 'c');
  }

  @Test
  void saysWhatIsWrong() {
    assertThatThrownBy(() -> parse("no prefix here")).hasMessage("no ';' after the record prefix");
    assertThatThrownBy(() -> parse("6,1,2;x")).hasMessageContaining("fewer than 4 fields");
    assertThatThrownBy(() -> parse("6,one,2,-;x")).hasMessage("sequence 'one' is not a non-negative number");
    assertThatThrownBy(() -> parse("6,1,-5,-;x")).hasMessage("timestamp '-5' is not a non-negative number");
  }

  private static KmsgRecord parse(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return KmsgRecord.parse(bytes, 0, bytes.length);
  }
}
