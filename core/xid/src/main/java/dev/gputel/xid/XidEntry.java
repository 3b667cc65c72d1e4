package dev.gputel.xid;

import java.util.Set;

/**
 * One row of NVIDIA's Xid catalog.
 *
 * @param description the catalog's description; {@code Unused} for codes that should not occur on
 *     Ampere and later GPUs
 * @param legacyDescription what the code meant on older GPUs when the catalog says {@code Unused},
 *     else null
 * @param causes the r555 matrix's marks; empty when none is marked, null when the code is not in the
 *     matrix
 * @param investigatory the catalog's investigatory bucket as written ({@code CHECK_APP/CUDA}, {@code
 *     WORKFLOW_XID_31}), or empty
 */
public record XidEntry(
    int code,
    String mnemonic,
    String description,
    String legacyDescription,
    Set<Cause> causes,
    Resolution immediate,
    String investigatory) {

  /** Returns whether the catalog marks the code unused on Ampere and later GPUs. */
  public boolean unusedOnCurrentGpus() {
    return description.equals("Unused");
  }
}
