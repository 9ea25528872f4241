"""The mask predictor: a bidirectional Transformer that reads a partly masked
sequence and returns, for each requested position, logits over the vocabulary.

A masked diffusion language model denoises by repeatedly asking "what token
belongs under each mask?", so unlike a GPT every position may attend to every
other position, in both directions. Apart from that the network is a small,
ordinary pre-LayerNorm Transformer with rotary position embeddings.

Optionally it has a copy head (a pointer-generator, See et al. 2017): most of
what a tool call or an extraction writes is copied from the request, and a
small model trained for an hour learns to point at the right word long before
it learns to carry a token's identity through its layers to the output.
A byte-level BPE gives a word one token after a space ("ĠFrankfurt", as in
"weather in Frankfurt") and another at the start of a JSON string ("Frankfurt"),
so the head can also copy a pointed-at token without its leading space.

Optionally (prefix attention) the prompt's positions attend to the prompt only,
while the answer's positions still attend to everything: the prompt never
needs the answer, and a prompt whose states do not depend on it can be shared by
several answers in training (train.py packs them) and encoded once at inference.
"""

import math
from dataclasses import dataclass
from typing import NamedTuple

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class ModelConfig:
    vocab_size: int
    d_model: int = 64
    n_layers: int = 2
    n_heads: int = 4
    max_length: int = 256
    dropout: float = 0.0
    # The usual 4x widening of the feed-forward layer.
    mlp_ratio: int = 4
    rope_base: float = 10000.0
    # The copy head mixes the vocabulary distribution with one over the input's tokens; it must know
    # which input id is the mask token, since a masked position has nothing to copy.
    copy_head: bool = False
    mask_token_id: int = -1
    # Score the copy pointer by the cosine of its query and key times a learned scale below
    # COPY_SCALE_LIMIT (as QK-norm does) rather than by a raw dot product. A raw pointer learns large
    # queries and keys, and then float32 differences of 1e-6 between two runtimes' hidden states become
    # 1e-4 in its scores, which broke the ONNX parity check for two of three runs.
    copy_normalised: bool = False
    # Prefix attention: prompt rows attend to the prompt only, answer rows to everything, as an encoder-decoder
    # would. The prompt's states then do not depend on the answer, so the canvases of one example (its decision
    # and value rounds, ~3.5 of them) can share one prompt in training (train.py packs them into one row), and
    # a runtime may encode the prompt once. The answer starts after the last answer_start_token_id
    # (<|assistant|>); a sequence without one is all answer, attended in both directions.
    prefix_attention: bool = False
    answer_start_token_id: int = -1
    # Pointer readout: the LM head also reads the states the copy pointer points at (their pointer-weighted sum,
    # projected and added to the row). A value the request states in other words ("rupees" -> INR, "six" -> 6)
    # is then predicted from the word's own state, found by the pointer that finds spans to copy; without it
    # the body must carry the word to the hole's row, and the session-8 model never learned to (its vocabulary
    # head spread ~0.07 over every currency code, whatever the request named).
    pointer_readout: bool = False


class Past(NamedTuple):
    """What later calls need of earlier positions (a prompt), computed once: per layer its rotated keys and its
    values [layers, batch, heads, length, head_dim], its final states [batch, length, d_model] (the copy pointer
    and the readout read them), its token ids and its attention mask [batch, length]."""
    keys: torch.Tensor
    values: torch.Tensor
    states: torch.Tensor
    ids: torch.Tensor
    attention_mask: torch.Tensor


# Bounds the normalised pointer's sharpness: a score gap of up to 2 x 32 is ample to single out one
# of 256 positions, and a 1e-6 error in a cosine stays ~3e-5 in a score.
COPY_SCALE_LIMIT = 32.0
COPY_SCALE_START = 10.0


