package dev.gputel.xid;

import dev.gputel.spi.data.Severity;

/**
 * What the catalog and the severity policy say about one Xid or SXid report.
 *
 * @param known whether the code is in the catalog; an unknown code still classifies, with {@code
 *     CONTACT_SUPPORT}
 * @param mnemonic the catalog mnemonic (Xid) or error name (SXid); null when unknown
 * @param description the catalog description, or for an SXid its class; null when unknown
 * @param immediate the immediate action: a {@link Resolution} name for Xids (for Xid 154 the action
 *     the line names), a {@link SxidAction} name for SXids
 * @param investigatory the catalog's investigatory bucket; null for SXids and unknown codes
 * @param sxidClass the SXid's Fabric Manager class, null for Xids and unknown SXids
 */
public record Classification(
    LineKind kind,
    int code,
    boolean known,
    String mnemonic,
    String description,
    Severity severity,
    String immediate,
    String investigatory,
    SxidClass sxidClass) {}
