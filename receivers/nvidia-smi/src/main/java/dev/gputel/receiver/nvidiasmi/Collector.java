package dev.gputel.receiver.nvidiasmi;

/** Runs one nvidia-smi query on its own schedule until stopped. */
interface Collector {
  /** Starts collecting; {@code threadName} names the thread it runs on, if it has its own. */
  void start(String threadName);

  /** Kills the run in progress and returns once the collector has stopped. */
  void stop() throws InterruptedException;
}
