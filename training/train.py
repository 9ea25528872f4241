"""Train a mask predictor by masked diffusion (LLaDA / MDLM style) on a pre-tokenised dataset.

Each step takes a batch of sequences, draws a noise level t ~ U(0.001, 1) per sequence, replaces
each maskable token with <|mask|> with probability t, and trains the model to predict the original
tokens under the masks. Prompt tokens are never masked: the model learns p(answer | prompt). Half
of the sequences (--hole-only-probability) mask only the hole tokens, as structured infill does at
inference (the JSON skeleton is given, its values are generated); the others mask the whole
answer, as free generation does.

    /usr/bin/python3 training/train.py --run NAME --data DIR --eval-data DIR --minutes 90 \\
        [--d-model 256 --layers 6 --heads 8] > training/runs/NAME/train.log 2>&1 &

Everything goes to training/runs/NAME/: train.log (if redirected there), metrics.jsonl,
settings.json, checkpoint.pt, and at the end model.onnx, reference-logits.json and loss-curve.png.
Running the same command again (or just `--run NAME`) resumes from checkpoint.pt with the run's
saved settings. `kill PID` saves a checkpoint before exiting; `kill -9` loses at most
--checkpoint-minutes of work. See training/README.md for the dataset format and the choices made.

    /usr/bin/python3 training/train.py --benchmark      # tokens per second for a few model sizes
    /usr/bin/python3 training/train.py --run NAME --export-only
"""

import os

# Before anything loads OpenMP: its worker threads then sleep at the end of each parallel region
# instead of spinning. On cores shared with other work (tests, a second run) spinning threads wait
# for a sibling that the scheduler has put aside, at every operation: measured here, a tiny model
# trained 40 times slower with 2 spinning threads while another process used one core; sleeping
# threads cost nothing we could measure at d_model 256. OMP_WAIT_POLICY=ACTIVE restores spinning.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import argparse  # noqa: E402
import fcntl  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from checkpoint import save_checkpoint  # noqa: E402
from dataset import DECISION, HOLE, NORMALISED, PROMPT, STRUCTURE, TokenDataset  # noqa: E402
from export_onnx import check_dynamic_shapes, export_onnx  # noqa: E402
from loss_curve import evaluation_label, write_loss_curve  # noqa: E402
from make_fixture import check_padding_is_ignored, reference_cases, write_reference_logits  # noqa: E402
from model import MaskPredictor, ModelConfig  # noqa: E402

TRAINING_FOLDER = os.path.dirname(os.path.abspath(__file__))
# t near 0 masks almost nothing and its 1/t weight explodes; LLaDA and MDLM clip at 1e-3 too.
MINIMUM_T = 1e-3
FINAL_LEARNING_RATE_FRACTION = 0.1
# With --minutes, the number of steps is planned from the speed of the first MEASURED_STEPS steps,
# not counting the first UNTIMED_STEPS, which pay for memory allocation and thread start-up.
UNTIMED_STEPS = 5
MEASURED_STEPS = 20
# The planned steps fill this share of the remaining budget; the rest absorbs a machine that slows
# down (other work on the same cores) and the checkpoints, which the plan does not count.
BUDGET_SAFETY = 0.95
# A planned run checks its pace every REPLAN_EVERY steps (every --eval-every steps when it evaluates, so that
# each stretch holds one evaluation, as the plan counts them), over the steps since the last check. A virtual
# machine may run its first minutes in a burst: session 13's Xeon trained at 0.53 s a step
# for 20 minutes, then at 0.74, and a plan made at step 200 would have been cut by the budget at ~6,400 of
# its 7,825 steps, the learning rate still at 18% of its peak.
REPLAN_EVERY = 500
# A pace check lengthens the plan when what fits in the time left exceeds the steps planned for it by more
# than this share: session 14's run was cut twice while its VM was slow, then ran 1.4 times as fast and
# ended at 74.7 of its 88 minutes.
LENGTHEN_MARGIN = 0.1
EVAL_T_VALUES = (0.25, 0.5, 0.9)
EVAL_SEED = 1234
# Sequences are sorted by length within pools of this many batches' worth: enough to find
# neighbours of similar length, few enough that a batch still mixes sequences from all over the data.
POOL_BATCHES = 50
# With --prefix-attention, the longest packed row: an example whose canvases would be longer is cut into
# several rows (a few examples with many value rounds).
PACKED_LENGTH_LIMIT = 768
# Where the answer starts (model.py's prefix attention): the chat template opens the answer with it.
ANSWER_START_TOKEN = "<|assistant|>"
BENCHMARK_SIZES = [(128, 4), (192, 6), (256, 6), (320, 6)]
BENCHMARK_LENGTH = 200
# Settings that may change when a run is resumed; every other one is the run's, fixed at its start.
OPERATIONAL_SETTINGS = {"run", "runs_folder", "log_every", "eval_every", "checkpoint_minutes", "threads",
                        "export_only", "benchmark"}


