#!/bin/sh
# Installs, upgrades or removes the gputel agent as a systemd service on Amazon Linux 2023 or
# Ubuntu. Run it as root from an unpacked tarball:
#
#   tar xzf gputel-<version>.tar.gz && sudo gputel-<version>/install/install.sh
#
# Plain POSIX sh (dash on Ubuntu, bash on AL2023), like bin/gputel, using only tools both distros
# have in their minimal images: coreutils, sed, grep, shadow's useradd/usermod, systemctl.
# docs/install.md describes every option; `install.sh --help` lists them.
set -eu
umask 022

program=install.sh
user=gputel
required_java=25

usage() {
  cat <<'USAGE'
Usage: install.sh [options]            install or upgrade gputel, enable and (re)start it
       install.sh --uninstall [--purge] remove it; --purge also removes config, state, logs, user

Options:
  --root DIR         install into DIR as if it were / (an image being built, a test root);
                     nothing is started, the unit is enabled offline with systemctl --root
  --no-start         install and enable, but do not start or restart the service
  --no-enable        install only: neither enable nor start the service
  --config FILE      the configuration to install as /etc/gputel/gputel.conf when there is none
                     (default: include the shipped config/gpu-host.conf)
  --java-home DIR    the Java 25 runtime the service uses (default: found under /usr/lib/jvm,
                     else java on PATH)
  --install-java     install the distro's Java 25 package when none is found
                     (AL2023: java-25-amazon-corretto-headless, Ubuntu: openjdk-25-jre-headless)
  --skip-java-check  install even when no Java 25 is found (it must be there before the start)
  --force            go on when /etc/os-release names neither Amazon Linux 2023 nor Ubuntu
  --uninstall        stop, disable and remove the agent; keeps /etc/gputel, /var/lib/gputel,
                     /var/log/gputel and the gputel user unless --purge is given
  --purge            with --uninstall: remove those too
  -h, --help         this text
USAGE
}

say() { echo "$program: $*"; }
fail() {
  echo "$program: $*" >&2
  exit 1
}

root=/
action=install
start=yes
enable=yes
config_source=
java_home=
install_java=no
check_java=yes
force=no
purge=no
while [ $# -gt 0 ]; do
  case $1 in
    --root) [ $# -ge 2 ] || fail "--root needs a directory"; root=$2; shift ;;
    --root=*) root=${1#*=} ;;
    --no-start) start=no ;;
    --no-enable) enable=no; start=no ;;
    --config) [ $# -ge 2 ] || fail "--config needs a file"; config_source=$2; shift ;;
    --config=*) config_source=${1#*=} ;;
    --java-home) [ $# -ge 2 ] || fail "--java-home needs a directory"; java_home=$2; shift ;;
    --java-home=*) java_home=${1#*=} ;;
    --install-java) install_java=yes ;;
    --skip-java-check) check_java=no ;;
    --force) force=yes ;;
    --uninstall) action=uninstall ;;
    --purge) purge=yes ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown option '$1'" ;;
  esac
  shift
done

if [ "$purge" = yes ] && [ "$action" != uninstall ]; then fail "--purge goes with --uninstall"; fi
[ "$(id -u)" -eq 0 ] || fail "run me as root (sudo $0 ...): I create a user and write to /opt, /etc and /var"
[ -d "$root" ] || fail "--root '$root' is not a directory"
root=$(cd -P -- "$root" && pwd)
offline=no
[ "$root" = / ] || offline=yes
# $r prefixes every path this script writes: empty for the live host, the root directory otherwise.
if [ "$offline" = yes ]; then r=$root; else r=; fi
if [ "$offline" = yes ] && [ "$install_java" = yes ]; then
  fail "--install-java works on the live host only; install Java into the root with its own package manager"
fi
# With no running systemd (a container, a chroot), enabling still works offline; starting cannot.
systemd_running=no
if [ "$offline" = no ] && [ -d /run/systemd/system ]; then systemd_running=yes; fi

# --- The distribution: Amazon Linux 2023 or Ubuntu, from /etc/os-release -------------------------