def complementary_shares(logit: torch.Tensor):
    """(sigmoid(logit), 1 - sigmoid(logit)), each accurate to float32's relative precision however small: a share
    of 3e-5 carries a token's whole probability when the other share is 0.99997. 1 - sigmoid keeps three
    significant digits of it, and ONNX Runtime's Sigmoid is accurate in absolute, not relative, terms; either
    made the session-9 run's log-probabilities differ between runtimes by 1e-3. exp(min(x, 0)) / (1 + exp(-|x|))
    is sigmoid(x) from relatively accurate operations only."""
    def sigmoid(x):
        return torch.exp(torch.clamp(x, max=0.0)) / (1.0 + torch.exp(-x.abs()))
    return sigmoid(logit), sigmoid(-logit)


def rotary_tables(head_dim: int, max_length: int, base: float):
    """Cosine and sine tables for rotary position embeddings, [max_length, head_dim / 2]."""
    # Each pair of channels rotates at its own frequency, from one turn per
    # position down to very slow turns, so that both near and far offsets
    # leave a distinguishable trace in the query-key dot product.
    frequencies = 1.0 / (base ** (torch.arange(0, head_dim, 2, dtype=torch.float32) / head_dim))
    angles = torch.outer(torch.arange(max_length, dtype=torch.float32), frequencies)
    return torch.cos(angles), torch.sin(angles)


def apply_rotary(x: torch.Tensor, cosine: torch.Tensor, sine: torch.Tensor) -> torch.Tensor:
    """Rotate channel pairs (i, i + head_dim / 2) of x [batch, heads, length, head_dim] by position (cosine and
    sine [length, head_dim / 2], or [batch, 1, length, head_dim / 2] for positions of each row's own)."""
    # Pairing the first half with the second half (rather than neighbouring
    # channels) needs only slices and a concat, which export to ONNX cleanly.
    half = x.shape[-1] // 2
    first, second = x[..., :half], x[..., half:]
    return torch.cat((first * cosine - second * sine, first * sine + second * cosine), dim=-1)


class SelfAttention(nn.Module):
    def __init__(self, config: ModelConfig):
        super().__init__()
        assert config.d_model % config.n_heads == 0, "d_model must be divisible by n_heads"
        assert (config.d_model // config.n_heads) % 2 == 0, "rotary embeddings need an even head size"
        self.n_heads = config.n_heads
        self.head_dim = config.d_model // config.n_heads
        self.query_key_value = nn.Linear(config.d_model, 3 * config.d_model, bias=False)
        self.output_projection = nn.Linear(config.d_model, config.d_model, bias=False)
        self.attention_dropout = nn.Dropout(config.dropout)
        self.residual_dropout = nn.Dropout(config.dropout)

    def forward(self, x, cosine, sine, attention_bias, past=None):
        """The attended output, and this call's rotated keys and values (what a prompt cache keeps). past: keys
        and values [batch, heads, past_length, head_dim] of earlier positions, attended before x's own."""
        batch, length, d_model = x.shape
        query, key, value = self.query_key_value(x).split(d_model, dim=2)
        # [batch, length, d_model] -> [batch, heads, length, head_dim]
        query = query.view(batch, length, self.n_heads, self.head_dim).transpose(1, 2)
        key = key.view(batch, length, self.n_heads, self.head_dim).transpose(1, 2)
        value = value.view(batch, length, self.n_heads, self.head_dim).transpose(1, 2)

        # Rotating queries and keys (not values) makes their dot product depend
        # only on the distance between positions.
        query = apply_rotary(query, cosine, sine)
        key = apply_rotary(key, cosine, sine)
        present = (key, value)
        if past is not None:
            key, value = torch.cat((past[0], key), dim=2), torch.cat((past[1], value), dim=2)

        # No causal mask: a denoiser must see the context on both sides. The scale goes on the queries, a
        # length-times smaller tensor than the scores; the bias is added in place (the product's backward
        # needs its inputs, not its output).
        scores = (query * (1.0 / math.sqrt(self.head_dim))) @ key.transpose(-2, -1)
        if attention_bias is not None:
            scores = scores.add_(attention_bias)
        weights = self.attention_dropout(F.softmax(scores, dim=-1))
        attended = (weights @ value).transpose(1, 2).reshape(batch, length, d_model)
        return self.residual_dropout(self.output_projection(attended)), present


class FeedForward(nn.Module):
    def __init__(self, config: ModelConfig):
        super().__init__()
        hidden = config.mlp_ratio * config.d_model
        self.expand = nn.Linear(config.d_model, hidden, bias=False)
        self.contract = nn.Linear(hidden, config.d_model, bias=False)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x):
        return self.dropout(self.contract(F.gelu(self.expand(x))))


