// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/vectorsource.h"

#include "io/gdalsupport.h"

#include "io/presets.h"

#include <QFile>
#include <QLocale>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <mutex>
#include <thread>

namespace placard::io {

namespace {

GDALDatasetUniquePtr openDataset(const QString &path, QString *error)
{
    registerGdalDrivers();
    QuietGdalErrors quiet;
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(QFile::encodeName(path).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds && error) {
        const QString why = lastGdalError();
        *error = why.isEmpty()
            ? QStringLiteral("%1: not a CSV file nor a vector format GDAL reads").arg(path)
            : QStringLiteral("%1: not a CSV file nor a vector format GDAL reads (%2)")
                  .arg(path, why);
    }
    return ds;
}

QString layerName(OGRLayer *layer)
{
    return QString::fromUtf8(layer->GetName());
}

// The shortest text that reads back as the same double, in C notation.
QString numberText(double value)
{
    if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString dateTimeText(const OGRFeature &feature, int i, OGRFieldType type)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, tz = 0;
    float second = 0;
    if (!const_cast<OGRFeature &>(feature).GetFieldAsDateTime(i, &year, &month, &day, &hour,
                                                              &minute, &second, &tz))
        return QString::fromUtf8(feature.GetFieldAsString(i));
    const QString date = QString::asprintf("%04d-%02d-%02d", year, month, day);
    // OGR keeps seconds as a float with millisecond precision.
    const long ms = std::lround(double(second) * 1000);
    const int whole = int(ms / 1000);
    const int millis = int(ms % 1000);
    QString time = QString::asprintf("%02d:%02d:%02d", hour, minute, whole);
    if (millis > 0)
        time += QString::asprintf(".%03d", millis);
    if (type == OFTDate)
        return date;
    if (type == OFTTime)
        return time;
    // OGR's time zone flag: 0 unknown, 1 local time, 100 UTC, 100 ± n quarters of an hour.
    QString zone;
    if (tz == 100) {
        zone = QStringLiteral("Z");
    } else if (tz > 1) {
        const int offset = (tz - 100) * 15;
        zone = QString::asprintf("%c%02d:%02d", offset < 0 ? '-' : '+', std::abs(offset) / 60,
                                 std::abs(offset) % 60);
    }
    return date + QLatin1Char('T') + time + zone;
}

QString fieldText(const OGRFeature &feature, int i, const OGRFieldDefn &defn)
{
    if (!feature.IsFieldSetAndNotNull(i))
        return {};
    const QString separator = QStringLiteral("; ");
    QStringList parts;
    int count = 0;
    switch (defn.GetType()) {
    case OFTInteger:
        if (defn.GetSubType() == OFSTBoolean)
            return feature.GetFieldAsInteger(i) ? QStringLiteral("true") : QStringLiteral("false");
        return QString::number(feature.GetFieldAsInteger(i));
    case OFTInteger64:
        return QString::number(feature.GetFieldAsInteger64(i));
    case OFTReal:
        return numberText(feature.GetFieldAsDouble(i));
    case OFTDate:
    case OFTTime:
    case OFTDateTime:
        return dateTimeText(feature, i, defn.GetType());
    case OFTIntegerList: {
        const int *values = feature.GetFieldAsIntegerList(i, &count);
        for (int k = 0; k < count; ++k)
            parts << QString::number(values[k]);
        return parts.join(separator);
    }
    case OFTInteger64List: {
        const GIntBig *values = feature.GetFieldAsInteger64List(i, &count);
        for (int k = 0; k < count; ++k)
            parts << QString::number(values[k]);
        return parts.join(separator);
    }
    case OFTRealList: {
        const double *values = feature.GetFieldAsDoubleList(i, &count);
        for (int k = 0; k < count; ++k)
            parts << numberText(values[k]);
        return parts.join(separator);
    }
    case OFTStringList: {
        for (char **s = feature.GetFieldAsStringList(i); s && *s; ++s)
            parts << QString::fromUtf8(*s);
        return parts.join(separator);
    }
    default:
        return QString::fromUtf8(feature.GetFieldAsString(i));
    }
}

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation *t) const
    {
        OGRCoordinateTransformation::DestroyCT(t);
    }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

} // namespace

struct VectorSource::State {
    QString path;
    GDALDatasetUniquePtr dataset;
    OGRLayer *layer = nullptr;
    QString layerName;
    QString displayName;
    QStringList header;
    int attributeCount = 0;
    int latColumn = -1;
    int lonColumn = -1;
    // Reprojection to WGS 84; PROJ objects belong to the thread that made them, so the
    // transformation is made again when reading moves to another thread.
    std::unique_ptr<OGRSpatialReference> sourceCrs;
    OGRSpatialReference wgs84;
    TransformPtr transform;
    std::thread::id transformThread;
    qint64 read = 0;
    qint64 count = -1;
    GIntBig lastFid = OGRNullFID;
    QString error;
    QList<ImportProblem> notes;

