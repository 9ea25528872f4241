#!/usr/bin/env bash
# Installs what the training pipeline needs beyond `npm install` at the repo root: Debian's PyTorch, onnx and
# matplotlib (for train.py's loss-curve.png; without it train.py draws an SVG) for /usr/bin/python3, and the
# npm package `tokenizers` (Hugging Face's Rust bindings) in training/node_modules.
set -euo pipefail
cd "$(dirname "$0")"
# OpenBLAS by name: apt pulls it in through recommends, but without it float32 matrix products (train.py
# --precision fp32, faster than bf16 on CPUs without AVX-512 BF16) go to the reference BLAS: about 7 GFLOP/s
# where OpenBLAS did 90-220 on two cores of an Intel Xeon.
if ! /usr/bin/python3 -c 'import torch, onnx, matplotlib' 2>/dev/null || ! ldconfig -p | grep -q libopenblas.so.0; then
  apt-get update -qq
  apt-get install -y -qq python3-torch python3-onnx python3-numpy python3-matplotlib libopenblas0-pthread
fi
npm install --no-audit --no-fund --silent
