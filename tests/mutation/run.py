"""`make mutation`: mutation-test the privacy and safety core with mutmut, one module at a time.

Each module runs against a focused set of tests in a scratch folder of its own
(build/mutation/<module>/, links to the project and a pyproject.toml with that module's
[tool.mutmut] section), so a module reruns alone in a minute or two:

    make mutation                                  # every module in MODULES
    make mutation MODULE=app/workbook/crypto.py    # one module

The result goes to tests/mutation/survivors.toml: per module, the hash of the source it was
measured on, the score and each surviving mutant with the change it made. A survivor's ``why``
(why it is equivalent: no test could tell it from the original) is kept from the previous file
when the same change survives again; a new survivor gets an empty ``why`` for a person to fill
in or, better, a test that kills it. tests/mutation/test_survivors.py fails while any entry is
stale, under GOAL or unexplained.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SURVIVORS = ROOT / "tests" / "mutation" / "survivors.toml"
SCRATCH = ROOT / "build" / "mutation"
GOAL = 90.0  # percent of mutants killed, per module

# The privacy and safety core, each module with the tests that guard it (fast ones: no real
# servers, no browser). A test that guards a module belongs in its list.
MODULES: dict[str, tuple[str, ...]] = {
    "app/workbook/crypto.py": (
        "tests/workbook/test_crypto_properties.py",
        "tests/workbook/test_key_rotation.py",
    ),
    "app/workbook/store.py": (
        "tests/workbook/test_store.py",
        "tests/workbook/test_cycle.py",
        "tests/workbook/test_expiry.py",
        "tests/workbook/test_concurrent_saves.py",
        "tests/workbook/test_key_rotation.py",
        "tests/audit/test_storage_limits.py",
        "tests/workbook/test_workbooks_saved_before_parts.py",
    ),
    "app/workbook/cookie.py": (
        "tests/workbook/test_cookie_header.py",
        "tests/workbook/test_older_cookies.py",
        "tests/workbook/test_old_cookies.py",
        "tests/workbook/test_cycle.py",
        "tests/workbook/test_expiry.py",
        "tests/workbook/test_key_rotation.py",
    ),
    "app/workbook/passphrase.py": ("tests/workbook/test_passphrases.py",),
    "app/privacy/forgery.py": ("tests/audit/test_forgery.py",),
    "app/privacy/logs.py": (
        "tests/audit/test_log_filter.py",
        "tests/audit/test_crafted_queries.py",
        "tests/test_errors.py",
    ),
    "app/curriculum/sanitise.py": (
        "tests/content/test_sanitise.py",
        "tests/content/test_link_schemes.py",
    ),
    "app/page_cache.py": (
        "tests/audit/test_page_cache_holds_no_answer.py",
        "tests/audit/test_page_cache_poisoning.py",
        "tests/test_page_cache.py",
        "tests/followup/test_now.py",
        "tests/followup/test_check_ins.py",
        "tests/test_performance_structure.py",
    ),
    "app/insight/report.py": (
        "tests/insight/test_week_report_alone.py",
        "tests/insight/test_small_cells.py",
        "tests/insight/test_counts.py",
        "tests/insight/test_no_sequence.py",
    ),
    "app/insight/follow_up.py": (
        "tests/insight/test_week_report_alone.py",
        "tests/insight/test_small_cells.py",
        "tests/insight/test_follow_up.py",
    ),
    "app/guided/crypto.py": ("tests/guided/test_crypto.py",),
    "app/curriculum/selfcheck/route.py": (
        "tests/selfcheck/test_routing_rules_alone.py",
        "tests/selfcheck/test_shipped_routing_rules.py",
        "tests/selfcheck/test_self_check_visitor.py",
    ),
    "app/curriculum/selfcheck/model.py": (
        "tests/selfcheck/test_routing_rules_alone.py",
        "tests/selfcheck/test_shipped_routing_rules.py",
        "tests/selfcheck/test_self_check_visitor.py",
        "tests/selfcheck/test_self_check_authoring.py",
    ),
}
# Modules measured but not yet at GOAL, each with what is left to do. The test that checks the
# goal is expected to fail for them (strictly: it fails once a module reaches the goal, so the
# entry is removed then). Keep this short; the lead's rerun after a merge may shorten it.
BELOW_GOAL: dict[str, str] = {}
# Modules in MODULES not measured yet on this branch, each with why: both tests are expected to
# fail for them (strictly, so the entry goes once `make mutation MODULE=<path>` has run).
NOT_MEASURED: dict[str, str] = {}
# Modules measured, then changed by a merge before they could be measured again: only the
# "recorded result is current" test is expected to fail for them (strictly, so the entry goes
# once `make mutation MODULE=<path>` has run again); their recorded score is still checked.
STALE: dict[str, str] = {}
LINKED = ("app", "tests", "content", "translations", "migrations", "babel.cfg", "docs", "deploy")
KILLED = {"killed", "timeout", "caught by type check", "segfault"}


def source_hash(module: str) -> str:
    return hashlib.sha256((ROOT / module).read_bytes()).hexdigest()


def scratch_folder(module: str) -> Path:
    """A fresh folder that looks like the project, configured for this one module."""
    folder = SCRATCH / module.removesuffix(".py").replace("/", ".")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in LINKED:
        (folder / name).symlink_to(ROOT / name)
    settings = {
        "source_paths": ["app"],
        "only_mutate": [module],
        "also_copy": [name for name in LINKED if name != "app"],
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-m", "not slow and not browser and not postgres"],
        "pytest_add_cli_args_test_selection": list(MODULES[module]),
    }  # fmt: skip
    section = "\n[tool.mutmut]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in settings.items())
    (folder / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text() + section)
    return folder


def mutmut(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).with_name("mutmut")), *args]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)


def change_of(folder: Path, mutant: str) -> str:
    """The lines the mutant changed, as `- old` / `+ new`."""
    shown = mutmut(folder, "show", mutant).stdout.splitlines()
    lines = [line for line in shown if re.match(r"^[-+] ", line)]
    return "\n".join(line[0] + " " + line[1:].strip() for line in lines)


def measure(module: str, children: int, rerun: bool = True) -> dict[str, Any]:
    """Run mutmut on ``module`` (or, with ``rerun`` false, read the last run's results)."""
    folder = SCRATCH / module.removesuffix(".py").replace("/", ".")
    meta = folder / "mutants" / (module + ".meta")
    if rerun or not meta.exists():
        folder = scratch_folder(module)
        print(f"{module}: mutating, tests: {' '.join(MODULES[module])}", flush=True)
        done = mutmut(folder, "run", "--max-children", str(children))
        (folder / "run.log").write_text(done.stdout + done.stderr)
        if done.returncode != 0 or not meta.exists():
            tail = (done.stdout + done.stderr)[-3000:]
            raise SystemExit(f"{module}: mutmut failed (exit {done.returncode}):\n{tail}")
    from mutmut.stats import status_by_exit_code

    codes: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"]
    statuses = {name: status_by_exit_code[code] for name, code in codes.items()}
    survivors = sorted(name for name, status in statuses.items() if status not in KILLED)
    killed = len(codes) - len(survivors)
    return {
        "source_sha256": source_hash(module),
        "mutants": len(codes),
        "killed": killed,
        "score": round(100 * killed / len(codes), 1) if codes else 100.0,
        "survivors": [
            {"mutant": name, "status": statuses[name], "change": change_of(folder, name)}
            for name in survivors
        ],
    }


def function_of(mutant: str) -> str:
    return re.sub(r"__mutmut_\d+$", "", mutant)


def carry_explanations(new: dict[str, Any], old: dict[str, Any] | None) -> None:
    """Keep the ``why`` of a survivor that made the same change in the same function before."""
    known = {
        (function_of(s["mutant"]), s["change"]): s.get("why", "")
        for s in (old or {}).get("survivors", [])
    }
    for survivor in new["survivors"]:
        survivor["why"] = known.get((function_of(survivor["mutant"]), survivor["change"]), "")


def load() -> dict[str, Any]:
    if not SURVIVORS.exists():
        return {}
    return dict(tomllib.loads(SURVIVORS.read_text(encoding="utf-8")).get("modules", {}))


def dump(modules: dict[str, Any]) -> str:
    """TOML by hand (no writer in the standard library); strings as JSON, which TOML reads."""
    out = [
        "# Written by `make mutation` (tests/mutation/run.py); only the `why` lines are written by",
        "# hand: why a surviving mutant is equivalent (no test could tell it from the original).",
        "# tests/mutation/test_survivors.py checks this file against the sources.",
        "",
    ]
    for module in sorted(modules):
        entry = modules[module]
        out.append(f"[modules.{json.dumps(module)}]")
        for key in ("source_sha256", "mutants", "killed", "score"):
            out.append(f"{key} = {json.dumps(entry[key])}")
        out.append("")
        for survivor in entry.get("survivors", []):
            out.append(f"[[modules.{json.dumps(module)}.survivors]]")
            for key in ("mutant", "status", "change", "why"):
                out.append(f"{key} = {json.dumps(survivor.get(key, ''))}")
            out.append("")
    return "\n".join(out)


def table(modules: dict[str, Any]) -> str:
    """The scores as docs/testing.md shows them."""
    rows = [
        "| module | mutants | killed | score | survivors | of them explained |",
        "|---|---|---|---|---|---|",
    ]
    for module in MODULES:
        entry = modules.get(module)
        if entry is None:
            rows.append(f"| `{module}` | not measured | | | | |")
            continue
        survivors = entry.get("survivors", [])
        explained = sum(1 for s in survivors if s.get("why", "").strip())
        rows.append(
            f"| `{module}` | {entry['mutants']} | {entry['killed']} | {entry['score']}% "
            f"| {len(survivors)} | {explained} |"
        )
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    chosen = argv or list(MODULES)
    unknown = [m for m in chosen if m not in MODULES]
    if unknown:
        print(f"not in MODULES: {', '.join(unknown)}; choose from {', '.join(MODULES)}")
        return 2
    children = int(os.environ.get("MUTATION_CHILDREN", "2"))
    rerun = os.environ.get("MUTATION_REUSE") != "1"  # 1: record the last run again, no mutmut
    for module in chosen:
        result = measure(module, children, rerun)
        modules = load()  # read again: explanations may have been written meanwhile
        carry_explanations(result, modules.get(module))
        modules[module] = result
        SURVIVORS.write_text(dump(modules), encoding="utf-8")
        unexplained = sum(1 for s in result["survivors"] if not s["why"])
        print(
            f"{module}: {result['score']}% killed ({result['killed']}/{result['mutants']}), "
            f"{len(result['survivors'])} survivors, {unexplained} without a why",
            flush=True,
        )
    print("\nFor docs/testing.md:\n" + table(load()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