    bool makeTransform()
    {
        transform.reset();
        transformThread = std::this_thread::get_id();
        if (!sourceCrs)
            return true;
        transform.reset(OGRCreateCoordinateTransformation(sourceCrs.get(), &wgs84));
        return transform != nullptr;
    }
};

std::optional<QList<VectorLayerInfo>> listVectorLayers(const QString &path, QString *error)
{
    const GDALDatasetUniquePtr ds = openDataset(path, error);
    if (!ds)
        return std::nullopt;
    QuietGdalErrors quiet;
    QList<VectorLayerInfo> layers;
    for (OGRLayer *layer : ds->GetLayers()) {
        layers.append({layerName(layer), qint64(layer->GetFeatureCount(TRUE)),
                       QString::fromUtf8(OGRGeometryTypeToName(layer->GetGeomType()))});
    }
    return layers;
}

VectorSource::VectorSource(std::unique_ptr<State> state)
    : m_state(std::move(state))
{
}

VectorSource::~VectorSource() = default;

std::unique_ptr<VectorSource> VectorSource::open(const QString &path, const QString &layer,
                                                 QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return nullptr;
    };
    auto s = std::make_unique<State>();
    s->path = path;
    s->dataset = openDataset(path, error);
    if (!s->dataset)
        return nullptr;
    QuietGdalErrors quiet;
    GDALDataset &ds = *s->dataset;
    if (ds.GetLayerCount() == 0)
        return fail(QStringLiteral("%1: the file holds no vector layer").arg(path));
    QStringList names;
    for (OGRLayer *l : ds.GetLayers())
        names << QStringLiteral("\u201c%1\u201d").arg(layerName(l));
    if (!layer.isEmpty()) {
        s->layer = ds.GetLayerByName(layer.toUtf8().constData());
        if (!s->layer)
            return fail(QStringLiteral("%1: no layer \u201c%2\u201d (layers: %3)")
                            .arg(path, layer, names.join(QStringLiteral(", "))));
    } else if (ds.GetLayerCount() == 1) {
        s->layer = ds.GetLayer(0);
    } else {
        // Formats such as GPX always hold several layers, most of them empty.
        OGRLayer *only = nullptr;
        int withFeatures = 0;
        for (OGRLayer *l : ds.GetLayers()) {
            l->ResetReading();
            if (OGRFeatureUniquePtr(l->GetNextFeature())) {
                only = l;
                ++withFeatures;
            }
            l->ResetReading();
        }
        if (withFeatures != 1)
            return fail(QStringLiteral("%1 holds several layers (%2): choose one to import")
                            .arg(path, names.join(QStringLiteral(", "))));
        s->layer = only;
    }
    OGRLayer &l = *s->layer;
    s->layerName = layerName(&l);
    s->displayName = QStringLiteral("%1, layer \u201c%2\u201d").arg(path, s->layerName);

    const OGRFeatureDefn &defn = *l.GetLayerDefn();
    s->attributeCount = defn.GetFieldCount();
    QStringList lowered;
    for (int i = 0; i < s->attributeCount; ++i) {
        s->header << QString::fromUtf8(defn.GetFieldDefn(i)->GetNameRef());
        lowered << s->header.constLast().toLower();
    }
    if (defn.GetGeomFieldCount() > 0) {
        const bool clash = lowered.contains(QStringLiteral("latitude")) ||
            lowered.contains(QStringLiteral("longitude"));
        s->latColumn = int(s->header.size());
        s->lonColumn = s->latColumn + 1;
        s->header << (clash ? QStringLiteral("geometry latitude") : QStringLiteral("latitude"))
                  << (clash ? QStringLiteral("geometry longitude") : QStringLiteral("longitude"));

        s->wgs84.SetWellKnownGeogCS("WGS84");
        s->wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (const OGRSpatialReference *crs = defn.GetGeomFieldDefn(0)->GetSpatialRef()) {
            auto source = std::make_unique<OGRSpatialReference>(*crs);
            source->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            if (!source->IsSame(&s->wgs84))
                s->sourceCrs = std::move(source);
        } else {
            s->notes.append({0, s->latColumn + 1, QString(),
                             QStringLiteral("layer \u201c%1\u201d has no coordinate reference "
                                            "system: its coordinates are read as WGS 84 "
                                            "longitude and latitude")
                                 .arg(s->layerName),
                             false});
        }
        if (!s->makeTransform())
            return fail(QStringLiteral("%1: cannot reproject from %2 to WGS 84: %3")
                            .arg(s->displayName, QString::fromUtf8(s->sourceCrs->GetName()),
                                 lastGdalError()));
    }
    s->count = qint64(l.GetFeatureCount(TRUE));
    l.ResetReading();
    return std::unique_ptr<VectorSource>(new VectorSource(std::move(s)));
}

