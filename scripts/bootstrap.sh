#!/usr/bin/env bash
# Installs the Debian packages PhysML needs, only those that are missing.
# Idempotent: when everything is present it costs one dpkg-query and exits.
# Usage: scripts/bootstrap.sh [--quiet]
set -euo pipefail

packages=(
  mesa-vulkan-drivers      # lavapipe: a Vulkan 1.3 CPU device, so Vulkan code runs without a GPU
  libvulkan1               # the Vulkan loader
  vulkan-validationlayers  # Khronos validation layer: tests fail on any message it prints
  vulkan-tools             # vulkaninfo, for diagnosing device selection
  glslc                    # GLSL -> SPIR-V at build time
  patchelf                 # TorchSharp fix-up on Debian 12 (see README "Platform notes")
  libglfw3                 # window + Vulkan surface for the viewer (bound by P/Invoke)
  xvfb                     # a headless X server so window tests run without a display
  xauth                    # xvfb-run needs it
  fonts-dejavu-core        # the viewer HUD's text (SkiaSharp's NoDependencies build has no fontconfig to find one)
  ffmpeg                   # video encoding of rendered frames
  g++                      # builds the tiny libstdc++ shim for TorchSharp
  python3-numpy            # golden-data checks: tests load our .npy dumps with NumPy itself (never a runtime dependency)
  python3-scipy            # golden-data checks: tests solve our exported Matrix Market systems with SciPy
)

quiet=0
[ "${1:-}" = "--quiet" ] && quiet=1
say() { [ "$quiet" = 1 ] || echo "bootstrap: $*"; }

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  say "all ${#packages[@]} system packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  run_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run_root=(sudo -n)
else
  echo "bootstrap: error: missing Debian packages: ${missing[*]}" >&2
  echo "bootstrap: cannot install them: not root and no password-less sudo." >&2
  echo "bootstrap: remedy: run 'sudo apt-get install -y ${missing[*]}' once, then retry." >&2
  exit 1
fi

echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! "${run_root[@]}" apt-get update -qq; then
  echo "bootstrap: error: 'apt-get update' failed (no network to the Debian mirror?)" >&2
  exit 1
fi
if ! "${run_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/physml-bootstrap-apt.log 2>&1; then
  echo "bootstrap: error: 'apt-get install ${missing[*]}' failed; log: /tmp/physml-bootstrap-apt.log" >&2
  tail -20 /tmp/physml-bootstrap-apt.log >&2
  exit 1
fi
echo "bootstrap: installed ${missing[*]}"
