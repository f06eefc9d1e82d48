#!/usr/bin/python3
"""Fails when a test needs something that scripts/install-deps.sh does not install.

Reads every Python import (in tests/**/*.py and in the Python the C++ tests write or run) and
every external program the tests start by absolute path, finds the Debian package that provides
each on this machine (dpkg -S), and checks that install-deps.sh lists that package (the
benchmark's extras under --bench count for tests/bench only). A module or program that is not
installed at all fails too: CI runs this after install-deps.sh, so it should be there.

Usage: scripts/check-test-deps.py   (exit 0: every dependency is installed by install-deps.sh)
"""
import importlib.util
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PYTHON = "/usr/bin/python3"  # the tests run Debian's Python, which sees Debian's modules

IMPORT_LINE = re.compile(r"^\s*(?:import|from)\s+([A-Za-z_]\w*)", re.M)
# `"import torch"`, `"x = 1; import numpy"` or `"...\\nimport onnx"` in a C++ string literal.
IMPORT_IN_STRING = re.compile(r'(?:"\s*|;\s*|\\n\s*)(?:import|from)\s+([A-Za-z_]\w*)')
PROGRAM = re.compile(r'"(/usr/(?:local/)?(?:s?bin|lib/qt6/bin)/[\w.+-]+)"')


def listed_packages():
    """The PACKAGES array of install-deps.sh, and what --bench adds to it."""
    text = (ROOT / "scripts/install-deps.sh").read_text()
    base = re.search(r"^PACKAGES=\((.*?)^\)", text, re.S | re.M)
    bench = re.search(r'--bench.*?PACKAGES\+=\((.*?)\)', text, re.S)
    words = lambda m: set(re.sub(r"#.*", "", m.group(1)).split()) if m else set()
    return words(base), words(bench)


def owner_package(path):
    result = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
    if result.returncode != 0:
        real = str(pathlib.Path(path).resolve())  # /usr/bin/python3 -> python3.11 and the like
        result = subprocess.run(["dpkg", "-S", real], capture_output=True, text=True)
    if result.returncode != 0:
        return None
    return result.stdout.split(":")[0].strip()


def is_essential(package):
    result = subprocess.run(["dpkg-query", "-W", "-f=${Essential}", package], capture_output=True, text=True)
    return result.stdout.strip() == "yes"


def with_dependencies(packages):
    """The packages and their direct dependencies (python3 brings python3-minimal, and so on)."""
    result = set(packages)
    for package in packages:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Depends},${Pre-Depends}", package],
                             capture_output=True, text=True).stdout
        result |= {re.split(r"[\s(:]", d.strip())[0] for alt in out.split(",") for d in alt.split("|") if d.strip()}
    return result


def module_origin(module):
    code = ("import importlib.util, sys\n"
            f"s = importlib.util.find_spec({module!r})\n"
            "print('stdlib' if s and s.name in sys.stdlib_module_names else (s.origin or list(s.submodule_search_locations)[0]) if s else '')")
    result = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True)
    return result.stdout.strip()


def uses():
    """(kind, name, file) for every Python module and program a test file uses."""
    found = set()
    for path in sorted((ROOT / "tests").rglob("*")):
        if path.suffix not in {".py", ".cpp", ".h", ".sh"} or not path.is_file():
            continue
        text = path.read_text(errors="replace")
        rel = str(path.relative_to(ROOT))
        if path.suffix == ".py":
            # A module beside the script (tests/hostile/corpus.py for run_hostile.py) is ours.
            found |= {("module", m, rel) for m in IMPORT_LINE.findall(text)
                      if not (path.parent / (m + ".py")).is_file()}
        elif path.suffix in {".cpp", ".h"}:
            # Python written by the C++ tests: whole lines in raw strings, or `-c "import x"`.
            found |= {("module", m, rel) for m in IMPORT_LINE.findall(text)}
            found |= {("module", m, rel) for m in IMPORT_IN_STRING.findall(text)}
        found |= {("program", p, rel) for p in PROGRAM.findall(text)}
    return sorted(found)


def main():
    base, bench = listed_packages()
    base, bench = with_dependencies(base), with_dependencies(bench)
    failures, checked = [], 0
    for kind, name, where in uses():
        allowed = base | bench if where.startswith("tests/bench/") else base
        if kind == "module":
            origin = module_origin(name)
            if origin == "stdlib":
                package = "python3"  # the standard library comes with Debian's python3
            elif not origin:
                failures.append(f"{where}: Python module '{name}' is not installed for {PYTHON}")
                continue
            else:
                package = owner_package(origin)
        else:
            if not pathlib.Path(name).exists():
                failures.append(f"{where}: program {name} is not installed")
                continue
            package = owner_package(name)
        checked += 1
        if package is None:
            failures.append(f"{where}: {kind} '{name}' belongs to no Debian package; tests may use only packaged tools")
        elif package not in allowed and not is_essential(package):
            failures.append(f"{where}: {kind} '{name}' comes from Debian's {package}, "
                            "which scripts/install-deps.sh does not install")
    for f in failures:
        print("check-test-deps: " + f, file=sys.stderr)
    print(f"check-test-deps: {checked} dependencies checked, {len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
