#!/usr/bin/env python3
"""The llmops reference trainer: Hugging Face fine-tuning behind the trainer protocol.

It speaks docs/training-protocol.md, so the `process` and `kubernetes` executors run it alike:

- inputs: JSONL DataRecords from LLMOPS_INPUT_DIR (the process executor downloaded them), or straight
  from the shard URIs in LLMOPS_DATASET_URIS with boto3 when no input directory is given;
- methods: sft, lora and continued-pretraining with trl's SFTTrainer (LoRA through a peft LoraConfig),
  dpo with trl's DPOTrainer (with a LoRA adapter when `loraRank` is given);
- reporting: a TrainerCallback prints protocol metrics lines and appends them to metrics.jsonl;
- outputs: the model or adapter, tokenizer and metrics.jsonl in LLMOPS_OUTPUT_DIR, uploaded to
  LLMOPS_OUTPUT_URI when that is set.

`--tiny-random` (or LLMOPS_TINY_RANDOM=1) trains a tiny randomly initialised Llama-shaped model with a
byte-level BPE tokenizer learned from the run's own records, so the whole path runs without downloading
anything.

Exit codes: 0 trained; 1 an unexpected error (traceback on stderr); 2 unusable inputs or settings;
143 stopped by SIGTERM at the next step boundary (the model is not saved: a stopped run keeps only its
metrics.jsonl).
"""

import argparse
import gzip
import json
import math
import os
import shutil
import signal
import sys
import tempfile

NAME = "llmops-hf-trainer"
VERSION = "0.1.0"
METHODS = ("sft", "lora", "dpo", "continued-pretraining")

# A chat template for the tiny tokenizer (and for bases that ship none): role markers and the EOS token.
SIMPLE_CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|' + message['role'] + '|>\n' + message['content'] + eos_token + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|assistant|>\n' }}{% endif %}"
)


class BadInput(Exception):
    """The run cannot train on what it was given (exit code 2)."""


class Stop:
    """Set by SIGTERM; the callback ends training at the next step boundary."""

    requested = False


