#!/usr/bin/env python3
"""Splits the labelled messages ONCE into train, dev and test (60/20/20), before any tuning.

Run once, when the raw data was written; its output is committed and never regenerated or edited to make a case
pass (docs/ai-responder.md, "Quality protocol"). Stratified by language and label set, so every split has every
language and signal in proportion; a fixed seed makes the split reproducible from the raw files.

usage: split-labelled-data.py RAW_DIR MODULE_DIR
  RAW_DIR holds <lang>-intent.jsonl (first line: the org settings in that language) and <lang>-retrieval.jsonl
"""
import json, os, random, sys
from collections import defaultdict

SEED = 20261204
LANGS = ["en", "de", "es", "fr", "pt", "it", "nl"]

def split(items, key):
    groups = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    train, dev, test = [], [], []
    rnd = random.Random(SEED)
    for k in sorted(groups):
        g = groups[k]
        rnd.shuffle(g)
        n = len(g)
        n_test = round(n * 0.2)
        n_dev = round(n * 0.2)
        if n >= 3:
            n_test, n_dev = max(1, n_test), max(1, n_dev)
        test += g[:n_test]
        dev += g[n_test:n_test + n_dev]
        train += g[n_test + n_dev:]
    for part in (train, dev, test):
        rnd.shuffle(part)
    return train, dev, test

def write(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

def main(raw, module):
    intents, retrieval, settings = [], [], {"forbiddenTopics": [], "customPhrases": []}
    for lang in LANGS:
        with open(os.path.join(raw, f"{lang}-intent.jsonl"), encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                if "settings" in row:
                    for k in settings:
                        settings[k] += [p for p in row["settings"].get(k, []) if p not in settings[k]]
                    continue
                row["labels"] = sorted(set(row.get("labels", [])))
                intents.append(row)
        with open(os.path.join(raw, f"{lang}-retrieval.jsonl"), encoding="utf-8") as f:
            retrieval += [json.loads(l) for l in f if l.strip()]
    train, dev, test = split(intents, lambda r: (r["lang"], ",".join(r["labels"])))
    write(os.path.join(module, "src/main/resources/understanding/intent-train.jsonl"), train)
    write(os.path.join(module, "src/test/resources/understanding/intent-dev.jsonl"), dev)
    write(os.path.join(module, "src/test/resources/understanding/intent-test.jsonl"), test)
    with open(os.path.join(module, "src/test/resources/understanding/org-settings.json"), "w", encoding="utf-8") as f:
        json.dump(settings, f, ensure_ascii=False, indent=2)
        f.write("\n")
    rtrain, rdev, rtest = split(retrieval, lambda r: (r["lang"], str(r["article"])))
    for name, rows in (("train", rtrain), ("dev", rdev), ("test", rtest)):
        write(os.path.join(module, f"src/test/resources/knowledge/retrieval-{name}.jsonl"), rows)
    print(f"intent: {len(train)} train, {len(dev)} dev, {len(test)} test; "
          f"retrieval: {len(rtrain)} train, {len(rdev)} dev, {len(rtest)} test")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
