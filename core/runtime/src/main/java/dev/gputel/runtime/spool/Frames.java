package dev.gputel.runtime.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of a segment: a 16-byte header (magic, version), then records of {@code
 * [length u32][crc32c u32][payload]}. A record whose length or checksum does not match was cut
 * short (or damaged) and ends the readable part of its segment.
 */
final class Frames {
  static final byte[] MAGIC = "GPUTELSP".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int SEGMENT_HEADER = 16;
  static final int RECORD_HEADER = 8;
  /** Larger lengths are damage, not data: no batch comes near it. */
  static final int MAX_PAYLOAD = 256 * 1024 * 1024;

  private Frames() {}

  static ByteBuffer segmentHeader() {
    ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER).order(ByteOrder.BIG_ENDIAN);
    header.put(MAGIC).putInt(VERSION).putInt(0).flip();
    return header;
  }

  static boolean hasValidHeader(FileChannel channel) throws IOException {
    if (channel.size() < SEGMENT_HEADER) {
      return false;
    }
    ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER);
    readFully(channel, header, 0);
    header.flip();
    byte[] magic = new byte[MAGIC.length];
    header.get(magic);
    return java.util.Arrays.equals(magic, MAGIC) && header.getInt() == VERSION;
  }

  static ByteBuffer frame(byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(RECORD_HEADER + payload.length).order(ByteOrder.BIG_ENDIAN);
    frame.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
    return frame;
  }

  /**
   * Reads the record at {@code offset}, or returns null when there is no complete, intact record
   * there before {@code end}.
   */
  static byte[] read(FileChannel channel, long offset, long end) throws IOException {
    if (end - offset < RECORD_HEADER) {
      return null;
    }
    ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER).order(ByteOrder.BIG_ENDIAN);
    if (readFully(channel, header, offset) < RECORD_HEADER) {
      return null;
    }
    header.flip();
    int length = header.getInt();
    int crc = header.getInt();
    if (length < 0 || length > MAX_PAYLOAD || end - offset - RECORD_HEADER < length) {
      return null;
    }
    ByteBuffer payload = ByteBuffer.allocate(length);
    if (readFully(channel, payload, offset + RECORD_HEADER) < length) {
      return null;
    }
    byte[] bytes = payload.array();
    return crc(bytes) == crc ? bytes : null;
  }

  static int crc(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }

  private static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    int total = 0;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }
}
