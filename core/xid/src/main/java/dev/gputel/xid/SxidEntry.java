package dev.gputel.xid;

/** One NVSwitch SXid code from the Fabric Manager guide. */
public record SxidEntry(int code, SxidClass sxidClass, String name, SxidAction action) {}
