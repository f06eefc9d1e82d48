// The convolution's matrix product against a double-precision reference: every transpose
// combination, overwrite and accumulate, and shapes that leave partial register tiles and
// several cache blocks in every dimension.
#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

#include "core/sgemm.h"

using namespace cs;

namespace {

struct Case {
    int M, N, K;
};

// op(X)(r, c) for a matrix stored row-major with leading dimension ld.
double at(const std::vector<float>& x, int64_t ld, bool transposed, int r, int c) {
    return transposed ? x[int64_t(c) * ld + r] : x[int64_t(r) * ld + c];
}

}  // namespace

class TestSgemm : public QObject {
    Q_OBJECT

private slots:
    void matchesTheReference_data() {
        QTest::addColumn<int>("M");
        QTest::addColumn<int>("N");
        QTest::addColumn<int>("K");
        const Case cases[] = {{1, 1, 1},       {3, 5, 2},      {8, 32, 7},     {9, 33, 17},
                              {64, 121, 288},  {64, 847, 288}, {288, 250, 64}, {64, 288, 900},
                              {130, 1100, 40}, {7, 2100, 3},   {17, 20, 1000}};
        for (const Case& c : cases) QTest::addRow("%dx%dx%d", c.M, c.N, c.K) << c.M << c.N << c.K;
    }

    void matchesTheReference() {
        QFETCH(int, M);
        QFETCH(int, N);
        QFETCH(int, K);
        std::mt19937 rng(M * 1000003 + N * 101 + K);
        std::uniform_real_distribution<float> u(-1.f, 1.f);
        for (int mode = 0; mode < 8; ++mode) {
            const bool ta = mode & 1, tb = mode & 2, accumulate = mode & 4;
            // Leading dimensions larger than the rows, as views into bigger buffers have.
            const int64_t lda = (ta ? M : K) + 3, ldb = (tb ? K : N) + 5, ldc = N + 2;
            std::vector<float> a((ta ? K : M) * lda), b((tb ? N : K) * ldb), c(M * ldc);
            for (float& v : a) v = u(rng);
            for (float& v : b) v = u(rng);
            for (float& v : c) v = u(rng);
            const std::vector<float> c0 = c;
            sgemm(M, N, K, {a.data(), lda, ta}, {b.data(), ldb, tb}, c.data(), ldc, accumulate);
            for (int i = 0; i < M; ++i)
                for (int j = 0; j < N; ++j) {
                    double want = accumulate ? c0[i * ldc + j] : 0.0;
                    for (int k = 0; k < K; ++k) want += at(a, lda, ta, i, k) * at(b, ldb, tb, k, j);
                    const double got = c[i * ldc + j];
                    if (std::abs(got - want) > 1e-5 * (1 + std::sqrt(double(K)))) {
                        QFAIL(qPrintable(
                            QString("mode %1: C(%2,%3) = %4, expected %5").arg(mode).arg(i).arg(j).arg(got).arg(want)));
                    }
                }
            // The padding between rows of C is never written.
            for (int i = 0; i < M; ++i)
                for (int64_t j = N; j < ldc; ++j) QCOMPARE(c[i * ldc + j], c0[i * ldc + j]);
        }
    }

    void zeroDepthClearsOrKeeps() {
        std::vector<float> c(6, 7.f);
        sgemm(2, 3, 0, {nullptr, 0}, {nullptr, 3}, c.data(), 3, true);
        QCOMPARE(c[5], 7.f);
        sgemm(2, 3, 0, {nullptr, 0}, {nullptr, 3}, c.data(), 3, false);
        QCOMPARE(c[5], 0.f);
    }
};

QTEST_APPLESS_MAIN(TestSgemm)
#include "test_sgemm.moc"
