#!/usr/bin/env python3
"""A torch-free trainer that speaks the llmops trainer protocol (docs/training-protocol.md).

It exists so CI can exercise the protocol end to end through the `process` executor without a GPU or
any ML package: standard library only. It reads the JSONL inputs the executor laid out under
LLMOPS_INPUT_DIR, "trains" by counting tokens, prints metrics lines whose loss decreases, and writes a
tiny model into LLMOPS_OUTPUT_DIR: model.json + weights.bin (or adapter_config.json +
adapter_model.bin for LoRA), tokenizer.json and metrics.jsonl. It reports through stdout only; it
never calls LLMOPS_CALLBACK_URL.

Test switches (environment, since hyperparameters are validated strictly by the training service):
  LLMOPS_STUB_FAIL=1                 half-way: log a few lines, write checkpoints/step-N.json beside
                                     the partial metrics.jsonl, then exit 3
  LLMOPS_STUB_STEP_SECONDS=0.05      sleep this long per step (to cancel a run mid-way)
  LLMOPS_STUB_IGNORE_SIGTERM=1       ignore SIGTERM (to check the executor's SIGKILL escalation)

Exit codes: 0 trained; 2 bad inputs (missing variables, no records, DPO without preference pairs);
3 the simulated failure; 143 stopped by SIGTERM.
"""

import hashlib
import json
import math
import os
import signal
import sys
import time
from collections import Counter

NAME = "trainer-stub"
VERSION = "0.1.0"
METHODS = ("sft", "lora", "dpo", "continued-pretraining")


class Terminated(Exception):
    """Raised from the SIGTERM handler so a sleeping step stops at once."""


class BadInput(Exception):
    """The run cannot train on what it was given (exit code 2)."""


