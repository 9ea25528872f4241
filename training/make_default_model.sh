#!/usr/bin/env bash
# Makes Lacuna's default model from a clean checkout, in one command:
#
#   bash training/make_default_model.sh
#
# Stages, each skipped when its output exists (so a second run resumes where the first stopped):
#   1. setup      npm packages and builds, Debian's PyTorch/onnx (training/setup.sh)
#   2. corpus     $DATA_DIR/corpus.jsonl and the held-out files (training/corpus)
#   3. tokenizer  $DATA_DIR/tokenizer: byte-level BPE trained on the corpus's messages and answers
#   4. dataset    $DATA_DIR/dataset/{train,test_*}: lacuna-dataset/1, the canvases of infill's decision and
#                 value rounds (checked first against infill itself on held-out examples), and lexicon.txt:
#                 the words the data has the model write
#   5. training   training/runs/$RUN: train.py for $TRAINING_MINUTES minutes, then its ONNX export
#                 (an interrupted run resumes from its checkpoint when the script is run again)
#                 and its int8 copy (training/quantize_onnx.py)
#   6. package    $MODEL_DIR: lacuna-model.json, model.onnx and model.int8.onnx, tokenizer, model card; checked
#                 with check_onnx_parity.mjs and by loading each ONNX file with loadModel and filling one agent plan
#
# Settings (environment variables, defaults below). The data stages record the settings their output was made
# with, and a later run with other settings stops at that stage: delete its output (or use another DATA_DIR) to
# redo it. A training run keeps the settings it started with (train.py); use another RUN to change them.
# Example of a quick end-to-end check:
#   DATA_DIR=/tmp/lacuna-smoke RENDER_LIMIT=2000 RUN=smoke TRAINING_MINUTES=1 D_MODEL=64 LAYERS=2 HEADS=4 \
#       bash training/make_default_model.sh
set -euo pipefail
cd "$(dirname "$0")/.."

