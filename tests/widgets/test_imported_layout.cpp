// An imported graph carries no designer positions; the document lays it out when it opens:
// a MobileNetV2-like graph of about 60 layers (inverted residual blocks, squeeze-and-excitation
// gates, a ShuffleNet split) comes out layered, branches side by side, no card on another.
// CONVSTUDIO_SCREENSHOTS=FOLDER saves the designer's view of it there.
#include <QtTest>

#include "designer/designer_metrics.h"
#include "designer/designer_scene.h"
#include "designer/designer_view.h"
#include "designer/model_document.h"
#include "graph/graph_spec.h"
#include "io/model_file.h"

using namespace cs;
using namespace cs::gui;

namespace {

nlohmann::json conv(int filters, int k, int s, const char* act) {
    return {{"filters", filters}, {"kernel_size", k}, {"strides", s}, {"padding", "same"}, {"activation", act}};
}

// Stem, 16 inverted residual blocks (expand, 3x3, project; residual Add when the shape allows,
// a squeeze-and-excitation gate on every third), a ShuffleNet unit, and the head.
GraphSpec mobileNetLike() {
    GraphSpec g;
    int x = g.add("Input", {{"height", 32}, {"width", 32}, {"channels", 3}}, {}, "input");
    x = g.add("Conv2D", conv(16, 3, 2, "relu6"), {x});
    int channels = 16;
    for (int b = 0; b < 16; ++b) {
        const int out = b < 6 ? 16 : 24;
        const int stride = b == 6 ? 2 : 1;
        int y = g.add("Conv2D", conv(channels * 2, 1, 1, "relu6"), {x});
        y = g.add("Conv2D", conv(channels * 2, 3, stride, "relu6"), {y});
        if (b % 3 == 2) {
            int s = g.add("GlobalAveragePooling2D", {}, {y});
            s = g.add("Dense", {{"units", 8}, {"activation", "relu"}}, {s});
            s = g.add("Dense", {{"units", channels * 2}, {"activation", "hard_sigmoid"}}, {s});
            y = g.add("Multiply", {}, {s, y});  // scale * input, as torchvision's SqueezeExcitation
        }
        y = g.add("Conv2D", conv(out, 1, 1, "linear"), {y});
        x = stride == 1 && out == channels ? g.add("Add", {}, {x, y}) : y;
        channels = out;
    }
    const int left = g.add("ChannelSlice", {{"start", 0}, {"stop", 12}}, {x}, "split_left");
    int right = g.add("ChannelSlice", {{"start", 12}, {"stop", 24}}, {x}, "split_right");
    right = g.add("Conv2D", conv(12, 3, 1, "relu"), {right});
    x = g.add("Concatenate", {}, {left, right});
    x = g.add("ChannelShuffle", {{"groups", 2}}, {x});
    x = g.add("GlobalAveragePooling2D", {}, {x});
    g.add("Dense", {{"units", 10}, {"activation", "softmax"}}, {x});
    return g;
}

}  // namespace

class TestImportedLayout : public QObject {
    Q_OBJECT

private slots:
    void importedGraphIsLaidOut() {
        ModelFile file;
        file.graph = mobileNetLike();
        for (auto& n : file.graph.nodes()) n.x = n.y = 0;  // as ONNX import leaves them
        QVERIFY(file.graph.nodes().size() >= 60);
        ModelDocument doc;
        doc.reset(file);
        const auto& nodes = doc.graph().nodes();

        // Every edge points down: each layer sits below its inputs.
        for (const auto& n : nodes)
            for (int in : n.inputs) QVERIFY2(doc.node(in)->y < n.y, n.name.c_str());
        // No two cards overlap.
        for (size_t i = 0; i < nodes.size(); ++i)
            for (size_t j = i + 1; j < nodes.size(); ++j) {
                const QRectF a(nodes[i].x, nodes[i].y, metrics::kCardWidth, metrics::kCardHeight);
                const QRectF b(nodes[j].x, nodes[j].y, metrics::kCardWidth, metrics::kCardHeight);
                QVERIFY2(!a.intersects(b), (nodes[i].name + " / " + nodes[j].name).c_str());
            }
        // Branches side by side: the two channel slices share a row.
        const NodeSpec* left = doc.graph().findByName("split_left");
        const NodeSpec* right = doc.graph().findByName("split_right");
        QVERIFY(left && right);
        QCOMPARE(left->y, right->y);

        const QString dir = qEnvironmentVariable("CONVSTUDIO_SCREENSHOTS");
        if (dir.isEmpty()) return;
        DesignerScene scene(&doc);
        DesignerView view(&scene);
        view.resize(1000, 1400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.zoomToFit();
        QDir().mkpath(dir);
        QVERIFY(view.grab().save(QDir(dir).filePath("imported_mobilenet_layout.png")));
        view.setZoom(0.6);
        view.centerOn(QPointF(0, 900));
        QVERIFY(view.grab().save(QDir(dir).filePath("imported_mobilenet_layout_detail.png")));
    }
};

QTEST_MAIN(TestImportedLayout)
#include "test_imported_layout.moc"
