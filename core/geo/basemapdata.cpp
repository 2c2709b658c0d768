// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/basemapdata.h"

#include "geo/webmercator.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>

#include <gdal.h>
#include <ogr_api.h>
#include <ogrsf_frmts.h>

#include <cmath>

namespace placard::geo {

namespace {

struct DatasetCloser {
    void operator()(GDALDataset *d) const { GDALClose(d); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// Perpendicular-distance simplification of one ring or line, in world units.
void simplify(const QList<QPointF> &in, double tolerance, QList<QPointF> &out)
{
    if (in.size() < 3) {
        out = in;
        return;
    }
    std::vector<char> keep(std::size_t(in.size()), 0);
    keep.front() = keep.back() = 1;
    std::vector<std::pair<qsizetype, qsizetype>> stack{{0, in.size() - 1}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        const QPointF pa = in[a], pb = in[b];
        const double dx = pb.x() - pa.x(), dy = pb.y() - pa.y();
        const double len = std::hypot(dx, dy);
        double worst = -1;
        qsizetype at = -1;
        for (qsizetype i = a + 1; i < b; ++i) {
            const QPointF p = in[i];
            const double d = len > 0
                ? std::abs(dy * p.x() - dx * p.y() + pb.x() * pa.y() - pb.y() * pa.x()) / len
                : std::hypot(p.x() - pa.x(), p.y() - pa.y());
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        if (at >= 0 && worst > tolerance) {
            keep[std::size_t(at)] = 1;
            stack.push_back({a, at});
            stack.push_back({at, b});
        }
    }
    out.clear();
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (keep[std::size_t(i)])
            out.append(in[i]);
    }
}

QList<QPointF> worldPoints(const OGRSimpleCurve *curve)
{
    QList<QPointF> points;
    points.reserve(curve->getNumPoints());
    for (int i = 0; i < curve->getNumPoints(); ++i)
        points.append(mercator::toWorld(curve->getY(i), curve->getX(i)));
    return points;
}

void addCurve(QPainterPath &path, const QList<QPointF> &points, bool closed)
{
    if (points.size() < 2)
        return;
    path.moveTo(points.front());
    for (qsizetype i = 1; i < points.size(); ++i)
        path.lineTo(points[i]);
    if (closed)
        path.closeSubpath();
}

// Adds a geometry's rings or lines to two paths: as is, and simplified by `tolerance`.
void addGeometry(const OGRGeometry *g, QPainterPath &path, QPainterPath *coarse, double tolerance)
{
    if (!g)
        return;
    const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
    const auto curve = [&](const OGRSimpleCurve *c, bool closed) {
        const QList<QPointF> points = worldPoints(c);
        addCurve(path, points, closed);
        if (coarse) {
            QList<QPointF> simple;
            simplify(points, tolerance, simple);
            if (!closed || simple.size() >= 4)
                addCurve(*coarse, simple, closed);
        }
    };
    switch (type) {
    case wkbPolygon: {
        const auto *poly = g->toPolygon();
        for (const OGRLinearRing *ring : *poly)
            curve(ring, true);
        break;
    }
    case wkbLineString:
        curve(g->toLineString(), false);
        break;
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbGeometryCollection:
        for (const OGRGeometry *part : *g->toGeometryCollection())
            addGeometry(part, path, coarse, tolerance);
        break;
    default:
        break;
    }
}

bool readLayer(GDALDataset *ds, const char *name, QList<BasemapData::Shape> &shapes,
               QList<BasemapData::Shape> *coarse, QString *error)
{
    OGRLayer *layer = ds->GetLayerByName(name);
    if (!layer) {
        if (error)
            *error =
                QStringLiteral("the basemap has no layer \"%1\"").arg(QString::fromLatin1(name));
        return false;
    }
    const int rankField = layer->GetLayerDefn()->GetFieldIndex("scalerank");
    // A pixel at zoom 5 with 256-pixel tiles: detail below it is invisible at small scales.
    const double tolerance = 1.0 / (256.0 * 32.0);
    layer->ResetReading();
    for (auto &feature : *layer) {
        BasemapData::Shape shape;
        QPainterPath coarsePath;
        coarsePath.setFillRule(Qt::OddEvenFill);
        shape.path.setFillRule(Qt::OddEvenFill);
        addGeometry(feature->GetGeometryRef(), shape.path, coarse ? &coarsePath : nullptr,
                    tolerance);
        if (shape.path.isEmpty())
            continue;
        // A little room, so straight lines along a parallel or meridian (zero height or
        // width) still meet the areas they cross.
        shape.bounds = shape.path.boundingRect().adjusted(-1e-9, -1e-9, 1e-9, 1e-9);
        shape.rank = rankField >= 0 ? feature->GetFieldAsInteger(rankField) : 0;
        if (coarse && !coarsePath.isEmpty())
            coarse->append({coarsePath,
                            coarsePath.boundingRect().adjusted(-1e-9, -1e-9, 1e-9, 1e-9),
                            shape.rank});
        shapes.append(std::move(shape));
    }
    return true;
}

// Rank by population; a capital of some size counts one rank higher, but a capital of a
// few thousand people does not outrank a city of millions.
int placeRank(qint64 population, bool capital)
{
    int rank = population >= 5000000 ? 1
        : population >= 1000000      ? 2
        : population >= 250000       ? 3
        : population >= 50000        ? 4
        : population >= 10000        ? 5
                                     : 6;
    if (capital && population >= 100000)
        rank = std::max(1, rank - 1);
    return rank;
}

} // namespace

QString BasemapData::defaultPath()
{
    const QString env = qEnvironmentVariable("PLACARD_BASEMAP");
    if (!env.isEmpty())
        return env;
#ifdef PLACARD_BUILD_RESOURCES_DIR
    const QString built = QStringLiteral(PLACARD_BUILD_RESOURCES_DIR "/basemap.gpkg");
    if (QFileInfo::exists(built))
        return built;
#endif
    const QString installed = QStandardPaths::locate(QStandardPaths::GenericDataLocation,
                                                     QStringLiteral("placard/basemap.gpkg"));
    if (!installed.isEmpty())
        return installed;
    return QCoreApplication::applicationDirPath() +
        QStringLiteral("/../share/placard/basemap.gpkg");
}

std::shared_ptr<const BasemapData> BasemapData::load(const QString &path, QString *error)
{
    if (!QFileInfo(path).isFile()) {
        if (error)
            *error = QStringLiteral("%1: no basemap file").arg(path);
        return nullptr;
    }
    GDALAllRegister();
    const char *drivers[] = {"GPKG", nullptr};
    DatasetPtr ds(GDALDataset::FromHandle(GDALOpenEx(
        path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr)));
    if (!ds) {
        if (error)
            *error = QStringLiteral("%1: not a GeoPackage GDAL can read").arg(path);
        return nullptr;
    }
    auto data = std::make_shared<BasemapData>();
    QString why;
    if (!readLayer(ds.get(), "land", data->land, &data->landCoarse, &why) ||
        !readLayer(ds.get(), "lakes", data->lakes, nullptr, &why) ||
        !readLayer(ds.get(), "rivers", data->rivers, nullptr, &why) ||
        !readLayer(ds.get(), "country_borders", data->countryBorders, nullptr, &why) ||
        !readLayer(ds.get(), "admin1_borders", data->admin1Borders, nullptr, &why) ||
        !readLayer(ds.get(), "county_borders", data->countyBorders, nullptr, &why)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return nullptr;
    }
    OGRLayer *places = ds->GetLayerByName("places");
    if (!places) {
        if (error)
            *error = QStringLiteral("%1: the basemap has no layer \"places\"").arg(path);
        return nullptr;
    }
    const OGRFeatureDefn *defn = places->GetLayerDefn();
    const int fName = defn->GetFieldIndex("name");
    const int fPop = defn->GetFieldIndex("population");
    const int fCapital = defn->GetFieldIndex("capital");
    for (auto &feature : *places) {
        const OGRGeometry *g = feature->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint)
            continue;
        const OGRPoint *p = g->toPoint();
        const qint64 population = feature->GetFieldAsInteger64(fPop);
        const bool capital = feature->GetFieldAsInteger(fCapital) != 0;
        data->places.append({mercator::toWorld(p->getY(), p->getX()),
                             QString::fromUtf8(feature->GetFieldAsString(fName)), population,
                             placeRank(population, capital), capital});
    }
    // Labels are placed in this order: the more important first.
    std::stable_sort(data->places.begin(), data->places.end(), [](const Place &a, const Place &b) {
        return a.rank != b.rank ? a.rank < b.rank : a.population > b.population;
    });
    return data;
}

} // namespace placard::geo
