// Transfer learning in the engine: frozen layers stay exactly as they were (BatchNorm's
// statistics too) while the trainable ones still get correct gradients; a new head keeps the
// backbone's weights; the head trains on cached features, which follow the backbone and data.
#include <QtTest>

#include <cmath>

#include "core/errors.h"
#include "data/batcher.h"
#include "data/class_selection.h"
#include "graph/model.h"
#include "io/model_file.h"
#include "test_data.h"
#include "train/evaluator.h"
#include "train/feature_cache.h"
#include "train/loss.h"
#include "train/trainer.h"
#include "train/transfer.h"

using namespace cs;

namespace {

// input, conv2d, batch_normalization, max_pooling2d, flatten, dense, dense_1
GraphSpec backboneCnn(int classes = 4) {
    return GraphSpec::sequential({{"Input", {{"height", 12}, {"width", 12}, {"channels", 1}}},
                                  {"Conv2D", {{"filters", 4}, {"kernel_size", 3}, {"activation", "relu"}}},
                                  {"BatchNormalization", {}},
                                  {"MaxPooling2D", {{"pool_size", 2}}},
                                  {"Flatten", {}},
                                  {"Dense", {{"units", 8}, {"activation", "relu"}}},
                                  {"Dense", {{"units", classes}, {"activation", "softmax"}}}});
}

Preprocessing pre12() {
    Preprocessing p;
    p.height = p.width = 12;
    return p;
}

TrainSettings settings(int epochs) {
    TrainSettings s;
    s.epochs = epochs;
    s.batchSize = 16;
    s.threads = 2;
    s.seed = 5;
    s.optimizer.learningRate = 1e-2f;
    return s;
}

std::vector<float> valuesOf(const std::vector<Param>& list) {
    std::vector<float> v;
    for (const Param& p : list) v.insert(v.end(), p.value.data(), p.value.data() + p.value.size());
    return v;
}

const Layer& layer(const Model& m, const std::string& name) { return *m.nodes()[m.indexOfName(name)].layer; }

// Mean cross-entropy of the model on `images` (probabilities out of a softmax).
double lossOf(const Model& m, Executor& ex, const Tensor& images, const std::vector<int32_t>& labels) {
    const Tensor& out = m.forward(ex, images, Phase::Train);
    const LossResult r = softmaxCrossEntropy(out, true, labels, LossOptions{}, 1.f, nullptr);
    return r.lossSum / images.batch();
}

}  // namespace

class TestTransfer : public QObject {
    Q_OBJECT

private slots:
    void filesWithoutTheFlagAreTrainableAndTheFlagRoundTrips() {
        GraphSpec g = backboneCnn();
        QVERIFY(g.toJson().dump().find("trainable") == std::string::npos);  // old readers see the same file
        g = frozenUpTo(g, "batch_normalization");
        const nlohmann::json j = g.toJson();
        QCOMPARE(j["nodes"][2]["trainable"], nlohmann::json(false));
        QVERIFY(!j["nodes"][3].contains("trainable"));
        QVERIFY(GraphSpec::fromJson(j) == g);
        QVERIFY(!(GraphSpec::fromJson(j) == backboneCnn()));
        nlohmann::json old = backboneCnn().toJson();
        const GraphSpec oldSpec = GraphSpec::fromJson(old);  // a named object: nodes() of a temporary dangles
        for (const NodeSpec& n : oldSpec.nodes()) QVERIFY(n.trainable);
    }

    void freezeUpToAnUnknownLayerNamesIt() {
        try {
            frozenUpTo(backboneCnn(), "conv9");
            QFAIL("expected an error");
        } catch (const OptionError& e) {
            QVERIFY2(std::string(e.what()).find("'conv9'") != std::string::npos, e.what());
            QVERIFY(std::string(e.what()).find("dense_1") != std::string::npos);  // lists the layers
        }
    }

