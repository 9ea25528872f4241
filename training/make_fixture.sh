#!/usr/bin/env bash
# Rebuilds models/tiny-random/model from nothing but the scripts in training/:
#
#   bash training/make_fixture.sh
#
# Needs the repository's packages installed (npm install at the root); training/setup.sh, run first, adds
# the npm package `tokenizers` and Debian's PyTorch and onnx. Set PYTHON to choose the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."

model_folder=models/tiny-random/model
vocabulary_size=1000
seed=0

# The first python3 on PATH may be a virtual environment without PyTorch, so
# fall back to the system interpreter before giving up.
if [[ -z "${PYTHON:-}" ]]; then
  for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import torch, onnx' 2>/dev/null; then
      PYTHON=$candidate
      break
    fi
  done
fi
if [[ -z "${PYTHON:-}" ]]; then
  echo "make_fixture.sh: no python3 with torch and onnx found; set PYTHON" >&2
  exit 1
fi

bash training/setup.sh
mkdir -p "$model_folder"
node training/train_tokenizer.mjs --out "$model_folder" --vocab-size "$vocabulary_size" --seed "$seed"
node training/check_tokenizer.mjs "$model_folder"
"$PYTHON" training/make_fixture.py --out "$model_folder" --seed "$seed"
node training/check_onnx_parity.mjs "$model_folder"
