#!/usr/bin/env bash
# Builds Osprey's base image, a minimal Debian 12 (bookworm) with OpenJDK 17's headless JRE, as a
# docker-archive tarball (the `docker save` format, which Jib reads with `tar://` and `docker load`
# takes), without Docker and without a container registry: only Debian's packages are downloaded.
#
#   sudo deploy/base-image/build.sh [OUTPUT]     # default deploy/base-image/target/jre17-base.tar
#
# Needs root (debootstrap installs packages into a chroot) and debootstrap, tar, sha256sum and
# python3 (`apt-get install debootstrap` when missing). The Debian mirror is the one this machine's
# apt uses, or DEBIAN_MIRROR; point it at a dated snapshot of the archive to get the very same
# packages again. The packing is deterministic: files sorted, owned by root, none dated later than
# SOURCE_DATE_EPOCH (default: the archive's Release date). Two builds of the same packages differ
# only in files generated at install time: Java's trust store (its keystore has random salts) and,
# on another day, the user's password-change day in /etc/shadow.
#
# The image has one user besides root, osprey (uid and gid 10001), which the application runs as.
# BUILD_TRACE=1 traces every command; KEEP_WORK=1 keeps the work directory (the root filesystem).
set -euo pipefail
[[ -n "${BUILD_TRACE:-}" ]] && set -x
# debootstrap, chroot and the commands run inside the chroot live in sbin.
export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

here="$(cd "$(dirname "$0")" && pwd)"
out="$(realpath -m "${1:-$here/target/jre17-base.tar}")"
suite="${DEBIAN_SUITE:-bookworm}"
packages="openjdk-17-jre-headless,ca-certificates"
app_uid=10001

if [[ $EUID -ne 0 ]]; then
  echo "build.sh: needs root (debootstrap)" >&2
  exit 1
fi
if ! command -v debootstrap >/dev/null; then
  echo "build.sh: debootstrap is missing: apt-get install debootstrap" >&2
  exit 1
fi

# The mirror apt already uses here (deb822 sources first, then the one-line format).
apt_mirror() {
  local uri
  uri="$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/*.sources \
    2>/dev/null | grep -v -- '-security' | head -n 1 || true)"
  if [[ -z "$uri" && -f /etc/apt/sources.list ]]; then
    uri="$(awk '$1 == "deb" && $2 !~ /^\[/ && $2 !~ /-security/ { print $2; exit }' /etc/apt/sources.list)"
  fi
  printf '%s' "$uri"
}
mirror="${DEBIAN_MIRROR:-$(apt_mirror)}"
if [[ -z "$mirror" ]]; then
  echo "build.sh: no Debian mirror found in apt's sources: set DEBIAN_MIRROR" >&2
  exit 1
fi
arch="$(dpkg --print-architecture)"

work="$(mktemp -d "${TMPDIR:-/tmp}/osprey-base.XXXXXX")"
trap '[[ -n "${KEEP_WORK:-}" ]] || rm -rf "$work"' EXIT
rootfs="$work/rootfs"

echo "== debootstrap $suite ($arch) from $mirror with $packages"
debootstrap --variant=minbase --arch="$arch" --include="$packages" "$suite" "$rootfs" "$mirror" \
  >"$work/debootstrap.log" 2>&1 || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }

# The date of the archive the packages came from: files installed later (generated at install
# time) are dated back to it, so the layer does not depend on when it was built.
release_date="$(sed -n 's/^Date: //p' "$rootfs"/var/lib/apt/lists/*_dists_"${suite}"_Release | head -n 1)"
epoch="${SOURCE_DATE_EPOCH:-$(date -u -d "$release_date" +%s)}"

echo "== adding the osprey user and trimming the root filesystem"
chroot "$rootfs" groupadd --gid "$app_uid" osprey
chroot "$rootfs" useradd --uid "$app_uid" --gid "$app_uid" --no-create-home \
  --home-dir /nonexistent --shell /usr/sbin/nologin osprey
java_home="$(dirname "$(dirname "$(chroot "$rootfs" readlink -f /usr/bin/java)")")"
# The container runtime provides /dev, /proc, /sys, hostname and resolv.conf; apt's caches,
# documentation and logs are of no use in the image and differ between builds. The packages'
# copyright files stay (/usr/share/doc/*/copyright): the image redistributes them.
find "$rootfs/usr/share/doc" -mindepth 1 \( -type f -o -type l \) ! -name copyright -delete
find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
rm -rf "$rootfs"/dev/* "$rootfs"/proc/* "$rootfs"/sys/* "$rootfs"/run/* "$rootfs"/tmp/* \
  "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/* \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
  "$rootfs"/usr/share/locale/* "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/lib/dpkg/*-old \
  "$rootfs"/etc/hostname "$rootfs"/etc/resolv.conf "$rootfs"/etc/*- \
  "$rootfs"/var/cache/ldconfig/aux-cache
: >"$rootfs/etc/machine-id"
chmod 1777 "$rootfs/tmp"
# From the JDK's release file: java itself cannot run in a chroot without /proc.
java_version="OpenJDK $(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$rootfs$java_home/release")"
# TLS to the venues needs Java's trust store, which ca-certificates-java generates at install.
if [[ ! -s "$rootfs/etc/ssl/certs/java/cacerts" ]]; then
  echo "build.sh: no Java trust store (/etc/ssl/certs/java/cacerts) in the image" >&2
  exit 1
fi
echo "   $java_version in $java_home"

echo "== packing the layer (files dated $(date -u -d "@$epoch" +%FT%TZ))"
image="$work/image"
mkdir -p "$image"
# Entries named without a leading ./ (Jib refuses an archive entry named ./).
(cd "$rootfs" && tar --sort=name --mtime="@$epoch" --clamp-mtime --owner=0 --group=0 \
  --numeric-owner --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  -cf "$image/layer.tar" $(ls -A | LC_ALL=C sort))
layer_digest="$(sha256sum "$image/layer.tar" | cut -d' ' -f1)"
mkdir -p "$image/$layer_digest"
mv "$image/layer.tar" "$image/$layer_digest/layer.tar"

python3 - "$image" "$layer_digest" "$epoch" "$arch" "$java_home" "$java_version" <<'PY'
import hashlib, json, sys, datetime
image, layer, epoch, arch, java_home, java_version = sys.argv[1:]
created = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
config = {
    "architecture": arch,
    "os": "linux",
    "created": created,
    "config": {
        "Env": [
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "JAVA_HOME=" + java_home,
            "LANG=C.UTF-8",
        ],
        "Labels": {"org.opencontainers.image.description": "Debian with " + java_version},
    },
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + layer]},
    "history": [{"created": created, "created_by": "deploy/base-image/build.sh"}],
}
blob = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
config_name = hashlib.sha256(blob).hexdigest() + ".json"
with open(f"{image}/{config_name}", "wb") as f:
    f.write(blob)
manifest = [{"Config": config_name, "RepoTags": ["osprey-base:jre17"], "Layers": [layer + "/layer.tar"]}]
with open(f"{image}/manifest.json", "w") as f:
    json.dump(manifest, f, sort_keys=True, separators=(",", ":"))
PY

mkdir -p "$(dirname "$out")"
(cd "$image" && tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
  -cf "$out.part" $(ls -A | LC_ALL=C sort))
mv "$out.part" "$out"
echo "== $out ($(du -h "$out" | cut -f1), layer sha256:$layer_digest)"