def emit(payload):
    """One protocol line on stdout, flushed so the executor sees it at once."""
    sys.stdout.write(json.dumps(payload, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def log(message):
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


# ---------------------------------------------------------------------------------------------------
# The run, as the protocol's environment describes it


class Run:
    def __init__(self, env, tiny_random):
        self.run_id = env.get("LLMOPS_RUN_ID") or "local"
        self.method = env.get("LLMOPS_METHOD") or ""
        if self.method not in METHODS:
            raise BadInput(f"LLMOPS_METHOD {self.method!r} is not one of {', '.join(METHODS)}")
        try:
            self.hyper = json.loads(env.get("LLMOPS_HYPERPARAMETERS") or "{}")
            self.datasets = json.loads(env.get("LLMOPS_DATASET_URIS") or "[]")
        except json.JSONDecodeError as error:
            raise BadInput(f"a protocol variable is not JSON: {error}") from error
        if not isinstance(self.hyper, dict):
            raise BadInput("LLMOPS_HYPERPARAMETERS must be a JSON object")
        self.base_model = env.get("LLMOPS_BASE_MODEL") or ""
        self.base_kind = env.get("LLMOPS_BASE_MODEL_KIND") or "huggingface"
        self.base_uri = env.get("LLMOPS_BASE_MODEL_URI") or None
        self.input_dir = env.get("LLMOPS_INPUT_DIR") or None
        self.output_dir = env.get("LLMOPS_OUTPUT_DIR") or tempfile.mkdtemp(prefix="llmops-output-")
        self.output_uri = env.get("LLMOPS_OUTPUT_URI") or None
        self.tiny_random = tiny_random
        if self.output_uri is None and not env.get("LLMOPS_OUTPUT_DIR"):
            raise BadInput("neither LLMOPS_OUTPUT_DIR nor LLMOPS_OUTPUT_URI is set: the results would be lost")

    def h(self, name, default):
        value = self.hyper.get(name)
        return default if value is None else value


def split_s3_uri(uri):
    if not uri.startswith("s3://") or "/" not in uri[5:]:
        raise BadInput(f"not an s3://bucket/key URI: {uri}")
    bucket, key = uri[5:].split("/", 1)
    return bucket, key


def s3_client():
    import boto3  # only trainers that read or write S3 themselves need it

    # AWS_ENDPOINT_URL (an S3-compatible server), AWS_REGION and the credentials come from the environment.
    return boto3.client("s3")


def parse_jsonl(text, where):
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise BadInput(f"{where}:{number}: not JSON ({error})") from error
        if not isinstance(record, dict) or not isinstance(record.get("content"), dict):
            raise BadInput(f"{where}:{number}: not a DataRecord")
        records.append(record)
    return records


def load_records(run):
    """DataRecords from LLMOPS_INPUT_DIR/datasets, or from the gzip JSONL shard URIs with boto3."""
    if run.input_dir is not None:
        datasets_dir = os.path.join(run.input_dir, "datasets")
        if not os.path.isdir(datasets_dir):
            raise BadInput(f"{datasets_dir} does not exist")
        records = []
        for name in sorted(n for n in os.listdir(datasets_dir) if n.endswith(".jsonl")):
            with open(os.path.join(datasets_dir, name), encoding="utf-8") as handle:
                records.extend(parse_jsonl(handle.read(), name))
        return records
    if not run.datasets:
        raise BadInput("no inputs: neither LLMOPS_INPUT_DIR nor LLMOPS_DATASET_URIS is set")
    client = s3_client()
    records = []
    for dataset in run.datasets:
        for uri in dataset.get("shardUris", []):
            bucket, key = split_s3_uri(uri)
            body = client.get_object(Bucket=bucket, Key=key)["Body"].read()
            text = (gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body).decode("utf-8")
            records.extend(parse_jsonl(text, uri))
    return records


def download_prefix(uri, target):
    """Every object under an s3:// prefix into `target`, keeping relative paths."""
    bucket, prefix = split_s3_uri(uri)
    prefix = prefix if prefix.endswith("/") else prefix + "/"
    client = s3_client()
    count = 0
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            relative = item["Key"][len(prefix):]
            if not relative or relative.startswith(".llmops/") or ".." in relative.split("/"):
                continue
            path = os.path.join(target, relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            client.download_file(bucket, item["Key"], path)
            count += 1
    if count == 0:
        raise BadInput(f"no base model files under {uri}")
    return target


def upload_dir(directory, uri):
    bucket, prefix = split_s3_uri(uri)
    prefix = prefix if prefix.endswith("/") else prefix + "/"
    client = s3_client()
    for root, _dirs, names in os.walk(directory):
        for name in sorted(names):
            path = os.path.join(root, name)
            if os.path.islink(path):
                continue
            key = prefix + os.path.relpath(path, directory).replace(os.sep, "/")
            client.upload_file(path, bucket, key)
            log(f"{NAME}: uploaded s3://{bucket}/{key}")


# ---------------------------------------------------------------------------------------------------
# Records → trl dataset rows


def content_text(content):
    """An OpenAI message content (string, text parts or null) as a string."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))


def messages_of(messages):
    # `developer` is OpenAI's newer name for `system`; most chat templates know only `system`.
    converted = []
    for message in messages:
        role = message.get("role", "user")
        text = content_text(message.get("content"))
        converted.append({"role": "system" if role == "developer" else role, "content": text})
    return converted


def render(messages):
    """Plain-text rendering of a conversation, for bases without a chat template."""
    return "\n".join(f"{m['role']}: {m['content']}" for m in messages)


def sft_rows(records, method, chat_template):
    """Rows in one trl format: native when all records share a kind, else everything as `text`."""
    kinds = {r["content"].get("kind") for r in records}
    if "preference" in kinds:
        raise BadInput(f"{method} trains on text, prompt-completion or chat records, not preference pairs")
    if method != "continued-pretraining" and kinds == {"prompt-completion"}:
        return [{"prompt": r["content"]["prompt"], "completion": r["content"]["completion"]} for r in records]
    if method != "continued-pretraining" and kinds == {"chat"} and chat_template:
        return [{"messages": messages_of(r["content"]["messages"])} for r in records]
    rows = []
    for record in records:
        content = record["content"]
        kind = content.get("kind")
        if kind == "text":
            rows.append({"text": content["text"]})
        elif kind == "prompt-completion":
            rows.append({"text": content["prompt"] + content["completion"]})
        elif kind == "chat":
            rows.append({"text": render(messages_of(content["messages"]))})
        else:
            raise BadInput(f"unknown record kind {kind!r}")
    return rows


def dpo_rows(records, chat_template):
    """Preference rows; conversational when any prompt is a chat and the tokenizer has a template."""
    pairs = [r["content"] for r in records if r["content"].get("kind") == "preference"]
    if not pairs:
        raise BadInput("dpo needs preference records (prompt, chosen, rejected)")
    if len(pairs) < len(records):
        log(f"{NAME}: dpo ignores {len(records) - len(pairs)} records that are not preference pairs")
    conversational = chat_template and any(not isinstance(p["prompt"], str) for p in pairs)
    rows = []
    for pair in pairs:
        prompt = pair["prompt"]
        if conversational:
            messages = [{"role": "user", "content": prompt}] if isinstance(prompt, str) else messages_of(prompt)
            rows.append(
                {
                    "prompt": messages,
                    "chosen": [{"role": "assistant", "content": pair["chosen"]}],
                    "rejected": [{"role": "assistant", "content": pair["rejected"]}],
                }
            )
        else:
            text = prompt if isinstance(prompt, str) else render(messages_of(prompt)) + "\nassistant: "
            rows.append({"prompt": text, "chosen": pair["chosen"], "rejected": pair["rejected"]})
    return rows


def record_texts(records):
    for record in records:
        content = record["content"]
        kind = content.get("kind")
        if kind == "text":
            yield content["text"]
        elif kind == "prompt-completion":
            yield content["prompt"] + content["completion"]
        elif kind == "chat":
            yield render(messages_of(content["messages"]))
        elif kind == "preference":
            prompt = content["prompt"]
            yield prompt if isinstance(prompt, str) else render(messages_of(prompt))
            yield content["chosen"]
            yield content["rejected"]


# ---------------------------------------------------------------------------------------------------
# Model and tokenizer


def tiny_random_model(records, seed):
    """A two-layer Llama with a 512-token byte-level BPE learned from the records: no download at all."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    specials = ["<pad>", "<s>", "</s>", "<unk>"]
    backend = Tokenizer(models.BPE(unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    backend.decoder = decoders.ByteLevel()
    learner = trainers.BpeTrainer(
        vocab_size=512, special_tokens=specials, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    backend.train_from_iterator(record_texts(records), learner)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend, pad_token="<pad>", bos_token="<s>", eos_token="</s>", unk_token="<unk>"
    )
    tokenizer.chat_template = SIMPLE_CHAT_TEMPLATE
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=4,
        max_position_embeddings=512,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
    )
    torch.manual_seed(seed)
    return LlamaForCausalLM(config), tokenizer


def pretrained_model(run):
    """The base from base/ (process), from its S3 prefix (kubernetes), or by Hugging Face id."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    local_base = os.path.join(run.input_dir, "base") if run.input_dir else None
    if local_base and os.path.isfile(os.path.join(local_base, "config.json")):
        source = local_base
    elif run.base_uri and not run.input_dir:
        source = download_prefix(run.base_uri, tempfile.mkdtemp(prefix="llmops-base-"))
    elif run.base_kind == "huggingface" and run.base_model:
        source = run.base_model  # from the hub, or HF_HOME's cache (HF_HUB_OFFLINE=1 to forbid downloads)
    else:
        raise BadInput(
            f"base model {run.base_model!r} ({run.base_kind}) has no Hugging Face files (config.json); "
            "use a Hugging Face id, a registry version saved by this trainer, or --tiny-random"
        )
    dtype = torch.float32
    if torch.cuda.is_available() and torch.cuda.is_bf16_supported():
        dtype = torch.bfloat16
    tokenizer = AutoTokenizer.from_pretrained(source)
    model = AutoModelForCausalLM.from_pretrained(source, torch_dtype=dtype)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer


# ---------------------------------------------------------------------------------------------------
# Training


def protocol_callback(metrics_path):
    from transformers import TrainerCallback

    class ProtocolCallback(TrainerCallback):
        """Turns the Trainer's logs into protocol metrics lines and stops on SIGTERM."""

        def on_log(self, args, state, control, logs=None, **kwargs):
            values = {}
            for name, value in (logs or {}).items():
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    continue
                if math.isfinite(value):
                    values[name] = float(value)
                else:
                    log(f"{NAME}: step {state.global_step}: {name} is {value}")
            if not values:
                return
            sample = {"step": int(state.global_step), "totalSteps": int(state.max_steps), "values": values}
            emit({"llmops": "metrics", **sample})
            with open(metrics_path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(sample) + "\n")

        def on_step_end(self, args, state, control, **kwargs):
            if Stop.requested:
                control.should_training_stop = True

    return ProtocolCallback()


def training_arguments(run, config_class, scratch, extra):
    import torch

    schedules = {"cosine": "cosine", "linear": "linear", "constant": "constant_with_warmup"}
    lm_defaults = {"sft": 2e-5, "continued-pretraining": 2e-5, "lora": 2e-4, "dpo": 5e-6}
    # The builtin trainer's `batchSize` counts tokens for the language-modelling methods, so it is not a
    # sequence count; `perDeviceBatchSize` is, and DPO's `batchSize` already counts pairs.
    batch = run.h("perDeviceBatchSize", run.h("batchSize", 4) if run.method == "dpo" else 4)
    bf16 = (not run.tiny_random) and torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    return config_class(
        output_dir=scratch,
        num_train_epochs=float(run.h("epochs", 1)),
        max_steps=int(run.h("maxSteps", -1)),
        learning_rate=float(run.h("learningRate", lm_defaults[run.method])),
        lr_scheduler_type=schedules.get(run.h("lrSchedule", "cosine"), "cosine"),
        warmup_steps=int(run.h("warmupSteps", 0)),
        weight_decay=float(run.h("weightDecay", 0.0)),
        max_grad_norm=float(run.h("gradientClip", 1.0)),
        per_device_train_batch_size=int(batch),
        gradient_accumulation_steps=int(run.h("gradientAccumulationSteps", 1)),
        logging_steps=int(run.h("logEvery", 10)),
        seed=int(run.h("seed", 42)),
        max_length=int(run.h("maxLength", 128 if run.tiny_random else 1024)),
        save_strategy="no",
        report_to="none",
        disable_tqdm=True,
        bf16=bf16,
        **extra,
    )


def lora_config(run):
    from peft import LoraConfig

    return LoraConfig(
        r=int(run.h("loraRank", 8)),
        lora_alpha=float(run.h("loraAlpha", 16)),
        lora_dropout=float(run.h("loraDropout", 0.05)),
        target_modules="all-linear",
        task_type="CAUSAL_LM",
    )


def train(run):
    os.makedirs(run.output_dir, exist_ok=True)
    emit({"llmops": "trainer", "name": NAME, "version": VERSION})
    records = load_records(run)
    if not records:
        raise BadInput("the inputs hold no records")
    seed = int(run.h("seed", 42))
    model, tokenizer = tiny_random_model(records, seed) if run.tiny_random else pretrained_model(run)
    has_template = bool(getattr(tokenizer, "chat_template", None))
    print(f"{NAME} {VERSION}: run {run.run_id}, {run.method} on {len(records)} records", flush=True)

    metrics_path = os.path.join(run.output_dir, "metrics.jsonl")
    scratch = tempfile.mkdtemp(prefix="llmops-scratch-")  # the Trainer's output_dir; nothing is kept there
    try:
        return fit(run, model, tokenizer, records, has_template, metrics_path, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def fit(run, model, tokenizer, records, has_template, metrics_path, scratch):
    from datasets import Dataset

    callback = protocol_callback(metrics_path)
    use_lora = run.method == "lora" or (run.method == "dpo" and run.hyper.get("loraRank") is not None)
    peft_config = lora_config(run) if use_lora else None

    if run.method == "dpo":
        from trl import DPOConfig, DPOTrainer

        rows = dpo_rows(records, has_template)
        max_length = int(run.h("maxLength", 128 if run.tiny_random else 1024))
        extra = {"beta": float(run.h("beta", 0.1)), "max_prompt_length": max_length // 2}
        args = training_arguments(run, DPOConfig, scratch, extra)
        trainer = DPOTrainer(
            model=model,
            args=args,
            train_dataset=Dataset.from_list(rows),
            processing_class=tokenizer,
            peft_config=peft_config,
            callbacks=[callback],
        )
    else:
        from trl import SFTConfig, SFTTrainer

        rows = sft_rows(records, run.method, has_template)
        args = training_arguments(run, SFTConfig, scratch, {})
        trainer = SFTTrainer(
            model=model,
            args=args,
            train_dataset=Dataset.from_list(rows),
            processing_class=tokenizer,
            peft_config=peft_config,
            callbacks=[callback],
        )

    if Stop.requested:  # SIGTERM while loading: nothing trained, nothing to save
        log(f"{NAME}: received SIGTERM before training started")
        return 143
    result = trainer.train()  # the Trainer logs its summary (train_loss, runtime) through the callback too
    if Stop.requested:
        log(f"{NAME}: received SIGTERM, stopped at step {trainer.state.global_step}")
        return 143
    log(f"{NAME}: trained {trainer.state.global_step} steps, train_loss {result.training_loss:.4f}")

    merge = bool(run.hyper.get("mergeAdapter")) or os.environ.get("LLMOPS_MERGE_ADAPTER") == "1"
    if use_lora and merge:
        merged = trainer.model.merge_and_unload()
        merged.save_pretrained(run.output_dir, safe_serialization=True)
    else:
        trainer.save_model(run.output_dir)  # the adapter alone for LoRA, else the whole model
    tokenizer.save_pretrained(run.output_dir)
    print(f"{NAME}: saved to {run.output_dir}: {', '.join(sorted(os.listdir(run.output_dir)))}", flush=True)
    if run.output_uri:
        upload_dir(run.output_dir, run.output_uri)
    return 0


def on_sigterm(_signum, _frame):
    Stop.requested = True
    log(f"{NAME}: SIGTERM received, stopping after the current step")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tiny-random", action="store_true", help="train a tiny random model (no downloads)")
    parser.add_argument("--version", action="store_true", help="print the trainer's version")
    options = parser.parse_args(argv[1:])
    if options.version:
        print(f"{NAME} {VERSION}")
        return 0
    signal.signal(signal.SIGTERM, on_sigterm)
    tiny = options.tiny_random or os.environ.get("LLMOPS_TINY_RANDOM") == "1"
    try:
        return train(Run(os.environ, tiny))
    except BadInput as error:
        log(f"{NAME}: error: {error}")
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
