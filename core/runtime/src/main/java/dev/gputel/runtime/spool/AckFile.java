package dev.gputel.runtime.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Where the exporter has acknowledged up to, kept in two checksummed slots written in turn, so a
 * write torn by a crash leaves the other slot intact. Losing the newest acknowledgement only means
 * re-sending some records (at-least-once), so it is not forced to disk on every update.
 */
final class AckFile implements AutoCloseable {
  private static final int SLOT = 32;
  private static final int MAGIC = 0x41434b31; // "ACK1"

  private final Path file;
  private FileChannel channel;
  private long sequence;

  private AckFile(Path file) throws IOException {
    this.file = file;
    this.channel = openChannel();
  }

  static AckFile open(Path file) throws IOException {
    return new AckFile(file);
  }

  private FileChannel openChannel() throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /** Returns the newest intact position, or null when none was ever written. */
  Position read() throws IOException {
    Position best = null;
    long bestSequence = -1;
    for (int slot = 0; slot < 2; slot++) {
      ByteBuffer buffer = ByteBuffer.allocate(SLOT).order(ByteOrder.BIG_ENDIAN);
      int n = channel.read(buffer, (long) slot * SLOT);
      if (n < SLOT) {
        continue;
      }
      buffer.flip();
      long seq = buffer.getLong();
      long segment = buffer.getLong();
      long offset = buffer.getLong();
      int crc = buffer.getInt();
      int magic = buffer.getInt();
      if (magic == MAGIC && crc == crc(seq, segment, offset) && seq > bestSequence) {
        bestSequence = seq;
        best = new Position(segment, offset);
      }
    }
    sequence = Math.max(0, bestSequence + 1);
    return best;
  }

  void write(Position position) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(SLOT).order(ByteOrder.BIG_ENDIAN);
    buffer.putLong(sequence).putLong(position.segment()).putLong(position.offset());
    buffer.putInt(crc(sequence, position.segment(), position.offset())).putInt(MAGIC).flip();
    long at = (sequence % 2) * SLOT;
    while (buffer.hasRemaining()) {
      at += channel().write(buffer, at);
    }
    sequence++;
  }

  void force() throws IOException {
    channel().force(false); // fsync flushes the file, whichever descriptor wrote it
  }

  /** Returns the channel, reopened if a worker interrupted while writing (at the shutdown deadline) closed it. */
  private FileChannel channel() throws IOException {
    if (!channel.isOpen()) {
      channel = openChannel();
    }
    return channel;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static int crc(long seq, long segment, long offset) {
    ByteBuffer buffer = ByteBuffer.allocate(24).putLong(seq).putLong(segment).putLong(offset);
    CRC32C crc = new CRC32C();
    crc.update(buffer.array());
    return (int) crc.getValue();
  }
}