QString VectorSource::layer() const
{
    return m_state->layerName;
}

int VectorSource::latitudeColumn() const
{
    return m_state->latColumn;
}

int VectorSource::longitudeColumn() const
{
    return m_state->lonColumn;
}

QString VectorSource::displayName() const
{
    return m_state->displayName;
}

QStringList VectorSource::header() const
{
    return m_state->header;
}

bool VectorSource::read(SourceRecord &record)
{
    State &s = *m_state;
    if (!s.error.isEmpty())
        return false;
    QuietGdalErrors quiet;
    const OGRFeatureUniquePtr feature(s.layer->GetNextFeature());
    if (!feature) {
        if (CPLGetLastErrorType() >= CE_Failure) {
            s.error = s.lastFid == OGRNullFID
                ? QStringLiteral("%1: cannot read the first feature: %2")
                      .arg(s.displayName, lastGdalError())
                : QStringLiteral("%1: cannot read the feature after FID %2: %3")
                      .arg(s.displayName)
                      .arg(s.lastFid)
                      .arg(lastGdalError());
        }
        return false;
    }
    ++s.read;
    s.lastFid = feature->GetFID();
    record.line = s.read;
    record.problems.clear();
    record.fields.clear();
    record.fields.reserve(s.header.size());
    const OGRFeatureDefn &defn = *feature->GetDefnRef();
    for (int i = 0; i < s.attributeCount; ++i)
        record.fields.append(fieldText(*feature, i, *defn.GetFieldDefn(i)));
    if (s.latColumn < 0)
        return true;

    QString lat, lon;
    const OGRGeometry *g = feature->GetGeomFieldRef(0);
    if (g && !g->IsEmpty()) {
        const QString typeName = QString::fromUtf8(OGRGeometryTypeToName(g->getGeometryType()));
        const OGRwkbGeometryType flat = wkbFlatten(g->getGeometryType());
        const auto warn = [&](const QString &message) {
            record.problems.append({record.line, s.latColumn + 1, typeName, message, false});
        };
        OGRPoint point;
        bool ok = true;
        if (flat == wkbPoint) {
            point = *g->toPoint();
        } else if (flat == wkbMultiPoint && g->toMultiPoint()->getNumGeometries() == 1) {
            point = *g->toMultiPoint()->getGeometryRef(0);
        } else if (g->Centroid(&point) == OGRERR_NONE && !point.IsEmpty()) {
            warn(QStringLiteral("not a point: placed at the centroid of the %1 (FID %2)")
                     .arg(typeName)
                     .arg(s.lastFid));
        } else {
            ok = false;
            warn(QStringLiteral("no centroid for the %1 (FID %2): the event is kept unplaced")
                     .arg(typeName)
                     .arg(s.lastFid));
        }
        double x = point.getX();
        double y = point.getY();
        if (ok && s.sourceCrs) {
            if (s.transformThread != std::this_thread::get_id() && !s.makeTransform()) {
                s.error = QStringLiteral("%1: cannot reproject to WGS 84: %2")
                              .arg(s.displayName, lastGdalError());
                return false;
            }
            if (!s.transform->Transform(1, &x, &y)) {
                ok = false;
                warn(QStringLiteral("cannot be reprojected to WGS 84 (FID %1): the event is "
                                    "kept unplaced")
                         .arg(s.lastFid));
            }
        }
        if (ok) {
            lat = numberText(y);
            lon = numberText(x);
        }
    }
    record.fields << lat << lon;
    return true;
}

QString VectorSource::errorString() const
{
    return m_state->error;
}

Mapping VectorSource::autoMapping(std::optional<PresetId> preset,
                                  const QStringList &firstRecord) const
{
    Q_UNUSED(firstRecord);
    const State &s = *m_state;
    Mapping m =
        preset ? presetMapping(*preset, s.header, true) : detectMapping(s.header, true, QChar());
    if (s.latColumn < 0)
        return m;
    // The geometry wins over attributes that also name a place's coordinates.
    for (ColumnRule &rule : m.columns) {
        if (rule.column == s.latColumn)
            rule.field = Field::Latitude;
        else if (rule.column == s.lonColumn)
            rule.field = Field::Longitude;
        else if (rule.field == Field::Latitude || rule.field == Field::Longitude ||
                 rule.field == Field::Coordinates)
            rule.field = Field::Ignore;
    }
    return m;
}

QString VectorSource::format() const
{
    return QString::fromUtf8(m_state->dataset->GetDriver()->GetDescription()).toLower();
}

qint64 VectorSource::position() const
{
    return m_state->read;
}

qint64 VectorSource::total() const
{
    return m_state->count;
}

QList<ImportProblem> VectorSource::notes() const
{
    return m_state->notes;
}

} // namespace placard::io
