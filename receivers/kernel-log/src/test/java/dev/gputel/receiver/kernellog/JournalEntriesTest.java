package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lines as journalctl 252 prints them with -o json (the first one copied from its output). */
class JournalEntriesTest {
  private final JournalEntries entries = new JournalEntries();

  @Test
  void readsAStringMessageAndTheTimestamps() {
    JournalEntry entry = parse("""
        {"_BOOT_ID":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","__MONOTONIC_TIMESTAMP":"1012","MESSAGE":"NVRM: Xid (PCI:0000:3b:00): 79, pid=1234, name=python, GPU has fallen off the bus. #12","__CURSOR":"s=0bce993f859741fd8541d3d40f38c0af;i=6;b=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb;m=3f4;t=6615d71d35730;x=663c8dfe8139d358","__REALTIME_TIMESTAMP":"1795903829792560","PRIORITY":"4","_SOURCE_MONOTONIC_TIMESTAMP":"1012"}""");

    assertThat(new String(entry.message(), StandardCharsets.UTF_8))
        .isEqualTo("NVRM: Xid (PCI:0000:3b:00): 79, pid=1234, name=python, GPU has fallen off the bus. #12");
    assertThat(entry.cursor()).startsWith("s=0bce993f859741fd8541d3d40f38c0af;i=6;");
    assertThat(entry.realtimeMicros()).isEqualTo(1795903829792560L);
    assertThat(entry.kernelMicros()).isEqualTo(1012);
    assertThat(entry.bootId()).isEqualTo("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    assertThat(entry.priority()).isEqualTo(4);
    assertThat(entry.hostName()).isNull();
  }

  @Test
  void readsAByteArrayMessage() {
    JournalEntry entry = parse("""
        {"__CURSOR":"c1","__REALTIME_TIMESTAMP":"1","MESSAGE":[78,86,82,77,58,32,255,10,120]}""");
    assertThat(entry.message()).containsExactly('N', 'V', 'R', 'M', ':', ' ', 0xff, '\n', 'x');
  }

  @Test
  void takesTheFirstOfAFieldGivenTwice() {
    assertThat(parse("""
        {"__CURSOR":"c1","__REALTIME_TIMESTAMP":"1","MESSAGE":["first","second"]}""").message())
        .asString(StandardCharsets.UTF_8).isEqualTo("first");
    assertThat(parse("""
        {"__CURSOR":"c1","__REALTIME_TIMESTAMP":"1","MESSAGE":[[65,255],"second"],"_HOSTNAME":"h"}""").message())
        .containsExactly('A', 0xff);
  }

  @Test
  void fallsBackToJournaldsMonotonicTimeWithoutTheKernelsOwn() {
    JournalEntry entry = parse("""
        {"__CURSOR":"c1","__REALTIME_TIMESTAMP":"1","__MONOTONIC_TIMESTAMP":"77","MESSAGE":"m","unknown":{"a":[1]}}""");
    assertThat(entry.kernelMicros()).isEqualTo(77);
  }

  @Test
  void saysWhatIsMissingOrWrong() {
    assertThatThrownBy(() -> parse("{\"__REALTIME_TIMESTAMP\":\"1\",\"MESSAGE\":\"m\"}")).hasMessage("no __CURSOR");
    assertThatThrownBy(() -> parse("{\"__CURSOR\":\"c9\",\"__REALTIME_TIMESTAMP\":\"1\",\"MESSAGE\":null}"))
        .hasMessage("no MESSAGE (entry c9)");
    assertThatThrownBy(() -> parse("{\"__CURSOR\":\"c9\",\"MESSAGE\":\"m\"}")).hasMessage("no __REALTIME_TIMESTAMP (entry c9)");
    assertThatThrownBy(() -> parse("{\"__CURSOR\":\"c9\",\"__REALTIME_TIMESTAMP\":\"soon\",\"MESSAGE\":\"m\"}"))
        .hasMessage("__REALTIME_TIMESTAMP is not a number: 'soon'");
    assertThatThrownBy(() -> parse("{\"__CURSOR\":\"c9\",")).hasMessageStartingWith("malformed JSON");
    assertThatThrownBy(() -> parse("[1]")).hasMessage("not a JSON object");
    assertThatThrownBy(() -> parse("{\"__CURSOR\":\"a\",\"__REALTIME_TIMESTAMP\":\"1\",\"MESSAGE\":\"m\"}{\"__CURSOR\":\"b\"}"))
        .hasMessage("more than one JSON object on the line");
  }

  private JournalEntry parse(String line) {
    return entries.parse(line.getBytes(StandardCharsets.UTF_8));
  }
}
