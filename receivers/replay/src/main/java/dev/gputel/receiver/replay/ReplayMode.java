package dev.gputel.receiver.replay;

/** What the replay receiver does at the end of its files. */
enum ReplayMode {
  /** Start again from the first sample and line. */
  LOOP,
  /** Stop. */
  ONCE
}