def answer_start_token_id(settings):
    """The id of ANSWER_START_TOKEN in the run's tokenizer, for prefix attention; -1 without it."""
    if not settings.get("prefix_attention"):
        return -1
    with open(settings["tokenizer"], encoding="utf-8") as file:
        tokenizer = json.load(file)
    ids = [token["id"] for token in tokenizer.get("added_tokens", []) if token["content"] == ANSWER_START_TOKEN]
    if not ids:
        sys.exit(f"--prefix-attention: {settings['tokenizer']} has no {ANSWER_START_TOKEN} token")
    return ids[0]


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", help="name of the run: its folder is RUNS_FOLDER/NAME")
    parser.add_argument("--runs-folder", default=os.path.join(TRAINING_FOLDER, "runs"))
    parser.add_argument("--data", help="training dataset folder (lacuna-dataset/1)")
    parser.add_argument("--eval-data", help="held-out dataset folder; without it there is no evaluation")
    parser.add_argument("--d-model", type=int, default=256)
    parser.add_argument("--layers", type=int, default=6)
    parser.add_argument("--heads", type=int, default=8)
    parser.add_argument("--max-length", type=int,
                        help="the model's longest input (default: the data's longest sequence)")
    parser.add_argument("--dropout", type=float, default=0.0)
    parser.add_argument("--copy-head", action="store_true",
                        help="mix the vocabulary distribution with a pointer over the input's tokens (model.py)")
    parser.add_argument("--copy-normalised", action="store_true",
                        help="score the copy pointer by cosine times a bounded learned scale (QK-norm), which keeps "
                             "the ONNX export within 1e-4 of PyTorch; needs --copy-head")
    parser.add_argument("--copy-twins", choices=("strip", "add-space"), default=None,
                        help="which twin of a pointed-at token the copy head's strip gate also copies: the token "
                             "without its leading space (strip, for values written right after their quote), or "
                             "with one added (add-space, for spaced string values, whose first word has a space "
                             "the request may lack: '\"Deep Work\"' holds 'Deep', the value ' Deep'; session 23's run "
                             "with it was worse than without, training/README.md); needs --copy-head. Default strip; "
                             "with --init-from, the checkpoint's table unless given")
    parser.add_argument("--prefix-attention", action="store_true",
                        help="prompt rows attend to the prompt only (model.py), and the canvases that share a prompt "
                             "train packed into one row, the prompt once: ~2.8 times the canvases per step; needs "
                             "--tokenizer (for the answer-start token)")
    parser.add_argument("--pointer-readout", action="store_true",
                        help="the LM head also reads the states the copy pointer points at (model.py), for values "
                             "the request states in other words; needs --copy-head (one run, not adopted: training/README.md)")
    parser.add_argument("--answer-draws", type=int, default=1,
                        help="with --prefix-attention, each canvas stands this many times in its packed row, each copy "
                             "masked on its own: a copy costs only its answer's tokens (~1/8 of a canvas), not the "
                             "prompt's")
    parser.add_argument("--tokenizer", help="the data's tokenizer.json: the copy head reads which tokens are a "
                                            "word with a leading space")
    parser.add_argument("--init-from", help="a checkpoint (train.py's or import_onnx_weights.py's) whose model starts "
                        "this run: its architecture and weights, with a fresh optimiser and schedule (continued "
                        "training); the architecture flags are then the checkpoint's")
    parser.add_argument("--steps", type=int, help="training steps; the learning-rate schedule spans them")
    parser.add_argument("--minutes", type=float, help="wall-clock budget for training and evaluation")
    parser.add_argument("--tokens-per-batch", type=int, default=6144, help="padded tokens per batch, roughly")
    parser.add_argument("--learning-rate", type=float, default=1e-3, help="peak learning rate")
    parser.add_argument("--warmup-steps", type=int, default=200)
    parser.add_argument("--weight-decay", type=float, default=0.1)
    parser.add_argument("--hole-only-probability", type=float, default=0.5,
                        help="share of sequences that mask only hole tokens (the rest mask the whole answer)")
    parser.add_argument("--suffix-probability", type=float, default=0.0,
                        help="share of hole-only sequences whose holes are masked from a random cut to their end, as "
                             "infill fills them (left to right), rather than token by token at rate t")
    parser.add_argument("--decision-view-probability", type=float, default=0.0,
                        help="share of hole-only sequences with a decision hole that mask every hole, as infill's "
                             "decision rounds show the model, rather than at rate t")
    parser.add_argument("--decision-weight", type=float, default=1.0,
                        help="loss weight of decision-hole tokens (role 4: which tool, how many calls, whether an "
                             "optional argument is there) relative to value-hole and structure tokens")
    parser.add_argument("--normalised-weight", type=float, default=1.0,
                        help="loss weight of the tokens of values the request does not state verbatim (role 5: a "
                             "currency code from words, a time from \"half past three\"), which must be written "
                             "rather than copied, relative to the other hole tokens")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--log-every", type=int, default=20, help="steps between log lines")
    parser.add_argument("--eval-every", type=int, default=500, help="steps between evaluations")
    parser.add_argument("--eval-sequences", type=int, default=512, help="held-out sequences used by each evaluation")
    parser.add_argument("--checkpoint-minutes", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--precision", choices=["bf16", "fp32"], default="bf16",
                        help="bf16 autocast (oneDNN) or plain float32 (the BLAS torch is linked to): which is "
                             "faster depends on the CPU; --benchmark measures both")
    parser.add_argument("--export-only", action="store_true", help="export the run's checkpoint to ONNX and stop")
    parser.add_argument("--benchmark", action="store_true", help="measure training speed for a few model sizes")
    return parser, parser.parse_args(argv)


# ---------------------------------------------------------------------------------------------
# Batches: sequences of similar length together, so that little compute goes to padding.
# ---------------------------------------------------------------------------------------------

def batches_by_length(indices, lengths, tokens_per_batch):
    """Cut indices, sorted by length, into batches whose padded size stays within tokens_per_batch."""
    indices = indices[np.argsort(lengths[indices], kind="stable")]
    batches, batch = [], []
    for index in indices:
        # Sorted ascending, so a newcomer is the batch's longest sequence and sets its padded width.
        if batch and (len(batch) + 1) * lengths[index] > tokens_per_batch:
            batches.append(batch)
            batch = []
        batch.append(int(index))
    if batch:
        batches.append(batch)
    return batches


