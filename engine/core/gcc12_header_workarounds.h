// Force-included (-include) into every file we compile with GCC 12 (see CMakeLists.txt), so it is
// the first to include these two system headers. GCC 12 reports warnings *inside* them once their
// inline functions are inlined into our code, although they are system headers:
//   - <immintrin.h>: `_mm512_undefined_ps()` initialises a variable with itself, and every
//     AVX-512 intrinsic that passes it as the unused "merge" operand warns -Wmaybe-uninitialized
//     (GCC bug 105593, fixed in GCC 13); Eigen's AVX-512 packet code hits it hundreds of times.
//   - <string>: `"literal" + std::string` warns -Wrestrict in char_traits.h (GCC bug 105651).
// GCC applies a diagnostic pragma by source location, so ignoring the warning around the
// header's own lines silences exactly these false positives and leaves our code fully checked.
#pragma once

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#include <string>
#pragma GCC diagnostic pop
