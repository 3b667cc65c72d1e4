package dev.gputel.receiver.nvidiasmi;

/** How the receiver runs nvidia-smi. */
enum CollectionMode {
  /** One long-lived {@code nvidia-smi ... -lms <interval>}: no start-up cost per sample. */
  LOOP,
  /** One nvidia-smi per poll, with a hard timeout. */
  ONE_SHOT
}
