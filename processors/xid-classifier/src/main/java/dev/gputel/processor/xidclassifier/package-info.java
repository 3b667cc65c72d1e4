/** The {@code xid-classifier} processor: NVIDIA Xid and SXid events classified, attributed and counted. */
package dev.gputel.processor.xidclassifier;
