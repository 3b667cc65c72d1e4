package dev.gputel.xid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * NVIDIA's Xid catalog, loaded from the versioned data file {@code xid-catalog.tsv} beside this
 * class. A code that is not in it is still an Xid: callers report it as unknown with {@link
 * Resolution#CONTACT_SUPPORT}, never drop it (the catalog grows with every driver).
 */
public final class XidCatalog {
  private static final String RESOURCE = "xid-catalog.tsv";
  private static final XidCatalog BUILT_IN = load();

  private final String version;
  private final String source;
  private final XidEntry[] byCode;
  private final List<XidEntry> entries;

  private XidCatalog(String version, String source, List<XidEntry> entries) {
    this.version = version;
    this.source = source;
    this.entries = List.copyOf(entries);
    int max = entries.stream().mapToInt(XidEntry::code).max().orElse(0);
    this.byCode = new XidEntry[max + 1];
    entries.forEach(entry -> byCode[entry.code()] = entry);
  }

  /** Returns the catalog shipped with gputel. */
  public static XidCatalog builtIn() {
    return BUILT_IN;
  }

  /** Returns the catalog's version line, the date NVIDIA's catalog was transcribed. */
  public String version() {
    return version;
  }

  /** Returns where the data comes from. */
  public String source() {
    return source;
  }

  public Optional<XidEntry> find(int code) {
    return Optional.ofNullable(entry(code));
  }

  /** Returns the entry for {@code code}, or null: the allocation-free form of {@link #find}. */
  public XidEntry entry(int code) {
    return code >= 0 && code < byCode.length ? byCode[code] : null;
  }

  /** Returns every entry, by code. */
  public List<XidEntry> entries() {
    return entries;
  }

  private static XidCatalog load() {
    CatalogTable table = CatalogTable.read(RESOURCE);
    int code = table.column("code");
    int mnemonic = table.column("mnemonic");
    int description = table.column("description");
    int legacy = table.column("legacy_description");
    int causes = table.column("causes");
    int immediate = table.column("immediate");
    int investigatory = table.column("investigatory");
    TreeMap<Integer, XidEntry> entries = new TreeMap<>();
    for (CatalogTable.Row row : table.rows()) {
      int number;
      Resolution bucket;
      try {
        number = Integer.parseInt(row.cell(code));
        bucket = Resolution.fromCatalog(row.cell(immediate));
      } catch (IllegalArgumentException e) {
        throw table.problem(row, e.getMessage());
      }
      if (row.cell(mnemonic).isEmpty() || row.cell(description).isEmpty()) {
        throw table.problem(row, "Xid " + number + " has no mnemonic or description");
      }
      XidEntry entry = new XidEntry(number, row.cell(mnemonic), row.cell(description),
          row.cell(legacy).isEmpty() ? null : row.cell(legacy), causes(table, row, row.cell(causes)), bucket,
          row.cell(investigatory));
      if (entries.put(number, entry) != null) {
        throw table.problem(row, "Xid " + number + " appears twice");
      }
    }
    return new XidCatalog(table.required("version"), table.required("source"), new ArrayList<>(entries.values()));
  }

  private static Set<Cause> causes(CatalogTable table, CatalogTable.Row row, String cell) {
    if (cell.isEmpty()) {
      return null;
    }
    if (cell.equals("-")) {
      return Set.of();
    }
    EnumSet<Cause> causes = EnumSet.noneOf(Cause.class);
    for (char letter : cell.toCharArray()) {
      Cause cause = Cause.byLetter(letter);
      if (cause == null) {
        throw table.problem(row, "'" + letter + "' is not a cause letter (HDUMBTF)");
      }
      causes.add(cause);
    }
    return Collections.unmodifiableSet(causes);
  }
}
