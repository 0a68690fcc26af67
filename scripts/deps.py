#!/usr/bin/env python3
"""Dependency checks and the third-party notice, from `cargo metadata --offline --locked`.

  python3 scripts/deps.py check           licences allowed, no banned crate, rust-version true
  python3 scripts/deps.py notice          (re)write THIRD-PARTY-NOTICES.md from the lock file
  python3 scripts/deps.py notice --check  fail if THIRD-PARTY-NOTICES.md is out of date

Needs no network at run time: cargo reads the lock file and the crates already fetched (the
build before it fetches them), and the licence texts come from those crates' own files. Run by
.ci/run after the build; a cargo-deny configuration would need its advisory database online.
"""

import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Licences a crate may be used under (SPDX ids). Each is permissive; MPL-2.0 is file-level
# copyleft, fine for unmodified crates used as libraries.
ALLOWED = {
    "MIT",
    "Apache-2.0",
    "Apache-2.0 WITH LLVM-exception",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "MPL-2.0",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "Zlib",
    "Unlicense",
    "BSL-1.0",
    "CC0-1.0",
}

# Crates that must not come back, and why.
BANNED = {
    "number_prefix": "unmaintained (RUSTSEC-2025-0119); indicatif 0.18 uses unit-prefix",
    "atty": "unmaintained (RUSTSEC-2024-0375); use std::io::IsTerminal",
    "ansi_term": "unmaintained (RUSTSEC-2021-0139)",
}


def metadata():
    run = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--offline", "--locked"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        sys.exit(
            "deps: cargo metadata --offline --locked failed (build once, or `cargo fetch "
            "--locked`, so that the crates are on disk):\n" + run.stderr.strip()
        )
    return json.loads(run.stdout)


def tokens(expr):
    expr = expr.replace("/", " OR ")
    return re.findall(r"\(|\)|[^\s()]+", expr)


def allowed(expr):
    """Evaluates an SPDX expression: true if the crate can be used under allowed licences."""
    toks = tokens(expr)
    pos = 0

    def primary():
        nonlocal pos
        if toks[pos] == "(":
            pos += 1
            v = disjunction()
            pos += 1  # ")"
            return v
        lic = toks[pos]
        pos += 1
        if pos < len(toks) and toks[pos] == "WITH":
            lic = f"{lic} WITH {toks[pos + 1]}"
            pos += 2
        return lic in ALLOWED

    def conjunction():
        nonlocal pos
        v = primary()
        while pos < len(toks) and toks[pos] == "AND":
            pos += 1
            v = primary() and v
        return v

    def disjunction():
        nonlocal pos
        v = conjunction()
        while pos < len(toks) and toks[pos] == "OR":
            pos += 1
            v = conjunction() or v
        return v

    return disjunction()