def batches_for_epoch(lengths, tokens_per_batch, seed, epoch):
    """One epoch's batches, in order. A function of (seed, epoch) alone, so a resumed run can rebuild
    the epoch it was in and carry on from the same batch."""
    rng = np.random.default_rng([seed, epoch])
    order = rng.permutation(len(lengths))
    pool_size = POOL_BATCHES * max(1, tokens_per_batch // int(np.mean(lengths)))
    batches = []
    for start in range(0, len(order), pool_size):
        batches.extend(batches_by_length(order[start:start + pool_size], lengths, tokens_per_batch))
    # Otherwise every pool would run from short to long sequences.
    rng.shuffle(batches)
    return batches


def collate(dataset, indices):
    """Token ids, roles and attention mask [batch, longest] for the given sequences, padded on the right."""
    width = int(max(dataset.lengths[index] for index in indices))
    input_ids = np.full((len(indices), width), dataset.pad_token_id, dtype=np.int64)
    # Padding gets the prompt role: never masked, never in the loss.
    roles = np.full((len(indices), width), PROMPT, dtype=np.int64)
    attention_mask = np.zeros((len(indices), width), dtype=np.int64)
    for row, index in enumerate(indices):
        token_ids, token_roles = dataset.sequence(index)
        input_ids[row, :len(token_ids)] = token_ids
        roles[row, :len(token_ids)] = token_roles
        attention_mask[row, :len(token_ids)] = 1
    return torch.from_numpy(input_ids), torch.from_numpy(roles), torch.from_numpy(attention_mask)


# ---------------------------------------------------------------------------------------------
# Packing (--prefix-attention): the canvases of one example share a prompt, and with prefix attention
# the prompt's states do not depend on any answer, so one row can hold the prompt once and every canvas's
# answer after it, each answer seeing the prompt and itself. On the default model's data an example has
# ~3.5 canvases (decision rounds, value rounds) whose prompts are ~88% of their tokens: packed, a step
# reads ~2.8 times as many canvases for the same number of tokens.
# ---------------------------------------------------------------------------------------------

class PackingUnits:
    """Groups of consecutive sequences with the same prompt, each trained as one packed row.

    sequences[u] are the sequence indices of unit u, lengths[u] its packed length (the prompt once plus
    every answer), prompt_lengths[i] the prompt length of sequence i. A group whose packed row would pass
    length_limit is cut into several units, each with the prompt. With draws > 1 every sequence stands in its
    unit that many times, each copy masked on its own.
    """

    def __init__(self, dataset, answer_start_token_id, length_limit, draws=1):
        starts, lengths = dataset.offsets[:-1], dataset.lengths
        is_prompt = dataset.roles == PROMPT
        self.prompt_lengths = np.add.reduceat(is_prompt.astype(np.int64), starts)
        # The model tells the prompt from the answer by the last answer_start_token_id; the roles must agree.
        offset_in_sequence = np.arange(len(dataset.tokens)) - np.repeat(starts, lengths)
        leading = offset_in_sequence < np.repeat(self.prompt_lengths, lengths)
        problems = []
        if (self.prompt_lengths == 0).any():
            problems.append(f"{int((self.prompt_lengths == 0).sum())} sequences have no prompt")
        elif (dataset.tokens[starts + self.prompt_lengths - 1] != answer_start_token_id).any():
            problems.append("some prompts do not end with the answer-start token")
        if (is_prompt != leading).any():
            problems.append("some prompt tokens follow answer tokens")
        if (dataset.tokens[~is_prompt] == answer_start_token_id).any():
            problems.append("some answers hold the answer-start token")
        if problems:
            sys.exit(f"--prefix-attention: {dataset.folder}: {'; '.join(problems)} (token {answer_start_token_id})")

        self.sequences, unit_lengths = [], []
        unit, unit_length, previous_prompt = [], 0, None
        for index in np.repeat(np.arange(len(dataset)), draws):
            prompt = dataset.tokens[starts[index]:starts[index] + self.prompt_lengths[index]]
            answer_length = int(lengths[index] - self.prompt_lengths[index])
            same_prompt = previous_prompt is not None and np.array_equal(prompt, previous_prompt)
            if unit and (not same_prompt or unit_length + answer_length > length_limit):
                self.sequences.append(np.array(unit))
                unit_lengths.append(unit_length)
                unit, unit_length = [], 0
            if not unit:
                unit_length = len(prompt)
            unit.append(index)
            unit_length += answer_length
            previous_prompt = prompt
        self.sequences.append(np.array(unit))
        unit_lengths.append(unit_length)
        self.lengths = np.array(unit_lengths, dtype=np.int64)

    def __len__(self):
        return len(self.sequences)


def collate_packed(dataset, units, unit_indices):
    """The batch of the units' sequences, one per row as collate gives them, and where each token of the
    packed rows comes from: row and column in that batch, segment (0 the prompt, k the k-th answer, -1
    padding) and rotary position (each answer starts where the prompt ends)."""
    sequence_indices = [int(index) for unit in unit_indices for index in units.sequences[unit]]
    input_ids, roles, attention_mask = collate(dataset, sequence_indices)
    width = int(max(units.lengths[unit] for unit in unit_indices))
    shape = (len(unit_indices), width)
    source_row, source_column = np.zeros(shape, dtype=np.int64), np.zeros(shape, dtype=np.int64)
    segment_ids, position_ids = np.full(shape, -1, dtype=np.int64), np.zeros(shape, dtype=np.int64)
    row = 0
    for packed_row, unit in enumerate(unit_indices):
        prompt_length = int(units.prompt_lengths[units.sequences[unit][0]])
        source_row[packed_row, :prompt_length] = row
        source_column[packed_row, :prompt_length] = np.arange(prompt_length)
        segment_ids[packed_row, :prompt_length] = 0
        position_ids[packed_row, :prompt_length] = np.arange(prompt_length)
        cursor = prompt_length
        for segment, index in enumerate(units.sequences[unit], start=1):
            end = cursor + int(dataset.lengths[index]) - prompt_length
            source_row[packed_row, cursor:end] = row
            source_column[packed_row, cursor:end] = np.arange(prompt_length, int(dataset.lengths[index]))
            segment_ids[packed_row, cursor:end] = segment
            position_ids[packed_row, cursor:end] = np.arange(prompt_length, int(dataset.lengths[index]))
            cursor, row = end, row + 1
    layout = {name: torch.from_numpy(array) for name, array in (
        ("source_row", source_row), ("source_column", source_column), ("segment_ids", segment_ids),
        ("position_ids", position_ids))}
    return input_ids, roles, attention_mask, layout


def pack(layout, *tensors):
    """Each [batch, length] tensor of the one-row-per-canvas batch, laid out as the packed rows."""
    return [tensor[layout["source_row"], layout["source_column"]] for tensor in tensors]


def packed_rows(layout):
    """Which positions of the packed rows hold a token (bool [batch, length]; the rest pad the rows), and the
    model's packing inputs (segment_ids, position_ids), for training and evaluation alike."""
    return layout["segment_ids"] >= 0, {"segment_ids": layout["segment_ids"], "position_ids": layout["position_ids"]}


# ---------------------------------------------------------------------------------------------
# Masking and the loss.
# ---------------------------------------------------------------------------------------------

def hole_tokens(roles):
    """The tokens the model fills: value holes (copied or normalised) and decision holes alike (bool [batch, length])."""
    return (roles == HOLE) | (roles == DECISION) | (roles == NORMALISED)


def choose_masks(roles, t, hole_only, generator):
    """Which tokens may be masked, and which are, for noise levels t [batch] and per-row modes hole_only [batch].

    Returns two bool tensors [batch, length]: maskable, and masked (a subset of maskable).
    """
    holes = hole_tokens(roles)
    answer = (roles == STRUCTURE) | holes
    # A row asked to mask holes only, but without holes, masks its whole answer rather than nothing.
    hole_only = hole_only & holes.any(dim=1)
    maskable = torch.where(hole_only[:, None], holes, answer)
    masked = maskable & (torch.rand(roles.shape, generator=generator) < t[:, None])

    # At small t a short answer often draws no mask at all, and the row would teach nothing;
    # such rows get one mask at a random maskable position instead.
    unlucky = ~masked.any(dim=1) & maskable.any(dim=1)
    if unlucky.any():
        scores = torch.rand(roles.shape, generator=generator).masked_fill(~maskable, -1.0)
        masked[unlucky, scores[unlucky].argmax(dim=1)] = True
    return maskable, masked


def hole_suffix_masks(holes, generator):
    """Masks each hole, a run of hole tokens, from a uniformly drawn cut to its end: what infill shows the model,
    which fills every hole left to right (a written prefix, the rest of the hole masked).

    Returns three tensors [batch, length]: masked (bool), each hole token's probability of being masked
    (index + 1) / (length + 1), and frontier (bool: the first masked token of each hole, the one infill commits).
    """
    batch_size, length = holes.shape
    previous = torch.zeros_like(holes)
    previous[:, 1:] = holes[:, :-1]
    starts = (holes & ~previous).flatten()
    # Runs are numbered across the batch in reading order; a row's first hole token always starts a run.
    run = (torch.cumsum(starts.long(), 0) - 1).clamp(min=0).view(batch_size, length)
    run_count = int(starts.sum())
    if run_count == 0:
        return torch.zeros_like(holes), torch.ones(holes.shape), torch.zeros_like(holes)
    run_lengths = torch.zeros(run_count, dtype=torch.long).scatter_add_(0, run[holes], torch.ones_like(run[holes]))
    run_starts = starts.nonzero().squeeze(1)
    index_in_run = torch.arange(batch_size * length).view(batch_size, length) - run_starts[run]
    # A cut at the run's length masks nothing of it: a hole already written, as other holes are in a round.
    cuts = (torch.rand(run_count, generator=generator) * (run_lengths + 1)).long().clamp(max=run_lengths)
    masked = holes & (index_in_run >= cuts[run])
    probability = torch.where(holes, (index_in_run + 1) / (run_lengths[run] + 1), torch.ones(holes.shape))
    return masked, probability, holes & (index_in_run == cuts[run])


# Which number format the matrix products use: --precision, set once in main() before any step.
precision = "bf16"


def autocast():
    """bf16 autocast sends the matrix products to oneDNN; under fp32 they go to the BLAS torch is linked to."""
    return torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision == "bf16")


def masked_positions(masked):
    """positions [batch, k] of each row's masked tokens and valid [batch, k] (k = most masks in one row; rows
    with fewer are filled with unmasked positions)."""
    # The LM head is the costliest layer per position, and only masked positions are in the loss, so
    # the model's positions input asks for those rows alone. A stable sort brings each row's masked
    # positions to the front, in order.
    sorted_flags, order = torch.sort(masked.to(torch.int16), dim=1, descending=True, stable=True)
    k = int(masked.sum(dim=1).max())
    return order[:, :k], sorted_flags[:, :k].bool()


def predict_masked_tokens(model, input_ids, masked, attention_mask, mask_token_id, **packing):
    """Logits [batch, k, vocab] for the masked positions only (masked_positions), their targets [batch, k],
    valid [batch, k] and the positions [batch, k]. packing: as for masked_token_log_probabilities."""
    positions, valid = masked_positions(masked)
    noisy_input = input_ids.masked_fill(masked, mask_token_id)
    with autocast():
        logits = model(noisy_input, positions, attention_mask, **packing)
    return logits.float(), input_ids.gather(1, positions), valid, positions


