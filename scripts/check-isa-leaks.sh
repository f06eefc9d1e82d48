#!/usr/bin/env bash
# Checks that binaries of the portable build (cmake -DCONVSTUDIO_ISA=portable) run AVX
# instructions only inside the run-time dispatched kernels: lists every function whose code uses
# a ymm, zmm or mask register or a VEX/EVEX-encoded instruction (v..., k...), and fails when one
# of them is not in an avx512:: or avx2:: namespace (engine/core/cpu_features.h). Such a function
# would die with SIGILL on a CPU without that instruction set.
#   scripts/check-isa-leaks.sh BINARY...
set -euo pipefail
if [ $# -eq 0 ]; then
    echo "usage: scripts/check-isa-leaks.sh BINARY..." >&2
    exit 2
fi
status=0
for binary in "$@"; do
    [ -f "$binary" ] || { echo "check-isa-leaks: $binary does not exist" >&2; exit 2; }
    # objdump -d prints "ADDRESS <function>:" before each function, then one instruction a line:
    # "  addr:<TAB>mnemonic operands". verr/verw are the only pre-AVX mnemonics starting with v.
    users=$(objdump -d --no-show-raw-insn -C "$binary" | awk '
        /^[0-9a-f]+ <.*>:$/ { fn = substr($0, index($0, "<") + 1); sub(/>:$/, "", fn); next }
        /^ +[0-9a-f]+:\t/ {
            split($0, part, "\t"); insn = part[2]
            if (insn ~ /%[yz]mm[0-9]|%k[0-7]/ || (insn ~ /^(v|k)[a-z]/ && insn !~ /^verr|^verw/)) used[fn] = 1
        }
        END { for (f in used) print f }' | sort)
    kernels=$(grep -E 'avx512::|avx2::' <<< "$users" || true)
    leaks=$(grep -vE 'avx512::|avx2::' <<< "$users" || true)
    echo "$binary: $(grep -c . <<< "$kernels" || true) dispatched kernel functions use AVX"
    if [ -n "$leaks" ]; then
        echo "$binary: AVX instructions outside the dispatched kernels, in:" >&2
        sed 's/^/  /' <<< "$leaks" >&2
        status=1
    fi
done
exit $status
