package dev.gputel.receiver.kernellog;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Kernel lines streaming into a real journal file on a thread of their own, as a busy GPU node
 * logs them: short bursts of the capture's lines (cycled), each with a real line of another driver, about 200 entries
 * per second. It remembers every NVIDIA line it wrote, and can move to a new boot while paused.
 */
final class JournalStream implements AutoCloseable {
  private final JournalWriter writer;
  private final Random random;
  private final List<String> lines = Captures.xidLines();
  private final List<String> background = Captures.background();
  private final List<ExportEntry> nvidia = new ArrayList<>();
  private final Thread thread;
  private KernelHistory history;
  private int next;
  private boolean paused;
  private volatile boolean stopped;
  private Exception failure;

  JournalStream(JournalWriter writer, String bootId, Random random) {
    this.writer = writer;
    this.random = random;
    this.history = new KernelHistory(bootId, 2_000_000);
    this.thread = Thread.ofPlatform().name("journal-stream").start(this::run);
  }

  private void run() {
    while (!stopped) {
      synchronized (this) {
        while (paused && !stopped) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        try {
          writer.append(burst());
        } catch (Exception e) {
          failure = e;
          return;
        }
      }
      // The stream's pace, not a synchronisation: lines arrive a few milliseconds apart.
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2 + random.nextInt(8)));
    }
  }

  private List<ExportEntry> burst() {
    List<ExportEntry> burst = new ArrayList<>();
    int size = 1 + random.nextInt(3);
    for (int i = 0; i < size; i++) {
      String line = lines.get(next++ % lines.size());
      ExportEntry entry = history.entry(line);
      burst.add(entry);
      if (Captures.nvidia(line)) {
        nvidia.add(entry);
      }
      burst.add(history.entry(background.get(random.nextInt(background.size()))));
    }
    return burst;
  }

  /** Stops writing until {@link #resume}; returns once no burst is being written. */
  synchronized void pause() {
    paused = true;
  }

  synchronized void resume() {
    paused = false;
    notifyAll();
  }

  /** The machine rebooted: what comes next belongs to a new boot, its kernel clock from zero. */
  synchronized void reboot(String bootId) {
    history = new KernelHistory(bootId, 1_000_000);
  }

  /** Every NVIDIA line written so far, in order. */
  synchronized List<ExportEntry> nvidiaLines() {
    return List.copyOf(nvidia);
  }

  @Override
  public void close() throws Exception {
    stopped = true;
    resume();
    thread.join();
    if (failure != null) {
      throw failure;
    }
  }
}