    void frozenLayersAndBatchNormStatisticsStayBitIdentical() {
        Model model(frozenUpTo(backboneCnn(), "max_pooling2d"), 3);
        QCOMPARE(model.trainableParamCount(),
                 layer(model, "dense").paramCount() + layer(model, "dense_1").paramCount());
        const auto conv = valuesOf(layer(model, "conv2d").params());
        const auto bn = valuesOf(layer(model, "batch_normalization").params());
        const auto bnState = valuesOf(layer(model, "batch_normalization").state());
        const auto dense = valuesOf(layer(model, "dense").params());
        Trainer trainer(model, settings(2), pre12());
        trainer.setFeatureExtraction(false);  // the frozen layers run on every batch
        trainer.run(testing::quadrantDataset(16, 12, 1), Dataset{});
        QVERIFY(valuesOf(layer(model, "conv2d").params()) == conv);
        QVERIFY(valuesOf(layer(model, "batch_normalization").params()) == bn);
        QVERIFY(valuesOf(layer(model, "batch_normalization").state()) == bnState);
        QVERIFY(valuesOf(layer(model, "dense").params()) != dense);
    }

    void nothingTrainableIsAnError() {
        Model model(frozenUpTo(backboneCnn(), "dense_1"), 3);
        Trainer trainer(model, settings(1), pre12());
        QVERIFY_THROWS_EXCEPTION(TrainingError, trainer.run(testing::quadrantDataset(4, 12, 1), Dataset{}));
    }