def masked_token_log_probabilities(model, input_ids, masked, attention_mask, mask_token_id, **packing):
    """log p(original token) [batch, k] at the masked positions only, valid [batch, k] and the positions
    [batch, k] (masked_positions). The loss needs only the targets' probabilities
    (model.target_log_probabilities), not a distribution over the vocabulary for every row. packing: the
    segment_ids and position_ids of packed rows, passed on to the model."""
    positions, valid = masked_positions(masked)
    noisy_input = input_ids.masked_fill(masked, mask_token_id)
    with autocast():
        log_probabilities = model.target_log_probabilities(noisy_input, positions, input_ids.gather(1, positions), valid,
                                                           attention_mask, **packing)
    return log_probabilities.float(), valid, positions


def draw_noise_levels(batch_size, generator):
    """A noise level t in [MINIMUM_T, 1] for each row of a batch, each uniformly distributed."""
    # Stratified rather than independent (MDLM's low-discrepancy sampler): one random offset and evenly
    # spaced strata cover the whole range of t in every batch, so the loss varies less from step to
    # step. Shuffled, because rows are sorted by length and t must not depend on length.
    offset = torch.rand(1, generator=generator)
    strata = (offset + torch.arange(batch_size) / batch_size) % 1.0
    return MINIMUM_T + (1 - MINIMUM_T) * strata[torch.randperm(batch_size, generator=generator)]


def masking_probability(t, maskable):
    """The probability [batch] that choose_masks masks any one given maskable token of a row."""
    # Masked by the coin flip (t), or, when no coin flip of the row's n maskable tokens came up
    # ((1 - t)^n), chosen as the one rescued mask (1/n). For long answers this is t; for short ones
    # at small t it is far larger, and weighting by 1/t instead would give a rescued token a weight
    # of up to 1/MINIMUM_T = 1000: a few such tokens then outweigh the rest of the batch.
    count = maskable.sum(dim=1).clamp(min=1)
    return t + (1 - t) ** count / count


def training_step(model, optimizer, batch, learning_rate, hole_only_probability, suffix_probability, decision_weight,
                  mask_token_id, generator, decision_view_probability=0.0, normalised_weight=1.0):
    # A packed batch (collate_packed) also says how its canvases are packed; masks are drawn per canvas either way.
    input_ids, roles, attention_mask = batch[:3]
    layout = batch[3] if len(batch) > 3 else None
    batch_size = input_ids.shape[0]
    t = draw_noise_levels(batch_size, generator)
    hole_only = torch.rand(batch_size, generator=generator) < hole_only_probability
    maskable, masked = choose_masks(roles, t, hole_only, generator)
    probability = masking_probability(t, maskable)[:, None].expand(masked.shape)
    # Token-by-token masking at a uniform rate rarely shows a hole as infill does, a written prefix and a
    # masked rest: for the 4th token of a hole at t = 0.5, one time in 16. Some hole-only rows are masked
    # that way instead (--suffix-probability).
    holes = hole_tokens(roles)
    suffix = hole_only & holes.any(dim=1) & (torch.rand(batch_size, generator=generator) < suffix_probability)
    if suffix.any():
        suffix_masked, suffix_probability_per_token, _ = hole_suffix_masks(holes, generator)
        masked = torch.where(suffix[:, None], suffix_masked, masked)
        probability = torch.where(suffix[:, None], suffix_probability_per_token, probability)

    # Inference decides a round's decisions with every hole masked (values come after the structure), a view
    # uniform t shows a decision hole only near t = 1, and at lower t the label's visible pads give its length
    # away. Some hole-only rows with a decision hole are masked that way instead (--decision-view-probability);
    # every hole is then masked with probability 1, so their weight is 1.
    decision_view = (hole_only & (roles == DECISION).any(dim=1)
                     & (torch.rand(batch_size, generator=generator) < decision_view_probability))
    if decision_view.any():
        masked = torch.where(decision_view[:, None], holes, masked)
        probability = torch.where(decision_view[:, None], torch.ones_like(probability), probability)

    # A decision (which tool, whether an optional argument is there) is a handful of tokens among the
    # dozens of value tokens and pads of its example, yet one wrong decision token spoils the whole
    # call; --decision-weight counts each of them that many times, in the sum and in the count. A value the
    # request does not state verbatim (a currency code from "Canadian dollars") cannot be copied: the model
    # must write it from its vocabulary, and the copy head learns faster than that; --normalised-weight counts
    # them apart the same way.
    token_weights = torch.where(roles == DECISION, decision_weight, 1.0)
    token_weights = torch.where(roles == NORMALISED, normalised_weight, token_weights)
    maskable_weight = (maskable * token_weights).sum()
    if layout is None:
        log_probabilities, valid, positions = masked_token_log_probabilities(
            model, input_ids, masked, attention_mask, mask_token_id)
        tokens = int(attention_mask.sum())
    else:
        real, packing = packed_rows(layout)
        input_ids, masked, probability, token_weights = pack(layout, input_ids, masked, probability, token_weights)
        log_probabilities, valid, positions = masked_token_log_probabilities(
            model, input_ids, masked & real, real.to(torch.int64), mask_token_id, **packing)
        tokens = int(real.sum())
    cross_entropy = -log_probabilities
    # Dividing each masked token's loss by its probability of being masked (1/t in LLaDA and MDLM,
    # adjusted here for the rescued masks) makes the sum an unbiased estimate of the loss summed over
    # all maskable tokens: the diffusion bound on their negative log-likelihood. Dividing by the
    # batch's maskable-token count (LLaDA's SFT normalisation, here per batch rather than per
    # sequence) turns it into a per-token average whatever the batch's lengths.
    # Packing moves tokens, not the sums: the count is over the canvases.
    weights = valid * token_weights.gather(1, positions) / probability.gather(1, positions)
    loss = (cross_entropy * weights).sum() / maskable_weight

    for group in optimizer.param_groups:
        group["lr"] = learning_rate
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    gradient_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    return loss.item(), gradient_norm.item(), tokens


def learning_rate_at(step, peak, warmup_steps, planned_steps, decay_start=None):
    """Linear warm-up to the peak, then a cosine down to 10% of it at planned_steps.

    decay_start (step, fraction of the peak): where the cosine starts, the end of the warm-up at the peak by
    default. A plan shortened during the run starts a new cosine from the step and rate where it was shortened,
    so the rate falls faster from there but never jumps."""
    if step < warmup_steps:
        return peak * (step + 1) / warmup_steps
    if planned_steps is None:  # --minutes, before the plan is made: still warming up, or barely past it
        return peak
    start_step, start_fraction = decay_start or (warmup_steps, 1.0)
    progress = min(1.0, (step - start_step) / max(1, planned_steps - start_step))
    cosine = 0.5 * (1 + math.cos(math.pi * progress))
    return peak * (FINAL_LEARNING_RATE_FRACTION + (start_fraction - FINAL_LEARNING_RATE_FRACTION) * cosine)


def paced_plan(step, warmup_steps, planned_steps, decay_start, seconds_per_step, seconds_left):
    """The plan, and where its cosine starts, after a pace check at step. At the pace since the last check,
    a plan that would outrun the time left is shortened, and one that what fits exceeds by more than
    LENGTHEN_MARGIN of its remaining steps is lengthened, both to BUDGET_SAFETY of what fits, with a new cosine from the step's current
    rate; otherwise the plan stays as it is."""
    fitting_steps = int(BUDGET_SAFETY * seconds_left / seconds_per_step)
    planned_left = planned_steps - step
    outruns = int(seconds_left / seconds_per_step) < planned_left
    leaves_time = fitting_steps > (1 + LENGTHEN_MARGIN) * planned_left
    if fitting_steps <= 0 or planned_left <= 0 or not (outruns or leaves_time):
        return planned_steps, decay_start
    fraction = learning_rate_at(step, 1.0, warmup_steps, planned_steps, decay_start)
    return step + fitting_steps, (step, fraction)