os_field() {
  sed -n "s/^$1=//p" "$r/etc/os-release" 2>/dev/null | sed -n '1s/^["'\'']\(.*\)["'\'']$/\1/;1p'
}
[ -r "$r/etc/os-release" ] || [ "$force" = yes ] || [ "$action" = uninstall ] || fail "$r/etc/os-release is missing: cannot tell the distribution (--force to go on)"
os_id=$(os_field ID)
os_version=$(os_field VERSION_ID)
os_name=$(os_field PRETTY_NAME)
case $os_id:$os_version in
  amzn:2023*) distro=al2023 ;;
  ubuntu:*) distro=ubuntu ;;
  *)
    distro=other
    [ "$force" = yes ] || [ "$action" = uninstall ] || fail "this is '${os_name:-$os_id $os_version}', not Amazon Linux 2023 or Ubuntu:" \
      "the script knows their users, groups and Java packages only (--force to install anyway)" ;;
esac

# java_install runs with --install-java; java_hint is what an operator types instead.
case $distro in
  al2023)
    java_package=java-25-amazon-corretto-headless
    java_install="dnf install -y $java_package"
    java_hint="sudo $java_install" ;;
  ubuntu)
    java_package=openjdk-25-jre-headless
    java_install="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $java_package"
    java_hint="sudo apt-get update && sudo apt-get install -y $java_package" ;;
  *) java_package=; java_install=; java_hint= ;;
esac

# Login shell of the system user: each distro writes its own path into /etc/passwd (both are
# usr-merged, so both paths exist; this keeps the entry like the distro's own system users).
case $distro in
  al2023) nologin=/sbin/nologin ;;
  ubuntu) nologin=/usr/sbin/nologin ;;
  *) if [ -x "$r/usr/sbin/nologin" ]; then nologin=/usr/sbin/nologin; else nologin=/sbin/nologin; fi ;;
esac

# --- Helpers ----------------------------------------------------------------------------------------

# shadow's tools (useradd...) take --root DIR, and chroot there to edit DIR/etc/passwd and group.
shadow() {
  tool=$1
  shift
  if [ "$offline" = yes ]; then "$tool" --root "$root" "$@"; else "$tool" "$@"; fi
}
user_exists() { grep -q "^$1:" "$r/etc/passwd" 2>/dev/null || { [ "$offline" = no ] && getent passwd "$1" >/dev/null; }; }
group_exists() { grep -q "^$1:" "$r/etc/group" 2>/dev/null || { [ "$offline" = no ] && getent group "$1" >/dev/null; }; }
in_group() { grep "^$2:" "$r/etc/group" 2>/dev/null | cut -d: -f4 | tr ',' '\n' | grep -qx "$1"; }
# Numeric ids, read from the target's own files: in a --root, the host's names mean nothing.
user_id() { sed -n "s/^$user:[^:]*:\([0-9]*\):\([0-9]*\):.*/\\$1/p" "$r/etc/passwd"; }

systemctl_() {
  if [ "$offline" = yes ]; then systemctl --root="$root" "$@"; else systemctl "$@"; fi
}

# Prints the Java feature version ("25") of a java binary, or nothing when it does not run.
java_major() {
  spec=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p') || true
  case $spec in 1.*) spec=${spec#1.} ;; esac
  spec=${spec%%.*}
  case $spec in '' | *[!0-9]*) ;; *) echo "$spec" ;; esac
}

