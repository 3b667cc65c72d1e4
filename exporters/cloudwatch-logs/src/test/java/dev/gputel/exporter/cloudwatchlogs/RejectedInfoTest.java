package dev.gputel.exporter.cloudwatchlogs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

class RejectedInfoTest {
  @Test
  void noInfoMeansAllAccepted() {
    assertThat(PutLogEventsSender.result(10, null, false)).isEqualTo(new PutLogEventsSender.Result(10, 0, 0, 0, false));
  }

  @Test
  void tooOldIsAPrefixAndTooNewASuffix() {
    var info = RejectedLogEventsInfo.builder().tooOldLogEventEndIndex(2).tooNewLogEventStartIndex(8).build();
    assertThat(PutLogEventsSender.result(10, info, false)).isEqualTo(new PutLogEventsSender.Result(6, 2, 0, 2, false));
  }

  @Test
  void expiredAndTooOldOverlapAndAreNotCountedTwice() {
    var info = RejectedLogEventsInfo.builder().expiredLogEventEndIndex(3).tooOldLogEventEndIndex(1).build();
    var result = PutLogEventsSender.result(5, info, true);
    assertThat(result.rejected()).isEqualTo(3);
    assertThat(result.accepted()).isEqualTo(2);
    assertThat(result.expired()).isEqualTo(3);
  }

  @Test
  void indicesOutsideTheCallAreClamped() {
    var info = RejectedLogEventsInfo.builder().tooNewLogEventStartIndex(99).tooOldLogEventEndIndex(-1).build();
    assertThat(PutLogEventsSender.result(4, info, false).accepted()).isEqualTo(4);
  }
}