def make_optimizer(model, learning_rate, weight_decay):
    # Decay the matrices (linear layers, embeddings) only: pulling LayerNorm gains towards zero would
    # fight the normalisation rather than regularise anything.
    matrices = [parameter for parameter in model.parameters() if parameter.dim() >= 2]
    others = [parameter for parameter in model.parameters() if parameter.dim() < 2]
    return torch.optim.AdamW(
        [{"params": matrices, "weight_decay": weight_decay}, {"params": others, "weight_decay": 0.0}],
        lr=learning_rate,
        betas=(0.9, 0.95),
        foreach=True,
    )


# ---------------------------------------------------------------------------------------------
# Evaluation: the same held-out sequences and the same masks every time, so numbers are comparable.
# ---------------------------------------------------------------------------------------------

def evaluation_batches(dataset, sequence_count, tokens_per_batch, units=None):
    """The held-out batches every evaluation reads: sequence_count sequences drawn once, or with packing units
    (--prefix-attention) whole units until they hold that many, packed as training packs them. An evaluation
    reads them nine times, and packed it reads a third of the tokens: unpacked, evaluations took 9% of an
    80-minute run."""
    rng = np.random.default_rng(EVAL_SEED)
    if units is None:
        chosen = np.sort(rng.permutation(len(dataset))[:sequence_count])
        return [collate(dataset, batch) for batch in batches_by_length(chosen, dataset.lengths, tokens_per_batch)]
    order = rng.permutation(len(units))
    sequences_so_far = np.cumsum([len(units.sequences[unit]) for unit in order])
    chosen = np.sort(order[:int(np.searchsorted(sequences_so_far, sequence_count)) + 1])
    return [collate_packed(dataset, units, batch) for batch in batches_by_length(chosen, units.lengths, tokens_per_batch)]


def masked_token_scores(model, batches, mask_token_id, masks_for):
    """Mean cross-entropy and argmax accuracy over the scored tokens, or None when no batch scored one.

    masks_for(roles, input_ids) returns, for a batch, the positions to mask and the positions among them to score.
    """
    loss_sum, correct, count = 0.0, 0, 0
    for batch in batches:
        input_ids, roles, attention_mask = batch[:3]
        # Masks are drawn per canvas, as in training; a packed batch then lays them out as its rows.
        masked, scored = masks_for(roles, input_ids)
        if not scored.any():
            continue
        packing = {}
        if len(batch) > 3:
            layout = batch[3]
            real, packing = packed_rows(layout)
            input_ids, masked, scored = pack(layout, input_ids, masked, scored)
            masked, scored, attention_mask = masked & real, scored & real, real.to(torch.int64)
        logits, targets, valid, positions = predict_masked_tokens(model, input_ids, masked, attention_mask, mask_token_id,
                                                                  **packing)
        kept = valid & scored.gather(1, positions)
        cross_entropy = F.cross_entropy(logits.flatten(0, 1), targets.flatten(), reduction="none")
        loss_sum += cross_entropy[kept.flatten()].sum().item()
        correct += (logits.argmax(dim=-1) == targets)[kept].sum().item()
        count += kept.sum().item()
    return {"loss": loss_sum / count, "accuracy": correct / count} if count else None


@torch.no_grad()
def evaluate(model, batches, mask_token_id, pad_token_id):
    """Masked-token cross-entropy and accuracy at fixed t, masking only the holes ("holes") or the
    whole answer ("answer"); of the decision tokens and of the normalised values' tokens with every hole masked
    ("decisions", "normalised"); and of each hole's first masked token when holes are masked from a random cut
    to their end ("frontier")."""
    model.eval()
    results = {}
    for mode, hole_only in (("holes", True), ("answer", False)):
        for t in EVAL_T_VALUES:
            generator = torch.Generator().manual_seed(EVAL_SEED)

            def token_by_token(roles, _):
                batch_size = roles.shape[0]
                t_per_row, hole_only_per_row = torch.full((batch_size,), t), torch.full((batch_size,), hole_only)
                _, masked = choose_masks(roles, t_per_row, hole_only_per_row, generator)
                return masked, masked

            score = masked_token_scores(model, batches, mask_token_id, token_by_token)
            if score is not None:
                results.setdefault(mode, {})[f"{t:g}"] = score

    # Decisions as inference makes them: every hole masked (values are written after the structure)
    # and only the decision tokens scored. Data without decision roles has no such row.
    score = masked_token_scores(model, batches, mask_token_id,
                                lambda roles, _: (hole_tokens(roles), roles == DECISION))
    if score is not None:
        results["decisions"] = {"1": score}

    # Values the request does not state verbatim, with every hole masked (the view of a value round's
    # first pass), their pads left out: a currency code is one token in a hole of pads, which would
    # otherwise make the row read 90% for a model that never writes the right code. Data without the
    # role has no such row.
    score = masked_token_scores(model, batches, mask_token_id,
                                lambda roles, input_ids: (hole_tokens(roles),
                                                          (roles == NORMALISED) & (input_ids != pad_token_id)))
    if score is not None:
        results["normalised"] = {"1": score}

    # Each hole's next token as infill predicts it: a written prefix, the rest of the hole masked.
    generator = torch.Generator().manual_seed(EVAL_SEED)

    def written_prefix(roles, _):
        masked, _, frontier = hole_suffix_masks(hole_tokens(roles), generator)
        return masked, frontier

    score = masked_token_scores(model, batches, mask_token_id, written_prefix)
    if score is not None:
        results["frontier"] = {"written prefix": score}
    model.train()
    return results


# ---------------------------------------------------------------------------------------------
# Checkpoints and the run folder.
# ---------------------------------------------------------------------------------------------

def save_training_checkpoint(path, model, optimizer, settings, progress, masking_generator):
    # Written to a temporary file and renamed over the old one: a kill at any moment leaves either
    # the previous checkpoint or the new one, never half of one.
    temporary_path = path + ".tmp"
    with open(temporary_path, "wb") as file:
        save_checkpoint(
            model, file,
            optimizer=optimizer.state_dict(),
            settings=settings,
            progress=progress,
            random_states={"torch": torch.get_rng_state(), "masking": masking_generator.get_state()},
        )
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary_path, path)


def append_metrics(path, record):
    with open(path, "a", encoding="utf-8") as file:
        file.write(json.dumps(record) + "\n")


def forget_metrics_after(path, step):
    """Drop the records a killed run logged after its last checkpoint: the resumed run logs those steps again."""
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as file:
        kept = [line for line in file if line.strip() and json.loads(line)["step"] <= step]
    with open(path + ".tmp", "w", encoding="utf-8") as file:
        file.writelines(kept)
    os.replace(path + ".tmp", path)


def settings_for_run(parser, arguments, checkpoint):
    """A new run's settings are the command line's; a resumed run keeps those it started with."""
    if checkpoint is None:
        return vars(arguments)
    settings = dict(checkpoint["settings"])
    for name, value in vars(arguments).items():
        # Only flags given on this command line count: `--run NAME` alone resumes the run as it was.
        if value == parser.get_default(name) or value == settings.get(name):
            continue
        if name in OPERATIONAL_SETTINGS:
            settings[name] = value
        else:
            print(f"note: resuming keeps --{name.replace('_', '-')} {settings.get(name)} from the run's start, "
                  f"not {value}", flush=True)
    return settings


def lock_run_folder(run_folder):
    """Refuse to start if another process trains this run: two would overwrite each other's checkpoints."""
    # flock rather than a PID file: the kernel releases it when the process ends, even by kill -9.
    lock_file = open(os.path.join(run_folder, "lock"), "w")
    try:
        fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.exit(f"another process is already using {run_folder}")
    lock_file.write(f"{os.getpid()}\n")
    lock_file.flush()
    return lock_file


