/**
 * NVIDIA Xid and SXid kernel-log lines: {@link dev.gputel.xid.XidPrefilter} (the cheap first test),
 * {@link dev.gputel.xid.KernelLineParser} (every driver era, any log prefix), the versioned
 * catalogs ({@link dev.gputel.xid.XidCatalog}, {@link dev.gputel.xid.SxidCatalog}), the severity
 * policies and {@link dev.gputel.xid.XidClassifier}. Shared by the kernel-log receiver, the
 * xid-classifier processor and {@code gputel xid}.
 */
package dev.gputel.xid;