TRAINING_MINUTES=${TRAINING_MINUTES:-80}
DATA_DIR=${DATA_DIR:-training/data}
RUN=${RUN:-default}
MODEL_DIR=${MODEL_DIR:-models/default/model}
CORPUS_SEED=${CORPUS_SEED:-1}
CORPUS_COUNT=${CORPUS_COUNT:-200000}
# Further generate-corpus.ts flags; `--composed-fields` gives training's made-up tools hundreds more argument names
# made from parts (manager_phone, warehouse_city), the held-out ones excluded; `--distractor-mentions` has half of
# training's made-up tool requests also state one or two fields the tool lacks (session 18's run with it left out
# twice as many stated optional arguments; training/README.md); `--extra-phrasings` has training's demo-tool requests
# also use 108 phrasings that are never held out (session 35's A/B: better on held-out phrasings alone, not the
# agent's tool choice, worse on entities and never-seen tools; training/README.md). Off by default: the shipped
# model's corpus is made without them.
CORPUS_FLAGS=${CORPUS_FLAGS:-}
TOKENIZER_EXAMPLES=${TOKENIZER_EXAMPLES:-30000}
VOCABULARY_SIZE=${VOCABULARY_SIZE:-4096}
# Further train_tokenizer.mjs flags; `--isolate-spaces` makes every space a token of its own, so that a word is
# the same tokens at the start of a copied value as in the request (training/README.md, "Spaces as tokens of their
# own"). Off by default: the shipped model's tokenizer attaches a space to the word after it.
TOKENIZER_FLAGS=${TOKENIZER_FLAGS:-}
MAX_LENGTH=${MAX_LENGTH:-512}
# Training examples to render (empty: the whole corpus); the held-out files are always rendered whole. 120,000
# examples make 414k canvases (95M tokens); 75 minutes at d128/4 layers with the copy head read about 55M of them.
RENDER_LIMIT=${RENDER_LIMIT:-120000}
# Share of decision-round canvases kept (call count, tool choice, optional arguments); 1 keeps them all.
DECISION_SHARE=${DECISION_SHARE:-1}
# Further render-dataset.ts flags (see the script). Decision canvases written by kind: tool choices twice, optional
# arguments' presence 1.5 times, call counts (which the session-4 model fitted at 99%) half the time.
RENDER_FLAGS=${RENDER_FLAGS:---decision-repeats branch=2,presence=1.5,count=0.5}
# How a value's tokens are cut (render-dataset.ts --value-tokens): canonical, as the tokenizer cuts the value
# alone, or as-in-prompt, with the tokens the request has there, which a copy pointer can point at. In two pairs
# of 1,800-step runs side by side (seeds 0 and 1, training/README.md) as-in-prompt raised every argument exact on
# held-out entities by 9 points both times (21.6 -> 30.6%, 28.8 -> 37.8%), but three full-length runs (5,313,
# 6,506 and 7,146 steps) all came out below the shipped model, which is canonical, and below it by 10-11 points
# on never-seen tools' arguments: canonical is the default again.
VALUE_TOKENS=${VALUE_TOKENS:-canonical}
# How string values are written (render-dataset.ts --string-values): plain, right after the opening quote, or
# spaced, after one space that is no part of the value, so that the value's first word is cut into the tokens it
# has in the request (` Golden`, where `"Golden` gives `G` `old` `en`); the package then says
# `spacedStringValues` and infill lays its canvases out that way (training/README.md, "Spaced string values").
# Plain by default: step for step with the shipped recipe (session 23), spaced values cost never-seen tools'
# arguments 7 points (51.7% against 58.9%) for a toolbox gain within noise.
STRING_VALUES=${STRING_VALUES:-plain}
EVAL_SPLIT=${EVAL_SPLIT:-test_templates}
# d128/4 layers trains about 2.4 times as fast as d192/6 (train.py --benchmark) and reached the same held-out
# accuracy in a third of the time; its forward pass over 256 positions takes under 10 ms on one core.
D_MODEL=${D_MODEL:-128}
LAYERS=${LAYERS:-4}
HEADS=${HEADS:-4}
# Most sequences mask only their holes: the SDK always fixes the skeleton, so masking structure (the rest)
# only serves free generation. The copy head (model.py): in 9 minutes it copied request words into holes
# 15% of the time, where models without it trained for 30 and 85 minutes managed 4-5%; it also copies a word
# without the leading space it has in the request (--tokenizer tells it which tokens have such a twin).
# Decision tokens (which tool, whether an optional argument is there) are 16% of the hole tokens but decide
# whole calls: the model trained without --decision-weight chose the right tool for 77% of single-call
# requests it had been trained on. Infill writes each hole left to right; half of the hole-only sequences are
# masked that way (--suffix-probability), which token-by-token masking rarely shows; 0.4 of those with a decision
# hole mask every hole, the view infill decides in (--decision-view-probability). Values the request does not
# state verbatim weigh 3 (--normalised-weight). --copy-normalised keeps the ONNX export within 1e-4 (a raw
# pointer missed it in two of three runs). --prefix-attention packs the ~3.5 canvases of an example into one
# row: with it (and the target-only loss) 80 minutes read 2.9 times the canvases (655k against 225k), and
# the model chose the right tool for 81-96% of held-out toolbox requests (by first token, as the agent then
# decided) where the session-4 recipe got 74-76%.
TRAIN_FLAGS=${TRAIN_FLAGS:---hole-only-probability 0.8 --suffix-probability 0.5 --copy-head --copy-normalised --prefix-attention --decision-weight 3 --decision-view-probability 0.4 --normalised-weight 3 --eval-every 1000}
# Number format of training's matrix products (train.py --precision). bf16 autocast goes through oneDNN, which is
# fast on CPUs with AVX-512 BF16 (session 8's AMD EPYC: 0.58 s a step); on one without them (an Intel Xeon at
# 2.6 GHz) oneDNN emulates bf16, and float32 through OpenBLAS is faster (training/README.md, "Speed on this
# machine"). auto: bf16 where the CPU has avx512_bf16, fp32 elsewhere. The shipped model trained in bf16.
PRECISION=${PRECISION:-auto}
if [[ $PRECISION == auto ]]; then
  if grep -qw avx512_bf16 /proc/cpuinfo; then PRECISION=bf16; else PRECISION=fp32; fi
fi
PYTHON=${PYTHON:-/usr/bin/python3}
# train.py makes OpenMP's threads sleep between operations (OMP_WAIT_POLICY=PASSIVE), which keeps it usable on
# cores that other work shares. Where training has the cores to itself, OMP_WAIT_POLICY=ACTIVE in the
# environment trained the shipped recipe 10% faster in bf16 (session 14, training/README.md); it passes through.
# On session 22's AMD EPYC in fp32 it was 2.4 times slower: OpenMP's spinning threads and OpenBLAS's took the
# cores from each other (same README section; session 14's Xeon ran fp32 with it at 0.7 s a step). Try 40 steps
# of each before a long fp32 run.

corpus=$DATA_DIR/corpus.jsonl
tokenizer=$DATA_DIR/tokenizer
dataset=$DATA_DIR/dataset
run_folder=training/runs/$RUN