# ---------------------------------------------------------------------------------------------
# Training.
# ---------------------------------------------------------------------------------------------

stop_requested = False


def request_stop(signal_number, frame):
    global stop_requested
    stop_requested = True


def format_evaluation(step, results):
    parts = [f"{evaluation_label(mode, t)} loss {result['loss']:.4f} acc {result['accuracy']:.1%}"
             for mode, by_t in results.items() for t, result in by_t.items()]
    return f"eval step {step} | " + " | ".join(parts)


def train(model, optimizer, settings, progress, masking_generator, train_data, eval_batches, run_folder, units=None):
    """Train until the planned steps are done or the time budget is spent; returns the final progress."""
    checkpoint_path = os.path.join(run_folder, "checkpoint.pt")
    metrics_path = os.path.join(run_folder, "metrics.jsonl")
    budget_seconds = settings["minutes"] * 60 if settings["minutes"] else math.inf
    session_start = time.monotonic()
    elapsed_before_session = progress["elapsed_seconds"]

    def elapsed_seconds():
        return elapsed_before_session + time.monotonic() - session_start

    def checkpoint():
        progress["elapsed_seconds"] = elapsed_seconds()
        save_training_checkpoint(checkpoint_path, model, optimizer, settings, progress, masking_generator)

    def run_evaluation():
        started = time.monotonic()
        results = evaluate(model, eval_batches, train_data.mask_token_id, train_data.pad_token_id)
        progress["eval_seconds"] = time.monotonic() - started
        progress["last_eval_step"] = progress["step"]
        append_metrics(metrics_path, {"kind": "eval", "step": progress["step"], "results": results,
                                      "seconds": round(progress["eval_seconds"], 2)})
        print(format_evaluation(progress["step"], results), flush=True)

    # A baseline before the first step; with --minutes it also measures what evaluations will cost.
    if eval_batches and progress["step"] == 0:
        run_evaluation()

    # Batches of sequences, or with --prefix-attention of packing units.
    lengths = train_data.lengths if units is None else units.lengths
    batches = batches_for_epoch(lengths, settings["tokens_per_batch"], settings["seed"], progress["epoch"])
    model.train()
    session_steps = 0
    if progress.get("planned_from_speed") and "pace_check" not in progress:  # a checkpoint from before pace checks
        progress["pace_check"] = (progress["step"], elapsed_seconds())
    last_checkpoint_time = time.monotonic()
    # Sums over the steps since the last log line; seconds counts training steps only, not evaluations.
    interval = {"loss": 0.0, "steps": 0, "tokens": 0, "seconds": 0.0}
    while True:
        if progress["planned_steps"] is not None and progress["step"] >= progress["planned_steps"]:
            break
        if elapsed_seconds() >= budget_seconds:
            print(f"time budget of {settings['minutes']} minutes spent at step {progress['step']} "
                  f"of {progress['planned_steps']} planned", flush=True)
            break
        if stop_requested:
            checkpoint()
            print(f"stopped by a signal at step {progress['step']}; checkpoint saved, rerun to resume", flush=True)
            sys.exit(0)

        if progress["batch_index"] >= len(batches):
            progress["epoch"] += 1
            progress["batch_index"] = 0
            batches = batches_for_epoch(lengths, settings["tokens_per_batch"], settings["seed"], progress["epoch"])
        step_start = time.monotonic()
        batch = (collate(train_data, batches[progress["batch_index"]]) if units is None
                 else collate_packed(train_data, units, batches[progress["batch_index"]]))
        progress["batch_index"] += 1

        learning_rate = learning_rate_at(progress["step"], settings["learning_rate"], settings["warmup_steps"],
                                         progress["planned_steps"], progress.get("decay_start"))
        loss, gradient_norm, tokens = training_step(model, optimizer, batch, learning_rate,
                                                    settings["hole_only_probability"],
                                                    settings.get("suffix_probability", 0.0),
                                                    settings.get("decision_weight", 1.0), train_data.mask_token_id,
                                                    masking_generator, settings.get("decision_view_probability", 0.0),
                                                    settings.get("normalised_weight", 1.0))
        progress["step"] += 1
        session_steps += 1
        interval["loss"] += loss
        interval["steps"] += 1
        interval["tokens"] += tokens
        interval["seconds"] += time.monotonic() - step_start

        # --minutes without --steps: plan the schedule from the measured speed, first from a few steps, then
        # again when the warm-up ends, from all the steps since: a few steps on a machine busy with other work
        # once planned a run 10 minutes short of its 80. Re-planning there leaves the learning rate continuous
        # (the warm-up does not depend on the plan). Saved in the checkpoint; from then on only the pace checks
        # below change it, each without a jump in the rate.
        if progress["planned_steps"] is None and session_steps == UNTIMED_STEPS:
            timing_start = time.monotonic()
        elif ((progress["planned_steps"] is None and session_steps == MEASURED_STEPS)
              or (progress.get("planned_from_speed") and progress["step"] == settings["warmup_steps"]
                  and session_steps == progress["step"] and session_steps > MEASURED_STEPS)):
            seconds_per_step = (time.monotonic() - timing_start) / (session_steps - UNTIMED_STEPS)
            if eval_batches:
                seconds_per_step += progress.get("eval_seconds", 0.0) / settings["eval_every"]
            remaining_steps = BUDGET_SAFETY * (budget_seconds - elapsed_seconds()) / seconds_per_step
            progress["planned_steps"] = progress["step"] + max(0, int(remaining_steps))
            progress["planned_from_speed"] = True
            progress["pace_check"] = (progress["step"], elapsed_seconds())
            print(f"measured {seconds_per_step:.3f} s per step over {session_steps - UNTIMED_STEPS} steps "
                  f"(evaluations included): planning {progress['planned_steps']} steps for the "
                  f"{settings['minutes']}-minute budget", flush=True)
        # From then on the pace since the last check shortens a plan it would not finish and lengthens one that
        # would leave time unused (paced_plan).
        elif (progress.get("planned_from_speed") and progress["step"] > settings["warmup_steps"]
              and progress["step"] % (settings["eval_every"] if eval_batches else REPLAN_EVERY) == 0
              and "pace_check" in progress):
            checked_step, checked_seconds = progress["pace_check"]
            if progress["step"] > checked_step and elapsed_seconds() > checked_seconds:
                seconds_per_step = (elapsed_seconds() - checked_seconds) / (progress["step"] - checked_step)
                planned_steps, decay_start = paced_plan(
                    progress["step"], settings["warmup_steps"], progress["planned_steps"], progress.get("decay_start"),
                    seconds_per_step, budget_seconds - elapsed_seconds())
                if planned_steps != progress["planned_steps"]:
                    change = "would outrun the budget; shortened" if planned_steps < progress["planned_steps"] else "would leave time unused; lengthened"
                    print(f"{seconds_per_step:.3f} s per step since step {checked_step}: the plan of "
                          f"{progress['planned_steps']} steps {change} to {planned_steps}, "
                          f"the learning rate decaying from its value now", flush=True)
                    progress["planned_steps"], progress["decay_start"] = planned_steps, decay_start
            progress["pace_check"] = (progress["step"], elapsed_seconds())

        if progress["step"] % settings["log_every"] == 0:
            record = {
                "kind": "train",
                "step": progress["step"],
                "loss": interval["loss"] / interval["steps"],
                "learning_rate": learning_rate,
                "gradient_norm": gradient_norm,
                "tokens_per_second": interval["tokens"] / interval["seconds"],
                "epoch": progress["epoch"],
                "elapsed_seconds": round(elapsed_seconds(), 1),
            }
            append_metrics(metrics_path, record)
            print(f"step {progress['step']}/{progress['planned_steps'] or '?'} | loss {record['loss']:.4f} | "
                  f"lr {learning_rate:.2e} | grad {gradient_norm:.2f} | {record['tokens_per_second']:,.0f} tok/s | "
                  f"epoch {progress['epoch']} | {record['elapsed_seconds'] / 60:.1f} min", flush=True)
            interval = {"loss": 0.0, "steps": 0, "tokens": 0, "seconds": 0.0}

        if eval_batches and progress["step"] % settings["eval_every"] == 0:
            run_evaluation()
        if time.monotonic() - last_checkpoint_time >= settings["checkpoint_minutes"] * 60:
            checkpoint()
            last_checkpoint_time = time.monotonic()

    if eval_batches and progress.get("last_eval_step") != progress["step"]:
        run_evaluation()
    checkpoint()
    print(f"training done at step {progress['step']} after {progress['elapsed_seconds'] / 60:.1f} minutes", flush=True)
    return progress