class Block(nn.Module):
    def __init__(self, config: ModelConfig):
        super().__init__()
        self.attention_norm = nn.LayerNorm(config.d_model)
        self.attention = SelfAttention(config)
        self.feed_forward_norm = nn.LayerNorm(config.d_model)
        self.feed_forward = FeedForward(config)

    def forward(self, x, cosine, sine, attention_bias, past=None):
        # Pre-LayerNorm: the residual stream itself is never normalised, so
        # gradients reach early blocks intact and training needs little warm-up.
        attended, present = self.attention(self.attention_norm(x), cosine, sine, attention_bias, past)
        x = x + attended
        x = x + self.feed_forward(self.feed_forward_norm(x))
        return x, present


class MaskPredictor(nn.Module):
    def __init__(self, config: ModelConfig):
        super().__init__()
        self.config = config
        self.token_embedding = nn.Embedding(config.vocab_size, config.d_model)
        self.embedding_dropout = nn.Dropout(config.dropout)
        self.blocks = nn.ModuleList(Block(config) for _ in range(config.n_layers))
        self.final_norm = nn.LayerNorm(config.d_model)
        # The LM head has its own weights rather than reusing the embedding.
        # Tying would save vocab_size x d_model parameters, but here the input
        # and output roles differ: <|mask|> is the most common input token and
        # must never be an output. With tied weights each row's logits favour
        # the token it reads, so an untrained (or barely trained) model
        # predicts <|mask|> at every masked row and a sampler never unmasks.
        self.lm_head = nn.Linear(config.d_model, config.vocab_size, bias=False)
        if config.copy_head:
            assert config.mask_token_id >= 0, "the copy head needs the mask token's id"
            self.copy_query = nn.Linear(config.d_model, config.d_model, bias=False)
            self.copy_key = nn.Linear(config.d_model, config.d_model, bias=False)
            # Per row, how much of the output comes from copying rather than from the vocabulary.
            self.copy_gate = nn.Linear(config.d_model, 1)
            # Per row, how much of the copy drops the pointed-at token's leading space (adds one, with
            # set_space_stripped_ids' add_space: the buffer keeps its name so that earlier checkpoints load).
            self.strip_gate = nn.Linear(config.d_model, 1)
            if config.copy_normalised:
                # scale = COPY_SCALE_LIMIT * sigmoid(parameter), starting at COPY_SCALE_START.
                start = COPY_SCALE_START / COPY_SCALE_LIMIT
                self.copy_scale = nn.Parameter(torch.tensor(math.log(start / (1 - start))))
            # The id of each token without its leading space ("ĠFrankfurt" -> "Frankfurt"), or its own id
            # when it has none or the vocabulary lacks that token: set by set_space_stripped_ids from the
            # tokenizer, and saved with the weights so that a checkpoint carries it.
            self.register_buffer("space_stripped_ids", torch.arange(config.vocab_size))
        if config.pointer_readout:
            assert config.copy_head, "the pointer readout reads through the copy head's pointer"
            self.pointer_readout = nn.Linear(config.d_model, config.d_model, bias=False)

        cosine, sine = rotary_tables(config.d_model // config.n_heads, config.max_length, config.rope_base)
        # Not persistent: the tables are derived from the config, so checkpoints
        # hold only learned weights.
        self.register_buffer("rotary_cosine", cosine, persistent=False)
        self.register_buffer("rotary_sine", sine, persistent=False)

        self.apply(self._initialise)
        # Each block adds two projections into the residual stream; shrinking
        # them keeps the stream's variance from growing with depth (GPT-2).
        for name, parameter in self.named_parameters():
            if name.endswith("output_projection.weight") or name.endswith("contract.weight"):
                nn.init.normal_(parameter, mean=0.0, std=0.02 / math.sqrt(2 * config.n_layers))
        if config.pointer_readout:
            # Starts as a model without it: the readout grows from zero as the LM head finds it useful.
            nn.init.zeros_(self.pointer_readout.weight)

    def set_space_stripped_ids(self, vocabulary: dict, add_space: bool = False) -> int:
        """Fills space_stripped_ids from a byte-level BPE vocabulary (token text -> id); returns how many
        tokens have a twin. With add_space the twin is the token with a leading space added ("Deep" ->
        "ĠDeep"), not dropped: a model trained on spaced string values (render-dataset.ts --string-values
        spaced) writes each value's first word with a space that a quoted word in the request lacks."""
        space = "\u0120"  # the byte-level alphabet's character for the space byte
        table = torch.arange(self.config.vocab_size)
        for text, token_id in vocabulary.items():
            if add_space:
                twin = vocabulary.get(space + text) if not text.startswith(space) else None
            else:
                twin = vocabulary.get(text[1:]) if text.startswith(space) and len(text) > 1 else None
            if twin is not None and token_id < self.config.vocab_size and twin < self.config.vocab_size:
                table[token_id] = twin
        self.space_stripped_ids.copy_(table)
        return int((table != torch.arange(self.config.vocab_size)).sum())

    @staticmethod
    def _initialise(module):
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def parameter_count(self) -> int:
        return sum(parameter.numel() for parameter in self.parameters())

    def forward(self, input_ids, positions=None, attention_mask=None, segment_ids=None, position_ids=None, past=None):
        """
        input_ids:      int64 [batch, length]
        positions:      optional int64 [batch, n], the rows whose logits are wanted
        attention_mask: optional int64 [batch, length], 1 = real token, 0 = padding
        segment_ids:    with prefix attention, optional int64 [batch, length]: 0 the prompt, k > 0 the k-th answer
                        packed after it (train.py), each seeing the prompt and itself; by default the answer is
                        what follows the last answer_start_token_id
        position_ids:   optional int64 [batch, length], each token's rotary position (packed answers all start
                        where the prompt ends); by default 0, 1, 2, ... after the past's tokens
        past:           optional Past of a prompt encoded before (forward_with_present), which these tokens follow
        returns:        float32 logits [batch, n, vocab] ([batch, length, vocab] without positions);
                        with the copy head, log-probabilities (logits whose softmax is the mixture)
        """
        return self.forward_with_present(input_ids, positions, attention_mask, segment_ids, position_ids, past)[0]

    def forward_with_present(self, input_ids, positions=None, attention_mask=None, segment_ids=None, position_ids=None,
                             past=None):
        """forward's output and the Past of these tokens. With prefix attention a prompt's states do not depend on
        its answer, so a runtime encodes the prompt once, keeps its Past, and for each denoising step of each
        canvas runs the answer alone with that past: the same logits as one call over prompt and answer."""
        if attention_mask is None and past is not None:
            attention_mask = torch.ones_like(input_ids)
        states, visible, (keys, values) = self.encode(input_ids, attention_mask, segment_ids, position_ids, past)
        present = Past(keys=torch.stack(keys), values=torch.stack(values), states=states, ids=input_ids,
                       attention_mask=attention_mask if attention_mask is not None else torch.ones_like(input_ids))
        # The copy pointer and the readout reach the past's positions as well as these.
        key_states, key_ids, key_mask = states, input_ids, attention_mask
        if past is not None:
            key_states = torch.cat((past.states.to(states.dtype), states), dim=1)
            key_ids = torch.cat((past.ids, input_ids), dim=1)
            key_mask = torch.cat((past.attention_mask, attention_mask), dim=1)
        # Gather before the LM head: the vocabulary projection is the most
        # expensive step per row, and a sampler usually wants only the
        # still-masked rows.
        rows = states if positions is None else self.gather_rows(states, positions)
        if not self.config.copy_head:
            return self.lm_head(rows), present
        pointer, (keep, strip), (vocabulary_share, copy_share) = self.copy_head(rows, key_states, key_ids, key_mask,
                                                                                visible, positions)
        logits = self.lm_head(self.with_readout(rows, pointer, key_states))
        # Each pointed-at position gives its weight to its token, and (by the strip gate's share) to the
        # token without its leading space: one scatter over both.
        token_ids = torch.cat((key_ids, self.space_stripped_ids[key_ids]), dim=1)
        token_index = token_ids[:, None, :].expand(-1, rows.shape[1], -1)
        weights = torch.cat((pointer * keep, pointer * strip), dim=-1)
        copied = torch.zeros_like(logits, dtype=torch.float32).scatter_add(2, token_index, weights)
        probabilities = vocabulary_share * F.softmax(logits.float(), dim=-1) + copy_share * copied
        # A floor instead of log(0): logits stay finite (the reference logits are JSON).
        return torch.log(probabilities.clamp_min(1e-30)), present

    def target_log_probabilities(self, input_ids, positions, targets, valid, attention_mask=None, segment_ids=None,
                                 position_ids=None):
        """log p(target) [batch, n] for each of the targets [batch, n] at positions, where valid [batch, n]: what
        training needs of forward's output (its value at the target), without forming the distribution over the
        vocabulary for every row. A masked row's LM head and its normaliser are computed for the valid rows
        only (a packed batch pads its rows' positions to the row with most masks), and the copied share of the
        target sums the pointer over the positions that hold it. Invalid rows get 0."""
        states, visible, _ = self.encode(input_ids, attention_mask, segment_ids, position_ids)
        rows = self.gather_rows(states, positions)
        copy = self.copy_head(rows, states, input_ids, attention_mask, visible, positions) if self.config.copy_head else None
        head_rows = rows if copy is None else self.with_readout(rows, copy[0], states)
        logits = self.lm_head(head_rows[valid]).float()  # [valid rows, vocab]
        vocabulary_log_probability = torch.zeros(targets.shape, dtype=torch.float32)
        vocabulary_log_probability[valid] = (logits.gather(1, targets[valid][:, None]).squeeze(1)
                                             - torch.logsumexp(logits, dim=-1))
        if copy is None:
            return vocabulary_log_probability.masked_fill(~valid, 0.0)
        pointer, (keep, strip), (vocabulary_share, copy_share) = copy
        holds_target = (input_ids[:, None, :] == targets[:, :, None]).float()
        holds_twin = (self.space_stripped_ids[input_ids][:, None, :] == targets[:, :, None]).float()
        copied = (pointer * (keep * holds_target + strip * holds_twin)).sum(dim=-1)
        probability = vocabulary_share.squeeze(-1) * vocabulary_log_probability.exp() + copy_share.squeeze(-1) * copied
        return torch.log(probability.clamp_min(1e-30)).masked_fill(~valid, 0.0)

    def with_readout(self, rows, pointer, states):
        """The rows the LM head reads: with the pointer readout, each row plus the projected pointer-weighted sum
        of the states it points at."""
        if not self.config.pointer_readout:
            return rows
        read = torch.matmul(pointer.to(states.dtype), states)
        return rows + self.pointer_readout(read)

    def encode(self, input_ids, attention_mask=None, segment_ids=None, position_ids=None, past=None):
        """The final states [batch, length, d_model]; which keys (the past's, then these) each row may attend to
        (bool [batch, 1, keys] for padding only, [batch, length, keys] with prefix attention; None: all); and the
        keys and values of these tokens, layer by layer."""
        length = input_ids.shape[1]
        if position_ids is None and past is not None:
            # A padded past's tokens do not count: the first token here continues each row's real prompt.
            position_ids = past.attention_mask.sum(dim=1, keepdim=True) + torch.arange(length, device=input_ids.device)
        if position_ids is None:
            cosine, sine = self.rotary_cosine[:length], self.rotary_sine[:length]
        else:
            cosine, sine = self.rotary_cosine[position_ids][:, None], self.rotary_sine[position_ids][:, None]

        visible = None if attention_mask is None else (attention_mask != 0)[:, None, :]
        if self.config.prefix_attention:
            if segment_ids is None:
                segment_ids = self.answer_segments(input_ids)
            in_reach = (segment_ids[:, None, :] == 0) | (segment_ids[:, None, :] == segment_ids[:, :, None])
            visible = in_reach if visible is None else in_reach & visible
        if past is not None:
            # Every row sees the past (a prompt), but for its padding.
            past_visible = (past.attention_mask != 0)[:, None, :]
            visible = torch.cat((past_visible.expand(-1, visible.shape[1], -1), visible), dim=-1)
        # A large finite negative rather than -inf: a row whose keys are all
        # padding then gets a uniform softmax instead of NaNs.
        attention_bias = None if visible is None else ((~visible).to(torch.float32) * torch.finfo(torch.float32).min)[:, None]

        x = self.embedding_dropout(self.token_embedding(input_ids))
        keys, values = [], []
        for layer, block in enumerate(self.blocks):
            x, (key, value) = block(x, cosine, sine, attention_bias,
                                    None if past is None else (past.keys[layer], past.values[layer]))
            keys.append(key)
            values.append(value)
        return self.final_norm(x), visible, (keys, values)

    @staticmethod
    def gather_rows(rows, positions):
        """rows [batch, length, width] at positions [batch, n]: [batch, n, width]."""
        return torch.gather(rows, 1, positions.unsqueeze(-1).expand(-1, -1, rows.shape[-1]))

    def answer_segments(self, input_ids):
        """int64 [batch, length]: 0 up to and including the last answer_start_token_id, 1 after it (all 1 without
        one: a sequence with no prompt attends in both directions)."""
        index = torch.arange(input_ids.shape[1], device=input_ids.device)
        starts = torch.where(input_ids == self.config.answer_start_token_id, index, torch.full_like(index, -1))
        last = starts.max(dim=1, keepdim=True).values
        return (index[None, :] > last).to(torch.int64)

    def copy_head(self, rows, states, input_ids, attention_mask, visible, positions):
        """The pointer [batch, rows, length] over the input positions each row may copy from, and two splits
        [batch, rows, 1] each: of the copy, (keeps, drops) the pointed-at token's leading space; of the mixture,
        (vocabulary, copy): output = vocabulary * softmax(logits) + copy * copied."""
        if self.config.copy_normalised:
            query = F.normalize(self.copy_query(rows).float(), dim=-1)
            key = F.normalize(self.copy_key(states).float(), dim=-1)
            scores = COPY_SCALE_LIMIT * torch.sigmoid(self.copy_scale) * (query @ key.transpose(-2, -1))
        else:
            scores = self.copy_query(rows) @ self.copy_key(states).transpose(-2, -1) / math.sqrt(self.config.d_model)
        copyable = input_ids != self.config.mask_token_id
        if attention_mask is not None:
            copyable = copyable & (attention_mask != 0)
        copyable = copyable[:, None, :]
        if self.config.prefix_attention:
            # The pointer may copy only what the row may attend to.
            copyable = copyable & (visible if positions is None else self.gather_rows(visible, positions))
        # In float32 from here: the mixture's small probabilities are what a constrained sampler
        # compares when the likely tokens are not allowed.
        scores = scores.float().masked_fill(~copyable, torch.finfo(torch.float32).min)
        pointer = F.softmax(scores, dim=-1)
        strip_shares = complementary_shares(self.strip_gate(rows).float())
        return pointer, strip_shares, complementary_shares(self.copy_gate(rows).float())