settings_of() {
  local name line=''
  for name in "$@"; do line+="$name=${!name@Q} "; done
  printf '%s' "$line"
}
# What each data stage's output depends on, its own settings and those of the stages before it.
CORPUS_SETTINGS=(CORPUS_SEED CORPUS_COUNT)
# Recorded only when set, so that data made before the setting existed still matches its record.
if [[ -n $CORPUS_FLAGS ]]; then CORPUS_SETTINGS+=(CORPUS_FLAGS); fi
TOKENIZER_SETTINGS=("${CORPUS_SETTINGS[@]}" TOKENIZER_EXAMPLES VOCABULARY_SIZE)
if [[ -n $TOKENIZER_FLAGS ]]; then TOKENIZER_SETTINGS+=(TOKENIZER_FLAGS); fi
DATASET_SETTINGS=("${TOKENIZER_SETTINGS[@]}" MAX_LENGTH RENDER_LIMIT DECISION_SHARE RENDER_FLAGS VALUE_TOKENS)
if [[ $STRING_VALUES != plain ]]; then DATASET_SETTINGS+=(STRING_VALUES); fi
# Every setting, spelled out, for the model card's command: it stays true when the defaults change.
made_with() { settings_of "${DATASET_SETTINGS[@]}" D_MODEL LAYERS HEADS TRAINING_MINUTES PRECISION TRAIN_FLAGS; }
# A data stage's output is kept by the next run, so each records the settings it was made with ($1 the output,
# $2 its record, then the settings' names), and a run with other settings stops instead of building on it: the
# model card's command would otherwise name settings the model was not made with (session 13's machine held
# as-in-prompt data after the default became canonical). Output made before the records existed is used as it is.
check_made_with() {
  local output=$1 record=$2 now
  shift 2
  now=$(settings_of "$@")
  if [[ ! -f $record ]]; then
    printf '   %s: no record of its settings (made before they were recorded); used as it is\n' "$record"
  elif [[ $(<"$record") != "$now" ]]; then
    printf 'make_default_model.sh: %s was made with other settings.\n  then: %s\n  now:  %s\nDelete it and %s (or set another DATA_DIR) to make it again with the settings of now.\n' \
      "$output" "$(<"$record")" "$now" "$record" >&2
    exit 1
  fi
}
stage() { printf '\n== %s (%s)\n' "$1" "$(date '+%H:%M:%S')"; }
skip() { printf '   %s exists: skipped\n' "$1"; }

stage "1. setup"
if [[ ! -d node_modules ]]; then npm install --no-audit --no-fund; fi
bash training/setup.sh
# The scripts run TypeScript sources through tsx, but @lacuna/core is imported through its build.
if [[ ! -f packages/core/dist/index.js ]]; then npm run build --workspace packages/core; fi

stage "2. corpus"
if [[ -f $corpus ]]; then
  check_made_with "$corpus" "$corpus.made-with" "${CORPUS_SETTINGS[@]}"
  skip "$corpus"
else
  # Generated aside and moved into place, so that an interrupted run never leaves a corpus that looks whole.
  rm -rf "$DATA_DIR/corpus.partial"
  npx tsx training/corpus/generate-corpus.ts --seed "$CORPUS_SEED" --count "$CORPUS_COUNT" --out "$DATA_DIR/corpus.partial/corpus.jsonl" $CORPUS_FLAGS
  # The held-out files first: the training file's presence marks the stage done.
  for file in "$DATA_DIR"/corpus.partial/corpus.*.jsonl; do mv "$file" "$DATA_DIR/"; done
  settings_of "${CORPUS_SETTINGS[@]}" > "$corpus.made-with"
  mv "$DATA_DIR/corpus.partial/corpus.jsonl" "$corpus"
  rmdir "$DATA_DIR/corpus.partial"
fi

stage "3. tokenizer"
if [[ -f $tokenizer/tokenizer.json && -f $tokenizer/tokenizer_config.json ]]; then
  check_made_with "$tokenizer" "$tokenizer/made-with" "${TOKENIZER_SETTINGS[@]}"
  skip "$tokenizer"
else
  rm -rf "$tokenizer.partial"
  npx tsx training/tokenizer/write-tokenizer-corpus.ts --corpus "$corpus" --count "$TOKENIZER_EXAMPLES" --out "$DATA_DIR/tokenizer-corpus.txt"
  node training/train_tokenizer.mjs --out "$tokenizer.partial" --vocab-size "$VOCABULARY_SIZE" --corpus "$DATA_DIR/tokenizer-corpus.txt" $TOKENIZER_FLAGS
  node training/check_tokenizer.mjs "$tokenizer.partial"
  settings_of "${TOKENIZER_SETTINGS[@]}" > "$tokenizer.partial/made-with"
  mv "$tokenizer.partial" "$tokenizer"
fi
npx tsx training/tokenizer/compare-tokenizers.ts --tokenizer "$tokenizer" --corpus "$DATA_DIR/corpus.$EVAL_SPLIT.jsonl" --count 500

