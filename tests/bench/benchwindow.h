// SPDX-License-Identifier: GPL-3.0-or-later
// What the window benchmarks share: their output lines and the main window they drive.
#pragma once

#include "eventlayer.h"
#include "mainwindow.h"
#include "mapwidget.h"

#include <QList>
#include <QQuickItem>
#include <QTextStream>

#include <algorithm>
#include <optional>

namespace placard::bench {

inline QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

/// One figure, as `bench: NAME = VALUE UNIT` on standard output.
inline void result(const char *name, double value, int decimals, const char *unit)
{
    QTextStream(stdout) << "bench: " << name << " = " << QString::number(value, 'f', decimals)
                        << ' ' << unit << Qt::endl;
}

inline double quantile(QList<double> v, double q)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(double(v.size()) * q)));
}

/// No display and no GPU on a benchmark machine: the offscreen platform and Qt Quick's
/// software renderer, as the GUI tests use, unless the environment names others. Call
/// before the application object is made.
inline void useOffscreenSoftwareRendering()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
        qputenv("QT_QUICK_BACKEND", "software");
}

/// The map of a shown main window and the items the benchmarks drive.
struct BenchMap {
    QQuickWidget *widget = nullptr;
    EventLayer *layer = nullptr;
    QObject *map = nullptr; ///< the MapView's Map
};

/// Loads the map page, shows the window and sizes it so that the map is 1024×768 whatever
/// the docks around it take (figures stay comparable as the window changes). Nothing, with
/// the reason on standard error, when the map cannot be used.
inline std::optional<BenchMap> showBenchWindow(MainWindow &window, const char *name)
{
    if (!window.loadMap(MapWidget::defaultPage())) {
        err() << name << ": " << window.mapErrorText() << Qt::endl;
        return std::nullopt;
    }
    window.show();
    BenchMap m;
    m.widget = window.mapWidget();
    window.resize(window.size() + QSize(1024, 768) - m.widget->size());
    QQuickItem *root = m.widget->rootObject();
    m.layer = root ? root->findChild<EventLayer *>(QStringLiteral("eventLayer")) : nullptr;
    auto *view = root ? root->findChild<QQuickItem *>(QStringLiteral("mapView")) : nullptr;
    m.map = view ? view->property("map").value<QObject *>() : nullptr;
    if (!m.layer || !m.map) {
        err() << name << ": the map page has no eventLayer or mapView\n";
        return std::nullopt;
    }
    return m;
}

} // namespace placard::bench
