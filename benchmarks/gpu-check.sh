#!/usr/bin/env bash
# The Vulkan solver benchmark at 128³ and 256³ on a GPU machine (the device tool), in under 5 minutes.
#
# The GPU machine has no .NET SDK and reaches no package registry, so this script has two halves:
#   bash benchmarks/gpu-check.sh prepare     here: a self-contained publish of physml into .gpucheck/ (without
#                                             libtorch, which `bench solvers` never loads: ~33 MB compressed) and the
#                                             Vulkan loader package (libvulkan1) the GPU image lacks
#   bash benchmarks/gpu-check.sh run DIR      there: unpack both, point the loader at the NVIDIA driver, run
#                                             `physml bench solvers` and write DIR/gpu-check.{txt,json}
# Then `physml bench render` for smoke-plume-2d and smoke-obstacle-3d at 1280x720.
# GPU_CHECK_GRIDS and GPU_CHECK_CPU_GRID override the grids (a quick local check: GPU_CHECK_GRIDS=16 GPU_CHECK_CPU_GRID=16).
# With the device tool: run(command="bash benchmarks/gpu-check.sh run $OUT", carry=[".gpucheck"], timeout_s=420).
set -euo pipefail
cd "$(dirname "$0")/.."
stage=.gpucheck

prepare() {
    rm -rf "$stage" && mkdir -p "$stage"
    local publish
    publish=$(mktemp -d)
    dotnet publish engine/PhysML.Cli/PhysML.Cli.csproj -c Release -r linux-x64 --self-contained -o "$publish" -v quiet
    # libtorch and its companions are 500+ MB; only the ML verbs load them.
    (cd "$publish" && rm -f libtorch* libc10* libgomp* libLibTorchSharp* libbackend_with_compiler* libshm* \
        libaoti_custom_ops* libjitbackend_test* libnnapi_backend* libphysml_glibcxx_shim* ./*.pdb)
    tar -cJf "$stage/physml.tar.xz" -C "$publish" .
    rm -rf "$publish"
    (cd "$stage" && apt-get download libvulkan1 >/dev/null)
    du -sh "$stage"
    echo "prepared $stage: now run 'bash benchmarks/gpu-check.sh run \$OUT' on the GPU machine with carry [\"$stage\"]"
}

run() {
    local out=${1:?usage: gpu-check.sh run OUTPUT_DIR}
    mkdir -p "$out"
    [ -f "$stage/physml.tar.xz" ] || { echo "no $stage/physml.tar.xz: run 'bash benchmarks/gpu-check.sh prepare' first" >&2; exit 2; }
    if ! ldconfig -p | grep -q libvulkan.so.1; then
        for deb in "$stage"/libvulkan1*.deb; do dpkg -x "$deb" /; done
        ldconfig
    fi
    local icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
    [ -f "$icd" ] && export VK_DRIVER_FILES=$icd
    local app=/tmp/physml-gpucheck
    rm -rf "$app" && mkdir -p "$app" && tar -xJf "$stage/physml.tar.xz" -C "$app"
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | tee "$out/gpu-check.txt" || true
    # GPU rows at 128³ and 256³ (the scene's CPU part runs on all cores), then the CPU baseline at 128³ in the same
    # process family on the same machine, so the two can be compared.
    "$app/physml" bench solvers --scene scenes/smoke-obstacle-3d.scene.json --grid "${GPU_CHECK_GRIDS:-128,256}" --backends vulkan \
        --solvers cg,pcg-jacobi,mgpcg --threads "$(nproc)" --repeat 3 --json "$out/gpu-check.json" 2>&1 | tee -a "$out/gpu-check.txt"
    "$app/physml" bench solvers --scene scenes/smoke-obstacle-3d.scene.json --grid "${GPU_CHECK_CPU_GRID:-128}" --backends cpu \
        --solvers cg,mgpcg --threads "$(nproc)" --json "$out/gpu-check-cpu.json" 2>&1 | tee -a "$out/gpu-check.txt"
    # The renderer at 1280x720 (README "Rendering"): ms per frame for extract, render and readback, with the frame.
    "$app/physml" bench render scenes/smoke-plume-2d.scene.json --size 1280x720 --frames 20 --warmup 60 \
        --png "$out/render-smoke-plume-2d.png" 2>&1 | tee -a "$out/gpu-check.txt"
    "$app/physml" bench render scenes/smoke-obstacle-3d.scene.json --size 1280x720 --frames 20 --warmup "${GPU_CHECK_RENDER_WARMUP:-45}" \
        --png "$out/render-smoke-obstacle-3d.png" 2>&1 | tee -a "$out/gpu-check.txt"
}

case "${1:-}" in
    prepare) prepare ;;
    run) shift; run "$@" ;;
    *) echo "usage: bash benchmarks/gpu-check.sh prepare | run OUTPUT_DIR" >&2; exit 2 ;;
esac