stage "4. dataset"
if [[ -f $dataset/train/dataset.json ]]; then
  check_made_with "$dataset" "$dataset/made-with" "${DATASET_SETTINGS[@]}"
  skip "$dataset"
else
  # The rendered canvases must be the ones infill lays out with this tokenizer: checked on held-out examples.
  npx tsx training/render/check-against-infill.ts --corpus "$DATA_DIR/corpus.$EVAL_SPLIT.jsonl" --tokenizer "$tokenizer" \
    --max-length "$MAX_LENGTH" --vocabulary-size "$VOCABULARY_SIZE" --value-tokens "$VALUE_TOKENS" --string-values "$STRING_VALUES" --count 200
  rm -rf "$dataset.partial"
  # shellcheck disable=SC2086
  npx tsx training/render/render-dataset.ts --corpus "$corpus" --tokenizer "$tokenizer" --out "$dataset.partial" \
    --max-length "$MAX_LENGTH" --vocabulary-size "$VOCABULARY_SIZE" --decision-share "$DECISION_SHARE" --value-tokens "$VALUE_TOKENS" --string-values "$STRING_VALUES" \
    ${RENDER_LIMIT:+--limit "$RENDER_LIMIT"} $RENDER_FLAGS
  settings_of "${DATASET_SETTINGS[@]}" > "$dataset.partial/made-with"
  rm -rf "$dataset"
  mv "$dataset.partial" "$dataset"
fi
"$PYTHON" training/dataset.py "$dataset/train"
# The words the training data has the model write (answers, string arguments, extraction values): the package's
# lexicon, which free text keeps to under infill's words: 'known' (the agent's default for a model with one).
# Made apart from the dataset, so that data rendered before it existed gets one too.
if [[ ! -f $dataset/lexicon.txt ]]; then
  npx tsx training/render/write-lexicon.ts --corpus "$corpus" ${RENDER_LIMIT:+--limit "$RENDER_LIMIT"} --out "$dataset/lexicon.txt"
fi

stage "5. training ($TRAINING_MINUTES minutes)"
if [[ -f $run_folder/model.onnx && ! -f $run_folder/.exporting ]]; then
  skip "$run_folder/model.onnx"
else
  mkdir -p "$run_folder"
  # train.py writes model.onnx during its export; the marker tells a half-written one from a finished one.
  touch "$run_folder/.exporting"
  # The same command resumes from checkpoint.pt when there is one (train.py keeps the run's first settings).
  # shellcheck disable=SC2086
  "$PYTHON" training/train.py --run "$RUN" --data "$dataset/train" --eval-data "$dataset/$EVAL_SPLIT" \
    --tokenizer "$tokenizer/tokenizer.json" --minutes "$TRAINING_MINUTES" --max-length "$MAX_LENGTH" --d-model "$D_MODEL" --layers "$LAYERS" --heads "$HEADS" --precision "$PRECISION" \
    $TRAIN_FLAGS 2>&1 | tee -a "$run_folder/train.log"
  if [[ ! -f $run_folder/model.onnx ]]; then
    echo "make_default_model.sh: training ended without $run_folder/model.onnx; run the script again to resume" >&2
    exit 1
  fi
  rm -f "$run_folder/.exporting"
fi
# The int8 variant (the package's model.int8.onnx): the same graph on int8 weights, faster on CPUs. Made again
# when the export is newer (train.py --export-only), so that it never lags the float32 file.
if [[ ! -f $run_folder/model.int8.onnx || $run_folder/model.onnx -nt $run_folder/model.int8.onnx ]]; then
  "$PYTHON" training/quantize_onnx.py --onnx "$run_folder/model.onnx" --out "$run_folder/model.int8.onnx.partial"
  mv "$run_folder/model.int8.onnx.partial" "$run_folder/model.int8.onnx"
fi

stage "6. package"
if [[ -f $MODEL_DIR/lacuna-model.json ]]; then
  skip "$MODEL_DIR"
  npx tsx training/render/package-model.ts --out "$MODEL_DIR" --check-corpus "$DATA_DIR/corpus.$EVAL_SPLIT.jsonl" --check-only
else
  npx tsx training/render/package-model.ts --run "$run_folder" --tokenizer "$tokenizer" --out "$MODEL_DIR" \
    --dataset "$dataset/train" --lexicon "$dataset/lexicon.txt" --check-corpus "$DATA_DIR/corpus.$EVAL_SPLIT.jsonl" \
    --command "$(made_with) bash training/make_default_model.sh"
fi
node training/check_onnx_parity.mjs "$MODEL_DIR"

stage "done"
echo "model folder: $MODEL_DIR"