def emit(payload):
    """One protocol line on stdout; flushed, because the executor reads metrics as they come."""
    sys.stdout.write(json.dumps(payload, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def log(message):
    """A log line: anything on stderr (or any stdout line that is not a protocol line)."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def required_env(name):
    value = os.environ.get(name, "")
    if value == "":
        raise BadInput(f"{name} is not set")
    return value


def message_text(content):
    """Text of an OpenAI-format message content: a string, text parts, or null."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    return " ".join(part.get("text", "") for part in content if isinstance(part, dict))


def prompt_text(prompt):
    if isinstance(prompt, str):
        return prompt
    return " ".join(message_text(message.get("content")) for message in prompt)


def record_texts(content):
    """The texts a record trains on, by content kind (text, prompt-completion, chat, preference)."""
    kind = content.get("kind")
    if kind == "text":
        return [content["text"]]
    if kind == "prompt-completion":
        return [content["prompt"], content["completion"]]
    if kind == "chat":
        return [message_text(message.get("content")) for message in content["messages"]]
    if kind == "preference":
        return [prompt_text(content["prompt"]), content["chosen"], content["rejected"]]
    raise BadInput(f"unknown record kind {kind!r}")


def read_records(input_dir):
    """Every record of every datasets/*.jsonl file, in file-name order."""
    datasets_dir = os.path.join(input_dir, "datasets")
    if not os.path.isdir(datasets_dir):
        raise BadInput(f"{datasets_dir} does not exist")
    files = sorted(name for name in os.listdir(datasets_dir) if name.endswith(".jsonl"))
    records = []
    for name in files:
        with open(os.path.join(datasets_dir, name), encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip() == "":
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise BadInput(f"{name}:{number}: not JSON ({error})") from error
                if not isinstance(record, dict) or not isinstance(record.get("content"), dict):
                    raise BadInput(f"{name}:{number}: not a record with content")
                records.append(record)
    return files, records


def learning_rate_at(step, steps, peak, warmup):
    """Linear warmup, then cosine decay to a tenth of the peak."""
    if warmup > 0 and step <= warmup:
        return peak * step / warmup
    progress = (step - warmup) / max(1, steps - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, indent=2, sort_keys=True)
        handle.write("\n")


def weights_bytes(counts, size=1024):
    """Deterministic pseudo-weights derived from the token counts (a stand-in for a real tensor file)."""
    seed = hashlib.sha256(json.dumps(sorted(counts.items())).encode("utf-8")).digest()
    out = bytearray()
    block = seed
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out.extend(block)
    return bytes(out[:size])


def train():
    run_id = required_env("LLMOPS_RUN_ID")
    method = required_env("LLMOPS_METHOD")
    if method not in METHODS:
        raise BadInput(f"LLMOPS_METHOD {method!r} is not one of {', '.join(METHODS)}")
    output_dir = required_env("LLMOPS_OUTPUT_DIR")
    input_dir = required_env("LLMOPS_INPUT_DIR")
    try:
        hyper = json.loads(os.environ.get("LLMOPS_HYPERPARAMETERS") or "{}")
    except json.JSONDecodeError as error:
        raise BadInput(f"LLMOPS_HYPERPARAMETERS is not JSON ({error})") from error
    fail = os.environ.get("LLMOPS_STUB_FAIL") == "1"
    step_seconds = float(os.environ.get("LLMOPS_STUB_STEP_SECONDS") or "0")
    os.makedirs(output_dir, exist_ok=True)

    emit({"llmops": "trainer", "name": NAME, "version": VERSION})
    files, records = read_records(input_dir)
    if not records:
        raise BadInput("the inputs hold no records")
    if method == "dpo" and not any(r["content"].get("kind") == "preference" for r in records):
        raise BadInput("dpo needs preference records (prompt, chosen, rejected)")
    base_dir = os.path.join(input_dir, "base")
    base_files = sorted(
        os.path.relpath(os.path.join(root, name), base_dir)
        for root, _dirs, names in os.walk(base_dir)
        for name in names
    )
    counts = Counter()
    for record in records:
        for text in record_texts(record["content"]):
            counts.update(text.split())
    tokens = sum(counts.values())
    print(
        f"{NAME} {VERSION}: run {run_id}, method {method}, {len(records)} records "
        f"({tokens} tokens) from {len(files)} files, {len(base_files)} base files",
        flush=True,
    )

    batch = int(hyper.get("batchSize", 8))
    epochs = int(hyper.get("epochs", 1))
    steps = int(hyper.get("maxSteps") or max(1, min(10_000, epochs * math.ceil(len(records) / max(1, batch)))))
    log_every = max(1, int(hyper.get("logEvery", 10)))
    peak = float(hyper.get("learningRate", 1e-4))
    warmup = min(int(hyper.get("warmupSteps", 0)), steps - 1)
    start_loss = math.log(max(2, len(counts)))
    fail_at = max(1, steps // 2)

    metrics_path = os.path.join(output_dir, "metrics.jsonl")
    with open(metrics_path, "w", encoding="utf-8") as metrics_file:
        started = time.monotonic()
        for step in range(1, steps + 1):
            if step_seconds > 0:
                time.sleep(step_seconds)
            if fail and step == fail_at:
                log(f"{NAME}: step {step}: simulated failure (LLMOPS_STUB_FAIL=1)")
                log(f"{NAME}: RuntimeError: the stub was asked to fail")
                os.makedirs(os.path.join(output_dir, "checkpoints"), exist_ok=True)
                write_json(os.path.join(output_dir, "checkpoints", f"step-{step}.json"), {"step": step})
                return 3
            if step % log_every != 0 and step != steps:
                continue
            elapsed = max(1e-6, time.monotonic() - started)
            values = {
                "loss": round(start_loss * (0.25 + 0.75 * math.exp(-3.0 * step / steps)), 6),
                "learning_rate": learning_rate_at(step, steps, peak, warmup),
                "tokens_per_second": round(tokens * step / steps / elapsed, 3),
            }
            emit({"llmops": "metrics", "step": step, "totalSteps": steps, "values": values})
            metrics_file.write(json.dumps({"step": step, "values": values}) + "\n")
            metrics_file.flush()

    top = counts.most_common(1000)
    tokenizer = {"kind": "whitespace", "vocab": [token for token, _count in top]}
    write_json(os.path.join(output_dir, "tokenizer.json"), tokenizer)
    summary = {
        "format": f"{NAME}/1",
        "trainer": {"name": NAME, "version": VERSION},
        "runId": run_id,
        "method": method,
        "baseModel": os.environ.get("LLMOPS_BASE_MODEL", ""),
        "baseFiles": base_files,
        "datasetFiles": files,
        "records": len(records),
        "tokens": tokens,
        "vocabSize": len(counts),
        "steps": steps,
        "topTokens": top[:20],
    }
    if method == "lora":
        rank = int(hyper.get("loraRank", 8))
        write_json(os.path.join(output_dir, "adapter_config.json"), {**summary, "r": rank})
        with open(os.path.join(output_dir, "adapter_model.bin"), "wb") as handle:
            handle.write(weights_bytes(counts, 64 * rank))
    else:
        write_json(os.path.join(output_dir, "model.json"), summary)
        with open(os.path.join(output_dir, "weights.bin"), "wb") as handle:
            handle.write(weights_bytes(counts))
    print(f"{NAME}: wrote {len(os.listdir(output_dir))} files to the output directory", flush=True)
    return 0


def on_sigterm(_signum, _frame):
    raise Terminated()


def main(argv):
    if "--version" in argv[1:]:
        print(f"{NAME} {VERSION}")
        return 0
    if os.environ.get("LLMOPS_STUB_IGNORE_SIGTERM") == "1":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    else:
        signal.signal(signal.SIGTERM, on_sigterm)
    try:
        return train()
    except BadInput as error:
        log(f"{NAME}: error: {error}")
        return 2
    except Terminated:
        log(f"{NAME}: received SIGTERM, stopping")
        return 143


if __name__ == "__main__":
    sys.exit(main(sys.argv))