# Sets java_found (the JAVA_HOME to pin, empty for java on PATH) or returns 1.
find_java() {
  if [ -n "$java_home" ]; then
    major=$(java_major "$r$java_home/bin/java")
    [ -n "$major" ] || fail "--java-home '$java_home' has no runnable bin/java"
    [ "$major" -ge "$required_java" ] || fail "--java-home '$java_home' is Java $major; gputel needs Java $required_java or later"
    java_found=$java_home
    return 0
  fi
  # The distros' packages install under /usr/lib/jvm (java-25-openjdk-amd64,
  # java-25-amazon-corretto...); pinning one there keeps the service on Java 25 even when
  # another Java is the default `java`.
  for candidate in "$r"/usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$required_java" ]; then
      java_found=${candidate#"$r"}
      return 0
    fi
  done
  if [ "$offline" = no ] && command -v java >/dev/null 2>&1; then
    major=$(java_major "$(command -v java)")
    if [ -n "$major" ] && [ "$major" -ge "$required_java" ]; then
      java_found=
      return 0
    fi
  fi
  return 1
}

# --- Uninstall --------------------------------------------------------------------------------------

if [ "$action" = uninstall ]; then
  if [ -f "$r/etc/systemd/system/gputel.service" ]; then
    if [ "$systemd_running" = yes ]; then
      systemctl disable --now gputel.service || true
    else
      systemctl_ disable gputel.service || true
    fi
  fi
  rm -f "$r/etc/systemd/system/gputel.service" "$r/etc/systemd/system/gputel.service.d/java.conf"
  # An operator's own drop-ins (systemctl edit) stay; the folder goes only when empty.
  rmdir "$r/etc/systemd/system/gputel.service.d" 2>/dev/null || true
  if [ "$systemd_running" = yes ]; then systemctl daemon-reload; fi
  rm -f "$r/opt/gputel"
  for dir in "$r"/opt/gputel-*; do
    if [ -f "$dir/bin/gputel" ]; then rm -rf "$dir"; fi
  done
  if [ "$purge" = yes ]; then
    rm -rf "$r/etc/gputel" "$r/var/lib/gputel" "$r/var/log/gputel"
    if user_exists "$user"; then
      shadow userdel "$user"
    fi
    # userdel removes the user's own group only where login.defs says USERGROUPS_ENAB yes.
    if group_exists "$user"; then
      shadow groupdel "$user"
    fi
    say "removed gputel, its configuration, state, logs and user"
  else
    say "removed gputel; kept /etc/gputel, /var/lib/gputel, /var/log/gputel and user $user (--purge removes them)"
  fi
  exit 0
fi

# --- Install or upgrade -----------------------------------------------------------------------------

self=$0
case $self in */*) ;; *) self=$(command -v "$self") ;; esac
source_dir=$(cd -P -- "$(dirname -- "$self")/.." && pwd)
if [ ! -f "$source_dir/VERSION" ] || [ ! -x "$source_dir/bin/gputel" ]; then
  fail "$source_dir is not an unpacked gputel distribution (no VERSION or bin/gputel)"
fi
version=$(cat "$source_dir/VERSION")
case $version in '' | */* | *[!A-Za-z0-9._-]*) fail "$source_dir/VERSION holds no usable version: '$version'" ;; esac

# Java first: it is the one prerequisite, and failing before any change leaves the host as it was.
java_found=
if [ "$check_java" = yes ] && ! find_java; then
  if [ "$install_java" = yes ] && [ -n "$java_install" ]; then
    say "no Java $required_java found; installing $java_package"
    sh -c "$java_install"
    find_java || fail "installed $java_package but still found no Java $required_java"
  elif [ -n "$java_install" ]; then
    fail "no Java $required_java runtime found (under /usr/lib/jvm or on PATH). Install it with:" \
      "$java_hint   (or re-run with --install-java, or --java-home DIR)"
  else
    fail "no Java $required_java runtime found (under /usr/lib/jvm or on PATH): install one, then re-run" \
      "(or pass --java-home DIR)"
  fi
fi
if [ -n "$config_source" ] && [ ! -r "$config_source" ]; then
  fail "--config '$config_source' is not a readable file"
fi

# The system user: no home to log into, no shell. The journal's group lets it read kernel lines.
if ! group_exists systemd-journal; then
  # systemd creates this group on both distros; a host without it gets it, so the unit's
  # SupplementaryGroups= resolves (journald gives the group read access once it exists).
  shadow groupadd --system systemd-journal
fi
if user_exists "$user"; then
  say "user $user exists; keeping it"
else
  shadow useradd --system --user-group --no-create-home --home-dir /var/lib/gputel \
    --shell "$nologin" --comment "gputel GPU telemetry agent" "$user"
  say "created system user $user (shell $nologin)"
fi
if ! in_group "$user" systemd-journal; then
  shadow usermod -a -G systemd-journal "$user"
fi

# The program: /opt/gputel-<version>, with /opt/gputel a link to the current one. An upgrade
# unpacks beside the running version and moves the link at once (rename is atomic), so the unit
# path never changes and the previous version stays for a rollback.
mkdir -p "$r/opt"
if [ -d "$r/opt/gputel" ] && [ ! -h "$r/opt/gputel" ]; then
  fail "$r/opt/gputel is a directory, not the link this script manages: move it away, then re-run"
fi
previous=
if [ -h "$r/opt/gputel" ]; then previous=$(readlink "$r/opt/gputel"); fi
target=$r/opt/gputel-$version
if [ "$(cd -P -- "$target" 2>/dev/null && pwd)" = "$source_dir" ]; then
  say "running from $target itself; its files stay as they are"
else
  staging=$r/opt/.gputel-$version.installing
  rm -rf "$staging"
  mkdir -p "$staging"
  cp -R "$source_dir/." "$staging/"
  rm -rf "$target"
  mv "$staging" "$target"
fi
ln -sfn "gputel-$version" "$r/opt/.gputel.link"
mv -T "$r/opt/.gputel.link" "$r/opt/gputel"
if [ -n "$previous" ] && [ "$previous" != "gputel-$version" ]; then
  say "upgraded $previous -> gputel-$version"
