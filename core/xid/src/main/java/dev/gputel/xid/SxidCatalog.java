package dev.gputel.xid;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The NVSwitch SXid codes of the Fabric Manager guide, from the data file {@code sxid-catalog.tsv}. */
public final class SxidCatalog {
  private static final String RESOURCE = "sxid-catalog.tsv";
  private static final SxidCatalog BUILT_IN = load();

  private final String version;
  private final String source;
  private final Map<Integer, SxidEntry> byCode;

  private SxidCatalog(String version, String source, Map<Integer, SxidEntry> byCode) {
    this.version = version;
    this.source = source;
    this.byCode = Map.copyOf(byCode);
  }

  public static SxidCatalog builtIn() {
    return BUILT_IN;
  }

  /** Returns the Fabric Manager guide's document version the data follows. */
  public String version() {
    return version;
  }

  public String source() {
    return source;
  }

  public Optional<SxidEntry> find(int code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** Returns every entry, by code. */
  public List<SxidEntry> entries() {
    return new TreeMap<>(byCode).values().stream().toList();
  }

  private static SxidCatalog load() {
    CatalogTable table = CatalogTable.read(RESOURCE);
    int code = table.column("code");
    int sxidClass = table.column("class");
    int name = table.column("name");
    int action = table.column("action");
    Map<Integer, SxidEntry> entries = new TreeMap<>();
    for (CatalogTable.Row row : table.rows()) {
      SxidEntry entry;
      try {
        entry = new SxidEntry(Integer.parseInt(row.cell(code)), SxidClass.byId(row.cell(sxidClass)),
            row.cell(name), SxidAction.valueOf(row.cell(action)));
      } catch (IllegalArgumentException e) {
        throw table.problem(row, e.getMessage());
      }
      if (entries.put(entry.code(), entry) != null) {
        throw table.problem(row, "SXid " + entry.code() + " appears twice");
      }
    }
    return new SxidCatalog(table.required("version"), table.required("source"), entries);
  }
}