# ---------------------------------------------------------------------------------------------
# Export: ONNX for the SDK, reference logits to check it against, the loss curve.
# ---------------------------------------------------------------------------------------------

def export(model, dataset, run_folder):
    model.eval()
    onnx_path = os.path.join(run_folder, "model.onnx")
    export_onnx(model, onnx_path)
    check_dynamic_shapes(onnx_path, model.config)
    print(f"wrote {onnx_path} ({os.path.getsize(onnx_path):,} bytes)", flush=True)

    # The fixture's reference cases: masked random tokens, with and without padding, in two shapes.
    special_ids = {"maskTokenId": dataset.mask_token_id, "padTokenId": dataset.pad_token_id}
    cases = reference_cases(model.config.vocab_size, special_ids,
                            model.config.answer_start_token_id if model.config.prefix_attention else None)
    check_padding_is_ignored(model, cases[1])
    model_facts = {"vocabularySize": model.config.vocab_size, "maxLength": model.config.max_length,
                   "padTokenId": dataset.pad_token_id, "maskTokenId": dataset.mask_token_id}
    if model.config.prefix_attention:
        # check_onnx_parity.mjs checks the prompt cache of a training run's export with it.
        model_facts["answerStartTokenId"] = model.config.answer_start_token_id
    write_reference_logits(model, cases, os.path.join(run_folder, "reference-logits.json"), model_facts=model_facts)

    print(f"wrote {write_loss_curve(run_folder)}", flush=True)

    # ONNX Runtime for Python is not installed here; the SDK's runtime, onnxruntime-node, is.
    check_script = os.path.join(TRAINING_FOLDER, "check_onnx_parity.mjs")
    try:
        result = subprocess.run(["node", check_script, run_folder], capture_output=True, text=True, timeout=600)
        print(result.stdout + result.stderr, end="", flush=True)
        if result.returncode != 0:
            print("WARNING: the ONNX parity check failed", flush=True)
    except FileNotFoundError:
        print(f"node not found: run `node training/check_onnx_parity.mjs {run_folder}` elsewhere", flush=True)


# ---------------------------------------------------------------------------------------------
# Benchmark: how many tokens per second each model size trains at, to pick one for a budget.
# ---------------------------------------------------------------------------------------------