fi
# On a version change, keep the new and the previous version; older ones go. Re-installing the
# same version keeps them all, so the rollback target survives a re-run.
if [ -n "$previous" ] && [ "$previous" != "gputel-$version" ]; then
  for dir in "$r"/opt/gputel-*; do
    name=${dir##*/}
    [ -f "$dir/bin/gputel" ] || continue
    [ "$name" = "gputel-$version" ] || [ "$name" = "$previous" ] || rm -rf "$dir"
  done
fi

# Configuration and state. Both survive upgrades and a plain uninstall: the script writes the
# configuration only when there is none.
mkdir -p "$r/etc/gputel"
config_written=yes
if [ -e "$r/etc/gputel/gputel.conf" ]; then
  config_written=no
  say "keeping the configuration in /etc/gputel/gputel.conf"
elif [ -n "$config_source" ]; then
  cp "$config_source" "$r/etc/gputel/gputel.conf"
  say "installed $config_source as /etc/gputel/gputel.conf"
else
  cat >"$r/etc/gputel/gputel.conf" <<'CONF'
# gputel configuration, written once by install.sh: upgrades keep this file as it is.
#
# The shipped GPU host settings: NVML metrics every 10 s, printed as JSON lines (to the journal:
# journalctl -u gputel), and NVIDIA Xid events from the kernel log, classified, in
# /var/log/gputel/gpu-events.jsonl. Replace the include with your own pipelines to send elsewhere:
# /opt/gputel/config/examples has CloudWatch, OTLP and Prometheus settings. Check a change with
#   /opt/gputel/bin/gputel validate --config /etc/gputel/gputel.conf
include file("/opt/gputel/config/gpu-host.conf")
CONF
  say "wrote the default /etc/gputel/gputel.conf (the shipped gpu-host settings)"
fi
uid=$(user_id 1)
gid=$(user_id 2)
if [ "$config_written" = yes ] && [ -n "$gid" ]; then
  # It may hold credentials (exporter headers): readable by root and the agent's group only.
  chown "0:$gid" "$r/etc/gputel/gputel.conf"
  chmod 0640 "$r/etc/gputel/gputel.conf"
fi
if [ -n "$uid" ]; then
  # systemd's StateDirectory= and LogsDirectory= create these at start; creating them now lets a
  # baked image or a --root carry them with the right owner, and keeps a state from before.
  for dir in "$r/var/lib/gputel" "$r/var/log/gputel"; do
    mkdir -p "$dir"
    chown "$uid:$gid" "$dir"
    chmod 0750 "$dir"
  done
fi

# The unit: replaced on every install (local changes belong in drop-ins, systemctl edit gputel).
mkdir -p "$r/etc/systemd/system"
cp "$r/opt/gputel/systemd/gputel.service" "$r/etc/systemd/system/gputel.service"
chmod 0644 "$r/etc/systemd/system/gputel.service"
dropin=$r/etc/systemd/system/gputel.service.d
if [ -n "$java_found" ]; then
  mkdir -p "$dropin"
  cat >"$dropin/java.conf" <<JAVA
# Written by gputel's install.sh on every install: the Java $required_java runtime it found.
# Re-run install.sh after changing Java; your own settings belong in override.conf (systemctl edit).
[Service]
Environment=JAVA_HOME=$java_found
JAVA
  say "the service uses Java at $java_found"
else
  rm -f "$dropin/java.conf"
  rmdir "$dropin" 2>/dev/null || true
  if [ "$check_java" = yes ]; then say "the service uses java on PATH"; fi
fi

if [ "$systemd_running" = yes ]; then
  systemctl daemon-reload
fi
if [ "$enable" = yes ]; then
  systemctl_ enable gputel.service
fi

if [ "$start" = yes ] && [ "$systemd_running" = yes ]; then
  # A configuration error would make the service restart in a loop: check it first.
  if ! JAVA_HOME=$java_found /opt/gputel/bin/gputel validate --config /etc/gputel/gputel.conf; then
    fail "gputel $version is installed, but /etc/gputel/gputel.conf is invalid (above):" \
      "fix it, then run: systemctl restart gputel"
  fi
  systemctl restart gputel.service
  say "gputel $version is running: systemctl status gputel; journalctl -u gputel -f"
elif [ "$start" = yes ] && [ "$offline" = no ]; then
  say "gputel $version is installed; systemd is not running here, so it starts at the next boot"
else
  say "gputel $version is installed in $root; not started"
fi
