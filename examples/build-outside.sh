#!/usr/bin/env bash
# Builds examples/loadavg-receiver the way a plugin project outside this repository is built: from
# a copy in a temporary folder, with the gputel SDK taken only from a Maven repository. It fails
# when the SDK is not consumable: an artifact or its POM missing or broken (resolution fails), a
# published POM that still needs gputel's parent (the parents are deleted before the build), or a
# plugin jar the agent does not load (the example's end-to-end test, LoadavgPluginIT, fails).
#
#   examples/build-outside.sh [MAVEN OPTIONS...]     e.g. -o to stay offline
#
# The SDK goes into a temporary local repository, never into your own: it is seeded with what your
# repository (MAVEN_SEED_REPOSITORY, default ~/.m2/repository) already holds, so that plugins and
# third-party libraries need no download, minus every dev.gputel artifact.
set -euo pipefail
cd "$(dirname "$0")/.."

# What a plugin project may use; anything else under dev/gputel is deleted before the outside build.
sdk=(gputel-bom gputel-spi gputel-testing gputel-core gputel-gpu gputel-xid gputel-exporter-debug)
sdk_modules=bom,core/spi,core/testing,exporters/debug

work=$(mktemp -d "${TMPDIR:-/tmp}/gputel-outside.XXXXXX")
trap 'rm -rf "$work"' EXIT
repository="$work/repository"
seed="${MAVEN_SEED_REPOSITORY:-$HOME/.m2/repository}"

started=$SECONDS
if [ -d "$seed" ]; then
  # Hard links where the file system allows (a copy of the file names, not of the data).
  cp -al "$seed" "$repository" 2>/dev/null || { rm -rf "$repository"; cp -a "$seed" "$repository"; }
  # Maven rewrites its bookkeeping files in place: give those their own copy, so that nothing
  # written into the temporary repository reaches the seed through a shared link.
  find "$repository" -type f ! -name '*.jar' ! -name '*.pom' ! -name '*.sha1' \
    -exec sh -c 'for f; do cp -p "$f" "$f.copy" && mv "$f.copy" "$f"; done' sh {} +
  rm -rf "$repository/dev/gputel"
else
  mkdir -p "$repository"
fi

echo "build-outside: installing the SDK (${sdk[*]}) into a temporary repository"
mvn -B -ntp -q install -DskipTests -Dmaven.repo.local="$repository" -pl "$sdk_modules" -am "$@"

# Only the SDK stays: a published POM that names a parent, or depends on a module outside the
# SDK, must fail the build below.
for artifact in "$repository"/dev/gputel/*; do
  name=$(basename "$artifact")
  [[ " ${sdk[*]} " == *" $name "* ]] || rm -rf "$artifact"
done
for name in "${sdk[@]}"; do
  [ -d "$repository/dev/gputel/$name" ] || { echo "build-outside: $name was not installed" >&2; exit 1; }
done

# The copy has no path back into this repository: no parent, no relativePath, no reactor.
cp -R examples/loadavg-receiver "$work/loadavg-receiver"
rm -rf "$work/loadavg-receiver/target"

echo "build-outside: mvn verify in a copy of examples/loadavg-receiver"
(cd "$work/loadavg-receiver" && mvn -B -ntp verify -Dmaven.repo.local="$repository" "$@")

jar="$work/loadavg-receiver/target/gputel-example-loadavg-receiver-0.1.0.jar"
[ -f "$jar" ] || { echo "build-outside: $jar was not built" >&2; exit 1; }
echo "build-outside: the example plugin built and passed its tests outside the reactor in $((SECONDS - started)) s"
