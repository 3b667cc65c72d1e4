#!/bin/sh
# Lays out the image's files besides /etc: the agent's distribution (lib/, config/, plugins/, as in
# the tarball) under /opt/gputel, a Java runtime cut down with jlink from the JDK that runs the
# build under /opt/jre, the host's glibc files that runtime loads, and the empty directories the
# agent writes to. The image is FROM scratch, so nothing else is there.
#
# Usage: rootfs.sh DISTRIBUTION_DIR JAVA_HOME OUTPUT_DIR MODULES
#   DISTRIBUTION_DIR  distributions/agent/target/gputel-<version>, the tarball unpacked
#   MODULES           the Java modules to keep, comma-separated; none for no runtime
set -eu
distribution=$1
java_home=$2
out=$3
modules=$4

if [ ! -d "$distribution/lib" ]; then
  echo "rootfs.sh: $distribution/lib does not exist: build distributions/agent first" \
    "(mvn -pl distributions/image -am package)" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out/opt/gputel"
for part in lib config plugins; do
  cp -R "$distribution/$part" "$out/opt/gputel/$part"
done
mkdir -p "$out/tmp" "$out/var/lib/gputel"
if [ "$modules" = none ]; then
  exit 0  # -Pjre-base: the base image brings Java and its libraries
fi
mkdir -p "$out/lib/x86_64-linux-gnu" "$out/lib64"

"$java_home/bin/jlink" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --output "$out/opt/jre"

# Every shared library the runtime's binaries and libraries link against, as the dynamic linker
# resolves them on this host, plus libgcc_s, which glibc loads by name (not via a DT_NEEDED entry)
# to unwind a thread that exits through pthread_exit.
needed=$(find "$out/opt/jre" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
  | sed -n 's/^.*=> \(\/[^ ]*\) .*$/\1/p' | sort -u)
for lib in $needed $(ldconfig -p | sed -n 's/^.*libgcc_s\.so\.1 (libc6,x86-64) => //p' | head -n 1); do
  case $lib in
    "$out"/*) ;;  # the runtime's own libraries, found through its $ORIGIN rpath
    *) cp -L "$lib" "$out/lib/x86_64-linux-gnu/" ;;
  esac
done
interpreter=/lib64/ld-linux-x86-64.so.2
[ -e "$interpreter" ] || { echo "rootfs.sh: no $interpreter: the image is built on x86-64 Linux with glibc" >&2; exit 1; }
cp -L "$interpreter" "$out/lib64/"

# A runtime whose libraries are missing would fail only when the container starts: check now, with
# nothing but the copied files on the library path.
for lib in $(find "$out/opt/jre" -type f -name '*.so'); do
  if LD_LIBRARY_PATH="$out/lib/x86_64-linux-gnu:$out/opt/jre/lib/server" ldd "$lib" | grep -q 'not found'; then
    echo "rootfs.sh: $lib needs a library that was not copied:" >&2
    LD_LIBRARY_PATH="$out/lib/x86_64-linux-gnu:$out/opt/jre/lib/server" ldd "$lib" >&2
    exit 1
  fi
done