    // A frozen BatchNorm between two trainable layers: the conv below it still gets the exact
    // gradient (through BatchNorm's stored statistics), the frozen parts none is needed for.
    void trainableGradientsMatchFiniteDifferences() {
        // Smooth activations and average pooling: no kinks for the finite differences to cross.
        GraphSpec g = GraphSpec::sequential({{"Input", {{"height", 12}, {"width", 12}, {"channels", 1}}},
                                             {"Conv2D", {{"filters", 4}, {"kernel_size", 3}, {"activation", "tanh"}}},
                                             {"BatchNormalization", {}},
                                             {"AveragePooling2D", {{"pool_size", 2}}},
                                             {"Flatten", {}},
                                             {"Dense", {{"units", 8}, {"activation", "tanh"}}},
                                             {"Dense", {{"units", 4}, {"activation", "softmax"}}}});
        g.find(g.findByName("batch_normalization")->id)->trainable = false;
        Model model(g, 7);
        // Stored statistics that are not the identity, so a wrong backward would show.
        auto& st = model.nodes()[model.indexOfName("batch_normalization")].layer->state();
        for (int c = 0; c < 4; ++c) st[0].value[c] = 0.1f * c, st[1].value[c] = 0.5f + 0.3f * c;
        QVERIFY(model.nodes()[model.indexOfName("conv2d")].needsBackward);
        QVERIFY(model.nodes()[model.indexOfName("batch_normalization")].inferenceMode);

        const Dataset data = testing::quadrantDataset(2, 12, 3);
        Tensor images;
        std::vector<int32_t> labels;
        std::vector<uint32_t> all(data.size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<uint32_t>(i);
        assembleBatch(data, all, pre12(), nullptr, 0, images, labels);
        auto ex = model.makeExecutor();
        const Tensor& out = model.forward(*ex, images, Phase::Train);
        Tensor grad;
        softmaxCrossEntropy(out, true, labels, LossOptions{}, 1.f / images.batch(), &grad);
        model.backward(*ex, grad, true);

        const std::vector<Param*> params = model.parameters();
        const std::vector<char> trains = model.parameterTrainable();
        int checked = 0;
        for (std::size_t p = 0; p < params.size(); ++p) {
            if (!trains[p]) continue;
            const Tensor analytic = ex->paramGrads()[p];
            Tensor& w = params[p]->value;
            for (int64_t i = 0; i < w.size(); i += std::max<int64_t>(1, w.size() / 7)) {
                const float keep = w.data()[i], h = 1e-3f;
                w.data()[i] = keep + h;
                const double up = lossOf(model, *ex, images, labels);
                w.data()[i] = keep - h;
                const double down = lossOf(model, *ex, images, labels);
                w.data()[i] = keep;
                const double numeric = (up - down) / (2 * h);
                QVERIFY2(std::abs(numeric - analytic.data()[i]) <= 2e-3 + 2e-2 * std::abs(numeric),
                         qPrintable(QString("%1[%2]: numeric %3, analytic %4")
                                        .arg(QString::fromStdString(params[p]->name))
                                        .arg(i)
                                        .arg(numeric)
                                        .arg(analytic.data()[i])));
                ++checked;
            }
        }
        QVERIFY(checked > 20);
    }

    void noBackwardBelowTheLowestTrainableLayer() {
        const Model model(frozenUpTo(backboneCnn(), "flatten"), 1);
        for (const char* name : {"conv2d", "batch_normalization", "max_pooling2d", "flatten"})
            QVERIFY2(!model.nodes()[model.indexOfName(name)].needsBackward, name);
        QVERIFY(model.nodes()[model.indexOfName("dense")].needsBackward);
    }

    void replaceHeadKeepsTheBackboneAndFitsTheClasses() {
        ModelFile file;
        file.graph = backboneCnn();
        file.preprocessing = pre12();
        file.classNames = {"a", "b", "c", "d"};
        Model trained(file.graph, 9);
        storeWeights(trained, file);

        const ModelFile atConv = replaceHead(file, "conv2d", {"x", "y", "z"});
        const Model m(atConv.graph, 1);
        QCOMPARE(m.outputShape(), Shape::flat(3));
        QCOMPARE(std::string(m.nodes()[2].layer->kind()), std::string("GlobalAveragePooling2D"));
        QCOMPARE(atConv.classNames, (std::vector<std::string>{"x", "y", "z"}));

        const ModelFile atFlatten = replaceHead(file, "flatten", {"x", "y"});
        Model head(atFlatten.graph, 1);
        applyWeights(atFlatten, head);  // every tensor present and of the right shape
        QCOMPARE(head.outputShape(), Shape::flat(2));
        QCOMPARE(int(head.nodes().size()), 6);  // input .. flatten, dense
        QVERIFY(valuesOf(layer(head, "conv2d").params()) == valuesOf(layer(trained, "conv2d").params()));
        QVERIFY(valuesOf(layer(head, "batch_normalization").state()) ==
                valuesOf(layer(trained, "batch_normalization").state()));
        for (int i = 0; i <= head.indexOfName("flatten"); ++i) QVERIFY(!head.nodes()[i].trainable);
        QVERIFY(head.nodes().back().trainable);
        QCOMPARE(head.trainableParamCount(), int64_t(5 * 5 * 4 * 2 + 2));
        QVERIFY_THROWS_EXCEPTION(OptionError, replaceHead(file, "nope", {"x"}));
    }

    void featureCacheFollowsTheBackboneAndTheData() {
        Model model(frozenUpTo(backboneCnn(), "flatten"), 2);
        const std::optional<int> cut = FeatureCache::findCut(model);
        QVERIFY(cut);
        QCOMPARE(*cut, model.indexOfName("flatten"));
        Dataset data = testing::quadrantDataset(4, 12, 1);
        FeatureCache cache;
        const Tensor first = cache.features(model, *cut, data, pre12(), nullptr);
        QVERIFY(!cache.lastUse().reused);
        cache.features(model, *cut, data, pre12(), nullptr);
        QVERIFY(cache.lastUse().reused);
        // The head's weights are not part of the key.
        model.nodes().back().layer->params()[0].value.data()[0] += 1.f;
        cache.features(model, *cut, data, pre12(), nullptr);
        QVERIFY(cache.lastUse().reused);
        // A backbone weight is.
        model.nodes()[1].layer->params()[0].value.data()[0] += 0.5f;
        const Tensor changed = cache.features(model, *cut, data, pre12(), nullptr);
        QVERIFY(!cache.lastUse().reused);
        QVERIFY(!std::equal(first.data(), first.data() + first.size(), changed.data()));
        // So is the data.
        cache.features(model, *cut, data, pre12(), nullptr);
        QVERIFY(cache.lastUse().reused);
        data.pixels[5] ^= 0x40;
        cache.features(model, *cut, data, pre12(), nullptr);
        QVERIFY(!cache.lastUse().reused);
        // Each sample's features are the frozen part's inference output.
        auto ex = model.makeExecutor();
        Tensor images;
        std::vector<int32_t> labels;
        const std::vector<uint32_t> one{3};
        assembleBatch(data, one, pre12(), nullptr, 0, images, labels);
        const Tensor& direct = model.forwardTo(*ex, images, *cut);
        const Tensor& cached = cache.features(model, *cut, data, pre12(), nullptr);
        QVERIFY(std::equal(direct.data(), direct.data() + direct.size(), cached.sample(3)));
    }

    void noCutWhenATrainableOrRandomLayerIsBelowTheHead() {
        QVERIFY(!FeatureCache::findCut(Model(backboneCnn(), 1)));  // the first conv trains
        GraphSpec g = GraphSpec::sequential({{"Input", {{"height", 12}, {"width", 12}, {"channels", 1}}},
                                             {"Flatten", {}},
                                             {"Dropout", {{"rate", 0.5}}},
                                             {"Dense", {{"units", 4}, {"activation", "softmax"}}}});
        QCOMPARE(FeatureCache::findCut(Model(g, 1)), std::optional<int>(1));  // at the Flatten, below the Dropout
    }

    // Training the head on cached features is the same arithmetic as running the frozen
    // backbone on every batch, only faster.
    void featureExtractionTrainsLikeTheFullModel() {
        const Dataset data = testing::quadrantDataset(12, 12, 4);
        std::vector<float> heads[2];
        for (int fe = 0; fe < 2; ++fe) {
            Model model(frozenUpTo(backboneCnn(), "flatten"), 3);
            Trainer trainer(model, settings(3), pre12());
            trainer.setFeatureExtraction(fe == 1);
            const TrainResult r = trainer.run(data, Dataset{});
            QCOMPARE(r.featureCache.has_value(), fe == 1);
            heads[fe] = valuesOf(layer(model, "dense_1").params());
        }
        QCOMPARE(heads[0].size(), heads[1].size());
        for (std::size_t i = 0; i < heads[0].size(); ++i) QVERIFY(std::abs(heads[0][i] - heads[1][i]) < 1e-5f);
    }

    void augmentationTurnsFeatureExtractionOff() {
        Model model(frozenUpTo(backboneCnn(), "flatten"), 3);
        TrainSettings s = settings(1);
        s.augment = {{"shift", {{"p", 1.0}, {"amount", 0.1}}}};
        Trainer trainer(model, s, pre12());
        std::string notes;
        TrainCallbacks cb;
        cb.onMessage = [&](const TrainMessage& m) { notes += m.text + "\n"; };
        QVERIFY(!trainer.run(testing::quadrantDataset(4, 12, 1), Dataset{}, cb).featureCache);
        QVERIFY2(notes.find("augmentation") != std::string::npos, notes.c_str());
    }

    // The experiment in small: a backbone that learned two quadrants, a new head that learns
    // the other two from 8 images each on cached features.
    void aNewHeadLearnsNewClassesFromFewImages() {
        const Dataset all = testing::quadrantDataset(60, 12, 11);
        ClassSelection first{{0, 1}, 0, 1};
        ModelFile file;
        file.graph = backboneCnn(2);
        file.preprocessing = pre12();
        Model backbone(file.graph, 3);
        Trainer(backbone, settings(4), pre12()).run(selectClasses(all, first, true), Dataset{});
        storeWeights(backbone, file);

        ClassSelection second{{2, 3}, 8, 2};
        const Dataset few = selectClasses(all, second, true);
        QCOMPARE(int(few.size()), 16);
        const ModelFile transfer = replaceHead(file, "flatten", few.classNames);
        Model head(transfer.graph, 1);
        applyWeights(transfer, head);
        TrainSettings s = settings(30);
        s.batchSize = 8;
        const TrainResult r = Trainer(head, s, pre12()).run(few, Dataset{});
        QVERIFY(r.featureCache);
        const Dataset test = selectClasses(testing::quadrantDataset(30, 12, 99), second, false);
        const EvalResult e = evaluate(head, test, pre12(), EvalOptions{});
        QVERIFY2(e.accuracy > 0.9, qPrintable(QString::number(e.accuracy)));
    }
};

QTEST_APPLESS_MAIN(TestTransfer)
#include "test_transfer.moc"
