package dev.gputel.runtime.spool;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends numbered records to a spool from several threads until killed, printing each number
 * once its append has returned: the parent test knows which records the spool promised to keep.
 *
 * <p>Arguments: spool directory, threads, payload bytes, fsync policy.
 */
public final class SpoolCrashChild {
  private SpoolCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    int payloadBytes = Integer.parseInt(args[2]);
    FsyncPolicy fsync = FsyncPolicy.valueOf(args[3]);
    Spool spool = Spool.open(directory, SpoolSettings.of(directory, 1L << 40, 8L << 20, fsync));
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    AtomicLong sequence = new AtomicLong();
    for (int t = 0; t < threads; t++) {
      Thread.ofPlatform().start(() -> {
        try {
          while (true) {
            long n = sequence.incrementAndGet();
            spool.append(payload(n, payloadBytes));
            synchronized (out) {
              out.println(n);
              out.flush();
            }
          }
        } catch (Exception e) {
          e.printStackTrace();
        }
      });
    }
  }

  /** A record that carries its number and a filler the parent checks byte by byte. */
  static byte[] payload(long n, int size) {
    byte[] header = ("seq=" + n + ";").getBytes(StandardCharsets.US_ASCII);
    byte[] payload = Arrays.copyOf(header, Math.max(size, header.length));
    Arrays.fill(payload, header.length, payload.length, (byte) ('a' + n % 26));
    return payload;
  }
}