def version_tuple(v):
    parts = [int(x) for x in re.findall(r"\d+", v or "0")[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def check(meta):
    problems = []
    root = next(p for p in meta["packages"] if p["id"] == meta["resolve"]["root"])
    ours = version_tuple(root["rust_version"])
    for p in meta["packages"]:
        if p["id"] == root["id"]:
            continue
        what = f"{p['name']} {p['version']}"
        lic = p.get("license")
        if not lic:
            problems.append(f"{what}: no SPDX licence in its Cargo.toml (license-file only)")
        elif not allowed(lic):
            problems.append(f"{what}: licence '{lic}' is not in the allowed list")
        if p["name"] in BANNED:
            problems.append(f"{what}: banned: {BANNED[p['name']]}")
        if p.get("rust_version") and version_tuple(p["rust_version"]) > ours:
            problems.append(
                f"{what}: needs Rust {p['rust_version']}, above our rust-version "
                f"{root['rust_version']} (raise it, or hold the dependency back)"
            )
    for line in problems:
        print(f"deps: {line}", file=sys.stderr)
    n = len(meta["packages"]) - 1
    if problems:
        print(f"deps: {len(problems)} problem(s) in {n} crates", file=sys.stderr)
        return 1
    print(f"deps: {n} crates: licences allowed, none banned, rust-version {root['rust_version']} holds")
    return 0


def shipped(meta):
    """The packages linked into the storydiff binary: normal dependencies of the root, followed
    transitively, on every platform (build-only and dev-only dependencies left out)."""
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = meta["resolve"]["root"]
    seen, todo = set(), [root]
    while todo:
        nid = todo.pop()
        for dep in nodes[nid]["deps"]:
            if any(k["kind"] is None for k in dep["dep_kinds"]) and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                todo.append(dep["pkg"])
    pkgs = [p for p in meta["packages"] if p["id"] in seen]
    # proc-macro crates run at build time and leave no code in the binary.
    return [
        p
        for p in pkgs
        if not all("proc-macro" in t["kind"] for t in p["targets"] if "lib" in t["kind"] or "proc-macro" in t["kind"])
    ]


LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT)", re.I)


def licence_texts(p):
    d = os.path.dirname(p["manifest_path"])
    files = sorted(f for f in os.listdir(d) if LICENCE_FILE.match(f) and os.path.isfile(os.path.join(d, f)))
    if p.get("license_file"):
        lf = os.path.basename(p["license_file"])
        if lf not in files and os.path.isfile(os.path.join(d, p["license_file"])):
            files.append(p["license_file"])
    out = []
    for f in files:
        with open(os.path.join(d, f), encoding="utf-8", errors="replace") as fh:
            out.append((f, fh.read().strip()))
    return out


def scowl_notice():
    path = os.path.join(ROOT, "src/claims/lexicon/common_words.txt")
    lines, on = [], False
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            if "SCOWL copyright notice" in line:
                on = True
                continue
            if on:
                lines.append(line[1:].strip())
    return "\n".join(lines)


def notice(meta):
    pkgs = sorted(shipped(meta), key=lambda p: (p["name"], p["version"]))
    out = [
        "# Third-party notices",
        "",
        "The storydiff binary contains code and data written by others, under the licences",
        "below. This file is generated from Cargo.lock by `python3 scripts/deps.py notice`;",
        "do not edit it by hand. storydiff itself is MIT OR Apache-2.0 (LICENSE-MIT,",
        "LICENSE-APACHE).",
        "",
        "## Data",
        "",
        "### SCOWL word list (src/claims/lexicon/common_words.txt)",
        "",
        "```",
        scowl_notice(),
        "```",
        "",
        f"## Rust crates ({len(pkgs)})",
        "",
        "| crate | version | licence |",
        "|---|---|---|",
    ]
    for p in pkgs:
        out.append(f"| {p['name']} | {p['version']} | {p['license'] or p.get('license_file')} |")
    out.append("")
    # Licence texts, each distinct text once, with the crates that carry it.
    texts = {}
    for p in pkgs:
        for name, text in licence_texts(p):
            texts.setdefault(text, []).append(f"{p['name']} {p['version']} ({name})")
    out.append("## Licence texts")
    out.append("")
    for text, who in sorted(texts.items(), key=lambda kv: kv[1][0]):
        out.append("### " + ", ".join(who))
        out.append("")
        out.append("```")
        out.append(text.replace("```", "'''"))
        out.append("```")
        out.append("")
    missing = [p["name"] for p in pkgs if not licence_texts(p)]
    if missing:
        out.append("Crates that ship no licence file (their Cargo.toml licence applies): " + ", ".join(missing) + ".")
        out.append("")
    return "\n".join(out)


def main(argv):
    meta = metadata()
    if argv[1:2] == ["check"]:
        return check(meta)
    if argv[1:2] == ["notice"]:
        text = notice(meta)
        path = os.path.join(ROOT, "THIRD-PARTY-NOTICES.md")
        if argv[2:3] == ["--check"]:
            with open(path, encoding="utf-8") as fh:
                if fh.read() != text:
                    print("deps: THIRD-PARTY-NOTICES.md is out of date: run python3 scripts/deps.py notice", file=sys.stderr)
                    return 1
            print("deps: THIRD-PARTY-NOTICES.md is up to date")
            return 0
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
