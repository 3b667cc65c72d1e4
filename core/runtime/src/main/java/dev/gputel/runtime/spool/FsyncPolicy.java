package dev.gputel.runtime.spool;

/** When appended spool data is forced to disk. */
public enum FsyncPolicy {
  /** Before an append returns; concurrent appends share one fsync (group commit). */
  ALWAYS,
  /** At most once per interval; a machine crash may lose that much, an agent crash nothing. */
  INTERVAL,
  /** Never by the spool; the operating system writes back when it chooses. */
  NEVER
}