def benchmark(tokens_per_batch, vocabulary_size=4096, timed_steps=20, untimed_steps=3):
    global precision
    batch_size = max(1, tokens_per_batch // BENCHMARK_LENGTH)
    generator = torch.Generator().manual_seed(0)
    # Random tokens: the speed of a step does not depend on what the tokens are.
    input_ids = torch.randint(4, vocabulary_size, (batch_size, BENCHMARK_LENGTH), generator=generator)
    roles = torch.full((batch_size, BENCHMARK_LENGTH), PROMPT, dtype=torch.int64)
    roles[:, BENCHMARK_LENGTH // 2:] = torch.randint(STRUCTURE, HOLE + 1, (batch_size, BENCHMARK_LENGTH // 2),
                                                     generator=generator)
    batch = (input_ids, roles, torch.ones_like(input_ids))
    print(f"batch {batch_size} x {BENCHMARK_LENGTH} tokens, vocabulary {vocabulary_size}, "
          f"{torch.get_num_threads()} threads; {timed_steps} timed steps after {untimed_steps}")
    # The median step, and the fastest: on cores shared with other work the two part, and the fastest
    # is the better guess at what the machine does when it is quiet.
    print(f"{'precision':>9} {'d_model':>7} {'layers':>6} {'heads':>5} {'parameters':>11} {'median s':>8} "
          f"{'fastest s':>9} {'tokens/s':>9} {'M tokens/90 min':>15}")
    for d_model, layers in BENCHMARK_SIZES:
        for precision in ("bf16", "fp32"):
            torch.manual_seed(0)
            config = ModelConfig(vocab_size=vocabulary_size, d_model=d_model, n_layers=layers,
                                 n_heads=d_model // 32, max_length=BENCHMARK_LENGTH)
            model = MaskPredictor(config).train()
            optimizer = make_optimizer(model, 1e-3, 0.1)
            step_seconds = []
            for step in range(untimed_steps + timed_steps):
                start = time.monotonic()
                training_step(model, optimizer, batch, 1e-3, 0.5, 0.0, 1.0, 1, generator)
                if step >= untimed_steps:
                    step_seconds.append(time.monotonic() - start)
            median = float(np.median(step_seconds))
            tokens_per_second = batch_size * BENCHMARK_LENGTH / median
            print(f"{precision:>9} {d_model:>7} {layers:>6} {config.n_heads:>5} {model.parameter_count():>11,} "
                  f"{median:>8.3f} {min(step_seconds):>9.3f} {tokens_per_second:>9,.0f} "
                  f"{tokens_per_second * 5400 / 1e6:>15.1f}", flush=True)


# ---------------------------------------------------------------------------------------------

def main():
    parser, arguments = parse_arguments()
    if arguments.benchmark:
        torch.set_num_threads(arguments.threads)
        vocabulary_size = TokenDataset(arguments.data).vocabulary_size if arguments.data else 4096
        benchmark(arguments.tokens_per_batch, vocabulary_size)
        return
    if not arguments.run:
        parser.error("--run is required")

    run_folder = os.path.join(arguments.runs_folder, arguments.run)
    os.makedirs(run_folder, exist_ok=True)
    lock = lock_run_folder(run_folder)  # noqa: F841 (held until the process ends)
    checkpoint_path = os.path.join(run_folder, "checkpoint.pt")
    checkpoint = torch.load(checkpoint_path, map_location="cpu") if os.path.exists(checkpoint_path) else None
    if checkpoint is None and arguments.export_only:
        parser.error(f"--export-only: no checkpoint at {checkpoint_path}")
    settings = settings_for_run(parser, arguments, checkpoint)
    global precision
    precision = settings.get("precision", "bf16")  # runs begun before --precision existed trained in bf16
    torch.set_num_threads(settings["threads"])
    if checkpoint is None:
        if not settings["data"]:
            parser.error("--data is required to start a run")
        if not settings["steps"] and not settings["minutes"]:
            parser.error("give --steps, --minutes or both")
        if settings["prefix_attention"] and not settings.get("tokenizer"):
            parser.error("--prefix-attention needs --tokenizer (the tokenizer.json the dataset was made with)")
        # With --init-from the copy head is the checkpoint's: checked once it is loaded.
        if settings["copy_twins"] not in (None, "strip") and not settings["copy_head"] and not settings.get("init_from"):
            parser.error("--copy-twins chooses the copy head's twins: give --copy-head too")
        if settings["copy_normalised"] and not settings["copy_head"]:
            parser.error("--copy-normalised shapes the copy head: give --copy-head too")
        if settings["answer_draws"] < 1 or (settings["answer_draws"] > 1 and not settings["prefix_attention"]):
            parser.error("--answer-draws is at least 1, and above 1 only with --prefix-attention (which packs)")
        if settings["pointer_readout"] and not settings["copy_head"]:
            parser.error("--pointer-readout reads through the copy head's pointer: give --copy-head too")
        # Both run-defining dataset paths are kept absolute, so that resuming works from any directory.
        for name in ("data", "eval_data"):
            if settings[name]:
                settings[name] = os.path.abspath(settings[name])

    train_data = TokenDataset(settings["data"])
    eval_data = TokenDataset(settings["eval_data"]) if settings["eval_data"] else None
    if eval_data and (eval_data.vocabulary_size, eval_data.pad_token_id, eval_data.mask_token_id) != (
            train_data.vocabulary_size, train_data.pad_token_id, train_data.mask_token_id):
        sys.exit("the eval data's vocabulary size or special tokens differ from the training data's")

    initial = None
    twins_asked = settings.get("copy_twins")  # None: --copy-twins not given
    if checkpoint is None and settings.get("init_from"):
        settings["init_from"] = os.path.abspath(settings["init_from"])
        initial = torch.load(settings["init_from"], map_location="cpu")
        initial_config = initial["config"]
        if (initial_config["vocab_size"], initial_config["mask_token_id"]) != (train_data.vocabulary_size,
                                                                             train_data.mask_token_id):
            sys.exit(f"--init-from {settings['init_from']}: its vocabulary or mask token differ from the data's")
        # The architecture is the checkpoint's; the settings record it, so that the run's settings.json tells
        # what was trained.
        for name, key in (("d_model", "d_model"), ("layers", "n_layers"), ("heads", "n_heads"),
                          ("max_length", "max_length"), ("dropout", "dropout"), ("copy_head", "copy_head"),
                          ("copy_normalised", "copy_normalised"), ("prefix_attention", "prefix_attention"),
                          ("pointer_readout", "pointer_readout")):
            settings[name] = initial_config[key]
        # The copy head's twin table is a buffer of the checkpoint: kept unless --copy-twins asks for one.
        if twins_asked is None:
            settings["copy_twins"] = initial.get("settings", {}).get("copy_twins") or "strip"
    if checkpoint is None and initial is not None:
        config = ModelConfig(**initial["config"])
    elif checkpoint is None:
        longest = max(int(train_data.lengths.max()), int(eval_data.lengths.max()) if eval_data else 0)
        settings["max_length"] = settings["max_length"] or longest
        if settings["max_length"] < longest:
            sys.exit(f"--max-length {settings['max_length']} is shorter than the longest sequence ({longest} tokens)")
        config = ModelConfig(vocab_size=train_data.vocabulary_size, d_model=settings["d_model"],
                             n_layers=settings["layers"], n_heads=settings["heads"], max_length=settings["max_length"],
                             dropout=settings["dropout"], copy_head=settings.get("copy_head", False),
                             copy_normalised=settings.get("copy_normalised", False),
                             prefix_attention=settings.get("prefix_attention", False),
                             pointer_readout=settings.get("pointer_readout", False),
                             answer_start_token_id=answer_start_token_id(settings),
                             mask_token_id=train_data.mask_token_id)
    else:
        config = ModelConfig(**checkpoint["config"])

    torch.manual_seed(settings["seed"])
    model = MaskPredictor(config)
    initialised = initial is not None
    if initial is not None:
        model.load_state_dict(initial["model"])
        print(f"initialised from {settings['init_from']}", flush=True)
        del initial
    if checkpoint is None and settings["copy_twins"] is None:
        settings["copy_twins"] = "strip"
    if twins_asked not in (None, "strip") and not config.copy_head:
        sys.exit("--copy-twins chooses the copy head's twins, and the model has no copy head")
    if config.copy_head and checkpoint is None and (not initialised or twins_asked is not None):
        if not settings.get("tokenizer"):
            sys.exit("--copy-head needs --tokenizer (the tokenizer.json the dataset was made with)")
        with open(settings["tokenizer"], encoding="utf-8") as file:
            add_space = settings["copy_twins"] == "add-space"
            twins = model.set_space_stripped_ids(json.load(file)["model"]["vocab"], add_space=add_space)
        print(f"copy head: {twins:,} tokens have a twin {'with' if add_space else 'without'} a leading space",
              flush=True)
    optimizer = make_optimizer(model, settings["learning_rate"], settings["weight_decay"])
    masking_generator = torch.Generator().manual_seed(settings["seed"])
    if checkpoint is None:
        progress = {"step": 0, "planned_steps": settings["steps"], "elapsed_seconds": 0.0, "epoch": 0, "batch_index": 0}
        forget_metrics_after(os.path.join(run_folder, "metrics.jsonl"), -1)  # a fresh run starts a fresh log
        with open(os.path.join(run_folder, "settings.json"), "w", encoding="utf-8") as file:
            file.write(json.dumps(settings, indent=2) + "\n")
    else:
        model.load_state_dict(checkpoint["model"])
        optimizer.load_state_dict(checkpoint["optimizer"])
        torch.set_rng_state(checkpoint["random_states"]["torch"])
        masking_generator.set_state(checkpoint["random_states"]["masking"])
        progress = checkpoint["progress"]
        forget_metrics_after(os.path.join(run_folder, "metrics.jsonl"), progress["step"])
        print(f"resuming run {arguments.run} at step {progress['step']} of {progress['planned_steps'] or '?'} "
              f"(epoch {progress['epoch']}, batch {progress['batch_index']}, "
              f"{progress['elapsed_seconds'] / 60:.1f} minutes done)", flush=True)
    del checkpoint

    if not settings["export_only"]:
        units = (PackingUnits(train_data, config.answer_start_token_id, PACKED_LENGTH_LIMIT, settings.get("answer_draws", 1))
                 if config.prefix_attention else None)
        lengths = train_data.lengths if units is None else units.lengths
        epoch_batches = batches_for_epoch(lengths, settings["tokens_per_batch"], settings["seed"], 0)
        padded_tokens = sum(len(batch) * int(lengths[batch].max()) for batch in epoch_batches)
        print(train_data.describe(), flush=True)
        print(f"model: d_model {config.d_model}, {config.n_layers} layers, {config.n_heads} heads, max length "
              f"{config.max_length}, vocabulary {config.vocab_size}: {model.parameter_count():,} parameters",
              flush=True)
        if units is not None:
            print(f"prefix attention: {len(train_data):,} sequences packed into {len(units):,} rows of "
                  f"{int(units.lengths.sum()):,} tokens ({len(train_data.tokens) / units.lengths.sum():.2f} times fewer)",
                  flush=True)
        print(f"an epoch is {len(epoch_batches):,} batches; padding adds "
              f"{padded_tokens / int(lengths.sum()) - 1:.1%} to its {int(lengths.sum()):,} tokens", flush=True)
        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        eval_units = (PackingUnits(eval_data, config.answer_start_token_id, PACKED_LENGTH_LIMIT)
                      if eval_data and config.prefix_attention else None)
        eval_batches = (evaluation_batches(eval_data, settings["eval_sequences"], settings["tokens_per_batch"], eval_units)
                        if eval_data else [])
        train(model, optimizer, settings, progress, masking_generator, train_data, eval_batches, run_folder, units)
    export(model, train_data, run_folder)


if __name__ == "__main__":
    main()
