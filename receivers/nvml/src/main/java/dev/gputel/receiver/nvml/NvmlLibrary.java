package dev.gputel.receiver.nvml;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One loaded copy of libnvidia-ml: the address of each function the receiver calls, found once at
 * load, and typed calls through one downcall handle per C signature. A function the library lacks
 * answers {@link NvmlReturn#FUNCTION_NOT_FOUND}. Closing unloads the library and frees everything
 * allocated from {@link #arena()}; nothing may call it afterwards.
 */
final class NvmlLibrary implements AutoCloseable {
  private static final int FUNCTION_NOT_FOUND = NvmlReturn.FUNCTION_NOT_FOUND.code();
  private static final Set<NvmlFunction> REQUIRED = EnumSet.of(
      NvmlFunction.INIT, NvmlFunction.SHUTDOWN, NvmlFunction.DEVICE_COUNT, NvmlFunction.HANDLE_BY_INDEX);
  private static final MethodHandle ERROR_STRING =
      Linker.nativeLinker().downcallHandle(FunctionDescriptor.of(ADDRESS, JAVA_INT));

  private final Arena arena;
  private final MemorySegment[] addresses;
  private final String[] symbols;
  private final MemorySegment errorString;

  private NvmlLibrary(Arena arena, SymbolLookup lookup) {
    this.arena = arena;
    this.addresses = new MemorySegment[NvmlFunction.values().length];
    this.symbols = new String[addresses.length];
    for (NvmlFunction function : NvmlFunction.values()) {
      for (String symbol : function.symbols()) {
        Optional<MemorySegment> address = lookup.find(symbol);
        if (address.isPresent()) {
          addresses[function.ordinal()] = address.get();
          symbols[function.ordinal()] = symbol;
          break;
        }
      }
    }
    this.errorString = lookup.find("nvmlErrorString").orElse(null);
  }

  /**
   * Loads the library: a file when {@code library} names a path (has a '/'), else a name the
   * dynamic linker searches for, as {@code dlopen} does.
   *
   * @throws NvmlLoadException when it cannot be loaded or lacks the functions every NVML has
   */
  static NvmlLibrary load(String library) throws NvmlLoadException {
    Arena arena = Arena.ofShared();
    try {
      SymbolLookup lookup = library.contains("/")
          ? SymbolLookup.libraryLookup(Path.of(library), arena)
          : SymbolLookup.libraryLookup(library, arena);
      NvmlLibrary loaded = new NvmlLibrary(arena, lookup);
      for (NvmlFunction function : REQUIRED) {
        if (!loaded.has(function)) {
          throw new NvmlLoadException(library + " is not NVML: it has no " + String.join(" or ", function.symbols()));
        }
      }
      return loaded;
    } catch (IllegalArgumentException e) {
      arena.close();
      throw new NvmlLoadException("cannot load " + library + " (" + e.getMessage() + ")");
    } catch (NvmlLoadException e) {
      arena.close();
      throw e;
    }
  }

  /** Memory that lives as long as the library is loaded. */
  Arena arena() {
    return arena;
  }

  boolean has(NvmlFunction function) {
    return addresses[function.ordinal()] != null;
  }

  /** The symbol found for a function (e.g. {@code nvmlInit_v2} or, on an old driver, {@code nvmlInit}). */
  String symbol(NvmlFunction function) {
    String symbol = symbols[function.ordinal()];
    return symbol != null ? symbol : function.symbols().getFirst();
  }

  /** Returns NVML's text for a return code ("Driver Not Loaded"), or the code's name. */
  String describe(int code) {
    if (errorString != null) {
      try {
        MemorySegment text = (MemorySegment) ERROR_STRING.invokeExact(errorString, code);
        if (!text.equals(MemorySegment.NULL)) {
          // A static C string of NVML's; 256 bytes is far more than its longest message.
          return text.reinterpret(256).getString(0);
        }
      } catch (Throwable e) {
        throw failure("nvmlErrorString", e);
      }
    }
    return NvmlReturn.of(code).name();
  }

  int call(NvmlFunction function) {
    MemorySegment address = address(function, NvmlFunction.Shape.NONE);
    if (address == null) {
      return FUNCTION_NOT_FOUND;
    }
    try {
      return (int) NvmlFunction.Shape.NONE.handle.invokeExact(address);
    } catch (Throwable e) {
      throw failure(symbol(function), e);
    }
  }

  int call(NvmlFunction function, MemorySegment a) {
    MemorySegment address = address(function, NvmlFunction.Shape.P);
    if (address == null) {
      return FUNCTION_NOT_FOUND;
    }
    try {
      return (int) NvmlFunction.Shape.P.handle.invokeExact(address, a);
    } catch (Throwable e) {
      throw failure(symbol(function), e);
    }
  }

  int call(NvmlFunction function, int a, MemorySegment b) {
    MemorySegment address = address(function, NvmlFunction.Shape.I_P);
    if (address == null) {
      return FUNCTION_NOT_FOUND;
    }
    try {
      return (int) NvmlFunction.Shape.I_P.handle.invokeExact(address, a, b);
    } catch (Throwable e) {
      throw failure(symbol(function), e);
    }
  }

  int call(NvmlFunction function, MemorySegment a, int b) {
    MemorySegment address = address(function, NvmlFunction.Shape.P_I);
    if (address == null) {
      return FUNCTION_NOT_FOUND;
    }
    try {
      return (int) NvmlFunction.Shape.P_I.handle.invokeExact(address, a, b);
    } catch (Throwable e) {
      throw failure(symbol(function), e);
    }
  }

  int call(NvmlFunction function, MemorySegment a, MemorySegment b) {
    MemorySegment address = address(function, NvmlFunction.Shape.P_P);
    if (address == null) {
      return FUNCTION_NOT_FOUND;
    }
    try {
      return (int) NvmlFunction.Shape.P_P.handle.invokeExact(address, a, b);
    } catch (Throwable e) {
      throw failure(symbol(function), e);
    }
  }

  int call(NvmlFunction function, MemorySegment a, MemorySegment b, int c) {
    MemorySegment address = address(function, NvmlFunction.Shape.P_P_I);
    if (address == null) {
      return FUNCTION_NOT_FOUND;
    }
    try {
      return (int) NvmlFunction.Shape.P_P_I.handle.invokeExact(address, a, b, c);
    } catch (Throwable e) {
      throw failure(symbol(function), e);
    }
  }

  int call(NvmlFunction function, MemorySegment a, int b, MemorySegment c) {
    MemorySegment address = address(function, NvmlFunction.Shape.P_I_P);
    if (address == null) {
      return FUNCTION_NOT_FOUND;
    }
    try {
      return (int) NvmlFunction.Shape.P_I_P.handle.invokeExact(address, a, b, c);
    } catch (Throwable e) {
      throw failure(symbol(function), e);
    }
  }

  int call(NvmlFunction function, MemorySegment a, MemorySegment b, MemorySegment c) {
    MemorySegment address = address(function, NvmlFunction.Shape.P_P_P);
    if (address == null) {
      return FUNCTION_NOT_FOUND;
    }
    try {
      return (int) NvmlFunction.Shape.P_P_P.handle.invokeExact(address, a, b, c);
    } catch (Throwable e) {
      throw failure(symbol(function), e);
    }
  }

  int call(NvmlFunction function, MemorySegment a, MemorySegment b, MemorySegment c, MemorySegment d) {
    MemorySegment address = address(function, NvmlFunction.Shape.P_P_P_P);
    if (address == null) {
      return FUNCTION_NOT_FOUND;
    }
    try {
      return (int) NvmlFunction.Shape.P_P_P_P.handle.invokeExact(address, a, b, c, d);
    } catch (Throwable e) {
      throw failure(symbol(function), e);
    }
  }

  int call(NvmlFunction function, MemorySegment a, long b, MemorySegment c) {
    MemorySegment address = address(function, NvmlFunction.Shape.P_L_P);
    if (address == null) {
      return FUNCTION_NOT_FOUND;
    }
    try {
      return (int) NvmlFunction.Shape.P_L_P.handle.invokeExact(address, a, b, c);
    } catch (Throwable e) {
      throw failure(symbol(function), e);
    }
  }

  /** Unloads the library (when nothing else in the process holds it) and frees the arena. */
  @Override
  public void close() {
    arena.close();
  }

  private MemorySegment address(NvmlFunction function, NvmlFunction.Shape called) {
    if (function.shape() != called) {
      throw new IllegalArgumentException(function + " has signature " + function.shape() + ", called as " + called);
    }
    return addresses[function.ordinal()];
  }

  private static IllegalStateException failure(String symbol, Throwable cause) {
    return new IllegalStateException("calling " + symbol + " failed", cause);
  }
}
