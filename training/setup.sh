#!/usr/bin/env bash
# Installs what the training pipeline needs beyond `npm install` at the repo root: Debian's PyTorch, onnx and
# matplotlib (for train.py's loss-curve.png; without it train.py draws an SVG) for /usr/bin/python3, and the
# npm package `tokenizers` (Hugging Face's Rust bindings) in training/node_modules.
set -euo pipefail
cd "$(dirname "$0")"
if ! /usr/bin/python3 -c 'import torch, onnx, matplotlib' 2>/dev/null; then
  apt-get update -qq
  apt-get install -y -qq python3-torch python3-onnx python3-numpy python3-matplotlib
fi
npm install --no-audit --no-fund --silent
